"""A reply as sentences, and which sentences say nothing about the decision.

Forces hard-wrap their letters and paste tables of figures into them; a sentence is only useful
as evidence once the wraps are undone and the table rows kept apart. Complaint-rights paragraphs,
disclaimers and hypotheticals ("If this exceeds section 12 ...") are in nearly every reply, so
they must not count as signals.
"""

from __future__ import annotations

import re

_ABBREV_RE = re.compile(r"(?:\b(?:s|ss|sec|no|nos|ref|refs|e\.g|i\.e|etc|mr|mrs|ms|dr|st|para|paras"
    r"|approx|tel|vol|ch|art|pt)|\b[A-Z])\.$", re.I)


def split_sentences(text: str) -> list[str]:
    """Sentences with hard wraps undone. Short lines, headings and table rows stay separate."""
    out: list[str] = []
    for para in re.split(r"\n\s*\n", text):
        lines = [ln.strip() for ln in para.split("\n") if ln.strip()]
        joined: list[str] = []
        buf = ""
        for ln in lines:
            tabular = is_table_row(ln)
            if tabular or re.match(r"^([-*\u2022]|\d+[.)]|[a-z][.)]|Q\d)\s", ln):
                if buf:
                    joined.append(buf)
                    buf = ""
                if tabular:
                    joined.append(ln)
                    continue
            buf = f"{buf} {ln}".strip() if buf else ln
            if len(ln) < 45 or ln.endswith(":"):
                joined.append(buf)
                buf = ""
        if buf:
            joined.append(buf)
        for chunk in joined:
            out.extend(_split_chunk(chunk))
    return [s for s in out if s.strip()]


def is_table_row(line: str) -> bool:
    """A row of figures ("2019/20  8N  Adult caution  112"), not prose that happens to hold numbers."""
    if "\t" in line or "|" in line:
        return True
    tokens = line.split()
    numeric = [t for t in tokens if re.fullmatch(r"[\d,./*<>\-]+", t) and re.search(r"\d|\*", t)]
    return len(numeric) >= 2 and len(tokens) <= 12 and bool(re.search(r"(?:\d|\*)\s*$", line)) and (
        len(numeric) * 2 >= len(tokens) or len(tokens) <= 6
    )


def _split_chunk(chunk: str) -> list[str]:
    pieces: list[str] = []
    start = 0
    for m in re.finditer(r"[.!?](?=[\"')\]]?\s+[\"'(]?[A-Z0-9])", chunk):
        head = chunk[start : m.end()]
        if _ABBREV_RE.search(head):
            continue
        pieces.append(head.strip())
        start = m.end()
    pieces.append(chunk[start:].strip())
    return [p for p in pieces if p]


_BOILERPLATE_RE = re.compile(
    r"dissatisfied|complaint\s+rights|your\s+right\s+to\s+(?:request|complain|ask)|information\s+commissioner|"
    r"ico\.org\.uk|\bif\s+you\s+are\s+(?:not\s+)?(?:unhappy|satisfied|content)|"
    r"(?:may|can|wish\s+to|right\s+to)\s+(?:request|ask\s+for|apply\s+for)\s+an\s+internal\s+review|"
    r"within\s+(?:40|forty)\s+(?:working|calendar)\s+days|re-?use\s+of|copyright|open\s+government\s+licen[cs]e|"
    r"intended\s+recipient|this\s+e-?mail\s+(?:and\s+any|is\s+(?:intended|confidential))|monitored|disclaimer|"
    r"privacy\s+notice|wycombe|water\s+lane|wilmslow|cheshire\s+sk9|^tel(?:ephone)?\b|^www\.|^https?://|"
    r"please\s+consider\s+the\s+environment",
    re.I,
)
_CONDITIONAL_RE = re.compile(
    r"^\s*(?:please\s+note,?\s+(?:that\s+)?)?(?:if|should|where|in\s+the\s+event|unless|once|in\s+some\s+cases|"
    r"occasionally|on\s+occasion|sometimes)\b|\b(?:may|might|could)\s+(?:need|have|be\s+required|require|apply|be\s+exempt|"
    r"engage|be\s+necessary|be\s+engaged|be\s+withheld|be\s+refused)\b|\bif\s+(?:we|the|your|it|this|any|there)\b",
    re.I,
)


def is_boilerplate(sentence: str) -> bool:
    return bool(_BOILERPLATE_RE.search(sentence))


def is_conditional(sentence: str) -> bool:
    return bool(_CONDITIONAL_RE.search(sentence))


def tabular_lines(text: str) -> int:
    """How many lines of `text` look like rows of a table of figures."""
    count = 0
    for line in text.split("\n"):
        cells = [c for c in re.split(r"\t|\s{2,}|\|", line.strip()) if c.strip()]
        numbers = [c for c in cells if re.fullmatch(r"[\d,]+|\*|<\s?\d+|-", c.strip())]
        if (len(cells) >= 2 and len(numbers) >= 1 and len(cells) <= 30) or (len(cells) == 1 and is_table_row(line)):
            count += 1
    return count
