"""`foi send` and `foi inbox ...` through the command line."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import TODAY
from test_inbox import ACK, ESSEX, KENT, RESPONSE, make_mail
from test_send import PASSWORD, Recorder, Server, _start, deny_all

from foi.batches import create_batch
from foi.tracking import record_event
from foi.workspace import Workspace

LATER = "2027-03-01"


@pytest.fixture
def server() -> Iterator[Server]:
    yield from _start(Recorder())


def configure(ws: Workspace, port: int, username: str = "") -> None:
    path = ws.root / "foi.toml"
    text = path.read_text()
    block = f'[smtp]\nhost = "127.0.0.1"\nport = {port}\nsecurity = "none"\nusername = "{username}"\n\n'
    path.write_text(re.sub(r"\[smtp\].*?(?=\[imap\])", block, text, flags=re.S))


@pytest.fixture
def cautions(ws: Workspace) -> Workspace:
    create_batch(ws, "cautions", template="request-outcomes", vars={"first_year": "2019/20",
                                                                    "last_year": "2023/24"}, today=TODAY)
    return ws


def test_send_json_then_rerun(cli, cautions: Workspace, server: Server) -> None:
    configure(cautions, server.port)
    result = cli("send", "cautions", "--json", "--today", "2026-11-23")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert len(data["sent"]) == 43 and data["failed"] == [] and data["interrupted"] is None
    assert data["sent"][0]["reference"] == "FOI-CAUTIONS-0001"
    assert len(server.handler.messages) == 43
    again = cli("send", "cautions", "--today", "2026-11-23")
    assert again.exit_code == 0
    assert again.stdout == "Sent 0 of cautions's requests.\n43 already sent or answered: not sent again.\n"
    shown = json.loads(cli("batch", "show", "cautions", "--json").stdout)["requests"]
    assert {r["status"] for r in shown} == {"sent"} and {r["sent_on"] for r in shown} == {"2026-11-23"}


def test_send_lists_failures_and_exits_1(cli, cautions: Workspace, server: Server) -> None:
    server.handler.refuse = {"freedomofinformation@kent.police.uk"}
    configure(cautions, server.port)
    result = cli("send", "cautions", "--today", "2026-11-23")
    assert result.exit_code == 1
    assert result.stdout == "Sent 42 of cautions's requests.\n"
    assert result.stderr == (
        "FAILED FOI-CAUTIONS-0020 (kent <freedomofinformation@kent.police.uk>): 550 5.1.1 mailbox unavailable\n"
        "1 refused by the server, recorded as failed. Run `foi send cautions` again to retry them (first fix any "
        "address the server says is wrong: `foi bodies set SLUG --email ...`).\n")


def test_send_interrupted_says_how_to_resume(cli, cautions: Workspace, server: Server) -> None:
    server.handler.drop_after = 2
    configure(cautions, server.port)
    result = cli("send", "cautions", "--today", "2026-11-23")
    assert result.exit_code == 1
    assert result.stdout == "Sent 2 of cautions's requests.\n"
    assert "after 2 sent. Run `foi send cautions` again to send the 41 not yet sent." in result.stderr
    server.handler.drop_after = None
    resumed = cli("send", "cautions", "--today", "2026-11-23", "--json")
    assert resumed.exit_code == 0 and len(json.loads(resumed.stdout)["sent"]) == 41


def test_send_dry_run_limit_and_outbox(cli, cautions: Workspace, server: Server, tmp_path: Path) -> None:
    configure(cautions, server.port)
    dry = cli("send", "cautions", "--dry-run", "--only", "kent,essex")
    assert dry.exit_code == 0
    assert dry.stdout == (
        "would send FOI-CAUTIONS-0013 to essex <info.rights.freedom@essex.police.uk>: "
        "Freedom of Information request FOI-CAUTIONS-0013\n"
        "would send FOI-CAUTIONS-0020 to kent <freedomofinformation@kent.police.uk>: "
        "Freedom of Information request FOI-CAUTIONS-0020\n"
        "Dry run: 2 message(s) would be sent; nothing was sent.\n")
    limited = cli("send", "cautions", "--limit", "2")
    assert limited.stdout == ("Sent 2 of cautions's requests.\n"
                              "41 not sent yet (--limit): run `foi send cautions` again.\n")
    out = tmp_path / "out"
    written = cli("send", "cautions", "--outbox", str(out), "--only", "kent")
    assert written.exit_code == 0
    assert written.stdout == (f"Wrote 1 message(s) to {out}/; not marked as sent (add --mark-sent once you send "
                              "them)\n")
    assert (out / "FOI-CAUTIONS-0020-kent.eml").is_file()
    assert server.handler.messages[-1][1] != ["freedomofinformation@kent.police.uk"]
    bad = cli("send", "cautions", "--mark-sent")
    assert (bad.exit_code, bad.stderr) == (1, "Error: --mark-sent only goes with --outbox.\n")


def test_send_errors_are_one_line_without_the_password(cli, cautions: Workspace,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    unknown = cli("send", "nope")
    assert (unknown.exit_code, unknown.stderr) == (1, "Error: Unknown batch 'nope'. Batches: cautions.\n")
    no_host = cli("send", "cautions")
    assert no_host.exit_code == 1
    assert no_host.stderr.startswith("Error: No SMTP server set: add host = \"smtp.example.org\" to [smtp] in ")
    monkeypatch.setenv("FOI_SMTP_PASSWORD", PASSWORD)
    for server in _start(Recorder(), authenticator=deny_all, auth_require_tls=False):
        configure(cautions, server.port, username="jo@example.org")
        result = cli("send", "cautions")
    assert result.exit_code == 1
    assert result.stderr.startswith(f"Error: SMTP login as jo@example.org to 127.0.0.1:{server.port} failed: 535")
    assert result.stderr.count("\n") == 1
    assert PASSWORD not in result.output
    assert PASSWORD not in (cautions.root / "foi.toml").read_text()
    assert PASSWORD.encode() not in cautions.db_path.read_bytes()


@pytest.fixture
def sent(cautions: Workspace) -> Workspace:
    for row in cautions.db.query("SELECT id FROM requests"):
        record_event(cautions.db, row["id"], "sent", TODAY)
    return cautions


def test_inbox_import_unmatched_assign_review(cli, sent: Workspace, tmp_path: Path) -> None:
    tmp_path = tmp_path / "mail"  # apart from the workspace, which keeps copies of what it imports
    tmp_path.mkdir()
    (tmp_path / "ack.eml").write_bytes(make_mail("RE: FOI-CAUTIONS-0020", ACK))
    (tmp_path / "who.eml").write_bytes(make_mail("Hello", RESPONSE, sender="x@nowhere.example",
                                                 message_id="<who@x>"))
    (tmp_path / "call.eml").write_bytes(make_mail("Call", "Please call me on 01234 567890.", sender=ESSEX,
                                                  message_id="<call@x>"))
    result = cli("inbox", "import", str(tmp_path / "ack.eml"), str(tmp_path / "who.eml"),
                 str(tmp_path / "call.eml"), "--today", LATER, "--json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["counts"] == {"imported": 2, "duplicate": 0, "unmatched": 1, "ours": 0, "needs-review": 1,
                              "errors": 0}
    ack, who, call = data["messages"]
    assert (ack["reference"], ack["kind"], ack["matched_by"]) == ("FOI-CAUTIONS-0020", "acknowledged", "reference")
    assert who["outcome"] == "unmatched" and who["reference"] is None
    assert (call["reference"], call["kind"], call["matched_by"]) == ("FOI-CAUTIONS-0013", "needs-review", "sender")

    again = cli("inbox", "import", str(tmp_path), "--today", LATER)
    assert again.exit_code == 0
    assert again.stdout.endswith("0 imported, 3 already there, 0 unmatched, 0 to review, 0 not readable.\n")

    unmatched = cli("inbox", "unmatched", "--json")
    assert [(r["id"], r["subject"]) for r in json.loads(unmatched.stdout)] == [(who["row"], "Hello")]
    text = cli("inbox", "unmatched")
    assert "x@nowhere.example" in text.stdout and text.stdout.endswith(
        "File one with `foi inbox assign # BATCH SLUG`.\n")

    review = cli("inbox", "review", "--json")
    assert [(r["reference"], r["subject"]) for r in json.loads(review.stdout)] == [("FOI-CAUTIONS-0013", "Call")]

    assigned = cli("inbox", "assign", str(who["row"]), "cautions", "kent", "--today", LATER)
    assert assigned.exit_code == 0
    assert assigned.stdout == f"Message {who['row']} filed under FOI-CAUTIONS-0020 (kent): recorded responded.\n"
    assert cli("inbox", "unmatched").stdout == "No unmatched messages.\n"
    again = cli("inbox", "assign", str(who["row"]), "cautions", "essex")
    assert (again.exit_code, again.stderr) == (
        1, f"Error: Message {who['row']} is already filed under FOI-CAUTIONS-0020; it can't be moved.\n")
    history = json.loads(cli("batch", "show", "cautions", "--json").stdout)["requests"]
    assert {r["body"]: r["status"] for r in history}["kent"] == "responded"


def test_inbox_import_of_the_sent_folder_skips_ours(cli, sent: Workspace, tmp_path: Path) -> None:
    sent.db.conn.execute("UPDATE requests SET message_id = '<foi-cautions-0020.a1@example.org>' WHERE body = 'kent'")
    sent.db.conn.commit()
    folder = tmp_path / "Sent"
    folder.mkdir()
    (folder / "request.eml").write_bytes(make_mail("FOI-CAUTIONS-0020", "Dear Kent Police, ...",
                                                   sender="Jo Bloggs <jo@example.org>",
                                                   message_id="<foi-cautions-0020.a1@example.org>"))
    (folder / "chase.eml").write_bytes(make_mail("RE: FOI-CAUTIONS-0013", "Any news?", sender="jo@example.org",
                                                 message_id="<chase@example.org>"))
    (folder / "ack.eml").write_bytes(make_mail("RE: FOI-CAUTIONS-0020", ACK))
    data = json.loads(cli("inbox", "import", str(folder), "--today", LATER, "--json").stdout)
    assert data["counts"] == {"imported": 1, "duplicate": 0, "unmatched": 0, "ours": 2, "needs-review": 0,
                              "errors": 0}
    by_origin = {m["origin"].rsplit("/", 1)[-1]: m for m in data["messages"]}
    assert [(by_origin[n]["outcome"], by_origin[n]["row"]) for n in ("chase.eml", "request.eml")] == [
        ("ours", None), ("ours", None)]
    assert by_origin["request.eml"]["note"] == "our request FOI-CAUTIONS-0020 (its Message-ID), not a reply"
    assert by_origin["ack.eml"]["kind"] == "acknowledged"
    again = cli("inbox", "import", str(folder), "--today", LATER)
    assert again.exit_code == 0
    assert again.stdout.endswith(
        "0 imported, 1 already there, 0 unmatched, 0 to review, 0 not readable; 2 ours, skipped.\n"
        "Skipped messages you sent (from your [requester] email, or requests foi sent): they aren't replies.\n")
    assert "not a reply" not in again.stdout  # one line for all of them, not one per message
    history = json.loads(cli("batch", "show", "cautions", "--json").stdout)["requests"]
    assert {r["body"]: r["status"] for r in history}["essex"] == "sent"


def test_inbox_errors(cli, sent: Workspace, tmp_path: Path) -> None:
    (tmp_path / "ok.eml").write_bytes(make_mail("RE: FOI-CAUTIONS-0020", ACK, sender=KENT))
    missing = tmp_path / "missing.mbox"
    result = cli("inbox", "import", str(tmp_path / "ok.eml"), str(missing), "--today", LATER)
    assert result.exit_code == 1
    assert result.stderr == f"not imported: {missing}: no such file or folder\n"
    assert result.stdout.endswith("1 imported, 0 already there, 0 unmatched, 0 to review, 1 not readable.\n")
    bad_batch = cli("inbox", "import", str(tmp_path / "ok.eml"), "--batch", "nope")
    assert (bad_batch.exit_code, bad_batch.stderr) == (1, "Error: Unknown batch 'nope'. Batches: cautions.\n")
    no_imap = cli("inbox", "fetch")
    assert no_imap.exit_code == 1
    assert no_imap.stderr.startswith("Error: No IMAP server set: add host = \"imap.example.org\" to [imap] in ")
    bad_since = cli("inbox", "fetch", "--since", "yesterday")
    assert (bad_since.exit_code, bad_since.stderr) == (
        1, "Error: Bad date 'yesterday' for --since: use YYYY-MM-DD, e.g. 2026-12-18.\n")
    assert cli("inbox", "review").stdout == "Nothing to review.\n"


UNSURE = ("Dear Jo,\n\nPlease find attached our response.\n\nIn relation to question 1, the information is exempt "
          "under section 40(2).\n\nFOI Team\n")


def _import_unsure(cli, tmp_path: Path, name: str = "u.eml", message_id: str = "<u1@kent.police.uk>") -> int:
    (tmp_path / name).write_bytes(make_mail("RE: FOI-CAUTIONS-0020", UNSURE, message_id=message_id))
    result = cli("inbox", "import", str(tmp_path / name), "--today", LATER, "--json")
    [item] = json.loads(result.stdout)["messages"]
    assert item["kind"] == "needs-review"
    return int(item["row"])


def test_inbox_review_shows_the_best_guess_and_accepts_it(cli, sent: Workspace, tmp_path: Path) -> None:
    row = _import_unsure(cli, tmp_path)
    listed = cli("inbox", "review", "--list")
    assert listed.exit_code == 0
    assert "refused (0." in listed.stdout and "40(2)" in listed.stdout
    assert listed.stdout.endswith("Accept a guess with `foi inbox review --accept #`, or correct it with "
                                  "`foi inbox review --set # STATUS`.\n")
    [pending] = json.loads(cli("inbox", "review", "--json").stdout)
    assert (pending["key"], pending["guess"], pending["sections"]) == (str(row), "refused", ["40(2)"])
    accepted = cli("inbox", "review", "--accept", str(row))
    assert (accepted.exit_code, accepted.stdout) == (
        0, f"Reply {row} (kent, FOI-CAUTIONS-0020): recorded refused as foi read it; now refused.\n")
    assert cli("inbox", "review").stdout == "Nothing to review.\n"
    again = cli("inbox", "review", "--accept", str(row))
    assert (again.exit_code, again.stderr) == (
        1, f"Error: No reply '{row}' is waiting for review. `foi inbox review` lists them with their numbers.\n")


def test_inbox_review_set_and_its_errors(cli, sent: Workspace, tmp_path: Path) -> None:
    row = _import_unsure(cli, tmp_path)
    lonely = cli("inbox", "review", "--section", "12")
    assert (lonely.exit_code, lonely.stderr) == (
        1, "Error: --section, --ncnd, --until, --received, --ref and --note go with --set ID STATUS.\n")
    bad = cli("inbox", "review", "--set", str(row), "maybe")
    assert bad.exit_code == 1 and bad.stderr.startswith("Error: Unknown status 'maybe' for a reply: use one of ")
    done = cli("inbox", "review", "--set", str(row), "partial", "--section", "40(2), 31(1)(a)", "--json")
    assert done.exit_code == 0
    [decided] = json.loads(done.stdout)
    assert (decided["kind"], decided["accepted"], decided["status"]) == ("partial", False, "partial")
    history = json.loads(cli("history", "cautions", "kent", "--json").stdout)
    assert history["state"]["sections"] == ["40(2)", "31(1)(a)"]


def test_inbox_review_one_keystroke(cli, sent: Workspace, tmp_path: Path) -> None:
    first = _import_unsure(cli, tmp_path)
    (tmp_path / "call.eml").write_bytes(make_mail("Call", "Hi Jo, can you give me a ring?", sender=ESSEX,
                                                  message_id="<c1@essex.police.uk>"))
    cli("inbox", "import", str(tmp_path / "call.eml"), "--today", LATER)
    # Essex's question is guessed a clarification, and s skips it; Enter accepts Kent's guess.
    result = cli("inbox", "review", "--interactive", input="s\n\n")
    assert result.exit_code == 0, result.output
    assert f"reply {first}: kent FOI-CAUTIONS-0020 (sent)" in result.stdout
    assert "  guess:    refused (0." in result.stdout and "recorded refused; kent is now refused." in result.stdout
    assert "  guess:    clarification (0.20)" in result.stdout
    assert [p["body"] for p in json.loads(cli("inbox", "review", "--json").stdout)] == ["essex"]
    corrected = cli("inbox", "review", "--interactive", input="note\n")
    assert "recorded note; essex is now sent." in corrected.stdout
    assert cli("inbox", "review").stdout == "Nothing to review.\n"
