"""A part of a year written without its year ("Apr - Jun", "Q1", "April") under a year in the header
row above: each figure's period is the two together, with that part's dates. Grids of our own."""

from __future__ import annotations

from datetime import date
from typing import Any

from foi.periods import sub_year, within_year
from foi.readers import Grid
from tests.helpers import read_grid


def _at(res: Any, row: int, col: int) -> Any:
    return next(f for f in res.figures if (f.row, f.col) == (row, col))


def _period(figure: Any) -> tuple[str, date | None, date | None]:
    label = next(label for label in figure.labels if label.dimension == "period")
    return label.text, label.start, label.end


def test_financial_year_over_calendar_quarters_written_once_with_a_total() -> None:
    rows = [["", "2009/10", "", "", "", ""],
            ["Force", "Apr - Jun", "Jul - Sep", "Oct - Dec", "Jan - Mar", "Total"],
            ["Durham", 1, 2, 3, 4, 10],
            ["Kent", 5, 6, 7, 8, 26]]
    res = read_grid(Grid("t", rows))
    assert _period(_at(res, 2, 1)) == ("Apr - Jun 2009", date(2009, 4, 1), date(2009, 6, 30))
    # the last quarter of a financial year falls in its second calendar year
    assert _period(_at(res, 2, 4)) == ("Jan - Mar 2010", date(2010, 1, 1), date(2010, 3, 31))
    total = _at(res, 2, 5)
    assert total.total and _period(total) == ("2009/10", date(2009, 4, 1), date(2010, 3, 31))
    # what the header said stays with the figure, under its own names
    texts = {label.text for label in _at(res, 3, 2).labels}
    assert {"2009/10", "Jul - Sep", "Jul - Sep 2009"} <= texts
    assert len(res.values()) == 8


def test_calendar_years_over_numbered_quarters_tell_two_quarters_apart() -> None:
    rows = [["", "2022", "2022", "2022", "2022", "2023", "2023"],
            ["Offence", "Q1", "Q2", "Q3", "Q4", "Q1", "Q2"],
            ["Robbery", 1, 2, 3, 4, 5, 6]]
    res = read_grid(Grid("t", rows))
    assert _period(_at(res, 2, 1)) == ("Q1 2022", date(2022, 1, 1), date(2022, 3, 31))
    assert _period(_at(res, 2, 6)) == ("Q2 2023", date(2023, 4, 1), date(2023, 6, 30))
    assert len({_period(f) for f in res.figures}) == 6


def test_months_under_a_financial_year() -> None:
    rows = [["", "2022/23", "", ""],
            ["Area", "April", "May", "February"],
            ["North", 3, 4, 5]]
    res = read_grid(Grid("t", rows))
    assert _period(_at(res, 2, 2)) == ("May 2022", date(2022, 5, 1), date(2022, 5, 31))
    assert _period(_at(res, 2, 3)) == ("February 2023", date(2023, 2, 1), date(2023, 2, 28))


def test_a_year_over_outcomes_is_unchanged() -> None:
    rows = [["", "2019", "2019", "2020", "2020"],
            ["Offence", "Charged", "Cautioned", "Charged", "Cautioned"],
            ["Robbery", 1, 2, 3, 4]]
    res = read_grid(Grid("t", rows))
    assert _period(_at(res, 2, 2)) == ("2019", date(2019, 1, 1), date(2019, 12, 31))
    assert {label.dimension for label in _at(res, 2, 2).labels} >= {"period", "outcome"}


def test_parts_of_a_year_read_alone_and_placed_in_a_year() -> None:
    assert sub_year("2019") is None and sub_year("Charged") is None and sub_year("Q1 2019") is None
    quarter = sub_year("Quarter 2")
    assert quarter is not None and quarter.quarter == 2
    # quarters count from the year's own first month: Q2 of a financial year is Jul - Sep
    assert within_year(quarter, date(2009, 4, 1), date(2010, 3, 31)) == (date(2009, 7, 1), date(2009, 9, 30))
    span = sub_year("Oct to Dec")
    assert span is not None and span.kind == "quarter"
    assert within_year(span, date(2023, 1, 1), date(2023, 12, 31)) == (date(2023, 10, 1), date(2023, 12, 31))


def test_quarters_down_the_stub_beside_a_financial_year_written_once() -> None:
    rows = [["Year", "Quarter", "Stop and searches", "Arrests"],
            ["2009/10", "Apr - Jun", 10, 2],
            ["", "Jul - Sep", 11, 3],
            ["", "Oct - Dec", 12, 4],
            ["", "Jan - Mar", 13, 5],
            ["", "Total", 46, 14],
            ["2010/11", "Apr - Jun", 9, 1]]
    res = read_grid(Grid("t", rows))
    assert not res.doubts and not res.warnings
    assert _period(_at(res, 4, 2)) == ("Jan - Mar 2010", date(2010, 1, 1), date(2010, 3, 31))
    assert _period(_at(res, 6, 3)) == ("Apr - Jun 2010", date(2010, 4, 1), date(2010, 6, 30))
    total = _at(res, 5, 2)
    assert total.total and _period(total) == ("2009/10", date(2009, 4, 1), date(2010, 3, 31))
    assert {label.text for label in _at(res, 2, 3).labels} >= {"2009/10", "Jul - Sep", "Jul - Sep 2009"}
    # one figure per quarter and measure, none sharing a period with another quarter's
    assert len(res.values()) == 10


def test_quarter_rows_under_year_section_rows() -> None:
    rows = [["Quarter", "Stop and searches", "Arrests"],
            ["2023", None, None],
            ["Q1", 1, 2],
            ["Q2", 3, 4],
            ["2024", None, None],
            ["Q1", 5, 6],
            ["Q2", 7, 8]]
    res = read_grid(Grid("t", rows))
    assert not res.doubts  # Q1 of 2023 and Q1 of 2024 are two things, not one written twice
    assert _period(_at(res, 2, 1)) == ("Q1 2023", date(2023, 1, 1), date(2023, 3, 31))
    assert _period(_at(res, 6, 2)) == ("Q2 2024", date(2024, 4, 1), date(2024, 6, 30))
    assert {label.text for label in _at(res, 5, 1).labels} >= {"2024", "Q1"}


def test_quarter_headers_with_words_split_by_pdf_extraction() -> None:
    # Tables copied out of PDFs split words ("Jan - Ma r", "Oc t -Dec"): still the quarters of the
    # year above them.
    rows = [["", "2005", "", ""],
            ["Area", "Jan - Ma r", "Apr - Jun", "Oc t -Dec"],
            ["North", 3, 4, 5]]
    res = read_grid(Grid("t", rows))
    assert _period(_at(res, 2, 1))[1:] == (date(2005, 1, 1), date(2005, 3, 31))
    assert _period(_at(res, 2, 3))[1:] == (date(2005, 10, 1), date(2005, 12, 31))
    assert sub_year("No rth") is None and sub_year("Ma le") is None
