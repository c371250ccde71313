"""The row loop of `foi.tables.understand`: labels, fill-down, sections, records and totals.

Runs once per data row, so it avoids per-cell work that can be done once per column or once
per distinct text (200,000-row long tables go through in about a second).
"""

from __future__ import annotations

from functools import partial, reduce
from operator import add, is_not, itemgetter
from typing import TYPE_CHECKING, Any

from foi.figures._headers import NOTE_RE, TOTAL_RE, B, N, S, fmt_num, fmt_sum, is_year_header, label_text
from foi.schema import normalise

if TYPE_CHECKING:
    from foi.figures._tables import _Layout

_BLANK = (B, None, None)
# Tables shorter than this go through the row loop alone: the column pass pays off on long ones.
COLUMNAR_MIN_ROWS = 1000


def _raw(cell: Any) -> str:
    if isinstance(cell, str):
        return cell.strip()
    if isinstance(cell, int | float) and not isinstance(cell, bool):
        return fmt_num(cell)
    return label_text(cell)


def _serial_label(cell: Any) -> str:
    """A label in a date column: an Excel serial number (a date the reader didn't type) as ISO."""
    if type(cell) in (int, float) and 10000 <= cell <= 80000:
        from foi.values import excel_serial_to_date

        return excel_serial_to_date(cell).isoformat()
    return label_text(cell)


def _first_each(items: list[Any], wanted: set[Any]) -> list[int]:
    """The index of the first occurrence of each of `wanted` in `items` (a C-level scan each)."""
    return [items.index(w) for w in wanted if w in items] if wanted else []


class Memo(dict):  # type: ignore[type-arg]
    """fn(value) cached by value; rows repeat the same few labels and figures."""

    def __init__(self, fn: Any) -> None:
        super().__init__()
        self.fn = fn

    def __missing__(self, key: Any) -> Any:
        out = self[key] = self.fn(key)
        return out


class _Walker:
    def __init__(self, lay: _Layout) -> None:
        self.lay = lay
        self.res = lay.res
        self.name = lay.grid.name
        n_emit = len(lay.emit)
        # Running sums per emitted column and per total column: [sum, suppressed cells].
        # Groups ("since the last total row", "this section") are differences of snapshots,
        # so each figure is added once whatever the number of groups.
        self.acc: list[list[float]] = [[0, 0, 0] for _ in range(n_emit + len(lay.totals))]
        self.at_total = [list(a) for a in self.acc]
        self.at_section = [list(a) for a in self.acc]
        self.pending: list[tuple[int, str, bool]] = []   # (row, text, could be a heading)
        self.section: str | None = None
        self.section_key: str | None = None
        self.section_decided = False
        self.is_total: dict[str, bool] = {}
        self.gap = False                  # a blank row since the last row of figures
        self.restart: int | None = None   # where another table starts, if one does
        self.header_texts = {normalise(n) for n in lay.label_names.values()
                             if n and not n.startswith("column ")}

    # ---------------------------------------------------------------- main loop
    def run(self) -> None:
        from foi.figures._tables import Record

        lay, res = self.lay, self.res
        rows = lay.grid.rows
        parse = lay.cells.parse
        merges = lay.merges
        labels = lay.labels
        nlab = len(labels)
        emit = lay.emit
        value_cols = [c for c, _ in emit] + [c for c, _ in lay.totals] + lay.unmapped
        n_emit = len(emit)
        unmapped_label = next((lay.label_names[c] for c, k, _ in labels if k is None), None)
        texts = Memo(label_text)
        serial_texts = Memo(_serial_label) if any(s for _, _, s in labels) else texts
        col_texts = [serial_texts if serial else texts for _c, _k, serial in labels]
        last = [""] * nlab
        records = res.records
        first, first_block = len(records), len(res.blocks)
        skipped = res.skipped
        is_total = self.is_total
        acc = self.acc
        keys = [key for _c, key, _s in labels]
        lab_cols = [c for c, _k, _s in labels]
        special = bool(merges)
        width = max(lab_cols + value_cols, default=-1) + 1
        # value -> label text / parsed cell / raw text; dict lookups in C, Python only on a new value.
        parsed = Memo(parse)
        raws = Memo(_raw)
        lab_pairs = list(zip(lab_cols, col_texts, strict=True))
        n_, s_, b_ = N, S, B

        start = lay.d0
        if not special or not any(r >= lay.d0 for r, _c in merges):
            start, last = self._columnar(lab_pairs, parsed, raws, last)
        for r in range(start, len(rows)):
            row = rows[r]
            if len(row) < width:
                row = row + [None] * (width - len(row))
            if special:
                labs = self._labels_slow(r, row, col_texts)
            else:
                labs = [memo[row[c]] for c, memo in lab_pairs]
            vals = [parsed[row[c]] for c in value_cols]
            for v in vals:
                if v[0] is n_ or v[0] is s_:
                    break
            else:
                self._no_figures(r, rows[r], labs, vals)
                if self.restart is not None:
                    break
                continue
            if self.gap and is_year_header(rows[r], lay.cells.kinds(rows[r]), lay.cells,
                                           lay.schema):
                self.restart = self.pending[0][0] if self.pending else r
                self.pending = []
                break
            self.gap = False
            total_label = None
            for t in labs:
                if t:
                    hit = is_total.get(t)
                    if hit is None:
                        hit = is_total[t] = bool(TOTAL_RE.match(t))
                    if hit:
                        total_label = t
                        break
            if total_label is not None:
                self._flush_pending(end=True)
                self._total_row(r, total_label, vals)
                continue
            if self.pending:
                self._flush_pending(end=False)
                last = [""] * nlab
            if nlab:
                if not labs[-1] or not all(labs):
                    k = nlab - 1
                    while k >= 0 and not labs[k]:
                        k -= 1
                    if k < nlab - 1:
                        res.not_understood.append((r, self._no_label_reason(k)))
                        continue
                    for i in range(k):
                        if not labs[i]:
                            labs[i] = last[i]
                last = labs
            if unmapped_label is not None:
                res.not_understood.append(
                    (r, f"column '{unmapped_label}' is not mapped to a dimension"))
                continue
            base = dict(zip(keys, labs, strict=True))
            if self.section is not None:
                base[self.section_key] = self.section  # type: ignore[index]
            for i in range(n_emit):
                v = vals[i]
                kind = v[0]
                if kind is n_ or kind is s_:
                    c, cdims = emit[i]
                    dims = {**base, **cdims} if cdims else base.copy()
                    cell = row[c]
                    raw = cell.strip() if type(cell) is str else raws[cell]
                    if kind is n_:
                        records.append(Record(dims, v[1], None, raw, r, c))
                        a = acc[i]
                        a[0] += v[1]  # type: ignore[operator]
                        a[2] += 1
                    else:
                        records.append(Record(dims, None, v[2], raw, r, c))
                        a = acc[i]
                        a[1] += 1
                        a[2] += 1
                elif kind is b_:
                    skipped["blank_cell"] += 1
                else:
                    c = emit[i][0]
                    res.not_understood.append(
                        (r, f"text '{_raw(row[c])}' in value cell under "
                            f"'{lay.col_names[c]}'"))
            if lay.totals:
                self._total_columns(r, labs, vals)
            if lay.unmapped:
                left = [lay.col_names[c] for c, v in zip(value_cols, vals, strict=True)
                        if c in lay.unmapped and v[0] in (N, S)]
                if left:
                    res.not_understood.append(
                        (r, "figures under unmapped column(s) " + ", ".join(
                            f"'{x}'" for x in left[:5]) + " left out"))
        self._flush_pending(end=True)
        self._check_duplicates(first, first_block)

    # ---------------------------------------------------------------- the fast path
    def _columnar(self, lab_pairs: list[tuple[int, Memo]], parsed: Memo, raws: Memo,
                  last: list[str]) -> tuple[int, list[str]]:
        """Read the leading plain data rows column by column, into one Block.

        Plain: every label filled and none a total, every figure cell a number, a marker or
        blank, and a figure in every row. That is the whole of a long export, and what the row
        loop would do with such rows is simple enough to do a column at a time, with the same
        results (tests compare the two). Returns the first row left for the row loop, and the
        labels of the row above it (for fill-down).
        """
        from foi.figures._tables import Block, BlockColumn

        lay, res = self.lay, self.res
        rows, d0 = lay.grid.rows, lay.d0
        keys = [key for _c, key, _s in lay.labels]
        emit = lay.emit
        if (len(rows) - d0 < COLUMNAR_MIN_ROWS or not keys or not emit or lay.totals or lay.unmapped
                or None in keys or len(set(keys)) != len(keys)
                or any(set(keys) & cdims.keys() for _c, cdims in emit)):
            return d0, last
        width = max([c for c, _m in lab_pairs] + [c for c, _d in emit]) + 1
        data = rows[d0:]
        stop = len(data)
        if min(map(len, data), default=width) < width:
            stop = next(i for i, row in enumerate(data) if len(row) < width)
        data = data[:stop]
        labels = []
        for c, memo in lab_pairs:
            texts = list(map(memo.__getitem__, map(itemgetter(c), data)))
            labels.append(texts)
            stop = min([stop, *_first_each(texts, {""} | {t for t in set(texts) if self._total(t)})])
        columns = []
        for c, _cdims in emit:
            cells = list(map(itemgetter(c), data))
            found = list(map(parsed.__getitem__, cells))
            kinds = list(map(itemgetter(0), found))
            # Text or a date where a figure should be: the row loop reports it.
            stop = min([stop, *_first_each(kinds, set(kinds) - {N, S, B})])
            columns.append((cells, found, kinds))
        if all(B in kinds for _cells, _found, kinds in columns):
            # A row with every figure cell blank is a blank row, a heading or a note.
            empty = list(map(all, zip(*[[k is B for k in kinds] for _c, _f, kinds in columns], strict=True)))
            stop = min([stop, *_first_each(empty, {True})])
        if stop < COLUMNAR_MIN_ROWS:
            return d0, last
        block_columns = []
        for i, ((c, cdims), (cells, found, kinds)) in enumerate(zip(emit, columns, strict=True)):
            found, kinds = found[:stop], kinds[:stop]
            values = list(map(itemgetter(1), found))
            blanks = kinds.count(B)
            marked = kinds.count(S)
            a = self.acc[i]
            # Added one at a time, in row order, exactly as the row loop adds them.
            a[0] = reduce(add, filter(partial(is_not, None), values), a[0])
            a[1] += marked
            a[2] += stop - blanks
            if blanks:
                res.skipped["blank_cell"] += blanks
            block_columns.append(BlockColumn(
                c, cdims, values, list(map(itemgetter(2), found)), list(map(raws.__getitem__, cells[:stop])),
                [k is not B for k in kinds] if blanks else None))
        labels = [texts[:stop] for texts in labels]
        res.blocks.append(Block(d0, d0 + stop, keys, labels, block_columns))
        return d0 + stop, [texts[-1] for texts in labels]

    def _total(self, text: str) -> bool:
        hit = self.is_total.get(text)
        if hit is None:
            hit = self.is_total[text] = bool(TOTAL_RE.match(text))
        return hit

    def _labels_slow(self, r: int, row: list[Any], col_texts: list[Memo]) -> list[str]:
        """Labels with merged cells spread down."""
        rows, merges = self.lay.grid.rows, self.lay.merges
        out = []
        for (c, _key, _serial), texts in zip(self.lay.labels, col_texts, strict=True):
            v = row[c]
            if (v is None or v == "") and (r, c) in merges:
                r0, c0 = merges[(r, c)]
                v = rows[r0][c0]
            out.append(texts[v])
        return out

    def _no_label_reason(self, k: int) -> str:
        labels = self.lay.labels
        if k < 0:
            return "figures with no row label"
        missing = self.lay.label_names[labels[k + 1][0]]
        return f"no label in column '{missing}' (a subtotal?)"

    # ---------------------------------------------------------------- rows without figures
    def _no_figures(self, r: int, row: list[Any], labs: list[str],
                    vals: list[tuple[str, Any, Any]]) -> None:
        parse = self.lay.cells.parse
        filled = [c for c, cell in enumerate(row) if parse(cell)[0] != B]
        if not filled:
            self.res.skipped["blank"] += 1
            self.gap = True
            return
        if len(labs) >= 2 and sum(1 for t in labs if t) >= 2 and not any(
                v[0] != B for v in vals):
            # Several labels and every figure blank: a data row (PDFs leave zeros blank).
            self.res.skipped["blank_cell"] += len(self.lay.emit)
            return
        if len(filled) == 1 or not any(v[0] != B for v in vals):
            # One cell or labels only: a section heading if figures follow, else a note.
            text = " ".join(label_text(row[c]) for c in filled)
            if normalise(text) in self.header_texts:
                self.res.skipped["title"] += 1
            elif TOTAL_RE.match(text):
                self.res.skipped["total"] += 1
            else:
                labels = {c for c, _k, _s in self.lay.labels} or {0}
                self.pending.append((r, text, set(filled) <= labels))
            return
        first = next((t for t in labs if t), label_text(row[filled[0]]))
        texts = {normalise(label_text(row[c])) for c in filled}
        if texts <= self.lay.header_vocab:
            self.res.skipped["title"] += 1  # the header repeated on a new page
        elif TOTAL_RE.match(first):
            self.res.skipped["total"] += 1
        elif (self.gap or self.pending or self._names_dimension_values(row, filled)) and sum(
                1 for v in vals if v[0] != B) >= 1 and len(filled) >= 2:
            # A new header after a gap: another table stacked below this one. It is read
            # on its own, with any title rows just above it.
            self.restart = self.pending[0][0] if self.pending else r
            self.pending = []
        else:
            texts = [label_text(row[c]) for c in filled if label_text(row[c]) not in labs]
            self.res.not_understood.append(
                (r, "no figures in row: " + ", ".join(f"'{t}'" for t in texts[:4])))

    def _names_dimension_values(self, row: list[Any], filled: list[int]) -> bool:
        """Does a row of text name periods/outcomes/... over the value columns, as a header
        does?"""
        lay = self.lay
        labels = {c for c, _k, _s in lay.labels}
        return any(lay.recog(d, label_text(row[c])) for c in filled if c not in labels
                   for d in lay.schema.dimensions)

    def _flush_pending(self, end: bool) -> None:
        """Text-only rows seen since the last data row: the one just above more figures is a
        section heading; the rest (and any at the end of the table) are notes or titles."""
        if not self.pending:
            return
        *before, (r, text, heading) = self.pending
        self.pending = []
        for _r, t, _h in before:
            self.res.skipped["note" if NOTE_RE.match(t) or len(t) > 80 else "title"] += 1
        if end or not heading or NOTE_RE.match(text) or len(text) > 100:
            self.res.skipped["note"] += 1
            return
        self._start_section(text)

    def _start_section(self, text: str) -> None:
        lay = self.lay
        dims = {d.name: d for d in lay.schema.dimensions}
        label_dims = [dims[k] for _c, k, _s in lay.labels if k in dims]
        if any(lay.recog(d, text) for d in label_dims):
            # An ordinary row ("Adult caution" under "Outcome") with every figure blank.
            self.res.skipped["blank_cell"] += len(lay.emit)
            return
        # A section boundary for totals even when the heading itself can't be used.
        self.at_section = [list(a) for a in self.acc]
        if not self.section_decided:
            self.section_decided = True
            free = [d for d in lay.schema.dimensions if d.name not in lay.assigned]
            fit = next((d.name for d in free if lay.recog(d, text)), None)
            only = [d for d in free if d.kind in ("category", "offence")]
            if fit is None and len(only) == 1 and 0.85 >= lay.schema.threshold:
                fit = only[0].name
                self.res.warnings.append(
                    f"{self.name}: section headings such as '{text}' taken as {fit} "
                    f"with confidence 0.85")
            self.section_key = fit
            lay.res.mapping["(section rows)"] = fit or "title"
        if self.section_key is None:
            self.res.skipped["title"] += 1
            return
        self.res.skipped["section"] += 1
        self.section = text

    def _check_duplicates(self, first: int, first_block: int) -> None:
        """Two figures for the same dims (repeated rows, or headings that couldn't be used)
        can't both be right: say so rather than let one silently overwrite the other."""
        blocks = self.res.blocks[first_block:]
        records = self.res.records[first:]
        if blocks and not records and all(
                len(set(zip(*b.labels, strict=True))) == b.stop - b.start for b in blocks):
            # Headers tell a block's columns apart (else they'd be left out), so only two rows
            # with the same labels could clash: the common case is answered without a loop.
            return
        figures = [rec for b in blocks for rec in b.records()] + records
        seen: dict[tuple[tuple[str, str], ...], int] = {}
        for i, rec in enumerate(figures):
            key = tuple(rec.dims.items())
            j = seen.setdefault(key, i)
            if j != i:
                a, b = figures[j], rec
                dims = ", ".join(f"{k}={v}" for k, v in key)
                self.res.needs_review = True
                self.res.warnings.append(
                    f"{self.name}: rows {a.row + 1} and {b.row + 1} both give a figure for "
                    f"{dims or 'the same cell'}")
                return

    # ---------------------------------------------------------------- totals
    def _col_name(self, i: int) -> str:
        lay = self.lay
        c = lay.emit[i][0] if i < len(lay.emit) else lay.totals[i - len(lay.emit)][0]
        return lay.col_names[c]

    def _compare(self, where: str, stated: float, groups: list[tuple[float, float]],
                 prefer: int) -> None:
        tol = 1e-6 * max(1.0, abs(stated))
        if any(abs(stated - s) <= tol for s, _ in groups):
            return
        s, supp = groups[prefer]
        if supp:
            self.res.warnings.append(
                f"{self.name}: {where}: check partial, {int(supp)} suppressed cell(s); stated "
                f"{fmt_sum(stated)}, figures shown sum to {fmt_sum(s)}")
        else:
            self.res.warnings.append(
                f"{self.name}: {where}: stated {fmt_sum(stated)}, figures sum to {fmt_sum(s)} "
                f"(difference {fmt_sum(stated - s)})")

    def _total_row(self, r: int, label: str, vals: list[tuple[str, Any, Any]]) -> None:
        self.res.skipped["total"] += 1
        grand = not any(w in label.lower() for w in ("sub",)) and (
            "grand" in label.lower() or "overall" in label.lower())
        width = len(self.acc)
        for i in range(width):
            v = vals[i]
            if v[0] != N:
                continue
            now, tot, sec = self.acc[i], self.at_total[i], self.at_section[i]
            if now[2] == 0:
                continue  # no figures at all in this column: nothing to check against
            groups = [(now[0] - tot[0], now[1] - tot[1]), (now[0] - sec[0], now[1] - sec[1]),
                      (now[0], now[1])]
            self._compare(f"Total row '{label}', column '{self._col_name(i)}'", v[1], groups,
                          2 if grand else 0)
        self.at_total = [list(a) for a in self.acc]

    def _total_columns(self, r: int, labs: list[str], vals: list[tuple[str, Any, Any]]) -> None:
        lay = self.lay
        pos = {c: i for i, (c, _) in enumerate(lay.emit)}
        n_emit = len(lay.emit)
        for j, (c, members) in enumerate(lay.totals):
            s, supp = 0.0, 0
            for m in members:
                v = vals[pos[m]]
                if v[0] == N:
                    s += v[1]
                elif v[0] == S:
                    supp += 1
            a = self.acc[n_emit + j]
            a[0] += s
            a[1] += supp
            a[2] += 1
            v = vals[n_emit + j]
            if v[0] == N:
                label = " / ".join(t for t in labs if t) or f"row {r + 1}"
                self._compare(f"Total column '{lay.col_names[c]}', row '{label}'", v[1],
                              [(s, supp)], 0)
