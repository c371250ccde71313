"""Letters before the answer: extensions, clarifications, receipts, and too little to decide."""

from __future__ import annotations

import re

from foi.mail.evidence import Gathered, header, new_date, receipt_evidence
from foi.mail.kinds import STATUS_KINDS, Classification
from foi.mail.receipts import verdict as receipt_verdict
from foi.mail.verdict import conclude
from foi.mail.weighing import Weighed


def before_answer(ev: Gathered, w: Weighed) -> Classification:
    """The reply as a letter before the answer, or needs-review with the best guess."""
    # The stage's inputs, under the names its rules use.
    subject, text, headers, has_data, unseen_docs = ev.subject, ev.text, ev.headers, ev.has_data, ev.unseen_docs
    reading, new, own, force_ref, sent_on = ev.reading, ev.new, ev.own, ev.force_ref, ev.sent_on
    after_request, received, scores, evidence = ev.after_request, ev.received, ev.scores, ev.evidence
    acked, body_only, ack_new, case_marks, specific = ev.acked, ev.body_only, ev.ack_new, ev.case_marks, ev.specific
    rival_evidence = ev.rival_evidence
    ack, answers, clar, data, ext, pointers = w.ack, w.answers, w.clar, w.data, w.ext, w.pointers
    questions, statements = w.questions, w.statements
    if ext >= 1.5 and clar >= 1.5:
        return conclude(ev, "needs-review", evidence["extended"][:1] + evidence["clarification"][:1], 0.3,
                        guess="extended", reasons=["asks for more time and asks us a question"])
    if ext >= 1.5:
        until = new_date(evidence["extended"], new, own, sent_on)
        conf = 0.55 + 0.08 * ext + (0.05 if until else -0.05)
        when = f"new date {until.isoformat()}" if until else "no date given"
        return conclude(ev, "extended", evidence["extended"][:2], min(0.95, conf), until=until,
                        reasons=[f"more time is taken; {when}"])
    if clar >= 1.5 or (questions and clar >= 1.0):
        conf = 0.55 + 0.08 * clar + (0.05 if questions else 0.0)
        why = ["they ask us a question before they can answer"]
        specifics = any(re.search(r"\b(?:which|what|dates?|period|years?|offences?|type|specify|clarify|exactly"
                                  r"|mean|meant)\b", x, re.I) for x in evidence["clarification"])
        if not questions and clar < 2 and not specifics:
            # Only a polite "please let us know if ..." with no question put, nothing about what
            # to search and no word of needing clarification: an answer can close that way too.
            conf = min(conf, 0.55)
            why.append("no question is put to us in so many words")
        if scores["held"] or statements >= 1.0 or answers:
            conf = min(conf, 0.5)
            why.append("also says what is held or given")
        return conclude(ev, "clarification", (evidence["clarification"] + questions)[:2], min(0.95, conf), reasons=why)
    if (unseen_docs or pointers) and not any(v >= 1.5 for v in (ack, scores["generic"])):
        why = ("an attached document could not be read" if unseen_docs
               else "the answer is in an attachment not seen here")
        return conclude(ev, "needs-review", pointers[:1] or body_only[:1], 0.35, guess="responded", reasons=[why])
    if acked and not has_data and reading.tables < 3 and scores["data"] < 1.5:
        # Thanks, receipt and a reply to come, and nothing given in words or attached: the numbered
        # lines are the request restated, not answers (round 9).
        rival_evidence["information given"] = False
    if scores["generic"] >= 1.5 or ack >= 1.5 or (ack >= 1.0 and specific):
        # A receipt: a person's acknowledgement or a mailbox's, weighed on the message's structure
        # as much as its wording (foi.mail.receipts; issue 12, round 7).
        receipt = receipt_evidence(text, reading, subject, header(headers, "from"), force_ref=force_ref,
                                   received=received, ack_new=ack_new, sent_on=sent_on,
                                   mailbox_words=scores["generic"] >= 1.5, minutes=after_request)
        said = evidence["generic"][:1] + evidence["acknowledged"][:1]
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
        conf = 0.6 + 0.08 * min(max(ack, 1.0), 4) + 0.04 * min(receipt.person - receipt.mailbox, 4)
        note = ("states the date of receipt " + received.isoformat()) if received else "states no date of receipt"
        reasons = [f"acknowledgement; {note}"] + (["names " + ", ".join(case_marks)] if case_marks else []) + weighed
        if ack + scores["generic"] < 1.5:
            # "Thank you for your email received on ..." opens answers as well as receipts: alone,
            # with nothing about logging it or replying within 20 days, it is only an opening.
            conf = min(conf, 0.5)
            reasons.append("only thanks them for the request; says nothing of dealing with it")
        return conclude(ev, "acknowledged", evidence["acknowledged"][:2] or said, min(0.95, conf), reasons=reasons)
    # Too little to decide; the strongest hint is still shown as the guess, so that reviewing it is
    # one keystroke: information given reads as a response, a refusal's words as a refusal.
    as_kind = {"data": "responded", "lead": "responded", "held": "responded", "firm": "refused",
               "scoped": "partial", "partial": "partial"}
    hints = dict(scores)
    hints["data"] = max(hints.get("data", 0.0), data)
    weak = sorted(((v, as_kind.get(k, k)) for k, v in hints.items()
                   if v > 0 and (evidence[k] or k == "data") and as_kind.get(k, k) in STATUS_KINDS), reverse=True)
    guess = weak[0][1] if weak else "needs-review"
    shown = [evidence[k][0] for k in hints if evidence[k] and as_kind.get(k, k) == guess][:1]
    if not weak or weak[0][0] < 1.0:
        # No word of any status: a mailbox's notice ("requests now go through the online form", "we
        # are receiving a high number of requests") greets nobody, is signed by nobody and speaks
        # to whatever mail arrives (round 7).
        receipt = receipt_evidence(text, reading, subject, header(headers, "from"), force_ref=force_ref,
                                   received=received, ack_new=[], sent_on=sent_on, mailbox_words=False,
                                   minutes=after_request)
        if receipt.person < 1.0 and receipt.mailbox >= 3.0 and not has_data and not unseen_docs:
            return conclude(ev, "auto-reply", body_only[:1], 0.7,
                            reasons=["a mailbox's notice: nothing of this request, no status",
                                     f"for a mailbox: {', '.join(receipt.for_mailbox)}"])
        if receipt.person < 2.0 and receipt.mailbox >= receipt.person + 1.5:
            guess = "auto-reply"
    return conclude(ev, "needs-review", shown or body_only[:1], 0.2, guess=guess,
                    reasons=["no clear signal of what kind of reply this is"])

