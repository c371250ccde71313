"""The review loop: `--map HEADER=TARGET` and the sidecar `FILE.foi.toml` that keeps a fix.

One rule decides whether a mapping applies to a header (`map_key`: case, spacing, punctuation and
curly or straight quotes do not matter), and the same rule, applied while the file is read, decides
which mappings are saved beside it. The sidecar keeps each header as the user typed it, so the next
parse matches it exactly as this one did.
"""

from __future__ import annotations

import difflib
import json
import re
import tomllib
import unicodedata
from pathlib import Path
from typing import Any

from foi.errors import FoiError

# Targets with a fixed meaning: a label column read as figures, or a column (or header) left out.
SPECIAL = ("value", "ignore")
# What any table's labels can be recognised as (foi.figures.coding.KNOWN, kept in step by a test).
KNOWN = ("period", "body", "offence", "outcome", "sex", "age_group", "ethnicity", "area", "measure", "unit")
_NAME = re.compile(r"^[^\W\d][\w .'’/&()-]{0,59}$")


def map_key(text: Any) -> str:
    """The form headers are compared in: accents, case, quotes, dashes and spacing set aside."""
    s = unicodedata.normalize("NFKD", "" if text is None else str(text))
    s = "".join(ch for ch in s if not unicodedata.combining(ch)).casefold()
    return " ".join(re.sub(r"[^\w%]+", " ", s).replace("_", " ").split())


def valid_targets(extra: list[str] | tuple[str, ...] = ()) -> list[str]:
    """What a header can be mapped to, for the hint and for errors."""
    return list(dict.fromkeys([*KNOWN, *extra, *SPECIAL]))


def hint(extra: list[str] | tuple[str, ...] = ()) -> str:
    return (f"targets: {', '.join(valid_targets(extra))}, or a name of your own for a new dimension")


def check_targets(mapping: dict[str, str], extra: list[str] | tuple[str, ...] = ()) -> dict[str, str]:
    """The one validator of mappings, from `--map` or a sidecar: {header: target}, targets made
    canonical ("Body" -> "body"); FoiError names the first bad one and lists what is allowed.

    A target that is not a known one names a new dimension, unless it looks like a typo of one."""
    known = valid_targets(extra)
    by_key = {map_key(t): t for t in known}
    out: dict[str, str] = {}
    for header, target in mapping.items():
        wanted = target.strip()
        canonical = by_key.get(map_key(wanted))
        if canonical is None:
            close = difflib.get_close_matches(wanted.lower(), known, n=1, cutoff=0.75)
            if close or not _NAME.match(wanted):
                why = f"did you mean {close[0]!r}?" if close else "a dimension name is a word or a few"
                raise FoiError(f"Mapping '{header}={target}': {why} Use one of the {hint(extra)}.")
            canonical = wanted
        out[header] = canonical
    return out


def parse_map_options(pairs: list[str] | None) -> dict[str, str]:
    """`--map 'Crime Type=offence'` (repeat) -> {"Crime Type": "offence"}, headers as typed."""
    mapping: dict[str, str] = {}
    for pair in pairs or []:
        header, sep, target = pair.rpartition("=")
        if not sep or not header.strip() or not target.strip():
            raise FoiError(f"Bad --map {pair!r}: write 'HEADER=TARGET', e.g. --map 'Crime Type=offence' "
                           f"({hint()}).")
        mapping[header.strip()] = target.strip()
    return mapping


class Mapper:
    """A file's mappings, looked up by header text; remembers which ones applied."""

    def __init__(self, mapping: dict[str, str]) -> None:
        self.mapping = mapping
        self._by_key = {map_key(header): header for header in mapping}
        self.used: set[str] = set()

    def __bool__(self) -> bool:
        return bool(self.mapping)

    def get(self, header: Any) -> str | None:
        """The target for this header text, or None."""
        if not self._by_key or not header:
            return None
        typed = self._by_key.get(map_key(header))
        if typed is None:
            return None
        self.used.add(typed)
        return self.mapping[typed]

    def applied(self) -> dict[str, str]:
        return {header: self.mapping[header] for header in self.mapping if header in self.used}


# --- sidecars ---------------------------------------------------------------------------------


def read_sidecar(path: Path, extra: list[str] | tuple[str, ...] = ()) -> dict[str, str]:
    """`FILE.foi.toml`: a `[map]` table of header = target, kept beside the file it fixes."""
    if not path.is_file():
        return {}
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise FoiError(f"{path.name} is not valid TOML ({exc}); fix it or delete it.") from exc
    mapping = data.get("map", {})
    if not isinstance(mapping, dict) or not all(isinstance(v, str) for v in mapping.values()):
        raise FoiError(f"{path.name}: [map] must hold header = \"target\" pairs, e.g. \"Crime Type\" = \"offence\".")
    try:
        return check_targets({str(k): v for k, v in mapping.items()}, extra)
    except FoiError as exc:
        raise FoiError(f"{path.name}: {exc}") from None


def write_sidecar(path: Path, mapping: dict[str, str]) -> None:
    lines = ["# Column mapping for the file beside this one, used by `foi parse`.", "[map]"]
    lines += [f"{json.dumps(header, ensure_ascii=False)} = {json.dumps(target, ensure_ascii=False)}"
              for header, target in sorted(mapping.items())]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
