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
