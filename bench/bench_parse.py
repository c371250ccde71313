"""Benchmark foi's whole parse path on a 200,000-row long-format xlsx.

    python bench/bench_parse.py [--rows 200000] [--repeat 3] [--json] [--profile]

On the same generated file (a long table with a title, a Home Office code column and suppressed
cells, as forces' exports come), each timed as a whole command, interpreter start included:
  (i)   `foi parse` of a workspace the file was attached to (read, find the table, code, store);
  (ii)  `python -c` python-calamine merely reading the sheet into Python lists;
  (iii) pandas.read_excel(engine="openpyxl") (skipped if pandas, from the `bench` extra, is missing).
Each run is a fresh subprocess, so its peak memory (ru_maxrss of that command) is its own. The machine
may be a noisy VM, so the contenders run interleaved in --repeat rounds (round k: foi, calamine,
pandas), each round seeing the same conditions for all three; the report gives per contender the
median, min and max seconds and the peak memory (max over rounds), ratios of the medians, and (in
--json) the ratios of each round.
Goals: median (i)/(ii) <= 2, median (iii)/(i) >= 8, peak memory < 300 MB. The figures foi stores
must be one per data row (suppressed rows are figures too, with value None), in every round.
--profile runs (i) once more under cProfile and prints the top cumulative entries.
--baseline DIR also runs (i) from another checkout (an earlier commit, say) in the same rounds, on a
workspace of its own made the same way, and reports foi's median over the baseline's.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent

OUTCOMES = [
    "Charged/Summonsed", "Youth caution", "Adult caution", "Taken into consideration", "Offender died",
    "Penalty Notice for Disorder", "Cannabis warning", "Community resolution",
    "Prosecution prevented - named suspect under age", "Not in public interest (police)",
    "Evidential difficulties - suspect not identified; victim does not support",
    "Investigation complete - no suspect identified", "Action undertaken by another body/agency",
]
MONTHS = [f"{m}-{y}" for y in range(2014, 2025)
          for m in ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")][3:123]


def offences() -> list[str]:
    """Real Home Office offence descriptions (the registry foi ships), so every key is distinct."""
    import csv

    with open(ROOT / "foi" / "data" / "home-office-notifiable-offences.csv", newline="", encoding="utf-8") as fh:
        names = [" ".join(row["Offence"].split()) for row in csv.DictReader(fh)]
    return list(dict.fromkeys(n for n in names if n))


def offence_codes() -> dict[str, str]:
    import csv

    with open(ROOT / "foi" / "data" / "home-office-notifiable-offences.csv", newline="", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    key = next(k for k in rows[0] if "code" in k.lower())
    return {" ".join(row["Offence"].split()): row[key] for row in rows}


MARKERS = ["*", "<5", "[x]"]


def make_xlsx(path: Path, rows: int, seed: int = 7) -> int:
    """Write the long table with openpyxl's write_only mode; returns the number of suppressed cells."""
    import openpyxl

    rng = random.Random(seed)
    names = offences()
    per_offence = len(MONTHS) * len(OUTCOMES)
    if rows > len(names) * per_offence:
        raise SystemExit(f"at most {len(names) * per_offence:,} distinct rows")
    wb = openpyxl.Workbook(write_only=True)
    sheet = wb.create_sheet("Outcomes")
    # One row per (month, offence, outcome): a force's long export, every key distinct, under a title.
    sheet.append(["Crimes recorded and their outcomes, April 2014 to March 2024 (FOI 2026/0117)"])
    sheet.append([])
    sheet.append(["Month", "HO code", "Offence", "Outcome", "Count"])
    codes = offence_codes()
    suppressed = 0
    for i in range(rows):
        if rng.random() < 0.03:
            count: int | str = rng.choice(MARKERS)
            suppressed += 1
        else:
            count = rng.randint(0, 900)
        offence = names[i // per_offence]
        sheet.append([MONTHS[i % len(MONTHS)], codes.get(offence, ""), offence,
                      OUTCOMES[(i // len(MONTHS)) % len(OUTCOMES)], count])
    wb.save(path)
    return suppressed


# --- the three contenders, each run in its own child process ---------------------------------


# As installed: modules compiled once to bytecode (some shells set PYTHONDONTWRITEBYTECODE, which
# would make every foi command compile its sources again while calamine's is a compiled extension).
ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def _timed(command: list[str], cwd: Path = ROOT) -> tuple[float, str, float]:
    """Wall time of a whole command, its output and its CPU seconds (every thread's, user and system:
    what other load on a shared machine leaves alone); this process's peak child RSS is then its own."""
    before = os.times()
    start = time.perf_counter()
    proc = subprocess.run(command, capture_output=True, text=True, cwd=cwd, env=ENV)
    elapsed = time.perf_counter() - start
    after = os.times()
    if proc.returncode != 0:
        raise SystemExit(f"{command[:4]} failed:\n{proc.stderr}")
    cpu = after.children_user + after.children_system - before.children_user - before.children_system
    return elapsed, proc.stdout, cpu


def run_foi(path: str, tree: Path = ROOT) -> dict[str, Any]:
    """`foi parse` as the checkout `tree` runs it (`python -m foi` from there)."""
    from datetime import date

    from foi.batches import create_batch
    from foi.figures.filing import attach
    from foi.workspace import init_workspace

    with tempfile.TemporaryDirectory() as tmp:
        ws = init_workspace(Path(tmp) / "w", name="Bench", email="b@example.org", organisation="x", address="y")
        create_batch(ws, "bench", template="request-outcomes",
                     vars={"first_year": "2014/15", "last_year": "2023/24"}, today=date(2026, 11, 21))
        attach(ws, "bench", "kent", [Path(path)])
        ws.db.conn.close()
        elapsed, out, cpu = _timed([sys.executable, "-m", "foi", "-w", str(ws.root), "parse", "bench", "--json"],
                                   tree)
        [report] = json.loads(out)
        from foi.db import open_db

        db = open_db(ws.root / "db" / "foi.db")
        stored = next(iter(db.query("SELECT count(*) n, sum(suppressed IS NOT NULL) s, sum(total) t FROM figures")))
        return {"seconds": elapsed, "cpu_seconds": cpu, "figures": stored["n"], "suppressed": stored["s"],
                "totals": stored["t"], "status": report["status"], "warnings": report["warnings"][:5],
                "command_peak_kb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss}


CALAMINE = ("import sys\nfrom python_calamine import CalamineWorkbook\n"
            "rows = CalamineWorkbook.from_path(sys.argv[1]).get_sheet_by_index(0).to_python()\nprint(len(rows))")


def run_calamine(path: str) -> dict[str, Any]:
    elapsed, out, cpu = _timed([sys.executable, "-c", CALAMINE, path])
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return {"seconds": elapsed, "cpu_seconds": cpu, "rows": int(out), "command_peak_kb": peak}


def run_pandas(path: str) -> dict[str, Any]:
    import pandas as pd

    start = time.perf_counter()
    frame = pd.read_excel(path, engine="openpyxl")
    return {"seconds": time.perf_counter() - start, "rows": len(frame)}


def run_profile(path: str) -> dict[str, Any]:
    import cProfile
    import io
    import pstats
    from datetime import date

    from foi.batches import create_batch
    from foi.figures.filing import attach
    from foi.figures.parsing import parse_batch
    from foi.workspace import init_workspace

    with tempfile.TemporaryDirectory() as tmp:
        ws = init_workspace(Path(tmp) / "w", name="Bench", email="b@example.org", organisation="x", address="y")
        create_batch(ws, "bench", template="request-outcomes",
                     vars={"first_year": "2014/15", "last_year": "2023/24"}, today=date(2026, 11, 21))
        attach(ws, "bench", "kent", [Path(path)])
        profiler = cProfile.Profile()
        start = time.perf_counter()
        profiler.enable()
        [report] = parse_batch(ws, "bench")
        profiler.disable()
        result = {"seconds": time.perf_counter() - start, "status": report.status}
    out = io.StringIO()
    stats = pstats.Stats(profiler, stream=out).sort_stats("cumulative")
    stats.print_stats(40)
    return {**result, "profile": out.getvalue()}


def run_baseline(path: str) -> dict[str, Any]:
    return run_foi(path, Path(os.environ["FOI_BENCH_BASELINE"]))


CONTENDERS = {"foi": run_foi, "baseline": run_baseline, "calamine": run_calamine, "pandas": run_pandas,
              "profile": run_profile}


def child(which: str, path: str) -> dict[str, Any]:
    """Run one contender in a fresh interpreter; its peak RSS is read from RUSAGE_CHILDREN."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    proc = subprocess.run([sys.executable, __file__, "--child", which, path], capture_output=True, text=True,
                          cwd=ROOT)
    if proc.returncode != 0:
        raise SystemExit(f"{which} failed:\n{proc.stderr}")
    after = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    result = json.loads(proc.stdout.strip().splitlines()[-1])
    # ru_maxrss of RUSAGE_CHILDREN is the largest child so far (KiB on Linux); children run largest
    # last would hide a smaller one, so each child also reports its own.
    own = result.pop("self_peak_kb")
    result["peak_mb"] = result.pop("command_peak_kb", own) / 1024
    result["children_peak_mb"] = max(before, after) / 1024
    return result


def summarise(rounds: list[dict[str, Any]]) -> dict[str, Any]:
    """One contender's rounds -> median/min/max seconds, peak memory over all rounds, and the rounds."""
    seconds = [r["seconds"] for r in rounds]
    cpu = [r["cpu_seconds"] for r in rounds if "cpu_seconds" in r]
    return {"median_seconds": statistics.median(seconds), "min_seconds": min(seconds), "max_seconds": max(seconds),
            "median_cpu_seconds": statistics.median(cpu) if cpu else None,
            "peak_mb": max(r["peak_mb"] for r in rounds), "seconds": seconds, "rounds": rounds}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rows", type=int, default=200_000)
    parser.add_argument("--repeat", type=int, default=3, help="rounds of foi, calamine, pandas (default 3)")
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--profile", action="store_true", help="also profile foi's run (cProfile)")
    parser.add_argument("--baseline", type=Path, help="another checkout whose `foi parse` runs in the same rounds")
    parser.add_argument("--child", nargs=2, metavar=("WHICH", "PATH"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        sys.path.insert(0, str(ROOT))
        result = CONTENDERS[args.child[0]](args.child[1])
        result["self_peak_kb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        print(json.dumps(result))
        return
    if args.repeat < 1:
        parser.error("--repeat must be at least 1")

    names = ["foi", "calamine"]
    if args.baseline:
        os.environ["FOI_BENCH_BASELINE"] = str(args.baseline.resolve())  # for the child
        names.insert(1, "baseline")
    if importlib.util.find_spec("pandas") is not None:
        names.append("pandas")
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "long.xlsx"
        t0 = time.perf_counter()
        suppressed = make_xlsx(path, args.rows)
        generate = time.perf_counter() - t0
        file_mb = round(path.stat().st_size / 2**20, 2)
        rounds: dict[str, list[dict[str, Any]]] = {name: [] for name in names}
        # Bytecode for every module the commands import, as after `pip install` (not timed).
        subprocess.run([sys.executable, "-c", "import foi.cli, foi.figures.parsing, foi.figures.rows, "
                        "foi.figures.storing, foi.figures.layout, foi.figures.coding, foi.readers.spreadsheet"],
                       cwd=ROOT, env=ENV, check=True)
        for _ in range(args.repeat):
            # Interleaved, so a slow patch of the VM hits every contender alike.
            for name in names:
                rounds[name].append(child(name, str(path)))
        profile = child("profile", str(path))["profile"] if args.profile else None
    results = {name: summarise(rs) for name, rs in rounds.items()}
    ours, cal, pd_ = results["foi"], results["calamine"], results.get("pandas")

    def each_round(a: str, b: str) -> list[float]:
        return [x["seconds"] / y["seconds"] for x, y in zip(rounds[a], rounds[b], strict=True)]

    round_ratios = {"foi/calamine": each_round("foi", "calamine")}
    ratios = {"foi/calamine": ours["median_seconds"] / cal["median_seconds"],
              "foi/calamine_cpu": ours["median_cpu_seconds"] / cal["median_cpu_seconds"]}
    if args.baseline:
        round_ratios["foi/baseline"] = each_round("foi", "baseline")
        ratios["foi/baseline"] = ours["median_seconds"] / results["baseline"]["median_seconds"]
        ratios["baseline/calamine"] = results["baseline"]["median_seconds"] / cal["median_seconds"]
    if pd_:
        round_ratios["pandas/foi"] = each_round("pandas", "foi")
        ratios["pandas/foi"] = pd_["median_seconds"] / ours["median_seconds"]
    first = rounds["foi"][0]
    checks = {
        "figures_equal_data_rows": all(r["figures"] == args.rows for r in rounds["foi"]),
        "suppressed_equal_markers_written": all(r["suppressed"] == suppressed for r in rounds["foi"]),
        "foi_over_calamine_le_2": ratios["foi/calamine"] <= 2,
        **({"pandas_over_foi_ge_8": ratios["pandas/foi"] >= 8} if pd_ else {}),
        "peak_memory_lt_300mb": all(r["peak_mb"] < 300 for r in results.values()),
    }
    summary = {
        "rows": args.rows, "suppressed_written": suppressed, "file_mb": file_mb, "generate_seconds": round(generate, 2),
        "repeat": args.repeat, "results": results, "ratios": ratios, "round_ratios": round_ratios, "checks": checks,
    }
    if args.json:
        if profile:
            summary["profile"] = profile
        print(json.dumps(summary, indent=2))
        return
    print(f"{args.rows:,} data rows ({suppressed:,} suppressed), generated in {generate:.1f}s; "
          f"{args.repeat} round{'s' if args.repeat != 1 else ''}\n")
    print(f"{'seconds':28}{'median':>10}{'min':>10}{'max':>10}{'peak MB':>10}")
    labels = {"foi": "(i) foi parse (command)", "baseline": "    baseline foi parse", "calamine":
              "(ii) calamine read (command)", "pandas": "(iii) pandas/openpyxl"}
    for name, r in results.items():
        print(f"{labels[name]:28}{r['median_seconds']:>10.2f}{r['min_seconds']:>10.2f}{r['max_seconds']:>10.2f}"
              f"{r['peak_mb']:>10.0f}")
    if not pd_:
        print(f"{labels['pandas']:28}    skipped: pandas is not installed (the `bench` extra)")

    def per_round(key: str) -> str:
        return " ".join(f"{x:.2f}" for x in round_ratios[key])

    print(f"\n(i)/(ii)  = {ratios['foi/calamine']:.2f}   (goal <= 2; rounds {per_round('foi/calamine')}); "
          f"CPU seconds {ours['median_cpu_seconds']:.2f} / {cal['median_cpu_seconds']:.2f} = "
          f"{ratios['foi/calamine_cpu']:.2f}")
    if pd_:
        print(f"(iii)/(i) = {ratios['pandas/foi']:.2f}   (goal >= 8; rounds {per_round('pandas/foi')})")
    if args.baseline:
        print(f"(i)/baseline = {ratios['foi/baseline']:.2f}   (rounds {per_round('foi/baseline')}); "
              f"baseline/(ii) = {ratios['baseline/calamine']:.2f}")
    print(f"foi stored {first['figures']:,} figures ({first['suppressed']:,} suppressed), status {first['status']}")
    for name, ok in checks.items():
        print(f"  {'ok  ' if ok else 'FAIL'} {name}")
    if profile:
        print("\n" + profile)


if __name__ == "__main__":
    main()
