"""A raw grid -> tidy long records: header detection, merged headers, wide -> long, totals.

`understand()` never guesses: a column it can't tie to a schema dimension with enough
confidence is reported (needs_review) and its figures are left out until `mapping` says what
it is. Blank cells never become zero, suppression markers never become numbers, and stated
totals are checked against the figures instead of being stored as figures.
"""

from __future__ import annotations

import gc
import re
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from types import SimpleNamespace
from typing import Any

from foi.errors import FoiError
from foi.figures._headers import (
    DATEISH_RE,
    DERIVED_RE,
    TOTAL_RE,
    B,
    Cells,
    D,
    N,
    S,
    T,
    find_header,
    header_parts,
    is_data_kinds,
    label_text,
    merge_map,
    realign,
)
from foi.schema import Dimension, Schema, match_header, normalise

_CORNER_SPLIT = re.compile(r"\s*[/\\]\s*|\s+by\s+", re.I)
SAMPLE_ROWS = 5000      # data rows looked at to decide what each column is


@dataclass(slots=True)
class Record:                    # one figure, before it is stored
    dims: dict[str, str]         # dimension name -> label as written (after flattening/fill-down)
    value: float | int | None
    suppressed: str | None
    raw: str                     # the cell text as written
    row: int                     # index into grid.rows
    col: int                     # index into grid.rows[row]


@dataclass(slots=True)
class BlockColumn:
    col: int                              # index into grid.rows[row]
    dims: dict[str, str]                  # dimensions from the column's headers
    values: list[float | int | None]      # per row of the block
    suppressed: list[str | None]
    raws: list[str]
    present: list[bool] | None            # per row: is there a figure? None: in every row


@dataclass(slots=True)
class Block:
    """The figures of a run of plain data rows, held column by column.

    A long export (200,000 rows of month, offence, outcome, count) would otherwise cost a
    Record and a dict per figure; a block holds the same figures as a few lists. Its figures
    are, in order, the Records `records()` gives.
    """
    start: int                            # grid rows [start, stop)
    stop: int
    keys: list[str]                       # the dims key of each label column
    labels: list[list[str]]               # per label column, each row's label
    columns: list[BlockColumn]

    def __len__(self) -> int:
        n = self.stop - self.start
        return sum(n if col.present is None else sum(col.present) for col in self.columns)

    def records(self) -> Iterator[Record]:
        """The block's figures as Records, row by row, columns left to right."""
        for i, labs in enumerate(zip(*self.labels, strict=True)):
            base = dict(zip(self.keys, labs, strict=True))
            for col in self.columns:
                if col.present is None or col.present[i]:
                    dims = {**base, **col.dims} if col.dims else base.copy()
                    yield Record(dims, col.values[i], col.suppressed[i], col.raws[i], self.start + i, col.col)


@dataclass
class TableResult:
    records: list[Record]
    skipped: dict[str, int]      # "total", "note", "blank", "title", "blank_cell", "section" ...
    not_understood: list[tuple[int, str]]   # (row index, reason)
    warnings: list[str]          # totals mismatches, low-confidence or failed column matches
    needs_review: bool           # a column's mapping was below the threshold
    mapping: dict[str, str] = field(default_factory=dict)  # header -> dimension used
    blocks: list[Block] = field(default_factory=list)  # more figures, before those in records

    def figures(self) -> Iterator[Record]:
        """Every figure, blocks first (they are the leading rows of their table)."""
        for block in self.blocks:
            yield from block.records()
        yield from self.records


class _Recogniser:
    """Does a label look like a value of a dimension? Cached: labels repeat in every row."""

    def __init__(self) -> None:
        from foi.codes import offence_code, outcome_code
        from foi.periods import parse_period

        self._fns = {"period": lambda s: parse_period(s) is not None,
                     "offence": lambda s: offence_code(s) is not None,
                     "outcome": lambda s: outcome_code(s) is not None}
        self._cache: dict[tuple[str, str], bool] = {}
        self._values: dict[str, set[str]] = {}

    def __call__(self, dim: Dimension, text: str) -> bool:
        key = (dim.name, text)
        hit = self._cache.get(key)
        if hit is None:
            known = self._values.get(dim.name)
            if known is None:
                known = self._values[dim.name] = {normalise(v) for v in dim.values}
            hit = normalise(text) in known
            if not hit and dim.kind in self._fns:
                try:
                    hit = bool(self._fns[dim.kind](text))
                except (ValueError, TypeError):
                    hit = False
            self._cache[key] = hit
        return hit

    def scores(self, dims: list[Dimension], texts: set[str]) -> list[tuple[str, float]]:
        """[(dimension, confidence)] for dimensions most of `texts` belong to."""
        out = []
        for d in dims:
            hits = sum(1 for t in texts if self(d, t))
            frac = hits / len(texts) if texts else 0.0
            if frac >= 0.5:
                out.append((d.name, 0.9 + 0.1 * frac))
        return sorted(out, key=lambda x: -x[1])


@dataclass
class _Unit:
    """Something that must be tied to one dimension: a label column or a header row."""
    what: str                      # "label" | "header"
    index: int                     # column index, or position in the header block
    name: str                      # for messages
    cands: list[tuple[str, float]]
    dim: str | None = None
    conf: float = 0.0
    fixed: bool = False            # chosen by the user's mapping
    split: bool = False            # a corner header naming two axes


def _check_mapping(schema: Schema, mapping: dict[str, str] | None) -> dict[str, str]:
    allowed = {d.name for d in schema.dimensions} | {"value", "ignore"}
    out = {}
    for k, v in (mapping or {}).items():
        target = v.strip()
        if target.lower() in ("value", "ignore"):
            target = target.lower()
        if target not in allowed:
            raise FoiError(f"Mapping '{k}={v}': '{v}' is not a dimension of schema "
                           f"'{schema.name}'. Use one of: {', '.join(sorted(allowed))}.")
        out[normalise(k)] = target
    return out


def understand(grid: Any, schema: Schema, mapping: dict[str, str] | None = None) -> TableResult:
    """Turn one Grid into records with dims from its row labels and flattened column headers."""
    maps = _check_mapping(schema, mapping)
    res = TableResult([], Counter(), [], [], False, {})
    rows: list[list[Any]] = grid.rows
    if not rows:
        return _done(res)
    cells = Cells()
    merges = merge_map(grid.merged)
    d0, header = find_header(rows, cells, schema, merges)
    if d0 is None:
        for row in rows:
            res.skipped["blank" if all(cells.parse(c)[0] == B for c in row) else "title"] += 1
        res.warnings.append(f"{grid.name}: no rows of figures found")
        return _done(res)
    for r in range(header[0] if header else d0):
        res.skipped["blank" if all(cells.parse(c)[0] == B for c in rows[r]) else "title"] += 1
    from foi.figures._tablerows import _Walker  # the row loop; imported here as it needs Record

    layout = _Layout(grid, schema, maps, cells, merges, d0, header, res)
    layout.decide()
    walker = _Walker(layout)
    with gc_paused():
        walker.run()
    if walker.restart is not None:
        _read_rest(grid, walker.restart, schema, mapping, res)
    return _done(res)


@contextmanager
def gc_paused() -> Iterator[None]:
    """Reading a big table allocates a list, dict, Record or tuple per cell or figure, and no
    cycles; left on, the cyclic GC keeps rescanning the whole grid and triples the time of a
    200,000-row table."""
    was_on = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_on:
            gc.enable()


def _read_rest(grid: Any, start: int, schema: Schema, mapping: dict[str, str] | None,
               res: TableResult) -> None:
    """Another table stacked below the first (a blank row, then a new header): read the rows
    from `start` as a table of their own and add its results, indexes kept into grid.rows."""
    merged = [(r0 - start, c0, r1 - start, c1) for r0, c0, r1, c1 in grid.merged if r0 >= start]
    sub = SimpleNamespace(name=grid.name, rows=grid.rows[start:], merged=merged)
    more = understand(sub, schema, mapping)
    for rec in more.records:
        rec.row += start
    for block in more.blocks:
        block.start, block.stop = block.start + start, block.stop + start
    res.records.extend(more.records)
    res.blocks.extend(more.blocks)
    res.skipped.update(more.skipped)  # Counter.update adds
    res.not_understood.extend((r + start, why) for r, why in more.not_understood)
    res.warnings.extend(more.warnings)
    res.needs_review = res.needs_review or more.needs_review
    for k, v in more.mapping.items():
        res.mapping.setdefault(k, v)


def _done(res: TableResult) -> TableResult:
    res.skipped = dict(res.skipped)
    return res


class _Layout:
    """Decides what every column is: label column (which dimension), value column (which
    header values), total column, or something to leave out."""

    def __init__(self, grid: Any, schema: Schema, maps: dict[str, str], cells: Cells,
                 merges: dict[tuple[int, int], tuple[int, int]], d0: int, header: list[int],
                 res: TableResult) -> None:
        self.grid, self.schema, self.maps, self.cells = grid, schema, maps, cells
        self.merges, self.d0, self.header, self.res = merges, d0, header, res
        self.recog = _Recogniser()
        self.ncols = max(map(len, grid.rows))
        # Outputs
        self.labels: list[tuple[int, str | None, bool]] = []   # (col, dims key, excel serial)
        self.label_names: dict[int, str] = {}
        self.emit: list[tuple[int, dict[str, str]]] = []
        self.totals: list[tuple[int, list[int]]] = []
        self.unmapped: list[int] = []
        self.col_names: dict[int, str] = {}
        self.assigned: set[str] = set()

    # -------------------------------------------------------------- columns
    def decide(self) -> None:
        rows, ncols, schema = self.grid.rows, self.ncols, self.schema
        num, txt = [0] * ncols, [0] * ncols
        for r in range(self.d0, min(len(rows), self.d0 + SAMPLE_ROWS)):
            kinds = self.cells.kinds(rows[r])
            if not is_data_kinds(kinds):
                continue
            for c, k in enumerate(kinds):
                if k in (N, S):
                    num[c] += 1
                elif k in (T, D):
                    txt[c] += 1
        prelim = {c for c in range(ncols) if txt[c] > num[c]}
        parts = header_parts(rows, self.header, ncols, self.merges, prelim)
        realign(parts, [num[c] + txt[c] > 0 for c in range(ncols)])
        self.parts = parts
        joined = [_join([p[c] for p in parts]) for c in range(ncols)]
        self.col_names = {c: joined[c] or f"column {c + 1}" for c in range(ncols)}
        self.header_vocab = {normalise(t) for p in parts for t in p if t} | {
            normalise(j) for j in joined if j}

        label_cols, value_cols = [], []
        for c in range(ncols):
            if num[c] + txt[c] == 0:
                continue
            m = self.maps.get(normalise(joined[c])) if joined[c] else None
            if m == "ignore" or (m is None and joined[c] and DERIVED_RE.search(joined[c])):
                self.res.mapping[joined[c]] = "ignore"
            elif m == "value":
                value_cols.append(c)
            elif txt[c] > num[c] and not self._is_dim_value(joined[c]):
                label_cols.append(c)
            elif m is not None:
                value_cols.append(c)  # the header is a value of the mapped dimension
            elif joined[c] and any(t != "value" and conf >= 1.0
                                   for t, conf in match_header(schema, joined[c])[:1]):
                label_cols.append(c)  # "Year" / "HO code" columns hold numbers but are labels
            else:
                value_cols.append(c)
        units = [self._label_unit(c, joined[c]) for c in label_cols]
        col_parts = self._value_columns(value_cols, joined)
        units += self._header_units(col_parts)
        self._assign(units)
        self._finish_columns(units, label_cols, col_parts)

    def _is_dim_value(self, header: str) -> bool:
        """A header that is itself a period/outcome/... sits over figures, even when a short
        table has more notes than numbers under it."""
        return bool(header) and any(self.recog(d, header) for d in self.schema.dimensions)

    def _label_unit(self, c: int, name: str) -> _Unit:
        unit = _Unit("label", c, name or f"column {c + 1}", [])
        m = self.maps.get(normalise(name)) if name else None
        if m is not None:
            unit.dim, unit.conf, unit.fixed = m, 1.0, True
            return unit
        # A corner header names both axes ("Crime Group / Financial Year"): each piece is a
        # candidate, and the piece for the axis across the top loses to that header row.
        pieces = [p for p in _CORNER_SPLIT.split(name) if p.strip()] if name else []
        unit.split = len(pieces) > 1
        cands = [(t, min(conf, 0.94) if unit.split else conf)
                 for piece in (pieces if unit.split else [name])
                 for t, conf in match_header(self.schema, piece) if t != "value"]
        values = set()
        rows = self.grid.rows
        for r in range(self.d0, min(len(rows), self.d0 + SAMPLE_ROWS)):
            if c < len(rows[r]):
                text = label_text(rows[r][c])
                if text and not TOTAL_RE.match(text):
                    values.add(text)
                    if len(values) >= 300:
                        break
        cands += self.recog.scores(self.schema.dimensions, values)
        unit.cands = sorted(cands, key=lambda x: -x[1])
        return unit

    def _value_columns(self, value_cols: list[int], joined: list[str]) -> dict[int, Any]:
        """Per value column: ("total", group key) | ("skip",) | ("plain",) | ("parts", {h: text}).
        """
        out: dict[int, Any] = {}
        for c in value_cols:
            j = joined[c]
            m = self.maps.get(normalise(j)) if j else None
            if m == "value":
                out[c] = ("plain",)
            elif m is not None:
                out[c] = ("mapped", m, j)
            elif j and TOTAL_RE.match(j):
                out[c] = ("total", ())
            elif j and DERIVED_RE.search(j):
                out[c] = ("skip",)
                self.res.mapping[j] = "ignore"
            elif all(self._is_value_word(p[c]) for p in self.parts if p[c]):
                out[c] = ("plain",)
                if j:
                    self.res.mapping[j] = "value"
            else:
                per: dict[int, str] = {}
                kind: Any = None
                for h, p in enumerate(self.parts):
                    text = p[c]
                    if not text or self._is_value_word(text):
                        continue
                    if TOTAL_RE.match(text):
                        kind = ("total", tuple(self.parts[k][c] for k in range(h)))
                        break
                    per[h] = text
                out[c] = kind or ("parts", per)
        return out

    def _is_value_word(self, text: str) -> bool:
        if TOTAL_RE.match(text):
            return False  # "Total" fuzzily matches "total crimes", but it is a total
        m = match_header(self.schema, text)
        return bool(m) and m[0][0] == "value" and m[0][1] >= self.schema.threshold

    def _header_units(self, col_parts: dict[int, Any]) -> list[_Unit]:
        units = []
        n_value = sum(1 for v in col_parts.values() if v[0] in ("parts", "plain"))
        rows_used = {h for v in col_parts.values() if v[0] == "parts" for h in v[1]}
        per_row = [{v[1][h] for v in col_parts.values() if v[0] == "parts" and h in v[1]}
                   for h in range(len(self.parts))]
        captioned = any(len(t) == 1 and n_value >= 2 for t in per_row)
        if len(rows_used) > 1 and not captioned and not any(
                self.recog.scores(self.schema.dimensions, {v[1][h]})
                for v in col_parts.values() if v[0] == "parts" for h in v[1]):
            # Nothing recognisable in any header row: these are names wrapped over several
            # lines ("Cumberland" / "Infirmary"), so read each column's header as one text.
            for c, v in col_parts.items():
                if v[0] == "parts" and v[1]:
                    col_parts[c] = ("parts", {0: _join([v[1][h] for h in sorted(v[1])])})
        hint: tuple[str, float] | None = None
        for h in range(len(self.parts)):
            texts = {v[1][h] for v in col_parts.values() if v[0] == "parts" and h in v[1]}
            mapped = {t for t in texts if normalise(t) in self.maps}
            texts -= mapped
            if not texts:
                continue
            unit = _Unit("header", h, ", ".join(f"'{t}'" for t in sorted(texts)[:3]) + (
                ", ..." if len(texts) > 3 else ""), [])
            unit.cands = self.recog.scores(self.schema.dimensions, texts)
            if hint and not unit.cands:
                unit.cands = [hint]
            if not unit.cands and len(texts) == 1 and n_value >= 2:
                # One caption written over every value column says nothing per column, but
                # it may name what the header row below it holds ("Outcome" over outcomes).
                unit.dim, unit.fixed = "ignore", True
                caption = next(iter(texts))
                best = [(t, c) for t, c in match_header(self.schema, caption) if t != "value"]
                if best and best[0][1] >= self.schema.threshold:
                    hint = best[0]
            units.append(unit)
        return units

    def _assign(self, units: list[_Unit]) -> None:
        """Greedy, best confidence first; a dimension goes to one unit."""
        taken = {u.dim for u in units if u.fixed}
        options = sorted(((conf, i, dim) for i, u in enumerate(units) if not u.fixed
                          for dim, conf in u.cands), key=lambda x: -x[0])
        for conf, i, dim in options:
            u = units[i]
            if u.dim is None and dim not in taken and conf >= self.schema.threshold:
                u.dim, u.conf = dim, conf
                taken.add(dim)
        for u in units:
            if u.dim is not None or u.what != "label":
                continue
            best = u.cands[0] if u.cands else None
            if (best and best[1] >= self.schema.threshold and not u.split
                    and not u.name.startswith("column ")):
                # A second column for a dimension already filled ("Offence group" beside
                # "Offence"): kept under its own header so nothing is lost or overwritten.
                u.dim, u.conf = "extra:" + u.name, best[1]
                continue
            free = [d for d in self.schema.dimensions
                    if d.name not in taken and d.kind in ("category", "offence")]
            blank = u.name.startswith("column ")
            if blank and len(free) == 1 and 0.85 >= self.schema.threshold:
                u.dim, u.conf = free[0].name, 0.85
                taken.add(free[0].name)
        self.assigned = {u.dim for u in units if u.dim and u.dim != "ignore"}
        for u in units:
            if u.dim is None:
                self.res.needs_review = True
                guess = ", ".join(f"{d} {c:.2f}" for d, c in u.cands[:2]) or "nothing close"
                if u.what == "label":
                    what, example = f"Column '{u.name}'", u.name
                else:
                    what, example = f"Column headers {u.name}", u.name.split("'")[1]
                self.res.warnings.append(
                    f"{self.grid.name}: {what} not matched to a dimension of "
                    f"'{self.schema.name}' (best: {guess}; threshold {self.schema.threshold:g}); "
                    f"their figures are left out. Map them, e.g. '{example}=DIMENSION' "
                    f"or '{example}=ignore'.")
            elif not u.fixed and u.conf < 0.9 and u.dim != "ignore":
                self.res.warnings.append(
                    f"{self.grid.name}: '{u.name}' taken as {u.dim.removeprefix('extra:')} "
                    f"with confidence {u.conf:.2f}")

    def _finish_columns(self, units: list[_Unit], label_cols: list[int],
                        col_parts: dict[int, Any]) -> None:
        by_col = {u.index: u for u in units if u.what == "label"}
        dims_by_name = {d.name: d for d in self.schema.dimensions}
        for c in label_cols:
            u = by_col[c]
            key = u.dim.removeprefix("extra:") if u.dim else None
            if key == "ignore":
                self.res.mapping[u.name] = "ignore"
                continue
            self.res.mapping[u.name] = key or "unmapped"
            dim = dims_by_name.get(key or "")
            serial = bool(dim and dim.kind == "period" and DATEISH_RE.search(u.name))
            self.labels.append((c, key, serial))
            self.label_names[c] = u.name
        row_dim = {u.index: u.dim for u in units if u.what == "header"}
        seen: dict[frozenset[tuple[str, str]], list[int]] = {}
        emit_cols = []
        for c, spec in col_parts.items():
            if spec[0] == "skip":
                continue
            if spec[0] == "total":
                self.totals.append((c, spec[1]))
                continue
            dims: dict[str, str] = {}
            ok = True
            if spec[0] == "mapped":
                if spec[1] == "ignore":
                    self.res.mapping[spec[2]] = "ignore"
                    continue
                dims[spec[1]] = spec[2]
                self.res.mapping[spec[2]] = spec[1]
            elif spec[0] == "parts":
                user = {h: self.maps.get(normalise(t)) for h, t in spec[1].items()}
                if "ignore" in user.values():
                    continue  # "2019/20=ignore" drops the columns under that header
                for h, text in spec[1].items():
                    d = user[h] or row_dim.get(h)
                    if d in ("ignore", "value"):  # a caption row, or a word like "Number"
                        continue
                    if d is None:
                        ok = False
                        self.res.mapping.setdefault(text, "unmapped")
                        continue
                    dims[d] = text
                    self.res.mapping[text] = d
            if not ok:
                self.unmapped.append(c)
                continue
            seen.setdefault(frozenset(dims.items()), []).append(c)
            emit_cols.append((c, dims))
        clash = {c for cols in seen.values() if len(cols) > 1 for c in cols}
        if clash:
            # Columns the headers can't tell apart: emitting any of them would be a guess.
            self.res.needs_review = True
            names = ", ".join(f"'{self.col_names[c]}'" for c in sorted(clash)[:6])
            self.res.warnings.append(
                f"{self.grid.name}: columns {names} can't be told apart by their headers; "
                f"their figures are left out. Map or ignore them by header.")
            self.unmapped += sorted(clash)
            emit_cols = [(c, d) for c, d in emit_cols if c not in clash]
        headed = [c for c in range(self.ncols) if c not in label_cols
                  and any(p[c] for p in self.parts)]
        if not emit_cols and len(self.totals) == 1 and not self.unmapped and len(headed) == 1:
            # A lone "Total" column in a long table is the figures themselves.
            emit_cols.append((self.totals.pop()[0], {}))
        self.emit = emit_cols
        # A total column adds up the value columns under the same upper headers.
        groups = []
        for c, key in self.totals:
            members = [e for e, _ in emit_cols
                       if tuple(p[e] for p in self.parts[:len(key)]) == key]
            groups.append((c, members))
        self.totals = groups
        for c, _ in self.totals:
            self.res.mapping[self.col_names[c]] = "total"


def _join(parts: list[str]) -> str:
    out: list[str] = []
    for p in parts:
        if p and (not out or out[-1] != p):
            out.append(p)
    return " ".join(out)

