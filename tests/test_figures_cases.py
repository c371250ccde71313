"""Regression tests named after the real cases they pin: patterns seen on real police and
parliamentary tables, each written again as a small grid of our own (no file's wording)."""

from __future__ import annotations

from datetime import date

from foi.readers import Grid
from tests.helpers import read_grid


def _dims(res, cell: tuple[int, int]) -> dict[str, str]:  # type: ignore[no-untyped-def]
    figure = next(f for f in res.figures if (f.row, f.col) == cell)
    return {d: v for d, v in figure.dims.items() if d != "table"}


def _figure(res, cell: tuple[int, int]):  # type: ignore[no-untyped-def]
    return next(f for f in res.figures if (f.row, f.col) == cell)


# --- 1. a title wrapped over lines, a blank line, then where and when ------------------------


def test_wrapped_title_gives_period_offence_area_and_unit() -> None:
    rows = [
        ["Notifiable offences of robbery recorded by the", None],
        ["police per 100,000 population", None],
        [None, None],
        ["England and Wales 1987", None],
        ["Police force area", "Offences per 100,000 population"],
        ["Kent", "206"],
        ["Dorset", "214"],
        ["Surrey", "237"],
        ["England and Wales", "351"],
    ]
    res = read_grid(Grid("t", rows))
    kent = _figure(res, (5, 1))
    dims = kent.dims
    assert dims["period"] == "1987" and dims["body"] == "Kent"
    assert dims["offence"] == "offences of robbery"
    assert kent.unit == "rate per 100,000"
    period = next(label for label in kent.labels if label.dimension == "period")
    assert (period.start, period.end, period.source) == (date(1987, 1, 1), date(1987, 12, 31), "title")
    # The caption keeps the sentence and what the last line adds.
    assert dims["table"] == ("Notifiable offences of robbery recorded by the police per 100,000 population, "
                             "England and Wales 1987")
    # The England and Wales row is the aggregate (its own body label wins over the title's).
    total = _figure(res, (8, 1))
    assert total.total and total.dims["body"] == "England and Wales"


def test_title_counting_incidents_gives_a_measure() -> None:
    rows = [
        ["Table 4.2 Number of SEIZURES by appropriate authority 2017/18 to 2019/20", None, None, None],
        ["Appropriate authority", "17/18", "18/19", "19/20"],
        ["Cleveland", 3, 5, 4],
        ["Durham", 2, 0, 6],
        ["Northumbria", 7, 9, 8],
    ]
    res = read_grid(Grid("t", rows))
    assert _dims(res, (2, 1)) == {"body": "Cleveland", "period": "17/18", "measure": "SEIZURES"}


# --- 2. sections holding an age band, closed by a total and a blank line ----------------------


def test_every_row_under_a_section_carries_it_totals_included() -> None:
    rows = [
        ["Age group and police force area", "2001", "2002", "2003"],
        ["30-39", None, None, None],
        ["Cheshire", "2", None, "1"],
        ["Cleveland", "1", "3", None],
        ["Cumbria", None, None, None],          # a force with no figures: not a heading
        ["Devon and Cornwall", "4", "1", "2"],
        ["Essex", None, "2", "5"],
        ["Total", "7", "6", "8"],
        [None, None, None, None],
        ["40-49", None, None, None],
        ["Cheshire", "1", None, None],
        ["Essex", "3", "2", "2"],
        ["Kent", "2", "2", "1"],
        ["Total", "6", "4", "3"],
    ]
    res = read_grid(Grid("t", rows))
    assert _dims(res, (5, 1)) == {"body": "Devon and Cornwall", "period": "2001", "age_group": "30-39"}
    assert _dims(res, (6, 3)) == {"body": "Essex", "period": "2003", "age_group": "30-39"}
    total = _figure(res, (7, 2))
    assert total.total and total.dims["age_group"] == "30-39"
    assert _dims(res, (12, 3))["age_group"] == "40-49"
    assert _figure(res, (13, 1)).dims["age_group"] == "40-49"
    assert not res.warnings


def test_a_row_with_two_labels_and_blank_figures_is_no_section() -> None:
    rows = [
        ["Region", "Force", "2019", "2020"],
        ["North East", "Cleveland", "5", "6"],
        ["North East", "Durham", None, None],
        ["North East", "Northumbria", "7", "9"],
        ["North West", "Cumbria", "2", "3"],
        ["North West", "Lancashire", "8", "1"],
    ]
    res = read_grid(Grid("t", rows))
    for r in (3, 4, 5):
        assert "section" not in {label.source for label in _figure(res, (r, 3)).labels}
    assert _dims(res, (3, 3)) == {"body": "Northumbria", "Region": "North East", "period": "2020"}


# --- 3. a caption row naming an offence, over the columns ------------------------------------


def test_one_caption_over_the_year_columns_naming_an_offence_is_the_offence() -> None:
    rows = [
        [None, "Kerb crawling", None, None],
        ["Police force area", "2004", "2005", "2006"],
        ["Cleveland", "3", "1", "2"],
        ["Durham", "1", "4", "2"],
        ["Kent", "2", "2", "5"],
    ]
    res = read_grid(Grid("t", rows))
    assert _dims(res, (2, 2)) == {"body": "Cleveland", "period": "2005", "offence": "Kerb crawling"}
    offence = next(label for label in _figure(res, (2, 2)).labels if label.dimension == "offence")
    assert offence.code == "27"


def test_one_caption_naming_what_is_counted_stays_a_measure() -> None:
    rows = [
        [None, "Number of arrests", None],
        ["Police force area", "2004", "2005"],
        ["Cleveland", "30", "12"],
        ["Durham", "11", "44"],
        ["Kent", "21", "25"],
    ]
    res = read_grid(Grid("t", rows))
    assert _dims(res, (2, 1))["measure"] == "Number of arrests"


# --- 4. force names under a header that calls them areas -------------------------------------


def test_force_names_under_an_area_header_are_bodies() -> None:
    for header in ("Criminal justice system area", "Area", "CJS area"):
        rows = [
            [header, "2005", "2006"],
            ["Avon and Somerset", "16", "20"],
            ["Bedfordshire", "1", "4"],
            ["Greater London", "84", "94"],
            ["Cleveland", "4", "3"],
            ["Durham", "9", "8"],
        ]
        res = read_grid(Grid("t", rows))
        assert _dims(res, (1, 1)) == {"body": "Avon and Somerset", "period": "2005"}, header
        body = next(label for label in _figure(res, (1, 1)).labels if label.dimension == "body")
        assert body.code == "avon-and-somerset"


def test_districts_under_an_area_header_stay_areas() -> None:
    rows = [
        ["Local authority", "2005", "2006"],
        ["Durham", "16", "20"],
        ["Darlington", "1", "4"],
        ["Hartlepool", "84", "94"],
        ["Stockton-on-Tees", "4", "3"],
        ["Middlesbrough", "9", "8"],
    ]
    res = read_grid(Grid("t", rows))
    assert _dims(res, (1, 1)) == {"area": "Durham", "period": "2005"}


# --- 7. "(2)" where a figure would be: a footnote reference, not minus two --------------------


def test_bracketed_footnote_references_among_counts_are_markers() -> None:
    rows = [
        ["Force", "Firearms", "Truancy"],
        ["Avon and Somerset", "946", "53"],
        ["City of London(1)", "(2)", "(2)"],
        ["Cleveland", "273", "34"],
        ["Cumbria", "626", "90"],
    ]
    res = read_grid(Grid("t", rows))
    city = _figure(res, (2, 1))
    assert (city.value, city.suppressed, city.note) == (None, "(2)", "2")
    assert _figure(res, (3, 1)).value == 273
    assert not res.warnings


def test_brackets_beside_signed_or_decimal_figures_stay_negative() -> None:
    rows = [
        ["Budget line", "2019/20", "2020/21"],
        ["Overtime", "(2)", "1.5"],
        ["Equipment", "-3", "(4)"],
        ["Training", "12", "7.25"],
    ]
    res = read_grid(Grid("t", rows))
    assert _figure(res, (1, 1)).value == -2 and _figure(res, (2, 2)).value == -4


# --- 5. one period stated in one column's header: the table's ---------------------------------


def test_a_period_stated_once_in_the_header_block_is_the_tables() -> None:
    rows = [
        ["Police force area", "Offences per officer in 12 months to March 1994",
         "Percentage change from previous 12 months"],
        ["Avon and Somerset", "49", "10"],
        ["Bedfordshire", "53", "-5"],
        ["Cleveland", "55", "9"],
    ]
    res = read_grid(Grid("t", rows))
    for c in (1, 2):
        figure = _figure(res, (2, c))
        period = next(label for label in figure.labels if label.dimension == "period")
        assert (period.text, period.start, period.end) == ("12 months to March 1994", date(1993, 4, 1),
                                                           date(1994, 3, 31))
    assert _figure(res, (2, 2)).unit == "%"


def test_periods_as_column_headers_are_no_table_period() -> None:
    rows = [
        ["Police force area", "2019/20", "2020/21", "Change in 12 months to March 2021"],
        ["Avon and Somerset", "49", "51", "2"],
        ["Bedfordshire", "53", "50", "-3"],
        ["Cleveland", "55", "57", "2"],
    ]
    res = read_grid(Grid("t", rows))
    assert _figure(res, (1, 1)).dims["period"] == "2019/20"
