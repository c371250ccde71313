"""What an attachment is evidence of: data given, a letter, or a document we cannot see into."""

from __future__ import annotations

import re

from foi.mail.reading.sentences import tabular_lines

_DATA_EXT = frozenset({"xlsx", "xlsm", "xls", "xlsb", "csv", "tsv", "ods", "zip", "json"})
_DOC_EXT = frozenset({"pdf", "docx", "doc", "odt", "rtf", "txt", "htm", "html"})
_LETTERISH_RE = re.compile(
    r"letter|notice|refus|acknowledg|\back\b|cover|appeal|complaint|rights|review|extension|clarif|"
    r"decision|reply|response|outcome|signature|logo|disclaimer",
    re.I,
)
_NOT_AN_ANSWER_RE = re.compile(r"appeal|complaint|rights|signature|logo|disclaimer|privacy|guidance|leaflet", re.I)
_LETTER_TEXT_RE = re.compile(r"\bdear\b|yours\s+(?:sincerely|faithfully)|freedom\s+of\s+information", re.I)


def is_data_attachment(name: str, text: str | None) -> bool | None:
    """True: carries data; False: a letter, logo or nothing; None: a document we cannot see into."""
    ext = name.rsplit(".", 1)[-1].lower() if "." in name else ""
    if ext in _DATA_EXT:
        return True
    if ext not in _DOC_EXT:
        return False
    if text and text.strip():
        if tabular_lines(text) >= 3:
            return True
        if _LETTER_TEXT_RE.search(text) or _LETTERISH_RE.search(name):
            return False
        return True
    # A letter we cannot read is still evidence of an answer (issue 12), unless it is the rights
    # sheet, a logo or a disclaimer that comes with every reply.
    return False if _NOT_AN_ANSWER_RE.search(name) else None


