"""`foi batch ...` and `foi letters`."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from foi import batches as batches_lib
from foi.cli import app, sub_app
from foi.cli.common import JsonOpt, TodayOpt, parse_day, print_json, split_list, table, workspace
from foi.letters import write_letters
from foi.templating import parse_vars

batch_app = sub_app("Batches: one request sent to many bodies.")
app.add_typer(batch_app, name="batch")

REQUEST_KEYS = ("reference", "body", "body_name", "status", "sent_on", "due_on", "force_reference", "sections",
                "ncnd", "foi_email")


@batch_app.command("create")
def batch_create(
    ctx: typer.Context,
    name: str,
    template: Annotated[str, typer.Option("--template", "-t", help="Template name or file, e.g. request-outcomes.")],
    to: Annotated[str, typer.Option(help="all (the 43 forces), group:NAME, or SLUG,SLUG,...")] = "all",
    var: Annotated[list[str] | None, typer.Option("--var", help="KEY=VALUE for the template (repeat).")] = None,
    subject: Annotated[str | None, typer.Option(help="Subject line; our reference is always included.")] = None,
    schema: Annotated[Path | None, typer.Option(help="TOML file describing the table the replies should give.")]
    = None,
    today: TodayOpt = None,
    json_out: JsonOpt = False,
) -> None:
    """Create a batch with one draft request per body."""
    ws = workspace(ctx)
    schema_spec = None
    if schema is not None:
        from foi.schema import schema_from_toml

        schema_spec = schema_from_toml(schema)
    batch = batches_lib.create_batch(ws, name, template=template, to=to, vars=parse_vars(var), subject=subject,
                                     schema=schema_spec, today=parse_day(today))
    requests = batches_lib.batch_requests(ws.db, name)
    if json_out:
        print_json({"batch": name, "template": batch["template"], "requests": len(requests),
                    "references": [r["reference"] for r in requests]})
        return
    typer.echo(f"Created batch {name}: {len(requests)} draft requests, "
               f"{requests[0]['reference']} to {requests[-1]['reference']}.")


@batch_app.command("list")
def batch_list(ctx: typer.Context, json_out: JsonOpt = False) -> None:
    """List batches with their request counts."""
    rows = batches_lib.list_batches(workspace(ctx).db)
    if json_out:
        print_json(rows)
        return
    table(["batch", "template", "requests", "by status", "created"],
          [[r["name"], r["template"], r["requests"],
            ", ".join(f"{k} {v}" for k, v in sorted(r["by_status"].items())), r["created_at"][:10]] for r in rows])


@batch_app.command("show")
def batch_show(ctx: typer.Context, name: str, json_out: JsonOpt = False) -> None:
    """Show a batch and its requests."""
    ws = workspace(ctx)
    batch = batches_lib.get_batch(ws.db, name)
    requests = batches_lib.batch_requests(ws.db, name)
    if json_out:
        print_json({"batch": name, "template": batch["template"], "subject": batch["subject"], "vars": batch["vars"],
                    "schema": batch["schema"], "created_at": batch["created_at"],
                    "requests": [{k: r.get(k) for k in REQUEST_KEYS} | {"ncnd": bool(r["ncnd"])} for r in requests]})
        return
    typer.echo(f"Batch {name}: template {batch['template']}, subject {batch['subject']!r}")
    if batch["vars"]:
        typer.echo("vars: " + ", ".join(f"{k}={v}" for k, v in batch["vars"].items()))
    table(["reference", "body", "status", "e-mail"],
          [[r["reference"], r["body"], r["status"], r["foi_email"] or "-"] for r in requests])


@batch_app.command("add")
def batch_add(ctx: typer.Context, name: str, slugs: list[str], today: TodayOpt = None,
              json_out: JsonOpt = False) -> None:
    """Add bodies to a batch as new draft requests."""
    refs = batches_lib.add_bodies(workspace(ctx), name, slugs, today=parse_day(today))
    if json_out:
        print_json({"batch": name, "added": refs})
    else:
        typer.echo(f"Added {len(refs)} request(s) to {name}: {', '.join(refs)}")


@batch_app.command("remove")
def batch_remove(ctx: typer.Context, name: str, slugs: list[str], json_out: JsonOpt = False) -> None:
    """Remove bodies from a batch (only while their request is a draft)."""
    removed = batches_lib.remove_bodies(workspace(ctx), name, slugs)
    if json_out:
        print_json({"batch": name, "removed": removed})
    else:
        typer.echo(f"Removed from {name}: {', '.join(removed)}")


@app.command()
def letters(
    ctx: typer.Context,
    name: str,
    out: Annotated[Path, typer.Option("--out", "-o", help="Folder for the letters.")] = Path("letters"),
    fmt: Annotated[str, typer.Option("--format", "-f", help="txt, md or eml.")] = "txt",
    only: Annotated[str | None, typer.Option(help="Only these bodies: SLUG,SLUG.")] = None,
    template: Annotated[str | None, typer.Option(help="Another template, e.g. chaser or internal-review.")] = None,
    only_status: Annotated[str | None, typer.Option("--only-status", help="Only requests with these board "
                           "statuses on --today, e.g. overdue.")] = None,
    today: TodayOpt = None,
    json_out: JsonOpt = False,
) -> None:
    """Write one letter per request of a batch."""
    ws = workspace(ctx)
    result = write_letters(ws, name, out=out, fmt=fmt, today=parse_day(today), only=split_list(only),
                           template=template, only_status=split_list(only_status))
    if json_out:
        print_json({"out": str(out), "written": [str(p) for p in result.written], "no_email": result.no_email})
        return
    typer.echo(f"Wrote {len(result.written)} letter(s) to {out}/")
    for item in result.no_email:
        skipped = " (no .eml written)" if fmt == "eml" else ""
        typer.echo(f"  no e-mail for {item['body']} ({item['name']}): send via {item['send_via']}{skipped}")
