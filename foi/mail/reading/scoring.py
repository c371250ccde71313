"""Score a reply's sentences against the wording signals (:data:`foi.mail.reading.signals.SIGNALS`)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

from foi.mail.reading.sentences import courtesy
from foi.mail.reading.signals import SIGNALS


def score(sentences: Sequence[str]) -> tuple[dict[str, float], dict[str, list[str]]]:
    """Each signal's score over `sentences` and the sentences that scored, in order."""
    scores: dict[str, float] = defaultdict(float)
    evidence: dict[str, list[str]] = defaultdict(list)
    for sentence in sentences:
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
