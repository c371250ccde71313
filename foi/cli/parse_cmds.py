"""`foi attach`, `foi parse`, `foi figures`, `foi explain`."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from foi.cli import app
from foi.cli.common import JsonOpt, print_json, table, workspace
from foi.figures import filing, parsing, query, review


@app.command()
def attach(
    ctx: typer.Context,
    name: Annotated[str, typer.Argument(help="Batch name.")],
    slug: Annotated[str, typer.Argument(help="The body that sent the files.")],
    files: Annotated[list[Path], typer.Argument(help="Files to store (a zip is unpacked, with limits).")],
    json_out: JsonOpt = False,
) -> None:
    """File documents obtained by hand, such as portal downloads, under responses/NAME/SLUG/."""
    results = filing.attach(workspace(ctx), name, slug, files)
    if json_out:
        print_json(results)
        return
    for item in results:
        if "refused" in item:
            typer.echo(f"refused  {item['file']}: {item['refused']}")
        else:
            state = "already stored" if item["duplicate"] else "stored"
            typer.echo(f"{state:14} {item['path']}  sha256 {item['sha256'][:12]}")


def _progress_callback(total: int):  # pragma: no cover - only on a terminal
    from rich.progress import Progress

    progress = Progress(transient=True)
    task = progress.add_task("parsing", total=total)
    progress.start()

    def step(path: str) -> None:
        from rich.markup import escape

        # A file name comes from whoever sent the file: shown as written, never as markup.
        progress.update(task, advance=1, description=escape(f"parsing {Path(path).name[:40]}"))

    return progress, step


@app.command()
def parse(
    ctx: typer.Context,
    name: Annotated[str, typer.Argument(help="Batch name.")],
    body: Annotated[str | None, typer.Option(help="Only this body's files.")] = None,
    file: Annotated[str | None, typer.Option(help="Only this file (path, stored name or document id).")] = None,
    map_: Annotated[list[str] | None, typer.Option("--map", help="HEADER=TARGET: read a column or header as a "
                                                   "dimension (period, body, offence, outcome, sex, age_group, "
                                                   "ethnicity, area, measure, unit or a name of your own), as "
                                                   "value or ignore (repeat); kept in FILE.foi.toml beside the "
                                                   "file.")] = None,
    json_out: JsonOpt = False,
) -> None:
    """Read every reply file of a batch into figures, and report what was and wasn't understood."""
    ws = workspace(ctx)
    mapping = review.parse_map_options(map_)
    progress = None
    step = None
    if sys.stdout.isatty() and not json_out:  # pragma: no cover - a bar only for people
        count = ws.db.execute("SELECT COUNT(*) FROM documents WHERE batch = ?", [name]).fetchone()[0]
        if count > 3:
            progress, step = _progress_callback(count)
    try:
        reports = parsing.parse_batch(ws, name, body=body, file=file, mapping=mapping, progress=step)
    finally:
        if progress is not None:
            progress.stop()
    if json_out:
        print_json([r.as_dict() for r in reports])
        return
    if not reports:
        typer.echo(f"No files for {name} yet: `foi inbox import` replies or `foi attach {name} SLUG FILE`.")
        return
    table(["body", "file", "reader", "status", "tables", "figures", "totals", "suppressed", "not understood"],
          [[r.body, Path(r.path).name, r.reader, r.status, r.tables, r.figures, r.totals, r.suppressed,
            len(r.not_understood)] for r in reports])
    hinted = False
    for report in reports:
        lines = [*(f"warning: {w}" for w in report.warnings),
                 *(f"not understood {n['location']}: {n['reason']}" for n in report.not_understood[:10])]
        if report.error:
            lines.insert(0, f"{report.status}: {report.error}")
        if report.status == "needs-review":
            lines.append(f"fix: foi parse {name} --file {report.document_id} --map 'HEADER=TARGET'")
            if not hinted:
                lines.append(f"     ({review.hint()})")
                hinted = True
        if lines:
            typer.echo(f"\n{report.body} {Path(report.path).name}:")
            for line in lines:
                typer.echo(f"  {line}")
    total = sum(r.figures for r in reports)
    typer.echo(f"\n{len(reports)} file(s), {total} figure(s).")


@app.command()
def figures(
    ctx: typer.Context,
    name: Annotated[str, typer.Argument(help="Batch name.")],
    body: Annotated[str | None, typer.Option(help="Only this body.")] = None,
    json_out: JsonOpt = False,
) -> None:
    """List the figures parsed for a batch, each with where it came from."""
    rows = query.list_figures(workspace(ctx), name, body)
    if json_out:
        print_json(rows)
        return
    shown = {"period", "offence", "outcome", "body", "table"}  # the caption: in `foi explain` and --json
    table(["id", "body", "period", "offence", "outcome", "other labels", "value", "source"],
          [[r["id"], r["body"], r["period_label"], r["offence_code"] or r["offence"], r["outcome_code"] or r["outcome"],
            "; ".join(f"{k}: {v}" for k, v in r["dims"].items() if k not in shown),
            _value(r), f"{Path(r['source_file']).name} {r['location']}"] for r in rows],
          title=f"{len(rows)} figures")


def _value(figure: dict) -> str:
    """A figure's value as the table shows it: suppression markers, units and totals said."""
    if figure["suppressed"] is not None:
        text = f"suppressed ({figure['suppressed']})"
    else:
        text = _number(figure["value"])
        unit = figure.get("unit")
        if unit:
            text = f"{text}%" if unit == "%" else f"{text} ({unit})"
    return f"{text} (total)" if figure.get("total") else text


_SOURCES = {"row": "row label", "column": "column header", "section": "section heading", "parent": "parent row",
            "title": "title", "sheet": "sheet name"}


def _label_detail(label: dict) -> str:
    """What a label means and where it came from, for `foi explain`."""
    said = []
    if label["period_start"]:
        said.append(f"{label['period_start']} to {label['period_end']}")
    if label["code"]:
        said.append({"offence": "Home Office code ", "outcome": "outcome type ",
                     "body": "body "}.get(label["dimension"], "code ") + label["code"])
    if label["aggregate"]:
        said.append("an aggregate")
    where = _SOURCES.get(label["source"] or "", label["source"] or "")
    if where:
        header = label["header"]
        at = f" {header!r}" if header and header not in (label["dimension"], label["source"]) else ""
        said.append(f"{where}{at}")
    if label["note"]:
        said.append(f"note {label['note']}")
    return f"  ({'; '.join(said)})" if said else ""


def _number(value: float | None) -> str:
    if value is None:
        return ""
    return str(int(value)) if float(value).is_integer() else str(value)


@app.command()
def explain(
    ctx: typer.Context,
    figure_id: Annotated[int, typer.Argument(help="A figure id from `foi figures`.")],
    json_out: JsonOpt = False,
) -> None:
    """Show where one figure came from: file, hash, sheet or page, cell and the text as written."""
    info = query.explain_figure(workspace(ctx), figure_id)
    if json_out:
        print_json(info)
        return
    figure, document = info["figure"], info["document"]
    typer.echo(f"figure {figure['id']}: {_value(figure)}")
    sender = f" (the file came from {figure['sender']})" if figure["sender"] != figure["body"] else ""
    typer.echo(f"  body      {figure['body']}{sender}")
    for label in info["labels"]:
        typer.echo(f"  {label['dimension']:9} {label['label']}{_label_detail(label)}")
    typer.echo(f"  file      {document['path']}  (sent as {document['original_name']!r}, via {document['source']})")
    typer.echo(f"  sha256    {figure['source_sha256']}  "
               f"({'unchanged' if info['file_unchanged'] else 'FILE CHANGED OR MISSING since parsing'})")
    where = [f"sheet {figure['sheet']!r}" if figure["sheet"] else None,
             f"page {figure['page']}" if figure["page"] else None]
    typer.echo(f"  where     {figure['location']}" + "".join(f", {w}" for w in where if w))
    typer.echo(f"  as written {figure['raw']!r}  (read by {document['reader']})")
    if info["message"]:
        message = info["message"]
        typer.echo(f"  arrived   {message['date']} from {message['from_addr']}: {message['subject']}")
