"""Read a public body's reply to an FOI request and say what kind of reply it is.

Everything here is a pure function of the text: no database, no clock. The inbox importer
feeds it the mail's subject, text, headers and the text of attached letters, and records the
result as an event. A wrong automatic status change is worse than asking the user, so the
classifier answers ``needs-review`` whenever the signals are weak or point two ways, and it
always returns the sentence(s) it relied on as evidence.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from email.message import EmailMessage

from foi.mail.dates import deadline_in
from foi.mail.references import find_force_reference
from foi.mail.sections import collect_sections, sections_in_sentence
from foi.mail.sentences import is_boilerplate, is_conditional, split_sentences, tabular_lines
from foi.mail.signals import (
    AUTO_BODY_RE,
    AUTO_SUBJECT_RE,
    MAINTAIN_RE,
    NCND_RE,
    OVERTURN_RE,
    SALUTATION_RE,
    SIGNALS,
    UPHELD_RE,
)
from foi.mail.text import drop_restated_request, html_to_text, looks_like_html, message_parts, strip_quoted

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


# ---------------------------------------------------------------------------------------------
# Attachments


_DATA_EXT = frozenset({"xlsx", "xlsm", "xls", "xlsb", "csv", "tsv", "ods", "zip", "json"})
_DOC_EXT = frozenset({"pdf", "docx", "doc", "odt", "rtf", "txt", "htm", "html"})
_LETTERISH_RE = re.compile(
    r"letter|notice|refus|acknowledg|\back\b|cover|appeal|complaint|rights|review|extension|clarif|"
    r"decision|reply|response|outcome|signature|logo|disclaimer",
    re.I,
)
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
    return None if not _LETTERISH_RE.search(name) else False



# ---------------------------------------------------------------------------------------------
# Classification


def _clip(sentences: Sequence[str], limit: int = 300) -> str:
    out = ""
    for s in dict.fromkeys(re.sub(r"\s+", " ", s).strip() for s in sentences):
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


def classify(
    subject: str,
    text: str,
    attachment_names: Sequence[str] = (),
    attachment_texts: Sequence[str] = (),
    headers: Mapping[str, str] | None = None,
) -> Classification:
    """Classify one reply. ``attachment_texts`` are the texts of attached letters (from
    :func:`foi.mail.text.attachment_text`), in the order of ``attachment_names`` when both are given."""
    subject = subject or ""
    text = text or ""
    if looks_like_html(text):
        text = html_to_text(text)
    body = drop_restated_request(strip_quoted(text))
    texts = list(attachment_texts)
    letters = [drop_restated_request(strip_quoted(t)) for t in texts if t and t.strip()]
    full = "\n\n".join([body, *letters])
    force_ref = find_force_reference(full, subject)

    # Attachments: spreadsheets carry data; PDFs/Word files carry data unless they read as letters.
    paired = len(texts) == len(attachment_names)
    data_flags = [
        _is_data_attachment(name, texts[i] if paired else None) for i, name in enumerate(attachment_names)
    ]
    has_data = any(flag is True for flag in data_flags)
    unseen_docs = any(flag is None for flag in data_flags)

    sentences = split_sentences(full)
    sections = collect_sections(sentences)
    ncnd_sentences = [s for s in sentences if NCND_RE.search(s) and not is_boilerplate(s)]
    ncnd = bool(ncnd_sentences)

    def result(kind: str, evidence: Sequence[str], confidence: float) -> Classification:
        auto_kind = kind == "auto-reply"  # an automatic reply decides nothing, whatever it quotes
        return Classification(
            kind=kind,
            sections=[] if auto_kind else sections,
            ncnd=False if auto_kind else ncnd,
            force_reference=force_ref,
            until=until if kind == "extended" else None,
            evidence=_clip(evidence),
            confidence=round(max(0.0, min(1.0, confidence)), 2),
            has_data_attachment=has_data,
        )

    until: date | None = None
    auto = _auto_reply(subject, headers)
    if auto:
        return result("auto-reply", [auto], 0.97)

    scores: dict[str, float] = defaultdict(float)
    evidence: dict[str, list[str]] = defaultdict(list)
    for sentence in sentences:
        if is_boilerplate(sentence):
            continue
        factor = 0.25 if is_conditional(sentence) else 1.0
        hit: set[str] = set()
        for kind, rx, weight in SIGNALS:
            if kind in hit or not rx.search(sentence):
                continue
            hit.add(kind)
            scores[kind] += weight * factor
            if factor == 1.0:
                evidence[kind].append(sentence)
        if factor == 1.0 and sections_in_sentence(sentence):
            # A sentence that names an exemption is evidence of a refusal, a little.
            scores["refused"] += 0.75
            if "refused" not in hit:
                evidence["refused"].append(sentence)
    if ncnd:
        scores["refused"] += 2.5
        evidence["refused"] = ncnd_sentences[:1] + [s for s in evidence["refused"] if s not in ncnd_sentences[:1]]

    # Salutations are no evidence of anything.
    body_only = [s for s in split_sentences(body) if not SALUTATION_RE.match(s)]
    if not sentences or (
        AUTO_BODY_RE.search(body)
        and not any(scores[k] >= 1.5 for k in ("acknowledged", "data", "refused", "not-held"))
    ):
        if AUTO_BODY_RE.search(body):
            return result("auto-reply", [s for s in body_only if AUTO_BODY_RE.search(s)][:1], 0.8)
        return result("needs-review", body_only[:1] or [subject], 0.1)

    tabular = tabular_lines(full) >= 3
    data_score = scores["data"] + (2.0 if has_data else 0.0) + (1.5 if tabular else 0.0)
    data_present = has_data or tabular or scores["data"] >= 2.0
    if data_present and not evidence["data"] and has_data:
        evidence["data"] = [s for s in body_only if re.search(r"\battach|\benclos", s, re.I)][:1]

    # 1. Internal review outcomes.
    if scores["review"] >= 1.0:
        up: list[str] = []
        over: list[str] = []
        for s in sentences:
            if is_boilerplate(s):
                continue
            for m in UPHELD_RE.finditer(s):
                subj = (m.group("subj") or m.group("subj2") or m.group("what") or m.group("subj3") or "").lower()
                neg = (m.group("neg") or m.group("neg2") or "").lower()
                if "partial" in neg or "part" in neg:
                    up.append(s)
                    over.append(s)
                    continue
                complaint = subj in ("complaint", "appeal", "request", "application", "your")
                # "your complaint is upheld" means the force was wrong; "the decision is upheld"
                # means it was right.
                (over if complaint != bool(neg) else up).append(s)
            if MAINTAIN_RE.search(s):
                up.append(s)
            if OVERTURN_RE.search(s):
                over.append(s)
        up = list(dict.fromkeys(up))
        over = list(dict.fromkeys(over))
        review_ev = evidence["review"][:1]
        if up and not over:
            return result("review-upheld", up[:1] + review_ev, 0.85)
        if over and not up:
            return result("review-overturned", over[:1] + review_ev, 0.85)
        return result("needs-review", (up[:1] + over[:1]) or review_ev, 0.3)

    # 2. Final answers.
    refusal = scores["refused"]
    exempting = ncnd or refusal >= 2.0 or (bool(sections) and refusal >= 1.5)
    not_held = scores["not-held"] >= 1.5
    final: str | None = None
    final_ev: list[str] = []
    final_score = 0.0
    if data_present and exempting:
        final, final_ev = "partial", evidence["data"][:1] + evidence["refused"][:1]
        final_score = min(data_score, refusal) + 1
    elif data_present:
        final, final_ev, final_score = "responded", evidence["data"][:2], data_score
    elif exempting:
        final, final_ev, final_score = "refused", evidence["refused"][:2], refusal
    elif not_held:
        final, final_ev, final_score = "not-held", evidence["not-held"][:2], scores["not-held"]

    # 3. Interim letters. An earlier-stage wording inside a later-stage letter ("we received
    # your request on ...", s.16 advice to narrow the request) must not pull it back.
    interim = {k: scores[k] for k in ("extended", "clarification", "acknowledged")}
    ext, clar, ack = interim["extended"], interim["clarification"], interim["acknowledged"]

    if final is not None:
        rival = max(ext, clar)
        data_in_hand = has_data and final in ("responded", "partial")
        if rival >= 2.0 and rival >= final_score and not data_in_hand:
            k = "extended" if ext >= clar else "clarification"
            if (
                final_score < 1.5
                or (final == "refused" and not ncnd and refusal < 3.0 and rival >= refusal + 1.5)
                or (final == "not-held" and rival >= 2 * final_score)
            ):
                # A letter about an extension to weigh the public interest cites the exemption
                # being considered; that is not a refusal yet.
                until = deadline_in(evidence["extended"]) if k == "extended" else None
                return result(k, evidence[k][:2], 0.6)
            return result("needs-review", final_ev[:1] + evidence[k][:1], 0.35)
        if final in ("responded", "partial") and not has_data and not tabular and unseen_docs:
            # "Please find attached our response" with a PDF we cannot read: could be a refusal.
            return result("needs-review", final_ev or body_only[:1], 0.35)
        if final == "refused" and not_held and not sections and not ncnd:
            return result("needs-review", final_ev[:1] + evidence["not-held"][:1], 0.35)
        confidence = 0.55 + 0.08 * final_score - (0.1 if rival >= 1.5 else 0.0)
        if final_score < 1.5:
            return result("needs-review", final_ev or body_only[:1], 0.3)
        return result(final, final_ev, min(0.95, confidence))

    if unseen_docs and not any(v >= 1.5 for v in interim.values()):
        return result("needs-review", body_only[:1], 0.3)
    if ext >= 1.5 and clar >= 1.5:
        return result("needs-review", evidence["extended"][:1] + evidence["clarification"][:1], 0.3)
    if ext >= 1.5:
        until = deadline_in(evidence["extended"]) or deadline_in(
            [s for s in sentences if re.search(r"\b(?:respond|response|reply)\b", s, re.I) and not is_boilerplate(s)]
        )
        return result("extended", evidence["extended"][:2], min(0.95, 0.55 + 0.08 * ext))
    if clar >= 1.5:
        return result("clarification", evidence["clarification"][:2], min(0.95, 0.55 + 0.08 * clar))
    if ack >= 1.5:
        return result("acknowledged", evidence["acknowledged"][:2], min(0.95, 0.55 + 0.08 * ack))
    weak = sorted(((v, k) for k, v in scores.items() if v > 0 and evidence[k]), reverse=True)
    return result("needs-review", [evidence[k][0] for _, k in weak[:2]] or body_only[:1], 0.2)


def classify_message(msg: EmailMessage) -> Classification:
    """:func:`classify` a parsed mail (``email.message_from_bytes(data, policy=email.policy.default)``)."""
    subject, text, names, texts, headers = message_parts(msg)
    return classify(subject, text, names, texts, headers)
