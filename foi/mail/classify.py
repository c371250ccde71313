"""Read a public body's reply to an FOI request and say what kind of reply it is.

Everything here is a pure function of the text: no database, no clock. The inbox importer
feeds it the mail's subject, text, headers and the text of attached letters, and records the
result as an event. A wrong automatic status change is worse than asking the user, so the
classifier answers ``needs-review`` whenever the signals are weak or point two ways, and it
always returns the sentence(s) it relied on as evidence.
"""

from __future__ import annotations

import html
import io
import re
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from email.message import EmailMessage
from html.parser import HTMLParser
from pathlib import Path

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

# FOIA Part II grounds a police force actually refuses under, plus the procedural refusals
# (s.12 cost, s.14 vexatious/repeated). Other section numbers in a reply are duties or advice
# (s.1, s.10, s.16, s.17, s.50) or belong to other Acts and are not refusal grounds.
REFUSAL_SECTIONS = frozenset({"12", "14", "21", "22", "23", "24", "30", "31", "38", "40", "41", "42", "43"})


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
# HTML and quoted text


class _TextExtractor(HTMLParser):
    _BLOCK = frozenset(
        {"p", "div", "tr", "li", "h1", "h2", "h3", "h4", "h5", "h6", "table", "ul", "ol", "hr",
         "blockquote", "section", "article", "header", "footer", "pre", "address", "dl", "dt", "dd"}
    )
    _DROP = frozenset({"script", "style", "head", "title", "noscript", "template"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._drop_depth = 0
        self._quote_depth = 0
        self._pre_depth = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self._DROP:
            self._drop_depth += 1
        elif tag == "br":
            self.parts.append("\n")
        elif tag in ("td", "th"):
            self.parts.append("\t")
        elif tag in self._BLOCK:
            self.parts.append("\n")
            if tag == "blockquote":
                self._quote_depth += 1
            elif tag == "pre":
                self._pre_depth += 1

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "br" or tag == "hr":
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in self._DROP:
            self._drop_depth = max(0, self._drop_depth - 1)
        elif tag in self._BLOCK:
            self.parts.append("\n")
            if tag == "blockquote":
                self._quote_depth = max(0, self._quote_depth - 1)
            elif tag == "pre":
                self._pre_depth = max(0, self._pre_depth - 1)

    def handle_data(self, data: str) -> None:
        if self._drop_depth:
            return
        if not self._pre_depth:
            # HTML whitespace is not significant; line breaks come from tags only.
            data = re.sub(r"\s+", " ", data)
        if self._quote_depth:
            # Mark blockquoted text like a plain-text quote so strip_quoted removes it.
            data = "\n".join("> " + line if line.strip() else line for line in data.split("\n"))
        self.parts.append(data)


def html_to_text(html_text: str) -> str:
    """Plain text of an HTML mail body: scripts/styles dropped, block tags become line breaks,
    table cells are tab-separated, entities unescaped, blockquotes become "> " lines."""
    parser = _TextExtractor()
    try:
        parser.feed(html_text)
        parser.close()
    except Exception:  # noqa: BLE001 - malformed markup must not stop an import
        return html.unescape(re.sub(r"<[^>]+>", " ", html_text))
    text = "".join(parser.parts).replace("\xa0", " ")
    lines = [re.sub(r"[ \t]*\t[ \t]*", "\t", line).strip(" ") for line in text.split("\n")]
    text = "\n".join(lines)
    return re.sub(r"\n{3,}", "\n\n", text).strip()


def _looks_like_html(text: str) -> bool:
    head = text[:2000].lower()
    return bool(re.search(r"<(html|body|div|p|table|br)\b", head)) and len(re.findall(r"</?\w+[^>]*>", head)) >= 3


_ORIGINAL_RE = re.compile(r"^\s*-{2,}\s*original message\s*-{2,}\s*$", re.I)
_FORWARD_RE = re.compile(r"^\s*(?:-{2,}\s*forwarded message\s*-{2,}|begin forwarded message:)\s*$", re.I)
_WROTE_RE = re.compile(r"^\s*on\b.{4,250}\bwrote:\s*$", re.I)
_HEADER_FROM_RE = re.compile(r"^\s*\*?from:\*?\s+\S", re.I)
_HEADER_NEXT_RE = re.compile(r"^\s*\*?(sent|date|to|cc|subject):\*?\s", re.I)
_SEE_BELOW_RE = re.compile(r"\b(below|forward(?:ed|ing)?|fwd|trail|passed)\b", re.I)


def _find_marker(lines: list[str], start: int) -> tuple[int, int, str] | None:
    """First quote marker at or after ``start``: (line index, first body line, type)."""
    for i in range(start, len(lines)):
        line = lines[i]
        if _FORWARD_RE.match(line):
            return i, _skip_headers(lines, i + 1), "forward"
        if _ORIGINAL_RE.match(line):
            return i, _skip_headers(lines, i + 1), "reply"
        if _WROTE_RE.match(line):
            return i, i + 1, "reply"
        if i + 1 < len(lines) and re.match(r"^\s*on\b.{4,250}$", line, re.I) and re.match(
            r"^\s*.{0,120}\bwrote:\s*$", lines[i + 1], re.I
        ):
            return i, i + 2, "reply"
        if _HEADER_FROM_RE.match(line):
            following = [ln for ln in lines[i + 1 : i + 6] if ln.strip()]
            if sum(1 for ln in following if _HEADER_NEXT_RE.match(ln)) >= 2:
                return i, _skip_headers(lines, i + 1), "reply"
    return None


def _skip_headers(lines: list[str], i: int) -> int:
    while i < len(lines) and (
        not lines[i].strip() or _HEADER_NEXT_RE.match(lines[i]) or _HEADER_FROM_RE.match(lines[i])
    ):
        i += 1
    return i


def strip_quoted(text: str) -> str:
    """The new part of a reply: without "> " lines, "-----Original Message-----", "On ... wrote:"
    and Outlook "From: ... Sent: ..." blocks, so our own request quoted back cannot trigger
    matches. A short covering note that forwards a colleague's reply ("please see below")
    keeps the forwarded message, up to the next quoted one."""
    lines = [ln for ln in text.replace("\r\n", "\n").replace("\r", "\n").split("\n") if not ln.lstrip().startswith(">")]
    marker = _find_marker(lines, 0)
    if marker is None:
        return "\n".join(lines).strip()
    at, body_start, kind = marker
    own = "\n".join(lines[:at]).strip()
    own = re.sub(r"\n\s*_{5,}\s*$", "", own).strip()
    forwarding = kind == "forward" or (
        len(re.sub(r"\s", "", own)) < 400 and (not own or _SEE_BELOW_RE.search(own) is not None)
    )
    if not forwarding:
        return own
    nxt = _find_marker(lines, body_start)
    forwarded = "\n".join(lines[body_start : nxt[0] if nxt else len(lines)]).strip()
    forwarded = re.sub(r"\n\s*_{5,}\s*$", "", forwarded).strip()
    return (own + "\n\n" + forwarded).strip()


_REQUEST_HEAD_RE = re.compile(
    r"^\s*(?:\d+[.)]\s*)?(?:your\s+(?:original\s+)?request(?:\s+(?:reads|read|was|is)(?:\s+as\s+follows)?)?|"
    r"(?:the\s+)?request(?:\s+details)?|information\s+requested|you\s+(?:asked|requested|wrote)(?:\s+for)?|"
    r"in\s+your\s+(?:request|e-?mail)[^:\n]{0,40}?you\s+(?:asked|requested|wrote)(?:\s+for)?)\s*[:\-\u2013]",
    re.I,
)
_RESPONSE_HEAD_RE = re.compile(
    r"^\s*(?:our\s+|the\s+force'?s?\s+|force\s+|the\s+)?(?:response|answer|reply"
        r"|decision|outcome)s?\b\s*(?:[:\-\u2013]|$)",
    re.I,
)


def _drop_restated_request(text: str) -> str:
    """Remove the copy of our request that many forces paste above their answer
    ("Request: ... Response: ..."). Our request mentions the cost limit and sections 12 and 16,
    which must not be read as the force's decision."""
    lines = text.split("\n")
    out: list[str] = []
    i = 0
    while i < len(lines):
        if _REQUEST_HEAD_RE.match(lines[i]):
            end = next((j for j in range(i + 1, len(lines)) if _RESPONSE_HEAD_RE.match(lines[j])), None)
            if end is not None:
                i = end
                continue
        out.append(lines[i])
        i += 1
    return "\n".join(out)


# ---------------------------------------------------------------------------------------------
# Sentences


_ABBREV_RE = re.compile(r"(?:\b(?:s|ss|sec|no|nos|ref|refs|e\.g|i\.e|etc|mr|mrs|ms|dr|st|para|paras"
    r"|approx|tel|vol|ch|art|pt)|\b[A-Z])\.$", re.I)


def _sentences(text: str) -> list[str]:
    """Sentences with hard wraps undone. Short lines, headings and table rows stay separate."""
    out: list[str] = []
    for para in re.split(r"\n\s*\n", text):
        lines = [ln.strip() for ln in para.split("\n") if ln.strip()]
        joined: list[str] = []
        buf = ""
        for ln in lines:
            tabular = _is_table_row(ln)
            if tabular or re.match(r"^([-*\u2022]|\d+[.)]|[a-z][.)]|Q\d)\s", ln):
                if buf:
                    joined.append(buf)
                    buf = ""
                if tabular:
                    joined.append(ln)
                    continue
            buf = f"{buf} {ln}".strip() if buf else ln
            if len(ln) < 45 or ln.endswith(":"):
                joined.append(buf)
                buf = ""
        if buf:
            joined.append(buf)
        for chunk in joined:
            out.extend(_split_sentences(chunk))
    return [s for s in out if s.strip()]


def _is_table_row(line: str) -> bool:
    """A row of figures ("2019/20  8N  Adult caution  112"), not prose that happens to hold numbers."""
    if "\t" in line or "|" in line:
        return True
    tokens = line.split()
    numeric = [t for t in tokens if re.fullmatch(r"[\d,./*<>\-]+", t) and re.search(r"\d|\*", t)]
    return len(numeric) >= 2 and len(tokens) <= 12 and bool(re.search(r"(?:\d|\*)\s*$", line)) and (
        len(numeric) * 2 >= len(tokens) or len(tokens) <= 6
    )


def _split_sentences(chunk: str) -> list[str]:
    pieces: list[str] = []
    start = 0
    for m in re.finditer(r"[.!?](?=[\"')\]]?\s+[\"'(]?[A-Z0-9])", chunk):
        head = chunk[start : m.end()]
        if _ABBREV_RE.search(head):
            continue
        pieces.append(head.strip())
        start = m.end()
    pieces.append(chunk[start:].strip())
    return [p for p in pieces if p]


_BOILERPLATE_RE = re.compile(
    r"dissatisfied|complaint\s+rights|your\s+right\s+to\s+(?:request|complain|ask)|information\s+commissioner|"
    r"ico\.org\.uk|\bif\s+you\s+are\s+(?:not\s+)?(?:unhappy|satisfied|content)|"
    r"(?:may|can|wish\s+to|right\s+to)\s+(?:request|ask\s+for|apply\s+for)\s+an\s+internal\s+review|"
    r"within\s+(?:40|forty)\s+(?:working|calendar)\s+days|re-?use\s+of|copyright|open\s+government\s+licen[cs]e|"
    r"intended\s+recipient|this\s+e-?mail\s+(?:and\s+any|is\s+(?:intended|confidential))|monitored|disclaimer|"
    r"privacy\s+notice|wycombe|water\s+lane|wilmslow|cheshire\s+sk9|^tel(?:ephone)?\b|^www\.|^https?://|"
    r"please\s+consider\s+the\s+environment",
    re.I,
)
_CONDITIONAL_RE = re.compile(
    r"^\s*(?:please\s+note,?\s+(?:that\s+)?)?(?:if|should|where|in\s+the\s+event|unless|once|in\s+some\s+cases|"
    r"occasionally|on\s+occasion|sometimes)\b|\b(?:may|might|could)\s+(?:need|have|be\s+required|require|apply|be\s+exempt|"
    r"engage|be\s+necessary|be\s+engaged|be\s+withheld|be\s+refused)\b|\bif\s+(?:we|the|your|it|this|any|there)\b",
    re.I,
)


def _is_boilerplate(sentence: str) -> bool:
    return bool(_BOILERPLATE_RE.search(sentence))


def _is_conditional(sentence: str) -> bool:
    return bool(_CONDITIONAL_RE.search(sentence))


# ---------------------------------------------------------------------------------------------
# Sections


_SUB = r"(?:\s*\(\s*(?:\d+[A-Za-z]?|[a-z]{1,4})\s*\))"
_CITE_RE = re.compile(
    r"(?<![\w.])(?:sections?|secs?\.?|ss?\.\s*|s(?=\s?\d)|§)\s*(?P<num>\d{1,3}[A-Z]?)(?P<subs>" + _SUB + r"*)",
    re.I,
)
_CONT_RE = re.compile(
    r"\s*(?:,\s*(?:and|or|&)?|and|or|&|/)\s*(?:(?:sections?|secs?\.?|ss?\.|s)\s*)?"
    r"(?:(?P<num>\d{1,3}[A-Z]?)(?![\d/.:,]\d)(?P<subs>" + _SUB + r"*)|(?P<bare>" + _SUB + r"+))"
    r"(?!\s*(?:hours|working|days|years|months|%|per\s+cent|pounds|officers|cases|records|people))",
    re.I,
)
_OTHER_ACT_RE = re.compile(
    r"^\s*(?:\(\d+\)\s*)?(?:,\s*)?(?:of|under|in)\s+(?:the\s+)?"
    r"(?P<act>(?:(?:[A-Z][\w'\-]*|of|the|and|against|for|on|in|to|\(\w+\))\s+){1,8}Act\b)",
)
_KEYWORD_SECTIONS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"\bexceed(?:s|ed|ing)?\s+(?:the\s+)?(?:appropriate|cost|fees?)\s+limit|"
                r"(?:appropriate|cost|fees?)\s+limit\b.{0,80}\bexceed|"
                r"\b(?:exceed|beyond|more\s+than|in\s+excess\s+of|over|above)\b.{0,60}(?:18\s+hours|\u00a3\s?450|appropriate\s+limit|cost\s+limit)|"
                r"(?:18\s+hours|\u00a3\s?450).{0,60}\bexceed", re.I), "12"),
    (re.compile(r"\brepeated\s+request|\brepeat(?:ed)?\s+of\s+(?:a|an|your)\s+(?:previous|earlier)\s+request|"
                r"substantially\s+similar\s+to\s+(?:a|an|your)\s+(?:previous|earlier)", re.I), "14(2)"),
    (re.compile(r"(?<!not\s)\bvexatious\b", re.I), "14"),
    (re.compile(r"\breasonably\s+accessible\s+(?:to\s+(?:you|the\s+applicant)\s+)?by\s+other\s+means", re.I), "21"),
    (re.compile(r"\bintended\s+for\s+(?:future\s+)?publication|\bfuture\s+publication\b", re.I), "22"),
)


def _norm_subs(subs: str) -> list[str]:
    parts = re.findall(r"\(\s*([0-9A-Za-z]+)\s*\)", subs)
    return [p.upper() if p[0].isdigit() else p.lower() for p in parts]


def _fmt(num: str, subs: list[str]) -> str:
    return num.upper() + "".join(f"({s})" for s in subs)


def _sections_in_sentence(sentence: str) -> list[tuple[int, str]]:
    """(position, section) for every refusal-ground citation in one sentence."""
    found: list[tuple[int, str]] = []
    for m in _CITE_RE.finditer(sentence):
        group: list[tuple[int, str]] = []
        num, subs = m.group("num"), _norm_subs(m.group("subs") or "")
        group.append((m.start(), _fmt(num, subs)))
        end = m.end()
        while True:
            c = _CONT_RE.match(sentence, end)
            if not c:
                break
            if c.group("bare"):
                # "31(1)(a) and (b)": a sibling of the last subsection of the previous cite.
                bare = _norm_subs(c.group("bare"))
                if not subs:
                    break
                subs = subs[: max(0, len(subs) - len(bare))] + bare
            else:
                num, subs = c.group("num"), _norm_subs(c.group("subs") or "")
            group.append((c.start(), _fmt(num, subs)))
            end = c.end()
        act = _OTHER_ACT_RE.match(sentence[end : end + 120])
        if act and "freedom of information" not in act.group("act").lower() and re.search(
            r"\b(?!Act\b|The\b|This\b)[A-Z]", act.group("act")
        ):
            continue  # "section 38 of the Offences Against the Person Act" is an offence, not an exemption
        found.extend((pos, sec) for pos, sec in group if re.match(r"\d+", sec).group() in REFUSAL_SECTIONS)  # type: ignore[union-attr]
    return found


def _collect_sections(sentences: Sequence[str]) -> list[str]:
    explicit: list[tuple[int, int, str]] = []
    implied: list[tuple[int, int, str]] = []
    for idx, sentence in enumerate(sentences):
        if _is_conditional(sentence) or _is_boilerplate(sentence):
            continue  # "If this exceeds section 12 ..." is a hypothesis, not a decision
        explicit.extend((idx, pos, sec) for pos, sec in _sections_in_sentence(sentence))
        for rx, sec in _KEYWORD_SECTIONS:
            m = rx.search(sentence)
            if m:
                implied.append((idx, m.start(), sec))
    ordered = sorted(explicit) + sorted(implied)
    result: list[tuple[tuple[int, int], str]] = []
    seen: set[str] = set()
    for idx, pos, sec in ordered:
        base = re.match(r"\d+[A-Z]?", sec).group()  # type: ignore[union-attr]
        if sec in seen:
            continue
        is_implied = (idx, pos, sec) in implied
        if is_implied and any(re.match(r"\d+[A-Z]?", s).group() == base for s in seen):  # type: ignore[union-attr]
            continue  # "section 12(1)" already cited; "cost limit" adds nothing
        seen.add(sec)
        result.append(((idx, pos), sec))
    # A bare "40" is subsumed by "40(2)" cited elsewhere; keep the specific one.
    specific_bases = {re.match(r"\d+[A-Z]?", s).group() for _, s in result if "(" in s}  # type: ignore[union-attr]
    result = [r for r in result if "(" in r[1] or r[1] not in specific_bases]
    result.sort(key=lambda r: r[0])
    return [sec for _, sec in result]


def find_sections(text: str) -> list[str]:
    """FOIA refusal grounds cited in ``text``, normalised ("12", "40(2)", "31(1)(a)"), in order of
    first mention without duplicates. Cost-limit and vexatious wording count as s.12 / s.14.
    Sections of other Acts, non-refusal sections (1, 10, 16, 17 ...) and citations in
    hypothetical sentences ("If this exceeds section 12 ...") are ignored."""
    return _collect_sections(_sentences(text))


# ---------------------------------------------------------------------------------------------
# Force references


_OUR_REF_RE = re.compile(r"^FOI-(?=[A-Z0-9]*[A-Z])[A-Z0-9]+-\d{4}$", re.I)
_TOKEN = r"(?P<ref>[A-Za-z0-9](?:[A-Za-z0-9/_.\-]*[A-Za-z0-9])?)"
_LABELLED_REF_RE = re.compile(
    r"(?P<pre>\b\w+\s+)?(?P<label>\b(?:(?:our|force|foi|foia|freedom\s+of\s+information|request|case|unique)\s+"
    r"(?:ref(?:erence)?|number|no)\b\.?(?:\s*(?:no\b\.?|number|num\b\.?|nr\b\.?))?|"
    r"ref(?:erence)?\b\.?(?:\s*(?:no\b\.?|number|num\b\.?|nr\b\.?))?|"
    r"(?:logged|registered|recorded|allocated)\s+(?:under|with|as)(?:\s+(?:the\s+)?(?:ref(?:erence)?|number)(?:\s+number)?)?))"
    r"\s*(?:is\s+|of\s+)?[:#=\-\u2013]?\s*" + _TOKEN,
    re.I,
)
_FOI_GLUED_RE = re.compile(
    r"(?<![\w/-])(?P<ref>FOI[A]?[-/_](?:[A-Za-z0-9]+[-/_])*\d[A-Za-z0-9]*(?:[-/_][A-Za-z0-9]+)*)", re.I
)
_FOI_SPACED_RE = re.compile(
    r"(?<![\w/-])FOI(?:\s+request)?\s+(?:no\.?\s*)?(?P<ref>\d[\d/\-]*\d(?:/[A-Z]{1,3})?)\b", re.I
)


def _valid_ref(token: str) -> bool:
    token = token.strip(".-/")
    if len(token) < 3 or len(token) > 40 or not re.search(r"\d", token):
        return False
    if _OUR_REF_RE.match(token):
        return False  # that is our own reference, quoted back to us
    if re.fullmatch(r"(?:19|20)\d\d", token):
        return False  # "FOIA 2000", "reference 2024"
    if re.fullmatch(r"\d{1,2}[/.]\d{1,2}[/.]\d{2,4}", token) or re.fullmatch(r"\d{4}-\d{2}-\d{2}", token):
        return False  # a date, not a reference
    if "@" in token or token.lower().startswith(("http", "www")):
        return False
    return True


def _ref_candidates(text: str) -> list[tuple[int, int, str]]:
    """(priority, position, reference); lower priority number wins."""
    out: list[tuple[int, int, str]] = []
    for m in _LABELLED_REF_RE.finditer(text):
        pre = (m.group("pre") or "").strip().lower()
        if pre in ("your", "my", "yr"):
            continue  # "your reference FOI-CAUTIONS-0007" is ours
        ref = m.group("ref").rstrip(".-/")
        if _valid_ref(ref):
            out.append((0, m.start(), ref))
    for m in _FOI_GLUED_RE.finditer(text):
        ref = m.group("ref").rstrip(".-/")
        if _valid_ref(ref):
            out.append((1, m.start(), ref))
    for m in _FOI_SPACED_RE.finditer(text):
        ref = m.group("ref").rstrip(".-/")
        if _valid_ref(ref):
            out.append((2, m.start(), ref))
    return out


def find_force_reference(text: str, subject: str = "") -> str | None:
    """The force's own reference from the subject or text ("Our ref: 000123/19",
    "FOI-2019-0456", "Ref: 01/FOI/25/006753/Z"). A space-separated "FOI " label is dropped
    ("FOI 2019/01234" -> "2019/01234"); prefixes joined with - or / are part of the reference.
    Our own references (FOI-CAUTIONS-0007) and "your ref" values are never returned."""
    candidates = [(p, 0, pos, ref) for p, pos, ref in _ref_candidates(subject or "")]
    candidates += [(p, 1, pos, ref) for p, pos, ref in _ref_candidates(text or "")]
    if not candidates:
        return None
    # A labelled reference beats an unlabelled one wherever it is; the subject wins ties
    # because forces put their case number there consistently.
    candidates.sort()
    return candidates[0][3]


# ---------------------------------------------------------------------------------------------
# Dates


_MONTHS = {m: i for i, m in enumerate(
    ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"], start=1)}
_MON = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
)
_DATE_RE = re.compile(
    r"\b(?P<d1>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<m1>" + _MON + r")\.?,?\s+(?P<y1>\d{4})\b"
    r"|\b(?P<m2>" + _MON + r")\.?\s+(?P<d2>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<y2>\d{4})\b"
    r"|\b(?P<y4>\d{4})-(?P<m4>\d{1,2})-(?P<d4>\d{1,2})\b"
    r"|(?<![\d/])(?P<d3>\d{1,2})[/.](?P<m3>\d{1,2})[/.](?P<y3>\d{4}|\d{2})(?![\d/])",
    re.I,
)


def _dates(text: str) -> list[tuple[int, date]]:
    out: list[tuple[int, date]] = []
    for m in _DATE_RE.finditer(text):
        try:
            if m.group("d1"):
                d = date(int(m.group("y1")), _MONTHS[m.group("m1")[:3].lower()], int(m.group("d1")))
            elif m.group("d2"):
                d = date(int(m.group("y2")), _MONTHS[m.group("m2")[:3].lower()], int(m.group("d2")))
            elif m.group("y4"):
                d = date(int(m.group("y4")), int(m.group("m4")), int(m.group("d4")))
            else:
                year = int(m.group("y3"))
                year += 2000 if year < 100 else 0
                d = date(year, int(m.group("m3")), int(m.group("d3")))  # UK: day first
        except ValueError:
            continue
        out.append((m.start(), d))
    return out


_DEADLINE_LEAD_RE = re.compile(r"\b(?:by|before|until|than|to|on|of)\s+(?:\w+,?\s+){0,2}$", re.I)


def _deadline_in(sentences: Sequence[str]) -> date | None:
    """The date a sentence promises a reply by; a date after "by"/"no later than"/"to" wins
    over others (the date the request was received, say)."""
    led: list[date] = []
    other: list[date] = []
    for s in sentences:
        for pos, d in _dates(s):
            (led if _DEADLINE_LEAD_RE.search(s[max(0, pos - 30) : pos]) else other).append(d)
    if led:
        return max(led)
    return max(other) if other else None


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


def _tabular_lines(text: str) -> int:
    count = 0
    for line in text.split("\n"):
        cells = [c for c in re.split(r"\t|\s{2,}|\|", line.strip()) if c.strip()]
        numbers = [c for c in cells if re.fullmatch(r"[\d,]+|\*|<\s?\d+|-", c.strip())]
        if (len(cells) >= 2 and len(numbers) >= 1 and len(cells) <= 30) or (len(cells) == 1 and _is_table_row(line)):
            count += 1
    return count


def _is_data_attachment(name: str, text: str | None) -> bool | None:
    """True: carries data; False: a letter, logo or nothing; None: a document we cannot see into."""
    ext = name.rsplit(".", 1)[-1].lower() if "." in name else ""
    if ext in _DATA_EXT:
        return True
    if ext not in _DOC_EXT:
        return False
    if text and text.strip():
        if _tabular_lines(text) >= 3:
            return True
        if _LETTER_TEXT_RE.search(text) or _LETTERISH_RE.search(name):
            return False
        return True
    return None if not _LETTERISH_RE.search(name) else False


def attachment_text(path_or_bytes: str | Path | bytes, filename: str) -> str:
    """Text of an attached letter: PDF via pdfplumber, .docx via python-docx, plain text and
    HTML directly. Returns "" for anything else or anything unreadable; never raises."""
    try:
        data = path_or_bytes if isinstance(path_or_bytes, bytes) else Path(path_or_bytes).read_bytes()
        ext = filename.rsplit(".", 1)[-1].lower() if "." in filename else ""
        if data[:5] == b"%PDF-" or ext == "pdf":
            import pdfplumber

            with pdfplumber.open(io.BytesIO(data)) as pdf:
                return "\n\n".join((page.extract_text() or "") for page in pdf.pages).strip()
        if ext == "docx":
            import docx

            doc = docx.Document(io.BytesIO(data))
            parts = [p.text for p in doc.paragraphs]
            for table in doc.tables:
                for row in table.rows:
                    parts.append("\t".join(cell.text for cell in row.cells))
            return "\n".join(parts).strip()
        if ext in ("txt", "text", "htm", "html"):
            for enc in ("utf-8", "cp1252", "latin-1"):
                try:
                    text = data.decode(enc)
                    break
                except UnicodeDecodeError:
                    continue
            return html_to_text(text) if ext in ("htm", "html") else text.strip()
    except Exception:  # noqa: BLE001 - a broken attachment must never stop an import
        return ""
    return ""


# ---------------------------------------------------------------------------------------------
# Signals

_AUTO_SUBJECT_RE = re.compile(
    r"^\s*(?:automatic\s+reply|auto(?:matic)?[-\s]?(?:reply|response)|autoreply|out\s+of\s+(?:the\s+)?office|"
    r"away\s+from\s+(?:the\s+)?office|on\s+leave)\b",
    re.I,
)
_AUTO_BODY_RE = re.compile(
    r"\b(?:I\s+am|I'm)\s+(?:currently\s+)?(?:out\s+of\s+(?:the\s+)?office|away\s+from\s+(?:the\s+|my\s+)?(?:office|desk)|"
    r"on\s+(?:annual\s+)?leave)|this\s+is\s+an\s+automat(?:ic|ed)\s+(?:reply|response|message)",
    re.I,
)
_NCND_RE = re.compile(
    r"\bneither\s+confirm\s+n?or\s+deny|\bNCND\b|\b(?:will|can|would|shall|does|do)\s*(?:not|n't)\s+(?:either\s+)?confirm\s+or\s+deny|"
    r"\bnot\s+(?:obliged|required)\s+to\s+confirm\s+or\s+deny|duty\s+to\s+confirm\s+or\s+deny\s+does\s+not\s+apply|"
    r"(?:excluded|exempt)\s+from\s+the\s+duty\s+to\s+confirm\s+or\s+deny",
    re.I,
)

_SALUTATION_RE = re.compile(r"^(?:dear|hi|hello|good\s+(?:morning|afternoon|evening))\b[^.]{0,40}$", re.I)

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
_COMPILED = tuple((kind, re.compile(rx, re.I), w) for kind, rx, w in _SIGNALS)

_REVIEW_SUBJECTS = r"(?:decision|response|refusal|exemptions?|outcome|answer|complaint|appeal|request|application)"
_UPHELD_RE = re.compile(
    # The subject nearest to "upheld" decides what was upheld, hence the tempered gap.
    r"\b(?P<subj>" + _REVIEW_SUBJECTS + r")s?\b(?:(?!\b" + _REVIEW_SUBJECTS + r"\b)[^.]){0,40}?"
    r"\b(?P<neg>not\s+(?:been\s+)?|partially\s+|partly\s+|in\s+part\s+)?upheld\b"
    r"|\b(?:I|we)\s+(?:therefore\s+|have\s+|now\s+|\w+ly\s+)*"
    r"(?P<neg2>do\s+not\s+|will\s+not\s+|cannot\s+|partially\s+)?uphold\s+(?:the\s+|your\s+)?"
    r"(?P<subj2>original\s+)?(?P<what>\w+)"
    r"|\bupheld\s+(?:the\s+)?(?:original\s+)?(?P<subj3>decision|response|refusal|exemptions?)",
    re.I,
)
_MAINTAIN_RE = re.compile(
    r"\b(?:maintain(?:ed|s)?|stand(?:s)?\s+by|agree\s+with)\s+(?:the\s+)?(?:original\s+)?(?:decision|response|refusal|exemptions?|position)|"
    r"\boriginal\s+(?:decision|response|refusal)\s+(?:was|is|remains)\s+(?:correct|appropriate|valid|sound)|"
    r"\b(?:were|was|had\s+been|has\s+been)\s+(?:correctly|properly|appropriately|rightly)\s+(?:applied|engaged|relied\s+(?:up)?on)|"
    r"\b(?:satisfied|content)\s+that\s+the\s+(?:original\s+)?(?:decision|response"
        r"|exemptions?|refusal)\s+(?:was|were|is|are)\s+(?:correct|appropriate|properly"
        r"|correctly)",
    re.I,
)
_OVERTURN_RE = re.compile(
    r"\boverturn(?:ed|ing)?\b|\breversed?\s+(?:the\s+)?(?:original\s+)?decision|"
    r"\b(?:original\s+)?(?:decision|response|refusal)\s+(?:was|is)\s+(?:not\s+correct|incorrect|wrong|flawed)|"
    r"\bshould\s+(?:have\s+been|be)\s+(?:disclosed|released|provided)|"
    r"\b(?:will|now|are\s+now\s+able\s+to|decided\s+to)\s+(?:be\s+)?(?:release|disclose|provide)\s+(?:the\s+|this\s+)?(?:information|data|figures)|"
    r"\bfound\s+in\s+your\s+favour",
    re.I,
)


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
    if _AUTO_SUBJECT_RE.search(subject or ""):
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
    :func:`attachment_text`), in the order of ``attachment_names`` when both are given."""
    subject = subject or ""
    text = text or ""
    if _looks_like_html(text):
        text = html_to_text(text)
    body = _drop_restated_request(strip_quoted(text))
    texts = list(attachment_texts)
    letters = [_drop_restated_request(strip_quoted(t)) for t in texts if t and t.strip()]
    full = "\n\n".join([body, *letters])
    force_ref = find_force_reference(full, subject)

    # Attachments: spreadsheets carry data; PDFs/Word files carry data unless they read as letters.
    paired = len(texts) == len(attachment_names)
    data_flags = [
        _is_data_attachment(name, texts[i] if paired else None) for i, name in enumerate(attachment_names)
    ]
    has_data = any(flag is True for flag in data_flags)
    unseen_docs = any(flag is None for flag in data_flags)

    sentences = _sentences(full)
    sections = _collect_sections(sentences)
    ncnd_sentences = [s for s in sentences if _NCND_RE.search(s) and not _is_boilerplate(s)]
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
        if _is_boilerplate(sentence):
            continue
        factor = 0.25 if _is_conditional(sentence) else 1.0
        hit: set[str] = set()
        for kind, rx, weight in _COMPILED:
            if kind in hit or not rx.search(sentence):
                continue
            hit.add(kind)
            scores[kind] += weight * factor
            if factor == 1.0:
                evidence[kind].append(sentence)
        if factor == 1.0 and _sections_in_sentence(sentence):
            # A sentence that names an exemption is evidence of a refusal, a little.
            scores["refused"] += 0.75
            if "refused" not in hit:
                evidence["refused"].append(sentence)
    if ncnd:
        scores["refused"] += 2.5
        evidence["refused"] = ncnd_sentences[:1] + [s for s in evidence["refused"] if s not in ncnd_sentences[:1]]

    # Salutations are no evidence of anything.
    body_only = [s for s in _sentences(body) if not _SALUTATION_RE.match(s)]
    if not sentences or (
        _AUTO_BODY_RE.search(body)
        and not any(scores[k] >= 1.5 for k in ("acknowledged", "data", "refused", "not-held"))
    ):
        if _AUTO_BODY_RE.search(body):
            return result("auto-reply", [s for s in body_only if _AUTO_BODY_RE.search(s)][:1], 0.8)
        return result("needs-review", body_only[:1] or [subject], 0.1)

    tabular = _tabular_lines(full) >= 3
    data_score = scores["data"] + (2.0 if has_data else 0.0) + (1.5 if tabular else 0.0)
    data_present = has_data or tabular or scores["data"] >= 2.0
    if data_present and not evidence["data"] and has_data:
        evidence["data"] = [s for s in body_only if re.search(r"\battach|\benclos", s, re.I)][:1]

    # 1. Internal review outcomes.
    if scores["review"] >= 1.0:
        up: list[str] = []
        over: list[str] = []
        for s in sentences:
            if _is_boilerplate(s):
                continue
            for m in _UPHELD_RE.finditer(s):
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
            if _MAINTAIN_RE.search(s):
                up.append(s)
            if _OVERTURN_RE.search(s):
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
                until = _deadline_in(evidence["extended"]) if k == "extended" else None
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
        until = _deadline_in(evidence["extended"]) or _deadline_in(
            [s for s in sentences if re.search(r"\b(?:respond|response|reply)\b", s, re.I) and not _is_boilerplate(s)]
        )
        return result("extended", evidence["extended"][:2], min(0.95, 0.55 + 0.08 * ext))
    if clar >= 1.5:
        return result("clarification", evidence["clarification"][:2], min(0.95, 0.55 + 0.08 * clar))
    if ack >= 1.5:
        return result("acknowledged", evidence["acknowledged"][:2], min(0.95, 0.55 + 0.08 * ack))
    weak = sorted(((v, k) for k, v in scores.items() if v > 0 and evidence[k]), reverse=True)
    return result("needs-review", [evidence[k][0] for _, k in weak[:2]] or body_only[:1], 0.2)


def message_parts(msg: EmailMessage) -> tuple[str, str, list[str], list[str], dict[str, str]]:
    """(subject, text, attachment names, attachment texts, headers) of a parsed mail, in the
    shape :func:`classify` takes. The plain-text body is preferred; an HTML-only mail is
    converted with :func:`html_to_text`."""
    plain: list[str] = []
    htmls: list[str] = []
    names: list[str] = []
    texts: list[str] = []
    for part in msg.walk():
        if part.is_multipart():
            continue
        filename = part.get_filename()
        disposition = part.get_content_disposition()
        if filename or disposition == "attachment":
            name = filename or "attachment"
            names.append(name)
            payload = part.get_payload(decode=True) or b""
            texts.append(attachment_text(payload, name))
            continue
        try:
            content = part.get_content()
        except (LookupError, UnicodeDecodeError):
            content = (part.get_payload(decode=True) or b"").decode("latin-1")
        if part.get_content_type() == "text/plain":
            plain.append(str(content))
        elif part.get_content_type() == "text/html":
            htmls.append(str(content))
    text = "\n\n".join(plain)
    if not text.strip() or (htmls and len(text.strip()) < 80 and "html" in text.lower()):
        text = "\n\n".join(html_to_text(h) for h in htmls)
    headers = {k: str(v) for k, v in msg.items()}
    return str(msg.get("Subject", "")), text, names, texts, headers


def classify_message(msg: EmailMessage) -> Classification:
    """:func:`classify` a parsed mail (``email.message_from_bytes(data, policy=email.policy.default)``)."""
    subject, text, names, texts, headers = message_parts(msg)
    return classify(subject, text, names, texts, headers)
