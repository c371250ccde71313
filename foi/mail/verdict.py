"""Turn a reading into a :class:`Classification`: rivals, confidence, and what is automatic."""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date

from foi.mail import calibration
from foi.mail.evidence import Gathered
from foi.mail.kinds import AUTOMATIC, STATUS_KINDS, WITHHOLDING_KINDS, Classification
from foi.mail.sections import collect_sections, is_ncnd_section, ncnd_counted
from foi.mail.signals import NCND_RE


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
    evidence_ = [ev.verbatim.get(x, x) for x in evidence_]
    best = guess or kind
    # Its own evidence against the evidence for other statuses (called through the module, so that
    # bench/calibrate_confidence.py can watch it).
    confidence, weighed = calibration.weigh(kind, confidence, [name for name, on in ev.rival_evidence.items() if on],
                                            stated=stated, withheld=ev.withheld_kinds, said=len(ev.body_only))
    reasons = [*reasons, *weighed]
    if kind in STATUS_KINDS and confidence < AUTOMATIC:
        reasons = [*reasons, f"not sure enough to decide on its own ({best}, confidence {confidence:.2f})"]
        kind = "needs-review"
    pool = [*ev.new, *ev.reading.of("history")] if history_too else ev.new
    keeps_sections = best in WITHHOLDING_KINDS or best == "needs-review"
    cited = (collect_sections(pool) if history_too else list(ev.cited)) if keeps_sections else []
    ncnd_hits = [s for s in pool if NCND_RE.search(s) and not ncnd_counted(s)] if best in WITHHOLDING_KINDS else []
    return Classification(
        kind=kind,
        sections=cited if kind != "auto-reply" else [],
        ncnd=(bool(ncnd_hits) or any(is_ncnd_section(sec) for sec in cited)) and kind != "auto-reply",
        force_reference=ev.force_ref,
        until=until if best == "extended" else None,
        evidence=_clip(evidence_) or _clip(ev.body_only[:1] or [ev.subject]),
        confidence=confidence,
        has_data_attachment=ev.has_data,
        guess=best,
        received=ev.received if best != "auto-reply" else None,
        review_outcome=review,
        reasons=list(reasons),
    )
