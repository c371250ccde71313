"""Period labels ("2014/15", "Q1 2015", "Apr 2014 to Mar 2015", a date cell ...) -> start/end dates.

UK conventions throughout: dates are day-first and a "year" written with two years ("2014/15",
"2014-15", "2014/2015", "2014 to 2015") is the financial year 1 April - 31 March, which is how
police forces and the Home Office publish. A single four-digit year is a calendar year.

Decisions worth knowing:
- A date (a `date` object or a full date written as text) that falls on the 1st of a month stands
  for that whole month: spreadsheets store a column headed "Apr-14" as 2014-04-01. Any other date
  is that single day. Inside a range ("01/04/2014 to 31/03/2015") dates are always exact days.
- "2011-12" and "2000-01" read as financial years, not ISO months: in FOI replies a year-pair is
  far more common than an ISO month, and the two only collide when the month equals the next year.
- Two-digit pairs need a slash or a "FY" prefix ("14/15", "FY14-15"): a bare "16-17" is as likely
  an age band as a year.
- Excel serial numbers are never periods (only ints 1900..2100 are, as calendar years): tables
  answering Parliament go back to the 1980s ("England and Wales 1989").
- Anything else returns None: a missed period is visible, a wrong one is not.
"""

from __future__ import annotations

import calendar
import math
import re
from dataclasses import dataclass
from datetime import date, datetime
from functools import lru_cache
from typing import Any

__all__ = ["Period", "parse_period", "is_period_label", "sub_year", "within_year"]


@dataclass(frozen=True)
class Period:
    start: date
    end: date
    label: str  # the original text


# Bare years (ints from spreadsheets, "2014") must look like years, not counts.
_BARE_YEAR_MIN, _BARE_YEAR_MAX = 1900, 2100
# Years inside a structured label ("01/04/1985", "FY 1985/86") can go further back.
_YEAR_MIN, _YEAR_MAX = 1900, 2100

_MONTHS: dict[str, int] = {}
for _i, _name in enumerate(calendar.month_name):
    if _name:
        _MONTHS[_name.lower()] = _i
        _MONTHS[_name[:3].lower()] = _i
_MONTHS["sept"] = 9
_MON = r"(?P<{}>" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"


def _mon(name: str) -> str:
    return _MON.format(name)


_Y = r"(?P<{}>\d{{4}}|\d{{2}})"


def _y(name: str) -> str:
    return _Y.format(name)


_SPACES = str.maketrans({"\xa0": " ", "\u2007": " ", "\u202f": " ", "\u2009": " ", "\ufeff": "",
                         "–": "-", "—": "-", "‒": "-", "―": "-", "−": "-", "‐": "-", "‑": "-",
                         "’": "'", "‘": "'"})
_WS = re.compile(r"\s+")
# Footnote and status markers that do not change the period: "2023/24*", "2023/24 (p)".
_TRAILER = re.compile(r"\s*(?:\*+|[¹²³†‡]+|\((?:p|r|e|provisional|revised|final|estimated?)\)"
                      r"|\[(?:p|r|e|provisional|revised)\]|provisional|revised)$")
# A unit written after the period: "2018/19 (£)", "2019 (%)", "2020/21 (£000s)", "2019 (FTE)".
_UNIT_TRAILER = re.compile(r"\s*\((?:£[^()]{0,12}|%|per ?cent|numbers?|count|fte|headcount|thousands?"
                           r"|millions?|rates?(?: per [\d,]+)?)\)$")
# Words that only introduce the period: "During 2023", "In 2019/20", "As at 31 March 2019".
_LEAD = re.compile(r"^(?:during|in|for|as at|as of|at|period|data for|figures for|the)\s*:?\s+(?=\S*\d|\w)")
# "Year ending (YE) Mar 21": an abbreviation repeated in brackets.
_ABBREV = re.compile(r"\s*\((?:ye|fye|fy|cy|ytd)\)")

_FY_PREFIX = r"(?:fy|f/y|fin(?:ancial)?\.?\s*(?:year|yr)|year|yr)"
_FY_BODY = (
    r"(?P<pre>" + _FY_PREFIX + r"\s*:?\s*)?"
    r"(?P<y1>\d{4}|\d{2})\s*(?P<sep>/|-|_|\\|to)\s*(?P<y2>\d{4}|\d{2})"
    r"(?P<post>\s*(?:fy|financial\s+year))?"
)
_FY = re.compile(_FY_BODY)
_CAL_YEAR = re.compile(r"(?:(?:cy|calendar\s+year|year|yr)\s*:?\s*)?(?P<y>\d{4})(?:\s*calendar\s+year)?")

_MONTH_FORMS = [
    re.compile(_mon("m") + r"[\s\-/.,']*" + _y("y")),  # Jan-14, January 2014, Jan'14
    re.compile(r"(?P<y>\d{4})[\s\-]+" + _mon("m")),  # 2014 January
    re.compile(r"(?P<y>\d{4})\s*[-/.m]\s*(?P<mn>\d{1,2})"),  # 2014-01, 2014m01
    re.compile(r"(?P<mn>\d{1,2})\s*[-/.]\s*(?P<y>\d{4})"),  # 01/2014
]

_DATE_FORMS = [
    re.compile(r"(?P<d>\d{1,2})\s*[/.\-]\s*(?P<mn>\d{1,2})\s*[/.\-]\s*" + _y("y")),  # 01/04/2014
    re.compile(
        r"(?P<y>\d{4})-(?P<mn>\d{1,2})-(?P<d>\d{1,2})(?:[ t]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?"
    ),  # ISO, with the time a CSV export of a date cell carries
    re.compile(r"(?P<d>\d{1,2})(?:st|nd|rd|th)?[\s\-/.]*" + _mon("m") + r"[\s,\-/.]*" + _y("y")),
    re.compile(_mon("m") + r"\s+(?P<d>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<y>\d{4})"),  # April 1, 2014
]

_QUARTER_CAL = [
    re.compile(r"(?:q|qtr|quarter)\s*(?P<q>[1-4])\s*(?:of\s+)?[\s\-/,]*(?P<y>\d{4})"),
    re.compile(r"(?P<y>\d{4})\s*[\s\-/,]*(?:q|qtr|quarter)\s*(?P<q>[1-4])"),
]
_FY_INNER = r"(?:(?:fy|financial\s+year)\s*)?(?P<y1>\d{4}|\d{2})\s*[/-]\s*(?P<y2>\d{4}|\d{2})"
_QUARTER_FY = [
    re.compile(r"(?:q|qtr|quarter)\s*(?P<q>[1-4])\s*(?:of\s+)?[\s\-/,]*" + _FY_INNER),
    re.compile(_FY_INNER + r"\s*[\s\-/,]*(?:q|qtr|quarter)\s*(?P<q>[1-4])"),
]

# "Year ending March 2019", "12 months to March 2019", "FYE 2019", "YE 31/03/2019".
_ENDING = re.compile(
    r"(?P<what>(?P<fin>fin(?:ancial)?\.?\s*)?(?:year|yr)|fye|ye|y/e|(?P<n>\d{1,2}|twelve)\s*months?)"
    r"\s*(?:ending|ended|end|to|until|up\s+to)?\s*:?\s*(?P<rest>.+)"
)

# "Jan-Mar 2015", "April to June 2015": one year for two months.
_MONTH_SPAN = re.compile(_mon("m1") + r"\s*(?:-|to|until)\s*" + _mon("m2") + r"[\s\-/.,']*" + _y("y"))

_RANGE_SPACED = re.compile(r"\s+(?:to|until|till|through|thru|and|-)\s+|\s+-|-\s+")
_RANGE_PREFIX = re.compile(r"^(?:from|between|period|for)\s+")


def _year(text: str) -> int:
    n = int(text)
    if len(text) == 2:
        # Two-digit years: FOI data is 1990s onwards, so 70-99 are 19xx and the rest 20xx.
        return 1900 + n if n >= 70 else 2000 + n
    return n


def _month_end(y: int, m: int) -> date:
    return date(y, m, calendar.monthrange(y, m)[1])


def _add_months(y: int, m: int, k: int) -> tuple[int, int]:
    idx = y * 12 + (m - 1) + k
    return idx // 12, idx % 12 + 1


def _fy(y: int) -> tuple[date, date] | None:
    if not _YEAR_MIN <= y < _YEAR_MAX:
        return None
    return date(y, 4, 1), date(y + 1, 3, 31)


def _fy_pair(t1: str, t2: str) -> int | None:
    """The starting year when t1/t2 name consecutive years ("2014"/"15", "2014"/"2015", "99"/"00")."""
    y1 = _year(t1)
    if len(t2) == 4:
        ok = int(t2) == y1 + 1
    else:
        ok = int(t2) == (y1 + 1) % 100
    return y1 if ok else None


def _valid_day(y: int, m: int, d: int) -> date | None:
    if not _YEAR_MIN <= y <= _YEAR_MAX:
        return None
    try:
        return date(y, m, d)
    except ValueError:
        return None


def _as_fy(s: str) -> tuple[date, date] | None:
    m = _FY.fullmatch(s)
    if m is None:
        return None
    y1, y2, sep = m.group("y1"), m.group("y2"), m.group("sep")
    explicit = bool(m.group("pre") or m.group("post"))
    if len(y1) == 2 and not explicit and sep != "/":
        return None  # "16-17" is as likely an age band
    if len(y1) == 2 and len(y2) == 4:
        return None
    start = _fy_pair(y1, y2)
    return None if start is None else _fy(start)


def _as_calendar_year(s: str) -> tuple[date, date] | None:
    m = _CAL_YEAR.fullmatch(s)
    if m is None:
        return None
    y = int(m.group("y"))
    if not _BARE_YEAR_MIN <= y <= _BARE_YEAR_MAX:
        return None
    return date(y, 1, 1), date(y, 12, 31)


def _as_month(s: str) -> tuple[date, date] | None:
    for rx in _MONTH_FORMS:
        m = rx.fullmatch(s)
        if m is None:
            continue
        gd = m.groupdict()
        month = _MONTHS[gd["m"]] if gd.get("m") else int(gd["mn"])
        y = _year(gd["y"])
        if 1 <= month <= 12 and _YEAR_MIN <= y <= _YEAR_MAX:
            return date(y, month, 1), _month_end(y, month)
    return None


def _as_day(s: str) -> date | None:
    for rx in _DATE_FORMS:
        m = rx.fullmatch(s)
        if m is None:
            continue
        gd = m.groupdict()
        month = _MONTHS[gd["m"]] if gd.get("m") else int(gd["mn"])
        d = _valid_day(_year(gd["y"]), month, int(gd["d"]))
        if d is not None:
            return d
    return None


def _as_quarter(s: str) -> tuple[date, date] | None:
    for rx in _QUARTER_FY:
        m = rx.fullmatch(s)
        if m is None:
            continue
        if len(m.group("y1")) == 2 and len(m.group("y2")) == 4:
            return None
        y = _fy_pair(m.group("y1"), m.group("y2"))
        if y is None:
            return None
        # Financial quarters: Q1 is April-June, Q4 is January-March of the following year.
        sy, sm = _add_months(y, 4, 3 * (int(m.group("q")) - 1))
        ey, em = _add_months(sy, sm, 2)
        return date(sy, sm, 1), _month_end(ey, em)
    for rx in _QUARTER_CAL:
        m = rx.fullmatch(s)
        if m is None:
            continue
        y, q = int(m.group("y")), int(m.group("q"))
        if not _YEAR_MIN <= y <= _YEAR_MAX:
            return None
        sm = 3 * (q - 1) + 1
        return date(y, sm, 1), _month_end(y, sm + 2)
    return None


_HALF_CAL = re.compile(r"(?:h|half\s*)(?P<h>[12])\s*[\s\-/,]*(?P<y>\d{4})"
                       r"|(?P<y2>\d{4})\s*[\s\-/,]*(?:h|half\s*)(?P<h2>[12])")
_HALF_FY = re.compile(r"(?:h|half\s*)(?P<h>[12])\s*[\s\-/,]*" + _FY_INNER)


def _as_half(s: str) -> tuple[date, date] | None:
    """"H1 2020" (January-June), "H2 2019/20" (October-March of a financial year)."""
    m = _HALF_FY.fullmatch(s)
    if m is not None:
        if len(m.group("y1")) == 2 and len(m.group("y2")) == 4:
            return None
        y = _fy_pair(m.group("y1"), m.group("y2"))
        if y is None or not _YEAR_MIN <= y < _YEAR_MAX:
            return None
        sy, sm = _add_months(y, 4, 6 * (int(m.group("h")) - 1))
        ey, em = _add_months(sy, sm, 5)
        return date(sy, sm, 1), _month_end(ey, em)
    m = _HALF_CAL.fullmatch(s)
    if m is None:
        return None
    y = int(m.group("y") or m.group("y2"))
    h = int(m.group("h") or m.group("h2"))
    if not _YEAR_MIN <= y <= _YEAR_MAX:
        return None
    return date(y, 6 * h - 5, 1), _month_end(y, 6 * h)


def _as_month_span(s: str) -> tuple[date, date] | None:
    m = _MONTH_SPAN.fullmatch(s)
    if m is None:
        return None
    m1, m2, y = _MONTHS[m.group("m1")], _MONTHS[m.group("m2")], _year(m.group("y"))
    if not _YEAR_MIN <= y <= _YEAR_MAX:
        return None
    # The year belongs to the end month; "Oct-Mar 2015" started in October 2014.
    y1 = y if m1 <= m2 else y - 1
    return date(y1, m1, 1), _month_end(y, m2)


def _as_ending(s: str) -> tuple[date, date] | None:
    m = _ENDING.fullmatch(s)
    if m is None:
        return None
    what, rest = m.group("what"), m.group("rest").strip()
    n_text = m.group("n")
    months = 12 if n_text in (None, "twelve") else int(n_text)
    if not 1 <= months <= 120:
        return None
    financial = bool(m.group("fin")) or what == "fye"
    end: date | None = None
    span = _as_month(rest)
    if span is not None:
        end = span[1]
    else:
        end = _as_day(rest)
        if end is None and financial and re.fullmatch(r"\d{4}", rest):
            # "Financial year ending 2019": the year ending 31 March 2019.
            y = int(rest)
            if _YEAR_MIN <= y <= _YEAR_MAX:
                end = date(y, 3, 31)
    if end is None:
        return None
    if end == _month_end(end.year, end.month):
        sy, sm = _add_months(end.year, end.month, -(months - 1))
        return date(sy, sm, 1), end
    # Ending mid-month: N months back, starting the day after the same date.
    sy, sm = _add_months(end.year, end.month, -months)
    day = min(end.day, calendar.monthrange(sy, sm)[1])
    return date.fromordinal(date(sy, sm, day).toordinal() + 1), end


def _single(s: str) -> tuple[date, date, bool] | None:
    """One period without a range separator -> (start, end, is_single_day)."""
    for fn in (_as_fy, _as_calendar_year, _as_quarter, _as_half, _as_month, _as_month_span, _as_ending):
        r = fn(s)
        if r is not None:
            return r[0], r[1], False
    d = _as_day(s)
    if d is not None:
        return d, d, True
    return None


def _as_range(s: str) -> tuple[date, date] | None:
    s = _RANGE_PREFIX.sub("", s)
    splits = [(m.start(), m.end()) for m in _RANGE_SPACED.finditer(s)]
    if not splits:
        # "April 2014-March 2015", "01/04/2014-31/03/2015": try every unspaced dash.
        splits = [(m.start(), m.end()) for m in re.finditer("-", s)]
    for a, b in splits:
        left, right = s[:a].strip(), s[b:].strip()
        if not left or not right:
            continue
        lo, hi = _single(left), _single(right)
        if lo is None or hi is None:
            continue
        start, end = lo[0], hi[1]
        if start <= end:
            return start, end
    return None


def _normalise(label: str) -> str:
    s = _WS.sub(" ", label.translate(_SPACES)).strip().lower()
    for _ in range(2):  # "2019/20 (R) (£)"
        s = _UNIT_TRAILER.sub("", _TRAILER.sub("", s)).strip()
    s = _ABBREV.sub("", s)
    for _ in range(3):  # "For the period 1 April 2019 to ..."
        s = _LEAD.sub("", s, count=1).strip()
    return s


def _from_date(d: date, label: str) -> Period:
    if d.day == 1:
        return Period(d, _month_end(d.year, d.month), label)
    return Period(d, d, label)


@lru_cache(maxsize=16384)
def _parse_str(label: str) -> Period | None:
    s = _normalise(label)
    if not s or len(s) > 80 or not any(ch.isdigit() for ch in s):
        return None
    one = _single(s)
    if one is not None:
        start, end, is_day = one
        return _from_date(start, label) if is_day else Period(start, end, label)
    r = _as_range(s)
    if r is not None:
        return Period(r[0], r[1], label)
    return None


@lru_cache(maxsize=4096, typed=True)
def _parse_scalar(label: Any) -> Period | None:
    if isinstance(label, bool):
        return None
    if isinstance(label, datetime):
        return _from_date(label.date(), label.isoformat())
    if isinstance(label, date):
        return _from_date(label, label.isoformat())
    if isinstance(label, int):
        y = label
    elif isinstance(label, float):
        if not math.isfinite(label) or not label.is_integer():
            return None
        y = int(label)
    else:
        return None
    if _BARE_YEAR_MIN <= y <= _BARE_YEAR_MAX:
        return Period(date(y, 1, 1), date(y, 12, 31), str(y))
    return None


def parse_period(label: Any) -> Period | None:
    """A period label as found in a header or cell -> Period, or None when it is not a period."""
    if isinstance(label, str):
        return _parse_str(label)
    if label is None:
        return None
    try:
        return _parse_scalar(label)
    except TypeError:  # unhashable: not something a reader produces
        return None


def is_period_label(x: Any) -> bool:
    return parse_period(x) is not None


# --- parts of a year written without their year ("Apr - Jun", "Q1", "April") ---------------------

_SUB_QUARTER = re.compile(r"(?:q|qtr|quarter)\s*(?P<q>[1-4])|(?P<w>first|second|third|fourth|1st|2nd|3rd|4th)"
                          r"\s+quarter")
_SUB_SPAN = re.compile(_mon("m1") + r"\s*(?:-|to|until)\s*" + _mon("m2"))
_SUB_MONTH = re.compile(_mon("m1"))
_ORDINAL = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4}


@dataclass(frozen=True)
class SubYear:
    """A part of a year with no year of its own: a quarter (numbered within its year) or months."""

    kind: str                  # "quarter" | "month" | "months"
    quarter: int | None = None
    first: int = 0             # month numbers when written as months
    last: int = 0


@lru_cache(maxsize=4096)
def sub_year(label: Any) -> SubYear | None:
    """"Apr - Jun", "Q1", "Quarter 3", "April": a part of a year that names no year; else None."""
    if not isinstance(label, str):
        return None
    s = _WS.sub(" ", label.translate(_SPACES)).strip().lower()
    s = _TRAILER.sub("", s).strip()
    if not s or re.search(r"\d{4}|\d{2}/\d{2}", s):
        return None
    found = _sub_year(s)
    if found is None and re.search(r"[a-z] [a-z]", s):
        # Text pulled from PDFs splits words ("Jan - Ma r", "Oc t -Dec"): letters joined again.
        found = _sub_year(re.sub(r"(?<=[a-z]) (?=[a-z])", "", s))
    return found


def _sub_year(s: str) -> SubYear | None:
    m = _SUB_QUARTER.fullmatch(s)
    if m:
        return SubYear("quarter", int(m.group("q")) if m.group("q") else _ORDINAL[m.group("w")])
    m = _SUB_SPAN.fullmatch(s)
    if m:
        first, last = _MONTHS[m.group("m1")], _MONTHS[m.group("m2")]
        return SubYear("quarter" if (last - first) % 12 == 2 else "months", None, first, last)
    m = _SUB_MONTH.fullmatch(s)
    if m:
        month = _MONTHS[m.group("m1")]
        return SubYear("month", None, month, month)
    return None


def within_year(part: SubYear, start: date, end: date) -> tuple[date, date] | None:
    """The dates of `part` inside the year start..end (a calendar or financial year): quarters count
    from the year's first month ("Q1" of 2009/10 is Apr - Jun 2009), months fall in whichever of the
    year's two calendar years holds them ("Jan - Mar" of 2009/10 is Jan - Mar 2010)."""
    if part.quarter is not None:
        y, m = _add_months(start.year, start.month, 3 * (part.quarter - 1))
        y2, m2 = _add_months(y, m, 2)
    else:
        y, m = start.year, part.first
        if date(y, m, 1) < date(start.year, start.month, 1):
            y += 1
        y2, m2 = _add_months(y, m, (part.last - part.first) % 12)
    first, last = date(y, m, 1), _month_end(y2, m2)
    return (first, last) if start <= first and last <= end else None
