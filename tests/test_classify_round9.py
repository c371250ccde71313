"""Round 9 of reading real replies (issue 12): acknowledgements, review outcomes and references
said in words no template had.

Every message here is our own paraphrase of a pattern seen in real replies (SOURCES.md in
tests/fixtures/mail names the public pages); each meaning is said several ways (synonyms, voice,
order, padding), with negatives that share the words but not the meaning.
"""

from __future__ import annotations

from datetime import date

import pytest

from foi.mail.classify import classify
from foi.mail.reading.outcomes import answers_review, conclusion
from foi.mail.reading.receipts import acknowledgement, without_topic
from foi.mail.reading.references import find_force_reference
from foi.mail.reading.sections import find_sections

# --------------------------------------------------------------------------------------------
# A. Acknowledgements: thanks for the request + its receipt + a reply to come


@pytest.mark.parametrize(
    ("text", "received"),
    [
        ("Dear Mr Okoro,\nThank you for your request relating to internal reviews and refusals of licence "
         "applications, received on 03/04/2023. The due date for issuing a response is 02/05/2023.\nYours "
         "sincerely,\nAnne Lister", date(2023, 4, 3)),
        ("Dear Sir,\nThank you for your communication of 4 March 2022, which has been passed to the council's "
         "information governance team. It has been given the reference shown above, and the team will see that "
         "you get a reply.", None),
        ("Dear Ms Price,\nThank you for your request about exemptions and section 40, which we logged on 12 May "
         "2021. We aim to respond by 10 June 2021.\nRegards", date(2021, 5, 12)),
        ("Many thanks for your recent e-mail concerning refused applications. It has been registered and given "
         "the reference 55120. A reply should reach you within 20 working days.", None),
        # (the date a letter bears is not its receipt: no date moves)
        ("Dear Dr Shah,\nWe acknowledge receipt of your letter dated 2 February 2024 regarding withheld reports, "
         "which has been forwarded to the records office. A reply will be sent by 1 March 2024.\nYours sincerely,"
         "\nPeter Quince", None),
        ("A response will be provided by 30 June 2022. Your request was received on 31 May 2022 and has been "
         "assigned a case number. Thank you for your enquiry on the subject of refusal notices.",
         date(2022, 5, 31)),
    ],
)
def test_thanks_receipt_and_a_reply_to_come_is_an_acknowledgement(text: str, received: date | None) -> None:
    result = classify("Your request", text, headers={"Date": "Mon, 8 Jul 2024 10:00:00 +0100"})
    assert (result.kind, result.received, result.until) == ("acknowledged", received, None)
    # the topic they restate supplies no section and no review
    assert result.sections == [] and result.review_outcome is None


@pytest.mark.parametrize(
    "text",
    [
        # thanks and receipt, then the answer: a response, not an acknowledgement
        "Thank you for your request received on 3 May 2023. Please find the figures below.\n"
        "2021: 14\n2022: 19\n2023: 22",
        # more time: the due date stated is a new one
        "Thank you for your request received on 3 May 2023. Unfortunately we need more time to consider the "
        "public interest and will now respond by 14 June 2023.",
        # passed to another body that will answer itself
        "Thank you for your e-mail, which has been passed to the fire authority, a separate public authority "
        "that will reply to you directly.",
    ],
)
def test_what_is_not_an_acknowledgement_though_it_thanks(text: str) -> None:
    assert classify("Your request", text).guess != "acknowledged"


def test_the_restated_topic_is_left_out_of_the_reading() -> None:
    said = "Thank you for your request about internal reviews and refusals, received on 3 May."
    assert without_topic(said) == "Thank you for your request about ..., received on 3 May."
    # a subject that is the authority's statement keeps its words
    held = "The information in relation to lost property is not held."
    assert without_topic(held) == held
    assert without_topic("We confirm that your request reached us on 2 April 2024.").endswith("2 April 2024.")


def test_an_acknowledgement_needs_all_three_meanings() -> None:
    assert acknowledgement(["Thank you for your request.", "It was received on 3 May."]) == []
    assert acknowledgement(["Thank you for your request, received on 3 May.", "We will reply by 1 June."])


# --------------------------------------------------------------------------------------------
# B. Review outcome letters: the reviewer's conclusion on the original response


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Thank you for requesting an internal review of our reply. I remain satisfied that the council "
         "applied the section 43 exemption correctly, and the report stays withheld.", "review-upheld"),
        ("You asked me to look again at how we dealt with your request. Having done so, my conclusion is "
         "that the first reply we sent you was correct.", "review-upheld"),
        ("This letter answers your request for an internal review. Having examined the file, I am satisfied "
         "that the earlier decision was right and should stand.", "review-upheld"),
        ("Your request for an internal review has now been considered. I find that section 12 was properly "
         "relied on in our first reply, and I do not propose to change it.", "review-upheld"),
        ("Thank you for asking for an internal review. My finding is that the previous response was wrong "
         "to rely on section 31, and the information is now released and attached.", "review-overturned"),
        ("I have reviewed the decision you complained about. I have reached the conclusion that withholding "
         "the whole report was not correct. Some of the information should now be released, and it is enclosed "
         "with names redacted.", "review-overturned"),
    ],
)
def test_a_reviewers_conclusion_on_the_original_response_is_the_outcome(text: str, kind: str) -> None:
    result = classify("Your request", text)
    assert result.kind == kind


@pytest.mark.parametrize(
    "text",
    [
        # rights paragraph under an answer
        "The figures are set out below.\n2022: 4\n2023: 7\nIf this reply leaves you unhappy, you can request "
        "an internal review, and I would conclude such a review within 20 working days.",
        # an acknowledgement of our review request
        "Thank you for your internal review request, which we received on 4 May 2023. We will respond "
        "by 2 June 2023.",
        # a first reply that is satisfied an exemption applies
        "I am satisfied that section 40(2) applies to the names of the officers, and they are withheld.",
    ],
)
def test_what_is_not_a_review_outcome(text: str) -> None:
    assert not classify("Your request", text).guess.startswith("review-")


def test_the_conclusion_grammar_parts() -> None:
    assert conclusion(["My conclusion is that the first reply was correct."])[0] == "upheld"
    assert conclusion(["We have concluded that the earlier decision was not correct."])[0] == "overturned"
    assert conclusion(["I consider the exemption was correctly applied.", "Some of the data will now be "
                       "released."])[0] == "partly upheld"
    assert conclusion(["If you wish, you may ask for a review of the decision."]) == (None, [])
    assert answers_review(["You asked us to reconsider our response of 3 May."])
    assert not answers_review(["We will complete an internal review of the processing of this request."])
    assert not answers_review(["If you are dissatisfied you can request an internal review."])


# --------------------------------------------------------------------------------------------
# F. References in round 9's shapes


@pytest.mark.parametrize(
    ("subject", "text", "expected"),
    [
        ("Your request ABCD 40123", "", "ABCD 40123"),
        ("", "Thank you for your request (FOIA ref508817).", "508817"),
        ("FI27214 - your request", "", "FI27214"),
        ("", "Please quote F29046 in any further correspondence.", "F29046"),
        ("", "ab/13.05.15/Smith\n\nDear Mr Jones,", "ab/13.05.15/Smith"),
        ("", "My ref: cd/01.02.19/Patel", "cd/01.02.19/Patel"),
        ("RE: FOI 2021 377 - response", "", "2021 377"),
    ],
)
def test_reference_shapes_round9(subject: str, text: str, expected: str) -> None:
    assert find_force_reference(text, subject) == expected


@pytest.mark.parametrize(
    "text",
    ["Take the A1234 north", "Your reference FOI-CAUTIONS-0007, my request of 3 May",
     "the Freedom of Information Act 2000 40 requests"],
)
def test_no_reference_in_road_numbers_or_ours(text: str) -> None:
    assert find_force_reference(text) is None


# --------------------------------------------------------------------------------------------
# D. The EIR: exceptions cited by regulation keep their regulation numbers


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Your request has been handled under the Environmental Information Regulations 2004. Answering it "
         "would take well over 40 hours, so it is manifestly unreasonable under regulation 12(4)(b).", ["12(4)(b)"]),
        ("Your request is refused as manifestly unreasonable (Regulation 12(4)(b)) because of the cost.",
         ["12(4)(b)"]),
        ("The council is applying the exception at reg. 12(4)(b) of the EIR; locating the records would be too "
         "great a burden. Section 39 of the FOI Act exempts environmental information, so the request has been "
         "handled under the EIR.", ["12(4)(b)"]),
        ("The cost of compliance makes this request manifestly unreasonable, and we refuse it under the EIR.",
         ["12(4)(b)"]),
        ("Some of the information is withheld under regulations 12(5)(f) and 13.", ["12(5)(f)", "13"]),
        ("Names are withheld under regulation 13 of the EIR (personal data); the rest is enclosed.", ["13"]),
        ("The copies fall under the exceptions in section 12(5)(f), and in section 13, of the EIR, "
         "so they are withheld.", ["12(5)(f)", "13"]),
    ],
)
def test_eir_exceptions_are_read_as_regulation_numbers(text: str, expected: list[str]) -> None:
    assert find_sections(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the FOIA's own sections are read as before
        ("We rely on section 12 of the Act, since answering would go over the cost limit.", ["12"]),
        ("Names are withheld under section 40(2).", ["40(2)"]),
        # a regulation of another instrument, or a count of hours, is no EIR ground
        ("We hold 12 records and 13 reports for the period.", []),
    ],
)
def test_foia_sections_are_not_taken_for_regulations(text: str, expected: list[str]) -> None:
    assert find_sections(text) == expected


# --------------------------------------------------------------------------------------------
# C. Disclosure-log entries whose headings carry the decision


@pytest.mark.parametrize(
    ("text", "kind", "sections"),
    [
        ("Section 21 \u2013 Information already reasonably accessible\nWhat you asked for is already published "
         "on our website, so you can reach it by other means. Please follow the link below.", "refused", ["21"]),
        ("S.40(2): personal information\nThe names you asked for are personal data of staff, and releasing them "
         "would breach the data protection principles.", "refused", ["40(2)"]),
        ("Section 31 - Law enforcement\nReleasing the locations of the cameras would help offenders avoid them, "
         "and the public interest favours withholding them.", "refused", ["31"]),
        ("In 2022 the council recorded 41 incidents and in 2023 it recorded 37.\nSection 43 - Commercial "
         "interests\nThe contract values would harm the position of the council and its suppliers if released, "
         "and the public interest lies in keeping them back.", "partial", ["43"]),
        ("Section 21 \u2013 information reasonably accessible by other means\nParking charges are set out in our "
         "publication scheme, at the link given.\nFines by year\n2017-18 \u00a313,000.50\n2018-19 \u00a319,380.00\n"
         "2019-20 \u00a37,300.25", "partial", ["21"]),
        ("Clarification sought on 14/03/2023: the categories named in the request are not ones we record "
         "incidents under, so we cannot tell which records are wanted.", "clarification", []),
        ("Request for clarification sent 2 May 2022 - the request asks for all incidents but does not say "
         "over what period.", "clarification", []),
    ],
)
def test_a_log_heading_is_the_decision(text: str, kind: str, sections: list[str]) -> None:
    result = classify("Log entry 4410", text)
    assert (result.kind, result.sections) == (kind, sections)


@pytest.mark.parametrize(
    "text",
    [
        # a statute described, not a heading
        "Section 1 of the Freedom of Information Act 2000 places two duties on public authorities. We hold the "
        "information and it is attached.",
        # a clarification that came back is history
        "Clarification received on 3 May 2022. The figures are below.\n2021: 4\n2022: 9\n2023: 11",
    ],
)
def test_what_is_not_a_log_heading(text: str) -> None:
    assert classify("Log entry 4410", text).guess not in ("refused", "clarification")


# --------------------------------------------------------------------------------------------
# E. Answers in plain words


@pytest.mark.parametrize(
    "text",
    [
        "Dear Ms Jones,\nIn response to your request I would inform you that the trust does not charge staff for "
        "parking at the main site, and patients pay the rates shown on the signs.\nYours sincerely\nAnn Smith",
        "Dear Ms Jones,\nI can tell you that the force uses two drones, which are kept at headquarters and flown "
        "by trained officers.\nRegards",
        "Dear Mr Smith,\nWe would like to explain that the wardens work from the town hall and patrol on foot "
        "in the town centre.\nRegards",
        "Dear Mr Smith,\nOur searches turned up nothing on the closure of the depot. We did, though, come "
        "across a briefing note from 2019 which discusses the proposal, and a copy is attached.\nRegards",
        "Dear Mr Smith,\nNothing was found about the closure itself, but we have identified two reports on the "
        "depot's future, which are enclosed.\nRegards",
    ],
)
def test_a_plain_answer_is_read_as_a_response(text: str) -> None:
    result = classify("Your request", text)
    assert result.guess == "responded" and result.kind in ("responded", "needs-review")


def test_a_review_promised_over_numbered_answers_is_the_response() -> None:
    text = ("Dear Mr Smith,\nWe will complete an internal review of the processing of this request, as it was "
            "answered late. In the meantime, please find a response to your questions below.\n1. The council "
            "employs 14 wardens.\n2. The wardens work from the town hall.\n3. Yes, the contract was renewed in "
            "2021.\nRegards")
    assert classify("Your request", text).kind == "responded"


@pytest.mark.parametrize(
    "text",
    [
        "We can tell you that what you asked for falls under section 31, and is withheld.",
        "I would inform you that your request has reached us and a reply will follow within 20 working days.",
        "We looked for the report but could not find it, and no information is held.",
    ],
)
def test_what_is_told_but_is_no_answer(text: str) -> None:
    assert classify("Your request", text).guess != "responded"


@pytest.mark.parametrize(
    "opening",
    [
        "I write to acknowledge the request for information you sent us.",
        "We would like to acknowledge your request for information.",
        "This e-mail acknowledges that your request for information has arrived.",
    ],
)
def test_a_log_printing_the_request_and_then_its_acknowledgement(opening: str) -> None:
    """The request's numbered questions above the acknowledgement are not answers."""
    text = ("Request details\n1. How many fly-tipping incidents were recorded each year from 2019 to 2023?\n"
            "2. What did clearing them cost in each year?\n\nCouncil response\n"
            f"{opening}\nYour request is being handled and you should receive the information within the "
            "statutory 20 working days. Any exemption we rely on will be explained then.")
    assert classify("Freedom of Information request", text).kind == "acknowledged"


def test_the_request_told_back_after_requesting_gives_no_ground() -> None:
    text = ("Dear Mr Ashe\nThank you for your email of 6 May 2016, which reached the council on 9 May 2016, "
            "requesting, under the Act, a list of requests logged since 2013; how many were answered in full, in "
            "part or not at all; and whether section 41 was relied on.\nThe council holds the "
            "information. However, finding and extracting it would exceed the appropriate limit of 18 hours, so "
            "section 12 means we are not obliged to comply with your request.")
    result = classify("Your request", text)
    assert (result.kind, result.sections, result.received) == ("refused", ["12"], date(2016, 5, 9))
    assert without_topic("Thank you for your e-mail, requesting a list of refusals under section 14.") == (
        "Thank you for your e-mail, requesting ....")


def test_dates_and_hours_are_no_figures_beside_a_heading() -> None:
    text = ("Thank you for your email received 14 March 2022, asking about the cameras.\n"
            "Section 31(1)(a) \u2013 Law enforcement\nReleasing the camera sites would help offenders to avoid "
            "them, and the public interest favours withholding them.")
    assert classify("Your request", text).kind == "refused"


@pytest.mark.parametrize(
    "lead",
    [
        "In the meantime, please find a response to your questions below.",
        "Please see our answers to each of your points as follows.",
        "Our responses to your questions are set out below.",
        "Please find the information set out below.",
    ],
)
def test_answers_announced_above_numbered_parts_are_the_response(lead: str) -> None:
    text = (f"Dear Mr Smith,\nWe will complete an internal review of how this request was handled. {lead}\n"
            "1. The council employs 14 wardens in the town centre.\n2. The wardens work from the town hall.\nRegards")
    assert classify("Your request", text).kind == "responded"


def test_an_announced_refusal_is_no_answer() -> None:
    text = ("Dear Mr Smith,\nPlease find our response below.\nThe information is exempt under section 31(1)(a), "
            "as its release would prejudice the prevention of crime, and it is withheld.")
    assert classify("Your request", text).guess == "refused"
