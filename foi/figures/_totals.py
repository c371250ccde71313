"""Stated totals checked against the figures they add up (a helper of `rows`).

A total is stored like any figure (marked `total`); here it is compared with its parts: the rows
the layout found it adds up, else its child rows, else the rows since the previous total (or the
start of its section, or the whole table for a grand total). A difference is a warning. Where parts
are suppressed, the figures shown must not add up to more than the total: the withheld ones make
up the rest, which is no news (a force totals its real figures), so that says nothing.
"""

from __future__ import annotations

import re
from itertools import compress
from typing import Any

from foi.figures._cells import fmt_sum


def check_totals(table: Any) -> None:
    out = table.out
    columns = {c.col: c for c in out.columns}
    if not columns:
        return
    total_rows = list(compress(table.data, table.row_total))
    total_cols = [col for col in table.value_cols if col.col in table.total_cols and col.col in columns]
    if not total_rows and not total_cols:
        return
    # Percentages, rates and averages are never added up: their columns are not checked.
    columns = {c: f for c, f in columns.items() if _additive(f.units)}
    if not columns:
        return
    total_cols = [col for col in total_cols if col.col in columns]
    cells = {c: dict(zip(f.rows, zip(f.values, f.suppressed, strict=True), strict=True)) for c, f in columns.items()}
    clean = table.reading.clean   # headers as the figures carry them ("Joining2" is "Joining", note 2)
    names = {col.col: " ".join(t for t in (clean(h)[0] for h in col.header) if t) or f"column {col.col + 1}"
             for col in table.value_cols}
    plain_cols = [col.col for col in table.value_cols if col.col not in table.total_cols and col.col in columns]
    if total_rows:
        _rows(table, total_rows, plain_cols, cells, names)
    if total_cols:
        _columns(table, total_cols, cells, names)


_NOT_ADDITIVE = re.compile(r"%|\brate\b|\bper\b|mean|average|median|ratio|index|proportion", re.I)


def _additive(units: Any) -> bool:
    found = {units.value} if hasattr(units, "value") else set(units)
    return not any(u and _NOT_ADDITIVE.search(u) for u in found)


def _row_label(table: Any, r: int) -> str:
    i = table.data.index(r)
    return " / ".join(texts[i] for texts in table.row_texts if texts[i]) or f"row {table._row_no(r)}"


def _rows(table: Any, total_rows: list[int], plain_cols: list[int], cells: dict[int, dict[int, Any]],
          names: dict[int, str]) -> None:
    t = table.t
    totals = set(total_rows)
    parents = {r: t.parents[r - t.start] for r in table.data}
    totals = set(total_rows)
    leaves = [r for r in table.data if r not in totals]
    children: dict[int, list[int]] = {}
    for r in table.data:
        p = parents[r]
        if p is not None and p in table.parent_rows:
            children.setdefault(p, []).append(r)
    previous = t.start
    following = {r: nxt for r, nxt in zip(total_rows, [*total_rows[1:], t.stop], strict=True)}
    for r in total_rows:
        label = _row_label(table, r)
        if r in children:
            groups = [children[r]]
        else:
            section = parents[r]
            since = [x for x in leaves if previous <= x < r]
            in_section = [x for x in leaves if x < r and parents[x] == section]
            everything = [x for x in leaves if x < r]
            grand = any(w in label.lower() for w in ("grand", "overall"))
            groups = [everything, since, in_section] if grand else [since, in_section, everything]
            # Regions above their forces (Home Office tables): the rows up to the next total.
            groups.append([x for x in leaves if r < x < following[r]])
        if r in t.sums:
            groups.insert(0, t.sums[r])  # what the layout found it adds up, in the columns it checked
        if r not in table.parent_rows:
            previous = r + 1
        # A row the layout took for a total by arithmetic alone (no total word, no children) that
        # does not add up in every column may not be a total at all: a doubt, not a warning.
        by_word = table.row_total_by_word(r)
        place = _a_place(table, [numbers[table.data.index(r)] for numbers in table.row_numbers])
        by_sum_only = not by_word
        partial_ok = r in children and not by_word and r not in t.sums  # "of which" rows may not cover it all
        for c in plain_cols:
            stated = cells[c].get(r)
            if stated is None or stated[0] is None:
                continue
            sums = [_sum(cells[c], group) for group in groups]
            if any(n == 0 for _s, _m, n in sums[:1]) or (partial_ok and sums[0][0] <= stated[0]):
                continue
            _compare(table, f"Total row '{label}', column '{names[c]}'", stated[0], sums, doubt=by_sum_only,
                     place=place)


def _columns(table: Any, total_cols: list[Any], cells: dict[int, dict[int, Any]], names: dict[int, str]) -> None:
    plain = [col for col in table.value_cols if col.col not in table.total_cols and col.col in cells]
    found = dict(zip((col.col for col in table.value_cols), table.col_numbers, strict=True))
    for col in total_cols:
        place = _a_place(table, [x for _source, x in found.get(col.col, [])])
        upper = list(col.header[:-1])
        groups = [[c for c in col.sums if c in cells]] if col.sums else []
        # The columns under the same upper headers, else every column of figures beside it.
        groups += [[m.col for m in plain if list(m.header[:len(upper)]) == upper], [m.col for m in plain]]
        groups = [g for g in groups if g]
        if not groups:
            continue
        # A "Total" beside one column under the same heading ("Total | of which under s44"): that
        # column is a part of it, not the whole; it cannot add up to the total, only stay below it.
        of_which = not col.sums and len(groups[0]) == 1
        for r, (stated, _marker) in cells[col.col].items():
            if stated is None:
                continue
            sums = [_sum({}, [], row_cells=[cells[c].get(r) for c in group]) for group in groups]
            if sums[0][2] == 0 or (of_which and sums[0][0] <= stated):
                continue
            _compare(table, f"Total column '{names[col.col]}', row '{_row_label(table, r)}'", stated, sums, place=place)


def _sum(column: dict[int, Any], rows: list[int], row_cells: list[Any] | None = None) -> tuple[float, int, int]:
    """(sum of the numbers, suppressed cells, figures) of some cells."""
    found = row_cells if row_cells is not None else [column.get(r) for r in rows]
    s: float = 0
    suppressed = figures = 0
    for cell in found:
        if cell is None:
            continue
        figures += 1
        if cell[0] is None:
            suppressed += 1
        else:
            s += cell[0]
    return s, suppressed, figures


def _a_place(table: Any, numbers: list[int | None]) -> bool:
    """Is a total's label a place that takes in more than a table may list ("England and Wales", a
    region): its figure covers the forces shown and any others."""
    labels = table.reading.book.labels
    return any(x is not None and labels[x].aggregate and labels[x].code is not None
               and (labels[x].kind or labels[x].dimension) in _PLACES for x in numbers)


_PLACES = frozenset(("body", "area"))


def _compare(table: Any, where: str, stated: float, groups: list[tuple[float, int, int]],
             doubt: bool = False, place: bool = False) -> None:
    tol = 1e-6 * max(1.0, abs(stated))
    if any(abs(stated - s) <= tol for s, _m, _n in groups):
        return
    s, suppressed, _n = groups[0]
    name = table.grid.name
    if (suppressed or place) and any(s <= stated + tol for s, _m, _n in groups):
        # The withheld figures, or the forces a place takes in that the table does not list, make up
        # the rest: no news. Shown figures above it still are.
        return
    if suppressed or place:
        without = f" without its {suppressed} suppressed cell(s)" if suppressed else ""
        table.out.warnings.append(f"{name}: {where}: stated {fmt_sum(stated)}, but the figures shown already sum "
                                  f"to {fmt_sum(s)}{without}")
    elif doubt:
        table.out.doubts.append(f"{name}: {where.replace('Total row', 'Row', 1)} was taken for a total, but "
                                f"stated {fmt_sum(stated)}, figures sum to {fmt_sum(s)}")
    else:
        table.out.warnings.append(f"{name}: {where}: stated {fmt_sum(stated)}, figures sum to {fmt_sum(s)} "
                                  f"(difference {fmt_sum(stated - s)})")
