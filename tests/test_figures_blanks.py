"""Layout cases from real tables where small or year-like numbers, or blank figures, used to cut or
bend a table: each a grid of our own, read as `foi parse` reads it."""

from __future__ import annotations

from foi.readers import Grid
from tests.helpers import k, read_grid


def test_a_long_table_row_with_blank_figures_does_not_end_the_table() -> None:
    rows = [
        ["Year", "Crime type", "Charged", "Cautioned"],
        ["2021", "Arson", 4, 2],
        ["2021", "Fraud", None, None],     # nothing recorded: still a row of the table
        ["2021", "Theft", 9, 3],
        ["2022", "Arson", 6, 1],
        ["2022", "Theft", 8, 5],
    ]
    got = read_grid(Grid("t", rows)).values()
    assert len(got) == 8
    assert got[k(period="2022", offence="Theft", outcome="Cautioned")] == 5
    assert got[k(period="2021", offence="Theft", outcome="Charged")] == 9


def test_counts_that_look_like_years_stay_figures() -> None:
    # Staff numbers between 1800 and 2100, in no order: counts, not a column of years.
    rows = [
        ["Force", "Officers", "Staff"],
        ["Kent", 1987, 2034],
        ["Essex", 2051, 1899],
        ["Surrey", 1930, 2012],
    ]
    res = read_grid(Grid("t", rows))
    got = res.values()
    assert got[k(body="Essex", measure="Staff")] == 1899
    assert got[k(body="Surrey", measure="Officers")] == 1930
    assert len(got) == 6


def test_zeros_beside_a_row_do_not_make_it_a_total() -> None:
    # 1 = 0 + 1 and 3 = 3 + 0: sums that only add a zero prove nothing about a row without a total word.
    rows = [
        ["Offence", "Charged", "Summonsed"],
        ["Arson", 1, 3],
        ["Fraud", 0, 3],
        ["Theft", 1, 0],
        ["Robbery", 5, 2],
    ]
    res = read_grid(Grid("t", rows))
    assert res.totals == {}
    assert len(res.values()) == 8 and not res.doubts


def test_a_total_line_found_by_the_figures_it_shows() -> None:
    # The closing line says it is a total; the figures above it add up to it where none is withheld,
    # and stay under it where one is.
    rows = [
        ["Force", "2019", "2020"],
        ["Cleveland", 12, "*"],
        ["Durham", 7, 20],
        ["Northumbria", 30, 41],
        ["All forces", 49, 66],
    ]
    res = read_grid(Grid("t", rows))
    assert res.totals == {k(body="All forces", period="2019"): 49, k(body="All forces", period="2020"): 66}
    assert res.warnings == [] and res.doubts == []


def test_small_counts_going_0_1_2_are_no_row_numbers() -> None:
    # Row numbers start at 1; a column of counts that happens to read 0, 1, 2 holds figures.
    rows = [["Year", "Crime type", "Charged", "Cautioned"],
            ["2020", "Arson", 0, 4],
            ["2020", "Fraud", 1, 7],
            ["2020", "Theft", 2, 9]]
    got = read_grid(Grid("t", rows)).values()
    assert got[k(period="2020", offence="Arson", outcome="Charged")] == 0
    assert got[k(period="2020", offence="Theft", outcome="Charged")] == 2
    assert len(got) == 6


def test_a_row_equal_to_two_above_it_is_a_part_of_the_grand_total() -> None:
    # 2 = 1 + 1 by chance; the closing total adds every row once, that one included.
    rows = [["Offence", "Outcome", "2021"],
            ["Arson", "Charged", 0],
            ["Arson", "Cautioned", 1],
            ["Fraud", "Charged", 1],
            ["Fraud", "Cautioned", 2],
            ["Theft", "Charged", 46],
            ["Total", None, 50]]
    res = read_grid(Grid("t", rows))
    assert res.values()[k(offence="Fraud", outcome="Cautioned", period="2021")] == 2
    assert res.totals == {k(offence="Total", period="2021"): 50}
    assert res.warnings == [] and res.doubts == []


def test_counts_that_look_like_years_under_a_row_of_periods_are_figures() -> None:
    rows = [["Offence", "2019/20", None, "2020/21", None],
            [None, "Charged", "Cautioned", "Charged", "Cautioned"],
            ["Burglary", 1990, 12, 2011, 15],
            ["Robbery", 2003, 8, 1987, 9],
            ["Theft", 2040, 30, 2075, 28]]
    res = read_grid(Grid("t", rows, merged=[(0, 1, 0, 2), (0, 3, 0, 4)]))
    got = res.values()
    assert got[k(offence="Robbery", period="2020/21", outcome="Charged")] == 1987
    assert len(got) == 12


def test_years_down_the_stub_that_restart_at_an_earlier_year_are_still_years() -> None:
    rows = [["", "Households", "People"],
            ["Renting", None, None],
            [1990, 410, 980], [2000, 450, 1010], [2005, 470, 1060], [2010, 520, 1100],
            ["Owning", None, None],
            [1995, 610, 1500], [2000, 640, 1540], [2005, 660, 1580], [2010, 700, 1610]]
    res = read_grid(Grid("t", rows))
    figure = next(f for f in res.figures if (f.row, f.col) == (7, 2))
    assert (figure.value, figure.dims["period"]) == (1500, "1995")
    assert len(res.values()) == 16


def test_a_row_the_shown_figures_below_already_exceed_is_no_total() -> None:
    # 2 = 1 + 1 in one year, but in the next the rows below show 1 beside a withheld cell against its 0.
    rows = [["Offence", "2020", "2021"],
            ["Arson", 2, 0],
            ["Fraud", 1, 1],
            ["Theft", 1, "*"]]
    res = read_grid(Grid("t", rows))
    assert res.totals == {} and res.warnings == []
    assert res.values()[k(offence="Arson", period="2020")] == 2
