"""Dates written in a reply, and the one an extension letter promises an answer by.

UK letters write the day first ("3/4/2027" is 3 April); a date that does not exist is skipped.
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
    r"|(?<![\d/])(?P<d3>\d{1,2})[/.](?P<m3>\d{1,2})[/.](?P<y3>\d{4}|\d{2})(?![\d/])",
    re.I,
)


def dates_in(text: str) -> list[tuple[int, date]]:
    """(position, date) of every date written in `text`."""
    out: list[tuple[int, date]] = []
    for m in _DATE_RE.finditer(text):
        try:
            if m.group("d1"):
                d = date(int(m.group("y1")), _MONTHS[m.group("m1")[:3].lower()], int(m.group("d1")))
            elif m.group("d2"):
                d = date(int(m.group("y2")), _MONTHS[m.group("m2")[:3].lower()], int(m.group("d2")))
            elif m.group("y4"):
                d = date(int(m.group("y4")), int(m.group("m4")), int(m.group("d4")))
            else:
                year = int(m.group("y3"))
                year += 2000 if year < 100 else 0
                d = date(year, int(m.group("m3")), int(m.group("d3")))  # UK: day first
        except ValueError:
            continue
        out.append((m.start(), d))
    return out


_DEADLINE_LEAD_RE = re.compile(r"\b(?:by|before|until|than|to|on|of)\s+(?:\w+,?\s+){0,2}$", re.I)


def deadline_in(sentences: Sequence[str]) -> date | None:
    """The date a sentence promises a reply by; a date after "by"/"no later than"/"to" wins
    over others (the date the request was received, say)."""
    led: list[date] = []
    other: list[date] = []
    for s in sentences:
        for pos, d in dates_in(s):
            (led if _DEADLINE_LEAD_RE.search(s[max(0, pos - 30) : pos]) else other).append(d)
    if led:
        return max(led)
    return max(other) if other else None


_RECEIVED_RE = re.compile(r"\b(?:received|reached)\b", re.I)
_ON_RE = re.compile(r"\bon\s+(?:the\s+)?$", re.I)
_SAME_DAY_RE = re.compile(r"^[^.;]{0,100}?\bon\s+the\s+same\s+(?:date|day)\b", re.I)
_DATED_RE = re.compile(r"\bdated\s+(?:the\s+)?$", re.I)


def stated_receipt(sentences: Sequence[str]) -> date | None:
    """The date the authority says it received the request ("which was received by the MPS on
    30/07/2010", "Received on 23/08/2017", "dated 23rd November 2011 which was received ... on the
    same date"), or None when it states none. The date of the letter itself is never taken."""
    for s in sentences:
        for m in _RECEIVED_RE.finditer(s):
            after = s[m.end() : m.end() + 140]
            if _SAME_DAY_RE.match(after):
                dated = [d for pos, d in dates_in(s[: m.start()]) if _DATED_RE.search(s[max(0, pos - 12) : pos])]
                if dated:
                    return dated[-1]
                continue
            for pos, d in dates_in(after):
                lead = after[:pos]
                adjacent = _ON_RE.search(lead) or not lead.strip(" ,:")
                if adjacent and len(lead) <= 120 and not re.search(r"[.;]\s", lead):
                    return d  # "received by the MPS on 30/07/2010", "your correspondence received 19/10/2015"
    return None
