"""The `foi` command line: a thin typer layer; each command calls one library function.

`FoiError` from the library becomes one line on stderr and exit code 1, here and only here.
"""

from __future__ import annotations

from typing import Annotated, Any

import typer
from typer.core import TyperGroup

from foi import __version__
from foi.errors import FoiError

CONTEXT = {"help_option_names": ["-h", "--help"]}


class FoiGroup(TyperGroup):
    def invoke(self, ctx: Any) -> Any:
        try:
            return super().invoke(ctx)
        except FoiError as exc:
            typer.echo(f"Error: {exc}", err=True)
            raise typer.Exit(1) from None


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


# Command modules register themselves on `app`; importing them here wires them in, in this order.
from foi.cli import setup_cmds  # noqa: E402,F401,I001
from foi.cli import batch_cmds  # noqa: E402,F401
from foi.cli import track_cmds  # noqa: E402,F401
from foi.cli import mail_cmds  # noqa: E402,F401
from foi.cli import parse_cmds  # noqa: E402,F401
from foi.cli import tables_cmds  # noqa: E402,F401
from foi.cli import output_cmds  # noqa: E402,F401
from foi.cli import demo_cmds  # noqa: E402,F401


def main() -> None:
    app()
