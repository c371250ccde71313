"""Letters: one file per request, as plain text, Markdown or an RFC 5322 `.eml` message.

The `.eml` form is also what `foi send` hands to the SMTP server, so both go through
`build_message`.
"""

from __future__ import annotations

import re
import secrets
from dataclasses import dataclass, field
from datetime import date, datetime, time
from email.message import EmailMessage
from email.policy import SMTP
from email.utils import format_datetime, formataddr
from pathlib import Path
from typing import Any

from foi.batches import batch_requests, get_batch
from foi.bodies import EMAIL, get_body
from foi.errors import FoiError
from foi.templating import build_context, find_template, render, render_string
from foi.workspace import Workspace

FORMATS = ("txt", "md", "eml")


@dataclass
class Letter:
    request: dict[str, Any]
    body: dict[str, Any]
    subject: str
    text: str


@dataclass
class LettersResult:
    written: list[Path] = field(default_factory=list)
    no_email: list[dict[str, Any]] = field(default_factory=list)  # body slug, name, where to send instead
    out: Path | None = None


def render_letters(ws: Workspace, batch_name: str, *, today: date, template: str | None = None,
                   only: list[str] | None = None, requests: list[dict[str, Any]] | None = None,
                   only_status: list[str] | None = None) -> list[Letter]:
    """Render the batch's template (or another, such as `chaser`) for each request; `only_status`
    keeps the requests whose board status on `today` is one of those (e.g. overdue)."""
    db = ws.db
    batch = get_batch(db, batch_name)
    path = find_template(ws, template or batch["template"])
    if requests is None:
        requests = batch_requests(db, batch_name, only)
    if only_status:
        from foi.board import check_statuses, current_status, keep_in_step

        wanted = check_statuses(only_status, "--only-status") or []
        keep_in_step(ws)  # due dates must count foi.toml's extra holidays before deciding who is overdue
        by_id = {r["id"]: r for r in batch_requests(db, batch_name)}
        requests = [r for r in requests if current_status(by_id.get(r["id"], r), today) in wanted]
    letters = []
    for request in requests:
        body = get_body(db, request["body"])
        context = build_context(ws, body, reference=request["reference"], vars=batch["vars"], today=today,
                                batch=batch_name, request=request)
        subject = _one_line(render_string(batch["subject"], context), "subject")
        if request["reference"] not in subject:
            subject = f"{subject} [{request['reference']}]"
        if template and template != batch["template"] and not subject.lower().startswith("re:"):
            subject = f"Re: {subject}"
        letters.append(Letter(request=request, body=body, subject=subject, text=render(path, context)))
    return letters


def _one_line(value: str, what: str) -> str:
    # A newline in a header value would let data write its own headers (Bcc:, ...).
    if "\r" in value or "\n" in value:
        raise FoiError(f"The {what} {value!r} contains a line break; headers must be one line.")
    return value.strip()


def message_domain(ws: Workspace) -> str:
    email = ws.requester.get("email", "")
    return email.rsplit("@", 1)[1] if "@" in email else "foi.local"


def new_message_id(ws: Workspace, reference: str) -> str:
    # Our reference inside the Message-ID lets a reply be matched even when its subject is not.
    return f"<{reference.lower()}.{secrets.token_hex(6)}@{message_domain(ws)}>"


def build_message(ws: Workspace, letter: Letter, *, message_id: str, when: datetime | None = None,
                  in_reply_to: str | None = None) -> EmailMessage:
    """The letter as an e-mail; FoiError when an address or header value is unusable."""
    requester = ws.requester
    if not EMAIL.match(requester.get("email", "")):
        raise FoiError("Set your e-mail address in foi.toml ([requester] email) before writing .eml letters.")
    to_addr = letter.body.get("foi_email") or ""
    if not EMAIL.match(to_addr):
        raise FoiError(f"{letter.body['slug']} has no usable FOI e-mail. Set one: foi bodies set "
                       f"{letter.body['slug']} --email ADDRESS")
    msg = EmailMessage(policy=SMTP)
    try:
        msg["From"] = formataddr((_one_line(requester.get("name", ""), "requester name"), requester["email"]))
        msg["To"] = formataddr((_one_line(letter.body["name"], "body name") + " FOI", to_addr))
        msg["Subject"] = _one_line(letter.subject, "subject")
        msg["Date"] = format_datetime((when or datetime.now()).astimezone())
        msg["Message-ID"] = message_id
        if in_reply_to:
            msg["In-Reply-To"] = in_reply_to
            msg["References"] = in_reply_to
        msg["X-FOI-Reference"] = letter.request["reference"]
    except ValueError as exc:  # the email package refuses header injection; say which value
        raise FoiError(f"Can't write the message for {letter.body['slug']}: {exc}.") from exc
    msg.set_content(letter.text)
    return msg


def _safe_filename(text: str) -> str:
    return re.sub(r"[^A-Za-z0-9._-]+", "-", text).strip("-") or "letter"


def write_letters(ws: Workspace, batch_name: str, *, out: Path, fmt: str = "txt", today: date,
                  only: list[str] | None = None, template: str | None = None,
                  requests: list[dict[str, Any]] | None = None,
                  only_status: list[str] | None = None) -> LettersResult:
    """Write one file per request; bodies without an e-mail are reported with where to send instead."""
    if fmt not in FORMATS:
        raise FoiError(f"Unknown format {fmt!r}: use txt, md or eml.")
    letters = render_letters(ws, batch_name, today=today, template=template, only=only, requests=requests,
                             only_status=only_status)
    result = LettersResult(out=out)
    files: list[tuple[Path, bytes]] = []
    for letter in letters:
        slug = letter.body["slug"]
        if not letter.body.get("foi_email"):
            result.no_email.append({"body": slug, "name": letter.body["name"],
                                    "send_via": letter.body.get("portal") or letter.body.get("website")})
            if fmt == "eml":
                continue
        stem = _safe_filename(f"{letter.request['reference']}-{slug}")
        if template:
            stem += f"-{_safe_filename(Path(template).name.split('.')[0])}"
        if fmt == "eml":
            message_id = _message_id_for(ws, letter, template)
            when = datetime.combine(today, time(9, 0))
            in_reply_to = letter.request.get("message_id") if template else None
            data = bytes(build_message(ws, letter, message_id=message_id, when=when, in_reply_to=in_reply_to))
        elif fmt == "md":
            data = f"# {letter.subject}\n\n{letter.text}".encode()
        else:
            data = f"Subject: {letter.subject}\n\n{letter.text}".encode()
        files.append((out / f"{stem}.{fmt}", data))
    out.mkdir(parents=True, exist_ok=True)
    for path, data in files:
        path.write_bytes(data)
        result.written.append(path)
    return result


def _message_id_for(ws: Workspace, letter: Letter, template: str | None) -> str:
    """The request's own Message-ID is made once and kept, so replies can be matched to it."""
    if template:
        return new_message_id(ws, letter.request["reference"])
    existing = letter.request.get("message_id")
    if existing:
        return existing
    message_id = new_message_id(ws, letter.request["reference"])
    with ws.db.atomic():
        ws.db.conn.execute("UPDATE requests SET message_id = ? WHERE id = ? AND message_id IS NULL",
                           (message_id, letter.request["id"]))
    letter.request["message_id"] = message_id
    return message_id
