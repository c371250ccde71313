"""The command modules load lazily: only the module of the command being run is imported, and the
table that says which module registers which command is complete and in `foi --help`'s order."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import typer
from typer.testing import CliRunner

from foi.cli import COMMANDS, MODULES, app, load_commands

ROOT = Path(__file__).resolve().parents[1]


def _module_of(command: object) -> str:
    """The foi.cli module that registered a click command, or a group's first subcommand."""
    while getattr(command, "commands", None):
        command = next(iter(command.commands.values()))  # type: ignore[attr-defined]
    return command.callback.__module__.rsplit(".", 1)[-1]  # type: ignore[attr-defined]


def test_commands_table_names_every_command_and_its_module() -> None:
    load_commands()
    group = typer.main.get_command(app)
    registered = {name: _module_of(command) for name, command in group.commands.items()}  # type: ignore[attr-defined]
    assert registered == COMMANDS
    assert list(dict.fromkeys(COMMANDS.values())) == sorted(set(COMMANDS.values()), key=MODULES.index)


def test_help_lists_commands_in_registration_order() -> None:
    load_commands()
    eager = list(typer.main.get_command(app).commands)  # type: ignore[attr-defined]
    result = CliRunner().invoke(app, ["--help"])
    assert result.exit_code == 0
    listed = [line.split()[0] for line in result.output.split("Commands:\n", 1)[1].splitlines() if line.strip()]
    assert listed == eager


def _modules_loaded_by(args: list[str]) -> set[str]:
    code = ("import sys\nfrom typer.testing import CliRunner\nfrom foi.cli import app\n"
            f"result = CliRunner().invoke(app, {args!r})\nassert result.exit_code == 0, result.output\n"
            "print(' '.join(m for m in sys.modules if m.startswith('foi.cli.')))")
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    return set(out.stdout.split())


def test_a_command_loads_only_its_own_module() -> None:
    base = {"foi.cli.common", "foi.cli._values"}
    assert _modules_loaded_by(["tables", "--help"]) == base | {"foi.cli.tables_cmds"}
    assert _modules_loaded_by(["batch", "list", "--help"]) == base | {"foi.cli.batch_cmds"}


def test_help_and_a_mistyped_command_load_every_module() -> None:
    everything = {f"foi.cli.{m}" for m in MODULES} | {"foi.cli.common", "foi.cli._values"}
    assert _modules_loaded_by(["--help"]) == everything
    result = CliRunner().invoke(app, ["stauts"])
    assert result.exit_code == 2
    assert "No such command 'stauts'" in result.output  # typer adds "Did you mean 'stats', 'status'?"


def test_opening_a_database_does_not_scan_for_sqlite_utils_plugins(tmp_path: Path) -> None:
    # Scanning every installed package's entry points costs a tenth of a small command; foi's
    # database uses no sqlite-utils plugin.
    code = ("import sys\nfrom pathlib import Path\nfrom foi.db import open_db\n"
            f"db = open_db(Path({str(tmp_path / 'foi.db')!r}), create=True)\n"
            "import sqlite_utils.plugins as plugins\nprint(plugins._plugins_loaded)")
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
