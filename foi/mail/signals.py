"""The wording that says what kind of reply a letter is, and how much each phrase counts.

Each pattern adds its weight to its kind's score once per sentence it matches (a quarter of it
in a hypothetical sentence); :func:`foi.mail.classify.classify` weighs the scores against each
other. Tuned on the reply corpus (tests/fixtures/mail, bench/classify_precision.py).
"""

from __future__ import annotations

import re

AUTO_SUBJECT_RE = re.compile(
    r"^\s*(?:automatic\s+reply|auto(?:matic)?[-\s]?(?:reply|response)|autoreply|out\s+of\s+(?:the\s+)?office|"
    r"away\s+from\s+(?:the\s+)?office|on\s+leave)\b",
    re.I,
)
AUTO_BODY_RE = re.compile(
    r"\b(?:I\s+am|I'm)\s+(?:currently\s+)?(?:out\s+of\s+(?:the\s+)?office|away\s+from\s+(?:the\s+|my\s+)?(?:office|desk)|"
    r"on\s+(?:annual\s+)?leave)|this\s+is\s+an\s+automat(?:ic|ed)\s+(?:reply|response|message)",
    re.I,
)
NCND_RE = re.compile(
    r"\bneither\s+confirm\s+n?or\s+deny|\bNCND\b|\b(?:will|can|would|shall|does|do)\s*(?:not|n't)\s+(?:either\s+)?confirm\s+or\s+deny|"
    r"\bnot\s+(?:obliged|required)\s+to\s+confirm\s+or\s+deny|duty\s+to\s+confirm\s+or\s+deny\s+does\s+not\s+apply|"
    r"(?:excluded|exempt)\s+from\s+the\s+duty\s+to\s+confirm\s+or\s+deny",
    re.I,
)

SALUTATION_RE = re.compile(r"^(?:dear|hi|hello|good\s+(?:morning|afternoon|evening))\b[^.]{0,40}$", re.I)

# (kind, pattern, weight). Kinds here include helper signals: "data" (information is given),
# "review" (this is a review outcome letter).
_SIGNALS: tuple[tuple[str, str, float], ...] = (
    # acknowledgement
    ("acknowledged", r"\b(?:we|I)\s+(?:have|has)\s+(?:now\s+)?received\s+your\s+(?:request|e-?mail"
        r"|application|correspondence)", 1.5),
    ("acknowledged", r"\b(?:your|the)\s+(?:request|e-?mail|application)\s+(?:was|has\s+been)\s+received", 1.5),
    ("acknowledged", r"\backnowledge\s+(?:the\s+)?receipt|\bthis\s+(?:e-?mail|letter|is\s+to)\s+acknowledge"
        r"|\backnowledg(?:e|ement)\s+(?:of\s+)?your\s+request", 2.0),
    ("acknowledged",
        r"\b(?:assigned|allocated|given)\s+(?:a|the)?\s*(?:unique\s+)?reference"
        r"|\brequest\s+which\s+(?:we|was)\s+received", 1.5),
    ("acknowledged", r"\b(?:has|have)\s+been\s+(?:logged|registered|allocated)|\blogged\s+(?:under|with|as)\b", 1.5),
    ("acknowledged",
        r"\b(?:will|shall|aim\s+to|endeavour\s+to)\s+(?:\w+\s+){0,4}"
        r"(?:respond|reply|provide\s+(?:you\s+with\s+)?a\s+response)\s+(?:to\s+you\s+)?"
        r"(?:promptly\s+(?:and\s+)?)?within\s+(?:the\s+statutory\s+)?(?:20|twenty)\s+working\s+days", 1.5),
    ("acknowledged",
        r"\b(?:will|shall)\s+be\s+(?:answered|responded\s+to|dealt\s+with|processed)\s+"
        r"(?:promptly\s+(?:and\s+)?)?within\s+(?:the\s+statutory\s+)?(?:20|twenty)\s+working\s+days", 1.5),
    ("acknowledged", r"\bbeing\s+(?:processed|dealt\s+with|considered)\b|\bis\s+now\s+being\s+(?:processed"
        r"|handled)", 0.75),
    # clarification
    ("clarification", r"\bclarif(?:y|ication)\b", 2.0),
    ("clarification", r"\bsection\s+1\s*\(\s*3\s*\)|\bs\.?\s?1\s*\(\s*3\s*\)", 2.0),
    ("clarification", r"\b(?:could|can|would)\s+you\s+(?:please\s+)?(?:confirm|specify|indicate"
        r"|explain|tell\s+us|let\s+us\s+know)\s+(?:which|what|whether|the|exactly"
        r"|if)\b", 1.5),
    ("clarification", r"\bplease\s+(?:could\s+you\s+)?(?:confirm|specify|indicate|clarify)\s+(?:which"
        r"|what|whether|exactly|the\s+(?:period|date|offence|type))", 1.5),
    ("clarification",
        r"\b(?:not|unable\s+to)\s+(?:be\s+able\s+to\s+)?(?:proceed|progress)\s+(?:with\s+)?(?:your\s+request\s+)?until\b"
        r"|\bbefore\s+we\s+can\s+(?:proceed|progress|process|answer|deal)", 1.5),
    ("clarification", r"\b(?:clock|time\s+limit|20\s+working\s+day\s+(?:period|deadline))\b.{0,40}\b(?:stop"
        r"|start|paused|restart|begin)", 1.0),
    ("clarification", r"\bon\s+hold\s+(?:until|pending)\b", 1.0),
    # extension
    ("extended", r"\bextend(?:ed|ing)?\s+(?:the\s+)?(?:time|deadline|period|response\s+date"
        r"|date|timescale)|\bextension\b", 2.0),
    ("extended", r"\b(?:section\s+|s\.?\s?)10\s*\(\s*3\s*\)", 2.0),
    ("extended", r"\b(?:additional|further|more)\s+time\b|\breasonable\s+(?:period|extension|further\s+period)", 1.5),
    ("extended", r"\bunable\s+to\s+(?:respond|reply|provide\s+a\s+response)\s+within\s+(?:the\s+)?(?:20"
        r"|twenty)\s+working\s+days", 1.5),
    ("extended", r"\b(?:now\s+)?(?:aim|expect|hope|intend|anticipate)\s+to\s+(?:respond|reply"
        r"|provide\s+(?:you\s+with\s+)?(?:a|our|the)\s+(?:full\s+)?response)\s+(?:to\s+you\s+)?(?:by"
        r"|no\s+later\s+than|on\s+or\s+before)\b", 1.0),
    ("extended", r"\b(?:considering|consider|consideration\s+of)\s+(?:the\s+)?public\s+interest", 0.5),
    ("extended", r"\bwill\s+(?:therefore\s+|now\s+)?(?:respond|reply|provide\s+(?:you\s+with\s+)?(?:a"
        r"|our|the)\s+(?:full\s+)?response)\s+(?:to\s+you\s+)?(?:by|no\s+later\s+than"
        r"|on\s+or\s+before)\b", 1.0),
    # information given
    ("data", r"\bplease\s+(?:find|see)\s+(?:attached|enclosed|below)\s+(?:the\s+|a\s+)?(?:information"
        r"|data|figures|spreadsheet|table|statistics|details|excel|csv)", 2.0),
    ("data", r"\b(?:the\s+)?(?:information|data|figures)\s+(?:(?:that\s+)?you\s+(?:have\s+)?requested"
        r"|requested)\s+(?:is|are|has\s+been)\s+(?:attached|enclosed|provided|set\s+out"
        r"|shown|as\s+follows|below|contained)", 2.0),
    ("data", r"\b(?:I\s+am|we\s+are)\s+(?:pleased|able|happy)\s+to\s+(?:provide|supply"
        r"|enclose|disclose|release|attach)", 1.5),
    ("data", r"\b(?:is|are|has\s+been|have\s+been)\s+(?:disclosed|released|provided)\s+(?:below"
        r"|in\s+(?:the\s+)?(?:attached|table|spreadsheet))|\bthe\s+following\s+(?:information"
        r"|data|figures)\s+(?:is|are|has\s+been)\s+(?:disclosed|provided|released)", 1.5),
    ("data", r"\b(?:attached|enclosed)\s+(?:is|are)\s+(?:a|the)\s+(?:spreadsheet|table"
        r"|file|data|figures|information)", 1.5),
    ("data", r"\bin\s+(?:answer|response)\s+to\s+(?:your\s+)?(?:question|part)\s+\d.{0,80}\b\d", 1.0),
    ("data", r"\bthe\s+answer\s+to\s+(?:your\s+)?question|\bplease\s+see\s+(?:the\s+)?(?:table|figures)\s+below", 1.0),
    # refusal
    ("refused", r"\brefusal\s+notice|\bsection\s+17\b|\bs\.?\s?17\s*\(\s*[145]\s*\)", 2.5),
    ("refused",
        r"\b(?:is|are|being)\s+(?:therefore\s+|considered\s+|deemed\s+)?exempt\b"
        r"|\bexempt(?:ion)?s?\s+(?:applies|apply|is\s+engaged|are\s+engaged|has\s+been\s+applied|have\s+been\s+applied)"
        r"|\b(?:applies|apply|engaged)\s+to\s+(?:this|the|your)\s+(?:information|request)", 1.5),
    ("refused", r"\b(?:has|have)\s+(?:therefore\s+)?(?:been\s+)?(?:refused|withheld)|\b(?:refuse"
        r"|refusing|decline|declining)\s+(?:to\s+(?:comply|disclose|provide)|your\s+request"
        r"|this\s+request)|\bwithhold(?:ing)?\s+(?:the|this|that)\s+information|\brelying\s+(?:up)?on\b", 2.0),
    ("refused", r"\b(?:unable|not\s+able|not\s+obliged|not\s+required)\s+to\s+(?:comply|provide"
        r"|disclose|supply|release)|\bwill\s+(?:therefore\s+|now\s+)?not\s+be\s+(?:complying|providing|disclosing"
        r"|releasing)|\bcannot\s+(?:comply|provide|disclose|release)", 1.5),
    ("refused", r"\bexceed(?:s|ed|ing)?\s+(?:the\s+)?(?:appropriate|cost|fees?)\s+limit|\b(?:appropriate"
        r"|cost)\s+limit\b.{0,60}\bexceed", 2.0),
    ("refused", r"(?<!not\s)\bvexatious\b|\brepeated\s+request", 2.0),
    ("refused", r"\bbalance\s+of\s+(?:the\s+)?public\s+interest\b.{0,80}\b(?:maintain|withhold"
        r"|non-?disclosure|favour\s+of\s+the\s+exemption)|\bpublic\s+interest\b.{0,60}\bfavou?rs?\s+(?:maintaining"
        r"|withholding|non-?disclosure)", 1.5),
    ("refused", r"\bharm\s+(?:in\s+)?(?:disclos|releas)|\bwould\s+(?:be\s+likely\s+to\s+)?(?:prejudice"
        r"|undermine|compromise)\b", 0.75),
    # not held
    ("not-held", r"(?<!\bor\s)(?<!\bor\s\s)\b(?:is|are|was|were)\s+not\s+held\b|\bnot\s+held\s+by\b", 2.0),
    ("not-held", r"\b(?:does|do|did)\s+not\s+hold\b|\bholds?\s+no\s+(?:recorded\s+)?(?:information"
        r"|data|records)|\bno\s+(?:recorded\s+)?information\s+(?:is\s+)?held", 2.0),
    ("not-held", r"\b(?:does|do)\s+not\s+(?:record|collate|capture|retain)\b|\bis\s+not\s+(?:recorded"
        r"|collated|captured)\b|\bno\s+(?:relevant\s+)?(?:information|records?|data)\s+(?:has\s+been"
        r"|was|were|could\s+be)\s+(?:found|located|identified)", 1.5),
    ("not-held", r"\bsection\s+1\s*\(\s*1\s*\)\s*\(\s*a\s*\).{0,120}\b(?:not\s+held|does\s+not\s+hold"
        r"|no\s+information)", 1.0),
    # review outcome letters
    ("review", r"\b(?:I|we)\s+have\s+(?:now\s+)?(?:completed|conducted|carried\s+out|undertaken"
        r"|concluded)\s+(?:an?|the|your)\s+(?:internal\s+)?review|\binternal\s+review\s+(?:has"
        r"|was)\s+(?:now\s+)?(?:been\s+)?(?:completed|concluded|conducted|carried\s+out"
        r"|undertaken)", 2.0),
    ("review", r"\b(?:review(?:ing)?\s+(?:officer|panel|decision|outcome|findings)|outcome\s+of\s+(?:the"
        r"|your)\s+(?:internal\s+)?review|having\s+reviewed|internal\s+review\s+(?:decision"
        r"|outcome|result))", 1.5),
    ("review", r"\b(?:your|the)\s+request\s+for\s+an\s+internal\s+review\b|\binternal\s+review\s+(?:request"
        r"|of\s+(?:your|the|our))", 1.0),
)
SIGNALS = tuple((kind, re.compile(rx, re.I), w) for kind, rx, w in _SIGNALS)

_REVIEW_SUBJECTS = r"(?:decision|response|refusal|exemptions?|outcome|answer|complaint|appeal|request|application)"
UPHELD_RE = re.compile(
    # The subject nearest to "upheld" decides what was upheld, hence the tempered gap.
    r"\b(?P<subj>" + _REVIEW_SUBJECTS + r")s?\b(?:(?!\b" + _REVIEW_SUBJECTS + r"\b)[^.]){0,40}?"
    r"\b(?P<neg>not\s+(?:been\s+)?|partially\s+|partly\s+|in\s+part\s+)?upheld\b"
    r"|\b(?:I|we)\s+(?:therefore\s+|have\s+|now\s+|\w+ly\s+)*"
    r"(?P<neg2>do\s+not\s+|will\s+not\s+|cannot\s+|partially\s+)?uphold\s+(?:the\s+|your\s+)?"
    r"(?P<subj2>original\s+)?(?P<what>\w+)"
    r"|\bupheld\s+(?:the\s+)?(?:original\s+)?(?P<subj3>decision|response|refusal|exemptions?)",
    re.I,
)
MAINTAIN_RE = re.compile(
    r"\b(?:maintain(?:ed|s)?|stand(?:s)?\s+by|agree\s+with)\s+(?:the\s+)?(?:original\s+)?(?:decision|response|refusal|exemptions?|position)|"
    r"\boriginal\s+(?:decision|response|refusal)\s+(?:was|is|remains)\s+(?:correct|appropriate|valid|sound)|"
    r"\b(?:were|was|had\s+been|has\s+been)\s+(?:correctly|properly|appropriately|rightly)\s+(?:applied|engaged|relied\s+(?:up)?on)|"
    r"\b(?:satisfied|content)\s+that\s+the\s+(?:original\s+)?(?:decision|response"
        r"|exemptions?|refusal)\s+(?:was|were|is|are)\s+(?:correct|appropriate|properly"
        r"|correctly)",
    re.I,
)
OVERTURN_RE = re.compile(
    r"\boverturn(?:ed|ing)?\b|\breversed?\s+(?:the\s+)?(?:original\s+)?decision|"
    r"\b(?:original\s+)?(?:decision|response|refusal)\s+(?:was|is)\s+(?:not\s+correct|incorrect|wrong|flawed)|"
    r"\bshould\s+(?:have\s+been|be)\s+(?:disclosed|released|provided)|"
    r"\b(?:will|now|are\s+now\s+able\s+to|decided\s+to)\s+(?:be\s+)?(?:release|disclose|provide)\s+(?:the\s+|this\s+)?(?:information|data|figures)|"
    r"\bfound\s+in\s+your\s+favour",
    re.I,
)
