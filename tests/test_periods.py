from __future__ import annotations

from datetime import date, datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from foi.periods import Period, is_period_label, parse_period

FY14 = (date(2014, 4, 1), date(2015, 3, 31))


@pytest.mark.parametrize(
    ("label", "start", "end"),
    [
        ("2014/15", *FY14),
        ("2014/2015", *FY14),
        ("2014-15", *FY14),
        ("2014 - 15", *FY14),
        ("2014–15", *FY14),
        ("FY 2014-15", *FY14),
        ("FY14/15", *FY14),
        ("FY 14-15", *FY14),
        ("fy2014/15", *FY14),
        ("Financial year 2014/15", *FY14),
        ("Financial Year: 2014/15", *FY14),
        ("2014/15 financial year", *FY14),
        ("14/15", *FY14),
        ("2014 to 2015", *FY14),
        ("April 2014 - March 2015", *FY14),
        ("April 2014 – March 2015", *FY14),
        ("April 2014-March 2015", *FY14),
        ("Apr 2014 to Mar 2015", *FY14),
        ("Apr-14 - Mar-15", *FY14),
        ("01/04/2014 to 31/03/2015", *FY14),
        ("01/04/2014 - 31/03/2015", *FY14),
        ("01/04/2014-31/03/2015", *FY14),
        ("1 April 2014 to 31 March 2015", *FY14),
        ("1st April 2014 to 31st March 2015", *FY14),
        ("from 1 April 2014 to 31 March 2015", *FY14),
        ("between 01/04/2014 and 31/03/2015", *FY14),
        ("2014-04-01 to 2015-03-31", *FY14),
        ("2019/2020", date(2019, 4, 1), date(2020, 3, 31)),
        ("1999/00", date(1999, 4, 1), date(2000, 3, 31)),
        ("2011-12", date(2011, 4, 1), date(2012, 3, 31)),
        ("2023/24*", date(2023, 4, 1), date(2024, 3, 31)),
        ("2023/24 (provisional)", date(2023, 4, 1), date(2024, 3, 31)),
        ("2019/20 to 2023/24", date(2019, 4, 1), date(2024, 3, 31)),
        ("2014", date(2014, 1, 1), date(2014, 12, 31)),
        (" 2014 ", date(2014, 1, 1), date(2014, 12, 31)),
        ("Calendar year 2014", date(2014, 1, 1), date(2014, 12, 31)),
        ("2014 to 2016", date(2014, 1, 1), date(2016, 12, 31)),
        ("Jan-14", date(2014, 1, 1), date(2014, 1, 31)),
        ("January 2014", date(2014, 1, 1), date(2014, 1, 31)),
        ("Jan 2014", date(2014, 1, 1), date(2014, 1, 31)),
        ("JAN 2014", date(2014, 1, 1), date(2014, 1, 31)),
        ("Feb-16", date(2016, 2, 1), date(2016, 2, 29)),
        ("Sept 2014", date(2014, 9, 1), date(2014, 9, 30)),
        ("2014-01", date(2014, 1, 1), date(2014, 1, 31)),
        ("01/2014", date(2014, 1, 1), date(2014, 1, 31)),
        ("Q1 2015", date(2015, 1, 1), date(2015, 3, 31)),
        ("2015 Q1", date(2015, 1, 1), date(2015, 3, 31)),
        ("Q4 2015", date(2015, 10, 1), date(2015, 12, 31)),
        ("Quarter 2 2015", date(2015, 4, 1), date(2015, 6, 30)),
        ("Q1 2015/16", date(2015, 4, 1), date(2015, 6, 30)),
        ("Q3 2015/16", date(2015, 10, 1), date(2015, 12, 31)),
        ("2015/16 Q4", date(2016, 1, 1), date(2016, 3, 31)),
        ("Jan-Mar 2015", date(2015, 1, 1), date(2015, 3, 31)),
        ("Year ending March 2019", date(2018, 4, 1), date(2019, 3, 31)),
        ("year ending Mar-19", date(2018, 4, 1), date(2019, 3, 31)),
        ("12 months to March 2019", date(2018, 4, 1), date(2019, 3, 31)),
        ("Twelve months ending March 2019", date(2018, 4, 1), date(2019, 3, 31)),
        ("Year ending 31 March 2019", date(2018, 4, 1), date(2019, 3, 31)),
        ("Year ending 30 June 2019", date(2018, 7, 1), date(2019, 6, 30)),
        ("Year ending 15 June 2019", date(2018, 6, 16), date(2019, 6, 15)),
        ("Financial year ending 2019", date(2018, 4, 1), date(2019, 3, 31)),
        ("3 months to June 2019", date(2019, 4, 1), date(2019, 6, 30)),
        # A written date on the 1st stands for its month; any other date is that day.
        ("01/04/2014", date(2014, 4, 1), date(2014, 4, 30)),
        ("2014-04-01 00:00:00", date(2014, 4, 1), date(2014, 4, 30)),
        ("15/04/2014", date(2014, 4, 15), date(2014, 4, 15)),
        ("5 April 2014", date(2014, 4, 5), date(2014, 4, 5)),
    ],
)
def test_labels(label: str, start: date, end: date) -> None:
    p = parse_period(label)
    assert p == Period(start, end, label)
    assert is_period_label(label)


@pytest.mark.parametrize(
    ("cell", "start", "end", "label"),
    [
        (date(2014, 4, 1), date(2014, 4, 1), date(2014, 4, 30), "2014-04-01"),
        (date(2014, 4, 5), date(2014, 4, 5), date(2014, 4, 5), "2014-04-05"),
        (datetime(2014, 2, 1, 0, 0), date(2014, 2, 1), date(2014, 2, 28), "2014-02-01T00:00:00"),
        (2014, date(2014, 1, 1), date(2014, 12, 31), "2014"),
        (2019.0, date(2019, 1, 1), date(2019, 12, 31), "2019"),
    ],
)
def test_cells(cell: object, start: date, end: date, label: str) -> None:
    assert parse_period(cell) == Period(start, end, label)


@pytest.mark.parametrize(
    "label",
    [
        "Total", "Grand Total", "Adult caution", "19C", "2,345", "12", "", "   ", "Q5 2015",
        "16-17", "10-17", "2014/16", "2014-2013", "13/2014", "31/02/2014", "January", "Jan",
        "Type 1 - Charged/Summonsed", "1: Charged", "Rape of a female aged 16 and over",
        "April 2015 - March 2014", "1899", "2345", "FY", "Offence types", "8: Community resolution",
        "Aged 18-24", "s.40", "*", "<5", "n/a", "Hospital", "Offender has Died", "14-Jan",
    ],
)
def test_not_periods(label: str) -> None:
    assert parse_period(label) is None
    assert not is_period_label(label)


@pytest.mark.parametrize(
    "cell", [None, 12, 41640, 43556.0, 2014.5, True, 1899, 2101, float("nan"), [2014], {"a": 1}]
)
def test_cells_that_are_not_periods(cell: object) -> None:
    # Excel serials (41640 = 1 Jan 2014) are numbers here; only the tables module knows a date column.
    assert parse_period(cell) is None


def test_label_is_original_text() -> None:
    assert parse_period("  FY 2014-15 ").label == "  FY 2014-15 "


# --- properties ---------------------------------------------------------------------------

_fy_years = st.integers(min_value=1990, max_value=2098)


@given(_fy_years)
def test_financial_years(y: int) -> None:
    expected = (date(y, 4, 1), date(y + 1, 3, 31))
    for label in (f"{y}/{(y + 1) % 100:02d}", f"{y}-{(y + 1) % 100:02d}", f"{y}/{y + 1}",
                  f"FY {y}-{(y + 1) % 100:02d}", f"April {y} to March {y + 1}"):
        p = parse_period(label)
        assert p is not None, label
        assert (p.start, p.end) == expected, label


@given(st.integers(min_value=1990, max_value=2100), st.integers(min_value=1, max_value=12))
def test_months_cover_the_whole_month(y: int, m: int) -> None:
    p = parse_period(date(y, m, 1))
    assert p is not None
    assert p.start == date(y, m, 1)
    assert p.end.month == m and (p.end.toordinal() + 1 == date(y + m // 12, m % 12 + 1, 1).toordinal())


@given(st.text(max_size=30))
def test_never_raises_and_start_before_end(text: str) -> None:
    p = parse_period(text)
    if p is not None:
        assert p.start <= p.end


@given(st.dates(min_value=date(1990, 1, 1), max_value=date(2100, 12, 31)))
def test_written_dates_are_day_first(d: date) -> None:
    expected_end = d if d.day != 1 else parse_period(d).end
    for label in (d.strftime("%d/%m/%Y"), d.strftime("%d-%m-%Y"), d.strftime("%d %B %Y"), d.isoformat()):
        p = parse_period(label)
        assert p is not None, label
        assert (p.start, p.end) == (d, expected_end), label


def test_years_before_1990_are_periods() -> None:
    # Tables answering Parliament go back to the 1980s: "England and Wales 1989", a column "1985".
    assert parse_period("1989") == Period(date(1989, 1, 1), date(1989, 12, 31), "1989")
    assert parse_period(1985) == Period(date(1985, 1, 1), date(1985, 12, 31), "1985")
    assert parse_period("1899") is None
