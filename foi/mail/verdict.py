"""Turn a reading into a :class:`Classification`: rivals, confidence, and what is automatic."""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date

from foi.mail.evidence import Gathered
from foi.mail.kinds import AUTOMATIC, STATUS_KINDS, Classification
from foi.mail.sections import collect_sections, is_ncnd_section, ncnd_counted
from foi.mail.signals import NCND_RE

# The evidence that competes with each status (see classify: rival_evidence). A reading with any of
# it goes to review with its best guess, whatever its confidence; the review outcome letters
# quote the refusal they review, so nothing competes with them.
_RIVALS: dict[str, tuple[str, ...]] = {
    # (Beside figures, a table or answered questions in the body, "not held" speaks of a part: round 10.)
    "responded": ("something withheld", "not held beside nothing shown", "more time taken", "a question to us",
                  "held, but qualified",
                  "nothing concrete given", "only the attachment speaks", "a one-line reply"),
    "partial": ("more time taken", "a question to us", "not held, and no ground for withholding",
                "the whole request not held"),
    "refused": ("information given", "not held", "more time taken", "a question to us", "any part not held",
                "said to be given", "asks us anything", "rows of figures", "a count given", "something confirmed",
                "the rest withheld", "not recorded in a usable form, and no cost limit"),
    "not-held": ("information given", "something withheld besides NCND", "more time taken", "a question to us"),
    "extended": ("information given", "a question to us"),
    "clarification": ("information given", "more time taken", "said to be given"),
    # (A mailbox's wording is weighed against a person's in the receipt's own reading: receipts.py.)
    "acknowledged": ("information given", "something withheld", "not held", "more time taken", "a question to us"),
}
# What still puts a decision the authority files under a log's outcome field in doubt: the letter
# itself waits on more time or on our answer.
_STATED_RIVALS = frozenset({"more time taken", "a question to us"})
# The confidence a rivalled reading keeps: below AUTOMATIC.
_RIVALLED = 0.5
# Kinds that keep the sections and NCND flag they cite (as tracking accepts them).
_SECTION_KINDS = frozenset({"partial", "refused", "not-held", "review-upheld", "review-overturned"})
_NCND_KINDS = frozenset({"partial", "refused", "not-held", "review-upheld", "review-overturned"})


def _clip(sentences: Sequence[str], limit: int = 300) -> str:
    out = ""
    pieces = [re.sub(r"\s+", " ", s).strip() for s in sentences]
    # A fragment (a narrow column cut mid-sentence) is marked as such, so that joined evidence does
    # not read as one sentence.
    pieces = [p if re.search(r"[.?!:;)\]\"'\u2019\u201d\u2026]$", p) else p + "\u2026" for p in pieces if p]
    for s in dict.fromkeys(pieces):
        candidate = f"{out} {s}".strip() if out else s
        if len(candidate) > limit:
            if not out:
                out = s[: limit - 1].rstrip() + "\u2026"
            break
        out = candidate
    return out


def conclude(ev: Gathered, kind: str, evidence_: Sequence[str], confidence: float, *, guess: str | None = None,
             reasons: Sequence[str] = (), review: str | None = None, until: date | None = None,
             history_too: bool = False, stated: bool = False) -> Classification:
    """The reply read as `kind` on `evidence_`: below AUTOMATIC, or with evidence for a rival status,
    it is needs-review with `kind` as its best guess."""
    # The stage's inputs, under the names its rules use.
    subject, has_data, reading, new, verbatim = ev.subject, ev.has_data, ev.reading, ev.new, ev.verbatim
    force_ref, received, body_only, rival_evidence = ev.force_ref, ev.received, ev.body_only, ev.rival_evidence
    confidence = round(max(0.0, min(1.0, confidence)), 2)
    evidence_ = [verbatim.get(x, x) for x in evidence_]
    best = guess or kind
    rivals = [name for name in _RIVALS.get(kind, ()) if rival_evidence.get(name)
              and (not stated or name in _STATED_RIVALS)]
    if kind in STATUS_KINDS and confidence >= AUTOMATIC and rivals:
        # Its own evidence is there, but so is evidence for another status: ask.
        reasons = [*reasons, f"also speaks of another status: {', '.join(rivals)}"]
        confidence = min(confidence, _RIVALLED)
    if kind in STATUS_KINDS and confidence < AUTOMATIC:
        reasons = [*reasons, f"not sure enough to decide on its own ({best}, confidence {confidence:.2f})"]
        kind = "needs-review"
    pool = [*new, *reading.of("history")] if history_too else new
    cited = collect_sections(pool) if best in _SECTION_KINDS or best == "needs-review" else []
    ncnd_hits = [s for s in pool if NCND_RE.search(s) and not ncnd_counted(s)] if best in _NCND_KINDS else []
    return Classification(
        kind=kind,
        sections=cited if kind != "auto-reply" else [],
        ncnd=(bool(ncnd_hits) or any(is_ncnd_section(sec) for sec in cited)) and kind != "auto-reply",
        force_reference=force_ref,
        until=until if best == "extended" else None,
        evidence=_clip(evidence_) or _clip(body_only[:1] or [subject]),
        confidence=confidence,
        has_data_attachment=has_data,
        guess=best,
        received=received if best != "auto-reply" else None,
        review_outcome=review,
        reasons=list(reasons),
    )
