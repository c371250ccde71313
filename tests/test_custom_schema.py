"""A batch with its own schema (`foi batch create --schema FILE.toml`): stop and search by ethnicity."""

from __future__ import annotations

import json
from pathlib import Path

SCHEMA = '''
name = "stop-search-ethnicity"
value = "searches"

[[dimension]]
name = "period"
kind = "period"
synonyms = ["year", "month"]

[[dimension]]
name = "ethnicity"
synonyms = ["ethnic group", "self-defined ethnicity", "officer-defined ethnicity"]
values = ["White", "Black", "Asian", "Mixed", "Other", "Not stated"]
'''


def test_stop_search_by_ethnicity_end_to_end(cli, tmp_path: Path) -> None:
    schema = tmp_path / "stop-search.toml"
    schema.write_text(SCHEMA)
    result = cli("batch", "create", "stops", "--template", "request-outcomes", "--var", "first_year=2021/22",
                 "--var", "last_year=2022/23", "--to", "kent,essex", "--schema", str(schema))
    assert result.exit_code == 0, result.output
    assert json.loads(cli("batch", "show", "stops", "--json").stdout)["schema"]["name"] == "stop-search-ethnicity"
    reply = tmp_path / "kent.csv"
    reply.write_text("Self-defined ethnicity,2021/22,2022/23\nWhite,1200,1100\nBlack,340,*\nAsian,210,190\n")
    assert cli("attach", "stops", "kent", str(reply)).exit_code == 0
    [report] = json.loads(cli("parse", "stops", "--json").stdout)
    assert (report["status"], report["figures"], report["suppressed"]) == ("parsed", 6, 1)
    figures = json.loads(cli("figures", "stops", "--json").stdout)
    assert {(f["dims"]["ethnicity"], f["period_label"], f["value"], f["suppressed"]) for f in figures} == {
        ("White", "2021/22", 1200, None), ("White", "2022/23", 1100, None), ("Black", "2021/22", 340, None),
        ("Black", "2022/23", None, "*"), ("Asian", "2021/22", 210, None), ("Asian", "2022/23", 190, None)}
    assert all(f["offence"] is None and f["outcome"] is None for f in figures)
    summary = json.loads(cli("summary", "stops", "--by", "ethnicity", "--json").stdout)
    rows = {r["ethnicity"]: r for r in summary["rows"]}
    assert (rows["White"]["value"], rows["Black"]["value"], rows["Black"]["suppressed"]) == (2300, 340, 1)


def test_bad_schema_file_is_one_clear_line(cli, tmp_path: Path) -> None:
    schema = tmp_path / "bad.toml"
    schema.write_text('name = "x"\n[[dimension]]\nsynonyms = ["a"]\n')
    result = cli("batch", "create", "stops", "-t", "chaser", "--schema", str(schema))
    assert result.exit_code == 1
    assert result.stderr.startswith("Error: ") and result.stderr.count("\n") == 1
    assert str(schema) in result.stderr
    assert json.loads(cli("batch", "list", "--json").stdout) == []
