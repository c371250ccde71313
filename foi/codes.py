"""Home Office offence codes and crime outcome types: a label as a force wrote it -> the code.

Offences come from the Home Office list of notifiable offences (shipped as
`data/home-office-notifiable-offences.csv`) plus a hand-written table of common FOI-reply
spellings (`data/offence-synonyms.csv`). Outcome types follow the Home Office crime outcomes
framework (the "Crime outcomes in England and Wales" user guide).

Matching is exact after normalisation (case, punctuation, whitespace, "&"/"and"), or by a code
written in the label ("19C", "HO 19C", "019/08", "Type 16 - ...", "3A: ..."). Only then, for
labels of 8+ characters, a fuzzy match with a high threshold that must also agree on numbers and
on words that flip the meaning (adult/youth, CPS/police, not, attempted ...). When two codes are
plausible the answer is None: a missing code is visible in the output, a wrong one is not.

This module is the public face; the offences (and offence groups) live in `_codes_offences`, the
outcome types in `_codes_outcomes`, and the normalisation and fuzzy match they share in `_codes_text`.
"""


from __future__ import annotations

from foi._codes_offences import looks_like_offence, offence_code, offence_group, offence_name, offences
from foi._codes_outcomes import OUTCOME_TYPES, is_outcome_label, is_pending, outcome_code, outcome_name, outcomes

__all__ = [
    "OUTCOME_TYPES",
    "is_outcome_label",
    "offence_code",
    "offence_group",
    "offence_name",
    "outcome_code",
    "outcome_name",
    "is_pending",
    "looks_like_offence",
]


def load_indexes() -> None:
    """Build the offence and outcome indexes now rather than on the first label (both are cached)."""
    offences()
    outcomes()
