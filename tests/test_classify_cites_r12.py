"""What a reply cites, round 12 (issue 12): the authority's reference in the subject, NCND in other
words and voices, the cost limit described as the work it would take, and a publication ground the
letter states as its own conditional rule and then meets.

All references, names and wording are invented; the shapes follow real replies
(tests/fixtures/mail/SOURCES.md, "round 12").
"""

from __future__ import annotations

import pytest

from foi.mail.classify import classify
from foi.mail.reading.references import find_force_reference
from foi.mail.reading.sections import MANUAL_WORK_RE, find_sections, with_rules_met
from foi.mail.reading.segments import read_message
from foi.mail.reading.signals import NCND_RE

# --- references: a case number heading or closing the subject ------------------------------------


@pytest.mark.parametrize(
    ("subject", "ref"),
    [
        # the year and a long serial before the title
        ("2023/41877 - Dog seizures and kennelling costs", "2023/41877"),
        ("RE: 2021-50213 - Drone flights over the city", "2021-50213"),
        # the label and its groups joined by dots
        ("FOI.24.001932.K - Speed camera income", "FOI.24.001932.K"),
        ("Response: RFI.2022.0456 Horse patrols", "RFI.2022.0456"),
        # a bare serial, then the title
        ("40917 Brothel closure orders", "40917"),
        ("RE: 7731 Taser discharges", "7731"),
        # the title, a dash, and the number with its year after a dot
        ("Custody meals budget - 615.2022", "615.2022"),
        ("Stop and search by ward \u2013 88.2019", "88.2019"),
    ],
)
def test_a_case_number_heading_or_closing_the_subject(subject: str, ref: str) -> None:
    assert find_force_reference("Dear requester,\nPlease find our answer below.", subject) == ref


@pytest.mark.parametrize(
    "subject",
    [
        "2015-2019 - Stop and search figures",  # a range of years
        "2018/2019 - Arrests",  # a financial year
        "2024 Officer numbers",  # a year
        "1500 Officers cut since 2010",  # a count of officers
        "3000 Crimes unsolved",  # a count of crimes
        "0800 Helpline calls",  # a telephone prefix
        "The FOI.A request",  # no figures
        "Cycle thefts - 12.50",  # a sum of money, not a year
    ],
)
def test_a_subject_without_a_case_number_gives_none(subject: str) -> None:
    assert find_force_reference("Dear requester,\nPlease find our answer below.", subject) is None


def test_a_labelled_reference_in_the_letter_beats_a_subject_serial() -> None:
    text = "Our ref: NX/FOI/2023/118\n\nDear Ms Penrose,\nThank you for your request."
    assert find_force_reference(text, "40917 Brothel closure orders") == "NX/FOI/2023/118"


# --- NCND in other words and voices -------------------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "Northshire Police is unable to confirm or not whether it holds anything relevant to your request.",
        "We are not in a position to confirm or deny that any such report exists.",
        "The force must therefore decline to confirm or deny whether it holds this material.",
        "The constabulary is neither confirming nor denying that the files exist.",
        "Whether any such footage exists will be neither confirmed nor denied.",
        "It would not be appropriate for the force to confirm or deny whether it holds the records.",
        "We refuse to reveal whether the information exists or is held.",
        "Police Eastshire must decline to say whether the officer was the subject of a complaint.",
        "This should not be taken as an indication that any information meeting your request exists or does not exist.",
        "We are applying section 18(1) of FOISA together with section 35.",
        "I cannot confirm or otherwise whether files of that kind are held.",
    ],
)
def test_ncnd_in_other_words_is_ncnd(sentence: str) -> None:
    assert NCND_RE.search(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        # the rule, for any authority, or the duty explained
        "Some authorities decline to confirm or deny in such cases.",
        "The first duty at section 1(1)(a) is to confirm or deny whether the information requested is held.",
        # confirming, or not yet able to say something else
        "We can confirm that the information is held.",
        "We are not in a position to confirm the date of our reply yet.",
        "The date should not be taken as an indication that the report exists.",
        "It is possible to confirm or deny this in most cases.",
    ],
)
def test_ncnd_explained_or_absent_is_not_ncnd(sentence: str) -> None:
    assert not NCND_RE.search(sentence)


def test_an_ncnd_stance_ends_the_restated_request() -> None:
    text = ("Freedom of information request reference no: 01.FOI.23.004411\n"
            "I note you seek access to the following information:\n"
            "1. Please provide the make of the handset found.\n"
            "2. Please provide the date it was reported lost.\n"
            "Regarding questions 1 and 2, the force can neither confirm nor deny whether it holds the "
            "information you have asked for.\n")
    reading = read_message(text, [])
    assert any("neither confirm nor deny" in s for s in reading.of("new"))
    assert not any("neither confirm nor deny" in s for s in reading.of("request"))
    result = classify("Handset found", text)
    assert result.ncnd


# --- the cost limit described as the work it would take ------------------------------------------

_REFUSES = "We are unable to supply the information you asked for. "


@pytest.mark.parametrize(
    "work",
    [
        "To answer your request would entail a member of staff manually searching many hundreds of invoices.",
        "Each of the 2,300 incident logs would need to be read by an officer to find the ones you describe.",
        "It would be necessary to individually review each and every file held by the unit.",
        "We would be required to go through every crime report by hand.",
        "Answering question 2 would involve manually checking over 4,000 records.",
        "The records would have to be examined one by one, as the system cannot filter them.",
        "A search of the keywords returned over 1,900 incidents, and each of them would need to be searched.",
    ],
)
def test_the_work_a_refused_request_would_take_is_the_cost_limit(work: str) -> None:
    assert MANUAL_WORK_RE.search(work)
    assert find_sections(_REFUSES + work) == ["12"]


@pytest.mark.parametrize(
    "text",
    [
        # work done, not needed
        _REFUSES + "We manually searched every file and found three.",
        # work offered on a condition
        _REFUSES + "We could review each file if you narrow the dates.",
        # no hand search
        _REFUSES + "The report will need to be checked before it is published.",
        # the work explained, nothing refused (a review explaining why figures came in another form)
        "We do not hold the data by month. Each of the 2,300 incident logs would need to be read to find them.",
    ],
)
def test_work_done_offered_or_unrefused_is_not_the_cost_limit(text: str) -> None:
    assert find_sections(text) == []


def test_the_cost_limit_named_keeps_its_number() -> None:
    text = ("Section 12(1) applies: the cost of compliance exceeds the appropriate limit. "
            "We are unable to provide the data, as each record would need a manual review.")
    assert find_sections(text) == ["12(1)"]


# --- a publication ground stated as the letter's own rule, then met ------------------------------


@pytest.mark.parametrize(
    ("text", "sections"),
    [
        ("Under section 21 we are not required to provide information that is reasonably accessible to you if "
         "it is published. The figures for 2019 are available on our website.", ["21"]),
        ("Under section 21 of the Act, the force is not obliged to supply information where it is accessible "
         "by other means. The annual report can be found at www.example.org/report.", ["21"]),
        ("Section 22 means we need not disclose information if we intend to publish it. The audit is due to be "
         "published in June.", ["22"]),
        ("Under section 22 we do not have to provide information if it is already scheduled for publication. "
         "The survey results will be published on 3 May.", ["22"]),
        ("Under section 21 we are not required to give you information if it is reasonably accessible. The "
         "minutes are published monthly. Section 22(1) applies to the rest, which will be released in May.",
         ["22(1)", "21"]),
        ("Under section 21 of the Act, we are not required to provide information if it is accessible to you. "
         "Please see the link below.", ["21"]),
    ],
)
def test_an_own_rule_then_met_is_applied(text: str, sections: list[str]) -> None:
    assert sorted(find_sections(text)) == sorted(sections)


@pytest.mark.parametrize(
    "text",
    [
        # the condition is not met: the answer follows
        "Under section 21 we are not required to provide information if it is reasonably accessible to you. "
        "We have answered your questions below.",
        # a rule for any authority, not the letter's own
        "Under section 21 an authority need not provide information if it is reasonably accessible. The figures "
        "are available on our website.",
        # a grounds without a fact to meet it
        "Under section 30 we are not required to provide information if it relates to an investigation. "
        "The figures are available on our website.",
    ],
)
def test_an_own_rule_unmet_or_not_own_is_not_applied(text: str) -> None:
    assert "21" not in find_sections(text) and "30" not in find_sections(text)


def test_a_rule_quoted_from_an_earlier_letter_is_not_applied() -> None:
    letter = [
        ("new", "You told us that you had been refused before."),
        ("conditional", "\u201cUnder section 21 we are not required to provide information if it is "
                        "reasonably accessible to you."),
        ("new", "The information you requested is available via the link below.\u201d"),
    ]
    assert with_rules_met([], letter) == []
    unquoted = [(role, text.strip("\u201c\u201d")) for role, text in letter]
    assert with_rules_met([], unquoted) == ["21"]
