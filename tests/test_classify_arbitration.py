"""Round 8 of reading real replies (issue 12): arbitration between competing signals. The
decision is what the letter relies on, in its own deciding sentences or a log's outcome field;
sections merely named (the requester's question told back, the statute described, other
requests counted by section) are not grounds; narrative "not held" remarks in a cost refusal do
not compete with it; and confidence says how much independent evidence agrees.

Every message here is written in our own words; tests/fixtures/mail/SOURCES.md names the kind of
public page where each pattern was seen.
"""

from __future__ import annotations

from datetime import date

import pytest

from foi.mail.classify import classify
from foi.mail.reading.decisions import deciding, heading_decision, own_words
from foi.mail.reading.references import find_force_reference
from foi.mail.reading.sections import find_sections, is_ncnd_section

# --------------------------------------------------------------------------------------------
# 1a. The requester's question told back names a section: not a ground


@pytest.mark.parametrize(
    "text",
    [
        "Dear Mr Smith,\n\nThank you for your request of 3 March, in which you asked how many requests the force "
        "refused under section 12 last year.\n\nThe breakdown you want would reveal how the force targets its "
        "enforcement work, so it is exempt under section 31(1)(a). We have therefore decided to withhold it.\n\n"
        "Yours sincerely",
        "Dear Requester,\n\nYou asked for the number of refusals made under section 12 in 2024, broken down by "
        "month.\n\nWe consider that releasing the monthly breakdown would prejudice the prevention of crime and "
        "the information is withheld under section 31(1)(a).\n\nRegards",
        "Hello,\n\nYour request asked how often the cost limit in section 12 was used by the unit.\n\nThe "
        "information is being withheld: section 31(1)(a) is engaged because disclosure would prejudice law "
        "enforcement.\n\nKind regards",
    ],
)
def test_section_in_the_question_told_back_is_not_a_ground(text: str) -> None:
    c = classify("Your request", text)
    assert c.guess == "refused"
    assert c.sections == ["31(1)(a)"]


@pytest.mark.parametrize(
    ("sentence", "kept"),
    [
        ("Thank you for your request, in which you asked how many requests were refused under section 12.",
         "Thank you for your request,"),
        ("Your request asked about section 14.", ""),
        ("You wanted to know whether section 12 was used.", ""),
        # Negatives: "you requested" inside a phrase about the answer, or a review asked for.
        ("The information you requested is attached.", "The information you requested is attached."),
        ("As you requested, the figures are attached.", "As you requested, the figures are attached."),
        ("You requested an internal review of our reply.", "You requested an internal review of our reply."),
    ],
)
def test_own_words(sentence: str, kept: str) -> None:
    assert own_words(sentence) == kept


# --------------------------------------------------------------------------------------------
# 1b. A section described for any authority beside the one applied is not a ground


@pytest.mark.parametrize(
    "text",
    [
        "Section 12 of the Act lets an authority decline a request where finding the information would cost more "
        "than the appropriate limit. We are not relying on section 12 here. The figures are published on our "
        "website, so they are exempt under section 21 as they are reasonably accessible to you by other means.",
        "Under section 12 an authority need not comply with a request that would exceed the cost "
        "limit. In this case, however, the information is already available on our website and section 21 "
        "applies.",
        "Section 12 provides that an authority need not comply where the cost of compliance exceeds 450 pounds. "
        "The report you seek is published, so we are refusing your request under section 21.",
    ],
)
def test_section_described_beside_the_one_applied(text: str) -> None:
    assert find_sections(text) == ["21"]


def test_section_described_alone_is_still_the_ground() -> None:
    # Negative: a cost refusal that only describes s.12 relies on it.
    text = ("Section 12 of the Act allows an authority to refuse a request where answering it would "
            "exceed the appropriate limit. Locating the records would take well over 18 hours, so we are not "
            "obliged to comply with your request.")
    assert find_sections(text) == ["12"]


# --------------------------------------------------------------------------------------------
# 1c. A cost refusal whose request is about how often s.14 was used


@pytest.mark.parametrize(
    "text",
    [
        "Dear Requester,\n\nYour request asked how often the force has declared a request vexatious under section "
        "14 in each year since 2019.\n\nRequests are not recorded by the reason for closing them. To "
        "establish how many were closed as vexatious we would have to read every one of the 6,000 case files, "
        "which would take far longer than 18 hours.\n\nWe estimate that this would exceed the appropriate limit, "
        "and so we are not obliged to comply with your request.\n\nYours faithfully",
        "Dear Sir,\n\nTo identify the number of requests refused under section 14 since 2020, staff would need to "
        "open each case record by hand. We estimate this would take more than 40 hours, which is beyond the cost "
        "limit, so we cannot comply with your request.\n\nRegards",
        "Hello,\n\nThe case system does not record which requests were treated as vexatious. Finding them would "
        "mean reading every file and would exceed the cost limit. Your request is therefore refused.\n\nThanks",
    ],
)
def test_cost_refusal_about_section_14(text: str) -> None:
    c = classify("Your request", text)
    assert c.kind == "refused", c.reasons
    assert c.sections == ["12"]


def test_vexatious_decision_still_reads_as_14() -> None:
    # Negative: the letter itself finds the request vexatious.
    assert find_sections("We consider your request to be vexatious and will not respond to it.") == ["14"]


# --------------------------------------------------------------------------------------------
# 2. A log's outcome printed as a heading, with NCND subsections and a bare number by the title


LOG_PAGE = (
    "{title}\n{number}\n{outcome}\n\nRequest\nPlease tell me how many times armed officers were sent to "
    "incidents at schools in 2023, and which units were involved.\n\nResponse\n{body}\n"
)


@pytest.mark.parametrize(
    ("outcome", "kind", "sections", "ncnd"),
    [
        ("Disclosed in Part - Sections 23(5), 24(2) and 31(3) Applied", "partial",
         ["23(5)", "24(2)", "31(3)"], True),
        ("Partially released - s.40(2) and s.31(3)", "partial", ["40(2)", "31(3)"], True),
        ("Refused under Section 24(2) and Section 23(5)", "refused", ["24(2)", "23(5)"], True),
        ("Partial disclosure: exemptions applied section 40(2) and section 30(1)", "partial",
         ["40(2)", "30(1)"], False),
    ],
)
def test_outcome_heading_decides(outcome: str, kind: str, sections: list[str], ncnd: bool) -> None:
    page = LOG_PAGE.format(title="Armed officers at schools", number="4417", outcome=outcome,
                           body="Please see the attached document.")
    c = classify("", page, ["response.pdf"])
    assert (c.guess, c.sections, c.ncnd, c.force_reference) == (kind, sections, ncnd, "4417")


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Disclosed in Part - Sections 23(5), 24(2) and 31(3) Applied", "partial"),
        ("Full disclosure", "responded"),
        ("Information not held", "not-held"),
        ("Refusal - Sections 24(1) and 31(1)(a)", "refused"),
        # Negatives: no grounds named, or a sentence rather than a heading.
        ("Refused", None),
        ("Exemptions", None),
        ("We have refused your request under section 12 because of the cost.", None),
        ("Part 1", None),
    ],
)
def test_heading_decision(line: str, expected: str | None) -> None:
    found = heading_decision(["Firearms licences", line])
    assert (found[0] if found else None) == expected


@pytest.mark.parametrize(("section", "ncnd"), [("23(5)", True), ("40(5B)(a)(i)", True), ("31(3)", True),
                                               ("31(1)(a)", False), ("40(2)", False), ("12", False)])
def test_ncnd_subsections(section: str, ncnd: bool) -> None:
    assert is_ncnd_section(section) is ncnd


@pytest.mark.parametrize(
    ("text", "ref"),
    [
        ("Stop and search in parks\n2291\nFull disclosure\n\nRequest\nHow many searches?", "2291"),
        ("Drone use 2024\n1877/24\n\nResponse\nWe hold the attached.", "1877/24"),
        # Negatives: a figure in the answer, a year alone, a number far from the top.
        ("Dear Sir,\nThank you for your request.\nThe number of searches was:\n2291\n", None),
        ("Drone use\n2024\nFull disclosure", None),
    ],
)
def test_bare_number_by_the_title(text: str, ref: str | None) -> None:
    assert find_force_reference(text) == ref


# --------------------------------------------------------------------------------------------
# 3. What the letter decides outweighs narrative: cost refusals, question-by-question answers

COST_WITH_NARRATIVE = [
    "Dear Requester,\n\nThe Payroll Team does not hold overtime broken down by custody suite, and the Custody Unit "
    "does not hold rank for staff on overtime. Answering would mean examining each timesheet by hand, which we "
    "estimate would take well over 18 hours, so the force is not obliged to comply with your request under "
    "section 12.\n\nSection 17 of the Act requires a public authority, when refusing a request because the "
    "information is exempt or the cost limit applies, to give a notice saying so.\n\nYours sincerely",
    "Dear Sir,\n\nTo answer your request we would need to read every custody record for the year, as the reason "
    "for detention is not held in a searchable field. That would take far longer than the 18 hours allowed, so "
    "we cannot comply with your request.\n\nYours faithfully",
    "Hello,\n\nThe Fleet Department does not hold mileage by officer. Gathering it from each vehicle log would "
    "exceed the appropriate limit, and we are therefore refusing your request.\n\nRegards",
]


@pytest.mark.parametrize("text", COST_WITH_NARRATIVE)
def test_cost_refusal_with_search_narrative_is_decided(text: str) -> None:
    c = classify("Your request", text)
    assert (c.kind, c.sections) == ("refused", ["12"]), c.reasons


def test_plain_not_held_beside_a_cost_limit_still_asks() -> None:
    # Negative: the whole request said plainly not to be held, then a cost refusal: two decisions.
    text = ("Dear Requester,\n\nThe information you asked for is not held by the force. Searching every "
            "station's paper files to be sure would exceed the cost limit, so we are not obliged to comply with "
            "your request.\n\nRegards")
    assert classify("Your request", text).kind == "needs-review"


@pytest.mark.parametrize(
    "text",
    [
        "Dear Requester,\n\nQuestion 1: How many tasers were fired in 2024?\nResponse: 57.\n\nQuestion 2: How many "
        "of those involved children?\nResponse: No information held.\n\nQuestion 3: How many officers carry one?\n"
        "Response: 1,140 officers.\n\nYours sincerely",
        "Dear Requester,\n\n1. How many drones does the force own?\nThe force owns 14 drones.\n\n2. How many pilots "
        "are there?\nThere are 38 trained pilots.\n\n3. What was spent on training in 2019?\nWe hold no information "
        "for 2019.\n\nYours sincerely",
        "Dear Requester,\n\nPart A - vehicles seized in 2024: 312.\nPart B - the number returned to the owner: this "
        "information is not held.\nPart C - the storage cost: \u00a341,000.\n\nRegards",
    ],
)
def test_one_part_not_held_rest_answered_is_responded(text: str) -> None:
    assert classify("Your request", text).kind == "responded"


@pytest.mark.parametrize(
    "second",
    ["Not applicable (see Q1).", "N/A - see the answer to question 1.", "As above."],
)
def test_part_pointing_back_to_not_held_part_is_not_held(second: str) -> None:
    text = (f"Dear Requester,\n\nQ1. Does the force hold a contract with a face-matching supplier?\nNo information "
            f"held.\n\nQ2. If so, what is it worth?\n{second}\n\nYours sincerely")
    assert classify("Your request", text).kind == "not-held"


def test_part_pointing_back_beside_answers_is_not_a_part() -> None:
    # Negative: pointing back to an answered part leaves an answer.
    text = ("Dear Requester,\n\nQ1. How many cameras does the force own?\n212.\n\nQ2. How many are body-worn?\n"
            "All of them.\n\nQ3. How many are in storage?\nSee the answer to question 1.\n\nYours sincerely")
    assert classify("Your request", text).guess == "responded"


# --------------------------------------------------------------------------------------------
# 4. Confidence: no automatic refusal without a sentence that applies a ground or refuses


@pytest.mark.parametrize(
    "text",
    [
        "Dear Requester,\n\nThank you for your request. Section 40 of the Act covers personal data and section 31 "
        "covers law enforcement. The public interest test weighs the arguments for and against disclosure in "
        "each case.\n\nRegards",
        "Hello,\n\nExemptions under the Act include section 24, national security, and section 23, bodies dealing "
        "with security matters. Both are commonly considered where firearms units are concerned.\n\nThanks",
    ],
)
def test_sections_explained_but_not_applied_are_not_decided(text: str) -> None:
    assert classify("Your request", text).kind == "needs-review"


@pytest.mark.parametrize(
    "sentence",
    [
        "The information is exempt under section 40(2).",
        "So we are not obliged to comply with your request.",
        "Locating it would exceed the 'appropriate level' set by the regulations.",
        "We estimate that retrieving it would take 60 hours of work.",
        "Section 31(1)(g) 'Law Enforcement'",
        "The force will neither confirm nor deny holding this information.",
        "The names cannot be disclosed.",
    ],
)
def test_deciding_sentences(sentence: str) -> None:
    assert deciding([sentence]) == [sentence]


@pytest.mark.parametrize(
    "sentence",
    [
        "Section 40 of the Act covers personal data.",
        "The public interest test weighs the arguments for and against disclosure.",
        "Thank you for your request about section 12.",
    ],
)
def test_not_deciding_sentences(sentence: str) -> None:
    assert deciding([sentence]) == []


# --------------------------------------------------------------------------------------------
# 1d. NCND as the subject of the request (other requests counted by their outcome)


@pytest.mark.parametrize(
    "text",
    [
        "Dear Requester,\n\nOur case system does not record which requests were given a neither confirm nor deny "
        "response. To find them, staff would need to read each of the 4,100 case files, which we estimate would "
        "take more than 200 hours. This exceeds the appropriate limit, and the force is not obliged to comply with "
        "your request.\n\nYours sincerely",
        "Hello,\n\nThe number of NCND replies sent each year is not recorded anywhere we can search. Counting them "
        "would take far longer than 18 hours, so we cannot comply with your request.\n\nRegards",
    ],
)
def test_ncnd_counted_in_a_cost_refusal_is_not_ncnd(text: str) -> None:
    c = classify("Your request", text)
    assert (c.kind, c.sections, c.ncnd) == ("refused", ["12"], False), c.reasons


@pytest.mark.parametrize(
    "sentence",
    [
        "We can neither confirm nor deny whether any such records exist.",
        "In line with other requests of this kind, we neither confirm nor deny whether this is held.",
    ],
)
def test_ncnd_stance_stays_ncnd(sentence: str) -> None:
    assert classify("Your request", f"Dear Requester,\n\n{sentence} Section 23(5) applies.\n\nRegards").ncnd


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Section 12 does not apply here, but the report is published and section 21 applies.", ["21"]),
        ("We are not relying on section 12; however section 21 is engaged.", ["21"]),
        ("Section 40(2) has not been applied because the names are already public. Section 31(1)(a) applies.",
         ["31(1)(a)"]),
        ("Section 12 would not apply to this request. The figures are exempt under section 21.", ["21"]),
        # Negative: the duty to confirm or deny "does not apply by virtue of" a ground relies on it.
        ("The duty in section 1(1)(a) does not apply by virtue of section 24(2) and section 31(3).",
         ["24(2)", "31(3)"]),
    ],
)
def test_a_section_set_aside_is_not_a_ground(text: str, expected: list[str]) -> None:
    assert find_sections(text) == expected


# --------------------------------------------------------------------------------------------
# Round 8, second set: hypotheticals by inversion, the request's own preamble, other requests'
# outcomes counted, "held in part" with nothing given


@pytest.mark.parametrize(
    "hypothetical",
    [
        "Were we asked to find this out, the request would be treated as vexatious under section 14(1), as it "
        "would mean writing to over 300 staff, which would also exceed the cost limit under section 12.",
        "Had we been asked to survey every employee, section 12 would apply because of the cost.",
    ],
)
def test_a_condition_put_by_inversion_is_hypothetical(hypothetical: str) -> None:
    text = ("Dear Requester,\n\nThe trust bought no magazine subscriptions in that year. Staff may subscribe to "
            "newsletters privately, but we do not keep records of that, so we do not hold this information. "
            f"{hypothetical}\n\nRegards")
    c = classify("Your request", text)
    assert (c.kind, c.sections) == ("not-held", [])


def test_the_requests_preamble_under_you_asked_is_the_request() -> None:
    text = ("You asked:\n\nThis request relates to licences issued under the scheme. Please state:\n\n"
            "  1. The number of licences issued in 2022.\n  2. The number of licences revoked in 2022.\n\n"
            "In Response:\n\nThe information is held in part, however it cannot be disclosed. Locating it would "
            "mean a manual review of each file, which cannot be done within the permitted 18 hour threshold.")
    c = classify("FOI", text)
    assert (c.kind, c.sections) == ("refused", ["12"]), c.reasons


@pytest.mark.parametrize(
    "sentence",
    [
        "Last year 64 per cent of requests were answered in full and 19 per cent were refused.",
        "In 2023, 412 requests were refused under section 12.",
        "How many requests have been refused on the grounds of cost?",
    ],
)
def test_other_requests_outcomes_are_not_a_refusal(sentence: str) -> None:
    # A letter whose only "refusal" is figures about other requests, or our question, decides nothing.
    c = classify("Your request", f"Dear Requester,\n\n{sentence}\n\nRegards")
    assert c.kind != "refused" and c.guess != "refused"


def test_a_refusal_about_how_many_still_applies_its_section() -> None:
    # Negative: "how many" in the letter's own deciding sentence is what the search would find.
    text = ("To find out how many of these led to a charge would take more than 18 hours, so section 12 applies. "
            "So we are not obliged to comply with your request.")
    assert classify("Your request", text).sections == ["12"]


def test_the_statute_described_alone_decides_nothing_automatically() -> None:
    text = ("Dear Requester,\n\nSection 12 of the Act provides an exemption where the authority estimates that "
            "answering would exceed the appropriate limit, which is 450 pounds.\n\nRegards")
    c = classify("Your request", text)
    assert c.kind == "needs-review" and c.guess == "refused"


@pytest.mark.parametrize(
    "text",
    [
        "We have reconsidered your request. There are other grounds for refusing it, which are set out below.\n\n"
        "Under section 14(1) an authority need not comply with a vexatious request. We consider this request to be "
        "vexatious, as documented in the Commissioner's decision notice (reference FS50123456).",
        "Having looked again, we find that the reasons for refusal are explained below. Your request is refused "
        "as vexatious under section 14(1).",
    ],
)
def test_reasons_set_out_below_are_not_information(text: str) -> None:
    c = classify("Your request", text)
    assert (c.kind, c.sections) == ("refused", ["14(1)"]), c.reasons
    assert c.force_reference is None


@pytest.mark.parametrize(
    "text",
    [
        "The force can confirm that it holds additional information relevant to your request; I am, however, not "
        "obliged to supply it, for the reasons below.",
        "We hold further information on this subject, but it is exempt from disclosure.",
    ],
)
def test_more_information_withheld_reads_as_partial(text: str) -> None:
    assert classify("Your request", text).guess == "partial"


@pytest.mark.parametrize("ref", ["FS50461626", "IC-123456-A1B2"])
def test_the_commissioners_reference_is_not_theirs(ref: str) -> None:
    assert find_force_reference(f"As set out in the decision notice (reference {ref}), we have reconsidered.") is None


@pytest.mark.parametrize(
    "sentence",
    [
        "I consider that the exemptions at sections 43(2) and 41(1) were both correct and rightly relied on.",
        "Having looked at the file again, section 31(1)(a) was appropriately relied upon.",
    ],
)
def test_a_review_finding_the_grounds_rightly_applied_is_upheld(sentence: str) -> None:
    text = (f"Dear Requester,\n\nI have completed the internal review of how your request was handled. {sentence}"
            "\n\nRegards")
    assert classify("Internal review", text).kind == "review-upheld"


def test_a_review_finding_a_ground_not_rightly_applied_is_not_upheld() -> None:
    # Negative.
    text = ("Dear Requester,\n\nI have completed the internal review of your request. Section 43 was not "
            "correctly applied, and the figures can now be disclosed.\n\nRegards")
    assert classify("Internal review", text).guess == "review-overturned"


@pytest.mark.parametrize(("text", "ref"), [("FOI / 5218 / 2021 / Street lighting\nDear Sir", "FOI/5218/2021"),
                                           ("EIR/ 77 /2021 - hedge cutting", "EIR/77/2021")])
def test_a_reference_spaced_round_its_slashes(text: str, ref: str) -> None:
    assert find_force_reference(text) == ref


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Reply under the Freedom of Information (Scotland) Act 2002. Under section 25(1) of FOISA we need not give "
         "you information that is already reasonably accessible to you.", ["25(1)"]),
        ("Section 25(1) of FOISA means we need not supply what is already published.", ["25(1)"]),
        # Negative: under the UK Act s.25 is about certificates, not a ground.
        ("Section 25 of the Act deals with certificates. The information is exempt under section 24(1).", ["24(1)"]),
        # A section that "allows us" to withhold is applied, not described.
        ("Section 40(2) allows us to withhold personal data, and we have done so.", ["40(2)"]),
    ],
)
def test_scottish_grounds_and_applied_descriptions(text: str, expected: list[str]) -> None:
    assert find_sections(text) == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "The date your response is due has now been changed to 15th April.",
        "Please note the deadline for our reply has been extended to 15 April 2024.",
        "Your response date has been moved to 15 April.",
    ],
)
def test_a_due_date_moved_in_so_many_words_is_an_extension(sentence: str) -> None:
    c = classify("Your request", f"Dear Requester,\n{sentence} Please see the attached letter.\nKind regards",
                 ["letter.pdf"], headers={"Date": "Mon, 11 Mar 2024 10:00:00 +0000"})
    assert (c.kind, c.until) == ("extended", date(2024, 4, 15)), c.reasons


def test_a_due_date_stated_without_moving_is_not_an_extension() -> None:
    # Negative: the statutory date restated in an acknowledgement.
    c = classify("Acknowledgement", "Dear Requester,\nWe received your request on 1 March. The due date for our "
                 "response is 28 March.\nKind regards", headers={"Date": "Mon, 04 Mar 2024 10:00:00 +0000"})
    assert c.guess != "extended"


S17_NOTICE = [
    "Section 17 of the Act requires a public authority, when refusing a request because the information is exempt "
    "or the cost limit applies, to issue a notice that says so.",
    "The Act obliges an authority that refuses a request to explain which exemption it relies on.",
]


@pytest.mark.parametrize("notice", S17_NOTICE)
@pytest.mark.parametrize(
    ("body", "kind"),
    [
        ("The force does not hold the information you asked for, as no such records are kept.", "not-held"),
        ("In 2023 there were 41 arrests for this offence, and 12 in 2024.", "responded"),
        ("Finding this would mean reading 3,000 files, which would take well over 18 hours, so we are not obliged "
         "to comply with your request.", "refused"),
    ],
)
def test_the_section_17_paragraph_is_the_law_not_a_refusal(notice: str, body: str, kind: str) -> None:
    c = classify("FOI 123/24", f"Dear Requester,\n\n{body}\n\n{notice}\n\nRegards")
    assert c.kind == kind, c.reasons
