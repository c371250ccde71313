"""Benchmark the commands people run on small files, each timed as a whole command.

    python bench/bench_startup.py [--rounds 7] [--csvs 300] [--json] [--baseline DIR]

Issue 11 asks that `foi tables FILE` and `foi parse` on a 5 KB file never take more than a second,
and that `foi tables` reads hundreds of small CSVs in seconds. Start-up is most of such a command,
so each contender is a fresh interpreter, timed from start to exit, interleaved in --rounds rounds
(round k runs every contender once, so a slow patch of this shared VM hits them alike):
  (a) `python -c pass`: the interpreter alone, the floor no command can go under;
  (b) `foi --help` (every command module is loaded to list them);
  (c) `foi tables small.csv --json` and (d) `foi tables small.xlsx` (rich output);
  (e) `foi parse` of a workspace holding one small xlsx (read, lay out, code, store);
  (f) `foi status --json` on that workspace (no file is parsed);
  (g) `foi tables` over --csvs small CSVs in one call (the tablebench CSVs where ../shared has them,
      else generated ones).
The report gives per contender the median, min and max seconds, and the median over the interpreter
alone (what foi itself costs). --baseline DIR also runs each foi command from another checkout (an
earlier commit, say, from `git archive`) in the same rounds, and gives the ratios of the medians.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
TABLEBENCH = ROOT.parent / "shared" / "corpus" / "tablebench-train" / "tables"
# As installed: modules compiled once to bytecode (see bench_parse.py).
ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}

OFFENCES = ["Burglary - residential", "Robbery of personal property", "Theft from the person",
            "Violence with injury", "Criminal damage", "Possession of weapons", "Public order offences",
            "Rape of a female aged 16 and over", "Drug trafficking", "Stalking and harassment"]
OUTCOMES = ["Charged/Summonsed", "Adult caution", "Youth caution", "Community resolution",
            "Evidential difficulties", "Investigation complete - no suspect identified"]


def small_rows(rng: random.Random) -> list[list[Any]]:
    """About 5 KB: a title, a header, an offence per row by outcome, suppressed cells, a total."""
    rows: list[list[Any]] = [["Outcomes of crimes recorded in 2023/24 (FOI 2026/0117)"], [],
                             ["Offence", *OUTCOMES, "Total"]]
    for offence in OFFENCES * 4:
        counts: list[Any] = [rng.randint(0, 300) for _ in OUTCOMES]
        if rng.random() < 0.2:
            counts[rng.randrange(len(counts))] = "*"
        rows.append([offence, *counts, sum(c for c in counts if isinstance(c, int))])
    rows.append([])
    rows.append(["* fewer than 5, withheld under section 40(2)"])
    return rows


def write_small(folder: Path) -> tuple[Path, Path]:
    import openpyxl

    rows = small_rows(random.Random(11))
    csv_path = folder / "small.csv"
    with open(csv_path, "w", newline="", encoding="utf-8") as fh:
        csv.writer(fh).writerows(rows)
    xlsx_path = folder / "small.xlsx"
    wb = openpyxl.Workbook()
    sheet = wb.active
    sheet.title = "2023-24"
    for row in rows:
        sheet.append(row)
    wb.save(xlsx_path)
    return csv_path, xlsx_path


def many_csvs(folder: Path, count: int) -> list[Path]:
    """`count` small CSVs: the tablebench ones where present (repeated if need be), else generated."""
    found = sorted(TABLEBENCH.glob("**/*.csv")) if TABLEBENCH.is_dir() else []
    found = [p for p in found if p.stat().st_size < 20_000]
    if found:
        return [found[i % len(found)] for i in range(count)]
    rng = random.Random(5)
    paths = []
    for i in range(count):
        path = folder / f"t{i:04d}.csv"
        with open(path, "w", newline="", encoding="utf-8") as fh:
            csv.writer(fh).writerows(small_rows(rng))
        paths.append(path)
    return paths


def workspace(folder: Path, xlsx: Path) -> Path:
    from datetime import date

    from foi.batches import create_batch
    from foi.figures.filing import attach
    from foi.workspace import init_workspace

    ws = init_workspace(folder / "w", name="Bench", email="b@example.org", organisation="x", address="y")
    create_batch(ws, "bench", template="request-outcomes", vars={"first_year": "2014/15", "last_year": "2023/24"},
                 today=date(2026, 11, 21))
    attach(ws, "bench", "kent", [xlsx])
    ws.db.conn.close()
    return ws.root


def timed(command: list[str], cwd: Path = ROOT) -> float:
    """Wall seconds of one whole command, interpreter start to exit (`python -m foi` runs the
    checkout in `cwd`)."""
    start = time.perf_counter()
    proc = subprocess.run(command, cwd=cwd, env=ENV, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    elapsed = time.perf_counter() - start
    if proc.returncode != 0:
        raise SystemExit(f"{' '.join(command[:6])} failed:\n{proc.stderr.decode()}")
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rounds", type=int, default=7)
    parser.add_argument("--csvs", type=int, default=300, help="CSVs for `foi tables` in one call (default 300)")
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--baseline", type=Path, help="another checkout to run the same foi commands from")
    args = parser.parse_args()
    trees = {"": ROOT, **({"baseline ": args.baseline.resolve()} if args.baseline else {})}
    foi = [sys.executable, "-m", "foi"]
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        small_csv, small_xlsx = write_small(folder)
        root = workspace(folder, small_xlsx)
        csvs = [str(p) for p in many_csvs(folder, args.csvs)]
        commands = {
            "foi --help": [*foi, "--help"],
            "foi tables small.csv --json": [*foi, "tables", str(small_csv), "--json"],
            "foi tables small.xlsx": [*foi, "tables", str(small_xlsx)],
            "foi parse (small xlsx)": [*foi, "-w", str(root), "parse", "bench", "--json"],
            "foi status --json": [*foi, "-w", str(root), "status", "--json", "--today", "2026-12-01"],
            f"foi tables {len(csvs)} CSVs --json": [*foi, "tables", *csvs, "--json"],
        }
        contenders: dict[str, tuple[list[str], Path]] = {"python -c pass": ([sys.executable, "-c", "pass"], ROOT)}
        for name, command in commands.items():
            for which, tree in trees.items():
                contenders[which + name] = (command, tree)
        # Bytecode for every module, as after `pip install` (not timed).
        for command, tree in contenders.values():
            subprocess.run(command, cwd=tree, env=ENV, check=True, capture_output=True)
        times: dict[str, list[float]] = {name: [] for name in contenders}
        for _ in range(args.rounds):
            for name, (command, tree) in contenders.items():
                times[name].append(timed(command, tree))
    floor = statistics.median(times["python -c pass"])
    results = {name: {"median_seconds": statistics.median(t), "min_seconds": min(t), "max_seconds": max(t),
                      "over_interpreter": statistics.median(t) - floor, "seconds": t}
               for name, t in times.items()}
    small = [n for n in commands if "small" in n]
    checks = {"small_files_max_le_1s": all(results[n]["max_seconds"] <= 1.0 for n in small)}
    ratios = {name: results[name]["median_seconds"] / results["baseline " + name]["median_seconds"]
              for name in commands} if args.baseline else {}
    if args.json:
        print(json.dumps({"rounds": args.rounds, "csvs": len(csvs), "results": results, "ratios_to_baseline": ratios,
                          "checks": checks}, indent=2))
        return
    print(f"{args.rounds} interleaved rounds; seconds per whole command\n")
    print(f"{'command':43}{'median':>9}{'min':>9}{'max':>9}{'- python':>10}")
    for name, r in results.items():
        print(f"{name:43}{r['median_seconds']:>9.2f}{r['min_seconds']:>9.2f}{r['max_seconds']:>9.2f}"
              f"{r['over_interpreter']:>10.2f}")
    for name, ratio in ratios.items():
        print(f"{name:43}{ratio:>9.2f} x the baseline's median")
    for name, ok in checks.items():
        print(f"  {'ok  ' if ok else 'FAIL'} {name}")


if __name__ == "__main__":
    main()
