"""Sending chasers, review requests and complaints, each exactly once, and recording them.

The same discipline as `foi send` (`foi.mail.send`, whose connection, settings and password
handling are used here): before a letter is handed to the SMTP server it is recorded as an outgoing
message of kind `sending:<event>` (claimed in a transaction that first takes the write lock, so two
runs cannot claim the same letter); once the server has accepted it, that row becomes the stored
copy and the event (`chased`, `internal-review`, `ico-complaint`) is recorded in one transaction. A
run that dies in between leaves the row `sending:`: we cannot know whether the server took it, so
the plan reports it and the next run sends it again only with `retry_unconfirmed` (with the same
Message-ID), or not at all once it is recorded by hand (`foi mark ... chased`).

A refusal the server states (550, or a 5xx/4xx to the message itself) means not sent: the claim
is dropped, a note is recorded, and the run goes on. A lost connection stops the run; the letter
in hand is in doubt (unconfirmed) only if the connection went once the message was being handed over.

The whole run holds the batch's send lock (`foi.mail.send.send_lock`, the one `foi send` takes): a
second `--send` of the same batch while one runs says so and sends nothing.

Complaints go to the Commissioner by e-mail only when foi.toml names an address ([escalate]
ico_email / sic_email); the ICO's own route is its online form, for which `--write` makes the pack.
"""

from __future__ import annotations

import hashlib
import smtplib
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date
from email.message import EmailMessage
from email.utils import parseaddr
from typing import Any

from foi.db import now_iso
from foi.errors import FoiError
from foi.escalate.drafts import CONFIG_KEYS, LAW, Draft, build_draft_message, render_drafts
from foi.escalate.plan import ACTIONS, EVENT_KIND, PENDING_PREFIX, check_steps, plan_batch
from foi.mail.send import (
    SmtpConfig,
    connect,
    message_bytes,
    send_lock,
    smtp_config,
    smtp_session,
)
from foi.storage import request_dir, write_unique
from foi.workspace import Workspace


@dataclass
class SendResult:
    batch: str
    steps: list[str]
    sent: list[dict[str, Any]] = field(default_factory=list)
    failed: list[dict[str, Any]] = field(default_factory=list)  # refused by the server: not sent
    unconfirmed: list[dict[str, Any]] = field(default_factory=list)  # may or may not have gone
    skipped: list[dict[str, Any]] = field(default_factory=list)  # no address, or changed since planned
    would_send: list[dict[str, Any]] = field(default_factory=list)  # dry run
    remaining: list[str] = field(default_factory=list)  # references not attempted after an interruption
    interrupted: str | None = None

    def as_dict(self) -> dict[str, Any]:
        return {"batch": self.batch, "steps": self.steps, "sent": self.sent, "failed": self.failed,
                "unconfirmed": self.unconfirmed, "skipped": self.skipped, "would_send": self.would_send,
                "remaining": self.remaining, "interrupted": self.interrupted}


class _Lost(Exception):
    """The connection went; `maybe_sent` when it went after the message was handed over."""

    def __init__(self, reason: str, maybe_sent: bool) -> None:
        super().__init__(reason)
        self.maybe_sent = maybe_sent


class _SenderRefused(Exception):
    pass


def _item(draft: Draft) -> dict[str, Any]:
    return {"reference": draft.step.reference, "body": draft.step.body, "step": draft.step.step, "to": draft.to}


def send_escalations(ws: Workspace, batch: str, *, today: date, only: Sequence[str] | None,
                     bodies: Sequence[str] | None = None, dry_run: bool = False, retry_unconfirmed: bool = False,
                     progress: Callable[[dict[str, Any]], None] | None = None,
                     opener: Callable[[SmtpConfig, str | None], smtplib.SMTP] = connect) -> SendResult:
    """Send the letters of the `only` steps (chase, review, complaint) that the plan calls for today."""
    wanted = check_steps(only, ACTIONS)
    if not wanted:
        raise FoiError(f"Say which letters to send: foi escalate {batch} --send --only chase (or review, complaint; "
                       "several with commas). Read them first with --write DIR.")
    from foi.batches import get_batch

    get_batch(ws.db, batch)  # an unknown name is refused before a lock file is made for it
    if dry_run:
        return _send_planned(ws, batch, wanted, today=today, bodies=bodies, dry_run=True,
                             retry_unconfirmed=retry_unconfirmed, progress=progress, opener=opener)
    # The batch's one send lock, shared with `foi send`: a second run stops here, before planning,
    # and sends nothing; a run that starts after the first plans from what the first recorded.
    with send_lock(ws, batch, f"foi escalate {batch} --send --only {','.join(wanted)}"):
        return _send_planned(ws, batch, wanted, today=today, bodies=bodies, dry_run=False,
                             retry_unconfirmed=retry_unconfirmed, progress=progress, opener=opener)


def _send_planned(ws: Workspace, batch: str, wanted: list[str], *, today: date, bodies: Sequence[str] | None,
                  dry_run: bool, retry_unconfirmed: bool, progress: Callable[[dict[str, Any]], None] | None,
                  opener: Callable[[SmtpConfig, str | None], smtplib.SMTP]) -> SendResult:
    _settle(ws, batch)
    plan = plan_batch(ws, batch, today=today, only=wanted, bodies=bodies)
    result = SendResult(batch=batch, steps=wanted)
    retry: dict[int, dict[str, Any]] = {}
    steps = []
    for step in plan.steps:
        pending = step.unconfirmed
        if pending and pending["step"] == step.step:
            result.unconfirmed.append({"reference": step.reference, "body": step.body, "step": step.step,
                                       "to": pending["to"], "on": pending["on"]})
            if not retry_unconfirmed:
                continue
            retry[step.request_id] = pending
        steps.append(step)
    plan.steps = steps
    complaints = [s for s in steps if s.step == "complaint"]
    if complaints:
        from foi.escalate.drafts import regulator_email

        for act in dict.fromkeys(s.act for s in complaints):
            if regulator_email(ws, act) is None:
                law = LAW[act]
                raise FoiError(f"Complaints to {law['regulator']} go through its website ({law['submit_url']}), not "
                               f"by e-mail: make the pack with `foi escalate {batch} --write DIR --only complaint`, "
                               f"or set {CONFIG_KEYS[act]} under [escalate] in foi.toml to send them by e-mail.")
    drafts = render_drafts(ws, plan, today=today, with_messages=False)
    built: list[tuple[Draft, EmailMessage]] = []
    for draft in drafts:
        if not draft.to:
            result.skipped.append(_item(draft) | {"reason": f"no e-mail address: send via {draft.send_via}"})
            continue
        pending = retry.get(draft.step.request_id)
        # Every message is built before anything is sent, so a bad address stops the run up front.
        message_id = pending["message_id"] if pending else None  # a retry goes with the same Message-ID
        built.append((draft, build_draft_message(ws, draft, today, message_id=message_id, sending=True)))
    if dry_run:
        result.would_send = [_item(d) | {"subject": d.subject} for d, _ in built]
        return result
    if not built:
        return result
    with smtp_session(ws, smtp_config(ws), opener) as (smtp, from_addr):
        for index, (draft, msg) in enumerate(built):
            _send_one(ws, smtp, from_addr, draft, msg, today, retry.get(draft.step.request_id), result, progress)
            if result.interrupted:
                result.remaining.extend(d.step.reference for d, _ in built[index + 1:])
                break
    return result


def _settle(ws: Workspace, batch: str) -> None:
    """Letters left unconfirmed that the user has since recorded by hand (`foi mark ... chased`) are
    no longer in doubt: their rows take the event's kind (without a stored copy)."""
    db = ws.db
    with db.atomic():
        db.conn.execute(
            "UPDATE messages SET kind = substr(kind, ?) WHERE direction = 'out' AND kind LIKE ? "
            "AND request_id IN (SELECT id FROM requests WHERE batch = ?) AND EXISTS (SELECT 1 FROM events e "
            "WHERE e.request_id = messages.request_id AND e.kind = substr(messages.kind, ?) "
            "AND e.on_date >= messages.date)",
            (len(PENDING_PREFIX) + 1, PENDING_PREFIX + "%", batch, len(PENDING_PREFIX) + 1))


def _send_one(ws: Workspace, smtp: smtplib.SMTP, from_addr: str, draft: Draft, msg: EmailMessage, today: date,
              pending: dict[str, Any] | None, result: SendResult,
              progress: Callable[[dict[str, Any]], None] | None) -> None:
    step = draft.step
    kind = EVENT_KIND[step.step]
    data = message_bytes(msg)
    row = _claim(ws, draft, msg, today, pending)
    if row is None:
        result.skipped.append(_item(draft) | {"reason": "its record changed since the plan was made: run again"})
        return
    hint = f"foi escalate {step.batch} --send --only {step.step}"
    try:
        refusal = _transmit(smtp, from_addr, draft.to or "", data)
    except _SenderRefused as exc:
        _drop_claim(ws, draft, row, f"not sent: the server refused the sender ({exc})", today)
        result.failed.append(_item(draft) | {"error": str(exc)})
        result.interrupted = (f"The server refused the sender {from_addr} ({exc}); nothing more was sent. Check "
                              f"[requester] email and [smtp] username in foi.toml, then run `{hint}` again.")
        return
    except _Lost as exc:
        if exc.maybe_sent:
            result.unconfirmed.append(_item(draft) | {"on": today.isoformat()})
            result.interrupted = (f"Connection lost ({exc}) while sending {step.reference} to {step.body}: it may or "
                                  f"may not have gone. Check your sent mail, then `{hint} --retry-unconfirmed`, or "
                                  f"`foi mark {step.batch} {step.body} {kind} --on {today.isoformat()}` if it went.")
        else:
            _drop_claim(ws, draft, row, None, today)
            result.remaining.append(step.reference)
            result.interrupted = f"Connection lost ({exc}) before {step.reference} was sent. Run `{hint}` again."
        return
    if refusal:
        _drop_claim(ws, draft, row, f"{step.step} not sent: refused by the server: {refusal}", today)
        result.failed.append(_item(draft) | {"error": refusal})
        if progress:
            progress(result.failed[-1] | {"outcome": "failed"})
        return
    try:
        _record_sent(ws, draft, row, data, today)
    except FoiError as exc:  # it went, but the record moved on meanwhile: leave it for the user to settle
        result.unconfirmed.append(_item(draft) | {"on": today.isoformat(), "error": str(exc)})
        return
    result.sent.append(_item(draft) | {"message_id": msg["Message-ID"], "message_row": row})
    if progress:
        progress(result.sent[-1] | {"outcome": "sent"})


def _claim(ws: Workspace, draft: Draft, msg: EmailMessage, today: date, pending: dict[str, Any] | None) -> int | None:
    """Record the letter as being sent, unless the request's record changed since it was planned (or
    another run claimed it). Returns the messages row."""
    db = ws.db
    step = draft.step
    kind = PENDING_PREFIX + EVENT_KIND[step.step]
    with db.atomic():
        # A write first, so this transaction holds the write lock before it reads: two runs can't both
        # see the letter unclaimed.
        db.conn.execute("UPDATE requests SET id = id WHERE id = ?", (step.request_id,))
        latest = db.conn.execute("SELECT COALESCE(MAX(id), 0) FROM events WHERE request_id = ?",
                                 (step.request_id,)).fetchone()[0]
        if latest != step.last_event_id:
            return None
        claimed = db.conn.execute("SELECT id FROM messages WHERE request_id = ? AND direction = 'out' AND kind = ?",
                                  (step.request_id, kind)).fetchall()
        if pending is not None:
            return int(pending["row"]) if any(r[0] == pending["row"] for r in claimed) else None
        if claimed:
            return None
        cursor = db.conn.execute(
            "INSERT INTO messages (message_id, request_id, direction, from_addr, to_addr, subject, date, kind, "
            "matched_by, imported_at) VALUES (?,?,'out',?,?,?,?,?,'escalate',?)",
            (msg["Message-ID"], step.request_id, parseaddr(str(msg["From"]))[1], draft.to, draft.subject,
             today.isoformat(), kind, now_iso()))
        return int(cursor.lastrowid)  # type: ignore[arg-type]


def _drop_claim(ws: Workspace, draft: Draft, row: int, note: str | None, today: date) -> None:
    from foi.tracking import record_event

    db = ws.db
    with db.atomic():
        db.conn.execute("DELETE FROM messages WHERE id = ?", (row,))
        if note:
            record_event(db, draft.step.request_id, "note", today, source="send", note=note,
                         extra_holidays=ws.extra_holidays)


def _record_sent(ws: Workspace, draft: Draft, row: int, data: bytes, today: date) -> None:
    """Keep a copy with the replies, and turn the claim into the sent message and its event."""
    from foi.tracking import record_event

    db = ws.db
    step = draft.step
    kind = EVENT_KIND[step.step]
    path = write_unique(request_dir(ws, step.request), f"sent-{step.reference}-{step.step}.eml", data)
    with db.atomic():
        db.conn.execute("UPDATE messages SET kind = ?, path = ?, sha256 = ?, date = ? WHERE id = ?",
                        (kind, path.relative_to(ws.root).as_posix(), hashlib.sha256(data).hexdigest(),
                         today.isoformat(), row))
        record_event(db, step.request_id, kind, today, source="send", note=f"to {draft.to}", message_row=row,
                     extra_holidays=ws.extra_holidays)


def _transmit(smtp: smtplib.SMTP, from_addr: str, to_addr: str, data: bytes) -> str | None:
    """Hand one message over with smtplib's sendmail. None when accepted, else the server's refusal;
    _Lost when the connection goes, _SenderRefused when MAIL FROM is refused."""
    try:
        smtp.ehlo_or_helo_if_needed()
        options = ["BODY=8BITMIME"] if smtp.has_extn("8bitmime") and any(b > 127 for b in data) else []
    except (smtplib.SMTPException, OSError) as exc:
        raise _Lost(str(exc) or "connection closed", maybe_sent=False) from None
    # sendmail does not say at which command a connection went; watching for DATA tells "not sent"
    # (lost before the message was offered) from "may have gone" (lost while or after handing it over).
    offered = False
    send_data = smtp.data

    def watched_data(msg: bytes) -> tuple[int, bytes]:
        nonlocal offered
        offered = True
        return send_data(msg)

    smtp.data = watched_data  # type: ignore[method-assign]
    try:
        smtp.sendmail(from_addr, [to_addr], data, mail_options=options)
    except smtplib.SMTPSenderRefused as exc:
        if exc.smtp_code == 421:  # the server is closing the connection: nothing was handed over
            raise _Lost(_reply(exc.smtp_code, exc.smtp_error), maybe_sent=False) from None
        raise _SenderRefused(_reply(exc.smtp_code, exc.smtp_error)) from None
    except smtplib.SMTPRecipientsRefused as exc:
        code, resp = next(iter(exc.recipients.values()))
        if code == 421:
            raise _Lost(_reply(code, resp), maybe_sent=False) from None
        return _reply(code, resp)
    except smtplib.SMTPDataError as exc:  # the server answered the message: it was not taken
        return _reply(exc.smtp_code, exc.smtp_error)
    except smtplib.SMTPHeloError as exc:
        raise _Lost(_reply(exc.smtp_code, exc.smtp_error), maybe_sent=False) from None
    except (smtplib.SMTPException, OSError) as exc:
        raise _Lost(str(exc) or "connection closed", maybe_sent=offered) from None
    finally:
        del smtp.data  # the instance's own method again
    return None


def _reply(code: int, resp: bytes | str) -> str:
    text = resp.decode("utf-8", "replace") if isinstance(resp, bytes) else str(resp)
    return f"{code} {' '.join(text.split())}".strip()
