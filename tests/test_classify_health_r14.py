"""Code health, round 14: shared meanings of the reply reader written once (grammar.py), each stage
reading them as before. The wordings are our own; each stage's narrower or wider test stays its own,
as the comments beside it say."""

from __future__ import annotations

import re

import pytest

from foi.mail.reading import doubt, grammar, interim, internal_review

NEED_MORE_TIME_RE = re.compile(grammar.NEED_MORE_TIME, re.I)

# "More time" as the letter takes it now, in the shared words (need/require + further/more/additional/extra).
MORE_TIME_TAKEN = [
    "We need further time to complete the review.",
    "This request requires additional time to answer.",
    "Regrettably we need extra time to gather the figures.",
    "The consultation requires more time.",
]


@pytest.mark.parametrize("sentence", MORE_TIME_TAKEN)
def test_need_more_time_is_one_vocabulary_read_by_every_stage(sentence: str) -> None:
    assert NEED_MORE_TIME_RE.search(sentence)
    assert interim._HELD_UP_RE.search(sentence)
    assert internal_review.more_time([sentence]) == [sentence]
    assert doubt.more_time_hinted([sentence]) == [sentence]


@pytest.mark.parametrize("sentence", [
    "If we need further time to complete the review, we will tell you.",
    "Should this request require additional time, we may write again.",
])
def test_need_more_time_in_a_condition_is_not_taken_now(sentence: str) -> None:
    assert internal_review.more_time([sentence]) == []
    assert doubt.more_time_hinted([sentence]) == []


@pytest.mark.parametrize("sentence", ["We need no further information.", "This will require more staff time."])
def test_need_more_time_wants_the_words_for_time_itself(sentence: str) -> None:
    assert not NEED_MORE_TIME_RE.search(sentence)


# ---- hedges: grammar.MAYBE under SUPPOSED, HEDGE and the review's own test of more time ---------------

@pytest.mark.parametrize("word", ["may", "might", "could"])
def test_maybe_modals_are_shared_by_every_hedge(word: str) -> None:
    sentence = f"The reply {word} be later than usual."
    assert re.search(grammar.SUPPOSED, sentence, re.I)
    assert re.search(grammar.HEDGE, sentence, re.I)
    assert internal_review.more_time([f"The review {word} take longer than we hoped."]) == []


def test_review_more_time_that_we_can_take_is_no_extension() -> None:
    # "can" is the review's own hedge (a right to extend stated), not one of sentences.is_hedged's.
    assert internal_review.more_time(["We can extend the deadline by a further 20 working days."]) == []
    assert internal_review.more_time(["We are extending the deadline by a further 20 working days."]) != []


@pytest.mark.parametrize("hedge", ["If possible, we", "We may find that we", "Unless the scope is plain, we",
                                   "Should the dates be unclear, we"])
def test_clarity_wanted_in_a_hedge_is_not_asked_now(hedge: str) -> None:
    assert interim.wants_clarity(["We would like some clarification on the years you mean."])
    assert interim.wants_clarity([f"{hedge} would like some clarification on the years you mean."]) == []


def test_more_time_hinted_under_a_condition_anywhere_in_the_sentence_is_none() -> None:
    # doubt's own condition test, wider than sentences.is_conditional (which reads this as no condition).
    assert doubt.more_time_hinted(["Our reply may be later than usual where the records are archived."]) == []
    assert doubt.more_time_hinted(["On this occasion our reply will be later than usual."]) != []


# ---- our review request: grammar.SEEKING shared by both tests, each kept for its own stage ------------

@pytest.mark.parametrize("asking", ["for", "asking for", "requesting", "seeking"])
def test_review_request_after_the_letter_is_read_alike_by_both_tests(asking: str) -> None:
    sentence = f"Thank you for your letter {asking} an internal review of our reply."
    assert doubt.review_asked([sentence]) == [sentence]
    assert internal_review._ASKED_FOR_REVIEW_RE.search(sentence)


def test_review_rights_are_no_review_request() -> None:
    assert doubt.review_asked(["If you are unhappy, you may write asking for an internal review."]) == []


@pytest.mark.parametrize("sentence", [
    "The review is taking longer than we hoped.",
    "The search will take a little longer than planned.",
    "Gathering the figures takes much longer than usual.",
])
def test_taking_longer_is_one_vocabulary_for_interim_and_the_review(sentence: str) -> None:
    assert interim._HELD_UP_RE.search(sentence)
    assert internal_review.more_time([sentence]) == [sentence]
