"""One spreadsheet/PDF cell -> a number, a suppression marker, a date, text or blank.

`parse_value` is called once per cell on files with hundreds of thousands of cells, so the common
cases (ints, floats, plain digit strings) return before any regex runs, and string cells are cached
because the same few strings ("0", "1", "*", "-") make up most of a table.

What counts as suppression is deliberately broad: a figure a force withheld must never become a
zero or a made-up number, so anything that looks like a withholding marker is kept as
`kind="suppressed"` with the marker exactly as written, and `number=None`.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from decimal import Decimal
from functools import lru_cache
from typing import Any

__all__ = ["Value", "parse_value", "excel_serial_to_date", "is_suppression_marker"]


@dataclass(frozen=True)
class Value:
    number: float | int | None  # None when suppressed or not a number
    suppressed: str | None  # the marker as written: "*", "<5", "redacted", "s.40" ...
    kind: str  # "number" | "suppressed" | "blank" | "text" | "date"
    date: date | None = None


BLANK = Value(None, None, "blank")

# Whole-cell markers, compared lower-cased with inner whitespace collapsed.
# "-" and the dashes: most forces use them for "not available / withheld", but some (Durham, for
# one) use "-" for zero. We cannot tell which from the cell, so we keep it as a marker and never
# invent a 0; the tables module or the user can declare "-" as zero for a given force.
_MARKERS = frozenset(
    {
        "-", "–", "—", "‒", "―", "−", "--", "---",
        "..", "...", "…", ". .",
        "x", ":", "~", "#",
        "n/a", "na", "n.a.", "n.a", "n / a", "n/av", "not available",
        "redacted", "[redacted]", "(redacted)", "<redacted>",
        "withheld", "[withheld]", "(withheld)",
        "suppressed", "[suppressed]", "(suppressed)",
        "exempt", "[exempt]", "(exempt)",
        "[c]", "[x]", "[z]", "[u]",  # ONS conventions: confidential / not available / n/a / unreliable
        "*s40", "* s40",
    }
)

# "*", "**", "***" alone.
_STARS = re.compile(r"\*+")
# "<5", "< 5", "<=5", "≤5", "< 10" -- a threshold, never the number itself.
_LESS_THAN = re.compile(r"(?:<\s*=?|≤|=<)\s*\d+(?:\.\d+)?")
# FOI s.40 (personal information) written as the reason in place of a figure:
# "s.40", "s40", "S40(2)", "section 40", "sec 40(2)", "*s40", "s.40(2)(a)".
_SECTION_40 = re.compile(
    r"\*?\s*(?:s|sec|sect|section)\s*\.?\s*40(?:\s*\(\s*\d+\s*\))?(?:\s*\(\s*[a-z]\s*\))?\s*\*?",
    re.IGNORECASE,
)
# Ranges such as "1-4", "0-5", "1 to 4": forces band small counts instead of giving them.
_RANGE = re.compile(r"(\d{1,2})\s*(?:-|–|—|to)\s*(\d{1,2})", re.IGNORECASE)
# Largest upper bound we read as a suppression band; "5-10" is one, "10-12" would be odd.
_RANGE_MAX = 20

# A number written as text. Thousands separators must group by three so "1,23" stays text.
_NUMBER = re.compile(
    r"""
    (?P<open>\()?                        # accounting negative: (35)
    (?P<sign>[-+−])?
    \s*[£$€]?\s*
    (?P<int>\d{1,3}(?:(?P<sep>[,\u2009\u202f ])\d{3})(?:(?P=sep)\d{3})*|\d+)?
    (?P<frac>\.\d+)?
    (?P<close>\))?
    (?P<foot>\s*(?:[*~^†‡¹²³"]+|\[\s*(?:note\s*)?\d+\s*\]))?   # footnote glued on: 17~, 2*, 3^, 1"
    """,
    re.VERBOSE,
)

_WS = re.compile(r"\s+")
_SPACE_CHARS = str.maketrans({"\xa0": " ", "\u2007": " ", "\u202f": " ", "\u2009": " ", "\ufeff": ""})

# Excel's 1900 date system: serial 1 is 1900-01-01 and serial 60 is the 29 February 1900 that
# never existed (kept for Lotus 1-2-3 compatibility), so serials from 61 count from 1899-12-30.
_EXCEL_EPOCH = date(1899, 12, 30)


def _int_if_integral(x: float) -> float | int:
    # Counts come out of spreadsheets as 12.0; keep them ints so they print and compare as counts.
    return int(x) if x.is_integer() else x


# Counts are mostly small and repeat endlessly; building a frozen dataclass costs more than the
# rest of parse_value, so Values for small whole numbers are made once and shared (they are
# immutable). Filled lazily, bounded by _SMALL.
_SMALL = 10_000
_SMALL_INTS: dict[int, Value] = {}


def _count(n: int) -> Value:
    v = _SMALL_INTS.get(n)
    if v is None:
        v = Value(n, None, "number")
        if 0 <= n < _SMALL:
            _SMALL_INTS[n] = v
    return v


def parse_value(cell: Any) -> Value:
    """Classify one cell. Never raises; unknown objects become text."""
    # Exact type checks first: bool is an int subclass and must not become 1/0.
    t = type(cell)
    if t is int:
        return _count(cell)
    if t is float:
        if cell.is_integer():
            return _count(int(cell))
        if math.isnan(cell):
            # pandas / calamine give NaN for an empty cell.
            return BLANK
        if math.isinf(cell):
            return Value(None, None, "text")
        return Value(cell, None, "number")
    if t is str:
        # Digit strings skip the cache: they are often all different (row ids, large counts).
        if cell.isdigit() and cell.isascii():
            return _count(int(cell))
        return _parse_str(cell)
    if cell is None:
        return BLANK
    if isinstance(cell, bool):
        return Value(None, None, "text")
    if isinstance(cell, datetime):
        return Value(None, None, "date", cell.date())
    if isinstance(cell, date):
        return Value(None, None, "date", cell)
    if isinstance(cell, int):  # int subclasses, numpy ints via __index__ are below
        return Value(int(cell), None, "number")
    if isinstance(cell, (float, Decimal)):
        f = float(cell)
        if math.isnan(f):
            return BLANK
        if math.isinf(f):
            return Value(None, None, "text")
        return Value(_int_if_integral(f), None, "number")
    if isinstance(cell, str):
        return _parse_str(str(cell))
    # numpy scalars and the like: use their numeric value if they have one.
    for conv in (getattr(cell, "__index__", None), getattr(cell, "__float__", None)):
        if conv is not None:
            try:
                return parse_value(conv())
            except (TypeError, ValueError, OverflowError):
                break
    return _parse_str(str(cell))


def is_suppression_marker(text: str) -> bool:
    """True when `text` (a whole cell) is a withholding marker such as "*", "<5" or "s.40"."""
    s = _WS.sub(" ", text.translate(_SPACE_CHARS)).strip()
    return bool(s) and _is_marker(s)


def _is_marker(s: str) -> bool:
    low = s.lower()
    if low in _MARKERS:
        return True
    if _STARS.fullmatch(s) or _LESS_THAN.fullmatch(s) or _SECTION_40.fullmatch(s):
        return True
    m = _RANGE.fullmatch(low)
    if m:
        lo, hi = int(m.group(1)), int(m.group(2))
        return lo < hi <= _RANGE_MAX
    return False


@lru_cache(maxsize=65536)
def _parse_str(cell: str) -> Value:
    # Fast path: the overwhelmingly common "123".
    if cell.isdigit() and cell.isascii():
        return _count(int(cell))
    s = cell.translate(_SPACE_CHARS).strip()
    if not s:
        return BLANK
    if s.isdigit() and s.isascii():
        return _count(int(s))
    s = _WS.sub(" ", s)
    if _is_marker(s):
        return Value(None, s, "suppressed")
    number = _parse_number_text(s)
    if number is not None:
        return Value(number, None, "number")
    return Value(None, None, "text")


def _parse_number_text(s: str) -> float | int | None:
    m = _NUMBER.fullmatch(s)
    if m is None:
        return None
    int_part, frac = m.group("int"), m.group("frac")
    if int_part is None and frac is None:
        return None
    if bool(m.group("open")) != bool(m.group("close")):
        return None
    sep = m.group("sep")
    digits = (int_part or "0").replace(sep, "") if sep else (int_part or "0")
    negative = bool(m.group("open")) or m.group("sign") in ("-", "−")
    if m.group("open") and m.group("sign"):
        return None  # "(-35)" is not a convention anyone uses; leave it for a human
    value: float | int
    if frac:
        value = _int_if_integral(float(digits + frac))
    else:
        value = int(digits)
    return -value if negative else value


def excel_serial_to_date(n: float) -> date:
    """An Excel 1900-system serial (as stored in .xls/.xlsx date cells) -> date.

    Only for columns already known to hold dates: a bare number is far more often a count.
    The time of day (fraction) is dropped. Raises ValueError for 0, negatives and serial 60
    (the non-existent 1900-02-29).
    """
    if isinstance(n, bool) or not math.isfinite(n):
        raise ValueError(f"not an Excel date serial: {n!r}")
    whole = math.floor(n)
    if whole < 1:
        raise ValueError(f"not an Excel date serial: {n!r}")
    if whole == 60:
        raise ValueError("Excel serial 60 is 1900-02-29, a date that does not exist")
    if whole < 60:
        return date(1899, 12, 31) + timedelta(days=whole)
    return _EXCEL_EPOCH + timedelta(days=whole)
