"""End to end on the written reply corpus (tests/fixtures/mail, made for the reply reader, never
used to tune escalation): import each refusal through `foi inbox import`, plan, draft, and check
that every section the corpus says was cited (expected.csv, not what the reader found) is argued in
that force's review request; then the review outcomes, for complaints."""

from __future__ import annotations

import csv
import re
from datetime import date
from pathlib import Path

import pytest
from conftest import FIXTURES

from foi.escalate.arguments import TITLES
from foi.escalate.drafts import write_drafts
from foi.escalate.plan import plan_batch
from foi.mail.inbox import import_paths
from foi.marking import mark
from foi.tracking import record_event, section_base
from foi.workspace import Workspace

CORPUS = FIXTURES / "mail"
SENT = date(2026, 12, 1)
TODAY = date(2027, 1, 20)
PARAGRAPH = {"12": "Cost limit (", "14": "Vexatious request (", "21": "Information accessible by other means (",
             "30": "Investigations and proceedings (", "31": "Law enforcement (", "40": "Personal information ("}


def rows(kinds: tuple[str, ...]) -> list[dict[str, str]]:
    with open(CORPUS / "expected.csv", newline="", encoding="utf-8") as fh:
        return [r for r in csv.DictReader(fh) if r["kind"] in kinds and r["our_reference"].startswith("FOI-CAUTIONS")]


def one_per_force(found: list[dict[str, str]]) -> list[dict[str, str]]:
    """The first reply of each force: a request has one state, so a second refusal from the same
    force would replace the first one's draft."""
    seen: dict[str, dict[str, str]] = {}
    for r in found:
        seen.setdefault(r["from_slug"], r)
    return list(seen.values())


REFUSALS = one_per_force(rows(("refused", "partial")))


def expected_paragraph(section: str) -> str:
    if section.startswith("14(2)"):
        return "Repeated request ("
    base = section_base(section)
    title = TITLES[base]
    return PARAGRAPH.get(base, title[:1].upper() + title[1:] + " (")


@pytest.fixture(scope="module")
def drafted(tmp_path_factory: pytest.TempPathFactory) -> tuple[Workspace, Path]:
    from foi.batches import create_batch
    from foi.workspace import init_workspace

    root = tmp_path_factory.mktemp("corpus")
    ws = init_workspace(root / "w", name="Alex Reporter", email="alex.reporter@newsroom.example")
    create_batch(ws, "cautions", template="request-outcomes", vars={"first_year": "2019/20", "last_year": "2023/24"},
                 today=SENT)
    for row in ws.db.query("SELECT id FROM requests"):
        record_event(ws.db, row["id"], "sent", SENT)
    import_paths(ws, [CORPUS / r["file"] for r in REFUSALS], today=TODAY, batch="cautions")
    out = root / "drafts"
    write_drafts(ws, "cautions", out, today=TODAY, only=["review"])
    return ws, out


def test_every_refusal_in_the_corpus_gets_a_review_request(drafted: tuple[Workspace, Path]) -> None:
    ws, _ = drafted
    steps = {s.body: s for s in plan_batch(ws, "cautions", today=TODAY).steps}
    wrong = {r["from_slug"]: (steps[r["from_slug"]].status, steps[r["from_slug"]].step) for r in REFUSALS
             if steps[r["from_slug"]].step != "review"}
    assert wrong == {}
    assert len(REFUSALS) >= 19


@pytest.mark.parametrize("row", REFUSALS, ids=[r["file"] for r in REFUSALS])
def test_each_cited_section_is_argued(drafted: tuple[Workspace, Path], row: dict[str, str]) -> None:
    _, out = drafted
    [path] = out.glob(f"{row['our_reference']}-{row['from_slug']}-review.txt")
    text = path.read_text(encoding="utf-8")
    argued = re.findall(r"^\d+\. (.*?)[.(]", text, re.M)
    for section in filter(None, row["sections"].split(";")):
        want = expected_paragraph(section)
        assert re.search(rf"^\d+\. {re.escape(want)}", text, re.M), (section, argued)
    if row["ncnd"] == "1":
        assert re.search(r"^\d+\. Neither confirm nor deny\. ", text, re.M), argued
    if row["kind"] == "partial":
        assert re.search(r"^\d+\. What was withheld\. ", text, re.M), argued
    assert f"Your reference: {row['force_reference']}" in text


def test_review_outcomes_in_the_corpus_lead_to_the_right_step(tmp_path: Path) -> None:
    from foi.batches import create_batch
    from foi.workspace import init_workspace

    ws = init_workspace(tmp_path / "w", name="Alex Reporter", email="alex.reporter@newsroom.example")
    create_batch(ws, "cautions", template="request-outcomes", vars={"first_year": "2019/20", "last_year": "2023/24"},
                 today=SENT)
    outcomes = rows(("review-upheld", "review-overturned"))
    slugs = [r["from_slug"] for r in outcomes]
    mark(ws, "cautions", slugs, "sent", on=SENT)
    mark(ws, "cautions", slugs, "refused", on=date(2026, 12, 10))
    mark(ws, "cautions", slugs, "internal-review", on=date(2026, 12, 11))
    import_paths(ws, [CORPUS / r["file"] for r in outcomes], today=TODAY, batch="cautions")
    steps = {s.body: s for s in plan_batch(ws, "cautions", today=TODAY).steps}
    got = {r["from_slug"]: (steps[r["from_slug"]].status, steps[r["from_slug"]].step) for r in outcomes}
    want = {r["from_slug"]: (r["kind"], "complaint" if r["kind"] == "review-upheld" else "wait") for r in outcomes}
    assert got == want
    out = tmp_path / "packs"
    write_drafts(ws, "cautions", out, today=TODAY, only=["complaint"])
    for row in (r for r in outcomes if r["kind"] == "review-upheld"):
        pack = out / f"{row['our_reference']}-{row['from_slug']}-complaint"
        letters = [p.name for p in (pack / "correspondence").iterdir()]
        assert any(name.endswith("-received-review-upheld.eml") for name in letters), letters
        assert "review upheld the refusal" in (pack / "timeline.txt").read_text()
