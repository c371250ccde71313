"""Review outcomes, round 10 (issue 12): the reviewer's verdict in more shapes.

Any owner's first reply is what is judged ("the Home Office's original response", "the trust's
initial reply"); the review itself may be the judge ("this internal review has found that");
a ground kept is an upheld review ("another exception still applies"). Our own paraphrases;
negatives share the words, not the meaning.
"""

from __future__ import annotations

import pytest

from foi.mail.classify import classify
from foi.mail.reading import grammar as g
from foi.mail.reading.outcomes import conclusion


@pytest.mark.parametrize(
    "sentence",
    [
        "My conclusion is that the Home Office's first reply to you was correct.",
        "I find that the trust's initial reply was right.",
        "I am satisfied that the university's earlier decision was justified.",
        "Having reviewed the file, I believe the department's previous answer was appropriate.",
        "My finding is that the council's first response was sound.",
        "We consider that the agency's original refusal was reasonable.",
    ],
)
def test_any_owners_first_reply_judged_correct_is_upheld(sentence: str) -> None:
    assert conclusion([sentence])[0] == "upheld"


@pytest.mark.parametrize(
    "sentence",
    [
        "This internal review has found that another exception still applies to the request.",
        "The review found that section 31 continues to apply.",
        "Our review has determined that the exemption remains engaged.",
        "I have concluded that regulation 12(5)(b) still applies.",
        "The internal review has established that section 43 is still applicable.",
        "My review decided that the exemption still applies to the withheld parts.",
    ],
)
def test_a_ground_kept_by_the_review_is_upheld(sentence: str) -> None:
    assert conclusion([sentence])[0] == "upheld"


@pytest.mark.parametrize(
    "sentence",
    [
        # rights and offers: what could happen
        "If you want a review, we will decide whether the exemption still applies.",
        # no judgement: a description of the first reply
        "The original response relied on section 31.",
        # the first reply quoted, no verdict
        "The department's original decision applied section 40.",
    ],
)
def test_no_verdict_no_outcome(sentence: str) -> None:
    assert conclusion([sentence])[0] is None


@pytest.mark.parametrize(
    "sentence",
    [
        "I have concluded that the original decision was wrong.",
        "The review found that section 31 was not engaged.",
        "My conclusion is that the council's original response should have released the figures; "
        "the information should have been disclosed.",
    ],
)
def test_a_first_reply_found_wrong_is_overturned(sentence: str) -> None:
    assert conclusion([sentence])[0] == "overturned"


@pytest.mark.parametrize(
    ("sentence", "kept"),
    [
        ("There is no reason to change the original decision.", True),
        ("We do not propose to alter the initial response.", True),
        ("I see no grounds to depart from the original decision.", True),
        ("I have decided not to overturn the original decision.", False),
        ("There is no need to revise the earlier response.", True),
        ("We will not vary the original decision.", False),
    ],
)
def test_no_change_is_not_a_change(sentence: str, kept: bool) -> None:
    import re

    assert not re.search(g.REVIEW_CHANGED, sentence, re.I)
    assert bool(re.search(g.REVIEW_KEPT, sentence, re.I)) == kept


def test_a_review_letter_with_an_owners_verdict_is_decided() -> None:
    text = ("Dear Ms Bell,\n\nTurning to your request for an internal review, my conclusion is that the "
            "agency's first reply to you was correct.\n\nYours sincerely,\n\nA. Reviewer")
    assert classify("Internal review", text).kind == "review-upheld"


@pytest.mark.parametrize(
    "sentence",
    [
        # our request pasted back, whole or in part, with its breaks and case lost
        "The request was turned down, and the internal review upheld that decision, citing the same grounds.",
        "my earlier request was turned down and the internal review upheld that decision",
        "The internal review upheld that decision, citing the same grounds.",
        "MY EARLIER REQUEST WAS TURNED DOWN, AND THE INTERNAL REVIEW UPHELD THAT DECISION.",
        "You wrote: my earlier request was turned down, and the internal review upheld that decision.",
        "and the internal review upheld that\n\ndecision, citing the same grounds",
    ],
)
def test_our_own_story_told_back_is_not_their_outcome(sentence: str) -> None:
    from foi.mail.reading.outcomes import echoed

    ours = ["My earlier request was turned down, and the internal review upheld that decision, citing the same "
            "grounds.", "Please send me the minutes of the review panel."]
    assert echoed(sentence, ours)


@pytest.mark.parametrize(
    "sentence",
    [
        "I have concluded that the original refusal was correct.",
        "The review upheld the decision to withhold the minutes.",
        "Section 36 applies to the minutes of the review panel, which we have decided to withhold in full.",
        "The internal review found the refusal was wrong and the minutes are now released.",
    ],
)
def test_their_own_words_are_not_an_echo(sentence: str) -> None:
    from foi.mail.reading.outcomes import echoed

    ours = ["My earlier request was turned down, and the internal review upheld that decision, citing the same "
            "grounds.", "Please send me the minutes of the review panel."]
    assert not echoed(sentence, ours)


def test_a_letter_pasting_our_review_story_back_decides_no_review() -> None:
    ours = ("> Dear Ministry,\n>\n> My earlier request was turned down, and the internal review upheld that decision, "
            "on the same grounds.\n>\n> Please send me the minutes of the review panel.\n")
    text = ("Dear Mr Hale,\n\nThank you for your request, which we received on 2 May 2024. You asked:\n\n"
            "My earlier request was turned down, and the internal review upheld that decision, on the same "
            "grounds.\n\nPlease send me the minutes of the review panel.\n\nThe Department holds the information. "
            "We need more time to consider the public interest in releasing it.\n\n" + ours)
    result = classify("Your request", text)
    assert result.kind not in ("review-upheld", "review-overturned")


@pytest.mark.parametrize(
    "sentence",
    [
        "The figures for each quarter will now be released to you.",
        "Some of the withheld names can now be disclosed.",
        "I have decided to release the report with light redactions.",
        "The minutes should have been provided and are attached.",
        "We have now provided the missing tables.",
        "The information is disclosed to you now.",
    ],
)
def test_released_now(sentence: str) -> None:
    from foi.mail.reading.outcomes import released_now

    assert released_now(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "Our reply of 11 April gave figures for the two years.",
        "If the review finds in your favour, the information would then be released.",
        "The figures were released in our first response.",
    ],
)
def test_not_released_now(sentence: str) -> None:
    from foi.mail.reading.outcomes import released_now

    assert not released_now(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "Please see attached the full parking revenue account for 2022/23.",
        "Please find attached the minutes you asked for.",
        "Please find herewith attached a spreadsheet of the quarterly figures.",
        "The withheld names will now be released to you.",
        "I have decided to disclose the report in full.",
        "The figures should have been provided and are given below.",
    ],
)
def test_information_released_by_the_review_overturns_it(sentence: str) -> None:
    assert conclusion([sentence])[0] == "overturned"


@pytest.mark.parametrize(
    "sentence",
    [
        "Please find attached a copy of our original response.",
        "Please see attached the review decision letter.",
        "Please find attached the leaflet on your right to complain.",
    ],
)
def test_our_own_letters_attached_release_nothing(sentence: str) -> None:
    assert conclusion([sentence])[0] is None
