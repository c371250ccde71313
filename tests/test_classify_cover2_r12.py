"""Round 12 of reading real replies (issue 12): when a reading is decided automatically.

Each message is written in our own words and reproduces the shape of a pattern seen in real
replies from several authorities (tests/fixtures/mail/SOURCES.md names the public pages). The
structural doubts (foi.mail.reading.doubt) send a reading to review when what it rests on is not the
authority's own decision: the request's own questions read as answers, "not held" said under one
question of several, a question put read as the decision, a refusal that says it withholds only
some of the information. The other direction: a letter saying the information itself is attached
is decided even when the attachment cannot be read.
"""

from __future__ import annotations

import pytest

from foi.mail.classify import classify
from foi.mail.reading.doubt import (
    asked,
    hands_over_information,
    only_asked,
    other_questions_answered,
    parts_only_asked,
)

# --------------------------------------------------------------------------------------------
# The requester's voice: a small grammar of asking


@pytest.mark.parametrize("sentence", [
    "How many officers were assaulted on duty in 2021?",
    "How many vehicles were written off between 1 April 2019 and 31 March 2022",  # line lost its "?"
    "Please supply the total spent on agency staff in each of the last five years.",
    "Could you tell me which stations closed since 2015.",
    "Can the force confirm whether drones were used at the event.",
    "I would like to know the number of complaints received about noise.",
    "Please note, I am requesting every debrief form, not a summary.",
    "This is a request for information under the Freedom of Information Act 2000.",
    "2. Which contractors clean the town centre",
    "Q3: Whether any fixed penalty notices were issued for littering",
    "Will the commissioner be setting aside funds for road safety next year?",
    "Kindly provide a breakdown by ward.",
])
def test_requests_and_questions_are_the_requesters_voice(sentence: str) -> None:
    assert asked(sentence)


@pytest.mark.parametrize("sentence", [
    "There were 54 complaints in 2019 and 25 in 2020.",
    "The council employs 12 officers who may issue fixed penalty notices.",
    "Please find attached the figures you asked for.",
    "Please see the response below.",
    "However, we are withholding some of the information under section 40(2).",
    "Please let us know if you need anything further.",  # a courtesy, not a question put
    "However, the force holds 14 such records.",  # "however" is no question word
])
def test_answers_and_courtesies_are_not_the_requesters_voice(sentence: str) -> None:
    assert not asked(sentence)


def test_a_statement_opening_with_a_question_word_counts_as_asked() -> None:
    # A known limit of the grammar: read as asked, it can only send a reading to review, never
    # decide one, so the error is on the side of precision.
    assert asked("Whether held or not, the records would be exempt.")


def test_a_line_broken_question_is_joined_before_it_is_read() -> None:
    new = ["1.", "From the £300,000 road fund the commissioner", "announced in May, how much is left?",
           "2.", "How many schemes were funded?", "Your request is refused."]
    # The figure is in the question as printed (joined across the broken line): nothing answered.
    assert parts_only_asked(new, ["1."], ["1.", "2."])


# --------------------------------------------------------------------------------------------
# The request printed question by question is not an answer


def test_questions_printed_with_figures_only_in_them_are_not_answered() -> None:
    new = ["Q1.", "How many stop and search encounters were recorded between 1 January 2015 and 31 December 2024?",
           "Please give the total and the figure for each year of the 10-year period.",
           "Q2.", "How many of those led to an arrest in the same period?"]
    assert parts_only_asked(new, ["Q1.", "Q2."], ["Q1.", "Q2."])


def test_questions_with_answers_under_them_are_answered() -> None:
    new = ["Q1.", "How many stop and search encounters were recorded in 2023?", "There were 4,120 encounters.",
           "Q2.", "Do you publish the figures?", "Yes, quarterly on our website."]
    assert not parts_only_asked(new, ["Q1.", "Q2."], ["Q1.", "Q2."])


def test_a_part_printed_twice_cannot_be_told_apart_and_is_not_doubted() -> None:
    new = ["Q1.", "How many stations closed?", "Q2.", "Which were sold?", "Our answers follow.",
           "Q1.", "Seven stations closed.", "Q2.", "Four were sold."]
    assert not parts_only_asked(new, ["Q1."], ["Q1.", "Q2."])


_REQUEST_PRINTED_THEN_CUT = (
    "Our reference: 512/24\n"
    "Thank you for your request; I am sorry it has taken us so long to reply.\n"
    "Your request and our reply are set out below.\n"
    "Please provide the following information about vehicle pursuits:\n"
    "Q1.\n"
    "How many pursuits ended in a collision between 1 January 2016 and 31 December 2023?\n"
    "Please give both the total for the 8-year period and the figure for each year.\n"
    "Q2.\n"
    "How many people were injured in pursuits between 1 January 2016 and 31 December 2023?\n"
    "Please give both the total for the 8-year period and the figure for each year.\n"
    "Q3.\n"
    "Please provide every debrief form completed after a pursuit in the same period, by which I mean th"
)


@pytest.mark.parametrize("announce", [
    "Your request and our reply are set out below.",
    "Below you will find your request, followed by our response.",
    "Set out below is your request together with our answers.",
    "Please find our response to each question below.",
])
def test_a_letter_cut_inside_the_printed_request_goes_to_review(announce: str) -> None:
    text = _REQUEST_PRINTED_THEN_CUT.replace("Your request and our reply are set out below.", announce)
    result = classify("FOI 512/24 Vehicle pursuits", text)
    assert result.kind == "needs-review"


def test_an_answer_announced_below_and_given_is_decided() -> None:
    text = ("Our reference: 513/24\nThank you for your request. Our response is set out below.\n"
            "Q1.\nHow many pursuits ended in a collision in 2023?\n"
            "There were 37 pursuits that ended in a collision in 2023.\n"
            "Q2.\nHow many people were injured?\nNine people were injured, 2 of them seriously.\n")
    result = classify("FOI 513/24 Vehicle pursuits", text)
    assert (result.kind, result.guess) == ("responded", "responded")


_REQUEST_PRINTED_THEN_REFUSED = (
    "Reference: 2023/118\n"
    "Could you disclose the following:\n"
    "1.\n"
    "Does the commissioner agree that loud exhausts frighten livestock?\n"
    "2.\n"
    "Over the last 6 months, how much has the office spent on rural road safety?\n"
    "3.\n"
    "Of the £150,000 rural crime fund the commissioner\n"
    "promised before the election, how much has been spent and on what?\n"
    "Our response to your request follows.\n"
    "Your request under the Freedom of Information Act is refused.\n"
    "We have taken into account your repeated correspondence on this subject, which we have already answered,\n"
    "and that much of what you ask is for the commissioner's personal views."
)


def test_a_request_printed_in_parts_then_refused_whole_is_not_a_partial_answer() -> None:
    result = classify("Reply to your request", _REQUEST_PRINTED_THEN_REFUSED)
    assert result.kind != "partial"
    if result.kind == "needs-review":
        assert result.guess == "refused"


def test_a_letter_answering_each_printed_question_is_still_decided() -> None:
    text = ("Reference: 2023/119\n"
            "1.\n"
            "How many rural crime officers does the force employ?\n"
            "The force employs 14 rural crime officers.\n"
            "2.\n"
            "How much was spent on rural road safety in 2022/23?\n"
            "£42,500 was spent on rural road safety schemes in that year.\n"
            "3.\n"
            "Does the force run a farm watch scheme?\n"
            "Yes, in all three districts.\n")
    result = classify("FOI 2023/119", text)
    assert (result.kind, result.guess) == ("responded", "responded")


# --------------------------------------------------------------------------------------------
# "Not held" under one question while another is answered


def test_not_held_under_one_question_beside_answers_is_doubted() -> None:
    new = ["How many noise complaints did you receive in 2021?",
           "This information is not held, as noise reports are logged with other nuisance reports.",
           "How many abatement notices were served?", "None",
           "Do you loan noise recording kits?", "No",
           "How many officers investigate noise?", "The team has 6 officers."]
    assert other_questions_answered(new, [new[1]])


def test_not_held_under_every_question_is_not_doubted() -> None:
    new = ["How many noise complaints did you receive in 2021?", "This information is not held.",
           "How many abatement notices were served?", "We do not hold this information."]
    assert not other_questions_answered(new, [new[1], new[3]])


def test_a_single_question_not_held_is_not_doubted() -> None:
    new = ["How many noise complaints did you receive in 2021?", "This information is not held by the council."]
    assert not other_questions_answered(new, [new[1]])


def test_a_reply_answering_questions_with_one_not_held_goes_to_review() -> None:
    text = ("Under the Freedom of Information Act 2000 I would like to request the following about noise.\n"
            "My questions are:\n"
            "1.\n"
            "How many noise complaints did the council receive in 2019, 2020 and 2021?\n"
            "This data is not held, because noise reports are logged together with other nuisance reports.\n"
            "The council has no separate category for noise.\n"
            "2.\n"
            "How many abatement notices did the council serve in those years?\n"
            "None\n"
            "3.\n"
            "Do you lend noise recording kits to residents?\n"
            "No\n"
            "4.\n"
            "How many officers investigate noise complaints?\n"
            "The council has 6 officers who investigate noise complaints.\n")
    result = classify("Noise complaints", text)
    # (One part not held, the others answered: an answer, decided or not, never "not held".)
    assert result.kind in ("responded", "needs-review")
    assert result.guess == "responded"


# --------------------------------------------------------------------------------------------
# A question put is not the decision


def test_only_asked_needs_every_deciding_sentence_to_be_asked() -> None:
    assert only_asked(["Can you explain why 'stating that no information is held' would harm an inquiry?"])
    assert not only_asked(["Can you explain the delay?", "The information is not held."])
    assert not only_asked([])


def test_a_follow_up_quoting_our_question_about_not_held_is_not_a_not_held_reply() -> None:
    text = ("Our Ref: FOI 812 & 840/16\n"
            "Dear Sir or Madam,\n"
            "I write about your request dated 3 March and your further email of 14 March, in which you asked:\n"
            "Thank you for the reply.\n"
            "Can you explain why \"confirming or denying (by citing an exemption or stating no information held) "
            "would harm law enforcement\"?\n"
            "How many officers work in the unit today?\n"
            "What was the unit's budget in 2015?\n"
            "We must treat every request without regard to who is asking or why. "
            "Anything released in reply to a request is published to the world.\n")
    result = classify("FREEDOM OF INFORMATION REQUEST 812 & 840/16", text)
    assert result.kind != "not-held"


# --------------------------------------------------------------------------------------------
# A refusal that says it withholds only some of the information


@pytest.mark.parametrize("sentence", [
    "We confirm that the force holds the information; however, we are withholding some of the requested "
    "information because the cost of finding it would exceed the limit under section 12(1).",
    "The trust holds what you asked for, but some of the information is exempt under section 40(2) and is "
    "withheld.",
    "We hold the information, although part of it is withheld under section 31(1)(a) of the Act.",
])
def test_a_refusal_withholding_only_some_goes_to_review_as_partial(sentence: str) -> None:
    text = ("Section 17 of the Act requires us, when we refuse information, to say so and to name the exemption. "
            + sentence)
    result = classify("FOI 264/2024 Staff data", text)
    assert result.kind != "refused"
    if any("only some" in r for r in result.reasons):
        assert (result.kind, result.guess) == ("needs-review", "partial")


def test_a_whole_refusal_stays_decided() -> None:
    text = ("We have considered your request. To locate and extract the information would exceed the appropriate "
            "limit of 18 hours, so we are not obliged to comply with it under section 12(1). Your request is "
            "therefore refused.")
    result = classify("FOI 88/24", text)
    assert (result.kind, result.guess) == ("refused", "refused")


# --------------------------------------------------------------------------------------------
# The other direction: the information itself is attached


@pytest.mark.parametrize("sentence", [
    "I am able to disclose the information we located to you as attached.",
    "Please find attached a spreadsheet giving the figures for each year.",
    "Please see attached spreadsheet listing every visit the commissioner made in 2016.",
    "Having made enquiries within the force, we have attached a document.",
    "The information you asked for is attached.",
    "Attached is the data for 2020 and 2021.",
    "We enclose a copy of the policy.",
])
def test_information_handed_over_as_attached(sentence: str) -> None:
    assert hands_over_information([sentence])


@pytest.mark.parametrize("sentence", [
    "Please see attached response to your Freedom of Information request.",
    "Please find attached our response letter.",
    "Please find attached a letter explaining our decision.",
    "The attached document sets out our decision.",
    "If you would like the data attached as a spreadsheet, let us know.",
    "Could you send us the document attached to your first email?",
])
def test_a_letter_or_a_condition_attached_is_not_information_handed_over(sentence: str) -> None:
    assert not hands_over_information([sentence])


def test_information_said_attached_is_decided_though_the_attachment_is_unread() -> None:
    text = ("Thank you for your request for information. I am able to disclose the information we located "
            "to you as attached.\nYours sincerely\nDisclosure Officer")
    result = classify("FOI 1200/19", text, ["Response.pdf"], [""])
    assert (result.kind, result.guess) == ("responded", "responded")


def test_a_response_said_attached_stays_in_review_when_the_attachment_is_unread() -> None:
    text = ("Thank you for your request for information. Please see attached response to your Freedom of "
            "Information request.\nYours sincerely\nDisclosure Officer")
    result = classify("FOI 1201/19", text, ["Response.pdf"], [""])
    assert (result.kind, result.guess) == ("needs-review", "responded")


@pytest.mark.parametrize(("sentence", "some"), [
    ("We hold the information, although part of it is withheld under section 31(1)(a) of the Act.", True),
    ("We are withholding some of the data under section 40(2).", True),
    ("Certain parts of the report have been redacted under section 31.", True),
    ("Some of it will be withheld under section 40.", True),
    ("I also understand that you may withhold some information you cannot disclose.", False),  # the requester's
    ("We may need to withhold some of the data.", False),
    ("If part of it were withheld, we would tell you.", False),
    ("Some of the information would be exempt under section 31.", False),
    ("The information is withheld in full under section 31.", False),
    ("Some records are held by another force.", False),
])
def test_only_some_withheld_grammar(sentence: str, some: bool) -> None:
    from foi.mail.reading.doubt import withholds_only_some

    assert bool(withholds_only_some([sentence])) is some


def test_the_rest_withheld_too_is_not_only_some() -> None:
    from foi.mail.reading.doubt import withholds_only_some

    assert not withholds_only_some(["Part of the report is withheld under section 40.",
                                    "The remainder of the information is also exempt under section 31."])


def test_a_table_announced_below_is_given() -> None:
    text = ("Thank you for your request.\nPlease see the table below for the depots closed since 2018.\n"
            "Depot   Closed   Status\nNorthgate   2019   Sold\nRiverside   2021   Let\n")
    result = classify("FOI 77/23", text)
    assert not any("never comes" in r for r in result.reasons)


def test_this_part_of_the_request_exempt_is_not_some_of_the_information() -> None:
    from foi.mail.reading.doubt import withholds_only_some

    assert not withholds_only_some(["Question 2: This part is exempt under section 31(1)(a) and is withheld."])
    assert withholds_only_some(["We have redacted some names under section 40(2)."])


@pytest.mark.parametrize("answer", ["Q2 response: No.", "Q2 reply - Yes, in every district.", "Q2 answer: None.",
                                    "Q2 response: 57"])
def test_an_answer_headed_by_its_number_and_an_answer_word_is_given(answer: str) -> None:
    new = ["Q1 response: Not held.", answer]
    assert not parts_only_asked(new, [answer], ["Q1 response: Not held.", answer])
