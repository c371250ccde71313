"""Automatic replies: marked in the headers or subject, or a person away from the office."""

from __future__ import annotations

import re
from collections.abc import Mapping

from foi.mail.evidence import Gathered, header, receipt_evidence
from foi.mail.kinds import Classification
from foi.mail.signals import AUTO_BODY_RE, AUTO_SUBJECT_RE
from foi.mail.verdict import conclude

# A person away, as against a system's receipt.
_OUT_OF_OFFICE_RE = re.compile(r"\b(?:out\s+of\s+(?:the\s+)?office|on\s+(?:annual\s+)?leave"
                               r"|away\s+from\s+(?:the\s+|my\s+)?(?:office|desk))\b", re.I)


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



def read_auto_reply(ev: Gathered) -> Classification | None:
    """The reply as an auto-reply, or None when it is not one."""
    auto = _auto_reply(ev.subject, ev.headers)
    if auto:
        return conclude(ev, "auto-reply", [auto], 0.97, reasons=["marked as an automatic reply"])
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
    if any(AUTO_BODY_RE.search(s) for s in ev.reading.of("new", "conditional")) and ev.scores["data"] < 2 and (
            away or not receipt_words):
        said = [s for s in ev.reading.of("new", "conditional") if AUTO_BODY_RE.search(s)]
        return conclude(ev, "auto-reply", said[:1], 0.85,
                        reasons=["reads as an out-of-office reply"])
    return None
