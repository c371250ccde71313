"""What the rows stage makes of a table: a document's numbered labels and each table's figures, held
column by column (a 200,000-row table is a few lists, not 200,000 objects)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from typing import Any, NamedTuple

from foi.figures.layout import TableLayout

# Dimensions with a column of their own in figure_cells (and the `figures` view).
SLOTS = ("period", "offence", "outcome", "body")


class Same(NamedTuple):
    """One value for every figure of a column."""

    value: Any


@dataclass(frozen=True, slots=True)
class Label:
    """One distinct label of a document (a figure_labels row)."""

    header: str                 # the header it sits under, as written ("Crime Type", "section", "title")
    text: str                   # the label, footnote markers split off
    dimension: str              # a known dimension or the header's own name
    code: str | None = None     # offence code, outcome type, body slug, ...
    start: date | None = None   # periods
    end: date | None = None
    aggregate: bool = False     # "Total", "All ages", "England and Wales"
    source: str = "row"         # row | column | section | parent | title | sheet
    position: int | None = None  # 1-based source column (row labels) or row (headers, sections)
    note: str | None = None     # footnote markers split off the label ("3", "4,5")
    kind: str | None = None     # the known dimension it was coded as, when named otherwise ("force" as body)

    @property
    def slot(self) -> str | None:
        kind = self.kind or self.dimension
        return kind if kind in SLOTS else None


class LabelBook:
    """A document's distinct labels, numbered in the order they are first used."""

    def __init__(self) -> None:
        self.labels: list[Label] = []
        self._numbers: dict[Label, int] = {}

    def number(self, label: Label) -> int:
        n = self._numbers.get(label)
        if n is None:
            n = self._numbers[label] = len(self.labels)
            self.labels.append(label)
        return n


@dataclass(slots=True)
class FigureColumn:
    """The figures of one value column of one table, in row order; per figure values are lists,
    or Same(v) when every figure of the column has v."""

    col: int                      # index into a grid row
    rows: list[int]               # grid row index of each figure
    values: list[float | int | None]
    suppressed: list[str | None]
    raws: list[str]
    notes: Any                    # list | Same: footnote marker glued to the number
    units: Any                    # list | Same: None = a count
    total: Any                    # list | Same: 1 for totals, subtotals and aggregates
    slots: dict[str, Any]         # slot -> label numbers (list | Same), None = no label
    extra: Any                    # list | Same: JSON array text of the other label numbers, or None


@dataclass
class TableFigures:
    grid: Any
    layout: TableLayout
    book: LabelBook
    columns: list[FigureColumn] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    doubts: list[str] = field(default_factory=list)          # needs-review reasons
    not_understood: list[tuple[int, str]] = field(default_factory=list)
    skipped: dict[str, int] = field(default_factory=dict)
    mapping: dict[str, str] = field(default_factory=dict)    # header -> dimension used
    record_list: int = 0          # rows of a record-level list (no figures)

    def __len__(self) -> int:
        return sum(len(c.rows) for c in self.columns)

    def figures(self) -> Iterator[Figure]:
        """Every figure, row by row and left to right, with its labels (for tests and checks)."""
        out = []
        for k, column in enumerate(self.columns):
            for i, r in enumerate(column.rows):
                out.append((r, k, i))
        out.sort()
        labels = self.book.labels
        for r, k, i in out:
            column = self.columns[k]
            numbers = [_at(v, i) for v in column.slots.values()]
            extra = _at(column.extra, i)
            if extra:
                numbers += [int(x) for x in extra[1:-1].split(",")]
            found = [labels[n] for n in numbers if n is not None]
            yield Figure(r, column.col, column.values[i], column.suppressed[i], column.raws[i],
                         bool(_at(column.total, i)), _at(column.units, i), _at(column.notes, i), found)


def _at(v: Any, i: int) -> Any:
    return v.value if isinstance(v, Same) else v[i]


@dataclass
class Figure:
    row: int
    col: int
    value: float | int | None
    suppressed: str | None
    raw: str
    total: bool
    unit: str | None
    note: str | None
    labels: list[Label]

    @property
    def dims(self) -> dict[str, str]:
        return {label.dimension: label.text for label in self.labels}

    @property
    def by_header(self) -> dict[str, str]:
        return {label.header: label.text for label in self.labels}
