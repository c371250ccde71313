"""Word .docx tables via python-docx.

python-docx's `row.cells` repeats a merged cell's object once per grid column it covers,
which would duplicate text; so the table XML is walked directly: `w:gridSpan` widens a
cell, `w:vMerge` without val="restart" continues the cell above. The text sits in the
top-left cell only, the rest are None, and each merge goes into Grid.merged.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from foi.readers import Grid, ReadResult, _one_line

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _cell_text(tc: Any) -> str:
    paras = []
    for p in tc.iter(f"{_W}p"):
        paras.append("".join(t.text or "" for t in p.iter(f"{_W}t")))
    return "\n".join(paras).strip()


def _int_val(el: Any, default: int) -> int:
    if el is None:
        return default
    try:
        return int(el.get(f"{_W}val", default))
    except ValueError:
        return default


def table_grid(tbl: Any, index: int) -> Grid:
    rows: list[list[Any]] = []
    merged: list[list[int]] = []  # [r0, c0, r1, c1], r1 grows with vMerge continuations
    open_v: dict[int, list[int]] = {}  # grid column -> merge record still open downwards
    for r, tr in enumerate(tbl.findall(f"{_W}tr")):
        row: list[Any] = []
        trpr = tr.find(f"{_W}trPr")
        before = _int_val(trpr.find(f"{_W}gridBefore") if trpr is not None else None, 0)
        row.extend([None] * before)
        for tc in tr.findall(f"{_W}tc"):
            tcpr = tc.find(f"{_W}tcPr")
            span = max(_int_val(tcpr.find(f"{_W}gridSpan") if tcpr is not None else None, 1), 1)
            vmerge = tcpr.find(f"{_W}vMerge") if tcpr is not None else None
            c = len(row)
            if vmerge is not None and vmerge.get(f"{_W}val", "continue") != "restart" and c in open_v:
                open_v[c][2] = r
                row.extend([None] * span)
                continue
            text = _cell_text(tc)
            row.append(text or None)
            row.extend([None] * (span - 1))
            for k in range(c, c + span):
                open_v.pop(k, None)
            record = [r, c, r, c + span - 1]
            merged.append(record)
            if vmerge is not None:  # restart: later rows may continue it
                open_v[c] = record
        # A cell absent from this row closes merges over its columns.
        for k in [k for k in open_v if open_v[k][2] != r and k >= len(row)]:
            open_v.pop(k)
        rows.append(row)
    width = max((len(r) for r in rows), default=0)
    for row in rows:
        row.extend([None] * (width - len(row)))
    return Grid(
        name=f"table {index + 1}",
        rows=rows,
        table_index=index,
        row_numbers=list(range(1, len(rows) + 1)),
        col_numbers=list(range(1, width + 1)),
        merged=[(a, b, c, d) for a, b, c, d in merged if (a, b) != (c, d)],
    )


# A caption is a short line, not a sentence: "Table B East division - strength 1996-97 to 1999-2000",
# "Arrests by ethnicity 2020-2024"; "The figures are given in the following table." is no caption.
_CAPTION_MAX = 200


# Lines of the letter itself, addressed to the reader, even without a full stop ("Please see table below").
_LETTER = re.compile(r"^(?:please|see|below|above|the following|as follows|dear|yours|kind regards|regards|"
                     r"thank|i |we |you |our |your )", re.I)


def _is_caption(text: str) -> bool:
    text = text.strip()
    if not text or len(text) > _CAPTION_MAX or not any(ch.isalpha() for ch in text) or _LETTER.match(text):
        return False
    return text.lower().startswith(("table ", "figure ")) or text[-1] not in ".:;?!,"


def _captions(document: Any) -> list[str | None]:
    """Per top-level table, in order, the paragraph right before it when that reads as its caption
    (text between the previous table and this one; only the last non-empty line counts). A Word
    reply states which force or division a table is about there, not inside the table."""
    out: list[str | None] = []
    last: str | None = None
    for child in document.element.body.iterchildren():
        if child.tag == f"{_W}p":
            line = "".join(t.text or "" for t in child.iter(f"{_W}t")).strip()
            if line:
                last = line
        elif child.tag == f"{_W}tbl":
            out.append(last if last is not None and _is_caption(last) else None)
            last = None
    return out


def _put_caption(grid: Grid, caption: str) -> None:
    """The caption as a one-cell title line above the table; its row number 0 says it is not a row
    of the table (figures keep their "table N rR cC" places)."""
    width = max((len(r) for r in grid.rows), default=1) or 1
    grid.rows.insert(0, [caption, *([None] * (width - 1))])
    grid.row_numbers = [0, *(grid.row_numbers or range(1, len(grid.rows)))]
    grid.merged = [(a + 1, b, c + 1, d) for a, b, c, d in grid.merged]


# python-docx holds the whole document.xml as an lxml tree (several times its size in memory).
MAX_PART = 50 * 1024 * 1024
MAX_TOTAL = 200 * 1024 * 1024


def read_docx(path: Path) -> ReadResult:
    import docx

    from foi.readers.spreadsheet import archive_problem

    problem = archive_problem(path, MAX_PART, MAX_TOTAL)
    if problem:
        return ReadResult(path=path, reader="docx", status="error", tables=[], warnings=[], error=problem)
    try:
        document = docx.Document(str(path))
    except Exception as exc:  # noqa: BLE001 - python-docx raises KeyError/BadZipFile/XML errors
        # lxml refuses a text node over 10,000,000 characters: a file too big to read, not a damaged one.
        error = f"corrupt docx: {_one_line(exc)}"
        if "Resource limit exceeded" in str(exc):
            error = ("too large to read safely: a run of text longer than 10,000,000 characters; ask the force for "
                     "the figures as xlsx or CSV")
        return ReadResult(path=path, reader="docx", status="error", tables=[], warnings=[], error=error)
    grids = [table_grid(t._tbl, i) for i, t in enumerate(document.tables)]
    for grid, caption in zip(grids, _captions(document), strict=False):
        if caption:
            _put_caption(grid, caption)
    text = "\n".join(p.text for p in document.paragraphs)
    return ReadResult(path=path, reader="docx", status="ok", tables=grids, warnings=[], error=None, text=text)
