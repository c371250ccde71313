"""Round 14 (issue 11): patterns seen on fresh real tables (Commons written answers, police and PCC
disclosure logs), each pinned with a small grid of our own wording and figures."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from foi.figures._rows_periods import snapshot_period
from foi.figures.coding import Clean, Coded, clean_label
from foi.figures.layout import find_tables
from foi.figures.rows import repeated_across_tables
from foi.readers import Grid, read_file
from tests.helpers import read_grid


def _figure(res, cell: tuple[int, int]):  # type: ignore[no-untyped-def]
    return next(f for f in res.figures if (f.row, f.col) == cell)


def test_note_number_typeset_in_brackets_with_a_space_is_a_note() -> None:
    assert clean_label("Kingsford( 2)") == Clean("Kingsford", ("2",))
    assert clean_label("30 June 2004( 3)") == Clean("30 June 2004", ("3",))
    assert clean_label("2011/12(4)") == Clean("2011/12", ("4",))   # glued to a period: a note
    assert clean_label("Section 12(4)").text == "Section 12(4)"    # a subsection stays


def test_dated_column_groups_with_bracketed_notes_are_the_period() -> None:
    # A date spanning two measures, its note in brackets; a sitting date in the title above.
    rows = [
        ["3 Feb 2009 : Column 88W"],
        [None],
        [None, "30 June 2004( 3)", None, "30 June 2005( 4)", None],
        ["Force", "Officers (FTE)", "Officers per 100,000", "Officers (FTE)", "Officers per 100,000"],
        ["Ashvale", "1,210", "201", "1,254", "207"],
        ["Brookmoor", "2,045", "188", "2,101", "190"],
        ["Coldharbour", "980", "176", "1,003", "179"],
    ]
    res = read_grid(Grid("t", rows))
    fig = _figure(res, (5, 3))
    assert fig.value == 2101
    assert fig.dims["period"] == "30 June 2005"


def test_a_near_sum_of_whole_counts_is_no_region_above_its_forces() -> None:
    # Brookmoor is within half a percent of Coldharbour + Dunmere in two years (3,140 ~ 3,131; 3,260 ~
    # 3,258) but 22 off in the third: whole counts that miss by more than rounding can explain, in a
    # third of the columns, are a coincidence, not a region above two forces. No total, no group.
    rows = [
        ["Force", "2004", "2005", "2006", "Per 100,000 (2006)"],
        ["Ashvale", "2,960", "3,002", "3,010", "197"],
        ["Brookmoor", "3,140", "3,191", "3,260", "228"],
        ["Coldharbour", "2,011", "2,061", "2,100", "217"],
        ["Dunmere", "1,120", "1,152", "1,158", "191"],
        ["Eastwick", "1,407", "1,461", "1,470", "253"],
    ]
    [t] = find_tables(Grid("t", rows))
    assert "total" not in t.roles
    res = read_grid(Grid("t", rows))
    assert not any(f.total for f in res.figures)
    assert not any(k.endswith("group") for f in res.figures for k in f.dims)
    assert res.doubts == [] and res.warnings == []


def test_a_region_above_its_forces_within_rounding_is_still_a_total() -> None:
    # Estimates rounded to the hundred: a region 100 off the sum of its forces is rounding.
    rows = [
        ["Area", "Incidents 2022", "Incidents 2023"],
        ["North region", "41,300", "42,100"],
        ["Ashvale", "15,200", "15,600"],
        ["Brookmoor", "14,100", "14,300"],
        ["Coldharbour", "12,100", "12,300"],
        [None],
        ["South region", "9,000", "9,900"],
        ["Dunmere", "4,500", "5,000"],
        ["Eastwick", "4,500", "4,900"],
    ]
    [t] = find_tables(Grid("t", rows))
    assert t.sums.get(1) == [2, 3, 4]


def test_question_part_letter_before_a_caption_is_dropped() -> None:
    # Sub-tables captioned by the part of the question they answer, a note digit glued on.
    rows = [
        ["(b) Number of leavers2"],
        [None, "2019-20", "2020-21", "2021-22"],
        ["Ashvale", "14", "9", "22"],
        ["Brookmoor", "31", "27", "40"],
    ]
    res = read_grid(Grid("t", rows))
    fig = _figure(res, (3, 2))
    assert fig.value == 27
    assert fig.dims["table"] == "Number of leavers"
    assert fig.dims["period"] == "2020-21"


def test_years_under_an_as_at_day_are_that_day() -> None:
    # Strength counted on one day a year; one count taken out of turn, its day in brackets.
    rows = [
        ["As at 31 March", "Officers"],
        ["2003", "1,412"],
        ["2004", "1,450"],
        ["2004 (30 September)", "1,471"],
    ]
    res = read_grid(Grid("t", rows))
    spans = {f.row: next((lab.start, lab.end) for lab in f.labels if lab.dimension == "period") for f in res.figures}
    assert spans[1] == (date(2003, 3, 31), date(2003, 3, 31))
    assert spans[3] == (date(2004, 9, 30), date(2004, 9, 30))
    assert snapshot_period("As at 31 March", "2003") == Coded("period", "2003", None, date(2003, 3, 31),
                                                              date(2003, 3, 31))
    assert snapshot_period("At 30 September", "2004").start == date(2004, 9, 30)
    assert snapshot_period("Year", "2004 (30 September)").end == date(2004, 9, 30)
    assert snapshot_period("Year", "2004") is None          # a calendar year stays one
    assert snapshot_period("As at 31 March", "2019/20") is None


def test_caption_line_above_a_word_table_names_it(tmp_path: Path) -> None:
    import docx

    document = docx.Document()
    document.add_paragraph("The figures you asked for are set out below.")
    document.add_paragraph("Table A Ashvale Constabulary \u2014 officers 2001 to 2003")
    t = document.add_table(rows=3, cols=2)
    for r, (a, b) in enumerate([("As at 31 March", "Officers"), ("2001", "310"), ("2002", "322")]):
        t.cell(r, 0).text, t.cell(r, 1).text = a, b
    document.add_paragraph("Please see the table below")
    t2 = document.add_table(rows=2, cols=2)
    for r, (a, b) in enumerate([("As at 31 March", "Officers"), ("2001", "41")]):
        t2.cell(r, 0).text, t2.cell(r, 1).text = a, b
    path = tmp_path / "reply.docx"
    document.save(path)
    result = read_file(path)
    first, second = result.tables
    assert first.rows[0][0] == "Table A Ashvale Constabulary \u2014 officers 2001 to 2003"
    assert first.location(2, 1) == "table 1 r2 c2"                 # places as in the Word table
    assert second.rows[0] == ["As at 31 March", "Officers"]        # a line of the letter is no caption
    fig = _figure(read_grid(first), (2, 1))
    assert fig.value == 310 and fig.dims["table"].startswith("Table A Ashvale")


def test_same_cells_in_tables_about_different_places_are_not_repeats() -> None:
    a = read_grid(Grid("t", [["Merseyside Police"], ["Year", "Arrests"], ["2021", "40"], ["2022", "52"]]))
    b = read_grid(Grid("t", [["Kent Police"], ["Year", "Arrests"], ["2021", "17"], ["2022", "19"]]))
    c = read_grid(Grid("t", [["Year", "Arrests"], ["2021", "40"], ["2022", "52"]]))
    assert repeated_across_tables([*a.tables, *b.tables]) == []
    assert repeated_across_tables([*c.tables, *c.tables])   # the same table twice still is
