"""Spreadsheets (xlsx, xlsm, xlsb, xls, ods) via python-calamine.

calamine's `to_python()` starts at the first non-empty cell (`sheet.start`, 0-based), so the
real sheet coordinates are start + index; merged ranges come in absolute 0-based sheet
coordinates and are shifted the same way. calamine does not expose hidden rows/columns, so
for xlsx/xlsm they are scanned from the sheet XML (a byte search, not a parse: a 200,000-row
sheet must cost next to nothing on top of calamine itself).
"""

from __future__ import annotations

import posixpath
import re
import zipfile
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import nullcontext
from pathlib import Path
from typing import Any
from xml.etree import ElementTree

from foi.readers import Grid, ReadResult, _one_line

_NS_MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_NS_REL = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
_NS_PKG_REL = "{http://schemas.openxmlformats.org/package/2006/relationships}"

# Sheet name -> (hidden 1-based row numbers, hidden 1-based column ranges).
_Hidden = dict[str, tuple[list[int], list[tuple[int, int]]]]


def read_spreadsheet(path: Path, kind: str) -> ReadResult:
    import python_calamine as pc

    warnings: list[str] = []
    tables: list[Grid] = []
    try:
        wb = pc.CalamineWorkbook.from_path(str(path))
    except pc.PasswordError:
        return _err(path, kind, "password-protected spreadsheet: ask the force for an unprotected copy")
    except (pc.CalamineError, ValueError, OSError) as exc:
        return _err(path, kind, f"corrupt {kind}: {_one_line(exc)}")

    hidden: _Hidden | None = None  # collected from `scan` where first needed
    scan: Future[_Hidden] | None = None
    pool: ThreadPoolExecutor | nullcontext[None] = nullcontext()
    if kind in ("xlsx", "xlsm"):
        # calamine releases the GIL while it parses a sheet, so the scan overlaps it for free.
        pool = ThreadPoolExecutor(max_workers=1)
        scan = pool.submit(_xlsx_hidden, path)

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
                grid.hidden_cols = sorted(
                    {c - 1 - c0 for lo, hi in hcols for c in range(lo, hi + 1) if 0 <= c - 1 - c0 < width}
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


def _collect_hidden(scan: Future[_Hidden] | None, warnings: list[str]) -> _Hidden:
    """Wait for the hidden rows/columns scan; a file it cannot read becomes a warning."""
    if scan is None:
        return {}
    try:
        return scan.result()
    except (zipfile.BadZipFile, ElementTree.ParseError, KeyError, OSError) as exc:
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


# --- hidden rows and columns in xlsx -----------------------------------------------------

_HIDDEN_ATTR = re.compile(rb'\shidden="(?:1|true)"')
_TAG_NAME = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?(row|col)\b")
_ATTR = re.compile(rb'([\w:]+)="([^"]*)"')
_FIRST_ROW = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?row[\s>][^>]*>")
_CHUNK = 1 << 22


def _xlsx_hidden(path: Path) -> dict[str, tuple[list[int], list[tuple[int, int]]]]:
    """Sheet name -> (hidden 1-based row numbers, hidden 1-based column ranges)."""
    out: dict[str, tuple[list[int], list[tuple[int, int]]]] = {}
    with zipfile.ZipFile(path) as zf:
        for name, member in _sheet_members(zf).items():
            if member not in zf.namelist():
                continue
            rows, cols = _scan_hidden(zf, member)
            if rows or cols:
                out[name] = (rows, cols)
    return out


def _sheet_members(zf: zipfile.ZipFile) -> dict[str, str]:
    """Sheet name -> zip member of its XML, via workbook.xml and its relationships."""
    wb = ElementTree.fromstring(zf.read("xl/workbook.xml"))
    rels = ElementTree.fromstring(zf.read("xl/_rels/workbook.xml.rels"))
    targets = {r.get("Id"): r.get("Target", "") for r in rels.iter(f"{_NS_PKG_REL}Relationship")}
    out: dict[str, str] = {}
    for sheet in wb.iter(f"{_NS_MAIN}sheet"):
        target = targets.get(sheet.get(f"{_NS_REL}id"))
        if not target:
            continue
        if target.startswith("/"):
            member = target.lstrip("/")
        else:
            member = posixpath.normpath(posixpath.join("xl", target))
        out[sheet.get("name", "")] = member
    return out


def _scan_hidden(zf: zipfile.ZipFile, member: str) -> tuple[list[int], list[tuple[int, int]]]:
    """Find <row hidden="1"> and <col hidden="1"> by searching the bytes in chunks.

    Only `hidden="..."` hits are examined, so a sheet with no hidden rows costs one
    decompression and a fast regex search. Rows written without an `r` attribute are
    numbered by counting the row tags before them.
    """
    rows: list[int] = []
    cols: list[tuple[int, int]] = []
    rows_before = 0  # row tags in text already consumed (for rows without r=)
    numbered: bool | None = None
    carry = b""
    with zf.open(member) as fh:
        while True:
            block = fh.read(_CHUNK)
            data = carry + block
            if block:
                # Keep an unfinished tag for the next round.
                cut = data.rfind(b"<")
                if cut <= 0:
                    carry = data
                    continue
                data, carry = data[:cut], data[cut:]
            else:
                carry = b""
            if numbered is None:
                first = _FIRST_ROW.search(data)
                if first:
                    # Writers either number every row (r="5") or none; check once.
                    numbered = b' r="' in first.group(0)
            if b'hidden="1"' in data or b'hidden="true"' in data:
                last = 0
                for hit in _HIDDEN_ATTR.finditer(data):
                    start = data.rfind(b"<", 0, hit.start())
                    m = _TAG_NAME.match(data, start)
                    if not m:
                        continue
                    end = data.find(b">", hit.end())
                    attrs = dict(_ATTR.findall(data, start, end))
                    if m.group(1) == b"row":
                        if b"r" in attrs:
                            rows.append(int(attrs[b"r"]))
                        else:
                            rows_before += _count_rows(data[last:start])
                            last = start
                            rows.append(rows_before + 1)
                    elif b"min" in attrs:
                        cols.append((int(attrs[b"min"]), int(attrs.get(b"max", attrs[b"min"]))))
                if not numbered:
                    rows_before += _count_rows(data[last:])
            elif not numbered:
                rows_before += _count_rows(data)
            if not block:
                break
    return rows, cols


def _count_rows(data: bytes) -> int:
    # bytes.count is far cheaper than a regex over millions of cell tags.
    return data.count(b"<row ") + data.count(b"<row>") + data.count(b":row ") + data.count(b":row>")
