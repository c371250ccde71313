"""Round 7 of reading real replies (issue 12): what type of message a reply is.

A receipt from a person handling the request, a mailbox's automatic receipt, an answer, or too
little to tell. Each message is written in our own words and reproduces a pattern seen in real
replies (tests/fixtures/mail/SOURCES.md names the public pages).
"""

from __future__ import annotations

import pytest

from foi.mail.classify import classify
from foi.mail.reading.receipts import greeted_by_name, signed_by_person

# --------------------------------------------------------------------------------------------
# Receipts: a person's or a mailbox's


@pytest.mark.parametrize(
    "text",
    [
        # the contact centre's receipt: automatic, 101/999, a menu of other services
        "Thank you for getting in touch with Westshire Police. This is an automated message confirming that your "
        "email arrived.\n\nIt has gone to our Contact Team and you will get a first reply within 72 hours.\n\n"
        "If the matter is urgent ring 101, or 999 in an emergency.\n\nDid you know you can report a crime online?",
        # the unit's receipt: no greeting, no one signing, no reference, no date
        "Your request has been received by the Information Rights and Disclosure Unit of Westshire Constabulary "
        "and will be dealt with in due course. Should you have questions, please phone us on weekdays.",
        # a team mailbox that speaks to whatever mail arrives, even of the Act
        "Thanks for your e-mail; you have reached the Freedom of Information Unit. Valid requests will be "
        "considered under the Act and we aim to reply within 20 working days. If your e-mail relates to a road "
        "collision please write to the collisions team instead.",
    ],
)
def test_a_mailbox_receipt_is_an_auto_reply(text: str) -> None:
    result = classify("RE: Freedom of Information request - Custody extensions", text)
    assert result.kind == "auto-reply", result.reasons
    assert result.received is None
    assert any(r.startswith("for a mailbox:") for r in result.reasons)


@pytest.mark.parametrize(
    "text",
    [
        # mailbox wording, but a person greets us by name and signs it
        "Dear Ms Okafor,\n\nThank you for contacting the Disclosure Unit. We have received your email and are now "
        "dealing with your request.\n\nKind regards\n\nTomasz Nowak\nDisclosure Officer",
        # a reference and the date it was received, with no greeting
        "Your request for information was received on 4 March 2025 and has been logged as FOI 0772/25. We will "
        "reply within 20 working days.",
        # a generic greeting, the request said back to us, and the Act
        "Good morning,\n\nWe have received your recent request for information, in which you ask about stop and "
        "search. It is now being dealt with under the Freedom of Information Act 2000.",
    ],
)
def test_a_persons_acknowledgement_is_acknowledged(text: str) -> None:
    result = classify("RE: Stop and search", text)
    assert result.kind == "acknowledged", result.reasons


def test_an_automatic_receipt_that_handles_the_case_is_an_acknowledgement() -> None:
    # A case system's automatic message with a reference and a reply date: the case is in hand.
    text = ("This is an automated message. Your request has been logged under reference FOI-2025-0413 and we will "
            "reply by 14 April 2025.")
    result = classify("Stop and search", text)
    assert result.kind == "acknowledged", result.reasons


def test_an_automatic_receipt_never_moves_the_due_date() -> None:
    text = ("Thank you for contacting us. This is an automated acknowledgement that your email arrived. Do not reply "
            "to this message.")
    result = classify("RE: FOI", text, headers={"Date": "Tue, 3 Jun 2025 09:00:00 +0100"})
    assert (result.kind, result.received) == ("auto-reply", None)


@pytest.mark.parametrize(
    ("lines", "greeted"),
    [
        (["Dear Mr Blowe"], True),
        (["Dear P Myles"], True),
        (["Dear Sir or Madam,"], False),
        (["Dear Requester,"], False),
        (["Dear Westshire Police,"], False),
        (["Good morning,"], False),
    ],
)
def test_greeted_by_name(lines: list[str], greeted: bool) -> None:
    assert greeted_by_name(lines) is greeted


@pytest.mark.parametrize(
    ("lines", "signed"),
    [
        (["Kind regards", "Priya Nandakumar"], True),
        (["Yours sincerely,", "", "Tracey Evans, Compliance Officer"], True),
        (["Kind regards, Priya Nandakumar"], True),
        (["Regards", "Information Management Unit"], False),
        (["Yours sincerely", "Westshire Police"], False),
    ],
)
def test_signed_by_person(lines: list[str], signed: bool) -> None:
    assert signed_by_person(lines) is signed


# --------------------------------------------------------------------------------------------
# Answers: a data file under words that say nothing of giving


def test_a_data_file_under_a_note_that_gives_nothing_goes_to_review() -> None:
    result = classify("RE: FOI 123/25", "Thank you. I have forwarded this to the team who will respond.",
                      ["stops.xlsx"], [""])
    assert (result.kind, result.guess) == ("needs-review", "responded")
    assert any("only the attachment speaks" in r for r in result.reasons)


@pytest.mark.parametrize(
    "text",
    ["Here is the information you requested.", "Please find the figures attached.",
     "Please see the information below, which I hope helps."],
)
def test_a_data_file_under_words_that_give_it_is_an_answer(text: str) -> None:
    result = classify("RE: FOI 123/25", text, ["stops.xlsx"], [""])
    assert result.kind == "responded", result.reasons


# --------------------------------------------------------------------------------------------
# Who sent it


@pytest.mark.parametrize(
    ("sender", "kind"),
    [
        ("FOI Unit <no-reply@westshire.police.uk>", "auto-reply"),
        ("Rowan Achebe <rowan.achebe@westshire.police.uk>", "acknowledged"),
        ("Freedom of Information <foi@westshire.police.uk>", "needs-review"),
    ],
)
def test_who_sent_a_bare_receipt_counts(sender: str, kind: str) -> None:
    # "Received, and you will hear from us within 20 working days": the words alone do not say
    # whether a person or a mailbox wrote it; the sender may.
    text = "We have received your request and you will be sent a reply within 20 working days."
    result = classify("RE: Stop and search", text, headers={"From": sender})
    assert result.kind == kind, result.reasons


def test_the_sender_of_a_receipt_is_read_as_a_no_reply_address_or_a_persons_name() -> None:
    from foi.mail.reading.receipts import sender_kind

    assert sender_kind("Do Not Reply <donotreply@westshire.police.uk>") == "machine"
    assert sender_kind('"Rowan Achebe" <r.achebe@westshire.police.uk>') == "person"
    assert sender_kind("rowan.achebe@westshire.police.uk") == "person"
    assert sender_kind("Disclosure Team <disclosure@westshire.police.uk>") is None


# --------------------------------------------------------------------------------------------
# The guess shown with a review


def test_a_plain_answer_that_says_one_detail_is_not_held_is_guessed_an_answer() -> None:
    # "We do not hold it at that level of detail, but here is what we have": asked about, and the
    # reviewer is shown the answer, not "not held".
    text = ("Dear Mr Hale,\n\nWe do not hold the information at the level of detail you asked for. However, "
            "please find below the information we do hold, which we hope is useful.\n\nKind regards\n\nAmira Said")
    result = classify("RE: FOI 2231/25", text)
    assert result.guess == "responded", result.reasons


@pytest.mark.parametrize(
    "text",
    [
        # service levels, to whoever writes
        "Thank you for your email. We are receiving a very large number of requests at present and replies may "
        "take longer than usual. If your email concerns a road collision, please write to the collisions unit.",
        # the online form
        "Thank you for your email about freedom of information. If what you want is not already on our website, "
        "please make a formal request through the online form; we will acknowledge it once the form is sent.",
    ],
)
def test_a_mailbox_notice_with_no_status_is_an_auto_reply(text: str) -> None:
    result = classify("RE: Freedom of Information request - Custody", text)
    assert result.kind == "auto-reply", result.reasons


def test_a_notice_that_might_be_a_persons_is_guessed_an_auto_reply_for_review() -> None:
    text = ("Requests for information now go through the online form on our website. Please send yours there so "
            "that it can be dealt with.")
    result = classify("RE: Freedom of Information request - Custody", text)
    assert (result.kind, result.guess) == ("needs-review", "auto-reply")


# --------------------------------------------------------------------------------------------
# When it came


def test_a_bare_receipt_minutes_after_our_request_is_a_machines() -> None:
    from datetime import UTC, datetime

    text = "We have received your request and you will be sent a reply within 20 working days."
    sent = datetime(2025, 6, 3, 9, 0, tzinfo=UTC)
    quick = classify("RE: Stop and search", text, headers={"Date": "Tue, 03 Jun 2025 10:03:00 +0100"},
                     request_sent=sent)
    assert quick.kind == "auto-reply", quick.reasons
    assert any("3 minutes after our request" in r for r in quick.reasons)
    # the next day: the words alone cannot tell
    later = classify("RE: Stop and search", text, headers={"Date": "Wed, 04 Jun 2025 10:03:00 +0100"},
                     request_sent=sent)
    assert (later.kind, later.guess) == ("needs-review", "acknowledged")


def test_a_persons_quick_acknowledgement_is_still_a_persons() -> None:
    from datetime import UTC, datetime

    text = ("Dear Mr Hale,\n\nYour request was received today and has been logged as FOI 0931/25.\n\n"
            "Kind regards\n\nAmira Said")
    result = classify("RE: Stop and search", text, headers={"Date": "Tue, 03 Jun 2025 09:04:00 +0000"},
                      request_sent=datetime(2025, 6, 3, 9, 0, tzinfo=UTC))
    assert result.kind == "acknowledged", result.reasons


def test_an_acknowledgement_that_mentions_leave_is_a_persons() -> None:
    text = ("Dear Mr Hale,\n\nYour request was received on 2 June 2025 and has been logged as FOI 0931/25. I am on "
            "annual leave next week, and a colleague will reply by 30 June 2025.\n\nKind regards\n\nAmira Said")
    result = classify("RE: Stop and search", text)
    assert result.kind == "acknowledged", result.reasons


def test_an_out_of_office_reply_is_an_auto_reply() -> None:
    text = ("Thank you for your email. I am out of the office until Monday 9 June with no access to email. "
            "For urgent matters please contact the team mailbox.\n\nAmira Said")
    result = classify("Automatic reply: Stop and search", text)
    assert result.kind == "auto-reply"
    result = classify("RE: Stop and search", text)
    assert result.kind == "auto-reply", result.reasons


# --------------------------------------------------------------------------------------------
# References


def test_a_list_of_references_under_its_heading_gives_the_first() -> None:
    from foi.mail.reading.references import find_force_reference

    text = ("Your questions have been split and logged under the references shown below:\n"
            "7731 Questions 1 and 3 Vehicles\n7732 Question 2 Custody\n")
    assert find_force_reference(text, "RE: Police") == "7731"


@pytest.mark.parametrize(
    "text",
    [
        # a date for this request's reply is the case in hand, greeting or not
        "Your request has been allocated to an officer and you will receive a response on or before 12/06/2025.",
        # passed on by a named person
        "Hello,\n\nThanks for your email. I have passed your request to our FOI team, who will be in touch.\n\n"
        "Best wishes\nJordan Price\nCustomer Services",
    ],
)
def test_more_acknowledgements_by_structure(text: str) -> None:
    result = classify("RE: FOI", text)
    assert result.kind == "acknowledged", result.reasons


# --------------------------------------------------------------------------------------------
# The shape of the message: one short line


@pytest.mark.parametrize("text", ["There were 4.", "Dear Mr Hale,\n\nThe total is 112.\n\nRegards\n\nJo Bloggs"])
def test_a_one_line_answer_goes_to_review_with_its_guess(text: str) -> None:
    result = classify("RE: FOI 123/25", text)
    assert (result.kind, result.guess) == ("needs-review", "responded"), result.reasons
    assert any("a one-line reply" in r for r in result.reasons)


def test_answers_on_several_lines_are_decided() -> None:
    result = classify("RE: FOI 123/25", "1. 12\n2. 7\n3. Not held")
    assert result.kind == "responded", result.reasons
