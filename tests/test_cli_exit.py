"""`foi` ends without the interpreter's teardown (foi.cli.main): what a normal exit guarantees
still holds: exit codes, complete output through a pipe, databases closed (no WAL left beside
them), exit handlers run."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from foi.workspace import Workspace

ROOT = Path(__file__).resolve().parents[1]


# Output buffered as in a user's shell (some environments set PYTHONUNBUFFERED, which would hide a
# missing flush).
ENV = {k: v for k, v in os.environ.items() if k != "PYTHONUNBUFFERED"}


def _foi(*args: str, code: str = "") -> subprocess.CompletedProcess[str]:
    program = f"import sys\nfrom foi.cli import main\n{code}\nsys.argv = ['foi', *{list(args)!r}]\nmain()"
    return subprocess.run([sys.executable, "-c", program], cwd=ROOT, capture_output=True, text=True, timeout=120,
                          env=ENV)


def test_output_through_a_pipe_is_complete_and_the_database_closed(batch_ws: Workspace) -> None:
    batch_ws.db.conn.close()
    result = _foi("-w", str(batch_ws.root), "status", "--json", "--today", "2026-12-01")
    assert result.returncode == 0, result.stderr
    board = json.loads(result.stdout)
    assert len(board["requests"]) == 43
    assert sorted(p.name for p in (batch_ws.root / "db").iterdir()) == ["foi.db"]  # no -wal, -shm left


def test_a_write_is_kept_and_the_database_closed(batch_ws: Workspace) -> None:
    batch_ws.db.conn.close()
    result = _foi("-w", str(batch_ws.root), "mark", "cautions", "kent", "sent", "--on", "2026-10-01", "--json")
    assert result.returncode == 0, result.stderr
    assert sorted(p.name for p in (batch_ws.root / "db").iterdir()) == ["foi.db"]
    again = _foi("-w", str(batch_ws.root), "status", "cautions", "--json", "--today", "2026-10-02")
    assert {r["body"]: r["status"] for r in json.loads(again.stdout)["requests"]}["kent"] == "sent"


@pytest.mark.parametrize(("args", "code", "stderr"), [
    (["tables", "no-such-file.csv"], 1, "Error: no-such-file.csv: no such file. Check the path.\n"),
    (["no-such-command"], 2, "No such command 'no-such-command'"),
    (["--version"], 0, ""),
])
def test_exit_codes_and_messages(args: list[str], code: int, stderr: str) -> None:
    result = _foi(*args)
    assert result.returncode == code
    assert stderr in result.stderr
    if args == ["--version"]:
        assert result.stdout.startswith("foi ")


def test_exit_handlers_run() -> None:
    result = _foi("--version", code="import atexit\natexit.register(lambda: print('handler ran', file=sys.stderr))")
    assert result.returncode == 0
    assert result.stderr == "handler ran\n"


def test_output_still_in_the_buffer_at_the_end_is_written() -> None:
    # Through a pipe stdout is block-buffered: text an exit handler prints without a newline sits in
    # the buffer until the end, where the fast exit must flush it as Python's own exit would.
    result = _foi("--version", code="import atexit\natexit.register(lambda: print('|handler', end=''))")
    assert result.returncode == 0
    assert result.stdout.startswith("foi ") and result.stdout.endswith("\n|handler")


def test_a_profiler_still_gets_its_results(tmp_path: Path) -> None:
    out = tmp_path / "foi.prof"
    result = subprocess.run([sys.executable, "-m", "cProfile", "-o", str(out), "-m", "foi", "--version"],
                            cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert out.stat().st_size > 0


def _long_csv(path: Path, rows: int) -> Path:
    """A title, a header and a month a row: `rows` months of arrests and charges (each from 1,000 to
    1,499, so no row is ever the sum of others and read as a total)."""
    lines = ["Arrests and charges by month", "", "Month,Arrests,Charges"]
    lines += [f"{1900 + i // 12}-{i % 12 + 1:02d},{1000 + i * 37 % 500},{1000 + i * 11 % 500}" for i in range(rows)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_long_output_through_a_pipe_arrives_whole(tmp_path: Path) -> None:
    # Far more than a pipe holds (64 KB): the fast exit must not cut what is still in the buffer.
    csv = _long_csv(tmp_path / "long.csv", 3000)
    result = _foi("tables", str(csv), "--json")
    assert result.returncode == 0, result.stderr
    assert len(result.stdout) > 200_000
    [described] = json.loads(result.stdout)
    assert [row["row"] for row in described["tables"][0]["rows"]][-1] == 3003


def test_parsed_figures_are_committed_and_the_wal_folded_in(batch_ws: Workspace, tmp_path: Path) -> None:
    from foi.figures.filing import attach

    attach(batch_ws, "cautions", "kent", [_long_csv(tmp_path / "kent.csv", 500)])
    batch_ws.db.conn.close()
    result = _foi("-w", str(batch_ws.root), "parse", "cautions", "--json")
    assert result.returncode == 0, result.stderr
    [report] = json.loads(result.stdout)
    assert report["figures"] == 1000
    assert sorted(p.name for p in (batch_ws.root / "db").iterdir()) == ["foi.db"]
    import sqlite3

    with sqlite3.connect(batch_ws.root / "db" / "foi.db") as conn:
        assert conn.execute("SELECT count(*) FROM figure_cells").fetchone() == (1000,)


def test_a_users_error_is_one_line_exit_1_and_writes_nothing(batch_ws: Workspace, tmp_path: Path) -> None:
    from foi.figures.filing import attach

    attach(batch_ws, "cautions", "kent", [_long_csv(tmp_path / "kent.csv", 20)])
    batch_ws.db.conn.close()
    before = (batch_ws.root / "db" / "foi.db").read_bytes()
    result = _foi("-w", str(batch_ws.root), "parse", "cautions", "--map", "no equals sign")
    assert result.returncode == 1
    assert result.stdout == ""
    assert result.stderr.startswith("Error: ") and result.stderr.count("\n") == 1, result.stderr
    assert "Traceback" not in result.stderr
    assert sorted(p.name for p in (batch_ws.root / "db").iterdir()) == ["foi.db"]
    assert (batch_ws.root / "db" / "foi.db").read_bytes() == before


def test_a_bug_still_shows_its_traceback_and_exit_1(tmp_path: Path) -> None:
    # Not a user's error: Python reports it as always (the fast exit only ends clean exits).
    code = ("import foi.figures.describe as d\ndef boom(*a, **k):\n    raise RuntimeError('boom')\n"
            "d.describe_files = boom")
    result = _foi("tables", str(_long_csv(tmp_path / "t.csv", 3)), code=code)
    assert result.returncode == 1
    assert "Traceback" in result.stderr and "RuntimeError: boom" in result.stderr


def test_end_now_flushes_closes_runs_handlers_then_exits(batch_ws: Workspace, monkeypatch: pytest.MonkeyPatch,
                                                         capsys: pytest.CaptureFixture[str]) -> None:
    """What foi.cli.main does at the end, step by step, in this process (os._exit stubbed)."""
    import atexit
    import sqlite3
    import threading

    import foi.cli as cli
    from foi.db import open_db

    db = open_db(batch_ws.root / "db" / "foi.db")
    steps: list[str] = []
    monkeypatch.setattr(atexit, "_run_exitfuncs", lambda: steps.append("handlers"))
    monkeypatch.setattr(threading, "active_count", lambda: 1)
    monkeypatch.setattr(sys, "gettrace", lambda: None)
    monkeypatch.setattr(sys, "getprofile", lambda: None)
    monkeypatch.delitem(sys.modules, "coverage", raising=False)

    class Ended(Exception):
        pass

    def fake_exit(code: int) -> None:
        steps.append(f"exit {code}")
        raise Ended

    monkeypatch.setattr("os._exit", fake_exit)
    print("kept", end="")
    with pytest.raises(Ended):
        cli._end_now(SystemExit(3))
    assert steps == ["handlers", "exit 3"]
    assert capsys.readouterr().out == "kept"
    with pytest.raises(sqlite3.ProgrammingError):
        db.conn.execute("SELECT 1")  # closed: SQLite folded the WAL back in
    assert sorted(p.name for p in (batch_ws.root / "db").iterdir()) == ["foi.db"]
    batch_ws.db.conn.close()

    steps.clear()
    cli._end_now(SystemExit("a message to print"))  # not a number: Python's own exit prints it
    monkeypatch.setattr(threading, "active_count", lambda: 2)
    cli._end_now(SystemExit(0))  # another thread still runs: Python's own exit waits for it
    assert steps == []
