"""Command-line values are checked without pydantic where typer's check comes to a copy
(foi/cli/_values.py): the direct check gives what typer's gives, value for value and error for
error, on every parameter of every command, and a small command no longer imports pydantic."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import typer
from typer.testing import CliRunner

from foi.cli import app, load_commands
from foi.cli._values import _kind, _plain_class, fast_values, plain_values

ROOT = Path(__file__).resolve().parents[1]
typer_checks_with_pydantic = pytest.mark.skipif(_plain_class() is None,
                                                reason="this typer checks values without pydantic")


def _commands() -> list[tuple[str, Any]]:
    load_commands()
    found, stack = [], [("foi", typer.main.get_command(app))]
    while stack:
        name, command = stack.pop()
        found.append((name, command))
        stack.extend((f"{name} {sub}", c) for sub, c in getattr(command, "commands", {}).items())
    return found


def _outcome(check: Any, value: Any, param: Any, ctx: Any) -> Any:
    try:
        return ("value", check(value, param, ctx))
    except Exception as exc:  # noqa: BLE001 - the error itself is what is compared
        return ("error", type(exc).__name__, getattr(exc, "message", str(exc)))


@typer_checks_with_pydantic
def test_direct_check_gives_typers_values_and_errors(tmp_path: Path) -> None:
    from typer._coercion import build_runtime_param

    a_file, a_dir = tmp_path / "a.csv", tmp_path / "folder"
    a_file.write_text("x\n")
    a_dir.mkdir()
    texts = ["", "kent", " spaced out ", "é – ‘quoted’", "-", "a=b", "2026-12-01", str(a_file), str(a_dir),
             str(tmp_path / "missing.csv")]
    samples: list[Any] = [None, *texts, tuple(texts[1:4]), (), (str(a_file), str(a_dir)), 5, Path("p.csv")]
    plain = _plain_class()
    checked = 0
    for name, command in _commands():
        ctx = typer.Context(command, info_name=name.rsplit(" ", 1)[-1])
        for param in command.get_params(ctx):
            descriptor = getattr(param, "type_descriptor", None)
            if descriptor is None:
                continue
            direct = plain(parameter_info=descriptor.parameter_info, annotation=descriptor.annotation,
                           descriptor=descriptor)
            for value in samples:
                many = param.multiple or param.nargs == -1
                if many != isinstance(value, tuple) and value is not None:
                    continue  # click never hands a list to a one-value parameter, nor the reverse
                theirs = _outcome(build_runtime_param(descriptor).coerce, value, param, ctx)
                param._runtime_param = None
                ours = _outcome(direct.coerce, value, param, ctx)
                param._runtime_param = None
                assert ours == theirs, (name, param.name, value)
                checked += _kind(descriptor) is not None
    assert checked > 500  # text and path parameters were compared, not only skipped


@typer_checks_with_pydantic
def test_every_parameter_of_a_command_run_is_checked_directly(tmp_path: Path) -> None:
    csv = tmp_path / "t.csv"
    csv.write_text("Force,Arrests\nKent,5\nDurham,7\n", encoding="utf-8")
    group = typer.main.get_command(app)
    command = group.get_command(typer.Context(group), "tables")
    plain = _plain_class()
    result = CliRunner().invoke(app, ["tables", str(csv), "--json"])
    assert result.exit_code == 0, result.output
    fast_values(command)
    ctx = typer.Context(command, info_name="tables")
    plain_values(command, ctx)
    kinds = {p.name: type(p._runtime_param) for p in command.get_params(ctx)}
    assert kinds and all(kind is plain for kind in kinds.values()), kinds


@typer_checks_with_pydantic
def test_a_small_command_does_not_import_pydantic(tmp_path: Path) -> None:
    csv = tmp_path / "t.csv"
    csv.write_text("Force,Arrests\nKent,5\nDurham,7\n", encoding="utf-8")
    program = ("import sys\nfrom foi.cli import app\n"
               f"sys.argv = ['foi', 'tables', {str(csv)!r}, '--json']\n"
               "try:\n    app()\nexcept SystemExit as exc:\n    assert exc.code in (0, None), exc.code\n"
               "print('pydantic' in sys.modules, file=sys.stderr)")
    result = subprocess.run([sys.executable, "-c", program], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert '"file"' in result.stdout
    assert result.stderr.strip() == "False"


def test_values_and_their_errors_through_the_command_line(tmp_path: Path) -> None:
    runner = CliRunner()
    bad = runner.invoke(app, ["tables", str(tmp_path / "missing.csv")])
    assert bad.exit_code == 1
    assert bad.output.endswith("missing.csv: no such file. Check the path.\n")
    not_a_number = runner.invoke(app, ["-w", str(tmp_path), "due", "--within", "soon"])
    assert not_a_number.exit_code == 2
    assert "Invalid value for '--within'" in not_a_number.output
