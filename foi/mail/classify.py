"""Read a public body's reply to an FOI request and say what kind of reply it is.

Everything here is a pure function of the text: no database, no clock. The inbox importer
feeds it the mail's subject, text, headers and the text of attached letters, and records the
result as an event.

A reply is read in context first (:mod:`foi.mail.segments`): only the authority's new text
decides, never our request quoted back, earlier correspondence, history, hypotheticals or the
rights paragraph. Each decision carries its evidence and a confidence. A wrong automatic status
change is worse than asking the user, so below :data:`AUTOMATIC` the reply is ``needs-review``
with the best guess kept in ``guess``, for a one-keystroke review (:mod:`foi.mail.review`).
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from email.message import EmailMessage
from email.utils import parsedate_to_datetime

from foi.mail.answers import found_instead, leads_to_answers, told
from foi.mail.dates import deadline_in, stated_receipt
from foi.mail.decisions import (
    DUE_MOVED_RE,
    PIT_DONE_RE,
    PIT_PENDING_RE,
    PIT_TODO_RE,
    PROMISE_RE,
    asks_what_we_want,
    deciding,
    heading_decision,
    late_promise,
    own_words,
    scope_questions,
    waits_on_us,
)
from foi.mail.logs import clarification_logged, figure_lines, figures_said, ground_headings
from foi.mail.outcomes import answers_review
from foi.mail.outcomes import conclusion as review_conclusion
from foi.mail.receipts import ReceiptEvidence, acknowledgement, own_lines, receipt_in_acknowledgement, without_topic
from foi.mail.receipts import verdict as receipt_verdict
from foi.mail.receipts import weigh as weigh_receipt
from foi.mail.references import find_case_number, find_force_reference
from foi.mail.sections import (
    collect_sections,
    counts_outcomes,
    is_ncnd_section,
    named_only,
    ncnd_counted,
    not_relied_on,
    sections_in_sentence,
)
from foi.mail.segments import SEARCH_SIZE_RE, Reading, read_message
from foi.mail.sentences import tabular_lines
from foi.mail.signals import (
    ACK_SUBJECT_RE,
    ATTACHED_RESPONSE_RE,
    AUTO_BODY_RE,
    AUTO_SUBJECT_RE,
    COST_LIMIT_RE,
    DATA_CAVEAT_RE,
    FORMAL_REFUSAL_RE,
    MAINTAIN_RE,
    NARROWING_RE,
    NCND_RE,
    NOT_HELD_COST_RE,
    NOT_HELD_PART_RE,
    OVERTURN_RE,
    PART_START_RE,
    PART_WORDS,
    PARTLY_RE,
    REDIRECT_RE,
    SALUTATION_RE,
    SIGNALS,
    SPECIFIC_RE,
    UPHELD_RE,
    log_decision,
)
from foi.mail.text import message_parts

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
# The evidence that competes with each status (see classify: rival_evidence). A reading with any of
# it goes to review with its best guess, whatever its confidence; the review outcome letters
# quote the refusal they review, so nothing competes with them.
_RIVALS: dict[str, tuple[str, ...]] = {
    "responded": ("something withheld", "not held", "more time taken", "a question to us",
                  "nothing concrete given", "only the attachment speaks", "a one-line reply"),
    "partial": ("more time taken", "a question to us", "not held, and no ground for withholding",
                "the whole request not held"),
    "refused": ("information given", "not held", "more time taken", "a question to us", "any part not held",
                "said to be given", "asks us anything", "rows of figures", "a count given", "something confirmed",
                "the rest withheld", "not recorded in a usable form, and no cost limit"),
    "not-held": ("information given", "something withheld besides NCND", "more time taken", "a question to us"),
    "extended": ("information given", "a question to us"),
    "clarification": ("information given", "more time taken", "said to be given"),
    # (A mailbox's wording is weighed against a person's in the receipt's own reading: receipts.py.)
    "acknowledged": ("information given", "something withheld", "not held", "more time taken", "a question to us"),
}
# What still puts a decision the authority files under a log's outcome field in doubt: the letter
# itself waits on more time or on our answer.
_STATED_RIVALS = frozenset({"more time taken", "a question to us"})
# The confidence a rivalled reading keeps: below AUTOMATIC.
_RIVALLED = 0.5
# Kinds of answer that need to see the information given (not only be told it is attached).
ANSWER_GATED = frozenset({"responded"})
# Kinds that keep the sections and NCND flag they cite (as tracking accepts them).
_SECTION_KINDS = frozenset({"partial", "refused", "not-held", "review-upheld", "review-overturned"})
_NCND_KINDS = frozenset({"partial", "refused", "not-held", "review-upheld", "review-overturned"})


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


# ---------------------------------------------------------------------------------------------
# Attachments


_DATA_EXT = frozenset({"xlsx", "xlsm", "xls", "xlsb", "csv", "tsv", "ods", "zip", "json"})
_DOC_EXT = frozenset({"pdf", "docx", "doc", "odt", "rtf", "txt", "htm", "html"})
_LETTERISH_RE = re.compile(
    r"letter|notice|refus|acknowledg|\back\b|cover|appeal|complaint|rights|review|extension|clarif|"
    r"decision|reply|response|outcome|signature|logo|disclaimer",
    re.I,
)
_NOT_AN_ANSWER_RE = re.compile(r"appeal|complaint|rights|signature|logo|disclaimer|privacy|guidance|leaflet", re.I)
_LETTER_TEXT_RE = re.compile(r"\bdear\b|yours\s+(?:sincerely|faithfully)|freedom\s+of\s+information", re.I)


def _is_data_attachment(name: str, text: str | None) -> bool | None:
    """True: carries data; False: a letter, logo or nothing; None: a document we cannot see into."""
    ext = name.rsplit(".", 1)[-1].lower() if "." in name else ""
    if ext in _DATA_EXT:
        return True
    if ext not in _DOC_EXT:
        return False
    if text and text.strip():
        if tabular_lines(text) >= 3:
            return True
        if _LETTER_TEXT_RE.search(text) or _LETTERISH_RE.search(name):
            return False
        return True
    # A letter we cannot read is still evidence of an answer (issue 12), unless it is the rights
    # sheet, a logo or a disclaimer that comes with every reply.
    return False if _NOT_AN_ANSWER_RE.search(name) else None



# ---------------------------------------------------------------------------------------------
# Classification


# A person away, as against a system's receipt.
_OUT_OF_OFFICE_RE = re.compile(r"\b(?:out\s+of\s+(?:the\s+)?office|on\s+(?:annual\s+)?leave"
                               r"|away\s+from\s+(?:the\s+|my\s+)?(?:office|desk))\b", re.I)


def _clip(sentences: Sequence[str], limit: int = 300) -> str:
    out = ""
    pieces = [re.sub(r"\s+", " ", s).strip() for s in sentences]
    # A fragment (a narrow column cut mid-sentence) is marked as such, so that joined evidence does
    # not read as one sentence.
    pieces = [p if re.search(r"[.?!:;)\]\"'\u2019\u201d\u2026]$", p) else p + "\u2026" for p in pieces if p]
    for s in dict.fromkeys(pieces):
        candidate = f"{out} {s}".strip() if out else s
        if len(candidate) > limit:
            if not out:
                out = s[: limit - 1].rstrip() + "\u2026"
            break
        out = candidate
    return out


def _header(headers: Mapping[str, str] | None, name: str) -> str:
    if not headers:
        return ""
    for key, value in headers.items():
        if key.lower() == name:
            return str(value or "")
    return ""


def _auto_reply(subject: str, headers: Mapping[str, str] | None) -> str | None:
    """The header or subject line that marks an automatic reply, or None."""
    auto = _header(headers, "auto-submitted").strip().lower()
    if auto.startswith("auto-replied"):
        return f"Auto-Submitted: {auto}"
    for name in ("x-autoreply", "x-autorespond", "x-auto-response-suppress-reply"):
        value = _header(headers, name).strip()
        if value and value.lower() not in ("no", "false", "0"):
            return f"{name}: {value}"
    precedence = _header(headers, "precedence").strip().lower()
    if precedence in ("auto_reply", "auto-reply", "bulk", "junk"):
        return f"Precedence: {precedence}"
    if AUTO_SUBJECT_RE.search(subject or ""):
        return subject.strip()
    return None


# "Could you let us know if you need anything further?": a courtesy under an answer, no question.
_COURTESY_RE = re.compile(
    r"\bconfirm\s+(?:the\s+)?receipt\b|\b(?:if|whether)\s+(?:you\s+)?(?:need|require|have|want|would\s+like)\s+"
    r"(?:any(?:thing)?\s+)?(?:else|further|more|other|additional)\b(?!\s+(?:details|information)\s+(?:of|about|on)\s+(?:which|what|the\s+(?:period|date)))",
    re.I,
)


def _score(sentences: Sequence[str]) -> tuple[dict[str, float], dict[str, list[str]]]:
    """Each signal's score over `sentences` and the sentences that scored, in order."""
    scores: dict[str, float] = defaultdict(float)
    evidence: dict[str, list[str]] = defaultdict(list)
    for sentence in sentences:
        best: dict[str, float] = {}
        courtesy = bool(_COURTESY_RE.search(sentence))
        for kind, rx, weight in SIGNALS:
            if kind == "clarification" and courtesy:
                continue
            if weight > best.get(kind, 0.0) and rx.search(sentence):
                best[kind] = weight
        for kind, weight in best.items():
            scores[kind] += weight
            evidence[kind].append(sentence)
    return scores, evidence


def _minutes_after(headers: Mapping[str, str] | None, request_sent: datetime | None) -> float | None:
    """Minutes from our request's sending to this reply's Date header, when both are known."""
    if request_sent is None:
        return None
    try:
        sent = parsedate_to_datetime(_header(headers, "date"))
        ours = request_sent if request_sent.tzinfo else request_sent.replace(tzinfo=UTC)
        sent = sent if sent.tzinfo else sent.replace(tzinfo=UTC)
        return (sent - ours).total_seconds() / 60.0
    except (TypeError, ValueError, IndexError):
        return None


def _date_header(headers: Mapping[str, str] | None) -> date | None:
    try:
        return parsedate_to_datetime(_header(headers, "date")).date()
    except (TypeError, ValueError, IndexError):
        return None


# A question the authority puts to us, as against one of ours pasted back ("Do you hold ...?",
# "4b Can you provide me with ...?"): they ask what we would like, accept or can confirm.
_ASKS_US_RE = re.compile(
    r"^(?![\W\d]*(?:\d|[a-z]\)|q\d))[^?]{0,200}\b(?:would|could|can|will|do|are|were)\s+you\s+(?:please\s+)?"
    r"(?:like|wish|want|prefer|accept|agree|consider|confirm|clarify|specify|let\s+(?:me|us)\s+know|tell\s+us"
    r"|be\s+(?:happy|content|willing|prepared|able|interested)|still\s+(?:like|want|wish))\b",
    re.I,
)
_MAILBOX_IF_RE = re.compile(r"^\W*if\s+your\s+(?:e-?mail|message|correspondence|enquiry|query)\s+(?:relates|is|concerns"
                            r"|contains|was)\b", re.I)
_COUNT_RE = re.compile(
    r"\b(?:there\s+(?:were|was|are|is|have\s+been|has\s+been)|a\s+total\s+of)\s+\d[\d,]*\s+(?!(?:working\s+)?(?:days"
    r"|hours|minutes|weeks|months|years)\b)[a-z]"
    r"|(?<![\w/\u00a3.])(?!(?:19|20)\d\d\b)\d[\d,]*\s+(?:[a-z]+\s+){1,3}(?:were|was|have\s+been|had\s+been)\s+"
    r"(?:recorded|reported|made|issued|received|arrested|charged|cautioned|seized|deployed|employed)\b",
    re.I,
)
_NOT_IN_FORM_RE = re.compile(r"\bnot\s+(?:recorded|held|captured|kept|stored|collated)\s+(?:centrally\s+)?in\s+"
                             r"(?:a|such\s+a|any)\s+(?:way|format|form|manner)\b", re.I)
_HYPOTHETICAL_RE = re.compile(r"\b(?:would|could|might|need(?:s|ed)?\s+to|require[sd]?|estimate[sd]?|approximately"
                              r"|review|search|examine|each|every)\b", re.I)
_CONFIRMS_RE = re.compile(
    r"^\W*(?:Q?\d{1,2}\W+)?(?:yes|no)\s*[,.:;\u2013-]\s*(?:the|we|it|they|there|this|all|each|a|an)\b"
    r"|\b(?:can|are\s+able\s+to|is\s+able\s+to|am\s+able\s+to)\s+confirm\s+(?:that\s+)?(?:the\s+\w+\s+|we\s+|it\s+"
    r"|they\s+|there\s+)(?!.{0,60}\b(?:holds?|held|received|does\s+not|do\s+not)\b)",
    re.I,
)
_THE_REST_RE = re.compile(
    r"\b(?:further|remaining|additional|more\s+detailed)\s+(?:details|information|data)\b.{0,60}\b(?:exempt|withheld"
    r"|refused|not\s+(?:be\s+)?(?:disclosed|released|provided))",
    re.I,
)
# A figure standing alone: not part of a date, a reference, a section number or a sum of money.
_FIGURE_RE = re.compile(r"(?<![\d/.:()\u00a3$\-])\b\d{1,6}\b(?![\d/.:()\-]|\s*(?:hours?|working\s+days|days|%))")
_PROMISE_RE = re.compile(r"\b(?:respond\w*|response|repl(?:y|ies|ying)|decision|deadline|due|date)\b", re.I)


# Particular questions named: "Qs 2, 3 & 5", "question 4", "parts 2 and 3" (not a run such as
# "questions 1 to 5", which may be all of them).
_NAMED_PARTS_RE = re.compile(r"\b(?:qs?|questions?|parts?|points?)\s*\.?\s*\(?\d{1,2}[a-z]?\)?(?:\s*(?:,|&|and)\s*"
                             r"\(?\d{1,2}[a-z]?\)?)*\b(?!\s*(?:-|to|\u2013)\s*\d)", re.I)


def _names_some_parts(sentence: str) -> bool:
    """True when `sentence` names particular questions that leave others out: numbers with a gap
    ("Qs 2, 3 & 5") or not starting at the first ("question 4"). "Questions 1 & 2" may be all."""
    for m in _NAMED_PARTS_RE.finditer(sentence):
        numbers = sorted({int(n) for n in re.findall(r"\d{1,2}", m.group())})
        if numbers and numbers != list(range(1, len(numbers) + 1)):
            return True
    return False


def _refusing_words(sentence: str) -> bool:
    """True when `sentence` holds words of refusing."""
    scores, _ = _score([sentence])
    return scores["refused"] >= 1.5 or scores["firm"] >= 2


# What a person handling an FOI request writes and a mailbox's receipt does not.
_FOI_WORDS_RE = re.compile(r"\b(?:20|twenty)\s+working\s+days|\bfreedom\s+of\s+information|\bFOI\b", re.I)


def _receipt_evidence(text: str, reading: Reading, subject: str, sender: str, *, force_ref: str | None,
                      received: date | None, ack_new: Sequence[str], sent_on: date | None,
                      mailbox_words: bool, minutes: float | None = None) -> ReceiptEvidence:
    """The structural evidence for a person's acknowledgement against a mailbox's receipt."""
    own = reading.of("new", "conditional")
    lines = [s.text for s in reading.sentences if s.role not in ("request", "quoted")] + [""] + own_lines(text)
    return weigh_receipt(
        lines, own, reference=bool(force_ref), received=bool(received),
        reply_by=bool(deadline_in(ack_new, sent_on)), restated=reading.restated > 0,
        receipt_sentences=ack_new, mailbox_words=mailbox_words, act_named=bool(_FOI_WORDS_RE.search("\n".join(own))),
        subject_says_ack=bool(ACK_SUBJECT_RE.search(subject)), sender=sender, minutes=minutes)


def _new_date(extending: Sequence[str], new: Sequence[str], own: Sequence[str], sent_on: date | None) -> date | None:
    """The date an extension letter says it will answer by: in the sentences that extend, else in
    any of its new sentences about replying or the deadline ("The new deadline is 31 March"). A
    date written without its year takes it from the message's date, else from the letter's own
    latest full date. The date is the one they state; none is computed from "a further 20 days"."""
    return (deadline_in(extending, sent_on, anchor=own)
            or deadline_in([s for s in new if _PROMISE_RE.search(s)], sent_on, anchor=own))


# "the exemptions at sections 36(2)(b) and (c) were correct and properly applied" (round 8).
_RIGHTLY_APPLIED_RE = re.compile(
    r"(?<!not\s)\b(?:was|were|is|are|had\s+been|have\s+been|has\s+been)\s+(?:both\s+)?(?:correct(?:ly)?|proper(?:ly)?"
    r"|appropriate(?:ly)?|right(?:ly)?|valid(?:ly)?)\s+(?:and\s+(?:correctly|properly|appropriately|rightly|validly)\s+)?"
    r"(?:applied|engaged|relied\s+(?:up)?on|cited|used)\b",
    re.I,
)


def _review_outcome(sentences: Sequence[str]) -> tuple[str | None, list[str]]:
    """("upheld" | "overturned" | "partly upheld" | None, the sentences that say so)."""
    up: list[str] = []
    over: list[str] = []
    partly: list[str] = []
    for s in sentences:
        if PARTLY_RE.search(s):
            partly.append(s)
            continue
        for m in UPHELD_RE.finditer(s):
            subj = (m.group("subj") or m.group("subj2") or m.group("what") or m.group("subj3") or "").lower()
            neg = (m.group("neg") or m.group("neg2") or "").lower()
            complaint = subj in ("complaint", "appeal", "request", "application", "your")
            # "your complaint is upheld" means the force was wrong; "the decision is upheld" right.
            (over if complaint != bool(neg) else up).append(s)
        if MAINTAIN_RE.search(s) or _RIGHTLY_APPLIED_RE.search(s):
            up.append(s)
        if OVERTURN_RE.search(s):
            over.append(s)
    if partly or (up and over):
        return "partly upheld", list(dict.fromkeys(partly + up + over))
    if up:
        return "upheld", list(dict.fromkeys(up))
    if over:
        return "overturned", list(dict.fromkeys(over))
    return None, []


@dataclass
class _Parts:
    """A reply answered question by question, each part named by its first sentence."""

    answered: list[str] = field(default_factory=list)  # a figure, a yes or no, information given
    refused: list[str] = field(default_factory=list)  # an exemption, NCND or the cost limit
    not_held: list[str] = field(default_factory=list)  # not held, or sent to another body
    prose: list[str] = field(default_factory=list)  # answered in words only ("all officers carry one")
    count: int = 0
    not_held_sentences: set[str] = field(default_factory=set)  # every sentence of the parts not held


def _part_label(sentence: str) -> tuple[str, int] | None:
    """("n", 2) for "2." / "Question 2:", ("a", 1) for "b)"; None when the sentence starts no part."""
    m = PART_START_RE.match(sentence)
    if not m:
        return None
    head = m.group(0)
    number = re.search(r"\d{1,2}", head)
    if number:
        return ("n", int(number.group()))
    word = re.search(r"\b" + PART_WORDS + r"\b", head, re.I)
    if word:
        return ("n", _WORD_NUMBER[word.group().lower()])
    letter = re.search(r"\b([a-h])\s*[.):\-\u2013]|\(([a-h])\)|\b(?:question|part|point|request)\s+([a-h])\b",
                       head, re.I)
    if letter:
        return ("a", ord((letter.group(1) or letter.group(2) or letter.group(3)).lower()) - ord("a") + 1)
    return None


_WORD_NUMBER = {w: i for i, ws in enumerate((("one", "first"), ("two", "second"), ("three", "third"),
                                             ("four", "fourth"), ("five", "fifth"), ("six", "sixth"),
                                             ("seven",), ("eight",), ("nine",), ("ten",)), start=1) for w in ws}


_INLINE_ITEM_RE = re.compile(r"(?:(?<=\s)|^)(\d{1,2})[).]\s+(?=\S)")


def _split_inline_items(sentences: Sequence[str]) -> list[str]:
    """"In answer to your questions: 1) 14 2) 3 3) The supplier is exempt": items numbered 1, 2, 3
    in a row inside one sentence are cut apart, so that each reads as its own part."""
    out: list[str] = []
    for sentence in sentences:
        marks = [(m.start(), int(m.group(1))) for m in _INLINE_ITEM_RE.finditer(sentence)]
        run: list[int] = []
        expected = 1
        for pos, number in marks:
            if number == expected:
                run.append(pos)
                expected += 1
        if len(run) < 2:
            out.append(sentence)
            continue
        cuts = [0, *[pos for pos in run if pos > 0], len(sentence)]
        out.extend(piece for a, b in zip(cuts, cuts[1:], strict=False) if (piece := sentence[a:b].strip()))
    return out


def _parts(sentences: Sequence[str]) -> _Parts:
    """How each part of a reply laid out question by question was answered. A part runs from one
    "Question 2:" / "Q3." / "2)" to the next; it is answered when it gives a figure (outside the
    question as restated), a yes or no, or says information is attached or provided; refused when
    it relies on an exemption or the cost limit; not held when it says so or sends us to another
    body ("this part of your request should go to the NPCC"). Replies not laid out in parts give
    an empty reading."""
    sentences = _split_inline_items(sentences)
    parts: list[list[str]] = []
    last: tuple[str, int] | None = None
    # Questions restated without numbers, each followed by its answer ("Which companies supply it?"
    # then the answer): each question starts a part, when no numbered parts are given.
    asked = [k for k, s in enumerate(sentences) if _QUESTION_LINE_RE.match(s)]
    numbered = sum(1 for s in sentences if _part_label(s))
    if numbered < 2 and len(asked) >= 2 and all(b - a >= 2 for a, b in zip(asked, asked[1:], strict=False)) \
            and asked[-1] < len(sentences) - 1:
        labels = {k: ("q", n) for n, k in enumerate(asked, start=1)}
    else:
        labels = {}
    for k, s in enumerate(sentences):
        label = labels.get(k) or (None if labels else _part_label(s))
        # Parts follow one another (1, 2, 3 or a, b, c; "Request 2" then "Response 2"); a figure
        # that looks like an item number ("31.") or a sub-item ("a." under "3.") stays in its part.
        if label and (last is None or (label[0] == last[0] and label[1] in (last[1], last[1] + 1))):
            parts.append([s])
            last = label
        elif parts:
            parts[-1].append(s)
    out = _Parts(count=len(parts))
    if len(parts) < 2:
        return out
    deferred: list[list[str]] = []
    for part in parts:
        text = " ".join(part)
        head = PART_START_RE.sub("", part[0], count=1)
        # Figures in the question as restated ("Between 1 September 2013 and ...?") answer nothing,
        # nor do the size of a search ("7,069 records to review") or a section number.
        said = [x for x in [head, *part[1:]] if x.strip() and not x.rstrip().endswith("?")]
        figures = [x for x in said if _FIGURE_RE.search(_CITATION_RE.sub(" ", _URL_RE.sub(" ", x)))
                   and not SEARCH_SIZE_RE.search(x)
                   and not COST_LIMIT_RE.search(x)]
        scores, _ = _score(part)
        no = bool(sections_in_sentence(text) or NCND_RE.search(text) or scores["refused"] >= 1.5
                  or scores["firm"] >= 2)
        nh = scores["not-held"] >= 1.5 or bool(REDIRECT_RE.search(text))
        yes = bool(scores["data"] >= 1.5 or figures or any(ATTACHED_RESPONSE_RE.search(x) for x in part)
                   or any(_YES_NO_RE.match(PART_START_RE.sub("", x, count=1)) for x in said))
        if not (yes or no or nh) and said and all(_DEFERS_RE.match(PART_START_RE.sub("", x, count=1)) for x in said
                                                  if x is not head or PART_START_RE.sub("", x, count=1).strip()):
            # "Not applicable (see Q1)": the answer is the earlier part's.
            deferred.append(part)
            continue
        if yes and not (nh and not figures):
            out.answered.append(part[0])
        if no:
            out.refused.append(part[0])
        elif nh and part[0] not in out.answered:
            out.not_held.append(part[0])
            out.not_held_sentences.update(part)
        elif not yes and any(_PROSE_ANSWER_RE.search(x) and not _NON_ANSWER_RE.search(x) and not _score([x])[0]
                             for x in said):
            # Neither refused nor not held, and a plain statement under the question: an answer
            # in words, weaker than a figure.
            out.prose.append(part[0])
    for part in deferred:
        # A part that only points back shares the fate of what it points to: beside parts all not
        # held, it is not held too ("Q1 No information held. Q2 Not applicable, see Q1": round 8).
        if out.not_held and not out.answered and not out.refused and not out.prose:
            out.not_held.append(part[0])
            out.not_held_sentences.update(part)
        else:
            out.count -= 1
    return out


# An answer that only points back to another: "Not applicable (see Q1)", "N/A", "See answer to
# question 2", "As above".
_DEFERS_RE = re.compile(r"^\W*(?:not\s+applicable|n/a|see\s+(?:the\s+)?(?:answer|response)\s+(?:to|at|for|above)|see\s+"
                        r"(?:q|question|part)\s*\d|(?:please\s+)?see\s+above|as\s+above)\b[^.]{0,60}[.)]?\W*$", re.I)


# A statement that answers nothing: "that is not a request for recorded information".
_NON_ANSWER_RE = re.compile(r"\bnot\s+(?:a\s+)?(?:valid\s+)?(?:request|question)\s+for\s+(?:recorded\s+)?information"
                            r"|\bnot\s+(?:recorded\s+)?information\s+(?:as\s+defined|held)|\boutside\s+(?:the\s+scope\s+of\s+)?"
                            r"(?:the\s+)?(?:Act|FOIA)\b|\bnot\s+covered\s+by\s+the\s+(?:Act|FOIA)|\bsee\s+(?:the\s+)?(?:answer|response)"
                            r"\s+(?:to|above|below)|\bas\s+above\b", re.I)
# A plain statement of fact: a subject and a verb, a few words long (not a heading or a fragment).
_PROSE_ANSWER_RE = re.compile(r"\b(?:is|are|was|were|has|have|had|does|do|did|uses?|holds?|owns?|carries|carry"
                              r"|receives?|issued|provided|supplied|based|kept|stored)\b[^.?]{8,}", re.I)


# A question restated on its own: short, ends with "?", not addressed to us ("Could you tell us ...").
_QUESTION_LINE_RE = re.compile(r"^(?![^?]*\b(?:could|can|would|will)\s+you\b)(?!\W*(?:please|dear)\b)[^?]{8,200}\?\W*$",
                               re.I)
_URL_RE = re.compile(r"\[\d+\]|\b(?:https?://|www\.)\S+", re.I)
_YES_NO_RE = re.compile(r"\W*(?:yes|no)\b(?!\s+(?:information|data|records?|recorded|relevant))", re.I)
_CITATION_RE = re.compile(r"\b(?:sections?|ss?\.?)\s*\d+[A-Z]?(?:\s*\(\w+\))*|\b(?:questions?|parts?|requests?|answers?"
                          r"|points?|items?|q)\s*\d+[a-z]?(?:\s*(?:&|and|,|-|to)\s*\d+[a-z]?)*", re.I)
# A figure given as an answer: "23 vehicles", "412", "£1,200" (not a year, a date, an ordinal or a
# section).
_MONTHS = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*"
_FIGURE_RE = re.compile(r"(?<![\w/£(.-])(?!(?:19|20)\d\d\b)£?\d[\d,]*(?:\.\d+)?"
                        r"(?![\d/:)(]|\.\w|\s*(?:hours|working|business|calendar|days|weeks|months))(?!\s*(?:st|nd|rd|th)\b)"
                        r"(?!\s+" + _MONTHS + r"\b)",
                        re.I)


# "The information you asked for is not held", "we hold no information within the scope of your
# request": the whole request, said plainly. "The Custody Unit does not hold such records", "it is
# not held centrally" tell where a search looked, not what the letter decides.
_WHOLE_NOT_HELD_RE = re.compile(
    r"^\W*(?:(?:however|unfortunately|therefore),?\s+)?(?:(?:the|this)\s+(?:requested\s+)?information|the\s+data)\s+"
    r"(?:(?:that\s+)?you\s+(?:have\s+)?(?:requested|asked\s+for|seek)\s+)?(?:is|was)\s+not\s+held\b(?![^.]{0,40}\b(?:by|within"
    r"|in|on)\s+(?:the\s+|our\s+)?(?-i:[A-Z]))"
    r"|\b(?:we|the\s+force|the\s+constabulary|the\s+service)\s+(?:do|does|can\s+confirm\s+(?:that\s+)?(?:we|it)\s+do(?:es)?)"
    r"\s+not\s+hold\s+(?:any\s+)?(?:the\s+)?(?:information|data|records?)\s+(?:within\s+the\s+scope|(?:that\s+)?you"
    r"|requested|relevant|relating\s+to\s+your\s+request)",
    re.I,
)


def whole_nh_decides(sentences: Sequence[str]) -> bool:
    """True when a "not held" sentence says so of the whole request, plainly."""
    return any(_WHOLE_NOT_HELD_RE.search(s) for s in sentences)


# The generic clause of a description: "a public authority is not obliged to comply with a request".
_DESCRIBES_CLAUSE_RE = re.compile(r"\b(?:an?|any|the)\s+(?:public\s+)?authorit(?:y|ies)\b[^.;]{0,80}"
                                  r"|\bpublic\s+authorities\b[^.;]{0,80}", re.I)
_REASONS_BELOW_RE = re.compile(r"\b(?:grounds?|reasons?|exemptions?|explanation|arguments?)\b[^.]{0,60}"
                               r"\b(?:set\s+out|detailed|explained|given|listed|outlined)\s+(?:below|above|as\s+follows)",
                               re.I)
_MORE_WITHHELD_RE = re.compile(r"\b(?:holds?|held)\s+(?:addition(?:al)?|further|other|more)\s+information\b[^.]{0,80}"
                               r"\b(?:not\s+obliged|exempt|withheld|cannot|will\s+not|not\s+(?:be\s+)?(?:disclosed|provided"
                               r"|supplied|released))", re.I)
_HELD_IN_PART_RE = re.compile(r"\b(?:is|are|was|were)\s+held\s+in\s+part\b|\b(?:hold|holds)\s+(?:some|part)\s+of\s+the"
                              r"\s+information\b[^.]{0,80}\b(?:cannot|can\s*not|will\s+not|not\s+be)\b", re.I)


# The words of a refusal notice that give no reason of their own.
_NOTICE_ONLY_RE = re.compile(r"\brefusal\s+notice|\bnot\s+(?:obliged|required)\s+to\s+(?:supply|provide|comply"
                             r"|disclose)"
                             r"|\b(?:unable|not\s+able)\s+to\s+(?:comply|provide|supply|answer)|\bcannot\s+(?:comply|provide)"
                             r"|\brefus\w*\s+(?:to\s+comply|your\s+request|this\s+request)", re.I)
_CENTRAL_RE = re.compile(r"\b(?:central(?:ly)?|single|one)\s+(?:\w+\s+)?(?:record|database|system|list|register|place"
                         r"|location|index)\b|\bcentrally\b|\bin\s+one\s+place\b", re.I)
_GENERIC_RE = re.compile(r"\b(?:usually|normally|generally|typically|routinely|ordinarily)\b", re.I)


def classify(
    subject: str,
    text: str,
    attachment_names: Sequence[str] = (),
    attachment_texts: Sequence[str] = (),
    headers: Mapping[str, str] | None = None,
    *,
    request_text: str | None = None,
    request_sent: datetime | None = None,
) -> Classification:
    """Classify one reply. ``attachment_texts`` are the texts of attached letters (from
    :func:`foi.mail.text.attachment_text`), in the order of ``attachment_names`` when both are
    given. ``request_text`` is our request as sent, when known: wherever they quote it, it is
    never read as theirs. ``request_sent`` is when it was sent (its Date): a receipt that arrives
    within minutes of it is a machine's more likely than a person's."""
    subject = subject or ""
    texts = list(attachment_texts)
    paired = len(texts) == len(attachment_names)
    data_flags = [
        _is_data_attachment(name, texts[i] if paired else None) for i, name in enumerate(attachment_names)
    ]
    has_data = any(flag is True for flag in data_flags)
    unseen_docs = any(flag is None for flag in data_flags)
    letters = [(attachment_names[i] if paired else f"attachment {i + 1}", t) for i, t in enumerate(texts)
               if t and t.strip()]
    reading = read_message(text or "", letters, subject=subject, request_text=request_text)
    # (The requester's question told back, "in which you asked how many were refused under section
    # 12", is what we asked about, never what they decide: round 8.)
    new = [x for x in (own_words(s_) for s_ in reading.of("new")) if x.strip()]
    # "Thank you for your request about internal reviews and refusals": the topic they restate is
    # ours, and supplies no signal (round 9).
    # (Evidence is still quoted verbatim: ``verbatim`` maps each reading back to its sentence.)
    verbatim = {without_topic(x): x for x in new}
    new = [without_topic(x) for x in new]
    own = reading.of("new", "history", "conditional", "boilerplate", "annex")
    reference_text = "\n".join(own)
    force_ref = find_force_reference(reference_text, subject) or find_case_number(reading.text("request"))
    sent_on = _date_header(headers)
    after_request = _minutes_after(headers, request_sent)
    received = stated_receipt(reading.of("new", "history", "conditional"), sent_on)

    scores, evidence = _score(new)
    # "You may wish to ask the Home Office, which may hold some of the information": another body's
    # holdings say nothing of what this one gives or withholds (round 6).
    # Nor does what the force usually does ("such records are usually published in redacted form").
    # And a sentence saying no exemption is applied refuses nothing ("would normally be exempt, but
    # as none is held no exemption has been applied").
    for s_ in (x for x in new if not_relied_on(x)
               and not re.search(r"\b(?:but|however)\b[^.]*\b(?:section|s\.)\s*\d", x, re.I)):
        s_scores, _ = _score([s_])
        for kind in ("refused", "firm"):
            if s_scores[kind]:
                scores[kind] -= s_scores[kind]
                evidence[kind] = [x for x in evidence[kind] if x != s_]
    # "How many requests have been refused on cost grounds?" printed above its answer: our question,
    # which refuses, withholds and gives nothing (round 8). A question they put to us is theirs.
    # Nor do figures about other requests' outcomes ("21 per cent were refused in full").
    for s_ in (x for x in new if (x.rstrip().endswith("?") and not _ASKS_US_RE.search(x)
                                  and not re.search(r"\b(?:we|us|our)\b", x, re.I)) or counts_outcomes(x)):
        s_scores, _ = _score([s_])
        for kind in ("refused", "firm", "partial", "scoped", "not-held"):
            if s_scores[kind]:
                scores[kind] -= s_scores[kind]
                evidence[kind] = [x for x in evidence[kind] if x != s_]
    # The statute described for any authority ("section 17 requires an authority, when refusing a
    # request, to give a notice"; "under section 14 an authority need not comply with a vexatious
    # request") is the law, not this letter refusing (round 8). Alone, it still hints at the guess.
    other_status = (scores["not-held"] >= 1.5 or scores["data"] >= 1.5 or reading.tables >= 3 or has_data
                    or (reading.answers > 0 and any(re.search(r"\d", x) and not named_only(x) for x in new)))
    for s_ in (x for x in new if other_status and named_only(x) and not NCND_RE.search(x)
               and not FORMAL_REFUSAL_RE.search(_DESCRIBES_CLAUSE_RE.sub(" ", x))):
        s_scores, _ = _score([s_])
        for kind in ("refused", "firm"):
            if s_scores[kind]:
                scores[kind] -= s_scores[kind]
                evidence[kind] = [x for x in evidence[kind] if x != s_]
    # "There are other grounds for refusing, which are set out below": what is set out is the
    # reasons, not information (round 8).
    for s_ in (x for x in new if _REASONS_BELOW_RE.search(x)):
        s_scores, _ = _score([s_])
        refusing_too = s_scores["firm"] or s_scores["refused"] or re.search(r"\brefus|\bwithh|\bexempt", s_, re.I)
        if s_scores["data"] and refusing_too:
            scores["data"] -= s_scores["data"]
            evidence["data"] = [x for x in evidence["data"] if x != s_]
    # "The force holds additional information, however I am not obliged to supply it": more than
    # was given is withheld, so something was given (round 8).
    for s_ in (x for x in new if _MORE_WITHHELD_RE.search(x)):
        scores["scoped"] += 2.0
        evidence["scoped"].append(s_)
    for s_ in (x for x in new if REDIRECT_RE.search(x) or _GENERIC_RE.search(x)):
        s_scores, _ = _score([s_])
        for kind in ("partial", "scoped"):
            if s_scores[kind]:
                scores[kind] -= s_scores[kind]
                evidence[kind] = [x for x in evidence[kind] if x != s_]
    # History ("Following your clarification, please find attached ...") may still give the news
    # that information is attached; it never asks, refuses, extends or acknowledges.
    # Thanks for the request, its receipt (logged, passed on, a reference given) and a reply to come:
    # an acknowledgement, whose due date is the statutory one, not more time (round 9).
    acked = acknowledgement(new, reading.of("conditional"))
    if acked and scores["data"] < 1.5 and scores["firm"] < 1.5 and scores["not-held"] < 1.5:
        s_scores, _ = _score(acked)
        scores["extended"] -= s_scores["extended"]
        evidence["extended"] = [x for x in evidence["extended"] if x not in acked]
        scores["acknowledged"] += 2.0
        received = received or receipt_in_acknowledgement(acked, sent_on)
        evidence["acknowledged"] = acked[:2] + [x for x in evidence["acknowledged"] if x not in acked[:2]]
    # A disclosure log's heading naming the ground ("Section 21 - Information accessible by other
    # means") above its explanation is the decision to withhold; its field "Clarification sought on
    # <date>: ..." records a question put to us (foi.mail.logs; round 9).
    headed = ground_headings(new)
    for s_ in headed:
        scores["refused"] += 2.0
        scores["firm"] += 1.0
        evidence["refused"] = [s_, *(x for x in evidence["refused"] if x != s_)]
    before = new[: new.index(headed[0])] if headed else []
    if headed and (len(figure_lines(new)) >= 3 or scores["data"] >= 1.5 or figures_said(before)):
        # Figures given beside a ground's heading: the heading covers the rest, not all of it.
        scores["partial"] += 2.0
        scores["data"] += 2.0
        evidence["partial"] = [headed[0], *(x for x in evidence["partial"] if x != headed[0])]
        evidence["data"] = evidence["data"] or figure_lines(new)[:1]
    # "Please find a response to your questions below": what follows is the answer (round 9).
    announced = leads_to_answers(new)
    if announced:
        scores["lead"] = max(scores["lead"], 2.0)
        evidence["lead"] += [s_ for s_ in announced if s_ not in evidence["lead"]]
    # "I would inform you that the trust does not charge staff": an answer in words (round 9).
    for s_ in told(new):
        scores["data"] += 1.0
        evidence["data"].append(s_)
    # "We could not find anything on X; however we were able to locate a related note": found.
    instead = found_instead(new)
    if instead:
        missing = [x for x in evidence["not-held"] if x in new and new.index(x) <= new.index(instead[0])]
        nh_scores, _ = _score(missing)
        scores["not-held"] -= nh_scores["not-held"]
        evidence["not-held"] = [x for x in evidence["not-held"] if x not in missing]
        scores["data"] += 2.0
        evidence["data"] = [instead[0], *(x for x in evidence["data"] if x != instead[0])]
    for s_ in clarification_logged(new):
        scores["clarification"] += 2.0
        evidence["clarification"] = [s_, *(x for x in evidence["clarification"] if x != s_)]
    past_scores, past_evidence = _score(reading.of("history"))
    for kind in ("data", "held"):
        scores[kind] += past_scores[kind]
        evidence[kind] += past_evidence[kind]
    # "If your e-mail is a request for information, it will be dealt with within 20 working days":
    # a mailbox's promise about whatever arrives, not an acknowledgement of this request.
    mailbox_if = [s for s in reading.of("conditional") if _MAILBOX_IF_RE.search(s)]
    pool_scores, pool_evidence = _score([s for s in reading.of("conditional") if s not in mailbox_if])
    for kind in ("acknowledged", "generic", "review-ack"):
        scores[kind] += pool_scores[kind]
        evidence[kind] += pool_evidence[kind]
    if mailbox_if:
        scores["generic"] += 1.5
        evidence["generic"] += mailbox_if[:1]
    if ACK_SUBJECT_RE.search(subject):
        scores["acknowledged"] += 2.0
        evidence["acknowledged"].append(subject.strip())
    body_only = [s for s in new if not SALUTATION_RE.match(s)]
    # A reply promised for well after 20 working days from the receipt they state: more time is
    # being taken, whatever the letter calls itself (round 6).
    promises = [s for s in new if _PROMISE_RE.search(s) and PROMISE_RE.search(s)
                and deadline_in([s], sent_on, anchor=own)]
    late = [s for s in promises if late_promise(deadline_in([s], sent_on, anchor=own), received)]
    moved = [s for s in new if DUE_MOVED_RE.search(s)]
    if moved and scores["extended"] < 2:
        # "The date your response is due has been changed to 15 April" (round 8).
        scores["extended"] += 2.0
        evidence["extended"] = moved[:1] + [s for s in evidence["extended"] if s not in moved[:1]]
    # "Part may be exempt under section 35, a qualified exemption, so we must carry out a public
    # interest test": the test is still to come, so more time is being taken (round 9). (Said in a
    # letter that also reports the test's outcome, it describes the test it did.)
    pit_todo = [s for s in reading.of("new", "conditional") if PIT_TODO_RE.search(s)]
    if pit_todo and any(PIT_DONE_RE.search(s) for s in new):
        pit_todo = []
    if pit_todo and scores["extended"] < 1.5:
        scores["extended"] += 1.5
        evidence["extended"] = pit_todo[:1] + evidence["extended"]
    if late:
        # (Not enough on its own to put a decision letter in doubt.)
        scores["extended"] += 1.5
        evidence["extended"] += [s for s in late[:1] if s not in evidence["extended"]]
    evidence["partial"] = evidence["scoped"] + [s for s in evidence["partial"] if s not in evidence["scoped"]]

    def result(kind: str, evidence_: Sequence[str], confidence: float, *, guess: str | None = None,
               reasons: Sequence[str] = (), review: str | None = None, until: date | None = None,
               history_too: bool = False, stated: bool = False) -> Classification:
        confidence = round(max(0.0, min(1.0, confidence)), 2)
        evidence_ = [verbatim.get(x, x) for x in evidence_]
        best = guess or kind
        rivals = [name for name in _RIVALS.get(kind, ()) if rival_evidence.get(name)
                  and (not stated or name in _STATED_RIVALS)]
        if kind in STATUS_KINDS and confidence >= AUTOMATIC and rivals:
            # Its own evidence is there, but so is evidence for another status: ask.
            reasons = [*reasons, f"also speaks of another status: {', '.join(rivals)}"]
            confidence = min(confidence, _RIVALLED)
        if kind in STATUS_KINDS and confidence < AUTOMATIC:
            reasons = [*reasons, f"not sure enough to decide on its own ({best}, confidence {confidence:.2f})"]
            kind = "needs-review"
        pool = [*new, *reading.of("history")] if history_too else new
        cited = collect_sections(pool) if best in _SECTION_KINDS or best == "needs-review" else []
        ncnd_hits = [s for s in pool if NCND_RE.search(s) and not ncnd_counted(s)] if best in _NCND_KINDS else []
        return Classification(
            kind=kind,
            sections=cited if kind != "auto-reply" else [],
            ncnd=(bool(ncnd_hits) or any(is_ncnd_section(sec) for sec in cited)) and kind != "auto-reply",
            force_reference=force_ref,
            until=until if best == "extended" else None,
            evidence=_clip(evidence_) or _clip(body_only[:1] or [subject]),
            confidence=confidence,
            has_data_attachment=has_data,
            guess=best,
            received=received if best != "auto-reply" else None,
            review_outcome=review,
            reasons=list(reasons),
        )

    # Receipts (issue 12, round 4): an automated mailbox receipt ("your e-mail has been received",
    # "do not reply", "this mailbox", "thank you for contacting") that names nothing of this case is
    # an auto-reply; an acknowledgement that handles the case (their reference, the date they
    # received it, the request restated, the date they will reply by) is acknowledged, whatever
    # mailbox wording it also carries. Neither changes a due date unless it states the receipt.
    ack_new = [s for s in evidence["acknowledged"] if s in new]
    case_marks = [name for name, present in (
        ("their reference", bool(force_ref)),
        ("the date of receipt", bool(received)),
        ("the request restated", reading.restated > 0),
        ("a reference mentioned", any(SPECIFIC_RE.search(s) for s in ack_new)),
        ("the date of the reply", bool(deadline_in(ack_new, sent_on))),
    ) if present]
    specific = bool(case_marks)

    rival_evidence: dict[str, bool] = {}
    auto = _auto_reply(subject, headers)
    if auto:
        return result("auto-reply", [auto], 0.97, reasons=["marked as an automatic reply"])
    away = bool(_OUT_OF_OFFICE_RE.search(text or ""))
    # "This is an automated message" over a receipt is weighed with the receipt (below); a person
    # away from the office is an auto-reply whatever else it says.
    receipt_words = scores["generic"] >= 1.5 or scores["acknowledged"] >= 1.5
    if away and scores["acknowledged"] >= 1.5:
        # "Your request is logged as FOI 0931/25 ... I am on leave until Monday": a person's
        # acknowledgement that mentions their leave, when it handles the case plainly enough.
        handled = _receipt_evidence(text, reading, subject, _header(headers, "from"), force_ref=force_ref,
                                    received=received, ack_new=ack_new, sent_on=sent_on, mailbox_words=False,
                                    minutes=after_request)
        away = not (handled.person >= 4.0 and handled.mailbox < 2.0)
    if any(AUTO_BODY_RE.search(s) for s in reading.of("new", "conditional")) and scores["data"] < 2 and (
            away or not receipt_words):
        return result("auto-reply", [s for s in reading.of("new", "conditional") if AUTO_BODY_RE.search(s)][:1], 0.85,
                      reasons=["reads as an out-of-office reply"])

    # ---- what the new text says ------------------------------------------------------------
    caveat = any(DATA_CAVEAT_RE.search(s) for s in reading.of("boilerplate", "new"))
    pointers = [s for s in new if ATTACHED_RESPONSE_RE.search(s)]
    if pointers and not letters:
        scores["data"] += 1.0
        evidence["data"] += pointers
    parts = _parts(new)
    # A letter refusing on cost alone, that says nothing of giving anything: its counts ("the force
    # recorded 45,000 incidents that year") measure the search, unless a question laid out on its
    # own is answered with them (round 6).
    cost_refusal = (any(COST_LIMIT_RE.search(s) for s in new) and scores["data"] < 1.5 and not parts.answered
                    and set(collect_sections(new)) <= {"12", "12(1)", "12(2)", "14", "14(1)", "14(2)"})
    # ("There have been no such cases" beside "the information is not held" says it again; alone, it
    # is a nil return: an answer.)
    nil = reading.nil_answers if not evidence["not-held"] and not scores["refused"] else 0
    answers = 0 if cost_refusal else reading.answers + nil
    data = (scores["data"] + (3.0 if has_data else 0.0) + (2.0 if reading.tables >= 3 else 0.0)
            + (1.0 + 1.0 * min(answers, 3) if answers else 0.0) + (1.5 if caveat else 0.0))
    answered, withheld = parts.answered, parts.refused
    if parts.count >= 2 and not answered and (withheld or parts.not_held):
        # Answered part by part and no part is answered: "we have decided to disclose the located
        # information" or "our unit provided the following" above nothing but refusals, redirects
        # and "not held" gives nothing; only an attached data file still counts.
        data = 3.0 if has_data else 0.0
    if answered and withheld:
        # Answered question by question: some parts carry the information, others an exemption.
        data += 2.0
        scores["partial"] += 2.0
        evidence["partial"] = answered[:1] + withheld[:1] + evidence["partial"]
    elif len(answered) >= 2 and data < 2:
        # Every part that says anything gives a figure or a yes or no: an answer.
        data = 2.0
        evidence["data"] = evidence["data"] or answered[:2]
    if has_data and not evidence["data"]:
        evidence["data"] = [s for s in reading.of("new", "history", "conditional")
                            if re.search(r"\battach|\benclos", s, re.I)][:1] or [subject]
    named = [s for s in new if sections_in_sentence(s) and not not_relied_on(s)]
    # "Qs 2, 3 & 5" above an exemption, "section 40 applies to question 4": a refusal that names the
    # questions it covers leaves the others answered (round 6). A reply laid out part by part says
    # what became of each part itself.
    some_parts = [s for s in new if parts.count < 2 and _names_some_parts(s)
                  and (len(s) <= 40 or sections_in_sentence(s) or _refusing_words(s))][:1]
    refuse = scores["refused"] + 0.75 * len(named)
    if named and not evidence["refused"]:
        evidence["refused"] = named[:1]
    ncnd_new = [s for s in new if NCND_RE.search(s) and not ncnd_counted(s)]
    firm = scores["firm"] + (2.5 if ncnd_new else 0.0)
    if ncnd_new:
        refuse += 2.5
        evidence["refused"] = ncnd_new[:1] + [s for s in evidence["refused"] if s not in ncnd_new[:1]]
    whole_nh = [s for s in evidence["not-held"] if not NOT_HELD_COST_RE.search(s) and not NOT_HELD_PART_RE.search(s)]
    if any(COST_LIMIT_RE.search(s) for s in new) or any(sec.startswith("12") for sec in collect_sections(new)):
        # "Our database does not hold a central record of who handled each request", in a letter
        # relying on the cost limit: not held in one place is why finding it would cost so much
        # (round 9), not a status of its own.
        whole_nh = [s for s in whole_nh if not _CENTRAL_RE.search(s)]
    part_nh = [s for s in evidence["not-held"] if s not in whole_nh and not NOT_HELD_COST_RE.search(s)]
    if parts.count >= 2 and len(parts.not_held) < parts.count:
        # "Answer 1: we do not hold information in relation to your request" speaks for its part.
        part_nh += [s for s in whole_nh if s in parts.not_held_sentences]
        whole_nh = [s for s in whole_nh if s not in parts.not_held_sentences]
    # "We cannot provide it, as it is not held": the refusing words give not holding as their reason.
    because_not_held = [s for s in whole_nh if not sections_in_sentence(s) and not NCND_RE.search(s)
                        and (s in evidence["firm"] or s in evidence["refused"])]
    if because_not_held:
        overlap_scores, _ = _score(because_not_held)
        firm -= overlap_scores["firm"]
        refuse -= overlap_scores["refused"]
        scores["refused"] -= overlap_scores["refused"]
        scores["firm"] -= overlap_scores["firm"]
        evidence["refused"] = [s for s in evidence["refused"] if s not in because_not_held]
        evidence["firm"] = [s for s in evidence["firm"] if s not in because_not_held]
    exempt = bool(ncnd_new) or firm >= 2 or refuse >= 2.5 or (bool(named) and refuse >= 1.5)
    if scores["lead"] and not exempt and not whole_nh:
        # "Our response is as follows" above no refusal: what follows is the answer.
        data += scores["lead"]
        evidence["data"] += evidence["lead"]
    # (A detail withheld, "the names have been withheld", speaks of part only beside something given.)
    scoped = scores["scoped"] + (scores["detail"] if data >= 0.75 else 0.0)
    partial_marks = scores["partial"] + scoped
    ext, clar, ack = scores["extended"], scores["clarification"], scores["acknowledged"]
    questions = [s for s in new if "?" in s and re.search(r"\byou\b", s, re.I)]
    narrowing = [s for s in new if NARROWING_RE.search(s)]
    # A question to us about answering less than was asked, in a letter that weighs the cost or
    # a refusal: "Would it be acceptable if we searched one year only?" (round 6).
    if scores["refused"] > 0 or scores["firm"] > 0:
        # (A question put conditionally, "if you would accept ..., please reply", asks all the same.)
        narrowing += [s for s in scope_questions(reading.of("new", "conditional")) if s not in narrowing]
    waits = waits_on_us(new)
    # What else the new text says, by kind of evidence: a reading decides on its own only when
    # none of these speaks for another status (issue 12, round 4: precision first by construction).
    refusing = [s for s in evidence["refused"] + evidence["firm"] + named if not NCND_RE.search(s)]
    statements = scores["data"] - (1.0 * len(pointers) if pointers and not letters else 0.0)
    # (In a letter relying on the cost limit, counts are the size of the search.)
    cost_letter = (any(COST_LIMIT_RE.search(s) for s in new)
                   or any(sec.startswith("12") for sec in collect_sections(new)))
    # Figures after the sentence that says information is given ("see the table below": a table
    # the reader could not lay out), or a file it points to that this reading did not get.
    said_at = next((n for n, s in enumerate(new) if s in evidence["data"]), len(new))
    figures_elsewhere = (any(re.search(r"\d", s) for s in new[said_at + 1:])
                         or any(re.search(r"\battach|\benclos", s, re.I) for s in new[said_at:]))
    # A refusal on cost whose own sentence decides it ("we are not obliged to comply", "this would
    # exceed the appropriate limit"), with nothing given: where the search found nothing ("the
    # department does not hold such records") is why it would cost so much, not another status
    # (issue 12, round 8).
    cost_decided = cost_refusal and not whole_nh_decides(whole_nh) and (firm >= 2 or scores["refused"] >= 1.5) \
        and not has_data and reading.tables < 3 and not parts.answered
    rival_evidence = {
        "information given": has_data or reading.tables >= 3 or answers > 0 or bool(parts.answered),
        "something withheld": bool(named or ncnd_new or firm >= 2 or scores["refused"] >= 1.5),
        "something withheld besides NCND": bool(refusing),
        "not held": bool(whole_nh) and not cost_decided,
        # "We are unable to give it by ward, as the system does not record ward": what is not given
        # is not held, and no exemption, NCND or cost limit is relied on.
        "not held, and no ground for withholding": bool(whole_nh or part_nh) and not named and not ncnd_new
        and not any(COST_LIMIT_RE.search(s) for s in new),
        "more time taken": ext >= 2,
        "a question to us": (clar >= 1.5 and bool(questions)) or bool(narrowing),
        # Stricter gates (issue 12, round 5): weaker evidence of a rival status is enough to ask.
        # "Part 2: no information is held" beside a refusal; the whole request said not held
        # beside an exemption and some figures.
        # (A letter answered part by part, each part refused or not held, is plainly a refusal.)
        "any part not held": bool(whole_nh or part_nh) and not cost_decided and not (
            parts.count >= 2 and parts.refused and len(parts.not_held) + len(parts.refused) >= parts.count)
        # (A refusal stated outright, with nothing given, stays a refusal when one part or one
        # department's records are not held: "not held within Force Planning; to search the other
        # departments would exceed the cost limit", "part 1 not held; part 2 NCND" (round 6).)
        and not (bool(part_nh) and not whole_nh and firm >= 2 and data < 0.75 and not has_data
                 and reading.tables < 3 and answers == 0 and not parts.answered),
        # (Beside figures, answered parts or a data file, a "not held" speaks for one part.)
        "the whole request not held": bool(whole_nh) and not (has_data or reading.tables >= 3 or answers > 0
                                                              or bool(parts.answered)),
        # "Please find below the information we can give" in a refusal, a caveat under figures,
        # a letter said to carry the answer: the refusal may be partial.
        "said to be given": data >= 1.0 and (statements >= 1.0 or caveat or bool(pointers and not letters)),
        # A refusal that asks us anything ("Would you like figures for one year instead?") waits
        # on our answer.
        "asks us anything": any(_ASKS_US_RE.search(q) for q in questions),
        # An answer resting on the letter's words alone, with nothing to see: no figure, table,
        # answered question, data file, or readable letter.
        "nothing concrete given": not (has_data or reading.tables >= 3 or answers > 0 or bool(parts.answered)
                                       or bool(letters) or caveat or (statements >= 2 and figures_elsewhere)),
        # A data file attached under words that say nothing of giving ("I have passed this to the
        # team", a one-line note): the file may be ours sent back, a form, or the answer (round 7).
        # "There were 4." and nothing else: which question it answers, and whether it is all of the
        # answer, cannot be seen from one short line (round 7).
        "a one-line reply": not has_data and reading.tables < 3 and len(body_only) <= 1
        and sum(len(x.split()) for x in body_only) < 15,
        "only the attachment speaks": has_data and scores["data"] < 1.0 and not scores["lead"] and not caveat
        and not pointers and reading.tables < 3 and not answers and not parts.answered,
        # Lines of three or more figures (a table the reader could not lay out) that are not the
        # size of a search or the cost limit: something may be given.
        # "There were 12 incidents in 2023" (not the size of a search); "the force can confirm it
        # uses drones"; "further details are exempt": a refusal of part, perhaps.
        "a count given": not cost_letter and any(_COUNT_RE.search(s) and not SEARCH_SIZE_RE.search(s)
                                                 and not _HYPOTHETICAL_RE.search(s) for s in new),
        "something confirmed": any(_CONFIRMS_RE.search(s) and not NCND_RE.search(s) for s in new),
        "the rest withheld": any(_THE_REST_RE.search(s) and not NCND_RE.search(s) for s in new),
        # "It is not recorded in a way that lets us identify such cases, so we cannot provide it",
        # with no cost limit relied on: not held, or refused? Ask.
        "not recorded in a usable form, and no cost limit": not cost_letter and (
            any(NOT_HELD_COST_RE.search(s) for s in evidence["not-held"])
            or any(_NOT_IN_FORM_RE.search(s) for s in new)),
        "rows of figures": sum(1 for s in new if len(_FIGURE_RE.findall(s)) >= 3 and not SEARCH_SIZE_RE.search(s)
                               and not COST_LIMIT_RE.search(s) and not sections_in_sentence(s)) >= 2,
    }

    # ---- internal reviews --------------------------------------------------------------------
    outcome, outcome_ev = _review_outcome(new)
    review_context = scores["review"] >= 1.5 or bool(re.search(r"\binternal\s+review|\breview\b", subject, re.I))
    # A letter that says it answers our review request ("your request for an internal review has
    # been considered") is one, whatever its subject (round 9).
    review_context = review_context or bool(answers_review(reading.of("new", "history")))
    if not outcome and review_context:
        # "I remain of the view that the exemption was applied correctly", "my conclusion is that
        # the original response was correct": a reviewer's judgement on the first reply, in a
        # letter answering our review request (foi.mail.outcomes; round 9).
        outcome, outcome_ev = review_conclusion(new)
    if outcome and (review_context or scores["review"] > 0):
        kind = "review-upheld" if outcome == "upheld" else "review-overturned"
        conf = 0.85 if outcome != "partly upheld" else 0.7
        return result(kind, outcome_ev[:1] + evidence["review"][:1], conf, review=outcome, history_too=True,
                      reasons=[f"internal review outcome: {outcome}"])
    if scores["review-ack"] >= 2 and not outcome and scores["review"] < 1.5:
        return result("acknowledged", evidence["review-ack"][:2], 0.75,
                      reasons=["acknowledges a request for an internal review; no date changes"])
    if scores["review"] >= 1.5:
        guess = "review-upheld" if exempt and data < 2 else "review-overturned" if data >= 2 else "review-upheld"
        return result("needs-review", evidence["review"][:2], 0.35, guess=guess, history_too=True,
                      reasons=["an internal review letter whose outcome is not stated plainly"])

    # ---- final answers ------------------------------------------------------------------------
    # Two sets of evidence are weighed: that requested information is given (figures, tables,
    # answers, "please find attached", "above is all the information we hold") and that some is
    # withheld (an exemption relied on, NCND, the cost limit). Both: partial. Only the second:
    # refused, however long the explanation. When the evidence of giving is weak, or the two are
    # balanced, the reply goes to review with the better reading as its guess (issue 12, pattern 1).
    # Independent kinds of evidence ("families"): the more agree, the surer the reading; any
    # substantive evidence for a competing status costs confidence, so that a reply read one way
    # but speaking another goes to review with its best guess.
    give = {
        "a data file attached": has_data,
        "a table of figures": reading.tables >= 3,
        "figures given as answers": answers > 0,
        "questions answered one by one": bool(answered),
        "says information is given": (statements >= 1.5 or (bool(scores["lead"]) and not exempt and not whole_nh)
                                      or caveat),
        "points to an attached answer": bool(pointers) and not letters,
    }
    concrete = any(give[k] for k in ("a data file attached", "a table of figures", "figures given as answers",
                                     "questions answered one by one"))
    withhold = {
        "an exemption named": bool(named),
        "neither confirm nor deny": bool(ncnd_new),
        "a refusal stated": firm >= 2,
        "refusing words": scores["refused"] >= 1.5,
    }
    # Every sentence that says information is given points at an attachment.
    said_given = evidence["data"] + (evidence["lead"] if scores["lead"] and not exempt and not whole_nh else [])
    # (A caveat printed under released figures is evidence of its own.)
    attached_words = (bool(said_given) and not caveat
                      and all(re.search(r"\battach|\benclos", x, re.I) for x in said_given))
    n_give = sum(give.values())
    n_withhold = sum(withhold.values())
    speaks_of_refusing = scores["refused"] > 0 or bool(named) or bool(ncnd_new)
    final: str | None = None
    final_ev: list[str] = []
    conf = 0.0
    reasons: list[str] = []
    cost_only = set(collect_sections(new)) <= {"12", "12(1)", "12(2)", "14", "14(1)", "14(2)"}
    # "Any other information" in a cost refusal ("if any part exceeds the limit ...") says nothing
    # about giving; after an exemption ("NCND for any other information") it says some was given.
    implied = partial_marks >= 2.0 and not (cost_only and data < 0.75)
    abstain: str | None = None
    # "The information is not held; we neither confirm nor deny whether any other is": nothing is
    # given, and the only thing withheld is the answer to whether more exists. That is not held,
    # with its NCND flag (issue 12, round 4).
    other_refusals = ([s for s in evidence["refused"] + evidence["firm"] + named if not NCND_RE.search(s)]
                      if ncnd_new else [])
    nh_ncnd = (bool(ncnd_new) and bool(whole_nh or part_nh) and not other_refusals and n_give == 0
               and data < 0.75)
    if nh_ncnd:
        final, final_ev = "not-held", (whole_nh or part_nh)[:1] + ncnd_new[:1]
        # Answered part by part, every part not held or neither confirmed nor denied: the same.
        every_part = parts.count >= 2 and len(parts.not_held) + len(parts.refused) >= parts.count
        conf = 0.72 if whole_nh or every_part else 0.45
        reasons.append("not held, and whether any other information is held is neither confirmed nor denied")
        if not (whole_nh or every_part):
            abstain = "only part of the request is said to be not held"
    elif exempt and whole_nh and not named and not ncnd_new and not cost_letter and data < 0.75:
        # "The information is not recorded/held ... this letter is a refusal notice": refusing words
        # with no exemption, NCND or cost limit relied on in the new text, beside a plain "not held".
        # Not holding it may be the whole reason, or a refusal may be meant: ask (round 6).
        final, final_ev = "not-held", whole_nh[:1] + evidence["refused"][:1]
        if all(_NOTICE_ONLY_RE.search(x) for x in refusing if x not in whole_nh):
            # Only the notice's own words ("I am not obliged to supply", "this letter represents a
            # refusal notice", "unable to comply") and no reason for withholding besides not holding
            # it: a not-held answer given in the form of a s.17 notice (round 6).
            conf = 0.66
            reasons.append("not held; the refusal words only give notice of it")
            rival_evidence["something withheld besides NCND"] = False
        else:
            abstain = "says the information is not held, and also refuses with no exemption relied on"
    elif exempt and withheld and parts.prose and not answered and not has_data:
        # "In response to question two, all officers carry one. With regard to question three,
        # section 31 applies": one part refused among parts answered in words. Partial, but words
        # are weaker evidence than figures.
        final, final_ev = "partial", parts.prose[:1] + withheld[:1]
        abstain = "some parts are answered in words, another is refused"
    elif exempt and (data >= 2 or (implied and (data >= 0.75 or partial_marks >= 3.5))):
        final, final_ev = "partial", evidence["data"][:1] + evidence["partial"][:1] + evidence["refused"][:1]
        conf = 0.62 + 0.06 * min(n_give, 3) + 0.04 * min(n_withhold, 3) + (0.05 if partial_marks >= 1.5 else 0.0)
        if not concrete:
            conf -= 0.1
            reasons.append("that information is given rests on the letter's words alone")
        reasons.append("information given, part of it withheld")
    elif exempt and (data >= 0.75 or implied):
        final, final_ev = ("partial" if implied or data >= 1.5 else "refused"), (evidence["data"][:1]
                                                                               + evidence["refused"][:1])
        abstain = "some information may be given as well as refused"
    elif exempt and scoped >= 2 and not whole_nh and not part_nh and not (
            data < 0.75 and evidence["scoped"] and all(_HELD_IN_PART_RE.search(x) for x in evidence["scoped"])):
        # ("The information is held in part, however it cannot be disclosed" says what is held, and
        # that none of it is given: a refusal of the whole. Round 8.)
        # "The question concerning X has engaged section 12(2)", "a refusal notice for this part":
        # the refusal covers part of the request, and what became of the rest is not plain.
        final, final_ev = "partial", evidence["partial"][:1] + evidence["refused"][:1]
        abstain = "the refusal is said to cover only part of the request"
    elif exempt:
        final, final_ev = "refused", evidence["refused"][:2]
        conf = 0.62 + 0.08 * min(n_withhold, 3) + 0.02 * min(refuse, 6)
        if partial_marks >= 1.5 and not whole_nh and not part_nh and not cost_only:
            conf -= 0.2
            reasons.append("says only part is withheld")
        if n_give:
            conf -= 0.1 * n_give
            reasons.append("also reads as giving some information")
        reasons.append("an exemption or the cost limit is relied on")
    elif data >= 2 or (part_nh and answers):
        # Some parts answered, others not held: an answer (issue 12, pattern 5).
        final, final_ev = "responded", evidence["data"][:2] or body_only[:1]
        conf = 0.6 + 0.08 * min(n_give, 3) + 0.03 * min(data, 5)
        if whole_nh:
            conf -= 0.1
            reasons.append("information given; some of it is not held")
        if speaks_of_refusing:
            conf -= 0.1 + 0.1 * min(n_withhold, 2)
            reasons.append("also speaks of withholding")
        if partial_marks >= 1.5:
            conf -= 0.1
            reasons.append("speaks of part of the information")
        reasons.append("information given")
    elif whole_nh and data >= 1:
        # Not held beside words that give something: ask. The guess is the answer when its own words
        # say information is given, or something concrete is there (round 7: a plain answer that
        # says one detail is not held was shown to the reviewer as "not held").
        gives = concrete or statements >= 1.5
        final = "responded" if gives else "not-held"
        final_ev = (evidence["data"][:1] + whole_nh[:1]) if gives else (whole_nh[:1] + evidence["data"][:1])
        abstain = "not held, but some information may also be given"
    elif whole_nh:
        final, final_ev = "not-held", whole_nh[:2]
        conf = 0.72 + (0.08 if len(whole_nh) > 1 or scores["not-held"] >= 3.5 else 0.0)
        if part_nh or partial_marks >= 1.5:
            conf -= 0.15
        if speaks_of_refusing:
            conf -= 0.15
            reasons.append("also speaks of withholding")
        reasons.append("the information is not held")
    elif part_nh and not (ext or clar or ack):
        final, final_ev, conf = "not-held", part_nh[:2], 0.4
        reasons.append("only part of the request is said to be not held")
    if some_parts and final == "refused" and not cost_letter:
        # Only the refused questions are in view: the answers to the others are not seen here. (One
        # question over the cost limit lets the whole request be refused: not so with s.12.)
        final, final_ev = "partial", some_parts[:1] + final_ev[:1]
        abstain = abstain or "the refusal names some questions only; the answers to the others are not seen"
    logged = log_decision(new)
    if logged is None:
        # An outcome heading by a log's title ("Part Disclosure with Section 23(5) ... Exemptions"):
        # the same filing, printed as a heading. (Under questions answered one by one, "Information
        # not held" is one part's answer, unless it names grounds.)
        heading = heading_decision(new)
        if heading and (parts.count < 2 or re.search(r"\d", heading[1])):
            logged = heading
    if logged is not None and not narrowing and max(ext, clar) < 2:
        # A disclosure log's outcome field ("Decision: Partially disclosed", "Refusal Sections 24
        # and 31") is the authority's own filing of the reply: figures in the log's header rows, a
        # reason given in words, or an answer the excerpt cuts off do not outweigh it (issue 12,
        # coverage). Where the letter reads another way, both are shown to the reviewer.
        log_kind, log_line = logged
        # ("Please see the attached letter" over an outcome field reads as an answer only because
        # something is attached: what the attachment decides is the field's to say.)
        agree = final in (None, log_kind) or (final == "responded" and not concrete)
        # (Partly given against given or refused is a matter of degree; given against refused is not.)
        near = "partial" in (final, log_kind) and {final, log_kind} <= {"responded", "partial", "refused"}
        if near and log_kind == "refused" and (has_data or bool(parts.answered)):
            # "Refused" over a data file or questions answered one by one: ask.
            return result("needs-review", [log_line, *final_ev][:2], 0.45, guess=final,
                          reasons=[f"the log's outcome field says {log_line.strip()}; the letter reads as {final}"])
        if near and log_kind == "responded":
            # "Decision: Disclosed" over a letter that withholds a part: the field may round up.
            return result("needs-review", [log_line, *final_ev][:2], 0.45, guess=log_kind,
                          reasons=[f"the log's outcome field says {log_line.strip()}; the letter reads as {final}"])
        if agree or near:
            return result(log_kind, [log_line, *[x for x in final_ev if x != log_line]][:2],
                          0.8 if final == log_kind else 0.7, stated=True,
                          reasons=[f"the log's outcome field says so: {log_line.strip()}",
                                   *([f"the letter alone reads as {final}"] if final and not agree else [])])
    if final is not None:
        # Say what the reading rests on, so that a reviewer sees both sides at a glance.
        seen = [k for k, v in give.items() if v]
        held = [k for k, v in withhold.items() if v]
        reasons = [*reasons, *(["given: " + ", ".join(seen)] if seen else []),
                   *(["withheld: " + ", ".join(held)] if held else [])]

    interim = max(ext, clar)
    if final == "not-held" and clar >= 2 and questions and len(whole_nh) <= 1:
        # "We do not hold it before 2020. Which years do you need?": the question is the news.
        final = None
    if narrowing and final in (None, "refused") and data < 2 and not ext >= 2:
        # "Answering all of it would exceed the cost limit. Would you accept an answer to question 1
        # only?": they ask before deciding. A formal refusal that also asks goes to review.
        formal = [s for s in new if FORMAL_REFUSAL_RE.search(s) and s not in narrowing]
        # A question put to us in so many words ("Would you accept figures for 2023 only?") waits on
        # our answer even under refusing words; "if you would like to narrow it, let us know" under a
        # refusal notice is advice as much as a question (round 6).
        asked = [q for q in narrowing if "?" in q]
        if formal and not waits and not asked:
            return result("needs-review", formal[:1] + narrowing[:1], 0.4, guess="refused",
                          reasons=["refuses and also asks whether we would accept less"])
        if formal and not waits and any(re.search(r"\brefus", f, re.I) for f in formal):
            # "... so the request is refused. Would you like us to search one year only?": a refusal
            # made and a question put; the question is the last word, but ask.
            return result("needs-review", asked[:1] + formal[:1], 0.45, guess="clarification",
                          reasons=["refuses in so many words and asks whether we would accept less"])
        if formal and not waits:
            return result("clarification", asked[:1] + formal[:1], 0.65,
                          reasons=["they ask whether we would accept less, beside refusing words"])
        if not cost_letter and refuse < 1.5:
            # "Would you like the policy as a PDF?" with no cost limit or refusal to narrow: an
            # offer under an answer, perhaps, as much as a question before deciding (round 5).
            return result("needs-review", narrowing[:1], 0.5, guess="clarification",
                          reasons=["they ask what we would like, with no cost limit or refusal in view"])
        return result("clarification", narrowing[:1] + (waits or evidence["refused"])[:1], 0.8 if waits else 0.75,
                      reasons=["they ask whether we would accept a narrower request before deciding",
                               *(["and wait on our answer"] if waits else [])])
    # "We are not obliged to give opinions or make up examples. Please clarify what recorded
    # information you want": refusing words with no ground relied on (no exemption, NCND or cost
    # limit), beside a question put to us about what we want. Nothing is refused under the Act;
    # the request waits on our answer (round 9).
    asked_what = asks_what_we_want(reading.of("new", "conditional"))
    if (final == "refused" and asked_what and not named and not ncnd_new and not cost_letter
            and data < 0.75 and not has_data and not ext >= 1.5):
        return result("clarification", asked_what[:1] + final_ev[:1], 0.66,
                      reasons=["they ask what information we want; the refusing words rely on no ground"])
    if final is not None:
        # (Counts in the letter's words alone, with no file, table, answered question or word of
        # giving, are the request's size or dates, not an answer, in a letter taking more time.)
        counts_only = not has_data and reading.tables < 3 and scores["data"] < 1.5 and not parts.answered
        # (Weighing the public interest still to come, the exemption named is not yet relied on,
        # however firmly it is said to be engaged.)
        pit_pending = any(PIT_PENDING_RE.search(x) for x in new) or bool(pit_todo)
        if (ext >= 2 or (pit_todo and firm < 2 and not ncnd_new)) and final in ("refused", "partial") and (
                firm < 2 or pit_pending) and (data < 2 or counts_only):
            # An s.10(3) letter names the exemptions whose public interest it is weighing; it
            # decides nothing, so it records no sections (issue 12, pattern 3).
            until = _new_date(evidence["extended"], new, own, sent_on)
            return result("extended", evidence["extended"][:2], 0.55 + 0.08 * ext + (0.05 if until else 0.0),
                          until=until, reasons=["more time to weigh the public interest; exemptions only named"])
        if interim >= 2 and interim >= max(refuse, data):
            k = "extended" if ext >= clar else "clarification"
            return result("needs-review", final_ev[:1] + evidence[k][:1], 0.35, guess=final,
                          reasons=[f"reads as {final} and as {k}"])
        if abstain:
            return result("needs-review", final_ev, 0.45, guess=final, reasons=[abstain, *reasons])
        # (A refusal scoped to "any other information", beside something said to be enclosed, says
        # itself that part was given, whatever the unread enclosure holds.)
        scoped_rest = final == "partial" and scoped >= 2 and any(re.search(r"\battach|\benclos", x, re.I) for x in new)
        if (final in ("responded", "partial") and not has_data and data - 1.0 * len(pointers) < 2 and unseen_docs
                and not scoped_rest):
            return result("needs-review", final_ev, 0.4, guess=final,
                          reasons=["the attached document could not be read"])
        if final in ANSWER_GATED and not concrete and not letters and attached_words:
            # "Please see the attached information" and nothing readable attached: that the answer
            # is there rests on the letter's word alone (issue 12, round 4).
            return result("needs-review", final_ev, 0.45, guess=final,
                          reasons=["the information is said to be attached, and no attachment could be read",
                                   *reasons])
        # (The statute described for any authority, "section 12 provides that an authority need not
        # comply where ... would exceed the limit", decides nothing; nor do other requests counted.)
        decides = [x for x in new if (x in deciding([x]) or NCND_RE.search(x) or FORMAL_REFUSAL_RE.search(x)
                                      or x in headed)
                   and not named_only(x) and not counts_outcomes(x) and not x.rstrip().endswith("?")]
        if final in ("refused", "partial") and not decides and conf >= AUTOMATIC:
            # Grounds named, refusing words, but no sentence that applies one to this request: the
            # reading is a guess however many words agree (issue 12, round 8: calibration).
            conf = min(conf, 0.55)
            reasons = [*reasons, "no sentence of the letter applies a ground or refuses"]
        return result(final, final_ev, min(0.95, conf), reasons=reasons)

    # ---- letters before the answer -------------------------------------------------------------
    if ext >= 1.5 and clar >= 1.5:
        return result("needs-review", evidence["extended"][:1] + evidence["clarification"][:1], 0.3, guess="extended",
                      reasons=["asks for more time and asks us a question"])
    if ext >= 1.5:
        until = _new_date(evidence["extended"], new, own, sent_on)
        conf = 0.55 + 0.08 * ext + (0.05 if until else -0.05)
        when = f"new date {until.isoformat()}" if until else "no date given"
        return result("extended", evidence["extended"][:2], min(0.95, conf), until=until,
                      reasons=[f"more time is taken; {when}"])
    if clar >= 1.5 or (questions and clar >= 1.0):
        conf = 0.55 + 0.08 * clar + (0.05 if questions else 0.0)
        why = ["they ask us a question before they can answer"]
        specifics = any(re.search(r"\b(?:which|what|dates?|period|years?|offences?|type|specify|clarify|exactly"
                                  r"|mean|meant)\b", x, re.I) for x in evidence["clarification"])
        if not questions and clar < 2 and not specifics:
            # Only a polite "please let us know if ..." with no question put, nothing about what
            # to search and no word of needing clarification: an answer can close that way too.
            conf = min(conf, 0.55)
            why.append("no question is put to us in so many words")
        if scores["held"] or statements >= 1.0 or answers:
            conf = min(conf, 0.5)
            why.append("also says what is held or given")
        return result("clarification", (evidence["clarification"] + questions)[:2], min(0.95, conf), reasons=why)
    if (unseen_docs or pointers) and not any(v >= 1.5 for v in (ack, scores["generic"])):
        why = ("an attached document could not be read" if unseen_docs
               else "the answer is in an attachment not seen here")
        return result("needs-review", pointers[:1] or body_only[:1], 0.35, guess="responded", reasons=[why])
    if acked and not has_data and reading.tables < 3 and scores["data"] < 1.5:
        # Thanks, receipt and a reply to come, and nothing given in words or attached: the numbered
        # lines are the request restated, not answers (round 9).
        rival_evidence["information given"] = False
    if scores["generic"] >= 1.5 or ack >= 1.5 or (ack >= 1.0 and specific):
        # A receipt: a person's acknowledgement or a mailbox's, weighed on the message's structure
        # as much as its wording (foi.mail.receipts; issue 12, round 7).
        receipt = _receipt_evidence(text, reading, subject, _header(headers, "from"), force_ref=force_ref,
                                    received=received, ack_new=ack_new, sent_on=sent_on,
                                    mailbox_words=scores["generic"] >= 1.5, minutes=after_request)
        said = evidence["generic"][:1] + evidence["acknowledged"][:1]
        weighed = [f"for a person: {', '.join(receipt.for_person) or 'nothing'}",
                   f"for a mailbox: {', '.join(receipt.for_mailbox) or 'nothing'}"]
        verdict = receipt_verdict(receipt)
        if verdict == "auto-reply":
            conf = min(0.95, 0.7 + 0.05 * (receipt.mailbox - receipt.person - 1.5))
            return result("auto-reply", said, conf,
                          reasons=["an automatic receipt from a mailbox; no date changes", *weighed])
        if verdict == "ask":
            best = "acknowledged" if receipt.person >= receipt.mailbox - 1.0 else "auto-reply"
            return result("needs-review", said, 0.45, guess=best,
                          reasons=["a receipt: a mailbox's or a person's?", *weighed])
        conf = 0.6 + 0.08 * min(max(ack, 1.0), 4) + 0.04 * min(receipt.person - receipt.mailbox, 4)
        note = ("states the date of receipt " + received.isoformat()) if received else "states no date of receipt"
        reasons = [f"acknowledgement; {note}"] + (["names " + ", ".join(case_marks)] if case_marks else []) + weighed
        if ack + scores["generic"] < 1.5:
            # "Thank you for your email received on ..." opens answers as well as receipts: alone,
            # with nothing about logging it or replying within 20 days, it is only an opening.
            conf = min(conf, 0.5)
            reasons.append("only thanks them for the request; says nothing of dealing with it")
        return result("acknowledged", evidence["acknowledged"][:2] or said, min(0.95, conf), reasons=reasons)
    # Too little to decide; the strongest hint is still shown as the guess, so that reviewing it is
    # one keystroke: information given reads as a response, a refusal's words as a refusal.
    as_kind = {"data": "responded", "lead": "responded", "held": "responded", "firm": "refused",
               "scoped": "partial", "partial": "partial"}
    hints = dict(scores)
    hints["data"] = max(hints.get("data", 0.0), data)
    weak = sorted(((v, as_kind.get(k, k)) for k, v in hints.items()
                   if v > 0 and (evidence[k] or k == "data") and as_kind.get(k, k) in STATUS_KINDS), reverse=True)
    guess = weak[0][1] if weak else "needs-review"
    shown = [evidence[k][0] for k in hints if evidence[k] and as_kind.get(k, k) == guess][:1]
    if not weak or weak[0][0] < 1.0:
        # No word of any status: a mailbox's notice ("requests now go through the online form", "we
        # are receiving a high number of requests") greets nobody, is signed by nobody and speaks
        # to whatever mail arrives (round 7).
        receipt = _receipt_evidence(text, reading, subject, _header(headers, "from"), force_ref=force_ref,
                                    received=received, ack_new=[], sent_on=sent_on, mailbox_words=False,
                                    minutes=after_request)
        if receipt.person < 1.0 and receipt.mailbox >= 3.0 and not has_data and not unseen_docs:
            return result("auto-reply", body_only[:1], 0.7,
                          reasons=["a mailbox's notice: nothing of this request, no status",
                                   f"for a mailbox: {', '.join(receipt.for_mailbox)}"])
        if receipt.person < 2.0 and receipt.mailbox >= receipt.person + 1.5:
            guess = "auto-reply"
    return result("needs-review", shown or body_only[:1], 0.2, guess=guess,
                  reasons=["no clear signal of what kind of reply this is"])


def classify_message(msg: EmailMessage, *, request_text: str | None = None) -> Classification:
    """:func:`classify` a parsed mail (``email.message_from_bytes(data, policy=email.policy.default)``)."""
    subject, text, names, texts, headers = message_parts(msg)
    return classify(subject, text, names, texts, headers, request_text=request_text)
