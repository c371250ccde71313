"""Stage 5: observations -> rows of `figure_cells` and `figure_labels` (schema 5), and the INSERTs.

`table_rows` turns a table's figures (held column by column by `rows`) into database rows without a
Python step per figure: what is the same for every figure of a table (its document, sheet, often
its column and labels) is written into the INSERT once, a cell reference is built by SQLite, and
the columns are zipped rather than looped. `replace_figures` swaps a document's figures and labels.
A 200,000-row reply goes through here; many rows go to one statement.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from heapq import merge
from itertools import chain, compress, islice, repeat
from operator import itemgetter, ne
from typing import Any

from foi.db import FIGURE_CELL_COLUMNS, FIGURE_LABEL_COLUMNS, nulls_bound_directly
from foi.figures.rows import Label, Same, TableFigures

# Rows per INSERT statement when storing figures (bench/bench_parse.py: 100 took a quarter off
# storing 200,000 figures; 1,000 was slower again).
ROWS_PER_INSERT = 100


def literal(value: Any) -> str | None:
    """`value` as an SQL literal, or None where it is better bound (a float, a NUL in text)."""
    if value is None:
        return "NULL"
    if type(value) is int:
        return str(value)
    if type(value) is str and "\x00" not in value:
        return "'" + value.replace("'", "''") + "'"
    return None


def _same_in_all(per_column: list[dict[str, Any]], name: str) -> bool:
    """Whether database column `name` has one value, writable as a literal, in every block column."""
    first = per_column[0][name]
    return (isinstance(first, Same) and literal(first.value) is not None
            and all(isinstance(v := out[name], Same) and type(v.value) is type(first.value)
                    and v.value == first.value for out in per_column))


class ColumnRows:
    """Rows held as their columns (a list per column, or Same(v) for every row), zipped into tuples
    only while they are inserted: a long table's rows never exist as a list of tuples at once."""

    def __init__(self, columns: list[Any], n: int) -> None:
        if any(not isinstance(c, Same) and len(c) != n for c in columns):
            raise ValueError("columns differ in length")
        self.columns = columns
        self.n = n

    def __len__(self) -> int:
        return self.n

    def __iter__(self) -> Iterator[tuple[Any, ...]]:
        return zip(*[repeat(c.value, self.n) if isinstance(c, Same) else c for c in self.columns], strict=True)


@dataclass
class FigureRows:
    """figure_cells rows to insert: each row holds the `varying` columns; every row has the
    values in `fixed`, and, with `location_prefix`, the location "<prefix><row_num>"."""

    varying: tuple[str, ...]
    rows: list[tuple[Any, ...]] | ColumnRows
    fixed: dict[str, Any] = field(default_factory=dict)
    location_prefix: str | None = None

    def _values(self, name: str) -> Any:
        """Column `name` of the rows: a list, or Same(v)."""
        at = self.varying.index(name)
        if isinstance(self.rows, ColumnRows):
            return self.rows.columns[at]
        return list(map(itemgetter(at), self.rows))

    def suppressed(self) -> int:
        if "suppressed" in self.fixed:
            return len(self.rows) if self.fixed["suppressed"] is not None else 0
        markers = self._values("suppressed")
        if isinstance(markers, Same):
            return len(self.rows) if markers.value is not None else 0
        return len(markers) - markers.count(None)

    def count(self, name: str, value: Any) -> int:
        """How many rows have `value` in column `name`."""
        if name in self.fixed:
            return len(self.rows) if self.fixed[name] == value else 0
        values = self._values(name)
        if isinstance(values, Same):
            return len(self.rows) if values.value == value else 0
        return values.count(value)

    def insert(self, conn: sqlite3.Connection) -> None:
        """INSERT the rows, in order, ROWS_PER_INSERT to a statement."""
        per = max(1, min(ROWS_PER_INSERT, conn.getlimit(sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER) // len(self.varying)))
        n = len(self.rows)
        whole = n - n % per
        if isinstance(self.rows, ColumnRows):
            # Held as columns: each statement's values are sliced out of the columns, no tuple per row.
            columns = [c if isinstance(c, Same) else _nulls_as_nan(conn, c) for c in self.rows.columns]
            if whole:
                conn.executemany(self._sql(per), _statement_values(columns, whole, per))
            if whole < n:
                conn.executemany(self._sql(1), zip(*[repeat(c.value, n - whole) if isinstance(c, Same) else
                                                     c[whole:] for c in columns], strict=True))
            return
        rows = iter(self.rows)  # the chunks take the first `whole` rows, single rows the rest
        if whole:
            chunks = (tuple(chain.from_iterable(islice(rows, per))) for _ in range(whole // per))
            conn.executemany(self._sql(per), chunks)
        if whole < n:
            conn.executemany(self._sql(1), rows)

    def _sql(self, rows: int) -> str:
        # Binding a value costs about what SQLite takes to store it, so a value common to all rows
        # is written into the statement once (only ints and quoted text: see literal); and a
        # statement step costs about a row's binding, so one statement carries many rows.
        names = [*self.fixed, *self.varying]
        fixed = [str(literal(v)) for v in self.fixed.values()]
        at = self.varying.index("row_num") if self.location_prefix is not None else -1
        if at >= 0:
            names.append("location")
        width = len(self.varying)
        values = []
        for k in range(rows):
            row = [*fixed, *(f"?{k * width + i}" for i in range(1, width + 1))]
            if at >= 0:
                row.append(f"{literal(self.location_prefix)} || ?{k * width + at + 1}")
            values.append(f"({', '.join(row)})")
        return f"INSERT INTO figure_cells ({', '.join(names)}) VALUES {', '.join(values)}"


# Statements' values made at once from the columns: this many statements' worth at a time.
_STATEMENTS_PER_BLOCK = 64
# Values looked at to guess whether a column holds NULLs (a guess: only the cost depends on it).
_NULL_SAMPLE = 256
_NAN = float("nan")
_none_as_nan = {None: _NAN}.get
_nan_is_null: bool | None = None


def _nulls_as_nan(conn: sqlite3.Connection, values: list[Any]) -> list[Any]:
    """`values` with None written as a float NaN, when it holds Nones. SQLite stores a NaN as NULL
    (it keeps no NaN), and binding a float costs a fifth of binding None (which goes through the
    sqlite3 module's adapter lookup): a long reply's columns of absent markers and raw texts are
    mostly None. Checked once against the SQLite in use; left as they are if it ever kept a NaN."""
    global _nan_is_null
    if None not in values[:_NULL_SAMPLE]:
        return values
    if _nan_is_null is None:
        _nan_is_null = conn.execute("SELECT ? IS NULL", (_NAN,)).fetchone()[0] == 1
    return list(map(_none_as_nan, values, values)) if _nan_is_null else values


def _statement_values(columns: list[Any], rows: int, per: int) -> Iterator[list[Any]]:
    """The values of the statements that take the first `rows` rows (a multiple of `per`), row by row
    and in each row column by column: sliced into one flat list per block of statements, in C."""
    width = len(columns)
    block = per * _STATEMENTS_PER_BLOCK
    step = per * width
    for start in range(0, rows, block):
        stop = min(rows, start + block)
        flat: list[Any] = [None] * ((stop - start) * width)
        for j, column in enumerate(columns):
            flat[j::width] = [column.value] * (stop - start) if isinstance(column, Same) else column[start:stop]
        for k in range(0, len(flat), step):
            yield flat[k:k + step]


def table_rows(document_id: int, tf: TableFigures) -> FigureRows:
    """The figure_cells rows of one table's figures: row by row, columns left to right."""
    from foi.readers import col_letter

    grid = tf.grid
    columns = tf.columns
    row_numbers, col_numbers, pages = grid.row_numbers, grid.col_numbers, grid.pages
    prefix = cell_prefix(grid)
    per_column: list[dict[str, Any]] = []
    for column in columns:
        rows = column.rows
        nums = list(map(row_numbers.__getitem__, rows)) if row_numbers else [r + 1 for r in rows]
        col_num = col_numbers[column.col] if col_numbers else column.col + 1
        out: dict[str, Any] = {"document_id": Same(document_id)}
        for slot in ("period", "offence", "outcome", "body"):
            out[f"{slot}_n"] = column.slots.get(slot, Same(None))
        if prefix is not None:
            out["location"] = Same(f"{prefix}{col_letter(col_num)}")  # + the row number
        else:
            out["location"] = [grid.location(r, column.col) for r in rows]
        out.update(labels=column.extra, value=column.values, suppressed=column.suppressed, unit=column.units,
                   total=column.total, note=column.notes, sheet=Same(grid.sheet),
                   page=[pages[r] for r in rows] if pages else Same(grid.page), table_index=Same(grid.table_index),
                   row_num=nums, col_num=Same(col_num), raw=stored_raws(column.raws, column.values))
        per_column.append(out)
    fixed = {name: per_column[0][name].value for name in FIGURE_CELL_COLUMNS
             if name != "location" and _same_in_all(per_column, name)}
    location_prefix = None
    if prefix is not None:
        if _same_in_all(per_column, "location") and "row_num" not in fixed:
            location_prefix = per_column[0]["location"].value
        else:  # several columns of cell references: each row's is built here
            for out in per_column:
                out["location"] = list(map(out["location"].value.__add__, map(str, out["row_num"])))
    varying = tuple(name for name in FIGURE_CELL_COLUMNS
                    if name not in fixed and not (name == "location" and location_prefix is not None))
    if len(columns) == 1:   # one value column (a long table's usual shape): rows made while inserted
        return FigureRows(varying, ColumnRows([per_column[0][name] for name in varying], len(columns[0].rows)),
                          fixed, location_prefix)
    built = []
    for out, column in zip(per_column, columns, strict=True):
        n = len(column.rows)
        built.append(list(zip(*[repeat(v.value, n) if isinstance(v := out[name], Same) else v for name in varying],
                              strict=True)))
    if all(column.rows == columns[0].rows for column in columns):
        rows_out = list(chain.from_iterable(zip(*built, strict=True)))
    else:  # columns with figures in different rows: merged by row, then column
        keyed = [zip(column.rows, repeat(k), figures) for k, (column, figures) in enumerate(zip(columns, built,
                                                                                                 strict=True))]
        rows_out = list(map(itemgetter(2), merge(*keyed)))
    return FigureRows(varying, rows_out, fixed, location_prefix)


def stored_raws(raws: list[str], values: list[Any]) -> list[str | None]:
    """The raw texts to store: NULL where the cell held a whole number written plainly ("123"), which
    the `figures` view writes back from the value (a third of the time of storing a long table)."""
    if not set(map(type, values)) <= _INT_OR_NONE:
        # Floats among the values (1 == 1.0 as a key): decided row by row.
        return [None if v.__class__ is int and -PLAIN < v < PLAIN and raw == str(v) else raw
                for raw, v in zip(raws, values, strict=True)]
    # Whole numbers and blanks only: each distinct value's plain text once, compared in C per row;
    # Python runs only for the rows whose raw text is kept (markers, "1,234", "12r").
    plain = {v: str(v) if v is not None and -PLAIN < v < PLAIN else None for v in set(values)}
    if len(values) != len(raws):
        raise ValueError("raws and values differ in length")
    out: list[str | None] = [None] * len(raws)
    for i in compress(range(len(raws)), map(ne, raws, map(plain.__getitem__, values))):
        out[i] = raws[i]
    return out


# Whole numbers below this are exact as REAL, so their text comes back exactly.
PLAIN = 2**53
_INT_OR_NONE = frozenset((int, type(None)))


def label_rows(document_id: int, labels: list[Label]) -> list[tuple[Any, ...]]:
    """The document's figure_labels rows."""
    return [(document_id, n, label.header, label.dimension, label.text, label.code,
             label.start.isoformat() if label.start else None, label.end.isoformat() if label.end else None,
             int(label.aggregate), label.source, label.position, label.note) for n, label in enumerate(labels)]


def cell_prefix(grid: Any) -> str | None:
    """What comes before "B7" in a cell's location: "Data!" for a sheet, "" for a CSV; None where
    locations are not cell references (PDF, Word, HTML)."""
    if grid.sheet is not None:
        return grid.location(0, 0).rsplit("!", 1)[0] + "!"
    return "" if grid.name == "csv" and grid.pages is None else None


def locator(grid: Any) -> Callable[[int, int], str]:
    """grid.location, with a fast path for cell references ("Data!B7"), the common big case."""
    from foi.readers import col_letter

    prefix = cell_prefix(grid)
    if prefix is None:
        return grid.location
    row_numbers, col_numbers = grid.row_numbers, grid.col_numbers
    letters: dict[int, str] = {}

    def locate(r: int, c: int) -> str:
        letter = letters.get(c)
        if letter is None:
            letter = letters[c] = col_letter(col_numbers[c] if col_numbers else c + 1)
        return f"{prefix}{letter}{row_numbers[r] if row_numbers else r + 1}"

    return locate


@contextmanager
def references_checked_once(conn: sqlite3.Connection) -> Iterator[None]:
    """Around a transaction that stores one document's figures: SQLite's per-row foreign key check
    (each of 200,000 rows looking its document up: a tenth of storing them) is off, and
    `replace_figures` checks the one document they all reference instead. Set outside the
    transaction (SQLite ignores the pragma inside one, where the per-row check simply stays)."""
    was_on = conn.execute("PRAGMA foreign_keys").fetchone()[0]
    if was_on and not conn.in_transaction:
        conn.execute("PRAGMA foreign_keys = OFF")
    try:
        yield
    finally:
        if was_on and not conn.in_transaction:
            conn.execute("PRAGMA foreign_keys = ON")


def replace_figures(conn: sqlite3.Connection, document_id: int, labels: list[Label],
                    parts: list[FigureRows]) -> None:
    """Swap the document's stored figures and labels for these; the caller holds the transaction."""
    if not conn.execute("PRAGMA foreign_keys").fetchone()[0] and \
            conn.execute("SELECT 1 FROM documents WHERE id = ?", (document_id,)).fetchone() is None:
        # Every row below references this document (see references_checked_once).
        raise sqlite3.IntegrityError("FOREIGN KEY constraint failed")
    with nulls_bound_directly():
        conn.execute("DELETE FROM figure_cells WHERE document_id = ?", (document_id,))
        conn.execute("DELETE FROM figure_labels WHERE document_id = ?", (document_id,))
        conn.executemany(f"INSERT INTO figure_labels ({', '.join(FIGURE_LABEL_COLUMNS)}) "
                         f"VALUES ({', '.join('?' for _ in FIGURE_LABEL_COLUMNS)})", label_rows(document_id, labels))
        for part in parts:
            part.insert(conn)
