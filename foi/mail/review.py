"""The review queue: replies foi would not decide on its own, each with its best guess, so that
deciding is one keystroke (`foi inbox review`).

A reply below the confidence foi needs to change a status by itself is recorded as
``needs-review``; how it was read (best guess, confidence, evidence, sections, dates) is kept in
``messages.reading``. Accepting records the best guess as if typed by hand (source "hand", the
message and its evidence attached); correcting records another kind, keeping what was read
(sections, NCND, reference) unless told otherwise. Either way the reply leaves the queue.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from foi.errors import FoiError
from foi.mail.reading.kinds import WITHHOLDING_KINDS
from foi.workspace import Workspace

# What a reviewer may record for a reply: a status, or that it changes nothing.
DECISIONS = ("acknowledged", "clarification", "extended", "responded", "partial", "refused", "not-held",
             "withdrawn", "review-upheld", "review-overturned", "auto-reply", "note")
# An extension names the exemption whose public interest is being weighed: its sections are kept too.
_SECTION_KINDS = WITHHOLDING_KINDS | {"extended"}


@dataclass
class Pending:
    """One reply waiting for a decision."""

    key: str  # what `--accept`/`--set` take: the message number, or "e" + the event id
    event_id: int
    message_row: int | None
    request_id: int
    batch: str
    body: str
    reference: str
    status: str  # the request's status now
    on: str  # the reply's date
    subject: str | None
    from_addr: str | None
    guess: str  # the best reading ("needs-review" when there is none)
    confidence: float
    evidence: str
    reasons: list[str] = field(default_factory=list)
    sections: list[str] = field(default_factory=list)
    ncnd: bool = False
    until: str | None = None
    received: str | None = None
    force_reference: str | None = None
    note: str | None = None
    path: str | None = None

    def as_dict(self) -> dict[str, Any]:
        return dict(self.__dict__)


@dataclass
class Decided:
    key: str
    body: str
    reference: str
    kind: str
    accepted: bool  # True: the best guess was taken as it was
    event_id: int
    status: str  # the request's status after it


def _pending(row: dict[str, Any]) -> Pending:
    try:
        reading = json.loads(row.get("reading") or "{}")
    except ValueError:
        reading = {}
    guess = reading.get("guess") or "needs-review"
    return Pending(
        key=str(row["message_row"]) if row["message_row"] is not None else f"e{row['event_id']}",
        event_id=row["event_id"], message_row=row["message_row"], request_id=row["request_id"], batch=row["batch"],
        body=row["body"], reference=row["reference"], status=row["status"], on=row["on_date"],
        subject=row["subject"], from_addr=row["from_addr"], guess=guess,
        confidence=float(reading.get("confidence") or 0.0), evidence=reading.get("evidence") or row["evidence"] or "",
        reasons=list(reading.get("reasons") or []), sections=list(reading.get("sections") or []),
        ncnd=bool(reading.get("ncnd")), until=reading.get("until"), received=reading.get("received"),
        force_reference=reading.get("force_reference"), note=row["note"], path=row["path"],
    )


def pending(ws: Workspace, batch: str | None = None, *, include_done: bool = False) -> list[Pending]:
    """The replies waiting for a decision, oldest request first, each with foi's best guess."""
    from foi.mail.inbox import review_queue

    if batch:
        from foi.batches import get_batch

        get_batch(ws.db, batch)
    return [_pending(row) for row in review_queue(ws, batch, include_done=include_done)]


def _find(ws: Workspace, key: str) -> Pending:
    key = str(key).strip().lstrip("#")
    for item in pending(ws):
        if item.key == key or (key.isdigit() and item.message_row is None and str(item.event_id) == key):
            return item
    raise FoiError(f"No reply {key!r} is waiting for review. `foi inbox review` lists them with their numbers.")


def accept(ws: Workspace, key: str) -> Decided:
    """Record foi's best guess for the reply `key` (a number from `foi inbox review`)."""
    item = _find(ws, key)
    if item.guess not in DECISIONS:
        raise FoiError(f"foi has no guess for reply {item.key}: say what it is with "
                       f"`foi inbox review --set {item.key} STATUS`.")
    return _decide(ws, item, item.guess, accepted=True)


def decide(ws: Workspace, key: str, kind: str, *, sections: list[str] | None = None,
           ncnd: bool | None = None, until: date | None = None, received: date | None = None,
           force_reference: str | None = None, note: str | None = None) -> Decided:
    """Record what the reply `key` is. Sections, NCND and the reference read from it are kept
    unless given (and dropped where the kind does not take them)."""
    kind = (kind or "").strip().lower()
    if kind not in DECISIONS:
        raise FoiError(f"Unknown status {kind!r} for a reply: use one of {', '.join(DECISIONS)}.")
    item = _find(ws, key)
    return _decide(ws, item, kind, accepted=False, sections=sections, ncnd=ncnd, until=until,
                   received=received, force_reference=force_reference, note=note)


def _decide(ws: Workspace, item: Pending, kind: str, *, accepted: bool,
            sections: list[str] | None = None, ncnd: bool | None = None, until: date | None = None,
            received: date | None = None, force_reference: str | None = None, note: str | None = None) -> Decided:
    from foi.tracking import record_event

    on = date.fromisoformat(item.on)
    fields: dict[str, Any] = {"force_reference": force_reference or item.force_reference}
    if kind in _SECTION_KINDS:
        fields["sections"] = sections if sections is not None else item.sections
    elif sections:
        raise FoiError(f"Sections go with refused, partial, not-held, extended or a review outcome, not {kind}.")
    if kind in WITHHOLDING_KINDS:
        fields["ncnd"] = item.ncnd if ncnd is None else ncnd
    if kind == "extended":
        stated = date.fromisoformat(item.until) if item.until else None
        fields["until"] = until or (stated if stated and stated > on else None)
    if kind == "acknowledged":
        stated = date.fromisoformat(item.received) if item.received else None
        fields["received"] = received or (stated if stated and stated <= on else None)
    if kind in ("auto-reply", "note"):
        fields = {}
    how = "accepted foi's reading" if accepted else f"corrected by hand (foi read {item.guess})"
    text = "; ".join(x for x in (f"{how}, confidence {item.confidence:.2f}", note) if x)
    event_id = record_event(ws.db, item.request_id, kind, on, source="hand", note=text,
                            evidence=item.evidence or None, message_row=item.message_row, **fields)
    if item.message_row is not None:
        with ws.db.atomic():
            ws.db.conn.execute("UPDATE messages SET kind = ? WHERE id = ?", (kind, item.message_row))
    status = ws.db.execute("SELECT status FROM requests WHERE id = ?", [item.request_id]).fetchone()[0]
    return Decided(key=item.key, body=item.body, reference=item.reference, kind=kind, accepted=accepted,
                   event_id=event_id, status=status)
