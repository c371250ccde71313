"""Mixed and unmarked answers (issue 12, round 11): what a reply releases, withholds or does not
hold, read from the letter's own new text.

Every message here is our own paraphrase of a shape seen in real replies from several authorities
(tests/fixtures/mail/SOURCES.md names the public pages); each meaning is said several ways
(synonyms, voice, order, padding), with negatives that share the words but not the meaning.
"""

from __future__ import annotations

import pytest

from foi.mail.classify import classify
from foi.mail.decisions import decides_here
from foi.mail.sections import named_only


def _read(body: str, subject: str = "Your FOI request"):
    return classify(subject, body)


# --------------------------------------------------------------------------------------------
# A. A sentence that applies a ground and then describes the Act decides in its own clause


@pytest.mark.parametrize(
    "sentence",
    [
        "We are withholding the report under section 22 of the Act, which states that an authority need not "
        "disclose information intended for future publication.",
        "The figures you asked for are therefore exempt under section 21, which provides that a public authority "
        "need not comply where the information is reasonably accessible by other means.",
        "Section 22 lets an authority decline to disclose material held with a view to publication; the files "
        "you seek will therefore be withheld under section 22.",
        "This information is withheld in accordance with section 43(2) of the FOIA, which allows a public "
        "authority to refuse where disclosure would prejudice commercial interests.",
        "I have decided to withhold these documents under section 31 (which sets out the exemption for law "
        "enforcement) because release would assist offenders.",
        "Your request is refused under section 12, which means that an authority is not obliged to comply "
        "where the cost would exceed the appropriate limit.",
    ],
)
def test_applying_clause_decides_before_the_act_is_described(sentence):
    assert named_only(sentence)  # (the old test set the whole sentence aside)
    assert decides_here(sentence, named_only)


@pytest.mark.parametrize(
    "sentence",
    [
        # The Act described in general: no clause speaks of this request.
        "Section 12 provides that an authority need not comply where the cost would exceed the limit.",
        "Section 40 applies to personal data, which means that an authority need not disclose it.",
        "Section 21 of the Act allows public authorities to decline requests for published material.",
        # Nothing decided at all.
        "The report was sent to the committee, which meets monthly.",
    ],
)
def test_description_alone_decides_nothing(sentence):
    assert not decides_here(sentence, named_only)


def test_withholding_under_a_described_section_is_an_automatic_refusal():
    body = (
        "Dear Ms Hart,\n\n"
        "Thank you for your request of 2 March for the final audit report on the estates programme.\n\n"
        "The trust holds this report.\n\n"
        "However, we are withholding it under section 22 of the Act, which states that an authority need "
        "not disclose information that it intends to publish at a future date.\n\n"
        "Section 22 is a qualified exemption. We have weighed the public interest and believe that the "
        "balance lies in publishing the report in full once the board has considered it in June.\n\n"
        "Yours sincerely,\nInformation Governance"
    )
    c = _read(body)
    assert c.kind == "refused"
    assert "22" in c.sections
