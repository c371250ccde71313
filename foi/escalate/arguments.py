"""Which arguments fit a refusal: one per ground cited, plus NCND, a partial answer, and shared wording.

The words themselves are in the editable template `_escalate-arguments.txt.j2` (one macro per key,
each in two registers: the full point put to the force in a review request, and the short ground
put to the Commissioner in a complaint). This module only decides which keys apply and gathers the
facts the macros use: what was cited, which forces replied in the same words (the report's "same
wording" groups, `foi.report.same_wording`), and how many forces answered the same request.

Forces whose replies share their wording get one argument, applied to each: the keys are the union
of what every member of the group cited, so the same points go to all of them.
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from foi.report import SECTION_NAMES
from foi.tracking import section_base

if TYPE_CHECKING:
    import sqlite_utils

    from foi.escalate.plan import Step

# Section (FOIA numbering, as foi records it) -> the key of its argument macro.
KEYS = {"12": "s12", "14": "s14", "21": "s21", "30": "s30", "31": "s31", "40": "s40"}
ORDER = ("s12", "s14", "repeat", "s21", "s30", "s31", "s40", "exemption", "ncnd", "partial", "shared")
# What each section is about (as the report names them), and its number under FOISA (Police
# Scotland) where it differs.
TITLES = SECTION_NAMES
FOISA_NUMBERS = {"12": "12", "14": "14", "21": "25", "22": "27", "23": "31", "24": "31", "30": "34", "31": "35",
                 "38": "39", "40": "38", "41": "36", "42": "36", "43": "33"}
# Qualified exemptions need a public interest test; prejudice-based ones a harm shown to follow.
QUALIFIED = frozenset({"22", "24", "30", "31", "38", "42", "43"})
PREJUDICE = frozenset({"31", "38"})
ANSWERED = frozenset({"responded", "partial"})  # information released, in full or in part


@dataclass
class Argument:
    key: str
    cited: list[str] = field(default_factory=list)  # as recorded, e.g. ["31(1)(a)", "31(1)(b)"]
    title: str = ""  # what the ground is about: "law enforcement"
    labels: list[str] = field(default_factory=list)  # as a letter cites them: "s.31(1)(a)"; "s.35 of FOISA"
    qualified: bool = False
    prejudice: bool = False

    def as_dict(self) -> dict[str, Any]:
        return {"key": self.key, "cited": self.cited, "title": self.title, "labels": self.labels,
                "qualified": self.qualified, "prejudice": self.prejudice}


@dataclass
class BatchFacts:
    """What the rest of the batch did: replies worded alike, and who answered."""

    groups: list[dict[str, Any]]  # the report's same-wording groups: bodies, names, text, score
    group_of: dict[str, dict[str, Any]]  # body -> its group
    sections: dict[str, list[str]]  # body -> sections recorded
    ncnd: dict[str, bool]
    statuses: dict[str, str]
    names: dict[str, str]
    sent: int  # requests sent (not drafts)
    answered: list[str]  # bodies that released information (in full or in part)


def batch_facts(db: sqlite_utils.Database, batch: str) -> BatchFacts:
    from foi.report import refusal_texts, same_wording

    rows = list(db.query("SELECT r.body, r.status, r.sections, r.ncnd, b.name FROM requests r "
                         "JOIN bodies b ON b.slug = r.body WHERE r.batch = ? ORDER BY r.body", [batch]))
    names = {r["body"]: r["name"] for r in rows}
    groups = same_wording(refusal_texts(db, batch))
    group_of = {}
    for group in groups:
        group["names"] = [names.get(b, b) for b in group["bodies"]]
        for body in group["bodies"]:
            group_of[body] = group
    return BatchFacts(
        groups=groups, group_of=group_of,
        sections={r["body"]: json.loads(r["sections"] or "[]") for r in rows},
        ncnd={r["body"]: bool(r["ncnd"]) for r in rows},
        statuses={r["body"]: r["status"] for r in rows}, names=names,
        sent=sum(1 for r in rows if r["status"] not in ("draft", "sending", "withdrawn")),
        answered=[r["body"] for r in rows if r["status"] in ANSWERED],
    )


def specific(sections: Iterable[str]) -> list[str]:
    """The citations without those a more precise one covers: ["12", "12(1)"] -> ["12(1)"]."""
    found = list(dict.fromkeys(sections))
    return [s for s in found if not any(t != s and t.startswith(s + "(") for t in found)]


def cite(section: str, act: str) -> str:
    """How a letter cites a section foi recorded (in FOIA's numbering): "s.40(2)", or for a body
    under FOISA its own number, "s.38 of FOISA" (FOISA's subsections differ, so none are given)."""
    if act == "FOISA":
        base = section_base(section)
        return f"s.{FOISA_NUMBERS.get(base, base)} of FOISA"
    return f"s.{section}"


def cite_all(sections: Iterable[str], act: str) -> str:
    return ", ".join(dict.fromkeys(cite(s, act) for s in specific(sections)))


def arguments_for(step: Step, facts: BatchFacts) -> list[Argument]:
    """The arguments for a review or complaint about `step`'s refusal, shared across its wording group."""
    bodies: Iterable[str] = [step.body]
    group = facts.group_of.get(step.body)
    if group:
        bodies = group["bodies"]
    cited: dict[str, list[str]] = defaultdict(list)  # key -> sections as cited, across the group
    titles: dict[str, str] = {}
    flags: dict[str, tuple[bool, bool]] = {}
    ncnd = step.ncnd
    for body in bodies:
        sections = step.sections if body == step.body else facts.sections.get(body, [])
        ncnd = ncnd or (body != step.body and facts.ncnd.get(body, False))
        for section in sections:
            base = section_base(section)
            # s.14(2), a repeated request, is a different ground from s.14(1), a vexatious one.
            key = "repeat" if section.startswith("14(2)") else KEYS.get(base, "exemption")
            label = key if key != "exemption" else f"exemption-{base}"
            if section not in cited[label]:
                cited[label].append(section)
            titles[label] = "repeated request" if key == "repeat" else TITLES.get(base, "exemption")
            flags[label] = (base in QUALIFIED, base in PREJUDICE or bool(re.match(r"43\(2\)", section)))
    found = []
    for label, sections in cited.items():
        sections = sorted(specific(sections), key=_section_order)
        found.append(Argument(key=label.split("-")[0], cited=sections, title=titles[label],
                              labels=list(dict.fromkeys(cite(s, step.act) for s in sections)),
                              qualified=flags[label][0], prejudice=flags[label][1]))
    if ncnd:
        found.append(Argument(key="ncnd", title="neither confirm nor deny"))
    if step.state.status == "partial" or any(facts.statuses.get(b) == "partial" for b in bodies if b != step.body):
        found.append(Argument(key="partial", title="what was withheld"))
    if group:
        found.append(Argument(key="shared", title="the same wording as other forces"))
    found.sort(key=lambda a: (ORDER.index(a.key), _section_order(a.cited[0]) if a.cited else (0, "")))
    return found


def _section_order(section: str) -> tuple[int, str]:
    return (int(section_base(section)), section)


def group_context(step: Step, facts: BatchFacts) -> dict[str, Any] | None:
    group = facts.group_of.get(step.body)
    if not group:
        return None
    others = [b for b in group["bodies"] if b != step.body]
    names = [facts.names.get(b, b) for b in others]
    return {"bodies": others, "names": names, "names_text": join_names(names), "size": len(group["bodies"]),
            "text": group["text"], "score": group["score"]}


def answered_context(step: Step, facts: BatchFacts) -> dict[str, Any]:
    others = [b for b in facts.answered if b != step.body]
    names = [facts.names.get(b, b) for b in others]
    return {"sent": facts.sent, "count": len(others), "bodies": others, "names": names,
            "names_text": join_names(names)}


def join_names(names: Sequence[str], limit: int = 6) -> str:
    """ "A, B and C"; a long list ends "and N others"."""
    names = list(names)
    if len(names) > limit:
        names = names[: limit - 1] + [f"{len(names) - limit + 1} others"]
    if len(names) <= 1:
        return "".join(names)
    return ", ".join(names[:-1]) + " and " + names[-1]
