"""The next step for every request of a batch, as its record supports it, with the dates explained.

  chase      no reply by the s.10 deadline (or no review answer by the 20th working day): remind them
  review     a refusal, a partial answer or "neither confirm nor deny": ask for an internal review,
             within 40 working days of the reply (FOIA: the s.45 code of practice, after which a force
             may decline; FOISA s.20(5): 40 working days from the reply, or from the deadline when the
             reply came on time). Under FOISA a missed deadline is reviewed too (s.20(1)), after a chaser.
  wait       a review is running (answer expected 20 working days after asking, 40 at most), or a
             chaser was sent less than CHASE_GRACE_DAYS ago
  complaint  to the Information Commissioner under FOIA s.50 when the review upheld the refusal (or
             its answer still withholds), when no review answer came in 40 working days, or when a
             chaser went unanswered (the ICO takes a missed s.10 deadline without a review, but wants to
             see that you chased). Under FOISA an application to the Scottish Information Commissioner
             (s.47), only after a review: when it upheld the refusal or was not answered in 20 working
             days (s.21(1)). The ICO asks for complaints within six weeks of the last substantive
             contact; FOISA allows six months (s.47(4)). Those dates are `complain_by`.
  none       nothing to do (answered, not held, withdrawn, with the Commissioner, not yet due...)

Working days come from `foi.deadlines` through each request's calendar (FOIA or FOISA, plus the
workspace's extra days); the review and complaint windows from `foi.tracking`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Any

from foi.deadlines import Calendar, calendar_for
from foi.errors import FoiError
from foi.tracking import (
    AWAITING,
    REPLIES,
    REVIEW_DAYS,
    REVIEW_MAX_DAYS,
    REVIEW_OUTCOMES,
    REVIEW_REQUEST_DAYS,
    Event,
    State,
    derive_state,
    load_batch_events,
    order,
    reviewable,
)

if TYPE_CHECKING:
    import sqlite_utils

    from foi.workspace import Workspace

STEPS = ("chase", "review", "wait", "complaint", "none")
ACTIONS = ("chase", "review", "complaint")  # the steps that make a letter
EVENT_KIND = {"chase": "chased", "review": "internal-review", "complaint": "ico-complaint"}
# Working days to give a chaser before escalating; the chaser letter says so.
CHASE_GRACE_DAYS = 10
# Working days to wait for information a review said would be released.
RELEASE_DAYS = 20
REGULATOR = {"FOIA": "the Information Commissioner", "FOISA": "the Scottish Information Commissioner"}
PENDING_PREFIX = "sending:"  # messages.kind of an escalation handed to SMTP but not yet confirmed


@dataclass
class Step:
    """What to do next about one request, and why."""

    batch: str
    body: str
    body_name: str
    act: str
    reference: str
    force_reference: str | None
    request_id: int
    last_event_id: int  # the newest event when planned: a letter is sent only if none came since
    status: str  # as the board shows it today
    step: str  # one of STEPS
    # What a chase, review or complaint is about: "reply" (none came), "refusal" (what it withheld),
    # "review" (the review's answer, or its absence) or "release" (promised by a review, not sent).
    target: str | None
    why: list[str]
    dates: dict[str, Any]
    sections: list[str]
    ncnd: bool
    evidence: list[dict[str, Any]]
    late: str | None = None  # the step's own time limit has passed: what that means
    unconfirmed: dict[str, Any] | None = None  # an earlier send of this step that may or may not have gone
    request: dict[str, Any] = field(default_factory=dict, repr=False)
    state: State = field(default_factory=State, repr=False)
    events: list[Event] = field(default_factory=list, repr=False)  # the events that count, in order

    @property
    def event_kind(self) -> str | None:
        return EVENT_KIND.get(self.step)

    def as_dict(self) -> dict[str, Any]:
        return {
            "body": self.body, "body_name": self.body_name, "act": self.act, "reference": self.reference,
            "force_reference": self.force_reference, "status": self.status, "step": self.step,
            "target": self.target, "why": self.why, "dates": self.dates, "sections": self.sections,
            "ncnd": self.ncnd, "late": self.late, "evidence": self.evidence, "unconfirmed": self.unconfirmed,
        }


@dataclass
class Plan:
    batch: str
    today: date
    steps: list[Step]

    def counts(self) -> dict[str, int]:
        return {s: n for s in STEPS if (n := sum(1 for step in self.steps if step.step == s))}

    def as_dict(self) -> dict[str, Any]:
        return {"batch": self.batch, "today": self.today, "counts": self.counts(),
                "steps": [s.as_dict() for s in self.steps]}


@dataclass
class _Decision:
    step: str
    why: list[str]
    target: str | None = None
    late: str | None = None
    dates: dict[str, Any] = field(default_factory=dict)


def check_steps(only: Sequence[str] | None, allowed: Sequence[str] = STEPS) -> list[str] | None:
    if not only:
        return None
    bad = [s for s in only if s not in allowed]
    if bad:
        raise FoiError(f"Unknown step {', '.join(map(repr, bad))} for --only: use {', '.join(allowed)}.")
    return list(dict.fromkeys(only))


def plan_batch(ws: Workspace, batch: str, *, today: date, only: Sequence[str] | None = None,
               bodies: Sequence[str] | None = None) -> Plan:
    """The next step for each request of `batch` on `today` (or of `bodies`), keeping `only` those steps."""
    from foi.batches import batch_requests

    wanted = check_steps(only)
    db = ws.db
    requests = batch_requests(db, batch, list(bodies) if bodies else None)
    events = load_batch_events(db, batch)
    pending = pending_sends(db, batch)
    extra = ws.extra_holidays
    calendars: dict[str, Calendar] = {}
    steps = []
    for request in requests:
        cal = calendars.setdefault(request["act"], calendar_for(request["act"] or "FOIA", extra))
        step = plan_request(request, events.get(request["id"], []), cal, today)
        step.unconfirmed = _unconfirmed(pending.get(request["id"]), step)
        if step.unconfirmed:
            step.why.append(
                f"A {step.unconfirmed['step']} sent on {step.unconfirmed['on']} may or may not have gone (the run "
                f"stopped): check your sent mail, then `foi escalate {batch} --send --only {step.unconfirmed['step']} "
                f"--retry-unconfirmed`, or `foi mark {batch} {step.body} {EVENT_KIND[step.unconfirmed['step']]} --on "
                f"{step.unconfirmed['on']}` if it went.")
        steps.append(step)
    if wanted:
        steps = [s for s in steps if s.step in wanted]
    return Plan(batch=batch, today=today, steps=steps)


def pending_sends(db: sqlite_utils.Database, batch: str) -> dict[int, dict[str, Any]]:
    """Escalations handed to SMTP whose acceptance was never recorded, by request id. One recorded since
    by hand (`foi mark ... chased`) settles it."""
    rows = db.query(
        "SELECT m.id, m.request_id, m.kind, m.message_id, m.date, m.to_addr FROM messages m "
        "JOIN requests r ON r.id = m.request_id WHERE r.batch = ? AND m.direction = 'out' AND m.kind LIKE ? "
        "AND NOT EXISTS (SELECT 1 FROM events e WHERE e.request_id = m.request_id "
        "AND e.kind = substr(m.kind, ?) AND e.on_date >= m.date) ORDER BY m.id",
        [batch, PENDING_PREFIX + "%", len(PENDING_PREFIX) + 1])
    return {row["request_id"]: dict(row) for row in rows}


def _unconfirmed(row: dict[str, Any] | None, step: Step) -> dict[str, Any] | None:
    if row is None:
        return None
    kind = row["kind"][len(PENDING_PREFIX):]
    name = next((s for s, k in EVENT_KIND.items() if k == kind), kind)
    return {"step": name, "on": row["date"], "message_id": row["message_id"], "to": row["to_addr"],
            "row": row["id"]}


# --------------------------------------------------------------------------------------------------
# One request


def plan_request(request: dict[str, Any], events: Sequence[Event], cal: Calendar, today: date) -> Step:
    """The step for one request from its events (pure: no database)."""
    state = derive_state(events, calendar=cal)
    effective = [e for e in order(events) if e.id in state.status_after]
    decision = _decide(state, effective, cal, today)
    status = state.status
    running = state.open_due_on
    if running is not None and today > running:
        status = "review-overdue" if status == "internal-review" else "overdue"
    dates = {key: value for key, value in decision.dates.items() if value is not None}
    return Step(
        batch=request["batch"], body=request["body"], body_name=request.get("body_name") or request["body"],
        act=cal.act, reference=request["reference"], force_reference=state.force_reference,
        request_id=request["id"], last_event_id=max((e.id for e in events), default=0), status=status,
        step=decision.step, target=decision.target, why=decision.why,
        dates=dates, sections=list(state.sections), ncnd=state.ncnd,
        evidence=_evidence(effective) if decision.step in ("review", "complaint") else [],
        late=decision.late, request=request, state=state, events=effective,
    )


def _evidence(effective: Sequence[Event]) -> list[dict[str, Any]]:
    """What the force said: the sentence kept with each reply or review outcome (or the note typed)."""
    found = []
    for e in effective:
        if e.kind in REPLIES or e.kind in REVIEW_OUTCOMES:
            found.append({"on": e.on, "kind": e.kind, "sections": list(e.sections), "ncnd": e.ncnd,
                          "text": e.evidence or e.note, "message_row": e.message_row})
    return found


def _wd(n: int) -> str:
    return f"{n} working day{'' if n == 1 else 's'}"


def working_days_span(low: int, high: int) -> str:
    """"3-16 working days", or "16 working days" / "1 working day" when both ends are one number."""
    if low == high:
        return _wd(low)
    return f"{low}-{high} working days"


def _law(act: str) -> str:
    return "FOISA" if act == "FOISA" else "FOIA"


def _cited(state: State) -> str:
    from foi.escalate.arguments import specific

    parts = [f"s.{s}" for s in specific(state.sections)]
    if state.ncnd:
        parts.append("neither confirm nor deny")
    return ", ".join(parts) if parts else "no section named"


def _decide(state: State, effective: Sequence[Event], cal: Calendar, today: date) -> _Decision:
    status, law = state.status, _law(cal.act)
    if status in ("draft", "sending"):
        return _Decision("none", ["Not sent yet." if status == "draft" else
                                  "Being sent: `foi send` confirms it or reports it unconfirmed."])
    if status == "withdrawn":
        return _Decision("none", [f"Withdrawn on {state.last_event_on}."])
    if status == "clarification":
        return _Decision("none", [f"They asked for clarification on {_last(effective, 'clarification')}: the clock "
                                  "stops until you answer (then `foi mark ... clarified`)."])
    if status == "ico-complaint":
        return _Decision("none", [f"With {REGULATOR[cal.act]} since {_last(effective, 'ico-complaint')}: nothing to "
                                  "do until the Commissioner's office writes."])
    if status in AWAITING:
        return _awaiting(state, cal, today, law)
    if status == "internal-review":
        return _review_running(state, cal, today)
    if status == "review-upheld":
        return _complain(state, today, target="review", why=[
            f"The internal review answered on {state.review_outcome_on} upheld the refusal ({_cited(state)})."])
    if status == "review-overturned":
        return _overturned(state, cal, today)
    if status in REPLIES:
        return _replied(state, cal, today, effective)
    return _Decision("none", [f"Status {status}."])


def _last(effective: Sequence[Event], kind: str) -> date | None:
    return next((e.on for e in reversed(effective) if e.kind == kind), None)


def _awaiting(state: State, cal: Calendar, today: date, law: str) -> _Decision:
    due, received = state.due_on, state.received_on
    if due is None:
        return _Decision("none", ["No reply deadline is running."])
    dates: dict[str, Any] = {"received_on": received, "due_on": due}
    extended = " (as extended)" if state.status == "extended" else ""
    if today <= due:
        left = cal.working_days_between(today, due)
        return _Decision("none", [f"Reply due {due}{extended}: {_wd(left)} left."], dates=dates)
    overdue = cal.working_days_between(due, today)
    dates["working_days_overdue"] = overdue
    late = (f"No reply: it was due {due}{extended}, the 20th working day after receipt on {received} "
            f"(s.10(1) {law}); {_wd(overdue)} late today.")
    chased = state.chased_on if state.chased_on and state.chased_on > due else None
    if chased is None:
        return _Decision("chase", [late], target="reply", dates=dates)
    grace = cal.add_working_days(chased, CHASE_GRACE_DAYS)
    dates |= {"chased_on": chased, "chase_wait_until": grace}
    if today <= grace:
        then = "ask for a review" if law == "FOISA" else f"complain to {REGULATOR[cal.act]}"
        return _Decision("wait", [late, f"Chased on {chased}: give them until {grace} ({_wd(CHASE_GRACE_DAYS)}), "
                                        f"then {then}."], target="reply", dates=dates)
    if law == "FOISA":
        # FOISA s.20(1), s.20(5)(a): a failure to respond is reviewed first, within 40 working days of the deadline.
        review_by = cal.add_working_days(due, REVIEW_REQUEST_DAYS)
        dates["review_by"] = review_by
        why = [late, f"Chased on {chased} with no answer by {grace}. FOISA requires a review of the failure to "
                     f"respond before an appeal: require one by {review_by} (40 working days after the deadline)."]
        return _Decision("review", why, target="reply", dates=dates, late=_review_late(today, review_by))
    why = [late, f"Chased on {chased} with no answer by {grace}. The Information Commissioner takes a missed "
                 "deadline without an internal review (s.50 FOIA), with the chaser as evidence that you tried. "
                 "The six weeks the ICO asks for run from a reply; there has been none, so complain promptly."]
    return _Decision("complaint", why, target="reply", dates=dates)


def _review_late(today: date, review_by: date) -> str | None:
    if today <= review_by:
        return None
    return (f"The 40 working days to ask ended on {review_by}: the force may decline a late review, so ask "
            "anyway and say why it is late.")


def _review_running(state: State, cal: Calendar, today: date) -> _Decision:
    asked = state.review_asked_on
    assert asked is not None
    expected = state.review_due_on or cal.add_working_days(asked, REVIEW_DAYS)
    latest = cal.add_working_days(asked, REVIEW_DAYS if cal.act == "FOISA" else REVIEW_MAX_DAYS)
    dates: dict[str, Any] = {"review_asked_on": asked, "review_expected_on": expected, "review_latest_on": latest}
    if cal.act == "FOISA":
        expected = latest = cal.add_working_days(asked, REVIEW_DAYS)  # s.21(1): 20 working days, no extension
        dates |= {"review_expected_on": expected, "review_latest_on": latest}
        if today <= latest:
            return _Decision("wait", [f"Review required on {asked}: FOISA s.21(1) gives them until {latest} "
                                      "(20 working days)."], target="review", dates=dates)
        return _complain(state, today, target="review", dates=dates, why=[
            f"Review required on {asked}, no answer by {latest} (20 working days, FOISA s.21(1)): apply to "
            f"{REGULATOR['FOISA']} (s.47(1))."])
    if today <= expected:
        extra = "" if expected == cal.add_working_days(asked, REVIEW_DAYS) else " (as extended)"
        return _Decision("wait", [f"Internal review asked on {asked}: answer expected by {expected}{extra} "
                                  f"(20 working days), at the latest {latest} (40)."], target="review", dates=dates)
    overdue = cal.working_days_between(expected, today)
    dates["working_days_overdue"] = overdue
    if today <= latest:
        late = f"Internal review asked on {asked}, expected by {expected}: {_wd(overdue)} late."
        chased = state.chased_on if state.chased_on and state.chased_on > expected else None
        if chased is None:
            return _Decision("chase", [late, f"The code of practice allows 40 working days at most ({latest})."],
                             target="review", dates=dates)
        dates["chased_on"] = chased
        return _Decision("wait", [late, f"Chased on {chased}: if no answer by {latest} (40 working days), "
                                        "complain."], target="review", dates=dates)
    return _complain(state, today, target="review", dates=dates, why=[
        f"Internal review asked on {asked}: no answer by {latest}, 40 working days later, the most the code of "
        "practice allows."])


def _complain(state: State, today: date, *, target: str, why: list[str],
              dates: dict[str, Any] | None = None) -> _Decision:
    dates = dict(dates or {})
    by = state.complain_by
    dates["complain_by"] = by
    if state.review_outcome_on:
        dates["review_outcome_on"] = state.review_outcome_on
    if state.review_asked_on:
        dates.setdefault("review_asked_on", state.review_asked_on)
    late = None
    if by is not None:
        window = "six months (FOISA s.47(4))" if state.act == "FOISA" else "six weeks, as the ICO asks"
        why = [*why, f"Complain by {by}: {window}."]
        if today > by:
            late = f"The time to complain ended on {by}: the Commissioner may not consider it; say why it is late."
    return _Decision("complaint", why, target=target, dates=dates, late=late)


def _overturned(state: State, cal: Calendar, today: date) -> _Decision:
    decided = state.review_outcome_on
    assert decided is not None
    release_by = cal.add_working_days(decided, RELEASE_DAYS)
    dates: dict[str, Any] = {"review_outcome_on": decided, "release_expected_on": release_by}
    if today <= release_by:
        return _Decision("wait", [f"The review on {decided} overturned the refusal: the information should follow; "
                                  f"chase it if nothing comes by {release_by}."], target="release", dates=dates)
    chased = state.chased_on if state.chased_on and state.chased_on > release_by else None
    late = f"The review on {decided} overturned the refusal, but nothing was released by {release_by}."
    if chased is None:
        return _Decision("chase", [late], target="release", dates=dates)
    grace = cal.add_working_days(chased, CHASE_GRACE_DAYS)
    dates |= {"chased_on": chased, "chase_wait_until": grace}
    if today <= grace:
        return _Decision("wait", [late, f"Chased on {chased}: give them until {grace}."], target="release",
                         dates=dates)
    return _Decision("complaint", [late, f"Chased on {chased} with no answer by {grace}."], target="release",
                     dates=dates | {"complain_by": None})


def _replied(state: State, cal: Calendar, today: date, effective: Sequence[Event]) -> _Decision:
    replied = state.last_reply_on
    dates: dict[str, Any] = {"replied_on": replied}
    if state.due_at_reply and state.replied_on and state.replied_on > state.due_at_reply:
        dates["reply_working_days_late"] = cal.working_days_between(state.due_at_reply, state.replied_on)
    if not reviewable(state):
        if state.status == "not-held":
            return _Decision("none", [f"They said on {replied} that they hold no such information. If other forces "
                                      "hold it, an internal review can ask what searches were made."], dates=dates)
        return _Decision("none", [f"Answered on {replied}."], dates=dates)
    what = {"refused": "Refused", "partial": "Answered in part", "not-held": "Said not held"}[state.status]
    if state.review_asked_on is not None and replied is not None and replied >= state.review_asked_on:
        return _complain(state, today, target="review", dates=dates, why=[
            f"Internal review asked on {state.review_asked_on}; its answer on {replied} still withholds "
            f"({_cited(state)})."])
    review_by = state.review_by
    assert review_by is not None
    dates["review_by"] = review_by
    # FOISA s.20(5): a reply that came on time leaves 40 working days from the deadline instead.
    on_time_foisa = state.act == "FOISA" and state.due_on is not None and replied is not None and state.due_on > replied
    from_when = "the deadline" if on_time_foisa else "the reply"
    why = [f"{what} on {replied} ({_cited(state)}).",
           f"Ask for an internal review by {review_by} (40 working days after {from_when})."]
    return _Decision("review", why, target="refusal", dates=dates, late=_review_late(today, review_by))



# --------------------------------------------------------------------------------------------------
# As text


def describe(plan: Plan) -> list[str]:
    """The plan as plain lines: a heading per step, a line per request with why, dates included."""
    counts = plan.counts()
    head = ", ".join(f"{n} {step}" for step, n in counts.items()) or "no requests"
    lines = [f"{plan.batch} on {plan.today.isoformat()}: {head}"]
    width = max((len(s.body) for s in plan.steps), default=0)
    status_width = max((len(s.status) for s in plan.steps), default=0)
    for name in STEPS:
        steps = [s for s in plan.steps if s.step == name]
        if not steps:
            continue
        lines.append("")
        lines.append(f"{name} ({len(steps)})")
        for step in sorted(steps, key=_urgency):
            lines.append(f"  {step.body:<{width}}  {step.status:<{status_width}}  {' '.join(step.why)}")
            if step.late:
                lines.append(f"  {'':<{width}}  {'':<{status_width}}  Late: {step.late}")
    return lines


def _urgency(step: Step) -> tuple[Any, ...]:
    # Most pressing first: the nearest deadline of ours, then the longest overdue.
    by = step.dates.get("review_by") or step.dates.get("complain_by") or date.max
    return (by, -(step.dates.get("working_days_overdue") or 0), step.body)
