"""Round 6 of reading real replies (issue 12): the confidence gate.

Each message is written in our own words and reproduces a pattern seen in real replies
(tests/fixtures/mail/SOURCES.md names the public pages). The point of each test is the gate:
when the letter's own evidence is split, or too thin, the reading goes to review with its best
guess instead of setting a status.
"""

from __future__ import annotations

import pytest

from foi.mail.classify import classify
from foi.mail.reading.references import find_force_reference
from foi.mail.reading.segments import read_message
from foi.mail.reading.sentences import is_conditional

# --------------------------------------------------------------------------------------------
# Not held, with refusing words and a cost section only as a hypothesis


def test_a_not_held_statement_before_an_if_is_the_decision() -> None:
    sentence = ("The number of lost exhibits is not recorded/held by the force, and the Act creates no duty to "
                "produce information if it does not already exist.")
    assert not is_conditional(sentence)
    # A condition set first still makes the whole sentence hypothetical.
    assert is_conditional("If the figures are not held, we will tell you so.")


def test_not_held_with_a_refusal_notice_and_a_hypothetical_cost_section_is_not_held() -> None:
    """Round 6 (decisions): the notice's own words give no reason besides not holding it; this was
    sent to review before."""
    text = ("Your request has been looked at and I am not obliged to supply what you asked for. The count of lost "
            "exhibits is not recorded/held by us, and there is no duty to produce figures if they do not exist. "
            "Even if we had to count every store, the work would take us over the Fees Limit in Section 12. "
            "This letter is a Refusal Notice for your request.")
    result = classify("FOI 301/10", text)
    assert (result.kind, result.guess) == ("not-held", "not-held")
    assert result.sections == []


def test_not_held_beside_a_relied_on_cost_limit_stays_a_refusal_reading() -> None:
    """The cost limit actually relied on is a ground: the new branch for 'no ground' keeps out."""
    text = ("The information is not held centrally. To find it we would need to read 4,000 files, which would "
            "exceed the appropriate limit under section 12(1). Your request is therefore refused.")
    result = classify("FOI 301/10", text)
    assert result.guess == "refused"


# --------------------------------------------------------------------------------------------
# The request printed by a disclosure log is not a question to us


DISCLOSURE_LOG_QA = """Hello,

Can you tell me how many of the Commissioner's pool cars run on electricity alone?

Many thanks,

I write in response to your request under the Freedom of Information Act 2000 and give the answer below:

Q: Can you tell me how many of the Commissioner's pool cars run on electricity alone?

A: The Commissioner currently has 3 cars of that kind.
"""


def test_a_question_and_answer_pair_is_an_answer_not_a_clarification() -> None:
    result = classify("", DISCLOSURE_LOG_QA)
    assert result.kind == "responded", result.reasons


def test_the_q_line_and_the_text_above_the_opening_are_the_request() -> None:
    reading = read_message(DISCLOSURE_LOG_QA)
    roles = {s.text[:6]: s.role for s in reading.sentences}
    assert roles["Q: Can"] == "request"
    assert roles["Can yo"] == "request"
    assert roles["A: The"] == "new"
    assert reading.answers >= 1


def test_an_a_line_saying_nothing_is_held_is_no_figure() -> None:
    text = "I write in response to your request.\n\nQ: Do you keep a list of drones?\n\nA: No information is held.\n"
    result = classify("", text)
    assert result.guess == "not-held"


# --------------------------------------------------------------------------------------------
# An exemption for named questions only


@pytest.mark.parametrize(
    "text",
    [
        "Questions 2, 4 & 6\nThe hearings were private, so these details will not be given. Section 31(1)(g) applies "
        "and the information is exempt.",
        "Please find our response below. As for question 3, the names are withheld under section 40(2).",
    ],
)
def test_an_exemption_for_some_named_questions_is_partial(text: str) -> None:
    # (Round 10: the questions left out of the refusal are not refused by it; whatever became of
    # them, the reply refuses part of the request. Decided, no longer sent for review.)
    result = classify("FOI 55/22", text)
    assert (result.kind, result.guess) == ("partial", "partial")


def test_an_exemption_for_questions_one_and_two_may_be_the_whole_request() -> None:
    text = ("Questions 1 & 2\nIn relation to your request the following exemption applies: section 31(1)(a). "
            "Disclosure would reveal tactical capability and the information is exempt.")
    result = classify("FOI 55/22", text)
    assert result.guess == "refused"


# --------------------------------------------------------------------------------------------
# Receipts: structural evidence decides


def test_a_bare_receipt_with_nothing_of_a_person_is_a_mailbox_receipt() -> None:
    # No greeting, no one signing, no reference, no date: a mailbox's receipt (round 7).
    text = ("Your request has been received by the Information Rights Unit and will be actioned in due order. "
            "For queries ring the unit between 9am and 5pm.")
    result = classify("RE: Stolen bikes", text)
    assert (result.kind, result.guess) == ("auto-reply", "auto-reply")
    assert result.received is None


def test_the_acts_words_alone_do_not_tell_a_person_from_a_mailbox() -> None:
    # Mailboxes promise "20 working days" too: ask, with the acknowledgement as the guess.
    result = classify("RE: Stolen bikes", "Your request has been received and you should expect a reply within 20 "
                      "working days.")
    assert (result.kind, result.guess) == ("needs-review", "acknowledged")


@pytest.mark.parametrize(
    "text",
    [
        # a reference
        "Your request has been received and logged under reference 2025/1188. We will reply in due course.",
        # greeted by name, with the Act's 20 working days
        "Dear Ms Adeyemi,\n\nYour request has been received and you should expect a reply within 20 working days.",
        # a person signing it
        "Your request has been received and is being dealt with.\n\nKind regards\n\nPriya Nandakumar\n",
    ],
)
def test_a_receipt_with_structural_evidence_is_an_acknowledgement(text: str) -> None:
    result = classify("RE: Stolen bikes", text)
    assert result.kind == "acknowledged", result.reasons


# --------------------------------------------------------------------------------------------
# Small pieces


@pytest.mark.parametrize(
    ("text", "ref"),
    [
        ("Request\n0412.2024-25\nHow many horses does the force own?", "0412.2024-25"),
        ("Your two requests, 0142.2023-24 and 0147.2023-24, are answered together.", "0142.2023-24"),
    ],
)
def test_a_number_dot_financial_year_is_their_reference(text: str, ref: str) -> None:
    assert find_force_reference(text) == ref


def test_a_reference_heading_a_printed_request_is_found() -> None:
    text = ("Request\n0412.2024-25\nPlease tell me how many horses the force owns.\n\nResponse\n"
            "The force owns 14 horses.")
    assert classify("", text).force_reference == "0412.2024-25"


def test_unable_to_confirm_or_deny_is_ncnd() -> None:
    text = ("I enclose a copy of the one page we found. Whether we hold anything further we are "
            "unable to confirm or deny, under sections 31(3) and 40(5).")
    result = classify("FOI 9/08", text, ["page.pdf"], [""])
    assert result.ncnd


@pytest.mark.parametrize(
    "sentence",
    [
        "Even if such a count were required, doing it would engage the fees limit in section 12.",
        "Even were every store searched, the cost would go past the appropriate limit under section 12.",
    ],
)
def test_even_if_sets_a_hypothesis_not_a_refusal(sentence: str) -> None:
    assert is_conditional(sentence)


def test_one_question_over_the_cost_limit_refuses_the_whole_request() -> None:
    text = ("Answering question 3 would mean reading every custody record, which would exceed the appropriate "
            "limit under section 12(1). Where one part exceeds the limit the whole request may be refused, and "
            "this letter is a refusal notice.")
    result = classify("FOI 55/22", text)
    assert result.guess == "refused"


def test_numbered_question_and_answer_pairs_are_read_part_by_part() -> None:
    text = ("I am writing in reply to your request for information.\n\n"
            "Q1: Would you tell me how many spit hoods the force bought last year?\n"
            "A1: The force bought 140 spit hoods.\n\n"
            "Q2: Would you tell me which supplier sold them?\n"
            "A2: The supplier's name is exempt under section 43(2) and is withheld.\n")
    result = classify("", text)
    assert (result.kind, result.sections) == ("partial", ["43(2)"]), result.reasons


def test_a_line_opening_with_a_and_a_number_in_prose_is_no_answer_label() -> None:
    """Only "A2." / "A2:" with its number glued on answers a question; "A 3 year old ..." does not."""
    from foi.mail.reading.signals import PART_START_RE

    assert PART_START_RE.match("A2. Forty-one.")
    assert not PART_START_RE.match("A 3 year review of the policy is under way.")
