"""The kinds of reply and the reading of one reply (:class:`Classification`)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

KINDS = (
    "acknowledged",
    "clarification",
    "extended",
    "responded",
    "partial",
    "refused",
    "not-held",
    "review-upheld",
    "review-overturned",
    "auto-reply",
    "needs-review",
)

# Kinds that change a request's status; auto-reply and needs-review never do.
STATUS_KINDS = frozenset(KINDS) - {"auto-reply", "needs-review"}
# Confidence from which a reading changes a status on its own; below it the reply is
# needs-review with the reading as its best guess.
AUTOMATIC = 0.6
# Kinds that keep the sections and NCND flag they cite (the grounds something was withheld on, as
# foi.tracking's SECTION_KINDS accepts them).
WITHHOLDING_KINDS = frozenset({"partial", "refused", "not-held", "review-upheld", "review-overturned"})
# Kinds of answer that need to see the information given (not only be told it is attached).
ANSWER_GATED = frozenset({"responded"})


@dataclass
class Classification:
    kind: str  # one of KINDS
    sections: list[str]  # FOIA sections cited, normalised ("12", "40(2)", "31(1)(a)")
    ncnd: bool  # neither confirm nor deny
    force_reference: str | None  # the force's own reference
    until: date | None  # new due date for an extension when stated
    evidence: str  # the sentence(s) that justified the kind, <= 300 chars
    confidence: float  # 0..1
    has_data_attachment: bool = False
    guess: str = ""  # the best reading, also when kind is needs-review
    received: date | None = None  # the date of receipt the authority states, if it states one
    review_outcome: str | None = None  # "upheld", "overturned" or "partly upheld"
    reasons: list[str] = field(default_factory=list)  # why it is (or is not) decided automatically

    def __post_init__(self) -> None:
        self.guess = self.guess or self.kind

    @property
    def automatic(self) -> bool:
        """True when this reading changes a request's status without asking."""
        return self.kind in STATUS_KINDS

