"""`foi summary`: pivots of figures; suppressed cells counted, never summed.

Seeded values (tests/test_export.py): the i-th answering force gives 10*(i+1) + year index + outcome index,
Cleveland (i=4) suppressed every community resolution, Cumbria (i=5) gave two years only.
"""

from __future__ import annotations

import json

import pytest

from foi.errors import FoiError
from foi.summary import parse_where, summarise
from foi.workspace import Workspace
from tests.test_export import seed

TABLE = """\
┏━━━━━━━━━━━━━━┳━━━━━━━┳━━━━━━━━━┳━━━━━━━━━━━━┓
┃ outcome_code ┃ value ┃ figures ┃ suppressed ┃
┡━━━━━━━━━━━━━━╇━━━━━━━╇━━━━━━━━━╇━━━━━━━━━━━━┩
│ 3            │ 381   │ 7       │ 0          │
│ 8            │ 123   │ 2       │ 5          │
│ total        │ 504   │ 9       │ 5          │
└──────────────┴───────┴─────────┴────────────┘
"""


@pytest.fixture
def seeded(batch_ws: Workspace) -> Workspace:
    seed(batch_ws)
    return batch_ws


def test_table_by_outcome_for_two_forces(seeded: Workspace, cli) -> None:
    # Cleveland outcome 3: 50+51+52+53+54 = 260; Cumbria outcome 3: 60+61 = 121, outcome 8: 61+62 = 123.
    result = cli("summary", "cautions", "--by", "outcome_code", "--where", "body=cleveland,cumbria")
    assert result.exit_code == 0, result.output
    assert result.stdout == TABLE


def test_by_body_and_outcome_json(seeded: Workspace, cli) -> None:
    result = cli("summary", "cautions", "--by", "body", "--by", "outcome_code", "--where", "offence_code=19C",
                 "--json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["by"] == ["body", "outcome_code"] and data["where"] == {"offence_code": ["19C"]}
    rows = {(r["body"], r["outcome_code"]): (r["value"], r["figures"], r["suppressed"]) for r in data["rows"]}
    assert rows[("avon-and-somerset", "3")] == (60, 5, 0)
    assert rows[("avon-and-somerset", None)] == (-5, 1, 0)  # the uncoded outcome stays its own group
    assert rows[("cleveland", "8")] == (None, 0, 5)  # all suppressed: no sum, not 0
    assert len(rows) == 13
    assert data["total"] == {"value": 1599, "figures": 50, "suppressed": 5}


def test_by_dimension_and_repeated_where(seeded: Workspace) -> None:
    summary = summarise(seeded.db, "cautions", by=["period"],
                        where=parse_where(["body=cumbria", "body=cleveland", "outcome_code=8"]))
    assert summary.where == {"body": ["cumbria", "cleveland"], "outcome_code": ["8"]}
    assert [(r["period"], r["value"], r["suppressed"]) for r in summary.rows] == [
        ("2019/20", 61, 1), ("2020/21", 62, 1), ("2021/22", None, 1), ("2022/23", None, 1), ("2023/24", None, 1)]


def test_where_on_a_dimension(seeded: Workspace) -> None:
    summary = summarise(seeded.db, "cautions", by=["body"], where={"period": ["2020/21"], "outcome_code": ["3"]})
    assert [(r["body"], r["value"]) for r in summary.rows] == [
        ("avon-and-somerset", 11), ("bedfordshire", 21), ("cambridgeshire", 31), ("cheshire", 41),
        ("cleveland", 51), ("cumbria", 61)]


def test_default_groups_by_body(seeded: Workspace) -> None:
    summary = summarise(seeded.db, "cautions")
    assert summary.by == ["body"] and summary.columns == ["body", "value", "figures", "suppressed"]
    assert [r["body"] for r in summary.rows][:2] == ["avon-and-somerset", "bedfordshire"]


def test_no_figures_yet(batch_ws: Workspace, cli) -> None:
    result = cli("summary", "cautions")
    assert (result.exit_code, result.stdout) == (0, "No figures in cautions yet: run `foi parse cautions`.\n")
    result = cli("summary", "cautions", "--where", "body=kent")
    assert (result.exit_code, result.stdout) == (0, "No figures in cautions match.\n")


COLUMNS = ("body, period_label, period_start, period_end, offence, offence_code, outcome, outcome_code, unit, "
           "sender, sheet, source_file, period")


@pytest.mark.parametrize(("args", "message"), [
    (["--by", "force"], f"Error: Unknown column 'force'. Use one of: {COLUMNS}.\n"),
    (["--where", "value=3"], f"Error: Unknown column 'value'. Use one of: {COLUMNS}.\n"),
    (["--where", "body"], "Error: Bad --where 'body': use KEY=VALUE or KEY=V1,V2, e.g. offence_code=19C.\n"),
])
def test_summary_errors(seeded: Workspace, cli, args: list[str], message: str) -> None:
    result = cli("summary", "cautions", *args)
    assert result.exit_code == 1
    assert result.stderr == message


def test_unknown_batch(ws: Workspace) -> None:
    with pytest.raises(FoiError, match="Unknown batch 'cautions'"):
        summarise(ws.db, "cautions")
