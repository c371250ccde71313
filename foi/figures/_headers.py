"""Cell and header plumbing for `foi.tables`: what a cell is, where the header block is, and
what each column's header says once merged and spanned cells are spread out.

Kept apart from tables.py so that the record-building loop there stays readable.
"""

from __future__ import annotations

import math
import re
from datetime import date, datetime
from typing import Any

from foi.schema import Schema, match_header

# "Total", "Grand Total", "Sub-total", "All offences", "Sum", and labels that start with the
# word total ("Total recorded crime", "Total INCIDENTS"): checked against the figures, not stored.
TOTAL_RE = re.compile(
    r"^(grand|overall|sub|sub-|sub )?\s*totals?\b[^/]*$"
    r"|^all(\s+(offences|crimes|outcomes|types|forces|years))?\s*:?$|^sum$",
    re.I,
)
NOTE_RE = re.compile(
    r"^(notes?\b|source\b|sources\b|\*|†|‡|\(?\d{1,2}[.)]\s|\[\d+\]|\[note|please\s+note|"
    r"n\.?b\.?\b|figures\b|data\b|this\s+(data|table|information)\b|key\b|caveat)",
    re.I,
)
TITLE_RE = re.compile(
    r"^(table|figure|chart|sheet|source|freedom\s+of\s+information|foi|request|ref|"
    r"reference|question|notes?)\b|\b(foi|request)\b.*\d",
    re.I,
)
# Derived columns (shares, rates) are not counts of anything; they are dropped, not guessed.
DERIVED_RE = re.compile(r"%|\bper\s*cent|\bpercent|\bproportion\b|\brate\b|\bper\s+1,?000", re.I)
DATEISH_RE = re.compile(r"\b(date|month|day)\b", re.I)

# Cell kinds: blank, number, suppressed, text, date.
B, N, S, T, D = "b", "n", "s", "t", "d"


def fmt_num(x: float | int) -> str:
    """A number as a cell shows it: 2019.0 -> "2019", 15860.77 -> "15860.77" (never rounded:
    it is the raw text a figure is traced back to)."""
    if isinstance(x, float) and x.is_integer():
        x = int(x)
    return str(x) if isinstance(x, int) else repr(x)


def fmt_sum(x: float | int) -> str:
    """A computed total for a message: float noise (0.1 + 0.2) rounded away."""
    return fmt_num(round(x, 9) if isinstance(x, float) else x)


def label_text(cell: Any) -> str:
    """A cell as label text: whitespace collapsed (PDF line wraps), 2019.0 -> "2019"."""
    if cell is None:
        return ""
    if isinstance(cell, str):
        return " ".join(cell.split())
    if isinstance(cell, bool):
        return str(cell)
    if isinstance(cell, float):
        if math.isnan(cell):
            return ""
        return fmt_num(cell)
    if isinstance(cell, datetime):
        if (cell.hour, cell.minute, cell.second, cell.microsecond) == (0, 0, 0, 0):
            return cell.date().isoformat()
        return cell.isoformat()
    if isinstance(cell, date):
        return cell.isoformat()
    return " ".join(str(cell).split())


class Cells:
    """Parses cells through values.parse_value, once per distinct text (tables repeat a lot)."""

    def __init__(self) -> None:
        from foi.values import parse_value

        self._parse = parse_value
        self._cache: dict[str, tuple[str, float | int | None, str | None]] = {}

    def parse(self, cell: Any) -> tuple[str, float | int | None, str | None]:
        """(kind, number, suppression marker) for one cell."""
        t = type(cell)
        if t is str:
            hit = self._cache.get(cell)  # type: ignore[arg-type]
            if hit is None:
                hit = self._parse_text(cell)
                self._cache[cell] = hit  # type: ignore[index]
            return hit
        if cell is None:
            return (B, None, None)
        if t is int:
            return (N, cell, None)
        if t is float:
            if math.isnan(cell):
                return (B, None, None)
            return (N, int(cell) if cell.is_integer() else cell, None)
        if isinstance(cell, date):
            return (D, None, None)
        return self._parse_text(cell)

    def _parse_text(self, cell: Any) -> tuple[str, float | int | None, str | None]:
        v = self._parse(cell)
        kind = {"number": N, "suppressed": S, "blank": B, "date": D}.get(v.kind, T)
        num = v.number
        if isinstance(num, float) and num.is_integer():
            num = int(num)
        return (kind, num if kind == N else None, v.suppressed if kind == S else None)

    def kinds(self, row: list[Any]) -> list[str]:
        return [self.parse(c)[0] for c in row]


def is_data_kinds(kinds: list[str]) -> bool:
    """A data row: label(s) then mostly numbers or suppression markers."""
    first = next((i for i, k in enumerate(kinds) if k in (N, S)), None)
    if first is None:
        return False
    tail = [k for k in kinds[first:] if k != B]
    return 2 * sum(1 for k in tail if k in (N, S)) >= len(tail)


def _yearlike(x: Any) -> bool:
    return isinstance(x, int) and 1900 <= x <= 2100


def is_year_header(row: list[Any], kinds: list[str], cells: Cells, schema: Schema) -> bool:
    """Years typed as numbers across the top (2019, 2020 ...) look like a data row; they aren't."""
    nums = [cells.parse(c)[1] for c, k in zip(row, kinds, strict=False) if k in (N, S)]
    if not nums or S in kinds or not all(_yearlike(x) for x in nums):
        return False
    if len(set(nums)) != len(nums):
        return False
    first_num = next(i for i, k in enumerate(kinds) if k in (N, S))
    if any(k in (T, D) and not TOTAL_RE.match(label_text(c))
           for c, k in zip(row[first_num:], kinds[first_num:], strict=False)):
        return False  # 2019 | Burglary | 2020: a long row with a year label, not a header
    if len(nums) >= 2:
        # Years across the top are a run of nearby years, not any numbers near 2000.
        return max(nums) - min(nums) <= 30
    # A single year: only a header if the row's label cell is blank or names a dimension.
    first = next((label_text(c) for c, k in zip(row, kinds, strict=False) if k != B), "")
    if first == label_text(nums[0]):
        return True
    m = match_header(schema, first)
    return bool(m) and m[0][0] != "value" and m[0][1] >= schema.threshold


def merge_map(merged: list[tuple[int, int, int, int]]) -> dict[tuple[int, int], tuple[int, int]]:
    """Every covered cell -> the merge's top-left cell, which holds the value."""
    out: dict[tuple[int, int], tuple[int, int]] = {}
    for r0, c0, r1, c1 in merged:
        for r in range(r0, r1 + 1):
            for c in range(c0, c1 + 1):
                if (r, c) != (r0, c0):
                    out[(r, c)] = (r0, c0)
    return out


def _is_title_row(row: list[Any], r: int, kinds: list[str], merges: dict[tuple[int, int], tuple[int, int]],
                  schema: Schema) -> bool:
    filled = [i for i, k in enumerate(kinds) if k != B]
    if len(filled) != 1:
        return False
    c = filled[0]
    text = label_text(row[c])
    if TITLE_RE.search(text) or len(text) > 60:
        return True
    if (r, c + 1) in merges and merges[(r, c + 1)] == (r, c):
        return False  # a merged header spanning columns
    if c > 0:
        return False  # a header over some columns, left blank by an unmerged span
    m = match_header(schema, text)
    return not (m and m[0][1] >= schema.threshold)


def _is_section_like(row: list[Any], cells: Cells) -> bool:
    kinds = cells.kinds(row)
    filled = [i for i, k in enumerate(kinds) if k != B]
    return filled == [0] and kinds[0] == T and not TITLE_RE.search(label_text(row[0]))


def _mostly_header(cell: Any, schema: Schema) -> bool:
    m = match_header(schema, label_text(cell))
    return bool(m) and m[0][1] >= schema.threshold


def find_header(rows: list[list[Any]], cells: Cells, schema: Schema,
                merges: dict[tuple[int, int], tuple[int, int]], scan: int = 300,
                ) -> tuple[int | None, list[int]]:
    """(first data row, header row indexes just above it) or (None, []) if no data rows."""
    d0 = None
    for r in range(min(len(rows), scan)):
        kinds = cells.kinds(rows[r])
        if is_data_kinds(kinds) and not is_year_header(rows[r], kinds, cells, schema):
            d0 = r
            break
    if d0 is None:
        return None, []
    header: list[int] = []
    r = d0 - 1
    # Section headings ("Violence against the person") and rows of labels whose figures are
    # all blank, between the header and the first figures, belong to the data: step over
    # them when a header row sits above them.
    num_cols: set[int] = set()
    text_cols: set[int] = set()
    for row in rows[d0:d0 + 50]:
        kinds = cells.kinds(row)
        if is_data_kinds(kinds):
            num_cols.update(c for c, k in enumerate(kinds) if k in (N, S))
            text_cols.update(c for c, k in enumerate(kinds) if k in (T, D))
    first = cells.kinds(rows[d0])

    def same_kind(a: str, b: str) -> bool:
        return a == b or {a, b} <= {N, S} or {a, b} <= {T, D}

    while r >= 0:
        kinds = cells.kinds(rows[r])
        filled = {c for c, k in enumerate(kinds) if k != B}
        # A row shaped like the first data row but with fewer figures is a data row with
        # blank cells (2019 | Burglary | Charged | <blank>), not a header.
        shaped = (len(filled) >= 2
                  and all(c < len(first) and same_kind(kinds[c], first[c]) for c in filled)
                  and sum(k in (N, S) for k in kinds) < sum(k in (N, S) for k in first))
        if not (_is_section_like(rows[r], cells)
                or ((shaped or (len(filled) >= 2 and filled <= text_cols - num_cols))
                    and not any(_mostly_header(rows[r][c], schema) for c in filled))):
            break
        r -= 1
    if r < d0 - 1 and r >= 0 and any(k != B for k in cells.kinds(rows[r])) and not (
            _is_title_row(rows[r], r, cells.kinds(rows[r]), merges, schema)):
        d0 = r + 1
    else:
        r = d0 - 1
    while r >= 0 and len(header) < 6:
        kinds = cells.kinds(rows[r])
        if all(k == B for k in kinds) or _is_title_row(rows[r], r, kinds, merges, schema):
            break
        header.insert(0, r)
        r -= 1
    return d0, header


def header_parts(rows: list[list[Any]], header: list[int], ncols: int,
                 merges: dict[tuple[int, int], tuple[int, int]], label_cols: set[int],
                 ) -> list[list[str]]:
    """Header text per header row per column, with merged cells spread over their span and
    blank upper cells filled from the left when a lower row has a sub-header there (a year
    written once over its outcome columns without a real merge, as in CSV and PDF)."""
    parts: list[list[str]] = []
    in_header = set(header)
    for r in header:
        row = rows[r]
        line = []
        for c in range(ncols):
            src = merges.get((r, c))
            if src is not None and src[0] in in_header and src[1] < len(rows[src[0]]):
                v = rows[src[0]][src[1]]
            else:
                v = row[c] if c < len(row) else None
            line.append(label_text(v))
        parts.append(line)
    for h in range(len(parts) - 1):
        line = parts[h]
        r = header[h]
        if any((r, c) in merges and merges[(r, c)][0] == r for c in range(ncols)):
            continue  # real merges in this row already say how far each header reaches
        for c in range(1, ncols):
            if line[c] or c in label_cols or (c - 1) in label_cols or not line[c - 1]:
                continue
            if any(parts[k][c] for k in range(h + 1, len(parts))):
                line[c] = line[c - 1]
    return parts


def realign(parts: list[list[str]], has_data: list[bool]) -> None:
    """PDF extraction often puts a header one column off its figures ("Grand Total" over an
    empty column next to the totals). Move such headers onto the neighbouring unheaded column."""
    if not parts:
        return
    ncols = len(parts[0])

    def headed(c: int) -> bool:
        return any(p[c] for p in parts)

    for c in range(ncols):
        if has_data[c] or not headed(c):
            continue
        for nb in (c - 1, c + 1):
            if 0 <= nb < ncols and has_data[nb] and not headed(nb):
                for p in parts:
                    p[nb], p[c] = p[c], ""
                break
