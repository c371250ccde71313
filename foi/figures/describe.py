"""`foi tables`: how foi reads a file, table by table.

For each table found in each grid of a file: every row with its role and every column with
its role, header cells and the dimension its labels or headers were recognised as. Rows are
numbered as the user sees them: the sheet's row number, or for CSV the 1-based CSV record
number (a record can span several physical lines); columns are the sheet's 1-based column
numbers. `table_index` counts the tables of one sheet (or PDF page, or document) from 1.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from foi.errors import FoiError

__all__ = ["describe_file", "describe_files", "describe_grid", "row_runs"]

# Distinct labels of a column handed to `recognise`: enough to decide, cheap on long tables.
MAX_LABELS = 200


def describe_files(paths: Iterable[Path | str]) -> list[dict[str, Any]]:
    """`describe_file` for each path, in order; the first bad file stops with a FoiError."""
    return [describe_file(p) for p in paths]


def describe_file(path: Path | str) -> dict[str, Any]:
    """{"file", "tables": [...]} for one file; FoiError when it is missing or unreadable."""
    from foi.readers import read_file

    path = Path(path)
    if not path.exists():
        raise FoiError(f"{path}: no such file. Check the path.")
    if path.is_dir():
        raise FoiError(f"{path}: is a folder, not a file. Give the files in it instead.")
    result = read_file(path)
    if result.status == "error":
        raise FoiError(f"{path}: {result.error}")
    tables: list[dict[str, Any]] = []
    per_place: dict[tuple[Any, Any], int] = {}
    for grid in result.tables:
        for table in describe_grid(grid):
            place = (table["sheet"], table["page"])
            per_place[place] = per_place.get(place, 0) + 1
            table["table_index"] = per_place[place]
            tables.append(table)
    out: dict[str, Any] = {"file": str(path), "tables": tables}
    if result.status != "ok":
        out["status"] = result.status
    return out


def describe_grid(grid: Any) -> list[dict[str, Any]]:
    """The tables of one grid, as `foi tables --json` shows them (table_index 1, 2, ... here)."""
    from foi.figures.layout import find_tables

    layouts = find_tables(grid)
    is_csv = getattr(grid, "name", None) == "csv"
    row_numbers = None if is_csv else getattr(grid, "row_numbers", None)
    col_numbers = getattr(grid, "col_numbers", None)
    pages = getattr(grid, "pages", None)
    recognise = _recogniser()

    def row_no(r: int) -> int:
        return row_numbers[r] if row_numbers is not None else r + 1

    def col_no(c: int) -> int:
        return col_numbers[c] if col_numbers is not None and c < len(col_numbers) else c + 1

    out = []
    for index, layout in enumerate(layouts, start=1):
        rows: list[dict[str, Any]] = []
        for i, role in enumerate(layout.roles):
            r = layout.start + i
            entry: dict[str, Any] = {"row": row_no(r), "role": role}
            if pages is not None and r < len(pages):
                entry["page"] = pages[r]
            rows.append(entry)
        columns = []
        dims = _dimensions(grid, layout, recognise)
        for col in layout.columns:
            columns.append({"col": col_no(col.col), "header_rows": [row_no(h) for h in col.header_rows],
                            "role": col.role, "dimension": dims.get(col.col), "header": list(col.header)})
        table: dict[str, Any] = {
            "sheet": getattr(grid, "sheet", None),
            "page": getattr(grid, "page", None),
            "table_index": index,
            "kind": layout.kind,
            "rows": rows,
            "columns": columns,
        }
        if layout.doubts:
            table["doubts"] = list(layout.doubts)
        out.append(table)
    return out


def _recogniser() -> Any:
    """`foi.figures.coding.recognise` once the coding stage provides it, else None."""
    try:
        from foi.figures.coding import recognise  # type: ignore[attr-defined]
    except ImportError:
        return None
    return recognise


def _dimensions(grid: Any, layout: Any, recognise: Any) -> dict[int, str | None]:
    """Column -> recognised dimension: a label column by its header and labels; a value column
    by the header text right above its figures ("2019/20" -> period, "Female" -> sex), or,
    when that alone says nothing, by the texts beside it in the same header row."""
    if recognise is None:
        return {}
    from foi.figures._layout_cells import text_of

    rows = grid.rows
    data_rows = [layout.start + i for i, role in enumerate(layout.roles) if role in ("data", "total")]
    out: dict[int, str | None] = {}
    by_row: dict[int, list[int]] = {}
    for col in layout.columns:
        if col.role == "label":
            labels = _distinct(text_of(rows[r][col.col]) for r in data_rows if col.col < len(rows[r]))
            header = " ".join(col.header) if col.header else None
            out[col.col] = _dimension(recognise, header, labels)
        elif col.role in ("value", "total") and col.header:
            out[col.col] = _dimension(recognise, None, [col.header[-1]])
            if out[col.col] is None and col.header_rows:
                by_row.setdefault(col.header_rows[-1], []).append(col.col)
    for h, cols in by_row.items():
        dim = _dimension(recognise, None, _distinct(text_of(rows[h][c]) for c in cols))
        for c in cols:
            out[c] = dim
    return out


def _distinct(texts: Iterable[str]) -> list[str]:
    seen: dict[str, None] = {}
    for t in texts:
        if t and t not in seen:
            seen[t] = None
            if len(seen) >= MAX_LABELS:
                break
    return list(seen)


def _dimension(recognise: Any, header: str | None, labels: Sequence[str]) -> str | None:
    if not labels and not header:
        return None
    found = recognise(header, labels)
    return getattr(found, "dimension", None) or None


def row_runs(rows: Sequence[dict[str, Any]]) -> list[tuple[int, int, str]]:
    """Consecutive rows with the same role: [(first row, last row, role), ...]."""
    runs: list[tuple[int, int, str]] = []
    for entry in rows:
        r, role = entry["row"], entry["role"]
        if runs and runs[-1][2] == role and runs[-1][1] + 1 == r:
            runs[-1] = (runs[-1][0], r, role)
        else:
            runs.append((r, r, role))
    return runs
