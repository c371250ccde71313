"""Batches, references and letters (`foi batch ...`, `foi letters`)."""

from __future__ import annotations

import email
import json
from email import policy
from pathlib import Path

import pytest

from foi.batches import REFERENCE, batch_requests, create_batch
from foi.errors import FoiError
from tests.conftest import TODAY, VARS

CREATE = ["batch", "create", "cautions", "--template", "request-outcomes", "--var", "first_year=2019/20",
          "--var", "last_year=2023/24", "--today", "2026-11-21"]


def test_create_makes_43_drafts_with_stable_references(cli) -> None:
    result = cli(*CREATE)
    assert result.exit_code == 0, result.output
    assert result.stdout == "Created batch cautions: 43 draft requests, FOI-CAUTIONS-0001 to FOI-CAUTIONS-0043.\n"
    shown = json.loads(cli("batch", "show", "cautions", "--json").stdout)
    assert len(shown["requests"]) == 43
    assert shown["requests"][0]["reference"] == "FOI-CAUTIONS-0001"
    assert shown["requests"][0]["body"] == "avon-and-somerset"
    assert {r["status"] for r in shown["requests"]} == {"draft"}
    assert shown["vars"] == VARS
    assert all(REFERENCE.fullmatch(r["reference"]) for r in shown["requests"])


def test_create_json_and_list(cli) -> None:
    created = json.loads(cli(*CREATE, "--json").stdout)
    assert created["requests"] == 43 and created["references"][6] == "FOI-CAUTIONS-0007"
    listed = json.loads(cli("batch", "list", "--json").stdout)
    assert [(b["name"], b["requests"], b["by_status"]) for b in listed] == [("cautions", 43, {"draft": 43})]


def test_create_to_a_group_and_to_slugs(cli) -> None:
    assert cli("batch", "create", "uk", "-t", "chaser", "--to", "group:other-uk").exit_code == 0
    assert cli("batch", "create", "ne", "-t", "chaser", "--to", "durham,northumbria,cleveland").exit_code == 0
    shown = json.loads(cli("batch", "show", "ne", "--json").stdout)
    assert [r["body"] for r in shown["requests"]] == ["durham", "northumbria", "cleveland"]
    assert [r["reference"] for r in shown["requests"]] == ["FOI-NE-0001", "FOI-NE-0002", "FOI-NE-0003"]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["batch", "create", "Bad Name", "-t", "chaser"], "Error: Bad batch name 'Bad Name': use lower-case letters, "
         "digits, - and _ (e.g. cautions-2025).\n"),
        (["batch", "create", "x", "-t", "nope"], "Error: Unknown template 'nope'. Templates: chaser, escalate-chase, "
         "escalate-complaint, escalate-review, internal-review, request-outcomes (or give a file path).\n"),
        (["batch", "create", "x", "-t", "chaser", "--to", "kent,atlantis"],
         "Error: Unknown body 'atlantis'. Run `foi bodies list --group any` to see them.\n"),
        (["batch", "create", "x", "-t", "chaser", "--var", "=1"],
         "Error: Bad --var '=1': write KEY=VALUE, e.g. --var first_year=2019/20.\n"),
        (["batch", "show", "nope"], "Error: Unknown batch 'nope'. There are no batches yet: `foi batch create`.\n"),
        (["letters", "nope"], "Error: Unknown batch 'nope'. There are no batches yet: `foi batch create`.\n"),
    ],
)
def test_create_and_show_errors(cli, args: list[str], message: str) -> None:
    result = cli(*args)
    assert result.exit_code == 1
    assert result.stderr == message


def test_create_refuses_a_template_that_fails(cli) -> None:
    result = cli("batch", "create", "x", "-t", "request-outcomes", "--var", "first_year=2019/20")
    assert result.exit_code == 1
    assert result.stderr.startswith("Error: Template 'request-outcomes' fails for 43 recipient(s), batch not created")
    assert json.loads(cli("batch", "list", "--json").stdout) == []


def test_create_twice_is_refused(cli) -> None:
    cli(*CREATE)
    result = cli(*CREATE)
    assert result.exit_code == 1
    assert result.stderr == ("Error: Batch 'cautions' already exists. "
                             "Use `foi batch add cautions SLUG` to add bodies.\n")


def test_add_and_remove(cli) -> None:
    cli(*CREATE)
    result = cli("batch", "add", "cautions", "police-scotland", "northern-ireland")
    assert result.exit_code == 0
    assert result.stdout == "Added 2 request(s) to cautions: FOI-CAUTIONS-0044, FOI-CAUTIONS-0045\n"
    assert cli("batch", "remove", "cautions", "police-scotland").stdout == "Removed from cautions: police-scotland\n"
    # References are never reused after a removal.
    assert cli("batch", "add", "cautions", "police-scotland", "--json").stdout.count("FOI-CAUTIONS-0046") == 1
    result = cli("batch", "add", "cautions", "kent")
    assert result.exit_code == 1
    assert result.stderr == "Error: Already in batch 'cautions': kent.\n"
    result = cli("batch", "remove", "cautions", "atlantis")
    assert result.exit_code == 1
    assert result.stderr == "Error: Not in batch 'cautions': atlantis. See `foi batch show cautions`.\n"


def test_remove_refuses_a_sent_request(batch_ws) -> None:
    from foi.batches import remove_bodies

    batch_ws.db.execute("UPDATE requests SET status = 'sent' WHERE body = 'kent'")
    with pytest.raises(FoiError, match=r"Only drafts can be removed; these are not: kent \(sent\)"):
        remove_bodies(batch_ws, "cautions", ["kent", "essex"])
    assert len(batch_requests(batch_ws.db, "cautions")) == 43


def test_two_batches_with_similar_names_get_distinct_prefixes(ws) -> None:
    create_batch(ws, "cautions", template="chaser", today=TODAY)
    create_batch(ws, "cautions_", template="chaser", today=TODAY)
    refs = {r["reference"][:-5] for r in ws.db.query("SELECT reference FROM requests")}
    assert refs == {"FOI-CAUTIONS", "FOI-CAUTIONS2"}


def test_letters_eml_parse_back(cli, tmp_path: Path) -> None:
    cli(*CREATE)
    out = tmp_path / "L"
    result = cli("letters", "cautions", "--format", "eml", "--out", str(out), "--today", "2026-11-21")
    assert result.exit_code == 0
    assert result.stdout == f"Wrote 43 letter(s) to {out}/\n"
    files = sorted(out.glob("*.eml"))
    assert len(files) == 43
    msg = email.message_from_bytes(files[6].read_bytes(), policy=policy.default)
    assert msg["To"] == "Cumbria Constabulary FOI <freedomofinformation@cumbria.police.uk>"
    assert msg["From"] == "Jo Bloggs <jo@example.org>"
    assert msg["Subject"] == "Freedom of Information request FOI-CAUTIONS-0007"
    assert msg["Date"] and msg["Message-ID"].startswith("<foi-cautions-0007.")
    text = msg.get_content()
    assert "Our reference: FOI-CAUTIONS-0007" in text and "2019/20 to 2023/24" in text
    assert "section 16" in text and "section 11(1)(a)" in text and "The Northern Echo" in text
    # The Message-ID is kept, so a second run (or `foi send`) uses the same one for matching replies.
    first_id = msg["Message-ID"]
    cli("letters", "cautions", "--format", "eml", "--out", str(out), "--only", "cumbria")
    again = email.message_from_bytes(files[6].read_bytes(), policy=policy.default)
    assert again["Message-ID"] == first_id


def test_letters_txt_and_md(cli, tmp_path: Path) -> None:
    cli(*CREATE)
    result = cli("letters", "cautions", "--out", str(tmp_path / "t"), "--only", "kent,essex", "--json")
    written = json.loads(result.stdout)["written"]
    assert [Path(p).name for p in written] == ["FOI-CAUTIONS-0013-essex.txt", "FOI-CAUTIONS-0020-kent.txt"]
    assert Path(written[1]).read_text().startswith("Subject: Freedom of Information request FOI-CAUTIONS-0020\n")
    cli("letters", "cautions", "--out", str(tmp_path / "m"), "--format", "md", "--only", "kent")
    assert (tmp_path / "m" / "FOI-CAUTIONS-0020-kent.md").read_text().startswith("# Freedom of Information")


def test_letters_bad_format_and_unknown_only(cli, tmp_path: Path) -> None:
    cli(*CREATE)
    result = cli("letters", "cautions", "--format", "pdf")
    assert result.exit_code == 1 and result.stderr == "Error: Unknown format 'pdf': use txt, md or eml.\n"
    result = cli("letters", "cautions", "--only", "kent,gotham")
    assert result.exit_code == 1
    assert result.stderr == "Error: Not in batch 'cautions': gotham. See `foi batch show cautions`.\n"


def test_body_without_email_is_listed_never_skipped_silently(cli, tmp_path: Path) -> None:
    cli(*CREATE)
    cli("bodies", "set", "kent", "--email", "", "--portal", "https://www.kent.police.uk/foi-form")
    result = cli("letters", "cautions", "--format", "eml", "--out", str(tmp_path / "L"))
    assert result.exit_code == 0
    assert result.stdout == (f"Wrote 42 letter(s) to {tmp_path / 'L'}/\n"
                             "  no e-mail for kent (Kent Police): send via https://www.kent.police.uk/foi-form "
                             "(no .eml written)\n")
    txt = cli("letters", "cautions", "--out", str(tmp_path / "T"), "--json")
    assert len(json.loads(txt.stdout)["written"]) == 43


def test_header_injection_is_refused(cli, ws, tmp_path: Path) -> None:
    cli(*CREATE)
    ws.db.execute("UPDATE bodies SET name = 'Kent Police\nBcc: victim@example.org' WHERE slug = 'kent'")
    ws.db.conn.commit()
    result = cli("letters", "cautions", "--format", "eml", "--out", str(tmp_path / "L"), "--only", "kent")
    assert result.exit_code == 1
    assert result.stderr.startswith(
        "Error: The body name 'Kent Police\\nBcc: victim@example.org' contains a line break")
    assert not (tmp_path / "L").exists()


def test_subject_with_newline_is_refused(cli, tmp_path: Path) -> None:
    cli("batch", "create", "x", "-t", "chaser", "--to", "kent", "--subject", "FOI {{ vars.s }}", "--var", "s=a\nBcc: y")
    result = cli("letters", "x", "--format", "eml", "--out", str(tmp_path / "L"))
    assert result.exit_code == 1
    assert "contains a line break; headers must be one line." in result.stderr


def test_eml_needs_the_requesters_email(runner, tmp_path: Path) -> None:
    from foi.cli import app

    runner.invoke(app, ["init", str(tmp_path / "w")])
    runner.invoke(app, ["-w", str(tmp_path / "w"), "batch", "create", "x", "-t", "chaser", "--to", "kent"])
    result = runner.invoke(app, ["-w", str(tmp_path / "w"), "letters", "x", "-f", "eml", "-o", str(tmp_path / "L")])
    assert result.exit_code == 1
    assert result.stderr == ("Error: Set your e-mail address in foi.toml ([requester] email) before writing "
                             ".eml letters.\n")
