"""The force's own reference for a request ("Our ref: 000123/19", "FOI-2019-0456").

Forces quote our reference back to us as well as their own, so ours (FOI-CAUTIONS-0007) and
anything labelled "your ref" are never taken for theirs.
"""

from __future__ import annotations

import re

_OUR_REF_RE = re.compile(r"^FOI-(?=[A-Z0-9]*[A-Z])[A-Z0-9]+-\d{4}$", re.I)
_TOKEN = r"(?P<ref>[A-Za-z0-9](?:[A-Za-z0-9/_.\-]*[A-Za-z0-9])?)"
_LABELLED_REF_RE = re.compile(
    r"(?P<pre>\b\w+\s+)?(?P<label>\b(?:(?:our|force|foi|foia|freedom\s+of\s+information|request|case|unique)\s+"
    r"(?:ref(?:erence)?|number|no)\b\.?(?:\s*(?:no\b\.?|number|num\b\.?|nr\b\.?))?|"
    r"ref(?:erence)?\b\.?(?:\s*(?:no\b\.?|number|num\b\.?|nr\b\.?))?|"
    r"(?:logged|registered|recorded|allocated)\s+(?:under|with|as)(?:\s+(?:the\s+)?(?:ref(?:erence)?|number)(?:\s+number)?)?))"
    r"\s*(?:is\s+|of\s+)?[:#=\-\u2013]?\s*" + _TOKEN,
    re.I,
)
_FOI_GLUED_RE = re.compile(
    r"(?<![\w/-])(?P<ref>FOI[A]?[-/_](?:[A-Za-z0-9]+[-/_])*\d[A-Za-z0-9]*(?:[-/_][A-Za-z0-9]+)*)", re.I
)
_FOI_SPACED_RE = re.compile(
    r"(?<![\w/-])FOI(?:\s+request)?\s+(?:no\.?\s*)?(?P<ref>\d[\d/\-]*\d(?:/[A-Z]{1,3})?)\b", re.I
)


def _valid_ref(token: str) -> bool:
    token = token.strip(".-/")
    if len(token) < 3 or len(token) > 40 or not re.search(r"\d", token):
        return False
    if _OUR_REF_RE.match(token):
        return False  # that is our own reference, quoted back to us
    if re.fullmatch(r"(?:19|20)\d\d", token):
        return False  # "FOIA 2000", "reference 2024"
    if re.fullmatch(r"\d{1,2}[/.]\d{1,2}[/.]\d{2,4}", token) or re.fullmatch(r"\d{4}-\d{2}-\d{2}", token):
        return False  # a date, not a reference
    if "@" in token or token.lower().startswith(("http", "www")):
        return False
    return True


def _ref_candidates(text: str) -> list[tuple[int, int, str]]:
    """(priority, position, reference); lower priority number wins."""
    out: list[tuple[int, int, str]] = []
    for m in _LABELLED_REF_RE.finditer(text):
        pre = (m.group("pre") or "").strip().lower()
        if pre in ("your", "my", "yr"):
            continue  # "your reference FOI-CAUTIONS-0007" is ours
        ref = m.group("ref").rstrip(".-/")
        if _valid_ref(ref):
            out.append((0, m.start(), ref))
    for m in _FOI_GLUED_RE.finditer(text):
        ref = m.group("ref").rstrip(".-/")
        if _valid_ref(ref):
            out.append((1, m.start(), ref))
    for m in _FOI_SPACED_RE.finditer(text):
        ref = m.group("ref").rstrip(".-/")
        if _valid_ref(ref):
            out.append((2, m.start(), ref))
    return out


def find_force_reference(text: str, subject: str = "") -> str | None:
    """The force's own reference from the subject or text ("Our ref: 000123/19",
    "FOI-2019-0456", "Ref: 01/FOI/25/006753/Z"). A space-separated "FOI " label is dropped
    ("FOI 2019/01234" -> "2019/01234"); prefixes joined with - or / are part of the reference.
    Our own references (FOI-CAUTIONS-0007) and "your ref" values are never returned."""
    candidates = [(p, 0, pos, ref) for p, pos, ref in _ref_candidates(subject or "")]
    candidates += [(p, 1, pos, ref) for p, pos, ref in _ref_candidates(text or "")]
    if not candidates:
        return None
    # A labelled reference beats an unlabelled one wherever it is; the subject wins ties
    # because forces put their case number there consistently.
    candidates.sort()
    return candidates[0][3]
