"""What every command shares: finding the workspace, dates, lists and output."""

from __future__ import annotations

import json
import os
import sys
from datetime import date
from pathlib import Path
from typing import Annotated, Any

import typer

from foi.errors import FoiError
from foi.workspace import Workspace, find_workspace

JsonOpt = Annotated[bool, typer.Option("--json", help="Print JSON for scripts instead of a table.")]
TodayOpt = Annotated[
    str | None, typer.Option("--today", metavar="YYYY-MM-DD", help="Pretend today is this date (for tests).")
]


def workspace(ctx: typer.Context) -> Workspace:
    root = ctx.find_root()
    path = (root.obj or {}).get("workspace")
    return find_workspace(path)


def parse_day(text: str | None, what: str = "--today") -> date:
    """A YYYY-MM-DD date; None means the real today."""
    if text is None:
        return date.today()
    try:
        return date.fromisoformat(text)
    except ValueError as exc:
        raise FoiError(f"Bad date {text!r} for {what}: use YYYY-MM-DD, e.g. 2026-12-18.") from exc


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


def table(columns: list[str], rows: list[list[Any]], title: str | None = None) -> None:
    from rich.table import Table

    tbl = Table(title=title, show_lines=False, header_style="bold")
    for column in columns:
        tbl.add_column(column, overflow="fold")
    for row in rows:
        tbl.add_row(*["" if v is None else str(v) for v in row])
    console().print(tbl)
