"""What a reply cites, round 11 (issue 12): the authority's reference on a label line, and the
sections it applies.

All references, names and wording are invented; the shapes follow real replies
(tests/fixtures/mail/SOURCES.md, "round 11").
"""

from __future__ import annotations

import pytest

from foi.mail.references import find_force_reference
from foi.mail.sections import find_sections
from foi.mail.signals import COST_LIMIT_RE

# --- references: a label heading its line, the rest of the line a code -----------------------

@pytest.mark.parametrize(
    ("text", "ref"),
    [
        # three figures are enough when the label heads its own line
        ("Information Rights Team\nOur Ref: 431\n3rd April 2012\n\nDear Ms Oyelaran,", "431"),
        ("Reference: 617\n\nThank you for your request about fire hydrants.", "617"),
        # groups spaced, not joined
        ("Ref: FOI 318 05 22\n\nHello,\nThank you for your request.", "318 05 22"),
        # two requests answered together under one code
        ("Our Ref: ABC/DE/FOI/412 & 519/16\n\nDate 2nd May 2016", "ABC/DE/FOI/412 & 519/16"),
        ("Ref: FOI 2019/04417&5130\n\nDear Mr Pell,", "2019/04417&5130"),
        # the year, a spaced dash, the number, and a second office's code after a slash
        ("Reference: 2022 \u2013 187 / QX4410\nDate of response: 2 June 2022", "2022 \u2013 187 / QX4410"),
        # the number on the line after its label
        ("Our ref:\n  5521\nDear Sir,", "5521"),
    ],
)
def test_a_label_line_gives_the_whole_code(text: str, ref: str) -> None:
    assert find_force_reference(text) == ref


@pytest.mark.parametrize(
    "text",
    [
        "Our ref: 12 03 2024\nDear Sir,",  # a date written with spaces
        "Reference: 2024\nDear Sir,",  # a year
        "Reference: 12\nDear Sir,",  # too short to be a case number
        "Our ref: FOI-CAUTIONS-0007\nDear Sir,",  # our own reference quoted back
        "Ref: your email of 3 May\nDear Sir,",  # prose, not a code
        "Your Ref: 758\nDear Sir,",  # ours
        "We received 431 requests in 2012.\nDear Sir,",  # an unlabelled count
    ],
)
def test_a_label_line_that_is_not_a_code(text: str) -> None:
    assert find_force_reference(text) is None


def test_a_label_read_with_a_word_for_its_value_does_not_hide_the_next_label() -> None:
    text = "FREEDOM OF INFORMATION REQUEST Request Number: Q-2011-03318 Keyword: Roads Subject: GRITTING"
    assert find_force_reference(text) == "Q-2011-03318"
    text = "FOI REQUEST Case Number: 2020/4471 Title: Parking fines"
    assert find_force_reference(text) == "2020/4471"


@pytest.mark.parametrize(
    ("text", "refs"),
    [
        ("REFERENCE NOs: NORTHSHIRE POLICE 7702 &\nSOUTHSHIRE POLICE 00418\n\nDear Sir,", {"7702", "00418"}),
        ("Reference numbers: Northshire Police 7702 and Southshire Constabulary 00418\n", {"7702", "00418"}),
    ],
)
def test_a_joint_reference_names_its_owners_in_any_case(text: str, refs: set[str]) -> None:
    assert find_force_reference(text) in refs


# --- s.12 when the letter names the cost limit in words, not the number ----------------------

@pytest.mark.parametrize(
    "sentence",
    [
        "Locating every file by hand would go well above the amount to which we are legally obliged to respond.",
        "That search would exceed the amount of time which the force is required to spend on a request.",
        "Reviewing each record in turn would take us beyond the amount that the Constabulary can lawfully spend.",
        "The cost of supplying you with this information would be well in excess of the limit set by law.",
        "The cost of complying with your request exceeds the statutory maximum.",
        "I estimate that the cost of locating all of the records is over the amount set in the regulations.",
        "It would plainly take an inordinate amount of officer time to search each of the case files.",
        "Answering this would require an excessive amount of manual searching across several systems.",
        "Working through the paper files would exceed the amount to which we are",  # a page cut mid-sentence
    ],
)
def test_the_cost_limit_in_words_is_section_12(sentence: str) -> None:
    assert COST_LIMIT_RE.search(sentence)
    assert find_sections(sentence) == ["12"]


@pytest.mark.parametrize(
    "sentence",
    [
        "The cost of providing the new scheme was above the amount originally budgeted.",  # the subject of the request
        "The contract was awarded for more than the amount the council had set aside.",
        # a finding, not our work
        "Officers spent an unreasonable amount of time on paperwork, according to the survey.",
        "The information you asked for is attached; it took some time to gather.",
        "We spent over the amount budgeted for road repairs in 2023.",
        "The force exceeded the amount of overtime it planned for the summer.",
    ],
)
def test_costs_that_are_not_the_cost_limit(sentence: str) -> None:
    assert not COST_LIMIT_RE.search(sentence)
    assert find_sections(sentence) == []
