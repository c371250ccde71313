"""Exports of a batch: figures, the status board, the event log and the stored files.

Formats: CSV (optionally with a BOM so Excel reads UTF-8), JSON, NDJSON, xlsx and Parquet.
Spreadsheets run text that starts with `=`, `+`, `-`, `@`, tab or carriage return as a formula,
so CSV and xlsx get such text prefixed with `'` (OWASP's advice against CSV injection); text that
is a plain number ("-5") is left alone because a spreadsheet reads it as that number and nothing
else. JSON, NDJSON and Parquet are data formats and carry text exactly as received.

Every file is written to a temporary name next to the target and renamed into place, so a failed
export never leaves a half-written file behind.
"""

from __future__ import annotations

import contextlib
import csv
import io
import json
import os
import re
import sys
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from foi.batches import get_batch
from foi.errors import FoiError
from foi.workspace import Workspace

if TYPE_CHECKING:
    import sqlite_utils

WHATS = ("figures", "status", "events")
FORMATS = ("csv", "json", "ndjson", "xlsx", "parquet")
_SUFFIX_FORMAT = {".csv": "csv", ".json": "json", ".ndjson": "ndjson", ".jsonl": "ndjson", ".xlsx": "xlsx",
                  ".parquet": "parquet"}
_BINARY = ("xlsx", "parquet")

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_NUMBER = re.compile(r"[+-]?(?:\d+(?:,\d{3})*(?:\.\d+)?|\.\d+)(?:[eE][+-]?\d+)?%?")
_XLSX_MAX_TEXT = 32767  # Excel refuses longer cells


@dataclass(frozen=True)
class Column:
    name: str
    kind: str  # text | number | int | date | bool | list


@dataclass
class Table:
    name: str
    columns: list[Column]
    rows: list[dict[str, Any]]


def _cols(spec: str) -> list[Column]:
    # "name:kind name ..." keeps the column lists below readable; kind defaults to text.
    out = []
    for item in spec.split():
        name, _, kind = item.partition(":")
        out.append(Column(name, kind or "text"))
    return out


FIGURE_COLUMNS = _cols(
    "batch body period_start:date period_end:date period_label offence offence_code outcome outcome_code "
    "value:number suppressed source_file source_sha256 source_location unit total:bool note sender sheet:text "
    "row_num:int col_num:int id:int"
)
# Known dimensions first in the wide columns, then the others by name.
_DIMENSION_ORDER = ("sex", "age_group", "ethnicity", "area", "measure", "unit")
STATUS_COLUMNS = _cols(
    "batch body body_name status sent_on:date due_on:date working_days_left:int working_days_overdue:int "
    "reference force_reference sections:list ncnd:bool last_event_on:date"
)
EVENT_COLUMNS = _cols(
    "batch body reference on_date:date kind note sections:list ncnd:bool question:int until:date "
    "received:date force_reference source evidence message_row:int recorded_at"
)
SOURCE_COLUMNS = _cols("body path original_name sha256 reader status warnings:list")


def neutralise(text: str) -> str:
    """Text a spreadsheet would run as a formula, made inert with a leading `'`."""
    if text.startswith(_FORMULA_START) and not _NUMBER.fullmatch(text):
        return "'" + text
    return text


def _number(value: Any) -> int | float | None:
    if value is None:
        return None
    # Counts are stored as REAL; 12.0 reads better (and types better in Excel) as 12.
    if isinstance(value, float) and value.is_integer() and abs(value) < 2**53:
        return int(value)
    return value


def _date(value: Any) -> date | None:
    if value in (None, ""):
        return None
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


def _list(value: Any) -> list[str]:
    if value in (None, ""):
        return []
    if isinstance(value, str):
        try:
            value = json.loads(value)
        except ValueError:
            return [value]
    return [str(v) for v in value]


def _typed(row: dict[str, Any], columns: list[Column]) -> dict[str, Any]:
    """A row with each column as its Python type (date, int, list ...); missing columns are None."""
    out: dict[str, Any] = {}
    for col in columns:
        value = row.get(col.name)
        if col.kind == "number":
            out[col.name] = _number(value)
        elif col.kind == "int":
            out[col.name] = None if value is None else int(value)
        elif col.kind == "date":
            out[col.name] = _date(value)
        elif col.kind == "bool":
            out[col.name] = None if value is None else bool(value)
        elif col.kind == "list":
            out[col.name] = _list(value)
        else:
            out[col.name] = None if value is None else str(value)
    return out


# ---------------------------------------------------------------------------------------------
# What can be exported


def figure_rows(db: sqlite_utils.Database, batch: str) -> list[dict[str, Any]]:
    """The batch's figures: today's columns, then `dims` {dimension: label} and `labels` {header: label}."""
    get_batch(db, batch)
    rows = db.query(
        "SELECT batch, body, period_start, period_end, period_label, offence, offence_code, outcome, "
        "outcome_code, value, suppressed, source_file, source_sha256, location AS source_location, unit, total, "
        "note, sender, sheet, row_num, col_num, id, dims, labels FROM figures WHERE batch = ? ORDER BY body, id",
        [batch],
    )
    out = []
    for r in rows:
        row = _typed(r, FIGURE_COLUMNS)
        row["dims"] = json.loads(r["dims"] or "{}")
        row["labels"] = json.loads(r["labels"] or "{}")
        out.append(row)
    return out


def figure_table(db: sqlite_utils.Database, batch: str, wide: bool) -> Table:
    """Figures as a table: `wide` (CSV, xlsx, Parquet) gives a column per dimension that has no column
    of its own, and the labels by header as JSON text; otherwise `dims` and `labels` are objects."""
    rows = figure_rows(db, batch)
    if not wide:
        return Table("figures", [*FIGURE_COLUMNS, Column("dims", "object"), Column("labels", "object")], rows)
    taken = {c.name for c in FIGURE_COLUMNS} | {"labels"}
    names = list(dict.fromkeys(k for row in rows for k in row["dims"] if k not in ("period", "offence", "outcome",
                                                                                     "body")))
    names.sort(key=lambda k: (_DIMENSION_ORDER.index(k) if k in _DIMENSION_ORDER else len(_DIMENSION_ORDER), k))
    heads = {name: f"dim:{name}" if name in taken else name for name in names}
    for row in rows:
        dims = row.pop("dims")
        for name, head in heads.items():
            row[head] = dims.get(name)
        row["labels"] = json.dumps(row["labels"], ensure_ascii=False) if row["labels"] else None
    columns = [*FIGURE_COLUMNS, *(Column(head, "text") for head in heads.values()), Column("labels", "text")]
    return Table("figures", columns, rows)


def status_rows(ws: Workspace, batch: str, today: date) -> list[dict[str, Any]]:
    """The status board's rows (status, deadlines and lateness are the board's to compute)."""
    from foi.board import board

    return [_typed(r, STATUS_COLUMNS) for r in board(ws, batch, today=today)]


def event_rows(db: sqlite_utils.Database, batch: str) -> list[dict[str, Any]]:
    get_batch(db, batch)
    rows = db.query(
        "SELECT r.batch, r.body, r.reference, e.on_date, e.kind, e.note, e.sections, e.ncnd, e.question, "
        "e.until, e.received, e.force_reference, e.source, e.evidence, e.message_row, e.recorded_at "
        "FROM events e JOIN requests r ON r.id = e.request_id WHERE r.batch = ? ORDER BY r.seq, e.id",
        [batch],
    )
    return [_typed(r, EVENT_COLUMNS) for r in rows]


def source_rows(db: sqlite_utils.Database, batch: str) -> list[dict[str, Any]]:
    get_batch(db, batch)
    rows = db.query(
        "SELECT body, path, original_name, sha256, reader, status, warnings FROM documents "
        "WHERE batch = ? ORDER BY body, id",
        [batch],
    )
    return [_typed(r, SOURCE_COLUMNS) for r in rows]


def collect(ws: Workspace, batch: str, what: str, today: date, wide: bool = False) -> Table:
    if what == "figures":
        return figure_table(ws.db, batch, wide)
    if what == "status":
        return Table("status", STATUS_COLUMNS, status_rows(ws, batch, today))
    if what == "events":
        return Table("events", EVENT_COLUMNS, event_rows(ws.db, batch))
    raise FoiError(f"Unknown --what {what!r}: use one of {', '.join(WHATS)}.")


# ---------------------------------------------------------------------------------------------
# Writers: each takes a binary file object


def _cell_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, list):
        return neutralise("; ".join(value))
    if isinstance(value, (int, float)):
        return repr(value) if isinstance(value, float) else str(value)
    return neutralise(str(value))


def write_csv(table: Table, fh: IO[bytes], excel: bool = False) -> None:
    text = io.TextIOWrapper(fh, encoding="utf-8-sig" if excel else "utf-8", newline="", write_through=True)
    try:
        writer = csv.writer(text, lineterminator="\r\n" if excel else "\n")
        writer.writerow([c.name for c in table.columns])
        for row in table.rows:
            writer.writerow([_cell_text(row[c.name]) for c in table.columns])
        text.flush()
    finally:
        text.detach()  # leave fh open for the caller


def _json_value(value: Any) -> Any:
    return value.isoformat() if isinstance(value, date) else value


def write_json(table: Table, fh: IO[bytes]) -> None:
    data = [{c.name: _json_value(row[c.name]) for c in table.columns} for row in table.rows]
    fh.write(json.dumps(data, ensure_ascii=False, indent=2).encode("utf-8") + b"\n")


def write_ndjson(table: Table, fh: IO[bytes]) -> None:
    for row in table.rows:
        line = json.dumps({c.name: _json_value(row[c.name]) for c in table.columns}, ensure_ascii=False)
        fh.write(line.encode("utf-8") + b"\n")


def _column_letter(n: int) -> str:
    from openpyxl.utils import get_column_letter

    return get_column_letter(n)


_WIDTHS = {"date": 12, "number": 10, "int": 8, "bool": 7}


def _xlsx_sheet(wb: Any, table: Table) -> None:
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
    from openpyxl.styles import Font, PatternFill

    sheet = wb.create_sheet(table.name)
    # Write-only sheets take layout before the first row is appended.
    sheet.freeze_panes = "A2"
    for i, col in enumerate(table.columns, start=1):
        sheet.column_dimensions[_column_letter(i)].width = _WIDTHS.get(col.kind, max(14, len(col.name) + 2))
    bold, fill = Font(bold=True), PatternFill("solid", fgColor="DDE3EA")
    header = []
    for col in table.columns:
        cell = WriteOnlyCell(sheet, value=col.name)
        cell.font, cell.fill = bold, fill
        header.append(cell)
    sheet.append(header)

    def cell(value: Any) -> Any:
        if isinstance(value, list):
            value = "; ".join(value)
        if isinstance(value, str):
            # Control characters are not allowed in the XML inside xlsx; PDFs and mails carry some.
            value = neutralise(ILLEGAL_CHARACTERS_RE.sub("", value))
            if len(value) > _XLSX_MAX_TEXT:
                value = value[: _XLSX_MAX_TEXT - 12] + " [truncated]"
        return value

    for row in table.rows:
        sheet.append([cell(row[c.name]) for c in table.columns])
    last = _column_letter(len(table.columns))
    sheet.auto_filter.ref = f"A1:{last}{len(table.rows) + 1}"


def write_xlsx(tables: list[Table], fh: IO[bytes]) -> None:
    from openpyxl import Workbook

    wb = Workbook(write_only=True)
    for table in tables:
        _xlsx_sheet(wb, table)
    wb.save(fh)


_ARROW_TYPES = {"text": "string", "number": "float64", "int": "int64", "date": "date32", "bool": "bool_"}


def write_parquet(table: Table, fh: IO[bytes]) -> None:
    pa, pq = import_pyarrow()
    fields = []
    for col in table.columns:
        kind = pa.list_(pa.string()) if col.kind == "list" else getattr(pa, _ARROW_TYPES[col.kind])()
        fields.append(pa.field(col.name, kind))
    schema = pa.schema(fields)
    data = {c.name: [row[c.name] for row in table.rows] for c in table.columns}
    # Whole-number counts became ints for the text formats; Parquet wants one type per column.
    for col in table.columns:
        if col.kind == "number":
            data[col.name] = [None if v is None else float(v) for v in data[col.name]]
    pq.write_table(pa.table(data, schema=schema), fh)


def import_pyarrow() -> tuple[Any, Any]:
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError as exc:
        raise FoiError("Parquet export needs pyarrow: pip install 'foi[parquet]' (or use --format csv/xlsx).") \
            from exc
    return pa, pq


# ---------------------------------------------------------------------------------------------
# Putting it together


def atomic_write(path: Path, write: Callable[[IO[bytes]], None]) -> None:
    """Write `path` through a temporary file in the same folder, renamed into place only on success."""
    folder = path.parent
    if not folder.is_dir():
        raise FoiError(f"Folder {folder} does not exist: create it first or choose another -o path.")
    fd, tmp = tempfile.mkstemp(dir=folder, prefix=f".{path.name}.", suffix=".part")
    try:
        with os.fdopen(fd, "wb") as fh:
            write(fh)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise


def choose_format(fmt: str | None, out: str) -> str:
    if fmt is None:
        fmt = _SUFFIX_FORMAT.get(Path(out).suffix.lower(), "csv") if out != "-" else "csv"
    fmt = fmt.lower()
    if fmt not in FORMATS:
        raise FoiError(f"Unknown format {fmt!r}: use one of {', '.join(FORMATS)}.")
    return fmt


@dataclass
class ExportResult:
    what: str
    format: str
    rows: int
    out: str  # a path, or "-" for stdout
    sheets: list[str]


def export(ws: Workspace, batch: str, *, what: str = "figures", fmt: str | None = None, out: str | Path = "-",
           excel: bool = False, today: date, stdout: IO[bytes] | None = None) -> ExportResult:
    """Export `what` of a batch; `out` "-" writes to standard output (or the given `stdout`)."""
    out = str(out)
    fmt = choose_format(fmt, out)
    if what not in WHATS:
        raise FoiError(f"Unknown --what {what!r}: use one of {', '.join(WHATS)}.")
    if fmt == "parquet":
        import_pyarrow()  # fail before doing any work
    if excel and fmt != "csv":
        raise FoiError("--excel only applies to CSV (xlsx is already an Excel file).")
    table = collect(ws, batch, what, today, wide=fmt in ("csv", "xlsx", "parquet"))
    tables = [table]
    if fmt == "xlsx":
        # A workbook is read by people: give them the board and the list of files alongside.
        if what != "status":
            tables.append(Table("status", STATUS_COLUMNS, status_rows(ws, batch, today)))
        tables.append(Table("sources", SOURCE_COLUMNS, source_rows(ws.db, batch)))

    def write(fh: IO[bytes]) -> None:
        if fmt == "csv":
            write_csv(table, fh, excel=excel)
        elif fmt == "json":
            write_json(table, fh)
        elif fmt == "ndjson":
            write_ndjson(table, fh)
        elif fmt == "xlsx":
            write_xlsx(tables, fh)
        else:
            write_parquet(table, fh)

    if out == "-":
        target = stdout if stdout is not None else sys.stdout.buffer
        if fmt in _BINARY and stdout is None and sys.stdout.isatty():
            raise FoiError(f"{fmt} is a binary format: write it to a file with -o FILE.{fmt}")
        buffer = io.BytesIO()  # build it all first so an error prints nothing half-way
        write(buffer)
        target.write(buffer.getvalue())
        target.flush()
    else:
        atomic_write(Path(out).expanduser(), write)
    return ExportResult(what=what, format=fmt, rows=len(table.rows), out=out, sheets=[t.name for t in tables])
