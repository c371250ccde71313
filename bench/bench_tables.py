"""Score `foi tables` on the human-labelled tablebench tables (../shared/corpus/tablebench-train).

Each table is read the way a user's file is (`foi.readers.read_file`, the CSV reader) and
described by the same code as `foi tables --json`; its rows' roles become the benchmark's line
classes (title->metadata, header->header, section->group, data->data, total->derived,
note->notes, blank->empty) and its columns' header rows become header cells, so the scorer's
`header_columns_exact` is measured too. The benchmark's own `score.py` does the scoring.

The tables are split deterministically, by workbook (sheets of one workbook stay together, in
every dataset), into a tuning split (~70%) and a held-out split (~30%). Rules are tuned on the
first only; the held-out scores are reported to show how the rules generalise.

    python bench/bench_tables.py [--json] [--split tune|held-out|all] [--baseline] [--keep DIR]
    python bench/bench_tables.py --speed [--rounds 5]

`--speed` measures, as ratios in one run (medians of interleaved rounds): `describe_file` (read +
layout + dimensions, what `foi tables` does per file) against `read_file` alone on all the
benchmark's CSVs; and `find_tables` on a 200,000-row grid (title, code column, withheld cells)
against one bare pass over its cells.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
BENCH = ROOT.parent / "shared" / "corpus" / "tablebench-train"
SALT = "foi-layout"
TUNE_SHARE = 70   # percent of workbooks in the tuning split
ROLE_CLASS = {"title": "metadata", "header": "header", "section": "group", "data": "data",
              "total": "derived", "note": "notes", "blank": "empty"}
CLASSES = ("header", "derived", "group", "notes", "metadata", "data")


def split_of(workbook: str) -> str:
    h = int(hashlib.sha256(f"{SALT}:{workbook}".encode()).hexdigest(), 16) % 100
    return "tune" if h < TUNE_SHARE else "held-out"


def manifest() -> list[dict[str, str]]:
    with open(BENCH / "manifest.csv", encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def predict_foi(path: Path, n_records: int, n_cols: int) -> dict[str, Any]:
    """Line and cell labels from `foi tables --json` output for one CSV."""
    from foi.figures.describe import describe_file

    described = describe_file(path)
    lines = ["empty"] * n_records
    cells = [["data"] * n_cols for _ in range(n_records)]
    for table in described["tables"]:
        header_cells: set[tuple[int, int]] = set()
        for col in table["columns"]:
            for h in col["header_rows"]:
                header_cells.add((h - 1, col["col"] - 1))
        for entry in table["rows"]:
            i = entry["row"] - 1
            if 0 <= i < n_records:
                cls = ROLE_CLASS[entry["role"]]
                lines[i] = cls
                fill = "data" if cls in ("header", "empty") else cls
                cells[i] = [fill] * n_cols
        for i, j in header_cells:
            if 0 <= i < n_records and 0 <= j < n_cols:
                cells[i][j] = "header"
    return {"line_labels": lines, "cell_labels": cells}


# The old layout, as it was before the figures pipeline replaced it: the last commit that had
# foi/headers.py. `--baseline` checks that commit out into a temporary folder (git archive) and
# runs its header finder there, in a separate interpreter, so the numbers are the old code's own.
BASELINE_SCRIPT = r"""
import json, sys
from pathlib import Path
from foi.headers import NOTE_RE, TOTAL_RE, Cells, find_header, merge_map
from foi.readers import read_file
from foi.schema import load_schema

def predict(path, n_records, n_cols):
    grid = read_file(path).tables[0]
    rows = grid.rows
    lines = ["data"] * n_records
    cells = [["data"] * n_cols for _ in range(n_records)]
    try:
        d0, header = find_header(rows, Cells(), load_schema(None), merge_map(grid.merged))
    except Exception:
        d0, header = None, []
    top = header[0] if header else (d0 if d0 is not None else len(rows))
    for i, row in enumerate(rows[:n_records]):
        texts = [str(v).strip() for v in row if v is not None and str(v).strip()]
        if not texts:
            lines[i] = "empty"
        elif i < top:
            lines[i] = "metadata"
        elif i in header:
            lines[i] = "header"
            cells[i] = ["header"] * n_cols
        elif TOTAL_RE.match(texts[0]):
            lines[i] = "derived"
        elif NOTE_RE.match(texts[0]) and len(texts) == 1:
            lines[i] = "notes"
        elif len(texts) == 1:
            lines[i] = "group"
    return {"line_labels": lines, "cell_labels": cells}

for item in json.loads(sys.stdin.read()):
    out = Path(item["out"])
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(predict(Path(item["path"]), item["records"], item["cols"])), encoding="utf-8")
"""


def old_layout_checkout() -> Path:
    """The last commit with the old layout (foi/headers.py), unpacked into a temporary folder."""
    deleted = subprocess.run(["git", "log", "--diff-filter=D", "--format=%H", "-1", "--", "foi/headers.py"],
                             cwd=ROOT, capture_output=True, text=True, check=True).stdout.strip()
    if not deleted:
        sys.exit("--baseline: foi/headers.py was never deleted in this repository's history")
    folder = Path(tempfile.mkdtemp(prefix="foi-old-layout-"))
    archive = subprocess.run(["git", "archive", f"{deleted}^", "foi"], cwd=ROOT, capture_output=True, check=True)
    subprocess.run(["tar", "-x", "-C", str(folder)], input=archive.stdout, check=True)
    return folder


def predict_baseline(items: list[dict[str, Any]]) -> None:
    """Line and cell labels of the old layout (its header finder and total/note words, mapped to the
    benchmark's classes: title above the header, header rows, data rows with total/note words and
    one-cell lines as section), written where `items` say. An approximation of what the old pipeline
    decided, computed by the old code itself."""
    folder = old_layout_checkout()
    subprocess.run([sys.executable, "-c", BASELINE_SCRIPT], input=json.dumps(items), text=True, check=True,
                   cwd=folder, env={**os.environ, "PYTHONPATH": str(folder)})


def run(split: str, baseline: bool, keep: str | None) -> dict[str, Any]:
    items = [m for m in manifest() if split == "all" or split_of(m["workbook"]) == split]
    pred_dir = Path(keep) if keep else Path(tempfile.mkdtemp(prefix="tablebench-"))
    ids = []
    mismatched = []
    old: list[dict[str, Any]] = []
    started = time.perf_counter()
    for m in items:
        tid = m["id"]
        path = BENCH / "tables" / f"{tid}.csv"
        with open(path, encoding="utf-8", errors="replace", newline="") as fh:
            records = list(csv.reader(fh))
        n_cols = max((len(r) for r in records), default=0)
        out = pred_dir / f"{tid}.json"
        ids.append(tid)
        if baseline:
            old.append({"path": str(path), "records": len(records), "cols": n_cols, "out": str(out)})
            continue
        pred = predict_foi(path, len(records), n_cols)
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(json.dumps(pred), encoding="utf-8")
        from foi.readers import read_file

        grid = read_file(path).tables
        if grid and len(grid[0].rows) != len(records):
            mismatched.append(tid)
    if baseline:
        predict_baseline(old)
    elapsed = time.perf_counter() - started
    with tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False) as fh:
        fh.write("\n".join(ids) + "\n")
        listing = fh.name
    done = subprocess.run([sys.executable, str(BENCH / "score.py"), "--pred", str(pred_dir), "--list", listing],
                          capture_output=True, text=True, check=True)
    scores = json.loads(done.stdout)
    return {"split": split, "tables": len(ids), "seconds": round(elapsed, 2), "reader_row_mismatch": mismatched,
            "scores": scores["datasets"]}


def summary(result: dict[str, Any]) -> list[dict[str, Any]]:
    out = []
    for ds, v in sorted(result["scores"].items()):
        lines = v["lines"] or {}
        per = lines.get("per_class", {})
        out.append({"dataset": ds, "macro_f1": lines.get("macro_f1"), "accuracy": lines.get("accuracy"),
                    **{c: per.get(c, {}).get("f1") for c in CLASSES},
                    "header_columns_exact": v["header_columns_exact"]})
    return out


def speed(rounds: int) -> dict[str, Any]:
    import random
    import statistics

    from foi.figures.describe import describe_file
    from foi.figures.layout import find_tables
    from foi.readers import Grid, read_file

    files = sorted((BENCH / "tables").rglob("*.csv"))
    random.seed(7)
    rows: list[list[Any]] = [["Crimes recorded by month, force, offence and outcome", None, None, None, None, None],
                             ["Month", "Force", "HO code", "Offence", "Outcome", "Count"]]
    for i in range(200_000):
        v = random.randint(0, 50)
        rows.append([f"2023-{i % 12 + 1:02d}", f"Force {i % 43}", f"{i % 90}{'ABC'[i % 3]}", f"Offence {i % 90}",
                     f"Outcome {i % 20}", "*" if v < 3 else v])
    grid = Grid(name="bench", rows=rows, sheet="bench")
    times: dict[str, list[float]] = {"read": [], "describe": [], "bare": [], "find_tables": []}
    for _ in range(rounds):
        t0 = time.perf_counter()
        for f in files:
            read_file(f)
        times["read"].append(time.perf_counter() - t0)
        t0 = time.perf_counter()
        for f in files:
            describe_file(f)
        times["describe"].append(time.perf_counter() - t0)
        t0 = time.perf_counter()
        sum(1 for r in rows for v in r if v is not None)
        times["bare"].append(time.perf_counter() - t0)
        t0 = time.perf_counter()
        find_tables(grid)
        times["find_tables"].append(time.perf_counter() - t0)
    med = {k: statistics.median(v) for k, v in times.items()}
    return {"files": len(files), "rounds": rounds, **{f"{k}_s": round(v, 3) for k, v in med.items()},
            "describe_over_read": round(med["describe"] / med["read"], 2),
            "find_tables_over_bare_pass": round(med["find_tables"] / med["bare"], 2)}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--json", action="store_true", help="print JSON")
    ap.add_argument("--split", choices=["tune", "held-out", "all", "both"], default="both")
    ap.add_argument("--baseline", action="store_true",
                    help="also score the old layout, run from git history in a temporary folder (approximate)")
    ap.add_argument("--keep", help="write predictions to this folder (tune/held-out subfolders)")
    ap.add_argument("--speed", action="store_true", help="measure speed instead of scoring")
    ap.add_argument("--rounds", type=int, default=5)
    a = ap.parse_args()
    if a.speed:
        result = speed(a.rounds)
        if a.json:
            print(json.dumps(result, indent=1))
        else:
            print(f"{result['files']} CSVs: read_file {result['read_s']} s, describe_file {result['describe_s']} s "
                  f"(x{result['describe_over_read']}); 200,000-row grid: find_tables {result['find_tables_s']} s, "
                  f"bare cell pass {result['bare_s']} s (x{result['find_tables_over_bare_pass']}); "
                  f"medians of {result['rounds']} interleaved rounds")
        return
    if not (BENCH / "score.py").exists():
        sys.exit(f"tablebench not found at {BENCH} (it lives in ../shared beside the project)")
    splits = ["tune", "held-out"] if a.split == "both" else [a.split]
    results = []
    for split in splits:
        keep = str(Path(a.keep) / split) if a.keep else None
        res = run(split, False, keep)
        res["summary"] = summary(res)
        results.append(res)
        if a.baseline:
            base = run(split, True, None)
            results.append({"split": split, "layout": "old", "tables": base["tables"],
                            "summary": summary(base)})
    if a.json:
        print(json.dumps([{k: v for k, v in r.items() if k != "scores"} for r in results], indent=1))
        return
    cols = ["dataset", "macro_f1", *CLASSES, "header_columns_exact"]
    for r in results:
        label = f"{r['split']} ({r['tables']} tables" + (", old layout)" if r.get("layout") else
                                                        f", {r['seconds']} s)")
        print(label)
        print("  " + " ".join(f"{c[:10]:>10}" if i else f"{c:22}" for i, c in enumerate(cols)))
        for row in r["summary"]:
            print("  " + " ".join(f"{row[c]:22}" if i == 0 else (f"{row[c]:10.3f}" if row[c] is not None
                                                                   else f"{'-':>10}") for i, c in enumerate(cols)))
        if r.get("reader_row_mismatch"):
            print(f"  reader rows differ from CSV records: {', '.join(r['reader_row_mismatch'])}")


if __name__ == "__main__":
    main()
