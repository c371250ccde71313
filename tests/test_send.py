"""`foi.mail.send` against a real SMTP server on 127.0.0.1 (aiosmtpd)."""

from __future__ import annotations

import email
import socket
from collections.abc import Iterator
from dataclasses import dataclass, field
from email.policy import default as default_policy
from pathlib import Path
from typing import Any

import pytest
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult
from conftest import TODAY
from helpers import dies_after_accept

from foi.batches import batch_requests
from foi.bodies import set_body
from foi.errors import FoiError
from foi.mail.send import SmtpConfig, connect, redact, send_batch, smtp_config
from foi.workspace import Workspace

PASSWORD = "s3cret-Pa55-word"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@dataclass
class Recorder:
    """An aiosmtpd handler: records each accepted message; refuses some recipients with 550;
    can drop the connection when the N+1th message starts."""

    refuse: set[str] = field(default_factory=set)
    drop_after: int | None = None
    messages: list[tuple[str, list[str], bytes]] = field(default_factory=list)
    data_replies: dict[str, str] = field(default_factory=dict)  # recipient -> reply to the message itself

    async def handle_MAIL(self, server: Any, session: Any, envelope: Any, address: str, options: list[str]) -> str:
        if self.drop_after is not None and len(self.messages) >= self.drop_after:
            server.transport.close()  # the network goes away mid-batch
            return "421 4.4.2 gone"
        envelope.mail_from = address
        envelope.mail_options.extend(options)
        return "250 OK"

    async def handle_RCPT(self, server: Any, session: Any, envelope: Any, address: str, options: list[str]) -> str:
        if address.lower() in self.refuse:
            return "550 5.1.1 mailbox unavailable"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        for rcpt in envelope.rcpt_tos:
            if rcpt.lower() in self.data_replies:
                return self.data_replies[rcpt.lower()]
        self.messages.append((envelope.mail_from, list(envelope.rcpt_tos), envelope.original_content))
        return "250 OK queued"

    def parsed(self) -> list[email.message.EmailMessage]:
        return [email.message_from_bytes(m[2], policy=default_policy) for m in self.messages]


@dataclass
class Server:
    handler: Recorder
    port: int


def _start(handler: Recorder, **kwargs: Any) -> Iterator[Server]:
    port = free_port()
    controller = Controller(handler, hostname="127.0.0.1", port=port, **kwargs)
    controller.start()
    try:
        yield Server(handler, port)
    finally:
        controller.stop()


@pytest.fixture
def smtp_server() -> Iterator[Server]:
    yield from _start(Recorder())


def deny_all(server: Any, session: Any, envelope: Any, mechanism: str, auth_data: Any) -> AuthResult:
    return AuthResult(success=False, handled=False)


@pytest.fixture
def auth_server() -> Iterator[Server]:
    yield from _start(Recorder(), authenticator=deny_all, auth_require_tls=False)


def use_server(ws: Workspace, port: int, **extra: Any) -> None:
    ws.config["smtp"] = {"host": "127.0.0.1", "port": port, "security": "none", "username": ""} | extra


def statuses(ws: Workspace) -> dict[str, str]:
    return {r["body"]: r["status"] for r in batch_requests(ws.db, "cautions")}


def email_of(ws: Workspace, slug: str) -> str:
    return ws.db.execute("SELECT foi_email FROM bodies WHERE slug = ?", [slug]).fetchone()[0]


def test_sends_43_with_the_right_headers_and_a_rerun_sends_none(batch_ws: Workspace, smtp_server: Server) -> None:
    use_server(batch_ws, smtp_server.port)
    result = send_batch(batch_ws, "cautions", today=TODAY)
    assert len(result.sent) == 43 and result.failed == [] and result.interrupted is None
    assert len(smtp_server.handler.messages) == 43
    requests = {r["reference"]: r for r in batch_requests(batch_ws.db, "cautions")}
    for (mail_from, rcpts, _), msg in zip(smtp_server.handler.messages, smtp_server.handler.parsed(), strict=True):
        reference = msg["X-FOI-Reference"]
        request = requests[reference]
        assert mail_from == "jo@example.org"
        assert rcpts == [request["foi_email"]]
        assert msg["To"].addresses[0].addr_spec == request["foi_email"]
        assert reference in msg["Subject"]
        assert msg["Message-ID"] == request["message_id"]
        assert msg["Message-ID"].startswith(f"<{reference.lower()}.")
        assert "Yours faithfully" in msg.get_content()
        assert request["status"] == "sent" and request["sent_on"] == TODAY.isoformat()
    assert len({m["Message-ID"] for m in smtp_server.handler.parsed()}) == 43
    kinds = [r[0] for r in batch_ws.db.execute(
        "SELECT kind FROM events WHERE request_id = (SELECT id FROM requests WHERE reference = 'FOI-CAUTIONS-0001') "
        "ORDER BY id")]
    assert kinds == ["sending", "sent"]
    # A copy of each sent message is kept with the replies, and listed as an outgoing message.
    out = batch_ws.db.execute("SELECT COUNT(*), COUNT(DISTINCT message_id) FROM messages WHERE direction='out'")
    assert out.fetchone() == (43, 43)
    assert (batch_ws.responses_dir / "cautions" / "kent" / "sent-FOI-CAUTIONS-0020.eml").is_file()

    again = send_batch(batch_ws, "cautions", today=TODAY)
    assert again.sent == [] and again.already_sent == 43
    assert len(smtp_server.handler.messages) == 43


def test_a_refused_recipient_fails_and_the_rest_arrive(batch_ws: Workspace, smtp_server: Server) -> None:
    kent = email_of(batch_ws, "kent")
    smtp_server.handler.refuse = {kent.lower()}
    use_server(batch_ws, smtp_server.port)
    result = send_batch(batch_ws, "cautions", today=TODAY)
    assert len(result.sent) == 42
    assert result.failed == [{"reference": "FOI-CAUTIONS-0020", "body": "kent", "to": kent,
                              "error": "550 5.1.1 mailbox unavailable"}]
    delivered = {rcpt for _, rcpts, _ in smtp_server.handler.messages for rcpt in rcpts}
    assert len(delivered) == 42 and kent not in delivered
    state = statuses(batch_ws)
    assert state["kent"] == "draft" and list(state.values()).count("sent") == 42
    note = batch_ws.db.execute(
        "SELECT note FROM events WHERE kind='failed' AND request_id=(SELECT id FROM requests WHERE body='kent')"
    ).fetchone()[0]
    assert note == "refused by server: 550 5.1.1 mailbox unavailable"

    # The address is corrected; the next run sends only Kent's request.
    set_body(batch_ws.db, "kent", email="foi@kent.example.org")
    retry = send_batch(batch_ws, "cautions", today=TODAY)
    assert [s["body"] for s in retry.sent] == ["kent"] and retry.already_sent == 42
    assert smtp_server.handler.messages[-1][1] == ["foi@kent.example.org"]
    assert statuses(batch_ws)["kent"] == "sent"


def test_connection_lost_mid_batch_resumes_without_duplicates(batch_ws: Workspace, smtp_server: Server) -> None:
    smtp_server.handler.drop_after = 10
    use_server(batch_ws, smtp_server.port)
    result = send_batch(batch_ws, "cautions", today=TODAY)
    assert len(result.sent) == 10
    assert len(result.remaining) == 33 and result.remaining[0] == "FOI-CAUTIONS-0011"
    assert result.interrupted is not None
    assert "after 10 sent. Run `foi send cautions` again to send the 33 not yet sent." in result.interrupted
    state = statuses(batch_ws)
    assert list(state.values()).count("sent") == 10 and list(state.values()).count("draft") == 33

    smtp_server.handler.drop_after = None
    resumed = send_batch(batch_ws, "cautions", today=TODAY)
    assert len(resumed.sent) == 33 and resumed.already_sent == 10 and resumed.interrupted is None
    refs = [m["X-FOI-Reference"] for m in smtp_server.handler.parsed()]
    assert len(refs) == 43 and len(set(refs)) == 43
    assert set(statuses(batch_ws).values()) == {"sent"}


def test_a_run_that_dies_between_sending_and_sent_is_not_resent(batch_ws: Workspace, smtp_server: Server) -> None:
    use_server(batch_ws, smtp_server.port)
    with pytest.raises(KeyboardInterrupt):
        send_batch(batch_ws, "cautions", today=TODAY, opener=dies_after_accept(5))
    state = statuses(batch_ws)
    assert state["city-of-london"] == "sending"  # the fifth in slug order
    assert list(state.values()).count("sent") == 4 and list(state.values()).count("draft") == 38
    assert len(smtp_server.handler.messages) == 5

    rerun = send_batch(batch_ws, "cautions", today=TODAY)
    assert rerun.unconfirmed == [{"reference": "FOI-CAUTIONS-0005", "body": "city-of-london"}]
    assert rerun.in_doubt == [{"reference": "FOI-CAUTIONS-0005", "body": "city-of-london"}]  # named after the run
    assert len(rerun.sent) == 38
    refs = [m["X-FOI-Reference"] for m in smtp_server.handler.parsed()]
    assert len(refs) == 43 and len(set(refs)) == 43  # the unconfirmed one was not sent twice
    assert statuses(batch_ws)["city-of-london"] == "sending"

    retried = send_batch(batch_ws, "cautions", today=TODAY, retry_unconfirmed=True)
    assert [s["body"] for s in retried.sent] == ["city-of-london"]
    assert statuses(batch_ws)["city-of-london"] == "sent"
    assert [m["X-FOI-Reference"] for m in smtp_server.handler.parsed()].count("FOI-CAUTIONS-0005") == 2


def test_limit_only_and_delay(batch_ws: Workspace, smtp_server: Server) -> None:
    use_server(batch_ws, smtp_server.port)
    waits: list[float] = []
    result = send_batch(batch_ws, "cautions", today=TODAY, limit=3, delay=2.5, sleep=waits.append)
    assert [s["body"] for s in result.sent] == ["avon-and-somerset", "bedfordshire", "cambridgeshire"]
    assert waits == [2.5, 2.5] and len(result.remaining) == 40
    only = send_batch(batch_ws, "cautions", today=TODAY, only=["kent", "avon-and-somerset"])
    assert [s["body"] for s in only.sent] == ["kent"] and only.already_sent == 1
    with pytest.raises(FoiError, match="--limit must be 1 or more"):
        send_batch(batch_ws, "cautions", today=TODAY, limit=0)
    with pytest.raises(FoiError, match="Not in batch 'cautions': nowhere"):
        send_batch(batch_ws, "cautions", today=TODAY, only=["nowhere"])


def test_dry_run_sends_and_records_nothing(batch_ws: Workspace, smtp_server: Server) -> None:
    use_server(batch_ws, smtp_server.port)
    result = send_batch(batch_ws, "cautions", today=TODAY, dry_run=True)
    assert len(result.would_send) == 43 and result.sent == []
    assert result.would_send[0]["subject"] == "Freedom of Information request FOI-CAUTIONS-0001"
    assert smtp_server.handler.messages == []
    assert batch_ws.db.execute("SELECT COUNT(*) FROM events").fetchone()[0] == 0
    assert batch_ws.db.execute("SELECT COUNT(*) FROM requests WHERE message_id IS NOT NULL").fetchone()[0] == 0


def test_a_body_without_email_is_skipped(batch_ws: Workspace, smtp_server: Server) -> None:
    use_server(batch_ws, smtp_server.port)
    batch_ws.db.conn.execute("UPDATE bodies SET foi_email = NULL, portal = 'https://kent.example/foi' "
                             "WHERE slug = 'kent'")
    batch_ws.db.conn.commit()
    result = send_batch(batch_ws, "cautions", today=TODAY)
    assert len(result.sent) == 42
    assert result.skipped == [{"reference": "FOI-CAUTIONS-0020", "body": "kent", "to": None,
                               "reason": "no e-mail address: send via https://kent.example/foi"}]


def test_outbox_writes_eml_and_marks_sent_only_when_asked(batch_ws: Workspace, tmp_path: Path) -> None:
    out = tmp_path / "outbox"
    result = send_batch(batch_ws, "cautions", today=TODAY, outbox=out)
    assert len(result.written) == 43 and result.sent == []
    assert set(statuses(batch_ws).values()) == {"draft"}
    first = email.message_from_bytes((out / "FOI-CAUTIONS-0001-avon-and-somerset.eml").read_bytes(),
                                     policy=default_policy)
    stored = batch_ws.db.execute("SELECT message_id FROM requests WHERE reference='FOI-CAUTIONS-0001'").fetchone()[0]
    assert first["Message-ID"] == stored and first["X-FOI-Reference"] == "FOI-CAUTIONS-0001"

    marked = send_batch(batch_ws, "cautions", today=TODAY, outbox=out, mark_sent=True, only=["kent"])
    assert [s["body"] for s in marked.sent] == ["kent"]
    assert statuses(batch_ws)["kent"] == "sent"
    # The same Message-ID as the file written before, so a reply threads to it.
    kent = email.message_from_bytes((out / "FOI-CAUTIONS-0020-kent.eml").read_bytes(), policy=default_policy)
    assert kent["Message-ID"] == batch_ws.db.execute(
        "SELECT message_id FROM requests WHERE body='kent'").fetchone()[0]
    with pytest.raises(FoiError, match="--mark-sent only goes with --outbox"):
        send_batch(batch_ws, "cautions", today=TODAY, mark_sent=True)


def test_auth_failure_never_shows_the_password(batch_ws: Workspace, auth_server: Server,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FOI_SMTP_PASSWORD", PASSWORD)
    use_server(batch_ws, auth_server.port, username="jo@example.org")
    with pytest.raises(FoiError) as info:
        send_batch(batch_ws, "cautions", today=TODAY)
    message = str(info.value)
    assert message.startswith(f"SMTP login as jo@example.org to 127.0.0.1:{auth_server.port} failed: 535")
    assert message.endswith("Check [smtp] username and FOI_SMTP_PASSWORD.")
    assert PASSWORD not in message
    batch_ws.db.conn.commit()
    assert PASSWORD.encode() not in batch_ws.db_path.read_bytes()
    assert set(statuses(batch_ws).values()) == {"draft"}  # nothing recorded before the login


def test_missing_password_is_explained(batch_ws: Workspace, auth_server: Server,
                                       monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("FOI_SMTP_PASSWORD", raising=False)
    use_server(batch_ws, auth_server.port, username="jo@example.org")
    with pytest.raises(FoiError, match="No SMTP password: set the FOI_SMTP_PASSWORD environment variable"):
        send_batch(batch_ws, "cautions", today=TODAY)


def test_starttls_is_required_before_a_password_is_sent(smtp_server: Server) -> None:
    config = SmtpConfig(host="127.0.0.1", port=smtp_server.port, security="starttls", username="jo")
    with pytest.raises(FoiError, match="does not offer STARTTLS; refusing to send the password unencrypted"):
        connect(config, PASSWORD)


def test_unreachable_server(batch_ws: Workspace) -> None:
    port = free_port()
    use_server(batch_ws, port)
    with pytest.raises(FoiError, match=f"Can't connect to SMTP server 127.0.0.1:{port}: .*Check \\[smtp\\] host"):
        send_batch(batch_ws, "cautions", today=TODAY)
    assert set(statuses(batch_ws).values()) == {"draft"}


@pytest.mark.parametrize(("section", "expected"), [
    ({"host": "smtp.x.org"}, SmtpConfig("smtp.x.org", 587, "starttls", "")),
    ({"host": "smtp.x.org", "security": "ssl", "username": "me"}, SmtpConfig("smtp.x.org", 465, "ssl", "me")),
    ({"host": "smtp.x.org", "security": "STARTTLS", "port": 2525}, SmtpConfig("smtp.x.org", 2525, "starttls", "")),
    ({"host": "smtp.x.org", "ssl": True}, SmtpConfig("smtp.x.org", 465, "ssl", "")),
    ({"host": "smtp.x.org", "starttls": True, "port": 587}, SmtpConfig("smtp.x.org", 587, "starttls", "")),
    ({"host": "localhost", "starttls": False}, SmtpConfig("localhost", 25, "none", "")),
    ({"host": "smtp.x.org", "timeout": 5}, SmtpConfig("smtp.x.org", 587, "starttls", "", 5.0)),
])
def test_smtp_config(ws: Workspace, section: dict[str, Any], expected: SmtpConfig) -> None:
    ws.config["smtp"] = section
    assert smtp_config(ws) == expected


@pytest.mark.parametrize(("section", "error"), [
    ({"host": ""}, "No SMTP server set: add host = \"smtp.example.org\" to [smtp] in"),
    ({"host": "h", "security": "tls"}, "Bad security 'tls' in [smtp] in"),
    ({"host": "h", "port": 70000}, "Bad port 70000 in [smtp] in"),
    ({"host": "h", "port": "587"}, "Bad port '587' in [smtp] in"),
    ({"host": "h", "timeout": 0}, "Bad timeout 0 in [smtp] in"),
])
def test_smtp_config_errors(ws: Workspace, section: dict[str, Any], error: str) -> None:
    ws.config["smtp"] = section
    with pytest.raises(FoiError) as info:
        smtp_config(ws)
    assert str(info.value).startswith(error)


def test_redact_removes_plain_and_base64_password() -> None:
    import base64

    encoded = base64.b64encode(PASSWORD.encode()).decode()
    assert redact(f"535 bad {PASSWORD} / {encoded}", PASSWORD) == "535 bad ******** / ********"
    assert redact("535 bad", None) == "535 bad"


@pytest.mark.parametrize("reply", ["451 4.3.0 Temporary local problem, try later",
                                   "554 5.7.1 Message rejected as spam"])
def test_regression_refusal_after_data_is_failed_and_retried(batch_ws: Workspace, smtp_server: Server,
                                                             reply: str) -> None:
    """Issue 13.1: a 451/554 answer to the message itself was ignored and the request marked sent."""
    kent = email_of(batch_ws, "kent")
    smtp_server.handler.data_replies = {kent.lower(): reply}
    use_server(batch_ws, smtp_server.port)
    result = send_batch(batch_ws, "cautions", today=TODAY)
    assert len(result.sent) == 42 and result.interrupted is None
    assert result.failed == [{"reference": "FOI-CAUTIONS-0020", "body": "kent", "to": kent, "error": reply}]
    assert statuses(batch_ws)["kent"] != "sent"
    note = batch_ws.db.execute(
        "SELECT note FROM events WHERE kind='failed' AND request_id=(SELECT id FROM requests WHERE body='kent')"
    ).fetchone()[0]
    assert note == f"refused by server: {reply}"
    assert result.in_doubt == []
    # The server takes it the next time: the next run sends Kent's request, and only that.
    smtp_server.handler.data_replies = {}
    retry = send_batch(batch_ws, "cautions", today=TODAY)
    assert [s["body"] for s in retry.sent] == ["kent"] and retry.already_sent == 42
    refs = [m["X-FOI-Reference"] for m in smtp_server.handler.parsed()]
    assert len(refs) == 43 and len(set(refs)) == 43


def test_regression_421_after_data_stops_the_batch(batch_ws: Workspace, smtp_server: Server) -> None:
    kent = email_of(batch_ws, "kent")
    smtp_server.handler.data_replies = {kent.lower(): "421 4.3.2 System shutting down"}
    use_server(batch_ws, smtp_server.port)
    result = send_batch(batch_ws, "cautions", today=TODAY)
    assert len(result.sent) == 19
    assert result.failed[0]["error"] == "421 4.3.2 System shutting down"
    assert result.interrupted is not None and "closed the connection" in result.interrupted
    assert len(result.remaining) == 23 and result.in_doubt == []
    assert statuses(batch_ws)["kent"] != "sent"
    smtp_server.handler.data_replies = {}
    rest = send_batch(batch_ws, "cautions", today=TODAY)
    assert len(rest.sent) == 24
    refs = [m["X-FOI-Reference"] for m in smtp_server.handler.parsed()]
    assert len(refs) == 43 and len(set(refs)) == 43


def test_a_second_send_of_the_same_batch_says_another_is_running(batch_ws: Workspace, smtp_server: Server) -> None:
    from foi.mail.send import send_lock

    use_server(batch_ws, smtp_server.port)
    with send_lock(batch_ws, "cautions"):
        with pytest.raises(FoiError, match=r"^Another `foi send cautions` is running \(process \d+\)"):
            send_batch(batch_ws, "cautions", today=TODAY)
    assert smtp_server.handler.messages == []
    assert set(statuses(batch_ws).values()) == {"draft"}
    # Released with the holder: the next run sends.
    assert len(send_batch(batch_ws, "cautions", today=TODAY).sent) == 43


# --- TLS: STARTTLS and implicit TLS with a certificate the test makes ------------------------


def accept_password(server: Any, session: Any, envelope: Any, mechanism: str, auth_data: Any) -> AuthResult:
    ok = getattr(auth_data, "login", None) == b"jo" and getattr(auth_data, "password", None) == PASSWORD.encode()
    return AuthResult(success=ok, handled=False)


@pytest.fixture
def certificate(tmp_path: Path) -> tuple[Path, Path, Path]:
    from crafted import make_certificate

    return make_certificate(tmp_path)


def _server_context(cert: Path, key: Path) -> Any:
    import ssl

    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(cert, key)
    return context


@pytest.mark.parametrize("security", ["starttls", "ssl"])
def test_sends_over_tls_with_a_password_and_refuses_an_untrusted_certificate(
        batch_ws: Workspace, certificate: tuple[Path, Path, Path], monkeypatch: pytest.MonkeyPatch,
        security: str) -> None:
    ca, cert, key = certificate
    context = _server_context(cert, key)
    handler = Recorder()
    if security == "starttls":
        kwargs: dict[str, Any] = {"tls_context": context, "require_starttls": True, "auth_require_tls": True}
    else:
        # The whole connection is TLS; aiosmtpd's own "require TLS for AUTH" check only knows STARTTLS.
        kwargs = {"ssl_context": context, "auth_require_tls": False}
    monkeypatch.setenv("SSL_CERT_FILE", str(ca))  # the client trusts the test's CA (and its controller check)
    port = free_port()
    controller = Controller(handler, hostname="127.0.0.1", port=port, authenticator=accept_password, **kwargs)
    controller.start()
    try:
        use_server(batch_ws, port, security=security, username="jo")
        monkeypatch.setenv("FOI_SMTP_PASSWORD", PASSWORD)
        result = send_batch(batch_ws, "cautions", today=TODAY, only=["kent", "essex"])
        assert [s["body"] for s in result.sent] == ["essex", "kent"] and result.failed == []
        assert len(handler.messages) == 2
        # Without the CA the certificate can't be checked: nothing is sent, the password never leaves.
        monkeypatch.delenv("SSL_CERT_FILE")
        with pytest.raises(FoiError, match=r"^TLS with 127\.0\.0\.1:\d+ failed \(CERTIFICATE_VERIFY_FAILED\)"):
            send_batch(batch_ws, "cautions", today=TODAY, only=["durham"])
        assert len(handler.messages) == 2
    finally:
        controller.stop()


def test_regression_disk_full_while_sending_names_what_went_and_what_did_not(
        batch_ws: Workspace, smtp_server: Server, monkeypatch: pytest.MonkeyPatch) -> None:
    """A full disk after the server took a message: it is named as accepted-but-unrecorded, nothing
    more is sent, and a full disk before a message goes stops the run with nothing handed over."""
    from foi.mail import send

    use_server(batch_ws, smtp_server.port)
    real = send._record_sent
    calls = []

    def full_disk(*args: Any, **kwargs: Any) -> int:
        calls.append(1)
        if len(calls) == 3:
            raise FoiError("The disk holding db/foi.db is full (or failing): nothing was written.")
        return real(*args, **kwargs)

    monkeypatch.setattr(send, "_record_sent", full_disk)
    result = send_batch(batch_ws, "cautions", today=TODAY)
    assert len(result.sent) == 2 and len(smtp_server.handler.messages) == 3
    assert result.in_doubt == [{"reference": "FOI-CAUTIONS-0003", "body": "cambridgeshire"}]
    assert result.interrupted is not None
    assert "FOI-CAUTIONS-0003 WAS accepted by the server but is not recorded as sent" in result.interrupted
    assert "foi mark cautions cambridgeshire sent" in result.interrupted and len(result.remaining) == 40
    monkeypatch.setattr(send, "_record_sent", real)

    from foi import tracking

    def no_space(*args: Any, **kwargs: Any) -> int:
        raise FoiError("The disk holding db/foi.db is full (or failing): nothing was written.")

    monkeypatch.setattr(tracking, "record_event", no_space)
    stopped = send_batch(batch_ws, "cautions", today=TODAY)
    assert stopped.sent == [] and len(smtp_server.handler.messages) == 3  # nothing handed over
    assert stopped.interrupted is not None and "Stopped before sending FOI-CAUTIONS-0004" in stopped.interrupted
