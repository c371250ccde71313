"""`foi export`, `foi summary`, `foi report`, `foi browse`."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from foi.cli import app
from foi.cli.common import JsonOpt, TodayOpt, parse_day, print_json, table, workspace


@app.command()
def export(
    ctx: typer.Context,
    name: str,
    what: Annotated[str, typer.Option("--what", help="figures, status or events.")] = "figures",
    fmt: Annotated[str | None, typer.Option(
        "--format", "-f", help="csv, json, ndjson, xlsx or parquet (default: from the file name, else csv).")] = None,
    out: Annotated[str, typer.Option("--out", "-o", help="File to write, or - for standard output.")] = "-",
    excel: Annotated[bool, typer.Option("--excel", help="CSV with a byte-order mark and CRLF, for Excel.")] = False,
    today: TodayOpt = None,
    json_out: JsonOpt = False,
) -> None:
    """Export a batch's figures, status board or event log; every figure names its file and cell."""
    from foi.export import export as export_lib

    result = export_lib(workspace(ctx), name, what=what, fmt=fmt, out=out, excel=excel, today=parse_day(today))
    if result.out == "-":
        return  # standard output carries the data itself
    if json_out:
        print_json({"batch": name, "what": result.what, "format": result.format, "rows": result.rows,
                    "out": result.out, "sheets": result.sheets})
        return
    sheets = f"; sheets {', '.join(result.sheets)}" if result.format == "xlsx" else ""
    typer.echo(f"Wrote {result.rows} row(s) of {result.what} to {result.out} ({result.format}{sheets}).")


@app.command()
def summary(
    ctx: typer.Context,
    name: str,
    by: Annotated[list[str] | None, typer.Option(
        "--by", help="Group by a figure column or any dimension (repeat), e.g. body, outcome_code, sex.")] = None,
    where: Annotated[list[str] | None, typer.Option(
        "--where", help="KEY=VALUE or KEY=V1,V2 (repeat), e.g. offence_code=19C.")] = None,
    totals: Annotated[bool, typer.Option(
        "--totals", help="Sum the totals and aggregates the files state instead of the figures.")] = False,
    json_out: JsonOpt = False,
) -> None:
    """Sum a batch's figures by any columns or dimensions; suppressed cells are counted, never summed;
    stated totals are never added to their parts, nor counts to percentages."""
    from foi.summary import parse_where, summarise

    result = summarise(workspace(ctx).db, name, by=by, where=parse_where(where), include_totals=totals)
    if json_out:
        print_json({"batch": name, "by": result.by, "where": result.where, "rows": result.rows,
                    "total": result.total})
        return
    if not result.rows:
        typer.echo(f"No figures in {name} match." if result.where else
                   f"No figures in {name} yet: run `foi parse {name}`.")
        return
    rows = [[r[k] for k in result.columns] for r in result.rows]
    rows.append(["total", *[""] * (len(result.by) - 1), result.total["value"], result.total["figures"],
                 result.total["suppressed"]])
    table(result.columns, rows)


@app.command()
def report(
    ctx: typer.Context,
    name: str,
    out: Annotated[Path, typer.Option("--out", "-o", help="The HTML file to write.")] = Path("report.html"),
    today: TodayOpt = None,
    json_out: JsonOpt = False,
) -> None:
    """Write a self-contained HTML report of a batch: status, refusals, coverage, figures."""
    from foi.report import build_report

    result = build_report(workspace(ctx), name, out, today=parse_day(today))
    if json_out:
        print_json({"batch": name, "out": result.path, "bodies": result.bodies, "figures": result.figures,
                    "same_wording_groups": result.wording_groups, "metadata": result.metadata})
        return
    typer.echo(f"Wrote {result.path} ({result.bodies} bodies, {result.figures} figures, "
               f"{result.wording_groups} same-wording group(s)).")


@app.command()
def browse(
    ctx: typer.Context,
    port: Annotated[int, typer.Option("--port", "-p", help="Port for Datasette on 127.0.0.1.")] = 8001,
    json_out: JsonOpt = False,
) -> None:
    """Explore the workspace database in Datasette (pip install 'foi[datasette]')."""
    from foi.datasette import browse as browse_lib
    from foi.datasette import browse_command

    ws = workspace(ctx)
    command = browse_command(ws, port)
    if json_out:
        print_json({"url": f"http://127.0.0.1:{port}/", "command": command})
    else:
        typer.echo(f"Datasette on http://127.0.0.1:{port}/ (Ctrl+C to stop)")
    code = browse_lib(ws, port)
    if code:
        raise typer.Exit(code)
