"""Helpers shared by the escalation tests: a batch in every state, stored mail, an SMTP server.

The refusal wording below is written for these tests; the shapes of the states follow what real
batch requests to police forces go through (see tests/fixtures/SOURCES.md).
"""

from __future__ import annotations

import email
import socket
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date
from email.message import EmailMessage
from email.policy import default as default_policy
from typing import Any

from foi.batches import add_bodies, batch_requests
from foi.db import now_iso
from foi.marking import mark
from foi.storage import request_dir, store_file, write_unique
from foi.tracking import record_event
from foi.workspace import Workspace

D = date
TODAY = D(2026, 2, 27)  # a Friday; requests went on Monday 5 January 2026, due Monday 2 February
SENT = D(2026, 1, 5)
# Two forces answer in these same words (the report's "same wording" panel groups them).
SHARED_WORDING = ("We estimate that locating, retrieving and extracting the information you have asked for would "
                  "take well over eighteen hours, so the request is refused under section 12 of the Act.")


def build_every_state(ws: Workspace) -> None:
    """Batch `cautions` (43 forces, from the `batch_ws` fixture) with a force in every state, plus
    Police Scotland under FOISA. The remaining forces stay drafts."""
    add_bodies(ws, "cautions", ["police-scotland"], today=D(2025, 10, 1))

    def m(slugs: str, kind: str, on: date, **fields: Any) -> None:
        mark(ws, "cautions", slugs.split(","), kind, on=on, **fields)

    m("cleveland", "sent", D(2025, 11, 3))
    m("cleveland", "refused", D(2025, 11, 20), sections=["40(2)"])
    m("cleveland", "internal-review", D(2025, 11, 24))  # no answer in 40 working days
    m("kent,sussex,lancashire,essex,bedfordshire,norfolk,surrey,suffolk,devon-and-cornwall,hampshire,dorset,"
      "durham,cumbria,gwent,west-mercia,wiltshire,cheshire,merseyside,humberside,police-scotland", "sent", SENT)
    m("sussex", "chased", D(2026, 2, 4))  # no answer since: complain
    m("lancashire", "chased", D(2026, 2, 20))  # still within the ten working days given
    m("essex", "refused", D(2026, 1, 20), sections=["12"], note=SHARED_WORDING)
    m("bedfordshire", "refused", D(2026, 1, 22), sections=["12", "40(2)"], note=SHARED_WORDING)
    m("norfolk", "refused", D(2026, 1, 21), sections=["14(1)"])
    m("surrey", "partial", D(2026, 1, 21), sections=["40(2)"])
    m("suffolk", "refused", D(2026, 1, 22), sections=["21"])
    m("devon-and-cornwall", "refused", D(2026, 1, 22), sections=["31(1)(a)"])
    m("hampshire", "refused", D(2026, 1, 23), sections=["30(1)(a)"])
    m("dorset", "refused", D(2026, 1, 22), sections=["31(3)", "40(5)"], ncnd=True)
    m("durham", "refused", D(2026, 1, 20), sections=["40(2)"])
    m("durham", "internal-review", D(2026, 2, 16))  # pending
    m("cumbria", "refused", D(2026, 1, 12), sections=["12"])
    m("cumbria", "internal-review", D(2026, 1, 14))  # overdue, not yet 40 working days
    m("gwent", "refused", D(2026, 1, 14), sections=["31(1)(a)"])
    m("gwent", "internal-review", D(2026, 1, 15))
    m("gwent", "review-upheld", D(2026, 2, 10), sections=["31(1)(a)"])
    m("west-mercia", "refused", D(2026, 1, 14), sections=["40(2)"])
    m("west-mercia", "internal-review", D(2026, 1, 15))
    m("west-mercia", "review-overturned", D(2026, 2, 10))  # nothing released yet
    m("wiltshire", "refused", D(2026, 1, 14), sections=["40(2)"])
    m("wiltshire", "internal-review", D(2026, 1, 15))
    m("wiltshire", "review-overturned", D(2026, 2, 10))
    m("wiltshire", "partial", D(2026, 2, 12), sections=["40(2)"])  # partly upheld
    m("cheshire", "responded", D(2026, 1, 28))
    m("merseyside", "not-held", D(2026, 1, 28))
    m("humberside", "clarification", D(2026, 1, 9))
    m("police-scotland", "refused", D(2026, 1, 9), sections=["12"])  # on time: FOISA counts from the deadline


def request_of(ws: Workspace, slug: str, batch: str = "cautions") -> dict[str, Any]:
    return next(r for r in batch_requests(ws.db, batch) if r["body"] == slug)


def store_message(ws: Workspace, slug: str, *, direction: str, on: date, subject: str, text: str,
                  kind: str | None = None, attachments: dict[str, bytes] | None = None,
                  batch: str = "cautions") -> int:
    """Keep a message (and its attachments) with a request, as `foi inbox import` or `foi send` does."""
    request = request_of(ws, slug, batch)
    msg = EmailMessage()
    msg["From"] = "jo@example.org" if direction == "out" else f"foi@{slug}.example.org"
    msg["To"] = f"foi@{slug}.example.org" if direction == "out" else "jo@example.org"
    msg["Subject"] = subject
    msg["Message-ID"] = f"<{slug}.{on.isoformat()}.{direction}@example.org>"
    msg.set_content(text)
    data = bytes(msg)
    path = write_unique(request_dir(ws, request), f"mail-{on.isoformat()}-{direction}.eml", data)
    with ws.db.atomic():
        row = ws.db.conn.execute(
            "INSERT INTO messages (message_id, request_id, direction, from_addr, to_addr, subject, date, kind, "
            "matched_by, path, sha256, body_text, imported_at) VALUES (?,?,?,?,?,?,?,?,'test',?,?,?,?)",
            (msg["Message-ID"], request["id"], direction, str(msg["From"]), str(msg["To"]), subject, on.isoformat(),
             kind, path.relative_to(ws.root).as_posix(), "0" * 64, text, now_iso())).lastrowid
    for name, content in (attachments or {}).items():
        store_file(ws, request, content, name, source="mail", message_row=row)
    return int(row)


def record(ws: Workspace, slug: str, kind: str, on: date, **fields: Any) -> int:
    return record_event(ws.db, request_of(ws, slug)["id"], kind, on, extra_holidays={}, **fields)


# --------------------------------------------------------------------------------------------------
# An SMTP server on 127.0.0.1


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@dataclass
class Recorder:
    """An aiosmtpd handler keeping what it accepts; refuses some recipients with 550; can drop the
    connection when the N+1th message starts."""

    refuse: set[str] = field(default_factory=set)
    drop_after: int | None = None
    delay: float = 0.0  # seconds before answering the end of a message (a slow server)
    messages: list[tuple[str, list[str], bytes]] = field(default_factory=list)

    async def handle_MAIL(self, server: Any, session: Any, envelope: Any, address: str,  # noqa: N802
                          options: list[str]) -> str:
        if self.drop_after is not None and len(self.messages) >= self.drop_after:
            server.transport.close()
            return "421 4.4.2 gone"
        envelope.mail_from = address
        envelope.mail_options.extend(options)
        return "250 OK"

    async def handle_RCPT(self, server: Any, session: Any, envelope: Any, address: str,  # noqa: N802
                          options: list[str]) -> str:
        if address.lower() in self.refuse:
            return "550 5.1.1 mailbox unavailable"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:  # noqa: N802
        self.messages.append((envelope.mail_from, list(envelope.rcpt_tos), envelope.original_content))
        if self.delay:
            import asyncio

            await asyncio.sleep(self.delay)
        return "250 OK queued"

    def parsed(self) -> list[email.message.EmailMessage]:
        return [email.message_from_bytes(m[2], policy=default_policy) for m in self.messages]


@contextmanager
def smtp_server() -> Iterator[tuple[Recorder, int]]:
    from aiosmtpd.controller import Controller

    handler = Recorder()
    port = free_port()
    controller = Controller(handler, hostname="127.0.0.1", port=port)
    controller.start()
    try:
        yield handler, port
    finally:
        controller.stop()


def use_server(ws: Workspace, port: int) -> None:
    ws.config["smtp"] = {"host": "127.0.0.1", "port": port, "security": "none", "username": ""}
