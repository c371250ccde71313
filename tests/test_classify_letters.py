"""Round 3 of reading real replies (issue 12): how a letter is laid out decides what it says.

Every message here is written in our own words; each reproduces a pattern seen in real police
replies (tests/fixtures/mail/SOURCES.md names the public pages). The rules they pin are about the
structure of a letter: which lines are the request pasted back, which part answers which
question, which sentence carries the decision, and whether a refusal was applied at all.
"""

from __future__ import annotations

from datetime import date

import pytest

from foi.mail.classify import classify
from foi.mail.reading.references import find_force_reference
from foi.mail.reading.sections import find_sections

# --------------------------------------------------------------------------------------------
# The request pasted back without a heading


@pytest.mark.parametrize(
    "opening",
    [
        "I would be glad to receive these figures about arrests made between January 2023 and March 2024:",
        "I am writing to you under the Freedom of Information Act to request information about arrests:",
        "Under the FOI Act, could you please send me the following information about arrests:",
        "Please can you tell me the number of arrests in the city centre, and could you clarify which "
        "of them were for theft?",
    ],
)
def test_the_requesters_own_words_pasted_without_a_heading_are_the_request(opening: str) -> None:
    """Their opening is not theirs: its questions ask nothing of us, and the reply is the refusal below."""
    text = (f"{opening}\n1, The time of each arrest (please say whether day or night)\n2, The age of each person\n"
            "\nPresented in the form asked for, the data could identify individuals. This letter therefore "
            "is a refusal notice, and the force relies on Section 40(2) of the Act.")
    result = classify("FOI 1187/24", text)
    assert (result.kind, result.sections) == ("refused", ["40(2)"])


def test_a_polite_question_from_them_is_a_clarification_not_the_request() -> None:
    result = classify("FOI 1188/24", "We would be grateful if you could give us the dates you are "
                      "interested in, as our crime system changed in 2019.")
    assert result.kind == "clarification"


def test_questions_answered_under_a_later_answers_heading_are_the_request() -> None:
    """'Question 1 ... Question 2 ... Answers': the questions (with their 'please clarify the purpose')
    are ours; the exemptions 'listed below' are grounds, not information given."""
    text = ("Request Number: FOI/22001\nRequest and Answer:\nThe force is giving a neither confirm nor deny "
            "response, explained below.\nQuestion 1\nOn 3rd May officers met a trade delegation. Please explain "
            "what the meeting was for and send the minutes.\nQuestion 2\nThe deputy chief constable met the "
            "delegation later. Please clarify what was discussed.\nAnswers\nSection 17(1) requires us to give "
            "a notice when refusing. The exemptions and the public interest factors considered are listed "
            "below:\nSection 24(2) National Security - the duty to confirm or deny does not arise.\nSection "
            "40(5B) Personal Information - the duty to confirm or deny does not arise.")
    result = classify("Meetings with a delegation", text)
    assert (result.kind, result.ncnd, result.sections) == ("refused", True, ["24(2)", "40(5B)"])


# --------------------------------------------------------------------------------------------
# Which refusal was applied at all


@pytest.mark.parametrize(
    "text",
    [
        "You asked: the number of arrests for begging in 2023.\n\nIn Response:\nTelling begging arrests apart "
        "from other vagrancy arrests would mean reading every custody record, which would have gone beyond the "
        "18 hour limit, so the request could have been refused under Section 12. Rather than apply that "
        "exemption, we have given the total for all vagrancy arrests.\n\nVagrancy arrests in 2023 - 214\n",
        "In Response:\nIdentifying each theft from a bicycle shed would exceed the appropriate limit of 18 "
        "hours. Instead of refusing the request, we have provided the total number of cycle thefts, which was "
        "1,406 in 2023.",
    ],
)
def test_a_refusal_only_hypothetical_or_waived_is_no_refusal(text: str) -> None:
    """'would have been refused under s.12 ... rather than apply that exemption, goodwill figures':
    an answer, citing nothing."""
    result = classify("Arrests 551/24", text)
    assert (result.kind, result.sections) == ("responded", [])


def test_an_exemption_avoided_is_not_relied_on() -> None:
    text = ("We can confirm that the information you asked for is held. We are able to disclose it as follows: "
            "the figures in the attached spreadsheet have been banded, which avoids the use of any "
            "exemption (Section 40 - Personal Information).")
    result = classify("FOI/3100", text, ["figures.xlsx"], [""])
    assert (result.kind, result.sections) == ("responded", [])


def test_the_acts_own_wording_quoted_applies_no_exemption() -> None:
    text = ("We need more time to weigh the public interest balance.\ns. 43 (2) Information is exempt "
            "information if its disclosure would be likely to prejudice commercial interests.\nWe now expect "
            "to reply by 14 April 2026.")
    result = classify("FOI 5524", text)
    assert (result.kind, result.until) == ("extended", date(2026, 4, 14))


# --------------------------------------------------------------------------------------------
# Part by part


def test_a_part_sent_to_another_body_is_not_an_answer() -> None:
    """One part redirected to the NPCC, the other refused as vexatious: nothing is given, so refused."""
    text = ("RESPONSE\nOur digital unit has sent the following in answer to your request.\n"
            "Question 1\nThe bid was written on behalf of the NPCC. You may wish to put this part of your "
            "request to them instead.\nQuestion 2\nI am not obliged to comply with this part of your request. Section "
            "14(1) applies because the request is vexatious.")
    result = classify("FOI 4411/25", text)
    assert (result.kind, result.sections) == ("refused", ["14(1)"])


def test_one_part_answered_and_one_refused_as_vexatious_is_partial() -> None:
    text = ("Question 1: How many drones does the force own?\nWe own 11 drones.\n\nQuestion 2: Copies of every "
            "email the chief constable sent about drones.\nThis part of your request is vexatious and I rely "
            "on section 14(1) of the Act.")
    result = classify("FOI 4410/25", text)
    assert (result.kind, result.sections) == ("partial", ["14(1)"])


@pytest.mark.parametrize(
    "text",
    [
        "1. The force policy on body worn video.\nNo information held\n2. The number of complaints about it in "
        "2024.\nNo information held\n3. The training given.\nNo Information held\n\nI wanted to clarify the "
        "difference between the Commissioner's office and the force, and who you need to contact.",
        "The Office of the Police and Crime Commissioner does not hold the information you are "
        "looking for.\n1. The force policy on body worn video.\nNo information held\n2. The number of "
        "complaints.\nNo information held",
    ],
)
def test_every_part_not_held_is_not_held(text: str) -> None:
    """'4.' then 'No information held' is no 'No' answer; 'I wanted to clarify the difference' asks
    us nothing."""
    assert classify("Reference: 33012", text).kind == "not-held"


def test_parts_follow_one_another_so_a_figure_is_not_an_item_number() -> None:
    """'31.' after '3. How many left?' is the answer to part 3, not a part 31."""
    text = ("1. How many PCSOs do you employ? 212.\n2. How many are fluent in Welsh? This information is not "
            "held.\n3. How many left in 2024? 31.")
    assert classify("FOI 0103", text).kind == "responded"


@pytest.mark.parametrize(
    "text",
    [
        "1.\nHow many custody suites does your force run?\nMidshire Police currently has 6 custody suites.\n"
        "2.\nHow many were refurbished since 2015?\nFour of them, and 2 more are planned.",
        "You requested the following information:\nThe police stations closed since 2015.\nPlease see the table "
        "below for the stations closed from 1 January 2015 to 1 March 2019.\nStation   Closed   Status\n"
        "Oakford   2016   Sold\nElmbridge   2017   Leased",
        "Please see our response below:\n- Number of marked cars: 412\n- Number of unmarked cars: 96",
        "The figures you asked for are below.\n2022: 41\n2023: 38\n2024: 52",
        "In Response:\nI am able to disclose the located information to you as follows.\nMale - 1138\n"
        "Female - 477",
        "DECISION\nI have today decided to disclose the located information to you.\nIn 2024 there were 87 "
        "roadside drug tests, 61 of which were positive.",
    ],
)
def test_answers_in_prose_tables_and_labelled_figures_are_answers(text: str) -> None:
    assert classify("FOI 1800/24", text).kind == "responded"


def test_information_disclosed_in_an_attached_pdf() -> None:
    text = ("After checking with our analysts, the following information can be released:\n"
            "Please find the figures attached as a PDF.")
    assert classify("Stop and search of children", text).kind == "responded"


# --------------------------------------------------------------------------------------------
# Given and withheld


@pytest.mark.parametrize(
    "text",
    [
        "Our response is as follows:\nOn a first look we cannot supply this, since doing so would "
        "exceed the appropriate costs limit under section 12 of the Act, which stands at \u00a3450.",
        "Please find below answers to your questions:\nPresented as a single spreadsheet the data could identify "
        "the people arrested, and so this letter constitutes a refusal notice with section 40(2) applied.",
    ],
)
def test_a_lead_above_a_refusal_gives_nothing(text: str) -> None:
    """'Our response is as follows' says an answer follows, not what it is."""
    assert classify("FOI 771", text).kind == "refused"


def test_figures_held_back_for_low_numbers_make_the_answer_partial() -> None:
    text = ("We have looked at your request. It has been decided not to supply some of the "
            "figures you asked for, because the numbers are low enough to identify individuals.\nAnswer\n"
            "In 2024 there were 512 people arrested for drink driving. 431 of them were men.")
    assert classify("FOI 8812", text).kind == "partial"


@pytest.mark.parametrize(
    "text",
    [
        "Response\nFraud can be reported to Action Fraud through its website or by telephone.\nThe question "
        "about how many staff were reported to the force falls under Section 12(2) "
        "of the Act.",
    ],
)
def test_a_refusal_scoped_to_part_goes_to_review_as_partial(text: str) -> None:
    """The refusal covers part of the request and what became of the rest is not plain: the editor
    decides, with partial as the guess."""
    result = classify("FOI 16/07/1", text)
    assert (result.kind, result.guess) == ("needs-review", "partial")


def test_some_of_the_information_exempt_is_partial() -> None:
    """(Round 10: "some of the information ... is exempt" holds back a part in so many words; the
    rest, by the letter's own words, is not held back. Decided, no longer sent for review.)"""
    text = ("In accordance with section 1(1)(b) of the Act, our reply is set out here:\nSome of the information "
            "you asked for is already in the public domain and so is exempt under Section 21.")
    result = classify("FOI 16/07/1", text)
    assert (result.kind, result.guess) == ("partial", "partial")


def test_advice_and_assistance_after_a_cost_refusal_gives_some_figures() -> None:
    text = ("Response\nOur systems do not let us give you all of this within the appropriate limit.\n"
            "This letter serves as a Refusal Notice for that part of your request, and where one part goes "
            "over the fees limit S12 covers the whole request.\nHowever, under Section 16 of the Act I must "
            "offer advice and assistance, and can provide some relevant information for "
            "questions 1 and 2, as this was found during our initial search.")
    result = classify("Stolen bikes (2201A/24)", text)
    assert (result.kind, result.sections) == ("partial", ["12"])


# --------------------------------------------------------------------------------------------
# Letters before the answer


@pytest.mark.parametrize(
    "text",
    [
        "Re your request FOI2026/01111:\nTo identify and locate the information you asked for we need further "
        "information and clarification from you:\nPlease list the offence codes you want.\nWe cannot "
        "take your request forward until we hear from you.",
        "Please can you provide me with details of which offences you mean? We cannot progress your request "
        "until then.",
    ],
)
def test_a_request_for_clarification_in_other_words(text: str) -> None:
    assert classify("FOI2026/01111", text).kind == "clarification"


def test_thanks_for_a_request_alone_is_no_confident_acknowledgement() -> None:
    """Answers open with 'Thank you for your email received on ...' too."""
    result = classify("FOI/4127", "Thank you for your email received on 9 May 2026, which asked for "
                      "some information the force holds.")
    assert (result.kind, result.guess, result.received) == ("needs-review", "acknowledged", date(2026, 5, 9))


def test_a_deadline_in_an_acknowledgement_is_not_an_answer() -> None:
    text = ("Your request was received by the force on 2 February 2026 and has been logged as 0345/26. The "
            "statutory deadline for a reply is 2 March 2026.")
    result = classify("FOI", text)
    assert (result.kind, result.received, result.force_reference) == ("acknowledged", date(2026, 2, 2), "0345/26")


def test_an_automatic_receipt_listing_what_foi_cannot_give_is_an_auto_reply() -> None:
    """Bulleted lines of prose ('*   about yourself') are not a table of figures."""
    text = ("Thanks for your e-mail, which has reached the Freedom of Information Unit.\nValid requests will "
            "be considered under the Act.\nWhat can I not get under FOI?\nYou will not be able to get "
            "information:\n*   about yourself\n*   about other people\n*   for insurance claims")
    assert classify("FOI mailbox", text).kind == "auto-reply"


def test_the_stated_receipt_is_read_from_an_answer_too() -> None:
    result = classify("FOI/3062", "Thank you for your email received on 9 May 2026. We are able to disclose the "
                      "located information to you as follows.\nMale - 14\nFemale - 9")
    assert (result.kind, result.received) == ("responded", date(2026, 5, 9))


# --------------------------------------------------------------------------------------------
# Sections and references


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("It is estimated that complying would exceed the \u201cappropriate costs limit\u201d under Section "
         "12(1) of the Act.", ["12(1)"]),
        ("Reworking the figures for your dates could not be done within the 18 hours allowed.", ["12"]),
        ("The force will neither confirm nor deny holding the information, by virtue of section 23(5).",
         ["23(5)"]),
        ("It is exempt by virtue of Section 31 (1)(g)(2)(a)(b) Law Enforcement and Section 40(2).",
         ["31(1)(g)", "40(2)"]),
        ("Splitting them out would have taken more than 18 hours, and the request would otherwise have been "
         "refused under Section 12.", []),
    ],
)
def test_sections_cost_wording_ncnd_spelling_and_purposes(text: str, expected: list[str]) -> None:
    assert find_sections(text) == expected


def test_ncnd_spelled_confirms_nor_denies() -> None:
    result = classify("FOI", "Response - this force neither confirms nor denies holding any such records, by "
                      "virtue of section 31(3).")
    assert (result.kind, result.ncnd) == ("refused", True)


@pytest.mark.parametrize(
    ("text", "subject", "expected"),
    [
        ("Dear Mr Lane,\n\nYOUR REQUEST  (31007):\n\nPlease provide the number of bicycle thefts.", "", "31007"),
        ("OFFICIAL Our Ref: Date: AB-FOI-2019-0042 3 May 2019 I refer to your request.", "", "AB-FOI-2019-0042"),
        ("1. The number of searches in each of these years:\n- 2012/2013\n- 2013/2014", "", None),
        ("Freedom of Information Request Reference No: 2019050001234\nI write in connection with your request.",
         "", "2019050001234"),
        ("We will respond within 20 working days.", "Acknowledgement FOI 31847", "31847"),
        ("Our reference: 005926/18\nThank you for your request.", "", "005926/18"),
    ],
)
def test_references_in_more_shapes(text: str, subject: str, expected: str | None) -> None:
    """'your request (N)' is their number for our request; a flattened letterhead puts 'Date:' between
    a label and its value; a financial year is no reference."""
    assert find_force_reference(text, subject) == expected
