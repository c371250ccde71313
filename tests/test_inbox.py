"""`foi.mail.inbox`: matching replies to requests, reading them, storing what they carry."""

from __future__ import annotations

import csv
import hashlib
import io
import mailbox
import zipfile
from datetime import date, timedelta
from email.message import EmailMessage
from email.policy import SMTP
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
from conftest import FIXTURES, TODAY, VARS

from foi.batches import add_bodies, create_batch, get_request
from foi.errors import FoiError
from foi.mail import inbox
from foi.mail.inbox import assign_message, import_paths, list_unmatched, review_queue
from foi.mail.sources import ImapConfig, imap_messages, iter_sources, msg_to_bytes
from foi.tracking import record_event
from foi.workspace import Workspace

CORPUS = FIXTURES / "mail"
SENT = date(2026, 12, 1)
LATER = date(2027, 3, 1)
KENT = "FOI Team <freedomofinformation@kent.police.uk>"
ESSEX = "Information Rights <info.rights.freedom@essex.police.uk>"


def make_mail(subject: str, body: str, *, sender: str = KENT, message_id: str | None = "<r1@kent.police.uk>",
              in_reply_to: str | None = None, sent: str = "Mon, 14 Dec 2026 10:00:00 +0000",
              attachments: tuple[tuple[str, bytes], ...] = (), headers: dict[str, str] | None = None) -> bytes:
    msg = EmailMessage(policy=SMTP)
    msg["From"] = sender
    msg["To"] = "Jo Bloggs <jo@example.org>"
    msg["Subject"] = subject
    msg["Date"] = sent
    if message_id:
        msg["Message-ID"] = message_id
    if in_reply_to:
        msg["In-Reply-To"] = in_reply_to
    for key, value in (headers or {}).items():
        msg[key] = value
    msg.set_content(body)
    for name, data in attachments:
        msg.add_attachment(data, maintype="application", subtype="octet-stream", filename=name)
    return bytes(msg)


ACK = "Dear Jo,\n\nWe acknowledge receipt of your request, which has been logged under reference 2026/4412.\n"
RESPONSE = ("Dear Jo,\n\nPlease find attached the information you requested. "
            "The data you requested is attached as a spreadsheet: 41 cautions were recorded in the period."
            "\n\nFOI Team\n")


def write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


@pytest.fixture
def sent_ws(batch_ws: Workspace) -> Workspace:
    """Batch `cautions` with every request sent on 1 December 2026."""
    for row in batch_ws.db.query("SELECT id FROM requests"):
        record_event(batch_ws.db, row["id"], "sent", SENT)
    return batch_ws


def status(ws: Workspace, slug: str, batch: str = "cautions") -> str:
    return get_request(ws.db, batch, slug)["status"]


# ---------------------------------------------------------------------------------------------
# The corpus, end to end


def test_corpus_lands_on_the_right_request_with_the_right_kind(ws: Workspace) -> None:
    create_batch(ws, "cautions", template="request-outcomes", vars=VARS, today=TODAY)
    create_batch(ws, "knife", template="request-outcomes", vars=VARS, today=TODAY)
    add_bodies(ws, "cautions", ["british-transport-police"], today=TODAY)
    assert get_request(ws.db, "cautions", "british-transport-police")["reference"] == "FOI-CAUTIONS-0044"
    for row in ws.db.query("SELECT id FROM requests WHERE batch = 'cautions' "
                           "OR body IN ('west-yorkshire', 'cheshire', 'nottinghamshire')"):
        record_event(ws.db, row["id"], "sent", SENT)
    with open(CORPUS / "expected.csv", newline="", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    assert len(rows) >= 40

    def about_a_review(row: dict[str, str]) -> bool:
        return row["kind"].startswith("review-") or row["file"].startswith("review-")

    results = {}
    for stage in (False, True):
        if stage:
            # Review letters answer a review that was asked for: record the reply and the request for
            # review by hand first, as the journalist would have.
            for row in filter(about_a_review, rows):
                request = next(ws.db.query("SELECT id, status, last_event_on FROM requests WHERE reference = ?",
                                           [row["our_reference"]]))
                on = date.fromisoformat(request["last_event_on"]) + timedelta(days=1)
                if request["status"] in ("acknowledged", "sent", "extended"):
                    record_event(ws.db, request["id"], "refused", on)
                if request["status"] != "internal-review":
                    record_event(ws.db, request["id"], "internal-review", on + timedelta(days=1))
        for row in rows:
            if about_a_review(row) != stage:
                continue
            before = ws.db.execute("SELECT status, due_on FROM requests WHERE reference = ?",
                                   [row["our_reference"]]).fetchone()
            result = import_paths(ws, [CORPUS / row["file"]], today=LATER)
            assert result.errors == [] and len(result.items) == 1, row["file"]
            item = result.items[0]
            after = ws.db.execute("SELECT status, due_on FROM requests WHERE reference = ?",
                                  [row["our_reference"]]).fetchone()
            results[row["file"]] = (item, before, after)

    wrong = []
    for row in rows:
        item, before, after = results[row["file"]]
        event = ws.db.execute("SELECT kind, sections, ncnd, until, force_reference, evidence FROM events "
                              "WHERE message_row = ?", [item.row]).fetchone()
        got = (item.reference, item.outcome, event[0])
        # Their acknowledgement of our request for a review decides nothing: a note, no date moves.
        expected = "note" if about_a_review(row) and row["kind"] == "acknowledged" else row["kind"]
        want = (row["our_reference"], "imported", expected)
        if got != want:
            wrong.append(f"{row['file']}: {got} != {want} ({item.note or item.evidence})")
            continue
        if expected in ("auto-reply", "needs-review", "note"):
            # Nothing automatic or ambiguous moves a request.
            assert after == before, row["file"]
            continue
        assert event[5], f"{row['file']}: no evidence stored"
        sections = [s for s in row["sections"].split(";") if s]
        assert (eval_list(event[1]), bool(event[2]), event[3] or "") == (sections, row["ncnd"] == "1", row["until"]), \
            row["file"]
        assert after[0] == row["kind"], row["file"]
    assert wrong == []


def eval_list(text: str) -> list[str]:
    import json

    return json.loads(text)


# ---------------------------------------------------------------------------------------------
# Matching


def test_matched_by_our_message_id_in_the_thread(sent_ws: Workspace, tmp_path: Path) -> None:
    sent_ws.db.conn.execute("UPDATE requests SET message_id = '<abc@example.org>' WHERE body = 'kent'")
    sent_ws.db.conn.commit()
    data = make_mail("RE: your request", ACK, in_reply_to="<abc@example.org>")
    item = import_paths(sent_ws, [write(tmp_path, "a.eml", data)], today=LATER).items[0]
    assert (item.reference, item.matched_by, item.kind) == ("FOI-CAUTIONS-0020", "thread", "acknowledged")
    assert get_request(sent_ws.db, "cautions", "kent")["force_reference"] == "2026/4412"
    # A later reply in the same thread matches through the first reply.
    follow = make_mail("RE: RE: your request", RESPONSE, message_id="<r2@kent.police.uk>",
                       in_reply_to="<r1@kent.police.uk>", sender="Someone <someone@elsewhere.example>")
    item = import_paths(sent_ws, [write(tmp_path, "b.eml", follow)], today=LATER).items[0]
    assert (item.reference, item.matched_by) == ("FOI-CAUTIONS-0020", "thread")


def test_matched_by_our_reference_in_the_body(sent_ws: Workspace, tmp_path: Path) -> None:
    data = make_mail("Your request", "Regarding FOI-CAUTIONS-0013.\n\n" + ACK, sender=KENT)
    item = import_paths(sent_ws, [write(tmp_path, "a.eml", data)], today=LATER).items[0]
    # The reference wins over the sender: Kent's address, Essex's request.
    assert (item.reference, item.body, item.matched_by) == ("FOI-CAUTIONS-0013", "essex", "reference")


def test_matched_by_a_recorded_force_reference(sent_ws: Workspace, tmp_path: Path) -> None:
    kent = get_request(sent_ws.db, "cautions", "kent")
    record_event(sent_ws.db, kent["id"], "acknowledged", date(2026, 12, 2), force_reference="KP/FOI/771")
    create_batch(sent_ws, "knife", template="request-outcomes", vars=VARS, today=TODAY)
    record_event(sent_ws.db, get_request(sent_ws.db, "knife", "kent")["id"], "sent", SENT)
    data = make_mail("Request KP/FOI/771", RESPONSE)
    item = import_paths(sent_ws, [write(tmp_path, "a.eml", data)], today=LATER).items[0]
    assert (item.reference, item.matched_by, item.kind) == ("FOI-CAUTIONS-0020", "force-reference", "responded")


def test_matched_by_sender_when_the_body_has_one_open_request(sent_ws: Workspace, tmp_path: Path) -> None:
    data = make_mail("Your request", ACK, sender=ESSEX)
    item = import_paths(sent_ws, [write(tmp_path, "a.eml", data)], today=LATER).items[0]
    assert (item.reference, item.matched_by) == ("FOI-CAUTIONS-0013", "sender")


def test_two_open_requests_from_one_body_are_not_guessed(sent_ws: Workspace, tmp_path: Path) -> None:
    create_batch(sent_ws, "knife", template="request-outcomes", vars=VARS, today=TODAY,
                 subject="Knife crime request {{ reference }}")
    record_event(sent_ws.db, get_request(sent_ws.db, "knife", "essex")["id"], "sent", SENT)
    before = status(sent_ws, "essex")
    item = import_paths(sent_ws, [write(tmp_path, "a.eml", make_mail("Your request", ACK, sender=ESSEX))],
                        today=LATER).items[0]
    assert (item.outcome, item.reference, item.body, item.kind) == ("unmatched", None, "essex", None)
    assert status(sent_ws, "essex") == before and status(sent_ws, "essex", "knife") == "sent"
    # The batch subject repeated in the reply decides.
    knife = make_mail("RE: Knife crime request", ACK, sender=ESSEX, message_id="<k@essex>")
    item = import_paths(sent_ws, [write(tmp_path, "b.eml", knife)], today=LATER).items[0]
    assert (item.reference, item.matched_by) == ("FOI-KNIFE-0013", "sender")
    # --batch decides too.
    hello = make_mail("Hi", "Dear Jo, we have received your request.", sender=ESSEX, message_id="<c@essex>")
    item = import_paths(sent_ws, [write(tmp_path, "c.eml", hello)],
                        today=LATER, batch="cautions").items[0]
    assert (item.reference, item.matched_by) == ("FOI-CAUTIONS-0013", "sender+batch")


def test_unknown_batch_is_an_error(sent_ws: Workspace, tmp_path: Path) -> None:
    with pytest.raises(FoiError, match="Unknown batch 'nope'"):
        import_paths(sent_ws, [write(tmp_path, "a.eml", make_mail("x", ACK))], today=LATER, batch="nope")


# ---------------------------------------------------------------------------------------------
# Our own messages (an import of the Sent folder)


def test_our_sent_folder_is_skipped_not_filed_as_replies(batch_ws: Workspace, tmp_path: Path) -> None:
    from foi.mail.send import send_batch

    out = tmp_path / "out"
    # Kent's request written for the user's own mail client (so only requests.message_id knows it),
    # Essex's written and marked sent (a messages row, direction 'out').
    send_batch(batch_ws, "cautions", today=SENT, only=["kent"], outbox=out)
    send_batch(batch_ws, "cautions", today=SENT, only=["essex"], outbox=out, mark_sent=True)
    kent_id = get_request(batch_ws.db, "cautions", "kent")["message_id"]
    essex_row = batch_ws.db.execute("SELECT id FROM messages WHERE direction = 'out'").fetchone()[0]
    box = mailbox.mbox(str(tmp_path / "Sent.mbox"))
    box.add((out / "FOI-CAUTIONS-0020-kent.eml").read_bytes())
    box.add((out / "FOI-CAUTIONS-0013-essex.eml").read_bytes())
    # A follow-up the user wrote in their mail client: our address (in another case), their Message-ID.
    box.add(make_mail("RE: FOI-CAUTIONS-0013", "Thank you, I look forward to your response.",
                      sender="Jo Bloggs <JO@Example.org>", message_id="<followup@example.org>"))
    # Essex's reply in the thread of our request is a reply, whatever Message-IDs of ours it names.
    box.add(make_mail("RE: FOI-CAUTIONS-0013", ACK, sender=ESSEX, message_id="<r@essex>",
                      in_reply_to=get_request(batch_ws.db, "cautions", "essex")["message_id"]))
    box.close()
    messages_before = batch_ws.db.execute("SELECT COUNT(*) FROM messages").fetchone()[0]

    result = import_paths(batch_ws, [tmp_path / "Sent.mbox"], today=LATER)

    assert [i.outcome for i in result.items] == ["ours", "ours", "ours", "imported"]
    kent, essex, followup, reply = result.items
    assert (kent.message_id, kent.row, kent.kind) == (kent_id, None, None)
    assert kent.note == "our request FOI-CAUTIONS-0020 (its Message-ID), not a reply"
    assert essex.note == f"a copy of message {essex_row}, which we sent"
    assert followup.note == "sent from your own address jo@example.org ([requester] email in foi.toml), not a reply"
    assert (reply.reference, reply.matched_by, reply.kind) == ("FOI-CAUTIONS-0013", "thread", "acknowledged")
    assert result.counts() == {"imported": 1, "duplicate": 0, "unmatched": 0, "ours": 3, "needs-review": 0,
                               "errors": 0}
    # Nothing of ours was stored or recorded: one new row, the reply's.
    assert batch_ws.db.execute("SELECT COUNT(*) FROM messages").fetchone()[0] == messages_before + 1
    assert list_unmatched(batch_ws) == []
    assert (status(batch_ws, "kent"), status(batch_ws, "essex")) == ("draft", "acknowledged")
    assert not (batch_ws.responses_dir / "cautions" / "kent").exists()
    # Importing the folder again: still ours, and the reply is a duplicate.
    again = import_paths(batch_ws, [tmp_path / "Sent.mbox"], today=LATER)
    assert [i.outcome for i in again.items] == ["ours", "ours", "ours", "duplicate"]


def test_our_address_is_only_ours_in_from(sent_ws: Workspace, tmp_path: Path) -> None:
    # A reply addressed to us, or naming us as Reply-To, is still a reply.
    data = make_mail("RE: FOI-CAUTIONS-0020", ACK, headers={"Reply-To": "jo@example.org", "Cc": "jo@example.org"})
    item = import_paths(sent_ws, [write(tmp_path, "a.eml", data)], today=LATER).items[0]
    assert (item.outcome, item.reference, item.kind) == ("imported", "FOI-CAUTIONS-0020", "acknowledged")


def test_without_a_requester_address_only_message_ids_say_ours(sent_ws: Workspace, tmp_path: Path) -> None:
    sent_ws.config["requester"]["email"] = ""
    # No From at all must not count as "from our (blank) address".
    data = make_mail("RE: FOI-CAUTIONS-0020", ACK, sender="")
    item = import_paths(sent_ws, [write(tmp_path, "a.eml", data)], today=LATER).items[0]
    assert (item.outcome, item.reference) == ("imported", "FOI-CAUTIONS-0020")


def test_a_reply_stored_before_stays_a_duplicate_even_from_our_address(sent_ws: Workspace, tmp_path: Path) -> None:
    # Imported by an older foi, before messages of ours were skipped: it is there, so a duplicate.
    path = write(tmp_path, "a.eml", make_mail("RE: FOI-CAUTIONS-0020", ACK, sender="jo@example.org"))
    sent_ws.config["requester"]["email"] = ""
    first = import_paths(sent_ws, [path], today=LATER).items[0]
    sent_ws.config["requester"]["email"] = "jo@example.org"
    again = import_paths(sent_ws, [path], today=LATER).items[0]
    assert (first.outcome, again.outcome, again.row) == ("imported", "duplicate", first.row)


# ---------------------------------------------------------------------------------------------
# Storing once, never losing


def test_importing_twice_changes_nothing(sent_ws: Workspace, tmp_path: Path) -> None:
    path = write(tmp_path, "a.eml", make_mail("RE: FOI-CAUTIONS-0020", RESPONSE,
                                              attachments=(("figures.csv", b"year,count\n2019,4\n"),)))
    first = import_paths(sent_ws, [path], today=LATER)
    counts = [sent_ws.db.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0] for t in ("messages", "events",
                                                                                       "documents")]
    again = import_paths(sent_ws, [path, path], today=LATER)
    assert [i.outcome for i in again.items] == ["duplicate", "duplicate"]
    assert again.items[0].row == first.items[0].row
    assert [sent_ws.db.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0] for t in ("messages", "events",
                                                                                     "documents")] == counts
    files = sorted(p.name for p in (sent_ws.responses_dir / "cautions" / "kent").iterdir())
    assert files == ["figures.csv", "mail-2026-12-14-" + hashlib.sha256(path.read_bytes()).hexdigest()[:10] + ".eml"]


def test_a_message_without_message_id_gets_a_synthetic_one(sent_ws: Workspace, tmp_path: Path) -> None:
    data = make_mail("RE: FOI-CAUTIONS-0020", ACK, message_id=None)
    path = write(tmp_path, "a.eml", data)
    item = import_paths(sent_ws, [path], today=LATER).items[0]
    assert item.message_id == f"<sha256-{hashlib.sha256(data).hexdigest()}@foi.invalid>"
    assert import_paths(sent_ws, [path], today=LATER).items[0].outcome == "duplicate"


def test_unmatched_is_kept_and_can_be_assigned(sent_ws: Workspace, tmp_path: Path) -> None:
    data = make_mail("Hello", RESPONSE, sender="Someone <a@b.example>",
                     attachments=(("figures.csv", b"year,count\n2019,4\n"),))
    item = import_paths(sent_ws, [write(tmp_path, "a.eml", data)], today=LATER).items[0]
    assert item.outcome == "unmatched" and item.documents == []
    [row] = list_unmatched(sent_ws)
    assert (row["id"], row["from_addr"], row["subject"], row["guess"]) == (item.row, "a@b.example", "Hello", None)
    assert (sent_ws.root / row["path"]).read_bytes() == data
    assert row["path"].startswith("responses/_unmatched/")

    assigned = assign_message(sent_ws, str(item.row), "cautions", "kent", today=LATER)
    assert (assigned.reference, assigned.matched_by, assigned.kind) == ("FOI-CAUTIONS-0020", "hand", "responded")
    assert assigned.documents == ["responses/cautions/kent/figures.csv"]
    assert list_unmatched(sent_ws) == []
    assert not (sent_ws.root / row["path"]).exists()
    moved = sent_ws.db.execute("SELECT path FROM messages WHERE id = ?", [item.row]).fetchone()[0]
    assert moved.startswith("responses/cautions/kent/") and (sent_ws.root / moved).read_bytes() == data
    with pytest.raises(FoiError, match=f"Message {item.row} is already filed under FOI-CAUTIONS-0020"):
        assign_message(sent_ws, item.message_id, "cautions", "essex", today=LATER)
    with pytest.raises(FoiError, match="No message '999'"):
        assign_message(sent_ws, "999", "cautions", "kent", today=LATER)


def test_an_interrupted_import_is_finished_by_the_next(sent_ws: Workspace, tmp_path: Path,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    path = write(tmp_path, "a.eml", make_mail("RE: FOI-CAUTIONS-0020", ACK))
    import foi.tracking

    def crash(*args: Any, **kwargs: Any) -> int:
        raise KeyboardInterrupt

    with monkeypatch.context() as patched:
        patched.setattr(foi.tracking, "record_event", crash)
        with pytest.raises(KeyboardInterrupt):
            import_paths(sent_ws, [path], today=LATER)
    assert sent_ws.db.execute("SELECT kind FROM messages").fetchall() == [(None,)]
    item = import_paths(sent_ws, [path], today=LATER).items[0]
    assert (item.outcome, item.kind) == ("imported", "acknowledged")
    assert status(sent_ws, "kent") == "acknowledged"


# ---------------------------------------------------------------------------------------------
# Reading conservatively


def test_a_refused_move_becomes_needs_review_with_the_reason(batch_ws: Workspace, tmp_path: Path) -> None:
    # Kent's request was never marked sent, so an acknowledgement can't be recorded.
    item = import_paths(batch_ws, [write(tmp_path, "a.eml", make_mail("RE: FOI-CAUTIONS-0020", ACK))],
                        today=LATER).items[0]
    assert (item.classified, item.kind) == ("acknowledged", "needs-review")
    assert item.note == ("acknowledged not recorded: Can't record acknowledged for kent on 2026-12-14: "
                         "the request is still a draft (mark it sent first).")
    assert status(batch_ws, "kent") == "draft"
    [row] = review_queue(batch_ws)
    assert row["reference"] == "FOI-CAUTIONS-0020" and item.note in row["note"]
    assert row["evidence"].startswith("We acknowledge receipt of your request")


def test_auto_reply_does_not_change_status(sent_ws: Workspace, tmp_path: Path) -> None:
    data = make_mail("Automatic reply: Freedom of Information request FOI-CAUTIONS-0020",
                     "I am currently out of the office until Monday.", headers={"Auto-Submitted": "auto-replied"})
    item = import_paths(sent_ws, [write(tmp_path, "a.eml", data)], today=LATER).items[0]
    assert item.kind == "auto-reply" and status(sent_ws, "kent") == "sent"
    assert review_queue(sent_ws) == []


def test_review_queue_drops_what_was_dealt_with_by_hand(sent_ws: Workspace, tmp_path: Path) -> None:
    data = make_mail("RE: FOI-CAUTIONS-0020", "Please call me on 01234 567890 when you can.")
    item = import_paths(sent_ws, [write(tmp_path, "a.eml", data)], today=LATER).items[0]
    assert item.kind == "needs-review" and status(sent_ws, "kent") == "sent"
    assert [r["reference"] for r in review_queue(sent_ws)] == ["FOI-CAUTIONS-0020"]
    record_event(sent_ws.db, get_request(sent_ws.db, "cautions", "kent")["id"], "acknowledged", date(2026, 12, 20))
    assert review_queue(sent_ws) == []
    assert len(review_queue(sent_ws, include_done=True)) == 1
    assert review_queue(sent_ws, "cautions", include_done=True)[0]["event_id"] > 0


# ---------------------------------------------------------------------------------------------
# Attachments


def zip_of(files: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in files.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def test_hostile_attachment_names_are_stored_safely(sent_ws: Workspace, tmp_path: Path) -> None:
    hostile = (("../../etc/passwd", b"one"), ("/etc/shadow", b"two"), ("PLACEHOLDER.csv", b"three"))
    data = make_mail("RE: FOI-CAUTIONS-0020", RESPONSE, attachments=hostile)
    # Control characters arrive encoded in the header, where the email package can't refuse them.
    data = data.replace(b'filename="PLACEHOLDER.csv"', b'filename="=?utf-8?q?bad=07na=0Ame=0D.csv?="')
    item = import_paths(sent_ws, [write(tmp_path, "a.eml", data)], today=LATER).items[0]
    assert item.documents == ["responses/cautions/kent/passwd", "responses/cautions/kent/shadow",
                              "responses/cautions/kent/badname.csv"]
    root = sent_ws.responses_dir.resolve()
    for path in item.documents:
        assert root in (sent_ws.root / path).resolve().parents
    names = [r[0] for r in sent_ws.db.execute("SELECT original_name FROM documents ORDER BY id")]
    assert names == ["../../etc/passwd", "/etc/shadow", "bad\x07na\nme\r.csv"]  # kept as sent
    assert not Path("/etc/passwd").read_bytes() == b"one"


def test_a_zip_is_unpacked_and_a_bomb_refused(sent_ws: Workspace, tmp_path: Path) -> None:
    archive = zip_of({"outcomes.csv": b"year,count\n2019,4\n", "bomb.csv": b"0" * (30 * 1024 * 1024)})
    data = make_mail("RE: FOI-CAUTIONS-0020", RESPONSE, attachments=(("FOI 1234.zip", archive),))
    item = import_paths(sent_ws, [write(tmp_path, "a.eml", data)], today=LATER).items[0]
    assert item.documents == ["responses/cautions/kent/outcomes.csv"]
    assert len(item.refusals) == 1
    assert item.refusals[0].startswith("FOI 1234.zip: bomb.csv: refused, compression ratio")
    rows = sent_ws.db.execute("SELECT original_name, source, status FROM documents").fetchall()
    assert rows == [("FOI 1234.zip/outcomes.csv", "zip", "queued")]
    note = sent_ws.db.execute("SELECT note FROM events WHERE message_row = ?", [item.row]).fetchone()[0]
    assert "refused from zip: FOI 1234.zip: bomb.csv: refused" in note
    assert (sent_ws.responses_dir / "cautions" / "kent" / "FOI 1234.zip").read_bytes() == archive


# ---------------------------------------------------------------------------------------------
# Sources


def test_mbox_maildir_and_folders(sent_ws: Workspace, tmp_path: Path) -> None:
    box = mailbox.mbox(str(tmp_path / "replies.mbox"))
    box.add(make_mail("RE: FOI-CAUTIONS-0020", ACK, message_id="<m1@x>"))
    box.add(make_mail("RE: FOI-CAUTIONS-0013", ACK, message_id="<m2@x>", sender=ESSEX))
    box.close()
    maildir = mailbox.Maildir(str(tmp_path / "Maildir"))
    maildir.add(make_mail("RE: FOI-CAUTIONS-0011", ACK, message_id="<m3@x>"))
    folder = tmp_path / "saved"
    folder.mkdir()
    (folder / "one.eml").write_bytes(make_mail("RE: FOI-CAUTIONS-0001", ACK, message_id="<m4@x>"))
    (folder / "notes.txt").write_text("not mail")
    result = import_paths(sent_ws, [tmp_path / "replies.mbox", tmp_path / "Maildir", folder], today=LATER)
    assert [i.reference for i in result.items] == ["FOI-CAUTIONS-0020", "FOI-CAUTIONS-0013", "FOI-CAUTIONS-0011",
                                                   "FOI-CAUTIONS-0001"]
    assert result.items[0].origin.endswith("replies.mbox#1")


def test_unreadable_files_are_reported(sent_ws: Workspace, tmp_path: Path) -> None:
    bad_msg = write(tmp_path, "broken.msg", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1garbage")
    fake_msg = write(tmp_path, "fake.msg", b"hello")
    text = write(tmp_path, "note.eml", b"just some words\nwithout headers")
    result = import_paths(sent_ws, [bad_msg, fake_msg, text, tmp_path / "missing.eml"], today=LATER)
    assert result.items == []
    errors = [(Path(e["origin"]).name, e["error"].split(" (")[0]) for e in result.errors]
    assert errors == [("broken.msg", "unreadable Outlook .msg"), ("fake.msg", "not an Outlook .msg file"),
                      ("note.eml", "does not look like an e-mail message"),
                      ("missing.eml", "no such file or folder")]
    assert result.counts()["errors"] == 4


def test_outlook_msg_becomes_a_mail_with_its_headers_and_attachments(sent_ws: Workspace) -> None:
    header = EmailMessage()
    header["Message-ID"] = "<outlook-1@kent.police.uk>"
    header["In-Reply-To"] = "<foi-cautions-0020.abc@example.org>"
    msg = SimpleNamespace(
        header=header, sender="FOI Team <freedomofinformation@kent.police.uk>", to="jo@example.org",
        subject="Your request", date=None, body=RESPONSE, htmlBody=b"<p>Please find attached</p>",
        attachments=[SimpleNamespace(data=b"year,count\n", longFilename="figures.csv"),
                     SimpleNamespace(data=None, longFilename="embedded")],
    )
    data = msg_to_bytes(msg)
    item = inbox.import_message(sent_ws, data, origin="x.msg", today=LATER)
    assert (item.message_id, item.reference, item.matched_by) == ("<outlook-1@kent.police.uk>",
                                                                  "FOI-CAUTIONS-0020", "thread")
    assert item.documents == ["responses/cautions/kent/figures.csv"]


def test_iter_sources_empty_folder(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    [raw] = list(iter_sources([tmp_path / "empty"]))
    assert raw.data is None and raw.error == "no .eml, .mbox or .msg files and not a Maildir folder"


class FakeImap:
    """Enough of imaplib.IMAP4 to serve two messages."""

    def __init__(self, messages: dict[bytes, bytes]) -> None:
        self.messages = messages
        self.calls: list[tuple[Any, ...]] = []

    def select(self, mailbox: str, readonly: bool = False) -> tuple[str, list[bytes]]:
        self.calls.append(("select", mailbox, readonly))
        return ("OK", [b"2"]) if mailbox == '"INBOX"' else ("NO", [b"[NONEXISTENT] Unknown Mailbox"])

    def uid(self, command: str, *args: Any) -> tuple[str, list[Any]]:
        self.calls.append(("uid", command, *args))
        if command == "SEARCH":
            return "OK", [b" ".join(self.messages)]
        return "OK", [(b"1 (UID %s BODY[] {n}" % args[0], self.messages[args[0]]), b")"]

    def logout(self) -> None:
        self.calls.append(("logout",))


def test_imap_fetch_reads_without_marking(sent_ws: Workspace, monkeypatch: pytest.MonkeyPatch) -> None:
    fake = FakeImap({b"7": make_mail("RE: FOI-CAUTIONS-0020", ACK), b"9": make_mail(
        "RE: FOI-CAUTIONS-0013", ACK, sender=ESSEX, message_id="<e@x>")})
    config = ImapConfig(host="127.0.0.1", port=143, security="none", username="jo")
    monkeypatch.delenv("FOI_IMAP_PASSWORD", raising=False)
    with pytest.raises(FoiError, match="No IMAP password: set the FOI_IMAP_PASSWORD environment variable."):
        list(imap_messages(config, folder="INBOX", opener=lambda c, p: fake))
    monkeypatch.setenv("FOI_IMAP_PASSWORD", "pw")
    raws = list(imap_messages(config, folder="INBOX", since=date(2026, 12, 3), opener=lambda c, p: fake))
    assert [r.origin for r in raws] == ["imap://127.0.0.1/INBOX;UID=7", "imap://127.0.0.1/INBOX;UID=9"]
    assert ("uid", "SEARCH", None, "SINCE", "3-Dec-2026") in fake.calls
    assert ("uid", "FETCH", b"7", "(BODY.PEEK[])") in fake.calls and fake.calls[-1] == ("logout",)
    sent_ws.config["imap"] = {"host": "127.0.0.1", "security": "none", "username": "jo"}
    result = inbox.fetch(sent_ws, today=LATER, opener=lambda c, p: fake)
    assert [i.reference for i in result.items] == ["FOI-CAUTIONS-0020", "FOI-CAUTIONS-0013"]
    with pytest.raises(FoiError, match="No folder 'Replies' on 127.0.0.1"):
        inbox.fetch(sent_ws, today=LATER, folder="Replies", opener=lambda c, p: fake)


# ---------------------------------------------------------------------------------------------
# Issue 12: the best guess kept for review, acknowledgements and the date of receipt


UNSURE = ("Dear Jo,\n\nPlease find attached our response.\n\nIn relation to question 1, the information is exempt "
          "under section 40(2).\n\nFOI Team\n")


def _review_one(ws: Workspace, tmp_path: Path, body: str, name: str = "u.eml") -> Any:
    item = import_paths(ws, [write(tmp_path, name, make_mail("RE: FOI-CAUTIONS-0020", body))], today=LATER).items[0]
    assert item.kind == "needs-review", item.evidence
    return item


def test_an_unsure_reading_waits_for_review_with_its_best_guess(sent_ws: Workspace, tmp_path: Path) -> None:
    from foi.mail import review

    item = _review_one(sent_ws, tmp_path, UNSURE)
    assert status(sent_ws, "kent") == "sent"
    [pending] = review.pending(sent_ws)
    assert (pending.key, pending.body, pending.guess, pending.sections) == (str(item.row), "kent", "refused", ["40(2)"])
    assert 0 < pending.confidence < 0.6 and pending.evidence and pending.reasons
    decided = review.accept(sent_ws, pending.key)
    assert (decided.kind, decided.accepted, decided.status) == ("refused", True, "refused")
    request = get_request(sent_ws.db, "cautions", "kent")
    assert request["sections"] == ["40(2)"]
    event = sent_ws.db.execute("SELECT source, message_row, evidence FROM events WHERE id = ?",
                               [decided.event_id]).fetchone()
    assert (event[0], event[1]) == ("hand", item.row) and event[2]
    assert review.pending(sent_ws) == []
    with pytest.raises(FoiError, match="No reply"):
        review.accept(sent_ws, pending.key)


def test_correcting_a_guess_keeps_what_was_read_unless_told(sent_ws: Workspace, tmp_path: Path) -> None:
    from foi.mail import review

    item = _review_one(sent_ws, tmp_path, UNSURE)
    decided = review.decide(sent_ws, str(item.row), "partial")
    assert (decided.kind, decided.accepted, decided.status) == ("partial", False, "partial")
    assert get_request(sent_ws.db, "cautions", "kent")["sections"] == ["40(2)"]
    note = sent_ws.db.execute("SELECT note FROM events WHERE id = ?", [decided.event_id]).fetchone()[0]
    assert note.startswith("corrected by hand (foi read refused")
    with pytest.raises(FoiError, match="Unknown status 'maybe'"):
        review.decide(sent_ws, str(item.row), "maybe")


def test_a_reviewed_reply_can_be_set_with_its_own_fields(sent_ws: Workspace, tmp_path: Path) -> None:
    from foi.mail import review

    item = _review_one(sent_ws, tmp_path, UNSURE)
    with pytest.raises(FoiError, match="Sections go with"):
        review.decide(sent_ws, str(item.row), "responded", sections=["12"])
    review.decide(sent_ws, str(item.row), "extended", until=date(2027, 1, 29), sections=[])
    request = get_request(sent_ws.db, "cautions", "kent")
    assert (request["status"], request["due_on"]) == ("extended", "2027-01-29")
    assert sent_ws.db.execute("SELECT kind FROM messages WHERE id = ?", [item.row]).fetchone()[0] == "extended"


def test_the_reading_is_kept_with_the_message(sent_ws: Workspace, tmp_path: Path) -> None:
    import json

    item = import_paths(sent_ws, [write(tmp_path, "a.eml", make_mail("RE: FOI-CAUTIONS-0020", ACK))],
                        today=LATER).items[0]
    reading = json.loads(sent_ws.db.execute("SELECT reading FROM messages WHERE id = ?", [item.row]).fetchone()[0])
    assert (reading["kind"], reading["guess"], reading["force_reference"]) == ("acknowledged", "acknowledged",
                                                                               "2026/4412")
    assert reading["confidence"] >= 0.6 and reading["evidence"]


def test_an_acknowledgement_moves_the_due_date_only_when_it_states_the_date_of_receipt(
        sent_ws: Workspace, tmp_path: Path) -> None:
    # Sent Tue 1 Dec 2026: due Thu 31 Dec. An acknowledgement dated 14 December states nothing.
    import_paths(sent_ws, [write(tmp_path, "a.eml", make_mail("RE: FOI-CAUTIONS-0020", ACK))], today=LATER)
    kent = get_request(sent_ws.db, "cautions", "kent")
    assert (kent["status"], kent["received_on"], kent["due_on"]) == ("acknowledged", "2026-12-01", "2026-12-31")
    # Essex says it received the request on Thursday 3 December: due Wednesday 6 January 2027 (25, 28 Dec,
    # 1 Jan and 4 Jan, a Scottish bank holiday, are not working days).
    stated = ("Dear Jo,\n\nYour request for information was received by Essex Police on 03/12/2026 and has been "
              "logged under reference 7841/26. We will respond within 20 working days.\n")
    item = import_paths(sent_ws, [write(tmp_path, "b.eml", make_mail("RE: FOI-CAUTIONS-0013", stated, sender=ESSEX,
                                                                      message_id="<e1@essex.police.uk>"))],
                        today=LATER).items[0]
    essex = get_request(sent_ws.db, "cautions", "essex")
    assert item.kind == "acknowledged"
    assert (essex["received_on"], essex["due_on"], essex["force_reference"]) == ("2026-12-03", "2027-01-06", "7841/26")


def test_their_acknowledgement_of_a_review_request_is_a_note(sent_ws: Workspace, tmp_path: Path) -> None:
    kent = get_request(sent_ws.db, "cautions", "kent")["id"]
    record_event(sent_ws.db, kent, "refused", date(2026, 12, 10))
    record_event(sent_ws.db, kent, "internal-review", date(2026, 12, 11))
    body = "Dear Jo,\n\nWe have received your request for an internal review. A review will now be conducted.\n"
    item = import_paths(sent_ws, [write(tmp_path, "a.eml", make_mail("RE: FOI-CAUTIONS-0020", body))],
                        today=LATER).items[0]
    assert (item.classified, item.kind) == ("acknowledged", "note")
    assert status(sent_ws, "kent") == "internal-review"
    assert review_queue(sent_ws) == []


def test_our_own_request_quoted_without_marks_is_not_read_as_theirs(sent_ws: Workspace, tmp_path: Path) -> None:
    # The reply pastes our request (which speaks of section 12 and the cost limit) with no quoting
    # marks or heading; foi knows our words from the letter it sent.
    from foi.letters import render_letters

    ours = render_letters(sent_ws, "cautions", today=TODAY, only=["kent"])[0].text
    pasted = "\n".join(line for line in ours.split("\n") if line.strip() and not line.startswith("Our reference"))
    body = f"Dear Jo,\n\nWe have received your request, logged as 2026/4412.\n\n{pasted}\n"
    item = import_paths(sent_ws, [write(tmp_path, "a.eml", make_mail("RE: FOI-CAUTIONS-0020", body))],
                        today=LATER).items[0]
    assert item.kind == "acknowledged", item.evidence
    event = sent_ws.db.execute("SELECT sections FROM events WHERE message_row = ?", [item.row]).fetchone()[0]
    assert event == "[]"


def test_a_bare_receipt_minutes_after_our_request_is_filed_as_an_auto_reply(batch_ws: Workspace,
                                                                              tmp_path: Path) -> None:
    # Issue 12, round 7: when a receipt came counts. Our request's Date is in the message foi sent.
    from email import message_from_bytes
    from email.utils import format_datetime, parsedate_to_datetime

    from foi.mail.send import send_batch

    send_batch(batch_ws, "cautions", today=SENT, only=["essex"], outbox=tmp_path / "out", mark_sent=True)
    ours = message_from_bytes((tmp_path / "out" / "FOI-CAUTIONS-0013-essex.eml").read_bytes())
    when = parsedate_to_datetime(str(ours["Date"]))
    body = "We have received your request and you will be sent a reply within 20 working days."
    quick = make_mail("RE: Freedom of Information request FOI-CAUTIONS-0013", body, sender=ESSEX,
                      message_id="<quick@essex>", sent=format_datetime(when + timedelta(minutes=2)))
    item = import_paths(batch_ws, [write(tmp_path, "q.eml", quick)], today=LATER).items[0]
    assert item.kind == "auto-reply"
    assert status(batch_ws, "essex") == "sent"
