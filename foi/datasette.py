"""Datasette metadata for a workspace's database, and `foi browse` to open it.

Datasette is an optional extra (`pip install 'foi[datasette]'`); this module never imports it, it
only writes `db/metadata.json` next to the database and starts the `datasette` program.
"""

from __future__ import annotations

import importlib.util as importlib_util
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

from foi.errors import FoiError
from foi.workspace import Workspace

INSTALL_HINT = "pip install 'foi[datasette]'"

_TABLES: dict[str, dict[str, Any]] = {
    "requests": {
        "title": "Requests",
        "description": "One row per body a batch's request went to: its status, dates and the sections it "
                       "was refused under. `reference` is ours, `force_reference` the body's.",
        "facets": ["status", "batch", "body", {"array": "sections"}, "ncnd"],
        "sort": "seq",
        "columns": {
            "reference": "Our reference, quoted in every letter (FOI-BATCH-0007)",
            "status": "Derived from the event log: draft, sent, acknowledged, responded, refused ...",
            "due_on": "Statutory due date (20 working days, extended when the body said so)",
            "sections": "FOIA sections cited in a refusal (JSON list)",
            "ncnd": "1 when the body would neither confirm nor deny holding the information",
            "force_reference": "The body's own reference for the request",
        },
    },
    "events": {
        "title": "Events",
        "description": "The append-only log every status is derived from: what happened to which request, "
                       "when, and the sentence of the reply that showed it (`evidence`).",
        "facets": ["kind", "source", {"array": "sections"}],
        "sort_desc": "id",
        "columns": {
            "kind": "What happened: sent, acknowledged, refused, extended ...",
            "source": "hand (marked by a person), mail (read from a reply), import, send, system",
            "evidence": "The sentence(s) of the reply the automatic reading relied on",
            "message_row": "The message (messages.id) this event was read from",
        },
    },
    "messages": {
        "title": "Messages",
        "description": "E-mails sent and received; `request_id` is empty for replies not yet matched to a "
                       "request.",
        "facets": ["direction", "kind", "matched_by"],
        "sort_desc": "date",
    },
    "documents": {
        "title": "Documents",
        "description": "Every file received, stored under responses/BATCH/BODY/ by content hash, and how "
                       "far it got through parsing.",
        "facets": ["status", "body", "reader", "source"],
        "columns": {
            "path": "Where the file is, relative to the workspace folder",
            "sha256": "SHA-256 of the file's bytes: cite it to prove which file a figure came from",
            "warnings": "What the reader noticed: hidden sheets, totals that don't add up ... (JSON list)",
        },
    },
    "figures": {
        "title": "Figures",
        "description": "One row per number found in a returned file, with the exact cell it came from "
                       "(`location`, e.g. Sheet1!D7 or p3 t1 r5 c2) and the file's hash.",
        "facets": ["body", "period_label", "offence_code", "outcome_code", "unit", "total", "suppressed"],
        "columns": {
            "body": "The force the figure is about: its row's force in a table with a row per force, else the sender",
            "value": "The number as stated; empty when the cell was suppressed",
            "suppressed": "The suppression marker as written (*, <5, redacted ...)",
            "unit": "Empty for a count; %, £, a rate ... as the table states it. Never add figures of different units",
            "total": "1 for a total, subtotal or aggregate the file states (Total, All ages, England and Wales): "
                     "never add it to the figures it sums",
            "dims": "Every label of the figure by dimension: period, offence, outcome, body, sex, age_group, ... "
                    "or the header's own name where foi recognised nothing (JSON object)",
            "labels": "Every label of the figure under the header it sits under in the file (JSON object)",
            "sender": "The body whose reply the file is",
            "location": "Sheet and cell, or PDF page/table/row/column, the figure was read from",
            "raw": "The cell's text exactly as written",
        },
    },
    "figure_cells": {
        "title": "Figure cells",
        "description": "What `figures` is made of: each figure's own columns and the numbers of its labels. "
                       "Use `figures`, which adds batch, body and the source file's path and hash from "
                       "`documents`, and every label from `figure_labels`.",
        "hidden": True,
    },
    "figure_labels": {
        "title": "Figure labels",
        "description": "Each document's distinct labels, numbered within the document: the header each sits "
                       "under, the dimension it was recognised as (with Home Office codes, period dates, body "
                       "slugs), whether it is an aggregate, and where it came from (row, column, section, "
                       "parent, title, sheet); `figures` shows them on every figure.",
        "hidden": True,
    },
    "bodies": {
        "title": "Public bodies",
        "description": "The registry: the 43 police forces of England and Wales, other UK police bodies and "
                       "any body imported. E-mail addresses are from a dated snapshot: check before sending.",
        "facets": ["grp", "region", "act"],
        "label_column": "name",
    },
    "batches": {
        "title": "Batches",
        "description": "One request sent to many bodies.",
        "label_column": "name",
    },
    "meta": {"hidden": True},
}


def metadata(ws: Workspace) -> dict[str, Any]:
    """Datasette metadata for `db/foi.db`: titles, descriptions, facets and column notes."""
    db_name = ws.db_path.stem  # Datasette names a database after its file
    title = f"foi: {ws.root.name}"
    return {
        "title": title,
        "description": "Freedom of Information requests sent by foi, their replies and the figures "
                       "extracted from returned files. Every figure links back to a stored file and cell.",
        "source": "foi workspace " + str(ws.root),
        "databases": {
            db_name: {
                "title": title,
                "tables": json.loads(json.dumps(_TABLES)),  # a copy the caller may change
            }
        },
    }


def metadata_path(ws: Workspace) -> Path:
    return ws.db_path.parent / "metadata.json"


def write_metadata(ws: Workspace) -> Path:
    """Write `db/metadata.json` next to the database (atomically) and return its path."""
    path = metadata_path(ws)
    path.parent.mkdir(parents=True, exist_ok=True)
    text = json.dumps(metadata(ws), indent=2, ensure_ascii=False) + "\n"
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".metadata.", suffix=".part")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(text)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return path


def datasette_program() -> list[str] | None:
    """How to run Datasette here: the `datasette` script, else `python -m datasette`, else None."""
    script = shutil.which("datasette")
    if script:
        return [script]
    if importlib_util.find_spec("datasette") is not None:
        return [sys.executable, "-m", "datasette"]
    return None


def browse_command(ws: Workspace, port: int = 8001) -> list[str]:
    program = datasette_program()
    if program is None:
        raise FoiError(f"Datasette is not installed. Install it with: {INSTALL_HINT}")
    if not 0 < port < 65536:
        raise FoiError(f"Bad --port {port}: use a number between 1 and 65535, e.g. 8001.")
    # The database must exist (and be current) before Datasette opens it read-write.
    ws.db  # noqa: B018
    return [*program, str(ws.db_path), "-m", str(metadata_path(ws)), "-h", "127.0.0.1", "-p", str(port)]


def browse(ws: Workspace, port: int = 8001) -> int:
    """Write the metadata and run Datasette until it stops; returns its exit code."""
    command = browse_command(ws, port)
    write_metadata(ws)
    try:
        return subprocess.run(command, check=False).returncode
    except KeyboardInterrupt:
        return 0
