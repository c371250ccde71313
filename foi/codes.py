"""Home Office offence codes and crime outcome types: a label as a force wrote it -> the code.

Offences come from the Home Office list of notifiable offences (shipped as
`data/home-office-notifiable-offences.csv`) plus a hand-written table of common FOI-reply
spellings (`data/offence-synonyms.csv`). Outcome types follow the Home Office crime outcomes
framework (the "Crime outcomes in England and Wales" user guide).

Matching is exact after normalisation (case, punctuation, whitespace, "&"/"and"), or by a code
written in the label ("19C", "HO 19C", "019/08", "Type 16 - ...", "3A: ..."). Only then, for
labels of 8+ characters, a fuzzy match with a high threshold that must also agree on numbers and
on words that flip the meaning (adult/youth, CPS/police, not, attempted ...). When two codes are
plausible the answer is None: a missing code is visible in the output, a wrong one is not.
"""

from __future__ import annotations

import csv
import re
from collections import Counter, defaultdict
from functools import cache, lru_cache
from pathlib import Path
from typing import Any

__all__ = [
    "OUTCOME_TYPES",
    "is_outcome_label",
    "offence_code",
    "offence_group",
    "offence_name",
    "outcome_code",
    "outcome_name",
    "is_pending",
    "looks_like_offence",
]

_DATA = Path(__file__).parent / "data"
_OFFENCES_CSV = _DATA / "home-office-notifiable-offences.csv"
_SYNONYMS_CSV = _DATA / "offence-synonyms.csv"

_FUZZY_MIN_LEN = 8
_FUZZY_CUTOFF = 92.0

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

# Words whose presence or absence changes the meaning; a fuzzy match must agree on all of them.
_GUARD_WORDS = frozenset(
    {
        "not", "no", "non", "without", "with", "attempted", "attempt", "adult", "youth", "male",
        "female", "child", "alternate", "cps", "police", "pol", "cannabis", "excluding",
        "aggravated", "racially", "religiously", "business", "residential", "home", "vehicle",
        "identified", "supports", "unsupportive", "supportive", "conditional", "intent",
        "dead", "ill", "young", "age",
    }
)

_DASHES = str.maketrans({"–": "-", "—": "-", "‒": "-", "―": "-", "−": "-", "‐": "-", "‑": "-",
                         "’": "'", "‘": "'", "\xa0": " ", "\u202f": " ", "\u2009": " "})
_NON_ALNUM = re.compile(r"[^a-z0-9]+")
_DIGITS = re.compile(r"\d+")

# Outcome-only spelling folds, so "Charge/summons" meets "Charged/Summonsed".
_OUTCOME_FOLD = {
    "alternative": "alternate", "alt": "alternate", "youths": "youth", "adults": "adult",
    "cautioned": "caution", "cautions": "caution", "charge": "charged", "charges": "charged",
    "summons": "summonsed", "summoned": "summonsed", "summonses": "summonsed",
    "deceased": "died", "requisitions": "requisition", "delegations": "delegation",
    "pol": "police",
}


def _norm(text: str) -> str:
    """Lower case, '&' -> 'and', '+' -> ' plus', punctuation -> spaces, collapsed."""
    s = text.translate(_DASHES).lower().replace("&", " and ").replace("+", " plus ")
    s = s.replace("'", "")
    return _NON_ALNUM.sub(" ", s).strip()


_OFFENCE_FILLER = frozenset({"a", "an", "the", "aged"})


def _offence_norm(text: str) -> str:
    """_norm, with the ways lists and forces say the same age bound made equal: "aged 16 or
    over", "16+", "16 and over" -> "16 and over"; articles dropped."""
    s = _norm(text).replace(" or over", " and over").replace(" plus", " and over")
    return " ".join(w for w in s.split() if w not in _OFFENCE_FILLER)


def _outcome_norm(text: str) -> str:
    return " ".join(_OUTCOME_FOLD.get(w, w) for w in _norm(text).split())


def _sorted_key(norm: str) -> str:
    return " ".join(sorted(norm.split()))


def _guards_agree(a: str, b: str) -> bool:
    if set(_DIGITS.findall(a)) != set(_DIGITS.findall(b)):
        return False
    return (set(a.split()) & _GUARD_WORDS) == (set(b.split()) & _GUARD_WORDS)


def _fuzzy(norm: str, keys: list[str], index: dict[str, str]) -> str | None:
    """The code of the single close key, or None when nothing or more than one code is close."""
    if len(norm) < _FUZZY_MIN_LEN or not keys:
        return None
    from rapidfuzz import fuzz, process  # heavy-ish import, only needed for odd labels

    hits = process.extract(norm, keys, scorer=fuzz.ratio, score_cutoff=_FUZZY_CUTOFF, limit=10)
    codes = {index[key] for key, _score, _i in hits if _guards_agree(norm, key)}
    if len(codes) == 1:
        return codes.pop()
    return None


def _as_text(label: Any) -> str | None:
    if isinstance(label, str):
        return label
    if isinstance(label, bool) or label is None:
        return None
    if isinstance(label, int):
        return str(label)
    if isinstance(label, float) and label.is_integer():
        return str(int(label))
    return None


# ---------------------------------------------------------------------------------------------
# Offences


class _OffenceIndex:
    def __init__(self) -> None:
        self.names: dict[str, str] = {}  # code -> category name
        self.detailed: dict[str, str] = {}  # "019/08" -> "19C" (unambiguous ones only)
        self.by_label: dict[str, str] = {}  # normalised label -> code
        self.words: dict[str, set[str]] = {}  # code -> words of its labels, to check "19C Rape"
        self.keys: list[str] = []


_CATEGORY = re.compile(r"\s*(?P<code>NFIB\s*\d{1,3}[A-Z]?|\d{1,3}(?:/\d{1,2})?[A-Z]?)\s+(?P<name>\S.*)",
                       re.IGNORECASE)
_CODE_TOKEN = (
    r"(?:h\s*o\s*(?:code|offence)?\s*|code\s*|class\s*)?"
    r"(?P<code>nfib\s*\d{1,3}[a-z]?|\d{1,3}\s*/\s*\d{1,2}|\d{1,3}[a-z]?)"
)
_CODE_ONLY = re.compile(_CODE_TOKEN)
_CODE_LEAD = re.compile(_CODE_TOKEN + r"(?:\s*[-:.)]\s*|\s+)(?P<rest>.*[a-z].*)")
_CODE_TRAIL = re.compile(r"(?P<rest>.*[a-z].*?)\s*(?:[-:]\s*|\(\s*)" + _CODE_TOKEN + r"\s*\)?")
_STOP = frozenset({"of", "a", "an", "the", "and", "or", "on", "in", "to", "by", "for", "etc", "other",
                   "offences", "offence", "aged", "over", "under", "plus"})

# The list names 92D and 92E identically; the difference is cannabis.
_NAME_OVERRIDES = {
    "92D": "Possession of controlled drugs (excluding cannabis)",
    "92E": "Possession of controlled drugs (cannabis)",
}


@lru_cache(maxsize=1024)
def _canonical_code(raw: str) -> str:
    s = re.sub(r"\s+", "", raw).upper()
    if s.startswith("NFIB"):
        return "NFIB" + s[4:].lstrip("0")
    if "/" in s:
        a, b = s.split("/", 1)
        return f"{int(a)}/{int(b)}"
    m = re.fullmatch(r"0*(\d+)([A-Z]?)", s)
    return (m.group(1) + m.group(2)) if m else s


def load_indexes() -> None:
    """Build the offence and outcome indexes now rather than on the first label (both are cached)."""
    _offences()
    _outcomes()


@cache
def _offences() -> _OffenceIndex:
    idx = _OffenceIndex()
    spellings: dict[str, Counter[str]] = defaultdict(Counter)
    detail_votes: dict[str, Counter[str]] = defaultdict(Counter)
    offence_labels: dict[str, set[str]] = defaultdict(set)
    with _OFFENCES_CSV.open(encoding="utf-8-sig", newline="") as f:
        for row in csv.DictReader(f):
            m = _CATEGORY.fullmatch((row.get("Offence category") or "").strip())
            if m is None:
                continue  # a few NFIB rows have no category of their own
            code = _canonical_code(m.group("code"))
            name = re.sub(r"\s+", " ", m.group("name")).strip()
            spellings[code][name] += 1
            detailed = (row.get("Home Office code") or "").strip()
            if re.fullmatch(r"\d{3}/\d{2}", detailed):
                detail_votes[detailed][code] += 1
            offence = (row.get("Offence") or "").strip()
            if offence:
                offence_labels[_offence_norm(offence)].add(code)

    for code, names in spellings.items():
        idx.names[code] = _NAME_OVERRIDES.get(code) or names.most_common(1)[0][0]

    catch_all = {c for c, names in spellings.items()
                 if any("multiple undefined" in n.lower() for n in names)}
    for detailed, votes in detail_votes.items():
        pick = _pick_detailed(detailed, votes, catch_all)
        if pick is not None:
            idx.detailed[detailed] = pick

    # Lowest priority first; a later (more trusted) source overwrites.
    for key, codes in offence_labels.items():
        if len(codes) > 1 and codes - catch_all:
            # "Attempted rape of a female aged 16 or over" is listed under 19C and under the
            # "multiple undefined offenders" catch-all 19J; the specific category is the answer.
            codes = codes - catch_all
        if len(codes) == 1:
            idx.by_label[key] = next(iter(codes))
    name_codes: dict[str, set[str]] = defaultdict(set)
    for code, names in spellings.items():
        for name in names:
            name_codes[_offence_norm(name)].add(code)
    for key, codes in name_codes.items():
        if len(codes) == 1:
            idx.by_label[key] = next(iter(codes))
        else:
            # Two categories share this name (92D/92E): an earlier offence-label entry must go too.
            idx.by_label.pop(key, None)
    with _SYNONYMS_CSV.open(encoding="utf-8-sig", newline="") as f:
        for row in csv.DictReader(f):
            code = _canonical_code(row["code"])
            if code not in idx.names:
                raise ValueError(f"offence-synonyms.csv: unknown code {row['code']!r}")
            idx.by_label[_offence_norm(row["label"])] = code
    # A label that normalises to nothing (all punctuation) must not match anything.
    for key in list(idx.by_label):
        if not key:
            del idx.by_label[key]

    for key, code in idx.by_label.items():
        idx.words.setdefault(code, set()).update(w for w in key.split() if w not in _STOP)
    for code, name in idx.names.items():
        idx.words.setdefault(code, set()).update(w for w in _offence_norm(name).split() if w not in _STOP)
    idx.keys = list(idx.by_label)
    return idx


def _pick_detailed(detailed: str, votes: Counter[str], catch_all: set[str]) -> str | None:
    """The category a detailed code ("019/08") belongs to, or None when the list is ambiguous.

    The list repeats some detailed codes under catch-all categories ("19J Rape of a female -
    multiple undefined offenders") or under several categories (028/03 is split by kind of
    building). Prefer categories whose number matches the detailed code, and specific ones over
    the "multiple undefined" catch-alls; a remaining tie stays unresolved.
    """
    cands = list(votes)
    if len(cands) == 1:
        return cands[0]
    major = str(int(detailed.split("/")[0]))
    same = [c for c in cands if re.match(rf"{major}(?:[A-Z]|/|$)", c)]
    if same:
        cands = same
    specific = [c for c in cands if c not in catch_all]
    if specific:
        cands = specific
    return cands[0] if len(cands) == 1 else None


def _lookup_offence_code(raw: str, idx: _OffenceIndex) -> str | None:
    """A code as written ("19C", "019c", "4/1", "NFIB 90", "019/08") -> category code."""
    s = re.sub(r"\s+", "", raw).upper()
    m = re.fullmatch(r"(\d{1,3})/(\d{1,2})", s)
    if m:
        a, b = m.groups()
        if len(a) == 3 and len(b) == 2:
            return idx.detailed.get(s)
        # Only the written-out "019/08" form is a detailed code: "19/20" is far more likely a
        # year than a code, and the slash categories (4/1, 37/2) are short.
        code = f"{int(a)}/{int(b)}"
        return code if code in idx.names else None
    code = _canonical_code(s)
    return code if code in idx.names else None


def _offence_from_words(rest: str, code: str, idx: _OffenceIndex) -> bool:
    """Does the text beside a written code talk about that offence (not some other thing)?"""
    norm = _offence_norm(rest)
    named = idx.by_label.get(norm)
    if named is not None:
        return named == code
    words = {w for w in norm.split() if w not in _STOP}
    return bool(words & idx.words.get(code, set()))


@lru_cache(maxsize=8192)
def _offence_code(label: str, fuzzy: bool = True) -> str | None:
    idx = _offences()
    s = label.translate(_DASHES).strip()
    if not s:
        return None
    low = re.sub(r"\s+", " ", s.lower())

    m = _CODE_ONLY.fullmatch(low)
    if m:
        return _lookup_offence_code(m.group("code"), idx)

    norm = _offence_norm(s)
    found = idx.by_label.get(norm)
    if found is not None:
        return found

    for rx in (_CODE_LEAD, _CODE_TRAIL):
        m = rx.fullmatch(low)
        if m:
            code = _lookup_offence_code(m.group("code"), idx)
            if code is not None and _offence_from_words(m.group("rest"), code, idx):
                return code
            if code is not None:
                return None  # a code that disagrees with its own label: leave it to a human

    return _fuzzy(norm, idx.keys, idx.by_label) if fuzzy else None


def offence_code(label: str, *, fuzzy: bool = True) -> str | None:
    """'19C', 'HO 19C', '019/08', 'Rape of a female aged 16 and over' -> '19C'; unknown -> None.

    `fuzzy=False` skips the (slower) near-spelling match: exact names, synonyms and codes only.
    """
    text = _as_text(label)
    return None if text is None else _offence_code(text, fuzzy)


def offence_name(code: str) -> str | None:
    """'19C' (or '019c', '019/08') -> 'Rape of a Female aged 16 and over'."""
    text = _as_text(code)
    if text is None:
        return None
    idx = _offences()
    m = _CODE_ONLY.fullmatch(re.sub(r"\s+", " ", text.translate(_DASHES).strip().lower()))
    if m is None:
        return None
    canonical = _lookup_offence_code(m.group("code"), idx)
    return None if canonical is None else idx.names[canonical]


# ---------------------------------------------------------------------------------------------
# Outcomes


class _OutcomeIndex:
    def __init__(self) -> None:
        self.by_label: dict[str, str] = {}
        self.by_sorted: dict[str, str] = {}
        self.words: dict[str, set[str]] = defaultdict(set)
        self.keys: list[str] = []


@cache
def _outcomes() -> _OutcomeIndex:
    idx = _OutcomeIndex()
    pairs = [(name, code) for code, name in OUTCOME_TYPES.items()]
    pairs += [(label, code) for code, labels in _OUTCOME_SYNONYMS.items() for label in labels]
    seen: dict[str, set[str]] = defaultdict(set)
    seen_sorted: dict[str, set[str]] = defaultdict(set)
    for label, code in pairs:
        key = _outcome_norm(label)
        seen[key].add(code)
        seen_sorted[_sorted_key(key)].add(code)
        idx.words[code].update(w for w in key.split() if w not in _STOP)
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
    idx = _outcomes()
    low = re.sub(r"\s+", " ", label.translate(_DASHES).strip().lower())
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
            words = {w for w in _outcome_norm(rest).split() if w not in _STOP}
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
        found = idx.by_sorted.get(_sorted_key(key))
    if found is not None:
        return found
    return _fuzzy(key, idx.keys, idx.by_label) if fuzzy else None


def outcome_code(label: str, *, fuzzy: bool = True) -> str | None:
    """'Adult caution' -> '3', 'CR' -> '8', 'Type 1 - Charged/Summonsed' -> '1'; unknown -> None."""
    text = _as_text(label)
    return None if text is None else _outcome_code(text, fuzzy)


def outcome_name(code: str) -> str | None:
    text = _as_text(code)
    if text is None:
        return None
    key = text.strip().upper().lstrip("0")
    return OUTCOME_TYPES.get(key)


def is_pending(label: str) -> bool:
    """True for 'Ongoing', 'Under investigation', 'No outcome - unfinalised investigation' ...:
    crimes with no outcome yet, which are not an outcome type."""
    text = _as_text(label)
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
    text = _as_text(label)
    if text is None or not text.strip():
        return False
    if _outcome_code(text, False) is not None:
        return True
    key = _outcome_norm(text)
    if key in _PENDING or key in _OTHER_OUTCOMES or _norm(text) in _OTHER_OUTCOMES:
        return True
    plain = _norm(text)
    if not by_words or _LEGISLATION.search(text) or len(plain.split()) > 25:
        return False
    return bool(set(plain.split()) & _OUTCOME_WORDS or _OUTCOME_PHRASES.search(plain))


# ---------------------------------------------------------------------------------------------
# Offence groups

# The groupings tables use instead of (or above) Home Office codes: the list's classes and
# sub-classes, the ONS crime groups and sub-groups, police.uk crime types, the Home Office arrests
# "reason for arrest" groups. Keys are folded with _group_norm ("Drug Offence" = "Drug offences").
_GROUPS = (
    "Violence against the person", "Homicide", "Death or serious injury caused by unlawful driving",
    "Death or serious injury caused by illegal driving", "Violence with injury",
    "Violence without injury", "Stalking and harassment", "Sexual offences", "Rape",
    "Other sexual offences", "Robbery", "Robbery of business property", "Robbery of personal property",
    "Theft offences", "Theft", "Burglary", "Residential burglary", "Domestic burglary",
    "Non-domestic burglary", "Non-residential burglary", "Burglary business and community",
    "Residential burglary of a home", "Residential burglary of unconnected building",
    "Vehicle offences", "Vehicle crime", "Theft of or from a vehicle", "Theft from the person",
    "Bicycle theft", "Shoplifting", "All other theft offences", "Other theft",
    "Criminal damage and arson", "Arson and criminal damage", "Criminal damage", "Arson",
    "Drug offences", "Drugs", "Trafficking of drugs", "Possession of drugs",
    "Possession of weapons offences", "Possession of weapons", "Public order offences", "Public order",
    "Miscellaneous crimes against society", "Fraud offences", "Fraud", "NFIB fraud", "Computer misuse",
    "Other crime", "Other crimes", "Violence and sexual offences", "Violent crime",
    "Public disorder and weapons",
    "Anti-social behaviour", "Hate crime", "Domestic abuse", "Knife crime", "Cyber crime",
    "Sexual offences against children", "Child sexual abuse", "Child sexual exploitation",
    "Modern slavery", "Human trafficking", "Online crime", "Firearms offences",
    "Summary offences", "Motoring offences", "Indictable offences", "Notifiable offences",
)
_AGGREGATE_GROUPS = ("Total recorded crime", "All offences", "All crime", "Total crime",
                     "Total offences", "Total recorded crime excluding fraud", "All crimes",
                     "Total notifiable offences", "All notifiable offences", "Total police recorded crime")
_GROUP_FOLD = {"misc": "miscellaneous", "offence": "", "offences": "", "crimes": "", "crime": "",
               "drug": "drugs", "weapon": "weapons", "sexual": "sexual", "antisocial": "anti social",
               "asb": "anti social behaviour", "and": "and"}
# Words that say a label names an offence even when no list has it ("Larceny-theft", "Affray").
_OFFENCE_WORDS = frozenset(
    {
        "theft", "thefts", "burglary", "burglaries", "assault", "assaults", "rape", "rapes", "robbery",
        "robberies", "murder", "murders", "manslaughter", "wounding", "harassment", "stalking", "fraud",
        "frauds", "drug", "drugs", "weapon", "weapons", "firearm", "firearms", "arson", "sexual",
        "violence", "violent", "homicide", "homicides", "shoplifting", "offence", "offences", "offense",
        "offenses", "crime", "crimes", "exposure", "voyeurism", "kidnap", "kidnapping", "abduction",
        "blackmail", "forgery", "counterfeiting", "trafficking", "handling", "affray", "riot", "bigamy",
        "perjury", "cruelty", "grooming", "exploitation", "indecent", "indecency", "obscene", "trespass",
        "larceny", "embezzlement", "gambling", "vagrancy", "prostitution", "disorderly", "vandalism",
        "stolen", "knife", "bladed", "threats", "extortion", "bribery", "smuggling", "poaching",
        "dangerous", "careless", "drunkenness", "drunk", "damage", "misconduct", "abuse", "neglect",
        "battery", "gbh", "abh", "malicious", "coercive", "slavery", "terrorism", "hacking", "cyber",
        "cannabis", "cocaine", "heroin", "possession", "supply", "upskirting", "revenge",
        "intimidation", "sextortion", "driving", "speeding", "motoring", "dui",
    }
)


def _group_norm(text: str) -> str:
    words = (_GROUP_FOLD.get(w, w) for w in _norm(text).split())
    return " ".join(w for w in words if w)


@cache
def _group_index() -> tuple[dict[str, str], frozenset[str]]:
    groups: dict[str, str] = {}
    for g in _GROUPS:
        groups.setdefault(_group_norm(g), g)  # the first spelling listed names the group
    aggregates = frozenset(_group_norm(g) for g in _AGGREGATE_GROUPS)
    return groups, aggregates


@lru_cache(maxsize=8192)
def _offence_group(text: str) -> str | None:
    groups, aggregates = _group_index()
    key = _group_norm(text)
    if not key:
        return None
    if key in aggregates:
        return "Total"
    found = groups.get(key)
    if found is not None:
        return found
    # "Total Violence against the person", "All theft offences": a group total.
    for prefix in ("total ", "all "):
        if key.startswith(prefix) and key[len(prefix):] in groups:
            return groups[key[len(prefix):]]
    return None


def offence_group(label: str) -> str | None:
    """The offence group a label names ('Drug Offence', 'Misc crimes against society',
    'VIOLENCE WITH INJURY' -> the group's usual name), 'Total' for all offences, else None."""
    text = _as_text(label)
    return None if text is None else _offence_group(text)


_LEGISLATION = re.compile(r"\bact\s+(?:of\s+)?\d{4}\b|\bpace\b", re.IGNORECASE)


def looks_like_offence(label: str) -> bool:
    """A label that reads like an offence ('Larceny-theft', 'Aggravated assault') though no list
    has it: a word only offences use. A power cited by its Act ('Misuse of Drugs Act 1971, section
    23') is a legislation label, not an offence. For recognising a column, never for a code."""
    text = _as_text(label)
    if text is None or _LEGISLATION.search(text):
        return False
    return any(w in _OFFENCE_WORDS for w in _norm(text).split())
