"""Automatic replies: marked in the headers or subject, or a person away from the office."""

from __future__ import annotations

import re
from collections.abc import Mapping

from foi.mail.reading.answers import narrative_facts
from foi.mail.reading.evidence import Gathered, header, receipt_evidence
from foi.mail.reading.kinds import Classification
from foi.mail.reading.signals import AUTO_BODY_RE, AUTO_SUBJECT_RE, PERSON_AWAY
from foi.mail.reading.verdict import conclude

# A person away, as against a system's receipt.
_OUT_OF_OFFICE_RE = re.compile(r"\b(?:out\s+of\s+(?:the\s+)?office|on\s+(?:annual\s+)?leave"
                               r"|away\s+from\s+(?:the\s+|my\s+)?(?:office|desk))\b|" + PERSON_AWAY, re.I)


# The mail system speaking about the mail itself: it could not be delivered. Nobody has read our
# request; nothing about it has changed.
_UNDELIVERED_RE = re.compile(
    r"\bdelivery\s+(?:status\s+notification|has\s+failed|failed|failure|report)\b|\bundeliverable\b"
    r"|\b(?:message|e-?mail|mail)\s+(?:\w+\s+){0,2}?(?:could\s+not|cannot|can't|was\s+not|wasn't|has\s+not\s+been"
    r"|couldn't)\s+(?:be\s+)?(?:delivered|sent)\b|\bmail\s+delivery\s+(?:subsystem|system)\b"
    r"|\b(?:unknown|invalid)\s+(?:recipient|user|address|mailbox)\b",
    re.I,
)
# The whole office away, not a person: "the information unit is closed until 4 January", "e-mails
# will not be read while the office is shut".
_CLOSED_RE = re.compile(
    r"\b(?:office|unit|team|department|section|bureau|mailbox|inbox)\s+(?:is|are|will\s+be)\s+(?:now\s+|currently\s+"
    r"|temporarily\s+)?(?:closed|shut)\s+(?:until|till|from|over|between|for|on)\b"
    r"|\b(?:e-?mails?|messages?|mail|correspondence)\s+(?:will|are|is)\s+not\s+(?:be(?:ing)?\s+)?(?:read|monitored|opened"
    r"|answered|actioned|checked|picked\s+up|dealt\s+with)\b",
    re.I,
)


# Signals of a letter that decides something about the request.
_DECIDING = ("refused", "firm", "not-held", "held", "partial", "scoped", "extended", "clarification", "review", "data")


def _auto_reply(subject: str, headers: Mapping[str, str] | None) -> str | None:
    """The header or subject line that marks an automatic reply, or None."""
    auto = header(headers, "auto-submitted").strip().lower()
    if auto.startswith("auto-replied"):
        return f"Auto-Submitted: {auto}"
    for name in ("x-autoreply", "x-autorespond", "x-auto-response-suppress-reply"):
        value = header(headers, name).strip()
        if value and value.lower() not in ("no", "false", "0"):
            return f"{name}: {value}"
    precedence = header(headers, "precedence").strip().lower()
    if precedence in ("auto_reply", "auto-reply", "bulk", "junk"):
        return f"Precedence: {precedence}"
    if AUTO_SUBJECT_RE.search(subject or ""):
        return subject.strip()
    return None



# What an absence notice says besides the absence: when back, whom to call, where to write.
_NOTICE_WORDS_RE = re.compile(r"\b(?:urgent|contact|call|ring|telephone|phone|e-?mail|forward|return|back|colleague"
                              r"|inbox|mailbox|address|leave|absent|away|office)\b", re.I)


def _facts_beside_absence(ev: Gathered) -> list[str]:
    """Facts with figures or dates in the authority's words that are no part of an absence notice
    (not when they are back, nor whom to call): an answer's, which a line about leave does not
    turn into an out-of-office reply."""
    return [s for s in narrative_facts(ev.reading.of("new")) if not _NOTICE_WORDS_RE.search(s)]


def read_auto_reply(ev: Gathered) -> Classification | None:
    """The reply as an auto-reply, or None when it is not one."""
    auto = _auto_reply(ev.subject, ev.headers)
    if auto:
        return conclude(ev, "auto-reply", [auto], 0.97, reasons=["marked as an automatic reply"])
    own = ev.reading.of("new", "conditional", "boilerplate")
    # (A letter that decides anything, and says in passing that an earlier e-mail bounced or that
    # the office shuts on Fridays, is that decision.)
    decides = max(ev.scores[k] for k in _DECIDING) >= 1.5
    if ev.scores["data"] < 2 and not ev.has_data and not decides:
        bounce = [x for x in (ev.subject, *own) if _UNDELIVERED_RE.search(x)]
        if bounce:
            return conclude(ev, "auto-reply", bounce[:1], 0.9,
                            reasons=["the mail system: our message was not delivered"])
        closed = [x for x in own if _CLOSED_RE.search(x)]
        if closed and not ev.acked and ev.scores["acknowledged"] < 1.5:
            return conclude(ev, "auto-reply", closed[:1], 0.85,
                            reasons=["the office is closed: a mailbox's notice, nobody has read it"])
    away = bool(_OUT_OF_OFFICE_RE.search(ev.text or ""))
    # "This is an automated message" over a receipt is weighed with the receipt (below); a person
    # away from the office is an auto-reply whatever else it says.
    receipt_words = ev.scores["generic"] >= 1.5 or ev.scores["acknowledged"] >= 1.5
    if away and ev.scores["acknowledged"] >= 1.5:
        # "Your request is logged as FOI 0931/25 ... I am on leave until Monday": a person's
        # acknowledgement that mentions their leave, when it handles the case plainly enough.
        handled = receipt_evidence(ev.text, ev.reading, ev.subject, header(ev.headers, "from"), force_ref=ev.force_ref,
                                   received=ev.received, ack_new=ev.ack_new, sent_on=ev.sent_on, mailbox_words=False,
                                   minutes=ev.after_request)
        away = not (handled.person >= 4.0 and handled.mailbox < 2.0)
    # (Nor a short answer whose writer says in passing that they are away: "In 2023 the cameras
    # recorded 5,210 contraventions. I am on leave until Monday." gives figures as answers: round 14.)
    if any(AUTO_BODY_RE.search(s) for s in ev.reading.of("new", "conditional")) and ev.scores["data"] < 2 and (
            away or not receipt_words) and not ev.reading.answers and len(_facts_beside_absence(ev)) < 2:
        said = [s for s in ev.reading.of("new", "conditional") if AUTO_BODY_RE.search(s)]
        return conclude(ev, "auto-reply", said[:1], 0.85,
                        reasons=["reads as an out-of-office reply"])
    return None
