"""Score a reply's sentences against the wording signals (:data:`foi.mail.reading.signals.SIGNALS`)."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence

from foi.mail.reading.signals import SIGNALS

# "Could you let us know if you need anything further?": a courtesy under an answer, no question.
_COURTESY_RE = re.compile(
    r"\bconfirm\s+(?:the\s+)?receipt\b|\b(?:if|whether)\s+(?:you\s+)?(?:need|require|have|want|would\s+like)\s+"
    r"(?:any(?:thing)?\s+)?(?:else|further|more|other|additional)\b(?!\s+(?:details|information)\s+(?:of|about|on)\s+(?:which|what|the\s+(?:period|date)))",
    re.I,
)


def score(sentences: Sequence[str]) -> tuple[dict[str, float], dict[str, list[str]]]:
    """Each signal's score over `sentences` and the sentences that scored, in order."""
    scores: dict[str, float] = defaultdict(float)
    evidence: dict[str, list[str]] = defaultdict(list)
    for sentence in sentences:
        best: dict[str, float] = {}
        courtesy = bool(_COURTESY_RE.search(sentence))
        for kind, rx, weight in SIGNALS:
            if kind == "clarification" and courtesy:
                continue
            if weight > best.get(kind, 0.0) and rx.search(sentence):
                best[kind] = weight
        for kind, weight in best.items():
            scores[kind] += weight
            evidence[kind].append(sentence)
    return scores, evidence


def courtesy(sentence: str) -> bool:
    """True when `sentence` is a courtesy under an answer ("let us know if you need anything else"),
    not a question put to us."""
    return bool(_COURTESY_RE.search(sentence))


def refusing_words(sentence: str) -> bool:
    """True when `sentence` holds words of refusing."""
    scores, _ = score([sentence])
    return scores["refused"] >= 1.5 or scores["firm"] >= 2
