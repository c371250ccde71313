"""A table's rows, columns, totals and hierarchy -> a `TableLayout`."""

from __future__ import annotations

import re
from typing import Any

from foi.figures._layout_blocks import Blocks, _Table, row_texts
from foi.figures._layout_cells import BLANK, FOOT, NUM, NUMERIC, WORDY, YEAR, indent_of, number, text_of
from foi.figures._layout_header import column_headers
from foi.figures._layout_totals import Arithmetic

# Value columns that identify rather than count: codes, ranks, reference numbers.
CODE_HEADER = re.compile(
    r"\bcodes?\b|\bid\b|^no\.?$|\bref(?:erence)?\b|^rank|\babbreviation\b|\bfips\b|\bansi\b|\bnaics\b|"
    r"\bsic\b|\bons\b|^#$|\bserial\b|\burn\b",
    re.I,
)
ARITHMETIC_ROWS = 2000   # rows of a body checked for sums (head of a long table)
# Columns whose figures never add up across rows: shares, rates, averages, indexes.
NON_ADDITIVE = re.compile(
    r"%|\bper\s?cent|\bpercent|\bproportion|\bshare\b|\brates?\b|\bper\s+(?:\d|head|capita|1,?000|100)|"
    r"\baverage\b|\bmean\b|\bmedian\b|\bratio\b|\bindex\b|\bchange\b",
    re.I,
)
# Lines that close a table with a statistic of the rows above: not a sum, still not data.
AGGREGATE_WORD = re.compile(
    r"^\s*(?:(?:annual\s+)?average\b|(?:per\s?cent(?:age)?|%)\s+change|change\b|"
    r"(?:average\s+)?annual\s+(?:average\s+)?(?:growth|change|rate))|\b(?:average|mean)\s*$",
    re.I,
)


def assemble(rows: list[list[Any]], b: Blocks, t: _Table, merged: list[tuple[int, int, int, int]],
             data: bytearray) -> Any:
    from foi.figures.layout import ColumnLayout, TableLayout

    K, width = b.K, b.width
    start, stop = t.start, t.stop
    roles = ["data"] * (stop - start)
    for r, role in t.roles.items():
        if start <= r < stop:
            roles[r - start] = role
    vc = t.vcols
    body = range(t.first, t.last + 1)
    label_cols, value_cols, ignored = _column_kinds(K, body, data, vc, width)
    cells, paths = column_headers(rows, K, t.header, width, set(label_cols), set(label_cols) | set(value_cols),
                                  merged, wrapped=b.from_pdf)
    for c in list(value_cols):
        if paths[c] and CODE_HEADER.search(paths[c][-1]) and _identifier_like(rows, K, body, data, c):
            value_cols.remove(c)
            label_cols.append(c)
    label_cols.sort()
    for c in _row_numbers(rows, K, body, data, label_cols, paths):
        label_cols.remove(c)
    kind = "table"
    if _record_list(rows, K, body, data, value_cols, label_cols):
        kind = "record-list"

    levels = [0] * (stop - start)
    parents: list[int | None] = [None] * (stop - start)
    sums: dict[int, list[int]] = {}
    col_sums: dict[int, list[int]] = {}
    doubts: list[str] = []
    lab = label_cols[0] if label_cols else None
    if kind == "table" and value_cols:
        ratios = {c for c in value_cols if any(NON_ADDITIVE.search(h) for h in paths[c])}
        sums, col_sums = _totals(rows, b, t, roles, value_cols, label_cols, data, levels, parents, doubts, ratios)
    elif lab is not None:
        _sections_only(rows, t, roles, levels, parents)
    if not t.header:
        doubts.append("no header row found above the figures")
    columns = []
    for c in range(width):
        if c in col_sums:
            role = "total"
        elif c in value_cols:
            role = "value"
        elif c in label_cols:
            role = "label"
        else:
            role = "ignored"
        columns.append(ColumnLayout(col=c, role=role, header_rows=cells[c], header=paths[c],
                                    sums=col_sums.get(c)))
    del ignored
    # Title and note lines are among the few rows decided one by one (t.roles), never data.
    title = [" ".join(row_texts(rows[r])) for r in sorted(t.roles) if start <= r < stop and roles[r - start] == "title"]
    notes = [" ".join(row_texts(rows[r])) for r in sorted(t.roles) if start <= r < stop and roles[r - start] == "note"]
    return TableLayout(start=start, stop=stop, roles=roles, levels=levels, parents=parents, columns=columns,
                       title=title, notes=notes, sums=sums, kind=kind, doubts=doubts + t.doubts)


def _column_kinds(K: Any, body: range, data: bytearray, vc: list[bool],
                  width: int) -> tuple[list[int], list[int], list[int]]:
    """Label, value and ignored columns of a body, from its data rows' cells."""
    wordy = [0] * width
    numeric = [0] * width
    foot = [0] * width
    distinct = set(K[body.start:body.stop]) if len(body) > 5000 else {K[r] for r in body if data[r]}
    for k in distinct:
        for c, x in enumerate(k):
            if x in WORDY:
                wordy[c] += 1
            elif x in NUMERIC:
                numeric[c] += 1
            elif x == FOOT:
                foot[c] += 1
    label, value, ignored = [], [], []
    for c in range(width):
        if vc[c] and numeric[c]:
            value.append(c)
        elif wordy[c] or (numeric[c] and not vc[c]):
            label.append(c)
        else:
            ignored.append(c)   # empty, or only footnote markers: folded into the neighbours
    return label, value, ignored


def _identifier_like(rows: list[list[Any]], K: Any, body: range, data: bytearray, c: int) -> bool:
    """Numbers that name things (codes, ranks): never signed fractions."""
    for r in body[:500]:
        if data[r] and K[r][c] == NUM:
            v = number(rows[r][c])
            if v is None or v < 0 or not float(v).is_integer():
                return False
    return True


def _record_list(rows: list[list[Any]], K: Any, body: range, data: bytearray, value_cols: list[int],
                 label_cols: list[int]) -> bool:
    """One row per case: no column of figures but a running number; or three or more text
    columns, one of them (a name, a place, a date) different on nearly every row, beside at
    most two columns of numbers (an age, a grid reference) -- not a table of counts."""
    if len(label_cols) < 2 or len(body) < 5:
        return False
    sample = [r for r in body[:2000] if data[r]]
    if all(_running(rows, K, sample, c) for c in value_cols):
        return True
    if len(label_cols) < 3 or len(value_cols) > 2 or len(sample) < 20:
        return False
    for c in label_cols:
        texts = [text_of(rows[r][c]) for r in sample if c < len(rows[r])]
        texts = [t for t in texts if t]
        if len(texts) >= 0.8 * len(sample) and len(set(texts)) >= 0.9 * len(texts):
            return True
    return False


def _row_numbers(rows: list[list[Any]], K: Any, body: range, data: bytearray, label_cols: list[int],
                 paths: list[list[str]]) -> list[int]:
    """Label columns that only number the rows: no header, 0 or 1 then each row one more (the
    index a data frame writes out: '"", "date", ...' then '"1", 2003, ...'), beside a column of
    real labels. They name nothing, so they are no label."""
    if len(label_cols) < 2:
        return []
    sample = [r for r in body[:2000] if data[r]]
    out = []
    for c in label_cols:
        if paths[c] or len(sample) < 3:
            continue
        first = next((number(rows[r][c]) for r in sample if c < len(rows[r]) and K[r][c] in (NUM, YEAR)), None)
        if first in (0, 1) and _running(rows, K, sample, c) and \
                all(K[r][c] in (NUM, YEAR) for r in sample if c < len(rows[r])):
            out.append(c)
    return out if len(out) < len(label_cols) else []


def _running(rows: list[list[Any]], K: Any, sample: list[int], c: int) -> bool:
    prev = None
    steps = good = 0
    for r in sample:
        v = number(rows[r][c]) if K[r][c] in (NUM, YEAR) else None
        if v is None:
            continue
        if prev is not None:
            steps += 1
            good += v == prev + 1
        prev = v
    return bool(steps) and good >= 0.9 * steps


def _totals(rows: list[list[Any]], b: Blocks, t: _Table, roles: list[str], value_cols: list[int],
            label_cols: list[int], data: bytearray, levels: list[int], parents: list[int | None],
            doubts: list[str], ratios: set[int]) -> tuple[dict[int, list[int]], dict[int, list[int]]]:
    K = b.K
    start = t.start
    lab = label_cols[0] if label_cols else None
    end = min(t.last + 1, t.first + ARITHMETIC_ROWS)
    order: list[int] = []
    group: dict[int, int] = {}
    edge_before: set[int] = set()
    edge_after: set[int] = set()
    labels: dict[int, str] = {}
    indent: dict[int, int] = {}
    g = 0
    last_data: int | None = None
    gap = True
    # From the row under the header block: sections can open before the first figures.
    begin = max([h + 1 for h in t.header if h < t.first], default=t.first)
    for r in range(begin, end):
        role = roles[r - start]
        if role == "data":
            if last_data is not None and gap:
                edge_after.add(last_data)
            if gap:
                edge_before.add(r)
            gap = False
            order.append(r)
            group[r] = g
            row = rows[r]
            labels[r] = _label_text(row, label_cols)
            indent[r] = indent_of(row[lab] if lab is not None and lab < len(row) else None)
            last_data = r
        else:
            gap = True
            if role in ("section", "header", "note"):
                g += 1
    if last_data is not None:
        edge_after.add(last_data)
    if not order:
        return {}, {}
    ar = Arithmetic(rows, K, order, value_cols, group, edge_before, edge_after, labels, indent,
                    skip={i for i, c in enumerate(value_cols) if c in ratios})
    ar.find_row_totals()
    for p in ar.sums:
        roles[p - start] = "total"
    for p in sorted(ar.failed):
        doubts.append(f"row {p + 1} reads like a total ({labels.get(p, '')!r}) but does not add up")
    for p in ar.unchecked:
        # "Total" over rates or withheld figures: nothing to add up, and a word alone never
        # makes a total, so the row stays data and the reader is told.
        doubts.append(f"row {p + 1} ({labels.get(p, '')!r}) reads like a total but its figures "
                      "(rates, shares or withheld) cannot be added up to check")
    for p in reversed(order[-3:]):
        if roles[p - start] != "data" or not AGGREGATE_WORD.search(labels.get(p, "")):
            break
        roles[p - start] = "total"
    _sections(rows, roles, begin, end, start, lab, ar, levels, parents)
    _hierarchy(order, ar, labels, indent, levels, parents, start)
    col_sums = ar.find_column_totals()
    return dict(ar.sums), col_sums


def _sections(rows: list[list[Any]], roles: list[str], begin: int, end: int, start: int, lab: int | None,
              ar: Arithmetic, levels: list[int], parents: list[int | None]) -> None:
    """Rows under section lines: parent = the innermost open section, level = its depth.

    Consecutive section lines nest ("Region" / "Sex"); a section after figures replaces the
    last one (or the ones indented more than it). A total that adds up rows across sections
    closes them and the section they sit in ("London" / "Pre-court" ... / "TOTAL").
    """
    sections: list[tuple[int, int]] = []     # (row, indent) of open sections, outermost first
    opened: dict[int, int] = {}               # data row -> depth of the section stack there
    after_data = False
    for r in range(begin, end):
        role = roles[r - start]
        if role in ("data", "total"):
            if r in ar.sums and sections and r not in ar.below:
                first = min(ar.sums[r])
                crossed = [s for s, _ in sections if first < s < r]
                if crossed:
                    depth = opened.get(first, 0)
                    del sections[max(depth - 2, 0):]
                    after_data = False
                    continue
            opened[r] = len(sections)
            if sections:
                parents[r - start] = sections[-1][0]
                levels[r - start] = len(sections)
            after_data = True
        elif role == "section":
            ind = indent_of(rows[r][lab]) if lab is not None and lab < len(rows[r]) else 0
            if after_data and sections:
                # A new section after figures: a sibling of the last one, unless it is
                # indented less (then it closes the ones indented more).
                sections.pop()
            while sections and sections[-1][1] > ind:
                sections.pop()
            if sections:
                parents[r - start] = sections[-1][0]
            levels[r - start] = len(sections)
            sections.append((r, ind))
            after_data = False


def _hierarchy(order: list[int], ar: Arithmetic, labels: dict[int, str], indent: dict[int, int],
               levels: list[int], parents: list[int | None], start: int) -> None:
    """Levels and parents of data and total rows: indentation first, then parent rows found
    by arithmetic (children below a parent that is not just a "Total" line)."""
    years = [r for r in order if _A_YEAR.fullmatch(labels.get(r, "").strip())]
    if len(years) >= 2:
        # One year is never inside another: years written with a stray space in front are siblings.
        low = min(indent[r] for r in years)
        indent = {**indent, **dict.fromkeys(years, low)}
    indents = sorted({indent[r] for r in order})
    if len(indents) > 1:
        rank = {v: i for i, v in enumerate(indents)}
        stack: list[int] = []
        for r in order:
            while stack and indent[stack[-1]] >= indent[r]:
                stack.pop()
            base = levels[r - start]
            if stack:
                parents[r - start] = stack[-1]
            levels[r - start] = base + rank[indent[r]]
            stack.append(r)
        return
    for r in order:    # top down, so a parent's level is known before its children's
        p = ar.child_of.get(r)
        if p is not None and p in ar.below:
            parents[r - start] = p
            levels[r - start] = levels[p - start] + 1


def _sections_only(rows: list[list[Any]], t: _Table, roles: list[str], levels: list[int],
                   parents: list[int | None]) -> None:
    current = None
    for r in range(t.first, t.last + 1):
        role = roles[r - t.start]
        if role == "section":
            current = r
        elif role == "data" and current is not None:
            parents[r - t.start] = current
            levels[r - t.start] = 1


_A_YEAR = re.compile(r"(?:1[89]|20)\d\d(?:\s*[/\-\u2013]\s*(?:\d\d|(?:1[89]|20)\d\d))?")


def _label_text(row: list[Any], label_cols: list[int]) -> str:
    for c in label_cols:
        if c < len(row):
            text = text_of(row[c])
            if text:
                return text
    return ""


def assemble_plain(rows: list[list[Any]], b: Blocks, merged: list[tuple[int, int, int, int]]) -> Any:
    """A grid without figures: a record list when several rows have several text cells
    (the first such row its header), else text."""
    from foi.figures.layout import ColumnLayout, TableLayout

    K, n, width = b.K, b.n, b.width
    multi = [r for r in range(n) if sum(1 for x in K[r] if x != BLANK) >= 2]
    roles = ["blank" if not any(x != BLANK for x in K[r]) else "note" for r in range(n)]
    kind = "text"
    header: list[int] = []
    if len(multi) >= 3:
        kind = "record-list"
        h = multi[0]
        header = [h]
        for r in range(n):
            if r < h:
                roles[r] = "title" if roles[r] != "blank" else "blank"
            elif r == h:
                roles[r] = "header"
            elif roles[r] != "blank":
                roles[r] = "data" if sum(1 for x in K[r] if x != BLANK) >= 2 else "note"
    used = {c for r in range(n) for c in range(width) if K[r][c] != BLANK and roles[r] == "data"}
    cells, paths = column_headers(rows, K, header, width, used, used, merged)
    columns = [ColumnLayout(col=c, role="label" if c in used else "ignored", header_rows=cells[c],
                            header=paths[c]) for c in range(width)]
    title = [" ".join(row_texts(rows[r])) for r in range(n) if roles[r] == "title"]
    notes = [" ".join(row_texts(rows[r])) for r in range(n) if roles[r] == "note"]
    doubts = ["no figures found: a list of records" if kind == "record-list" else "no figures found"]
    return TableLayout(start=0, stop=n, roles=roles, levels=[0] * n, parents=[None] * n, columns=columns,
                       title=title, notes=notes, kind=kind, doubts=doubts)
