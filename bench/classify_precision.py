"""How well foi.mail.classify reads replies: precision of the statuses it sets on its own, the share
it decides on its own, and the fields it extracts.

    python bench/classify_precision.py [--json] [--corpus DIR] [--split NAME|all] [--where COL=VALUE]
                                       [--mistakes] [--curve] [--cv]

A corpus is either the project's own (tests/fixtures/mail: .eml files and expected.csv) or an
external set of real replies kept outside the repository: a folder of .txt bodies (or .eml files)
and a labels.csv with the columns

    file, split, authority, kind, sections, ncnd, force_reference, until, received, url, note

and optionally `subject` (used when the .txt gives none) and `date` (the message's date, given to
the reader as its Date header: "received today" and a receipt date without a year need it). A
`file` may be a path relative to the
corpus folder ("../other/001.txt"), so one labels.csv can join several folders under one split;
`force_reference` may list accepted alternatives as "a|b". A .txt body may start with
"Subject: ..." and "Attachments: a.pdf; b.xlsx" lines, then a blank line.
`split` is "tune" or "heldout", or the name of a fold ("f1" .. "f5") for k-fold cross-validation by
authority; the report gives each split separately, and lists the individual mistakes only for the
split asked for with --mistakes, further narrowed by --where COL=VALUE on any labels.csv column
(never look at held-out mistakes while tuning). With --cv the splits are folds: each fold's scores,
their mean, and the confidence threshold calibrated on the other folds (the lowest whose automatic
decisions are at least 95% right there) with what it gives on the fold itself. Reported:

- kind accuracy, over every reply;
- automatic decisions: how many replies got a status kind (a status foi would set without asking)
  and how many of those were right (precision), and the share of replies decided automatically;
  the same with auto-replies counted as decisions too ("+ar"; an auto-reply read as a person's
  acknowledgement, or the other way round, is as wrong as any other status);
- the best guess shown for the replies sent to review, and how often it was right;
- sections exact (as a set) over the replies that cite any, NCND right, the authority's reference
  found (over replies that give one), the extension's new date (over extensions that state one);
- receipt dates: the stated date of receipt, over the replies labelled with one; an
  acknowledgement must give one only when the authority states it (one that states none must
  never move the due date);
- with --curve, the precision and coverage automatic decisions would have at other confidence
  thresholds (the reader decides from foi.mail.classify.AUTOMATIC).
"""

from __future__ import annotations

import argparse
import csv
import email
import email.policy
import json
import re
import sys
from dataclasses import dataclass, field
from datetime import datetime
from email.utils import format_datetime
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from foi.mail.classify import (  # noqa: E402
    AUTOMATIC,
    KINDS,
    STATUS_KINDS,
    Classification,
    classify,
    classify_message,
)


@dataclass
class Item:
    file: str
    split: str
    authority: str
    kind: str
    sections: list[str]
    ncnd: bool
    force_reference: str
    until: str
    received: str
    row: dict[str, str] = field(default_factory=dict)
    got: Classification | None = None
    extra: dict[str, Any] = field(default_factory=dict)


def _split_list(text: str) -> list[str]:
    return [s.strip() for s in re.split(r"[;]", text or "") if s.strip()]


def _read_txt(path: Path) -> tuple[str, str, list[str]]:
    """(subject, body, attachment names) of an external .txt reply."""
    lines = path.read_text(encoding="utf-8").split("\n")
    subject, names = "", []
    while lines and re.match(r"^(Subject|Attachments):\s", lines[0]):
        head, _, value = lines.pop(0).partition(":")
        if head == "Subject":
            subject = value.strip()
        else:
            names = [n.strip() for n in value.split(";") if n.strip()]
    while lines and not lines[0].strip():
        lines.pop(0)
    return subject, "\n".join(lines), names


def load(corpus: Path) -> list[Item]:
    """The labelled replies of a corpus, read and classified."""
    external = (corpus / "labels.csv").exists()
    labels = corpus / ("labels.csv" if external else "expected.csv")
    with open(labels, newline="", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    items = []
    for row in rows:
        item = Item(
            file=row["file"], split=row.get("split") or "tune",
            authority=row.get("authority") or row.get("from_slug", ""),
            kind=row["kind"], sections=_split_list(row["sections"]), ncnd=row["ncnd"] == "1",
            force_reference=row.get("force_reference", ""), until=row.get("until", ""),
            received=row.get("received", "") or row.get("received_stated", ""), row=dict(row),
        )
        path = corpus / row["file"]
        if path.suffix == ".eml":
            msg = email.message_from_bytes(path.read_bytes(), policy=email.policy.default)
            item.got = classify_message(msg)  # type: ignore[arg-type]
        else:
            subject, body, names = _read_txt(path)
            subject = subject or row.get("subject", "")
            headers = {}
            if row.get("date"):
                # Midday, so that no time zone moves the day.
                headers["Date"] = format_datetime(datetime.fromisoformat(row["date"]).replace(hour=12))
            item.got = classify(subject, body, names, [""] * len(names), headers)
        items.append(item)
    return items


def _norm_ref(ref: str) -> str:
    return re.sub(r"[\s:]", "", ref or "").upper()


def ref_found(want: str, got: str | None) -> bool:
    """The authority's reference, allowing a label word in front ("RFI 2017-143" ~ "2017-143");
    `want` may list accepted alternatives ("FOI/26213|FOI/25247")."""
    if "|" in want:
        return any(ref_found(w, got) for w in want.split("|"))
    a, b = _norm_ref(want), _norm_ref(got or "")
    if not a or not b:
        return False
    if a == b:
        return True
    short, long_ = sorted((a, b), key=len)
    return len(short) >= 4 and bool(re.search(r"\d", short)) and long_.endswith(short)


def score(items: list[Item]) -> dict[str, Any]:
    n = len(items)
    right = [i for i in items if i.got and i.got.kind == i.kind]
    auto = [i for i in items if i.got and i.got.kind in STATUS_KINDS]
    auto_right = [i for i in auto if i.got and i.got.kind == i.kind]
    reviewed = [i for i in items if i.got and i.got.kind == "needs-review"]
    guess_right = [i for i in reviewed if i.got and i.got.guess == i.kind]
    auto_replies = [i for i in items if i.got and i.got.kind == "auto-reply"]
    # Everything not sent to review, auto-replies included (as the lead's scorer counts it): a mailbox
    # receipt read as a person's acknowledgement, or the other way round, is a wrong decision too.
    decided = auto + auto_replies
    decided_right = [i for i in decided if i.got and i.got.kind == i.kind]
    cites = [i for i in items if i.sections]
    sections_right = [i for i in cites if i.got and set(i.got.sections) == set(i.sections)]
    spurious_sections = [i for i in items if not i.sections and i.got and i.got.sections]
    ncnd_right = [i for i in items if i.got and i.got.ncnd == i.ncnd]
    refs = [i for i in items if i.force_reference]
    refs_found = [i for i in refs if i.got and ref_found(i.force_reference, i.got.force_reference)]
    wrong_refs = [i for i in items if i.got and i.got.force_reference
                  and not (i.force_reference and ref_found(i.force_reference, i.got.force_reference))]
    untils = [i for i in items if i.until]
    until_right = [i for i in untils if i.got and i.got.until and i.got.until.isoformat() == i.until]
    stated = [i for i in items if i.received]
    stated_right = [i for i in stated if i.got and i.got.received and i.got.received.isoformat() == i.received]
    # An acknowledgement (as read) whose receipt date would move the due date without one stated.
    bad_moves = [i for i in items if i.got and i.got.kind == "acknowledged" and i.got.received
                 and i.got.received.isoformat() != i.received]
    acks = [i for i in items if i.kind == "acknowledged"]

    def ratio(a: list[Any], b: list[Any]) -> float | None:
        return round(len(a) / len(b), 3) if b else None

    per_kind = {}
    for kind in KINDS:
        support = [i for i in items if i.kind == kind]
        predicted = [i for i in items if i.got and i.got.kind == kind]
        if not support and not predicted:
            continue
        hits = [i for i in predicted if i.kind == kind]
        per_kind[kind] = {"support": len(support), "predicted": len(predicted),
                          "precision": ratio(hits, predicted), "recall": ratio(hits, support)}
    return {
        "replies": n,
        "authorities": len({i.authority for i in items}),
        "kind_accuracy": ratio(right, items),
        "automatic": len(auto),
        "automatic_right": len(auto_right),
        "automatic_precision": ratio(auto_right, auto),
        "share_automatic": ratio(auto, items),
        "needs_review": len(reviewed),
        "best_guess_right": ratio(guess_right, reviewed),
        "auto_replies": len(auto_replies),
        "auto_replies_right": len([i for i in auto_replies if i.kind == "auto-reply"]),
        "decided": len(decided),
        "decided_right": len(decided_right),
        "decided_precision": ratio(decided_right, decided),
        "share_decided": ratio(decided, items),
        "sections_exact": ratio(sections_right, cites),
        "sections_cited": len(cites),
        "spurious_sections": len(spurious_sections),
        "ncnd_right": ratio(ncnd_right, items),
        "reference_found": ratio(refs_found, refs),
        "references": len(refs),
        "wrong_references": len(wrong_refs),
        "extension_date_right": ratio(until_right, untils),
        "extensions_with_date": len(untils),
        "stated_receipt_read": ratio(stated_right, stated),
        "stated_receipts": len(stated),
        "acknowledgements": len(acks),
        "due_date_moved_without_stated_receipt": len(bad_moves),
        "per_kind": per_kind,
    }


THRESHOLDS = (0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8, 0.85, 0.9)


def curve(items: list[Item]) -> list[dict[str, Any]]:
    """Precision and coverage of automatic decisions if the best guess were decided on its own from
    each confidence threshold (the reader uses AUTOMATIC; this shows what another value would do)."""
    out = []
    for t in THRESHOLDS:
        auto = [i for i in items if i.got and i.got.guess in STATUS_KINDS and i.got.confidence >= t]
        right = [i for i in auto if i.got and i.got.guess == i.kind]
        out.append({"threshold": t, "automatic": len(auto), "right": len(right),
                    "precision": round(len(right) / len(auto), 3) if auto else None,
                    "coverage": round(len(auto) / len(items), 3) if items else None})
    return out


def mistakes(items: list[Item]) -> list[dict[str, Any]]:
    out = []
    for i in items:
        g = i.got
        assert g is not None
        problems = []
        if g.kind != i.kind:
            problems.append(f"kind {g.kind} (guess {g.guess}, {g.confidence:.2f}) want {i.kind}")
        if i.sections and set(g.sections) != set(i.sections) or (not i.sections and g.sections):
            problems.append(f"sections {g.sections} want {i.sections}")
        if g.ncnd != i.ncnd:
            problems.append(f"ncnd {g.ncnd} want {i.ncnd}")
        if i.force_reference and not ref_found(i.force_reference, g.force_reference):
            problems.append(f"ref {g.force_reference!r} want {i.force_reference!r}")
        elif not i.force_reference and g.force_reference:
            problems.append(f"ref {g.force_reference!r} want none")
        if i.until and (not g.until or g.until.isoformat() != i.until):
            problems.append(f"until {g.until} want {i.until}")
        got_received = g.received.isoformat() if g.received else ""
        # Some label sets give the stated receipt only for acknowledgements (the only replies whose
        # stated receipt moves a due date); a receipt read from another reply is not a mistake there.
        if got_received != i.received and (i.received or g.kind == "acknowledged"):
            problems.append(f"received {got_received or '-'} want {i.received or '-'}")
        if problems:
            out.append({"file": i.file, "problems": problems, "evidence": g.evidence})
    return out


TARGET_PRECISION = 0.95
# The issue-12 targets, averaged over folds.
CV_METRICS = ("kind_accuracy", "automatic_precision", "share_automatic", "decided_precision", "share_decided",
              "best_guess_right", "sections_exact", "ncnd_right", "reference_found", "extension_date_right",
              "stated_receipt_read")


def calibrate(items: list[Item], target: float = TARGET_PRECISION) -> float | None:
    """The lowest threshold of THRESHOLDS whose automatic decisions over `items` are at least `target`
    right (the most coverage at that precision), or None when none reaches it."""
    for row in curve(items):
        if row["automatic"] and row["precision"] is not None and row["precision"] >= target:
            return float(row["threshold"])
    return None


def cross_validate(items: list[Item]) -> dict[str, Any]:
    """Per fold: its scores and a threshold calibrated on the other folds, applied to it; the mean
    of each target over the folds (each fold counts once, whatever its size)."""
    folds = sorted({i.split for i in items})
    per_fold: dict[str, Any] = {}
    for name in folds:
        inside = [i for i in items if i.split == name]
        outside = [i for i in items if i.split != name]
        r = score(inside)
        t = calibrate(outside)
        at = next((row for row in curve(inside) if row["threshold"] == t), None) if t is not None else None
        r["calibrated_threshold"] = t
        r["calibrated"] = at
        per_fold[name] = r
    mean: dict[str, Any] = {}
    for m in CV_METRICS:
        values = [per_fold[f][m] for f in folds if per_fold[f][m] is not None]
        mean[m] = round(sum(values) / len(values), 3) if values else None
    cal = [per_fold[f]["calibrated"] for f in folds if per_fold[f]["calibrated"]]
    cal_p = [c["precision"] for c in cal if c["precision"] is not None]
    mean["calibrated_precision"] = round(sum(cal_p) / len(cal_p), 3) if cal_p else None
    mean["calibrated_coverage"] = round(sum(c["coverage"] for c in cal) / len(cal), 3) if cal else None
    return {"folds": per_fold, "mean": mean}


def _where(items: list[Item], where: str | None) -> list[Item]:
    if not where:
        return items
    col, _, value = where.partition("=")
    return [i for i in items if i.row.get(col.strip(), "") == value.strip()]


def evaluate(corpus: Path, split: str = "all", with_mistakes: bool = False, *, cv: bool = False,
             where: str | None = None) -> dict[str, Any]:
    items = load(corpus)
    result: dict[str, Any] = {"corpus": str(corpus)}
    splits = sorted({i.split for i in items})
    for name in splits:
        result[name] = score([i for i in items if i.split == name])
        result[name]["curve"] = curve([i for i in items if i.split == name])
    if len(splits) > 1:
        result["all"] = score(items)
        result["all"]["curve"] = curve(items)
    if cv:
        result["cv"] = cross_validate(items)
    if where:
        result["where"] = score(_where(items, where))
        result["where"]["label"] = where
    if with_mistakes:
        chosen = items if split == "all" else [i for i in items if i.split == split]
        result["mistakes"] = mistakes(_where(chosen, where))
    return result


def _fmt(x: float | None) -> str:
    return "  -  " if x is None else f"{x:5.3f}"


def _print(name: str, r: dict[str, Any]) -> None:
    print(f"== {name}: {r['replies']} replies from {r['authorities']} authorities")
    print(f"  kind right                 {_fmt(r['kind_accuracy'])}")
    print(f"  automatic decisions        {r['automatic']}, right {r['automatic_right']} "
          f"(precision {_fmt(r['automatic_precision'])}); share automatic {_fmt(r['share_automatic'])}")
    print(f"  with auto-replies          {r['decided']}, right {r['decided_right']} "
          f"(precision {_fmt(r['decided_precision'])}); share {_fmt(r['share_decided'])}; "
          f"auto-replies {r['auto_replies']}, right {r['auto_replies_right']}")
    print(f"  sent to review             {r['needs_review']}, best guess right {_fmt(r['best_guess_right'])}")
    print(f"  sections exact             {_fmt(r['sections_exact'])} of {r['sections_cited']} citing any; "
          f"{r['spurious_sections']} with sections where none are cited")
    print(f"  NCND right                 {_fmt(r['ncnd_right'])}")
    print(f"  reference found            {_fmt(r['reference_found'])} of {r['references']}; "
          f"{r['wrong_references']} wrong or spurious")
    print(f"  extension date             {_fmt(r['extension_date_right'])} of {r['extensions_with_date']}")
    print(f"  stated receipt read        {_fmt(r['stated_receipt_read'])} of {r['stated_receipts']}; "
          f"due date moved with no stated receipt: {r['due_date_moved_without_stated_receipt']}")
    print(f"  {'kind':<18}{'support':>8}{'predicted':>10}{'precision':>11}{'recall':>8}")
    for kind, k in r["per_kind"].items():
        print(f"  {kind:<18}{k['support']:>8}{k['predicted']:>10}{_fmt(k['precision']):>11}{_fmt(k['recall']):>8}")


def _print_cv(cv: dict[str, Any]) -> None:
    folds = cv["folds"]
    print(f"== cross-validation by authority: {len(folds)} folds (mean: each fold counts once)")
    heads = ("kind", "auto prec", "auto share", "+ar prec", "+ar share", "guess", "sections", "NCND", "ref", "ext date",
             "receipt")
    print(f"  {'fold':<6}{'n':>4}" + "".join(f"{h:>11}" for h in heads) + f"{'thr':>6}{'cal prec':>10}{'cal cov':>9}")
    for name, r in folds.items():
        c = r["calibrated"] or {}
        thr = r["calibrated_threshold"]
        print(f"  {name:<6}{r['replies']:>4}" + "".join(f"{_fmt(r[m]):>11}" for m in CV_METRICS)
              + f"{thr if thr is not None else '-':>6}{_fmt(c.get('precision')):>10}{_fmt(c.get('coverage')):>9}")
    m = cv["mean"]
    print(f"  {'mean':<6}{'':>4}" + "".join(f"{_fmt(m[k]):>11}" for k in CV_METRICS)
          + f"{'':>6}{_fmt(m['calibrated_precision']):>10}{_fmt(m['calibrated_coverage']):>9}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--json", action="store_true", help="print the result as JSON")
    parser.add_argument("--corpus", type=Path, default=ROOT / "tests" / "fixtures" / "mail")
    parser.add_argument("--split", default="all", help="whose mistakes --mistakes lists: a split's name or all")
    parser.add_argument("--where", help="COL=VALUE: also score (and list mistakes of) only the rows with that value")
    parser.add_argument("--cv", action="store_true", help="the splits are folds: per-fold scores, mean, calibration")
    parser.add_argument("--mistakes", action="store_true", help="list each reply read wrongly (of --split)")
    parser.add_argument("--curve", action="store_true",
                        help="print precision and coverage of automatic decisions at other confidence thresholds")
    args = parser.parse_args(argv)
    result = evaluate(args.corpus, args.split, args.mistakes, cv=args.cv, where=args.where)
    if args.json:
        print(json.dumps(result, indent=2, default=str))
        return 0
    names = [k for k in result if k not in ("corpus", "cv", "where", "mistakes")]
    if "where" in result:
        names.append("where")
    for name in names:
        if name in result:
            _print(name if name != "where" else f"where {result['where']['label']}", result[name])
            if args.curve and "curve" in result[name]:
                print(f"  {'threshold':<11}{'automatic':>10}{'precision':>11}{'coverage':>10}"
                      f"   (the reader decides from {AUTOMATIC})")
                for row in result[name]["curve"]:
                    print(f"  {row['threshold']:<11}{row['automatic']:>10}{_fmt(row['precision']):>11}"
                          f"{_fmt(row['coverage']):>10}")
    if "cv" in result:
        _print_cv(result["cv"])
    for m in result.get("mistakes", []):
        print(f"  {m['file']}: {'; '.join(m['problems'])}\n      ({m['evidence'][:110]})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
