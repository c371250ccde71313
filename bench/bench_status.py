"""How long `foi status` takes on a big workspace, against the bare interpreter start-up.

Builds a workspace of 200 batches x 43 forces (8,600 requests) with 50,000 events, written straight
into SQLite for speed but with each request's derived columns computed by foi.tracking.derive_state,
exactly as `foi mark` would have left them. Then it times, in fresh subprocesses:

  python -c pass                        the floor every command pays
  foi status --json --today D           the whole board as JSON
  foi status --today D > /dev/null      the plain table, piped
  foi status NAME --json --today D      one batch
  foi status --json, first run          the whole board before the bank holiday tables are kept in
                                        the database (the first run after an upgrade pays this once)

and checks that `foi status` imports none of the file-parsing libraries. The other timings are of
later runs, which find the tables kept by the first.

    python bench/bench_status.py [--runs 5] [--json] [--keep DIR]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

from foi.db import dumps, now_iso
from foi.deadlines import calendar_for
from foi.tracking import Event, derive_state
from foi.workspace import init_workspace

BATCHES = 200
EVENTS = 50_000
TODAY = date(2026, 6, 1)
HEAVY = ("pdfplumber", "python_calamine", "openpyxl", "docx", "rapidfuzz", "pandas", "numpy")


def _story(rng: random.Random, sent: date) -> list[tuple[str, date, dict]]:
    """A plausible history for one request: sent, usually acknowledged, often a reply, and chatter."""
    day = sent
    events: list[tuple[str, date, dict]] = [("sent", day, {})]

    def later(lo: int, hi: int) -> date:
        nonlocal day
        day = day + timedelta(days=rng.randint(lo, hi))
        return day

    if rng.random() < 0.8:
        events.append(("acknowledged", later(0, 3), {"force_reference": f"FOI-{rng.randint(1000, 9999)}"}))
    if rng.random() < 0.1:
        events.append(("clarification", later(2, 6), {}))
        events.append(("clarified", later(1, 5), {}))
    if rng.random() < 0.1:
        events.append(("extended", later(20, 28), {}))
    roll = rng.random()
    if roll < 0.45:
        events.append(("responded", later(5, 30), {}))
    elif roll < 0.6:
        events.append(("refused", later(5, 30), {"sections": rng.sample(["12", "40(2)", "31(1)(a)", "30"], 2)}))
    elif roll < 0.7:
        events.append(("partial", later(5, 30), {"sections": ["40(2)"]}))
    elif roll < 0.75:
        events.append(("not-held", later(5, 30), {}))
    if events[-1][0] in ("refused", "partial") and rng.random() < 0.3:
        events.append(("internal-review", later(1, 10), {}))
    return events


def build(root: Path, seed: int = 1) -> dict[str, int]:
    rng = random.Random(seed)
    ws = init_workspace(root, name="Bench", email="bench@example.org")
    db = ws.db
    forces = [r[0] for r in db.conn.execute("SELECT slug FROM bodies WHERE grp = 'england-wales' ORDER BY slug")]
    cal = calendar_for("FOIA")
    stories: list[list[tuple[str, date, dict]]] = []
    for _ in range(BATCHES * len(forces)):
        sent = TODAY - timedelta(days=rng.randint(0, 400))
        stories.append(_story(rng, sent))
    # Top the history up to exactly EVENTS with notes and mail chatter, which never move a status.
    total = sum(len(s) for s in stories)
    while total < EVENTS:
        story = rng.choice(stories)
        story.append((rng.choice(["note", "auto-reply", "needs-review"]), story[-1][1], {}))
        total += 1
    while total > EVENTS:  # drop chatter-free tails only if the stories overshot
        story = rng.choice([s for s in stories if len(s) > 1])
        story.pop()
        total -= 1

    event_rows, request_rows = [], []
    event_id, request_id = 0, 0
    stamp = now_iso()
    with db.atomic():
        for b in range(BATCHES):
            name = f"batch-{b:03d}"
            db.conn.execute("INSERT INTO batches (name, template, subject, vars, ref_prefix, next_seq, created_at) "
                            "VALUES (?, 'request-outcomes', 'FOI request', '{}', ?, ?, ?)",
                            (name, f"B{b:03d}", len(forces) + 1, stamp))
            for seq, slug in enumerate(forces, start=1):
                request_id += 1
                events = []
                for kind, on, extra in stories[request_id - 1]:
                    event_id += 1
                    events.append(Event(id=event_id, on=on, kind=kind, sections=tuple(extra.get("sections", ())),
                                        force_reference=extra.get("force_reference")))
                    event_rows.append((event_id, request_id, on.isoformat(), kind, dumps(extra.get("sections", [])),
                                       extra.get("force_reference"), stamp))
                state = derive_state(events, calendar=cal)
                due = state.review_due_on if state.status == "internal-review" else state.due_on
                request_rows.append((
                    request_id, name, slug, f"FOI-B{b:03d}-{seq:04d}", seq, state.status,
                    _iso(state.sent_on), _iso(state.received_on), _iso(due), state.force_reference,
                    dumps(state.sections), int(state.ncnd), _iso(state.last_event_on), stamp))
        db.conn.executemany(
            "INSERT INTO requests (id, batch, body, reference, seq, status, sent_on, received_on, due_on, "
            "force_reference, sections, ncnd, last_event_on, created_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            request_rows)
        db.conn.executemany(
            "INSERT INTO events (id, request_id, on_date, kind, sections, force_reference, recorded_at) "
            "VALUES (?,?,?,?,?,?,?)", event_rows)
    return {"batches": BATCHES, "requests": request_id, "events": event_id}


def _iso(d: date | None) -> str | None:
    return d.isoformat() if d else None


def _time(argv: list[str], runs: int, env: dict[str, str], before: Callable[[], None] | None = None) -> list[float]:
    times = []
    for _ in range(runs):
        if before is not None:
            before()
        start = time.perf_counter()
        subprocess.run(argv, check=True, stdout=subprocess.DEVNULL, env=env)
        times.append(time.perf_counter() - start)
    return times


def _forget_kept_holidays(root: Path) -> None:
    conn = sqlite3.connect(root / "db" / "foi.db")
    with conn:
        conn.execute("DELETE FROM meta WHERE key = 'bank_holidays'")
    conn.close()


def _heavy_imports(root: Path, env: dict[str, str]) -> list[str]:
    code = ("import sys\nfrom foi.cli import app\n"
            f"try:\n    app(['-w', {str(root)!r}, 'status', '--json', '--today', {TODAY.isoformat()!r}])\n"
            "except SystemExit:\n    pass\n"
            f"print(','.join(m for m in {HEAVY!r} if m in sys.modules), file=sys.stderr)\n")
    done = subprocess.run([sys.executable, "-c", code], check=True, stdout=subprocess.DEVNULL,
                          stderr=subprocess.PIPE, text=True, env=env)
    found = done.stderr.strip().splitlines()[-1] if done.stderr.strip() else ""
    return [m for m in found.split(",") if m]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--json", action="store_true", help="print the results as JSON")
    parser.add_argument("--keep", type=Path, help="build the workspace here and keep it")
    args = parser.parse_args()

    tmp = None
    if args.keep:
        root = args.keep
    else:
        tmp = tempfile.TemporaryDirectory(prefix="foi-bench-")
        root = Path(tmp.name) / "w"
    start = time.perf_counter()
    size = build(root)
    build_s = time.perf_counter() - start
    env = {**os.environ, "FOI_WORKSPACE": str(root)}
    foi = [sys.executable, "-m", "foi"]
    day = ["--today", TODAY.isoformat()]
    timings = {
        "python -c pass": _time([sys.executable, "-c", "pass"], args.runs, env),
        "foi status --json, first run": _time([*foi, "status", "--json", *day], args.runs, env,
                                              lambda: _forget_kept_holidays(root)),
        "foi status --json": _time([*foi, "status", "--json", *day], args.runs, env),
        "foi status (table, piped)": _time([*foi, "status", *day], args.runs, env),
        "foi status batch-000 --json": _time([*foi, "status", "batch-000", "--json", *day], args.runs, env),
    }
    heavy = _heavy_imports(root, env)
    base = statistics.median(timings["python -c pass"])
    result = {
        "workspace": {**size, "build_seconds": round(build_s, 2)},
        "runs": args.runs,
        "median_seconds": {k: round(statistics.median(v), 4) for k, v in timings.items()},
        "min_seconds": {k: round(min(v), 4) for k, v in timings.items()},
        "ratio_to_bare_python": {k: round(statistics.median(v) / base, 1) for k, v in timings.items()},
        "heavy_modules_imported_by_status": heavy,
        "pythondontwritebytecode": bool(os.environ.get("PYTHONDONTWRITEBYTECODE")),
    }
    if args.json:
        print(json.dumps(result, indent=2))
    else:
        print(f"workspace: {size['batches']} batches, {size['requests']} requests, {size['events']} events "
              f"(built in {build_s:.1f} s)")
        for key in timings:
            print(f"  {key:30} median {result['median_seconds'][key]:.3f} s  "
                  f"(x{result['ratio_to_bare_python'][key]} bare python)")
        print(f"  heavy modules imported by foi status: {', '.join(heavy) or 'none'}")
        if os.environ.get("PYTHONDONTWRITEBYTECODE"):
            print("  note: PYTHONDONTWRITEBYTECODE is set, so every run compiles foi's modules afresh")
    if tmp is not None:
        tmp.cleanup()


if __name__ == "__main__":
    main()
