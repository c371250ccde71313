"""Fit and measure the confidence of reply readings (foi.mail.reading.calibration; issue 12).

    python bench/calibrate_confidence.py [--eval DIR] [--set NAME ...] [--fresh NAME=COMMIT ...]
                                         [--cache FILE] [--json]

Every labelled set named (default: the team's evaluation sets, kept outside the repository, see SETS) is built into
e-mails exactly as the evaluator's scorer does (its ``build_message``, imported from
``--eval``/score_lead_mail.py) and read by foi. For each reply the bench records the reading
*before* the confidence stage decides: its kind and best guess, the strength the rules give it,
the rivals (evidence of another status) and the kinds of evidence of giving and withholding.

``--fresh NAME=COMMIT`` also reads set NAME with foi as it was at COMMIT (``git archive`` into a
temporary folder, read in a subprocess): a reading made before the rules were tuned on that set,
so as wrong as foi is on replies nobody tuned on. Fitting on fresh readings as well as on today's
keeps the weights from trusting rules that have seen the answers.

The weights of :class:`foi.mail.reading.calibration.Weights` are then chosen by greedy forward selection:
starting from the uncalibrated stage (every rival contests), each step makes one rival cheaper
(costs 0.1 or 0.2 instead of contesting) or weighs one more kind of agreement, whichever adds the
most right kinds without lowering the precision of automatic decisions, until none does.
That choice is cross-validated with 5 folds grouped by authority (no authority in both training
and test): the table gives kind right, precision of automatic decisions, share decided
automatically and best guess right, old (uncalibrated) vs new (out-of-fold), per set and overall,
separately for fresh and today's readings. Held-out sets are never read here: score them with the
evaluator's own scorer (``--quiet``). No reply text is written anywhere; ``--cache`` holds only
the readings' features.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import json
import os
import re
import subprocess
import sys
import tempfile
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
SETS = ("mail-r4", "mail4-odd", "mail5", "mail3-odd", "mail-lead-odd", "mail2-even", "mail3-even", "mail4-even",
        "mail6-odd", "mail8-odd", "mail7", "mail9", "mail10-odd", "mail11", "mail12-odd")
# Readings from before the rules were tuned on a set: the last commit before each set was first used.
FRESH = ("mail-lead-odd=26a100f", "mail3-odd=fdeea7a", "mail4-odd=862e770", "mail5=862e770",
         "mail11=02717ce", "mail12-odd=02717ce")
# Sets first handed over during this work: today's readings of them are fresh.
FRESH_NOW = frozenset({"mail2-even", "mail3-even", "mail4-even", "mail6-odd", "mail8-odd",
                       "mail7", "mail9", "mail10-odd"})
# Fresh when first read (round 12): mail11 and mail12-odd are read as foi was before any rule was
# tuned on them (main at 02717ce), as well as today.
STATUS = frozenset({"acknowledged", "clarification", "extended", "responded", "partial", "refused", "not-held",
                    "review-upheld", "review-overturned"})
# The evidence foi names for other statuses (weighing.py's rival_evidence), longest first so that one
# containing another parses right.
RIVALS = ("not held, and no ground for withholding", "not held beside nothing shown", "held, but qualified",
          "not recorded in a usable form, and no cost limit",
          "something withheld besides NCND", "the whole request not held", "only the attachment speaks",
          "nothing concrete given", "something withheld", "information given", "said to be given", "any part not held",
          "a count given", "rows of figures", "something confirmed", "the rest withheld", "more time taken",
          "a caveat under figures",
          "no ground relied on",
          "a question to us", "asks us anything", "a one-line reply", "not held")


# ---------------------------------------------------------------------------------------------
# Reading (runs inside the foi checkout being measured, possibly an old one)


def _txt(path: Path) -> tuple[str, str, bool]:
    """(subject, body, attachment mentioned) of a reply text with optional Subject:/Attachments: lines."""
    lines = path.read_text(encoding="utf-8").split("\n")
    subject, attached = "", False
    while lines and re.match(r"^(Subject|Attachments):\s", lines[0]):
        head, _, value = lines.pop(0).partition(":")
        if head == "Subject":
            subject = value.strip()
        else:
            attached = True
    while lines and not lines[0].strip():
        lines.pop(0)
    return subject, "\n".join(lines), attached


def _families(reasons: Sequence[str], prefix: str) -> list[str]:
    line = next((x for x in reasons if x.startswith(prefix)), "")
    return [x for x in line[len(prefix):].split(", ") if x] if line else []


def _rivals(reasons: Sequence[str]) -> list[str]:
    line = next((x for x in reasons if x.startswith("also speaks of another status: ")), "")
    rest, found = line.split(": ", 1)[1] if line else "", []
    for name in RIVALS:
        if name in rest:
            found.append(name)
            rest = rest.replace(name, "")
    return found


def _said(msg: Any) -> int | None:
    """Sentences of the authority's own new text, as the foi being measured segments it."""
    try:
        from foi.mail.reading.segments import read_message
        from foi.mail.reading.signals import SALUTATION_RE
        from foi.mail.text import message_parts

        subject, text, *_ = message_parts(msg)
        return sum(1 for s in read_message(text or "", [], subject=subject).of("new") if not SALUTATION_RE.match(s))
    except (ImportError, TypeError, AttributeError):
        return None


def read_sets(eval_dir: Path, names: Sequence[str]) -> list[dict[str, Any]]:
    """The readings of every reply in `names`, before the confidence stage decides."""
    sys.path.insert(0, str(eval_dir))
    import score_lead_mail  # the evaluator's own e-mail builder

    from foi.mail import classify as cm

    stage = sys.modules.get("foi.mail.reading.calibration")
    out = []
    for name in names:
        folder = eval_dir / name
        if not (folder / "labels.csv").is_file():
            continue
        with open(folder / "labels.csv", newline="", encoding="utf-8") as fh:
            rows = list(csv.DictReader(fh))
        for row in rows:
            subject, body, attached = _txt(folder / row["file"])
            row = dict(row)
            if "has_attachment_mentioned" not in row:  # mail-r4's format: the text says what is attached
                row["subject"] = row.get("subject") or subject
                row["has_attachment_mentioned"] = "1" if attached else "0"
            msg = score_lead_mail.build_message(row, body)
            if stage is not None and hasattr(stage, "weigh"):
                seen: dict[str, Any] = {}
                real = stage.weigh

                def spy(kind, confidence, evidence, *, stated=False, withheld=(), said=None, _real=real, _seen=seen,
                        **kw):
                    _seen.update(kind=kind, c=round(max(0.0, min(1.0, confidence)), 2), evidence=list(evidence),
                                 stated=stated, hold=len(withheld), said=said)
                    return _real(kind, confidence, evidence, stated=stated, withheld=withheld, said=said, **kw)

                stage.weigh = spy
                try:
                    got = cm.classify_message(msg)
                finally:
                    stage.weigh = real
                raw = dict(seen) if seen else dict(kind=got.kind, c=got.confidence, evidence=[], stated=False, hold=0,
                                                   said=None)
            else:
                # Older foi, before this stage: read again with every reading let through (no
                # threshold, no cap for rivals), and take the rivals and families from its reasons.
                got = cm.classify_message(msg)
                saved = cm.AUTOMATIC, cm._RIVALLED, cm._RIVALS, getattr(cm, "_STATED_RIVALS", frozenset())
                cm.AUTOMATIC, cm._RIVALLED = -1.0, 1.0
                cm._RIVALS = dict.fromkeys(STATUS, RIVALS)  # every kind of evidence named, rival or not
                cm._STATED_RIVALS = frozenset(RIVALS)
                try:
                    open_ = cm.classify_message(msg)
                finally:
                    cm.AUTOMATIC, cm._RIVALLED, cm._RIVALS, cm._STATED_RIVALS = saved
                raw = dict(kind=open_.kind, c=open_.confidence, evidence=_rivals(open_.reasons),
                           stated=any(x.startswith("the log's outcome field says") for x in open_.reasons),
                           hold=len(_families(open_.reasons, "withheld: ")), said=_said(msg))
            out.append(dict(set=name, file=row["file"], authority=row["authority"], label=row["kind"],
                            kind_now=got.kind, guess=got.guess, ground=_ground(cm, msg), **raw))
    return out


def _ground(cm: Any, msg: Any) -> bool | None:
    """Whether the letter relies on a ground anywhere in its own text, as today's foi reads it
    (foi.mail.reading.verdict.names_a_ground); None for an foi from before that test. Read for every
    reading, so that the fresh readings of older foi can be weighed with it too."""
    try:
        from foi.mail.reading import verdict
    except ImportError:
        return None
    test = getattr(verdict, "names_a_ground", None)
    if test is None:
        return None
    seen: list[Any] = []
    real = verdict.conclude

    def spy(ev: Any, *args: Any, **kw: Any) -> Any:
        seen.append(ev)
        return real(ev, *args, **kw)

    modules = [m for m in list(sys.modules.values()) if getattr(m, "conclude", None) is real]
    for m in modules:
        m.conclude = spy  # type: ignore[attr-defined]
    try:
        cm.classify_message(msg)
    finally:
        for m in modules:
            m.conclude = real  # type: ignore[attr-defined]
    return bool(test(seen[-1])) if seen else None


def read_fresh(eval_dir: Path, name: str, commit: str) -> list[dict[str, Any]]:
    """Set `name` read by foi as it was at `commit`."""
    with tempfile.TemporaryDirectory() as tmp:
        archive = subprocess.run(["git", "-C", str(ROOT), "archive", commit, "foi"], check=True, capture_output=True)
        subprocess.run(["tar", "-x", "-C", tmp], input=archive.stdout, check=True)
        env = {**os.environ, "PYTHONPATH": tmp}
        done = subprocess.run([sys.executable, __file__, "--read", name, "--eval", str(eval_dir), "--root", tmp],
                              capture_output=True, text=True, env=env)
        if done.returncode:
            raise SystemExit(f"reading {name} at {commit} failed:\n{done.stderr[-2000:]}")
    rows = json.loads(done.stdout)
    for r in rows:
        r["set"] = f"{name}@{commit[:7]}"
    return rows


def fill_ground(rows: list[dict[str, Any]]) -> None:
    """Give the fresh readings of an older foi today's test of a ground relied on, read from today's
    reading of the same reply (the test is of the letter, not of the reading)."""
    today = {(r["set"], r.get("file")): r.get("ground") for r in rows if "@" not in r["set"]}
    for r in rows:
        if "@" in r["set"] and r.get("ground") is None:
            r["ground"] = today.get((r["set"].split("@")[0], r.get("file")))


# ---------------------------------------------------------------------------------------------
# Deciding with given weights (foi.mail.reading.calibration.weigh on the recorded reading)


def _evidence(r: dict[str, Any]) -> list[str]:
    """The reading's evidence, with the want of a ground added to a refusal read by an older foi."""
    from foi.mail.reading.calibration import NO_GROUND

    if r["kind"] == "refused" and r.get("ground") is False and NO_GROUND not in r["evidence"]:
        return [*r["evidence"], NO_GROUND]
    return r["evidence"]


def decide(r: dict[str, Any], weights: Any, threshold: float | None = None) -> str:
    from foi.mail.reading.calibration import AUTOMATIC, weigh

    if r["kind"] not in STATUS:
        return r["kind"]
    conf, _ = weigh(r["kind"], r["c"], _evidence(r), stated=r["stated"], withheld=["x"] * r["hold"],
                    said=r.get("said"), weights=weights)
    return r["kind"] if conf >= (AUTOMATIC if threshold is None else threshold) else "needs-review"


def curve(rows: Sequence[dict[str, Any]], weights: Any) -> list[str]:
    """Kind right, precision and share of automatic decisions if the line were drawn elsewhere."""
    lines = [f"{'line':>5s}  {'kind right':>13s}  {'automatic precision':>19s}  {'share':>5s}"]
    for t in (0.6, 0.65, 0.7, 0.75, 0.8, 0.85, 0.9, 0.95):
        m = measure(rows, [decide(r, weights, t) for r in rows])
        right, auto = _pct(m["kind_right"], m["n"]), _pct(m["automatic_right"], m["automatic"])
        lines.append(f"{t:5.2f}  {right:>13s}  {auto:>19s}  {100 * m['automatic'] / m['n']:4.0f}%")
    return lines


def measure(rows: Sequence[dict[str, Any]], kinds: Sequence[str]) -> dict[str, Any]:
    n = len(rows)
    pairs = list(zip(kinds, rows, strict=True))
    auto = [(k, r) for k, r in pairs if k != "needs-review"]
    return {"n": n, "kind_right": sum(k == r["label"] for k, r in pairs), "automatic": len(auto),
            "automatic_right": sum(k == r["label"] for k, r in auto),
            "guess_right": sum((k if k != "needs-review" else r["guess"]) == r["label"] for k, r in pairs)}


def _precision(m: dict[str, Any]) -> float:
    return m["automatic_right"] / m["automatic"] if m["automatic"] else 1.0


def candidates(weights: Any, rows: Sequence[dict[str, Any]]) -> list[Any]:
    """One step away from `weights`: one rival of the uncalibrated table made cheaper (a cost of 0.1
    or 0.2 instead of contesting), or a not-held reading contested by agreeing withholding evidence.
    New contests are not searched: the cells are small, and the grouped cross-validation showed the
    wider search fitting noise."""
    from foi.mail.reading.calibration import UNCALIBRATED, _with

    seen = {(r["kind"], e) for r in rows if r["kind"] in STATUS for e in _evidence(r)}
    out = []
    for kind, names in UNCALIBRATED.rivals.items():
        for name in names:
            if (kind, name) in seen and weights.rivals.get(kind, {}).get(name) is None:
                out += [_with(weights, kind, name, cost) for cost in (0.1, 0.2)]
    if not weights.not_held_contested_by:
        out += [replace(weights, not_held_contested_by=k) for k in (2, 3)]
    return out


# A step must change the decision on replies of at least this many authorities.
MIN_AUTHORITIES = 2


# A wrong automatic status costs this many right ones: decide on its own only where at least
# LAMBDA / (LAMBDA + 1) = 95% of such readings are right.
LAMBDA = 19.0


def _gain(m: dict[str, Any]) -> float:
    return m["automatic_right"] - LAMBDA * (m["automatic"] - m["automatic_right"]) + m["kind_right"] * 1e-3


def fit(rows: Sequence[dict[str, Any]], objective: str = "floor") -> Any:
    """Greedy selection from the uncalibrated stage, one cell at a time, while it helps. "floor": the
    most kinds right without lowering the precision of automatic decisions; "utility": the most
    right automatic decisions less LAMBDA for each wrong one."""
    from foi.mail.reading.calibration import UNCALIBRATED

    best = UNCALIBRATED
    base = measure(rows, [decide(r, best) for r in rows])
    floor = _precision(base)

    def key(m: dict[str, Any]) -> tuple[float, ...]:
        if objective == "utility":
            return (_gain(m),)
        return (m["kind_right"], _precision(m))

    while True:
        step = None
        before = [decide(r, best) for r in rows]
        for w in candidates(best, rows):
            after = [decide(r, w) for r in rows]
            if len({r["authority"] for r, a, b in zip(rows, before, after, strict=True) if a != b}) < MIN_AUTHORITIES:
                continue
            m = measure(rows, after)
            if objective == "floor" and _precision(m) < floor - 1e-9:
                continue
            if key(m) > key(base) and (step is None or key(m) > step[0]):
                step = (key(m), w, m)
        if step is None:
            return best
        _, best, base = step


def folds(rows: Sequence[dict[str, Any]], k: int = 5) -> dict[str, int]:
    """Authorities to folds: largest first, each to the emptiest fold (ties by a hash of the name)."""
    count: dict[str, int] = {}
    for r in rows:
        count[r["authority"]] = count.get(r["authority"], 0) + 1
    order = sorted(count, key=lambda a: (-count[a], hashlib.sha256(f"calib:{a}".encode()).hexdigest()))
    load, out = [0] * k, {}
    for a in order:
        f = min(range(k), key=lambda i: (load[i], i))
        out[a], load[f] = f, load[f] + count[a]
    return out


def cross_validate(rows: list[dict[str, Any]], objective: str) -> tuple[list[str], list[Any]]:
    fold = folds(rows)
    kinds = [""] * len(rows)
    chosen = []
    for f in sorted(set(fold.values())):
        w = fit([r for r in rows if fold[r["authority"]] != f], objective)
        chosen.append(w)
        for i, r in enumerate(rows):
            if fold[r["authority"]] == f:
                kinds[i] = decide(r, w)
    return kinds, chosen


def _pct(a: int, b: int) -> str:
    return f"{a}/{b} {100 * a / b:3.0f}%" if b else f"{a}/0    -"


def table(rows: Sequence[dict[str, Any]], old: Sequence[str], new: Sequence[str]) -> list[str]:
    lines = [f"{'set':22s} {'n':>3s}  {'kind right old -> new':>25s}  {'automatic precision old -> new':>31s}  "
             f"{'share automatic':>17s}  {'best guess':>10s}"]
    names = sorted({r["set"] for r in rows})
    for name in [*names, "all"]:
        idx = [i for i, r in enumerate(rows) if name in ("all", r["set"])]
        sub = [rows[i] for i in idx]
        a, b = measure(sub, [old[i] for i in idx]), measure(sub, [new[i] for i in idx])
        kind_old, kind_new = _pct(a["kind_right"], a["n"]), _pct(b["kind_right"], b["n"])
        auto_old, auto_new = _pct(a["automatic_right"], a["automatic"]), _pct(b["automatic_right"], b["automatic"])
        lines.append(f"{name:22s} {a['n']:3d}  {kind_old:>11s} -> {kind_new:>11s}  {auto_old:>14s} -> {auto_new:>14s}"
                     f"  {100 * a['automatic'] / a['n']:3.0f}% -> {100 * b['automatic'] / b['n']:3.0f}%"
                     f"  {_pct(a['guess_right'], a['n']):>10s}")
    return lines


def describe(w: Any) -> str:
    """The cells that differ from the uncalibrated table."""
    from foi.mail.reading.calibration import UNCALIBRATED

    out = []
    for kind in sorted(set(w.rivals) | set(UNCALIBRATED.rivals)):
        a, b = UNCALIBRATED.rivals.get(kind, {}), w.rivals.get(kind, {})
        for name in sorted(set(a) | set(b)):
            was = "contests" if name in a and a[name] is None else f"-{a[name]}" if name in a else "ignored"
            now = "contests" if name in b and b[name] is None else f"-{b[name]}" if name in b else "ignored"
            if was != now:
                out.append(f"{kind} / {name}: {was} -> {now}")
    if w.not_held_contested_by:
        out.append(f"not-held contested by {w.not_held_contested_by} kinds of withholding")
    return "; ".join(out) or "unchanged"


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--eval", type=Path, default=Path("/work/eval"))
    ap.add_argument("--set", action="append", dest="sets")
    ap.add_argument("--fresh", action="append")
    ap.add_argument("--cache", type=Path)
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--objective", choices=("floor", "utility"), default="floor")
    ap.add_argument("--read", help=argparse.SUPPRESS)
    ap.add_argument("--root", help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.read:  # subprocess: read one set with the foi found first on the path
        if args.root:
            sys.path.insert(0, args.root)
        print(json.dumps(read_sets(args.eval, [args.read])))
        return 0
    sys.path.insert(0, str(ROOT))
    if not args.eval.is_dir():
        print(f"no evaluation folder {args.eval}; nothing to measure")
        return 0
    if args.cache and args.cache.is_file():
        rows = json.loads(args.cache.read_text())
    else:
        rows = read_sets(args.eval, args.sets or SETS)
        for spec in args.fresh if args.fresh is not None else FRESH:
            name, _, commit = spec.partition("=")
            rows += read_fresh(args.eval, name, commit)
        fill_ground(rows)
        if args.cache:
            args.cache.write_text(json.dumps(rows))
    from foi.mail.reading.calibration import UNCALIBRATED, WEIGHTS

    old = [decide(r, UNCALIBRATED) for r in rows]
    cv, chosen = cross_validate(rows, args.objective)
    final = fit(rows, args.objective)
    now = [decide(r, WEIGHTS) for r in rows]
    if args.json:
        print(json.dumps({"rows": len(rows), "cv": [describe(w) for w in chosen], "fitted": describe(final),
                          "shipped": describe(WEIGHTS)}, indent=2))
        return 0
    print(f"{len(rows)} readings of {len({r['authority'] for r in rows})} authorities "
          f"(sets marked @commit are fresh readings by foi as it was then)\n")
    print("cross-validated (5 folds grouped by authority; weights chosen on the other folds):")
    for i, w in enumerate(chosen, 1):
        print(f"  fold {i}: {describe(w)}")
    print("\n".join(table(rows, old, cv)))
    print(f"\nfitted on everything: {describe(final)}")
    print(f"shipped (foi.mail.reading.calibration.WEIGHTS): {describe(WEIGHTS)}")
    print("\n".join(table(rows, old, now)))
    fresh = [r for r in rows if "@" in r["set"] or r["set"] in FRESH_NOW]
    print(f"\nthe line drawn elsewhere, on the {len(fresh)} fresh readings (shipped weights; auto-replies decided):")
    print("\n".join(curve(fresh, WEIGHTS)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
