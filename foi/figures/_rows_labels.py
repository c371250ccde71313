"""Row labels of the rows stage: each label column's texts (filled down) and what it holds, and the
sections and parent rows each data row sits under."""

from __future__ import annotations

from itertools import accumulate
from typing import Any

from foi.figures._cells import label_text
from foi.figures._observed import TableFigures
from foi.figures._rows_periods import parts_of_year
from foi.figures._rows_rules import (
    CORNER,
    KNOWN_KINDS,
    LIKELY,
    SAMPLE_LABELS,
    SURE,
    Source,
    fill_down,
    is_serial,
    serial_date,
)
from foi.figures.coding import Recognised, code, context, recognise
from foi.figures.layout import TableLayout


class RowLabels:
    """The row-label part of `rows._Table`: reads its label columns and layout, sets `row_texts`,
    `row_sources`, `row_notes`, `row_distinct`, `chains`, `ancestor_labels`, `parent_rows`, `section_source`."""

    data: list[int]
    forced: dict[int, str]
    grid: Any
    label_cols: list[tuple[int, str]]
    level_sources: list[Source]
    out: TableFigures
    reading: Any
    rows: list[list[Any]]
    t: TableLayout

    def _row_labels(self) -> None:
        """Per label column: each data row's label text (filled down), and what the column holds."""
        self.row_texts: list[list[str]] = []
        self.row_sources: list[Source] = []
        self.row_notes: list[dict[str, str | None]] = []
        self.row_distinct: list[list[str]] = []
        self.corner_context: list[str] = []
        last = len(self.label_cols) - 1
        for k, (c, header) in enumerate(self.label_cols):
            cells = self._column_cells(c)
            if any(type(x) is float and is_serial(x) for x in cells[:SAMPLE_LABELS]) and \
                    recognise(header, []).dimension == "period":
                cells = [serial_date(x) for x in cells]  # dates the reader did not type
            distinct = list(dict.fromkeys(cells))
            raw_texts = tuple(label_text(x) for x in distinct if x not in (None, ""))
            cleaned = {x: self.reading.clean(x, raw_texts) for x in distinct}
            # Labels written clean (no footnote digits, spaces or blanks) are their own texts: no pass.
            texts = cells if all(text == x for x, (text, _note) in cleaned.items()) else \
                list(map({x: text for x, (text, _note) in cleaned.items()}.__getitem__, cells))
            every = list(dict.fromkeys(text for text, _note in cleaned.values()))
            if k < last and "" in every:
                # A label written once over its block (a year beside its months): filled down, within
                # the block the labels to its left mark out ("Total" under 2019's rows is no 2019 row).
                texts = list(accumulate(texts, fill_down)) if not self.row_texts else \
                    _fill_within(texts, list(zip(*self.row_texts, strict=True)))
                every = list(dict.fromkeys(texts))
            self.row_texts.append(texts)
            self.row_notes.append({text: note for text, note in cleaned.values() if note})
            self.row_distinct.append(every)
            labels = [t for t in every if t][:SAMPLE_LABELS]
            self.row_sources.append(self._source("row", header, labels, self.forced.get(c), rank=10 + k))

    def _source(self, where: str, header: str, labels: list[str], forced: str | None, rank: int) -> Source:
        """What a label column or header level holds: the user's word, the batch schema's, or coding's."""
        if forced:
            self.out.mapping[header] = forced
            return Source(where, header, forced, forced, 1.0, "mapped by you", rank)
        own = self._corner(header) if where == "row" else header
        caption = where == "row" and self._names_the_table(own, labels)
        if caption:
            self.corner_context.append(own)
            own = ""
        named = self.reading.schema_name(own)
        found: Recognised = recognise(own or None, labels)
        kind = found.dimension if found.confidence >= LIKELY and found.dimension else (named or own or where)
        if caption and not named:
            kind = found.dimension or "measure"   # the labels' best guess: the corner names no dimension
        if named and kind not in KNOWN_KINDS:
            kind = named
        source = Source(where, header, kind, named or kind, found.confidence, found.evidence, rank)
        # Row labels under a corner that only names the force say what is counted: measures, as
        # headers directly over figures are, with nothing to doubt.
        plain_measures = caption and kind == "measure"
        if kind in KNOWN_KINDS and found.confidence < SURE and not named and not plain_measures:
            self.out.doubts.append(f"{self.grid.name}: '{header or labels[:1]}' taken as {kind} "
                                   f"(confidence {found.confidence:.2f}: {found.evidence})")
        self.out.mapping[header or ", ".join(labels[:3])] = source.name
        return source

    @staticmethod
    def _names_the_table(header: str, labels: list[str]) -> bool:
        """A corner cell that names one force or place ("Lancashire Constabulary") over row labels
        that are not forces or places ("Police Numbers", "Expenditure"): what the whole table is
        about, not the name of the row labels' dimension."""
        if not header or not labels:
            return False
        found = context([header])
        if not found or not set(found) <= {"body", "area"}:
            return False
        rest = header.casefold()
        for coded in found.values():
            rest = rest.replace(coded.label.casefold(), " ")
        if any(ch.isalnum() for ch in rest):
            return False
        return recognise(None, labels).dimension not in ("body", "area")

    def _corner(self, header: str) -> str:
        """A corner header naming both axes ("Crime Group / Financial Year"): the part that is not
        what the column headers hold names the row labels."""
        pieces = [p for p in CORNER.split(header) if p.strip()]
        if len(pieces) < 2:
            return header
        across = {s.kind for s in self.level_sources}
        kept = [p for p in pieces if recognise(p, []).dimension not in across]
        return " / ".join(kept) if kept and len(kept) < len(pieces) else header

    # ------------------------------------------------------------------ sections and parent rows
    def _ancestors(self) -> None:
        """Per data row, the labels of the sections and parent rows above it (layout's parents)."""
        t, rows = self.t, self.rows
        parents = t.parents
        self.parent_rows: set[int] = set()
        self.chains: list[tuple[int, ...]] = []
        self.ancestor_labels: dict[int, tuple[str, str, int]] = {}
        self.section_source: Source | None = None
        if parents.count(None) == len(parents):
            return
        leaf = len(self.label_cols) - 1
        leaf_kind = self.row_sources[-1].kind if self.row_sources else None
        data_index = {r: i for i, r in enumerate(self.data)}
        inside = range(t.start, t.stop)

        def heading(p: int) -> str:
            return self.reading.clean(next((x for x in rows[p] if x not in (None, "")), ""))[0]

        def is_section(p: int) -> bool:
            return p not in data_index or leaf < 0 or t.roles[p - t.start] == "section"

        def a_row_of_blanks(p: int) -> bool:
            """A "section" that is a value of the row labels' own dimension ("Adult caution" among
            outcomes, every figure blank) is a row with no figures, not a heading."""
            row = rows[p]
            if sum(1 for c, _h in self.label_cols if c < len(row) and row[c] not in (None, "")) >= 2:
                return True  # labels in several label columns: a data row whose figures are all blank
            if leaf_kind not in KNOWN_KINDS or leaf_kind in ("measure", "unit"):
                return False
            coded = code(leaf_kind, heading(p))
            if coded.start and parts_of_year(self.row_distinct[leaf]):
                return False   # a year over its quarters: a heading
            return bool(coded.code or coded.start) and not coded.aggregate

        chain_of: dict[int | None, tuple[int, ...]] = {None: ()}

        def chain(p: int | None) -> tuple[int, ...]:
            hit = chain_of.get(p)
            if hit is None:
                assert p is not None
                up = parents[p - t.start] if p in inside else None
                if is_section(p) and a_row_of_blanks(p):
                    # A row with no figures is no heading: the rows under it stay under the sections
                    # the row above it is in ("Durham" with blank figures among forces, under "60-69").
                    above_row = self._row_above(p)
                    if above_row is not None and above_row in data_index:
                        up = parents[above_row - t.start]
                    hit = chain_of[p] = chain(up if up != p else None)
                else:
                    hit = chain_of[p] = (*chain(up if up != p else None), p)
            return hit

        self.chains = [chain(parents[r - t.start]) for r in self.data]
        # A total adding up rows that all sit under a section is that section's total ("Total" closing
        # the "60-69" block), whatever the layout closed before it.
        for r, kids in t.sums.items():
            i = data_index.get(r)
            if i is None:
                continue
            common = _common_prefix([self.chains[data_index[k]] for k in kids if k in data_index])
            if len(common) > len(self.chains[i]) and common[:len(self.chains[i])] == self.chains[i] \
                    and r not in common:
                self.chains[i] = common
        section_texts: dict[int, str] = {}
        for p in {p for ch in self.chains for p in ch}:
            if is_section(p):
                section_texts[p] = text = heading(p)
                self.ancestor_labels[p] = ("section", text, t.levels[p - t.start] if p in inside else 0)
            else:
                self.parent_rows.add(p)
                self.ancestor_labels[p] = ("parent", self.row_texts[leaf][data_index[p]], t.levels[p - t.start])
        texts = list(dict.fromkeys(section_texts.values()))
        if texts:
            self.section_source = self._source("section", "section", texts, self.reading.mapper.get("section"), 5)

    def _row_above(self, p: int) -> int | None:
        """The nearest non-blank row above p in the table, if no blank row lies between."""
        q = p - 1
        if q < self.t.start:
            return None
        role = self.t.roles[q - self.t.start]
        return None if role == "blank" else q


def _fill_within(texts: list[str], left: list[tuple[str, ...]]) -> list[str]:
    """Blank labels filled from the row above while the labels to their left stay the same."""
    out = list(texts)
    for i in range(1, len(out)):
        if not out[i] and left[i] == left[i - 1]:
            out[i] = out[i - 1]
    return out


def _common_prefix(chains: list[tuple[int, ...]]) -> tuple[int, ...]:
    if not chains:
        return ()
    first = chains[0]
    n = len(first)
    for ch in chains[1:]:
        n = min(n, len(ch))
        while n and ch[:n] != first[:n]:
            n -= 1
    return first[:n]

