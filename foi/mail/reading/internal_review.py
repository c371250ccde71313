"""Letters answering a request for an internal review: the outcome, upheld or overturned."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from foi.mail.reading.evidence import Gathered
from foi.mail.reading.grammar import ASKS_US, MAYBE, MORE, NEED, SEEKING, TAKE
from foi.mail.reading.kinds import Classification
from foi.mail.reading.outcomes import answers_review, echoed, hypothetical, released_now
from foi.mail.reading.outcomes import conclusion as review_conclusion
from foi.mail.reading.receipts import REPLY_TO_COME_RE
from foi.mail.reading.sentences import is_conditional
from foi.mail.reading.signals import MAINTAIN_RE, OVERTURN_RE, PARTLY_RE, UPHELD_RE
from foi.mail.reading.verdict import conclude
from foi.mail.reading.weighing import Weighed

# "the exemptions at sections 43(2) and 41 were both correct in this case" (round 8).
_RIGHTLY_APPLIED_RE = re.compile(
    r"(?<!not\s)\b(?:was|were|is|are|had\s+been|have\s+been|has\s+been)\s+(?:both\s+)?(?:correct(?:ly)?|proper(?:ly)?"
    r"|appropriate(?:ly)?|right(?:ly)?|valid(?:ly)?)\s+(?:and\s+(?:correctly|properly|appropriately|rightly|validly)\s+)?"
    r"(?:applied|engaged|relied\s+(?:up)?on|cited|used)\b",
    re.I,
)


# Only the time it took is found wrong: "I uphold your complaint about the time taken to respond",
# "your appeal regarding the delay is upheld". The decision on the information is untouched, so the
# first reply stands (upheld), however the complaint about lateness fared.
_LATENESS = (r"(?:the\s+)?(?:time\s+(?:it\s+|we\s+|they\s+)?(?:taken|took)|delays?|timeliness|lateness|timescales?"
             r"|late\s+(?:response|reply)|length\s+of\s+time|failure\s+to\s+(?:respond|reply)\s+(?:on|in|within)\b)")
_ABOUT = r"(?:in\s+respect\s+of|about|regarding|concerning|as\s+to|in\s+relation\s+to|relating\s+to|over|on)"
_LATENESS_UPHELD_RE = re.compile(
    r"\buph[eo]ld\s+(?:your|the|this)\s+(?:complaint|appeal|concern)s?\s+(?:\w+\s+){0,2}?" + _ABOUT + r"\s+" + _LATENESS
    + r"|\b(?:complaint|appeal|concern)s?\s+" + _ABOUT + r"\s+" + _LATENESS
    + r"[^.;]{0,60}?\b(?:is|was|has\s+been|have\s+been)\s+upheld\b",
    re.I,
)
# The reviewer says the review is done, in the first person, whatever it is called: "I have considered
# your complaint", "we have now looked again at the handling of your request", "having reviewed the
# circumstances", "in making this decision I have taken into account ...".
_CONSIDERED_RE = re.compile(
    r"\b(?:I|we)\s+(?:have\s+)?(?:now\s+|carefully\s+|fully\s+|duly\s+)?(?:considered|reviewed|investigated|examined"
    r"|looked\s+(?:again\s+|carefully\s+)?(?:at|into)|re-?considered|re-?assessed|assessed|re-?examined|revisited)\s+"
    r"(?:\w+\s+){0,2}?(?:complaint|appeal|review|concerns?|circumstances|handling|grounds|response|reply|decision"
    r"|refusal|case)\b"
    r"|\bin\s+(?:making|reaching|coming\s+to)\s+(?:this|my|our|the)\s+(?:decision|determination|conclusion)\b[^.]{0,40}?"
    r"\b(?:I|we)\s+(?:have\s+)?(?:considered|taken|looked|reviewed|examined)\b",
    re.I,
)
# Subjects that name a review: "Internal review of ...", "Complaint in respect of ...", "Appeal".
_REVIEW_SUBJECT_RE = re.compile(r"\binternal\s+review|\breview\b|^\W*(?:re:\s*|fw:\s*)*(?:complaint|appeal)\b", re.I)
# The title of our request, as the subject carries it: "Freedom of Information request - Review panel
# minutes" is about reviews, and says nothing of one.
_REQUEST_TITLE_RE = re.compile(r"\b(?:freedom\s+of\s+information|FOI|EIR)\s+request\s*[-\u2013:]\s*.*$", re.I)


# More time taken now, for the review as for a first reply: "on this occasion we need more time",
# "we are extending this deadline by a further twenty days", "the review will take longer than we
# hoped" (round 12b). A letter that receives a review request and takes more time for it is an
# extension, not a bare receipt; the same words in a condition ("if we need more time") are not.
_MORE_TIME_RE = re.compile(
    r"\b" + NEED + r"\s+(?:some\s+)?(?:" + MORE + r"|longer)\s+(?:time|days)\b"
    r"|\b(?:are|is|have|has|will\s+be|am)\s+(?:now\s+)?(?:extending|extended)\s+(?:the\s+|this\s+|our\s+|that\s+)?"
    r"(?:deadline|time\s*(?:limit|scale|frame)?|period|date|response\s+(?:time|date)|review\s+period)\b"
    r"|\b(?:extend|extending)\s+(?:the\s+|this\s+|our\s+)?(?:deadline|time\s*(?:limit|scale|frame)?|period|date)"
    r"\s+(?:by|to|until)\b"
    r"|\b" + TAKE + r"\s+(?:\w+\s+){0,2}?longer\s+than\b",
    re.I,
)


# Our asking for the review, as the letter tells it: "your request for a review of our reply", "in
# which you request an internal review", "you asked us to reconsider", "the review you requested".
# Stricter than outcomes.ANSWERS_REVIEW: a bare "internal review" is also the name of a procedure.
# (doubt.review_asked is the other test of it, kept apart on purpose: see the note there.)
_ASKED_FOR_REVIEW_RE = re.compile(
    r"\b(?:your|the|this)\s+(?:\w+\s+)?(?:request|application|e-?mail|letter|correspondence)\s+(?:of\s+[^,;.]{0,30}?)?"
    + SEEKING + r"\s+(?:an?\s+|the\s+)?(?:internal\s+)?(?:review|reconsideration)\b"
    r"|\byou\s+(?:have\s+|had\s+)?(?:now\s+)?(?:asked|requested|request|sought|seek|applied)\s+(?:(?:us|me|that\s+we|for)\s+)?"
    r"(?:to\s+)?(?:an?\s+|the\s+)?(?:internal\s+)?(?:review|reconsider|reconsideration|look\s+again)\b"
    r"|\b(?:internal\s+)?review\s+(?:that\s+|which\s+)?you\s+(?:have\s+)?(?:asked|requested|sought|applied)\s+for\b"
    r"|\b(?:internal\s+)?review\s+(?:that\s+|which\s+)?you\s+(?:have\s+)?(?:requested|sought)\b"
    # "thank you for asking us to review our reply" (round 14)
    r"|\bfor\s+asking\s+(?:us|me)\s+to\s+(?:review|reconsider|look\s+again\s+at)\s+(?:our|the|my)\b",
    re.I,
)


# The information kept back after the review: "the remaining information continues to be withheld",
# "it remains exempt", "the figures will still be withheld" (round 14).
_KEPT_RE = re.compile(
    r"\b(?:remains?|remaining|continues?\s+to\s+be|will\s+(?:still\s+|continue\s+to\s+)?be|is\s+still|are\s+still)\s+"
    r"(?:\w+\s+)?(?:withheld|exempt)\b"
    r"|\b(?:withheld|exempt)\s+(?:information|material)\s+(?:remains|will\s+remain|stays)\b"
    r"|\b(?:decision|refusal|response|reply)\b[^.;]{0,80}?\b(?:is|was|has\s+been|remains)\s+(?:maintained|unchanged)\b",
    re.I,
)
# The part found for us is the time taken: "partially upheld: the response was late", "... because of
# the delay in replying" (round 14).
_LATE_ONLY_RE = re.compile(r"\b(?:late|delay(?:ed|s)?|time\s+taken|outside\s+(?:the\s+)?(?:20|twenty)|timescales?"
                           r"|timel(?:y|iness)|overdue)\b", re.I)
# Information given with this letter: sent again, or sent now, in the first person: "I now attach the
# spreadsheet", "we enclose the figures that were missing", "I am resending the file" (round 14).
_SENT_NOW_RE = re.compile(
    r"\b(?:I|we)\s+(?:have\s+)?(?:now\s+|also\s+)?(?:attach(?:ed)?|enclose[ds]?|re-?sen[dt]|re-?attach(?:ed)?"
    r"|am\s+(?:now\s+)?(?:attaching|enclosing|re-?sending))\s+(?:\w+\s+){0,3}?(?:information|spreadsheet|data"
    r"|figures|file|documents?|copy|copies|records?|table|report)\b",
    re.I,
)


# The review still to be done, promised: "we aim to complete the review within 20 working days", "the
# reviewing officer will conclude the internal review by 3 May", "I expect to respond to your review
# request by ..." (round 14).
_REVIEW_TO_COME_RE = re.compile(
    r"\b(?:aim|expect|endeavour|hope|intend|plan|will|shall|'ll)\s+(?:to\s+)?(?:\w+\s+)?(?:complete|conclude|finish"
    r"|carry\s+out|conduct|undertake|respond\s+to|reply\s+to)\s+(?:the|your|this|an?)\s+(?:internal\s+)?"
    r"(?:review|reconsideration)\b(?:\s+request)?",
    re.I,
)


# The reviewer owns that the first reply left a part out: "we did not address the further element",
# "the original response failed to answer part two", "this part of your request was overlooked"
# (round 15). Found for us, though what is given for it may still be to come: a guess, not a decision.
_PART_MISSED_RE = re.compile(
    r"\b(?:we|I|the\s+(?:council|force|department|authority)|(?:the|our)\s+(?:original\s+|initial\s+|first\s+)?"
    r"(?:response|reply|answer))\s+(?:did\s+not|didn't|failed\s+to|omitted\s+to|neglected\s+to)\s+(?:fully\s+)?"
    r"(?:address|respond\s+to|deal\s+with)\b"
    r"|\b(?:part|element|question|aspect)\b[^.;]{0,60}?\b(?:was|were|had\s+been)\s+(?:overlooked|missed|not\s+addressed"
    r"|not\s+answered)\b",
    re.I,
)


def _review_receipt(reading: Classification) -> Classification:
    """A receipt of our review request changes no date of the first request: the date of receipt it
    states is the review request's, so it is not recorded as the request's (round 14)."""
    return replace(reading, received=None)


def _more_released(ev: Gathered, new: Sequence[str]) -> bool:
    """True when the review letter gives more information now: attached data, or its words of release."""
    return ev.has_data or any((released_now(x) or _SENT_NOW_RE.search(x)) and not hypothetical(x) for x in new)


# More time only possible: "the review may take longer than 20 days", "we can extend the deadline by
# 20 days". Kept apart from sentences.is_hedged, on purpose: it adds "can" (the rights paragraph's "we
# can extend ...") and leaves out "possibly", "occasionally" and "where necessary"; reading the review
# letters with is_hedged would change which of them are extensions.
_MAY_RE = re.compile(r"\b(?:" + MAYBE + r"|can|if)\b", re.I)


def more_time(sentences: Sequence[str]) -> list[str]:
    """The sentences that take more time now (not in a condition or a rights paragraph)."""
    return [s for s in sentences if _MORE_TIME_RE.search(s) and not is_conditional(s) and not hypothetical(s)
            and not _MAY_RE.search(s)]


def names_review(subject: str) -> bool:
    """True when the subject, less our request's title, names a review or complaint."""
    return bool(_REVIEW_SUBJECT_RE.search(_REQUEST_TITLE_RE.sub("", subject or "")))


def _review_outcome(sentences: Sequence[str]) -> tuple[str | None, list[str]]:
    """("upheld" | "overturned" | "partly upheld" | None, the sentences that say so)."""
    up: list[str] = []
    over: list[str] = []
    partly: list[str] = []
    for s in sentences:
        if PARTLY_RE.search(s):
            partly.append(s)
            continue
        if _LATENESS_UPHELD_RE.search(s):
            up.append(s)
            continue
        for m in UPHELD_RE.finditer(s):
            subj = (m.group("subj") or m.group("subj2") or m.group("what") or m.group("subj3") or "").lower()
            neg = (m.group("neg") or m.group("neg2") or "").lower()
            complaint = subj in ("complaint", "appeal", "request", "application", "your")
            # "your complaint is upheld" means the force was wrong; "the decision is upheld" right.
            (over if complaint != bool(neg) else up).append(s)
        if MAINTAIN_RE.search(s) or _RIGHTLY_APPLIED_RE.search(s):
            up.append(s)
        if OVERTURN_RE.search(s):
            over.append(s)
    if partly or (up and over):
        return "partly upheld", list(dict.fromkeys(partly + up + over))
    if up:
        return "upheld", list(dict.fromkeys(up))
    if over:
        return "overturned", list(dict.fromkeys(over))
    return None, []


_ASKS_US_RE = re.compile(ASKS_US, re.I)
_CLARIFY_RE = re.compile(r"\b(?:clarify|specify|confirm\s+(?:whether|which|if))\b", re.I)


def read_review(ev: Gathered, w: Weighed) -> Classification | None:
    """The reply as an internal review letter, or None when it is not one."""
    # Our request pasted back in their text ("you turned the request down, and your review then
    # backed that decision") tells our story, not their outcome (round 10).
    ours = ev.reading.of("quoted", "request")
    # (`new` is the new text less that echo: every rule below reads it.)
    new = [s for s in ev.new if not echoed(s, ours)] if ours else ev.new
    outcome, outcome_ev = _review_outcome(new)
    review_context = ev.scores["review"] >= 1.5 or names_review(ev.subject)
    # A letter that says it answers our review request ("your request for an internal review has
    # been considered") is one, whatever its subject (round 9).
    review_context = review_context or bool(answers_review(ev.reading.of("new", "history")))
    if not outcome and review_context:
        # "I am still satisfied the exemption was rightly used", "having looked again, I find the
        # first reply was correct": a reviewer's judgement on the first reply, in a
        # letter answering our review request (foi.mail.reading.outcomes; round 9).
        outcome, outcome_ev = review_conclusion(new)
    conf = 0.85 if outcome != "partly upheld" else 0.7
    if outcome == "partly upheld" and not _more_released(ev, new):
        # Partly upheld, yet nothing more is released: what the reviewer found for us is only the
        # delay, or a ground swapped for another, and the information stays withheld. The first
        # reply's position stands, so it is an upheld review (round 14); with no word either way
        # of what became of the information, a person reads it.
        kept = [x for x in new if _KEPT_RE.search(x) or MAINTAIN_RE.search(x) or _RIGHTLY_APPLIED_RE.search(x)
                or (_LATE_ONLY_RE.search(x) and not hypothetical(x))]
        if kept and not any(OVERTURN_RE.search(x) for x in new):
            outcome, outcome_ev = "upheld", list(dict.fromkeys(outcome_ev + kept))
            conf = 0.7
    if outcome == "overturned" and not _more_released(ev, new):
        # "Section 31 was not the right exemption; section 40(2) applies instead and the information
        # remains withheld": the ground is changed, the refusal stands. Nothing is released, so the
        # first reply's outcome stands (round 14); with no word of the information either way, a
        # person reads it, as before.
        kept = [x for x in new if _KEPT_RE.search(x) and not hypothetical(x)]
        if kept:
            outcome, outcome_ev, conf = "upheld", list(dict.fromkeys(kept + outcome_ev)), 0.65
    if outcome in ("overturned", "partly upheld") and not _more_released(ev, new):
        # "I find the original response was incorrect ... please can you clarify whether you want the
        # messages or only the chats' titles": the reviewer asks us before releasing anything, so the
        # request waits on our answer. A person confirms; the best guess is a clarification (round 15).
        asks = [x for x in new if _ASKS_US_RE.search(x) and _CLARIFY_RE.search(x) and not is_conditional(x)]
        if asks and ev.scores["clarification"] >= 1.5:
            return conclude(ev, "needs-review", asks[:1] + outcome_ev[:1], 0.45, guess="clarification",
                            review=outcome, history_too=True,
                            reasons=["a review that finds against the first reply, then asks us to clarify first"])
    if not outcome and review_context:
        # The reviewer reports the review done and concludes nothing new: nothing released, no
        # verdict against the first reply, nothing still to come. What it says of the information
        # is the first reply's position told again, so that reply stands (round 11).
        done = [x for x in new if _CONSIDERED_RE.search(x) and not hypothetical(x)]
        released = _more_released(ev, new)
        to_come = [x for x in new if REPLY_TO_COME_RE.search(x)]
        missed = [x for x in new if _PART_MISSED_RE.search(x) and not hypothetical(x)]
        if done and not released and not to_come and not missed and not any(OVERTURN_RE.search(x) for x in new):
            outcome, outcome_ev, conf = "upheld", done[:1], 0.65
    if outcome == "overturned" and ev.scores["clarification"] >= 1.5 and not _more_released(ev, new):
        # "The original response was incorrect ... please can you clarify which of the two you want":
        # found for us, yet nothing given and a question asked before anything can be; whether that
        # is an overturned review or a request for clarification, a person reads it (round 15).
        return conclude(ev, "needs-review", outcome_ev[:1] + ev.evidence["clarification"][:1], 0.35,
                        guess="review-overturned", history_too=True,
                        reasons=["review found for us, but asks a question before giving anything"])
    if outcome and (review_context or ev.scores["review"] > 0):
        kind = "review-upheld" if outcome == "upheld" else "review-overturned"
        return conclude(ev, kind, outcome_ev[:1] + ev.evidence["review"][:1], conf, review=outcome, history_too=True,
                        reasons=[f"internal review outcome: {outcome}"])
    later = more_time(new)
    if ev.scores["review-ack"] >= 2 and not outcome and ev.scores["review"] < 1.5 and not later:
        return _review_receipt(conclude(
            ev, "acknowledged", ev.evidence["review-ack"][:2], 0.75,
            reasons=["acknowledges a request for an internal review; no date changes"]))
    asked = [x for x in ev.reading.of("new", "history") if _ASKED_FOR_REVIEW_RE.search(x) and not hypothetical(x)]
    to_come = [x for x in new if _REVIEW_TO_COME_RE.search(x) and not is_conditional(x)]
    if asked and to_come and not outcome and not later and not _more_released(ev, new) and w.data < 1.0 \
            and ev.scores["firm"] < 1.5 and ev.scores["clarification"] < 1.5:
        # "Thank you for your e-mail asking for an internal review; we aim to complete the review within
        # 20 working days": our review request received, the review still to be done (round 14).
        return _review_receipt(conclude(
            ev, "acknowledged", asked[:1] + to_come[:1], 0.7,
            reasons=["acknowledges our request for an internal review; the review is still to come"]))
    if ev.scores["review"] >= 1.5:
        # Figures in a review letter are often the first reply's, told again; overturned is the
        # guess only when something is released now or attached (round 10).
        released = _more_released(ev, new)
        guess = "review-overturned" if released and not (w.exempt and w.data < 2) else "review-upheld"
        if any(_PART_MISSED_RE.search(x) and not hypothetical(x) for x in new):
            guess = "review-overturned"
        return conclude(ev, "needs-review", ev.evidence["review"][:2], 0.35, guess=guess, history_too=True,
                        reasons=["an internal review letter whose outcome is not stated plainly"])
    if asked and not later and not any(REPLY_TO_COME_RE.search(x) for x in new) \
            and ev.scores["review-ack"] < 1.5 and ev.scores["clarification"] < 1.5:
        # The letter says it answers our review request, yet states no outcome: what it says of the
        # information ("we do not hold it", figures) is the reviewed reply told again, not a new
        # decision of the reviewer's (issue 12, pattern 2; round 12b). A person reads the outcome.
        released = _more_released(ev, new)
        guess = "review-overturned" if released and not (w.exempt and w.data < 2) else "review-upheld"
        if any(_PART_MISSED_RE.search(x) and not hypothetical(x) for x in new):
            guess = "review-overturned"
        return conclude(ev, "needs-review", asked[:1], 0.35, guess=guess, history_too=True,
                        reasons=["answers our review request, but states no outcome"])
    return None
