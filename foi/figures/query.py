"""Looking at stored figures: `foi figures` and `foi explain`."""

from __future__ import annotations

import hashlib
import json
from typing import Any

from foi.batches import get_batch
from foi.errors import FoiError
from foi.workspace import Workspace


def list_figures(ws: Workspace, batch: str, body: str | None = None) -> list[dict[str, Any]]:
    """A batch's figures (or one body's), each with all its labels: `dims` {dimension: label} and
    `labels` {header: label}."""
    get_batch(ws.db, batch)
    sql = "SELECT * FROM figures WHERE batch = ?"
    params: list[Any] = [batch]
    if body:
        sql += " AND body = ?"
        params.append(body)
    return [_decoded(dict(row)) for row in ws.db.query(sql + " ORDER BY body, document_id, id", params)]


def _decoded(row: dict[str, Any]) -> dict[str, Any]:
    row["dims"] = json.loads(row["dims"] or "{}")
    row["labels"] = json.loads(row["labels"] or "{}")
    row["total"] = bool(row["total"])
    return row


def figure_labels(ws: Workspace, figure_id: int) -> list[dict[str, Any]]:
    """Every label of one figure, with where it came from, in the order the figure carries them."""
    sql = """
        WITH f AS (SELECT * FROM figure_cells WHERE id = :id),
             k(k, n) AS (SELECT 0, period_n FROM f UNION ALL SELECT 1, offence_n FROM f
                         UNION ALL SELECT 2, outcome_n FROM f UNION ALL SELECT 3, body_n FROM f
                         UNION ALL SELECT 4 + j.key, j.value FROM f, json_each(coalesce(f.labels, '[]')) j)
        SELECT l.header, l.dimension, l.label, l.code, l.period_start, l.period_end, l.aggregate, l.source,
               l.position, l.note
        FROM k JOIN f JOIN figure_labels l ON l.document_id = f.document_id AND l.n = k.n
        ORDER BY CASE l.source WHEN 'section' THEN 0 WHEN 'parent' THEN 1 WHEN 'row' THEN 2 WHEN 'column' THEN 3
                 ELSE 4 END, l.position, k.k"""
    out = []
    for row in ws.db.query(sql, {"id": figure_id}):
        label = dict(row)
        label["aggregate"] = bool(label["aggregate"])
        out.append(label)
    return out


def explain_figure(ws: Workspace, figure_id: int) -> dict[str, Any]:
    """Where one figure came from: file, hash (checked again now), sheet/page, cell, raw text."""
    rows = list(ws.db.query("SELECT * FROM figures WHERE id = ?", [figure_id]))
    if not rows:
        raise FoiError(f"No figure {figure_id}. `foi figures BATCH --json` lists figure ids.")
    figure = _decoded(dict(rows[0]))
    document = dict(next(iter(ws.db.query("SELECT * FROM documents WHERE id = ?", [figure["document_id"]]))))
    path = ws.root / document["path"]
    current = hashlib.sha256(path.read_bytes()).hexdigest() if path.is_file() else None
    message = None
    if document.get("message_row"):
        found = list(ws.db.query("SELECT message_id, from_addr, subject, date FROM messages WHERE id = ?",
                                 [document["message_row"]]))
        message = dict(found[0]) if found else None
    return {
        "figure": figure,
        "labels": figure_labels(ws, figure_id),
        "document": {key: document[key] for key in ("id", "path", "original_name", "sha256", "source", "reader",
                                                    "parsed_at", "status")},
        "file_unchanged": current == figure["source_sha256"],
        "file_present": path.is_file(),
        "message": message,
    }
