"""Marking requests by hand and from an editor's spreadsheet, and a request's history.

Every mark goes through the event log of `foi.tracking`: each event is validated against the
request's whole history (and any rows of the same batch of marks before it) before anything is
written, and a batch of marks is all or nothing.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from foi.deadlines import calendar_for, parse_date
from foi.errors import FoiError
from foi.tracking import (
    Event,
    State,
    derive_state,
    insert_event,
    load_events,
    next_event_id,
    order,
    prepare_event,
    split_sections,
    write_state,
)

if TYPE_CHECKING:
    from foi.workspace import Workspace


@dataclass
class Marked:
    body: str
    reference: str
    event_id: int
    kind: str
    status: str
    due_on: date | None
    row: int | None = None  # the CSV row it came from


@dataclass
class MarkResult:
    batch: str
    marked: list[Marked] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def _requests_by_slug(ws: Workspace, batch: str) -> dict[str, dict[str, Any]]:
    from foi.batches import batch_requests

    return {r["body"]: r for r in batch_requests(ws.db, batch)}


def mark(ws: Workspace, batch: str, slugs: Sequence[str], kind: str, *, on: date, source: str = "hand",
         note: str | None = None, sections: Sequence[str] | None = None, ncnd: bool = False,
         question: int | None = None, until: date | None = None, force_reference: str | None = None,
         received: date | None = None, to_status: str | None = None,
         voids: Sequence[int] | None = None) -> MarkResult:
    """Record one event on each of the named requests of a batch ("all" = every request): every
    request is checked first and nothing is written unless all of them can take the event."""
    requests = _requests_by_slug(ws, batch)
    wanted = list(dict.fromkeys(s.strip() for s in slugs if s.strip()))
    if not wanted:
        raise FoiError(f"Name the bodies to mark (SLUG,SLUG or all); see `foi batch show {batch}`.")
    if wanted == ["all"]:
        wanted = list(requests)
    missing = [s for s in wanted if s not in requests]
    if missing:
        raise FoiError(f"Not in batch {batch!r}: {', '.join(missing)}. See `foi batch show {batch}`.")
    if force_reference and len(wanted) > 1:
        raise FoiError("--ref is one force's reference: mark one body at a time with it.")
    if voids and len(wanted) > 1:
        raise FoiError("Event ids belong to one request: correct one body at a time with --event.")
    fields = {"source": source, "note": note, "sections": sections, "ncnd": ncnd, "question": question,
              "until": until, "force_reference": force_reference, "evidence": None, "message_row": None,
              "received": received, "to_status": to_status, "voids": voids}
    return _apply_all(ws, batch, [(None, requests[s], kind, on, fields) for s in wanted])


def _apply_all(ws: Workspace, batch: str,
               items: Sequence[tuple[int | None, Mapping[str, Any], str, date, dict[str, Any]]]) -> MarkResult:
    """Validate every (row, request, kind, on, fields), then write them all in one transaction."""
    db = ws.db
    extra = ws.extra_holidays
    result = MarkResult(batch=batch)
    errors: list[str] = []
    with db.atomic():
        next_id = next_event_id(db)
        pending: dict[int, list[Event]] = {}
        planned: list[tuple[int | None, Mapping[str, Any], Event, State]] = []
        for row, request, kind, on, fields in items:
            cal = calendar_for(request["act"], extra)
            try:
                event, state = prepare_event(db, request, pending.get(request["id"], []), kind, on, cal,
                                        new_id=next_id, **fields)
            except FoiError as exc:
                errors.append(f"row {row} ({request['body']}): {exc}" if row is not None else str(exc))
                continue
            next_id += 1
            before = derive_state([*load_events(db, request["id"]), *pending.get(request["id"], [])], calendar=cal)
            pending.setdefault(request["id"], []).append(event)
            planned.append((row, request, event, state))
            result.warnings.extend(f"{request['body']}: {w}" for w in state.warnings if w not in before.warnings)
        if errors:
            raise FoiError(_errors_message(errors, len(items)))
        final: dict[int, State] = {}
        for row, request, event, state in planned:
            insert_event(db, request["id"], event)
            final[request["id"]] = state
            result.marked.append(Marked(request["body"], request["reference"], event.id, event.kind, state.status,
                                        state.open_due_on or state.due_on, row))
        for request_id, state in final.items():
            write_state(db, request_id, state)
    return result


def _errors_message(errors: list[str], total: int) -> str:
    if len(errors) == 1 and total == 1:
        return errors[0]
    shown = "; ".join(e.rstrip(".") for e in errors[:5]) + (f"; and {len(errors) - 5} more" if len(errors) > 5 else "")
    return f"{len(errors)} of {total} rejected, nothing recorded: {shown}."


_CSV_COLUMNS = {
    "body": ("body", "slug", "force", "body slug", "force slug", "police force"),
    "reference": ("reference", "our reference", "our ref"),
    "status": ("status", "kind", "outcome"),
    "on": ("on", "date", "on date"),
    "force_reference": ("ref", "force reference", "force ref", "their reference", "their ref"),
    "sections": ("sections", "section", "exemptions"),
    "ncnd": ("ncnd", "neither confirm nor deny"),
    "until": ("until", "extended until", "new due date"),
    "question": ("question", "q"),
    "note": ("note", "notes", "comment", "comments"),
    "received": ("received", "received on"),
}
_TRUE = {"1", "y", "yes", "true", "x", "ncnd"}
_FALSE = {"", "0", "n", "no", "false"}


def _csv_date(text: str, what: str) -> date:
    text = text.strip()
    uk = re.fullmatch(r"(\d{1,2})/(\d{1,2})/(\d{4})", text)
    if uk:  # spreadsheets in the UK write dates day first
        try:
            return date(int(uk.group(3)), int(uk.group(2)), int(uk.group(1)))
        except ValueError:
            raise FoiError(f"Bad date {text!r} for {what}: there is no such day.") from None
    return parse_date(text, what)


def read_marks_csv(path: Path) -> tuple[list[tuple[int, dict[str, str]]], list[str]]:
    """(row number as a spreadsheet shows it, {field: text}) for each non-blank row, and ignored columns."""
    import csv

    try:
        with path.open(newline="", encoding="utf-8-sig") as fh:
            rows = list(csv.reader(fh))
    except FileNotFoundError:
        raise FoiError(f"No such file: {path}") from None
    except (UnicodeDecodeError, csv.Error) as exc:
        raise FoiError(f"Can't read {path} as a UTF-8 CSV file ({exc}). Save it as 'CSV UTF-8'.") from None
    if not rows:
        raise FoiError(f"{path} is empty: it needs a header row (body,status,on,...).")
    lookup = {name: key for key, names in _CSV_COLUMNS.items() for name in names}
    columns: dict[int, str] = {}
    ignored = []
    for i, header in enumerate(rows[0]):
        key = lookup.get(re.sub(r"[\s_-]+", " ", header.strip().lower()))
        if key is None:
            if header.strip():
                ignored.append(header.strip())
        elif key in columns.values():
            raise FoiError(f"{path}: two columns mean {key} (the second is {header!r}).")
        else:
            columns[i] = key
    keys = set(columns.values())
    if "status" not in keys or not keys & {"body", "reference"}:
        raise FoiError(f"{path} needs a 'status' column and a 'body' (or 'reference') column; "
                       f"its header is: {', '.join(rows[0])}.")
    out = []
    for number, cells in enumerate(rows[1:], start=2):
        if not any(c.strip() for c in cells):
            continue
        out.append((number, {key: (cells[i].strip() if i < len(cells) else "") for i, key in columns.items()}))
    return out, ignored


def mark_from_csv(ws: Workspace, batch: str, path: Path, *, today: date) -> MarkResult:
    """Apply a spreadsheet of marks: every row is checked first; one bad row and nothing changes."""
    from foi.bodies import resolve_body

    requests = _requests_by_slug(ws, batch)
    by_reference = {r["reference"]: r for r in requests.values()}
    rows, ignored = read_marks_csv(path)
    if not rows:
        raise FoiError(f"{path} has a header but no rows.")
    items = []
    errors = []
    for number, cells in rows:
        try:
            request = _csv_request(ws, cells, requests, by_reference, batch, resolve_body)
            kind = cells["status"].strip().lower()
            on = _csv_date(cells["on"], "on") if cells.get("on") else today
            ncnd_text = cells.get("ncnd", "").lower()
            if ncnd_text not in _TRUE | _FALSE:
                raise FoiError(f"Bad ncnd {cells['ncnd']!r}: use yes or no.")
            question_text = cells.get("question", "")
            if question_text and not question_text.isdigit():
                raise FoiError(f"Bad question number {question_text!r}: use 1 for the first question.")
            fields = {
                "source": "import", "note": cells.get("note") or None,
                "sections": split_sections(cells.get("sections", "")),
                "ncnd": ncnd_text in _TRUE, "question": int(question_text) if question_text else None,
                "until": _csv_date(cells["until"], "until") if cells.get("until") else None,
                "force_reference": cells.get("force_reference") or None, "evidence": None,
                "message_row": None,
                "received": _csv_date(cells["received"], "received") if cells.get("received") else None,
                "to_status": None, "voids": None,
            }
        except FoiError as exc:
            errors.append(f"row {number}: {exc}")
            continue
        items.append((number, request, kind, on, fields))
    if errors:
        raise FoiError(f"{path.name}: " + _errors_message(errors, len(rows)))
    try:
        result = _apply_all(ws, batch, items)
    except FoiError as exc:
        raise FoiError(f"{path.name}: {exc}") from None
    if ignored:
        result.warnings.insert(0, f"ignored column(s) in {path.name}: {', '.join(ignored)}")
    return result


def _csv_request(ws: Workspace, cells: Mapping[str, str], requests: Mapping[str, dict[str, Any]],
                 by_reference: Mapping[str, dict[str, Any]], batch: str, resolve: Any) -> dict[str, Any]:
    reference = cells.get("reference", "").strip().upper()
    if reference:
        if reference not in by_reference:
            raise FoiError(f"reference {reference} is not in batch {batch!r}")
        return by_reference[reference]
    text = cells.get("body", "").strip()
    if not text:
        raise FoiError("no body given")
    slug = text if text in requests else resolve(ws.db, text)
    if slug not in requests:
        raise FoiError(f"{text!r} is not a body in batch {batch!r}")
    return requests[slug]


# --- history ------------------------------------------------------------------------------------


def history(ws: Workspace, batch: str, slug: str) -> dict[str, Any]:
    """A request's events in the order they count, with what each did to its status."""
    from foi.batches import get_request

    request = get_request(ws.db, batch, slug)
    events = load_events(ws.db, request["id"])
    state = derive_state(events, calendar=calendar_for(request["act"], ws.extra_holidays))
    rows = []
    for e in order(events):
        rows.append({
            "id": e.id, "on": e.on, "kind": e.kind, "status_after": state.status_after.get(e.id),
            "voided_by": state.voided.get(e.id), "voids": list(e.voids), "note": e.note,
            "sections": list(e.sections), "ncnd": e.ncnd, "question": e.question, "until": e.until,
            "received": e.received, "force_reference": e.force_reference, "source": e.source,
            "evidence": _evidence(e), "message_row": e.message_row,
            "recorded_at": e.recorded_at,
        })
    return {"batch": batch, "body": request["body"], "body_name": request["body_name"],
            "reference": request["reference"], "state": state.as_dict(), "problems": state.problems,
            "events": rows}


# A correction from a version 1 database still has its voids written as "voids 12,15" in evidence
# (the upgrade copies them to `events.voids` and leaves evidence alone): that is not evidence.
_LEGACY_VOIDS = re.compile(r"voids \d+(?:,\d+)*")


def _evidence(e: Event) -> str | None:
    if e.kind == "correction" and e.evidence and _LEGACY_VOIDS.fullmatch(e.evidence):
        return None
    return e.evidence
