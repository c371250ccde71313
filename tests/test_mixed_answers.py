"""Mixed and unmarked answers (issue 12, round 11): what a reply releases, withholds or does not
hold, read from the letter's own new text.

Every message here is our own paraphrase of a shape seen in real replies from several authorities
(tests/fixtures/mail/SOURCES.md names the public pages); each meaning is said several ways
(synonyms, voice, order, padding), with negatives that share the words but not the meaning.
"""

from __future__ import annotations

import re

import pytest

from foi.mail.classify import classify
from foi.mail.reading.decisions import decides_here
from foi.mail.reading.sections import named_only


def _describes_the_act(sentence: str) -> bool:
    """The older, coarser describer: any clause saying what the Act provides sets the sentence aside."""
    return bool(re.search(r"\b(?:which|that)\s+(?:states?|provides?|allows?|means|sets\s+out)\b|\blets\s+an\b",
                          sentence, re.I))


def _read(body: str, subject: str = "Your FOI request"):
    return classify(subject, body)


# --------------------------------------------------------------------------------------------
# A. A sentence that applies a ground and then describes the Act decides in its own clause


@pytest.mark.parametrize(
    "sentence",
    [
        "We are withholding the report under section 22 of the Act, which states that an authority need not "
        "disclose information intended for future publication.",
        "The figures you asked for are therefore exempt under section 21, which provides that an authority "
        "need not answer where the applicant can reasonably obtain the information by other means.",
        "Section 22 lets an authority decline to disclose material held with a view to publication; the files "
        "you seek will therefore be withheld under section 22.",
        "This information is withheld in accordance with section 43(2) of the FOIA, which allows a public "
        "authority to refuse where disclosure would prejudice commercial interests.",
        "I have decided to withhold these documents under section 31 (which sets out the exemption for law "
        "enforcement) because release would assist offenders.",
        "Your request is refused under section 12, which means that an authority is not obliged to comply "
        "where the cost would exceed the appropriate limit.",
    ],
)
def test_applying_clause_decides_before_the_act_is_described(sentence):
    # Whether or not `named_only` itself sees the ground applied first (sections reads that too),
    # a describer that sets any sentence describing the Act aside must still leave the deciding
    # clause standing.
    assert decides_here(sentence, named_only)
    assert decides_here(sentence, _describes_the_act)


@pytest.mark.parametrize(
    "sentence",
    [
        # The Act described in general: no clause speaks of this request.
        "Section 12 provides that an authority need not comply where the cost would exceed the limit.",
        "Section 40 applies to personal data, which means that an authority need not disclose it.",
        "Section 21 of the Act allows public authorities to decline requests for published material.",
        # Nothing decided at all.
        "The report was sent to the committee, which meets monthly.",
    ],
)
def test_description_alone_decides_nothing(sentence):
    assert not decides_here(sentence, named_only)


def test_withholding_under_a_described_section_is_an_automatic_refusal():
    body = (
        "Dear Ms Hart,\n\n"
        "Thank you for your request of 2 March for the final audit report on the estates programme.\n\n"
        "The trust holds this report.\n\n"
        "However, we are withholding it under section 22 of the Act, which states that an authority need "
        "not disclose information that it intends to publish at a future date.\n\n"
        "Section 22 is a qualified exemption. We have weighed the public interest and believe that the "
        "balance lies in publishing the report in full once the board has considered it in June.\n\n"
        "Yours sincerely,\nInformation Governance"
    )
    c = _read(body)
    assert c.kind == "refused"
    assert "22" in c.sections


# --------------------------------------------------------------------------------------------
# B. A refusal that names some of the questions the letter prints refuses part of the request

_SIX_QUESTIONS = (
    "We have considered your request of 3 April for the following information:\n\n"
    "Question 1. How many complaints about noise were received in each of the last three years?\n\n"
    "Question 2. Of those, how many led to an abatement notice?\n\n"
    "Question 3. How many notices were appealed?\n\n"
    "Question 4. Which software does the council use to log complaints?\n\n"
    "Question 5. Does the council have a written policy on noise nuisance?\n\n"
    "Question 6. How many officers work in the noise team?\n\n"
    "Our response:\n\n"
)


@pytest.mark.parametrize(
    "refusal",
    [
        "We do hold the information, however we are unable to provide the figures on complaints, "
        "notices and appeals (Questions 1, 2 and 3), as the cost of extracting them would exceed the appropriate "
        "limit.",
        "It is not practicable to provide the counts asked for at questions 1 to 3 within the cost limit; "
        "locating them would exceed the appropriate limit of 18 hours.",
        "The council is unable to provide answers to Questions 1, 2 and 3, because retrieving them would exceed "
        "the appropriate limit set by the fees regulations.",
        "For Q1, Q2 and Q3 we cannot provide the information, since compliance would exceed the cost limit "
        "under section 12.",
    ],
)
def test_cost_refusal_naming_some_printed_questions_goes_to_review_as_partial(refusal):
    c = _read(_SIX_QUESTIONS + refusal + "\n\nWe estimate it would take 40 hours to locate the records.\n")
    assert c.kind == "needs-review"
    assert c.guess == "partial"


def test_cost_refusal_of_every_printed_question_stays_refused():
    refusal = ("We do hold the information, however we are unable to provide any of it, as the "
               "cost of locating and extracting it would exceed the appropriate limit under section 12.")
    c = _read(_SIX_QUESTIONS + refusal + "\n\nWe estimate it would take 40 hours to locate the records.\n")
    assert c.guess == "refused" or c.kind == "refused"


# --------------------------------------------------------------------------------------------
# C. A cost refusal under an opening that promises answers, and nothing given: not partial


@pytest.mark.parametrize(
    "opening",
    [
        "I can confirm that the council holds part of this information, and where we can release it, "
        "our response is set out below.",
        "The council holds part of the information you asked for; where it can be released, our answers are "
        "given below.",
        "Some of the requested information is held, and what we are able to disclose is shown below.",
    ],
)
def test_cost_refusal_under_a_promising_opening_is_not_an_automatic_partial(opening):
    body = (opening + "\n\n"
            "> Question 1 - The number of assessments requested each week since January 2022.\n"
            "> Question 2 - The number of plans issued each week over the same period.\n\n"
            "I can confirm that the council does hold this information, however we estimate that complying "
            "with your request would exceed the appropriate cost limit set by section 12 of the Act, which is "
            "currently £450.\n")
    c = _read(body)
    assert c.kind != "partial"
    assert (c.guess or c.kind) == "refused"


def test_cost_refusal_with_figures_for_the_rest_stays_partial():
    body = ("Searching records before 2015 would exceed the appropriate limit under section 12, and this letter "
            "is a refusal notice for that part. As a gesture of goodwill, I have supplied the figures we hold "
            "for later years; we rely on the fees regulations for the remainder of your request.\n\n"
            "Arrests\n2016 / 2017 / 2018\nNorth / 31 / 44 / 52\nSouth / 27 / 39 / 40\nTotal / 58 / 83 / 92\n")
    c = _read(body)
    assert (c.guess or c.kind) == "partial"


# --------------------------------------------------------------------------------------------
# D. "Request 1" over what is handed to the requester heads the answer, not the request restated


@pytest.mark.parametrize(
    "given",
    [
        "A list of the reports disclosed to you by the office appears below, and is attached to this email as well:",
        "The papers released to you are listed here, and copies are attached to this e-mail:",
        "These documents are attached to this letter:",
        "The following reports are supplied to you in full:",
        "Copies of the items below are attached to the response:",
        "Below are the briefings disclosed to you under the Act:",
    ],
)
def test_what_is_handed_over_under_a_request_heading_is_the_answer(given):
    body = ("Please see the response to your requests below.\n\n"
            "Request 1\n\n" + given + "\n"
            "\u2022 Review of complaint handling - interim note\n"
            "\u2022 Regional model - options paper\n"
            "\u2022 Briefing on the new regulations\n\n"
            "Disclosure of the documents below has been refused under section 36.\n"
            "\u2022 Draft board minutes\n")
    from foi.mail.reading.segments import read_message

    roles = {s.text: s.role for s in read_message(body).sentences}
    assert roles.get(given) == "new"
    c = _read(body)
    assert (c.guess or c.kind) == "partial"


@pytest.mark.parametrize(
    "ask",
    [
        "Please provide copies of all reports sent to the committee in the last three years.",
        "I would like the list of documents released to the press about the review.",
    ],
)
def test_the_requesters_ask_under_a_request_heading_stays_the_request(ask):
    from foi.mail.reading.segments import read_message

    body = "Request 1\n" + ask + "\n\nResponse\nNo information is held.\n"
    roles = {s.text: s.role for s in read_message(body).sentences}
    assert roles.get(ask) != "new"


@pytest.mark.parametrize(
    "done",
    [
        "The force has been able to run a report of open warrants as at 1 March; the figures have been "
        "provided at the foot of this letter.",
        "I have supplied the totals we were able to extract before the limit was reached.",
        "Where we could retrieve figures within the limit, they have been included at the end of this response.",
    ],
)
def test_cost_refusal_that_says_something_was_given_is_not_turned_to_refused(done):
    body = ("I can confirm that the force holds part of this information, and where we can release it, "
            "our response is set out below.\n\n"
            "The cost criteria relate to the request in its entirety: to retrieve all the information would "
            "exceed the appropriate limit of \u00a3450, so we are not obliged to find and retrieve any of "
            "it.\n\n" + done + "\n")
    c = _read(body)
    assert not any("a cost refusal; that anything is given" in r for r in c.reasons)
    assert (c.guess or c.kind) == "partial"


# --------------------------------------------------------------------------------------------
# E. Given within a bound ("all we can disclose"), a part withheld by topic or by quantifier

from foi.mail.reading.decisions import bounded_release, names_a_part, part_withheld  # noqa: E402


@pytest.mark.parametrize(
    "sentence",
    [
        "Having made enquiries, the table above is all the information we are able to disclose.",
        "Everything that we are able to release is attached to this letter.",
        "A copy of the information that can be disclosed is enclosed.",
        "The documents that may be released are listed below.",
        "All of the data the council is able to provide appears in the attached sheet.",
        "Below is all the material I can lawfully disclose to you.",
    ],
)
def test_bounded_release(sentence):
    assert bounded_release([sentence])


@pytest.mark.parametrize(
    "sentence",
    [
        "Above is all the information we hold.",  # everything held: no bound
        "If the information could be disclosed, it would be sent to you.",  # hypothetical
        "We would release all the information we can once the review ends.",
        "Section 21 covers information that can be obtained elsewhere.",
    ],
)
def test_not_a_bounded_release(sentence):
    assert not bounded_release([sentence])


@pytest.mark.parametrize(
    "sentence",
    [
        "With regard to the names of each supplier, the information you asked for is withheld under section 43(2).",
        "As regards the home addresses, these are exempt under section 40(2).",
        "Regarding the invoices, the copies have been redacted to remove bank details.",
        "In relation to the tactics used, the information is being withheld under section 31.",
        "Some information has been withheld because the exemptions listed below apply to it.",
        "Certain personal details have been redacted under section 40.",
    ],
)
def test_part_withheld_by_topic_or_quantifier(sentence):
    assert part_withheld([sentence])
    assert names_a_part(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "With regard to your request, the information is withheld under section 31.",  # the whole request
        "With regard to section 40, personal data is exempt where disclosure would breach the principles.",
        "Regarding the cost limit, we estimate it would take 40 hours.",
        "Some information may be exempt, and we will tell you if so.",
    ],
)
def test_not_a_part_withheld(sentence):
    assert not part_withheld([sentence])


@pytest.mark.parametrize(
    "letter",
    [
        "Having made enquiries within the force, the table below is all the information we are able to disclose, and "
        "for the rest we rely on section 31.\n\nArrests 2022: 41\nArrests 2023: 57\n",
        "Numbers of placements by area: North x 8, South x 9, East x 7, West x 6.\n\n"
        "With regard to the names of each provider, the information you asked for is withheld under section 43(2) "
        "of the Act, as its release would prejudice commercial interests.\n",
    ],
)
def test_mixed_letters_read_as_partial(letter):
    c = _read(letter)
    assert (c.guess or c.kind) == "partial"


# --------------------------------------------------------------------------------------------
# F. A part answered by the opening of a refusal notice is that part withheld

from foi.mail.reading.parts import opens_notice  # noqa: E402


@pytest.mark.parametrize(
    "line",
    [
        "Q3 response: Section 1 of the Freedom of Information Act 2000 places two duties on public authorities.",
        "3. Section 1 of the Act imposes two duties on a public authority.",
        "Answer 2 - Under section 1 of the FOIA an authority has two duties: to confirm and to disclose.",
        "Q4: S.1 of the Act gives public authorities two obligations.",
        "Question 5 response: Where exemptions are relied upon, section 17 requires that we give you a notice.",
        "2) Section 1 of the Freedom of Information Act sets out two duties for a public body.",
    ],
)
def test_a_part_that_opens_a_refusal_notice(line):
    assert opens_notice(line)


@pytest.mark.parametrize(
    "line",
    [
        "Q2 response: This was handled by the legal team and approved at chief officer level.",
        "3. Section 12 of the Act places a limit on the cost of answering.",
        "Q1: Section 1(3) allows us to ask for clarification.",
        "Answer 4 - Two duty officers were on shift that night.",
    ],
)
def test_not_a_part_that_opens_a_refusal_notice(line):
    assert not opens_notice(line)


def test_parts_answered_one_refused_by_a_notice_opening_guess_partial():
    body = ("Please find the force's response set out below.\n\n"
            "Q1 response: No information held.\n\n"
            "Q2 response: This was handled by the legal services department and approved at chief officer level.\n\n"
            "Q3 response: Section 1 of the Freedom of Information Act 2000 places two duties on public authorities. "
            "Unless exemptions apply, the first duty is to confirm or deny whether the information is held, and "
            "the second is to disclose it.\n\n"
            "Q4 response: No.\n")
    c = _read(body)
    assert (c.guess or c.kind) == "partial"


# --------------------------------------------------------------------------------------------
# G. Answers in prose with no keyword of answering: facts with figures or dates; a log's status

from foi.mail.reading.answers import narrative_facts  # noqa: E402
from foi.mail.reading.decisions import heading_decision  # noqa: E402


@pytest.mark.parametrize(
    "sentence",
    [
        "Between 2019 and 2024 there were 17 sites, and none closed for good.",
        "In 2021 every block was inspected twice a month.",
        "Since its first trial on 3 May 2018 the vessel has completed 22 patrols.",
        "The depot reopened on 14 June 2020 with new signs at each entrance.",
        "From April 2022 to date, the same weekly rota has been in place.",
        "Two officers attended, one from each of the 3 districts.",
    ],
)
def test_a_fact_with_a_figure_or_a_date(sentence):
    assert narrative_facts([sentence]) == [sentence]


@pytest.mark.parametrize(
    "sentence",
    [
        "We received your request on 3 May 2024 and will respond within 20 working days.",
        "Section 40 was applied to 3 names in the report.",
        "Is the rota still in place since April 2022?",
        "The information is not held for 2019.",
        "Please contact us on 01234 567890 if you have any questions.",
        "The trust has a long-standing policy on car parking.",  # no figure or date
    ],
)
def test_not_a_fact_that_answers(sentence):
    assert narrative_facts([sentence]) == []


def test_a_prose_answer_with_no_keyword_is_shown_as_an_answer():
    body = ("> I would like the number of public toilets, and how often they were cleaned, for 2019 to 2024.\n\n"
            "Response\n\n"
            "2019 - 2024: 17 toilets, with only temporary closures after vandalism.\n"
            "In 2019 each facility was cleaned twice a day.\n"
            "From 21 June 2020 the toilets reopened and were cleaned every 2 hours.\n"
            "From April 2021 to date, twice-daily cleaning has been in place.\n")
    c = _read(body)
    assert (c.guess or c.kind) == "responded"


def test_an_acknowledgement_with_dates_is_not_a_prose_answer():
    body = ("Thank you for your request, which we received on 3 May 2024. We will respond by 31 May 2024, "
            "within 20 working days. Your reference is 2024/118.\n")
    assert (_read(body).guess or _read(body).kind) != "responded"


@pytest.mark.parametrize("line", ["Information provided", "Information supplied", "Information disclosed in full",
                                  "Information released"])
def test_a_log_status_of_information_provided(line):
    assert heading_decision(["Ref 2041", "Parking charges", line, "The charges are set by the board."]) == (
        "responded", line)


@pytest.mark.parametrize("line", ["Information provided in confidence", "Information provided by third parties is "
                                  "exempt", "Information released to the press was a summary"])
def test_not_a_log_status(line):
    assert heading_decision(["Ref 2041", line]) is None


# --------------------------------------------------------------------------------------------
# H. Held, and withheld for a reason announced below: a refusal, its grounds to follow

from foi.mail.reading.weighing import _WITHHELD_FOR_REASON_RE  # noqa: E402


@pytest.mark.parametrize(
    "sentence",
    [
        "Although we do hold information within the scope of your request, in our view the information is "
        "exempt, for the reason given below.",
        "I can confirm that the information is held in part by the force, however it cannot be released for the "
        "following reasons.",
        "The report is held but will not be released, for the reasons set out below.",
        "These records are withheld in full for the reasons given below.",
        "The minutes can not be provided to you for the following reason:",
        "We hold the correspondence; it is therefore exempt under the Act for the reasons explained below.",
    ],
)
def test_withheld_for_a_reason_announced(sentence):
    assert _WITHHELD_FOR_REASON_RE.search(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "If the information were exempt for the reasons below, we would tell you.",
        "Some material may be withheld for the reasons set out below.",
        "The figures are provided below for the reasons you gave.",
        "The information is attached, and the following reasons explain the delay.",
    ],
)
def test_not_withheld_for_a_reason_announced(sentence):
    assert not _WITHHELD_FOR_REASON_RE.search(sentence)


def test_held_but_withheld_for_the_following_reasons_is_refused():
    body = ("Thank you for your request of 4 March.\n\n"
            "Following searches with the finance department, I can confirm that the information you have "
            "requested is held in part by the force, however it cannot be disclosed for the following reason.\n\n"
            "To locate it would mean a member of staff searching by hand through several hundred invoices.\n")
    c = _read(body)
    assert (c.guess or c.kind) == "refused"
