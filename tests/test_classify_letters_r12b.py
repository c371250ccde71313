"""Status letters, round 12b (issue 12): what the letter does now, read from its own new text.

* a letter that answers our request for an internal review, yet states no outcome, is not a fresh
  first reply: what it says of the information ("we do not hold it") is the reviewed reply told
  again, so it goes to a person with the review as the guess;
* a letter that receives a review request and takes more time for it now is an extension, not a
  bare receipt (a condition or a rights paragraph about more time is not).

Every message is our own paraphrase of a shape seen in real replies (tests/fixtures/mail/SOURCES.md
names the public pages); each meaning is said several ways, with negatives that share its words.
"""

from __future__ import annotations

import pytest

from foi.mail.reading.interim import wants_clarity
from foi.mail.reading.internal_review import more_time
from tests.helpers import read_reply as _read

# --------------------------------------------------------------------------------------------
# A. A review letter with no outcome stated: the first reply retold is not a new decision

_RETOLD_NOT_HELD = [
    ("Thank you for your e-mail of 3 May, in which you request an internal review of the reply you were sent."
     " I have been asked to look into the points you raise. The reply you received said the following: the"
     " office does not hold any record of gifts made from its budget. I understand the news item suggested"
     " otherwise, but the vehicle was sold at a fair price and not given away."),
    ("Dear Ms Tran, I refer to your request for a review of our reply to your request of 2 February. Our first"
     " reply told you that we do not hold a list of the documents you described. Going back to your request,"
     " I have read the papers again."),
    ("You asked us to reconsider our answer to your request about fleet disposals. That answer explained that"
     " the council holds no information on the sale prices. The disposals were handled by a contractor."),
    ("I write about the review you requested of our handling of your request. In March we told you the"
     " information was not held by the trust. The contracts in question were let by the former health"
     " authority."),
    ("Your letter seeking a review of the decision arrived on 9 June. The decision letter said that no"
     " information is held about the meetings. I set out below the background to those meetings."),
    ("We have received your application for an internal review. The earlier response stated that the force"
     " holds no data on the cameras. The cameras belong to the highways authority, as the press report"
     " noted."),
]


@pytest.mark.parametrize("text", _RETOLD_NOT_HELD)
def test_review_letter_without_outcome_goes_to_review_with_review_guess(text: str) -> None:
    c = _read(text, subject="Use of public money")
    assert c.kind == "needs-review"
    assert c.guess == "review-upheld"
    assert not c.automatic


@pytest.mark.parametrize(
    "text",
    [
        # a first reply that names the review procedure only as a right
        ("Thank you for your request. The council does not hold any record of the sale prices. If you are"
         " unhappy with this reply you may ask for an internal review within 40 working days."),
        # a first reply that mentions an earlier review of something else, asked by nobody here
        ("Thank you for your request. We do not hold the information you asked for. It is regrettable that"
         " it took an internal review for the records to be moved. Full details of our internal review"
         " procedure are on our website."),
    ],
)
def test_first_reply_naming_reviews_is_still_read_as_first_reply(text: str) -> None:
    c = _read(text)
    assert c.kind == "not-held"


def test_review_letter_with_stated_outcome_keeps_it() -> None:
    text = ("Thank you for your request for an internal review of our reply. Having looked again at the case,"
            " I am satisfied that the original response was correct and I uphold it. The office does not hold"
            " any record of gifts made from its budget.")
    c = _read(text, subject="Internal review")
    assert c.kind == "review-upheld"


# --------------------------------------------------------------------------------------------
# B. A review request received, with more time taken now: an extension


@pytest.mark.parametrize(
    "text",
    [
        ("Thank you for your internal review request, which was received on 4 March. Although we try to"
         " complete reviews within twenty working days, on this occasion we need more time to consider it."
         " In line with the Commissioner's guidance we are extending this deadline by a further twenty days."),
        ("We acknowledge receipt of your request for an internal review, received on 2 May. The review is"
         " taking longer than we expected and we are extending the time limit by twenty working days."),
        ("Your request for an internal review was received on 11 January. We require further time to"
         " complete the review, and have extended the deadline to forty working days."),
        ("Thank you for asking us to review our response; we received your request for an internal review on"
         " 7 October. We need additional time to consult colleagues and are extending the review period by"
         " 20 working days."),
    ],
)
def test_review_receipt_that_takes_more_time_is_an_extension(text: str) -> None:
    c = _read(text, subject="RE: Internal review - bus lanes")
    assert c.kind == "extended"


def test_review_receipt_with_more_time_only_as_a_condition_stays_a_receipt() -> None:
    text = ("Thank you for your request for an internal review, which we received on 4 March. We aim to"
            " complete reviews within 20 working days. If we need more time, we will write to let you know.")
    c = _read(text, subject="RE: Internal review - bus lanes")
    assert c.kind in ("acknowledged", "needs-review")
    assert c.kind != "extended"


@pytest.mark.parametrize(
    ("sentence", "taken"),
    [
        ("On this occasion we need more time to consider your request.", True),
        ("We are extending this deadline by a further twenty days.", True),
        ("The review will take longer than we hoped.", True),
        ("We require additional time to finish the review.", True),
        ("If we need more time we will tell you.", False),
        ("In some cases we may need more time to reply.", False),
        ("You may ask us to extend the time if you need more time to respond.", False),
    ],
)
def test_more_time_grammar(sentence: str, taken: bool) -> None:
    assert bool(more_time([sentence])) is taken


# --------------------------------------------------------------------------------------------
# C. A wish for clarification, said now, with a question put to us


@pytest.mark.parametrize(
    "text",
    [
        ("Thank you for your request. I would just like some clarification on the points you have raised."
         " Please can you define which kinds of complaint you want the request to cover?"),
        ("Dear Mr Okafor, before we go any further we need some clarification. Which years do you want the"
         " figures for, and for which wards?"),
        ("Thanks for your e-mail. We would like a little more clarity before we search our records: do you"
         " mean incidents reported to the council or to the police?"),
        ("Thank you for writing to us. I need further clarification of your request. Are you asking about"
         " contracts signed in 2023 only, or also those renewed that year?"),
        ("Good morning, we would like to clarify what you are asking for. Do you want the policy document"
         " itself, or the minutes of the meeting where it was agreed?"),
        ("Dear Ms Jones, I would like to seek clarification of your request. Could you tell me which"
         " departments you mean?"),
    ],
)
def test_a_wish_for_clarification_with_a_question_is_a_clarification(text: str) -> None:
    c = _read(text)
    assert c.kind == "clarification"


@pytest.mark.parametrize(
    "text",
    [
        # a condition: clarification may be needed later
        ("Thank you for your request, which we received on 4 March. If we need clarification we will"
         " contact you. We aim to reply within 20 working days."),
        # they clarify their own answer: no wish for ours, no question
        ("Thank you for your request. I would like to clarify that the figures below cover the whole county."
         " There were 41 incidents in 2023."),
        # a wish for clarification but no question put
        ("Thank you for your request. We may need some clarification later on. We will reply within 20"
         " working days."),
    ],
)
def test_no_clarification_without_a_present_wish_and_a_question(text: str) -> None:
    assert _read(text).kind != "clarification"


@pytest.mark.parametrize(
    ("sentence", "wanted"),
    [
        ("I would just like some clarification on the points you have raised.", True),
        ("We need further clarification before we can go on.", True),
        ("We would like to clarify what you are asking for.", True),
        ("I would like a bit more clarity on the period.", True),
        ("If we need clarification we will contact you.", False),
        ("We may need some clarification later.", False),
        ("I would like to clarify that the figures are for the county.", False),
    ],
)
def test_wants_clarity_grammar(sentence: str, wanted: bool) -> None:
    assert bool(wants_clarity([sentence])) is wanted
