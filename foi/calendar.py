"""An iCalendar (.ics) file with one all-day event per deadline, theirs and ours.

Theirs: a reply due under s.10, or an internal review's answer (expected 20 working days after we
asked; a second event at the 40th, the most the code of practice allows, when that is later).
Ours, once a force has answered, exactly as the board's "our deadline" column shows it: the last day
to ask for an internal review (40 working days after a refusal), or to complain to the Commissioner
(six weeks after the review's answer, or after 40 working days without one; six months under FOISA).

Each deadline keeps one UID for its whole life (`<our reference>-reply@foi` for the reply, `-review@`
for an internal review, `-review-latest@`, `-ask-review@`, `-complaint@`), so importing the file
again after an extension, a clarification or a later reply moves the event instead of adding a
second one. SEQUENCE is the number of events in the request's history, which only ever grows, so
calendar programs take the newer copy as the update.
"""

from __future__ import annotations

import contextlib
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

from foi.board import board
from foi.errors import FoiError

if TYPE_CHECKING:
    from foi.workspace import Workspace

PRODID = "-//foi//FOI request deadlines//EN"
# kind -> (whose deadline, the words the table and summaries use)
KINDS = {
    "reply": ("theirs", "reply due"),
    "review": ("theirs", "review due"),
    "review-latest": ("theirs", "review at the latest"),
    "ask-review": ("ours", "review by"),
    "complaint": ("ours", "complain by"),
}
_REGULATOR = {"FOISA": "the Scottish Information Commissioner"}


def deadline_events(ws: Workspace, batch: str | None = None, *, today: date) -> list[dict[str, Any]]:
    """Every deadline as a plain dict, soonest first: the forces' still running (overdue ones
    included) and ours as the board shows them (passed ones included, as on the board)."""
    rows = board(ws, batch, today=today)
    counts = dict(ws.db.conn.execute("SELECT request_id, COUNT(*) FROM events GROUP BY request_id").fetchall())
    out: list[dict[str, Any]] = []
    for row in rows:
        found: list[tuple[str, date, str, str, int]] = []
        if row["working_days_left"] is not None:
            found.extend(_theirs(ws, row, today))
        if row["act_by"]:
            found.append(_ours(row))
        for kind, on, summary, description, left in found:
            whose, words = KINDS[kind]
            out.append({
                "uid": f"{row['reference'].lower()}-{kind}@foi", "kind": kind, "whose": whose, "what": words,
                "due_on": on, "summary": f"{summary}: {row['body_name']} [{row['reference']}]",
                "description": f"Batch {row['batch']}: {description} Status on {today.isoformat()}: {row['status']}.",
                "working_days_left": left, "sequence": counts.get(row["id"], 0),
                "batch": row["batch"], "body": row["body"], "reference": row["reference"], "status": row["status"],
            })
    out.sort(key=lambda e: e["due_on"])  # stable: the board's order (most urgent first) within a day
    return out


def _their_ref(row: dict[str, Any]) -> str:
    return f" (their ref {row['force_reference']})" if row["force_reference"] else ""


def _theirs(ws: Workspace, row: dict[str, Any], today: date) -> list[tuple[str, date, str, str, int]]:
    """The force's running deadline: the reply, or the internal review's answer (and its latest day)."""
    from foi.deadlines import calendar_for
    from foi.tracking import REVIEW_DAYS, REVIEW_MAX_DAYS, derive_state, load_events

    due = date.fromisoformat(row["due_on"])
    left = row["working_days_left"] - row["working_days_overdue"]  # negative once overdue
    who = f"{row['body_name']}{_their_ref(row)}"
    if row["recorded_status"] != "internal-review":
        return [("reply", due, "FOI reply due", f"reply due from {who} under {row['act']}. Sent {row['sent_on']}, "
                 f"received {row['received_on']}.", left)]
    cal = calendar_for(row["act"], ws.extra_holidays)
    state = derive_state(load_events(ws.db, row["id"]), calendar=cal)
    asked = state.review_asked_on
    # FOISA s.21(1) allows 20 working days and no extension; the code of practice, 40 at most.
    most = REVIEW_DAYS if row["act"] == "FOISA" else REVIEW_MAX_DAYS
    latest = cal.add_working_days(asked, most) if asked else due
    expected = "20 working days" if asked and due == cal.add_working_days(asked, REVIEW_DAYS) else "extended"
    found = [("review", due, "FOI internal review due",
              f"internal review due from {who} under {row['act']}: asked for on {asked}, expected by {due} "
              f"({expected})" + (f", {latest} at the latest." if latest > due else "."), left)]
    if latest > due:
        complain = f" by {state.complain_by}" if state.complain_by else ""
        found.append(("review-latest", latest, "FOI internal review at the latest",
                      f"the internal review asked of {who} on {asked} is due by {latest} at the latest ({most} "
                      f"working days, the most the code of practice allows); with no answer by then, complain to "
                      f"{_REGULATOR.get(row['act'], 'the ICO')}{complain}.", cal.working_days_between(today, latest)))
    return found


def _ours(row: dict[str, Any]) -> tuple[str, date, str, str, int]:
    """Our next deadline, the board's `act_by`: ask for an internal review, or complain."""
    by, who, batch = date.fromisoformat(row["act_by"]), f"{row['body_name']}{_their_ref(row)}", row["batch"]
    foisa = row["act"] == "FOISA"
    if row["act_step"] == "review":
        since = "reply (or its deadline, FOISA s.20(5))" if foisa else "reply"
        return ("ask-review", by, "FOI: last day to ask for an internal review",
                f"{who} replied ({row['recorded_status']}); ask for an internal review by {by}, 40 working days "
                f"after the {since}. After that the force may decline: `foi escalate {batch} --only review --write "
                "DIR` drafts the letter.", row["act_days_left"])
    regulator = _REGULATOR.get(row["act"], "the ICO")
    return ("complaint", by, f"FOI: last day to complain to {regulator}",
            f"complain to {regulator} about {who} by {by} ({'six months' if foisa else 'six weeks'} after the "
            f"review's answer, or after its latest day): `foi escalate {batch} --only complaint --write DIR` makes "
            "the pack.", row["act_days_left"])


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
    if out.is_dir():
        raise FoiError(f"{out} is a folder: give --out a file name, e.g. {out / 'deadlines.ics'}.")
    tmp = out.with_name(out.name + ".tmp")
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        tmp.write_bytes(data)
        tmp.replace(out)
    except OSError as exc:
        with contextlib.suppress(OSError):
            tmp.unlink(missing_ok=True)
        why = ("a file stands where its folder should be" if isinstance(exc, (FileExistsError, NotADirectoryError))
               else exc.strerror or str(exc))
        raise FoiError(f"Can't write the calendar to {out}: {why}. Give --out a file in a folder you can write "
                       "to.") from None
    return events
