"""When a reading decides on its own, and the best guess every review carries (issue 12, round 11:
the confidence stage refitted on replies from authorities nobody had tuned on). Letters in our own
words, of the shapes seen in real replies."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from conftest import TODAY
from helpers import kent_reply, mark_all_sent

from foi.mail.classify import AUTOMATIC, classify
from foi.mail.reading.calibration import CONTESTED, NO_GROUND, UNCALIBRATED, WEIGHTS, weigh
from foi.workspace import Workspace

LETTER = """Dear Mr Bloggs,

Thank you for your request about stop and search records for 2023, received on 4 March.

{body}

Yours sincerely,
Information Rights Officer
"""


def _read(body: str):
    return classify("RE: FOI 2024/0123", LETTER.format(body=body))


# ---------------------------------------------------------------------------------------------
# A refusal that relies on no ground goes to review, with "refused" as its guess

# Refusing words, in different voices and orders, with no section, NCND or cost limit named.
GROUNDLESS = [
    "After careful thought, the force will not be disclosing this information, as releasing it would harm "
    "our work to prevent crime.",
    "I am sorry to tell you that your request has been refused; the records will not be supplied to you.",
    "The information you asked for is being withheld in full in the interest of preventing crime.",
    "Having weighed the arguments, we are unable to provide the information you requested.",
    "Your request is declined: we will not be providing copies of the search records.",
    "Release of the search records has been refused, as they contain operational detail.",
]

# The same refusals relying on a ground: an exemption, NCND, the cost limit.
GROUNDED = [
    ("We have decided not to release the records you asked for; they are exempt under section 31(1)(a) of "
     "the Act.", ["31(1)(a)"]),
    ("The information you asked for is withheld in full under section 40(2), as it is personal data.", ["40(2)"]),
    ("The force neither confirms nor denies holding the records you asked for.", []),
    ("Finding the records would exceed the appropriate limit of 18 hours, so your request is refused.", ["12"]),
    # A ground in words, not by number.
    ("The records are exempt from disclosure, so we are withholding them in full.", []),
    ("Having weighed the arguments, we are not obliged to provide the information you requested.", []),
    ("We will not release the records, as they hold the personal data of the officers searched.", []),
    ("Releasing the records would prejudice the prevention of crime, so we will not supply them.", []),
]


@pytest.mark.parametrize("body", GROUNDLESS)
def test_a_refusal_relying_on_no_ground_waits_for_review(body: str) -> None:
    result = _read(body)
    assert (result.kind, result.guess, result.confidence) == ("needs-review", "refused", CONTESTED)
    assert "refuses without relying on any ground in its own words" in result.reasons


@pytest.mark.parametrize(("body", "sections"), GROUNDED)
def test_a_refusal_relying_on_a_ground_decides_on_its_own(body: str, sections: list[str]) -> None:
    result = _read(body)
    assert (result.kind, result.guess) == ("refused", "refused")
    assert result.confidence >= AUTOMATIC
    assert result.sections == sections
    assert "refuses without relying on any ground in its own words" not in result.reasons


def test_a_log_that_states_the_refusal_is_not_contested_by_the_want_of_a_ground() -> None:
    assert weigh("refused", 0.8, [NO_GROUND], stated=True) == (0.8, [])


def test_the_want_of_a_ground_contests_a_refusal_only() -> None:
    assert weigh("refused", 0.82, [NO_GROUND]) == (
        CONTESTED, ["refuses without relying on any ground in its own words"])
    confidence, reasons = weigh("refused", 0.82, [NO_GROUND, "rows of figures"])
    assert (confidence, reasons) == (CONTESTED, ["refuses without relying on any ground in its own words",
                                                 "also speaks of another status: rows of figures"])
    assert weigh("partial", 0.82, [NO_GROUND]) == (0.82, [])
    assert weigh("responded", 0.82, [NO_GROUND]) == (0.82, [])


def test_refitted_weights_contest_an_answer_with_nothing_concrete_again() -> None:
    """On fresh replies "nothing concrete given" under an answer was as often a part withheld as not
    (round 11): it contests again, as before calibration."""
    assert WEIGHTS.rivals["responded"]["nothing concrete given"] is None
    assert weigh("responded", 0.74, ["nothing concrete given"]) == (
        CONTESTED, ["also speaks of another status: nothing concrete given"])
    assert UNCALIBRATED.rivals["refused"][NO_GROUND] is None


# ---------------------------------------------------------------------------------------------
# Every review carries a guess

# Letters with no word of any status: an answer given in the letter's own words, most likely.
PLAIN_ANSWERS = [
    "Beech Lane and Mill Road car parks are to close next spring.",
    "The committee met on 3 May and agreed the new opening hours for the library.",
    "Our road safety work is set out in the plan published last year.",
    "Please see the list of sites below.\n\nHigh Street\nStation Road\nPark Lane",
    "The parking charges are published on our website each April, under Travel and Parking.",
    "Officers in the unit work a pattern of four days on and four days off.",
]

# No word of any status, but a ground named: most likely a refusal.
GROUND_ONLY = [
    "We would rely on the section 31 exemption for this part.",
    "Section 40(2) covers the names of staff.",
]

# No word of any status, but a question put to us: most likely they ask before answering.
QUESTION_ONLY = [
    "Hi Jo, can you give me a ring?",
    "Is there a number I can reach you on this week?",
]


@pytest.mark.parametrize("body", PLAIN_ANSWERS)
def test_a_reply_with_no_word_of_any_status_is_guessed_an_answer(body: str) -> None:
    result = _read(body)
    assert result.guess == "responded"
    if result.kind == "needs-review":
        assert result.confidence < AUTOMATIC


@pytest.mark.parametrize("body", GROUND_ONLY)
def test_a_reply_naming_only_a_ground_is_guessed_a_refusal(body: str) -> None:
    result = _read(body)
    assert (result.kind, result.guess) == ("needs-review", "refused")
    assert result.sections  # kept for the reviewer


@pytest.mark.parametrize("body", QUESTION_ONLY)
def test_a_reply_asking_only_a_question_is_guessed_a_question(body: str) -> None:
    result = _read(body)
    assert (result.kind, result.guess) == ("needs-review", "clarification")


# ---------------------------------------------------------------------------------------------
# One keystroke

LATER = date(2027, 3, 1)


@pytest.fixture
def sent(batch_ws: Workspace) -> Workspace:
    return mark_all_sent(batch_ws, TODAY)


def test_enter_accepts_the_guess_of_a_reply_with_no_word_of_any_status(cli, sent: Workspace, tmp_path: Path) -> None:
    (tmp_path / "plain.eml").write_bytes(kent_reply(LETTER.format(body=PLAIN_ANSWERS[0])))
    imported = cli("inbox", "import", str(tmp_path / "plain.eml"), "--today", LATER.isoformat(), "--json")
    [item] = json.loads(imported.stdout)["messages"]
    assert item["kind"] == "needs-review"
    [pending] = json.loads(cli("inbox", "review", "--json").stdout)
    assert pending["guess"] == "responded"
    result = cli("inbox", "review", "--interactive", input="\n")
    assert result.exit_code == 0, result.output
    assert "  guess:    responded (0.20)" in result.stdout
    assert "recorded responded; kent is now responded." in result.stdout
    assert cli("inbox", "review").stdout == "Nothing to review.\n"
