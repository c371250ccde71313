"""The column-at-a-time fast path for long tables must give exactly what the row loop gives.

`foi.tablerows.COLUMNAR_MIN_ROWS` decides which tables take the fast path; here it is set to 1
(everything that can, does) and to a huge number (nothing does), and the two results compared:
figures, their cells and raw text, skipped rows, warnings, rows not understood, the review flag.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import Any

import openpyxl
from hypothesis import given, settings
from hypothesis import strategies as st

import foi.figures._tablerows as tablerows
from foi.batches import create_batch
from foi.figures._tables import TableResult, understand
from foi.figures.filing import attach
from foi.figures.parsing import parse_batch
from foi.readers import Grid
from foi.workspace import Workspace
from tests.test_tables_hypothesis import POLICE, lay_out, tables


@contextmanager
def columnar(min_rows: int) -> Iterator[None]:
    before = tablerows.COLUMNAR_MIN_ROWS
    tablerows.COLUMNAR_MIN_ROWS = min_rows
    try:
        yield
    finally:
        tablerows.COLUMNAR_MIN_ROWS = before


def outcome(res: TableResult) -> dict[str, Any]:
    figures = sorted(((r.row, r.col), r.dims, r.value, r.suppressed, r.raw) for r in res.figures())
    return {"figures": figures, "skipped": res.skipped, "warnings": res.warnings, "mapping": res.mapping,
            "not_understood": sorted(res.not_understood), "needs_review": res.needs_review}


def both(grid: Grid) -> tuple[dict[str, Any], dict[str, Any], TableResult]:
    with columnar(10**9):
        slow = understand(grid, POLICE)
    with columnar(1):
        fast = understand(grid, POLICE)
    assert not slow.blocks
    return outcome(slow), outcome(fast), fast


@settings(max_examples=150, deadline=None)
@given(tables())
def test_generated_tables_read_the_same_either_way(t: dict[str, Any]) -> None:
    slow, fast, _ = both(lay_out(t))
    assert fast == slow


LABEL = st.sampled_from(["Burglary", "Robbery", "Theft", "", None, "Total", "Sub-total"])
VALUE = st.one_of(st.integers(0, 900), st.floats(0, 900, allow_nan=False).map(lambda x: round(x, 2)),
                  st.sampled_from(["*", "<5", "1,234", " 12 ", "", None, "n/a", "see note", "-"]))


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(["2019/20", "2020/21", "2021/22"]), LABEL, VALUE, VALUE),
                min_size=1, max_size=40),
       st.sampled_from([[], [["Source: Niche RMS", None, None, None]], [[None] * 4, ["Note: * fewer than 5"]]]))
def test_messy_long_tables_read_the_same_either_way(body: list[tuple[Any, ...]], tail: list[list[Any]]) -> None:
    # Blank and total labels (fill-down, subtotals), text in figure cells, rows with no figures,
    # notes after the table: the fast path must stop where the row loop has work to do.
    rows = [["Year", "Offence", "Adult caution", "Youth caution"], *map(list, body), *tail]
    slow, fast, _ = both(Grid("messy", rows))
    assert fast == slow


def test_a_long_clean_table_goes_through_the_fast_path_and_notes_after_it_do_not() -> None:
    rows: list[list[Any]] = [["Month", "Offence", "Outcome", "Count"]]
    for i in range(3000):
        rows.append([f"{['Jan', 'Feb', 'Mar'][i % 3]}-{2015 + i // 300}", f"Offence {i // 3 % 100}",
                     "Adult caution", "*" if i % 17 == 0 else i % 40])
    rows += [["Total", None, None, sum(r[3] for r in rows[1:] if isinstance(r[3], int))],
             [None, None, None, None], ["Source: Niche RMS", None, None, None]]
    slow, fast, res = both(Grid("long", rows))
    assert fast == slow
    [block] = res.blocks
    assert (block.start, block.stop, len(block), res.records) == (1, 3001, 3000, [])
    assert fast["skipped"] == {"total": 1, "blank": 1, "note": 1}
    assert not [w for w in fast["warnings"] if "Total" in w]  # the stated total agrees with the block's sum


def test_a_stated_total_that_disagrees_with_the_block_is_reported() -> None:
    rows: list[list[Any]] = [["Year", "Offence", "Count"]]
    rows += [[f"20{10 + i % 10}/{11 + i % 10}", f"Offence {i // 10}", 2] for i in range(2000)]
    rows.append(["Total", None, 3999])
    slow, fast, _ = both(Grid("t", rows))
    assert fast == slow
    assert fast["warnings"] == [
        "t: Total row 'Total', column 'Count': stated 3999, figures sum to 4000 (difference -1)"]


def test_repeated_rows_in_a_block_are_flagged_like_in_the_row_loop() -> None:
    rows: list[list[Any]] = [["Year", "Offence", "Count"]]
    rows += [[f"20{10 + i % 10}/{11 + i % 10}", f"Offence {i // 10 % 150}", i] for i in range(2000)]
    slow, fast, _ = both(Grid("t", rows))
    assert fast == slow and fast["needs_review"]
    assert "rows 2 and 1502 both give a figure for period=2010/11, offence=Offence 0" in fast["warnings"][-1]


def parsed_both_ways(ws: Workspace, batch: str) -> tuple[Any, ...]:
    """Parse the batch's one file by the row loop, then by the fast path: what is stored (figure
    ids aside) and reported must be the same; returns the fast path's."""
    stored = []
    for min_rows in (10**9, 1):
        with columnar(min_rows):
            [report] = parse_batch(ws, batch)
        rows = [dict(r) for r in ws.db.query("SELECT * FROM figures ORDER BY id")]
        stored.append(([{k: v for k, v in r.items() if k != "id"} for r in rows], report.figures,
                       report.suppressed, report.warnings, report.skipped, report.status))
    assert stored[0] == stored[1]
    return stored[1]


def _wide_xlsx(path: Path) -> None:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Outcomes 2019"
    ws.append(["Freedom of Information request 000123/25"])
    ws.append([])
    ws.append(["Offence", "Month", "Adult caution", "Youth caution", "Community resolution"])
    for i in range(1500):
        ws.append([f"Offence {i // 12}", f"{['Jan', 'Feb', 'Mar', 'Apr'][i % 4]}-{2010 + i % 12}",
                   i % 50, None if i % 7 == 0 else "<5" if i % 11 == 0 else i % 9, f" {i % 30} "])
    ws.append(["Note: figures are provisional"])
    wb.save(path)


def test_parsed_figures_in_the_database_are_the_same_either_way(ws: Workspace, tmp_path: Path) -> None:
    create_batch(ws, "wide", template="request-outcomes", vars={"first_year": "2014/15", "last_year": "2023/24"},
                 today=date(2026, 11, 21))
    path = tmp_path / "wide.xlsx"
    _wide_xlsx(path)
    attach(ws, "wide", "kent", [path])
    figures, count, suppressed, _warnings, skipped, status = parsed_both_ways(ws, "wide")
    # 1500 rows x 3 columns, less the blank youth cautions (every 7th row).
    assert (count, status, skipped) == (
        4500 - 215, "parsed", {"title": 1, "blank": 1, "blank_cell": 215, "note": 1})
    assert suppressed == sum(1 for i in range(1500) if i % 7 and i % 11 == 0)
    assert figures[0]["location"] == "'Outcomes 2019'!C4" and figures[1]["raw"] == "0"
    assert (figures[1]["outcome"], figures[1]["outcome_code"], figures[1]["period_label"]) == (
        "Community resolution", "8", "Jan-2010")


def test_a_long_sheet_whose_name_has_a_quote_stores_the_same_either_way(ws: Workspace, tmp_path: Path) -> None:
    # The fast path writes the sheet name and the cell-reference prefix into the INSERT itself.
    create_batch(ws, "long", template="request-outcomes", vars={"first_year": "2014/15", "last_year": "2023/24"},
                 today=date(2026, 11, 21))
    wb = openpyxl.Workbook()
    sheet = wb.active
    sheet.title = "Kent's 'data'"
    sheet.append(["Month", "Offence", "Outcome", "Count"])
    for i in range(1234):
        sheet.append([f"{['Jan', 'Feb', 'Mar'][i % 3]}-{2015 + i // 300}", f"Offence {i // 3 % 100}",
                      ["Adult caution", "Youth caution", "Community resolution"][i // 300 % 3],
                      "*" if i % 17 == 0 else i % 40])
    path = tmp_path / "long.xlsx"
    wb.save(path)
    attach(ws, "long", "kent", [path])
    figures, count, suppressed, _warnings, _skipped, _status = parsed_both_ways(ws, "long")
    assert (count, suppressed) == (1234, len(range(0, 1234, 17)))
    assert (figures[0]["sheet"], figures[0]["location"], figures[0]["raw"]) == (
        "Kent's 'data'", "'Kent''s ''data'''!D2", "*")
    assert figures[-1]["location"] == "'Kent''s ''data'''!D1235"
