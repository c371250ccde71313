"""Round 6 of reading real replies (issue 12): the decision kinds by what a letter does, not by
the words it happens to use. A cost letter that asks whether we would take less and waits on our
answer is a clarification; a promise of a reply well past 20 working days from the stated receipt
is an extension; an estimate of more than 18 hours is the cost limit with no section printed; a
plain "not held" stays not held beside advice to ask another body.

Every message here is written in our own words; tests/fixtures/mail/SOURCES.md names the public
pages where each pattern was seen.
"""

from __future__ import annotations

from datetime import date

import pytest

from foi.mail.classify import classify
from foi.mail.decisions import COST_ESTIMATE_RE, late_promise, scope_questions, waits_on_us

HEADERS = {"Date": "Mon, 10 Mar 2025 10:00:00 +0000"}

# --------------------------------------------------------------------------------------------
# A cost letter that asks whether we would accept less, and waits: clarification, no sections


@pytest.mark.parametrize(
    "text",
    [
        "Thank you for your email. Answering every part would exceed the appropriate limit. We could, however, "
        "answer parts 1 and 2 within the limit. Please confirm whether you are agreeable to this, and we will then "
        "continue with your request.",
        "Your request as worded would mean a manual search of some 4,000 files, which we estimate would cost more "
        "than \u00a3450. Would it be acceptable to you if we limited the search to the last twelve months? We will "
        "wait to hear from you before going any further.",
        "The work needed to locate everything you asked for would take far longer than 18 hours, so the request "
        "cannot be answered as it stands. If you would be happy to receive an answer to question 3 only, please "
        "reply to this email and we will deal with it on that basis. Your request is on hold until we hear from you.",
        "Locating all of this would exceed the cost limit set by section 12. Do you want us to provide the "
        "information for questions 1 and 2, which can be done within the limit? Please let us know how you would "
        "like to proceed.",
    ],
)
def test_a_cost_letter_that_asks_us_to_accept_less_is_a_clarification(text: str) -> None:
    result = classify("FOI 1234/25", text, headers=HEADERS)
    assert (result.kind, result.sections) == ("clarification", [])


def test_a_cost_refusal_with_advice_to_narrow_and_ask_again_stays_a_refusal() -> None:
    """Advice under s.16 to send a narrower request is not a question the letter waits on."""
    result = classify("FOI 1234/25", "Your request has been considered and I am not obliged to provide the "
                      "information under section 12(1), as locating and extracting it would exceed the appropriate "
                      "limit. Under section 16 you may wish to consider narrowing your request, for example to a "
                      "shorter period, and submitting it again.", headers=HEADERS)
    assert (result.kind, result.sections) == ("refused", ["12(1)"])


def test_scope_questions_and_waiting_are_told_apart_from_courtesies() -> None:
    assert scope_questions(["Would you accept figures for one year only?"])
    assert not scope_questions(["Please let us know if you require anything further."])
    assert waits_on_us(["Your request is on hold until we hear from you."])
    assert not waits_on_us(["We hope this information is useful."])


# --------------------------------------------------------------------------------------------
# Extensions by what they promise


@pytest.mark.parametrize(
    ("text", "until"),
    [
        ("Your request was received on 10 February 2025. Unfortunately we have not been able to finish gathering "
         "the information. The new date by which you can expect our response is 7 April 2025.", date(2025, 4, 7)),
        ("Thank you for your request, which we received on 12 February 2025. I am sorry but we will need until "
         "9 April 2025 to give you a full response, as the information is held in several departments.",
         date(2025, 4, 9)),
        ("Your request, received on 10 February 2025, is being dealt with under the Freedom of Information Act. We "
         "consider that the information may be exempt under sections 31 and 40, and we need to weigh the public "
         "interest. We will let you have our decision by 8 April 2025.", date(2025, 4, 8)),
        ("Please accept our apologies: your response is overdue. We are finalising it and will send it to you by "
         "21 March 2025.", date(2025, 3, 21)),
    ],
)
def test_an_extension_is_read_by_what_it_promises(text: str, until: date) -> None:
    result = classify("FOI 1234/25", text, headers=HEADERS)
    assert (result.kind, result.until, result.sections) == ("extended", until, [])


def test_an_acknowledgement_promising_the_statutory_date_is_not_an_extension() -> None:
    result = classify("FOI 1234/25", "Thank you for your request, received on 10 March 2025. It has been logged "
                      "with reference 1234/25 and we will respond by 7 April 2025.", headers=HEADERS)
    assert (result.kind, result.until, result.received) == ("acknowledged", None, date(2025, 3, 10))


def test_a_promise_is_late_only_well_past_twenty_working_days() -> None:
    assert not late_promise(date(2025, 4, 7), date(2025, 3, 10))  # 28 days: the statutory date
    assert late_promise(date(2025, 4, 7), date(2025, 2, 10))
    assert not late_promise(date(2025, 4, 7), None)


# --------------------------------------------------------------------------------------------
# Refusals that name no section number


@pytest.mark.parametrize(
    ("text", "sections"),
    [
        ("Searching the records would take an estimated 75 hours. This is more than the law requires us to spend "
         "on a request, so we cannot answer it.", ["12"]),
        ("Every one of the 12,000 search records would have to be read by hand, which comes to around 600 hours "
         "of work. We are therefore unable to answer your request.", ["12"]),
        ("The information you ask for is already published on our website, and so is reasonably accessible to you "
         "by other means. We are therefore not providing it in this reply.", ["21"]),
        ("We have decided that your request is vexatious, and we will not be dealing with it.", ["14"]),
    ],
)
def test_a_refusal_in_words_without_a_section_number(text: str, sections: list[str]) -> None:
    result = classify("FOI 1234/25", text, headers=HEADERS)
    assert (result.kind, result.sections) == ("refused", sections)


@pytest.mark.parametrize(
    ("sentence", "cost"),
    [
        ("It would take about 10 hours to do.", False),
        ("The estimated cost of the scheme was \u00a312,000.", False),
        ("Officers work 40 hours a week.", False),
        ("It would cost the force more than \u00a31,200 to comply.", True),
        ("Reading them all would take 250 hours.", True),
    ],
)
def test_a_cost_estimate_is_the_cost_limit_only_above_eighteen_hours(sentence: str, cost: bool) -> None:
    assert bool(COST_ESTIMATE_RE.search(sentence)) is cost


# --------------------------------------------------------------------------------------------
# Not held, for the whole request


@pytest.mark.parametrize(
    "text",
    [
        "We have searched our records and no information matching your request has been found. If you have any "
        "other questions, please contact us.",
        "Having searched, the information you have requested is not held by this force. You may wish to contact "
        "the Home Office, which may hold some of the information you are looking for.",
    ],
)
def test_not_held_for_the_whole_request(text: str) -> None:
    result = classify("FOI 1234/25", text, headers=HEADERS)
    assert (result.kind, result.sections) == ("not-held", [])
