"""A receipt: a mailbox's automatic reply, or a person acknowledging this request?

Both change no date, but they are different facts for an editor: an acknowledgement says someone
has the case in hand; a mailbox's receipt says only that mail arrived. Wording alone does not tell
them apart (a person writes "we have received your e-mail", a mailbox writes "within 20 working
days"), so the reading weighs the message's structure (issue 12, round 7):

* a person handling the case: their reference, the date they received it, the date they will
  reply by, the request restated, a greeting by name, a letter signed by a named officer;
* who sent it: a no-reply address, or a person's name; and when: minutes after our request;
* a mailbox: it says it is automatic or not to reply, speaks of "your e-mail" and of whatever
  mail arrives ("if your e-mail relates to ...", "if the matter is urgent ring 101 or 999",
  "internal staff ..."), and greets nobody and is signed by nobody.

:func:`weigh` adds the points on each side; :func:`verdict` turns them into acknowledged,
auto-reply or "ask" (the points are set by hand and validated on real receipts by authority
folds: bench/classify_precision.py --cv).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date

from foi.mail.reading.grammar import (
    ANSWER_PREFACE,
    MAIL_NOUN,
    RECEIPT,
    REPLY_DUE,
    REPLY_TO_COME,
    THANKS,
    WITHIN_TIME,
    gap,
)
from foi.mail.reading.sentences import HEDGED_RE

# "Dear Mr Blowe", "Dear P Myles", "Dear Ms. Okafor": a person greeted by name; not "Dear Sir or
# Madam", "Dear Requester", nor our own letter's "Dear Kent Police".
_GREETING_RE = re.compile(r"^\W*(?:dear|hello|hi)\s+(?P<who>[^\n,.:;]{1,40})", re.I | re.M)
_NOBODY_RE = re.compile(
    r"^(?:sirs?\b|madam\b|sir\s*(?:/|or|and)\s*madam|requester|requestor|applicant|customer|enquirer|sender|colleague"
    r"|correspondent|member\b|all\b|team\b|recipient|user|friend)|\b(?:police|constabulary|service|council|authority"
    r"|office|department|unit|team|commissioner|foi|freedom)\b",
    re.I,
)
_ANY_GREETING_RE = re.compile(r"^\W*(?:dear|hello|hi|good\s+(?:morning|afternoon|evening|day))\b", re.I | re.M)
_SIGNOFF_RE = re.compile(r"^\W*(?:yours\s+(?:sincerely|faithfully|truly)"
                         r"|(?:kind|best|warm|many)\s+(?:regards|thanks|wishes)"
                         r"|regards|thank\s+you|thanks)\b", re.I | re.M)
_NAME_LINE_RE = re.compile(r"^\s*(?:(?:Mr|Mrs|Ms|Miss|Dr|P\.?P\.?)\.?\s+)?[A-Z][\w'.-]*(?:\s+[A-Z][\w'.-]*){0,3}"
                           r"\s*(?:[,|\u2013-].{0,80})?$")
_GROUP_RE = re.compile(r"\b(?:team|unit|department|office|police|constabulary|service|section|centre|desk|bureau"
                       r"|management|compliance|disclosure|information)\b", re.I)
# What a mailbox says to whatever arrives: the kind of message it may be, or who else to call.
_ANY_MAIL_RE = re.compile(
    r"\bif\s+(?:your\s+(?:e-?mail|message|correspondence|enquiry|query|matter|issue)|it|this|the\s+(?:e-?mail"
    r"|correspondence|matter|issue))\s+(?:relates|is|concerns|contains|cannot|was)\b"
    r"|\bif\s+you\s+(?:have\s+made|are\s+(?:making|an?\s+internal|a\s+member)|no\s+longer\s+require|wish\s+to\s+report)"
    r"|\binternal\s+(?:staff|members?\s+of\s+staff)\b|\bthis\s+facility\b|\bdid\s+you\s+know\b"

    # notices to everyone who writes: the online form, service levels
    r"|\b(?:online|web)\s+(?:request\s+)?form\b|\b(?:no\s+longer|not)\s+(?:be\s+)?(?:used|monitored)\b"
    r"|\b(?:large|high|significant|increased)\s+(?:number|volume)\s+of\s+(?:requests|e-?mails|enquiries|correspondence)"
    # what happens to mail "depending on the nature of your enquiry", "in some cases"
    r"|\bdepending\s+(?:up)?on\s+the\s+(?:nature|type|subject|content)\s+of\b|\bin\s+(?:some|certain|many)\s+cases\b",
    re.I,
)
# A notice about the service, the same for whoever writes: the office closed, reopened or short of
# staff, work put in order of priority, delays expected everywhere. It is about them, not this request.
_SERVICE_NOTICE_RE = re.compile(
    r"\b(?:office|unit|team|department|section|service|bureau)\s+(?:has\s+|have\s+|is\s+|are\s+|was\s+|will\s+be\s+)?"
    r"(?:now\s+|currently\s+|temporarily\s+)?(?:re-?opened|closed|working\s+remotely|operating\s+(?:with|at))\b"
    # "all staff in the office are now working from home" (round 14)
    r"|\b(?:staff|team|colleagues|officers|we)\s+(?:\w+\s+){0,6}?(?:are|is)\s+(?:now\s+|currently\s+|all\s+)?"
    r"working\s+(?:from\s+home|remotely)\b"
    r"|\b(?:limited|reduced|fewer)\s+(?:numbers?\s+of\s+)?(?:staff|staffing|resources|colleagues)\b"
    r"|\b(?:limited|reduced)\s+numbers\b"
    r"|\b(?:must|have\s+to|has\s+to|need\s+to|will)\s+(?:\w+\s+)?prioriti[sz]e\b"
    r"|\bdelays?\s+(?:\w+\s+){0,4}?(?:are|is)\s+(?:likely|expected|possible|inevitable|unavoidable)\b"
    r"|\b(?:likely|expect(?:ed)?)\s+(?:that\s+)?(?:there\s+will\s+be\s+)?(?:to\s+be\s+)?delays?\b",
    re.I,
)
# Not yet read: "we will assess whether it is a valid request", "if you are e-mailing a valid FOI
# request, treat this as an acknowledgement", "if your e-mail is a new request". Whoever writes
# this has not looked at what arrived, so nothing else it says is a person's reading of it.
_UNREAD_RE = re.compile(r"\b(?:if|whether|should\s+(?:this|it|your\s+\w+)\s+be)\b" + gap(80)
                        + r"\ban?\s+(?:valid|new|genuine|formal)\s+(?:\w+\s+){0,4}?"
                        r"(?:request|application|enquiry|FOI|FOIA|EIR)\b", re.I)
# A service standard for each kind of mail: "we aim to reply to e-mails within 15 working days, and
# within 20 where the Act applies", "20 working days - information requests; one month - subject
# access requests". A mailbox says how long each kind takes because it has not read which kind
# arrived; a person handling this request names its one date (round 12).
_PERIOD_RE = re.compile(r"\b(?P<n>\d{1,2}|five|ten|fifteen|twenty|thirty|forty|one|a|two|three)\s+"
                        r"(?:(?:working|calendar|clear|business)\s+)?(?P<unit>days?|months?)\b", re.I)
_OTHER_MAIL_RE = re.compile(
    r"\b(?:subject\s+access|data\s+subjects?|(?:GDPR|UK\s+GDPR|data\s+protection)\s+(?:\w+\s+)?requests?"
    r"|personal\s+(?:data|information)\s+requests?|general\s+(?:enquiries|correspondence|e-?mails)"
    r"|(?:e-?mails|letters|correspondence|enquiries)\s+(?:\w+\s+){0,3}?(?:where|which|that)\s+(?:\w+\s+)?(?:requires?|needs?)"
    r"|replying\s+to\s+(?:e-?mails|letters|correspondence|enquiries)|business\s+as\s+usual)\b",
    re.I,
)


def periods_by_kind(lines: Sequence[str]) -> bool:
    """True when the text gives different times for different kinds of mail, one of them not an
    information request (e-mails in general, subject access requests)."""
    text = " ".join(lines)
    if not _OTHER_MAIL_RE.search(text):
        return False
    periods = {(m.group("n").lower(), m.group("unit").lower().rstrip("s")) for m in _PERIOD_RE.finditer(text)}
    return len(periods) >= 2


_EMERGENCY_RE = re.compile(r"\b(?:999|101)\b(?!\s*/)|\bin\s+(?:the\s+case\s+of\s+)?an\s+emergency\b", re.I)
_AUTOMATIC_RE = re.compile(
    r"\b(?:this\s+is\s+an?\s+)?automat(?:ic|ed|ically)\s+(?:generated\s+)?(?:reply|response|message|e-?mail"
    r"|acknowledge?ment|receipt|notification|confirmation)"
    # "please accept this auto-response as a formal acknowledgement" (round 15)
    r"|\b(?:this|an?)\s+auto[-\s]?(?:response|reply|acknowledge?ment)\b|\bdo\s+not\s+reply\s+to\s+this|\bthis\s+(?:mailbox|inbox|(?:e-?mail\s+)?address)\s+is\s+"
    r"(?:not\s+|no\s+longer\s+)?(?:monitored|in\s+use|checked|staffed)|\bindividual\s+acknowledge?ments?\b|\bno-?reply\b",
    re.I,
)
# "Your e-mail has been received", "acknowledge receipt of your email": mail arrived, whatever it is.
_YOUR_MAIL_RE = re.compile(r"\b(?:your|the)\s+(?:e-?mail|message|correspondence)\b", re.I)
_REQUEST_RE = re.compile(r"\byour\s+(?:\w+\s+){0,3}(?:request|application)\b", re.I)
# They say what was asked: "details of which are outlined below", "asking for information about
# ...", "I note you seek", "in which you ask us for ...", or the request's own words.
_ASKED_RE = re.compile(
    r"\bdetails\s+of\s+which\b|\b(?:asking|requesting)\s+(?:for\s+)?(?:information|details|data|copies)\s+(?:about|on"
    r"|regarding|relating|concerning|of)\b|\byou\s+(?:seek|sought|asked|requested|have\s+asked|have\s+requested)\b"
    r"|\bin\s+which\s+you\s+(?:make\s+a\s+request|ask|request|seek)|^\W*please\s+(?:provide|supply|disclose)\b",
    re.I,
)
# Someone has read it and decided the law it falls under: "your request will now be considered under
# the terms of the Freedom of Information Act", "NHS England has assessed your communication as a
# request under the Act", "which has been treated as a request under the EIR
# instead". (A mailbox says it of whatever arrives only with "if": "if your e-mail
# is a valid request it will be dealt with under the Act"; those sentences are left out.)
_HANDLED_UNDER_RE = re.compile(
    r"\b(?:is|are|was|will\s+(?:now\s+)?be|has\s+(?:now\s+)?been|have\s+(?:now\s+)?been|is\s+(?:now\s+)?being)\s+"
    r"(?:considered|dealt\s+with|handled|processed|assessed|treated|logged|registered)\s+"
    r"(?:as\s+an?\s+(?:valid\s+)?(?:\w+\s+){0,4}?(?:request|application)\b(?!\s+(?:if|once|when))"
    r"|(?:as\s+(?:an?\s+)?(?:valid\s+)?(?:\w+\s+){0,3}?(?:request|application)\s+)?"
    r"(?:under|in\s+(?:line|accordance)\s+with)\s+(?:the\s+)?(?:terms|provisions|requirements)?\s*(?:of\s+)?(?:the\s+)?"
    r"(?:freedom\s+of\s+information|FOI|environmental\s+information|EIR|Act\b|Regulations\b))"
    r"|\b(?:assessed|considered|treated|classed|classified|logged)\s+(?:your|the|this)\s+(?:\w+\s+){0,2}?"
    r"(?:communication|correspondence|e-?mail|letter|message|request|application|enquiry)\s+as\s+an?\s+(?:\w+\s+){0,4}?"
    r"(?:request|application)\b",
    re.I,
)
# ... said of this message: "your request", "this application", "your communication", "it".
_THIS_ONE_RE = re.compile(r"\b(?:your|this)\s+(?:\w+\s+){0,3}?(?:request|application|communication|correspondence"
                          r"|e-?mail|letter|enquiry)\b|\b(?:which|it)\s+(?:is|was|will|has)\b", re.I)
_IF_RE = re.compile(r"\b(?:if|whether|should\s+(?:it|this|your))\b", re.I)
# A ticket system speaking: "a support ticket has been created", "Ticket ID: 48213", "keep the ticket
# number in the subject line". Its number is the system's, given to whatever arrives: it is no
# sign that a person has read the request (round 14).
_TICKET_RE = re.compile(r"\btickets?\b(?:\s+(?:id|no\.?|number|ref(?:erence)?)\b|\s*#|\s+(?:\w+\s+)?(?:has|have)\s+been"
                        r"\s+(?:created|raised|opened|logged|generated))|\b(?:support|service|help\s*desk)\s+ticket\b",
                        re.I)
# A reference assigned: "logged under the above reference", "the references shown below".
_REFERENCE_WORD_RE = re.compile(r"\breferences?\b|\bref\b", re.I)


_QUOTE_START_RE = re.compile(r"^\s*(?:-{2,}\s*original\s+message|-{2,}\s*forwarded|from:\s|on\s.{4,80}\bwrote:\s*$"
                             r"|<blockquote)", re.I)


# A subject that says the message is a machine's: "Auto-acknowledgement - ...", "[Auto-Reply] ...",
# "Acknowledgement of your email (automated)" (round 14).
AUTOMATIC_SUBJECT_RE = re.compile(r"\bauto(?:matic|mated)?[-\s]?(?:acknowledge?ment|reply|response|receipt"
                                  r"|confirmation)|[(\[]\s*(?:automated|automatic|auto[-\s]?reply)\s*[)\]]", re.I)


# Who sent it: a no-reply address is a machine's; "Jane Smith" or jane.smith@... a person's.
_NO_REPLY_RE = re.compile(r"^(?:no-?reply|do-?not-?reply|donotreply|auto-?reply|mailer-daemon|postmaster|bounce)", re.I)
_PERSON_LOCAL_RE = re.compile(r"^[a-z]{2,}[._][a-z]{2,}(?:\d{0,4})$", re.I)
_GENERIC_LOCAL_RE = re.compile(r"foi|freedom|info|disclosure|enquir|contact|admin|team|unit|office|mail|request|data"
                               r"|records|legal|compliance|access|police|support|service|help", re.I)


# A reply this soon after our request was sent is a machine's more often than a person's.
QUICK_MINUTES = 10


@dataclass
class ReceiptEvidence:
    person: float = 0.0
    mailbox: float = 0.0
    for_person: list[str] = field(default_factory=list)
    for_mailbox: list[str] = field(default_factory=list)


def greeted_by_name(lines: Sequence[str]) -> bool:
    """True when the letter greets someone by name ("Dear Mr Blowe")."""
    for line in lines:
        m = _GREETING_RE.match(line)
        if m and not _NOBODY_RE.search(m.group("who").strip()) and re.search(r"[A-Z]", m.group("who")):
            return True
    return False


def signed_by_person(lines: Sequence[str]) -> bool:
    """True when a sign-off is followed by a person's name (not a team's or the force's)."""
    for k, line in enumerate(lines):
        if _SIGNOFF_RE.match(line) and len(line.strip()) <= 40:
            rest = _SIGNOFF_RE.sub("", line, count=1).strip(" ,.\t")
            after = rest or next((ln for ln in lines[k + 1 : k + 4] if ln.strip()), "")
            name = re.split(r"\s*[,|\u2013]\s*|\s+-\s+", after.strip())[0]
            if _NAME_LINE_RE.match(after) and name and not _GROUP_RE.search(name):
                return True
    return False


def sender_kind(from_header: str) -> str | None:
    """"machine" for a no-reply address, "person" for a person's name or address, else None."""
    from email.utils import parseaddr

    name, address = parseaddr(from_header or "")
    local = address.split("@", 1)[0]
    if local and _NO_REPLY_RE.match(local):
        return "machine"
    name = name.strip().strip('"')
    if name and not _GROUP_RE.search(name) and not _GENERIC_LOCAL_RE.search(name) and (
            re.fullmatch(r"[A-Z][a-z'-]+(?:\s+[A-Z]\.?)?(?:\s+[A-Z][a-z'-]+){1,2}", name)
            or re.fullmatch(r"[A-Z][a-z'-]+,\s*[A-Z][a-z'-]+", name)):
        return "person"
    if not name and local and _PERSON_LOCAL_RE.match(local) and not _GENERIC_LOCAL_RE.search(local):
        return "person"
    return None


def own_lines(text: str) -> list[str]:
    """The lines of a message above any earlier message it quotes, without "> " lines."""
    out: list[str] = []
    for line in (text or "").split("\n"):
        if _QUOTE_START_RE.match(line):
            break
        if not line.lstrip().startswith(">"):
            out.append(line.strip())
    return out


def weigh(lines: Sequence[str], sentences: Sequence[str], *, reference: bool, received: bool, reply_by: bool,
          restated: bool, receipt_sentences: Sequence[str], act_named: bool, subject_says_ack: bool,
          mailbox_words: bool, sender: str = "", minutes: float | None = None,
          subject_says_automatic: bool = False) -> ReceiptEvidence:
    """The points for a person handling this request against those for a mailbox's receipt.
    ``sender`` is the From header; ``minutes`` the time since our request was sent. ``lines`` are
    all the authority's own sentences in order, signature included (not our request or quoted
    mail); ``sentences`` its new text and conditionals; ``receipt_sentences`` the sentences that
    acknowledge; the flags are what the rest of the reading found."""
    ev = ReceiptEvidence()

    def person(points: float, why: str) -> None:
        ev.person += points
        ev.for_person.append(why)

    def mailbox(points: float, why: str) -> None:
        ev.mailbox += points
        ev.for_mailbox.append(why)

    ticket = any(_TICKET_RE.search(x) for x in (*sentences, *lines))
    if ticket:
        mailbox(1.5, "a ticket system's number, given to whatever arrives")
    elif reference:
        person(2.0, "their reference")
    elif any(_REFERENCE_WORD_RE.search(x) for x in receipt_sentences):
        person(2.0, "a reference assigned")
    if received:
        person(2.0, "the date they received it")
    if reply_by:
        person(2.0, "the date they will reply by")
    if restated or any(_ASKED_RE.search(x) for x in sentences):
        person(1.5, "says what was asked")
    greeted = greeted_by_name(lines)
    if greeted:
        person(2.0, "greets us by name")
    signed = signed_by_person(lines)
    if signed:
        person(2.0, "signed by a named officer")
    unread = any(_UNREAD_RE.search(x) for x in (*sentences, *lines))
    if not unread and any(_HANDLED_UNDER_RE.search(x) and _THIS_ONE_RE.search(x) and not _IF_RE.search(x)
                          for x in sentences):
        person(2.0, "says which law it is handled under")
    elif act_named:
        person(0.5, "speaks of the Act")
    if subject_says_ack:
        person(0.5, "the subject says acknowledgement")
    who = sender_kind(sender)
    if who == "person":
        person(1.5, "sent by a named person")
    joined = " ".join(sentences)
    if who == "machine":
        mailbox(2.5, "sent from a no-reply address")
    if minutes is not None and 0 <= minutes <= QUICK_MINUTES:
        mailbox(1.5, f"came {minutes:.0f} minutes after our request")
    # (Said anywhere, a notice under the text included: "this mailbox is not monitored".)
    # (Or the subject: "Auto-acknowledgement - ...", "Acknowledgement of your email (automated)".)
    if _AUTOMATIC_RE.search(joined) or any(_AUTOMATIC_RE.search(ln) for ln in lines) or subject_says_automatic:
        mailbox(2.5, "says it is automatic")
    elif mailbox_words:
        mailbox(1.5, "a mailbox's wording")
    if unread:
        mailbox(2.0, "has not yet read what arrived (whether it is a valid request)")
    elif any(_ANY_MAIL_RE.search(s) for s in (*sentences, *lines)):
        mailbox(1.0, "speaks to whatever mail arrives")
    notices = {s for s in (*sentences, *lines) if _SERVICE_NOTICE_RE.search(s)}
    if notices:
        # (A banner above a person's letter says it once; a notice that is the whole message says
        # it over and over: closed, short of staff, priorities, delays.)
        mailbox(1.0 if len(notices) < 2 else 1.5, "a notice about the service, the same for whoever writes")
    if periods_by_kind([*sentences, *lines]):
        mailbox(1.0, "gives the time each kind of mail takes, not this request's date")
    if _EMERGENCY_RE.search(joined) or (len(lines) <= 12 and any(_EMERGENCY_RE.search(ln) for ln in lines)):
        mailbox(1.0, "points to 101 or 999")
    if not greeted and not signed and not any(_ANY_GREETING_RE.match(ln) for ln in lines):
        mailbox(1.5, "greets nobody and is signed by nobody")
    if _YOUR_MAIL_RE.search(joined) and not _REQUEST_RE.search(joined):
        mailbox(0.5, "speaks of an e-mail, not of a request")
    return ev


def verdict(ev: ReceiptEvidence) -> str:
    """"acknowledged", "auto-reply" or "ask"."""
    if ev.person >= 2.0 and ev.mailbox < ev.person + 1.5:
        return "acknowledged"
    if ev.person < 2.0 and ev.mailbox >= ev.person + 1.5:
        return "auto-reply"
    return "ask"


# ---- the acknowledgement's grammar (issue 12, round 9) ------------------------------------------
#
# An acknowledgement says three things, in any order and in many words: thanks for (or receipt of)
# the request; that it was received, logged, passed on or given a reference; and when or that a
# reply will come. Phrase lists matched the templates they were copied from; these are built from
# parts of meaning (synonyms, either voice, padding between), each part bounded to one clause.

_MAIL_NOUN = MAIL_NOUN
# The three meanings are written once, in foi.mail.reading.grammar: THANKS (thanks for the request, or its
# receipt acknowledged), RECEIPT (its receipt, logging, passing on or reference stated) and
# REPLY_DUE (a reply to come); signals.py weighs stricter shapes built from the same parts.
# Extension words: a due date said with these is news of more time, not an acknowledgement's.
# (Its "more time" is narrower than grammar.MORE, without "extra": kept, so no receipt reads otherwise.)
MORE_TIME = (r"\bextend|\bextension|\b(?:more|further|additional)\s+time\b"
             r"|\b(?:a\s+)?(?:further|additional|another)\s+(?:\d{1,2}|ten|twenty)\s+(?:working\s+)?days\b"
             r"|\b10\s*\(\s*3\s*\)|\bdelay|\bapolog"
             r"|\bunable\s+to\s+(?:respond|reply|meet|complete|provide)|\bnew\s+(?:due\s+|target\s+)?date|\brevised"
             r"|\boverdue|\bpublic\s+interest\s+test|\bstill\s+(?:working|considering|collating|gathering)")

# Passed to another body, which will answer itself: a transfer, not this authority's receipt.
ELSEWHERE = (r"\b(?:separate|another|different|other|independent)\s+(?:public\s+)?(?:authority|body|organisation"
             r"|organization|department)|\b(?:reply|respond)\s+(?:to\s+you\s+)?directly\b|\bbetter\s+placed\b"
             r"|\bdo(?:es)?\s+not\s+hold\b|\bis\s+not\s+held\b")
ELSEWHERE_RE = re.compile(ELSEWHERE, re.I)
THANKS_RE = re.compile(THANKS, re.I)
RECEIPT_RE = re.compile(RECEIPT, re.I)
REPLY_DUE_RE = re.compile(REPLY_DUE, re.I)
MORE_TIME_RE = re.compile(MORE_TIME, re.I)
REPLY_TO_COME_RE = re.compile(REPLY_TO_COME, re.I)
WITHIN_TIME_RE = re.compile(WITHIN_TIME, re.I)
# The topic restated after a preposition: "your request about internal reviews and refusals,
# received on ...". What they say it is about is never what they decide.
_TOPIC_RE = re.compile(
    r"(\b(?:request|communication|correspondence|e-?mail|letter|enquiry|inquiry|application|message)"
    r"\s+(?:(?:for|seeking|requesting)\s+(?:\w+\s+)?(?:information|details|data|figures|statistics|copies)\s+)?"
    r"(?:about|regarding|relating\s+to|in\s+relation\s+to|concerning|on\s+the\s+subject\s+of|in\s+respect\s+of"
    r"|with\s+regard\s+to|re:|on\s+(?![0-9])(?!(?:the\s+)?\d)(?!(?:mon|tues|wednes|thurs|fri|satur|sun)day)"
    r"(?!(?:behalf|the\s+same|that|this)\b)))\s+"
    r"[^.;?!,]*?(?=,|\s+(?:which|that|where|as|but|I|we)\b|\s+and\s+(?:I|we|which|has|was|it|is)\b"
    r"|\s+(?:is|are|was|were|has|have|had|will|would|can|could|may|might)\b"
    r"|\s+(?:received|dated|logged|submitted|sent)\b|\s+of\s+\d|[.;?!]|$)",
    re.I,
)


# The request told back after a verb of asking, to the end of the sentence: "thank you for your
# e-mail ..., requesting, under the Act, a list of ... and whether section 41 was relied
# on".
_ASKING_RE = re.compile(r"(,?\s*\b(?:requesting|seeking|asking\s+(?:for|about|whether|how)"
                        r"|in\s+which\s+you\s+(?:ask|request|seek|sought)\w*))\b[^.?!]*", re.I)


def without_topic(sentence: str) -> str:
    """The sentence with the restated topic of a request left out ("your request about refusals,
    received on 3 May" -> "your request about ..., received on 3 May"), when the sentence thanks
    for or acknowledges the request."""
    if not (THANKS_RE.search(sentence) or re.search(r"\byour\s+(?:\w+\s+){0,2}" + _MAIL_NOUN, sentence, re.I)):
        return sentence
    if THANKS_RE.search(sentence):
        sentence = _ASKING_RE.sub(lambda m: m.group(1) + " ...", sentence)
    return _TOPIC_RE.sub(lambda m: m.group(1) + " ...", sentence)


def acknowledgement(sentences: Sequence[str], promises: Sequence[str] = ()) -> list[str]:
    """The sentences that, together, acknowledge a request: thanks for it or receipt of it, its
    receipt, logging, passing on or reference stated, and a reply to come. Empty unless all three
    meanings are there (in one sentence or across several), and the reply to come is not said with
    words of more time. ``promises`` are further sentences that may carry the reply to come only
    (a promise made subject to exemptions is read among the conditionals)."""
    thanks = [s for s in sentences if THANKS_RE.search(s)]
    receipt = [s for s in sentences if RECEIPT_RE.search(without_topic(s))]
    due = [s for s in (*sentences, *promises) if REPLY_DUE_RE.search(s) and not MORE_TIME_RE.search(s)]
    # A full reply promised within the time the law allows presupposes the request arrived: "a complete
    # answer will be with you ... no later than twenty working days after it reached us" (round 10).
    receipt += [s for s in sentences if s not in receipt and s in due and REPLY_TO_COME_RE.search(s)
                and WITHIN_TIME_RE.search(s)]
    if not (thanks or any(re.search(r"\byour\s+(?:\w+\s+){0,3}" + _MAIL_NOUN, s, re.I) for s in receipt)):
        return []
    if not receipt or not due:
        return []
    if any((MORE_TIME_RE.search(s) and not HEDGED_RE.search(s)) or ELSEWHERE_RE.search(s) for s in sentences):
        return []
    out: list[str] = []
    for s in (*thanks, *receipt, *due):
        if s not in out:
            out.append(s)
    return out


# (Not "many thanks for your letter of 2 June": the date a letter bears is when it was
# written or sent, which we know already; only its arrival or logging stated is a receipt, and no
# acknowledgement moves the due date without one: issue 12.)
_OF_DATE_RE = re.compile(r"\b(?:logged|registered|recorded)\s+(?:it\s+)?(?:on\s+)?(?:the\s+)?$", re.I)


def receipt_in_acknowledgement(sentences: Sequence[str], on: date | None = None) -> date | None:
    """The receipt an acknowledgement states without the word "received": the day it was logged
    ("which we logged on 12 May"). Never a date after ``on``, the acknowledgement's own date."""
    from foi.mail.reading.dates import dates_in

    for s in sentences:
        for pos, d in dates_in(s, on):
            if _OF_DATE_RE.search(s[max(0, pos - 80) : pos]) and (on is None or d <= on):
                return d
    return None


# ---- what is done to the request's record (round 12) ---------------------------------------------
#
# A short note that only acts on the case file: the reference given, changed or corrected ("the
# reference for your request is now 12-34", "please note the correct case number is ...", "we
# have allocated your request the number ..."), or our further question taken into the request
# ("I will add this to your request", "your extra question has been included with the original
# request"). It receives and files; it decides nothing, so it is an acknowledgement.
_CASE_NUMBER = r"(?:reference|ref\b|case\s+number|request\s+number|case\s+ref\w*)"
_RECORD_ACT = (
    # the reference given or changed
    r"\b(?:the|your|our|its|an?)\s+(?:\w+\s+){0,2}?" + _CASE_NUMBER + r"\s+(?:number\s+)?(?:for|of|on|assigned\s+to"
    r"|given\s+to)\s+(?:your|this|the)\s+(?:\w+\s+){0,4}?" + MAIL_NOUN
    # (a number follows: "is 31-24"; not "is shown above")
    + r"\s+(?:(?:is|will\s+be)\s+(?=[^.;]{0,12}\d)|has\s+(?:now\s+)?(?:been\s+changed\s+to|changed\s+to|become)"
    r"|should\s+(?:be|have\s+been)|now\s+is|is\s+now)"
    r"|\b(?:correct|change|amend|update|re-?issue)\w*\s+(?:\w+\s+){0,3}?" + _CASE_NUMBER
    + r"|\b" + _CASE_NUMBER + r"\s+(?:\w+\s+){0,3}?(?:has\s+been|was|is\s+now|have\s+been)\s+(?:corrected|changed"
    r"|amended|updated|re-?issued)\b"
    r"|\bthe\s+correct\s+(?:\w+\s+)?" + _CASE_NUMBER + r"\b"
    r"|\b(?:allocated|assigned|given|issued)\s+(?:(?:it|this|your\s+\w+)\s+)?(?:the|a|an)\s+(?:new\s+|unique\s+)?"
    + _CASE_NUMBER
    # the person now handling it: "I am currently acting as information manager for your enquiry",
    # "I am the officer dealing with your request"
    + r"|\bI\s+(?:am|have\s+been)\s+(?:currently\s+|now\s+)?(?:(?:acting|appointed|assigned|allocated)\s+as\s+"
    r"(?:the\s+|your\s+)?(?:[\w-]+\s+){0,3}?(?:for|on|to)|(?:the|your)\s+(?:[\w-]+\s+){0,3}?(?:officer|manager"
    r"|handler|contact|adviser|advisor)\s+(?:for|handling|dealing\s+with|on)|(?:handling|dealing\s+with))\s+"
    r"your\s+(?:[\w-]+\s+){0,3}?(?:request|enquiry|application|case)\b"
    # our further words taken into the request
    + r"|\b(?:I|we)\s+(?:will|shall|'ll|have|can|am\s+going\s+to)\s+(?:now\s+|also\s+|gladly\s+)?(?:add(?:ed)?"
    r"|include[ds]?|append(?:ed)?|incorporate[ds]?|attach(?:ed)?|merge[ds]?|combine[ds]?|log(?:ged)?)\s+"
    r"(?:[\w'-]+\s+){0,4}?(?:to|into|with|as\s+part\s+of)\s+(?:your|the|this)\s+(?:\w+\s+){0,2}?(?:request|case"
    r"|application|enquiry)\b"
    r"|\b(?:question|point|query|questions|points|queries|request|it|this|these)\s+(?:\w+\s+){0,2}?(?:has|have|will)"
    r"\s+(?:now\s+)?(?:been|be)\s+(?:added|included|appended|incorporated|attached|merged|combined)\s+(?:to|into|with"
    r"|in)\s+(?:your|the|this)\s+(?:\w+\s+){0,2}?(?:request|case|application|enquiry)\b"
)
RECORD_ACT_RE = re.compile(_RECORD_ACT, re.I)


# Thanks for the request, with the number it was filed under: "Thank you for your FOI request -
# Reference FOI-1234", "thanks for your enquiry, which has been logged as 12200".
_FILED_AS_RE = re.compile(r"\b(?:reference|ref|case\s+number|logged\s+(?:under|as))\b(?:\s+(?:number|no\.?|the\s+above"
                          r"\s+reference))?[\s:#.-]{0,4}[A-Z]{0,6}[/-]?\d", re.I)


def record_acts(sentences: Sequence[str]) -> list[str]:
    """The sentences that only act on the request's record (a reference given or corrected, a
    further question added to the request, thanks for it under the number it was filed as),
    outside any condition."""
    return [s for s in sentences
            if (RECORD_ACT_RE.search(s) or (THANKS_RE.search(s) and _FILED_AS_RE.search(s)))
            and not re.search(r"\b(?:if|unless|whether)\b", s, re.I)]


# An answer announced: "please find the force's response set out below", "our answers are as
# follows", "Response:" heading the text. A receipt says a reply will come; this says it is here.
ANSWER_ANNOUNCED_RE = re.compile(
    r"\b(?:find|see|is|are|sets?\s+out|provides?|gives?)\s+(?:\w+\s+){0,4}?(?:response|reply|answer|responses|answers"
    r"|replies)\s+(?:\w+\s+){0,3}?(?:set\s+out\s+)?(?:below|as\s+follows|overleaf|here)\b"
    r"|\b(?:response|reply|answer|responses|answers|replies)\s+(?:\w+\s+){0,4}?(?:is|are)\s+(?:now\s+)?"
    r"(?:set\s+out\s+|given\s+|provided\s+|shown\s+)?(?:below|as\s+follows|overleaf)\b"
    r"|^\W*(?:our\s+|force\s+|the\s+)?(?:response|answer|reply)s?\s*[:\u2013]|^\W*(?:response|answer|reply)s?\s*-\s"
    # "your request is set out below together with our response", "the questions follow, each with
    # its answer"
    r"|\b(?:below|above|follows?)\s*,?\s+(?:together\s+|along\s+)?(?:with|alongside|beside)\s+(?:the|our|my|its|their|each)"
    r"\s+(?:\w+\s+)?(?:response|reply|answer|responses|answers|replies)\b"
    # "Below are the questions raised in your request, and our response" (round 15)
    r"|\b(?:below|set\s+out\s+below)\s+(?:are|is)\s+(?:\w+\s+){1,8}?(?:and|with|together\s+with)\s+(?:our|the|my|its)"
    r"\s+(?:\w+\s+)?(?:response|reply|answer|responses|answers|replies)\b(?!\s+(?:will|shall|to\s+follow|is\s+due))"
    # "I will deal with your questions in the order they came"
    r"|" + ANSWER_PREFACE,
    re.I,
)


def answer_announced(sentences: Sequence[str]) -> list[str]:
    """The sentences that announce the answer as given here (not to come)."""
    return [s for s in sentences if ANSWER_ANNOUNCED_RE.search(s)]


# A receipt in other words (round 15): "Thank you for your Freedom of Information Act request,
# received on 12 April"; "Your request number is CRN0042", "your unique reference number is FOI 31".
# And the due date it promises said to be the statutory one: "you should receive a reply on or
# before 19/02/2018. This will be 20 working days since your original request".
_RECEIPT_WORDS = (
    (re.compile(r"\bthank\s+you\s+for\s+your\s+(?:[\w-]+\s+){1,5}?(?:request|e-?mail|enquiry|letter),?\s+"
                r"(?:which\s+(?:was|we)\s+)?received\s+(?:by\s+\w+\s+)?on\b"
                r"|\byour\s+(?:unique\s+)?(?:request|case|reference)\s+(?:number|reference|ref\.?)\s+is\b"
                # "I apologise for the delay in acknowledging your email received 24 November"
                r"|\b(?:delay|late)\s+in\s+acknowledging\s+your\s+(?:e-?mail|request|letter|complaint|correspondence|message)\b",
                re.I), 1.0),
    (re.compile(r"\b(?:20|twenty)\s+working\s+days\s+(?:since|from|after)\s+(?:the\s+)?(?:date\s+of\s+)?"
                r"(?:your\s+(?:original\s+)?(?:request|e-?mail)|receipt)\b", re.I), 1.5),
)


def receipt_words(sentences: Sequence[str]) -> tuple[float, list[str]]:
    """The weight of receipt words no answer uses on its own, and the sentences saying them. The
    caller counts them only for a letter that gives nothing: "Thank you for your FOI request,
    received on 2 May. In 2023 we issued 5,090 notices" thanks, then answers."""
    weight, said = 0.0, []
    for s in sentences:
        best = max((w for rx, w in _RECEIPT_WORDS if rx.search(s)), default=0.0)
        if best:
            weight += best
            said.append(s)
    return weight, said
