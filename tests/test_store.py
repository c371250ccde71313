"""Storing figures: what `FigureRows.insert` writes must be exactly what a plain row-by-row INSERT
of the same figures writes, whatever goes into the statement text (values common to every row,
cell references built by SQLite) and however many rows share a statement."""

from __future__ import annotations

import sqlite3
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from foi.db import FIGURE_CELL_COLUMNS, FIGURE_LABEL_COLUMNS, nulls_bound_directly
from foi.figures.storing import (
    ROWS_PER_INSERT,
    ColumnRows,
    FigureRows,
    literal,
    references_checked_once,
    replace_figures,
)

TEXT = st.one_of(st.text(max_size=12), st.sampled_from(["Kent's data", "a''b", "x\x00y", "'", "", "é–£"]))
VALUE = st.one_of(st.none(), st.integers(-(2**40), 2**40), st.floats(allow_nan=False), TEXT)


def _table() -> sqlite3.Connection:
    conn = sqlite3.connect(":memory:")
    columns = ", ".join("dims NOT NULL DEFAULT '{}'" if c == "dims" else c for c in FIGURE_CELL_COLUMNS)
    conn.execute(f"CREATE TABLE figure_cells (id INTEGER PRIMARY KEY, {columns})")
    return conn


def _stored(conn: sqlite3.Connection) -> list[tuple[Any, ...]]:
    return conn.execute(f"SELECT id, {', '.join(FIGURE_CELL_COLUMNS)} FROM figure_cells ORDER BY id").fetchall()


def _plain(rows: list[dict[str, Any]]) -> list[tuple[Any, ...]]:
    conn = _table()
    conn.executemany(f"INSERT INTO figure_cells ({', '.join(FIGURE_CELL_COLUMNS)}) "
                     f"VALUES ({', '.join('?' for _ in FIGURE_CELL_COLUMNS)})",
                     [tuple(row[c] for c in FIGURE_CELL_COLUMNS) for row in rows])
    return _stored(conn)


@st.composite
def figures(draw: st.DrawFn) -> tuple[list[dict[str, Any]], FigureRows]:
    """Rows, and the same rows as a FigureRows with some columns fixed and maybe a location prefix."""
    n = draw(st.integers(0, 2 * ROWS_PER_INSERT + 7))
    candidates = [c for c in FIGURE_CELL_COLUMNS if c not in ("row_num", "location")]
    fixed = {c: v for c in draw(st.sets(st.sampled_from(candidates)))
             if literal(v := draw(VALUE)) is not None and not (c == "dims" and v is None)}
    prefix = draw(st.one_of(st.none(), TEXT.filter(lambda t: literal(t) is not None)))
    varying = tuple(c for c in FIGURE_CELL_COLUMNS if c not in fixed and not (prefix is not None and c == "location"))
    rows = []
    for i in range(n):
        row = {c: draw(VALUE) for c in varying}
        row["row_num"] = i + 1 if prefix is not None else row["row_num"]
        if row.get("dims", "") is None:
            row["dims"] = "{}"  # NOT NULL
        row |= fixed
        if prefix is not None:
            row["location"] = f"{prefix}{row['row_num']}"
        rows.append(row)
    return rows, FigureRows(varying, [tuple(row[c] for c in varying) for row in rows], fixed, prefix)


@settings(max_examples=120, deadline=None)
@given(figures())
def test_figures_insert_stores_what_a_plain_insert_stores(case: tuple[list[dict[str, Any]], FigureRows]) -> None:
    rows, part = case
    conn = _table()
    with nulls_bound_directly():
        part.insert(conn)
    assert _stored(conn) == _plain(rows)


def test_a_low_bound_variable_limit_still_takes_every_row_in_order() -> None:
    # SQLite builds before 3.32 allow 999 bound values per statement: 18 columns x 100 rows won't fit.
    conn = _table()
    conn.setlimit(sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER, 999)
    rows = [{**dict.fromkeys(FIGURE_CELL_COLUMNS), "document_id": 1, "dims": "{}", "row_num": i, "value": i}
            for i in range(250)]
    FigureRows(FIGURE_CELL_COLUMNS, [tuple(r[c] for c in FIGURE_CELL_COLUMNS) for r in rows]).insert(conn)
    assert _stored(conn) == _plain(rows)


@pytest.mark.parametrize(("value", "expected"), [
    (None, "NULL"), (7, "7"), ("Kent's", "'Kent''s'"), ("", "''"),
    (True, None), (1.5, None), ("a\x00b", None), (b"x", None),
])
def test_only_ints_none_and_text_without_nul_go_into_the_statement(value: Any, expected: str | None) -> None:
    assert literal(value) == expected


def test_binding_none_fast_leaves_the_sqlite3_adapters_as_found() -> None:
    key = (type(None), sqlite3.PrepareProtocol)
    assert key not in sqlite3.adapters
    with nulls_bound_directly():
        assert key in sqlite3.adapters
    assert key not in sqlite3.adapters

    def theirs(value: None) -> str:
        return "theirs"

    sqlite3.register_adapter(type(None), theirs)
    try:
        with nulls_bound_directly():
            conn = sqlite3.connect(":memory:")
            assert conn.execute("SELECT ? IS NULL", (None,)).fetchone() == (1,)
        assert sqlite3.adapters[key] is theirs
    finally:
        del sqlite3.adapters[key]


def _workspace_tables() -> sqlite3.Connection:
    conn = sqlite3.connect(":memory:")
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute("CREATE TABLE documents (id INTEGER PRIMARY KEY)")
    conn.execute("INSERT INTO documents (id) VALUES (1)")
    columns = ", ".join(c for c in FIGURE_CELL_COLUMNS if c != "document_id")
    conn.execute(f"CREATE TABLE figure_cells (id INTEGER PRIMARY KEY, document_id INTEGER NOT NULL "
                 f"REFERENCES documents(id), {columns})")
    conn.execute(f"CREATE TABLE figure_labels (document_id INTEGER NOT NULL REFERENCES documents(id), "
                 f"{', '.join(c for c in FIGURE_LABEL_COLUMNS if c != 'document_id')})")
    return conn


@pytest.mark.parametrize("document_id", [1, 2])
def test_figures_of_a_missing_document_are_refused_with_the_per_row_check_off(document_id: int) -> None:
    # Storing turns SQLite's per-row foreign key check off and checks the one document instead: a
    # document that isn't there is refused as SQLite would, with nothing written, and the check is on after.
    conn = _workspace_tables()
    conn.isolation_level = None
    rows = [(i, "*" if i % 3 else None) for i in range(250)]
    part = FigureRows(("value", "suppressed"), rows, {"document_id": document_id})
    with references_checked_once(conn):
        assert conn.execute("PRAGMA foreign_keys").fetchone() == (0,)
        conn.execute("BEGIN")
        try:
            replace_figures(conn, document_id, [], [part])
        except sqlite3.IntegrityError:
            conn.execute("ROLLBACK")
            assert document_id == 2
        else:
            conn.execute("COMMIT")
            assert document_id == 1
    assert conn.execute("PRAGMA foreign_keys").fetchone() == (1,)
    stored = conn.execute("SELECT value, suppressed FROM figure_cells ORDER BY id").fetchall()
    assert stored == (rows if document_id == 1 else [])


def test_inside_a_transaction_the_per_row_check_stays_on() -> None:
    conn = _workspace_tables()
    conn.isolation_level = None
    conn.execute("BEGIN")
    with references_checked_once(conn):
        assert conn.execute("PRAGMA foreign_keys").fetchone() == (1,)
        with pytest.raises(sqlite3.IntegrityError):
            replace_figures(conn, 2, [], [FigureRows(("value",), [(1,)], {"document_id": 2})])
    conn.execute("ROLLBACK")
    assert conn.execute("PRAGMA foreign_keys").fetchone() == (1,)


def test_columns_mostly_null_store_null_not_nan() -> None:
    # Long columns with Nones are bound as NaN, which SQLite stores as NULL: the rows read back
    # exactly as a plain insert of None writes them.
    n = 2 * ROWS_PER_INSERT + 3
    markers = [None if i % 7 else "*" for i in range(n)]
    values = [None if m else i for i, m in enumerate(markers)]
    part = FigureRows(("value", "suppressed", "raw", "row_num"),
                      ColumnRows([values, markers, [None] * n, list(range(1, n + 1))], n), {"document_id": 1})
    conn = _table()
    with nulls_bound_directly():
        part.insert(conn)
    stored = conn.execute("SELECT value, suppressed, raw FROM figure_cells ORDER BY id").fetchall()
    assert stored == [(v, m, None) for v, m in zip(values, markers, strict=True)]
    types = set(conn.execute("SELECT typeof(value), typeof(raw) FROM figure_cells").fetchall())
    assert types == {("null", "null"), ("integer", "null")}
