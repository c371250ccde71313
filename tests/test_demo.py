"""`foi demo`: the whole job on the bundled replies, through a local SMTP server it starts and stops.

The expected figures come from `foi/demo_data/expected.json`, written by `make_samples.py` from
the same data the attachments were drawn from; the last test checks the committed samples are
still what that script makes.
"""

from __future__ import annotations

import hashlib
import json
import mailbox
import re
import shlex
import socket
import sqlite3
import time
from collections import Counter
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

import foi.cli.demo_cmds  # noqa: F401 - registers `foi demo` until foi/cli/__init__.py imports it
from foi.cli import app
from foi.demo import DATA_DIR, MARKER, prepare_folder

EXPECTED = json.loads((DATA_DIR / "expected.json").read_text(encoding="utf-8"))
CLOSED_OR_WAITING = {"responded", "partial", "refused", "not-held", "extended"}


@pytest.fixture(scope="module")
def demo_run(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    root = tmp_path_factory.mktemp("demo") / "foi-demo"
    started = time.perf_counter()
    result = CliRunner().invoke(app, ["demo", str(root)])
    elapsed = time.perf_counter() - started
    print(f"\nfoi demo took {elapsed:.1f} s")
    assert result.exit_code == 0, result.output
    return {"root": root, "output": result.stdout, "elapsed": elapsed}


def _db(root: Path) -> sqlite3.Connection:
    conn = sqlite3.connect(root / "db" / "foi.db")
    conn.row_factory = sqlite3.Row
    return conn


def test_demo_runs_in_under_a_minute_and_ends_with_outputs_that_exist(demo_run: dict[str, Any]) -> None:
    lines = demo_run["output"].splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith("Done in ") and "Where everything lives" in line)
    outputs = {}
    for line in lines[start + 1:]:
        match = re.match(r"^  (\S+(?: \S+)?)\s+(/\S.*?)  \(", line)
        if match:
            outputs[match.group(1)] = Path(match.group(2))
    assert {"report", "figures xlsx", "figures csv", "database", "replies", "smtp sink", "workspace"} <= set(outputs)
    for label, path in outputs.items():
        assert path.exists(), f"{label}: {path} does not exist"
    assert outputs["workspace"] == demo_run["root"].absolute()
    assert outputs["report"].read_bytes().startswith(b"<!")
    assert outputs["figures xlsx"].read_bytes()[:2] == b"PK"


def test_demo_suggests_commands_that_work_in_its_workspace(demo_run: dict[str, Any]) -> None:
    lines = demo_run["output"].splitlines()
    start = lines.index("Try next:")
    commands = [shlex.split(line.split("    #")[0]) for line in lines[start + 1:] if line.startswith("  foi ")]
    assert len(commands) == 4
    for command in commands:
        result = CliRunner().invoke(app, command[1:])
        assert result.exit_code == 0, (command, result.output)
    board = json.loads(CliRunner().invoke(app, [*commands[0][1:], "--json"]).stdout)
    assert board["counts"]["overdue"] == 34


def test_demo_sends_43_through_a_sink_it_stops(demo_run: dict[str, Any]) -> None:
    output = demo_run["output"]
    assert "Created batch cautions: 43 requests, FOI-CAUTIONS-0001 to FOI-CAUTIONS-0043" in output
    port = int(re.search(r"local SMTP server on 127\.0\.0\.1:(\d+)", output).group(1))  # type: ignore[union-attr]
    with pytest.raises(OSError), socket.create_connection(("127.0.0.1", port), timeout=2):
        pass  # the demo stopped its server
    box = mailbox.mbox(demo_run["root"] / "outbox" / "smtp-sink.mbox")
    subjects = sorted(str(m["Subject"]) for m in box)
    assert subjects == [f"Freedom of Information request FOI-CAUTIONS-{n:04d}" for n in range(1, 44)]
    with _db(demo_run["root"]) as conn:
        recipients = {r[0].lower() for r in conn.execute("SELECT foi_email FROM bodies WHERE grp = 'england-wales'")}
        sent = conn.execute("SELECT COUNT(*) FROM requests WHERE sent_on = ?", [EXPECTED["sent_on"]]).fetchone()[0]
    assert {str(m["To"]).rsplit("<", 1)[-1].strip(">").lower() for m in box} == recipients
    assert sent == 43
    # The workspace still says where the (now stopped) server was, plainly.
    config = (demo_run["root"] / "foi.toml").read_text(encoding="utf-8")
    assert f'host = "127.0.0.1"\nport = {port}\nsecurity = "none"' in config


def test_demo_replies_are_matched_read_and_recorded(demo_run: dict[str, Any]) -> None:
    with _db(demo_run["root"]) as conn:
        rows = {r["body"]: dict(r) for r in conn.execute("SELECT * FROM requests WHERE batch = 'cautions'")}
        events = {(r["body"], r["on_date"]): dict(r) for r in conn.execute(
            "SELECT r.body, e.* FROM events e JOIN requests r ON r.id = e.request_id WHERE e.source = 'mail'")}
        unmatched = conn.execute("SELECT COUNT(*) FROM messages WHERE direction = 'in' AND request_id IS NULL")
        assert unmatched.fetchone()[0] == 0
    assert len(rows) == EXPECTED["forces"] == 43
    assert len(events) == len(EXPECTED["replies"])
    for reply in EXPECTED["replies"]:
        # Each reply is one event on the day its Date header gives, as the sample was written.
        event = events[(reply["body"], reply["file"][:10])]
        assert event["kind"] == reply["kind"], reply["file"]
        assert json.loads(event["sections"] or "[]") == reply["sections"], reply["file"]
        assert bool(event["ncnd"]) == reply["ncnd"], reply["file"]
        assert event["until"] == reply["until"], reply["file"]
        assert event["force_reference"] == reply["force_reference"], reply["file"]
    for slug, status in EXPECTED["statuses"].items():
        assert rows[slug]["status"] == status, slug
    assert rows["essex"]["due_on"] == "2026-11-26"  # the extension moved the deadline
    assert rows["sussex"]["ncnd"] == 1 and json.loads(rows["sussex"]["sections"]) == ["23(5)", "24(2)", "31(3)"]
    silent = [slug for slug in rows if slug not in EXPECTED["statuses"]]
    assert len(silent) == 33 and all(rows[slug]["status"] == "sent" for slug in silent)
    # On the demo's day every force without a final answer or an extension is overdue.
    overdue = 43 - sum(1 for s in EXPECTED["statuses"].values() if s in CLOSED_OR_WAITING)
    assert overdue == 34
    assert f"{overdue} overdue" in demo_run["output"]


def test_demo_figures_are_exactly_the_samples(demo_run: dict[str, Any]) -> None:
    root = demo_run["root"]
    with _db(root) as conn:
        # The samples' stated totals are stored too, marked; the figures they add up are the samples.
        figures = [dict(r) for r in conn.execute("SELECT * FROM figures WHERE batch = 'cautions' AND NOT total")]
        totals = [dict(r) for r in conn.execute("SELECT * FROM figures WHERE batch = 'cautions' AND total")]
        documents = {r["id"]: dict(r) for r in conn.execute("SELECT * FROM documents")}
    assert totals and {f["offence"] for f in totals} <= {"Total", None}
    got: dict[str, dict[tuple[str, str, str], tuple[Any, Any]]] = {}
    for f in figures:
        got.setdefault(f["body"], {})[(f["period_label"], f["offence"], f["outcome"])] = (f["value"], f["suppressed"])
    assert set(got) == set(EXPECTED["figures"]) == {"durham", "northumbria", "cleveland", "cumbria"}
    for slug, rows in EXPECTED["figures"].items():
        want = {}
        for row in rows:
            hidden = row["shown"] != str(row["value"])  # "*" or "<5" in the file: a marker, no number
            key = (row["period"], row["offence"], row["outcome"])
            want[key] = (None, row["shown"]) if hidden else (row["value"], None)
        assert got[slug] == want, slug
    assert Counter(documents[f["document_id"]]["reader"] for f in figures) == {"xlsx": 90, "pdf": 90, "csv": 90,
                                                                              "docx": 90}
    # Home Office codes were found for every offence and outcome label in the samples.
    assert {f["offence_code"] for f in figures} == {"19C", "20A", "105A", "10D", "46", "92E"}
    assert {f["outcome_code"] for f in figures} == {"2", "3", "8"}
    # Provenance: the PDF's figures come from pages 2 and 3, and every figure's file is unchanged.
    assert {f["page"] for f in figures if f["body"] == "northumbria"} == {2, 3}
    for f in figures[:: 37]:
        assert hashlib.sha256((root / f["source_file"]).read_bytes()).hexdigest() == f["source_sha256"]
    # Totals in the samples agree with their figures; those over suppressed cells are no news either
    # (the shown figures stay under them), so no total check says anything on the demo's own samples.
    for document in documents.values():
        for warning in json.loads(document["warnings"] or "[]"):
            assert "stated" not in warning and "suppressed" not in warning, warning


def test_demo_report_has_a_row_per_force(demo_run: dict[str, Any]) -> None:
    page = (demo_run["root"] / "report.html").read_text(encoding="utf-8")
    rows = re.findall(r'<tr data-status="([a-z-]+)" data-body="([a-z-]+)"', page)
    assert len(rows) == 43 and len({body for _, body in rows}) == 43
    statuses = dict((body, status) for status, body in rows)
    assert statuses["durham"] == "responded" and statuses["sussex"] == "refused" and statuses["kent"] == "overdue"


def test_demo_json_and_a_later_today(tmp_path: Path) -> None:
    # On 31 December Essex's extension (to 26 November) has run out as well.
    result = CliRunner().invoke(app, ["demo", str(tmp_path / "d"), "--today", "2026-12-31", "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["today"] == "2026-12-31"
    assert data["requests"] == data["sent"] == data["smtp_received"] == 43
    assert data["board"]["overdue"] == 35 and "extended" not in data["board"]
    assert data["figures"] == sum(len(rows) for rows in EXPECTED["figures"].values())
    assert data["suppressed"] == sum(r["shown"] != str(r["value"]) for rows in EXPECTED["figures"].values()
                                     for r in rows)
    assert data["replies"]["imported"] == len(EXPECTED["replies"])
    assert Path(data["report"]).is_file() and Path(data["exports"]["csv"]).is_file()


def test_demo_refuses_a_folder_with_other_things_in_it(tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("mine", encoding="utf-8")
    for args in (["demo", str(tmp_path)], ["demo", str(tmp_path), "--force"]):
        result = CliRunner().invoke(app, args)
        assert result.exit_code == 1
        assert "not empty" in result.stderr and result.stderr.startswith("Error: ")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notes.txt"]


def test_demo_replaces_an_earlier_demo_only_with_force(tmp_path: Path) -> None:
    root = tmp_path / "foi-demo"
    prepare_folder(root, force=False)
    (root / "stale.txt").write_text("old", encoding="utf-8")
    (root / "sub").mkdir()
    (root / "sub" / "x").write_text("old", encoding="utf-8")
    result = CliRunner().invoke(app, ["demo", str(root)])
    assert result.exit_code == 1 and "--force" in result.stderr
    assert (root / "stale.txt").exists()
    prepare_folder(root, force=True)
    assert sorted(p.name for p in root.iterdir()) == [MARKER]


def test_demo_refuses_a_day_before_the_last_reply(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["demo", str(tmp_path / "d"), "--today", "2026-10-15"])
    assert result.exit_code == 1 and "--today" in result.stderr
    assert not (tmp_path / "d").exists()
    result = CliRunner().invoke(app, ["demo", str(tmp_path / "d"), "--today", "15/10/2026"])
    assert result.exit_code == 1 and "YYYY-MM-DD" in result.stderr


def test_committed_samples_are_what_make_samples_writes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    pytest.importorskip("fpdf")
    from foi.demo_data import make_samples

    monkeypatch.setattr(make_samples, "HERE", tmp_path)
    monkeypatch.setattr(make_samples, "REPLIES", tmp_path / "replies")
    make_samples.main()
    committed = sorted((DATA_DIR / "replies").glob("*.eml"))
    assert [p.name for p in committed] == sorted(p.name for p in (tmp_path / "replies").glob("*.eml"))
    for path in committed:
        assert (tmp_path / "replies" / path.name).read_bytes() == path.read_bytes(), path.name
    assert json.loads((tmp_path / "expected.json").read_text(encoding="utf-8")) == EXPECTED
    assert date.fromisoformat(EXPECTED["today"]) > date.fromisoformat(EXPECTED["sent_on"])


def test_demo_stops_its_smtp_server_when_a_step_fails(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import foi.demo
    import foi.mail.send
    from foi.errors import FoiError

    ports: list[int] = []
    real_use_smtp = foi.demo.use_smtp

    def use_smtp(root: Path, port: int) -> None:
        ports.append(port)
        with socket.create_connection(("127.0.0.1", port), timeout=2) as conn:
            assert conn.recv(100).startswith(b"220")  # the sink is up while the demo runs
        real_use_smtp(root, port)

    def broken_send(*args: Any, **kwargs: Any) -> Any:
        raise FoiError("SMTP server 127.0.0.1 said: 451 try later")

    monkeypatch.setattr(foi.demo, "use_smtp", use_smtp)
    monkeypatch.setattr(foi.mail.send, "send_batch", broken_send)
    with pytest.raises(FoiError, match="stopped half-way.*--force"):
        foi.demo.run_demo(tmp_path / "d", echo=lambda _: None)
    assert len(ports) == 1
    with pytest.raises(OSError), socket.create_connection(("127.0.0.1", ports[0]), timeout=2):
        pass
    assert (tmp_path / "d" / MARKER).is_file()  # so --force may rebuild it


def test_demo_plans_the_next_steps_and_drafts_the_letters(demo_run: dict[str, Any]) -> None:
    output = demo_run["output"]
    assert "8. Next steps on Sat 21 Nov 2026: 34 chase, 3 review, 6 none:" in output
    assert ("   review    metropolitan   Refused on 2026-10-14 (s.12(1)). Ask for an internal review by 2026-12-10 "
            "(40 working days after the reply).") in output
    folder = demo_run["root"] / "escalations"
    letters = sorted(p.name for p in folder.glob("*.txt") if p.name != "plan.txt")
    assert len(letters) == 37 and len(list(folder.glob("*.eml"))) == 37
    assert sum(name.endswith("-chase.txt") for name in letters) == 34
    drafts = {name.split("-", 3)[3]: (folder / name).read_text(encoding="utf-8") for name in letters}
    assert "Cost limit (s.12(1))." in drafts["metropolitan-review.txt"]
    assert "\n4. Neither confirm nor deny. " in drafts["sussex-review.txt"]
    assert "Personal information (s.40(2))." in drafts["west-yorkshire-review.txt"]
    assert "Your reference: 2026/1432" in drafts["sussex-review.txt"]  # theirs, as their reply gave it
