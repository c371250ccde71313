"""Round 12 of reading mixed and unmarked answers (issue 12): what the letter decides of the whole
request, and what inside a numbered part is the question rather than its answer.

Every message here is our own paraphrase of a pattern seen in real replies from several
authorities (SOURCES.md in tests/fixtures/mail names the public pages); each meaning is said
several ways (synonyms, voice, order, padding), with negatives that share the words but not the
meaning.
"""

from __future__ import annotations

import pytest

from foi.mail.classify import classify
from foi.mail.reading.answers import told
from foi.mail.reading.decisions import ground_on_whole_request, held_in_part, lead_to_a_refusal
from foi.mail.reading.logs import clarification_exchanges, clarification_logged
from foi.mail.reading.parts import read_parts
from foi.mail.reading.sentences import split_sentences

# --------------------------------------------------------------------------------------------
# A. A ground applied to the request itself, as done, is a refusal stated


@pytest.mark.parametrize(
    "sentence",
    [
        "Having read your request, we consider that Exemption 21 (information reasonably accessible) is engaged "
        "in relation to this request.",
        "Section 12(1) applies to your request, as finding the figures would take well over 18 hours.",
        "However, I consider that the following exemptions apply to your request:",
        "We are applying section 40(2) to the whole of your request.",
        "Your request is refused under section 14(1) of the Act.",
        "The exemption at section 30 has been relied upon in respect of your application.",
        "I am relying on section 31 for this request, for the reasons below.",
        "Section 24 is therefore engaged with regard to your FOI request.",
    ],
)
def test_a_ground_applied_to_the_request_itself(sentence: str) -> None:
    assert ground_on_whole_request([sentence]) == [sentence]


@pytest.mark.parametrize(
    "sentence",
    [
        # to a part or to "the information", which may be only some of it
        "A section 31 exemption has been applied to the requested information, exempting its release.",
        "Section 40 has been applied to the names in your request.",
        "Section 40 has been applied to your request for names of officers.",
        # said as a possibility, or of another case
        "If section 21 applies to your request, we will say so in our reply.",
        "Section 12 would apply to your request if it covered every station.",
        "We will consider whether any exemption applies to this request.",
        # the Act explained, no ground applied
        "Section 1 of the Act gives two duties to every public authority.",
    ],
)
def test_no_ground_applied_to_the_whole_request(sentence: str) -> None:
    assert ground_on_whole_request([sentence]) == []


@pytest.mark.parametrize(
    "text",
    [
        "Reference: 77-24\nThank you for your request about fatal road collisions.\nWe have looked at your request "
        "and consider that Exemption 21 (information accessible by other means) is engaged in relation to this "
        "request. The figures are on the force website under Road Safety.",
        "Our ref 5120\nWe have considered your request. Section 21 applies to your request, as the table you "
        "want is already published in our annual report, which you can find online.",
        "FOI 88/23\nI write about your request for the list of cases.\nWe are applying section 14(1) to your "
        "request, which we regard as the latest of many on the same subject.",
    ],
)
def test_a_letter_applying_a_ground_to_the_request_is_refused(text: str) -> None:
    result = classify("FOI response", text)
    assert result.kind == "refused"


# --------------------------------------------------------------------------------------------
# B. A cost letter that says it withholds only some: partly withheld is the guess, and it is asked


@pytest.mark.parametrize(
    "text",
    [
        "FOI Reference: 412/2024\nI can confirm that the force does hold the information you have requested. "
        "However we are withholding some of the requested information, since we consider that section 12(1), "
        "the cost of compliance, applies.",
        "Our ref 90/24\nThe force holds this information. Part of the information is withheld, because finding "
        "it all would exceed the appropriate limit under section 12.",
    ],
)
def test_a_cost_letter_withholding_some_is_asked_with_partial_as_the_guess(text: str) -> None:
    result = classify("FOI response", text)
    assert result.kind == "needs-review" and result.guess == "partial"


def test_a_cost_letter_withholding_all_stays_refused() -> None:
    text = ("Our ref 91/24\nThe force holds this information. However, because the cost of complying with your "
            "request would exceed the appropriate limit, we will not be taking your request further (section 12).")
    assert classify("FOI response", text).guess == "refused"


# --------------------------------------------------------------------------------------------
# C. The size of the search, told "by way of illustration", is no answer


@pytest.mark.parametrize(
    "sentence",
    [
        "As an illustration of how long a manual review would take, we can advise that 180,000 new records "
        "were created in our crime system last year.",
        "To show the scale of the search needed, I can tell you that the force logged 52,000 incidents in 2022.",
        "By way of illustration of the time it would take, we can inform you that each file runs to 40 pages.",
        "To give you an idea of the volume involved, I would advise you that 9,000 cases were opened.",
        "On the cost of reading every file, I can advise that there are 3,100 files in the archive.",
        "To explain how many hours this would need, we can tell you that 700 boxes are stored off site.",
    ],
)
def test_told_to_measure_the_work_is_no_answer(sentence: str) -> None:
    assert told([sentence]) == []


@pytest.mark.parametrize(
    "sentence",
    [
        "I can advise that the trust does not charge its staff for parking at any site.",
        "We can tell you that 14 officers were trained in the use of the device last year.",
        "In answer to your question, I can inform you that the wardens work from the town hall.",
    ],
)
def test_told_as_an_answer_still_counts(sentence: str) -> None:
    assert told([sentence]) == [sentence]


# --------------------------------------------------------------------------------------------
# D. A letterhead's telephone, fax and DX lines are no rows of figures


@pytest.mark.parametrize(
    "head",
    [
        "Regional Support Unit\nT 0203 334 2915\nF 0870 324 0126\nDX 152380 Westminster 8\n",
        "Information Office\nTel: 01234 567 890\nFax: 01234 567 891\nPost Point 4.02, 9th Floor\n",
        "Disclosure Team\nTelephone 0161 856 2111\nDirect line 0161 856 2112\nPO Box 22, Leeds LS1 2AB\n",
    ],
)
def test_a_letterhead_does_not_make_a_cost_refusal_doubtful(head: str) -> None:
    text = (head + "\nOur Reference: FOI/5120\n\nDear Requester\n\nI confirm that we hold the information you asked "
            "for. However, because the cost of complying with your request would exceed the limit set by the Act, "
            "on this occasion I will not be taking your request further. To go through 16 months of diaries day "
            "by day would take an estimated 30 hours, which is over the limit. We are therefore unable to provide "
            "the information you have requested.")
    result = classify("FOI response", text)
    assert result.kind == "refused" and "rows of figures" not in " ".join(result.reasons)


# --------------------------------------------------------------------------------------------
# E. An item number on its own line starts its own sentence


@pytest.mark.parametrize("label", ["2.", "2)", "b)", "Q2"])
def test_an_item_number_alone_on_its_line_is_not_glued_to_the_line_above(label: str) -> None:
    text = "The council has no reporting channel for this, as it is part of general litter reports\n" + label + \
        "\nHow many fines were issued?"
    sentences = split_sentences(text)
    assert sentences[0].endswith("litter reports")
    assert sentences[1] == label


@pytest.mark.parametrize(
    "text",
    [
        "My questions are as follows:\n1. How many complaints about fly-tipping did you get in 2021, 2022 and "
        "2023 (a figure for each year, please)?\nThis is not held, because our contractors clear waste as they "
        "find it and the council has no separate reporting channel for it, as it is part of general litter "
        "reports\n2. How many fines have you issued for fly-tipping in the same years?\nNone\n3. Do you offer "
        "free collection of bulky waste?\nNo\n4. How many staff can issue fixed penalty notices?\nThe council "
        "has 9 officers who can issue them.",
        "1. How many bus shelters were vandalised each year since 2020 (with a breakdown by year)?\nWe do not "
        "hold this, since repairs are logged by our contractor and not by the authority, who simply pays the "
        "invoices as they come in each month\n2. How many shelters have been removed since 2020?\n3\n3. Do you "
        "insure the shelters?\nYes\n4. Who is your contractor?\nThe shelters are maintained by a regional firm "
        "under a ten-year contract.",
    ],
)
def test_one_question_not_held_among_answered_questions_is_an_answer(text: str) -> None:
    result = classify("FOI response", text)
    assert result.guess == "responded"


# --------------------------------------------------------------------------------------------
# F. Inside a numbered part, the question runs to its question mark and the requester's asks are the question


@pytest.mark.parametrize(
    "ask",
    [
        "Please share both the total for the 10-year period and the figure for each year.",
        "Please provide the number for each of the 43 forces.",
        "Please note, I am requesting all 12 monthly reports, not only the ones on pursuits.",
        "I would like the totals for 2019 and 2020 separately.",
        "By 'debrief form' I mean the 2 page return filed after each incident.",
        "Please break this down by each of the 4 districts.",
        "(I am requiring these 3 figures, as the memorial is inside a police station.)",
    ],
)
def test_the_requesters_own_asks_inside_a_part_answer_nothing(ask: str) -> None:
    sentences = ["Q1.", "How many injuries occurred between 2014 and 2024?", ask,
                 "Q2.", "How many deaths occurred in the same period?", ask]
    parts = read_parts(sentences)
    assert parts.answered == []


def test_an_answer_under_the_question_still_counts() -> None:
    sentences = ["Q1.", "How many injuries occurred between 2014 and 2024?", "There were 214 injuries.",
                 "Q2.", "How many deaths occurred in the same period?", "None were recorded; the total is 0."]
    assert read_parts(sentences).answered == ["Q1.", "Q2."]


@pytest.mark.parametrize(
    "question",
    [
        ["From the fund of £280,000 announced by the commissioner last year,", "how much has been spent so far?"],
        ["Of the 1,200 cameras you run,", "how many record sound?"],
        ["Of the 35 vehicles bought in 2021", "how many are electric?"],
    ],
)
def test_a_question_wrapped_over_two_lines_is_not_answered_by_its_own_figure(question: list[str]) -> None:
    sentences = ["1.", "How many grants were made?", "2.", *question, "3.", "Who decides on them?"]
    assert read_parts(sentences).answered == []


def test_a_yes_above_a_question_is_still_an_answer() -> None:
    sentences = ["1.", "Yes.", "Do you also want the figures for 2020?", "2.", "No."]
    assert read_parts(sentences).answered == ["1.", "2."]


# --------------------------------------------------------------------------------------------
# G. "Please see the below response" after the last numbered question: the parts were the request


@pytest.mark.parametrize(
    "lead",
    [
        "Please see the below response to your request.",
        "Please find the following response to your questions.",
        "Our response is set out below.",
        "The following is our response.",
    ],
)
def test_numbered_questions_above_a_lead_are_the_request(lead: str) -> None:
    text = ("Reference: 2022 - 104\nPlease could you disclose the following:\n1. Does the commissioner agree that "
            "loud exhausts frighten horses?\na. Horses hear beyond the human range.\nb. Riders are the most "
            "vulnerable road users.\n2. How much has been allocated to road safety work?\n3. From the £150,000 "
            "road safety fund the commissioner\nannounced before the election, how much has been spent?\n\n"
            + lead + "\nYour request for information is refused.\nIn reaching this decision we considered the "
            "following:\n1. Your frequent contact with this office on the same subject, which we have answered.\n"
            "2. The nature of the questions, which ask for the commissioner's opinions.")
    result = classify("FOI response", text)
    assert result.guess == "refused" and result.kind != "partial"


def test_answers_numbered_under_their_lead_are_still_read_part_by_part() -> None:
    sentences = ["Q1.", "Did you meet the hunt in 2023?", "Q2.", "Who signed the protocol?",
                 "Please find the response set out below.", "Q1 response: No information held.",
                 "Q2 response: The protocol was signed by the legal department."]
    parts = read_parts(sentences)
    assert parts.count == 2 and parts.not_held and parts.prose


@pytest.mark.parametrize(
    "pair",
    [
        ("Our response is set out below.", "Your request for information is refused."),
        ("Please see the response below.", "Unfortunately, this FOI request has been declined."),
        ("Our reply follows.", "I am sorry to say that your request is refused."),
        ("The response is as follows:", "The application is therefore rejected."),
        ("Please find our decision set out below.", "Section 14(1) applies to your request."),
        ("See the following.", "Your Freedom of Information (FOI) request is refused."),
    ],
)
def test_a_lead_to_a_refusal_of_the_whole_request(pair: tuple[str, str]) -> None:
    assert lead_to_a_refusal(list(pair)) == [pair[0]]


@pytest.mark.parametrize(
    "pair",
    [
        ("Our response is set out below.", "In 2023 there were 14 such incidents."),
        ("Please see the response below.", "Part of your request is refused under section 40(2)."),
        ("Our reply follows.", "If your request is refused, you may ask for a review."),
    ],
)
def test_a_lead_to_anything_else_is_kept(pair: tuple[str, str]) -> None:
    assert lead_to_a_refusal(list(pair)) == []


# --------------------------------------------------------------------------------------------
# H. A clarification asked and answered, printed in a log entry, is history


@pytest.mark.parametrize(
    "exchange",
    [
        ["Clarification sought", "For question 3, which years do you mean?", "Clarification received",
         "Yes, 2020 to 2023."],
        ["Clarification requested - do you mean marked or unmarked cars?", "Clarification provided",
         "Marked cars only."],
        ["Further information requested from applicant: which station?", "Applicant's response: Bangor."],
        ["Request for clarification sent 2 May 2023", "The requester clarified that only staff are meant."],
    ],
)
def test_a_logged_clarification_that_came_back_is_history(exchange: list[str]) -> None:
    sentences = ["Request: FOI/0042", *exchange, "Request 4", "How many vans are there?"]
    assert clarification_logged(sentences) == []
    got = clarification_exchanges(sentences)
    assert exchange[0] in got and "Request 4" not in got


def test_a_logged_clarification_still_open_is_a_question() -> None:
    sentences = ["Clarification sought on 14/03/2023: which district do you mean?", "Request 2",
                 "How many vans are there?"]
    assert clarification_logged(sentences) == sentences[:1]
    assert clarification_exchanges(sentences) == []


def test_a_cost_refusal_in_a_log_with_an_answered_clarification_is_refused() -> None:
    text = ("Request: FOI/00099\nSubject: Vans\nYour request for information below has now been considered. We can "
            "confirm that the force does hold the information you have requested, however it is estimated that "
            "the cost of complying with your request would exceed the appropriate costs limit under section 12(1), "
            "as explained below.\nRequest 1\nHow many vans does the force own?\nRequest 2\nPlease break this down "
            "by district.\nClarification sought\nFor Request 2, can you say which districts you mean?\n"
            "Clarification received\nYes, all of them.\nRequest 3\nHow many are electric?")
    result = classify("FOI response", text)
    assert result.guess == "refused"


# --------------------------------------------------------------------------------------------
# I. Held only in part: not plainly all of it given


@pytest.mark.parametrize(
    "sentence",
    [
        "I can confirm that some of the information you have requested is held by the force.",
        "Part of the requested data is held by the council.",
        "We hold some of the information you asked for.",
        "The information you want is held in part.",
        "The force only holds parts of the records you describe.",
        "Your request has been considered and the information is partially held.",
        "Elements of the information are held, as set out below.",
    ],
)
def test_held_in_part(sentence: str) -> None:
    assert held_in_part([sentence]) == [sentence]


@pytest.mark.parametrize(
    "sentence",
    [
        "I can confirm that the information you have requested is held by the force.",
        "If some of the information is held, we will tell you which parts.",
        "Some of the officers named are held in high regard.",
        "We hold the information and some of it is attached.",
    ],
)
def test_not_held_in_part(sentence: str) -> None:
    assert held_in_part([sentence]) == []


@pytest.mark.parametrize(
    "opening",
    [
        "I can confirm that some of the information you have requested is held by the force.",
        "The force holds part of the information you asked for.",
        "Your request has been considered; the information is held in part.",
    ],
)
def test_given_but_held_only_in_part_is_asked_with_partial_as_the_guess(opening: str) -> None:
    text = ("Request\nQ1. How many vans does the force own?\nQ2. How many are electric?\n\n" + opening
            + "\nDecision\nI have today decided to disclose the following information to you.\nQ1. 214. This figure "
            "leaves out unmarked vans.")
    result = classify("FOI response", text)
    assert result.kind == "needs-review" and result.guess == "partial"


@pytest.mark.parametrize(
    "decided",
    [
        "I have today decided to disclose the following information to you.",
        "We have decided to release the located information in full.",
        "I have now decided to supply the figures below.",
    ],
)
def test_a_decision_to_give_with_figures_is_an_answer(decided: str) -> None:
    text = ("Request\nQ1. How many vans does the force own?\nQ2. How many are electric?\n\nI can confirm that the "
            "information you requested is held.\n" + decided + "\nQ1. 214. This figure leaves out unmarked vans.\n"
            "Q2. 31. All of them are based at headquarters.")
    result = classify("FOI response", text)
    assert result.guess == "responded"


# --------------------------------------------------------------------------------------------
# J. The decision on the request ends the request restated above it


@pytest.mark.parametrize(
    "decision",
    [
        "Your request is refused in accordance with s.21 FOIA, as the schedule is on our website.",
        "Your request for information has been refused under section 21, as it is published already.",
        "The request is therefore refused: section 21 applies, as the schedule is published online.",
        "Your FOI request has been declined under section 21, the schedule being on our website.",
        "Your request is hereby refused by virtue of section 21; the schedule is published on our website.",
        "The above request is refused under s.21, since the schedule can be read on our website.",
    ],
)
def test_a_decision_on_the_request_is_not_read_as_the_request(decision: str) -> None:
    text = ("Dear Ms Black,\nI write further to your request for information dated 2 May 2023.\n"
            "You requested details of:\n1. A copy of your records retention schedule\n2. How many years you keep "
            "exam transcripts\n" + decision + "\nYours sincerely,\nInformation Compliance")
    result = classify("FOI response", text)
    assert result.kind == "refused" and result.sections == ["21"]
