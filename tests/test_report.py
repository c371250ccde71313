"""`foi report`: the HTML as written (no browser; see test_report_browser.py for one)."""

from __future__ import annotations

import base64
import hashlib
import json
import re
import sys
from pathlib import Path
from urllib.parse import unquote

import pytest

from foi.report import bar_chart, build_report, refusal_texts, same_wording
from foi.workspace import Workspace
from tests.conftest import TODAY
from tests.test_export import INJECT, TEMPLATE, seed


@pytest.fixture
def page(batch_ws: Workspace, cli) -> tuple[Workspace, Path, str]:
    seed(batch_ws)
    out = batch_ws.root / "reports" / "report.html"
    out.parent.mkdir()
    result = cli("report", "cautions", "-o", str(out), "--today", "2026-11-21")
    assert result.exit_code == 0, result.output
    assert result.stdout == f"Wrote {out} (43 bodies, 55 figures, 1 same-wording group(s)).\n"
    return batch_ws, out, out.read_text(encoding="utf-8")


def number(html: str, element_id: str) -> str:
    return re.search(rf'id="{element_id}">([^<]*)<', html).group(1)  # type: ignore[union-attr]


def section(html: str, element_id: str) -> str:
    start = html.index(f'<section id="{element_id}"') if f'<section id="{element_id}"' in html else \
        html.index(f'aria-labelledby="{element_id}"')
    return html[start:html.index("</section>", start)]


def test_headline_and_force_rows(page) -> None:
    _, _, html = page
    assert [number(html, f"n-{k}") for k in ("bodies", "sent", "answered", "refused", "overdue", "ncnd")] == [
        "43", "43", "10", "4", "33", "3"]
    assert "<strong>s.12</strong> (cost limit) &times;1" in html
    assert "<strong>s.30</strong> (investigations and proceedings) &times;3" in html
    forces = section(html, "forces-h")
    assert forces.count("<tr data-status=") == 43
    assert forces.count('data-status="overdue"') == 33
    kent = re.search(r'<tr data-status="overdue" data-body="kent">(.*?)</tr>', forces, re.S).group(1)
    assert '<span class="badge b-late">overdue</span>' in kent
    assert '<td class="num" data-sort="38">38</td>' in kent  # working days late on 21 November
    derby = re.search(r'data-body="derbyshire">(.*?)</tr>', forces, re.S).group(1)
    assert 'b-bad">refused</span> <span class="badge b-review" title="neither confirm nor deny">NCND' in derby
    assert "s.30(3), s.31(3)" in derby


def test_links_are_relative_and_resolve(page) -> None:
    ws, out, html = page
    hrefs = re.findall(r'<a href="([^"#]+)"', section(html, "forces-h"))
    assert len(hrefs) == 7 + 4  # seven spreadsheets, four refusal e-mails
    docs = [h for h in hrefs if h.endswith(".xlsx")]
    assert all(h.startswith("../responses/cautions/") for h in hrefs)
    for href in docs:
        assert (out.parent / unquote(href)).resolve().is_file(), href


def test_hostile_text_is_escaped_and_only_our_script_may_run(page) -> None:
    _, _, html = page
    scripts = re.findall(r"<script>(.*?)</script>", html, re.S)
    assert len(scripts) == 1  # ours; every hostile <script> is text
    assert "&lt;script&gt;document.title=&#39;PWNED&#39;" in html
    assert INJECT not in html
    digest = base64.b64encode(hashlib.sha256(scripts[0].encode()).digest()).decode()
    assert f"script-src 'sha256-{digest}'" in html  # the CSP allows exactly that script
    assert "default-src 'none'" in html


def test_reads_without_javascript_and_prints_landscape(page) -> None:
    _, _, html = page
    assert '<div class="controls" id="force-controls" hidden>' in html  # the filter needs JS: hidden without
    assert " hidden>" not in section(html, "forces-h").split("<tbody>")[1]
    assert "@page { size: A4 landscape;" in html
    assert "http://" not in html.replace('xmlns="http://www.w3.org/2000/svg"', "")  # nothing external
    assert "<link" not in html and " src=" not in html


def test_refusals_coverage_figures_and_wording(page) -> None:
    _, _, html = page
    refusals = section(html, "refusals")
    assert re.search(r"<strong>s.30</strong>.*?<td class=\"num\">3</td>", refusals, re.S)
    assert "Essex Police (s.12; refused)" in refusals
    coverage = section(html, "coverage")
    assert [h for h in re.findall(r"<th>([^<]*)</th>", coverage)][1:6] == [
        "2019/20", "2020/21", "2021/22", "2022/23", "2023/24"]
    cumbria = re.search(r"<td>Cumbria Constabulary</td>(.*?)</tr>", coverage, re.S).group(1)
    assert cumbria.count('class="have"') == 2 and cumbria.count('class="none"') == 3 and "2/5" in cumbria
    avon = re.search(r"<td>Avon and Somerset Constabulary</td>(.*?)</tr>", coverage, re.S).group(1)
    assert 'title="3 figures" data-sort="3">&#10003; 3</td>' in avon  # 2023/24: two outcomes plus one more
    figures = section(html, "figures")
    assert "1,599 in all from 50 cells; 5 suppressed" in figures
    assert '<tr><td>Cheshire Constabulary</td><td class="num" data-sort="425">425</td>' in figures
    assert "<tr><td>8 Community resolution</td>" in figures
    assert figures.count("<rect ") == 6 + 3
    wording = section(html, "wording")
    assert wording.count('<div class="group">') == 1
    assert "Derbyshire Constabulary, Dorset Police, Durham Constabulary" in wording
    assert "Essex" not in wording


def test_json_output_and_metadata_written(batch_ws: Workspace, cli, tmp_path: Path) -> None:
    out = tmp_path / "r.html"
    result = cli("report", "cautions", "-o", str(out), "--json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data == {"batch": "cautions", "out": str(out), "bodies": 43, "figures": 0, "same_wording_groups": 0,
                    "metadata": str(batch_ws.root / "db" / "metadata.json")}
    assert json.loads((batch_ws.root / "db" / "metadata.json").read_text())["databases"]["foi"]["tables"]
    html = out.read_text()
    assert html.count("<tr data-status=\"draft\"") == 43
    assert "No figures have been extracted yet (run <code>foi parse cautions</code>)." in html
    assert "No two refusals share their wording." in html


@pytest.mark.parametrize(("args", "message"), [
    (["nope"], "Error: Unknown batch 'nope'. Batches: cautions.\n"),
    (["cautions", "-o", "/nonexistent-dir/r.html"],
     "Error: Folder /nonexistent-dir does not exist: create it first or choose another -o path.\n"),
])
def test_report_errors(batch_ws: Workspace, cli, args: list[str], message: str) -> None:
    result = cli("report", *args)
    assert result.exit_code == 1
    assert result.stderr == message


def test_report_to_a_folder_is_refused(batch_ws: Workspace, cli, tmp_path: Path) -> None:
    result = cli("report", "cautions", "-o", str(tmp_path))
    assert result.exit_code == 1
    assert result.stderr == f"Error: {tmp_path} is a folder: give the report a file name, e.g. -o " \
                            f"{tmp_path / 'report.html'}\n"


def test_refusal_texts_prefer_the_letter(batch_ws: Workspace) -> None:
    seed(batch_ws)
    texts = refusal_texts(batch_ws.db, "cautions")
    assert sorted(texts) == ["derbyshire", "dorset", "durham", "essex"]
    assert texts["dorset"] == TEMPLATE.format(force="Dorset Police")


LETTER = ("The information you asked for is exempt under section 40(2) because it is the personal data of "
          "third parties and disclosure would breach the data protection principles in the 2018 Act.")


def test_same_wording_groups() -> None:
    texts = {
        "a": LETTER,
        "b": LETTER.replace("2018 Act", "Data Protection Act 2018"),
        "c": "Section 40(2) applies.",  # too short to say anything
        "d": "Section 40(2) " + LETTER,  # near-identical with a prefix: same group
        "e": "We hold no information on this subject, so section 1(1)(a) of the Act is answered in the "
             "negative and nothing can be provided.",
        "f": LETTER + " " + " ".join(["We are also required to explain the public interest test in full."] * 6),
    }
    groups = same_wording(texts)
    assert [g["bodies"] for g in groups] == [["a", "b", "d"]]  # f contains a's words but is mostly other text
    assert groups[0]["text"] == LETTER and 90 <= groups[0]["score"] <= 100


def test_same_wording_without_rapidfuzz_uses_shingles(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "rapidfuzz", None)
    texts = {"a": LETTER, "b": LETTER.replace("third parties", "other people"), "e": "Totally different words "
             "about a matter that shares nothing with the others at all, none."}
    assert [g["bodies"] for g in same_wording(texts)] == [["a", "b"]]


def test_bar_chart_geometry() -> None:
    chart = bar_chart([("Short", 50.0), ("A very long force name that cannot fit the label column", 100.0),
                       ("Zero", 0.0)], width=500, label_width=136)
    bars = chart["bars"]
    assert [b["w"] for b in bars] == [147.0, 294.0, 0.0]  # 500 - 136 - 70 = 294 for the largest
    assert bars[1]["short"] == "A very long force n\u2026" and bars[0]["short"] == "Short"
    assert chart["height"] == 60 and bars[2]["y"] == 40


def test_report_is_written_atomically(batch_ws: Workspace, tmp_path: Path, monkeypatch) -> None:
    import foi.report as report_mod

    out = tmp_path / "r.html"
    out.write_text("old report")
    monkeypatch.setattr(report_mod, "render", lambda context: 1 / 0)
    with pytest.raises(ZeroDivisionError):
        build_report(batch_ws, "cautions", out, today=TODAY)
    assert out.read_text() == "old report"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["r.html", "w"]
