"""FOIA s.10 / FOISA s.10 deadlines.

Every expected date below was counted by hand on a calendar; the comment under each case shows the
count: "(n)" is working day n, "x" a day that is not counted and why. The day of receipt is never
counted: day 1 is the first working day after it.
"""

from __future__ import annotations

import subprocess
import sys
from datetime import date, datetime, timedelta
from functools import cache
from importlib.metadata import version
from pathlib import Path

import holidays
import pytest
from dateutil.easter import easter
from hypothesis import given, settings
from hypothesis import strategies as st

from foi.deadlines import (
    ACTS,
    Calendar,
    Deadline,
    SkippedDay,
    calendar_for,
    due_date,
    explain,
    long_date,
    parse_date,
)
from foi.errors import FoiError

D = date


def skipped_days(deadline: Deadline) -> list[date]:
    return [s.day for s in deadline.skipped]


# --- plain cases and receipt on a non-working day -------------------------------------------------


def test_plain_case_without_holidays() -> None:
    # Received Wed 1 Oct 2025; no bank holiday anywhere in the UK in October 2025.
    # Oct 2-3 (1-2), 6-10 (3-7), 13-17 (8-12), 20-24 (13-17), 27-29 (18-20) -> Wed 29 Oct.
    d = due_date(D(2025, 10, 1))
    assert d.due == D(2025, 10, 29)
    assert d.received == D(2025, 10, 1)
    assert d.act == "FOIA"
    assert d.working_days == 20
    assert skipped_days(d) == [
        D(2025, 10, 4), D(2025, 10, 5), D(2025, 10, 11), D(2025, 10, 12),
        D(2025, 10, 18), D(2025, 10, 19), D(2025, 10, 25), D(2025, 10, 26),
    ]  # fmt: skip
    assert [s.reason for s in d.skipped[:2]] == ["Saturday", "Sunday"]


@pytest.mark.parametrize("received", [D(2025, 10, 3), D(2025, 10, 4), D(2025, 10, 5)])
def test_receipt_on_friday_saturday_or_sunday_gives_the_same_due_date(received: date) -> None:
    # Received Fri 3, Sat 4 or Sun 5 Oct 2025: day 1 is Mon 6 Oct either way.
    # Oct 6-10 (1-5), 13-17 (6-10), 20-24 (11-15), 27-31 (16-20) -> Fri 31 Oct.
    d = due_date(received)
    assert d.due == D(2025, 10, 31)
    # The day of receipt is never in the skipped list, even when it is a Saturday.
    assert received not in skipped_days(d)
    assert d.skipped[0].day > received


def test_receipt_on_a_bank_holiday() -> None:
    # Received Mon 25 Aug 2025 (late summer bank holiday, E&W and NI): it is simply not counted.
    # Aug 26-29 (1-4), Sep 1-5 (5-9), 8-12 (10-14), 15-19 (15-19), 22 (20) -> Mon 22 Sep.
    d = due_date(D(2025, 8, 25))
    assert d.due == D(2025, 9, 22)
    assert D(2025, 8, 25) not in skipped_days(d)
    assert len(d.skipped) == 8  # four weekends


# --- Christmas and New Year ------------------------------------------------------------------------


def test_christmas_2021_with_saturday_sunday_substitutes_and_scottish_2_january() -> None:
    # Received Mon 20 Dec 2021.
    # Dec 21-24 (1-4); x Sat 25 Christmas; x Sun 26 Boxing Day; x Mon 27 substitute for Christmas;
    # x Tue 28 substitute for Boxing Day; Dec 29-31 (5-7); x Sat 1 Jan; x Sun 2 Jan (Scotland);
    # x Mon 3 Jan substitute for New Year's Day; x Tue 4 Jan substitute for 2 January (Scotland);
    # Jan 5-7 (8-10), 10-14 (11-15), 17-21 (16-20) -> Fri 21 Jan 2022.
    # (Counting England and Wales days only would wrongly give Thu 20 Jan.)
    d = due_date(D(2021, 12, 20))
    assert d.due == D(2022, 1, 21)
    cal = Calendar("FOIA")
    for day in (D(2021, 12, 27), D(2021, 12, 28), D(2022, 1, 3), D(2022, 1, 4)):
        assert not cal.is_working_day(day), day
    assert cal.why_not_working(D(2021, 12, 27)) == "substitute day for Christmas Day"
    assert cal.why_not_working(D(2021, 12, 28)) == "substitute day for Boxing Day"
    assert cal.why_not_working(D(2022, 1, 3)) == "substitute day for New Year's Day"
    assert cal.why_not_working(D(2022, 1, 4)) == "substitute day for 2 January (Scotland)"
    assert cal.why_not_working(D(2021, 12, 25)) == "Saturday; Christmas Day"
    assert cal.is_working_day(D(2022, 1, 5))
    # Scotland has every one of those days too, so FOISA gives the same date.
    assert due_date(D(2021, 12, 20), "FOISA").due == D(2022, 1, 21)


def test_issue_example_received_18_december_2026() -> None:
    # Received Fri 18 Dec 2026. `holidays` 0.108 gives (checked): Fri 25 Dec Christmas Day;
    # Sat 26 Dec Boxing Day -> substitute Mon 28 Dec; Fri 1 Jan 2027 New Year's Day; Sat 2 Jan 2027
    # (Scotland) -> substitute Mon 4 Jan 2027 (Scotland).
    # x Sat 19, x Sun 20; Dec 21-24 (1-4); x Fri 25 Christmas; x Sat 26; x Sun 27;
    # x Mon 28 substitute for Boxing Day; Dec 29-31 (5-7); x Fri 1 Jan; x Sat 2; x Sun 3;
    # x Mon 4 Jan substitute for 2 January (Scotland); Jan 5-8 (8-11); x 9, 10; Jan 11-15 (12-16);
    # x 16, 17; Jan 18-21 (17-20) -> Thu 21 Jan 2027.
    d = due_date(D(2026, 12, 18))
    assert d.due == D(2027, 1, 21)
    reasons = {s.day: s.reason for s in d.skipped}
    assert reasons == {
        D(2026, 12, 19): "Saturday",
        D(2026, 12, 20): "Sunday",
        D(2026, 12, 25): "Christmas Day",
        D(2026, 12, 26): "Saturday; Boxing Day",
        D(2026, 12, 27): "Sunday",
        D(2026, 12, 28): "substitute day for Boxing Day",
        D(2027, 1, 1): "New Year's Day",
        D(2027, 1, 2): "Saturday; 2 January (Scotland)",
        D(2027, 1, 3): "Sunday",
        D(2027, 1, 4): "substitute day for 2 January (Scotland)",
        D(2027, 1, 9): "Saturday",
        D(2027, 1, 10): "Sunday",
        D(2027, 1, 16): "Saturday",
        D(2027, 1, 17): "Sunday",
    }
    # The same request under FOISA: Scotland has all of these, so also Thu 21 Jan 2027.
    assert due_date(D(2026, 12, 18), "FOISA").due == D(2027, 1, 21)


# --- spring and summer -----------------------------------------------------------------------------


def test_easter_good_friday_and_easter_monday() -> None:
    # Received Thu 10 Apr 2025. Good Friday 18 Apr, Easter Monday 21 Apr, early May Mon 5 May.
    # Apr 11 (1); Apr 14-17 (2-5); x Fri 18 Good Friday; x Mon 21 Easter Monday; Apr 22-25 (6-9);
    # Apr 28-May 2 (10-14); x Mon 5 May; May 6-9 (15-18); May 12 (19); May 13 (20) -> Tue 13 May.
    d = due_date(D(2025, 4, 10))
    assert d.due == D(2025, 5, 13)
    reasons = {s.day: s.reason for s in d.skipped}
    assert reasons[D(2025, 4, 18)] == "Good Friday"
    assert reasons[D(2025, 4, 21)] == "Easter Monday (England, Wales and Northern Ireland)"
    assert reasons[D(2025, 5, 5)] == "Early May bank holiday"


def test_st_patricks_day_on_a_weekday() -> None:
    # Received Fri 14 Mar 2025; Mon 17 Mar 2025 is St Patrick's Day (Northern Ireland).
    # x Sat 15, x Sun 16, x Mon 17; Mar 18-21 (1-4), 24-28 (5-9), Mar 31-Apr 4 (10-14),
    # Apr 7-11 (15-19), Apr 14 (20) -> Mon 14 Apr.
    d = due_date(D(2025, 3, 14))
    assert d.due == D(2025, 4, 14)
    assert d.skipped[2] == SkippedDay(D(2025, 3, 17), "St Patrick's Day (Northern Ireland)")


def test_st_patricks_day_on_sunday_moves_to_monday() -> None:
    # 17 Mar 2024 was a Sunday: the NI bank holiday was Mon 18 Mar 2024.
    cal = Calendar()
    assert cal.why_not_working(D(2024, 3, 18)) == "substitute day for St Patrick's Day (Northern Ireland)"


def test_battle_of_the_boyne_northern_ireland() -> None:
    # Received Mon 3 Jul 2023; Wed 12 Jul 2023 is the Battle of the Boyne holiday (NI).
    # Jul 4-7 (1-4), 10-11 (5-6), x Wed 12, 13-14 (7-8), 17-21 (9-13), 24-28 (14-18),
    # Mon 31 Jul (19), Tue 1 Aug (20) -> Tue 1 Aug 2023.
    d = due_date(D(2023, 7, 3))
    assert d.due == D(2023, 8, 1)
    assert SkippedDay(D(2023, 7, 12), "Battle of the Boyne (Northern Ireland)") in d.skipped
    # 12 Jul 2026 is a Sunday: Mon 13 Jul 2026 is the substitute day.
    assert not Calendar().is_working_day(D(2026, 7, 13))
    assert Calendar("FOISA").is_working_day(D(2026, 7, 13))


def test_scottish_august_bank_holiday() -> None:
    # Received Fri 1 Aug 2025. Mon 4 Aug = Scottish summer bank holiday; Mon 25 Aug = E&W/NI one.
    # FOIA (both): x Sat 2, x Sun 3, x Mon 4; Aug 5-8 (1-4), 11-15 (5-9), 18-22 (10-14), x Mon 25,
    # Aug 26-29 (15-18), Sep 1 (19), Sep 2 (20) -> Tue 2 Sep.
    d = due_date(D(2025, 8, 1))
    assert d.due == D(2025, 9, 2)
    assert SkippedDay(D(2025, 8, 4), "Summer Bank Holiday (Scotland)") in d.skipped
    assert SkippedDay(D(2025, 8, 25), "Late Summer Bank Holiday (England, Wales and Northern Ireland)") in d.skipped
    # FOISA (only 4 Aug): Aug 5-8 (1-4), 11-15 (5-9), 18-22 (10-14), 25-29 (15-19), Sep 1 (20).
    assert due_date(D(2025, 8, 1), "FOISA").due == D(2025, 9, 1)


def test_st_andrews_day_substitute_and_christmas_2025() -> None:
    # Received Fri 28 Nov 2025. St Andrew's Day Sun 30 Nov -> substitute Mon 1 Dec (Scotland).
    # x Sat 29, x Sun 30, x Mon 1 Dec; Dec 2-5 (1-4), 8-12 (5-9), 15-19 (10-14), 22-24 (15-17),
    # x Thu 25 Christmas, x Fri 26 Boxing Day, x 27, x 28; Dec 29-31 (18-20) -> Wed 31 Dec 2025.
    d = due_date(D(2025, 11, 28))
    assert d.due == D(2025, 12, 31)
    assert d.skipped[2] == SkippedDay(D(2025, 12, 1), "substitute day for St Andrew's Day (Scotland)")
    # On a weekday (Mon 30 Nov 2026) St Andrew's Day itself is the holiday.
    assert Calendar().why_not_working(D(2026, 11, 30)) == "St Andrew's Day (Scotland)"
    assert Calendar("FOISA").why_not_working(D(2026, 11, 30)) == "St Andrew's Day"


# --- one-off days ----------------------------------------------------------------------------------


def test_coronation_2023() -> None:
    # Received Fri 28 Apr 2023. x Mon 1 May early May; May 2-5 (1-4); x Mon 8 May Coronation;
    # May 9-12 (5-8), 15-19 (9-13), 22-26 (14-18); x Mon 29 May spring; May 30 (19), May 31 (20)
    # -> Wed 31 May 2023.
    d = due_date(D(2023, 4, 28))
    assert d.due == D(2023, 5, 31)
    assert SkippedDay(D(2023, 5, 8), "Coronation of Charles III") in d.skipped


def test_state_funeral_2022() -> None:
    # Received Mon 12 Sep 2022. Sep 13-16 (1-4); x Mon 19 State Funeral; Sep 20-23 (5-8),
    # Sep 26-30 (9-13), Oct 3-7 (14-18), Oct 10 (19), Oct 11 (20) -> Tue 11 Oct 2022.
    d = due_date(D(2022, 9, 12))
    assert d.due == D(2022, 10, 11)
    assert due_date(D(2022, 9, 12), "FOISA").due == D(2022, 10, 11)
    assert SkippedDay(D(2022, 9, 19), "State Funeral of Queen Elizabeth II") in d.skipped


def test_platinum_jubilee_2022() -> None:
    cal = Calendar()
    assert cal.why_not_working(D(2022, 6, 2)) == "Spring Bank Holiday"  # moved from 30 May
    assert cal.why_not_working(D(2022, 6, 3)) == "Platinum Jubilee of Elizabeth II"
    assert cal.is_working_day(D(2022, 5, 30))


def test_scottish_world_cup_bank_holiday_2026() -> None:
    # Proclaimed for Scotland only (Privy Council proclamation, February 2026, cited by `holidays`).
    # A bank holiday in any part of the UK stops the FOIA clock too.
    assert Calendar().why_not_working(D(2026, 6, 15)) == "FIFA World Cup bank holiday (Scotland)"
    assert not Calendar("FOISA").is_working_day(D(2026, 6, 15))


# --- FOISA -----------------------------------------------------------------------------------------


def test_foisa_ignores_days_that_are_not_scottish_bank_holidays() -> None:
    cal = Calendar("FOISA")
    assert cal.is_working_day(D(2025, 3, 17))  # St Patrick's Day (NI)
    assert cal.is_working_day(D(2025, 4, 21))  # Easter Monday (E&W, NI)
    assert cal.is_working_day(D(2025, 8, 25))  # late summer (E&W, NI)
    assert cal.is_working_day(D(2023, 7, 12))  # Battle of the Boyne (NI)
    assert cal.why_not_working(D(2025, 4, 18)) == "Good Friday"
    assert cal.why_not_working(D(2025, 1, 2)) == "2 January"
    assert cal.why_not_working(D(2025, 8, 4)) == "Summer Bank Holiday"
    # Easter 2025 under FOISA, received Thu 10 Apr: Apr 11 (1), 14-17 (2-5), x Good Friday 18,
    # Apr 21-25 (6-10), Apr 28-May 2 (11-15), x Mon 5 May, May 6-9 (16-19), May 12 (20).
    assert due_date(D(2025, 4, 10), "FOISA").due == D(2025, 5, 12)
    # St Patrick's 2025 under FOISA, received Fri 14 Mar: Mar 17-21 (1-5), 24-28 (6-10),
    # Mar 31-Apr 4 (11-15), Apr 7-11 (16-20) -> Fri 11 Apr.
    assert due_date(D(2025, 3, 14), "FOISA").due == D(2025, 4, 11)


def test_foisa_counts_2_january() -> None:
    # Received Tue 31 Dec 2024. x Wed 1 Jan, x Thu 2 Jan (Scotland); Jan 3 (1), 6-10 (2-6),
    # 13-17 (7-11), 20-24 (12-16), 27-30 (17-20) -> Thu 30 Jan 2025.
    assert due_date(D(2024, 12, 31), "FOISA").due == D(2025, 1, 30)
    # 2 January is a Scottish bank holiday, so it stops the FOIA clock too.
    assert due_date(D(2024, 12, 31), "FOIA").due == D(2025, 1, 30)


def test_act_names() -> None:
    assert ACTS == ("FOIA", "FOISA")
    assert due_date(D(2025, 10, 1), "foisa").act == "FOISA"
    with pytest.raises(FoiError, match="Unknown act 'EIR'"):
        Calendar("EIR")
    with pytest.raises(FoiError, match="FOIA"):
        due_date(D(2025, 10, 1), act="foi")


# --- extra days ------------------------------------------------------------------------------------


def test_extra_days_with_reasons() -> None:
    # Plain case (received Wed 1 Oct 2025, due Wed 29 Oct) plus a privilege day on Wed 15 Oct:
    # Oct 2-3 (1-2), 6-10 (3-7), 13-14 (8-9), x Wed 15, 16-17 (10-11), 20-24 (12-16),
    # 27-30 (17-20) -> Thu 30 Oct.
    extra = {D(2025, 10, 15): "privilege day"}
    d = due_date(D(2025, 10, 1), extra=extra)
    assert d.due == D(2025, 10, 30)
    assert SkippedDay(D(2025, 10, 15), "extra day from foi.toml: privilege day") in d.skipped
    assert calendar_for("FOIA", extra).why_not_working(D(2025, 10, 15)) == "extra day from foi.toml: privilege day"
    assert Calendar("FOISA", extra).due_date(D(2025, 10, 1)).due == D(2025, 10, 30)
    # The shared calendar without extra days is not affected.
    assert due_date(D(2025, 10, 1)).due == D(2025, 10, 29)


def test_extra_days_as_a_plain_iterable() -> None:
    cal = Calendar(extra=iter([D(2025, 10, 15), "2025-10-16"]))
    assert cal.why_not_working(D(2025, 10, 15)) == "extra day from foi.toml"
    assert cal.why_not_working(D(2025, 10, 16)) == "extra day from foi.toml"
    # Oct 2-3 (1-2), 6-10 (3-7), 13-14 (8-9), x 15, x 16, 17 (10), 20-24 (11-15), 27-31 (16-20).
    assert cal.due_date(D(2025, 10, 1)).due == D(2025, 10, 31)
    # An extra day on a weekend or a bank holiday keeps both reasons.
    cal = Calendar(extra={D(2025, 12, 25): "office closed", D(2025, 10, 4): ""})
    assert cal.why_not_working(D(2025, 12, 25)) == "Christmas Day; extra day from foi.toml: office closed"
    assert cal.why_not_working(D(2025, 10, 4)) == "Saturday; extra day from foi.toml"


def test_bad_extra_days() -> None:
    with pytest.raises(FoiError, match="not one string"):
        Calendar(extra="2025-10-15")  # type: ignore[arg-type]
    with pytest.raises(FoiError, match="Bad date '2025-13-01'"):
        Calendar(extra=["2025-13-01"])  # type: ignore[list-item]
    with pytest.raises(FoiError, match="not a date"):
        Calendar(extra=[20251015])  # type: ignore[list-item]


# --- the other methods -----------------------------------------------------------------------------


def test_add_working_days_and_working_days_between() -> None:
    cal = Calendar()
    assert cal.add_working_days(D(2025, 10, 1), 0) == D(2025, 10, 1)
    assert cal.add_working_days(D(2025, 10, 4), 0) == D(2025, 10, 4)  # n=0 returns start as is
    assert cal.add_working_days(D(2025, 10, 3), 1) == D(2025, 10, 6)  # Fri -> Mon
    assert cal.add_working_days(D(2025, 12, 24), 1) == D(2025, 12, 29)  # over Christmas
    assert cal.add_working_days(D(2026, 12, 18), 20) == D(2027, 1, 21)
    assert cal.working_days_between(D(2026, 12, 18), D(2027, 1, 21)) == 20
    assert cal.working_days_between(D(2027, 1, 21), D(2026, 12, 18)) == -20
    assert cal.working_days_between(D(2025, 10, 1), D(2025, 10, 1)) == 0
    assert cal.working_days_between(D(2025, 10, 3), D(2025, 10, 5)) == 0  # Fri -> Sun
    assert cal.working_days_between(D(2025, 10, 3), D(2025, 10, 6)) == 1
    # Many years at once, going backwards first so the tables grow in both directions.
    backwards = cal.working_days_between(D(2030, 1, 1), D(2010, 1, 1))
    forwards = Calendar()
    one_by_one = sum(
        forwards.is_working_day(D(2010, 1, 1) + timedelta(days=i)) for i in range(1, 7306)
    )  # 2010-01-02 .. 2030-01-01
    assert backwards == -one_by_one
    assert 4900 < one_by_one < 5100  # about 250 a year
    with pytest.raises(FoiError, match="0 or more"):
        cal.add_working_days(D(2025, 10, 1), -1)
    with pytest.raises(FoiError, match="1 or more"):
        cal.due_date(D(2025, 10, 1), 0)
    with pytest.raises(FoiError, match="whole number"):
        cal.due_date(D(2025, 10, 1), 2.5)  # type: ignore[arg-type]


def test_forty_working_days_for_a_public_interest_extension() -> None:
    # Received Wed 1 Oct 2025, 40 working days: Oct 29 is day 20 (plain case), then
    # Oct 30-31 (21-22), Nov 3-7 (23-27), 10-14 (28-32), 17-21 (33-37), 24-26 (38-40) -> Wed 26 Nov.
    d = due_date(D(2025, 10, 1), days=40)
    assert d.due == D(2025, 11, 26)
    assert d.working_days == 40


def test_datetime_is_treated_as_its_date() -> None:
    d = due_date(datetime(2025, 10, 1, 23, 59))  # type: ignore[arg-type]
    assert d.received == D(2025, 10, 1)
    assert type(d.received) is date
    assert d.due == D(2025, 10, 29)


def test_dates_outside_the_supported_years() -> None:
    with pytest.raises(FoiError, match="0226-12-18 is outside 2005-2100"):
        due_date(D(226, 12, 18))
    with pytest.raises(FoiError, match="outside"):
        Calendar().is_working_day(D(2101, 1, 1))
    # Received Sat 1 Jan 2005 (both Acts in force that day). x Sun 2; x Mon 3 substitute for New Year's
    # Day; x Tue 4 substitute for 2 January (Scotland); Jan 5-7 (1-3), 10-14 (4-8), 17-21 (9-13),
    # 24-28 (14-18), Mon 31 (19), Tue 1 Feb (20) -> Tue 1 Feb 2005.
    assert due_date(D(2005, 1, 1)).due == D(2005, 2, 1)


def test_calendar_for_shares_the_plain_calendar() -> None:
    assert calendar_for("FOIA") is calendar_for("FOIA")
    assert calendar_for("FOIA") is calendar_for("foia", {})
    assert calendar_for("FOIA", [D(2025, 10, 15)]) is not calendar_for("FOIA")


# --- completeness of the holiday tables, 2020-2030 -------------------------------------------------


def _monday_on_or_after(d: date) -> date:
    return d + timedelta(days=(7 - d.weekday()) % 7)


def _substitute(d: date) -> date:
    """A fixed-date bank holiday falling on a weekend moves to the next Monday."""
    return _monday_on_or_after(d) if d.weekday() >= 5 else d


def _last_monday(year: int, month: int) -> date:
    next_month = date(year + month // 12, month % 12 + 1, 1)
    return _monday_on_or_after(next_month - timedelta(days=7))


@pytest.mark.parametrize("year", range(2020, 2031))
def test_every_expected_bank_holiday_2020_to_2030(year: int) -> None:
    """Worked out from the rules independently of `holidays`, so a gap in the package shows up."""
    foia, foisa = Calendar("FOIA"), Calendar("FOISA")
    good_friday = easter(year) - timedelta(days=2)
    early_may = D(2020, 5, 8) if year == 2020 else _monday_on_or_after(D(year, 5, 1))  # VE Day 2020
    spring = D(2022, 6, 2) if year == 2022 else _last_monday(year, 5)  # moved for the Jubilee
    jan_1 = _substitute(D(year, 1, 1))
    # 2 January (Scotland) moves past the weekend and past the 1 January substitute day.
    jan_2 = _substitute(D(year, 1, 2))
    if jan_2 == jan_1:
        jan_2 += timedelta(days=1)
    scottish = {
        D(year, 12, 25), good_friday, early_may, spring, jan_1, jan_2,
        _monday_on_or_after(D(year, 8, 1)),  # Scottish summer bank holiday
        _substitute(D(year, 11, 30)),  # St Andrew's Day
    }  # fmt: skip
    elsewhere = {
        good_friday + timedelta(days=3),  # Easter Monday: E&W and NI, not Scotland
        _substitute(D(year, 3, 17)),  # St Patrick's Day (NI)
        _substitute(D(year, 7, 12)),  # Battle of the Boyne (NI)
        _last_monday(year, 8),  # late summer (E&W, NI)
    }
    for day in scottish | elsewhere:
        assert not foia.is_working_day(day), (day, "FOIA")
    for day in scottish:
        assert not foisa.is_working_day(day), (day, "FOISA")
    for day in elsewhere - scottish:
        if day.weekday() < 5:
            assert foisa.is_working_day(day), (day, "FOISA")


def test_christmas_and_boxing_day_substitutes() -> None:
    cal = Calendar()
    # 2027: Christmas Sat -> Mon 27, Boxing Day Sun -> Tue 28.
    assert not cal.is_working_day(D(2027, 12, 27))
    assert not cal.is_working_day(D(2027, 12, 28))
    assert cal.is_working_day(D(2027, 12, 29))
    # 2022: Christmas Sun -> Tue 27 (Boxing Day Mon 26 keeps its own day).
    assert cal.why_not_working(D(2022, 12, 27)) == "substitute day for Christmas Day"
    # 2023: 1 Jan Sun -> Mon 2 Jan everywhere; 2 January (Scotland) then moves to Tue 3 Jan.
    assert cal.why_not_working(D(2023, 1, 2)) == "substitute day for New Year's Day; 2 January (Scotland)"
    assert cal.why_not_working(D(2023, 1, 3)) == "substitute day for 2 January (Scotland)"


def test_holidays_package_subdivisions_are_what_we_rely_on() -> None:
    # subdiv=None gives only UK-wide days: the Scottish and NI days are missing from it.
    uk = holidays.country_holidays("GB", years=2025)
    assert D(2025, 3, 17) not in uk and D(2025, 1, 2) not in uk
    assert holidays.country_holidays("GB", subdiv="NIR", years=2025).get(D(2025, 3, 17))
    assert holidays.country_holidays("GB", subdiv="SCT", years=2025).get(D(2025, 1, 2))


def test_christmas_and_good_friday_do_not_depend_on_the_package(monkeypatch: pytest.MonkeyPatch) -> None:
    # The Acts name Christmas Day (and FOIA Good Friday) directly; a package that forgot them must
    # not make them working days.
    import foi.deadlines as deadlines

    class Empty(dict[date, str]):
        def get_list(self, day: date) -> list[str]:
            return []

    monkeypatch.setattr(holidays, "country_holidays", lambda *args, **kwargs: Empty())
    deadlines.forget_bank_holidays()
    try:
        for act in ACTS:
            cal = Calendar(act)
            assert cal.why_not_working(D(2025, 12, 25)) == "Christmas Day"
            assert cal.why_not_working(D(2025, 4, 18)) == "Good Friday"
            assert cal.is_working_day(D(2025, 12, 26))  # only the package knows Boxing Day
    finally:
        deadlines.forget_bank_holidays()


def test_kept_tables_stand_in_for_the_package(monkeypatch: pytest.MonkeyPatch) -> None:
    import foi.deadlines as deadlines

    deadlines.forget_bank_holidays()
    try:
        fresh = calendar_for("FOIA").due_date(D(2025, 12, 18))
        kept = deadlines.bank_holiday_tables()
        assert kept["FOIA 2025"]["2025-12-26"] == "Boxing Day"
        assert kept["FOIA 2025"]["2025-03-17"] == "St Patrick's Day (Northern Ireland)"

        def no_package(*args: object, **kwargs: object) -> None:
            raise AssertionError("the package was asked although the tables were seeded")

        monkeypatch.setattr(holidays, "country_holidays", no_package)
        deadlines.forget_bank_holidays()
        deadlines.seed_bank_holidays(kept)
        seeded = calendar_for("FOIA").due_date(D(2025, 12, 18))
        assert (seeded.due, seeded.skipped) == (fresh.due, fresh.skipped)
        assert deadlines.bank_holiday_tables() == kept
    finally:
        deadlines.forget_bank_holidays()


@pytest.mark.parametrize("tables", [
    [], {"FOIA 2025": []}, {"FOIA": {}}, {"FOIA 1999": {}}, {"GB 2025": {}}, {"FOIA 2025": {"2025-1-1": "x"}},
    {"FOIA 2025": {"2025-02-30": "x"}}, {"FOIA 2025": {"2025-12-26": ""}}, {"FOIA 2025": {"2024-12-26": "x"}},
    {"FOIA 2026": {"2026-12-28": "x"}, "FOIA 2025": {"2025-12-26": 3}},
])
def test_malformed_kept_tables_are_refused_whole(tables: object) -> None:
    import foi.deadlines as deadlines

    deadlines.forget_bank_holidays()
    try:
        with pytest.raises(ValueError):
            deadlines.seed_bank_holidays(tables)  # type: ignore[arg-type]
        assert deadlines.bank_holiday_tables() == {}
    finally:
        deadlines.forget_bank_holidays()


def test_kept_tables_are_tied_to_the_package_version() -> None:
    import foi.deadlines as deadlines

    source = deadlines.bank_holidays_source()
    assert source.startswith(f"holidays {version('holidays')}; foi.deadlines ")
    assert source == deadlines.bank_holidays_source()


# --- property tests --------------------------------------------------------------------------------

receipts = st.dates(min_value=D(2006, 1, 1), max_value=D(2098, 12, 31))
acts = st.sampled_from(ACTS)


@cache  # only for speed: building the package's tables for every day is slow
def _naive_non_working(act: str, year: int) -> set[date]:
    """An independent, slow definition straight from the package and the Acts."""
    parts = ("ENG", "WLS", "SCT", "NIR") if act == "FOIA" else ("SCT",)
    days: set[date] = {D(year, 12, 25), easter(year) - timedelta(days=2)}
    for part in parts:
        days.update(holidays.country_holidays("GB", subdiv=part, years=year))
    return days


def _naive_due(received: date, act: str, n: int) -> date:
    day, count = received, 0
    while count < n:
        day += timedelta(days=1)
        if day.weekday() < 5 and day not in _naive_non_working(act, day.year):
            count += 1
    return day


@settings(max_examples=150, deadline=None)
@given(receipts, acts, st.integers(min_value=1, max_value=60))
def test_agrees_with_a_naive_day_by_day_count(received: date, act: str, n: int) -> None:
    d = due_date(received, act, days=n)
    assert d.due == _naive_due(received, act, n)
    every_day = [received + timedelta(days=i) for i in range(1, (d.due - received).days + 1)]
    assert skipped_days(d) == [
        day for day in every_day if day.weekday() >= 5 or day in _naive_non_working(act, day.year)
    ]


@settings(max_examples=300, deadline=None)
@given(receipts, acts)
def test_due_date_is_a_working_day_and_exactly_20_working_days_on(received: date, act: str) -> None:
    cal = calendar_for(act)
    d = cal.due_date(received)
    assert cal.is_working_day(d.due)
    assert cal.why_not_working(d.due) is None
    assert cal.working_days_between(received, d.due) == 20
    assert cal.working_days_between(received, d.due - timedelta(days=1)) == 19
    assert cal.working_days_between(d.due, received) == -20
    assert all(not cal.is_working_day(s.day) and s.reason == cal.why_not_working(s.day) for s in d.skipped)
    assert len(d.skipped) + 20 == (d.due - received).days


@settings(max_examples=300, deadline=None)
@given(receipts, st.integers(min_value=0, max_value=40), acts)
def test_a_later_receipt_never_gives_an_earlier_due_date(received: date, gap: int, act: str) -> None:
    later = received + timedelta(days=gap)
    assert due_date(later, act).due >= due_date(received, act).due


@settings(max_examples=200, deadline=None)
@given(receipts)
def test_foisa_is_never_later_than_foia(received: date) -> None:
    # Every Scottish bank holiday is a UK bank holiday, so FOIA can only give more time.
    assert due_date(received, "FOISA").due <= due_date(received, "FOIA").due


@settings(max_examples=200, deadline=None)
@given(receipts, receipts)
def test_working_days_between_is_antisymmetric(a: date, b: date) -> None:
    cal = calendar_for("FOIA")
    assert cal.working_days_between(a, b) == -cal.working_days_between(b, a)


@settings(max_examples=150, deadline=None)
@given(receipts, acts)
def test_explain_mentions_every_skipped_day(received: date, act: str) -> None:
    d = due_date(received, act)
    text = explain(d)
    for s in d.skipped:
        assert f"{s.day.isoformat()} " in text
        assert s.reason in text
    assert long_date(d.received) in text
    assert long_date(d.due) in text


# --- explain ---------------------------------------------------------------------------------------


def test_explain_issue_example() -> None:
    text = explain(due_date(D(2026, 12, 18)))
    assert "Freedom of Information Act 2000, section 10(1)" in text
    assert "any part of the United Kingdom" in text
    assert "Received: Friday 18 December 2026 (2026-12-18)" in text
    assert "Working day 1: Monday 21 December 2026 (2026-12-21)" in text
    assert "Due: Thursday 21 January 2027 (2027-01-21), working day 20" in text
    assert "2026-12-21 Mon to 2026-12-24 Thu  working days 1-4" in text
    assert "2027-01-04 Mon  not counted: substitute day for 2 January (Scotland)" in text
    assert "2027-01-18 Mon to 2027-01-21 Thu  working days 17-20" in text
    assert "20 working days and 14 days not counted: 34 days" in text


def test_explain_foisa_and_single_working_day_runs() -> None:
    text = explain(due_date(D(2025, 4, 10), "FOISA"))
    assert "Freedom of Information (Scotland) Act 2002" in text
    assert "bank holiday in Scotland" in text
    assert "2025-04-11 Fri  working day 1\n" in text
    assert "2025-05-12 Mon  working day 20" in text


# --- parse_date ------------------------------------------------------------------------------------


def test_parse_date_accepts_iso_dates() -> None:
    assert parse_date("2026-12-18") == D(2026, 12, 18)
    assert parse_date(" 2026-12-18\n", "--on") == D(2026, 12, 18)
    assert parse_date(D(2026, 12, 18)) == D(2026, 12, 18)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "text",
    ["18/12/2026", "2026-12-1", "20261218", "2026-12-18T10:00", "18 December 2026", "", "２０２６-12-18"],
)
def test_parse_date_rejects_other_formats(text: str) -> None:
    with pytest.raises(FoiError) as caught:
        parse_date(text, "--on")
    assert str(caught.value) == f"Bad date {text!r} for --on: use YYYY-MM-DD, e.g. 2026-12-18."


def test_parse_date_rejects_days_that_do_not_exist() -> None:
    with pytest.raises(FoiError, match=r"Bad date '2026-02-30' for --received: there is no such day"):
        parse_date("2026-02-30", "--received")
    with pytest.raises(FoiError, match="Bad date None for date"):
        parse_date(None)  # type: ignore[arg-type]


# --- cost ------------------------------------------------------------------------------------------


def test_import_is_cheap() -> None:
    code = "import sys, foi.deadlines; assert 'holidays' not in sys.modules, 'holidays imported'"
    subprocess.run([sys.executable, "-c", code], check=True, cwd=Path(__file__).resolve().parents[1])


# --- the date of receipt of an e-mailed request (issue 12) ----------------------------------------


@pytest.mark.parametrize(
    ("sent", "received", "why"),
    [
        (date(2026, 12, 4), date(2026, 12, 4), "a working day: received the same day"),
        (datetime(2026, 12, 4, 16, 59), date(2026, 12, 4), "a working day: received the same day"),
        (datetime(2026, 12, 4, 17, 0), date(2026, 12, 7), "after working hours (they end at 17:00)"),
        (datetime(2026, 12, 4, 23, 30), date(2026, 12, 7), "after working hours"),
        (date(2026, 12, 5), date(2026, 12, 7), "not a working day (Saturday)"),
        (date(2026, 12, 25), date(2026, 12, 29), "not a working day (Christmas Day)"),
        (datetime(2026, 12, 24, 18, 0), date(2026, 12, 29), "after working hours"),
    ],
)
def test_receipt_of_an_emailed_request(sent: date, received: date, why: str) -> None:
    from foi.deadlines import receipt

    result = receipt(sent)
    assert result.received == received
    assert why in result.reason


def test_receipt_reads_the_time_in_uk_time() -> None:
    from datetime import UTC

    from foi.deadlines import receipt

    # 16:30 UTC in June is 17:30 in London (BST): after working hours.
    assert receipt(datetime(2026, 6, 5, 16, 30, tzinfo=UTC)).received == date(2026, 6, 8)
    assert receipt(datetime(2026, 12, 4, 16, 30, tzinfo=UTC)).received == date(2026, 12, 4)
    # FOISA: 2 January is a bank holiday in Scotland.
    assert receipt(date(2026, 1, 2), act="FOISA").received == date(2026, 1, 5)


def test_parse_moment() -> None:
    from foi.deadlines import parse_moment

    assert parse_moment("2026-12-04") == date(2026, 12, 4)
    assert parse_moment("2026-12-04 18:30") == datetime(2026, 12, 4, 18, 30)
    assert parse_moment("2026-12-04T09:05") == datetime(2026, 12, 4, 9, 5)
    for bad in ("4/12/2026", "2026-12-04 25:00", "2026-12-04 9"):
        with pytest.raises(FoiError):
            parse_moment(bad)
