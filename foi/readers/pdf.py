"""PDF tables via pdfplumber.

Per page: ruled tables first (pdfplumber's default "lines" settings, so cells are exactly
what `page.extract_tables()` gives; see pdf_layout.CharIndex); small tables nested inside
another table's box (inner rules of a header cell) are dropped. A page with no ruled table is searched for
whitespace-aligned tables (pdf_layout.whitespace_tables).

A table that ends a page and one that starts the next are joined into one Grid when only
running headers/footers (letterhead, page numbers, protective marking) lie between them
and they have the same number of columns, or the same columns ruled differently (each
cell of the continuation lies within one cell of the previous table's last row); a
repeated header row is dropped.

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
from foi.readers.pdf_layout import CharIndex, fast_chars, is_numeric, lines_within, whitespace_tables

PARALLEL_MIN_PAGES = 8
# A reply longer than this is not read: pdfplumber's time grows with every page, and a crafted
# file can hold thousands of pages in a few kilobytes.
MAX_PAGES = 1000
WORKERS = 2
CHUNKS_PER_WORKER = 4

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
            and any(all(is_numeric(x) for x in parts) for parts in filled)
        ):
            for i in range(k):
                out.append([v.split("\n")[i] if isinstance(v, str) else None for v in row])
                numbers.append(n)
        else:
            out.append(row)
            numbers.append(n)
    return out, numbers


def _missing_frame(page: Any, found: list[Any]) -> list[float]:
    """x positions of the outer frame a ruled table leaves out: horizontal rules running past
    the table's left or right edge, with text between their ends and that edge, in the
    table's rows. Empty when every table has its frame (the usual case: nothing to redo)."""
    if not found:
        return []
    edges = [e for e in page.edges if e["orientation"] == "h"]
    xs: list[float] = []
    for t in found:
        x0, top, x1, bottom = t.bbox
        rules = [e for e in edges if top - 1 <= e["top"] <= bottom + 1 and e["x1"] > x0 and e["x0"] < x1]
        if len(rules) < 3:
            continue
        left, right = min(e["x0"] for e in rules), max(e["x1"] for e in rules)
        if left >= x0 - 3 and right <= x1 + 3:
            continue
        band = [c for c in page.chars if top <= (c["top"] + c["bottom"]) / 2 <= bottom and not c["text"].isspace()]
        if left < x0 - 3 and any(left <= c["x0"] and c["x1"] <= x0 + 1 for c in band):
            xs.append(left)
        if right > x1 + 3 and any(x1 - 1 <= c["x0"] and c["x1"] <= right for c in band):
            xs.append(right)
    return sorted(set(xs))


def _spans(row: Any) -> list[tuple[float, float] | None]:
    return [None if c is None else (float(c[0]), float(c[2])) for c in row.cells]


def _process_page(page: Any) -> dict[str, Any]:
    from pdfplumber.table import TableSettings

    fast_chars(page)
    chars = page.chars
    has_text = any(not c["text"].isspace() for c in chars)
    result: dict[str, Any] = {
        "page": page.page_number, "has_text": has_text, "text": "", "tables": [],
        "above": [], "below": [],
    }
    if not has_text:
        return result
    result["text"] = page.extract_text() or ""
    settings = TableSettings.resolve(None)
    found = page.find_tables(settings)
    frame = _missing_frame(page, found)
    if frame:
        # Rules across the rows but no outer frame: the table's first and last columns lie
        # outside the box pdfplumber finds. Read again with the frame the rules imply.
        settings = TableSettings.resolve({"explicit_vertical_lines": frame})
        found = page.find_tables(settings)
    boxes = [t.bbox for t in found]
    index = CharIndex(chars) if found else None
    tables: list[dict[str, Any]] = []
    for i, t in enumerate(found):
        if any(j != i and _contained(t.bbox, b) and b != t.bbox for j, b in enumerate(boxes)):
            continue  # the rules of a header cell, already inside the bigger table
        assert index is not None
        # The same settings `page.extract_tables()` passes, so the cells are the same (but
        # for cells of turned text, read along their own direction).
        rows = [[_cell(v) for v in row] for row in index.cell_text(t, settings.text_settings or {}, rotated=True)]
        if _is_frame(rows):
            continue  # a box drawn round a whole text table: read it by its spacing instead
        if any(v is not None for row in rows for v in row):
            rows, numbers = _split_stacked(rows)
            tables.append({"rows": rows, "numbers": numbers, "bbox": tuple(t.bbox), "strategy": "lines",
                           "spans": [_spans(r) for r in t.rows]})
    if not tables:
        tables = whitespace_tables(page)
    result["tables"] = tables
    if tables:
        first = min(tables, key=lambda t: t["bbox"][1])
        last = max(tables, key=lambda t: t["bbox"][3])
        # Cell extents matter only where a table may continue from or onto another page;
        # dropping the rest keeps what the workers send back small.
        for t in tables:
            if t is not first and t is not last:
                t.pop("spans", None)
        result["above"] = lines_within(page, 0, first["bbox"][1] - 0.5)
        if first.get("fragment"):
            # The reader may set a fragment aside (a letterhead's telephone line): then what
            # lies above the first whole table decides whether it continues a table.
            whole = [t for t in tables if not t.get("fragment")]
            for t in [t for t in tables if t.get("fragment") and t is not first] + whole[:1]:
                t["above"] = lines_within(page, 0, t["bbox"][1] - 0.5)
        result["below"] = lines_within(page, last["bbox"][3] + 0.5, float(page.height))
    return result


def _process_pages(pdf: Any, numbers: Iterable[int]) -> list[dict[str, Any]]:
    out = []
    for i in numbers:
        page = pdf.pages[i]
        out.append(_process_page(page))
        page.close()  # drop the page's cached objects: memory stays flat on long PDFs
        vars(page).pop("process_object", None)  # fast_chars' override holds the page in a cycle
    return out


_worker_pdf: Any = None  # the PDF a pool worker reads, opened once by _init_worker


def _init_worker(path: str) -> None:
    """Pool worker start-up: open the PDF once for all the chunks this worker is given
    (pdfplumber objects don't pickle, and reopening re-parses the xref and fonts)."""
    global _worker_pdf
    import gc

    import pdfplumber

    # A page is thousands of short-lived dicts: at the default gen-0 threshold (700) the
    # cyclic collector runs hundreds of times a page, and its full passes walk everything
    # the worker inherited from the parent (touching, so copying, the forked memory).
    # Freezing that and collecting less often costs some memory within a page, not across
    # pages (page.close() frees a page's objects by refcount).
    gc.freeze()
    gc.set_threshold(20_000, 20, 20)
    _worker_pdf = pdfplumber.open(path)


def _process_chunk(start: int, stop: int) -> list[dict[str, Any]]:
    return _process_pages(_worker_pdf, range(start, stop))


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
    """How many leading rows of b repeat a's header (0 if none). a may start with a caption
    (a row with only its first cell) that the page after does not repeat."""
    skip = 1 if len(a) > 1 and a[0] and a[0][0] is not None and all(v is None for v in a[0][1:]) else 0
    for start in dict.fromkeys((0, skip)):
        head = a[start:]
        for h in (3, 2, 1):
            if len(head) > h and len(b) > h and [_norm(r) for r in head[:h]] == [_norm(r) for r in b[:h]]:
                if any(v and not is_numeric(v) for v in _norm(head[0])):
                    return h
    return 0


Tail = list[tuple[int, float, float]]  # (column, x0, x1) of each cell in a table's last row


def _tail(table: dict[str, Any]) -> Tail | None:
    spans = table.get("spans")
    if not spans:
        return None
    return [(c, s[0], s[1]) for c, s in enumerate(spans[table["numbers"][-1] - 1]) if s is not None]


def _realign(table: dict[str, Any], tail: Tail | None, width: int, tol: float = 2.0) -> list[list[Any]] | None:
    """A continuation whose ruling splits the columns differently from the page before
    (Cumbria's page 3 draws 21 cells a row where page 2 has 9), put into the previous
    table's columns.

    Each cell must lie within one cell of the previous table's last row, the tables' outer
    edges must line up, and no two filled cells may land in the same column: anything else
    is a different table, and None says so. The last row is the reference because its cells
    are where the figures sit; header rows are often split differently."""
    spans = table.get("spans")
    if not spans or not tail:
        return None
    x0, _, x1, _ = table["bbox"]
    if abs(x0 - tail[0][1]) > tol or abs(x1 - tail[-1][2]) > tol:
        return None
    out: list[list[Any]] = []
    for row, n in zip(table["rows"], table["numbers"], strict=True):
        new: list[Any] = [None] * width
        for value, span in zip(row, spans[n - 1], strict=False):
            if span is None:
                continue
            col = next((c for c, c0, c1 in tail if span[0] >= c0 - tol and span[1] <= c1 + tol), None)
            if col is None or (value is not None and new[col] is not None):
                return None
            if value is not None:
                new[col] = value
        out.append(new)
    return out


def _repeats(rows: list[list[Any]], text: str) -> bool:
    """True when a line of these rows is also on the other page: a letterhead's telephone
    numbers, not the rows a table spilled."""
    flat = "".join(text.split())
    return any("".join(str(v) for v in row if v is not None).replace(" ", "") in flat for row in rows if any(row))


def _realign_text(table: dict[str, Any], cols: list[tuple[float, float]]) -> list[list[Any]] | None:
    """A continuation of a table without rules whose columns came out differently (an empty
    column on one page, a wider label on the other), put into the previous part's columns by
    where its columns sit. None when two of its columns land in one, or one lies clear of
    every column there: a different table."""
    mine = table["cols"]
    place: list[int] = []
    for c0, c1 in mine:
        overlaps = [min(c1, d1) - max(c0, d0) for d0, d1 in cols]
        best = max(range(len(cols)), key=lambda k: overlaps[k])
        if overlaps[best] <= 0:
            return None
        place.append(best)
    if len(set(place)) != len(place):
        return None
    out = []
    for row in table["rows"]:
        new: list[Any] = [None] * len(cols)
        for value, col in zip(row, place, strict=True):
            new[col] = value
        out.append(new)
    return out


def _build_grids(pages: list[dict[str, Any]]) -> list[Grid]:
    grids: list[Grid] = []
    open_grid: Grid | None = None  # the last table of the previous page, if it may continue
    open_tail: Tail | None = None  # its last row's cells, in its columns
    open_cols: list[tuple[float, float]] | None = None  # a text table's column extents
    prev: dict[str, Any] | None = None
    for res in pages:
        tables = res["tables"]
        if any(t.get("fragment") for t in tables):
            # Lines of figures on a letterhead (telephone numbers) repeat what the page before
            # has; the rows a table spilled do not.
            before = prev["text"] if prev is not None else ""
            tables = [t for t in tables if not t.get("fragment") or (
                open_grid is not None
                and not _repeats(t["rows"][_repeated_header(open_grid.rows, t["rows"]):], before))]
        first = min(range(len(tables)), key=lambda k: tables[k]["bbox"][1]) if tables else -1
        above = tables[first].get("above", res["above"]) if tables else res["above"]
        last = max(range(len(tables)), key=lambda k: tables[k]["bbox"][3]) if tables else -1
        carry: Grid | None = None
        carry_tail: Tail | None = None
        carry_cols: list[tuple[float, float]] | None = None
        for t_no, table in enumerate(tables, start=1):
            rows = table["rows"]
            tail = _tail(table)
            cont: list[list[Any]] | None = None
            if (
                t_no - 1 == first and open_grid is not None and prev is not None
                and prev["page"] + 1 == res["page"]
                and _furniture_only(above, prev["text"].splitlines()[: len(above) + 3])
                and _furniture_only(prev["below"], res["text"].splitlines()[-(len(prev["below"]) + 3):])
            ):
                if _width(rows) == _width(open_grid.rows):
                    cont = rows
                elif table.get("cols") and open_cols:
                    cont = _realign_text(table, open_cols)
                else:
                    cont = _realign(table, open_tail, _width(open_grid.rows))
                    if cont is not None:
                        tail = open_tail  # its rows are now in the previous table's columns
            if open_grid is not None and cont is not None:
                skip = _repeated_header(open_grid.rows, cont)
                grid = open_grid
                grid.rows.extend(cont[skip:])
                assert grid.row_numbers is not None and grid.pages is not None
                grid.row_numbers.extend(table["numbers"][skip:])
                grid.pages.extend([res["page"]] * (len(cont) - skip))
            elif table.get("fragment"):
                continue  # a line or two of figures that continue nothing: not a table
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
                carry, carry_tail = grid, tail
                carry_cols = open_cols if cont is not None else table.get("cols")
        open_grid, open_tail, open_cols = carry, carry_tail, carry_cols
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
        if n_pages > MAX_PAGES:
            raise _TooLarge(n_pages)
        if workers is None:
            workers = min(WORKERS, os.cpu_count() or 1)
        if workers <= 1 or n_pages <= PARALLEL_MIN_PAGES:
            return _process_pages(pdf, range(n_pages))
    # Each worker opens the file once; the pages go out in small contiguous chunks so a
    # worker slowed by other load on the machine doesn't leave the other idle at the end.
    ranges = _chunks(n_pages, workers * CHUNKS_PER_WORKER)
    with ProcessPoolExecutor(max_workers=workers, initializer=_init_worker, initargs=(str(path),)) as pool:
        parts = pool.map(_process_chunk, *zip(*ranges, strict=True))
        return [page for part in parts for page in part]


class _TooLarge(Exception):
    def __init__(self, pages: int) -> None:
        super().__init__(pages)
        self.pages = pages


def read_pdf(path: Path, workers: int | None = None) -> ReadResult:
    from pdfplumber.utils.exceptions import PdfminerException

    try:
        pages = extract_pages(path, workers)
    except _TooLarge as exc:
        return _err(path, f"too large to read: {exc.pages:,} pages (limit {MAX_PAGES:,}); ask the force for the "
                          "figures as xlsx or CSV")
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
