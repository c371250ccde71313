"""Label text as found in a cell -> the label without footnote markers, dot leaders and stray
whitespace, with the markers kept.

Footnote markers statistical tables glue onto labels:
- digits after a word: "Robbery3", "Lancashire2", "West Midlands4,5", "population3 2018/19";
- digits after a period or a number: "2018/191" (2018/19, note 1), "2015/163, 4", "30 September
  20191", "Under 102" (Under 10, note 2: read against the other bands of the column);
- symbols: "Bedfordshire*", "17~", "Total†", "(*)", superscript digits;
- brackets: "[note 3]", "[x]", "(R)", "(p)", "(a)", "Essex(5)", "Milton Keynes( 1)", "31 March 2001(5)".
A marker is split off only where the text without it is the more plausible label ("Q1", "EU15",
"NFIB90", "COVID19", "Section 228", "Aged 18-24" and "2019" stay whole).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date, datetime
from functools import lru_cache
from typing import Any

from foi.periods import parse_period

__all__ = ["clean_text", "as_text"]

_SPACES = str.maketrans({"\xa0": " ", "\u2007": " ", "\u202f": " ", "\u2009": " ", "\ufeff": "",
                         "\u200b": "", "\t": " ", "\r": " ", "\n": " ", "\u2028": " ", "\u00ad": ""})
_SUPER = str.maketrans("¹²³⁴⁵⁶⁷⁸⁹⁰", "1234567890")
_WS = re.compile(r"\s+")
# ". . . .", "....", "…", "_____", "-----" trailing a label (dot leaders to the figures).
_LEADERS = re.compile(r"(?:\s*[.·…]){3,}\s*$|\s*[…]+\s*$|\s*_{3,}\s*$|(?:\s+\.){2,}\s*$")
_BRACKET_NOTE = re.compile(r"\s*\[\s*(?:notes?|n)\s*(?P<n>[\w]+(?:\s*(?:,|and|&)\s*[\w]+)*)\s*\]$", re.IGNORECASE)
_BRACKET_SHORT = re.compile(r"\s*\[(?P<n>\d{1,2}|[a-z]|[A-Z]|\*+|[a-z]{1,4})\]$")
_PAREN_FLAG = re.compile(r"\s*\((?P<n>[RPErpe]|[a-h]|\*+|revised|provisional|estimated?|note \d{1,2})\)$"
                         r"|(?<=[A-Za-z])\((?P<g>\d{1,2})\)$")  # "Essex(5)": a number glued on in brackets
# "Milton Keynes( 1)", "31 March 2001( 5)": a note number typeset in brackets with a space inside
# (Hansard tables); a bracketed number glued to a date or year ("31 March 2001(5)", "2019/20(3)")
# is a note too, but "Section 44(5)" (a subsection) is no period and keeps it.
_PAREN_SPACED = re.compile(r"(?<=\S)\(\s+(?P<n>\d{1,2})\s*\)$")
_PAREN_AFTER_DIGIT = re.compile(r"(?<=\d)\((?P<n>\d{1,2})\)$")
_SYMBOLS = re.compile(r"\s*(?P<n>[*†‡§^~#¶]+|[¹²³⁴⁵⁶⁷⁸⁹⁰]+(?:,[¹²³⁴⁵⁶⁷⁸⁹⁰]+)*)$")
# Digits glued to a word: "Robbery3", "West Midlands4,5", "London, City of4", "(%)2".
_GLUED = re.compile(r"(?P<head>.*?(?:[a-z]{2}|[a-z]\)|[A-Za-z]\)|[%)\]]))(?P<n>\d{1,2}(?:\s*,\s*\d{1,2})*)$")
_GLUED_CAPS = re.compile(r"(?P<head>.*?\b[A-Z][A-Z ]*[A-Z]{3})(?P<n>\d)$")
# Mid-label: "population3 2018/19", "Change3 2017/18".
_GLUED_MID = re.compile(r"\b(?P<word>[A-Za-z]*[a-z]{3})(?P<n>\d)(?=\s+\S)")
# Tokens that end in digits and are not footnotes.
_KEEP = re.compile(r"(?:nfib|covid|cv|mp|eu|ic|q|h|fy|yr|y|p|m|a|b|k|w|e|s|tier|level|phase|stage|"
                   r"type|group|class|category|section|schedule|part|article|table|band|wave|step|"
                   r"year|week|day|area|zone|ward|beat|sector|unit|team|division|district|bcu|lpa)$",
                   re.IGNORECASE)
# A length of time written out ("1 year", "28 day"): digits glued after it are no part of it.
_DURATION = re.compile(r"\b\d+\s+(?:year|week|day)$", re.IGNORECASE)
_COMMA_LIST = re.compile(r"(?P<head>.*?)(?P<tail>(?:\s*,\s*\d{1,2})+)$")
_AGE_GLUED = re.compile(r"(?P<head>(?:aged?\s+)?(?:under|less than|below|over|<)\s*\d{2}|"
                        r"(?:aged?\s+)?\d{1,2}\s*(?:-|–|to)\s*\d{2})(?P<n>\d)$", re.IGNORECASE)


def as_text(raw: Any) -> str:
    """A cell as label text: 2019.0 -> "2019", a date -> ISO, None -> ""."""
    if raw is None:
        return ""
    if isinstance(raw, str):
        return raw
    if isinstance(raw, bool):
        return str(raw)
    if isinstance(raw, int):
        return str(raw)
    if isinstance(raw, float):
        if raw != raw:  # NaN
            return ""
        return str(int(raw)) if raw.is_integer() else repr(raw)
    if isinstance(raw, datetime):
        return raw.date().isoformat() if raw.time() == datetime.min.time() else raw.isoformat(" ")
    if isinstance(raw, date):
        return raw.isoformat()
    return str(raw)


def _split_notes(n: str) -> tuple[str, ...]:
    parts = re.split(r"\s*(?:,|\band\b|&)\s*", n.strip())
    return tuple(p for p in parts if p)


def _is_period(text: str) -> bool:
    return parse_period(text) is not None


def _period_with_glued_note(text: str) -> tuple[str, tuple[str, ...]] | None:
    """'2018/191' -> ('2018/19', ('1',)); '2015/163, 4' -> ('2015/16', ('3', '4')); '30 September
    20191' -> ('30 September 2019', ('1',)). None when the text is a period as it stands."""
    if not text or not text[-1].isdigit() or _is_period(text):
        return None
    head, tail = text, ""
    m = _COMMA_LIST.fullmatch(text)
    if m and m.group("head") and m.group("head")[-1].isdigit():
        head, tail = m.group("head"), m.group("tail")
    extra = _split_notes(tail.replace(",", " , ").strip(" ,")) if tail else ()
    for k in (1, 2):
        if len(head) <= k or not head[-k - 1].isdigit():
            break
        stem, note = head[:-k], head[-k:]
        if note.startswith("0"):
            continue
        if _is_period(stem) and re.search(r"\D", stem):
            return stem, (note, *extra)
    return None


# A footnote digit printed before a financial year and run into it: "11979–80" (note 1, 1979-80).
_LEADING_NOTE = re.compile(r"(?P<n>[1-9])(?P<p>(?:1[89]|20)\d\d\s*[-\u2013/]\s*\d\d)")


def _period_with_leading_note(text: str) -> tuple[str, tuple[str, ...]] | None:
    """'11979–80' -> ('1979–80', ('1',)): the year after the dash must follow the first, so a
    count or a code that happens to look like this is left alone."""
    m = _LEADING_NOTE.fullmatch(text)
    if m is None or _is_period(text):
        return None
    stem = m.group("p")
    first, second = re.findall(r"\d+", stem)
    if (int(first) + 1) % 100 != int(second) or not _is_period(stem):
        return None
    return stem, (m.group("n"),)


@lru_cache(maxsize=32768)
def clean_text(raw: str) -> tuple[str, tuple[str, ...]]:
    """Clean one label on its own (no siblings)."""
    s = _WS.sub(" ", raw.translate(_SPACES)).strip()
    if not s:
        return "", ()
    s = _LEADERS.sub("", s).strip()
    notes: list[str] = []
    for _ in range(4):
        before = s
        m = _BRACKET_NOTE.search(s)
        if m:
            notes[:0] = _split_notes(m.group("n"))
            s = s[: m.start()].rstrip()
            continue
        m = _BRACKET_SHORT.search(s)
        if m and m.start() > 0:
            notes.insert(0, m.group("n"))
            s = s[: m.start()].rstrip()
            continue
        m = _PAREN_FLAG.search(s)
        if m and m.start() > 0:
            notes.insert(0, (m.group("n") or m.group("g")).removeprefix("note ").strip())
            s = s[: m.start()].rstrip()
            continue
        m = _PAREN_SPACED.search(s) or _PAREN_AFTER_DIGIT.search(s)
        if m and m.start() > 0 and (m.re is _PAREN_SPACED or _is_period(s[: m.start()].rstrip())):
            notes.insert(0, m.group("n"))
            s = s[: m.start()].rstrip()
            continue
        if s.endswith('"') and s.count('"') % 2 == 1 and len(s) > 1:
            notes.insert(0, '"')  # '1"', '15/16"': an inch mark used as a footnote mark
            s = s[:-1].rstrip()
            continue
        m = _SYMBOLS.search(s)
        if m and m.start() > 0:
            notes[:0] = _split_notes(m.group("n").translate(_SUPER)) if m.group("n")[0].isdigit() or \
                m.group("n")[0] in "¹²³⁴⁵⁶⁷⁸⁹⁰" else (m.group("n"),)
            s = s[: m.start()].rstrip()
            continue
        glued = _period_with_glued_note(s) or _period_with_leading_note(s)
        if glued is not None:
            s, found = glued
            notes[:0] = found
            continue
        m = _GLUED.fullmatch(s)
        if m and not _keep_digits(m.group("head")):
            notes[:0] = _split_notes(m.group("n"))
            s = m.group("head").rstrip()
            continue
        m = _GLUED_CAPS.fullmatch(s)
        if m and not _keep_digits(m.group("head")):
            notes.insert(0, m.group("n"))
            s = m.group("head").rstrip()
            continue
        m = _AGE_GLUED.fullmatch(s)
        if m and int(re.sub(r"\D", "", m.group("head"))[-2:] + m.group("n")) > 100:
            # "Under 102": nobody bands ages at 102; the last digit is a note.
            notes.insert(0, m.group("n"))
            s = m.group("head")
            continue
        if s == before:
            break
    if re.search(r"[a-z]{3}\d\s", s):
        s, mid = _mid_notes(s)
        notes.extend(mid)
    s = s.rstrip(" :;,").strip()
    return s, tuple(notes)


def _keep_digits(head: str) -> bool:
    """The word before trailing digits makes them part of the label ("Q1", "NFIB90", "Tier 2")."""
    word = re.split(r"[\s/(\-]", head)[-1]
    if not word:
        return False
    if _DURATION.search(head):
        return False   # "within 1 year1": the year is already counted, the digit is a note
    if _KEEP.fullmatch(word.strip(").")):
        return True
    return bool(re.fullmatch(r"[A-Z]{1,3}", word))


def _mid_notes(s: str) -> tuple[str, list[str]]:
    notes: list[str] = []

    def cut(m: re.Match[str]) -> str:
        if _KEEP.fullmatch(m.group("word")):
            return m.group(0)
        notes.append(m.group("n"))
        return m.group("word")

    return _GLUED_MID.sub(cut, s), notes


_NUMBERS = re.compile(r"\d+")


@lru_cache(maxsize=4096)
def _sibling_numbers(siblings: tuple[str, ...]) -> frozenset[int]:
    found: set[int] = set()
    for sib in siblings:
        for n in _NUMBERS.findall(sib):
            if len(n) <= 3:
                found.add(int(n))
    return frozenset(found)


_TRAILING_NUMBER = re.compile(r"(?P<head>.*?\D)?(?P<num>\d{2,3})$")


def refine_with_siblings(text: str, notes: tuple[str, ...],
                         siblings: Sequence[str]) -> tuple[str, tuple[str, ...]]:
    """Split a note digit off a number the other labels show to be one digit too long: "Under 52"
    beside "5-9", "10-14" is "Under 5", note 2. Pure-digit labels ("20191") beside periods too."""
    m = _TRAILING_NUMBER.fullmatch(text)
    if m is None:
        return text, notes
    num = m.group("num")
    head = m.group("head") or ""
    if head and re.search(r"(?i)\b(?:under|less than|below|over|aged?|<)\s*$", head):
        numbers = _sibling_numbers(tuple(s for s in siblings if isinstance(s, str) and s != text))
        n, stem = int(num), int(num[:-1])
        if n not in numbers and stem in numbers and (n + 1) not in numbers:
            return head + num[:-1], (num[-1], *notes)
    return text, notes


def refine_digits_beside_periods(text: str, notes: tuple[str, ...],
                                 siblings: Sequence[str]) -> tuple[str, tuple[str, ...]]:
    """'20191' in a column of years is 2019 with note 1."""
    if not (text.isdigit() and len(text) == 5):
        return text, notes
    periods = sum(1 for s in siblings[:20] if isinstance(s, str) and s.isdigit() and len(s) == 4 and _is_period(s))
    if periods >= 1 and _is_period(text[:4]) and text[4] != "0":
        return text[:4], (text[4], *notes)
    return text, notes
