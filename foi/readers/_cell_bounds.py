"""A regex for the cells of an xlsx sheet that lie outside a box of rows and columns.

The pre-check of `foi.readers.spreadsheet` must know the rows and columns between a sheet's first
and last cell before calamine allocates them. Reading every reference into Python costs an object
per cell (a 200,000-row sheet has a million); most sheets' cells lie inside a box known from a few
of them (the sheet so far, a chunk's first and last cell), so one C-level search for a cell *not*
inside the box answers the question for a whole chunk. A hit is then read by the caller.

A reference inside the box is written canonically: column letters A-Z, a row without leading
zeros. Anything else (lower case, `A007`, quotes or spaces around `=`, other attributes first, no
reference at all) is a hit too, for the caller's step-by-step reading.
"""

from __future__ import annotations

import re
from functools import lru_cache

_DIGITS = "0123456789"
_LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"


def _class(alphabet: str, lo: str, hi: str) -> str:
    i, j = alphabet.index(lo), alphabet.index(hi)
    if i == j:
        return lo
    if i == 0 and j == len(alphabet) - 1:
        return r"\d" if alphabet is _DIGITS else "[A-Z]"
    return f"[{lo}-{hi}]"


def _any(alphabet: str, n: int) -> str:
    if not n:
        return ""
    one = _class(alphabet, alphabet[0], alphabet[-1])
    return one if n == 1 else f"{one}{{{n}}}"


def _same_length(lo: str, hi: str, alphabet: str) -> str:
    """Strings of len(lo) (== len(hi)) over `alphabet`, from lo to hi in dictionary order."""
    if not lo:
        return ""
    rest = len(lo) - 1
    if lo[1:] == alphabet[0] * rest and hi[1:] == alphabet[-1] * rest:
        return _class(alphabet, lo[0], hi[0]) + _any(alphabet, rest)
    if lo[0] == hi[0]:
        return lo[0] + _same_length(lo[1:], hi[1:], alphabet)
    parts = [lo[0] + _group(_same_length(lo[1:], alphabet[-1] * rest, alphabet))]
    i, j = alphabet.index(lo[0]), alphabet.index(hi[0])
    if j - i > 1:
        parts.append(_class(alphabet, alphabet[i + 1], alphabet[j - 1]) + _any(alphabet, rest))
    parts.append(hi[0] + _group(_same_length(alphabet[0] * rest, hi[1:], alphabet)))
    return "(?:" + "|".join(parts) + ")"


def _group(pattern: str) -> str:
    return pattern if pattern.startswith("(?:") or len(pattern) <= 1 else f"(?:{pattern})"


def _between(lo: str, hi: str, alphabet: str, smallest: str) -> str:
    """Strings from lo to hi, shorter before longer, same length in dictionary order; `smallest` is
    the first character of a string longer than one (no leading zero in a number)."""
    parts = []
    for n in range(len(hi), len(lo) - 1, -1):  # longest first: most of a sheet's cells have them
        a = lo if n == len(lo) else smallest + alphabet[0] * (n - 1)
        b = hi if n == len(hi) else alphabet[-1] * n
        parts.append(_same_length(a, b, alphabet))
    return parts[0] if len(parts) == 1 else "(?:" + "|".join(parts) + ")"


def rows_pattern(lo: int, hi: int) -> str:
    """Regex matching exactly the canonical decimal numbers lo..hi (0 <= lo <= hi)."""
    return _between(str(lo), str(hi), _DIGITS, "1")


def column_letters(col: int) -> str:
    letters = ""
    while col > 0:
        col, rem = divmod(col - 1, 26)
        letters = _LETTERS[rem] + letters
    return letters


def columns_pattern(lo: int, hi: int) -> str:
    """Regex matching exactly the column letters of columns lo..hi (1 <= lo <= hi)."""
    return _between(column_letters(lo), column_letters(hi), _LETTERS, "A")


@lru_cache(maxsize=64)
def outside(r_lo: int, r_hi: int, c_lo: int, c_hi: int) -> re.Pattern[bytes]:
    """Finds a cell tag that does not start with a canonical reference inside the box (1-based,
    inclusive). The lookahead is the whole cost: the scan itself runs at C speed between `<c`s."""
    ref = columns_pattern(c_lo, c_hi) + _group(rows_pattern(r_lo, r_hi))
    return re.compile(rb'<c(?! r="' + ref.encode() + rb'")[\s/>]')
