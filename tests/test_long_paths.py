"""The long-table shortcuts give exactly what the plain per-row rules give.

Each shortcut (a C-level pass, a decision made on a column's distinct cells, rows zipped only while
they are inserted) is compared here with the rule written row by row, on generated columns that mix
the cases the shortcut must notice: blanks, short rows, text among figures, markers, floats beside
ints (1 == 1.0 as a dict key), booleans, numbers too big to round-trip through REAL.
"""

from __future__ import annotations

import sqlite3
from typing import Any

from hypothesis import example, given, settings
from hypothesis import strategies as st

from foi.db import FIGURE_CELL_COLUMNS, nulls_bound_directly
from foi.figures._cells import CellReader
from foi.figures._layout_cells import BLANK, NUMERIC, TEXT, kind
from foi.figures._layout_scan import FULL, HEAD, TAIL, Scan, _template, row_kinds
from foi.figures._observed import Same
from foi.figures.storing import PLAIN, ColumnRows, FigureRows, stored_raws

CELL = st.one_of(
    st.none(), st.integers(-5, 2100), st.sampled_from([1.0, 2.5, 2019.0, float("nan"), True]),
    st.sampled_from(["", "Burglary", "Adult caution", "2019", "*", "<5", "[x]", "(1)", "12%", "-", "z"]),
)


def _middle_by_rows(rows: list[list[Any]], tmpl: tuple[int, ...], width: int) -> list[tuple[int, ...]]:
    """Scan's check of a middle row, as first written: one row at a time (a value's kind looked up by
    value, as then: True and 1 are one key)."""
    nones = sum(1 for k in tmpl if k == BLANK)
    vcol = next((c for c, k in enumerate(tmpl) if k in NUMERIC), None)
    tcol = next((c for c, k in enumerate(tmpl) if k == TEXT), None)
    mid = [row + [None] * (width - len(row)) for row in rows[HEAD:len(rows) - TAIL]]
    vals = [row[vcol] if vcol is not None else 0 for row in mid]
    numeric = {v: kind(v) in NUMERIC for v in set(vals)}
    out = []
    for row, v in zip(mid, vals, strict=True):
        ok = row.count(None) == nones and numeric[v] and (tcol is None or type(row[tcol]) is str)
        out.append(tmpl if ok else row_kinds(row, width))
    return out


@settings(max_examples=60, deadline=None)
@given(template=st.lists(CELL, min_size=1, max_size=5), odd=st.lists(
    st.tuples(st.integers(HEAD, FULL + 200 - TAIL), st.integers(0, 5), CELL, st.booleans()), max_size=12),
    counts=st.lists(st.integers(0, 900), min_size=1, max_size=7))
@example(template=["Burglary"], odd=[(2500, 1, "Adult caution", False)], counts=[3])  # text among the figures
@example(template=["Burglary"], odd=[(3000, 0, 2019, False)], counts=[3])  # a number among the labels
@example(template=["Burglary", None], odd=[(2100, 1, 4, False)], counts=[3])  # a blank filled
def test_a_long_grids_middle_rows_get_the_kinds_a_row_by_row_check_gives(
        template: list[Any], odd: list[tuple[int, int, Any, bool]], counts: list[int]) -> None:
    template = [*template, 7]   # a figure in every template row
    rows = [[counts[i % len(counts)] if x == 7 and c == len(template) - 1 else x for c, x in enumerate(template)]
            for i in range(FULL + 201)]
    for at, col, cell, shorten in odd:
        # A middle row unlike the others: one cell changed (text where a figure was, a blank, a
        # number where a label was), or the row cut short.
        row = list(rows[at])
        if row:
            row[col % len(row)] = cell
        rows[at] = row[:-1] if shorten else row
    scan = Scan(rows)
    if not scan.sampled:
        return
    tmpl = _template(scan.kinds[:HEAD])
    assert tmpl is not None
    assert scan.kinds[HEAD:len(rows) - TAIL] == _middle_by_rows(rows, tmpl, scan.width)


@settings(max_examples=150, deadline=None)
@given(st.lists(st.one_of(
    st.tuples(st.integers(-(2**60), 2**60), st.sampled_from(["", "r", "0"])),
    st.tuples(st.sampled_from([PLAIN - 1, PLAIN, -PLAIN, -PLAIN + 1, 1, 2]), st.just("")),
    st.tuples(st.sampled_from([1.0, 2.0, 2.5, True, None]), st.sampled_from(["", "*"])),
), max_size=30))
def test_stored_raw_texts_are_decided_as_row_by_row(cases: list[tuple[Any, str]]) -> None:
    values = [v for v, _suffix in cases]
    raws = [(str(v) if v is not None else "*") + suffix for v, suffix in cases]
    expected = [None if v.__class__ is int and -PLAIN < v < PLAIN and raw == str(v) else raw
                for raw, v in zip(raws, values, strict=True)]
    assert stored_raws(raws, values) == expected


@settings(max_examples=150, deadline=None)
@given(st.lists(CELL, min_size=1, max_size=40))
def test_a_columns_reads_and_its_distinct_reads_are_each_cells_read(cells: list[Any]) -> None:
    reader = CellReader()
    parsed, distinct = reader.read_column(cells)
    assert parsed == reader.read_all(cells)
    assert distinct is not None and set(distinct) == set(parsed)
    if not any(type(x) is str and x.startswith("(") for x in cells):
        assert parsed == [reader.read(x) for x in cells]


def _table() -> sqlite3.Connection:
    conn = sqlite3.connect(":memory:")
    conn.execute(f"CREATE TABLE figure_cells (id INTEGER PRIMARY KEY, {', '.join(FIGURE_CELL_COLUMNS)})")
    return conn


@settings(max_examples=60, deadline=None)
@given(n=st.integers(0, 260), same=st.sets(st.sampled_from(["value", "suppressed", "total", "labels"])),
       data=st.data())
def test_rows_held_as_columns_store_and_count_as_a_list_of_rows(n: int, same: set[str], data: Any) -> None:
    varying = ("value", "suppressed", "total", "labels", "row_num")
    value = st.one_of(st.none(), st.integers(0, 9), st.sampled_from(["*", "[1,2]"]))
    columns: list[Any] = [Same(data.draw(value)) if name in same else data.draw(st.lists(value, min_size=n, max_size=n))
                          for name in varying[:-1]]
    columns.append(list(range(4, 4 + n)))
    as_rows = list(zip(*[[c.value] * n if isinstance(c, Same) else c for c in columns], strict=True))
    lazy = FigureRows(varying, ColumnRows(columns, n), {"document_id": 1}, "Data!E")
    plain = FigureRows(varying, as_rows, {"document_id": 1}, "Data!E")
    assert len(lazy.rows) == n and list(lazy.rows) == as_rows
    assert lazy.suppressed() == plain.suppressed()
    assert lazy.count("total", 1) == plain.count("total", 1) and lazy.count("value", None) == plain.count("value", None)
    stored = []
    for part in (lazy, plain):
        conn = _table()
        with nulls_bound_directly():
            part.insert(conn)
        stored.append(conn.execute("SELECT * FROM figure_cells ORDER BY id").fetchall())
    assert stored[0] == stored[1] and len(stored[0]) == n
