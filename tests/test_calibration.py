"""The confidence stage (foi.mail.reading.calibration; issue 12): when a reading changes a status on its own
and when it waits for review with its best guess. Messages in our own words."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from conftest import TODAY
from helpers import kent_reply, mark_all_sent

from foi.mail.classify import AUTOMATIC, classify
from foi.mail.reading.calibration import CONTESTED, UNCALIBRATED, WEIGHTS, Weights, _with, weigh
from foi.workspace import Workspace

LATER = date(2027, 3, 1)

# A refusal that also confirms a fact: the confirmation is the refusal's preamble, not information.
CONFIRMED_REFUSAL = """Dear Ms Bloggs,

Thank you for your request about the use of drones by the force.

I can confirm that the force uses drones to search for missing people. The flight logs you asked for \
are exempt under section 31(1)(a) of the Act, because releasing them would prejudice the prevention \
and detection of crime. The public interest favours withholding them, so your request is refused.

Yours sincerely,
Disclosure Officer
"""

# A refusal printed above rows of figures: refused, or partly given? A person decides.
CONTESTED_REFUSAL = """Dear Ms Bloggs,

Your request is refused under section 40(2), as the information is personal data.

Adult cautions 2021 14 17 22
Adult cautions 2022 11 19 25

Yours sincerely,
Disclosure Officer
"""


# ---------------------------------------------------------------------------------------------
# The stage on its own


def test_an_uncontested_reading_keeps_its_strength() -> None:
    assert weigh("refused", 0.9, []) == (0.9, [])
    assert weigh("refused", 0.9, ["a one-line reply"]) == (0.9, [])  # no rival of a refusal


def test_a_contesting_rival_sends_the_reading_to_review_whatever_its_strength() -> None:
    confidence, reasons = weigh("refused", 0.95, ["rows of figures", "something confirmed"])
    assert confidence == CONTESTED < AUTOMATIC
    assert reasons == ["also speaks of another status: rows of figures, something confirmed"]


def test_a_weaker_rival_costs_confidence_instead() -> None:
    assert weigh("refused", 0.93, ["something confirmed"]) == (
        0.83, ["weaker evidence of another status: something confirmed (-0.10)"])
    # A reading that was only just sure enough is no longer.
    confidence, _ = weigh("refused", 0.65, ["something confirmed"])
    assert confidence == 0.55 < AUTOMATIC
    cheaper = _with(UNCALIBRATED, "responded", "nothing concrete given", 0.1)
    confidence, _ = weigh("responded", 0.74, ["nothing concrete given"], weights=cheaper)
    assert confidence == 0.64 >= AUTOMATIC


def test_in_a_letter_of_a_line_or_two_every_rival_contests() -> None:
    """Nothing else in the letter to weigh the weaker rival against."""
    confidence, reasons = weigh("refused", 0.74, ["something confirmed"], said=1)
    assert (confidence, reasons) == (CONTESTED, ["also speaks of another status: something confirmed"])
    assert weigh("refused", 0.74, ["something confirmed"], said=3)[0] == 0.64


def test_uncalibrated_weights_contest_as_before() -> None:
    confidence, reasons = weigh("refused", 0.93, ["something confirmed"], weights=UNCALIBRATED)
    assert (confidence, reasons) == (0.5, ["also speaks of another status: something confirmed"])


def test_a_decision_from_a_log_field_is_contested_only_by_what_it_waits_on() -> None:
    assert weigh("responded", 0.8, ["something withheld"], stated=True) == (0.8, [])
    confidence, _ = weigh("responded", 0.8, ["more time taken"], stated=True)
    assert confidence == CONTESTED


def test_readings_below_the_line_and_kinds_without_a_status_are_left_alone() -> None:
    assert weigh("refused", 0.45, ["rows of figures"]) == (0.45, [])
    assert weigh("needs-review", 0.3, ["information given"]) == (0.3, [])
    assert weigh("auto-reply", 0.97, ["information given"]) == (0.97, [])
    assert weigh("refused", 1.4, []) == (1.0, [])


def test_agreeing_withholding_evidence_contests_not_held_when_weighed() -> None:
    agreeing = Weights(rivals=UNCALIBRATED.rivals, not_held_contested_by=2)
    confidence, reasons = weigh("not-held", 0.72, [], withheld=["neither confirm nor deny", "a refusal stated"],
                                weights=agreeing)
    assert confidence == CONTESTED
    assert reasons == ["not held, against 2 kinds of withholding evidence: neither confirm nor deny, "
                       "a refusal stated"]
    assert weigh("not-held", 0.72, [], withheld=["neither confirm nor deny"], weights=agreeing) == (0.72, [])
    assert weigh("not-held", 0.72, [], withheld=["a", "b"]) == (0.72, [])  # not in the fitted weights


def test_one_cell_changed() -> None:
    cheaper = _with(UNCALIBRATED, "refused", "rows of figures", 0.2)
    assert cheaper.rivals["refused"]["rows of figures"] == 0.2
    assert UNCALIBRATED.rivals["refused"]["rows of figures"] is None
    ignored = _with(UNCALIBRATED, "refused", "rows of figures", "-")
    assert "rows of figures" not in ignored.rivals["refused"]
    assert weigh("refused", 0.8, ["rows of figures"], weights=ignored) == (0.8, [])


def test_the_fitted_weights_differ_from_the_old_table_in_one_cell_only() -> None:
    """Refitted with the fresh replies of round 11: "nothing concrete given" under an answer contests
    again."""
    changed = {(kind, name) for kind, row in WEIGHTS.rivals.items() for name, cost in row.items()
               if UNCALIBRATED.rivals[kind].get(name, "absent") != cost}
    assert changed == {("refused", "something confirmed")}
    assert WEIGHTS.not_held_contested_by == 0


# ---------------------------------------------------------------------------------------------
# Whole replies


def test_an_agreed_reading_becomes_automatic() -> None:
    result = classify("RE: FOI-CAUTIONS-0020", CONFIRMED_REFUSAL)
    assert (result.kind, result.guess) == ("refused", "refused")
    assert AUTOMATIC <= result.confidence < 0.93
    assert "weaker evidence of another status: something confirmed (-0.10)" in result.reasons
    assert result.sections == ["31(1)(a)"]


def test_a_contested_reading_goes_to_review_with_its_guess() -> None:
    result = classify("RE: FOI-CAUTIONS-0020", CONTESTED_REFUSAL)
    assert (result.kind, result.guess, result.confidence) == ("needs-review", "refused", CONTESTED)
    assert "also speaks of another status: rows of figures" in result.reasons
    assert result.sections == ["40(2)"]


@pytest.fixture
def sent(batch_ws: Workspace) -> Workspace:
    return mark_all_sent(batch_ws, TODAY)


def test_inbox_review_shows_the_guess_of_a_contested_reading(cli, sent: Workspace, tmp_path: Path) -> None:
    (tmp_path / "c.eml").write_bytes(kent_reply(CONTESTED_REFUSAL))
    imported = cli("inbox", "import", str(tmp_path / "c.eml"), "--today", LATER.isoformat(), "--json")
    [item] = json.loads(imported.stdout)["messages"]
    assert item["kind"] == "needs-review"
    listed = cli("inbox", "review", "--list")
    assert listed.exit_code == 0
    assert "refused (0.50)" in listed.stdout and "40(2)" in listed.stdout
    [pending] = json.loads(cli("inbox", "review", "--json").stdout)
    assert (pending["guess"], pending["confidence"]) == ("refused", 0.5)
    assert "also speaks of another status: rows of figures" in pending["reasons"]
