"""Gather the evidence of one reply: its reading in context, attachments, dates, reference and scores."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from email.utils import parsedate_to_datetime

from foi.mail.reading.answers import found_instead, leads_to_answers, narrative_facts, told
from foi.mail.reading.attachments import is_data_attachment
from foi.mail.reading.dates import deadline_in, stated_receipt
from foi.mail.reading.decisions import DUE_MOVED_RE, PIT_DONE_RE, PIT_TODO_RE, PROMISE_RE, late_promise, own_words
from foi.mail.reading.grammar import ASKS_US
from foi.mail.reading.logs import clarification_logged, figure_lines, figures_said, ground_headings
from foi.mail.reading.receipts import (
    AUTOMATIC_SUBJECT_RE,
    ReceiptEvidence,
    acknowledgement,
    own_lines,
    receipt_in_acknowledgement,
    receipt_words,
    without_topic,
)
from foi.mail.reading.receipts import weigh as weigh_receipt
from foi.mail.reading.references import find_case_number, find_force_reference
from foi.mail.reading.scoring import score
from foi.mail.reading.sections import collect_sections, counts_outcomes, named_only, not_relied_on, with_rules_met
from foi.mail.reading.segments import Reading, read_message
from foi.mail.reading.signals import ACK_SUBJECT_RE, FORMAL_REFUSAL_RE, NCND_RE, REDIRECT_RE, SALUTATION_RE, SPECIFIC_RE


def header(headers: Mapping[str, str] | None, name: str) -> str:
    """The value of header `name` (lower case), whatever case the mail wrote it in; "" when absent."""
    if not headers:
        return ""
    for key, value in headers.items():
        if key.lower() == name:
            return str(value or "")
    return ""


def _minutes_after(headers: Mapping[str, str] | None, request_sent: datetime | None) -> float | None:
    """Minutes from our request's sending to this reply's Date header, when both are known."""
    if request_sent is None:
        return None
    try:
        sent = parsedate_to_datetime(header(headers, "date"))
        ours = request_sent if request_sent.tzinfo else request_sent.replace(tzinfo=UTC)
        sent = sent if sent.tzinfo else sent.replace(tzinfo=UTC)
        return (sent - ours).total_seconds() / 60.0
    except (TypeError, ValueError, IndexError):
        return None


def _date_header(headers: Mapping[str, str] | None) -> date | None:
    try:
        return parsedate_to_datetime(header(headers, "date")).date()
    except (TypeError, ValueError, IndexError):
        return None


# A question the authority puts to us (grammar.ASKS_US), not one of ours pasted back.
ASKS_US_RE = re.compile(ASKS_US, re.I)
_MAILBOX_IF_RE = re.compile(r"^\W*if\s+your\s+(?:e-?mail|message|correspondence|enquiry|query)\s+(?:relates|is|concerns"
                            r"|contains|was)\b", re.I)
_PROMISE_RE = re.compile(r"\b(?:respond\w*|response|repl(?:y|ies|ying)|decision|deadline|due|date)\b", re.I)


# What a person handling an FOI request writes and a mailbox's receipt does not.
_FOI_WORDS_RE = re.compile(r"\b(?:20|twenty)\s+working\s+days|\bfreedom\s+of\s+information|\bFOI\b", re.I)


def receipt_evidence(text: str, reading: Reading, subject: str, sender: str, *, force_ref: str | None,
                     received: date | None, ack_new: Sequence[str], sent_on: date | None,
                     mailbox_words: bool, minutes: float | None = None) -> ReceiptEvidence:
    """The structural evidence for a person's acknowledgement against a mailbox's receipt."""
    own = reading.of("new", "conditional")
    lines = [s.text for s in reading.sentences if s.role not in ("request", "quoted")] + [""] + own_lines(text)
    return weigh_receipt(
        lines, own, reference=bool(force_ref), received=bool(received),
        reply_by=bool(deadline_in(ack_new, sent_on)), restated=reading.restated > 0,
        receipt_sentences=ack_new, mailbox_words=mailbox_words, act_named=bool(_FOI_WORDS_RE.search("\n".join(own))),
        subject_says_ack=bool(ACK_SUBJECT_RE.search(subject)), sender=sender, minutes=minutes,
        subject_says_automatic=bool(AUTOMATIC_SUBJECT_RE.search(subject or "")))


def new_date(extending: Sequence[str], new: Sequence[str], own: Sequence[str], sent_on: date | None) -> date | None:
    """The date an extension letter says it will answer by: in the sentences that extend, else in
    any of its new sentences about replying or the deadline ("The new deadline is 31 March"). A
    date written without its year takes it from the message's date, else from the letter's own
    latest full date. The date is the one they state; none is computed from "a further 20 days"."""
    return (deadline_in(extending, sent_on, anchor=own)
            or deadline_in([s for s in new if _PROMISE_RE.search(s)], sent_on, anchor=own))


# The generic clause of a description: "an authority need not comply with a request".
_DESCRIBES_CLAUSE_RE = re.compile(r"\b(?:an?|any|the)\s+(?:public\s+)?authorit(?:y|ies)\b[^.;]{0,80}"
                                  r"|\bpublic\s+authorities\b[^.;]{0,80}", re.I)
_REASONS_BELOW_RE = re.compile(r"\b(?:grounds?|reasons?|exemptions?|explanation|arguments?)\b[^.]{0,60}"
                               r"\b(?:set\s+out|detailed|explained|given|listed|outlined)\s+(?:below|above|as\s+follows)",
                               re.I)
_MORE_WITHHELD_RE = re.compile(r"\b(?:holds?|held)\s+(?:addition(?:al)?|further|other|more)\s+information\b[^.]{0,80}"
                               r"\b(?:not\s+obliged|exempt|withheld|cannot|will\s+not|not\s+(?:be\s+)?(?:disclosed|provided"
                               r"|supplied|released))", re.I)


def more_withheld(sentences: Sequence[str]) -> list[str]:
    """"The force holds additional information, but I am not obliged to supply it": more than was
    given is held back, so something was given."""
    return [s for s in sentences if _MORE_WITHHELD_RE.search(s)]


# What the law allows any authority: a modal of permission, then "whenever / where / if" or the
# authority in general ("an authority", "public authorities").
_ALLOWANCE_RE = re.compile(r"\b(?:can|may|could)\s+(?:\w+\s+){0,2}?be\s+(?:legitimately\s+|lawfully\s+|properly\s+)?"
                           r"(?:applied|extended|used|taken|claimed)\b[^.]{0,60}\b(?:whenever|wherever|where\s+an?|if\s+an?"
                           r"|(?:an?|any)\s+(?:public\s+)?authority|public\s+authorities)\b", re.I)
_GENERIC_RE = re.compile(r"\b(?:usually|normally|generally|typically|routinely|ordinarily)\b", re.I)


@dataclass
class Gathered:
    """What one reply says, read in context: its new text, scored, with the evidence around it.

    Every later stage of :func:`foi.mail.classify.classify` reads from it; the score and evidence
    dicts are adjusted in place by the weighing, as they were when all stages shared one scope."""

    subject: str
    text: str
    headers: Mapping[str, str] | None
    has_data: bool  # a data attachment
    unseen_docs: bool  # a document attached that we cannot see into
    letters: list[tuple[str, str]]  # (name, text) of attached letters we could read
    reading: Reading
    new: list[str]  # the authority's new sentences, with our restated topic taken out
    cited: list[str]  # the sections `new` cites (collect_sections)
    verbatim: dict[str, str]  # each of `new` back to the sentence as written, for quoting
    own: list[str]  # all their own sentences (new, history, conditional, boilerplate, annex)
    force_ref: str | None
    sent_on: date | None
    after_request: float | None  # minutes after our request was sent
    received: date | None  # the date of receipt they state
    scores: dict[str, float]
    evidence: dict[str, list[str]]
    acked: list[str]  # sentences of an acknowledgement
    headed: list[str]  # a disclosure log's ground headings
    body_only: list[str]  # `new` without the salutation
    pit_todo: list[str]  # a public interest test still to come
    ack_new: list[str]  # the acknowledgement's new sentences
    case_marks: list[str]  # what of this case an acknowledgement names
    specific: bool
    # The evidence for each rival status (set by foi.mail.reading.weighing; read by foi.mail.reading.verdict).
    rival_evidence: dict[str, bool] = field(default_factory=dict)
    # The independent kinds of withholding evidence of a final answer (set by foi.mail.reading.arbitrate;
    # read by foi.mail.reading.calibration through foi.mail.reading.verdict).
    withheld_kinds: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class Reply:
    """One reply as :func:`foi.mail.classify.classify` receives it: the one input of :func:`gather`.

    ``attachment_texts`` are the texts of attached letters (from
    :func:`foi.mail.text.attachment_text`), in the order of ``attachment_names`` when both are
    given. ``request_text`` is our request as sent, when known: wherever they quote it, it is
    never read as theirs. ``request_sent`` is when it was sent (its Date): a receipt that arrives
    within minutes of it is a machine's more likely than a person's."""

    subject: str
    text: str
    attachment_names: Sequence[str] = ()
    attachment_texts: Sequence[str] = ()
    headers: Mapping[str, str] | None = None
    request_text: str | None = None
    request_sent: datetime | None = None


def gather(reply: Reply) -> Gathered:
    """Gather the evidence of one reply (see :func:`foi.mail.classify.classify`)."""
    text, attachment_names, headers = reply.text, reply.attachment_names, reply.headers
    request_text, request_sent = reply.request_text, reply.request_sent
    subject = reply.subject or ""
    texts = list(reply.attachment_texts)
    paired = len(texts) == len(attachment_names)
    data_flags = [
        is_data_attachment(name, texts[i] if paired else None) for i, name in enumerate(attachment_names)
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

    scores, evidence = score(new)
    # "You may wish to ask the Home Office, which may hold some of the information": another body's
    # holdings say nothing of what this one gives or withholds (round 6).
    # Nor does what the force usually does ("such records are usually published in redacted form").
    # And a sentence saying no exemption is applied refuses nothing ("would normally be exempt, but
    # as none is held no exemption has been applied").
    for s_ in (x for x in new if not_relied_on(x)
               and not re.search(r"\b(?:but|however)\b[^.]*\b(?:section|s\.)\s*\d", x, re.I)):
        s_scores, _ = score([s_])
        for kind in ("refused", "firm"):
            if s_scores[kind]:
                scores[kind] -= s_scores[kind]
                evidence[kind] = [x for x in evidence[kind] if x != s_]
    # "Where an authority is still weighing the public interest, a further 20 working days may be
    # taken": the law's allowance for any authority, not more time taken here
    # (round 10).
    for s_ in (x for x in new if _ALLOWANCE_RE.search(x)):
        s_scores, _ = score([s_])
        if s_scores["extended"]:
            scores["extended"] -= s_scores["extended"]
            evidence["extended"] = [x for x in evidence["extended"] if x != s_]
    # "How many requests have been refused on cost grounds?" printed above its answer: our question,
    # which refuses, withholds and gives nothing (round 8). A question they put to us is theirs.
    # Nor do figures about other requests' outcomes ("21 per cent were refused in full").
    for s_ in (x for x in new if (x.rstrip().endswith("?") and not ASKS_US_RE.search(x)
                                  and not re.search(r"\b(?:we|us|our)\b", x, re.I)) or counts_outcomes(x)):
        s_scores, _ = score([s_])
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
        s_scores, _ = score([s_])
        for kind in ("refused", "firm"):
            if s_scores[kind]:
                scores[kind] -= s_scores[kind]
                evidence[kind] = [x for x in evidence[kind] if x != s_]
    # "There are other grounds for refusing, which are set out below": what is set out is the
    # reasons, not information (round 8).
    for s_ in (x for x in new if _REASONS_BELOW_RE.search(x)):
        s_scores, _ = score([s_])
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
        s_scores, _ = score([s_])
        for kind in ("partial", "scoped"):
            if s_scores[kind]:
                scores[kind] -= s_scores[kind]
                evidence[kind] = [x for x in evidence[kind] if x != s_]
    # History ("Following your clarification, please find attached ...") may still give the news
    # that information is attached; it never asks, refuses, extends or acknowledges.
    # Thanks for the request, its receipt (logged, passed on, a reference given) and a reply to come:
    # an acknowledgement, whose due date is the statutory one, not more time (round 9).
    # Receipt words in other words count only in a letter that states no fact of an answer (round 15).
    if max(scores["data"], scores["firm"], scores["not-held"], scores["refused"], scores["partial"]) < 1.5 \
            and not narrative_facts(new):
        weight, said = receipt_words(new)
        scores["acknowledged"] += weight
        evidence["acknowledged"] += [x for x in said if x not in evidence["acknowledged"]]
    acked = acknowledgement(new, reading.of("conditional"))
    if acked and scores["data"] < 1.5 and scores["firm"] < 1.5 and scores["not-held"] < 1.5:
        s_scores, _ = score(acked)
        scores["extended"] -= s_scores["extended"]
        evidence["extended"] = [x for x in evidence["extended"] if x not in acked]
        scores["acknowledged"] += 2.0
        received = received or receipt_in_acknowledgement(acked, sent_on)
        evidence["acknowledged"] = acked[:2] + [x for x in evidence["acknowledged"] if x not in acked[:2]]
    # A disclosure log's heading naming the ground ("Section 21 - Information accessible by other
    # means") above its explanation is the decision to withhold; its field "Clarification sought on
    # <date>: ..." records a question put to us (foi.mail.reading.logs; round 9).
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
    # "Nothing on X turned up; we did, though, come across a related memo": found.
    instead = found_instead(new)
    if instead:
        missing = [x for x in evidence["not-held"] if x in new and new.index(x) <= new.index(instead[0])]
        nh_scores, _ = score(missing)
        scores["not-held"] -= nh_scores["not-held"]
        evidence["not-held"] = [x for x in evidence["not-held"] if x not in missing]
        scores["data"] += 2.0
        evidence["data"] = [instead[0], *(x for x in evidence["data"] if x != instead[0])]
    for s_ in clarification_logged(new):
        scores["clarification"] += 2.0
        evidence["clarification"] = [s_, *(x for x in evidence["clarification"] if x != s_)]
    past_scores, past_evidence = score(reading.of("history"))
    for kind in ("data", "held"):
        scores[kind] += past_scores[kind]
        evidence[kind] += past_evidence[kind]
    # "If your e-mail is a request for information, it will be dealt with within 20 working days":
    # a mailbox's promise about whatever arrives, not an acknowledgement of this request.
    mailbox_if = [s for s in reading.of("conditional") if _MAILBOX_IF_RE.search(s)]
    pool_scores, pool_evidence = score([s for s in reading.of("conditional") if s not in mailbox_if])
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
    return Gathered(subject=subject, text=text, headers=headers, has_data=has_data,
                    unseen_docs=unseen_docs, letters=letters, reading=reading, new=new,
                    cited=with_rules_met(collect_sections(new), [(x.role, x.text) for x in reading.sentences]),
                    verbatim=verbatim, own=own, force_ref=force_ref, sent_on=sent_on,
                    after_request=after_request, received=received, scores=scores,
                    evidence=evidence, acked=acked, headed=headed, body_only=body_only,
                    pit_todo=pit_todo, ack_new=ack_new, case_marks=case_marks, specific=specific)
