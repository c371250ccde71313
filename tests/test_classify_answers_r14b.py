"""Round 14b of reading full answers (issue 12): patterns re-found in real replies, each in our own
words (SOURCES.md in tests/fixtures/mail names the public pages), with negatives that share the
words but not the meaning.
"""

from __future__ import annotations

import pytest

from tests.helpers import read_reply

# --------------------------------------------------------------------------------------------
# A. Section 14 in the ICO's words: "we are treating this request as vexatious" is the decision,
#    as firm as "your request is vexatious", with or without the section number.


@pytest.mark.parametrize(
    "decision",
    [
        "The force is treating this request as vexatious because answering it would mean reading and "
        "redacting several hundred pages, a burden out of all proportion to its value.",
        "We have treated your request as vexatious, given the disproportionate burden of reading and "
        "redacting the several hundred pages it covers.",
        "We consider your request to be vexatious because of the disproportionate burden of reading and "
        "redacting the several hundred pages it covers.",
        "Your request has been treated as vexatious: reading and redacting the several hundred pages it "
        "covers would place a disproportionate burden on a small team.",
    ],
)
def test_a_request_treated_as_vexatious_is_refused(decision: str) -> None:
    c = read_reply(f"Our reference: 4410/24\n\nDear requester,\n\n{decision}\n\nYours sincerely,\nDisclosure Team\n")
    assert c.guess == "refused" and c.sections == ["14"]
    assert c.kind in ("refused", "needs-review")


def test_treating_this_request_as_vexatious_decides_on_its_own() -> None:
    c = read_reply("Our reference: 4411/24\n\nWe are treating this request as vexatious because of the "
                   "unjustified burden that reading and redacting several hundred pages would place on a small "
                   "team.\n")
    assert (c.kind, c.sections) == ("refused", ["14"])


@pytest.mark.parametrize(
    "text",
    [
        # negated: the request is answered
        "Our reference: 4412/24\nWe are not treating your request as vexatious. The figures are below.\n"
        "2022: 14\n2023: 19\n",
        # a warning about requests to come, beside an answer
        "Our reference: 4413/24\nIf you continue to send requests on this subject, we may treat further "
        "requests as vexatious under section 14.\nThe figures you asked for are below.\n2022: 14\n2023: 19\n",
    ],
)
def test_vexatious_negated_or_warned_is_no_refusal(text: str) -> None:
    c = read_reply(text)
    assert c.kind != "refused" and c.guess == "responded"


# --------------------------------------------------------------------------------------------
# B. A vexatious refusal explains the checks a release would need: "to ensure there are no data
#    breaches and all tactical detail has been redacted". The purpose clause says nothing was
#    redacted (so nothing partly given), and "no data breaches" says nothing about what is held.

_CHECKS = ("Our reference: 4420/24\n\nThe force is treating this request as vexatious. The papers run to "
           "hundreds of pages, each of which would need to be read and, where necessary, redacted. A second "
           "officer would then have to go through every page {check}.\n")


@pytest.mark.parametrize(
    "check",
    [
        "to ensure there are no data breaches and all operational detail etc. has been redacted",
        "to make sure that the personal details of witnesses have been redacted",
    ],
)
def test_checks_a_release_would_need_are_no_redaction_done(check: str) -> None:
    c = read_reply(_CHECKS.format(check=check))
    assert (c.kind, c.sections) == ("refused", ["14"])


@pytest.mark.parametrize(
    "sentence",
    [
        "There were no data breaches reported to the regulator in 2023.",
        "There is no data protection concern in releasing these totals.",
    ],
)
def test_no_data_breaches_is_not_information_not_held(sentence: str) -> None:
    from foi.mail.reading.scoring import score

    scores, _ = score([sentence])
    assert scores["not-held"] == 0


@pytest.mark.parametrize(
    "sentence",
    [
        "We searched our systems and there are no records of any such payments.",
        "There is no data on this subject.",
        "There were no documents within the scope of your request.",
    ],
)
def test_there_are_no_records_is_still_not_held(sentence: str) -> None:
    from foi.mail.reading.scoring import score

    scores, _ = score([sentence])
    assert scores["not-held"] >= 1.5


@pytest.mark.parametrize(
    "text",
    [
        # the fact stated after its comma: released with redactions
        "Our reference: 4421/24\nThe minutes are attached. To protect privacy, the names of members of the "
        "public have been redacted.\n",
        "Our reference: 4422/24\nThe minutes are attached. Some names have been redacted.\n",
    ],
)
def test_redactions_stated_as_done_still_read_as_part_withheld(text: str) -> None:
    c = read_reply(text)
    assert c.guess == "partial"


# --------------------------------------------------------------------------------------------
# C. A trust's log numbers each question and answer with a slash: "Q1 / Please supply ..." then
#    "A1 / ...". The answer ends the request printed back, so what it says is theirs.

from foi.mail.reading.segments import read_message  # noqa: E402

_SLASH = ("Freedom of Information request 4471\nInformation requested:\n"
          "Q1 / Please supply a copy of the latest estates strategy\n"
          "A1 / Following a search of our paper and electronic records, the information you requested is not "
          "held by the Trust.\n"
          "Q2 / How many car parking spaces are there for staff?\n"
          "A2 / 1,240\n")


def test_slash_numbered_answer_ends_the_request() -> None:
    reading = read_message(_SLASH)
    assert "Please supply a copy of the latest estates strategy" in " ".join(reading.of("request"))
    assert "not held by the Trust" in " ".join(reading.of("new"))
    assert reading.answers >= 1


def test_slash_numbered_answers_read_part_by_part() -> None:
    c = read_reply(_SLASH)
    # one part not held, one answered with a figure: what the project calls responded, or review
    assert c.guess == "responded"


def test_a_road_name_in_a_request_is_no_answer_line() -> None:
    text = ("Information requested:\nQ1. How many collisions were there on the A1 in 2023?\n"
            "A1/M1 junction: how many collisions were there at it in 2023?\n"
            "Response: the figures are in the attached table.\n")
    reading = read_message(text)
    assert "A1/M1 junction" in " ".join(reading.of("request"))


# --------------------------------------------------------------------------------------------
# D. "For ease of reference, your request is replicated below together with the response": the
#    request follows the lead; when the answers repeat its numbers ("1." again after "2."), the
#    request ends where the numbering starts again.

_HEAD = ("Our Ref: IM-FOI-2024-0777\nFREEDOM OF INFORMATION (SCOTLAND) ACT 2002\nI refer to your recent request "
         "for information which has been handled in accordance with the Act.\n{lead}\n")


@pytest.mark.parametrize(
    "lead",
    [
        "For ease of reference, your request is replicated below together with the response.",
        "For ease of reference, your request is reproduced below along with our answers.",
        "Your questions are set out below.",
    ],
)
def test_request_replicated_below_is_the_request(lead: str) -> None:
    text = _HEAD.format(lead=lead) + ("1. The number of knife crimes recorded in Fife in 2023.\n"
                                      "2. The number of those that led to a charge.\n"
                                      "1. 412 knife crimes were recorded in Fife in 2023.\n"
                                      "2. 268 of them led to a charge.\n")
    reading = read_message(text)
    request = " ".join(reading.of("request"))
    new = " ".join(reading.of("new"))
    assert "The number of knife crimes recorded in Fife" in request
    assert "412 knife crimes were recorded" in new and "268 of them" in new
    assert read_reply(text).kind == "responded"


def test_a_request_replicated_then_refused_on_cost() -> None:
    text = _HEAD.format(lead="For ease of reference, your request is replicated below together with the response.")
    text += ("How many calls about noisy neighbours were received in 2023, and how many led to a charge?\n"
             "Unfortunately, I estimate that it would cost well in excess of the current FOI cost threshold of £600 "
             "to process your request. I am therefore refusing to provide the information sought in terms of "
             "section 12(1) of the Act.\n")
    c = read_reply(text)
    assert (c.kind, c.sections) == ("refused", ["12(1)"])


def test_request_replicated_with_each_answer_under_its_question() -> None:
    # The same lead over questions answered one at a time: the answers sit between the questions, so
    # nothing is marked as the request and the figure given for one year still counts as given.
    text = _HEAD.format(lead="For ease of reference, your request is replicated below together with the response.")
    text += ("1.\nHow many people were held in custody suites for the border agency in 2021/22 and 2022/23?\n"
             "I am unable to answer for 2021/22 within the cost limit, so section 12(1) of the Act applies to "
             "that year.\nFor 2022/23 the new custody system shows 214 such detentions.\n"
             "2.\nWhich custody suites were used?\n"
             "Please see the cost explanation above for 2021/22; the table below lists the suites used in "
             "2022/23.\n")
    reading = read_message(text)
    assert "214 such detentions" in " ".join(reading.of("new"))
    c = read_reply(text)
    assert c.kind != "refused" and c.guess == "partial"


def test_an_answer_set_out_below_is_not_a_request_lead() -> None:
    text = ("Our ref 4480/24\nThe information you asked for is set out below.\n"
            "1. 412 knife crimes were recorded in 2023.\n2. 268 of them led to a charge.\n")
    reading = read_message(text)
    assert not reading.of("request")


# --------------------------------------------------------------------------------------------
# E. A ground said of one part in so many words ("so section 12(1) applies to that part") beside a
#    figure given for another: never an automatic refusal of the whole; a person reads what became
#    of the rest, with partial as the guess.

_ONE_PART = ("FREEDOM OF INFORMATION REQUEST REFERENCE NO: FOI-301-2024\n"
             "I write in connection with your request for information which was received on 4th March 2024 as "
             "follows:\nHow many body-worn cameras does the force own, and how many were lost in 2023?\n"
             "Please find the force response set out below.\n"
             "Response: The force owns 1,150 body-worn cameras. Losses are recorded only in individual incident "
             "logs and finding them would exceed the 18 hour cost limit, so section 12(1) {scope}.\n")


@pytest.mark.parametrize(
    "scope",
    ["applies to that part", "applies to the second question", "has been applied to this part"],
)
def test_cost_said_of_one_part_beside_a_figure_is_no_whole_refusal(scope: str) -> None:
    c = read_reply(_ONE_PART.format(scope=scope))
    assert c.kind != "refused"
    assert c.guess == "partial" and c.sections == ["12(1)"]


def test_cost_said_of_the_whole_request_is_still_refused() -> None:
    text = ("Our reference: 4490/24\nLosses of body-worn cameras are recorded only in individual incident logs, "
            "and finding them would exceed the 18 hour cost limit, so section 12(1) applies to your request.\n")
    assert read_reply(text).kind == "refused"
