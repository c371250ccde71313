"""The rows stage: every number of a table becomes a figure with every label that locates it.

Small grids written for each pattern, read through layout, coding and rows as `foi parse` reads
them (tests/helpers.py). Totals are stored and marked; `values()` gives the other figures.
"""

from __future__ import annotations

from datetime import date

import pytest

from foi.errors import FoiError
from foi.readers import Grid
from foi.schema import load_schema
from tests.helpers import k, read_grid


def test_title_block_and_merged_year_over_outcome_header() -> None:
    rows = [
        ["Freedom of Information Request 1306/25", None, None, None, None],
        ["Table 3: Outcomes by year", None, None, None, None],
        [None, None, None, None, None],
        ["Offence", "2014/15", None, "2015/16", None],
        [None, "Charged/Summonsed", "Adult caution", "Charged/Summonsed", "Adult caution"],
        ["Burglary", 5, 3, 7, "*"],
        ["Robbery", 2, 0, 1, 4],
        ["Source: Niche RMS", None, None, None, None],
    ]
    g = Grid("Sheet1", rows, sheet="Sheet1", merged=[(3, 1, 3, 2), (3, 3, 3, 4), (3, 0, 4, 0)])
    res = read_grid(g)
    got = res.values()
    assert len(got) == 8
    assert got[k(offence="Burglary", period="2014/15", outcome="Adult caution")] == 3
    assert got[k(offence="Burglary", period="2015/16", outcome="Adult caution")] == "*"
    assert got[k(offence="Robbery", period="2014/15", outcome="Adult caution")] == 0
    assert got[k(offence="Robbery", period="2015/16", outcome="Charged/Summonsed")] == 1
    assert res.skipped["title"] == 2 and res.skipped["blank"] == 1 and res.skipped["note"] == 1
    assert not res.doubts and not res.warnings and not res.not_understood
    figure = next(f for f in res.figures if f.suppressed)
    assert (figure.value, figure.raw, g.location(figure.row, figure.col)) == (None, "*", "Sheet1!E6")
    assert res.mapping["Offence"] == "offence"
    # Each label is kept under its own header too, with its code or dates.
    burglary = next(f for f in res.figures if f.row == 5 and f.col == 1)
    by_dimension = {label.dimension: label for label in burglary.labels}
    assert by_dimension["offence"].header == "Offence" and by_dimension["offence"].source == "row"
    assert (by_dimension["period"].start, by_dimension["period"].end) == (date(2014, 4, 1), date(2015, 3, 31))
    assert by_dimension["outcome"].code == "1"


def test_mapping_a_header_part_to_ignore_drops_its_columns() -> None:
    rows = [
        ["Offence", "2014/15", None, "2015/16", None],
        [None, "Charged/Summonsed", "Adult caution", "Charged/Summonsed", "Adult caution"],
        ["Burglary", 5, 3, 7, 1],
    ]
    res = read_grid(Grid("t", rows, merged=[(0, 1, 0, 2), (0, 3, 0, 4)]), mapping={"2014/15": "ignore"})
    assert res.values() == {k(offence="Burglary", period="2015/16", outcome="Charged/Summonsed"): 7,
                            k(offence="Burglary", period="2015/16", outcome="Adult caution"): 1}


def test_unmerged_span_is_filled_left() -> None:
    rows = [
        ["", "2014/15", "", "2015/16", ""],
        ["Offence", "Charged/Summonsed", "Adult caution", "Charged/Summonsed", "Adult caution"],
        ["Burglary", "5", "3", "7", "1"],
    ]
    got = read_grid(Grid("csv", rows)).values()
    assert got[k(offence="Burglary", period="2014/15", outcome="Adult caution")] == 3
    assert got[k(offence="Burglary", period="2015/16", outcome="Charged/Summonsed")] == 7


def test_years_across_the_top_and_blank_cells() -> None:
    rows = [
        ["Crime type", "Outcome", "2019", "2020", "2021"],
        ["Burglary", "Charged/Summonsed", "4", "5", "6"],
        ["Burglary", "Adult caution", "1", "", "<5"],
    ]
    res = read_grid(Grid("t", rows))
    got = res.values()
    assert got[k(offence="Burglary", outcome="Charged/Summonsed", period="2021")] == 6
    assert got[k(offence="Burglary", outcome="Adult caution", period="2021")] == "<5"
    assert k(offence="Burglary", outcome="Adult caution", period="2020") not in got  # blank is no figure, not 0
    assert res.skipped["blank_cell"] == 1 and len(got) == 5


def test_years_typed_as_numbers_across_the_top() -> None:
    rows = [["Offence", 2019, 2020], ["Burglary", 4, 5], ["Theft", 7, 8]]
    assert read_grid(Grid("t", rows)).values() == {
        k(offence="Burglary", period="2019"): 4, k(offence="Burglary", period="2020"): 5,
        k(offence="Theft", period="2019"): 7, k(offence="Theft", period="2020"): 8}


def test_long_format_with_a_count_column() -> None:
    rows = [
        ["Year", "Offence", "Outcome", "Count"],
        ["2019/20", "Burglary", "Charged/Summonsed", "12"],
        ["2019/20", "Burglary", "Adult caution", "*"],
        ["2020/21", "Theft", "Adult caution", "1,204"],
    ]
    res = read_grid(Grid("t", rows))
    assert [(f.row, f.col, f.value, f.suppressed, f.raw) for f in res.figures] == [
        (1, 3, 12, None, "12"), (2, 3, None, "*", "*"), (3, 3, 1204, None, "1,204")]
    assert {f.dims["period"] for f in res.figures} == {"2019/20", "2020/21"}
    assert all(f.dims["measure"] == "Count" for f in res.figures)


def test_long_format_with_numeric_year_column_and_fill_down() -> None:
    rows = [["Year", "Offence", "Number"], [2019, "Burglary", 3], [None, "Theft", 4], [2020, "Burglary", 5]]
    got = {(f.dims["period"], f.dims["offence"]): f.value for f in read_grid(Grid("t", rows)).figures}
    assert got == {("2019", "Burglary"): 3, ("2019", "Theft"): 4, ("2020", "Burglary"): 5}


WIDE_WITH_TOTALS = [
    ["Offence", "2019/20", "2020/21", "Total"],
    ["Burglary", 5, 3, 8],
    ["Theft", 2, "*", 2],
    ["Robbery", 1, 1, 2],
    ["Grand Total", 8, 4, 12],
]


def test_totals_are_stored_marked_and_checked() -> None:
    res = read_grid(Grid("t", [list(r) for r in WIDE_WITH_TOTALS]))
    assert len(res.values()) == 6
    totals = [f for f in res.figures if f.total]
    assert len(totals) == 6  # the Total column (4 rows) and the Grand Total row's two years
    assert {(f.row, f.col) for f in totals} == {(1, 3), (2, 3), (3, 3), (4, 1), (4, 2), (4, 3)}
    assert [w for w in res.warnings if "stated" in w] == []


def test_wrong_totals_warn_with_the_difference() -> None:
    rows = [list(r) for r in WIDE_WITH_TOTALS]
    rows[4][1] = 10          # the stated 2019/20 total is 2 too many
    rows[1][3] = 9           # Burglary's row total is 1 too many
    res = read_grid(Grid("Table 1", rows))
    assert len(res.values()) == 6
    assert ("Table 1: Total row 'Grand Total', column '2019/20': stated 10, figures sum to 8 "
            "(difference 2)") in res.warnings
    assert ("Table 1: Total column 'Total', row 'Burglary': stated 9, figures sum to 8 "
            "(difference 1)") in res.warnings


def test_a_word_alone_never_makes_a_total() -> None:
    """"Total number of cameras deployed" that does not add up the rows above is a figure."""
    rows = [["Item", "2022"], ["Cameras bought", 5], ["Cameras repaired", 2], ["Total number of cameras deployed", 40]]
    res = read_grid(Grid("t", rows))
    deployed = next(f for f in res.figures if f.row == 3)
    assert deployed.value == 40 and not deployed.total
    assert not [w for w in res.warnings if "stated" in w]


def test_suppressed_cells_under_a_total_are_no_mismatch_and_no_warning() -> None:
    rows = [["Offence", "2019/20"], ["Burglary", 5], ["Theft", "<5"], ["Total", 8]]
    res = read_grid(Grid("t", rows))
    assert res.warnings == [] and res.doubts == []
    assert res.values()[k(offence="Theft", period="2019/20")] == "<5"
    assert res.totals == {k(offence="Total", period="2019/20"): 8}
    # Shown figures already above the total: no total, and that is worth saying.
    rows[1][1] = 12
    res = read_grid(Grid("t", rows))
    assert any("does not add up" in d for d in res.doubts)


def test_suppression_markers_are_never_zero() -> None:
    markers = ["*", "<5", "x", "[x]", "redacted", "-"]
    rows = [["Offence", "2019/20"]] + [[f"Offence number {i}", m] for i, m in enumerate(markers)]
    assert [(f.value, f.suppressed) for f in read_grid(Grid("t", rows)).figures] == [(None, m) for m in markers]


def test_text_in_a_value_cell_is_not_understood() -> None:
    rows = [["Offence", "2019/20", "2020/21"], ["Burglary", 5, "see note"], ["Theft", 6, 7]]
    res = read_grid(Grid("t", rows))
    assert len(res.figures) == 3
    assert res.not_understood and res.not_understood[0][0] == 1 and "see note" in res.not_understood[0][1]


def test_footnotes_below_the_data_are_notes() -> None:
    rows = [
        ["Offence", "2019/20"],
        ["Burglary", 5],
        ["Theft", 6],
        [None, None],
        ["Note: figures are provisional", None],
        ["1. Crimes recorded on Niche", None],
        ["* denotes fewer than five", None],
    ]
    res = read_grid(Grid("t", rows))
    assert len(res.figures) == 2
    assert res.skipped["note"] == 3 and res.skipped["blank"] == 1
    assert not res.not_understood and not res.warnings


def test_merged_row_labels_fill_down() -> None:
    rows = [
        ["Year", "Outcome", "Burglary", "Theft"],
        ["2019/20", "Charged/Summonsed", 1, 2],
        [None, "Adult caution", 3, 4],
        ["2020/21", "Charged/Summonsed", 5, 6],
        ["", "Adult caution", 7, 8],
    ]
    got = read_grid(Grid("t", rows, merged=[(1, 0, 2, 0)])).values()
    assert got[k(period="2019/20", outcome="Adult caution", offence="Theft")] == 4
    assert got[k(period="2020/21", outcome="Adult caution", offence="Burglary")] == 7
    assert len(got) == 8


def test_section_rows_label_the_rows_below() -> None:
    rows = [
        ["Outcome", "2019/20", "2020/21"],
        ["Violence against the person", None, None],
        ["Charged/Summonsed", 1, 2],
        ["Adult caution", 3, 4],
        ["Total", 4, 6],
        ["Robbery", None, None],
        ["Charged/Summonsed", 5, 6],
        ["Adult caution", 7, 8],
        ["Total", 12, 14],
        ["Grand Total", 16, 20],
    ]
    res = read_grid(Grid("t", rows))
    got = res.values()
    assert len(got) == 8
    assert got[k(outcome="Adult caution", period="2020/21", offence="Robbery")] == 8
    assert got[k(outcome="Charged/Summonsed", period="2019/20", offence="Violence against the person")] == 1
    assert [w for w in res.warnings if "stated" in w] == []
    assert sum(f.total for f in res.figures) == 6


def test_unknown_section_headings_become_a_section_dimension() -> None:
    rows = [["Outcome", "2019/20"], ["North", None], ["Charged/Summonsed", 1], ["South", None],
            ["Charged/Summonsed", 2]]
    got = read_grid(Grid("t", rows)).values()
    assert got == {k(outcome="Charged/Summonsed", period="2019/20", section="North"): 1,
                   k(outcome="Charged/Summonsed", period="2019/20", section="South"): 2}


def test_a_blank_row_of_an_outcome_is_not_a_section() -> None:
    rows = [
        ["Outcome", "2019/20", "2020/21"],
        ["Charged/Summonsed", 1, 2],
        ["Adult caution", None, None],
        ["Community resolution", 3, 4],
    ]
    res = read_grid(Grid("t", rows))
    assert res.values() == {k(outcome="Charged/Summonsed", period="2019/20"): 1,
                            k(outcome="Charged/Summonsed", period="2020/21"): 2,
                            k(outcome="Community resolution", period="2019/20"): 3,
                            k(outcome="Community resolution", period="2020/21"): 4}


def test_section_total_mismatch_is_reported_against_its_section() -> None:
    rows = [["Outcome", "2019/20"], ["Robbery", None], ["Charged/Summonsed", 1], ["Total", 1], ["Burglary", None],
            ["Charged/Summonsed", 5], ["Total", 4]]
    res = read_grid(Grid("t", rows))
    assert [w for w in res.warnings if "stated" in w] == [
        "t: Total row 'Total', column '2019/20': stated 4, figures sum to 5 (difference -1)"]


def test_stacked_tables_are_read_separately() -> None:
    rows = [
        ["Table 1: crimes by year", None, None],
        ["Offence", "2019/20", "2020/21"],
        ["Burglary", 1, 2],
        [None, None, None],
        ["Table 2: outcomes", None, None],
        ["Offence", "Charged/Summonsed", "Adult caution"],
        ["Burglary", 3, 4],
        ["Total", 3, 4],
    ]
    res = read_grid(Grid("Sheet1", rows, sheet="Sheet1"))
    assert len(res.tables) == 2
    assert res.values() == {k(offence="Burglary", period="2019/20"): 1, k(offence="Burglary", period="2020/21"): 2,
                            k(offence="Burglary", outcome="Charged/Summonsed"): 3,
                            k(offence="Burglary", outcome="Adult caution"): 4}
    assert [(f.row, f.col) for f in res.figures if not f.total] == [(2, 1), (2, 2), (6, 1), (6, 2)]


def test_header_repeated_after_a_page_break_is_not_a_figure() -> None:
    rows = [["Offence", "2019/20"], ["Burglary", 1], ["Offence", "2019/20"], ["Theft", 2]]
    assert read_grid(Grid("t", rows)).values() == {k(offence="Burglary", period="2019/20"): 1,
                                                   k(offence="Theft", period="2019/20"): 2}


@pytest.mark.parametrize(("corner", "dim"), [("Crime Group / Financial Year", "offence"),
                                             ("Crime Outcome / Financial Year", "outcome")])
def test_corner_header_naming_both_axes(corner: str, dim: str) -> None:
    rows = [[corner, "2019/20", "2020/21"], ["Burglary", "2", "-"], ["Fraud", "1", "3"], ["Total", "3", "3"]]
    res = read_grid(Grid("t", rows))
    assert res.values()[k(period="2020/21", **{dim: "Fraud"})] == 3
    assert [w for w in res.warnings if "stated" in w] == []


def test_an_unknown_row_header_is_a_dimension_named_after_it() -> None:
    rows = [["Hospital Name / Financial Year", "2019/20", "2020/21"], ["Carleton Clinic", "2", "-"],
            ["Cumberland Infirmary", "1", "3"]]
    res = read_grid(Grid("t", rows))
    got = res.values()
    assert len(got) == 4
    [dimension] = {d for key in got for d, _ in key} - {"period"}
    assert {dict(key)[dimension] for key in got} == {"Carleton Clinic", "Cumberland Infirmary"}


def test_caption_names_the_header_row_below() -> None:
    rows = [["", "Outcome", None, "Total"], ["Offence", "Widget outcome", "Gadget outcome", None],
            ["Burglary", 1, 2, 4]]
    res = read_grid(Grid("t", rows, merged=[(0, 1, 0, 2), (0, 3, 1, 3)]))
    plain = {dict(key).get("outcome") or next(v for d, v in key if d not in ("offence",)): value
             for key, value in res.values().items()}
    assert plain == {"Widget outcome": 1, "Gadget outcome": 2}
    assert [w for w in res.warnings if "stated" in w] == [
        "t: Total column 'Total', row 'Burglary': stated 4, figures sum to 3 (difference 1)"]


def test_unknown_column_is_kept_and_a_mapping_names_it() -> None:
    rows = [["Year", "Zorblax", "Count"], ["2019/20", "Plinth", 4], ["2020/21", "Quux", 5]]
    got = read_grid(Grid("t", rows)).values()
    assert {dict(key)["Zorblax"]: value for key, value in got.items()} == {"Plinth": 4, "Quux": 5}
    fixed = read_grid(Grid("t", rows), mapping={"zorblax": "offence"}).values()
    assert {dict(key)["offence"]: value for key, value in fixed.items()} == {"Plinth": 4, "Quux": 5}
    ignored = read_grid(Grid("t", rows), mapping={"ZORBLAX": "ignore"})
    assert {f.dims["period"]: f.value for f in ignored.figures} == {"2019/20": 4, "2020/21": 5}
    assert all("Zorblax" not in f.dims for f in ignored.figures)


def test_unrecognised_wide_headers_are_kept_as_a_dimension() -> None:
    rows = [["Outcome", "Carleton Clinic", "Cumberland Infirmary"], ["Charged/Summonsed", 94, 150],
            ["Adult caution", 2, 5]]
    res = read_grid(Grid("t", rows))
    assert len(res.values()) == 4
    mapped = read_grid(Grid("t", rows), mapping={"Carleton Clinic": "hospital", "Cumberland Infirmary": "hospital"})
    assert mapped.values()[k(outcome="Adult caution", hospital="Cumberland Infirmary")] == 5


def test_bad_mapping_target_is_a_user_error() -> None:
    with pytest.raises(FoiError, match="did you mean 'period'"):
        read_grid(Grid("t", [["Year", "Count"], ["2019", 1]]), mapping={"Year": "perod"})


def test_category_values_of_a_batch_schema_name_a_wide_header() -> None:
    schema = load_schema({"name": "stop-search", "value": "searches", "dimension": [
        {"name": "period", "kind": "period", "synonyms": ["year", "month"]},
        {"name": "ethnicity", "synonyms": ["ethnic group"],
         "values": ["White", "Black", "Asian", "Mixed", "Other", "Not stated"]}]})
    rows = [["Month", "White", "Black", "Asian", "Not stated"], ["Jan 2020", 5, 3, 2, 1]]
    res = read_grid(Grid("t", rows), schema)
    assert res.values()[k(period="Jan 2020", ethnicity="Not stated")] == 1


def test_excel_serial_dates_in_a_month_column() -> None:
    rows = [["Month", "Offence", "Count"], [43831.0, "Burglary", 2], [43862.0, "Burglary", 3]]
    got = {f.dims["period"]: f.value for f in read_grid(Grid("t", rows)).figures}
    assert got == {"2020-01-01": 2, "2020-02-01": 3}


def test_percentages_keep_their_unit() -> None:
    rows = [["Offence", "Count", "% of total"], ["Burglary", 3, "75%"], ["Theft", 1, "25%"]]
    res = read_grid(Grid("t", rows))
    units = {(f.dims["offence"], f.value): f.unit for f in res.figures}
    assert units == {("Burglary", 3): None, ("Theft", 1): None, ("Burglary", 75): "%", ("Theft", 25): "%"}


def test_no_figures_at_all() -> None:
    assert read_grid(Grid("t", [["Dear Ms Robinson,"], ["We do not hold this information."]])).figures == []
    assert read_grid(Grid("t", [])).figures == []


def test_dates_are_iso_labels() -> None:
    rows = [["Date", "Count"], [date(2020, 1, 31), 4]]
    [figure] = read_grid(Grid("t", rows)).figures
    assert figure.dims["period"] == "2020-01-31"


def test_a_row_per_force_splits_figures_across_forces() -> None:
    rows = [["Police force area", "2021/22", "2022/23"], ["Cleveland", 10, 11], ["Durham", 20, 21],
            ["Northumbria", 30, 31], ["North East", 60, 63], ["England and Wales", 900, 950]]
    res = read_grid(Grid("t", rows))
    bodies = {(f.dims["body"], f.dims["period"]): (f.value, f.total) for f in res.figures}
    assert bodies[("Durham", "2022/23")] == (21, False)
    assert bodies[("England and Wales", "2021/22")] == (900, True)   # kept, marked aggregate
    assert bodies[("North East", "2021/22")] == (60, True)
    durham = next(f for f in res.figures if f.dims["body"] == "Durham")
    assert next(label.code for label in durham.labels if label.dimension == "body") == "durham"


def test_rates_and_money_keep_their_units() -> None:
    rows = [["Measure", "2022/23"], ["Rate per 1,000 population", 12.5], ["Spend (£)", 1500]]
    units = {f.value: f.unit for f in read_grid(Grid("t", rows)).figures}
    assert units[12.5] and "1,000" in units[12.5] and units[1500] == "£"


def test_title_states_the_period_of_every_figure() -> None:
    rows = [["Stop and search, year ending March 2021"], [None, None], ["Ethnicity", "Searches"], ["White", 120],
            ["Black", 40]]
    res = read_grid(Grid("t", rows))
    assert {f.dims["period"] for f in res.figures} == {"year ending March 2021"}
    white = next(f for f in res.figures if f.dims["ethnicity"] == "White")
    period = next(label for label in white.labels if label.dimension == "period")
    assert (period.source, period.start, period.end) == ("title", date(2020, 4, 1), date(2021, 3, 31))


def test_footnote_markers_are_split_off_labels() -> None:
    rows = [["Offence", "2022/23"], ["Robbery3", 5], ["Burglary", 6]]
    robbery = next(f for f in read_grid(Grid("t", rows)).figures if f.row == 1)
    label = next(label for label in robbery.labels if label.dimension == "offence")
    assert (label.text, label.note) == ("Robbery", "3")


def test_indented_children_under_a_parent_row_that_sums_them() -> None:
    rows = [["Offence", "2022/23"], ["Violence against the person", 10], ["  Homicide", 1],
            ["  Violence with injury", 9], ["Robbery", 5]]
    res = read_grid(Grid("t", rows))
    parent = next(f for f in res.figures if f.row == 1)
    assert parent.total  # a parent that adds up its children is never summed with them
    homicide = next(f for f in res.figures if f.row == 2)
    assert "Violence against the person" in {label.text for label in homicide.labels}
    assert sum(f.value for f in res.figures if not f.total) == 15


def test_two_rows_with_the_same_labels_are_flagged() -> None:
    rows = [["Offence", "2022/23"], ["Burglary", 1], ["Burglary", 2]]
    res = read_grid(Grid("t", rows))
    assert len(res.figures) == 2 and any("same labels" in d for d in res.doubts)


def test_a_total_column_of_rates_is_never_added_up() -> None:
    rows = [["Arrest rate per 1,000 population"], [None], ["Force", "Males", "Females", "Total"],
            ["Cleveland", 10.5, 4.5, 7.4], ["Durham", 20.25, 3.5, 11.1]]
    res = read_grid(Grid("t", rows))
    assert [w for w in res.warnings if "stated" in w] == []
    assert {f.unit for f in res.figures} == {"rate per 1,000"} and len(res.figures) == 6
