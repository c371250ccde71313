"""Status letters, round 12 (issue 12): what the letter does now, read from its own structure.

* an answer that cannot come within the time the law allows, with the date it will come, is an
  extension; so is a letter that says it will write again by a stated date;
* a receipt that gives the time each kind of mail takes (e-mails, information requests, subject
  access requests) has not read which kind arrived: it is a mailbox's;
* a note that only files the request (its reference given or corrected, our further question added
  to it) is an acknowledgement;
* a reviewer's verdict written before its noun ("this was the right exemption") is an outcome.

Every message is our own paraphrase of a shape seen in real replies (tests/fixtures/mail/SOURCES.md
names the public pages); each meaning is said several ways, with negatives that share its words.
"""

from __future__ import annotations

from datetime import date

import pytest

from foi.mail.reading.dates import dates_in, deadline_in
from foi.mail.reading.outcomes import conclusion
from foi.mail.reading.receipts import periods_by_kind, record_acts
from tests.helpers import read_reply as _read

# --------------------------------------------------------------------------------------------
# A. Put off to a date: not able within the statutory time, or "I will write again by ..."


@pytest.mark.parametrize(
    ("text", "until"),
    [
        ("We will not be able to offer a full reply within 20 working days of the date we received your"
         " request. We now aim to respond by 19 April.", date(2024, 4, 19)),
        ("I regret that we cannot give you our answer within the statutory twenty working days, as the records"
         " sit with another team. We expect to reply by 3 April 2024.", date(2024, 4, 3)),
        ("Unfortunately we are unable to let you have a decision within the usual 20 working day period."
         " A response will be sent to you by Friday 12 April 2024.", date(2024, 4, 12)),
        ("It has not been possible for us to make a decision within the statutory time limit. We intend to"
         " provide you with a full response by 26 March 2024.", date(2024, 3, 26)),
        ("Please see the attached letter about your request of 20 February. I will be in touch again by"
         " 2 April.", date(2024, 4, 2)),
        ("I will write to you again by Thursday 28 March, when I hope to have the rest of the figures.",
         date(2024, 3, 28)),
        ("We shall be in touch further on or before 9 April 2024 with the outcome.", date(2024, 4, 9)),
    ],
)
def test_an_answer_that_cannot_come_in_time_and_is_dated_is_an_extension(text: str, until: date) -> None:
    result = _read("Dear Mr Hale,\n\n" + text + "\n\nKind regards,\n\nSunita Rao\nDisclosure Officer")
    assert result.kind == "extended"
    assert result.until == until


@pytest.mark.parametrize(
    "text",
    [
        # a receipt's promise with no date stated
        "Thank you for your request, which we received on 11 March 2024. We will contact you again with a"
        " response within 20 working days.",
        # what they may do, not what they do
        "If we cannot offer a full reply within 20 working days we will write to you again by the due date.",
        # the letter's own date is not a promise
        "Our Ref: FOI-2024-118  Date: 12 March 2024\n\nThank you for your request. We will write to you again"
        " if we need anything further.",
        # a late answer, given: the review deadline in its rights paragraph is no new date
        "I am sorry we were not able to reply within 20 working days. In 2023 the force recorded 41 incidents"
        " and in 2022 it recorded 37.\n\nIf you are unhappy with this response you may ask for an internal"
        " review by 9 May 2024.",
        # writing again only on a condition
        "We will write to you again by 5 April if we find more records.",
        # a receipt's due date, said as writing again
        "Thank you for your request, which we received on 11 March 2024. We will be in touch again by 9 April"
        " 2024 with our response.",
    ],
)
def test_no_dated_promise_no_extension(text: str) -> None:
    result = _read("Dear Mr Hale,\n\n" + text + "\n\nKind regards,\n\nSunita Rao")
    assert result.kind != "extended"
    assert result.until is None


# --------------------------------------------------------------------------------------------
# B. A mailbox that gives the time for each kind of mail


@pytest.mark.parametrize(
    "text",
    [
        "Thank you for your email. We aim to reply to emails within 10 working days where a reply is needed,"
        " and within 20 working days where a request is dealt with under the Freedom of Information Act.",
        "We confirm your message has arrived.\n\nHow long we take:\n\n20 working days - information requests\n\n"
        "one month - subject access requests",
        "Thank you for contacting us. General enquiries are answered within 15 working days; requests under"
        " the Freedom of Information Act within 20 working days.",
        "Your email has been received. Freedom of Information requests: 20 working days. Data subject requests:"
        " 30 days.",
        "We acknowledge receipt of your message. Personal data requests are answered within one month and"
        " Freedom of Information requests within 20 working days.",
        "Thank you for writing to us. Our target for replying to letters and emails is 15 working days, or 20"
        " working days for requests under the Freedom of Information Act or the EIR.",
    ],
)
def test_a_receipt_that_gives_each_kind_of_mail_its_time_is_a_mailboxs(text: str) -> None:
    result = _read(text + "\n\nCustomer Contact Team")
    assert result.guess == "auto-reply"
    assert result.until is None and result.received is None


@pytest.mark.parametrize(
    "lines",
    [
        ["We will reply within 20 working days."],
        ["We will reply within 20 working days, as the Act requires, and within 20 working days for EIR."],
        ["Internal reviews take 20 working days; complaints to the ICO should be made within six weeks."],
    ],
)
def test_one_time_or_only_information_requests_is_not_periods_by_kind(lines: list[str]) -> None:
    assert not periods_by_kind(lines)


def test_a_named_officers_acknowledgement_with_one_date_stays_a_persons() -> None:
    text = ("Dear Mr Hale,\n\nThank you for your request for information, which we received on 11 March 2024 and"
            " have logged under reference FOI-2024-0417. We will respond by 9 April 2024.\n\nKind regards,\n\n"
            "Sunita Rao\nDisclosure Officer")
    result = _read(text)
    assert result.kind == "acknowledged"


# --------------------------------------------------------------------------------------------
# C. A note that only files the request


@pytest.mark.parametrize(
    "text",
    [
        "I will add this to your request.\n\nThank you\n\nFOI Team",
        "Dear Ms Lowe\n\nI need to correct the reference you were given earlier. The reference for your"
        " information request is 31-24.\n\nRegards\n\nJo Black\nParalegal",
        "Dear Ms Lowe,\n\nPlease note the correct case number for your enquiry is FOI/2024/0912, not the one in"
        " our earlier e-mail.\n\nRecords Team",
        "Hello,\n\nYour extra question has been included with the original request.\n\nThanks\n\nInformation Unit",
        "Dear Ms Lowe,\n\nWe have now merged your second e-mail into your existing request.\n\nKind regards,\n\n"
        "Disclosure Team",
        "Dear Ms Lowe,\n\nThe case number for your request has been changed to 2024-0881.\n\nRegards\n\n"
        "Information Rights",
        # thanks, under the number it was filed as (the rest of the template cut off)
        "Thank you for your Freedom of Information request - Reference FOI-2024-55120.\n\nOrdinarily we will",
        "Thanks for your enquiry, which has been logged under reference 40417.",
        # the person now handling it
        "Dear Ms Lowe,\n\nJust so you know, I am now acting as the disclosure officer for your information request"
        " 2024-118.\n\nRegards\n\nTom Reed",
    ],
)
def test_a_note_that_only_files_the_request_is_an_acknowledgement(text: str) -> None:
    result = _read(text)
    assert result.kind == "acknowledged"
    assert result.until is None and result.received is None


@pytest.mark.parametrize(
    "sentence",
    [
        "Please quote the reference above in any correspondence.",
        "The reference number for this request is shown above.",
        "If you would like to add questions, we will treat them as a new request.",
        "We have added the figures to the table below.",
        "Whether we can add this to your request depends on its wording.",
        "We are dealing with a high volume of requests at present.",
    ],
)
def test_what_does_not_file_the_request(sentence: str) -> None:
    assert record_acts([sentence]) == []


def test_a_filing_note_with_an_answer_is_the_answer() -> None:
    text = ("Dear Ms Lowe,\n\nI will add this to your request. In 2023 the force recorded 41 such incidents and"
            " the full table is below.\n\n| Year | Incidents |\n| 2023 | 41 |\n| 2022 | 37 |\n\nRegards\n\nFOI Team")
    assert _read(text).kind != "acknowledged"


# --------------------------------------------------------------------------------------------
# D. The reviewer's verdict before its noun


@pytest.mark.parametrize(
    "sentence",
    [
        "I believe this was the correct exemption to apply.",
        "Having looked again at the file, I find that section 12 was the right exemption in this case.",
        "I am satisfied that the original response was the appropriate decision.",
        "We consider that refusing under section 40 was the proper course of action.",
        "My conclusion is that section 31 is the correct exemption for these records.",
        "I have concluded that withholding the report was indeed the right decision.",
    ],
)
def test_a_verdict_before_its_noun_upholds(sentence: str) -> None:
    assert conclusion([sentence])[0] == "upheld"


@pytest.mark.parametrize(
    "sentence",
    [
        "I am satisfied that the council was entitled to rely on section 12.",
        "Having looked again, I find the force was fully entitled to withhold the names under section 40(2).",
        "I agree with the original decision to withhold the report.",
        "I concur with the decision to apply section 40(2).",
        "We agree entirely with the council's assessment that the cost limit would be exceeded.",
        "My conclusion is that the trust was entitled to refuse the request under section 14.",
    ],
)
def test_a_reviewer_agreeing_or_finding_them_entitled_upholds(sentence: str) -> None:
    assert conclusion([sentence])[0] == "upheld"


@pytest.mark.parametrize(
    "sentence",
    [
        "I find that section 12 was not the correct exemption in this case.",
        "I believe that refusing the request under section 14 was not the right decision.",
        "I have concluded that the department was not entitled to rely on section 35.",
        "I have decided that the exemption was applied incorrectly in this case.",
        "Having reviewed the file, I find that section 43 was relied on wrongly.",
    ],
)
def test_a_verdict_denied_before_its_noun_overturns(sentence: str) -> None:
    assert conclusion([sentence])[0] == "overturned"


def test_a_reviewer_who_reassessed_the_case_and_found_the_exemption_right() -> None:
    text = ("Dear Mr Osei\n\nThank you for your internal review request dated 5 March 2024.\n\n"
            "I have reassessed your case and after careful thought I believe this was the correct exemption to"
            " apply, as finding the figures would take far longer than the cost limit allows.\n\n"
            "Yours sincerely\n\nRuth Adeyemi\nReviewing Officer")
    result = _read(text, "Freedom of Information Act 2000 - Outcome of Internal Review")
    assert result.kind == "review-upheld"
    assert result.review_outcome == "upheld"


def test_a_first_reply_that_calls_its_exemption_right_is_not_a_review() -> None:
    text = ("Dear Mr Osei,\n\nThe information is withheld under section 31. We believe this is the correct"
            " exemption because release would prejudice the prevention of crime.\n\nYours sincerely,\n\nRuth Adeyemi")
    result = _read(text, "Freedom of Information request - patrol routes")
    assert result.review_outcome is None
    assert result.guess == "refused"


# --------------------------------------------------------------------------------------------
# E. Dates in their written shapes


@pytest.mark.parametrize(
    "sentence",
    [
        "We will reply by close of business on 5 April 2024.",
        "We will reply by close of play on Friday 5th April.",
        "We aim to respond by Friday, the 5th of April 2024.",
        "You will hear from us by April 5th, 2024.",
        "We will respond no later than 05/04/2024.",
        "We will respond on or before Fri 5 Apr 2024.",
        "The new deadline is the 5th of April.",
    ],
)
def test_a_promised_date_in_its_written_shapes(sentence: str) -> None:
    assert deadline_in([sentence], date(2024, 3, 12)) == date(2024, 4, 5)


def test_a_day_before_its_month_is_never_read_again_after_it() -> None:
    # "5 April 24": the month's number is the year, never "April 24"
    assert deadline_in(["We will respond by 5 April 24."], date(2024, 3, 12)) != date(2024, 4, 24)
    assert dates_in("by April 24", date(2024, 3, 12), forward=True) == [(3, date(2024, 4, 24))]


def test_disagreeing_is_not_agreeing() -> None:
    assert conclusion(["I do not agree with the original decision."])[0] != "upheld"
