"""The registry of public bodies: the 43 police forces of England and Wales, five other UK
police bodies, and any body a user imports.

`resolve_body` turns free text ("the Met", "GMP", "Avon & Somerset", an e-mail address or a
domain) into a slug. It prefers saying nothing to guessing: ambiguous or unknown text gives None.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from foi.db import dumps, now_iso
from foi.errors import FoiError

if TYPE_CHECKING:
    import sqlite_utils

DATA_DIR = Path(__file__).resolve().parent / "data"
REFERENCE_CSV = DATA_DIR / "police-forces.csv"
EMAIL_SOURCE = "WhatDoTheyKnow, Dec 2023 - Feb 2024 snapshot (unverified)"
DEFAULT_GROUP = "england-wales"
ACTS = ("FOIA", "FOISA")
FIELDS = ("slug", "name", "ons_code", "region", "act", "grp", "website", "foi_email",
          "email_source", "portal", "note", "aliases")

# Names people and forces actually use that can't be derived from the official name.
# Short abbreviations are matched only as the whole text, never inside a sentence.
EXTRA_ALIASES: dict[str, list[str]] = {
    "metropolitan": ["MPS", "Met", "the Met", "Met Police", "Metropolitan Police", "Scotland Yard",
                     "New Scotland Yard"],
    "greater-manchester": ["GMP", "Greater Manchester"],
    "thames-valley": ["TVP"],
    "west-midlands": ["WMP"],
    "west-yorkshire": ["WYP"],
    "south-yorkshire": ["SYP"],
    "north-yorkshire": ["NYP"],
    "hampshire": ["Hampshire Constabulary", "Hampshire Police", "Hampshire", "Hampshire & IOW",
                  "Hampshire and IOW", "Hampshire and Isle of Wight"],
    "avon-and-somerset": ["A&S"],
    "devon-and-cornwall": ["D&C"],
    "durham": ["Durham Police"],
    "city-of-london": ["CoLP", "City of London"],
    "dyfed-powys": ["Heddlu Dyfed-Powys", "DPP Police"],
    "north-wales": ["NWP", "Heddlu Gogledd Cymru"],
    "south-wales": ["SWP", "Heddlu De Cymru"],
    "gwent": ["Heddlu Gwent"],
    "hertfordshire": ["Herts Police", "Herts Constabulary", "Herts"],
    "bedfordshire": ["Beds Police", "Beds"],
    "cambridgeshire": ["Cambs Police", "Cambs Constabulary", "Cambs"],
    "leicestershire": ["Leics Police", "Leics"],
    "lincolnshire": ["Lincs Police", "Lincs"],
    "northamptonshire": ["Northants Police", "Northants"],
    "nottinghamshire": ["Notts Police", "Notts"],
    "staffordshire": ["Staffs Police", "Staffs"],
    "gloucestershire": ["Glos Police", "Glos"],
    "warwickshire": ["Warks Police"],
    "british-transport-police": ["BTP"],
    "northern-ireland": ["PSNI", "Police Service of Northern Ireland", "Northern Ireland Police"],
    "police-scotland": ["Police Scotland", "Scottish Police"],
    "ministry-of-defence-police": ["MDP", "MoD Police", "MOD Police"],
    "civil-nuclear-constabulary": ["CNC"],
}

_SUFFIXES = ("police service", "police force", "constabulary", "police")
_SLUG = re.compile(r"^[a-z0-9][a-z0-9-]{0,62}$")
# \Z, not $: "$" also matches before a trailing newline, which must not pass as an address.
EMAIL = re.compile(r"^[^@\s<>\"',;]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+\Z")
_URL = re.compile(r"^https?://[^\s]+\Z")


def normalise(text: str) -> str:
    text = text.lower().replace("&", " and ")
    text = re.sub(r"[^a-z0-9]+", " ", text).strip()
    return re.sub(r"^the ", "", text)


def _core_name(text: str) -> str:
    """'Avon and Somerset Constabulary' -> 'avon and somerset'."""
    norm = normalise(text)
    for suffix in _SUFFIXES:
        if norm.endswith(" " + suffix):
            return norm[: -len(suffix) - 1]
    return norm


def load_reference_bodies(db: sqlite_utils.Database) -> int:
    """Add the bundled police bodies; a body already present (perhaps edited) is left alone."""
    with REFERENCE_CSV.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    added = 0
    with db.atomic():
        for row in rows:
            cursor = db.conn.execute(
                "INSERT OR IGNORE INTO bodies (slug, name, ons_code, region, act, grp, website, "
                "foi_email, email_source, aliases, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
                (row["slug"], row["name"], row["ons_code"] or None, row["region"] or None, row["act"],
                 row["group"], row["website"] or None, row["foi_email"] or None,
                 EMAIL_SOURCE if row["foi_email"] else None,
                 dumps(EXTRA_ALIASES.get(row["slug"], [])), now_iso()),
            )
            added += cursor.rowcount
    return added


def _row(db: sqlite_utils.Database, sql: str, params: Iterable[Any] = ()) -> list[dict[str, Any]]:
    rows = []
    for row in db.query(sql, list(params)):
        row = dict(row)
        row["aliases"] = json.loads(row.get("aliases") or "[]")
        rows.append(row)
    return rows


def list_bodies(db: sqlite_utils.Database, group: str | None = DEFAULT_GROUP) -> list[dict[str, Any]]:
    """Bodies in a group (`england-wales` by default; `any` for every body)."""
    if group in (None, "any"):
        return _row(db, "SELECT * FROM bodies ORDER BY slug")
    rows = _row(db, "SELECT * FROM bodies WHERE grp = ? ORDER BY slug", [group])
    if not rows:
        groups = [r["grp"] for r in db.query("SELECT DISTINCT grp FROM bodies ORDER BY grp")]
        raise FoiError(f"No bodies in group {group!r}. Groups: {', '.join(groups)}, or `any`.")
    return rows


def get_body(db: sqlite_utils.Database, slug: str) -> dict[str, Any]:
    rows = _row(db, "SELECT * FROM bodies WHERE slug = ?", [slug])
    if not rows:
        hint = resolve_body(db, slug)
        suggestion = f" Did you mean {hint!r}?" if hint else " Run `foi bodies list --group any` to see them."
        raise FoiError(f"Unknown body {slug!r}.{suggestion}")
    return rows[0]


def select_bodies(db: sqlite_utils.Database, to: str) -> list[dict[str, Any]]:
    """`all` (the 43 forces), `group:NAME`, or a comma-separated list of slugs."""
    to = to.strip()
    if to == "all":
        return list_bodies(db, DEFAULT_GROUP)
    if to.startswith("group:"):
        return list_bodies(db, to.removeprefix("group:"))
    slugs = [s.strip() for s in to.split(",") if s.strip()]
    if not slugs:
        raise FoiError("--to is empty: give `all`, `group:NAME` or slugs separated by commas.")
    return [get_body(db, slug) for slug in dict.fromkeys(slugs)]


def set_body(db: sqlite_utils.Database, slug: str, *, email: str | None = None, portal: str | None = None,
             note: str | None = None) -> dict[str, Any]:
    get_body(db, slug)
    changes: dict[str, Any] = {}
    if email is not None:
        if email and not EMAIL.match(email):
            raise FoiError(f"{email!r} is not an e-mail address (expected name@domain).")
        changes["foi_email"] = email or None
        changes["email_source"] = "set by hand" if email else None
    if portal is not None:
        if portal and not _URL.match(portal):
            raise FoiError(f"{portal!r} is not a web address: start it with https://")
        changes["portal"] = portal or None
    if note is not None:
        changes["note"] = note or None
    if not changes:
        raise FoiError("Nothing to change: give --email, --portal or --note.")
    changes["updated_at"] = now_iso()
    with db.atomic():
        assignments = ", ".join(f"{key} = ?" for key in changes)
        db.conn.execute(f"UPDATE bodies SET {assignments} WHERE slug = ?", [*changes.values(), slug])
    return get_body(db, slug)


def read_bodies_csv(path: Path) -> list[dict[str, Any]]:
    """Read and validate a bodies CSV; every bad row is reported with its line number."""
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise FoiError(f"Can't read {path}: {exc.strerror}.") from exc
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = raw.decode("cp1252", errors="replace")
    reader = csv.DictReader(io.StringIO(text, newline=""))
    columns = [c.strip().lower() for c in reader.fieldnames or []]
    if "slug" not in columns:
        raise FoiError(f"{path} has no `slug` column. Columns expected: slug, name, act, group, "
                       "website, foi_email, portal, note, aliases (separated by ;).")
    rows: list[dict[str, Any]] = []
    problems: list[str] = []
    for line_no, raw_row in enumerate(reader, start=2):
        row = {(k or "").strip().lower(): (v or "").strip() for k, v in raw_row.items()}
        if not any(row.values()):
            continue
        errors = _validate_row(row)
        if errors:
            problems.append(f"line {line_no}: {'; '.join(errors)}")
        else:
            rows.append(row)
    if problems:
        raise FoiError(f"{len(problems)} bad row(s) in {path}, nothing imported: " + " | ".join(problems))
    return rows


def _validate_row(row: dict[str, str]) -> list[str]:
    errors = []
    if not _SLUG.match(row.get("slug", "")):
        errors.append(f"slug {row.get('slug', '')!r} must be lower-case letters, digits and hyphens")
    act = row.get("act", "").upper()
    if act and act not in ACTS:
        errors.append(f"act {row['act']!r} must be FOIA or FOISA")
    email = row.get("foi_email", "")
    if email and not EMAIL.match(email):
        errors.append(f"foi_email {email!r} is not an e-mail address")
    for key in ("website", "portal"):
        if row.get(key) and not _URL.match(row[key]):
            errors.append(f"{key} {row[key]!r} must start with https://")
    return errors


def import_bodies(db: sqlite_utils.Database, path: Path) -> dict[str, int]:
    """Add or update bodies from a CSV, all or nothing."""
    rows = read_bodies_csv(path)
    existing = {r["slug"] for r in db.query("SELECT slug FROM bodies")}
    missing_name = [r["slug"] for r in rows if r["slug"] not in existing and not r.get("name")]
    if missing_name:
        raise FoiError(f"New bodies need a name, nothing imported: {', '.join(missing_name)}.")
    counts = {"added": 0, "updated": 0}
    with db.atomic():
        for row in rows:
            values: dict[str, Any] = {"slug": row["slug"], "updated_at": now_iso()}
            for key in ("name", "ons_code", "region", "website", "foi_email", "portal", "note"):
                if row.get(key):
                    values[key] = row[key]
            if row.get("act"):
                values["act"] = row["act"].upper()
            if row.get("group"):
                values["grp"] = row["group"]
            if row.get("foi_email"):
                values["email_source"] = row.get("email_source") or f"imported from {path.name}"
            if row.get("aliases"):
                values["aliases"] = dumps([a.strip() for a in row["aliases"].split(";") if a.strip()])
            if row["slug"] in existing:
                assignments = ", ".join(f"{key} = ?" for key in values if key != "slug")
                params = [v for k, v in values.items() if k != "slug"] + [row["slug"]]
                db.conn.execute(f"UPDATE bodies SET {assignments} WHERE slug = ?", params)
                counts["updated"] += 1
            else:
                values.setdefault("grp", "custom")
                keys = ", ".join(values)
                marks = ", ".join("?" for _ in values)
                db.conn.execute(f"INSERT INTO bodies ({keys}) VALUES ({marks})", list(values.values()))
                counts["added"] += 1
    return counts


# --- resolving free text -------------------------------------------------------------------


def _domains(body: dict[str, Any]) -> set[str]:
    """The mail/web domains of a body, with and without the old `pnn.` police network label."""
    domains: set[str] = set()
    for value in (body.get("website"), body.get("foi_email"), body.get("portal")):
        if not value:
            continue
        host = value.split("@", 1)[1] if "@" in value else re.sub(r"^https?://", "", value).split("/")[0]
        host = host.lower().removeprefix("www.")
        domains.add(host)
        if ".pnn.police.uk" in host:
            domains.add(host.replace(".pnn.police.uk", ".police.uk"))
        elif host.endswith(".police.uk"):
            domains.add(host.replace(".police.uk", ".pnn.police.uk"))
    return domains


@lru_cache(maxsize=8)
def _alias_index(rows_key: tuple[tuple[Any, ...], ...]) -> tuple[dict[str, set[str]], dict[str, set[str]]]:
    names: dict[str, set[str]] = {}
    domains: dict[str, set[str]] = {}
    for slug, name, website, email, portal, aliases in rows_key:
        body = {"website": website, "foi_email": email, "portal": portal}
        candidates = {name, slug.replace("-", " "), *json.loads(aliases or "[]")}
        for text in list(candidates):
            core = _core_name(text)
            for variant in (normalise(text), core, f"{core} police", f"{core} constabulary"):
                if variant:
                    names.setdefault(variant, set()).add(slug)
        for domain in _domains(body):
            domains.setdefault(domain, set()).add(slug)
    return names, domains


def _indexes(db: sqlite_utils.Database) -> tuple[dict[str, set[str]], dict[str, set[str]]]:
    rows = tuple(
        tuple(r) for r in db.conn.execute(
            "SELECT slug, name, website, foi_email, portal, aliases FROM bodies ORDER BY slug"
        )
    )
    # Keyed by the rows themselves, so an edited or imported body is seen at once.
    return _alias_index(rows)


def resolve_body(db: sqlite_utils.Database, text: str | None) -> str | None:
    """The slug of the body `text` names, or None when unknown or ambiguous."""
    if not text or not text.strip():
        return None
    names, domains = _indexes(db)
    text = text.strip()
    slug = _resolve_address(text, domains)
    if slug:
        return slug
    key = normalise(text)
    for candidate in (key, _core_name(text)):
        found = names.get(candidate)
        if found:
            return next(iter(found)) if len(found) == 1 else None
    return _resolve_phrase(key, names)


def _resolve_address(text: str, domains: dict[str, set[str]]) -> str | None:
    match = re.search(r"[\w.+-]+@([\w-]+(?:\.[\w-]+)+)", text)
    host = match.group(1) if match else None
    if host is None and re.fullmatch(r"(?:https?://)?[\w-]+(?:\.[\w-]+)+/?\S*", text):
        host = re.sub(r"^https?://", "", text).split("/")[0]
    if not host:
        return None
    host = host.lower().removeprefix("www.")
    # foi.northumbria.pnn.police.uk -> northumbria.pnn.police.uk -> ...
    labels = host.split(".")
    for start in range(len(labels) - 1):
        found = domains.get(".".join(labels[start:]))
        if found:
            return next(iter(found)) if len(found) == 1 else None
    return None


def _resolve_phrase(key: str, names: dict[str, set[str]]) -> str | None:
    """A force named inside longer text ("FOI team, Northumbria Police"): the longest alias found
    as whole words wins; two different bodies named means we don't know."""
    padded = f" {key} "
    hits: list[tuple[int, int, set[str]]] = []
    for alias, slugs in names.items():
        # Short aliases ("met", "gmp") only count as the whole text: "we met the deadline".
        if len(alias) < 6 or " " not in alias and len(alias) < 8:
            continue
        pos = padded.find(f" {alias} ")
        if pos >= 0:
            hits.append((pos, pos + len(alias), slugs))
    if not hits:
        return None
    hits.sort(key=lambda h: h[0] - h[1])  # longest first
    chosen: set[str] = set()
    taken: list[tuple[int, int]] = []
    for start, end, slugs in hits:
        if any(start < t_end and t_start < end for t_start, t_end in taken):
            continue  # inside a longer alias already matched ("wales" inside "north wales")
        taken.append((start, end))
        chosen |= slugs
    return next(iter(chosen)) if len(chosen) == 1 else None
