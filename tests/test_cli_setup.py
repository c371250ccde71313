"""`foi init`, `foi bodies ...`, `foi template check` through the CLI, error paths included."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from foi import __version__
from foi.cli import app


def test_version(runner: CliRunner) -> None:
    result = runner.invoke(app, ["--version"])
    assert result.exit_code == 0
    assert result.stdout == f"foi {__version__}\n"


def test_init_then_list_json(runner: CliRunner, tmp_path: Path) -> None:
    result = runner.invoke(app, ["init", str(tmp_path / "w"), "--name", "Jo", "--email", "jo@example.org"])
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith(f"Workspace ready at {tmp_path / 'w'}\n")
    result = runner.invoke(app, ["-w", str(tmp_path / "w"), "bodies", "list", "--json"])
    assert result.exit_code == 0
    bodies = json.loads(result.stdout)
    assert len(bodies) == 43
    assert bodies[0] == {
        "slug": "avon-and-somerset", "name": "Avon and Somerset Constabulary", "ons_code": "E23000036",
        "region": "South West", "act": "FOIA", "website": "https://www.avonandsomerset.police.uk",
        "foi_email": "FOIREQUESTS@avonandsomerset.police.uk",
        "email_source": "WhatDoTheyKnow, Dec 2023 - Feb 2024 snapshot (unverified)", "portal": None, "note": None,
        "aliases": ["A&S"], "group": "england-wales",
    }


def test_init_json(runner: CliRunner, tmp_path: Path) -> None:
    result = runner.invoke(app, ["init", str(tmp_path / "w"), "--json"])
    assert result.exit_code == 0
    assert json.loads(result.stdout)["bodies"] == 48


def test_init_on_a_file_fails(runner: CliRunner, tmp_path: Path) -> None:
    (tmp_path / "file").write_text("x")
    result = runner.invoke(app, ["init", str(tmp_path / "file")])
    assert result.exit_code == 1
    assert result.stderr == f"Error: {tmp_path / 'file'} is a file; give `foi init` a folder.\n"


def test_missing_workspace_says_run_init(runner: CliRunner, tmp_path: Path) -> None:
    result = runner.invoke(app, ["-w", str(tmp_path / "nowhere"), "bodies", "list"])
    assert result.exit_code == 1
    assert result.stderr == (
        f"Error: No foi workspace at {tmp_path / 'nowhere'} (no foi.toml). "
        "Run `foi init PATH` to create one, or pass -w PATH / set FOI_WORKSPACE.\n"
    )
    assert "Traceback" not in result.output


def test_bodies_list_groups(cli) -> None:
    result = cli("bodies", "list", "--group", "other-uk", "--json")
    assert result.exit_code == 0
    assert len(json.loads(result.stdout)) == 5
    result = cli("bodies", "list", "--group", "nope")
    assert result.exit_code == 1
    assert result.stderr == "Error: No bodies in group 'nope'. Groups: england-wales, other-uk, or `any`.\n"


def test_bodies_list_table(cli) -> None:
    result = cli("bodies", "list")
    assert result.exit_code == 0
    assert "43 bodies" in result.stdout and "thames-valley" in result.stdout


def test_bodies_show(cli) -> None:
    result = cli("bodies", "show", "police-scotland")
    assert result.exit_code == 0
    assert "act           FOISA\n" in result.stdout
    result = cli("bodies", "show", "police-scotland", "--json")
    assert json.loads(result.stdout)["act"] == "FOISA"
    result = cli("bodies", "show", "gmp")
    assert result.exit_code == 1
    assert result.stderr == "Error: Unknown body 'gmp'. Did you mean 'greater-manchester'?\n"


def test_bodies_set(cli) -> None:
    result = cli("bodies", "set", "kent", "--email", "foi@kent.police.uk")
    assert result.exit_code == 0
    assert result.stdout == "Updated kent: e-mail foi@kent.police.uk, portal -\n"
    result = cli("bodies", "set", "kent", "--email", "nope")
    assert result.exit_code == 1
    assert result.stderr == "Error: 'nope' is not an e-mail address (expected name@domain).\n"


def test_bodies_import(cli, tmp_path: Path) -> None:
    good = tmp_path / "good.csv"
    good.write_text("slug,name,foi_email\nhome-office,Home Office,foirequests@homeoffice.gov.uk\n")
    result = cli("bodies", "import", str(good))
    assert result.exit_code == 0
    assert result.stdout == f"Imported {good}: 1 added, 0 updated.\n"
    bad = tmp_path / "bad.csv"
    bad.write_text("slug,name\nok-one,OK\nBAD,Bad\n")
    result = cli("bodies", "import", str(bad))
    assert result.exit_code == 1
    assert result.stderr.startswith(f"Error: 1 bad row(s) in {bad}, nothing imported: line 3: slug 'BAD'")
    result = cli("bodies", "import", str(tmp_path / "missing.csv"))
    assert result.exit_code == 1
    assert result.stderr == f"Error: Can't read {tmp_path / 'missing.csv'}: No such file or directory.\n"


def test_template_check_all_render(cli) -> None:
    result = cli("template", "check", "request-outcomes", "--var", "first_year=2019/20", "--var",
                 "last_year=2023/24", "--today", "2026-11-21")
    assert result.exit_code == 0
    assert result.stdout == "request-outcomes: 43 of 43 recipients render.\n"


def test_template_check_catches_undefined_for_one_recipient(cli, ws) -> None:
    # A template that needs something only some bodies have: the failing recipient is named.
    (ws.templates_dir / "needs-portal.txt.j2").write_text(
        "{% if body.slug == 'kent' %}{{ vars.kent_only }}{% endif %}Dear {{ body.name }}")
    result = cli("template", "check", "needs-portal", "--json")
    assert result.exit_code == 1
    report = json.loads(result.stdout)
    assert report["recipients"] == 43
    assert report["failures"] == [{
        "body": "kent",
        "error": "needs-portal.txt.j2: 'dict object' has no attribute 'kent_only'. "
                 "Pass it with --var KEY=VALUE or fix the template.",
    }]


def test_template_check_missing_var_fails_for_everyone(cli) -> None:
    result = cli("template", "check", "request-outcomes", "--to", "kent,essex")
    assert result.exit_code == 1
    assert result.stdout == "request-outcomes: 0 of 2 recipients render.\n"
    assert result.stderr.count("has no attribute 'first_year'") == 2


def test_template_check_unknown_template_and_bad_var(cli) -> None:
    result = cli("template", "check", "nope")
    assert result.exit_code == 1
    assert result.stderr == ("Error: Unknown template 'nope'. Templates: chaser, escalate-chase, escalate-complaint, "
                             "escalate-review, internal-review, request-outcomes (or give a file path).\n")
    result = cli("template", "check", "chaser", "--var", "novalue")
    assert result.exit_code == 1
    assert result.stderr == "Error: Bad --var 'novalue': write KEY=VALUE, e.g. --var first_year=2019/20.\n"
    result = cli("template", "check", "chaser", "--today", "21/11/2026")
    assert result.exit_code == 1
    assert result.stderr == "Error: Bad date '21/11/2026' for --today: use YYYY-MM-DD, e.g. 2026-12-18.\n"
