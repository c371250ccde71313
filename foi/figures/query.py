"""Looking at stored figures: `foi figures` and `foi explain`."""

from __future__ import annotations

import hashlib
import json
from typing import Any

from foi.batches import get_batch
from foi.errors import FoiError
from foi.workspace import Workspace


def list_figures(ws: Workspace, batch: str, body: str | None = None) -> list[dict[str, Any]]:
    get_batch(ws.db, batch)
    sql = "SELECT * FROM figures WHERE batch = ?"
    params: list[Any] = [batch]
    if body:
        sql += " AND body = ?"
        params.append(body)
    columns = _dimension_columns(ws, batch)
    return [_with_dims(dict(row), columns) for row in ws.db.query(sql + " ORDER BY body, document_id, id", params)]


def _dimension_columns(ws: Workspace, batch: str) -> dict[str, str]:
    """Dimension name -> the figures column that holds it, for the batch's schema."""
    from foi.schema import load_schema

    columns: dict[str, str] = {}
    for dimension in load_schema(get_batch(ws.db, batch)["schema"]).dimensions:
        column = {"period": "period_label", "offence": "offence", "outcome": "outcome"}.get(dimension.kind)
        if column and column not in columns.values():
            columns[dimension.name] = column
    return columns


def _with_dims(row: dict[str, Any], columns: dict[str, str]) -> dict[str, Any]:
    """A figure row whose `dims` lists every dimension again, as it was read."""
    dims = {name: row[column] for name, column in columns.items() if row[column] is not None}
    row["dims"] = {**dims, **json.loads(row["dims"])}
    return row


def explain_figure(ws: Workspace, figure_id: int) -> dict[str, Any]:
    """Where one figure came from: file, hash (checked again now), sheet/page, cell, raw text."""
    rows = list(ws.db.query("SELECT * FROM figures WHERE id = ?", [figure_id]))
    if not rows:
        raise FoiError(f"No figure {figure_id}. `foi figures BATCH --json` lists figure ids.")
    figure = _with_dims(dict(rows[0]), _dimension_columns(ws, rows[0]["batch"]))
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
        "document": {key: document[key] for key in ("id", "path", "original_name", "sha256", "source", "reader",
                                                    "parsed_at", "status")},
        "file_unchanged": current == figure["source_sha256"],
        "file_present": path.is_file(),
        "message": message,
    }
