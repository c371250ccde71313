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
from typing import TYPE_CHECKING, Any

from foi.batches import get_batch
from foi.db import dumps, now_iso
from foi.errors import FoiError
from foi.figures.filing import SIDECAR_SUFFIX, request_of, scan_responses
from foi.figures.review import check_targets, read_sidecar, write_sidecar
from foi.workspace import Workspace

if TYPE_CHECKING:
    from foi.figures.rows import Label, TableFigures
    from foi.figures.storing import FigureRows


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
    totals: int = 0   # of the figures, how many are totals, subtotals or aggregates (never summed)
    skipped: dict[str, int] = field(default_factory=dict)
    not_understood: list[dict[str, str]] = field(default_factory=list)  # {"location", "reason"}
    warnings: list[str] = field(default_factory=list)
    error: str | None = None
    mapping: dict[str, str] = field(default_factory=dict)   # header -> dimension it was read as
    mapping_applied: dict[str, str] = field(default_factory=dict)  # your mappings that applied (as typed)

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
    extra = [d.name for d in schema.dimensions]
    mapping = check_targets(mapping, extra) if mapping else None  # before anything is written
    scan_responses(ws, batch, body)
    documents = _documents(ws, batch, body, file)
    reports = []
    for document in documents:
        if progress:
            progress(document["path"])
        reports.append(parse_document(ws, document, schema, mapping))
    return reports


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
        saved = read_sidecar(sidecar, [d.name for d in schema.dimensions])
    except FoiError as exc:
        # A bad sidecar is this file's problem: named, and the other files still parse.
        report.status, report.error = "error", f"{exc} (in {sidecar.relative_to(ws.root).as_posix()})"
        _save_status(ws, report)
        return report
    from foi.readers import gc_paused

    # One pause of the cyclic collector over the read and the parse: let back in between, it would
    # scan every row list the reader made (200,000 of them) to find nothing to free. The rows go by
    # reference count before it runs again.
    with gc_paused():
        result = read_document(path)  # the later stages' modules load meanwhile, in a second thread
        report = _parse_read(ws, document, schema, saved, mapping or {}, report, result)
        del result
    return report


def _parse_read(ws: Workspace, document: dict[str, Any], schema: Any, saved: dict[str, str],
                given: dict[str, str], report: FileReport, result: Any) -> FileReport:
    """parse_document, once the file is read: find its tables, read their figures, store them."""
    from foi.figures.layout import find_tables
    from foi.figures.review import Mapper
    from foi.figures.rows import Reading, observe, repeated_across_tables
    from foi.figures.storing import table_rows

    report.reader = result.reader
    report.warnings += result.warnings
    report.tables = len(result.tables)
    if result.status != "ok":
        # Keep the figures an earlier parse found: a read failure is not evidence they are wrong.
        report.status, report.error = result.status, result.error or "no text layer: needs OCR"
        _save_status(ws, report)
        return report
    mapper = Mapper({**saved, **given})
    reading = Reading(mapper, schema)
    tables: list[TableFigures] = []
    doubts: list[str] = []
    for grid in result.tables:
        for layout in find_tables(grid):
            table = observe(grid, layout, reading)
            tables.append(table)
            doubts += table.doubts
            report.mapping.update(table.mapping)
            for key, count in table.skipped.items():
                report.skipped[key] = report.skipped.get(key, 0) + count
            report.warnings += table.warnings
            for row, reason in table.not_understood:
                report.not_understood.append({"location": grid.location(row, 0), "reason": reason})
    report.warnings += doubts + repeated_across_tables(tables)
    parts = [table_rows(document["id"], table) for table in tables if table.columns]
    report.figures = sum(len(part.rows) for part in parts)
    report.suppressed = sum(part.suppressed() for part in parts)
    report.totals = sum(part.count("total", 1) for part in parts)
    if doubts or report.not_understood:
        # Figures are stored all the same; what made foi unsure is the user's to look at.
        report.status = "needs-review"
    elif report.figures:
        report.status = "parsed"
    else:
        report.status = "no-figures"
        report.warnings.append("no tables found (a letter?)" if not result.tables else "no figures in its tables")
    applied = {**{k: v for k, v in saved.items() if k in mapper.used}, **mapper.applied()}
    if given and any(header in mapper.used for header in given):
        # What applied to this file is kept beside it (headers as typed), so a re-parse gives the same figures.
        write_sidecar(sidecar_path(ws, document), {**saved, **{k: v for k, v in given.items() if k in mapper.used}})
    report.mapping_applied = applied
    _store(ws, report, reading.book.labels, parts)
    return report


def sidecar_path(ws: Workspace, document: dict[str, Any]) -> Path:
    return ws.root / (document["path"] + SIDECAR_SUFFIX)


def _save_status(ws: Workspace, report: FileReport) -> None:
    with ws.db.atomic():
        ws.db.conn.execute(
            "UPDATE documents SET status = ?, reader = ?, parsed_at = ?, warnings = ? WHERE id = ?",
            (report.status, report.reader or None, now_iso(),
             dumps(report.warnings + ([report.error] if report.error else [])), report.document_id),
        )


def _store(ws: Workspace, report: FileReport, labels: list[Label], parts: list[FigureRows]) -> None:
    """Replace this document's figures in one transaction: never doubled, never half-written."""
    from foi.figures.storing import references_checked_once, replace_figures

    with references_checked_once(ws.db.conn), ws.db.atomic():
        replace_figures(ws.db.conn, report.document_id, labels, parts)
        _save_status(ws, report)


