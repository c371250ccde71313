"""Benchmark the PDF reader against plain pdfplumber (and camelot lattice if it runs).

    python bench/bench_pdf.py [--pages 100] [--repeat 3] [--json] [--profile]

Generates a deterministic PDF (fpdf2) with one ruled table per page in a temp dir, then
times, `--repeat` times over (alternating which goes first):
  (a) foi.readers.pdf.read_pdf (parallel over 2 processes),
  (b) a plain pdfplumber loop calling page.extract_tables() per page,
and once (c) camelot lattice mode, if it imports and runs (else the reason it was skipped).
It checks that (a) and (b) found the same cells, and prints the best time of each, the
ratio of those and the median ratio of the runs (other load on the machine moves single
runs a lot; check `uptime`), CPU seconds, and peak memory (ru_maxrss of this process and
of the worker processes).

--profile instead runs cProfile over the reader's per-page work on 10 pages in this
process (what one worker does) and prints the top functions.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def make_pdf(path: Path, pages: int) -> None:
    from fpdf import FPDF

    pdf = FPDF(unit="pt", format="A4")
    pdf.set_auto_page_break(False)
    pdf.set_font("helvetica", size=9)
    widths = [150, 70, 70, 70, 70, 70]
    for p in range(1, pages + 1):
        pdf.add_page()
        pdf.set_xy(40, 30)
        pdf.cell(400, 12, f"Outcomes by force, part {p}")
        pdf.set_xy(40, 60)
        for r in range(36):
            pdf.set_x(40)
            if r == 0:
                cells = ["Force", "2019/20", "2020/21", "2021/22", "2022/23", "2023/24"]
            else:
                n = p * 1000 + r
                cells = [f"Force {n}"] + [f"{(n * k * 37) % 9973:,}" for k in range(1, 6)]
            for text, w in zip(cells, widths, strict=True):
                pdf.cell(w, 20, text, border=1)
            pdf.ln(20)
    pdf.output(str(path))


def maxrss_mb(who: int) -> float:
    # Linux reports ru_maxrss in KiB.
    return resource.getrusage(who).ru_maxrss / 1024


def cpu_s() -> float:
    """CPU seconds of this process plus its finished children (the pool's workers)."""
    me, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return me.ru_utime + me.ru_stime + kids.ru_utime + kids.ru_stime


def run_ours(path: Path) -> tuple[float, list[list[list[Any]]]]:
    from foi.readers.pdf import read_pdf

    t = time.perf_counter()
    result = read_pdf(path, workers=2)
    elapsed = time.perf_counter() - t
    assert result.status == "ok", result.error
    # Per page cells, to compare with pdfplumber's page-by-page output.
    per_page: dict[int, list[list[Any]]] = {}
    for g in result.tables:
        assert g.pages is not None and g.row_numbers is not None
        for row, page in zip(g.rows, g.pages, strict=True):
            per_page.setdefault(page, []).append(row)
    return elapsed, [per_page[p] for p in sorted(per_page)]


def run_plain(path: Path) -> tuple[float, list[list[list[Any]]]]:
    import pdfplumber

    t = time.perf_counter()
    out = []
    with pdfplumber.open(str(path)) as pdf:
        for page in pdf.pages:
            out.append([row for table in page.extract_tables() for row in table])
            page.close()
    return time.perf_counter() - t, out


def run_camelot(path: Path) -> tuple[float | None, str]:
    try:
        import camelot
    except Exception as exc:  # noqa: BLE001 - report whatever stops it
        return None, f"camelot does not import: {type(exc).__name__}: {exc}"
    try:
        t = time.perf_counter()
        tables = camelot.read_pdf(str(path), pages="all", flavor="lattice")
        return time.perf_counter() - t, f"{tables.n} tables"
    except Exception as exc:  # noqa: BLE001
        return None, f"camelot lattice failed: {type(exc).__name__}: {str(exc).splitlines()[0][:120]}"


def profile_pages(path: Path, pages: int) -> None:
    import cProfile
    import pstats

    import pdfplumber

    from foi.readers.pdf import _process_pages

    with pdfplumber.open(str(path)) as pdf:
        prof = cProfile.Profile()
        prof.enable()
        _process_pages(pdf, range(min(pages, len(pdf.pages))))
        prof.disable()
    pstats.Stats(prof).sort_stats("cumulative").print_stats(25)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--pages", type=int, default=100)
    ap.add_argument("--json", action="store_true", help="print one JSON object instead of a table")
    ap.add_argument("--repeat", type=int, default=1, help="time (a) and (b) this many times each")
    ap.add_argument("--no-camelot", action="store_true")
    ap.add_argument("--profile", action="store_true", help="cProfile one worker's per-page work")
    args = ap.parse_args()

    import pdfplumber  # noqa: F401 - import cost outside the timings

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "bench.pdf"
        make_pdf(path, args.pages)
        if args.profile:
            profile_pages(path, 10)
            return 0
        size = path.stat().st_size
        plain_runs: list[float] = []
        our_runs: list[float] = []
        plain_cpu: list[float] = []
        our_cpu: list[float] = []
        rss_after_plain = rss_after_ours = 0.0
        same = True
        for rep in range(max(1, args.repeat)):
            for which in (("plain", "ours") if rep % 2 == 0 else ("ours", "plain")):
                c0 = cpu_s()
                if which == "plain":
                    plain_s, plain_cells = run_plain(path)
                    plain_runs.append(plain_s)
                    plain_cpu.append(cpu_s() - c0)
                    rss_after_plain = max(rss_after_plain, maxrss_mb(resource.RUSAGE_SELF))
                else:
                    ours_s, our_cells = run_ours(path)
                    our_runs.append(ours_s)
                    our_cpu.append(cpu_s() - c0)
                    rss_after_ours = max(rss_after_ours, maxrss_mb(resource.RUSAGE_SELF))
            # Our blanks are None where pdfplumber gives "".
            plain_norm = [[[None if v == "" else v for v in row] for row in page] for page in plain_cells]
            same = same and plain_norm == our_cells
        ours_s, plain_s = min(our_runs), min(plain_runs)
        cam_s, cam_note = (None, "skipped (--no-camelot)") if args.no_camelot else run_camelot(path)

    report = {
        "pages": args.pages,
        "pdf_bytes": size,
        "cpus": os.cpu_count(),
        "runs": len(our_runs),
        "ours_parallel_s": round(ours_s, 3),
        "pdfplumber_loop_s": round(plain_s, 3),
        "speedup_vs_pdfplumber": round(plain_s / ours_s, 2),
        "speedup_median_of_runs": round(statistics.median(p / o for p, o in zip(plain_runs, our_runs, strict=True)), 2),
        "ours_runs_s": [round(x, 2) for x in our_runs],
        "pdfplumber_runs_s": [round(x, 2) for x in plain_runs],
        "ours_cpu_s": round(min(our_cpu), 3),
        "pdfplumber_loop_cpu_s": round(min(plain_cpu), 3),
        "camelot_lattice_s": round(cam_s, 3) if cam_s is not None else None,
        "camelot_note": cam_note,
        "speedup_vs_camelot": round(cam_s / ours_s, 2) if cam_s else None,
        "cells_identical": same,
        "rows_compared": sum(len(p) for p in our_cells),
        "peak_rss_parent_after_plain_mb": round(rss_after_plain, 1),
        "peak_rss_parent_after_ours_mb": round(rss_after_ours, 1),
        "peak_rss_parent_end_mb": round(maxrss_mb(resource.RUSAGE_SELF), 1),
        "peak_rss_largest_worker_mb": round(maxrss_mb(resource.RUSAGE_CHILDREN), 1),
        "load_average": [round(x, 2) for x in os.getloadavg()],
    }
    if args.json:
        print(json.dumps(report, indent=2))
    else:
        width = max(len(k) for k in report)
        for k, v in report.items():
            print(f"{k:<{width}}  {v}")
    return 0 if same else 1


if __name__ == "__main__":
    raise SystemExit(main())
