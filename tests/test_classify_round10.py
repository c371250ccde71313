"""Round 10 of reading real replies (issue 12): what the letter itself decides when signals
compete - a disjunction about holding, answers numbered under numbered questions, one part not
held beside what is given.

Every message here is our own paraphrase of a pattern seen in real replies (SOURCES.md in
tests/fixtures/mail names the public pages); each meaning is said several ways (synonyms, voice,
order, padding), with negatives that share the words but not the meaning.
"""

from __future__ import annotations

import re

import pytest

from foi.mail.classify import classify
from foi.mail.reading.answers import answers_run, leads_to_answers, request_printed
from foi.mail.reading.decisions import (
    heading_decision,
    held_but,
    part_withheld,
    rest_withheld,
    scope_questions,
    unquoted,
)
from foi.mail.reading.grammar import WITHHELD_JUDGED
from foi.mail.reading.parts import labelled_statements
from foi.mail.reading.segments import read_message
from foi.mail.reading.signals import COST_LIMIT_RE, NOT_HELD_PART_RE, SIGNALS
from foi.mail.reading.weighing import whole_nh_decides

# --------------------------------------------------------------------------------------------
# A. "Whether the force does or does not hold it" is a disjunction, not a statement that nothing is held


def _not_held(sentence: str) -> bool:
    return any(kind == "not-held" and rx.search(sentence) for kind, rx, _ in SIGNALS)


@pytest.mark.parametrize(
    "sentence",
    [
        "Our choice to neither confirm nor deny does not hinge on whether we did or did not hold the files.",
        "Confirming whether the force does or does not hold such material would itself reveal exempt facts.",
        "Whether the department did or did not hold any files at that time is not the question here.",
        "Saying that we do or do not have any records of this kind would harm ongoing operations.",
        "It makes no difference whether the council does or does not possess such data.",
        "To state that we do or do not retain these reports would undermine the exemption.",
    ],
)
def test_do_or_do_not_hold_decides_nothing(sentence: str) -> None:
    assert not _not_held(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "We do not hold the records you describe.",
        "The force does not hold any information of that kind.",
        "Sadly, the council did not hold such files in 2019, or later.",
        "We do not have any records of these payments.",
        "Either way, the department does not possess such data.",
    ],
)
def test_plain_not_held_still_reads(sentence: str) -> None:
    assert _not_held(sentence)


@pytest.mark.parametrize(
    "text",
    [
        "Dear Ms Grey,\nNeither Confirm nor Deny\nThe force will neither confirm nor deny holding any "
        "correspondence with the companies named, by virtue of sections 23(5) and 24(2). That stance is the "
        "same whether the force does or does not hold such letters; what counts is what confirming would reveal.",
        "Our response: we can neither confirm nor deny whether this information is held, as section 31(3) "
        "applies. The choice to give such a response is unaffected by whether the service does or does not "
        "have any records; it concerns the harm that confirming either way would cause.",
    ],
)
def test_ncnd_explained_with_a_disjunction_is_a_refusal(text: str) -> None:
    result = classify("FOI response", text)
    assert result.guess == "refused" and result.ncnd


# --------------------------------------------------------------------------------------------
# B. The request's numbered questions printed, then answers numbered the same way


def test_answers_run_finds_the_second_mirrored_list() -> None:
    n = [("n", 1), ("n", 2), None, ("n", 1), ("n", 2)]
    assert answers_run(n) == 3
    # three questions, three answers, lines between them
    assert answers_run([("n", 1), ("n", 2), ("n", 3), None, None, ("n", 1), None, ("n", 2), ("n", 3)]) == 5
    # answers interleaved with the questions: one run, nothing to skip
    assert answers_run([("n", 1), ("n", 1), ("n", 2), ("n", 2)]) == 0
    # a list of sub-items inside one answer does not mirror the questions
    assert answers_run([("n", 1), ("n", 2), ("n", 3), ("n", 1), ("n", 2)]) == 0
    assert answers_run([None, ("n", 1), None]) == 0
    assert answers_run([]) == 0


@pytest.mark.parametrize(
    "text",
    [
        "Your request:\n1. Does the force use psychics in investigations?\n2. If so, how often since 2015?\n\n"
        "Our response:\n1. No information held - the force does not engage psychics.\n2. Not applicable (see Q1)",
        "You asked:\n1) Whether the trust employs faith healers on its wards.\n2) The cost of any such posts.\n"
        "1) No recorded information is held; no such posts exist.\n2) N/A - see answer 1.",
        "Request\n1 - Has the council hired astrologers?\n2 - What were they paid?\nResponse\n"
        "1 - The council holds no information on this.\n2 - Not applicable, as above.",
        "The questions were:\n1. the number of dowsers engaged by the service\n2. the sums paid to them\n"
        "We reply as follows.\n1. Nothing is held. We have never engaged a dowser.\n2. See the answer to question 1.",
        "1. How many clairvoyants assisted the force in 2020?\n2. Which cases did they work on?\n"
        "Answers\n1. We do not hold any such information.\n2. N/A",
        "Q1 and Q2 as you set them out:\n1. Mediums used by the police\n2. Payments made to mediums\n"
        "Response:\n1. There is no information held: mediums are not used.\n2. Not applicable - see 1.",
    ],
)
def test_every_answer_under_the_questions_not_held_is_not_held(text: str) -> None:
    result = classify("FOI response", text)
    assert result.guess == "not-held"


@pytest.mark.parametrize(
    "text",
    [
        "Your questions:\n1. When was the page about the tracker dog replaced?\n2. Is the dog still working?\n"
        "A colleague in the press office replied as follows.\n1 - We moved to a new website last year and the "
        "old pages no longer exist, so our formal answer to this part is that no information is held.\n"
        "2 - The horse has left the mounted section and was retired in 2020.",
        "1. What date did the council close the depot?\n2. Does the council still own the land?\n"
        "1. We do not hold a record of the closing date.\n2. The council still owns the land and leases it to a "
        "local charity.",
        "You asked:\n1) the name of the contractor that built the bridge\n2) whether the bridge is inspected\n"
        "Our answers:\n1) That information is not held, as the files were destroyed under our retention policy.\n"
        "2) The bridge is inspected every two years by our own engineers.",
    ],
)
def test_one_question_not_held_and_the_others_answered_is_a_response(text: str) -> None:
    result = classify("FOI response", text)
    assert result.guess == "responded"


# --------------------------------------------------------------------------------------------
# C. A table given, and "not held" said of what the table does not cover


@pytest.mark.parametrize(
    "text",
    [
        "Our case system records exemptions only where information was withheld. We do not hold the "
        "information you requested about cases where disclosure was favoured.\n"
        "Exemption | Partial | Refused |\n27(1) | 3 | 5 |\n28 | 1 | 3 |\n30(c) | 3 | 6 |\n35 | 0 | 1 |",
        "The information is not held for the years before 2019. The figures we hold are below.\n"
        "Year | Burglaries | Robberies |\n2019 | 412 | 57 |\n2020 | 388 | 61 |\n2021 | 401 | 49 |\n2022 | 399 | 52 |",
    ],
)
def test_a_table_given_beside_not_held_is_a_response(text: str) -> None:
    result = classify("FOI response", text)
    assert result.guess == "responded"
    assert not any("not held" in r for r in result.reasons if r.startswith("also speaks"))


def test_not_held_with_nothing_shown_still_goes_to_review() -> None:
    text = ("The information you asked for is not held by the council. We hope the following is helpful: "
            "please find attached our answer.")
    result = classify("FOI response", text)
    assert result.kind != "responded"


def test_disjunction_pattern_is_one_clause() -> None:
    # The guard looks at the two words before "do not": "or do not" only.
    assert re.search(r"(?<!\bor\s)\bdo\s+not\s+hold", "we do not hold it")
    assert not re.search(r"(?<!\bor\s)\bdo\s+not\s+hold", "we do or do not hold it")


# --------------------------------------------------------------------------------------------
# D. Released with a named part held back: redactions made, an exemption applied to part


@pytest.mark.parametrize(
    "text",
    [
        "Dear Ms Vane,\nThe documents you asked for are attached; you will see that some redactions have "
        "been made, since the university need not release the personal data of third parties under "
        "section 40(2).",
        "I can confirm that the force does hold the information you asked for. However, an exemption under "
        "section 31(1)(a) has been applied to part of it, which exempts that part from release.",
        "The minutes are enclosed in redacted form. The names of junior staff are exempt under section 40(2).",
        "We attach the contract. Certain commercial details have been redacted under section 43(2), as their "
        "release would harm the supplier.",
        "The reports are provided below with a small number of redactions. Section 38 applies to the home "
        "addresses of staff, which are exempt.",
        "We hold the records requested. Section 40(2) has been applied to some elements of the records, and "
        "those elements are withheld; the remainder is released with this letter.",
    ],
)
def test_released_with_a_named_part_held_back_is_partial(text: str) -> None:
    result = classify("FOI response", text)
    assert (result.kind, result.guess) == ("partial", "partial")


@pytest.mark.parametrize(
    "sentence",
    [
        "Redaction would not be practicable, so the whole report is withheld under section 31.",
        "If redactions were made, what remained would be meaningless.",
        "We considered whether a redacted copy could be provided, but it cannot.",
        "Section 40(2) applies to personal data of third parties.",
        "We are unable to provide a redacted version, as the whole document is exempt.",
    ],
)
def test_redaction_not_done_holds_nothing_back(sentence: str) -> None:
    assert part_withheld([sentence]) == []


@pytest.mark.parametrize(
    "text",
    [
        "Redaction would not be practicable, so the whole report is withheld under section 31(1)(a), which "
        "applies to all of it.",
        "We hold the information, but it is exempt in full under section 40(2) and will not be released.",
    ],
)
def test_withheld_in_full_stays_refused(text: str) -> None:
    assert classify("FOI response", text).guess == "refused"


def test_more_held_back_than_given_is_partial() -> None:
    text = ("The constabulary can confirm it holds further information covered by your request; I am, however, "
            "not obliged to supply it, as section 30(1) applies to that information.")
    assert classify("FOI response", text).guess == "partial"


# --------------------------------------------------------------------------------------------
# E. The request's questions numbered, and the letter's answer under the last of them


@pytest.mark.parametrize(
    "text",
    [
        "1.\nHow many paintings does the council own?\n2.\nWhich of them are on show?\n3.\nWhat are they worth?\n"
        "The council is applying section 14(1) to this request, which it regards as vexatious: it is one of "
        "over 20 identical requests sent on the same day as part of a campaign.",
        "1. How many vans does the force lease?\n2. From which company?\n"
        "This request is refused under section 14(1): it is one of 30 identical requests received this week.",
    ],
)
def test_the_answer_under_the_last_question_answers_them_all(text: str) -> None:
    result = classify("FOI response", text)
    assert result.guess == "refused"


def test_request_printed_needs_every_item_a_question() -> None:
    strip = lambda x: re.sub(r"^\d+\.\s*", "", x)  # noqa: E731
    assert request_printed([["1.", "How many?"], ["2.", "Which ones?", "We refuse it."]], strip)
    # an answer under the first question: answers laid out part by part
    assert not request_printed([["1.", "How many?", "Fourteen."], ["2.", "Which ones?", "Vans."]], strip)
    assert not request_printed([["1. Fourteen."], ["2. Vans."]], strip)
    assert not request_printed([["1.", "How many?"]], strip)


# --------------------------------------------------------------------------------------------
# F. What a letter quotes asks nothing of its own


@pytest.mark.parametrize(
    ("sentence", "kept"),
    [
        ('Part two: if possible, please indicate how much was paid. " The force holds this information.',
         "The force holds this information."),
        ("You asked \u201cwould you accept one year only?\u201d and we answer below.", "and we answer below."),
        ('Your words were "please confirm which posts only" and we have done so.', "and we have done so."),
        ("Would you accept figures for one year only?", "Would you accept figures for one year only?"),
    ],
)
def test_unquoted_drops_what_is_quoted(sentence: str, kept: str) -> None:
    assert unquoted(sentence).strip().endswith(kept)
    if kept != sentence:
        assert "only" not in unquoted(sentence) and "indicate" not in unquoted(sentence)


def test_a_quoted_question_is_not_a_scope_question() -> None:
    said = 'Second part: if possible, please indicate only how much the top informant was paid. " The force holds it.'
    assert scope_questions([said]) == []
    assert scope_questions(["Would you accept an answer for one year only instead?"])


# --------------------------------------------------------------------------------------------
# G. A log's outcome heading naming grounds, printed under the request


def test_an_outcome_heading_under_the_request_counts() -> None:
    lines = ["Drones", "REF 1278", "Drone operations", "2020 to 2021", "I would like the following.",
             "How many drones are owned?", "On how many operations were they used?", "What types of operation?",
             "Were there any complaints?", "Part Disclosure with Section 23(5) and Section 31(3) Exemptions",
             "5 October 2021"]
    assert heading_decision(lines) == ("partial", lines[9])
    # a bare outcome with no grounds, that far down, may be any line
    lines[9] = "Partially disclosed"
    assert heading_decision(lines) is None


# --------------------------------------------------------------------------------------------
# H. Not held, and NCND for anything else on NCND's own grounds


@pytest.mark.parametrize(
    "text",
    [
        "I can confirm that the information you asked for is not held by the force.\nThe force can neither "
        "confirm nor deny that it holds any other information, by virtue of the following exemptions:\n"
        "Section 23(5) Information supplied by, or concerning, certain security bodies\n"
        "Section 24(2) National security",
        "No information is held about the visits you describe. We neither confirm nor deny whether any further "
        "information is held.\nSection 24(2) National Security\nSection 31(3) Law Enforcement",
    ],
)
def test_not_held_with_ncnd_on_its_own_grounds_is_not_held(text: str) -> None:
    result = classify("FOI response", text)
    assert (result.kind, result.ncnd) == ("not-held", True)


def test_a_greeting_by_number_is_no_figure() -> None:
    text = "58317,\n\nOur ref: FOI 83/2023\n\nPlease see the attached correspondence.\n\nThanks"
    result = classify("RE: FOI request", text, attachment_names=["letter.pdf"])
    assert result.kind == "needs-review"


# --------------------------------------------------------------------------------------------
# I. The whole request said not held: one definition (grammar.WHOLE_NOT_HELD)


@pytest.mark.parametrize(
    "sentence",
    [
        "The information you asked for is not held.",
        "Unfortunately, the requested data was not recorded.",
        "We do not hold any information within the scope of this request.",
        "The council does not have the records you asked for.",
        "However, this information that you are seeking is not held.",
        "I can confirm that the force does not hold the information you requested.",
    ],
)
def test_whole_not_held(sentence: str) -> None:
    assert whole_nh_decides([sentence])


@pytest.mark.parametrize(
    "sentence",
    [
        "The information is not held by the Custody Unit, so we asked Crime Services.",
        "Whether the council does or does not hold what you asked for cannot be said.",
        "Information about 2019 is not held.",
        "The information is not held on Niche in a searchable field.",
        "We do not hold such records for question 2.",
    ],
)
def test_not_whole_not_held(sentence: str) -> None:
    assert not whole_nh_decides([sentence])


# --------------------------------------------------------------------------------------------
# J. The authority's judgement that it is to be held back


@pytest.mark.parametrize(
    "sentence",
    [
        "On reflection we consider it ought to be withheld under the exception at regulation 12(5)(b).",
        "I am satisfied that the names of the officers must be withheld.",
        "We have concluded that the report is to be withheld in full.",
        "The council considers that this information should remain exempt under section 43.",
        "The department has decided the briefing must be withheld under section 35.",
        "Having weighed it, I take the view that the figures should be exempt under section 31.",
    ],
)
def test_a_judgement_to_withhold_refuses(sentence: str) -> None:
    assert re.search(WITHHELD_JUDGED, sentence, re.I)


@pytest.mark.parametrize(
    "sentence",
    [
        "We do not believe the information should be withheld.",
        "You may believe that it should be withheld.",
        "If we believed it should be withheld, we would say so.",
        "We considered whether a redacted copy should be sent.",
    ],
)
def test_no_judgement_to_withhold(sentence: str) -> None:
    assert not re.search(WITHHELD_JUDGED, sentence, re.I)


def test_the_information_meets_the_exceptions_terms_confirms_nothing_given() -> None:
    text = ("As the information is environmental, we considered it under the EIR. I can confirm we hold "
            "information of this kind. Having weighed it, we consider it should be withheld under the "
            "exception at regulation 12(4)(d). I can confirm that the material your request covers meets "
            "this description. The public interest favours maintaining the exception.")
    result = classify("FOI response", text)
    assert (result.kind, result.guess) == ("refused", "refused")


# --------------------------------------------------------------------------------------------
# K. "Some of the information is exempt": a part held back in so many words


@pytest.mark.parametrize(
    "text",
    [
        "Here is our reply. Some of the figures you want are already published on our website "
        "and are therefore exempt under section 21.",
        "Parts of the report are withheld under section 31(1)(a), as releasing them would harm investigations.",
        "Certain parts of the minutes have been redacted under section 40(2).",
        "Part of the data you requested is exempt by virtue of section 38, the health and safety exemption.",
        "A small portion of the correspondence is withheld, as section 42 (legal privilege) applies to it.",
        "Elements of the contract are exempt under section 43(2), since they would prejudice commercial interests.",
    ],
)
def test_some_of_it_held_back_is_partial(text: str) -> None:
    result = classify("FOI response", text)
    assert (result.kind, result.guess) == ("partial", "partial")


@pytest.mark.parametrize(
    "text",
    [
        "Some of the information is exempt under section 40(2), and the remainder is exempt under section 31.",
        "Parts of the report are withheld under section 31(1)(a); the rest of the report is also withheld, "
        "under section 30.",
        "Some of the information is exempt under section 24; in fact the report is withheld in its entirety.",
    ],
)
def test_some_and_the_rest_held_back_is_not_partial(text: str) -> None:
    result = classify("FOI response", text)
    assert result.kind != "partial"
    assert rest_withheld([text]) or rest_withheld(text.split("; "))


# --------------------------------------------------------------------------------------------
# L. An answer announced ("I will answer each question in turn") is not an acknowledgement


@pytest.mark.parametrize(
    "sentence",
    [
        "I will answer all of your questions in the order you put them.",
        "We shall take each of your points in turn.",
        "I have answered each of your questions below.",
        "We will now address each of the questions as follows.",
        "Please find the Northshire Police response set out below.",
        "Please see the Borough Council answers below.",
    ],
)
def test_an_answer_announced(sentence: str) -> None:
    assert leads_to_answers([sentence])


@pytest.mark.parametrize(
    "sentence",
    [
        "We will answer all questions once the data has been checked.",
        "We will reply to you within 20 working days.",
        "Please find below a link to our complaints procedure.",
    ],
)
def test_no_answer_announced(sentence: str) -> None:
    assert not leads_to_answers([sentence])


def test_thanks_then_answers_announced_and_given_is_a_response() -> None:
    text = ("Dear Mr Reid\nThank you for your e-mail received 3 March 2011 about assaults on staff.\n"
            "I will respond to each question in the order it was put;\n(1) the number of assaults recorded\n"
            "Serious assault = 4\nMinor assault = 212\n(2) the number of fixed penalties\n"
            "The force does not issue fixed penalties for such offences.")
    result = classify("Your request", text)
    assert result.guess == "responded"
    assert result.kind != "acknowledged"


# --------------------------------------------------------------------------------------------
# M. An answer in words under the questions' numbers, NCND for anything further


@pytest.mark.parametrize(
    "text",
    [
        "Decision\nQ1 & 2.\nThe force has not tested or deployed body scanners at any public event.\n"
        "Please note that the force can neither confirm nor deny that any further information is held, under "
        "section 24(2) and section 31(3).",
        "Q1. The constabulary does not use drones for covert work.\nThe constabulary neither confirms nor denies "
        "whether it holds any other information about covert tactics; section 31(3) applies.",
        "Response\nQ3: Officers were not deployed to the event in plain clothes.\nWe can neither confirm nor deny "
        "whether any additional records exist, as sections 23(5) and 24(2) apply.",
    ],
)
def test_an_answer_in_words_and_ncnd_for_the_rest_is_partial(text: str) -> None:
    result = classify("FOI response", text)
    assert (result.kind, result.guess, result.ncnd) == ("partial", "partial", True)


def test_ncnd_alone_stays_a_refusal() -> None:
    text = ("The force can neither confirm nor deny that it holds any information about the operation, as "
            "sections 23(5) and 24(2) apply.")
    result = classify("FOI response", text)
    assert result.guess == "refused"


@pytest.mark.parametrize(
    "sentences",
    [
        ["Q1.", "Is the system in use?"],
        ["Q2. Section 31 applies to this question."],
        ["Q3.", "No information is held."],
    ],
)
def test_not_a_labelled_statement(sentences: list[str]) -> None:
    assert labelled_statements(sentences) == []


# --------------------------------------------------------------------------------------------
# N. Holding confirmed, then qualified: the answer goes to review, not out as a full response


@pytest.mark.parametrize(
    "sentence",
    [
        "I can confirm that the force does hold the information requested, however the information for 2019 is "
        "exempt.",
        "The council does hold this data, but some of it cannot be released.",
        "We hold the information you asked for; however, part of it is exempt.",
        "The trust holds some records of this kind, although not for every year.",
    ],
)
def test_held_but_qualified(sentence: str) -> None:
    assert held_but([sentence])


@pytest.mark.parametrize(
    "sentence",
    [
        "I can confirm the force holds the information you asked for, and it is set out below.",
        "We do not hold it, however we can suggest another body.",
        "The force holds the information and it is set out below.",
    ],
)
def test_held_and_not_qualified(sentence: str) -> None:
    assert not held_but([sentence])


def test_held_but_qualified_keeps_a_table_from_going_out_as_a_response() -> None:
    text = ("Response 1:\nI can confirm that the force does hold the information requested, as follows:\n"
            "2019 - 0\n2020 - 2\n2021 - 3\n2022 - 12\n"
            "Response 2:\nI can confirm that the force does hold the information requested, however the information")
    result = classify("FOI response", text)
    assert result.kind != "responded"


@pytest.mark.parametrize(
    "text",
    [
        "Response 1: the force does hold this information.\n2021 | 4 |\n2022 | 7 |\n2023 | 5 |\n"
        "Response 2: the force does hold this information; however we are exempting part of it, as releasing it "
        "could identify victims.",
        "We hold the figures and they are below.\n2020 | 11 |\n2021 | 9 |\n2022 | 14 |\n"
        "I have withheld some of the figures where fewer than five people are counted.",
        "The report is attached. The council has redacted certain parts of the report that name junior staff.",
    ],
)
def test_a_part_held_back_in_the_active_voice_is_partial(text: str) -> None:
    result = classify("FOI response", text)
    assert (result.kind, result.guess) == ("partial", "partial")


def test_considering_whether_to_withhold_some_holds_nothing_back() -> None:
    assert part_withheld(["We are considering whether we would be withholding some of the data."]) == []


# --------------------------------------------------------------------------------------------
# O. Not all is not none; the cost limit said as "the amount we are required to spend"


@pytest.mark.parametrize(
    "sentence",
    [
        "The spreadsheet does not capture all information about exemptions and outcomes.",
        "We do not hold all the information you asked for in one place.",
        "The force does not record all incidents of this kind in the same field.",
        "The council does not have all of the figures for 2019 to hand.",
    ],
)
def test_not_all_is_not_none(sentence: str) -> None:
    assert not _not_held(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "Such work would exceed the amount to which we are legally required to respond.",
        "This goes beyond the amount which the force is obliged to spend on a request.",
        "Answering it would take us over the amount to which we are required to comply.",
        "Locating it is above the amount which we are legally required to respond to.",
        "That exceeds the amount which the council is required to spend.",
        "Reviewing every file would be more than the amount to which the constabulary is obliged to respond.",
    ],
)
def test_the_cost_limit_said_as_an_amount(sentence: str) -> None:
    assert COST_LIMIT_RE.search(sentence)


def test_an_amount_of_money_is_not_the_cost_limit() -> None:
    assert not COST_LIMIT_RE.search("The amount which we are required to pay the supplier is set out below.")


# --------------------------------------------------------------------------------------------
# P. A count of nought after a search is an answer; nought records found is not a count


@pytest.mark.parametrize(
    "text",
    [
        "Please read these figures with care, as they come from several systems.\nOur systems were "
        "checked and 0 offences were recorded against herons in those years.",
        "We searched the crime system for the period and 0 crimes were recorded involving drones.",
        "Having searched our databases, 0 people were arrested for that offence in 2022.",
    ],
)
def test_a_nil_count_after_a_search_is_an_answer(text: str) -> None:
    assert read_message(text).answers >= 1


@pytest.mark.parametrize(
    "text",
    [
        "We searched our systems and 0 records were found.",
        "A search of the e-mail archive was made and 0 documents were located.",
        "We would need to review 3,000 files, of which 40 were created before 2010.",
    ],
)
def test_nought_records_found_is_no_count(text: str) -> None:
    assert read_message(text).answers == 0


# --------------------------------------------------------------------------------------------
# Q. Not held for some months, places or years of the request: one part


@pytest.mark.parametrize(
    "sentence",
    [
        "Some of these weeks are no longer held, as the records were destroyed.",
        "The information is not held for the earlier years you ask about.",
        "The force does not hold figures for those divisions, which merged in 2015.",
        "Sadly we do not hold the data prior to the first period covered by the new system.",
        "Data is not held during the older periods you list.",
        "The council no longer holds the returns for the remaining wards.",
    ],
)
def test_not_held_for_a_period_or_place_is_a_part(sentence: str) -> None:
    assert NOT_HELD_PART_RE.search(sentence)


def test_not_held_for_a_period_beside_information_given_is_a_response_for_review() -> None:
    text = ("Please find below the number of special constables on duty in each division.\nA division: 41\n"
            "B division: 37\nWe no longer hold this information for the earlier months you ask about.")
    result = classify("FOI response", text)
    assert result.guess == "responded"


# --------------------------------------------------------------------------------------------
# R. What the law allows any authority is not more time taken here


@pytest.mark.parametrize(
    "text",
    [
        "Authorities must answer within 20 working days. However, a further 20 working days can legitimately "
        "be taken where an authority is still weighing the public interest.\nYour questions and our "
        "answers are set out below.\n1. How many requests were answered on time?\n412\n2. How many late?\n37",
        "The deadline may lawfully be extended where an authority needs to consider the public interest. That "
        "was not needed here. Please find our answers below.\n1. Requests received in 2021: 1,204\n"
        "2. Requests refused in full: 88",
    ],
)
def test_the_laws_allowance_is_not_an_extension(text: str) -> None:
    result = classify("FOI response", text)
    assert result.guess == "responded"
    assert not any("more time" in r for r in result.reasons)


def test_more_time_taken_here_is_still_an_extension() -> None:
    text = ("We need more time to consider the public interest in disclosing this information, as section 31 may "
            "apply. We will now respond by 14 May 2024.")
    result = classify("FOI response", text)
    assert result.guess == "extended"


@pytest.mark.parametrize(
    "line",
    [
        "2020/21 - £2,416k (£915k on overtime)",
        "2019/20 - £2,302k",
        "2021: £2.4 million",
        "2020 – 1,204 (provisional)",
        "2019-20 | £37,287.52",
    ],
)
def test_a_year_and_its_sum_is_an_answer(line: str) -> None:
    assert read_message("Our figures are:\n" + line + "\n").answers >= 1


def test_a_year_and_a_date_is_no_answer() -> None:
    assert read_message("Period covered:\n2019 - 31 March\n").answers == 0
