"""Round 14 of reading full answers (issue 12): patterns re-found in real replies, each in our own
words (SOURCES.md in tests/fixtures/mail names the public pages), with negatives that share the
words but not the meaning.
"""

from __future__ import annotations

import pytest

from foi.mail.reading.segments import read_message
from tests.helpers import read_reply

# --------------------------------------------------------------------------------------------
# A. A disclosure log's lead restates the request: "We received a request under FOIA:"

_ASKS = ("1. The number of arrests for shop theft in 2022, split into\n(a) adults (aged 18 and over); and\n"
         "(b) children (aged 17 and under)\n2. The number of those arrests that led to a charge\n")


@pytest.mark.parametrize(
    "lead",
    [
        "We received a request under the Freedom of Information Act 2000 (FOIA):",
        "We have received the following request:",
        "I received your request for information made under the Act:",
        "We received a request in accordance with the Freedom of Information Act:",
    ],
)
def test_a_received_request_lead_restates_the_request(lead: str) -> None:
    text = (f"FOI reference 555/23\n\n{lead}\n\n{_ASKS}\nOur Response:\n\nRegrettably the force is unable to "
            "supply the information, as locating it would exceed the time threshold set by the regulations.\n")
    reading = read_message(text)
    assert reading.answers == 0
    assert "(b) children (aged 17 and under)" in reading.of("request")
    c = read_reply(text)
    assert c.kind == "refused" or c.guess == "refused"
    assert c.kind != "partial"


@pytest.mark.parametrize(
    "line",
    [
        # a statement of when, not a lead handing over to the request's words
        "We received a request under the Act on 3 May 2023.",
        "We received your request for information and have now considered it.",
    ],
)
def test_a_received_request_sentence_without_a_colon_is_not_a_lead(line: str) -> None:
    reading = read_message(f"{line}\n\n1. Arrests in 2022: 41\n2. Charges in 2022: 17\n")
    assert not reading.of("request")


# --------------------------------------------------------------------------------------------
# B. The NCND stance worded "the duty in s1(1)(a) ... does not apply, by virtue of section X":
#    the sections after the comma are the grounds relied on, not grounds set aside.

from foi.mail.reading.sections import collect_sections, not_relied_on  # noqa: E402


@pytest.mark.parametrize(
    "sentence, want",
    [
        ("The constabulary can neither confirm nor deny that it holds this information, as the duty in s1(1)(a) "
         "of the Act does not apply, by virtue of Section 23(5) and Section 24(2) National Security.",
         ["23(5)", "24(2)"]),
        ("We neither confirm nor deny holding it: the duty to confirm or deny at section 1(1)(a) does not "
         "apply, by virtue of section 31(3).", ["31(3)"]),
    ],
)
def test_ncnd_duty_does_not_apply_comma_by_virtue_of(sentence: str, want: list[str]) -> None:
    assert not not_relied_on(sentence)
    assert collect_sections([sentence]) == want


@pytest.mark.parametrize(
    "sentence",
    [
        "Section 12 does not apply, as the request was answered within the limit.",
        "We have looked at section 43 and it does not apply here.",
    ],
)
def test_a_ground_that_does_not_apply_is_still_set_aside(sentence: str) -> None:
    assert not_relied_on(sentence)


# --------------------------------------------------------------------------------------------
# C. Sorry for the delay, above the letter's own decisions: a late answer, not more time taken


@pytest.mark.parametrize(
    "text",
    [
        "Thank you for your e-mail of 3 March 2024; I apologise for the delay in responding.\n\nYou asked: 1. Has the "
        "council reviewed its parking contract? 2. Can you send me its fraud policy?\n\nThe council did review the "
        "contract, in June 2023.\n\nWith reference to the second part of your request, I can confirm that the council "
        "does not hold a fraud policy of that kind.\n",
        "I am sorry for the delay in replying to you.\n\n1. The force recorded 14 such offences in 2022.\n\n2. No "
        "information is held on the ages of the victims.\n",
    ],
)
def test_a_late_answer_that_decides_is_not_an_extension(text: str) -> None:
    c = read_reply(text)
    assert c.kind != "extended"
    assert c.guess != "extended"


@pytest.mark.parametrize(
    "text",
    [
        "I apologise for the delay in responding to your request. We are still collating the figures and hope to "
        "send our reply shortly.\n",
        "Please accept our apologies for the delay in responding. We are still consulting the departments concerned "
        "and aim to reply by 14 April 2025.\n",
    ],
)
def test_sorry_for_the_delay_with_nothing_decided_is_still_more_time(text: str) -> None:
    assert read_reply(text).kind == "extended"


# --------------------------------------------------------------------------------------------
# D. Personal details taken out of released documents under s.40(2), said after "Please note that"
#    and a lead clause: information given, a detail withheld - partial.


@pytest.mark.parametrize(
    "note",
    [
        "Please note that, in line with our duties under data protection law, personal details such as names and "
        "mobile numbers have been removed from a few of the e-mails, as required by section 40(2) of the Act.",
        "Please note that personal information such as signatures and direct lines has been removed from some of "
        "the documents, as required by section 40(2) of the FOI Act.",
        "Please note that in accordance with our data protection obligations, the names of junior staff have been "
        "redacted from the minutes under section 40(2).",
    ],
)
def test_personal_details_removed_from_released_documents(note: str) -> None:
    text = ("I can confirm we hold the information you asked for.\n\nPlease find attached the information you "
            f"requested.\n\n{note}\n\nThis is because disclosing this personal data would breach the data "
            "protection principles.\n")
    c = read_reply(text)
    assert (c.kind if c.kind != "needs-review" else c.guess) == "partial"
    assert c.kind in ("partial", "needs-review")


@pytest.mark.parametrize(
    "note",
    [
        "Please note that no personal information has been removed from these documents.",
        "Please note that the documents are published on our website under section 21 as well.",
    ],
)
def test_nothing_removed_is_not_a_detail_withheld(note: str) -> None:
    text = f"Please find attached the information you requested.\n\n{note}\n"
    c = read_reply(text)
    assert c.kind != "partial" and c.guess != "partial"


# --------------------------------------------------------------------------------------------
# E. Most of it given, "some of it is exempt": part held back, as done - partial.

import re  # noqa: E402

from foi.mail.reading.signals import SOME_WITHHELD  # noqa: E402


@pytest.mark.parametrize(
    "sentence",
    [
        "Whilst I have sent you most of this information, some of it is exempt from disclosure.",
        "Some of this information has been withheld, as explained below.",
        "Having reviewed the file, some of the information is exempt under section 43.",
    ],
)
def test_some_of_it_withheld(sentence: str) -> None:
    assert re.search(SOME_WITHHELD, sentence, re.I)


@pytest.mark.parametrize(
    "sentence",
    [
        "Some of the information you asked for is not held.",
        "Some of it is published on our website.",
        "All of the information has been released.",
    ],
)
def test_not_some_of_it_withheld(sentence: str) -> None:
    assert not re.search(SOME_WITHHELD, sentence, re.I)


def test_the_majority_given_some_of_it_exempt_is_partial() -> None:
    text = ("I can confirm that the department holds the information you asked for and I am glad to provide most of "
            "it in the table below.\n\nWhilst I have provided you with the bulk of this information, some of it is "
            "exempt from disclosure, because releasing it could identify the people concerned.\n\n"
            "Prison A 14\nPrison B 22\nPrison C 9\n")
    c = read_reply(text)
    assert (c.kind if c.kind != "needs-review" else c.guess) == "partial"
