"""Helpers shared by the tests (one module; test files do not import each other)."""

from __future__ import annotations

import smtplib
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from foi.figures.layout import find_tables
from foi.figures.review import Mapper, check_targets
from foi.figures.rows import Figure, Reading, TableFigures, observe
from foi.schema import load_schema

POLICE = load_schema(None)
Key = tuple[tuple[str, str], ...]


@dataclass
class Read:
    """What the rows stage made of one grid: every table's figures and what it said."""

    tables: list[TableFigures]

    @property
    def figures(self) -> list[Figure]:
        return [f for t in self.tables for f in t.figures()]

    def values(self, totals: bool = False) -> dict[Key, Any]:
        """dims -> value (or the suppression marker) of the figures (totals only with `totals`);
        fails on two figures with the same labels."""
        out: dict[Key, Any] = {}
        for f in self.figures:
            if f.total and not totals:
                continue
            key = k(**{d: v for d, v in f.dims.items() if d != "table"})  # the caption: shown apart
            assert key not in out, f"two figures for {key}"
            out[key] = f.value if f.suppressed is None else f.suppressed
        return out

    @property
    def totals(self) -> dict[Key, Any]:
        return {key: v for key, v in self.values(totals=True).items() if key not in self.values()}

    @property
    def warnings(self) -> list[str]:
        return [w for t in self.tables for w in t.warnings]

    @property
    def doubts(self) -> list[str]:
        return [w for t in self.tables for w in t.doubts]

    @property
    def not_understood(self) -> list[tuple[int, str]]:
        return [n for t in self.tables for n in t.not_understood]

    @property
    def skipped(self) -> dict[str, int]:
        out: dict[str, int] = {}
        for t in self.tables:
            for key, n in t.skipped.items():
                out[key] = out.get(key, 0) + n
        return out

    @property
    def mapping(self) -> dict[str, str]:
        out: dict[str, str] = {}
        for t in self.tables:
            out.update(t.mapping)
        return out


def read_grid(grid: Any, schema: Any = None, mapping: dict[str, str] | None = None) -> Read:
    """A grid through layout, coding and rows, as `foi parse` reads each grid of a file."""
    reading = Reading(Mapper(check_targets(mapping) if mapping else {}), schema or POLICE)
    return Read([observe(grid, layout, reading) for layout in find_tables(grid)])


def k(**dims: str) -> Key:
    return tuple(sorted(dims.items()))


def dies_after_accept(after: int) -> Callable[[Any, str | None], smtplib.SMTP]:
    """An SMTP opener whose process "dies" (KeyboardInterrupt) just after the server took the
    `after`-th message, before the sender could record it: the moment a resend must not repeat."""
    count = 0

    class Dies(smtplib.SMTP):
        def data(self, msg: Any) -> tuple[int, bytes]:
            nonlocal count
            reply = super().data(msg)
            count += 1
            if count == after:
                raise KeyboardInterrupt
            return reply

    def opener(config: Any, password: str | None) -> Dies:
        return Dies(config.host, config.port)

    return opener


def kent_reply(body: str, message_id: str = "<c1@kent.police.uk>") -> bytes:
    """A reply from Kent's FOI team to the cautions request, as `foi inbox import` reads it."""
    from email.message import EmailMessage
    from email.policy import SMTP

    msg = EmailMessage(policy=SMTP)
    msg["From"] = "FOI Team <freedomofinformation@kent.police.uk>"
    msg["To"] = "Jo Bloggs <jo@example.org>"
    msg["Subject"] = "RE: FOI-CAUTIONS-0020"
    msg["Date"] = "Mon, 14 Dec 2026 10:00:00 +0000"
    msg["Message-ID"] = message_id
    msg.set_content(body)
    return msg.as_bytes()


def mark_all_sent(ws: Any, on: Any) -> Any:
    """Every request of workspace `ws` recorded as sent on `on`; returns `ws`."""
    from foi.tracking import record_event

    for row in ws.db.query("SELECT id FROM requests"):
        record_event(ws.db, row["id"], "sent", on)
    return ws


# A reply from an authority's FOI mailbox, sent on Tuesday 12 March 2024 (classifier tests).
REPLY_HEADERS = {"From": "Information Rights <foi@example-authority.gov.uk>",
                 "Date": "Tue, 12 Mar 2024 10:00:00 +0000"}


def read_reply(text: str, subject: str = "RE: Freedom of Information request - bus lanes") -> Any:
    """foi.mail.classify.classify of one reply with :data:`REPLY_HEADERS`."""
    from foi.mail.classify import classify

    return classify(subject, text, headers=REPLY_HEADERS)
