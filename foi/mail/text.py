"""The readable text of a reply: HTML mail bodies as plain text, quoted earlier messages and our
own request pasted back removed, and the text of attached letters.

Our request mentions the cost limit and sections 12 and 16; a reply that quotes it back must not
be read as citing them, which is why quoted text and a restated request go before anything is read.
"""

from __future__ import annotations

import html
import io
import re
from email.message import EmailMessage
from html.parser import HTMLParser
from pathlib import Path

# ---------------------------------------------------------------------------------------------
# HTML


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


def looks_like_html(text: str) -> bool:
    head = text[:2000].lower()
    return bool(re.search(r"<(html|body|div|p|table|br)\b", head)) and len(re.findall(r"</?\w+[^>]*>", head)) >= 3



# ---------------------------------------------------------------------------------------------
# Quoted text


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


def split_quoted(text: str) -> tuple[str, str]:
    """(the new part of a reply, the earlier correspondence it quotes). Quoted text is "> " lines,
    what follows "-----Original Message-----", "On ... wrote:" and Outlook "From: ... Sent: ..."
    blocks. A short covering note that forwards a colleague's reply ("please see below") keeps the
    forwarded message as new text, up to the next quoted one."""
    all_lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    lines = [ln for ln in all_lines if not ln.lstrip().startswith(">")]
    angle = [ln.lstrip()[1:].lstrip() for ln in all_lines if ln.lstrip().startswith(">")]
    marker = _find_marker(lines, 0)
    if marker is None:
        return "\n".join(lines).strip(), "\n".join(angle).strip()
    at, body_start, kind = marker
    own = "\n".join(lines[:at]).strip()
    own = re.sub(r"\n\s*_{5,}\s*$", "", own).strip()
    forwarding = kind == "forward" or (
        len(re.sub(r"\s", "", own)) < 400 and (not own or _SEE_BELOW_RE.search(own) is not None)
    )
    if not forwarding:
        return own, "\n".join([*lines[at:], *angle]).strip()
    nxt = _find_marker(lines, body_start)
    forwarded = "\n".join(lines[body_start : nxt[0] if nxt else len(lines)]).strip()
    forwarded = re.sub(r"\n\s*_{5,}\s*$", "", forwarded).strip()
    rest = "\n".join([*(lines[nxt[0]:] if nxt else []), *angle]).strip()
    return (own + "\n\n" + forwarded).strip(), rest


def strip_quoted(text: str) -> str:
    """The new part of a reply (see :func:`split_quoted`), so that our own request quoted back
    cannot trigger matches."""
    return split_quoted(text)[0]


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


def drop_restated_request(text: str) -> str:
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
# Attachments and whole messages


MAX_LETTER_PAGES = 30


def attachment_text(path_or_bytes: str | Path | bytes, filename: str) -> str:
    """Text of an attached letter: PDF via pdfplumber, .docx via python-docx, plain text and
    HTML directly. Returns "" for anything else or anything unreadable; never raises."""
    try:
        data = path_or_bytes if isinstance(path_or_bytes, bytes) else Path(path_or_bytes).read_bytes()
        ext = filename.rsplit(".", 1)[-1].lower() if "." in filename else ""
        if data[:5] == b"%PDF-" or ext == "pdf":
            import pdfplumber

            # A letter is a few pages: read at most MAX_LETTER_PAGES, closing each page, so a
            # 2,000-page attachment costs what its first pages cost (the parser reads the rest).
            with pdfplumber.open(io.BytesIO(data), pages=range(1, MAX_LETTER_PAGES + 1)) as pdf:
                texts = []
                for page in pdf.pages:
                    texts.append(page.extract_text() or "")
                    page.close()
                return "\n\n".join(texts).strip()
        if ext == "docx":
            import docx

            from foi.readers.docx import MAX_PART, MAX_TOTAL
            from foi.readers.spreadsheet import archive_problem

            if archive_problem(io.BytesIO(data), MAX_PART, MAX_TOTAL):  # type: ignore[arg-type]
                return ""  # a bomb: the parser reports it when it reads the file
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


def message_parts(msg: EmailMessage) -> tuple[str, str, list[str], list[str], dict[str, str]]:
    """(subject, text, attachment names, attachment texts, headers) of a parsed mail, in the
    shape :func:`foi.mail.classify.classify` takes. The plain-text body is preferred; an HTML-only mail is
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
    headers: dict[str, str] = {}
    for key in msg.keys()[:500]:
        if key not in headers:
            headers[key] = _safe_header(msg, key)
    return _safe_header(msg, "Subject"), text, names, texts, headers


def _safe_header(msg: EmailMessage, name: str) -> str:
    """A header's text; a value the email package refuses (CR/LF hidden in an encoded display
    name) is read as its raw text instead of stopping the import."""
    try:
        value = msg.get(name)
        return "" if value is None else str(value)
    except Exception:  # noqa: BLE001 - malformed headers must not stop an import
        raw = next((v for k, v in msg.raw_items() if k.lower() == name.lower()), "")
        return " ".join(str(raw).split())
