"""What every command shares: finding the workspace, dates, lists and output."""

from __future__ import annotations

import json
import os
import sys
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

if TYPE_CHECKING:
    from foi.workspace import Workspace

JsonOpt = Annotated[bool, typer.Option("--json", help="Print JSON for scripts instead of a table.")]
TodayOpt = Annotated[
    str | None, typer.Option("--today", metavar="YYYY-MM-DD", help="Pretend today is this date (for tests).")
]


def workspace(ctx: typer.Context) -> Workspace:
    from foi.workspace import find_workspace

    root = ctx.find_root()
    path = (root.obj or {}).get("workspace")
    return find_workspace(path)


def parse_day(text: str | None, what: str = "--today") -> date:
    """A YYYY-MM-DD date, read exactly as `--on` and every other date option (week dates and
    basic forms that date.fromisoformat also takes are refused); None means the real today."""
    from foi.deadlines import parse_date

    if text is None:
        return date.today()
    return parse_date(text, what)


def split_list(text: str | None) -> list[str] | None:
    if text is None:
        return None
    items = [part.strip() for part in text.split(",") if part.strip()]
    return items or None


def _default(value: Any) -> Any:
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Path):
        return str(value)
    raise TypeError(f"not JSON serialisable: {type(value).__name__}")


def print_json(data: Any) -> None:
    typer.echo(json.dumps(data, indent=2, ensure_ascii=False, default=_default))


def console() -> Any:
    from rich.console import Console

    # Made per call so that the current stdout (a pipe, a test runner) decides colour and width;
    # piped output gets room for wide tables instead of rich's 80-column default.
    width = None if sys.stdout.isatty() or os.environ.get("COLUMNS") else 200
    return Console(width=width, highlight=False, soft_wrap=False)


def plain(value: Any) -> Any:
    """Text for rich that is shown as written: a subject holding "[/link]" or "[red]" came from a
    message, a file or a user, and is not markup."""
    from rich.text import Text

    return Text("" if value is None else str(value))


def table(columns: list[str], rows: list[list[Any]], title: str | None = None) -> None:
    from rich.table import Table

    tbl = Table(title=plain(title) if title is not None else None, show_lines=False, header_style="bold")
    for column in columns:
        tbl.add_column(plain(column), overflow="fold")
    for row in rows:
        tbl.add_row(*[plain(v) for v in row])
    console().print(tbl)
