"""Score a reply's sentences against the wording signals (:data:`foi.mail.reading.signals.SIGNALS`)."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence

from foi.mail.reading.sentences import courtesy
from foi.mail.reading.signals import SIGNALS

# A bare "N/A" (no "see question 1") beside a line that is only a date: an empty field of a disclosure
# log's header ("Exemptions: N/A", "Date of review: N/A"), not a question answered "not applicable"
# (round 15).
_BARE_NA_RE = re.compile(r"^\W*(?:not\s+applicable|n\s*/\s*a)\W*$", re.I)
_DATE_LINE_RE = re.compile(r"^\W*(?:\d{1,2}(?:st|nd|rd|th)?\s+[A-Za-z]{3,9}\.?\s+\d{4}|\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}"
                           r"|[A-Za-z]{3,9}\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4})\W*$")


def _empty_field(sentences: Sequence[str], i: int) -> bool:
    """True when sentence i is a bare "N/A" next to a date-only line."""
    if not _BARE_NA_RE.match(sentences[i]):
        return False
    near = [sentences[j] for j in (i - 1, i + 1) if 0 <= j < len(sentences)]
    return any(_DATE_LINE_RE.match(x) for x in near)


def score(sentences: Sequence[str]) -> tuple[dict[str, float], dict[str, list[str]]]:
    """Each signal's score over `sentences` and the sentences that scored, in order."""
    scores: dict[str, float] = defaultdict(float)
    evidence: dict[str, list[str]] = defaultdict(list)
    for i, sentence in enumerate(sentences):
        if _empty_field(sentences, i):
            continue
        best: dict[str, float] = {}
        polite = courtesy(sentence)
        for kind, rx, weight in SIGNALS:
            if kind == "clarification" and polite:
                continue
            if weight > best.get(kind, 0.0) and rx.search(sentence):
                best[kind] = weight
        for kind, weight in best.items():
            scores[kind] += weight
            evidence[kind].append(sentence)
    return scores, evidence


def refusing_words(sentence: str) -> bool:
    """True when `sentence` holds words of refusing."""
    scores, _ = score([sentence])
    return scores["refused"] >= 1.5 or scores["firm"] >= 2
