"""Dates written in a reply, and the one an extension letter promises an answer by.

UK letters write the day first ("3/4/2027" is 3 April); a date that does not exist is skipped.
A date written without its year ("received on 12th February", "by 11 December") takes its year
from the message's own date when that is known: a date of receipt is the latest such day not
after the message, a promised date the first such day not before it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date

# Three-letter English month names: the key of a written month here, and the form IMAP's
# SEARCH SINCE takes (foi.mail.sources).
MONTH_ABBRS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
_MONTHS = {m.lower(): i for i, m in enumerate(MONTH_ABBRS, start=1)}
_MON = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
)
_DATE_RE = re.compile(
    r"\b(?P<d1>\d{1,2})\^?(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<m1>" + _MON + r")\.?,?\s+(?P<y1>\d{4})\b"
    r"|\b(?P<m2>" + _MON + r")\.?\s+(?P<d2>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<y2>\d{4})\b"
    r"|\b(?P<y4>\d{4})-(?P<m4>\d{1,2})-(?P<d4>\d{1,2})\b"
    r"|(?<![\d/])(?P<d3>\d{1,2})[/.](?P<m3>\d{1,2})[/.](?P<y3>\d{4}|\d{2})(?![\d/])"
    # "31-03-2025": day first with hyphens, four-digit year only (short ones look like references).
    r"|(?<![\d/-])(?P<d5>\d{1,2})-(?P<m5>\d{1,2})-(?P<y5>\d{4})(?![\d/-])",
    re.I,
)


# "12th February", "February 12th", "the 3rd of March": a day and month with no year after them.
_YEARLESS_RE = re.compile(
    r"\b(?P<d1>\d{1,2})\^?(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<m1>" + _MON + r")\b\.?(?!,?\s+\d)"
    # (Not the month of "5 April 24", whose day is before it: "April 24" is no date there.)
    r"|(?<!\d\s)(?<!\d[snrt][tdh]\s)\b(?P<m2>" + _MON + r")\.?\s+(?P<d2>\d{1,2})(?:st|nd|rd|th)?\b"
    r"(?!,?\s+\d|\s*[:/.]\d)",
    re.I,
)


# A weekday named just before a date: "Monday 11 March", "Friday, the 3rd of May".
_WEEKDAY_BEFORE_RE = re.compile(r"\b(?P<wd>mon|tues|wednes|thurs|fri|satur|sun)day,?\s+(?:the\s+)?$", re.I)
_WEEKDAYS = ("mon", "tues", "wednes", "thurs", "fri", "satur", "sun")


def _day(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _yearless(text: str, taken: list[tuple[int, int]], on: date, forward: bool) -> list[tuple[int, date]]:
    """Dates written without a year, placed in the year around `on` (the message's date). A
    weekday named with the date settles the year: "received on Monday 11 March" in a letter of
    12 March 2024 is 11 March 2024 (a Monday), never 11 March 2025 (round 14)."""
    out: list[tuple[int, date]] = []
    for m in _YEARLESS_RE.finditer(text):
        if any(a <= m.start() < b for a, b in taken):
            continue
        day = int(m.group("d1") or m.group("d2"))
        month = _MONTHS[(m.group("m1") or m.group("m2"))[:3].lower()]
        named = _WEEKDAY_BEFORE_RE.search(text[max(0, m.start() - 20) : m.start()])
        if named:
            weekday = _WEEKDAYS.index(named.group("wd").lower())
            matching = [d for d in (_day(year, month, day) for year in (on.year, on.year - 1, on.year + 1))
                        if d is not None and d.weekday() == weekday and abs((d - on).days) <= 200]
            if matching:
                out.append((m.start(), matching[0]))
                continue
            # (a weekday that fits no year near the letter is a slip: the date is placed as usual)
        for year in ((on.year, on.year + 1) if forward else (on.year, on.year - 1)):
            try:
                d = date(year, month, day)
            except ValueError:
                continue
            if (d >= on) if forward else (d <= on):
                out.append((m.start(), d))
                break
    return out


def dates_in(text: str, on: date | None = None, *, forward: bool = False) -> list[tuple[int, date]]:
    """(position, date) of every date written in `text`. With `on` (the message's date), a day and
    month written without a year count too: the latest such date not after `on`, or with
    `forward` the first not before it."""
    out: list[tuple[int, date]] = []
    taken: list[tuple[int, int]] = []
    for m in _DATE_RE.finditer(text):
        taken.append((m.start(), m.end()))
        try:
            if m.group("d1"):
                d = date(int(m.group("y1")), _MONTHS[m.group("m1")[:3].lower()], int(m.group("d1")))
            elif m.group("d2"):
                d = date(int(m.group("y2")), _MONTHS[m.group("m2")[:3].lower()], int(m.group("d2")))
            elif m.group("y4"):
                d = date(int(m.group("y4")), int(m.group("m4")), int(m.group("d4")))
            elif m.group("y5"):
                d = date(int(m.group("y5")), int(m.group("m5")), int(m.group("d5")))
            else:
                year = int(m.group("y3"))
                year += 2000 if year < 100 else 0
                d = date(year, int(m.group("m3")), int(m.group("d3")))  # UK: day first
        except ValueError:
            continue
        out.append((m.start(), d))
    if on is not None:
        out = sorted(out + _yearless(text, taken, on, forward))
    return out


_DEADLINE_LEAD_RE = re.compile(r"\b(?:by|before|until|than|to|on|of|is|date|deadline)\s*:?\s+(?:\w+,?\s+){0,2}$",
                               re.I)


# A date that belongs to what they are answering, not to their promise.
_QUOTED_DATE_RE = re.compile(r"\b(?:request|e-?mail|letter|correspondence|application|enquiry|received|dated|submitted"
                             r"|sent|made|logged)\s+(?:(?!(?:to|until|till)\b)\w+\s+){0,2}(?:(?:on|of|dated)\s+)?(?:the\s+)?"
                             r"(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s+(?:the\s+)?)?$",
                             re.I)


def latest_date(sentences: Sequence[str]) -> date | None:
    """The latest full date (with its year) written in `sentences`: the letter's own date, or near
    it, when the message's date is not known."""
    found = [d for s in sentences for _, d in dates_in(s)]
    return max(found) if found else None


def deadline_in(sentences: Sequence[str], on: date | None = None, *, anchor: Sequence[str] = ()) -> date | None:
    """The date a sentence promises a reply by; a date after "by"/"no later than"/"to" wins
    over others (the date the request was received, say). `on` is the message's date, for a
    date written without its year; without it, the latest full date in `anchor` (the letter's
    other sentences) places such a date."""
    sent = on
    if on is None and anchor:
        on = latest_date(anchor)
    led: list[date] = []
    other: list[date] = []
    for s in sentences:
        for pos, d in dates_in(s, on, forward=True):
            if _QUOTED_DATE_RE.search(s[max(0, pos - 50) : pos]) or (sent is not None and d <= sent):
                # "your request of 5 February", "received on ...", the letter's own date heading
                # it: not the new date, which is always after the day the letter is sent.
                continue
            (led if _DEADLINE_LEAD_RE.search(s[max(0, pos - 30) : pos]) else other).append(d)
    if led:
        return max(led)
    return max(other) if other else None


# (Or a case system's field: "Date of receipt: 11 March 2024", "Receipt date: 11/03/2024": round 14.)
# (and "I acknowledge receipt of your request 06/05/16", the date right after the request: round 15)
_RECEIVED_RE = re.compile(r"\b(?:received|reached|(?:date\s+(?:of\s+)?receipt|receipt\s+date)(?=\s*:)"
                          r"|receipt\s+of\s+your\s+(?:\w+\s+){0,4}?(?:request|e-?mail|letter|application))\b", re.I)
_DEEMED_RE = re.compile(r"\b(?:treated|deemed|taken|regarded|considered|classed)\s+as\s+(?:being\s+|having\s+been\s+)?"
                        r"(?:received|receipt)\b", re.I)
_ON_RE = re.compile(r"\bon\s+(?:the\s+)?(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s+(?:the\s+)?)?$", re.I)
# "... dated 4th January which was received on that date / the same day".
_SAME_DAY_RE = re.compile(r"^[^.;]{0,100}?\b(?:on\s+)?(?:the\s+same|that|this)\s+(?:date|day)\b", re.I)
_DATED_RE = re.compile(r"\b(?:dated|of|sent\s+on)\s+(?:the\s+)?$", re.I)


_TODAY_RE = re.compile(r"^[^.;]{0,60}?\btoday\b", re.I)


def stated_receipt(sentences: Sequence[str], on: date | None = None) -> date | None:
    """The date the authority says it received the request ("which was received by the MPS on
    12/05/2019", "Received on 14/09/2018", "dated 4th March 2015 which reached ... on that
    same day"), or None when it states none. The date of the letter itself is never taken, except
    when the letter says the request came today ("received by Sussex Police today"). `on` is the
    message's date: it places "received on 12th February" in its year, and is "today"."""
    for s in sentences:
        # "arrived ... at 22:41, after the office had closed, so it counts as received the next
        # working day, i.e. 9 March": the date the law counts from is the one they treat as receipt.
        for m in _DEEMED_RE.finditer(s):
            found = dates_in(s[m.end() : m.end() + 120], on)
            if found:
                return found[0][1]
    for s in sentences:
        for m in _RECEIVED_RE.finditer(s):
            after = s[m.end() : m.end() + 140]
            if _SAME_DAY_RE.match(after):
                dated = [d for pos, d in dates_in(s[: m.start()]) if _DATED_RE.search(s[max(0, pos - 12) : pos])]
                if dated:
                    return dated[-1]
                continue
            if on is not None and _TODAY_RE.match(after) and not dates_in(after[: _TODAY_RE.match(after).end()]):
                return on  # "received today", "received by Sussex Police today"
            for pos, d in dates_in(after, on):
                lead = after[:pos]
                adjacent = _ON_RE.search(lead) or not lead.strip(" ,:")
                if adjacent and len(lead) <= 120 and not re.search(r"[.;]\s", lead):
                    return d  # "received by the MPS on 12/05/2019", "your letter received 07/11/2016"
    return None
