"""Disclosure-log layouts that carry a decision in their headings (issue 12, round 9).

A log entry often sets out the response under headings instead of in a letter's sentences: a
heading naming the exemption ("Section 21 – Information already reasonably accessible", "s.43:
commercial interests", "Regulation 13 - personal data") with its explanation underneath is the
decision to withhold under that ground, though no sentence says "is exempt"; and a clarification is
logged as a field ("Clarification sought on 14/03/2023: ...", "Clarification requested - ...",
"Request for clarification sent 2 May") followed by what did not fit.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

# The exemption's name, in the words headings use: "information accessible by other means",
# "personal information", "commercial interests", "law enforcement", "health and safety", "cost".
_GROUND_NAME = (
    r"(?:information\s+)?(?:already\s+)?(?:reasonably\s+)?accessible|other\s+means|future\s+publication"
    r"|intended\s+for\s+publication|security\s+bodies|national\s+security|defence|international\s+relations"
    r"|relations\s+within|economy|investigations|law\s+enforcement|court\s+records|audit|parliamentary"
    r"|formulation|government\s+policy|prejudice|public\s+affairs|communications\s+with|health\s+and\s+safety"
    r"|health|safety|environmental|personal\s+(?:information|data)|third\s+party|information\s+provided\s+in"
    r"\s+confidence|confidential|legal\s+(?:professional\s+)?privilege|commercial|trade\s+secrets|prohibitions"
    r"|cost|appropriate\s+limit|vexatious|repeated|manifestly\s+unreasonable|interests|information"
)
# "Section 21 – ...", "S.43: ...", "Section 40(2) Personal information", "Regulation 13 - personal
# data", "Exemption: section 31 (law enforcement)", numbered or bulleted; the name within a few words.
_HEADING_RE = re.compile(
    r"^\W{0,3}(?:\d{1,2}[.)]\s*)?(?:exemption\s*[:\-\u2013]\s*)?(?:sections?|s\.|regulation|reg\.)\s*\d{1,2}[A-Z]?"
    r"(?:\s*\(\s*\w{1,4}\s*\))*\s*(?:of\s+the\s+(?:FOI\s+)?(?:Act|FOIA|EIR)\s*)?(?:[-\u2013\u2014:|]\s*|\(\s*|\s+)"
    r"(?:the\s+)?(?:[\w'&,]+\s+){0,5}?(?:" + _GROUND_NAME + r")\b",
    re.I,
)
# The grounds headings are for: FOIA ss.12, 14, 21-44; EIR regulations 12 and 13.
_GROUND_NUMBERS = frozenset({"12", "13", "14", *(str(n) for n in range(21, 45))})
# Within the heading's own words a verb of deciding would make it a sentence, not a heading.
_NOT_A_HEADING_RE = re.compile(r"^[^.]{0,80}?\b(?:is|are|was|were|does|do|has|have|would|will|may|might|can|could"
                               r"|applies|apply|states|provides|allows|requires)\b", re.I)

# "Clarification sought on 14/03/2023: ...", "Clarification requested - the terms ...", "Request for
# clarification sent 2 May 2022", "Further information requested from applicant".
_CLARIFICATION_LOGGED_RE = re.compile(
    r"^\W{0,3}(?:(?:clarification|further\s+(?:information|details))\s+(?:was\s+|has\s+been\s+)?(?:sought|requested"
    r"|asked\s+for|needed|required|requested\s+from)"
    r"|request\s+for\s+clarification\s+(?:was\s+|has\s+been\s+)?(?:sent|issued|made|emailed|e-mailed))\b",
    re.I,
)
# The clarification came back: history, not a question put to us.
_CLARIFICATION_DONE_RE = re.compile(r"\b(?:received|provided|given|supplied|answered|replied|responded)\b", re.I)


def ground_headings(sentences: Sequence[str]) -> list[str]:
    """The sentences that open with a heading naming a refusal ground and are followed by its
    explanation (the same sentence continuing, or the next one)."""
    out: list[str] = []
    for k, s in enumerate(sentences):
        m = _HEADING_RE.match(s.strip())
        if not m:
            continue
        head = s.strip()[: m.end()]
        number = re.search(r"\d{1,2}", head)
        if _NOT_A_HEADING_RE.match(head) or not number or number.group() not in _GROUND_NUMBERS:
            continue
        # "Section 21 - ...", "s.43: ...", "Section 40(2) (personal data)"; or the heading alone
        # on its line, with no full stop.
        if not re.search(r"\d[\w()\s]*[-\u2013\u2014:|(]", head) and (len(s.strip()) > 90 or s.strip().endswith(".")):
            continue
        rest = s.strip()[m.end():].strip()
        explained = len(rest) >= 30 or (k + 1 < len(sentences) and len(sentences[k + 1].strip()) >= 30)
        if explained:
            out.append(s)
    return out


# The field that records the answer: "Clarification received", "Clarification provided by the applicant on
# 3 May", "Requester clarified: ...", "Applicant's response: ..." (round 12).
_CLARIFICATION_ANSWERED_RE = re.compile(
    r"^\W{0,3}(?:clarification\s+(?:was\s+|has\s+been\s+)?(?:received|provided|given|supplied|obtained)"
    r"|(?:the\s+)?(?:requester|applicant|requestor)(?:'s)?\s+(?:clarified|clarification|replied|responded|response"
    r"|confirmed))\b",
    re.I,
)


def clarification_logged(sentences: Sequence[str], *, within: int = 6) -> list[str]:
    """The log lines recording that clarification was sought from the requester, and not (in the
    next few lines) that it came back: a question asked and answered is the request's history."""
    out: list[str] = []
    for k, s in enumerate(sentences):
        if not _CLARIFICATION_LOGGED_RE.match(s.strip()) or _CLARIFICATION_DONE_RE.search(s.strip()[:60]):
            continue
        if any(_CLARIFICATION_ANSWERED_RE.match(x.strip()) for x in sentences[k + 1: k + 1 + within]):
            continue
        out.append(s)
    return out


def clarification_exchanges(sentences: Sequence[str], *, within: int = 6) -> list[str]:
    """Every sentence of a logged clarification exchange that came back ("Clarification sought" ...
    "Clarification received" ...): the question and its answer, both history."""
    out: list[str] = []
    for k, s in enumerate(sentences):
        if not _CLARIFICATION_LOGGED_RE.match(s.strip()):
            continue
        ahead = sentences[k + 1: k + 1 + within]
        end = next((j for j, x in enumerate(ahead) if _CLARIFICATION_ANSWERED_RE.match(x.strip())), None)
        if end is not None:
            # (With the requester's answer under its field: "Clarification received" / "Yes, members of
            # the public.")
            reply = ahead[end + 1: end + 2]
            out += [s, *ahead[: end + 1], *(x for x in reply if len(x) <= 200 and not _PART_HEAD_RE.match(x))]
    return out


_PART_HEAD_RE = re.compile(r"^\W*(?:request|question|part|q)\s*\d{1,2}\b", re.I)


# A line of a table pasted into the entry: a label and a figure ("2014-15 £37,287.52", "Burglary 41").
_FIGURE_LINE_RE = re.compile(r"^(?!\d{1,2}(?:st|nd|rd|th)?\s+\w+,?\s+(?:19|20)\d\d\s*$)\S[^.:;]{0,50}?\s[£$]?\d[\d,]*"
                             r"(?:\.\d+)?%?\s*$")


def figure_lines(sentences: Sequence[str]) -> list[str]:
    """Lines that give a figure under a label, as a table pasted into a log entry does."""
    return [s for s in sentences if len(s) <= 70 and _FIGURE_LINE_RE.match(s.strip())]


# A figure given in prose: "in 2023 it recorded 37", "there were 12 such cases", "a total of 4,210".
_FIGURE_SAID_RE = re.compile(
    r"\b(?:recorded|issued|were|totall?ed|total\s+of|came\s+to|amounted\s+to|spent)\s+"
    r"(?:\w+\s+){0,2}?[£$]?(?!(?:19|20)\d\d\b)\d[\d,]*(?:\.\d+)?\b(?![/.\-]\d)"
    r"(?!\s*(?:st|nd|rd|th)?\s*(?:of\s+)?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|hours?|working|days?"
    r"|weeks?|months?|years?|per\s+(?:hour|cent)|%))",
    re.I,
)


def figures_said(sentences: Sequence[str]) -> list[str]:
    """Sentences that give a figure in words ("in 2023 the force recorded 37")."""
    return [s for s in sentences if _FIGURE_SAID_RE.search(s)]
