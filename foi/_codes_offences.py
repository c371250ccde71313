"""Home Office offence codes: the list of notifiable offences and its synonyms indexed, a label as
a force wrote it -> its category code; and the offence groups tables use instead of codes."""

from __future__ import annotations

import csv
import re
from collections import Counter, defaultdict
from functools import cache, lru_cache
from pathlib import Path

from foi._codes_text import DASHES, LEGISLATION, STOP, as_text, fuzzy_code, normalise

_DATA = Path(__file__).parent / "data"
_OFFENCES_CSV = _DATA / "home-office-notifiable-offences.csv"
_SYNONYMS_CSV = _DATA / "offence-synonyms.csv"

_OFFENCE_FILLER = frozenset({"a", "an", "the", "aged"})


def _offence_norm(text: str) -> str:
    """normalise, with the ways lists and forces say the same age bound made equal: "aged 16 or
    over", "16+", "16 and over" -> "16 and over"; articles dropped."""
    s = normalise(text).replace(" or over", " and over").replace(" plus", " and over")
    return " ".join(w for w in s.split() if w not in _OFFENCE_FILLER)


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


@cache
def offences() -> _OffenceIndex:
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
        idx.words.setdefault(code, set()).update(w for w in key.split() if w not in STOP)
    for code, name in idx.names.items():
        idx.words.setdefault(code, set()).update(w for w in _offence_norm(name).split() if w not in STOP)
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
    words = {w for w in norm.split() if w not in STOP}
    return bool(words & idx.words.get(code, set()))


@lru_cache(maxsize=8192)
def _offence_code(label: str, fuzzy: bool = True) -> str | None:
    idx = offences()
    s = label.translate(DASHES).strip()
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

    return fuzzy_code(norm, idx.keys, idx.by_label) if fuzzy else None


def offence_code(label: str, *, fuzzy: bool = True) -> str | None:
    """'19C', 'HO 19C', '019/08', 'Rape of a female aged 16 and over' -> '19C'; unknown -> None.

    `fuzzy=False` skips the (slower) near-spelling match: exact names, synonyms and codes only.
    """
    text = as_text(label)
    return None if text is None else _offence_code(text, fuzzy)


def offence_name(code: str) -> str | None:
    """'19C' (or '019c', '019/08') -> 'Rape of a Female aged 16 and over'."""
    text = as_text(code)
    if text is None:
        return None
    idx = offences()
    m = _CODE_ONLY.fullmatch(re.sub(r"\s+", " ", text.translate(DASHES).strip().lower()))
    if m is None:
        return None
    canonical = _lookup_offence_code(m.group("code"), idx)
    return None if canonical is None else idx.names[canonical]


# --- offence groups ----------------------------------------------------------------------------

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
    words = (_GROUP_FOLD.get(w, w) for w in normalise(text).split())
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
    text = as_text(label)
    return None if text is None else _offence_group(text)


def looks_like_offence(label: str) -> bool:
    """A label that reads like an offence ('Larceny-theft', 'Aggravated assault') though no list
    has it: a word only offences use. A power cited by its Act ('Misuse of Drugs Act 1971, section
    23') is a legislation label, not an offence. For recognising a column, never for a code."""
    text = as_text(label)
    if text is None or LEGISLATION.search(text):
        return False
    return any(w in _OFFENCE_WORDS for w in normalise(text).split())
