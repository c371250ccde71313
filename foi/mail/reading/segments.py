"""A reply read in context: which sentences are the authority's new decision, and which are not.

A real reply carries much more than its decision: our request quoted back (ours mentions the cost
limit and sections 12 and 16), earlier correspondence quoted below, a restatement of the request
("You asked: ...", "I note you have requested the following: ..."), history ("You then
clarified ...", "On 14 November you were sent a refusal ..."), hypotheticals ("If we need
clarification the clock will stop"), rights paragraphs, disclaimers, signatures and legal
annexes. Each sentence of a reply gets one role; only ``new`` sentences decide what the reply is.

Roles:
    new          the authority's own new text: the decision is read from these
    request      our request, restated or quoted by them (never supplies a section or a kind)
    quoted       earlier messages below the reply
    history      what happened before ("following your clarification", "you were sent ...")
    conditional  hypotheticals and general statements of what may happen
    boilerplate  rights, ICO, disclaimers, data caveats, contact details, signatures
    annex        anything after the signature: complaint-rights sheets, legal annexes
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from foi.mail.reading.grammar import HANDED_TO_YOU, REQUEST_REFUSED
from foi.mail.reading.references import head_number
from foi.mail.reading.sentences import (
    WAIVED_RE,
    is_boilerplate,
    is_conditional,
    is_history,
    is_table_row,
    split_sentences,
    tabular_lines,
)
from foi.mail.text import html_to_text, looks_like_html, split_quoted

ROLES = ("new", "request", "quoted", "history", "conditional", "boilerplate", "annex")


@dataclass(frozen=True)
class Sentence:
    text: str
    role: str
    source: str  # "body", "subject" or an attachment's name


@dataclass
class Reading:
    """Every sentence of a message (body, then each attached letter) with its role."""

    sentences: list[Sentence] = field(default_factory=list)
    tables: int = 0  # lines of figures in the new text (a table in the body is data)
    answers: int = 0  # short answers with figures under a restated question ("- 190", "222")
    nil_answers: int = 0  # "there have been no such stations": a nil return, or a way of saying not held
    restated: int = 0  # sentences of the request restated in their own text (not in a quoted message)

    def of(self, *roles: str) -> list[str]:
        return [s.text for s in self.sentences if s.role in roles]

    @property
    def new(self) -> list[str]:
        return self.of("new")

    def text(self, *roles: str) -> str:
        return "\n".join(self.of(*roles))


# ---------------------------------------------------------------------------------------------
# Restated requests


# A line that introduces the request as they restate it.
_REQUEST_HEAD_RE = re.compile(
    r"^\s*(?:\d+[.)]\s*)?(?:"
    r"you\s+(?:asked|requested|wrote|write)(?:\s+(?:for|us|the\s+following(?:\s+information)?))?\s*(?:[:\-\u2013]|$)"
    r"|your\s+(?:original\s+)?request(?:\s+(?:details|reads|read|was|is|states?))?(?:\s*\(?[\w/\-]*\d[\w/\-]*\)?)?"
    r"(?:\s+as\s+follows)?\s*[:\-\u2013]"
    r"|(?:the\s+)?request(?:\s+details)?\s*[:\-\u2013]?\s*$"
    r"|information\s+requested\s*[:\-\u2013]?\s*$"
    r"|(?:request|question)\s+\d+[a-z]?\s*[:\-\u2013]?\s*$"
    r"|(?:description\s+of\s+)?information\s+sought\s*[:\-\u2013]"
    r"|in\s+your\s+(?:request|e-?mail)[^:\n]{0,60}?you\s+(?:asked|requested|wrote)(?:\s+for)?\s*[:\-\u2013]"
    r")",
    re.I,
)
# A head in the middle of a sentence: "we note that you have requested the following:".
_REQUEST_LEAD_RE = re.compile(
    r"(?:(?:I|we)\s+note\s+(?:that\s+)?you\s+(?:seek|sought|have\s+sought|requested)\s+(?:access\s+to\s+)?"
    r"|in\s+which\s+you\s+(?:sought|seek|requested|asked\s+for)\s+(?:access\s+to\s+)?"
    r"|you\s+(?:have\s+)?(?:requested|asked\s+for|sought)\s+"
    r"|(?:which|this\s+request)\s*,?\s*(?:for\s+clarity\s*,?\s*)?(?:has\s+been|is)\s+(?:repeated|replicated|reproduced)\s+below"
    r"|your\s+request\s+is\s+(?:repeated|replicated|reproduced)\s+below"
    r"|your\s+request\s+for\s+information\s+as\s+(?:shown|set\s+out)\s+below"
    r"|you\s+made\s+the\s+following\s+request"
    # A disclosure log's lead (round 14): "We received a request under the Freedom of Information
    # Act 2000 (FOIA):" - only with the colon that hands over to the request's own words.
    r"|(?:we|I)\s+(?:have\s+)?received\s+(?:a|your|the\s+following)\s+request(?:\s+for\s+information)?"
    r"(?:\s+(?:under|made\s+under|in\s+accordance\s+with)\s+[^.:\n]{0,80}?)?(?=\s*:)"
    r")"
    r"(?:the\s+following(?:\s+information)?[^.:\n]{0,40}[:.]?|[^.:\n]{0,40}:-?)\s*$",
    re.I,
)
# The requester's own opening, pasted into the reply without a heading: "I write ... to ask for
# these details", "I would be glad to receive the following figures", "Under FOIA, could you
# provide me with ...". An authority writes "you asked", never "I would like to get".
# What a requester asks for (an authority asking us "please provide me with the dates you mean" is
# asking a question, not restating the request).
_WHAT_IS_ASKED = (r"(?:the\s+following|copies|a\s+copy|a\s+list|a\s+breakdown|the\s+(?:number|total|amount)"
                  r"|(?:any\s+)?(?:information|data|figures|statistics|records)\s+(?:on|about|regarding|relating|held|for|of"
                  r"|showing))")
_REQUESTER_RE = re.compile(
    r"^\W*(?:(?:under|in\s+accordance\s+with)\s+(?:the\s+)?(?:freedom\s+of\s+information|foi)[^,\n]{0,30},?\s*)?"
    r"(?:i\s+(?:am\s+writing|write)\b(?![^\n]*\bclarif)[^\n]{0,100}?\bto\s+(?:request|ask\s+for)\b"
    r"|i\s+would\s+like\s+to\s+(?:get|obtain|request|receive|ask\s+for)\b"
    r"|(?:i\s+would\s+be\s+grateful\s+if\s+you\s+could|(?:please\s+)?(?:can|could|would)\s+you\s+(?:please\s+)?)"
    r"\s*(?:provide|send|supply|give|disclose\s+to)\s+me\s+(?:with\s+)?" + _WHAT_IS_ASKED +
    r"|please\s+(?:provide|send|supply|give)\s+me\s+(?:with\s+)?" + _WHAT_IS_ASKED +
    # "Could you tell me how many burglaries ...", "Could I have this broken down by ..."
    r"|(?:please\s+)?(?:can|could|would)\s+you\s+(?:please\s+)?tell\s+me\s+(?:how\s+many|how\s+much|the\s+(?:number|total"
    r"|amount))\b|(?:could|can|may)\s+i\s+(?:please\s+)?(?:have|see|get|request)\b" +
    r"|i\s+am\s+(?:hereby\s+)?requesting\s+(?:the\s+following|information|copies|a\s+copy|details))",
    re.I,
)
# A "Question 1" / "Request 1" heading answered under a later "Answer(s)" heading.
_ANSWERS_HEAD_RE = re.compile(r"^\s*(?:answers?|responses?|our\s+response)\s*:?\s*$", re.I)
# A line that ends a restated request: their answer starts.
_RESPONSE_HEAD_RE = re.compile(
    r"^\s*(?:"
    r"[A-Z][\w&'.]*(?:\s+[A-Z][\w&'.]*){0,3}\s+response\s*:"
    r"|exemptions?\s+(?:applied|used|relied\s+(?:up)?on)\s*:?\s*$"
    r"|(?:in\s+)?(?:our\s+|the\s+force'?s?\s+|force\s+)?(?:response|answer|reply|decision|outcome)s?"
    r"(?:\s+(?:to\s+your\s+request|\d+(?:\s*(?:&|and)\s*\d+)?))?\s*(?:[:\-\u2013]|$)"
    r"|answers?\s+\d+"
    r"|response\s+to\s+your\s+request"
    r"|(?:result|findings)\s+of\s+(?:searches|the\s+review)"
    # ("I write to you with a request for information": the requester's own opening, printed back;
    # round 15.)
    r"|(?:please\s+(?:find|see)|i\s+(?:can|am\s+able\s+to|write(?!\s+(?:to\s+you\s+)?(?:with\s+a\s+request|to\s+request"
    r"|to\s+ask|to\s+make))|have)|we\s+(?:can|are|have)|unfortunately"
    r"|following\s+receipt|thank\s+you|having\s+considered|this\s+(?:request|letter)(?!\s+(?:relates|concerns|is\s+(?:about"
    r"|for|regarding)|covers|regards|seeks|asks))|in\s+relation\s+to"
    r"|your\s+request\s+(?:for\s+information\s+)?(?:will|has)|please\s+be\s+advised|our\s+data"
    r"|i\s+am\s+(?:writing|afraid|not\s+obliged|pleased)|the\s+information\s+(?:you|requested)|under\s+s\s*1)\b"
    r"|(?:the\s+)?[A-Z][\w&'.]*(?:\s+(?:and\s+)?[A-Z][\w&'.]*){0,4}\s+(?:police|constabulary|constabularies"
    r"|police\s+service)\s+(?:does|do|can|cannot|is|are|has|have|holds?|will|would|currently|were)\b"
    r")",
    re.I,
)
# A sentence that announces the request below it and ends there: "Your questions are set out
# below and ...,", "This letter answers your request for information as set out below."
_REQUEST_INTRO_RE = re.compile(
    r"(?:(?:below|above)\s+(?:is|are)\s+(?:the\s+)?(?:questions?|details)\s+(?:raised\s+)?(?:in|of)\s+your\s+request"
    r"[^.:\n]{0,80}?|\byour\s+request\s+(?:for\s+information\s+)?as\s+(?:shown|set\s+out|detailed)\s+below"
    r")[,:.]?\s*$",
    re.I,
)
# "For ease of reference, your request is replicated below together with the response" (Police
# Scotland's letters, round 14b): the request follows, then the answer. Such letters print either the
# whole request and then the answers under the same numbers, or each question with its answer under
# it; only the first is marked (see _mark_request's restart_only), since in the second the answers
# sit between the questions.
# (The request as the subject, opening the line or after a lead's comma: not "our responses to your
# questions are set out below", which announces the answers.)
_REPLICATED_RE = re.compile(
    r"(?:(?:^\W*|,\s*)your\s+(?:request|questions?)\s+(?:for\s+information\s+)?(?:is|are|has\s+been|have\s+been)\s+"
    r"(?:replicated"
    r"|reproduced|repeated|restated|copied|set\s+out|shown)\s+below(?:,?\s+(?:together|along)\s+with\s+(?:the|our|my)\s+"
    r"(?:responses?|answers?|replies))?)[,:.]?\s*$",
    re.I,
)
# Lines that read as the request's own words (numbered asks, questions, "please provide").
_ASK_RE = re.compile(
    r"^\s*(?:[-*\u2022\u2013]|\(?[0-9]{1,2}[a-z]?[.),\]](?=\s)|\(?[a-z]{1,3}[.)]|q\d+|\d+\.\d+)"
    r"|\?\s*[\"\u201d']?\s*$"
    r"|^\s*[\"\u201c']"
    r"|^\s*(?:please\s+(?:provide|could|can|tell|give|list|supply|send|break|include|specify|disclose|state|identify)"
    r"|how\s+many|how\s+much|what|which|when|where|whether|could\s+you|can\s+you|would\s+you|i\s+would|i\s+am"
    r"|i'd|i\s+wish|i\s+note|for\s+each|for\s+the|the\s+number|number\s+of|do\s+you|does|is\s+there|are\s+there"
    r"|has|have|if\s+(?:possible|going|this|my)|under\s+the\s+freedom|by\s+\w+\s+i\s+mean|nb\b|many\s+thanks|thank\s+you"
    r"|yours|dear|in\s+order\s+to\s+assist|broken\s+down|the\s+(?:total|name|date|location|type|make|cost|current)"
    r"|any\s+(?:relevant|other)|copies\s+of|a\s+(?:copy|list|breakdown))\b",
    re.I,
)


# The authority's own voice: a restated request ends where they start answering, with or without
# a heading ("Having made enquiries ...", "For question 2 we rely on ...", "Below is the headcount",
# a row of figures).
_AUTHORITY_VOICE_RE = re.compile(
    r"^\W*(?:(?:[a-z]|q?\d{1,2})[.)]\s+)?(?:"
    r"having\s+made\s+enquiries|following\s+(?:enquiries|searches|receipt|a\s+search)|searches\s+(?:were|have\s+been)"
    r"|(?:below|above)\s+(?:is|are)\s+(?!your\b|the\s+(?:questions?|details)\s+(?:raised\s+)?(?:in|of)\s+your)"
    r"|for\s+(?:question|part|q)\s*\d+[a-z]?\b[^.]{0,40}\b(?:we|i)\b"
    r"|(?:please\s+(?:find|see)\s+(?:attached|below|enclosed|the\s+(?:attached|table|information)))"
    r")"
    r"|\bno\s+(?:recorded\s+|relevant\s+)?(?:information|data|records?)\s+(?:is\s+|are\s+|was\s+)?held\b"
    r"|\binformation\s+(?:is\s+)?not\s+held\b|\bthere\s+(?:is|are|were|was)\s+no\s+(?:information|records?|data)\b"
    r"|\b(?:we|i)\s+(?:can(?:not)?|do\s+not|don.t|would|are\s+(?:unable|not\s+able|able|pleased)|am\s+(?:unable|not\s+obliged"
    r"|able|pleased)|have\s+(?:attached|enclosed|provided|located|been\s+able|no\s+record)|hold|rely)\b(?!\s+(?:like|be\s+grateful|request|appreciate|prefer|want|also\s+like))"
    r"|\b(?:the\s+)?(?:force|constabulary|police(?:\s+service)?)\s+(?:does|do|can|cannot|holds?|has\s+(?:no|not))\b"
    # The stance only the authority takes (round 12): "the MPS can neither confirm nor deny whether ...".
    r"|\b(?:can|will|must|shall|do|does|therefore)\s+neither\s+confirm\s+n?or\s+deny\b"
    # (A decision on the request, in any words: "this request is refused", "your request is refused in
    # accordance with s.21", "the request has been declined": grammar.REQUEST_REFUSED, round 12.)
    r"|" + REQUEST_REFUSED + r"|\b(?:represents|constitutes|serves\s+as|acts\s+as)\s+a\s+refusal"
    r"\s+notice|\bnot\s+obliged\s+to\s+(?:supply"
    r"|provide|comply|disclose)"
    # They turn to us with a question: "so that we can deal with your request, would you tell us
    # ...", "please clarify what you mean by ..." (a requester does not speak of "your request").
    r"|\b(?:to\s+(?:enable|allow|help|assist)|so\s+that|in\s+order\s+(?:for|that))\s+(?:\w+\s+){1,4}?"
    r"(?:to|can|may|could)\s+(?:\w+\s+){0,3}?your\s+(?:\w+\s+)?(?:request|application|enquiry)\b"
    r"|\bclarify\s+(?:exactly\s+)?(?:what|which)\s+(?:you|information\s+you)\b|\bwhat\s+you\s+mean\s+by\b"
    # What is handed to the requester (round 11): "the reports disclosed to you are listed below",
    # "a copy is attached to this e-mail". A requester asks; only the authority gives.
    r"|" + HANDED_TO_YOU + r"|\b(?:is|are)\s+attached\s+to\s+(?:this|the)\s+(?:e-?mail|letter"
    r"|response)\b",
    re.I,
)


_ITEM_ANSWER_RE = re.compile(
    r"(?im)^\s*(?:q(?:uestion)?\s*\d{1,2}[a-z]?|\d{1,2}[a-z]?|[a-h])\s*[.):\-\u2013]\s*"
    r"(?:(?:yes|no)\b(?![ \t]+(?:information|data|records?|recorded|relevant|such|details))[.,]?"
    r"|(?:£\s?)?\d[\d,]*(?:\.\d+)?[ \t]*(?:[a-z]+[ \t]*)?[.,]?[ \t]*$)"
)


# "Q1. 237. This figure excludes covert vehicles": a figure under its question's number, then a note on it
# in a sentence of its own (round 12). (Not a year: "1. 2019. The scheme began".)
_ITEM_FIGURE_THEN_NOTE_RE = re.compile(
    r"(?im)^\s*(?:q(?:uestion)?\s*\d{1,2}[a-z]?|\d{1,2}[a-z]?)\s*[.):\-\u2013]\s*(?!(?:19|20)\d\d\b)(?:£\s?)?\d[\d,]*"
    r"(?:\.\d+)?\.[ \t]+(?-i:[A-Z])"
)


def _is_their_voice(line: str) -> bool:
    """A line in which the authority answers, or a row of figures."""
    if _AUTHORITY_VOICE_RE.search(line) or _ITEM_ANSWER_RE.search(line):
        return True
    if re.match(r"^\s*(?:19|20)\d\d(?:/\d\d)?\s*[-\u2013:|]\s*[\d,]+\s*$", line):
        return True
    # A row of figures answers; a list of years ("2010, 2011, 2012") is part of a question.
    return is_table_row(line.strip()) and bool(re.search(r"(?<![\d/])(?!(?:19|20)\d\d\b)\d", line))


# An item's number at the start of a line: "1.", "2)", "(3)", "Q4." (not "1.5", a decimal).
_ITEM_NO_RE = re.compile(r"^\s*(?:q(?:uestion)?\s*)?\(?(\d{1,2})[.)](?!\d)", re.I)


# The requester's own prose under a lead, not phrased as an ask: "I write to you with a request for
# information under section 1 ...", "Please exclude from my request any site plans; I believe these
# would pass the section 12(1) limit" (round 15). An authority says "your request", never "my request".
_REQUESTER_PROSE_RE = re.compile(r"\bmy\s+(?:\w+\s+)?request\b"
                                 r"|\bI\s+(?:write|am\s+writing)\s+(?:to\s+you\s+)?with\s+a\s+request\b"
                                 r"|\bI\s+would\s+like\s+to\s+(?:request|ask|receive|obtain|see)\b", re.I)


def _mark_request(lines: list[str], start: int, out: set[int], *, restart_only: bool = False) -> int:
    """Mark the restated request that starts at line `start` (up to an answer heading or a line in
    their voice, or while lines read as asks); return the index of the line after it. With
    `restart_only`, mark it only when it ends where its numbering starts again."""
    explicit = None
    seen_numbers: list[int] = []
    restarted = False
    for j in range(start, min(len(lines), start + 80)):
        if _RESPONSE_HEAD_RE.match(lines[j]) or (j > start and _is_their_voice(lines[j])):
            explicit = j
            break
        # The numbering starts again ("1." after "2."): a list printed back is answered item by item
        # under the same numbers, and a request never counts back (round 14b: Police Scotland's
        # "your request is replicated below together with the response").
        num = _ITEM_NO_RE.match(lines[j])
        if num and seen_numbers and int(num.group(1)) == 1 and max(seen_numbers) >= 2:
            explicit = j
            restarted = True
            break
        if num:
            seen_numbers.append(int(num.group(1)))
        # "A1 / ..." under its "Q1 / ...": their answer starts, whatever it says (round 14b).
        a = _A_LINE_RE.match(lines[j]) if j > start else None
        if a and a.group("n") and any((q.group("n") or "").lower() == a.group("n").lower()
                                      for q in map(_Q_LINE_RE.match, lines[start:j]) if q):
            explicit = j
            break
    if restart_only and not restarted:
        return start
    if explicit is not None:
        end = explicit
    else:
        # No answer heading: the request runs while its lines read as asks.
        j = start
        while j < len(lines) and (not lines[j].strip() or _ASK_RE.search(lines[j]) or len(lines[j].strip()) < 3
                                  or (_REQUESTER_PROSE_RE.search(lines[j]) and not _is_their_voice(lines[j]))):
            j += 1
        end = j
    out.update(range(start, end))
    return end


# A disclosure log's question and answer, unnumbered: "Q: How many ...?" then "A: There are ...".
# The question is the request as they print it; the "A:" line is their answer (round 6).
# Numbered the same way, "Q1." then "A1.", each answer under its own number.
# (Round 14b: also "Q1 / Please supply ..." then "A1 / The document is not held", a slash between
# spaces: not "A1/M1", a road's name.)
_Q_LINE_RE = re.compile(r"^\s*(?:Q(?:uestion)?\s*[:\-\u2013]|Q(?P<n>\d{1,2}[a-z]?)(?:\s*[.:)\-\u2013]|\s+/))\s*\S",
                        re.I)
_A_LINE_RE = re.compile(r"^\s*(?:A(?:nswer)?\s*[:\-\u2013]|A(?P<n>\d{1,2}[a-z]?)(?:\s*[.:)\-\u2013]|\s+/))"
                        r"\s*(?P<said>\S.*)$", re.I)
# Their own opening under the request as a log prints it: "I write in response to your request ...".
_OPENING_RE = re.compile(r"^\W*(?:(?:I|we)\s+(?:write|am\s+writing|are\s+writing)\s+in\s+(?:response|reply|relation"
                         r"|connection)\s+to\s+your\s+(?:request|e-?mail|application)|thank\s+you\s+for\s+your\s+"
                         r"(?:request|e-?mail)\b)", re.I)


def _question_answer_pairs(lines: list[str]) -> list[tuple[int, int]]:
    """(question line, answer line) for each "Q:" followed by its "A:" before the next "Q:"."""
    pairs: list[tuple[int, int]] = []
    for i, line in enumerate(lines):
        q = _Q_LINE_RE.match(line)
        if not q:
            continue
        for j in range(i + 1, min(len(lines), i + 15)):
            if _Q_LINE_RE.match(lines[j]):
                break
            a = _A_LINE_RE.match(lines[j])
            if a:
                if (a.group("n") or "").lower() == (q.group("n") or "").lower():
                    pairs.append((i, j))
                break
    return pairs


def _above_opening(lines: list[str]) -> set[int]:
    """The request a disclosure log prints above the authority's opening ("I write in response to
    your request"): the lines above it that read as the requester's asks, when one of them does so
    plainly (their "please provide me", or a question put to the authority)."""
    k = next((i for i, line in enumerate(lines) if i and _OPENING_RE.match(line)), None)
    if k is None:
        return set()
    above = [i for i in range(k) if lines[i].strip()]
    plain = [i for i in above if _REQUESTER_RE.match(lines[i])
             or (lines[i].rstrip().endswith("?") and re.search(r"\byou\b", lines[i], re.I))]
    if not plain:
        return set()
    return {i for i in above if _ASK_RE.search(lines[i]) or lines[i].rstrip().endswith("?") or i in plain}


def _request_lines(lines: list[str]) -> set[int]:
    """Indices of lines that restate the request."""
    out: set[int] = set()
    for q, a in _question_answer_pairs(lines):
        out.update(range(q, a))
    out.update(_above_opening(lines))
    i = 0
    while i < len(lines):
        line = lines[i]
        head = _REQUEST_HEAD_RE.match(line) is not None
        if head and re.match(r"^\s*(?:\d+[.)]\s*)?(?:the\s+)?(?:request|question)\b", line, re.I):
            # "Question 2" heads the question as restated, or the answer to it: it is the request's
            # only when the next line reads as an ask.
            nxt_line = next((ln for ln in lines[i + 1 : i + 4] if ln.strip()), "")
            head = bool(_ASK_RE.search(nxt_line)) and not _is_their_voice(nxt_line)
            if not head:
                for later in lines[i + 1 : i + 60]:
                    if _ANSWERS_HEAD_RE.match(later):
                        head = True
                        break
                    if _is_their_voice(later):
                        break
        if not head and _REQUESTER_RE.match(line) and not _is_their_voice(line):
            # Their own words start the request on this very line.
            i = max(_mark_request(lines, i, out), i + 1)
            continue
        # A hard-wrapped lead ("... I note you seek\naccess to the following information:").
        joined = f"{lines[i - 1].strip()} {line.strip()}" if i and line.rstrip().endswith(":") else line
        lead = not head and bool(_REQUEST_LEAD_RE.search(joined) or _REQUEST_INTRO_RE.search(joined))
        if not (head or lead) and _REPLICATED_RE.search(joined):
            i = max(_mark_request(lines, i + 1, out, restart_only=True), i + 1)
            continue
        if not (head or lead):
            i += 1
            continue
        start = i + 1 if head else i + 1
        # A "Request" heading followed at once by "Response" is a two-column table flattened by
        # the PDF reader: its lines interleave both columns and cannot be told apart.
        nxt = next((j for j in range(start, min(len(lines), start + 3)) if lines[j].strip()), None)
        if nxt is not None and _RESPONSE_HEAD_RE.match(lines[nxt]) and re.match(r"^\s*response\s*$", lines[nxt], re.I):
            i = nxt + 1
            continue
        i = max(_mark_request(lines, start, out), i + 1)
    return out


_STOP = frozenset("a an and are as at be by for from has have i in is it of on or our please the this that to "
                  "we which will with you your".split())


def _content_words(text: str) -> set[str]:
    return {w for w in re.findall(r"[a-z0-9]+", text.lower()) if w not in _STOP}


def _request_words(request_text: str | None) -> list[set[str]]:
    """Content-word sets of the sentences of our own request, to recognise it when quoted
    without any quoting marks."""
    if not request_text:
        return []
    return [words for s in split_sentences(request_text) if len(words := _content_words(s)) >= 4]


def _is_ours(sentence: str, ours: list[set[str]]) -> bool:
    if not ours:
        return False
    words = _content_words(sentence)
    if len(words) < 4:
        return False
    return any(len(words & mine) >= 0.8 * len(words) for mine in ours)


def _lines(text: str) -> list[str]:
    """The text's lines; a long line (a letter flattened by a PDF reader) is cut into its
    sentences, and a sentence that introduces the request ("You requested the following
    information: ...") is cut after its colon, so that headings can be found in it."""
    out: list[str] = []
    for line in text.split("\n"):
        if len(line) <= 200:
            out.append(line)
            continue
        for sentence in split_sentences(line):
            m = re.search(r"(?:information|following|request|below)\s*:-?\s*", sentence, re.I)
            if m and (_REQUEST_LEAD_RE.search(sentence[: m.end()].rstrip(" -")) or
                      _REQUEST_HEAD_RE.match(sentence[: m.end()])):
                out.extend([sentence[: m.end()].strip(), sentence[m.end():].strip()])
            else:
                out.append(sentence)
    return out


# ---------------------------------------------------------------------------------------------
# Signatures and annexes


_SIGNOFF_RE = re.compile(r"^\s*(?:yours\s+(?:sincerely|faithfully|truly)|kind\s+regards|best\s+regards|many\s+thanks"
                         r"|regards|with\s+regards)\s*[,.]?\s*$", re.I)
_ANNEX_HEAD_RE = re.compile(r"^\s*(?:appendix\s+[a-z0-9]|legal\s+annex|annex\b|complaint\s+rights|your\s+right\s+to"
                            r"|are\s+you\s+unhappy|requesting\s+an\s+internal\s+review|freedom\s+of\s+information"
                            r"\s+request\s+appeals\s+procedure)", re.I)


def _is_prose(line: str) -> bool:
    """A long sentence closed by a full stop ("Annex A to this letter gives the wording of the
    exemption we rely on and our reasons ...") speaks of an annex; a heading is short or
    unpunctuated (issue 12, round 11)."""
    return line.rstrip().endswith(".") and len(line.split()) > 12


_GREETING_RE = re.compile(r"^\s*(?:dear|hi|hello)\b[^.]{0,40}$", re.I)


def _heads_the_letter(lines: list[str], i: int) -> bool:
    """"Annex A" above the greeting titles the letter itself (a letter sent as the annex of an
    e-mail); an annex follows the letter (issue 12, round 11)."""
    before, after = lines[:i], lines[i + 1 : i + 8]
    return not any(_GREETING_RE.match(x) for x in before) and any(_GREETING_RE.match(x) for x in after)


def _annex_start(lines: list[str], skip: set[int]) -> int | None:
    """The first line of what follows the letter proper: its sign-off, or an annex heading
    ("Appendix A", "Complaint Rights"). Lines in `skip` (a restated request, which has its own
    "Yours faithfully") are not looked at."""
    for i, line in enumerate(lines):
        if i in skip:
            continue
        if _SIGNOFF_RE.match(line):
            return i
        if _ANNEX_HEAD_RE.match(line) and i > 0 and not _is_prose(line) and not _heads_the_letter(lines, i):
            return i
    return None


# ---------------------------------------------------------------------------------------------
# Figures


# Letterheads are full of numbers that are not figures: telephone numbers, postcodes, dates.
_CONTACT_LINE_RE = re.compile(
    r"\b(?:tel(?:ephone)?|fax|direct\s+dial|minicom|text\s+relay|phone|mobile|ext\.?)\b|\b0\d{2,4}\s?\d{3,4}\s?\d{3,4}\b"
    r"|^\W*(?:101|999|18001)\b|\b[A-Z]{1,2}\d{1,2}[A-Z]?\s\d[A-Z]{2}\b|^\W*(?:date\W*)?\d{1,2}[/.]\d{1,2}[/.]\d{2,4}\W*$",
    re.I,
)
# "... the number of custody suites on 30/06/14 was 12." A figure given as an answer, not a
# count of the records they would have to search ("there were 798 incidents to review").
_NUM = r"(?P<n>£\s?\d[\d,]*(?:\.\d+)?(?:\s*(?:million|m|k|bn))?|\d[\d,]*(?:\.\d+)?)"
_ANSWER_RE = re.compile(
    # "... in 2023 was 27", "there were 412 arrests", "the budget was £1.2 million"
    r"\b(?:was|were|is|are|totall?ed|amounted\s+to|stands?\s+at|there\s+(?:were|are|was|is))\s+(?:a\s+total\s+of\s+)?"
    + _NUM + r"(?!\s*(?:st|nd|rd|th)\b|\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b)"
    r"(?=\s*(?:$|[.;,)]|\s+(?!(?:working\s+)?(?:days|hours|minutes|weeks|months|years|per\s*cent|%|records"
    r"|occurrences|incidents|offences|reports|crimes|results|calls|cases|requests|logs|files|documents|e-?mails)\b)[a-z]))"
    # "1,204 incidents were recorded", "312 tasers have been issued"
    r"|(?<![\w/£.])(?!(?:19|20)\d\d\b)" + _NUM.replace("?P<n>", "?P<m>")
    + r"\s+(?:[a-z]+\s+){1,3}(?:were|was|have\s+been|had\s+been)\s+"
    r"(?:recorded|issued|made|reported|received|arrested|charged|cautioned|dealt|employed|stopped|seized|found|given"
    r"|paid|spent|purchased|bought|deployed|trained|dismissed|suspended|committed"
    # case outcomes counted: "11 complaints have been upheld", "38 appeals were closed" (round 15)
    r"|upheld|closed|resolved|completed|investigated|referred|logged|identified|granted|approved)\b"
    # "we employ 14 dog handlers", "the force has 42 marked cars"
    r"|\b(?:we|the\s+(?:force|constabulary|service))\s+(?:currently\s+)?(?:employ|employs|employed|ha[sv]e?|holds?|own"
    r"|owns|operate"
    r"|operates|recorded|received|issued|made|spent|paid)\s+(?:a\s+total\s+of\s+)?" + _NUM.replace("?P<n>", "?P<k>")
    + r"(?!\s+(?:records?|documents?|files?|items?|pieces?|reports?|pages?)\b)\s+[a-z]",
    re.I,
)
# Figures in an explanation of the cost limit are the size of the search, not an answer: "there
# were 7,069 occurrences to review", "1,144 records would need to be read".
SEARCH_SIZE_RE = re.compile(
    r"\b(?:review|reviewed|reviewing|search(?:ed|ing|es)?|examin\w+|read|manual\w*|interrogat\w+|each|every|hours"
    r"|would\s+(?:need|have)\s+to|to\s+be\s+(?:checked|looked))\b",
    re.I,
)


_REF_LABEL_END_RE = re.compile(r"(?:\b(?:ref(?:erence)?|number|request)\s*[:#-]?|\bref\.|\bn\s?o\.?\s*[:#-]?)\s*$",
                               re.I)


# A labelled figure on its own line: "Female - 477", "Vagrancy arrests in 2023: 214", "Total: £1,200"
# (not a reference, a telephone number or a question number).
_LABELLED_FIGURE_RE = re.compile(
    r"(?im)^[ \t]*(?:[-*\u2022\u2013][ \t]*)?(?P<label>[a-z][a-z0-9 ,'/()&.-]{1,60}?)[ \t]*[-\u2013:][ \t]*"
    r"£?\d[\d,]*(?:\.\d+)?%?[ \t]*$"
)
_NOT_A_FIGURE_LABEL_RE = re.compile(
    r"\b(?:ref|reference|tel|telephone|fax|phone|mobile|ext|request|case|ticket|id|date|page|foi|section|question|part"
    r"|item)\b"
    r"|^\W*(?:no|number|year|period|q)\W*$"
    # "Response 09-04-2020": a label ending in a day and month makes the "figure" a date's year (round 12b).
    r"|\b\d{1,2}[-.\u2013]\d{1,2}\s*$", re.I)


# A nil return is a figure too: "no new front counters have opened since 2015", "there
# were no pursuits in 2023" (not "there are no records", which says nothing was found).
_NONE_ANSWER_RE = re.compile(
    r"\bthere\s+(?:were|was|have\s+been|has\s+been)\s+no\s+(?:[a-z]+\s+){0,2}?"
    r"(?!(?:records|documents|details|results|files|papers|emails|e-mails|days|hours|weeks|months|years|changes"
    r"|plans|updates|delays|exemptions|grounds|reasons|requests|questions|matches)\b)[a-z]{3,}s\b"
    r"(?![^.]{0,40}\b(?:held|found|located|identified|retrieved|available|searched|checked)\b)",
    re.I,
)


# ("0 records were found" says nothing is held, not a count of events.)
_NIL_COUNT_RE = re.compile(r"(?<![\w.,/£])0\s+(?!(?:\w+\s+)?(?:records?|documents?|files?|information|data|results?"
                           r"|items?|emails?|e-mails?|matches)\b)(?:[a-z]+\s+){1,3}(?:were|was|have\s+been|had\s+been)\s+[a-z]+ed\b",
                           re.I)


# A reference named just before "is": "your case number", "the ticket ID", "our reference".
_NUMBER_NAMED_RE = re.compile(r"\b(?:ref(?:erence)?|case|ticket|request)(?:\s+(?:number|no\.?|id))?\s*$"
                              r"|\b(?:case|ticket|request|reference)\s+(?:number|no\.?|id)\s*$", re.I)


def _is_answer(sentence: str) -> int:
    """How many figures `sentence` gives as answers (0, 1 or 2)."""
    if SEARCH_SIZE_RE.search(sentence) and not _NIL_COUNT_RE.search(sentence):
        # (A search is never of nought records: "our systems were checked and 0 such incidents
        # were logged" gives a count of nil, round 10.)
        return 0
    count = 0
    for m in _ANSWER_RE.finditer(sentence):
        # ("There were 14 complaints" opens with its subject: an answer all the same.)
        if m.group("n") is not None and not m.group().lower().startswith("there") and (
                not sentence[: m.start()].strip() or sentence.rstrip().endswith("?")):
            continue  # "Is 2019 ..." opening a question is not an answer
        if _NUMBER_NAMED_RE.search(sentence[: m.start()]):
            continue  # "your case number is 55120": the number the request was filed under (round 14)
        count += 1
    return min(count, 2)


def _waive(reading: Reading, first: int) -> None:
    """"That would take us past the 18-hour limit. Instead of relying on that exemption, we have
    supplied ...": the refusal just before a waiver is hypothetical (sentences from index `first` on)."""
    sents = reading.sentences
    for k in range(max(first, 1), len(sents)):
        if sents[k].role != "new" or not WAIVED_RE.search(sents[k].text):
            continue
        for j in (k - 1, k - 2):
            if j >= first and sents[j].role == "new" and re.search(r"\bsection\s*\d|\bs\.?\s?\d|limit|threshold"
                                                                   r"|exempt", sents[j].text, re.I):
                sents[j] = Sentence(sents[j].text, "conditional", sents[j].source)
                break


def _roles_for(text: str, source: str, ours: list[set[str]], reading: Reading) -> None:
    if looks_like_html(text):
        text = html_to_text(text)
    own, quoted = split_quoted(text)
    lines = _lines(own)
    request_idx = _request_lines(lines)
    annex = _annex_start(lines, request_idx)
    main = lines[:annex] if annex is not None else lines
    rest = lines[annex:] if annex is not None else []
    # Group consecutive lines of one kind, then split each group into sentences.
    groups: list[tuple[str, list[str]]] = []
    for idx, line in enumerate(main):
        kind = "request" if idx in request_idx else "own"
        if groups and groups[-1][0] == kind:
            groups[-1][1].append(line)
        else:
            groups.append((kind, [line]))
    own_text: list[str] = []
    first = len(reading.sentences)
    for kind, group in groups:
        chunk = "\n".join(group)
        if kind == "own":
            own_text.append(chunk)
        for sentence in split_sentences(chunk):
            if kind == "request" or _is_ours(sentence, ours):
                role = "request"
                reading.restated += 1
            elif is_boilerplate(sentence):
                role = "boilerplate"
            elif is_history(sentence):
                role = "history"
            elif is_conditional(sentence):
                role = "conditional"
            else:
                role = "new"
                reading.answers += _is_answer(sentence)
                reading.nil_answers += 1 if _NONE_ANSWER_RE.search(sentence) and "?" not in sentence else 0
            reading.sentences.append(Sentence(sentence, role, source))
    _waive(reading, first)
    own_lines = "\n".join(own_text).split("\n")
    # A number on the line after "Reference No:" is the reference, not a figure.
    # (Nor is a log's case number on its own line by the title: round 8.)
    head = head_number("\n".join(own_lines))
    figures = "\n".join(line for k, line in enumerate(own_lines) if not _CONTACT_LINE_RE.search(line)
                        and not (k and _REF_LABEL_END_RE.search(own_lines[k - 1]))
                        and not (head and k < 6 and line.strip() == head))
    reading.tables += tabular_lines(figures)
    # A bare figure on its own line is an answer; an item number ("1.", "2)") is not. Under an
    # item number, a figure or a yes/no is an answer ("1. 23 vehicles", "Q2. No.").
    # (A figure never ends with a comma: "58317," on its own line greets a requester by a number.)
    reading.answers += len(re.findall(r"(?m)^\s*(?:[-*\u2022]\s*)?(?:\d(?:[\d,]*\d)?(?:\.\d+)?|£\s?[\d,.]+)\s*$",
                                      figures))
    # "2023: 38", "2019/20 - 1,204": a year and its figure.
    # ("2020/21 - £2,416k (£915k on overtime)": a sum in thousands, with a note in brackets: round 10.)
    reading.answers += len(re.findall(r"(?m)^[ \t]*(?:19|20)\d\d(?:[/-]\d\d(?:\d\d)?)?[ \t]*[-\u2013:|][ \t]*"
                                      r"£?\d[\d,]*(?:\.\d+)?(?:[ \t]*(?:k|m|bn|million|billion)\b)?[ \t]*"
                                      r"(?:\([^()\n]{0,80}\))?[ \t]*$", figures))
    reading.answers += len(_ITEM_ANSWER_RE.findall(figures))
    reading.answers += len(_ITEM_FIGURE_THEN_NOTE_RE.findall(figures))
    # "A: At present 0 staff hold that role", "A: Yes" under a "Q:": an answer.
    for _q, a in _question_answer_pairs(main):
        said = _A_LINE_RE.match(main[a])
        if said and re.search(r"\d|^(?:yes|no)\b(?!\s+(?:information|data|records?))", said.group("said"), re.I):
            reading.answers += 1
    reading.answers += sum(1 for m in _LABELLED_FIGURE_RE.finditer(figures)
                           if not _NOT_A_FIGURE_LABEL_RE.search(m.group("label")))
    for sentence in split_sentences("\n".join(rest)):
        reading.sentences.append(Sentence(sentence, "annex", source))
    for sentence in split_sentences(quoted):
        reading.sentences.append(Sentence(sentence, "request" if _is_ours(sentence, ours) else "quoted", source))


def read_message(text: str, letters: list[tuple[str, str]] | None = None, *, subject: str = "",
                 request_text: str | None = None) -> Reading:
    """Each sentence of a reply's body and of its attached letters ((name, text) pairs), with its
    role. ``request_text`` is our own request as sent, when known: its sentences are recognised
    wherever they are quoted."""
    ours = _request_words(request_text)
    reading = Reading()
    if subject.strip():
        reading.sentences.append(Sentence(subject.strip(), "subject", "subject"))
    _roles_for(text or "", "body", ours, reading)
    for name, letter in letters or []:
        if letter and letter.strip():
            _roles_for(letter, name, ours, reading)
    return reading
