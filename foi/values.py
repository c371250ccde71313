"""One spreadsheet/PDF cell -> a number, a marker standing in for a figure, a date, text or blank.

`parse_value` is called once per cell on files with hundreds of thousands of cells, so the common
cases (ints, floats, plain digit strings) return before any regex runs, and string cells are cached
because the same few strings ("0", "1", "*", "-") make up most of a table.

A figure a force withheld or could not give must never become a zero or a made-up number, so any
marker standing in for a figure is `kind="suppressed"`, `number=None`, with the marker exactly as
written in `suppressed` (stored figures show it). `meaning` says what the marker usually stands
for; a table's own symbol legend ("'..' = not available", "' - ' = Nil") overrides it through
`legend`:

- "withheld": held back to protect people or under an exemption: "*", "<5", "1-4", "[c]",
  "redacted", "s.40", "exempt", "(D)", "~" (the NHS/DfE small-number mark);
- "not-available": the figure exists in principle but was not given: "..", "[x]", "x", ":",
  "n/a", "NA", "(NA)", "not known";
- "not-applicable": there is no such figure: "[z]", "z"/"Z", "(X)";
- "rounds-to-zero": a figure too small to show: "(Z)" (US Census), "[low]", "0~";
- "nil": a dash. Home Office tables say "' - ' = Nil" and Durham writes "-" for zero, but many
  forces use it for "not available"; it stays a marker so nothing invents a 0 the table's legend
  does not state.

A number may carry a `note` (a footnote marker glued to it: "17~", "2*", '1"', "12 [note 3]",
"5 [r]") and a `unit` written in the cell ("12.5%" -> "%", "£1,234" -> "£", "£1.2m" ->
"£ millions"). Comma decimals ("35,8", "(35,8)", "1.234,5") are read when the form cannot be a
thousands separator; `parse_value(cell, decimal=",")` reads "1,234" as 1.234 for a column that
`decimal_separator` found to use commas.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from decimal import Decimal
from functools import lru_cache
from typing import Any

__all__ = ["Value", "parse_value", "excel_serial_to_date", "is_suppression_marker", "marker_meaning",
           "legend", "decimal_separator", "bracket_convention", "MEANINGS"]

MEANINGS = ("withheld", "not-available", "not-applicable", "rounds-to-zero", "nil")


@dataclass(frozen=True)
class Value:
    number: float | int | None  # None when suppressed or not a number
    suppressed: str | None  # the marker as written: "*", "<5", "redacted", "s.40" ...
    kind: str  # "number" | "suppressed" | "blank" | "text" | "date"
    date: date | None = None
    note: str | None = None  # footnote marker glued to a number: "17~" -> "~", "12 [note 3]" -> "3"
    unit: str | None = None  # unit written in the cell: "%", "£", "£ thousands", "£ millions"
    meaning: str | None = None  # for markers: one of MEANINGS


BLANK = Value(None, None, "blank")
TEXT = Value(None, None, "text")

# Whole-cell markers, compared lower-cased with inner whitespace collapsed, with what they mean.
_WITHHELD = "withheld"
_NA = "not-available"
_NAPP = "not-applicable"
_ZERO = "rounds-to-zero"
_MARKERS: dict[str, str] = {
    **dict.fromkeys(("-", "–", "—", "‒", "―", "−", "--", "---"), "nil"),
    **dict.fromkeys(("..", "...", "…", ". .", ":", "x", "n/a", "na", "n.a.", "n.a", "n / a", "n/av",
                     "not available", "[x]", "(na)", "n/k", "nk", "not known", "[na]"), _NA),
    **dict.fromkeys(("[z]", "z", "(x)", "n/app", "not applicable"), _NAPP),
    **dict.fromkeys(("[low]", "(z)", "0~", "~0"), _ZERO),
    **dict.fromkeys(("~", "#", "redacted", "[redacted]", "(redacted)", "<redacted>", "withheld",
                     "[withheld]", "(withheld)", "suppressed", "[suppressed]", "(suppressed)",
                     "exempt", "[exempt]", "(exempt)", "[c]", "(c)", "(d)", "[d]", "[u]", "*s40",
                     "* s40", "(s)"), _WITHHELD),
}
# Markers whose case carries the meaning: US Census "(Z)" rounds to zero, ONS "[z]" / "z" is not
# applicable; both lower-case to "(z)"/"z", so the exact spelling is looked up first.
_CASED: dict[str, str] = {"(Z)": _ZERO, "(z)": _NAPP, "Z": _NAPP, "z": _NAPP, "(X)": _NAPP}

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

# A number written as text. Thousands separators must group by three so "1,23" is not 123.
_NUMBER = re.compile(
    r"""
    (?P<open>\()?                        # accounting negative: (35)
    (?P<sign>[-+−])?
    \s*(?P<cur>[£$€])?\s*
    (?P<int>\d{1,3}(?:(?P<sep>[,\u2009\u202f ])\d{3})(?:(?P=sep)\d{3})*|\d+)?
    (?P<frac>\s?\.\d+)?                  # "11,062 .6": PDFs split a decimal point off
    (?P<scale>\s*(?:k|m|bn|million|billion|thousand)\b)?
    (?P<pct>\s*%)?
    (?P<close>\))?
    (?P<pct2>\s*%)?
    (?P<foot>\s*(?:[*~^†‡§¹²³⁴⁵⁶⁷⁸⁹⁰"]+|\[\s*(?:note\s*)?\d+\s*\]|\[\s*[rpeub]\s*\]|\(\s*[rpe]\s*\)))?
    """,
    re.VERBOSE | re.IGNORECASE,
)
# Comma decimals: "35,8", "(35,8)", "-0,5", "1.234,5", "1 234,5", "12,5%".
_COMMA_NUMBER = re.compile(
    r"""
    (?P<open>\()?
    (?P<sign>[-+−])?
    \s*(?P<cur>[£$€])?\s*
    (?P<int>\d{1,3}(?:(?P<sep>[.\u2009\u202f ])\d{3})+|\d+)
    ,(?P<frac>\d+)
    (?P<pct>\s*%)?
    (?P<close>\))?
    """,
    re.VERBOSE,
)

_PLAIN_THOUSANDS = re.compile(r"\d{1,3}(?:,\d{3})+")
_PLAIN_DECIMAL = re.compile(r"\d+\.\d+")
_WS = re.compile(r"\s+")
_SPACE_CHARS = str.maketrans({"\xa0": " ", "\u2007": " ", "\u202f": " ", "\u2009": " ", "\ufeff": ""})
_SUPERSCRIPTS = str.maketrans("¹²³⁴⁵⁶⁷⁸⁹⁰", "1234567890")

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


def parse_value(cell: Any, decimal: str = ".", brackets: str = "negative") -> Value:
    """Classify one cell. Never raises; unknown objects become text.

    `decimal=","` reads a column whose numbers use a decimal comma ("1,234" -> 1.234); see
    `decimal_separator`. The default reads commas as thousands separators except where the form
    cannot be one ("35,8", "1.234,5").
    `brackets="note"` reads a whole number in brackets ("(2)") as a footnote reference standing
    in for a figure (marker, meaning "not-available", note "2"), for a column `bracket_convention`
    found to use them so; the default reads it as an accounting negative.
    """
    if brackets == "note" and type(cell) is str and cell.strip().startswith("("):
        found = _bracket_note(cell)
        if found is not None:
            return found
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
            return TEXT
        return Value(cell, None, "number")
    if t is str:
        # Digit strings skip the cache: they are often all different (row ids, large counts).
        if cell.isdigit() and cell.isascii():
            return _count(int(cell))
        if decimal == ",":
            return _parse_str_comma(cell)
        return _parse_str(cell)
    if cell is None:
        return BLANK
    if isinstance(cell, bool):
        return TEXT
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
            return TEXT
        return Value(_int_if_integral(f), None, "number")
    if isinstance(cell, str):
        return parse_value(str(cell), decimal)
    # numpy scalars and the like: use their numeric value if they have one.
    for conv in (getattr(cell, "__index__", None), getattr(cell, "__float__", None)):
        if conv is not None:
            try:
                return parse_value(conv())
            except (TypeError, ValueError, OverflowError):
                break
    return _parse_str(str(cell))


def is_suppression_marker(text: str) -> bool:
    """True when `text` (a whole cell) is a marker standing in for a figure ("*", "<5", "..")."""
    s = _WS.sub(" ", text.translate(_SPACE_CHARS)).strip()
    return bool(s) and _marker_meaning(s) is not None


def marker_meaning(text: str) -> str | None:
    """What a whole-cell marker usually stands for (one of MEANINGS), None when not a marker."""
    s = _WS.sub(" ", text.translate(_SPACE_CHARS)).strip()
    return _marker_meaning(s) if s else None


def _marker_meaning(s: str) -> str | None:
    found = _CASED.get(s)
    if found is not None:
        return found
    low = s.lower()
    found = _MARKERS.get(low)
    if found is not None:
        return found
    if _STARS.fullmatch(s) or _LESS_THAN.fullmatch(s) or _SECTION_40.fullmatch(s):
        return _WITHHELD
    m = _RANGE.fullmatch(low)
    if m:
        lo, hi = int(m.group(1)), int(m.group(2))
        if lo < hi <= _RANGE_MAX:
            return _WITHHELD
    return None


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
    if s[0].isdigit() and s[-1].isdigit():
        # The common written numbers, before the general pattern: "1,234", "12.5".
        if _PLAIN_THOUSANDS.fullmatch(s):
            return _count(int(s.replace(",", "")))
        if _PLAIN_DECIMAL.fullmatch(s):
            return Value(_int_if_integral(float(s)), None, "number")
    s = _WS.sub(" ", s)
    meaning = _marker_meaning(s)
    if meaning is not None:
        return Value(None, s, "suppressed", meaning=meaning)
    found = _parse_number_text(s)
    if found is None:
        found = _parse_comma_decimal(s, strict=True)
    if found is not None:
        return found
    return TEXT


@lru_cache(maxsize=16384)
def _parse_str_comma(cell: str) -> Value:
    s = _WS.sub(" ", cell.translate(_SPACE_CHARS)).strip()
    if not s:
        return BLANK
    meaning = _marker_meaning(s)
    if meaning is not None:
        return Value(None, s, "suppressed", meaning=meaning)
    found = _parse_comma_decimal(s, strict=False)
    if found is None and "," not in s:
        found = _parse_number_text(s.replace(".", "") if re.fullmatch(r"\d{1,3}(?:\.\d{3})+", s) else s)
    return found if found is not None else TEXT


_SCALES = {"k": 1_000, "thousand": 1_000, "m": 1_000_000, "million": 1_000_000,
           "bn": 1_000_000_000, "billion": 1_000_000_000}
_SCALE_UNITS = {1_000: "thousands", 1_000_000: "millions", 1_000_000_000: "billions"}


def _make(number: float | int, unit: str | None, note: str | None) -> Value:
    if unit is None and note is None and type(number) is int:
        return _count(number)
    return Value(number, None, "number", note=note, unit=unit)


def _note_text(foot: str | None) -> str | None:
    if not foot:
        return None
    f = foot.strip().translate(_SUPERSCRIPTS)
    if f.startswith(("[", "(")):
        inner = f[1:-1].strip()
        inner = re.sub(r"(?i)^note\s*", "", inner)
        return inner.lower() if inner.isalpha() else inner
    return f


def _unit_of(cur: str | None, scale: str | None, pct: bool) -> tuple[str | None, int]:
    factor = _SCALES[scale.strip().lower()] if scale else 1
    if pct:
        return "%", 1
    if cur:
        symbol = cur
        if factor == 1:
            return symbol, 1
        return f"{symbol} {_SCALE_UNITS[factor]}", 1
    return None, factor


def _parse_number_text(s: str) -> Value | None:
    m = _NUMBER.fullmatch(s)
    if m is None:
        return None
    int_part, frac = m.group("int"), m.group("frac")
    if int_part is None and frac is None:
        return None
    if bool(m.group("open")) != bool(m.group("close")):
        return None
    if m.group("open") and m.group("sign"):
        return None  # "(-35)" is not a convention anyone uses; leave it for a human
    if m.group("sign") and s[m.end("sign"):m.end("sign") + 1].isspace():
        return None  # "- 83": a dash and a space open a list item; a minus sign sits on its number
    pct = bool(m.group("pct") or m.group("pct2"))
    if m.group("pct") and m.group("pct2"):
        return None
    scale = m.group("scale")
    if scale and not m.group("cur"):
        return None  # "12m" could be metres or months; only money gets a scale
    sep = m.group("sep")
    digits = (int_part or "0").replace(sep, "") if sep else (int_part or "0")
    if frac and frac.startswith(" ") and not (sep or len(digits) <= 3):
        return None
    value: float | int
    if frac:
        value = _int_if_integral(float(digits + frac.strip()))
    else:
        value = int(digits)
    unit, factor = _unit_of(m.group("cur"), scale, pct)
    if factor != 1:
        return None
    negative = bool(m.group("open")) or m.group("sign") in ("-", "−")
    return _make(-value if negative else value, unit, _note_text(m.group("foot")))


def _parse_comma_decimal(s: str, strict: bool) -> Value | None:
    """'35,8' -> 35.8. With `strict`, only forms that cannot be a thousands group ('1,234' is)."""
    m = _COMMA_NUMBER.fullmatch(s)
    if m is None:
        return None
    if bool(m.group("open")) != bool(m.group("close")) or (m.group("open") and m.group("sign")):
        return None
    int_part, frac, sep = m.group("int"), m.group("frac"), m.group("sep")
    if strict and len(frac) == 3 and not sep:
        return None  # "1,234" is a thousand and more, not 1.234
    digits = int_part.replace(sep, "") if sep else int_part
    value = _int_if_integral(float(f"{digits}.{frac}"))
    negative = bool(m.group("open")) or m.group("sign") in ("-", "−")
    unit = "%" if m.group("pct") else m.group("cur")
    return _make(-value if negative else value, unit, None)


def decimal_separator(cells: Iterable[Any]) -> str:
    """"," when a column's numbers are written with decimal commas ("35,8", "1.234,5"), else ".".

    Only text cells vote: a cell that can only be a comma decimal votes ",", one that can only be
    a point decimal or thousands-grouped ("12.5", "1,234,567") votes ".". Ties keep ".".
    """
    comma = point = 0
    for cell in cells:
        if not isinstance(cell, str) or "," not in cell and "." not in cell:
            continue
        s = _WS.sub(" ", cell.translate(_SPACE_CHARS)).strip()
        if _parse_comma_decimal(s, strict=True) is not None:
            comma += 1
        elif _NUMBER.fullmatch(s) and ("." in s or s.count(",") > 1):
            point += 1
    return "," if comma > point else "."


_BRACKETED = re.compile(r"\(\s*(\d+(?:[.,]\d+)?)\s*\)")
_MINUS = re.compile(r"^\s*[-−]\s*\d")


def _bracket_note(cell: str) -> Value | None:
    s = cell.strip()
    m = _BRACKETED.fullmatch(s)
    if m is None or not m.group(1).isdigit():
        return None
    return Value(None, s, "suppressed", note=m.group(1), meaning=_NA)


def bracket_convention(cells: Iterable[Any]) -> str:
    """"note" when whole numbers in brackets in a column are footnote references standing in for
    figures ("(2)" in a column of counts, as Hansard tables write them), else "negative".

    Brackets are notes only when every bracketed number is a whole number up to 20 and nothing
    else in the column is negative or fractional: accounting tables show losses in brackets
    beside other signed or decimal figures.
    """
    bracketed = 0
    for cell in cells:
        if isinstance(cell, bool):
            continue
        if isinstance(cell, (int, float)):
            if cell < 0 or isinstance(cell, float) and not cell.is_integer():
                return "negative"
            continue
        if not isinstance(cell, str):
            continue
        s = cell.strip()
        m = _BRACKETED.fullmatch(s)
        if m is not None:
            if not m.group(1).isdigit() or int(m.group(1)) > 20:
                return "negative"
            bracketed += 1
            continue
        if _MINUS.match(s) or "%" in s:
            return "negative"
        v = _parse_str(cell)
        if v.kind == "number" and (v.number is not None and (v.number < 0 or not float(v.number).is_integer())):
            return "negative"
    return "note" if bracketed else "negative"


_LEGEND = re.compile(
    r"""^\s*(?:['"‘’“”]\s*)?(?P<marker>[^'"‘’“”=:]{1,8}?)(?:\s*['"‘’“”])?\s*
    (?:=|:|-|–|denotes|means|indicates|represents|is|(?<=[)\]'"’”])\s)\s*(?P<what>.{3,})$""",
    re.VERBOSE | re.IGNORECASE,
)
_LEGEND_WORDS = (
    ("rounds to zero", _ZERO), ("round to zero", _ZERO), ("less than 0.5", _ZERO),
    ("less than half", _ZERO), ("negligible", _ZERO),
    ("not applicable", _NAPP), ("not relevant", _NAPP), ("no data expected", _NAPP),
    ("not available", _NA), ("unavailable", _NA), ("not collected", _NA), ("not known", _NA),
    ("not provided", _NA), ("missing", _NA), ("no data", _NA),
    ("nil", "nil"), ("zero", "nil"), ("none", "nil"),
    ("suppress", _WITHHELD), ("disclos", _WITHHELD), ("confidential", _WITHHELD),
    ("withheld", _WITHHELD), ("redact", _WITHHELD), ("small", _WITHHELD), ("fewer than", _WITHHELD),
    ("less than", _WITHHELD), ("exempt", _WITHHELD), ("protect", _WITHHELD),
)


def legend(texts: Iterable[str]) -> dict[str, str]:
    """A table's symbol legend (note lines such as "' .. ' = Data not available", "NA = not
    available", "(Z) rounds to zero") -> {marker as written: meaning}. Lines that are not a legend
    entry, and markers that are not markers (a legend line about a letter used as a label), are
    skipped."""
    found: dict[str, str] = {}
    for text in texts:
        if not isinstance(text, str) or len(text) > 200:
            continue
        s = _WS.sub(" ", text.translate(_SPACE_CHARS)).strip()
        m = _LEGEND.match(s)
        if m is None:
            continue
        marker = m.group("marker").strip()
        if not marker or _marker_meaning(marker) is None:
            continue
        what = m.group("what").lower()
        for word, meaning in _LEGEND_WORDS:
            if word in what:
                found[marker] = meaning
                break
    return found


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
