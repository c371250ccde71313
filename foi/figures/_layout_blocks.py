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
from collections import Counter
from typing import Any

from foi.figures._layout_cells import BLANK, DATE, FOOT, MARK, NUM, NUMERIC, TEXT, WORDY, YEAR, number, text_of
from foi.figures._layout_scan import Kinds, Scan
from foi.figures._layout_totals import TOTAL_WORD
from foi.figures._layout_years import MARKED_YEAR, period_overhead, years_in_order

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
        self.forced_header: set[int] = set()   # rows with numbers that are still header rows
        self.from_pdf = False                   # header lines may be one cell's wrapped text
        self.vcols = self.value_columns(range(self.n))
        # The figure area: value columns, and the columns right of the first one that are not
        # label columns (a PDF's header text often sits one column off its figures).
        first = next((c for c in range(self.width) if self.vcols[c]), self.width)
        self.area = [self.vcols[c] or (c > first and self._wordy[c] * 10 <= 3 * max(self._numeric_rows, 1))
                     for c in range(self.width)]

    # ------------------------------------------------------------------ columns
    def value_columns(self, rows: range | list[int]) -> list[bool]:
        """Columns that hold figures: numbers (or markers) in most rows that have any number."""
        K, width = self.K, self.width
        num = [0] * width
        yr = [0] * width
        wd = [0] * width
        foot = [0] * width
        plain = [0] * width
        # Distinct kinds with their multiplicity: template rows of a long grid cost one count.
        picked = K if isinstance(rows, range) and rows == range(len(K)) else (
            K[rows.start:rows.stop] if isinstance(rows, range) and rows.step == 1 else [K[i] for i in rows])
        seen: dict[Kinds, int] = Counter(picked)
        objs = {key: key for key in seen}
        for key, mult in seen.items():
            k = objs[key]
            if not any(x in NUMERIC for x in k):
                continue
            for c, x in enumerate(k):
                if x == NUM or x == MARK:
                    num[c] += mult
                    if x == NUM:
                        plain[c] += mult
                elif x == YEAR:
                    yr[c] += mult
                elif x == TEXT or x == DATE:
                    wd[c] += mult
                elif x == FOOT:
                    foot[c] += mult
        self._wordy = wd
        self._numeric_rows = sum(mult for key, mult in seen.items() if any(x in NUMERIC for x in objs[key]))
        out = [num[c] + yr[c] > 0 and num[c] + yr[c] >= wd[c] for c in range(width)]
        # A running number (1, 2, 3, ...: a rank or a row number) left of other figures is a label.
        for c in range(width):
            if out[c]:
                if sum(out) > 1 and self._running_number(c, rows):
                    out[c] = False
                break
        # A column of years ("1990", "1991", ...) beside columns of other figures is a label; counts
        # that happen to fall in 1800-2100 come with other counts and in no order.
        # Under a header that is itself a year or period ("2019/20") they are that period's figures.
        # The stub: no names or numbers left of the column.
        stub = [not any(wd[:c]) and not any(num[:c]) and not any(yr[:c]) for c in range(width)]
        cells = self.scan.rows
        years = [out[c] and yr[c] >= 2 and yr[c] >= 2 * plain[c] and years_in_order(cells, K, c, rows, stub=stub[c])
                 and not period_overhead(cells, K, c, rows) for c in range(width)]
        counts = [c for c in range(width) if out[c] and not years[c]]
        if counts:
            for c in range(counts[0]):
                if years[c] and (num[counts[0]] + yr[counts[0]]) * 2 >= yr[c]:
                    out[c] = False
        return out

    def _running_number(self, c: int, rows: range | list[int]) -> bool:
        cells = self.scan.rows
        prev = first = None
        steps = good = 0
        for i in rows:
            if i >= len(cells) or c >= len(cells[i]) or self.K[i][c] != NUM:
                continue
            v = number(cells[i][c])
            if v is None:
                return False
            if prev is not None:
                steps += 1
                good += v == prev + 1
            else:
                first = v
            prev = v
            if steps >= 200:
                break
        # Numbering starts at 1; three small counts going 0, 1, 2 or 5, 6, 7 are no numbering.
        return steps >= 2 and good == steps and first == 1

    # ------------------------------------------------------------------ rows
    def is_data(self, k: Kinds, vcols: list[bool]) -> bool:
        """A row with a number or marker in a value column."""
        for c, x in enumerate(k):
            if (x == NUM or x == MARK or x == YEAR) and vcols[c]:
                return True
        return False

    def headerish(self, i: int, vcols: list[bool]) -> bool:
        """Text or years over value columns, and no figure: reads like a header row."""
        if i in self.forced_header:
            return True
        over = 0
        area = self.area
        for c, x in enumerate(self.K[i]):
            if x == BLANK or not (vcols[c] or area[c]):
                continue
            if (x == NUM or x == MARK) and vcols[c]:
                return False
            if x != FOOT:
                over += 1
        return over >= 1

    def header_over_figures(self, i: int, vcols: list[bool], above: int | None,
                            header_below: bool = False) -> bool:
        """A row with numbers in it that is still a header: years (possibly with a footnote
        mark, "2007*", "20081") over the value columns, or mostly text over them with a number
        among it ("Total | 50000 | 51 000-100 000"). Years right above another header row (the
        outcomes under each year) head it, in whatever order they come. `above`: the header row
        above it (past blank and figureless rows), if there is one."""
        k, row = self.K[i], self.scan.rows[i]
        years: list[int] = []
        year_cols: list[int] = []
        counts: list[float] = []
        texts: list[str] = []
        num = wordy = 0
        labels_blank = True
        for c, x in enumerate(k):
            if x == BLANK:
                continue
            if not vcols[c]:
                if x in WORDY or x == YEAR:
                    labels_blank = False   # a year in the stub is a row's label ("2009 | 1950 | 2010")
                continue
            if x == YEAR:
                years.append(int(float(str(row[c]).strip()[:4])) if not isinstance(row[c], int | float)
                             else int(row[c]))
                year_cols.append(c)
            elif x == NUM:
                m = MARKED_YEAR.match(text_of(row[c]))
                if m:
                    years.append(int(m.group(1)))
                else:
                    num += 1
                    v = number(row[c])
                    if v is not None:
                        counts.append(v)
            elif x == MARK:
                num += 1
            elif x in WORDY:
                wordy += 1
                texts.append(text_of(row[c]))
        if num == 0 and years:
            if labels_blank or header_below or wordy:
                return True   # years beside text over the figures ("2019 | 2020 | Total"): a header
            if len(years) == 1:
                return above is None   # "Offence | 2022" heading a table that has no other header
            if above is not None and all(self.K[above][c] in WORDY for c in year_cols):
                # Each of those columns already has its own heading ("Year | ... | Number"): the
                # years under them are a long table's first record, not a second header row.
                return False
            # Beside a label, only a run of years a few apart reads as a header ("Item | 2019 |
            # 2020 | 2021"); figures that happen to fall in 1800-2100 rarely line up like that.
            steps = [b - a for a, b in zip(years, years[1:], strict=False)]
            return all(0 < d <= 10 for d in steps) or all(-10 <= d < 0 for d in steps)
        if wordy and not years and _category_run(counts, num, texts):
            return True
        return wordy >= 2 and wordy > num + len(years)


def _category_run(counts: list[float], num: int, texts: list[str]) -> bool:
    """Small whole numbers counting up by one from 0 or 1 beside text that closes the run ("0 | 1 |
    2 | More than 2", "1 | 2 | 3 | 4+", "... | Total"): categories of a count (previous cautions,
    arrests, children), a header row. A data row's figures may count up by chance, but its text
    ("not recorded") does not name the next category or the total."""
    if len(counts) < 2 or len(counts) != num or counts[0] not in (0, 1) or counts[-1] > 20:
        return False
    if not all(float(b - a) == 1.0 for a, b in zip(counts, counts[1:], strict=False)):
        return False
    last = int(counts[-1])
    closing = {str(last), str(last + 1)}
    return any(TOTAL_WORD.search(t) or closing & set(_DIGITS.findall(t)) for t in texts)




_DIGITS = re.compile(r"\d+")


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


def build_tables(rows: list[list[Any]], merged: list[tuple[int, int, int, int]], from_pdf: bool = False) -> list[Any]:
    from foi.figures._layout_assemble import assemble

    scan = Scan(rows)
    b = Blocks(scan)
    b.from_pdf = from_pdf
    K, n = b.K, b.n
    vc = b.vcols
    memo = {k: int(b.is_data(k, vc)) for k in set(K)}
    data = bytearray(map(memo.__getitem__, K))
    _figureless_rows(b, data)
    _headers_over_figures(b, data)
    D = [i for i in range(n) if data[i]] if n <= 4 * 4000 else _data_rows(data)
    if not D:
        return [_no_data(rows, b, merged)]
    bodies = _bodies(rows, b, D, data)
    tables = [_Table(f, last) for f, last in bodies]
    lo = 0
    for t_i, t in enumerate(tables):
        # One table in a long grid: the grid's value columns are its own (not recounted).
        t.vcols = list(vc) if len(tables) == 1 and scan.sampled else _table_vcols(b, t, vc)
        _header_block(rows, b, t, lo, first_table=(t_i == 0))
        lo = t.last + 1
    _split_gaps(rows, b, tables)
    for t in tables:
        _body_roles(rows, b, t, data)
    return [assemble(rows, b, t, merged, data) for t in tables]


def _figureless_rows(b: Blocks, data: bytearray) -> None:
    """A row with its labels in the same two or more label columns as the data row above it, and no
    figure ("North East | Durham | | "), is a data row whose figures are blank: neither a section
    (a heading is one cell) nor the end of the table."""
    K, vc = b.K, b.vcols
    i = data.find(0)
    while i != -1:
        k = K[i]
        cols = [c for c, x in enumerate(k) if x != BLANK]
        if i > 0 and data[i - 1] and len(cols) >= 2 and not any(vc[c] for c in cols) and \
                cols == [c for c, x in enumerate(K[i - 1]) if x != BLANK and not vc[c]]:
            data[i] = 1
        i = data.find(0, i + 1)


def _headers_over_figures(b: Blocks, data: bytearray) -> None:
    """Rows with numbers at the top of a run of data rows that are header rows (years typed
    as numbers, ranges with a number among them) stop being data rows."""
    K, vc, n = b.K, b.vcols, b.n
    prev_data = False
    i = data.find(1)
    while i != -1:
        j = i - 1
        while j >= 0 and not any(x != BLANK for x in K[j]):
            j -= 1
        prev_data = j >= 0 and bool(data[j])
        # The header above, past blank rows and rows of labels with no figures ("Burglary | Charged |"):
        h = j
        while h >= 0 and not data[h] and not b.headerish(h, vc) and not vc_has(K[h], vc) and h >= i - 12:
            h -= 1
        k = i + 1
        while k < n and not any(x != BLANK for x in K[k]):
            k += 1
        below = k < n and not data[k] and b.headerish(k, vc)
        above = h if h >= 0 and b.headerish(h, vc) else None
        if not prev_data and b.header_over_figures(i, vc, above, header_below=below):
            nxt = data.find(1, i + 1)
            if nxt != -1:
                data[i] = 0
                b.forced_header.add(i)
                i = nxt
                continue
        # Skip to the end of this run of data rows.
        z = data.find(0, i)
        if z == -1:
            break
        i = data.find(1, z)


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
        if b.headerish(j, b.vcols):
            sig.add(tuple(row_texts(rows[j])))
    return sig


_STRONG_NOTE = re.compile(r"^(?:notes?|sources?|footnotes?)\b", re.I)


def _gap_breaks(rows: list[list[Any]], b: Blocks, a: int, z: int, header_sig: set[tuple[str, ...]]) -> bool:
    """Do the rows [a, z) between two runs of data rows end one table and start another?

    A new header breaks the table when it heads most of the figures below it; a header line
    over one or two columns (a stub heading, "Total incidents" over the total column, written
    between a grand total row and the rest) continues the table above.
    """
    K, vc = b.K, b.vcols
    below = [c for c in range(b.width) if vc[c] and any(
        K[r][c] in NUMERIC for r in range(z, min(z + 5, b.n)))]
    for j in range(a, z):
        if b.headerish(j, vc):
            if tuple(row_texts(rows[j])) in header_sig:
                continue   # the header repeated (a PDF page break, a long sheet)
            over = sum(1 for c in below if K[j][c] != BLANK)
            if j in b.forced_header or not below or over * 2 >= len(below):
                return True
            continue
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
        if b.headerish(i, vc) and not (one and (looks_title(text) or words(text) > 12 or looks_note(text)
                                                and words(text) > 4)) and not _comma_split_title(rows[i]):
            (between if header else below).extend(pending)
            pending = []
            header.append(i)
        elif not one and sum(1 for c in nb if is_wordy(k[c])) >= 2 and not vc_has(k, vc):
            if header:
                # Stub headings over several label columns ("Region", "Force"), in a header block.
                between.extend(pending)
                pending = []
                header.append(i)
            else:
                pending.append(i)    # a section line with a code beside it ("Wales: | W")
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
        cols = nonblank_cols(K[p])
        if p == t.first - 1 and _wrapped(rows, b, p, first_text(rows[p]), None, t.first):
            t.roles[p] = "data"
        elif (len(cols) == 1 and cols[0] not in headed and p < t.first - 1 and _stub_word(first_text(rows[p]))
              and all(not any(x != BLANK for x in K[j]) for j in range(p + 1, t.first))):
            # The label column's own heading, set apart from the figures by a blank line ("State").
            t.roles[p] = "header"
            headed.add(cols[0])
        else:
            t.roles[p] = "section"
    for p in between:
        t.roles[p] = "header"
    if header and pending:
        # A stub heading right above the header block ("Commodity" over a header row with a
        # blank first cell), when a title is above it; the first line of a sheet is a title.
        top = header[-1]
        p = pending[0]
        c = nonblank_cols(K[p])[0]
        titled = any(x != BLANK for j in range(lo, p) for x in K[j])
        if p == top - 1 and c not in headed and _stub_word(first_text(rows[p])) and titled:
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


def _comma_split_title(row: list[Any]) -> bool:
    """A title with a comma in it, written to CSV without quotes: "Arrests by force area, 2023"
    comes back as two cells, the second starting with the space after the comma."""
    cols = [c for c, v in enumerate(row) if v is not None and str(v).strip()]
    if len(cols) < 2 or cols != list(range(len(cols))) or not all(isinstance(row[c], str) for c in cols):
        return False   # the pieces of a split line sit side by side from the first column
    first = row[0]
    return (first[:1] != " " and words(first) >= 3
            and all(row[c][:1] == " " and row[c][1:2] != " " for c in cols[1:]))


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
        elif b.headerish(i, vc):
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
