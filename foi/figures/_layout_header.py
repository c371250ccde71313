"""Each column's header cells and header path.

Header cells follow the spreadsheet: a column's header rows are the rows of the header block
where that column's own cell has text (a spanning header counts only where it is written, as
a person reading the sheet would point at it). The header path is what applies to the column,
top to bottom: its own text, the text of a merged range covering it, or a spanning header
written further left in the same row. A header cell spans to the right over blank cells only
when a lower header row splits those columns (the usual "Employment | | " over "2006 | 2016");
label columns never take a spanning header from their neighbours.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from foi.figures._layout_cells import BLANK, text_of


def column_headers(rows: list[list[Any]], kinds: Sequence[tuple[int, ...]], header: list[int], width: int,
                   label_cols: set[int], used_cols: set[int],
                   merged: list[tuple[int, int, int, int]],
                   wrapped: bool = False) -> tuple[list[list[int]], list[list[str]]]:
    """(header rows per column, header path per column) for a table's header rows.

    `wrapped`: the grid comes from a PDF, where a header cell's text wrapped over several
    lines comes back as several rows; a header row right under another, with text only in
    columns the row above has text in, continues those cells ("Brampton" / "War Memorial").
    """
    cells: list[list[int]] = [[] for _ in range(width)]
    paths: list[list[str]] = [[] for _ in range(width)]
    if not header:
        return cells, paths
    hset = set(header)
    cover: dict[tuple[int, int], tuple[int, int]] = {}
    for r0, c0, r1, c1 in merged:
        if r1 < header[0] or r0 > header[-1]:
            continue
        for r in range(r0, r1 + 1):
            for c in range(c0, c1 + 1):
                if (r, c) != (r0, c0):
                    cover[(r, c)] = (r0, c0)
    last_from: list[int | None] = [None] * width    # header row each path's last text came from
    for pos, h in enumerate(header):
        k = kinds[h]
        row = rows[h]
        lower = header[pos + 1:]
        prev = header[pos - 1] if pos else None
        cont = (wrapped and prev is not None and prev == h - 1
                and all(kinds[prev][c] != BLANK for c in range(width) if k[c] != BLANK))
        for c in range(width):
            if k[c] != BLANK:
                cells[c].append(h)
                text = text_of(row[c])
                if cont and paths[c] and last_from[c] == prev:
                    paths[c][-1] = f"{paths[c][-1]} {text}"
                else:
                    _add(paths[c], text)
                last_from[c] = h
                continue
            src = cover.get((h, c))
            if src is not None:
                r0, c0 = src
                if r0 == h or r0 not in hset:
                    _add(paths[c], text_of(rows[r0][c0]) if c0 < len(rows[r0]) else "")
                continue
            if c in label_cols or not lower:
                continue
            left = _spanning_from(k, c, label_cols)
            if left is not None and _split_below(kinds, lower, left, c):
                _add(paths[c], text_of(row[left]))
            elif left is None and _split_below(kinds, lower, c, c):
                # The row's one heading over the figures, centred across them rather than
                # written at the left ("2004" over Total / Males / Females): it heads them all.
                # Only an exact middle says so; merged cells keep their text at the left.
                only = [j for j in range(width) if k[j] != BLANK and j not in label_cols]
                area = sorted(used_cols - label_cols)
                if (len(only) == 1 and len(area) >= 3 and len(area) % 2 == 1
                        and only[0] == area[len(area) // 2]):
                    _add(paths[c], text_of(row[only[0]]))
    _realign(paths, label_cols, used_cols, width)
    return cells, paths


def _realign(paths: list[list[str]], label_cols: set[int], used_cols: set[int], width: int) -> None:
    """A column of figures with no header of its own, beside a headed column with no figures,
    takes that header: the text sits one cell off the figures (merged or centred cells)."""
    for c in range(width):
        if c in used_cols and c not in label_cols and not paths[c]:
            for d in (c - 1, c + 1):
                if 0 <= d < width and d not in used_cols and paths[d]:
                    paths[c] = list(paths[d])
                    break


def _add(path: list[str], text: str) -> None:
    if text and (not path or path[-1] != text):
        path.append(text)


def _spanning_from(k: tuple[int, ...], c: int, label_cols: set[int]) -> int | None:
    """The nearest written cell to the left of c in the same header row, if not a label's."""
    j = c - 1
    while j >= 0 and k[j] == BLANK:
        j -= 1
    if j < 0 or j in label_cols:
        return None
    return j


def _split_below(kinds: Sequence[tuple[int, ...]], lower: list[int], left: int, c: int) -> bool:
    """Does a lower header row split the span, with its own text over c?"""
    del left
    return any(kinds[h][c] != BLANK for h in lower)
