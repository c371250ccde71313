"""How sure a reading of a reply is, and whether it changes a status on its own (issue 12).

The rules give each reading a kind, the strength of the sentence that decides it (their
confidence) and the evidence the letter carries for other statuses (something withheld beside an
answer, figures beside a refusal, more time taken ...). :func:`weigh` turns them into the
reading's final confidence; from :data:`AUTOMATIC` up the reading changes a status by itself,
below it the reply is ``needs-review`` with the reading kept as the best guess
(:func:`foi.mail.reading.verdict.conclude` calls it, through this module so that the bench can watch it).

The table of what contests each kind was fitted on labelled real replies, by cross-validation
grouped by authority, on readings made *before* the rules were tuned on those replies as well as
on today's (``bench/calibrate_confidence.py``; ``bench/calibration_results.md``). It says:

- Most rival evidence contests a reading outright: beside it the reading's own sentence is not
  enough, whatever its strength, and the reply goes to review.
- One is weaker than a decisive sentence in a letter with a body of its own: a fact confirmed
  beside a refusal costs 0.1 instead, so a strong reading stays automatic and one only just sure
  enough goes to review. In a letter of a line or two every rival contests. (Nothing concrete to
  see under an answer cost 0.1 too until round 11; refitted with the replies of authorities nobody
  had tuned on, where it was as often a part withheld as not, it contests again.)
- A refusal relying on no ground anywhere in its own text (no section, NCND, cost limit, or
  exemption in words: :func:`foi.mail.reading.verdict.names_a_ground`) is contested by that want
  (:data:`NO_GROUND`): on fresh replies such letters were a part refused or an answer delayed.
- Agreement against "not held" (two independent kinds of withholding evidence contesting a
  not-held reading) is supported but not switched on: it removed as many right decisions as wrong.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace

from foi.mail.reading.kinds import AUTOMATIC, STATUS_KINDS

# The confidence a contested reading keeps: below AUTOMATIC.
CONTESTED = 0.5
# Not evidence of another status but the want of a ground (foi.mail.reading.verdict.names_a_ground): a
# refusal whose own text cites no section, NCND or cost limit.
NO_GROUND = "no ground relied on"
# Not evidence of a status of the request but of the letter's place: it answers our request for a
# review (foi.mail.reading.doubt.review_asked), so a first answer read in it is the one reviewed.
REVIEW_ASKED = "a reply to our request for a review"
# The kinds a first answer to a request takes (not a review's outcome, a receipt or a delay).
FIRST_ANSWERS = frozenset({"responded", "partial", "refused", "not-held"})
# More time spoken of in weaker words than an extension's ("we aim to reply within 20 days; on this
# occasion ..."): beside an acknowledgement, the date may move.
SOME_MORE_TIME = "more time, in weaker words"


# What contests each status before calibration (issue 12, rounds 4-8): any of it sends the reading
# to review with its best guess, whatever its strength. Review outcome letters quote the refusal
# they review, so nothing contests them.
CONTESTS: dict[str, tuple[str, ...]] = {
    # (Beside figures, a table or answered questions in the body, "not held" speaks of a part: round 10.)
    "responded": ("something withheld", "not held beside nothing shown", "more time taken", "a question to us",
                  "held, but qualified",
                  "nothing concrete given", "only the attachment speaks", "a one-line reply", REVIEW_ASKED),
    "partial": ("more time taken", "a question to us", "not held, and no ground for withholding",
                "the whole request not held", REVIEW_ASKED),
    "refused": ("information given", "not held", "more time taken", "a question to us", "any part not held",
                "said to be given", "asks us anything", "rows of figures", "a count given", "something confirmed",
                "the rest withheld", "not recorded in a usable form, and no cost limit", NO_GROUND, REVIEW_ASKED),
    "not-held": ("information given", "something withheld besides NCND", "more time taken", "a question to us",
                 REVIEW_ASKED),
    "extended": ("information given", "a question to us"),
    "clarification": ("information given", "more time taken", "said to be given"),
    # (A mailbox's wording is weighed against a person's in the receipt's own reading: receipts.py.)
    # (A receipt that also says figures are supplied, "any statistical data supplied is a snapshot",
    # may be the answer with its table lost: round 15.)
    "acknowledged": ("information given", "something withheld", "not held", "more time taken", "a question to us",
                     "a caveat under figures", SOME_MORE_TIME),
}
# What still puts a decision the authority files under a log's outcome field in doubt: the letter
# itself waits on more time or on our answer.
STATED_CONTESTS = frozenset({"more time taken", "a question to us"})


@dataclass(frozen=True)
class Weights:
    """What each kind of contrary evidence does to a reading of each kind (fitted:
    bench/calibrate_confidence.py). ``rivals[kind][evidence]`` is None where the evidence contests
    the reading outright (it goes to review), or the confidence it costs."""

    rivals: Mapping[str, Mapping[str, float | None]] = field(default_factory=dict)
    # Independent kinds of withholding evidence that contest a not-held reading (0: never).
    not_held_contested_by: int = 0
    # A rival only costs confidence in a letter with at least this many sentences of its own: in a
    # letter of a line or two there is nothing else to weigh it against, so it contests.
    cheap_from: int = 3


UNCALIBRATED = Weights(rivals={kind: dict.fromkeys(names) for kind, names in CONTESTS.items()})


def _with(base: Weights, kind: str, evidence: str, cost: float | None | str) -> Weights:
    """`base` with one cell changed: a cost, None (contests) or "-" (does not count)."""
    row = dict(base.rivals.get(kind, {}))
    if cost == "-":
        row.pop(evidence, None)
    else:
        row[evidence] = cost  # type: ignore[assignment]
    return replace(base, rivals={**base.rivals, kind: row})


# Fitted by grouped cross-validation (bench/calibrate_confidence.py; bench/calibration_results.md):
# one rival weaker than a decisive sentence. "Something confirmed" beside a refusal is often the
# refusal's own preamble ("we can confirm the force holds records; they are exempt").
WEIGHTS = _with(UNCALIBRATED, "refused", "something confirmed", 0.1)


def weigh(kind: str, confidence: float, evidence: Sequence[str], *, stated: bool = False,
          withheld: Sequence[str] = (), said: int | None = None,
          weights: Weights | None = None) -> tuple[float, list[str]]:
    """The final confidence of a reading of `kind` whose deciding evidence has strength `confidence`,
    given `evidence` (the names of every kind of evidence the letter carries, rivals or not),
    `withheld` (the independent kinds of withholding evidence in it) and `said` (how many sentences
    of its own the letter has, None if not known), with the reasons to show a reviewer. `stated`:
    the kind is the authority's own, from a log's outcome field."""
    weights = WEIGHTS if weights is None else weights
    confidence = round(max(0.0, min(1.0, confidence)), 2)
    if kind not in STATUS_KINDS or confidence < AUTOMATIC:
        return confidence, []
    reasons: list[str] = []
    if weights.not_held_contested_by and kind == "not-held" and len(withheld) >= weights.not_held_contested_by:
        reasons.append(f"not held, against {len(withheld)} kinds of withholding evidence: " + ", ".join(withheld))
        return min(confidence, CONTESTED), reasons
    table = weights.rivals.get(kind, {})
    rivals = [name for name in evidence if name in table and (not stated or name in STATED_CONTESTS)]
    short = said is not None and said < weights.cheap_from
    contest = [name for name in rivals if table[name] is None or short]
    if contest:
        others = [name for name in rivals if name != NO_GROUND]
        if NO_GROUND in rivals:
            reasons.append("refuses without relying on any ground in its own words")
        if others:
            reasons.append(f"also speaks of another status: {', '.join(others)}")
        return min(confidence, CONTESTED), reasons
    if rivals:
        cost = sum(table[name] or 0.0 for name in rivals)
        reasons.append(f"weaker evidence of another status: {', '.join(rivals)} (-{cost:.2f})")
        confidence = round(max(0.0, confidence - cost), 2)
    return confidence, reasons
