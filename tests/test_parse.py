"""`foi attach` / `foi parse` / `foi figures` / `foi explain`: files in, traceable figures out."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import openpyxl
import pytest

from foi.errors import FoiError
from foi.figures.filing import attach
from foi.figures.parsing import parse_batch
from foi.figures.query import explain_figure, list_figures
from foi.figures.review import parse_map_options
from foi.workspace import Workspace


def title_block_xlsx(path: Path) -> Path:
    """The classic force reply: title rows, years merged over outcome sub-headers, a total, a note."""
    wb = openpyxl.Workbook()
    sheet = wb.active
    sheet.title = "Outcomes"
    sheet["A1"] = "Freedom of Information request 1306/25"
    sheet["A2"] = "Outcomes of offences by financial year"
    sheet.append([])
    sheet.append(["Offence", "2019/20", None, "2020/21", None])
    sheet.merge_cells("B4:C4")
    sheet.merge_cells("D4:E4")
    sheet.append([None, "Adult caution", "Community resolution", "Adult caution", "Community resolution"])
    sheet.append(["Rape of a female aged 16 and over", 3, "*", 4, 2])
    sheet.append(["Possession of cannabis", 120, 340, 98, 310])
    sheet.append(["Total", 123, 340, 102, 312])
    sheet.append(["* fewer than 5 cases, suppressed"])
    wb.save(path)
    return path


def figures_by_cell(ws: Workspace) -> dict[str, tuple]:
    return {f["location"]: (f["period_label"], f["offence_code"], f["outcome_code"], f["value"], f["suppressed"])
            for f in list_figures(ws, "cautions")}


def test_title_block_xlsx_becomes_traceable_long_figures(batch_ws: Workspace, tmp_path: Path) -> None:
    attach(batch_ws, "cautions", "durham", [title_block_xlsx(tmp_path / "FOI 1306-25 reply.xlsx")])
    [report] = parse_batch(batch_ws, "cautions")
    # The total row is stored too, marked: 8 figures and 4 totals.
    assert (report.reader, report.status, report.figures, report.totals, report.suppressed) == (
        "xlsx", "parsed", 12, 4, 1)
    assert report.skipped["title"] == 2 and report.skipped["note"] == 1
    assert not any("stated" in w for w in report.warnings)  # the file's own totals agree
    figures = list_figures(batch_ws, "cautions")
    assert {f["location"] for f in figures if f["total"]} == {"Outcomes!B8", "Outcomes!C8", "Outcomes!D8",
                                                              "Outcomes!E8"}
    assert {k: v for k, v in figures_by_cell(batch_ws).items() if not k.endswith("8")} == {
        "Outcomes!B6": ("2019/20", "19C", "3", 3, None),
        "Outcomes!C6": ("2019/20", "19C", "8", None, "*"),
        "Outcomes!D6": ("2020/21", "19C", "3", 4, None),
        "Outcomes!E6": ("2020/21", "19C", "8", 2, None),
        "Outcomes!B7": ("2019/20", "92E", "3", 120, None),
        "Outcomes!C7": ("2019/20", "92E", "8", 340, None),
        "Outcomes!D7": ("2020/21", "92E", "3", 98, None),
        "Outcomes!E7": ("2020/21", "92E", "8", 310, None),
    }
    figure = list_figures(batch_ws, "cautions")[0]
    assert (figure["period_start"], figure["period_end"]) == ("2019-04-01", "2020-03-31")
    assert figure["source_file"] == "responses/cautions/durham/FOI 1306-25 reply.xlsx"
    assert figure["sheet"] == "Outcomes" and figure["row_num"] == 6 and figure["col_num"] == 2
    assert figure["raw"] == "3"


def test_reparse_replaces_figures_never_duplicates(batch_ws: Workspace, tmp_path: Path) -> None:
    attach(batch_ws, "cautions", "durham", [title_block_xlsx(tmp_path / "r.xlsx")])
    parse_batch(batch_ws, "cautions")
    parse_batch(batch_ws, "cautions")
    parse_batch(batch_ws, "cautions", body="durham")
    assert len(list_figures(batch_ws, "cautions")) == 12


def test_attaching_the_same_file_twice_stores_it_once(batch_ws: Workspace, tmp_path: Path) -> None:
    path = title_block_xlsx(tmp_path / "r.xlsx")
    first = attach(batch_ws, "cautions", "durham", [path])
    second = attach(batch_ws, "cautions", "durham", [path])
    assert first[0]["duplicate"] is False and second[0]["duplicate"] is True
    assert len(list((batch_ws.responses_dir / "cautions" / "durham").iterdir())) == 1


def test_windows_1252_semicolon_csv(batch_ws: Workspace, tmp_path: Path) -> None:
    path = tmp_path / "export.csv"
    path.write_bytes("Financial year;Offence;Outcome;Count\r\n"
                     "2021/22;Rape of a female aged 16 and over;Adult caution;<5\r\n"
                     "2021/22;Possession of cannabis \u2013 personal;Community resolution;1,234\r\n".encode("cp1252"))
    attach(batch_ws, "cautions", "kent", [path])
    [report] = parse_batch(batch_ws, "cautions")
    assert report.reader == "csv" and report.status == "parsed"
    rows = sorted((f["offence"], f["outcome_code"], f["value"], f["suppressed"])
                  for f in list_figures(batch_ws, "cautions"))
    assert rows == [("Possession of cannabis \u2013 personal", "8", 1234, None),
                    ("Rape of a female aged 16 and over", "3", None, "<5")]


def test_word_table(batch_ws: Workspace, tmp_path: Path) -> None:
    import docx

    document = docx.Document()
    document.add_paragraph("Dear Requester, please find the information below.")
    table = document.add_table(rows=3, cols=3)
    for r, row in enumerate([["Outcome", "2022/23", "2023/24"], ["Adult caution", "12", "9"],
                             ["Youth caution", "*", "3"]]):
        for c, text in enumerate(row):
            table.cell(r, c).text = text
    path = tmp_path / "letter.docx"
    document.save(path)
    attach(batch_ws, "cautions", "essex", [path])
    [report] = parse_batch(batch_ws, "cautions")
    assert (report.reader, report.status, report.figures, report.suppressed) == ("docx", "parsed", 4, 1)
    assert {(f["period_label"], f["outcome_code"], f["value"]) for f in list_figures(batch_ws, "cautions")} == {
        ("2022/23", "3", 12), ("2023/24", "3", 9), ("2022/23", "2", None), ("2023/24", "2", 3)}


def test_xls_that_is_really_html(batch_ws: Workspace, tmp_path: Path) -> None:
    path = tmp_path / "report.xls"
    path.write_text("<html><body><table><tr><th>Outcome</th><th>2020</th></tr>"
                    "<tr><td>Community resolution</td><td>55</td></tr></table></body></html>")
    attach(batch_ws, "cautions", "kent", [path])
    [report] = parse_batch(batch_ws, "cautions")
    assert report.reader == "html" and report.figures == 1
    [figure] = list_figures(batch_ws, "cautions")
    assert (figure["period_start"], figure["outcome_code"], figure["value"]) == ("2020-01-01", "8", 55)


def test_a_broken_file_does_not_stop_the_others(batch_ws: Workspace, tmp_path: Path) -> None:
    broken = tmp_path / "broken.xlsx"
    broken.write_bytes(title_block_xlsx(tmp_path / "good.xlsx").read_bytes()[:300])
    attach(batch_ws, "cautions", "kent", [broken])
    attach(batch_ws, "cautions", "essex", [tmp_path / "good.xlsx"])
    reports = {r.body: r for r in parse_batch(batch_ws, "cautions")}
    assert reports["kent"].status == "error" and reports["kent"].error
    assert "\n" not in reports["kent"].error
    assert reports["essex"].status == "parsed" and reports["essex"].figures == 12


def test_a_file_that_fails_to_read_keeps_its_earlier_figures(batch_ws: Workspace, tmp_path: Path) -> None:
    attach(batch_ws, "cautions", "durham", [title_block_xlsx(tmp_path / "r.xlsx")])
    parse_batch(batch_ws, "cautions")
    stored = batch_ws.responses_dir / "cautions" / "durham" / "r.xlsx"
    stored.write_bytes(b"garbage")
    [report] = parse_batch(batch_ws, "cautions")
    assert report.status == "error"
    assert len(list_figures(batch_ws, "cautions")) == 12
    assert explain_figure(batch_ws, list_figures(batch_ws, "cautions")[0]["id"])["file_unchanged"] is False


def test_files_dropped_into_the_folder_are_picked_up(batch_ws: Workspace, tmp_path: Path) -> None:
    folder = batch_ws.responses_dir / "cautions" / "cumbria"
    folder.mkdir(parents=True)
    title_block_xlsx(folder / "downloaded.xlsx")
    (folder / "downloaded.xlsx.foi.toml").write_text("[map]\n")  # sidecars are not documents
    [report] = parse_batch(batch_ws, "cautions")
    assert report.body == "cumbria" and report.figures == 12
    assert sorted(p.name for p in folder.iterdir()) == ["downloaded.xlsx", "downloaded.xlsx.foi.toml"]


def unmappable_csv(path: Path) -> Path:
    path.write_text("Outcome,Zorblax\nAdult caution,5\nCommunity resolution,7\n")
    return path


def test_a_header_foi_does_not_know_never_blocks_the_table(batch_ws: Workspace, tmp_path: Path) -> None:
    attach(batch_ws, "cautions", "kent", [unmappable_csv(tmp_path / "odd.csv")])
    [report] = parse_batch(batch_ws, "cautions")
    assert (report.status, report.figures) == ("parsed", 2)
    figures = list_figures(batch_ws, "cautions")
    assert {f["outcome_code"] for f in figures} == {"3", "8"}
    assert {f["dims"]["measure"] for f in figures} == {"Zorblax"}  # the one header over the figures


def test_map_option_errors(batch_ws: Workspace) -> None:
    assert parse_map_options(["Crime Type=offence", "A=B=outcome"]) == {"Crime Type": "offence", "A=B": "outcome"}
    with pytest.raises(FoiError, match="Bad --map 'offence'"):
        parse_map_options(["offence"])
    with pytest.raises(FoiError, match="Mapping 'Crime=ofence': did you mean 'offence'\\? Use one of the targets: "
                                       "period, body, offence"):
        parse_batch(batch_ws, "cautions", mapping={"Crime": "ofence"})


def test_zip_attachment_is_unpacked(batch_ws: Workspace, tmp_path: Path) -> None:
    archive = tmp_path / "reply.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        zf.write(title_block_xlsx(tmp_path / "a.xlsx"), "tables/a.xlsx")
        zf.writestr("../../evil.csv", "Outcome,2020\nAdult caution,1\n")
    results = attach(batch_ws, "cautions", "kent", [archive])
    assert sorted(Path(r["path"]).name for r in results) == ["a.xlsx", "evil.csv"]
    assert all(r["path"].startswith("responses/cautions/kent/") for r in results)


def test_attach_errors(batch_ws: Workspace, tmp_path: Path) -> None:
    with pytest.raises(FoiError, match="No such file"):
        attach(batch_ws, "cautions", "kent", [tmp_path / "nope.xlsx"])
    with pytest.raises(FoiError, match="Not in batch 'cautions': gotham"):
        attach(batch_ws, "cautions", "gotham", [title_block_xlsx(tmp_path / "r.xlsx")])


def test_cli_parse_figures_explain(cli, batch_ws: Workspace, tmp_path: Path) -> None:
    result = cli("attach", "cautions", "durham", str(title_block_xlsx(tmp_path / "r.xlsx")))
    assert result.exit_code == 0
    assert result.stdout.startswith("stored         responses/cautions/durham/r.xlsx  sha256 ")
    result = cli("parse", "cautions", "--json")
    assert result.exit_code == 0
    [report] = json.loads(result.stdout)
    assert (report["status"], report["figures"], report["totals"], report["suppressed"]) == ("parsed", 12, 4, 1)
    result = cli("parse", "cautions")
    assert result.stdout.endswith("\n1 file(s), 12 figure(s).\n")
    figures = json.loads(cli("figures", "cautions", "--body", "durham", "--json").stdout)
    assert len(figures) == 12
    suppressed = next(f for f in figures if f["suppressed"])
    result = cli("explain", str(suppressed["id"]))
    assert result.exit_code == 0
    assert result.stdout.splitlines()[0] == f"figure {suppressed['id']}: suppressed (*)"
    assert "  where     Outcomes!C6, sheet 'Outcomes'" in result.stdout
    assert "(unchanged)" in result.stdout
    info = json.loads(cli("explain", str(suppressed["id"]), "--json").stdout)
    assert info["figure"]["raw"] == "*" and info["document"]["source"] == "attach"
    result = cli("explain", "999999")
    assert result.exit_code == 1
    assert result.stderr == "Error: No figure 999999. `foi figures BATCH --json` lists figure ids.\n"
    result = cli("parse", "cautions", "--file", "nope.xlsx")
    assert result.exit_code == 1
    assert result.stderr.startswith("Error: No document 'nope.xlsx' in batch 'cautions'.")
    result = cli("parse", "nobatch")
    assert result.exit_code == 1 and result.stderr.startswith("Error: Unknown batch 'nobatch'.")


def test_parse_with_no_files_says_how_to_add_them(cli, batch_ws: Workspace) -> None:
    result = cli("parse", "cautions")
    assert result.exit_code == 0
    assert result.stdout == ("No files for cautions yet: `foi inbox import` replies or "
                             "`foi attach cautions SLUG FILE`.\n")


def test_the_same_figure_in_two_sheets_is_flagged(batch_ws: Workspace, tmp_path: Path) -> None:
    wb = openpyxl.Workbook()
    for title in ("Summary", "Detail"):
        sheet = wb.create_sheet(title)
        sheet.append(["Outcome", "2021/22"])
        sheet.append(["Adult caution", 12])
    del wb["Sheet"]
    wb.save(tmp_path / "two.xlsx")
    attach(batch_ws, "cautions", "kent", [tmp_path / "two.xlsx"])
    [report] = parse_batch(batch_ws, "cautions")
    assert report.figures == 2
    assert [w for w in report.warnings if "appears twice" in w] == [
        "the figure for outcome=Adult caution, period=2021/22 appears twice: Summary!B2 and Detail!B2"]


# --- issue 13 item 8: archives and sidecars ---------------------------------------------------


def _zip_of(path: Path, members: dict[str, str]) -> Path:
    with zipfile.ZipFile(path, "w") as zf:
        for name, text in members.items():
            zf.writestr(name, text)
    return path


def test_zip_kept_beside_its_unpacked_members_is_not_a_document(batch_ws: Workspace, tmp_path: Path) -> None:
    """The inbox keeps a mail's archive beside the members it stored; parse must not take it
    for a document (it was reported as an unreadable file on every parse)."""
    from foi.batches import batch_requests
    from foi.storage import request_dir, store_file, write_unique

    archive = _zip_of(tmp_path / "reply.zip", {"a.csv": "Outcome,2020\nAdult caution,1\n"})
    request = batch_requests(batch_ws.db, "cautions", ["kent"])[0]
    store_file(batch_ws, request, b"Outcome,2020\nAdult caution,1\n", "reply.zip/a.csv", source="zip")
    write_unique(request_dir(batch_ws, request), "reply.zip", archive.read_bytes())
    for _ in range(2):
        reports = parse_batch(batch_ws, "cautions")
        assert [(Path(r.path).name, r.status) for r in reports] == [("a.csv", "parsed")]
    assert [d["path"] for d in batch_ws.db.query("SELECT path FROM documents")] == ["responses/cautions/kent/a.csv"]


def test_zip_dropped_into_the_folder_gives_its_members(batch_ws: Workspace, tmp_path: Path) -> None:
    folder = batch_ws.responses_dir / "cautions" / "kent"
    folder.mkdir(parents=True)
    _zip_of(folder / "portal download.zip", {"t/a.csv": "Outcome,2020\nAdult caution,1\n"})
    for _ in range(2):
        reports = parse_batch(batch_ws, "cautions")
        assert [(Path(r.path).name, r.status, r.figures) for r in reports] == [("a.csv", "parsed", 1)]


def test_zip_registered_by_an_older_foi_is_forgotten(batch_ws: Workspace, tmp_path: Path) -> None:
    from foi.batches import batch_requests
    from foi.storage import store_file

    request = batch_requests(batch_ws.db, "cautions", ["kent"])[0]
    archive = _zip_of(tmp_path / "old.zip", {"a.csv": "Outcome,2020\nAdult caution,1\n"})
    store_file(batch_ws, request, archive.read_bytes(), "old.zip", source="folder")
    reports = parse_batch(batch_ws, "cautions")
    assert [(Path(r.path).name, r.status) for r in reports] == [("a.csv", "parsed")]


def test_a_bad_sidecar_is_that_files_error_and_the_others_still_parse(batch_ws: Workspace, tmp_path: Path) -> None:
    attach(batch_ws, "cautions", "durham", [title_block_xlsx(tmp_path / "r.xlsx")])
    attach(batch_ws, "cautions", "kent", [unmappable_csv(tmp_path / "odd.csv")])
    attach(batch_ws, "cautions", "essex", [title_block_xlsx(tmp_path / "s.xlsx")])
    (batch_ws.responses_dir / "cautions" / "essex" / "s.xlsx.foi.toml").write_text('[map]\n"Offence" = 5\n')
    reports = {r.body: r for r in parse_batch(batch_ws, "cautions")}
    assert reports["essex"].status == "error"
    assert reports["essex"].error.startswith("s.xlsx.foi.toml: [map] must hold header = \"target\" pairs")
    assert "responses/cautions/essex/s.xlsx.foi.toml" in reports["essex"].error
    assert reports["durham"].status == "parsed" and reports["kent"].status != "queued"
    statuses = {r["body"]: r["status"] for r in batch_ws.db.query("SELECT body, status FROM documents")}
    assert "queued" not in statuses.values() and statuses["essex"] == "error"
