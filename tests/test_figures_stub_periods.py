"""Periods written down the stub (the row-label column): each row's figures carry the period under
the `period` dimension, with its dates, also when the column headers are measures. Grids of our own
for each way police and statistics tables write them."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from foi.readers import Grid
from tests.helpers import read_grid


def _period(res: Any, cell: tuple[int, int]) -> tuple[str, date | None, date | None]:
    figure = next(f for f in res.figures if (f.row, f.col) == cell)
    label = next(label for label in figure.labels if label.dimension == "period")
    return label.text, label.start, label.end


@pytest.mark.parametrize(("stub", "first", "start", "end"), [
    # calendar years as text, and typed as numbers by a spreadsheet
    (["2015", "2016", "2017"], "2015", date(2015, 1, 1), date(2015, 12, 31)),
    ([2015, 2016, 2017], "2015", date(2015, 1, 1), date(2015, 12, 31)),
    # financial years, short and long forms
    (["2015-16", "2016-17", "2017-18"], "2015-16", date(2015, 4, 1), date(2016, 3, 31)),
    (["2015/16", "2016/17", "2017/18"], "2015/16", date(2015, 4, 1), date(2016, 3, 31)),
    (["2015 to 2016", "2016 to 2017", "2017 to 2018"], "2015 to 2016", date(2015, 4, 1), date(2016, 3, 31)),
    # twelve months written out as a range
    (["Apr 2015 - Mar 2016", "Apr 2016 - Mar 2017", "Apr 2017 - Mar 2018"], "Apr 2015 - Mar 2016",
     date(2015, 4, 1), date(2016, 3, 31)),
    (["Year ending March 2016", "Year ending March 2017", "Year ending March 2018"], "Year ending March 2016",
     date(2015, 4, 1), date(2016, 3, 31)),
])
def test_periods_down_the_stub_under_measure_headers(stub: list[Any], first: str, start: date, end: date) -> None:
    rows = [["", "Stop and searches", "Arrests after a search"],
            *([p, 300 + 10 * i, 40 + i] for i, p in enumerate(stub))]
    res = read_grid(Grid("t", rows))
    assert not res.doubts and not res.warnings
    assert len(res.values()) == 6
    for c in (1, 2):
        assert _period(res, (1, c)) == (first, start, end)
    arrests = next(f for f in res.figures if (f.row, f.col) == (3, 2))
    assert arrests.value == 42 and "Arrests after a search" in arrests.dims.values()


def test_years_down_the_stub_beside_counts_that_look_like_years() -> None:
    # Officer numbers near 2,000 are counts under their measure, not more years.
    rows = [["Year", "Officers", "Special constables"],
            [2012, 1986, 2043],
            [2013, 2011, 1964],
            [2014, 2090, 1908]]
    res = read_grid(Grid("t", rows))
    assert not res.doubts
    assert len(res.values()) == 6
    assert _period(res, (2, 1))[:2] == ("2013", date(2013, 1, 1))
    assert next(f for f in res.figures if (f.row, f.col) == (2, 2)).value == 1964


def test_years_written_with_a_stray_space_are_siblings_not_parent_and_child() -> None:
    rows = [["Year", "Stops", "Arrests"], ["2018 ", 120, 31], [" 2019", 140, 29], [" 2020", 90, 17]]
    res = read_grid(Grid("t", rows))
    assert res.totals == {} and not res.doubts
    assert _period(res, (2, 1))[0] == "2019"


def test_years_down_the_stub_repeated_block_by_block_under_sections() -> None:
    rows = [["", "Recorded", "Solved"],
            ["Burglary", None, None],
            ["2001", 510, 70], ["2005", 480, 66], ["2010", 350, 41],
            ["Robbery", None, None],
            ["2001", 95, 21], ["2005", 101, 19], ["2010", 88, 20]]
    res = read_grid(Grid("t", rows))
    figure = next(f for f in res.figures if (f.row, f.col) == (7, 2))
    assert figure.value == 19 and figure.dims["period"] == "2005"
    assert "Robbery" in figure.dims.values()
    assert len(res.values()) == 12


def test_years_down_the_stub_with_a_footnote_digit_glued_to_the_last_one() -> None:
    # "20183": 2018 with note 3 (provisional), in every block of the stub.
    rows = [["Offence / Year", "Charged", "Charge rate (%)"],
            ["Burglary1", None, None],
            ["2016", "12,400", 7], ["2017", "11,900", 6], ["20183", "12,800", 7],
            ["Robbery", None, None],
            ["2016", "5,100", 9], ["2017", "5,600", 10], ["20183", "5,900", 10]]
    res = read_grid(Grid("t", rows))
    assert len(res.values()) == 12
    figure = next(f for f in res.figures if (f.row, f.col) == (8, 1))
    assert figure.value == 5900 and figure.dims["period"] == "2018"
    assert _period(res, (4, 1)) == ("2018", date(2018, 1, 1), date(2018, 12, 31))
    assert next(label.note for label in figure.labels if label.dimension == "period") == "3"
