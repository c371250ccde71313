"""The `foi` command line: a thin typer layer; each command calls one library function.

`FoiError` from the library becomes one line on stderr and exit code 1, here and only here.
"""

from __future__ import annotations

import sqlite3
import sys
from typing import Annotated, Any

import typer
from typer.core import TyperGroup

from foi import __version__
from foi.cli._values import fast_values, plain_values
from foi.errors import FoiError

CONTEXT = {"help_option_names": ["-h", "--help"]}


class FoiGroup(TyperGroup):
    """The root group: loads a command's module when that command is asked for (see COMMANDS)."""

    def get_command(self, ctx: Any, cmd_name: str) -> Any:
        if cmd_name not in self.commands:
            module = COMMANDS.get(cmd_name)
            self._load([module] if module else MODULES)
        command = super().get_command(ctx, cmd_name)
        if command is not None:
            fast_values(command)
        return command

    def parse_args(self, ctx: Any, args: list[str]) -> list[str]:
        plain_values(self, ctx)
        return super().parse_args(ctx, args)

    def list_commands(self, ctx: Any) -> list[str]:
        self._load(MODULES)  # help and suggestions show every command
        return super().list_commands(ctx)

    def _load(self, modules: Any) -> None:
        import importlib

        for module in modules:
            importlib.import_module(f"foi.cli.{module}")
        if len(self.commands) != len(app.registered_commands) + len(app.registered_groups):
            # The click commands of everything registered so far, in registration order (what
            # typer would have built had every module been imported before it ran).
            self.commands = typer.main.get_group(app).commands

    def invoke(self, ctx: Any) -> Any:
        try:
            return super().invoke(ctx)
        except FoiError as exc:
            typer.echo(f"Error: {exc}", err=True)
            raise typer.Exit(1) from None
        except OSError as exc:
            # The machine's trouble, not a bug: a full disk or read-only storage under any write
            # the library did not already explain.
            message = _storage_message(exc)
            if message is None:
                raise
            typer.echo(f"Error: {message}", err=True)
            raise typer.Exit(1) from None
        except sqlite3.OperationalError as exc:
            from foi.db import database_problem

            text = str(exc).lower()
            if not any(word in text for word in ("readonly", "disk", "locked", "busy", "unable to open")):
                raise
            typer.echo(f"Error: {database_problem(None, exc)}", err=True)
            raise typer.Exit(1) from None


def _storage_message(exc: OSError) -> str | None:
    import errno

    if exc.errno not in (errno.ENOSPC, errno.EDQUOT, errno.EROFS, errno.EACCES, errno.EPERM, errno.EIO):
        return None
    from pathlib import Path

    from foi.storage import storage_problem

    return str(storage_problem(exc, Path(exc.filename or "a file")))


app = typer.Typer(
    cls=FoiGroup,
    context_settings=CONTEXT,
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
    help="Send one FOI request to many bodies, track the replies, and turn returned files into one table.",
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"foi {__version__}")
        raise typer.Exit()


@app.callback()
def root(
    ctx: typer.Context,
    workspace: Annotated[
        str | None,
        typer.Option("-w", "--workspace", envvar="FOI_WORKSPACE", help="Workspace folder (default: current folder)."),
    ] = None,
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Show the version and exit.")
    ] = False,
) -> None:
    ctx.obj = {"workspace": workspace}


def sub_app(help: str) -> typer.Typer:
    return typer.Typer(context_settings=CONTEXT, no_args_is_help=True, add_completion=False,
                       rich_markup_mode=None, help=help)


# Command modules register themselves on `app` when imported. Only the module of the command being
# run is imported (a command module pulls in its library: `foi tables` need not load the mail code);
# `foi --help` imports them all, in this order, which is the order it lists the commands in.
MODULES = ("setup_cmds", "batch_cmds", "track_cmds", "mail_cmds", "parse_cmds", "tables_cmds", "output_cmds",
           "escalate_cmds", "demo_cmds")
# Which module registers each top-level command or group (tests/test_cli_lazy.py checks it is complete;
# a command missing here still runs, after every module is loaded to find it).
COMMANDS = {
    "init": "setup_cmds", "bodies": "setup_cmds", "template": "setup_cmds",
    "letters": "batch_cmds", "batch": "batch_cmds",
    "mark": "track_cmds", "history": "track_cmds", "due-date": "track_cmds", "status": "track_cmds",
    "stats": "track_cmds", "due": "track_cmds", "calendar": "track_cmds",
    "send": "mail_cmds", "inbox": "mail_cmds",
    "attach": "parse_cmds", "parse": "parse_cmds", "figures": "parse_cmds", "explain": "parse_cmds",
    "tables": "tables_cmds",
    "export": "output_cmds", "summary": "output_cmds", "report": "output_cmds", "browse": "output_cmds",
    "escalate": "escalate_cmds",
    "demo": "demo_cmds",
}


def load_commands() -> None:
    """Import every command module, as `foi --help` does (for tests and tools that walk the commands)."""
    import importlib

    for module in MODULES:
        importlib.import_module(f"foi.cli.{module}")


def main() -> None:
    try:
        app()
    except SystemExit as exc:
        _end_now(exc)
        raise


def _end_now(exc: SystemExit) -> None:
    """End the process without the interpreter's teardown, which frees every object one by one
    (0.05-0.2 s, a fifth of a small command): exit handlers run, the databases are closed and
    the output is flushed first, exactly as at a normal exit. Where that can't be done the same
    way (another thread still running, an exit message to print, output that can't be flushed,
    a profiler or coverage at work), this returns and Python exits as usual."""
    import atexit
    import os
    import threading

    code = 0 if exc.code is None else exc.code
    run_exit_handlers = getattr(atexit, "_run_exitfuncs", None)
    if type(code) is not int or threading.active_count() > 1 or run_exit_handlers is None:
        return
    if sys.gettrace() is not None or sys.getprofile() is not None or "coverage" in sys.modules:
        return  # a debugger, profiler or coverage writes its results after the program ends
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except (OSError, ValueError):
        return  # a closed pipe: Python reports it as it always does
    import gc

    # Garbage goes as the teardown would send it: a database connection no longer used sits in a
    # reference cycle (with its statement cache) until collected, and closing it folds the WAL back
    # into the database file.
    gc.collect()
    if "foi.db" in sys.modules:
        sys.modules["foi.db"].close_databases()
    run_exit_handlers()
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except (OSError, ValueError):
        code = 120  # what Python exits with when it can't flush its output at the end
    os._exit(code)
