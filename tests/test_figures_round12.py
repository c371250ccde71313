"""Round 12 (issue 11): patterns seen on fresh real tables (disclosure-log pages, written answers,
a journalist's data frame), each pinned with a small grid of our own."""

from __future__ import annotations

from datetime import date

from foi._codes_offences import looks_like_offence
from foi.figures.coding import recognise
from foi.readers import Grid
from tests.helpers import read_grid


def _figure(res, cell: tuple[int, int]):  # type: ignore[no-untyped-def]
    return next(f for f in res.figures if (f.row, f.col) == cell)


def _cells(res) -> set[tuple[int, int]]:  # type: ignore[no-untyped-def]
    return {(f.row, f.col) for f in res.figures}


def test_dashed_list_answers_above_a_table_are_no_negative_figures() -> None:
    # A reply answers its numbered questions as a dashed list, then gives a table.
    rows = [
        ["- Not held"],
        ["- 41"],
        ["- 2,310"],
        [None],
        ["Year", "Resigned"],
        ["2019", "3"],
        ["2020", "6"],
    ]
    res = read_grid(Grid("t", rows))
    assert all(f.value is None or f.value >= 0 for f in res.figures)
    assert {(1, 0), (2, 0)}.isdisjoint(_cells(res))
    assert _figure(res, (6, 1)).value == 6


def test_years_down_the_side_are_never_totals_of_each_other() -> None:
    # 2015's 7 is 1 + 2 + 4 (2012-2014) by chance: a year is no subtotal of other years.
    rows = [
        ["Year", "Officers dismissed"],
        ["2012", "1"],
        ["2013", "2"],
        ["2014", "4"],
        ["2015", "7"],
        ["2016", "5"],
        ["2017", "3"],
    ]
    res = read_grid(Grid("t", rows))
    assert not any(f.total for f in res.figures)
    fig = _figure(res, (5, 1))
    assert fig.dims["period"] == "2016" and not any(k.endswith("group") for k in fig.dims)


def test_a_year_above_its_months_can_still_be_their_total() -> None:
    rows = [
        ["Period", "Arrests"],
        ["2021", "30"],
        ["Jan 2021", "10"],
        ["Feb 2021", "12"],
        ["Mar 2021", "8"],
    ]
    res = read_grid(Grid("t", rows))
    assert _figure(res, (1, 1)).total


def test_row_numbers_a_data_frame_wrote_out_are_no_label() -> None:
    rows = [
        ["", "year", "sum_female_inspectors", "sum_male_inspectors"],
        ["1", "2015", "40", "310"],
        ["2", "2016", "44", "305"],
        ["3", "2017", "47", "300"],
        ["4", "2018", "52", "298"],
    ]
    res = read_grid(Grid("t", rows))
    fig = _figure(res, (3, 2))
    assert fig.value == 47 and fig.dims["period"] == "2017"
    assert "3" not in fig.dims.values()
    assert not any(f.col == 0 for f in res.figures)


def test_a_blank_headed_column_of_years_stays_the_stub() -> None:
    # Years from 2015 run one by one too, but they are no row numbers: they stay the labels.
    rows = [
        ["", "Stops", "Searches"],
        ["2015", "120", "80"],
        ["2016", "130", "85"],
        ["2017", "125", "90"],
    ]
    res = read_grid(Grid("t", rows))
    assert _figure(res, (2, 2)).dims["period"] == "2016"


def test_footnote_digit_run_into_the_front_of_a_financial_year() -> None:
    rows = [
        ["Officers and spending", "31998–99", "42004–05"],
        ["Officers", "1,850", "1,920"],
        ["Spending (£ million)", "61.5", "88.2"],
        ["3 At 31 March 1999.", None, None],
        ["4 At 31 March 2005.", None, None],
    ]
    res = read_grid(Grid("t", rows))
    fig = _figure(res, (1, 2))
    period = next(label for label in fig.labels if label.dimension == "period")
    assert (period.start, period.end) == (date(2004, 4, 1), date(2005, 3, 31))
    assert fig.dims["measure"] == "Officers"


def test_corner_naming_one_force_is_the_tables_body_not_a_dimension() -> None:
    rows = [
        ["Cumbria Constabulary", "2010", "2020"],
        ["Officers in post", "1,210", "1,150"],
        ["Budget (£ million)", "95.1", "110.4"],
    ]
    res = read_grid(Grid("t", rows))
    fig = _figure(res, (1, 1))
    assert fig.dims["measure"] == "Officers in post"
    assert fig.dims["body"] == "Cumbria Constabulary"
    assert "Cumbria Constabulary" not in fig.dims


def test_corner_naming_the_force_dimension_is_still_its_name() -> None:
    # "Police force area" over forces: the corner names the row labels, as before.
    rows = [
        ["Police force area", "2019"],
        ["Kent", "12"],
        ["Essex", "9"],
    ]
    res = read_grid(Grid("t", rows))
    assert _figure(res, (1, 1)).dims["body"] == "Kent"


def test_a_power_cited_by_section_is_no_offence() -> None:
    assert not looks_like_offence("under s60 Criminal Justice Act( 2)")
    assert not looks_like_offence("Under section 1 PACE")
    assert looks_like_offence("Affray")
    found = recognise(None, ["All searches", "under s47A Terrorism Act"])
    assert found.dimension != "offence"


def test_total_qualifying_a_noun_in_a_title_names_no_offence() -> None:
    from foi.figures.coding import context

    assert "offence" not in context(["Arrests following total stops, by force area"])
    assert "offence" not in context(["Total number of staff in post"])
    assert context(["Burglary offences recorded, 2019"])["offence"].label == "Burglary offences"


def _total_of_which_grid(part: str) -> list[list[str | None]]:
    return [
        [None, "2019-20", None, "2020-21", None],
        ["Force", "Total", "of which under section 60", "Total", "of which under section 60"],
        ["Kent", "410", "12", "388", part],
        ["Essex", "297", None, "301", "4"],
        ["Surrey", "150", "3", "162", None],
    ]


def test_a_total_beside_one_of_which_column_is_no_failed_sum() -> None:
    res = read_grid(Grid("t", _total_of_which_grid("9")))
    assert not res.warnings
    fig = _figure(res, (2, 3))
    assert fig.value == 388 and fig.dims["period"] == "2020-21" and fig.dims["body"] == "Kent"
    assert "offence" not in _figure(res, (2, 4)).dims


def test_an_of_which_part_larger_than_its_total_is_still_flagged() -> None:
    res = read_grid(Grid("t", _total_of_which_grid("500")))
    assert any("Kent" in w and "388" in w for w in res.warnings)
