"""`foi tables FILE... [--json]`: exact output, exit codes and error paths."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from foi.cli import app

CSV = (
    '"Arrests by force, 2023"\n'
    "\n"
    "Force,Arrests,Charged\n"
    "Kent,120,40\n"
    "Essex,80,25\n"
    "Total,200,65\n"
    "\n"
    "Source: force returns\n"
)


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_json_output_for_a_csv(tmp_path: Path):
    path = write(tmp_path, "arrests.csv", CSV)
    result = CliRunner().invoke(app, ["tables", str(path), "--json"])
    assert result.exit_code == 0, result.output
    [item] = json.loads(result.stdout)
    assert item["file"] == str(path)
    [table] = item["tables"]
    assert (table["sheet"], table["page"], table["table_index"], table["kind"]) == (None, None, 1, "table")
    assert table["rows"] == [
        {"row": 1, "role": "title"}, {"row": 2, "role": "blank"}, {"row": 3, "role": "header"},
        {"row": 4, "role": "data"}, {"row": 5, "role": "data"}, {"row": 6, "role": "total"},
        {"row": 7, "role": "blank"}, {"row": 8, "role": "note"},
    ]
    assert [(c["col"], c["header_rows"], c["role"], c["header"]) for c in table["columns"]] == [
        (1, [3], "label", ["Force"]), (2, [3], "value", ["Arrests"]), (3, [3], "value", ["Charged"])]
    # Dimensions come from foi.figures.coding.recognise: a column of force names is `body`.
    assert table["columns"][0]["dimension"] == "body"
    assert all("dimension" in c for c in table["columns"])


def test_csv_rows_are_record_numbers_not_line_numbers(tmp_path: Path):
    # A quoted label with a line break makes one record of two physical lines.
    path = write(tmp_path, "wrapped.csv", 'Force,Stops\n"Avon and\nSomerset",12\nKent,9\n')
    result = CliRunner().invoke(app, ["tables", str(path), "--json"])
    assert result.exit_code == 0
    rows = json.loads(result.stdout)[0]["tables"][0]["rows"]
    assert rows == [{"row": 1, "role": "header"}, {"row": 2, "role": "data"}, {"row": 3, "role": "data"}]


def test_several_files_in_one_call(tmp_path: Path):
    a = write(tmp_path, "a.csv", CSV)
    b = write(tmp_path, "b.csv", "Month,Stops\nJan,3\nFeb,4\n")
    result = CliRunner().invoke(app, ["tables", str(a), str(b), "--json"])
    assert result.exit_code == 0
    assert [item["file"] for item in json.loads(result.stdout)] == [str(a), str(b)]


def test_human_output(tmp_path: Path):
    path = write(tmp_path, "arrests.csv", CSV)
    result = CliRunner().invoke(app, ["tables", str(path)], env={"COLUMNS": "100"})
    assert result.exit_code == 0
    lines = [line.rstrip() for line in result.stdout.splitlines()]
    assert lines[0] == str(path)
    assert lines[1] == "  table 1"
    assert lines[2] == "    rows: 1 title, 2 blank, 3 header, 4-5 data, 6 total, 7 blank, 8 note"
    assert lines[3].split() == ["col", "role", "header", "rows", "header", "dimension"]
    assert lines[4].split() == ["1", "label", "3", "Force", "body"]
    assert lines[5].split()[:4] == ["2", "value", "3", "Arrests"]


def test_missing_file_is_one_line_error(tmp_path: Path):
    missing = tmp_path / "nope.csv"
    result = CliRunner().invoke(app, ["tables", str(missing)])
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr == f"Error: {missing}: no such file. Check the path.\n"


def test_unreadable_file_is_one_line_error(tmp_path: Path):
    empty = tmp_path / "empty.xlsx"
    empty.write_bytes(b"")
    result = CliRunner().invoke(app, ["tables", str(empty), "--json"])
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr == f"Error: {empty}: empty file (0 bytes): ask the force to resend it\n"


def test_a_bad_file_among_good_ones_prints_nothing(tmp_path: Path):
    good = write(tmp_path, "good.csv", CSV)
    bad = tmp_path / "bad.pdf"
    bad.write_bytes(b"\x00\x01\x02\x03binary junk" * 10)
    result = CliRunner().invoke(app, ["tables", str(good), str(bad)])
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr.startswith(f"Error: {bad}: not a spreadsheet, PDF, Word or CSV file")
    assert result.stderr.count("\n") == 1


def test_folder_is_refused(tmp_path: Path):
    result = CliRunner().invoke(app, ["tables", str(tmp_path)])
    assert result.exit_code == 1
    assert result.stderr == f"Error: {tmp_path}: is a folder, not a file. Give the files in it instead.\n"


def test_no_files_shows_usage():
    result = CliRunner().invoke(app, ["tables"])
    assert result.exit_code == 2
    assert result.stderr.endswith("Error: Missing argument 'FILE...'.\n")
