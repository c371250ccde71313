"""`foi escalate` on the command line: exact output, exit codes and errors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from escalate_helpers import SENT, smtp_server

from foi.marking import mark
from foi.workspace import Workspace

TODAY = "2026-02-27"


@pytest.fixture
def small(batch_ws: Workspace) -> Workspace:
    mark(batch_ws, "cautions", ["kent", "essex"], "sent", on=SENT)
    mark(batch_ws, "cautions", ["essex"], "refused", on=SENT.replace(day=20), sections=["12"])
    return batch_ws


def test_the_plan(small: Workspace, cli) -> None:
    result = cli("escalate", "cautions", "--today", TODAY, "--body", "kent,essex,dorset")
    assert result.exit_code == 0
    assert result.stdout == (
        "cautions on 2026-02-27: 1 chase, 1 review, 1 none\n"
        "\n"
        "chase (1)\n"
        "  kent    overdue  No reply: it was due 2026-02-02, the 20th working day after receipt on 2026-01-05 "
        "(s.10(1) FOIA); 19 working days late today.\n"
        "\n"
        "review (1)\n"
        "  essex   refused  Refused on 2026-01-20 (s.12). Ask for an internal review by 2026-03-18 (40 working days "
        "after the reply).\n"
        "\n"
        "none (1)\n"
        "  dorset  draft    Not sent yet.\n"
        "\n"
        "Draft the letters: foi escalate cautions --write DIR (then send: --send --only chase,review)\n")


def test_the_plan_as_json(small: Workspace, cli) -> None:
    result = cli("escalate", "cautions", "--today", TODAY, "--only", "review", "--json")
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    assert (data["batch"], data["today"], data["counts"]) == ("cautions", TODAY, {"review": 1})
    [essex] = data["steps"]
    assert essex == {
        "body": "essex", "body_name": "Essex Police", "act": "FOIA", "reference": "FOI-CAUTIONS-0013",
        "force_reference": None, "status": "refused", "step": "review", "target": "refusal",
        "why": ["Refused on 2026-01-20 (s.12).",
                "Ask for an internal review by 2026-03-18 (40 working days after the reply)."],
        "dates": {"replied_on": "2026-01-20", "review_by": "2026-03-18"}, "sections": ["12"], "ncnd": False,
        "late": None, "evidence": [{"on": "2026-01-20", "kind": "refused", "sections": ["12"], "ncnd": False,
                                    "text": None, "message_row": None}], "unconfirmed": None}


def test_write(small: Workspace, cli, tmp_path: Path) -> None:
    out = tmp_path / "letters"
    result = cli("escalate", "cautions", "--today", TODAY, "--write", str(out))
    assert result.exit_code == 0
    assert result.stdout == (
        f"Wrote 2 letter(s) and 0 complaint pack(s) to {out}/ (the plan in plan.txt).\n"
        "  review    essex                FOI-CAUTIONS-0013-essex-review.txt\n"
        "  chase     kent                 FOI-CAUTIONS-0020-kent-chase.txt\n")
    assert sorted(p.name for p in out.iterdir()) == [
        "FOI-CAUTIONS-0013-essex-review.eml", "FOI-CAUTIONS-0013-essex-review.txt", "FOI-CAUTIONS-0020-kent-chase.eml",
        "FOI-CAUTIONS-0020-kent-chase.txt", "plan.txt"]
    data = json.loads(cli("escalate", "cautions", "--today", TODAY, "--write", str(out), "--only", "chase",
                          "--json").stdout)
    assert data["drafts"] == [{"body": "kent", "reference": "FOI-CAUTIONS-0020", "step": "chase",
                               "subject": "Reply overdue: Freedom of Information request FOI-CAUTIONS-0020",
                               "to": "freedomofinformation@kent.police.uk", "send_via": None,
                               "file": "FOI-CAUTIONS-0020-kent-chase"}]


def test_send_and_dry_run(small: Workspace, cli) -> None:
    with smtp_server() as (server, port):
        small.config["smtp"] = {"host": "127.0.0.1", "port": port, "security": "none", "username": ""}
        (small.root / "foi.toml").write_text((small.root / "foi.toml").read_text().replace(
            'host = ""\nport = 587\nsecurity = "starttls"', f'host = "127.0.0.1"\nport = {port}\nsecurity = "none"',
            1))
        dry = cli("escalate", "cautions", "--today", TODAY, "--send", "--only", "chase", "--dry-run")
        assert (dry.exit_code, dry.stdout) == (0, (
            "would send the chase for FOI-CAUTIONS-0020 to kent <freedomofinformation@kent.police.uk>: Reply overdue: "
            "Freedom of Information request FOI-CAUTIONS-0020\n"))
        sent = cli("escalate", "cautions", "--today", TODAY, "--send", "--only", "chase")
        assert (sent.exit_code, sent.stdout) == (0, (
            "sent the chase for FOI-CAUTIONS-0020 to kent <freedomofinformation@kent.police.uk>\n"
            "Sent 1, failed 0, skipped 0.\n"))
        assert len(server.messages) == 1
        again = cli("escalate", "cautions", "--today", TODAY, "--send", "--only", "chase", "--json")
        assert json.loads(again.stdout)["sent"] == [] and len(server.messages) == 1
        server.refuse = {"info.rights.freedom@essex.police.uk"}
        failed = cli("escalate", "cautions", "--today", TODAY, "--send", "--only", "review")
        assert failed.exit_code == 1
        assert failed.stdout == ("not sent: the review for FOI-CAUTIONS-0013 to essex: 550 5.1.1 mailbox unavailable\n"
                                 "Sent 0, failed 1, skipped 0.\n")
    history = json.loads(cli("history", "cautions", "kent", "--json").stdout)
    assert [e["kind"] for e in history["events"]] == ["sent", "chased"]


@pytest.mark.parametrize(("args", "message"), [
    (["escalate", "nope"], "Unknown batch 'nope'. Batches: cautions."),
    (["escalate", "cautions", "--only", "soon"], "Unknown step 'soon' for --only: use chase, review, wait, complaint, "
                                                 "none."),
    (["escalate", "cautions", "--body", "atlantis"], "Not in batch 'cautions': atlantis. See `foi batch show "
                                                     "cautions`."),
    (["escalate", "cautions", "--today", "2026-02-30"], "Bad date '2026-02-30' for --today: there is no such day; "
                                                        "use YYYY-MM-DD, e.g. 2026-12-18."),
    (["escalate", "cautions", "--write", "d", "--send"], "Give --write DIR or --send, not both: write the letters, "
                                                         "read them, then send."),
    (["escalate", "cautions", "--dry-run"], "--dry-run goes with --send."),
    (["escalate", "cautions", "--retry-unconfirmed"], "--retry-unconfirmed goes with --send."),
    (["escalate", "cautions", "--send"], "Say which letters to send: foi escalate cautions --send --only chase (or "
                                         "review, complaint; several with commas). Read them first with --write DIR."),
    (["escalate", "cautions", "--send", "--only", "wait"], "Unknown step 'wait' for --only: use chase, review, "
                                                           "complaint."),
])
def test_bad_input_is_one_line_and_exit_1(small: Workspace, cli, args: list[str], message: str) -> None:
    result = cli(*args)
    assert (result.exit_code, result.stdout, result.stderr) == (1, "", f"Error: {message}\n")


def test_write_to_a_file_is_refused(small: Workspace, cli, tmp_path: Path) -> None:
    target = tmp_path / "plan.txt"
    target.write_text("mine")
    result = cli("escalate", "cautions", "--today", TODAY, "--write", str(target))
    assert (result.exit_code, result.stderr) == (1, f"Error: {target} is a file: give --write a folder.\n")
    assert target.read_text() == "mine"


def test_complaint_send_without_an_address(small: Workspace, cli) -> None:
    mark(small, "cautions", ["essex"], "internal-review", on=SENT.replace(day=21))
    mark(small, "cautions", ["essex"], "review-upheld", on=SENT.replace(month=2, day=10))
    result = cli("escalate", "cautions", "--today", TODAY, "--send", "--only", "complaint")
    assert result.exit_code == 1
    assert result.stderr.startswith("Error: Complaints to the Information Commissioner go through its website "
                                    "(https://ico.org.uk/make-a-complaint/), not by e-mail")
    assert result.stderr.count("\n") == 1


def test_escalation_templates_are_not_request_templates(small: Workspace, cli, tmp_path: Path) -> None:
    result = cli("letters", "cautions", "--template", "escalate-chase", "-o", str(tmp_path / "x"))
    assert (result.exit_code, result.stderr) == (1, (
        "Error: escalate-chase.txt.j2 is a letter that `foi escalate NAME --write DIR` fills from a request's record; "
        "it can't be a batch's request or a `foi letters` template.\n"))
    assert not (tmp_path / "x").exists()
    result = cli("batch", "create", "other", "-t", "escalate-review")
    assert (result.exit_code, result.stderr) == (1, (
        "Error: escalate-review.txt.j2 is a letter for `foi escalate`, not a request: choose the request's template, "
        "e.g. request-outcomes.\n"))


def test_template_check_renders_every_branch(small: Workspace, cli) -> None:
    for name in ("escalate-chase", "escalate-review", "escalate-complaint"):
        result = cli("template", "check", name, "--to", "kent,police-scotland")
        assert (result.exit_code, result.stdout) == (0, f"{name}: 2 of 2 recipients render.\n")
    (small.templates_dir / "_escalate-arguments.txt.j2").write_text(
        "{% macro review(a, e, body) %}{{ a.nowhere.deeper }}{% endmacro %}"
        "{% macro ground(a, e, body) %}{% endmacro %}")
    result = cli("template", "check", "escalate-review", "--to", "kent")
    assert result.exit_code == 1
    assert result.stderr == ("kent: escalate-review.txt.j2: 'dict object' has no attribute 'nowhere'. Pass it with "
                             "--var KEY=VALUE or fix the template.\n")


def test_send_while_another_send_runs_is_one_line_and_exit_1(small: Workspace, cli) -> None:
    import os

    from foi.mail.send import send_lock

    with smtp_server() as (server, port):
        (small.root / "foi.toml").write_text((small.root / "foi.toml").read_text().replace(
            'host = ""\nport = 587\nsecurity = "starttls"', f'host = "127.0.0.1"\nport = {port}\nsecurity = "none"',
            1))
        with send_lock(small, "cautions", "foi escalate cautions --send --only review"):
            result = cli("escalate", "cautions", "--today", TODAY, "--send", "--only", "chase")
        assert (result.exit_code, result.stdout, result.stderr) == (1, "", (
            f"Error: Another `foi escalate cautions --send --only review` is running (process {os.getpid()}): wait "
            "for it to finish, then run `foi escalate cautions --send --only chase` again if anything is left.\n"))
        assert server.messages == []
        history = json.loads(cli("history", "cautions", "kent", "--json").stdout)
        assert [e["kind"] for e in history["events"]] == ["sent"]
        sent = cli("escalate", "cautions", "--today", TODAY, "--send", "--only", "chase")  # the lock is free again
        assert (sent.exit_code, len(server.messages)) == (0, 1)
