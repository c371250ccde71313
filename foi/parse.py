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
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from foi.batches import batch_requests, get_batch
from foi.db import dumps, now_iso
from foi.errors import FoiError
from foi.workspace import Workspace

SIDECAR_SUFFIX = ".foi.toml"
# Files kept beside replies that are not replies: our sidecars and the saved messages themselves.
NOT_DOCUMENTS = (SIDECAR_SUFFIX, ".eml")

FIGURE_COLUMNS = ("batch", "body", "document_id", "period_start", "period_end", "period_label", "offence",
                  "offence_code", "outcome", "outcome_code", "value", "suppressed", "dims", "source_file",
                  "source_sha256", "sheet", "page", "table_index", "row_num", "col_num", "location", "raw")


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
    if mapping and schema is not None:
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
    from foi.tables import understand

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
    result = read_file(path)
    report.reader = result.reader
    report.warnings += result.warnings
    report.tables = len(result.tables)
    if result.status != "ok":
        # Keep the figures an earlier parse found: a read failure is not evidence they are wrong.
        report.status, report.error = result.status, result.error or "no text layer: needs OCR"
        _save_status(ws, report)
        return report
    sha256 = document["sha256"]
    rows: list[tuple[Any, ...]] = []
    needs_review = False
    coder = _Coder(schema)
    for grid in result.tables:
        table = understand(grid, schema, file_mapping or None)
        needs_review |= table.needs_review
        report.mapping.update(table.mapping)
        for key, count in table.skipped.items():
            report.skipped[key] = report.skipped.get(key, 0) + count
        report.warnings += table.warnings
        for row, reason in table.not_understood:
            report.not_understood.append({"location": grid.location(row, 0), "reason": reason})
        rows += coder.rows(document, grid, table.records, sha256)
    report.warnings += coder.duplicate_warnings()
    report.figures = len(rows)
    report.suppressed = sum(1 for r in rows if r[11] is not None)
    if needs_review:
        report.status = "needs-review"
    elif rows:
        report.status = "parsed"
    else:
        report.status = "no-figures"
        if not result.tables:
            report.warnings.append("no tables found (a letter?)")
    if mapping and _mentions_any(result.tables, mapping):
        # A mapping that applies to this file is kept beside it, so a later re-parse gives the same figures.
        write_sidecar(sidecar, file_mapping)
    _store(ws, report, rows)
    return report


def _mentions_any(grids: list[Any], mapping: dict[str, str], rows: int = 30) -> bool:
    """Does any header-ish cell (first rows of a table) carry one of the mapped header texts?"""
    wanted = {key.strip().lower() for key in mapping}
    for grid in grids:
        for row in grid.rows[:rows]:
            if any(isinstance(cell, str) and cell.strip().lower() in wanted for cell in row):
                return True
    return False


class _Coder:
    """Labels -> periods and Home Office codes, cached, since labels repeat thousands of times."""

    def __init__(self, schema: Any) -> None:
        self.kinds = {d.name: d.kind for d in schema.dimensions}
        self.dims_json: dict[tuple[tuple[str, str], ...], str] = {}
        self.seen: dict[tuple[Any, ...], str] = {}
        self.duplicates: list[str] = []

    def rows(self, document: dict[str, Any], grid: Any, records: list[Any], sha256: str) -> list[tuple[Any, ...]]:
        from foi.codes import offence_code, outcome_code
        from foi.periods import parse_period

        out = []
        sheet_period = parse_period(grid.sheet) if grid.sheet else None
        by_kind: dict[str, str] = {}
        for name, kind in self.kinds.items():
            by_kind.setdefault(kind, name)
        period_dim, offence_dim, outcome_dim = by_kind.get("period"), by_kind.get("offence"), by_kind.get("outcome")
        for record in records:
            dims = record.dims
            key = tuple(sorted(dims.items()))
            dims_json = self.dims_json.get(key)
            if dims_json is None:
                dims_json = self.dims_json[key] = dumps(dims)
            period_label = dims.get(period_dim) if period_dim else None
            period = parse_period(period_label) if period_label else sheet_period
            if period is not None and period_label is None:
                period_label = period.label
            offence = dims.get(offence_dim) if offence_dim else None
            outcome = dims.get(outcome_dim) if outcome_dim else None
            location = grid.location(record.row, record.col)
            seen_at = self.seen.setdefault(key, location)
            if seen_at != location:
                self.duplicates.append(f"the figure for {_describe(dims)} appears twice: {seen_at} and {location}")
            page = grid.pages[record.row] if grid.pages else grid.page
            row_num = grid.row_numbers[record.row] if grid.row_numbers else record.row + 1
            col_num = grid.col_numbers[record.col] if grid.col_numbers else record.col + 1
            out.append((
                document["batch"], document["body"], document["id"],
                period.start.isoformat() if period else None, period.end.isoformat() if period else None,
                period_label, offence, offence_code(offence) if offence else None,
                outcome, outcome_code(outcome) if outcome else None,
                record.value, record.suppressed, dims_json, document["path"], sha256,
                grid.sheet, page, grid.table_index, row_num, col_num, location, record.raw,
            ))
        return out

    def duplicate_warnings(self) -> list[str]:
        shown = self.duplicates[:20]
        more = len(self.duplicates) - len(shown)
        return shown + ([f"... and {more} more figures that appear twice"] if more > 0 else [])


def _describe(dims: dict[str, str]) -> str:
    return ", ".join(f"{k}={v}" for k, v in dims.items())


def _save_status(ws: Workspace, report: FileReport) -> None:
    with ws.db.atomic():
        ws.db.conn.execute(
            "UPDATE documents SET status = ?, reader = ?, parsed_at = ?, warnings = ? WHERE id = ?",
            (report.status, report.reader or None, now_iso(),
             dumps(report.warnings + ([report.error] if report.error else [])), report.document_id),
        )


def _store(ws: Workspace, report: FileReport, rows: list[tuple[Any, ...]]) -> None:
    """Replace this document's figures in one transaction: never doubled, never half-written."""
    marks = ", ".join("?" for _ in FIGURE_COLUMNS)
    with ws.db.atomic():
        ws.db.conn.execute("DELETE FROM figures WHERE document_id = ?", (report.document_id,))
        ws.db.conn.executemany(f"INSERT INTO figures ({', '.join(FIGURE_COLUMNS)}) VALUES ({marks})", rows)
        _save_status(ws, report)


# --- looking at figures ---------------------------------------------------------------------


def list_figures(ws: Workspace, batch: str, body: str | None = None) -> list[dict[str, Any]]:
    get_batch(ws.db, batch)
    sql = "SELECT * FROM figures WHERE batch = ?"
    params: list[Any] = [batch]
    if body:
        sql += " AND body = ?"
        params.append(body)
    rows = []
    for row in ws.db.query(sql + " ORDER BY body, document_id, id", params):
        row = dict(row)
        row["dims"] = json.loads(row["dims"])
        rows.append(row)
    return rows


def explain_figure(ws: Workspace, figure_id: int) -> dict[str, Any]:
    """Where one figure came from: file, hash (checked again now), sheet/page, cell, raw text."""
    rows = list(ws.db.query("SELECT * FROM figures WHERE id = ?", [figure_id]))
    if not rows:
        raise FoiError(f"No figure {figure_id}. `foi figures BATCH --json` lists figure ids.")
    figure = dict(rows[0])
    figure["dims"] = json.loads(figure["dims"])
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
