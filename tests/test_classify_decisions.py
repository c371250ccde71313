"""Round 6 of reading real replies (issue 12): the decision kinds by what a letter does, not by
the words it happens to use. A cost letter that asks whether we would take less and waits on our
answer is a clarification; a promise of a reply well past 20 working days from the stated receipt
is an extension; an estimate of more than 18 hours is the cost limit with no section printed; a
plain "not held" stays not held beside advice to ask another body.

Every message here is written in our own words; tests/fixtures/mail/SOURCES.md names the public
pages where each pattern was seen.
"""

from __future__ import annotations

from datetime import date

import pytest

from foi.mail.classify import classify
from foi.mail.reading.decisions import COST_ESTIMATE_RE, late_promise, scope_questions, waits_on_us

HEADERS = {"Date": "Mon, 10 Mar 2025 10:00:00 +0000"}

# --------------------------------------------------------------------------------------------
# A cost letter that asks whether we would accept less, and waits: clarification, no sections


@pytest.mark.parametrize(
    "text",
    [
        "Thank you for your email. Answering every part would exceed the appropriate limit. We could, however, "
        "answer parts 1 and 2 within the limit. Please confirm whether you are agreeable to this, and we will then "
        "continue with your request.",
        "Your request as worded would mean a manual search of some 4,000 files, which we estimate would cost more "
        "than \u00a3450. Would it be acceptable to you if we limited the search to the last twelve months? We will "
        "wait to hear from you before going any further.",
        "The work needed to locate everything you asked for would take far longer than 18 hours, so the request "
        "cannot be answered as it stands. If you would be happy to receive an answer to question 3 only, please "
        "reply to this email and we will deal with it on that basis. Your request is on hold until we hear from you.",
        "Locating all of this would exceed the cost limit set by section 12. Do you want us to provide the "
        "information for questions 1 and 2, which can be done within the limit? Please let us know how you would "
        "like to proceed.",
    ],
)
def test_a_cost_letter_that_asks_us_to_accept_less_is_a_clarification(text: str) -> None:
    result = classify("FOI 1234/25", text, headers=HEADERS)
    assert (result.kind, result.sections) == ("clarification", [])


def test_a_cost_refusal_with_advice_to_narrow_and_ask_again_stays_a_refusal() -> None:
    """Advice under s.16 to send a narrower request is not a question the letter waits on."""
    result = classify("FOI 1234/25", "Your request has been considered and I am not obliged to provide the "
                      "information under section 12(1), as locating and extracting it would exceed the appropriate "
                      "limit. Under section 16 you may wish to consider narrowing your request, for example to a "
                      "shorter period, and submitting it again.", headers=HEADERS)
    assert (result.kind, result.sections) == ("refused", ["12(1)"])


def test_scope_questions_and_waiting_are_told_apart_from_courtesies() -> None:
    assert scope_questions(["Would you accept figures for one year only?"])
    assert not scope_questions(["Please let us know if you require anything further."])
    assert waits_on_us(["Your request is on hold until we hear from you."])
    assert not waits_on_us(["We hope this information is useful."])


# --------------------------------------------------------------------------------------------
# Extensions by what they promise


@pytest.mark.parametrize(
    ("text", "until"),
    [
        ("Your request was received on 10 February 2025. Unfortunately we have not been able to finish gathering "
         "the information. The new date by which you can expect our response is 7 April 2025.", date(2025, 4, 7)),
        ("Thank you for your request, which we received on 12 February 2025. I am sorry but we will need until "
         "9 April 2025 to give you a full response, as the information is held in several departments.",
         date(2025, 4, 9)),
        ("Your request, received on 10 February 2025, is being dealt with under the Freedom of Information Act. We "
         "consider that the information may be exempt under sections 31 and 40, and we need to weigh the public "
         "interest. We will let you have our decision by 8 April 2025.", date(2025, 4, 8)),
        ("Please accept our apologies: your response is overdue. We are finalising it and will send it to you by "
         "21 March 2025.", date(2025, 3, 21)),
    ],
)
def test_an_extension_is_read_by_what_it_promises(text: str, until: date) -> None:
    result = classify("FOI 1234/25", text, headers=HEADERS)
    assert (result.kind, result.until, result.sections) == ("extended", until, [])


def test_an_acknowledgement_promising_the_statutory_date_is_not_an_extension() -> None:
    result = classify("FOI 1234/25", "Thank you for your request, received on 10 March 2025. It has been logged "
                      "with reference 1234/25 and we will respond by 7 April 2025.", headers=HEADERS)
    assert (result.kind, result.until, result.received) == ("acknowledged", None, date(2025, 3, 10))


def test_a_promise_is_late_only_well_past_twenty_working_days() -> None:
    assert not late_promise(date(2025, 4, 7), date(2025, 3, 10))  # 28 days: the statutory date
    assert late_promise(date(2025, 4, 7), date(2025, 2, 10))
    assert not late_promise(date(2025, 4, 7), None)


# --------------------------------------------------------------------------------------------
# Refusals that name no section number


@pytest.mark.parametrize(
    ("text", "sections"),
    [
        ("Searching the records would take an estimated 75 hours. This is more than the law requires us to spend "
         "on a request, so we cannot answer it.", ["12"]),
        ("Every one of the 12,000 search records would have to be read by hand, which comes to around 600 hours "
         "of work. We are therefore unable to answer your request.", ["12"]),
        ("The information you ask for is already published on our website, and so is reasonably accessible to you "
         "by other means. We are therefore not providing it in this reply.", ["21"]),
        ("We have decided that your request is vexatious, and we will not be dealing with it.", ["14"]),
    ],
)
def test_a_refusal_in_words_without_a_section_number(text: str, sections: list[str]) -> None:
    result = classify("FOI 1234/25", text, headers=HEADERS)
    assert (result.kind, result.sections) == ("refused", sections)


@pytest.mark.parametrize(
    ("sentence", "cost"),
    [
        ("It would take about 10 hours to do.", False),
        ("The estimated cost of the scheme was \u00a312,000.", False),
        ("Officers work 40 hours a week.", False),
        ("It would cost the force more than \u00a31,200 to comply.", True),
        ("Reading them all would take 250 hours.", True),
    ],
)
def test_a_cost_estimate_is_the_cost_limit_only_above_eighteen_hours(sentence: str, cost: bool) -> None:
    assert bool(COST_ESTIMATE_RE.search(sentence)) is cost


# --------------------------------------------------------------------------------------------
# Not held, for the whole request


@pytest.mark.parametrize(
    "text",
    [
        "We have searched our records and no information matching your request has been found. If you have any "
        "other questions, please contact us.",
        "Having searched, the information you have requested is not held by this force. You may wish to contact "
        "the Home Office, which may hold some of the information you are looking for.",
    ],
)
def test_not_held_for_the_whole_request(text: str) -> None:
    result = classify("FOI 1234/25", text, headers=HEADERS)
    assert (result.kind, result.sections) == ("not-held", [])


# --------------------------------------------------------------------------------------------
# Refusals that must not be read as answers or extensions


def test_no_need_to_weigh_the_public_interest_is_not_more_time() -> None:
    result = classify("FOI 1234/25", "The information you have asked for is the personal data of a third party. I "
                      "have decided that section 40(2) of the Act exempts it. As section 40(2) is "
                      "absolute, the public interest does not have to be weighed. This letter serves "
                      "as a refusal notice under section 17 of the Act.", headers=HEADERS)
    assert (result.kind, result.sections) == ("refused", ["40(2)"])


def test_a_count_found_by_searches_in_a_cost_letter_is_the_size_of_the_search() -> None:
    result = classify("FOI 1234/25", "Searches of our systems found that there were 3,812 incidents recorded under "
                      "that category in the period. To establish which of these involved a weapon, each log would "
                      "need to be read, which comes to over 300 hours. Section 12(1) therefore applies and we are not "
                      "obliged to comply with your request.", headers=HEADERS)
    assert (result.kind, result.sections) == ("refused", ["12(1)"])


def test_the_public_interest_argument_for_release_is_not_information_given() -> None:
    result = classify("FOI 1234/25", "Having considered your request, I have decided to withhold the information "
                      "under sections 31(1)(a) and 38(1)(a) of the Act, as release would put officers at risk. In "
                      "reaching this decision I considered that the provision of the information would increase "
                      "public understanding of policing, but the public interest in withholding it is greater.",
                      headers=HEADERS)
    assert (result.kind, result.sections) == ("refused", ["31(1)(a)", "38(1)(a)"])


def test_a_refusal_stays_a_refusal_when_one_department_holds_nothing() -> None:
    """Nothing is given; one department does not hold it and searching the rest would cost too much."""
    result = classify("FOI 1234/25", "Your request has been considered and I am not obliged to supply the "
                      "information you have requested. The Operations Department does not keep these figures "
                      "in its planning unit. To obtain them from the other departments would mean reading every "
                      "deployment record by hand, which would exceed the 18 hour cost limit.", headers=HEADERS)
    assert (result.kind, result.sections) == ("refused", ["12"])


# --------------------------------------------------------------------------------------------
# More ways of taking more time, asking, and closing a review


@pytest.mark.parametrize(
    ("text", "until"),
    [
        ("I am sorry that we have not yet been able to provide a response to your request, which is now overdue. "
         "The information is being gathered from several departments and we expect to be able to reply by 24 March "
         "2025.", date(2025, 3, 24)),
        ("Apologies for the delay. Your response is with the legal team for sign-off and will be with you by 14th "
         "March.", date(2025, 3, 14)),
    ],
)
def test_a_late_letter_promising_a_date_is_an_extension(text: str, until: date) -> None:
    result = classify("FOI 1234/25", text, headers=HEADERS)
    assert (result.kind, result.until) == ("extended", until)


def test_a_request_for_the_applicants_name_is_a_clarification() -> None:
    result = classify("FOI 1234/25", "Before we can deal with your request we need you to provide your real name, as "
                      "a request must state the name of the applicant. Please reply with your full name.",
                      headers=HEADERS)
    assert result.kind == "clarification"


def test_a_review_whose_original_decision_stands_is_upheld() -> None:
    result = classify("Internal review outcome", "Having carried out an internal review, I am satisfied that the "
                      "cost estimate was reasonable and that section 12 applies. The original decision therefore "
                      "stands.", headers=HEADERS)
    assert (result.kind, result.review_outcome, result.sections) == ("review-upheld", "upheld", ["12"])


def test_a_review_setting_an_exemption_aside_records_no_section() -> None:
    result = classify("Internal Review - FOI 1234/25", "Following your request for an internal review, I have "
                      "reconsidered the force's response. I have concluded that section 43 was not engaged, and the "
                      "information should have been released. Please find the contract values attached.",
                      ["contract.xlsx"], [""], HEADERS)
    assert (result.kind, result.sections) == ("review-overturned", [])


def test_small_counts_replaced_under_an_exemption_make_an_answer_partial() -> None:
    result = classify("FOI 1234/25", "Please find attached the information you requested. Where the number of cases "
                      "is fewer than five, the figure has been replaced with '*' to protect the identity of "
                      "individuals, under section 40(2).", ["table.xlsx"], [""], HEADERS)
    assert (result.guess, result.sections) == ("partial", ["40(2)"])


def test_a_count_explaining_a_cost_refusal_gives_nothing() -> None:
    """'The force recorded 45,000 incidents' measures the search in a letter refusing on cost alone."""
    result = classify("FOI 1234/25", "Your request has been considered and I am not obliged to supply the "
                      "information. In 2023 there were 45,210 calls to the control room. None of them is flagged by "
                      "the caller's age, so each call record would have to be opened and read, which would exceed the "
                      "18 hour cost limit.", headers=HEADERS)
    assert (result.kind, result.sections) == ("refused", ["12"])


def test_a_figure_answering_its_own_question_beside_a_cost_refusal_is_partial() -> None:
    result = classify("FOI 1234/25", "1. How many officers were dismissed in 2024?\nThere were 14 officers dismissed "
                      "in 2024.\n2. For each, what was the reason?\nTo answer this we would need to read each "
                      "misconduct file by hand, which would take more than 18 hours. Section 12 applies to this part "
                      "of your request.", headers=HEADERS)
    assert (result.kind, result.sections) == ("partial", ["12"])


@pytest.mark.parametrize(
    "text",
    [
        "The force does not hold any information on the ethnicity of the people stopped, as this is not recorded in "
        "the part of the system used for these stops. No part of your request can therefore be answered.",
        "No information falling within your request has been found. For your information, where the force does hold "
        "records of this kind they are usually published in redacted form on our website.",
    ],
)
def test_not_held_beside_words_about_parts_of_a_system_or_usual_practice(text: str) -> None:
    result = classify("FOI 1234/25", text, headers=HEADERS)
    assert result.kind == "not-held"


def test_a_letter_that_needs_more_time_is_not_hypothetical_for_naming_what_may_apply() -> None:
    """'Some of them may be exempt, and the force needs more time': the time is taken now."""
    result = classify("FOI 1234/25", "Some of the reports may be exempt under section 31, and the force needs more "
                      "time to weigh the public interest. We will respond to you no later than 7 April 2025.",
                      headers=HEADERS)
    assert (result.kind, result.until, result.sections) == ("extended", date(2025, 4, 7), [])


def test_a_question_in_so_many_words_beside_refusing_words_is_a_clarification() -> None:
    """The lead's pattern: s.12(1) cited, then "would you accept an answer to part only?"."""
    result = classify("FOI 1234/25", "The cost of locating and extracting all of the information would exceed the "
                      "appropriate limit, and under section 12(1) the force is not obliged to comply with it as it "
                      "stands. However, we could provide the figures for the most recent year within the limit. "
                      "Would you be willing to accept an answer covering 2024 only?", headers=HEADERS)
    assert (result.kind, result.sections) == ("clarification", [])


def test_an_offer_to_narrow_under_a_refusal_notice_goes_to_review_as_a_refusal() -> None:
    result = classify("FOI 1234/25", "Your request is refused under section 12(1), as the cost of compliance exceeds "
                      "the appropriate limit. If you would like to narrow your request to a shorter period, please let "
                      "us know.", headers=HEADERS)
    assert (result.kind, result.guess) == ("needs-review", "refused")


def test_not_held_under_a_notice_that_withholds_for_another_reason_goes_to_review() -> None:
    """The notice-only reading needs every refusing word to be the notice's own."""
    result = classify("FOI 1234/25", "The list you asked for is not held by the force. The other material you "
                      "mention is sensitive and we have decided to withhold it, as release would harm ongoing "
                      "operations. This "
                      "letter is a refusal notice.", headers=HEADERS)
    assert result.kind == "needs-review"


def test_an_enclosure_beside_ncnd_for_any_other_information_is_partial_unread() -> None:
    """'I enclose a copy ...; we neither confirm nor deny holding any other information': partial,
    whatever the unreadable enclosure holds."""
    result = classify("FOI 1234/25", "Thank you for your request, which reached us on 2 March. I enclose a copy of "
                      "the duty log entry for that evening. We can neither confirm nor deny whether we hold any other "
                      "information relating to your request, by virtue of sections 30(3) and 40(5). This letter is our "
                      "refusal notice for anything further that you asked for.", ["scan.pdf"], [], HEADERS)
    assert (result.kind, result.sections, result.ncnd) == ("partial", ["30(3)", "40(5)"], True)


# --------------------------------------------------------------------------------------------
# Internal review outcomes in more words


@pytest.mark.parametrize(
    ("text", "kind", "sections"),
    [
        ("I have now carried out an internal review. I have decided that the original response should be varied: "
         "the figures for question 2 can be disclosed and are set out below. Question 2: 34.", "review-overturned", []),
        ("You requested an internal review of our reply of 4 February, in which we told you that the information "
         "was exempt under section 30(1) and refused your request. I have reviewed that decision. I am content that "
         "the exemption was applied correctly and the refusal is maintained.", "review-upheld", ["30(1)"]),
        ("The internal review has now concluded. The reviewing officer found that section 43(2) had been applied "
         "incorrectly. The original decision is overturned and the full contract is attached.", "review-overturned",
         []),
    ],
)
def test_review_outcomes_in_other_words(text: str, kind: str, sections: list[str]) -> None:
    result = classify("Internal Review - FOI 1234/25", text, headers=HEADERS)
    assert (result.kind, result.sections) == (kind, sections)


# --------------------------------------------------------------------------------------------
# Sections listed as bare numbers under an "Exemptions" heading


def test_bare_numbers_listed_as_exemptions_are_sections() -> None:
    from foi.mail.reading.sections import find_sections

    assert find_sections("Exemptions applied: 23(5), 24(2) and 40(5).") == ["23(5)", "24(2)", "40(5)"]
    assert find_sections("Exemption - 40(2)") == ["40(2)"]
    assert find_sections("No exemptions: 2023 figures are attached.") == []
    assert find_sections("Exemptions applied: none. There were 45 cases.") == []


# --------------------------------------------------------------------------------------------
# Partial: a detail withheld, a copy attached


def test_a_detail_withheld_under_an_attached_answer_is_partial() -> None:
    result = classify("FOI 1234/25", "Please see attached. The names of officers have been withheld under section "
                      "40(2).", ["response.pdf"], [], HEADERS)
    assert (result.kind, result.sections) == ("partial", ["40(2)"])


def test_the_whole_information_withheld_is_not_a_detail() -> None:
    result = classify("FOI 1234/25", "The information you requested has been withheld under section 31(1)(a).",
                      headers=HEADERS)
    assert (result.kind, result.sections) == ("refused", ["31(1)(a)"])


def test_a_copy_attached_answers_its_question_beside_a_refused_one() -> None:
    result = classify("FOI 1234/25", "Question 1: The force does have a policy on the use of spit guards, and a copy "
                      "is attached.\nQuestion 2: The names of the officers involved are exempt under section 40(2).",
                      ["policy.pdf"], [], HEADERS)
    assert (result.kind, result.sections) == ("partial", ["40(2)"])


@pytest.mark.parametrize(
    "text",
    [
        "Unfortunately we are unable to respond within 20 working days. We anticipate responding no later than April "
        "4th 2025.",
        "We need more time to consider the public interest, and the response is now due on 04.04.2025.",
        "We write to advise that we will need further time, until 4 April 2025, to respond to your request.",
        "The extended response date is 04-04-2025.",
    ],
)
def test_the_new_date_is_read_in_its_many_forms(text: str) -> None:
    result = classify("FOI 1234/25", text, headers=HEADERS)
    assert (result.kind, result.until) == ("extended", date(2025, 4, 4))


# --------------------------------------------------------------------------------------------
# Clarifications in more words; answers that open with their figure


@pytest.mark.parametrize(
    "text",
    [
        "In order to locate the information you have asked for, please provide the date and approximate location "
        "of the incident.",
        "Could you please narrow down the timeframe of your request, as 'all records ever held' would cover several "
        "decades?",
    ],
)
def test_a_question_about_what_to_search_is_a_clarification(text: str) -> None:
    assert classify("FOI 1234/25", text, headers=HEADERS).kind == "clarification"


def test_an_answer_opening_with_there_were_is_an_answer() -> None:
    result = classify("FOI 1234/25", "There were 14 complaints in 2023 and 19 in 2024. If you need the figures broken "
                      "down by type, please submit a new request.", headers=HEADERS)
    assert result.guess == "responded"


def test_a_count_given_above_the_refusal_of_another_detail_is_partial() -> None:
    """Moved from test_classify_wording (round 6): the count is now read as given, and "Where they
    happened is exempt" names what is withheld (no condition), so the reading is partial."""
    result = classify("FOI 9/25", "There were 14 thefts recorded in 2023 and 11 in 2024. Where they happened is "
                      "exempt under section 31(1)(a) and is withheld.", headers=HEADERS)
    assert (result.guess, result.sections) == ("partial", ["31(1)(a)"])


@pytest.mark.parametrize(
    ("text", "sections"),
    [
        ("Disclosure would be likely to prejudice the prevention or detection of crime, so we will not release this "
         "information.", []),
        ("Having considered your request, this information is exempt from disclosure and we are withholding it.", []),
        ("We cannot share this information, as it is the personal data of the officer concerned.", []),
        ("Answering your request would require more than two and a half days of staff time, which is more than the "
         "law requires of us, so we are unable to comply.", ["12"]),
    ],
)
def test_a_plain_refusal_naming_no_section(text: str, sections: list[str]) -> None:
    result = classify("FOI 1234/25", text, headers=HEADERS)
    assert (result.kind, result.sections) == ("refused", sections)


def test_an_exemption_said_not_to_be_applied_refuses_nothing() -> None:
    result = classify("FOI 1234/25", "Following searches, no recorded information has been found. Information of "
                      "this kind, where held, would normally be exempt under section 31, but as none is held no "
                      "exemption has been applied.", headers=HEADERS)
    assert (result.kind, result.sections) == ("not-held", [])


@pytest.mark.parametrize(
    "text",
    [
        "We consider that the information is exempt by virtue of section 31(1)(a). As this is a qualified exemption, "
        "we need further time to consider the public interest, and will respond by 7 April 2025.",
        "The force is relying on section 30 in respect of part of your request, but has not yet come to a decision on "
        "the public interest. We will write to you again by 7 April 2025.",
    ],
)
def test_an_exemption_said_to_apply_while_the_public_interest_is_weighed_is_an_extension(text: str) -> None:
    result = classify("FOI 1234/25", text, headers=HEADERS)
    assert (result.kind, result.until, result.sections) == ("extended", date(2025, 4, 7), [])
