"""Body labels as tables write them -> a registry slug, or an aggregate (a country, an ONS region,
"All forces").

The registry is the bundled `foi/data/police-forces.csv` with the aliases `foi.bodies` knows, plus
the spellings statistical tables use ("London, City of", "Dyfed Powys", "Devon & Cornwall Police",
ONS codes like E23000001, upper case). Matching is exact after normalisation; a near spelling is
accepted only when one force is that close and no other comes near, so nothing is guessed from a
weak match.

Aggregate codes: "england-and-wales", "england", "wales", "scotland", "great-britain",
"united-kingdom", "region:<slug>" for ONS regions ("region:north-east", "region:london") and
None for "All forces" / "Total".
"""

from __future__ import annotations

import csv
import re
from functools import cache, lru_cache

from foi.bodies import EXTRA_ALIASES, REFERENCE_CSV, normalise

__all__ = ["BodyMatch", "match_body", "find_bodies", "body_names"]

_SUFFIXES = ("police service", "police force", "constabulary", "police", "police area",
             "police force area", "pfa", "force", "force area")

# Spellings the registry's own names and aliases do not give.
_MORE_ALIASES: dict[str, tuple[str, ...]] = {
    "city-of-london": ("London, City of", "City of London Police Service", "CoL", "City of London Corporation Police"),
    "metropolitan": ("Metropolitan Police Service", "Met Police Service", "Metropolitan Police Force",
                     "London Metropolitan Police", "Metropolitan Police District", "MPD", "MPS London"),
    "dyfed-powys": ("Dyfed Powys",),
    "devon-and-cornwall": ("Devon & Cornwall", "Devon and Cornwall Constabulary"),
    "avon-and-somerset": ("Avon & Somerset", "Avon Somerset", "Avon and Somerset Police"),
    "hampshire": ("Hampshire & Isle of Wight", "Hampshire and the Isle of Wight", "Hants", "Hampshire & IoW"),
    "kent": ("Kent County Constabulary",),
    "lancashire": ("Lancs",),
    "wiltshire": ("Wilts",),
    "derbyshire": ("Derbys",),
    "north-yorkshire": ("N Yorks", "North Yorks"),
    "south-yorkshire": ("S Yorks", "South Yorks"),
    "west-yorkshire": ("W Yorks", "West Yorks"),
    "west-midlands": ("W Mids", "West Mids"),
    "west-mercia": ("W Mercia",),
    "thames-valley": ("Thames Valley Police Force",),
    "greater-manchester": ("Greater Manchester Police Service",),
    "northumbria": ("Northumbria Police Force",),
    "british-transport-police": ("British Transport", "BTP Police"),
    "police-scotland": ("Police Service of Scotland",),
    "northern-ireland": ("PSNI Northern Ireland",),
    "ministry-of-defence-police": ("Ministry of Defence",),
    "civil-nuclear-constabulary": ("Civil Nuclear Police",),
}

_REGIONS = {
    "north-east": ("North East", "E12000001"),
    "north-west": ("North West", "E12000002"),
    "yorkshire-and-the-humber": ("Yorkshire and The Humber", "E12000003"),
    "east-midlands": ("East Midlands", "E12000004"),
    "west-midlands": ("West Midlands", "E12000005"),
    "east-of-england": ("East of England", "E12000006"),
    "london": ("London", "E12000007"),
    "south-east": ("South East", "E12000008"),
    "south-west": ("South West", "E12000009"),
}
_REGION_ALIASES = {
    "yorkshire-and-the-humber": ("Yorkshire and Humber", "Yorkshire & the Humber", "Yorkshire & Humber",
                                 "Yorkshire and Humberside", "Yorkshire", "Yorks and Humber"),
    "east-of-england": ("Eastern", "East of England Region", "Eastern Region"),
    "north-east": ("North-East",), "north-west": ("North-West",), "south-east": ("South-East",),
    "south-west": ("South-West",),
}
_COUNTRIES = {
    "england-and-wales": ("England and Wales", "K04000001", "England & Wales", "E&W", "England/Wales",
                          "All England and Wales", "England and Wales total"),
    "england": ("England", "E92000001"),
    "wales": ("Wales", "W92000004", "Cymru"),
    "scotland": ("Scotland", "S92000003"),
    "great-britain": ("Great Britain", "K03000001", "GB"),
    "united-kingdom": ("United Kingdom", "K02000001", "UK"),
}
# "All forces", "National": an aggregate with no one place to name.
_ALL = ("All forces", "All police forces", "All forces in England and Wales", "National", "National total",
        "Total", "Grand total", "All", "Overall", "All areas", "All force areas", "All police force areas",
        "43 forces", "All 43 forces", "Total all forces", "England and Wales total", "Sum", "Totals",
        "Total (all forces)", "All regions", "Force total")

_REGION_WORDS = re.compile(r"^(?:total\s+)?(?P<core>.+?)(?:\s+(?:region|regional total|total|region total))?$")


class BodyMatch:
    __slots__ = ("code", "aggregate", "kind")

    def __init__(self, code: str | None, aggregate: bool, kind: str) -> None:
        self.code = code
        self.aggregate = aggregate
        self.kind = kind  # "force" | "region" | "country" | "all"

    def __repr__(self) -> str:  # pragma: no cover - debugging aid
        return f"BodyMatch({self.code!r}, aggregate={self.aggregate}, kind={self.kind!r})"


def _key(text: str) -> str:
    return normalise(text)


def _core(key: str) -> str:
    for suffix in _SUFFIXES:
        if key.endswith(" " + suffix):
            return key[: -len(suffix) - 1]
    return key


@cache
def _index() -> tuple[dict[str, BodyMatch], dict[str, str]]:
    """normalised spelling -> match; and the force names by slug (for fuzzy matching)."""
    forces: dict[str, set[str]] = {}
    names: dict[str, str] = {}
    with REFERENCE_CSV.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    for row in rows:
        slug = row["slug"]
        names[slug] = row["name"]
        spellings = {row["name"], slug.replace("-", " "), *EXTRA_ALIASES.get(slug, []),
                     *_MORE_ALIASES.get(slug, ())}
        if row.get("ons_code"):
            spellings.add(row["ons_code"])
        for text in spellings:
            key = _key(text)
            core = _core(key)
            for variant in (key, core, f"{core} police", f"{core} constabulary", f"{core} police service",
                            f"{core} police force", f"{core} police force area", f"{core} pfa"):
                if variant:
                    forces.setdefault(variant, set()).add(slug)
    index: dict[str, BodyMatch] = {}
    for key, slugs in forces.items():
        if len(slugs) == 1:
            index[key] = BodyMatch(next(iter(slugs)), False, "force")
    for slug, (name, ons) in _REGIONS.items():
        match = BodyMatch(f"region:{slug}", True, "region")
        for text in (name, ons, *_REGION_ALIASES.get(slug, ())):
            key = _key(text)
            for variant in (f"{key} region", f"total {key}", f"{key} total", f"{key} region total",
                            f"total {key} region", ons.lower()):
                index[variant] = match
            # The bare name: a region, unless a force has it ("West Midlands").
            index.setdefault(key, match)
    for code, spellings in _COUNTRIES.items():
        match = BodyMatch(code, True, "country")
        for text in spellings:
            key = _key(text)
            for variant in (key, f"total {key}", f"{key} total", f"all {key}"):
                index.setdefault(variant, match)
    for text in _ALL:
        index.setdefault(_key(text), BodyMatch(None, True, "all"))
    return index, names


_ONS = re.compile(r"^[EWKSN]\d{8}$", re.IGNORECASE)


_COMPASS = re.compile(r"\b([NSEW])\.?\s+(?=[A-Z])")
_COMPASS_WORDS = {"N": "North ", "S": "South ", "E": "East ", "W": "West "}
_PARTS = re.compile(r"\s*/\s*|\s*\(([^()]*)\)\s*$")


@lru_cache(maxsize=16384)
def match_body(text: str, fuzzy: bool = True) -> BodyMatch | None:
    """A clean label -> the body or aggregate it names, or None. `fuzzy=False`: exact spellings
    only (recognising a column samples many labels; the near-spelling search is for coding one).
    Bilingual and bracketed forms ("South Wales Police/Heddlu De Cymru", "Dyfed-Powys Police
    (Heddlu Dyfed-Powys)") count when every part that names a body names the same one."""
    found = _match_one(text, fuzzy)
    if found is not None:
        return found
    expanded = _COMPASS.sub(lambda m: _COMPASS_WORDS[m.group(1)], text)
    if expanded != text:
        found = _match_one(expanded, fuzzy)
        if found is not None:
            return found
    if "/" in text or text.endswith(")"):
        parts = [p for p in _PARTS.split(text) if p and p.strip()]
        matches = [m for m in (_match_one(p.strip(), False) for p in parts) if m is not None]
        if matches and len({(m.code, m.kind) for m in matches}) == 1:
            return matches[0]
    return None


def _match_one(text: str, fuzzy: bool) -> BodyMatch | None:
    index, _names = _index()
    key = _key(text)
    if not key:
        return None
    found = index.get(key)
    if found is not None:
        return found
    core = _core(key)
    if core != key:
        found = index.get(core)
        if found is not None and found.kind == "force":
            return found
    if key.startswith("total ") or key.endswith(" total"):
        inner = key.removeprefix("total ").removesuffix(" total").strip()
        found = index.get(inner)
        if found is not None and found.kind != "force":
            return found
    return _near(core) if fuzzy else None


def _near(core: str) -> BodyMatch | None:
    """One force whose name is a letter or two away ("Northumbira"), and no other near it."""
    if len(core) < 7 or any(ch.isdigit() for ch in core):
        return None
    from rapidfuzz import fuzz, process  # only for labels nothing matched exactly

    keys = _force_keys()
    hits = process.extract(core, keys, scorer=fuzz.ratio, score_cutoff=88.0, limit=5)
    index, _names = _index()
    slugs = {index[k].code for k, _score, _i in hits}
    if len(slugs) != 1:
        return None
    best = hits[0][1]
    # Runner-up of another force within 8 points would make this a guess.
    others = process.extract(core, keys, scorer=fuzz.ratio, score_cutoff=best - 8, limit=10)
    if {index[k].code for k, _s, _i in others} != slugs:
        return None
    return index[hits[0][0]]


@cache
def _force_keys() -> list[str]:
    index, _names = _index()
    return [k for k, m in index.items() if m.kind == "force" and len(k) >= 6 and not _ONS.match(k)]


@cache
def _phrase_keys() -> list[tuple[str, BodyMatch]]:
    index, _names = _index()
    keys = [(k, m) for k, m in index.items()
            if m.kind in ("force", "country", "region") and (len(k) >= 6 and " " in k or len(k) >= 8)
            and not _ONS.match(k)]
    keys.sort(key=lambda km: -len(km[0]))
    return keys


def find_bodies(text: str) -> list[BodyMatch]:
    """Bodies named inside longer text ("Cumbria Constabulary FOI 1306/25", "Police Workforce,
    England and Wales"): the longest names found as whole words, one match per place."""
    padded = f" {_key(text)} "
    taken: list[tuple[int, int]] = []
    found: list[BodyMatch] = []
    for key, match in _phrase_keys():
        pos = padded.find(f" {key} ")
        while pos >= 0:
            start, end = pos + 1, pos + 1 + len(key)
            if not any(start < t_end and t_start < end for t_start, t_end in taken):
                taken.append((start, end))
                if all(m.code != match.code for m in found):
                    found.append(match)
            pos = padded.find(f" {key} ", pos + 1)
    return found


def body_names() -> dict[str, str]:
    """slug -> registry name."""
    return dict(_index()[1])
