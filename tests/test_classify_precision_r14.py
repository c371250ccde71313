"""Round 14 of reading real replies (issue 12): the precision of automatic statuses.

Each message is written in our own words and reproduces the shape of a pattern seen in real
replies (tests/fixtures/mail/SOURCES.md names the public pages). A structural doubt sends a reading
to review with its best guess; the negative cases pin the readings it must leave decided.
"""

from __future__ import annotations

from foi.mail.classify import classify
from foi.mail.reading.doubt import (
    gives_only_a_letter,
    refusal_for_one_numbered_part,
    refused_under_one_item,
)
from tests.helpers import read_reply

# --------------------------------------------------------------------------------------------
# A refusal said under one item of a request printed item by item, another item answered


REFUSED_UNDER_ONE_BULLET = """\
Dear requester,

Your request asked for the following:
- the collar number of the sergeant who attended the protest on 4 May;
- how long that sergeant has served with the force;
The Constabulary cannot give you this information: it is exempt under Section 40(2), personal information.
Please see the annex for our full reasons.
- the overtime cost of the town carnival; Please see our earlier disclosures, which hold these costs:
FOI 2231-22 Carnival policing costs
FOI 1875-23 Event overtime
- the guidance for arresting a child; Officers are trained to deal with young people every year.

Information Rights Team
"""


def test_refusal_under_one_bullet_with_other_bullets_answered_goes_to_review() -> None:
    c = read_reply(REFUSED_UNDER_ONE_BULLET)
    assert c.kind == "needs-review"
    assert c.guess == "partial"
    assert "40(2)" in c.sections


REFUSED_UNDER_ONE_NUMBER = """\
Dear Sir or Madam,

1. The number of drones the force owns;
We own 6 drones, all used by the operations support unit.
2. The names of the pilots;
This information is withheld under section 40(2) of the Act, as the pilots could be identified.

Yours sincerely,
Disclosure Officer
"""


def test_refusal_under_one_numbered_item_with_a_figure_under_another_goes_to_review() -> None:
    c = read_reply(REFUSED_UNDER_ONE_NUMBER)
    assert c.kind in ("needs-review", "partial")
    assert c.guess == "partial"


# Negative: the request printed item by item above one refusal of all of it stays decided.
REFUSED_WHOLE_BELOW_ITEMS = """\
Dear requester,

You asked for:
- the number of burglaries reported in each ward in 2022;
- the number of those burglaries with a suspect charged;
- the value of property stolen in each;

We estimate that finding this information would exceed the appropriate limit of 18 hours under
section 12 of the Freedom of Information Act, so we are not obliged to comply with your request.
Each of 4,312 crime reports would have to be read to find the value of the property.
This letter is a refusal notice under section 17.

Information Rights Team
"""


def test_whole_refusal_below_the_printed_items_stays_automatic() -> None:
    c = read_reply(REFUSED_WHOLE_BELOW_ITEMS)
    assert c.kind == "refused"


def test_items_each_refused_or_pointing_back_are_not_an_answer() -> None:
    sentences = [
        ("1. The names of officers disciplined in 2021;", "request"),
        ("This information is exempt under section 40(2) of the Act.", "new"),
        ("2. The ranks of those officers;", "request"),
        ("As per our response to question 1, the exemption at section 40(2) applies.", "new"),
        ("3. The number of officers disciplined in 2021;", "request"),
        ("As per our response to question 1, this information is withheld.", "new"),
    ]
    assert not refused_under_one_item(sentences, [sentences[1][0]])


def test_an_answer_under_another_item_makes_the_refusal_a_part() -> None:
    sentences = [
        ("1. The names of officers disciplined in 2021;", "request"),
        ("This information is exempt under section 40(2) of the Act.", "new"),
        ("2. The number of officers disciplined in 2021;", "request"),
        ("There were 14 officers disciplined in 2021.", "new"),
    ]
    assert refused_under_one_item(sentences, [sentences[1][0]])


def test_items_only_in_the_request_printed_back_do_not_count() -> None:
    # The request's own lines under an item ("role" request) are not the authority's answer.
    sentences = [
        ("- the number of officers disciplined in 2021;", "request"),
        ("broken down by the 14 districts of the force", "request"),
        ("- their names;", "request"),
        ("The information is exempt under section 40(2).", "new"),
    ]
    assert not refused_under_one_item(sentences, [sentences[3][0]])


def test_not_held_or_ncnd_under_another_item_is_no_answer() -> None:
    sentences = [
        ("Question 1: No information is held.", "new"),
        ("Question 2: This part is exempt under section 31(1)(a) and is withheld.", "new"),
        ("Question 3: We neither confirm nor deny whether this information is held.", "new"),
    ]
    assert not refused_under_one_item(sentences, [sentences[1][0]])


# --------------------------------------------------------------------------------------------
# NCND for one question, with a comma before "by virtue of": the sections are relied on

NCND_COMMA_BY_VIRTUE = """\
Q1) How many laptops issued to officers were lost last year?

The Constabulary can neither confirm nor deny that it holds this information as the duty in s1(1)(a)
of the Freedom of Information Act 2000 does not apply, by virtue of Section 24(2) National Security and
Section 31(3) Law Enforcement.

Q2) How much did the force spend on printer paper in 2023?

The force spent £18,420 on printer paper in 2023.
"""


def test_ncnd_duty_does_not_apply_comma_by_virtue_keeps_its_sections() -> None:
    c = read_reply(NCND_COMMA_BY_VIRTUE)
    assert set(c.sections) == {"24(2)", "31(3)"}
    assert c.ncnd


# --------------------------------------------------------------------------------------------
# A cost refusal that names the question it is for, with a figure given for another question

COST_FOR_ONE_QUESTION = """\
REQUEST
RESPONSE
Your request has been considered and I am not obliged to supply the information you have requested.
The following exemption applies: Section 12, where the cost of compliance exceeds the appropriate limit.
Our licensing team told us that for question 1 there are at present 318 premises holding a late licence.
The data asked for in question 2 is not kept in a form that would answer it.
To find it for question 2 we would have to read every one of those licences by hand, which would
exceed the 18 hours the regulations allow.
"""


def test_cost_refusal_for_one_question_with_a_figure_for_another_goes_to_review() -> None:
    c = read_reply(COST_FOR_ONE_QUESTION)
    assert c.kind == "needs-review"
    assert c.guess == "partial"
    assert "12" in c.sections


def test_the_size_of_the_work_for_each_question_is_no_answer() -> None:
    sentences = [
        "Your request has been refused under section 12 of the Act.",
        "For question 1 we would have to read 4,200 crime reports by hand.",
        "For question 2 a further 1,900 records would need to be searched.",
    ]
    assert not refusal_for_one_numbered_part(sentences)


def test_a_figure_for_the_refused_question_itself_is_no_answer_to_another() -> None:
    sentences = [
        "Question 2 is refused under section 12, as the cost of compliance would exceed the limit.",
        "There are 3,400 files for question 2.",
    ]
    assert not refusal_for_one_numbered_part(sentences)


def test_not_held_under_another_question_is_no_answer() -> None:
    sentences = [
        "Retrieving the information for question 1 would exceed the cost limit under section 12.",
        "For question 2, no information is held for 2019.",
    ]
    assert not refusal_for_one_numbered_part(sentences)


# --------------------------------------------------------------------------------------------
# The only words of giving attach a letter or notice, not information

ONLY_A_NOTICE_ATTACHED = """\
Dear requester,

I can confirm that the force holds the information you asked for. However, it is exempt under
section 40(2) of the Act and will not be disclosed. Please find attached a copy of our refusal notice.

Information Rights Team
"""


def test_only_a_refusal_notice_attached_is_not_information_given() -> None:
    c = classify("RE: FOI 77/24", ONLY_A_NOTICE_ATTACHED, ["refusal notice.pdf"], [""])
    assert c.kind != "partial"
    assert c.guess == "refused"


def test_a_document_or_data_attached_is_information_given() -> None:
    assert not gives_only_a_letter(["Please find attached the data you asked for, with our letter."])
    assert not gives_only_a_letter(["Please see the attached document."])
    assert gives_only_a_letter(["Please find attached a copy of our refusal notice."])
    assert gives_only_a_letter(["Our response letter is attached."])
