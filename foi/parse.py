"""Turn a batch's returned files into figures: read, understand, code, store with provenance.

Each document is parsed on its own and its figures replace the previous ones in one
transaction, so re-parsing never duplicates a number, and a file that fails to read keeps
whatever figures it had. No file ever stops the others from being parsed.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
import tomllib
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import asdict, dataclass, field
from itertools import chain, islice, repeat
from operator import itemgetter
from pathlib import Path
from typing import Any, NamedTuple

from foi.batches import batch_requests, get_batch
from foi.db import FIGURE_CELL_COLUMNS, FIGURE_LABEL_COLUMNS, dumps, now_iso, nulls_bound_directly
from foi.errors import FoiError
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
    figures: list[_Figures] = []
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
        coder.note_duplicates(table, _locator(grid))
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
    _store(ws, report, coder.labels, figures)
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


# Rows per INSERT statement when storing figures (bench/bench_parse.py: 100 took a quarter off
# storing 200,000 figures; 1,000 was slower again).
ROWS_PER_INSERT = 100


class _Same(NamedTuple):
    """One value for every row of a block column."""

    value: Any


def _literal(value: Any) -> str | None:
    """`value` as an SQL literal, or None where it is better bound (a float, a NUL in text)."""
    if value is None:
        return "NULL"
    if type(value) is int:
        return str(value)
    if type(value) is str and "\x00" not in value:
        return "'" + value.replace("'", "''") + "'"
    return None


def _same_in_all(per_column: list[dict[str, Any]], name: str) -> bool:
    """Whether database column `name` has one value, writable as a literal, in every block column."""
    first = per_column[0][name]
    return (isinstance(first, _Same) and _literal(first.value) is not None
            and all(isinstance(v := out[name], _Same) and type(v.value) is type(first.value)
                    and v.value == first.value for out in per_column))


@dataclass
class _Figures:
    """figure_cells rows to insert: each row holds the `varying` columns; every row has the
    values in `fixed`, and, with `location_prefix`, the location "<prefix><row_num>"."""

    varying: tuple[str, ...]
    rows: list[tuple[Any, ...]]
    fixed: dict[str, Any] = field(default_factory=dict)
    location_prefix: str | None = None

    def suppressed(self) -> int:
        if "suppressed" in self.fixed:
            return len(self.rows) if self.fixed["suppressed"] is not None else 0
        markers = list(map(itemgetter(self.varying.index("suppressed")), self.rows))
        return len(markers) - markers.count(None)

    def insert(self, conn: sqlite3.Connection) -> None:
        """INSERT the rows, in order, ROWS_PER_INSERT to a statement."""
        per = max(1, min(ROWS_PER_INSERT, conn.getlimit(sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER) // len(self.varying)))
        whole = len(self.rows) - len(self.rows) % per
        if whole:
            rows = iter(self.rows[:whole])
            chunks = (tuple(chain.from_iterable(islice(rows, per))) for _ in range(whole // per))
            conn.executemany(self._sql(per), chunks)
        if whole < len(self.rows):
            conn.executemany(self._sql(1), self.rows[whole:])

    def _sql(self, rows: int) -> str:
        # Binding a value costs about what SQLite takes to store it, so a value common to all rows
        # is written into the statement once (only ints and quoted text: see _literal); and a
        # statement step costs about a row's binding, so one statement carries many rows.
        names = [*self.fixed, *self.varying]
        fixed = [str(_literal(v)) for v in self.fixed.values()]
        at = self.varying.index("row_num") if self.location_prefix is not None else -1
        if at >= 0:
            names.append("location")
        width = len(self.varying)
        values = []
        for k in range(rows):
            row = [*fixed, *(f"?{k * width + i}" for i in range(1, width + 1))]
            if at >= 0:
                row.append(f"{_literal(self.location_prefix)} || ?{k * width + at + 1}")
            values.append(f"({', '.join(row)})")
        return f"INSERT INTO figure_cells ({', '.join(names)}) VALUES {', '.join(values)}"


class _Coder:
    """Labels -> periods and Home Office codes, and figures -> database rows.

    Runs once per figure (200,000 for a big spreadsheet), so every label-level answer is cached:
    a reply has thousands of figures but only dozens of distinct labels.
    """

    def __init__(self, schema: Any) -> None:
        by_kind: dict[str, str] = {}
        for dimension in schema.dimensions:
            by_kind.setdefault(dimension.kind, dimension.name)
        self.period_dim = by_kind.get("period")
        self.offence_dim = by_kind.get("offence")
        self.outcome_dim = by_kind.get("outcome")
        # Dimensions with columns of their own are not repeated in `dims`.
        self.own_columns = {self.period_dim, self.offence_dim, self.outcome_dim} - {None}
        self.quoted: dict[str, str] = {}
        self.key_order: dict[tuple[str, ...], tuple[str, ...]] = {}
        from foi.codes import offence_code, outcome_code
        from foi.tablerows import Memo

        # This document's labels (figure_labels rows, numbered by position) and, per label text,
        # its number: a figure stores three small numbers instead of seven texts.
        self.labels: list[tuple[str, str | None, str | None, str | None, str | None]] = []
        self.numbers: dict[tuple[str, str | None, str | None, str | None, str | None], int] = {}
        self.period_ns: dict[str, int | None] = Memo(lambda label: self.number("period", label, None, *_span(label)))
        self.offence_ns: dict[str, int | None] = Memo(
            lambda label: self.number("offence", label, offence_code(label) if label else None))
        self.outcome_ns: dict[str, int | None] = Memo(
            lambda label: self.number("outcome", label, outcome_code(label) if label else None))
        self.first_seen: dict[tuple[tuple[str, str], ...], str] = {}
        self.tables: list[tuple[list[Any], Callable[[int, int], str]]] = []
        self.duplicates: list[str] = []

    def number(self, dimension: str, label: str | None, code: str | None, start: str | None = None,
               end: str | None = None) -> int | None:
        """The number of this label among the document's labels (None for no label at all)."""
        key = (dimension, label, code, start, end)
        if label is None and code is None and start is None and end is None:
            return None
        n = self.numbers.get(key)
        if n is None:
            n = self.numbers[key] = len(self.labels)
            self.labels.append(key)
        return n

    def _json(self, dims: dict[str, str]) -> str:
        """json.dumps of the dimensions without a column of their own, keys sorted, built from
        cached pieces."""
        keys = tuple(dims)
        order = self.key_order.get(keys)
        if order is None:
            order = self.key_order[keys] = tuple(sorted(k for k in keys if k not in self.own_columns))
        if not order:
            return "{}"
        quoted = self.quoted
        parts = []
        for key in order:
            for text in (key, dims[key]):
                if text not in quoted:
                    quoted[text] = json.dumps(text, ensure_ascii=False)
            parts.append(f"{quoted[key]}: {quoted[dims[key]]}")
        return "{" + ", ".join(parts) + "}"

    def rows(self, document: dict[str, Any], grid: Any, records: list[Any]) -> _Figures:
        locate = _locator(grid)
        period_ns, offence_ns, outcome_ns = self.period_ns, self.offence_ns, self.outcome_ns
        row_numbers, col_numbers, pages = grid.row_numbers, grid.col_numbers, grid.pages
        doc_id = document["id"]
        sheet_period: list[int | None] = []  # numbered when a figure first needs it
        out = []
        for record in records:
            dims = record.dims
            period_label = dims.get(self.period_dim) if self.period_dim else None
            if period_label:
                period_n = period_ns[period_label]
            else:
                if not sheet_period:
                    start, end, label = self._sheet_period(grid)
                    sheet_period.append(self.number("period", label, None, start, end))
                period_n = sheet_period[0]
            offence = dims.get(self.offence_dim) if self.offence_dim else None
            outcome = dims.get(self.outcome_dim) if self.outcome_dim else None
            r, c = record.row, record.col
            out.append((
                doc_id, period_n, None if offence is None else offence_ns[offence],
                None if outcome is None else outcome_ns[outcome],
                record.value, record.suppressed, self._json(dims),
                grid.sheet, pages[r] if pages else grid.page, grid.table_index,
                row_numbers[r] if row_numbers else r + 1, col_numbers[c] if col_numbers else c + 1,
                locate(r, c), record.raw,
            ))
        return _Figures(FIGURE_CELL_COLUMNS, out)

    def block_rows(self, document: dict[str, Any], grid: Any, block: Any) -> _Figures:
        """The database rows of a Block, built a column at a time: the same rows `rows` would
        build from the block's Records, in the same order, without a Python step per figure.
        What is the same in every row (the sheet, the table, often the column) is left out of
        the rows and written into the INSERT once; a cell reference is built by SQLite."""
        from foi.readers import col_letter

        n = block.stop - block.start
        by_key = dict(zip(block.keys, block.labels, strict=True))
        # Memo lookups: a dict's own __getitem__, so Python runs only for a label not seen before.
        numbers = {self.period_dim: self.period_ns.__getitem__, self.offence_dim: self.offence_ns.__getitem__,
                   self.outcome_dim: self.outcome_ns.__getitem__}
        row_numbers, col_numbers, pages = grid.row_numbers, grid.col_numbers, grid.pages
        nums = row_numbers[block.start:block.stop] if row_numbers else list(range(block.start + 1, block.stop + 1))
        prefix = _cell_prefix(grid)
        # Per block column: each database column's values, a list or _Same(value) for all rows.
        per_column: list[dict[str, Any]] = []
        for column in block.columns:
            dims = {**dict.fromkeys(block.keys, ""), **column.dims}

            def label_numbers(dim: str | None, column: Any = column, dims: dict[str, str] = dims) -> Any:
                """Each row's label number in a dimension with a column of its own."""
                if dim is None or dim not in dims:
                    return _Same(None)
                if dim in column.dims:
                    return _Same(numbers[dim](column.dims[dim]))
                return list(map(numbers[dim], by_key[dim]))

            out: dict[str, Any] = {"document_id": _Same(document["id"])}
            if self.period_dim in dims:
                out["period_n"] = label_numbers(self.period_dim)
            else:
                start, end, label = self._sheet_period(grid)
                out["period_n"] = _Same(self.number("period", label, None, start, end))
            out["offence_n"] = label_numbers(self.offence_dim)
            out["outcome_n"] = label_numbers(self.outcome_dim)
            others = [k for k in sorted(dims) if k not in self.own_columns]
            if not others:
                out["dims"] = _Same("{}")
            elif all(k in column.dims for k in others):
                out["dims"] = _Same(self._json(dims | column.dims))
            else:
                out["dims"] = [self._json(dict(zip(others, values, strict=True))) for values in zip(
                    *[by_key[k] if k in by_key else repeat(column.dims[k], n) for k in others], strict=True)]
            col_num = col_numbers[column.col] if col_numbers else column.col + 1
            if prefix is not None:
                out["location"] = _Same(f"{prefix}{col_letter(col_num)}")  # + the row number
            else:
                out["location"] = [grid.location(r, column.col) for r in range(block.start, block.stop)]
            out.update(value=column.values, suppressed=column.suppressed, sheet=_Same(grid.sheet),
                       page=pages[block.start:block.stop] if pages else _Same(grid.page),
                       table_index=_Same(grid.table_index), row_num=nums, col_num=_Same(col_num), raw=column.raws)
            per_column.append(out)

        fixed = {name: per_column[0][name].value for name in FIGURE_CELL_COLUMNS
                 if name != "location" and _same_in_all(per_column, name)}
        location_prefix = None
        if prefix is not None:
            if _same_in_all(per_column, "location") and "row_num" not in fixed:
                location_prefix = per_column[0]["location"].value
            else:  # several columns of cell references: each row's is built here
                for out in per_column:
                    out["location"] = list(map(out["location"].value.__add__, map(str, nums)))
        varying = tuple(name for name in FIGURE_CELL_COLUMNS
                        if name not in fixed and not (name == "location" and location_prefix is not None))
        built = []
        for out, column in zip(per_column, block.columns, strict=True):
            rows: Any = zip(*[repeat(v.value, n) if isinstance(v := out[name], _Same) else v for name in varying],
                            strict=True)
            if column.present is None:
                built.append(list(rows))
            else:
                built.append([t if keep else None for t, keep in zip(rows, column.present, strict=True)])
        if len(built) == 1:
            rows_out = built[0] if block.columns[0].present is None else [t for t in built[0] if t]
        else:  # row by row, columns left to right, as the Records come
            rows_out = [t for t in chain.from_iterable(zip(*built, strict=True)) if t]
        return _Figures(varying, rows_out, fixed, location_prefix)

    def _sheet_period(self, grid: Any) -> tuple[str | None, str | None, str | None]:
        from foi.periods import parse_period

        found = parse_period(grid.sheet) if grid.sheet else None
        return (found.start.isoformat(), found.end.isoformat(), found.label) if found else (None, None, None)

    def note_duplicates(self, table: Any, locate: Callable[[int, int], str]) -> None:
        """The same figure in two tables of one file (a summary sheet and a detail sheet, say)
        must not be counted twice silently; within one table, tables.understand checks.
        The index is built only once a second table has figures: most files have one."""
        if not table.records and not table.blocks:
            return
        self.tables.append((table, locate))
        if len(self.tables) < 2:
            return
        first_seen = self.first_seen
        if not first_seen:
            for earlier, earlier_locate in self.tables[:-1]:
                for record in earlier.figures():
                    first_seen.setdefault(tuple(record.dims.items()), earlier_locate(record.row, record.col))
        for record in table.figures():
            key = tuple(record.dims.items())
            where = first_seen.get(key)
            if where is not None and len(self.duplicates) <= 20:
                self.duplicates.append(f"the figure for {_describe(record.dims)} appears twice: {where} "
                                       f"and {locate(record.row, record.col)}")
            first_seen.setdefault(key, locate(record.row, record.col))

    def duplicate_warnings(self) -> list[str]:
        shown = self.duplicates[:20]
        return shown + (["... and more figures that appear twice"] if len(self.duplicates) > 20 else [])


def _span(label: str) -> tuple[str | None, str | None]:
    """A period label's first and last day, ISO, or (None, None) when it isn't a period."""
    from foi.periods import parse_period

    found = parse_period(label)
    return (found.start.isoformat(), found.end.isoformat()) if found else (None, None)


def _cell_prefix(grid: Any) -> str | None:
    """What comes before "B7" in a cell's location: "Data!" for a sheet, "" for a CSV; None where
    locations are not cell references (PDF, Word, HTML)."""
    if grid.sheet is not None:
        return grid.location(0, 0).rsplit("!", 1)[0] + "!"
    return "" if grid.name == "csv" and grid.pages is None else None


def _locator(grid: Any) -> Callable[[int, int], str]:
    """grid.location, with a fast path for cell references ("Data!B7"), the common big case."""
    from foi.readers import col_letter

    prefix = _cell_prefix(grid)
    if prefix is None:
        return grid.location
    row_numbers, col_numbers = grid.row_numbers, grid.col_numbers
    letters: dict[int, str] = {}

    def locate(r: int, c: int) -> str:
        letter = letters.get(c)
        if letter is None:
            letter = letters[c] = col_letter(col_numbers[c] if col_numbers else c + 1)
        return f"{prefix}{letter}{row_numbers[r] if row_numbers else r + 1}"

    return locate


def _describe(dims: dict[str, str]) -> str:
    return ", ".join(f"{k}={v}" for k, v in dims.items())


def _save_status(ws: Workspace, report: FileReport) -> None:
    with ws.db.atomic():
        ws.db.conn.execute(
            "UPDATE documents SET status = ?, reader = ?, parsed_at = ?, warnings = ? WHERE id = ?",
            (report.status, report.reader or None, now_iso(),
             dumps(report.warnings + ([report.error] if report.error else [])), report.document_id),
        )


def _store(ws: Workspace, report: FileReport, labels: list[tuple[Any, ...]], figures: list[_Figures]) -> None:
    """Replace this document's figures in one transaction: never doubled, never half-written."""
    conn, doc_id = ws.db.conn, report.document_id
    with ws.db.atomic(), nulls_bound_directly():
        conn.execute("DELETE FROM figure_cells WHERE document_id = ?", (doc_id,))
        conn.execute("DELETE FROM figure_labels WHERE document_id = ?", (doc_id,))
        conn.executemany(f"INSERT INTO figure_labels ({', '.join(FIGURE_LABEL_COLUMNS)}) "
                         f"VALUES ({', '.join('?' for _ in FIGURE_LABEL_COLUMNS)})",
                         [(doc_id, n, *label) for n, label in enumerate(labels)])
        for part in figures:
            part.insert(conn)
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
