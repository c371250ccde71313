"""Batches: one request sent to many bodies, each copy with a stable reference of ours.

A reference looks like `FOI-CAUTIONS-0007`: the batch's prefix and a number that is never
reused, even when a draft request is removed from the batch.
"""

from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from foi.bodies import get_body, select_bodies
from foi.db import dumps, now_iso
from foi.errors import FoiError
from foi.templating import check_template, find_template
from foi.workspace import Workspace

if TYPE_CHECKING:
    import sqlite_utils

DEFAULT_SUBJECT = "Freedom of Information request {{ reference }}"
_NAME = re.compile(r"^[a-z0-9][a-z0-9_-]{0,40}$")
REFERENCE = re.compile(r"\bFOI-([A-Z][A-Z0-9]*)-(\d{4,})\b")


def make_reference(prefix: str, seq: int) -> str:
    return f"FOI-{prefix}-{seq:04d}"


def _prefix_for(db: sqlite_utils.Database, name: str) -> str:
    # Letters only at the start so our references never look like a force's "FOI-2019-0456".
    base = re.sub(r"[^A-Z0-9]", "", name.upper()) or "BATCH"
    if base[0].isdigit():
        base = "B" + base
    base = base[:16]
    taken = {r["ref_prefix"] for r in db.query("SELECT ref_prefix FROM batches")}
    prefix, n = base, 2
    while prefix in taken:
        prefix, n = f"{base}{n}", n + 1
    return prefix


def get_batch(db: sqlite_utils.Database, name: str) -> dict[str, Any]:
    rows = list(db.query("SELECT * FROM batches WHERE name = ?", [name]))
    if not rows:
        names = [r["name"] for r in db.query("SELECT name FROM batches ORDER BY name")]
        known = f" Batches: {', '.join(names)}." if names else " There are no batches yet: `foi batch create`."
        raise FoiError(f"Unknown batch {name!r}.{known}")
    batch = dict(rows[0])
    batch["vars"] = json.loads(batch["vars"] or "{}")
    batch["schema"] = json.loads(batch["schema"]) if batch.get("schema") else None
    return batch


def batch_requests(db: sqlite_utils.Database, name: str, only: list[str] | None = None) -> list[dict[str, Any]]:
    get_batch(db, name)
    rows = [dict(r) for r in db.query(
        "SELECT r.*, b.name AS body_name, b.foi_email, b.portal, b.website, b.act "
        "FROM requests r JOIN bodies b ON b.slug = r.body WHERE r.batch = ? ORDER BY r.seq",
        [name],
    )]
    for row in rows:
        row["sections"] = json.loads(row["sections"] or "[]")
    if only:
        known = {r["body"] for r in rows}
        missing = [s for s in only if s not in known]
        if missing:
            raise FoiError(f"Not in batch {name!r}: {', '.join(missing)}. See `foi batch show {name}`.")
        rows = [r for r in rows if r["body"] in only]
    return rows


def get_request(db: sqlite_utils.Database, batch: str, slug: str) -> dict[str, Any]:
    rows = batch_requests(db, batch, [slug]) if slug else []
    return rows[0]


def create_batch(ws: Workspace, name: str, *, template: str, to: str = "all", vars: dict[str, str] | None = None,
                 subject: str | None = None, schema: dict[str, Any] | None = None,
                 today: date) -> dict[str, Any]:
    """Create a batch with one draft request per body, refusing a template that doesn't render."""
    db = ws.db
    if not _NAME.match(name):
        raise FoiError(f"Bad batch name {name!r}: use lower-case letters, digits, - and _ (e.g. cautions-2025).")
    if list(db.query("SELECT 1 FROM batches WHERE name = ?", [name])):
        raise FoiError(f"Batch {name!r} already exists. Use `foi batch add {name} SLUG` to add bodies.")
    vars = vars or {}
    subject = subject or DEFAULT_SUBJECT
    template_path = find_template(ws, template)
    if template_path.name.startswith("escalate-"):
        raise FoiError(f"{template_path.name} is a letter for `foi escalate`, not a request: choose the request's "
                       "template, e.g. request-outcomes.")
    bodies = select_bodies(db, to)
    prefix = _prefix_for(db, name)
    references = {body["slug"]: make_reference(prefix, i) for i, body in enumerate(bodies, start=1)}
    failures = check_template(ws, template, bodies, vars=vars, today=today, batch=name, subject=subject,
                              references=references)
    if failures:
        first = failures[0]
        raise FoiError(
            f"Template {template!r} fails for {len(failures)} recipient(s), batch not created "
            f"(first: {first.body}: {first.error}). Run `foi template check {template}` for all."
        )
    # A template given as a file path is remembered by path; a name is looked up again each time.
    stored_template = str(template_path) if Path(template).expanduser().is_file() else template
    with db.atomic():
        db.conn.execute(
            "INSERT INTO batches (name, template, subject, vars, schema, ref_prefix, next_seq, created_at) "
            "VALUES (?,?,?,?,?,?,?,?)",
            (name, stored_template, subject, dumps(vars), dumps(schema) if schema else None, prefix,
             len(bodies) + 1, now_iso()),
        )
        for seq, body in enumerate(bodies, start=1):
            _insert_request(db, name, body["slug"], references[body["slug"]], seq)
    return get_batch(db, name)


def _insert_request(db: sqlite_utils.Database, batch: str, slug: str, reference: str, seq: int) -> None:
    db.conn.execute(
        "INSERT INTO requests (batch, body, reference, seq, status, created_at) VALUES (?,?,?,?,'draft',?)",
        (batch, slug, reference, seq, now_iso()),
    )


def add_bodies(ws: Workspace, name: str, slugs: list[str], *, today: date) -> list[str]:
    db = ws.db
    batch = get_batch(db, name)
    bodies = [get_body(db, slug) for slug in dict.fromkeys(slugs)]
    present = {r["body"] for r in db.query("SELECT body FROM requests WHERE batch = ?", [name])}
    already = [b["slug"] for b in bodies if b["slug"] in present]
    if already:
        raise FoiError(f"Already in batch {name!r}: {', '.join(already)}.")
    seq = batch["next_seq"]
    references = {b["slug"]: make_reference(batch["ref_prefix"], seq + i) for i, b in enumerate(bodies)}
    failures = check_template(ws, batch["template"], bodies, vars=batch["vars"], today=today, batch=name,
                              subject=batch["subject"], references=references)
    if failures:
        raise FoiError(f"Template {batch['template']!r} fails for {failures[0].body}: {failures[0].error}")
    with db.atomic():
        for i, body in enumerate(bodies):
            _insert_request(db, name, body["slug"], references[body["slug"]], seq + i)
        db.conn.execute("UPDATE batches SET next_seq = ? WHERE name = ?", (seq + len(bodies), name))
    return list(references.values())


def remove_bodies(ws: Workspace, name: str, slugs: list[str]) -> list[str]:
    """Remove draft requests; a request that has left the building stays, with its history."""
    db = ws.db
    requests = batch_requests(db, name, list(dict.fromkeys(slugs)))
    not_draft = [f"{r['body']} ({r['status']})" for r in requests if r["status"] != "draft"]
    if not_draft:
        raise FoiError(
            f"Only drafts can be removed; these are not: {', '.join(not_draft)}. "
            f"Use `foi mark {name} SLUG withdrawn` instead."
        )
    with db.atomic():
        for request in requests:
            db.conn.execute("DELETE FROM requests WHERE id = ?", (request["id"],))
    return [r["body"] for r in requests]


def list_batches(db: sqlite_utils.Database) -> list[dict[str, Any]]:
    rows = []
    for batch in db.query("SELECT name, template, ref_prefix, created_at FROM batches ORDER BY created_at, name"):
        counts = {
            r["status"]: r["n"]
            for r in db.query("SELECT status, COUNT(*) AS n FROM requests WHERE batch = ? GROUP BY status",
                              [batch["name"]])
        }
        rows.append({**dict(batch), "requests": sum(counts.values()), "by_status": counts})
    return rows
