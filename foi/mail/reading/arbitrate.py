"""Arbitrate the kind of a final answer: given, withheld, partly both, or not held."""

from __future__ import annotations

import re
from dataclasses import dataclass

from foi.mail.reading.answers import narrative_facts
from foi.mail.reading.decisions import (
    bounded_release,
    deciding,
    given_in,
    heading_decision,
    held_in_part,
    names_a_part,
    ncnd_of_the_rest,
    part_withheld,
    rest_withheld,
)
from foi.mail.reading.evidence import Gathered, more_withheld
from foi.mail.reading.kinds import Classification
from foi.mail.reading.parts import labelled_statements
from foi.mail.reading.scoring import refusing_words
from foi.mail.reading.sections import WHOLE_REQUEST_GROUNDS
from foi.mail.reading.signals import NCND_RE, log_decision
from foi.mail.reading.verdict import conclude
from foi.mail.reading.weighing import Weighed, ncnd_grounds

_HELD_IN_PART_RE = re.compile(r"\b(?:is|are|was|were)\s+held\s+in\s+part\b|\b(?:hold|holds)\s+(?:some|part)\s+of\s+the"
                              r"\s+information\b[^.]{0,80}\b(?:cannot|can\s*not|will\s+not|not\s+be)\b", re.I)


# Giving said as done, not promised: "the figures have been provided at the foot of this letter", "I have supplied
# the totals we hold", "we have been able to run a report" (round 11).
_GIVEN_DONE_RE = re.compile(r"\b(?:have|has|had)\s+(?:now\s+|also\s+)?(?:been\s+)?(?:provided|supplied|disclosed"
                            r"|released|given|included|attached|enclosed|listed)\b"
                            r"|\b(?:have|has)\s+been\s+able\s+to\b", re.I)


# The words of a refusal notice that give no reason of their own.
_NOTICE_ONLY_RE = re.compile(r"\brefusal\s+notice|\bnot\s+(?:obliged|required)\s+to\s+(?:supply|provide|comply"
                             r"|disclose)"
                             r"|\b(?:unable|not\s+able)\s+to\s+(?:comply|provide|supply|answer)|\bcannot\s+(?:comply|provide)"
                             r"|\brefus\w*\s+(?:to\s+comply|your\s+request|this\s+request)", re.I)


@dataclass
class Arbitration:
    """The kind a final answer reads as, before what puts it in doubt is weighed."""

    final: str | None  # the kind, or None when the letter comes before the answer
    final_ev: list[str]  # its evidence
    conf: float  # its confidence
    reasons: list[str]  # why
    abstain: str | None  # why it goes to review whatever its confidence
    concrete: bool  # something concrete is given
    attached_words: bool  # only words pointing at an attachment say it is given


def arbitrate(ev: Gathered, w: Weighed) -> Arbitration | Classification:
    """The final answer's kind, or the classification a disclosure log's outcome field settles."""
    # Two sets of evidence are weighed: that requested information is given (figures, tables,
    # answers, "please find attached", "that is everything we hold on this") and that some is
    # withheld (an exemption relied on, NCND, the cost limit). Both: partial. Only the second:
    # refused, however long the explanation. When the evidence of giving is weak, or the two are
    # balanced, the reply goes to review with the better reading as its guess (issue 12, pattern 1).
    # Independent kinds of evidence ("families"): the more agree, the surer the reading; any
    # substantive evidence for a competing status costs confidence, so that a reply read one way
    # but speaking another goes to review with its best guess.
    give = {
        "a data file attached": ev.has_data,
        "a table of figures": ev.reading.tables >= 3,
        "figures given as answers": w.answers > 0,
        "questions answered one by one": bool(w.answered),
        "says information is given": (w.statements >= 1.5
                                      or (bool(ev.scores["lead"]) and not w.exempt and not w.whole_nh) or w.caveat),
        "points to an attached answer": bool(w.pointers) and not ev.letters,
    }
    concrete = any(give[k] for k in ("a data file attached", "a table of figures", "figures given as answers",
                                     "questions answered one by one"))
    withhold = {
        "an exemption named": bool(w.named),
        "neither confirm nor deny": bool(w.ncnd_new),
        "a refusal stated": w.firm >= 2,
        "refusing words": ev.scores["refused"] >= 1.5,
    }
    # Every sentence that says information is given points at an attachment.
    said_given = ev.evidence["data"] + (ev.evidence["lead"] if ev.scores["lead"] and not w.exempt and not w.whole_nh
                                        else [])
    # (A caveat printed under released figures is evidence of its own.)
    attached_words = (bool(said_given) and not w.caveat
                      and all(re.search(r"\battach|\benclos", x, re.I) for x in said_given))
    ev.withheld_kinds = [name for name, on in withhold.items() if on]
    n_give = sum(give.values())
    n_withhold = sum(withhold.values())
    speaks_of_refusing = ev.scores["refused"] > 0 or bool(w.named) or bool(w.ncnd_new)
    final: str | None = None
    final_ev: list[str] = []
    conf = 0.0
    reasons: list[str] = []
    cost_only = set(ev.cited) <= WHOLE_REQUEST_GROUNDS
    # "Any other information" in a cost refusal ("if any part exceeds the limit ...") says nothing
    # about giving; after an exemption ("NCND for any other information") it says some was given.
    implied = w.partial_marks >= 2.0 and not (cost_only and w.data < 0.75)
    abstain: str | None = None
    # "The information is not held; we neither confirm nor deny whether any other is": nothing is
    # given, and the only thing withheld is the answer to whether more exists. That is not held,
    # with its NCND flag (issue 12, round 4).
    # (The grounds listed under it, "Section 23(5) Information supplied by security bodies", are the
    # NCND's own when every section they cite is a neither-confirm-nor-deny one: round 10.)
    other_refusals = ([s for s in ev.evidence["refused"] + ev.evidence["firm"] + w.named if not NCND_RE.search(s)
                       and not ncnd_grounds(s)] if w.ncnd_new else [])
    # Released with a named part held back (redacted, an exemption applied to part, more held than
    # given), unless the rest is said to be held back too (round 10).
    more_held_back = more_withheld(ev.new)
    held_back = part_withheld(ev.new)
    bounded = bounded_release(ev.new)
    held_back += [x for x in more_held_back if x not in held_back]
    # Every numbered question has its answer: a figure, a yes or no, words, or "not held".
    every_part_said = w.parts.count >= 2 and not w.parts.refused and (
        len(set(w.parts.answered) | set(w.parts.prose) | set(w.parts.not_held)) >= w.parts.count)
    nh_ncnd = (bool(w.ncnd_new) and bool(w.whole_nh or w.part_nh) and not other_refusals and n_give == 0
               and w.data < 0.75)
    if nh_ncnd:
        final, final_ev = "not-held", (w.whole_nh or w.part_nh)[:1] + w.ncnd_new[:1]
        # Answered part by part, every part not held or neither confirmed nor denied: the same.
        every_part = w.parts.count >= 2 and len(w.parts.not_held) + len(w.parts.refused) >= w.parts.count
        conf = 0.72 if w.whole_nh or every_part else 0.45
        reasons.append("not held, and whether any other information is held is neither confirmed nor denied")
        if not (w.whole_nh or every_part):
            abstain = "only part of the request is said to be not held"
    elif w.exempt and w.whole_nh and not w.named and not w.ncnd_new and not w.cost_letter and w.data < 0.75:
        # "The information is not recorded/held ... this letter is a refusal notice": refusing words
        # with no exemption, NCND or cost limit relied on in the new text, beside a plain "not held".
        # Not holding it may be the whole reason, or a refusal may be meant: ask (round 6).
        final, final_ev = "not-held", w.whole_nh[:1] + ev.evidence["refused"][:1]
        if all(_NOTICE_ONLY_RE.search(x) for x in w.refusing if x not in w.whole_nh):
            # Only the notice's own words ("I am not obliged to supply", "this letter represents a
            # refusal notice", "unable to comply") and no reason for withholding besides not holding
            # it: a not-held answer given in the form of a s.17 notice (round 6).
            conf = 0.66
            reasons.append("not held; the refusal words only give notice of it")
            ev.rival_evidence["something withheld besides NCND"] = False
        else:
            abstain = "says the information is not held, and also refuses with no exemption relied on"
    elif held_back and not w.whole_nh and not rest_withheld(ev.new) and not (
            w.cost_letter and not ev.has_data and w.data < 0.75) and (
            w.data >= 0.75 or ev.scores["held"] or more_held_back
            or any(given_in(x) or names_a_part(x) for x in held_back)):
        # "Please see the attached documents; some redactions have been made", "we hold the
        # information; one part of it falls under an exemption": released, a part held back.
        final, final_ev = "partial", held_back[:1] + [x for x in ev.evidence["refused"][:1] if x not in held_back[:1]]
        conf = 0.68 + 0.04 * min(n_give, 2)
        reasons.append("released, with a named part held back")
    elif held_back and not w.whole_nh and not rest_withheld(ev.new) and w.cost_letter and (
            any(names_a_part(x) for x in held_back)):
        # "We do hold the information; however we are withholding some of it, as the cost of
        # compliance exceeds the limit", and nothing given in view: the letter's own words say only
        # part is held back, but the cost limit may answer for the whole. Partly withheld is the
        # guess; whether anything is given is not seen (round 12).
        final, final_ev = "partial", held_back[:1] + [x for x in ev.evidence["refused"][:1] if x not in held_back[:1]]
        abstain = "a cost-limit letter that says only part is withheld; nothing given is seen"
    elif bounded and not w.whole_nh and not w.part_nh and not (w.cost_letter and not concrete and not ev.has_data):
        # "Above is all the information we can disclose; for anything else we rely on the following",
        # "a copy of the information which can be disclosed is enclosed": given within a bound that
        # leaves the rest withheld (round 11). With a ground relied on or a part said withheld, a
        # partial answer; the bound alone is weaker: ask.
        final, final_ev = "partial", bounded[:1] + [x for x in ev.evidence["refused"][:1] if x not in bounded[:1]]
        conf = 0.64 + 0.04 * min(n_give, 2)
        reasons.append("given within a bound: what can be disclosed")
        if not (w.exempt or w.named or w.partial_marks >= 1.5):
            abstain = "given within a bound (what can be disclosed); no ground for the rest is read"
    elif w.ncnd_new and not other_refusals and not w.whole_nh and not w.part_nh and ncnd_of_the_rest(ev.new) and (
            labelled_statements(ev.new)):
        # "Q1 & 2. The force has not used it in an overt capacity. It can neither confirm nor deny
        # that any further information is held": an answer in words, NCND for the rest (round 10).
        final, final_ev = "partial", labelled_statements(ev.new)[:1] + ncnd_of_the_rest(ev.new)[:1]
        conf = 0.66
        reasons.append("an answer given in words; neither confirm nor deny for anything further")
    elif w.exempt and w.withheld and w.parts.prose and not w.answered and not ev.has_data:
        # "In response to question two, all officers carry one. With regard to question three,
        # section 31 applies": one part refused among parts answered in words. Partial, but words
        # are weaker evidence than figures.
        final, final_ev = "partial", w.parts.prose[:1] + w.withheld[:1]
        abstain = "some parts are answered in words, another is refused"
    elif (w.exempt and w.cost_letter and cost_only and not concrete and not ev.has_data and not held_back
          and not ev.rival_evidence.get("rows of figures") and not w.caveat and w.scoped < 2
          and (w.data >= 0.75 or implied)
          and not any(_GIVEN_DONE_RE.search(x) for x in ev.reading.of("new", "conditional"))):
        # "Where we are able to release it, our response is below ... we estimate that compliance
        # would exceed the appropriate limit", and nothing below: a cost refusal under an opening
        # that promises what the letter never gives. That anything is given rests on those words
        # alone, and a cost refusal with advice and no data is refused (round 11): ask. (Rows of
        # figures, a refusal said to cover "the remainder", or "the figures have been provided at
        # the foot of this letter", said as done, are something given; so is a note on what the
        # released data covers, "the data provided is based on the date recorded": round 12b.)
        final, final_ev = "refused", ev.evidence["refused"][:1] + ev.evidence["data"][:1]
        abstain = "a cost refusal; that anything is given as well rests on the letter's words alone"
    elif w.exempt and (w.data >= 2 or (implied and (w.data >= 0.75 or w.partial_marks >= 3.5))):
        final, final_ev = "partial", ev.evidence["data"][:1] + ev.evidence["partial"][:1] + ev.evidence["refused"][:1]
        conf = 0.62 + 0.06 * min(n_give, 3) + 0.04 * min(n_withhold, 3) + (0.05 if w.partial_marks >= 1.5 else 0.0)
        if not concrete:
            conf -= 0.1
            reasons.append("that information is given rests on the letter's words alone")
        reasons.append("information given, part of it withheld")
    elif w.exempt and (w.data >= 0.75 or implied):
        final, final_ev = ("partial" if implied or w.data >= 1.5 else "refused"), (ev.evidence["data"][:1]
                                                                               + ev.evidence["refused"][:1])
        abstain = "some information may be given as well as refused"
    elif w.exempt and w.scoped >= 2 and not w.whole_nh and not w.part_nh and not (
            w.data < 0.75 and ev.evidence["scoped"] and all(_HELD_IN_PART_RE.search(x) for x in ev.evidence["scoped"])):
        # ("The information is held in part, however it cannot be disclosed" says what is held, and
        # that none of it is given: a refusal of the whole. Round 8.)
        # "The question concerning X has engaged section 12(2)", "a refusal notice for this part":
        # the refusal covers part of the request, and what became of the rest is not plain.
        final, final_ev = "partial", ev.evidence["partial"][:1] + ev.evidence["refused"][:1]
        abstain = "the refusal is said to cover only part of the request"
    elif w.exempt:
        final, final_ev = "refused", ev.evidence["refused"][:2]
        conf = 0.62 + 0.08 * min(n_withhold, 3) + 0.02 * min(w.refuse, 6)
        if w.partial_marks >= 1.5 and not w.whole_nh and not w.part_nh and not cost_only:
            conf -= 0.2
            reasons.append("says only part is withheld")
        if n_give:
            conf -= 0.1 * n_give
            reasons.append("also reads as giving some information")
        reasons.append("an exemption or the cost limit is relied on")
    elif w.data >= 2 or (w.part_nh and w.answers):
        # Some parts answered, others not held: an answer (issue 12, pattern 5).
        final, final_ev = "responded", ev.evidence["data"][:2] or ev.body_only[:1]
        conf = 0.6 + 0.08 * min(n_give, 3) + 0.03 * min(w.data, 5)
        if w.whole_nh:
            conf -= 0.1
            reasons.append("information given; some of it is not held")
        if speaks_of_refusing:
            conf -= 0.1 + 0.1 * min(n_withhold, 2)
            reasons.append("also speaks of withholding")
        if w.partial_marks >= 1.5:
            conf -= 0.1
            reasons.append("speaks of part of the information")
        reasons.append("information given")
        if held_in_part(ev.new) and not w.whole_nh and not w.part_nh:
            # "Some of the information you asked for is held. I have decided to disclose the following":
            # given, and the rest is not said to be not held - partly given is the better guess (round 12).
            final = "partial"
            abstain = "held only in part, and the rest is not said to be not held"
    elif w.whole_nh and w.data >= 1:
        # Not held beside words that give something: ask. The guess is the answer when its own words
        # say information is given, or something concrete is there (round 7: a plain answer that
        # says one detail is not held was shown to the reviewer as "not held").
        gives = concrete or w.statements >= 1.5
        final = "responded" if gives else "not-held"
        final_ev = (ev.evidence["data"][:1] + w.whole_nh[:1]) if gives else (w.whole_nh[:1] + ev.evidence["data"][:1])
        abstain = "not held, but some information may also be given"
    elif w.whole_nh:
        final, final_ev = "not-held", w.whole_nh[:2]
        conf = 0.72 + (0.08 if len(w.whole_nh) > 1 or ev.scores["not-held"] >= 3.5 else 0.0)
        if w.part_nh or w.partial_marks >= 1.5:
            conf -= 0.15
        if speaks_of_refusing:
            conf -= 0.15
            reasons.append("also speaks of withholding")
        reasons.append("the information is not held")
    elif w.part_nh and every_part_said and w.parts.prose and not w.whole_nh and not speaks_of_refusing:
        # "1 - Not held. 2 - The dog retired in 2019": each question has its answer, one of them
        # that nothing is held. An answer, not a "not held" (issue 12, pattern 5; round 10).
        final, final_ev, conf = "responded", w.parts.prose[:1] + w.part_nh[:1], 0.66
        reasons.append("every question answered, in words or as not held")
    elif w.part_nh and w.data >= 1 and not speaks_of_refusing and not (w.ext or w.clar or w.ack):
        # "Please find attached the totals. We no longer hold them for these months": one part not
        # held, the rest said to be given - an answer, by the letter's word (issue 12, pattern 5).
        final, final_ev = "responded", ev.evidence["data"][:1] + w.part_nh[:1]
        abstain = "one part not held; that the rest is given rests on the letter's words"
    elif w.part_nh and not (w.ext or w.clar or w.ack):
        final, final_ev, conf = "not-held", w.part_nh[:2], 0.4
        reasons.append("only part of the request is said to be not held")
    elif (not (w.ext or w.clar or w.ack) and not speaks_of_refusing and not w.questions and not w.narrowing
          and len(facts := narrative_facts(ev.new)) >= 2):
        # "In 2019 all sites were cleaned twice a day. From June 2020 they reopened ...": facts with
        # figures or dates, in the authority's words, and nothing of refusing, holding or handling.
        # An answer in prose with no keyword of answering (round 11): shown as the best guess.
        final, final_ev = "responded", facts[:2]
        abstain = "an answer in plain words (facts with figures or dates), with no word of giving"
    if w.some_parts and final == "refused" and not w.cost_letter:
        # Only the refused questions are in view: the answers to the others are not seen here. (One
        # question over the cost limit lets the whole request be refused: not so with s.12.)
        final, final_ev = "partial", w.some_parts[:1] + final_ev[:1]
        if abstain is None and not w.whole_nh and not w.part_nh and not n_give:
            # "Qs 2, 3 & 5: ... section 31 applies": questions 1 and 4 are left out of the refusal.
            # Whatever became of them, the reply refuses part of the request (round 10).
            conf = min(conf, 0.66)
            reasons.append("the refusal names some questions only, leaving the others out")
        else:
            abstain = abstain or "the refusal names some questions only; the answers to the others are not seen"
    elif (w.some_parts and final == "refused" and w.cost_letter and w.printed >= 2
          and (refusing_words(w.some_parts[0]) or deciding(w.some_parts[:1]))):
        # "It is not possible to provide the figures for questions 1, 2 and 3 ... the cost would
        # exceed the appropriate limit", in a letter printing six questions: the cost limit may
        # answer for the whole request, but the refusal itself names only some (round 11): ask,
        # with part refused as the guess.
        final, final_ev = "partial", w.some_parts[:1] + final_ev[:1]
        abstain = abstain or "the cost refusal names some questions only; the others are not seen refused"
    logged = log_decision(ev.new)
    if logged is None:
        # An outcome heading by a log's title ("Part Disclosure with Section 23(5) ... Exemptions"):
        # the same filing, printed as a heading. (Under questions answered one by one, "Information
        # not held" is one part's answer, unless it names grounds.)
        heading = heading_decision(ev.new)
        if heading and (w.parts.count < 2 or re.search(r"\d", heading[1])):
            logged = heading
    if logged is not None and not w.narrowing and max(w.ext, w.clar) < 2:
        # A disclosure log's outcome field ("Decision: Partially disclosed", "Refusal Sections 24
        # and 31") is the authority's own filing of the reply: figures in the log's header rows, a
        # reason given in words, or an answer the excerpt cuts off do not outweigh it (issue 12,
        # coverage). Where the letter reads another way, both are shown to the reviewer.
        log_kind, log_line = logged
        # ("Please see the attached letter" over an outcome field reads as an answer only because
        # something is attached: what the attachment decides is the field's to say.)
        agree = final in (None, log_kind) or (final == "responded" and not concrete)
        # (Partly given against given or refused is a matter of degree; given against refused is not.)
        near = "partial" in (final, log_kind) and {final, log_kind} <= {"responded", "partial", "refused"}
        if near and log_kind == "refused" and (ev.has_data or bool(w.parts.answered)):
            # "Refused" over a data file or questions answered one by one: ask.
            return conclude(ev, "needs-review", [log_line, *final_ev][:2], 0.45, guess=final,
                            reasons=[f"the log's outcome field says {log_line.strip()}; the letter reads as {final}"])
        if near and log_kind == "responded":
            # "Decision: Disclosed" over a letter that withholds a part: the field may round up.
            return conclude(ev, "needs-review", [log_line, *final_ev][:2], 0.45, guess=log_kind,
                            reasons=[f"the log's outcome field says {log_line.strip()}; the letter reads as {final}"])
        if agree or near:
            return conclude(ev, log_kind, [log_line, *[x for x in final_ev if x != log_line]][:2],
                            0.8 if final == log_kind else 0.7, stated=True,
                            reasons=[f"the log's outcome field says so: {log_line.strip()}",
                                     *([f"the letter alone reads as {final}"] if final and not agree else [])])
    if final is not None:
        # Say what the reading rests on, so that a reviewer sees both sides at a glance.
        seen = [k for k, v in give.items() if v]
        held = [k for k, v in withhold.items() if v]
        reasons = [*reasons, *(["given: " + ", ".join(seen)] if seen else []),
                   *(["withheld: " + ", ".join(held)] if held else [])]
    return Arbitration(final=final, final_ev=final_ev, conf=conf, reasons=reasons,
                       abstain=abstain, concrete=concrete, attached_words=attached_words)
