"""`foi export`: columns, types, formula neutralising, atomic writes, every format.

`seed` (also used by the report and summary tests) builds a batch the way the other modules would
leave it: events through foi.tracking, files and figures as foi parse stores them.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import sys
from datetime import date
from pathlib import Path

import pytest

from foi.errors import FoiError
from foi.export import FIGURE_COLUMNS, export, neutralise
from foi.marking import mark
from foi.tracking import record_event
from foi.workspace import Workspace
from tests.conftest import TODAY

SENT = date(2026, 9, 1)
REPLIED = date(2026, 9, 22)
YEARS = ["2019/20", "2020/21", "2021/22", "2022/23", "2023/24"]
OUTCOMES = [("Adult caution", "3"), ("Community resolution", "8")]
INJECT = "<script>document.title='PWNED';document.body.setAttribute('data-pwned','1')</script>"
FORMULA = '=HYPERLINK("http://x","y")'
# Three forces answer with the same template (names aside); a fourth writes its own refusal.
TEMPLATE = ("Dear requester, {force} can neither confirm nor deny that it holds the information you requested "
            "by virtue of section 30(3) and section 31(3) of the Freedom of Information Act 2000. Confirming "
            "or denying would undermine law enforcement and the investigative process. This letter is a "
            "refusal notice under section 17 of the Act. Yours sincerely, Information Compliance Unit")
OWN = ("We estimate that locating, retrieving and extracting the figures would exceed the appropriate limit of "
       "18 hours set by the Fees Regulations, so section 12 applies and we will not process the request further "
       "unless you narrow it, for example to one year.")
REFUSALS = {  # body -> (sections, ncnd, letter text)
    "derbyshire": (["30(3)", "31(3)"], True, TEMPLATE.format(force="Derbyshire Constabulary")),
    "dorset": (["30(3)", "31(3)"], True, TEMPLATE.format(force="Dorset Police")),
    "durham": (["30(3)", "31(3)"], True, TEMPLATE.format(force="Durham Constabulary")),
    "essex": (["12"], False, OWN),
}
RESPONDED = ["avon-and-somerset", "bedfordshire", "cambridgeshire", "cheshire", "cleveland", "cumbria"]


def request_id(ws: Workspace, body: str, batch: str = "cautions") -> int:
    return ws.db.conn.execute("SELECT id FROM requests WHERE batch = ? AND body = ?", (batch, body)).fetchone()[0]


def add_document(ws: Workspace, body: str, name: str, content: bytes, status: str = "parsed",
                 batch: str = "cautions") -> tuple[int, str, str]:
    """Store a file as foi.storage would; returns (document id, path, sha256)."""
    sha = hashlib.sha256(content).hexdigest()
    rel = f"responses/{batch}/{body}/{sha[:12]}-{name.replace('/', '_')}"  # as foi.storage.safe_name would
    path = ws.root / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(content)
    cur = ws.db.conn.execute(
        "INSERT INTO documents (request_id, batch, body, path, sha256, original_name, size, source, status, reader, "
        "warnings, added_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
        (request_id(ws, body, batch), batch, body, rel, sha, name, len(content), "mail", status, "xlsx",
         json.dumps(["hidden sheet 'Working'"] if body == "cheshire" else []), "2026-09-22T10:00:00+00:00"),
    )
    return cur.lastrowid, rel, sha  # the caller commits (one commit for many rows keeps the tests quick)


def add_figure(ws: Workspace, body: str, doc: tuple[int, str, str], *, year: str, outcome: tuple[str, str | None],
               value: float | None, suppressed: str | None = None, offence: str = "Rape of a female aged 16 and over",
               location: str = "Sheet1!B2", dims: dict[str, str] | None = None) -> None:
    first = int(year[:4])
    numbers = [label_number(ws, doc[0], "period", year, None, f"{first}-04-01", f"{first + 1}-03-31"),
               label_number(ws, doc[0], "offence", offence, "19C"),
               label_number(ws, doc[0], "outcome", outcome[0], outcome[1])]
    others = [label_number(ws, doc[0], name, text, None) for name, text in (dims or {}).items()
              if name not in ("period", "offence", "outcome")]
    ws.db.conn.execute(
        "INSERT INTO figure_cells (document_id, period_n, offence_n, outcome_n, labels, value, suppressed, sheet, "
        "row_num, col_num, location, raw) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
        (doc[0], *numbers, json.dumps(others) if others else None, value, suppressed, "Sheet1",
         2, 2, location, suppressed or str(value)),
    )


def label_number(ws: Workspace, document_id: int, dimension: str, label: str, code: str | None,
                 start: str | None = None, end: str | None = None) -> int:
    """The document's number for this label, adding it if new (as foi parse numbers them)."""
    conn = ws.db.conn
    found = conn.execute(
        "SELECT n FROM figure_labels WHERE document_id = ? AND dimension = ? AND label = ? AND code IS ? "
        "AND period_start IS ? AND period_end IS ?", (document_id, dimension, label, code, start, end)).fetchone()
    if found:
        return int(found[0])
    n = conn.execute("SELECT count(*) FROM figure_labels WHERE document_id = ?", (document_id,)).fetchone()[0]
    conn.execute("INSERT INTO figure_labels (document_id, n, header, dimension, label, code, period_start, "
                 "period_end) VALUES (?,?,?,?,?,?,?,?)",
                 (document_id, n, dimension, dimension, label, code, start, end))
    return int(n)


def seed(ws: Workspace) -> dict[str, int]:
    """A batch `cautions` (made by the batch_ws fixture) on TODAY: all 43 sent on SENT; six answered
    with a spreadsheet each; four refused (three with one shared wording); the rest overdue."""
    db = ws.db
    db.conn.execute("PRAGMA synchronous = OFF")  # a throw-away database: no need to wait for the disk
    mark(ws, "cautions", ["all"], "sent", on=SENT)
    n = 0
    for i, body in enumerate(RESPONDED):
        doc = add_document(ws, body, f"{body} outcomes.xlsx", f"figures of {body}".encode())
        for y, year in enumerate(YEARS):
            for o, outcome in enumerate(OUTCOMES):
                # cumbria gave only two years; cleveland suppressed small numbers.
                if body == "cumbria" and y > 1:
                    continue
                suppressed = "*" if body == "cleveland" and o == 1 else None
                value = None if suppressed else float(10 * (i + 1) + y + o)
                add_figure(ws, body, doc, year=year, outcome=outcome, value=value, suppressed=suppressed,
                           location=f"Sheet1!{'BC'[o]}{y + 2}")
                n += 1
    # Hostile text, as a spreadsheet could hold it: markup in a label, a formula in an offence name.
    doc = add_document(ws, "avon-and-somerset", f"{INJECT}.xlsx", b"hostile")
    add_figure(ws, "avon-and-somerset", doc, year="2023/24", outcome=(INJECT, None), value=-5.0,
               offence=FORMULA, location=INJECT)
    n += 1
    db.conn.commit()
    for i, body in enumerate(RESPONDED):
        record_event(db, request_id(ws, body), "responded", REPLIED, force_reference=f"FOI {2026}-{i:04d}",
                     source="mail")
    for body, (sections, ncnd, text) in REFUSALS.items():
        rid = request_id(ws, body)
        cur = db.conn.execute(
            "INSERT INTO messages (message_id, request_id, direction, from_addr, subject, date, kind, path, "
            "body_text, imported_at) VALUES (?,?,?,?,?,?,?,?,?,?)",
            (f"<{body}@example.police.uk>", rid, "in", f"foi@{body}.police.uk", "Your FOI request",
             "2026-09-20T09:00:00+00:00", "refused", f"responses/cautions/{body}/reply.eml", text,
             "2026-09-20T10:00:00+00:00"),
        )
        db.conn.commit()
        record_event(db, rid, "refused", date(2026, 9, 20), sections=sections, ncnd=ncnd, source="mail",
                     evidence=text[:120], message_row=cur.lastrowid,
                     force_reference=INJECT if body == "essex" else None)
    return {"figures": n}


@pytest.fixture
def seeded(batch_ws: Workspace) -> Workspace:
    seed(batch_ws)
    return batch_ws


# ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(("text", "expected"), [
    ("=1+1", "'=1+1"), ("+44 20 7946 0000", "'+44 20 7946 0000"), ("-", "'-"), ("@SUM(A1)", "'@SUM(A1)"),
    ("\tx", "'\tx"), ("\rx", "'\rx"), ("-5", "-5"), ("+3.25", "+3.25"), ("-1,234", "-1,234"), ("-inf", "'-inf"),
    ("plain", "plain"), ("", ""), ("a=b", "a=b"),
])
def test_neutralise(text: str, expected: str) -> None:
    assert neutralise(text) == expected


def test_csv_columns_types_and_inert_formula(seeded: Workspace, tmp_path: Path, cli) -> None:
    out = tmp_path / "figures.csv"
    result = cli("export", "cautions", "-o", str(out), "--today", "2026-11-21")
    assert result.exit_code == 0, result.output
    assert result.stdout == f"Wrote 55 row(s) of figures to {out} (csv).\n"
    raw = out.read_bytes()
    assert not raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8"))))
    # Today's columns first, then what schema 5 adds, then one per other dimension, then labels by header.
    assert list(rows[0]) == [*(c.name for c in FIGURE_COLUMNS), "labels"]
    assert [c.name for c in FIGURE_COLUMNS][:14] == [
        "batch", "body", "period_start", "period_end", "period_label", "offence", "offence_code", "outcome",
        "outcome_code", "value", "suppressed", "source_file", "source_sha256", "source_location"]
    hostile = [r for r in rows if r["source_location"] == INJECT]
    assert len(hostile) == 1
    assert hostile[0]["offence"] == "'" + FORMULA  # text: inert
    assert hostile[0]["value"] == "-5"  # a number stays a number
    first = rows[0]
    assert (first["body"], first["period_start"], first["value"], first["source_location"]) == (
        "avon-and-somerset", "2019-04-01", "10", "Sheet1!B2")
    assert [r["suppressed"] for r in rows if r["body"] == "cleveland"].count("*") == 5


def test_csv_excel_has_bom_and_crlf(seeded: Workspace, tmp_path: Path) -> None:
    out = tmp_path / "f.csv"
    export(seeded, "cautions", out=out, excel=True, today=TODAY)
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbfbatch,body,") and b"\r\n" in raw


def test_stdout_json_and_ndjson(seeded: Workspace, cli) -> None:
    result = cli("export", "cautions", "--format", "json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert len(data) == 55
    hostile = next(d for d in data if d["source_location"] == INJECT)
    assert hostile["offence"] == FORMULA and hostile["value"] == -5  # data formats keep text as received
    lines = cli("export", "cautions", "-f", "ndjson", "--what", "events").stdout.splitlines()
    events = [json.loads(line) for line in lines]
    assert len(events) == 43 + 6 + 4
    assert events[0]["kind"] == "sent" and events[0]["on_date"] == "2026-09-01"
    refused = [e for e in events if e["kind"] == "refused"]
    assert {e["body"] for e in refused} == set(REFUSALS) and refused[0]["sections"] == ["30(3)", "31(3)"]


def test_xlsx_to_stdout_when_piped(seeded: Workspace, cli, tmp_path: Path) -> None:
    from python_calamine import CalamineWorkbook

    result = cli("export", "cautions", "-f", "xlsx", "-o", "-")
    assert result.exit_code == 0, result.output
    assert result.stdout_bytes[:2] == b"PK"  # a zip: the workbook itself, nothing else on stdout
    (tmp_path / "piped.xlsx").write_bytes(result.stdout_bytes)
    assert CalamineWorkbook.from_path(str(tmp_path / "piped.xlsx")).sheet_names == ["figures", "status", "sources"]


def test_status_export_comes_from_the_board(seeded: Workspace, cli) -> None:
    result = cli("export", "cautions", "--what", "status", "-f", "json", "--today", "2026-11-21")
    rows = {r["body"]: r for r in json.loads(result.stdout)}
    assert len(rows) == 43
    assert rows["essex"]["status"] == "refused" and rows["essex"]["sections"] == ["12"]
    assert rows["derbyshire"]["ncnd"] is True
    late = rows["kent"]
    assert late["status"] == "overdue" and late["sent_on"] == "2026-09-01" and late["working_days_overdue"] > 30
    assert rows["cheshire"]["status"] == "responded" and rows["cheshire"]["force_reference"] == "FOI 2026-0003"


def test_xlsx_typed_sheets_and_round_trip(seeded: Workspace, tmp_path: Path, cli) -> None:
    from openpyxl import load_workbook
    from openpyxl.utils import get_column_letter
    from python_calamine import CalamineWorkbook

    out = tmp_path / "cautions.xlsx"
    plain = cli("export", "cautions", "-o", str(out), "--today", "2026-11-21")
    assert plain.stdout == f"Wrote 55 row(s) of figures to {out} (xlsx; sheets figures, status, sources).\n"
    result = cli("export", "cautions", "-o", str(out), "--today", "2026-11-21", "--json")
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout) == {"batch": "cautions", "what": "figures", "format": "xlsx", "rows": 55,
                                         "out": str(out), "sheets": ["figures", "status", "sources"]}
    book = CalamineWorkbook.from_path(str(out))
    assert book.sheet_names == ["figures", "status", "sources"]
    grid = book.get_sheet_by_name("figures").to_python()
    header, rows = grid[0], grid[1:]
    assert header == [*(c.name for c in FIGURE_COLUMNS), "labels"]
    expected = json.loads(export_json(seeded))
    assert len(rows) == len(expected) == 55
    for got, want in zip(rows, expected, strict=True):
        got = dict(zip(header, got, strict=True))
        assert got["period_start"] == date.fromisoformat(want["period_start"])  # a real date
        assert got["value"] == ("" if want["value"] is None else want["value"])  # a real number
        for key in ("body", "offence", "outcome_code", "suppressed", "source_file", "source_sha256",
                    "source_location"):
            assert got[key] == neutralise(want[key] or "")
    hostile = next(dict(zip(header, r, strict=True)) for r in rows if r[13] == INJECT)
    assert hostile["offence"] == "'" + FORMULA and hostile["value"] == -5.0
    wb = load_workbook(out)
    sheet = wb["figures"]
    assert sheet.freeze_panes == "A2" and sheet.auto_filter.ref == f"A1:{get_column_letter(len(header))}56"
    cell = next(c for c in sheet["F"] if c.value and "HYPERLINK" in str(c.value))
    assert cell.data_type == "s"  # a string, never a formula
    assert all(c.data_type != "f" for row in sheet.iter_rows() for c in row)
    status = book.get_sheet_by_name("status").to_python()
    assert len(status) == 44 and status[0][:4] == ["batch", "body", "body_name", "status"]
    sources = book.get_sheet_by_name("sources").to_python()
    assert sources[0] == ["body", "path", "original_name", "sha256", "reader", "status", "warnings"]
    assert len(sources) == 1 + 7
    cheshire = next(r for r in sources if r[0] == "cheshire")
    assert cheshire[6] == "hidden sheet 'Working'"


def export_json(ws: Workspace) -> str:
    buffer = io.BytesIO()
    export(ws, "cautions", fmt="json", out="-", today=TODAY, stdout=buffer)
    return buffer.getvalue().decode()


def test_parquet(seeded: Workspace, tmp_path: Path) -> None:
    pq = pytest.importorskip("pyarrow.parquet")
    out = tmp_path / "f.parquet"
    result = export(seeded, "cautions", out=out, today=TODAY)
    assert result.format == "parquet" and result.rows == 55
    table = pq.read_table(out)
    assert table.column_names == [*(c.name for c in FIGURE_COLUMNS), "labels"]
    assert str(table.schema.field("value").type) == "double"
    assert str(table.schema.field("period_start").type) == "date32[day]"
    assert table.column("value").to_pylist()[0] == 10.0


def test_parquet_without_pyarrow_says_how_to_install(seeded: Workspace, tmp_path: Path, cli,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "pyarrow", None)
    monkeypatch.setitem(sys.modules, "pyarrow.parquet", None)
    out = tmp_path / "f.parquet"
    result = cli("export", "cautions", "-o", str(out))
    assert result.exit_code == 1
    assert result.stderr == ("Error: Parquet export needs pyarrow: pip install 'foi[parquet]' "
                             "(or use --format csv/xlsx).\n")
    assert not out.exists()


def test_failed_write_leaves_nothing(seeded: Workspace, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import foi.export as export_mod

    (tmp_path / "out").mkdir()
    out = tmp_path / "out" / "f.xlsx"
    out.write_bytes(b"previous export")

    def broken(tables, fh) -> None:
        fh.write(b"half a workbook")
        raise OSError("disk full")

    monkeypatch.setattr(export_mod, "write_xlsx", broken)
    with pytest.raises(OSError, match="disk full"):
        export(seeded, "cautions", out=out, today=TODAY)
    assert out.read_bytes() == b"previous export"
    assert sorted(p.name for p in out.parent.iterdir()) == ["f.xlsx"]  # no temporary file left behind


@pytest.mark.parametrize(("args", "message"), [
    (["nope"], "Error: Unknown batch 'nope'. Batches: cautions.\n"),
    (["cautions", "--what", "people"], "Error: Unknown --what 'people': use one of figures, status, events.\n"),
    (["cautions", "--format", "xls"], "Error: Unknown format 'xls': use one of csv, json, ndjson, xlsx, parquet.\n"),
    (["cautions", "-f", "json", "--excel"], "Error: --excel only applies to CSV (xlsx is already an Excel file).\n"),
    (["cautions", "-o", "/nonexistent-dir/x.csv"],
     "Error: Folder /nonexistent-dir does not exist: create it first or choose another -o path.\n"),
    (["cautions", "--today", "21/11/2026"], "Error: Bad date '21/11/2026' for --today: use YYYY-MM-DD, e.g. "
                                            "2026-12-18.\n"),
])
def test_export_errors(batch_ws: Workspace, cli, args: list[str], message: str) -> None:
    result = cli("export", *args)
    assert result.exit_code == 1
    assert result.stderr == message


def test_library_rejects_unknown_batch(ws: Workspace) -> None:
    with pytest.raises(FoiError, match="There are no batches yet"):
        export(ws, "cautions", today=TODAY, stdout=io.BytesIO())
