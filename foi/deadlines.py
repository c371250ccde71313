"""Working-day arithmetic for FOIA 2000 s.10 and FOISA 2002 s.10.

This is the only module in foi that knows what a working day is.

FOIA s.10(1): reply no later than the twentieth working day following the date of receipt, so the
day of receipt is never counted and day 1 is the first working day after it (receipt on a Saturday
makes day 1 the Monday, if that is a working day). s.10(6) defines a working day as any day other
than a Saturday, a Sunday, Christmas Day, Good Friday or a bank holiday under the Banking and
Financial Dealings Act 1971 in *any* part of the United Kingdom, so for FOIA we take the union of
the England, Wales, Scotland and Northern Ireland bank holidays.

FOISA s.10(1) counts the same way; s.73 defines a working day as any day other than a Saturday, a
Sunday, Christmas Day or a bank holiday in Scotland under the 1971 Act.

Bank holidays come from the `holidays` package (offline; the GB subdivisions ENG/WLS/SCT/NIR,
which include substitute days and one-off proclaimed days). The package is imported and each
year's table is built only when a date in that year is first asked about. Importing the package
and building a table costs a noticeable part of a second, so a caller that runs often (the status
board) may keep the built tables (`bank_holiday_tables`) and hand them back in a later run
(`seed_bank_holidays`), checked against `bank_holidays_source` so that a new package version or a
change to this module never reuses stale tables.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from functools import cache
from pathlib import Path

from foi.errors import FoiError

ACTS = ("FOIA", "FOISA")

# Which UK parts' bank holidays stop the clock under each Act.
_SUBDIVS: dict[str, tuple[str, ...]] = {
    "FOIA": ("ENG", "WLS", "SCT", "NIR"),
    "FOISA": ("SCT",),
}
_PART_NAMES = {"ENG": "England", "WLS": "Wales", "SCT": "Scotland", "NIR": "Northern Ireland"}

# Both Acts came into force in full on 1 January 2005. The upper bound is only there so that a
# mistyped year fails loudly instead of being counted against rules projected far into the future.
FIRST_YEAR = 2005
LAST_YEAR = 2100

# The package's names, in the words gov.uk and the ICO use.
_RENAME = {
    "Saint Patrick's Day": "St Patrick's Day",
    "Saint Andrew's Day": "St Andrew's Day",
    "New Year Holiday": "2 January",
    "May Day": "Early May bank holiday",
    "Scotland's participation in the FIFA World Cup final": "FIFA World Cup bank holiday",
}
_OBSERVED = " (observed)"
_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_MONTHS = tuple("January February March April May June July August September October November December".split())
_ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_EXTRA_PREFIX = "extra day from foi.toml"

_LAW = {
    "FOIA": (
        "Freedom of Information Act 2000, section 10(1)",
        "A working day is any day other than a Saturday, a Sunday, Christmas Day, Good Friday or a "
        "bank holiday under the Banking and Financial Dealings Act 1971 in any part of the United "
        "Kingdom (section 10(6)).",
    ),
    "FOISA": (
        "Freedom of Information (Scotland) Act 2002, section 10(1)",
        "A working day is any day other than a Saturday, a Sunday, Christmas Day or a bank holiday "
        "in Scotland under the Banking and Financial Dealings Act 1971 (section 73).",
    ),
}


@dataclass(frozen=True)
class SkippedDay:
    """A day that is not counted, and why (shown to forces and the ICO, so in plain words)."""

    day: date
    reason: str


@dataclass(frozen=True)
class Deadline:
    received: date
    due: date
    act: str
    working_days: int
    skipped: list[SkippedDay]  # every non-working day with received < day <= due, in order


def _check_act(act: str) -> str:
    canonical = act.strip().upper() if isinstance(act, str) else ""
    if canonical not in ACTS:
        raise FoiError(f"Unknown act {act!r}: use FOIA (England, Wales, Northern Ireland) or FOISA (Scotland).")
    return canonical


def _as_date(d: date) -> date:
    # datetime is a subclass of date; keeping the time would leak into Deadline and comparisons.
    if isinstance(d, datetime):
        return d.date()
    if not isinstance(d, date):
        raise TypeError(f"expected a datetime.date, got {type(d).__name__}: {d!r}")
    return d


def _check_year(year: int, d: date) -> None:
    if not FIRST_YEAR <= year <= LAST_YEAR:
        raise FoiError(
            f"Date {d.isoformat()} is outside {FIRST_YEAR}-{LAST_YEAR}, the years foi counts working "
            "days for; check the date."
        )


def _check_count(n: int, minimum: int) -> int:
    if isinstance(n, bool) or not isinstance(n, int):
        raise FoiError(f"Number of working days must be a whole number, not {n!r}.")
    if n < minimum:
        raise FoiError(f"Number of working days must be {minimum} or more, not {n}.")
    return n


def _part_list(parts: list[str]) -> str:
    names = [_PART_NAMES[p] for p in parts]
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def _display_name(raw: str) -> str:
    if raw.endswith(_OBSERVED):
        base = raw[: -len(_OBSERVED)]
        return f"substitute day for {_RENAME.get(base, base)}"
    return _RENAME.get(raw, raw)


# (act, year) -> that year's non-working days other than weekends, with a reason for each. The board
# asks about the same few years thousands of times; filled on demand, or ahead by seed_bank_holidays.
_TABLES: dict[tuple[str, int], dict[date, str]] = {}


def _bank_holidays(act: str, year: int) -> dict[date, str]:
    table = _TABLES.get((act, year))
    if table is None:
        table = _TABLES[(act, year)] = _package_bank_holidays(act, year)
    return table


def _package_bank_holidays(act: str, year: int) -> dict[date, str]:
    """Non-working days other than weekends for one Act and year, with a reason for each."""
    # Imported here so that importing foi.deadlines costs nothing until a day is counted.
    import holidays
    from dateutil.easter import easter  # installed with holidays

    parts = _SUBDIVS[act]
    # Neighbouring years too, so a substitute day that a future package version files under the
    # holiday's own year (e.g. a 31 December holiday moved to 2 January) is not lost.
    years = (year - 1, year, year + 1)
    found: dict[date, dict[str, list[str]]] = {}
    for part in parts:
        # subdiv=None would give only the UK-wide days; each part must be asked for separately.
        # GB has a single holiday category ("public") in holidays 0.108; it holds the bank
        # holidays, Good Friday, Christmas Day, substitute days and the proclaimed one-off days.
        table = holidays.country_holidays("GB", subdiv=part, years=years)
        for day in table:
            if day.year != year:
                continue
            for raw in table.get_list(day):
                where = found.setdefault(day, {}).setdefault(_display_name(raw), [])
                if part not in where:
                    where.append(part)

    # Christmas Day is named in FOIA s.10(6) and FOISA s.73, and Good Friday in FOIA s.10(6) (it is
    # also a Scottish bank holiday under Schedule 1 of the 1971 Act): they stop the clock
    # everywhere whatever the package says about them.
    good_friday = easter(year) - timedelta(days=2)
    for day, name in ((date(year, 12, 25), "Christmas Day"), (good_friday, "Good Friday")):
        found.setdefault(day, {})[name] = list(parts)

    reasons: dict[date, str] = {}
    for day in sorted(found):
        labels = []
        for name, where in found[day].items():
            if len(where) == len(parts) or act == "FOISA":
                labels.append(name)
            else:
                labels.append(f"{name} ({_part_list([p for p in parts if p in where])})")
        reasons[day] = "; ".join(labels)
    return reasons


def _normalise_extra(extra: Iterable[date] | Mapping[date, str]) -> dict[date, str]:
    if isinstance(extra, (str, bytes)):
        raise FoiError("Extra non-working days must be a list of dates (YYYY-MM-DD), not one string.")
    items: Iterable[tuple[object, object]]
    if isinstance(extra, Mapping):
        items = extra.items()
    else:
        items = ((d, None) for d in extra)
    out: dict[date, str] = {}
    for key, why in items:
        # foi.toml gives real dates for bare TOML dates but strings when the user quoted them.
        if isinstance(key, str):
            day = parse_date(key, "an extra non-working day in foi.toml")
        elif isinstance(key, date):
            day = _as_date(key)
        else:
            raise FoiError(f"Extra non-working day {key!r} in foi.toml is not a date: use YYYY-MM-DD.")
        text = str(why).strip() if why is not None else ""
        out[day] = f"{_EXTRA_PREFIX}: {text}" if text else _EXTRA_PREFIX
    return out


class Calendar:
    """Working days under one Act, plus any extra non-working days the user configured.

    Working and non-working days are kept as sorted lists of ordinals over a contiguous run of
    years that grows on demand, so counting is a pair of binary searches rather than a day walk.
    """

    def __init__(self, act: str = "FOIA", extra: Iterable[date] | Mapping[date, str] = ()) -> None:
        self.act = _check_act(act)
        self.extra: dict[date, str] = _normalise_extra(extra)
        self._first: int | None = None  # first and last year held in the lists below
        self._last: int | None = None
        self._work: list[int] = []  # ordinals of working days, ascending
        self._off: list[int] = []  # ordinals of non-working days, ascending
        self._skipped: dict[int, SkippedDay] = {}  # ordinal -> why it is not a working day

    def __repr__(self) -> str:
        return f"Calendar(act={self.act!r}, extra={len(self.extra)} day(s))"

    def _build_year(self, year: int) -> tuple[list[int], list[int]]:
        work: list[int] = []
        off: list[int] = []
        day = date(year, 1, 1)
        ordinal = day.toordinal()
        end = date(year, 12, 31).toordinal()
        while ordinal <= end:
            reason = self._reason(date.fromordinal(ordinal))
            if reason is None:
                work.append(ordinal)
            else:
                off.append(ordinal)
                self._skipped[ordinal] = SkippedDay(date.fromordinal(ordinal), reason)
            ordinal += 1
        return work, off

    def _cover(self, d: date) -> None:
        """Make sure the lists hold d's year (and every year between it and those held)."""
        year = d.year
        if self._first is not None and self._last is not None and self._first <= year <= self._last:
            return
        _check_year(year, d)
        if self._first is None or self._last is None:
            self._work, self._off = self._build_year(year)
            self._first = self._last = year
        elif year > self._last:
            for y in range(self._last + 1, year + 1):
                work, off = self._build_year(y)
                self._work.extend(work)
                self._off.extend(off)
            self._last = year
        else:
            work_before: list[int] = []
            off_before: list[int] = []
            for y in range(year, self._first):
                work, off = self._build_year(y)
                work_before.extend(work)
                off_before.extend(off)
            self._work = work_before + self._work
            self._off = off_before + self._off
            self._first = year

    def _reason(self, d: date) -> str | None:
        reasons = []
        weekday = d.weekday()
        if weekday >= 5:
            reasons.append(_WEEKDAYS[weekday])
        holiday = _bank_holidays(self.act, d.year).get(d)
        if holiday:
            reasons.append(holiday)
        extra = self.extra.get(d)
        if extra:
            reasons.append(extra)
        return "; ".join(reasons) if reasons else None

    def is_working_day(self, d: date) -> bool:
        d = _as_date(d)
        self._cover(d)
        return d.toordinal() not in self._skipped

    def why_not_working(self, d: date) -> str | None:
        """The reason d is not a working day, or None when it is one."""
        d = _as_date(d)
        self._cover(d)
        skipped = self._skipped.get(d.toordinal())
        return skipped.reason if skipped else None

    def add_working_days(self, start: date, n: int) -> date:
        """The n-th working day after start (start itself is never counted); n=0 gives start."""
        start = _as_date(start)
        _check_count(n, 0)
        if n == 0:
            return start
        return date.fromordinal(self._nth_after(start, n))

    def _nth_after(self, start: date, n: int) -> int:
        """Ordinal of the n-th working day after start, for n >= 1."""
        self._cover(start)
        target = bisect_right(self._work, start.toordinal()) + n - 1
        while target >= len(self._work):
            assert self._last is not None
            self._cover(date(self._last + 1, 1, 1))
        return self._work[target]

    def working_days_between(self, a: date, b: date) -> int:
        """How many working days d have a < d <= b; when b < a, minus the count the other way."""
        a, b = _as_date(a), _as_date(b)
        if b < a:
            return -self.working_days_between(b, a)
        self._cover(a)
        self._cover(b)
        return bisect_right(self._work, b.toordinal()) - bisect_right(self._work, a.toordinal())

    def due_date(self, received: date, days: int = 20) -> Deadline:
        received = _as_date(received)
        _check_count(days, 1)
        due = self._nth_after(received, days)
        off = self._off
        skipped = self._skipped
        low = bisect_right(off, received.toordinal())
        high = bisect_right(off, due, low)
        return Deadline(
            received=received,
            due=date.fromordinal(due),
            act=self.act,
            working_days=days,
            skipped=[skipped[o] for o in off[low:high]],
        )


def bank_holidays_source() -> str:
    """What the tables depend on: the holidays package's version and this module's code (hashed, so
    that any change here, to a name or a rule, makes tables kept from before stale)."""
    import hashlib
    from importlib.metadata import version

    code = hashlib.sha256(Path(__file__).read_bytes()).hexdigest()[:16]
    return f"holidays {version('holidays')}; foi.deadlines {code}"


def bank_holiday_tables() -> dict[str, dict[str, str]]:
    """Every table built or seeded so far, as JSON-ready text: {"FOIA 2025": {"2025-01-01": reason}}."""
    return {f"{act} {year}": {day.isoformat(): reason for day, reason in table.items()}
            for (act, year), table in sorted(_TABLES.items())}


def seed_bank_holidays(tables: Mapping[str, Mapping[str, str]]) -> None:
    """Take tables an earlier run built (`bank_holiday_tables`, kept under the same
    `bank_holidays_source`) instead of asking the package. ValueError if they are malformed."""
    # Kept in a database a user can edit, so checked as closely as anything a user types.
    if not isinstance(tables, Mapping):
        raise ValueError("bank holiday tables must be a mapping")
    parsed: dict[tuple[str, int], dict[date, str]] = {}
    for key, table in tables.items():
        act, _, year = str(key).partition(" ")
        if act not in ACTS or not year.isdigit() or not FIRST_YEAR <= int(year) <= LAST_YEAR:
            raise ValueError(f"bad bank holiday table name {key!r}")
        if not isinstance(table, Mapping):
            raise ValueError(f"bad bank holiday table {key!r}")
        days: dict[date, str] = {}
        for day, reason in table.items():
            if not (isinstance(day, str) and _ISO_DATE.fullmatch(day) and isinstance(reason, str) and reason):
                raise ValueError(f"bad day {day!r} in bank holiday table {key!r}")
            days[date.fromisoformat(day)] = reason
        if any(day.year != int(year) for day in days):
            raise ValueError(f"bank holiday table {key!r} holds a day of another year")
        parsed[(act, int(year))] = days
    for key, days in parsed.items():  # nothing is taken from a malformed set of tables
        _TABLES.setdefault(key, days)


def forget_bank_holidays() -> None:
    """Drop every built or seeded table, and the shared calendars built from them."""
    _TABLES.clear()
    _plain_calendar.cache_clear()


@cache
def _plain_calendar(act: str) -> Calendar:
    # Shared by every due_date() call without extra days, so its year tables are built once.
    return Calendar(act)


def calendar_for(act: str = "FOIA", extra: Iterable[date] | Mapping[date, str] = ()) -> Calendar:
    """A Calendar for act; the shared, already-warm one when there are no extra days."""
    if act in ACTS and isinstance(extra, (tuple, list, set, frozenset, dict)) and not extra:
        return _plain_calendar(act)  # the common case, kept cheap for the board's many calls
    act = _check_act(act)
    days = _normalise_extra(extra)
    if not days:
        return _plain_calendar(act)
    cal = Calendar(act)
    cal.extra = days  # already turned into reasons; normalising again would repeat the prefix
    return cal


def due_date(
    received: date,
    act: str = "FOIA",
    days: int = 20,
    extra: Iterable[date] | Mapping[date, str] = (),
) -> Deadline:
    """The deadline for a request received on `received` (see the module docstring for the law)."""
    return calendar_for(act, extra).due_date(received, days)


# A request sent by e-mail after this time reaches them the next working day.
CLOSE_OF_BUSINESS = time(17, 0)


@dataclass(frozen=True)
class Receipt:
    """The date of receipt of a request, and why (in plain words, for --explain)."""

    sent: date | datetime
    received: date
    reason: str


def receipt(sent: date | datetime, act: str = "FOIA", extra: Iterable[date] | Mapping[date, str] = (), *,
            close: time = CLOSE_OF_BUSINESS) -> Receipt:
    """When a request sent by e-mail is received: the day it was sent, or the next working day
    when it was sent on a non-working day or after `close` (UK time) on a working day. A date
    without a time is taken to be within working hours."""
    cal = calendar_for(act, extra)
    moment = sent
    if isinstance(sent, datetime):
        if sent.tzinfo is not None:
            from zoneinfo import ZoneInfo

            moment = sent.astimezone(ZoneInfo("Europe/London"))
        day = moment.date()  # type: ignore[union-attr]
    else:
        day = _as_date(sent)
    why_not = cal.why_not_working(day)
    if why_not:
        received = cal.add_working_days(day, 1)
        return Receipt(sent, received, f"sent on {long_date(day)}, not a working day ({why_not}): received on the "
                                       f"next working day, {long_date(received)}")
    if isinstance(moment, datetime) and moment.time() >= close:
        received = cal.add_working_days(day, 1)
        return Receipt(sent, received, f"sent at {moment:%H:%M} on {long_date(day)}, after working hours (they end "
                                       f"at {close:%H:%M}): received on the next working day, {long_date(received)}")
    when = f"at {moment:%H:%M} " if isinstance(moment, datetime) else ""
    return Receipt(sent, day, f"sent {when}on {long_date(day)}, a working day: received the same day")


def parse_moment(text: str, what: str = "date") -> date | datetime:
    """YYYY-MM-DD, or YYYY-MM-DD HH:MM (also with a T): a date, or a date and time."""
    raw = text.strip() if isinstance(text, str) else ""
    m = re.fullmatch(r"([0-9]{4}-[0-9]{2}-[0-9]{2})(?:[T ]([0-9]{1,2}):([0-9]{2}))?", raw)
    if not m:
        raise FoiError(f"Bad date {text!r} for {what}: use YYYY-MM-DD or YYYY-MM-DD HH:MM, e.g. 2026-12-18 18:30.")
    day = parse_date(m.group(1), what)
    if m.group(2) is None:
        return day
    hour, minute = int(m.group(2)), int(m.group(3))
    if hour > 23 or minute > 59:
        raise FoiError(f"Bad time in {text!r} for {what}: use HH:MM between 00:00 and 23:59.")
    return datetime.combine(day, time(hour, minute))


def parse_date(text: str, what: str = "date") -> date:
    """A strict YYYY-MM-DD date; FoiError naming `what` (e.g. "--on") otherwise."""
    if isinstance(text, date) and not isinstance(text, datetime):
        return text
    example = "use YYYY-MM-DD, e.g. 2026-12-18."
    if not isinstance(text, str) or not _ISO_DATE.fullmatch(text.strip()):
        raise FoiError(f"Bad date {text!r} for {what}: {example}")
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise FoiError(f"Bad date {text!r} for {what}: there is no such day; {example}") from None


def long_date(d: date) -> str:
    """ "Friday 18 December 2026": spelled out here so the system locale cannot change it."""
    return f"{_WEEKDAYS[d.weekday()]} {d.day} {_MONTHS[d.month - 1]} {d.year}"


def _short(d: date) -> str:
    return f"{d.isoformat()} {_WEEKDAYS[d.weekday()][:3]}"


def _ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def explain(deadline: Deadline, receipt_: Receipt | None = None) -> str:
    """How the due date was counted, day by day, in words fit to send to a force or the ICO.
    With the request's `receipt_`, how the date of receipt was found comes first."""
    title, definition = _LAW.get(deadline.act, (deadline.act, ""))
    reasons = {s.day: s.reason for s in deadline.skipped}
    n = deadline.working_days

    # Walk the days once, numbering working days and grouping runs of them onto one line.
    lines: list[str] = []
    first_working: date | None = None
    run: tuple[date, int] | None = None  # first day and number of the current run of working days
    count = 0
    day = deadline.received
    while day < deadline.due:
        day += timedelta(days=1)
        if day in reasons:
            if run is not None:
                lines.append(_run_line(run, day - timedelta(days=1), count))
                run = None
            lines.append(f"  {_short(day)}  not counted: {reasons[day]}")
        else:
            count += 1
            if first_working is None:
                first_working = day
            if run is None:
                run = (day, count)
    if run is not None:
        lines.append(_run_line(run, deadline.due, count))

    head = [f"{title}: reply no later than the {_ordinal(n)} working day following the date of receipt."]
    if receipt_ is not None:
        head.append(f"Date of receipt: the request was {receipt_.reason}.")
    head.append(f"Received: {long_date(deadline.received)} ({deadline.received.isoformat()}). "
                "The day of receipt is not counted.")
    if first_working is not None:
        head.append(f"Working day 1: {long_date(first_working)} ({first_working.isoformat()}).")
    head.append(f"Due: {long_date(deadline.due)} ({deadline.due.isoformat()}), working day {n}.")
    if definition:
        head.append(definition)
    calendar_days = (deadline.due - deadline.received).days
    tail = (
        f"{count} working days and {len(deadline.skipped)} days not counted: "
        f"{calendar_days} days from receipt to the due date."
    )
    return "\n".join([*head, "", "Day by day:", *lines, "", tail])


def _run_line(run: tuple[date, int], last: date, last_number: int) -> str:
    first, number = run
    if first == last:
        return f"  {_short(first)}  working day {number}"
    return f"  {_short(first)} to {_short(last)}  working days {number}-{last_number}"
