"""`foi init`, `foi bodies ...` and `foi template check`."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from foi import bodies as bodies_lib
from foi.cli import app, sub_app
from foi.cli.common import JsonOpt, TodayOpt, parse_day, print_json, table, workspace
from foi.templating import check_template, parse_vars
from foi.workspace import init_workspace

bodies_app = sub_app("The public bodies requests go to: the 43 forces and any you add.")
template_app = sub_app("Letter templates.")
app.add_typer(bodies_app, name="bodies")
app.add_typer(template_app, name="template")

BODY_COLUMNS = ("slug", "name", "ons_code", "region", "act", "grp", "website", "foi_email", "email_source",
                "portal", "note", "aliases")


@app.command()
def init(
    path: Annotated[Path, typer.Argument(help="Folder for the workspace (created if missing).")] = Path("."),
    name: Annotated[str, typer.Option(help="Your name, for letters.")] = "",
    email: Annotated[str, typer.Option(help="Your e-mail address: letters come from it.")] = "",
    organisation: Annotated[str, typer.Option(help="Your organisation.")] = "",
    address: Annotated[str, typer.Option(help="Your postal address.")] = "",
    json_out: JsonOpt = False,
) -> None:
    """Create a workspace: foi.toml, db/foi.db with the 43 forces, templates/ and responses/."""
    ws = init_workspace(path, name=name, email=email, organisation=organisation, address=address)
    count = ws.db.execute("SELECT COUNT(*) FROM bodies").fetchone()[0]
    if json_out:
        print_json({"workspace": str(ws.root), "config": str(ws.root / "foi.toml"), "database": str(ws.db_path),
                    "bodies": count})
        return
    typer.echo(f"Workspace ready at {ws.root}")
    typer.echo(f"  settings   {ws.root / 'foi.toml'}  (add your name, e-mail and address)")
    typer.echo(f"  database   {ws.db_path}  ({count} bodies)")
    typer.echo(f"  templates  {ws.templates_dir}")
    typer.echo(f"  responses  {ws.responses_dir}")


def _body_json(body: dict) -> dict:
    out = {key: body.get(key) for key in BODY_COLUMNS}
    out["group"] = out.pop("grp")
    return out


@bodies_app.command("list")
def bodies_list(
    ctx: typer.Context,
    group: Annotated[str, typer.Option("--group", "-g", help="england-wales (default), other-uk, custom or any.")]
    = "england-wales",
    json_out: JsonOpt = False,
) -> None:
    """List bodies (the 43 forces of England and Wales by default)."""
    rows = bodies_lib.list_bodies(workspace(ctx).db, group)
    if json_out:
        print_json([_body_json(r) for r in rows])
        return
    table(["slug", "name", "act", "region", "FOI e-mail"],
          [[r["slug"], r["name"], r["act"], r["region"], r["foi_email"] or f"(none: {r['portal'] or r['website']})"]
           for r in rows], title=f"{len(rows)} bodies")


@bodies_app.command("show")
def bodies_show(ctx: typer.Context, slug: str, json_out: JsonOpt = False) -> None:
    """Show one body."""
    body = bodies_lib.get_body(workspace(ctx).db, slug)
    if json_out:
        print_json(_body_json(body))
        return
    for key, value in _body_json(body).items():
        if isinstance(value, list):
            value = ", ".join(value)
        typer.echo(f"{key:13} {value if value not in (None, '') else '-'}")


@bodies_app.command("set")
def bodies_set(
    ctx: typer.Context,
    slug: str,
    email: Annotated[str | None, typer.Option(help="FOI e-mail address (empty to clear).")] = None,
    portal: Annotated[str | None, typer.Option(help="Online request form (https://...).")] = None,
    note: Annotated[str | None, typer.Option(help="A note, e.g. 'prefers the portal'.")] = None,
    json_out: JsonOpt = False,
) -> None:
    """Correct a body's FOI e-mail, portal or note."""
    body = bodies_lib.set_body(workspace(ctx).db, slug, email=email, portal=portal, note=note)
    if json_out:
        print_json(_body_json(body))
    else:
        typer.echo(f"Updated {slug}: e-mail {body['foi_email'] or '-'}, portal {body['portal'] or '-'}")


@bodies_app.command("import")
def bodies_import(ctx: typer.Context, file: Path, json_out: JsonOpt = False) -> None:
    """Add or update bodies from a CSV (slug, name, act, group, website, foi_email, portal, note, aliases)."""
    counts = bodies_lib.import_bodies(workspace(ctx).db, file)
    if json_out:
        print_json(counts)
    else:
        typer.echo(f"Imported {file}: {counts['added']} added, {counts['updated']} updated.")


@template_app.command("check")
def template_check(
    ctx: typer.Context,
    template: str,
    to: Annotated[str, typer.Option(help="all, group:NAME or SLUG,SLUG.")] = "all",
    var: Annotated[list[str] | None, typer.Option("--var", help="KEY=VALUE for the template (repeat).")] = None,
    today: TodayOpt = None,
    json_out: JsonOpt = False,
) -> None:
    """Render a template for every recipient and report each one that fails."""
    ws = workspace(ctx)
    recipients = bodies_lib.select_bodies(ws.db, to)
    failures = check_template(ws, template, recipients, vars=parse_vars(var), today=parse_day(today))
    if json_out:
        print_json({"template": template, "recipients": len(recipients),
                    "failures": [{"body": f.body, "error": f.error} for f in failures]})
    else:
        for failure in failures:
            typer.echo(f"{failure.body}: {failure.error}", err=True)
        typer.echo(f"{template}: {len(recipients) - len(failures)} of {len(recipients)} recipients render.")
    if failures:
        raise typer.Exit(1)
