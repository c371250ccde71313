"""The .ics of open deadlines: one event per open deadline, stable UIDs, updates not duplicates."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

from icalendar import Calendar

from foi.calendar import write_calendar
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
    assert [e["uid"] for e in written] == ["foi-cautions-0020-reply@foi", "foi-cautions-0010-review@foi"]
    events = _events(out)
    assert events["foi-cautions-0020-reply@foi"] == {
        "start": D(2025, 10, 29), "end": D(2025, 10, 30), "seq": 1,
        "summary": "FOI reply due: Kent Police [FOI-CAUTIONS-0020]"}
    assert events["foi-cautions-0010-review@foi"]["start"] == D(2025, 12, 2)
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
