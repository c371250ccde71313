"""Turn a batch's returned files into figures: read, understand, code, store with provenance.

Each document is parsed on its own and its figures replace the previous ones in one
transaction, so re-parsing never duplicates a number, and a file that fails to read keeps
whatever figures it had. No file ever stops the others from being parsed.
"""

from __future__ import annotations

import hashlib
import json
import tomllib
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from foi.batches import batch_requests, get_batch
from foi.db import dumps, now_iso
from foi.errors import FoiError
from foi.figurerows import Coder, FigureRows, locator, replace_figures
from foi.workspace import Workspace

SIDECAR_SUFFIX = ".foi.toml"
# Files kept beside replies that are not replies: our sidecars and the saved messages themselves.
NOT_DOCUMENTS = (SIDECAR_SUFFIX, ".eml")

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


# --- filing documents ---------------------------------------------------------------------


def attach(ws: Workspace, batch: str, slug: str, files: list[Path]) -> list[dict[str, Any]]:
    """Store files obtained by hand (a portal download, say) exactly as mail attachments are."""
    from foi.storage import is_zip, store_file, unpack_zip

    request = _request(ws, batch, slug)
    missing = [str(f) for f in files if not Path(f).is_file()]
    if missing:
        raise FoiError(f"No such file: {', '.join(missing)}. Nothing attached.")
    results = []
    for file in files:
        data = Path(file).read_bytes()
        if is_zip(data, Path(file).name):
            members, refusals = unpack_zip(data)
            for name, content in members:
                stored = store_file(ws, request, content, name, source="zip")
                results.append({"file": str(file), "member": name, **_stored(stored)})
            results += [{"file": str(file), "refused": reason} for reason in refusals]
        else:
            stored = store_file(ws, request, data, Path(file).name, source="attach")
            results.append({"file": str(file), **_stored(stored)})
    return results


def _stored(stored: Any) -> dict[str, Any]:
    return {"document_id": stored.document_id, "path": stored.path.as_posix(), "sha256": stored.sha256,
            "duplicate": stored.duplicate}


def _request(ws: Workspace, batch: str, slug: str) -> dict[str, Any]:
    return batch_requests(ws.db, batch, [slug])[0]


def scan_responses(ws: Workspace, batch: str, body: str | None = None) -> list[int]:
    """Register files a user dropped into responses/BATCH/SLUG/ by hand; returns new document ids."""
    from foi.storage import request_dir, store_file

    added = []
    for request in batch_requests(ws.db, batch, [body] if body else None):
        folder = request_dir(ws, request)
        if not folder.is_dir():
            continue
        known = {r["path"] for r in ws.db.query("SELECT path FROM documents WHERE request_id = ?", [request["id"]])}
        for path in sorted(folder.iterdir()):
            relative = path.relative_to(ws.root).as_posix()
            if not path.is_file() or path.name.startswith(".") or path.name.endswith(NOT_DOCUMENTS):
                continue
            if relative in known:
                continue
            stored = store_file(ws, request, path.read_bytes(), path.name, source="folder")
            if not stored.duplicate:
                added.append(stored.document_id)
    return added


# --- mappings a user gives -------------------------------------------------------------------


def parse_map_options(pairs: list[str] | None) -> dict[str, str]:
    """`--map 'Crime Type=offence'` (repeat) -> {"crime type": "offence"}."""
    mapping: dict[str, str] = {}
    for pair in pairs or []:
        header, sep, target = pair.rpartition("=")
        if not sep or not header.strip() or not target.strip():
            raise FoiError(f"Bad --map {pair!r}: write 'HEADER=DIMENSION', e.g. --map 'Crime Type=offence'.")
        mapping[header.strip()] = target.strip()
    return mapping


def sidecar_path(ws: Workspace, document: dict[str, Any]) -> Path:
    return ws.root / (document["path"] + SIDECAR_SUFFIX)


def read_sidecar(path: Path) -> dict[str, str]:
    """`FILE.foi.toml`: a `[map]` table of header = dimension, kept beside the file it fixes."""
    if not path.is_file():
        return {}
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise FoiError(f"{path} is not valid TOML ({exc}). Fix it or delete it.") from exc
    mapping = data.get("map", {})
    if not isinstance(mapping, dict) or not all(isinstance(v, str) for v in mapping.values()):
        raise FoiError(f"{path}: [map] must hold header = \"dimension\" pairs, e.g. \"Crime Type\" = \"offence\".")
    return {str(k): v for k, v in mapping.items()}


def write_sidecar(path: Path, mapping: dict[str, str]) -> None:
    lines = ["# Column mapping for the file beside this one, used by `foi parse`.", "[map]"]
    lines += [f"{json.dumps(header)} = {json.dumps(target)}" for header, target in sorted(mapping.items())]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


# --- parsing --------------------------------------------------------------------------------


def parse_batch(ws: Workspace, batch: str, *, body: str | None = None, file: str | None = None,
                mapping: dict[str, str] | None = None,
                progress: Callable[[str], None] | None = None) -> list[FileReport]:
    """Parse the batch's documents (or one body's, or one file) and store their figures."""
    from foi.schema import load_schema

    batch_row = get_batch(ws.db, batch)
    schema = load_schema(batch_row["schema"])
    if body:
        _request(ws, batch, body)
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
    from foi.readers import read_file
    from foi.tables import gc_paused

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
    file_mapping = {**read_sidecar(sidecar), **(mapping or {})}
    with ThreadPoolExecutor(max_workers=1) as pool:
        # calamine and pdfplumber's worker spend most of a read outside the GIL, so what the
        # first table will need is loaded meanwhile; after that first file, this is a no-op.
        ready = pool.submit(_load_understanding)
        result = read_file(path)
        ready.result()
    with gc_paused():
        return _parse_read(ws, document, schema, mapping, file_mapping, report, result)


def _load_understanding() -> None:
    """The modules and indexes that understanding and coding a table use (about 0.2 s cold)."""
    import rapidfuzz.fuzz
    import rapidfuzz.process  # noqa: F401

    from foi import codes, tablerows, tables  # noqa: F401

    codes.load_indexes()


def _parse_read(ws: Workspace, document: dict[str, Any], schema: Any, mapping: dict[str, str] | None,
                file_mapping: dict[str, str], report: FileReport, result: Any) -> FileReport:
    """parse_document, once the file is read: understand its tables, code and store the figures."""
    from foi.tables import understand

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


# --- looking at figures ---------------------------------------------------------------------


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
