"""Answers said in plain words (issue 12, round 9).

Two shapes of a real answer that read as no answer: a narrative answer with no figure and no
"please find attached" ("I would inform you that the trust does not charge staff for parking", "I
can advise that the wardens work from the town hall"); and a search that found nothing of what was
named but something related ("nothing on X turned up in our searches, but we did come across a
related memo, attached"), which is a response, not "not held".
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

# "I would inform you that", "we can advise you that", "I am able to tell you that", "in answer to
# your question, I can say that".
_INFORM_RE = re.compile(
    r"\b(?:I|we)\s+(?:would|can|could|am\s+able\s+to|are\s+able\s+to|should\s+like\s+to|would\s+like\s+to|wish\s+to"
    r"|am\s+pleased\s+to|are\s+pleased\s+to)\s+(?:now\s+)?(?:inform|advise|tell|say|explain)\s+"
    r"(?:you\s+)?that\b",
    re.I,
)
# What follows "that" is no answer when it is receipt, refusal, not holding, or more time.
_NOT_AN_ANSWER_RE = re.compile(
    r"\b(?:not\s+held|do(?:es)?\s+not\s+hold|no\s+(?:recorded\s+)?information|exempt|withh[eo]ld|refus|receiv"
    r"|logged|extend|more\s+time|delay|neither\s+confirm|cost\s+limit|appropriate\s+limit|clarif|unable|cannot"
    r"|can\s*not|will\s+(?:respond|reply|provide|send)|review|\bhold|\bheld|obliged|exclu|section|\bs\.\s?\d|\bAct\b"
    r"|however|publish|regulation)",
    re.I,
)
# "We did, though, come across a related memo", "but we have found a report that covers it",
# "we did, however, identify two documents": something found after nothing found.
_FOUND_INSTEAD_RE = re.compile(
    r"\b(?:however|but|although|instead|nevertheless)\b[^.;]{0,60}?\b(?:(?:were|was|have\s+been|has\s+been)\s+able\s+to"
    r"\s+(?:locate|find|identify|trace|retrieve)|(?:have|has|did)\s+(?:\w+\s+){0,2}?(?:located|found|identified|traced"
    r"|locate|find|identify|trace)(?!\s+(?:that|no|nothing|any)\b)|(?:located|found|identified|traced)\s+(?:a|an|the|some|two|three"
    r"|several|\d+)\b)",
    re.I,
)


# The clause before "we can advise that" saying what the telling is for: the size of a search or
# the time it would take ("As an illustration of how long a manual review would take, we can advise
# that 190,000 records were created", "to show the scale of the task, I can tell you that ...").
# What follows measures the work, and answers nothing (round 12).
_MEASURES_WORK_RE = re.compile(
    r"\b(?:how\s+long|how\s+much\s+(?:time|work)|illustrat\w*|scale|volume|magnitude|size\s+of|review\w*|search\w*"
    r"|examin\w*|cost\w*|hours?|time\s+(?:it\s+)?would)\b",
    re.I,
)


def told(sentences: Sequence[str]) -> list[str]:
    """Sentences that tell the requester something in plain words, as an answer."""
    out: list[str] = []
    for s in sentences:
        m = _INFORM_RE.search(s)
        if m and _MEASURES_WORK_RE.search(s[: m.start()]):
            continue
        if m and len(s) - m.end() >= 20 and not _NOT_AN_ANSWER_RE.search(s[m.end():]):
            out.append(s)
    return out


def found_instead(sentences: Sequence[str]) -> list[str]:
    """Sentences saying something related was found after nothing was found of what was named."""
    return [s for s in sentences if _FOUND_INSTEAD_RE.search(s)]


# The answer announced above it: "please find a response to your questions below", "our answers to
# each of your points are set out below", "see my replies to your questions as follows".
_LEADS_RE = re.compile(
    # ("See the Northshire Constabulary answers given below": the authority's name between.)
    r"\b(?:please\s+)?(?:find|see)\s+(?:a|our|the|my)?\s*(?:(?-i:[A-Z])[\w'&]*\s+(?:[\w'&]+\s+){0,2}?)?(?:full\s+)?(?:response|responses"
    r"|answers?|reply|replies"
    r"|information)\s+(?:to\s+(?:your|each\s+of\s+your|the)\s+(?:\w+\s+){0,2}?(?:questions?|request|points?|queries"
    r"|enquiry)\s+)?(?:below|as\s+follows|set\s+out\s+below)\b"
    # "Please find below answers to your questions", "see below our response" (round 12).
    r"|\b(?:please\s+)?(?:find|see)\s+below\s+(?:(?:a|our|the|my)\s+)?(?:full\s+)?(?:response|responses|answers?|reply"
    r"|replies)\b"
    r"|\b(?:our|my|the)\s+(?:answers?|responses?|replies)\s+to\s+(?:your|each\s+of\s+your|the)\s+(?:\w+\s+){0,2}?"
    r"(?:questions?|points?|queries)\s+(?:are|is)\s+(?:set\s+out\s+|given\s+|provided\s+)?(?:below|as\s+follows)\b"
    # "I will deal with each of your questions in the order they came", "we shall take your points in turn",
    # "I have answered each of your questions below" (round 10).
    r"|\b(?:I|we)\s+(?:will|shall|have|now)\s+(?:now\s+)?(?:answer(?:ed)?|respond(?:ed)?\s+to|address(?:ed)?|take|taken"
    r"|deal\s+with|dealt\s+with)\s+(?:each|all|every)\s+(?:of\s+)?(?:your\s+|the\s+)?(?:questions?|points?|queries|parts?)\b"
    r"[^.;]{0,40}?\b(?:in\s+turn|in\s+the\s+order|in\s+order|below|as\s+follows|one\s+by\s+one)\b",
    re.I,
)


def leads_to_answers(sentences: Sequence[str]) -> list[str]:
    """Sentences announcing the answers that follow them."""
    return [s for s in sentences if _LEADS_RE.search(s)]


def answers_run(labels: Sequence[tuple[str, int] | None]) -> int:
    """Where the answers start in a reply whose numbering starts again at 1 (round 10): the request's
    questions printed "1. ... 2. ...", then the answers numbered like them "1 - ... 2 - ...". The
    last run counts when it has as many items as the first (the answers mirror the questions); its
    first line's index is returned, else 0 (one run, or runs that do not mirror each other).
    ``labels`` holds each line's part label (kind, number) or None."""
    runs: list[list[int]] = []
    last: tuple[str, int] | None = None
    for k, label in enumerate(labels):
        if label is None:
            continue
        if last is None or label[0] != last[0] or label[1] not in (last[1], last[1] + 1, 1):
            if last is None:
                runs.append([k])
                last = label
            continue
        if label[1] == 1 and last[1] >= 2:
            runs.append([k])
        elif label[1] == last[1] + 1:
            runs[-1].append(k)
        last = label
    if len(runs) >= 2 and len(runs[-1]) >= 2 and len(runs[-1]) == len(runs[0]):
        return runs[-1][0]
    return 0


def request_printed(parts: Sequence[Sequence[str]], head: Callable[[str], str] = lambda x: x) -> bool:
    """True when numbered parts are only the request's questions printed (round 10): every part is
    its question alone ("1. How many ...?", "2. Of these, which ...?"), save the last, under which
    the letter goes on. What follows the last question answers the whole request, not that
    question alone. ``head`` strips a part's number from its first line."""
    if len(parts) < 2:
        return False
    said = [[x for x in [head(p[0]), *p[1:]] if x.strip()] for p in parts]
    return (all(lines and all(x.rstrip().endswith("?") for x in lines) for lines in said[:-1])
            and bool(said[-1]) and said[-1][0].rstrip().endswith("?") and len(said[-1]) > 1)


# A plain statement of fact that answers (round 11): a finite verb, and a figure or a date, with no
# word of the request's handling (receipt, deadlines, the Act, withholding, not holding) and nothing
# addressed to the requester. "2019 - 2024 = 17 sites; all were cleaned twice a day", "Since its first
# flight in April 2010 the aircraft has made 13 flights".
_FINITE_RE = re.compile(r"\b(?:is|are|was|were|has|have|had|does|do|did|will\s+be|remains?|stands?|totall?ed)\b"
                        r"|\b[a-z]{3,}ed\b", re.I)
_HANDLING_RE = re.compile(
    r"\b(?:you|your|yours|request\w*|FOI\w*|freedom\s+of\s+information|Act|receiv\w*|acknowledg\w*|working\s+days?"
    r"|respond\w*|reply|replies|deadline|clarif\w*|sections?|exempt\w*|withh\w+|refus\w*|not\s+held|no\s+information"
    r"|disclos\w*|review|complain\w*|commissioner|ICO|appeal|copyright|re-?use|licen[cs]e|data\s+protection"
    r"|dear|sincerely|regards|thank\w*|telephone|e-?mail|address|website|www|http)\b",
    re.I,
)


def narrative_facts(sentences: Sequence[str]) -> list[str]:
    """Sentences that state a fact with a figure or a date, in the authority's words, and say nothing
    of the request's handling: an answer in prose, with no keyword of answering."""
    out: list[str] = []
    for s in sentences:
        x = s.strip()
        if not 25 <= len(x) <= 500 or x.endswith("?") or x.endswith(":"):
            continue
        if re.search(r"\d", x) and _FINITE_RE.search(x) and not _HANDLING_RE.search(x):
            out.append(s)
    return out
