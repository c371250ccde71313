"""Weigh the evidence of a reply's new text: what is given, withheld, not held, asked or put off."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from foi.mail.reading.decisions import (
    deciding,
    ground_on_whole_request,
    held_but,
    held_in_part,
    lead_to_a_refusal,
    scope_questions,
    waits_on_us,
)
from foi.mail.reading.evidence import ASKS_US_RE, Gathered
from foi.mail.reading.grammar import HANDED_TO_YOU, WHOLE_NOT_HELD, gap
from foi.mail.reading.logs import clarification_exchanges
from foi.mail.reading.parts import (
    FIGURE_RE,
    Parts,
    names_some_parts,
    opens_notice,
    part_label_only,
    questions_printed,
    read_parts,
)
from foi.mail.reading.scoring import refusing_words, score
from foi.mail.reading.sections import (
    WHOLE_REQUEST_GROUNDS,
    collect_sections,
    is_ncnd_section,
    ncnd_counted,
    not_relied_on,
    sections_in_sentence,
)
from foi.mail.reading.segments import SEARCH_SIZE_RE
from foi.mail.reading.signals import (
    ATTACHED_RESPONSE_RE,
    COST_LIMIT_RE,
    DATA_CAVEAT_RE,
    DESCRIBED_RELEASE_RE,
    NARROWING_RE,
    NCND_RE,
    NOT_HELD_COST_RE,
    NOT_HELD_PART_RE,
)

_COUNT_RE = re.compile(
    r"\b(?:there\s+(?:were|was|are|is|have\s+been|has\s+been)|a\s+total\s+of)\s+\d[\d,]*\s+(?!(?:working\s+)?(?:days"
    r"|hours|minutes|weeks|months|years)\b)[a-z]"
    r"|(?<![\w/\u00a3.])(?!(?:19|20)\d\d\b)\d[\d,]*\s+(?:[a-z]+\s+){1,3}(?:were|was|have\s+been|had\s+been)\s+"
    r"(?:recorded|reported|made|issued|received|arrested|charged|cautioned|seized|deployed|employed)\b",
    re.I,
)
_NOT_IN_FORM_RE = re.compile(r"\bnot\s+(?:recorded|held|captured|kept|stored|collated)\s+(?:centrally\s+)?in\s+"
                             r"(?:a|such\s+a|any)\s+(?:way|format|form|manner)\b", re.I)
_HYPOTHETICAL_RE = re.compile(r"\b(?:would|could|might|need(?:s|ed)?\s+to|require[sd]?|estimate[sd]?|approximately"
                              r"|review|search|examine|each|every)\b", re.I)
_CONFIRMS_RE = re.compile(
    r"^\W*(?:Q?\d{1,2}\W+)?(?:yes|no)\s*[,.:;\u2013-]\s*(?:the|we|it|they|there|this|all|each|a|an)\b"
    r"|\b(?:can|are\s+able\s+to|is\s+able\s+to|am\s+able\s+to)\s+confirm\s+(?:that\s+)?(?:the\s+\w+\s+|we\s+|it\s+"
    # (Not "I can confirm the information meets this description": that it fits an exception's
    # terms is the exception applied, nothing given: round 10.)
    r"|they\s+|there\s+)(?!.{0,60}\b(?:holds?|held|received|does\s+not|do\s+not|meets?|fits?|falls?|matches"
    r"|covered|engag\w*|satisf\w*|exempt\w*|exception)\b)",
    re.I,
)
_THE_REST_RE = re.compile(
    r"\b(?:further|remaining|additional|more\s+detailed)\s+(?:details|information|data)\b.{0,60}\b(?:exempt|withheld"
    r"|refused|not\s+(?:be\s+)?(?:disclosed|released|provided))",
    re.I,
)


# A letterhead's contact lines: a telephone or fax number ("T 0203 334 2915"), a DX box, a postcode,
# a floor or post point. Their digits are an address, not figures given (round 12).
_LETTERHEAD_RE = re.compile(r"(?<!\d)(?:\+44\s?|0)\d{2,4}\s?\d{3,4}\s?\d{3,4}(?!\d)|\bDX\s?\d|\bpost\s*point\b"
                            r"|\b\d{1,2}(?:st|nd|rd|th)\s+floor\b|\b[A-Z]{1,2}\d{1,2}[A-Z]?\s\d[A-Z]{2}\b", re.I)


_HANDED_RE = re.compile(HANDED_TO_YOU, re.I)
# Held, and withheld for the Act's reasons, said as done: "we can confirm that information is held, but the
# figures have not been provided due to exemptions within the Act", "the data is held; however it will not
# be released because of the exemptions below", "the records are held but are not being disclosed under
# the Act's exemptions" (round 12b). A refusal stated, though the sentence names no section.
HELD_NOT_GIVEN_RE = re.compile(
    r"^(?!.*\b(?:would|could|might|may|if|unless|whether)\b)"
    r".*\b(?:is|are|was|were)\s+(?:held|recorded|kept)\b[^.]{0,60}?\b(?:but|however|although)\b[^.]{0,60}?"
    r"\b(?:(?:has|have)\s+not\s+been|will\s+not\s+be|cannot\s+be|can\s*not\s+be|(?:is|are)\s+not(?:\s+being)?)"
    r"\s+(?:provided|disclosed|released|supplied|given)\b[^.;]{0,40}?"
    r"\b(?:due\s+to|because\s+of|owing\s+to|under|by\s+virtue\s+of|as\s+(?:it|they)\s+(?:is|are))\s+"
    r"(?:the\s+|an?\s+|one\s+or\s+more\s+)?(?:exemptions?|exempt(?:ed)?|the\s+act|section)\b",
    re.I,
)


# The decision to give, as made: "I have today decided to disclose the following information to you", "we
# have decided to release the located information in full", "I have now decided to supply some of it"
# (round 12; a decision-letter template used by several forces).
_DECIDED_TO_GIVE_RE = re.compile(r"\b(?:I|we)\s+(?:have\s+)?(?:today\s+|now\s+|therefore\s+)?decided\s+to\s+(?:disclose"
                                 r"|release|provide|supply)\b", re.I)
# Not done, or not yet: "cannot be disclosed to you", "would be released to you if", "was refused".
_NOT_HANDED_RE = re.compile(r"\b(?:not|cannot|can't|could|would|should|if|unless|whether|refus\w*|withh\w+|exempt)\b",
                            re.I)


# Withheld, with the reason announced: "is exempt, for the reason given below",
# "cannot be disclosed for the following reasons", "will not be released, for the reasons set out
# below" (round 11). Said as done: no "would", "if" or "may" before it in its clause.
_WITHHELD_FOR_REASON_RE = re.compile(
    r"(?:^|[;:])(?:(?!\b(?:would|could|might|may|if|unless|whether)\b)[^;:])*?"
    r"\b(?:(?:is|are)\s+(?:therefore\s+)?(?:exempt|withheld)|(?:cannot|can\s*not|will\s+not|is\s+not\s+able\s+to)\s+be\s+"
    r"(?:disclosed|released|provided|supplied))\b" + gap(60)
    + r"\bfor\s+the\s+(?:following\s+reasons?|reasons?\s+(?:provided|set\s+out|given|outlined|explained"
    r"|detailed)\s+below|reasons?\s+below)\b",
    re.I,
)


# "The information you asked for is not held", "nothing that your request covers is held by
# us": the whole request, said plainly. "The Custody Unit does not hold such records", "it is
# not held centrally" tell where a search looked, not what the letter decides.
_WHOLE_NOT_HELD_RE = re.compile(WHOLE_NOT_HELD, re.I)  # (foi.mail.reading.grammar: one definition)


def ncnd_grounds(sentence: str) -> bool:
    """True when every section `sentence` cites is a neither-confirm-nor-deny subsection ("Section
    23(5) Information supplied by security bodies" listed under an NCND): the NCND's own grounds."""
    cited = collect_sections([sentence])
    return bool(cited) and all(is_ncnd_section(x) for x in cited)


def whole_nh_decides(sentences: Sequence[str]) -> bool:
    """True when a "not held" sentence says so of the whole request, plainly."""
    return any(_WHOLE_NOT_HELD_RE.search(s) for s in sentences)


_CENTRAL_RE = re.compile(r"\b(?:central(?:ly)?|single|one)\s+(?:\w+\s+)?(?:record|database|system|list|register|place"
                         r"|location|index)\b|\bcentrally\b|\bin\s+one\s+place\b", re.I)


@dataclass
class Weighed:
    """The weighed evidence a decision is made on."""

    ack: float  # score for an acknowledgement
    answered: list[str]  # parts answered (first sentences)
    answers: int  # figures given as answers
    caveat: bool  # a caveat under released figures
    clar: float  # score for a question put to us
    cost_letter: bool  # the cost limit is relied on
    data: float  # weight of evidence that information is given
    exempt: bool  # something is withheld
    ext: float  # score for more time taken
    firm: float  # weight of a refusal stated outright
    named: list[str]  # sentences that rely on a section
    narrowing: list[str]  # questions about answering less
    ncnd_new: list[str]  # neither confirm nor deny, in the new text
    part_nh: list[str]  # part of the request not held
    partial_marks: float  # weight of words that say only part is given
    parts: Parts  # the reply read part by part
    pointers: list[str]  # sentences pointing to an attached answer
    questions: list[str]  # sentences asking us something
    refuse: float  # weight of refusing
    refusing: list[str]  # refusing sentences other than NCND
    scoped: float  # weight of a refusal scoped to part
    some_parts: list[str]  # a refusal naming some questions only
    statements: float  # words saying information is given
    waits: list[str]  # sentences waiting on our answer
    whole_nh: list[str]  # the whole request said not held
    withheld: list[str]  # parts refused
    printed: int = 0  # questions the letter numbers 1..n, when at most one is answered under its number


def weigh(ev: Gathered) -> Weighed:
    """Weigh what the new text says; records the evidence for rival statuses on `ev`."""
    # (A note on what released data covers, "the data provided is based on ...", is one too: round 12b.)
    caveat = any(DATA_CAVEAT_RE.search(s) or DESCRIBED_RELEASE_RE.search(s)
                 for s in ev.reading.of("boilerplate", "new"))
    pointers = [s for s in ev.new if ATTACHED_RESPONSE_RE.search(s)]
    if pointers and not ev.letters:
        ev.scores["data"] += 1.0
        ev.evidence["data"] += pointers
    handed = [s for s in ev.new if (_HANDED_RE.search(s) or _DECIDED_TO_GIVE_RE.search(s))
              and not _NOT_HANDED_RE.search(s) and s not in ev.evidence["data"]]
    if handed and ev.scores["data"] < 1.5:
        # "The reports disclosed to you are listed below", "the following are supplied to you in
        # full": the letter hands something over, in so many words (round 11).
        ev.scores["data"] += 1.5
        ev.evidence["data"] += handed[:1]
    led = [s for s in lead_to_a_refusal(ev.new) if s in ev.evidence["data"]]
    if led:
        # "Our response is set out below. Your request is refused.": what the lead announces is the
        # refusal itself; it gives nothing (round 12).
        lead_scores, _ = score(led)
        ev.scores["data"] = max(0.0, ev.scores["data"] - lead_scores["data"])
        ev.evidence["data"] = [x for x in ev.evidence["data"] if x not in led]
    # "Clarification sought: ... can you say which ...?" then "Clarification received: yes, ...", printed in
    # a log entry: a question asked and answered before this reply, history - neither a question to us
    # now nor an answer to a part (round 12).
    exchange = set(clarification_exchanges([x.text for x in ev.reading.sentences]))
    if exchange:
        asked_scores, _ = score(sorted(exchange))
        ev.scores["clarification"] = max(0.0, ev.scores["clarification"] - asked_scores["clarification"])
        ev.evidence["clarification"] = [x for x in ev.evidence["clarification"] if x not in exchange]
    parts = read_parts([s for s in ev.new if s not in exchange])
    # A letter refusing on cost alone, that says nothing of giving anything: its counts ("the force
    # recorded 45,000 incidents that year") measure the search, unless a question laid out on its
    # own is answered with them (round 6).
    cost_refusal = (any(COST_LIMIT_RE.search(s) for s in ev.new) and ev.scores["data"] < 1.5 and not parts.answered
                    and set(ev.cited) <= WHOLE_REQUEST_GROUNDS)
    # ("No incidents of that kind were recorded" beside "the information is not held" says it again; alone, it
    # is a nil return: an answer.)
    nil = ev.reading.nil_answers if not ev.evidence["not-held"] and not ev.scores["refused"] else 0
    answers = 0 if cost_refusal else ev.reading.answers + nil
    data = (ev.scores["data"] + (3.0 if ev.has_data else 0.0) + (2.0 if ev.reading.tables >= 3 else 0.0)
            + (1.0 + 1.0 * min(answers, 3) if answers else 0.0) + (1.5 if caveat else 0.0))
    answered, withheld = parts.answered, parts.refused
    if parts.count >= 2 and not answered and (withheld or parts.not_held):
        # Answered part by part and no part is answered: "we are releasing what our searches
        # found" or "our unit provided the following" above nothing but refusals, redirects
        # and "not held" gives nothing; only an attached data file still counts.
        data = 3.0 if ev.has_data else 0.0
    if answered and withheld:
        # Answered question by question: some parts carry the information, others an exemption.
        data += 2.0
        ev.scores["partial"] += 2.0
        ev.evidence["partial"] = answered[:1] + withheld[:1] + ev.evidence["partial"]
    elif len(answered) >= 2 and data < 2:
        # Every part that says anything gives a figure or a yes or no: an answer.
        data = 2.0
        ev.evidence["data"] = ev.evidence["data"] or answered[:2]
    if ev.has_data and not ev.evidence["data"]:
        ev.evidence["data"] = [s for s in ev.reading.of("new", "history", "conditional")
                            if re.search(r"\battach|\benclos", s, re.I)][:1] or [ev.subject]
    named = [s for s in ev.new if sections_in_sentence(s) and not not_relied_on(s)]
    whole_ground = [s for s in ground_on_whole_request(ev.new) if s not in ev.evidence["firm"]]
    if whole_ground and ev.scores["firm"] < 2:
        # "Section 21 is engaged in relation to this request", "we are applying section 40(2) to your
        # request": a ground applied to the request itself, as done - a refusal stated (round 12).
        ev.scores["firm"] += 2.0
        ev.evidence["firm"] += whole_ground[:1]
    reasoned = [s for s in ev.new if (_WITHHELD_FOR_REASON_RE.search(s) or HELD_NOT_GIVEN_RE.search(s))
                and s not in ev.evidence["firm"]]
    if reasoned and ev.scores["firm"] < 2:
        # "Although we do hold information in scope, this information is exempt, for the reason
        # given below", "held in part, however it cannot be released for the following
        # reasons": the refusal stated, its grounds to follow (round 11).
        ev.scores["firm"] += 2.0
        ev.evidence["firm"] += reasoned[:1]
    # "Qs 2, 3 & 5" above an exemption, "section 40 applies to question 4": a refusal that names the
    # questions it covers leaves the others answered (round 6). A reply laid out part by part says
    # what became of each part itself.
    # (Round 11: where the numbered parts are the request's questions printed, with at most one of
    # them answered under it, the letter decides in prose, and a refusal naming questions 1 to 3 of
    # the six printed leaves the other three out of it.)
    printed = (questions_printed(ev.new) if len(set(parts.answered) | set(parts.refused) | set(parts.not_held)
                                                | set(parts.prose)) <= 1 else 0)
    some_parts = [s for s in ev.new if parts.count < 2 and names_some_parts(s)
                  and (len(s) <= 40 or sections_in_sentence(s) or refusing_words(s))][:1]
    named_of_printed = [s for s in ev.new if printed and not part_label_only(s) and names_some_parts(s, printed)
                        and (sections_in_sentence(s) or refusing_words(s) or deciding([s]))][:1]
    some_parts = some_parts if some_parts and not part_label_only(some_parts[0]) else named_of_printed or some_parts
    refuse = ev.scores["refused"] + 0.75 * len(named)
    if named and not ev.evidence["refused"]:
        ev.evidence["refused"] = named[:1]
    ncnd_new = [s for s in ev.new if NCND_RE.search(s) and not ncnd_counted(s)]
    firm = ev.scores["firm"] + (2.5 if ncnd_new else 0.0)
    if ncnd_new:
        refuse += 2.5
        ev.evidence["refused"] = ncnd_new[:1] + [s for s in ev.evidence["refused"] if s not in ncnd_new[:1]]
    whole_nh = [s for s in ev.evidence["not-held"] if not NOT_HELD_COST_RE.search(s) and not NOT_HELD_PART_RE.search(s)]
    # (In a letter relying on the cost limit, counts are the size of the search, and not held in one
    # place is why finding it would cost so much.)
    cost_letter = any(COST_LIMIT_RE.search(s) for s in ev.new) or any(sec.startswith("12") for sec in ev.cited)
    if cost_letter:
        # "No single system records which officer dealt with each case" (round 9) is
        # not a status of its own there.
        whole_nh = [s for s in whole_nh if not _CENTRAL_RE.search(s)]
    part_nh = [s for s in ev.evidence["not-held"] if s not in whole_nh and not NOT_HELD_COST_RE.search(s)]
    if parts.count >= 2 and len(parts.not_held) < parts.count:
        # "Answer 1: no data on this is held by us" speaks for its part.
        part_nh += [s for s in whole_nh if s in parts.not_held_sentences]
        whole_nh = [s for s in whole_nh if s not in parts.not_held_sentences]
    # "We cannot provide it, as it is not held": the refusing words give not holding as their reason.
    because_not_held = [s for s in whole_nh if not sections_in_sentence(s) and not NCND_RE.search(s)
                        and (s in ev.evidence["firm"] or s in ev.evidence["refused"])]
    if because_not_held:
        overlap_scores, _ = score(because_not_held)
        firm -= overlap_scores["firm"]
        refuse -= overlap_scores["refused"]
        ev.scores["refused"] -= overlap_scores["refused"]
        ev.scores["firm"] -= overlap_scores["firm"]
        ev.evidence["refused"] = [s for s in ev.evidence["refused"] if s not in because_not_held]
        ev.evidence["firm"] = [s for s in ev.evidence["firm"] if s not in because_not_held]
    exempt = bool(ncnd_new) or firm >= 2 or refuse >= 2.5 or (bool(named) and refuse >= 1.5)
    # (A part answered by the opening of a refusal notice, "Q3: Section 1 of the Act places two duties
    # ...", beside parts answered: that part is withheld, though the notice is cut off. Round 11.)
    exempt = exempt or bool(withheld and (answered or parts.prose) and any(opens_notice(x) for x in withheld))
    if ev.scores["lead"] and not exempt and not whole_nh:
        # "Our response is as follows" above no refusal: what follows is the answer.
        data += ev.scores["lead"]
        ev.evidence["data"] += ev.evidence["lead"]
    # (A detail withheld, "the names have been withheld", speaks of part only beside something given.)
    scoped = ev.scores["scoped"] + (ev.scores["detail"] if data >= 0.75 else 0.0)
    partial_marks = ev.scores["partial"] + scoped
    ext, clar, ack = ev.scores["extended"], ev.scores["clarification"], ev.scores["acknowledged"]
    # A question to us: its own test, not sentences.is_question, kept apart (round 14): a "?" anywhere
    # ("financial or calendar years? The clock stops until you reply") with "you" in it; a question
    # restated ("How many arrests were made?") asks us nothing. Either test for the other changes readings.
    questions = [s for s in ev.new if "?" in s and re.search(r"\byou\b", s, re.I) and s not in exchange]
    narrowing = [s for s in ev.new if NARROWING_RE.search(s)]
    # A question to us about answering less than was asked, in a letter that weighs the cost or
    # a refusal: "Would it be acceptable if we searched one year only?" (round 6).
    if ev.scores["refused"] > 0 or ev.scores["firm"] > 0:
        # (A question put conditionally, "if you would accept ..., please reply", asks all the same.)
        narrowing += [s for s in scope_questions(ev.reading.of("new", "conditional")) if s not in narrowing]
    waits = waits_on_us(ev.new)
    # What else the new text says, by kind of evidence: a reading decides on its own only when
    # none of these speaks for another status (issue 12, round 4: precision first by construction).
    refusing = [s for s in ev.evidence["refused"] + ev.evidence["firm"] + named if not NCND_RE.search(s)
                and not (ncnd_new and ncnd_grounds(s))]
    statements = ev.scores["data"] - (1.0 * len(pointers) if pointers and not ev.letters else 0.0)
    # Figures after the sentence that says information is given ("see the table below": a table
    # the reader could not lay out), or a file it points to that this reading did not get.
    said_at = next((n for n, s in enumerate(ev.new) if s in ev.evidence["data"]), len(ev.new))
    figures_elsewhere = (any(re.search(r"\d", s) for s in ev.new[said_at + 1:])
                         or any(re.search(r"\battach|\benclos", s, re.I) for s in ev.new[said_at:]))
    # A refusal on cost whose own sentence decides it ("we need not comply", "this would
    # go over the appropriate limit"), with nothing given: where the search found nothing ("the
    # department does not hold such records") is why it would cost so much, not another status
    # (issue 12, round 8).
    cost_decided = cost_refusal and not whole_nh_decides(whole_nh) and (firm >= 2 or ev.scores["refused"] >= 1.5) \
        and not ev.has_data and ev.reading.tables < 3 and not parts.answered
    # Every numbered question has its answer: a figure, a yes or no, words, or "not held".
    every_part_said = parts.count >= 2 and not parts.refused and (
        len(set(parts.answered) | set(parts.prose) | set(parts.not_held)) >= parts.count)
    rival_evidence = {
        "information given": ev.has_data or ev.reading.tables >= 3 or answers > 0 or bool(parts.answered),
        "something withheld": bool(named or ncnd_new or firm >= 2 or ev.scores["refused"] >= 1.5),
        "something withheld besides NCND": bool(refusing),
        "not held": bool(whole_nh) and not cost_decided,
        # "We are unable to give it by ward, as the system does not record ward": what is not given
        # is not held, and no exemption, NCND or cost limit is relied on.
        "not held, and no ground for withholding": bool(whole_nh or part_nh) and not named and not ncnd_new
        and not any(COST_LIMIT_RE.search(s) for s in ev.new),
        "more time taken": ext >= 2,
        "a question to us": (clar >= 1.5 and bool(questions)) or bool(narrowing),
        # Stricter gates (issue 12, round 5): weaker evidence of a rival status is enough to ask.
        # "Part 2: no information is held" beside a refusal; the whole request said not held
        # beside an exemption and some figures.
        # (A letter answered part by part, each part refused or not held, is plainly a refusal.)
        "any part not held": bool(whole_nh or part_nh) and not cost_decided and not (
            parts.count >= 2 and parts.refused and len(parts.not_held) + len(parts.refused) >= parts.count)
        # (A refusal stated outright, with nothing given, stays a refusal when one part or one
        # department's records are not held: "not held within Force Planning; to search the other
        # departments would exceed the cost limit", "part 1 not held; part 2 NCND" (round 6).)
        and not (bool(part_nh) and not whole_nh and firm >= 2 and data < 0.75 and not ev.has_data
                 and ev.reading.tables < 3 and answers == 0 and not parts.answered),
        # (Beside figures, answered parts or a data file, a "not held" speaks for one part.)
        # "We do hold the information requested, however ...": what follows may withhold a part.
        # ("Some of the information you asked for is held": the rest is withheld, unless the letter says it is
        # not held. Round 12.)
        "held, but qualified": bool(held_but(ev.new)) or (bool(held_in_part(ev.new)) and not (
            whole_nh or part_nh or parts.not_held)),
        "not held beside nothing shown": bool(whole_nh) and not cost_decided and not (
            ev.reading.tables >= 3 or bool(parts.answered)),
        "the whole request not held": bool(whole_nh) and not (ev.has_data or ev.reading.tables >= 3 or answers > 0
                                                              or bool(parts.answered)),
        # "Please find below the information we can give" in a refusal, a caveat under figures,
        # a letter said to carry the answer: the refusal may be partial.
        "said to be given": data >= 1.0 and (statements >= 1.0 or caveat or bool(pointers and not ev.letters)),
        # "Any statistical data supplied is a snapshot ...", "the below figures relate only to ...": a note
        # on figures given, whether or not the figures can be seen (round 15).
        "a caveat under figures": caveat,
        # A refusal that asks us anything ("Would you like figures for one year instead?") waits
        # on our answer.
        "asks us anything": any(ASKS_US_RE.search(q) for q in questions),
        # An answer resting on the letter's words alone, with nothing to see: no figure, table,
        # answered question, data file, or readable letter.
        "nothing concrete given": not (ev.has_data or ev.reading.tables >= 3 or answers > 0 or bool(parts.answered)
                                       or every_part_said
                                       or bool(ev.letters) or caveat or (statements >= 2 and figures_elsewhere)),
        # A data file attached under words that say nothing of giving ("I have passed this to the
        # team", a one-line note): the file may be ours sent back, a form, or the answer (round 7).
        # "There were 4." and nothing else: which question it answers, and whether it is all of the
        # answer, cannot be seen from one short line (round 7).
        "a one-line reply": not ev.has_data and ev.reading.tables < 3 and len(ev.body_only) <= 1
        and sum(len(x.split()) for x in ev.body_only) < 15,
        "only the attachment speaks": ev.has_data and ev.scores["data"] < 1.0 and not ev.scores["lead"] and not caveat
        and not pointers and ev.reading.tables < 3 and not answers and not parts.answered,
        # Lines of three or more figures (a table the reader could not lay out) that are not the
        # size of a search or the cost limit: something may be given.
        # "There were 12 incidents in 2023" (not the size of a search); "the force can confirm it
        # uses drones"; "further details are exempt": a refusal of part, perhaps.
        "a count given": not cost_letter and any(_COUNT_RE.search(s) and not SEARCH_SIZE_RE.search(s)
                                                 and not _HYPOTHETICAL_RE.search(s) for s in ev.new),
        "something confirmed": any(_CONFIRMS_RE.search(s) and not NCND_RE.search(s) for s in ev.new),
        "the rest withheld": any(_THE_REST_RE.search(s) and not NCND_RE.search(s) for s in ev.new),
        # "It is not recorded in a way that lets us identify such cases, so we cannot provide it",
        # with no cost limit relied on: not held, or refused? Ask.
        "not recorded in a usable form, and no cost limit": not cost_letter and (
            any(NOT_HELD_COST_RE.search(s) for s in ev.evidence["not-held"])
            or any(_NOT_IN_FORM_RE.search(s) for s in ev.new)),
        # (Not a letterhead's telephone, fax, DX or postcode lines: round 12.)
        "rows of figures": sum(1 for s in ev.new if len(FIGURE_RE.findall(s)) >= 3 and not SEARCH_SIZE_RE.search(s)
                               and not COST_LIMIT_RE.search(s) and not sections_in_sentence(s)
                               and not _LETTERHEAD_RE.search(s)) >= 2,
    }
    ev.rival_evidence = rival_evidence
    return Weighed(ack=ack, answered=answered, answers=answers, caveat=caveat, clar=clar,
                   cost_letter=cost_letter, data=data, exempt=exempt, ext=ext, firm=firm,
                   named=named, narrowing=narrowing, ncnd_new=ncnd_new, part_nh=part_nh,
                   partial_marks=partial_marks, parts=parts, pointers=pointers,
                   questions=questions, refuse=refuse, refusing=refusing, scoped=scoped,
                   some_parts=some_parts, statements=statements, waits=waits, whole_nh=whole_nh, printed=printed,
                   withheld=withheld)
