"""The review loop: `--map HEADER=TARGET` and the sidecar that keeps a fix for the next parse."""

from __future__ import annotations

import json
import tomllib
from pathlib import Path

import pytest

from foi.errors import FoiError
from foi.figures import coding, review
from foi.figures.filing import attach
from foi.figures.parsing import parse_batch
from foi.figures.query import list_figures
from foi.workspace import Workspace


def _csv(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def test_the_targets_are_coding_s_dimensions() -> None:
    assert review.KNOWN == coding.KNOWN


def test_a_curly_apostrophe_in_the_file_does_not_lose_a_straight_one_typed(batch_ws: Workspace,
                                                                           tmp_path: Path) -> None:
    """The header is matched loosely; what was typed is what the sidecar keeps, and the next parse
    (no --map) matches it the same way: the fix is not lost."""
    attach(batch_ws, "cautions", "kent", [_csv(tmp_path / "r.csv", "Officer’s patch,2022/23\nNorth,4\nSouth,6\n")])
    [report] = parse_batch(batch_ws, "cautions", mapping={"officer's PATCH": "beat"})
    assert report.mapping_applied == {"officer's PATCH": "beat"}
    sidecar = batch_ws.responses_dir / "cautions" / "kent" / "r.csv.foi.toml"
    assert tomllib.loads(sidecar.read_text(encoding="utf-8")) == {"map": {"officer's PATCH": "beat"}}
    first = {f["dims"]["beat"]: f["value"] for f in list_figures(batch_ws, "cautions")}
    assert first == {"North": 4, "South": 6}
    parse_batch(batch_ws, "cautions")  # no --map: the sidecar remembers
    assert {f["dims"]["beat"]: f["value"] for f in list_figures(batch_ws, "cautions")} == first


def test_a_mapping_that_applies_to_nothing_is_not_saved(batch_ws: Workspace, tmp_path: Path) -> None:
    attach(batch_ws, "cautions", "kent", [_csv(tmp_path / "r.csv", "Outcome,2022/23\nAdult caution,4\n")])
    [report] = parse_batch(batch_ws, "cautions", mapping={"Crime Type": "offence"})
    assert report.mapping_applied == {}
    assert not (batch_ws.responses_dir / "cautions" / "kent" / "r.csv.foi.toml").exists()


def test_map_to_body_splits_figures_across_forces(batch_ws: Workspace, tmp_path: Path) -> None:
    attach(batch_ws, "cautions", "kent", [_csv(tmp_path / "r.csv", "Where,2022/23\nCleveland Police,4\n"
                                                                   "Durham Constabulary,6\nEngland and Wales,900\n")])
    parse_batch(batch_ws, "cautions", mapping={"Where": "body"})
    figures = {f["body"]: (f["value"], f["total"], f["sender"]) for f in list_figures(batch_ws, "cautions")}
    assert figures["cleveland"] == (4, False, "kent") and figures["durham"] == (6, False, "kent")
    # The national row: kept, an aggregate, never added to the forces.
    assert figures["england-and-wales"] == (900, True, "kent")


def test_map_to_a_new_dimension_and_to_ignore(batch_ws: Workspace, tmp_path: Path) -> None:
    attach(batch_ws, "cautions", "kent", [_csv(tmp_path / "r.csv", "Kit,Colour,2022/23\nTaser,Yellow,4\n"
                                                                   "Baton,Black,6\n")])
    parse_batch(batch_ws, "cautions", mapping={"Kit": "equipment", "Colour": "ignore"})
    figures = list_figures(batch_ws, "cautions")
    assert {f["dims"]["equipment"]: f["value"] for f in figures} == {"Taser": 4, "Baton": 6}
    assert all("Colour" not in f["labels"] for f in figures)


def test_one_validator_for_map_options_and_sidecars(batch_ws: Workspace, tmp_path: Path) -> None:
    with pytest.raises(FoiError, match=r"Mapping 'Where=bdy': did you mean 'body'\? Use one of the targets: "
                                       r"period, body, offence, outcome, sex, age_group, ethnicity, area, measure, "
                                       r"unit, value, ignore, or a name of your own for a new dimension\."):
        parse_batch(batch_ws, "cautions", mapping={"Where": "bdy"})
    attach(batch_ws, "cautions", "kent", [_csv(tmp_path / "r.csv", "Where,2022/23\nNorth,4\n")])
    (batch_ws.responses_dir / "cautions" / "kent" / "r.csv.foi.toml").write_text('[map]\n"Where" = "bdy"\n')
    [report] = parse_batch(batch_ws, "cautions")
    assert report.status == "error"
    assert report.error.startswith("r.csv.foi.toml: Mapping 'Where=bdy': did you mean 'body'?")


def test_targets_are_case_blind_and_special_words_kept(batch_ws: Workspace) -> None:
    assert review.check_targets({"A": "Body", "B": "IGNORE", "C": "value", "D": "Hospital"}) == {
        "A": "body", "B": "ignore", "C": "value", "D": "Hospital"}
    with pytest.raises(FoiError, match="a dimension name is a word or a few"):
        review.check_targets({"A": "x=y"})


def test_the_first_hint_lists_the_targets(cli, batch_ws: Workspace, tmp_path: Path) -> None:
    rows = "\n".join(f"Area {i},{i}" for i in range(30))
    attach(batch_ws, "cautions", "kent", [_csv(tmp_path / "r.csv", "Area,Count\n" + rows + "\nArea 1,5\n")])
    result = cli("parse", "cautions")
    assert result.exit_code == 0, result.output
    assert "needs-review" in result.stdout
    assert "fix: foi parse cautions --file 1 --map 'HEADER=TARGET'" in result.stdout
    assert ("(targets: period, body, offence, outcome, sex, age_group, ethnicity, area, measure, unit, value, "
            "ignore, or a name of your own for a new dimension)") in result.stdout


def test_explain_shows_every_label_and_where_it_came_from(cli, batch_ws: Workspace, tmp_path: Path) -> None:
    text = "Offences recorded in 2022/23\n\nOffence,Male,Female\nRobbery3,4,2\nTotal,4,2\n"
    attach(batch_ws, "cautions", "kent", [_csv(tmp_path / "r.csv", text)])
    parse_batch(batch_ws, "cautions")
    figure = next(f for f in list_figures(batch_ws, "cautions") if f["location"] == "C4")
    info = json.loads(cli("explain", str(figure["id"]), "--json").stdout)
    by_dimension = {label["dimension"]: label for label in info["labels"]}
    assert by_dimension["offence"]["label"] == "Robbery" and by_dimension["offence"]["note"] == "3"
    assert by_dimension["offence"]["source"] == "row" and by_dimension["offence"]["header"] == "Offence"
    assert by_dimension["sex"]["label"] == "Female" and by_dimension["sex"]["source"] == "column"
    assert by_dimension["period"]["source"] == "title" and by_dimension["period"]["period_start"] == "2022-04-01"
    shown = cli("explain", str(figure["id"])).stdout
    assert "  offence   Robbery  (row label 'Offence'; note 3)" in shown
    assert "  period    2022/23  (2022-04-01 to 2023-03-31; title)" in shown
