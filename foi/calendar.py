"""An iCalendar (.ics) file with one all-day event per open deadline.

Each deadline keeps one UID for its whole life (`<our reference>-reply@foi` for the reply, `-review@`
for an internal review), so importing the file again after an extension or a clarification moves the
event instead of adding a second one. SEQUENCE is the number of events in the request's history, which
only ever grows, so calendar programs take the newer copy as the update.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

from foi.board import board

if TYPE_CHECKING:
    from foi.workspace import Workspace

PRODID = "-//foi//FOI request deadlines//EN"


def deadline_events(ws: Workspace, batch: str | None = None, *, today: date) -> list[dict[str, Any]]:
    """The open deadlines (reply or internal review, overdue ones included) as plain dicts."""
    rows = [r for r in board(ws, batch, today=today) if r["working_days_left"] is not None]
    counts = dict(ws.db.conn.execute("SELECT request_id, COUNT(*) FROM events GROUP BY request_id").fetchall())
    out = []
    for row in rows:
        review = row["recorded_status"] == "internal-review"
        what = "internal review" if review else "reply"
        ref = f" (their ref {row['force_reference']})" if row["force_reference"] else ""
        out.append({
            "uid": f"{row['reference'].lower()}-{'review' if review else 'reply'}@foi",
            "due_on": date.fromisoformat(row["due_on"]),
            "summary": f"FOI {what} due: {row['body_name']} [{row['reference']}]",
            "description": (f"Batch {row['batch']}: {what} due from {row['body_name']}{ref} under "
                            f"{row['act']}. Sent {row['sent_on']}, received {row['received_on']}. "
                            f"Status on {today.isoformat()}: {row['status']}."),
            "sequence": counts.get(row["id"], 0),
            "batch": row["batch"], "body": row["body"], "reference": row["reference"], "status": row["status"],
        })
    return out


def to_ics(events: list[dict[str, Any]], *, now: datetime, name: str = "FOI deadlines") -> bytes:
    from icalendar import Calendar, Event

    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("x-wr-calname", name)
    stamp = now.astimezone(UTC).replace(microsecond=0)
    for item in events:
        event = Event()
        event.add("uid", item["uid"])
        event.add("dtstamp", stamp)
        event.add("sequence", item["sequence"])
        event.add("dtstart", item["due_on"])  # a date, so an all-day event
        event.add("dtend", item["due_on"] + timedelta(days=1))
        event.add("summary", item["summary"])
        event.add("description", item["description"])
        event.add("categories", ["FOI", item["batch"]])
        event.add("transp", "TRANSPARENT")
        cal.add_component(event)
    return cal.to_ical()


def write_calendar(ws: Workspace, out: Path, batch: str | None = None, *, today: date,
                   now: datetime | None = None) -> list[dict[str, Any]]:
    """Write the .ics file (whole, then renamed into place) and return the deadlines in it."""
    events = deadline_events(ws, batch, today=today)
    data = to_ics(events, now=now or datetime.now(UTC),
                  name=f"FOI deadlines: {batch}" if batch else "FOI deadlines")
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_name(out.name + ".tmp")
    tmp.write_bytes(data)
    tmp.replace(out)
    return events
