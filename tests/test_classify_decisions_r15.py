"""Round 15 of reading decisions (issue 12): patterns found in last round's blind sets, each in our
own words (tests/fixtures/mail/SOURCES.md names the public pages), with negatives that share the
words but not the meaning.
"""

from __future__ import annotations

import pytest

from foi.mail.reading.sentences import is_conditional
from tests.helpers import read_reply

_REVIEW_SUBJECT = "Internal review of your information request - Our reference: IR10203"

# --------------------------------------------------------------------------------------------
# A. A review kept in words that deny a wish to change: "we do not consider that we wish to change
#    our position", "the council maintains its original reliance on section 31".


@pytest.mark.parametrize(
    "verdict",
    [
        "I can confirm that the Council maintains its original reliance on s31 as correct; we do not consider "
        "that we wish to change our position at this stage.",
        "We do not feel that we need to alter our position, and section 31 remains our ground.",
        "Having looked at this again, the council does not wish to change the original decision.",
        "The authority maintains its reliance on section 43(2) in full.",
    ],
)
def test_a_review_kept_when_a_wish_to_change_is_denied(verdict: str) -> None:
    text = (f"Dear Mr Jones\n\nI write in connection with your request for an internal review. {verdict}\n\n"
            "If you remain dissatisfied you may complain to the Information Commissioner's Office.\n\nKind regards\n")
    c = read_reply(text, _REVIEW_SUBJECT)
    assert c.kind == "review-upheld"
    assert c.review_outcome == "upheld"


@pytest.mark.parametrize(
    "verdict",
    [
        "Having considered your complaint, I have decided to change our position and the figures are attached.",
        "I have decided to amend the original response; the information can now be released and is set out below.",
    ],
)
def test_a_negative_a_change_stated_is_still_not_kept(verdict: str) -> None:
    text = (f"Dear Mr Jones\n\nI write in connection with your request for an internal review. {verdict}\n\n"
            "Kind regards\n")
    c = read_reply(text, _REVIEW_SUBJECT)
    assert c.kind != "review-upheld"
    assert c.review_outcome != "upheld"


# --------------------------------------------------------------------------------------------
# B. A receipt promising to say "if we do not hold" the information: the not-held is the condition's
#    own verb, not a decision (the letter is an acknowledgement).


@pytest.mark.parametrize(
    "sentence",
    [
        "We will advise you as soon as possible if we do not hold the information.",
        "We will let you know promptly if the council does not hold any of it.",
        "You will be told at once in the event that the information is not held.",
    ],
)
def test_b_if_not_held_is_a_condition(sentence: str) -> None:
    assert is_conditional(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "We do not hold the information you asked for.",
        "Having checked whether we hold it, I can confirm that we do not hold the information.",
        "The council does not hold any of it, as no such report was made.",
    ],
)
def test_b_negative_a_stated_not_held_is_no_condition(sentence: str) -> None:
    assert not is_conditional(sentence)


def test_b_receipt_with_if_not_held_promise_is_acknowledged() -> None:
    text = ("Dear Sir/Madam\n\nFreedom of Information Act 2000\n\nThank you for your email which we received on "
            "7 March 2022.\nThe Council acknowledges your request for information under the Freedom of Information "
            "Act 2000. Assuming the Council holds this information, we will aim to send it to you as soon as "
            "possible and no later than 4 April 2022 (20 working days from the date of receipt).\nWe will advise "
            "you as soon as possible if we do not hold the information.\n")
    c = read_reply(text, "Information request - Our reference: 7788123")
    assert c.kind == "acknowledged"


def test_b_negative_a_plain_not_held_reply_stays_not_held() -> None:
    text = ("Dear Sir/Madam\n\nThank you for your request for information received on 7 March 2022.\n"
            "Having searched our records, I can confirm that the Council does not hold the information you "
            "requested, as no such register has ever been kept.\n\nYours faithfully\n")
    c = read_reply(text, "Information request - Our reference: 7788123")
    assert c.kind == "not-held" or c.guess == "not-held"


# --------------------------------------------------------------------------------------------
# C. A disclosure log's header: "N/A" beside a date line is an empty field, not a question answered
#    "not applicable" (so no not-held reading of a cost refusal).

_LOG = ("Costs, Protests, Policing, Overtime\nPUB 2040\n17345\nProtest policing costs\n"
        "Please give the full cost to the force of policing the road protests in October 2021.\n"
        "Full Refusal with Section 12 Exemption\n{first}\n04 December 2021\n{second}\n"
        "Having made enquiries, the force holds information relevant to your request; however, it is not held "
        "in a format that allows it to be retrieved within the cost limit, and section 12 applies.\n")


def test_c_na_beside_a_date_is_an_empty_log_field() -> None:
    c = read_reply(_LOG.format(first="N/A", second="N/A"), "RE: Freedom of Information request - protest costs")
    assert "the information is not held" not in c.reasons
    assert c.kind != "not-held" and c.guess != "not-held"
    assert "12" in c.sections


def test_c_negative_na_answering_a_question_still_says_nothing_held() -> None:
    from foi.mail.reading.scoring import score

    scores, _ = score(["2. How many of those drones were bought in 2021?", "N/A"])
    assert scores["not-held"] >= 1.5
    scores, _ = score(["04 December 2021", "N/A - see the answer to question 1"])
    assert scores["not-held"] >= 1.5


# --------------------------------------------------------------------------------------------
# D. A count of case outcomes, opening its sentence, answers a question laid out above it: "11
#    complaints have been upheld", "38 appeals were closed".


@pytest.mark.parametrize(
    "answer",
    [
        "11 complaint reviews have been upheld.",
        "38 appeals were closed in that period.",
        "7 of the cases were referred to the regulator.",
    ],
)
def test_d_count_of_case_outcomes_is_an_answer(answer: str) -> None:
    from foi.mail.reading.segments import read_message

    text = ("We can confirm that the information you seek is held by the Office.\n\nYou asked for the following:\n\n"
            "\u2022 The number of complaints about the service decided between 2020 and 2021\n\n" + answer + "\n")
    assert read_message(text).answers >= 1


@pytest.mark.parametrize(
    "sentence",
    [
        "1,500 complaint files were identified, each of which would need to be read by hand.",
        "2021 complaints were upheld more often than before.",
        "Is 11 the number of complaints that were upheld?",
    ],
)
def test_d_negative_search_sizes_years_and_questions_are_no_answers(sentence: str) -> None:
    from foi.mail.reading.segments import read_message

    assert read_message(sentence + "\n").answers == 0


def test_d_log_entry_answering_each_bullet_with_an_outcome_count_is_responded() -> None:
    text = ("Disclosure Details\n\nUnder section 1 of the Act, we can confirm that the information you seek is held "
            "by the Office of the Commissioner.\n\nYou have requested the following information:\n\n"
            "\u2022 Number of appeals received by the Office in 2022\n\n40 appeals were received by the Office.\n\n"
            "\u2022 Number of those appeals upheld\n\n9 appeals have been upheld.\n\n"
            "Any information disclosed under the Act is deemed to be in the public domain.\n")
    c = read_reply(text, "Appeals upheld by the Office - Reference: 30411")
    assert c.kind == "responded" or c.guess == "responded"


# --------------------------------------------------------------------------------------------
# E. A review that finds the first reply wrong, gives nothing and asks which of two readings we
#    mean: a person reads it (overturned guessed), never an automatic overturned review.

_REVIEW_FOUND_FOR_US = (
    "Dear Ms Green\n\nINTERNAL REVIEW\n\nYou asked us on 3 May to review our reply to your request.\n\n"
    "Conclusion\nHaving looked at the matter afresh, I believe the original response was incorrect, and I "
    "apologise. {tail}\n\nYours sincerely\nReview Officer\n")


def test_e_review_found_for_us_that_asks_a_question_goes_to_review() -> None:
    tail = ("It has also become clear that your request could be read in two ways. Section 1(3) of the Act "
            "does not oblige us to answer until we have the further clarification we need to locate the "
            "information. Please can you clarify whether you want the full messages or only the group names?")
    c = read_reply(_REVIEW_FOUND_FOR_US.format(tail=tail), _REVIEW_SUBJECT)
    assert c.kind == "needs-review"
    # What is asked of us now comes first: the guess is the question (the same shape in
    # test_classify_letters_r15), the finding for us waits on our answer.
    assert c.guess == "clarification"


def test_e_negative_review_found_for_us_that_releases_stays_overturned() -> None:
    tail = "The information can now be released and I attach the figures you asked for."
    c = read_reply(_REVIEW_FOUND_FOR_US.format(tail=tail), _REVIEW_SUBJECT)
    assert c.kind == "review-overturned" or c.guess == "review-overturned"


# --------------------------------------------------------------------------------------------
# F. A refusal notice naming its ground as "the exemption applicable": "the exemption applicable to
#    the information you have requested can be found at section 31", "the exemptions applicable are:".


@pytest.mark.parametrize(
    "ground",
    [
        "The exemption applicable to the information you have asked for can be found at Section 31(1)(a) of "
        "the Act, and this notice is issued under Section 17.",
        "The exemptions applicable to the information are:\nSection 31(1)(a) - Law Enforcement",
        "The exemption which applies to this request is section 31(1)(a) of the Act.",
    ],
)
def test_f_exemption_applicable_named_is_a_refusal(ground: str) -> None:
    from foi.mail.reading.scoring import score
    from foi.mail.reading.sentences import split_sentences

    scores, _ = score(split_sentences(ground))
    assert scores["refused"] >= 1.5
    text = ("FREEDOM OF INFORMATION REQUEST 2024/1234\nDear requester,\nThank you for your recent request under the "
            "Freedom of Information Act 2000.\nRESPONSE\n" + ground + "\n")
    c = read_reply(text, "FREEDOM OF INFORMATION REQUEST 2024/1234")
    assert c.kind == "refused" or c.guess == "refused"
    assert c.kind != "responded"


@pytest.mark.parametrize(
    "sentence",
    [
        "If an exemption is applicable, we will explain which one in our reply.",
        "The exemptions applicable to requests like yours are explained on our website.",
        "We will consider whether the exemption is applicable to any part of the request.",
    ],
)
def test_f_negative_an_exemption_that_might_apply_is_no_refusal(sentence: str) -> None:
    import re

    from foi.mail.reading import grammar

    assert re.search(grammar.UNDER_GROUND, sentence, re.I) is None


# --------------------------------------------------------------------------------------------
# G. A letter that states the date of receipt and also notes the figures it supplies ("any statistical
#    data supplied is a snapshot of data held when the request was received", "the below figures relate
#    only to ..."), its table lost: the answer, perhaps, never an automatic acknowledgement.

_RECEIVED_AND_ANSWERED = (
    "I write in connection with your request for information dated 2nd May 2021 and received by this office on "
    "that date. Below are the questions raised in your request, and our response.\n\n"
    "Please provide the number of referrals made to the regulator in 2019 and 2020:\n\n{note}\n\n\n\n\n")


@pytest.mark.parametrize(
    "note",
    [
        "Please note any statistical data supplied in response to requests is a snapshot of data held at the time "
        "the request was received and is subject to change.",
        "a) We have made enquiries and the below figures relate only to voluntary referrals.",
    ],
)
def test_g_receipt_date_beside_a_note_on_figures_is_no_automatic_acknowledgement(note: str) -> None:
    c = read_reply(_RECEIVED_AND_ANSWERED.format(note=note), "RE: Freedom of Information request - referrals")
    assert c.kind != "acknowledged"


def test_g_negative_plain_receipt_stays_acknowledged() -> None:
    text = ("Dear Mr Hill\n\nFREEDOM OF INFORMATION REQUEST REFERENCE NO: 0456/2021\n\nWe acknowledge receipt of your "
            "request, which was received by the force on 02/05/2021. Your request will now be considered under the "
            "Freedom of Information Act 2000, and you will receive a response within twenty working days.\n\n"
            "We would advise you that some requests may involve the payment of a fee; if so, you will be told.\n\n"
            "Regards\n\nInformation Access Office\n")
    c = read_reply(text, "RE: Freedom of Information request - referrals")
    assert c.kind == "acknowledged"


# --------------------------------------------------------------------------------------------
# H. A review letter owning that the first reply left a part out ("we did not address the further
#    element"), its outcome not stated plainly: overturned is the better guess.

_REVIEW_LETTER = (
    "Dear Mr Ward\n\nI am writing to you about your request for a review of our response dated 2 March and your "
    "original request of 1 February. Your request has been assigned to me to review.\n\nI have revisited our "
    "original response and contacted the departments involved. {finding}\n\nYours sincerely\n")


@pytest.mark.parametrize(
    "finding",
    [
        "Our response gave you a copy of the byelaws. However, we did not address the further element of your "
        "request, a map of the land they apply to.",
        "The second part of your request, about the map, was overlooked in our original response.",
    ],
)
def test_h_review_owning_a_part_left_out_guesses_overturned(finding: str) -> None:
    c = read_reply(_REVIEW_LETTER.format(finding=finding), "Freedom of Information request 12345 APPEAL")
    assert c.kind in ("needs-review", "review-overturned")
    assert c.guess == "review-overturned"


def test_h_negative_review_that_finds_nothing_left_out_guesses_upheld() -> None:
    finding = "Our response gave you a copy of the byelaws, which is all the information held."
    c = read_reply(_REVIEW_LETTER.format(finding=finding), "Freedom of Information request 12345 APPEAL")
    assert c.guess != "review-overturned"


# --------------------------------------------------------------------------------------------
# I. The requester's own opening printed back ("I write to you with a request for information under
#    section 1 ...") is part of the request, not the start of the answer: a section the requester
#    names there is not the authority's ground.

_NOTED = ("I write in connection with your request for information received on 3rd March. I note you seek access "
          "to the following information:\n\n{opening}\n\nI would like the names of the emergency plans held by the "
          "force. I believe that asking for site plans as well would exceed the limit in Section 12(1) of the "
          "Act, so please leave them out.\n\n"
          "The force can confirm that it holds information in relation to your request; however, I am not obliged "
          "to supply it. Such information is exempt under the following exemption:\n\n"
          "Section 31(1)(a) - Law Enforcement\n")


@pytest.mark.parametrize(
    "opening",
    [
        "I write to you with a request for information under Section 1 of the Freedom of Information Act 2000.",
        "I write to request information under the Freedom of Information Act 2000.",
    ],
)
def test_i_requester_opening_printed_back_is_the_request(opening: str) -> None:
    c = read_reply(_NOTED.format(opening=opening), "RE: Freedom of Information request - emergency plans")
    assert c.sections == ["31(1)(a)"]
    assert c.kind == "refused" or c.guess == "refused"


def test_i_negative_authority_writing_in_response_still_starts_the_answer() -> None:
    from foi.mail.reading.segments import _RESPONSE_HEAD_RE

    assert _RESPONSE_HEAD_RE.match("I write in response to your request for information.")
    assert _RESPONSE_HEAD_RE.match("I write to confirm that the force holds the information.")
    assert not _RESPONSE_HEAD_RE.match("I write to you with a request for information under Section 1.")


# --------------------------------------------------------------------------------------------
# J. "Please find electronically attached all the relevant information that we hold": the words of
#    giving with an adverb and "all the" between them.


@pytest.mark.parametrize(
    "sentence",
    [
        "Please find electronically attached all the relevant information that we hold at this time.",
        "Please find herewith enclosed all of the information we hold.",
    ],
)
def test_j_find_attached_with_an_adverb_gives_information(sentence: str) -> None:
    from foi.mail.reading.scoring import score

    scores, _ = score([sentence])
    assert scores["data"] >= 1.5


def test_j_negative_attached_form_is_not_information() -> None:
    from foi.mail.reading.scoring import score

    scores, _ = score(["Please find electronically attached a form for you to complete and return."])
    assert scores["data"] < 1.5
