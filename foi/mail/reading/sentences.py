"""A reply as sentences, and which sentences say nothing about the decision.

Forces hard-wrap their letters and paste tables of figures into them; a sentence is only useful
as evidence once the wraps are undone and the table rows kept apart. Complaint-rights paragraphs,
disclaimers and hypotheticals ("If this exceeds section 12 ...") are in nearly every reply, so
they must not count as signals.
"""

from __future__ import annotations

import re

from foi.mail.reading.grammar import HEDGE, MORE, NEED

_ABBREV_RE = re.compile(r"(?:\b(?:s|ss|sec|no|nos|ref|refs|e\.g|i\.e|etc|mr|mrs|ms|dr|st|para|paras"
    r"|approx|tel|vol|ch|art|pt)|\b[A-Z])\.$", re.I)


# A line that stops after a month, maybe with its day: "... received on 3 January", "... on March 4,".
_MONTH_END_RE = re.compile(r"\b(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
                           r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)(?:\s+\d{1,2}(?:st|nd|rd|th)?,?)?$",
                           re.I)


def split_sentences(text: str) -> list[str]:
    """Sentences with hard wraps undone. Short lines, headings and table rows stay separate."""
    out: list[str] = []
    for para in re.split(r"\n\s*\n", text):
        lines = [ln.strip() for ln in para.split("\n") if ln.strip()]
        joined: list[str] = []
        buf = ""
        for k, ln in enumerate(lines):
            tabular = is_table_row(ln)
            # (A year wrapped onto its own line, "received on 3 January" / "2020.", ends a date, not
            # a numbered item: round 15.)
            year_wrapped = bool(buf) and bool(_MONTH_END_RE.search(buf)) and bool(re.match(r"^(?:19|20)\d\d\b", ln))
            if not year_wrapped and (tabular or re.match(r"^([-*\u2022]|\d+[.)]|[a-z][.)]|Q\d)(?:\s|$)", ln)):
                if buf:
                    joined.append(buf)
                    buf = ""
                if tabular:
                    joined.append(ln)
                    continue
            buf = f"{buf} {ln}".strip() if buf else ln
            # A short line is a heading or the end of a paragraph, unless the sentence plainly runs
            # on: no closing punctuation and the next line starts in lower case (a narrow column).
            nxt = lines[k + 1] if k + 1 < len(lines) else ""
            runs_on = bool(nxt) and not re.search(r"[.:;?!)]\s*$", ln) and nxt[:1].islower()
            if (len(ln) < 45 and not runs_on) or ln.endswith(":"):
                joined.append(buf)
                buf = ""
        if buf:
            joined.append(buf)
        for chunk in joined:
            out.extend(_split_chunk(chunk))
    return [s for s in out if s.strip()]


def is_table_row(line: str) -> bool:
    """A row of figures ("2019/20  8N  Adult caution  112"), not prose that happens to hold numbers."""
    if "\t" in line or "|" in line:
        return True
    tokens = line.split()
    # (Sums and shares are figures too: "2014-15 \u00a337,287.52", "2023  12%": round 9.)
    numeric = [t for t in tokens if re.fullmatch(r"[\u00a3$\u20ac]?[\d,./*<>\-]+%?", t) and re.search(r"\d|\*", t)]
    return len(numeric) >= 2 and len(tokens) <= 12 and bool(re.search(r"(?:\d|\*|%)\s*$", line)) and (
        len(numeric) * 2 >= len(tokens) or len(tokens) <= 6
    )


def _split_chunk(chunk: str) -> list[str]:
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
    # Rights and the ICO
    r"dissatisfied|complaint\s+rights|right\s+of\s+(?:complaint|appeal)|your\s+right\s+to\s+(?:request|complain|ask|appeal)"
    r"|rights?\s+to\s+(?:complain|appeal|require)|information\s+commissioner|\bico\b|ico\.org\.uk|wycliffe\s+house"
    r"|\bif\s+you\s+are\s+(?:not\s+)?(?:unhappy|satisfied|content)|are\s+you\s+unhappy|remain\s+unhappy"
    r"|(?:may|can|wish\s+to|right\s+to)\s+(?:request|ask\s+for|apply\s+for|require)\s+(?:an\s+)?internal\s+review"
    r"|within\s+(?:40|forty)\s+(?:working|calendar)\s+days|within\s+two\s+months\s+of\s+the\s+date"
    r"|lodge\s+a\s+complaint|appeals?\s+procedure"
    # The list every refusal notice recites from s.17: "states that fact, specifies the exemption ..."
    r"|^\W*(?:[a-z]\)|-)?\s*(?:states\s+that\s+fact|specifies\s+the\s+exemption|states\s+\(?if\s+(?:that\s+)?(?:would\s+)?"
    r"not\s+(?:be\s+)?otherwise\s+(?:be\s+)?apparent)"
    # Licences, caveats about figures, links
    r"|re-?use\s+of|copyright|open\s+government\s+licen[cs]e|every\s+effort\s+is\s+made\s+to\s+ensure"
    r"|inaccuracies\s+inherent|care\s+should\s+be\s+taken|best\s+interpretation|collation\s+of\s+figures"
    r"|if\s+you\s+decide\s+to\s+write\s+an\s+article|mislead\s+members\s+of\s+the\s+public|extracted\s+from\s+a\s+live\s+system"
    r"|should\s+not\s+be\s+taken\s+as\s+(?:a\s+precedent|necessarily|an?\s+indication|indicative)"
    r"|a\s+full\s+copy\s+of\s+the\s+freedom\s+of\s+information|not\s+responsible\s+for\s+the\s+content|opsi\.gov|legislation\.gov"
    r"|further\s+information\s+(?:on|about)\s+section|links?\s+to\s+guidance|visible\s+links|show\s+quoted\s+sections"
    # Disclaimers and notices
    r"|intended\s+(?:solely\s+)?for\s+the\s+(?:named|use|addressee|exclusive|recipient)|intended\s+recipient"
    r"|this\s+e-?mail\s+(?:and\s+any|is\s+(?:intended|confidential)|contains|may\s+contain)|accompanying\s+document"
    r"|(?:is|are)\s+(?:strictly\s+)?confidential|privileged|unauthori[sz]ed\s+(?:use|disclosure)|received\s+(?:this|it)\s+in\s+error"
    r"|views\s+or\s+opinions|do\s+not\s+necessarily\s+represent|monitored|disclaimer|privacy\s+(?:notice|policy|statement)"
    r"|use\s+of\s+personal\s+data|terms\s+and\s+conditions|please\s+consider\s+the\s+environment"
    r"|^\W*classification\s*:|\bofficial(?:\s+sensitive)?\s*$|not\s+protectively\s+marked"
    # Contact details and courtesy
    r"|wycombe|water\s+lane|wilmslow|cheshire\s+sk9|^\W*(?:tel(?:ephone)?|fax|e-?mail|website|direct\s+dial|minicom|text\s+relay)\b"
    r"|^\W*www\.|^\W*https?://|\bpo\s+box\b|dial\s+(?:999|101)|\b101\b.{0,40}\b999\b|non-?emergency|if\s+it'?s\s+not\s+999"
    r"|working\s+in\s+partnership|(?<![\d,]\s)hours\s+of\s+work|should\s+you\s+have\s+any\s+(?:further\s+)?(?:queries|enquiries|questions)"
    # "Do get in touch if anything is unclear" closes letters, ours and theirs; it asks nothing.
    r"|\b(?:let\s+(?:me|us)\s+know|contact\s+(?:me|us)|get\s+in\s+touch)\s+(?:\w+\s+){0,2}if\s+you\s+(?:have|need"
    r"|require)\s+(?:any\s+)?(?:further\s+|more\s+|other\s+)?(?:questions|queries|help|assistance|problems|issues)\b"
    r"|(?:contact|write\s+to)\s+(?:me|us)\b.{0,80}quoting|quoting\s+the\s+reference|remember\s+to\s+quote"
    r"|thank\s+you\s+for\s+your\s+interest|take\s+this\s+opportunity\s+to\s+thank",
    re.I,
)
# A delay or a step foreseen, not announced (grammar.HEDGE): "you may experience a delayed response".
HEDGED_RE = re.compile(HEDGE, re.I)
_CONDITIONAL_RE = re.compile(
    r"^\s*(?:please\s+note,?\s+(?:that\s+)?)?(?:if|should|where|in\s+the\s+event|unless|once|in\s+some\s+cases"
    r"|in\s+some\s+circumstances|occasionally|on\s+occasion|sometimes|valid\s+(?:foi\s+)?requests|other\s+arrangements"
    r"|there\s+may\s+be|some\s+requests\s+may|depending\s+on)\b"
    r"|\b(?:may|might|could)\s+(?:need|have|be\s+required|require|apply|be\s+exempt|engage|be\s+necessary|be\s+engaged"
    r"|be\s+withheld|be\s+refused|be\s+extended|be\s+unable|not\s+be\s+able|be\s+delayed|be\s+unavoidable|occur"
    r"|be\s+used|be\s+relied\s+(?:up)?on)\b"
    r"|\bif\s+(?:we|the|your|it|this|any|there|a|an|one|you|no|nothing|none)\b|\bsubject\s+to\s+(?:the|any)\b"
    # "Even if such a count were required, it would exceed the fees limit under section 12."
    r"|\beven\s+(?:if|were|had|supposing)\b"
    r"|\bwhere\s+consideration\s+is\s+being\s+given|\bwill\s+be\s+(?:informed|notified|advised)\b|\bin\s+such\s+cases\b",
    re.I,
)
# What happened before this letter: our clarification, an earlier reply, a review being asked for.
_HISTORY_RE = re.compile(
    r"\byou\s+(?:then\s+|have\s+|subsequently\s+|later\s+)?clarified|\bclarification\s+(?:was\s+)?(?:requested\s+and\s+)?"
    r"(?:received|provided|given)|^\W*clarification(?:\s+received)?\W*$|\brequest(?:o|e)r\s+(?:has\s+)?clarified"
    r"|\b(?:following|further\s+to|after|in)\s+(?:your|the|receipt\s+of\s+your)\s+(?:reply\s+to\s+our\s+request\s+for\s+)?"
    r"clarification|\bthank\s+you\s+for\s+(?:your\s+)?clarif"
    r"|\byou\s+were\s+(?:sent|provided|informed|told|advised|given)\b"
    r"|\b(?:we|i|the\s+force)\s+(?:previously|originally|initially)\s+(?:advised|informed|told|refused|provided|responded|wrote)"
    r"|\bwithin\s+your\s+(?:e-?mail|letter)\s+of\b|\byou\s+made\s+the\s+following\s+request"
    r"|\byour\s+request\s+and\s+(?:our|the\s+force'?s|\w+'s)\s+response"
    r"|\bin\s+(?:our|my)\s+(?:letter|response|reply|e-?mail)\s+(?:dated|of)\b|\bas\s+(?:previously|already)\s+(?:stated|advised|explained)"
    r"|\byou\s+(?:requested|asked\s+(?:for|that))\s+(?:an?\s+)?(?:internal\s+)?review|\bwithin\s+which\s+you\s+requested"
    r"|\boriginal\s+decision\s*="
    # "for which we extended the deadline": the extension is behind them.
    r"|\b(?:we|I)\s+(?:previously\s+|then\s+)?extended\s+the\b|\b(?:was|had\s+been)\s+extended\b"
    r"|\b(?:after|following)\s+(?:the|an|our)\s+extension\b",
    re.I,
)
# An outcome in the same sentence keeps it from being history ("the original decision is upheld").
_OUTCOME_RE = re.compile(r"\buph[eo]ld|\boverturn|\bmaintain|\brevers|\bdisregarded\b|\bwithdrawn\b", re.I)


def is_boilerplate(sentence: str) -> bool:
    return bool(_BOILERPLATE_RE.search(sentence))


# A sentence that opens with a condition is hypothetical whatever follows ("If this exceeds the
# limit, section 12 applies").
_LEADING_CONDITION_RE = re.compile(
    # "Were we asked to establish this, ...", "Had we searched ...": a condition put by inversion (round 8).
    r"^\W*(?:were|had)\s+(?:we|it|this|they|you|the\s+\w+)\s+\w+"
    r"|^\W*(?:please\s+note,?\s+(?:that\s+)?)?(?:if|should|where|in\s+the\s+event|unless|once|in\s+some\s+cases"
    r"|in\s+some\s+circumstances|occasionally|on\s+occasion|sometimes|there\s+may\s+be|some\s+requests\s+may"
    r"|depending\s+on)\b",
    re.I,
)
# A sentence that states a decision stays a decision even with an "if" inside it: "we will neither
# confirm nor deny ... since finding out if it is held would go over the limit", a citation heading
# followed by the statute's own words ("Section 30(3) - ... information that is, or would be if held, exempt").
_DECISION_RE = re.compile(
    r"\bneither\s+confirm\s+n?or\s+deny|\btherefore\b|\bis\s+(?:therefore\s+)?exempt\b|\bare\s+exempt\b"
    r"|\bnot\s+obliged\b|\bhas\s+been\s+applied|\bhave\s+been\s+applied|\b(?:I|we)\s+(?:can|do)\s+confirm"
    r"|\b(?:does|do)\s+not\s+hold\b|\bhave\s+(?:today\s+)?decided\b|\bwe\s+are\s+(?:unable|refusing)\b"
    r"|^\W*(?:section|s\.?)\s*\d"
    r"|\b(?:acts|serves)\s+as\s+a\s+refusal\s+notice|\bconstitutes\s+a\s+refusal\s+notice"
    # "we need further time to consider the public interest, as section 24 may apply": more time is
    # taken now, whatever may apply later.
    r"|\b(?:" + NEED + r"|take|taking)\s+(?:some\s+)?" + MORE + r"\s+time\b|\bsection\s+10\s*\(\s*3\s*\)",
    re.I,
)


# A refusal that did not happen: "... so it would otherwise have been refused under section 12";
# "we could have relied on section 12". A counterfactual stays hypothetical even beside "therefore".
_COUNTERFACTUAL_RE = re.compile(
    r"\bwould\s+(?:otherwise\s+)?have\s+been\s+(?:refused|withheld|exempt(?:ed)?|declined)\b"
    r"|\b(?:would|could|might)\s+(?:otherwise\s+)?have\s+(?:applied|relied\s+(?:up)?on|engaged|cited|refused)\b",
    re.I,
)
# "Rather than apply that exemption, ..." turns the refusal just before it into a hypothetical.
WAIVED_RE = re.compile(r"\b(?:rather\s+than|instead\s+of)\s+(?:apply|applying|rely|relying|refus\w*|cit(?:e|ing))\b",
                       re.I)


# "The information is not recorded/held, and there is no duty to create it if it does not exist": a
# statement that nothing is held, made before any condition is set, is the decision (round 6).
_NOT_HELD_STATED_RE = re.compile(r"\b(?:is|are|was|were)\s+not\s+(?:recorded|held)(?:\s*/\s*(?:recorded|held))?\b"
                                 r"|\b(?:does|do)\s+not\s+(?:hold|record)\b", re.I)

# The not-held governed by an "if" a few words before it: "if we do not hold", "if the council does
# not hold any of it" (not "whether", which asks: "to check whether we hold ...").
_IF_NOT_HELD_RE = re.compile(r"\b(?:if|unless|in\s+case|in\s+the\s+event\s+that)\s+(?:\w+\s+){1,3}?"
                             r"(?:(?:does|do)\s+not\s+(?:hold|record)|(?:is|are)\s+not\s+(?:recorded|held))\b", re.I)

# "Where a count is under five, it has been replaced with '*'": what was done in each such case,
# not a hypothetical (round 6).
_WHERE_DONE_RE = re.compile(r"^\W*where\b[^.]{0,120}\b(?:has|have)\s+been\s+(?:replaced|redacted|withheld|removed"
                            r"|suppressed|masked|omitted|rounded)\b", re.I)


# "Where they happened is exempt": a clause naming what is withheld, no condition (no comma).
_WHERE_NOUN_RE = re.compile(r"^\W*where\b[^,;]{0,80}\b(?:is|are)\s+(?:therefore\s+)?(?:exempt|withheld|redacted|not\s+"
                            r"(?:held|recorded|disclosed|provided|released))\b", re.I)


# "You will have our reply within 20 working days unless an exemption applies or we need
# longer": a promise, and after "unless" what would change it, not what has happened. (Not "we must
# answer unless it would cost too much": the law stated, read with the decision it explains.)
_UNLESS_RE = re.compile(r"[,;]?\s+unless\b", re.I)
_PROMISED_RE = re.compile(r"\b(?:will|should|shall|aim\s+to|expect\s+to|intend\s+to|endeavour\s+to)\s+"
                          r"(?:\w+\s+){0,3}?(?:receive|respond|reply|answer|provide|send|issue"
                          r"|be\s+(?:sent|provided|given|dealt))\b", re.I)


# "We will tell you as soon as possible if we do not hold it": the "if" governs the not-held words
# themselves, so nothing is found yet (an acknowledgement's promise; round 15).
_IF_BEFORE_NOT_HELD_RE = re.compile(r"\b(?:if|whether|in\s+case)\s+(?:we|it|they|the\s+\w+(?:\s+\w+)?"
                                    r"|[A-Z][\w&]*(?:\s+[A-Z]\w*)?)\s*$", re.I)


def is_conditional(sentence: str) -> bool:
    if _WHERE_DONE_RE.search(sentence) or _WHERE_NOUN_RE.search(sentence):
        return False
    unless = _UNLESS_RE.search(sentence)
    before = sentence[: unless.start()] if unless else ""
    if before and _PROMISED_RE.search(before) and not _DECISION_RE.search(before) \
            and not _NOT_HELD_STATED_RE.search(before):
        return True
    if _LEADING_CONDITION_RE.search(sentence) or _COUNTERFACTUAL_RE.search(sentence):
        return True
    stated = _NOT_HELD_STATED_RE.search(sentence)
    if stated and (_IF_NOT_HELD_RE.search(sentence)
                   or _IF_BEFORE_NOT_HELD_RE.search(sentence[: stated.start()])):
        # "We will tell you as soon as possible if we do not hold it": the not-held is the "if"
        # clause's own verb, a condition, whatever comes before (round 15).
        return True
    if stated and not _CONDITIONAL_RE.search(sentence[: stated.start()]):
        return False
    # "The cost of checking if any such data is held ..." asks a question, sets no condition.
    # (and "please can you clarify if you want the messages or their titles" asks: round 15.)
    sentence = re.sub(r"\b(determin\w*|establish\w*|ascertain\w*|know|confirm\w*|check\w*|see|clarify|specify)\s+if\b",
                      r"\1 whether",
                      sentence, flags=re.I)
    # "We would be grateful if you could tell us ..." is a polite request, not a condition.
    sentence = re.sub(r"\b(?:grateful|appreciate\s+it|glad|helpful)\s+if\s+you\s+(?:could|would|can)\b", "please",
                      sentence, flags=re.I)
    return bool(_CONDITIONAL_RE.search(sentence)) and not _DECISION_RE.search(sentence)


# "Could you let us know if you need anything further?": a courtesy under an answer, no question.
COURTESY_RE = re.compile(
    r"\bconfirm\s+(?:the\s+)?receipt\b|\b(?:if|whether)\s+(?:you\s+)?(?:need|require|have|want|would\s+like)\s+"
    r"(?:any(?:thing)?\s+)?(?:else|further|more|other|additional)\b(?!\s+(?:details|information)\s+(?:of|about|on)\s+(?:which|what|the\s+(?:period|date)))",
    re.I,
)


def courtesy(sentence: str) -> bool:
    """True when `sentence` is a courtesy under an answer ("let us know if you need anything else"),
    not a question put to us."""
    return bool(COURTESY_RE.search(sentence))


def is_question(sentence: str) -> bool:
    """True when `sentence` puts a question in so many words, by its mark, and is no courtesy ("Do let
    us know if you need anything further?")."""
    return sentence.rstrip().endswith("?") and not courtesy(sentence)


def is_hedged(sentence: str) -> bool:
    """A thing supposed or foreseen, not announced: a conditional, or a hedge ("may", "in some cases":
    :data:`HEDGED_RE`)."""
    return is_conditional(sentence) or bool(HEDGED_RE.search(sentence))


# "Following your clarification of 5 March, I can confirm that the force holds no such record": the
# lead is history, the clause after its comma is the letter's news (issue 12, pattern 2; round 14).
# (A clause that only goes on describing the lead, "..., which we received on 5 March", stays history.)
_HISTORY_LEAD_RE = re.compile(
    r"^\W*(?:following|further\s+to|after|in\s+(?:light|view)\s+of|thank\s+you\s+for|having\s+received)\s+"
    r"(?:your|the|receipt\s+of\s+your)\s+[^,;.]{0,80}?\bclarif\w*[^,;.]{0,60}?,\s*"
    r"(?P<rest>(?!(?:which|who|that|as|and|dated|of|received|sent|on)\b)\S.*)$",
    re.I,
)


# What the clause after such a lead must do to be news: decide, give, or say what is held or done
# with the request ("we have searched again" alone only tells what happened).
_NEWS_AFTER_LEAD_RE = re.compile(
    r"\b(?:confirm|hold|holds|held|attach\w*|enclos\w*|please\s+find|provid\w*|exempt|sections?|refus\w*|unable"
    r"|not\s+obliged|below|as\s+follows|logged|respond|response|reply|withh[eo]ld|disclos\w*|releas\w*|cost|limit"
    r"|could\s+you|can\s+you|would\s+you|please)\b|\bs\.\s?\d",
    re.I,
)


def is_history(sentence: str) -> bool:
    lead = _HISTORY_LEAD_RE.search(sentence)
    if lead and len(lead.group("rest").split()) >= 4 and not _HISTORY_RE.search(lead.group("rest")) \
            and _NEWS_AFTER_LEAD_RE.search(lead.group("rest")):
        return False
    return bool(_HISTORY_RE.search(sentence)) and not _OUTCOME_RE.search(sentence)


def tabular_lines(text: str) -> int:
    """How many lines of `text` look like rows of a table of figures."""
    count = 0
    for line in text.split("\n"):
        cells = [c for c in re.split(r"\t|\s{2,}|\|", line.strip()) if c.strip()]
        if len(cells) == 2 and cells[0].strip() in ("*", "-", "\u2022") and not re.search(r"\d", cells[1]):
            continue  # "*   about yourself": a bulleted line of prose
        numbers = [c for c in cells if re.fullmatch(r"[\d,]+|\*|<\s?\d+|-", c.strip())]
        if (len(cells) >= 2 and len(numbers) >= 1 and len(cells) <= 30) or (len(cells) == 1 and is_table_row(line)):
            count += 1
    return count
