"""`foi` ends without the interpreter's teardown (foi.cli.main): what a normal exit guarantees
still holds: exit codes, complete output through a pipe, databases closed (no WAL left beside
them), exit handlers run."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from foi.workspace import Workspace

ROOT = Path(__file__).resolve().parents[1]


def _foi(*args: str, code: str = "") -> subprocess.CompletedProcess[str]:
    program = f"import sys\nfrom foi.cli import main\n{code}\nsys.argv = ['foi', *{list(args)!r}]\nmain()"
    return subprocess.run([sys.executable, "-c", program], cwd=ROOT, capture_output=True, text=True, timeout=120)


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


def test_a_profiler_still_gets_its_results(tmp_path: Path) -> None:
    out = tmp_path / "foi.prof"
    result = subprocess.run([sys.executable, "-m", "cProfile", "-o", str(out), "-m", "foi", "--version"],
                            cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert out.stat().st_size > 0
