"""Issue 13: faults, concurrency and hostile files. Nothing lost, nothing doubled, no traceback.

The fast representative subset of bench/bench_faults.py: each crafted file is read in a fresh
process whose peak memory is measured; commands are killed, run two at a time, and run on a
full or read-only disk. Regression tests are named after the case they pin.
"""

from __future__ import annotations

import json
import mailbox
import os
import subprocess
import sys
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from conftest import TODAY
from crafted import (
    ROOT,
    csv_with_nuls,
    docx_bomb,
    html_deep,
    html_spans,
    mail_bad_charset,
    mail_broken_mime,
    mail_crlf_display_name,
    mail_deep_multipart,
    mail_huge_headers,
    mail_with_attachment,
    ods_padded_to_the_edge,
    ods_repeat_bomb,
    pdf_pages,
    read_in_child,
    run_child,
    xlsx_col_bomb,
    xlsx_far_cells,
    xlsx_far_cells_padded,
    xlsx_far_cells_unnumbered,
    xlsx_many_cells,
    xlsx_shared_string_bomb,
    xlsx_whitespace_bomb,
    zip_bomb,
)

from foi.marking import mark
from foi.workspace import Workspace

PEAK_MB = 500
CSV = b"Year,Offence,Outcome,Count\n2019/20,19C,Adult caution,12\n2020/21,19C,Adult caution,7\n"


def sent_ws(ws: Workspace) -> Workspace:
    from foi.batches import create_batch

    create_batch(ws, "cautions", template="request-outcomes", vars={"first_year": "2019/20",
                                                                       "last_year": "2023/24"}, today=TODAY)
    mark(ws, "cautions", ["all"], "sent", on=date(2026, 10, 1))
    return ws


def foi(ws: Workspace, *args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """The real command in its own process, as a user would run it."""
    return subprocess.run([sys.executable, "-m", "foi", "-w", str(ws.root), *args], capture_output=True, text=True,
                          env=dict(os.environ, PYTHONPATH=str(ROOT), **(env or {})), timeout=600)


def no_traceback(result: subprocess.CompletedProcess[str]) -> None:
    assert "Traceback" not in result.stderr, result.stderr[-3000:]


# --- crafted files: limits hold by construction ------------------------------------------------


@pytest.mark.parametrize(("name", "make", "status", "says"), [
    ("xlsx-2^31-hidden-columns", lambda p: xlsx_col_bomb(p / "cols.xlsx", 40), "ok", "hidden columns A, B on 'Data'"),
    ("xlsx-300MB-whitespace", lambda p: xlsx_whitespace_bomb(p / "ws.xlsx", 300), "error", "too large to read safely"),
    ("xlsx-120MB-whitespace-inside-a-tag", lambda p: xlsx_whitespace_bomb(p / "ws.xlsx", 120), "ok",
     "hidden rows 3 on 'Data'"),
    ("xlsx-cells-at-A1-and-XFD200000", lambda p: xlsx_far_cells(p / "far.xlsx"), "error",
     "200,000 rows by 16,384 columns"),
    # Past the size once checked: 17 MB of spaces between A1 and XFD1048576 aborted the process.
    ("xlsx-A1-and-XFD1048576-padded-apart", lambda p: xlsx_far_cells_padded(p / "padded.xlsx", 17), "error",
     "1,048,576 rows by 16,384 columns (17,179,869,184 cells; at most 3,000,000 cells and rows together): too large "
     "to read safely; delete the empty rows and columns around its table and re-save it, or save the sheet as CSV"),
    ("xlsx-cells-without-references-far-apart", lambda p: xlsx_far_cells_unnumbered(p / "unnumbered.xlsx"), "error",
     "1,048,576 rows by 16,384 columns"),
    ("xlsx-3.2-million-cells", lambda p: xlsx_many_cells(p / "many.xlsx", 200_000, 16), "error",
     "rows by 16 columns"),
    ("xlsx-one-shared-string-in-400-cells", lambda p: xlsx_shared_string_bomb(p / "sst.xlsx", 1024, 400), "error",
     "419,439,200 bytes of shared text into its cells (limit 67,108,864): too large to read safely; save the "
     "sheet as CSV"),
    # 1.6 million rows of one cell: each row is a Python list too (2,900,000 such rows peaked at 557 MB).
    ("xlsx-1.6-million-rows-of-one-cell", lambda p: xlsx_many_cells(p / "tall.xlsx", 1_600_000, 1), "error",
     "1,600,000 rows by 1 column (1,600,000 cells; at most 3,000,000 cells and rows together)"),
    ("ods-a-value-repeated-100-million-times", lambda p: ods_repeat_bomb(p / "bomb.ods"), "error",
     "sheet 'Data' repeats its cells over more than 3,000,000 cells and rows: too large to read safely; delete the "
     "empty rows and columns around its table and re-save it, or save the sheet as CSV"),
    ("ods-empty-cells-repeated-to-the-edge", lambda p: ods_padded_to_the_edge(p / "edge.ods"), "ok", ""),
    ("docx-300MB", lambda p: docx_bomb(p / "bomb.docx", 300), "error", "too large to read safely"),
    ("docx-45MB-in-one-text-node", lambda p: docx_bomb(p / "bomb45.docx", 45), "error",
     "too large to read safely: a run of text longer than 10,000,000 characters; ask the force for the figures as "
     "xlsx or CSV"),
    ("pdf-2000-pages", lambda p: pdf_pages(p / "long.pdf", 2000), "error", "2,000 pages (limit 1,000)"),
    ("html-nested-20000-deep", lambda p: html_deep(p / "deep.html", 20_000), "ok", "nested more than 32 deep"),
    ("html-million-cell-spans", lambda p: html_spans(p / "spans.html", 2000), "ok", "were not expanded"),
    ("csv-with-nul-bytes", lambda p: csv_with_nuls(p / "nul.csv"), "ok", "2 NUL byte(s) removed"),
])
def test_regression_crafted_file_is_bounded(tmp_path: Path, name: str, make, status: str, says: str) -> None:
    path = make(tmp_path)
    result, peak = read_in_child(path)
    assert result["status"] == status, result
    assert says in (result["error"] or "") + " ".join(result["warnings"]), result  # type: ignore[operator]
    assert peak < PEAK_MB, f"{name}: peak {peak:.0f} MB"


def test_a_shared_string_used_a_few_times_is_read(tmp_path: Path) -> None:
    """The shared-text limit counts what the cells copy: a long note used in a few cells is fine."""
    from foi.readers import read_file

    result = read_file(xlsx_shared_string_bomb(tmp_path / "note.xlsx", 8, 50))
    assert result.status == "ok", result.error
    assert result.tables[0].rows[0][:2] == ["x" * 8192] * 2


def test_a_refused_workbook_is_one_line_and_parse_records_no_figure(cli, ws: Workspace, tmp_path: Path) -> None:
    """`foi tables` says what to do in one line, exit 1; `foi parse` keeps the reason on the document and
    records nothing from it, and the next document is parsed."""
    padded = xlsx_far_cells_padded(tmp_path / "padded.xlsx", 17)
    result = cli("tables", str(padded))
    assert (result.exit_code, result.stdout) == (1, "")
    assert result.stderr == (
        f"Error: {padded}: sheet 'Data' spreads its cells over 1,048,576 rows by 16,384 columns (17,179,869,184 "
        "cells; at most 3,000,000 cells and rows together): too large to read safely; delete the empty rows and "
        "columns around its table and re-save it, or save the sheet as CSV, or ask the force for a smaller file\n")
    sent_ws(ws)
    box = tmp_path / "in"
    box.mkdir()
    (box / "1.eml").write_bytes(mail_with_attachment("outcomes.xlsx", padded.read_bytes(), "<x1@kent.example>",
                                                     reference="FOI-CAUTIONS-0020"))
    (box / "2.eml").write_bytes(mail_with_attachment("outcomes.csv", CSV, "<x2@kent.example>",
                                                     reference="FOI-CAUTIONS-0013"))
    assert foi(ws, "inbox", "import", str(box)).returncode == 0
    parsed = foi(ws, "parse", "cautions", "--json")
    no_traceback(parsed)
    by_file = {Path(r["path"]).name: r for r in json.loads(parsed.stdout)} if parsed.stdout.strip() else {}
    assert "too large to read safely" in (by_file["outcomes.xlsx"]["error"] or ""), parsed.stdout
    db = ws.db
    rows = db.execute("SELECT d.path, COUNT(f.rowid) FROM documents d LEFT JOIN figures f ON f.document_id = d.id "
                      "GROUP BY d.id").fetchall()
    counts = {Path(path).name: n for path, n in rows}
    assert counts["outcomes.xlsx"] == 0 and counts["outcomes.csv"] > 0


def test_regression_csv_with_nul_bytes_is_read_not_refused(tmp_path: Path) -> None:
    from foi.readers import read_file

    result = read_file(csv_with_nuls(tmp_path / "nul.csv"))
    assert result.reader == "csv" and result.status == "ok"
    assert result.tables[0].rows == [["Outcome", "2019/20"], ["Charged", "12"], ["Cautioned", "7"]]


def test_regression_zip_bomb_attachment_is_refused_within_memory(tmp_path: Path) -> None:
    bomb = zip_bomb(tmp_path / "bomb.zip", 400, members=4)
    code, out, err, peak = run_child(
        "import sys, json\nfrom foi.storage import unpack_zip\n"
        f"members, refusals = unpack_zip(open({str(bomb)!r}, 'rb').read())\n"
        "print(json.dumps([len(members), refusals]))")
    assert code == 0, err
    members, refusals = json.loads(out)
    assert members == 0 and len(refusals) == 4 and all("zip bomb" in r for r in refusals)
    assert peak < PEAK_MB


def test_regression_mail_with_a_2000_page_pdf_imports_within_memory(ws: Workspace, tmp_path: Path) -> None:
    sent_ws(ws)
    pdf = pdf_pages(tmp_path / "long.pdf", 2000).read_bytes()
    box = tmp_path / "in"
    box.mkdir()
    (box / "reply.eml").write_bytes(mail_with_attachment("Outcomes.pdf", pdf, "<pdf2000@kent.example>"))
    code, out, err, peak = run_child(
        "from foi.cli import main; import sys\n"
        f"sys.argv = ['foi', '-w', {str(ws.root)!r}, 'inbox', 'import', {str(box)!r}, '--json']\nmain()")
    assert code == 0, err
    assert json.loads(out)["counts"]["imported"] == 1
    assert peak < PEAK_MB
    parsed = foi(ws, "parse", "cautions", "--json")
    no_traceback(parsed)
    report = json.loads(parsed.stdout)
    assert [r["error"] for r in report] == ["too large to read: 2,000 pages (limit 1,000); ask the force for the "
                                            "figures as xlsx or CSV"]


# --- one bad message never stops a mailbox -----------------------------------------------------


def good_reply(n: int) -> bytes:
    return mail_with_attachment("outcomes.csv", CSV, f"<good-{n}@kent.example>", reference=f"FOI-CAUTIONS-{n:04d}")


def test_regression_crlf_display_name_and_other_broken_mail_do_not_stop_the_import(ws: Workspace,
                                                                                    tmp_path: Path) -> None:
    sent_ws(ws)
    box = mailbox.mbox(str(tmp_path / "replies.mbox"))
    for data in (mail_crlf_display_name(), mail_broken_mime(), mail_bad_charset(), mail_huge_headers(fields=20_000),
                 mail_deep_multipart(depth=2000), good_reply(7)):
        box.add(data)
    box.flush()
    result = foi(ws, "inbox", "import", str(tmp_path / "replies.mbox"), "--json")
    no_traceback(result)
    data = json.loads(result.stdout)
    assert len(data["messages"]) == 6
    last = data["messages"][-1]
    assert (last["reference"], last["outcome"]) == ("FOI-CAUTIONS-0007", "imported")
    crlf = data["messages"][0]
    assert crlf["outcome"] == "imported" and crlf["reference"] == "FOI-CAUTIONS-0020"
    stored = ws.db.execute("SELECT COUNT(*) FROM messages WHERE direction = 'in'").fetchone()[0]
    assert stored == 6  # every message kept, read or not
    again = json.loads(foi(ws, "inbox", "import", str(tmp_path / "replies.mbox"), "--json").stdout)
    assert again["counts"]["duplicate"] == 6


def test_a_message_that_cannot_be_read_is_kept_with_the_reason_and_the_rest_go_on(ws: Workspace, tmp_path: Path,
                                                                                 monkeypatch) -> None:
    from foi.mail import inbox

    sent_ws(ws)
    real = inbox.parse_mail

    def fragile(data: bytes):
        if b"<good-3@" in data:
            raise LookupError("unknown encoding: x-mac-klingon")
        return real(data)

    monkeypatch.setattr(inbox, "parse_mail", fragile)
    mails = {n: good_reply(n) for n in (2, 3, 4)}
    result = inbox.import_raw(ws, [inbox.RawMessage(data, f"box#{n}") for n, data in mails.items()], today=TODAY)
    assert [i.outcome for i in result.items] == ["imported", "unreadable", "imported"]
    assert result.items[1].note == "unreadable: LookupError: unknown encoding: x-mac-klingon"
    assert result.counts()["errors"] == 1
    row = ws.db.execute("SELECT kind, error, path FROM messages WHERE message_id = '<good-3@kent.example>'").fetchone()
    assert row[0] == "unreadable" and row[1] == "LookupError: unknown encoding: x-mac-klingon"
    assert (ws.root / row[2]).read_bytes() == mails[3]
    # Importing it again changes nothing and is not an error.
    again = inbox.import_raw(ws, [inbox.RawMessage(mails[3], "box#3")], today=TODAY)
    assert again.items[0].outcome == "duplicate" and again.counts()["errors"] == 0


# --- nothing adopted half-written ---------------------------------------------------------------

DIE_MID_WRITE = """
import os, sys
import foi.storage as storage
real_fdopen, real_open = os.fdopen, open

class Half:
    # Writes half of what it is given, then the process dies as with kill -9.
    def __init__(self, fh): self.fh = fh
    def __enter__(self): return self
    def __exit__(self, *a): self.fh.close()
    def write(self, data):
        if len(data) > 100_000:
            self.fh.write(data[: len(data) // 2]); self.fh.flush(); os._exit(9)
        return self.fh.write(data)
    def __getattr__(self, name): return getattr(self.fh, name)

storage.os.fdopen = lambda *a, **k: Half(real_fdopen(*a, **k))
storage.open = lambda *a, **k: Half(real_open(*a, **k))  # what an unsafe writer would call
from foi.cli import main
sys.argv = ["foi", "-w", {root!r}, "inbox", "import", {box!r}]
main()
"""


def big_csv() -> bytes:
    # Every row has its own labels (a ward per row within each year) and counts that are not a running
    # number: 10,000 figures, not a record-level list.
    rows = [f"{2000 + y}/{(y + 1) % 100:02d},Ward {n},19C,Adult caution,{(n * 37 + y) % 997}"
            for y in range(20) for n in range(500)]
    return ("Year,Ward,Offence,Outcome,Count\n" + "\n".join(rows) + "\n").encode()


def test_regression_a_killed_import_leaves_no_half_file_to_adopt(ws: Workspace, tmp_path: Path) -> None:
    """Issue 13.2: the truncated copy was adopted by the next parse and added its figures."""
    sent_ws(ws)
    box = tmp_path / "in"
    box.mkdir()
    data = big_csv()
    (box / "reply.eml").write_bytes(mail_with_attachment("outcomes.csv", data, "<big@kent.example>"))
    code, _, err, _ = run_child(DIE_MID_WRITE.format(root=str(ws.root), box=str(box)))
    assert code == 9, err
    folder = ws.responses_dir / "cautions" / "kent"
    assert not (folder / "outcomes.csv").exists()  # the name appears only with the whole file
    leftovers = [p.name for p in folder.iterdir() if p.name.endswith(".foi-part")]
    assert len(leftovers) == 1 and leftovers[0].startswith(".")
    # A parse now (which registers files dropped into the folder) does not adopt the part file.
    early = foi(ws, "parse", "cautions", "--json")
    no_traceback(early)
    assert json.loads(early.stdout) == []
    # Run again, then parse: one document, complete, and the part file gone.
    assert foi(ws, "inbox", "import", str(box)).returncode == 0
    parsed = foi(ws, "parse", "cautions", "--json")
    no_traceback(parsed)
    reports = json.loads(parsed.stdout)
    assert len(reports) == 1 and reports[0]["figures"] == 10_000
    assert (folder / "outcomes.csv").read_bytes() == data
    assert not [p for p in folder.iterdir() if p.name.endswith(".foi-part")]


def test_part_files_of_a_live_process_are_left_alone(tmp_path: Path) -> None:
    from foi.storage import PART_SUFFIX, clean_parts

    live = tmp_path / f".a.csv.{os.getpid()}.abcd{PART_SUFFIX}"
    dead = tmp_path / f".b.csv.999999999.abcd{PART_SUFFIX}"
    live.write_bytes(b"x")
    dead.write_bytes(b"y")
    assert clean_parts(tmp_path) == [dead]
    assert live.exists() and not dead.exists()


# --- concurrent commands wait ---------------------------------------------------------------------


def mailbox_of(tmp_path: Path, count: int) -> Path:
    path = tmp_path / "replies.mbox"
    box = mailbox.mbox(str(path))
    for n in range(1, count + 1):
        box.add(good_reply(n))
    box.flush()
    return path


def test_regression_two_imports_at_once_store_each_message_once(ws: Workspace, tmp_path: Path) -> None:
    sent_ws(ws)
    path = mailbox_of(tmp_path, 43)
    env = {"FOI_BUSY_TIMEOUT": "300"}
    cmd = [sys.executable, "-m", "foi", "-w", str(ws.root), "inbox", "import", str(path), "--json"]
    procs = [subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                              env=dict(os.environ, PYTHONPATH=str(ROOT), **env)) for _ in range(2)]
    outputs = [p.communicate(timeout=600) for p in procs]
    for proc, (_out, err) in zip(procs, outputs, strict=True):
        assert proc.returncode == 0, err
        assert "locked" not in err and "UNIQUE" not in err
    counts = [json.loads(out)["counts"] for out, _ in outputs]
    # Each saw every message; one that the other had stored but not yet read may be finished by
    # either, so both may say "imported" for it. What is stored is exact:
    assert counts[0]["imported"] + counts[0]["duplicate"] == 43 == counts[1]["imported"] + counts[1]["duplicate"]
    assert counts[0]["imported"] + counts[1]["imported"] >= 43
    db = ws.db
    assert db.execute("SELECT COUNT(*), COUNT(DISTINCT message_id) FROM messages").fetchone() == (43, 43)
    assert db.execute("SELECT COUNT(*) FROM documents").fetchone()[0] == 43
    assert db.execute("SELECT COUNT(*) FROM events WHERE message_row IS NOT NULL").fetchone()[0] == 43


def test_regression_import_during_parse_waits_instead_of_failing(ws: Workspace, tmp_path: Path) -> None:
    sent_ws(ws)
    first = tmp_path / "first"
    first.mkdir()
    for n in range(1, 21):
        (first / f"{n}.eml").write_bytes(mail_with_attachment("outcomes.csv", big_csv(), f"<p{n}@kent.example>",
                                                              reference=f"FOI-CAUTIONS-{n:04d}"))
    assert foi(ws, "inbox", "import", str(first)).returncode == 0
    later = mailbox_of(tmp_path, 43)
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    parse = subprocess.Popen([sys.executable, "-m", "foi", "-w", str(ws.root), "parse", "cautions", "--json"],
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
    imported = foi(ws, "inbox", "import", str(later), "--json")
    out, err = parse.communicate(timeout=600)
    assert parse.returncode == 0 and "Traceback" not in err, err
    no_traceback(imported)
    assert imported.returncode == 0, imported.stderr
    assert json.loads(imported.stdout)["counts"]["imported"] == 43


def test_write_transactions_take_the_lock_up_front(ws: Workspace) -> None:
    """A second writer waits for the first instead of failing with "database is locked"."""
    import threading

    from foi.db import open_db, transaction

    other = open_db(ws.db_path)
    entered = threading.Event()
    release = threading.Event()

    def hold() -> None:
        with transaction(other):
            other.conn.execute("UPDATE bodies SET note = 'first' WHERE slug = 'kent'")
            entered.set()
            release.wait(10)

    thread = threading.Thread(target=hold)
    thread.start()
    entered.wait(10)
    # A deferred read-then-write would fail at once here; BEGIN IMMEDIATE waits for the lock.
    timer = threading.Timer(0.5, release.set)
    timer.start()
    with transaction(ws.db):
        ws.db.conn.execute("UPDATE bodies SET note = note || ' then second' WHERE slug = 'kent'")
    thread.join()
    assert ws.db.execute("SELECT note FROM bodies WHERE slug = 'kent'").fetchone()[0] == "first then second"


# --- full disk, read-only storage ----------------------------------------------------------------


def can_mount() -> bool:
    return sys.platform.startswith("linux") and os.geteuid() == 0


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    """A 6 MB tmpfs (root on Linux, as in CI); skipped elsewhere (the errno paths are unit-tested)."""
    if not can_mount():
        pytest.skip("needs root on Linux to mount a small tmpfs")
    mount = tmp_path / "disk"
    mount.mkdir()
    if subprocess.run(["mount", "-t", "tmpfs", "-o", "size=6m", "tmpfs", str(mount)]).returncode != 0:
        pytest.skip("mount -t tmpfs is not allowed here")
    try:
        yield mount
    finally:
        subprocess.run(["umount", "-l", str(mount)])


def fill(folder: Path) -> None:
    with (folder / "filler").open("wb") as fh:
        try:
            while True:
                fh.write(b"\0" * 65536)
        except OSError:
            pass


def test_regression_full_disk_import_and_parse_say_so_in_one_line(small_disk: Path, tmp_path: Path) -> None:
    from foi.workspace import init_workspace

    ws = sent_ws(init_workspace(small_disk / "w", name="Jo", email="jo@example.org"))
    box = tmp_path / "in"
    box.mkdir()
    (box / "a.eml").write_bytes(mail_with_attachment("outcomes.csv", big_csv(), "<full@kent.example>"))
    ws.db.conn.close()
    fill(small_disk)
    result = foi(ws, "inbox", "import", str(box))
    no_traceback(result)
    assert result.returncode == 1
    assert result.stderr.startswith("Error: ") and "full" in result.stderr and result.stderr.count("\n") == 1
    (small_disk / "filler").unlink()
    again = foi(ws, "inbox", "import", str(box), "--json")
    assert again.returncode == 0, again.stderr
    assert json.loads(again.stdout)["counts"]["imported"] == 1
    fill(small_disk)
    parsed = foi(ws, "parse", "cautions")
    no_traceback(parsed)
    assert parsed.returncode == 1 and "full" in parsed.stderr
    (small_disk / "filler").unlink()
    assert json.loads(foi(ws, "parse", "cautions", "--json").stdout)[0]["figures"] == 10_000


@pytest.fixture
def read_only(tmp_path: Path) -> Iterator[Path]:
    """A workspace on read-only storage: a read-only bind mount as root, file modes otherwise."""
    from foi.workspace import init_workspace

    ws = sent_ws(init_workspace(tmp_path / "w", name="Jo", email="jo@example.org"))
    ws.db.conn.close()
    if can_mount():
        target = tmp_path / "ro"
        target.mkdir()
        if subprocess.run(["mount", "--bind", str(ws.root), str(target)]).returncode == 0:
            subprocess.run(["mount", "-o", "remount,ro,bind", str(target)], check=True)
            try:
                yield target
            finally:
                subprocess.run(["umount", "-l", str(target)])
            return
    if os.geteuid() == 0:
        pytest.skip("root ignores file modes and can't mount here")
    for path in [ws.root, *ws.root.rglob("*")]:
        path.chmod(0o555 if path.is_dir() else 0o444)
    try:
        yield ws.root
    finally:
        for path in [ws.root, *ws.root.rglob("*")]:
            path.chmod(0o755 if path.is_dir() else 0o644)


def test_regression_read_only_workspace_reads_and_refuses_writes_clearly(read_only: Path) -> None:
    ws = Workspace(root=read_only)
    status = foi(ws, "status", "cautions", "--today", "2026-11-21")
    assert status.returncode == 0, status.stderr
    assert "cautions on 2026-11-21: 43 request(s)" in status.stdout
    assert foi(ws, "history", "cautions", "kent").returncode == 0
    marked = foi(ws, "mark", "cautions", "kent", "acknowledged", "--on", "2026-10-02")
    no_traceback(marked)
    assert marked.returncode == 1
    assert "read-only" in marked.stderr and "not a foi database" not in marked.stderr


# --- text from outside is shown as written -------------------------------------------------------


def test_regression_markup_in_a_subject_does_not_crash_history_or_unmatched(cli, ws: Workspace,
                                                                           tmp_path: Path) -> None:
    from foi.mail.inbox import import_raw
    from foi.mail.sources import RawMessage

    sent_ws(ws)
    hostile = "[/link] [bold]RE: FOI-CAUTIONS-0020[/] [link=file:///etc/passwd]x"
    matched = mail_with_attachment("[red]a.csv", CSV, "<markup1@kent.example>").replace(
        b"Subject: RE: FOI-CAUTIONS-0020 response", f"Subject: {hostile}".encode())
    unmatched = (b"From: someone@example.net\r\nTo: jo@example.org\r\nSubject: [/link] nothing\r\n"
                 b"Message-ID: <markup2@x>\r\n\r\nhello [/]\r\n")
    import_raw(ws, [RawMessage(matched, "a"), RawMessage(unmatched, "b")], today=TODAY)
    history = cli("history", "cautions", "kent")
    assert history.exit_code == 0, history.output
    assert "[/link] [bold]RE: FOI-CAUTIONS-0020[/]" in history.output
    listed = cli("inbox", "unmatched")
    assert listed.exit_code == 0, listed.output
    assert "[/link] nothing" in listed.output
    parsed = cli("parse", "cautions")
    assert parsed.exit_code == 0, parsed.output
    assert "[red]a.csv" in parsed.output
    for args in (("figures", "cautions"), ("batch", "list"), ("bodies", "list"), ("inbox", "review")):
        assert cli(*args).exit_code == 0


# --- clear errors ----------------------------------------------------------------------------------


@pytest.mark.parametrize(("toml", "says"), [
    ("requester = 5\n", "requester must be a table, not 5"),
    ('[requester]\nemail = 5\n', "[requester] email must be text in quotes, not 5"),
    ("smtp = \"smtp.example.org\"\n", "smtp must be a table, not 'smtp.example.org'"),
    ("imap = [1, 2]\n", "imap must be a table, not [1, 2]"),
    ("deadlines = 2027\n", "deadlines must be a table, not 2027"),
    ("[deadlines]\nextra_holidays = \"none\"\n", "[deadlines] extra_holidays must be a table, not 'none'"),
])
def test_regression_mistyped_config_tables(cli, ws: Workspace, toml: str, says: str) -> None:
    (ws.root / "foi.toml").write_text(toml)
    for args in (("status",), ("send", "cautions", "--dry-run"), ("inbox", "fetch"), ("due-date", "2026-12-18")):
        result = cli(*args)
        assert result.exit_code == 1, (args, result.output)
        assert result.stderr.startswith("Error: In ") and says in result.stderr, result.stderr
        assert result.exception is None or isinstance(result.exception, SystemExit)


def test_regression_init_where_nothing_can_be_written(runner) -> None:
    from foi.cli import app

    result = runner.invoke(app, ["init", "/proc/x"])
    assert result.exit_code == 1
    assert result.stderr.startswith("Error: Can't create a workspace at /proc/x: ")
    assert isinstance(result.exception, SystemExit)


def test_regression_email_with_a_trailing_newline_is_refused(cli) -> None:
    result = cli("bodies", "set", "kent", "--email", "foi@kent.example.org\n")
    assert result.exit_code == 1
    assert "is not an e-mail address" in result.stderr


@pytest.mark.parametrize("day", ["2026-W47-6", "20261121", "2026-325"])
def test_regression_today_and_on_refuse_the_same_date_forms(cli, day: str) -> None:
    sent = cli("status", "--today", day)
    assert sent.exit_code == 1 and sent.stderr == f"Error: Bad date {day!r} for --today: use YYYY-MM-DD, e.g. " \
                                                  "2026-12-18.\n"
    cli("batch", "create", "cautions", "-t", "request-outcomes", "--var", "first_year=2019/20",
        "--var", "last_year=2023/24")
    on = cli("mark", "cautions", "kent", "sent", "--on", day)
    assert on.exit_code == 1 and on.stderr == f"Error: Bad date {day!r} for --on: use YYYY-MM-DD, e.g. 2026-12-18.\n"


def test_one_open_status_set() -> None:
    from foi import board, tracking
    from foi.mail import inbox

    assert inbox.OPEN is tracking.OPEN
    assert board.WAITING | board.DEADLINE_RUNNING == tracking.OPEN


def test_regression_send_exits_1_while_requests_are_in_doubt(cli, batch_ws: Workspace) -> None:
    from foi.tracking import record_event

    kent = batch_ws.db.execute("SELECT id FROM requests WHERE body = 'kent'").fetchone()[0]
    record_event(batch_ws.db, kent, "sending", TODAY, source="send", note="to kent")
    result = cli("send", "cautions", "--only", "kent", "--today", "2026-11-21")
    assert result.exit_code == 1
    assert "In doubt: FOI-CAUTIONS-0020 (kent) may or may not have reached the server." in result.stderr
    data = json.loads(cli("send", "cautions", "--only", "kent", "--json").stdout)
    assert data["in_doubt"] == [{"reference": "FOI-CAUTIONS-0020", "body": "kent"}]


def test_sqlite_utils_floor_has_atomic() -> None:
    """pyproject's floor for sqlite-utils must provide Database.atomic (4.x)."""
    import tomllib

    import sqlite_utils

    deps = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["dependencies"]
    floor = next(d for d in deps if d.startswith("sqlite-utils"))
    assert floor == "sqlite-utils>=4.0"
    assert hasattr(sqlite_utils.Database, "atomic")


def test_architecture_names_the_real_transaction_api() -> None:
    from foi import db

    text = (ROOT / "ARCHITECTURE.md").read_text()
    assert "foi.db.transaction(db)" in text and callable(db.transaction)
