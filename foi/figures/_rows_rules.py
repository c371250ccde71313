"""Small rules of the rows stage, one place each: which labels are totals, Excel serial dates, counts
in a header row, label numbers joined per row; and what a label comes from (`Source`)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from foi.figures._observed import Label
from foi.figures.coding import KNOWN, code

KNOWN_KINDS = frozenset(KNOWN)
# Dimensions whose values coding can tell from other text (a code, dates, a known name).
CODED = frozenset(("period", "body", "offence", "outcome", "sex", "age_group", "ethnicity"))
# Below this confidence a recognised dimension is used but the file is flagged for review.
SURE = 0.8
# A dimension is recognised at all from this confidence.
LIKELY = 0.5
# Labels read from a column to recognise what it holds.
SAMPLE_LABELS = 300


def a_count(text: str) -> bool:
    """A header text that reads as a plain count (18004, "1,204"), not a year or a code."""
    from foi.values import parse_value

    value = parse_value(text)
    number = value.number
    return value.kind == "number" and number is not None and not (1900 <= number <= 2100 and number == int(number))


def codes_as(dimension: str, text: str) -> bool:
    coded = code(dimension, text)
    return bool(coded.code or coded.start or coded.aggregate)


def joined(columns: list[list[int | None]], n: int) -> list[str]:
    """Per row, "[" and its label numbers from `columns` joined by commas ("[3,17", or "[" for none);
    built in C when no row lacks a label, else a row at a time."""
    if len(columns) == 1:  # one column of other labels (a code beside its offence): a lookup per row
        memo = {x: f"[{x}" for x in set(columns[0]) if x is not None}
        memo[None] = "["  # type: ignore[index]
        return list(map(memo.__getitem__, columns[0]))
    texts = []
    for numbers in columns:
        memo = {x: str(x) for x in set(numbers) if x is not None}
        memo[None] = ""  # type: ignore[index]
        texts.append(list(map(memo.__getitem__, numbers)))
    if all("" not in column for column in texts):
        return list(map("[".__add__, map(",".join, zip(*texts, strict=True))))
    return ["[" + ",".join(t for t in row if t) for row in zip(*texts, strict=True)]


def is_serial(x: Any) -> bool:
    """An Excel date serial number (1927 to 2119)."""
    return 10000 <= x <= 80000


def serial_date(x: Any) -> Any:
    if type(x) in (int, float) and is_serial(x):
        from foi.values import excel_serial_to_date

        return excel_serial_to_date(x).isoformat()
    return x


CORNER = re.compile(r"\s*[/\\]\s*|\s+by\s+", re.I)
BARE_TOTAL = re.compile(r"^(grand|overall|sub)?[\s-]*totals?\s*:?$|^all$", re.I)


def sums_others(label: Label) -> bool:
    """An aggregate label ("Total", "All ages", "England and Wales") marks its figures as totals; but a
    word alone never makes a total: "Total number of cameras deployed" is one only if it adds up."""
    if not label.aggregate:
        return False
    return not label.text.lower().startswith("total") or bool(BARE_TOTAL.match(label.text))


def fill_down(above: str, here: str) -> str:
    return here or above


def column_letter(grid: Any, c: int) -> str:
    from foi.readers import col_letter

    return col_letter(grid.col_numbers[c] if grid.col_numbers else c + 1)


@dataclass
class Source:
    """Something that gives figures a label: a label column, a header level, sections, context."""

    where: str                    # row | column | section | parent | title | sheet
    header: str                   # its header name
    kind: str                     # the known dimension it is coded as, or its own name
    name: str                     # the dimension name shown
    confidence: float = 1.0
    evidence: str = ""
    rank: int = 0                 # who keeps a dimension name two sources claim: highest
