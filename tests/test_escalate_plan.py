"""`foi.escalate.plan`: the next step for a batch with a force in every state, dates explained."""

from __future__ import annotations

from datetime import date

import pytest
from escalate_helpers import SENT, TODAY, build_every_state

from foi.board import board, due, stats
from foi.errors import FoiError
from foi.escalate.plan import Plan, describe, plan_batch, working_days_span
from foi.marking import mark
from foi.workspace import Workspace

D = date


@pytest.fixture
def every(batch_ws: Workspace) -> Workspace:
    build_every_state(batch_ws)
    return batch_ws


@pytest.fixture
def plan(every: Workspace) -> Plan:
    return plan_batch(every, "cautions", today=TODAY)


def by_body(plan: Plan) -> dict:
    return {s.body: s for s in plan.steps}


# (body, board status, step, target, dates that must be there exactly)
EXPECTED = [
    ("kent", "overdue", "chase", "reply",
     {"received_on": D(2026, 1, 5), "due_on": D(2026, 2, 2), "working_days_overdue": 19}),
    ("lancashire", "overdue", "wait", "reply", {"chased_on": D(2026, 2, 20), "chase_wait_until": D(2026, 3, 6)}),
    ("sussex", "overdue", "complaint", "reply", {"chased_on": D(2026, 2, 4), "chase_wait_until": D(2026, 2, 18)}),
    # 40 working days after the reply; St Patrick's Day (17 March, Northern Ireland) is not one.
    ("essex", "refused", "review", "refusal", {"replied_on": D(2026, 1, 20), "review_by": D(2026, 3, 18)}),
    ("bedfordshire", "refused", "review", "refusal", {"review_by": D(2026, 3, 20)}),
    ("norfolk", "refused", "review", "refusal", {"review_by": D(2026, 3, 19)}),
    ("surrey", "partial", "review", "refusal", {"review_by": D(2026, 3, 19)}),
    ("suffolk", "refused", "review", "refusal", {"review_by": D(2026, 3, 20)}),
    ("devon-and-cornwall", "refused", "review", "refusal", {"review_by": D(2026, 3, 20)}),
    ("hampshire", "refused", "review", "refusal", {"review_by": D(2026, 3, 23)}),
    ("dorset", "refused", "review", "refusal", {"review_by": D(2026, 3, 20)}),
    ("durham", "internal-review", "wait", "review",
     {"review_asked_on": D(2026, 2, 16), "review_expected_on": D(2026, 3, 16), "review_latest_on": D(2026, 4, 16)}),
    ("cumbria", "review-overdue", "chase", "review",
     {"review_expected_on": D(2026, 2, 11), "review_latest_on": D(2026, 3, 11), "working_days_overdue": 12}),
    # Asked 24 November 2025: 20 working days skip St Andrew's Day's substitute (1 December, Scotland);
    # the 40 skip Christmas, Boxing Day, New Year and 2 January; six weeks after the 40th to complain.
    ("cleveland", "review-overdue", "complaint", "review",
     {"review_expected_on": D(2025, 12, 23), "review_latest_on": D(2026, 1, 26), "complain_by": D(2026, 3, 9)}),
    ("gwent", "review-upheld", "complaint", "review",
     {"review_outcome_on": D(2026, 2, 10), "complain_by": D(2026, 3, 24)}),
    ("west-mercia", "review-overturned", "wait", "release", {"release_expected_on": D(2026, 3, 10)}),
    ("wiltshire", "partial", "complaint", "review", {"replied_on": D(2026, 2, 12), "complain_by": D(2026, 3, 26)}),
    ("cheshire", "responded", "none", None, {"replied_on": D(2026, 1, 28)}),
    ("merseyside", "not-held", "none", None, {}),
    ("humberside", "clarification", "none", None, {}),
    ("avon-and-somerset", "draft", "none", None, {}),
    # FOISA s.20(5): a reply on time leaves 40 working days from the deadline (2 February), Scottish
    # holidays only (St Patrick's Day counts as a working day).
    ("police-scotland", "refused", "review", "refusal", {"replied_on": D(2026, 1, 9), "review_by": D(2026, 3, 30)}),
]


@pytest.mark.parametrize(("body", "status", "step", "target", "dates"), EXPECTED, ids=[e[0] for e in EXPECTED])
def test_every_state_gets_its_step(plan: Plan, body: str, status: str, step: str, target: str | None,
                                   dates: dict) -> None:
    found = by_body(plan)[body]
    assert (found.status, found.step, found.target) == (status, step, target)
    for key, value in dates.items():
        assert found.dates[key] == value, key
    assert found.why and all(s.endswith(".") for s in found.why)
    assert found.late is None


def test_the_dates_are_explained_in_words(plan: Plan) -> None:
    steps = by_body(plan)
    assert steps["kent"].why == ["No reply: it was due 2026-02-02, the 20th working day after receipt on 2026-01-05 "
                                 "(s.10(1) FOIA); 19 working days late today."]
    assert steps["essex"].why == ["Refused on 2026-01-20 (s.12).",
                                  "Ask for an internal review by 2026-03-18 (40 working days after the reply)."]
    assert steps["dorset"].why[0] == "Refused on 2026-01-22 (s.31(3), s.40(5), neither confirm nor deny)."
    assert steps["durham"].why == ["Internal review asked on 2026-02-16: answer expected by 2026-03-16 (20 working "
                                   "days), at the latest 2026-04-16 (40)."]
    assert steps["cumbria"].why == [
        "Internal review asked on 2026-01-14, expected by 2026-02-11: 12 working days late.",
        "The code of practice allows 40 working days at most (2026-03-11)."]
    assert steps["cleveland"].why == [
        "Internal review asked on 2025-11-24: no answer by 2026-01-26, 40 working days later, the most the code of "
        "practice allows.", "Complain by 2026-03-09: six weeks, as the ICO asks."]
    assert steps["gwent"].why == ["The internal review answered on 2026-02-10 upheld the refusal (s.31(1)(a)).",
                                  "Complain by 2026-03-24: six weeks, as the ICO asks."]
    assert steps["wiltshire"].why[0] == ("Internal review asked on 2026-01-15; its answer on 2026-02-12 still "
                                         "withholds (s.40(2)).")
    assert steps["sussex"].why[1].startswith("Chased on 2026-02-04 with no answer by 2026-02-18. The Information "
                                             "Commissioner takes a missed deadline without an internal review")
    assert steps["police-scotland"].why == ["Refused on 2026-01-09 (s.12).", "Ask for an internal review by "
                                            "2026-03-30 (40 working days after the deadline)."]


def test_only_and_body_filter(every: Workspace) -> None:
    reviews = plan_batch(every, "cautions", today=TODAY, only=["review"])
    assert sorted(s.body for s in reviews.steps) == [
        "bedfordshire", "devon-and-cornwall", "dorset", "essex", "hampshire", "norfolk", "police-scotland", "suffolk",
        "surrey"]
    assert reviews.counts() == {"review": 9}
    two = plan_batch(every, "cautions", today=TODAY, bodies=["kent", "gwent"])
    assert [(s.body, s.step) for s in two.steps] == [("gwent", "complaint"), ("kent", "chase")]
    with pytest.raises(FoiError, match="Unknown step 'later' for --only: use chase, review, wait, complaint, none."):
        plan_batch(every, "cautions", today=TODAY, only=["later"])
    with pytest.raises(FoiError, match="Not in batch 'cautions': atlantis"):
        plan_batch(every, "cautions", today=TODAY, bodies=["atlantis"])


def test_late_steps_say_so(every: Workspace) -> None:
    later = by_body(plan_batch(every, "cautions", today=D(2026, 3, 25)))
    assert later["essex"].step == "review"
    assert later["essex"].late == ("The 40 working days to ask ended on 2026-03-18: the force may decline a late "
                                   "review, so ask anyway and say why it is late.")
    assert later["gwent"].late == ("The time to complain ended on 2026-03-24: the Commissioner may not consider it; "
                                   "say why it is late.")
    assert later["police-scotland"].late is None  # FOISA: until 30 March


def test_a_chase_before_the_deadline_does_not_count(batch_ws: Workspace) -> None:
    mark(batch_ws, "cautions", ["kent"], "sent", on=SENT)
    mark(batch_ws, "cautions", ["kent"], "chased", on=D(2026, 1, 30))  # a nudge before 2 February
    step = by_body(plan_batch(batch_ws, "cautions", today=TODAY))["kent"]
    assert step.step == "chase" and "chased_on" not in step.dates
    assert by_body(plan_batch(batch_ws, "cautions", today=D(2026, 2, 2)))["kent"].why == [
        "Reply due 2026-02-02: 0 working days left."]


def test_foisa_silence_goes_to_review_then_to_the_scottish_commissioner(batch_ws: Workspace) -> None:
    from foi.batches import add_bodies

    add_bodies(batch_ws, "cautions", ["police-scotland"], today=SENT)
    mark(batch_ws, "cautions", ["police-scotland"], "sent", on=SENT)
    mark(batch_ws, "cautions", ["police-scotland"], "chased", on=D(2026, 2, 4))
    step = by_body(plan_batch(batch_ws, "cautions", today=TODAY))["police-scotland"]
    assert (step.step, step.target, step.dates["review_by"]) == ("review", "reply", D(2026, 3, 30))
    assert "FOISA requires a review of the failure to respond before an appeal" in step.why[1]
    mark(batch_ws, "cautions", ["police-scotland"], "internal-review", on=D(2026, 3, 2))
    waiting = by_body(plan_batch(batch_ws, "cautions", today=D(2026, 3, 20)))["police-scotland"]
    assert (waiting.step, waiting.dates["review_latest_on"]) == ("wait", D(2026, 3, 30))
    late = by_body(plan_batch(batch_ws, "cautions", today=D(2026, 3, 31)))["police-scotland"]
    # s.21(1): 20 working days and no more; s.47(4)(b): six months from then to apply.
    assert (late.step, late.target, late.dates["complain_by"]) == ("complaint", "review", D(2026, 9, 30))
    assert "apply to the Scottish Information Commissioner (s.47(1))" in late.why[0]


def test_describe_groups_by_step(plan: Plan) -> None:
    lines = describe(plan)
    assert lines[0] == "cautions on 2026-02-27: 2 chase, 9 review, 3 wait, 4 complaint, 26 none"
    assert "chase (2)" in lines and "complaint (4)" in lines
    essex = next(line for line in lines if line.strip().startswith("essex "))
    assert essex.split()[:2] == ["essex", "refused"] and essex.endswith("(40 working days after the reply).")


def test_board_stats_and_due_show_our_deadlines(every: Workspace) -> None:
    rows = {r["body"]: r for r in board(every, "cautions", today=TODAY)}
    assert (rows["essex"]["review_by"], rows["essex"]["act_step"], rows["essex"]["act_days_left"]) == (
        "2026-03-18", "review", 12)
    assert (rows["gwent"]["complain_by"], rows["gwent"]["act_by"], rows["gwent"]["act_step"]) == (
        "2026-03-24", "2026-03-24", "complaint")
    assert rows["durham"]["act_by"] is None  # their deadline is running, ours waits
    assert (rows["cumbria"]["act_step"], rows["cumbria"]["act_by"]) == ("complaint", "2026-04-22")  # review overdue
    assert rows["cheshire"]["act_by"] is None and rows["kent"]["act_by"] is None
    data = stats(every, "cautions", today=TODAY)
    assert (data["chased"], data["reviews_pending"], data["reviews_overdue"], data["complaints"]) == (2, 3, 2, 0)
    assert data["our_deadlines"][:2] == [
        {"body": "cleveland", "step": "complaint", "by": "2026-03-09", "working_days_left": 6},
        {"body": "essex", "step": "review", "by": "2026-03-18", "working_days_left": 12}]
    soon = {r["body"] for r in due(every, today=TODAY, within=6)}
    assert "cleveland" in soon and "essex" not in soon and "kent" in soon


def test_chased_recorded_by_hand_moves_the_plan_on(every: Workspace) -> None:
    mark(every, "cautions", ["kent"], "chased", on=TODAY)
    step = by_body(plan_batch(every, "cautions", today=TODAY))["kent"]
    assert (step.step, step.dates["chase_wait_until"]) == ("wait", D(2026, 3, 13))
    assert step.status == "overdue"  # a chaser changes nothing about the lateness


@pytest.mark.parametrize(("low", "high", "text"), [
    (16, 16, "16 working days"), (1, 1, "1 working day"), (0, 0, "0 working days"), (3, 16, "3-16 working days"),
    (1, 2, "1-2 working days")])
def test_a_span_of_working_days_says_one_number_when_its_ends_are_equal(low: int, high: int, text: str) -> None:
    assert working_days_span(low, high) == text
