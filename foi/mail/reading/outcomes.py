"""The grammar of an internal review's conclusion (issue 12, round 9).

A review letter answers our request for an internal review and states its conclusion on the
original response. Reviewers put it in many words: "I am still satisfied that the council used
the section 43 exemption properly", "having looked again, I find the first reply was correct",
"I find that the earlier reply was wrong to rely on section 31". A phrase list catches the
template it was copied from; here a conclusion is three parts of meaning, each a set of synonyms,
joined within one sentence: a reviewer's judgement ("I remain of the view", "my conclusion is",
"I am satisfied", "I find"), what is judged (the original response or decision, an exemption as
applied, the handling of the request) and a verdict (correct, properly applied, right; or wrong,
not correct, should have been released). "Some of the information will now be released" under a
judgement is a partly overturned review.

The conclusion counts only in a letter that answers a review request (:func:`answers_review`):
"I am satisfied that section 40 applies" in a first reply is a refusal, not a review.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from foi.mail.reading.grammar import OVERTURNED, UPHELD, gap

_GAP = gap(100)
# The reviewer's judgement, in the first person or impersonally.
JUDGEMENT = (
    r"\b(?:I|we)\s+(?:remain|am|are|was|were)\s+(?:still\s+|also\s+|therefore\s+|now\s+)?(?:of\s+the\s+(?:view|opinion"
    r"|belief)|satisfied|content|persuaded|convinced|confident)"
    r"|\b(?:I|we)\s+(?:have\s+)?(?:now\s+)?(?:concluded|decided|determined|found|find|consider|believe|agree|concur|accept"
    r"|judge|conclude|reached\s+the\s+(?:conclusion|view|decision))\b"
    r"|\b(?:my|our|the\s+reviewer'?s?|the\s+review'?s?)\s+(?:\w+\s+)?(?:conclusion|finding|view|opinion|decision"
    r"|judgement|judgment|assessment)\s+(?:is|was|remains)\b"
    r"|\b(?:it\s+is|it\s+was)\s+(?:my|our)\s+(?:view|opinion|conclusion|finding)\b"
    r"|\bhaving\s+(?:reviewed|considered|examined|looked\s+(?:again\s+)?at|re-?examined)\b"
    # the review itself as the judge: "this internal review has concluded that", "the review found"
    r"|\b(?:this|the|my|our)\s+(?:internal\s+)?review\s+(?:has\s+)?(?:now\s+)?(?:concluded|found|determined|decided"
    r"|established)\b"
)
# What is judged: the first reply, its decision, an exemption or the handling.
JUDGED = (
    r"\b(?:the|our|my|its|their|this|that)\s+(?:original|initial|earlier|previous|first|council'?s?|force'?s?"
    r"|department'?s?|authority'?s?)?\s*(?:response|reply|decision|answer|refusal|handling|position|determination"
    r"|approach)\b"
    # "the Home Office's original response", "the trust's initial reply": any owner's first reply
    r"|\b(?:original|initial|earlier|previous|first)\s+(?:response|reply|decision|answer|refusal|handling|position"
    r"|determination)\b"
    r"|\b(?:exemptions?|sections?\s+\d+|s\.?\s?\d+|regulations?\s+\d+|the\s+cost\s+limit|exceptions?)\b"
    r"|\b(?:applied|relied\s+on|cited|engaged|refused|withheld|withholding)\b"
)
# The verdict (kept: UPHELD; changed: OVERTURNED) is written once, in foi.mail.reading.grammar, beside the
# clauses signals.py weighs (REVIEW_KEPT, REVIEW_CHANGED).
# Information released as the review's result: "some of the information will now be released",
# "the information is now disclosed and attached".
RELEASED_NOW = (
    r"\bnow\s+(?:be\s+|being\s+)?(?:released|disclosed|provided|supplied)\b"
    r"|\b(?:released|disclosed|provided)\s+(?:to\s+you\s+)?now\b"
    r"|\b(?:I|we)\s+(?:have\s+)?decided\s+(?:that\s+(?:\w+\s+){0,5}?)?(?:to\s+)?(?:release|disclose)\b"
    r"|\bshould\s+(?:now\s+)?(?:be|have\s+been)\s+(?:released|disclosed|provided)\b"
    # what was asked for, attached with this letter: "please see attached the parking account" (not
    # "a copy of our original response", "the review decision")
    r"|\b(?:see|find)\s+(?:herewith\s+)?attached\s+(?:the|a|an)\s+(?!(?:\w+\s+){0,5}?(?:response|reply|letter|decision"
    r"|notice|review|refusal|complaint|correspondence|acknowledge?ment|form|leaflet|guidance)\b)"
)
# A letter answering our review request: "your request for an internal review", "you asked us to
# review our response", "the review of the council's reply", "your complaint about our handling".
ANSWERS_REVIEW = (
    r"\b(?:your|the|this)\s+(?:request|application)\s+for\s+(?:an?\s+|the\s+)?(?:internal\s+)?review\b"
    r"|\byou\s+(?:asked|requested)\s+(?:(?:us|me|that\s+we)\s+)?(?:to\s+)?(?:for\s+)?(?:an?\s+)?(?:internal\s+)?"
    r"(?:review|reconsider|look\s+again)"
    r"|\b(?:internal\s+)?review\s+of\s+(?:our|the|my|its|your)\s+(?:\w+\s+){0,3}?(?:response|decision|reply|handling"
    r"|refusal|answer)\b"
    r"|\binternal\s+review\b"
    r"|\b(?:looked\s+again|reconsidered|re-?examined|reviewed)\s+(?:at\s+)?(?:your\s+request|the\s+(?:original\s+|initial\s+)?"
    r"(?:response|reply|decision|handling))"
    r"|\byour\s+(?:complaint|appeal|dissatisfaction)\b"
    r"|\byou\s+(?:are|were)\s+(?:dissatisfied|unhappy|not\s+satisfied)\s+with\b"
)

_JUDGEMENT_RE = re.compile(JUDGEMENT, re.I)
_JUDGED_RE = re.compile(JUDGED, re.I)
_UPHELD_RE = re.compile(UPHELD, re.I)
_OVERTURNED_RE = re.compile(OVERTURNED, re.I)
_RELEASED_NOW_RE = re.compile(RELEASED_NOW, re.I)
_ANSWERS_REVIEW_RE = re.compile(ANSWERS_REVIEW, re.I)
# Rights and offers: "you may ask for a review", "if you are unhappy ... a review", "I would conclude
# such a review within 20 days": what could happen, not what did.
_HYPOTHETICAL_RE = re.compile(
    # (the month is no modal: "your e-mail of 3 May, in which you request a review"; round 12b)
    r"\b(?:if|should|(?<!\d\s)(?<!\bof\s)(?<!\bin\s)may(?!\s+\d)|might|can|could|would|wish\s+to|want\s+to|entitled"
    r"|right\s+to)\b" + gap(80) + r"\breview\b"
    r"|\breview\b" + gap(60)
    + r"\b(?:would|will\s+be\s+(?:conducted|carried|undertaken)|within\s+(?:20|40|twenty|forty))"
    # a review to come: "we will complete an internal review of the processing of this request"
    r"|\b(?:will|shall|intend\s+to|plan\s+to)\s+(?:now\s+)?(?:complete|conduct|carry\s+out|undertake|begin|start"
    r"|arrange|hold)\b" + gap(40) + r"\breview\b",
    re.I,
)


def answers_review(sentences: Sequence[str]) -> list[str]:
    """The sentences saying the letter answers our request for an internal review (not rights
    paragraphs offering one)."""
    return [s for s in sentences if _ANSWERS_REVIEW_RE.search(s) and not _HYPOTHETICAL_RE.search(s)]


def conclusion(sentences: Sequence[str]) -> tuple[str | None, list[str]]:
    """("upheld" | "overturned" | "partly upheld", the sentences) when a reviewer's judgement on
    the original response is stated; (None, []) otherwise."""
    up: list[str] = []
    over: list[str] = []
    released: list[str] = []
    for s in sentences:
        if _HYPOTHETICAL_RE.search(s):
            continue
        if _RELEASED_NOW_RE.search(s):
            released.append(s)
        m = _JUDGEMENT_RE.search(s)
        if not m or not _JUDGED_RE.search(s[m.start():]):
            continue
        rest = s[m.start():]
        if _OVERTURNED_RE.search(rest):
            over.append(s)
        elif _UPHELD_RE.search(rest):
            up.append(s)
    if over:
        return "overturned", list(dict.fromkeys(over + released))
    if up and released:
        return "partly upheld", list(dict.fromkeys(up + released))
    if up:
        return "upheld", up
    if released:
        # Information released as the review's result, with no verdict in words: the first reply
        # gave less than it should have (round 10).
        return "overturned", list(dict.fromkeys(released))
    return None, []


_WORD_RE = re.compile(r"[a-z0-9']+")


def _words(text: str) -> list[str]:
    return _WORD_RE.findall(text.lower())


def echoed(sentence: str, ours: Sequence[str], run: int = 4, share: float = 0.6) -> bool:
    """True when most of `sentence` (`share` of its words) lies in runs of `run` or more words
    taken from our own text (`ours`: our request as quoted below the reply or restated in it). A
    letter that pastes our request back ("you turned the request down, and your review then backed
    that decision") is telling our story, not stating its own outcome (issue 12, pattern 2); a
    sentence of theirs that borrows our name for the thing ("section 36 applies to the minutes of
    the review panel") is mostly their own words."""
    words = _words(sentence)
    if len(words) < run:
        return False
    theirs = " " + " ".join(_words(" ".join(ours))) + " "
    covered = [False] * len(words)
    for k in range(len(words) - run + 1):
        if " " + " ".join(words[k : k + run]) + " " in theirs:
            covered[k : k + run] = [True] * run
    return sum(covered) >= share * len(words)


def hypothetical(sentence: str) -> bool:
    """True when `sentence` speaks of a review that could happen (rights, offers), not one done."""
    return bool(_HYPOTHETICAL_RE.search(sentence))


def released_now(sentence: str) -> bool:
    """True when `sentence` says information is released now ("will now be disclosed")."""
    return bool(_RELEASED_NOW_RE.search(sentence)) and not _HYPOTHETICAL_RE.search(sentence)
