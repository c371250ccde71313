"""Home Office crime outcome types: a label as a force wrote it -> the outcome type, and which
labels are outcomes at all (no outcome yet, court and youth-justice results)."""

from __future__ import annotations

import re
from collections import defaultdict
from functools import cache, lru_cache

from foi._codes_text import DASHES, LEGISLATION, STOP, as_text, fuzzy_code, normalise, sorted_key

# Home Office outcome types. 19 is not used by the framework.
OUTCOME_TYPES: dict[str, str] = {
    "1": "Charged/Summonsed",
    "1A": "Charged/Summonsed (alternate offence)",
    "2": "Youth caution",
    "2A": "Youth caution (alternate offence)",
    "3": "Adult caution",
    "3A": "Adult caution (alternate offence)",
    "4": "Taken into consideration",
    "5": "Offender died",
    "6": "Penalty Notice for Disorder",
    "7": "Cannabis/Khat warning",
    "8": "Community resolution",
    "9": "Prosecution not in the public interest (CPS)",
    "10": "Formal action not in the public interest (police)",
    "11": "Prosecution prevented – suspect under age",
    "12": "Prosecution prevented – suspect too ill",
    "13": "Prosecution prevented – victim/key witness dead/too ill",
    "14": "Evidential difficulties: suspect not identified; victim does not support further action",
    "15": "Evidential difficulties: suspect identified; victim supports action",
    "16": "Evidential difficulties: suspect identified; victim does not support further action",
    "17": "Prosecution time limit expired",
    "18": "Investigation complete – no suspect identified",
    "20": "Further action by another body/agency",
    "21": "Not in the public interest – police decision (suspect identified)",
    "22": "Diversionary, educational or intervention activity",
}

# Spellings seen in force replies (Cumbria, Durham, Hertfordshire, Humberside ...) and the
# framework's own long descriptions. Keys are normalised with _outcome_norm, so word order,
# case, punctuation, "charge"/"charged", "adults"/"adult" etc. do not matter.
_OUTCOME_SYNONYMS: dict[str, tuple[str, ...]] = {
    "1": (
        "charged", "summonsed", "charged/summonsed", "charged or summonsed", "charge/summons",
        "summons / charged by post", "summons/charged by post", "suspect summonsed to court",
        "charged summonsed", "summonsed/postal requisition", "postal requisition",
        "charged/summonsed/postal requisition", "charged, summonsed or postal requisition",
        "charge/summons/postal requisition", "charged/summonsed - all offences",
    ),
    "1A": (
        "charged/summonsed with alternate offence", "charge/summonsed with alternate offence",
        "alternate offence charged", "alternate offence summonsed/postal requisition",
        "alternate offence charged/summonsed", "charged alternate offence",
        "summonsed alternate offence", "charged/summonsed alternate offence",
    ),
    "2": (
        "youth caution", "caution - youths", "caution youth", "cautioned - youth",
        "youth conditional caution", "conditional caution - youths", "youth cautions",
    ),
    "2A": (
        "youth caution with alternate offence", "alternate offence youth caution",
        "caution youths alternate offence",
    ),
    # Conditional cautions are counted under outcome 3 ("Caution - adults") in Home Office data;
    # Humberside lists "3: Adult conditional caution" the same way. A youth one is outcome 2.
    # "Simple caution" is adult-only since youth cautions replaced reprimands in 2013.
    "3": (
        "adult caution", "caution - adults", "caution adult", "cautioned - adult",
        "simple caution", "conditional caution", "adult conditional caution",
        "adult simple caution", "conditional caution - adults", "adult cautions",
    ),
    "3A": (
        "adult caution with alternate offence", "alternate offence adult caution",
        "caution adults alternate offence",
    ),
    "4": ("taken into consideration", "tic", "tics", "offences taken into consideration"),
    "5": ("offender died", "offender has died", "offender deceased", "suspect died",
          "suspect has died"),
    "6": ("pnd", "penalty notice for disorder", "penalty notices for disorder",
          "penalty notice for disorder pnd", "offender given penalty notice"),
    "7": ("cannabis warning", "khat warning", "cannabis/khat warning", "cannabis or khat warning",
          "cannabis and khat warning", "cannabis warnings", "offender given a drugs possession warning",
          "drugs possession warning"),
    # "Youth restorative disposal" is reported under 8 (Humberside "8: Youth restorative disposal").
    "8": ("community resolution", "cr", "community resolutions", "youth restorative disposal",
          "local resolution",
          "community resolution/restorative justice", "restorative justice"),
    "9": (
        "prosecution not in the public interest (cps)", "not in the public interest - cps",
        "cps - prosecution not in public interest", "prosecution not in public interest cps",
        "prosecution not in the public interest (cps) (all offences)",
    ),
    "10": (
        "formal action not in the public interest (police)",
        "formal action against the offender is not in the public interest (police)",
        "formal action is not in the public interest",
        "police - formal action not in public interest", "not in the public interest - police",
        "prosecution not in public interest (pol)",
        "prosecution not in the public interest (police)",
    ),
    "11": (
        "prosecution prevented - suspect under age", "prosecution prevented - offender too young",
        "prosecution prevented - named suspect identified but is below the age of criminal "
        "responsibility",
        "named suspect identified - suspect under age",
        "named suspect below the age of criminal responsibility",
    ),
    "12": (
        "prosecution prevented - suspect too ill", "prosecution prevented - offender too ill",
        "named suspect identified - suspect too ill to prosecute",
        "prosecution prevented - named suspect identified but is too ill (physical or mental "
        "health) to prosecute",
        "named suspect identified but is dead or too ill (physical or mental health) to "
        "prosecute",
        "prosecution prevented - named suspect too ill to prosecute",
    ),
    "13": (
        "prosecution prevented - victim/key witness dead/too ill",
        "prosecution prevented - victim too ill/dead",
        "named suspect identified - victim or key witness is dead or too ill",
        "named suspect but victim/key witness deceased or too ill",
        "prosecution prevented - named suspect identified but victim or key witness is dead or "
        "too ill to give evidence",
        "prosecution prevented - victim or key witness dead or too ill to give evidence",
    ),
    "14": (
        "evidential difficulties: suspect not identified; victim does not support further action",
        "evidential difficulties victim based - named suspect not identified",
        "evidential difficulties victim based - named suspect not identified: the crime is "
        "confirmed but the victim either declines/ or is unable to support further police "
        "investigation to identify the offender.",
        "suspect not identified - evidential difficulties: victim declines or unable to support",
        "suspect not identified - victim unsupportive",
        "victim declines/unable to support action to identify offender",
    ),
    "15": (
        "evidential difficulties: suspect identified; victim supports action",
        "named suspect identified: victim supports police action but evidential difficulties "
        "prevent further action",
        "named suspect identified: victim supports police action but evidential difficulties",
        "named suspect identified - evidential difficulties: victim supportive",
        "named suspect - evidential difficulties",
        "cps - named suspect, victim supports but evidential difficulties",
        "police - named suspect, victim supports but evidential difficulties",
    ),
    "16": (
        "evidential difficulties: suspect identified; victim does not support further action",
        "named suspect identified: evidential difficulties prevent further action; victim does "
        "not support (or has withdrawn support from) police action",
        "named suspect identified: evidential difficulties - victim does not support police "
        "action",
        "named suspect identified - evidential difficulties: victim not supportive",
        "named suspect - victim unsupportive",
        "victim declines/withdraws support - named suspect identified",
    ),
    "17": (
        "prosecution time limit expired",
        "prosecution time limit expired: suspect identified but prosecution time limit has "
        "expired.",
        "suspect identified but prosecution time limit expired", "time limit expired",
    ),
    "18": (
        "investigation complete - no suspect identified", "no suspect identified",
        "investigation complete; no suspect identified",
        "investigation complete: no suspect identified. crime investigated as far as reasonably "
        "possible - case closed pending further investigative opportunities becoming available",
        "investigation complete no suspect identified",
    ),
    "20": (
        "further action by another body/agency", "further action by another body or agency",
        "action to be taken by another organisation",
        "responsibility for further investigation transferred to another body",
        "other agency delegations", "other agency delegation",
        "other body/agency has investigation primacy",
        "action undertaken by another body/agency",
    ),
    "21": (
        "not in the public interest - police decision (suspect identified)",
        "named suspect - further investigation not in public interest",
        "further investigation is not in the public interest - police",
        "further investigation not in public interest (pol)",
        "police - named suspect, investigation not in the public interest",
        "further investigation to support formal action not in the public interest",
        "further investigation is not in the public interest",
    ),
    "22": (
        "diversionary, educational or intervention activity",
        "diversionary, educational or intervention activity undertaken",
        "diversionary educational or intervention activity resulting from the crime report has "
        "been undertaken and it is not in the public interest to take any further action",
        "deferred prosecution", "outcome 22 diversionary activity",
    ),
}

# Not an outcome type at all: the investigation has no outcome yet.
_PENDING = frozenset(
    {
        "ongoing", "on going", "under investigation", "pending", "investigation ongoing",
        "ongoing investigation", "still under investigation", "open", "open investigation",
        "investigation open", "live", "live investigation", "not yet assigned an outcome",
        "not yet assigned", "no outcome", "no outcome assigned", "no outcome yet",
        "awaiting outcome", "outcome pending", "pending outcome", "unfinalised",
        "unfinalised investigation", "no outcome unfinalised investigation", "not finalised",
        "not yet finalised", "investigation continuing", "under enquiry", "enquiries ongoing",
        "awaiting finalisation",
    }
)

# Outcomes and disposals tables give that have no Home Office outcome type of their own: court
# results (police.uk "last outcome category"), youth justice disposals, custody decisions.
_OTHER_OUTCOMES = frozenset(
    {
        "awaiting court outcome", "court case unable to proceed", "court result unavailable",
        "defendant found not guilty", "defendant sent to crown court", "offender deprived of property",
        "offender fined", "offender given a caution", "offender given absolute discharge",
        "offender given community sentence", "offender given conditional discharge",
        "offender given suspended prison sentence", "offender ordered to pay compensation",
        "offender otherwise dealt with", "offender sent to prison", "suspect charged as part of another case",
        "unable to prosecute suspect", "status update unavailable", "no further action", "nfa",
        "released under investigation", "rui", "released on bail", "bail", "pre charge bail",
        "released without charge", "reprimand", "final warning", "referral order", "reparation order",
        "youth rehabilitation order", "detention and training order", "absolute discharge",
        "conditional discharge", "fine", "fined", "compensation order", "bind over", "bound over",
        "sentence deferred", "deferred sentence", "youth default order", "community order",
        "community sentence", "suspended sentence", "suspended sentence order", "immediate custody",
        "custodial sentence", "custody", "prison", "imprisonment", "acquitted", "not guilty",
        "found guilty", "convicted", "conviction", "dismissed", "discontinued", "withdrawn",
        "caution", "cautioned", "warning", "words of advice", "no crime", "cancelled", "cancelled crime",
        "charge", "charged", "summons", "outcome not recorded", "no outcome recorded",
        # police.uk stop and search outcomes
        "a no further action disposal", "no further action disposal", "arrest", "arrested",
        "caution simple or conditional", "summons charged by post", "local resolution",
        "suspect arrested", "suspect summonsed to court", "offender cautioned", "offender given pnd",
        "nothing found no further action", "article found detailed outcome unavailable",
        # Home Office outcome groups ("Crime outcomes in England and Wales")
        "out of court formal", "out of court informal", "evidential difficulties victim does not support action",
        "evidential difficulties suspect identified victim supports action",
        "evidential difficulties suspect not identified victim does not support further action",
        "prosecution prevented or not in the public interest", "investigation complete no suspect identified",
        "responsibility for further investigation transferred to another body",
        "action undertaken by another body agency",
        "not yet assigned an outcome", "charged summonsed", "taken into consideration",
        "further investigation to support formal action not in the public interest police decision",
        "diversionary educational or intervention activity",
    }
)

# Outcome-only spelling folds, so "Charge/summons" meets "Charged/Summonsed".
_OUTCOME_FOLD = {
    "alternative": "alternate", "alt": "alternate", "youths": "youth", "adults": "adult",
    "cautioned": "caution", "cautions": "caution", "charge": "charged", "charges": "charged",
    "summons": "summonsed", "summoned": "summonsed", "summonses": "summonsed",
    "deceased": "died", "requisitions": "requisition", "delegations": "delegation",
    "pol": "police",
}


def _outcome_norm(text: str) -> str:
    return " ".join(_OUTCOME_FOLD.get(w, w) for w in normalise(text).split())


class _OutcomeIndex:
    def __init__(self) -> None:
        self.by_label: dict[str, str] = {}
        self.by_sorted: dict[str, str] = {}
        self.words: dict[str, set[str]] = defaultdict(set)
        self.keys: list[str] = []


@cache
def outcomes() -> _OutcomeIndex:
    idx = _OutcomeIndex()
    pairs = [(name, code) for code, name in OUTCOME_TYPES.items()]
    pairs += [(label, code) for code, labels in _OUTCOME_SYNONYMS.items() for label in labels]
    seen: dict[str, set[str]] = defaultdict(set)
    seen_sorted: dict[str, set[str]] = defaultdict(set)
    for label, code in pairs:
        key = _outcome_norm(label)
        seen[key].add(code)
        seen_sorted[sorted_key(key)].add(code)
        idx.words[code].update(w for w in key.split() if w not in STOP)
    # A spelling listed under two codes is a mistake in the table; refuse it rather than guess.
    idx.by_label = {k: next(iter(v)) for k, v in seen.items() if len(v) == 1}
    idx.by_sorted = {k: next(iter(v)) for k, v in seen_sorted.items() if len(v) == 1}
    idx.keys = list(idx.by_label)
    return idx


# "3", "3A", "Type 1 - ...", "3A: ...", "Outcome 8", "OT16", "Outcome type 15 - ...".
_OUTCOME_CODE = re.compile(
    r"(?P<pre>(?:outcome|type|ot|oc)\s*(?:type|group|code|no|number)?\s*[:#.]?\s*)?"
    r"(?P<n>\d{1,2})(?P<a>[a-z](?![a-z]))?(?![0-9])"
    r"(?P<sep>\s*[:\-.)]\s*|\s+|$)(?P<rest>.*)"
)


@lru_cache(maxsize=8192)
def _outcome_code(label: str, fuzzy: bool = True) -> str | None:
    idx = outcomes()
    low = re.sub(r"\s+", " ", label.translate(DASHES).strip().lower())
    if not low:
        return None

    m = _OUTCOME_CODE.fullmatch(low)
    if m:
        code = m.group("n").lstrip("0") + (m.group("a") or "").upper()
        rest = m.group("rest").strip()
        if rest and not re.search(r"[a-z]", rest):
            return None  # "1-4", "3.5": numbers, not an outcome
        if code in OUTCOME_TYPES:
            # A code with its own punctuation or prefix ("3A: ...", "Type 16 - ...") is taken as
            # written. A bare "1 Charged" must also read like that outcome, so "12 months" is not
            # outcome 12.
            if not rest or m.group("pre") or m.group("sep").strip():
                return code
            words = {w for w in _outcome_norm(rest).split() if w not in STOP}
            if words & idx.words[code]:
                return code
            return None
        if m.group("pre") or m.group("sep").strip():
            return None  # "Type 19 - ..." names a code that does not exist

    key = _outcome_norm(low)
    if key in _PENDING:
        return None
    found = idx.by_label.get(key)
    if found is None:
        found = idx.by_sorted.get(sorted_key(key))
    if found is not None:
        return found
    return fuzzy_code(key, idx.keys, idx.by_label) if fuzzy else None


def outcome_code(label: str, *, fuzzy: bool = True) -> str | None:
    """'Adult caution' -> '3', 'CR' -> '8', 'Type 1 - Charged/Summonsed' -> '1'; unknown -> None."""
    text = as_text(label)
    return None if text is None else _outcome_code(text, fuzzy)


def outcome_name(code: str) -> str | None:
    text = as_text(code)
    if text is None:
        return None
    key = text.strip().upper().lstrip("0")
    return OUTCOME_TYPES.get(key)


def is_pending(label: str) -> bool:
    """True for 'Ongoing', 'Under investigation', 'No outcome - unfinalised investigation' ...:
    crimes with no outcome yet, which are not an outcome type."""
    text = as_text(label)
    if text is None:
        return False
    return _outcome_norm(text) in _PENDING


# Words only outcome labels use ("Evidential difficulties - victim does not support",
# "Released under investigation"): an outcome, though no list has the whole label.
_OUTCOME_WORDS = frozenset(
    {"charged", "summonsed", "cautioned", "caution", "cautions", "nfa", "evidential", "prosecution",
     "penalty", "resolution", "disposal", "disposals", "released", "bail", "rui", "acquitted", "sentence",
     "sentenced", "fined", "discharge", "convicted", "conviction", "summons", "outcome", "outcomes"}
)
_OUTCOME_PHRASES = re.compile(r"\b(?:investigation complete|no suspect|suspect identified|suspect not identified|"
                              r"further action|public interest|victim (?:declines|does not support|supports))\b")


def is_outcome_label(label: str, *, by_words: bool = True) -> bool:
    """An outcome as tables write it: a Home Office outcome type, 'Ongoing' and the like (no
    outcome yet), or a court/youth-justice result that has no outcome type ('Referral order',
    'Offender sent to prison', 'No further action'). `by_words=False` accepts listed outcomes
    only, not labels that merely use an outcome's words ('Released under investigation')."""
    text = as_text(label)
    if text is None or not text.strip():
        return False
    if _outcome_code(text, False) is not None:
        return True
    key = _outcome_norm(text)
    if key in _PENDING or key in _OTHER_OUTCOMES or normalise(text) in _OTHER_OUTCOMES:
        return True
    plain = normalise(text)
    if not by_words or LEGISLATION.search(text) or len(plain.split()) > 25:
        return False
    return bool(set(plain.split()) & _OUTCOME_WORDS or _OUTCOME_PHRASES.search(plain))

