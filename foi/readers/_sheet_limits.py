"""How many cells calamine would hold for a sheet, counted before calamine reads it: xlsx cells far
apart or too many, shared text copied into cells, and ods cells repeated (see
:mod:`foi.readers.spreadsheet` for why and what the limits are)."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path
from xml.etree import ElementTree

from foi.readers._cell_bounds import outside
from foi.readers._xlsx_scan import Hidden, HiddenScan, HugeTag, chunks, shared_member, sheet_members

# Cells between a sheet's first and last, or written in it, with a row counting as one more cell:
# calamine holds every cell, then Python an object per cell and a list per row. Measured peaks:
# 3,000,000 short text cells in 375,000 rows 450 MB, 2,900,000 numbers in 362,500 rows 257 MB, the
# same in one column (2,900,000 rows) 557 MB; so about 135 MB per million text cells and 118 MB per
# million rows, and at most 3,000,000 of both together stays under 500 MB.
MAX_CELLS = 3_000_000
# Shared text the cells copy: a cell pointing at a shared string gets its own copy in calamine and
# another in Python, so one long string that many cells share multiplies (a 4 KB file, 820 MB).
MAX_SHARED_TEXT = 64 * 1024 * 1024


# --- cells far apart, or too many (xlsx) ------------------------------------------------------

# Either quote, spaces around "=", either case: whatever an XML parser (and calamine) would accept.
_REF = re.compile(rb"""\sr\s*=\s*["']([A-Za-z]*)(\d+)["']""")
_CELL_TAG = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?(row|c)\b([^>]*)>")
_ANY_CELL = re.compile(rb"<c[\s/>]")
_PREFIXED_CELL = re.compile(rb":c[\s/>]")
_PLAIN_REF = re.compile(rb'<c r="([A-Z]{1,3})(\d{1,7})"')
_CELL_WITH_REF = re.compile(rb"<c\s[^>]*?\br\s*=")
_ROW_OPEN = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?row\b([^>]*)>")
_MAX_WIDEN = 32  # boxes tried per chunk before reading it cell by cell


class Extent:
    """Where a sheet's cells lie, as calamine places them, read in chunks: a cell's r= if it has
    one, else the next column of its row (whose r= or count gives the row)."""

    def __init__(self, shared: Shared | None = None) -> None:
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
            cols = [col_number(x) for x in {ref[0] for ref in refs}]
            rows = [int(x) for x in {ref[1] for ref in refs}]
            self._place(min(rows), min(cols))
            self._place(max(rows), max(cols))
        if last is not None and numbered is not None:
            self.row, self.col = int(numbered.group(2)), 0
            tail = _PLAIN_REF.findall(xml, last.end())
            if tail:
                self.col = col_number(tail[-1][0])
        elif refs:
            self.col = col_number(refs[-1][0])

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
        ends = (col_number(first.group(1)), col_number(final.group(1)))
        c_lo, c_hi = min(self.min_c, *ends), max(self.max_c, *ends)
        pos = 0
        for _ in range(_MAX_WIDEN):
            hit = outside(r_lo, r_hi, c_lo, c_hi).search(xml, pos)
            if hit is None:
                break
            ref = _PLAIN_REF.match(xml, hit.start())
            if ref is None:
                return False
            r, c = int(ref.group(2)), col_number(ref.group(1))
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
            self.col = col_number(final.group(1)) if final.start() >= last.end() else 0
        else:
            self.col = col_number(final.group(1))
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
                r, c = int(ref.group(2)), col_number(ref.group(1))
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


class Shared:
    """The size of each shared string (its `<si>` element, markup included: at least its text)."""

    def __init__(self, zf: zipfile.ZipFile, member: str) -> None:
        from array import array

        self.lengths = array("q")
        starts: list[int] = []
        offset = 0
        for data, _more in chunks(zf, member):
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



def sheet_extent(zf: zipfile.ZipFile, member: str, extent: Extent,
                  hidden: HiddenScan | None = None) -> tuple[int, int, int, bool]:
    """(rows, columns, cells, whether all was read) of a sheet's cells, read in chunks whatever its
    size; reading stops once a limit is passed, whatever the rest holds. `hidden`, if given, looks
    for hidden rows and columns on the way."""
    for data, more in chunks(zf, member):
        extent.feed(data)
        if hidden is not None:
            hidden.feed(data)
        rows, cols = extent.size()
        if max(rows * (cols + 1), extent.cells) > MAX_CELLS or extent.shared_text > MAX_SHARED_TEXT:
            return rows, cols, extent.cells, not more
    rows, cols = extent.size()
    return rows, cols, extent.cells, True


def extent_problem(path: Path) -> str | None:
    """Why a sheet would make calamine hold too many cells, or None."""
    return precheck(path)[0]


def precheck(path: Path) -> tuple[str | None, Hidden | None]:
    """(why a sheet would make calamine hold too many cells, or None; the hidden rows and columns
    found on the way, or None where the check could not read the workbook). Every sheet is read
    whatever its size (in chunks: memory stays flat): a pair of cells far apart can hide behind any
    amount of padding, and calamine aborts the process when it can't allocate the cells between them."""
    fix = ("delete the empty rows and columns around its table and re-save it, or save the sheet as CSV, or ask "
           "the force for a smaller file")
    try:
        with zipfile.ZipFile(path) as zf:
            members = sheet_members(zf)
            names = set(zf.namelist())
            strings = shared_member(zf)
            try:
                shared = Shared(zf, strings) if strings in names else None
            except HugeTag as exc:
                return f"its shared strings have {exc}: too large to read safely; {fix}", None
            text = 0
            hidden: Hidden = {}
            for sheet, member in members.items():
                if member not in names:
                    continue
                extent, scan = Extent(shared), HiddenScan()
                try:
                    rows, cols, cells, whole = sheet_extent(zf, member, extent, scan)
                except HugeTag as exc:
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


def col_number(letters: bytes) -> int:
    n = 0
    for ch in letters.upper():
        n = n * 26 + ch - 64
    return n


# --- repeated cells (ods) --------------------------------------------------------------------------

_ODS_TAG = re.compile(rb"<(/?)table:(table-row|table-cell|covered-table-cell|table)(?=[\s/>])([^>]*?)(/?)>")
_ODS_REPEAT = re.compile(rb"""table:number-(rows|columns)-repeated\s*=\s*["'](\d+)["']""")
_ODS_NAME = re.compile(rb"""table:name\s*=\s*["']([^"']*)["']""")


def ods_problem(path: Path) -> str | None:
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
            for data, _more in chunks(zf, "content.xml"):
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
    except HugeTag as exc:
        return f"it has {exc}: too large to read safely; {fix}"
    return None
