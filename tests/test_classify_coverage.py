"""Coverage on authorities nobody tuned to (issue 12): replies that said plainly what they were, in
wording or a layout the reader did not know, and went to review with "no clear signal".

Every message here is written in our own words; each reproduces a pattern seen in real replies
from more than one authority (tests/fixtures/mail/SOURCES.md names the public pages).
"""

from __future__ import annotations

import pytest

from foi.mail.classify import classify
from foi.mail.reading.references import find_force_reference
from foi.mail.reading.sections import find_sections
from foi.mail.reading.signals import log_decision

# --------------------------------------------------------------------------------------------
# Acknowledgements


@pytest.mark.parametrize(
    "text",
    [
        # a health body's receipt: the request "will receive a reply within twenty working days"
        "Dear Ms Adeyemi,\n\nThank you for your message of 3 May 2024.\n\nWe have treated your message as a "
        "request under the Freedom of Information Act 2000, and you will receive a reply within twenty "
        "working days.\n\n"
        "Yours sincerely\n\nInformation Governance Team",
        # the same promise in figures
        "Dear Mr Hale,\n\nYour request is being handled under the Act and we will answer it within 20 working "
        "days.\n\nKind regards\nFOI Officer",
    ],
)
def test_a_request_that_will_be_answered_within_twenty_days_is_acknowledged(text: str) -> None:
    result = classify("RE: Freedom of Information request - Ambulance waits", text)
    assert result.kind == "acknowledged", result.reasons
    assert result.received is None


@pytest.mark.parametrize(
    "text",
    [
        "Dear Mr Brooks\n\nThank you for your request.\n\nAn acknowledgement letter for "
        "your request is attached.\n\nYours sincerely\nPriya Shah",
        "Dear Ms Lowe,\n\nI attach our acknowledgement letter for your Freedom of Information request.\n\n"
        "Regards\nInformation Team",
    ],
)
def test_a_covering_note_for_an_acknowledgement_letter_is_acknowledged(text: str) -> None:
    result = classify("RE: Freedom of Information request - Flood defences", text, ["Acknowledgement.pdf"],
                      [""])
    assert result.kind == "acknowledged", result.reasons


def test_a_covering_note_for_a_response_letter_is_not_an_acknowledgement() -> None:
    # The attachment is the answer, not a receipt: the decision is only in the letter.
    result = classify("RE: Freedom of Information request - Flood defences",
                      "Dear Mr Brooks\n\nPlease see attached our response letter to your request.\n\nYours sincerely\n"
                      "Priya Shah", ["Response.pdf"], [""])
    assert result.kind != "acknowledged"


# --------------------------------------------------------------------------------------------
# Refusals of the whole request, said without a section


@pytest.mark.parametrize(
    "sentence",
    [
        "However, the whole of the request is being withheld.",
        "I can confirm that the force holds the information, but it is withheld in its entirety.",
        "We are therefore withholding all of the requested information.",
    ],
)
def test_withholding_the_whole_of_it_after_the_section_17_preamble_is_a_refusal(sentence: str) -> None:
    text = ("FOI Reference: 412/2025\n\nResponse:\n\nSection 1 of the Act gives two duties: to say whether the "
            "information asked for is held, and to give it when it is held. Where an exemption is relied on, "
            "section 17 requires us to give a notice which says so, names the exemption and explains why it "
            "applies.\n\nI can confirm that the force does hold the information you asked for. " + sentence)
    result = classify("", text)
    assert result.kind == "refused", result.reasons
    assert "17" not in result.sections and "1" not in result.sections


def test_names_withheld_in_full_beside_figures_is_not_a_whole_refusal() -> None:
    text = ("Please find below the figures for 2023.\n\nArrests: 412\nCharges: 130\nCautions: 58\n\n"
            "The names of the officers are withheld in full under section 40(2).")
    result = classify("", text)
    assert result.guess == "partial", result.reasons


# --------------------------------------------------------------------------------------------
# A disclosure log's outcome field


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("Decision: Disclosed", "responded"),
        ("Decision: Partially Disclosed", "partial"),
        ("Outcome - Information not held", "not-held"),
        ("Decision: Refused", "refused"),
        ("Refusal Sections 31 and 40", "refused"),
        ("Partial Disclosure", "partial"),
        ("Full Disclosure", "responded"),
        ("Partial disclosure of the report is possible", None),
        ("Date of Decision: 12 May 2023", None),
        ("Decision: we looked at this again", None),
    ],
)
def test_the_outcome_field_of_a_disclosure_log(line: str, kind: str | None) -> None:
    found = log_decision([line])
    assert (found[0] if found else None) == kind


def test_a_log_entry_whose_field_says_disclosed_is_a_response_without_figures() -> None:
    text = ("Request Number: 002214/24\nDate of Decision: 4 June 2024\nSubject Area: Operational\n"
            "Decision: Disclosed\n\nWhy does the force not publish its drone flight logs?\n\n"
            "The flight logs are kept for audit and are not published because they show where officers patrol. "
            "Members of the public can ask about a particular flight through the force's enquiry line.")
    result = classify("", text)
    assert result.kind == "responded", result.reasons
    assert result.sections == []


def test_a_log_entry_filed_as_a_refusal_is_not_read_as_partial_from_its_header_rows() -> None:
    # The header fields (references, dates, N/A) line up like a table of figures.
    text = ("Drones, Border Control\nPUB 2210\n18830\nUse of drones at the coast\nN/A\n"
            "Please list every contract for drones used at the coast, with its value.\n"
            "Refusal Sections 24 and 31\n3 March 2022\n28 March 2022\nN/A\n"
            "The force can neither confirm nor deny that it holds information relevant to this request.")
    result = classify("", text)
    assert result.kind == "refused", result.reasons
    assert result.ncnd is True
    assert set(result.sections) == {"24", "31"}


def test_a_log_field_that_contradicts_the_letter_goes_to_review() -> None:
    text = ("Decision: Disclosed\n\nThe information you asked for is not held by the force.")
    result = classify("", text)
    assert result.kind != "responded"


# --------------------------------------------------------------------------------------------
# Answers laid out question by question, with no "please find" wording


def test_a_release_of_all_the_information_answered_question_by_question_is_a_response() -> None:
    text = ("Dear [redacted]\n\nI write in response to your e-mail of 2 May 2024 about the annual survey of "
            "forces. Your request has been dealt with under the Freedom of Information Act 2000, and we are "
            "releasing all the information within its scope. I have split your request into two questions:\n\n"
            "Q1. Which forces use body-worn cameras\nQ2. Which kinds are in use\n\n"
            "Please see our answers to the questions below:\n\n"
            "Q1. The forces that said they use them are Avonshire, Northfield and Westmoor.\n\n"
            "Q2.\n\nKind Forces naming it\nChest-mounted camera 14\nHelmet camera 3\nNone of these 9")
    result = classify("", text)
    assert result.kind == "responded", result.reasons


def test_a_nil_return_under_the_response_heading_is_a_response() -> None:
    text = ("Request\n\nPlease tell me how many custody suites have opened since 2015, with their addresses.\n\n"
            "Response\n\nPlease find our answers below.\n\n"
            "Please note there have been no custody suites opened by the force since 1 January 2015.")
    result = classify("", text, request_text="Please tell me how many custody suites have opened since 2015, "
                                             "with their addresses.")
    assert result.kind == "responded", result.reasons


def test_no_such_cases_beside_not_held_stays_not_held() -> None:
    text = ("Searches were made with the Professional Standards Department.\n\nI can confirm that the information "
            "you asked for is not held by the force. There have been no such cases.")
    result = classify("", text)
    assert result.kind == "not-held", result.reasons


@pytest.mark.parametrize("sentence", ["There are no records of such incidents.",
                                      "There were no documents found within the scope of your request."])
def test_no_records_found_is_not_a_nil_return(sentence: str) -> None:
    result = classify("", "Please find our answers below.\n\n" + sentence)
    assert result.kind != "responded", result.reasons


# --------------------------------------------------------------------------------------------
# A whole reply that neither confirms nor denies


def test_a_reply_that_only_neither_confirms_nor_denies_is_a_refusal_despite_name_placeholders() -> None:
    # "(Name redacted)" is the published copy hiding a name, not part of the information withheld.
    text = ("Our ref: 5120\n\nDear Ms Ortiz\n\nI refer to your request which we received on 2 March 2015.\n\n"
            "Your request was:\n\n(Name redacted) tells me his sentence is under appeal. Is that so? [redacted] "
            "wants to know why.\n\nWe neither confirm nor deny holding any information about "
            "the named person, under section 40(5) of the Freedom of Information Act 2000. The attached notice "
            "gives our reasons.")
    result = classify("", text)
    assert result.kind == "refused", result.reasons
    assert result.ncnd is True
    assert result.sections == ["40(5)"]


# --------------------------------------------------------------------------------------------
# The request's own words: a section of another Act


@pytest.mark.parametrize(
    "text",
    [
        "please send any e-mails about the use of the Town Police Clauses Act 1847, Section 21, to close roads",
        "how many notices were served under the Anti-social Behaviour, Crime and Policing Act 2014 section 35",
    ],
)
def test_a_section_of_another_act_named_before_it_is_not_a_ground(text: str) -> None:
    assert find_sections(text) == []


def test_a_section_after_the_act_itself_is_still_a_ground() -> None:
    assert find_sections("The Freedom of Information Act 2000, section 40(2) applies to the names.") == ["40(2)"]
    assert find_sections("The Act, section 31(1)(a), is engaged.") == ["31(1)(a)"]


def test_a_restated_request_about_a_road_closure_section_records_no_section() -> None:
    text = ("FOI Ref: 20/01/0042\n\nDear Mr Cole,\n\nI write in response to your request received on 6 January "
            "2020.\n\nRequest 1\n1/Could you please provide any e-mails between the force and the county council "
            "about road closures under the Town Police Clauses Act 1847, Section 21, for 2019.")
    result = classify("", text)
    assert result.kind == "needs-review", result.reasons
    assert result.sections == []


# --------------------------------------------------------------------------------------------
# A holding note on an overdue request


@pytest.mark.parametrize(
    "text",
    [
        "I am sorry to say that this request is still proving difficult to complete. Staff shortages are "
        "also causing further delays. Please accept our apologies for missing the deadline.",
        "I am sorry that I am still unable to provide you with our response to your request. I will write "
        "again as soon as I can.",
    ],
)
def test_a_holding_note_on_an_overdue_request_is_an_extension_with_no_date(text: str) -> None:
    result = classify("RE: Freedom of Information request - Pursuits", text)
    assert result.kind == "extended", result.reasons
    assert result.until is None


def test_an_answer_that_apologises_for_delays_is_not_an_extension() -> None:
    text = ("We apologise that staff shortages caused further delays to this reply.\n\nPlease find below the "
            "figures you asked for.\n\n2022: 41\n2023: 37\n2024: 52")
    result = classify("", text)
    assert result.kind != "extended"


# --------------------------------------------------------------------------------------------
# References


@pytest.mark.parametrize(
    ("text", "ref"),
    [
        # (the second office's code after the slash belongs to the reference: round 11)
        ("Reference: 2023 \u2013 114 / AB1234\nDate of response: 2 May 2023", "2023 \u2013 114 / AB1234"),
        ("Our ref: 2019 - 87", "2019 - 87"),
    ],
)
def test_a_year_a_spaced_dash_and_a_number_is_a_reference(text: str, ref: str) -> None:
    assert find_force_reference(text, "") == ref


def test_a_date_label_with_a_year_is_not_a_reference() -> None:
    assert find_force_reference("Date of request: 2022 - 10 May", "") is None


@pytest.mark.parametrize(
    ("text", "ref"),
    [
        ("FOI Ref: 20/09/1088\nDear Mr Ward,", "20/09/1088"),
        # (two requests answered under one label line: both, round 11)
        ("FOI Ref: 17/04/512 & 16/06/702", "17/04/512 & 16/06/702"),
    ],
)
def test_a_year_month_number_reference_is_not_taken_for_a_date(text: str, ref: str) -> None:
    assert find_force_reference(text, "") == ref


def test_a_real_date_after_ref_is_still_not_a_reference() -> None:
    assert find_force_reference("Ref: 12/03/2019", "") is None


# --------------------------------------------------------------------------------------------
# The same categories in other words


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("Dear Sir\n\nPlease find attached our letter of acknowledgement for your request.\n\nRegards\nJo Bell",
         ["ack.pdf"]),
        ("Dear Ms Khan\n\nPlease find attached acknowledgement.\n\nKind regards\nInformation Governance",
         ["Acknowledgement.pdf"]),
        ("Dear Mr Ross,\n\nThank you for your e-mail of 2 March 2021. Your request is being processed under the "
         "Act and will receive a response within twenty working days.\n\nRegards\nFOI Team", []),
    ],
)
def test_acknowledgements_in_other_words(text: str, names: list[str]) -> None:
    result = classify("RE: Freedom of Information request - Road closures", text, names, [""] * len(names))
    assert result.kind == "acknowledged", result.reasons


def test_a_decision_field_naming_its_section_is_read() -> None:
    assert log_decision(["Decision: Refused (Section 12)"]) == ("refused", "Decision: Refused (Section 12)")
    assert log_decision(["Outcome: 31/03/2022"]) is None


def test_a_section_inside_the_request_quoted_inline_is_not_a_ground() -> None:
    text = ("Dear Mr Hill\n\nYou asked: 'How many requests did you refuse under section 14 last year?'\n\n"
            "Answering this would exceed the cost limit under section 12 of the Act, so we are unable to provide it.")
    result = classify("", text)
    assert result.kind == "refused", result.reasons
    assert result.sections == ["12"]


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Dear Mr Brown\n\nThe force has no record of any such meetings.\n\nYours sincerely\nDisclosure Officer",
         "not-held"),
        ("Dear Mr Brown\n\nWe have now logged your request and a member of the team will respond in due course.\n\n"
         "Regards", "acknowledged"),
        ("Dear Mr Brown\n\nI am sorry but your response is going to be delayed. We expect to be able to respond "
         "within the next two weeks.\n\nRegards", "extended"),
    ],
)
def test_not_held_receipt_and_delay_in_other_words(text: str, kind: str) -> None:
    assert classify("RE: Freedom of Information request - Meetings", text).kind == kind


def test_no_record_of_receiving_the_request_is_not_a_not_held_answer() -> None:
    result = classify("", "We have no record of receiving your request. Please could you send it again?")
    assert result.guess != "not-held"


def test_a_disclosed_field_over_a_letter_that_withholds_a_part_goes_to_review() -> None:
    text = ("Decision: Disclosed\n\nPlease find below the figures.\n\n2021: 14\n2022: 19\n2023: 22\n\n"
            "The names of the officers involved are withheld under section 40(2).")
    result = classify("", text)
    assert result.kind == "needs-review", result.reasons


def test_a_refused_field_over_an_attached_data_file_goes_to_review() -> None:
    text = ("Decision: Refused\n\nPlease find attached the figures we can give. The locations are exempt under "
            "section 31.")
    result = classify("", text, ["figures.xlsx"], ["Year,Count\n2023,14\n"])
    assert result.kind == "needs-review", result.reasons
