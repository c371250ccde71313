"""Replies laid out question by question: how each numbered part was answered."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from foi.mail.reading.answers import answers_run, leads_to_answers, request_printed
from foi.mail.reading.scoring import score
from foi.mail.reading.sections import sections_in_sentence
from foi.mail.reading.segments import SEARCH_SIZE_RE
from foi.mail.reading.signals import (
    ATTACHED_RESPONSE_RE,
    COST_LIMIT_RE,
    NCND_RE,
    PART_START_RE,
    PART_WORDS,
    REDIRECT_RE,
)

# Particular questions named: "Qs 2, 3 & 5", "question 4", "parts 2 and 3" (not a run such as
# "questions 1 to 5", which may be all of them).
_NAMED_PARTS_RE = re.compile(r"\b(?:qs?|questions?|parts?|points?)\s*\.?\s*\(?\d{1,2}[a-z]?\)?(?:\s*(?:,|&|and)\s*"
                             r"\(?\d{1,2}[a-z]?\)?)*\b(?!\s*(?:-|to|\u2013)\s*\d)", re.I)


def names_some_parts(sentence: str, asked: int = 0) -> bool:
    """True when `sentence` names particular questions that leave others out: numbers with a gap
    ("Qs 2, 3 & 5") or not starting at the first ("question 4"). "Questions 1 & 2" may be all,
    unless the letter prints more questions than that (`asked`, round 11: "Questions 1, 2 and 3"
    in a letter that sets out six)."""
    for m in _NAMED_PARTS_RE.finditer(sentence):
        numbers = sorted({int(n) for n in re.findall(r"\d{1,2}", m.group())})
        if numbers and (numbers != list(range(1, len(numbers) + 1)) or asked > numbers[-1]):
            return True
    # ("Questions 1 to 3" of the six printed: a run that stops short of the last.)
    return bool(asked) and any(int(m.group(2)) < asked for m in _PART_RUN_RE.finditer(sentence))


_PART_RUN_RE = re.compile(r"\b(?:qs?|questions?|parts?|points?)\s*\.?\s*(\d{1,2})\s*(?:-|to|\u2013)\s*(?:q\s*)?"
                          r"(\d{1,2})\b", re.I)


def questions_printed(sentences: Sequence[str]) -> int:
    """How many questions the letter numbers in a run from the first ("Question 1." ... "Question
    6."): the request as printed, or the answers to it; 0 when fewer than two (round 11)."""
    best = run = 0
    last: tuple[str, int] | None = None
    for s in _split_inline_items(sentences):
        label = _part_label(s)
        if label is None:
            continue
        if label[1] == 1:
            run, last = 1, label
        elif last is not None and label[0] == last[0] and label[1] == last[1] + 1:
            run, last = run + 1, label
        best = max(best, run)
    return best if best >= 2 else 0


def part_label_only(sentence: str) -> bool:
    """True when `sentence` is a part's number and little else ("Question 4.", "Q2 -")."""
    return bool(PART_START_RE.match(sentence)) and len(PART_START_RE.sub("", sentence, count=1).strip()) < 20


@dataclass
class Parts:
    """A reply answered question by question, each part named by its first sentence."""

    answered: list[str] = field(default_factory=list)  # a figure, a yes or no, information given
    refused: list[str] = field(default_factory=list)  # an exemption, NCND or the cost limit
    not_held: list[str] = field(default_factory=list)  # not held, or sent to another body
    prose: list[str] = field(default_factory=list)  # answered in words only ("all officers carry one")
    count: int = 0
    not_held_sentences: set[str] = field(default_factory=set)  # every sentence of the parts not held


def _part_label(sentence: str) -> tuple[str, int] | None:
    """("n", 2) for "2." / "Question 2:", ("a", 1) for "b)"; None when the sentence starts no part."""
    m = PART_START_RE.match(sentence)
    if not m:
        return None
    head = m.group(0)
    number = re.search(r"\d{1,2}", head)
    if number:
        return ("n", int(number.group()))
    word = re.search(r"\b" + PART_WORDS + r"\b", head, re.I)
    if word:
        return ("n", _WORD_NUMBER[word.group().lower()])
    letter = re.search(r"\b([a-h])\s*[.):\-\u2013]|\(([a-h])\)|\b(?:question|part|point|request)\s+([a-h])\b",
                       head, re.I)
    if letter:
        return ("a", ord((letter.group(1) or letter.group(2) or letter.group(3)).lower()) - ord("a") + 1)
    return None


_WORD_NUMBER = {w: i for i, ws in enumerate((("one", "first"), ("two", "second"), ("three", "third"),
                                             ("four", "fourth"), ("five", "fifth"), ("six", "sixth"),
                                             ("seven",), ("eight",), ("nine",), ("ten",)), start=1) for w in ws}


_INLINE_ITEM_RE = re.compile(r"(?:(?<=\s)|^)(\d{1,2})[).]\s+(?=\S)")


def _split_inline_items(sentences: Sequence[str]) -> list[str]:
    """"In answer to your questions: 1) 14 2) 3 3) The supplier is exempt": items numbered 1, 2, 3
    in a row inside one sentence are cut apart, so that each reads as its own part."""
    out: list[str] = []
    for sentence in sentences:
        marks = [(m.start(), int(m.group(1))) for m in _INLINE_ITEM_RE.finditer(sentence)]
        run: list[int] = []
        expected = 1
        for pos, number in marks:
            if number == expected:
                run.append(pos)
                expected += 1
        if len(run) < 2:
            out.append(sentence)
            continue
        cuts = [0, *[pos for pos in run if pos > 0], len(sentence)]
        out.extend(piece for a, b in zip(cuts, cuts[1:], strict=False) if (piece := sentence[a:b].strip()))
    return out


def read_parts(sentences: Sequence[str]) -> Parts:
    """How each part of a reply laid out question by question was answered. A part runs from one
    "Question 2:" / "Q3." / "2)" to the next; it is answered when it gives a figure (outside the
    question as restated), a yes or no, or says information is attached or provided; refused when
    it relies on an exemption or the cost limit; not held when it says so or sends us to another
    body ("this part of your request should go to the NPCC"). Replies not laid out in parts give
    an empty reading."""
    sentences = _split_inline_items(sentences)
    parts: list[list[str]] = []
    last: tuple[str, int] | None = None
    # Questions restated without numbers, each followed by its answer ("Which companies supply it?"
    # then the answer): each question starts a part, when no numbered parts are given.
    asked = [k for k, s in enumerate(sentences) if _QUESTION_LINE_RE.match(s)]
    numbered = sum(1 for s in sentences if _part_label(s))
    if numbered < 2 and len(asked) >= 2 and all(b - a >= 2 for a, b in zip(asked, asked[1:], strict=False)) \
            and asked[-1] < len(sentences) - 1:
        labels = {k: ("q", n) for n, k in enumerate(asked, start=1)}
    else:
        labels = {}
    # Numbered questions, then answers numbered like them: the parts are the answers (round 10).
    start = 0 if labels else answers_run([_part_label(s) for s in sentences])
    if not labels and not start:
        # "Q1 response: ...", "2. Answer - ...": answers headed by their number and an answer word, after
        # the questions printed; the parts are the answers, however many of them are in view (round 12).
        start = next((k for k, s in enumerate(sentences) if k and _part_label(s) == ("n", 1)
                      and _ANSWER_WORD_RE.match(PART_START_RE.sub("", s, count=1))
                      and any(_part_label(x) for x in sentences[:k])), 0)
    for k, s in enumerate(sentences):
        if k < start:
            continue
        label = labels.get(k) or (None if labels else _part_label(s))
        # Parts follow one another (1, 2, 3 or a, b, c; "Request 2" then "Response 2"); a figure
        # that looks like an item number ("31.") or a sub-item ("a." under "3.") stays in its part.
        if label and (last is None or (label[0] == last[0] and label[1] in (last[1], last[1] + 1))):
            parts.append([s])
            last = label
        elif parts:
            parts[-1].append(s)
    if request_printed(parts, lambda x: PART_START_RE.sub("", x, count=1)):
        # Only the request's questions are numbered; the letter under the last answers them all.
        return Parts()
    if parts and _answer_follows(parts[-1]):
        # "Please see the below response to your request" after the last numbered part: the
        # numbered parts above it are the request as printed, and the letter's answer starts
        # there (round 12). Answers laid out part by part are not followed by their own lead.
        return Parts()
    out = Parts(count=len(parts))
    if len(parts) < 2:
        return out
    deferred: list[list[str]] = []
    for part in parts:
        text = " ".join(part)
        head = PART_START_RE.sub("", part[0], count=1)
        # Figures in the question as restated ("Between 1 September 2013 and ...?") answer nothing,
        # nor do the size of a search ("7,069 records to review") or a section number.
        said = _answer_lines([head, *part[1:]])
        figures = [x for x in said if FIGURE_RE.search(_CITATION_RE.sub(" ", _URL_RE.sub(" ", x)))
                   and not SEARCH_SIZE_RE.search(x)
                   and not COST_LIMIT_RE.search(x)]
        scores, _ = score(part)
        no = bool(sections_in_sentence(text) or NCND_RE.search(text) or scores["refused"] >= 1.5
                  or scores["firm"] >= 2 or any(_NOTICE_OPENS_RE.match(_said(x))
                                                for x in part))
        nh = scores["not-held"] >= 1.5 or bool(REDIRECT_RE.search(text))
        yes = bool(scores["data"] >= 1.5 or figures or any(ATTACHED_RESPONSE_RE.search(x) for x in part)
                   or any(_YES_NO_RE.match(_said(x)) for x in said))
        if not (yes or no or nh) and said and all(_DEFERS_RE.match(PART_START_RE.sub("", x, count=1)) for x in said
                                                  if x is not head or PART_START_RE.sub("", x, count=1).strip()):
            # "Not applicable (see Q1)": the answer is the earlier part's.
            deferred.append(part)
            continue
        if yes and not (nh and not figures):
            out.answered.append(part[0])
        if no:
            out.refused.append(part[0])
        elif nh and part[0] not in out.answered:
            out.not_held.append(part[0])
            out.not_held_sentences.update(part)
        elif not yes and any(_PROSE_ANSWER_RE.search(x) and not _NON_ANSWER_RE.search(x) and not score([x])[0]
                             for x in said):
            # Neither refused nor not held, and a plain statement under the question: an answer
            # in words, weaker than a figure.
            out.prose.append(part[0])
    for part in deferred:
        # A part that only points back shares the fate of what it points to: beside parts all not
        # held, it is not held too ("Q1 No information held. Q2 Not applicable, see Q1": round 8).
        if out.not_held and not out.answered and not out.refused and not out.prose:
            out.not_held.append(part[0])
            out.not_held_sentences.update(part)
        else:
            out.count -= 1
    return out


# The requester's voice inside a part (round 12): "Please share the total for each year", "I am
# requesting every report, not only ...", "By 'debrief' I mean ...". An authority answering never
# asks itself for the information, so such lines are the question restated, not its answer.
_ASKER_RE = re.compile(
    r"^\W*\(?(?:(?:please\s+note,?\s+)?I\s+(?:am\s+(?:also\s+)?(?:requesting|requiring|asking|seeking)|would\s+(?:also\s+)?like"
    r"|(?:also\s+)?(?:request|require|need|want)|wish\s+to\s+(?:request|receive|know|obtain))\b"
    r"|please\s+(?:also\s+)?(?:share|provide|supply|send|give|list|include|break\s+(?:this|these|it|them|down)"
    r"|state|specify|disclose|detail|indicate|tell\s+me|advise\s+me|let\s+me\s+know)\b)"
    r"|\b(?:by|with)\s+[\"'\u201c\u2018][^\"'\u201d\u2019]{1,60}[\"'\u201d\u2019]\s*,?\s*I\s+(?:mean|am\s+referring)\b",
    re.I,
)


def _answer_lines(lines: Sequence[str]) -> list[str]:
    """A part's lines that may answer it: not the question as restated. The question runs to its
    question mark ("From the fund of 2,000 announced last year" / "how much has been spent?" is one
    question wrapped over two lines), and lines in the requester's voice ("Please share the
    figures for each year") ask, whatever figures they hold (round 12)."""
    lines = [x for x in lines if x.strip()]
    # (A question wrapped over its first lines: the lines before its question mark are its own.)
    ends = next((k for k, x in enumerate(lines[:3]) if x.rstrip().endswith("?")), None)
    if ends is not None and not any(_YES_NO_RE.match(_said(x)) for x in lines[:ends]):
        lines = lines[ends + 1:]
    return [x for x in lines if not x.rstrip().endswith("?") and not _ASKER_RE.search(x)]


# A lead to the answer below it, said after the numbered parts: "please see the below response to your
# request", "our response follows", "the following is our response" (round 12).
_BELOW_LEAD_RE = re.compile(
    r"\b(?:find|see)\s+(?:the\s+|our\s+|my\s+)?(?:below|following)\s+(?:response|answer|reply|replies|responses)\b"
    r"|\b(?:our|my|the\s+force'?s?|the\s+council'?s?)\s+(?:response|answer|reply)\s+(?:now\s+)?(?:follows|is\s+as\s+follows"
    r"|is\s+(?:set\s+out|given|provided)\s+below)\b"
    r"|^\W*(?:the\s+)?following\s+is\s+(?:our|my|the)\s+(?:response|answer|reply)\b",
    re.I,
)


def _answer_follows(part: Sequence[str]) -> bool:
    """True when a lead to the answer below it sits inside the last numbered part (after its first
    line), with no figure or yes/no before it: the numbered parts are the request printed."""
    for k, x in enumerate(part):
        if k and (_BELOW_LEAD_RE.search(x) or leads_to_answers([x])):
            # ("Please find our response set out below" then "Q1 response: ...": the answers, numbered
            # like the questions, follow their lead; the parts are read from them.)
            after = part[k + 1:]
            numbered_answers = (bool(after) and _part_label(after[0]) is not None) or any(
                PART_START_RE.match(y) and _ANSWER_WORD_RE.match(PART_START_RE.sub("", y, count=1)) for y in after)
            return not numbered_answers and not any(_YES_NO_RE.match(_said(y)) for y in part[1:k])
    return False


# The word that heads an answer under its number: "Q3 response:", "2. Answer -", "Q1 reply:".
_ANSWER_WORD_RE = re.compile(r"^\s*(?:response|answer|reply)\s*[:.\-\u2013]?\s*", re.I)


def _said(sentence: str) -> str:
    """What a part's line says, without its number or the word "response" after it."""
    return _ANSWER_WORD_RE.sub("", PART_START_RE.sub("", sentence, count=1), count=1)


# A part's answer that opens a refusal notice (round 11): the two duties of section 1 set out, to
# say which of them an exemption removes ("Section 1 of the Act places two duties on an authority
# ...", "Under section 1 an authority has a duty to confirm whether it holds ... and to disclose it,
# unless exemptions apply", "Where exemptions are relied on, section 17 requires a notice ...").
# Only a reply relying on an exemption for that part sets them out under it.
_NOTICE_OPENS_RE = re.compile(
    r"^\W*(?:under\s+)?(?:section|s\.)\s*1\b(?!\s*\(\s*[3-9])[^.]{0,80}\b(?:places?|imposes?|gives?|creates?|sets?\s+out"
    r"|has)\s+(?:\w+\s+){0,3}?(?:two|2)\s+(?:duties|obligations)"
    r"|^\W*(?:where|when)\s+(?:an\s+)?exemptions?\s+(?:are|is)\s+(?:relied|being\s+relied)\s+(?:up)?on\b[^.]{0,40}"
    r"\b(?:section|s\.)\s*17\b",
    re.I,
)


def opens_notice(sentence: str) -> bool:
    """True when `sentence` (a part's first line) answers by opening a refusal notice."""
    return bool(_NOTICE_OPENS_RE.match(_said(sentence)))


# An answer that only points back to another: "Not applicable (see Q1)", "N/A", "See answer to
# question 2", "As above".
_DEFERS_RE = re.compile(r"^\W*(?:not\s+applicable|n/a|see\s+(?:the\s+)?(?:answer|response)\s+(?:to|at|for|above)|see\s+"
                        r"(?:q|question|part)\s*\d|(?:please\s+)?see\s+above|as\s+above)\b[^.]{0,60}[.)]?\W*$", re.I)


# A statement that answers nothing: "that is not a request for recorded information".
_NON_ANSWER_RE = re.compile(r"\bnot\s+(?:a\s+)?(?:valid\s+)?(?:request|question)\s+for\s+(?:recorded\s+)?information"
                            r"|\bnot\s+(?:recorded\s+)?information\s+(?:as\s+defined|held)|\boutside\s+(?:the\s+scope\s+of\s+)?"
                            r"(?:the\s+)?(?:Act|FOIA)\b|\bnot\s+covered\s+by\s+the\s+(?:Act|FOIA)|\bsee\s+(?:the\s+)?(?:answer|response)"
                            r"\s+(?:to|above|below)|\bas\s+above\b", re.I)
# A plain statement of fact: a subject and a verb, a few words long (not a heading or a fragment).
_PROSE_ANSWER_RE = re.compile(r"\b(?:is|are|was|were|has|have|had|does|do|did|uses?|holds?|owns?|carries|carry"
                              r"|receives?|issued|provided|supplied|based|kept|stored)\b[^.?]{8,}", re.I)


# A question restated on its own: short, ends with "?", not addressed to us ("Could you tell us ...").
_QUESTION_LINE_RE = re.compile(r"^(?![^?]*\b(?:could|can|would|will)\s+you\b)(?!\W*(?:please|dear)\b)[^?]{8,200}\?\W*$",
                               re.I)
_URL_RE = re.compile(r"\[\d+\]|\b(?:https?://|www\.)\S+", re.I)
_YES_NO_RE = re.compile(r"\W*(?:yes|no)\b(?!\s+(?:information|data|records?|recorded|relevant))", re.I)
_CITATION_RE = re.compile(r"\b(?:sections?|ss?\.?)\s*\d+[A-Z]?(?:\s*\(\w+\))*|\b(?:questions?|parts?|requests?|answers?"
                          r"|points?|items?|q)\s*\d+[a-z]?(?:\s*(?:&|and|,|-|to)\s*\d+[a-z]?)*", re.I)
# A figure given as an answer: "23 vehicles", "412", "£1,200" (not a year, a date, an ordinal or a
# section).
_MONTHS = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*"
FIGURE_RE = re.compile(r"(?<![\w/£(.-])(?!(?:19|20)\d\d\b)£?\d[\d,]*(?:\.\d+)?"
                        r"(?![\d/:)(]|\.\w|\s*(?:hours|working|business|calendar|days|weeks|months))(?!\s*(?:st|nd|rd|th)\b)"
                        r"(?!\s+" + _MONTHS + r"\b)",
                        re.I)



def labelled_statements(sentences: Sequence[str]) -> list[str]:
    """Plain statements printed under a question's number, "Q3 & 4. The force has not deployed body
    scanners at any event" (round 10): an answer in words to the questions named, with no
    word of any status (refusing, not holding, more time) and no section cited."""
    out: list[str] = []
    for k, s in enumerate(sentences):
        m = PART_START_RE.match(s)
        if not m:
            continue
        said = s[m.end():].strip()
        if not said and k + 1 < len(sentences) and not PART_START_RE.match(sentences[k + 1]):
            # ("Q1 & 2." on a line of its own, the statement on the next.)
            s = said = sentences[k + 1].strip()
        if (len(said) >= 20 and not said.rstrip().endswith("?") and _PROSE_ANSWER_RE.search(said)
                and not _NON_ANSWER_RE.search(said) and not score([said])[0] and not sections_in_sentence(said)
                and not NCND_RE.search(said)):
            out.append(s)
    return out
