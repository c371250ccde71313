"""Every command, at every level, answers -h with its help and exit code 0."""

from __future__ import annotations

from typing import Any

import pytest
import typer
from typer.testing import CliRunner

from foi.cli import app, load_commands


def _commands(group: Any, prefix: tuple[str, ...] = ()) -> list[tuple[str, ...]]:
    found = [prefix]
    for name, command in group.commands.items():
        if hasattr(command, "commands"):  # a group (typer vendors its own click)
            found += _commands(command, (*prefix, name))
        else:
            found.append((*prefix, name))
    return found


load_commands()  # commands are loaded when run; walking them needs every module
ALL = _commands(typer.main.get_command(app))  # type: ignore[arg-type]


def test_there_are_commands() -> None:
    assert ("init",) in ALL and ("batch", "create") in ALL and ("letters",) in ALL


@pytest.mark.parametrize("path", ALL, ids=lambda p: " ".join(p) or "foi")
def test_every_command_has_help(path: tuple[str, ...]) -> None:
    for flag in ("-h", "--help"):
        result = CliRunner().invoke(app, [*path, flag])
        assert result.exit_code == 0, result.output
        assert result.stdout.startswith("Usage: ")
        command = typer.main.get_command(app)
        for name in path:
            command = command.commands[name]  # type: ignore[attr-defined]
        assert command.help or command.short_help, f"{' '.join(path)} has no help text"
