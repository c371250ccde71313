"""What a reply cites, round 12b (issue 12): reference shapes seen on fresh authorities' replies.

All references, names and wording are invented; the shapes follow real replies
(tests/fixtures/mail/SOURCES.md, "round 12b").
"""

from __future__ import annotations

import pytest

from foi.mail.reading.references import find_force_reference, title_code
from foi.mail.reading.sections import collect_sections
from foi.mail.reading.signals import NCND_RE

_BODY = "Dear requester,\nPlease find our answer below."

# --- a log title carrying its case number ---------------------------------------------------------


@pytest.mark.parametrize(
    ("subject", "ref"),
    [
        # the title closing on its bare number in brackets
        ("Horse patrol costs (203118)", "203118"),
        ("RE: Taser training hours (47712)", "47712"),
        ("Speed awareness courses (3096) ", "3096"),
        # a number no letter could date is still a case number
        ("Cannabis grows found (2071)", "2071"),
        # a code of capitals glued to its figures heading the title, then a spaced dash
        ("XY0123 \u2013 Speed cameras on rural roads", "XY0123"),
        ("RE: PCC0457 - Commissioner's diary", "PCC0457"),
        ("QT0091 : Drone flights", "QT0091"),
    ],
)
def test_a_log_title_carrying_its_case_number(subject: str, ref: str) -> None:
    assert title_code(subject) == ref
    assert find_force_reference(_BODY, subject) == ref


@pytest.mark.parametrize(
    "subject",
    [
        "Crime figures by year (2019)",  # a year
        "Calls to the non-emergency line (101)",  # three figures: a number, not a case
        "Stolen bicycles (1,204)",  # a count
        "A140 - road closures in the county",  # a road: one capital
        "M4 \u2013 speed cameras",
        "TEL0123 - switchboard",  # a telephone line
        "XY0123 Speed cameras",  # no dash after the code: a title word, not a heading code
        "Costs (203118) of horse patrols",  # the bracket does not close the title
    ],
)
def test_a_title_without_a_case_number(subject: str) -> None:
    assert title_code(subject) is None


# --- labelled references ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "ref"),
    [
        # a stray space after the last hyphen of a many-part code
        ("Our Ref: AB-FOI-2019- 0412 Date: 3 May 2019", "AB-FOI-2019- 0412"),
        ("Reference: XY-REQ-77- 1209\nDear Sir", "XY-REQ-77- 1209"),
        # a heading whose last word is a label's first ("... REQUEST" then "Reference:" below)
        ("DISCLOSURE LOG\n\nANSWER TO REQUEST\nReference: 2020 \u2013 118 / QR2207\nDate: 1 June 2020",
         "2020 \u2013 118 / QR2207"),
        ("FREEDOM OF INFORMATION REQUEST\nReference: 2019 - 44 / AB1002\n", "2019 - 44 / AB1002"),
        # a labelled four-figure number that is no plausible year
        ("Reference Number: 2071\nDate released: 4 May 2009", "2071"),
        ("Our ref: 4512\nDear requester", "4512"),
    ],
)
def test_labelled_reference_shapes(text: str, ref: str) -> None:
    assert find_force_reference(text) == ref


@pytest.mark.parametrize(
    "text",
    [
        "Reference: 2019\nDear requester",  # a year
        "The figures cover 2015 to 2019. We refer to the 2000 Act.",
        "Your ref: AB-FOI-2019- 0412\nDear requester",  # ours
    ],
)
def test_no_reference_in(text: str) -> None:
    assert find_force_reference(text) is None


# --- NCND: the letter cannot say whether a named holder holds it ------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "I am unable to confirm whether the Records Office does hold information within the scope of your request.",
        "We cannot confirm whether Northshire Police holds any information of that kind.",
        "The force is not able to state whether the department does or does not hold such records.",
        "I can't say whether we hold any data about that operation.",
        "We are not in a position to confirm whether the constabulary has the records you describe.",
        "I am unable to say whether or not the Office of the Commissioner holds the information.",
    ],
)
def test_ncnd_said_as_unable_to_confirm_holding(sentence: str) -> None:
    assert NCND_RE.search(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "We cannot confirm whether the figures include cautions.",
        "You asked us to confirm whether the force holds data on drones.",  # the request, not the stance
        "We are unable to say whether the figures held are complete.",
        "Please confirm whether you hold the information.",
        "We cannot say whether the new scheme improved response times.",
    ],
)
def test_not_ncnd(sentence: str) -> None:
    assert not NCND_RE.search(sentence)


# --- an NCND subsection described right after the letter's own NCND stance is applied ---------------

_GIVEN = "Parts 1 and 2 are exempt under section 21 because the policy is published on our website."
_RULE = ("Section 31(3) of the Act states that the department is not obliged to confirm whether it holds "
         "information where doing so would harm law enforcement.")


@pytest.mark.parametrize(
    ("stance", "rule", "expected"),
    [
        ("For part 3, I can neither confirm nor deny whether the department holds the information you asked for.",
         _RULE, ["21", "31(3)"]),
        ("As to part 3, we will neither confirm nor deny that such records exist.", _RULE, ["21", "31(3)"]),
        ("On the third question the force is unable to confirm whether Northshire Police holds any records.",
         "Section 30(3) provides that the force need not say whether it holds such information.", ["21", "30(3)"]),
        ("Whether it is held will be neither confirmed nor denied.",
         "Section 40(5B) means that we need not confirm or deny holding personal data of others.", ["21", "40(5B)"]),
        ("We cannot confirm or deny that the information is held.",
         "Section 23(5) states that the duty to confirm or deny does not arise for such bodies.", ["21", "23(5)"]),
        ("I am unable to say whether or not the Office holds the information.",
         "Section 24(2) sets out that we are excused from saying whether we hold anything on national security.",
         ["21", "24(2)"]),
    ],
)
def test_an_ncnd_subsection_described_after_the_stance_is_applied(stance: str, rule: str, expected: list[str]) -> None:
    assert collect_sections([_GIVEN, stance, rule]) == expected


@pytest.mark.parametrize(
    "before",
    [
        "For part 3, we hold nothing.",  # no stance
        "A public authority may neither confirm nor deny in some cases.",  # the rule, not the stance
        "If we could neither confirm nor deny, we would tell you.",  # a condition
        "You asked how many requests were given a neither confirm nor deny response.",  # a count
    ],
)
def test_an_ncnd_subsection_only_described_stays_explanation(before: str) -> None:
    assert collect_sections([_GIVEN, before, _RULE]) == ["21"]
