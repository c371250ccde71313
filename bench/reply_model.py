"""EXPERIMENT (issue 12): a small learned reading of a reply's language, beside the rules of
:mod:`foi.mail.classify`. Not part of the product: the cross-validation in
``bench/train_reply_model.py`` did not show a clear gain (see ``bench/reply_model_results.md``).

A naive Bayes model (multinomial, tempered) over the words and word pairs of the authority's *new* text (the rules'
segmentation drops our quoted request, earlier correspondence, rights paragraphs, disclaimers and
signatures first), plus three facts of shape: an attachment, the length of the new text, a question
in it. It gives a probability per kind. The rules would still decide; the model would only move a
reading across the line of :data:`foi.mail.classify.AUTOMATIC` (see :func:`combine`) and give a
best guess where the rules found no signal at all.

It is a model of the language, not of the files it was trained on: a feature is kept only when it
occurs in replies from at least ``MIN_AUTHORITIES`` different authorities, the vocabulary is
capped, and no number, date, reference or place name can be a feature (digits become ``#``,
month names ``#m``, the words of police force names are dropped). ``bench/train_reply_model.py
--out FILE`` writes the trained counts (no text, only counts).
"""

from __future__ import annotations

import csv
import json
import math
import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from foi.mail.reading.segments import Reading

DATA_DIR = Path(__file__).resolve().parents[1] / "foi" / "data"
MODEL_PATH = Path(__file__).resolve().parent / "reply_model.json"
FORMAT = 1
MIN_AUTHORITIES = 3
MAX_FEATURES = 300
ALPHA = 0.5
TEMPERATURE = 3.0

_TOKEN_RE = re.compile(r"[a-z]+(?:'[a-z]+)?|\d[\d,.:/-]*")
_MONTHS = frozenset("january february march april may june july august september october november december "
                    "jan feb mar apr jun jul aug sep sept oct nov dec".split())
# Place words of the registry's forces ("Avon and Somerset Constabulary"): never a feature.
_KEEP = frozenset({"and", "of", "the", "police", "service", "force", "constabulary", "city"})


@cache
def _place_words() -> frozenset[str]:
    words: set[str] = set()
    try:
        with open(DATA_DIR / "police-forces.csv", newline="", encoding="utf-8") as fh:
            for row in csv.DictReader(fh):
                words.update(re.findall(r"[a-z]+", (row.get("name") or "").lower()))
                words.update((row.get("slug") or "").split("-"))
    except OSError:
        pass
    return frozenset(words - _KEEP)


def tokens(text: str) -> list[str]:
    """Lower-cased words, with every number, reference or date part as ``#`` and months as ``#m``."""
    out = []
    places = _place_words()
    for tok in _TOKEN_RE.findall(text.lower().replace("\u2019", "'")):
        if tok[0].isdigit():
            tok = "#"
        elif tok in _MONTHS:
            tok = "#m"
        elif tok in places:
            continue
        out.append(tok)
    return out


def features(new: Sequence[str], *, attachments: int = 0) -> set[str]:
    """The features of a reply: unigrams and bigrams of its new text (within a sentence), and
    ``@attachment``, ``@length:N`` (a bucket of the word count) and ``@question``."""
    feats: set[str] = set()
    words = 0
    for sentence in new:
        toks = tokens(sentence)
        words += len(toks)
        feats.update(toks)
        feats.update(f"{a} {b}" for a, b in zip(toks, toks[1:], strict=False))
    feats.discard("#")
    if attachments:
        feats.add("@attachment")
    feats.add(f"@length:{min(4, int(math.log2(1 + words / 10)))}")
    if any("?" in s for s in new):
        feats.add("@question")
    return feats


def reading_features(reading: Reading, *, attachments: int = 0) -> set[str]:
    return features(reading.of("new"), attachments=attachments)


@dataclass
class ReplyModel:
    kinds: list[str]
    vocabulary: list[str]
    # Per kind: the number of training replies, and per feature the replies holding it.
    docs: dict[str, int]
    counts: dict[str, list[int]]
    alpha: float = ALPHA
    temperature: float = TEMPERATURE
    p: float = 1.01  # agreement at or above this makes a rules' guess automatic (1.01: never)
    q: float = 0.0  # a rules' automatic kind under this goes to review (0: never)
    g: float = 1.01  # a weak rules' guess (confidence <= 0.2) gives way to the model's top kind from this
    meta: dict[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self._index = {f: i for i, f in enumerate(self.vocabulary)}
        total = sum(self.docs.values()) or 1
        k, v = len(self.kinds), len(self.vocabulary)
        self._prior = {c: math.log((self.docs.get(c, 0) + 1) / (total + k)) for c in self.kinds}
        # Multinomial naive Bayes over the features a reply holds (each counted once): absences say
        # nothing, which keeps a short reply from being read by all the words it lacks.
        self._log = {c: [math.log((x + self.alpha) / (sum(self.counts[c]) + self.alpha * v)) for x in self.counts[c]]
                     for c in self.kinds}

    def probabilities(self, feats: Iterable[str]) -> dict[str, float]:
        """The probability of each kind; naive Bayes is far too sure of itself, so the log-odds are
        divided by ``temperature`` (fitted by cross-validation) before they are normalised."""
        idx = [self._index[f] for f in set(feats) if f in self._index]
        logs = {c: (self._prior[c] + sum(self._log[c][i] for i in idx)) / self.temperature for c in self.kinds}
        top = max(logs.values())
        exp = {c: math.exp(v - top) for c, v in logs.items()}
        z = sum(exp.values())
        return {c: exp[c] / z for c in self.kinds}

    def to_json(self) -> dict[str, Any]:
        return {"format": FORMAT, "kinds": self.kinds, "alpha": self.alpha, "temperature": self.temperature,
                "p": self.p, "q": self.q, "g": self.g,
                "meta": self.meta, "docs": self.docs, "vocabulary": self.vocabulary, "counts": self.counts}

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> ReplyModel:
        if data.get("format") != FORMAT:
            raise ValueError(f"reply model format {data.get('format')!r}, expected {FORMAT}")
        return cls(kinds=list(data["kinds"]), vocabulary=list(data["vocabulary"]), docs=dict(data["docs"]),
                   counts={k: list(v) for k, v in data["counts"].items()}, alpha=float(data["alpha"]),
                   temperature=float(data["temperature"]),
                   p=float(data["p"]), q=float(data["q"]), g=float(data["g"]), meta=dict(data.get("meta", {})))


def train(examples: Sequence[tuple[set[str], str, str]], *, kinds: Sequence[str] | None = None,
          min_authorities: int = MIN_AUTHORITIES, max_features: int = MAX_FEATURES,
          alpha: float = ALPHA) -> ReplyModel:
    """A model from (features, kind, authority) examples. Deterministic: ties are broken by name."""
    kinds = sorted(kinds or {k for _, k, _ in examples})
    examples = [e for e in examples if e[1] in kinds]
    by_authority: dict[str, set[str]] = {}
    df: Counter[str] = Counter()
    for feats, _, authority in examples:
        df.update(feats)
        for f in feats:
            by_authority.setdefault(f, set()).add(authority)
    spread = {f: len(a) for f, a in by_authority.items() if len(a) >= min_authorities}
    docs = Counter(k for _, k, _ in examples)
    # Of the features that spread widely enough, the most informative about the kind (largest
    # mutual information between presence and kind), so the cap keeps what discriminates.
    n = len(examples) or 1
    per_kind: dict[str, Counter[str]] = {k: Counter() for k in kinds}
    for feats, kind, _ in examples:
        per_kind[kind].update(f for f in feats if f in spread)

    def information(f: str) -> float:
        total = 0.0
        pf = df[f] / n
        for k in kinds:
            pk = docs[k] / n
            on = per_kind[k][f] / n
            off = (docs[k] - per_kind[k][f]) / n
            if on > 0:
                total += on * math.log(on / (pf * pk))
            if off > 0 and pf < 1:
                total += off * math.log(off / ((1 - pf) * pk))
        return total

    ranked = sorted(spread, key=lambda f: (-round(information(f), 12), f))
    vocabulary = sorted(ranked[:max_features])
    counts = {k: [per_kind[k][f] for f in vocabulary] for k in kinds}
    return ReplyModel(kinds=list(kinds), vocabulary=vocabulary, docs={k: docs[k] for k in kinds},
                      counts=counts, alpha=alpha)


@cache
def load(path: Path = MODEL_PATH) -> ReplyModel | None:
    """The trained model, or None when its file is absent (the rules then read alone)."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except OSError:
        return None
    return ReplyModel.from_json(data)


@dataclass(frozen=True)
class Verdict:
    kind: str
    guess: str
    confidence: float
    reason: str | None


def combine(kind: str, guess: str, confidence: float, probs: Mapping[str, float], *, p: float, q: float,
            g: float, status_kinds: Iterable[str], automatic: float) -> Verdict:
    """The rules' reading (kind, guess, confidence) weighed with the model's probabilities.

    - rules automatic, but the model gives their kind less than ``q``: needs-review, same guess;
    - rules unsure, the model gives their guess at least ``p``: that guess, automatically;
    - rules without a guess, or a weak one (confidence <= 0.2), and a model sure to ``g``: the
      model's most likely kind becomes the guess, never a decision on its own.
    """
    status = frozenset(status_kinds)
    if kind == "auto-reply" or not probs:
        return Verdict(kind, guess, confidence, None)
    top = max(sorted(probs), key=lambda k: probs[k])
    if kind in status:
        pk = probs.get(kind, 0.0)
        if pk < q:
            return Verdict("needs-review", kind, min(confidence, round(automatic - 0.05, 2)),
                           f"the wording reads more like {top} ({probs[top]:.2f}) than {kind} ({pk:.2f})")
        return Verdict(kind, guess, confidence, None)
    if guess in status and confidence > 0.2 and probs.get(guess, 0.0) >= p:
        return Verdict(guess, guess, max(confidence, automatic),
                       f"the wording agrees: {guess} ({probs[guess]:.2f})")
    # Only where the rules have no status to offer (an auto-reply's guess is theirs to make), or a
    # weak one, and only when the wording leans clearly one way: a chat about something else gets
    # no guess at all.
    if (guess == "needs-review" or (guess in status and confidence <= 0.2)) and probs[top] >= g:
        if top != guess:
            return Verdict(kind, top, confidence, f"best guess from the wording: {top} ({probs[top]:.2f})")
    return Verdict(kind, guess, confidence, None)
