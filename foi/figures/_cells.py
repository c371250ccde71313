"""Cells as the rows stage reads them: a value cell -> (kind, number, marker, note, unit), a label
cell -> text, any cell -> its raw text. Cached per distinct cell value: tables repeat a few texts."""

from __future__ import annotations

import math
from datetime import date, datetime
from typing import Any

# Cell kinds (compared by identity in hot loops).
BLANK, NUMBER, SUPPRESSED, TEXT, DATE = "blank", "number", "suppressed", "text", "date"
_BLANK = (BLANK, None, None, None, None)
# A cell read: (kind, number, suppression marker, footnote marker, unit).
Read = tuple[str, Any, str | None, str | None, str | None]
_DATE = (DATE, None, None, None, None)


def fmt_num(x: float | int) -> str:
    """A number as a cell shows it: 2019.0 -> "2019", 15860.77 -> "15860.77" (never rounded:
    it is the raw text a figure is traced back to)."""
    if isinstance(x, float) and x.is_integer():
        x = int(x)
    return str(x) if isinstance(x, int) else repr(x)


def fmt_sum(x: float | int) -> str:
    """A computed total for a message: float noise (0.1 + 0.2) rounded away."""
    return fmt_num(round(x, 9) if isinstance(x, float) else x)


def label_text(cell: Any) -> str:
    """A cell as label text: whitespace collapsed (PDF line wraps), 2019.0 -> "2019"."""
    if cell is None:
        return ""
    if isinstance(cell, str):
        return " ".join(cell.split())
    if isinstance(cell, bool):
        return str(cell)
    if isinstance(cell, float):
        return "" if math.isnan(cell) else fmt_num(cell)
    if isinstance(cell, datetime):
        if (cell.hour, cell.minute, cell.second, cell.microsecond) == (0, 0, 0, 0):
            return cell.date().isoformat()
        return cell.isoformat()
    if isinstance(cell, date):
        return cell.isoformat()
    return " ".join(str(cell).split())


class _Memo(dict):  # type: ignore[type-arg]
    """fn(cell) cached by cell value: `map(memo.__getitem__, cells)` runs Python only for a new value."""

    def __init__(self, fn: Any) -> None:
        super().__init__()
        self.fn = fn

    def __missing__(self, key: Any) -> Any:
        out = self[key] = self.fn(key)
        return out


class CellReader:
    """values.parse_value once per distinct cell value, as a tuple the rows stage picks apart."""

    def __init__(self) -> None:
        from foi.values import parse_value

        self._parse = parse_value
        self._reads = _Memo(self._read_one)
        self._raws = _Memo(self._raw_one)
        self._notes: _Memo | None = None   # reads where "(2)" is a footnote reference, made when needed

    def read_all(self, cells: list[Any]) -> list[tuple[str, Any, str | None, str | None, str | None]]:
        """read() of every cell; a dict lookup in C per cell (cells repeat: counts, markers, blanks).
        A column writing footnote references in brackets where figures would be ("(2)" among counts,
        as Hansard tables do) reads them as markers, not as negative numbers."""
        return self.read_column(cells)[0]

    def read_column(self, cells: list[Any]) -> tuple[list[Read], list[Read] | None]:
        """read_all(cells), and the distinct reads among them (None for a cell that is not
        hashable): what a column holds is then known without another pass over its cells."""
        try:
            distinct = set(cells)   # C-level: a long column has few distinct cells
        except TypeError:  # an unhashable cell: not something a reader produces
            return [self._read_one(cell) for cell in cells], None
        memo = self._reads if not self._bracket_notes(distinct) else self._note_reads()
        return list(map(memo.__getitem__, cells)), list(map(memo.__getitem__, distinct))

    def _bracket_notes(self, distinct: set[Any]) -> bool:
        if not any(type(x) is str and x.lstrip()[:1] == "(" for x in distinct):
            return False
        from foi.values import bracket_convention

        return bracket_convention(distinct) == "note"

    def _note_reads(self) -> _Memo:
        if self._notes is None:
            from functools import partial

            parse = partial(self._parse, brackets="note")
            self._notes = _Memo(lambda cell: self._read_one(cell, parse))
        return self._notes

    def read(self, cell: Any) -> tuple[str, Any, str | None, str | None, str | None]:
        """(kind, number, suppression marker, footnote marker, unit)."""
        try:
            return self._reads[cell]
        except TypeError:
            return self._read_one(cell)

    def raw_all(self, cells: list[Any]) -> list[str]:
        try:
            return list(map(self._raws.__getitem__, cells))
        except TypeError:
            return [self._raw_one(cell) for cell in cells]

    def raw(self, cell: Any) -> str:
        """The cell's text as written (a number as the cell shows it)."""
        try:
            return self._raws[cell]
        except TypeError:
            return self._raw_one(cell)

    def _read_one(self, cell: Any, parse: Any = None) -> tuple[str, Any, str | None, str | None, str | None]:
        t = type(cell)
        if t is int:
            return (NUMBER, cell, None, None, None)
        if cell is None:
            return _BLANK
        if t is float:
            if math.isnan(cell):
                return _BLANK
            return (NUMBER, int(cell) if cell.is_integer() else cell, None, None, None)
        if isinstance(cell, date):
            return _DATE
        v = (parse or self._parse)(cell)
        if v.kind == "number":
            number = v.number
            if isinstance(number, float) and number.is_integer():
                number = int(number)
            return (NUMBER, number, None, getattr(v, "note", None), getattr(v, "unit", None))
        if v.kind == "suppressed":
            return (SUPPRESSED, None, v.suppressed, getattr(v, "note", None), None)
        if v.kind == "blank":
            return _BLANK
        return (DATE if v.kind == "date" else TEXT, None, None, None, None)

    @staticmethod
    def _raw_one(cell: Any) -> str:
        if type(cell) is str:
            return cell.strip()
        if isinstance(cell, int | float) and not isinstance(cell, bool):
            return fmt_num(cell)
        return label_text(cell)
