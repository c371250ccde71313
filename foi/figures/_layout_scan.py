"""Every row's cell kinds, with long grids sampled.

A grid of up to FULL rows is looked at cell by cell. A longer one is looked at in full for its
first HEAD and last TAIL rows; a row in between is taken to have the kinds of the commonest
data row of the head (its "template") when it passes a check that costs a few C-level calls
(same number of empty cells, a value where the template has one, text where it has a label).
Rows that fail the check are looked at in full, so a second table, a repeated header or a
notes block in the middle of a long sheet is still seen.
"""

from __future__ import annotations

from collections import Counter
from itertools import compress, repeat
from operator import and_, is_, itemgetter, not_
from typing import Any

from foi.figures._layout_cells import BLANK, NUM, NUMERIC, TEXT, kind

FULL = 4000
HEAD = 2000
TAIL = 500

Kinds = tuple[int, ...]


def row_kinds(row: list[Any], width: int) -> Kinds:
    ks = tuple(kind(v) for v in row)
    if len(ks) < width:
        ks += (BLANK,) * (width - len(ks))
    return ks


class Scan:
    """Cell kinds of every row (`kinds[i]`), and which rows stood in for the template."""

    def __init__(self, rows: list[list[Any]]) -> None:
        self.rows = rows
        self.n = n = len(rows)
        self.width = width = max(map(len, rows)) if rows else 0
        self.sampled = False          # True when middle rows were taken on trust
        self.template_rows: range = range(0)
        if n <= FULL:
            self.kinds: list[Kinds] = [row_kinds(r, width) for r in rows]
            return
        head = [row_kinds(rows[i], width) for i in range(HEAD)]
        tail = [row_kinds(rows[i], width) for i in range(n - TAIL, n)]
        tmpl = _template(head)
        kinds: list[Kinds] = head
        if tmpl is None:
            kinds.extend(row_kinds(rows[i], width) for i in range(HEAD, n - TAIL))
        else:
            kinds.extend(self._middle(tmpl))
            self.sampled = True
            self.template_rows = range(HEAD, n - TAIL)
        kinds.extend(tail)
        self.kinds = kinds

    def _middle(self, tmpl: Kinds) -> list[Kinds]:
        """Kinds of the rows between the head and tail samples, checked column-wise in C:
        the number of empty cells per row, the kinds of a value column's distinct cells and
        the types of a label column's cells. Rows failing a check are looked at in full."""
        rows, width = self.rows, self.width
        nones = sum(1 for k in tmpl if k == BLANK)
        vcol = next((c for c, k in enumerate(tmpl) if k in NUMERIC), None)
        tcol = next((c for c, k in enumerate(tmpl) if k == TEXT), None)
        mid = rows[HEAD:self.n - TAIL]
        m = len(mid)
        if set(map(len, mid)) != {width}:
            # A short row counts its missing cells as empty (the readers pad, others may not).
            mid = [r if len(r) == width else r + [None] * (width - len(r)) for r in mid]
        # list.count through map, not methodcaller: a third of the time per row.
        counts = list(map(list.count, mid, repeat(None)))
        vals = list(map(itemgetter(vcol), mid)) if vcol is not None else [0] * m
        numeric = {v: kind(v) in NUMERIC for v in set(vals)}
        texts = list(map(itemgetter(tcol), mid)) if tcol is not None else None
        if counts.count(nones) == m and all(numeric.values()) and (
                texts is None or set(map(type, texts)) == {str}):
            return [tmpl] * m   # the usual case: every row passes, no Python step per row
        ok = map(and_, map(nones.__eq__, counts), map(numeric.__getitem__, vals))
        if texts is not None:
            ok = map(and_, ok, map(is_, map(type, texts), repeat(str)))
        out = [tmpl] * m
        for i in compress(range(m), map(not_, ok)):
            out[i] = row_kinds(mid[i], width)
        return out


def _template(head: list[Kinds]) -> Kinds | None:
    """The commonest kinds of a row with a number in the head sample, if it is most rows.

    Rows are grouped coarsely (a withheld figure or a count that looks like a year is still a
    figure); the template is the commonest exact kinds within the commonest group, so a
    column of years stays a column of years."""
    def coarse(k: Kinds) -> Kinds:
        return tuple(NUM if x in NUMERIC else x for x in k)

    numeric = [k for k in head if any(x in NUMERIC for x in k)]
    counts = Counter(map(coarse, numeric))
    if not counts:
        return None
    group, count = counts.most_common(1)[0]
    if count < len(head) // 2:
        return None
    return Counter(k for k in numeric if coarse(k) == group).most_common(1)[0][0]
