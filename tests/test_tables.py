import csv
from datetime import date
from pathlib import Path

import pytest

from foi.errors import FoiError
from foi.figures._tables import Record, TableResult, understand
from foi.readers import Grid
from foi.schema import load_schema
from tests.conftest import CORPUS

POLICE = load_schema(None)
FIXTURES = Path(__file__).parent / "fixtures"


def figures(res: TableResult) -> dict[tuple[tuple[str, str], ...], object]:
    """dims -> value (or the suppression marker); fails on a figure emitted twice."""
    out: dict[tuple[tuple[str, str], ...], object] = {}
    for rec in res.figures():
        key = tuple(sorted(rec.dims.items()))
        assert key not in out, f"duplicate figure for {key}"
        out[key] = rec.value if rec.suppressed is None else rec.suppressed
    return out


def k(**dims: str) -> tuple[tuple[str, str], ...]:
    return tuple(sorted(dims.items()))


def total_warnings(res: TableResult) -> list[str]:
    return [w for w in res.warnings if "Total" in w]


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
    res = understand(g, POLICE)
    got = figures(res)
    assert len(got) == 8
    assert got[k(offence="Burglary", period="2014/15", outcome="Adult caution")] == 3
    assert got[k(offence="Burglary", period="2015/16", outcome="Adult caution")] == "*"
    assert got[k(offence="Robbery", period="2014/15", outcome="Adult caution")] == 0
    assert got[k(offence="Robbery", period="2015/16", outcome="Charged/Summonsed")] == 1
    assert res.skipped["title"] == 2 and res.skipped["blank"] == 1 and res.skipped["note"] == 1
    assert not res.needs_review and not res.warnings and not res.not_understood
    rec = next(r for r in res.records if r.suppressed)
    assert (rec.value, rec.raw) == (None, "*")
    assert g.location(rec.row, rec.col) == "Sheet1!E6"
    assert res.mapping["Offence"] == "offence"
    assert res.mapping["2014/15"] == "period"
    assert res.mapping["Adult caution"] == "outcome"


def test_mapping_a_header_part_to_ignore_drops_its_columns() -> None:
    rows = [
        ["Offence", "2014/15", None, "2015/16", None],
        [None, "Charged/Summonsed", "Adult caution", "Charged/Summonsed", "Adult caution"],
        ["Burglary", 5, 3, 7, 1],
    ]
    g = Grid("t", rows, merged=[(0, 1, 0, 2), (0, 3, 0, 4)])
    res = understand(g, POLICE, mapping={"2014/15": "ignore"})
    assert figures(res) == {k(offence="Burglary", period="2015/16", outcome="Charged/Summonsed"): 7,
                            k(offence="Burglary", period="2015/16", outcome="Adult caution"): 1}


def test_unmerged_span_is_filled_left() -> None:
    # The same table from a CSV: the year is written once over its two columns.
    rows = [
        ["", "2014/15", "", "2015/16", ""],
        ["Offence", "Charged/Summonsed", "Adult caution", "Charged/Summonsed", "Adult caution"],
        ["Burglary", "5", "3", "7", "1"],
    ]
    got = figures(understand(Grid("csv", rows), POLICE))
    assert got[k(offence="Burglary", period="2014/15", outcome="Adult caution")] == 3
    assert got[k(offence="Burglary", period="2015/16", outcome="Charged/Summonsed")] == 7


def test_years_across_the_top() -> None:
    rows = [
        ["Crime type", "Outcome", "2019", "2020", "2021"],
        ["Burglary", "Charged/Summonsed", "4", "5", "6"],
        ["Burglary", "Adult caution", "1", "", "<5"],
    ]
    res = understand(Grid("t", rows), POLICE)
    got = figures(res)
    assert got[k(offence="Burglary", outcome="Charged/Summonsed", period="2021")] == 6
    assert got[k(offence="Burglary", outcome="Adult caution", period="2021")] == "<5"
    assert k(offence="Burglary", outcome="Adult caution", period="2020") not in got
    assert res.skipped["blank_cell"] == 1
    assert len(got) == 5


def test_years_typed_as_numbers_across_the_top() -> None:
    rows = [["Offence", 2019, 2020], ["Burglary", 4, 5], ["Theft", 7, 8]]
    got = figures(understand(Grid("t", rows), POLICE))
    assert got == {k(offence="Burglary", period="2019"): 4, k(offence="Burglary", period="2020"): 5,
                   k(offence="Theft", period="2019"): 7, k(offence="Theft", period="2020"): 8}


def test_outcomes_across_the_top_without_a_header_name() -> None:
    rows = [
        ["Year", "Offence", "Charged/Summonsed", "Adult caution", "Community resolution"],
        ["2019/20", "Burglary", 3, 2, 1],
        ["2019/20", "Theft", 9, 8, 7],
    ]
    res = understand(Grid("t", rows), POLICE)
    got = figures(res)
    assert got[k(period="2019/20", offence="Theft", outcome="Community resolution")] == 7
    assert len(got) == 6
    assert not res.needs_review


def test_long_format() -> None:
    rows = [
        ["Year", "Offence", "Outcome", "Count"],
        ["2019/20", "Burglary", "Charged/Summonsed", "12"],
        ["2019/20", "Burglary", "Adult caution", "*"],
        ["2020/21", "Theft", "Adult caution", "1,204"],
    ]
    res = understand(Grid("t", rows), POLICE)
    assert res.records == [
        Record({"period": "2019/20", "offence": "Burglary", "outcome": "Charged/Summonsed"},
               12, None, "12", 1, 3),
        Record({"period": "2019/20", "offence": "Burglary", "outcome": "Adult caution"},
               None, "*", "*", 2, 3),
        Record({"period": "2020/21", "offence": "Theft", "outcome": "Adult caution"},
               1204, None, "1,204", 3, 3),
    ]
    assert res.mapping["Count"] == "value"


def test_long_format_with_numeric_year_column_and_fill_down() -> None:
    rows = [
        ["Year", "Offence", "Number"],
        [2019, "Burglary", 3],
        [None, "Theft", 4],
        [2020, "Burglary", 5],
    ]
    got = figures(understand(Grid("t", rows), POLICE))
    assert got == {k(period="2019", offence="Burglary"): 3, k(period="2019", offence="Theft"): 4,
                   k(period="2020", offence="Burglary"): 5}


WIDE_WITH_TOTALS = [
    ["Offence", "2019/20", "2020/21", "Total"],
    ["Burglary", 5, 3, 8],
    ["Theft", 2, "*", 2],
    ["Robbery", 1, 1, 2],
    ["Grand Total", 8, 4, 12],
]


def test_correct_totals_are_checked_not_emitted() -> None:
    res = understand(Grid("t", [list(r) for r in WIDE_WITH_TOTALS]), POLICE)
    got = figures(res)
    assert len(got) == 6
    assert all("Total" not in "".join(key for _, key in dims) for dims in got)
    assert res.skipped["total"] == 1
    assert res.mapping["Total"] == "total"
    assert total_warnings(res) == []


def test_wrong_totals_warn_with_the_difference() -> None:
    rows = [list(r) for r in WIDE_WITH_TOTALS]
    rows[4][1] = 10          # the stated 2019/20 total is 2 too many
    rows[1][3] = 9           # Burglary's row total is 1 too many
    res = understand(Grid("Table 1", rows), POLICE)
    assert len(figures(res)) == 6
    ws = total_warnings(res)
    assert ("Table 1: Total row 'Grand Total', column '2019/20': stated 10, figures sum to 8 "
            "(difference 2)") in ws
    assert ("Table 1: Total column 'Total', row 'Burglary': stated 9, figures sum to 8 "
            "(difference 1)") in ws
    # The grand total cell still agrees with all the figures.
    assert not any("column 'Total'" in w and "row 'Grand" in w for w in ws)


def test_suppressed_cells_make_a_total_check_partial_not_a_mismatch() -> None:
    rows = [["Offence", "2019/20"], ["Burglary", 5], ["Theft", "<5"], ["Total", 8]]
    res = understand(Grid("t", rows), POLICE)
    assert [w for w in res.warnings if "difference" in w] == []
    assert any("check partial" in w and "1 suppressed" in w for w in res.warnings)
    theft = figures(res)[k(offence="Theft", period="2019/20")]
    assert theft == "<5"


def test_suppression_markers_are_never_zero() -> None:
    markers = ["*", "<5", "x", "[x]", "redacted", "-"]
    rows = [["Offence", "2019/20"]] + [[f"O{i}", m] for i, m in enumerate(markers)]
    res = understand(Grid("t", rows), POLICE)
    assert [(r.value, r.suppressed) for r in res.records] == [(None, m) for m in markers]


def test_text_in_a_value_cell_is_not_understood() -> None:
    rows = [["Offence", "2019/20", "2020/21"], ["Burglary", 5, "see note"]]
    res = understand(Grid("t", rows), POLICE)
    assert len(res.records) == 1
    assert res.not_understood and res.not_understood[0][0] == 1
    assert "see note" in res.not_understood[0][1]


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
    res = understand(Grid("t", rows), POLICE)
    assert len(res.records) == 2
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
    g = Grid("t", rows, merged=[(1, 0, 2, 0)])
    res = understand(g, POLICE, mapping={"Burglary": "offence", "Theft": "offence"})
    got = figures(res)
    assert got[k(period="2019/20", outcome="Adult caution", offence="Theft")] == 4
    assert got[k(period="2020/21", outcome="Adult caution", offence="Burglary")] == 7
    assert len(got) == 8


def test_a_row_missing_its_inner_label_is_not_guessed() -> None:
    rows = [
        ["Year", "Offence", "Count"],
        ["2019/20", "Burglary", 1],
        ["2019/20", "", 9],          # a subtotal without the word "Total"
    ]
    res = understand(Grid("t", rows), POLICE)
    assert len(res.records) == 1
    assert res.not_understood[0][0] == 2


def test_section_rows_apply_to_the_rows_below() -> None:
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
    res = understand(Grid("t", rows), POLICE)
    got = figures(res)
    assert len(got) == 8
    # Offence is the one dimension left, so the headings fill it (0.85, with a warning).
    assert res.mapping["(section rows)"] == "offence"
    assert got[k(outcome="Adult caution", period="2020/21", offence="Robbery")] == 8
    assert got[k(outcome="Charged/Summonsed", period="2019/20",
                 offence="Violence against the person")] == 1
    assert res.skipped["section"] == 2
    assert res.skipped["total"] == 3
    assert total_warnings(res) == []


def test_unusable_section_headings_are_titles_and_duplicates_are_flagged() -> None:
    schema = load_schema({"name": "t", "dimension": [{"name": "period", "kind": "period"},
                                                     {"name": "outcome", "kind": "outcome"}]})
    rows = [
        ["Outcome", "2019/20"],
        ["North", None],
        ["Charged/Summonsed", 1],
        ["South", None],
        ["Charged/Summonsed", 2],
    ]
    res = understand(Grid("t", rows), schema)
    assert res.skipped["title"] == 2
    assert res.needs_review
    assert any("rows 3 and 5 both give a figure" in w for w in res.warnings)


def test_a_blank_row_of_an_outcome_is_not_a_section() -> None:
    rows = [
        ["Outcome", "2019/20", "2020/21"],
        ["Charged/Summonsed", 1, 2],
        ["Adult caution", None, None],
        ["Community resolution", 3, 4],
    ]
    res = understand(Grid("t", rows), POLICE)
    assert figures(res) == {k(outcome="Charged/Summonsed", period="2019/20"): 1,
                            k(outcome="Charged/Summonsed", period="2020/21"): 2,
                            k(outcome="Community resolution", period="2019/20"): 3,
                            k(outcome="Community resolution", period="2020/21"): 4}
    assert res.skipped["blank_cell"] == 2


def test_section_total_mismatch_is_reported_against_its_section() -> None:
    rows = [
        ["Outcome", "2019/20"],
        ["Robbery", None],
        ["Charged/Summonsed", 1],
        ["Total", 1],
        ["Burglary", None],
        ["Charged/Summonsed", 5],
        ["Total", 4],
    ]
    res = understand(Grid("t", rows), POLICE)
    assert total_warnings(res) == [
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
    res = understand(Grid("Sheet1", rows, sheet="Sheet1"), POLICE)
    got = figures(res)
    assert got == {k(offence="Burglary", period="2019/20"): 1,
                   k(offence="Burglary", period="2020/21"): 2,
                   k(offence="Burglary", outcome="Charged/Summonsed"): 3,
                   k(offence="Burglary", outcome="Adult caution"): 4}
    assert [(r.row, r.col) for r in res.records] == [(2, 1), (2, 2), (6, 1), (6, 2)]
    assert res.skipped == {"title": 2, "blank": 1, "total": 1}
    assert not res.not_understood and not res.warnings


def test_header_repeated_after_a_page_break_is_skipped() -> None:
    rows = [
        ["Offence", "2019/20"],
        ["Burglary", 1],
        ["Offence", "2019/20"],
        ["Theft", 2],
    ]
    res = understand(Grid("t", rows), POLICE)
    assert figures(res) == {k(offence="Burglary", period="2019/20"): 1,
                            k(offence="Theft", period="2019/20"): 2}
    assert res.skipped == {"title": 1}


@pytest.mark.parametrize(
    ("corner", "dim"),
    [("Crime Group / Financial Year", "offence"), ("Crime Outcome / Financial Year", "outcome"),
     ("Hospital Name / Financial Year", None)],
)
def test_corner_header_naming_both_axes(corner: str, dim: str | None) -> None:
    # Durham's layout: the corner names the row labels and the years across the top.
    rows = [[corner, "2019/20", "2020/21"], ["Burglary", "2", "-"], ["Fraud", "1", "3"],
            ["Total", "3", "3"]]
    res = understand(Grid("t", rows), POLICE)
    if dim is None:
        assert res.needs_review and res.records == []
    else:
        assert figures(res)[k(period="2020/21", **{dim: "Fraud"})] == 3
        assert res.mapping[corner] == dim
        assert not res.needs_review and total_warnings(res) == []


def test_caption_names_the_header_row_below() -> None:
    # Outcome labels no code table knows, but the caption over them says what they are.
    rows = [["", "Outcome", None, "Total"],
            ["Offence", "Widget outcome", "Gadget outcome", None],
            ["Burglary", 1, 2, 4]]
    res = understand(Grid("t", rows, merged=[(0, 1, 0, 2), (0, 3, 1, 3)]), POLICE)
    assert figures(res) == {k(offence="Burglary", outcome="Widget outcome"): 1,
                            k(offence="Burglary", outcome="Gadget outcome"): 2}
    assert total_warnings(res) == [
        "t: Total column 'Total', row 'Burglary': stated 4, figures sum to 3 (difference 1)"]


def test_unknown_column_needs_review_and_mapping_fixes_it() -> None:
    rows = [
        ["Year", "Zorblax", "Count"],
        ["2019/20", "Plinth", 4],
        ["2020/21", "Quux", 5],
    ]
    res = understand(Grid("t", rows), POLICE)
    assert res.needs_review
    assert res.records == []
    assert [r for r, _ in res.not_understood] == [1, 2]
    assert any("Zorblax" in w for w in res.warnings)
    assert res.mapping["Zorblax"] == "unmapped"

    fixed = understand(Grid("t", rows), POLICE, mapping={"zorblax": "offence"})
    assert not fixed.needs_review
    assert figures(fixed) == {k(period="2019/20", offence="Plinth"): 4,
                              k(period="2020/21", offence="Quux"): 5}
    ignored = understand(Grid("t", rows), POLICE, mapping={"ZORBLAX": "ignore"})
    assert not ignored.needs_review
    # Without Zorblax the two rows differ only by year, so nothing collides.
    assert figures(ignored) == {k(period="2019/20"): 4, k(period="2020/21"): 5}


def test_unrecognised_wide_header_needs_review() -> None:
    rows = [
        ["Outcome", "Carleton Clinic", "Cumberland Infirmary"],
        ["Charged/Summonsed", 94, 150],
        ["Adult caution", 2, 5],
    ]
    res = understand(Grid("t", rows), POLICE)
    assert res.needs_review and res.records == []
    fixed = understand(Grid("t", rows), POLICE,
                       mapping={"Carleton Clinic": "offence", "Cumberland Infirmary": "ignore"})
    assert figures(fixed) == {k(outcome="Charged/Summonsed", offence="Carleton Clinic"): 94,
                              k(outcome="Adult caution", offence="Carleton Clinic"): 2}


def test_bad_mapping_target_is_a_user_error() -> None:
    with pytest.raises(FoiError, match="not a dimension"):
        understand(Grid("t", [["Year", "Count"], ["2019", 1]]), POLICE, mapping={"Year": "colour"})


def test_blank_label_column_takes_the_only_free_dimension() -> None:
    rows = [
        ["", "2019/20", "2020/21"],
        ["Scrambled widgets", 1, 2],
        ["Odd things", 3, 4],
    ]
    schema = load_schema({"name": "t", "dimension": [
        {"name": "period", "kind": "period"}, {"name": "thing"}]})
    res = understand(Grid("t", rows), schema)
    assert figures(res)[k(thing="Odd things", period="2020/21")] == 4
    assert any("0.85" in w for w in res.warnings)


def test_category_values_recognise_a_wide_header() -> None:
    schema = load_schema({"name": "stop-search", "value": "searches", "dimension": [
        {"name": "period", "kind": "period", "synonyms": ["year", "month"]},
        {"name": "ethnicity", "synonyms": ["ethnic group"],
         "values": ["White", "Black", "Asian", "Mixed", "Other", "Not stated"]}]})
    rows = [["Month", "White", "Black", "Asian", "Not stated"], ["Jan 2020", 5, 3, 2, 1]]
    res = understand(Grid("t", rows), schema)
    assert figures(res)[k(period="Jan 2020", ethnicity="Not stated")] == 1
    assert res.mapping["White"] == "ethnicity"


def test_excel_serial_dates_in_a_month_column() -> None:
    rows = [["Month", "Offence", "Count"], [43831.0, "Burglary", 2], [43862.0, "Burglary", 3]]
    got = figures(understand(Grid("t", rows), POLICE))
    assert got == {k(period="2020-01-01", offence="Burglary"): 2,
                   k(period="2020-02-01", offence="Burglary"): 3}


def test_percentage_columns_are_left_out() -> None:
    rows = [["Offence", "Count", "% of total"], ["Burglary", 3, "75%"], ["Theft", 1, "25%"]]
    res = understand(Grid("t", rows), POLICE)
    assert figures(res) == {k(offence="Burglary"): 3, k(offence="Theft"): 1}
    assert not res.needs_review


def test_no_figures_at_all() -> None:
    res = understand(Grid("t", [["Dear Ms Robinson,"], ["We do not hold this information."]]),
                     POLICE)
    assert res.records == [] and any("no rows of figures" in w for w in res.warnings)
    assert understand(Grid("t", []), POLICE).records == []


def test_long_table_of_200k_rows_comes_back_whole() -> None:
    # Its speed is measured in bench/bench_parse.py, not asserted here.
    offences = [f"Offence {i}" for i in range(60)]
    outcomes = ["Charged/Summonsed", "Adult caution", "Community resolution", "Other"]
    rows: list[list[object]] = [["Year", "Offence", "Outcome", "Count"]]
    for i in range(200_000):
        rows.append([f"20{10 + i % 12}/{11 + i % 12}", offences[i % 60], outcomes[i % 4],
                     str(i % 97) if i % 13 else "*"])
    g = Grid("big", rows)
    res = understand(g, POLICE)
    got = list(res.figures())
    assert len(got) == 200_000
    assert got[-1].dims["outcome"] == outcomes[199_999 % 4]
    assert sum(1 for r in got if r.suppressed == "*") == sum(1 for i in range(200_000) if i % 13 == 0)
    # Only 60 distinct (year, offence, outcome): the file repeats itself, and says so.
    assert res.needs_review and "rows 2 and 62 both give a figure for" in res.warnings[-1]


# ------------------------------------------------------------------ real corpus

CUMBRIA_PDF = CORPUS / "paulbradshaw-mass_foi_projects/Cumbria.pdf"
CUMBRIA_EXPECTED = (CORPUS / "paulbradshaw-mass_foi_projects/expected-aresbr-Dataharvest"
                    / "cumbria_crimes_by_category_year.csv")


def _cumbria_offence_table() -> Grid:
    from foi.readers import read_file

    result = read_file(CUMBRIA_PDF)
    assert result.status == "ok", result.error
    for g in result.tables:
        first = " ".join(str(c) for c in g.rows[0] if c)
        if "Offence Sub Group" in first:
            return g
    raise AssertionError("no Offence Sub Group table in Cumbria.pdf")


def _check_cumbria(g: Grid) -> TableResult:
    res = understand(g, POLICE)
    assert total_warnings(res) == [], res.warnings
    assert not res.needs_review and not res.not_understood
    assert res.skipped.get("total", 0) == 1         # the Grand Total row
    assert res.mapping["Grand Total"] == "total"    # and column, checked not stored
    by_year: dict[str, float] = {}
    got: dict[tuple[str, str], float] = {}
    for rec in res.records:
        year = rec.dims["period"]
        by_year[year] = by_year.get(year, 0) + rec.value
        got[(year, rec.dims["offence"].title())] = rec.value
    assert by_year == {"2019/20": 635, "2020/21": 505, "2021/22": 569, "2022/23": 513,
                       "2023/24": 278}
    with CUMBRIA_EXPECTED.open(newline="") as f:
        expected = {(row["financial_year"], row["offence_category"].title()):
                    int(row["crime_count"]) for row in csv.DictReader(f)}
    assert got == expected
    return res


@pytest.mark.skipif(not CUMBRIA_PDF.exists(), reason="shared corpus not beside the project")
def test_cumbria_offence_by_year_from_pdfplumber_rows() -> None:
    """The raw pdfplumber table: "Grand" / "Total" one column right of its figures, blank
    cells for zero, wrapped labels, and the last two rows on page 3."""
    import pdfplumber

    with pdfplumber.open(CUMBRIA_PDF) as pdf:
        p2 = next(t for t in pdf.pages[1].extract_tables() if t[0][0] == "Offence Sub Group")
        p3 = pdf.pages[2].extract_tables()[0]
    width = len(p2[0])
    # The continuation has its own column grid; keep its filled cells in order.
    cont = [[c for c in row if c] for row in p3]
    rows = p2 + [row + [None] * (width - len(row)) for row in cont]
    _check_cumbria(Grid("Cumbria p2", rows))


@pytest.mark.skipif(not CUMBRIA_PDF.exists(), reason="shared corpus not beside the project")
def test_cumbria_offence_by_year_via_reader() -> None:
    res = _check_cumbria(g := _cumbria_offence_table())
    # Provenance: every record points at its cell on page 2 or 3.
    assert {g.location(r.row, r.col).split()[0] for r in res.records} <= {"p2", "p3"}


@pytest.mark.skipif(not CUMBRIA_PDF.exists(), reason="shared corpus not beside the project")
def test_cumbria_hospital_tables_need_review() -> None:
    from foi.readers import read_file

    for g in read_file(CUMBRIA_PDF).tables:
        if str(g.rows[0][0]).strip() == "Outcome":
            res = understand(g, POLICE)
            # Hospitals are not a dimension of police-outcomes: nothing may be guessed.
            assert res.needs_review
            assert res.records == []


def test_dates_are_iso_labels() -> None:
    rows = [["Date", "Count"], [date(2020, 1, 31), 4]]
    assert figures(understand(Grid("t", rows), POLICE)) == {k(period="2020-01-31"): 4}
