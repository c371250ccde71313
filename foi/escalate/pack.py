"""A complaint pack: a timeline from the event log, and the correspondence and files in order.

The timeline counts working days the way the Act does (`foi.deadlines`, through the request's
calendar): a reply from the day the force received the request, a review answer from the day it
was asked for, a chaser from the deadline it chases. The correspondence is every stored message of
the request, sent and received, oldest first, each followed by the files that came with it; the
files are copied under plain, numbered names so they attach in order.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from foi.deadlines import Calendar
from foi.storage import safe_name
from foi.tracking import REPLIES, REVIEW_OUTCOMES, Event

if TYPE_CHECKING:
    from foi.escalate.plan import Step
    from foi.workspace import Workspace

WHAT = {
    "sent": "request sent", "acknowledged": "acknowledged", "clarification": "they asked for clarification",
    "clarified": "clarification sent", "extended": "they extended the deadline", "chased": "chaser sent",
    "responded": "answered", "partial": "answered in part", "refused": "refused", "not-held": "said not held",
    "withdrawn": "withdrawn", "internal-review": "internal review asked for",
    "review-upheld": "review upheld the refusal", "review-overturned": "review overturned the refusal",
    "ico-complaint": "complaint to the Commissioner",
}


@dataclass
class TimelineEntry:
    on: date
    kind: str
    what: str
    detail: str = ""
    count: str = ""  # working days, in words

    def line(self) -> str:
        parts = [f"{self.on.isoformat()} {self.on:%a}  {self.what}"]
        if self.detail:
            parts.append(self.detail)
        if self.count:
            parts.append(self.count)
        return "; ".join(parts)


@dataclass
class PackFile:
    name: str  # numbered, safe: "03-2026-10-14-reply.eml"
    source: Path  # absolute path of the stored file
    what: str  # "e-mail from ...", "attachment 'Outcomes.xlsx'"
    on: str | None


@dataclass
class Pack:
    timeline: list[TimelineEntry]
    files: list[PackFile]
    missing: list[str] = field(default_factory=list)  # stored files no longer on disk


def timeline(events: Sequence[Event], cal: Calendar) -> list[TimelineEntry]:
    """What happened, with working-day counts, from the events that count (in replay order)."""
    entries = []
    received: date | None = None
    due: date | None = None
    reply_on: date | None = None
    asked: date | None = None
    for e in events:
        if e.kind not in WHAT:
            continue
        detail: list[str] = []
        count = ""
        if e.force_reference and e.kind != "sent":
            detail.append(f"their ref {e.force_reference}")
        if e.sections:
            detail.append("s." + ", s.".join(e.sections))
        if e.ncnd:
            detail.append("neither confirm nor deny")
        if e.kind in ("sent", "clarified"):
            received = max(e.received or e.on, e.on)
            due = cal.due_date(received).due
            count = f"received {received.isoformat()}, reply due {due.isoformat()} (20 working days)"
        elif e.kind == "acknowledged" and received is not None:
            if e.received and e.received > received:
                received = e.received
                due = cal.due_date(received).due
                count = f"says received {received.isoformat()}, reply due {due.isoformat()}"
            else:
                count = _after(cal, received, e.on, "receipt")
        elif e.kind == "extended":
            if e.until:
                detail.append(f"to {e.until.isoformat()}")
                due = e.until
            count = _after(cal, received, e.on, "receipt")
        elif e.kind in REPLIES:
            reply_on = e.on
            count = _after(cal, received, e.on, "receipt")
            if due is not None and e.on > due:
                count += f", {_wd(cal.working_days_between(due, e.on))} after the deadline of {due.isoformat()}"
        elif e.kind == "chased":
            if asked is not None:
                count = _after(cal, asked, e.on, "the review was asked for")
            elif due is not None:
                count = _after(cal, due, e.on, "the deadline")
        elif e.kind == "internal-review":
            asked = e.on
            anchor = "the reply" if reply_on else "the deadline"
            count = _after(cal, reply_on or due, e.on, anchor)
        elif e.kind in REVIEW_OUTCOMES:
            count = _after(cal, asked, e.on, "the review was asked for")
        elif e.kind == "ico-complaint":
            count = _after(cal, reply_on, e.on, "the last reply") if reply_on else ""
        if e.kind in REPLIES and asked is not None:  # the answer to a review
            count += "; " + _after(cal, asked, e.on, "the review was asked for")
        entries.append(TimelineEntry(on=e.on, kind=e.kind, what=WHAT[e.kind], detail=", ".join(detail), count=count))
    return entries


def _wd(n: int) -> str:
    return f"{n} working day{'' if n == 1 else 's'}"


def _after(cal: Calendar, start: date | None, end: date, what: str) -> str:
    if start is None:
        return ""
    return f"{_wd(cal.working_days_between(start, end))} after {what}"


def correspondence(ws: Workspace, request_id: int) -> tuple[list[PackFile], list[str]]:
    """Every stored message of the request, oldest first, each followed by its files; then other files."""
    db = ws.db
    messages = list(db.query(
        "SELECT id, direction, kind, from_addr, to_addr, subject, date, path FROM messages "
        "WHERE request_id = ? AND path IS NOT NULL AND kind NOT LIKE 'sending:%' ORDER BY date, id", [request_id]))
    documents = list(db.query("SELECT id, path, original_name, message_row, added_at FROM documents "
                              "WHERE request_id = ? ORDER BY id", [request_id]))
    by_message: dict[int | None, list[dict[str, Any]]] = {}
    for doc in documents:
        by_message.setdefault(doc["message_row"], []).append(doc)
    ordered: list[tuple[str, str, str | None, str]] = []  # (relative path, what, date, kind of name)
    for message in messages:
        who = f"to {message['to_addr']}" if message["direction"] == "out" else f"from {message['from_addr']}"
        label = message["kind"] or ("sent" if message["direction"] == "out" else "reply")
        ordered.append((message["path"], f"e-mail {who}: {message['subject'] or '(no subject)'}", message["date"],
                        f"{'sent' if message['direction'] == 'out' else 'received'}-{label}.eml"))
        for doc in by_message.pop(message["id"], []):
            name = doc["original_name"] or Path(doc["path"]).name
            ordered.append((doc["path"], f"attachment {name!r}", message["date"], name))
    for doc in (d for docs in by_message.values() for d in docs):  # added by hand (`foi attach`) or orphaned
        name = doc["original_name"] or Path(doc["path"]).name
        ordered.append((doc["path"], f"file {name!r}", (doc["added_at"] or "")[:10] or None, name))
    files, missing = [], []
    for index, (relative, what, on, name) in enumerate(ordered, start=1):
        source = ws.root / relative
        if not source.is_file():
            missing.append(f"{relative} ({what})")
            continue
        prefix = f"{index:02d}-{on}-" if on else f"{index:02d}-"
        # The original name is untrusted: made plain first, so the numbered prefix survives it.
        files.append(PackFile(name=safe_name(prefix + safe_name(name)), source=source, what=what, on=on))
    return files, missing


def build_pack(ws: Workspace, step: Step, cal: Calendar) -> Pack:
    files, missing = correspondence(ws, step.request_id)
    return Pack(timeline=timeline(step.events, cal), files=files, missing=missing)
