"""Periods of the rows stage, one place: a part of a year ("Q1", "Apr - Jun", "April") read together
with the year it sits beside (a year column left of a quarter column), under (a year section over
quarter rows, a year header over month headers) into one period with dates, the year kept as
'year' and the part under its own name.

`RowPeriods` is what `rows._Table` does with its label columns' periods; the functions are the
rules both the row labels and the header levels use.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date
from itertools import repeat
from typing import Any

from foi.figures._rows_rules import Source
from foi.figures.coding import Coded, code
from foi.periods import sub_year, within_year

_MONTHS = {m: i for i, m in enumerate(("january", "february", "march", "april", "may", "june", "july", "august",
                                       "september", "october", "november", "december"), 1)}
_DAY_MONTH = r"(?P<d>\d{1,2})(?:st|nd|rd|th)?\s+(?P<m>[A-Za-z]+)"
# A label column headed "As at 31 March" / "At 30 September": its years are that day of the year.
_AS_AT = re.compile(r"^\s*(?:(?:as\s+)?(?:at|of|on)\s+)?" + _DAY_MONTH + r"\s*:?\s*$", re.I)
# "2001 (30 September)": a year with the day of a count taken out of turn.
_YEAR_DAY = re.compile(r"^\s*(?P<y>(?:19|20)\d\d)\s*\(\s*" + _DAY_MONTH + r"\s*\)\s*$", re.I)


def _day(year: int, day: str, month: str) -> date | None:
    m = _MONTHS.get(month.lower()) or next((v for k, v in _MONTHS.items() if len(month) >= 3
                                            and k.startswith(month.lower())), None)
    try:
        return date(year, m, int(day)) if m else None
    except ValueError:
        return None


def snapshot_period(header: str, text: str) -> Coded | None:
    """A count taken on a day ("As at 31 March" over "1997", "1998"; or "2001 (30 September)") as the
    one-day period it is, rather than the calendar year the bare number would be. None otherwise."""
    m = _YEAR_DAY.match(text)
    if m:
        day = _day(int(m.group("y")), m.group("d"), m.group("m"))
        return Coded("period", text, None, day, day) if day else None
    h = _AS_AT.match(header or "")
    if h is None or not re.fullmatch(r"\s*(?:19|20)\d\d\s*", text):
        return None
    day = _day(int(text), h.group("d"), h.group("m"))
    return Coded("period", text, None, day, day) if day else None


class RowPeriods:
    """The period machinery of a table's row labels, mixed into `rows._Table`: it reads and sets the
    table's row label columns (their sources, texts, label numbers) and numbers labels through it."""

    grid: Any
    reading: Any
    out: Any
    label_cols: list[tuple[int, str]]
    row_sources: list[Source]
    row_distinct: list[list[str]]
    row_texts: list[list[str]]
    row_numbers: list[list[int | None]]
    row_number_sets: list[set[int | None]]
    section_source: Source | None
    chains: list[tuple[int, ...]]
    ancestor_labels: dict[int, tuple[str, str, int]]

    def _label(self, source: Source, text: str, note: str | None, position: int | None,
               where: str | None = None, coded: Any = None) -> int:
        raise NotImplementedError   # the table's own

    def _combine_row_periods(self) -> None:
        """A label column of parts of a year ("Q1", "Apr - Jun") right of a column of years: each row's
        period is the two together; the year stays as 'year', the part under its own name, and a row
        with no part ("Total") keeps the year as its period."""
        grid = self.grid
        for k in range(len(self.row_sources)):
            parts = parts_of_year(self.row_distinct[k])
            if parts is None:
                continue
            j = next((j for j in range(k - 1, -1, -1) if self.row_sources[j].kind == "period"), None)
            if j is None:
                if k == len(self.row_sources) - 1 and self.section_source is not None:
                    self._section_years(k)   # years as section rows over quarter rows
                continue
            year_source, part_source = self.row_sources[j], self.row_sources[k]
            kinds = {p.kind for p in parts.values() if p}
            part_name = kinds.pop() if len(kinds) == 1 else "months"
            year_header = "year" if year_source.header in ("", "period") else year_source.header
            year_src = Source("row", year_header, "year", "year", rank=year_source.rank)
            part_src = Source("row", part_source.header or part_name, part_name, part_name, rank=part_source.rank)
            period_src = Source("row", "period", "period", "period", rank=30)
            position = grid.col_numbers[self.label_cols[k][0]] if grid.col_numbers else self.label_cols[k][0] + 1
            hits = self._row_periods(zip(self.row_texts[j], self.row_texts[k], self.row_numbers[j],
                                         self.row_numbers[k], strict=True), year_src, part_src, period_src, position)
            years = [hit[0] for hit in hits]
            part_numbers = [hit[1] for hit in hits]
            periods = [hit[2] for hit in hits]
            self.row_numbers[j], self.row_numbers[k] = years, part_numbers
            self.row_numbers.append(periods)
            for n in (j, k):
                self.row_number_sets[n] = set(self.row_numbers[n])
            self.row_number_sets.append(set(periods))
            self.out.mapping[part_source.header or part_name] = part_name
            return

    def _section_years(self, k: int) -> None:
        """Quarter rows under year section rows ("2023", then "Q1", "Q2" ...): each row's period is its
        section's year with its part; the section heading is kept as 'year'."""
        assert self.section_source is not None
        years = []
        for ch in self.chains:
            texts = [self.ancestor_labels[p][1] for p in ch if self.ancestor_labels[p][0] == "section"]
            years.append(next((t for t in reversed(texts) if code("period", t).start), ""))
        if not any(years):
            return
        parts = parts_of_year(self.row_distinct[k]) or {}
        kinds = {p.kind for p in parts.values() if p}
        part_name = kinds.pop() if len(kinds) == 1 else "months"
        part_source = self.row_sources[k]
        part_src = Source("row", part_source.header or part_name, part_name, part_name, rank=part_source.rank)
        period_src = Source("row", "period", "period", "period", rank=30)
        c = self.label_cols[k][0]
        position = self.grid.col_numbers[c] if self.grid.col_numbers else c + 1
        rows = zip(years, self.row_texts[k], repeat(None, len(years)), self.row_numbers[k], strict=True)
        hits = self._row_periods(rows, part_src, part_src, period_src, position)
        part_numbers = [hit[1] for hit in hits]
        periods = [hit[2] for hit in hits]
        self.row_numbers[k] = part_numbers
        self.row_number_sets[k] = set(part_numbers)
        self.row_numbers.append(periods)
        self.row_number_sets.append(set(periods))
        # The headings stay with the figures as what was written, no longer their period.
        self.section_source.name = self.section_source.kind = "year"
        if self.section_source.header in ("", "section", "period"):
            self.section_source.header = "year"

    def _row_periods(self, rows: Iterable[tuple[str, str, int | None, int | None]], year_src: Source,
                     part_src: Source, period_src: Source,
                     position: int) -> list[tuple[int | None, int | None, int | None]]:
        """`_row_period` for each row's (year text, part text, year label, part label), once per pair
        of texts: a long table repeats the same few."""
        memo: dict[tuple[str, str], tuple[int | None, int | None, int | None]] = {}
        out = []
        for year_text, part_text, x_year, x_part in rows:
            hit = memo.get((year_text, part_text))
            if hit is None:
                hit = memo[(year_text, part_text)] = self._row_period(year_text, part_text, x_year, x_part,
                                                                      year_src, part_src, period_src, position)
            out.append(hit)
        return out

    def _row_period(self, year_text: str, part_text: str, x_year: int | None, x_part: int | None,
                    year_src: Source, part_src: Source, period_src: Source,
                    position: int) -> tuple[int | None, int | None, int | None]:
        labels = self.reading.book.labels
        year = code("period", year_text) if year_text else None
        part = sub_year(part_text) if part_text else None
        relabel_part = None if x_part is None else self._label(
            part_src, part_text, labels[x_part].note, position, coded=Coded(part_src.kind, part_text,
                                                                            aggregate=labels[x_part].aggregate))
        if year is None or year.start is None or year.end is None:
            return x_year, relabel_part, None
        dates = within_year(part, year.start, year.end) if part is not None else None
        year_label = labels[x_year] if x_year is not None else None
        if dates is None:
            # "Total" for the year: the year's own period, under the same name as the quarters' periods.
            return None, relabel_part, self._label(period_src, year_text, year_label.note if year_label else None,
                                                   year_label.position if year_label else None, coded=year)
        x_year2 = self._label(year_src, year_text, year_label.note if year_label else None,
                              year_label.position if year_label else None,
                              coded=Coded("year", year_text, None, year.start, year.end))
        combined = combine([(1, year_text, None), (0, part_text, None)], {0: part_src.name})
        assert combined is not None
        return x_year2, relabel_part, self._label(period_src, combined[1].label, None, position, coded=combined[1])


def sub_year_levels(levels: list[list[tuple[int, str, str | None]]], depth: int) -> dict[int, str]:
    """Header levels holding parts of a year ("Apr - Jun", "Q1", "April") under a level of years:
    level -> what the parts are ("quarter", "month", "months"). A level qualifies when every column
    with a text there has either a part of a year under a year, or an aggregate ("Total")."""
    found: dict[int, str] = {}
    for level in range(depth - 1):
        kinds: set[str] = set()
        ok = False
        for col in levels:
            here = {k: t for k, t, _n in col}
            text = here.get(level)
            if text is None:
                continue
            part = sub_year(text)
            if part is None:
                if not code("period", text).aggregate:
                    break
                continue
            above = here.get(level + 1)
            year = code("period", above) if above else None
            if year is None or year.start is None or sub_year(above) is not None \
                    or within_year(part, year.start, year.end) is None:  # type: ignore[arg-type]
                break
            kinds.add(part.kind)
            ok = True
        else:
            if ok:
                found[level] = kinds.pop() if len(kinds) == 1 else "months"
    return found


def parts_of_year(texts: list[str]) -> dict[str, Any] | None:
    """The texts of a label column as parts of a year, when they are ("Q1" ... or "Total")."""
    parts = {t: sub_year(t) for t in texts if t}
    if not any(parts.values()) or not all(p or code("period", t).aggregate for t, p in parts.items()):
        return None
    return parts


def combine(levels: list[tuple[int, str, str | None]], sub_years: dict[int, str]) -> tuple[int, Coded, str] | None:
    """(level of the year, the combined period, the part's text) for a column with a part of a year
    under its year ("Apr - Jun" under "2009" -> "Apr - Jun 2009", Apr 1 - Jun 30 2009)."""
    if not sub_years:
        return None
    here = {k: t for k, t, _n in levels}
    for level in sub_years:
        text, above = here.get(level), here.get(level + 1)
        part = sub_year(text) if text else None
        if part is None or above is None:
            continue
        year = code("period", above)
        dates = within_year(part, year.start, year.end) if year.start and year.end else None
        if dates is None:
            continue
        start, end = dates
        if part.quarter is not None:
            label = f"{text} {above}"
        elif start.year == end.year:
            label = f"{text} {start.year}"
        else:
            label = f"{text} {start.year}/{end.year % 100:02d}"
        return level + 1, Coded("period", label, None, start, end), text
    return None
