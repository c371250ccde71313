"""Vocabularies of the dimensions police tables use: sex, age group, ethnicity, area, measure, unit.

Each `match_*` takes a clean label and returns (code, aggregate) when the label is a value of that
dimension, or None. Codes:
- sex: "M", "F", "U" (not stated / unknown), "O" (other, non-binary, indeterminate);
- age_group: "LO-HI", "LO+", a single age "15", or "unknown" ("Under 10" -> "0-9", "21 and over"
  -> "21+", "Over 65" -> "65+": tables use "over" loosely for "and over");
- ethnicity: ONS 5+1 group letters "W", "M", "A", "B", "O", the 16+1 (and 18+1) codes "W1".."O9",
  officer-defined "IC1".."IC6", "NS" for not stated, "BAME" (an aggregate);
- area: the ONS code when the label is one (E06.., E07.., E08.., E09.., W06.., E05.. wards), else None;
- measure: "count", "rate", "percentage", "proportion", "change", "percentage-change", "average",
  "amount", "fte", "headcount";
- unit: see `unit_in`.
"""

from __future__ import annotations

import re
from functools import lru_cache

__all__ = ["AGGREGATE_WORDS", "AREA_GENERIC", "NEUTRAL", "agg_word", "header_dimensions", "match_age", "match_area",
           "match_ethnicity", "match_measure", "match_sex", "match_unit", "norm", "unit_in"]

_NON_ALNUM = re.compile(r"[^a-z0-9+%£]+")


@lru_cache(maxsize=65536)
def norm(text: str) -> str:
    """Lower case, '&' -> 'and', punctuation -> spaces (keeping '+', '%', '£'), collapsed."""
    s = text.lower().replace("&", " and ").replace("’", "'").replace("'", "")
    return _NON_ALNUM.sub(" ", s).strip()


# Labels that say "all of them" in any dimension.
AGGREGATE_WORDS = frozenset(
    {"total", "totals", "grand total", "all", "overall", "sum", "subtotal", "sub total", "all categories",
     "total all", "all total", "overall total", "totals all", "total overall", "net total", "combined"}
)
# Labels that fit many dimensions and so say nothing about which one a column holds.
NEUTRAL = AGGREGATE_WORDS | frozenset(
    {"other", "others", "unknown", "not known", "not stated", "not recorded", "unrecorded", "n k", "nk",
     "none", "n a", "na", "missing", "blank", "no data", "not specified", "unspecified", "not applicable",
     "refused", "declined", "prefer not to say", "other unknown", "unknown other", "any other",
     "not given", "not provided", "information not held", "no information", "null", "0", "not available"}
)


def agg_word(key: str) -> bool:
    """'Total', 'Grand Total', 'All', 'Total (all)': an aggregate whatever the dimension."""
    return key in AGGREGATE_WORDS


# --- sex ---------------------------------------------------------------------------------------

_SEX = {
    **dict.fromkeys(("male", "males", "men", "man", "boys", "boy", "m", "male persons", "males all ages",
                     "men and boys", "boys and men", "adult males", "adult male",
                     "male all", "all males", "boys and men", "male offenders", "male victims"), "M"),
    **dict.fromkeys(("female", "females", "women", "woman", "girls", "girl", "f", "female persons",
                     "women and girls", "adult females", "adult female",
                     "all females", "girls and women", "female offenders", "female victims"), "F"),
    **dict.fromkeys(("not stated", "unknown", "not known", "not recorded", "sex unknown", "gender unknown",
                     "unknown sex", "unknown gender", "sex not known", "gender not known", "not specified",
                     "sex not stated", "gender not stated", "sex not recorded", "gender not recorded",
                     "u", "n k", "nk", "unspecified", "prefer not to say", "not given"), "U"),
    **dict.fromkeys(("other", "other gender", "non binary", "nonbinary", "indeterminate", "intersex",
                     "transgender", "x", "other non binary", "gender diverse", "in another way"), "O"),
}
_SEX_ALL = frozenset({"persons", "all persons", "people", "all people", "both sexes", "all sexes",
                      "both", "male and female", "males and females", "men and women", "all genders",
                      "total persons", "persons total", "all"})


def match_sex(key: str, text: str = "") -> tuple[str | None, bool] | None:
    code = _SEX.get(key)
    if code is not None:
        return code, False
    if "/" in text:
        # "Unknown/Not stated" (one code), "Other / Not stated" (two joined: a sex, no one code).
        codes = {_SEX.get(norm(part)) for part in text.split("/")}
        if None not in codes:
            return (codes.pop() if len(codes) == 1 else None), False
    if key in _SEX_ALL or agg_word(key):
        return None, True
    return None


# --- age -----------------------------------------------------------------------------------------

_AGE_PREFIX = r"(?:aged?|ages|age group|age band|age range|persons aged|people aged)?\s*"
_AGE_UNIT = r"\s*(?:years?|yrs?|y o|yo|year olds?)?(?:\s+old)?"
_AGE_RANGE = re.compile(_AGE_PREFIX + r"(?P<lo>\d{1,3})" + _AGE_UNIT + r"\s*(?:-|to|–)\s*(?P<hi>\d{1,3})"
                        + _AGE_UNIT + r"$")
_AGE_UNDER = re.compile(_AGE_PREFIX + r"(?:under|less than|below|younger than|<|up to)\s*(?P<n>\d{1,3})"
                        + _AGE_UNIT + r"(?:s)?$")
# "10 and under", "10 or younger": the bound is included.
_AGE_UPTO = re.compile(_AGE_PREFIX + r"(?P<n>\d{1,3})" + _AGE_UNIT
                       + r"\s*(?:and under|or under|and below|or below|and younger|or younger)$")
_AGE_OVER = re.compile(_AGE_PREFIX + r"(?:(?P<n>\d{1,3})" + _AGE_UNIT
                       + r"\s*(?:\+|plus|and over|or over|and above|or above|and older|or older|and up|\+ years)"
                       + r"|(?:over|above|older than|>=?)\s*(?P<n2>\d{1,3})" + _AGE_UNIT + r")$")
_AGE_ONE = re.compile(r"(?:aged?\s*)?(?P<n>\d{1,3})" + _AGE_UNIT + r"$")
_AGE_WORDS = {
    "juvenile": "10-17", "juveniles": "10-17", "youth": "10-17", "youths": "10-17", "young people": "10-17",
    "young person": "10-17", "adult": "18+", "adults": "18+", "child": "0-17", "children": "0-17",
    "under 18s": "0-17", "under 18 s": "0-17", "minors": "0-17", "minor": "0-17", "u18": "0-17",
    "age unknown": "unknown", "unknown age": "unknown", "age not known": "unknown",
    "age not recorded": "unknown", "not known": "unknown", "unknown": "unknown", "not stated": "unknown",
    "age not stated": "unknown", "no age recorded": "unknown", "dob not known": "unknown",
}
_AGE_ALL = frozenset({"all ages", "all age groups", "total all ages", "all ages total", "any age",
                      "ages all", "all"})


_AGE_DASHES = str.maketrans({"–": "-", "—": "-", "‒": "-", "−": "-", "‐": "-", "‑": "-"})


def age_key(text: str) -> str:
    """Lower case keeping '-', '+', '<' and '>' (which norm() drops)."""
    s = text.lower().translate(_AGE_DASHES).replace("&", " and ")
    s = re.sub(r"[^a-z0-9+<>=/\-]+", " ", s)
    return re.sub(r"\s+", " ", s).strip()


def match_age(text: str, explicit_only: bool = False) -> tuple[str | None, bool] | None:
    """`explicit_only` refuses a bare number ('15'), which is an age only beside other age bands."""
    key = age_key(text)
    plain = norm(text)
    if key in _AGE_ALL or plain in _AGE_ALL or agg_word(plain):
        return None, True
    if plain in _AGE_WORDS:
        return _AGE_WORDS[plain], False
        return None, True
    word = _AGE_WORDS.get(key)
    if word is not None:
        return word, False
    k = re.sub(r"\s*\+", "+", re.sub(r"\s*-\s*", "-", key))
    m = _AGE_RANGE.fullmatch(k)
    if m:
        lo, hi = int(m.group("lo")), int(m.group("hi"))
        if lo < hi <= 120:
            return f"{lo}-{hi}", False
        return None
    m = _AGE_UNDER.fullmatch(k)
    if m:
        n = int(m.group("n"))
        if 1 <= n <= 100:
            return f"0-{n - 1}", False
        return None
    m = _AGE_UPTO.fullmatch(k)
    if m:
        n = int(m.group("n"))
        return (f"0-{n}", False) if n <= 100 else None
    m = _AGE_OVER.fullmatch(k)
    if m:
        # "65 and over" includes 65; "over 34" (police.uk's top band after "25-34") does not.
        n = int(m.group("n")) if m.group("n") else int(m.group("n2")) + 1
        if n <= 110:
            return f"{n}+", False
        return None
    if not explicit_only:
        m = _AGE_ONE.fullmatch(k)
        if m and int(m.group("n")) <= 110:
            return str(int(m.group("n"))), False
    return None


# --- ethnicity -----------------------------------------------------------------------------------

_ETH_EXACT = {
    "white": "W", "mixed": "M", "asian": "A", "black": "B", "chinese or other": "O",
    "chinese or other ethnic group": "O", "other ethnic group": "O", "other ethnic groups": "O",
    "any other ethnic group": "O", "other ethnicity": "O", "chinese and other": "O",
    "mixed or multiple ethnic groups": "M", "mixed multiple ethnic groups": "M", "mixed ethnic groups": "M",
    "mixed ethnicity": "M", "dual heritage": "M", "mixed race": "M", "dual heritage mixed": "M",
    "asian or asian british": "A", "asian british": "A", "asian and asian british": "A",
    "black or black british": "B", "black british": "B", "black and black british": "B",
    "black african caribbean or black british": "B", "black or african or caribbean or black british": "B",
    "black african caribbean black british": "B", "black caribbean african": "B",
    "white british": "W1", "white irish": "W2", "irish": "W2", "white other": "W9", "other white": "W9",
    "any other white background": "W9", "white any other white background": "W9",
    "gypsy or irish traveller": "W3", "gypsy irish traveller": "W3", "white gypsy or irish traveller": "W3",
    "roma": "W4", "white roma": "W4", "indian": "A1", "pakistani": "A2", "bangladeshi": "A3",
    "asian indian": "A1", "asian pakistani": "A2", "asian bangladeshi": "A3", "other asian": "A9",
    "any other asian background": "A9", "asian other": "A9", "caribbean": "B1", "black caribbean": "B1",
    "african": "B2", "black african": "B2", "other black": "B9", "black other": "B9",
    "any other black background": "B9", "white and black caribbean": "M1", "white and black african": "M2",
    "white and asian": "M3", "other mixed": "M9", "mixed other": "M9", "any other mixed background": "M9",
    "chinese": "O1", "arab": "O2", "any other": "O9", "other any other ethnic group": "O9",
    "any other ethnic background": "O9", "other ethnic background": "O9",
    "not stated": "NS", "not known": "NS", "unknown": "NS", "not recorded": "NS", "refused": "NS",
    "ethnicity not stated": "NS", "ethnicity unknown": "NS", "ethnicity not known": "NS",
    "not stated unknown": "NS", "unknown not stated": "NS", "prefer not to say": "NS", "ns": "NS",
    "not given": "NS", "declined": "NS", "unrecorded": "NS",
    # Officer-defined (identity code) categories.
    "white north european": "IC1", "white south european": "IC2", "white european": "IC1",
    "afro caribbean": "IC3", "black african or caribbean": "IC3",
    "chinese japanese or other south east asian": "IC5", "chinese japanese or south east asian": "IC5",
    "oriental": "IC5", "south east asian": "IC5", "arabic or north african": "IC6",
    "chinese japanese south east asian": "IC5", "chinese japanese se asian": "IC5",
    "chinese japanese or se asian": "IC5",
    "arab or north african": "IC6", "middle eastern": "IC6", "arabic": "IC6", "north african": "IC6",
    "asian or indian subcontinent": "IC4", "indian subcontinent": "IC4",
}
_ETH_AGG = frozenset({"bame", "bme", "ethnic minority", "ethnic minorities", "minority ethnic",
                      "black asian and minority ethnic", "black and minority ethnic", "non white",
                      "ethnic minority groups", "minority ethnic groups", "black and asian minority ethnic",
                      "all minority ethnic groups", "bame total"})
_ETH_ALL = frozenset({"all ethnicities", "all ethnic groups", "total all ethnicities", "all"})
_IC = re.compile(r"(?:ic|i c)\s*(?P<n>[0-9])(?:\s.*)?$")
_ONS_CODE = re.compile(r"(?P<code>[wmabo][1-9]|ns)(?:\s.*)?$")
_GROUP_WORDS = (("white", "W"), ("mixed", "M"), ("asian", "A"), ("black", "B"), ("chinese", "O"))
_SUBGROUPS = (
    ("white and black caribbean", "M1"), ("white and black african", "M2"), ("white and asian", "M3"),
    ("gypsy", "W3"), ("traveller", "W3"), ("roma", "W4"), ("irish", "W2"), ("indian", "A1"),
    ("pakistani", "A2"), ("bangladeshi", "A3"), ("chinese", "O1"), ("caribbean", "B1"), ("african", "B2"),
    ("arab", "O2"),
)


@lru_cache(maxsize=8192)
def match_ethnicity(key: str, text: str = "") -> tuple[str | None, bool] | None:
    text = text or key
    if key in _ETH_ALL or agg_word(key):
        return None, True
    if key in _ETH_AGG:
        return "BAME", True
    if "/" in text and any(norm(part) in ("other", "not stated", "unknown", "not known", "other unknown")
                           for part in text.split("/")[1:]):
        return None, False  # "Mixed/Other", "Other/not stated": two categories joined, no one code
    found = _ETH_EXACT.get(key)
    if found is not None:
        return found, False
    m = _IC.fullmatch(key)
    if m:
        n = m.group("n")
        return ("IC0" if n in "09" else f"IC{n}"), False
    m = _ONS_CODE.fullmatch(key)
    if m and (len(key) == len(m.group("code")) or _has_group_word(key)):
        return m.group("code").upper(), False
    return _ethnicity_parts(key, text)


_DETAIL_SPLIT = re.compile(r"\s+[-–:]\s+|\s*:\s*")
# Categories that join two groups ("Other/not stated", "Mixed/Other"): ethnicity, no one code.
_ETH_WORDS = frozenset({"white", "black", "asian", "mixed", "chinese", "other", "not", "stated", "unknown",
                        "known", "arab", "british", "irish", "african", "caribbean", "indian", "pakistani",
                        "bangladeshi", "ethnic", "group", "groups", "any", "or", "and", "background",
                        "multiple", "recorded", "minority"})


def _ethnicity_parts(key: str, text: str) -> tuple[str | None, bool] | None:
    """"Asian or Asian British - Indian", "Black/African/Caribbean/Black British - African",
    "Other ethnic group - Not stated": the group before the dash, the detail after it."""
    parts = _DETAIL_SPLIT.split(text.lower(), maxsplit=1)
    head = norm(parts[0])
    detail = norm(parts[1]) if len(parts) > 1 else ""
    group = next((code for word, code in _GROUP_WORDS if re.search(rf"\b{word}\b", head)), None)
    if group is None and head.startswith("other") and ("ethnic" in head or "any other" in head):
        group = "O"
    if detail:
        exact = _ETH_EXACT.get(detail)
        if exact is not None and (len(exact) > 1 or exact == "NS"):
            return exact, False
    if group is None:
        words = set(key.split())
        if words and words <= _ETH_WORDS and ("/" in text or " or " in f" {key} ") and \
                words & {"white", "black", "asian", "mixed", "chinese", "other"}:
            return None, False  # "Other/not stated", "Mixed/Other": a value, no single code
        return None
    scope = detail or key
    if group == "W" and re.search(r"\b(?:english|welsh|scottish)\b", scope):
        return "W1", False  # "White - English/Welsh/Scottish/Northern Irish/British"
    for word, code in _SUBGROUPS:
        if re.search(rf"\b{word}\b", scope):
            return code, False
    if re.search(r"\bother\b", scope):
        return f"{group}9", False
    if detail and re.search(r"\b(?:british|english|welsh|scottish)\b", detail) and group == "W":
        return "W1", False
    if not detail and group == "W" and re.search(r"\bbritish\b", key):
        return "W1", False
    if group == "O" and detail:
        return "O9", False
    return group, False


def _has_group_word(key: str) -> bool:
    return any(re.search(rf"\b{w}\b", key) for w, _c in _GROUP_WORDS) or "other" in key or "stated" in key


# --- area ----------------------------------------------------------------------------------------

AREA_HEADER_WORDS = (
    "bcu", "basic command unit", "command unit", "district", "borough", "ward", "local policing area",
    "lpa", "local policing unit", "lpu", "division", "divisional", "neighbourhood", "neighborhood",
    "sector", "local authority", "community safety partnership", "csp", "policing area", "area command",
    "county", "unitary authority", "yot", "youth offending team", "beat", "lsoa", "msoa", "station",
    "policing district", "local area", "policing unit", "command area", "area", "areas", "parish",
    "constituency", "city", "town", "policing team", "safer neighbourhood team", "snt", "locality",
    "territorial policing", "operational command unit", "ocu",
)
# Headers that say "place" without saying which kind: the labels decide (forces or districts).
AREA_GENERIC = frozenset({"area", "areas", "area name", "area names", "name", "geography", "place",
                          "location", "areas covered", "geographic area", "area code", "area codes"})
_AREA_LABEL = re.compile(
    r"(?:.+\s)?(?:bcu|basic command unit|district|division|borough|ward|lpa|lpu|local policing area|"
    r"command unit|ocu|neighbourhood|sector|policing area|area command|lau|snt|locality)$"
    r"|^(?:bcu|lpa|lpu|district|division|sector|area|ocu)\s+\S.*$"
)
_AREA_CODE = re.compile(r"(?:e0[5-9]|w0[56]|e1[0-1]|e2[2]|w2[2]|s1[2-3]|n09)\d{6}$")


def match_area(key: str) -> tuple[str | None, bool] | None:
    if agg_word(key) or key in ("all areas", "force wide", "forcewide", "force total", "whole force"):
        return None, True
    if _AREA_CODE.fullmatch(key):
        return key.upper(), False
    if _AREA_LABEL.fullmatch(key):
        return None, False
    return None


# --- measure and unit ----------------------------------------------------------------------------

_RATE = re.compile(r"(?:rate\s+)?per\s+(?P<n>1\s*000\s*000|100\s*000|10\s*000|1\s*000|100|1000|10000|100000"
                   r"|thousand|million|hundred thousand|1 million|1m|1k|100k)\b")
_RATE_NAMES = {"1000": "1,000", "thousand": "1,000", "1k": "1,000", "100000": "100,000",
               "hundred thousand": "100,000", "100k": "100,000", "10000": "10,000", "100": "100",
               "1000000": "1,000,000", "million": "1,000,000", "1 million": "1,000,000", "1m": "1,000,000"}
_MONEY_THOUSANDS = re.compile(r"£\s*(?:000s?|000 s|k|thousands?)\b|£\s*000|\bthousands? of pounds\b|£ ?'000|£000")
_MONEY_MILLIONS = re.compile(r"£\s*(?:m|mn|millions?)\b|\bmillions? of pounds\b|£m\b")
_TIME_UNITS = re.compile(r"(?:^|\(|\bin\s|\bnumber of\s|\bno of\s|\baverage\s|\bmean\s|\bmedian\s|\btotal\s)"
                         r"\s*(?P<u>days|hours|minutes|mins|hrs|weeks|months|years)\b(?!\s*(?:and|or|\+|old))")
_PCT = re.compile(r"%|\bper\s?cent\b|\bpercentage\b|\bpct\b")
_THOUSANDS = re.compile(r"\(\s*(?:000s?|000 s|thousands?)\s*\)|\bthousands\b|\bnumbers? thousands\b|^000s?$")
_MILLIONS = re.compile(r"\(\s*millions?\s*\)|\bmillions\b")
_FTE = re.compile(r"\bfte\b|\bfull[\s-]?time equivalents?\b")


def unit_in(text: str) -> str | None:
    """The unit a header, title or label states ('Rate per 1,000 population' -> 'rate per 1,000',
    '(%)' -> '%', '£000s' -> '£ thousands'); None for counts and for text that states none.

    Units: '%', 'rate per N', '£', '£ thousands', '£ millions', 'thousands', 'millions', 'days',
    'hours', 'minutes', 'weeks', 'months', 'years', 'FTE'.
    """
    low = text.lower().replace(",", "").replace("\u2019", "'")
    low = re.sub(r"\s+", " ", low)
    m = _RATE.search(low)
    if m:
        n = re.sub(r"\s+", "", m.group("n"))
        return f"rate per {_RATE_NAMES.get(n, n)}"
    if _PCT.search(low):
        return "%"
    if "£" in low or "pounds" in low or "gbp" in low:
        if _MONEY_MILLIONS.search(low):
            return "£ millions"
        if _MONEY_THOUSANDS.search(low):
            return "£ thousands"
        return "£"
    if _FTE.search(low):
        return "FTE"
    if _THOUSANDS.search(low):
        return "thousands"
    if _MILLIONS.search(low):
        return "millions"
    m = _TIME_UNITS.search(low)
    if m:
        u = m.group("u")
        return {"mins": "minutes", "hrs": "hours"}.get(u, u)
    return None


_UNIT_TOKENS = {
    "%": "%", "percent": "%", "per cent": "%", "percentage": "%", "percentages": "%", "pct": "%",
    "number": None, "numbers": None, "no": None, "count": None, "counts": None, "n": None,
    "£": "£", "£000": "£ thousands", "£000s": "£ thousands", "£k": "£ thousands", "£m": "£ millions",
    "rate": "rate", "rates": "rate", "fte": "FTE", "headcount": None, "days": "days", "hours": "hours",
    "thousands": "thousands", "000s": "thousands", "000": "thousands", "minutes": "minutes",
}


def match_unit(key: str, text: str) -> tuple[str | None, bool] | None:
    """A label that is only a unit ('%', 'Number', '£000s', 'Rate per 1,000') -> (unit, False)."""
    if key in _UNIT_TOKENS or text.strip() in _UNIT_TOKENS:
        return _UNIT_TOKENS.get(key, _UNIT_TOKENS.get(text.strip())) or "count", False
    u = unit_in(text)
    if u is not None and len(key.split()) <= 4 and u.startswith(("rate", "£", "%")):
        return u, False
    return None


_MEASURES = (
    (re.compile(r"^(?:%|percentage|per ?cent)\s*(?:change|difference|increase|decrease)\b|"
                r"\b(?:change|difference|increase|decrease)\b.*(?:%|per ?cent|percentage)"), "percentage-change"),
    (re.compile(r"^(?:change|difference|increase|decrease|variance|net change)\b|\bchange (?:in|from|since)\b|"
                r"\b(?:year on year|yoy)\b"), "change"),
    (_RATE, "rate"),
    (re.compile(r"^(?:arrest|crime|offence|stop|search|detection|charge|conviction|solved|outcome|"
                r"sanction detection|clear up|positive outcome)?\s*rates?\b"), "rate"),
    (re.compile(r"^(?:proportion|share)\b|\bproportion of\b"), "proportion"),
    (re.compile(r"^(?:%|percentage|per ?cent)\b|^% of\b|\(%\)$|^%$"), "percentage"),
    (re.compile(r"^(?:average|mean|median|avg)\b"), "average"),
    (re.compile(r"^(?:cost|costs|spend|spending|expenditure|amount|value|income|budget|payments?|£)\b"), "amount"),
    (re.compile(r"\bfte\b|full[\s-]?time equivalent"), "fte"),
    (re.compile(r"^headcount\b"), "headcount"),
    (re.compile(r"^(?:number|numbers|no|count|counts|total number|volume|frequency|n)\b(?: of\b.*)?$"), "count"),
)
# What tables count, said as the whole label: "Arrests", "Stop and searches", "Crimes recorded".
_COUNTED = re.compile(
    r"^(?:total\s+)?(?:number of\s+)?(?:arrests?|stop and searche?s?|stops?|searches|stop searches|crimes?|"
    r"offences?|incidents?|victims?|suspects?|offenders?|detections?|charges?|cautions?|complaints?|"
    r"allegations?|cases?|officers?|staff|calls?|referrals?|reports?|investigations?|firearms? incidents?|"
    r"uses? of force|tactics?|deaths?|fatalities|injuries|persons? arrested|people arrested|crimes? recorded|"
    r"recorded crimes?|offences? recorded|recorded offences?|reported crimes?|crimes? reported|"
    r"occurrences?|events?|records?|applications?|warrants?|requests?|seizures?|discharges?|deployments?|"
    r"hours? lost|days? lost|sickness days?|vacancies|leavers|joiners|recruits|resignations|dismissals)"
    r"(?:\s+(?:recorded|made|carried out|conducted|reported|received|issued|deployed|in total))?$"
)


@lru_cache(maxsize=8192)
def match_measure(key: str, text: str) -> tuple[str | None, bool] | None:
    low = re.sub(r"\s+", " ", text.lower().replace(",", "")).strip()
    for rx, code in _MEASURES:
        if rx.search(low):
            return code, False
    if _COUNTED.fullmatch(key):
        return "count", False
    return None


# --- header words ----------------------------------------------------------------------------

_HEADER_WORDS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("body", ("police force area", "police force", "force area", "force name", "pfa", "force", "forces",
              "constabulary", "police service", "police area", "reported by", "falls within", "police forces",
              "organisation", "police body", "body")),
    ("period", ("financial year", "calendar year", "year", "years", "fy", "period", "month", "months",
                "quarter", "quarters", "date", "week", "time period", "yr", "as at", "year ending",
                "reporting period", "date range", "month year")),
    ("offence", ("offence", "offences", "crime type", "crime group", "offence group", "offence type",
                 "offence category", "crime category", "crime types", "ho code", "home office code",
                 "offence code", "crime", "offence description", "crime description", "reason for arrest",
                 "type of offence", "offence sub group", "offence subgroup", "classification", "crime sub group",
                 "offence class", "crimes", "offense charged", "offense", "offence charged", "charge")),
    ("outcome", ("outcome", "outcomes", "outcome type", "disposal", "disposals", "result", "last outcome category",
                 "outcome group", "crime outcome", "case outcome", "sanction", "outcome category",
                 "disposal type", "final outcome", "outcome description", "results")),
    ("sex", ("sex", "gender", "sex of", "gender of")),
    ("age_group", ("age", "age group", "age band", "age range", "aged", "ages", "age groups", "age bands")),
    ("ethnicity", ("ethnicity", "ethnic group", "ethnic origin", "ethnic appearance", "self defined ethnicity",
                   "officer defined ethnicity", "race", "ethnic background", "ethnic groups",
                   "ethnicity group", "ethnic category", "ethnicities")),
    ("area", AREA_HEADER_WORDS),
    ("measure", ("measure", "measures", "statistic", "indicator", "metric", "type of data",
                 "variable", "data type")),
    ("unit", ("unit", "units", "unit of measure")),
)


@lru_cache(maxsize=4096)
def header_dimensions(key: str) -> tuple[str, ...]:
    """Dimensions a normalised header names by its words ('Police Force Area' -> body;
    'Sex and Year' -> sex and period), strongest first."""
    padded = f" {key} "
    found: list[str] = []
    for dim, words in _HEADER_WORDS:
        if any(f" {w} " in padded for w in words):
            found.append(dim)
    if "body" in found and "area" in found:
        found.remove("area")  # "Police Force Area" names forces
    if "offence" in found and "outcome" in found and "outcome" in key.split()[:1]:
        found.remove("offence")
    return tuple(found)
