"""Readers: sniffing by content, one reader per format, locations, failures as results."""

from __future__ import annotations

import json
import subprocess
import sys
import zipfile
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest

from foi.readers import Grid, ReadResult, read_file, sniff
from tests.conftest import CORPUS, corpus_file

# --- builders ---------------------------------------------------------------------------


def make_xlsx(path: Path) -> Path:
    import openpyxl

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Data"
    # Data starts at B3 so calamine's start offset matters.
    ws["B3"] = "Force"
    ws["C3"] = "2019/20"
    ws["D3"] = "2019/20"
    ws.merge_cells("C3:D3")
    ws["C4"] = "Caution"
    ws["D4"] = "Charge"
    for i, (force, a, b) in enumerate([("Kent", 10, 20), ("Essex", 5, 7), ("Surrey", 1, 2), ("Dorset", 3, 4)]):
        ws.cell(row=5 + i, column=2, value=force)
        ws.cell(row=5 + i, column=3, value=a)
        ws.cell(row=5 + i, column=4, value=b)
    ws["B9"] = "Recorded"
    ws["C9"] = datetime(2024, 3, 31)
    for r in (6, 7):
        ws.row_dimensions[r].hidden = True
    ws.column_dimensions["E"].hidden = True
    ws["E5"] = "working"
    hid = wb.create_sheet("Working")
    hid["A1"] = "scratch"
    hid.sheet_state = "hidden"
    wb.save(path)
    return path


def _ruled_row(pdf, cells: list[str], widths: list[int]) -> None:
    for text, w in zip(cells, widths, strict=True):
        pdf.cell(w, 8, text, border=1)
    pdf.ln(8)


def make_pdf_tables(path: Path) -> Path:
    """Page 1: prose + ruled table that runs onto page 2 with a repeated header.
    Page 2: the continuation, then a second ruled table. Page 3: two ruled tables.
    Page 4: a whitespace-aligned (unruled) table under a paragraph of prose."""
    from fpdf import FPDF

    pdf = FPDF(unit="pt", format="A4")
    pdf.set_auto_page_break(False)
    pdf.set_font("helvetica", size=10)
    widths = [140, 80, 80]
    header = ["Force", "Cautions", "Charges"]
    pdf.add_page()
    pdf.set_xy(40, 40)
    pdf.multi_cell(500, 14, "Dear requester, thank you for your request of 3 March 2025. "
                   "The information is below.")
    pdf.set_xy(40, 100)
    _ruled_row(pdf, header, widths)
    n = 0
    while pdf.get_y() < 780:
        pdf.set_x(40)
        n += 1
        _ruled_row(pdf, [f"Force {n}", str(n * 3), f"{n * 1000:,}"], widths)
    first_page_rows = n
    pdf.add_page()
    pdf.set_xy(40, 40)
    _ruled_row(pdf, header, widths)
    for _ in range(5):
        n += 1
        pdf.set_x(40)
        _ruled_row(pdf, [f"Force {n}", str(n * 3), f"{n * 1000:,}"], widths)
    pdf.set_xy(40, 300)
    pdf.cell(300, 14, "Table 2: by year")
    pdf.set_xy(40, 320)
    for row in (["Year", "Total", "Rate"], ["2019", "12", "0.5"], ["2020", "14", "0.6"]):
        pdf.set_x(40)
        _ruled_row(pdf, row, widths)
    pdf.add_page()
    for top, label in ((60, "A"), (400, "B")):
        pdf.set_xy(40, top)
        for row in ([f"Outcome {label}", "Count"], ["Charged", "7"], ["Caution", "3"]):
            pdf.set_x(40)
            _ruled_row(pdf, row, [140, 80])
    pdf.add_page()
    pdf.set_xy(40, 40)
    pdf.multi_cell(500, 14, "This page holds a table with no ruling lines. It follows a paragraph "
                   "of ordinary prose which must not be mistaken for a table, even though it "
                   "mentions 2019 and 2020 and the number 43.")
    y = 140
    for row in (["Offence", "2019", "2020", "2021"], ["Burglary", "12", "15", "9"],
                ["Robbery", "4", "*", "6"], ["Theft from a vehicle", "101", "98", "87"],
                ["Total", "117", "113", "102"]):
        for x, text in zip((40, 220, 300, 380), row, strict=True):
            pdf.set_xy(x, y)
            pdf.cell(60, 12, text)
        y += 16
    pdf.output(str(path))
    path.with_suffix(".rows").write_text(str(first_page_rows))
    return path


@pytest.fixture(scope="module")
def tables_pdf(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, ReadResult, int]:
    path = make_pdf_tables(tmp_path_factory.mktemp("pdf") / "tables.pdf")
    return path, read_file(path), int(path.with_suffix(".rows").read_text())


# --- sniffing -----------------------------------------------------------------------------


def test_sniff_by_content_not_extension(tmp_path: Path) -> None:
    disguised = make_xlsx(tmp_path / "real.xlsx").rename(tmp_path / "returned.csv")
    assert sniff(disguised) == "xlsx"
    result = read_file(disguised)
    assert result.reader == "xlsx" and result.status == "ok"
    assert result.tables[0].rows[0][0] == "Force"


def test_sniff_kinds(tmp_path: Path) -> None:
    (tmp_path / "a.xls").write_text("<html><body><table><tr><td>x</td></tr></table></body></html>")
    (tmp_path / "b.dat").write_bytes(b"\x00\x01\x02\x03\xff\xfe\x00\x00binary" * 20)
    (tmp_path / "c.txt").write_text("a,b\n1,2\n")
    (tmp_path / "d.pdf").write_bytes(b"")
    assert sniff(tmp_path / "a.xls") == "html"
    assert sniff(tmp_path / "b.dat") == "binary"
    assert sniff(tmp_path / "c.txt") == "csv"
    assert sniff(tmp_path / "d.pdf") == "empty"
    assert sniff(corpus_file("police-use-of-conducted-energy-devices-2016.ods")) == "ods"
    assert sniff(corpus_file("ott.xls")) == "xls"


def test_unknown_binary_is_an_error_not_an_exception(tmp_path: Path) -> None:
    path = tmp_path / "mystery.xlsx"
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    result = read_file(path)
    assert result.status == "error" and result.tables == []
    assert result.error is not None
    assert result.error.startswith("not a spreadsheet, PDF, Word or CSV file: starts with bytes 89 50 4e 47")


def test_missing_file_is_an_error(tmp_path: Path) -> None:
    result = read_file(tmp_path / "nope.csv")
    assert result.status == "error" and "cannot open" in (result.error or "")


def test_encrypted_ooxml_is_reported(tmp_path: Path) -> None:
    # Password-protected xlsx files are OLE2 containers with EncryptionInfo/EncryptedPackage.
    head = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 500
    (tmp_path / "locked.xlsx").write_bytes(head + "EncryptionInfo".encode("utf-16-le") + b"\x00" * 600)
    result = read_file(tmp_path / "locked.xlsx")
    assert result.status == "error"
    assert result.error == "encrypted: ask the force for an unprotected copy"


# --- spreadsheets -------------------------------------------------------------------------


def test_xlsx_coordinates_merges_hidden(tmp_path: Path) -> None:
    result = read_file(make_xlsx(tmp_path / "t.xlsx"))
    assert result.status == "ok" and result.reader == "xlsx"
    data, working = result.tables
    assert data.name == "Data" and data.sheet == "Data"
    assert data.rows[0][:3] == ["Force", "2019/20", None]  # "" -> None; starts at B3
    assert data.location(0, 0) == "Data!B3"
    assert data.location(2, 2) == "Data!D5"
    assert data.rows[2][1:3] == [10, 20]
    assert data.rows[6][1] == date(2024, 3, 31)  # calamine gives a date for midnight
    assert data.merged == [(0, 1, 0, 2)]  # C3:D3 in rows coordinates
    assert [data.row_numbers[r] for r in data.hidden_rows] == [6, 7]
    assert [data.col_numbers[c] for c in data.hidden_cols] == [5]
    assert "hidden rows 6-7 on 'Data'" in result.warnings
    assert "hidden columns E on 'Data'" in result.warnings
    assert "hidden sheet 'Working'" in result.warnings
    assert working.name == "Working (hidden)" and working.rows == [["scratch"]]
    assert working.location(0, 0) == "Working!A1"


def test_sheet_names_with_spaces_are_quoted() -> None:
    result = read_file(corpus_file("ott.xls"))
    assert result.reader == "xls" and result.status == "ok"
    t1 = next(g for g in result.tables if g.sheet == "Table 1")
    assert t1.location(2, 2) == "'Table 1'!C3"
    assert t1.rows[2][2] == "All Visits"
    assert (2, 2, 2, 4) in t1.merged  # C3:E3 "All Visits"
    index = next(g for g in result.tables if g.sheet == "Index")
    assert index.location(0, 0) == "Index!B5"  # the sheet's data starts at B5


def test_ods_from_corpus() -> None:
    result = read_file(corpus_file("police-use-of-conducted-energy-devices-2016.ods"))
    assert result.reader == "ods" and result.status == "ok"
    t2 = next(g for g in result.tables if g.sheet == "Table_2")
    assert t2.rows[2][0] == "Police Force/Region"
    assert t2.rows[4][0] == "Cleveland" and t2.rows[4][1] == 11
    assert t2.location(4, 1) == "Table_2!B5"


def test_xlsx_openpyxl_cannot_open_reads_via_calamine() -> None:
    result = read_file(corpus_file("travelExpensesData_veryhorrible.xlsx"))
    assert result.status == "ok" and len(result.tables) == 16
    assert result.tables[0].rows[0][0] == "Top-Up Service Journeys per Department/Minister 2012-13FY"


def test_corrupt_xlsx(tmp_path: Path) -> None:
    good = make_xlsx(tmp_path / "t.xlsx").read_bytes()
    (tmp_path / "trunc.xlsx").write_bytes(good[: len(good) // 2])
    result = read_file(tmp_path / "trunc.xlsx")
    assert result.status == "error" and "corrupt" in (result.error or "")
    # Bytes damaged in the middle (a bad download): the sheet's deflate stream breaks.
    with zipfile.ZipFile(tmp_path / "t.xlsx") as zf:
        info = zf.getinfo("xl/worksheets/sheet1.xml")
    damaged = bytearray(good)
    start = info.header_offset + 30 + len(info.filename) + 20  # inside the compressed data
    for i in range(start, start + 100):
        damaged[i] ^= 0x5A
    (tmp_path / "garbled.xlsx").write_bytes(bytes(damaged))
    result = read_file(tmp_path / "garbled.xlsx")
    assert result.status == "error" and result.error and result.error.startswith("corrupt xlsx")
    assert result.tables == []


def test_big_xlsx_reads_every_row_with_sheet_coordinates(tmp_path: Path) -> None:
    # How much it costs over calamine alone is measured in bench/bench_parse.py, not asserted here.
    import openpyxl

    wb = openpyxl.Workbook(write_only=True)
    ws = wb.create_sheet("Big")
    for i in range(40_000):
        ws.append([i, f"force {i % 43}", i * 0.5, "" if i % 7 else None, i % 11])
    path = tmp_path / "big.xlsx"
    wb.save(path)
    grid = read_file(path).tables[0]
    assert len(grid.rows) == 40_000 and grid.location(39_999, 4) == "Big!E40000"
    assert grid.rows[39_999][:3] == [39_999, f"force {39_999 % 43}", 39_999 * 0.5]


# --- delimited ----------------------------------------------------------------------------


def test_cp1252_csv_with_pound_and_smart_quotes(tmp_path: Path) -> None:
    text = "Force;Cost;Note\r\nKent;£1,200;\u201cestimate\u201d\r\nEssex;£35;\u2018n/a\u2019\r\n"
    path = tmp_path / "costs.csv"
    path.write_bytes(text.encode("cp1252"))
    result = read_file(path)
    grid = result.tables[0]
    assert result.reader == "csv" and grid.name == "csv"
    assert grid.rows[1] == ["Kent", "£1,200", "\u201cestimate\u201d"]
    assert grid.rows[2][2] == "\u2018n/a\u2019"
    assert grid.location(1, 1) == "B2"


def test_utf16_tsv(tmp_path: Path) -> None:
    path = tmp_path / "export.txt"
    path.write_bytes("Force\tCount\r\nGwent\t12\r\nDyfed-Powys\t\r\n".encode("utf-16"))
    grid = read_file(path).tables[0]
    assert grid.rows == [["Force", "Count"], ["Gwent", "12"], ["Dyfed-Powys", None]]


def test_cr_only_csv_and_line_numbers(tmp_path: Path) -> None:
    path = tmp_path / "mac.csv"
    path.write_bytes(b'Force,Note,Count\r"Kent","two\rlines",4\r\rEssex,x,5\r')
    grid = read_file(path).tables[0]
    assert grid.rows[0] == ["Force", "Note", "Count"]
    assert grid.rows[1] == ["Kent", "two\rlines", "4"]
    assert grid.rows[-1] == ["Essex", "x", "5"]
    # The record after the quoted line break starts on physical line 5 (line 4 is blank).
    assert grid.location(len(grid.rows) - 1, 2) == "C5"


def test_real_cr_only_csv() -> None:
    grid = read_file(corpus_file("outcomes_by_force.csv")).tables[0]
    assert len(grid.rows) == 46 and len(grid.rows[0]) == 27
    assert grid.rows[1][0] == "Avon and Somerset Constabulary" and grid.rows[1][1] == "615"


@pytest.mark.parametrize("delim", [",", ";", "\t", "|"])
def test_delimiters(tmp_path: Path, delim: str) -> None:
    lines = ["Title of the table", "", delim.join(["Force", "Total", "Rate"])]
    lines += [delim.join([f"Force {i}", f'"{i},000"' if delim == "," else str(i), "0.5"]) for i in range(8)]
    path = tmp_path / "d.csv"
    path.write_text("\n".join(lines) + "\n")
    grid = read_file(path).tables[0]
    assert grid.rows[2] == ["Force", "Total", "Rate"]
    assert grid.rows[3][0] == "Force 0" and len(grid.rows[3]) == 3


# --- HTML, Word -----------------------------------------------------------------------------


def test_html_saved_as_xls(tmp_path: Path) -> None:
    html = """<html><head><meta charset="windows-1252"><style>td{}</style></head><body>
    <p>Outcomes</p>
    <table><tr><th rowspan="2">Force</th><th colspan="2">2019</th></tr>
    <tr><th>Caution</th><th>Charge</th></tr>
    <tr><td>Kent</td><td>1</td><td>&pound;2</td></tr></table>
    <table><tr><td>second</td></tr></table></body></html>"""
    path = tmp_path / "report.xls"
    path.write_bytes(html.encode("cp1252"))
    result = read_file(path)
    assert result.reader == "html" and result.status == "ok" and len(result.tables) == 2
    g = result.tables[0]
    assert g.rows == [["Force", "2019", None], [None, "Caution", "Charge"], ["Kent", "1", "£2"]]
    assert sorted(g.merged) == [(0, 0, 1, 0), (0, 1, 0, 2)]
    assert g.location(2, 2) == "table 1 r3 c3"
    assert result.tables[1].location(0, 0) == "table 2 r1 c1"
    assert "Outcomes" in result.text


def test_docx_tables_with_merges(tmp_path: Path) -> None:
    import docx

    document = docx.Document()
    document.add_paragraph("Dear Ms Bloggs, please find the figures below.")
    t = document.add_table(rows=4, cols=3)
    t.cell(0, 1).text = "2019/20"
    t.cell(0, 1).merge(t.cell(0, 2))  # gridSpan
    t.cell(1, 0).text = "Kent"
    t.cell(1, 0).merge(t.cell(2, 0))  # vMerge
    t.cell(1, 1).text = "4"
    t.cell(2, 1).text = "5"
    t.cell(3, 0).text = "Total"
    t.cell(3, 1).text = "9"
    document.add_table(rows=1, cols=1).cell(0, 0).text = "other"
    path = tmp_path / "reply.docx"
    document.save(path)
    result = read_file(path)
    assert result.reader == "docx" and len(result.tables) == 2
    g = result.tables[0]
    assert g.rows == [
        [None, "2019/20", None],
        ["Kent", "4", None],
        [None, "5", None],
        ["Total", "9", None],
    ]
    assert sorted(g.merged) == [(0, 1, 0, 2), (1, 0, 2, 0)]
    assert g.location(3, 1) == "table 1 r4 c2"
    assert result.tables[1].location(0, 0) == "table 2 r1 c1"
    assert "please find the figures" in result.text


def test_corrupt_docx(tmp_path: Path) -> None:
    path = tmp_path / "r.docx"
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("word/document.xml", "not xml")
    result = read_file(path)
    assert result.status == "error" and (result.error or "").startswith("corrupt docx")


# --- PDF --------------------------------------------------------------------------------------


def test_pdf_table_joined_over_pages_with_repeated_header(tables_pdf: tuple[Path, ReadResult, int]) -> None:
    _, result, first_rows = tables_pdf
    assert result.status == "ok", result.error
    big = result.tables[0]
    assert big.name == "page 1 table 1" and big.page == 1
    assert big.rows[0] == ["Force", "Cautions", "Charges"]
    # header + rows on page 1 + 5 rows on page 2 (the repeated header dropped)
    assert len(big.rows) == 1 + first_rows + 5
    assert [r[0] for r in big.rows].count("Force") == 1
    assert big.pages is not None and big.pages.count(2) == 5
    last = len(big.rows) - 1
    assert big.rows[last] == [f"Force {first_rows + 5}", str((first_rows + 5) * 3), f"{(first_rows + 5) * 1000:,}"]
    # Row 6 of page 2's part: page 2's header is row 1 there.
    assert big.location(last, 2) == "p2 t1 r6 c3"
    assert big.location(1, 0) == "p1 t1 r2 c1"
    assert "page 1 table 1 continues to page 2; joined" in result.warnings
    assert "Dear requester" in result.text


def test_pdf_several_tables_per_page(tables_pdf: tuple[Path, ReadResult, int]) -> None:
    _, result, _ = tables_pdf
    names = [g.name for g in result.tables]
    assert names[1:4] == ["page 2 table 2", "page 3 table 1", "page 3 table 2"]
    assert result.tables[1].rows == [["Year", "Total", "Rate"], ["2019", "12", "0.5"], ["2020", "14", "0.6"]]
    assert result.tables[1].location(2, 1) == "p2 t2 r3 c2"
    a, b = result.tables[2], result.tables[3]
    assert a.rows[0] == ["Outcome A", "Count"] and b.rows[0] == ["Outcome B", "Count"]
    assert [g.table_index for g in result.tables] == list(range(len(result.tables)))


def test_pdf_whitespace_table_and_prose_rejected(tables_pdf: tuple[Path, ReadResult, int]) -> None:
    _, result, _ = tables_pdf
    page4 = [g for g in result.tables if g.page == 4]
    assert len(page4) == 1
    g = page4[0]
    assert g.rows == [
        ["Offence", "2019", "2020", "2021"],
        ["Burglary", "12", "15", "9"],
        ["Robbery", "4", "*", "6"],
        ["Theft from a vehicle", "101", "98", "87"],
        ["Total", "117", "113", "102"],
    ]
    assert any("without ruling lines on page(s) 4" in w for w in result.warnings)
    # The prose page 1 paragraph never became a table of its own.
    assert not any(g.page == 1 and g.name != "page 1 table 1" for g in result.tables)


def test_pdf_parallel_equals_serial(tables_pdf: tuple[Path, ReadResult, int], tmp_path: Path) -> None:
    from foi.readers import pdf as pdf_reader

    path = tables_pdf[0]
    serial = pdf_reader.extract_pages(path, workers=1)
    old = pdf_reader.PARALLEL_MIN_PAGES
    pdf_reader.PARALLEL_MIN_PAGES = 0  # force the process pool on this short file
    try:
        parallel = pdf_reader.extract_pages(path, workers=2)
        result = pdf_reader.read_pdf(path, workers=2)
    finally:
        pdf_reader.PARALLEL_MIN_PAGES = old
    assert parallel == serial
    assert [g.rows for g in result.tables] == [g.rows for g in tables_pdf[1].tables]


def make_pdf_reruled(path: Path) -> tuple[Path, int]:
    """Page 1: a ruled table running to the bottom. Page 2: its last rows at the top, each
    figure's cell drawn as three (thin padding cells either side, as Cumbria's page 3 does),
    then a second table. Page 3: a table with the second table's outer edges whose two
    middle columns sit under one of its columns."""
    from fpdf import FPDF

    pdf = FPDF(unit="pt", format="A4")
    pdf.set_auto_page_break(False)
    pdf.set_font("helvetica", size=10)
    widths = [140, 80, 80]
    pdf.add_page()
    pdf.set_xy(40, 400)
    _ruled_row(pdf, ["Offence", "2022/23", "2023/24"], widths)
    n = 0
    while pdf.get_y() < 780:
        n += 1
        pdf.set_x(40)
        _ruled_row(pdf, [f"Offence {n}", str(n), str(2 * n)], widths)
    pdf.add_page()
    pdf.set_xy(40, 40)
    for row in ([f"Offence {n + 1}", str(n + 1), str(2 * (n + 1))], ["Grand Total", "999", "1998"]):
        pdf.set_x(40)
        _ruled_row(pdf, [row[0], "", row[1], "", "", row[2], ""], [140, 6, 68, 6, 6, 68, 6])
    pdf.set_xy(40, 300)
    for row in (["Outcome", "Count", "Rate"], ["Charged", "7", "0.5"]):
        pdf.set_x(40)
        _ruled_row(pdf, row, widths)
    pdf.add_page()
    pdf.set_xy(40, 40)
    for row in (["Age", "Male", "Female", "Total"], ["18-24", "3", "4", "7"]):
        pdf.set_x(40)
        _ruled_row(pdf, row, [140, 40, 40, 80])
    pdf.output(str(path))
    return path, n


def test_pdf_continuation_ruled_differently_is_joined_in_the_first_pages_columns(tmp_path: Path) -> None:
    path, n = make_pdf_reruled(tmp_path / "reruled.pdf")
    result = read_file(path)
    assert result.status == "ok", result.error
    assert [g.name for g in result.tables] == ["page 1 table 1", "page 2 table 2", "page 3 table 1"]
    big = result.tables[0]
    assert len(big.rows) == 1 + n + 2 and all(len(r) == 3 for r in big.rows)
    assert big.rows[-2:] == [[f"Offence {n + 1}", str(n + 1), str(2 * (n + 1))], ["Grand Total", "999", "1998"]]
    assert big.pages is not None and big.pages[-2:] == [2, 2]
    assert big.location(len(big.rows) - 1, 2) == "p2 t1 r2 c3"
    assert "page 1 table 1 continues to page 2; joined" in result.warnings
    # Same outer edges and nothing but a page break between them, but page 3's middle
    # columns would fall into one column of page 2's table: a table of its own.
    assert result.tables[1].rows == [["Outcome", "Count", "Rate"], ["Charged", "7", "0.5"]]
    assert result.tables[2].rows == [["Age", "Male", "Female", "Total"], ["18-24", "3", "4", "7"]]


@pytest.mark.parametrize("name", ["Cumbria.pdf", "nics-background-checks-2015-11.pdf", "us-020.pdf",
                                  "spanning_cells.pdf", "column_span_2.pdf", "offense.pdf"])
def test_pdf_fast_paths_equal_pdfplumber(name: str) -> None:
    """The reader's quicker char dicts and cell text are pdfplumber's, exactly."""
    import pdfplumber
    from pdfplumber.page import Page
    from pdfplumber.table import TableSettings

    from foi.readers.pdf_layout import CharIndex, fast_chars

    settings = TableSettings.resolve(None).text_settings or {}
    with pdfplumber.open(corpus_file(name)) as pdf:
        for page in pdf.pages:
            theirs = Page.parse_objects(page)
            fast_chars(page)
            ours = page.parse_objects()
            assert ours == theirs
            assert [list(o) for o in ours.get("char", [])] == [list(o) for o in theirs.get("char", [])]
            index = CharIndex(page.chars)
            for t in page.find_tables():
                assert index.cell_text(t, settings) == t.extract(**settings)


def test_pdf_without_text_layer_needs_ocr(tmp_path: Path) -> None:
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()
    pdf.rect(20, 20, 100, 60, style="F")
    pdf.add_page()
    pdf.rect(30, 30, 50, 50)
    path = tmp_path / "scan.pdf"
    pdf.output(str(path))
    result = read_file(path)
    assert result.status == "needs-ocr" and result.tables == [] and result.error is None


def test_encrypted_pdf(tmp_path: Path) -> None:
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("helvetica", size=12)
    pdf.cell(40, 10, "secret")
    pdf.set_encryption(owner_password="owner", user_password="user")
    path = tmp_path / "locked.pdf"
    pdf.output(str(path))
    result = read_file(path)
    assert result.status == "error"
    assert result.error == "password-protected PDF: ask the force for an unprotected copy"


def test_truncated_pdf(tmp_path: Path) -> None:
    path = tmp_path / "cut.pdf"
    path.write_bytes(b"%PDF-1.4\n1 0 obj << /Type /Catalog")
    result = read_file(path)
    assert result.status == "error" and (result.error or "").startswith("corrupt PDF")
    assert "\n" not in (result.error or "")


def test_nics_expectations() -> None:
    expected = json.loads((corpus_file("nics-background-checks-2015-11_expected.json")).read_text())
    result = read_file(corpus_file("nics-background-checks-2015-11.pdf"))
    assert result.status == "ok" and len(result.tables) == 1
    g = result.tables[0]
    rows = g.rows
    # The ruling here is drawn every five states; the reader splits those bands into rows.
    first = next(i for i, r in enumerate(rows) if r[0] == expected["first_row"]["col0"])
    totals = next(i for i, r in enumerate(rows) if r[0] == "Totals")
    states = rows[first:totals]
    assert states[-1][0] == expected["last_data_row"]["col0"]
    # pdfplumber's own test reads 23 columns with other settings; here the two spanned
    # "rentals" columns are kept as None, so its col 22 (totals) is our last column.
    assert states[0][-1] == expected["first_row"]["col22"] == "71,137"
    assert states[-1][-1] == expected["last_data_row"]["col22"]
    assert g.location(first, 24) == "p1 t1 r3 c25"  # the first ruled band, row 3 of the table
    checked = 0
    for c in range(1, len(rows[totals])):
        if rows[totals][c] is None:
            continue
        total = int(rows[totals][c].replace(",", ""))
        column = sum(int(r[c].replace(",", "")) for r in states if r[c])
        assert column == total, (c, column, total)
        checked += 1
    assert checked == 24
    assert expected["month_header_text"] in result.text


def test_cumbria_cells_match_pdfplumber() -> None:
    import pdfplumber

    result = read_file(corpus_file("Cumbria.pdf"))
    assert result.status == "ok"
    expected: dict[int, list[list[list[str | None]]]] = {}
    with pdfplumber.open(corpus_file("Cumbria.pdf")) as pdf:
        for page_no in (2, 3, 4):
            page = pdf.pages[page_no - 1]
            found = page.find_tables()
            # pdfplumber also reports the inner rules of header cells as tiny tables inside
            # the big one; the reader drops those.
            outer = [
                t for t in found
                if not any(o is not t and o.bbox != t.bbox and _inside(t.bbox, o.bbox) for o in found)
            ]
            expected[page_no] = [[[None if v == "" else v for v in row] for row in t.extract()] for t in outer]

    def rows_on(g: Grid, page_no: int) -> list[list[Any]]:
        assert g.pages is not None
        return [r for r, p in zip(g.rows, g.pages, strict=True) if p == page_no]

    # Page 2's tables are pdfplumber's, cell for cell.
    assert [rows_on(g, 2) for g in result.tables if g.page == 2] == expected[2]
    # The offence sub-group table goes on at the top of page 3, ruled 21 cells a row against
    # 9: joined, with each figure under its page-2 column and the same cells in order.
    offences = next(g for g in result.tables if g.rows[0][0] == "Offence Sub Group")
    assert offences.page == 2 and offences.pages is not None and offences.pages[-1] == 3
    on_3 = rows_on(offences, 3)
    assert [[v for v in r if v] for r in on_3] == [[v for v in r if v] for r in expected[3][0]]
    assert on_3 == [
        ["Violence without Injury", "259", "257", "246", "218", "128", "1108", None, None],
        ["Grand Total", "635", "505", "569", "513", "278", "2500", None, None],
    ]
    assert all(len(r) == 9 for r in offences.rows)
    assert offences.location(len(offences.rows) - 1, 6) == "p3 t1 r2 c7"
    # The hospital table that starts on page 3 is pdfplumber's too, and goes on to page 4
    # (whose first ruled table splits the same columns more coarsely).
    hospitals = next(g for g in result.tables if g.page == 3)
    assert rows_on(hospitals, 3) == expected[3][1]
    assert [[v for v in r if v] for r in rows_on(hospitals, 4)] == [
        [v for v in r if v] for r in expected[4][0]
    ]
    assert [g.name for g in result.tables if g.page == 3] == ["page 3 table 2"]


def _inside(inner: tuple[float, ...], outer: tuple[float, ...]) -> bool:
    return all(inner[i] >= outer[i] - 1 for i in (0, 1)) and all(inner[i] <= outer[i] + 1 for i in (2, 3))


def test_hertfordshire_record_list_joined() -> None:
    result = read_file(corpus_file("Hertfordshire.pdf"))
    assert result.status == "ok"
    years, records = result.tables[0], result.tables[1]
    assert years.rows[-1] == ["Grand Total", "4492"]
    assert records.rows[0] == ["No.", "Financial Year", "Crime Type", "Outcome Description"]
    assert len(records.rows) == 4492 + 1
    assert [r[0] for r in records.rows[1:]] == [str(i) for i in range(1, 4493)]
    assert records.pages is not None and records.pages[0] == 1 and records.pages[-1] == 61
    assert records.location(4492, 3).startswith("p61 t1 r")
    assert len(result.tables) == 2


# --- the whole corpus ---------------------------------------------------------------------------


@pytest.mark.skipif(not CORPUS.is_dir(), reason="shared corpus not mounted")
def test_every_corpus_file_reads_without_crashing() -> None:
    files = sorted(p for p in CORPUS.rglob("*") if p.is_file() and p.suffix.lower() not in (".md", ".json"))
    assert len(files) > 20
    for path in files:
        if path.name == "Hertfordshire.pdf":
            continue  # read in test_hertfordshire_record_list_joined
        result = read_file(path)
        assert isinstance(result, ReadResult)
        assert result.status == "ok", (path, result.error)
        assert result.tables, path
        for g in result.tables:
            assert isinstance(g, Grid)
            if g.rows:
                g.location(len(g.rows) - 1, len(g.rows[-1]) - 1)


def test_package_import_is_cheap() -> None:
    code = "import sys, foi.readers; print(sorted(m for m in ('pdfplumber', 'python_calamine', 'docx', " \
           "'charset_normalizer', 'openpyxl', 'pandas') if m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                         cwd=Path(__file__).parent.parent)
    assert out.stdout.strip() == "[]"



# --- where calamine will place a sheet's cells, found before it does (issue 13) ------------------

_SHEETS = {
    "numbered": '<sheetData><row r="3"><c r="C3"><v>1</v></c><c r="F3"><v>2</v></c></row>'
                '<row r="9"><c r="B9"><v>3</v></c></row></sheetData>',
    "unnumbered": "<sheetData><row><c><v>1</v></c><c/><c><v>2</v></c></row><row/><row><c><v>3</v></c><c><v>4</v>"
                  "</c><c><v>5</v></c><c><v>6</v></c></row></sheetData>",
    "rows-numbered-cells-not": '<sheetData><row r="4"><c><v>1</v></c><c><v>2</v></c></row><row r="7"><c><v>3</v></c>'
                               "</row></sheetData>",
    "mixed": '<sheetData><row r="2"><c r="D2"><v>1</v></c><c><v>2</v></c></row><row><c><v>3</v></c></row>'
             '<row r="6"><c r="B6"><v>4</v></c></row></sheetData>',
    "single-quotes-and-spaces": "<sheetData><row r='5'><c  r = 'E5'><v>1</v></c><c\nr='H12'><v>2</v></c></row>"
                                "</sheetData>",
    "prefixed": '<x:sheetData xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:row r="2">'
                '<x:c r="B2"><x:v>1</x:v></x:c></x:row><x:row r="5"><x:c r="K5"><x:v>2</x:v></x:c></x:row>'
                "</x:sheetData>",
}


@pytest.mark.parametrize("chunk", [1 << 22, 7])
@pytest.mark.parametrize("name", list(_SHEETS))
def test_the_extent_check_places_cells_as_calamine_does(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str,
                                                        chunk: int) -> None:
    """Whatever way a writer puts its cells, and wherever a chunk ends, the check finds the same
    rows and columns as calamine holds."""
    import python_calamine as pc
    from crafted import _SHEET_HEAD, _xlsx

    from foi.readers import _sheet_limits, _xlsx_scan

    path = _xlsx(tmp_path / f"{name}.xlsx", [_SHEET_HEAD, _SHEETS[name], "</worksheet>"])
    monkeypatch.setattr(_xlsx_scan, "_CHUNK", chunk)
    with zipfile.ZipFile(path) as zf:
        rows, cols, cells, whole = _sheet_limits.sheet_extent(zf, "xl/worksheets/sheet1.xml", _sheet_limits.Extent())
    sheet = pc.CalamineWorkbook.from_path(str(path)).get_sheet_by_index(0)
    assert (rows, cols, whole) == (sheet.height, sheet.width, True)
    assert cells == _SHEETS[name].count("<c") + _SHEETS[name].count("<x:c")
