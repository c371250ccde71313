"""Read a public body's reply to an FOI request and say what kind of reply it is.

Everything here is a pure function of the text: no database, no clock. The inbox importer
feeds it the mail's subject, text, headers and the text of attached letters, and records the
result as an event.

A reply is read in context first (:mod:`foi.mail.reading.segments`): only the authority's new text
decides, never our request quoted back, earlier correspondence, history, hypotheticals or the
rights paragraph. Each decision carries its evidence and a confidence. A wrong automatic status
change is worse than asking the user, so below :data:`AUTOMATIC` the reply is ``needs-review``
with the best guess kept in ``guess``, for a one-keystroke review (:mod:`foi.mail.review`).

:func:`classify` is a pipeline of stages, each in a module named for it:

1. :mod:`foi.mail.reading.evidence` gathers the evidence (the reading in context, attachments via
   :mod:`foi.mail.reading.attachments`, reference, dates, the signals scored by :mod:`foi.mail.reading.scoring`)
   into one :class:`~foi.mail.reading.evidence.Gathered`;
2. :mod:`foi.mail.reading.autoreply` settles automatic replies;
3. :mod:`foi.mail.reading.weighing` weighs what is given, withheld, not held, asked or put off (part by
   part through :mod:`foi.mail.reading.parts`) and records the evidence for each rival status;
4. :mod:`foi.mail.reading.internal_review` reads internal review outcomes;
5. :mod:`foi.mail.reading.arbitrate` decides the kind of a final answer;
6. :mod:`foi.mail.reading.confidence` weighs what puts that answer in doubt;
7. :mod:`foi.mail.reading.interim` reads the letters that come before an answer (more time, a question,
   a receipt), else keeps the best guess for review.

Every stage ends in :func:`foi.mail.reading.verdict.conclude`, which applies the rivals and the
:data:`AUTOMATIC` threshold, and fills in sections, NCND and the rest of the
:class:`Classification` (:mod:`foi.mail.reading.kinds`).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime
from email.message import EmailMessage

from foi.mail.reading.arbitrate import arbitrate
from foi.mail.reading.autoreply import read_auto_reply
from foi.mail.reading.confidence import settle
from foi.mail.reading.evidence import Reply, gather
from foi.mail.reading.interim import before_answer, read_deferral
from foi.mail.reading.internal_review import read_review
from foi.mail.reading.kinds import ANSWER_GATED, AUTOMATIC, KINDS, STATUS_KINDS, Classification
from foi.mail.reading.weighing import weigh
from foi.mail.text import message_parts

__all__ = ["ANSWER_GATED", "AUTOMATIC", "KINDS", "STATUS_KINDS", "Classification", "classify", "classify_message"]


def classify(
    subject: str,
    text: str,
    attachment_names: Sequence[str] = (),
    attachment_texts: Sequence[str] = (),
    headers: Mapping[str, str] | None = None,
    *,
    request_text: str | None = None,
    request_sent: datetime | None = None,
) -> Classification:
    """Classify one reply. ``attachment_texts`` are the texts of attached letters (from
    :func:`foi.mail.text.attachment_text`), in the order of ``attachment_names`` when both are
    given. ``request_text`` is our request as sent, when known: wherever they quote it, it is
    never read as theirs. ``request_sent`` is when it was sent (its Date): a receipt that arrives
    within minutes of it is a machine's more likely than a person's."""
    ev = gather(Reply(subject, text, attachment_names, attachment_texts, headers, request_text=request_text,
                      request_sent=request_sent))
    # Each stage either decides or hands on: an auto-reply, an internal review's outcome, a final
    # answer (as arbitrated, then weighed for doubt), else a letter that comes before the answer.
    early = read_auto_reply(ev)
    if early is not None:
        return early
    weighed = weigh(ev)
    review = read_review(ev, weighed)
    if review is not None:
        return review
    # An answer put off to a stated date is an extension, whatever part is answered now.
    deferred = read_deferral(ev)
    if deferred is not None:
        return deferred
    arbitrated = arbitrate(ev, weighed)
    if isinstance(arbitrated, Classification):
        return arbitrated
    return settle(ev, weighed, arbitrated) or before_answer(ev, weighed)


def classify_message(msg: EmailMessage, *, request_text: str | None = None) -> Classification:
    """:func:`classify` a parsed mail (``email.message_from_bytes(data, policy=email.policy.default)``)."""
    subject, text, names, texts, headers = message_parts(msg)
    return classify(subject, text, names, texts, headers, request_text=request_text)
