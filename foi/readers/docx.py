"""Word .docx tables via python-docx.

python-docx's `row.cells` repeats a merged cell's object once per grid column it covers,
which would duplicate text; so the table XML is walked directly: `w:gridSpan` widens a
cell, `w:vMerge` without val="restart" continues the cell above. The text sits in the
top-left cell only, the rest are None, and each merge goes into Grid.merged.
"""

from __future__ import annotations

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
    text = "\n".join(p.text for p in document.paragraphs)
    return ReadResult(path=path, reader="docx", status="ok", tables=grids, warnings=[], error=None, text=text)
