"""Signals as grammars over meanings (issue 12, round 8): the same decision in many wordings.

Tuning phrase lists on the replies we had took that material to ~100% and moved unseen replies
not at all. Each pattern here is written as many paraphrases of our own (varied in voice, word
order, synonyms and politeness padding), each group with a contrast case that must not be read
the same way: the request's own words, quoted text, conditionals.
"""

from __future__ import annotations

from datetime import date

import pytest

from foi.mail.classify import classify

REQUEST = ("Please tell me how many drones the force owned in each of the years 2020 to 2023, and what "
           "they cost.")
DATE = {"Date": "Mon, 10 Jun 2024 10:00:00 +0100"}


def read(text: str, names: tuple[str, ...] = ()):  # noqa: ANN201 - a Classification
    return classify("Freedom of Information request", text, list(names), [""] * len(names), DATE,
                    request_text=REQUEST)


# --------------------------------------------------------------------------------------------
# 1. Not held, said plainly and briefly after the request restated


@pytest.mark.parametrize(
    "text",
    [
        f"Dear Ms Patel,\n\nYou asked:\n{REQUEST}\n\nResponse:\nNo information relevant to your request is held by "
        "the force.\n\nYours sincerely,\nA Clerk",
        f"Your request\n{REQUEST}\n\nThe force does not use drones.\nThere is therefore no information held.",
        f"Request:\n{REQUEST}\n\nAnswer:\nThe constabulary has never operated a drone unit, so nothing is held.",
        f"{REQUEST}\n\nHaving searched our systems, I can confirm no information within the scope of your request "
        "is held.",
        f"Your request:\n{REQUEST}\n\nWe do not have any records of this.",
        f"You asked for:\n{REQUEST}\n\nWe hold no recorded information that answers your request.",
        f"{REQUEST}\n\nThere is no recorded information held by the force relevant to this request.",
        f"Request\n{REQUEST}\n\nResponse\nNo relevant information is held. This force does not own or lease any "
        "drones.",
        f"{REQUEST}\n\nNo data on this subject is kept by the force.",
        f"{REQUEST}\n\nThe force does not have any drones and accordingly holds no data relating to your request.",
        f"{REQUEST}\n\nNothing relevant to your request is held by this office.",
        f"{REQUEST}\n\nSuch records are not in the force's possession.",
    ],
)
def test_not_held_in_many_words_is_read_as_not_held(text: str) -> None:
    result = read(text)
    assert (result.kind, result.guess) == ("not-held", "not-held")


@pytest.mark.parametrize(
    "text",
    [
        "Q1. How many drones did you own in 2020?\nNo information held - we do not operate drones.\n\n"
        "Q2. What did they cost?\nNot applicable (see Q1).",
        "1. How many drones did you own?\nNone held - the force has no drones.\n2. What did they cost?\n"
        "N/A - see the answer to question 1.",
        "Question 1\nNo information is held, as the force has never bought a drone.\nQuestion 2\nNot applicable.",
    ],
)
def test_every_question_answered_not_held_or_not_applicable_is_not_held(text: str) -> None:
    assert read(text).guess == "not-held"


def test_one_question_not_held_beside_figures_is_not_a_not_held_reply() -> None:
    result = read("1. How many cameras were bought?\n412 cameras were bought in 2021.\n2. Who maintained them?\n"
                  "No information is held about maintenance - the supplier does this.")
    assert result.guess == "responded"


@pytest.mark.parametrize(
    "text",
    [
        "Your request has been logged and we will respond within 20 working days. If no information is held we "
        "will tell you so.",
        "We have no record of receiving your earlier request. Your new request has been logged under reference "
        "2024/118 and we will reply within 20 working days.",
    ],
)
def test_no_information_said_conditionally_or_of_our_letter_is_not_not_held(text: str) -> None:
    assert read(text).guess != "not-held"


def test_nothing_to_add_is_not_nothing_held() -> None:
    result = read("Please find attached the spreadsheet of figures. We have nothing to add to the notes it "
                  "carries.", ("figures.xlsx",))
    assert result.guess == "responded"


# --------------------------------------------------------------------------------------------
# 2. A clarification asked for in polite, padded words, with the clock waiting on us


@pytest.mark.parametrize(
    "text",
    [
        "Dear Mr Lee,\n\nThank you for your request. I would be grateful if you could provide further detail "
        "about exactly which incidents you are interested in.\n\nThe statutory time for our response will not "
        "start until we receive the further information.",
        "It would be helpful if you could give us more detail about exactly who you mean by 'senior officers'. "
        "The 20 working days will begin once we receive your reply.",
        "Before we can deal with your request, we need further details of precisely what information you are "
        "seeking. The time limit for our response will not begin until we hear from you.",
        "We would appreciate it if you could clarify exactly which time period your request covers.",
        "Kindly let us know precisely which stations you are referring to, so that we can search the right "
        "records.",
        "To enable us to locate the information, please provide more detail about what exactly you mean by "
        "'incidents'. We will start the clock again once your clarification arrives.",
        "Could you please give us further information about exactly which offences you would like figures "
        "for? The statutory period for responding does not begin until we receive this.",
        "In order to progress your request, I would be grateful if you could provide further details as to "
        "which departments you are referring to.",
    ],
)
def test_a_request_for_detail_in_polite_words_is_a_clarification(text: str) -> None:
    result = read(text)
    assert (result.kind, result.guess) == ("clarification", "clarification")


@pytest.mark.parametrize(
    "text",
    [
        "Thank you for your request, which we received on 3 May 2024 and which is being dealt with. If we need "
        "to clarify your request, the 20 working days will not start until we receive your reply.",
        "Your request was received on 3 May 2024. We may need to ask you for further detail about exactly what "
        "you are looking for; if so, the clock will not start until we hear from you.",
    ],
)
def test_a_clarification_only_foreseen_in_an_acknowledgement_is_not_one(text: str) -> None:
    result = read(text)
    assert (result.kind, result.received) == ("acknowledged", date(2024, 5, 3))


def test_the_requests_own_which_and_what_ask_us_nothing() -> None:
    request = ("Could you please tell me which companies supplied body-worn cameras, and exactly what each "
               "contract cost?")
    result = classify("FOI", f"You asked:\n{request}\n\nPlease find attached a spreadsheet of the suppliers.",
                      ["suppliers.xlsx"], [""], DATE, request_text=request)
    assert result.guess == "responded"


# --------------------------------------------------------------------------------------------
# 3. An acknowledgement that states when the request arrived, whoever received it


@pytest.mark.parametrize(
    ("text", "received"),
    [
        (f"Thank you for your request below, received by Norfolk Constabulary and Suffolk Constabulary on 3 May "
         f"2024.\n\n{REQUEST}", date(2024, 5, 3)),
        (f"Your request, set out below, was received by Bedfordshire Police, Cambridgeshire Constabulary and "
         f"Hertfordshire Constabulary on 12 June 2024.\n\n{REQUEST}", date(2024, 6, 12)),
        (f"Thank you for your e-mail, which reached the joint information unit on 5 March 2024.\n\n{REQUEST}",
         date(2024, 3, 5)),
        (f"Thanks for your FOI request (copied below), which Devon and Cornwall Police and Dorset Police "
         f"received on 1 July 2024.\n\n{REQUEST}", date(2024, 7, 1)),
        (f"We write to confirm that your request reached us on 2 April 2024.\n\n{REQUEST}", date(2024, 4, 2)),
        (f"Thank you for your Freedom of Information request which we received on 9 January 2024, details "
         f"below.\n\n{REQUEST}", date(2024, 1, 9)),
    ],
)
def test_a_receipt_stated_with_its_date_is_an_acknowledgement(text: str, received: date) -> None:
    result = read(text)
    assert (result.kind, result.received) == ("acknowledged", received)


def test_a_receipt_date_above_a_refusal_is_the_refusals() -> None:
    result = read("Your request received on 3 May 2024 has been considered. The information is exempt under "
                  "section 31(1)(a) and is withheld.")
    assert result.kind == "refused"


# --------------------------------------------------------------------------------------------
# 4. An internal review's outcome letter that says when the review was asked for and held


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Dear Mr Lee,\n\nYour request for an internal review was received on 2 May 2024. The review was "
         "conducted on 28 May 2024 by an officer not involved in the original decision. Having considered the "
         "matter, I uphold the original decision.", "review-upheld"),
        ("We received your internal review request on 4 June 2024 and the review took place on 1 July 2024. The "
         "reviewer is satisfied that the exemptions were correctly applied and the original response stands.",
         "review-upheld"),
        ("Your appeal was received on 3 March 2024 and a review was carried out on 20 March 2024 by the Head of "
         "Information Management. I have decided that the information should be released.", "review-overturned"),
        ("Your internal review request was received on 12 April 2024. An independent review was held on 30 "
         "April 2024 and the panel has decided to overturn the original decision.", "review-overturned"),
        ("Following receipt of your request for an internal review on 1 February 2024, a review was conducted "
         "on 20 February 2024. I am satisfied that section 31 was correctly applied.", "review-upheld"),
        ("The request for a review of our response reached us on 6 June 2024. We conducted the review on 27 June "
         "2024 and have decided to maintain the original decision.", "review-upheld"),
    ],
)
def test_a_review_outcome_letter_is_not_a_review_acknowledgement(text: str, kind: str) -> None:
    assert read(text).kind == kind


def test_a_review_held_with_no_outcome_stated_goes_to_review() -> None:
    result = read("The request for a review of our response reached us on 6 June 2024. The review was undertaken "
                  "on 27 June 2024.")
    assert result.kind == "needs-review"
    assert result.guess != "acknowledged"


@pytest.mark.parametrize(
    "text",
    [
        "Your request for an internal review was received on 4 June 2024. A review will now be conducted by a "
        "senior officer and we aim to reply within 20 working days.",
        "We have received your request for an internal review of our response to FOI 2024/118. The review will "
        "be completed by 30 June 2024.",
    ],
)
def test_a_review_still_to_come_is_acknowledged(text: str) -> None:
    assert read(text).kind == "acknowledged"
