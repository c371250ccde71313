"""HTML tables (often an ".xls" that a force's system exported as HTML), stdlib only.

Every <table> becomes a Grid, nested tables included (each on its own; the outer cell keeps
the inner text). rowspan/colspan are expanded on an occupancy map: the text stays in the
top-left cell, covered cells are None, and each span goes into Grid.merged.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

from foi.readers import Grid, ReadResult
from foi.readers.delimited import decode_bytes

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([\w-]+)""", re.IGNORECASE)
_MAX_SPAN = 1000  # a rowspan="65535" must not allocate a million cells
# Python's HTMLParser reads about a megabyte a second and a cell costs ~200 bytes here, so an
# HTML "spreadsheet" is held to what a reply plausibly is.
MAX_BYTES = 10 * 1024 * 1024
MAX_DEPTH = 32  # tables nested deeper are read as the text of the cell that holds them
MAX_CELLS = 1_000_000  # per table, spans included


class _Table:
    def __init__(self, index: int) -> None:
        self.index = index
        self.cells: dict[tuple[int, int], Any] = {}
        self.merged: list[tuple[int, int, int, int]] = []
        self.row = -1
        self.col = 0
        self.text: list[str] | None = None
        self.span = (1, 1)
        self.clipped = False
        self.too_large = False

    def start_row(self) -> None:
        self.row += 1
        self.col = 0

    def start_cell(self, rowspan: int, colspan: int) -> None:
        if self.row < 0:
            self.start_row()
        while (self.row, self.col) in self.cells:
            self.col += 1
        if len(self.cells) + rowspan * colspan > MAX_CELLS:
            rowspan = colspan = 1  # spans past the table's budget are not expanded
            self.clipped = True
        self.span = (rowspan, colspan)
        self.text = []

    def end_cell(self) -> None:
        if self.text is None:
            return
        if self.too_large or len(self.cells) >= MAX_CELLS:
            self.too_large = True  # stop holding cells; the table is reported, not read
            self.text = None
            return
        text = " ".join("".join(self.text).split(" ")).strip()
        text = "\n".join(" ".join(line.split()) for line in text.split("\n")).strip()
        rs, cs = self.span
        for dr in range(rs):
            for dc in range(cs):
                self.cells.setdefault((self.row + dr, self.col + dc), None)
        self.cells[(self.row, self.col)] = text or None
        if rs > 1 or cs > 1:
            self.merged.append((self.row, self.col, self.row + rs - 1, self.col + cs - 1))
        self.col += cs
        self.text = None

    def grid(self) -> Grid:
        height = max((r for r, _ in self.cells), default=-1) + 1
        width = max((c for _, c in self.cells), default=-1) + 1
        rows = [[self.cells.get((r, c)) for c in range(width)] for r in range(height)]
        return Grid(
            name=f"table {self.index + 1}",
            rows=rows,
            table_index=self.index,
            row_numbers=list(range(1, height + 1)),
            col_numbers=list(range(1, width + 1)),
            merged=self.merged,
        )


def _span(value: str | None) -> int:
    try:
        return min(max(int(value or 1), 1), _MAX_SPAN)
    except ValueError:
        return 1


class _Parser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[_Table] = []
        self.tables: list[_Table] = []
        self.text: list[str] = []
        self.skip = 0  # inside <script>/<style>
        self.too_deep = 0  # <table> tags nested past MAX_DEPTH, still open
        self.deep_tables = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("script", "style"):
            self.skip += 1
        elif tag == "table":
            if len(self.stack) >= MAX_DEPTH:
                self.too_deep += 1
                self.deep_tables += 1
                return
            t = _Table(len(self.tables))
            self.tables.append(t)
            self.stack.append(t)
        elif self.too_deep:
            return  # inside a table nested too deep: only its text counts
        elif not self.stack:
            if tag in ("br", "p", "div", "li"):
                self.text.append("\n")
        elif tag == "tr":
            self.stack[-1].end_cell()
            self.stack[-1].start_row()
        elif tag in ("td", "th"):
            a = dict(attrs)
            self.stack[-1].end_cell()  # an unclosed <td> ends at the next one
            self.stack[-1].start_cell(_span(a.get("rowspan")), _span(a.get("colspan")))
        elif tag in ("br", "p", "div") and self.stack[-1].text is not None:
            self.stack[-1].text.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style"):
            self.skip = max(self.skip - 1, 0)
        elif tag == "table" and self.too_deep:
            self.too_deep -= 1
        elif self.too_deep:
            return
        elif tag == "table" and self.stack:
            self.stack[-1].end_cell()
            self.stack.pop()
        elif tag in ("td", "th") and self.stack:
            self.stack[-1].end_cell()

    def handle_data(self, data: str) -> None:
        if self.skip:
            return
        for t in self.stack:  # outer cells keep the text of nested tables
            if t.text is not None:
                t.text.append(data.replace("\n", " "))
        if not self.stack:
            self.text.append(data)


def read_html(path: Path) -> ReadResult:
    size = path.stat().st_size
    if size > MAX_BYTES:
        return ReadResult(path=path, reader="html", status="error", tables=[], warnings=[],
                          error=f"too large to read safely: {size:,} bytes of HTML (limit {MAX_BYTES:,}); "
                                "ask the force for xlsx or CSV")
    raw = path.read_bytes()
    m = _META_CHARSET.search(raw[:4096])
    text = None
    if m and not raw.startswith((b"\xff\xfe", b"\xfe\xff", b"\xef\xbb\xbf")):
        try:
            text = raw.decode(m.group(1).decode("ascii"))
        except (LookupError, UnicodeDecodeError):
            text = None
    if text is None:
        text, _ = decode_bytes(raw)
    parser = _Parser()
    parser.feed(text)
    parser.close()
    for t in parser.stack:
        t.end_cell()
    warnings: list[str] = []
    if parser.deep_tables:
        warnings.append(f"{parser.deep_tables:,} table(s) nested more than {MAX_DEPTH} deep read as text only")
    grids = []
    for t in parser.tables:
        height = max((r for r, _ in t.cells), default=-1) + 1
        width = max((c for _, c in t.cells), default=-1) + 1
        if t.too_large:
            warnings.append(f"table {t.index + 1} skipped: more than {MAX_CELLS:,} cells")
            continue
        if height * width > MAX_CELLS:
            warnings.append(f"table {t.index + 1} skipped: {height:,} rows by {width:,} columns is too large")
            continue
        if t.clipped:
            warnings.append(f"table {t.index + 1}: spans beyond {MAX_CELLS:,} cells were not expanded")
        grid = t.grid()
        if grid.rows:
            grids.append(grid)
    body = re.sub(r"\n\s*\n+", "\n", "".join(parser.text)).strip()
    return ReadResult(path=path, reader="html", status="ok", tables=grids, warnings=warnings, error=None, text=body)
