"""Figures of the rows stage: each value column's cells joined with the label numbers of their row
and column, a column at a time; then the checks of stated totals and repeated rows."""

from __future__ import annotations

from itertools import repeat, zip_longest
from operator import add, itemgetter
from typing import Any

from foi.figures._cells import BLANK, NUMBER, SUPPRESSED, CellReader, label_text
from foi.figures._observed import FigureColumn, Same, TableFigures
from foi.figures._rows_rules import Source, column_letter, joined, sums_others
from foi.figures.coding import unit_of
from foi.figures.layout import TableLayout


class RowFigures:
    """The figures part of `rows._Table`: reads the label numbers the label parts made, fills `out`."""

    chain_numbers: dict[tuple[int, ...], list[tuple[Source, int]]]
    chains: list[tuple[int, ...]]
    col_numbers: list[list[tuple[Source, int]]]
    data: list[int]
    grid: Any
    out: TableFigures
    parent_rows: set[int]
    reading: Any
    row_number_sets: list[set[int | None]]
    row_numbers: list[list[int | None]]
    row_texts: list[list[str]]
    rows: list[list[Any]]
    t: TableLayout
    units_by_label: dict[str, str]
    value_cols: list[Any]

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

