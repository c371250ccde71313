"""`foi report`: one self-contained HTML page about a batch, to read, share and print.

The page has no external assets and reads fine with JavaScript off; a small inline script only
sorts and filters tables. Everything that came from a reply or a spreadsheet is escaped by jinja2's
autoescape, and a Content-Security-Policy lets only our own script (by its hash) run, so a cell
holding `<script>` can neither render as markup nor execute.
"""

from __future__ import annotations

import base64
import hashlib
import os
import re
from collections import Counter, defaultdict
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

from foi.batches import get_batch
from foi.errors import FoiError
from foi.summary import summarise
from foi.workspace import Workspace

if TYPE_CHECKING:
    import sqlite_utils

TEMPLATE = Path(__file__).resolve().parent / "report_template.html.j2"

# Colour family of each status's badge: what a reader should feel about it at a glance.
BADGE = {
    "draft": "muted", "sending": "muted", "withdrawn": "muted", "not-held": "muted",
    "sent": "wait", "acknowledged": "wait", "clarification": "wait", "clarified": "wait", "extended": "wait",
    "responded": "good", "review-overturned": "good",
    "partial": "part",
    "refused": "bad", "review-upheld": "bad",
    "overdue": "late", "review-overdue": "late", "failed": "late",
    "internal-review": "review", "ico-complaint": "review",
    "needs-review": "attention",
}
SECTION_NAMES = {
    "12": "cost limit", "14": "vexatious or repeated", "21": "reasonably accessible elsewhere",
    "22": "intended for future publication", "23": "security bodies", "24": "national security",
    "30": "investigations and proceedings", "31": "law enforcement", "38": "health and safety",
    "40": "personal information", "41": "information provided in confidence", "42": "legal professional privilege",
    "43": "commercial interests",
}
REFUSAL_MESSAGE_KINDS = ("refused", "partial", "review-upheld")
SIMILARITY = 90  # rapidfuzz token_set_ratio at or above which two refusals share their wording
MIN_WORDS = 6  # shorter texts ("Refused.") say nothing about a shared template


@dataclass
class ReportResult:
    path: Path
    bodies: int
    figures: int
    wording_groups: int
    metadata: Path


def board_rows(ws: Workspace, batch: str, today: date) -> list[dict[str, Any]]:
    from foi.board import board

    # The board computes status (overdue included) and lateness; the report only arranges it.
    return sorted(board(ws, batch, today=today), key=lambda r: (r["body_name"] or r["body"]).lower())


def _href(target: Path, out_dir: Path) -> str:
    rel = os.path.relpath(target, out_dir)
    return quote(Path(rel).as_posix(), safe="/.-_~")


def _section_key(section: str) -> tuple[int, str]:
    match = re.match(r"\d+", section)
    return (int(match.group()) if match else 999, section)


def _number(value: float | int | None) -> str:
    if value is None:
        return ""
    if float(value).is_integer():
        return f"{int(value):,}"
    return f"{value:,.2f}"


# ---------------------------------------------------------------------------------------------
# Files, refusals, coverage


def _files(ws: Workspace, batch: str, out_dir: Path) -> dict[str, list[dict[str, Any]]]:
    """Stored reply files per body, as links relative to the report."""
    files: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for doc in ws.db.query("SELECT body, path, original_name, status FROM documents WHERE batch = ? "
                           "ORDER BY body, id", [batch]):
        files[doc["body"]].append({"href": _href(ws.root / doc["path"], out_dir),
                                   "name": doc["original_name"] or Path(doc["path"]).name,
                                   "status": doc["status"], "title": None})
    for msg in ws.db.query("SELECT r.body, m.path, m.subject, m.date FROM messages m JOIN requests r "
                           "ON r.id = m.request_id WHERE r.batch = ? AND m.direction = 'in' AND m.path IS NOT NULL "
                           "ORDER BY r.body, m.date, m.id", [batch]):
        files[msg["body"]].append({"href": _href(ws.root / msg["path"], out_dir),
                                   "name": "e-mail " + (msg["date"] or "")[:10], "status": "mail",
                                   "title": msg["subject"]})
    return files


def refusal_texts(db: sqlite_utils.Database, batch: str) -> dict[str, str]:
    """The words of each body's refusal: the refusal mails' text, else the events' evidence and notes."""
    mails: dict[str, list[str]] = defaultdict(list)
    marks = f"({','.join('?' * len(REFUSAL_MESSAGE_KINDS))})"
    for row in db.query(
        "SELECT DISTINCT r.body, m.id, m.body_text FROM messages m JOIN requests r ON r.id = m.request_id "
        "LEFT JOIN events e ON e.message_row = m.id "
        f"WHERE r.batch = ? AND m.body_text IS NOT NULL AND (m.kind IN {marks} OR e.kind IN {marks}) "
        "ORDER BY r.body, m.id", [batch, *REFUSAL_MESSAGE_KINDS, *REFUSAL_MESSAGE_KINDS],
    ):
        mails[row["body"]].append(row["body_text"])
    notes: dict[str, list[str]] = defaultdict(list)
    for row in db.query(
        "SELECT r.body, e.evidence, e.note FROM events e JOIN requests r ON r.id = e.request_id "
        f"WHERE r.batch = ? AND e.kind IN {marks} ORDER BY r.body, e.on_date, e.id",
        [batch, *REFUSAL_MESSAGE_KINDS],
    ):
        notes[row["body"]].extend(t for t in (row["evidence"], row["note"]) if t)
    texts = {}
    for body in sorted(set(mails) | set(notes)):
        # A whole letter shows a shared template far better than the one sentence we kept as evidence.
        parts = mails.get(body) or notes.get(body, [])
        text = re.sub(r"\s+", " ", "\n".join(dict.fromkeys(parts))).strip()
        if text:
            texts[body] = text
    return texts


def _similar_pairs(texts: dict[str, str]) -> list[tuple[str, str, float]]:
    bodies = [b for b, t in texts.items() if len(t.split()) >= MIN_WORDS]
    try:
        from rapidfuzz import fuzz
        from rapidfuzz.utils import default_process
    except ImportError:  # rapidfuzz is a dependency; word shingles keep the panel working without it
        return _shingle_pairs({b: texts[b] for b in bodies})
    pairs = []
    processed = {b: default_process(texts[b]) for b in bodies}
    for i, a in enumerate(bodies):
        for b in bodies[i + 1:]:
            wa, wb = len(processed[a].split()), len(processed[b].split())
            # token_set_ratio scores a short text found inside a long one as 100; a shared template
            # means the letters are of a similar length too.
            if min(wa, wb) / max(wa, wb) < 0.5:
                continue
            score = fuzz.token_set_ratio(processed[a], processed[b], processor=None)
            if score >= SIMILARITY:
                pairs.append((a, b, score))
    return pairs


def _shingles(text: str, n: int = 3) -> set[tuple[str, ...]]:
    words = re.findall(r"\w+", text.lower())
    return {tuple(words[i:i + n]) for i in range(max(1, len(words) - n + 1))}


def _shingle_pairs(texts: dict[str, str], threshold: float = 0.6) -> list[tuple[str, str, float]]:
    sets = {b: _shingles(t) for b, t in texts.items()}
    bodies, pairs = list(texts), []
    for i, a in enumerate(bodies):
        for b in bodies[i + 1:]:
            jaccard = len(sets[a] & sets[b]) / len(sets[a] | sets[b])
            if jaccard >= threshold:
                pairs.append((a, b, round(jaccard * 100, 1)))
    return pairs


def same_wording(texts: dict[str, str]) -> list[dict[str, Any]]:
    """Groups of bodies whose refusal texts are near-identical (linked by pairwise similarity)."""
    parent = {b: b for b in texts}

    def find(x: str) -> str:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    best: dict[str, float] = {}
    for a, b, score in _similar_pairs(texts):
        parent[find(a)] = find(b)
        best[a], best[b] = max(best.get(a, 0), score), max(best.get(b, 0), score)
    groups: dict[str, list[str]] = defaultdict(list)
    for body in texts:
        groups[find(body)].append(body)
    out = []
    for members in groups.values():
        if len(members) < 2:
            continue
        members.sort()
        out.append({"bodies": members, "text": texts[members[0]],
                    "score": min(best[m] for m in members)})
    out.sort(key=lambda g: (-len(g["bodies"]), g["bodies"]))
    return out


def coverage(db: sqlite_utils.Database, batch: str) -> tuple[list[dict[str, Any]], dict[tuple[str, str], dict]]:
    """Periods (columns) and, per (body, period key), how many figures and suppressed cells there are."""
    # Forces write the same year differently ("2019/20", "2019-20"); the parsed start/end say which
    # period it is, the most common label names the column.
    labels: dict[str, Counter[str]] = defaultdict(Counter)
    starts: dict[str, str] = {}
    cells: dict[tuple[str, str], dict[str, int]] = {}
    for row in db.query(
        "SELECT body, period_start, period_end, period_label, COUNT(value) AS n, "
        "SUM(suppressed IS NOT NULL) AS s FROM figures WHERE batch = ? AND total = 0 "
        "GROUP BY body, period_start, period_end, period_label", [batch],
    ):
        key = f"{row['period_start']}..{row['period_end']}" if row["period_start"] else (row["period_label"] or "")
        labels[key][row["period_label"] or "(no period)"] += row["n"] + row["s"]
        starts[key] = row["period_start"] or "9999"
        cell = cells.setdefault((row["body"], key), {"n": 0, "s": 0})
        cell["n"] += row["n"]
        cell["s"] += row["s"] or 0
    periods = [{"key": k, "label": labels[k].most_common(1)[0][0]}
               for k in sorted(labels, key=lambda k: (starts[k], k))]
    return periods, cells


# ---------------------------------------------------------------------------------------------
# Charts


def bar_chart(items: list[tuple[str, float]], *, width: int = 760, bar: int = 16, gap: int = 4,
              label_width: int = 200) -> dict[str, Any]:
    """Geometry of a horizontal bar chart (drawn as inline SVG by the template)."""
    top = max((v for _, v in items), default=0) or 1
    room = width - label_width - 70  # space for the value after the longest bar
    fits = max(4, int(label_width / 6.8))  # characters of a 12px sans-serif label that fit its column
    bars = []
    for i, (label, value) in enumerate(items):
        y = i * (bar + gap)
        length = max(0.0, value) / top * room
        short = label if len(label) <= fits else label[: fits - 1].rstrip() + "\u2026"
        bars.append({"label": label, "short": short, "value": _number(value), "y": y, "w": round(length, 1),
                     "text_y": y + bar - 4, "value_x": round(label_width + length + 6, 1)})
    return {"width": width, "height": max(1, len(items) * (bar + gap)), "bar": bar, "label_width": label_width,
            "bars": bars}


# ---------------------------------------------------------------------------------------------
# The page


def report_context(ws: Workspace, batch: str, out_dir: Path, today: date) -> dict[str, Any]:
    from foi.codes import outcome_name

    db = ws.db
    meta = get_batch(db, batch)
    names = {r["slug"]: r["name"] for r in db.query("SELECT slug, name FROM bodies")}
    rows = board_rows(ws, batch, today)
    files = _files(ws, batch, out_dir)
    forces = []
    refusals: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for row in rows:
        sections = [str(s) for s in (row.get("sections") or [])]
        status = row.get("status") or "draft"
        name = row.get("body_name") or names.get(row["body"], row["body"])
        forces.append({**row, "name": name, "status": status, "badge": BADGE.get(status, "muted"),
                       "sections": sections, "files": files.get(row["body"], []),
                       "late": row.get("working_days_overdue") or 0})
        by_base: dict[str, list[str]] = defaultdict(list)
        for section in sections:
            by_base[re.match(r"\d*", section).group() or section].append(section)  # type: ignore[union-attr]
        for base, cited in by_base.items():
            refusals[base].append({"name": name, "cited": cited, "status": status, "ncnd": bool(row.get("ncnd"))})

    # The board's statistics define "answered" (a first substantive reply) and count sections.
    from foi.board import stats as board_stats

    st = board_stats(ws, batch, today=today)
    by_section = st["refusals_by_section"]
    headline = {
        "bodies": st["requests"],
        "sent": sum(1 for r in rows if r.get("sent_on")),
        "answered": st["replied"],
        "refused": sum(st["by_status"].get(s, 0) for s in ("refused", "review-upheld")),
        "overdue": st["by_status"].get("overdue", 0),
        "ncnd": st["ncnd"],
        "by_section": [{"section": s, "name": SECTION_NAMES.get(s, ""), "count": by_section[s]}
                       for s in sorted(by_section, key=_section_key)],
    }
    refusal_groups = [{"section": s, "name": SECTION_NAMES.get(s, ""), "bodies": refusals[s]}
                      for s in sorted(refusals, key=_section_key)]

    periods, cells = coverage(db, batch)
    grid = []
    for force in forces:
        row_cells = []
        for period in periods:
            cell = cells.get((force["body"], period["key"]))
            row_cells.append(cell)
        grid.append({"name": force["name"], "cells": row_cells,
                     "covered": sum(1 for c in row_cells if c)})

    by_body = summarise(db, batch, by=["body"], counts_only=True)
    body_rows = sorted(by_body.rows, key=lambda r: (-float(r["value"] or 0), r["body"]))
    by_outcome = summarise(db, batch, by=["outcome_code", "outcome"], counts_only=True) if by_body.rows else None
    outcome_totals: dict[str, dict[str, Any]] = {}
    for r in by_outcome.rows if by_outcome else []:
        code = r["outcome_code"]
        key = code or (r["outcome"] or "(none)")
        label = (f"{code} {outcome_name(code) or r['outcome'] or ''}".strip() if code
                 else (r["outcome"] or "(no outcome)"))
        entry = outcome_totals.setdefault(key, {"label": label, "value": 0, "figures": 0, "suppressed": 0})
        entry["value"] += r["value"] or 0
        entry["figures"] += r["figures"]
        entry["suppressed"] += r["suppressed"]
    outcome_rows = sorted(outcome_totals.values(), key=lambda r: (-float(r["value"]), r["label"]))

    texts = refusal_texts(db, batch)
    wording = same_wording(texts)
    for group in wording:
        group["names"] = [names.get(b, b) for b in group["bodies"]]

    return {
        "batch": batch, "template": Path(meta["template"]).name,
        "vars": meta["vars"], "today": today.isoformat(),
        "headline": headline, "forces": forces, "statuses": sorted({f["status"] for f in forces}),
        "refusal_groups": refusal_groups, "periods": periods, "grid": grid,
        "body_totals": [{**r, "name": names.get(r["body"], r["body"]), "value_text": _number(r["value"])}
                        for r in body_rows],
        "outcome_totals": [{**r, "value_text": _number(r["value"]) if r["figures"] else ""} for r in outcome_rows],
        "total": {**by_body.total, "value_text": _number(by_body.total["value"])},
        "body_chart": bar_chart([(names.get(r["body"], r["body"]), float(r["value"] or 0)) for r in body_rows],
                                label_width=230),
        "outcome_chart": bar_chart([(r["label"], float(r["value"])) for r in outcome_rows], label_width=260),
        "wording": wording, "refusal_texts": len(texts),
    }


def _csp_hash(script: str) -> str:
    return "sha256-" + base64.b64encode(hashlib.sha256(str(script).encode("utf-8")).digest()).decode("ascii")


def render(context: dict[str, Any]) -> str:
    import jinja2

    env = jinja2.Environment(autoescape=True, undefined=jinja2.StrictUndefined, trim_blocks=True,
                             lstrip_blocks=True)
    env.filters["csp_hash"] = _csp_hash
    try:
        template = env.from_string(TEMPLATE.read_text(encoding="utf-8"))
    except OSError as exc:
        raise FoiError(f"foi's report template is missing ({TEMPLATE}): reinstall foi.") from exc
    return template.render(**context)


def build_report(ws: Workspace, batch: str, out: Path, *, today: date) -> ReportResult:
    """Write the batch's report to `out` (atomically) and Datasette's metadata next to the database."""
    from foi.datasette import write_metadata
    from foi.export import atomic_write

    out = Path(out).expanduser().absolute()
    if out.is_dir():
        raise FoiError(f"{out} is a folder: give the report a file name, e.g. -o {out / 'report.html'}")
    context = report_context(ws, batch, out.parent, today)
    page = render(context).encode("utf-8")
    atomic_write(out, lambda fh: fh.write(page))
    return ReportResult(path=out, bodies=len(context["forces"]), figures=context["total"]["figures"]
                        + context["total"]["suppressed"], wording_groups=len(context["wording"]),
                        metadata=write_metadata(ws))
