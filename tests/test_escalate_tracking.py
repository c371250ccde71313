"""The event log's part in escalation: `chased`, reviews of a missed deadline, and the review and
complaint deadlines `foi.tracking` keeps on `requests`."""

from __future__ import annotations

import sqlite3
from datetime import date

import pytest

from foi.db import open_db
from foi.tracking import STATUSES, Event, ImpossibleMove, derive_state, record_event
from foi.workspace import Workspace

D = date
SENT = Event(1, D(2026, 1, 5), "sent")  # due Monday 2 February 2026 (FOIA and FOISA alike)


def ev(i: int, kind: str, on: date, **fields: object) -> Event:
    return Event(i, on, kind, **fields)  # type: ignore[arg-type]


def test_chased_is_recorded_but_never_a_status() -> None:
    state = derive_state([SENT, ev(2, "chased", D(2026, 2, 4))])
    assert (state.status, state.chased_on, state.last_event_on) == ("sent", D(2026, 2, 4), D(2026, 2, 4))
    assert "chased" not in STATUSES
    review = derive_state([SENT, ev(2, "refused", D(2026, 1, 20)), ev(3, "internal-review", D(2026, 1, 21)),
                           ev(4, "chased", D(2026, 2, 20))], strict=True)
    assert (review.status, review.chased_on) == ("internal-review", D(2026, 2, 20))


@pytest.mark.parametrize(("events", "message"), [
    ([ev(1, "chased", D(2026, 1, 5))], "still a draft"),
    ([SENT, ev(2, "refused", D(2026, 1, 20)), ev(3, "chased", D(2026, 1, 21))], "the request is refused"),
    # A review of a request still awaiting its reply is for a missed deadline only.
    ([SENT, ev(2, "internal-review", D(2026, 2, 2))],
     "the request is sent (due 2026-02-02): an internal review needs a reply to review, or a reply deadline that "
     "has passed"),
])
def test_impossible_escalations(events: list[Event], message: str) -> None:
    with pytest.raises(ImpossibleMove, match=message.replace("(", r"\(").replace(")", r"\)")):
        derive_state(events, strict=True)


def test_a_missed_deadline_can_be_reviewed_and_the_review_answered_by_the_reply() -> None:
    state = derive_state([SENT, ev(2, "internal-review", D(2026, 2, 3)), ev(3, "refused", D(2026, 2, 20),
                                                                             sections=("12",))], strict=True)
    assert (state.status, state.review_asked_on, state.last_reply_on) == ("refused", D(2026, 2, 3), D(2026, 2, 20))
    # The refusal answered the review: next is the Commissioner, within six weeks.
    assert (state.review_by, state.complain_by) == (None, D(2026, 4, 3))


def test_review_by_counts_40_working_days_from_the_reply_under_foia() -> None:
    refused = derive_state([SENT, ev(2, "refused", D(2026, 1, 9), sections=("40(2)",))])
    assert refused.review_by == D(2026, 3, 6)  # no holidays between: eight weeks of weekdays
    partial = derive_state([SENT, ev(2, "partial", D(2026, 1, 20), sections=("40(2)",))])
    assert partial.review_by == D(2026, 3, 18)  # St Patrick's Day (17 March) is not a working day
    ncnd = derive_state([SENT, ev(2, "not-held", D(2026, 1, 20), ncnd=True)])
    assert ncnd.review_by == D(2026, 3, 18)
    for kind in ("responded", "not-held"):
        assert derive_state([SENT, ev(2, kind, D(2026, 1, 20))]).review_by is None


def test_foisa_counts_from_the_deadline_when_the_reply_was_on_time() -> None:
    on_time = derive_state([SENT, ev(2, "refused", D(2026, 1, 9), sections=("12",))], act="FOISA")
    assert (on_time.due_on, on_time.review_by) == (D(2026, 2, 2), D(2026, 3, 30))
    late = derive_state([SENT, ev(2, "refused", D(2026, 2, 9), sections=("12",))], act="FOISA")
    assert late.review_by == D(2026, 4, 7)  # 40 working days from the late reply; Easter Monday works in Scotland


def test_complain_by() -> None:
    upheld = [SENT, ev(2, "refused", D(2026, 1, 9), sections=("31(1)(a)",)), ev(3, "internal-review", D(2026, 1, 12)),
              ev(4, "review-upheld", D(2026, 2, 10))]
    assert derive_state(upheld).complain_by == D(2026, 3, 24)  # six weeks (the ICO)
    assert derive_state(upheld, act="FOISA").complain_by == D(2026, 8, 10)  # six months (FOISA s.47(4)(a))
    pending = derive_state(upheld[:3])
    # No answer: the ICO takes it once 40 working days have passed (9 March), six weeks from then.
    assert (pending.review_due_on, pending.complain_by) == (D(2026, 2, 9), D(2026, 4, 20))
    # FOISA: 20 working days and no more (s.21(1)); six months from the 9 February they ran out.
    assert derive_state(upheld[:3], act="FOISA").complain_by == D(2026, 8, 9)
    overturned = derive_state([*upheld[:3], ev(4, "review-overturned", D(2026, 2, 10))])
    assert (overturned.review_outcome_on, overturned.complain_by) == (D(2026, 2, 10), None)


def test_requests_keep_the_deadlines_for_the_board(batch_ws: Workspace) -> None:
    ws = batch_ws
    kent = ws.db.execute("SELECT id FROM requests WHERE body = 'kent'").fetchone()[0]
    record_event(ws.db, kent, "sent", D(2026, 1, 5), extra_holidays={})
    record_event(ws.db, kent, "refused", D(2026, 1, 20), sections=["12"], extra_holidays={})
    row = ws.db.execute("SELECT review_by, complain_by FROM requests WHERE id = ?", [kent]).fetchone()
    assert row == ("2026-03-18", None)
    record_event(ws.db, kent, "internal-review", D(2026, 1, 21), extra_holidays={})
    record_event(ws.db, kent, "review-upheld", D(2026, 2, 10), extra_holidays={})
    assert ws.db.execute("SELECT review_by, complain_by FROM requests WHERE id = ?", [kent]).fetchone() == (
        None, "2026-03-24")


def test_an_older_database_gets_the_columns_filled_on_open(batch_ws: Workspace) -> None:
    ws = batch_ws
    kent = ws.db.execute("SELECT id FROM requests WHERE body = 'kent'").fetchone()[0]
    record_event(ws.db, kent, "sent", D(2026, 1, 5), extra_holidays={})
    record_event(ws.db, kent, "refused", D(2026, 1, 20), sections=["12"], extra_holidays={})
    # A schema 5 file: before messages.error/reading and requests.review_by/complain_by.
    for table, column in (("requests", "review_by"), ("requests", "complain_by"), ("messages", "error"),
                          ("messages", "reading")):
        ws.db.conn.execute(f"ALTER TABLE {table} DROP COLUMN {column}")
    ws.db.conn.execute("UPDATE meta SET value = '5' WHERE key = 'schema_version'")
    ws.db.conn.commit()
    ws.db.conn.close()
    reopened = open_db(ws.db_path)
    assert reopened.execute("SELECT review_by FROM requests WHERE id = ?", [kent]).fetchone() == ("2026-03-18",)
    assert {"error", "reading"} <= {c.name for c in reopened["messages"].columns}
    assert reopened.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()[0] == "6"
    reopened.conn.close()


def test_a_read_only_older_database_still_shows_its_board(batch_ws: Workspace, tmp_path: object) -> None:
    from foi.board import board
    from foi.workspace import find_workspace

    ws = batch_ws
    ws.db.conn.execute("ALTER TABLE requests DROP COLUMN review_by")
    ws.db.conn.commit()
    ws.db.conn.close()
    fresh = find_workspace(ws.root)
    conn = sqlite3.connect(f"file:{ws.db_path}?mode=ro", uri=True)
    import sqlite_utils

    fresh.__dict__["db"] = sqlite_utils.Database(conn)
    rows = board(fresh, "cautions", today=D(2026, 2, 27))
    assert len(rows) == 43 and rows[0]["review_by"] is None and rows[0]["act_by"] is None
