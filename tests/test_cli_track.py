"""`foi mark`, `history`, `status`, `stats`, `due`, `due-date`, `calendar` and `letters --only-status`."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from foi.workspace import Workspace

TODAY = "2025-11-03"


@pytest.fixture
def sent(batch_ws: Workspace, cli) -> Workspace:
    """kent, essex and surrey sent Wed 1 Oct 2025 (due Wed 29 Oct); essex refused."""
    result = cli("mark", "cautions", "kent,essex,surrey", "sent", "--on", "2025-10-01")
    assert (result.exit_code, result.output) == (0, "Recorded 3 event(s) in cautions (sent).\n")
    result = cli("mark", "cautions", "essex", "refused", "--on", "2025-10-20", "-s", "s.40(2)", "--section", "12",
                 "--ncnd", "--ref", "EX/1")
    assert (result.exit_code, result.output) == (0, "essex: refused recorded (event 4); now refused.\n")
    return batch_ws


def test_mark_one(batch_ws: Workspace, cli) -> None:
    result = cli("mark", "cautions", "kent", "sent", "--on", "2025-10-01")
    assert (result.exit_code, result.output) == (0, "kent: sent recorded (event 1); now sent, due 2025-10-29.\n")
    result = cli("mark", "cautions", "kent", "acknowledged", "--on", "2025-10-06", "--received", "2025-10-03",
                 "--ref", "KP/9", "--json")
    assert result.exit_code == 0
    data = json.loads(result.output)
    assert data["marked"] == [{"body": "kent", "reference": "FOI-CAUTIONS-0020", "event_id": 2,
                               "kind": "acknowledged", "status": "acknowledged", "due_on": "2025-10-31",
                               "row": None}]


def test_mark_errors(batch_ws: Workspace, cli) -> None:
    result = cli("mark", "cautions", "kent", "responded", "--on", "2025-10-01")
    assert (result.exit_code, result.output) == (
        1, "Error: Can't record responded for kent on 2025-10-01: the request is still a draft "
           "(mark it sent first).\n")
    result = cli("mark", "cautions", "kent", "sent", "--on", "1/10/2025")
    assert (result.exit_code, result.output) == (
        1, "Error: Bad date '1/10/2025' for --on: use YYYY-MM-DD, e.g. 2026-12-18.\n")
    result = cli("mark", "cautions", "kent")
    assert (result.exit_code, result.output) == (
        1, "Error: Say which requests and what happened: foi mark cautions SLUG STATUS (or --from-csv FILE).\n")
    result = cli("mark", "cautions", "kent,essex", "sent", "--ref", "X")
    assert (result.exit_code, result.output) == (
        1, "Error: --ref is one force's reference: mark one body at a time with it.\n")
    result = cli("mark", "cautions", "kent", "refused", "--section", "44")
    assert result.exit_code == 1 and result.output.startswith("Error: Bad FOIA section '44': use one of 12, 14,")
    result = cli("mark", "nope", "kent", "sent")
    assert (result.exit_code, result.output) == (1, "Error: Unknown batch 'nope'. Batches: cautions.\n")


def test_extension_warning_goes_to_stderr(sent: Workspace, cli) -> None:
    result = cli("mark", "cautions", "kent", "extended", "--on", "2025-10-28", "--until", "2025-12-10")
    assert result.exit_code == 0
    assert result.stdout == "kent: extended recorded (event 5); now extended, due 2025-12-10.\n"
    assert result.stderr == ("Warning: kent: the extension to 2025-12-10 makes 49 working days from receipt; "
                             "the ICO expects no more than 40 in total (20 more than the usual 20)\n")


def test_history(sent: Workspace, cli) -> None:
    cli("mark", "cautions", "essex", "correction", "--on", "2025-10-21", "--note", "it was Kent's letter",
        "--to", "sent")
    result = cli("history", "cautions", "essex")
    assert result.exit_code == 0
    lines = result.output.splitlines()
    assert lines[0] == "FOI-CAUTIONS-0013 Essex Police (cautions): sent, due 2025-10-29"
    text = result.output
    assert "voided by 5" in text and "it was Kent's letter; voids 4" in text and "s.40(2), s.12; NCND; ref EX/1" in text
    data = json.loads(cli("history", "cautions", "essex", "--json").output)
    assert [(e["id"], e["kind"], e["voided_by"]) for e in data["events"]] == [
        (2, "sent", None), (4, "refused", 5), (5, "correction", None)]
    assert data["state"]["status"] == "sent" and data["state"]["sections"] == []
    result = cli("history", "cautions", "nowhere")
    assert (result.exit_code, result.output) == (
        1, "Error: Not in batch 'cautions': nowhere. See `foi batch show cautions`.\n")


def test_history_shows_the_sentence_behind_an_automatic_event(sent: Workspace, cli) -> None:
    from datetime import date

    from foi.batches import get_request
    from foi.tracking import record_event

    kent = get_request(sent.db, "cautions", "kent")
    sentence = "We estimate that complying with your request would exceed the appropriate limit of 18 hours."
    record_event(sent.db, kent["id"], "refused", date(2025, 10, 24), source="mail", sections=["12"],
                 evidence=sentence)
    result = cli("history", "cautions", "kent")
    assert result.exit_code == 0
    assert result.output.endswith(f'Why:\n  #5 refused: "{sentence}"\n')


def test_status_json_reports_overdue_exactly(sent: Workspace, cli) -> None:
    result = cli("status", "cautions", "--json", "--today", "2025-10-29")
    data = json.loads(result.output)
    assert data["counts"] == {"draft": 40, "sent": 2, "refused": 1}
    result = cli("status", "cautions", "--json", "--today", "2025-10-30")
    data = json.loads(result.output)
    assert data["counts"] == {"draft": 40, "refused": 1, "overdue": 2}
    first = data["requests"][0]
    assert first == {
        "batch": "cautions", "body": "kent", "body_name": "Kent Police", "status": "overdue",
        "recorded_status": "sent", "sent_on": "2025-10-01", "received_on": "2025-10-01", "due_on": "2025-10-29",
        "working_days_left": 0, "working_days_overdue": 1, "reference": "FOI-CAUTIONS-0020",
        "force_reference": None, "sections": [], "ncnd": False, "last_event_on": "2025-10-01", "act": "FOIA",
        "review_by": None, "complain_by": None, "act_by": None, "act_step": None, "act_days_left": None}
    essex = next(r for r in data["requests"] if r["body"] == "essex")
    assert (essex["sections"], essex["ncnd"], essex["force_reference"]) == (["40(2)", "12"], True, "EX/1")
    # Refused on 20 Oct: an internal review may be asked for until the 40th working day after.
    assert (essex["review_by"], essex["act_by"], essex["act_step"], essex["act_days_left"]) == (
        "2025-12-16", "2025-12-16", "review", 32)
    only = json.loads(cli("status", "--only", "overdue", "--json", "--today", "2025-10-30").output)
    assert [r["body"] for r in only["requests"]] == ["kent", "surrey"]
    result = cli("status", "--only", "late", "--today", "2025-10-30")
    assert result.exit_code == 1 and result.output.startswith("Error: Unknown status 'late' for --only: use draft,")


def test_status_table_is_plain_when_piped(sent: Workspace, cli) -> None:
    result = cli("status", "cautions", "--today", TODAY, "--only", "overdue,refused")
    assert result.exit_code == 0
    assert result.output == (
        "cautions on 2025-11-03: 3 request(s): 1 refused, 2 overdue\n"
        "body    status   sent        due         working days  their ref  sections   NCND  last activity  "
        "our deadline\n"
        "kent    overdue  2025-10-01  2025-10-29  3 overdue     -          -          -     2025-10-01     -\n"
        "surrey  overdue  2025-10-01  2025-10-29  3 overdue     -          -          -     2025-10-01     -\n"
        "essex   refused  2025-10-01  2025-10-29  -             EX/1       40(2), 12  yes   2025-10-20     "
        "review by 2025-12-16 (30 left)\n")
    assert "\x1b[" not in result.output


def test_stats_counts_agree_with_the_board(sent: Workspace, cli) -> None:
    board = json.loads(cli("status", "cautions", "--json", "--today", TODAY).output)
    data = json.loads(cli("stats", "cautions", "--json", "--today", TODAY).output)
    assert data["by_status"] == board["counts"]
    assert data["refusals_by_section"] == {"12": 1, "40": 1}
    assert (data["on_time"], data["late"], data["on_time_rate"]) == (1, 2, 0.333)
    assert [s["body"] for s in data["still_silent"]] == ["kent", "surrey"]
    result = cli("stats", "cautions", "--today", TODAY)
    assert result.output.splitlines()[:4] == [
        "cautions on 2025-11-03: 43 request(s)",
        "  by status: 40 draft, 1 refused, 2 overdue",
        "  refusals by section: s.12 1, s.40 1; NCND 1",
        "  on time: 1 of 3 (33%); replies so far 1",
    ]


def test_due(sent: Workspace, cli) -> None:
    result = cli("due", "--today", "2025-10-27", "--within", "2", "--json")
    data = json.loads(result.output)
    assert [(r["body"], r["working_days_left"]) for r in data["requests"]] == [("kent", 2), ("surrey", 2)]
    result = cli("due", "--today", "2025-10-27", "--within", "1")
    assert result.output == "Overdue or due within 1 working day(s) of 2025-10-27: 0 request(s)\n"
    result = cli("due", "--today", "2025-10-30")
    assert result.output.endswith("Chase them: foi letters BATCH --template chaser --only-status overdue\n")


def test_due_date(cli) -> None:
    result = cli("due-date", "2026-12-18")
    assert (result.exit_code, result.output) == (
        0, "2027-01-21 (Thursday 21 January 2027): working day 20 after receipt on 2026-12-18 under FOIA.\n")
    explained = cli("due-date", "2026-12-18", "--act", "FOISA", "--explain").output
    assert "2027-01-04 Mon  not counted: substitute day for 2 January" in explained
    data = json.loads(cli("due-date", "2026-04-02", "--act", "foisa", "--json").output)
    assert (data["due"], data["act"], data["skipped"][0]) == (
        "2026-05-01", "FOISA", {"day": "2026-04-03", "reason": "Good Friday"})
    sent = cli("due-date", "2026-12-04 18:30", "--sent", "--explain").output
    assert ("Date of receipt: the request was sent at 18:30 on Friday 4 December 2026, after working hours (they "
            "end at 17:00): received on the next working day, Monday 7 December 2026.") in sent
    assert "Due: Friday 8 January 2027 (2027-01-08), working day 20." in sent
    weekend = json.loads(cli("due-date", "2026-12-05", "--sent", "--json").output)
    assert (weekend["sent"], weekend["received"], weekend["due"]) == ("2026-12-05", "2026-12-07", "2027-01-08")
    assert cli("due-date", "2026-12-05 18:30").exit_code == 1  # a time only goes with --sent
    result = cli("due-date", "2026-02-30")
    assert result.exit_code == 1 and result.output.startswith("Error: Bad date '2026-02-30' for the received date")


def test_due_date_outside_a_workspace(runner, tmp_path: Path, monkeypatch) -> None:
    from foi.cli import app

    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("FOI_WORKSPACE", raising=False)
    result = runner.invoke(app, ["due-date", "2025-10-01"])
    assert (result.exit_code, result.output) == (
        0, "2025-10-29 (Wednesday 29 October 2025): working day 20 after receipt on 2025-10-01 under FOIA.\n")


def test_mark_from_csv_cli(batch_ws: Workspace, cli, tmp_path: Path) -> None:
    path = tmp_path / "marks.csv"
    path.write_text("body,status,on\nkent,sent,2025-10-01\nessex,sent,2025-10-01\nessex,clarified,2025-10-02\n")
    result = cli("mark", "cautions", "--from-csv", str(path))
    assert (result.exit_code, result.output) == (
        1, "Error: marks.csv: 1 of 3 rejected, nothing recorded: row 4 (essex): Can't record clarified for essex "
           "on 2025-10-02: the request is sent: clarified only answers a request for clarification.\n")
    assert json.loads(cli("status", "--json", "--today", TODAY).output)["counts"] == {"draft": 43}
    path.write_text("body,status,on\nkent,sent,2025-10-01\nessex,sent,2025-10-01\n")
    result = cli("mark", "cautions", "--from-csv", str(path))
    assert (result.exit_code, result.output) == (0, "Recorded 2 event(s) in cautions (sent).\n")
    result = cli("mark", "cautions", "kent", "sent", "--from-csv", str(path))
    assert (result.exit_code, result.output) == (1, "Error: Give either --from-csv FILE or SLUG STATUS, not both.\n")


def test_calendar(sent: Workspace, cli, tmp_path: Path) -> None:
    out = tmp_path / "deadlines.ics"
    result = cli("calendar", "cautions", "-o", str(out), "--today", TODAY)
    assert (result.exit_code, result.output) == (0, (
        f"Wrote 3 deadline(s) to {out}\n"
        "due         deadline   whose   body    reference          working days\n"
        "2025-10-29  reply due  theirs  kent    FOI-CAUTIONS-0020  3 overdue\n"
        "2025-10-29  reply due  theirs  surrey  FOI-CAUTIONS-0036  3 overdue\n"
        "2025-12-16  review by  ours    essex   FOI-CAUTIONS-0013  30 left\n"))  # as `foi status` says it
    status = cli("status", "cautions", "--today", TODAY, "--only", "refused").output
    assert "review by 2025-12-16 (30 left)" in status
    assert out.read_text().count("BEGIN:VEVENT") == 3
    data = json.loads(cli("calendar", "-o", str(out), "--json", "--today", TODAY).output)
    assert [e["uid"] for e in data["events"]] == ["foi-cautions-0020-reply@foi", "foi-cautions-0036-reply@foi",
                                                  "foi-cautions-0013-ask-review@foi"]
    assert data["today"] == TODAY and data["events"][2] == {
        "uid": "foi-cautions-0013-ask-review@foi", "due_on": "2025-12-16", "kind": "ask-review", "whose": "ours",
        "what": "review by", "working_days_left": 30, "batch": "cautions", "body": "essex",
        "reference": "FOI-CAUTIONS-0013", "status": "refused",
        "summary": "FOI: last day to ask for an internal review: Essex Police [FOI-CAUTIONS-0013]"}


def test_calendar_of_every_batch_shows_reviews_and_complaints(sent: Workspace, cli, tmp_path: Path) -> None:
    assert cli("mark", "cautions", "essex", "internal-review", "--on", "2025-10-22").exit_code == 0
    assert cli("mark", "cautions", "surrey", "refused", "--on", "2025-10-23", "-s", "31").exit_code == 0
    assert cli("mark", "cautions", "surrey", "internal-review", "--on", "2025-10-24").exit_code == 0
    assert cli("mark", "cautions", "surrey", "review-upheld", "--on", "2025-11-03", "-s", "31").exit_code == 0
    out = tmp_path / "all.ics"
    result = cli("calendar", "-o", str(out), "--today", "2026-01-05")
    assert (result.exit_code, result.output) == (0, (
        f"Wrote 5 deadline(s) to {out}\n"
        "due         deadline              whose   batch     body    reference          working days\n"
        "2025-10-29  reply due             theirs  cautions  kent    FOI-CAUTIONS-0020  43 overdue\n"
        "2025-11-19  review due            theirs  cautions  essex   FOI-CAUTIONS-0013  28 overdue\n"
        "2025-12-15  complain by           ours    cautions  surrey  FOI-CAUTIONS-0036  passed\n"
        "2025-12-18  review at the latest  theirs  cautions  essex   FOI-CAUTIONS-0013  8 overdue\n"
        "2026-01-29  complain by           ours    cautions  essex   FOI-CAUTIONS-0013  18 left\n"))
    # The board's "our deadline" column says the same.
    board = cli("status", "--today", "2026-01-05").output
    assert "complain by 2026-01-29 (18 left)" in board and "complain by 2025-12-15 (passed)" in board
    from icalendar import Calendar

    summaries = {str(e["UID"]): str(e["SUMMARY"]) for e in Calendar.from_ical(out.read_bytes()).walk("VEVENT")}
    assert summaries["foi-cautions-0036-complaint@foi"] == (
        "FOI: last day to complain to the ICO: Surrey Police [FOI-CAUTIONS-0036]")
    assert summaries["foi-cautions-0013-review-latest@foi"] == (
        "FOI internal review at the latest: Essex Police [FOI-CAUTIONS-0013]")


@pytest.mark.parametrize(("args", "message"), [
    (["calendar", "nope"], "Unknown batch 'nope'. Batches: cautions."),
    (["calendar", "--today", "2025-13-01"], "Bad date '2025-13-01' for --today: "),
    (["calendar", "-o", "."], ". is a folder: give --out a file name, e.g. deadlines.ics."),
])
def test_calendar_bad_input(sent: Workspace, cli, args: list[str], message: str) -> None:
    result = cli(*args)
    assert (result.exit_code, result.stdout) == (1, "")
    assert result.stderr.startswith(f"Error: {message}") and result.stderr.count("\n") == 1


def test_letters_only_status(sent: Workspace, cli, tmp_path: Path) -> None:
    out = tmp_path / "chasers"
    result = cli("letters", "cautions", "--template", "chaser", "--only-status", "overdue", "--today", TODAY,
                 "-o", str(out))
    assert (result.exit_code, result.output) == (0, f"Wrote 2 letter(s) to {out}/\n")
    names = sorted(p.name for p in out.iterdir())
    assert names == ["FOI-CAUTIONS-0020-kent-chaser.txt", "FOI-CAUTIONS-0036-surrey-chaser.txt"]
    assert "A reply was due by 29 October 2025" in (out / names[0]).read_text()
    result = cli("letters", "cautions", "--template", "chaser", "--only-status", "overdue", "--today", "2025-10-29",
                 "-o", str(tmp_path / "none"))
    assert result.output == f"Wrote 0 letter(s) to {tmp_path / 'none'}/\n"
    result = cli("letters", "cautions", "--only-status", "late", "-o", str(out))
    assert result.exit_code == 1 and result.output.startswith("Error: Unknown status 'late' for --only-status")


def test_status_does_not_import_file_parsers(sent: Workspace) -> None:
    code = ("import sys\nfrom foi.cli import app\n"
            f"try:\n    app(['-w', {str(sent.root)!r}, 'status', '--json', '--today', '2025-11-03'])\n"
            "except SystemExit:\n    pass\n"
            "heavy = ('pdfplumber', 'python_calamine', 'openpyxl', 'docx', 'rapidfuzz', 'pandas', 'icalendar')\n"
            "print('HEAVY:' + ','.join(m for m in heavy if m in sys.modules))\n")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.splitlines()[-1] == "HEAVY:"
    assert '"overdue": 2' in done.stdout
