"""Is a column of years the stub of a table, or a column of counts that fall in 1800-2100?

Years down a stub run one way, block after block ("1990 .. 2010" under each section), and sit
leftmost or under a header that names time; counts go up and down to values not seen before, sit
under the name of what they count, or under a row of periods ("2019/20 | 2020/21") whose figures
they are. A helper of `_layout_blocks`: cell kinds in, a yes or no out.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from foi.figures._layout_cells import BLANK, MARK, NUM, TEXT, YEAR, number, text_of

# A year with a footnote mark or digit glued on ("2007*", "20081": 2008, note 1).
MARKED_YEAR = re.compile(r"^(1[89]\d\d|20\d\d)(?:\s?[*\u2020\u2021%]{1,2}|\s?[a-z]|\d)$", re.I)
# A header cell that is a year or a financial year and nothing else ("2019/20", "2018-19", "FY 2021").
_A_PERIOD = re.compile(r"(?:fy\s*)?(?:1[89]|20)\d\d(?:\s*[/\-\u2013]\s*(?:\d\d|(?:1[89]|20)\d\d))?\W{0,2}", re.I)
_TIME_WORD = re.compile(r"year|period|date|month|quarter|week|\bfy\b|when", re.I)
# Rows looked at above a column's first year for its header.
_HEADER_REACH = 12

Rows = range | list[int]


def years_in_order(cells: list[list[Any]], K: Sequence[tuple[int, ...]], c: int, rows: Rows,
                   stub: bool = True) -> bool:
    """The years of column c run one way (repeated in blocks, as a long table writes them), with at
    most a stray figure among them. Right of other columns (`stub` False), two years alone are no
    run (two counts can look like that), nor are years under a header naming something else than
    time ("Charged | 1801 | 1800")."""
    seen: list[float] = []
    other = 0
    for i in rows:
        if i >= len(cells) or c >= len(cells[i]):
            continue
        x = K[i][c]
        marked = MARKED_YEAR.match(text_of(cells[i][c])) if x == NUM else None
        if marked:   # "19921": 1992 with its footnote 1
            v: float | None = float(marked.group(1))
        elif x == NUM or x == MARK:
            other += 1
            if other * 10 > len(seen) + 10:
                return False
            continue
        elif x == YEAR:
            cell = cells[i][c]
            v = float(cell) if isinstance(cell, int | float) else number(cell)
            if v is None:
                return False
        else:
            continue
        if not seen or v != seen[-1]:
            seen.append(v)
        if len(seen) >= 200:
            break
    if not runs_one_way(seen):
        return False
    return stub or (len(seen) >= 3 and _time_header(cells, K, c, rows))


def runs_one_way(seen: list[float]) -> bool:
    """Nearly every step goes the way most do, or starts the next block again at a year already
    seen. One year repeated is no telling run (a column headed "Year" says it: the rows stage's call)."""
    if len(seen) < 2:
        return False
    up = sum(1 for a, b in zip(seen, seen[1:], strict=False) if b > a)
    way = 1 if up * 2 >= len(seen) - 1 else -1
    before = {seen[0]}
    against = 0
    for a, b in zip(seen, seen[1:], strict=False):
        if (b - a) * way < 0 and b not in before:
            against += 1
        before.add(b)
    return against * 4 <= len(seen) - 1


def period_overhead(cells: list[list[Any]], K: Sequence[tuple[int, ...]], c: int, rows: Rows) -> bool:
    """A row of periods across the columns above column c's first year, one of them over it
    ("2019/20 | | 2020/21" over "Charged" over the figures): its years are that period's figures.
    A stub's own header ("Year ending March") is no such row; a blank line or a one-cell title
    ends the header block."""
    first = _first_year(K, c, rows)
    if first is None:
        return False
    for i in range(first - 1, max(-1, first - _HEADER_REACH), -1):
        k = K[i]
        filled = sum(1 for x in k if x != BLANK)
        if filled == 0 or filled == 1 and k[c] == BLANK:
            break
        over = [_a_period(cells[i][c2], x) for c2, x in enumerate(k) if c2 < len(cells[i])]
        if c < len(over) and over[c]:
            return sum(over) >= 2
    return False


def _a_period(cell: Any, kind: int) -> bool:
    return kind == YEAR or kind == TEXT and bool(_A_PERIOD.fullmatch(text_of(cell).strip()))


def _first_year(K: Sequence[tuple[int, ...]], c: int, rows: Rows) -> int | None:
    return next((i for i in rows if i < len(K) and K[i][c] == YEAR), None)


def _time_header(cells: list[list[Any]], K: Sequence[tuple[int, ...]], c: int, rows: Rows) -> bool:
    first = _first_year(K, c, rows)
    if first is None:
        return True
    for i in range(first - 1, max(-1, first - _HEADER_REACH), -1):
        if K[i][c] != BLANK:
            return K[i][c] != TEXT or bool(_TIME_WORD.search(text_of(cells[i][c])))
    return True
