"""Status letters, round 14 (issue 12): internal review letters read for what they decide.

* a review that is partly upheld yet releases nothing more (only the delay is found against the
  authority, or the information stays withheld) leaves the first reply standing: review-upheld;
  partly upheld with more released stays review-overturned;
* a letter that receives our review request and promises the review (within 20 working days, by a
  date) is an acknowledgement, and the date of receipt it states is the review request's, never the
  request's;
* a letter that only sends again, after our review request, what the first reply left out is
  guessed as an overturned review (more is released), for a person to confirm.

Every message is our own paraphrase of a shape seen in real replies (tests/fixtures/mail/SOURCES.md
names the public pages); each meaning is said several ways, with negatives that share its words.
"""

from __future__ import annotations

import pytest

from tests.helpers import read_reply as _read

# --------------------------------------------------------------------------------------------
# A. Partly upheld, nothing more released: the first reply stands

_PARTLY_NOTHING_MORE = [
    ("I have now completed the internal review. Your complaint is partially upheld: our reply reached you"
     " after the 20 working days and I apologise for that. I am satisfied that section 40(2) was correctly"
     " applied and the information remains withheld."),
    ("Internal review outcome. I uphold your complaint in part, because the reply was late. The exemption at"
     " section 31(1)(a) was properly engaged, so the figures will continue to be withheld."),
    ("Having looked at the handling of your request, your appeal is upheld in part: we should have named the"
     " exemption more clearly. The remaining information continues to be withheld under section 43(2)."),
    ("The review is partly upheld. There was a delay in replying, for which I am sorry. The original decision"
     " to refuse your request under section 12 is maintained."),
]


@pytest.mark.parametrize("text", _PARTLY_NOTHING_MORE)
def test_partly_upheld_with_nothing_more_released_is_review_upheld(text: str) -> None:
    c = _read(text, subject="Internal review of FOI 2024/118")
    assert (c.kind, c.review_outcome) == ("review-upheld", "upheld")


@pytest.mark.parametrize(
    "text",
    [
        # more is released: overturned, however the rest fared
        ("I have completed the internal review. Your complaint is partially upheld. The totals for the force"
         " should have been released and are set out below: 2023, 412; 2024, 398. The ward figures remain"
         " withheld under section 31(1)(a)."),
        ("Your appeal is upheld in part. I have decided to release the names of the senior officers; the"
         " remaining information is still exempt under section 40(2)."),
        # partly upheld, with no word of what became of the information: as before
        "I have completed the internal review and your complaint is partially upheld.",
    ],
)
def test_partly_upheld_with_more_released_stays_overturned(text: str) -> None:
    c = _read(text, subject="Internal review of FOI 2024/118")
    assert c.kind == "review-overturned"


# --------------------------------------------------------------------------------------------
# B. Our review request received, the review promised: an acknowledgement that moves no date

_REVIEW_RECEIVED = [
    ("Dear Mr Lowe, Thank you for your e-mail of 4 March asking for an internal review of our reply to your"
     " request FOI 2024/118. We aim to complete the review within 20 working days."),
    ("Thank you for your letter requesting a review of the decision on your request. A senior officer who was"
     " not involved will look at it, and we expect to conclude the review by 10 April 2024."),
    ("I refer to your request for an internal review, which reached us on 5 March 2024. We will endeavour to"
     " complete the internal review within twenty working days and will write to you with the outcome."),
]


@pytest.mark.parametrize("text", _REVIEW_RECEIVED)
def test_review_request_received_is_an_acknowledgement_moving_no_date(text: str) -> None:
    c = _read(text, subject="RE: Internal review - FOI 2024/118")
    assert (c.kind, c.received, c.until) == ("acknowledged", None, None)


@pytest.mark.parametrize(
    "text",
    [
        # the review done, its outcome given: not a receipt
        ("Thank you for your e-mail asking for an internal review. I have completed the review and I uphold the"
         " original decision; section 31 was correctly applied."),
        # more time taken for the review: an extension, not a bare receipt
        ("Thank you for your request for an internal review. Unfortunately we need more time and now aim to"
         " complete the review by 30 April 2024."),
        # a first answer's rights paragraph promising reviews in general
        ("Please find attached the information you asked for. If you ask for an internal review, we will aim to"
         " complete the review within 20 working days."),
    ],
)
def test_review_outcomes_and_rights_text_are_not_review_receipts(text: str) -> None:
    c = _read(text, subject="RE: Internal review - FOI 2024/118")
    assert c.kind != "acknowledged" or c.guess != "acknowledged"


# --------------------------------------------------------------------------------------------
# C. The missing information sent again after our review request

@pytest.mark.parametrize(
    "text",
    [
        ("Further to your request for an internal review, it seems the spreadsheet was left off our reply. I now"
         " attach the spreadsheet with the figures you asked for, and I am sorry for the mistake."),
        ("Thank you for asking us to review our reply. You are right that the table was missing; we enclose the"
         " table of incidents by month with this e-mail."),
    ],
)
def test_information_resent_after_review_request_is_guessed_overturned(text: str) -> None:
    c = _read(text, subject="RE: Internal review - FOI 2024/118")
    assert c.kind == "needs-review"
    assert c.guess == "review-overturned"


# --------------------------------------------------------------------------------------------
# D. "Following your clarification, <decision>": the lead is history, the clause after it is news

@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Following your clarification of 5 March, I can confirm that the force does not hold this information.",
         "not-held"),
        ("Further to your reply to our request for clarification, we are unable to provide the information, as"
         " section 12 applies: the cost of finding it would exceed the appropriate limit.", "refused"),
        ("In light of your clarification, I can confirm that the council holds no record of such payments.",
         "not-held"),
    ],
)
def test_decision_after_a_clarification_lead_is_read(text: str, kind: str) -> None:
    c = _read(text)
    assert c.kind == kind


@pytest.mark.parametrize(
    "text",
    [
        # only what happened, no decision in the clause after the lead: still history
        "Following your reply to our request for clarification, we have searched again.",
        # the clause goes on describing the lead
        "Thank you for your clarification, which we received on 5 March 2024.",
    ],
)
def test_clarification_lead_without_news_stays_history(text: str) -> None:
    from foi.mail.reading.sentences import is_history

    assert is_history(text)


# --------------------------------------------------------------------------------------------
# E. "The time for our response has been extended until <date>": an extension with its date

@pytest.mark.parametrize(
    ("text", "until"),
    [
        ("Dear Mr Lowe, I am writing to tell you that the time for our response has been extended until 12 April"
         " 2024 to allow the public interest test to be completed.", "2024-04-12"),
        ("The time for a reply to your request is being extended to 5 April 2024, because section 31 is a"
         " qualified exemption and we must weigh the public interest.", "2024-04-05"),
        ("Sections 24 and 31 are engaged. The time for the response will be extended, and we will reply by"
         " 9 April 2024.", "2024-04-09"),
    ],
)
def test_time_for_response_extended_is_an_extension_with_its_date(text: str, until: str) -> None:
    c = _read(text)
    assert (c.kind, c.until.isoformat() if c.until else None, c.sections) == ("extended", until, [])


def test_extension_told_as_history_in_an_answer_is_not_an_extension() -> None:
    text = ("The time for our response was extended on 4 March to consider the public interest. Please find"
            " attached the information you asked for.")
    c = _read(text)
    assert c.kind != "extended" and c.guess != "extended"


# --------------------------------------------------------------------------------------------
# F. A choice put to us ("whether you require X or Y"), without its question mark, is specific

@pytest.mark.parametrize(
    "text",
    [
        ("Dear Mr Lowe, Can you confirm whether you require the data broken down by district or for the force as"
         " a whole"),
        "Dear Mr Lowe, Could you tell us whether you want the figures for calendar years or financial years",
        ("Before we search, would you let us know whether you are asking about arrests only or about all"
         " outcomes"),
    ],
)
def test_a_choice_put_to_us_is_a_clarification(text: str) -> None:
    c = _read(text)
    assert c.kind == "clarification"


def test_a_courtesy_whether_you_need_anything_further_is_no_clarification() -> None:
    c = _read("Please find attached the figures you asked for. Can you confirm whether you require anything further")
    assert c.kind != "clarification" and c.guess != "clarification"


# --------------------------------------------------------------------------------------------
# G. A ground swapped at review, the information still withheld: the refusal stands

@pytest.mark.parametrize(
    "text",
    [
        ("Having completed the internal review, I have found that section 31 was not the correct exemption,"
         " however section 40(2) applies instead. The information remains withheld."),
        ("I do not agree that section 43 should have been applied. Section 41 is the right exemption, and the"
         " contract prices will continue to be withheld on that basis."),
    ],
)
def test_ground_swapped_with_information_still_withheld_is_review_upheld(text: str) -> None:
    c = _read(text, subject="RE: Internal review")
    assert c.kind == "review-upheld"


def test_ground_found_wrong_and_information_released_is_review_overturned() -> None:
    text = ("Review outcome: I find that section 30 should not have been applied. The information is provided"
            " below: 14 officers were suspended in 2023.")
    assert _read(text, subject="RE: Internal review").kind == "review-overturned"
