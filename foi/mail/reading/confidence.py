"""What puts a final answer in doubt: a question, more time, an unread attachment, no deciding sentence."""

from __future__ import annotations

import re

from foi.mail.reading.arbitrate import Arbitration
from foi.mail.reading.decisions import (
    PIT_PENDING_RE,
    asks_what_we_want,
    decides_here,
    deciding,
    given_in,
    part_withheld,
)
from foi.mail.reading.doubt import (
    announced_only,
    gives_only_a_letter,
    hands_over_information,
    only_asked,
    other_questions_answered,
    parts_only_asked,
    refusal_for_one_numbered_part,
    refused_under_one_item,
    withholds_only_some,
)
from foi.mail.reading.evidence import Gathered, more_withheld, new_date
from foi.mail.reading.kinds import ANSWER_GATED, AUTOMATIC, Classification
from foi.mail.reading.sections import counts_outcomes, named_only
from foi.mail.reading.signals import FORMAL_REFUSAL_RE, NCND_RE, PART_START_RE
from foi.mail.reading.verdict import conclude
from foi.mail.reading.weighing import Weighed


def settle(ev: Gathered, w: Weighed, a: Arbitration) -> Classification | None:
    """The final answer as decided or sent to review; None when the letter comes before the answer."""
    # The arbitrated kind, its confidence and reasons are revised below (a question put can cancel the
    # kind; a letter that applies no ground lowers the confidence), so they are local.
    final, conf, reasons = a.final, a.conf, a.reasons
    interim = max(w.ext, w.clar)
    if final == "not-held" and w.clar >= 2 and w.questions and len(w.whole_nh) <= 1:
        # "We do not hold it before 2020. Which years do you need?": the question is the news.
        final = None
    if w.narrowing and final in (None, "refused") and w.data < 2 and not w.ext >= 2:
        # "Answering all of it would exceed the cost limit. Would you accept an answer to question 1
        # only?": they ask before deciding. A formal refusal that also asks goes to review.
        formal = [s for s in ev.new if FORMAL_REFUSAL_RE.search(s) and s not in w.narrowing]
        # A question put to us in so many words ("Would you accept figures for 2023 only?") waits on
        # our answer even under refusing words; "if you would like to narrow it, let us know" under a
        # refusal notice is advice as much as a question (round 6).
        asked = [q for q in w.narrowing if "?" in q]
        if formal and not w.waits and not asked:
            return conclude(ev, "needs-review", formal[:1] + w.narrowing[:1], 0.4, guess="refused",
                            reasons=["refuses and also asks whether we would accept less"])
        if formal and not w.waits and any(re.search(r"\brefus", f, re.I) for f in formal):
            # "... so the request is refused. Would you like us to search one year only?": a refusal
            # made and a question put; the question is the last word, but ask.
            return conclude(ev, "needs-review", asked[:1] + formal[:1], 0.45, guess="clarification",
                            reasons=["refuses in so many words and asks whether we would accept less"])
        if formal and not w.waits:
            return conclude(ev, "clarification", asked[:1] + formal[:1], 0.65,
                            reasons=["they ask whether we would accept less, beside refusing words"])
        if not w.cost_letter and w.refuse < 1.5:
            # "Would you like the policy as a PDF?" with no cost limit or refusal to narrow: an
            # offer under an answer, perhaps, as much as a question before deciding (round 5).
            return conclude(ev, "needs-review", w.narrowing[:1], 0.5, guess="clarification",
                            reasons=["they ask what we would like, with no cost limit or refusal in view"])
        return conclude(ev, "clarification", w.narrowing[:1] + (w.waits or ev.evidence["refused"])[:1],
                        0.8 if w.waits else 0.75,
                        reasons=["they ask whether we would accept a narrower request before deciding",
                                 *(["and wait on our answer"] if w.waits else [])])
    # "We are not obliged to give opinions or make up examples. Please clarify what recorded
    # information you want": refusing words with no ground relied on (no exemption, NCND or cost
    # limit), beside a question put to us about what we want. Nothing is refused under the Act;
    # the request waits on our answer (round 9).
    asked_what = asks_what_we_want(ev.reading.of("new", "conditional"))
    if (final == "refused" and asked_what and not w.named and not w.ncnd_new and not w.cost_letter
            and w.data < 0.75 and not ev.has_data and not w.ext >= 1.5):
        return conclude(ev, "clarification", asked_what[:1] + a.final_ev[:1], 0.66,
                        reasons=["they ask what information we want; the refusing words rely on no ground"])
    if final is not None:
        # (Counts in the letter's words alone, with no file, table, answered question or word of
        # giving, are the request's size or dates, not an answer, in a letter taking more time.)
        counts_only = not ev.has_data and ev.reading.tables < 3 and ev.scores["data"] < 1.5 and not w.parts.answered
        # (Weighing the public interest still to come, the exemption named is not yet relied on,
        # however firmly it is said to be engaged.)
        pit_pending = any(PIT_PENDING_RE.search(x) for x in ev.new) or bool(ev.pit_todo)
        if (w.ext >= 2 or (ev.pit_todo and w.firm < 2 and not w.ncnd_new)) and final in ("refused", "partial") and (
                w.firm < 2 or pit_pending) and (w.data < 2 or counts_only):
            # An s.10(3) letter names the exemptions whose public interest it is weighing; it
            # decides nothing, so it records no sections (issue 12, pattern 3).
            until = new_date(ev.evidence["extended"], ev.new, ev.own, ev.sent_on)
            return conclude(ev, "extended", ev.evidence["extended"][:2], 0.55 + 0.08 * w.ext + (0.05 if until else 0.0),
                            until=until, reasons=["more time to weigh the public interest; exemptions only named"])
        if interim >= 2 and interim >= max(w.refuse, w.data):
            k = "extended" if w.ext >= w.clar else "clarification"
            return conclude(ev, "needs-review", a.final_ev[:1] + ev.evidence[k][:1], 0.35, guess=final,
                            reasons=[f"reads as {final} and as {k}"])
        if a.abstain:
            return conclude(ev, "needs-review", a.final_ev, 0.45, guess=final, reasons=[a.abstain, *reasons])
        # (A refusal scoped to "any other information", beside something said to be enclosed, says
        # itself that part was given, whatever the unread enclosure holds.)
        scoped_rest = final == "partial" and w.scoped >= 2 and any(re.search(r"\battach|\benclos", x, re.I)
                                                                    for x in ev.new)
        # ("The attached documents have had some redactions made": the letter itself says what the
        # unread enclosure is, a release with a part held back. Round 10.)
        scoped_rest = scoped_rest or (final == "partial" and any(given_in(x) for x in
                                                                 part_withheld(ev.new) + more_withheld(ev.new)))
        if (final in ("responded", "partial") and not ev.has_data and w.data - 1.0 * len(w.pointers) < 2
                and ev.unseen_docs and not scoped_rest):
            return conclude(ev, "needs-review", a.final_ev, 0.4, guess=final,
                            reasons=["the attached document could not be read"])
        # (Round 12: unless the letter says the information itself is attached, "the located
        # information is disclosed to you as attached", not a response whose decision is unread.)
        handed = hands_over_information(ev.evidence["data"] + ev.evidence["lead"])
        if final in ANSWER_GATED and not a.concrete and not ev.letters and a.attached_words and not handed:
            # "Please see the attached information" and nothing readable attached: that the answer
            # is there rests on the letter's word alone (issue 12, round 4).
            return conclude(ev, "needs-review", a.final_ev, 0.45, guess=final,
                            reasons=["the information is said to be attached, and no attachment could be read",
                                     *reasons])
        doubted = _doubt(ev, w, a, final)
        if doubted is not None:
            guess, why = doubted
            return conclude(ev, guess, a.final_ev, min(conf, 0.5), reasons=[*reasons, why])
        # (The statute described for any authority, "section 12 provides that an authority need not
        # comply where ... would exceed the limit", decides nothing; nor do other requests counted.)
        # (Round 11: a sentence that applies a ground and then describes the Act in a clause of its
        # own, "we withhold it under section 22, which states that ...", decides in its first clause.)
        decides = [x for x in ev.new if (((x in deciding([x]) or NCND_RE.search(x) or FORMAL_REFUSAL_RE.search(x)
                                           or x in ev.headed) and not named_only(x)) or decides_here(x, named_only))
                   and not counts_outcomes(x) and not x.rstrip().endswith("?")]
        if final in ("refused", "partial") and not decides and conf >= AUTOMATIC:
            # Grounds named, refusing words, but no sentence that applies one to this request: the
            # reading is a guess however many words agree (issue 12, round 8: calibration).
            conf = min(conf, 0.55)
            reasons = [*reasons, "no sentence of the letter applies a ground or refuses"]
        return conclude(ev, final, a.final_ev, min(0.95, conf), reasons=reasons)

    return None


def _doubt(ev: Gathered, w: Weighed, a: Arbitration, final: str) -> tuple[str, str] | None:
    """The best guess and the reason when what a final answer's reading rests on is not the
    authority's own decision (round 12, structural tests over every authority: foi.mail.reading.doubt)."""
    labels = [*w.parts.answered, *w.parts.refused, *w.parts.not_held, *w.parts.prose]
    if final == "refused" and refused_under_one_item(
            [(x.text, x.role) for x in ev.reading.sentences], [*a.final_ev, *ev.evidence["refused"]]):
        # "- the officer's name; exempt under s.40(2). - the cost of the event; see our earlier
        # disclosures FOI 123-23 ...": the refusal is said under one item, another is answered.
        # (Before the test of questions put: an item and its answer printed on one line read as asked.)
        return "partial", "refused under one item of the request, another item answered"
    if final == "refused" and refusal_for_one_numbered_part(ev.new):
        # "For question 1 there are 2,109 subjects. The data for question 2 is not collated; finding
        # it would exceed the limit": the refusal names its question, another is answered.
        return "partial", "the refusal names the question it is for; another question has a figure"
    if (final == "partial" and not ev.has_data and ev.reading.tables < 3 and not w.parts.answered and not w.answers
            and not a.concrete and gives_only_a_letter(ev.evidence["data"] + ev.evidence["lead"])):
        # "It is exempt under section 40(2). Please find attached a copy of our refusal notice": the
        # only words of giving attach the letter itself, so nothing is shown to be given.
        return "refused", "only a letter or notice is said to be attached; nothing is shown to be given"
    # (A part's first sentence, "Question 1: how many ...?", names the part answered under it.)
    if only_asked([x for x in a.final_ev if x not in labels and not PART_START_RE.match(x)]):
        # "Can you explain why 'stating no information held' would harm ...?": asked about, not decided.
        return final, "every deciding sentence is a question put or a request made"
    # (Only where the parts are the whole evidence of giving: no file, table, figures given as
    # answers, words saying information is given or pointing to an attached answer.)
    says_given = (w.statements >= 1.5 or (bool(ev.scores["lead"]) and not w.exempt and not w.whole_nh) or w.caveat
                  or bool(w.pointers))
    if (final in ("responded", "partial") and w.parts.answered and not ev.has_data and ev.reading.tables < 3
            and not w.answers and not says_given and parts_only_asked(ev.new, w.parts.answered, labels)):
        # The request printed question by question, with nothing of the authority's under it.
        # (Under a refusal, nothing is left given: the guess is the refusal.)
        guess = "refused" if final == "partial" else final
        return guess, "the questions read as answered hold only the request's own words"
    if (final == "responded" and not a.concrete
            and announced_only([x.text for x in ev.reading.sentences if x.role != "subject"],
                               ev.evidence["data"] + ev.evidence["lead"])):
        # "Your request and our reply are set out below", then only the request, cut short.
        return final, "the answer announced below never comes: only the request follows"
    if final == "not-held" and other_questions_answered(ev.new, [*w.whole_nh, *w.part_nh, *a.final_ev]):
        # "1. How many complaints? Not held. 2. How many prosecutions? None. 4. ... 12 officers."
        return final, "not held under one question, another answered"
    if final == "refused" and withholds_only_some(ev.new):
        # "We hold it; however we are withholding some of the requested information": by its own
        # words only part is held back (on the labelled replies, always a partial answer).
        return "partial", "refuses, but says only some of the information is withheld"
    return None
