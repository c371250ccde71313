"""Layout: a grid -> the structure of the tables in it.

For every row of a grid, which table it belongs to and its role there (title, header, section,
data, total, note, blank); for every column its role (label, value, total, ignored), the rows
its header text sits in and its header path with spanning headers spread; the hierarchy of the
row labels (levels and parents from indentation, sections and arithmetic); and totals found by
adding up, never by a word alone.

Pure and schema-free: nothing here knows about police forces or offences (`coding` does).
Long grids are sampled: the rows between a head and a tail sample that look like the data rows
seen there are data without being looked at cell by cell, so 200,000 rows cost little more
than a list allocation.

How the layout is found (each step a private module):
1. `_layout_scan`: every cell's kind (number, year, marker, footnote, text, ...), sampled.
2. `_layout_blocks`: value and label columns, data rows, the bodies of stacked tables, each
   table's header block (across blank rows, under one-cell titles, years typed as numbers),
   title lines above it and notes below it.
3. `_layout_totals`: rows and columns that add up others, and the row hierarchy.
4. `_layout_header`: each column's header cells and header path.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

__all__ = ["COLUMN_ROLES", "ROW_ROLES", "ColumnLayout", "TableLayout", "find_tables"]

ROW_ROLES = ("title", "header", "section", "data", "total", "note", "blank")
COLUMN_ROLES = ("label", "value", "total", "ignored")


@dataclass
class ColumnLayout:
    col: int                   # index into a grid row
    role: str                  # one of COLUMN_ROLES
    header_rows: list[int]     # grid row indexes where this column's header text sits
    header: list[str]          # header path, top to bottom, spanning headers spread, blanks dropped
    sums: list[int] | None = None   # total columns: the columns it was found to add up


@dataclass
class TableLayout:
    start: int                 # the table's grid rows are [start, stop)
    stop: int
    roles: list[str]           # per row in [start, stop): one of ROW_ROLES
    levels: list[int]          # per row: hierarchy depth of its label (0 top)
    parents: list[int | None]  # per row: grid row index of the section or parent row it sits under
    columns: list[ColumnLayout]  # every column of the grid, ignored ones included
    title: list[str]           # text of the title lines
    notes: list[str]           # text of the note lines
    sums: dict[int, list[int]] = field(default_factory=dict)  # total row -> rows it adds up
    kind: str = "table"        # "table" | "record-list" | "text"
    doubts: list[str] = field(default_factory=list)  # why the layout is uncertain

    def role(self, row: int) -> str:
        """Role of grid row `row` (which must lie in [start, stop))."""
        return self.roles[row - self.start]

    def rows_with(self, role: str) -> list[int]:
        """Grid row indexes of this table's rows with `role`."""
        return [self.start + i for i, r in enumerate(self.roles) if r == role]


def find_tables(grid: Any) -> list[TableLayout]:
    """The tables of a grid (a `foi.readers.Grid` or anything with `.rows` and `.merged`).

    Every row of the grid belongs to exactly one table; an empty grid has none.
    """
    from foi.figures._layout_blocks import build_tables

    rows: list[list[Any]] = grid.rows
    if not rows:
        return []
    merged = list(getattr(grid, "merged", None) or ())
    return build_tables(rows, merged, from_pdf=getattr(grid, "pages", None) is not None)
