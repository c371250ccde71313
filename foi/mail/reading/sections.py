"""Which FOIA sections a reply relies on to refuse, normalised ("12", "40(2)", "31(1)(a)").

Replies cite many sections that are not refusal grounds (duties and advice under s.1, s.10,
s.16, s.17, s.50) and sections of other Acts ("section 38 of the Offences Against the Person
Act"); only the grounds below are collected. Cost-limit and vexatious wording count as the
section they invoke even when the number is not written.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from foi.mail.reading.sentences import is_boilerplate, is_conditional, split_sentences
from foi.mail.reading.signals import COST_LIMIT_RE, NCND_RE

# FOIA Part II grounds (ss.21-44; s.25 is about certificates), plus the procedural refusals
# (s.12 cost, s.14 vexatious/repeated). Forces mostly cite 21-24, 30, 31, 38 and 40-43; government
# departments also 27, 35 and 36. Other section numbers in a reply are duties or advice
# (s.1, s.10, s.16, s.17, s.50) or belong to other Acts and are not refusal grounds.
REFUSAL_SECTIONS = frozenset({"12", "14", *(str(n) for n in range(21, 45) if n != 25), "22A"})

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
# Another Act named just before the section: "the Town Police Clauses Act 1847, Section 21",
# "Data Protection Act 2018 s.45" (issue 12, coverage).
_ACT_BEFORE_RE = re.compile(
    r"(?P<act>\b[A-Z][\w'\-]*(?:\s+(?:[A-Z][\w'\-]*|&|of|the|and|for|on|in|to))*\s+Act)(?:\s+(?:1[89]|20)\d\d)?"
    r"\s*[,:\-\u2013]?\s*$",
)
# "section 24(2) of the FOI Act", "of the FOIA": this Act, not another one.
_OUR_ACT_RE = re.compile(r"^(?:the\s+)?(?:FOI|FOIA|FOISA|FoI)\b", re.I)

# The cost limit described as the work it would take (round 12): a search, review or reading done
# by hand, record by record, that the request would need ("would entail a member of staff manually
# searching many hundreds of records", "each of these incidents would need to be read", "it would be
# necessary to individually review each and every file"). Three meanings in one sentence, in any
# order: the work is needed (not done), it is done by hand or one by one, and it searches or reads.
# Work already done ("we manually searched every file") or offered ("we could review each file if
# you narrow the dates") is not the limit.
_WORK_NEEDED = (r"\b(?:would|will)\s+(?:\w+\s+){0,3}?(?:need|require|entail|involve|necessitate|mean|have\s+to)\b"
                r"|\b(?:would|will)\s+be\s+(?:necessary|required|needed|by\s+way\s+of)\b"
                r"|\b(?:would|will)\s+(?:\w+\s+)?(?:need|have)\s+to\s+be\b")
_BY_HAND = (r"\bmanual(?:ly)?\b|\bindividual(?:ly)?\b|\bby\s+hand\b|\bone\s+by\s+one\b|\beach\b|\bevery\b"
            r"|\b(?:many\s+)?(?:hundreds|thousands)\s+of\b|\b\d{1,3}(?:,\d{3})+\b|\b\d{3,}\s+(?:\w+\s+){0,2}?(?:records"
            r"|files|reports|logs|incidents|documents|e-?mails|cases|entries|occurrences|crimes)\b")
_SEARCHING = (r"\b(?:search\w*|review\w*|read(?:ing)?|examin\w*|check\w*|trawl\w*|inspect\w*|scrutin\w*"
              r"|(?:go|going|look|looking|went|trawl)\s+through)\b")
MANUAL_WORK_RE = re.compile(r"(?s)^(?=.*?(?:" + _WORK_NEEDED + r"))(?=.*?(?:" + _BY_HAND + r"))(?=.*?(?:" + _SEARCHING
                            + r"))(?!.*?\b(?:if\s+you|should\s+you|were\s+you\s+to|could\s+you|would\s+you)\b)",
                            re.I)

# The letter says it will not give what was asked, in whatever words: the work described above is
# then its reason, not the history of an answer (a review explaining why figures came in another
# form describes the work and refuses nothing).
_CANNOT_GIVE_RE = re.compile(
    r"\b(?:unable|not\s+(?:able|possible|in\s+a\s+position)|cannot|can\s*not|can't|could\s+not|will\s+not|won't"
    r"|not\s+(?:be\s+)?(?:practicable|feasible))\s+(?:to\s+)?(?:be\s+)?(?:\w+\s+)?(?:supply|supplied|provide|provided|disclose"
    r"|disclosed|release|released|comply|answer|answered|respond|give|given|fulfil|meet|extract|extracted|retrieve"
    r"|retrieved)\b"
    r"|\brefus\w*|\bdeclin(?:e|ed|ing)\s+(?:to\s+)?(?:your|the|this)\b",
    re.I,
)

_KEYWORD_SECTIONS: tuple[tuple[re.Pattern[str], str], ...] = (
    (COST_LIMIT_RE, "12"),
    # "within the permitted 18 hour threshold": the police cost limit in hours (round 8).
    (re.compile(r"\b18[\s-]hours?\s+(?:threshold|limit|ceiling)|\b(?:threshold|limit|ceiling)\s+of\s+18\s+hours", re.I),
     "12"),
    (re.compile(r"\brepeated\s+request|\brepeat(?:ed)?\s+of\s+(?:a|an|your)\s+(?:previous|earlier)\s+request|"
                r"substantially\s+similar\s+to\s+(?:a|an|your)\s+(?:previous|earlier)", re.I), "14(2)"),
    (re.compile(r"(?<!not\s)\bvexatious\b", re.I), "14"),
    (re.compile(r"\breasonably\s+accessible\s+(?:to\s+(?:you|the\s+applicant)\s+)?by\s+other\s+means", re.I), "21"),
    (re.compile(r"\bintended\s+for\s+(?:future\s+)?publication|\bfuture\s+publication\b", re.I), "22"),
)


# "what it would cost to establish whether we hold anything": s.12(2), the duty to confirm or deny.
_WHETHER_HELD_RE = re.compile(r"\b(?:determin\w*|establish\w*|confirm\w*|ascertain\w*|know)\s+(?:whether|if)\s+"
                              r"[^.;]{0,80}?\b(?:is|was|are|were)\s+(?:or\s+(?:isn.t|is\s+not)\s+)?held", re.I)
# "... determining if it is held, locating and retrieving it exceeds ...": s.12(1) as well.
_RETRIEVE_RE = re.compile(r"\blocat\w*|\bretriev\w*|\bextract\w*|\bcollat\w*", re.I)


def _norm_subs(subs: str) -> list[str]:
    parts = re.findall(r"\(\s*([0-9A-Za-z]+)\s*\)", subs)
    return [p.upper() if p[0].isdigit() else p.lower() for p in parts]


def _fmt(num: str, subs: list[str]) -> str:
    return num.upper() + "".join(f"({s})" for s in subs)


def _expand(num: str, subs: list[str]) -> list[str]:
    """"31(1)(a)(b)" names two sections, 31(1)(a) and 31(1)(b): trailing single letters in
    alphabetical sequence are siblings. "40(5B)(a)(i)" is one section ((i) is a roman level)."""
    # "31(1)(g)(2)(a)(b)": the exemption is 31(1)(g), exercised for the purposes listed in 31(2);
    # a second subsection number after a letter starts that reference, not a deeper level.
    for k in range(2, len(subs)):
        if subs[k][0].isdigit() and any(re.fullmatch(r"[a-z]", x) for x in subs[1:k]):
            subs = subs[:k]
            break
    tail = 0
    while tail < len(subs) and re.fullmatch(r"[a-z]", subs[len(subs) - 1 - tail]):
        tail += 1
    letters = subs[len(subs) - tail :]
    if tail >= 2 and all(ord(b) == ord(a) + 1 for a, b in zip(letters, letters[1:], strict=False)):
        return [_fmt(num, subs[: len(subs) - tail] + [letter]) for letter in letters]
    return [_fmt(num, subs)]


# The statute's own cross-references, quoted with an exemption: "information that section 30 does not
# already make exempt is exempt where ...", "which does not fall within
# section 23(1)", "other than section 21". The section named there is not a ground.
_CROSS_REF_RE = re.compile(
    r"(?:\bnot\s+exempt(?:\s+information)?\s+(?:by\s+virtue\s+of|under)|\b(?:does|do)\s+not\s+fall\s+within"
    r"|\bother\s+than|\bexcept(?:\s+for)?|\bapart\s+from|\bnot\s+(?:covered|caught)\s+by)\s*(?:any\s+of\s+)?$",
    re.I,
)


# "Exemptions applied: 23(5), 24(2) and 40(5)": a list of bare numbers after a heading that says
# they are exemptions (round 6).
_LIST_HEAD_RE = re.compile(r"\bexemptions?\b[^:.\d]{0,30}[:\u2013-]\s*", re.I)
_BARE_RE = re.compile(r"(?P<num>\d{2}[A-Z]?)(?P<subs>" + _SUB
                      + r"*+)(?![\d/:%(]|\.\d|\s*(?:hours|days|years|per\s+cent))")
_BARE_SEP_RE = re.compile(r"\s*(?:,\s*(?:and|or|&)?|and|or|&|/)\s*", re.I)


def _bare_list(sentence: str) -> list[tuple[int, str]]:
    head = _LIST_HEAD_RE.search(sentence)
    if not head:
        return []
    out: list[tuple[int, str]] = []
    pos = head.end()
    while True:
        m = _BARE_RE.match(sentence, pos)
        if not m or m.group("num") not in REFUSAL_SECTIONS:
            break
        out.extend((m.start(), sec) for sec in _expand(m.group("num"), _norm_subs(m.group("subs") or "")))
        sep = _BARE_SEP_RE.match(sentence, m.end())
        if not sep or not sep.group().strip():
            break
        pos = sep.end()
    return out


# The request quoted inline: "You asked: 'How many requests were refused under section 14?'" -
# the requester's words, not a ground (issue 12, coverage).
_QUOTED_REQUEST_RE = re.compile(
    r"\b(?:you\s+(?:asked|requested|wrote|asked\s+for|sought)|your\s+request\s+(?:was|read|reads|stated|states))"
    r"\s*(?:for\s+)?[:\-\u2013,]?\s*(?P<q>(?P<o>['\"\u2018\u201c])[^'\"\u2019\u201d]{3,600}['\"\u2019\u201d])",
    re.I,
)


def _blank_quoted_request(sentence: str) -> str:
    return _QUOTED_REQUEST_RE.sub(lambda m: m.group()[: m.start("q") - m.start()] + " " * len(m.group("q")), sentence)


# The Scottish Act numbers its grounds from s.25 (information otherwise accessible) to s.41; its
# s.12 is the cost limit too (round 8). Under FOISA s.25 is a ground.
SCOTTISH_SECTIONS = REFUSAL_SECTIONS | {"25"}
_FOISA_RE = re.compile(r"\bFOISA\b|\bFreedom\s+of\s+Information\s+\(Scotland\)\s+Act", re.I)


# The short titles of the FOIA grounds, as the Act heads them and letters repeat them. A number
# is a ground when its own title follows it ("Exclusion 38: Health and safety", "40(2) – Personal
# information", "Exemption 41 (information provided in confidence)"): the title checks the number
# (issue 12, round 11).
_TITLES: dict[str, str] = {
    "21": r"information\s+(?:reasonably\s+)?accessible\s+(?:to\s+the\s+applicant\s+)?by\s+other\s+means"
          r"|(?:reasonably|otherwise)\s+accessible",
    "22": r"(?:information\s+)?intended\s+for\s+future\s+publication|future\s+publication",
    "23": r"(?:information\s+supplied\s+by,?\s+or\s+(?:concerning|relating\s+to),?\s+)?(?:certain\s+)?"
          r"security\s+bodies",
    "24": r"national\s+security",
    "26": r"defence",
    "27": r"international\s+relations",
    "28": r"relations\s+within\s+the\s+(?:united\s+kingdom|UK)",
    "29": r"(?:the\s+)?economy",
    "30": r"investigations(?:\s+and\s+proceedings)?",
    "31": r"law\s+enforcement",
    "32": r"court\s+records",
    "33": r"audit\s+functions",
    "34": r"parliamentary\s+privilege",
    "35": r"(?:the\s+)?formulation\s+of\s+government\s+policy|government\s+policy",
    "36": r"prejudice\s+to\s+(?:the\s+)?effective\s+conduct\s+of\s+public\s+affairs"
          r"|(?:effective\s+)?conduct\s+of\s+public\s+affairs",
    "37": r"communications\s+with\s+(?:her|his|the)\s+(?:majesty|royal)|honours",
    "38": r"health\s+(?:and|&)\s+safety",
    "39": r"environmental\s+information",
    "40": r"personal\s+(?:data|information)",
    "41": r"(?:information\s+)?provided\s+in\s+confidence|confidential\s+information|breach\s+of\s+confidence",
    "42": r"legal\s+professional\s+privilege",
    "43": r"commercial\s+interests|trade\s+secrets",
    "44": r"prohibitions?\s+on\s+disclosure",
}
_GROUND_WORD = r"(?:exemptions?|exclusions?|exceptions?)"
_TITLED_RE = re.compile(
    r"(?<![\w.(/£$-])(?P<word>" + _GROUND_WORD + r"\s+)?(?P<num>\d{2}[A-Z]?)(?P<subs>" + _SUB + r"*)"
    r"(?![\d/.,%]|\s*(?:hours|days|years|per\s+cent))"
    r"(?P<sep>\s*[:\u2013\u2014-]\s*|\s*\(\s*|\s+)(?P<title>[A-Za-z][A-Za-z&,' ]{2,90})",
    re.I,
)


_NOT_A_GROUND_BEFORE_RE = re.compile(
    r"\b(?:paragraph|para|page|question|q|item|part|point|table|annex|appendix|clause|schedule|article|regulations?"
    r"|reg|rule|chapter|line|row|figure|no|number|nos|room|unit)\.?\s*$", re.I)


def _titled(sentence: str) -> list[tuple[int, str]]:
    """(position, section) for each ground given by number and title ("Exception 38: Health and safety")."""
    out: list[tuple[int, str]] = []
    for m in _TITLED_RE.finditer(sentence):
        title = _TITLES.get(m.group("num"))
        if title is None:
            continue
        # Without the word "exemption" a separator is needed ("31 – law enforcement", not "31 law
        # enforcement officers").
        if not m.group("word") and not m.group("sep").strip():
            continue
        if not m.group("word") and _NOT_A_GROUND_BEFORE_RE.search(sentence[max(0, m.start() - 20) : m.start()]):
            continue  # "paragraph 24 – national security", "Question 40 - personal data"
        if re.match(r"(?:" + title + r")\b", m.group("title"), re.I):
            out.extend((m.start(), sec) for sec in _expand(m.group("num"), _norm_subs(m.group("subs") or "")))
    return out


# The Act's own text quoted under its number: "31.(1) Information which is not exempt ... is exempt
# information if ...", "40 (2) Any information ... is also exempt information if". The provision a
# letter prints in full is the one it relies on when it names no other (issue 12, round 11).
_STATUTE_HEAD_RE = re.compile(
    r"^\W{0,3}(?:(?:section|s\.?)\s*)?(?P<num>\d{2}[A-Z]?)\s*\.?\s*(?P<subs>\(\s*\d+[A-Z]?\s*\))\s*"
    r"(?=(?:Information|Any\s+information|Personal\s+data|The\s+duty|A\s+public\s+authority)\b[^.]*?\b(?:exempt"
    r"|confirm\s+or\s+deny))"
)
# A law numbered by articles, as Jersey's and Guernsey's are: "we rely on Article 37(a) and (b) of
# the Freedom of Information (Jersey) Law". Its grounds are its own articles.
_ARTICLE_RE = re.compile(
    r"\barticles?\s+(?P<num>\d{1,2})(?P<subs>" + _SUB + r"*)(?P<more>(?:\s*(?:,\s*(?:and|&)?|and|&)\s*(?:\d{1,2}"
    + _SUB + r"*|" + _SUB + r"+))*)"
    r"(?=\s+of\s+the\s+Freedom\s+of\s+Information\s+\([A-Z][a-z]+\)\s+Law\b)",
    re.I,
)
# A section pointed back to ("the section 12 limit mentioned above") stands as it stood where it was
# first named; here it is only named.
_POINTED_BACK_RE = re.compile(
    r"\b(?:section|s\.?)\s*\d+[^.;]{0,40}?\b(?:cited|mentioned|referred\s+to|described|explained|quoted|outlined)"
    r"\s+(?:above|earlier|previously|before)\b",
    re.I,
)


def _statute_head(sentence: str) -> list[tuple[int, str]]:
    m = _STATUTE_HEAD_RE.match(sentence)
    if not m or m.group("num") not in REFUSAL_SECTIONS:
        return []
    return [(m.start("num"), _fmt(m.group("num"), _norm_subs(m.group("subs"))))]


def _articles(sentence: str) -> list[tuple[int, str]]:
    out: list[tuple[int, str]] = []
    for m in _ARTICLE_RE.finditer(sentence):
        listed = [m.group("num"), *re.findall(r"(?<![(\d])\d{1,2}(?![)\d])", m.group("more") or "")]
        # (the early articles define terms: "Article 3 - Meaning of ...")
        out.extend((m.start(), num) for num in listed if 16 <= int(num) <= 45)
    return out


def sections_in_sentence(sentence: str, *, scottish: bool = False) -> list[tuple[int, str]]:
    """(position, section) for every refusal-ground citation in one sentence; `scottish` when the
    reply answers under FOISA, whose s.25 is a ground."""
    grounds = SCOTTISH_SECTIONS if scottish or _FOISA_RE.search(sentence) else REFUSAL_SECTIONS
    sentence = _blank_quoted_request(sentence)
    found: list[tuple[int, str]] = _bare_list(sentence)
    found += [(pos, sec) for pos, sec in _titled(sentence) + _statute_head(sentence) + _articles(sentence)
              if (pos, sec) not in found]
    for m in _CITE_RE.finditer(sentence):
        if _CROSS_REF_RE.search(sentence[max(0, m.start() - 60) : m.start()]):
            continue
        before = _ACT_BEFORE_RE.search(sentence[max(0, m.start() - 80) : m.start()])
        act_words = before.group("act").split()[:-1] if before else []
        named = [w for w in act_words if w.lower() not in ("the", "this", "that")]
        if named and "freedom of information" not in " ".join(act_words).lower() and not _OUR_ACT_RE.match(named[0]):
            continue  # "the Town Police Clauses Act 1847, Section 21" is that Act's section
        group: list[tuple[int, str]] = []
        num, subs = m.group("num"), _norm_subs(m.group("subs") or "")
        group.extend((m.start(), sec) for sec in _expand(num, subs))
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
            group.extend((c.start(), sec) for sec in _expand(num, subs))
            end = c.end()
        act = _OTHER_ACT_RE.match(sentence[end : end + 120])
        if act and "freedom of information" not in act.group("act").lower() and not _OUR_ACT_RE.match(
            act.group("act")
        ) and re.search(r"\b(?!Act\b|The\b|This\b)[A-Z]", act.group("act")):
            continue  # "section 38 of the Offences Against the Person Act" is an offence, not an exemption
        found.extend((pos, sec) for pos, sec in group if re.match(r"\d+", sec).group() in grounds)  # type: ignore[union-attr]
    return found


# A ground the letter no longer relies on ("the section 31 arguments have been disregarded").
# So is one the letter avoided ("banded, which avoids the use of any exemption (section 40)",
# "no exemption has been applied").
_DROPPED_RE = re.compile(
    r"\bdisregarded\b|\bno\s+longer\s+(?:rel(?:y|ies|ying)|applies|apply)|\bwithdrawn\b"
    # "section 43 was not engaged", "was not correctly applied": a review setting a ground aside.
    r"|\b(?:was|were|is|are)\s+not\s+(?:engaged|(?:correctly|properly|appropriately|rightly)\s+(?:applied|engaged|relied))"
    r"|\b(?:applied|engaged|relied\s+(?:up)?on)\s+(?:incorrectly|wrongly|inappropriately)\b"
    r"|\b(?:does|do|did|will|are|is|am)\s+not\s+(?:be\s+)?rel(?:y|ies|ying)\s+(?:up)?on\b|\bnot\s+(?:been\s+)?relied\s+(?:up)?on\b"
    r"|\bavoid\w*\s+(?:the\s+)?(?:application|need|use)\s+of\b|\bwithout\s+(?:the\s+need\s+to\s+)?(?:apply|applying"
    r"|relying)|\bno\s+exemptions?\s+(?:has|have|is|are|was|were)\s+(?:been\s+)?(?:applied|engaged|needed|relied)"
    # "section 12 does not apply here", "is not being applied", "has not been engaged" (round 8)
    # (Not "the duty to confirm or deny does not apply by virtue of": that is NCND relied on; nor
    # with a comma before "by virtue of", round 14.)
    r"|(?<!duty\s)(?<!duties\s)\b(?:does|do|did|would|will)\s+not\s+(?:apply|be\s+applied|be\s+engaged|engage)\b"
    r"(?!\s*,?\s+(?:\w+\s+){0,3}(?:by\s+virtue|under|because\s+of\s+(?:the\s+)?(?:following|section)))"
    r"|\b(?:is|are|was|were)\s+not\s+(?:applicable|being\s+(?:applied|relied|used))\b"
    r"|\b(?:has|have)\s+not\s+been\s+(?:applied|engaged|relied|used)\b",
    re.I,
)


_TURN_RE = re.compile(r"\b(?:but|however|instead|rather)\b(?=[^.]*\b(?:sections?|s\.)\s*\d)", re.I)


def not_relied_on(sentence: str) -> bool:
    """True when a sentence names a ground the letter does not rely on (dropped or avoided)."""
    return bool(_DROPPED_RE.search(sentence))
# A sentence that explains an exemption rather than applying it.
_EXPLAINING_RE = re.compile(
    r"\b(?:is|are)\s+(?:an?\s+)?(?:absolute|qualified|prejudice[- ]based|class[- ]based)\b", re.I)


# A section named, not applied (issue 12, round 8): the statute described for any authority
# ("Section 12 lets an authority decline a request where ...", "Under section 14 a public authority
# need not comply ..."), or the subject of the request: other requests counted by the section they
# were refused under ("how many requests were refused under section 14", "the number of times
# section 12 was cited"). Such a section is the letter's ground only when nothing else is.
_DESCRIBES_RE = re.compile(
    r"\b(?:section|s\.?)\s*\d+[^.;]{0,60}?\b(?:(?:allows?|lets?|permits?|enables?|gives?|entitles?|requires?|obliges?)\s+(?:an?\s+|any\s+|the\s+)?"
    r"(?:public\s+)?(?:authority|authorities|bod(?:y|ies)|organisations?)|provides?\s+(?:that|for)|means\s+that|states?\s+that"
    r"|sets?\s+out|says?\s+that|makes?\s+provision)\b"
    r"|\b(?:an?|any|the)\s+(?:public\s+)?authority\s+(?:is\s+not\s+obliged|does\s+not\s+have|need\s+not|may|can|is\s+able)\b"
    r"|\bpublic\s+authorities\s+(?:are|may|can|need|do)\b"
    r"|\b(?:section|s\.?)\s*\d+[^.;]{0,60}?\bprovides?\s+(?:an?\s+)?(?:exemption|exception|ground|power|right|basis)\b"
    r"|\b(?:where|if|when)\s+(?:the|an?)\s+(?:public\s+)?authority\s+(?:estimates|considers|reasonably\s+believes|believes"
    r"|would|is\s+satisfied)\b",
    re.I,
)
_COUNTED_RE = re.compile(
    r"\b(?:requests|cases|occasions|applications|times|instances)\s+(?:\w+\s+){0,4}?(?:refused|closed|rejected|declined"
    r"|deemed|dealt\s+with|handled|treated|categorised|classed|marked|answered)\s+(?:as\s+\w+\s+)?(?:under|using|citing"
    r"|by\s+virtue\s+of|with)\b"
    r"|\b(?:how\s+(?:many|often)|number\s+of|frequency|count\s+of)\b[^.;]{0,80}?\b(?:were|was|been|being|had|have)\s+"
    r"(?:\w+\s+)?(?:refused|rejected|closed|declined|withheld|applied|cited|used|invoked|relied\s+(?:up)?on|exempted"
    r"|answered|dealt\s+with)\s+(?:\w+\s+){0,2}?(?:under\s+|using\s+|citing\s+|on\s+|by\s+)?(?:section|s\.?)\s*\d"
    r"|\b(?:section|s\.?)\s*\d+[^.;]{0,30}?\b(?:was|were|has\s+been|had\s+been)\s+(?:used|cited|applied|invoked|relied)"
    r"\b[^.;]{0,40}\b(?:times|occasions|how\s+often|each\s+year|per\s+year|in\s+\d{4})",
    re.I,
)


# "how many were closed as vexatious", "requests treated as vexatious": past cases counted.
_VEX_COUNTED_RE = re.compile(r"\b(?:how\s+(?:many|often)|number\s+of|were|requests|cases)\b[^.;]{0,60}?"
                             r"\b(?:closed|treated|deemed|classed|refused|declared|marked|categorised)"
                             r"\s+as\s+vexatious", re.I)


# A ground applied, then the statute described in a relative clause: "we are withholding it under
# section 22, which says that an authority need not disclose what it will publish", "it is exempt by
# virtue of section 21, which provides that ...". The main clause applies the ground; the clause
# after "which" only explains it (issue 12, round 11).
_RELATIVE_RE = re.compile(
    r",?\s*\b(?:which|that)\s+(?:\w+\s+)?(?:states?|provides?|says?|sets?\s+out|means?|allows?|permits?|lets?|covers?"
    r"|exempts?|applies|explains?|makes?\s+provision|gives?|enables?)\b", re.I)
_APPLYING_RE = re.compile(
    r"\b(?:withh(?:old|olding|eld)|exempt(?:ed|ing)?|rel(?:y|ying|ied|ies)|appl(?:y|ying|ied)|refus\w*|engag\w*|invok\w*"
    r"|not\s+(?:be\s+)?(?:disclos|provid|releas|supplie)\w*|(?:hold|holding|held)\s+(?:\w+\s+){0,3}?back)\b", re.I)


def _applied_before_described(sentence: str) -> bool:
    rel = _RELATIVE_RE.search(sentence)
    if not rel:
        return False
    head = sentence[: rel.start()]
    return bool(_CITE_RE.search(head) and _APPLYING_RE.search(head) and not _DESCRIBES_RE.search(head)
                and not _COUNTED_RE.search(head) and not is_conditional(head))


def named_only(sentence: str) -> bool:
    """True when the sections in `sentence` are named (described, or counted as the request's
    subject) rather than applied to this request."""
    if _COUNTED_RE.search(sentence) or _POINTED_BACK_RE.search(sentence):
        return True
    return bool(_DESCRIBES_RE.search(sentence)) and not _applied_before_described(sentence)


# The Environmental Information Regulations 2004 (issue 12, round 9): an authority refusing under
# the EIR cites exceptions by regulation, "regulation 12(4)(b)" (manifestly unreasonable, the EIR's
# cost refusal), "reg. 12(5)(f)", "regulations 12(3) and 13" (personal data). They are kept as the
# regulation numbers they are, never read as FOIA sections (12(4)(b) is not the cost limit s.12).
_REG_RE = re.compile(
    r"(?<![\w.])(?:regulations?|regs?\.?|r\.)\s*(?P<num>1[23])(?P<subs>" + _SUB + r"*)(?!\s*(?:hours|days|%))"
    r"|\bEIR\s+(?:exceptions?\s+)?(?P<num2>1[23])(?P<subs2>" + _SUB + r"+)",
    re.I,
)
_REG_CONT_RE = re.compile(r"\s*(?:,\s*(?:and|or|&)?|and|or|&|/)\s*(?:(?:regulations?|regs?\.?|r\.)\s*)?"
                          r"(?P<num>1[23])(?P<subs>" + _SUB + r"*)(?!\d|\.\d)", re.I)
# "Manifestly unreasonable" is the EIR's ground for a request too costly or burdensome to answer.
_MANIFESTLY_RE = re.compile(r"\bmanifestly\s+unreasonable\b", re.I)
_EIR_RE = re.compile(r"\bEIR\b|\bEnvironmental\s+Information\s+Regulations\b", re.I)


# "section 12(5)(b) and section 12(4)(d) of the Environmental Information Regulations": the letter says
# section, the instrument says regulation.
_SECTION_OF_EIR_RE = re.compile(r"\bof\s+the\s+(?:EIR|Environmental\s+Information\s+Regulations)\b", re.I)
_SECTION_AS_REG_RE = re.compile(r"(?<![\w.])sections?\s*(?P<num>1[23])(?P<subs>" + _SUB + r"*)", re.I)


def regulations_in_sentence(sentence: str) -> list[tuple[int, str]]:
    """(position, exception) for every EIR exception cited by regulation in one sentence."""
    found: list[tuple[int, str]] = []
    if _SECTION_OF_EIR_RE.search(sentence):
        for m in _SECTION_AS_REG_RE.finditer(sentence):
            found.extend((m.start(), sec) for sec in _expand(m.group("num"), _norm_subs(m.group("subs") or "")))
    for m in _REG_RE.finditer(sentence):
        num, subs = (m.group("num"), m.group("subs")) if m.group("num") else (m.group("num2"), m.group("subs2"))
        found.extend((m.start(), sec) for sec in _expand(num, _norm_subs(subs or "")))
        end = m.end()
        while (c := _REG_CONT_RE.match(sentence, end)) is not None:
            found.extend((c.start(), sec) for sec in _expand(c.group("num"), _norm_subs(c.group("subs") or "")))
            end = c.end()
    return found


def _eir_grounds(sentences: Sequence[str]) -> list[str]:
    """The EIR exceptions a reply relies on, in order; [] when it cites none."""
    found: list[tuple[int, int, str]] = []
    joined: list[str] = []
    for sentence in sentences:
        # "the exception at reg. | 12(4)(b) applies": a sentence cut after the abbreviation.
        if joined and re.search(r"\b(?:reg|regs|r)\.\s*$", joined[-1], re.I):
            joined[-1] = joined[-1].rstrip() + " " + sentence
            joined.append("")
        else:
            joined.append(sentence)
    for idx, sentence in enumerate(joined):
        if not sentence or is_conditional(sentence) or is_boilerplate(sentence) or sentence.rstrip().endswith("?"):
            continue
        if _DROPPED_RE.search(sentence):
            continue
        found.extend((idx, pos, sec) for pos, sec in regulations_in_sentence(sentence))
        m = _MANIFESTLY_RE.search(sentence)
        if m and not any(i == idx and sec.startswith("12(4)") for i, _, sec in found):
            found.append((idx, m.start(), "12(4)(b)"))
    out: list[str] = []
    for _, _, sec in sorted(found):
        if sec not in out:
            out.append(sec)
    # "regulation 12(4)(b)" beside a bare "regulation 12": the specific one.
    return [sec for sec in out if "(" in sec or not any(o.startswith(sec + "(") for o in out)]


# Grounds that refuse the request as a whole (cost, vexatious), saying nothing of the information.
WHOLE_REQUEST_GROUNDS = frozenset({"12", "12(1)", "12(2)", "14", "14(1)", "14(2)"})


def collect_sections(sentences: Sequence[str]) -> list[str]:
    """:func:`find_sections` over a reply already split into sentences; a reply refused under the
    EIR gives its regulation numbers ("12(4)(b)", "13")."""
    eir = _eir_grounds(sentences) if any(_EIR_RE.search(x) or _REG_RE.search(x) or _MANIFESTLY_RE.search(x)
                                         or re.search(r"\b(?:reg|regs)\.\s*$", x, re.I) for x in sentences) else []
    if eir:
        # Refused under the EIR: its exceptions are the grounds; the FOIA's s.39 (environmental
        # information goes to the EIR) and the cost wording behind "manifestly unreasonable" are not.
        foia = [sec for sec in _collect_foia(sentences) if not re.match(r"(?:12|39)\b", sec)]
        return eir + [sec for sec in foia if sec not in eir]
    return _collect_foia(sentences)


# The letter's own rule put as a condition, then the condition met (round 12): "Under section 21 we
# are not required to provide information that is reasonably accessible to you" followed by "The
# figures you asked for are on our website"; "Section 22 means we need not disclose what we intend
# to publish" then "the report is due to be published in June". The rule is said of the authority
# itself ("we", "I", "the force"), and one of the next two sentences states the fact that meets it:
# the information is already published, or is to be.
_OWN_RULE_RE = re.compile(
    r"\b(?:we|I|the\s+(?:force|constabulary|council|service|trust|authority|department))\s+(?:are|am|is|do|does"
    r"|need|will)\s*(?:not|n't)\s+(?:\w+\s+)?(?:required|obliged|need|have\s+to|bound)\b"
    r"|\b(?:we|I)\s+need\s+not\b|\b(?:exempts?|relieves?|frees?)\s+(?:us|the\s+(?:force|council|authority))\s+from\b",
    re.I,
)
_FACT_MET: dict[str, re.Pattern[str]] = {
    "21": re.compile(r"\b(?:is|are|was|were|has\s+been|have\s+been)\s+(?:\w+\s+)?(?:available|published|accessible"
                     r"|found)\b|\bcan\s+be\s+(?:found|accessed|viewed|downloaded|obtained)\b|\b(?:website|web\s+page|link)\b"
                     r"|https?://|\bwww\.", re.I),
    "22": re.compile(r"\b(?:will|is\s+(?:due|scheduled|intended|planned|expected)\s+to)\s+be\s+(?:\w+\s+)?(?:published"
                     r"|released|made\s+available)\b|\bdue\s+(?:for|to\s+be)\s+(?:publication|published|released)\b",
                     re.I),
}


def _own_rule_met(sentences: Sequence[str], idx: int, *, scottish: bool = False) -> list[tuple[int, str]]:
    """(position, section) for a publication ground (s.21, s.22) the letter states as its own
    conditional rule in sentence `idx` when one of the next two sentences states the fact that meets
    it; [] otherwise."""
    sentence = sentences[idx]
    if not _OWN_RULE_RE.search(sentence):
        return []
    after = [x for x in sentences[idx + 1 : idx + 3] if not is_conditional(x) and not is_boilerplate(x)]
    out: list[tuple[int, str]] = []
    for pos, sec in sections_in_sentence(sentence, scottish=scottish):
        fact = _FACT_MET.get(re.match(r"\d+", sec).group())  # type: ignore[union-attr]
        if fact is not None and any(fact.search(x) for x in after):
            out.append((pos, sec))
    return out


def with_rules_met(cited: Sequence[str], letter: Sequence[tuple[str, str]]) -> list[str]:
    """`cited` (the sections of the new text) with the publication grounds the letter states as its
    own conditional rule and then meets (:func:`_own_rule_met`); `letter` is every (role, sentence)
    of the letter in order, as :class:`~foi.mail.reading.segments.Reading` gives them. The new text
    sets those rules apart as conditional; the sentences after them say whether they hold."""
    # (A sentence opening in quotation marks is someone else's words quoted: an earlier letter's.)
    own = [(role, text) for role, text in letter if role in ("new", "conditional")
           and not re.match(r"\s*[\"\u201c\u2018']", text)]
    texts = [text for _, text in own]
    out = list(cited)
    bases = {re.match(r"\d+", sec).group() for sec in out if re.match(r"\d+", sec)}  # type: ignore[union-attr]
    for idx, (role, text) in enumerate(own):
        if role != "conditional" or is_boilerplate(text):
            continue
        for _, sec in _own_rule_met(texts, idx):
            base = re.match(r"\d+", sec).group()  # type: ignore[union-attr]
            if base not in bases:
                out.append(sec)
                bases.add(base)
    return out


def _collect_foia(sentences: Sequence[str]) -> list[str]:
    """The FOIA sections relied on, in order."""
    explicit: list[tuple[int, int, str]] = []
    implied: list[tuple[int, int, str]] = []
    explaining: list[tuple[int, int, str]] = []
    mentioned: list[tuple[int, int, str]] = []
    scottish = any(_FOISA_RE.search(x) for x in sentences)
    for idx, sentence in enumerate(sentences):
        if is_conditional(sentence) and not is_boilerplate(sentence):
            explaining.extend((idx, pos, sec) for pos, sec in _own_rule_met(sentences, idx, scottish=scottish))
            continue
        if is_conditional(sentence) or is_boilerplate(sentence) or sentence.rstrip().endswith("?"):
            continue  # "If this exceeds section 12 ...", "How many were refused under section 14?"
        dropped = _DROPPED_RE.search(sentence)
        if dropped:
            # "section 31 ... has been disregarded"; "section 12 does not apply, but section 21
            # does": only what follows the turn is relied on.
            turn = _TURN_RE.search(sentence, dropped.end())
            if not turn:
                continue
            sentence = " " * turn.start() + sentence[turn.start():]
        found = [(idx, pos, sec) for pos, sec in sections_in_sentence(sentence, scottish=scottish)]
        if named_only(sentence):
            # The letter's own NCND stance, then its subsection described ("I can neither confirm nor
            # deny whether we hold it. Section 31(3) states that the force is not obliged to ..."):
            # the description gives the ground the stance applies (round 12b).
            stance = idx > 0 and _own_ncnd_stance(sentences[idx - 1])
            applied = [f for f in found if stance and is_ncnd_section(f[2])]
            explicit.extend(applied)
            mentioned.extend(f for f in found if f not in applied)
            mentioned.extend((idx, m.start(), sec) for rx, sec in _KEYWORD_SECTIONS if (m := rx.search(sentence))
                             and not _VEX_COUNTED_RE.search(sentence))
            continue
        (explaining if _EXPLAINING_RE.search(sentence) else explicit).extend(found)
        for rx, sec in _KEYWORD_SECTIONS:
            m = rx.search(sentence)
            if m and sec.startswith("14") and _COUNTED_RE.search(sentence):
                continue  # "how many requests were closed as vexatious": the request's subject
            if m and sec.startswith("14") and _VEX_COUNTED_RE.search(sentence):
                continue
            if m:
                if sec == "12" and (NCND_RE.search(sentence) or (_WHETHER_HELD_RE.search(sentence)
                                                                 and not _RETRIEVE_RE.search(sentence))):
                    sec = "12(2)"  # the cost of finding out whether anything is held: s.12(2)
                implied.append((idx, m.start(), sec))
    # The cost limit described only as the work it would take, in a letter that says it cannot give
    # what was asked (round 12).
    if not any(sec.startswith("12") for _, _, sec in explicit + implied + explaining):
        plain = [(idx, x) for idx, x in enumerate(sentences)
                 if not (is_conditional(x) or is_boilerplate(x) or x.rstrip().endswith("?") or named_only(x))]
        work = next((idx for idx, x in plain if MANUAL_WORK_RE.search(x)), None)
        if work is not None and any(_CANNOT_GIVE_RE.search(x) for _, x in plain):
            implied.append((work, 0, "12"))
    # "Section 40(5A) is an absolute exemption" explains a ground already cited (40(5)); it
    # cites a new one only when its section is not cited otherwise.
    cited_bases = {re.match(r"\d+", sec).group() for _, _, sec in explicit}  # type: ignore[union-attr]
    # A section only described or counted is the ground when no other is relied on.
    relied = cited_bases | {re.match(r"\d+", sec).group() for _, _, sec in implied + explaining}  # type: ignore[union-attr]
    if not relied:
        explicit += mentioned
        cited_bases = {re.match(r"\d+", sec).group() for _, _, sec in explicit}  # type: ignore[union-attr]
    else:
        # (Described beside a ground relied on, it explains that ground, like "is an absolute exemption".)
        explaining += [e for e in mentioned if re.match(r"\d+", e[2]).group() in relied]  # type: ignore[union-attr]
    explicit += [e for e in explaining if re.match(r"\d+", e[2]).group() not in cited_bases]  # type: ignore[union-attr]
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
    return collect_sections(split_sentences(text))


# The subsections that exclude the duty to confirm or deny: a letter relying on one neither
# confirms nor denies, whether or not it says so in those words (issue 12, round 8: a log's outcome
# line "Part Disclosure with Section 23(5) ... Exemptions" is NCND).
NCND_SUBSECTIONS = frozenset({
    "22(2)", "22A(2)", "23(5)", "24(2)", "26(3)", "27(4)", "28(3)", "29(2)", "30(3)", "31(3)", "32(3)", "33(3)",
    "34(2)", "35(3)", "36(3)", "37(2)", "38(2)", "39(2)", "40(5)", "40(5A)", "40(5B)", "41(2)", "42(2)", "43(3)",
    "44(2)",
})


def _own_ncnd_stance(sentence: str) -> bool:
    """True when `sentence` takes the NCND stance itself (not a rule, a count, or a condition)."""
    return (bool(NCND_RE.search(sentence)) and not ncnd_counted(sentence) and not named_only(sentence)
            and not is_conditional(sentence) and not is_boilerplate(sentence))


def is_ncnd_section(section: str) -> bool:
    """True for "31(3)", "40(5B)(a)(i)": a subsection that excludes the duty to confirm or deny."""
    m = re.match(r"\d+[A-Z]?\(\w+\)", section)
    return bool(m) and m.group() in NCND_SUBSECTIONS  # type: ignore[union-attr]


# "which requests were given a neither confirm nor deny response", "how many NCND replies": other
# requests counted by their outcome (the request's subject), not this letter's stance (round 8).
_NCND_COUNTED_RE = re.compile(
    r"\b(?:requests|responses|replies|cases|which|how\s+(?:many|often)|number\s+of|count\s+of|proportion\s+of)\b"
    r"(?:(?!\b(?:we|I|force|constabulary|service|it|will|can|cannot|must)\b)[^.;]){0,60}?\b(?:neither\s+confirm|NCND)"
    r"|\b(?:neither\s+confirm\s+n?or\s+deny|NCND)\s+(?:responses|replies|answers|cases|outcomes)\b",
    re.I,
)


def ncnd_counted(sentence: str) -> bool:
    """True when "neither confirm nor deny" in `sentence` names other requests' outcome."""
    return bool(_NCND_COUNTED_RE.search(sentence))


# "67 per cent were answered in full and 21 per cent refused", "412 requests were refused under
# section 12": figures about other requests' outcomes, an answer to a request about them, never
# this letter's decision (round 8).
_OUTCOME_COUNT_RE = re.compile(
    r"(?:\b\d[\d,.]*\s*(?:per\s*cent|%)|\b\d[\d,]*\s+(?:requests|cases|applications|refusals|responses|replies))"
    r"[^.;]{0,80}?\b(?:refus\w*|exempt\w*|withheld|rejected|responded|vexatious|neither\s+confirm|NCND|relying)\b",
    re.I,
)


def counts_outcomes(sentence: str) -> bool:
    """True when `sentence` counts other requests by outcome (or section): the request's subject."""
    return bool(_OUTCOME_COUNT_RE.search(sentence) or _COUNTED_RE.search(sentence) or _NCND_COUNTED_RE.search(sentence))
