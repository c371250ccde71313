"""Round 4-5 of reading real replies (issue 12): more ways of saying the same decision, and the
evidence that must keep a reading out of the automatic path.

Every message here is written in our own words; each reproduces a pattern seen in real replies
(tests/fixtures/mail/SOURCES.md names the public pages).
"""

from __future__ import annotations

from datetime import date

import pytest

from foi.mail.classify import classify

# --------------------------------------------------------------------------------------------
# Extensions in more words, with the new date the authority states


@pytest.mark.parametrize(
    ("text", "until"),
    [
        ("The deadline for responding to your request has been extended to 12 March 2025 while we weigh the "
         "public interest.", date(2025, 3, 12)),
        ("I am sorry that your request is taking longer than expected. We aim to respond by 4 April 2025.",
         date(2025, 4, 4)),
        ("The force is currently assessing the public interest in release and will respond by 4 April 2025.",
         date(2025, 4, 4)),
    ],
)
def test_an_extension_in_other_words_keeps_its_stated_date(text: str, until: date) -> None:
    result = classify("FOI 77/24", text)
    assert (result.kind, result.until) == ("extended", until)


def test_an_extension_in_the_past_is_history_not_news() -> None:
    """'We previously extended the deadline' above the data is an answer, never an extension."""
    result = classify("FOI 77/24", "We previously extended the deadline for your request. Please find attached "
                      "the spreadsheet with the figures you asked for.", ["figures.xlsx"], [""])
    assert result.guess == "responded"
    assert result.kind != "extended"


def test_a_late_apology_above_an_answer_is_not_an_extension() -> None:
    result = classify("FOI 77/24", "We were unable to respond within the 20 working days, and we apologise. "
                      "Please find attached the data you requested.", ["data.xlsx"], [""])
    assert result.guess == "responded"


# --------------------------------------------------------------------------------------------
# Acknowledgements and automatic receipts


@pytest.mark.parametrize(
    "text",
    [
        "We received your request on 3 May 2024 and it is being dealt with.",
        "Dear Mr Okoro,\n\nYour request has been passed to the relevant department and we will be in touch within 20 "
        "working days.",
        "Your internal review request has been received and logged. A senior officer will look at it.",
    ],
)
def test_acknowledgements_in_more_words(text: str) -> None:
    assert classify("Your request", text).kind == "acknowledged"


def test_a_mailbox_that_cannot_answer_each_message_is_an_auto_reply() -> None:
    text = ("Owing to the large number of e-mails arriving in this inbox we are unable to reply to each one "
            "individually. This is an automated message.")
    assert classify("Re: request", text).kind == "auto-reply"


# --------------------------------------------------------------------------------------------
# Clarification, not held elsewhere, refusals in more words


@pytest.mark.parametrize(
    "text",
    [
        "Before we go any further, I would be grateful if you would confirm the period you are interested in?",
        "Please specify the exact dates you would like us to search?",
    ],
)
def test_a_question_about_the_scope_is_a_clarification(text: str) -> None:
    assert classify("FOI 77/24", text).kind == "clarification"


def test_information_held_by_another_body_is_not_held_here() -> None:
    text = "The figures you ask for are held by the Ministry of Justice, and not by this force. Please write to them."
    assert classify("FOI 77/24", text).kind == "not-held"


@pytest.mark.parametrize(
    ("text", "sections"),
    [
        ("Your request is therefore refused under section 14(1), as it is vexatious.", ["14(1)"]),
        ("Finding every file would take far longer than 18 hours, so section 12 applies and we will not comply.",
         ["12"]),
    ],
)
def test_refusals_in_more_words(text: str, sections: list[str]) -> None:
    result = classify("FOI 77/24", text)
    assert (result.kind, result.sections) == ("refused", sections)


def test_a_count_of_records_withheld_is_not_an_answer() -> None:
    """'We hold 12 records' counts what is withheld; it is not a figure given."""
    result = classify("FOI 77/24", "We hold 12 documents within the scope of your request. They are exempt "
                      "under section 30(1) and are withheld in full.")
    assert (result.kind, result.sections) == ("refused", ["30(1)"])


# --------------------------------------------------------------------------------------------
# Parts answered inline; what is not given because it is not held


def test_items_numbered_inside_one_sentence_are_read_as_parts() -> None:
    text = "Thank you for your request. Our answers to your questions: 1) 14 officers 2) 3 vehicles 3) No " \
           "information is held."
    result = classify("FOI 77/24", text)
    assert result.guess != "not-held"


def test_a_breakdown_not_held_beside_an_answer_is_not_decided_as_partial() -> None:
    """Not giving a breakdown the system does not record is no exemption: never an automatic partial."""
    text = ("The total number of stop searches is in the attached spreadsheet. We are unable to give the figures "
            "by ward, as our system does not record the ward, so that part is not held.")
    result = classify("FOI 77/24", text, ["stops.xlsx"], [""])
    assert result.kind != "partial"
    assert result.kind in ("needs-review", "responded")


# --------------------------------------------------------------------------------------------
# The new date of an extension: the one they state, in the shapes letters use


@pytest.mark.parametrize(
    ("text", "headers", "until"),
    [
        # a day-first date written with hyphens
        ("We need more time to weigh the public interest. A full reply will follow no later than 30-04-2025.",
         {}, date(2025, 4, 30)),
        # the date on a line of its own after a label
        ("We have extended the deadline for your request.\nThe new deadline is 30 April 2025.", {},
         date(2025, 4, 30)),
        # no year, and no Date header: the letter's own date places it
        ("2 April 2025\nWe need additional time to weigh the public interest, and now aim to reply by 30 April.",
         {}, date(2025, 4, 30)),
        # "a further 20 working days ... until": the date stated, not one counted from today
        ("We logged your request on 1 April 2025. We need a further 20 working days to consider the public "
         "interest, until 30 April 2025.", {}, date(2025, 4, 30)),
        # late, with no public interest test: still the date they promise
        ("I am sorry that we have not been able to reply within the statutory 20 working days. We hope to send "
         "you our reply by 30 April 2025.", {}, date(2025, 4, 30)),
        ("We are sorry that our reply to you is late. We expect to be able to reply by 30th "
         "April.", {"Date": "Wed, 02 Apr 2025 10:00:00 +0000"}, date(2025, 4, 30)),
        # an older date quoted beside the new one
        ("Your request reached us on 3 March 2025 and was due an answer by 31 March 2025. We need more time to "
         "consider the public interest and will now respond by 30 April 2025.", {}, date(2025, 4, 30)),
    ],
)
def test_the_extension_date_is_the_one_they_state(text: str, headers: dict[str, str], until: date) -> None:
    result = classify("FOI 123/25", text, [], [], headers)
    assert (result.kind, result.until) == ("extended", until)


def test_a_further_twenty_days_with_no_date_gives_no_date() -> None:
    result = classify("FOI 123/25", "Section 10(3) lets us take a further 20 working days to weigh the public "
                      "interest. We will write again once we have decided.")
    assert (result.kind, result.until) == ("extended", None)


def test_an_apology_for_delay_above_an_answer_is_the_answer() -> None:
    result = classify("FOI 123/25", "We apologise for the delay in responding. The force recorded 41 thefts "
                      "of bicycles in 2024.")
    assert result.guess == "responded"


# --------------------------------------------------------------------------------------------
# Precision first (round 5): a reading decides on its own only when nothing speaks for a rival


def test_a_refusal_with_a_part_not_held_goes_to_review() -> None:
    """Not held beside an exemption, in running prose: refused or not held is the reader's call."""
    text = ("We do not record the nationality of the drivers stopped. The names of the officers involved are "
            "exempt under section 40(2) and are withheld.")
    result = classify("FOI 9/25", text)
    assert (result.kind, result.guess) == ("needs-review", "refused")
    assert any("not held" in r for r in result.reasons)


def test_parts_each_refused_or_not_held_are_still_a_plain_refusal() -> None:
    text = ("Question 1: No information is held.\nQuestion 2: This part is exempt under section 31(1)(a) and is "
            "withheld.\nQuestion 3: We neither confirm nor deny whether this information is held, relying on "
            "section 23(5).")
    assert classify("FOI 9/25", text).kind == "refused"


def test_a_refusal_that_says_information_is_given_is_never_refused() -> None:
    text = ("Our records team have provided the following information about your request. Personal details are "
            "exempt under section 40(2) and are withheld.")
    result = classify("FOI 9/25", text)
    assert result.kind != "refused"
    assert result.guess == "partial"


def test_a_refusal_that_asks_what_we_would_like_goes_to_review() -> None:
    text = ("Locating these records would exceed the appropriate limit, so the request is refused under section "
            "12. Would you like us to search one year only instead?")
    result = classify("FOI 9/25", text)
    assert result.kind == "needs-review"


def test_our_own_questions_pasted_back_do_not_count_as_theirs() -> None:
    text = ("4a Do you keep a policy on recording these incidents?\n4b Can you send me a copy of it?\n"
            "Finding this would exceed the 18 hour cost limit, and the request is therefore refused under "
            "section 12(1).")
    assert classify("FOI 9/25", text).kind == "refused"


@pytest.mark.parametrize(
    "text",
    [
        "Retrieving every file would exceed the cost limit. Please confirm whether you wish to narrow your "
        "request to the last year.",
        "Locating the records would take more than 18 hours. Do you wish to restrict your request to one station?",
    ],
)
def test_a_cost_letter_asking_us_to_narrow_waits_on_our_answer(text: str) -> None:
    assert classify("FOI 9/25", text).kind in ("clarification", "needs-review")
    assert classify("FOI 9/25", text).kind != "refused"


def test_a_narrowing_suggestion_in_a_refusal_is_not_a_question() -> None:
    text = ("Locating the records would exceed 18 hours, so we refuse your request under section 12(1). You "
            "might consider narrowing your request to one year, which we may be able to answer.")
    assert classify("FOI 9/25", text).kind == "refused"


def test_an_offer_of_more_help_under_an_answer_is_no_clarification() -> None:
    text = ("We can confirm that the force uses body worn video. Could you please let us know if you need "
            "anything further?")
    assert classify("FOI 9/25", text).guess != "clarification"


def test_an_answer_resting_on_words_alone_goes_to_review() -> None:
    """'The information you asked for is below' and nothing below that reads as an answer."""
    text = "Following your request, the information you asked for is provided below. Kind regards"
    result = classify("FOI 9/25", text)
    assert result.kind == "needs-review"


@pytest.mark.parametrize(
    "text",
    [
        "There are no records of any such payments having been made.",
        "After searching our systems we have found no information within the scope of your request.",
        "No such reports were found in any of the systems searched.",
    ],
)
def test_not_held_in_more_words(text: str) -> None:
    assert classify("FOI 9/25", text).guess == "not-held"


def test_a_mailbox_promise_about_any_request_is_no_acknowledgement() -> None:
    text = ("Thank you for your e-mail. This inbox is checked in office hours. If your e-mail is a request for "
            "information, a reply will follow within 20 working days.")
    assert classify("Re: FOI", text).kind == "auto-reply"


def test_a_refusal_under_rows_of_figures_goes_to_review() -> None:
    """Rows of figures the reader cannot lay out as a table, above a refusal: perhaps partial."""
    text = ("Please see below.\nYear Burglary Robbery Theft\n2021 41 12 300\n2022 39 15 280\nThe names of the "
            "victims are exempt under section 40(2) and we refuse to disclose them.")
    result = classify("FOI 9/25", text)
    assert result.kind == "needs-review"


def test_the_size_of_a_search_is_not_rows_of_figures() -> None:
    text = ("Answering would mean reading 4,000 files at 10 minutes each, 666 hours in all, well over the 18 hour "
            "limit. Section 12(1) applies and we refuse your request.\nSearching the 2021, 2022 and 2023 files "
            "alone would take 200 hours.")
    assert classify("FOI 9/25", text).kind == "refused"


def test_asking_us_to_confirm_receipt_is_no_clarification() -> None:
    text = "The force employs 12 dog handlers. Could you please confirm receipt of this e-mail?"
    assert classify("FOI 9/25", text).guess != "clarification"


def test_a_clarification_beside_what_they_hold_goes_to_review() -> None:
    """'We can confirm that we do hold ...' beside a question: an answer or a question, not plain."""
    text = ("We can confirm that the force does hold records of these incidents. Could you confirm which of the "
            "two systems you mean?")
    result = classify("FOI 9/25", text)
    assert (result.kind, result.guess) == ("needs-review", "clarification")


def test_a_question_mark_inside_the_sentence_is_still_a_question() -> None:
    text = "Before we go on, could you tell us which offences you mean? (see section 1(3) of the Act)"
    assert classify("FOI 9/25", text).kind == "clarification"


@pytest.mark.parametrize(
    "text",
    [
        # a fact confirmed, the rest refused
        "The force can confirm it uses number plate cameras. Further details are exempt under sections 24 and 31 "
        "and are therefore refused.",
        # not recorded in a usable form, no cost limit relied on
        "Cases like these are not recorded in a way that would let us pick them out. We are therefore unable to "
        "provide this information.",
    ],
)
def test_a_refusal_that_may_be_partial_or_not_held_goes_to_review(text: str) -> None:
    assert classify("FOI 9/25", text).kind == "needs-review"


def test_a_count_in_a_cost_refusal_is_the_size_of_the_search() -> None:
    text = ("On one day alone there were 640 incidents recorded. Reading them all would take far more than 18 "
            "hours, so section 12(1) applies and we refuse the request.")
    assert classify("FOI 9/25", text).kind == "refused"


def test_unable_to_provide_because_not_held_is_not_held() -> None:
    text = "We are unable to supply this information, as it is not held by the force."
    assert classify("FOI 9/25", text).kind == "not-held"


def test_not_held_beside_words_of_giving_is_no_automatic_partial() -> None:
    """The whole request said not held, an exemption, and only words about giving: ask."""
    text = ("We do not hold the information you asked for. The details we have provided below may help you. "
            "Names of staff are exempt under section 40(2) and are withheld.")
    result = classify("FOI 9/25", text)
    assert result.kind == "needs-review"


def test_not_held_beside_figures_and_an_exemption_stays_partial() -> None:
    text = ("Question 1: 37 officers were trained in 2024.\nQuestion 2: No information is held.\nQuestion 3: "
            "The names of the trainers are exempt under section 40(2) and are withheld.")
    result = classify("FOI 9/25", text)
    assert result.guess == "partial"


@pytest.mark.parametrize(
    "text",
    [
        "Thank you for your request of 5 February 2025, to which we need more time to respond.",
        "We need more time to respond to your request received on 5 February 2025.",
    ],
)
def test_the_date_of_the_request_is_never_the_new_date(text: str) -> None:
    result = classify("FOI 123/25", text)
    assert (result.kind, result.until) == ("extended", None)


def test_a_date_before_the_message_is_never_the_new_date() -> None:
    text = "We need more time to weigh the public interest. The original deadline was 3 March 2025."
    result = classify("FOI 123/25", text, [], [], {"Date": "Wed, 05 Mar 2025 10:00:00 +0000"})
    assert (result.kind, result.until) == ("extended", None)


def test_one_year_not_held_beside_attached_figures_is_an_answer() -> None:
    text = ("The figures for 2023 and 2024 are in the attached spreadsheet. Figures for 2022 are not held, as the "
            "recording system changed that year.")
    result = classify("FOI 9/25", text, ["figures.xlsx"], [""])
    assert result.kind == "responded"


def test_a_yes_above_a_refusal_goes_to_review() -> None:
    text = ("Yes, the force uses number plate cameras. Where the cameras stand is exempt under section 31(1)(a) "
            "and is withheld.")
    result = classify("FOI 9/25", text)
    assert result.kind == "needs-review"


def test_an_offer_after_an_answer_is_no_automatic_clarification() -> None:
    text = ("The force uses two kinds of taser. Would you like us to send the buying documents as well?")
    result = classify("FOI 9/25", text)
    assert (result.kind, result.guess) == ("needs-review", "clarification")
