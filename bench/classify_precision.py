"""Precision and recall of foi.mail.classify per kind over the reply corpus.

    python bench/classify_precision.py [--json] [--corpus tests/fixtures/mail]

Also reports how often the sections, NCND flag, force reference and extension date were
exactly right, and how many messages would have changed a request's status wrongly (the
costly error: a wrong kind that is a status kind).
"""

from __future__ import annotations

import argparse
import csv
import email
import email.policy
import json
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from foi.mail.classify import KINDS, STATUS_KINDS, classify_message  # noqa: E402


def evaluate(corpus: Path) -> dict:
    with open(corpus / "expected.csv", newline="", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    tp: Counter[str] = Counter()
    fp: Counter[str] = Counter()
    fn: Counter[str] = Counter()
    fields = Counter()
    wrong_status = []
    mistakes = []
    for row in rows:
        msg = email.message_from_bytes((corpus / row["file"]).read_bytes(), policy=email.policy.default)
        got = classify_message(msg)
        want = row["kind"]
        if got.kind == want:
            tp[want] += 1
        else:
            fp[got.kind] += 1
            fn[want] += 1
            mistakes.append({"file": row["file"], "expected": want, "got": got.kind, "evidence": got.evidence})
            if got.kind in STATUS_KINDS:
                wrong_status.append(row["file"])
        fields["sections"] += got.sections == [s for s in row["sections"].split(";") if s]
        fields["ncnd"] += got.ncnd == (row["ncnd"] == "1")
        fields["force_reference"] += (got.force_reference or "") == row["force_reference"]
        fields["until"] += (got.until.isoformat() if got.until else "") == row["until"]
    per_kind = {}
    for kind in KINDS:
        support = tp[kind] + fn[kind]
        predicted = tp[kind] + fp[kind]
        per_kind[kind] = {
            "support": support,
            "predicted": predicted,
            "precision": round(tp[kind] / predicted, 3) if predicted else None,
            "recall": round(tp[kind] / support, 3) if support else None,
        }
    n = len(rows)
    return {
        "messages": n,
        "accuracy": round(sum(tp.values()) / n, 3) if n else None,
        "per_kind": per_kind,
        "field_accuracy": {k: round(v / n, 3) for k, v in fields.items()} if n else {},
        "wrong_status_changes": wrong_status,
        "mistakes": mistakes,
    }


def _fmt(x: float | None) -> str:
    return "  -  " if x is None else f"{x:5.3f}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--json", action="store_true", help="print the result as JSON")
    parser.add_argument("--corpus", type=Path, default=ROOT / "tests" / "fixtures" / "mail")
    args = parser.parse_args(argv)
    result = evaluate(args.corpus)
    if args.json:
        print(json.dumps(result, indent=2))
        return 0
    print(f"{'kind':<20}{'support':>8}{'predicted':>10}{'precision':>11}{'recall':>8}")
    for kind, r in result["per_kind"].items():
        print(f"{kind:<20}{r['support']:>8}{r['predicted']:>10}{_fmt(r['precision']):>11}{_fmt(r['recall']):>8}")
    print(f"\n{result['messages']} messages, kind accuracy {result['accuracy']}")
    for name, value in result["field_accuracy"].items():
        print(f"{name:<16} exact {value}")
    print(f"wrong automatic status changes: {len(result['wrong_status_changes'])}")
    for m in result["mistakes"]:
        print(f"  {m['file']}: expected {m['expected']}, got {m['got']} ({m['evidence'][:80]})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
