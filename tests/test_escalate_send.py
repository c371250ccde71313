"""`foi escalate --send`: exactly once, through a real SMTP server on 127.0.0.1, killed and resumed as
`foi send` is in tests/test_send.py."""

from __future__ import annotations

import email
from collections.abc import Iterator
from email.policy import default as default_policy
from typing import Any

import pytest
from escalate_helpers import TODAY, Recorder, build_every_state, request_of, smtp_server, use_server
from helpers import dies_after_accept

from foi.errors import FoiError
from foi.escalate.plan import pending_sends, plan_batch
from foi.escalate.send import send_escalations
from foi.marking import mark
from foi.tracking import load_events
from foi.workspace import Workspace

REVIEWS = ["bedfordshire", "devon-and-cornwall", "dorset", "essex", "hampshire", "norfolk", "suffolk", "surrey",
           "police-scotland"]


@pytest.fixture
def server(batch_ws: Workspace) -> Iterator[Recorder]:
    build_every_state(batch_ws)
    with smtp_server() as (handler, port):
        use_server(batch_ws, port)
        yield handler


def kinds(ws: Workspace, slug: str) -> list[str]:
    return [e.kind for e in load_events(ws.db, request_of(ws, slug)["id"])]


def pending_rows(ws: Workspace) -> list[tuple[Any, ...]]:
    return ws.db.execute("SELECT request_id, kind FROM messages WHERE kind LIKE 'sending:%'").fetchall()


def test_chasers_go_once_and_are_recorded(batch_ws: Workspace, server: Recorder) -> None:
    ws = batch_ws
    ws.db.conn.execute("UPDATE requests SET message_id = '<foi-cautions-0020.abc@example.org>' WHERE body = 'kent'")
    ws.db.conn.commit()
    result = send_escalations(ws, "cautions", today=TODAY, only=["chase"])
    assert [(s["body"], s["step"]) for s in result.sent] == [("cumbria", "chase"), ("kent", "chase")]
    assert result.failed == result.unconfirmed == [] and result.interrupted is None
    kent = next(m for m in server.parsed() if m["X-FOI-Reference"] == "FOI-CAUTIONS-0020")
    assert kent["To"].addresses[0].addr_spec == request_of(ws, "kent")["foi_email"]
    assert kent["In-Reply-To"] == "<foi-cautions-0020.abc@example.org>"
    assert kent["Subject"] == "Reply overdue: Freedom of Information request FOI-CAUTIONS-0020"
    assert "it is now 19 working days overdue" in kent.get_content()
    assert kinds(ws, "kent")[-1] == "chased" and kinds(ws, "cumbria")[-1] == "chased"
    row = ws.db.execute("SELECT m.kind, m.path, m.message_id FROM events e JOIN messages m ON m.id = e.message_row "
                        "WHERE e.kind = 'chased' AND e.request_id = ?", [request_of(ws, "kent")["id"]]).fetchone()
    kept = email.message_from_bytes((ws.root / row[1]).read_bytes(), policy=default_policy)
    assert row[0] == "chased" and "it is now 19 working days overdue" in kept.get_content()
    assert row[2] == kent["Message-ID"]
    assert pending_rows(ws) == []
    assert request_of(ws, "kent")["status"] == "sent"  # still awaiting the reply; the board still says overdue

    again = send_escalations(ws, "cautions", today=TODAY, only=["chase"])
    assert again.sent == [] and len(server.messages) == 2
    assert {s.body: s.step for s in plan_batch(ws, "cautions", today=TODAY).steps}["kent"] == "wait"


def test_a_refused_recipient_is_not_sent_and_the_rest_go(batch_ws: Workspace, server: Recorder) -> None:
    ws = batch_ws
    kent = request_of(ws, "kent")["foi_email"]
    server.refuse = {kent.lower()}
    result = send_escalations(ws, "cautions", today=TODAY, only=["chase"])
    assert [s["body"] for s in result.sent] == ["cumbria"]
    assert result.failed == [{"reference": "FOI-CAUTIONS-0020", "body": "kent", "step": "chase", "to": kent,
                              "error": "550 5.1.1 mailbox unavailable"}]
    assert kinds(ws, "kent")[-1] == "note" and pending_rows(ws) == []
    note = load_events(ws.db, request_of(ws, "kent")["id"])[-1].note
    assert note == "chase not sent: refused by the server: 550 5.1.1 mailbox unavailable"
    server.refuse = set()
    retry = send_escalations(ws, "cautions", today=TODAY, only=["chase"])
    assert [s["body"] for s in retry.sent] == ["kent"] and len(server.messages) == 2


def test_a_lost_connection_resumes_without_duplicates(batch_ws: Workspace, server: Recorder) -> None:
    ws = batch_ws
    server.drop_after = 3
    result = send_escalations(ws, "cautions", today=TODAY, only=["review"])
    assert len(result.sent) == 3 and result.unconfirmed == []
    assert len(result.remaining) == 6 and result.interrupted.startswith("Connection lost (")
    assert result.interrupted.endswith(" before FOI-CAUTIONS-0013 was sent. Run `foi escalate cautions --send "
                                       "--only review` again.")
    assert pending_rows(ws) == []
    server.drop_after = None
    resumed = send_escalations(ws, "cautions", today=TODAY, only=["review"])
    assert len(resumed.sent) == 6 and resumed.interrupted is None
    refs = [m["X-FOI-Reference"] for m in server.parsed()]
    assert len(refs) == 9 and len(set(refs)) == 9
    assert all(request_of(ws, slug)["status"] == "internal-review" for slug in REVIEWS)


def test_a_run_killed_after_the_server_took_it_is_not_sent_again(batch_ws: Workspace, server: Recorder) -> None:
    ws = batch_ws
    with pytest.raises(KeyboardInterrupt):
        send_escalations(ws, "cautions", today=TODAY, only=["review"], opener=dies_after_accept(2))
    assert len(server.messages) == 2
    assert kinds(ws, "bedfordshire")[-1] == "internal-review"  # the first, recorded
    assert kinds(ws, "devon-and-cornwall")[-1] == "refused"  # the second: taken, never recorded
    assert len(pending_rows(ws)) == 1

    plan = {s.body: s for s in plan_batch(ws, "cautions", today=TODAY).steps}
    assert plan["devon-and-cornwall"].unconfirmed["step"] == "review"
    assert plan["devon-and-cornwall"].why[-1].startswith("A review sent on 2026-02-27 may or may not have gone")

    rerun = send_escalations(ws, "cautions", today=TODAY, only=["review"])
    assert [u["body"] for u in rerun.unconfirmed] == ["devon-and-cornwall"]
    assert len(rerun.sent) == 7 and "devon-and-cornwall" not in [s["body"] for s in rerun.sent]
    refs = [m["X-FOI-Reference"] for m in server.parsed()]
    assert len(refs) == 9 and len(set(refs)) == 9  # the unconfirmed one did not go twice

    retried = send_escalations(ws, "cautions", today=TODAY, only=["review"], retry_unconfirmed=True)
    assert [s["body"] for s in retried.sent] == ["devon-and-cornwall"]
    devon = [m for m in server.parsed() if m["X-FOI-Reference"] == "FOI-CAUTIONS-0009"]
    assert len(devon) == 2 and devon[0]["Message-ID"] == devon[1]["Message-ID"]  # the same letter again
    assert kinds(ws, "devon-and-cornwall")[-1] == "internal-review" and pending_rows(ws) == []


def test_marking_an_unconfirmed_letter_by_hand_settles_it(batch_ws: Workspace, server: Recorder) -> None:
    ws = batch_ws
    with pytest.raises(KeyboardInterrupt):
        send_escalations(ws, "cautions", today=TODAY, only=["chase"], opener=dies_after_accept(1))
    mark(ws, "cautions", ["cumbria"], "chased", on=TODAY)  # it went: the sent folder says so
    plan = {s.body: s for s in plan_batch(ws, "cautions", today=TODAY).steps}
    assert plan["cumbria"].unconfirmed is None and plan["cumbria"].step == "wait"
    rerun = send_escalations(ws, "cautions", today=TODAY, only=["chase"])
    assert [s["body"] for s in rerun.sent] == ["kent"] and rerun.unconfirmed == []
    assert [m["X-FOI-Reference"] for m in server.parsed()].count("FOI-CAUTIONS-0007") == 1
    assert pending_rows(ws) == []  # the row kept as sent, without a copy


def test_complaints_go_by_e_mail_only_to_a_configured_address(batch_ws: Workspace, server: Recorder) -> None:
    ws = batch_ws
    with pytest.raises(FoiError) as info:
        send_escalations(ws, "cautions", today=TODAY, only=["complaint"])
    assert str(info.value) == (
        "Complaints to the Information Commissioner go through its website (https://ico.org.uk/make-a-complaint/), "
        "not by e-mail: make the pack with `foi escalate cautions --write DIR --only complaint`, or set ico_email "
        "under [escalate] in foi.toml to send them by e-mail.")
    assert server.messages == [] and pending_rows(ws) == []
    ws.config["escalate"] = {"ico_email": "casework@ico.example.org"}
    result = send_escalations(ws, "cautions", today=TODAY, only=["complaint"])
    assert sorted(s["body"] for s in result.sent) == ["cleveland", "gwent", "sussex", "wiltshire"]
    assert {tuple(r) for _, r, _ in server.messages} == {("casework@ico.example.org",)}
    gwent = next(m for m in server.parsed() if m["X-FOI-Reference"] == "FOI-CAUTIONS-0016")
    assert gwent["Subject"] == "FOIA s.50 complaint: Gwent Police, Freedom of Information request FOI-CAUTIONS-0016"
    assert [p.get_filename() for p in gwent.iter_attachments()] == ["timeline.txt"]
    assert request_of(ws, "gwent")["status"] == "ico-complaint"


def test_dry_run_sends_and_records_nothing(batch_ws: Workspace, server: Recorder) -> None:
    ws = batch_ws
    before = ws.db.execute("SELECT COUNT(*) FROM events").fetchone()[0]
    result = send_escalations(ws, "cautions", today=TODAY, only=["chase", "review"], dry_run=True)
    assert len(result.would_send) == 11 and result.sent == []
    assert result.would_send[0] == {"reference": "FOI-CAUTIONS-0002", "body": "bedfordshire", "step": "review",
                                    "to": request_of(ws, "bedfordshire")["foi_email"],
                                    "subject": "Request for internal review: Freedom of Information request "
                                               "FOI-CAUTIONS-0002"}
    assert server.messages == [] and ws.db.execute("SELECT COUNT(*) FROM events").fetchone()[0] == before
    assert ws.db.execute("SELECT COUNT(*) FROM messages").fetchone()[0] == 0


def test_only_is_required_and_checked(batch_ws: Workspace, server: Recorder) -> None:
    with pytest.raises(FoiError, match=r"Say which letters to send: foi escalate cautions --send --only chase"):
        send_escalations(batch_ws, "cautions", today=TODAY, only=None)
    with pytest.raises(FoiError, match="Unknown step 'wait' for --only: use chase, review, complaint."):
        send_escalations(batch_ws, "cautions", today=TODAY, only=["wait"])


def test_a_record_that_changed_since_the_plan_is_not_sent(batch_ws: Workspace, server: Recorder,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    import foi.escalate.send as send_module

    ws = batch_ws
    real = send_module.render_drafts

    def meanwhile(*args: Any, **kwargs: Any) -> Any:
        drafts = real(*args, **kwargs)
        mark(ws, "cautions", ["kent"], "responded", on=TODAY)  # the reply comes in while we prepare
        return drafts

    monkeypatch.setattr(send_module, "render_drafts", meanwhile)
    result = send_escalations(ws, "cautions", today=TODAY, only=["chase"])
    assert [s["body"] for s in result.sent] == ["cumbria"]
    assert result.skipped == [{"reference": "FOI-CAUTIONS-0020", "body": "kent", "step": "chase",
                               "to": request_of(ws, "kent")["foi_email"],
                               "reason": "its record changed since the plan was made: run again"}]
    assert pending_rows(ws) == []


def test_a_force_without_an_address_is_skipped(batch_ws: Workspace, server: Recorder) -> None:
    ws = batch_ws
    ws.db.conn.execute("UPDATE bodies SET foi_email = NULL, portal = 'https://kent.example/foi' WHERE slug = 'kent'")
    ws.db.conn.commit()
    result = send_escalations(ws, "cautions", today=TODAY, only=["chase"])
    assert [s["body"] for s in result.sent] == ["cumbria"]
    assert result.skipped == [{"reference": "FOI-CAUTIONS-0020", "body": "kent", "step": "chase", "to": None,
                               "reason": "no e-mail address: send via https://kent.example/foi"}]


@pytest.mark.parametrize("after", [1, 4, 9])
def test_killed_at_any_message_nothing_goes_twice(batch_ws: Workspace, server: Recorder, after: int) -> None:
    ws = batch_ws
    with pytest.raises(KeyboardInterrupt):
        send_escalations(ws, "cautions", today=TODAY, only=["review"], opener=dies_after_accept(after))
    rerun = send_escalations(ws, "cautions", today=TODAY, only=["review"])
    refs = [m["X-FOI-Reference"] for m in server.parsed()]
    assert len(refs) == 9 and len(set(refs)) == 9
    assert len(rerun.unconfirmed) == 1 and len(rerun.sent) == 9 - after
    assert all(request_of(ws, slug)["status"] == "internal-review" for slug in REVIEWS
               if slug != rerun.unconfirmed[0]["body"])


def send_reviews_script(ws: Workspace, port: int) -> str:
    """Python for a separate process that sends the batch's review letters through the server on PORT."""
    return ("from datetime import date\n"
            "from foi.workspace import find_workspace\n"
            "from foi.escalate.send import send_escalations\n"
            f"ws = find_workspace({str(ws.root)!r})\n"
            f"ws.config['smtp'] = {{'host': '127.0.0.1', 'port': {port}, 'security': 'none', 'username': ''}}\n"
            f"r = send_escalations(ws, 'cautions', today=date({TODAY.year}, {TODAY.month}, {TODAY.day}), "
            "only=['review'])\n")


def test_kill_9_mid_run_then_resume(batch_ws: Workspace, tmp_path: Any) -> None:
    """A real SIGKILL of a separate process while it sends; whenever it lands, nothing goes twice and,
    once the user settles the one in doubt as the sent folder says, every letter went once and is
    recorded."""
    import os
    import signal
    import subprocess
    import sys
    import time
    from pathlib import Path

    ws = batch_ws
    build_every_state(ws)
    ws.db.conn.close()
    with smtp_server() as (handler, port):
        handler.delay = 0.3
        root = Path(__file__).resolve().parents[1]
        script = send_reviews_script(ws, port)
        child = subprocess.Popen([sys.executable, "-c", script], cwd=root, env=os.environ | {"PYTHONPATH": str(root)})
        try:
            for _ in range(600):  # wait (up to a minute) for the server to hold two letters
                if len(handler.messages) >= 2 or child.poll() is not None:
                    break
                time.sleep(0.1)
            os.kill(child.pid, signal.SIGKILL)
        finally:
            child.wait()
        from foi.workspace import find_workspace

        again = find_workspace(ws.root)
        use_server(again, port)
        handler.delay = 0.0
        rerun = send_escalations(again, "cautions", today=TODAY, only=["review"])
        delivered = [m["X-FOI-Reference"] for m in handler.parsed()]
        assert len(delivered) == len(set(delivered))  # nothing went twice
        for item in rerun.unconfirmed:  # the user checks the sent folder
            if item["reference"] in delivered:
                mark(again, "cautions", [item["body"]], "internal-review", on=TODAY)
            else:
                send_escalations(again, "cautions", today=TODAY, only=["review"], bodies=[item["body"]],
                                 retry_unconfirmed=True)
        delivered = [m["X-FOI-Reference"] for m in handler.parsed()]
        assert len(delivered) == 9 and len(set(delivered)) == 9
        assert all(request_of(again, slug)["status"] == "internal-review" for slug in REVIEWS)
        assert pending_sends(again.db, "cautions") == {}
        assert send_escalations(again, "cautions", today=TODAY, only=["review"]).sent == []
        assert pending_rows(again) == []  # one settled by hand is tidied by the next run


def test_a_second_send_of_the_batch_while_one_runs_sends_nothing(batch_ws: Workspace) -> None:
    """Two processes: while one sends the reviews (slowly), a second `--send` of the same batch stops
    at once with one line naming the first, and sends and records nothing; every letter goes once."""
    import os
    import re
    import subprocess
    import sys
    import time
    from pathlib import Path

    ws = batch_ws
    build_every_state(ws)
    ws.db.conn.close()
    with smtp_server() as (handler, port):
        handler.delay = 0.2
        root = Path(__file__).resolve().parents[1]
        script = send_reviews_script(ws, port) + "print(len(r.sent))\n"
        child = subprocess.Popen([sys.executable, "-c", script], cwd=root, env=os.environ | {"PYTHONPATH": str(root)},
                                 stdout=subprocess.PIPE, text=True)
        try:
            for _ in range(600):  # until the first run is handing letters over
                if handler.messages or child.poll() is not None:
                    break
                time.sleep(0.05)
            from foi.workspace import find_workspace

            second = find_workspace(ws.root)
            use_server(second, port)
            before = len(handler.messages)
            events = second.db.execute("SELECT COUNT(*) FROM events").fetchone()[0]
            with pytest.raises(FoiError) as caught:
                send_escalations(second, "cautions", today=TODAY, only=["review", "chase"])
            assert child.poll() is None, "the first run ended before the second started: the test proves nothing"
            assert re.fullmatch(r"Another `foi escalate cautions --send --only review` is running \(process \d+\): "
                                r"wait for it to finish, then run `foi escalate cautions --send --only review,chase` "
                                r"again if anything is left\.", str(caught.value))
            assert str(child.pid) in str(caught.value)
            assert len(handler.messages) >= before  # only the first run's letters arrive
        finally:
            out, _ = child.communicate(timeout=120)
        assert child.returncode == 0 and out.strip() == "9"
        delivered = [m["X-FOI-Reference"] for m in handler.parsed()]
        assert len(delivered) == 9 and len(set(delivered)) == 9
        again = find_workspace(ws.root)
        recorded = again.db.execute("SELECT COUNT(*) FROM events").fetchone()[0]
        assert recorded == events + 9  # the first run's nine internal-review events, nothing from the second
        use_server(again, port)
        assert send_escalations(again, "cautions", today=TODAY, only=["review"]).sent == []  # released


def test_foi_send_and_escalate_send_share_the_batch_lock(batch_ws: Workspace, server: Recorder) -> None:
    from foi.mail.send import send_batch, send_lock

    with send_lock(batch_ws, "cautions"):
        with pytest.raises(FoiError, match=r"^Another `foi send cautions` is running \(process \d+\): wait for it "
                                           r"to finish, then run `foi escalate cautions --send --only chase` again"):
            send_escalations(batch_ws, "cautions", today=TODAY, only=["chase"])
        # A dry run sends nothing, so it needs no lock.
        assert len(send_escalations(batch_ws, "cautions", today=TODAY, only=["chase"], dry_run=True).would_send) == 2
    with send_lock(batch_ws, "cautions", "foi escalate cautions --send --only chase"):
        with pytest.raises(FoiError, match=r"^Another `foi escalate cautions --send --only chase` is running"):
            send_batch(batch_ws, "cautions", today=TODAY)
    assert server.messages == [] and pending_rows(batch_ws) == []
    assert "chased" not in kinds(batch_ws, "kent")
