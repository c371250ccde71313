"""Turn a reading into a :class:`Classification`: rivals, confidence, and what is automatic."""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date

from foi.mail.reading import calibration
from foi.mail.reading.doubt import more_time_hinted, review_asked
from foi.mail.reading.evidence import Gathered
from foi.mail.reading.kinds import AUTOMATIC, STATUS_KINDS, WITHHOLDING_KINDS, Classification
from foi.mail.reading.sections import collect_sections, counts_outcomes, is_ncnd_section, ncnd_counted
from foi.mail.reading.sentences import is_question
from foi.mail.reading.signals import COST_LIMIT_RE, NCND_RE


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


# A ground for withholding said in words rather than by number: an exemption, the Act's relief ("we
# are not obliged to"), or the kind of harm or information an exemption protects.
_GROUND_IN_WORDS_RE = re.compile(
    r"\bexempt(?:ion|ions|ed)?\b"
    r"|\bnot\s+(?:obliged|required|bound|under\s+(?:a|any)\s+duty)\s+to\b"
    r"|\bexclud\w*\s+from\s+(?:the\s+)?(?:Act|FOIA|scope\s+of\s+the\s+(?:Act|FOIA))\b"
    r"|\bpersonal\s+(?:data|information)\b|\bprejudic\w*|\bvexatious\b|\brepeat(?:ed)?\s+request\b"
    r"|\b(?:legal(?:\s+professional)?|legally)\s+privilege|\bnational\s+security\b|\bin\s+confidence\b"
    r"|\bhealth\s+(?:and|&)\s+safety\b|\b(?:future|intended\s+for|planned)\s+publication\b"
    r"|\breasonably\s+accessible\b|\bin\s+the\s+interests?\s+of\s+(?:the\s+)?(?:crime|law|security|safety|public)",
    re.I,
)


def _grounds(sentences: Sequence[str]) -> list[str]:
    """The sentences that rely on a ground for withholding, by number or in words; counts of other
    requests refused ("412 requests were refused under section 12") rely on nothing."""
    return [s for s in sentences
            if (collect_sections([s]) or NCND_RE.search(s) or COST_LIMIT_RE.search(s) or _GROUND_IN_WORDS_RE.search(s))
            and not counts_outcomes(s)]


def names_a_ground(ev: Gathered) -> bool:
    """True when the letter relies on a ground for withholding anywhere in its own text: a section
    cited, neither confirm nor deny, the cost limit, an exemption in words, a log's ground heading."""
    return bool(ev.headed) or bool(_grounds(ev.own))


def likely_kind(ev: Gathered) -> str:
    """The most likely status of a letter that carries no word of any, so that reviewing it is one
    keystroke too (issue 12, round 11). A letter relying on a ground is most often a refusal; one
    that asks us something, a question before an answer; any other letter that reached us after
    the request, with text of its own under it, most often answers it (on the labelled real
    replies with no word of any status, answers outnumbered each other status:
    bench/calibration_results.md)."""
    if ev.headed or _grounds(ev.new):
        return "refused"
    # ("Could you give me a call?": a question put to us, with no answer given, waits on ours.)
    if any(is_question(s) for s in ev.new):
        return "clarification"
    return "responded"


def conclude(ev: Gathered, kind: str, evidence_: Sequence[str], confidence: float, *, guess: str | None = None,
             reasons: Sequence[str] = (), review: str | None = None, until: date | None = None,
             history_too: bool = False, stated: bool = False) -> Classification:
    """The reply read as `kind` on `evidence_`: below AUTOMATIC, or with evidence for a rival status,
    it is needs-review with `kind` as its best guess."""
    evidence_ = [ev.verbatim.get(x, x) for x in evidence_]
    best = guess or kind
    # Its own evidence against the evidence for other statuses (called through the module, so that
    # bench/calibrate_confidence.py can watch it).
    rivals = [name for name, on in ev.rival_evidence.items() if on]
    if kind == "refused" and not names_a_ground(ev):
        # Refusing words with no ground relied on in the letter's own text: on replies from
        # authorities nobody tuned on, as often a part refused, or an answer delayed, as a refusal
        # (round 11: calibration).
        rivals.append(calibration.NO_GROUND)
    if kind in calibration.FIRST_ANSWERS and review_asked(ev.reading.of("new")):
        # "Thank you for your request for an internal review": what the letter decides is the
        # review's outcome; a first answer read in it is the one under review, told back (round 12b).
        rivals.append(calibration.REVIEW_ASKED)
    if kind == "acknowledged" and (ev.scores.get("extended", 0.0) >= 1.5 or more_time_hinted(ev.new)) \
            and not ev.rival_evidence.get("more time taken"):
        # "We aim to reply within 20 days; on this occasion ...": any word of more time beside an
        # acknowledgement may move the date the acknowledgement leaves alone (round 12b).
        rivals.append(calibration.SOME_MORE_TIME)
    confidence, weighed = calibration.weigh(kind, confidence, rivals,
                                            stated=stated, withheld=ev.withheld_kinds, said=len(ev.body_only))
    reasons = [*reasons, *weighed]
    if kind in STATUS_KINDS and confidence < AUTOMATIC:
        reasons = [*reasons, f"not sure enough to decide on its own ({best}, confidence {confidence:.2f})"]
        kind = "needs-review"
    pool = [*ev.new, *ev.reading.of("history")] if history_too else ev.new
    keeps_sections = best in WITHHOLDING_KINDS or best == "needs-review"
    shown_guess = likely_kind(ev) if best == "needs-review" else best
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
        guess=shown_guess,
        received=ev.received if best != "auto-reply" else None,
        review_outcome=review,
        reasons=list(reasons),
    )
