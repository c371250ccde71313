"""`foi mark`, `foi history`, `foi status`, `foi stats`, `foi due`, `foi due-date`, `foi calendar`."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Annotated, Any

import typer

from foi.cli import app
from foi.cli.common import JsonOpt, TodayOpt, parse_day, print_json, split_list, table, workspace
from foi.errors import FoiError

_STYLE: dict[str, dict[str, Any]] = {
    "overdue": {"fg": "red", "bold": True}, "review-overdue": {"fg": "red", "bold": True}, "refused": {"fg": "red"},
    "partial": {"fg": "yellow"}, "not-held": {"fg": "yellow"}, "responded": {"fg": "green"},
    "review-overturned": {"fg": "green"}, "draft": {"dim": True}, "withdrawn": {"dim": True},
    "clarification": {"fg": "magenta"}, "sending": {"fg": "magenta"}}


def _opt_day(text: str | None, what: str) -> Any:
    from foi.deadlines import parse_date

    return parse_date(text, what) if text is not None else None


@app.command()
def mark(
    ctx: typer.Context,
    name: str,
    slugs: Annotated[str | None, typer.Argument(metavar="[SLUG,SLUG...]", help="Bodies, or all.")] = None,
    status: Annotated[str | None, typer.Argument(metavar="[STATUS]", help="sent, acknowledged, clarification, "
                      "clarified, extended, chased, responded, partial, refused, not-held, withdrawn, internal-review, "
                      "review-upheld, review-overturned, ico-complaint, note or correction.")] = None,
    on: Annotated[str | None, typer.Option(metavar="YYYY-MM-DD", help="When it happened (default today).")]
    = None,
    ref: Annotated[str | None, typer.Option("--ref", help="The force's own reference.")] = None,
    section: Annotated[list[str] | None, typer.Option("--section", "-s", help="FOIA section cited, e.g. 40(2) "
                       "(repeat).")] = None,
    ncnd: Annotated[bool, typer.Option("--ncnd", help="They neither confirmed nor denied holding it.")] = False,
    until: Annotated[str | None, typer.Option(metavar="YYYY-MM-DD", help="New due date of an extension.")] = None,
    question: Annotated[int | None, typer.Option(help="The outcome is for question N only.")] = None,
    note: Annotated[str | None, typer.Option(help="A note kept with the event.")] = None,
    received: Annotated[str | None, typer.Option(metavar="YYYY-MM-DD", help="When they received it, if not the "
                        "day sent (an acknowledgement that states its date of receipt).")] = None,
    to: Annotated[str | None, typer.Option("--to", help="correction: go back to this earlier status.")] = None,
    event: Annotated[str | None, typer.Option("--event", help="correction: void these event ids (N,N).")] = None,
    from_csv: Annotated[Path | None, typer.Option("--from-csv", help="Apply many rows: body,status,on,ref,"
                        "sections,ncnd,until,question,note,received.")] = None,
    today: TodayOpt = None,
    json_out: JsonOpt = False,
) -> None:
    """Record what happened to requests: sent, acknowledged, refused under s.40(2), ..."""
    from foi import marking, tracking

    ws = workspace(ctx)
    day = parse_day(today)
    if from_csv is not None:
        if slugs or status:
            raise FoiError("Give either --from-csv FILE or SLUG STATUS, not both.")
        result = marking.mark_from_csv(ws, name, from_csv, today=day)
    else:
        if not slugs or not status:
            raise FoiError(f"Say which requests and what happened: foi mark {name} SLUG STATUS "
                           "(or --from-csv FILE).")
        voids = None
        if event:
            try:
                voids = [int(v) for v in split_list(event) or []]
            except ValueError:
                raise FoiError(f"Bad --event {event!r}: give event ids from `foi history`, e.g. 12,15.") from None
        sections = [s for text in section or [] for s in tracking.split_sections(text)]
        result = marking.mark(
            ws, name, split_list(slugs) or [], status.strip().lower(), on=_opt_day(on, "--on") or day, note=note,
            sections=sections, ncnd=ncnd, question=question, until=_opt_day(until, "--until"),
            force_reference=ref, received=_opt_day(received, "--received"), to_status=to, voids=voids)
    for warning in result.warnings:
        typer.echo(f"Warning: {warning}", err=True)
    if json_out:
        print_json({"batch": name, "marked": [vars(m) for m in result.marked], "warnings": result.warnings})
        return
    if len(result.marked) == 1:
        m = result.marked[0]
        due = f", due {m.due_on.isoformat()}" if m.due_on and m.status not in tracking.CLOSED else ""
        typer.echo(f"{m.body}: {m.kind} recorded (event {m.event_id}); now {m.status}{due}.")
        return
    kinds = sorted({m.kind for m in result.marked})
    typer.echo(f"Recorded {len(result.marked)} event(s) in {name} ({', '.join(kinds)}).")


@app.command()
def history(ctx: typer.Context, name: str, slug: str, json_out: JsonOpt = False) -> None:
    """Every event of one request, oldest first, and what it did to the status."""
    from foi.marking import history as history_lib

    data = history_lib(workspace(ctx), name, slug)
    if json_out:
        print_json(data)
        return
    state = data["state"]
    due = f", due {state['due_on']}" if state["due_on"] else ""
    typer.echo(f"{data['reference']} {data['body_name']} ({data['batch']}): {state['status']}{due}")
    rows = []
    for e in data["events"]:
        detail = [e["note"] or ""]
        if e["sections"]:
            detail.append("s." + ", s.".join(e["sections"]))
        if e["ncnd"]:
            detail.append("NCND")
        if e["question"]:
            detail.append(f"question {e['question']}")
        if e["until"]:
            detail.append(f"until {e['until']}")
        if e["received"]:
            detail.append(f"received {e['received']}")
        if e["force_reference"]:
            detail.append(f"ref {e['force_reference']}")
        if e["voids"]:
            detail.append("voids " + ", ".join(map(str, e["voids"])))
        after = f"voided by {e['voided_by']}" if e["voided_by"] else (e["status_after"] or "")
        rows.append([e["id"], e["on"], e["kind"], after, "; ".join(d for d in detail if d), e["source"]])
    table(["#", "on", "event", "status after", "detail", "by"], rows)
    evidence = [e for e in data["events"] if e["evidence"]]
    if evidence:
        # What the reply said that made foi record this event: the sentence a reader can check.
        typer.echo("Why:")
        for e in evidence:
            typer.echo(f"  #{e['id']} {e['kind']}: \"{e['evidence']}\"")
    for problem in data["problems"]:
        typer.echo(f"Warning: {problem}", err=True)


@app.command("due-date")
def due_date_cmd(
    ctx: typer.Context,
    received: Annotated[str, typer.Argument(metavar="YYYY-MM-DD", help="Date the body received the request (with "
                                            "--sent: when the e-mail was sent, optionally with HH:MM).")],
    act: Annotated[str, typer.Option(help="FOIA (England, Wales, NI) or FOISA (Scotland).")] = "FOIA",
    days: Annotated[int, typer.Option(help="Working days allowed.")] = 20,
    sent: Annotated[bool, typer.Option("--sent", help="The date is when the e-mail was sent: receipt is that day, "
                                       "or the next working day if sent on a non-working day or after 17:00.")]
    = False,
    explain: Annotated[bool, typer.Option("--explain", help="Show every day skipped and why.")] = False,
    json_out: JsonOpt = False,
) -> None:
    """The statutory due date for a request received on a day."""
    from foi import deadlines

    extra: dict = {}
    root = ctx.find_root().obj or {}
    try:
        extra = workspace(ctx).extra_holidays
    except FoiError:
        if root.get("workspace"):
            raise  # a workspace was named and is broken; outside any workspace, no extra days
    receipt = None
    if sent:
        receipt = deadlines.receipt(deadlines.parse_moment(received, "the sent date"), act=act, extra=extra)
        day = receipt.received
    else:
        day = deadlines.parse_date(received, "the received date")
    deadline = deadlines.due_date(day, act=act, days=days, extra=extra)
    if json_out:
        print_json({"received": deadline.received, "due": deadline.due, "act": deadline.act,
                    "working_days": deadline.working_days,
                    "skipped": [{"day": s.day, "reason": s.reason} for s in deadline.skipped]}
                   | ({"sent": receipt.sent.isoformat(), "receipt_rule": receipt.reason} if receipt else {}))
        return
    if explain:
        typer.echo(deadlines.explain(deadline, receipt))
        return
    typer.echo(f"{deadline.due.isoformat()} ({deadlines.long_date(deadline.due)}): working day {days} after "
               f"receipt on {deadline.received.isoformat()} under {deadline.act}.")


def _left(row: dict[str, Any]) -> str:
    if row["working_days_left"] is None:
        return ""
    if row["status"] in ("overdue", "review-overdue"):
        return f"{row['working_days_overdue']} overdue"
    return "due today" if row["working_days_left"] == 0 else f"{row['working_days_left']} left"


_BOARD_KEYS = ("batch", "body", "body_name", "status", "recorded_status", "sent_on", "received_on", "due_on",
               "working_days_left", "working_days_overdue", "reference", "force_reference", "sections", "ncnd",
               "last_event_on", "act", "review_by", "complain_by", "act_by", "act_step", "act_days_left")
_ACT_WORDS = {"review": "review by", "complaint": "complain by"}


def _ours(row: dict[str, Any]) -> str:
    """Our own next deadline: ask for an internal review, or complain to the Commissioner."""
    if not row["act_by"]:
        return ""
    left = row["act_days_left"]
    when = "passed" if left < 0 else "today" if left == 0 else f"{left} left"
    return f"{_ACT_WORDS[row['act_step']]} {row['act_by']} ({when})"


def _print_board(rows: list[dict[str, Any]], title: str, show_batch: bool) -> None:
    """An aligned plain-text table, coloured by status only in a terminal.

    Not a rich Table: rich measures every cell of every row and takes ~30 s for the 8,600 rows of
    200 batches; this takes a few milliseconds and stays easy to grep when piped."""
    from foi.board import counts

    summary = ", ".join(f"{n} {status}" for status, n in counts(rows).items())
    typer.echo(f"{title}: {len(rows)} request(s){': ' + summary if summary else ''}")
    if not rows:
        return
    header = (["batch"] if show_batch else []) + ["body", "status", "sent", "due", "working days", "their ref",
                                                  "sections", "NCND", "last activity", "our deadline"]
    cells = [([r["batch"]] if show_batch else []) + [
        r["body"], r["status"], r["sent_on"] or "-", r["due_on"] or "-", _left(r) or "-",
        r["force_reference"] or "-", ", ".join(r["sections"]) or "-", "yes" if r["ncnd"] else "-",
        r["last_event_on"] or "-", _ours(r) or "-"] for r in rows]
    widths = [max(len(head), *map(len, column)) for head, column in zip(header, zip(*cells, strict=True), strict=True)]
    colour = sys.stdout.isatty() and not os.environ.get("NO_COLOR")
    layout = "  ".join(f"{{:<{w}}}" for w in widths)  # one format per line: ljust cell by cell is slower

    def line(values: list[str]) -> str:
        return layout.format(*values).rstrip()

    out = [typer.style(line(header), bold=True) if colour else line(header)]
    if colour:
        for row, values in zip(rows, cells, strict=True):
            style = _STYLE.get(row["status"])
            out.append(typer.style(line(values), **style) if style else line(values))
    else:
        out.extend(map(line, cells))
    typer.echo("\n".join(out))


def _print_rows_json(head: dict[str, Any], rows: list[dict[str, Any]]) -> None:
    """Pretty JSON with one request per line: `json.dumps(indent=2)` falls back to the pure-Python
    encoder and takes seconds on 8,600 requests, while this stays valid, diffable JSON."""
    import json
    from operator import itemgetter

    from foi.cli.common import _default

    lines = ["{"]
    for key, value in head.items():
        lines.append(f"  {json.dumps(key)}: {json.dumps(value, ensure_ascii=False, default=_default)},")
    # One encoder for every row: json.dumps with options builds a new one per call.
    encode = json.JSONEncoder(ensure_ascii=False).encode
    pick = itemgetter(*_BOARD_KEYS)
    body = ",\n".join("    " + encode(dict(zip(_BOARD_KEYS, pick(r), strict=True))) for r in rows)
    lines.append('  "requests": [' + ("\n" + body + "\n  ]" if rows else "]"))
    lines.append("}")
    typer.echo("\n".join(lines))


@app.command()
def status(
    ctx: typer.Context,
    name: Annotated[str | None, typer.Argument(help="A batch (default: all).")] = None,
    only: Annotated[str | None, typer.Option(help="Only these statuses: overdue,refused,...")] = None,
    today: TodayOpt = None,
    json_out: JsonOpt = False,
) -> None:
    """The status board: one row per request, most urgent first."""
    from foi.board import board, counts

    day = parse_day(today)
    rows = board(workspace(ctx), name, today=day, only=split_list(only))
    if json_out:
        _print_rows_json({"today": day.isoformat(), "counts": counts(rows)}, rows)
        return
    _print_board(rows, f"{name or 'All batches'} on {day.isoformat()}", show_batch=name is None)


@app.command()
def stats(ctx: typer.Context, name: str, today: TodayOpt = None, json_out: JsonOpt = False) -> None:
    """Batch statistics: outcomes, refusals by section, reply times, who is still silent."""
    from foi.board import stats as stats_lib

    data = stats_lib(workspace(ctx), name, today=parse_day(today))
    if json_out:
        print_json(data)
        return
    typer.echo(f"{name} on {data['today'].isoformat()}: {data['requests']} request(s)")
    typer.echo("  by status: " + (", ".join(f"{v} {k}" for k, v in data["by_status"].items()) or "-"))
    typer.echo("  refusals by section: " + (", ".join(f"s.{k} {v}" for k, v in data["refusals_by_section"].items())
                                            or "none") + (f"; NCND {data['ncnd']}" if data["ncnd"] else ""))
    rate = data["on_time_rate"]
    typer.echo(f"  on time: {data['on_time']} of {data['on_time'] + data['late']}"
               + (f" ({rate:.0%})" if rate is not None else "") + f"; replies so far {data['replied']}")
    if data["median_working_days_to_reply"] is not None:
        slowest = data["slowest"]
        typer.echo(f"  working days to reply: median {data['median_working_days_to_reply']}, slowest "
                   f"{slowest['working_days']} ({slowest['body']})")
    silent = data["still_silent"]
    typer.echo(f"  still silent ({len(silent)}): " + (", ".join(
        s["body"] + (f" ({s['working_days_overdue']} overdue)" if s["status"] == "overdue" else "") for s in silent)
        or "none"))
    typer.echo(f"  chased {data['chased']}; internal reviews pending {data['reviews_pending']}"
               f" ({data['reviews_overdue']} overdue); complaints to the Commissioner {data['complaints']}")
    if data["our_deadlines"]:
        typer.echo("  our deadlines: " + ", ".join(
            f"{_ACT_WORDS[d['step']]} {d['by']} {d['body']}" + (" (passed)" if d["working_days_left"] < 0 else "")
            for d in data["our_deadlines"]))


@app.command()
def due(
    ctx: typer.Context,
    within: Annotated[int, typer.Option(help="Working days ahead to look.")] = 5,
    today: TodayOpt = None,
    json_out: JsonOpt = False,
) -> None:
    """What is overdue or falls due soon, across all batches: whom to chase."""
    from foi.board import due as due_lib

    day = parse_day(today)
    rows = due_lib(workspace(ctx), today=day, within=within)
    if json_out:
        _print_rows_json({"today": day.isoformat(), "within": within}, rows)
        return
    _print_board(rows, f"Overdue or due within {within} working day(s) of {day.isoformat()}", show_batch=True)
    if any(r["act_by"] or r["status"] == "review-overdue" for r in rows):
        typer.echo("Reviews and complaints, drafted from the record: foi escalate BATCH --write DIR")
    if any(r["status"] == "overdue" for r in rows):
        typer.echo("Chase them: foi letters BATCH --template chaser --only-status overdue")


@app.command("calendar")
def calendar_cmd(
    ctx: typer.Context,
    name: Annotated[str | None, typer.Argument(help="A batch (default: all).")] = None,
    out: Annotated[Path, typer.Option("--out", "-o", help="The .ics file to write.")] = Path("deadlines.ics"),
    today: TodayOpt = None,
    json_out: JsonOpt = False,
) -> None:
    """Write an .ics calendar of deadlines, the forces' (replies, internal reviews) and ours (ask for a
    review, complain to the Commissioner); re-import it to update, not duplicate."""
    from foi.calendar import write_calendar

    day = parse_day(today)
    events = write_calendar(workspace(ctx), out, name, today=day)
    if json_out:
        print_json({"out": str(out), "today": day.isoformat(), "events": [
            {k: e[k] for k in ("uid", "due_on", "kind", "whose", "what", "working_days_left", "batch", "body",
                               "reference", "status", "summary")} for e in events]})
        return
    typer.echo(f"Wrote {len(events)} deadline(s) to {out}")
    if not events:
        return
    header = ["due", "deadline", "whose"] + (["batch"] if name is None else []) + ["body", "reference",
                                                                                   "working days"]
    cells = [[e["due_on"].isoformat(), e["what"], e["whose"]] + ([e["batch"]] if name is None else [])
             + [e["body"], e["reference"], _calendar_left(e)] for e in events]
    widths = [max(len(head), *map(len, column)) for head, column in zip(header, zip(*cells, strict=True), strict=True)]
    layout = "  ".join(f"{{:<{w}}}" for w in widths)
    typer.echo("\n".join(layout.format(*values).rstrip() for values in [header, *cells]))


def _calendar_left(event: dict[str, Any]) -> str:
    """Working days from today, as the board says them: theirs overdue, ours passed."""
    left = event["working_days_left"]
    if left < 0:
        return f"{-left} overdue" if event["whose"] == "theirs" else "passed"
    return "due today" if left == 0 else f"{left} left"
