"""`foi demo`: the whole job, end to end, on bundled sample replies.

It builds a workspace, creates the batch `cautions` for the 43 forces, sends it through an SMTP
sink it starts on 127.0.0.1 (so nothing leaves the machine), imports the replies in
`foi/demo_data/replies/`, parses their attachments, and writes the board, a summary, report.html
and exports. Every step is the library function the matching command calls; nothing here writes
to the database itself.

The timeline is fixed so the output is the same every time: the requests go out on 1 October
2026, the replies are dated over the following weeks, and the board is shown as of `today`
(21 November 2026 unless told otherwise), by when most forces are overdue.
"""

from __future__ import annotations

import mailbox
import re
import shutil
import socket
import time
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from foi.errors import FoiError
from foi.workspace import CONFIG_NAME, Workspace, find_workspace, init_workspace

DATA_DIR = Path(__file__).resolve().parent / "demo_data"
REPLIES_DIR = DATA_DIR / "replies"
MARKER = ".foi-demo"
MARKER_TEXT = "This folder was made by `foi demo`; `foi demo --force` may delete and rebuild it.\n"
BATCH = "cautions"
TEMPLATE = "request-outcomes"
SENT_ON = date(2026, 10, 1)
DEFAULT_TODAY = date(2026, 11, 21)
REQUESTER = {"name": "Demo Reporter", "email": "demo@example.org", "organisation": "Demo Newsroom"}
VARS = {
    "first_year": "2019/20",
    "last_year": "2023/24",
    "offences": "rapes of a female aged 16 and over (19C), sexual assaults on a female aged 13 and over (20A), "
                "assaults without injury (105A), possessions of an article with a blade or point (10D), "
                "shoplifting offences (46) and possession of cannabis offences (92E)",
}
OUTCOME_ORDER = ("responded", "partial", "refused", "not-held", "extended", "acknowledged", "clarification",
                 "auto-reply", "needs-review")


# --------------------------------------------------------------------------------------------
# The local SMTP sink


@dataclass
class _Sink:
    """An aiosmtpd handler that keeps what it is given, as the forces' mail servers would."""

    received: list[tuple[str, list[str], bytes]] = field(default_factory=list)

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:  # noqa: N802 - aiosmtpd's name
        self.received.append((envelope.mail_from, list(envelope.rcpt_tos), envelope.original_content
                              or envelope.content))
        return "250 Message accepted for delivery"


def _free_port() -> int:
    # aiosmtpd's Controller checks readiness by connecting to its port, so it needs a real
    # number rather than 0; the kernel picks one that is free now.
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextmanager
def smtp_sink() -> Iterator[tuple[int, _Sink]]:
    """An SMTP server on 127.0.0.1 for the duration of the block; always stopped afterwards."""
    from aiosmtpd.controller import Controller

    sink = _Sink()
    last: OSError | None = None
    for _ in range(3):  # another process may take the port between the probe and the bind
        controller = Controller(sink, hostname="127.0.0.1", port=_free_port(), ready_timeout=10)
        try:
            controller.start()
            break
        except (OSError, RuntimeError) as exc:
            last = exc if isinstance(exc, OSError) else OSError(str(exc))
    else:
        raise FoiError(f"Could not start the demo's local SMTP server on 127.0.0.1: {last}.")
    try:
        yield controller.port, sink
    finally:
        controller.stop()


def use_smtp(root: Path, port: int) -> None:
    """Point the workspace's [smtp] section at the sink (plain SMTP on loopback, no login)."""
    path = root / CONFIG_NAME
    text = path.read_text(encoding="utf-8")
    block = (
        "[smtp]\n"
        "# Set by `foi demo`: a local SMTP sink it started for the demo and stopped afterwards.\n"
        "# Put your own server here before sending real requests from this workspace.\n"
        f'host = "127.0.0.1"\nport = {port}\nsecurity = "none"\nusername = ""\n\n'
    )
    new, n = re.subn(r"(?ms)^\[smtp\]\n.*?(?=^\[|\Z)", block, text)
    if n != 1:
        raise FoiError(f"Could not find the [smtp] section in {path} to point it at the demo's SMTP server.")
    path.write_text(new, encoding="utf-8")


# --------------------------------------------------------------------------------------------
# The folder


def sample_replies() -> list[Path]:
    # Named by date, so sorting imports them in the order they arrived (an acknowledgement that
    # gives a force reference comes before the letter that quotes only that reference).
    files = sorted(REPLIES_DIR.glob("*.eml"))
    if not files:
        raise FoiError(f"foi's demo replies are missing from {REPLIES_DIR}: reinstall foi with `pip install .`")
    return files


def prepare_folder(path: Path, force: bool) -> Path:
    """An empty folder for the demo: refuses one holding anything but an earlier demo."""
    root = Path(path).expanduser().absolute()
    if root.exists() and not root.is_dir():
        raise FoiError(f"{root} is a file; give `foi demo` a folder (default ./foi-demo).")
    if root.is_dir() and any(root.iterdir()):
        if not (root / MARKER).is_file():
            raise FoiError(f"{root} is not empty and was not made by `foi demo`; nothing was changed. "
                           "Give an empty or new folder, e.g. `foi demo ./foi-demo-2`.")
        if not force:
            raise FoiError(f"{root} holds an earlier demo. Add --force to delete and rebuild it, "
                           "or give another folder.")
        # Empty it rather than remove it: the folder may be the current directory.
        for child in root.iterdir():
            if child.is_dir() and not child.is_symlink():
                shutil.rmtree(child)
            else:
                child.unlink()
    root.mkdir(parents=True, exist_ok=True)
    (root / MARKER).write_text(MARKER_TEXT, encoding="utf-8")
    return root


# --------------------------------------------------------------------------------------------
# The run


def _plural(n: int, word: str, many: str | None = None) -> str:
    return f"{n} {word if n == 1 else many or word + 's'}"


def _number(value: float | int) -> str:
    return f"{int(value):,}" if float(value).is_integer() else f"{value:,.1f}"


def run_demo(path: Path, *, today: date = DEFAULT_TODAY, force: bool = False,
             echo: Callable[[str], None] = print) -> dict[str, Any]:
    """Run the demo in `path`; returns where each output lives and what each step counted."""
    started = time.perf_counter()
    replies = sample_replies()
    # Files are named by the day they arrived; the board can't be looked at before the last one.
    last = max(date.fromisoformat(p.name[:10]) for p in replies)
    if today < last:
        raise FoiError(f"The demo's last reply is dated {last}: give --today on or after it "
                       f"(default {DEFAULT_TODAY}).")
    root = prepare_folder(path, force)
    init = init_workspace(root, **REQUESTER)
    init.db.conn.close()
    echo(f"Workspace {root} (requester {REQUESTER['name']} <{REQUESTER['email']}>)")

    with smtp_sink() as (port, sink):
        use_smtp(root, port)
        ws = find_workspace(root)
        try:
            result = _run(ws, replies, today, sink, port, echo)
        except FoiError as exc:
            raise FoiError(f"{exc} The demo stopped half-way; `foi demo {root} --force` starts it again.") from exc
        finally:
            ws.db.conn.close()
    result["seconds"] = round(time.perf_counter() - started, 2)
    return result


def _run(ws: Workspace, replies: list[Path], today: date, sink: _Sink, port: int,
         echo: Callable[[str], None]) -> dict[str, Any]:
    from foi.batches import batch_requests, create_batch
    from foi.figures.parsing import parse_batch
    from foi.mail.inbox import import_paths
    from foi.mail.send import send_batch

    root = ws.root
    create_batch(ws, BATCH, template=TEMPLATE, to="all", vars=VARS, today=SENT_ON)
    requests = batch_requests(ws.db, BATCH)
    echo(f"1. Created batch {BATCH}: {_plural(len(requests), 'request')}, "
         f"{requests[0]['reference']} to {requests[-1]['reference']} (template {TEMPLATE}).")

    sent = send_batch(ws, BATCH, today=SENT_ON)
    if sent.interrupted or sent.failed or len(sink.received) != len(sent.sent):
        raise FoiError(f"Sending through the demo's SMTP server went wrong: {sent.interrupted or sent.failed}.")
    sink_mbox = _save_sink(root, sink)
    echo(f"2. Sent {len(sent.sent)} on {SENT_ON} through the local SMTP server on 127.0.0.1:{port} "
         f"(it received {len(sink.received)}; copies in {sink_mbox.relative_to(root)}).")

    imported = import_paths(ws, replies, today=today, batch=BATCH)
    kinds = Counter(item.kind for item in imported.items if item.outcome == "imported")
    counts = imported.counts()
    shown = [f"{kinds[k]} {k}" for k in OUTCOME_ORDER if kinds.get(k)]
    shown += [f"{n} {k}" for k, n in sorted(kinds.items()) if k not in OUTCOME_ORDER]
    echo(f"3. Imported {_plural(counts['imported'], 'reply', 'replies')}: {', '.join(shown)}"
         f"; {counts['unmatched']} unmatched, {counts['errors']} unreadable.")

    reports = parse_batch(ws, BATCH)
    totals = sum(r.totals for r in reports)
    figures = sum(r.figures for r in reports) - totals
    suppressed = sum(r.suppressed for r in reports)
    echo(f"4. Parsed {_plural(len(reports), 'file')} into {_plural(figures, 'figure')} "
         f"({suppressed} suppressed cells kept as markers, never as numbers; the files' own "
         f"{_plural(totals, 'total')} kept apart, checked, never added):")
    for report in reports:
        where = Path(report.path).name
        extra = f"; {_plural(len(report.warnings), 'warning')}" if report.warnings else ""
        echo(f"   {report.body:<13} {report.reader or '-':<5} {report.status:<12} "
             f"{report.figures - report.totals:>3} figures  {where}{extra}")

    board_counts, stats = _board(ws, today, echo)
    by_outcome, by_body = _summary(ws, echo)
    outputs = _outputs(ws, today)
    echo(f"7. Wrote report.html ({outputs['report_bodies']} forces) and the figures as xlsx and csv.")
    escalations = _escalate(ws, today, echo)
    return {
        "workspace": str(root),
        "config": str(root / CONFIG_NAME),
        "database": str(ws.db_path),
        "report": outputs["report"],
        "exports": outputs["exports"],
        "responses": str(ws.responses_dir / BATCH),
        "smtp_sink": str(sink_mbox),
        "batch": BATCH,
        "sent_on": SENT_ON.isoformat(),
        "today": today.isoformat(),
        "requests": len(requests),
        "sent": len(sent.sent),
        "smtp_received": len(sink.received),
        "replies": counts,
        "reply_kinds": dict(kinds),
        "files": [{"body": r.body, "file": r.path, "reader": r.reader, "status": r.status,
                   "figures": r.figures - r.totals, "totals": r.totals, "suppressed": r.suppressed,
                   "warnings": len(r.warnings)} for r in reports],
        "figures": figures,
        "totals": totals,
        "suppressed": suppressed,
        "board": board_counts,
        "on_time": stats["on_time"],
        "late": stats["late"],
        "refusals_by_section": stats["refusals_by_section"],
        "summary_by_outcome": by_outcome,
        "summary_by_body": by_body,
        "escalations": escalations,
    }


def _save_sink(root: Path, sink: _Sink) -> Path:
    """What the SMTP server received, as an mbox any mail program opens."""
    folder = root / "outbox"
    folder.mkdir(exist_ok=True)
    path = folder / "smtp-sink.mbox"
    box = mailbox.mbox(path)
    try:
        box.lock()
        for mail_from, _, data in sink.received:
            message = mailbox.mboxMessage(data)
            message.set_from(mail_from or "MAILER-DAEMON")
            box.add(message)
        box.flush()
    finally:
        box.unlock()
        box.close()
    return path


def _board(ws: Workspace, today: date, echo: Callable[[str], None]) -> tuple[dict[str, int], dict[str, Any]]:
    from foi.board import board, counts, stats

    rows = board(ws, BATCH, today=today)
    by_status = counts(rows)
    st = stats(ws, BATCH, today=today)
    echo(f"5. Board on {today:%a %d %b %Y}: " + ", ".join(f"{n} {s}" for s, n in by_status.items()) + ".")
    for status in by_status:
        group = sorted((r for r in rows if r["status"] == status), key=lambda r: r["body"])
        names = []
        for row in group:
            detail = []
            if row["sections"]:
                detail.append(("NCND " if row["ncnd"] else "s.") + ", ".join(row["sections"]))
            if status in ("extended", "acknowledged") and row["due_on"]:
                detail.append(f"due {row['due_on']}")
            names.append(row["body"] + (f" ({'; '.join(detail)})" if detail else ""))
        if len(names) > 8:
            names = names[:6] + [f"... {len(names) - 6} more"]
        echo(f"   {status:<13} {len(group):>2}  {', '.join(names)}")
    median = st["median_working_days_to_reply"]
    echo(f"   {st['replied']} answered ({st['on_time']} on time, {st['late']} late or overdue)"
         + (f"; median {median} working days to reply." if median is not None else "."))
    return by_status, st


def _summary(ws: Workspace, echo: Callable[[str], None]) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    from foi.summary import summarise

    by_outcome = summarise(ws.db, BATCH, by=["outcome"]).rows
    by_body = summarise(ws.db, BATCH, by=["body"]).rows
    by_year = summarise(ws.db, BATCH, by=["period_label", "outcome"]).rows
    echo("6. Summary of the figures (suppressed cells counted, never summed):")
    for row in sorted(by_outcome, key=lambda r: -float(r["value"])):
        echo(f"   {row['outcome'] or '(no outcome)':<22} {_number(row['value']):>7}"
             f"  ({row['figures']} figures, {row['suppressed']} suppressed)")
    years = sorted({r["period_label"] for r in by_year if r["period_label"]})
    if years:
        first, last = years[0], years[-1]
        for outcome in sorted({r["outcome"] for r in by_year if r["outcome"]}):
            values = {r["period_label"]: r["value"] for r in by_year if r["outcome"] == outcome}
            if values.get(first) and last in values:
                change = (float(values[last]) - float(values[first])) / float(values[first]) * 100
                echo(f"   {outcome}: {_number(values[first])} in {first}, {_number(values[last])} in {last} "
                     f"({change:+.0f}%) across the forces that answered")
    return by_outcome, by_body


def _outputs(ws: Workspace, today: date) -> dict[str, Any]:
    from foi.export import export
    from foi.report import build_report

    report = build_report(ws, BATCH, ws.root / "report.html", today=today)
    exports = {}
    for fmt in ("xlsx", "csv"):
        out = ws.root / "exports" / f"{BATCH}-figures.{fmt}"
        out.parent.mkdir(exist_ok=True)
        export(ws, BATCH, what="figures", fmt=fmt, out=out, today=today)
        exports[fmt] = str(out)
    return {"report": str(report.path), "report_bodies": report.bodies, "exports": exports}


def _escalate(ws: Workspace, today: date, echo: Callable[[str], None]) -> dict[str, Any]:
    """The next step for every force, and the letters for them (`foi escalate cautions --write`)."""
    from foi.escalate.drafts import write_drafts

    out = ws.root / "escalations"
    result = write_drafts(ws, BATCH, out, today=today)
    plan = result.plan
    counts = plan.counts()
    echo(f"8. Next steps on {today:%a %d %b %Y}: " + ", ".join(f"{n} {step}" for step, n in counts.items()) + ":")
    for name in ("chase", "review", "wait", "complaint"):
        steps = sorted((s for s in plan.steps if s.step == name), key=lambda s: s.body)
        if not steps:
            continue
        if name == "chase":
            late = sorted(s.dates.get("working_days_overdue", 0) for s in steps)
            echo(f"   {name:<9} {len(steps):>2}  overdue by {late[0]}-{late[-1]} working days: "
                 f"{', '.join(s.body for s in steps[:4])}, ...")
            continue
        for step in steps:
            echo(f"   {name:<9} {step.body:<14} {' '.join(step.why)}")
    letters = sum(1 for d in result.drafts if d.pack is None)
    echo(f"   Wrote {letters} letters (txt and eml) and {len(result.drafts) - letters} complaint packs to "
         f"{out.relative_to(ws.root)}/, with the plan in plan.txt.")
    return {"out": str(out), "counts": counts, "letters": letters, "packs": len(result.drafts) - letters,
            "files": len(result.written)}
