"""Batch schemas: which dimensions a batch's figures have, and matching column headers to them.

A schema is stored as JSON in `batches.schema` (NULL means the built-in `police-outcomes`), so
`load_schema(schema_to_dict(s))` must give back an equal Schema.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from foi.errors import FoiError

KINDS = ("period", "offence", "outcome", "category")
# Words with a fixed meaning in --map and in TableResult.mapping, so they can't name a dimension.
RESERVED = ("value", "ignore", "total")


@dataclass
class Dimension:
    name: str                    # "period", "offence", "outcome", "ethnicity" ...
    synonyms: list[str]          # header words that name this dimension
    kind: str                    # "period" | "offence" | "outcome" | "category"
    values: list[str] = field(default_factory=list)  # known category values (recognise wide headers)


@dataclass
class Schema:
    name: str                    # "police-outcomes"
    dimensions: list[Dimension]
    value_name: str              # "value" / "count"
    threshold: float             # fuzzy-match confidence below which a column is not guessed
    value_synonyms: list[str] = field(default_factory=list)  # headers of the numeric column

    def dimension(self, name: str) -> Dimension | None:
        for d in self.dimensions:
            if d.name == name:
                return d
        return None


POLICE_OUTCOMES: dict[str, Any] = {
    "name": "police-outcomes",
    "value": "value",
    "threshold": 0.8,
    "value_synonyms": [
        "value", "count", "number", "no", "no.", "crimes", "offences", "volume", "figure",
        "figures", "number of crimes", "number of offences", "crimes recorded",
        "number of crimes recorded", "recorded crimes", "recorded crime", "frequency", "n",
        "outcomes", "number of outcomes", "count of crimes", "count of offences",
        "crime count", "offence count", "total crimes", "total offences", "number of records",
        "records", "incidents", "number of incidents", "occurrences", "amount", "quantity",
    ],
    "dimensions": [
        {
            "name": "period",
            "kind": "period",
            "synonyms": [
                "year", "financial year", "fy", "period", "month", "quarter", "date range",
                "date", "calendar year", "year ending", "reporting period", "time period",
                "recorded year", "year recorded", "month recorded", "recorded month",
                "recorded date", "date recorded", "fin year", "financial yr", "yr",
            ],
        },
        {
            "name": "offence",
            "kind": "offence",
            "synonyms": [
                "offence", "crime", "crime type", "offence type", "offence group",
                "offence category", "ho code", "home office code", "crime category",
                "offence description", "classification", "offence sub group",
                "offence subgroup", "crime group", "crime description", "offence code",
                "offence name", "offence classification", "crime classification",
                "notifiable offence", "ho offence", "home office offence", "offence title",
            ],
        },
        {
            "name": "outcome",
            "kind": "outcome",
            "synonyms": [
                "outcome", "outcome type", "disposal", "result", "crime outcome",
                "outcome description", "final outcome", "outcome group", "outcome category",
                "outcome code", "disposal type", "investigation outcome", "crime outcome type",
                "latest outcome", "outcome name",
            ],
        },
    ],
}


def normalise(text: Any) -> str:
    """Lower case, punctuation to spaces, single spaces: the form headers are compared in."""
    s = "" if text is None else str(text)
    return " ".join(re.sub(r"[^0-9a-z%]+", " ", s.lower()).split())


def _fail(problem: str, source: str | None) -> FoiError:
    where = f" in {source}" if source else ""
    return FoiError(f"Bad schema{where}: {problem}.")


def _str_list(value: Any, what: str, source: str | None) -> list[str]:
    if value is None:
        return []
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise _fail(f"{what} must be a list of strings", source)
    return [v.strip() for v in value if v.strip()]


def _validate(spec: Any, source: str | None) -> dict[str, Any]:
    """Check a schema spec and return it in canonical form; FoiError names the first problem."""
    if not isinstance(spec, dict):
        raise _fail("expected a table of settings", source)
    known = {"name", "value", "threshold", "dimension", "dimensions", "value_synonyms"}
    extra = sorted(set(spec) - known)
    if extra:
        raise _fail(f"unknown key '{extra[0]}' (allowed: {', '.join(sorted(known))})", source)
    name = spec.get("name")
    if not isinstance(name, str) or not name.strip():
        raise _fail("'name' is missing or empty", source)
    value = spec.get("value", "value")
    if not isinstance(value, str) or not value.strip():
        raise _fail("'value' must be a non-empty string", source)
    threshold = spec.get("threshold", 0.8)
    if isinstance(threshold, bool) or not isinstance(threshold, int | float):
        raise _fail("'threshold' must be a number between 0 and 1", source)
    if not 0 < threshold <= 1:
        raise _fail(f"'threshold' must be between 0 and 1, not {threshold}", source)
    dims = spec.get("dimensions", spec.get("dimension"))
    if not isinstance(dims, list) or not dims:
        raise _fail("at least one [[dimension]] is needed", source)
    out_dims: list[dict[str, Any]] = []
    seen: set[str] = set()
    for i, d in enumerate(dims, 1):
        if not isinstance(d, dict):
            raise _fail(f"dimension {i} must be a table", source)
        extra = sorted(set(d) - {"name", "kind", "synonyms", "values"})
        if extra:
            raise _fail(f"dimension {i} has unknown key '{extra[0]}'", source)
        dname = d.get("name")
        if not isinstance(dname, str) or not dname.strip():
            raise _fail(f"dimension {i} has no 'name'", source)
        dname = dname.strip()
        if dname.lower() in RESERVED:
            raise _fail(f"dimension name '{dname}' is reserved", source)
        if dname in seen:
            raise _fail(f"dimension '{dname}' is defined twice", source)
        seen.add(dname)
        kind = d.get("kind", "category")
        if kind not in KINDS:
            raise _fail(f"dimension '{dname}' has kind '{kind}' (use one of {', '.join(KINDS)})",
                        source)
        synonyms = _str_list(d.get("synonyms"), f"synonyms of dimension '{dname}'", source)
        values = _str_list(d.get("values"), f"values of dimension '{dname}'", source)
        if dname.lower() not in (s.lower() for s in synonyms):
            synonyms.insert(0, dname)
        out_dims.append({"name": dname, "kind": kind, "synonyms": synonyms, "values": values})
    value = value.strip()
    vsyn = _str_list(spec.get("value_synonyms"), "value_synonyms", source)
    if not vsyn:
        vsyn = list(POLICE_OUTCOMES["value_synonyms"])
    if value.lower() not in (s.lower() for s in vsyn):
        vsyn.insert(0, value)
    return {"name": name.strip(), "value": value, "threshold": float(threshold),
            "value_synonyms": vsyn, "dimensions": out_dims}


def load_schema(spec: dict[str, Any] | None) -> Schema:
    """Build a Schema from its dict form (from TOML or batches.schema); None -> police-outcomes."""
    canon = _validate(POLICE_OUTCOMES if spec is None else spec, None)
    return Schema(
        name=canon["name"],
        dimensions=[Dimension(name=d["name"], synonyms=d["synonyms"], kind=d["kind"],
                              values=d["values"]) for d in canon["dimensions"]],
        value_name=canon["value"],
        threshold=canon["threshold"],
        value_synonyms=canon["value_synonyms"],
    )


def schema_to_dict(schema: Schema) -> dict[str, Any]:
    """The JSON-able form stored in batches.schema; load_schema() reads it back."""
    return {
        "name": schema.name,
        "value": schema.value_name,
        "threshold": schema.threshold,
        "value_synonyms": list(schema.value_synonyms),
        "dimensions": [{"name": d.name, "kind": d.kind, "synonyms": list(d.synonyms),
                        "values": list(d.values)} for d in schema.dimensions],
    }


def schema_from_toml(path: Path) -> dict[str, Any]:
    """Read and validate a user's schema file; FoiError with a one-line reason on a bad file."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise FoiError(f"Schema file {path} not found.") from None
    except (OSError, UnicodeDecodeError) as e:
        raise FoiError(f"Can't read schema file {path}: {e}.") from None
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as e:
        raise FoiError(f"Bad schema in {path}: not valid TOML ({e}).") from None
    return _validate(data, str(path))


# ---------------------------------------------------------------- header matching

@lru_cache(maxsize=1)
def _fuzz() -> Any:
    from rapidfuzz import fuzz  # lazy: only table parsing needs it

    return fuzz


def _targets(schema: Schema) -> list[tuple[str, str]]:
    """(target, normalised synonym) pairs; target is a dimension name or "value"."""
    pairs = [(d.name, normalise(s)) for d in schema.dimensions for s in d.synonyms]
    pairs += [("value", normalise(s)) for s in schema.value_synonyms]
    return [(t, s) for t, s in pairs if s]


def match_header(schema: Schema, text: Any) -> list[tuple[str, float]]:
    """Rank what a header could name: [(dimension name or "value", confidence)], best first.

    An exact synonym scores 1.0; otherwise rapidfuzz token_set_ratio/100. token_set_ratio gives
    100 when one side's words are a subset of the other's ("Offence Sub Group" ~ "offence group"),
    so ties are broken by the longer synonym: "Crime outcome type" is an outcome, not a crime.
    """
    key = normalise(text)
    if not key:
        return []
    cache: dict[str, list[tuple[str, float]]] = _cache_for(schema)
    if key in cache:
        return cache[key]
    best: dict[str, tuple[float, int]] = {}
    fuzz = None
    for target, syn in _targets(schema):
        if syn == key:
            score = 1.0
        else:
            fuzz = fuzz or _fuzz()
            score = fuzz.token_set_ratio(key, syn) / 100.0
            # A subset match on a one-letter or two-letter synonym ("n", "no") is noise.
            if len(syn) <= 2:
                score = min(score, 0.5)
            score = min(score, 0.99)
        rank = (score, len(syn.split()) if score >= 0.99 else 0)
        if target not in best or rank > best[target]:
            best[target] = rank
    ranked = sorted(best.items(), key=lambda kv: kv[1], reverse=True)
    out = [(t, r[0]) for t, r in ranked]
    if len(ranked) > 1 and ranked[0][1] == ranked[1][1] and out[0][1] < 1.0:
        # Two dimensions fit equally well ("Crime outcome category"): don't pick one.
        out = [(t, min(c, 0.6)) for t, c in out]
    cache[key] = out
    return out


_CACHES: dict[int, tuple[Schema, dict[str, list[tuple[str, float]]]]] = {}


def _cache_for(schema: Schema) -> dict[str, list[tuple[str, float]]]:
    # Keyed on identity (Schema is mutable, so not hashable); the schema is kept alive in the
    # entry so an id can't be reused by a different object while cached.
    entry = _CACHES.get(id(schema))
    if entry is None or entry[0] is not schema:
        if len(_CACHES) > 32:
            _CACHES.clear()
        entry = (schema, {})
        _CACHES[id(schema)] = entry
    return entry[1]
