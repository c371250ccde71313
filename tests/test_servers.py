"""[smtp] and [imap] settings are read by one function; the IMAP side, its defaults and errors."""

from __future__ import annotations

import json
import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from conftest import TODAY
from crafted import Dovecot, mail_with_attachment, make_certificate

from foi.errors import FoiError
from foi.mail.sources import ImapConfig, imap_config
from foi.workspace import Workspace


@pytest.mark.parametrize(("section", "expected"), [
    ({"host": "imap.x.org", "username": "jo"}, ImapConfig("imap.x.org", 993, "ssl", "jo")),
    ({"host": "imap.x.org", "username": "jo", "starttls": True}, ImapConfig("imap.x.org", 143, "starttls", "jo")),
    ({"host": "localhost", "username": "jo", "ssl": False}, ImapConfig("localhost", 143, "none", "jo")),
    ({"host": "imap.x.org", "username": "jo", "folder": "FOI", "timeout": 5},
     ImapConfig("imap.x.org", 993, "ssl", "jo", "FOI", 5.0)),
])
def test_imap_config(ws: Workspace, section: dict[str, Any], expected: ImapConfig) -> None:
    ws.config["imap"] = section
    assert imap_config(ws) == expected


@pytest.mark.parametrize(("section", "error"), [
    ({"host": ""}, "No IMAP server set: add host = \"imap.example.org\" to [imap] in"),
    ({"host": "h", "username": "jo", "security": "tls"}, "Bad security 'tls' in [imap] in"),
    ({"host": "h", "username": "jo", "port": 70000}, "Bad port 70000 in [imap] in"),
    ({"host": "h", "username": "jo", "timeout": "soon"}, "Bad timeout 'soon' in [imap] in"),
    ({"host": "h"}, "Set username in [imap] in"),
])
def test_imap_config_errors(ws: Workspace, section: dict[str, Any], error: str) -> None:
    ws.config["imap"] = section
    with pytest.raises(FoiError) as info:
        imap_config(ws)
    assert str(info.value).startswith(error)


# --- a real IMAP server (Dovecot) and TLS ------------------------------------------------------

CSV = b"Year,Offence,Outcome,Count\n2019/20,19C,Adult caution,12\n"


def _needs_dovecot() -> None:
    if not shutil.which("dovecot"):
        pytest.skip("dovecot is not installed here (CI installs it: apt-get install dovecot-imapd)")
    if os.geteuid() != 0:
        pytest.skip("Dovecot switches to its own users, which needs root (CI runs as root)")


@pytest.fixture
def server_dir() -> Iterator[Path]:
    # Not under pytest's tmp_path: Dovecot's own users must be able to reach the folder.
    folder = Path(tempfile.mkdtemp(prefix="foi-dovecot-", dir="/tmp"))
    folder.chmod(0o755)
    try:
        yield folder
    finally:
        shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture
def dovecot(server_dir: Path) -> Iterator[Dovecot]:
    _needs_dovecot()
    server = Dovecot(server_dir).start()
    try:
        yield server
    finally:
        server.stop()


def replies() -> list[bytes]:
    return [mail_with_attachment("outcomes.csv", CSV, f"<imap-{n}@kent.example>", reference=f"FOI-CAUTIONS-{n:04d}")
            for n in (3, 20, 31)]


def test_inbox_fetch_from_a_real_imap_server_and_again_imports_nothing_new(
        cli, batch_ws: Workspace, dovecot: Dovecot, monkeypatch: pytest.MonkeyPatch) -> None:
    from foi.marking import mark

    mark(batch_ws, "cautions", ["all"], "sent", on=TODAY)
    dovecot.append(replies())
    (batch_ws.root / "foi.toml").write_text(
        f'[requester]\nname = "Jo"\nemail = "jo@example.org"\n[imap]\nhost = "127.0.0.1"\nport = {dovecot.port}\n'
        f'security = "none"\nusername = "{dovecot.user}"\n')
    monkeypatch.setenv("FOI_IMAP_PASSWORD", dovecot.password)
    first = cli("inbox", "fetch", "--json")
    assert first.exit_code == 0, first.output + dovecot.log()[-2000:]
    data = json.loads(first.stdout)
    assert data["counts"]["imported"] == 3 and data["errors"] == []
    assert {m["reference"] for m in data["messages"]} == {"FOI-CAUTIONS-0003", "FOI-CAUTIONS-0020",
                                                          "FOI-CAUTIONS-0031"}
    assert all(m["origin"].startswith("imap://127.0.0.1/INBOX;UID=") for m in data["messages"])
    # Read-only: nothing was marked as read on the server.
    assert not any(b"\\Seen" in flags for flags in dovecot.flags())
    # A second fetch finds the same three and imports nothing new.
    again = json.loads(cli("inbox", "fetch", "--json").stdout)
    assert again["counts"]["imported"] == 0 and again["counts"]["duplicate"] == 3
    assert batch_ws.db.execute("SELECT COUNT(*) FROM messages WHERE direction = 'in'").fetchone()[0] == 3
    # One more arrives: only that one is imported.
    dovecot.append([mail_with_attachment("more.csv", CSV, "<imap-4@kent.example>", reference="FOI-CAUTIONS-0004")])
    third = json.loads(cli("inbox", "fetch", "--json").stdout)
    assert third["counts"]["imported"] == 1 and third["counts"]["duplicate"] == 3


def test_inbox_fetch_wrong_password_and_missing_folder(cli, ws: Workspace, dovecot: Dovecot,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    (ws.root / "foi.toml").write_text(
        f'[imap]\nhost = "127.0.0.1"\nport = {dovecot.port}\nsecurity = "none"\nusername = "{dovecot.user}"\n')
    monkeypatch.setenv("FOI_IMAP_PASSWORD", "wrong-password")
    bad = cli("inbox", "fetch")
    assert bad.exit_code == 1 and bad.stderr.startswith(f"Error: IMAP login as {dovecot.user} to 127.0.0.1:")
    assert "wrong-password" not in bad.stderr
    monkeypatch.setenv("FOI_IMAP_PASSWORD", dovecot.password)
    missing = cli("inbox", "fetch", "--folder", "No Such Folder")
    assert missing.exit_code == 1 and missing.stderr.startswith("Error: No folder 'No Such Folder' on 127.0.0.1")


def test_inbox_fetch_over_imaps_with_a_certificate_the_test_made(cli, batch_ws: Workspace, server_dir: Path,
                                                                monkeypatch: pytest.MonkeyPatch) -> None:
    _needs_dovecot()
    ca, cert, key = make_certificate(server_dir)
    for path in (ca, cert, key):
        path.chmod(0o644)
    server = Dovecot(server_dir, tls=(cert, key)).start()
    try:
        server.append(replies()[:1])
        (batch_ws.root / "foi.toml").write_text(
            f'[imap]\nhost = "127.0.0.1"\nport = {server.tls_port}\nsecurity = "ssl"\nusername = "{server.user}"\n')
        monkeypatch.setenv("FOI_IMAP_PASSWORD", server.password)
        untrusted = cli("inbox", "fetch")
        assert untrusted.exit_code == 1 and "TLS with 127.0.0.1:" in untrusted.stderr
        monkeypatch.setenv("SSL_CERT_FILE", str(ca))
        result = cli("inbox", "fetch", "--json")
        assert result.exit_code == 0, result.output + server.log()[-2000:]
        assert json.loads(result.stdout)["counts"]["unmatched"] + json.loads(result.stdout)["counts"]["imported"] == 1
    finally:
        server.stop()


def test_an_outlook_msg_file_is_imported_with_its_thread_and_attachment(cli, batch_ws: Workspace,
                                                                        tmp_path: Path) -> None:
    """A real .msg (an OLE2 compound file of MAPI properties, made by tests/crafted.make_msg from
    the published formats): matched by its In-Reply-To, attachment stored and parsed."""
    from crafted import make_msg

    from foi.marking import mark

    mark(batch_ws, "cautions", ["all"], "sent", on=TODAY)
    ours = batch_ws.db.execute("SELECT message_id FROM requests WHERE body = 'kent'").fetchone()[0]
    if not ours:
        ours = "<foi-cautions-0020.test@example.org>"
        batch_ws.db.conn.execute("UPDATE requests SET message_id = ? WHERE body = 'kent'", [ours])
        batch_ws.db.conn.commit()
    path = make_msg(tmp_path / "Kent reply.msg", subject="RE: Freedom of Information request", sender_name="Kent FOI",
                    body="Dear Jo,\r\n\r\nPlease find attached the information you asked for.\r\n\r\nKent Police",
                    sender="freedomofinformation@kent.police.uk", to="jo@example.org",
                    message_id="<outlook-1@kent.example>", sent="Mon, 02 Nov 2026 10:00:00 +0000",
                    in_reply_to=ours, attachments=[("Outcomes.csv", CSV)])
    result = cli("inbox", "import", str(path), "--json")
    assert result.exit_code == 0, result.output
    item = json.loads(result.stdout)["messages"][0]
    assert (item["message_id"], item["reference"], item["matched_by"]) == (
        "<outlook-1@kent.example>", "FOI-CAUTIONS-0020", "thread")
    assert [Path(d).name for d in item["documents"]] == ["Outcomes.csv"]
    parsed = json.loads(cli("parse", "cautions", "--json").stdout)
    assert [(r["reader"], r["figures"]) for r in parsed] == [("csv", 1)]
