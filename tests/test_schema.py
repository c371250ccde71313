import json
from pathlib import Path

import pytest

from foi.errors import FoiError
from foi.schema import (
    Dimension,
    Schema,
    load_schema,
    match_header,
    schema_from_toml,
    schema_to_dict,
)

STOP_SEARCH = """
name = "stop-search-ethnicity"
value = "searches"
threshold = 0.8
[[dimension]]
name = "period"
kind = "period"
synonyms = ["year", "month"]
[[dimension]]
name = "ethnicity"
synonyms = ["ethnic group", "self-defined ethnicity", "officer-defined ethnicity"]
values = ["White", "Black", "Asian", "Mixed", "Other", "Not stated"]
"""


def test_default_schema_is_police_outcomes() -> None:
    s = load_schema(None)
    assert isinstance(s, Schema)
    assert s.name == "police-outcomes"
    assert [d.name for d in s.dimensions] == ["period", "offence", "outcome"]
    assert [d.kind for d in s.dimensions] == ["period", "offence", "outcome"]
    assert s.value_name == "value"
    assert 0 < s.threshold <= 1
    period = s.dimension("period")
    assert period is not None and "financial year" in period.synonyms


def test_round_trip_through_json() -> None:
    for spec in (None, {"name": "x", "dimension": [{"name": "force"}]}):
        s = load_schema(spec)
        again = load_schema(json.loads(json.dumps(schema_to_dict(s))))
        assert again == s


def test_toml_schema(tmp_path: Path) -> None:
    p = tmp_path / "s.toml"
    p.write_text(STOP_SEARCH)
    spec = schema_from_toml(p)
    s = load_schema(spec)
    assert s.name == "stop-search-ethnicity"
    assert s.value_name == "searches"
    eth = s.dimension("ethnicity")
    assert eth == Dimension("ethnicity", eth.synonyms, "category", eth.values)
    assert "Not stated" in eth.values
    assert "ethnic group" in eth.synonyms
    assert load_schema(schema_to_dict(s)) == s
    assert match_header(s, "Self-defined ethnicity")[0] == ("ethnicity", 1.0)
    assert match_header(s, "Searches")[0] == ("value", 1.0)


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("name = ", "not valid TOML"),
        ('value = "x"\n[[dimension]]\nname = "a"\n', "'name' is missing"),
        ('name = "x"\n', "at least one [[dimension]]"),
        ('name = "x"\nthreshold = 2\n[[dimension]]\nname = "a"\n', "'threshold' must be"),
        ('name = "x"\n[[dimension]]\nname = "a"\nkind = "colour"\n', "kind 'colour'"),
        ('name = "x"\n[[dimension]]\nname = "a"\n[[dimension]]\nname = "a"\n', "twice"),
        ('name = "x"\n[[dimension]]\nname = "a"\nsynonyms = "b"\n', "list of strings"),
        ('name = "x"\n[[dimension]]\nname = "value"\n', "reserved"),
        ('name = "x"\ncolour = 1\n[[dimension]]\nname = "a"\n', "unknown key 'colour'"),
    ],
)
def test_bad_toml_names_problem_and_file(tmp_path: Path, text: str, problem: str) -> None:
    p = tmp_path / "bad.toml"
    p.write_text(text)
    with pytest.raises(FoiError) as e:
        schema_from_toml(p)
    msg = str(e.value)
    assert problem in msg
    assert "bad.toml" in msg
    assert "\n" not in msg


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(FoiError, match="not found"):
        schema_from_toml(tmp_path / "nope.toml")


@pytest.mark.parametrize(
    ("header", "target"),
    [
        ("Financial Year", "period"),
        ("FY", "period"),
        ("Offence Sub Group", "offence"),
        ("Home Office Code", "offence"),
        ("Crime Outcome", "outcome"),
        ("Disposal", "outcome"),
        ("Number of Crimes Recorded", "value"),
        ("No.", "value"),
    ],
)
def test_headers_match(header: str, target: str) -> None:
    t, conf = match_header(load_schema(None), header)[0]
    assert t == target
    assert conf >= 0.8


def test_unknown_and_ambiguous_headers_stay_below_threshold() -> None:
    s = load_schema(None)
    assert match_header(s, "Zorblax")[0][1] < s.threshold
    assert match_header(s, "Hospital")[0][1] < s.threshold
    # Could be an offence category or an outcome category: don't pick.
    assert match_header(s, "Crime outcome category")[0][1] < s.threshold
    assert match_header(s, "") == []
