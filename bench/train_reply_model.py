"""Train (and cross-validate) the reply model of foi.mail.model from labelled sets of real replies.

    python bench/train_reply_model.py --corpus DIR [--corpus DIR ...] [--out FILE.json]
                                      [--cv] [--json]

A corpus is a folder with a labels.csv (columns file, authority, kind; optionally subject, date,
has_attachment_mentioned) and the reply texts it names (`file` may be a path relative to the folder,
"../other/001.txt"; a text may start with "Subject: ..." and "Attachments: a.pdf; b.xlsx" lines).
Each reply is built into an e-mail (From the authority, its Subject and Date, a small text-less PDF
for each attachment it mentions) and read by foi's own parsing (classify_message), so the model
sees exactly the new text the rules decide from. Replies labelled needs-review are not trained on.

--cv: cross-validation grouped by authority (never one authority's replies in both training and
test), 5 folds over all corpora together. Per fold the model is trained on the other folds, and
the combination thresholds p, q, g are chosen by an inner cross-validation inside those training
folds only; the table compares (a) the rules alone, (b) the model alone and (c) the two combined:
kind right, precision of automatic decisions, coverage (share decided automatically) and the best
guess of the replies sent to review.

--out writes the model trained on every reply, with p, q, g chosen by cross-validation over all of
it. The file holds counts and the corpora's names and sizes, no text. Deterministic.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import json
import sys
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from email.message import EmailMessage
from email.utils import format_datetime
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

import reply_model  # noqa: E402  (bench/reply_model.py)

from foi.mail.classify import AUTOMATIC, KINDS, STATUS_KINDS, classify  # noqa: E402
from foi.mail.reading.segments import read_message  # noqa: E402
from foi.mail.text import message_parts  # noqa: E402

FOLDS = 5
# The share of the decisions the model adds to the rules' that must be right (in the inner folds).
MARGINAL = 0.95
TRAIN_KINDS = [k for k in KINDS if k != "needs-review"]
P_GRID = (0.4, 0.5, 0.6, 0.7, 0.8, 0.85, 0.9, 0.95, 0.98, 1.01)
Q_GRID = (0.0, 0.02, 0.05, 0.1, 0.15, 0.2, 0.3)
G_GRID = (0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.01)
T_GRID = (0.5, 0.6, 0.7, 0.8, 0.85, 0.9, 0.95, 0.98, 1.01)


@dataclass
class Reply:
    corpus: str
    file: str
    authority: str
    label: str
    feats: set[str]
    rule_kind: str
    rule_guess: str
    rule_conf: float


def _pdf() -> bytes:
    """A valid one-page PDF with no text: an attached letter foi cannot read."""
    objs = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>"]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for i, body in enumerate(objs, 1):
        offsets.append(len(out))
        out += f"{i} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objs) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{off:010d} 00000 n \n".encode() for off in offsets)
    out += f"trailer\n<< /Size {len(objs) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return bytes(out)


def build_message(row: dict[str, str], raw: str) -> EmailMessage:
    lines = raw.split("\n")
    subject, names = "", []
    while lines and (lines[0].startswith("Subject:") or lines[0].startswith("Attachments:")):
        head, _, value = lines.pop(0).partition(":")
        if head == "Subject":
            subject = value.strip()
        else:
            names = [n.strip() for n in value.split(";") if n.strip()]
    if not names and row.get("has_attachment_mentioned") == "1":
        names = ["FOI response.pdf"]
    slug = row.get("authority") or "unknown"
    msg = EmailMessage()
    msg["From"] = f"Freedom of Information <foi@{slug.replace('-', '')}.example.gov.uk>"
    msg["To"] = "Requester <request-1234-abcd@whatdotheyknow.com>"
    msg["Subject"] = row.get("subject") or subject or "RE: Freedom of Information request"
    d = date.fromisoformat(row["date"]) if row.get("date") else date(2024, 3, 14)
    msg["Date"] = format_datetime(datetime(d.year, d.month, d.day, 10, 17, tzinfo=UTC))
    msg.set_content("\n".join(lines).lstrip("\n") or " ")
    for name in names:
        ext = name.rsplit(".", 1)[-1].lower() if "." in name else "pdf"
        if ext == "pdf":
            msg.add_attachment(_pdf(), maintype="application", subtype="pdf", filename=name)
        else:
            msg.add_attachment(b"", maintype="application", subtype="octet-stream", filename=name)
    return msg


def read(msg: EmailMessage) -> tuple[Any, Any]:
    """The rules' reading of a mail and the segmented text they decide from (as classify builds it)."""
    subject, text, names, texts, headers = message_parts(msg)
    paired = len(texts) == len(names)
    letters = [(names[i] if paired else f"attachment {i + 1}", t) for i, t in enumerate(texts) if t and t.strip()]
    return classify(subject, text, names, texts, headers), read_message(text or "", letters, subject=subject)


def load(corpora: Sequence[Path]) -> list[Reply]:
    """Every labelled reply, read by the rules, with the features of its new text."""
    out = []
    for corpus in corpora:
        with open(corpus / "labels.csv", newline="", encoding="utf-8") as fh:
            rows = list(csv.DictReader(fh))
        for row in rows:
            msg = build_message(row, (corpus / row["file"]).read_text(encoding="utf-8"))
            got, reading = read(msg)
            attachments = sum(1 for part in msg.walk() if part.get_filename())
            out.append(Reply(corpus.name, row["file"], row["authority"], row["kind"],
                             reply_model.reading_features(reading, attachments=attachments),
                             got.kind, got.guess, got.confidence))
    return out


def folds_of(replies: Sequence[Reply], k: int, salt: str) -> dict[str, int]:
    """Authorities to folds: largest first (ties by a salted hash), each to the emptiest fold."""
    count = Counter(r.authority for r in replies)
    order = sorted(count, key=lambda a: (-count[a], hashlib.sha256(f"{salt}:{a}".encode()).hexdigest()))
    load_ = [0] * k
    fold = {}
    for a in order:
        f = min(range(k), key=lambda i: (load_[i], i))
        fold[a] = f
        load_[f] += count[a]
    return fold


def fit(replies: Sequence[Reply]) -> reply_model.ReplyModel:
    return reply_model.train([(r.feats, r.label, r.authority) for r in replies if r.label in TRAIN_KINDS],
                             kinds=TRAIN_KINDS)


def out_of_fold(replies: Sequence[Reply], k: int, salt: str) -> list[dict[str, float]]:
    """The model's probabilities for each reply from a model that never saw its authority."""
    fold = folds_of(replies, k, salt)
    probs: list[dict[str, float]] = [{} for _ in replies]
    for f in range(k):
        m = fit([r for r in replies if fold[r.authority] != f])
        for i, r in enumerate(replies):
            if fold[r.authority] == f:
                probs[i] = m.probabilities(r.feats)
    return probs


# (kind, guess) per reply, for each way of reading.
Outcome = list[tuple[str, str]]


def rules(replies: Sequence[Reply]) -> Outcome:
    return [(r.rule_kind, r.rule_guess) for r in replies]


def combined(replies: Sequence[Reply], probs: Sequence[dict[str, float]], p: float, q: float, g: float) -> Outcome:
    out = []
    for r, pr in zip(replies, probs, strict=True):
        v = reply_model.combine(r.rule_kind, r.rule_guess, r.rule_conf, pr, p=p, q=q, g=g,
                                status_kinds=STATUS_KINDS, automatic=AUTOMATIC)
        out.append((v.kind, v.guess))
    return out


def alone(probs: Sequence[dict[str, float]], t: float) -> Outcome:
    out = []
    for pr in probs:
        top = max(sorted(pr), key=lambda k: pr[k])
        out.append((top if pr[top] >= t and top in STATUS_KINDS else "needs-review", top))
    return out


def score(replies: Sequence[Reply], outcome: Outcome) -> dict[str, Any]:
    n = len(replies)
    right = sum(k == r.label for r, (k, _) in zip(replies, outcome, strict=True))
    auto = [(r, k) for r, (k, _) in zip(replies, outcome, strict=True) if k in STATUS_KINDS]
    auto_right = sum(k == r.label for r, k in auto)
    review = [(r, gs) for r, (k, gs) in zip(replies, outcome, strict=True) if k == "needs-review"]
    guess_right = sum(gs == r.label for r, gs in review)
    guess_all = sum(gs == r.label for r, (_, gs) in zip(replies, outcome, strict=True))
    return {"n": n, "kind_right": right, "guess_all": guess_all, "automatic": len(auto), "automatic_right": auto_right,
            "review": len(review), "guess_right": guess_right}


def _better(a: dict[str, Any], b: dict[str, Any] | None, floor: float, base: dict[str, Any] | None = None) -> bool:
    """Is `a` a better choice than `b`: precision at or above `floor` (and, against the rules'
    `base`, the automatic decisions it adds at least MARGINAL right), then kind right, precision, guess."""
    prec = a["automatic_right"] / a["automatic"] if a["automatic"] else 1.0
    if prec < floor:
        return False
    if base is not None and a["automatic"] > base["automatic"]:
        added = a["automatic"] - base["automatic"]
        if (a["automatic_right"] - base["automatic_right"]) / added < MARGINAL:
            return False
    if b is None:
        return True
    bprec = b["automatic_right"] / b["automatic"] if b["automatic"] else 1.0
    return (a["kind_right"], prec, a["guess_right"]) > (b["kind_right"], bprec, b["guess_right"])


def choose(replies: Sequence[Reply], salt: str) -> tuple[tuple[float, float, float], float]:
    """p, q, g (combination) and t (model alone) chosen by cross-validation over `replies` only."""
    probs = out_of_fold(replies, FOLDS - 1, salt)
    base = score(replies, rules(replies))
    floor = base["automatic_right"] / base["automatic"] if base["automatic"] else 1.0
    best: tuple[dict[str, Any] | None, tuple[float, float, float]] = (None, (1.01, 0.0, 1.01))
    for p in P_GRID:
        for q in Q_GRID:
            for g in G_GRID:
                s = score(replies, combined(replies, probs, p, q, g))
                if _better(s, best[0], floor, base):
                    best = (s, (p, q, g))
    t_best: tuple[dict[str, Any] | None, float] = (None, 1.01)
    for t in T_GRID:
        s = score(replies, alone(probs, t))
        if _better(s, t_best[0], 0.97):
            t_best = (s, t)
    return best[1], t_best[1]


def cross_validate(replies: list[Reply]) -> dict[str, Any]:
    fold = folds_of(replies, FOLDS, "reply-model-outer")
    ways = ("rules", "model", "combined")
    outcomes: dict[str, list[tuple[str, str] | None]] = {w: [None] * len(replies) for w in ways}
    chosen = []
    for f in range(FOLDS):
        train_ = [r for r in replies if fold[r.authority] != f]
        test_idx = [i for i, r in enumerate(replies) if fold[r.authority] == f]
        test = [replies[i] for i in test_idx]
        (p, q, g), t = choose(train_, f"reply-model-inner-{f}")
        m = fit(train_)
        probs = [m.probabilities(r.feats) for r in test]
        chosen.append({"fold": f + 1, "replies": len(test), "p": p, "q": q, "g": g, "t": t,
                       "vocabulary": len(m.vocabulary)})
        for way, got in zip(ways, (rules(test), alone(probs, t), combined(test, probs, p, q, g)), strict=True):
            for i, o in zip(test_idx, got, strict=True):
                outcomes[way][i] = o
    table: dict[str, Any] = {}
    groups: dict[str, Callable[[Reply], bool]] = {c: (lambda r, c=c: r.corpus == c)
                                                  for c in sorted({r.corpus for r in replies})}
    groups["all"] = lambda r: True
    for name, keep in groups.items():
        idx = [i for i, r in enumerate(replies) if keep(r)]
        table[name] = {way: score([replies[i] for i in idx], [o[i] for i in idx])  # type: ignore[misc]
                       for way, o in outcomes.items()}
    # The model's top kind against the label, whatever its probability (how much it knows).
    top_right = sum(o[1] == r.label for r, o in zip(replies, outcomes["model"], strict=True) if o)
    return {"folds": chosen, "table": table, "model_top_right": top_right,
            "trained_on": sum(r.label in TRAIN_KINDS for r in replies)}


def _pct(a: int, b: int) -> str:
    return f"{a}/{b} {100 * a / b:3.0f}%" if b else f"{a}/0    -"


def print_cv(cv: dict[str, Any]) -> None:
    print("folds (thresholds chosen inside each fold's training part):")
    for c in cv["folds"]:
        print(f"  fold {c['fold']}: {c['replies']} replies, p={c['p']} q={c['q']} g={c['g']} "
              f"model-alone t={c['t']}, vocabulary {c['vocabulary']}")
    print(f"{'set':<14}{'way':<10}{'kind right':>15}{'auto precision':>17}{'coverage':>15}{'guess right':>15}"
          f"{'guess (all)':>15}")
    for name, ways in cv["table"].items():
        for way, s in ways.items():
            print(f"{name:<14}{way:<10}{_pct(s['kind_right'], s['n']):>15}"
                  f"{_pct(s['automatic_right'], s['automatic']):>17}{_pct(s['automatic'], s['n']):>15}"
                  f"{_pct(s['guess_right'], s['review']):>15}{_pct(s['guess_all'], s['n']):>15}")
    n = cv["table"]["all"]["model"]["n"]
    print(f"model's top kind right (any probability): {_pct(cv['model_top_right'], n)}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--corpus", type=Path, action="append", required=True, help="a labelled folder (repeatable)")
    ap.add_argument("--out", type=Path, help="write the model trained on every reply here")
    ap.add_argument("--cv", action="store_true", help="cross-validate by authority and print the table")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args(argv)
    replies = load(args.corpus)
    result: dict[str, Any] = {"replies": len(replies), "authorities": len({r.authority for r in replies})}
    if args.cv:
        result["cv"] = cross_validate(replies)
    if args.out:
        (p, q, g), _ = choose(replies, "reply-model-final")
        m = fit(replies)
        m.p, m.q, m.g = p, q, g
        m.meta = {"corpora": {c.name: sum(r.corpus == c.name for r in replies) for c in args.corpus},
                  "replies": len(replies), "trained_on": sum(r.label in TRAIN_KINDS for r in replies),
                  "authorities": result["authorities"], "min_authorities": reply_model.MIN_AUTHORITIES,
                  "max_features": reply_model.MAX_FEATURES}
        args.out.write_text(json.dumps(m.to_json(), sort_keys=True, separators=(",", ":")) + "\n", encoding="utf-8")
        result["model"] = {"path": str(args.out), "bytes": args.out.stat().st_size, "p": p, "q": q, "g": g,
                           "vocabulary": len(m.vocabulary)}
    if args.json:
        print(json.dumps(result, indent=2))
        return 0
    print(f"{result['replies']} replies from {result['authorities']} authorities")
    if "cv" in result:
        print_cv(result["cv"])
    if "model" in result:
        mo = result["model"]
        print(f"model: {mo['path']} ({mo['bytes']} bytes, {mo['vocabulary']} features), "
              f"p={mo['p']} q={mo['q']} g={mo['g']}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
