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

from collections import Counter
from itertools import compress
from operator import itemgetter
from typing import Any

from foi.figures._cells import CellReader
from foi.figures._observed import SLOTS, Figure, FigureColumn, Label, LabelBook, Same, TableFigures
from foi.figures._rows_figures import RowFigures
from foi.figures._rows_headers import HeaderLabels
from foi.figures._rows_labels import RowLabels
from foi.figures._rows_periods import RowPeriods, combine, snapshot_period
from foi.figures._rows_rules import KNOWN_KINDS, LIKELY, SAMPLE_LABELS, SURE, Source, column_letter, is_serial
from foi.figures.coding import Coded, clean_label, code, recognise
from foi.figures.layout import TableLayout

__all__ = ["LIKELY", "SAMPLE_LABELS", "SLOTS", "SURE", "Figure", "FigureColumn", "Label", "LabelBook", "Reading",
           "Same", "TableFigures", "observe", "repeated_across_tables"]

# Rows whose numbers are figures.
_FIGURE_ROLES = frozenset(("data", "total"))


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


# The stages of one table live in mixins named for them (row labels, header labels, figures,
# periods); the driver, the columns and the numbering of labels stay here. `_label` must stay
# here: RowPeriods carries a stub of it.
class _Table(RowLabels, HeaderLabels, RowFigures, RowPeriods):
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
                    day = snapshot_period(source.header, text) if source.kind == "period" else None
                    memo[text] = self._label(source, text, notes.get(text), position, coded=day)
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


# Labels that say where a figure sits in its table (not the title or sheet it shares with others).
_LOCATING = ("row", "column", "section", "parent")
_PLACES = ("body", "area")


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
            # A title naming the force or area a table is about makes it another place's figures.
            key = tuple(sorted((label.dimension, label.text) for label in figure.labels
                               if label.source in _LOCATING or label.dimension in _PLACES))
            where = first_seen.get(key)
            if where is not None and len(found) <= shown:
                described = ", ".join(f"{k}={v}" for k, v in key)
                found.append(f"the figure for {described} appears twice: {where} and {locate(figure.row, figure.col)}")
            here.setdefault(key, locate(figure.row, figure.col))
        for key, where in here.items():
            first_seen.setdefault(key, where)
    return found[:shown] + (["... and more figures that appear twice"] if len(found) > shown else [])
