"""Structural doubts about a final answer's reading (issue 12, round 12: the confidence stage).

Each test asks whether the evidence a reading rests on is the authority's own decision in its new
text, or only looks like one:

- :func:`asked` — a sentence in the requester's voice: a question put, or a request made ("Please
  provide ...", "Could you tell me ...", "I am requesting ...", "How many ... in 2019" printed
  without its question mark). Our request printed back is not the authority's answer.
- :func:`parts_only_asked` — questions "answered one by one" whose parts hold nothing but the
  request's own words: the figures are the request's dates and counts, not answers.
- :func:`other_questions_answered` — "not held" said under one question while another printed
  question has an answer of its own under it: the not-held speaks of a part.
- :func:`only_asked` — every deciding sentence is a question put, or a request made.
- :func:`withholds_only_some` — a refusal that says, in its own words, that only some of the
  information is held back ("part of it is withheld", "we are withholding some of the data").
- :func:`announced_only` — an answer announced below ("our reply is set out below") with nothing of
  the authority's after it: only the request printed, or the letter cut short.
- :func:`refused_under_one_item` — a refusal said under one item of a request printed item by item,
  while a later or earlier item has an answer of its own under it (figures, a pointer to a
  published disclosure, words of giving) that refuses nothing: the refusal speaks of a part.
- :func:`refusal_for_one_numbered_part` — the refusal names the question it is for ("the data for
  question 2 is not collated ... would exceed the limit") while another sentence gives a figure for
  another numbered question ("for question 1 there are 2,109"): the refusal speaks of a part.
- :func:`gives_only_a_letter` — the only words of giving say that a letter, notice or response is
  attached ("please find attached a copy of our refusal notice"), not information: nothing is
  shown to be given.
- :func:`hands_over_information` — the other direction: a sentence saying that the requested
  information itself (the data, a spreadsheet, the figures, a document) is attached or enclosed,
  not merely a response or letter whose decision is unread.

The doubts only ever send a reading to review (with its guess): on the labelled real replies the
readings they catch were wrong far more often than right (bench/calibration_results.md).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from foi.mail.reading.decisions import part_withheld, rest_withheld
from foi.mail.reading.grammar import MORE, SEEKING, gap
from foi.mail.reading.parts import FIGURE_RE, part_label_only
from foi.mail.reading.scoring import score
from foi.mail.reading.sentences import courtesy, is_question
from foi.mail.reading.signals import NCND_RE, PART_START_RE

# A question or request opening a sentence, after an optional item number ("2.", "b)", "Q3:").
# The verbs of asking are a small grammar: a modal put to the authority ("could you", "can the
# force", "will the commissioner"), "please" with a verb of handing over or telling, the
# requester's own "I would like / I am requesting / I wish", an opening "this is a request", and a
# question word printed without its question mark (a line broken before it).
_ITEM = r"(?:(?:q(?:uestion)?\s*)?(?:\d{1,2}|[a-z])[a-z]?\s*[.):\-\u2013]\s*)?"
_PLEASE_VERB = (r"(?:provide|share|supply|send|disclose|list|give|advise|confirm|tell|state|include|detail|forward"
                r"|indicate|specify|break\s+(?:this\s+|it\s+)?down|let\s+(?:me|us)\s+know|explain|identify|outline"
                r"|release|inform)")
_NOTE = r"(?:please\s+note,?\s+(?:that\s+)?)?"
_ASKED_RE = re.compile(
    r"^\W*" + _ITEM + r"(?:"
    r"(?:please\s+)?(?:could|can|would|will|may)\s+(?:you|the|your|i|we)\b"
    r"|please\s+(?:(?:also|kindly|could\s+you)\s+)?" + _PLEASE_VERB + r"\b"
    r"|kindly\s+" + _PLEASE_VERB + r"\b"
    r"|" + _NOTE + r"i\s+(?:would|should|'d)\s+(?:like|be\s+grateful|also\s+like)\b"
    r"|" + _NOTE + r"i\s+(?:am\s+|also\s+)?(?:requesting|request|wish|want|ask)\b"
    r"|i\s+am\s+writing\s+to\s+(?:request|ask)\b"
    r"|(?:this|my)\s+is\s+a\s+(?:request|freedom\s+of\s+information\s+request)\b"
    r"|(?:how\s+(?:many|much|often|long)|what|which|who|whose|whether|why)\b"
    r")",
    re.I,
)
_ENDS_RE = re.compile(r"[.?!:;)\]\"'\u2019\u201d]\s*$")
# Something handed over under a question: a figure, a yes or no, a nil, words of giving.
_GIVEN_RE = re.compile(r"^\W*(?:yes|no|none|nil|zero|n/a)\b|\b(?:attach|enclos|provided|disclos|released|supplied)\w*",
                       re.I)


def asked(sentence: str) -> bool:
    """True when `sentence` is in the requester's voice: a question put, or a request made."""
    s = sentence.strip()
    return is_question(s) or (bool(_ASKED_RE.match(s)) and not courtesy(s))


def _joined(sentences: Sequence[str]) -> list[str]:
    """`sentences` with a line broken mid-sentence ("From the fund announced" / "last year, how much
    was spent?") joined to the line it runs on into (one starting in lower case)."""
    out: list[str] = []
    for s in sentences:
        s = s.strip()
        if not s:
            continue
        if out and not _ENDS_RE.search(out[-1]) and s[:1].islower():
            out[-1] = f"{out[-1]} {s}"
        else:
            out.append(s)
    return out


def _gives(sentence: str) -> bool:
    return bool(FIGURE_RE.search(sentence) or _GIVEN_RE.search(sentence))


def parts_only_asked(new: Sequence[str], answered: Iterable[str], labels: Iterable[str]) -> bool:
    """True when each part read as answered (`answered`, each named by its first sentence in `new`;
    `labels` are every part's first sentence) holds nothing given outside the request's own words:
    each of its sentences is a question or request, or gives nothing (round 12: a letter printing
    the request, cut short before any answer, or refusing it whole under it)."""
    answered = list(answered)
    stops = set(labels) | set(answered)
    if not answered:
        return False
    for label in answered:
        if new.count(label) != 1:
            # (A part found inside a sentence, or a number printed twice, the request's and the
            # answer's: which text is the part's cannot be told here.)
            return False
        k = new.index(label)
        run = [label]
        for s in new[k + 1:]:
            if s in stops:
                break
            run.append(s)
        for s in _joined(run):
            said = _without_label(s).strip()
            if said and not asked(s) and not asked(said) and _gives(said):
                return False
    return True


# The word heading an answer under its number: "Q3 response:", "2. Answer -".
_ANSWER_WORD_RE = re.compile(r"^\s*(?:response|answer|reply)\s*[:.\-\u2013]?\s*", re.I)


def _without_label(sentence: str) -> str:
    """`sentence` without the part's number and an answer word after it ("Q4 response: No." -> "No.")."""
    return _ANSWER_WORD_RE.sub("", PART_START_RE.sub("", sentence, count=1), count=1)


def other_questions_answered(new: Sequence[str], not_held: Iterable[str]) -> bool:
    """True when the letter prints questions, "not held" is said under one of them (`not_held`: the
    not-held sentences) and another has an answer of its own under it (a figure, a yes or no, a
    nil, words of giving) that says nothing of not holding."""
    nh = set(not_held)
    runs: list[list[str]] = []
    for s in _joined(new):
        if asked(s):
            runs.append([])
        elif runs:
            runs[-1].append(s)
    said = [run for run in runs if run]
    if len(said) < 2:
        return False
    with_nh = [run for run in said if any(s in nh or score([s])[0]["not-held"] >= 1.5 for s in run)]
    others = [run for run in said if run not in with_nh and any(_gives(s) for s in run)]
    return bool(with_nh) and bool(others)


# A request's item as printed back before its answer (round 14): a line opening with a bullet or
# an item number ("- the number of ...;", "2) how many ...", "Q3."), in the requester's voice or
# ending where an item ends (";", ":", "?"). An item's answer printed on the same line after the item's
# end ("- training given to officers; Officers are trained ...") is split off and read as the answer.
_ITEM_MARK_RE = re.compile(r"^\s*(?:[-\u2022*\u2013\u00b7]|\(?(?:q(?:uestion)?\s*)?\d{1,2}[.):]|\(?[a-h][.)])"
                           r"\s+\S", re.I)
_ITEM_END_RE = re.compile(r"[;:?](?:\s+(?=[A-Z])|\s*$)")
# An answer that only points back to another item's ("as per our response to question 3").
_POINTS_BACK_RE = re.compile(r"\b(?:as\s+per|see|refer\s+to|as\s+(?:stated|explained)\s+in)\s+(?:our\s+|the\s+|my\s+)?"
                             r"(?:response|answer|reply)\b", re.I)


def _item_split(sentence: str, role: str) -> tuple[bool, str]:
    """Whether `sentence` opens a request's item, and the answer printed after it on its line ("")."""
    if not _ITEM_MARK_RE.match(sentence):
        return False, ""
    end = _ITEM_END_RE.search(sentence)
    if end is None:
        return (role == "request" or asked(sentence)), ""
    return True, sentence[end.end():].strip()


def refused_under_one_item(sentences: Sequence[tuple[str, str]], refusing: Iterable[str]) -> bool:
    """True when the letter prints a request item by item (`sentences`: each sentence's text and role,
    in order), a refusal (`refusing`, or refusing words) is said under one item, and another item has
    an answer of its own under it that refuses nothing: a figure, words of giving, a pointer to a
    published disclosure (round 14: "- the officer's name; exempt under s.40(2). - the cost of
    policing the event; see our earlier disclosures ... - training; officers are trained ...")."""
    refusing = set(refusing)
    runs: list[list[str]] = []
    for text, role in sentences:
        if role == "subject":
            continue
        item, tail = _item_split(text, role)
        if item:
            runs.append([tail] if tail else [])
        elif runs and role == "new":
            runs[-1].append(text)

    def refuses(s: str) -> bool:
        return s in refusing or score([s])[0]["refused"] >= 1.5

    def gives(s: str) -> bool:
        # (Not "No information is held" nor a neither-confirm-nor-deny: they give nothing.)
        scores = score([s])[0]
        return (_gives(s) and not asked(s) and not _POINTS_BACK_RE.search(s) and scores["refused"] < 1.0
                and scores["not-held"] < 1.0 and not NCND_RE.search(s))

    said = [run for run in runs if run]
    with_refusal = [run for run in said if any(refuses(s) for s in run)]
    answered = [run for run in said if run not in with_refusal and any(gives(s) for s in run)]
    return bool(with_refusal) and bool(answered)


# A numbered part named in a sentence: "question 2", "for Q3", "part 4", "point 1".
_PART_NAMED_RE = re.compile(r"\b(?:questions?|q|parts?|points?|items?)\s*(\d{1,2})\b(?!\s*(?:hours|days|%))", re.I)
# The work a refusal would take, or what cannot be done: the words of a cost estimate or refusal.
_WORK_RE = re.compile(r"\b(?:would|need(?:s|ed)?\s+to|manual\w*|search\w*|interrogat\w*|retriev\w*|extract\w*"
                      r"|collat\w*|exceed\w*|cost\w*|exempt\w*|withh\w*|unable|not\s+(?:obliged|able|possible))\b",
                      re.I)


def refusal_for_one_numbered_part(sentences: Sequence[str]) -> bool:
    """True when a refusal in `sentences` (the letter's own text) names the numbered question it is
    for, and another sentence gives a figure for another numbered question without any word of work
    or refusal (round 14: "for question 1 there are 2,109 ...; the data for question 2 is not
    collated and retrieving it would exceed the cost limit")."""
    refused: set[str] = set()
    answered: set[str] = set()
    for s in sentences:
        parts = {m.group(1) for m in _PART_NAMED_RE.finditer(s)}
        if not parts or asked(s):
            continue
        scores = score([s])[0]
        if scores["refused"] >= 1.0 or _WORK_RE.search(s):
            refused |= parts
            continue
        if scores["not-held"] >= 1.0 or NCND_RE.search(s):
            continue
        # (A figure other than the part's own number: "for question 1 there are 2,109".)
        figures = [m.group() for m in FIGURE_RE.finditer(_PART_NAMED_RE.sub(" ", s))]
        if figures:
            answered |= parts
    return bool(refused) and bool(answered - refused)


def only_asked(evidence: Sequence[str]) -> bool:
    """True when every deciding sentence is a question put or a request made: the words deciding
    are asked about, not decided (round 12)."""
    return bool(evidence) and all(asked(s) for s in evidence)



# Handing over the information itself: "I am able to disclose the located information to you as
# attached", "please find attached a spreadsheet", "attached is the data you asked for", "we have
# enclosed a document". What is attached is named as information (not a response, letter, reply or
# decision, whose content is unread), in either order around the word of attaching.
_INFORMATION = (r"(?:(?:requested|located|relevant|above|following|available)\s+)?"
                r"(?:information|data|dataset|spreadsheets?|figures|statistics|tables?|documents?|documentation|copies|copy\s+of\s+(?:the|our)\s+(?:policy|procedure"
                r"|guidance|contract|report|minutes)|policy|procedure|records|list|breakdown)")
_LETTER = r"(?:response|responses|letter|reply|decision|notice|answer|answers)"
_HANDED_RE = re.compile(
    r"\b(?:attach|enclos)\w*\s+(?:(?:is|are|you\s+will\s+find|please\s+find|herewith)\s+)?"
    r"(?:(?:a|an|the|our|your|two|three|\d+)\s+)?"
    r"(?:\w+\s+){0,2}?" + _INFORMATION + r"\b"
    r"|\b" + _INFORMATION + r"\b[^.;]{0,60}?\b(?:as\s+|is\s+|are\s+|has\s+been\s+|have\s+been\s+)?"
    r"(?:attached|enclosed)\b",
    re.I,
)
_LETTER_RE = re.compile(r"\b" + _LETTER + r"\b", re.I)
_IN_REPLY_RE = re.compile(r"\bin\s+(?:response|reply|answer)\s+to\b", re.I)


def hands_over_information(sentences: Sequence[str]) -> list[str]:
    """The sentences saying the requested information itself is attached or enclosed (not a response
    or letter), as done: not a question, a request, or a condition."""
    return [s for s in sentences if _HANDED_RE.search(s) and not _LETTER_RE.search(_IN_REPLY_RE.sub(" ", s))
            and not asked(s) and not re.match(r"^\W*(?:if|where|should|when)\b", s, re.I)]


_BELOW_RE = re.compile(r"\b(?:below|as\s+follows|follows|following\s+(?:pages?|table|answers?|responses?))\b", re.I)


def announced_only(sentences: Sequence[str], saying: Sequence[str]) -> bool:
    """True when every sentence `saying` information is given announces it below ("your request and
    our reply are set out below") and nothing after the first of them in `sentences` (the letter's
    own text in order) is the authority's: each is a question or request, a part's number, or a
    fragment of a few words with no figure in it (round 12: a letter cut short inside the request it prints)."""
    said = [s for s in saying if s in sentences]
    if not said or len(said) != len(saying) or not all(_BELOW_RE.search(s) for s in said):
        return False
    first = min(sentences.index(s) for s in said)
    after = [s for s in _joined(sentences[first + 1:]) if not part_label_only(s)]
    # (A short line with a figure is a row of a table, not a fragment.)
    return bool(after) and all(asked(s) or (len(s.split()) < 4 and not re.search(r"\d", s) and not _gives(s))
                               for s in after)


# Only some held back, in the letter's own words: a share ("some", "part", "certain parts",
# "elements", "a portion") of the information, or of "it", withheld, exempt or redacted, in either
# order and either voice ("part of it is withheld", "we are withholding some of the data", "we have
# redacted certain parts").
_THINGS = r"(?:information|data|records?|documents?|material|details|names|figures|content)"
# (A share of what is held, never "this part" of the request: "part" and "some" take "of it / of the
# information"; "certain parts", "some names" stand alone.)
_SHARE = (r"(?:(?:some|part|parts|elements|a\s+portion|portions)\s+of\s+(?:it|them|this|that|the\s+(?:\w+\s+){0,2}?"
          + _THINGS + r")|certain\s+(?:parts|elements|details|information|names)|some\s+(?:\w+\s+)?" + _THINGS + r")")
_HELD_BACK = (r"(?:withheld|withholding|withhold|exempt(?:ed)?|exempting|redact(?:ed|ing)?|refused"
              r"|not\s+(?:be\s+)?disclosed)")
_ONLY_SOME_RE = re.compile(
    r"\b" + _SHARE + r"\s+(?:is|are|has\s+been|have\s+been|will\s+be|was|were)\s+(?:being\s+)?"
    + _HELD_BACK + r"\b"
    r"|\b" + _HELD_BACK + r"\s+" + _SHARE + r"\b(?!" + gap(20) + r"\b(?:if|would|could)\b)",
    re.I,
)
_NOT_DONE_RE = re.compile(r"^\W*(?:if|where|should|unless|whether)\b"
                          r"|\b(?:would|could|might|may)\s+(?:be\s+)?(?:need|have)"
                          r"|\b(?:may|might|could|would|can|should)\s+(?:not\s+)?(?:\w+\s+)?(?:withh|exempt|redact|refus)",
                          re.I)


def withholds_only_some(sentences: Sequence[str]) -> list[str]:
    """The sentences saying only some of the information is held back, as done (not "if part were
    withheld", not a question), unless the letter also holds back the rest."""
    if rest_withheld(sentences):
        return []
    return [s for s in sentences if (s in part_withheld([s]) or _ONLY_SOME_RE.search(s))
            and not _NOT_DONE_RE.search(s) and not asked(s)]


# Our request for a review, as made (round 12b): "your request for an internal review", "your
# internal review request", "in which you asked for a review of our reply", "you have requested an
# internal review", a heading "Request for an internal review". A letter answering it is a review's
# outcome (or its acknowledgement), never the first answer to the request, whatever it repeats of
# that answer. The rights paragraph's "you may ask for an internal review" is not a request made.
# (Two tests of our review request stay, sharing grammar.SEEKING: this one only doubts a first answer,
# so it also takes "your internal review request" and an "appeal", and drops any sentence with the
# rights' words; internal_review's decides a review letter's reading, so it also takes "the request
# for a review", "asking us to look again" and drops only hypotheticals. Either in the other's place
# would add or drop sentences, and with them readings: round 14.)
_REVIEW = r"(?:a\s+|an\s+|the\s+)?(?:internal\s+|formal\s+)?review\b"
_REVIEW_ASKED_RE = re.compile(
    r"\byour\s+(?:\w+\s+){0,2}?(?:request|application|appeal|e-?mail|letter)\s+" + SEEKING + r"\s+"
    + _REVIEW
    + r"|\byour\s+(?:internal\s+)?review\s+(?:request|application)\b"
    r"|\b(?:you|which|that)\s+(?:have\s+|had\s+)?(?:request(?:ed)?|asked\s+for|ask\s+for|sought|seek)\s+(?:us\s+)?(?:for\s+)?"
    + _REVIEW
    + r"|^\W*(?:(?:re|subject)\s*:\s*)?(?:request|application)\s+for\s+" + _REVIEW,
    re.I,
)
# The conditions and rights under which a review may be asked for: not a request made.
_REVIEW_RIGHTS_RE = re.compile(
    r"\b(?:may|might|can|could|should)\s+(?:\w+\s+){0,2}?(?:request|ask|apply|seek|write|make|be\s+made)\b"
    r"|\b(?:right\s+to|entitled|wish(?:es)?\s+to|if|unhappy|dissatisfied"
    r"|not\s+(?:happy|satisfied|content)|would\s+like\s+to|how\s+to)\b",
    re.I,
)


def review_asked(sentences: Sequence[str]) -> list[str]:
    """The sentences saying we have asked for a review of the reply to our request (done, not a
    right or a condition): the letter answers a review request, not the request itself."""
    return [s for s in sentences if _REVIEW_ASKED_RE.search(s) and not _REVIEW_RIGHTS_RE.search(s)]


# More time spoken of in weaker words than an extension's (round 12b): "on this occasion we expect
# it to take a little longer", "a reply may take longer than the usual 20 working days", "our reply
# may be later than usual". Not a condition ("if we need more time we will tell you") or a
# question.
_LONGER = (r"(?:(?:a\s+(?:little|bit)\s+|slightly\s+|somewhat\s+|much\s+)?longer"
           r"|" + MORE + r"\s+time|later)")
_MORE_TIME_RE = re.compile(
    r"\b(?:take|taking|need|needs|require|requires|be)\s+(?:us\s+)?" + _LONGER
    + r"(?=\s+than|\s+to\b|\s*[.,;]|\s+(?:on|in|this|for)\b|\s*$)"
    r"|\b(?<!no\s)(?<!not\s)(?:later|longer)\s+than\s+(?:the\s+|our\s+)?(?:usual|normal|statutory|expected|standard|\d+|twenty|forty)\b"
    r"|\bon\s+this\s+occasion\b[^.;]{0,80}?\b(?:longer|more\s+time|later|delay\w*|unable|not\s+be\s+able)\b",
    re.I,
)
# (A condition anywhere in the sentence, wider than sentences.is_conditional: "our reply may be later
# than usual where the records are archived" only foresees more time. Kept apart: round 14.)
_IF_RE = re.compile(r"\b(?:if|should\s+(?:we|it|this)|where|in\s+the\s+event|unless|in\s+(?:some|rare|exceptional)"
                    r"\s+(?:cases|circumstances))\b", re.I)


def more_time_hinted(sentences: Sequence[str]) -> list[str]:
    """The sentences saying, however weakly, that the reply will take more time than usual, as said
    of this request (not a condition, not a question)."""
    return [s for s in sentences if _MORE_TIME_RE.search(s) and not _IF_RE.search(s) and not asked(s)]


_ATTACHED_RE = re.compile(r"\b(?:attach|enclos)\w*", re.I)


def gives_only_a_letter(saying: Sequence[str]) -> bool:
    """True when every sentence of `saying` (the words read as giving) says only that a letter,
    notice, response or decision is attached or enclosed, naming no information, data or document
    of the request's (round 14: "I can confirm we hold it; it is exempt under section 40(2). Please
    find attached a copy of our refusal notice")."""
    return bool(saying) and all(_ATTACHED_RE.search(s) and _LETTER_RE.search(s) and not _HANDED_RE.search(s)
                                for s in saying)
