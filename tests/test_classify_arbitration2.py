"""Round 9 of reading real replies (issue 12): arbitration, second pass. What the letter itself
decides wins over words that only sound like a status: the request told back in the thanks for
it names no grounds; refusing words that rely on no ground, beside a question about what we want,
wait on our answer; a public interest test still to be carried out is more time taken; a table's
column headed "Partial Disclosure" is not a log's outcome field.

Every message here is written in our own words; tests/fixtures/mail/SOURCES.md names the kind of
public page where each pattern was seen.
"""

from __future__ import annotations

import pytest

from foi.mail.classify import classify
from foi.mail.reading.decisions import asks_what_we_want, own_words
from foi.mail.reading.signals import log_decision

# --------------------------------------------------------------------------------------------
# 1. The request told back as a participle under the thanks ("..., requesting a list of ...")

COST_BODY = (
    "We hold the information. However, under section 12 of the Act we need not comply where the cost of doing "
    "so would exceed the appropriate limit of \u00a3450, which is 18 hours of staff time at \u00a325 an hour. "
    "Locating and extracting these records would take far longer than 18 hours, so we are not obliged to "
    "comply with your request."
)


@pytest.mark.parametrize(
    "opening",
    [
        "Thank you for your e-mail of 2 June, which reached us on 5 June, requesting, under the Freedom of "
        "Information Act, a list of the requests where a section 43(2) exemption was used.",
        "Thank you for your request dated 12 May asking for every case in which section 31 was applied, with "
        "the date of each.",
        "We have received your letter of 1 April, seeking the number of requests refused under section 40(2) "
        "and section 43 in each of the last three years.",
        "Further to your correspondence of 9 October, requesting details of each refusal citing section 38.",
    ],
)
def test_the_request_told_back_as_a_participle_names_no_ground(opening: str) -> None:
    c = classify("FOI 2231", f"Dear Ms Jones,\n\n{opening}\n\n{COST_BODY}\n\nYours sincerely")
    assert c.kind == "refused", c.reasons
    assert c.sections == ["12"], c.sections


@pytest.mark.parametrize(
    ("sentence", "kept"),
    [
        ("Thank you for your e-mail of 2 June, requesting a list of section 43 cases.",
         "Thank you for your e-mail of 2 June"),
        ("Thank you for your request asking for the figures under section 12.", "Thank you for your request"),
    ],
)
def test_own_words_stop_where_the_participle_starts(sentence: str, kept: str) -> None:
    assert own_words(sentence).rstrip(",") == kept


@pytest.mark.parametrize(
    "sentence",
    [
        # Negatives: not the thanks for the request, or the participle is the authority's own act.
        "The force is relying on section 43(2), requesting that you note the commercial interests involved.",
        "We are withholding the names under section 40(2), seeking to protect the officers' privacy.",
        "Thank you for your patience, as requested.",
    ],
)
def test_a_participle_outside_the_thanks_is_the_authoritys_own(sentence: str) -> None:
    assert own_words(sentence) == sentence


# --------------------------------------------------------------------------------------------
# 2. Refusing words with no ground, beside a question about what we want: clarification


@pytest.mark.parametrize(
    "text",
    [
        "Dear Requester,\n\nThe Act gives a right to recorded information; it does not oblige us to give opinions "
        "or to make up examples. We are therefore not obliged to provide the list of sample answers you describe."
        "\n\nIf you are looking for recorded information we hold, please clarify what information you require."
        "\n\nRegards",
        "Hello,\n\nWe cannot provide a view on what a future policy ought to say, as that is not information we "
        "hold in recorded form. Could you specify which documents or records you would like us to search for?"
        "\n\nKind regards",
        "Dear Mr Patel,\n\nWe are unable to provide an explanation of our reasoning that has not been written "
        "down. Please tell us exactly which records you are interested in, so that we can look for them.\n\n"
        "Yours sincerely",
    ],
)
def test_refusing_words_without_a_ground_and_a_question_to_us_are_clarification(text: str) -> None:
    c = classify("RE: your request", text)
    assert c.kind == "clarification", c.reasons


@pytest.mark.parametrize(
    "text",
    [
        # Negatives: a ground is relied on, so the refusal stands (or at least is not read as a question).
        "Dear Requester,\n\nThe information is exempt under section 31(1)(a) and is withheld. If you wish to make "
        "a new request, please clarify what other information you require.\n\nRegards",
        "Dear Requester,\n\nWe neither confirm nor deny whether we hold this information, by virtue of section "
        "23(5). Please specify which other records you want, if any.\n\nRegards",
        "Dear Requester,\n\nLocating this would take well over 18 hours, so section 12 applies and we are not "
        "obliged to comply. Please clarify which single year you would like instead.\n\nRegards",
    ],
)
def test_a_question_beside_a_refusal_on_a_ground_is_not_plain_clarification(text: str) -> None:
    c = classify("RE: your request", text)
    assert c.kind != "clarification" or "ground" not in " ".join(c.reasons), c.reasons
    assert c.guess in ("refused", "clarification", "needs-review")
    assert not (c.kind == "clarification" and "rely on no ground" in " ".join(c.reasons))


def test_asks_what_we_want_paraphrases_and_negatives() -> None:
    asks = [
        "Please clarify what information you require.",
        "Could you please specify which records you mean?",
        "Kindly tell us exactly which period you are interested in.",
        "We would ask that you confirm whether you mean the force or the commissioner's office.",
    ]
    not_asks = [
        "Please find the information you requested below.",
        "Please let us know if you are unhappy with this response.",
        "We have clarified the position in the table below.",
    ]
    assert asks_what_we_want(asks) == asks
    assert asks_what_we_want(not_asks) == []


# --------------------------------------------------------------------------------------------
# 3. A public interest test still to be carried out: more time taken


@pytest.mark.parametrize(
    "text",
    [
        "Dear Ms Lee,\n\nThank you for your request of 4 May. We can confirm we hold information within its scope. "
        "Some of it may be exempt under section 35, a qualified exemption, so we are required "
        "first to conduct the public interest test before we decide.\n\nYours sincerely",
        "Dear Requester,\n\nWe hold relevant records, but part of them may fall under section 36. We will need to "
        "conduct the public interest test on that part.\n\nRegards",
        "Hello,\n\nWe have found information that may be covered by section 43(2), which is qualified. We must "
        "therefore carry out a public interest test.\n\nKind regards",
    ],
)
def test_a_public_interest_test_still_to_do_is_more_time(text: str) -> None:
    c = classify("RE: Freedom of Information request", text)
    assert c.kind == "extended", c.reasons
    assert c.sections == []


@pytest.mark.parametrize(
    "text",
    [
        # Negatives: the test has been done and the letter decides.
        "Dear Requester,\n\nSection 35 is a qualified exemption. We have carried out a public interest test and "
        "concluded that the balance favours withholding the information, which is therefore withheld under "
        "section 35.\n\nRegards",
        "Dear Requester,\n\nThe information is exempt under section 31(1)(a). Having conducted the public interest "
        "test, we find that the public interest in maintaining the exemption outweighs that in disclosure, and "
        "we refuse your request.\n\nRegards",
    ],
)
def test_a_public_interest_test_done_is_no_extension(text: str) -> None:
    c = classify("RE: Freedom of Information request", text)
    assert c.guess == "refused", c.reasons


# --------------------------------------------------------------------------------------------
# 4. A table's column headed like a log's outcome value is not the filing of the reply


def test_a_column_header_is_not_a_log_outcome_field() -> None:
    lines = ["Exemption |", "Partial Disclosure |", "Non Disclosure |", "31(1)(a) |", "4 |", "2 |"]
    assert log_decision(lines) is None


@pytest.mark.parametrize("line", ["Partial Disclosure", "Full Disclosure", "  Partial disclosure  "])
def test_a_bare_outcome_line_is_still_a_log_outcome_field(line: str) -> None:
    assert log_decision(["Request reference 123", line]) is not None


def test_counts_of_disclosures_in_a_table_answer_the_request() -> None:
    text = (
        "Request: the number of refusals by exemption.\n\nWe do not hold figures for requests where the public "
        "interest favoured release, as these are not recorded.\n\nThe table below gives the refusals we do record."
        "\n\nExemption |\nPartial Disclosure |\nNon Disclosure |\n31(1)(a) |\n4 |\n2 |\n40(2) |\n7 |\n3 |\n"
        "43(2) |\n1 |\n0 |\n"
    )
    c = classify("FOI release", text)
    assert c.guess == "responded", c.reasons
    assert c.kind in ("responded", "needs-review")


# --------------------------------------------------------------------------------------------
# 5. "We can tell you that the data you want is excluded / exempt": a decision, not data


@pytest.mark.parametrize(
    "text",
    [
        "We can advise you that the data you asked for is excluded from the Act, because the broadcaster "
        "keeps it for journalism. We are therefore not obliged to provide it and will not do so.",
        "I can inform you that the records you asked for are held solely for artistic purposes and so fall "
        "outside the Act; we are not obliged to supply them.",
        "We can tell you that the material requested is exempt, and we are not obliged to release it.",
    ],
)
def test_advice_about_what_becomes_of_the_information_is_a_refusal(text: str) -> None:
    c = classify("RE: Freedom of Information request", f"Dear Requester,\n\n{text}\n\nRegards")
    assert c.guess == "refused", c.reasons


def test_advice_that_gives_a_figure_still_gives() -> None:
    # Negative: what is advised is the answer itself.
    c = classify("RE: Freedom of Information request",
                 "Dear Requester,\n\nWe can advise you that 14 officers completed the course in 2023 and 9 in "
                 "2024.\n\nRegards")
    assert c.guess == "responded", c.reasons


# --------------------------------------------------------------------------------------------
# 6. A section as the subject of 'falls into/within the terms of': a ground applied


@pytest.mark.parametrize(
    "sentence",
    [
        "We hold information for both questions, however section 22 (information intended for future "
        "publication) falls within the terms of an exemption and the reports are withheld until then.",
        "The plans you ask for fall within the terms of section 22, as they will be published next month.",
        "The documents come under the terms of section 43(2), and we will not release them.",
    ],
)
def test_falling_within_the_terms_of_a_section_is_a_ground_applied(sentence: str) -> None:
    c = classify("FOI 22/19", f"Dear Requester,\n\n{sentence}\n\nRegards")
    assert c.guess == "refused", c.reasons


# --------------------------------------------------------------------------------------------
# 7. The cost limit in words, with no number: refusing words, guessed, not decided


@pytest.mark.parametrize(
    "text",
    [
        "Your request is very broad and would involve an unreasonable amount of work for our staff to establish "
        "whether the information is held and then to locate and extract it.",
        "Answering this would require a disproportionate amount of officer time to retrieve and collate the "
        "records from each station.",
        "It would take an excessive amount of staff time to locate the files you describe.",
    ],
)
def test_cost_limit_in_words_is_guessed_refused(text: str) -> None:
    c = classify("RE: request", f"Dear Requester,\n\n{text}\n\nRegards")
    assert c.guess == "refused", c.reasons


@pytest.mark.parametrize(
    "text",
    [
        # Negatives: effort described, nothing refused.
        "It took a considerable amount of work to locate these files, and they are attached.",
        "An unreasonable amount of research was once needed for such requests; the new system makes it quick.",
    ],
)
def test_effort_described_without_refusing_is_not_a_cost_refusal(text: str) -> None:
    c = classify("RE: request", f"Dear Requester,\n\n{text}\n\nRegards")
    assert c.guess != "refused", c.reasons


# --------------------------------------------------------------------------------------------
# 8. Not able to answer today (the due day), with a promised date: an extension with its date


@pytest.mark.parametrize(
    ("text", "until"),
    [
        ("I am sorry that we cannot give you a full reply today, owing to a hold-up in our sign-off process. We "
         "will endeavour to reply as soon as we can, and by Friday 12 July 2024 at the latest.", "2024-07-12"),
        ("I am afraid we will not be able to send our response by the deadline. We expect to send "
         "it no later than 19 July 2024.", "2024-07-19"),
    ],
)
def test_not_able_to_answer_today_is_more_time(text: str, until: str) -> None:
    c = classify("RE: request", f"Dear Mr Green,\n\n{text}\n\nYours sincerely",
                 headers={"Date": "Mon, 08 Jul 2024 10:00:00 +0000"})
    assert c.kind == "extended", c.reasons
    assert c.until is not None and c.until.isoformat() == until


def test_answering_today_is_no_extension() -> None:
    # Negative: the answer is given today.
    c = classify("RE: request", "Dear Mr Green,\n\nHere is our full reply, sent today: 31 "
                 "vehicles were seized in 2023.\n\nYours sincerely")
    assert c.guess != "extended", c.reasons


# --------------------------------------------------------------------------------------------
# 9. "does not electronically/actively collate this data": not held


@pytest.mark.parametrize(
    "text",
    [
        "The hospital does not electronically collate this data; cleaning of individual wards is not audited.",
        "The council does not actively record such information.",
    ],
)
def test_not_kept_with_an_adverb_is_not_held(text: str) -> None:
    c = classify("RE: Freedom of Information request", text)
    assert c.guess == "not-held", c.reasons


# --------------------------------------------------------------------------------------------
# 10. Rows of sums and shares are a table of figures


def test_rows_of_sums_are_table_rows() -> None:
    from foi.mail.reading.sentences import is_table_row

    assert is_table_row("2014-15 \u00a337,287.52")
    assert is_table_row("2019/20 12% 30%")
    assert not is_table_row("We spent \u00a3450 on the survey in total last year, as our report explains.")


def test_a_table_of_sums_answers_the_request() -> None:
    text = ("Dear Requester,\n\nThe income from parking penalties is below.\n\nYear Income\n2019-20 \u00a31,204.50\n"
            "2020-21 \u00a3880.00\n2021-22 \u00a32,311.75\n2022-23 \u00a31,950.10\n\nRegards")
    c = classify("FOI 88", text)
    assert c.guess == "responded", c.reasons


# --------------------------------------------------------------------------------------------
# 11. "Not held centrally" in a cost refusal is why it would cost so much


@pytest.mark.parametrize(
    "narrative",
    [
        "It may help to explain that no single system of ours records which staff dealt with "
        "each request.",
        "The force does not hold this information centrally; it sits in the files of each district.",
        "The information is not held in one place, but across some 40 separate mailboxes.",
    ],
)
def test_not_held_centrally_in_a_cost_refusal_is_narrative(narrative: str) -> None:
    text = (f"Dear Requester,\n\n{narrative}\n\nTo find it we would have to read every file from the last five "
            "years, which would take well over 18 hours. Under section 12 we are thus not obliged to comply "
            "with your request.\n\nRegards")
    c = classify("FOI 456/24", text)
    assert c.kind == "refused", c.reasons


def test_not_held_centrally_without_a_cost_limit_is_still_not_held_reading() -> None:
    # Negative: with no cost limit relied on, the sentence keeps its weight.
    c = classify("FOI 456/24", "Dear Requester,\n\nThe force does not hold this information centrally or "
                 "anywhere else; no such records are kept.\n\nRegards")
    assert c.guess == "not-held", c.reasons
