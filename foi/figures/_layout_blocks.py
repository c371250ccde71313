"""Where the tables of a grid are, and what each of their rows is.

The anchor is the data: rows with a number (or a withheld/not-available marker) in a value
column. Runs of data rows, with the blank and section rows between them, are table bodies;
a row between two bodies that reads like a header (text or years over the value columns)
starts a new stacked table. Above each body, its header block is found by walking up: rows
with text over the value columns are header rows (blank rows between them are allowed), a
one-cell row in the label column between header rows is a header too (a stub heading such as
"Age"), and the first row that reads like a title ends the block; what is above is title.
Below the last body, and between a body and the next table's title, rows are notes.
"""

from __future__ import annotations

import re
from typing import Any

from foi.figures._layout_cells import BLANK, DATE, FOOT, MARK, NUM, NUMERIC, TEXT, WORDY, YEAR, text_of
from foi.figures._layout_scan import Kinds, Scan

# A line that opens a table: "Table 3.1", "Figure 2:", "Table A_07".
TITLE_START = re.compile(r"^(?:table|figure|chart|exhibit|appendix)\s*[A-Z]{0,2}[\s._\-]?\d", re.I)
# Lines that are notes wherever they sit: sources, footnotes, symbol legends.
NOTE_START = re.compile(
    r"^(?:notes?\b|sources?\b|footnotes?\b|n\.?b\.?\b|please note|symbols?\b|key\b|"
    r"\\\d|\d{1,2}\s?[/).:]\s|\(\d{1,2}\)|\[(?:note\s?)?\d{1,2}\]|[*\u2020\u2021\u00a7]|"
    r"\(?[A-Za-z]{1,3}\)?\s?(?:=|:|-|\u2013)\s|\.\.\s|-\s|[a-z]\s[A-Z]|"
    r"(?:figures?|data|totals?|this table|these figures|rates?|percentages?)\s+"
    r"(?:are|is|have|may|do|does|for|in|exclude|include|refer|show)\b|"
    r"excludes?\b|includes?\b|represents?\b|based on\b|see\b|refers? to\b|"
    r"\d{1,2}\s+[A-Z][a-z])",
)
# "See notes", "[In thousands]", "(Number of persons)": context lines above a header.
_CONTEXT_LINE = re.compile(r"^(?:\[.*\]|\(.*\)|see\b|in\s|source\b|note\b)", re.I)


class Blocks:
    """The value/label columns, data rows and stacked table bodies of a grid."""

    def __init__(self, scan: Scan) -> None:
        self.scan = scan
        self.K = scan.kinds
        self.n = scan.n
        self.width = scan.width
        self.vcols = self.value_columns(range(self.n))

    # ------------------------------------------------------------------ columns
    def value_columns(self, rows: range | list[int]) -> list[bool]:
        """Columns that hold figures: numbers (or markers) in most rows that have any number."""
        K, width = self.K, self.width
        num = [0] * width
        yr = [0] * width
        wd = [0] * width
        foot = [0] * width
        seen: dict[int, int] = {}   # id(kinds) -> multiplicity, so template rows cost one count
        objs: dict[int, Kinds] = {}
        for i in rows:
            k = K[i]
            key = id(k)
            if key in seen:
                seen[key] += 1
            else:
                seen[key] = 1
                objs[key] = k
        for key, mult in seen.items():
            k = objs[key]
            if not any(x in NUMERIC for x in k):
                continue
            for c, x in enumerate(k):
                if x == NUM or x == MARK:
                    num[c] += mult
                elif x == YEAR:
                    yr[c] += mult
                elif x == TEXT or x == DATE:
                    wd[c] += mult
                elif x == FOOT:
                    foot[c] += mult
        out = [num[c] + yr[c] > 0 and num[c] + yr[c] >= wd[c] for c in range(width)]
        # A column of years ("1990", "1991", ...) beside columns of other figures is a label.
        counts = [c for c in range(width) if out[c] and yr[c] < 0.8 * (num[c] + yr[c])]
        if counts:
            for c in range(width):
                if out[c] and yr[c] >= 0.8 * (num[c] + yr[c]):
                    out[c] = False
        return out

    # ------------------------------------------------------------------ rows
    def is_data(self, k: Kinds, vcols: list[bool]) -> bool:
        """A row with a number or marker in a value column."""
        for c, x in enumerate(k):
            if (x == NUM or x == MARK) and vcols[c]:
                return True
        return False

    def year_header(self, k: Kinds, vcols: list[bool]) -> bool:
        """Years typed as numbers over the value columns (and no figure among them)."""
        years = 0
        for c, x in enumerate(k):
            if not vcols[c]:
                continue
            if x == NUM or x == MARK:
                return False
            if x == YEAR:
                years += 1
        return years >= 1

    def headerish(self, k: Kinds, vcols: list[bool]) -> bool:
        """Text or years over value columns, and no figure: reads like a header row."""
        over = 0
        for c, x in enumerate(k):
            if not vcols[c] or x == BLANK:
                continue
            if x == NUM or x == MARK:
                return False
            if x != FOOT:
                over += 1
        return over >= 1


def row_texts(row: list[Any]) -> list[str]:
    return [t for t in (text_of(v) for v in row) if t]


def first_text(row: list[Any]) -> str:
    for v in row:
        t = text_of(v)
        if t:
            return t
    return ""


def words(text: str) -> int:
    return len(text.split())


def looks_note(text: str) -> bool:
    return bool(NOTE_START.match(text))


def looks_title(text: str) -> bool:
    return bool(TITLE_START.match(text))


def short_label(text: str) -> bool:
    """A stub heading ("Age", "Year", "Type of offence"), not a sentence or a context line."""
    return (0 < len(text) <= 60 and words(text) <= 8 and not text.endswith(".")
            and not _CONTEXT_LINE.match(text) and not looks_title(text))


def nonblank_cols(k: Kinds) -> list[int]:
    return [c for c, x in enumerate(k) if x != BLANK]


def is_wordy(x: int) -> bool:
    return x in WORDY


# ---------------------------------------------------------------------------- building
class _Table:
    """A table being built: its body, header rows and the roles decided so far."""

    def __init__(self, first: int, last: int) -> None:
        self.first, self.last = first, last      # first and last data row of the body
        self.start = first                       # grid rows [start, stop)
        self.stop = last + 1
        self.roles: dict[int, str] = {}          # row -> role, for rows that are not data
        self.header: list[int] = []              # header rows, top to bottom
        self.vcols: list[bool] = []
        self.doubts: list[str] = []
        self.title_from = first                  # where the rows above the header block end


def build_tables(rows: list[list[Any]], merged: list[tuple[int, int, int, int]]) -> list[Any]:
    from foi.figures._layout_assemble import assemble

    scan = Scan(rows)
    b = Blocks(scan)
    K, n = b.K, b.n
    memo: dict[int, bool] = {}
    vc = b.vcols
    data = bytearray(n)
    for i in range(n):
        k = K[i]
        hit = memo.get(id(k))
        if hit is None:
            hit = memo[id(k)] = b.is_data(k, vc)
        if hit:
            data[i] = 1
    D = [i for i in range(n) if data[i]] if n <= 4 * 4000 else _data_rows(data)
    if not D:
        return [_no_data(rows, b, merged)]
    bodies = _bodies(rows, b, D, data)
    tables = [_Table(f, last) for f, last in bodies]
    lo = 0
    for t_i, t in enumerate(tables):
        t.vcols = _table_vcols(b, t, vc)
        _header_block(rows, b, t, lo, first_table=(t_i == 0))
        lo = t.last + 1
    _split_gaps(rows, b, tables)
    for t in tables:
        _body_roles(rows, b, t, data)
    return [assemble(rows, b, t, merged, data) for t in tables]


def _data_rows(data: bytearray) -> list[int]:
    # bytearray.find is C-level: long runs of data rows cost nothing per row.
    out: list[int] = []
    i = data.find(1)
    while i != -1:
        j = data.find(0, i)
        if j == -1:
            j = len(data)
        out.extend(range(i, j))
        i = data.find(1, j)
    return out


def _bodies(rows: list[list[Any]], b: Blocks, D: list[int], data: bytearray) -> list[tuple[int, int]]:
    """Runs of data rows, split where a row between two runs starts another table."""
    K, vc = b.K, b.vcols
    out: list[tuple[int, int]] = []
    start = prev = D[0]
    header_sig = _header_signature(rows, b, start)
    for i in D[1:]:
        if i - prev > 1 and _gap_breaks(rows, b, prev + 1, i, header_sig):
            out.append((start, prev))
            start = i
            header_sig = _header_signature(rows, b, start)
        prev = i
    out.append((start, prev))
    del K, vc
    return out


def _header_signature(rows: list[list[Any]], b: Blocks, start: int) -> set[tuple[str, ...]]:
    """Texts of the header-like rows just above a body, to know a repeated header again."""
    sig: set[tuple[str, ...]] = set()
    for j in range(start - 1, max(-1, start - 12), -1):
        if b.headerish(b.K[j], b.vcols):
            sig.add(tuple(row_texts(rows[j])))
    return sig


_STRONG_NOTE = re.compile(r"^(?:notes?|sources?|footnotes?)\b", re.I)


def _gap_breaks(rows: list[list[Any]], b: Blocks, a: int, z: int, header_sig: set[tuple[str, ...]]) -> bool:
    """Do the rows [a, z) between two runs of data rows end one table and start another?"""
    K, vc = b.K, b.vcols
    for j in range(a, z):
        k = K[j]
        if b.headerish(k, vc):
            if tuple(row_texts(rows[j])) in header_sig:
                continue   # the header repeated (a PDF page break, a long sheet)
            return True
        t = first_text(rows[j])
        if t and (looks_title(t) or _STRONG_NOTE.match(t)):
            return True
    return False


def _table_vcols(b: Blocks, t: _Table, vc: list[bool]) -> list[bool]:
    own = b.value_columns(range(t.first, t.last + 1))
    return [own[c] for c in range(b.width)] if any(own) else list(vc)


def _header_block(rows: list[list[Any]], b: Blocks, t: _Table, lo: int, first_table: bool) -> None:
    """Find t's header rows above its body (down to `lo`), and where the table starts.

    Walking up from the body: header-like rows (text or years over the value columns) are
    header rows, blank rows between them allowed; one-cell rows in a label column are kept
    pending; the first other row (a long line, a "Table 3" line, a context line) ends the
    block. A pending row between two header rows is a stub heading ("Age"); one between the
    header and the body is a section, unless its column has no header yet (then it is that
    column's heading, "Year"); one right above the block is a heading only on the same terms.
    """
    K, vc = b.K, t.vcols
    header: list[int] = []
    below: list[int] = []         # one-cell rows between the lowest header row and the body
    between: list[int] = []       # one-cell rows between header rows
    pending: list[int] = []
    i = t.first - 1
    stop_at = lo
    while i >= lo:
        k = K[i]
        nb = nonblank_cols(k)
        if not nb:
            i -= 1
            continue
        text = first_text(rows[i])
        one = len(nb) == 1
        if b.headerish(k, vc) and not (one and (looks_title(text) or words(text) > 12 or looks_note(text)
                                                and words(text) > 4)):
            (between if header else below).extend(pending)
            pending = []
            header.append(i)
        elif not one and sum(1 for c in nb if is_wordy(k[c])) >= 2 and not vc_has(k, vc) and header:
            # Stub headings over several label columns ("Region", "Force"), inside a header block.
            between.extend(pending)
            pending = []
            header.append(i)
        elif one and not vc[nb[0]] and short_label(text) and not looks_note(text):
            pending.append(i)
        else:
            stop_at = i + 1
            break
        i -= 1
    if not header:
        below, pending = [], below + pending
    headed = {c for h in header + between for c in nonblank_cols(K[h])}
    for p in sorted(below):
        c = nonblank_cols(K[p])[0]
        if p == t.first - 1 and _wrapped(rows, b, p, first_text(rows[p]), None, t.first):
            t.roles[p] = "data"
        elif c not in headed and _stub_word(first_text(rows[p])):
            t.roles[p] = "header"
            headed.add(c)
        else:
            t.roles[p] = "section"
    for p in between:
        t.roles[p] = "header"
    if header and pending:
        top = header[-1]
        p = pending[0]
        c = nonblank_cols(K[p])[0]
        if p == top - 1 and c not in headed and _stub_word(first_text(rows[p])):
            t.roles[p] = "header"
            pending = pending[1:]
    for p in pending:
        t.roles[p] = "title"
    t.header = sorted(r for r, role in t.roles.items() if role == "header" and r < t.first) or sorted(header)
    t.header = sorted(set(t.header) | set(header))
    for h in t.header:
        t.roles[h] = "header"
    while stop_at < t.first and not any(x != BLANK for x in K[stop_at]):
        stop_at += 1
    t.start = lo if first_table else stop_at
    t.title_from = stop_at   # rows [start, title_from) of a stacked table are decided by _split_gaps


def vc_has(k: Kinds, vc: list[bool]) -> bool:
    return any(x != BLANK and vc[c] for c, x in enumerate(k))


_YEAR_IN = re.compile(r"\b(?:1[89]|20)\d\d\b")


def _stub_word(text: str) -> bool:
    return (words(text) <= 4 and text[:1].isupper() and not _YEAR_IN.search(text)
            and not text.endswith(":"))


def _prev_nonblank(b: Blocks, i: int) -> int | None:
    j = i - 1
    while j >= 0:
        if any(x != BLANK for x in b.K[j]):
            return j
        j -= 1
    return None


def _split_gaps(rows: list[list[Any]], b: Blocks, tables: list[_Table]) -> None:
    """Between two stacked tables: the first one's notes, then the second one's title."""
    for prev, t in zip(tables, tables[1:], strict=False):
        lo, hi = prev.last + 1, t.title_from   # rows [lo, hi) are undecided: notes or title
        # The title block: from a "Table N" line, else the text lines right above the header.
        title_from = hi
        j = hi - 1
        while j >= lo and any(x != BLANK for x in b.K[j]):
            title_from = j
            j -= 1
        for j in range(hi - 1, lo - 1, -1):
            text = first_text(rows[j])
            if text and looks_title(text):
                title_from = j
                break
        for j in range(lo, hi):
            if j >= title_from:
                t.roles[j] = "title" if any(x != BLANK for x in b.K[j]) else "blank"
        t.start = title_from if title_from < hi else hi
        # Blank rows just before the title go with the previous table.
        prev.stop = t.start
        for j in range(lo, t.start):
            prev.roles[j] = "note" if any(x != BLANK for x in b.K[j]) else "blank"
    if tables:
        last = tables[-1]
        last.stop = b.n
        for j in range(last.last + 1, b.n):
            last.roles[j] = "note" if any(x != BLANK for x in b.K[j]) else "blank"
        first = tables[0]
        for j in range(0, first.title_from):
            first.roles.setdefault(j, "title" if any(x != BLANK for x in b.K[j]) else "blank")
    for t in tables:
        for j in range(t.title_from, t.first):
            t.roles.setdefault(j, "blank" if not any(x != BLANK for x in b.K[j]) else "title")


_CONTINUES = re.compile(r"(?:[-,/&(]|\b(?:and|or|of|for|the|in|to|by|with|from|excluding|including))$", re.I)


def _body_roles(rows: list[list[Any]], b: Blocks, t: _Table, data: bytearray) -> None:
    """Roles of the rows inside t's body that are not data rows."""
    K, vc = b.K, t.vcols
    first, last = t.first, t.last
    i = first
    while i <= last:
        if data[i]:
            j = data.find(0, i, last + 1)
            if j == -1:
                break
            i = j
            continue
        k = K[i]
        nb = nonblank_cols(k)
        if not nb:
            t.roles[i] = "blank"
        elif b.headerish(k, vc):
            t.roles[i] = "header"
        else:
            text = first_text(rows[i])
            if _STRONG_NOTE.match(text):
                t.roles[i] = "note"
            elif _wrapped(rows, b, i, text, data, last):
                t.roles[i] = "data"
            else:
                t.roles[i] = "section"
        i += 1


def _wrapped(rows: list[list[Any]], b: Blocks, i: int, text: str, data: bytearray | None, last: int) -> bool:
    """A label that wraps onto the next line, which holds the figures ("Take paid or unpaid
    time off for" / "education" + figures): the first line is part of a data row."""
    j = i + 1
    if j > last or (data is not None and not data[j]):
        return False
    nxt = first_text(rows[j])
    return bool(nxt) and (nxt[:1].islower() or bool(_CONTINUES.search(text)))


def _no_data(rows: list[list[Any]], b: Blocks, merged: list[tuple[int, int, int, int]]) -> Any:
    """A grid with no figures: a list of records (several text columns), or text."""
    from foi.figures._layout_assemble import assemble_plain

    return assemble_plain(rows, b, merged)
