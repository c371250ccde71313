"""Header labels of the rows stage: each value column's header path, the levels of the header
block named once, what the title or sheet states, and one dimension name per source."""

from __future__ import annotations

import re
from typing import Any

from foi.figures._observed import TableFigures
from foi.figures._rows_periods import sub_year_levels
from foi.figures._rows_rules import CODED, KNOWN_KINDS, LIKELY, SURE, Source, a_count, codes_as, column_letter
from foi.figures.coding import Coded, code, context, join_lines, recognise, unit_of
from foi.figures.layout import TableLayout


class HeaderLabels:
    """The header part of `rows._Table`: sets `col_paths`, `levels`, `level_sources`, `text_sources`,
    `captions`, `unheaded`, `sub_years`, `context`, and names every source's dimension apart."""

    grid: Any
    out: TableFigures
    reading: Any
    row_sources: list[Source]
    section_source: Source | None
    t: TableLayout
    value_cols: list[Any]

    def _header_labels(self) -> None:
        """Per value column, its header path as labels; each level of the header block named once."""
        clean = self.reading.clean
        paths: list[list[tuple[str, str | None]]] = []
        for col in self.value_cols:
            path = [clean(h) for h in col.header]
            kept = [(text, note) for text, note in path if text]
            paths.append(kept)
        self.col_paths = paths
        self.unheaded: dict[int, str] = {}   # value column index -> the label naming it by its letter
        if len(paths) > 1:
            seen: dict[tuple[str, ...], list[int]] = {}
            for i, path in enumerate(paths):
                seen.setdefault(tuple(text for text, _note in path), []).append(i)
            alike = [group for group in seen.values() if len(group) > 1]
            if alike:
                # Headers that don't tell columns apart: each figure still gets a label that locates it
                # (its column's letter), and the file is flagged.
                for group in alike:
                    for i in group:
                        self.unheaded[i] = f"column {column_letter(self.grid, self.value_cols[i].col)}"
                letters = list(self.unheaded.values())
                self.out.doubts.append(f"{self.grid.name}: {', '.join(letters[:6])}{' ...' if len(letters) > 6 else ''}"
                                       f" can't be told apart by their headers; their figures are labelled by "
                                       f"column letter: map or ignore them by header")
        # Levels counted from the bottom: the lowest header is the most specific, and a header that spans
        # the whole header block ("Total") belongs with the lowest row, not the top one.
        depth = max((len(p) for p in paths), default=0)
        self.levels: list[list[tuple[int, str, str | None]]] = []   # per value column: (level, text, note)
        for path in paths:
            self.levels.append([(len(path) - 1 - j, text, note) for j, (text, note) in enumerate(path)])
        self.level_sources: list[Source] = []
        self.text_sources: dict[tuple[int, str], Source] = {}
        self.sub_years = sub_year_levels(self.levels, depth)
        for level in range(depth):
            texts = list(dict.fromkeys(t for col in self.levels for k, t, _n in col if k == level))
            mapped = {self.reading.mapper.get(t) for t in texts} - {None, "ignore", "value"}
            forced = mapped.pop() if len(mapped) == 1 else None
            if level in self.sub_years and not forced:
                # "Apr - Jun" under "2009": a part of the year above, named for what it is; the figure's
                # period is the two together (see _number_labels).
                name = self.sub_years[level]
                self.level_sources.append(Source("column", name, name, name, 1.0, "", rank=9 - level))
                self.out.mapping.update(dict.fromkeys(texts, name))
                continue
            words = [t for t in texts if self.reading.is_value_word(t)]
            if not forced and words and len(words) == len(texts):
                forced = "measure"
                self.out.mapping.update(dict.fromkeys(texts, "measure"))
            source = self._source("column", "", texts, forced, rank=9 - level) if forced \
                else self._header_source(level, texts, depth)
            self.level_sources.append(source)
            if source.kind in CODED and not forced:
                # A header row of years with "number" and "%" among them: those are not years.
                for text in texts:
                    measure = self.reading.is_value_word(text) or bool(unit_of([text]))
                    if not measure and source.kind not in ("period", "body"):
                        continue  # "Burglary" has no one offence code, and is an offence all the same
                    coded = code(source.kind, text)
                    if measure or not (coded.code or coded.start or coded.aggregate):
                        name = "measure" if measure else "column"
                        same = next((s for (k, _t), s in self.text_sources.items() if k == level and s.name == name),
                                    None)
                        self.text_sources[(level, text)] = same or Source("column", name, name, name, 0.0, "",
                                                                           9 - level)
                        self.out.mapping[text] = name
            rest = [t for t in texts if (level, t) not in self.text_sources]
            if not forced and source.kind in KNOWN_KINDS and 0 < source.confidence < SURE and not (
                    source.kind in CODED and all(codes_as(source.kind, t) for t in rest)):
                self.out.doubts.append(f"{self.grid.name}: headers {', '.join(rest[:3])} taken as "
                                       f"{source.kind} (confidence {source.confidence:.2f})")
        for level in range(depth):
            texts = {t for col in self.levels for k, t, _n in col if k == level}
            if texts and all(a_count(t) for t in texts):
                # Headers that are counts, not years or names: probably a row of figures read as a header.
                self.out.doubts.append(f"{self.grid.name}: headers {', '.join(sorted(texts)[:3])} are numbers, "
                                       f"not names: a row of figures taken for a header?")
        # A caption that names the header row below it ("Financial year" over the years): the name of a
        # dimension, not one of its values, so not a label.
        self.captions: set[int] = set()
        for level in range(1, depth):
            texts = {t for col in self.levels for k, t, _n in col if k == level and any(k2 == level - 1 for k2, _t, _n2
                                                                                         in col)}
            below = self.level_sources[level - 1]
            if len(texts) == 1 and level - 1 not in self.sub_years:
                caption = texts.pop()
                if below.name == caption or (below.confidence > 0 and recognise(caption, []).dimension == below.kind):
                    self.captions.add(level)

    def _header_source(self, level: int, texts: list[str], depth: int) -> Source:
        found = recognise(None, texts)
        if found.confidence >= LIKELY and found.dimension in KNOWN_KINDS:
            source = Source("column", found.dimension, found.dimension, found.dimension, found.confidence,
                             found.evidence, rank=9 - level)
        else:
            above = {t for col in self.levels for k, t, _n in col if k == level + 1
                     and any(k2 == level for k2, _t, _n2 in col)}
            if len(above) == 1 and len(texts) >= 2:
                name = above.pop()      # a caption over the headers it names ("Age" over "Under 10", ...)
            elif len(texts) == 1 or level == 0:
                # Headers directly over the figures that name no known dimension say what each
                # column counts ("Officers leaving within 1 year", "Percentage change"): measures.
                name = "measure"
            else:
                name = f"column group{'' if level == 1 else f' {level}'}"
            source = Source("column", name, name, name, 0.0, "", rank=9 - level)
        for text in texts:
            self.out.mapping.setdefault(text, source.name)
        return source

    # ------------------------------------------------------------------ title and sheet
    def _context(self) -> None:
        """Dimensions the title lines or the sheet name state, for figures that have no such label."""
        self.context: list[tuple[Source, str, Any]] = []
        lines = join_lines(self.t.title)   # a sentence wrapped over several lines read as one
        found = context(lines)
        for corner in getattr(self, "corner_context", ()):
            # A corner naming the force the table is about: stated like a title line.
            for dim, coded in context([corner]).items():
                found.setdefault(dim, coded)
            lines = [*lines, corner]
        where = "title"
        sheet = getattr(self.grid, "sheet", None)
        if sheet:
            for dim, coded in context([sheet]).items():
                found.setdefault(dim, coded)
        stated = None if "period" in found else self._header_period()
        if stated is not None:
            found["period"] = stated
        for dim, coded in found.items():
            if dim == "unit":
                continue
            where = "title" if any(coded.label in line for line in lines) else "sheet"
            header = where
            if coded is stated:
                where, header = "column", "header"
            self.context.append((Source(where, header, dim, dim, 1.0, "", rank=0), coded.label, coded))
        # The table's own caption ("Table 1.7 Number of INCIDENTS by appropriate authority ..."): which of
        # a sheet's tables a figure is in, and often what it counts.
        captions = [line for line in lines if any(ch.isalpha() for ch in line) and len(line) <= 250]
        caption = _ENUMERATOR.sub("", captions[-1]) if captions else None
        if len(captions) > 1 and _only_context(captions[-1]):
            # "England and Wales 1989" under the sentence that says what the table is: both.
            caption = f"{captions[-2]}, {captions[-1]}"
        # A title that only says where or when ("England and Wales") is that context, not a caption too.
        self.caption_states = _states_only(caption) if caption else frozenset()
        if caption:
            self.context.append((Source("title", "table", "table", "table", 1.0, "", rank=0), caption,
                                 Coded("table", caption)))

    def _header_period(self) -> Coded | None:
        """One period stated inside the header block ("Offences per officer in 12 months to March 1992"
        beside "Percentage change from previous 12 months"): the table's period, for every column.
        Headers that are periods themselves ("2019/20") are columns' own labels, not this."""
        spans: dict[tuple[Any, Any], Coded] = {}
        for path in self.col_paths:
            for text, _note in path:
                if codes_as("period", text):
                    return None   # a column of its own period: the period is a dimension across columns
                found = context([text]).get("period")
                if found is not None:
                    spans.setdefault((found.start, found.end), found)
        return next(iter(spans.values())) if len(spans) == 1 else None

    # ------------------------------------------------------------------ naming
    def _name_dimensions(self) -> None:
        """One dimension name per source: two sources claiming one (an "Offence group" column beside
        "Offence") -> the more specific keeps it, the other is named after its header."""
        sources = [*self.row_sources, *(s for n, s in enumerate(self.level_sources) if n not in self.captions),
                   *{id(s): s for s in self.text_sources.values()}.values()]
        if self.section_source is not None:
            sources.append(self.section_source)
        present = {s.name for s in sources}
        self.context = [c for c in self.context if c[0].name not in present and c[0].kind not in
                        {s.kind for s in sources}]
        kept = {c[0].kind for c in self.context if c[0].where == "title"}
        if self.caption_states and self.caption_states <= kept:
            # Stored once, as the body/period it names; kept as the caption when rows carry their own.
            self.context = [c for c in self.context if c[0].name != "table"]
        by_name: dict[str, list[Source]] = {}
        for s in sources:
            by_name.setdefault(s.name, []).append(s)
        for name, claim in by_name.items():
            if len(claim) < 2:
                continue
            claim.sort(key=lambda s: -s.rank)
            for n, s in enumerate(claim[1:], 2):
                s.name = s.header if s.header and s.header not in present else f"{name} {n}"
                if s.header in ("", name):
                    s.header = s.name  # labels by header must tell them apart too
                present.add(s.name)


_CONTEXT_DIMS = frozenset(("period", "body", "area"))
# "(a) Number of recruits", "(ii) Retired": the part of a question a sub-table answers, which names
# the table no better than its words do.
_ENUMERATOR = re.compile(r"^\(\s*(?:[a-z]|[ivx]{1,4})\s*\)\s+(?=\S*[A-Za-z])")


def _states_only(line: str) -> frozenset[str]:
    """The dimensions a title line states when it states nothing else ("England and Wales", "2019/20",
    "Kent, 2021"); empty when it says more."""
    found = context([line])
    rest = line.casefold()
    for coded in found.values():
        rest = rest.replace(coded.label.casefold(), " ")
    return frozenset(found) if found and not re.search(r"\w", rest) else frozenset()


def _only_context(line: str) -> bool:
    """A short title line that only says when and where ("England and Wales 1989", "2019/20")."""
    found = context([line])
    return len(line.split()) <= 6 and bool(found) and set(found) <= _CONTEXT_DIMS

