"""Totals found by adding up, and the hierarchy of row labels.

A row is a total when its figures are the sum of a run of rows next to it: its children below
it (a parent row such as a region above its forces, "All ages" above the age bands) or above
it (a "Total" line closing a list). Children that are totals themselves count once, with their
own children skipped, so nested subtotals add up as they should. A word never makes a total on
its own: "Total number of cameras deployed" whose figures are not a sum stays data, with a
doubt recorded. When only one column can be checked, a coincidence is easy (7 = 3 + 4), so the
run must also fill a whole block (reach a blank line, a section, the end of the table) or be
indented under the parent, or the label must say total.

A column is a total when, row after row, it equals the sum of a run of columns next to it.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from functools import lru_cache
from typing import Any

from foi.figures._layout_cells import BLANK, MARK, NUM, YEAR, decimals, number
from foi.periods import parse_period

TOTAL_WORD = re.compile(
    r"^\s*(?:grand\s+|sub[\s-]?)?totals?\b|\btotals?\s*[:\-]?\s*(?:\(.*\))?\s*$|^\s*all\b|\bsubtotal\b",
    re.I,
)
_DASHES = frozenset({"-", "\u2013", "\u2014", "\u2012", "\u2212", "--", "---"})
MAX_CHILDREN = 60
COLUMN_ROWS = 60     # rows checked when looking for total columns
# In a small table of small counts one column's 1 + 1 = 2 is a coincidence more often than a
# sum: a row without a total word needs two such columns, or one whose total is not this small.
SMALL_SUM = 5
# A row near the sum of two or three neighbours may be so by chance (3,255 ~ 2,033 + 1,202 within half a
# percent, 3,304 ~ 2,100 + 1,198); of many, hardly. Such a short run, with no total word and not
# indented under the row, is no sum when a third of its columns of whole numbers miss by more than
# rounding each figure (a unit of the grain they are rounded to) explains.
NEAR_SUM_KIDS = 3
UNKNOWN = math.nan   # a withheld or not-available figure: a sum through it can't be checked


@lru_cache(maxsize=4096)
def period_months(label: str) -> int | None:
    """How many months a row label spans when it is a period ("2017": 12, "2019/20": 12,
    "Jan 2020": 1), else None."""
    p = parse_period(label.strip()) if label else None
    if p is None:
        return None
    return (p.end.year - p.start.year) * 12 + p.end.month - p.start.month + 1


def cell_value(cell: Any, k: int) -> float | None:
    """A figure for adding up: a number, 0 for a dash or a blank, UNKNOWN for other markers;
    None only where there is nothing to compare (the row has no cell there)."""
    if k == NUM or k == YEAR:
        v = number(cell)
        return UNKNOWN if v is None else v
    if k == BLANK:
        return 0.0
    if k == MARK:
        return 0.0 if isinstance(cell, str) and cell.strip() in _DASHES else UNKNOWN
    return UNKNOWN


class Arithmetic:
    """Row and column sums over one table body.

    `order`: the body's data rows in order; `vcols`: its value columns; `group[r]`: a block
    number that changes at every section/header/note line, `blank_before[r]`/`blank_after[r]`:
    whether a blank line or block edge sits right before/after row r; `labels[r]`: its label.
    """

    def __init__(self, rows: list[list[Any]], kinds: Sequence[tuple[int, ...]], order: list[int],
                 vcols: list[int], group: dict[int, int], edge_before: set[int], edge_after: set[int],
                 labels: dict[int, str], indent: dict[int, int], skip: set[int] | None = None) -> None:
        self.order = order
        self.vcols = vcols
        self.group = group
        self.edge_before = edge_before
        self.edge_after = edge_after
        self.labels = labels
        self.indent = indent
        self.vals: dict[int, list[float]] = {}
        self.prec: dict[int, list[int]] = {}
        memo: dict[tuple[Any, int], tuple[float | None, int]] = {}   # cells repeat: "0", "-", "12"
        for r in order:
            row, k = rows[r], kinds[r]
            vals = []
            prec = []
            for c in vcols:
                cell = row[c] if c < len(row) else None
                key = (cell, k[c])
                hit = memo.get(key)
                if hit is None:
                    hit = memo[key] = (cell_value(cell, k[c]), decimals(cell) if k[c] == NUM else 0)
                vals.append(hit[0])
                prec.append(hit[1])
            self.vals[r] = vals
            self.prec[r] = prec
        # A column holding the same number on every row (a unit such as "1000") adds up nothing,
        # nor does a column of rates or shares (`skip`, from its header).
        for x in range(len(vcols)):
            seen = {self.vals[r][x] for r in order[:500]}
            if len(order) >= 3 and len(seen) == 1 and seen != {0.0} or skip and x in skip:
                for r in order:
                    self.vals[r][x] = UNKNOWN
        self.sums: dict[int, list[int]] = {}
        self.span_start = {}
        self.below: dict[int, list[int]] = {}   # total row -> its children below it
        self.child_of: dict[int, int] = {}      # child row -> its total above it
        self.failed: set[int] = set()           # rows with a total word that do not add up
        self.unchecked: list[int] = []          # rows with a total word that cannot be checked

    # ---------------------------------------------------------------- rows
    def find_row_totals(self) -> None:
        order = self.order
        pos = {r: i for i, r in enumerate(order)}
        span_end: dict[int, int] = {}   # total row -> position of the last row it covers
        # Children below their parent first, innermost first (bottom up) ...
        for i in range(len(order) - 1, -1, -1):
            p = order[i]
            kids = self._run(i, +1, span_end, pos)
            if kids:
                self.sums[p] = self.below[p] = kids
                for c in kids:
                    self.child_of[c] = p
                span_end[p] = span_end.get(kids[-1], pos[kids[-1]])
        # ... then totals closing the rows above them, innermost first (top down).
        self.span_start: dict[int, int] = {}   # total row -> position of the first row it covers
        for i in range(len(order)):
            p = order[i]
            if p not in self.sums:
                kids = self._run(i, -1, span_end, pos)
                if kids:
                    self.sums[p] = kids
                    self.span_start[p] = self.span_start.get(kids[0], pos[kids[0]])
        for p in order:
            if p in self.sums and TOTAL_WORD.search(self.labels.get(p, "")) and \
                    not self._shown_add_up(p, self.sums[p], exact=True):
                self._parts_not_sums(pos[p])   # a total matched only within rounding
        for p in order:
            if p in self.sums or not TOTAL_WORD.search(self.labels.get(p, "")):
                continue
            kids = self._shown_parts(pos[p])
            if kids:
                self.sums[p] = kids
                self.span_start[p] = pos[kids[0]]
            elif self._checkable(p, pos) and self._counts(p):
                self.failed.add(p)
            else:
                self.unchecked.append(p)

    def _shown_parts(self, i: int) -> list[int] | None:
        """A line that says it is a total and that no run of rows matched exactly: the rows of its
        block above it (since the previous total, or all of them for a grand total), when the figures
        shown add up to what it states wherever every part is shown, and to no more than it states
        where some are withheld ("*", "<5": forces total the real figures). One row above it counts
        when it is its block's only row and equals it."""
        order = self.order
        p = order[i]
        since: list[int] = []
        for j in range(i - 1, -1, -1):
            c = order[j]
            if c in self.sums:
                break
            since.append(c)
        every = [c for c in order[:i] if c not in self.sums]
        # Rows taken for totals by their figures alone (2 = 1 + 1) that the stated total needs as parts
        # were parts: a grand total adds up its rows once, never a sum and its parts together.
        wordless = [c for c in order[:i] if c in self.sums and not TOTAL_WORD.search(self.labels.get(c, ""))]
        flat = sorted(every + wordless) if wordless else []
        for exact in (True, False):   # an exact sum first, then one within rounding
            for kids in (since, every, flat):
                if not kids or (kids is every and len(every) == len(since)) or (kids is flat and not exact):
                    continue
                if len(kids) == 1 and kids[0] not in self.edge_before:
                    continue
                if self._shown_add_up(p, kids, exact):
                    if kids is flat:
                        for c in wordless:
                            self._unclaim(c)
                    return sorted(kids)
        return None

    def _parts_not_sums(self, i: int) -> None:
        """A stated total that every row above it adds up to exactly once the rows taken for totals by
        their figures alone (2 = 1 + 1) count as parts: they were parts."""
        p = self.order[i]
        above = self.order[:i]
        wordless = [c for c in above if c in self.sums and not TOTAL_WORD.search(self.labels.get(c, ""))]
        flat = [c for c in above if c not in self.sums or c in wordless]
        if wordless and self._shown_add_up(p, flat, exact=True):
            for c in wordless:
                self._unclaim(c)
            self.sums[p] = flat
            self.span_start[p] = 0

    def _unclaim(self, c: int) -> None:
        """Row c is no total after all: a plain row again."""
        for kid in self.sums.pop(c, []):
            if self.child_of.get(kid) == c:
                del self.child_of[kid]
        self.below.pop(c, None)
        self.span_start.pop(c, None)

    def _shown_add_up(self, p: int, kids: list[int], exact: bool = False) -> bool:
        pv = self.vals[p]
        checked = False
        for x in range(len(pv)):
            if pv[x] != pv[x]:
                continue
            parts = [self.vals[c][x] for c in kids]
            shown = [v for v in parts if v == v]
            known = sum(shown)
            dmax = max(self.prec[c][x] for c in [*kids, p])
            # Rounding slack only on figures big enough for a unit or two to be rounding.
            slack = (self._tol(pv[x], dmax, len(kids)) if abs(pv[x]) >= 50 * 10.0 ** -dmax and not exact
                     else 1e-7 * max(1.0, abs(pv[x])))
            if len(shown) < len(parts):
                if known > pv[x] + slack:
                    return False
            elif abs(known - pv[x]) > slack:
                return False
            checked = True
        return checked

    def _run(self, i: int, step: int, span_end: dict[int, int], pos: dict[int, int]) -> list[int] | None:
        order, vals = self.order, self.vals
        p = order[i]
        pv = vals[p]
        m = len(pv)
        # Walk with the largest figure: the one a run of children overshoots last.
        key = max((c for c in range(m) if pv[c] == pv[c] and pv[c] != 0), key=lambda c: abs(pv[c]), default=None)
        if key is None:
            return None
        g = self.group[p]
        # The first and last rows of a table may add up every block, across its sections; so
        # may a line that says it is a total, closing the blocks above it.
        across = ((step > 0 and i == 0) or (step < 0 and i == len(order) - 1)
                  or (step < 0 and bool(TOTAL_WORD.search(self.labels.get(p, "")))))
        acc = [0.0] * m
        shown = [0.0] * m           # the figures added that are not withheld, per column
        nonzero = [0] * m           # added figures that are not zero, per column
        dmax = list(self.prec[p])   # decimals of the figures added so far, per column
        kids: list[int] = []
        best: tuple[float, list[int]] | None = None
        j = i + step
        nonneg = pv[key] > 0
        while 0 <= j < len(order) and len(kids) < MAX_CHILDREN:
            c = order[j]
            if self.group[c] != g and not across:
                break
            if step < 0:
                # Walking up into the children of a parent row above them: count the parent.
                while c in self.child_of and pos[self.child_of[c]] < pos[c]:
                    c = self.child_of[c]
                if self.group[c] != g and not across:
                    break
                j = pos[c]
            cv = vals[c]
            cp = self.prec[c]
            for x in range(m):
                acc[x] += cv[x]
                if cv[x] == cv[x]:
                    shown[x] += cv[x] if cv[x] >= 0 else -math.inf   # a negative part: nothing to tell
                if cv[x] != 0:
                    nonzero[x] += 1
                if cp[x] > dmax[x]:
                    dmax[x] = cp[x]
            kids.append(c)
            j = span_end.get(c, j) + 1 if step > 0 else self.span_start.get(c, j) - 1
            if len(kids) >= 2 and self._matches(p, kids, acc, dmax, nonzero) and \
                    not self._overshoots(pv, acc, shown, dmax, len(kids)):
                # Rounded totals can match a run that is one row short: keep the closest run.
                err = self._error(pv, acc)
                if best is None or err < best[0]:
                    best = (err, sorted(kids))
                if err == 0:
                    break
            elif best is not None and len(kids) > len(best[1]) + 2:
                break
            if acc[key] != acc[key]:
                # A withheld figure in the walking column: walk with another, or give up.
                key = max((x for x in range(m) if pv[x] == pv[x] and pv[x] != 0 and acc[x] == acc[x]),
                          key=lambda x: abs(pv[x]), default=None)
                if key is None:
                    break
                nonneg = pv[key] > 0
            if nonneg and acc[key] > pv[key] + self._tol(pv[key], dmax[key], len(kids)):
                break
        return best[1] if best else None

    def _overshoots(self, pv: list[float], acc: list[float], shown: list[float], dmax: list[int], n: int) -> bool:
        """A column with a withheld part whose shown parts already add up to more than the row states,
        past rounding: the row is no sum of them (the withheld figures could only add more)."""
        return any(a != a and v == v and v >= 0 and s > v + (self._tol(v, d, n) if v >= 50 * 10.0 ** -d else 1e-7)
                   for v, a, s, d in zip(pv, acc, shown, dmax, strict=True))

    @staticmethod
    def _error(pv: list[float], acc: list[float]) -> float:
        return sum(abs(a - v) / max(abs(v), 1e-9) for a, v in zip(acc, pv, strict=True) if a == a and v == v)

    @staticmethod
    def _tol(value: float, decimals: int, n_kids: int) -> float:
        """Rounding slack: published figures rounded to their last digit may miss by a unit
        or two once added up; independently rounded estimates (thousands, millions) by a few
        units more."""
        unit = 10.0 ** -decimals * (1.0 if n_kids <= 4 else 2.0)
        return max(unit, 0.005 * abs(value)) + 1e-9

    @staticmethod
    def _exact(a: float, b: float) -> bool:
        return abs(a - b) <= 1e-7 * max(1.0, abs(b))

    def _matches(self, p: int, kids: list[int], acc: list[float], dmax: list[int], nonzero: list[int]) -> bool:
        """Most checkable columns add up (two or more, within rounding); or the one that can
        be checked adds up exactly and the run is a whole block. A sum where no column adds two
        figures that are not zero (5 = 5 + 0, "1 = 0 + 1": a row equal to its neighbour) proves
        nothing: it counts only for a line that says it is a total."""
        if self._time_series(p, kids):
            return False
        pv = self.vals[p]
        worded = bool(TOTAL_WORD.search(self.labels.get(p, "")))
        comparable = good = exact = telling = weighty = 0
        far = 0   # columns that do not add up, by more than rounding each figure explains
        for x in range(len(pv)):
            if pv[x] != pv[x] or acc[x] != acc[x]:
                continue   # a withheld figure: this column can't be checked
            if pv[x] == 0 and acc[x] == 0:
                continue   # 0 = 0 + 0 proves nothing
            comparable += 1
            if self._exact(acc[x], pv[x]):
                good += 1
                exact += 1
                telling += nonzero[x] >= 2
                weighty += nonzero[x] >= 2 and abs(pv[x]) >= SMALL_SUM
            elif (abs(acc[x] - pv[x]) <= self._tol(pv[x], dmax[x], len(kids))
                  and abs(pv[x]) >= 50 * 10.0 ** -dmax[x]):
                good += 1    # within rounding, on a figure big enough for that to mean something
                telling += nonzero[x] >= 2
                weighty += nonzero[x] >= 2
            elif dmax[x] == 0 and abs(acc[x] - pv[x]) > self._grain(p, kids, x, 0) * (len(kids) + 1):
                far += 1     # whole numbers missing by more than rounding each of them could explain
        if good == 0 or good < math.ceil(0.6 * comparable):
            return False
        if (not worded and len(kids) <= NEAR_SUM_KIDS and far and 3 * far >= comparable
                and not all(self.indent.get(c, 0) > self.indent.get(p, 0) for c in kids)):
            return False   # two or three rows near a third in most columns only: a coincidence
        if not TOTAL_WORD.search(self.labels.get(p, "")) and not (telling >= 2 or weighty):
            return False
        if good >= 2:
            return True
        return exact >= 1 and self._structural(p, kids)

    def _grain(self, p: int, kids: list[int], x: int, dmax: int) -> float:
        """The unit a row and its parts are rounded to in column x: 1 (or 0.1 ...) as written, 5 for
        counts rounded at random to fives, 100 for "12,300"-style estimates."""
        grain = 10.0 ** -dmax
        figures = [v for v in (self.vals[r][x] for r in (p, *kids)) if v == v and v != 0]

        def all_of(step: float) -> bool:
            return all(abs(round(v / step) * step - v) < 1e-9 * max(1.0, abs(v)) for v in figures)

        while grain < 1e6 and figures and all_of(grain * 10):
            grain *= 10
        return grain * 5 if figures and all_of(grain * 5) else grain

    def _time_series(self, p: int, kids: list[int]) -> bool:
        """Rows named by periods of one length (years, financial years, months) are a series:
        none is the sum of its neighbours, whatever the figures (2017's 7 = 0 + 1 + 2 + 4). A
        year above its months, or a line that says it is a total, can still be one."""
        lp = self.labels.get(p, "")
        if TOTAL_WORD.search(lp):
            return False
        span = period_months(lp)
        return span is not None and all(period_months(self.labels.get(c, "")) == span for c in kids)

    def _structural(self, p: int, kids: list[int]) -> bool:
        """One column only: the run must fill its block, sit indented under the parent, or
        the label must say it is a total."""
        if TOTAL_WORD.search(self.labels.get(p, "")):
            return True
        ind = self.indent
        if all(ind.get(c, 0) > ind.get(p, 0) for c in kids):
            return True
        first, last = min(kids), max(kids)
        if p < first:
            return last in self.edge_after
        return first in self.edge_before

    def _checkable(self, p: int, pos: dict[int, int]) -> bool:
        """Are there figures next to p it could have been the sum of?"""
        i = pos[p]
        g = self.group[p]
        near = [self.order[j] for j in (i - 2, i - 1, i + 1, i + 2)
                if 0 <= j < len(self.order) and self.group[self.order[j]] == g]
        pv = self.vals[p]
        return len(near) >= 2 and any(v == v and v != 0 for v in pv)

    def _counts(self, p: int) -> bool:
        """Does the row hold whole numbers (counts), which a total must add up exactly?"""
        vals = [v for v in self.vals[p] if v == v]
        return bool(vals) and sum(1 for v in vals if float(v).is_integer()) * 2 > len(vals)

    # ---------------------------------------------------------------- columns
    def find_column_totals(self) -> dict[int, list[int]]:
        """Value columns equal to the sum of a run of value columns beside them, in most rows."""
        vc = self.vcols
        out: dict[int, list[int]] = {}
        rows = self.order[:COLUMN_ROWS]
        m = len(vc)
        if len(rows) < 3 or m < 3:
            return out
        # Per row: prefix sums (withheld figures as 0), prefix counts of withheld and of non-zero
        # figures, so any run of columns is added up in O(1).
        pre, nan, nz, unit = [], [], [], []
        for r in rows:
            v = self.vals[r]
            ps, pn, pz = [0.0], [0], [0]
            for x in range(m):
                bad = v[x] != v[x]
                ps.append(ps[-1] + (0.0 if bad else v[x]))
                pn.append(pn[-1] + bad)
                pz.append(pz[-1] + (not bad and v[x] != 0))
            pre.append(ps)
            nan.append(pn)
            nz.append(pz)
            unit.append(10.0 ** -max(self.prec[r]) if self.prec[r] else 1.0)
        for ti in range(m):
            for step in (+1, -1):
                best = None
                for length in range(2, m):
                    a, b = (ti + 1, ti + length) if step > 0 else (ti - length, ti - 1)
                    if a < 0 or b >= m:
                        break
                    if self._col_sum_ok(ti, a, b, rows, pre, nan, nz, unit):
                        best = (a, b)
                if best:
                    out[vc[ti]] = [vc[x] for x in range(best[0], best[1] + 1)]
                    break
        return out

    def _col_sum_ok(self, ti: int, a: int, b: int, rows: list[int], pre: list[list[float]], nan: list[list[int]],
                    nz: list[list[int]], unit: list[float]) -> bool:
        """Column ti equals the sum of columns a..b in nine rows of ten (or all but one of six or
        more), and in enough rows two or more of the added figures are not zero (0 + 1 = 1 proves
        nothing)."""
        good = checked = telling = bad = 0
        allowed = max(1, len(rows) // 10)
        slack = 1 if b - a < 4 else 2
        for i, r in enumerate(rows):
            t = self.vals[r][ti]
            if t != t or t == 0 or nan[i][b + 1] - nan[i][a]:
                continue
            checked += 1
            # Rounding slack only on figures big enough for a unit or two to be rounding: 2 is
            # no rounded 1 + 0.
            tol = unit[i] * slack if abs(t) >= 50 * unit[i] else 0.0
            if abs(pre[i][b + 1] - pre[i][a] - t) <= tol + 1e-9 * abs(t):
                good += 1
                telling += nz[i][b + 1] - nz[i][a] >= 2
            else:
                bad += 1
                if bad > allowed:
                    return False
        # One row off among six or more that add up is the source's own slip (flagged when the
        # totals are checked), not a sign the column is no total.
        enough = good >= 0.9 * checked or (bad <= 1 and good >= 6)
        return checked >= 3 and enough and telling >= max(2, checked / 3)
