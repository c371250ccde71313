"""Every real file we hold goes through the real pipeline: attach -> parse_batch -> figures.

The files are the shared corpus (police FOI replies, Home Office/IOPC tables, generic messy
tables), copied into tests/fixtures/ (see SOURCES.md there). Nothing may crash; every file gets a
status and a reason; and where a file comes with independently transcribed expected values, the
figures we store must equal them.

The whole corpus is parsed once per module (Hertfordshire.pdf alone is 61 pages), so the tests
below only look at the stored reports and figures.
"""

from __future__ import annotations

import csv
import json
import re
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from foi.batches import create_batch
from foi.figures.filing import attach
from foi.figures.parsing import FileReport, parse_batch
from foi.figures.query import list_figures
from foi.schema import schema_from_toml
from foi.values import parse_value
from foi.workspace import Workspace, init_workspace
from tests.conftest import CORPUS, TODAY, VARS, corpus_at

EXPECTED = CORPUS

# Every source file of the shared corpus (expected-value files are not replies, so not here).
CORPUS_FILES = [
    "bbc-data-unit-unsolved-crime/crime outcomes by category force year 2012-16.csv",
    "bbc-data-unit-unsolved-crime/outcomes_by_force.csv",
    "bbc-data-unit-unsolved-crime/outcomes_totals_2012-2016.csv",
    "camelot/12s0324.pdf",
    "camelot/column_span_2.pdf",
    "camelot/health.pdf",
    "camelot/superscript.pdf",
    "dash-blm-home-office-arrests/arrest-police-powers-procedures-mar19-hosb2519-tables.ods",
    "databaker/ott.xls",
    "messytables/excel_pasting.csv",
    "paulbradshaw-cleaning/Disposals by region 2012-13 Table.xls",
    "paulbradshaw-cleaning/Offences by region 2012-13 v2.xls",
    "paulbradshaw-cleaning/travelExpensesData_veryhorrible.xlsx",
    "paulbradshaw-mass_foi_projects/Cumbria.pdf",
    "paulbradshaw-mass_foi_projects/Durham.pdf",
    "paulbradshaw-mass_foi_projects/Hertfordshire.pdf",
    "paulbradshaw-mass_foi_projects/Humberside.pdf",
    "pdfplumber/nics-background-checks-2015-11.pdf",
    "resistancelab-data/Time_series_tables_2019-20.ods",
    "resistancelab-data/police-use-of-conducted-energy-devices-2016.ods",
    "resistancelab-data/police-use-of-force-apr2017-mar2018-hosb3018-tables.ods",
    "resistancelab-data/police-workforce-sep19-tables.ods",
    "resistancelab-data/taser-figures-march-2010.pdf",
    "tabula-java/offense.pdf",
    "tabula-java/spanning_cells.pdf",
    "tabula-java/spreadsheet_no_bounding_frame.pdf",
    "tabula-java/us-020.pdf",
]
STATUSES = {"parsed", "needs-review", "no-figures", "needs-ocr", "error"}

# A schema for the Home Office / IOPC "by force" tables: a force (or region) and a period.
FORCE_SCHEMA = """
name = "force-figures"
value = "value"

[[dimension]]
name = "force"
kind = "category"
synonyms = ["force", "police force", "police force area", "force/region", "appropriate authority"]

[[dimension]]
name = "period"
kind = "period"
synonyms = ["year", "financial year", "as at"]
"""


@dataclass
class Run:
    ws: Workspace
    reports: dict[str, FileReport]           # corpus path -> report
    figures: dict[str, list[dict[str, Any]]]  # corpus path -> its figures


def _workspace(root: Path) -> Workspace:
    return init_workspace(root, name="Jo Bloggs", email="jo@example.org", organisation="The Echo",
                          address="1 High St")


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Run:
    """Every corpus file attached to its own force's request of one batch, parsed in one go."""
    tmp = tmp_path_factory.mktemp("corpus")
    ws = _workspace(tmp / "w")
    create_batch(ws, "corpus", template="request-outcomes", vars=VARS, today=TODAY)
    slugs = [r["body"] for r in ws.db.query("SELECT body FROM requests WHERE batch = 'corpus' ORDER BY seq")]
    assert len(slugs) >= len(CORPUS_FILES)
    by_body: dict[str, str] = {}
    for slug, corpus_path in zip(slugs, CORPUS_FILES, strict=False):
        [stored] = attach(ws, "corpus", slug, [corpus_at(corpus_path)])
        assert not stored["duplicate"]
        by_body[slug] = corpus_path
    reports = {by_body[r.body]: r for r in parse_batch(ws, "corpus")}
    figures: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for f in list_figures(ws, "corpus"):
        figures[by_body[f["sender"]]].append(f)
    return Run(ws, reports, figures)


def _custom_batch(tmp: Path, corpus_path: str, mapping: dict[str, str] | None = None
                  ) -> tuple[FileReport, list[dict[str, Any]]]:
    ws = _workspace(tmp / "w")
    (tmp / "schema.toml").write_text(FORCE_SCHEMA, encoding="utf-8")
    create_batch(ws, "byforce", template="request-outcomes", vars=VARS, today=TODAY,
                 schema=schema_from_toml(tmp / "schema.toml"))
    attach(ws, "byforce", "kent", [corpus_at(corpus_path)])
    [report] = parse_batch(ws, "byforce", mapping=mapping)
    return report, list_figures(ws, "byforce")


def _norm(label: str) -> str:
    return " ".join(label.split()).casefold()


# --- every file ----------------------------------------------------------------------------


@pytest.mark.skipif(not CORPUS.is_dir(), reason="shared corpus not mounted")
def test_the_list_covers_every_corpus_file() -> None:
    found = sorted(p.relative_to(CORPUS).as_posix() for p in CORPUS.rglob("*")
                   if p.is_file() and "expected" not in p.relative_to(CORPUS).parts[:-1]
                   and not p.parent.name.startswith("expected") and p.name != "SOURCES.md")
    assert found == sorted(CORPUS_FILES)


@pytest.mark.parametrize("corpus_path", CORPUS_FILES)
def test_every_file_gets_a_status_and_a_reason(corpus: Run, corpus_path: str) -> None:
    report = corpus.reports[corpus_path]
    assert report.status in STATUSES, (report.status, report.error)
    assert report.reader
    if report.status in ("error", "needs-ocr"):
        assert report.error and "\n" not in report.error
    if report.status == "needs-review":
        # The journalist must be told what to look at.
        assert report.warnings or report.not_understood
    if report.status == "no-figures":
        assert report.warnings
    assert report.figures == len(corpus.figures[corpus_path])
    assert report.suppressed == sum(1 for f in corpus.figures[corpus_path] if f["suppressed"] is not None)


@pytest.mark.parametrize("corpus_path", CORPUS_FILES)
def test_every_stored_figure_is_its_raw_text(corpus: Run, corpus_path: str) -> None:
    """Value/suppressed stored must be what the raw cell text says, and location must be set."""
    for f in corpus.figures[corpus_path]:
        assert f["location"] and f["source_sha256"] and f["raw"] is not None
        v = parse_value(f["raw"])
        if f["suppressed"] is not None:
            assert f["value"] is None and v.suppressed is not None, f
        else:
            assert v.number is not None, f
            assert f["value"] == pytest.approx(v.number, rel=1e-5), f
        assert isinstance(f["dims"], dict) and f["dims"], f


def test_the_corpus_yields_figures(corpus: Run) -> None:
    statuses = Counter(r.status for r in corpus.reports.values())
    assert statuses["error"] == 0 and statuses["needs-ocr"] == 0, statuses
    assert sum(r.figures for r in corpus.reports.values()) > 500


# --- police FOI replies with known answers ----------------------------------------------------


def _expected_cumbria() -> dict[tuple[str, str], int]:
    path = EXPECTED / "paulbradshaw-mass_foi_projects/expected-aresbr-Dataharvest/cumbria_crimes_by_category_year.csv"
    with open(path, newline="", encoding="utf-8") as fh:
        return {(_norm(r["offence_category"]), r["financial_year"]): int(r["crime_count"])
                for r in csv.DictReader(fh)}


def _cumbria_offence_figures(corpus: Run) -> dict[tuple[str, str], float]:
    out = {}
    for f in corpus.figures["paulbradshaw-mass_foi_projects/Cumbria.pdf"]:
        # The Grand Total row and column are stored too, marked: they are not categories.
        if f["offence"] and f["period_label"] and not f["outcome"] and not f["total"]:
            key = (_norm(f["offence"]), f["period_label"])
            assert key not in out, f"{key} stored twice"
            out[key] = f["value"]
    return out


def test_cumbria_offence_by_year_page_2_matches_transcription(corpus: Run) -> None:
    expected = _expected_cumbria()
    ours = _cumbria_offence_figures(corpus)
    assert ours, "no offence x year figures from Cumbria.pdf"
    # Blank cells mean 0 in the PDF and are dropped in the transcription; we never invent a 0.
    assert all(v is not None and v > 0 for v in ours.values())
    assert {k: expected[k] for k in ours if k in expected} == ours
    on_page_2 = {k for k in expected if k[0] != "violence without injury"}
    assert set(ours) >= on_page_2
    f = next(f for f in corpus.figures["paulbradshaw-mass_foi_projects/Cumbria.pdf"]
             if f["offence"] == "Violence with Injury" and f["period_label"] == "2019/20")
    assert (f["value"], f["period_start"], f["page"], f["raw"]) == (99, "2019-04-01", 2, "99")


def test_cumbria_offence_by_year_matches_transcription_and_year_sums(corpus: Run) -> None:
    ours = _cumbria_offence_figures(corpus)
    assert ours == _expected_cumbria()
    sums = Counter[str]()
    for (_, year), value in ours.items():
        sums[year] += value
    assert [sums[y] for y in ("2019/20", "2020/21", "2021/22", "2022/23", "2023/24")] == [635, 505, 569, 513, 278]


def _by_label(figures: list[dict[str, Any]], dim: str) -> dict[str, dict[str, Any]]:
    out: dict[str, dict[str, Any]] = defaultdict(dict)
    for f in figures:
        if f["dims"].get(dim) and f["period_label"]:
            out[f["dims"][dim]][f["period_label"]] = f["value"] if f["suppressed"] is None else f["suppressed"]
    return out


def test_durham_outcomes_by_year(corpus: Run) -> None:
    figures = corpus.figures["paulbradshaw-mass_foi_projects/Durham.pdf"]
    codes = {f["outcome"]: f["outcome_code"] for f in figures if f["outcome"]}
    assert {label: codes.get(label) for label in (
        "Charged or Summonsed", "Cautioned - Youth", "Cautioned - Adult", "Offender has Died",
        "Penalty Notice for Disorder", "Cannabis or Khat Warning", "Community Resolution",
        "Not in the Public Interest - CPS", "Not in the Public Interest - Police",
        "Investigation Complete - No Suspect Identified", "Further Action by Another Body or Agency",
        "Further Investigation is Not in the Public Interest - Police",
        "Diversionary, Educational or Intervention Activity")} == {
        "Charged or Summonsed": "1", "Cautioned - Youth": "2", "Cautioned - Adult": "3",
        "Offender has Died": "5", "Penalty Notice for Disorder": "6", "Cannabis or Khat Warning": "7",
        "Community Resolution": "8", "Not in the Public Interest - CPS": "9",
        "Not in the Public Interest - Police": "10", "Investigation Complete - No Suspect Identified": "18",
        "Further Action by Another Body or Agency": "20",
        "Further Investigation is Not in the Public Interest - Police": "21",
        "Diversionary, Educational or Intervention Activity": "22"}
    # Labels wrapped over lines in the PDF come back as one label.
    assert "Named Suspect Identified - Suspect Too Ill to Prosecute" in codes
    years = ["2019/20", "2020/21", "2021/22", "2022/23", "2023/24"]
    outcome = _by_label(figures, "outcome")
    assert [outcome["Cautioned - Adult"][y] for y in years] == [3, 8, 9, 5, 4]
    assert [outcome["Community Resolution"][y] for y in years] == [7, 11, 14, 7, 4]
    # "-" is kept as written (here it means nil; values.py never invents a 0).
    assert [outcome["Cautioned - Youth"][y] for y in years] == ["-", "-", 3, "-", "-"]
    offence = _by_label(figures, "offence")
    assert [offence["Violence Against the Person"][y] for y in years] == [45, 106, 169, 174, 272]
    assert not [w for w in corpus.reports["paulbradshaw-mass_foi_projects/Durham.pdf"].warnings
                if "stated" in w and "crime" in w.lower()]


def test_humberside_outcome_codes_by_calendar_year(corpus: Run) -> None:
    figures = corpus.figures["paulbradshaw-mass_foi_projects/Humberside.pdf"]
    codes = {f["outcome"]: f["outcome_code"] for f in figures if f["outcome"]}
    assert codes["3: Adult caution"] == "3"
    assert codes["8: Community resolution"] == "8"
    assert codes["3A: Alternate offence adult caution"] == "3A"
    assert codes["1: Charged"] == "1"
    years = [str(y) for y in range(2019, 2025)]
    outcome = _by_label(figures, "outcome")
    assert [outcome["3: Adult caution"].get(y) for y in years] == [1, 9, 9, 14, 6, 2]
    assert [outcome["8: Community resolution"].get(y) for y in years] == [8, 14, 10, 8, 10, 8]
    # Blank means 0 in this reply; blanks are not stored as figures.
    assert "2019" not in outcome["3A: Alternate offence adult caution"]
    f = next(f for f in figures if f["outcome"] == "8: Community resolution" and f["period_label"] == "2024")
    assert (f["period_start"], f["period_end"]) == ("2024-01-01", "2024-12-31")
    offence = _by_label(figures, "offence")
    assert [offence["VIOLENCE WITHOUT INJURY"].get(y) for y in years] == [145, 159, 128, 111, 162, 49]


HERTS = "paulbradshaw-mass_foi_projects/Hertfordshire.pdf"


def test_hertfordshire_record_numbers_never_become_figures(corpus: Run) -> None:
    """Page 1 has a small FY total table (-> figures); the 4,492-row list of crimes that follows
    (No., FY, crime type, outcome) holds no counts, and its serial numbers must not be taken as counts."""
    figures = corpus.figures[HERTS]
    assert figures and all(f["location"].startswith("p1 t1 ") for f in figures)
    assert sum(f["value"] for f in figures if not f["total"]) == 4492
    assert [f["value"] for f in figures if f["total"]] == [4492]  # the Grand Total: stored, marked
    assert {f["period_label"] for f in figures} >= {"2019/2020", "2023/2024"}


def test_hertfordshire_record_list_is_flagged_for_review(corpus: Run) -> None:
    report = corpus.reports[HERTS]
    assert report.status == "needs-review"
    assert any(re.search(r"list of (crime |individual )?records|one row per", w, re.I) for w in report.warnings)


# --- generic tables with known answers --------------------------------------------------------


def test_nics_reader_level(corpus: Run) -> None:
    """The header cells span several value columns in this PDF, so no mapping can tell the
    columns apart at the figures level: it must be needs-review with nothing guessed. The grid
    itself must hold the known values."""
    from foi.readers import read_file

    report = corpus.reports["pdfplumber/nics-background-checks-2015-11.pdf"]
    assert report.status == "needs-review"
    expected = json.loads((CORPUS / "pdfplumber/expected/nics-background-checks-2015-11_expected.json").read_text())
    [grid] = read_file(CORPUS / "pdfplumber/nics-background-checks-2015-11.pdf").tables
    rows = [r for r in grid.rows if r[0] and r[1:] and any(c for c in r[1:])]
    alabama = next(r for r in rows if r[0] == "Alabama")
    assert alabama[-1] == expected["first_row"]["col22"] == "71,137"
    assert next(r for r in rows if r[0] == "Wyoming")[-1] == expected["last_data_row"]["col22"]
    data = [r for r in rows if r[0] not in ("State / Territory",) and parse_value(r[-1]).number is not None]
    assert data[-1][0] == "Totals"

    def number(cell: Any) -> float:
        return 0 if cell in (None, "") else parse_value(cell).number  # type: ignore[return-value]

    for c in range(1, len(alabama)):
        column = [number(r[c]) for r in data]
        assert sum(column) == 2 * column[-1], c


def _expected_by_force(relative: str) -> Counter[tuple[str, str, float]]:
    with open(EXPECTED / relative, newline="", encoding="utf-8") as fh:
        reader = csv.reader(fh)
        header = next(reader)
        return Counter((_norm(row[0]), header[i], round(float(row[i]), 6))
                       for row in reader for i in range(1, len(header)))


def test_workforce_officer_fte_by_force_with_a_custom_schema(tmp_path: Path) -> None:
    report, figures = _custom_batch(tmp_path, "resistancelab-data/police-workforce-sep19-tables.ods")
    as_at = {"2018-09-30": "September 2018", "2019-03-31": "March 2019", "2019-09-30": "September 2019"}
    # The transcription's pipeline renamed two forces; the ODS says "London, City of" and "Metropolitan Police".
    renamed = {"london, city of": "city of london", "metropolitan police": "metropolitan"}
    table_1 = [f for f in figures if f["sheet"] == "Table_1" and f["period_start"] in as_at
               and "As at" in f["dims"].values()]
    ours = Counter((renamed.get(_norm(f["dims"]["body"]), _norm(f["dims"]["body"])), as_at[f["period_start"]],
                    round(f["value"], 6)) for f in table_1 if not _norm(f["dims"]["body"]).startswith("total"))
    expected = _expected_by_force("resistancelab-data/expected/police-population/officer-fte/2019.csv")
    # Forces, and the regions (stored as aggregates): every one of the transcription's values.
    assert ours == Counter({k: n for k, n in expected.items() if k[0] != "total 43 forces"})
    cumbria = next(f for f in table_1 if f["body"] == "cumbria" and f["period_start"] == "2019-09-30")
    assert (cumbria["location"], cumbria["value"], cumbria["total"]) == ("Table_1!D13", 1173.62, False)
    assert all(f["total"] for f in table_1 if f["dims"]["body"] in ("North East", "Total 43 forces"))


IOPC = "resistancelab-data/Time_series_tables_2019-20.ods"
IOPC_EXPECTED = "resistancelab-data/expected/deaths-during-or-following-police-contact/other_contact_by_force"


@pytest.fixture(scope="module")
def iopc(tmp_path_factory: pytest.TempPathFactory) -> tuple[FileReport, list[dict[str, Any]]]:
    return _custom_batch(tmp_path_factory.mktemp("iopc"), IOPC)


def _iopc_table(figures: list[dict[str, Any]], first_row: int, last_row: int) -> list[dict[str, Any]]:
    return [f for f in figures if f["sheet"] == "Other_contact_by_force" and first_row <= f["row_num"] <= last_row]


def test_iopc_other_contact_by_force_matches_the_manual_transcription(iopc: tuple[FileReport, list]) -> None:
    """Incidents (sheet rows 10-72) and fatalities (rows 85-147) by force x FY; footnote markers
    glued to numbers ("12~") are read as the number."""
    _, figures = iopc
    for name, (first, last) in {"incidents": (10, 72), "fatalities": (85, 147)}.items():
        # Footnote markers on labels ("Home Office^", "10/11*") are not part of the name.
        ours = Counter((_norm(f["dims"]["force"].rstrip("~*^")), f["period_label"].rstrip("*"), f["value"])
                       for f in _iopc_table(figures, first, last) if f["period_label"] and not f["total"])
        expected = _expected_by_force(f"{IOPC_EXPECTED}/{name}.csv")
        # City of London 16/17 is written '1"' (a quote as footnote marker): it counts too.
        expected = Counter({k: n for k, n in expected.items() if k[1] != "Total"})
        assert ours == expected, name
    gm = next(f for f in figures if f["location"] == "Other_contact_by_force!P24")
    assert (gm["raw"], gm["value"], gm["suppressed"], gm["dims"]["force"]) == ("12~", 12, None, "Greater Manchester")


def test_iopc_quote_footnote_marker(iopc: tuple[FileReport, list]) -> None:
    """values.parse_value('1"') was text: a double quote glued to a number as a footnote marker
    (IOPC City of London 16/17) is now stripped like ~ * ^ are."""
    _, figures = iopc
    f = next(f for f in figures if f["location"] == "Other_contact_by_force!N14")
    assert (f["raw"], f["value"]) == ('1"', 1)
    assert (f["dims"]["force"], f["dims"]["period"]) == ("City of London", "16/17")


def test_iopc_total_column_is_checked_not_stored(iopc: tuple[FileReport, list]) -> None:
    """Columns headed 'Total  INCIDENTS' / 'Total FATALITIES' are stated totals, not figures with no period."""
    _, figures = iopc
    table = _iopc_table(figures, 10, 147)
    assert table and all(f["period_label"] for f in table if not f["total"])
    totals = [f for f in table if f["total"]]
    last = max(f["col_num"] for f in table)
    # The "Total INCIDENTS" line under the forces adds them up (its "170~" too): a total row.
    assert {f["row_num"] for f in totals if f["col_num"] != last} == {73}
    assert {f["col_num"] for f in totals if f["row_num"] != 73} == {last}
