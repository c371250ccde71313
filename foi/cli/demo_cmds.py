"""`foi demo`: the whole job on bundled sample replies, through a local SMTP server."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

import typer

from foi.cli import app
from foi.cli.common import JsonOpt, parse_day, print_json


def _where(result: dict[str, Any]) -> list[tuple[str, str, str]]:
    """(label, path, what it is) for each output, in the order a newcomer would open them."""
    return [
        ("report", result["report"], "open in a browser: board, refusals, figures, coverage"),
        ("figures xlsx", result["exports"]["xlsx"], "every figure with its file, sheet/page and cell"),
        ("figures csv", result["exports"]["csv"], "the same, as CSV"),
        ("database", result["database"], "SQLite: requests, events, messages, documents, figures"),
        ("replies", result["responses"], "each force's saved mails, attachments and sent request"),
        ("escalations", result["escalations"]["out"], "chasers and internal review requests, from the record"),
        ("smtp sink", result["smtp_sink"], "the 43 requests as the local SMTP server received them"),
        ("settings", result["config"], "foi.toml; [smtp] points at the stopped demo server"),
        ("workspace", result["workspace"], "run further commands here"),
    ]


@app.command()
def demo(
    path: Annotated[Path, typer.Argument(help="Folder for the demo workspace (created; must be empty).")]
    = Path("foi-demo"),
    today: Annotated[str | None, typer.Option(
        "--today", metavar="YYYY-MM-DD",
        help="Show the board as of this day (default 2026-11-21; the requests go out on 2026-10-01).")] = None,
    force: Annotated[bool, typer.Option(
        "--force", help="Delete and rebuild a demo workspace made earlier by `foi demo` (nothing else).")] = False,
    json_out: JsonOpt = False,
) -> None:
    """Run the whole job on sample replies: batch, send, import, parse, board, summary, report.

    The requests go to the 43 forces through an SMTP server started on 127.0.0.1 for the run, so
    nothing leaves this machine; the replies are bundled samples (a spreadsheet, a PDF letter, a
    Windows CSV, a Word table, acknowledgements, refusals, an NCND and silence).
    """
    from foi.demo import DEFAULT_TODAY, run_demo

    day = parse_day(today) if today else DEFAULT_TODAY
    if json_out:
        print_json(run_demo(path, today=day, force=force, echo=lambda _: None))
        return
    result = run_demo(path, today=day, force=force, echo=typer.echo)
    typer.echo(f"\nDone in {result['seconds']:.1f} s. Where everything lives:")
    for label, where, what in _where(result):
        typer.echo(f"  {label:<13} {where}  ({what})")
    typer.echo("\nTry next:")
    for command, why in next_commands(result):
        typer.echo(f"  {command}    # {why}")


def next_commands(result: dict[str, Any]) -> list[tuple[str, str]]:
    """Commands to try in the demo workspace, with why."""
    import shlex

    ws = f"foi -w {shlex.quote(result['workspace'])}"
    return [
        (f"{ws} status {result['batch']} --today {result['today']}", "the status board"),
        (f"{ws} figures {result['batch']} --body durham", "Durham's figures, each with its cell"),
        (f"{ws} explain 1", "where one figure came from"),
        (f"{ws} escalate {result['batch']} --today {result['today']} --only review",
         "who refused, and the review to ask for by when"),
    ]
