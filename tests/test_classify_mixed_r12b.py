"""Round 12b of reading mixed answers (issue 12): a note describing the data released is evidence
that something was given, so a cost limit applied to one detail beside it is not a whole refusal.

Every message here is our own paraphrase of a pattern seen in real replies from several
authorities (SOURCES.md in tests/fixtures/mail names the public pages); each meaning is said
several ways (synonyms, voice, order, padding), with negatives that share the words but not the
meaning.
"""

from __future__ import annotations

import pytest

from foi.mail.classify import classify
from foi.mail.reading.segments import read_message
from foi.mail.reading.signals import DESCRIBED_RELEASE_RE
from foi.mail.reading.weighing import HELD_NOT_GIVEN_RE

# --------------------------------------------------------------------------------------------
# A. Released data described as released


@pytest.mark.parametrize(
    "sentence",
    [
        "The data provided is based on the date the crime was recorded.",
        "The figures supplied here cover the calendar years 2019 to 2022.",
        "Please note that the following caveats apply to the figures given:",
        "To produce the data provided, a search was run across all incident logs.",
        "The totals which have been released only include closed cases.",
        "The statistics disclosed in the table are taken from a live system.",
        "The numbers provided therefore reflect our best reading of your request.",
        "The results shown below relate to the financial year.",
    ],
)
def test_released_data_described(sentence: str) -> None:
    assert DESCRIBED_RELEASE_RE.search(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        # a licence line about what was sent, not a note on figures
        "The information supplied to you continues to be protected by copyright.",
        "Any data provided may be re-used under the Open Government Licence.",
        # nothing given, or given by someone else, or asked about
        "We have not provided the data requested.",
        "The data provided by forces to the Home Office is published annually.",
        "If any data is provided it will be anonymised.",
        "The data requested is not held.",
        "Please confirm the figures provided to you last year.",
    ],
)
def test_not_released_data_described(sentence: str) -> None:
    assert not DESCRIBED_RELEASE_RE.search(sentence)


# --------------------------------------------------------------------------------------------
# B. Data described as given, the cost limit applied to one detail: not a confident refusal


@pytest.mark.parametrize(
    "text",
    [
        "Notes:\nThe data provided is based on the date each incident was recorded.\nThe period covered is "
        "1 April 2018 to 31 March 2023.\nTo say whether each address was a business premises would mean reading "
        "every one of 480 reports, about 40 hours of work. That detail has therefore not been included, and "
        "section 12 has been applied to it.\nSection 12 - Cost of compliance",
        "The figures supplied cover all thefts of catalytic converters recorded in the period.\nWe have not "
        "broken them down by make of vehicle: doing so would mean checking 900 crime reports by hand, which "
        "would exceed the appropriate limit of 18 hours. Section 12(1) of the Act applies to that part.",
        "Please note the following caveats apply to the data given: counts are of offences, not of victims.\n"
        "Identifying which of these took place on public transport would exceed the cost limit under section "
        "12, as each record would have to be read. That information is therefore not included.",
        "In order to generate the data provided, a search was run on all domestic abuse flags for 2022.\n"
        "The ages of the victims have not been included, as extracting them would take more than 18 hours; "
        "we rely on section 12 of the Freedom of Information Act for that element.",
    ],
)
def test_data_described_beside_a_cost_limit_for_one_detail(text: str) -> None:
    result = classify("FOI response", text)
    assert result.kind != "refused"
    assert result.guess == "partial"


@pytest.mark.parametrize(
    "text",
    [
        # a cost refusal with advice and no data: still refused
        "To answer your request we would have to read every one of 3,000 crime reports, which would exceed "
        "the appropriate limit of 18 hours. Section 12(1) of the Act therefore applies and we will not be "
        "providing the information. You may wish to narrow your request to a single year.",
        "I estimate that the cost of complying with your request would exceed the appropriate limit. This "
        "letter is a refusal notice under section 17(5). If you reduce the period to three months we may be "
        "able to help.",
    ],
)
def test_a_cost_refusal_with_no_data_described_stays_refused(text: str) -> None:
    result = classify("FOI response", text)
    assert result.guess == "refused"


# --------------------------------------------------------------------------------------------
# C. A date written with dashes under a label is a date, not a figure given as an answer


@pytest.mark.parametrize(
    "line",
    [
        "Response 09-04-2020",
        "Reply sent 14-11-2019",
        "Answered 3-2-2021",
        "Responded on 30.06.2022",
        "Decision issued 07-12-2023",
        "Closed 1\u20135\u20132018",
    ],
)
def test_a_labelled_date_is_not_a_figure(line: str) -> None:
    assert read_message(f"FOI Request - Street lights\n\n{line}\n\nOur reply follows.").answers == 0


@pytest.mark.parametrize(
    "line",
    ["Street lights repaired - 1,204", "Complaints upheld: 12", "Officers trained in 2021 - 40"],
)
def test_a_labelled_figure_is_still_a_figure(line: str) -> None:
    assert read_message(f"FOI Request - Street lights\n\n{line}\n").answers >= 1


def test_an_accessible_elsewhere_refusal_under_a_dated_response_heading() -> None:
    # The request printed, a dated "Response" heading, then every part refused as published elsewhere
    # or not held: nothing given.
    text = ("FOI Request - Bus shelters\nRequest 20231234\nPlease tell me:\n1) The number of bus shelters\n"
            "2) The amount spent on repairs (£)\nResponse 14-03-2023\nThe information for question 1 is "
            "published on our website (see the link below), so it is exempt under section 21 of the Act.\n"
            "https://example.gov.uk/shelters\nThe information for question 2 is not held by the council.")
    result = classify("FOI response", text)
    assert result.guess != "partial"
    assert result.kind in ("refused", "needs-review")


# --------------------------------------------------------------------------------------------
# D. Held, and not given because of the Act's exemptions, said as done: a refusal stated


@pytest.mark.parametrize(
    "sentence",
    [
        "1. Midshire Constabulary can confirm that information is held but the figures have not been provided "
        "due to exemptions within the Act.",
        "The data is held; however it will not be released because of the exemptions set out below.",
        "The records are held but are not being disclosed under the exemptions in the Act.",
        "I can confirm the information is held, however it cannot be provided as it is exempt under section 31.",
        "This information is recorded, but it has not been supplied due to the exemption at section 40(2).",
        "The reports you asked for are held, although they will not be disclosed by virtue of section 30.",
    ],
)
def test_held_and_not_given_under_the_act(sentence: str) -> None:
    assert HELD_NOT_GIVEN_RE.search(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "The information is held but would not be provided if section 31 applied.",
        "The information is held and has been provided below.",
        "The information is not held, so it cannot be provided.",
        "Figures for 2019 are held but have not been provided because they are published on our website.",
        "If the information were held, it could not be disclosed under section 24.",
    ],
)
def test_not_held_and_not_given_under_the_act(sentence: str) -> None:
    assert not HELD_NOT_GIVEN_RE.search(sentence)


def test_a_lead_to_the_response_over_a_refusal_is_not_an_answer() -> None:
    # "The response is below", then the only answer: held, but not given because of exemptions.
    text = ("Freedom of Information Request Reference No: FOI 001234-24\nResponse to your Request\n"
            "The response below is correct as of 3 May 2024.\nMidshire Constabulary has considered your request "
            "and the response is below.\n1. We can confirm that information is held but the figures have not "
            "been provided due to exemptions within the Act.\nSection 1 of the Act places two duties on public "
            "authorities.")
    result = classify("FOI response", text)
    assert result.guess == "refused"
