"""Cell kinds for the layout stage: what a cell looks like, never what it means.

Layout needs only the shape of a cell: blank, a number, a year, a withheld/not-available
marker, a footnote marker, a date or text. Strings are classified once and cached, because a
table repeats the same few strings ("0", "-", "(NA)") thousands of times. Values proper
(footnotes glued to numbers, units, comma decimals) are `foi.values`' business.
"""

from __future__ import annotations

import math
import re
from datetime import date, datetime, time
from typing import Any

# Kinds, small ints so a row's kinds are a cheap tuple.
BLANK, NUM, YEAR, MARK, FOOT, TEXT, DATE = 0, 1, 2, 3, 4, 5, 6
NUMERIC = frozenset({NUM, YEAR, MARK})   # what a value column holds
WORDY = frozenset({TEXT, DATE})

_YEAR_LO, _YEAR_HI = 1800, 2100

# "12", "-3.5", "1,234", "1 234", "12.5%", "£1,000", "17~", "2*", "1,234r", "3^", "0.5 p"
_NUMBER = re.compile(
    r"^[+\-\u2212]?[£$€]?\s?(?:\d{1,3}(?:[,\u00a0\u202f ]\d{3})+|\d+)(?:[.,]\d+)?\s?%?"
    r"(?:\s?(?:[~*^†‡#]{1,3}|[rpe]|\[[a-z0-9]{1,3}\]|\([a-z0-9]{1,2}\)))?$",
    re.I,
)
_DECIMAL_COMMA = re.compile(r"^[+\-]?\d+,\d{1,2}$")
# Continental style, thousands with dots and a decimal comma: "1.393,4", "15.178,1".
# ("239.857" alone is a decimal: only a decimal comma or two dot groups make it continental.)
_CONTINENTAL = re.compile(
    r"^[+\-\u2212]?\d{1,3}(?:\.\d{3})+,\d+$|^[+\-\u2212]?\d{1,3}(?:\.\d{3}){2,}$|^[+\-\u2212]?\d+,\d{1,2}$")
# A negative written in brackets, "(35,8)", "(1,234)"; but "(1,000)" or "(000)" over a column
# is a unit, not a figure.
_BRACKETED = re.compile(r"^\((\d[\d,.\s]*)\)$")
_UNIT_IN_BRACKETS = re.compile(r"^(?:1(?:[,.]?000)+|0+|10+)$")
# A year written as a column or row heading ("2019", "FY2019", "2019.0" as a spreadsheet float
# exported to CSV); ranges such as "2019/20" and months such as "2023-01" are labels (text).
_YEARISH = re.compile(r"^(?:(?:FY|CY)\s?)?(1[89]\d\d|20\d\d)(?:\.0+)?$")
# Not-available / withheld / rounds-to-zero markers used in statistical tables.
_MARKERS = frozenset({
    "-", "\u2013", "\u2014", "\u2012", "\u2015", "\u2212", "--", "---", "..", "...", "\u2026", ". .",
    "x", ":", "~", "#", "*", "**", "***", "z", "na", "n/a", "n.a.", "n.a", "nil", "none", "n/k", "nk",
    "(na)", "(x)", "(z)", "(d)", "(s)", "(b)", "(nc)", "n/av",
    "[c]", "[x]", "[z]", "[u]", "[low]", "[w]", "not available", "redacted", "withheld",
    "suppressed", "exempt", "[redacted]", "[withheld]", "[suppressed]", "(redacted)", "*s40",
    "s40", "s.40", "<5", "< 5", "<3", "< 3", "<10", "< 10", "\u22645", "0*", "-*",
})
_LESS_THAN = re.compile(r"^(?:<\s*=?|\u2264|=<)\s*\d+$")
# Cells that only point at a footnote: "\1", "1/", "(1)", "[note 3]", "a/", "†".
_FOOTNOTE = re.compile(
    r"^(?:\\\d{1,2}(?:\s?,\s?\\?\d{1,2})*|\d{1,2}/|\(\d{1,2}\)|\[(?:note\s?)?\d{1,2}\]|[a-z]/|[\u2020\u2021\u00a7]+"
    r"|\[[a-z]\]|\(\w\)|[\u00b9\u00b2\u00b3\u2070-\u2079]+)$",
    re.I,
)

_cache: dict[str, int] = {}


def kind(cell: Any) -> int:
    """The kind of one cell (see the constants above)."""
    if cell is None:
        return BLANK
    t = type(cell)
    if t is int:
        return YEAR if _YEAR_LO <= cell <= _YEAR_HI else NUM
    if t is float:
        if math.isnan(cell):
            return BLANK
        if cell.is_integer() and _YEAR_LO <= cell <= _YEAR_HI:
            return YEAR
        return NUM
    if t is str:
        k = _cache.get(cell)
        if k is None:
            k = _kind_str(cell)
            if len(_cache) < 200_000:
                _cache[cell] = k
        return k
    if t is bool:
        return TEXT
    if isinstance(cell, datetime | date | time):
        return DATE
    if isinstance(cell, int | float):
        return kind(float(cell))
    return kind(str(cell))


def _kind_str(cell: str) -> int:
    s = cell.strip().replace("\u00a0", " ").strip()
    if not s:
        return BLANK
    low = s.lower()
    if low in _MARKERS or _LESS_THAN.match(s):
        return MARK
    if _YEARISH.match(s):
        return YEAR
    if _NUMBER.match(s) or _DECIMAL_COMMA.match(s) or _CONTINENTAL.match(s):
        return NUM
    m = _BRACKETED.match(s)
    if m and not _UNIT_IN_BRACKETS.match(m.group(1).strip()) and (
            _NUMBER.match(m.group(1)) or _CONTINENTAL.match(m.group(1))):
        return NUM
    if _FOOTNOTE.match(s):
        return FOOT
    if len(s) == 1 and s.isalpha():
        # A lone letter beside figures is a marker ("p" provisional, "r" revised, "Z").
        return FOOT
    return TEXT


def text_of(cell: Any) -> str:
    """A cell as one line of text, inner whitespace collapsed; 2019.0 -> "2019"."""
    if cell is None:
        return ""
    if isinstance(cell, str):
        return " ".join(cell.split())
    if isinstance(cell, float):
        if math.isnan(cell):
            return ""
        if cell.is_integer():
            return str(int(cell))
        return repr(cell)
    if isinstance(cell, datetime):
        return cell.date().isoformat() if cell.time() == time() else cell.isoformat()
    if isinstance(cell, date):
        return cell.isoformat()
    return " ".join(str(cell).split())


def number(cell: Any) -> float | None:
    """A numeric cell's value for arithmetic checks; None when it is not a plain number."""
    t = type(cell)
    if t is int or t is float:
        return None if t is float and math.isnan(cell) else float(cell)
    if t is not str:
        return None
    s = cell.strip().replace("\u00a0", "").replace("\u202f", "").replace("\u2212", "-")
    if not s:
        return None
    negative = s.startswith("(") and s.endswith(")")
    if negative:
        s = s[1:-1]
    if _CONTINENTAL.match(s):
        s = s.replace(".", "").replace(",", ".")
    s = s.lstrip("£$€").rstrip("%~*^†‡# ").replace(",", "").replace(" ", "")
    if s[-1:].isalpha() and s[:-1].replace(".", "").replace("-", "").isdigit():
        s = s[:-1]
    try:
        return -float(s) if negative else float(s)
    except ValueError:
        return None


def decimals(cell: Any) -> int:
    """Decimal places a number is written with (float noise capped), for rounding tolerance."""
    if type(cell) is str:
        s = cell.strip().rstrip("%~*^ ")
        if "." in s:
            # "4879.0" is a spreadsheet float written out, not a figure given to one decimal.
            s = s.rstrip("0")
            return min(len(s) - s.rindex(".") - 1, 6)
        return 0
    if type(cell) is float and not cell.is_integer():
        r = repr(cell)
        if "e" in r:
            return 6
        return min(len(r) - r.index(".") - 1, 3)
    return 0


_INDENT = re.compile(r"^[\s\u00a0\u2002\u2003\u2007]+")


def indent_of(cell: Any) -> int:
    """Leading spaces (incl. no-break spaces) a label is written with; 0 for non-strings."""
    if type(cell) is not str:
        return 0
    m = _INDENT.match(cell)
    return len(m.group(0)) if m else 0
