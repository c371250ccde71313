"""References, round 10 (issue 12): the case code as a heading, the regime between label and
number, a number the subject and the letter both carry.

All codes and titles are invented; the shapes follow real replies (tests/fixtures/mail/SOURCES.md).
"""

from __future__ import annotations

import pytest

from foi.mail.reading.references import find_force_reference, head_code, shared_number


@pytest.mark.parametrize(
    ("text", "ref"),
    [
        ("QRTX 20417\nThank you for your request, which reached me on 2 May 2024.", "QRTX 20417"),
        ("LFRS 2023 118 - grass fires on Mill Lane\n\nDear Mr Ode,", "LFRS 2023 118"),
        ("Request for Information: BWPA 55012 - street lighting faults\n\nDear Ms Kaur,", "BWPA 55012"),
        ("Boats, Harbours, Moorings, Patrols LOG 7702\n5513\nHarbour patrol vessels", "LOG 7702"),
        ("CASE 40981, handled by the records office\nDear Sir,", "CASE 40981"),
        ("Dear Mr Ode,\nFIR 30115 \u2013 fire hydrant inspections\nThank you for your e-mail.", "FIR 30115"),
    ],
)
def test_a_code_heading_the_letter_is_their_reference(text: str, ref: str) -> None:
    assert head_code(text) == ref
    assert find_force_reference(text) == ref


@pytest.mark.parametrize(
    "text",
    [
        "FOIA 2000\nDear Sir,",  # an Act and its year
        "PACE 1984 and the codes of practice\nDear Sir,",
        "TEL 01632 960123\nDear Sir,",  # a telephone line in the letterhead
        "SECTION 123 of the Act applies.\nDear Sir,",
        "We received 4521 reports in 2023.",  # a count in a sentence
        # beyond the head
        "Dear Sir,\nThank you.\nYours,\nJo\nPO Box 2121\nNowhere\nNW1 1AA\nABCD 9999 is our postcode box",
    ],
)
def test_what_is_not_a_code_heading_the_letter(text: str) -> None:
    assert head_code(text) is None


def test_a_code_in_the_subject_is_their_reference() -> None:
    assert find_force_reference("Dear Ms Kaur,\nPlease find our reply below.",
                                "RE: Request for Information: BWPA 55012 - street lighting") == "BWPA 55012"


@pytest.mark.parametrize(
    ("text", "ref"),
    [
        ("Ref EIR: 20417\n\nGood afternoon,", "20417"),
        ("Our Reference FOI: 3319\nDear Sir,", "3319"),
        ("Reference EIRs - 88120\nDear Sir,", "88120"),
        ("OurRef: k20117, k20119\nDear Ms Kaur,", "k20117"),
        ("Email:\nOurRef: 77310\n9 October 2023", "77310"),
        ("Request for Information - 2024/0181\nDear Sir,", "2024/0181"),
    ],
)
def test_labels_in_more_shapes(text: str, ref: str) -> None:
    assert find_force_reference(text) == ref


def test_their_label_for_our_reference_is_still_ours() -> None:
    assert find_force_reference("YourRef: 5521\nDear Sir,") is None


@pytest.mark.parametrize(
    ("text", "subject", "ref"),
    [
        ("Disclosure Log - June 2024\nRef: Response issued:\n6631 03.06.24\nThe number of ...",
         "Disclosure Log - June 2024 - 6631 noise complaints", "6631"),
        ("Our answer\n40214\nParking fines issued", "Parking fines (40214)", "40214"),
        ("Case 551902 is closed.\nDear Sir,", "Your request 551902", "551902"),
        ("Summary\n\n\n\n7718 - bus lane cameras\nDear Sir,", "FW: 7718 bus lane cameras", "7718"),
        ("Dear Sir,\nRequest 31175 has been answered below.", "Request 31175", "31175"),
        ("Title: road gritting\nNumber 90551\nDear Sir,", "Road gritting 90551", "90551"),
    ],
)
def test_a_number_in_the_subject_and_the_letter_head_is_theirs(text: str, subject: str, ref: str) -> None:
    assert find_force_reference(text, subject) == ref


@pytest.mark.parametrize(
    ("text", "subject"),
    [
        ("Dear Sir,\nThere were 2024 incidents.", "Incidents in 2024"),  # a year
        ("Dear Sir,\n" + "Line.\n" * 12 + "4471 fines were paid.", "Fines 4471"),  # far below the head
        ("Dear Sir,\n4471 fines were paid.", "Fines in the city"),  # not in the subject
    ],
)
def test_numbers_that_are_not_shared_case_numbers(text: str, subject: str) -> None:
    assert shared_number(text, subject) is None


@pytest.mark.parametrize(
    ("text", "ref"),
    [
        ("REQUEST REFERENCE NOs: Northshire Police 5512 and Southvale Police 00311", "5512"),
        ("Reference: Kent Fire and Rescue Service 2231/24\nDear Sir,", "2231/24"),
        ("Our ref: Eastmoor Council 77120\nDear Ms Kaur,", "77120"),
        ("Case numbers: Riverside NHS Trust 40017 and Hillside NHS Trust 40018", "40017"),
        ("Reference No: Office of the Police and Crime Commissioner 3310\nDear Sir,", "3310"),
        ("Ref: Joint Information Board 99213\nDear Sir,", "99213"),
    ],
)
def test_a_number_given_with_its_owners_name(text: str, ref: str) -> None:
    assert find_force_reference(text) == ref


@pytest.mark.parametrize(
    "text",
    [
        "Our ref: Smith 12 May 2024\nDear Sir,",  # a name and a date
        "Reference: Police 12\nDear Sir,",  # too short to be a case number
        "Your ref: Northshire Police 5512\nDear Sir,",  # ours
    ],
)
def test_an_owners_name_without_a_case_number(text: str) -> None:
    assert find_force_reference(text) is None


@pytest.mark.parametrize(
    ("text", "ref"),
    [
        ("Freedom of Information: 004412/23 \u2013 Missing persons\nDear Sir,", "004412/23"),
        ("FOI: 2231/24 - parking fines\nDear Sir,", "2231/24"),
        ("EIR: 55301 - gritting routes\nDear Sir,", "55301"),
        ("I am the officer handling your FOIA enquiry 2024100001122.", "2024100001122"),
        ("Thank you for your Freedom of Information request 2019/4410.", "2019/4410"),
        ("We are still working on your FOI enquiry 77120 and will reply soon.", "77120"),
    ],
)
def test_the_regime_as_label_and_their_number_for_our_enquiry(text: str, ref: str) -> None:
    assert find_force_reference(text) == ref


@pytest.mark.parametrize(
    "text",
    [
        "Freedom of Information: your rights explained\nDear Sir,",  # no number
        "Your FOI request FOI-CAUTIONS-0007 has been received.",  # our own reference
        "Your enquiry of 12 May is being dealt with.",  # a date, not a number
    ],
)
def test_no_reference_in_these(text: str) -> None:
    assert find_force_reference(text) is None
