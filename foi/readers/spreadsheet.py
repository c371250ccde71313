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
"""

from __future__ import annotations

import posixpath
import re
import zipfile
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import nullcontext
from pathlib import Path
from typing import Any
from xml.etree import ElementTree

from foi.readers import Grid, ReadResult, _one_line, gc_paused
from foi.readers._cell_bounds import outside

_NS_MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_NS_REL = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
_NS_PKG_REL = "{http://schemas.openxmlformats.org/package/2006/relationships}"

# Sheet name -> (hidden 1-based row numbers, hidden 1-based column ranges).
_Hidden = dict[str, tuple[list[int], list[tuple[int, int]]]]


MAX_MEMBER = 200 * 1024 * 1024  # one part of the archive, unpacked
MAX_TOTAL = 400 * 1024 * 1024  # all parts together
# Cells between a sheet's first and last, or written in it, with a row counting as one more cell:
# calamine holds every cell, then Python an object per cell and a list per row. Measured peaks:
# 3,000,000 short text cells in 375,000 rows 450 MB, 2,900,000 numbers in 362,500 rows 257 MB, the
# same in one column (2,900,000 rows) 557 MB; so about 135 MB per million text cells and 118 MB per
# million rows, and at most 3,000,000 of both together stays under 500 MB.
MAX_CELLS = 3_000_000
# Shared text the cells copy: a cell pointing at a shared string gets its own copy in calamine and
# another in Python, so one long string that many cells share multiplies (a 4 KB file, 820 MB).
MAX_SHARED_TEXT = 64 * 1024 * 1024


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
    hidden_found: _Hidden | None = None  # the pre-check's, where it read the whole workbook
    if kind in ("xlsx", "xlsm", "xlsb", "ods"):
        problem = archive_problem(path)
        if problem is None and kind in ("xlsx", "xlsm"):
            problem, hidden_found = _precheck(path)
        elif problem is None and kind == "ods":
            problem = _ods_problem(path)
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

    hidden: _Hidden | None = hidden_found  # else collected from `scan` where first needed
    scan: Future[_Hidden] | None = None
    pool: ThreadPoolExecutor | nullcontext[None] = nullcontext()
    if kind in ("xlsx", "xlsm") and hidden is None:
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


def _collect_hidden(scan: Future[_Hidden] | None, warnings: list[str]) -> _Hidden:
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


# --- hidden rows and columns in xlsx -----------------------------------------------------

_HIDDEN_ATTR = re.compile(rb'\shidden="(?:1|true)"')
_HIDDEN_VALUE = re.compile(rb'hidden="(?:1|true)"')
_TAG_NAME = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?(row|col)\b")
_ATTR = re.compile(rb'([\w:]+)="([^"]*)"')
_FIRST_ROW = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?row[\s>][^>]*>")
_CHUNK = 1 << 22
_MAX_TAG = 1 << 16


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
    """Find <row hidden="1"> and <col hidden="1"> by searching the bytes in chunks (where the
    pre-check could not do it on its way through the sheet)."""
    scan = _HiddenScan()
    carry = b""
    with zf.open(member) as fh:
        while True:
            block = fh.read(_CHUNK)
            data = carry + block
            if block:
                # Keep an unfinished tag for the next round; text between tags needs no keeping.
                cut = data.rfind(b"<")
                if cut == -1 or data.find(b">", cut) != -1:
                    carry = b""
                else:
                    data, carry = data[:cut], data[cut:]
                    if len(carry) > _MAX_TAG:
                        # A tag padded with whitespace (a "whitespace bomb"): keep its words only.
                        carry = b" ".join(carry.split())
                        if len(carry) > _MAX_TAG:
                            carry = b""  # no real row or col tag is this long
            else:
                carry = b""
            scan.feed(data)
            if not block:
                break
    return scan.rows, scan.cols


class _HiddenScan:
    """One sheet's hidden rows and columns, fed its XML in chunks that end between tags.

    Only `hidden="..."` hits are examined, so a sheet with no hidden rows costs a fast regex
    search. Rows written without an `r` attribute are numbered by counting the row tags before them.
    """

    def __init__(self) -> None:
        self.rows: list[int] = []
        self.cols: list[tuple[int, int]] = []
        self.rows_before = 0  # row tags in text already consumed (for rows without r=)
        self.numbered: bool | None = None

    def feed(self, data: bytes) -> None:
        if self.numbered is None:
            first = _FIRST_ROW.search(data)
            if first:
                # Writers either number every row (r="5") or none; check once.
                self.numbered = b' r="' in first.group(0)
        if _HIDDEN_VALUE.search(data) is None:  # a literal start: a fast scan, unlike _HIDDEN_ATTR's \s
            if not self.numbered:
                self.rows_before += _count_rows(data)
            return
        rows, cols = self.rows, self.cols
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
                    if attrs[b"r"].isdigit():
                        rows.append(int(attrs[b"r"]))
                else:
                    self.rows_before += _count_rows(data[last:start])
                    last = start
                    rows.append(self.rows_before + 1)
            elif attrs.get(b"min", b"").isdigit() and attrs.get(b"max", attrs[b"min"]).isdigit():
                cols.append((int(attrs[b"min"]), int(attrs.get(b"max", attrs[b"min"]))))
        if not self.numbered:
            self.rows_before += _count_rows(data[last:])


def _count_rows(data: bytes) -> int:
    # bytes.count is far cheaper than a regex over millions of cell tags.
    return data.count(b"<row ") + data.count(b"<row>") + data.count(b":row ") + data.count(b":row>")


# --- cells far apart, or too many (xlsx) ------------------------------------------------------

# Either quote, spaces around "=", either case: whatever an XML parser (and calamine) would accept.
_REF = re.compile(rb"""\sr\s*=\s*["']([A-Za-z]*)(\d+)["']""")
_CELL_TAG = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?(row|c)\b([^>]*)>")
_ANY_CELL = re.compile(rb"<c[\s/>]")
_PREFIXED_CELL = re.compile(rb":c[\s/>]")
_PLAIN_REF = re.compile(rb'<c r="([A-Z]{1,3})(\d{1,7})"')
_CELL_WITH_REF = re.compile(rb"<c\s[^>]*?\br\s*=")
_ROW_OPEN = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?row\b([^>]*)>")
MAX_TAG = 1 << 20  # a tag longer than this, spaces aside, is no real writer's
_MAX_WIDEN = 32  # boxes tried per chunk before reading it cell by cell


class _Extent:
    """Where a sheet's cells lie, as calamine places them, read in chunks: a cell's r= if it has
    one, else the next column of its row (whose r= or count gives the row)."""

    def __init__(self, shared: _Shared | None = None) -> None:
        self.shared = shared
        self.min_r = self.min_c = 1 << 62
        self.max_r = self.max_c = 0
        self.cells = 0
        self.shared_text = 0  # bytes of shared strings the cells point at
        self.row = 0  # the current row, for cells written without r=
        self.col = 0  # the last cell's column in it

    def size(self) -> tuple[int, int]:
        if not self.max_r:
            return 0, 0
        return self.max_r - self.min_r + 1, self.max_c - self.min_c + 1

    def _place(self, r: int, c: int) -> None:
        self.min_r, self.max_r = min(self.min_r, r), max(self.max_r, r)
        self.min_c, self.max_c = min(self.min_c, c), max(self.max_c, c)

    def feed(self, xml: bytes) -> None:
        """One chunk that ends between tags."""
        if self.shared is not None and self.shared.lengths and (b'"s"' in xml or b"'s'" in xml):
            self.shared_text += self.shared.text_of(xml)
        if self._feed_boxed(xml):
            return
        tags = len(_ANY_CELL.findall(xml))
        refs = _PLAIN_REF.findall(xml)
        last = _last_row_tag(xml)
        numbered = _REF.search(last.group(1)) if last is not None else None
        if (len(refs) != tags or _PREFIXED_CELL.search(xml)
                or (last is not None and not (numbered and not numbered.group(1)))):
            if refs or _PREFIXED_CELL.search(xml) or b":row" in xml or _CELL_WITH_REF.search(xml):
                self._feed_slow(xml)
            else:
                self._feed_unnumbered(xml)
            return
        # Every cell starts with its reference (`<c r="B7"`) and the last row has its number, as
        # Excel, LibreOffice and openpyxl write them: C-speed sets instead of a Python step per cell.
        self.cells += tags
        if refs:
            cols = [_col_number(x) for x in {ref[0] for ref in refs}]
            rows = [int(x) for x in {ref[1] for ref in refs}]
            self._place(min(rows), min(cols))
            self._place(max(rows), max(cols))
        if last is not None and numbered is not None:
            self.row, self.col = int(numbered.group(2)), 0
            tail = _PLAIN_REF.findall(xml, last.end())
            if tail:
                self.col = _col_number(tail[-1][0])
        elif refs:
            self.col = _col_number(refs[-1][0])

    def _feed_boxed(self, xml: bytes) -> bool:
        """The shape Excel, LibreOffice and openpyxl write (every cell starts `<c r="B7"`, the last row
        has its number) in a few C-level passes and no object per cell: the box the sheet's cells fill
        is guessed from what is known (the cells so far, the chunk's first and last reference), and one
        search looks for a cell tag that is not a plain reference inside it. A reference outside widens
        the box (every edge is a cell's, so the box stays exactly the cells' extent); anything else
        leaves the chunk, unchanged, to the step-by-step reading (returns False)."""
        first = _PLAIN_REF.search(xml)
        if first is None:
            return False
        last = _last_row_tag(xml)
        numbered = _REF.search(last.group(1)) if last is not None else None
        if last is not None and not (numbered and not numbered.group(1)):
            return False
        if _PREFIXED_CELL.search(xml):
            return False
        final = _PLAIN_REF.match(xml, xml.rfind(b'<c r="'))
        if final is None:
            return False
        ends = (int(first.group(2)), int(final.group(2)))
        r_lo, r_hi = min(self.min_r, *ends), max(self.max_r, *ends)
        ends = (_col_number(first.group(1)), _col_number(final.group(1)))
        c_lo, c_hi = min(self.min_c, *ends), max(self.max_c, *ends)
        pos = 0
        for _ in range(_MAX_WIDEN):
            hit = outside(r_lo, r_hi, c_lo, c_hi).search(xml, pos)
            if hit is None:
                break
            ref = _PLAIN_REF.match(xml, hit.start())
            if ref is None:
                return False
            r, c = int(ref.group(2)), _col_number(ref.group(1))
            if r_lo <= r <= r_hi and c_lo <= c <= c_hi:
                return False  # inside, but not written canonically (A007)
            r_lo, r_hi, c_lo, c_hi = min(r_lo, r), max(r_hi, r), min(c_lo, c), max(c_hi, c)
            pos = hit.start()  # the cells before it lie inside the smaller box
        else:
            return False
        # Every cell tag is `<c r="`: counting those counts the cells.
        self.cells += xml.count(b'<c r="')
        self.min_r, self.max_r, self.min_c, self.max_c = r_lo, r_hi, c_lo, c_hi
        if last is not None and numbered is not None:
            self.row = int(numbered.group(2))
            self.col = _col_number(final.group(1)) if final.start() >= last.end() else 0
        else:
            self.col = _col_number(final.group(1))
        return True

    def _feed_unnumbered(self, xml: bytes) -> None:
        """No cell has a reference: each takes the next column of its row. A step per row, not per cell."""
        pieces = xml.split(b"<row")
        for index, piece in enumerate(pieces):
            if index and piece[:1] in (b" ", b">", b"/", b"\t", b"\n", b"\r"):
                end = piece.find(b">")
                ref = _REF.search(b" " + piece[:end]) if end != -1 else None
                self.row = int(ref.group(2)) if ref and not ref.group(1) else self.row + 1
                self.col = 0
            n = len(_ANY_CELL.findall(piece))
            if n:
                self.cells += n
                self._place(self.row, self.col + 1)
                self.col += n
                self._place(self.row, self.col)

    def _feed_slow(self, xml: bytes) -> None:
        for m in _CELL_TAG.finditer(xml):
            ref = _REF.search(m.group(2))
            if m.group(1) == b"row":
                self.row = int(ref.group(2)) if ref and not ref.group(1) else self.row + 1
                self.col = 0
                continue
            self.cells += 1
            if ref and ref.group(1):
                r, c = int(ref.group(2)), _col_number(ref.group(1))
            else:
                r, c = self.row, self.col + 1
            self.col = c
            self._place(r, c)


def _last_row_tag(xml: bytes) -> re.Match[bytes] | None:
    end = len(xml)
    while True:
        plain = xml.rfind(b"<row", 0, end)
        pos = max(plain, xml.rfind(b":row", max(plain, 0), end))  # a prefixed one only after it matters
        if pos == -1:
            return None
        start = pos if xml[pos:pos + 1] == b"<" else xml.rfind(b"<", 0, pos)
        found = _ROW_OPEN.match(xml, start) if start != -1 else None
        if found:
            return found
        end = pos


_SI = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?si[\s>/]")
_SHARED_CELL = re.compile(
    rb"""<(?:[A-Za-z_][\w.-]*:)?c\s[^>]*?\bt\s*=\s*["']s["'][^>]*>\s*<(?:[A-Za-z_][\w.-]*:)?v>\s*(\d+)""")


class _Shared:
    """The size of each shared string (its `<si>` element, markup included: at least its text)."""

    def __init__(self, zf: zipfile.ZipFile, member: str) -> None:
        from array import array

        self.lengths = array("q")
        starts: list[int] = []
        offset = 0
        for data, _more in _chunks(zf, member):
            starts.extend(offset + m.start() for m in _SI.finditer(data))
            offset += len(data)
            for a, b in zip(starts, starts[1:], strict=False):
                self.lengths.append(b - a)
            del starts[:-1]
        if starts:
            self.lengths.append(offset - starts[0])
        self.longest = max(self.lengths, default=0)

    def text_of(self, xml: bytes) -> int:
        """Bytes of shared text the cells in `xml` copy."""
        bound = (xml.count(b'"s"') + xml.count(b"'s'")) * self.longest
        if bound <= MAX_SHARED_TEXT // 256:
            return bound  # an upper bound small enough to need no exact count
        lengths, n = self.lengths, len(self.lengths)
        return sum(lengths[i] for i in map(int, _SHARED_CELL.findall(xml)) if i < n)


def _chunks(zf: zipfile.ZipFile, member: str) -> Iterator[tuple[bytes, bool]]:
    """A part's bytes in chunks that end between tags, each with whether more follows; a monstrous
    tag raises _Huge."""
    carry = b""
    with zf.open(member) as fh:
        block = fh.read(_CHUNK)
        while True:
            following = fh.read(_CHUNK) if block else b""
            data = carry + block
            carry = b""
            if following:
                cut = data.rfind(b"<")
                if cut != -1 and data.find(b">", cut) == -1:
                    data, carry = data[:cut], data[cut:]
                    if len(carry) > _MAX_TAG:
                        # Spaces padding a tag: its words are what calamine reads.
                        carry = b" ".join(carry.split())
                        if len(carry) > MAX_TAG:
                            raise _Huge(f"a tag of more than {MAX_TAG:,} bytes")
            yield data, bool(following)
            if not following:
                return
            block = following


class _Huge(Exception):
    pass


def _shared_member(zf: zipfile.ZipFile) -> str | None:
    rels = ElementTree.fromstring(zf.read("xl/_rels/workbook.xml.rels"))
    for rel in rels.iter(f"{_NS_PKG_REL}Relationship"):
        if rel.get("Type", "").endswith("/sharedStrings"):
            target = rel.get("Target", "")
            return target.lstrip("/") if target.startswith("/") else posixpath.normpath(posixpath.join("xl", target))
    return None


def _sheet_extent(zf: zipfile.ZipFile, member: str, extent: _Extent,
                  hidden: _HiddenScan | None = None) -> tuple[int, int, int, bool]:
    """(rows, columns, cells, whether all was read) of a sheet's cells, read in chunks whatever its
    size; reading stops once a limit is passed, whatever the rest holds. `hidden`, if given, looks
    for hidden rows and columns on the way."""
    for data, more in _chunks(zf, member):
        extent.feed(data)
        if hidden is not None:
            hidden.feed(data)
        rows, cols = extent.size()
        if max(rows * (cols + 1), extent.cells) > MAX_CELLS or extent.shared_text > MAX_SHARED_TEXT:
            return rows, cols, extent.cells, not more
    rows, cols = extent.size()
    return rows, cols, extent.cells, True


def _extent_problem(path: Path) -> str | None:
    """Why a sheet would make calamine hold too many cells, or None."""
    return _precheck(path)[0]


def _precheck(path: Path) -> tuple[str | None, _Hidden | None]:
    """(why a sheet would make calamine hold too many cells, or None; the hidden rows and columns
    found on the way, or None where the check could not read the workbook). Every sheet is read
    whatever its size (in chunks: memory stays flat): a pair of cells far apart can hide behind any
    amount of padding, and calamine aborts the process when it can't allocate the cells between them."""
    fix = ("delete the empty rows and columns around its table and re-save it, or save the sheet as CSV, or ask "
           "the force for a smaller file")
    try:
        with zipfile.ZipFile(path) as zf:
            members = _sheet_members(zf)
            names = set(zf.namelist())
            strings = _shared_member(zf)
            try:
                shared = _Shared(zf, strings) if strings in names else None
            except _Huge as exc:
                return f"its shared strings have {exc}: too large to read safely; {fix}", None
            text = 0
            hidden: _Hidden = {}
            for sheet, member in members.items():
                if member not in names:
                    continue
                extent, scan = _Extent(shared), _HiddenScan()
                try:
                    rows, cols, cells, whole = _sheet_extent(zf, member, extent, scan)
                except _Huge as exc:
                    return f"sheet '{sheet}' has {exc}: too large to read safely; {fix}", None
                text += extent.shared_text
                least = "" if whole else "at least "
                if text > MAX_SHARED_TEXT:
                    return (f"sheet '{sheet}' copies {least}{text:,} bytes of shared text into its cells (limit "
                            f"{MAX_SHARED_TEXT:,}): too large to read safely; save the sheet as CSV, or ask the force "
                            "for a smaller file"), None
                if rows * (cols + 1) > MAX_CELLS:
                    return (f"sheet '{sheet}' spreads its cells over {least}{rows:,} row{'s' * (rows != 1)} by "
                            f"{cols:,} column{'s' * (cols != 1)} "
                            f"({rows * cols:,} cells; at most {MAX_CELLS:,} cells and rows together): too large to "
                            f"read safely; {fix}"), None
                if cells > MAX_CELLS:
                    return (f"sheet '{sheet}' has {least}{cells:,} cells (limit {MAX_CELLS:,}): too large to read "
                            f"safely; {fix}"), None
                if scan.rows or scan.cols:
                    hidden[sheet] = (scan.rows, scan.cols)
    except (zipfile.BadZipFile, ElementTree.ParseError, KeyError, OSError, ValueError, EOFError):
        return None, None  # calamine reports the damage in its own words
    return None, hidden


def _col_number(letters: bytes) -> int:
    n = 0
    for ch in letters.upper():
        n = n * 26 + ch - 64
    return n


# --- repeated cells (ods) --------------------------------------------------------------------------

_ODS_TAG = re.compile(rb"<(/?)table:(table-row|table-cell|covered-table-cell|table)(?=[\s/>])([^>]*?)(/?)>")
_ODS_REPEAT = re.compile(rb"""table:number-(rows|columns)-repeated\s*=\s*["'](\d+)["']""")
_ODS_NAME = re.compile(rb"""table:name\s*=\s*["']([^"']*)["']""")


def _ods_problem(path: Path) -> str | None:
    """Why an ods sheet would make calamine hold too many cells, or None. A cell or row may say it is
    repeated a million times in a few bytes; calamine expands repeats of cells that hold something
    (its own limit is 100,000,000 cells, far past this machine's memory), so those are counted here,
    in chunks, as calamine places them. Empty cells repeated to the sheet's edge cost nothing."""
    fix = "delete the empty rows and columns around its table and re-save it, or save the sheet as CSV"
    try:
        with zipfile.ZipFile(path) as zf:
            if "content.xml" not in zf.namelist():
                return None
            name, cells = "", 0
            row = col = 0  # where the next row and cell go
            row_repeat, row_cells, row_last = 1, 0, 0
            bottom = right = 0  # calamine places an ods sheet's cells from A1: the extent counts from there
            for data, _more in _chunks(zf, "content.xml"):
                for m in _ODS_TAG.finditer(data):
                    closing, tag, attrs, empty = m.group(1), m.group(2), m.group(3), m.group(4)
                    if tag == b"table":
                        if not closing:
                            found = _ODS_NAME.search(attrs)
                            name = found.group(1).decode("utf-8", "replace") if found else ""
                            cells = row = bottom = right = 0
                        continue
                    if tag == b"table-row":
                        if empty:
                            repeat = _ODS_REPEAT.search(attrs)
                            row_repeat = int(repeat.group(2)) if repeat and repeat.group(1) == b"rows" else 1
                        if closing or empty:
                            if row_cells:  # the row holds something: every repeat of it does
                                cells += row_cells * row_repeat
                                bottom, right = max(bottom, row + row_repeat), max(right, row_last)
                            row += row_repeat
                            row_repeat, row_cells, row_last, col = 1, 0, 0, 0
                        else:
                            repeat = _ODS_REPEAT.search(attrs)
                            row_repeat = int(repeat.group(2)) if repeat and repeat.group(1) == b"rows" else 1
                            row_cells, row_last, col = 0, 0, 0
                        continue
                    if closing:
                        continue
                    repeat = _ODS_REPEAT.search(attrs)
                    n = int(repeat.group(2)) if repeat and repeat.group(1) == b"columns" else 1
                    if not empty or b"office:value-type" in attrs:  # it holds something
                        row_cells += n
                        row_last = col + n
                    col += n
                    holding = (row + row_repeat) * (row_last + 1) if row_cells else 0
                    if max(bottom * (right + 1), cells, holding) > MAX_CELLS:
                        return (f"sheet '{name}' repeats its cells over more than {MAX_CELLS:,} cells and rows: too "
                                f"large to read safely; {fix}")
                if max(bottom * (right + 1), cells) > MAX_CELLS:
                    return (f"sheet '{name}' repeats its cells over more than {MAX_CELLS:,} cells and rows: too large "
                            f"to read safely; {fix}")
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):
        return None  # calamine reports the damage in its own words
    except _Huge as exc:
        return f"it has {exc}: too large to read safely; {fix}"
    return None
