"""The status board, batch statistics and what falls due: read-only views of `requests`.

The board reads the derived columns that `foi.tracking` keeps in step with the event log, so it
costs one query however long the history is; only `stats` replays events (for reply times). The
bank holiday tables it counts working days with are kept in `meta` too (see `_kept_bank_holidays`):
building them means importing the holidays package, which would cost more than the board itself.

Two statuses exist only here, because they depend on the day you look:
  overdue         awaiting a reply (sent, acknowledged, clarified, extended) after the due date;
                  this is the "no reply" editors ask about.
  review-overdue  an internal review not decided by its due date (20 working days after we asked,
                  or the extended date, 40 at most).

Besides the force's deadline, a row carries ours once the force has answered: the last day to ask
for an internal review of a refusal (`review_by`) and to complain to the Commissioner
(`complain_by`), kept on `requests` by `foi.tracking`; `act_by`/`act_step` is the one that matters
now, and `foi escalate` says what to do about it.
"""

from __future__ import annotations

import json
import sqlite3
from collections import Counter
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from datetime import date
from typing import TYPE_CHECKING, Any

from foi.db import dumps
from foi.deadlines import Calendar, bank_holiday_tables, bank_holidays_source, calendar_for, seed_bank_holidays
from foi.errors import FoiError
from foi.tracking import (
    AWAITING,
    CLOSED,
    DEADLINE_RUNNING,
    OPEN,
    STATUSES,
    derive_state,
    load_batch_events,
    rederive,
    section_base,
)

if TYPE_CHECKING:
    import sqlite_utils

    from foi.workspace import Workspace

BOARD_STATUSES = (*STATUSES, "overdue", "review-overdue")
WAITING = OPEN - DEADLINE_RUNNING  # open, but no s.10 deadline running
_EXTRA_KEY = "tracking_extra_holidays"
_HOLIDAYS_KEY = "bank_holidays"


def current_status(row: Mapping[str, Any], today: date) -> str:
    """The status the board shows for a `requests` row on `today` (adds overdue, review-overdue)."""
    status = row["status"]
    due = row.get("due_on")
    if due is None or status not in DEADLINE_RUNNING:
        return status
    if isinstance(due, str):
        due = date.fromisoformat(due)
    return _late(status) if today > due else status


def _late(status: str) -> str:
    return "review-overdue" if status == "internal-review" else "overdue"


def check_statuses(statuses: Sequence[str] | None, what: str = "--only") -> list[str] | None:
    if not statuses:
        return None
    bad = [s for s in statuses if s not in BOARD_STATUSES]
    if bad:
        raise FoiError(f"Unknown status {', '.join(map(repr, bad))} for {what}: use {', '.join(BOARD_STATUSES)}.")
    return list(statuses)


def keep_in_step(ws: Workspace) -> None:
    """Re-derive every request once after foi.toml's extra holidays change, so stored due dates
    always count the days the user says are not working days."""
    db = ws.db
    current = dumps(sorted(d.isoformat() for d in ws.extra_holidays))
    row = db.conn.execute("SELECT value FROM meta WHERE key = ?", (_EXTRA_KEY,)).fetchone()
    stored = row[0] if row else "[]"
    if stored == current or getattr(db, "foi_read_only", False):
        return  # on read-only storage the board shows the due dates as last stored
    with db.atomic():
        ids = [r[0] for r in db.conn.execute("SELECT DISTINCT request_id FROM events").fetchall()]
        rederive(db, ids, ws.extra_holidays)
        db.conn.execute("INSERT INTO meta(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = "
                        "excluded.value", (_EXTRA_KEY, current))


@contextmanager
def _kept_bank_holidays(db: sqlite_utils.Database) -> Iterator[None]:
    """Count with the bank holiday tables kept in `meta` by an earlier run, and keep any new ones.

    Only tables built under the same `bank_holidays_source` (holidays version and foi.deadlines
    code) are used, so an upgrade rebuilds them.
    """
    source = bank_holidays_source()
    row = db.conn.execute("SELECT value FROM meta WHERE key = ?", (_HOLIDAYS_KEY,)).fetchone()
    kept: set[str] = set()
    if row:
        try:
            data = json.loads(row[0])
            if isinstance(data, dict) and data.get("source") == source:
                seed_bank_holidays(data.get("tables"))
                kept = set(data["tables"])
        except ValueError:
            pass  # a damaged copy is rebuilt from the package below
    yield
    tables = bank_holiday_tables()
    if set(tables) <= kept:
        return
    try:
        with db.atomic():
            db.conn.execute("INSERT INTO meta(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = "
                            "excluded.value", (_HOLIDAYS_KEY, dumps({"source": source, "tables": tables})))
    except (sqlite3.OperationalError, FoiError):
        pass  # a read-only or busy database still shows the board; the tables are built again next time


class _Calendars(dict[str, Calendar]):
    def __init__(self, extra: Mapping[date, str]) -> None:
        super().__init__()
        self.extra = extra

    def __missing__(self, act: str) -> Calendar:
        cal = self[act] = calendar_for(act or "FOIA", self.extra)
        return cal


def _query(ws: Workspace, batch: str | None) -> list[tuple[Any, ...]]:
    db = ws.db
    if batch is not None:
        from foi.batches import get_batch

        get_batch(db, batch)  # an unknown name is an error, not an empty board
    sql = ("SELECT r.id, r.batch, r.body, b.name AS body_name, b.act, r.reference, r.status, r.sent_on, "
           "r.received_on, r.due_on, r.force_reference, r.sections, r.ncnd, r.last_event_on, "
           f"{_escalation_columns(db)} FROM requests r JOIN bodies b ON b.slug = r.body")
    # Plain tuples, unpacked by _board_row: a dict per row only to read it once costs more than the query.
    return db.conn.execute(sql + (" WHERE r.batch = ?" if batch else ""), (batch,) if batch else ()).fetchall()


def _escalation_columns(db: sqlite_utils.Database) -> str:
    # A read-only database made before these columns existed still shows its board, without them.
    have = {row[1] for row in db.conn.execute("PRAGMA table_info(requests)").fetchall()}
    return "r.review_by, r.complain_by" if {"review_by", "complain_by"} <= have else "NULL, NULL"


def _board_row(raw: tuple[Any, ...], today: date, cals: _Calendars) -> dict[str, Any]:
    (request_id, batch, body, body_name, act, reference, recorded, sent_on, received_on, due_on, force_reference,
     sections, ncnd, last_event_on, review_by, complain_by) = raw
    status = recorded
    left = overdue = None
    if recorded in DEADLINE_RUNNING and due_on:  # current_status's rule, with the due date parsed once
        due = date.fromisoformat(due_on)
        days = cals[act].working_days_between(today, due)
        if today <= due:
            left, overdue = days, 0
        else:
            left, overdue, status = 0, -days, _late(recorded)
    act_by = act_step = act_left = None
    # While their deadline runs, ours waits; once a review is overdue, the time to complain shows.
    if (recorded not in OPEN or status == "review-overdue") and (review_by or complain_by):
        act_by, act_step = (review_by, "review") if review_by else (complain_by, "complaint")
        act_left = cals[act].working_days_between(today, date.fromisoformat(act_by))
    return {
        "batch": batch, "body": body, "body_name": body_name, "act": act, "status": status,
        "recorded_status": recorded, "sent_on": sent_on, "received_on": received_on, "due_on": due_on,
        "working_days_left": left, "working_days_overdue": overdue, "reference": reference,
        "force_reference": force_reference,
        "sections": json.loads(sections) if sections not in (None, "[]") else [],
        "ncnd": bool(ncnd), "last_event_on": last_event_on, "review_by": review_by, "complain_by": complain_by,
        "act_by": act_by, "act_step": act_step, "act_days_left": act_left, "id": request_id,
    }


def urgency(row: Mapping[str, Any]) -> tuple[Any, ...]:
    """Most urgent first: overdue (most working days first), then due soonest, then open without a
    deadline, then drafts, then closed."""
    status, due = row["status"], row["due_on"] or "9999-12-31"
    if status in ("overdue", "review-overdue"):
        head: tuple[Any, ...] = (0, -row["working_days_overdue"], due)
    elif row["recorded_status"] in DEADLINE_RUNNING:
        head = (1, row["working_days_left"], due)
    elif status in WAITING:
        head = (2, 0, row["last_event_on"] or "")
    elif status == "draft":
        head = (3, 0, "")
    else:
        head = (4, 0, "")
    return (*head, row["batch"], row["body"])


def board(ws: Workspace, batch: str | None = None, *, today: date,
          only: Sequence[str] | None = None) -> list[dict[str, Any]]:
    """One row per request (of one batch, or all), most urgent first."""
    only = check_statuses(only)
    with _kept_bank_holidays(ws.db):
        keep_in_step(ws)
        cals = _Calendars(ws.extra_holidays)
        rows = [_board_row(raw, today, cals) for raw in _query(ws, batch)]
    if only:
        rows = [r for r in rows if r["status"] in only]
    rows.sort(key=urgency)
    return rows


def counts(rows: Sequence[Mapping[str, Any]]) -> dict[str, int]:
    """Requests per board status, in the order of a request's life."""
    found = Counter(r["status"] for r in rows)
    return {s: found[s] for s in BOARD_STATUSES if found[s]}


def due(ws: Workspace, *, today: date, within: int = 5) -> list[dict[str, Any]]:
    """Across all batches: what is overdue, or falls due within `within` working days of today: the
    forces' deadlines, and ours to ask for a review or complain (not yet passed)."""
    if within < 0:
        raise FoiError(f"--within must be 0 or more working days, not {within}.")
    return [r for r in board(ws, today=today)
            if (r["working_days_left"] is not None
                and (r["status"] in ("overdue", "review-overdue") or r["working_days_left"] <= within))
            or (r["act_days_left"] is not None and 0 <= r["act_days_left"] <= within)]


def stats(ws: Workspace, batch: str, *, today: date) -> dict[str, Any]:
    """Counts by status (as on the board), refusals by section, reply times, who is still silent.

    Working days to reply count from the receipt in force when the reply came (after a clarification
    the clock restarted) to the first substantive reply. A reply is on time when it came by the due
    date then in force (an s.10(3) extension included); a request past due with no reply is late.
    """
    rows = board(ws, batch, today=today)
    db = ws.db
    with _kept_bank_holidays(db):
        return _stats(db, batch, rows, _Calendars(ws.extra_holidays), today)


def _stats(db: sqlite_utils.Database, batch: str, rows: list[dict[str, Any]], cals: _Calendars,
           today: date) -> dict[str, Any]:
    import statistics  # only here: it pulls in decimal and fractions, which the board never needs

    events = load_batch_events(db, batch)

    by_section: Counter[str] = Counter()
    by_citation: Counter[str] = Counter()
    reply_days: list[tuple[int, str]] = []
    on_time = late = chased = 0
    for row in rows:
        for base in dict.fromkeys(section_base(s) for s in row["sections"]):
            by_section[base] += 1  # a reply citing 12 and 40 counts under both
        for section in row["sections"]:
            by_citation[section] += 1
        state = derive_state(events.get(row["id"], []), calendar=cals[row["act"]])
        chased += state.chased_on is not None
        if state.replied_on is not None and state.received_at_reply is not None:
            reply_days.append((cals[row["act"]].working_days_between(state.received_at_reply, state.replied_on),
                               row["body"]))
            if state.due_at_reply is None or state.replied_on <= state.due_at_reply:
                on_time += 1
            else:
                late += 1
        elif row["status"] == "overdue":
            late += 1
    silent = [r for r in rows if r["status"] in AWAITING or r["status"] == "overdue"]
    days = [d for d, _ in reply_days]
    slowest = max(reply_days, default=None)
    return {
        "batch": batch, "today": today, "requests": len(rows), "by_status": counts(rows),
        "closed": sum(1 for r in rows if r["status"] in CLOSED),
        "refusals_by_section": dict(sorted(by_section.items(), key=lambda kv: (-kv[1], int(kv[0])))),
        "citations": dict(sorted(by_citation.items(), key=lambda kv: (-kv[1], kv[0]))),
        "ncnd": sum(1 for r in rows if r["ncnd"]),
        "replied": len(reply_days), "on_time": on_time, "late": late,
        "on_time_rate": round(on_time / (on_time + late), 3) if on_time + late else None,
        "median_working_days_to_reply": statistics.median(days) if days else None,
        "slowest": {"body": slowest[1], "working_days": slowest[0]} if slowest else None,
        "still_silent": [{"body": r["body"], "status": r["status"], "sent_on": r["sent_on"], "due_on": r["due_on"],
                          "working_days_overdue": r["working_days_overdue"]} for r in silent],
        "chased": chased,
        "reviews_pending": sum(1 for r in rows if r["recorded_status"] == "internal-review"),
        "reviews_overdue": sum(1 for r in rows if r["status"] == "review-overdue"),
        "complaints": sum(1 for r in rows if r["status"] == "ico-complaint"),
        "our_deadlines": [{"body": r["body"], "step": r["act_step"], "by": r["act_by"],
                           "working_days_left": r["act_days_left"]}
                          for r in sorted((r for r in rows if r["act_by"]), key=lambda r: (r["act_by"], r["body"]))],
    }
