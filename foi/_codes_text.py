"""What offence and outcome matching share: the normalisation of a label, the fuzzy match that
must agree on numbers and on words that flip the meaning, and a label cell read as text."""

from __future__ import annotations

import re
from typing import Any

_FUZZY_MIN_LEN = 8
_FUZZY_CUTOFF = 92.0

# Words whose presence or absence changes the meaning; a fuzzy match must agree on all of them.
_GUARD_WORDS = frozenset(
    {
        "not", "no", "non", "without", "with", "attempted", "attempt", "adult", "youth", "male",
        "female", "child", "alternate", "cps", "police", "pol", "cannabis", "excluding",
        "aggravated", "racially", "religiously", "business", "residential", "home", "vehicle",
        "identified", "supports", "unsupportive", "supportive", "conditional", "intent",
        "dead", "ill", "young", "age",
    }
)

DASHES = str.maketrans({"–": "-", "—": "-", "‒": "-", "―": "-", "−": "-", "‐": "-", "‑": "-",
                        "’": "'", "‘": "'", "\xa0": " ", "\u202f": " ", "\u2009": " "})
_NON_ALNUM = re.compile(r"[^a-z0-9]+")
_DIGITS = re.compile(r"\d+")


def normalise(text: str) -> str:
    """Lower case, '&' -> 'and', '+' -> ' plus', punctuation -> spaces, collapsed."""
    s = text.translate(DASHES).lower().replace("&", " and ").replace("+", " plus ")
    s = s.replace("'", "")
    return _NON_ALNUM.sub(" ", s).strip()


def sorted_key(norm: str) -> str:
    return " ".join(sorted(norm.split()))


def _guards_agree(a: str, b: str) -> bool:
    if set(_DIGITS.findall(a)) != set(_DIGITS.findall(b)):
        return False
    return (set(a.split()) & _GUARD_WORDS) == (set(b.split()) & _GUARD_WORDS)


def fuzzy_code(norm: str, keys: list[str], index: dict[str, str]) -> str | None:
    """The code of the single close key, or None when nothing or more than one code is close."""
    if len(norm) < _FUZZY_MIN_LEN or not keys:
        return None
    from rapidfuzz import fuzz, process  # heavy-ish import, only needed for odd labels

    hits = process.extract(norm, keys, scorer=fuzz.ratio, score_cutoff=_FUZZY_CUTOFF, limit=10)
    codes = {index[key] for key, _score, _i in hits if _guards_agree(norm, key)}
    if len(codes) == 1:
        return codes.pop()
    return None


def as_text(label: Any) -> str | None:
    if isinstance(label, str):
        return label
    if isinstance(label, bool) or label is None:
        return None
    if isinstance(label, int):
        return str(label)
    if isinstance(label, float) and label.is_integer():
        return str(int(label))
    return None


# Words that say nothing of which offence or outcome a label names.
STOP = frozenset({"of", "a", "an", "the", "and", "or", "on", "in", "to", "by", "for", "etc", "other",
                   "offences", "offence", "aged", "over", "under", "plus"})
# A power cited by its Act ("Misuse of Drugs Act 1971") or by its section ("searches under s44(1)",
# "under section 60"): the law the police acted under, not an offence.
LEGISLATION = re.compile(r"\bact\s+(?:of\s+)?\d{4}\b|\bpace\b|^\s*under\s+(?:s\.?|sec\.?|section)\s*\d",
                         re.IGNORECASE)
