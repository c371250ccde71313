"""Figures written into a randomly shaped file come back exactly, through attach + parse_batch.

The file is the unit here (not a grid): openpyxl writes an xlsx the way forces lay replies out
(title rows, wide by period or by outcome, long, two-row merged headers, stated totals,
suppression markers), or a CSV in a random encoding with a random delimiter. Every figure must
come back with its dimensions, value and marker, at a location whose cell holds the raw text,
and a correct stated total must never raise a totals warning.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import openpyxl
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from foi.batches import create_batch
from foi.figures.filing import attach
from foi.figures.parsing import parse_batch
from foi.figures.query import list_figures
from foi.values import parse_value
from foi.workspace import Workspace, init_workspace

OFFENCES = ["Rape of a female aged 16 and over", "Possession of cannabis", "Shoplifting",
            "Criminal damage to a dwelling", "Assault with injury", "Robbery of business property",
            "Theft from the person", "Harassment"]
OUTCOMES = ["Charged/Summonsed", "Youth caution", "Adult caution", "Penalty Notice for Disorder",
            "Community resolution", "Offender died", "Cannabis warning"]
PERIODS = ["2019/20", "2020/21", "2021/22", "2022/23", "2023/24"]
MARKERS = ["*", "<5", "[x]", "[c]", "REDACTED"]
TITLES = ["Freedom of Information request 1306/25", "Crimes by outcome and financial year",
          "Source: force crime recording system"]
SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=list(HealthCheck))


@dataclass
class Cell:
    value: int | None
    marker: str | None

    @property
    def written(self) -> int | str:
        return self.marker if self.marker is not None else self.value  # type: ignore[return-value]


@dataclass
class Table:
    """What was written: rows of cells, each with the dims it stands for and its 1-based address."""
    layout: str
    titles: int
    merged_header: bool
    total_row: bool
    total_col: bool
    figures: dict[tuple[int, int], tuple[dict[str, str], Cell]] = field(default_factory=dict)


def cells(n: int) -> st.SearchStrategy[list[Cell]]:
    # Counts no arithmetic can mistake for a sum of their neighbours (with 0, 1 and 1, "1" adds up
    # the two others): the layout stage's small-number cases are its tests' to pin.
    number = st.integers(2200, 9000).map(lambda v: Cell(v * 7, None))  # not a run of 1, 2, 3: row numbers
    marker = st.sampled_from(MARKERS).map(lambda m: Cell(None, m))
    # Distinct counts too: a row equal to the one below can be read as its total, and which it is
    # is the layout stage's call (tested there), not what this round trip checks.
    return st.lists(st.one_of(number, number, number, marker), min_size=n, max_size=n,
                    unique_by=lambda cell: cell.value if cell.value is not None else object())


@st.composite
def tables(draw: st.DrawFn) -> dict[str, Any]:
    layout = draw(st.sampled_from(["wide-period", "wide-outcome", "long", "merged"]))
    # Three rows at least: with two, whether one is the other's total is the layout stage's call.
    offences = draw(st.lists(st.sampled_from(OFFENCES), min_size=3, max_size=5, unique=True))
    periods = draw(st.lists(st.sampled_from(PERIODS), min_size=1, max_size=4, unique=True))
    outcomes = draw(st.lists(st.sampled_from(OUTCOMES), min_size=1, max_size=4, unique=True))
    if layout == "merged":
        # Two header rows only say something when there are two things per upper header.
        outcomes = outcomes if len(outcomes) > 1 else OUTCOMES[:2]
    values = draw(cells(len(offences) * len(periods) * len(outcomes)))
    # Mostly numbers, as forces' tables are: a column of markers around one number leaves the
    # layout nothing to tell a total from a row by.
    assume(3 * sum(1 for cell in values if cell.marker) <= len(values))
    return {"layout": layout, "titles": draw(st.integers(0, 3)), "offences": offences, "periods": periods,
            "outcomes": outcomes, "total_row": draw(st.booleans()), "total_col": draw(st.booleans()),
            "values": values}


def grid_of(spec: dict[str, Any]) -> tuple[list[list[Any]], Table, list[tuple[int, int, int, int]]]:
    """The rows to write (1-based addresses follow from their order) and what each figure is."""
    layout, offences, periods, outcomes = spec["layout"], spec["offences"], spec["periods"], spec["outcomes"]
    values = iter(spec["values"])
    table = Table(layout, spec["titles"], layout == "merged", spec["total_row"], spec["total_col"])
    rows: list[list[Any]] = [[TITLES[i]] for i in range(spec["titles"])]
    merges = []
    if layout == "long":
        # A long table has no stated totals.
        table.total_row = table.total_col = False
        rows.append(["Financial year", "Offence", "Outcome", "Count"])
        for p in periods:
            for o in offences:
                for out in outcomes:
                    cell = next(values)
                    rows.append([p, o, out, cell.written])
                    table.figures[(len(rows), 4)] = ({"period": p, "offence": o, "outcome": out}, cell)
        return rows, table, merges
    if layout == "wide-period":
        columns = [{"period": p} for p in periods]
        rows.append(["Offence", *periods])
    elif layout == "wide-outcome":
        columns = [{"outcome": out} for out in outcomes]
        rows.append(["Offence", *outcomes])
    else:
        columns = [{"period": p, "outcome": out} for p in periods for out in outcomes]
        top = ["Offence"]
        for p in periods:
            top += [p] + [None] * (len(outcomes) - 1)
        rows.append(top)
        rows.append([None] + [c["outcome"] for c in columns])
        header = len(rows) - 1
        for i in range(len(periods)):
            c0 = 2 + i * len(outcomes)
            merges.append((header, c0, header, c0 + len(outcomes) - 1))
    if table.total_col:
        rows[-1].append("Total")
    col_sums = [0] * len(columns)
    for o in offences:
        row: list[Any] = [o]
        for j, dims in enumerate(columns):
            cell = next(values)
            row.append(cell.written)
            col_sums[j] += cell.value or 0
            table.figures[(len(rows) + 1, j + 2)] = ({"offence": o, **dims}, cell)
        if table.total_col:
            # Forces total what they show: suppressed cells count as nothing.
            row.append(sum(v for v in row[1:] if isinstance(v, int)))
        rows.append(row)
    if table.total_row:
        rows.append(["Total", *col_sums] + ([sum(col_sums)] if table.total_col else []))
    return rows, table, merges


def write_xlsx(path: Path, rows: list[list[Any]], merges: list[tuple[int, int, int, int]]) -> None:
    wb = openpyxl.Workbook()
    sheet = wb.active
    sheet.title = "Data"
    for row in rows:
        sheet.append(row)
    for r0, c0, r1, c1 in merges:
        sheet.merge_cells(start_row=r0, start_column=c0, end_row=r1, end_column=c1)
    wb.save(path)


def fresh_workspace(root: Path) -> Workspace:
    ws = init_workspace(root, name="Jo Bloggs", email="jo@example.org", organisation="The Echo", address="1 High St")
    create_batch(ws, "rt", template="request-outcomes", vars={"first_year": "2019/20", "last_year": "2023/24"},
                 today=date(2026, 11, 21))
    return ws


_REF = re.compile(r"^(?:(?P<sheet>[^!]+)!)?(?P<col>[A-Z]+)(?P<row>\d+)$")


def address(location: str) -> tuple[int, int]:
    m = _REF.match(location)
    assert m, location
    col = 0
    for ch in m.group("col"):
        col = col * 26 + ord(ch) - 64
    return int(m.group("row")), col


def check_roundtrip(ws: Workspace, table: Table, cell_text: dict[tuple[int, int], Any]) -> None:
    [report] = parse_batch(ws, "rt")
    figures = list_figures(ws, "rt")
    # Nothing lost, nothing invented: every cell written is a figure at its address with its text.
    for f in figures:
        at = address(f["location"])
        assert (f["row_num"], f["col_num"]) == at
        written = cell_text[at]
        if isinstance(written, str):
            assert f["raw"] == written
        else:
            assert parse_value(f["raw"]).number == written
    at_cells = {address(f["location"]): f for f in figures}
    # A stated total over withheld cells can't be checked; the layout stage says so (needs-review).
    unsure = [w for w in report.warnings if "cannot be added up" not in w]
    if unsure and report.status == "needs-review":
        return  # unsure and said so (the layout's doubts on small tables are its tests' to pin)
    assert set(table.figures) <= set(at_cells)
    assert [(at_cells[at]["value"], at_cells[at]["suppressed"]) for at in table.figures] == [
        (cell.value, cell.marker) for _, cell in table.figures.values()]
    assert report.status in ("parsed", "needs-review"), (report.status, report.warnings, report.not_understood)
    # The stated totals come back too, marked (which other rows add up is the layout stage's to
    # find, by arithmetic: its own tests pin that).
    stated = set(at_cells) - set(table.figures)
    assert all(at_cells[at]["total"] for at in stated)
    assert bool(stated) == (table.total_row or table.total_col)
    got = {at: ({k: v for k, v in f["dims"].items() if k in ("period", "offence", "outcome")}, f["value"],
                f["suppressed"]) for at, f in at_cells.items() if at in table.figures}
    want = {at: (dims, cell.value, cell.marker) for at, (dims, cell) in table.figures.items()}
    assert got == want
    assert report.figures == len(at_cells)
    assert report.suppressed == sum(1 for _, c in table.figures.values() if c.marker)


@SETTINGS
@given(spec=tables())
def test_xlsx_roundtrip(tmp_path_factory: Any, spec: dict[str, Any]) -> None:
    tmp = tmp_path_factory.mktemp("x")
    rows, table, merges = grid_of(spec)
    path = tmp / "reply.xlsx"
    write_xlsx(path, rows, merges)
    ws = fresh_workspace(tmp / "w")
    attach(ws, "rt", "durham", [path])
    stored = ws.root / "responses" / "rt" / "durham" / "reply.xlsx"
    # Read the stored copy back with openpyxl: the location check is against the file itself.
    sheet = openpyxl.load_workbook(stored).active
    texts = {(c.row, c.column): c.value for row in sheet.iter_rows() for c in row if c.value is not None}
    check_roundtrip(ws, table, texts)


ENCODINGS = ["utf-8", "utf-8-sig", "cp1252", "utf-16"]
DELIMITERS = [",", ";", "\t", "|"]


@SETTINGS
@given(spec=tables(), encoding=st.sampled_from(ENCODINGS), delimiter=st.sampled_from(DELIMITERS),
       dash=st.booleans())
def test_csv_roundtrip(tmp_path_factory: Any, spec: dict[str, Any], encoding: str, delimiter: str,
                       dash: bool) -> None:
    if spec["layout"] == "merged":
        spec["layout"] = "wide-period"  # CSV has no merged cells
    spec["titles"] = min(spec["titles"], 1)
    tmp = tmp_path_factory.mktemp("c")
    rows, table, _ = grid_of(spec)
    if dash:
        # Non-ASCII labels test the encoding: an en dash exists in cp1252 and in Unicode.
        rows = [[c.replace("Possession of cannabis", "Possession of cannabis \u2013 personal")
                 if isinstance(c, str) else c for c in row] for row in rows]
        table.figures = {at: ({k: v.replace("Possession of cannabis", "Possession of cannabis \u2013 personal")
                               for k, v in dims.items()}, cell) for at, (dims, cell) in table.figures.items()}
    out = io.StringIO()
    csv.writer(out, delimiter=delimiter, lineterminator="\r\n").writerows(
        [["" if c is None else c for c in row] for row in rows])
    path = tmp / "export.csv"
    path.write_bytes(out.getvalue().encode(encoding))
    ws = fresh_workspace(tmp / "w")
    attach(ws, "rt", "kent", [path])
    texts = {(r, c): (v if not isinstance(v, str) else v)
             for r, row in enumerate(rows, 1) for c, v in enumerate(row, 1) if v is not None}
    check_roundtrip(ws, table, texts)


def test_fractional_numbers_keep_their_raw_text(tmp_path: Path) -> None:
    """A figure's raw text must say the number the cell holds, not a rounding of it (headers.fmt_num
    once formatted with '.6g': 1234567.5 became raw '1.23457e+06')."""
    path = tmp_path / "fte.xlsx"
    write_xlsx(path, [["Offence", "2019/20"], ["Shoplifting", 1234567.5], ["Harassment", 15860.77]], [])
    ws = fresh_workspace(tmp_path / "w")
    attach(ws, "rt", "kent", [path])
    parse_batch(ws, "rt")
    raw = {f["offence"]: (f["raw"], f["value"]) for f in list_figures(ws, "rt")}
    assert parse_value(raw["Shoplifting"][0]).number == raw["Shoplifting"][1] == 1234567.5
    assert parse_value(raw["Harassment"][0]).number == raw["Harassment"][1] == 15860.77
