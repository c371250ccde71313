"""A table's figures -> rows of `figure_cells` and `figure_labels`, and the INSERTs that store them.

`Coder` turns each figure's period, offence and outcome into its document's numbered labels
(with dates and Home Office codes) and builds the rows: from Records one at a time, or from a
Block (the plain leading rows of a long table) a column at a time. `replace_figures` stores a
document's rows. A 200,000-row reply goes through here, so the hot paths stay in C: memo lookups
through a dict's own `__getitem__`, columns zipped rather than rows looped, values common to a
block written into the statement once, many rows to a statement.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass, field
from itertools import chain, islice, repeat
from operator import itemgetter
from typing import Any, NamedTuple

from foi.db import FIGURE_CELL_COLUMNS, FIGURE_LABEL_COLUMNS, nulls_bound_directly

# Rows per INSERT statement when storing figures (bench/bench_parse.py: 100 took a quarter off
# storing 200,000 figures; 1,000 was slower again).
ROWS_PER_INSERT = 100


class Same(NamedTuple):
    """One value for every row of a block column."""

    value: Any


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


@dataclass
class FigureRows:
    """figure_cells rows to insert: each row holds the `varying` columns; every row has the
    values in `fixed`, and, with `location_prefix`, the location "<prefix><row_num>"."""

    varying: tuple[str, ...]
    rows: list[tuple[Any, ...]]
    fixed: dict[str, Any] = field(default_factory=dict)
    location_prefix: str | None = None

    def suppressed(self) -> int:
        if "suppressed" in self.fixed:
            return len(self.rows) if self.fixed["suppressed"] is not None else 0
        markers = list(map(itemgetter(self.varying.index("suppressed")), self.rows))
        return len(markers) - markers.count(None)

    def insert(self, conn: sqlite3.Connection) -> None:
        """INSERT the rows, in order, ROWS_PER_INSERT to a statement."""
        per = max(1, min(ROWS_PER_INSERT, conn.getlimit(sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER) // len(self.varying)))
        whole = len(self.rows) - len(self.rows) % per
        if whole:
            rows = iter(self.rows)  # the chunks take the first `whole` rows
            chunks = (tuple(chain.from_iterable(islice(rows, per))) for _ in range(whole // per))
            conn.executemany(self._sql(per), chunks)
        if whole < len(self.rows):
            conn.executemany(self._sql(1), self.rows[whole:])

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


class Coder:
    """One document's labels (numbered, with period dates and Home Office codes) and its figures
    as database rows.

    Runs once per figure (200,000 for a big spreadsheet), so every label-level answer is cached:
    a reply has thousands of figures but only dozens of distinct labels.
    """

    def __init__(self, schema: Any) -> None:
        by_kind: dict[str, str] = {}
        for dimension in schema.dimensions:
            by_kind.setdefault(dimension.kind, dimension.name)
        self.period_dim = by_kind.get("period")
        self.offence_dim = by_kind.get("offence")
        self.outcome_dim = by_kind.get("outcome")
        # Dimensions with columns of their own are not repeated in `dims`.
        self.own_columns = {self.period_dim, self.offence_dim, self.outcome_dim} - {None}
        self.quoted: dict[str, str] = {}
        self.key_order: dict[tuple[str, ...], tuple[str, ...]] = {}
        from foi.codes import offence_code, outcome_code
        from foi.figures._tablerows import Memo

        # This document's labels (figure_labels rows, numbered by position) and, per label text,
        # its number: a figure stores three small numbers instead of seven texts.
        self.labels: list[tuple[str, str | None, str | None, str | None, str | None]] = []
        self.numbers: dict[tuple[str, str | None, str | None, str | None, str | None], int] = {}
        self.period_ns: dict[str, int | None] = Memo(lambda label: self.number("period", label, None, *_span(label)))
        self.offence_ns: dict[str, int | None] = Memo(
            lambda label: self.number("offence", label, offence_code(label) if label else None))
        self.outcome_ns: dict[str, int | None] = Memo(
            lambda label: self.number("outcome", label, outcome_code(label) if label else None))
        self.first_seen: dict[tuple[tuple[str, str], ...], str] = {}
        self.tables: list[tuple[list[Any], Callable[[int, int], str]]] = []
        self.duplicates: list[str] = []

    def number(self, dimension: str, label: str | None, code: str | None, start: str | None = None,
               end: str | None = None) -> int | None:
        """The number of this label among the document's labels (None for no label at all)."""
        key = (dimension, label, code, start, end)
        if label is None and code is None and start is None and end is None:
            return None
        n = self.numbers.get(key)
        if n is None:
            n = self.numbers[key] = len(self.labels)
            self.labels.append(key)
        return n

    def _json(self, dims: dict[str, str]) -> str:
        """json.dumps of the dimensions without a column of their own, keys sorted, built from
        cached pieces."""
        keys = tuple(dims)
        order = self.key_order.get(keys)
        if order is None:
            order = self.key_order[keys] = tuple(sorted(k for k in keys if k not in self.own_columns))
        if not order:
            return "{}"
        quoted = self.quoted
        parts = []
        for key in order:
            for text in (key, dims[key]):
                if text not in quoted:
                    quoted[text] = json.dumps(text, ensure_ascii=False)
            parts.append(f"{quoted[key]}: {quoted[dims[key]]}")
        return "{" + ", ".join(parts) + "}"

    def rows(self, document: dict[str, Any], grid: Any, records: list[Any]) -> FigureRows:
        locate = locator(grid)
        period_ns, offence_ns, outcome_ns = self.period_ns, self.offence_ns, self.outcome_ns
        row_numbers, col_numbers, pages = grid.row_numbers, grid.col_numbers, grid.pages
        doc_id = document["id"]
        sheet_period: list[int | None] = []  # numbered when a figure first needs it
        out = []
        for record in records:
            dims = record.dims
            period_label = dims.get(self.period_dim) if self.period_dim else None
            if period_label:
                period_n = period_ns[period_label]
            else:
                if not sheet_period:
                    start, end, label = self._sheet_period(grid)
                    sheet_period.append(self.number("period", label, None, start, end))
                period_n = sheet_period[0]
            offence = dims.get(self.offence_dim) if self.offence_dim else None
            outcome = dims.get(self.outcome_dim) if self.outcome_dim else None
            r, c = record.row, record.col
            out.append((
                doc_id, period_n, None if offence is None else offence_ns[offence],
                None if outcome is None else outcome_ns[outcome],
                record.value, record.suppressed, self._json(dims),
                grid.sheet, pages[r] if pages else grid.page, grid.table_index,
                row_numbers[r] if row_numbers else r + 1, col_numbers[c] if col_numbers else c + 1,
                locate(r, c), record.raw,
            ))
        return FigureRows(FIGURE_CELL_COLUMNS, out)

    def block_rows(self, document: dict[str, Any], grid: Any, block: Any) -> FigureRows:
        """The database rows of a Block, built a column at a time: the same rows `rows` would
        build from the block's Records, in the same order, without a Python step per figure.
        What is the same in every row (the sheet, the table, often the column) is left out of
        the rows and written into the INSERT once; a cell reference is built by SQLite."""
        from foi.readers import col_letter

        n = block.stop - block.start
        by_key = dict(zip(block.keys, block.labels, strict=True))
        # Memo lookups: a dict's own __getitem__, so Python runs only for a label not seen before.
        numbers = {self.period_dim: self.period_ns.__getitem__, self.offence_dim: self.offence_ns.__getitem__,
                   self.outcome_dim: self.outcome_ns.__getitem__}
        row_numbers, col_numbers, pages = grid.row_numbers, grid.col_numbers, grid.pages
        nums = row_numbers[block.start:block.stop] if row_numbers else list(range(block.start + 1, block.stop + 1))
        prefix = cell_prefix(grid)
        # Per block column: each database column's values, a list or Same(value) for all rows.
        per_column: list[dict[str, Any]] = []
        for column in block.columns:
            dims = {**dict.fromkeys(block.keys, ""), **column.dims}

            def label_numbers(dim: str | None, column: Any = column, dims: dict[str, str] = dims) -> Any:
                """Each row's label number in a dimension with a column of its own."""
                if dim is None or dim not in dims:
                    return Same(None)
                if dim in column.dims:
                    return Same(numbers[dim](column.dims[dim]))
                return list(map(numbers[dim], by_key[dim]))

            out: dict[str, Any] = {"document_id": Same(document["id"])}
            if self.period_dim in dims:
                out["period_n"] = label_numbers(self.period_dim)
            else:
                start, end, label = self._sheet_period(grid)
                out["period_n"] = Same(self.number("period", label, None, start, end))
            out["offence_n"] = label_numbers(self.offence_dim)
            out["outcome_n"] = label_numbers(self.outcome_dim)
            others = [k for k in sorted(dims) if k not in self.own_columns]
            if not others:
                out["dims"] = Same("{}")
            elif all(k in column.dims for k in others):
                out["dims"] = Same(self._json(dims | column.dims))
            else:
                out["dims"] = [self._json(dict(zip(others, values, strict=True))) for values in zip(
                    *[by_key[k] if k in by_key else repeat(column.dims[k], n) for k in others], strict=True)]
            col_num = col_numbers[column.col] if col_numbers else column.col + 1
            if prefix is not None:
                out["location"] = Same(f"{prefix}{col_letter(col_num)}")  # + the row number
            else:
                out["location"] = [grid.location(r, column.col) for r in range(block.start, block.stop)]
            out.update(value=column.values, suppressed=column.suppressed, sheet=Same(grid.sheet),
                       page=pages[block.start:block.stop] if pages else Same(grid.page),
                       table_index=Same(grid.table_index), row_num=nums, col_num=Same(col_num), raw=column.raws)
            per_column.append(out)

        fixed = {name: per_column[0][name].value for name in FIGURE_CELL_COLUMNS
                 if name != "location" and _same_in_all(per_column, name)}
        location_prefix = None
        if prefix is not None:
            if _same_in_all(per_column, "location") and "row_num" not in fixed:
                location_prefix = per_column[0]["location"].value
            else:  # several columns of cell references: each row's is built here
                for out in per_column:
                    out["location"] = list(map(out["location"].value.__add__, map(str, nums)))
        varying = tuple(name for name in FIGURE_CELL_COLUMNS
                        if name not in fixed and not (name == "location" and location_prefix is not None))
        built = []
        for out, column in zip(per_column, block.columns, strict=True):
            rows: Any = zip(*[repeat(v.value, n) if isinstance(v := out[name], Same) else v for name in varying],
                            strict=True)
            if column.present is None:
                built.append(list(rows))
            else:
                built.append([t if keep else None for t, keep in zip(rows, column.present, strict=True)])
        if len(built) == 1:
            rows_out = built[0] if block.columns[0].present is None else [t for t in built[0] if t]
        else:  # row by row, columns left to right, as the Records come
            rows_out = [t for t in chain.from_iterable(zip(*built, strict=True)) if t]
        return FigureRows(varying, rows_out, fixed, location_prefix)

    def _sheet_period(self, grid: Any) -> tuple[str | None, str | None, str | None]:
        from foi.periods import parse_period

        found = parse_period(grid.sheet) if grid.sheet else None
        return (found.start.isoformat(), found.end.isoformat(), found.label) if found else (None, None, None)

    def note_duplicates(self, table: Any, locate: Callable[[int, int], str]) -> None:
        """The same figure in two tables of one file (a summary sheet and a detail sheet, say)
        must not be counted twice silently; within one table, tables.understand checks.
        The index is built only once a second table has figures: most files have one."""
        if not table.records and not table.blocks:
            return
        self.tables.append((table, locate))
        if len(self.tables) < 2:
            return
        first_seen = self.first_seen
        if not first_seen:
            for earlier, earlier_locate in self.tables[:-1]:
                for record in earlier.figures():
                    first_seen.setdefault(tuple(record.dims.items()), earlier_locate(record.row, record.col))
        for record in table.figures():
            key = tuple(record.dims.items())
            where = first_seen.get(key)
            if where is not None and len(self.duplicates) <= 20:
                self.duplicates.append(f"the figure for {_describe(record.dims)} appears twice: {where} "
                                       f"and {locate(record.row, record.col)}")
            first_seen.setdefault(key, locate(record.row, record.col))

    def duplicate_warnings(self) -> list[str]:
        shown = self.duplicates[:20]
        return shown + (["... and more figures that appear twice"] if len(self.duplicates) > 20 else [])


def _span(label: str) -> tuple[str | None, str | None]:
    """A period label's first and last day, ISO, or (None, None) when it isn't a period."""
    from foi.periods import parse_period

    found = parse_period(label)
    return (found.start.isoformat(), found.end.isoformat()) if found else (None, None)


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


def _describe(dims: dict[str, str]) -> str:
    return ", ".join(f"{k}={v}" for k, v in dims.items())


def replace_figures(conn: sqlite3.Connection, document_id: int, labels: list[tuple[Any, ...]],
                    parts: list[FigureRows]) -> None:
    """Swap the document's stored figures and labels for these; the caller holds the transaction."""
    with nulls_bound_directly():
        conn.execute("DELETE FROM figure_cells WHERE document_id = ?", (document_id,))
        conn.execute("DELETE FROM figure_labels WHERE document_id = ?", (document_id,))
        conn.executemany(f"INSERT INTO figure_labels ({', '.join(FIGURE_LABEL_COLUMNS)}) "
                         f"VALUES ({', '.join('?' for _ in FIGURE_LABEL_COLUMNS)})",
                         [(document_id, n, *label) for n, label in enumerate(labels)])
        for part in parts:
            part.insert(conn)
