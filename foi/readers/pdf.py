"""PDF tables via pdfplumber.

Per page: ruled tables first (pdfplumber's default "lines" settings, so cells are exactly
what `page.extract_tables()` gives); small tables nested inside another table's box (inner
rules of a header cell) are dropped. A page with no ruled table is searched for
whitespace-aligned tables: lines of words with wide gaps and numbers in them, several in a
row, columns taken from where the words of those lines sit (as camelot's stream mode and
tabula do). Prose never has numbers in gap-separated columns over several lines, which is
what keeps letters out.

A table that ends a page and one that starts the next are joined into one Grid when they
have the same number of columns and only running headers/footers (letterhead, page
numbers, protective marking) lie between them; a repeated header row is dropped.

Pages are processed in worker processes for long documents; joining happens afterwards
in the parent over plain data, so the output is identical to the serial path.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any

from foi.readers import Grid, ReadResult, _one_line

PARALLEL_MIN_PAGES = 8
WORKERS = 2

_NUMERIC = re.compile(r"^[(£$€-]*\d[\d,.\s]*%?\)?[*~^†]*$|^[-–*]$|^<\s?\d+$")
_PAGE_FURNITURE = re.compile(
    r"^(?:page\s*)?[-–]?\s*\d+\s*[-–]?(?:\s*(?:of|/)\s*\d+)?$"
    r"|^(?:official|official[\s-]+sensitive|not protectively marked|unclassified|restricted)$"
    r"|continued|cont\.?$",
    re.IGNORECASE,
)


# --- per-page work (runs in workers) -----------------------------------------------------


def _cell(v: Any) -> Any:
    return None if v == "" else v


def _contained(inner: tuple[float, ...], outer: tuple[float, ...], tol: float = 1.0) -> bool:
    return (
        inner[0] >= outer[0] - tol and inner[1] >= outer[1] - tol
        and inner[2] <= outer[2] + tol and inner[3] <= outer[3] + tol
    )


def _is_frame(rows: list[list[Any]]) -> bool:
    """A "table" of a few cells each holding many lines is a frame, not a grid."""
    return len(rows) <= 3 and any(isinstance(v, str) and v.count("\n") >= 5 for row in rows for v in row)


def _split_stacked(rows: list[list[Any]]) -> tuple[list[list[Any]], list[int]]:
    """Split ruled bands that hold several records each (rules drawn every 5 rows, as in
    the FBI's NICS tables): when every filled cell of a row has the same k > 1 lines and a
    column is all numbers, the row is k rows. Returns rows and their 1-based ruled row."""
    out: list[list[Any]] = []
    numbers: list[int] = []
    for n, row in enumerate(rows, start=1):
        filled = [v.split("\n") for v in row if isinstance(v, str)]
        k = len(filled[0]) if filled else 1
        if (
            k > 1 and len(filled) >= 2 and all(len(parts) == k for parts in filled)
            and any(all(_is_numeric(x) for x in parts) for parts in filled)
        ):
            for i in range(k):
                out.append([v.split("\n")[i] if isinstance(v, str) else None for v in row])
                numbers.append(n)
        else:
            out.append(row)
            numbers.append(n)
    return out, numbers


def _lines_within(page: Any, top: float, bottom: float) -> list[str]:
    top, bottom = max(top, 0.0), min(bottom, float(page.height))
    if bottom - top < 1:
        return []
    region = page.within_bbox((0, top, float(page.width), bottom))
    return [ln.strip() for ln in (region.extract_text() or "").splitlines() if ln.strip()]


def _process_page(page: Any) -> dict[str, Any]:
    chars = page.chars
    has_text = any(not c["text"].isspace() for c in chars)
    result: dict[str, Any] = {
        "page": page.page_number, "has_text": has_text, "text": "", "tables": [],
        "above": [], "below": [],
    }
    if not has_text:
        return result
    result["text"] = page.extract_text() or ""
    found = page.find_tables()
    boxes = [t.bbox for t in found]
    tables: list[dict[str, Any]] = []
    for i, t in enumerate(found):
        if any(j != i and _contained(t.bbox, b) and b != t.bbox for j, b in enumerate(boxes)):
            continue  # the rules of a header cell, already inside the bigger table
        rows = [[_cell(v) for v in row] for row in t.extract()]
        if _is_frame(rows):
            continue  # a box drawn round a whole text table: read it by its spacing instead
        if any(v is not None for row in rows for v in row):
            rows, numbers = _split_stacked(rows)
            tables.append({"rows": rows, "numbers": numbers, "bbox": tuple(t.bbox), "strategy": "lines"})
    if not tables:
        tables = _whitespace_tables(page)
    result["tables"] = tables
    if tables:
        first = min(tables, key=lambda t: t["bbox"][1])
        last = max(tables, key=lambda t: t["bbox"][3])
        result["above"] = _lines_within(page, 0, first["bbox"][1] - 0.5)
        result["below"] = _lines_within(page, last["bbox"][3] + 0.5, float(page.height))
    return result


def _process_range(path: str, start: int, stop: int) -> list[dict[str, Any]]:
    """Worker entry: open the PDF itself (pdfplumber objects don't pickle)."""
    import pdfplumber

    out = []
    with pdfplumber.open(path) as pdf:
        for i in range(start, stop):
            page = pdf.pages[i]
            out.append(_process_page(page))
            page.close()  # drop the page's cached objects: memory stays flat on long PDFs
    return out


# --- whitespace-aligned tables -----------------------------------------------------------


def _phrases(words: list[dict[str, Any]]) -> list[list[dict[str, Any]]]:
    """Words -> lines -> phrases (words closer than ~0.75 em belong together)."""
    lines: list[list[dict[str, Any]]] = []
    for w in sorted(words, key=lambda w: (round(w["top"]), w["x0"])):
        if lines and abs(w["top"] - lines[-1][0]["top"]) <= 2.5:
            lines[-1].append(w)
        else:
            lines.append([w])
    out: list[list[dict[str, Any]]] = []
    for line in lines:
        line.sort(key=lambda w: w["x0"])
        phrases: list[dict[str, Any]] = []
        for w in line:
            size = w["bottom"] - w["top"]
            if phrases and w["x0"] - phrases[-1]["x1"] <= 0.75 * size:
                p = phrases[-1]
                p["text"] += " " + w["text"]
                p["x1"] = max(p["x1"], w["x1"])
                p["bottom"] = max(p["bottom"], w["bottom"])
            else:
                phrases.append({"text": w["text"], "x0": w["x0"], "x1": w["x1"],
                                "top": w["top"], "bottom": w["bottom"]})
        out.append(phrases)
    return out


def _is_numeric(text: str) -> bool:
    return bool(_NUMERIC.match(text.strip()))


def _tabular(line: list[dict[str, Any]]) -> bool:
    return len(line) >= 2 and any(_is_numeric(p["text"]) for p in line)


def _whitespace_tables(page: Any) -> list[dict[str, Any]]:
    lines = _phrases(page.extract_words(x_tolerance=1.5, y_tolerance=2.5))
    tables: list[dict[str, Any]] = []
    i = 0
    while i < len(lines):
        if not _tabular(lines[i]):
            i += 1
            continue
        # Grow a block of tabular lines; a short label line may sit between two of them.
        block = [i]
        j = i + 1
        while j < len(lines):
            height = lines[j - 1][0]["bottom"] - lines[j - 1][0]["top"]
            if lines[j][0]["top"] - lines[j - 1][0]["bottom"] > 2.0 * height:
                break
            if _tabular(lines[j]):
                block.append(j)
            elif (
                j + 1 < len(lines) and _tabular(lines[j + 1]) and len(lines[j]) <= 2
                and sum(len(p["text"]) for p in lines[j]) < 40
            ):
                block.append(j)
            else:
                break
            j += 1
        data_lines = [k for k in block if _tabular(lines[k])]
        if len(data_lines) >= 3:
            # Header lines: up to three multi-phrase lines right above the block.
            head = block[0]
            while head > 0 and block[0] - head < 3 and len(lines[head - 1]) >= 2:
                gap = lines[head][0]["top"] - lines[head - 1][0]["bottom"]
                if gap > 2.0 * (lines[head - 1][0]["bottom"] - lines[head - 1][0]["top"]):
                    break
                head -= 1
            table = _grid_from_lines([lines[k] for k in range(head, block[-1] + 1)],
                                     [lines[k] for k in data_lines])
            if table is not None:
                tables.append(table)
        i = j if j > i + 1 else i + 1
    return tables


def _grid_from_lines(
    lines: list[list[dict[str, Any]]], data: list[list[dict[str, Any]]]
) -> dict[str, Any] | None:
    # Columns: union of the data phrases' x-extents, overlapping extents merged.
    spans = sorted((p["x0"], p["x1"]) for line in data for p in line)
    cols: list[list[float]] = []
    for x0, x1 in spans:
        if cols and x0 <= cols[-1][1] + 1.0:
            cols[-1][1] = max(cols[-1][1], x1)
        else:
            cols.append([x0, x1])
    if len(cols) < 2:
        return None
    rows: list[list[Any]] = []
    for line in lines:
        row: list[Any] = [None] * len(cols)
        for p in line:
            overlaps = [min(p["x1"], c1) - max(p["x0"], c0) for c0, c1 in cols]
            best = max(range(len(cols)), key=lambda k: overlaps[k])
            if overlaps[best] <= 0:
                centre = (p["x0"] + p["x1"]) / 2
                best = min(range(len(cols)), key=lambda k: abs((cols[k][0] + cols[k][1]) / 2 - centre))
            row[best] = p["text"] if row[best] is None else f"{row[best]} {p['text']}"
        rows.append(row)
    numeric_rows = sum(1 for row in rows if any(v is not None and _is_numeric(v) for v in row[1:]))
    if numeric_rows < 2:
        return None
    top = min(p["top"] for p in lines[0])
    bottom = max(p["bottom"] for p in lines[-1])
    bbox = (min(c[0] for c in cols), top, max(c[1] for c in cols), bottom)
    return {"rows": rows, "numbers": list(range(1, len(rows) + 1)), "bbox": bbox, "strategy": "text"}


# --- joining and grids (parent process) ---------------------------------------------------


def _norm(row: list[Any]) -> tuple[str, ...]:
    return tuple(" ".join(str(v).split()).lower() if v is not None else "" for v in row)


def _width(rows: list[list[Any]]) -> int:
    return max((len(r) for r in rows), default=0)


def _furniture_only(lines: list[str], other_page_lines: list[str]) -> bool:
    """True when every line is a page number, a marking, or repeated on the other page."""
    others = set(other_page_lines)
    return all(ln in others or _PAGE_FURNITURE.search(ln) for ln in lines)


def _repeated_header(a: list[list[Any]], b: list[list[Any]]) -> int:
    """How many leading rows of b repeat a's header (0 if none)."""
    for h in (3, 2, 1):
        if len(a) > h and len(b) > h and [_norm(r) for r in a[:h]] == [_norm(r) for r in b[:h]]:
            if any(v and not _is_numeric(v) for v in _norm(a[0])):
                return h
    return 0


def _build_grids(pages: list[dict[str, Any]]) -> list[Grid]:
    grids: list[Grid] = []
    open_grid: Grid | None = None  # the last table of the previous page, if it may continue
    prev: dict[str, Any] | None = None
    for res in pages:
        tables = res["tables"]
        first = min(range(len(tables)), key=lambda k: tables[k]["bbox"][1]) if tables else -1
        last = max(range(len(tables)), key=lambda k: tables[k]["bbox"][3]) if tables else -1
        carry: Grid | None = None
        for t_no, table in enumerate(tables, start=1):
            rows = table["rows"]
            if (
                t_no - 1 == first and open_grid is not None and prev is not None
                and prev["page"] + 1 == res["page"]
                and _width(rows) == _width(open_grid.rows)
                and _furniture_only(res["above"], prev["text"].splitlines()[: len(res["above"]) + 3])
                and _furniture_only(prev["below"], res["text"].splitlines()[-(len(prev["below"]) + 3):])
            ):
                skip = _repeated_header(open_grid.rows, rows)
                grid = open_grid
                grid.rows.extend(rows[skip:])
                assert grid.row_numbers is not None and grid.pages is not None
                grid.row_numbers.extend(table["numbers"][skip:])
                grid.pages.extend([res["page"]] * (len(rows) - skip))
            else:
                width = _width(rows)
                for r in rows:
                    if len(r) < width:
                        r.extend([None] * (width - len(r)))
                grid = Grid(
                    name=f"page {res['page']} table {t_no}",
                    rows=rows,
                    page=res["page"],
                    table_index=len(grids),
                    row_numbers=list(table["numbers"]),
                    col_numbers=list(range(1, width + 1)),
                    pages=[res["page"]] * len(rows),
                )
                grids.append(grid)
            if t_no - 1 == last:
                carry = grid
        open_grid = carry
        prev = res
    return grids


# --- entry point ----------------------------------------------------------------------------


def _chunks(n_pages: int, parts: int) -> list[tuple[int, int]]:
    size = -(-n_pages // parts)
    return [(s, min(s + size, n_pages)) for s in range(0, n_pages, size)]


def extract_pages(path: Path, workers: int | None = None) -> list[dict[str, Any]]:
    """Per-page results in page order; parallel over `workers` processes when worthwhile."""
    import pdfplumber

    with pdfplumber.open(str(path)) as pdf:
        n_pages = len(pdf.pages)
        if workers is None:
            workers = min(WORKERS, os.cpu_count() or 1)
        if workers <= 1 or n_pages <= PARALLEL_MIN_PAGES:
            out = []
            for page in pdf.pages:
                out.append(_process_page(page))
                page.close()
            return out
    # Two chunks per worker evens out pages of uneven cost without reopening the file often.
    ranges = _chunks(n_pages, workers * 2)
    with ProcessPoolExecutor(max_workers=workers) as pool:
        parts = pool.map(_process_range, [str(path)] * len(ranges), *zip(*ranges, strict=True))
        return [page for part in parts for page in part]


def read_pdf(path: Path, workers: int | None = None) -> ReadResult:
    from pdfplumber.utils.exceptions import PdfminerException

    try:
        pages = extract_pages(path, workers)
    except PdfminerException as exc:
        inner = exc.args[0] if exc.args else exc
        if type(inner).__name__ in ("PDFPasswordIncorrect", "PDFEncryptionError"):
            return _err(path, "password-protected PDF: ask the force for an unprotected copy")
        return _err(path, f"corrupt PDF: {_one_line(inner if isinstance(inner, BaseException) else exc)}")
    except Exception as exc:  # noqa: BLE001 - pdfminer raises many kinds on damaged files
        return _err(path, f"corrupt PDF: {_one_line(exc)}")
    warnings: list[str] = []
    text = "\n\n".join(p["text"] for p in pages if p["text"])
    no_text = [p["page"] for p in pages if not p["has_text"]]
    if pages and len(no_text) == len(pages):
        return ReadResult(
            path=path, reader="pdf", status="needs-ocr", tables=[],
            warnings=["no text layer on any page (scanned?): needs OCR"], error=None,
        )
    if no_text:
        warnings.append(f"no text layer on page(s) {_page_list(no_text)} (scanned?): those need OCR")
    grids = _build_grids(pages)
    joined = [g for g in grids if g.pages and g.pages[0] != g.pages[-1]]
    for g in joined:
        assert g.pages is not None
        warnings.append(f"{g.name} continues to page {g.pages[-1]}; joined")
    text_tables = [p["page"] for p in pages if any(t["strategy"] == "text" for t in p["tables"])]
    if text_tables:
        warnings.append(
            f"tables without ruling lines on page(s) {_page_list(text_tables)}: columns guessed from spacing"
        )
    return ReadResult(
        path=path, reader="pdf", status="ok", tables=grids, warnings=warnings, error=None, text=text
    )


def _page_list(pages: Iterable[int]) -> str:
    return ", ".join(str(p) for p in pages)


def _err(path: Path, message: str) -> ReadResult:
    return ReadResult(path=path, reader="pdf", status="error", tables=[], warnings=[], error=message)
