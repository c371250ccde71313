"""Labels -> known dimensions with codes, dates and units; a label column -> what it holds.

The coding stage of the figures pipeline. Pure, memoised functions, called once per distinct
label (never per cell) by `rows` and by `foi tables`:

- `clean_label`: a label without footnote markers ("Robbery3", "West Midlands4,5", "Under 102"),
  dot leaders, wrapped lines and odd spaces; the markers are kept as notes.
- `code(dimension, label)`: the label as a value of a dimension: period dates, body slug, Home
  Office offence code, outcome type, sex / age group / ethnicity codes, area ONS code, measure,
  unit; marked `aggregate` for totals, "England and Wales", regions, "All ages"...
- `recognise(header, labels)`: which dimension a label column (or a header row) holds, with a
  confidence and the evidence, from its header's words and the share of its labels that are
  values of each dimension. A column foi cannot recognise keeps its header's own name.
- `unit_of(texts)`: the unit a header path or title states (None = a count).
- `context(texts)`: dimensions a title block, sheet name or section heading states for a whole
  table ("year ending March 2021", "During 2023", "Cumbria Constabulary", "Males", "£000s").

Codes by dimension (see `_coding_vocab` and `_coding_bodies` for the lists):
period -> None (start/end dates carry it); body -> registry slug, or for aggregates
"england-and-wales", "england", "wales", "region:<slug>", None for "All forces"; offence -> Home
Office code ("19C"); outcome -> outcome type ("3", "1A"); sex -> "M"/"F"/"U"/"O"; age_group ->
"0-9", "10-17", "21+", "unknown"; ethnicity -> "W", "B2", "IC3", "NS", "BAME"; area -> ONS code
when the label is one; measure -> "count", "rate", "percentage", "change", ...; unit -> the unit.

Importing this module loads no reader library (pdfplumber, calamine, openpyxl).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from typing import Any

from foi.codes import is_outcome_label, looks_like_offence, offence_code, offence_group, outcome_code
from foi.figures._coding_bodies import body_names, find_bodies, match_body
from foi.figures._coding_clean import as_text, clean_text, refine_digits_beside_periods, refine_with_siblings
from foi.figures._coding_vocab import (
    AREA_GENERIC,
    NEUTRAL,
    agg_word,
    header_dimensions,
    match_age,
    match_area,
    match_ethnicity,
    match_measure,
    match_sex,
    match_unit,
    norm,
    unit_in,
)
from foi.periods import parse_period

__all__ = ["KNOWN", "Clean", "Coded", "Recognised", "clean_label", "code", "context", "join_lines", "recognise",
           "unit_of"]

KNOWN = ("period", "body", "offence", "outcome", "sex", "age_group", "ethnicity", "area",
         "measure", "unit")


@dataclass(frozen=True)
class Clean:
    text: str  # label without footnote markers, dot leaders, stray spaces/newlines
    notes: tuple[str, ...] = ()  # markers split off: "Robbery3" -> ("3",); "West Midlands4,5" -> ("4", "5")


@dataclass(frozen=True)
class Coded:
    dimension: str  # a KNOWN name, or the header's own name when not recognised
    label: str  # the clean label as written
    code: str | None = None  # HO offence code, outcome type, body slug, "F"/"M", ...
    start: date | None = None  # periods
    end: date | None = None
    aggregate: bool = False  # "Total", "All ages", "England and Wales", a region, "All forces"
    unit: str | None = None  # a unit the label itself states ("%", "£", "rate per 1,000")


@dataclass(frozen=True)
class Recognised:
    dimension: str  # KNOWN name or the header's own (clean) name; "" with no header at all
    confidence: float  # 0..1
    evidence: str  # "41 of 43 labels are police forces"


# --- clean_label -------------------------------------------------------------------------------


def clean_label(raw: Any, siblings: Sequence[Any] = ()) -> Clean:
    """A label cell -> Clean. `siblings`: the other labels of the same column or header row, to
    tell "Under 102" (note 2) from a real number and "20191" (2019, note 1) from a count."""
    text, notes = clean_text(as_text(raw))
    if siblings and text and text[-1].isdigit():
        sibs = [s if isinstance(s, str) else as_text(s) for s in siblings]
        text, notes = refine_with_siblings(text, notes, sibs)
        text, notes = refine_digits_beside_periods(text, notes, sibs)
    return _clean_obj(text, notes)


def _with_siblings(text: str, siblings: list[str]) -> str:
    found, _notes = refine_with_siblings(text, (), siblings)
    found, _notes = refine_digits_beside_periods(found, (), siblings)
    return found


@lru_cache(maxsize=32768)
def _clean_obj(text: str, notes: tuple[str, ...]) -> Clean:
    return Clean(text, notes)


# --- code ----------------------------------------------------------------------------------------

_UNIT_SUFFIX = re.compile(r"\s*\((?P<u>[^()]{1,20})\)$")
_TOTAL = re.compile(r"(?:grand |sub ?)?totals?\b")


def code(dimension: str, label: Any) -> Coded:
    """`label` as a value of `dimension`. An unknown label keeps code None; never raises."""
    text, _notes = clean_text(as_text(label))
    return _code(dimension, text)


@lru_cache(maxsize=65536)
def _code(dimension: str, text: str) -> Coded:
    found = _match(dimension, text, True)
    if found is not None:
        return found
    key = norm(text)
    return Coded(dimension, text, aggregate=agg_word(key) or bool(_TOTAL.match(key)), unit=_label_unit(text))


def _label_unit(text: str) -> str | None:
    m = _UNIT_SUFFIX.search(text)
    if m is None:
        return None
    return unit_in(f"({m.group('u')})")


@lru_cache(maxsize=65536)
def _match(dimension: str, text: str, fuzzy: bool) -> Coded | None:
    """The label as a value of the dimension, or None when it is not one."""
    if not text:
        return None
    key = norm(text)
    if dimension == "period":
        return _match_period(text, key)
    if dimension == "body":
        m = match_body(text, fuzzy)
        if m is None:
            return None
        return Coded("body", text, m.code, aggregate=m.aggregate)
    if dimension == "offence":
        c = offence_code(text, fuzzy=fuzzy)
        if c is not None:
            return Coded("offence", text, c)
        group = offence_group(text)
        if group == "Total" or agg_word(key) or key in ("all offences", "all crime", "total crime"):
            return Coded("offence", text, aggregate=True)
        if group is not None or looks_like_offence(text):
            # An offence group ("Violence with injury") or an offence's own wording ("Affray").
            return Coded("offence", text)
        return None
    if dimension == "outcome":
        c = outcome_code(text, fuzzy=fuzzy)
        if c is not None:
            return Coded("outcome", text, c)
        if agg_word(key) or key in ("all outcomes", "total outcomes", "all outcome types"):
            return Coded("outcome", text, aggregate=True)
        if is_outcome_label(text):
            return Coded("outcome", text)
        return None
    matcher = _VOCAB.get(dimension)
    if matcher is None:
        return None
    r = matcher(key, text)
    if r is None:
        if _TOTAL.match(key) and dimension != "measure":
            # "Total fatalities", "Totals": the column's total, whatever it counts.
            return Coded(dimension, text, aggregate=True)
        return None
    c, agg = r
    unit = c if dimension == "unit" else (unit_in(text) if dimension == "measure" else _label_unit(text))
    if dimension == "unit" and c == "count":
        unit = None
    return Coded(dimension, text, c, aggregate=agg, unit=unit)


_MONTH_NAMES = {name: i for i, name in enumerate(
    ("", "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
     "november", "december")) if name}
_MONTH_NAMES.update({name[:3]: i for name, i in list(_MONTH_NAMES.items())})
_MONTH_NAMES["sept"] = 9


def _match_period(text: str, key: str) -> Coded | None:
    p = parse_period(text)
    if p is not None:
        return Coded("period", text, start=p.start, end=p.end, unit=_label_unit(text))
    month = _MONTH_NAMES.get(key)
    if month is not None:
        # A month with its year elsewhere (a year column filled down, the title): no dates yet;
        # the code is the month number, "01".."12".
        return Coded("period", text, f"{month:02d}")
    if agg_word(key) or key in ("all years", "all periods", "all months", "total all years", "all quarters"):
        return Coded("period", text, aggregate=True)
    return None


_VOCAB = {
    "sex": match_sex,
    "age_group": lambda key, text: match_age(text),
    "ethnicity": match_ethnicity,
    "area": lambda key, text: match_area(key),
    "measure": match_measure,
    "unit": match_unit,
}


# --- recognise -------------------------------------------------------------------------------

_DESCRIBE = {
    "period": "periods", "body": "police forces, countries or regions", "offence": "offences",
    "outcome": "outcomes", "sex": "sexes", "age_group": "age groups", "ethnicity": "ethnic groups",
    "area": "areas", "measure": "measures", "unit": "units",
}
# Dimensions whose values no list holds (any place name can be a district): the header decides.
_OPEN = frozenset({"area", "measure"})
# Distinct labels looked at per column: enough to tell the dimension, cheap on long columns
# (evenly spread, so a sorted column's ends are both seen).
_SAMPLE = 80
_YEAR = re.compile(r"(?:19[9]\d|20\d\d|2100)$")
_PLAIN_NUMBER = re.compile(r"\d{1,3}$")


@lru_cache(maxsize=65536)
def _label_dims(text: str) -> tuple[frozenset[str], str]:
    """(dimensions the label is a value of, kind) with kind "neutral", "year", "number", "text"."""
    key = norm(text)
    if not key or key in NEUTRAL or _TOTAL.match(key) and not match_body(text, False):
        return frozenset(), "neutral"
    if _YEAR.fullmatch(text):
        return frozenset({"period"}), "year"
    if _PLAIN_NUMBER.fullmatch(text):
        return frozenset(), "number"
    dims = {d for d in KNOWN if _match(d, text, False) is not None}
    # An outcome that mentions an offence ("Alternate offence charged") is an outcome: a label
    # counts as an offence by its words alone only when nothing else fits.
    if "offence" in dims and len(dims) > 1 and offence_group(text) is None and \
            offence_code(text, fuzzy=False) is None and not agg_word(key):
        dims.discard("offence")
    if "age_group" in dims and match_age(text, explicit_only=True) is None:
        dims.discard("age_group")
    return frozenset(dims), "text"


def recognise(header: str | None, labels: Sequence[Any]) -> Recognised:
    """What a label column (its header and labels) or a header row (header None) holds."""
    head_text = clean_text(as_text(header))[0] if header is not None else ""
    distinct = list(dict.fromkeys(as_text(x) for x in labels))
    distinct = [t for t in distinct if t.strip()]
    total = len(distinct)
    if total > _SAMPLE:
        step = total / _SAMPLE
        distinct = [distinct[int(i * step)] for i in range(_SAMPLE)]
    return _recognise(head_text, tuple(distinct), total)


@lru_cache(maxsize=4096)
def _recognise(head_text: str, raw_labels: tuple[str, ...], total: int = 0) -> Recognised:
    head_key = norm(head_text)
    named = header_dimensions(head_key) if head_key else ()
    texts = [clean_text(t)[0] for t in raw_labels]
    if any(t[-1:].isdigit() for t in texts):
        texts = [_with_siblings(t, texts) if t[-1:].isdigit() else t for t in texts]
    counts: dict[str, int] = {}
    informative = 0
    numbers: list[str] = []
    explicit_ages = 0
    for t in dict.fromkeys(texts):
        dims, kind = _label_dims(t)
        if kind == "neutral":
            continue
        informative += 1
        if kind == "number":
            numbers.append(t)
            continue
        for d in dims:
            counts[d] = counts.get(d, 0) + 1
        if "age_group" in dims:
            explicit_ages += 1
    # Bare numbers: ages beside age bands, codes under a header naming them, else nothing.
    if numbers:
        if explicit_ages or "age_group" in named:
            counts["age_group"] = counts.get("age_group", 0) + len(numbers)
        for d in ("offence", "outcome"):
            if d in named:
                counts[d] = counts.get(d, 0) + sum(1 for n in numbers if _match(d, n, False) is not None)
    own = _own_name(head_text)
    if informative == 0:
        open_named = [d for d in named]
        if open_named:
            d = open_named[0]
            return Recognised(d, 0.6, f"header {head_text!r} names {_DESCRIBE[d]}; labels are all totals "
                                      "or unknowns")
        return Recognised(own, 0.0, "no labels but totals or unknowns")
    best: tuple[float, int, str] | None = None
    for d in KNOWN:
        hits = counts.get(d, 0)
        share = hits / informative
        in_header = d in named
        if d in _OPEN and in_header:
            # "Area" alone says place without saying which kind: force names under it are forces.
            share = max(share, 0.5 if d == "area" and _generic_area(head_key) else 0.75)
        if not (share >= 0.5 or in_header and share >= 0.25):
            continue
        score = share + (0.3 if in_header else 0.0)
        rank = (score, -KNOWN.index(d))
        if best is None or rank > best[:2]:
            best = (score, -KNOWN.index(d), d)
    # Under a header naming districts or councils ("Criminal justice system area", "Local authority"),
    # a few names shared with forces ("Durham" the county) are those places; mostly force names are
    # the forces, whatever the header calls them (an area is a place inside a force).
    if best is not None and best[2] in ("body", "area") and "area" in named and counts.get("body"):
        forces = sum(1 for t in dict.fromkeys(texts) if _is_force(t))
        if forces >= FORCES_SHARE * informative:
            best = (counts["body"] / informative, 0, "body")
        elif best[2] == "body" and not _generic_area(head_key):
            best = (best[0], 0, "area")
    if best is None:
        top = max(counts.items(), key=lambda kv: kv[1], default=None)
        detail = f"; {top[1]} of {informative} labels are {_DESCRIBE.get(top[0], top[0])}" if top else ""
        return Recognised(own, 0.0, f"no known dimension{detail}")
    d = best[2]
    hits = counts.get(d, 0)
    share = hits / informative
    in_header = d in named
    if d in _OPEN and in_header and hits == 0:
        conf = 0.7
        evidence = f"header {head_text!r} names {_DESCRIBE[d]}"
    else:
        conf = share if not in_header else 0.5 + 0.5 * share
        sampled = f" (sampled from {total})" if total > len(raw_labels) else ""
        evidence = f"{hits} of {informative} labels{sampled} are {_DESCRIBE[d]}"
        if in_header:
            evidence += f"; header {head_text!r} agrees"
        if d == "ethnicity":
            evidence += _ethnicity_kind(head_key, texts)
    if informative < 3:
        conf *= 0.8
    return Recognised(d, round(min(conf, 1.0), 3), evidence)


_OFFICER = re.compile(r"\b(?:officer|perceived|visual|observed|appearance|police)\b")
_SELF = re.compile(r"\b(?:self|self defined|stated|declared)\b")


def _ethnicity_kind(head_key: str, texts: list[str]) -> str:
    """Self-defined (the 16+1 / 18+1 census categories) or officer-defined (identity codes)."""
    if _OFFICER.search(head_key):
        return " (officer-defined, by the header)"
    if _SELF.search(head_key):
        return " (self-defined, by the header)"
    codes = [c for c in (_code("ethnicity", t).code for t in texts) if c]
    if codes and sum(c.startswith("IC") for c in codes) * 2 > len(codes):
        return " (officer-defined identity codes)"
    if any(len(c) == 2 and c[1].isdigit() for c in codes):
        return " (self-defined census categories)"
    return ""


# Share of a column's labels that must be police forces for it to hold forces under an area header.
FORCES_SHARE = 0.6


def _is_force(text: str) -> bool:
    found = match_body(text, False)
    return found is not None and found.kind == "force"


def _generic_area(head_key: str) -> bool:
    return head_key in AREA_GENERIC


_SPLIT_HEADER = re.compile(r"\s+/\s+|\s+by\s+|\s*\\\s*")


def _own_name(head_text: str) -> str:
    """'Hospital Name / Financial Year' -> 'Hospital Name' (the part naming the rows)."""
    if not head_text:
        return ""
    parts = _SPLIT_HEADER.split(head_text)
    return parts[0].strip() or head_text


# --- unit_of ---------------------------------------------------------------------------------

_COUNT_WORDS = re.compile(r"^(?:numbers?|counts?|no\.?|headcount|frequency|volume|total number|n)$")
_MIXED = re.compile(r"\bnumbers?\b.*\b(?:and|&)\b.*(?:%|per ?cent|percentages?|rates?|proportions?)|"
                    r"(?:%|per ?cent|percentages?|rates?|proportions?).*\b(?:and|&)\b.*\bnumbers?\b")


def unit_of(texts: Sequence[Any]) -> str | None:
    """The unit stated by a column's header path or a table's title (innermost text wins);
    None for counts. "Numbers and percentages" states no one unit and is passed over."""
    for raw in reversed(list(texts)):
        text = clean_text(as_text(raw))[0]
        if not text:
            continue
        stated = _unit_statement(text)
        if stated == "":
            continue
        return None if stated == "count" else stated
    return None


@lru_cache(maxsize=16384)
def _unit_statement(text: str) -> str:
    """"count", a unit, or "" when the text states no unit."""
    low = text.lower().strip()
    if _COUNT_WORDS.fullmatch(low.rstrip(":")):
        return "count"
    if _MIXED.search(low):
        return ""
    u = unit_in(text)
    if u is not None:
        return u
    key = norm(text)
    m = match_measure(key, text)
    if m is not None and m[0] in ("count", "headcount") and len(key.split()) <= 6:
        return "count"
    return ""


# --- context ---------------------------------------------------------------------------------

_MON = r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|" \
       r"oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
_DAY = r"\d{1,2}(?:st|nd|rd|th)?"
_DATE = rf"(?:{_DAY}\s+{_MON},?\s+\d{{4}}|\d{{1,2}}/\d{{1,2}}/\d{{2,4}}|\d{{4}}-\d{{2}}-\d{{2}})"
_MONTH_YEAR = rf"(?:{_MON}[\s\-']+(?:\d{{4}}|\d{{2}}))"
_FYEAR = r"(?:(?:fy|financial\s+year)\s*)?\d{4}\s*[/\-–]\s*(?:\d{4}|\d{2})(?!\d)"
_QUARTER = r"(?:q[1-4]|quarter\s+[1-4])\s+\d{4}(?:\s*[/\-]\s*\d{2})?"
_ONE = rf"(?:{_DATE}|{_QUARTER}|{_FYEAR}|{_MONTH_YEAR}|\d{{4}})"
_PERIOD_TEXT = re.compile(
    rf"(?:(?:year|12\s+months|twelve\s+months|financial\s+year|fye?|quarter|3\s+months|six\s+months|6\s+months)"
    rf"\s+(?:ending|ended|to)\s+(?:{_DATE}|{_MONTH_YEAR}|\d{{4}})"
    rf"|(?:from\s+|between\s+)?{_ONE}\s*(?:to|until|-|–|and|through)\s*{_ONE}"
    rf"|{_MON}\s*(?:-|–|to)\s*{_MON}\s+\d{{4}}"
    rf"|(?:calendar\s+year|during|in|for|year)\s+\d{{4}}(?!\s*[/\-]\d)"
    rf"|{_DATE}|{_QUARTER}|{_FYEAR}|{_MONTH_YEAR}|(?<![\d.,/])\d{{4}}(?![\d/])"
    rf")",
    re.IGNORECASE,
)
# Footnote digits glued to a period inside a title: "2018/191", "30 September 20191".
_GLUED_IN_TEXT = re.compile(r"(\d{4}\s*/\s*\d{2})\d(?:\s*,\s*\d)*\b|((?:" + _MON + r")\s+\d{4})\d\b",
                            re.IGNORECASE)
_AREA_PHRASE = re.compile(
    r"\b(?P<name>(?:[A-Z][\w'&\-]*\s+){1,4}(?:BCU|LPA|Division|District|Borough|Command Unit|"
    r"Local Policing Area|Policing Area|Basic Command Unit))\b"
)
_CONTEXT_DIMS = ("period", "body", "sex", "age_group", "ethnicity", "offence", "outcome", "area", "measure")


def context(texts: Sequence[Any]) -> dict[str, Coded]:
    """Dimensions stated once for a whole table by its title lines, sheet name or section headings
    (given outermost first; a later text overrides an earlier one on the same dimension): period,
    body, area, unit, the offence or offence group a title names ("Notifiable offences of violence
    against the person recorded ..."), what it counts ("Number of INCIDENTS by ...": a measure), and
    sex / age group / ethnicity / outcome when a heading is exactly one such value ("Males").
    A sentence wrapped over several lines is read as one (`join_lines`)."""
    found: dict[str, Coded] = {}
    for text in join_lines(texts):
        found.update(_context_of(text))
    return found


# A line that does not end a sentence: the next line goes on with it.
_GOES_ON = re.compile(r"(?:[-,/&(]|\b(?:and|or|of|for|the|in|to|by|with|from|per|on|at|as|a|an|into|"
                      r"excluding|including|between|during|against|under|over|than|where|which|who|that))$",
                      re.IGNORECASE)


def join_lines(lines: Sequence[Any]) -> list[str]:
    """Title lines with a sentence wrapped over several of them joined into one ("Notifiable offences
    recorded by the" + "police per 100,000 population"): a line goes on with the next when it ends
    with a word that cannot end a sentence, or the next starts in lower case. Cleaned of footnote
    markers and odd spaces; empty lines dropped."""
    out: list[str] = []
    for raw in lines:
        text = clean_text(as_text(raw))[0]
        if not text:
            continue
        if out and not out[-1].endswith((".", ":", ";")) and (_GOES_ON.search(out[-1]) or text[:1].islower()):
            out[-1] = f"{out[-1]} {text}"
        else:
            out.append(text)
    return out


# Dates that are not the data's period: when the table was published or the request answered.
_NOT_DATA_DATE = re.compile(r"^\s*(?:publication date|published|date of publication|date published|last updated|"
                            r"updated|next update|release date|released|date responded|date of response|"
                            r"date of request|request date|response date|version date|date created|created|"
                            r"review date|date)\b", re.IGNORECASE)


def _whole_value(d: str, text: str) -> bool:
    """Is the whole text one listed value of the dimension (not merely a text using its words)?"""
    if _match(d, text, False) is None:
        return False
    if d == "offence":
        return bool(offence_code(text, fuzzy=False) or offence_group(text))
    if d == "outcome":
        return is_outcome_label(text, by_words=False)
    return True


@lru_cache(maxsize=8192)
def _context_of(text: str) -> dict[str, Coded]:
    out: dict[str, Coded] = {}
    # A heading that is one value: "Males", "2019/20", "Cumbria", "Violence against the person".
    whole = [d for d in _CONTEXT_DIMS if d != "measure" and _whole_value(d, text)]
    key = norm(text)
    if whole and not agg_word(key) and key not in NEUTRAL:
        d = whole[0]
        out[d] = _code(d, text)
        unit = _unit_statement(text)
        if unit not in ("", "count"):
            out["unit"] = Coded("unit", text, unit, unit=unit)
        return out
    period = None if _NOT_DATA_DATE.match(text) else _period_in(text)
    if period is not None:
        out["period"] = period
    bodies = find_bodies(text)
    forces = [b for b in bodies if b.kind == "force"]
    if len(forces) == 1:
        out["body"] = Coded("body", _body_label(forces[0].code), forces[0].code)
    elif not forces and len(bodies) == 1:
        b = bodies[0]
        out["body"] = Coded("body", _body_label(b.code), b.code, aggregate=True)
    m = _AREA_PHRASE.search(text)
    if m is not None:
        out["area"] = Coded("area", m.group("name"))
    offence = _offence_in(text)
    if offence is not None:
        out["offence"] = offence
    counted = _counted_in(text)
    if counted is not None:
        out["measure"] = counted
    unit = _unit_statement(text)
    if unit not in ("", "count"):
        out["unit"] = Coded("unit", text, unit, unit=unit)
    return out


_WORD = re.compile(r"[A-Za-z][\w'’-]*")
# "offences of", "crimes of" before an offence group: part of how the title names it.
_LEAD_IN = re.compile(r"(?:offences|offence|crimes|crime)\s+of\s+(?:the\s+)?$", re.IGNORECASE)
_LONGEST = 7   # words in the longest offence name looked for in a title
# Words that name an offence group only with "crime" or "offences" after them.
_MODIFIERS = frozenset({"knife", "sexual", "violent", "drug", "weapon", "weapons", "cyber", "online", "hate",
                        "vehicle", "motoring", "firearm", "firearms", "public", "domestic", "other", "summary",
                        "indictable", "notifiable", "violence"})
# Groups that say how offences are dealt with or counted, not which: any named offence is the one.
_GENERIC_GROUPS = frozenset({"Notifiable offences", "Indictable offences", "Summary offences", "Total"})


# A lower-case word right after: the word before it qualifies it ("total searches", "total number").
_ADJECTIVE_AFTER = re.compile(r"\s+[a-z]")


def _offence_in(text: str) -> Coded | None:
    """The offence or offence group a sentence names ("... offences of violence against the person
    recorded by the police ..."): the longest run of words that is one, as written. A run of one
    word counts only when it is the group's whole name ("Robbery", not "Other" of "Other crime")."""
    words = list(_WORD.finditer(text))
    generic: Coded | None = None
    taken: list[tuple[int, int]] = []
    for n in range(min(_LONGEST, len(words)), 0, -1):
        for i in range(len(words) - n + 1):
            start, end = words[i].start(), words[i + n - 1].end()
            if any(a < end and start < b for a, b in taken):
                continue
            phrase = text[start:end]
            coded = _offence_phrase(phrase, n)
            if coded is None:
                continue
            if n == 1 and coded.aggregate and _ADJECTIVE_AFTER.match(text, end):
                continue   # "total" qualifying a noun ("arrests following total searches"): no offence
            taken.append((start, end))
            lead = _LEAD_IN.search(text[:start])
            found = Coded("offence", text[lead.start():end] if lead is not None else phrase, coded.code,
                          aggregate=coded.aggregate)
            if not (coded.aggregate or offence_group(phrase) in _GENERIC_GROUPS):
                return found
            generic = generic or found
    # "Notifiable offences" alone: all of them, said in words (an offence named as well wins).
    return generic


@lru_cache(maxsize=65536)
def _offence_phrase(phrase: str, n: int) -> Coded | None:
    code_ = offence_code(phrase, fuzzy=False) if n >= 2 else None
    if code_ is not None:
        return Coded("offence", phrase, code_)
    group = offence_group(phrase)
    if group is None or not looks_like_offence(phrase) and norm(group) != norm(phrase):
        return None
    if n == 1 and phrase.lower() in _MODIFIERS:
        return None   # "Knife" of "Knife crime", "Drug" of "Drug offences" alone name no offence
    return Coded("offence", phrase, aggregate=group == "Total")


# "Number of INCIDENTS by appropriate authority", "Numbers of offenders cautioned": what is counted.
_COUNT_OF = re.compile(
    r"\bnumbers?\s+of\s+(?P<what>[A-Za-z][\w'’-]*(?:\s+[A-Za-z][\w'’-]*){0,3}?)"
    r"(?=\s*(?:$|[,:;()\[]|\s(?:by|in|per|for|from|at|on|to|during|between|where|who|which|that|and|or|as|"
    r"within|under|over|aged|recorded|reported|resulting|receiving|compared)\b))",
    re.IGNORECASE,
)


def _counted_in(text: str) -> Coded | None:
    m = _COUNT_OF.search(text)
    if m is None:
        return None
    what = m.group("what")
    found = match_measure(norm(what), what)
    return Coded("measure", what, found[0] if found else "count")


def _body_label(code_: str | None) -> str:
    """The registry's name for a force; a readable name for an aggregate code."""
    if code_ is None:
        return "All forces"
    name = body_names().get(code_)
    if name is not None:
        return name
    return code_.removeprefix("region:").replace("-", " ").title().replace(" And ", " and ").replace(" Of ", " of ") \
        .replace(" The ", " the ")


def _period_in(text: str) -> Coded | None:
    s = _GLUED_IN_TEXT.sub(lambda m: m.group(1) or m.group(2), text)
    spans: list[tuple[date, date, str]] = []
    for m in _PERIOD_TEXT.finditer(s):
        piece = m.group(0).strip()
        if re.fullmatch(r"\d{4}", piece) and not _bare_year_ok(s, m.start(), m.end()):
            continue
        if re.search(r"\band\b", piece, re.IGNORECASE):
            # "2017/18 and 2018/19" names two periods (the columns'), not one span.
            halves = re.split(r"\s+and\s+", piece, flags=re.IGNORECASE)
            if not piece.lower().startswith("between"):
                for h in halves:
                    p = parse_period(h)
                    if p is not None:
                        spans.append((p.start, p.end, h))
                continue
        p = parse_period(piece)
        if p is not None:
            spans.append((p.start, p.end, piece))
    distinct = {(a, b) for a, b, _l in spans}
    if len(distinct) != 1:
        return None
    start, end, label = spans[0]
    return Coded("period", label, start=start, end=end)


def _bare_year_ok(s: str, start: int, end: int) -> bool:
    """A four-digit number alone in a title is a year only where titles put years: the whole
    text, or after a comma at the end ("..., 2019")."""
    if s.strip() == s[start:end]:
        return True
    before = s[:start].rstrip()
    after = s[end:].strip()
    return before.endswith(",") and not after or (not after and len(before) < 40)
