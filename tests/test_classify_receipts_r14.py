"""Receipts, round 14 (issue 12): case systems, ticket systems and the numbers they give.

Acknowledgements and automatic receipts written by case-management and help-desk systems: a
ticket number or case ID, the fields "Date of receipt:" and "Response due:", and a notice about
how the office is working. Every message is our own wording of a pattern seen in real replies
(tests/fixtures/mail/SOURCES.md names the public pages); each comes with a negative that shares
the words but not the meaning.
"""

from __future__ import annotations

from datetime import date

import pytest

from foi.mail.reading.references import find_force_reference
from tests.helpers import read_reply

_PERSON_ACK = ("Dear Ms Bloggs,\n\n{line}\n\nThank you for your request for information. We will reply within 20 "
               "working days.\n\nKind regards\nPat Jones\nFOI Officer")


# ---- the number a case or ticket system gives --------------------------------------------------


@pytest.mark.parametrize(
    ("line", "ref"),
    [
        # a stray space after every hyphen of the code, not only the last
        ("Your reference is FOI- 2025- 0731. Please quote it when you write.", "FOI- 2025- 0731"),
        ("Reference: RFI- 24- 118", "RFI- 24- 118"),
        # a case system's ID, labelled or said in passing
        ("Case ID: 0457-2025", "0457-2025"),
        ("We have logged it with case ID 88-1302 and passed it to the team.", "88-1302"),
        # a help desk's ticket
        ("Ticket #55107", "55107"),
        ("Ticket number: 55107", "55107"),
        # a number told to us in a sentence: the one they gave our request
        ("Your case number is 31877.", "31877"),
        ("Your reference number is 2025/0412.", "2025/0412"),
    ],
)
def test_case_and_ticket_numbers_are_their_reference(line: str, ref: str) -> None:
    result = read_reply(_PERSON_ACK.format(line=line))
    assert result.force_reference == ref
    assert result.kind == "acknowledged"


@pytest.mark.parametrize(
    "line",
    [
        # our own reference, in a letterhead or quoted back
        "Your ref: 2025/0412",
        "Your reference is FOI-CAUTIONS-0007.",
        # an ID that is no case's
        "Please bring photo ID 1234 to the front desk.",
    ],
)
def test_numbers_that_are_not_their_reference(line: str) -> None:
    assert find_force_reference(_PERSON_ACK.format(line=line)) is None


@pytest.mark.parametrize(
    "line",
    ["Your case number is 31877.", "Ticket number: 55107", "Your ticket ID is 55107.", "Our reference is 6021."],
)
def test_a_reference_told_is_not_a_figure_given_as_an_answer(line: str) -> None:
    result = read_reply(_PERSON_ACK.format(line=line))
    assert result.kind == "acknowledged"
    assert "information given" not in result.reasons


def test_a_figure_after_is_still_an_answer() -> None:
    # (the guard is the reference's name just before "is", not any number after "is")
    text = ("Dear Ms Bloggs,\n\nThank you for your request about dog bites.\n\nThe number of reports in 2024 was "
            "48.\n\nKind regards\nPat Jones\nFOI Officer")
    assert read_reply(text).kind == "responded"


# ---- a ticket system's automatic receipt ---------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "We have received your message and opened a support ticket for it. Ticket ID: 55107.\n\nSomeone from the "
        "team will look at your enquiry. To send more details, reply to this e-mail and keep the ticket number in "
        "the subject.\n\nThis is an automated notification.",
        "Your ticket has been created (ticket # 55107).\n\nAn adviser will pick it up shortly.\n\n"
        "This is an automatic confirmation; please do not reply.",
    ],
)
def test_a_ticket_systems_receipt_is_an_auto_reply_with_its_number(text: str) -> None:
    result = read_reply(text)
    assert result.kind == "auto-reply"
    assert result.force_reference == "55107"


def test_a_persons_acknowledgement_that_names_a_ticket_stays_an_acknowledgement() -> None:
    text = ("Dear Ms Bloggs,\n\nThank you for your request for information about bus lanes, which we received on "
            "11 March 2024. I have logged it as ticket number 55107 and we will reply within 20 working days.\n\n"
            "Kind regards\nPat Jones\nInformation Rights Officer")
    result = read_reply(text)
    assert result.kind == "acknowledged"
    assert result.force_reference == "55107"
    assert result.received == date(2024, 3, 11)


# ---- the office's notice about how it is working -----------------------------------------------


def test_staff_working_from_home_notice_is_a_mailbox_reply() -> None:
    text = ("Thank you for your e-mail to the office of the Police and Crime Commissioner.\n\nAll staff in the "
            "office are currently working from home, so replies may take longer than usual. We will deal with your "
            "correspondence as soon as we can.")
    assert read_reply(text).kind == "auto-reply"


# ---- a case system's fields: the date of receipt and the date due --------------------------------


@pytest.mark.parametrize(
    ("fields", "received"),
    [
        ("Date of receipt: 11 March 2024\nTarget date: 9 April 2024", date(2024, 3, 11)),
        ("Receipt date: 11/03/2024\nResponse due: 09/04/2024", date(2024, 3, 11)),
        ("Date received: 11/03/2024. Response due: 09/04/2024.", date(2024, 3, 11)),
        ("Received: 11/03/2024\nResponse by: 09/04/2024", date(2024, 3, 11)),
    ],
)
def test_case_system_fields_state_the_receipt_and_the_date_due(fields: str, received: date) -> None:
    text = (f"Dear Ms Bloggs,\n\nReference: FOI-2024-0412\n\nThank you for your request.\n{fields}\n\n"
            "Kind regards\nPat Jones")
    result = read_reply(text)
    assert result.kind == "acknowledged"
    assert result.received == received


@pytest.mark.parametrize(
    "sentence",
    [
        # the date due is not the date of receipt
        "Thank you for your request, which has been logged. Response due: 09/04/2024.",
        "Thank you for your request, which we will answer within 20 working days. The response is due by 9 April 2024.",
        # the receipt acknowledged, its date not stated
        "We acknowledge receipt of your request for information. A response will be provided by 09/04/2024.",
    ],
)
def test_a_date_due_is_never_a_date_of_receipt(sentence: str) -> None:
    text = f"Dear Ms Bloggs,\n\nReference: FOI-2024-0412\n\n{sentence}\n\nKind regards\nPat Jones"
    result = read_reply(text)
    assert result.kind == "acknowledged"
    assert result.received is None


# ---- a person away, said plainly -----------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Hello, thanks for your message. I'm away at the moment and back on 18 March. If it's urgent, please call "
        "the team on 01234 567890.",
        "Thank you for your e-mail. I am currently absent from the office until Monday 18 March and will not be "
        "reading e-mails. Please send anything urgent to the disclosure inbox.",
        "Thanks for getting in touch. I'm off until Wednesday; your e-mail will be read when I return.",
    ],
)
def test_a_person_away_said_plainly_is_an_out_of_office_reply(text: str) -> None:
    assert read_reply(text).kind == "auto-reply"


def test_a_persons_acknowledgement_that_mentions_time_away_stays_an_acknowledgement() -> None:
    text = ("Dear Ms Bloggs,\n\nThank you for your request for information, which we received on 11 March 2024 "
            "and have logged as FOI 2024/0412. I am away from Friday, so my colleague will send the reply by "
            "9 April 2024.\n\nKind regards\nPat Jones\nInformation Rights Officer")
    result = read_reply(text)
    assert result.kind == "acknowledged"
    assert result.received == date(2024, 3, 11)


@pytest.mark.parametrize("away", ["I'm off until Monday", "I am on leave until Monday",
                                  "I am out of the office until Monday"])
def test_an_answer_that_mentions_time_away_is_not_an_out_of_office_reply(away: str) -> None:
    # (facts with figures in the authority's words, an answer in prose: at worst the answer goes to
    # review, never an automatic "auto-reply")
    text = ("Dear Ms Bloggs,\n\nFOI 2024/0412\n\nThe council has 14 bus lane cameras. In 2023 the cameras "
            f"recorded 5,210 contraventions.\n\n{away}; any questions please send to the FOI inbox."
            "\n\nKind regards\nPat Jones")
    result = read_reply(text)
    assert result.kind != "auto-reply"
    assert result.guess == "responded"


# ---- a weekday named with a date written without its year -------------------------------------


def test_a_receipt_on_a_named_weekday_is_no_new_date() -> None:
    # "on Monday 11 March" in a letter of Tuesday 12 March 2024 is the day before, not 11 March 2025:
    # the receipt is stated and no extension is read into it.
    text = ("Dear Ms Bloggs\n\nThank you for your request. We received it on Monday 11 March and will reply "
            "within 20 working days.\n\nYours sincerely\nPat Jones\nInformation Officer")
    result = read_reply(text)
    assert result.kind == "acknowledged"
    assert result.received == date(2024, 3, 11)
    assert result.until is None


@pytest.mark.parametrize(
    ("text", "on", "expected"),
    [
        ("received on Monday 11 March", date(2024, 3, 12), date(2024, 3, 11)),
        ("we will reply by Friday 12 April", date(2024, 3, 12), date(2024, 4, 12)),
        ("received on Friday, the 8th of December", date(2024, 1, 5), date(2023, 12, 8)),
        # a weekday that fits no year near the letter: the date is placed as usual
        ("by Monday 14 March", date(2024, 3, 12), date(2024, 3, 14)),
    ],
)
def test_a_named_weekday_settles_the_year(text: str, on: date, expected: date) -> None:
    from foi.mail.reading.dates import dates_in

    assert [d for _, d in dates_in(text, on, forward=True)] == [expected]


# ---- the reference in the subject only ------------------------------------------------------------


@pytest.mark.parametrize(
    ("subject", "ref"),
    [
        ("Case 00412 - Acknowledgement of your request", "00412"),
        ("RE: Case #88-1302 acknowledgement", "88-1302"),
        ("Ticket 55107 - your enquiry", "55107"),
        ("Acknowledgement: EIR 24/0412", "24/0412"),
    ],
)
def test_a_case_systems_subject_carries_the_reference(subject: str, ref: str) -> None:
    body = ("Dear Ms Bloggs\n\nThank you for your request for information, which we have received. We will reply "
            "within 20 working days.\n\nYours sincerely\nFOI Team")
    assert find_force_reference(body, subject) == ref


def test_case_in_a_letters_prose_is_no_label() -> None:
    body = ("Dear Ms Bloggs\n\nIn this case 1500 records would need to be read, which is over the cost limit.\n\n"
            "Yours sincerely\nFOI Team")
    assert find_force_reference(body, "RE: Freedom of Information request - bus lanes") is None


@pytest.mark.parametrize(
    ("sentence", "ref"),
    [
        ("Thanks for this, I've logged it as 2024/0412 and will reply by 9 April.", "2024/0412"),
        ("We have registered your request under 77-2024.", "77-2024"),
        ("We logged it with the number 4413/24.", "4413/24"),
    ],
)
def test_logged_as_with_the_thing_logged_named(sentence: str, ref: str) -> None:
    assert find_force_reference(f"Hello Jo\n\n{sentence}\n\nThanks\nSam") == ref


# ---- a person gone, an address out of use ----------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Thank you for your email. I no longer work for the council. Please redirect your email to "
        "foi@example.gov.uk.",
        "Hello, I have now left the organisation. Freedom of Information requests go to the information team's "
        "inbox.",
        "Thank you for your email. Please note that this address is no longer in use. Freedom of Information "
        "requests should now be sent to foi@example.gov.uk.",
    ],
)
def test_a_person_gone_or_an_address_out_of_use_is_a_mailbox_reply(text: str) -> None:
    assert read_reply(text).kind == "auto-reply"


def test_left_out_in_an_answer_is_not_a_person_gone() -> None:
    text = ("Dear Ms Bloggs\n\nI have left the figures for 2019 out of the table below, as they were recorded "
            "differently.\n\n2020: 41\n2021: 37\n2022: 52\n\nKind regards\nPat Jones")
    assert read_reply(text).kind != "auto-reply"


# ---- the subject says it is automatic ---------------------------------------------------------------


@pytest.mark.parametrize(
    "subject",
    [
        "Auto-acknowledgement - Freedom of Information request",
        "Acknowledgement of your email (automated)",
        "[Auto-Reply] RE: Freedom of Information request - bus lanes",
    ],
)
def test_a_subject_that_says_automatic_weighs_for_a_mailbox(subject: str) -> None:
    from foi.mail.classify import classify

    body = "Thank you for your email to the Freedom of Information team. We will respond within 20 working days."
    assert classify(subject, body, headers={"Date": "Tue, 12 Mar 2024 10:00:00 +0000"}).kind == "auto-reply"


def test_a_persons_acknowledgement_under_an_automatic_looking_subject_stays_one() -> None:
    from foi.mail.classify import classify

    body = ("Dear Ms Bloggs\n\nThank you for your request for information about bus lanes, which we received on "
            "11 March 2024. It has been logged as FOI/24/0412 and we will reply by 9 April 2024.\n\n"
            "Kind regards\nPat Jones\nInformation Rights Officer")
    result = classify("Automatic acknowledgement: FOI/24/0412", body,
                      headers={"Date": "Tue, 12 Mar 2024 10:00:00 +0000"})
    assert result.kind == "acknowledged"
    assert result.received == date(2024, 3, 11)


@pytest.mark.parametrize(
    ("text", "ref"),
    [
        ("Our Ref:- FOI/24/0412\n\nDear Ms Bloggs", "FOI/24/0412"),
        ("Our Ref :- 0412/24\nYour Ref:- FOI-CAUTIONS-0007", "0412/24"),
        ("Your Ref:- 0412/24\n\nDear Ms Bloggs", None),
    ],
)
def test_a_colon_and_dash_after_the_label(text: str, ref: str | None) -> None:
    assert find_force_reference(text) == ref
