"""Readers: one small reader per file format behind one signature.

`read_file(path)` sniffs the bytes (never the extension: forces rename files freely, and
"report.xls" is often HTML), picks the reader and returns a `ReadResult`. A bad file never
raises: it comes back with status "error" and a one-line reason a journalist can act on.

Heavy libraries (python-calamine, pdfplumber, python-docx, charset-normalizer) are imported
inside the format modules' functions, so importing this package is cheap.
"""

from __future__ import annotations

import gc
import mmap
import re
import zipfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

__all__ = ["Grid", "ReadResult", "col_letter", "read_file", "sniff"]


def col_letter(col: int) -> str:
    """1-based column number -> spreadsheet letters (1 -> A, 28 -> AB)."""
    letters = ""
    while col > 0:
        col, rem = divmod(col - 1, 26)
        letters = chr(65 + rem) + letters
    return letters


_PDF_NAME = re.compile(r"^page (\d+) table (\d+)")
_PLAIN_SHEET = re.compile(r"^[A-Za-z_][A-Za-z0-9_.]*$")


@dataclass
class Grid:
    """One table as found in a file.

    Locations, by kind of source (see `location`):
    - spreadsheet (`sheet` set): Excel-style reference, "Sheet1!D7" or "'Table 1'!B5";
    - PDF (`pages` set): "p3 t1 r5 c2" = page of that row, table number on that page,
      row within that page's part of the table, column; all 1-based;
    - CSV/TSV (name "csv"): "B5" = column letter + physical line number where the record starts;
    - Word/HTML: "table 2 r3 c4" = table number in the document, row, column; all 1-based.
    """

    name: str
    rows: list[list[Any]]
    sheet: str | None = None
    page: int | None = None
    table_index: int = 0
    row_numbers: list[int] | None = None
    col_numbers: list[int] | None = None
    pages: list[int] | None = None
    merged: list[tuple[int, int, int, int]] = field(default_factory=list)
    hidden_rows: list[int] = field(default_factory=list)
    hidden_cols: list[int] = field(default_factory=list)

    def _row_no(self, r: int) -> int:
        return self.row_numbers[r] if self.row_numbers is not None else r + 1

    def _col_no(self, c: int) -> int:
        return self.col_numbers[c] if self.col_numbers is not None else c + 1

    def location(self, r: int, c: int) -> str:
        """Where rows[r][c] is in the source file, in words a reader can follow."""
        row, col = self._row_no(r), self._col_no(c)
        if self.sheet is not None:
            sheet = self.sheet
            if not _PLAIN_SHEET.match(sheet):
                # Excel quotes sheet names with spaces or punctuation; '' escapes a quote.
                sheet = "'" + sheet.replace("'", "''") + "'"
            return f"{sheet}!{col_letter(col)}{row}"
        if self.pages is not None:
            page = self.pages[r]
            # The PDF reader names grids "page P table T"; only the first part of a table
            # carried over page breaks can be anything but the first table on its page
            # (a continuation is joined only when it is the first table of its page).
            m = _PDF_NAME.match(self.name)
            first_page = int(m.group(1)) if m else self.page
            t = int(m.group(2)) if m and page == first_page else 1
            return f"p{page} t{t} r{row} c{col}"
        if self.name == "csv":
            return f"{col_letter(col)}{row}"
        return f"table {self.table_index + 1} r{row} c{col}"


@dataclass
class ReadResult:
    path: Path
    reader: str  # "xlsx", "xlsm", "xlsb", "xls", "ods", "csv", "pdf", "docx", "html"
    status: str  # "ok" | "needs-ocr" | "error"
    tables: list[Grid]
    warnings: list[str]
    error: str | None
    text: str = ""


# --- sniffing -------------------------------------------------------------------------

_OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_HTML_START = re.compile(
    rb"^(?:\xef\xbb\xbf)?\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|table|head|body|meta|style)\b",
    re.IGNORECASE | re.DOTALL,
)
_XML_SPREADSHEET = re.compile(rb"<Workbook[^>]*urn:schemas-microsoft-com:office:spreadsheet")


def _utf16(name: str) -> bytes:
    return name.encode("utf-16-le")


def _sniff_zip(path: Path) -> str:
    try:
        with zipfile.ZipFile(path) as zf:
            names = set(zf.namelist())
            if "mimetype" in names:
                mime = zf.read("mimetype").strip()
                if mime == b"application/vnd.oasis.opendocument.spreadsheet":
                    return "ods"
                if mime.startswith(b"application/vnd.oasis.opendocument"):
                    return "odf-other"
            if "xl/workbook.bin" in names:
                return "xlsb"
            if "xl/workbook.xml" in names:
                types = zf.read("[Content_Types].xml") if "[Content_Types].xml" in names else b""
                return "xlsm" if b"macroEnabled" in types else "xlsx"
            if "word/document.xml" in names:
                return "docx"
    except (zipfile.BadZipFile, OSError, KeyError, EOFError):
        # Truncated or damaged archive: the reader for the claimed kind would fail too.
        return "corrupt-zip"
    return "zip"


def _sniff_ole2(path: Path) -> str:
    # OLE2 directory entries hold UTF-16LE stream names; finding them in the raw bytes is
    # enough to tell an old workbook from a .doc or a password-protected OOXML package.
    with open(path, "rb") as fh, mmap.mmap(fh.fileno(), 0, access=mmap.ACCESS_READ) as mm:
        if mm.find(_utf16("EncryptedPackage")) != -1 or mm.find(_utf16("EncryptionInfo")) != -1:
            return "encrypted"
        if mm.find(_utf16("Workbook")) != -1 or mm.find(_utf16("Book")) != -1:
            return "xls"
        if mm.find(_utf16("WordDocument")) != -1:
            return "doc"
    return "ole2"


def _looks_text(head: bytes) -> bool:
    if head.startswith((b"\xff\xfe", b"\xfe\xff", b"\xef\xbb\xbf")):
        return True
    if not head:
        return True
    if b"\x00" in head:
        # UTF-16 without a BOM: every other byte is NUL for Latin text.
        even = head[0::2].count(0)
        odd = head[1::2].count(0)
        if max(even, odd) > len(head) // 4 and min(even, odd) < len(head) // 50 + 1:
            return True
    # A few stray NULs (or other control bytes) in text exported by a database are still text.
    nuls = head.count(0)
    controls = sum(1 for b in head if b < 32 and b not in (0, 9, 10, 12, 13))
    return controls <= len(head) // 100 and nuls <= len(head) // 100 + 4


def sniff(path: Path | str) -> str:
    """Kind of file from its first bytes (and a ZIP's member names).

    Returns one of: xlsx, xlsm, xlsb, ods, docx, xls, pdf, html, csv (any other text), and for
    files no reader handles: encrypted, doc, ole2, zip, corrupt-zip, odf-other,
    xml-spreadsheet, empty, binary.
    """
    path = Path(path)
    with open(path, "rb") as fh:
        head = fh.read(4096)
    if not head:
        return "empty"
    if head.startswith(b"PK\x03\x04") or head.startswith(b"PK\x05\x06"):
        return _sniff_zip(path)
    if head.startswith(_OLE2):
        return _sniff_ole2(path)
    # Some generators put junk before the header; PDF readers accept it within 1 KB.
    if b"%PDF-" in head[:1024]:
        return "pdf"
    if _HTML_START.match(head):
        return "html"
    if head.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"<?xml") and _XML_SPREADSHEET.search(head):
        return "xml-spreadsheet"
    if _looks_text(head):
        return "csv"
    return "binary"


_UNSUPPORTED = {
    "encrypted": "encrypted: ask the force for an unprotected copy",
    "doc": "old Word .doc file: ask the force for .docx or PDF, or save it as .docx",
    "ole2": "unknown Microsoft Office (OLE2) file: ask the force for xlsx, csv or PDF",
    "zip": "a ZIP archive that is not a spreadsheet or Word file: unpack it and read its files",
    "corrupt-zip": "corrupt or truncated file (damaged ZIP container): ask the force to resend it",
    "odf-other": "OpenDocument file that is not a spreadsheet: ask the force for ods, xlsx or PDF",
    "xml-spreadsheet": "Excel 2003 XML spreadsheet: open it in Excel or LibreOffice and save as xlsx",
    "empty": "empty file (0 bytes): ask the force to resend it",
}


def _error(path: Path, reader: str, message: str) -> ReadResult:
    return ReadResult(path=path, reader=reader, status="error", tables=[], warnings=[], error=message)


def read_file(path: Path | str, started: Callable[[], None] | None = None) -> ReadResult:
    """Read any supported file into grids. Never raises for a bad file.

    `started`, if given, is called once the read's long part is under way, where other work can
    overlap it: for xlsx once the sheets have passed the pre-check (which holds the interpreter),
    before calamine reads them (which doesn't); for other kinds at once."""
    path = Path(path)
    if started is None:
        started = _nothing
    try:
        kind = sniff(path)
    except OSError as exc:
        return _error(path, "unknown", f"cannot open file: {exc.strerror or exc}")
    if kind in _UNSUPPORTED:
        return _error(path, kind, _UNSUPPORTED[kind])
    if kind == "binary":
        with open(path, "rb") as fh:
            start = fh.read(8)
        return _error(
            path, "unknown",
            f"not a spreadsheet, PDF, Word or CSV file: starts with bytes {start.hex(' ')}",
        )
    if kind not in ("xlsx", "xlsm"):
        started()
    try:
        if kind in ("xlsx", "xlsm", "xlsb", "xls", "ods"):
            from foi.readers.spreadsheet import read_spreadsheet

            return read_spreadsheet(path, kind, started)
        if kind == "pdf":
            from foi.readers.pdf import read_pdf

            return read_pdf(path)
        if kind == "docx":
            from foi.readers.docx import read_docx

            return read_docx(path)
        if kind == "html":
            from foi.readers.html import read_html

            return read_html(path)
        from foi.readers.delimited import read_delimited

        return read_delimited(path)
    except MemoryError:
        return _error(path, kind, f"file too large to read in memory ({kind})")
    except Exception as exc:  # noqa: BLE001 - the contract: a bad file never raises
        # Readers turn the failures they know into messages; anything else still must not
        # stop a batch of 43 forces' files.
        return _error(path, kind, f"corrupt {kind}: {_one_line(exc)}")


def _nothing() -> None:
    pass


def _one_line(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()
    msg = text[0] if text else ""
    return f"{type(exc).__name__}: {msg}"[:200] if msg else type(exc).__name__


@contextmanager
def gc_paused() -> Iterator[None]:
    """Reading a big table allocates a list or tuple per row, cell or figure, none in a cycle; left on,
    the cyclic collector rescans the growing grid again and again (it triples the time of turning a
    200,000-row table into figures, and costs a third of turning calamine's rows into lists)."""
    was_on = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_on:
            gc.enable()
