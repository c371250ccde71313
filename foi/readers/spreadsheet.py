"""Spreadsheets (xlsx, xlsm, xlsb, xls, ods) via python-calamine.

calamine's `to_python()` starts at the first non-empty cell (`sheet.start`, 0-based), so the
real sheet coordinates are start + index; merged ranges come in absolute 0-based sheet
coordinates and are shifted the same way. calamine does not expose hidden rows/columns, so
for xlsx/xlsm they are scanned from the sheet XML (a byte search, not a parse: a 200,000-row
sheet must cost next to nothing on top of calamine itself).

Crafted files must not exhaust the machine, so before calamine sees a workbook:
- the sizes its archive declares are checked (calamine and zipfile both stop at the declared
  size, so a member can't expand past it): at most MAX_MEMBER bytes per part, MAX_TOTAL in all;
- every sheet, whatever its size, is read in chunks (memory stays flat) for where calamine will
  place its cells: at most MAX_CELLS between its first and last cell (A1 and XFD1048576 make calamine
  allocate every cell between them, and an allocation failure aborts the process, so padding
  between them must not hide them), at most MAX_CELLS written, and at most MAX_SHARED_TEXT of shared
  strings copied into the cells that point at them. The declared `<dimension>` is not trusted: only
  the cells count. Cells written as Excel, LibreOffice and openpyxl write them (`<c r="B7"`, rows
  numbered) are checked a chunk at a time with no Python object per cell: one search for a cell
  outside the box the cells known so far make (`_cell_bounds.outside`), widened by each cell it
  finds; any other shape is read cell by cell, with the same result. Checking costs about 0.3x
  calamine's own read of cells written with references and 0.9x without (2,800,000 cells:
  `bench/bench_faults.py --only xlsx_check`). The hidden rows and columns are found on the same
  pass (a second scan, beside calamine's read, only where the check could not read the workbook);
- an ods sheet's repeated cells and rows (`number-columns-repeated="16384"` in a row repeated a
  million times) are counted before calamine expands those that hold a value: the same limit;
- the hidden-rows scan keeps at most one tag of bounded size between chunks, and hidden column
  ranges are clipped to the cells that exist (`<col max="2147483647">` is one range, not a set).
Other work waits for the check (`read_file`'s `started`): it holds the interpreter as the check
does, while calamine's read leaves it free.
The checks live in `_sheet_limits` (cells and shared text, xlsx and ods), the chunked reading
and the hidden rows/columns scan in `_xlsx_scan`; this module opens the workbook and builds grids.
"""

from __future__ import annotations

import zipfile
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import nullcontext
from pathlib import Path
from typing import Any
from xml.etree import ElementTree

from foi.readers import Grid, ReadResult, _one_line, gc_paused
from foi.readers._sheet_limits import MAX_CELLS, MAX_SHARED_TEXT, ods_problem, precheck
from foi.readers._xlsx_scan import Hidden, xlsx_hidden

__all__ = ["MAX_CELLS", "MAX_MEMBER", "MAX_SHARED_TEXT", "MAX_TOTAL", "archive_problem", "read_spreadsheet"]

MAX_MEMBER = 200 * 1024 * 1024  # one part of the archive, unpacked
MAX_TOTAL = 400 * 1024 * 1024  # all parts together


def archive_problem(path: Path, max_member: int = MAX_MEMBER, max_total: int = MAX_TOTAL) -> str | None:
    """Why a zip-based document is too large to open (from the sizes its archive declares), or None."""
    try:
        with zipfile.ZipFile(path) as zf:
            infos = zf.infolist()
    except (zipfile.BadZipFile, OSError, ValueError):
        return None  # the reader reports the damage in its own words
    total = 0
    for info in infos:
        total += info.file_size
        if info.file_size > max_member:
            return (f"too large to read safely: part {info.filename!r} unpacks to {info.file_size:,} bytes "
                    f"(limit {max_member:,}); ask the force for a smaller file or CSV")
    if total > max_total:
        return (f"too large to read safely: unpacks to {total:,} bytes (limit {max_total:,}); ask the force for "
                "a smaller file or CSV")
    return None


def read_spreadsheet(path: Path, kind: str, started: Callable[[], None] | None = None) -> ReadResult:
    import python_calamine as pc

    warnings: list[str] = []
    tables: list[Grid] = []
    hidden_found: Hidden | None = None  # the pre-check's, where it read the whole workbook
    if kind in ("xlsx", "xlsm", "xlsb", "ods"):
        problem = archive_problem(path)
        if problem is None and kind in ("xlsx", "xlsm"):
            problem, hidden_found = precheck(path)
        elif problem is None and kind == "ods":
            problem = ods_problem(path)
        if problem:
            return _err(path, kind, problem)
    if started is not None:
        started()  # calamine's read, from here, leaves the interpreter to other threads
    try:
        wb = pc.CalamineWorkbook.from_path(str(path))
    except pc.PasswordError:
        return _err(path, kind, "password-protected spreadsheet: ask the force for an unprotected copy")
    except (pc.CalamineError, ValueError, OSError) as exc:
        return _err(path, kind, f"corrupt {kind}: {_one_line(exc)}")

    hidden: Hidden | None = hidden_found  # else collected from `scan` where first needed
    scan: Future[Hidden] | None = None
    pool: ThreadPoolExecutor | nullcontext[None] = nullcontext()
    if kind in ("xlsx", "xlsm") and hidden is None:
        # calamine releases the GIL while it parses a sheet, so the scan overlaps it for free.
        pool = ThreadPoolExecutor(max_workers=1)
        scan = pool.submit(xlsx_hidden, path)

    with wb, pool:  # the pool's exit joins the scan thread, on every path out
        for meta in wb.sheets_metadata:
            name = meta.name
            if meta.typ == pc.SheetTypeEnum.ChartSheet:
                warnings.append(f"chart sheet '{name}' has no cells; skipped")
                continue
            label = name
            if meta.visible == pc.SheetVisibleEnum.Hidden:
                warnings.append(f"hidden sheet '{name}'")
                label = f"{name} (hidden)"
            elif meta.visible == pc.SheetVisibleEnum.VeryHidden:
                warnings.append(f"very hidden sheet '{name}' (only visible from VBA)")
                label = f"{name} (very hidden)"
            try:
                sheet = wb.get_sheet_by_name(name)
                with gc_paused():
                    data = sheet.to_python()
            except pc.CalamineError as exc:
                if hidden is None:
                    _collect_hidden(scan, warnings)  # an unexpected scan error still raises, as before
                # Half a workbook read silently would be worse than none: the force resends.
                return _err(path, kind, f"corrupt {kind}: sheet '{name}': {_one_line(exc)}")
            if not data:
                continue
            r0, c0 = sheet.start or (0, 0)
            # calamine's lists are fresh, so blank them in place ("" is calamine's empty cell,
            # the contract says None): no copy, and rows without blanks cost one C-level scan.
            rows: list[list[Any]] = data
            for row in rows:
                if "" in row:
                    for i, v in enumerate(row):
                        if v == "":
                            row[i] = None
            height, width = len(rows), max(map(len, rows))
            grid = Grid(
                name=label,
                rows=rows,
                sheet=name,
                table_index=len(tables),
                row_numbers=list(range(r0 + 1, r0 + 1 + height)),
                col_numbers=list(range(c0 + 1, c0 + 1 + width)),
            )
            for (mr0, mc0), (mr1, mc1) in sheet.merged_cell_ranges or ():
                # Shift into rows coordinates and clip: a merged block of empty cells can lie
                # partly outside calamine's data area.
                a, b = max(mr0 - r0, 0), max(mc0 - c0, 0)
                c, d = min(mr1 - r0, height - 1), min(mc1 - c0, width - 1)
                if a <= c and b <= d and (a, b) != (c, d):
                    grid.merged.append((a, b, c, d))
            if hidden is None:
                hidden = _collect_hidden(scan, warnings)
            if name in hidden:
                hrows, hcols = hidden[name]
                grid.hidden_rows = [r - 1 - r0 for r in hrows if 0 <= r - 1 - r0 < height]
                # Clipped to the columns that exist: a range's ends come from the file.
                grid.hidden_cols = sorted(
                    {c - 1 - c0 for lo, hi in hcols for c in range(max(lo, c0 + 1), min(hi, c0 + width) + 1)}
                )
                if grid.hidden_rows:
                    warnings.append(f"hidden rows {_ranges(hrows)} on '{name}'")
                if grid.hidden_cols:
                    letters = [_letter(c0 + 1 + i) for i in grid.hidden_cols]
                    warnings.append(f"hidden columns {_letter_ranges(letters)} on '{name}'")
            tables.append(grid)
        if hidden is None:  # no sheet had cells: the scan's warning still counts
            _collect_hidden(scan, warnings)
    return ReadResult(path=path, reader=kind, status="ok", tables=tables, warnings=warnings, error=None)


def _collect_hidden(scan: Future[Hidden] | None, warnings: list[str]) -> Hidden:
    """Wait for the hidden rows/columns scan; a file it cannot read becomes a warning."""
    if scan is None:
        return {}
    try:
        return scan.result()
    except (zipfile.BadZipFile, ElementTree.ParseError, KeyError, OSError, ValueError) as exc:
        # First, as when the scan ran before the sheets were read.
        warnings.insert(0, f"could not check for hidden rows/columns: {_one_line(exc)}")
        return {}


def _err(path: Path, kind: str, message: str) -> ReadResult:
    return ReadResult(path=path, reader=kind, status="error", tables=[], warnings=[], error=message)


def _letter(col: int) -> str:
    from foi.readers import col_letter

    return col_letter(col)


def _ranges(numbers: list[int]) -> str:
    """[5, 6, 7, 10] -> "5-7, 10"."""
    out: list[str] = []
    nums = sorted(set(numbers))
    i = 0
    while i < len(nums):
        j = i
        while j + 1 < len(nums) and nums[j + 1] == nums[j] + 1:
            j += 1
        out.append(str(nums[i]) if i == j else f"{nums[i]}-{nums[j]}")
        i = j + 1
    return ", ".join(out)


def _letter_ranges(letters: list[str]) -> str:
    return ", ".join(letters) if len(letters) <= 6 else f"{letters[0]}..{letters[-1]} ({len(letters)})"

