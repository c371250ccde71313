"""Signals as grammars over meanings (issue 12, round 8): the same decision in many wordings.

Tuning phrase lists on the replies we had took that material to ~100% and moved unseen replies
not at all. Each pattern here is written as many paraphrases of our own (varied in voice, word
order, synonyms and politeness padding), each group with a contrast case that must not be read
the same way: the request's own words, quoted text, conditionals.
"""

from __future__ import annotations

from datetime import date

import pytest

from foi.mail.classify import classify

REQUEST = ("Please tell me how many drones the force owned in each of the years 2020 to 2023, and what "
           "they cost.")
DATE = {"Date": "Mon, 10 Jun 2024 10:00:00 +0100"}


def read(text: str, names: tuple[str, ...] = ()):  # noqa: ANN201 - a Classification
    return classify("Freedom of Information request", text, list(names), [""] * len(names), DATE,
                    request_text=REQUEST)


# --------------------------------------------------------------------------------------------
# 1. Not held, said plainly and briefly after the request restated


@pytest.mark.parametrize(
    "text",
    [
        f"Dear Ms Patel,\n\nYou asked:\n{REQUEST}\n\nResponse:\nNo information on this subject is held by "
        "the force.\n\nYours sincerely,\nA Clerk",
        f"Your request\n{REQUEST}\n\nThe force does not use drones.\nThere is therefore no information held.",
        f"Request:\n{REQUEST}\n\nAnswer:\nThe constabulary has never operated a drone unit, so nothing is held.",
        f"{REQUEST}\n\nHaving searched our systems, I can confirm no information within the scope of this request "
        "is held.",
        f"Your request:\n{REQUEST}\n\nWe do not have any records of this.",
        f"You asked for:\n{REQUEST}\n\nWe hold no recorded information that answers your request.",
        f"{REQUEST}\n\nThere is no recorded information held by the force relevant to this request.",
        f"Request\n{REQUEST}\n\nResponse\nNo relevant information is held. This force does not own or lease any "
        "drones.",
        f"{REQUEST}\n\nNo data on this subject is kept by the force.",
        f"{REQUEST}\n\nThe force does not have any drones and accordingly holds no data relating to your request.",
        f"{REQUEST}\n\nNothing relevant to your request is held by this office.",
        f"{REQUEST}\n\nSuch records are not in the force's possession.",
    ],
)
def test_not_held_in_many_words_is_read_as_not_held(text: str) -> None:
    result = read(text)
    assert (result.kind, result.guess) == ("not-held", "not-held")


@pytest.mark.parametrize(
    "text",
    [
        "Q1. How many drones did you own in 2020?\nNo information held - we do not operate drones.\n\n"
        "Q2. What did they cost?\nNot applicable (see Q1).",
        "1. How many drones did you own?\nNone held - the force has no drones.\n2. What did they cost?\n"
        "N/A - see the answer to question 1.",
        "Question 1\nNo information is held, as the force has never bought a drone.\nQuestion 2\nNot applicable.",
    ],
)
def test_every_question_answered_not_held_or_not_applicable_is_not_held(text: str) -> None:
    assert read(text).guess == "not-held"


def test_one_question_not_held_beside_figures_is_not_a_not_held_reply() -> None:
    result = read("1. How many cameras were bought?\n412 cameras were bought in 2021.\n2. Who maintained them?\n"
                  "No information is held about maintenance - the supplier does this.")
    assert result.guess == "responded"


@pytest.mark.parametrize(
    "text",
    [
        "Your request has been logged and we will respond within 20 working days. If no information is held we "
        "will tell you so.",
        "We have no record of receiving your earlier request. Your new request has been logged under reference "
        "2024/118 and we will reply within 20 working days.",
    ],
)
def test_no_information_said_conditionally_or_of_our_letter_is_not_not_held(text: str) -> None:
    assert read(text).guess != "not-held"


def test_nothing_to_add_is_not_nothing_held() -> None:
    result = read("Please find attached the spreadsheet of figures. We have nothing to add to the notes it "
                  "carries.", ("figures.xlsx",))
    assert result.guess == "responded"


# --------------------------------------------------------------------------------------------
# 2. A clarification asked for in polite, padded words, with the clock waiting on us


@pytest.mark.parametrize(
    "text",
    [
        "Dear Mr Lee,\n\nThank you for your request. We would be grateful if you could give further detail "
        "about exactly which incidents you are interested in.\n\nThe statutory time for our response will not "
        "start until we receive the further information.",
        "It would be helpful if you could give us more detail about exactly who you mean by 'senior officers'. "
        "The 20 working days will begin once we receive your reply.",
        "Before we can deal with your request, we need further details of precisely what information you are "
        "seeking. The time limit for our response will not begin until we hear from you.",
        "We would appreciate it if you could clarify exactly which time period your request covers.",
        "Kindly let us know precisely which stations you are referring to, so that we can search the right "
        "records.",
        "To enable us to locate the information, please provide more detail about what exactly you mean by "
        "'incidents'. We will start the clock again once your clarification arrives.",
        "Could you please give us further information about exactly which offences you would like figures "
        "for? The statutory period for responding does not begin until we receive this.",
        "In order to progress your request, we would be grateful if you could give further details as to "
        "which departments you are referring to.",
    ],
)
def test_a_request_for_detail_in_polite_words_is_a_clarification(text: str) -> None:
    result = read(text)
    assert (result.kind, result.guess) == ("clarification", "clarification")


@pytest.mark.parametrize(
    "text",
    [
        "Thank you for your request, which we received on 3 May 2024 and which is being dealt with. If we need "
        "to clarify your request, the 20 working days will not start until we receive your reply.",
        "Your request was received on 3 May 2024. We may need to ask you for further detail about exactly what "
        "you are looking for; if so, the clock will not start until we hear from you.",
    ],
)
def test_a_clarification_only_foreseen_in_an_acknowledgement_is_not_one(text: str) -> None:
    result = read(text)
    assert (result.kind, result.received) == ("acknowledged", date(2024, 5, 3))


def test_the_requests_own_which_and_what_ask_us_nothing() -> None:
    request = ("Could you please tell me which companies supplied body-worn cameras, and exactly what each "
               "contract cost?")
    result = classify("FOI", f"You asked:\n{request}\n\nPlease find attached a spreadsheet of the suppliers.",
                      ["suppliers.xlsx"], [""], DATE, request_text=request)
    assert result.guess == "responded"


# --------------------------------------------------------------------------------------------
# 3. An acknowledgement that states when the request arrived, whoever received it


@pytest.mark.parametrize(
    ("text", "received"),
    [
        (f"Your request, copied below, reached Norfolk Constabulary and Suffolk Constabulary on 3 May "
         f"2024.\n\n{REQUEST}", date(2024, 5, 3)),
        (f"Your request, set out below, was received by Bedfordshire Police, Cambridgeshire Constabulary and "
         f"Hertfordshire Constabulary on 12 June 2024.\n\n{REQUEST}", date(2024, 6, 12)),
        (f"Thank you for your e-mail, which reached the joint information unit on 5 March 2024.\n\n{REQUEST}",
         date(2024, 3, 5)),
        (f"Thanks for your FOI request (copied below), which Devon and Cornwall Police and Dorset Police "
         f"received on 1 July 2024.\n\n{REQUEST}", date(2024, 7, 1)),
        (f"We write to confirm that your request reached us on 2 April 2024.\n\n{REQUEST}", date(2024, 4, 2)),
        (f"Thank you for your Freedom of Information request which we received on 9 January 2024, details "
         f"below.\n\n{REQUEST}", date(2024, 1, 9)),
    ],
)
def test_a_receipt_stated_with_its_date_is_an_acknowledgement(text: str, received: date) -> None:
    result = read(text)
    assert (result.kind, result.received) == ("acknowledged", received)


def test_a_receipt_date_above_a_refusal_is_the_refusals() -> None:
    result = read("Your request received on 3 May 2024 has been considered. The information is exempt under "
                  "section 31(1)(a) and is withheld.")
    assert result.kind == "refused"


# --------------------------------------------------------------------------------------------
# 4. An internal review's outcome letter that says when the review was asked for and held


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Dear Mr Lee,\n\nYour internal review request was received on 2 May 2024. The review was "
         "conducted on 28 May 2024 by an officer not involved in the original decision. Having considered the "
         "matter, I uphold the original decision.", "review-upheld"),
        ("We received your internal review request on 4 June 2024 and the review took place on 1 July 2024. The "
         "reviewer is satisfied that the exemptions were correctly applied and the original response stands.",
         "review-upheld"),
        ("Your appeal was received on 3 March 2024 and a review was carried out on 20 March 2024 by the Head of "
         "Information Management. I have decided that the information should be released.", "review-overturned"),
        ("Your internal review request was received on 12 April 2024. An independent review was held on 30 "
         "April 2024 and the panel has decided to overturn the original decision.", "review-overturned"),
        ("Following receipt of your request for an internal review on 1 February 2024, a review was conducted "
         "on 20 February 2024. I am satisfied that section 31 was correctly applied.", "review-upheld"),
        ("The request for a review of our response reached us on 6 June 2024. We conducted the review on 27 June "
         "2024 and have decided to maintain the original decision.", "review-upheld"),
    ],
)
def test_a_review_outcome_letter_is_not_a_review_acknowledgement(text: str, kind: str) -> None:
    assert read(text).kind == kind


def test_a_review_held_with_no_outcome_stated_goes_to_review() -> None:
    result = read("The request for a review of our response reached us on 6 June 2024. The review was undertaken "
                  "on 27 June 2024.")
    assert result.kind == "needs-review"
    assert result.guess != "acknowledged"


@pytest.mark.parametrize(
    "text",
    [
        "Your internal review request was received on 4 June 2024. A review will now be conducted by a "
        "senior officer and we aim to reply within 20 working days.",
        "We have received your internal review request about our reply to FOI 2024/118. The review will "
        "be completed by 30 June 2024.",
    ],
)
def test_a_review_still_to_come_is_acknowledged(text: str) -> None:
    assert read(text).kind == "acknowledged"


# --------------------------------------------------------------------------------------------
# The other kinds' core signals, in the words of many different officers


@pytest.mark.parametrize(
    "text",
    [
        "Thanks for your FOI request. A response will follow in due course.\nRegards\nJane Smith\n"
        "Freedom of Information Officer",
        "Dear Mr Lee,\n\nThis is to confirm we have your request and it is being looked at. We will be in touch as "
        "soon as we can.\n\nKind regards\nTom Evans",
        "Dear Mr Lee,\n\nMany thanks for your request for information, reference FOI 2024/331. A reply will be with "
        "you within twenty working days.\n\nYours sincerely\nAmy Hart",
        "Dear Ms Patel,\n\nYour freedom of information request has been safely received and allocated to a "
        "disclosure officer, who will respond promptly.\n\nRegards\nK Doyle",
        "Dear Ms Patel,\n\nI write to acknowledge your information request, which is now with the relevant team. "
        "We'll get back to you shortly.\n\nYours sincerely\nR Khan",
        "Dear Mr Lee\n\nJust a quick note to say your request has arrived safely and is being processed.\n\n"
        "Thanks\nPriya Shah",
    ],
)
def test_an_acknowledgement_without_a_date_in_other_words(text: str) -> None:
    result = read(text)
    assert (result.kind, result.received) == ("acknowledged", None)


@pytest.mark.parametrize(
    ("text", "until"),
    [
        ("Dear Mr Lee,\n\nRegrettably we will not be able to respond within the 20 working day "
         "limit. We hope to send you a complete reply by 15 July 2024.", date(2024, 7, 15)),
        ("Dear Mr Lee,\n\nPlease accept our apologies: your request has been delayed owing to the volume of work. "
         "You should hear from us by 15 July 2024.", date(2024, 7, 15)),
        ("Dear Mr Lee,\n\nWe are sorry that our response is late. The information is still being gathered from "
         "several departments and we will be in touch as soon as we can.", None),
        ("Dear Mr Lee,\n\nIt has not been possible to complete our response within the statutory time. The "
         "revised date for our response is 15 July 2024.", date(2024, 7, 15)),
    ],
)
def test_an_extension_in_other_words(text: str, until: date | None) -> None:
    result = read(text)
    assert (result.kind, result.until) == ("extended", until)


def test_unable_to_answer_at_all_is_still_a_refusal() -> None:
    result = read("Dear Mr Lee,\n\nWe are unable to answer your request, as the information is exempt "
                  "under section 31(1)(a).")
    assert result.kind == "refused"


@pytest.mark.parametrize(
    "text",
    [
        "Dear Mr Lee,\n\nAfter careful consideration, the constabulary will not be releasing the requested "
        "information, which engages the exemption at section 40(2).",
        "Dear Mr Lee,\n\nWe are declining your request under section 14(1) as it is considered vexatious.",
        "Dear Mr Lee,\n\nHaving considered your request, the force relies upon section 24(1) and section 31(1)(a) "
        "to withhold these details.",
        "Dear Mr Lee,\n\nThe information you asked for falls within the exemption at section 30(1).",
    ],
)
def test_a_refusal_in_other_words(text: str) -> None:
    assert read(text).kind == "refused"


def test_an_exemption_waived_is_not_relied_on() -> None:
    result = read("Rather than apply that exemption, we have given the total for all such arrests.\n\n"
                  "Arrests in 2023 - 214")
    assert result.guess == "responded"


@pytest.mark.parametrize(
    "text",
    [
        "Dear Mr Lee,\n\nThe attached document answers part of your request. For the rest, we rely on section "
        "24(1) and section 31(1)(a).",
        "Dear Mr Lee,\n\nI attach the figures for questions 1 and 2. The remainder of the information is withheld "
        "under section 38(1).",
    ],
)
def test_part_given_and_the_rest_withheld_is_partial(text: str) -> None:
    assert read(text, ("figures.xlsx",)).kind == "partial"


@pytest.mark.parametrize(
    "text",
    [
        "Dear Mr Lee,\n\nI attach the information you requested.",
        "Dear Mr Lee,\n\nWe enclose a copy of the policy you asked for.",
        "Attached is the spreadsheet of stop and search figures for 2023.",
    ],
)
def test_information_attached_in_other_words_is_a_response(text: str) -> None:
    assert read(text, ("figures.xlsx",)).kind == "responded"


def test_a_refusal_notice_attached_is_not_information_attached() -> None:
    result = read("Attached is the refusal notice for your request.")
    assert result.guess != "responded" or result.kind == "needs-review"


def test_an_unmonitored_mailbox_with_only_thanks_is_an_auto_reply() -> None:
    result = read("Thank you for your email. This mailbox is not monitored outside office hours. If your matter "
                  "is urgent please call 101 or, in an emergency, 999.")
    assert result.kind == "auto-reply"


# --------------------------------------------------------------------------------------------
# Internal review outcomes, kept or changed, in many words

_REVIEWED = "Dear Mr Lee,\n\nI have now completed the internal review of our response to your request FOI 2024/118. "


@pytest.mark.parametrize(
    ("outcome", "kind"),
    [
        ("I find no reason to depart from the original decision.", "review-upheld"),
        ("The force's original position is therefore confirmed.", "review-upheld"),
        ("I have concluded that your request was handled correctly and in accordance with the Act.",
         "review-upheld"),
        ("Your appeal is therefore dismissed.", "review-upheld"),
        ("I affirm the original decision to withhold the information under section 31.", "review-upheld"),
        ("Having reconsidered the matter, the exemptions cited remain appropriate.", "review-upheld"),
        ("The original decision has been reversed and the information is attached.", "review-overturned"),
        ("In my view section 40(2) should not have been applied to this information.", "review-overturned"),
        ("I do not agree with the original decision and the figures are now provided below.", "review-overturned"),
        ("Your appeal is successful, and the report will be sent to you within 10 working days.",
         "review-overturned"),
        ("I have decided to vary the original response and release the names of the companies.",
         "review-overturned"),
    ],
)
def test_a_review_outcome_in_other_words(outcome: str, kind: str) -> None:
    assert read(_REVIEWED + outcome).kind == kind


def test_not_agreeing_is_not_agreeing() -> None:
    result = read(_REVIEWED + "I do not agree with the original decision.")
    assert result.kind == "review-overturned"


# --------------------------------------------------------------------------------------------
# Round 8, second pass: shapes seen in fresh real replies, each in several wordings of our own


@pytest.mark.parametrize(
    ("text", "until"),
    [
        ("Dear Ms Okafor\nThe date on which our reply to your request FOI2024/0551 is due has been changed to 15th "
         "July 2024. The attached letter explains why.", date(2024, 7, 15)),
        ("The deadline for our response to your request has been put back to 3 July 2024.", date(2024, 7, 3)),
        ("We have moved the due date for your request to 28 June 2024 while we consult a third party.",
         date(2024, 6, 28)),
    ],
)
def test_a_due_date_moved_is_an_extension(text: str, until: date) -> None:
    result = read(text)
    assert (result.kind, result.until) == ("extended", until)


@pytest.mark.parametrize(
    "text",
    [
        "Dear Mr Lee,\n\nWe attach our acknowledgement of your recent request for information.\n\nYours "
        "sincerely\nAnn Jones\nInformation Officer",
        "Dear Mr Lee,\n\nI enclose an acknowledgement of your freedom of information request.\n\nRegards\nAnn Jones",
    ],
)
def test_an_acknowledgement_sent_as_an_attachment(text: str) -> None:
    assert read(text, ("ack.pdf",)).kind == "acknowledged"


def test_a_review_that_finds_the_exemptions_correct_is_upheld() -> None:
    result = read("Dear Ms Ray,\n\nI have now completed the review. Having looked again at how your request was "
                  "handled, I consider that the exemptions at sections 43(2) and 41(1) were both correct and "
                  "rightly relied on. The attached report sets out why.", ("report.pdf",))
    assert result.kind == "review-upheld"


def test_grounds_set_out_below_are_not_information_given() -> None:
    result = read("Having reconsidered your request, we find there are other grounds for refusing it, which are set "
                  "out below.\n\nUnder section 14(1) an authority need not comply with a vexatious "
                  "request. We consider that this request is vexatious.")
    assert result.kind == "refused"


def test_more_information_held_but_not_given_is_part_of_it() -> None:
    result = read("1. How many posts are there?\n14 posts.\n2. What do they cost?\nThe force can confirm that it "
                  "holds additional information in relation to your request; I am, however, not obliged to supply it "
                  "as section 40(2) applies.")
    assert result.guess == "partial"


def test_a_receipt_treated_as_the_next_working_day_takes_that_date() -> None:
    result = read("Dear Mr Tyler,\n\nThank you for your request, received by the Service on Tuesday 24th January "
                  "2017 at 23:18. As it arrived outside office hours, it is treated as being received on the next "
                  "working day, i.e. 25th January 2017. We will reply by 22nd February 2017.\n\nRegards\nJ Bloggs")
    assert (result.kind, result.received) == ("acknowledged", date(2017, 1, 25))


@pytest.mark.parametrize(
    "text",
    [
        "Dear Mr Lee,\n\nSearches have been carried out and no information has been found.",
        "Dear Mr Lee,\n\nThe force does not collate this information.",
        "Dear Mr Lee,\n\nWe have been unable to locate any information relevant to your request.",
        "Dear Mr Lee,\n\nOur searches returned no results.",
        "Dear Mr Lee,\n\nNo such policy exists.",
        "Dear Mr Lee,\n\nThe force has not produced any such report.",
        "Dear Mr Lee,\n\nThe information you are asking for does not exist.",
        "Dear Mr Lee,\n\nThe constabulary does not routinely collect this data.",
        "Dear Mr Lee,\n\nI can confirm that we hold no information falling within the scope of this request.",
        "Dear Mr Lee,\n\nThere are no documents matching your description.",
    ],
)
def test_not_held_as_not_kept_not_found_or_not_existing(text: str) -> None:
    assert read(text).kind == "not-held"


@pytest.mark.parametrize(
    "text",
    [
        "The force does not monitor social media accounts as a matter of routine. Please find attached the "
        "policy that governs what it does.",
        "If our searches return no results we will let you know. Your request has been logged and we will reply "
        "within 20 working days.",
        "Our searches returned no further results beyond the figures in the attached table.",
    ],
)
def test_what_is_not_done_or_not_yet_searched_is_not_not_held(text: str) -> None:
    assert read(text, ("policy.xlsx",) if "attached" in text else ()).guess != "not-held"


@pytest.mark.parametrize(
    "text",
    [
        "Dear Mr Lee,\n\nPlease could you be more specific about the period you are interested in?",
        "Dear Mr Lee,\n\nWe are unsure what information you are seeking. Please could you explain what you mean by "
        "'operations'?",
        "Dear Mr Lee,\n\nPlease confirm the date range you require so that we can search our records.",
        "Dear Mr Lee,\n\nYour request is too broad for us to search. Could you narrow it down to a particular "
        "station?",
        "Dear Mr Lee,\n\nBefore I can progress your request, I need you to tell me which financial years you would "
        "like included.",
    ],
)
def test_a_clarification_in_yet_more_words(text: str) -> None:
    assert read(text).kind == "clarification"


def test_not_being_clear_about_one_phrase_inside_an_answer_is_no_clarification() -> None:
    result = read("Please find attached the figures for 2023. We are not clear which records you mean by "
                  "'secrecy reasons', so nothing further can be given on that point.", ("figures.xlsx",))
    assert result.guess == "responded"


@pytest.mark.parametrize(
    "text",
    [
        "Dear Mr Lee,\n\nWe are currently processing your request, reference FOI/2024/77.\n\nRegards\nJo Kim",
        "Dear Mr Lee,\n\nYour request is now being worked on by our disclosure team and you will get a reply "
        "within the statutory time.\n\nRegards\nJo Kim",
    ],
)
def test_an_acknowledgement_that_says_the_work_is_in_hand(text: str) -> None:
    assert read(text).kind == "acknowledged"


@pytest.mark.parametrize(
    "text",
    [
        "Dear Mr Lee,\n\nWe are experiencing a backlog of requests and your response will be delayed.",
        "Dear Mr Lee,\n\nWe require an extension of the time limit to consider the public interest.",
        "Dear Mr Lee,\n\nOur response will now be sent by 4 July 2024.",
        "Dear Mr Lee,\n\nWe have been unable to complete your request within the deadline and expect to reply by 4 "
        "July 2024.",
    ],
)
def test_an_extension_in_yet_more_words(text: str) -> None:
    assert read(text).kind == "extended"


def test_a_request_declined_is_refused() -> None:
    assert read("Dear Mr Lee,\n\nYour request is declined under section 14(1).").kind == "refused"


def test_exists_or_does_not_exist_is_neither_confirming_nor_denying() -> None:
    result = read("The force will neither confirm nor deny holding the information, by virtue of section "
                  "23(5). No inference should be drawn from this that the data you want exists or does "
                  "not exist.")
    assert result.kind == "refused"


@pytest.mark.parametrize(
    "text",
    [
        "Dear Ms Berry,\n\nSections 35 and 22 apply to some of the information. We must extend the time for our "
        "response by 20 working days to judge whether the public interest lies in withholding the records or "
        "releasing them, and plan to reply by 16 July 2024.",
        "Dear Ms Berry,\n\nWe are extending the period for our reply, as we must weigh whether the public interest "
        "favours withholding this information or releasing it. We will respond by 16 July 2024.",
    ],
)
def test_weighing_withholding_against_disclosing_is_an_extension(text: str) -> None:
    result = read(text)
    assert result.guess == "extended"
    assert result.kind in ("extended", "needs-review")


@pytest.mark.parametrize(
    "text",
    [
        "We have looked at your request and can tell you that we are unable to provide the information, as it "
        "would cost more than the limit of £450 to do so. This is a refusal notice under section 12.",
        "I can tell you that we cannot provide the information: locating it would take more than 18 hours, so "
        "section 12 applies.",
    ],
)
def test_telling_us_of_a_refusal_gives_nothing(text: str) -> None:
    assert read(text).kind == "refused"


# --------------------------------------------------------------------------------------------
# The four patterns again, with the request restated in other layouts and no request_text given


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Request\nDo you use facial recognition vans?\n\nResponse: No information held.", "not-held"),
        ("You asked: How many times were live facial recognition vans deployed in 2023?\n\nWe do not hold any "
         "information in relation to this request as the force does not use facial recognition.", "not-held"),
        ("> Please tell me how many spit hoods were bought in 2022.\n\nDear Mr Lee\n\nThe force does not use spit "
         "hoods.\nConsequently there is no recorded information to provide.\n\nRegards\nA Clerk", "not-held"),
        ("Your request:\nHow many e-scooters has the force seized?\n\nAnswer:\nNil held.", "not-held"),
        ("Dear Mr Lee,\n\nPlease can you confirm exactly what information you require? Until we hear from you, the "
         "time for responding is paused.", "clarification"),
        ("Dear Mr Lee,\n\nWe received your request on 3 May 2024.\n\nRequest:\nHow many e-scooters has the force "
         "seized?", "acknowledged"),
        ("Dear Mr Lee,\n\nYour request, as set out below, was received on 3 May 2024 by the joint Information "
         "Management Unit of Kent Police and Essex Police.\n\nHow many e-scooters has the force seized?",
         "acknowledged"),
        ("Dear Mr Lee,\n\nThe request set out below reached the Joint Information Rights Unit of Devon and Cornwall "
         "Police and Dorset Police on 3 May 2024.\n\nHow many e-scooters has the force seized?\n\nRegards\nJo Kim",
         "acknowledged"),
        ("Dear Mr Lee,\n\nYou asked for an internal review on 2 May 2024. The review has now taken place and I have "
         "decided to uphold the original response.", "review-upheld"),
    ],
)
def test_the_four_patterns_without_our_request_text(text: str, kind: str) -> None:
    result = classify("Freedom of Information request", text, [], [], DATE)
    assert result.kind == kind


def test_asking_who_we_count_as_something_is_a_clarification_guess() -> None:
    result = read("Dear Mr Lee,\n\nTo help us, please tell us who you consider to be a 'senior officer' for the "
                  "purposes of your request.")
    assert result.guess == "clarification"


def test_no_further_information_to_provide_under_an_answer_is_not_not_held() -> None:
    result = read("Please find attached the figures you asked for. There is no further information to provide.",
                  ("figures.xlsx",))
    assert result.kind == "responded"


@pytest.mark.parametrize(
    "text",
    [
        "Dear Mr Lee,\n\nSome of the information you requested is exempt and has been withheld; the rest is in the "
        "attached spreadsheet.",
        "Dear Mr Lee,\n\nI am able to disclose part of the information, which is attached. Section 31(1)(a) applies "
        "to the remainder.",
        "Dear Mr Lee,\n\nParts of the attached report have been blacked out under section 31(1)(a).",
        "Dear Mr Lee,\n\nThe answers to questions 1 and 2 are in the attached table; question 3 is refused under "
        "section 12.",
        "Dear Mr Lee,\n\nThis is a partial disclosure. Please see the attached spreadsheet; officers' names are "
        "exempt under section 40(2).",
        "Dear Mr Lee,\n\nI have decided to release the information in part. The attached file gives the totals; the "
        "breakdown by station is withheld under section 31.",
    ],
)
def test_part_given_in_many_words(text: str) -> None:
    assert read(text, ("data.xlsx",)).kind == "partial"


@pytest.mark.parametrize(
    "text",
    [
        "Dear Mr Lee,\n\nThe force is applying section 40(2) to this information and it will not be disclosed.",
        "Dear Mr Lee,\n\nThe exemption at section 30(1) is being relied upon to withhold this information.",
        "Dear Mr Lee,\n\nThis request has been refused under section 12.",
    ],
)
def test_a_refusal_in_yet_more_words(text: str) -> None:
    assert read(text).kind == "refused"


@pytest.mark.parametrize(
    ("text", "names", "guess"),
    [
        ("You asked:\nPlease tell me which officers you consider to be senior, and exactly what they were paid in "
         "2023.\n\nResponse:\nPlease find attached a table of the salaries.", ("pay.xlsx",), "responded"),
        ("Your request:\n\"Could you provide further details about which contracts were awarded without tender?\"\n\n"
         "Our response:\nNo information is held.", (), "not-held"),
    ],
)
def test_the_requests_own_request_for_detail_is_not_theirs(text: str, names: tuple[str, ...], guess: str) -> None:
    result = classify("FOI", text, list(names), [""] * len(names), DATE)
    assert result.guess == guess


@pytest.mark.parametrize(
    "opening",
    [
        "I write in connection with your request for information dated 4th January 2018 which was received by the "
        "force on that date.",
        "Your letter dated 4 January 2018 was received the same day.",
        "Your e-mail of 4 January 2018 reached us on that day.",
    ],
)
def test_a_receipt_on_that_date_takes_the_requests_date(opening: str) -> None:
    result = classify("FOI", opening + " The information you asked for is not held.", [], [],
                      {"Date": "Wed, 17 Jan 2018 10:00:00 +0000"})
    assert (result.kind, result.received) == ("not-held", date(2018, 1, 4))


@pytest.mark.parametrize(
    "text",
    [
        "In 2023 there were 41 incidents. None of the incidents were recorded as hate crimes.",
        "Please find the figures in the attached table. We have nothing else to provide on this subject.",
    ],
)
def test_a_count_of_none_or_nothing_more_is_not_nothing_held(text: str) -> None:
    result = read(text, ("figures.xlsx",) if "attached" in text else ())
    assert result.guess != "not-held"
    assert result.kind != "not-held"


@pytest.mark.parametrize(
    "text",
    [
        "Thank you for your message. I am currently working away from the office with limited access to email "
        "and will reply on my return.",
        "This inbox is no longer monitored. Please send freedom of information requests to foi@force.police.uk.",
        "Your email has been received by the Information Management Unit. Please do not reply to this message.",
        "Thanks for writing to the Freedom of Information team. This automatic message confirms that "
        "your email has arrived.",
        "I am on annual leave until 17 June 2024. For urgent matters please contact the FOI team.",
    ],
)
def test_an_automatic_reply_in_other_words(text: str) -> None:
    result = classify("Re: Freedom of Information request", text, [], [],
                      {**DATE, "From": "Information Unit <foi@force.police.uk>"})
    assert result.kind == "auto-reply"


def test_a_person_who_has_the_request_in_hand_is_not_an_auto_reply() -> None:
    result = read("Dear Mr Lee,\n\nWe have your request in hand and will reply within 20 working days.\n\nKind "
                  "regards\nJo Kim\nDisclosure Officer")
    assert result.kind == "acknowledged"
