"""Letters before the answer: extensions, clarifications, receipts, and too little to decide."""

from __future__ import annotations

import re
from datetime import date, timedelta

from foi.mail.reading.dates import dates_in, deadline_in
from foi.mail.reading.evidence import Gathered, header, new_date, receipt_evidence
from foi.mail.reading.grammar import ASKED_IN_WORD_ORDER, DATE, LATE, NEED_MORE_TIME, TAKE
from foi.mail.reading.kinds import STATUS_KINDS, Classification
from foi.mail.reading.receipts import (
    RECEIPT_RE,
    REPLY_TO_COME_RE,
    THANKS_RE,
    answer_announced,
    record_acts,
    without_topic,
)
from foi.mail.reading.receipts import verdict as receipt_verdict
from foi.mail.reading.sentences import is_hedged
from foi.mail.reading.verdict import conclude
from foi.mail.reading.weighing import Weighed

# Asked in so many words, with or without its mark (grammar.ASKED_IN_WORD_ORDER).
_ASKED_RE = re.compile(ASKED_IN_WORD_ORDER, re.I)


# A wish or need for clarification, said now in the first person: "I would just like some
# clarification on the points you raise", "we need a little more clarity", "before we go on we would
# like to clarify what you are asking for" (round 12b). With a question put to us it is a request for
# clarification however plainly it is worded; without one (or in a condition) it is not.
_WANT_CLARITY_RE = re.compile(
    r"\b(?:I|we)\s+(?:would\s+|'d\s+|will\s+|do\s+)?(?:just\s+|first\s+|therefore\s+|now\s+|still\s+)?"
    r"(?:like|need|require|want|wish|seek)\s+(?:to\s+(?:ask\s+(?:you\s+)?for|seek|obtain|have)\s+)?"
    r"(?:some\s+|a\s+little\s+(?:more\s+)?|a\s+bit\s+(?:more\s+)?of\s+|a\s+bit\s+more\s+|further\s+|more\s+"
    r"|some\s+further\s+|some\s+more\s+)?"
    r"(?:clarification|clarity)\b"
    r"|\b(?:I|we)\s+(?:would\s+|'d\s+)?(?:just\s+|first\s+)?(?:like|need|want|wish)\s+to\s+clarify\s+(?:with\s+you\s+)?"
    r"(?:exactly\s+|precisely\s+)?(?:what|which|whether|the\s+scope|your\s+request|the\s+(?:\w+\s+)?you)\b",
    re.I,
)


def wants_clarity(sentences: list[str]) -> list[str]:
    """The sentences that say, now and unconditionally, that they want clarification from us."""
    # ("if", "may", "might", "could" are hedges already: is_hedged reads them, grammar.HEDGE.)
    return [s for s in sentences if _WANT_CLARITY_RE.search(s) and not is_hedged(s)
            and not re.search(r"\b(?:unless|should)\b", s, re.I)]


# The answer (or the rest of it) not given yet, for a reason stated now: "the public interest test is
# taking longer than we expected", "there will be a short delay while we consult third parties", "I
# cannot give you a full response at this time", "we need further time". Not an apology alone ("sorry
# for the delay in replying" heads late answers too), nor a delay foreseen ("there may be delays").
_HELD_UP_RE = re.compile(
    r"\b(?:" + TAKE + r"|took)\s+(?:\w+\s+){0,2}?longer\b|\blonger\s+than\s+(?:\w+\s+){0,2}?(?:anticipated|expected"
    r"|planned|hoped|usual)\b"
    r"|\b(?:will|shall)\s+be\s+(?:a|some)\s+(?:\w+\s+)?delay\b|\bdelay(?:ed)?\s+in\s+(?:providing|sending|issuing"
    r"|completing|responding)\b"
    r"|\b(?:unable|not\s+(?:yet\s+)?(?:be\s+)?able|cannot|can't)\s+(?:\w+\s+){0,2}?(?:to\s+)?(?:provide|give|send|issue"
    r"|complete|finali[sz]e|respond)\b[^.;]{0,120}?\b(?:at\s+(?:this|the\s+present)\s+(?:time|stage)|yet|at\s+present"
    r"|as\s+yet)\b"
    r"|" + NEED_MORE_TIME
    + r"|\b(?:extend|extended|extending|extension\s+(?:of|to))\b"
    r"|\b(?:currently|still)\s+(?:in\s+the\s+process\s+of|gathering|collating|consulting|considering|waiting|awaiting)\b",
    re.I,
)
# Not able to answer inside the time the law allows: "we will not be able to offer a full reply
# within 20 working days", "we cannot let you have our answer within the statutory period" (round 12).
_LATE_RE = re.compile(LATE, re.I)
# The next letter promised by a stated date, "again": "I will write to you again by Wednesday 4 July",
# "we expect to be in touch further on or before 3 May". Whoever says they will write again with a
# date has written now without the answer (or without all of it): this letter is the interim one
# (round 12). (A receipt's "we will contact you again within 20 working days" states no date.)
_AGAIN_BY_RE = re.compile(
    r"\b(?:I|we)\s+(?:will|shall|'ll|aim\s+to|hope\s+to|expect\s+to|intend\s+to|plan\s+to)\s+(?:\w+\s+)?"
    r"(?:write(?:\s+to\s+you)?|be\s+in\s+touch(?:\s+with\s+you)?|contact\s+you|get\s+back\s+to\s+you"
    r"|come\s+back\s+to\s+you|update\s+you|report\s+back(?:\s+to\s+you)?)\s+(?:again|further)\b"
    r"[^.;?!]{0,30}?\b(?:by|on\s+or\s+before|no\s+later\s+than|before|on)\s+(?:\w+day,?\s+)?(?:the\s+)?" + DATE,
    re.I,
)
# A filing note is read on its structure (nothing else said) more than its words: sure enough to
# record an acknowledgement, which moves no date.
_FILED_CONF = 0.62
_SORRY_RE = re.compile(r"\b(?:apolog\w*|sorry|regret)\b", re.I)
# (A local extension of the shared hedge: "a response is likely to take longer", "unless further
# checks are needed" foresee a delay in an interim letter; a receipt's hedge (receipts) stays narrower.)
_LIKELY_RE = re.compile(r"\b(?:likely|unless)\b", re.I)


def _hedged(sentence: str) -> bool:
    """A delay supposed or foreseen, not announced: a conditional or a hedge ("may", "in some cases":
    sentences.is_hedged), or "likely"."""
    return is_hedged(sentence) or bool(_LIKELY_RE.search(sentence))


# A date that says when the request was made or came: "your e-mail of", "received on", "dated".
_PAST_DATE_LEAD_RE = re.compile(r"\b(?:received|dated|submitted|sent|logged|made|of|since)\s+(?:on\s+)?(?:the\s+)?"
                                r"(?:\w+day,?\s+)?$", re.I)


def _promised_on(sentence: str, sent_on: date | None) -> date | None:
    """A date in a promise to reply ("a response to the rest of your request on Wednesday 5 March")
    later than the letter itself and within four months of it: never a request's date, which is
    always earlier."""
    if sent_on is None:
        return None
    later = [d for pos, d in dates_in(sentence, sent_on, forward=True)
             if sent_on < d <= sent_on + timedelta(days=120)
             and not _PAST_DATE_LEAD_RE.search(sentence[max(0, pos - 30):pos])]
    return max(later) if later else None


def deferral(ev: Gathered) -> tuple[date | None, list[str]]:
    """The date the letter sets for the answer still to come, and the sentences that set it and
    say why it is not given now; (None, []) when the letter does not put the answer off to a
    stated date. The date is one they state, later than the letter."""
    # (A receipt's "we will be in touch again by 9 April" is its ordinary due date: writing again
    # puts the answer off only in a letter that does not thank for or acknowledge the request.)
    receipt = any(THANKS_RE.search(s) or RECEIPT_RE.search(without_topic(s)) for s in ev.new)
    held_up = [s for s in ev.new if (_HELD_UP_RE.search(s) or _LATE_RE.search(s)
                                     or (_AGAIN_BY_RE.search(s) and not receipt)) and not _hedged(s)]
    if not held_up:
        return None, []
    dated = [(d, s) for s in ev.new if REPLY_TO_COME_RE.search(s) or (_AGAIN_BY_RE.search(s) and not receipt)
             for d in [deadline_in([s], ev.sent_on, anchor=ev.own) or _promised_on(s, ev.sent_on)] if d is not None]
    if not dated:
        return None, []
    until = max(d for d, _ in dated)
    said = [s for d, s in dated if d == until][:1] + [s for s in held_up if s not in (x for _, x in dated)][:1]
    return until, said


def read_deferral(ev: Gathered) -> Classification | None:
    """The reply as an extension when it puts the answer (or the rest of it) off to a date it
    states, for a reason it gives: whatever part it answers or withholds now, the request is not
    finished, and its words of inability ("unable to provide a full response at this time") put
    the answer off rather than refuse it (issue 12, pattern 3)."""
    until, said = deferral(ev)
    if until is None:
        return None
    return conclude(ev, "extended", said, 0.8, until=until,
                    reasons=[f"the answer is put off to {until.isoformat()}, for a reason stated now"])


def before_answer(ev: Gathered, w: Weighed) -> Classification:
    """The reply as a letter before the answer, or needs-review with the best guess."""
    if w.ext >= 1.5 and w.clar >= 1.5:
        return conclude(ev, "needs-review", ev.evidence["extended"][:1] + ev.evidence["clarification"][:1], 0.3,
                        guess="extended", reasons=["asks for more time and asks us a question"])
    if w.ext >= 1.5 and not new_date(ev.evidence["extended"], ev.new, ev.own, ev.sent_on) and answer_announced(ev.new) \
            and all(_SORRY_RE.search(x) for x in ev.evidence["extended"]):
        # "Sorry for the delay; your request is set out below with our response": a late answer,
        # not more time taken. What the answer is, is for a person to read.
        return conclude(ev, "needs-review", answer_announced(ev.new)[:1], 0.35, guess="responded",
                        reasons=["a late answer: it apologises for the delay and gives its response"])
    if w.ext >= 1.5 and not new_date(ev.evidence["extended"], ev.new, ev.own, ev.sent_on) \
            and all(_SORRY_RE.search(x) and not is_hedged(x) for x in ev.evidence["extended"]) \
            and (w.part_nh or w.whole_nh or w.parts.answered or w.answers):
        # "I apologise for the delay in responding" above the letter's own decisions ("with reference
        # to the third part, the Department does not hold it"): sorry for lateness, in a late answer,
        # not more time taken (round 14). What the answer is, is for a person to read.
        decided = w.part_nh or w.whole_nh or w.parts.answered
        return conclude(ev, "needs-review", ev.evidence["extended"][:1] + decided[:1], 0.35,
                        guess="not-held" if w.whole_nh and not (w.parts.answered or w.answers) else "responded",
                        reasons=["a late answer: it apologises for the delay and decides the request"])
    if w.ext >= 1.5:
        until = new_date(ev.evidence["extended"], ev.new, ev.own, ev.sent_on)
        conf = 0.55 + 0.08 * w.ext + (0.05 if until else -0.05)
        when = f"new date {until.isoformat()}" if until else "no date given"
        return conclude(ev, "extended", ev.evidence["extended"][:2], min(0.95, conf), until=until,
                        reasons=[f"more time is taken; {when}"])
    # A question is put in its word order as well as by its mark: mail reflowed from a letter
    # loses the "?" ("Could you please tell us the period you mean and define the area").
    questions = w.questions or [s for s in ev.new if _ASKED_RE.search(s)]
    wished = wants_clarity(ev.new) if questions and w.clar < 1.0 else []
    clar = w.clar
    if wished and not ev.has_data and not ev.scores["held"] and w.data < 1.0:
        # "I would like some clarification. Please can you define ...?" (round 12b).
        ev.evidence["clarification"] = wished[:1] + ev.evidence["clarification"]
        clar = 1.0
    if clar >= 1.5 or (questions and clar >= 1.0):
        conf = 0.55 + 0.08 * clar + (0.05 if questions else 0.0)
        why = ["they ask us a question before they can answer"]
        # ("whether you require the figures by district or for the whole force": a choice put to us is
        # as specific as a "which"; round 14.)
        specifics = any(re.search(r"\b(?:which|what|dates?|period|years?|offences?|type|specify|clarify|exactly"
                                  r"|mean|meant)\b|\bwhether\s+you\s+(?:\w+\s+)?(?:require|want|need|mean|are\s+"
                                  r"(?:asking|seeking|interested))\b(?!\s+(?:any(?:thing)?\s+)?(?:else|further|more"
                                  r"|other|additional)\b)", x, re.I)
                        for x in ev.evidence["clarification"] + questions)
        if not questions and clar < 2 and not specifics:
            # Only a polite "please let us know if ..." with no question put, nothing about what
            # to search and no word of needing clarification: an answer can close that way too.
            conf = min(conf, 0.55)
            why.append("no question is put to us in so many words")
        if ev.scores["held"] or w.statements >= 1.0 or w.answers:
            conf = min(conf, 0.5)
            why.append("also says what is held or given")
        return conclude(ev, "clarification", (ev.evidence["clarification"] + questions)[:2], min(0.95, conf),
                        reasons=why)
    if (ev.unseen_docs or w.pointers) and not any(v >= 1.5 for v in (w.ack, ev.scores["generic"])):
        why = ("an attached document could not be read" if ev.unseen_docs
               else "the answer is in an attachment not seen here")
        return conclude(ev, "needs-review", w.pointers[:1] or ev.body_only[:1], 0.35, guess="responded", reasons=[why])
    if ev.acked and not ev.has_data and ev.reading.tables < 3 and ev.scores["data"] < 1.5:
        # Thanks, receipt and a reply to come, and nothing given in words or attached: the numbered
        # lines are the request restated, not answers (round 9).
        ev.rival_evidence["information given"] = False
    # "Please find the force's response set out below", "Response: ...", "we shall deal with your
    # questions in turn": the answer is said to be here, so a receipt stated at the top opens it and
    # the letter is not read as a receipt at all (round 10).
    announced = answer_announced(ev.new) if not ev.acked else []
    if not announced and (ev.scores["generic"] >= 1.5 or w.ack >= 1.5 or (w.ack >= 1.0 and ev.specific)):
        # A receipt: a person's acknowledgement or a mailbox's, weighed on the message's structure
        # as much as its wording (foi.mail.reading.receipts; issue 12, round 7).
        receipt = receipt_evidence(ev.text, ev.reading, ev.subject, header(ev.headers, "from"), force_ref=ev.force_ref,
                                   received=ev.received, ack_new=ev.ack_new, sent_on=ev.sent_on,
                                   mailbox_words=ev.scores["generic"] >= 1.5, minutes=ev.after_request)
        said = ev.evidence["generic"][:1] + ev.evidence["acknowledged"][:1]
        weighed = [f"for a person: {', '.join(receipt.for_person) or 'nothing'}",
                   f"for a mailbox: {', '.join(receipt.for_mailbox) or 'nothing'}"]
        verdict = receipt_verdict(receipt)
        if verdict == "auto-reply":
            conf = min(0.95, 0.7 + 0.05 * (receipt.mailbox - receipt.person - 1.5))
            return conclude(ev, "auto-reply", said, conf,
                            reasons=["an automatic receipt from a mailbox; no date changes", *weighed])
        if verdict == "ask":
            best = "acknowledged" if receipt.person >= receipt.mailbox - 1.0 else "auto-reply"
            return conclude(ev, "needs-review", said, 0.45, guess=best,
                            reasons=["a receipt: a mailbox's or a person's?", *weighed])
        conf = 0.6 + 0.08 * min(max(w.ack, 1.0), 4) + 0.04 * min(receipt.person - receipt.mailbox, 4)
        note = ("states the date of receipt " + ev.received.isoformat()) if ev.received else "states no date of receipt"
        reasons = ([f"acknowledgement; {note}"] + (["names " + ", ".join(ev.case_marks)] if ev.case_marks else [])
                   + weighed)
        if w.ack + ev.scores["generic"] < 1.5:
            # "Thank you for your email received on ..." opens answers as well as receipts: alone,
            # with nothing about logging it or replying within 20 days, it is only an opening.
            conf = min(conf, 0.5)
            reasons.append("only thanks them for the request; says nothing of dealing with it")
        return conclude(ev, "acknowledged", ev.evidence["acknowledged"][:2] or said, min(0.95, conf), reasons=reasons)
    # Too little to decide; the strongest hint is still shown as the guess, so that reviewing it is
    # one keystroke: information given reads as a response, a refusal's words as a refusal.
    as_kind = {"data": "responded", "lead": "responded", "held": "responded", "firm": "refused",
               "scoped": "partial", "partial": "partial"}
    hints = dict(ev.scores)
    hints["data"] = max(hints.get("data", 0.0), w.data)
    if announced:
        # An answer said to be here: whatever it is, it is not a receipt.
        hints["acknowledged"] = hints["generic"] = 0.0
        hints["lead"] = max(hints.get("lead", 0.0), 1.0)
        ev.evidence["lead"] = ev.evidence["lead"] or announced[:1]
    weak = sorted(((v, as_kind.get(k, k)) for k, v in hints.items()
                   if v > 0 and (ev.evidence[k] or k == "data") and as_kind.get(k, k) in STATUS_KINDS), reverse=True)
    guess = weak[0][1] if weak else "needs-review"
    shown = [ev.evidence[k][0] for k in hints if ev.evidence[k] and as_kind.get(k, k) == guess][:1]
    filed = record_acts(ev.new)
    if filed and (not weak or weak[0][0] < 1.0) and not announced and not ev.has_data and not ev.unseen_docs \
            and not w.pointers and not w.questions:
        # A note that only files the request (its reference given or corrected, our further
        # question added to it) and says nothing else: it has the case in hand (round 12).
        return conclude(ev, "acknowledged", filed[:1], _FILED_CONF,
                        reasons=["only acts on the request's record: its reference, or what it includes"])
    if (not weak or weak[0][0] < 1.0) and not announced:
        # No word of any status: a mailbox's notice ("requests now go through the online form", "we
        # are receiving a high number of requests") greets nobody, is signed by nobody and speaks
        # to whatever mail arrives (round 7).
        receipt = receipt_evidence(ev.text, ev.reading, ev.subject, header(ev.headers, "from"), force_ref=ev.force_ref,
                                   received=ev.received, ack_new=[], sent_on=ev.sent_on, mailbox_words=False,
                                   minutes=ev.after_request)
        if receipt.person < 1.0 and receipt.mailbox >= 3.0 and not ev.has_data and not ev.unseen_docs:
            return conclude(ev, "auto-reply", ev.body_only[:1], 0.7,
                            reasons=["a mailbox's notice: nothing of this request, no status",
                                     f"for a mailbox: {', '.join(receipt.for_mailbox)}"])
        if receipt.person < 2.0 and receipt.mailbox >= receipt.person + 1.5:
            guess = "auto-reply"
    return conclude(ev, "needs-review", shown or ev.body_only[:1], 0.2, guess=guess,
                    reasons=["no clear signal of what kind of reply this is"])

