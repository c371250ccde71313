"""Letters, round 15: shapes of receipt letters that round 14's blind sets showed foi misreading.

* a mailbox notice that calls itself an auto-response ("please accept this auto-response as ...")
  is an automatic reply, and a general warning that chasing late requests "can cause further
  delay" extends nothing;
* an acknowledgement that promises to say "if we do not hold" the information has found nothing
  yet: the "if" governs the not-held words themselves;
* "I apologise for the delay in acknowledging your e-mail" is a late receipt, not a late reply, and
  a complaint that will "investigate why the response was delayed" speaks of a past delay: neither
  is an extension.

Every message is our own paraphrase of a shape seen in real replies (tests/fixtures/mail/SOURCES.md
names the public pages); each meaning is said several ways, with negatives that share its words.
"""

from __future__ import annotations

import pytest

from foi.mail.reading.sentences import is_conditional
from tests.helpers import read_reply as _read

# --------------------------------------------------------------------------------------------
# A. A mailbox's auto-response with a general backlog warning

_AUTO_RESPONSE_BACKLOG = [
    ("Thank you for writing to the Information Rights Unit. If this is a new request, please treat this"
     " auto-response as our formal acknowledgement. If we need you to clarify anything we will be in touch."
     " We are currently receiving a very large number of requests, which is affecting our ability to answer"
     " within 20 working days. Chasing late requests can cause further delay, so please bear with us."),
    ("Your message has reached the FOI mailbox. Please take this auto-reply as confirmation that it arrived."
     " Due to high demand and reduced staffing, replies may take longer than usual. Enquiries about"
     " overdue cases could lead to further delays for everyone."),
]


@pytest.mark.parametrize("text", _AUTO_RESPONSE_BACKLOG)
def test_auto_response_with_backlog_warning_is_auto_reply(text: str) -> None:
    c = _read(text)
    assert c.kind == "auto-reply"
    assert c.until is None


# The negative: a person's letter about this request, whose delay is real and caused, still extends.
_REAL_FURTHER_DELAY = [
    ("Dear Ms Patel, I am sorry that we have not replied to your request within 20 working days. Staff"
     " shortages in the records team have caused further delays and we now hope to reply by 14 March 2025."),
]


@pytest.mark.parametrize("text", _REAL_FURTHER_DELAY)
def test_caused_further_delay_on_this_request_still_extends(text: str) -> None:
    c = _read(text)
    assert c.guess == "extended"


# --------------------------------------------------------------------------------------------
# B. "We will tell you if we do not hold it": a promise, not a finding

_IF_NOT_HELD_PROMISE = [
    ("Dear Sir or Madam, thank you for your e-mail which we received on 3 March 2025. The council"
     " acknowledges your request under the Freedom of Information Act 2000. We will reply no later than"
     " 31 March 2025. We will let you know as soon as we can if we do not hold the information."),
    ("Thank you for your request, received on 10 June 2024. We will respond by 8 July 2024 at the latest."
     " Should it turn out that the county does not hold what you asked for, we will tell you; and we will"
     " also tell you quickly if the council does not hold any of it."),
]


@pytest.mark.parametrize("text", _IF_NOT_HELD_PROMISE)
def test_promise_to_say_if_not_held_is_acknowledged(text: str) -> None:
    c = _read(text)
    assert c.kind == "acknowledged"
    assert c.guess != "not-held"


@pytest.mark.parametrize("sentence, conditional", [
    ("We will advise you as soon as possible if we do not hold it.", True),
    ("We will let you know if the force does not hold any of it.", True),
    ("I can confirm that we do not hold the information you asked for.", False),
    ("We have searched our records and the council does not hold it.", False),
])
def test_if_governing_not_held_words_is_conditional(sentence: str, conditional: bool) -> None:
    assert is_conditional(sentence) is conditional


def test_plain_not_held_finding_still_not_held() -> None:
    c = _read("Dear Mr Jones, thank you for your request. Having searched our records, I can confirm that the"
              " council does not hold the information you have asked for.")
    assert c.guess == "not-held"


# --------------------------------------------------------------------------------------------
# C. A late acknowledgement, a complaint about a past delay: no extension

_LATE_RECEIPT = [
    ("Our reference: 554120. Dear Mr Okafor, I apologise for the delay in acknowledging your e-mail of"
     " 2 May 2024. It is being handled as a complaint about case 551002 and the Information Manager will"
     " look into the reason why the response was delayed. You will receive a reply by 30 May 2024."),
    ("Dear Ms Grant, apologies for the delay in acknowledging your message. Your complaint has been passed"
     " to the team leader, who will find out how the reply was delayed. You will hear from us by"
     " 12 September 2023."),
]


@pytest.mark.parametrize("text", _LATE_RECEIPT)
def test_delay_in_acknowledging_is_no_extension(text: str) -> None:
    c = _read(text)
    assert c.kind != "extended"
    assert c.until is None


def test_late_acknowledgement_with_its_date_of_receipt_is_guessed_acknowledged() -> None:
    c = _read("Our reference: 554120. Dear Mr Okafor, I apologise for the delay in acknowledging your e-mail"
              " received 2 May 2024. It is being handled as a complaint about case 551002. You will receive a"
              " reply by 30 May 2024.")
    assert c.kind in ("acknowledged", "needs-review")
    assert c.guess == "acknowledged"


_LATE_REPLY = [
    ("Dear Mr Okafor, I apologise for the delay in responding to your request. We need a little more time"
     " and will reply by 30 May 2024."),
    "I am sorry to say that your response has been delayed; we now expect to reply by 30 May 2024.",
]


@pytest.mark.parametrize("text", _LATE_REPLY)
def test_delay_in_responding_still_extends(text: str) -> None:
    c = _read(text)
    assert c.guess == "extended"


# --------------------------------------------------------------------------------------------
# D. Receipt dates: a year wrapped onto its own line; "receipt of your request <date>"

_YEAR_WRAPPED = [
    ("Dear Ms Hale\n\nThank you for your request for information that was received on 3 January\n2020.\n\n"
     "We are dealing with your request and aim to reply within 20 working days.", "2020-01-03"),
    ("Dear Mr Lowe,\nThank you for your request for information, which was received on 1 April\n2011. You"
     " asked for the number of pupils removed from the roll.\nWe will reply within 20 working days.",
     "2011-04-01"),
    ("Dear Sir,\nYour e-mail asking for the bus lane figures reached us on March 4,\n2022. We will"
     " answer within twenty working days.", "2022-03-04"),
]


@pytest.mark.parametrize("text, received", _YEAR_WRAPPED)
def test_year_wrapped_onto_next_line_is_read_with_its_date(text: str, received: str) -> None:
    c = _read(text)
    assert str(c.received) == received


def test_numbered_year_list_is_still_a_list() -> None:
    # A short heading ending in a month is a heading: the years under it are not joined to it.
    from foi.mail.reading.sentences import split_sentences

    got = split_sentences("Stop and search in May\n2019. 14 cases\n2020. 17 cases")
    assert got[0] == "Stop and search in May"
    assert not any("May 2019" in s for s in got)


@pytest.mark.parametrize("text, received", [
    ("Dear Mr Shah, I am writing to acknowledge receipt of your request 06/05/16, in which you ask for the"
     " number of requests made last year. We will reply by 06/06/16.", "2016-05-06"),
    ("Dear Mr Shah, we confirm receipt of your e-mail 14 March 2023 about parking fines and will reply"
     " within 20 working days.", "2023-03-14"),
    # the request's own date, not the day it arrived
    ("Dear Mr Shah, I acknowledge receipt of your request dated 2 May 2016. We will reply within 20 working"
     " days.", "None"),
    ("Dear Mr Shah, we acknowledge receipt of your request of 2 May 2016 and will reply within 20 working"
     " days.", "None"),
])
def test_receipt_of_your_request_then_a_date_is_the_receipt_date(text: str, received: str) -> None:
    c = _read(text)
    assert c.kind == "acknowledged"
    assert str(c.received) == received


# --------------------------------------------------------------------------------------------
# E. Receipts in other words: the thanks with the Act's name, the request number, the 20 days

_RECEIPT_OTHER_WORDS = [
    ("Dear Ms Adams\nThank you for your Freedom of Information Act request, received on 12 April 2023. Your"
     " request has been logged, and your unique reference number is FOI 88120. Our team will pass your"
     " request to the service concerned, and an officer there will answer you directly."),
    ("You sent us a request for information on 04/03/2024.\nYour request number is REQ0098812\nWe have looked"
     " at your request and you should receive a reply on or before 02/04/2024. This will be 20 working days"
     " since your original request."),
    ("Thank you for your FOI request. Your case reference is 2024-5531. You should hear from us by"
     " 11 June 2024, which is twenty working days from receipt."),
]


@pytest.mark.parametrize("text", _RECEIPT_OTHER_WORDS)
def test_receipt_in_other_words_is_acknowledged(text: str) -> None:
    c = _read(text)
    assert c.kind == "acknowledged"


_ANSWER_WITH_RECEIPT_WORDS = [
    ("Thank you for your Freedom of Information Act request, received on 12 April 2023. Your reference"
     " number is FOI 88120. In 2022 the council issued 4,812 penalty charge notices in bus lanes, and"
     " in 2023 it issued 5,090."),
    ("Thank you for your Freedom of Information request, received on 2 May 2024. I can confirm that the"
     " council does not hold the information you have asked for."),
]


@pytest.mark.parametrize("text", _ANSWER_WITH_RECEIPT_WORDS)
def test_an_answer_that_thanks_for_the_request_is_no_acknowledgement(text: str) -> None:
    c = _read(text)
    assert c.guess != "acknowledged"


# --------------------------------------------------------------------------------------------
# F. "At the time the request was received": when the figures were taken, not a receipt;
#    "below are your questions and our response": the answer is here

_ANSWER_WITH_SNAPSHOT_CAVEAT = [
    ("I write about your request for information dated 2 March 2024 and received by this office on that"
     " date. Below are the questions raised in your request, and our response.\n\n"
     "Please note that any figures supplied in answer to a request are a snapshot of the data held at the"
     " time the request was received, and may change."),
    ("Set out below is each part of your request together with our answer.\n\nThe figures given are those"
     " held at the moment the request was received by the information office."),
]


@pytest.mark.parametrize("text", _ANSWER_WITH_SNAPSHOT_CAVEAT)
def test_answer_with_snapshot_caveat_is_no_acknowledgement(text: str) -> None:
    c = _read(text)
    assert c.kind != "acknowledged"
    assert c.guess != "acknowledged"


def test_request_received_and_logged_is_still_acknowledged() -> None:
    c = _read("Dear Mr Hill, your request was received on 4 March 2024 and has been logged as FOI 2024/311."
              " We will reply within 20 working days.")
    assert c.kind == "acknowledged"


# --------------------------------------------------------------------------------------------
# G. A review that finds against the first reply, then asks us to clarify before releasing

_REVIEW_THEN_ASKS = [
    ("Internal review IR-2024-77. I have now completed the review. After careful consideration I believe"
     " the original response was incorrect, and I apologise. It has also become clear that it is uncertain"
     " what you are looking for. So that we can give you the right information, please can you clarify if"
     " you want the text of the messages, or only the names of the groups and their members?"),
    ("Outcome of your internal review. I have decided that the first reply was wrong. Before we can go"
     " further, could you please specify which of the two sets of minutes you would like us to search?"),
]


@pytest.mark.parametrize("text", _REVIEW_THEN_ASKS)
def test_review_that_asks_us_before_releasing_is_no_automatic_outcome(text: str) -> None:
    c = _read(text, subject="RE: Internal review of FOI 2024/118")
    assert c.kind == "needs-review"
    assert c.guess == "clarification"


def test_overturned_review_that_releases_stays_overturned() -> None:
    c = _read("I have completed the internal review. I find the original response was incorrect and I have"
              " decided to release the information. Please find attached the minutes you asked for. Could you"
              " confirm if you would also like the agendas?", subject="RE: Internal review of FOI 2024/118")
    assert c.guess == "review-overturned"


@pytest.mark.parametrize("sentence, conditional", [
    ("Please can you clarify if you want the messages or only their titles?", False),
    ("If you can clarify your request, we will look at it again.", True),
])
def test_clarify_if_is_a_question_not_a_condition(sentence: str, conditional: bool) -> None:
    assert is_conditional(sentence) is conditional


# --------------------------------------------------------------------------------------------
# H. The requester's prose printed back under a lead: the sections it names are not theirs

_REQUESTER_PROSE_PRINTED_BACK = (
    "Our Ref: FOI2024/0412\n\n"
    "I write in connection with your request for information received on 4 March 2024. I note you seek"
    " access to the following information:\n\n"
    "I write to you with a request for information under section 1 of the Freedom of Information Act.\n\n"
    "With that in mind, I would like to request the titles of the force's emergency plans.\n\n"
    "Please leave out of my request any plans for single sites. I think including them would go past the"
    " limit in section 12(1) of the Act.\n\n"
    "Suffolk Constabulary can confirm that it holds information in relation to your request, however it is"
    " exempt under section 31(1)(a) (law enforcement) and will not be supplied."
)


def test_sections_named_in_the_requesters_prose_are_not_cited() -> None:
    c = _read(_REQUESTER_PROSE_PRINTED_BACK)
    assert c.sections == ["31(1)(a)"]


def test_authority_writing_about_the_cost_limit_still_cites_it() -> None:
    c = _read("Our Ref: FOI2024/0412\n\nI write in connection with your request for information received on"
              " 4 March 2024. I am writing to tell you that answering it would go past the cost limit, so"
              " section 12(1) applies and we will not be supplying the information.")
    assert "12(1)" in c.sections
