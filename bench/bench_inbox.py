"""End-to-end inbox bench: import the reply corpus into a fresh workspace and measure matching.

Builds batches `cautions` (43 forces + BTP as FOI-CAUTIONS-0044) and `knife`, marks cautions sent
and knife sent to the three forces the corpus has knife replies from (or, with --busy, to every
force, so that a reply naming no reference has two open requests to choose from), imports every
message of tests/fixtures/mail in one run (no hand-recorded internal reviews, so
review letters show up as needs-review: that is the importer being conservative), and reports:
matching accuracy against expected.csv's our_reference, how each was matched, the event kinds
recorded against the classifier's, wrong status changes, and time per message.

    python bench/bench_inbox.py [--busy] [--json]
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
import tempfile
import time
from collections import Counter
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "tests" / "fixtures" / "mail"
VARS = {"first_year": "2019/20", "last_year": "2023/24"}


def run(corpus: Path, busy: bool = False) -> dict:
    from foi.batches import add_bodies, create_batch
    from foi.mail.inbox import import_paths
    from foi.tracking import STATUSES, record_event
    from foi.workspace import init_workspace

    with open(corpus / "expected.csv", newline="", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    with tempfile.TemporaryDirectory() as tmp:
        ws = init_workspace(Path(tmp) / "w", name="Alex Reporter", email="alex.reporter@newsroom.example")
        today = date(2026, 11, 21)
        create_batch(ws, "cautions", template="request-outcomes", vars=VARS, today=today)
        create_batch(ws, "knife", template="request-outcomes", vars=VARS, today=today)
        add_bodies(ws, "cautions", ["british-transport-police"], today=today)
        knife = "" if busy else " AND body IN ('west-yorkshire', 'cheshire', 'nottinghamshire')"
        for row in ws.db.query(f"SELECT id FROM requests WHERE batch = 'cautions' OR (batch = 'knife'{knife})"):
            record_event(ws.db, row["id"], "sent", date(2026, 12, 1))
        started = time.perf_counter()
        result = import_paths(ws, [corpus / r["file"] for r in rows], today=date(2027, 3, 1))
        elapsed = time.perf_counter() - started
        items = {Path(i.origin).name: i for i in result.items}
        matched_right = 0
        matched_by: Counter[str] = Counter()
        mismatches = []
        kinds_agree = 0
        downgraded = []
        for row in rows:
            item = items.get(row["file"])
            if item is None:
                mismatches.append({"file": row["file"], "got": "not imported"})
                continue
            matched_by[item.matched_by or "unmatched"] += 1
            if item.reference == row["our_reference"]:
                matched_right += 1
            else:
                mismatches.append({"file": row["file"], "expected": row["our_reference"], "got": item.reference})
            if item.kind == row["kind"]:
                kinds_agree += 1
            elif item.kind == "needs-review":
                downgraded.append({"file": row["file"], "expected": row["kind"], "why": item.note})
        wrong_status = [
            row["file"] for row in rows
            if (item := items.get(row["file"])) and item.kind in STATUSES and item.kind != row["kind"]
        ]
    n = len(rows)
    return {
        "messages": n,
        "errors": result.errors,
        "matching_accuracy": round(matched_right / n, 3) if n else None,
        "matched_by": dict(matched_by.most_common()),
        "mismatches": mismatches,
        "kind_recorded_as_expected": round(kinds_agree / n, 3) if n else None,
        "held_for_review": downgraded,
        "wrong_status_changes": wrong_status,
        "seconds_total": round(elapsed, 2),
        "ms_per_message": round(1000 * elapsed / n, 1) if n else None,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--json", action="store_true", help="print the result as JSON")
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--busy", action="store_true", help="every force has two open requests")
    args = parser.parse_args(argv)
    report = run(args.corpus, args.busy)
    if args.json:
        print(json.dumps(report, indent=2))
        return 0
    print(f"{report['messages']} messages, {report['ms_per_message']} ms each ({report['seconds_total']} s)")
    print(f"matched to the right request: {report['matching_accuracy']:.1%}")
    print("matched by: " + ", ".join(f"{k} {v}" for k, v in report["matched_by"].items()))
    for miss in report["mismatches"]:
        print(f"  MISMATCH {miss}")
    print(f"event kind as expected: {report['kind_recorded_as_expected']:.1%}")
    for held in report["held_for_review"]:
        print(f"  held for review: {held['file']} (expected {held['expected']}): {held['why']}")
    print(f"wrong status changes: {len(report['wrong_status_changes'])} {report['wrong_status_changes']}")
    return 0 if not report["wrong_status_changes"] and not report["mismatches"] else 1


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    sys.exit(main())
