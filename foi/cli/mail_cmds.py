"""`foi send` and `foi inbox ...`."""

from __future__ import annotations

import sys
from contextlib import nullcontext
from pathlib import Path
from typing import Annotated, Any

import typer

from foi.cli import app, sub_app
from foi.cli.common import JsonOpt, TodayOpt, parse_day, print_json, split_list, table, workspace
from foi.errors import FoiError

inbox_app = sub_app("Replies: import them, see what didn't match, file it by hand.")
app.add_typer(inbox_app, name="inbox")


def _progress_bar(enabled: bool, total: int, what: str) -> Any:
    """A rich progress bar on a terminal; nothing when piped or printing JSON."""
    if not enabled or total == 0 or not sys.stdout.isatty():
        return nullcontext(None)
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

    progress = Progress(TextColumn(what), BarColumn(), MofNCompleteColumn(), TextColumn("{task.description}"),
                        transient=True)
    progress.add_task("", total=total)
    return progress


@app.command()
def send(
    ctx: typer.Context,
    name: str,
    dry_run: Annotated[bool, typer.Option("--dry-run", help="Show what would be sent; send nothing.")] = False,
    only: Annotated[str | None, typer.Option(help="Only these bodies: SLUG,SLUG.")] = None,
    limit: Annotated[int | None, typer.Option(help="Send at most N messages this run.")] = None,
    delay: Annotated[float, typer.Option(help="Seconds to wait between messages.")] = 0.0,
    retry_unconfirmed: Annotated[bool, typer.Option(
        "--retry-unconfirmed", help="Send again requests an earlier run left as `sending`.")] = False,
    outbox: Annotated[Path | None, typer.Option(help="Write .eml files here instead of sending.")] = None,
    mark_sent: Annotated[bool, typer.Option("--mark-sent", help="With --outbox: record them as sent.")] = False,
    today: TodayOpt = None,
    json_out: JsonOpt = False,
) -> None:
    """Send a batch's draft requests by e-mail (SMTP settings in foi.toml [smtp])."""
    from foi.batches import batch_requests
    from foi.mail.send import send_batch

    ws = workspace(ctx)
    total = len([r for r in batch_requests(ws.db, name, split_list(only)) if r["status"] in ("draft", "failed")])
    if limit:
        total = min(total, limit)
    bar_cm = _progress_bar(not json_out and not dry_run, total, "sending" if outbox is None else "writing")
    with bar_cm as bar:
        def advance(item: dict[str, Any]) -> None:
            if bar is not None:
                from rich.markup import escape

                bar.update(bar.task_ids[0], advance=1, description=escape(f"{item['body']} {item['outcome']}"))

        result = send_batch(ws, name, today=parse_day(today), only=split_list(only), limit=limit, delay=delay,
                            dry_run=dry_run, retry_unconfirmed=retry_unconfirmed, outbox=outbox,
                            mark_sent=mark_sent, progress=advance)
    if json_out:
        print_json({"batch": name, "dry_run": dry_run, "sent": result.sent, "failed": result.failed,
                    "unconfirmed": result.unconfirmed, "skipped": result.skipped,
                    "already_sent": result.already_sent, "remaining": result.remaining,
                    "written": [str(p) for p in result.written], "would_send": result.would_send,
                    "interrupted": result.interrupted, "in_doubt": result.in_doubt})
    else:
        _send_summary(name, result, dry_run, outbox, mark_sent, retry_unconfirmed)
    # Anything refused, interrupted or still in doubt needs the user: a script must not read success.
    if result.failed or result.interrupted or result.in_doubt:
        raise typer.Exit(1)


def _send_summary(name: str, result: Any, dry_run: bool, outbox: Path | None, mark_sent: bool,
                  retry: bool) -> None:
    echo = typer.echo
    if dry_run:
        for item in result.would_send:
            echo(f"would send {item['reference']} to {item['body']} <{item['to']}>: {item['subject']}")
        echo(f"Dry run: {len(result.would_send)} message(s) would be sent; nothing was sent.")
    elif outbox is not None:
        marked = "; marked as sent" if mark_sent else "; not marked as sent (add --mark-sent once you send them)"
        echo(f"Wrote {len(result.written)} message(s) to {outbox}/{marked if result.written else ''}")
    else:
        echo(f"Sent {len(result.sent)} of {name}'s requests.")
    if result.already_sent:
        echo(f"{result.already_sent} already sent or answered: not sent again.")
    for item in result.skipped:
        echo(f"skipped {item['reference']} ({item['body']}): {item['reason']}")
    if result.unconfirmed:
        refs = ", ".join(f"{u['reference']} ({u['body']})" for u in result.unconfirmed)
        if retry:
            echo(f"Retried after an unconfirmed earlier attempt: {refs}")
        else:
            echo(f"Unconfirmed: {refs} were being sent when an earlier run stopped, and may have gone. "
                 f"Check your sent mail, then `foi send {name} --retry-unconfirmed` or "
                 f"`foi mark {name} SLUG sent`.")
    for item in result.failed:
        echo(f"FAILED {item['reference']} ({item['body']} <{item['to']}>): {item['error']}", err=True)
    if result.failed:
        echo(f"{len(result.failed)} refused by the server, recorded as failed. Run `foi send {name}` again to retry "
             "them (first fix any address the server says is wrong: `foi bodies set SLUG --email ...`).", err=True)
    if result.in_doubt and not dry_run and outbox is None:
        refs = ", ".join(f"{u['reference']} ({u['body']})" for u in result.in_doubt)
        echo(f"In doubt: {refs} may or may not have reached the server. Check your sent mail, then "
             f"`foi mark {name} SLUG sent` for those that went, or `foi send {name} --retry-unconfirmed`.", err=True)
    if result.interrupted:
        echo(result.interrupted, err=True)
    elif result.remaining:
        echo(f"{len(result.remaining)} not sent yet (--limit): run `foi send {name}` again.")


def _item_json(item: Any) -> dict[str, Any]:
    return {"origin": item.origin, "message_id": item.message_id, "row": item.row, "outcome": item.outcome,
            "reference": item.reference, "body": item.body, "matched_by": item.matched_by, "kind": item.kind,
            "classified": item.classified, "evidence": item.evidence, "note": item.note,
            "documents": item.documents, "refused": item.refusals}


def _import_report(result: Any, json_out: bool) -> None:
    if json_out:
        print_json({"counts": result.counts(), "messages": [_item_json(i) for i in result.items],
                    "errors": result.errors})
        return
    rows = [[i.row, i.outcome, i.reference or "-", i.body or "-", i.kind or "-", i.matched_by or "-",
             len(i.documents)] for i in result.items]
    if rows:
        table(["#", "outcome", "request", "body", "recorded", "matched by", "files"], rows)
    for item in result.items:
        for refusal in item.refusals:
            typer.echo(f"refused in message {item.row}: {refusal}", err=True)
        if item.note and item.outcome != "ours":  # one line for all of ours, below
            typer.echo(f"message {item.row}: {item.note}")
    for error in result.errors:
        typer.echo(f"not imported: {error['origin']}: {error['error']}", err=True)
    counts = result.counts()
    # Only said when there are some, so an import of an ordinary inbox reads as it always has.
    ours = f"; {counts['ours']} ours, skipped" if counts["ours"] else ""
    typer.echo(f"{counts['imported']} imported, {counts['duplicate']} already there, {counts['unmatched']} unmatched, "
               f"{counts['needs-review']} to review, {counts['errors']} not readable{ours}.")
    if counts["ours"]:
        typer.echo("Skipped messages you sent (from your [requester] email, or requests foi sent): they aren't "
                   "replies.")
    if counts["unmatched"]:
        typer.echo("See `foi inbox unmatched`, then `foi inbox assign MSG BATCH SLUG`.")
    if counts["needs-review"]:
        typer.echo("See `foi inbox review`.")


@inbox_app.command("import")
def inbox_import(
    ctx: typer.Context,
    paths: Annotated[list[Path], typer.Argument(help=".eml, .mbox or .msg files, Maildir or other folders.")],
    batch: Annotated[str | None, typer.Option(help="Replies from a body are about its request in this batch.")]
    = None,
    today: TodayOpt = None,
    json_out: JsonOpt = False,
) -> None:
    """Import replies: match each to its request, read it, store its attachments."""
    from foi.mail.inbox import import_paths

    result = import_paths(workspace(ctx), paths, today=parse_day(today), batch=batch)
    _import_report(result, json_out)
    if result.errors or any(item.outcome == "unreadable" for item in result.items):
        raise typer.Exit(1)


@inbox_app.command("fetch")
def inbox_fetch(
    ctx: typer.Context,
    folder: Annotated[str | None, typer.Option(help="IMAP folder (default: [imap] folder, INBOX).")] = None,
    since: Annotated[str | None, typer.Option(metavar="YYYY-MM-DD", help="Only messages since this date.")]
    = None,
    batch: Annotated[str | None, typer.Option(help="Replies from a body are about its request in this batch.")]
    = None,
    today: TodayOpt = None,
    json_out: JsonOpt = False,
) -> None:
    """Import replies straight from an IMAP mailbox ([imap] in foi.toml, password in FOI_IMAP_PASSWORD)."""
    from foi.mail.inbox import fetch

    since_day = parse_day(since, "--since") if since else None
    result = fetch(workspace(ctx), today=parse_day(today), folder=folder, since=since_day, batch=batch)
    _import_report(result, json_out)
    if result.errors or any(item.outcome == "unreadable" for item in result.items):
        raise typer.Exit(1)


@inbox_app.command("unmatched")
def inbox_unmatched(ctx: typer.Context, json_out: JsonOpt = False) -> None:
    """Messages that matched no request (nothing is ever dropped)."""
    from foi.mail.inbox import list_unmatched

    rows = list_unmatched(workspace(ctx))
    if json_out:
        print_json(rows)
        return
    if not rows:
        typer.echo("No unmatched messages.")
        return
    table(["#", "date", "from", "subject", "sender looks like"],
          [[r["id"], r["date"], r["from_addr"], r["subject"], r["guess"] or "-"] for r in rows])
    typer.echo("File one with `foi inbox assign # BATCH SLUG`.")


@inbox_app.command("assign")
def inbox_assign(
    ctx: typer.Context,
    message: Annotated[str, typer.Argument(metavar="MSG_ID",
                                           help="Number from `foi inbox unmatched`, or Message-ID.")],
    name: Annotated[str, typer.Argument(metavar="NAME", help="Batch.")],
    slug: Annotated[str, typer.Argument(metavar="SLUG", help="Body.")],
    today: TodayOpt = None,
    json_out: JsonOpt = False,
) -> None:
    """File an unmatched message under a request, then read and record it."""
    from foi.mail.inbox import assign_message

    item = assign_message(workspace(ctx), message, name, slug, today=parse_day(today))
    if json_out:
        print_json(_item_json(item))
        return
    typer.echo(f"Message {item.row} filed under {item.reference} ({item.body}): recorded {item.kind}"
               + (f", {len(item.documents)} file(s) stored" if item.documents else "") + ".")
    if item.note:
        typer.echo(item.note)


@inbox_app.command("review")
def inbox_review(
    ctx: typer.Context,
    batch: Annotated[str | None, typer.Option(help="Only this batch.")] = None,
    all_: Annotated[bool, typer.Option("--all", help="Include those already dealt with.")] = False,
    accept: Annotated[list[str] | None, typer.Option("--accept", metavar="ID",
                      help="Record foi's best guess for this reply (repeat for more).")] = None,
    set_: Annotated[tuple[str, str] | None, typer.Option("--set", metavar="ID STATUS",
                    help="Record what this reply is instead of foi's guess.")] = None,
    section: Annotated[list[str] | None, typer.Option("--section", "-s", help="With --set: FOIA section cited "
                       "(repeat); default: the sections foi read.")] = None,
    ncnd: Annotated[bool | None, typer.Option("--ncnd/--no-ncnd", help="With --set: neither confirm nor deny.")]
    = None,
    until: Annotated[str | None, typer.Option(metavar="YYYY-MM-DD", help="With --set extended: the new due date.")]
    = None,
    received: Annotated[str | None, typer.Option(metavar="YYYY-MM-DD", help="With --set acknowledged: the date "
                        "of receipt they state.")] = None,
    ref: Annotated[str | None, typer.Option("--ref", help="With --set: their reference.")] = None,
    note: Annotated[str | None, typer.Option(help="With --set: a note kept with the event.")] = None,
    interactive: Annotated[bool | None, typer.Option("--interactive/--list", help="Go through them one by one "
                           "(the default in a terminal), or only list them.")] = None,
    json_out: JsonOpt = False,
) -> None:
    """Replies foi would not decide on its own, each with its best guess: Enter accepts it, or
    type what it is. Scripts: --accept ID, --set ID STATUS, --json."""
    from foi import tracking
    from foi.mail import review

    ws = workspace(ctx)
    decided = []
    for key in accept or []:
        decided.append(review.accept(ws, key))
    if set_ is not None:
        sections = [s for text in section or [] for s in tracking.split_sections(text)] if section else None
        decided.append(review.decide(ws, set_[0], set_[1], sections=sections, ncnd=ncnd,
                                     until=parse_day(until, "--until") if until else None,
                                     received=parse_day(received, "--received") if received else None,
                                     force_reference=ref, note=note))
    elif section or ncnd is not None or until or received or ref or note:
        raise FoiError("--section, --ncnd, --until, --received, --ref and --note go with --set ID STATUS.")
    if decided:
        if json_out:
            print_json([d.__dict__ for d in decided])
        else:
            for d in decided:
                how = "as foi read it" if d.accepted else "by hand"
                typer.echo(f"Reply {d.key} ({d.body}, {d.reference}): recorded {d.kind} {how}; now {d.status}.")
        return
    items = review.pending(ws, batch, include_done=all_)
    if json_out:
        print_json([i.as_dict() for i in items])
        return
    if not items:
        typer.echo("Nothing to review.")
        return
    if interactive or (interactive is None and sys.stdin.isatty() and sys.stdout.isatty() and not all_):
        _review_interactively(ws, items)
        return
    table(["#", "date", "request", "body", "status", "best guess", "evidence"],
          [[i.key, i.on, i.reference, i.body, i.status, _guess(i), i.evidence or "-"] for i in items])
    typer.echo("Accept a guess with `foi inbox review --accept #`, or correct it with "
               "`foi inbox review --set # STATUS`.")


def _guess(item: Any) -> str:
    if item.guess == "needs-review":
        return "none"
    extra = ", ".join(x for x in (", ".join(item.sections), "NCND" if item.ncnd else "",
                                  f"until {item.until}" if item.until and item.guess == "extended" else "") if x)
    return f"{item.guess} ({item.confidence:.2f})" + (f" {extra}" if extra else "")


def _review_interactively(ws: Any, items: list[Any]) -> None:
    """One reply at a time: Enter (or a) accepts the guess, s skips, q stops, a status records it."""
    from foi.mail import review

    for n, item in enumerate(items, start=1):
        typer.echo(f"\n[{n}/{len(items)}] reply {item.key}: {item.body} {item.reference} ({item.status}), {item.on}")
        typer.echo(f"  subject:  {item.subject or '-'}")
        typer.echo(f"  guess:    {_guess(item)}")
        typer.echo(f"  evidence: {item.evidence or '-'}")
        for reason in item.reasons:
            typer.echo(f"  why:      {reason}")
        while True:
            default = "a" if item.guess != "needs-review" else "s"
            answer = typer.prompt("  Enter/a accept, s skip, q quit, or a status", default=default,
                                  show_default=False).strip().lower()
            if answer == "q":
                return
            if answer == "s":
                break
            try:
                done = review.accept(ws, item.key) if answer in ("", "a") else review.decide(ws, item.key, answer)
            except FoiError as exc:
                typer.echo(f"  {exc}", err=True)
                continue
            typer.echo(f"  recorded {done.kind}; {done.body} is now {done.status}.")
            break
