"""Sending a batch's requests over SMTP, each exactly once.

Before a message is handed over the request is recorded as `sending`; once the server has
accepted it, `sent`. If the run dies in between, the request stays `sending`: we cannot know
whether the server took the message, so the next run reports it and sends it again only with
`retry_unconfirmed`. A refusal the server states (550 at RCPT, or 451/554 after the message
itself) is a `failed` event with the server's words, retried by the next run, and the batch goes
on; a lost connection (or 421) stops the batch with how to resume. Only one `foi send` of a
batch runs at a time (`send_lock`): a second one says so and sends nothing.

The password comes from FOI_SMTP_PASSWORD or the system keyring and is never stored, logged or
put into an error message.
"""

from __future__ import annotations

import contextlib
import os
import smtplib
import ssl
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date
from email.generator import BytesGenerator
from email.message import EmailMessage
from email.policy import SMTP
from email.utils import parseaddr
from io import BytesIO
from pathlib import Path
from typing import Any

from foi.batches import batch_requests, get_batch
from foi.db import now_iso
from foi.errors import FoiError
from foi.letters import Letter, build_message, new_message_id, render_letters
from foi.mail.servers import server_settings
from foi.storage import request_dir, write_unique
from foi.workspace import Workspace

DEFAULT_PORTS = {"starttls": 587, "ssl": 465, "none": 25}
PASSWORD_ENV = "FOI_SMTP_PASSWORD"
KEYRING_SERVICE = "foi-smtp"
# A request in one of these states may be (re)sent; `failed` so that a fixed address can be retried.
SENDABLE = ("draft", "failed")


@dataclass(frozen=True)
class SmtpConfig:
    host: str
    port: int
    security: str  # starttls | ssl | none
    username: str
    timeout: float = 30.0


@dataclass
class SendResult:
    batch: str
    sent: list[dict[str, Any]] = field(default_factory=list)
    failed: list[dict[str, Any]] = field(default_factory=list)
    unconfirmed: list[dict[str, Any]] = field(default_factory=list)  # left `sending` by an earlier run
    skipped: list[dict[str, Any]] = field(default_factory=list)  # no e-mail address
    written: list[Path] = field(default_factory=list)  # outbox files
    would_send: list[dict[str, Any]] = field(default_factory=list)  # dry run
    already_sent: int = 0
    remaining: list[str] = field(default_factory=list)  # references not attempted (limit, interruption)
    interrupted: str | None = None  # why the run stopped early, with how to resume
    in_doubt: list[dict[str, Any]] = field(default_factory=list)  # still `sending` when the run ended


def smtp_config(ws: Workspace) -> SmtpConfig:
    """[smtp] from foi.toml; `security` or the older `starttls = true` / `ssl = true` forms."""
    settings, _raw = server_settings(
        ws, "smtp", default_security="starttls", ports=DEFAULT_PORTS,
        missing_host="use `foi send NAME --outbox DIR` to send from your own mail client")
    return SmtpConfig(host=settings.host, port=settings.port, security=settings.security,
                      username=settings.username, timeout=settings.timeout)


def secret(env: str, service: str, username: str) -> str | None:
    """A password from the environment, else the system keyring when the optional extra is installed."""
    value = os.environ.get(env)
    if value:
        return value
    try:
        import keyring
    except ImportError:
        return None
    try:
        return keyring.get_password(service, username) or None
    except Exception:  # noqa: BLE001 - a broken keyring backend means "no password there"
        return None


def redact(text: str, password: str | None) -> str:
    """Remove the password (and its AUTH PLAIN/LOGIN encodings) from a server reply."""
    if not password:
        return text
    import base64

    for form in (password, base64.b64encode(password.encode()).decode()):
        text = text.replace(form, "********")
    return text


def _reply(code: int, resp: bytes | str, password: str | None = None) -> str:
    text = resp.decode("utf-8", "replace") if isinstance(resp, bytes) else str(resp)
    return redact(f"{code} {' '.join(text.split())}".strip(), password)


def connect(config: SmtpConfig, password: str | None) -> smtplib.SMTP:
    """An open, logged-in SMTP connection; FoiError with the server's reply when that fails."""
    where = f"{config.host}:{config.port}"
    try:
        if config.security == "ssl":
            smtp: smtplib.SMTP = smtplib.SMTP_SSL(config.host, config.port, timeout=config.timeout,
                                                  context=ssl.create_default_context())
        else:
            smtp = smtplib.SMTP(config.host, config.port, timeout=config.timeout)
        smtp.ehlo()
        if config.security == "starttls":
            if not smtp.has_extn("starttls"):
                smtp.close()
                raise FoiError(f"{where} does not offer STARTTLS; refusing to send the password unencrypted. "
                               "Use security = \"ssl\" with port 465, or ask your provider for the right port.")
            smtp.starttls(context=ssl.create_default_context())
            smtp.ehlo()
        if config.username:
            if not password:
                smtp.close()
                raise FoiError(f"No SMTP password: set the {PASSWORD_ENV} environment variable "
                               f"(or store it in your keyring as service {KEYRING_SERVICE!r}).")
            smtp.login(config.username, password)
        return smtp
    except smtplib.SMTPAuthenticationError as exc:
        reply = _reply(exc.smtp_code, exc.smtp_error, password)
        raise FoiError(f"SMTP login as {config.username} to {where} failed: {reply}. "
                       f"Check [smtp] username and {PASSWORD_ENV}.") from None
    except smtplib.SMTPException as exc:
        raise FoiError(f"SMTP server {where} said: {redact(str(exc), password)}") from None
    except ssl.SSLError as exc:
        raise FoiError(f"TLS with {where} failed ({exc.reason or exc}). Check [smtp] port and security.") from None
    except OSError as exc:
        raise FoiError(f"Can't connect to SMTP server {where}: {exc}. Check [smtp] host and port.") from None


def message_bytes(msg: EmailMessage) -> bytes:
    out = BytesIO()
    BytesGenerator(out, policy=SMTP).flatten(msg)
    return out.getvalue()


class _Disconnected(Exception):
    """The connection was lost; `accepted_unknown` when it happened after the message was handed over."""

    def __init__(self, reason: str, accepted_unknown: bool) -> None:
        super().__init__(reason)
        self.accepted_unknown = accepted_unknown


class _SenderRefused(Exception):
    """MAIL FROM refused: every message of the run would fail the same way."""


class _RefusedAndClosing(Exception):
    """421 after the message: not taken, and the server is closing the connection."""


def _transmit(smtp: smtplib.SMTP, from_addr: str, to_addr: str, data: bytes) -> str | None:
    """Hand one message over. None when accepted, else the server's refusal; _Disconnected on loss."""
    try:
        smtp.ehlo_or_helo_if_needed()
        options = ["BODY=8BITMIME"] if smtp.has_extn("8bitmime") and any(b > 127 for b in data) else []
        code, resp = smtp.mail(from_addr, options)
        if code == 421:
            raise _Disconnected(_reply(code, resp), accepted_unknown=False)
        if code != 250:
            smtp.rset()
            raise _SenderRefused(_reply(code, resp))
        code, resp = smtp.rcpt(to_addr)
        if code == 421:
            raise _Disconnected(_reply(code, resp), accepted_unknown=False)
        if code not in (250, 251):
            smtp.rset()
            return _reply(code, resp)
    except (smtplib.SMTPServerDisconnected, OSError) as exc:
        raise _Disconnected(str(exc) or "connection closed", accepted_unknown=False) from None
    try:
        # smtplib raises for a refused DATA command, but *returns* the reply to the message
        # itself: 451/554 there means the server did not take it.
        code, resp = smtp.data(data)
    except smtplib.SMTPDataError as exc:
        # The server answered: the message was not taken.
        try:
            smtp.rset()
        except (smtplib.SMTPException, OSError):
            pass
        return _reply(exc.smtp_code, exc.smtp_error)
    except (smtplib.SMTPServerDisconnected, OSError) as exc:
        raise _Disconnected(str(exc) or "connection closed", accepted_unknown=True) from None
    if code == 421:
        raise _RefusedAndClosing(_reply(code, resp))
    if not 200 <= code < 300:
        try:
            smtp.rset()
        except (smtplib.SMTPException, OSError):
            pass
        return _reply(code, resp)
    return None


@contextlib.contextmanager
def send_lock(ws: Workspace, name: str, command: str | None = None) -> Iterator[None]:
    """Hold the batch's send lock; FoiError at once when another run holds it.

    One lock per batch for every command that sends its mail (`foi send NAME`, `foi escalate NAME
    --send`), so two of them can never hand the same letter over twice. `command` is what this
    run is (kept in the lock file beside the process id, so the one refused can name the holder).
    An OS file lock, so a run killed with -9 never leaves it held."""
    command = command or f"foi send {name}"
    folder = ws.db_path.parent
    path = folder / f".send-{name}.lock"
    try:
        fh = open(path, "a+")  # noqa: SIM115 - held for the whole block
    except OSError as exc:
        raise FoiError(f"Can't create the send lock {path}: {exc.strerror or exc}. "
                       "Is the workspace writable?") from None
    try:
        try:
            _lock_file(fh)
        except OSError:
            fh.seek(0)
            pid, _, holder = fh.read().strip().partition("\n")
            raise FoiError(f"Another `{holder.strip() or f'foi send {name}'}` is running"
                           f"{f' (process {pid})' if pid else ''}: wait for it to finish, then run "
                           f"`{command}` again if anything is left.") from None
        fh.seek(0)
        fh.truncate()
        fh.write(f"{os.getpid()}\n{command}")
        fh.flush()
        yield
    finally:
        fh.close()  # closing releases the lock


def _lock_file(fh: Any) -> None:
    try:
        import fcntl
    except ImportError:  # Windows
        import msvcrt

        fh.seek(0)
        msvcrt.locking(fh.fileno(), msvcrt.LK_NBLCK, 1)
        return
    fcntl.flock(fh.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)


def _item(letter: Letter) -> dict[str, Any]:
    return {"reference": letter.request["reference"], "body": letter.body["slug"],
            "to": letter.body.get("foi_email")}


def send_batch(ws: Workspace, name: str, *, today: date, only: list[str] | None = None, limit: int | None = None,
               delay: float = 0.0, dry_run: bool = False, retry_unconfirmed: bool = False,
               outbox: Path | None = None, mark_sent: bool = False,
               progress: Callable[[dict[str, Any]], None] | None = None,
               opener: Callable[[SmtpConfig, str | None], smtplib.SMTP] = connect,
               sleep: Callable[[float], None] = time.sleep) -> SendResult:
    """Send (or write to `outbox`) every draft request of a batch that has not been sent."""
    from foi.tracking import record_event

    db = ws.db
    get_batch(db, name)
    if limit is not None and limit < 1:
        raise FoiError("--limit must be 1 or more.")
    if delay < 0:
        raise FoiError("--delay can't be negative.")
    if mark_sent and outbox is None:
        raise FoiError("--mark-sent only goes with --outbox.")
    result = SendResult(batch=name)
    todo: list[dict[str, Any]] = []
    for request in batch_requests(db, name, only):
        status = request["status"]
        if status == "sending":
            result.unconfirmed.append({"reference": request["reference"], "body": request["body"]})
            if retry_unconfirmed:
                todo.append(request)
        elif status in SENDABLE:
            todo.append(request)
        else:
            result.already_sent += 1
    ready = []
    for letter in render_letters(ws, name, today=today, requests=todo):
        if letter.body.get("foi_email"):
            ready.append(letter)
        else:
            result.skipped.append(_item(letter) | {
                "reason": f"no e-mail address: send via {letter.body.get('portal') or letter.body.get('website')}"})
    if limit is not None:
        result.remaining = [letter.request["reference"] for letter in ready[limit:]]
        ready = ready[:limit]
    # Every message is built before anything is sent, so a bad address stops the run up front.
    built = [(letter, build_message(ws, letter, message_id=letter.request.get("message_id") or "<dry-run@foi>"))
             for letter in ready]
    if dry_run:
        result.would_send = [_item(letter) | {"subject": letter.subject} for letter in ready]
        return result
    with send_lock(ws, name):
        if outbox is None and ready:
            # Another run may have sent some of these while this one waited to start.
            fresh = {r["id"]: r["status"] for r in batch_requests(db, name, only)}
            built = [(letter, msg) for letter, msg in built
                     if fresh.get(letter.request["id"]) == letter.request["status"]]
        _assign_message_ids(ws, [letter.request for letter, _ in built])
        if outbox is not None:
            _write_outbox(ws, built, outbox, mark_sent, today, result, progress, record_event)
        elif built:
            _send_built(ws, name, built, result, today=today, delay=delay, progress=progress, opener=opener,
                        sleep=sleep, record_event=record_event)
    result.in_doubt = [{"reference": r["reference"], "body": r["body"]}
                       for r in batch_requests(db, name, only) if r["status"] == "sending"]
    return result


def _send_built(ws: Workspace, name: str, built: list[tuple[Letter, EmailMessage]], result: SendResult, *,
                today: date, delay: float, progress: Callable[[dict[str, Any]], None] | None,
                opener: Callable[[SmtpConfig, str | None], smtplib.SMTP], sleep: Callable[[float], None],
                record_event: Callable[..., int]) -> None:
    """The SMTP part of `send_batch`, under the batch's send lock."""
    db = ws.db
    config = smtp_config(ws)
    with smtp_session(ws, config, opener) as (smtp, from_addr):
        for index, (letter, _) in enumerate(built):
            if index and delay:
                sleep(delay)
            request = letter.request
            message_id = _ensure_message_id(ws, request)
            msg = build_message(ws, letter, message_id=message_id)
            data = message_bytes(msg)
            to_addr = letter.body["foi_email"]
            if request["status"] != "sending":  # a --retry-unconfirmed one is already recorded as sending
                try:
                    record_event(db, request["id"], "sending", today, source="send", note=f"to {to_addr}")
                except FoiError as exc:  # disk full, read-only: nothing was handed over
                    result.remaining = [r.request["reference"] for r, _ in built[index:]] + result.remaining
                    result.interrupted = f"{exc} Stopped before sending {request['reference']}; nothing more was sent."
                    break
            try:
                refusal = _transmit(smtp, from_addr, to_addr, data)
            except _Disconnected as exc:
                if not exc.accepted_unknown:
                    record_event(db, request["id"], "failed", today, source="send",
                                 note=f"connection lost before the message was handed over ({exc}); not sent")
                    left = [r.request["reference"] for r, _ in built[index:]]
                else:
                    result.unconfirmed.append(_item(letter))
                    left = [r.request["reference"] for r, _ in built[index + 1:]]
                result.remaining = left + result.remaining
                hint = f"foi send {name}"
                result.interrupted = (
                    f"Connection to {config.host} lost ({exc}) after {len(result.sent)} sent. "
                    f"Run `{hint}` again to send the {len(result.remaining)} not yet sent"
                    + (f"; {request['reference']} may or may not have gone: check your sent mail, then "
                       f"`{hint} --retry-unconfirmed` or `foi mark {name} {request['body']} sent`"
                       if exc.accepted_unknown else "") + "."
                )
                break
            except (_RefusedAndClosing, _SenderRefused) as exc:
                # Refused, and nothing more can go this run: the sender is refused, or the server is closing.
                closing = isinstance(exc, _RefusedAndClosing)
                record_event(db, request["id"], "failed", today, source="send",
                             note=f"{'refused by server' if closing else 'sender refused'}: {exc}")
                result.failed.append(_item(letter) | {"error": str(exc)})
                result.remaining = [r.request["reference"] for r, _ in built[index + 1:]] + result.remaining
                result.interrupted = (
                    f"{config.host} refused {request['reference']} and closed the connection ({exc}) after "
                    f"{len(result.sent)} sent. Run `foi send {name}` again later to send the rest." if closing else
                    f"{config.host} refused the sender {from_addr} ({exc}); nothing more was sent. Check "
                    f"[requester] email and [smtp] username in foi.toml, then run `foi send {name}` again.")
                break
            if refusal:
                record_event(db, request["id"], "failed", today, source="send", note=f"refused by server: {refusal}")
                result.failed.append(_item(letter) | {"error": refusal})
                if progress:
                    progress(result.failed[-1] | {"outcome": "failed"})
                continue
            try:
                row = _record_sent(ws, letter, msg, data, today, record_event,
                                   received=_after_hours(msg, today, letter))
            except FoiError as exc:
                # The server has it, but we could not write that down: it stays `sending`, named.
                result.unconfirmed.append(_item(letter))
                result.remaining = [r.request["reference"] for r, _ in built[index + 1:]] + result.remaining
                result.interrupted = (
                    f"{exc} {request['reference']} WAS accepted by the server but is not recorded as sent: "
                    f"once the workspace is writable run `foi mark {name} {request['body']} sent` "
                    f"(not --retry-unconfirmed), then `foi send {name}` for the rest.")
                break
            result.sent.append(_item(letter) | {"message_id": message_id, "message_row": row})
            if progress:
                progress(result.sent[-1] | {"outcome": "sent"})


@contextlib.contextmanager
def smtp_session(ws: Workspace, config: SmtpConfig,
                 opener: Callable[[SmtpConfig, str | None], smtplib.SMTP]) -> Iterator[tuple[smtplib.SMTP, str]]:
    """One connection for a run of letters, with the requester's address as the envelope sender;
    closed however the run ends (a dropped connection must not raise over the real error)."""
    password = secret(PASSWORD_ENV, KEYRING_SERVICE, config.username) if config.username else None
    from_addr = parseaddr(ws.requester["email"])[1]
    smtp = opener(config, password)
    try:
        yield smtp, from_addr
    finally:
        try:
            smtp.quit()
        except (smtplib.SMTPException, OSError):
            smtp.close()


def _assign_message_ids(ws: Workspace, requests: list[dict[str, Any]]) -> None:
    """Give every request about to go out its Message-ID, in one transaction."""
    missing = [r for r in requests if not r.get("message_id")]
    if not missing:
        return
    with ws.db.atomic():
        for request in missing:
            ws.db.conn.execute("UPDATE requests SET message_id = ? WHERE id = ? AND message_id IS NULL",
                               (new_message_id(ws, request["reference"]), request["id"]))
    for request in missing:
        request["message_id"] = ws.db.execute("SELECT message_id FROM requests WHERE id = ?",
                                              [request["id"]]).fetchone()[0]


def _ensure_message_id(ws: Workspace, request: dict[str, Any]) -> str:
    """The request's Message-ID, made once and kept: replies are matched to it, and the .eml
    from `foi letters --format eml` carries the same one."""
    if request.get("message_id"):
        return request["message_id"]
    message_id = new_message_id(ws, request["reference"])
    with ws.db.atomic():
        ws.db.conn.execute("UPDATE requests SET message_id = ? WHERE id = ? AND message_id IS NULL",
                           (message_id, request["id"]))
    row = ws.db.execute("SELECT message_id FROM requests WHERE id = ?", [request["id"]]).fetchone()
    request["message_id"] = row[0]
    return row[0]


def _after_hours(msg: EmailMessage, today: date, letter: Letter) -> date | None:
    """The date of receipt of a request e-mailed after working hours today: the next working day
    (foi.deadlines.receipt). None when it is today (tracking applies the non-working-day rule)."""
    from email.utils import parsedate_to_datetime

    from foi.deadlines import receipt

    try:
        sent_at = parsedate_to_datetime(str(msg["Date"]))
    except (TypeError, ValueError, IndexError):
        return None
    if sent_at.tzinfo is None or sent_at.date() != today:
        return None
    received = receipt(sent_at, act=letter.body.get("act") or "FOIA").received
    return received if received != today else None


def _record_sent(ws: Workspace, letter: Letter, msg: EmailMessage, data: bytes, today: date,
                 record_event: Callable[..., int], note: str | None = None, received: date | None = None) -> int:
    """A copy of what went out, kept with the replies; then the `sent` event."""
    import hashlib

    db = ws.db
    request = letter.request
    try:
        path: Path | None = write_unique(request_dir(ws, request), f"sent-{request['reference']}.eml", data)
    except OSError as exc:
        # The message has gone: recording that matters more than our copy of it.
        path = None
        note = "; ".join(filter(None, [note, f"copy not saved: {exc.strerror or exc}"]))
    # One transaction for the copy's row and the event: one commit per message, not two.
    with db.atomic():
        cursor = db.conn.execute(
            "INSERT INTO messages (message_id, request_id, direction, from_addr, to_addr, subject, date, kind, "
            "matched_by, path, sha256, imported_at) VALUES (?,?,'out',?,?,?,?,'sent','sent',?,?,?) "
            "ON CONFLICT(message_id) DO UPDATE SET date = excluded.date RETURNING id",
            (msg["Message-ID"], request["id"], parseaddr(str(msg["From"]))[1], letter.body["foi_email"],
             str(msg["Subject"]), today.isoformat(), path.relative_to(ws.root).as_posix() if path else None,
             hashlib.sha256(data).hexdigest(), now_iso()),
        )
        row = int(cursor.fetchone()[0])
        record_event(db, request["id"], "sent", today, source="send", note=note, message_row=row, received=received)
    return row


def _write_outbox(ws: Workspace, built: list[tuple[Letter, EmailMessage]], outbox: Path, mark_sent: bool,
                  today: date, result: SendResult, progress: Callable[[dict[str, Any]], None] | None,
                  record_event: Callable[..., int]) -> SendResult:
    from foi.storage import write_atomic

    try:
        outbox.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise FoiError(f"Can't create the outbox folder {outbox}: {exc.strerror or exc}.") from None
    for letter, _ in built:
        message_id = _ensure_message_id(ws, letter.request)
        msg = build_message(ws, letter, message_id=message_id)
        data = message_bytes(msg)
        path = outbox / f"{letter.request['reference']}-{letter.body['slug']}.eml"
        write_atomic(path, data)
        result.written.append(path)
        if mark_sent:
            _record_sent(ws, letter, msg, data, today, record_event, note=f"sent from own mail client ({path.name})")
            result.sent.append(_item(letter) | {"message_id": message_id})
        if progress:
            progress(_item(letter) | {"outcome": "written"})
    return result
