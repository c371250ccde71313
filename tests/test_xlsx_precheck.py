"""The xlsx pre-check's fast reading (issue 11 speed, issue 13 limits): a box of rows and columns
guessed from a few cells and one search for any cell outside it must find exactly what reading
every cell finds, for every shape a hostile file can take and wherever a chunk ends."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import pytest
from crafted import _SHEET_HEAD, _WB_RELS, _package, _xlsx
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from foi.readers import _sheet_limits, _xlsx_scan, read_file, spreadsheet
from foi.readers._cell_bounds import column_letters, columns_pattern, outside, rows_pattern

# --- the patterns --------------------------------------------------------------------------


@given(st.integers(0, 2_000_000), st.integers(0, 2_000_000), st.lists(st.integers(0, 2_100_000), max_size=30))
def test_rows_pattern_matches_exactly_the_numbers_in_range(a: int, b: int, probes: list[int]) -> None:
    lo, hi = min(a, b), max(a, b)
    pattern = re.compile(rows_pattern(lo, hi))
    for n in [lo - 1, lo, lo + 1, hi - 1, hi, hi + 1, 0, 9, 10, 99, 100, *probes]:
        if n >= 0:
            assert bool(pattern.fullmatch(str(n))) == (lo <= n <= hi), (lo, hi, n)
            assert not pattern.fullmatch("0" + str(n))  # a leading zero is never canonical


@given(st.integers(1, 20_000), st.integers(1, 20_000), st.lists(st.integers(1, 20_000), max_size=30))
def test_columns_pattern_matches_exactly_the_columns_in_range(a: int, b: int, probes: list[int]) -> None:
    lo, hi = min(a, b), max(a, b)
    pattern = re.compile(columns_pattern(lo, hi))
    for n in [lo - 1, lo, lo + 1, hi - 1, hi, hi + 1, 1, 26, 27, 702, 703, 16_384, *probes]:
        if n >= 1:
            assert bool(pattern.fullmatch(column_letters(n))) == (lo <= n <= hi), (lo, hi, n)


def test_outside_finds_only_cells_outside_the_box_or_written_otherwise() -> None:
    box = outside(3, 120, 2, 5)  # B3:E120
    inside = b'<c r="B3"><v>1</v></c><c r="E120" t="s"><v>2</v></c><c r="C77"/><col min="1"/><cols>'
    assert box.search(inside) is None
    for cell in (b'<c r="A3">', b'<c r="F3">', b'<c r="B2">', b'<c r="B121">', b'<c r="B007">', b'<c r="b5">',
                 b"<c>", b"<c/>", b'<c t="n" r="B5">', b"<c r='B5'>", b'<c r = "B5">', b'<c\nr="B5">'):
        assert box.search(inside + cell + inside) is not None, cell


# --- the check: the fast reading against the cell-by-cell one --------------------------------


def _extent(path: Path, monkeypatch: pytest.MonkeyPatch, chunk: int, boxed: bool) -> tuple[object, ...]:
    monkeypatch.setattr(_xlsx_scan, "_CHUNK", chunk)
    if not boxed:
        monkeypatch.setattr(_sheet_limits.Extent, "_feed_boxed", lambda self, xml: False)
    with zipfile.ZipFile(path) as zf:
        shared = _sheet_limits.Shared(zf, "xl/sharedStrings.xml") if "xl/sharedStrings.xml" in zf.namelist() else None
        extent = _sheet_limits.Extent(shared)
        found = _sheet_limits.sheet_extent(zf, "xl/worksheets/sheet1.xml", extent)
    monkeypatch.undo()
    state = {k: v for k, v in vars(extent).items() if k != "shared"}
    return found, state


def _same_both_ways(path: Path, monkeypatch: pytest.MonkeyPatch, chunks: tuple[int, ...] = (1 << 22, 97, 13)
                    ) -> tuple[object, ...]:
    """The fast reading finds what the cell-by-cell one does, at every chunk size (where a limit is
    passed, reading stops at the end of a chunk: how far it got depends on the chunks)."""
    found = [(_extent(path, monkeypatch, chunk, True), _extent(path, monkeypatch, chunk, False)) for chunk in chunks]
    assert all(fast == slow for fast, slow in found), found
    return found[0][0][0]  # type: ignore[return-value]


def _plain_rows(first: int, last: int, cols: str = "ABCDE") -> str:
    return "".join(f'<row r="{r}">' + "".join(f'<c r="{c}{r}"><v>{r}</v></c>' for c in cols) + "</row>"
                   for r in range(first, last + 1))


def _sheet(tmp_path: Path, body: str, name: str = "s.xlsx") -> Path:
    return _xlsx(tmp_path / name, [_SHEET_HEAD, "<sheetData>", body, "</sheetData></worksheet>"])


def test_a_plain_sheet_is_read_exactly(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = _sheet(tmp_path, _plain_rows(4, 300))
    assert _same_both_ways(path, monkeypatch) == (297, 5, 297 * 5, True)


@pytest.mark.parametrize("far", ["XFD150", "A900000", "ZZ2", "A1"])
def test_a_far_cell_among_plain_ones_is_found(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, far: str) -> None:
    """Cells far apart: one cell outside the box the chunk's first and last cells make, in the middle."""
    body = _plain_rows(3, 150) + f'<row r="151"><c r="{far}"><v>1</v></c></row>' + _plain_rows(152, 300)
    rows, cols, cells, whole = _same_both_ways(_sheet(tmp_path, body), monkeypatch)
    col, row = re.fullmatch(r"([A-Z]+)(\d+)", far).groups()  # type: ignore[union-attr]
    number = _sheet_limits.col_number(col.encode())
    assert (rows, cols) == (max(300, int(row)) - min(3, int(row)) + 1, max(5, number) - min(1, number) + 1)
    assert cells == 297 * 5 + 1 and whole


def test_cells_far_apart_are_refused_by_the_fast_reading(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    body = _plain_rows(1, 200) + '<row r="201"><c r="XFD200000"><v>1</v></c></row>' + _plain_rows(202, 260)
    path = _sheet(tmp_path, body)
    _same_both_ways(path, monkeypatch)
    problem = _sheet_limits.extent_problem(path)
    assert problem and "spreads its cells over 200,000 rows by 16,384 columns" in problem


def test_many_widenings_fall_back_to_cell_by_cell(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """More cells outside the box than it is worth widening for: read cell by cell, same answer."""
    body = "".join(f'<row r="{r}"><c r="A{r}"><v>1</v></c><c r="{column_letters(80 - r)}{r}"><v>1</v></c></row>'
                   for r in range(1, 60)) + _plain_rows(60, 61)
    assert _same_both_ways(_sheet(tmp_path, body), monkeypatch)[:2] == (61, 79)


@pytest.mark.parametrize("odd", [
    "<c><v>9</v></c>",  # placed by counting: the next column of its row
    '<c r="B0077"><v>9</v></c>',  # leading zeros
    '<c r="b77"><v>9</v></c>',  # lower case
    "<c r='B77'><v>9</v></c>",  # other quotes
    '<c t="n" r="AB77"><v>9</v></c>',  # another attribute first
    '<x:c xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main" r="AZ77"><x:v>9</x:v></x:c>',
    "<c/>",
])
def test_cells_written_otherwise_are_read_cell_by_cell(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                       odd: str) -> None:
    body = _plain_rows(1, 76) + '<row r="77"><c r="A77"><v>1</v></c>' + odd + "</row>" + _plain_rows(78, 120)
    _same_both_ways(_sheet(tmp_path, body), monkeypatch)


def test_counting_placement_after_plain_rows_is_found(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Cells placed by counting: a row without references after numbered ones, pushed far right."""
    body = _plain_rows(1, 100) + '<row r="1048576">' + "<c/>" * 16_383 + "<c><v>2</v></c></row>"
    path = _sheet(tmp_path, body)
    assert _same_both_ways(path, monkeypatch, (1 << 22, 4096, 97))[:2] == (1_048_576, 16_384)
    assert "1,048,576 rows by 16,384 columns" in (_sheet_limits.extent_problem(path) or "")


def test_a_row_without_its_number_after_plain_ones_continues_from_them(tmp_path: Path,
                                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    body = _plain_rows(1, 50) + "<row><c><v>1</v></c></row>" + "<row>" + '<c r="C52"><v>1</v></c>' * 2 + "</row>"
    _same_both_ways(_sheet(tmp_path, body), monkeypatch)


def test_shared_text_blow_up_is_counted_on_plain_cells(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A long shared string that plain cells point at, whatever the chunks: the same bytes and the
    same refusal as reading cell by cell."""
    rels = _WB_RELS.replace("</Relationships>", '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/'
                            'officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>'
                            "</Relationships>")
    path = tmp_path / "sst.xlsx"
    cells = "".join(f'<row r="{r}">' + "".join(f'<c r="{c}{r}" t="s"><v>1</v></c>' for c in "ABCDEFGHIJ") + "</row>"
                    for r in range(1, 101))
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        _package(zf, rels)
        zf.writestr("xl/sharedStrings.xml", '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
                    "<si><t>Outcome</t></si><si><t>" + "y" * 50_000 + "</t></si></sst>")
        zf.writestr("xl/worksheets/sheet1.xml", _SHEET_HEAD + f"<sheetData>{cells}</sheetData></worksheet>")
    found = _extent(path, monkeypatch, 1 << 22, True)
    assert found == _extent(path, monkeypatch, 1 << 22, False) == _extent(path, monkeypatch, 61, True)
    assert found[1]["shared_text"] >= 1000 * 50_000
    monkeypatch.setattr(_sheet_limits, "MAX_SHARED_TEXT", 40_000_000)
    assert "bytes of shared text into its cells (limit 40,000,000)" in (_sheet_limits.extent_problem(path) or "")


_REFS = st.one_of(
    st.tuples(st.integers(1, 40), st.integers(1, 8)).map(lambda rc: f' r="{column_letters(rc[1])}{rc[0]}"'),
    st.tuples(st.integers(1, 1_100_000), st.integers(1, 16_384)).map(lambda rc: f' r="{column_letters(rc[1])}{rc[0]}"'),
    st.sampled_from(["", ' r="A007"', ' r="c3"', " r='D4'", ' t="n" r="B2"', ' r="A0"', ' r="AAAA1"']),
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(rows=st.lists(st.tuples(st.sampled_from(["", ' r="{n}"']), st.lists(_REFS, max_size=6)), max_size=25),
       chunk=st.integers(8, 300))
def test_any_sheet_is_read_as_cell_by_cell(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                           rows: list[tuple[str, list[str]]], chunk: int) -> None:
    body = "".join(f"<row{numbered.format(n=n + 1)}>" + "".join(f"<c{ref}><v>1</v></c>" for ref in cells) + "</row>"
                   for n, (numbered, cells) in enumerate(rows))
    path = _sheet(tmp_path, body, "any.xlsx")
    assert _extent(path, monkeypatch, chunk, True) == _extent(path, monkeypatch, chunk, False)
    assert _extent(path, monkeypatch, 1 << 22, True) == _extent(path, monkeypatch, 1 << 22, False)


# --- hidden rows and columns found on the same pass -------------------------------------------


def _hidden_sheet(tmp_path: Path) -> Path:
    body = ('<row r="1"><c r="A1"><v>1</v></c><c r="B1"><v>2</v></c><c r="C1"><v>3</v></c></row>'
            '<row r="2" hidden="1"><c r="A2"><v>4</v></c></row><row r="3" hidden="true"><c r="A3"><v>5</v></c></row>'
            '<row r="4"><c r="A4"><v>6</v></c></row>')
    return _xlsx(tmp_path / "hidden.xlsx", [_SHEET_HEAD, '<cols><col min="2" max="2" hidden="1"/></cols>',
                                            "<sheetData>", body, "</sheetData></worksheet>"])


def test_the_pre_check_finds_the_hidden_rows_and_no_second_scan_runs(tmp_path: Path,
                                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    path = _hidden_sheet(tmp_path)
    with zipfile.ZipFile(path) as zf:
        separately = {"Data": _xlsx_scan.scan_hidden(zf, "xl/worksheets/sheet1.xml")}
    assert _sheet_limits.precheck(path) == (None, separately) == (None, {"Data": ([2, 3], [(2, 2)])})

    def second_scan(path: Path) -> None:
        raise AssertionError("the sheet was scanned twice")

    monkeypatch.setattr(spreadsheet, "xlsx_hidden", second_scan)
    result = read_file(path)
    assert result.status == "ok"
    assert "hidden rows 2-3 on 'Data'" in result.warnings and "hidden columns B on 'Data'" in result.warnings


def test_unnumbered_hidden_rows_are_counted_across_chunks(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    body = "<row><c><v>1</v></c></row>" * 30 + '<row hidden="1"><c><v>2</v></c></row>' + "<row><c/></row>" * 5
    path = _sheet(tmp_path, body)
    monkeypatch.setattr(_xlsx_scan, "_CHUNK", 50)
    assert _sheet_limits.precheck(path) == (None, {"Data": ([31], [])})


def test_when_the_pre_check_cannot_read_the_workbook_the_scan_still_runs(tmp_path: Path,
                                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    path = _hidden_sheet(tmp_path)
    monkeypatch.setattr(_sheet_limits, "shared_member", lambda zf: (_ for _ in ()).throw(KeyError("rels")))
    assert _sheet_limits.precheck(path) == (None, None)
    result = read_file(path)
    assert result.status == "ok" and "hidden rows 2-3 on 'Data'" in result.warnings


def test_other_work_starts_once_the_pre_check_has_passed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The check holds the interpreter; calamine's read does not: `started` comes between them."""
    order: list[str] = []
    check = spreadsheet.precheck
    monkeypatch.setattr(spreadsheet, "precheck", lambda path: (order.append("check"), check(path))[1])
    assert read_file(_hidden_sheet(tmp_path), lambda: order.append("started")).status == "ok"
    assert order == ["check", "started"]
    order.clear()
    far = _sheet(tmp_path, '<row r="1"><c r="A1"><v>1</v></c></row><row r="9"><c r="XFD900000"><v>1</v></c></row>',
                 "far.xlsx")
    assert read_file(far, lambda: order.append("started")).status == "error"
    assert order == ["check"]  # refused: nothing to overlap
    order.clear()
    table = tmp_path / "a.csv"
    table.write_text("Outcome,2019/20\nCharged,12\n")
    assert read_file(table, lambda: order.append("started")).status == "ok"
    assert order == ["started"]
