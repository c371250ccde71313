"""Receipts, round 10 (issue 12): principles, not phrases.

A person who has read the request says which law it is handled under; a mailbox conditions what it
says on whether the mail is a valid request at all. A time the work may take ("up to twenty
working days", "20 clear working days") is a reply to come; a delay foreseen ("you may experience
a delay") is a warning, not more time. The date a letter bears is not the day it arrived.

Every message is our own paraphrase of a pattern seen in real replies (SOURCES.md in
tests/fixtures/mail names the public pages); each meaning is said several ways, with negatives that
share the words but not the meaning.
"""

from __future__ import annotations

import re

import pytest

from foi.mail.classify import classify
from foi.mail.reading import grammar as g
from foi.mail.reading.receipts import acknowledgement, weigh

_HEADERS = {"Date": "Mon, 8 Jul 2024 10:00:00 +0100"}


def _weigh(text: str) -> tuple[list[str], list[str]]:
    lines = [x.strip() for x in text.split("\n")]
    sentences = [x for x in re.split(r"(?<=[.!?])\s+|\n", text) if x.strip()]
    ev = weigh(lines, sentences, reference=False, received=False, reply_by=False, restated=False,
               receipt_sentences=[], act_named=False, subject_says_ack=False, mailbox_words=False)
    return ev.for_person, ev.for_mailbox


# ---- the law it is handled under: someone has read it ---------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "Your request is now being dealt with under the Freedom of Information Act 2000.",
        "The trust has assessed your e-mail as a request for information under the Act.",
        "Your application has been treated as a request under the Environmental Information "
        "Regulations 2004; it has gone to the highways team.",
        "This request is being handled under the Freedom of Information Act.",
        "We have treated your letter as a valid request and it will be dealt with under the EIR.",
        "Your enquiry has been logged as a request under the Freedom of Information Act.",
        "It will be processed in line with the requirements of the Act.",
    ],
)
def test_the_law_it_is_handled_under_is_a_persons_reading(sentence: str) -> None:
    person, _ = _weigh(sentence)
    assert "says which law it is handled under" in person


@pytest.mark.parametrize(
    "sentence",
    [
        # what happens to whatever arrives, said with "if"
        "If your e-mail contains a request under the Act it will be dealt with under section 10.",
        # requests in general, not this one
        "Requests for information are dealt with under the Freedom of Information Act.",
        # the Act named, nothing decided
        "The Freedom of Information Act gives you the right to ask for recorded information.",
    ],
)
def test_handling_said_of_any_mail_is_not_a_persons_reading(sentence: str) -> None:
    person, _ = _weigh(sentence)
    assert "says which law it is handled under" not in person


@pytest.mark.parametrize(
    "text",
    [
        "Should your message be a valid FOI request, this e-mail serves as our acknowledgement.",
        "We will first check whether your message is a valid request under the Act.",
        "The council will look at your e-mail to decide if it is a valid request and, if so, reply in 20 days.",
        "Should this be a new request, a reply will follow within twenty working days.",
        "If your correspondence amounts to a formal request for information we will log it.",
        "We cannot yet tell whether this is a genuine application for information.",
    ],
)
def test_a_receipt_that_has_not_read_the_mail_is_a_mailboxs(text: str) -> None:
    person, mailbox = _weigh(text + "\nYour request is now being dealt with under the Act.")
    assert any(x.startswith("has not yet read") for x in mailbox)
    assert "says which law it is handled under" not in person


def test_a_valid_request_named_without_doubt_is_not_a_mailboxs() -> None:
    _, mailbox = _weigh("Thank you: your valid request has been logged under reference 4471.")
    assert not any(x.startswith("has not yet read") for x in mailbox)


def test_a_person_handling_it_under_the_act_acknowledges_it() -> None:
    text = ("We acknowledge receipt of your e-mail.\n\nYour request is now being dealt with under the Freedom of "
            "Information Act 2000, and you will get our reply within the statutory limit "
            "of 20 working days.\n\nKind regards\n\nDisclosure Unit")
    assert classify("Your request", text, headers=_HEADERS).guess == "acknowledged"


def test_the_same_words_after_a_doubt_about_validity_are_a_mailboxs() -> None:
    text = ("If you have sent us a valid Freedom of Information request, kindly treat this e-mail as a formal "
            "acknowledgement.\n\nYour request is now being dealt with under the Freedom of "
            "Information Act 2000, and you should get our reply within the statutory limit of 20 working "
            "days.")
    assert classify("Your request", text, headers=_HEADERS).guess == "auto-reply"


# ---- a time the work may take is a reply to come ------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "You will receive a response within 20 clear working days.",
        "This may take up to twenty working days to be processed.",
        "We will reply no later than 20 working days after receipt.",
        "You should hear from us within the 20 full working days the Act allows.",
        "A reply will be sent within the statutory time limit.",
        "The disclosure team will respond in no more than 20 working days.",
    ],
)
def test_a_time_the_work_may_take_is_a_reply_to_come(sentence: str) -> None:
    assert re.search(g.REPLY_DUE, sentence, re.I)


@pytest.mark.parametrize(
    "sentence",
    [
        "The figures cover 20 working days in March.",
        "Officers worked up to 20 hours of overtime.",
        "The case was closed within two weeks.",
    ],
)
def test_periods_that_are_not_a_reply_to_come(sentence: str) -> None:
    assert not re.search(g.REPLY_DUE, sentence, re.I)


@pytest.mark.parametrize(
    "thanks",
    [
        "We acknowledge with thanks your recent letter requesting data.",
        "I acknowledge with thanks receipt of your e-mail.",
        "We acknowledge with gratitude your recent request.",
    ],
)
def test_acknowledged_with_thanks(thanks: str) -> None:
    assert re.search(g.THANKS, thanks, re.I)


# ---- a delay foreseen is not more time ------------------------------------------------------------


@pytest.mark.parametrize(
    "warning",
    [
        "Because of the pandemic you may experience a delayed response, for which we apologise in advance.",
        "Delays may be unavoidable at present.",
        "In some cases it might take longer and we could need an extension.",
        "Occasionally a reply is delayed by the volume of requests.",
        "If we need more time we will write to you before the deadline.",
        "Where possible we will avoid any delay.",
    ],
)
def test_a_delay_foreseen_does_not_undo_an_acknowledgement(warning: str) -> None:
    said = ["We acknowledge with thanks your recent letter requesting data.",
            "It has gone to a suitable officer to deal with.",
            "A reply could take up to 20 working days.", warning]
    assert acknowledgement(said)


@pytest.mark.parametrize(
    "news",
    [
        "Unfortunately your response has been delayed and we apologise.",
        "We need a further 20 working days to consider the public interest.",
        "We are extending the deadline to 3 June.",
    ],
)
def test_more_time_announced_is_not_an_acknowledgement(news: str) -> None:
    said = ["Thank you for your request.", "It has been passed on to the records team.",
            "You will be sent a reply within 20 working days.", news]
    assert acknowledgement(said) == []


# ---- the date a letter bears is not its receipt ----------------------------------------------------


@pytest.mark.parametrize(
    "opening",
    [
        "Many thanks for your letter dated 14 March 2024.",
        "Thank you for your e-mail of 14 March 2024.",
        "We acknowledge receipt of your letter dated 14 March 2024.",
        "Many thanks for your request sent on 14 March 2024.",
        "I write about your enquiry of the 14th of March 2024.",
        "Your request dated 14/03/2024 has been passed to the disclosure team.",
    ],
)
def test_the_date_a_letter_bears_moves_no_due_date(opening: str) -> None:
    text = (f"Dear Ms Reed,\n\n{opening} It has been passed to the disclosure team and you will be sent a "
            "reply within 20 working days.\n\nYours sincerely,\n\nJo March")
    result = classify("Your request", text, headers={"Date": "Mon, 18 Mar 2024 10:00:00 +0000"})
    assert result.received is None


@pytest.mark.parametrize(
    ("opening", "day"),
    [
        ("Your request was received on 14 March 2024.", 14),
        ("Thank you for your request, which we logged on 13 March 2024.", 13),
        ("Your e-mail reached the disclosure unit on 12 March 2024.", 12),
    ],
)
def test_a_stated_arrival_is_the_receipt(opening: str, day: int) -> None:
    text = (f"Dear Ms Reed,\n\n{opening} It has been passed to the disclosure team and you will be sent a "
            "reply within 20 working days.\n\nYours sincerely,\n\nJo March")
    result = classify("Your request", text, headers={"Date": "Mon, 18 Mar 2024 10:00:00 +0000"})
    assert result.received is not None and result.received.day == day


# ---- the answer's preface is not a reply to come -----------------------------------------------


@pytest.mark.parametrize(
    "preface",
    [
        "I will answer all of your questions in the order you put them.",
        "We will respond to each of your points in turn.",
        "I shall reply to your questions below.",
        "We will answer the questions as follows.",
        "I will respond to all of your questions here.",
        "We will deal with them in the order they were put.",
    ],
)
def test_the_answers_preface_is_not_a_reply_to_come(preface: str) -> None:
    assert not re.search(g.REPLY_TO_COME, preface, re.I)


@pytest.mark.parametrize(
    "promise",
    [
        "We will respond within 20 working days.",
        "I will answer your request as soon as possible.",
        "The team will reply to you shortly.",
    ],
)
def test_a_reply_promised_is_still_one(promise: str) -> None:
    assert re.search(g.REPLY_TO_COME, promise, re.I)


# ---- a receipt as the point the clock or the figures run from ------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "The figures cover the 12 months before the date your request was received.",
        "These are the incidents recorded since your request was logged.",
        "We counted the cases from the day the request was received.",
        "No further reports were filed after your application was registered.",
        "The list was correct when your request was received.",
        "Nothing changed until the request was logged by our team.",
    ],
)
def test_a_receipt_as_a_point_in_time_is_no_acknowledgement(sentence: str) -> None:
    from foi.mail.reading.signals import SIGNALS

    assert not any(kind == "acknowledged" and rx.search(sentence) for kind, rx, _ in SIGNALS)


@pytest.mark.parametrize(
    "sentence",
    [
        "Your request was received on 3 May and is being dealt with.",
        "Your application has been logged.",
        "The request for information which was received yesterday has been registered.",
    ],
)
def test_a_receipt_stated_is_an_acknowledgement_signal(sentence: str) -> None:
    from foi.mail.reading.signals import SIGNALS

    assert any(kind == "acknowledged" and rx.search(sentence) for kind, rx, _ in SIGNALS)


# ---- a full reply promised in time presupposes the request arrived ------------------------------


@pytest.mark.parametrize(
    "promise",
    [
        "A complete answer will be with you no later than twenty working days after it reached us, by 24 March.",
        "You should receive a reply within 20 working days.",
        "A full response will be issued to you within the statutory time limit.",
        "The records team will respond at the latest 20 working days after the day it arrived.",
        "We expect to provide you with a reply within the 20 working days allowed.",
        "Our reply will reach you within twenty working days.",
    ],
)
def test_thanks_and_a_reply_promised_in_time_acknowledge(promise: str) -> None:
    assert acknowledgement(["Thank you for your e-mail of 3 March.", promise])


@pytest.mark.parametrize(
    "said",
    [
        # a reply promised with no time: an answer may close that way
        ["Thank you for your e-mail.", "We will respond to any further questions you have."],
        # the answer itself
        ["Thank you for your e-mail.", "The figures are set out below."],
        # unable to reply in time: more time, not a receipt
        ["Thank you for your e-mail.", "We are unable to respond within 20 working days."],
    ],
)
def test_what_a_promise_in_time_does_not_make(said: list[str]) -> None:
    assert acknowledgement(said) == []


# ---- an answer announced is no receipt -----------------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "Please find the Northshire Police response set out below.",
        "Response: some of the information is not held centrally.",
        "Our answers to your questions are as follows.",
        "Please see our reply below.",
        "The force's response is set out below.",
        "Answer - the force holds no such policy.",
    ],
)
def test_an_answer_announced(sentence: str) -> None:
    from foi.mail.reading.receipts import answer_announced

    assert answer_announced([sentence])


@pytest.mark.parametrize(
    "sentence",
    [
        "You will be sent a reply within 20 working days.",
        "A response will follow in due course.",
        "We aim to send our reply by 3 June.",
    ],
)
def test_a_reply_to_come_is_not_an_answer_announced(sentence: str) -> None:
    from foi.mail.reading.receipts import answer_announced

    assert not answer_announced([sentence])


def test_a_receipt_stated_above_an_announced_answer_is_not_decided_as_an_acknowledgement() -> None:
    text = ("FREEDOM OF INFORMATION REQUEST REFERENCE NO: 204-2025\n"
            "I write in connection with your request for information which was received on 3rd March 2025 as "
            "follows:\nQ1. How many drones does the force own?\nQ2. What did they cost?\n"
            "Please find the Northshire Police response set out below.\n"
            "Response: Some of the information is not held in a retrievable format and finding it would take "
            "longer than the time allowed.\n")
    result = classify("FOI 204-2025", text)
    assert result.kind != "acknowledged"


@pytest.mark.parametrize(
    "preface",
    [
        "I will answer all of your questions in the order you put them.",
        "We will respond to each of your points in turn.",
        "I shall reply to your questions below.",
        "We will answer the questions as follows.",
        "I would like to address each point in turn.",
        "We have answered your questions below.",
    ],
)
def test_the_answers_preface_announces_the_answer(preface: str) -> None:
    from foi.mail.reading.receipts import answer_announced

    assert answer_announced([preface])


def test_an_answer_opening_with_a_dated_receipt_is_guessed_an_answer() -> None:
    text = ("Dear Mr Lowe\nREQUEST FOR INFORMATION\nThank you for your email received 9 June 2014 regarding "
            "assaults on officers.\nI will deal with each of your questions in the order they came;\n"
            "(1) the number of assaults recorded in the last year: Serious = 4, Minor = 212\n"
            "(2) the number dealt with by fixed penalty: none; such offences are reported to the prosecutor.\n")
    result = classify("Assaults on officers", text, headers=_HEADERS)
    assert result.kind != "acknowledged" and result.guess != "acknowledged"
