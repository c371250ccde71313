"""Taking replies in: each message is stored once, matched to a request, read, and recorded.

Matching tries, in order: the thread (In-Reply-To/References to a Message-ID of ours), our
reference in the subject or text, a force reference already recorded, and the sender's body plus
the batch. A message that matches nothing is kept, unmatched, until `assign_message`.

Our own messages are not replies: an import of the user's Sent folder would otherwise file
their requests and follow-ups as answers. A message from the [requester] address in foi.toml, or
with the Message-ID of something we sent, is skipped and reported as "ours".

Reading is `foi.mail.classify`; a kind it is unsure of, or a move `record_event` refuses, becomes
`needs-review` with the reason, and the status is left alone. A message is never lost: its .eml is
written and its row committed before anything else is attempted, and an import interrupted after
that finishes the job when the same message is imported again.
"""

from __future__ import annotations

import email
import errno
import hashlib
import re
import sqlite3
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date, datetime
from email.message import EmailMessage, Message
from email.policy import default as default_policy
from email.utils import getaddresses, parseaddr, parsedate_to_datetime
from pathlib import Path
from typing import Any

from foi.batches import REFERENCE
from foi.bodies import resolve_body
from foi.db import now_iso
from foi.errors import FoiError
from foi.mail.sources import RawMessage, iter_sources
from foi.storage import ZipLimits, is_zip, request_dir, safe_name, store_file, unpack_zip, write_unique
from foi.tracking import OPEN  # statuses in which a request is waiting for something from the body
from foi.workspace import Workspace

UNMATCHED_DIR = "_unmatched"
UNREADABLE_DIR = "_unreadable"
MAX_HEADER_FIELDS = 500  # a message with 100,000 header fields is read by its first 500
NEVER_SENT = ("draft", "failed", "withdrawn")
MIN_CONFIDENCE = 0.5
_OUR_MESSAGE_ID = re.compile(r"^<?foi-([a-z][a-z0-9]*)-(\d{4,})\.", re.I)
_MSGID_TOKEN = re.compile(r"<[^<>\s]+>")


@dataclass
class ParsedMail:
    message_id: str
    sha256: str
    from_addr: str
    senders: list[str]  # From, Reply-To, Sender: addresses that may name the body
    to_addr: str
    subject: str
    sent_on: date | None
    headers: dict[str, str]
    thread: list[str]  # Message-IDs from In-Reply-To and References
    text: str
    attachments: list[tuple[str, bytes]]  # (name as sent, bytes) of each file to store
    letter_names: list[str] = field(default_factory=list)  # what classify reads: names and texts
    letter_texts: list[str] = field(default_factory=list)


@dataclass
class Imported:
    origin: str
    message_id: str
    row: int | None = None
    # imported | duplicate | unmatched | ours (sent by us: skipped, not stored) | unreadable (kept, with why)
    outcome: str = "imported"
    reference: str | None = None
    body: str | None = None
    matched_by: str | None = None
    kind: str | None = None  # the event recorded
    classified: str | None = None  # what the classifier said
    evidence: str | None = None
    note: str | None = None
    documents: list[str] = field(default_factory=list)
    refusals: list[str] = field(default_factory=list)


@dataclass
class ImportResult:
    items: list[Imported] = field(default_factory=list)
    errors: list[dict[str, str]] = field(default_factory=list)  # origin, error: files that aren't mail

    def counts(self) -> dict[str, int]:
        # "errors": files that aren't mail and messages kept as unreadable, together.
        counts = {"imported": 0, "duplicate": 0, "unmatched": 0, "ours": 0, "needs-review": 0,
                  "errors": len(self.errors)}
        for item in self.items:
            counts["errors" if item.outcome == "unreadable" else item.outcome] += 1
            if item.kind == "needs-review":
                counts["needs-review"] += 1
        return counts


# ---------------------------------------------------------------------------------------------
# Reading a message


def _header(msg: Message, name: str) -> str:
    try:
        value = msg.get(name)
    except Exception:  # noqa: BLE001 - a malformed header must not stop an import
        value = None
    return " ".join(str(value).split()) if value is not None else ""


def _message_id(msg: Message, digest: str) -> str:
    # A message without a Message-ID gets one from its content, so importing it again is a no-op.
    tokens = _MSGID_TOKEN.findall(_header(msg, "Message-ID"))
    return tokens[0] if tokens else (_header(msg, "Message-ID") or f"<sha256-{digest}@foi.invalid>")


def _read_headers(data: bytes) -> Message:
    """The headers alone: enough to skip a message without reading its attachments."""
    from email.parser import BytesHeaderParser

    return BytesHeaderParser(policy=default_policy).parsebytes(data)


def header_message_id(data: bytes) -> str:
    """The Message-ID a message will be stored under, from its headers alone (cheap)."""
    return _message_id(_read_headers(data), hashlib.sha256(data).hexdigest())


def parse_mail(data: bytes) -> ParsedMail:
    from foi.mail.text import message_parts

    msg = email.message_from_bytes(data, policy=default_policy)
    digest = hashlib.sha256(data).hexdigest()
    message_id = _message_id(msg, digest)
    headers: dict[str, str] = {}
    for key in msg.keys()[:MAX_HEADER_FIELDS]:
        if key not in headers:
            headers[key] = _header(msg, key)
    senders = [addr for _, addr in getaddresses([_header(msg, h) for h in ("From", "Reply-To", "Sender")]) if addr]
    try:
        sent_on = parsedate_to_datetime(_header(msg, "Date")).date()
    except (TypeError, ValueError, IndexError):
        sent_on = None
    # The body text and the attached letters' text, read the way the classifier expects.
    _, text, letter_names, letter_texts, _ = message_parts(msg)  # type: ignore[arg-type]
    attachments: list[tuple[str, bytes]] = []
    parts = msg.iter_attachments() if isinstance(msg, EmailMessage) and msg.is_multipart() else []
    for index, part in enumerate(_flatten(parts), start=1):
        if part.get_content_maintype() == "image" and part.get_content_disposition() != "attachment":
            continue  # logos inside the HTML: they stay in the saved .eml
        name = part.get_filename() or ""
        if part.get_content_type() == "message/rfc822":
            inner = part.get_payload()
            inner_msg = inner[0] if isinstance(inner, list) and inner else inner
            payload = inner_msg.as_bytes() if isinstance(inner_msg, Message) else b""
            name = name or f"forwarded-{index}.eml"
        else:
            payload = part.get_payload(decode=True) or b""
        if not name:
            import mimetypes

            name = f"attachment-{index}{mimetypes.guess_extension(part.get_content_type()) or '.bin'}"
        attachments.append((name, payload))
    return ParsedMail(
        message_id=message_id, sha256=digest, from_addr=parseaddr(_header(msg, "From"))[1],
        senders=senders, to_addr=parseaddr(_header(msg, "To"))[1], subject=_header(msg, "Subject"),
        sent_on=sent_on, headers=headers,
        thread=_MSGID_TOKEN.findall(_header(msg, "In-Reply-To") + " " + _header(msg, "References")),
        text=text, attachments=attachments, letter_names=letter_names, letter_texts=letter_texts,
    )


def _flatten(parts: Iterable[Message]) -> Iterable[Message]:
    # A multipart inside the attachments (a forwarded bundle) holds the files one level down.
    for part in parts:
        if part.is_multipart() and part.get_content_type() != "message/rfc822":
            yield from _flatten(part.iter_parts())  # type: ignore[attr-defined]
        else:
            yield part


# ---------------------------------------------------------------------------------------------
# Matching


def _request_by(db: Any, where: str, params: list[Any]) -> list[dict[str, Any]]:
    return [dict(r) for r in db.query(f"SELECT * FROM requests WHERE {where}", params)]


def match_request(db: Any, mail: ParsedMail, *, batch: str | None = None) -> tuple[dict[str, Any] | None, str | None]:
    """The request a reply is about and how we know, or (None, None)."""
    # 1. The thread: our Message-ID, a message of ours or an earlier reply already matched.
    if mail.thread:
        marks = ",".join("?" * len(mail.thread))
        found = _request_by(db, f"message_id IN ({marks})", mail.thread)
        if not found:
            found = _request_by(db, f"id IN (SELECT request_id FROM messages WHERE message_id IN ({marks}) "
                                    "AND request_id IS NOT NULL)", mail.thread)
        if not found:
            refs = {f"FOI-{m.group(1)}-{m.group(2)}".upper() for t in mail.thread if (m := _OUR_MESSAGE_ID.match(t))}
            found = _request_by(db, f"reference IN ({','.join('?' * len(refs))})", sorted(refs)) if refs else []
        if len({r["id"] for r in found}) == 1:
            return found[0], "thread"
    # 2. Our reference, in the subject first (the text may quote other requests).
    for text in (mail.subject, mail.text):
        refs = sorted({m.group(0) for m in REFERENCE.finditer(text.upper())})
        if refs:
            found = _request_by(db, f"reference IN ({','.join('?' * len(refs))})", refs)
            if len(found) == 1:
                return found[0], "reference"
    sender_body = next((slug for addr in mail.senders if (slug := resolve_body(db, addr))), None)
    # 3. A force reference recorded earlier (from their acknowledgement).
    haystack = f"{mail.subject}\n{mail.text}"
    hits = []
    for request in _request_by(db, "force_reference IS NOT NULL AND length(force_reference) >= 4", []):
        if sender_body and request["body"] != sender_body:
            continue
        pattern = r"(?<![\w/-])" + re.escape(request["force_reference"]) + r"(?![\w/-])"
        if re.search(pattern, haystack, re.I):
            hits.append(request)
    if len(hits) == 1:
        return hits[0], "force-reference"
    # 4. The sender's body: its one request in --batch, or its one open request.
    if sender_body:
        if batch:
            found = _request_by(db, "body = ? AND batch = ?", [sender_body, batch])
            if found and found[0]["status"] not in ("draft", "withdrawn"):
                return found[0], "sender+batch"
            return None, None
        candidates = _request_by(db, f"body = ? AND status NOT IN ({','.join('?' * len(NEVER_SENT))})",
                                 [sender_body, *NEVER_SENT])
        # Batches whose subject the reply repeats first; all of the body's requests if none does.
        pool = _by_batch_subject(db, candidates, mail.subject) or candidates
        open_ = [r for r in pool if r["status"] in OPEN]
        if len(open_) == 1:
            return open_[0], "sender"
        if not open_ and len(pool) == 1:
            return pool[0], "sender"
    return None, None


def _subject_words(text: str) -> str:
    return " ".join(re.findall(r"[a-z0-9]+", text.lower()))


def _by_batch_subject(db: Any, requests: list[dict[str, Any]], subject: str) -> list[dict[str, Any]]:
    """Requests whose batch subject (its fixed words, template parts removed) is in `subject`."""
    words = _subject_words(subject)
    keep = set()
    for row in db.query("SELECT name, subject FROM batches"):
        fixed = [_subject_words(part) for part in re.split(r"\{\{.*?\}\}|\{%.*?%\}", row["subject"])]
        fixed = [f for f in fixed if len(f) >= 3]
        if fixed and all(f in words for f in fixed):
            keep.add(row["name"])
    return [r for r in requests if r["batch"] in keep]


# ---------------------------------------------------------------------------------------------
# Importing


def import_paths(ws: Workspace, paths: list[Path], *, today: date, batch: str | None = None,
                 progress: Callable[[Imported], None] | None = None) -> ImportResult:
    """Import every message found under `paths`; unreadable files are reported, never fatal."""
    return import_raw(ws, iter_sources(paths), today=today, batch=batch, progress=progress)


def import_raw(ws: Workspace, raws: Iterable[RawMessage], *, today: date, batch: str | None = None,
               progress: Callable[[Imported], None] | None = None) -> ImportResult:
    if batch:
        from foi.batches import get_batch

        get_batch(ws.db, batch)
    result = ImportResult()
    for raw in raws:
        if raw.data is None:
            result.errors.append({"origin": raw.origin, "error": raw.error or "unreadable"})
            continue
        try:
            item = import_message(ws, raw.data, origin=raw.origin, today=today, batch=batch)
        except (FoiError, sqlite3.OperationalError, MemoryError, KeyboardInterrupt):
            raise  # the workspace's trouble (disk full, read-only), not this message's: stop, say why
        except OSError as exc:
            if exc.errno in _STORAGE_ERRNOS:
                raise
            item = record_unreadable(ws, raw.data, origin=raw.origin, reason=_reason(exc), today=today)
        except Exception as exc:  # noqa: BLE001 - one bad message must never stop a mailbox
            item = record_unreadable(ws, raw.data, origin=raw.origin, reason=_reason(exc), today=today)
        result.items.append(item)
        if progress:
            progress(item)
    return result


_STORAGE_ERRNOS = {errno.ENOSPC, errno.EDQUOT, errno.EROFS, errno.EACCES, errno.EPERM, errno.EIO}


def _reason(exc: BaseException) -> str:
    text = " ".join(str(exc).split())[:200]
    return f"{type(exc).__name__}: {text}" if text else type(exc).__name__


def record_unreadable(ws: Workspace, data: bytes, *, origin: str, reason: str, today: date) -> Imported:
    """Keep a message foi could not read: its bytes under responses/_unreadable/, a row with the
    reason (messages.error, kind 'unreadable'). Importing it again changes nothing."""
    digest = hashlib.sha256(data).hexdigest()
    try:
        message_id = header_message_id(data)
    except Exception:  # noqa: BLE001 - the headers themselves may be what is broken
        message_id = f"<sha256-{digest}@foi.invalid>"
    item = Imported(origin=origin, message_id=message_id, outcome="unreadable", note=f"unreadable: {reason}")
    db = ws.db
    existing = db.execute("SELECT id FROM messages WHERE message_id = ?", [message_id]).fetchone()
    if existing:
        # Stored before the failure (matched, then reading it failed): keep it where it is, say why.
        with db.atomic():
            db.conn.execute("UPDATE messages SET error = ? WHERE id = ?", (reason, existing[0]))
        item.row = existing[0]
        return item
    path = write_unique(ws.responses_dir / UNREADABLE_DIR, f"mail-{today.isoformat()}-{digest[:10]}.eml", data)
    with db.atomic():
        row = db.conn.execute(
            "INSERT INTO messages (message_id, request_id, direction, subject, kind, path, sha256, error, imported_at) "
            "VALUES (?, NULL, 'in', ?, 'unreadable', ?, ?, ?, ?) ON CONFLICT(message_id) DO NOTHING RETURNING id",
            (message_id, _safe_subject(data), path.relative_to(ws.root).as_posix(), digest, reason, now_iso()),
        ).fetchone()
    item.row = row[0] if row else None
    return item


def _safe_subject(data: bytes) -> str | None:
    try:
        return _header(_read_headers(data), "Subject")[:300] or None
    except Exception:  # noqa: BLE001
        return None


def import_message(ws: Workspace, data: bytes, *, origin: str, today: date, batch: str | None = None) -> Imported:
    """Store, match and record one message. Importing it again changes nothing; a message of
    our own is skipped (outcome "ours", the note says why)."""
    db = ws.db
    headers = _read_headers(data)
    message_id = _message_id(headers, hashlib.sha256(data).hexdigest())
    item = Imported(origin=origin, message_id=message_id)
    existing = db.execute("SELECT id, request_id, kind, direction, error FROM messages WHERE message_id = ?",
                          [message_id]).fetchone()
    why_ours = _why_ours(ws, headers, message_id, existing)
    if why_ours:
        item.outcome, item.note = "ours", why_ours
        return item
    if existing:
        item.row = existing[0]
        if existing[2] == "unreadable":
            item.outcome, item.note = "duplicate", f"already kept as unreadable: {existing[4]}"
            return item
        if existing[1] is not None and existing[2] is None:
            # Stored by an import that stopped before recording it: finish the job.
            request = dict(next(iter(db.query("SELECT * FROM requests WHERE id = ?", [existing[1]]))))
            return _take_in(ws, item, parse_mail(data), request, today)
        item.outcome = "duplicate"
        return item
    mail = parse_mail(data)
    request, matched_by = match_request(db, mail, batch=batch)
    folder = request_dir(ws, request) if request else ws.responses_dir / UNMATCHED_DIR
    day = (mail.sent_on or today).isoformat()
    path = write_unique(folder, f"mail-{day}-{mail.sha256[:10]}.eml", data)
    with db.atomic():
        # Another import of the same mailbox may have stored it meanwhile: then it is theirs.
        row = db.conn.execute(
            "INSERT INTO messages (message_id, request_id, direction, from_addr, to_addr, subject, date, "
            "matched_by, path, sha256, body_text, imported_at) VALUES (?,?,'in',?,?,?,?,?,?,?,?,?) "
            "ON CONFLICT(message_id) DO NOTHING RETURNING id",
            (mail.message_id, request["id"] if request else None, mail.from_addr, mail.to_addr, mail.subject,
             mail.sent_on.isoformat() if mail.sent_on else None, matched_by,
             path.relative_to(ws.root).as_posix(), mail.sha256, mail.text, now_iso()),
        ).fetchone()
    if row is None:
        item.outcome = "duplicate"
        item.row = db.execute("SELECT id FROM messages WHERE message_id = ?", [message_id]).fetchone()[0]
        return item
    item.row = int(row[0])
    item.matched_by = matched_by
    if request is None:
        item.outcome = "unmatched"
        item.body = next((slug for addr in mail.senders if (slug := resolve_body(db, addr))), None)
        return item
    return _take_in(ws, item, mail, request, today)


def _why_ours(ws: Workspace, headers: Message, message_id: str, existing: Any) -> str | None:
    """Why a message is one we sent, not a reply; None when it isn't ours. `existing` is its
    messages row (id, request_id, kind, direction) if it was stored before."""
    if existing is not None:
        # A reply stored earlier stays a duplicate, whoever sent it.
        return f"a copy of message {existing[0]}, which we sent" if existing[3] == "out" else None
    request = ws.db.execute("SELECT reference FROM requests WHERE message_id = ?", [message_id]).fetchone()
    if request:
        return f"our request {request[0]} (its Message-ID), not a reply"
    own = parseaddr(ws.requester["email"])[1].lower()
    sender = parseaddr(_header(headers, "From"))[1].lower()
    if own and sender == own:
        return f"sent from your own address {own} ([requester] email in foi.toml), not a reply"
    return None


def _take_in(ws: Workspace, item: Imported, mail: ParsedMail, request: dict[str, Any], today: date) -> Imported:
    """Attachments stored, the reply read, one event recorded."""
    from foi.mail.classify import STATUS_KINDS, classify
    from foi.mail.text import attachment_text
    from foi.tracking import record_event

    db = ws.db
    assert item.row is not None
    item.reference, item.body = request["reference"], request["body"]
    item.matched_by = item.matched_by or db.execute("SELECT matched_by FROM messages WHERE id = ?",
                                                    [item.row]).fetchone()[0]
    names, texts = list(mail.letter_names), list(mail.letter_texts)
    for name, data in mail.attachments:
        files = [(name, data, "mail")]
        if is_zip(data, name):
            members, refusals = unpack_zip(data, ZipLimits())
            item.refusals += [f"{name}: {reason}" for reason in refusals]
            # The archive itself is kept beside its members, for the record; it is not a document.
            write_unique(request_dir(ws, request), name, data)
            files = [(f"{name}/{member}", content, "zip") for member, content in members]
        for original, content, source in files:
            stored = store_file(ws, request, content, original, source=source, message_row=item.row)
            item.documents.append(stored.path.as_posix())
            if source == "zip":  # the mail's own attachments are already in letter_names
                names.append(safe_name(original))
                texts.append(attachment_text(content, safe_name(original)))
    verdict = classify(mail.subject, mail.text, names, texts, mail.headers,
                       request_text=_request_text(ws, request, today), request_sent=_request_sent(ws, request))
    item.classified, item.evidence = verdict.kind, verdict.evidence
    on = min(mail.sent_on or today, today)
    notes = [f"from {mail.from_addr or 'unknown sender'}: {mail.subject or '(no subject)'}"[:200]]
    if item.refusals:
        notes.append("refused from zip: " + "; ".join(item.refusals))
    kind = verdict.kind
    if kind in STATUS_KINDS and verdict.confidence < MIN_CONFIDENCE:
        kind = "needs-review"
    if kind == "needs-review":
        notes.append(f"best guess {verdict.guess} (confidence {verdict.confidence:.2f})")
    elif kind == "acknowledged" and request["status"] == "internal-review":
        # Their acknowledgement of our request for a review: nothing to decide, no date moves.
        kind = "note"
        notes.append("acknowledges the request for an internal review")
    with db.atomic():  # the check and the event under one lock: two imports can't both record it
        db.conn.execute("UPDATE messages SET reading = ? WHERE id = ?", (reading_json(verdict), item.row))
        # Replayed after an interrupted import: the event may already be there.
        done = db.execute("SELECT kind FROM events WHERE message_row = ? ORDER BY id DESC LIMIT 1",
                          [item.row]).fetchone()
        if done:
            kind = done[0]
        else:
            kind = _record(record_event, db, request["id"], kind, on, verdict, "; ".join(notes), item)
        db.conn.execute("UPDATE messages SET kind = ?, error = NULL WHERE id = ?", (kind, item.row))
    item.kind = kind
    return item


def _record(record_event: Callable[..., int], db: Any, request_id: int, kind: str, on: date, verdict: Any,
            note: str, item: Imported) -> str:
    """Record the reply's event; a refused move becomes needs-review with the reason."""
    if kind in ("needs-review", "auto-reply", "note"):
        extra: dict[str, Any] = {}
    else:
        extra = {"sections": verdict.sections or None, "ncnd": verdict.ncnd, "until": verdict.until,
                 "force_reference": verdict.force_reference}
        if kind == "acknowledged" and verdict.received and verdict.received <= on:
            extra["received"] = verdict.received  # only a date of receipt they state moves the clock
    try:
        record_event(db, request_id, kind, on, source="mail", note=note, evidence=verdict.evidence or None,
                     message_row=item.row, **extra)
        return kind
    except FoiError as exc:
        if kind == "needs-review":
            raise
        item.note = f"{kind} not recorded: {exc}"
    record_event(db, request_id, "needs-review", on, source="mail", note=f"{note}; {item.note}",
                 evidence=verdict.evidence or None, message_row=item.row)
    return "needs-review"


def reading_json(verdict: Any) -> str:
    """How foi read a reply, kept with the message for `foi inbox review`."""
    import json

    return json.dumps({
        "kind": verdict.kind, "guess": verdict.guess, "confidence": verdict.confidence,
        "evidence": verdict.evidence, "sections": verdict.sections, "ncnd": verdict.ncnd,
        "until": verdict.until.isoformat() if verdict.until else None,
        "received": verdict.received.isoformat() if verdict.received else None,
        "force_reference": verdict.force_reference, "review_outcome": verdict.review_outcome,
        "reasons": verdict.reasons,
    })


def _request_sent(ws: Workspace, request: dict[str, Any]) -> datetime | None:
    """When our request was sent (the Date of the message we stored), for telling a machine's
    receipt by its speed; None when it was not sent through foi or its Date cannot be read."""
    row = ws.db.execute("SELECT path FROM messages WHERE request_id = ? AND direction = 'out' ORDER BY id DESC LIMIT 1",
                        [request["id"]]).fetchone()
    if not row or not row[0]:
        return None
    try:
        sent = _read_headers((ws.root / row[0]).read_bytes())
        return parsedate_to_datetime(_header(sent, "Date"))
    except (OSError, TypeError, ValueError, IndexError):
        return None


def _request_text(ws: Workspace, request: dict[str, Any], today: date) -> str | None:
    """Our request as sent (the stored copy, else the batch's letter rendered again), so that the
    reader knows our own words wherever a reply quotes them. None when neither is available."""
    row = ws.db.execute("SELECT path FROM messages WHERE request_id = ? AND direction = 'out' ORDER BY id DESC LIMIT 1",
                        [request["id"]]).fetchone()
    try:
        if row and row[0]:
            from foi.mail.text import message_parts

            sent = email.message_from_bytes((ws.root / row[0]).read_bytes(), policy=default_policy)
            return message_parts(sent)[1]  # type: ignore[arg-type]
        from foi.letters import render_letters

        return render_letters(ws, request["batch"], today=today, requests=[request])[0].text
    except Exception:  # noqa: BLE001 - without it the reply is still read, only less surely
        return None


# ---------------------------------------------------------------------------------------------
# The unmatched queue and the review queue


def list_unmatched(ws: Workspace) -> list[dict[str, Any]]:
    rows = []
    for row in ws.db.query("SELECT id, message_id, from_addr, subject, date, path FROM messages "
                           "WHERE request_id IS NULL AND direction = 'in' ORDER BY id"):
        row = dict(row)
        row["guess"] = resolve_body(ws.db, row["from_addr"]) if row["from_addr"] else None
        rows.append(row)
    return rows


def find_message(ws: Workspace, key: str) -> dict[str, Any]:
    """A stored message by its row number (as `foi inbox unmatched` shows) or its Message-ID."""
    key = key.strip()
    candidates = [key, f"<{key.strip('<>')}>"]
    if key.lstrip("#").isdigit():
        rows = list(ws.db.query("SELECT * FROM messages WHERE id = ?", [int(key.lstrip("#"))]))
    else:
        rows = list(ws.db.query("SELECT * FROM messages WHERE message_id IN (?, ?)", candidates))
    if not rows:
        raise FoiError(f"No message {key!r}. `foi inbox unmatched` lists the unmatched ones with their numbers.")
    return dict(rows[0])


def assign_message(ws: Workspace, key: str, batch: str, slug: str, *, today: date) -> Imported:
    """File an unmatched message under a request by hand, then read and record it."""
    from foi.batches import get_request

    db = ws.db
    message = find_message(ws, key)
    request = get_request(db, batch, slug)
    if message["request_id"] is not None:
        current = db.execute("SELECT reference FROM requests WHERE id = ?", [message["request_id"]]).fetchone()[0]
        raise FoiError(f"Message {message['id']} is already filed under {current}; it can't be moved.")
    if message["direction"] != "in":
        raise FoiError(f"Message {message['id']} is one we sent, not a reply.")
    old = ws.root / message["path"]
    try:
        data = old.read_bytes()
    except OSError as exc:
        raise FoiError(f"The stored copy of message {message['id']} is missing ({old}): {exc.strerror}.") from None
    try:
        mail = parse_mail(data)
    except Exception as exc:  # noqa: BLE001 - said, not a traceback
        raise FoiError(f"Message {message['id']} can't be read ({_reason(exc)}). Open {old} and record what it "
                       f"says with `foi mark {batch} {slug} STATUS`.") from None
    new = write_unique(request_dir(ws, request), old.name, data)
    with db.atomic():
        db.conn.execute("UPDATE messages SET request_id = ?, matched_by = 'hand', path = ? WHERE id = ?",
                        (request["id"], new.relative_to(ws.root).as_posix(), message["id"]))
    if new != old:
        old.unlink(missing_ok=True)
    item = Imported(origin=str(new), message_id=message["message_id"], row=message["id"], matched_by="hand")
    return _take_in(ws, item, mail, request, today)


def review_queue(ws: Workspace, batch: str | None = None, *, include_done: bool = False) -> list[dict[str, Any]]:
    """Replies recorded as needs-review that nobody has dealt with since (no later event by hand)."""
    sql = (
        "SELECT e.id AS event_id, e.on_date, e.note, e.evidence, e.message_row, e.request_id, r.batch, r.body, "
        "r.reference, r.status, m.subject, m.from_addr, m.path, m.reading FROM events e "
        "JOIN requests r ON r.id = e.request_id "
        "LEFT JOIN messages m ON m.id = e.message_row WHERE e.kind = 'needs-review'"
    )
    params: list[Any] = []
    if batch:
        sql += " AND r.batch = ?"
        params.append(batch)
    if not include_done:
        sql += (" AND NOT EXISTS (SELECT 1 FROM events later WHERE later.request_id = e.request_id "
                "AND later.id > e.id AND later.source IN ('hand', 'import'))")
    return [dict(r) for r in ws.db.query(sql + " ORDER BY r.batch, r.seq, e.id", params)]


# ---------------------------------------------------------------------------------------------
# IMAP


def fetch(ws: Workspace, *, today: date, folder: str | None = None, since: date | None = None,
          batch: str | None = None, opener: Callable[..., Any] | None = None,
          progress: Callable[[Imported], None] | None = None) -> ImportResult:
    """Import the messages of an IMAP folder (read-only: nothing is marked or moved on the server)."""
    from foi.mail.sources import imap_config, imap_messages

    config = imap_config(ws)
    raws = imap_messages(config, folder=folder or config.folder, since=since, opener=opener)
    return import_raw(ws, raws, today=today, batch=batch, progress=progress)
