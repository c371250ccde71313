"""Stage 4: a grid, its tables' layout and the coding of their labels -> observations.

Every number of a table becomes a figure carrying every label that locates it: its row labels
(each label column, blank cells filled down from above), the sections and parent rows it sits
under, its column's header path, and what the title or the sheet name states (a period, say).
Each label keeps the header it sits under and, where `coding` recognises it, a known dimension
with its code or dates. A label nothing recognises is kept under a dimension named after its
header: it never stops a table. Totals, subtotals and aggregates ("England and Wales", "All
ages") are kept and marked `total`, and stated totals are checked against their parts.

Figures are built a column at a time: a 200,000-row table costs a few list operations per
column, with Python running once per distinct label or cell text, not once per figure.
"""

from __future__ import annotations

import re
from collections import Counter
from itertools import accumulate, compress, repeat, zip_longest
from operator import add, itemgetter
from typing import Any

from foi.figures._cells import BLANK, NUMBER, SUPPRESSED, CellReader, label_text
from foi.figures._observed import SLOTS, Figure, FigureColumn, Label, LabelBook, Same, TableFigures
from foi.figures._rows_periods import RowPeriods, combine, parts_of_year, sub_year_levels
from foi.figures._rows_rules import (
    CODED,
    CORNER,
    KNOWN_KINDS,
    Source,
    a_count,
    codes_as,
    column_letter,
    fill_down,
    is_serial,
    joined,
    serial_date,
    sums_others,
)
from foi.figures.coding import Coded, Recognised, clean_label, code, context, join_lines, recognise, unit_of
from foi.figures.layout import TableLayout

__all__ = ["SLOTS", "Figure", "FigureColumn", "Label", "LabelBook", "Reading", "Same", "TableFigures",
           "observe", "repeated_across_tables"]

# Rows whose numbers are figures.
_FIGURE_ROLES = frozenset(("data", "total"))
# Below this confidence a recognised dimension is used but the file is flagged for review.
SURE = 0.8
# A dimension is recognised at all from this confidence.
LIKELY = 0.5
# Labels read from a column to recognise what it holds.
SAMPLE_LABELS = 300


# --- what a document brings to each of its tables --------------------------------------------


class Reading:
    """Per document: its labels, the user's mappings, the batch schema's names, caches."""

    def __init__(self, mapper: Any = None, schema: Any = None) -> None:
        from foi.figures.review import Mapper

        self.book = LabelBook()
        self.mapper = mapper if mapper is not None else Mapper({})
        self.schema = schema
        self.cells = CellReader()
        self._clean: dict[Any, tuple[str, str | None]] = {}

    def clean(self, raw: Any, siblings: tuple[str, ...] = ()) -> tuple[str, str | None]:
        """(label text, footnote markers) of a label cell, cached per cell value."""
        hit = self._clean.get(raw)
        if hit is None:
            found = clean_label(raw, siblings)
            hit = self._clean[raw] = (found.text, ",".join(found.notes) or None)
        return hit

    def schema_name(self, header: str) -> str | None:
        """The batch schema's name for a header ("Self-defined ethnicity" -> "ethnicity")."""
        if self.schema is None or not header:
            return None
        from foi.schema import match_header

        best = match_header(self.schema, header)
        if best and best[0][0] != "value" and best[0][1] >= self.schema.threshold:
            return best[0][0]
        return None

    def is_value_word(self, text: str) -> bool:
        """"Count", "Number of crimes": a header naming the figures, not a value of a dimension."""
        if self.schema is None or not text:
            return False
        from foi.schema import match_header

        best = match_header(self.schema, text)
        return bool(best) and best[0][0] == "value" and best[0][1] >= 1.0


# --- one table ---------------------------------------------------------------------------------


def observe(grid: Any, layout: TableLayout, reading: Reading) -> TableFigures:
    """The figures of one table of a grid, with all their labels."""
    return _Table(grid, layout, reading).run()


class _Table(RowPeriods):
    def __init__(self, grid: Any, layout: TableLayout, reading: Reading) -> None:
        self.grid, self.t, self.reading = grid, layout, reading
        self.out = TableFigures(grid, layout, reading.book)
        self.rows: list[list[Any]] = grid.rows

    # ------------------------------------------------------------------ driver
    def run(self) -> TableFigures:
        t, out = self.t, self.out
        roles = t.roles
        for role, count in Counter(roles).items():   # counted in C, in order of first use
            if role not in ("data", "total"):
                out.skipped[role] = out.skipped.get(role, 0) + count
        out.doubts += [f"{self.grid.name}: {doubt}" for doubt in t.doubts]
        self.data = list(compress(range(t.start, t.stop), map(_FIGURE_ROLES.__contains__, roles)))
        self.data_rows: list[list[Any]] | None = None
        self.min_width = 0
        self.cell_columns: dict[int, list[Any]] = {}   # _column_cells, once per column (never mutated)
        if t.kind == "record-list":
            out.record_list = len(self.data)
            out.doubts.append(
                f"{self.grid.name}: looks like a list of {len(self.data)} records (one row per case), not counts; "
                "foi stores no figures from it: count the rows yourself or ask the force for totals")
            return out
        if t.kind != "table" or not self.data:
            return out
        self._columns()
        if not self.value_cols:
            return out
        self._header_labels()
        self._row_labels()
        self._ancestors()
        self._context()
        self._name_dimensions()
        self._number_labels()
        self._figures()
        self._check_totals()
        self._check_repeats()
        return out

    # ------------------------------------------------------------------ columns
    def _columns(self) -> None:
        """Label and value columns, with the user's mappings applied to their headers."""
        mapper, out = self.reading.mapper, self.out
        self.label_cols: list[tuple[int, str]] = []   # (col, header name)
        self.value_cols: list[Any] = []               # ColumnLayout of value and total columns
        self.forced: dict[int, str] = {}              # label col -> dimension the user chose
        for col in self.t.columns:
            header = " ".join(col.header)
            name = self.reading.clean(header)[0] if header else ""
            target = mapper.get(name) if name else None
            if col.role == "label":
                if target == "ignore":
                    out.mapping[name] = "ignore"
                elif target == "value":
                    out.mapping[name] = "value"
                    self.value_cols.append(col)
                else:
                    self.label_cols.append((col.col, name or f"column {column_letter(self.grid, col.col)}"))
                    if target:
                        self.forced[col.col] = target
            elif col.role in ("value", "total"):
                if target == "ignore" or any(mapper.get(self.reading.clean(h)[0]) == "ignore" for h in col.header):
                    out.mapping[name] = "ignore"
                    continue
                self.value_cols.append(col)
        dated = [col for col in self.value_cols if len(self.value_cols) > 1 and self._is_date_column(col)]
        for col in dated:
            # "Month" over 43831, 43862 ... or "Year" over 2019, 2020: the periods figures are of, not figures.
            self.value_cols.remove(col)
            self.label_cols.append((col.col, self.reading.clean(" ".join(col.header))[0]))
        self.label_cols.sort()

    def _is_date_column(self, col: Any) -> bool:
        header = " ".join(col.header)
        if not header or col.role != "value" or recognise(header, []).dimension != "period":
            return False
        cells = [x for x in self._column_cells(col.col)[:SAMPLE_LABELS] if x not in (None, "")]
        # Years as text too ("2020" from a CSV); "Total" or "All years" closing the column is one of its labels.
        cells = [float(x) if type(x) is str and x.strip().isdigit() and len(x.strip()) == 4 else x for x in cells]
        dates = [x for x in cells if type(x) in (int, float)]
        return bool(dates) and all(is_serial(x) or 1900 <= x <= 2100 and x == int(x) for x in dates) and \
            all(type(x) is str and code("period", x).aggregate for x in cells if type(x) not in (int, float))

    def _column_cells(self, c: int) -> list[Any]:
        """Column c of the data rows (None where a row is short), C-level where every row is long enough.
        Made once per column; callers share the list and must not change it."""
        hit = self.cell_columns.get(c)
        if hit is not None:
            return hit
        rows, data = self.rows, self.data
        if self.data_rows is None:
            # Data rows are most often one run (a slice, no lookup per row).
            contiguous = data[-1] - data[0] + 1 == len(data)
            self.data_rows = rows[data[0]:data[-1] + 1] if contiguous else list(map(rows.__getitem__, data))
            self.min_width = min(map(len, self.data_rows))
        if self.min_width > c:
            hit = list(map(itemgetter(c), self.data_rows))
        else:
            hit = [row[c] if c < len(row) else None for row in self.data_rows]
        self.cell_columns[c] = hit
        return hit

    # ------------------------------------------------------------------ row labels
    def _row_labels(self) -> None:
        """Per label column: each data row's label text (filled down), and what the column holds."""
        self.row_texts: list[list[str]] = []
        self.row_sources: list[Source] = []
        self.row_notes: list[dict[str, str | None]] = []
        self.row_distinct: list[list[str]] = []
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
        named = self.reading.schema_name(own)
        found: Recognised = recognise(own or None, labels)
        kind = found.dimension if found.confidence >= LIKELY and found.dimension else (named or own or where)
        if named and kind not in KNOWN_KINDS:
            kind = named
        source = Source(where, header, kind, named or kind, found.confidence, found.evidence, rank)
        if kind in KNOWN_KINDS and found.confidence < SURE and not named:
            self.out.doubts.append(f"{self.grid.name}: '{header or labels[:1]}' taken as {kind} "
                                   f"(confidence {found.confidence:.2f}: {found.evidence})")
        self.out.mapping[header or ", ".join(labels[:3])] = source.name
        return source

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

    # ------------------------------------------------------------------ header labels
    def _header_labels(self) -> None:
        """Per value column, its header path as labels; each level of the header block named once."""
        clean = self.reading.clean
        paths: list[list[tuple[str, str | None]]] = []
        for col in self.value_cols:
            path = [clean(h) for h in col.header]
            kept = [(text, note) for text, note in path if text]
            paths.append(kept)
        self.col_paths = paths
        self.unheaded: dict[int, str] = {}   # value column index -> the label naming it by its letter
        if len(paths) > 1:
            seen: dict[tuple[str, ...], list[int]] = {}
            for i, path in enumerate(paths):
                seen.setdefault(tuple(text for text, _note in path), []).append(i)
            alike = [group for group in seen.values() if len(group) > 1]
            if alike:
                # Headers that don't tell columns apart: each figure still gets a label that locates it
                # (its column's letter), and the file is flagged.
                for group in alike:
                    for i in group:
                        self.unheaded[i] = f"column {column_letter(self.grid, self.value_cols[i].col)}"
                letters = list(self.unheaded.values())
                self.out.doubts.append(f"{self.grid.name}: {', '.join(letters[:6])}{' ...' if len(letters) > 6 else ''}"
                                       f" can't be told apart by their headers; their figures are labelled by "
                                       f"column letter: map or ignore them by header")
        # Levels counted from the bottom: the lowest header is the most specific, and a header that spans
        # the whole header block ("Total") belongs with the lowest row, not the top one.
        depth = max((len(p) for p in paths), default=0)
        self.levels: list[list[tuple[int, str, str | None]]] = []   # per value column: (level, text, note)
        for path in paths:
            self.levels.append([(len(path) - 1 - j, text, note) for j, (text, note) in enumerate(path)])
        self.level_sources: list[Source] = []
        self.text_sources: dict[tuple[int, str], Source] = {}
        self.sub_years = sub_year_levels(self.levels, depth)
        for level in range(depth):
            texts = list(dict.fromkeys(t for col in self.levels for k, t, _n in col if k == level))
            mapped = {self.reading.mapper.get(t) for t in texts} - {None, "ignore", "value"}
            forced = mapped.pop() if len(mapped) == 1 else None
            if level in self.sub_years and not forced:
                # "Apr - Jun" under "2009": a part of the year above, named for what it is; the figure's
                # period is the two together (see _number_labels).
                name = self.sub_years[level]
                self.level_sources.append(Source("column", name, name, name, 1.0, "", rank=9 - level))
                self.out.mapping.update(dict.fromkeys(texts, name))
                continue
            words = [t for t in texts if self.reading.is_value_word(t)]
            if not forced and words and len(words) == len(texts):
                forced = "measure"
                self.out.mapping.update(dict.fromkeys(texts, "measure"))
            source = self._source("column", "", texts, forced, rank=9 - level) if forced \
                else self._header_source(level, texts, depth)
            self.level_sources.append(source)
            if source.kind in CODED and not forced:
                # A header row of years with "number" and "%" among them: those are not years.
                for text in texts:
                    measure = self.reading.is_value_word(text) or bool(unit_of([text]))
                    if not measure and source.kind not in ("period", "body"):
                        continue  # "Burglary" has no one offence code, and is an offence all the same
                    coded = code(source.kind, text)
                    if measure or not (coded.code or coded.start or coded.aggregate):
                        name = "measure" if measure else "column"
                        same = next((s for (k, _t), s in self.text_sources.items() if k == level and s.name == name),
                                    None)
                        self.text_sources[(level, text)] = same or Source("column", name, name, name, 0.0, "",
                                                                           9 - level)
                        self.out.mapping[text] = name
            rest = [t for t in texts if (level, t) not in self.text_sources]
            if not forced and source.kind in KNOWN_KINDS and 0 < source.confidence < SURE and not (
                    source.kind in CODED and all(codes_as(source.kind, t) for t in rest)):
                self.out.doubts.append(f"{self.grid.name}: headers {', '.join(rest[:3])} taken as "
                                       f"{source.kind} (confidence {source.confidence:.2f})")
        for level in range(depth):
            texts = {t for col in self.levels for k, t, _n in col if k == level}
            if texts and all(a_count(t) for t in texts):
                # Headers that are counts, not years or names: probably a row of figures read as a header.
                self.out.doubts.append(f"{self.grid.name}: headers {', '.join(sorted(texts)[:3])} are numbers, "
                                       f"not names: a row of figures taken for a header?")
        # A caption that names the header row below it ("Financial year" over the years): the name of a
        # dimension, not one of its values, so not a label.
        self.captions: set[int] = set()
        for level in range(1, depth):
            texts = {t for col in self.levels for k, t, _n in col if k == level and any(k2 == level - 1 for k2, _t, _n2
                                                                                         in col)}
            below = self.level_sources[level - 1]
            if len(texts) == 1 and level - 1 not in self.sub_years:
                caption = texts.pop()
                if below.name == caption or (below.confidence > 0 and recognise(caption, []).dimension == below.kind):
                    self.captions.add(level)

    def _header_source(self, level: int, texts: list[str], depth: int) -> Source:
        found = recognise(None, texts)
        if found.confidence >= LIKELY and found.dimension in KNOWN_KINDS:
            source = Source("column", found.dimension, found.dimension, found.dimension, found.confidence,
                             found.evidence, rank=9 - level)
        else:
            above = {t for col in self.levels for k, t, _n in col if k == level + 1
                     and any(k2 == level for k2, _t, _n2 in col)}
            if len(above) == 1 and len(texts) >= 2:
                name = above.pop()      # a caption over the headers it names ("Age" over "Under 10", ...)
            elif len(texts) == 1 or level == 0:
                # Headers directly over the figures that name no known dimension say what each
                # column counts ("Officers leaving within 1 year", "Percentage change"): measures.
                name = "measure"
            else:
                name = f"column group{'' if level == 1 else f' {level}'}"
            source = Source("column", name, name, name, 0.0, "", rank=9 - level)
        for text in texts:
            self.out.mapping.setdefault(text, source.name)
        return source

    # ------------------------------------------------------------------ title and sheet
    def _context(self) -> None:
        """Dimensions the title lines or the sheet name state, for figures that have no such label."""
        self.context: list[tuple[Source, str, Any]] = []
        lines = join_lines(self.t.title)   # a sentence wrapped over several lines read as one
        found = context(lines)
        where = "title"
        sheet = getattr(self.grid, "sheet", None)
        if sheet:
            for dim, coded in context([sheet]).items():
                found.setdefault(dim, coded)
        stated = None if "period" in found else self._header_period()
        if stated is not None:
            found["period"] = stated
        for dim, coded in found.items():
            if dim == "unit":
                continue
            where = "title" if any(coded.label in line for line in lines) else "sheet"
            header = where
            if coded is stated:
                where, header = "column", "header"
            self.context.append((Source(where, header, dim, dim, 1.0, "", rank=0), coded.label, coded))
        # The table's own caption ("Table 1.7 Number of INCIDENTS by appropriate authority ..."): which of
        # a sheet's tables a figure is in, and often what it counts.
        captions = [line for line in lines if any(ch.isalpha() for ch in line) and len(line) <= 250]
        caption = captions[-1] if captions else None
        if len(captions) > 1 and _only_context(captions[-1]):
            # "England and Wales 1989" under the sentence that says what the table is: both.
            caption = f"{captions[-2]}, {captions[-1]}"
        # A title that only says where or when ("England and Wales") is that context, not a caption too.
        self.caption_states = _states_only(caption) if caption else frozenset()
        if caption:
            self.context.append((Source("title", "table", "table", "table", 1.0, "", rank=0), caption,
                                 Coded("table", caption)))

    def _header_period(self) -> Coded | None:
        """One period stated inside the header block ("Offences per officer in 12 months to March 1992"
        beside "Percentage change from previous 12 months"): the table's period, for every column.
        Headers that are periods themselves ("2019/20") are columns' own labels, not this."""
        spans: dict[tuple[Any, Any], Coded] = {}
        for path in self.col_paths:
            for text, _note in path:
                if codes_as("period", text):
                    return None   # a column of its own period: the period is a dimension across columns
                found = context([text]).get("period")
                if found is not None:
                    spans.setdefault((found.start, found.end), found)
        return next(iter(spans.values())) if len(spans) == 1 else None

    # ------------------------------------------------------------------ naming
    def _name_dimensions(self) -> None:
        """One dimension name per source: two sources claiming one (an "Offence group" column beside
        "Offence") -> the more specific keeps it, the other is named after its header."""
        sources = [*self.row_sources, *(s for n, s in enumerate(self.level_sources) if n not in self.captions),
                   *{id(s): s for s in self.text_sources.values()}.values()]
        if self.section_source is not None:
            sources.append(self.section_source)
        present = {s.name for s in sources}
        self.context = [c for c in self.context if c[0].name not in present and c[0].kind not in
                        {s.kind for s in sources}]
        kept = {c[0].kind for c in self.context if c[0].where == "title"}
        if self.caption_states and self.caption_states <= kept:
            # Stored once, as the body/period it names; kept as the caption when rows carry their own.
            self.context = [c for c in self.context if c[0].name != "table"]
        by_name: dict[str, list[Source]] = {}
        for s in sources:
            by_name.setdefault(s.name, []).append(s)
        for name, claim in by_name.items():
            if len(claim) < 2:
                continue
            claim.sort(key=lambda s: -s.rank)
            for n, s in enumerate(claim[1:], 2):
                s.name = s.header if s.header and s.header not in present else f"{name} {n}"
                if s.header in ("", name):
                    s.header = s.name  # labels by header must tell them apart too
                present.add(s.name)

    # ------------------------------------------------------------------ label numbers
    def _label(self, source: Source, text: str, note: str | None, position: int | None,
               where: str | None = None, coded: Any = None) -> int:
        coded = coded or code(source.kind, text)
        kind = coded.dimension if coded.dimension in KNOWN_KINDS else None
        label = Label(source.header or source.name, text, source.name, coded.code, coded.start, coded.end,
                      bool(coded.aggregate), where or source.where, position, note,
                      kind if kind and kind != source.name else None)
        if coded.unit:
            self.units_by_label[text] = coded.unit
        return self.reading.book.number(label)

    def _number_labels(self) -> None:
        self.units_by_label: dict[str, str] = {}
        grid = self.grid
        # Row labels: per label column, each row's label number.
        self.row_numbers: list[list[int | None]] = []
        self.row_number_sets: list[set[int | None]] = []   # per label column, its distinct label numbers
        for k, ((c, _header), source) in enumerate(zip(self.label_cols, self.row_sources, strict=True)):
            position = grid.col_numbers[c] if grid.col_numbers else c + 1
            notes = self.row_notes[k]
            memo: dict[str, int | None] = {"": None}
            for text in self.row_distinct[k]:
                if text:
                    memo[text] = self._label(source, text, notes.get(text), position)
            self.row_numbers.append(list(map(memo.__getitem__, self.row_texts[k])))
            self.row_number_sets.append({memo[text] for text in self.row_distinct[k]})
        self._combine_row_periods()
        # Ancestors: per distinct chain, its label numbers.
        self.chain_numbers: dict[tuple[int, ...], list[tuple[Source, int]]] = {}
        leaf_source = self.row_sources[-1] if self.row_sources else None
        for ch in dict.fromkeys(self.chains):
            found = []
            sections = [p for p in ch if self.ancestor_labels[p][0] == "section"]
            for p in ch:
                where, text, level = self.ancestor_labels[p]
                if not text:
                    continue
                if where == "section":
                    source = self.section_source
                    assert source is not None
                    depth = sections.index(p)
                    name = source.name if depth == 0 else f"{source.name} {depth + 1}"
                    src = Source("section", name if source.name == "section" else source.header, source.kind,
                                  name, rank=source.rank)
                else:
                    assert leaf_source is not None
                    name = f"{leaf_source.name} group" + (f" {level + 1}" if level else "")
                    src = Source("parent", f"{leaf_source.header} group" + (f" {level + 1}" if level else ""),
                                  name, name)
                position = grid.row_numbers[p] if grid.row_numbers else p + 1
                found.append((src, self._label(src, text, None, position)))
            self.chain_numbers[ch] = found
        # Header labels: per value column, its labels.
        self.col_numbers: list[list[tuple[Source, int]]] = []
        for col, levels in zip(self.value_cols, self.levels, strict=True):
            found = []
            combined = combine(levels, self.sub_years)
            for level, text, note in levels:
                if level in self.captions:
                    continue
                source = self.text_sources.get((level, text)) or self.level_sources[level]
                coded = None
                if combined is not None and level == combined[0]:
                    # The year over a quarter: kept as written, no longer the figure's period.
                    coded = code(source.kind, text)
                    coded = Coded("year", text, None, coded.start, coded.end)
                    header = "year" if source.header in ("", "period") else source.header
                    source = Source("column", header, "year", "year", rank=source.rank)
                found.append((source, self._label(source, text, note, self._header_row(col, text), coded=coded)))
            if combined is not None:
                source = Source("column", "period", "period", "period", rank=20)
                found.insert(0, (source, self._label(source, combined[1].label, None,
                                                     self._header_row(col, combined[2]), coded=combined[1])))
            for source, text, coded in self.context:
                found.append((source, self._label(source, text, None, None, coded=coded)))
            letter = self.unheaded.get(len(self.col_numbers))
            if letter:
                source = Source("column", "column letter", "column letter", "column letter", rank=0)
                found.append((source, self._label(source, letter, None, None)))
            self.col_numbers.append(found)

    def _header_row(self, col: Any, text: str) -> int | None:
        for r in col.header_rows:
            row = self.rows[r]
            if col.col < len(row) and self.reading.clean(row[col.col])[0] == text:
                return self.grid.row_numbers[r] if self.grid.row_numbers else r + 1
        return None

    # ------------------------------------------------------------------ figures
    def _figures(self) -> None:
        self.total_cols: set[int] = set()
        t, labels = self.t, self.reading.book.labels
        data, n = self.data, len(self.data)
        cells = self.reading.cells
        # Per row: slot label numbers, the other labels (as JSON text), total flag, unit.
        row_slots: dict[str, list[int | None]] = {}
        extra_columns: list[list[int | None]] = []   # per row, label numbers with no slot of their own
        for numbers, present in zip(self.row_numbers, self.row_number_sets, strict=True):
            slots = {labels[x].slot for x in present if x is not None}
            slot = slots.pop() if len(slots) == 1 else None
            if slot and slot not in row_slots:
                row_slots[slot] = numbers
            else:
                extra_columns.append(numbers)
        if self.chains:
            chain_slots: dict[str, list[int | None]] = {}
            chain_extra: list[list[int]] = [[] for _ in range(n)]
            for i, ch in enumerate(self.chains):
                for _source, x in self.chain_numbers[ch]:
                    slot = labels[x].slot
                    if slot and slot not in row_slots:
                        chain_slots.setdefault(slot, [None] * n)[i] = x
                    else:
                        chain_extra[i].append(x)
            row_slots.update(chain_slots)
            extra_columns += [list(column) for column in zip_longest(*chain_extra)] if any(chain_extra) else []
        kinds = set(t.roles)
        row_total = ([t.roles[r - t.start] == "total" or r in self.parent_rows for r in data]
                     if "total" in kinds or self.parent_rows else [False] * n)
        aggregate = {i for i, label in enumerate(labels) if sums_others(label)}
        for numbers in [*self.row_numbers, *extra_columns] if aggregate else ():
            if aggregate.intersection(numbers):
                row_total = [flag or x in aggregate for flag, x in zip(row_total, numbers, strict=False)]
        row_units = None
        if self.units_by_label:
            by_label = self.units_by_label
            row_units = [next((by_label[labels[x].text] for numbers in self.row_numbers
                               if (x := numbers[i]) is not None and labels[x].text in by_label), None)
                         for i in range(n)]
        title_unit = unit_of(list(self.t.title))
        extra_text = joined(extra_columns, n) if extra_columns else None
        for col, found in zip(self.value_cols, self.col_numbers, strict=True):
            self._column_figures(col, found, row_slots, extra_text, row_total, row_units, title_unit, cells)
        self.row_total = row_total

    def _column_figures(self, col: Any, found: list[tuple[Source, int]], row_slots: dict[str, list[int | None]],
                        extra_text: list[str] | None, row_total: list[bool], row_units: list[str | None] | None,
                        title_unit: str | None, cells: CellReader) -> None:
        labels, out, data = self.reading.book.labels, self.out, self.data
        parsed, distinct = cells.read_column(self._column_cells(col.col))
        keep: list[int] | None = None
        # What the column holds is decided on its distinct cells; a pass per row only when it is mixed.
        if distinct is None or not all(d[0] is NUMBER or d[0] is SUPPRESSED for d in distinct):
            distinct = None
            kinds = list(map(itemgetter(0), parsed))
            keep = [i for i, k in enumerate(kinds) if k is NUMBER or k is SUPPRESSED]
            blanks = kinds.count(BLANK)
            out.skipped["blank_cell"] = out.skipped.get("blank_cell", 0) + blanks
            if len(keep) + blanks != len(kinds):
                header = " ".join(col.header) or f"column {column_letter(self.grid, col.col)}"
                for i, k in enumerate(kinds):
                    if k is not NUMBER and k is not SUPPRESSED and k is not BLANK:
                        out.not_understood.append((data[i], f"text '{label_text(self.rows[data[i]][col.col])}' in "
                                                             f"value cell under '{header}'"))
            if not keep:
                return
            parsed = [parsed[i] for i in keep]

        def pick(values: list[Any]) -> list[Any]:
            return values if keep is None else [values[i] for i in keep]

        rows = pick(data)
        m = len(rows)
        slots: dict[str, Any] = {}
        extra_cols: list[int] = []
        for _source, x in found:
            slot = labels[x].slot
            if slot and slot not in row_slots and slot not in slots:
                slots[slot] = Same(x)
            else:
                extra_cols.append(x)
        for slot, numbers in row_slots.items():
            slots[slot] = pick(numbers)
        col_extra = ",".join(map(str, extra_cols))
        if extra_text is None:
            extra: Any = Same(f"[{col_extra}]" if col_extra else None)
        else:
            picked = pick(extra_text)
            if "[" not in picked:  # every row has labels of its own: joined in C
                extra = list(map(add, picked, repeat(f",{col_extra}]" if col_extra else "]")))
            elif col_extra:
                extra = [f"{e},{col_extra}]" if e != "[" else f"[{col_extra}]" for e in picked]
            else:
                extra = [f"{e}]" if e != "[" else None for e in picked]
        # A column headed "Total" is a total of the columns beside it; alone, it holds the figures.
        col_total = col.role == "total" or (len(self.value_cols) > 1 and any(
            sums_others(labels[x]) for source, x in found if source.where == "column"))
        if col_total:
            self.total_cols.add(col.col)
        total: Any = Same(1) if col_total else (Same(0) if not any(row_total) else list(map(int, pick(row_total))))
        col_unit = unit_of([" ".join(col.header)]) or title_unit
        value_units = list(map(itemgetter(4), parsed)) if distinct is None or any(d[4] for d in distinct) else None
        if row_units is None and not any(value_units or ()):
            units: Any = Same(col_unit)
        else:
            per_row = pick(row_units) if row_units is not None else repeat(None, m)
            units = [v or r or col_unit for v, r in zip(value_units or repeat(None, m), per_row, strict=False)]
        notes: Any = Same(None)
        if distinct is None or any(d[3] for d in distinct):
            notes_list = list(map(itemgetter(3), parsed))
            notes = Same(None) if not any(notes_list) else notes_list
        out.columns.append(FigureColumn(
            col.col, rows, list(map(itemgetter(1), parsed)), list(map(itemgetter(2), parsed)),
            self.reading.cells.raw_all(self._pick_cells(col.col, keep)),
            notes, units, total, slots, extra))

    def _pick_cells(self, c: int, keep: list[int] | None) -> list[Any]:
        cells = self._column_cells(c)
        return cells if keep is None else [cells[i] for i in keep]

    # ------------------------------------------------------------------ checks
    def _check_totals(self) -> None:
        """Stated totals against the figures they add up; a difference is a warning, never a fix."""
        from foi.figures._totals import check_totals

        check_totals(self)

    def row_total_by_word(self, r: int) -> bool:
        """Whether row r's labels say it is a total ("Total", "All offences", "England and Wales")."""
        i = self.data.index(r)
        labels = self.reading.book.labels
        return any(numbers[i] is not None and sums_others(labels[numbers[i]]) for numbers in self.row_numbers)

    def _check_repeats(self) -> None:
        """Two rows with the same labels give two figures for one thing: say so."""
        columns: list[list[Any]] = [*self.row_numbers]
        if self.chains:
            columns.append(self.chains)
        if not columns:
            return
        numbers = list(zip(*columns, strict=True))
        if len(set(numbers)) == len(numbers):
            return
        keys = list(zip(*self.row_texts, strict=True)) if self.row_texts else [()] * len(self.data)
        if self.chains:
            keys = [(*k, ch) for k, ch in zip(keys, self.chains, strict=True)]
        seen: dict[Any, int] = {}
        for i, key in enumerate(keys):
            j = seen.setdefault(key, i)
            if j != i and self.t.roles[self.data[i] - self.t.start] == "data":
                a, b = self.data[j], self.data[i]
                shown = " / ".join(t for t in key if isinstance(t, str) and t) or "no label"
                self.out.doubts.append(f"{self.grid.name}: rows {self._row_no(a)} and {self._row_no(b)} have the "
                                       f"same labels ({shown}): two figures for one thing")
                return

    def _row_no(self, r: int) -> int:
        return self.grid.row_numbers[r] if self.grid.row_numbers else r + 1



_CONTEXT_DIMS = frozenset(("period", "body", "area"))


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


def _states_only(line: str) -> frozenset[str]:
    """The dimensions a title line states when it states nothing else ("England and Wales", "2019/20",
    "Kent, 2021"); empty when it says more."""
    found = context([line])
    rest = line.casefold()
    for coded in found.values():
        rest = rest.replace(coded.label.casefold(), " ")
    return frozenset(found) if found and not re.search(r"\w", rest) else frozenset()


def _only_context(line: str) -> bool:
    """A short title line that only says when and where ("England and Wales 1989", "2019/20")."""
    found = context([line])
    return len(line.split()) <= 6 and bool(found) and set(found) <= _CONTEXT_DIMS


# Labels that say where a figure sits in its table (not the title or sheet it shares with others).
_LOCATING = ("row", "column", "section", "parent")


def repeated_across_tables(tables: list[TableFigures], shown: int = 20) -> list[str]:
    """The same figure in two tables of one file (a summary sheet and a detail sheet, say) must not
    be counted twice silently. Only run once a second table has figures: most files have one."""
    with_figures = [t for t in tables if t.columns]
    if len(with_figures) < 2:
        return []
    first_seen: dict[tuple[tuple[str, str], ...], str] = {}
    found: list[str] = []
    for table in with_figures:
        locate = table.grid.location
        here: dict[tuple[tuple[str, str], ...], str] = {}
        for figure in table.figures():
            key = tuple(sorted((label.dimension, label.text) for label in figure.labels if label.source in _LOCATING))
            where = first_seen.get(key)
            if where is not None and len(found) <= shown:
                described = ", ".join(f"{k}={v}" for k, v in key)
                found.append(f"the figure for {described} appears twice: {where} and {locate(figure.row, figure.col)}")
            here.setdefault(key, locate(figure.row, figure.col))
        for key, where in here.items():
            first_seen.setdefault(key, where)
    return found[:shown] + (["... and more figures that appear twice"] if len(found) > shown else [])
