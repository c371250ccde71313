"""Turn a batch's returned files into figures: read, understand, code, store with provenance.

Each document is parsed on its own and its figures replace the previous ones in one
transaction, so re-parsing never duplicates a number, and a file that fails to read keeps
whatever figures it had. No file ever stops the others from being parsed.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from foi.batches import get_batch
from foi.db import dumps, now_iso
from foi.errors import FoiError
from foi.figures.filing import SIDECAR_SUFFIX, request_of, scan_responses
from foi.figures.review import read_sidecar, write_sidecar
from foi.figures.storing import Coder, FigureRows, locator, replace_figures
from foi.workspace import Workspace


@dataclass
class FileReport:
    """What happened to one file, for the review loop."""

    document_id: int
    body: str
    path: str
    original_name: str | None
    reader: str = ""
    status: str = ""  # parsed | needs-review | needs-ocr | error | no-figures | missing
    tables: int = 0
    figures: int = 0
    suppressed: int = 0
    skipped: dict[str, int] = field(default_factory=dict)
    not_understood: list[dict[str, str]] = field(default_factory=list)  # {"location", "reason"}
    warnings: list[str] = field(default_factory=list)
    error: str | None = None
    mapping: dict[str, str] = field(default_factory=dict)

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


# --- parsing --------------------------------------------------------------------------------


def parse_batch(ws: Workspace, batch: str, *, body: str | None = None, file: str | None = None,
                mapping: dict[str, str] | None = None,
                progress: Callable[[str], None] | None = None) -> list[FileReport]:
    """Parse the batch's documents (or one body's, or one file) and store their figures."""
    from foi.schema import load_schema

    batch_row = get_batch(ws.db, batch)
    schema = load_schema(batch_row["schema"])
    if body:
        request_of(ws, batch, body)
    scan_responses(ws, batch, body)
    documents = _documents(ws, batch, body, file)
    if mapping:
        _check_targets(mapping, schema)
    reports = []
    for document in documents:
        if progress:
            progress(document["path"])
        reports.append(parse_document(ws, document, schema, mapping))
    return reports


def _check_targets(mapping: dict[str, str], schema: Any) -> None:
    valid = {d.name for d in schema.dimensions} | {"value", "ignore"}
    bad = sorted({t for t in mapping.values() if t not in valid})
    if bad:
        raise FoiError(f"--map target {', '.join(map(repr, bad))} is not a dimension of schema {schema.name!r}: "
                       f"use one of {', '.join(sorted(valid))}.")


def _documents(ws: Workspace, batch: str, body: str | None, file: str | None) -> list[dict[str, Any]]:
    sql = "SELECT * FROM documents WHERE batch = ?"
    params: list[Any] = [batch]
    if body:
        sql += " AND body = ?"
        params.append(body)
    documents = [dict(r) for r in ws.db.query(sql + " ORDER BY body, id", params)]
    if file is None:
        return documents
    wanted = Path(file).expanduser()
    absolute = wanted.resolve() if wanted.exists() else (ws.root / file).resolve()
    chosen = [d for d in documents if (ws.root / d["path"]).resolve() == absolute
              or d["path"] == file or d["original_name"] == file or str(d["id"]) == file]
    if not chosen:
        raise FoiError(f"No document {file!r} in batch {batch!r}. See `foi parse {batch} --json` for the files.")
    return chosen


def parse_document(ws: Workspace, document: dict[str, Any], schema: Any,
                   mapping: dict[str, str] | None = None) -> FileReport:
    from foi.figures._tables import gc_paused
    from foi.figures.reading import read_document

    report = FileReport(document_id=document["id"], body=document["body"], path=document["path"],
                        original_name=document.get("original_name"))
    path = ws.root / document["path"]
    if not path.is_file():
        report.status, report.error = "missing", f"file is missing from {document['path']}; restore it and re-parse"
        _save_status(ws, report)
        return report
    if hashlib.sha256(path.read_bytes()).hexdigest() != document["sha256"]:
        # Figures must trace to the bytes we received; an edited file is a different document.
        report.status = "error"
        report.error = (f"{document['path']} changed since it was stored; restore the original, or "
                        f"`foi attach` the new version as a file of its own")
        _save_status(ws, report)
        return report
    sidecar = sidecar_path(ws, document)
    try:
        file_mapping = {**read_sidecar(sidecar), **(mapping or {})}
    except FoiError as exc:
        # A bad sidecar is this file's problem: named, and the other files still parse.
        report.status, report.error = "error", f"{exc} (in {sidecar.relative_to(ws.root).as_posix()})"
        _save_status(ws, report)
        return report
    result = read_document(path)
    with gc_paused():
        return _parse_read(ws, document, schema, mapping, file_mapping, report, result)


def _parse_read(ws: Workspace, document: dict[str, Any], schema: Any, mapping: dict[str, str] | None,
                file_mapping: dict[str, str], report: FileReport, result: Any) -> FileReport:
    """parse_document, once the file is read: understand its tables, code and store the figures."""
    from foi.figures._tables import understand

    sidecar = sidecar_path(ws, document)
    report.reader = result.reader
    report.warnings += result.warnings
    report.tables = len(result.tables)
    if result.status != "ok":
        # Keep the figures an earlier parse found: a read failure is not evidence they are wrong.
        report.status, report.error = result.status, result.error or "no text layer: needs OCR"
        _save_status(ws, report)
        return report
    figures: list[FigureRows] = []
    needs_review = False
    coder = Coder(schema)
    for grid in result.tables:
        table = understand(grid, schema, file_mapping or None)
        needs_review |= table.needs_review
        report.mapping.update(table.mapping)
        for key, count in table.skipped.items():
            report.skipped[key] = report.skipped.get(key, 0) + count
        report.warnings += table.warnings
        for row, reason in table.not_understood:
            report.not_understood.append({"location": grid.location(row, 0), "reason": reason})
        listed = _record_list_rows(grid) if not table.records and not table.blocks else 0
        if listed:
            # One row per crime is evidence, not a count: summing it is the journalist's call.
            needs_review = True
            report.warnings.append(
                f"{grid.name}: looks like a list of {listed} records (one row per case), not counts; "
                "foi stores no figures from it: count the rows yourself or ask the force for totals")
        for block in table.blocks:
            figures.append(coder.block_rows(document, grid, block))
        figures.append(coder.rows(document, grid, table.records))
        coder.note_duplicates(table, locator(grid))
    report.warnings += coder.duplicate_warnings()
    report.figures = sum(len(part.rows) for part in figures)
    report.suppressed = sum(part.suppressed() for part in figures)
    if needs_review or report.not_understood:
        # Rows whose figures were left out are the user's to look at, even when the rest parsed.
        report.status = "needs-review"
    elif report.figures:
        report.status = "parsed"
    else:
        report.status = "no-figures"
        if not result.tables:
            report.warnings.append("no tables found (a letter?)")
    if mapping and _mentions_any(result.tables, mapping):
        # A mapping that applies to this file is kept beside it, so a later re-parse gives the same figures.
        write_sidecar(sidecar, file_mapping)
    _store(ws, report, coder, figures)
    return report


def _record_list_rows(grid: Any, at_least: int = 20) -> int:
    """How many rows of a table with no figures look like records (two or more filled cells)."""
    rows = sum(1 for row in grid.rows if sum(1 for cell in row if cell not in (None, "")) >= 2)
    return rows - 1 if rows > at_least else 0


def _mentions_any(grids: list[Any], mapping: dict[str, str], rows: int = 30) -> bool:
    """Does any header-ish cell (first rows of a table) carry one of the mapped header texts?"""
    wanted = {key.strip().lower() for key in mapping}
    for grid in grids:
        for row in grid.rows[:rows]:
            if any(isinstance(cell, str) and cell.strip().lower() in wanted for cell in row):
                return True
    return False


def sidecar_path(ws: Workspace, document: dict[str, Any]) -> Path:
    return ws.root / (document["path"] + SIDECAR_SUFFIX)


def _save_status(ws: Workspace, report: FileReport) -> None:
    with ws.db.atomic():
        ws.db.conn.execute(
            "UPDATE documents SET status = ?, reader = ?, parsed_at = ?, warnings = ? WHERE id = ?",
            (report.status, report.reader or None, now_iso(),
             dumps(report.warnings + ([report.error] if report.error else [])), report.document_id),
        )


def _store(ws: Workspace, report: FileReport, coder: Coder, parts: list[FigureRows]) -> None:
    """Replace this document's figures in one transaction: never doubled, never half-written."""
    with ws.db.atomic():
        replace_figures(ws.db.conn, report.document_id, coder.labels, parts)
        _save_status(ws, report)


