"""The status board, its statistics and the due list."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import date

import holidays
import pytest

from foi import deadlines
from foi.batches import create_batch
from foi.board import board, counts, current_status, due, stats, urgency
from foi.errors import FoiError
from foi.marking import mark
from foi.workspace import Workspace, find_workspace

D = date
VARS = {"first_year": "2019/20", "last_year": "2023/24"}


@pytest.fixture
def busy(batch_ws: Workspace) -> Workspace:
    """cautions sent Wed 1 Oct 2025 (due Wed 29 Oct) to five forces, each at a different stage."""
    ws = batch_ws
    mark(ws, "cautions", ["kent", "essex", "surrey", "dorset", "durham", "cumbria"], "sent", on=D(2025, 10, 1))
    mark(ws, "cautions", ["essex"], "refused", on=D(2025, 10, 20), sections=["12", "40(2)"])
    mark(ws, "cautions", ["surrey"], "partial", on=D(2025, 11, 5), sections=["40(2)"], ncnd=True)  # late
    mark(ws, "cautions", ["dorset"], "extended", on=D(2025, 10, 28))  # due Wed 26 Nov
    mark(ws, "cautions", ["durham"], "responded", on=D(2025, 10, 29))  # on the last day: on time
    mark(ws, "cautions", ["cumbria"], "clarification", on=D(2025, 10, 3))
    return ws


def test_current_status() -> None:
    row = {"status": "sent", "due_on": "2025-10-29"}
    assert current_status(row, D(2025, 10, 29)) == "sent"
    assert current_status(row, D(2025, 10, 30)) == "overdue"
    assert current_status({"status": "internal-review", "due_on": "2025-12-02"}, D(2025, 12, 3)) == "review-overdue"
    assert current_status({"status": "refused", "due_on": "2025-10-29"}, D(2026, 1, 1)) == "refused"
    assert current_status({"status": "clarification", "due_on": None}, D(2026, 1, 1)) == "clarification"


def test_board_reports_overdue_exactly(busy: Workspace) -> None:
    on_due_day = {r["body"]: r for r in board(busy, "cautions", today=D(2025, 10, 29))}
    assert (on_due_day["kent"]["status"], on_due_day["kent"]["working_days_left"],
            on_due_day["kent"]["working_days_overdue"]) == ("sent", 0, 0)
    after = {r["body"]: r for r in board(busy, "cautions", today=D(2025, 11, 3))}  # Mon: Thu, Fri, Mon late
    assert (after["kent"]["status"], after["kent"]["working_days_left"], after["kent"]["working_days_overdue"]) == (
        "overdue", 0, 3)
    assert after["dorset"]["status"] == "extended" and after["dorset"]["working_days_left"] == 17
    assert after["essex"]["working_days_left"] is None and after["essex"]["sections"] == ["12", "40(2)"]
    assert after["cumbria"]["status"] == "clarification" and after["cumbria"]["due_on"] is None
    overdue = {r["body"] for r in board(busy, today=D(2025, 11, 3), only=["overdue"])}
    # The board reads the recorded state: surrey's reply of 5 Nov shows even when looking on 3 Nov.
    assert overdue == {"kent"}


def test_board_is_sorted_most_urgent_first(busy: Workspace) -> None:
    mark(busy, "cautions", ["hampshire"], "sent", on=D(2025, 10, 6))  # due Mon 3 Nov
    rows = board(busy, "cautions", today=D(2025, 10, 31))
    order = [r["body"] for r in rows]
    # kent 2 working days overdue; hampshire due Mon (1 left); dorset due 26 Nov; cumbria owes nothing.
    assert order[:4] == ["kent", "hampshire", "dorset", "cumbria"]
    assert [r["working_days_left"] for r in rows[:4]] == [0, 1, 18, None]
    assert {r["status"] for r in rows[4:40]} == {"draft"}
    assert order[40:] == ["durham", "essex", "surrey"]  # closed, by batch then body
    assert [urgency(r)[0] for r in rows] == sorted(urgency(r)[0] for r in rows)
    later = board(busy, "cautions", today=D(2025, 11, 10))
    assert [r["body"] for r in later[:2]] == ["kent", "hampshire"]  # most working days overdue first


def test_board_filters_and_counts(busy: Workspace) -> None:
    rows = board(busy, "cautions", today=D(2025, 11, 3))
    assert list(counts(rows).items()) == [("draft", 37), ("clarification", 1), ("extended", 1), ("responded", 1),
                                          ("partial", 1), ("refused", 1), ("overdue", 1)]
    assert [r["body"] for r in board(busy, "cautions", today=D(2025, 11, 3), only=["refused", "partial"])] == [
        "essex", "surrey"]
    with pytest.raises(FoiError, match="Unknown status 'late' for --only"):
        board(busy, today=D(2025, 11, 3), only=["late"])
    with pytest.raises(FoiError, match="Unknown batch 'nope'"):
        board(busy, "nope", today=D(2025, 11, 3))


def test_stats_agree_with_the_board(busy: Workspace) -> None:
    today = D(2025, 11, 3)
    data = stats(busy, "cautions", today=today)
    assert data["by_status"] == counts(board(busy, "cautions", today=today))
    assert data["refusals_by_section"] == {"40": 2, "12": 1}  # essex cites 12 and 40(2): counted under both
    assert data["citations"] == {"40(2)": 2, "12": 1}
    assert data["ncnd"] == 1
    # essex 13 working days, durham 20 (on the due day), surrey 25 (late, still the first reply).
    assert (data["replied"], data["on_time"], data["late"]) == (3, 2, 2)  # kent overdue and silent is late too
    assert data["on_time_rate"] == 0.5
    assert data["median_working_days_to_reply"] == 20
    assert data["slowest"] == {"body": "surrey", "working_days": 25}
    assert [s["body"] for s in data["still_silent"]] == ["kent", "dorset"]


def test_due_across_batches(busy: Workspace) -> None:
    create_batch(busy, "stops", template="request-outcomes", vars=VARS, today=D(2025, 10, 1))
    mark(busy, "stops", ["kent"], "sent", on=D(2025, 10, 8))  # due Wed 5 Nov
    rows = due(busy, today=D(2025, 10, 31), within=3)  # Fri: Mon 3 Nov (1), Tue (2), Wed 5 Nov (3)
    assert [(r["batch"], r["body"], r["status"], r["working_days_left"]) for r in rows] == [
        ("cautions", "kent", "overdue", 0), ("stops", "kent", "sent", 3)]
    assert [r["body"] for r in due(busy, today=D(2025, 10, 31), within=2)] == ["kent"]
    rows = due(busy, today=D(2025, 10, 30), within=0)
    assert [(r["batch"], r["body"], r["status"]) for r in rows] == [("cautions", "kent", "overdue")]
    with pytest.raises(FoiError, match="--within must be 0 or more"):
        due(busy, today=D(2025, 10, 30), within=-1)


def test_extra_holidays_added_later_move_stored_due_dates(busy: Workspace) -> None:
    config = busy.root / "foi.toml"
    config.write_text(config.read_text().replace("extra_holidays = {}",
                                                 'extra_holidays = { "2025-10-15" = "office move" }'))
    ws = find_workspace(busy.root)
    rows = {r["body"]: r for r in board(ws, "cautions", today=D(2025, 10, 29))}
    assert rows["kent"]["due_on"] == "2025-10-30"
    assert rows["kent"]["status"] == "sent"


# --- bank holiday tables kept in the database ------------------------------------------------------


@pytest.fixture
def no_tables() -> Iterator[None]:
    """Start with no bank holiday tables built in this process, and leave none behind."""
    deadlines.forget_bank_holidays()
    yield
    deadlines.forget_bank_holidays()


def _kept(ws: Workspace) -> dict:
    row = ws.db.execute("SELECT value FROM meta WHERE key = 'bank_holidays'").fetchone()
    return json.loads(row[0]) if row else {}


def _no_package(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("the holidays package was asked")

    monkeypatch.setattr(holidays, "country_holidays", refuse)


def test_board_keeps_bank_holidays_for_the_next_run(busy: Workspace, no_tables: None,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    today = D(2025, 12, 29)  # counting over Christmas: kent is overdue by working days
    fresh, fresh_stats = board(busy, "cautions", today=today), stats(busy, "cautions", today=today)
    kept = _kept(busy)
    assert kept["source"] == deadlines.bank_holidays_source()
    assert kept["tables"]["FOIA 2025"]["2025-12-26"] == "Boxing Day"
    # The next run (a new process: no tables built) counts the same without the package.
    deadlines.forget_bank_holidays()
    _no_package(monkeypatch)
    assert board(busy, "cautions", today=today) == fresh
    assert stats(busy, "cautions", today=today) == fresh_stats
    assert _kept(busy) == kept


@pytest.mark.parametrize("stored", [
    # Kept under another version of the package: Boxing Day 2025 a working day, 15 October not.
    json.dumps({"source": "holidays 0.1; foi.deadlines 0", "tables": {"FOIA 2025": {"2025-10-15": "Made up"}}}),
    '{"source": ',  # damaged
    json.dumps({"source": "SOURCE", "tables": {"FOIA 2025": {"2025-10-15": ""}}}),  # malformed table
    json.dumps(["SOURCE"]),
])
def test_stale_or_damaged_kept_tables_are_rebuilt(busy: Workspace, no_tables: None, stored: str) -> None:
    today = D(2025, 12, 29)
    fresh = board(busy, "cautions", today=today)
    kept = _kept(busy)
    busy.db.conn.execute("UPDATE meta SET value = ? WHERE key = 'bank_holidays'",
                         (stored.replace("SOURCE", kept["source"]),))
    deadlines.forget_bank_holidays()
    assert board(busy, "cautions", today=today) == fresh
    assert _kept(busy) == kept
