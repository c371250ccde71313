"""The force's own reference for a request ("Our ref: 000123/19", "FOI-2019-0456").

References come in many shapes: "FOI Ref: 21/03/112", "Our Ref: XY/FOI 123/19", "Request 512/14",
"ABCD- 1QWERT", "Our ref:" with the number on the next line, "Freedom of Information Request
Reference No: 2019060000217", a disclosure-log title "Parking fines (482/21)" or "Bicycle Thefts -
274/21", or only the subject line. Forces quote our reference back to us as well as their own, so
ours (FOI-CAUTIONS-0007) and anything labelled "your ref" are never taken for theirs.
"""

from __future__ import annotations

import re
from datetime import date

_OUR_REF_RE = re.compile(r"^FOI-(?=[A-Z0-9]*[A-Z])[A-Z0-9]+-\d{4}$", re.I)
_NO = r"(?:\s*(?:n\s?os?\b\.?|numbers?|num\b\.?|nr\b\.?|#))"
_LABEL = (
    r"(?:(?:our|force|foi|foia|freedom\s+of\s+information(?:\s+\(foi\))?(?:\s+act)?|request|case|unique|review|"
    r"information\s+request|ticket)\s+(?:request\s+)?(?:ref(?:erence)?\b\.?|numbers?|no\b\.?|id\b)" + _NO + r"?"
    # a ticket system's or case system's number: "Ticket #48213", "Case ID: 0091-2024" (round 14)
    r"|ticket" + _NO + r"?"
    r"|(?:freedom\s+of\s+information|foia?)\s+(?:review\s+)?(?:request|enquiry)\s+(?:ref(?:erence)?\b\.?)?" + _NO + r"?"
    # the regime's name as the label: "Freedom of Information: 005926/18 - title", "FOI: 2231/24"
    r"|(?:freedom\s+of\s+information|foia?|eir)(?=\s*:)"
    r"|ref(?:erence)?\b\.?" + _NO + r"?"
    # "OurRef: e25391" (the space lost in a flattened letterhead; "YourRef" is not matched: ours)
    r"|ourref\b"
    # "Request for Information: ABCD 40217 - ...", "Information request 2024-0181"
    r"|request\s+for\s+information(?=\s*[:#\-\u2013])"
    r"|request" + _NO + r"?"
    r"|(?:logged|registered|recorded|allocated)\s+(?:(?:it|this|them|your\s+\w+)\s+)?(?:under|with|as)(?:\s+(?:the\s+)?(?:ref(?:erence)?|number)"
    r"(?:\s+number)?)?)"
)
# A reference: one token, or a short prefix and a number ("RFI 2017-143", "QT/FOI 639/18"), or a
# prefix whose hyphens are followed by a stray space ("ABCD- 1QWERT", "FOI- 2024- 0412": round 14),
# or a year, a spaced dash and a number ("2021 – 317").
_TOKEN = (
    r"(?P<ref>(?:(?-i:[A-Z]{2,5}(?:/[A-Z]{2,5})?)\s(?=\d)|(?:[A-Za-z0-9]+-\s?)*[A-Za-z0-9]+-\s(?=[A-Za-z0-9]*\d)"
    # the year it was logged, a spaced dash and the number: "2022 \u2013 280"
    r"|(?:19|20)\d\d\s[-\u2013]\s(?=\d{1,6}\b))?"
    r"[A-Za-z0-9](?:[A-Za-z0-9/_.\-]*[A-Za-z0-9])?)"
)
_LABELLED_REF_RE = re.compile(
    r"(?P<pre>\b\w+\s+)?(?P<label>\b" + _LABEL + r")"
    # ("Ref:- 0412/24": a colon and a dash together, as older letters write it: round 14)
    r"(?:\s*(?:is|of)\b)?\s*(?:[:#=][ \t]*[-\u2013]?|[-\u2013])?[ \t]*(?:\n\s*)?"
    # a flattened letterhead puts the next label first: "Our Ref: Date: KP-FOI-2019-2086 06 July 2018"
    r"(?:(?:date|your\s+ref(?:erence)?)\s*:\s*)?"
    r"(?:(?:our\s+)?ref(?:erence)?\b\.?" + _NO + r"?\s*[:#=\-\u2013]?\s*)?"
    # the regime named between label and number: "Ref EIR: 52904", "Reference FOI: 2231"
    # (a hyphen only with spaces round it: "FOI-CAUTIONS-0001" is one token, and ours)
    r"(?:(?:FOI|FOIA|FOISA|EIR|EIRs)(?:\s*[:#]|\s+[-\u2013])\s*)?"
    # the number given with its owner's name, as joint units do: "REFERENCE NOs: Northshire Police
    # 4512 and Southshire Constabulary 00871"
    # (or in capitals: "WESTSHIRE POLICE 7702 & EASTSHIRE POLICE 00418")
    r"(?:(?-i:(?:(?:[A-Z][\w'&-]*|and|of|the|&)\s+){0,6}(?i:Police|Constabulary|Council|Service|Trust|Authority|Office"
    r"|Board|Commissioner))\s+(?=\d))?(?P<paren>\()?"
    + _TOKEN,
    re.I,
)
_FOI_GLUED_RE = re.compile(
    r"(?<![\w/-])(?P<ref>(?:FOI[A]?|RFI)[-/_]?(?:[A-Za-z0-9]+[-/_])*\d[A-Za-z0-9]*(?:[-/_][A-Za-z0-9]+)*)", re.I
)
# The label and its groups joined by dots, as some forces number cases: "FOI.23.004435.M",
# "RFI.2024.0187" (round 12). Two groups after the label at least, one of them of three figures.
_FOI_DOTTED_RE = re.compile(
    r"(?<![\w/.-])(?P<ref>(?:\d{1,3}\.)?(?:FOI[A]?|RFI|EIR)\.(?=[A-Za-z0-9.]*\d{3})[A-Za-z0-9]+(?:\.[A-Za-z0-9]+)+)"
    r"(?![\w/-]|\.\w)",
    re.I,
)
_FOI_SPACED_RE = re.compile(
    r"(?<![\w/-])FOI(?:\s+request)?\s+(?:no\.?\s*)?(?P<ref>\d[\d/\-.]*\d(?:/[A-Z]{1,3})?)\b", re.I
)
# The regulations' name before the number, as FOI is: "Acknowledgement: EIR 24/0412" (round 14).
_EIR_SPACED_RE = re.compile(r"(?<![\w/-])(?:EIR|RFI)\s+(?P<ref>\d[\d/\-.]*\d)\b", re.I)
# A subject headed by a case system's word and number: "Case 00412 - Acknowledgement of your request",
# "RE: Case #88-1302 acknowledgement" (round 14; the subject only: "in this case 1500 records ..." in a
# letter is prose).
_SUBJECT_CASE_RE = re.compile(r"^\W*(?:(?:re|fw|fwd)\s*:\s*)*(?:case|ticket)\s*(?:no\.?|number|id|#)?\s*:?\s*"
                              r"(?P<ref>\d[\d/-]{2,14}\d)\b", re.I)
# A subject that starts with their number: "2012/845 - Response", "731.2018-19 Stop and search".
# (Round 12: a year and a long serial, "2022/25060 - Sexual offences", as well.)
_SUBJECT_LEAD_REF_RE = re.compile(
    r"^\W*(?:(?i:re|fw|fwd)\s*:\s*)*(?P<ref>\d{1,7}[/._-]\d{2,4}(?:[/-]\d{2,4})?|(?:19|20)\d\d[/_-]\d{5,8})"
    r"(?=\s*[-:\u2013]|\s+[A-Z])"
)
# A subject headed by a bare serial and the title, "11258 Brothels" (round 12): four to eight
# figures, then a capitalised word that is no unit counted ("1500 Officers", "2000 Act" are not
# case numbers: a year is never taken, nor a number that counts people, things or time, nor a
# telephone prefix such as "0800").
_COUNTED_NOUN = (r"(?:officers?|people|persons?|staff|members?|crimes?|offences?|incidents?|cases?|arrests?|calls?"
                 r"|pounds?|hours?|days?|weeks?|months?|years?|miles?|metres?|vehicles?|cars?|cameras?|homes?|houses?"
                 r"|jobs?|posts?|pupils?|children|victims?|patients?|beds?|reports?|records?|requests?|acres?|tonnes?)")
_SUBJECT_LEAD_SERIAL_RE = re.compile(
    r"^\W*(?:(?i:re|fw|fwd)\s*:\s*)*(?P<ref>(?!0\d{3}\b)\d{4,8})\s+(?=[A-Z][a-z]+(?:\s|$))"
    r"(?!(?i:" + _COUNTED_NOUN + r")\b)"
)
# A number, a dot and the financial year it was logged in: "0142.2024-25", "731.2018-19". Its shape
# alone marks it as a case number, labelled or not (round 6).
_DOTTED_YEAR_REF_RE = re.compile(r"(?<![\w.])(?!(?:19|20)\d\d\.)(?P<ref>\d{2,7}\.(?:19|20)\d\d[-/]\d\d(?:\d\d)?)"
                                 r"(?![\w.-]|\.\w)")
# "FOI / 5218 / 2021 / Street Lighting": a log title whose reference is spaced round its slashes (round 8).
_SPACED_SLASH_RE = re.compile(r"(?<![\w/])(?P<ref>(?:FOI|FOIA|RFI|EIR)\s?/\s?\d{1,7}\s?/\s?(?:19|20)\d\d)(?![\d/])",
                              re.I)
# Round 9 shapes. A short capital prefix glued to a long number ("FI27316", "F29641", "IRQ0573128"),
# five digits at least so that road numbers ("A1234") stay words; a label glued to its number
# ("FOIA ref452719"); a label, the year and a number spaced ("FOI 2022 267"); initials, a date and
# a name ("ab/13.05.15/Smith").
_GLUED_PREFIX_RE = re.compile(r"(?<![\w/.-])(?P<ref>(?-i:[A-Z]{1,5})\d{5,10})(?![\w/-])")
_GLUED_LABEL_RE = re.compile(r"(?<![\w/-])(?:FOIA?|EIR|RFI)\s+ref\.?(?P<ref>\d{4,10})\b", re.I)
_YEAR_SPACED_RE = re.compile(r"(?<![\w/-])(?:FOIA?|EIR|RFI)\s+(?P<ref>(?:19|20)\d\d\s\d{1,6})(?![\w/.-])", re.I)
_INITIALS_DATE_RE = re.compile(r"(?<![\w/])(?P<ref>[A-Za-z]{1,4}/\d{1,2}[./]\d{1,2}[./]\d{2,4}/[A-Z][A-Za-z'\-]+)"
                               r"(?![\w/])")
_THIS_REQUEST_RE = re.compile(r"\b(?:response|reply|answer|regard|relation|respect|reference)\s+$", re.I)
# A disclosure-log title: "Parking fines (482/21)", "Bicycle Thefts - 274/21".
# (Round 12: the year after a dot, "Vetting forms - 728.2021", as well.)
_TITLE_REF_RE = re.compile(
    r"(?m)^[^\n]{3,90}?(?:\((?P<a>\d{1,7}[A-Z]?[/_-]\d{2,4})\)|[ \t][-\u2013][ \t](?P<b>\d{1,7}[A-Z]?/\d{2,4}"
    r"|\d{1,7}\.(?:19|20)\d\d))[ \t]*$",
    re.I
)


# A list of references under its heading: "logged under the references shown below:" then one
# line per request, each starting with its number ("6318 Questions A and C"); the first is taken.
_LISTED_REF_RE = re.compile(
    r"\breferences?\s+(?:numbers?\s+)?(?:shown|listed|given|set\s+out|as\s+follows)(?:\s+below)?\s*:?[ \t]*\n\s*"
    r"(?P<ref>[A-Za-z0-9](?:[A-Za-z0-9/_.\-]*\d[A-Za-z0-9/_.\-]*)?)(?=[\s,;]|$)",
    re.I,
)


# The word before a label that makes it someone else's reference: ours ("your ref"), a date
# ("date of request"), or an earlier request ("identical to request FOI-2026-1871").
_NOT_THEIRS = frozenset({"your", "my", "yr", "of", "date", "to", "previous", "earlier", "prior", "original",
                         "another", "similar", "separate"})


def _is_date(token: str) -> bool:
    m = re.fullmatch(r"(\d{1,2})[/.](\d{1,2})[/.](\d{2}|\d{4})", token)
    if m:
        day, month, year = (int(g) for g in m.groups())
        if 100 <= year < 1900:
            return False  # "18/10/2734": year, month and a four-figure number (Kent's shape), not a date
        try:
            date(year + (2000 if year < 100 else 0), month, day)
            return True
        except ValueError:
            return False
    return bool(re.fullmatch(r"\d{4}-\d{2}-\d{2}", token))


def _valid_ref(token: str) -> bool:
    token = token.strip(".-/")
    if len(token) < 3 or len(token) > 40 or not re.search(r"\d", token):
        return False
    if _OUR_REF_RE.match(token):
        return False  # that is our own reference, quoted back to us
    if re.fullmatch(r"(?:FS|FER)\d{7,8}|IC-\d{4,7}-[A-Z0-9]{4}", token, re.I):
        return False  # the Information Commissioner's case or decision notice, not the authority's (round 8)
    if re.fullmatch(r"19\d\d|20[0-3]\d", token):
        return False  # "FOIA 2000", "reference 2024" (a number no letter could date, "2052", is a case)
    if _is_date(token):
        return False  # a date, not a reference
    m = re.fullmatch(r"((?:19|20)\d\d)[/-]((?:19|20)?\d\d)", token)
    if m and int(m.group(2)[-2:]) == (int(m.group(1)) + 1) % 100:
        return False  # a financial year ("2010/2011", "2019-20")
    m = re.fullmatch(r"((?:19|20)\d\d)\s?[/-]\s?((?:19|20)\d\d)", token)
    if m and int(m.group(1)) < int(m.group(2)):
        return False  # a range of years ("2015-2019")
    if re.fullmatch(r"\d{1,2}(?:st|nd|rd|th)?", token) or re.fullmatch(r"\d+(?:\.\d+)?", token) and len(token) < 4:
        return False
    if "@" in token or token.lower().startswith(("http", "www")):
        return False
    return True


def _clean(ref: str) -> str:
    ref = ref.rstrip(".-/")
    # "FOI 2019/01234": the word FOI is a label, not part of the reference.
    return re.sub(r"^FOI\s+(?=\d)", "", ref, flags=re.I)


_STRONG_LABEL_RE = re.compile(r"\b(?:our|force|foi|foia|freedom\s+of\s+information|case|unique|enquiry|review|ticket)\b"
                              r"|\b(?:ref(?:erence)?|request)\s*(?:n\s?o\b|number|num\b|nr\b|#)", re.I)


def _label_rank(m: re.Match[str], text: str) -> int:
    """0 for a label that names the authority's reference ("Our ref:", "Reference No:", "FOI
    request 512/14") or is followed by a colon; 2 for a bare word in prose ("ref G20 protest",
    "request G20 - ..."), which a labelled reference elsewhere beats (issue 12, pattern 6)."""
    if _STRONG_LABEL_RE.search(m.group("label")):
        return 0
    between = text[m.end("label") : m.start("ref")]
    if re.search(r"[:#=]", between):
        return 0
    line_start = text.rfind("\n", 0, m.start("label")) + 1
    if not text[line_start : m.start("label")].strip():
        return 1  # a label at the start of its line ("Ref 4505")
    return 2


def _token_rank(ref: str) -> int:
    """A long number or a token with separators reads as a case reference; a short token such as
    "G20" or "A1" is as likely a word of the text."""
    digits = sum(ch.isdigit() for ch in ref)
    if digits >= 4 or (digits >= 2 and re.search(r"[/_\-.]", ref)):
        return 0
    return 1


# A label line: "Our Ref: 431", "Ref: FOI 318 05 22", "Our Ref: ABC/DE/FOI/412 & 519/16", "Reference:
# 2022 – 187 / QX4410". A label at the start of its line, a colon, and the rest of the line a code
# (groups of capitals and figures joined by spaces, slashes, dashes or "&"): the whole rest of the
# line is the reference, however it is spaced, and three figures are enough (issue 12, round 11).
_CODE_GROUP = r"(?:[A-Za-z]*\d[A-Za-z0-9]*|(?-i:[A-Z]{1,6}))"
_CODE_LINE_RE = re.compile(_CODE_GROUP + r"(?:(?:\s*[/&\-\u2013.]\s*|\s)" + _CODE_GROUP + r"){0,7}")


def _line_value(m: re.Match[str], text: str) -> str | None:
    """The rest of the line after a label that heads its line with a colon, when that is a code."""
    line_start = text.rfind("\n", 0, m.start("label")) + 1
    if "\n" in m.group("label"):
        # a heading's last word read as the start of the label ("RESPONSE TO REQUEST\nReference:"):
        # the label's own line is what counts
        line_start = m.start("label") + m.group("label").rfind("\n") + 1
    head = text[line_start : m.start("label")].strip()
    if (head and not re.fullmatch(r"[A-Za-z]+", head)) or m.group("paren"):
        return None  # (one word before the label is part of it: "Our" before "Ref")
    if not re.search(r":", text[m.end("label") : m.start("ref")]):
        return None
    line_end = text.find("\n", m.start("ref"))
    value = text[m.start("ref") : len(text) if line_end < 0 else line_end].strip()
    if not value or len(value) > 40 or not _CODE_LINE_RE.fullmatch(value):
        return None
    value = _clean(value)
    digits = re.sub(r"\D", "", value)
    if len(digits) < 3 or not (_valid_ref(value.replace(" ", "")) or re.fullmatch(r"\d{3}", value)):
        return None
    if re.fullmatch(r"\d{1,2}\s\d{1,2}\s\d{2,4}", value) or _is_date(value):
        return None  # a date written with spaces
    return value


def _ref_candidates(text: str) -> list[tuple[int, int, str]]:
    """(priority, position, reference); lower priority number wins."""
    out: list[tuple[int, int, str]] = []
    pos = 0
    while (m := _LABELLED_REF_RE.search(text, pos)) is not None:
        pos = m.end()
        pre = (m.group("pre") or "").strip().lower()
        # "YOUR REQUEST (31847):" is their number for our request; "your ref" is ours.
        # "YOUR REQUEST (31847):" and "your request 2012/845" are their number for our request
        # (we never number ours that way); "your ref" is ours.
        theirs_for_ours = pre == "your" and re.search(r"request|enquiry", m.group("label"), re.I) is not None and (
            bool(m.group("paren")) or _token_rank(_clean(m.group("ref"))) == 0)
        # "in response to FOI request 731.2018-19" is this request; "identical to request ..." another.
        theirs_for_ours = theirs_for_ours or (pre == "to" and bool(_THIS_REQUEST_RE.search(text[: m.start()])))
        # "My ref:" heads the officer's own letter (round 9); "my request" is ours.
        theirs_for_ours = theirs_for_ours or (pre == "my" and m.group("label").lower().startswith("ref"))
        # "Your reference is 24-117", "your case number is 55120": a number told to us in a sentence
        # is the one they gave our request; "Your ref:" heading a letter is ours (round 14).
        theirs_for_ours = theirs_for_ours or (pre == "your" and re.match(r"\s+is\b", text[m.end("label"):]) is not None)
        if pre in _NOT_THEIRS and not theirs_for_ours:
            # "your reference FOI-CAUTIONS-0007" is ours, "date of request: ..." a date; "Our ref" may follow.
            pos = m.end("label")
            continue
        whole = _line_value(m, text)
        if whole is not None:
            out.append((_label_rank(m, text), m.start(), whole))
            continue
        ref = _clean(m.group("ref"))
        if _valid_ref(ref):
            out.append((_label_rank(m, text) + _token_rank(ref), m.start(), ref))
        else:
            # "FREEDOM OF INFORMATION REQUEST Request Number: Q-2011-03318": a label read with a
            # word for its value may be the start of the real label; search again after it.
            pos = m.end("label")
    for m in _LISTED_REF_RE.finditer(text):
        ref = _clean(m.group("ref"))
        if re.search(r"\d", ref) and _valid_ref(ref):
            out.append((1, m.start(), ref))
    for m in _TITLE_REF_RE.finditer(text):
        ref = m.group("a") or m.group("b")
        if _valid_ref(ref):
            out.append((3, m.start(), ref))
    for m in _FOI_DOTTED_RE.finditer(text):
        out.append((3, m.start(), m.group("ref")))
    for m in _FOI_GLUED_RE.finditer(text):
        ref = m.group("ref").rstrip(".-/")
        if _valid_ref(ref):
            out.append((3 + _token_rank(ref), m.start(), ref))
    for m in _DOTTED_YEAR_REF_RE.finditer(text):
        out.append((3, m.start(), m.group("ref")))
    for m in _SPACED_SLASH_RE.finditer(text):
        out.append((3, m.start(), re.sub(r"\s+", "", m.group("ref"))))
    for rx, rank in ((_GLUED_LABEL_RE, 2), (_YEAR_SPACED_RE, 3), (_INITIALS_DATE_RE, 3), (_GLUED_PREFIX_RE, 4)):
        for m in rx.finditer(text):
            ref = m.group("ref")
            if _valid_ref(ref.replace(" ", "")):
                out.append((rank, m.start(), ref))
    for rx in (_FOI_SPACED_RE, _EIR_SPACED_RE):
        for m in rx.finditer(text):
            ref = m.group("ref").rstrip(".-/")
            if _valid_ref(ref):
                out.append((5, m.start(), ref))
    return out


# A log page's number on a line of its own by the title ("Firearms licences\n4417\nPart disclosure"):
# the case number, though unlabelled (issue 12, round 8). Only near the top, beside a title line.
_BARE_NUMBER_LINE_RE = re.compile(r"^\s*(?P<ref>\d{3,8}(?:[/\-]\d{2,4})?)\s*$")
_TITLE_LINE_RE = re.compile(r"^\s*[A-Z][\w'\-]*(?:\s+[\w'&()\-,]+){1,14}\s*$")


def head_number(text: str, top: int = 4) -> str | None:
    lines = [x for x in (text or "").split("\n") if x.strip()][:top]
    for k, line in enumerate(lines):
        m = _BARE_NUMBER_LINE_RE.match(line)
        if not m or not _valid_ref(m.group("ref")):
            continue
        beside = lines[max(0, k - 1) : k] + lines[k + 1 : k + 2]
        if any(_TITLE_LINE_RE.match(b) and not b.rstrip().endswith((".", ":", ",")) for b in beside):
            return m.group("ref")
    return None


# A code heading the letter or its subject (round 10): a short capital prefix and a number, alone on
# its line or before a dash and the title, "ABCD 40123", "XFRS 2021 55 - grass fires in the park",
# "PUB 2047", "Request for Information: ABCD 40217 - Siting of ...". Authorities print their
# case code as the heading as often as they label it. (Not "FOIA 2000" or "PACE 1984": a prefix
# and a year alone names an Act; nor "TEL 01234 567890".)
# Capitals before a number that are not a case code: a telephone or address line, a part of a
# document, an Act, or a label that other shapes read ("FOI 2022 267").
_NOT_CODE = (r"(?:TEL|FAX|MOB|PHONE|DX|BOX|ROOM|FLOOR|UNIT|SUITE|PAGE|TOTAL|SECTION|PART|ANNEX|APPENDIX|FOIA?"
             r"|FOISA|EIRS?|RFI|PACE|ISO|NHS|REF|NO|NUMBER)")
_HEAD_CODE_RE = re.compile(
    r"^\W{0,3}(?:(?:re|fw|fwd)\s*:\s*)*(?:[A-Za-z][A-Za-z ]{1,40}:\s*)?"
    r"(?P<ref>(?!" + _NOT_CODE + r"\b)"
    r"(?-i:[A-Z]{2,6})\s(?!(?:19|20)\d\d\b(?!\s\d))\d{3,8}(?:\s\d{1,6})?)"
    r"(?=\s*$|\s+[-\u2013:]\s|\s*,|\s+(?-i:[A-Z])[a-z])",
    re.I,
)
# The same code closing a heading line that the reader ran into the next: "... Border Control,
# Operations PUB 2047".
_TAIL_CODE_RE = re.compile(
    r"(?<![.;:!?])\s(?P<ref>(?!" + _NOT_CODE + r"\b)(?-i:[A-Z]{2,6})\s(?!(?:19|20)\d\d\b(?!\s\d))\d{3,8}"
    r"(?:\s\d{1,6})?)\s*$"
)
_LONG_NUMBER_RE = re.compile(r"(?<![\w/.\-])(?P<ref>\d{4,8})(?![\w/\-]|\.\d)")


def head_code(text: str, top: int = 6) -> str | None:
    """A case code heading the first lines of `text` ("ABCD 40123", "XFRS 2021 55 - title")."""
    for line in [x for x in (text or "").split("\n") if x.strip()][:top]:
        m = _HEAD_CODE_RE.match(line) or _TAIL_CODE_RE.search(line)
        if m and _valid_ref(m.group("ref").replace(" ", "")):
            return m.group("ref")
    return None


def shared_number(text: str, subject: str, top: int = 10) -> str | None:
    """A number of four to eight figures that both the subject and the letter's first lines
    carry ("Disclosure Log - March 2022 - 7156 abandoned vehicles" over "7156 11.03.22"): the case
    number, printed twice by the authority. (Not a year.)"""
    head = "\n".join([x for x in (text or "").split("\n") if x.strip()][:top])
    ours = {m.group("ref") for m in _LONG_NUMBER_RE.finditer(subject or "")}
    for m in _LONG_NUMBER_RE.finditer(head):
        ref = m.group("ref")
        if ref in ours and not re.fullmatch(r"(?:19|20)\d\d", ref) and _valid_ref(ref):
            return ref
    return None


# A log title closing on its bare case number in brackets, "Police horses (154321)" (round 12b): four
# to eight figures, never a year any letter could be about.
_SUBJECT_TAIL_NUMBER_RE = re.compile(r"\((?P<ref>\d{4,8})\)\s*$")
# A log title headed by a code of capitals glued to its figures and a spaced dash, "XY0123 – Speed
# cameras" (round 12b). Two capitals at least (a road, "A140 - closures", has one), three figures.
_SUBJECT_LEAD_GLUED_RE = re.compile(
    r"^\W*(?:(?i:re|fw|fwd)\s*:\s*)*(?P<ref>(?!" + _NOT_CODE + r"\d)(?-i:[A-Z]{2,5})\d{3,8})\s+[-\u2013\u2014:]\s",
    re.I,
)


def title_code(line: str) -> str | None:
    """The authority's case number carried by a title line: "(154321)" closing it, or "XY0123 -"
    heading it."""
    m = _SUBJECT_TAIL_NUMBER_RE.search(line or "") or _SUBJECT_LEAD_GLUED_RE.match(line or "")
    if m and _valid_ref(m.group("ref")):
        return m.group("ref")
    return None


def find_force_reference(text: str, subject: str = "") -> str | None:
    """The force's own reference from the subject or text ("Our ref: 000123/19",
    "FOI-2019-0456", "Ref: 01/FOI/25/006753/Z"). A space-separated "FOI " label is dropped
    ("FOI 2019/01234" -> "2019/01234"); prefixes joined with - or / are part of the reference.
    Our own references (FOI-CAUTIONS-0007) and "your ref" values are never returned."""
    candidates = [(p, 0, pos, ref) for p, pos, ref in _ref_candidates(subject or "")]
    lead = _SUBJECT_LEAD_REF_RE.match(subject or "")
    if lead and _valid_ref(lead.group("ref")):
        candidates.append((3, 0, 0, lead.group("ref")))
    serial = _SUBJECT_LEAD_SERIAL_RE.match(subject or "")
    if serial and _valid_ref(serial.group("ref")) and not re.fullmatch(r"(?:19|20)\d\d", serial.group("ref")):
        candidates.append((4, 0, 0, serial.group("ref")))
    case = _SUBJECT_CASE_RE.match(subject or "")
    if case and _valid_ref(case.group("ref")):
        candidates.append((3, 0, 0, case.group("ref")))
    titled = title_code(subject or "")
    if titled:
        candidates.append((3, 0, 0, titled))
    candidates += [(p, 1, pos, ref) for p, pos, ref in _ref_candidates(text or "")]
    head = head_number(text or "")
    if head:
        candidates.append((4, 1, 0, head))
    for where, code in ((0, head_code(subject or "", top=1)), (1, head_code(text or ""))):
        if code:
            candidates.append((3, where, 0, code))
    shared = shared_number(text or "", subject or "")
    if shared:
        candidates.append((3, 1, 0, shared))
    if not candidates:
        return None
    # A labelled reference beats an unlabelled one wherever it is; the subject wins ties
    # because forces put their case number there consistently.
    candidates.sort()
    return candidates[0][3]


def find_case_number(text: str) -> str | None:
    """A reference whose shape alone marks it as the authority's case number ("0142.2024-25"), for
    text where labels cannot be trusted: the request as a disclosure log prints it, headed by its
    number. Our own request never carries their number."""
    m = _DOTTED_YEAR_REF_RE.search(text or "")
    return m.group("ref") if m else None
