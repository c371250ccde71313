"""Evidence for the decision kinds that is structural rather than a phrase list (issue 12, round 6).

- A question to us about the scope of the request, in a letter that waits on our answer, is a
  clarification (the reply waits; nothing is decided), even in a letter that explains the cost
  limit: "Would it be acceptable if we searched the last year only? We will wait to hear from you."
- A promised date that lies well beyond the statutory 20 working days after the receipt the letter
  states is an extension, whatever else the letter says ("received on 10 February ... you can
  expect our response by 7 April").
- An estimate of more than 18 hours' work (or more than £450) is the cost limit (s.12), whether or
  not the letter names the section or the limit.

Pure functions of sentences, like the rest of :mod:`foi.mail`.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from datetime import date

from foi.mail.reading.grammar import GROUND_APPLIED, REQUEST_REFUSED, SUPPOSED, THING, gap

# A sentence addressed to the requester that asks: a question mark, or "please confirm / let us
# know / tell us / advise whether ...", or "if you would be happy to ..., please reply".
_ASKS_RE = re.compile(
    r"\byou\b[^?]*\?"
    r"|\b(?:please|kindly|grateful\s+if\s+you\s+(?:could|would))\s+(?:could\s+you\s+)?(?:confirm|let\s+(?:me|us)\s+know"
    r"|advise|tell\s+(?:me|us)|indicate|reply|respond|contact\s+(?:me|us))\b[^.]{0,40}?\b(?:whether|if|which|how|what)\b"
    r"|\bif\s+you\s+(?:would|wish|want|are\s+(?:happy|content|willing|prepared)|agree|accept)\b[^.]{0,160}\bplease\s+"
    r"(?:reply|respond|confirm|let\s+(?:me|us)\s+know|contact|advise|e-?mail)",
    re.I,
)
# What the question is about: answering less than was asked ("only", "part", "one year", "within
# the limit", "narrow", "instead").
_SCOPE_RE = re.compile(
    r"\b(?:only|just|part|parts|narrow\w*|refin\w*|reduc\w*|restrict\w*|limit(?:ed|ing)?\b(?!\s+(?:set|of))|shorter"
    r"|smaller|single|fewer|instead|rather\s+than|within\s+the\s+(?:cost|appropriate|time|fees?|18)|amend\w*"
    r"|accept\w*|agreeable|acceptable)\b",
    re.I,
)
# The letter waits on our answer before going on.
WAITS_RE = re.compile(
    r"\b(?:once|when|until|after)\s+(?:we|I)\s+(?:have\s+)?(?:hear|heard|receive|received|get|had)\s+(?:back\s+)?"
    r"(?:from\s+you|your\s+(?:reply|response|answer|confirmation|decision|instructions))"
    r"|\bawait(?:ing)?\s+your\s+(?:reply|response|confirmation|answer|decision|instructions|clarification)"
    r"|\b(?:wait|waiting)\s+(?:to\s+hear\s+)?(?:from\s+you|for\s+your\s+(?:reply|response|answer|confirmation))"
    r"|\bon\s+hold\b|\bpending\s+your\s+(?:reply|response|clarification|confirmation|answer)"
    r"|\bbefore\s+(?:going|proceeding|we\s+(?:go|proceed))\s+(?:any\s+)?further"
    r"|\bhow\s+you\s+(?:would\s+like|wish|want)\s+(?:us\s+)?to\s+proceed"
    r"|\b(?:we|I)\s+(?:will|shall|can)\s+then\s+(?:continue|proceed|process|deal|progress|go\s+ahead|look)"
    r"|\b(?:reply|respond)\s+to\s+this\s+(?:e-?mail|letter|message)\s+and\s+(?:we|I)\s+will"
    r"|\bif\s+we\s+do\s+not\s+(?:hear|receive)\b.{0,100}\b(?:close|closed|withdrawn|treat)",
    re.I,
)


def scope_questions(sentences: Sequence[str]) -> list[str]:
    """The sentences that ask us whether we would take less than we asked for."""
    return [s for s in sentences if _ASKS_RE.search(unquoted(s)) and _SCOPE_RE.search(unquoted(s))]


# A quotation closed in this sentence and opened in an earlier one: `... how much was paid." The
# force holds ...` (the request's words run into the letter's when a quote closes mid-line).
_CLOSING_QUOTE_RE = re.compile(r"[.?!)]\s*[\"\u201d]\s")


def unquoted(sentence: str) -> str:
    """`sentence` without what it quotes (round 10): spans in double quotes, and the tail of a
    quotation that an earlier sentence opened and this one closes. What a letter quotes - our
    request, as a rule - asks and decides nothing of its own."""
    out = re.sub(r"[\"\u201c][^\"\u201c\u201d]{0,400}[\"\u201d]", " ", sentence)
    m = _CLOSING_QUOTE_RE.search(out)
    if m and (out.count('"') + out.count("\u201d")) % 2 == 1:
        out = out[m.end():]
    return out


# Asked outright what we want (round 9): "please clarify what information you require", "could you
# specify which records you mean", "please tell us exactly which period you are interested in". A
# conditional opening ("If it is recorded data you are after, please clarify ...") does not
# make the imperative hypothetical: the question is put all the same.
_CLARIFY_ASK_RE = re.compile(
    r"\b(?:please|kindly|(?:could|can|would)\s+you(?:\s+please)?|we\s+(?:would\s+)?(?:ask|need|require)\s+"
    r"(?:that\s+)?you\s+(?:to\s+)?)\s*"
    r"(?:clarify|specify|explain|tell\s+us|let\s+us\s+know|confirm|indicate|describe|identify)\s+"
    r"(?:(?:more\s+)?(?:precisely|exactly|clearly)\s+|to\s+us\s+|for\s+us\s+)?"
    r"(?:what|which|the\s+(?:specific|particular|exact|recorded)\b|whether\s+you\s+(?:mean|want|are\s+seeking))",
    re.I,
)


def asks_what_we_want(sentences: Sequence[str]) -> list[str]:
    """The sentences that ask us, in so many words, what information we want."""
    return [s for s in sentences if _CLARIFY_ASK_RE.search(s)]


def waits_on_us(sentences: Sequence[str]) -> list[str]:
    """The sentences that say the request waits on our reply."""
    return [s for s in sentences if WAITS_RE.search(s)]


# "would take an estimated 75 hours", "some 600 hours of work", "a cost of £2,300": more than the
# 18 hours (£450) the cost limit allows police forces; the number decides, not the wording.
_MANY_HOURS = r"(?:19|[2-9]\d|[1-9]\d{2,}|\d{1,3}(?:,\d{3})+)(?:\.\d+)?"
_BIG_SUM = r"\u00a3\s?(?:4[5-9]\d|[5-9]\d\d|[1-9]\d{3,}|\d{1,3}(?:,\d{3})+)(?:\.\d\d)?"
COST_ESTIMATE = (
    r"\b(?:would|will)\s+(?:\w+\s+){0,2}(?:take|require|involve|need|amount\s+to|equate\s+to|come\s+to)\b"
    r"[^.]{0,80}?(?<![\d,.])" + _MANY_HOURS + r"\s*(?:hours|hrs)\b"
    r"|\bestimat\w*\b[^.]{0,80}?(?<![\d,.])" + _MANY_HOURS + r"\s*(?:hours|hrs)\b"
    r"|\b(?:would|will)\s+(?:\w+\s+){0,2}cost\b[^.]{0,40}?" + _BIG_SUM
    # 18 hours are two and a half working days: "more than two and a half days of staff time".
    + r"|\b(?:more\s+than|over|in\s+excess\s+of|exceed\w*|beyond)\s+(?:the\s+)?(?:two\s+and\s+a\s+half|2\.5|2\u00bd)"
    r"\s+(?:working\s+)?days\b"
    r"|(?<![\d,.])" + _MANY_HOURS + r"\s*(?:hours|hrs)\s+(?:of\s+(?:work|officer\s+time|staff\s+time|searching)|to\s+"
    r"(?:locate|retrieve|extract|search|review|read|examine|check|identify|complete|answer|comply))"
)
COST_ESTIMATE_RE = re.compile(COST_ESTIMATE, re.I)


# A promise of a reply to come: "we will respond by", "you can expect our response on", "we aim to
# reply no later than", "the new date for our response is".
PROMISE_RE = re.compile(
    r"\b(?:will|shall|aim|plan|hope|intend|expect|anticipate|endeavour|should\s+(?:receive|have|get))\b"
    r"|\b(?:new|revised|extended)\s+(?:target\s+|due\s+)?(?:date|deadline)\b",
    re.I,
)


# The public interest test still to be done: the letter decides nothing yet (s.10(3), s.17(3)).
PIT_PENDING_RE = re.compile(
    r"\b(?:more|further|additional|extra)\s+time\b[^.]{0,60}\bpublic\s+interest"
    r"|\bpublic\s+interest\b[^.]{0,80}\b(?:more|further|additional|extra)\s+time\b"
    r"|\bnot\s+yet\s+(?:reached|made|completed|concluded|come\s+to)\b[^.]{0,60}\bpublic\s+interest"
    r"|\bneed\w*\s+to\s+(?:weigh|consider|assess|balance)\s+(?:up\s+)?(?:the\s+)?(?:balance\s+of\s+the\s+)?public\s+interest"
    r"|\b(?:section\s+|s\.?\s?)(?:10\s*\(\s*3\s*\)|17\s*\(\s*3\s*\))",
    re.I,
)


# The test still to be carried out, said of this request (round 9): "we now have to carry
# out the public interest test", "we will need to conduct the public interest test", "we must therefore
# carry out a public interest test". A refusal may say the same of the test it then reports, so it
# counts only where no sentence reports the test's outcome (PIT_DONE_RE).
PIT_TODO_RE = re.compile(
    r"(?:\bit\s+is\s+(?:therefore\s+|now\s+|thus\s+)?(?:necessary|required)\s+(?:for\s+(?:us|the\s+\w+)\s+)?"
    r"|\b(?:we|i)\s+(?:will\s+|shall\s+)?(?:therefore\s+|now\s+|thus\s+)?(?:need|must|have|are\s+required"
    r"|am\s+required)(?:\s+(?:therefore|now|thus|first))?\s+)(?:to\s+)?(?:carry\s+out|conduct|undertake|perform"
    r"|complete)\s+(?:a|the)\s+public\s+interest\s+test\b",
    re.I,
)
PIT_DONE_RE = re.compile(
    r"\boutweigh\w*|\bbalance\s+(?:of\s+(?:the\s+)?public\s+interest\s+)?(?:lies|falls|favours|is\s+in\s+favour|rests)"
    r"|\b(?:have|has|had)\s+(?:now\s+)?(?:carried\s+out|conducted|completed|applied|undertaken)\s+(?:a|the)\s+"
    r"public\s+interest|\bhaving\s+(?:carried\s+out|conducted|completed|considered|weighed|applied)"
    r"|\b(?:concluded|decided|determined|found)\s+that\b|\bwithheld\b|\bwe\s+(?:refuse|decline)",
    re.I,
)


def late_promise(promised: date | None, received: date | None) -> bool:
    """True when the date they promise an answer by is well past 20 working days from the receipt
    they state: 20 working days are 28 calendar days, or a few more over bank holidays, so a
    promise more than 35 days after receipt is more time taken."""
    return bool(promised and received and (promised - received).days > 35)


# The requester's question told back in the letter's own words: "in which you asked how many
# requests were refused under section 12", "Your request asked how often section 14 was used".
# What follows such words is what we asked about, not what they decide (issue 12, round 8): a
# section, a review or a refusal named there is the subject of the request.
_REPORTED_REQUEST_RE = re.compile(
    r"(?:^\W*|\bin\s+which\s+|\bwhere\s+|\bwhen\s+|[,;:(]\s*|\band\s+|\bwho\s+)"
    r"(?:you\s+(?:have\s+)?(?:asked|requested|enquired|wanted\s+to\s+know|wished\s+to\s+know|sought|queried)"
    r"|your\s+(?:request|e-?mail|letter|enquiry|question)\s+(?:asked|asks|sought|seeks|was\s+for|is\s+for|read|reads"
    r"|concerned|concerns|related\s+to|relates\s+to|wanted|queried))\b(?!\s*(?:[,.;)]|$))"
    r"(?!\s+(?:for\s+)?(?:an?\s+)?(?:internal\s+)?review\b)",
    re.I,
)


# The request told back as a participle under the thanks for it: "Thank you for your e-mail of 3
# May, received on 8 May, requesting, under the Act, a list of ..." (round 9). What follows the
# participle is the requester's words, whatever sections or figures it names.
_THANKS_OPENING_RE = re.compile(
    r"^\W*(?:thank\w*|many\s+thanks|we\s+(?:have\s+)?(?:received|acknowledge)|i\s+(?:write|am\s+writing)"
    r"|further\s+to|with\s+reference\s+to|in\s+response\s+to|(?:this|our)\s+(?:letter|e-?mail|response)\s+"
    r"(?:is\s+in\s+)?(?:response|reply)\s+to)\b",
    re.I,
)
_MAIL_NOUN_RE = re.compile(r"\b(?:request|e-?mail|letter|enquiry|inquiry|correspondence|application|message)\b", re.I)
_PARTICIPLE_REQUEST_RE = re.compile(
    r"(?:,\s*|\s)"
    r"(?:requesting|asking\s+(?:for|about|whether|if|how|what|which|us)|seeking)\b(?!\s*(?:[.;)]|$))",
    re.I,
)


def reported_request_at(sentence: str) -> int | None:
    """Where the requester's question, told back, starts in `sentence`; None when it has none."""
    m = _REPORTED_REQUEST_RE.search(sentence)
    p = _PARTICIPLE_REQUEST_RE.search(sentence) if _THANKS_OPENING_RE.match(sentence) else None
    if p and not _MAIL_NOUN_RE.search(sentence[:p.start()]):
        p = None  # ("Thank you for your patience while we were seeking it": no request to tell back.)
    starts = [x.start() for x in (m, p) if x]
    return min(starts) if starts else None


def own_words(sentence: str) -> str:
    """`sentence` without the requester's question told back in it ("Thank you for your request, in
    which you asked how many ... section 12" keeps "Thank you for your request,")."""
    at = reported_request_at(sentence)
    return sentence if at is None else sentence[:at].rstrip()


# A disclosure log's outcome printed as a heading of its own, naming the grounds: "Disclosed in Part
# - Sections 24(2), 31(3) and 38(2) Applied", "Partially released - s.40(2)",
# "Refused under Section 12", "Information not held". The authority files the reply under it.
_OUTCOME_HEAD = (
    r"(?P<value>(?:full|fully|partial|partially|part|partly)\s+(?:disclos\w*|releas\w*|provided)"
    r"|(?:disclos|releas)\w*\s+in\s+(?:part|full)"
    r"|(?:information\s+)?not\s+held|no\s+information\s+held"
    # ("Information provided" on a line of its own: a log's status for an answer. Round 11.)
    r"|information\s+(?:provided|supplied|disclosed|released)(?:\s+in\s+full)?"
    r"|refus(?:al|ed)|exempt(?:ion)?s?(?:\s+applied)?|withheld|neither\s+confirm\s+(?:n)?or\s+deny|NCND)"
)
_OUTCOME_LINE_RE = re.compile(
    r"^\W*" + _OUTCOME_HEAD + r"(?P<rest>(?:\s*[-\u2013:(,]\s*|\s+(?:with|under|citing|applying|using|by\s+virtue\s+of"
    r"|in\s+accordance\s+with)\s+|\s+(?=(?:sections?|s\.)\s*\d))"
    r"(?:the\s+)?(?:(?:sections?|ss?\.|exemptions?|applied|engaged|cited|and|&|of|the|FOIA|Act|\d{1,2}[A-Z]?(?:\s*\(\w{1,3}\))*)[\s,;&/()]*)*"
    r"(?:exemptions?\s+(?:applied|engaged|cited))?)?\W*$",
    re.I,
)
_OUTCOME_KINDS: tuple[tuple[str, str], ...] = (
    ("partial", r"^(?:partial|partially|part|partly)|in\s+part"),
    ("responded", r"^(?:full|fully)|in\s+full|^information\s+(?:provided|supplied|disclosed|released)"),
    ("not-held", r"not\s+held|no\s+information"),
    ("refused", r"."),
)


def heading_decision(sentences: Sequence[str], *, within: int = 8) -> tuple[str, str] | None:
    """(kind, line) for a disclosure log's outcome heading that names the grounds or states the
    outcome in a line of its own, among the first `within` sentences (a log prints it by the title;
    one naming grounds may come a dozen lines later, under the request printed);
    None when there is none, or two disagree. A bare "Refused" or "Exemptions" names no grounds and
    may be any heading: only with a section does it count."""
    found: list[tuple[str, str]] = []
    for k, s in enumerate(sentences[:within + 12]):
        line = s.strip()
        if len(line) > 140 or "\n" in line:
            continue
        if "|" in line or "\t" in line:
            # A table's cell ("Partial Disclosure |" over a column of counts) heads a column, not
            # the reply (round 9).
            continue
        m = _OUTCOME_LINE_RE.match(line)
        if not m:
            continue
        value = m.group("value").lower()
        has_section = bool(re.search(r"\d", m.group("rest") or ""))
        if not has_section and not re.match(r"(?:full|fully|partial|partially|part|partly|information\s+not|no\s+inf"
                                            r"|information\s+(?:provided|supplied|disclosed|released))", value):
            continue
        if k >= within and not has_section:
            # (Further down, below the request a log prints between title and outcome, only a
            # heading naming its grounds is plainly the outcome: round 10.)
            continue
        kind = next(k for k, rx in _OUTCOME_KINDS if re.search(rx, value, re.I))
        found.append((kind, s))
    kinds = {k for k, _ in found}
    return found[0] if len(kinds) == 1 else None


# The letter's own deciding sentence for withholding: a ground applied to this request, the
# request refused, the cost limit exceeded, neither confirm nor deny (issue 12, round 8). Naming
# or explaining a section is not deciding; a reading of refused or partial without one of these
# is a guess.
APPLIES_RE = re.compile(
    r"\b(?:is|are|was|were|has\s+been|have\s+been|being|be)\s+(?:therefore\s+|hereby\s+|also\s+|now\s+)?(?:exempt"
    r"|withheld|refused|redacted|removed|engaged|applied|relied\s+(?:up)?on|applicable|invoked|cited)\b"
    r"|\bexempt\s+(?:from\s+disclosure\s+)?(?:under|by\s+virtue|in\s+accordance|pursuant|as)\b"
    r"|\b(?:we|I|it|the\s+(?:force|constabulary|department|council|service|authority|trust|police))\s+(?:is\s+|are\s+|am\s+"
    r"|have\s+|has\s+|will\s+|must\s+|can\s+|do\s+|does\s+)?(?:therefore\s+|hereby\s+|now\s+|also\s+)?(?:not\s+)?"
    r"(?:apply|applying|applied|rely|relying|relied|engag\w+|cit(?:e|ed|ing)|invok\w+|refus\w+|withh\w+|declin\w+"
    r"|redact\w+|obliged|unable\s+to|cannot|not\s+able\s+to|will\s+not\s+be\s+(?:providing|disclosing|releasing))\b"
    r"|\b(?:is|are|am)\s+(?:therefore\s+|now\s+|also\s+)?(?:not\s+(?:providing|disclosing|releasing|supplying|giving)|relying|applying|engaging|citing|invoking|refusing|withholding"
    r"|declining|redacting)\b|\b(?:rel(?:y|ies|ying|ied)\s+(?:up)?on|appl(?:y|ies|ying)|engag(?:e|es|ing)|invok(?:e|es|ing)"
    r"|cit(?:e|es|ing))\s+(?:the\s+)?(?:exemptions?\s+(?:at|in|under)\s+)?(?:sections?|s\.|exemptions?)\s*\d"
    r"|\bdecided\s+(?:not\s+to\s+(?:provide|disclose|release|supply)|to\s+(?:withhold|refuse|decline|apply|rely|redact))"
    r"|\b(?:request|it|correspondence)\s+(?:is|to\s+be|as)\s+(?:therefore\s+)?vexatious|\bwill\s+not\s+be\s+(?:dealing|responding"
    r"|answering|complying)"
    r"|\bapplies\b|\bneither\s+confirm|\bnot\s+obliged\b|\b(?:exceed|exceeds|exceeded|exceeding|over|above|beyond)\s+"
    r"(?:the\s+)?(?:appropriate|cost|fees?|£?450|18)|\brefusal\s+notice|\bcannot\s+(?:comply|provide|disclose|release)"
    r"|\bunable\s+to\s+(?:comply|provide|disclose|release)"
    # "it is not possible for us to supply any of it", "not practicable to disclose" (round 11).
    r"|\bnot\s+(?:possible|practicable|feasible)\s+(?:for\s+(?:us|me|the\s+\w+)\s+)?(?:on\s+this\s+occasion\s+)?to\s+"
    r"(?:provide|disclose|release|supply|comply)|\b(?:not|no\s+longer)\s+(?:be\s+)?(?:disclosed|released"
    r"|provided)\b|\bin\s+(?:accordance|line)\s+with\s+(?:section|s\.)|\bunder\s+(?:section|s\.)\s*\d"
    r"|\b(?:cannot|can\s*not|could\s+not|will\s+not|shall\s+not)\s+be\s+(?:disclosed|released|provided|supplied|given)"
    r"|\bnot\s+to\s+(?:supply|provide|disclose|release)\b|\bexcess\s+cost|\bremoves?\s+(?:the\s+)?(?:\w+'?s?\s+)?"
    r"obligation|\bcost\s+(?:more\s+than|over|in\s+excess\s+of)\s+£\s?\d"
    r"|\bexceed\w*\b[^.]{0,40}\b(?:appropriate|cost|fees?)\W{0,3}\s+(?:limit|level)"
    r"|\b(?:would|will)\s+not\s+(?:be\s+)?(?:provid|disclos|releas|supply|supplied)\w*"
    # A heading that names the ground on a line of its own: "Section 31(1)(g) 'Law Enforcement'".
    r"|^\W*(?:section|s\.)\s*\d{1,2}[A-Z]?(?:\s*\(\w{1,3}\))*\s*[-\u2013:'\"\u2018\u201c]?\s*[A-Z'\"\u2018\u201c][^.]{0,60}$|"
    + COST_ESTIMATE,
    re.I,
)


_GROUND_APPLIED_RE = re.compile(GROUND_APPLIED, re.I)


def deciding(sentences: Sequence[str]) -> list[str]:
    """The sentences that apply a ground or refuse, in the letter's own words (with
    :data:`foi.mail.reading.signals.NCND_RE` and ``FORMAL_REFUSAL_RE``, which the caller adds)."""
    # (A part held back in so many words, "we are holding back a portion of the data", decides too:
    # round 10.)
    return [s for s in sentences if APPLIES_RE.search(s) or _GROUND_APPLIED_RE.search(s) or part_withheld([s])]


# "The date your response is due has been changed to 15 April", "our deadline is now 3 May": the
# due date moved, in so many words - more time taken, whatever the attached letter adds (round 8).
DUE_MOVED_RE = re.compile(
    r"\b(?:due\s+date|deadline|date\s+(?:that\s+|by\s+which\s+)?(?:the\s+|your\s+|our\s+)?(?:response|reply|answer)\s+"
    r"(?:is|was)\s+due|(?:response|reply)\s+date)\b[^.]{0,60}?\b(?:has\s+been|have\s+been|is\s+now|was|will\s+be|is\s+being)"
    r"\s+(?:changed|moved|extended|revised|amended|put\s+back|pushed\s+back|deferred)\s+(?:to|until|till)\b"
    r"|\b(?:due\s+date|deadline)\b[^.]{0,40}?\bis\s+now\s+(?:\d|the\s+\d|[A-Z][a-z]+day)",
    re.I,
)


# Something given, with part of it held back, said of this release (round 10): "some redactions have
# been made", "the documents are provided in redacted form", "part of the material falls under
# an exemption", "section 40(2) applies to some of the content", "names have been removed
# under section 40". The held-back part is named as a part: the rest is released.
_REDACTED = (r"\b(?:(?:some|certain|minor|limited|a\s+(?:small\s+)?(?:number\s+of|few))\s+)?redactions?\s+"
             r"(?:have|has)\s+"
             r"(?:now\s+)?been\s+(?:made|applied|carried\s+out)"
             r"|\b(?:with|after)\s+(?:some\s+|certain\s+|minor\s+|limited\s+)?(?:redactions|(?:\w+\s+){0,2}redacted\b)"
             r"|\b(?:in\s+)?(?:a\s+)?redacted\s+(?:form|version|copy|copies|format)\b"
             r"|\b(?:has|have)\s+been\s+redacted\b|\bredacted\s+(?:under|in\s+accordance\s+with|by\s+virtue\s+of)\b"
             r"|\b(?:we\s+have|I\s+have|the\s+\w+\s+has)\s+redacted\b")
_APPLIED_TO_PART = (r"\b(?:exemptions?|sections?\s+\d{1,2}[A-Z]?(?:\s*\(\w{1,3}\))*|s\.\s?\d{1,2})\b" + gap(120)
                    + r"\b(?:applied|engaged|relied\s+(?:up)?on|applies|apply|used|invoked|cited)\s+(?:only\s+)?"
                    r"(?:to|for|in\s+respect\s+of|in\s+relation\s+to)\s+(?:(?:a|some|one|certain|small)\s+)*"
                    r"(?:part|parts|portion|elements?|items?|sections|some|certain\s+(?:parts|details|elements|items))"
                    r"\s+(?:of\b|\w+\b)")
# "Part of what you asked for is already published elsewhere, so it is exempt
# under section 21", "parts of the report are withheld under section 31".
_SOME_EXEMPT = (r"\b(?:some|part|parts|certain\s+parts|elements|a\s+(?:small\s+)?(?:part|portion|amount))\s+of\s+"
                r"(?:the\s+|this\s+)?(?:\w+\s+){0,2}?(?:" + THING + r"|material|content|contracts?|agreements?"
                r"|letters?|papers?|policy|policies)\b" + gap(100)
                + r"\b(?:is|are|has\s+been|have\s+been)\s+(?:therefore\s+|also\s+|now\s+)?"
                r"(?:exempt|withheld|redacted)\b")
# The same in the active voice: "we are holding back a portion of the data", "I have withheld some
# of the figures", "the council has redacted certain parts of the report".
_SOME_EXEMPT += (r"|\b(?:are|am|is|have|has)\s+(?:now\s+|also\s+)?(?:exempting|withholding|redacting|withheld|redacted"
                 r"|exempted)\s+(?:some|part|parts|certain\s+parts|elements|a\s+(?:small\s+)?(?:part|portion|amount))"
                 r"\s+of\b")
# "Some information has been withheld", "certain details have been redacted", "some personal data is
# exempt" (round 11): the quantifier on the noun itself, no "of the".
_SOME_EXEMPT += (r"|\b(?:some|certain|limited)\s+(?:\w+\s+)?(?:" + THING + r"|names|material|content)\s+"
                 r"(?:is|are|has\s+been|have\s+been)\s+(?:therefore\s+|also\s+)?(?:exempt|withheld|redacted)\b")
# A withholding scoped by its topic (round 11): "With regard to the names of the suppliers, the
# information is withheld under section 43", "As regards question 3, we rely on section 31", "In
# relation to the invoices, these are exempt". (Not "with regard to your request": the whole of it;
# nor "in relation to question 2", whose fate beside the others foi.mail.reading.parts.names_some_parts reads.)
_TOPIC_SCOPED = (r"^\W*(?:with\s+(?:regard|regards|respect|reference)\s+to|as\s+regards|regarding"
                 r"|in\s+(?:relation|respect)\s+(?:to|of)|turning\s+to|as\s+for)\s+(?!(?:your|this|the)\s+(?:request|e-?mail|letter|enquiry|application)\b)"
                 r"(?!(?:the\s+)?(?:sections?|exemptions?|s\.)\s*\d?)(?!(?:questions?|parts?|points?|qs?)\s*\.?\s*\d)[^,.;]{3,80}?,?\s+(?:the\s+)?(?:\w+\s+){0,5}?"
                 r"(?:is|are|has\s+been|have\s+been|being)\s+(?:therefore\s+|also\s+)?(?:exempt|withheld|redacted)\b")
PART_WITHHELD_RE = re.compile(_REDACTED + "|" + _APPLIED_TO_PART + "|" + _SOME_EXEMPT + "|" + _TOPIC_SCOPED, re.I)
# All the rest held back as well: "the remainder is exempt under section 40", "the rest of the
# information is also withheld", "withheld in its entirety".
_REST_WITHHELD_RE = re.compile(
    r"\b(?:rest|remainder|remaining|other\s+parts?|balance)\b(?:\s+of\s+(?:the\s+|this\s+)?\w+)?" + gap(60)
    + r"\b(?:is|are|has\s+been|have\s+been)\s+(?:also\s+|likewise\s+|therefore\s+)?"
    r"(?:exempt|withheld|refused|redacted)\b"
    r"|\bwithheld\s+in\s+(?:full|(?:its|their)\s+entirety)|\bexempt\s+in\s+(?:full|(?:its|their)\s+entirety)",
    re.I,
)
# Said as what did not or would not happen: "redaction would not be practicable", "we could not
# provide a redacted copy", "if redactions were made".
_NOT_DONE_RE = re.compile(r"\b(?:not|cannot|can't|could|would|if|unless|whether|impossible|impractical|unable)\b", re.I)
# Given, in the same sentence: "please see attached the documents", "are provided", "released".
_GIVEN_TOO_RE = re.compile(r"\b(?:attached|enclosed|provided|disclosed|released|supplied|set\s+out\s+below|below"
                           r"|please\s+(?:find|see))\b|\b(?:does|do)\s+hold\b", re.I)


def part_withheld(sentences: Sequence[str]) -> list[str]:
    """The sentences saying part of what is released is held back (redacted, or an exemption applied
    to part of it), as done, not as what would or could be done."""
    out: list[str] = []
    for s in sentences:
        m = PART_WITHHELD_RE.search(s)
        if m and not _NOT_DONE_RE.search(_clause_before(s, m.start())):
            out.append(s)
    return out


def rest_withheld(sentences: Sequence[str]) -> list[str]:
    """The sentences saying the rest, or all of it, is held back too."""
    return [s for s in sentences if _REST_WITHHELD_RE.search(s)]


_PART_NAMED_RE = re.compile(_APPLIED_TO_PART + "|" + _SOME_EXEMPT + "|" + _TOPIC_SCOPED, re.I)


def names_a_part(sentence: str) -> bool:
    """True when `sentence` holds back a part in so many words ("some of the information is exempt",
    "the exemption is applied to part of it"): the rest, by its own words, is not held back."""
    return bool(_PART_NAMED_RE.search(sentence))


def given_in(sentence: str) -> bool:
    """True when `sentence` itself says information is given or held."""
    return bool(_GIVEN_TOO_RE.search(sentence))


def _clause_before(sentence: str, at: int) -> str:
    """The words of `sentence`'s clause before position `at` (back to a comma, semicolon or colon)."""
    head = sentence[:at]
    cut = max(head.rfind(c) for c in ",;:")
    return head[cut + 1:]


# Neither confirm nor deny said of what lies beyond the answer (round 10): "we can neither confirm
# nor deny that any further information is held", "NCND whether any other records exist". The
# answer given is the rest.
NCND_REST_RE = re.compile(
    r"\bneither\s+confirm\w*\s+n?or\s+den(?:y|ies)\b" + gap(80) + r"\b(?:any|whether\s+(?:any|it\s+holds\s+any))\s+"
    r"(?:further|other|additional|more)\b",
    re.I,
)


def ncnd_of_the_rest(sentences: Sequence[str]) -> list[str]:
    """The NCND sentences that cover only what lies beyond the answer given."""
    return [s for s in sentences if NCND_REST_RE.search(s)]


# Holding confirmed, then qualified (round 10): "I can confirm the force does hold the information
# requested, however ...", "we hold this information but ...", "the council holds some records;
# however, ...". What follows the concession is what is not given.
HELD_BUT_RE = re.compile(
    r"\b(?:do|does|did)\s+hold\b" + gap(80) + r"(?:,\s*|\s)(?:however|but|although|though|except)\b"
    r"|\b(?:holds?|held)\s+(?:the|this|that|some|these|such)\s+(?:\w+\s+){0,2}?(?:information|data|records?)\b"
    + gap(40) + r"[,;]\s*(?:however|but|although)\b",
    re.I,
)


def held_but(sentences: Sequence[str]) -> list[str]:
    """The sentences that confirm the information is held and then qualify it."""
    return [s for s in sentences if HELD_BUT_RE.search(s)]


# Where a sentence's own decision ends and a description of the statute begins (round 11): "we are
# withholding it under section 22, which states that an authority need not disclose ...", "section
# 21 lets an authority decline where ...; the report is therefore exempt under section 21". The
# description is a clause of its own: after a semicolon, or a relative clause on the Act.
_CLAUSE_CUT_RE = re.compile(r";|\s*[,(]?\s*\b(?=which\s+(?:states?|provides?|says?|allows?|means?|sets?|permits?"
                            r"|lets?|enables?|exempts?|applies|relates?|covers?|removes?)\b)", re.I)


# The clause speaks of this request: "this information", "your request", "we", "therefore" (not
# "section 40 applies to personal data, which means ...": the Act described in general).
_THIS_REQUEST_RE = re.compile(r"\b(?:this|these|your|we|I|our|us|therefore|thus|requested"
                              r"|you\s+(?:request|asked|seek|sought))\b", re.I)


def decides_here(sentence: str, described: Callable[[str], bool]) -> bool:
    """True when some clause of `sentence` applies a ground or refuses (:func:`deciding`) and that
    clause is not itself a description of the statute (`described`, as
    :func:`foi.mail.reading.sections.named_only`). "We are withholding this under section 22, which states
    that authorities need not disclose ..." decides in its first clause, whatever the second says of
    the Act; "Section 12 provides that an authority need not comply where ..." decides nothing."""
    if not deciding([sentence]):
        return False
    if not described(sentence):
        return True
    clauses = [c for c in _CLAUSE_CUT_RE.split(sentence) if c and c.strip()]
    return len(clauses) > 1 and any(deciding([c]) and not described(c) and _THIS_REQUEST_RE.search(c)
                                    for c in clauses)


# Given within a bound that leaves something out (round 11): "the table above is all we can
# disclose", "everything we are able to release is attached", "a copy of what can be
# disclosed is enclosed", "the documents that may be released are listed below". What can be given
# is given; what cannot is withheld. (Not "all the information we hold": that is everything.)
_BOUNDED_RE = re.compile(
    r"\b(?:all|everything)\s+(?:of\s+)?(?:the\s+)?(?:" + THING + r"\s+)?(?:that\s+|which\s+)?(?:we|I|the\s+\w+)\s+"
    r"(?:can|could|are\s+able\s+to|is\s+able\s+to|am\s+able\s+to|may)\s+(?:lawfully\s+)?(?:disclose|release|provide|supply"
    r"|give|share)\b"
    r"|\b(?:the|those|such)\s+(?:\w+\s+){0,3}?(?:" + THING + r"|parts?|material)\s+(?:which|that)\s+"
    r"(?:can|could|may)\s+(?:lawfully\s+)?be\s+(?:disclosed|released|provided|supplied|shared)\b",
    re.I,
)


def bounded_release(sentences: Sequence[str]) -> list[str]:
    """The sentences that give what can be given: the rest, by their own words, is withheld."""
    return [s for s in sentences if _BOUNDED_RE.search(s) and not _NOT_DONE_RE.search(_clause_before(
        s, _BOUNDED_RE.search(s).start()))]


# A ground applied to the whole request, as done (round 12): "Section 21 is engaged in relation to this
# request", "we consider that exemption 21 applies to your request", "we are relying on section 40(2)
# for your request", "this request is refused under section 14". The object is the request itself,
# not "the requested information" or a named part, which may be only some of it.
_GROUND = (r"(?:(?:the\s+)?(?:exemptions?\s+(?:at|in|under)\s+)?(?:sections?|s\.|exemptions?)\s*\d{1,2}[A-Z]?"
           r"(?:\s*\(\w{1,3}\))*|(?:the\s+)?(?:following\s+)?exemptions?|(?:this|that|the)\s+exemption)")
_THE_REQUEST = (r"(?:(?:the\s+whole\s+of\s+|all\s+of\s+|the\s+entirety\s+of\s+)?(?:this|your)\s+"
                r"(?:freedom\s+of\s+information\s+|foi\s+)?(?:request|application)(?:\s+(?:for\s+information|in\s+(?:its|their)\s+entirety|as\s+a\s+whole))?"
                r"(?!\s+(?:for|about|regarding|concerning|relating)\s+(?!information)))")
_TO_IT = r"\s+(?:in\s+(?:relation|respect)\s+(?:to|of)|with\s+regard\s+to|to|for)\s+" + _THE_REQUEST
WHOLE_REQUEST_GROUND = (
    # the ground, then what was done with it: "section 21 ... is engaged in relation to this request"
    r"\b" + _GROUND + r"\b" + gap(80) + r"\b(?:is|are|has\s+been|have\s+been|was|were)\s+"
    r"(?:therefore\s+|also\s+|now\s+)?"
    r"(?:engaged|applied|relied\s+(?:up)?on|invoked|applicable)" + _TO_IT
    + r"|\b" + _GROUND + r"\b" + gap(80) + r"\bappl(?:y|ies)" + _TO_IT
    # the authority's act: "we are applying section 40(2) to your request", "I rely on section 14 for this request"
    + r"|\b(?:we|I)\s+(?:are\s+|am\s+|have\s+|must\s+|will\s+)?(?:therefore\s+|now\s+)?"
    r"(?:apply|applying|applied|rely|relying|relied|engage|engaging|engaged|invoke|invoking|invoked)\s+"
    r"(?:up)?(?:on\s+)?" + _GROUND + r"\b" + gap(60) + _TO_IT
    # the request itself refused under it: "your request is refused under section 14(1)"
    + r"|" + _THE_REQUEST + r"\s+(?:is|has\s+been|was)\s+(?:therefore\s+|hereby\s+)?(?:refused|declined|exempt)\s+"
    r"(?:in\s+full\s+)?(?:under|by\s+virtue\s+of|in\s+accordance\s+with|pursuant\s+to)\s+" + _GROUND
)
_WHOLE_REQUEST_GROUND_RE = re.compile(WHOLE_REQUEST_GROUND, re.I)
# Said as a possibility or of another case: "if section 21 applies to your request", "whether any exemption
# applies to this request", "section 12 would apply to your request".
# (grammar.SUPPOSED, and for a whole-request ground "unless", "should", "where" too: "unless section 12
# applies", "where an exemption applies" state the law, not this letter's decision.)
_NOT_SAID_AS_DONE_RE = re.compile(SUPPOSED + r"|\b(?:unless|should|where)\b", re.I)
_SUPPOSED_RE = re.compile(SUPPOSED, re.I)


# "Part of your request is refused under section 40": the request named as the whole of which a part is meant.
_SOME_OF_RE = re.compile(r"\b(?:part|parts|some|elements|aspects|one|sections?|questions?\s+\d+)\s+of\s*$", re.I)


def ground_on_whole_request(sentences: Sequence[str]) -> list[str]:
    """Sentences that apply a ground to the request as a whole, as done (not as what would or might
    apply): the letter's own decision to withhold all of it."""
    out: list[str] = []
    for s in sentences:
        m = _WHOLE_REQUEST_GROUND_RE.search(s)
        if m and not _NOT_SAID_AS_DONE_RE.search(_clause_before(s, m.start()) + " " + m.group()) and not (
                _SOME_OF_RE.search(s[: m.start()])):
            out.append(s)
    return out


# The whole request refused (grammar.REQUEST_REFUSED), said at the opening of the sentence.
_REQUEST_REFUSED_RE = re.compile(
    r"^\W*(?:(?:I\s+am\s+sorry\s+(?:to\s+say\s+)?(?:that\s+)?|unfortunately,?\s+)?)" + REQUEST_REFUSED, re.I)
# A lead to what follows: "our response is set out below", "please see the response below".
_LEAD_RE = re.compile(r"\b(?:below|as\s+follows|follows|following|set\s+out)\b", re.I)


def lead_to_a_refusal(sentences: Sequence[str]) -> list[str]:
    """Leads ("Our response is set out below") whose next sentence refuses the whole request: what
    they announce is the refusal, not information (round 12)."""
    out: list[str] = []
    for k, s in enumerate(sentences[:-1]):
        nxt = sentences[k + 1]
        if len(s) <= 120 and _LEAD_RE.search(s) and (_REQUEST_REFUSED_RE.search(nxt) or ground_on_whole_request([nxt])):
            out.append(s)
    return out


# Held only in part: "some of the information you have requested is held", "we hold part of the data",
# "the information is held in part" (round 12). The rest is not held or is withheld: an answer that says
# so is partly given at most, never plainly all of it.
_HELD_IN_PART_RE = re.compile(
    r"\b(?:some|part|parts|elements|certain\s+parts|a\s+(?:small\s+)?(?:part|portion|proportion))\s+of\s+(?:the\s+)?"
    r"(?:requested\s+|recorded\s+)?(?:information|data|records)\b" + gap(60)
    + r"\b(?:is|are|was|were)\s+(?:only\s+)?held\b"
    r"|\b(?:we|I|it|the\s+(?:force|constabulary|council|department|trust|service|authority))\s+(?:do\s+|does\s+|did\s+)?"
    r"(?:only\s+)?(?:hold|holds|held)\s+(?:some|part|parts|elements)\s+of\b"
    r"|\bheld\s+(?:only\s+)?in\s+part\b|\bpartially\s+held\b|\bpartly\s+held\b",
    re.I,
)


def held_in_part(sentences: Sequence[str]) -> list[str]:
    """Sentences saying only part of what was asked for is held, as a fact (not as a possibility)."""
    out: list[str] = []
    for s in sentences:
        m = _HELD_IN_PART_RE.search(s)
        if m and not _SUPPOSED_RE.search(_clause_before(s, m.start()) + m.group()):
            out.append(s)
    return out
