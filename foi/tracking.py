"""The append-only event log of each request, and the request state derived from it.

Marking by hand or from a spreadsheet, and a request's history, are in `foi.marking`.

Nothing here overwrites or deletes an event. A request's current state (`requests.status`,
`due_on`, ...) is a pure function of its events, `derive_state`, and is written back to
`requests` in the same transaction as every new event, so the board can read it without replaying
50,000 events.

Events are replayed in (on_date, id) order, so a reply typed in late with its real date
(back-filling) lands in the right place. A mistaken entry is put right by a later `correction`
event that voids it: corrections name the events they void, which keeps them meaningful whatever
order the dates put things in. The list is the correction's `events.voids` column (schema 2; a
version 1 database kept it in `evidence` as "voids 12,15" and `foi.db` moves it on upgrade).

Deadlines come from `foi.deadlines` (FOIA s.10, FOISA s.10): receipt is the day the request
reached them: the day sent, or the next working day when sent on a non-working day (or after
working hours: `sent` events from `foi send` carry that date in `received`). An acknowledgement
moves it only when it states a different date of receipt, never to its own date. A request for
clarification stops the clock and our clarification restarts it; an s.10(3) extension moves the
due date; an internal review is due 20 working days after we ask (40 at most, when extended).

Escalation (`foi.escalate`) adds `chased` (a reminder sent; the status stays as it was) and reads the
dates kept here for it: the last substantive reply, the last chase, the review's outcome, and from
them the last day to ask for an internal review (`review_by`) and to complain to the Commissioner
(`complain_by`), which `write_state` keeps on `requests` for the board.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

from foi.db import dumps, now_iso
from foi.deadlines import Calendar, calendar_for, parse_date
from foi.errors import FoiError

if TYPE_CHECKING:
    import sqlite_utils

# What a user can mark, in the order of a request's life.
USER_KINDS = ("sent", "acknowledged", "clarification", "clarified", "extended", "chased", "responded", "partial",
              "refused", "not-held", "withdrawn", "internal-review", "review-upheld", "review-overturned",
              "ico-complaint")
SYSTEM_KINDS = ("sending", "failed", "needs-review", "auto-reply", "note", "correction")
KINDS = USER_KINDS + SYSTEM_KINDS
SOURCES = ("hand", "import", "mail", "send", "system")

AWAITING = frozenset({"sent", "acknowledged", "clarified", "extended"})  # the s.10 clock is running
REPLIES = frozenset({"responded", "partial", "refused", "not-held"})
REVIEW_OUTCOMES = frozenset({"review-upheld", "review-overturned"})
CLOSED = REPLIES | REVIEW_OUTCOMES | {"withdrawn"}
# A chaser is recorded but never becomes the status: the request is as late as it was.
STAYS = frozenset({"chased"})
# A deadline is running: the s.10 clock, or an internal review's.
DEADLINE_RUNNING = AWAITING | {"internal-review"}
# Waiting for something from the body, with or without a running deadline: the one OPEN set.
OPEN = DEADLINE_RUNNING | {"sending", "clarification", "ico-complaint"}
STATUSES = ("draft", "sending") + tuple(k for k in USER_KINDS if k not in STAYS)
# Events that never move the status; they may arrive at any time, even on a draft.
PASSIVE = frozenset({"needs-review", "auto-reply", "note"})

# Which status may follow which; a reply kind may also follow a reply (a later, fuller answer or
# one more question answered).
# A review may be answered by the reply itself (a review asked for because none came, or a fresh
# decision that releases or refuses); a late request may be put to review (FOISA requires it before
# an appeal; see _early_review).
_ALLOWED: dict[str, frozenset[str]] = {
    "draft": frozenset({"sending", "sent", "failed", "withdrawn"}),
    "sending": frozenset({"sent", "failed"}),
    "clarification": frozenset({"clarified", "withdrawn"}) | REPLIES,
    "internal-review": frozenset({"review-upheld", "review-overturned", "extended", "withdrawn", "ico-complaint",
                                  "chased"}) | REPLIES,
    "review-upheld": frozenset({"ico-complaint"}),
    "review-overturned": REPLIES | {"ico-complaint", "chased"},
    "ico-complaint": REPLIES | {"withdrawn"},
    "withdrawn": frozenset(),
}
for _state in AWAITING:
    _ALLOWED[_state] = frozenset({"acknowledged", "clarification", "extended", "withdrawn", "ico-complaint",
                                  "chased", "internal-review"}) | REPLIES
for _state in REPLIES:
    _ALLOWED[_state] = frozenset({"internal-review", "ico-complaint"}) | REPLIES

# FOIA exemptions a refusal may cite (s.12 cost and s.14 vexatious are not exemptions but are
# grounds for refusal); FOISA's numbers differ but forces in England and Wales cite these.
REFUSAL_SECTIONS = frozenset({"12", "14", "21", "22", "23", "24", "30", "31", "38", "40", "41", "42", "43"})
SECTION_KINDS = frozenset({"partial", "refused", "not-held", "review-upheld", "review-overturned"})
# An extension letter names the exemption whose public interest is being weighed: kept on the
# event, but not a ground the request was refused on.
SECTION_ALLOWED = SECTION_KINDS | {"extended", "needs-review", "note"}
NCND_KINDS = frozenset({"partial", "refused", "not-held", "review-upheld", "review-overturned", "needs-review"})
QUESTION_KINDS = REPLIES

_SECTION = re.compile(r"^(?:s(?:ection)?s?\.?\s*)?(\d{1,2})\s*((?:\(\s*[0-9a-z]{1,4}\s*\)\s*)*)$", re.IGNORECASE)
EXTENSION_WARN_DAYS = 40
REVIEW_DAYS = 20
REVIEW_MAX_DAYS = 40
# Asking for a review: within 40 working days of the reply (FOIA: the s.45 code of practice, after
# which a force may decline; FOISA s.20(5): of the reply, or of the deadline when it came on time).
REVIEW_REQUEST_DAYS = 40
# Complaining: the ICO asks for complaints within six weeks of the last substantive contact; FOISA
# s.47(4) gives six months from the review's answer (or from the day it fell due).
COMPLAINT_WEEKS = 6
FOISA_APPEAL_MONTHS = 6
# Reply kinds worth asking a review of (with NCND whatever the kind).
REVIEWABLE = frozenset({"refused", "partial"})


def normalise_section(text: str) -> str:
    """"s.40(2)", "Section 31 (1)(a)", "40" -> "40(2)", "31(1)(a)", "40"; FoiError otherwise."""
    match = _SECTION.match(str(text).strip())
    if not match or match.group(1) not in REFUSAL_SECTIONS:
        allowed = ", ".join(sorted(REFUSAL_SECTIONS, key=int))
        raise FoiError(f"Bad FOIA section {text!r}: use one of {allowed}, with subsections such as 40(2) "
                       "or 31(1)(a).")
    # "40(5B)(a)(i)": a subsection's letter after its number stays capital, as the Act writes it.
    subs = "".join(f"({p.upper() if p[0].isdigit() else p.lower()})"
                   for p in re.findall(r"\(\s*([0-9a-z]+)\s*\)", match.group(2), re.I))
    return match.group(1) + subs


def split_sections(text: str) -> list[str]:
    """"40(2), s.31(1)(a); 12" or "40(2) 31" -> the separate citations, not yet checked."""
    parts = []
    for chunk in re.split(r"[;,/&]|\band\b", text or ""):
        parts.extend(p for p in re.split(r"(?<=[\d)])\s+(?=[sS\d])", chunk.strip()) if p.strip())
    return parts


def section_base(section: str) -> str:
    return re.match(r"\d+", section).group()  # type: ignore[union-attr]


@dataclass(frozen=True)
class Event:
    id: int
    on: date
    kind: str
    note: str | None = None
    sections: tuple[str, ...] = ()
    ncnd: bool = False
    question: int | None = None
    until: date | None = None
    received: date | None = None
    force_reference: str | None = None
    source: str = "hand"
    evidence: str | None = None
    message_row: int | None = None
    recorded_at: str | None = None
    voids: tuple[int, ...] = ()  # ids of the events a correction voids; honoured only on a correction


def event_from_row(row: Mapping[str, Any]) -> Event:
    def day(value: Any) -> date | None:
        return date.fromisoformat(value) if value else None

    return Event(
        id=row["id"], on=date.fromisoformat(row["on_date"]), kind=row["kind"], note=row["note"],
        sections=tuple(json.loads(row["sections"] or "[]")), ncnd=bool(row["ncnd"]), question=row["question"],
        until=day(row["until"]), received=day(row["received"]), force_reference=row["force_reference"],
        source=row["source"], evidence=row["evidence"], message_row=row["message_row"],
        recorded_at=row["recorded_at"], voids=tuple(json.loads(row["voids"] or "[]")),
    )


@dataclass
class QuestionOutcome:
    status: str
    on: date
    sections: list[str] = field(default_factory=list)
    ncnd: bool = False


@dataclass
class State:
    """A request as its events say it is."""

    act: str = "FOIA"
    status: str = "draft"
    sent_on: date | None = None
    received_on: date | None = None  # the receipt the running (or last) s.10 clock counts from
    due_on: date | None = None  # the reply deadline (None while we owe a clarification)
    force_reference: str | None = None
    sections: list[str] = field(default_factory=list)
    ncnd: bool = False
    last_event_on: date | None = None
    review_asked_on: date | None = None
    review_due_on: date | None = None
    questions: dict[int, QuestionOutcome] = field(default_factory=dict)
    replied_on: date | None = None  # first substantive reply
    due_at_reply: date | None = None  # the deadline in force when that reply came
    received_at_reply: date | None = None
    acknowledged: bool = False  # since the clock last started
    last_reply_on: date | None = None  # the latest substantive reply
    chased_on: date | None = None  # the latest chaser
    review_outcome_on: date | None = None
    review_by: date | None = None  # the last day to ask for an internal review of the reply
    complain_by: date | None = None  # the last day to complain to the Commissioner
    voided: dict[int, int] = field(default_factory=dict)  # event id -> id of the correction voiding it
    status_after: dict[int, str] = field(default_factory=dict)  # event id -> status once applied
    warnings: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)  # impossible moves skipped (lenient replay)

    @property
    def open_due_on(self) -> date | None:
        """The deadline currently running: the reply's, or the internal review's."""
        if self.status == "internal-review":
            return self.review_due_on
        return self.due_on if self.status in AWAITING else None

    def as_dict(self) -> dict[str, Any]:
        return {
            "act": self.act, "status": self.status, "sent_on": self.sent_on, "received_on": self.received_on,
            "due_on": self.due_on, "force_reference": self.force_reference, "sections": list(self.sections),
            "ncnd": self.ncnd, "last_event_on": self.last_event_on, "review_asked_on": self.review_asked_on,
            "review_due_on": self.review_due_on, "replied_on": self.replied_on,
            "last_reply_on": self.last_reply_on, "chased_on": self.chased_on,
            "review_outcome_on": self.review_outcome_on, "review_by": self.review_by,
            "complain_by": self.complain_by,
            "questions": {str(n): {"status": q.status, "on": q.on, "sections": q.sections, "ncnd": q.ncnd}
                          for n, q in sorted(self.questions.items())},
        }


def order(events: Iterable[Event]) -> list[Event]:
    return sorted(events, key=lambda e: (e.on, e.id))


def _summarise(questions: dict[int, QuestionOutcome]) -> str:
    kinds = {q.status for q in questions.values()}
    if kinds == {"responded"}:
        return "responded"
    if len(kinds) == 1:
        return kinds.pop()  # all refused, all partial, all not held
    if kinds <= {"refused", "not-held"}:
        return "refused"
    return "partial"


def impossible_reason(status: str, kind: str) -> str | None:
    """Why `kind` cannot follow `status`, or None when it can."""
    if kind in PASSIVE or kind == "correction" or kind in _ALLOWED.get(status, frozenset()):
        return None
    if status == "draft":
        return "the request is still a draft (mark it sent first)"
    if status == "sending":
        return "the request is being sent (wait for sent or failed)"
    if status == "withdrawn":
        return "the request was withdrawn"
    if kind == "clarified":
        return f"the request is {status}: clarified only answers a request for clarification"
    if kind in ("sent", "sending"):
        return f"the request was already sent (it is {status})"
    if kind == "failed":
        return f"the request is {status}, not being sent"
    if kind in REVIEW_OUTCOMES:
        return f"the request is {status}: no internal review was asked for"
    if kind == "internal-review":
        return f"the request is {status}: an internal review needs a reply to review"
    return f"the request is {status}"


class ImpossibleMove(FoiError):
    def __init__(self, event: Event, reason: str) -> None:
        super().__init__(f"{event.kind} on {event.on.isoformat()} is impossible: {reason}")
        self.event = event
        self.reason = reason


def derive_state(events: Sequence[Event], act: str = "FOIA",
                 extra_holidays: Iterable[date] | Mapping[date, str] = (), *, strict: bool = False,
                 calendar: Calendar | None = None) -> State:
    """Replay the events in (on_date, id) order. Pure: the same events always give the same state.

    With strict, an impossible move raises FoiError naming the event; otherwise it is skipped and
    listed in `problems` (a database edited by hand must still show on the board).
    """
    cal = calendar or calendar_for(act, extra_holidays)
    state = State(act=cal.act)
    for event in events:
        if event.kind == "correction":
            for target in event.voids:
                state.voided.setdefault(target, event.id)
    for event in order(events):
        if event.id in state.voided:
            continue
        reason = impossible_reason(state.status, event.kind) or _early_review(state, event)
        if reason:
            if strict:
                raise ImpossibleMove(event, reason)
            state.problems.append(f"event {event.id}: {event.kind} on {event.on.isoformat()} is impossible: {reason}")
            continue
        _apply(state, event, cal)
        state.status_after[event.id] = state.status
    _escalation_deadlines(state, cal)
    return state


def _receipt_day(sent: date, cal: Calendar) -> date:
    """The day a message sent on `sent` reaches them: that day, or the next working day when it
    is not a working day (foi.deadlines.receipt; the time of day, when known, is in `received`)."""
    return sent if cal.is_working_day(sent) else cal.add_working_days(sent, 1)


def _early_review(state: State, e: Event) -> str | None:
    """A review of a request still awaiting its reply is for a missed deadline only."""
    if e.kind != "internal-review" or state.status not in AWAITING:
        return None
    if state.due_on is not None and e.on > state.due_on:
        return None
    due = f" (due {state.due_on.isoformat()})" if state.due_on else ""
    return (f"the request is {state.status}{due}: an internal review needs a reply to review, or a reply "
            "deadline that has passed")


def complaint_deadline(act: str, base: date) -> date:
    """The last day to complain to the Commissioner about something that happened on `base`."""
    if act == "FOISA":
        from dateutil.relativedelta import relativedelta  # installed with holidays

        return base + relativedelta(months=FOISA_APPEAL_MONTHS)
    return base + timedelta(weeks=COMPLAINT_WEEKS)


def reviewable(state: State) -> bool:
    """The last reply withheld something: worth an internal review (or, after one, a complaint)."""
    return state.status in REVIEWABLE or (state.status == "not-held" and state.ncnd)


def _escalation_deadlines(state: State, cal: Calendar) -> None:
    status = state.status
    if status in REPLIES and state.last_reply_on is not None and reviewable(state):
        if state.review_asked_on is not None and state.last_reply_on >= state.review_asked_on:
            state.complain_by = complaint_deadline(cal.act, state.last_reply_on)  # the review's answer
        else:
            start = state.last_reply_on
            if cal.act == "FOISA" and state.due_on is not None and state.due_on > start:
                start = state.due_on  # s.20(5)(a): a reply on time leaves 40 days from the deadline
            state.review_by = cal.add_working_days(start, REVIEW_REQUEST_DAYS)
    elif status == "review-upheld" and state.review_outcome_on is not None:
        state.complain_by = complaint_deadline(cal.act, state.review_outcome_on)
    elif status == "internal-review" and state.review_asked_on is not None:
        # FOISA allows 20 working days and no extension (s.21(1)); the ICO takes a complaint once 40
        # have passed. The six weeks (six months) run from then.
        days = REVIEW_DAYS if cal.act == "FOISA" else REVIEW_MAX_DAYS
        state.complain_by = complaint_deadline(cal.act, cal.add_working_days(state.review_asked_on, days))


def _start_clock(state: State, received: date, cal: Calendar) -> None:
    state.received_on = received
    state.due_on = cal.due_date(received).due
    state.acknowledged = False


def _apply(state: State, e: Event, cal: Calendar) -> None:
    if state.last_event_on is None or e.on > state.last_event_on:
        state.last_event_on = e.on
    if e.force_reference:
        state.force_reference = e.force_reference
    kind = e.kind
    if kind in PASSIVE or kind == "correction":
        return
    if kind in STAYS:
        state.chased_on = e.on
        return
    if kind == "failed":
        state.status = "draft"
        return
    if kind == "sent":
        state.sent_on = e.on
        _start_clock(state, max(e.received, e.on) if e.received else _receipt_day(e.on, cal), cal)
    elif kind == "acknowledged":
        # Receipt is the day the request reached them (the day sent, or the next working day). An
        # acknowledgement moves it only when it states a different date of receipt: the date of
        # the acknowledgement itself is never the date of receipt. Only the first acknowledgement
        # since the clock started counts, and a stated date before we sent it is impossible.
        if not state.acknowledged and state.received_on is not None:
            floor = state.sent_on if state.status == "sent" else state.received_on
            if (e.received is not None and e.received != state.received_on and state.status in ("sent", "clarified")
                    and (floor is None or e.received >= floor)):
                state.received_on = e.received
                state.due_on = cal.due_date(e.received).due
            state.acknowledged = True
        if state.status in ("sent", "clarified"):
            state.status = "acknowledged"
        return
    elif kind == "clarification":
        state.due_on = None  # s.1(3): no duty to reply until the clarification arrives
    elif kind == "clarified":
        _start_clock(state, e.received or _receipt_day(e.on, cal), cal)
    elif kind == "extended":
        if state.status == "internal-review":
            _extend_review(state, e, cal)
            return
        _extend_reply(state, e, cal)
    elif kind in REPLIES:
        _reply(state, e)
        return
    elif kind == "internal-review":
        state.review_asked_on = e.on
        state.review_due_on = cal.add_working_days(e.on, REVIEW_DAYS)
    elif kind in REVIEW_OUTCOMES:
        state.review_outcome_on = e.on
        _add_sections(state, e)
    state.status = kind


def _extend_reply(state: State, e: Event, cal: Calendar) -> None:
    base = state.due_on or (cal.due_date(state.received_on).due if state.received_on else None)
    if base is None:
        raise FoiError("extended needs a sent request")  # unreachable: the state machine allows it only then
    due = e.until or cal.add_working_days(base, 20)
    if due < base:
        state.warnings.append(f"the extension to {due.isoformat()} is earlier than the due date it extends "
                              f"({base.isoformat()})")
    state.due_on = due
    if state.received_on is not None:
        total = cal.working_days_between(state.received_on, due)
        if total > EXTENSION_WARN_DAYS:
            state.warnings.append(
                f"the extension to {due.isoformat()} makes {total} working days from receipt; the ICO expects "
                f"no more than {EXTENSION_WARN_DAYS} in total (20 more than the usual 20)")


def _extend_review(state: State, e: Event, cal: Calendar) -> None:
    asked = state.review_asked_on
    assert asked is not None
    latest = cal.add_working_days(asked, REVIEW_MAX_DAYS)
    due = e.until or latest
    state.review_due_on = due
    if due > latest:
        state.warnings.append(
            f"the internal review extended to {due.isoformat()} is beyond {REVIEW_MAX_DAYS} working days after "
            f"it was asked for ({latest.isoformat()}), the most the ICO's code of practice allows")


def _add_sections(state: State, e: Event) -> None:
    if e.kind in SECTION_KINDS:
        for section in e.sections:
            if section not in state.sections:
                state.sections.append(section)
    if e.ncnd and e.kind in NCND_KINDS:
        state.ncnd = True


def _reply(state: State, e: Event) -> None:
    state.last_reply_on = e.on
    if state.replied_on is None:
        state.replied_on = e.on
        state.due_at_reply = state.due_on
        state.received_at_reply = state.received_on
    _add_sections(state, e)
    if e.question is not None:
        state.questions[e.question] = QuestionOutcome(e.kind, e.on, list(e.sections), e.ncnd)
        state.status = _summarise(state.questions)
    else:
        state.status = e.kind


# --- the database side -------------------------------------------------------------------------


def load_events(db: sqlite_utils.Database, request_id: int) -> list[Event]:
    rows = db.conn.execute("SELECT * FROM events WHERE request_id = ? ORDER BY on_date, id", (request_id,))
    names = [c[0] for c in rows.description]
    return [event_from_row(dict(zip(names, row, strict=True))) for row in rows.fetchall()]


def load_batch_events(db: sqlite_utils.Database, batch: str) -> dict[int, list[Event]]:
    """Every event of a batch's requests, by request id, in replay order: one query for a whole batch."""
    found: dict[int, list[Event]] = {}
    cur = db.conn.execute("SELECT e.* FROM events e JOIN requests r ON r.id = e.request_id WHERE r.batch = ? "
                          "ORDER BY e.on_date, e.id", (batch,))
    names = [c[0] for c in cur.description]
    for values in cur.fetchall():
        raw = dict(zip(names, values, strict=True))
        found.setdefault(raw["request_id"], []).append(event_from_row(raw))
    return found


def _request_row(db: sqlite_utils.Database, request_id: int) -> dict[str, Any]:
    cur = db.conn.execute(
        "SELECT r.*, b.act FROM requests r JOIN bodies b ON b.slug = r.body WHERE r.id = ?", (request_id,))
    row = cur.fetchone()
    if row is None:
        raise FoiError(f"No request with id {request_id}.")
    return dict(zip([c[0] for c in cur.description], row, strict=True))


def workspace_extra_holidays(db: sqlite_utils.Database) -> dict[date, str]:
    """The extra non-working days in the foi.toml next to this database (db/foi.db)."""
    from foi.workspace import CONFIG_NAME, load_config

    for _seq, name, file in db.conn.execute("PRAGMA database_list").fetchall():
        if name == "main" and file:
            config = Path(file).parent.parent / CONFIG_NAME
            if config.is_file():
                from foi.workspace import Workspace

                return Workspace(root=config.parent, config=load_config(config)).extra_holidays
    return {}


def write_state(db: sqlite_utils.Database, request_id: int, state: State) -> None:
    def iso(d: date | None) -> str | None:
        return d.isoformat() if d else None

    # requests.due_on is the deadline that matters now: the review's during an internal review,
    # otherwise the reply's (kept after the reply so the board can say whether it was late).
    due = state.review_due_on if state.status == "internal-review" else state.due_on
    db.conn.execute(
        "UPDATE requests SET status = ?, sent_on = ?, received_on = ?, due_on = ?, force_reference = ?, "
        "sections = ?, ncnd = ?, last_event_on = ?, review_by = ?, complain_by = ? WHERE id = ?",
        (state.status, iso(state.sent_on), iso(state.received_on), iso(due), state.force_reference,
         dumps(state.sections), int(state.ncnd), iso(state.last_event_on), iso(state.review_by),
         iso(state.complain_by), request_id),
    )


@dataclass
class Recorded:
    event_id: int
    state: State
    warnings: list[str]


def _build_event(request: Mapping[str, Any], existing: Sequence[Event], kind: str, on: date, *, source: str,
                 note: str | None, sections: Sequence[str] | None, ncnd: bool, question: int | None,
                 until: date | None, force_reference: str | None, evidence: str | None,
                 message_row: int | None, received: date | None, to_status: str | None,
                 voids: Sequence[int] | None, cal: Calendar, new_id: int) -> Event:
    """Check one new event's own fields and resolve a correction into the events it voids."""
    if kind not in KINDS:
        raise FoiError(f"Unknown status {kind!r}: use one of {', '.join(USER_KINDS)}.")
    if source not in SOURCES:
        raise FoiError(f"Unknown event source {source!r}: use one of {', '.join(SOURCES)}.")
    on = on.date() if isinstance(on, datetime) else parse_date(on, "--on")
    cal.is_working_day(on)  # a date outside the years foi counts fails here, with its message
    clean_sections = tuple(dict.fromkeys(normalise_section(s) for s in sections or ()))
    if clean_sections and kind not in SECTION_ALLOWED:
        raise FoiError(f"Sections go with refused, partial, not-held, extended or a review outcome, not {kind}.")
    if ncnd and kind not in NCND_KINDS:
        raise FoiError(f"Neither-confirm-nor-deny goes with refused, partial, not-held or review-upheld, not {kind}.")
    if question is not None:
        if kind not in QUESTION_KINDS:
            raise FoiError(f"--question goes with responded, partial, refused or not-held, not {kind}.")
        if isinstance(question, bool) or not isinstance(question, int) or question < 1:
            raise FoiError(f"Bad question number {question!r}: use 1 for the first question.")
    if until is not None:
        if kind != "extended":
            raise FoiError(f"--until goes with extended, not {kind}.")
        until = parse_date(until, "--until")
        if until <= on:
            raise FoiError(f"--until {until.isoformat()} must be after the date of the extension ({on.isoformat()}).")
        if not cal.is_working_day(until):
            raise FoiError(f"--until {until.isoformat()} is not a working day ({cal.why_not_working(until)}).")
    if received is not None:
        if kind not in ("sent", "acknowledged", "clarified"):
            raise FoiError(f"--received goes with sent, acknowledged or clarified, not {kind}.")
        received = parse_date(received, "--received")
    if (to_status or voids) and kind != "correction":
        raise FoiError("Only a correction can name a status to return to or events to void.")
    resolved: tuple[int, ...] = ()
    if kind == "correction":
        if not (note and note.strip()):
            raise FoiError("A correction needs --note saying what was wrong.")
        resolved = tuple(_resolve_voids(existing, to_status, voids, request, cal))
    return Event(id=new_id, on=on, kind=kind, note=note.strip() if note else None, sections=clean_sections,
                 ncnd=bool(ncnd), question=question, until=until, received=received,
                 force_reference=(force_reference or "").strip() or None, source=source, evidence=evidence,
                 message_row=message_row, recorded_at=now_iso(), voids=resolved)


def _resolve_voids(existing: Sequence[Event], to_status: str | None, voids: Sequence[int] | None,
                   request: Mapping[str, Any], cal: Calendar) -> list[int]:
    state = derive_state(existing, calendar=cal)
    effective = [e for e in order(existing) if e.id not in state.voided and e.id in state.status_after]
    if voids:
        by_id = {e.id: e for e in existing}
        for target in voids:
            if target not in by_id:
                raise FoiError(f"Event {target} is not in the history of {request['body']}: "
                               f"see `foi history {request['batch']} {request['body']}`.")
            if by_id[target].kind == "correction":
                raise FoiError(f"Event {target} is itself a correction; record a new event instead.")
            if target in state.voided:
                raise FoiError(f"Event {target} was already voided by event {state.voided[target]}.")
        return sorted(set(voids))
    moving = [e for e in effective if e.kind not in PASSIVE and e.kind != "correction"]
    if not moving:
        raise FoiError(f"Nothing to correct: {request['body']} has no status changes.")
    if to_status is None:
        return [moving[-1].id]  # undo the latest change of status
    if to_status not in STATUSES:
        raise FoiError(f"Unknown status {to_status!r} for --to: use one of {', '.join(STATUSES)}.")
    if state.status == to_status:
        raise FoiError(f"{request['body']} is already {to_status}.")
    # The last point in the history where the request stood at to_status; void every change after it.
    statuses = ["draft"] + [state.status_after[e.id] for e in moving]
    points = [i for i, status in enumerate(statuses) if status == to_status]
    if not points:
        raise FoiError(f"{request['body']} was never {to_status}; its statuses so far: "
                       f"{', '.join(dict.fromkeys(statuses))}.")
    return [e.id for e in moving[points[-1]:]]


def prepare_event(db: sqlite_utils.Database, request: Mapping[str, Any], pending: Sequence[Event], kind: str,
             on: date, cal: Calendar, new_id: int, **fields: Any) -> tuple[Event, State]:
    existing = list(load_events(db, request["id"])) + list(pending)
    event = _build_event(request, existing, kind, on, cal=cal, new_id=new_id, **fields)
    try:
        state = derive_state([*existing, event], calendar=cal, strict=True)
    except ImpossibleMove as exc:
        label = kind if kind != "correction" else "that correction"
        why = exc.reason
        if exc.event.id != event.id:  # back-filled before events it contradicts
            later = exc.event
            ref = f"event {later.id}" if later.id in {e.id for e in existing if e.id < event.id} else "another row"
            why = (f"{ref} ({later.kind} on {later.on.isoformat()}) would come after it and be impossible: {why}")
        raise FoiError(f"Can't record {label} for {request['body']} on {event.on.isoformat()}: {why}.") from None
    return event, state


def insert_event(db: sqlite_utils.Database, request_id: int, event: Event) -> int:
    cur = db.conn.execute(
        "INSERT INTO events (id, request_id, on_date, kind, note, sections, ncnd, question, until, received, "
        "force_reference, source, evidence, message_row, recorded_at, voids) "
        "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
        (event.id, request_id, event.on.isoformat(), event.kind, event.note, dumps(list(event.sections)),
         int(event.ncnd), event.question, event.until.isoformat() if event.until else None,
         event.received.isoformat() if event.received else None, event.force_reference, event.source,
         event.evidence, event.message_row, event.recorded_at, dumps(list(event.voids))),
    )
    return int(cur.lastrowid)  # type: ignore[arg-type]


def record_event(db: sqlite_utils.Database, request_id: int, kind: str, on: date, *, source: str = "hand",
                 note: str | None = None, sections: list[str] | None = None, ncnd: bool = False,
                 question: int | None = None, until: date | None = None,
                 force_reference: str | None = None, evidence: str | None = None,
                 message_row: int | None = None, received: date | None = None,
                 to_status: str | None = None, voids: list[int] | None = None,
                 extra_holidays: Mapping[date, str] | None = None) -> int:
    """Validate the move (FoiError if impossible), append the event and update `requests`, in one
    transaction; returns the event id. `to_status`/`voids` only go with kind="correction"."""
    return _record(db, request_id, kind, on, source=source, note=note, sections=sections, ncnd=ncnd,
                   question=question, until=until, force_reference=force_reference, evidence=evidence,
                   message_row=message_row, received=received, to_status=to_status, voids=voids,
                   extra_holidays=extra_holidays).event_id


def _record(db: sqlite_utils.Database, request_id: int, kind: str, on: date, *,
            extra_holidays: Mapping[date, str] | None = None, **fields: Any) -> Recorded:
    extra = workspace_extra_holidays(db) if extra_holidays is None else extra_holidays
    with db.atomic():
        request = _request_row(db, request_id)
        cal = calendar_for(request["act"], extra)
        before = derive_state(load_events(db, request_id), calendar=cal)
        event, state = prepare_event(db, request, [], kind, on, cal, new_id=next_event_id(db), **fields)
        event_id = insert_event(db, request_id, event)
        write_state(db, request_id, state)
    return Recorded(event_id, state, [w for w in state.warnings if w not in before.warnings])


def next_event_id(db: sqlite_utils.Database) -> int:
    # The id the new event will get, so that replay order (on_date, id) is the same before and
    # after it is stored. Called inside the transaction that inserts it.
    row = db.conn.execute("SELECT COALESCE(MAX(id), 0) + 1 FROM events").fetchone()
    return int(row[0])


def rederive(db: sqlite_utils.Database, request_ids: Iterable[int] | None = None,
             extra_holidays: Mapping[date, str] | None = None) -> int:
    """Re-derive and rewrite `requests` from the events (after foi.toml's extra holidays change)."""
    extra = workspace_extra_holidays(db) if extra_holidays is None else extra_holidays
    ids = list(request_ids) if request_ids is not None else [
        r[0] for r in db.conn.execute("SELECT id FROM requests").fetchall()]
    cals: dict[str, Calendar] = {}
    with db.atomic():
        for request_id in ids:
            request = _request_row(db, request_id)
            cal = cals.setdefault(request["act"], calendar_for(request["act"], extra))
            write_state(db, request_id, derive_state(load_events(db, request_id), calendar=cal))
    return len(ids)
