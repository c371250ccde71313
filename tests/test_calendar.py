"""The .ics of deadlines, theirs and ours: one event per deadline, stable UIDs, updates not duplicates."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from escalate_helpers import TODAY, build_every_state
from icalendar import Calendar

from foi.board import board
from foi.calendar import deadline_events, write_calendar
from foi.errors import FoiError
from foi.marking import mark
from foi.workspace import Workspace

D = date
NOW = datetime(2025, 10, 2, 9, 0, tzinfo=UTC)


def _events(path: Path) -> dict[str, dict]:
    cal = Calendar.from_ical(path.read_bytes())
    return {str(e["UID"]): {"start": e.decoded("DTSTART"), "end": e.decoded("DTEND"), "seq": int(e["SEQUENCE"]),
                            "summary": str(e["SUMMARY"])} for e in cal.walk("VEVENT")}


def test_one_event_per_open_deadline(batch_ws: Workspace, tmp_path: Path) -> None:
    ws = batch_ws
    mark(ws, "cautions", ["kent", "essex", "surrey", "dorset"], "sent", on=D(2025, 10, 1))
    mark(ws, "cautions", ["essex"], "refused", on=D(2025, 10, 20), sections=["12"])
    mark(ws, "cautions", ["surrey"], "clarification", on=D(2025, 10, 2))
    mark(ws, "cautions", ["dorset"], "responded", on=D(2025, 10, 20))
    mark(ws, "cautions", ["dorset"], "internal-review", on=D(2025, 11, 3))
    out = tmp_path / "cal" / "deadlines.ics"
    written = write_calendar(ws, out, "cautions", today=D(2025, 10, 2), now=NOW)
    assert [e["uid"] for e in written] == ["foi-cautions-0020-reply@foi", "foi-cautions-0010-review@foi",
                                           "foi-cautions-0013-ask-review@foi", "foi-cautions-0010-review-latest@foi"]
    events = _events(out)
    assert events["foi-cautions-0020-reply@foi"] == {
        "start": D(2025, 10, 29), "end": D(2025, 10, 30), "seq": 1,
        "summary": "FOI reply due: Kent Police [FOI-CAUTIONS-0020]"}
    assert events["foi-cautions-0010-review@foi"]["start"] == D(2025, 12, 2)  # 20 working days after asking
    assert events["foi-cautions-0010-review-latest@foi"]["start"] == D(2026, 1, 5)  # 40, over Christmas
    assert events["foi-cautions-0013-ask-review@foi"] == {  # ours: 40 working days after essex refused
        "start": D(2025, 12, 16), "end": D(2025, 12, 17), "seq": 2,
        "summary": "FOI: last day to ask for an internal review: Essex Police [FOI-CAUTIONS-0013]"}
    text = out.read_text()
    assert "DTSTAMP:20251002T090000Z" in text and "PRODID:-//foi//FOI request deadlines//EN" in text
    assert not out.with_name("deadlines.ics.tmp").exists()


def test_reexport_updates_the_same_event(batch_ws: Workspace, tmp_path: Path) -> None:
    ws = batch_ws
    mark(ws, "cautions", ["kent"], "sent", on=D(2025, 10, 1))
    out = tmp_path / "deadlines.ics"
    write_calendar(ws, out, today=D(2025, 10, 2), now=NOW)
    first = _events(out)
    mark(ws, "cautions", ["kent"], "extended", on=D(2025, 10, 28))
    write_calendar(ws, out, today=D(2025, 10, 28), now=NOW)
    second = _events(out)
    assert list(first) == list(second) == ["foi-cautions-0020-reply@foi"]
    uid = "foi-cautions-0020-reply@foi"
    assert (first[uid]["start"], second[uid]["start"]) == (D(2025, 10, 29), D(2025, 11, 26))
    assert second[uid]["seq"] > first[uid]["seq"]  # calendar programs take the higher SEQUENCE as the update
    mark(ws, "cautions", ["kent"], "responded", on=D(2025, 11, 20))
    assert write_calendar(ws, out, today=D(2025, 11, 20), now=NOW) == []
    assert _events(out) == {}


def test_every_deadline_of_the_board_is_in_the_calendar(batch_ws: Workspace, tmp_path: Path) -> None:
    """Theirs and ours, on the same days as `foi status` shows them, for a batch in every state."""
    ws = batch_ws
    build_every_state(ws)
    rows = {r["body"]: r for r in board(ws, "cautions", today=TODAY)}
    events = deadline_events(ws, "cautions", today=TODAY)
    by_body: dict[str, dict[str, date]] = {}
    for e in events:
        by_body.setdefault(e["body"], {})[e["kind"]] = e["due_on"]
    for body, row in rows.items():
        got = by_body.get(body, {})
        if row["working_days_left"] is not None:
            kind = "review" if row["recorded_status"] == "internal-review" else "reply"
            assert got[kind].isoformat() == row["due_on"], body
        if row["act_by"]:
            kind = "ask-review" if row["act_step"] == "review" else "complaint"
            assert got[kind].isoformat() == row["act_by"], body
        assert set(got) <= {"reply", "review", "review-latest", "ask-review", "complaint"}
    # Refused Tue 20 Jan: the 40th working day, St Patrick's Day (a bank holiday in Northern Ireland) skipped.
    assert by_body["essex"] == {"ask-review": D(2026, 3, 18)}
    assert by_body["durham"] == {"review": D(2026, 3, 16), "review-latest": D(2026, 4, 16)}  # asked 16 Feb; Easter
    # cumbria's review is overdue: the latest day still to come, and already the day to complain by.
    assert by_body["cumbria"] == {"review": D(2026, 2, 11), "review-latest": D(2026, 3, 11),
                                  "complaint": D(2026, 4, 22)}
    assert by_body["gwent"] == {"complaint": D(2026, 3, 24)}  # upheld 10 Feb: six weeks
    # Asked 24 Nov 2025, no answer by the 40th working day (26 Jan, over Christmas), then six weeks.
    assert by_body["cleveland"] == {"review": D(2025, 12, 23), "review-latest": D(2026, 1, 26),
                                    "complaint": D(2026, 3, 9)}
    assert by_body["police-scotland"] == {"ask-review": D(2026, 3, 30)}  # FOISA: 40 after the deadline of 2 Feb
    assert "kent" in by_body and "cheshire" not in by_body and "humberside" not in by_body
    assert [e["due_on"] for e in events] == sorted(e["due_on"] for e in events)
    assert len({e["uid"] for e in events}) == len(events)
    cumbria = next(e for e in events if e["body"] == "cumbria" and e["kind"] == "review-latest")
    assert cumbria["whose"] == "theirs" and cumbria["working_days_left"] == 8
    assert "at the latest (40 working days, the most the code of practice allows); with no answer by then, " \
        "complain to the ICO by 2026-04-22." in cumbria["description"]
    scotland = next(e for e in events if e["body"] == "police-scotland")
    assert scotland["summary"] == "FOI: last day to ask for an internal review: Police Scotland [FOI-CAUTIONS-0044]"
    out = tmp_path / "deadlines.ics"
    write_calendar(ws, out, "cautions", today=TODAY, now=NOW)
    assert sorted(_events(out)) == sorted(e["uid"] for e in events)


def test_our_deadline_moves_with_the_record(batch_ws: Workspace, tmp_path: Path) -> None:
    """Asking for the review ends "review by" and starts the review's; its answer starts "complain by"."""
    ws = batch_ws
    mark(ws, "cautions", ["kent"], "sent", on=D(2025, 10, 1))
    mark(ws, "cautions", ["kent"], "refused", on=D(2025, 10, 20), sections=["40(2)"])
    out = tmp_path / "deadlines.ics"
    first = write_calendar(ws, out, today=D(2025, 10, 21), now=NOW)
    assert [(e["uid"], e["due_on"]) for e in first] == [("foi-cautions-0020-ask-review@foi", D(2025, 12, 16))]
    mark(ws, "cautions", ["kent"], "internal-review", on=D(2025, 10, 27))
    mark(ws, "cautions", ["kent"], "review-upheld", on=D(2025, 11, 10), sections=["40(2)"])
    last = write_calendar(ws, out, today=D(2025, 11, 10), now=NOW)
    assert [(e["uid"], e["due_on"], e["whose"]) for e in last] == [
        ("foi-cautions-0020-complaint@foi", D(2025, 12, 22), "ours")]  # six weeks after the answer
    assert _events(out)["foi-cautions-0020-complaint@foi"]["summary"] == (
        "FOI: last day to complain to the ICO: Kent Police [FOI-CAUTIONS-0020]")
    passed = write_calendar(ws, out, today=D(2026, 1, 5), now=NOW)
    assert passed[0]["working_days_left"] < 0  # kept once passed, as the board keeps it


def test_an_extended_review_is_due_on_its_new_date(batch_ws: Workspace) -> None:
    ws = batch_ws
    mark(ws, "cautions", ["kent"], "sent", on=D(2025, 10, 1))
    mark(ws, "cautions", ["kent"], "refused", on=D(2025, 10, 20), sections=["40(2)"])
    mark(ws, "cautions", ["kent"], "internal-review", on=D(2025, 10, 27))
    mark(ws, "cautions", ["kent"], "extended", on=D(2025, 11, 20))  # to the 40th working day
    events = deadline_events(ws, today=D(2025, 11, 20))
    assert [(e["kind"], e["due_on"]) for e in events] == [("review", D(2025, 12, 23))]
    assert "expected by 2025-12-23 (extended)." in events[0]["description"]


def test_a_folder_or_unwritable_place_is_refused_and_nothing_is_left(batch_ws: Workspace, tmp_path: Path) -> None:
    mark(batch_ws, "cautions", ["kent"], "sent", on=D(2025, 10, 1))
    with pytest.raises(FoiError, match=r"^.* is a folder: give --out a file name, e\.g\. .*deadlines\.ics\.$"):
        write_calendar(batch_ws, tmp_path, today=D(2025, 10, 2))
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(FoiError, match=r"^Can't write the calendar to .*: a file stands where its folder "
                                     r"should be\. Give --out a file in a folder you can write to\.$"):
        write_calendar(batch_ws, blocker / "deadlines.ics", today=D(2025, 10, 2))
    assert sorted(p.name for p in tmp_path.iterdir()) == ["file", "w"]  # w: the workspace
