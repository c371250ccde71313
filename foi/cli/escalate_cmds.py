"""`foi escalate`: the next step for every request (chase, internal review, complaint), drafted or sent."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Annotated

import typer

from foi.cli import app
from foi.cli.common import JsonOpt, TodayOpt, parse_day, print_json, split_list, workspace
from foi.errors import FoiError
from foi.workspace import Workspace


@app.command()
def escalate(
    ctx: typer.Context,
    name: str,
    only: Annotated[str | None, typer.Option(help="Only these steps: chase, review, complaint (also wait, none).")]
    = None,
    body: Annotated[str | None, typer.Option("--body", help="Only these bodies: SLUG,SLUG.")] = None,
    write: Annotated[Path | None, typer.Option("--write", metavar="DIR", help="Write the letters (txt and eml) and "
                     "complaint packs into DIR.")] = None,
    send: Annotated[bool, typer.Option("--send", help="Send the letters of the --only steps by e-mail and record "
                    "them (chased, internal-review, ico-complaint).")] = False,
    dry_run: Annotated[bool, typer.Option("--dry-run", help="With --send: show what would go; send nothing.")]
    = False,
    retry_unconfirmed: Annotated[bool, typer.Option("--retry-unconfirmed", help="With --send: send again letters "
                                 "an interrupted run may or may not have sent.")] = False,
    today: TodayOpt = None,
    json_out: JsonOpt = False,
) -> None:
    """The next step for every request of a batch, with its dates: chase, ask for an internal review,
    wait, complain to the Commissioner, or nothing. --write drafts the letters; --send sends them."""
    if write is not None and send:
        raise FoiError("Give --write DIR or --send, not both: write the letters, read them, then send.")
    if (dry_run or retry_unconfirmed) and not send:
        raise FoiError(f"{'--dry-run' if dry_run else '--retry-unconfirmed'} goes with --send.")
    ws = workspace(ctx)
    day = parse_day(today)
    steps, bodies = split_list(only), split_list(body)
    if send:
        _send(ws, name, day, steps, bodies, dry_run, retry_unconfirmed, json_out)
    elif write is not None:
        _write(ws, name, day, steps, bodies, write, json_out)
    else:
        from foi.escalate.plan import describe, plan_batch

        plan = plan_batch(ws, name, today=day, only=steps, bodies=bodies)
        if json_out:
            print_json(plan.as_dict())
            return
        typer.echo("\n".join(describe(plan)))
        actions = [s for s in ("chase", "review", "complaint") if plan.counts().get(s)]
        if actions:
            typer.echo(f"\nDraft the letters: foi escalate {name} --write DIR"
                       + (f" (then send: --send --only {','.join(a for a in actions if a != 'complaint')})"
                          if set(actions) - {"complaint"} else ""))


def _write(ws: Workspace, name: str, day: date, steps: list[str] | None, bodies: list[str] | None, out: Path,
           json_out: bool) -> None:
    from foi.escalate.drafts import write_drafts

    result = write_drafts(ws, name, out, today=day, only=steps, bodies=bodies)
    if json_out:
        print_json({"out": result.out, "counts": result.plan.counts(), "written": result.written,
                    "drafts": [d.as_dict() for d in result.drafts], "no_email": result.no_email,
                    "missing": result.missing})
        return
    letters = sum(1 for d in result.drafts if d.pack is None)
    packs = len(result.drafts) - letters
    typer.echo(f"Wrote {letters} letter(s) and {packs} complaint pack(s) to {result.out}/ (the plan in plan.txt).")
    for draft in result.drafts:
        where = f"{draft.stem}/" if draft.pack is not None else f"{draft.stem}.txt"
        typer.echo(f"  {draft.step.step:<9} {draft.step.body:<20} {where}")
    for item in result.no_email:
        typer.echo(f"  no e-mail for {item['body']}: send the {item['step']} via {item['send_via']} (no .eml written)")
    for missing in result.missing:
        typer.echo(f"Warning: a stored file is missing from a complaint pack: {missing}", err=True)


def _send(ws: Workspace, name: str, day: date, steps: list[str] | None, bodies: list[str] | None, dry_run: bool,
          retry: bool, json_out: bool) -> None:
    from foi.escalate.send import send_escalations

    result = send_escalations(ws, name, today=day, only=steps, bodies=bodies, dry_run=dry_run,
                              retry_unconfirmed=retry)
    if json_out:
        print_json(result.as_dict() | {"dry_run": dry_run})
    else:
        echo = typer.echo
        for item in result.would_send:
            echo(f"would send the {item['step']} for {item['reference']} to {item['body']} <{item['to']}>: "
                 f"{item['subject']}")
        for item in result.sent:
            echo(f"sent the {item['step']} for {item['reference']} to {item['body']} <{item['to']}>")
        for item in result.failed:
            echo(f"not sent: the {item['step']} for {item['reference']} to {item['body']}: {item['error']}")
        for item in result.skipped:
            echo(f"skipped {item['reference']} {item['body']}: {item['reason']}")
        for item in result.unconfirmed:
            echo(f"unconfirmed: the {item['step']} for {item['reference']} to {item['body']} (on {item['on']}) may or "
                 "may not have gone" + ("; sent again" if retry and any(
                     s["reference"] == item["reference"] for s in result.sent) else ""))
        if not dry_run:
            echo(f"Sent {len(result.sent)}, failed {len(result.failed)}, skipped {len(result.skipped)}.")
        if result.interrupted:
            echo(result.interrupted, err=True)
    retried = {s["reference"] for s in result.sent}
    unsettled = not dry_run and any(u["reference"] not in retried for u in result.unconfirmed)
    if result.failed or result.interrupted or unsettled:
        raise typer.Exit(1)
