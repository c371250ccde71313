"""Marking by hand and from an editor's spreadsheet (foi.marking): all or nothing, corrections, history.

Expected due dates were counted by hand: "(n)" is working day n, "x" a day not counted.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from foi.batches import get_request
from foi.errors import FoiError
from foi.marking import history, mark, mark_from_csv
from foi.tracking import load_events, record_event
from foi.workspace import Workspace

D = date


def _request(ws: Workspace, slug: str) -> dict:
    return get_request(ws.db, "cautions", slug)


# --- marking by hand ------------------------------------------------------------------------------


def test_mark_many_is_all_or_nothing(batch_ws: Workspace) -> None:
    ws = batch_ws
    mark(ws, "cautions", ["kent"], "sent", on=D(2025, 10, 1))
    with pytest.raises(FoiError, match=r"1 of 2 rejected, nothing recorded: Can't record acknowledged for essex"):
        mark(ws, "cautions", ["kent", "essex"], "acknowledged", on=D(2025, 10, 2))
    assert _request(ws, "kent")["status"] == "sent"
    result = mark(ws, "cautions", ["all"], "withdrawn", on=D(2025, 10, 3))
    assert len(result.marked) == 43
    assert {r["status"] for r in ws.db.query("SELECT status FROM requests")} == {"withdrawn"}


def test_extension_warning_reaches_the_caller(batch_ws: Workspace) -> None:
    ws = batch_ws
    mark(ws, "cautions", ["kent"], "sent", on=D(2025, 10, 1))
    result = mark(ws, "cautions", ["kent"], "extended", on=D(2025, 10, 28), until=D(2025, 12, 10))
    assert result.marked[0].due_on == D(2025, 12, 10)
    assert result.warnings == ["kent: the extension to 2025-12-10 makes 49 working days from receipt; the ICO "
                               "expects no more than 40 in total (20 more than the usual 20)"]
    with pytest.raises(FoiError, match="is not a working day"):
        mark(ws, "cautions", ["kent"], "extended", on=D(2025, 10, 28), until=D(2025, 12, 13))


def test_back_fill_that_contradicts_a_later_event_is_refused(batch_ws: Workspace) -> None:
    ws = batch_ws
    mark(ws, "cautions", ["kent"], "sent", on=D(2025, 10, 1))
    mark(ws, "cautions", ["kent"], "refused", on=D(2025, 10, 20), sections=["12"])
    # A withdrawal dated before the refusal would leave the refusal impossible.
    with pytest.raises(FoiError, match=r"event \d+ \(refused on 2025-10-20\) would come after it and be impossible"):
        mark(ws, "cautions", ["kent"], "withdrawn", on=D(2025, 10, 10))
    mark(ws, "cautions", ["kent"], "acknowledged", on=D(2025, 10, 2), force_reference="K/9")
    row = _request(ws, "kent")
    assert (row["status"], row["force_reference"], row["due_on"]) == ("refused", "K/9", "2025-10-29")


def test_correction_back_to_a_named_status(batch_ws: Workspace) -> None:
    ws = batch_ws
    mark(ws, "cautions", ["kent"], "sent", on=D(2025, 10, 1))
    mark(ws, "cautions", ["kent"], "acknowledged", on=D(2025, 10, 2), force_reference="K/1")
    mark(ws, "cautions", ["kent"], "refused", on=D(2025, 10, 20), sections=["40(2)"])
    with pytest.raises(FoiError, match="A correction needs --note"):
        mark(ws, "cautions", ["kent"], "correction", on=D(2025, 10, 21), to_status="sent")
    with pytest.raises(FoiError, match="kent was never clarification"):
        mark(ws, "cautions", ["kent"], "correction", on=D(2025, 10, 21), note="x", to_status="clarification")
    mark(ws, "cautions", ["kent"], "correction", on=D(2025, 10, 21), note="wrong force", to_status="sent")
    row = _request(ws, "kent")
    assert (row["status"], row["force_reference"], row["sections"], row["due_on"]) == (
        "sent", None, [], "2025-10-29")
    # Fixing a wrong sent date: back to draft, then the right date, earlier than the correction.
    mark(ws, "cautions", ["kent"], "correction", on=D(2025, 10, 22), note="sent on the 2nd", to_status="draft")
    mark(ws, "cautions", ["kent"], "sent", on=D(2025, 10, 2))
    row = _request(ws, "kent")
    assert (row["status"], row["sent_on"], row["due_on"]) == ("sent", "2025-10-02", "2025-10-30")
    data = history(ws, "cautions", "kent")
    assert [(e["kind"], e["status_after"], bool(e["voided_by"])) for e in data["events"]] == [
        ("sent", None, True), ("acknowledged", None, True), ("sent", "sent", False),
        ("refused", None, True), ("correction", "sent", False), ("correction", "sent", False)]
    # Nothing was deleted.
    assert ws.db.execute("SELECT COUNT(*) FROM events").fetchone()[0] == 6


def test_correction_of_one_event_and_undo(batch_ws: Workspace) -> None:
    ws = batch_ws
    mark(ws, "cautions", ["kent"], "sent", on=D(2025, 10, 1))
    note = record_event(ws.db, _request(ws, "kent")["id"], "note", D(2025, 10, 2), note="typo")
    mark(ws, "cautions", ["kent"], "correction", on=D(2025, 10, 3), note="not about kent", voids=[note])
    with pytest.raises(FoiError, match=f"Event {note} was already voided"):
        mark(ws, "cautions", ["kent"], "correction", on=D(2025, 10, 3), note="again", voids=[note])
    with pytest.raises(FoiError, match="Event 999 is not in the history of kent"):
        mark(ws, "cautions", ["kent"], "correction", on=D(2025, 10, 3), note="?", voids=[999])
    mark(ws, "cautions", ["kent"], "correction", on=D(2025, 10, 3), note="never sent")  # undo the last change
    assert _request(ws, "kent")["status"] == "draft"
    with pytest.raises(FoiError, match="Nothing to correct"):
        mark(ws, "cautions", ["kent"], "correction", on=D(2025, 10, 3), note="again")


# --- the CSV ---------------------------------------------------------------------------------------


def _csv(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "marks.csv"
    path.write_text(text, encoding="utf-8")
    return path


def test_mark_from_csv(batch_ws: Workspace, tmp_path: Path) -> None:
    ws = batch_ws
    path = _csv(tmp_path, "\ufeffForce,Status,Date,Their ref,Sections,NCND,Question,Notes,Editor\n"
                          "kent,sent,2025-10-01,,,,,,Jo\n"
                          "Kent Police,acknowledged,03/10/2025,KP-77,,,,,Jo\n"
                          "essex,sent,2025-10-01,,,,,,\n"
                          "essex,refused,2025-10-20,,\"40(2), 31(1)(a)\",yes,2,rang them,\n"
                          ",,,,,,,,\n")
    result = mark_from_csv(ws, "cautions", path, today=D(2025, 11, 1))
    assert [(m.row, m.body, m.kind) for m in result.marked] == [
        (2, "kent", "sent"), (3, "kent", "acknowledged"), (4, "essex", "sent"), (5, "essex", "refused")]
    assert result.warnings == ["ignored column(s) in marks.csv: Editor"]
    kent, essex = _request(ws, "kent"), _request(ws, "essex")
    # The acknowledgement's own date is not the date of receipt (issue 12).
    assert (kent["status"], kent["received_on"], kent["due_on"], kent["force_reference"]) == (
        "acknowledged", "2025-10-01", "2025-10-29", "KP-77")
    assert (essex["status"], essex["sections"], essex["ncnd"]) == ("refused", ["40(2)", "31(1)(a)"], 1)
    assert {e.source for e in load_events(ws.db, essex["id"])} == {"import"}


def test_csv_with_one_bad_row_changes_nothing(batch_ws: Workspace, tmp_path: Path) -> None:
    ws = batch_ws
    path = _csv(tmp_path, "body,status,on,sections\n"
                          "kent,sent,2025-10-01,\n"
                          "essex,sent,2025-10-01,\n"
                          "essex,refused,2025-10-20,44\n")
    with pytest.raises(FoiError, match=r"^marks\.csv: 1 of 3 rejected, nothing recorded: row 4 \(essex\): "
                       r"Bad FOIA section '44'"):
        mark_from_csv(ws, "cautions", path, today=D(2025, 11, 1))
    path = _csv(tmp_path, "body,status,on\nkent,sent,2025-10-01\nkent,clarified,2025-10-02\n")
    with pytest.raises(FoiError, match=r"^marks\.csv: 1 of 2 rejected, nothing recorded: row 3 \(kent\): "
                       r"Can't record clarified"):
        mark_from_csv(ws, "cautions", path, today=D(2025, 11, 1))
    path = _csv(tmp_path, "body,status,on\nkent,sent,2025-10-01\nnowhere,sent,2025-10-01\n")
    with pytest.raises(FoiError, match=r"^marks\.csv: 1 of 2 rejected, nothing recorded: row 3: 'nowhere' is "
                       r"not a body in batch 'cautions'\.$"):
        mark_from_csv(ws, "cautions", path, today=D(2025, 11, 1))
    assert ws.db.execute("SELECT COUNT(*) FROM events").fetchone()[0] == 0
    assert {r["status"] for r in ws.db.query("SELECT status FROM requests")} == {"draft"}


def test_csv_header_problems(batch_ws: Workspace, tmp_path: Path) -> None:
    with pytest.raises(FoiError, match="needs a 'status' column"):
        mark_from_csv(batch_ws, "cautions", _csv(tmp_path, "body,on\nkent,2025-10-01\n"), today=D(2025, 11, 1))
    with pytest.raises(FoiError, match="has a header but no rows"):
        mark_from_csv(batch_ws, "cautions", _csv(tmp_path, "body,status\n"), today=D(2025, 11, 1))
    with pytest.raises(FoiError, match="No such file"):
        mark_from_csv(batch_ws, "cautions", tmp_path / "missing.csv", today=D(2025, 11, 1))


