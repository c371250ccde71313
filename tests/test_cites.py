"""What a reply cites, round 11 (issue 12): the authority's reference on a label line, and the
sections it applies.

All references, names and wording are invented; the shapes follow real replies
(tests/fixtures/mail/SOURCES.md, "round 11").
"""

from __future__ import annotations

import pytest

from foi.mail.classify import classify
from foi.mail.reading.references import find_force_reference
from foi.mail.reading.sections import find_sections, named_only
from foi.mail.reading.signals import COST_LIMIT_RE, NCND_RE

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
        "Your Ref: 431\nDear Sir,",  # ours
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
        "Locating every file by hand would go well above the amount which I am lawfully expected to spend.",
        "That search would exceed the amount of time which the force is required to spend on a request.",
        "Reviewing each record in turn would take us beyond the amount that the Constabulary can lawfully spend.",
        "The cost of supplying you with this information would be well in excess of the limit set by law.",
        "The cost of complying with your request exceeds the statutory maximum.",
        "I estimate that the cost of locating all of the records is over the amount set in the regulations.",
        "It would plainly take an inordinate amount of officer time to search each of the case files.",
        "Answering this would require an excessive amount of manual searching across several systems.",
        "Working through the paper files will exceed the amount to which we are",  # a page cut mid-sentence
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


# --- a ground given by its number and its title ---------------------------------------------

@pytest.mark.parametrize(
    ("sentence", "sections"),
    [
        ("Exclusion 31: law enforcement \u2013 the manual shows how a fraud could be hidden", ["31"]),
        ("Exemption 40 \u2013 personal data: the names of junior staff have been removed", ["40"]),
        ("- withheld \u2013 Section 41 \u2013 Information provided in confidence.", ["41"]),
        ("40(2) \u2013 Personal information", ["40(2)"]),
        ("Exemption 43 (commercial interests) covers the unit prices.", ["43"]),
        ("Exemptions applied: 30 \u2013 Investigations, 40 \u2013 Personal data", ["30", "40"]),
        ("Exception 38: Health and Safety \u2013 the addresses of the refuges", ["38"]),
        ("24 - National Security", ["24"]),
    ],
)
def test_a_ground_given_by_number_and_title(sentence: str, sections: list[str]) -> None:
    assert find_sections(sentence) == sections


@pytest.mark.parametrize(
    "sentence",
    [
        "There were 31 law enforcement officers on duty that night.",  # a count, no separator
        "We hold 40 personal data records about the scheme.",
        "Paragraph 24 \u2013 national security concerns were raised by the reviewer.",  # a paragraph's number
        "Question 40 - personal data held on the app",  # the request's numbering
        "Exemption 31: Defence",  # the title is another ground's: the number is not checked
        "31 \u2013 Health and safety inspections were carried out",
    ],
)
def test_a_number_without_its_own_title_is_no_ground(sentence: str) -> None:
    assert find_sections(sentence) == []


# --- an annex spoken of, or heading the letter itself, is not the start of an annex -----------

_LETTER_AFTER_ANNEX_HEADING = """Central Information Team
Annex A

Our Ref: 2207
4th May 2013

Dear Ms Quill

Thank you for your request of 19 April 2013 for the staff guidance on benefit checks.
A copy of the guidance that can be released is enclosed.
Some of it has been held back because it falls under exemptions in the Act:

Exclusion 31 \u2013 law enforcement: it describes how checks could be evaded
Exclusion 40: Personal data \u2013 it names individual members of staff

Yours sincerely,

Central Information Team
"""

_ANNEX_SPOKEN_OF = """Dear Mr Rowe,

The 2022 figures go on our statistics page in the spring, so for now we hold them back as information
meant to be published later (section 22 of the Act). Annex A to this letter gives the wording of the \
exemption we rely on and the reasons the balance of public interest lies in waiting for publication.

https://example.org/statistics/spring

What the operator is paid each month may not be disclosed by law: we rely on section 44 \
(prohibitions on disclosure) of the Act.

Yours sincerely,
Information Team
"""


def test_annex_a_above_the_greeting_titles_the_letter() -> None:
    result = classify("Freedom of Information request - benefit checks", _LETTER_AFTER_ANNEX_HEADING)
    assert result.guess == "partial"
    assert result.sections == ["31", "40"]
    assert result.force_reference == "2207"


def test_a_sentence_about_an_annex_does_not_end_the_letter() -> None:
    result = classify("Freedom of Information request - payments", _ANNEX_SPOKEN_OF)
    assert result.sections == ["22", "44"]


# --- the Act's text quoted under its number; a law numbered by articles; a section pointed back to

_STATUTE_QUOTED = """Dear Ms Adeyemi,

Please provide copies of your guidance on automated decision tools.

We have considered whether the information should be released, and the following provision applies:

31.(1) Information which is not exempt information by virtue of section 30 is exempt information if its
disclosure under this Act would, or would be likely to, prejudice -
(a) the prevention or detection of crime,

Having weighed the arguments set out earlier, we have decided to withhold this information.
"""


@pytest.mark.parametrize(
    ("sentence", "sections"),
    [
        ("31.(1) Information which is not exempt information by virtue of section 30 is exempt information if",
         ["31(1)"]),
        ("40 (2) Any information to which a request for information relates is also exempt information if", ["40(2)"]),
        ("43(2) Information is exempt information if its disclosure would prejudice commercial interests", ["43(2)"]),
        ("Section 38(1) Information is exempt information if its disclosure would endanger the safety of anyone",
         ["38(1)"]),
        ("24.(2) The duty to confirm or deny does not arise if exemption is required to safeguard national security",
         ["24(2)"]),
        ("41 (1) Information is exempt information if it was obtained by the public authority from any other person",
         ["41(1)"]),
    ],
)
def test_the_act_quoted_under_its_number_names_the_ground(sentence: str, sections: list[str]) -> None:
    assert find_sections(sentence) == sections


@pytest.mark.parametrize(
    "sentence",
    [
        "21. (1) How many officers were trained in each of the last three years?",  # a numbered question
        "12 (3) officers were on duty in the town centre.",
        "31.(1) The force holds no policy on drones.",
    ],
)
def test_a_numbered_line_that_is_not_the_act(sentence: str) -> None:
    assert find_sections(sentence) == []


def test_a_letter_that_quotes_the_act_and_withholds_cites_that_provision() -> None:
    result = classify("FOI 2025/0417 - guidance", _STATUTE_QUOTED)
    assert result.sections == ["31(1)"]


@pytest.mark.parametrize(
    ("sentence", "sections"),
    [
        ("For the rota we rely on Article 42(b) and (c) of the Freedom of Information (Jersey) Law "
         "2011.", ["42"]),
        ("We rely on Article 25 of the Freedom of Information (Jersey) Law 2011 for the names.", ["25"]),
        ("Articles 16 and 42 of the Freedom of Information (Guernsey) Law apply.", ["16", "42"]),
        # the early articles define terms; another law's articles are not grounds
        ("The flight is not recorded, so Article 3 of the Freedom of Information (Jersey) Law 2011 applies.", []),
        ("Article 6 of the Data Protection (Jersey) Law 2018 is relevant here.", []),
        ("Article 8 of the European Convention on Human Rights protects private life.", []),
    ],
)
def test_a_law_numbered_by_articles(sentence: str, sections: list[str]) -> None:
    assert find_sections(sentence) == sections


def test_a_section_pointed_back_to_is_only_named() -> None:
    text = ("The statistics you asked for are published on our website and are therefore exempt under section 21. "
            "We hold nothing about a \u00a3700 threshold; the page concerns the s.12 cost exemption mentioned above.")
    assert find_sections(text) == ["21"]
    text = ("The figures are exempt under section 21 as they are published. Section 12, referred to earlier, "
            "sets the cost limit for all authorities.")
    assert find_sections(text) == ["21"]


# --- a ground applied, then the statute explained in a relative clause -----------------------

@pytest.mark.parametrize(
    "sentence",
    [
        "We are holding these figures back under section 22 of the Act, which says that an authority need not "
        "disclose what it already plans to publish.",
        "The report is exempt by virtue of section 21, which provides that an authority need not give out "
        "information the applicant can reach by other means.",
        "I have applied section 43(2) to the prices, which allows an authority to protect commercial interests.",
        "The names are withheld under section 40(2), which means that personal data of third parties is exempt.",
        "We rely on section 31(1)(a) for the deployment plans, a provision that permits any authority to withhold "
        "what would prejudice the prevention of crime.",
        "Your request is refused under section 14(1) of the Act, which states that an authority need not "
        "comply with a vexatious request.",
    ],
)
def test_a_ground_applied_then_explained_is_applied(sentence: str) -> None:
    assert not named_only(sentence)
    assert find_sections(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        # the statute described, nothing applied before the relative clause
        "Section 12 of the Act, which provides that an authority need not comply where the cost would exceed the "
        "limit, is explained in the guidance.",
        "Section 12 provides that an authority need not comply if the cost exceeds the limit.",
        "Under the Act, section 21 allows an authority to decline to provide information that is already published.",
        # applied only on a condition
        "If we withheld it under section 22, which says that future publications need not be disclosed, we would "
        "tell you.",
        # other requests counted
        "The number of requests refused under section 14, which covers vexatious requests, was 12 last year.",
        "Section 40 means that personal data about other people is exempt from disclosure.",
    ],
)
def test_a_ground_only_explained_is_named(sentence: str) -> None:
    assert named_only(sentence)


# --- NCND in other words ----------------------------------------------------------------------

@pytest.mark.parametrize(
    "sentence",
    [
        "Northshire Police cannot confirm whether or not it has any information held on this point.",
        "I am unable to confirm whether or not the force holds information of this kind.",
        "We cannot say whether the force holds any such records.",
        "The Constabulary is not in a position to confirm whether any material is held.",
        "We will not state whether this information is or is not held.",
        "We can not confirm whether the council has any such file.",
    ],
)
def test_refusing_to_say_whether_anything_is_held_is_ncnd(sentence: str) -> None:
    assert NCND_RE.search(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "We cannot yet say whether the information is held; we will reply by 3 May.",  # a reply to come
        "We will confirm whether the information is held within 20 working days.",
        "Please confirm whether you hold the information in electronic form.",  # the request's words
        "We have confirmed whether the information is held: it is, and it is attached.",
        "I am unable to confirm the date of the meeting.",
    ],
)
def test_saying_or_promising_to_say_is_not_ncnd(sentence: str) -> None:
    assert not NCND_RE.search(sentence)
