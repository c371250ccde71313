"""The fault matrix of issue 13: kill -9 at random points, a full disk, two commands at once,
crafted files. Reports messages lost or sent twice, figures doubled or lost, tracebacks, and
the peak memory and time of each crafted file.

    python bench/bench_faults.py                # the whole matrix (several minutes)
    python bench/bench_faults.py --kills 5      # fewer kills per command
    python bench/bench_faults.py --json out.json

Every foi command runs as its own process (`python -m foi`), exactly as a user runs it. A killed
command is run again until it finishes, as a user would; in-doubt sends are settled the way the
README says (the server's copy decides: `foi mark ... sent` or `--retry-unconfirmed`).
tests/test_faults.py holds a fast subset of the same cases.
"""

from __future__ import annotations

import argparse
import json
import mailbox
import os
import random
import signal
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

import crafted  # noqa: E402

ENV = dict(os.environ, PYTHONPATH=str(ROOT), FOI_BUSY_TIMEOUT="600")


def foi(ws: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "foi", "-w", str(ws), *args], capture_output=True, text=True,
                          env=ENV, timeout=900)


def start(ws: Path, *args: str) -> subprocess.Popen[str]:
    return subprocess.Popen([sys.executable, "-m", "foi", "-w", str(ws), *args], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, env=ENV)


class Tally:
    def __init__(self) -> None:
        self.tracebacks: list[str] = []
        self.runs = 0
        self.kills = 0

    def check(self, what: str, stderr: str) -> None:
        self.runs += 1
        if "Traceback" in stderr:
            self.tracebacks.append(f"{what}: {stderr[-1500:]}")


def workspace(folder: Path) -> Path:
    from foi.batches import create_batch
    from foi.workspace import init_workspace

    ws = init_workspace(folder, name="Jo Bloggs", email="jo@example.org")
    create_batch(ws, "cautions", template="request-outcomes",
                 vars={"first_year": "2019/20", "last_year": "2023/24"}, today=date(2026, 10, 1))
    ws.db.conn.close()
    return folder


def mark_all_sent(folder: Path) -> None:
    from foi.marking import mark
    from foi.workspace import find_workspace

    ws = find_workspace(folder)
    mark(ws, "cautions", ["all"], "sent", on=date(2026, 10, 1))
    ws.db.conn.close()


def reply_csv(n: int) -> bytes:
    rows = [f"{2000 + y}/{(y + 1) % 100:02d},19C,Adult caution,{(n * 7 + y * 13 + k) % 97}"
            for y in range(20) for k in range(100)]
    return ("Year,Offence,Outcome,Count\n" + "\n".join(rows) + "\n").encode()


def replies_mbox(path: Path, count: int = 43) -> Path:
    box = mailbox.mbox(str(path))
    for n in range(1, count + 1):
        box.add(crafted.mail_with_attachment(f"outcomes-{n}.csv", reply_csv(n), f"<reply-{n}@force.example>",
                                             reference=f"FOI-CAUTIONS-{n:04d}"))
    box.flush()
    box.close()
    return path


def db_counts(ws: Path) -> dict[str, int]:
    import sqlite3

    conn = sqlite3.connect(ws / "db" / "foi.db")
    try:
        one = lambda sql: conn.execute(sql).fetchone()[0]  # noqa: E731
        return {
            "messages_in": one("SELECT COUNT(*) FROM messages WHERE direction = 'in'"),
            "distinct_messages": one("SELECT COUNT(DISTINCT message_id) FROM messages WHERE direction = 'in'"),
            "documents": one("SELECT COUNT(*) FROM documents"),
            "distinct_documents": one("SELECT COUNT(DISTINCT sha256 || request_id) FROM documents"),
            "reply_events": one("SELECT COUNT(*) FROM events WHERE message_row IS NOT NULL"),
            "figures": one("SELECT COUNT(*) FROM figure_cells"),
            "sent": one("SELECT COUNT(*) FROM requests WHERE status != 'draft' AND status != 'sending'"),
            "sending": one("SELECT COUNT(*) FROM requests WHERE status = 'sending'"),
            "part_files": sum(1 for p in (ws / "responses").rglob("*") if p.name.endswith(".foi-part")),
        }
    finally:
        conn.close()


def kill_at_random(ws: Path, args: list[str], typical: float, tally: Tally, rng: random.Random,
                   kills: int) -> None:
    """Kill the command -9 at a random moment, `kills` times, then let it finish."""
    for _ in range(kills):
        proc = start(ws, *args)
        time.sleep(rng.uniform(0.05, max(typical, 0.1)))
        if proc.poll() is None:
            os.kill(proc.pid, signal.SIGKILL)
            tally.kills += 1
        _, err = proc.communicate()
        if proc.returncode != -signal.SIGKILL:
            tally.check(" ".join(args), err)


# --- the matrix ------------------------------------------------------------------------------------


def matrix_import_and_parse(base: Path, tally: Tally, rng: random.Random, kills: int) -> dict[str, Any]:
    reference = workspace(base / "reference")
    mark_all_sent(reference)
    box = replies_mbox(base / "replies.mbox")
    began = time.perf_counter()
    result = foi(reference, "inbox", "import", str(box))
    import_time = time.perf_counter() - began
    tally.check("import (reference)", result.stderr)
    began = time.perf_counter()
    tally.check("parse (reference)", foi(reference, "parse", "cautions").stderr)
    parse_time = time.perf_counter() - began
    expected = db_counts(reference)

    ws = workspace(base / "killed")
    mark_all_sent(ws)
    kill_at_random(ws, ["inbox", "import", str(box)], import_time, tally, rng, kills)
    tally.check("import (after kills)", foi(ws, "inbox", "import", str(box)).stderr)
    kill_at_random(ws, ["parse", "cautions"], parse_time, tally, rng, kills)
    tally.check("parse (after kills)", foi(ws, "parse", "cautions").stderr)
    got = db_counts(ws)
    return {
        "expected": expected, "got": got,
        "messages_lost": expected["distinct_messages"] - got["distinct_messages"],
        "messages_doubled": got["messages_in"] - got["distinct_messages"],
        "documents_doubled": got["documents"] - expected["documents"],
        "figures_doubled_or_lost": got["figures"] - expected["figures"],
        "part_files_left": got["part_files"],
    }


def matrix_send(base: Path, tally: Tally, rng: random.Random, kills: int) -> dict[str, Any]:
    from aiosmtpd.controller import Controller

    class Sink:
        def __init__(self) -> None:
            self.references: list[str] = []

        async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
            import asyncio
            import email

            message = email.message_from_bytes(envelope.original_content)
            self.references.append(message["X-FOI-Reference"])
            # A server that takes a moment to answer: the message is here, the client doesn't know
            # yet, and a kill in that moment leaves the request in doubt.
            await asyncio.sleep(0.1)
            return "250 OK"

    sink = Sink()
    port = crafted.free_port()
    controller = Controller(sink, hostname="127.0.0.1", port=port)
    controller.start()
    try:
        ws = workspace(base / "send")
        config = ws / "foi.toml"
        config.write_text(config.read_text().replace('host = ""\nport = 587\nsecurity = "starttls"',
                                                     f'host = "127.0.0.1"\nport = {port}\nsecurity = "none"', 1))
        probe = workspace(base / "send-probe")
        (probe / "foi.toml").write_text(config.read_text())
        began = time.perf_counter()
        tally.check("send (timing)", foi(probe, "send", "cautions").stderr)
        typical = time.perf_counter() - began
        sink.references.clear()
        kill_at_random(ws, ["send", "cautions"], typical, tally, rng, kills)
        # Settle what is in doubt the way the README says: the server's copy decides.
        import sqlite3

        conn = sqlite3.connect(ws / "db" / "foi.db")
        doubtful = conn.execute("SELECT body, reference FROM requests WHERE status = 'sending'").fetchall()
        conn.close()
        for body, reference in doubtful:
            if reference in sink.references:
                tally.check("mark sent", foi(ws, "mark", "cautions", body, "sent").stderr)
        result = foi(ws, "send", "cautions", "--retry-unconfirmed")
        tally.check("send (after kills)", result.stderr)
        delivered = list(sink.references)
        sink.references.clear()
        # Two sends of the same batch at once: one sends, the other says another is running.
        other = workspace(base / "send-twice")
        (other / "foi.toml").write_text(config.read_text())
        first = start(other, "send", "cautions", "--delay", "0.05")
        time.sleep(1.0)
        second = foi(other, "send", "cautions")
        _, err = first.communicate()
        tally.check("send (first of two)", err)
        tally.check("send (second of two)", second.stderr)
        got = db_counts(ws)
        counts = {ref: delivered.count(ref) for ref in set(delivered)}
        twice = {ref: sink.references.count(ref) for ref in set(sink.references)}
        return {
            "delivered": len(delivered), "distinct": len(counts), "recorded_sent": got["sent"],
            "left_in_doubt": got["sending"], "settled_by_hand": len(doubtful),
            "sent_twice": sum(1 for n in counts.values() if n > 1),
            "lost": 43 - len(counts),
            "two_at_once_delivered": len(sink.references),
            "two_at_once_sent_twice": sum(1 for n in twice.values() if n > 1),
            "second_send_exit": second.returncode,
            "second_send_said": second.stderr.strip()[:120],
        }
    finally:
        controller.stop()


def matrix_concurrent(base: Path, tally: Tally) -> dict[str, Any]:
    ws = workspace(base / "together")
    mark_all_sent(ws)
    box = replies_mbox(base / "together.mbox")
    procs = [start(ws, "inbox", "import", str(box)) for _ in range(2)]
    for proc in procs:
        _, err = proc.communicate()
        tally.check("import (two at once)", err)
    parse = start(ws, "parse", "cautions")
    extra = replies_mbox(base / "more.mbox", 10)
    result = foi(ws, "inbox", "import", str(extra))
    tally.check("import (during parse)", result.stderr)
    _, err = parse.communicate()
    tally.check("parse (during import)", err)
    got = db_counts(ws)
    return {"messages": got["messages_in"], "distinct": got["distinct_messages"], "documents": got["documents"],
            "reply_events": got["reply_events"],
            "errors": sum(1 for e in tally.tracebacks if "locked" in e or "UNIQUE" in e)}


def matrix_disk_full(base: Path, tally: Tally) -> dict[str, Any]:
    if not (sys.platform.startswith("linux") and os.geteuid() == 0):
        return {"skipped": "needs root on Linux to mount a small tmpfs"}
    mount = base / "disk"
    mount.mkdir()
    if subprocess.run(["mount", "-t", "tmpfs", "-o", "size=8m", "tmpfs", str(mount)]).returncode != 0:
        return {"skipped": "mount not allowed"}
    try:
        ws = workspace(mount / "w")
        mark_all_sent(ws)
        box = replies_mbox(base / "full.mbox", 20)
        filler = mount / "filler"
        with filler.open("wb") as fh:
            try:
                while True:
                    fh.write(b"\0" * 65536)
            except OSError:
                pass
        outcomes = {}
        for name, args in (("import", ["inbox", "import", str(box)]), ("parse", ["parse", "cautions"]),
                           ("mark", ["mark", "cautions", "kent", "acknowledged"])):
            result = foi(ws, *args)
            tally.check(f"{name} (disk full)", result.stderr)
            outcomes[name] = {"exit": result.returncode, "said": result.stderr.strip()[:160]}
        filler.unlink()
        tally.check("import (space again)", foi(ws, "inbox", "import", str(box)).stderr)
        tally.check("parse (space again)", foi(ws, "parse", "cautions").stderr)
        got = db_counts(ws)
        outcomes["after"] = {"messages": got["messages_in"], "distinct": got["distinct_messages"],
                             "figures": got["figures"], "part_files": got["part_files"]}
        return outcomes
    finally:
        subprocess.run(["umount", "-l", str(mount)])


CRAFTED = [
    ("xlsx: 40 x <col max=2147483647 hidden>", lambda d: crafted.xlsx_col_bomb(d / "cols.xlsx", 40)),
    ("xlsx: 1 GB of whitespace (1 MB file)", lambda d: crafted.xlsx_whitespace_bomb(d / "ws1g.xlsx", 1024)),
    ("xlsx: 190 MB of whitespace in one tag", lambda d: crafted.xlsx_whitespace_bomb(d / "ws190.xlsx", 190)),
    ("xlsx: cells at A1 and XFD200000", lambda d: crafted.xlsx_far_cells(d / "far.xlsx")),
    ("xlsx: A1 and XFD1048576, 150 MB apart", lambda d: crafted.xlsx_far_cells_padded(d / "padded.xlsx", 150)),
    ("xlsx: unnumbered cells far apart", lambda d: crafted.xlsx_far_cells_unnumbered(d / "unnumbered.xlsx")),
    ("xlsx: 8,000,000 cells (128 MB of XML)", lambda d: crafted.xlsx_many_cells(d / "many.xlsx", 1_000_000)),
    ("xlsx: 2,600,000 cells (under the cap)", lambda d: crafted.xlsx_many_cells(d / "under.xlsx", 325_000)),
    ("xlsx: 2,900,000 rows of one cell", lambda d: crafted.xlsx_many_cells(d / "tall.xlsx", 2_900_000, 1)),
    ("xlsx: 1,450,000 rows of one cell (under)", lambda d: crafted.xlsx_many_cells(d / "tall2.xlsx", 1_450_000, 1)),
    ("ods: a value repeated 100,000,000 times", lambda d: crafted.ods_repeat_bomb(d / "bomb.ods")),
    ("ods: empty cells repeated to the edge", lambda d: crafted.ods_padded_to_the_edge(d / "edge.ods")),
    ("xlsx: a 1 MB shared string in 400 cells", lambda d: crafted.xlsx_shared_string_bomb(d / "sst.xlsx", 1024, 400)),
    (".docx: 1 GB document.xml", lambda d: crafted.docx_bomb(d / "bomb.docx", 1024)),
    (".docx: 45 MB of spaces in one text node", lambda d: crafted.docx_bomb(d / "bomb45.docx", 45)),
    ("PDF: 2,000 pages", lambda d: crafted.pdf_pages(d / "p2000.pdf", 2000)),
    ("PDF: 900 pages (under the cap)", lambda d: crafted.pdf_pages(d / "p900.pdf", 900)),
    ("HTML: tables nested 100,000 deep", lambda d: crafted.html_deep(d / "deep.html", 100_000)),
    ("HTML: 2,000 cells of 1000x1000 spans", lambda d: crafted.html_spans(d / "spans.html", 2000)),
    ("HTML: 100 MB table", lambda d: crafted.html_huge(d / "huge.html", 100)),
    ("HTML: 9 MB table", lambda d: crafted.html_huge(d / "big.html", 9)),
    ("CSV: NUL bytes", lambda d: crafted.csv_with_nuls(d / "nul.csv")),
]

IMPORT_PROBE = """
import json, sys
from datetime import date
from foi.mail.inbox import import_raw
from foi.mail.sources import RawMessage
from foi.workspace import find_workspace
ws = find_workspace({ws!r})
data = open({path!r}, "rb").read()
result = import_raw(ws, [RawMessage(data, "probe")], today=date(2026, 11, 21))
print(json.dumps([(i.outcome, i.note) for i in result.items]))
"""

CRAFTED_MAIL = [
    ("mail: CR/LF in the From display name", lambda d: crafted.mail_crlf_display_name()),
    ("mail: broken MIME", lambda d: crafted.mail_broken_mime()),
    ("mail: unknown charset", lambda d: crafted.mail_bad_charset()),
    ("mail: 100,000 header fields", lambda d: crafted.mail_huge_headers()),
    ("mail: multipart nested 3,000 deep", lambda d: crafted.mail_deep_multipart()),
    ("mail: a 2,000-page PDF attached", lambda d: crafted.mail_with_attachment(
        "long.pdf", crafted.pdf_pages(d / "att.pdf", 2000).read_bytes(), "<pdf@x>")),
    ("mail: a zip bomb attached (1 GB)", lambda d: crafted.mail_with_attachment(
        "bomb.zip", crafted.zip_bomb(d / "att.zip", 1024).read_bytes(), "<zip@x>")),
    ("mail: a .docx bomb attached", lambda d: crafted.mail_with_attachment(
        "bomb.docx", crafted.docx_bomb(d / "att.docx", 1024).read_bytes(), "<docx@x>")),
]


def matrix_crafted(base: Path, tally: Tally) -> list[dict[str, Any]]:
    rows = []
    for label, make in CRAFTED:
        path = make(base)
        began = time.perf_counter()
        code, out, err, peak = crafted.run_child(crafted.READ_PROBE.format(path=str(path)))
        seconds = time.perf_counter() - began
        tally.check(label, err)
        result = json.loads(out.strip().splitlines()[-1]) if code == 0 and out.strip() else {"status": f"died {code}"}
        rows.append({"file": label, "bytes": path.stat().st_size, "status": result.get("status"),
                     "said": (result.get("error") or "; ".join(result.get("warnings") or []))[:110],
                     "peak_mb": round(peak), "seconds": round(seconds, 2)})
        path.unlink()
    ws = workspace(base / "mailws")
    mark_all_sent(ws)
    for label, make in CRAFTED_MAIL:
        path = base / "probe.eml"
        path.write_bytes(make(base))
        began = time.perf_counter()
        code, out, err, peak = crafted.run_child(IMPORT_PROBE.format(ws=str(ws), path=str(path)))
        seconds = time.perf_counter() - began
        tally.check(label, err)
        result = json.loads(out.strip().splitlines()[-1]) if code == 0 and out.strip() else [[f"died {code}", ""]]
        rows.append({"file": label, "bytes": path.stat().st_size, "status": result[0][0],
                     "said": (result[0][1] or "")[:110], "peak_mb": round(peak), "seconds": round(seconds, 2)})
    return rows


def matrix_xlsx_check(base: Path, tally: Tally, rounds: int = 3) -> dict[str, Any]:
    """What checking an xlsx before calamine costs: the check against calamine's own read of the
    same sheet (2,800,000 numbered cells, as Excel writes them, and the same without references),
    interleaved rounds, medians."""
    import statistics
    import zipfile

    import python_calamine as pc

    from foi.readers._sheet_limits import extent_problem

    numbered = base / "numbered.xlsx"
    row_cells = "".join(f'<c r="{c}{{r}}"><v>{{r}}</v></c>' for c in "ABCDEFGH")
    with zipfile.ZipFile(numbered, "w", zipfile.ZIP_DEFLATED) as zf:
        crafted._package(zf)
        with zf.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as fh:
            fh.write((crafted._SHEET_HEAD + "<sheetData>").encode())
            for start in range(1, 350_001, 10_000):
                fh.write("".join(f'<row r="{r}">' + row_cells.format(r=r) + "</row>"
                                 for r in range(start, start + 10_000)).encode())
            fh.write(b"</sheetData></worksheet>")
    unnumbered = crafted.xlsx_many_cells(base / "unnumbered.xlsx", 350_000)
    out: dict[str, Any] = {}
    for label, path in (("numbered", numbered), ("unnumbered", unnumbered)):
        checks, reads = [], []
        for _ in range(rounds):
            began = time.perf_counter()
            problem = extent_problem(path)
            checks.append(time.perf_counter() - began)
            began = time.perf_counter()
            with pc.CalamineWorkbook.from_path(str(path)) as wb:
                wb.get_sheet_by_index(0).to_python()
            reads.append(time.perf_counter() - began)
        check, read = statistics.median(checks), statistics.median(reads)
        out[label] = {"refused": problem, "check_s": round(check, 2), "calamine_s": round(read, 2),
                      "ratio": round(check / read, 2)}
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--kills", type=int, default=8, help="kill -9 this many times per command")
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument("--json", type=Path, help="also write the results here")
    parser.add_argument("--only", help="run only these parts: import_and_parse,send,concurrent,disk_full,crafted,"
                        "xlsx_check")
    args = parser.parse_args()
    rng = random.Random(args.seed)
    tally = Tally()
    results: dict[str, Any] = {}
    with tempfile.TemporaryDirectory(prefix="foi-faults-") as tmp:
        base = Path(tmp)
        for name, run in (("import_and_parse", lambda d: matrix_import_and_parse(d, tally, rng, args.kills)),
                          ("send", lambda d: matrix_send(d, tally, rng, args.kills)),
                          ("concurrent", lambda d: matrix_concurrent(d, tally)),
                          ("disk_full", lambda d: matrix_disk_full(d, tally)),
                          ("crafted", lambda d: matrix_crafted(d, tally)),
                          ("xlsx_check", lambda d: matrix_xlsx_check(d, tally))):
            if args.only and name not in args.only.split(","):
                continue
            folder = base / name
            folder.mkdir()
            began = time.perf_counter()
            results[name] = run(folder)
            print(f"{name}: done in {time.perf_counter() - began:.0f} s", file=sys.stderr)
    results["runs"], results["kills"], results["tracebacks"] = tally.runs, tally.kills, tally.tracebacks
    report(results)
    if args.json:
        args.json.write_text(json.dumps(results, indent=2))


def report(results: dict[str, Any]) -> None:
    print(f"commands run: {results['runs']}, killed with -9: {results['kills']}")
    if "import_and_parse" in results:
        report_import(results["import_and_parse"])
    if "send" in results:
        report_send(results["send"])
    if "concurrent" in results:
        cc = results["concurrent"]
        print(f"two imports at once, then an import during parse: {cc['messages']} messages ({cc['distinct']} "
              f"distinct), {cc['documents']} documents, {cc['reply_events']} reply events")
    if "disk_full" in results:
        print(f"disk full: {json.dumps(results['disk_full'])}")
    print(f"tracebacks: {len(results['tracebacks'])}")
    for tb in results["tracebacks"]:
        print("  " + tb.replace("\n", "\n  "))
    if "xlsx_check" in results:
        print("\nchecking an xlsx before calamine (2,800,000 cells; medians of interleaved rounds):")
        for label, row in results["xlsx_check"].items():
            print(f"  {label:11} check {row['check_s']} s, calamine {row['calamine_s']} s: {row['ratio']}x "
                  f"({'refused' if row['refused'] else 'read'})")
    if "crafted" in results:
        print("\ncrafted files (each read in a fresh process):")
        print(f"  {'file':44} {'size':>11} {'status':>11} {'peak MB':>8} {'s':>7}  said")
        for row in results["crafted"]:
            print(f"  {row['file']:44} {row['bytes']:>11,} {row['status']:>11} {row['peak_mb']:>8} "
                  f"{row['seconds']:>7}  {row['said']}")


def report_import(ip: dict[str, Any]) -> None:
    print(f"import/parse after kills: {ip['messages_lost']} messages lost, {ip['messages_doubled']} doubled, "
          f"{ip['documents_doubled']} documents doubled, figures off by {ip['figures_doubled_or_lost']} "
          f"(expected {ip['expected']['figures']}), {ip['part_files_left']} part files left")


def report_send(send: dict[str, Any]) -> None:
    print(f"send after kills: {send['delivered']} delivered, {send['lost']} lost, {send['sent_twice']} sent "
          f"twice, {send['recorded_sent']} recorded sent, {send['left_in_doubt']} left in doubt "
          f"({send['settled_by_hand']} in doubt settled from the server's copy)")
    print(f"two sends of one batch at once: {send['two_at_once_delivered']} delivered, "
          f"{send['two_at_once_sent_twice']} twice; the second exited {send['second_send_exit']} saying "
          f"{send['second_send_said']!r}")


if __name__ == "__main__":
    main()
