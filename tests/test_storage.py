"""`foi.storage`: safe names, storing by hash, zip limits."""

from __future__ import annotations

import io
import zipfile

import pytest
from hypothesis import given
from hypothesis import strategies as st

from foi.batches import get_request
from foi.storage import ZipLimits, is_zip, safe_name, store_file, unpack_zip
from foi.workspace import Workspace


@pytest.mark.parametrize(("name", "expected"), [
    ("Outcomes 2019-24.xlsx", "Outcomes 2019-24.xlsx"),
    ("../../etc/passwd", "passwd"),
    ("/etc/shadow", "shadow"),
    ("C:\\Windows\\system32\\evil.exe", "evil.exe"),
    ("..\\..\\boot.ini", "boot.ini"),
    ("a\x00b\x1b[31mc\n.xlsx", "ab[31mc.xlsx"),
    ("report\u202egpj.exe", "reportgpj.exe"),  # right-to-left override hides the real extension
    ("..", "file"),
    ("", "file"),
    ("   ...   ", "file"),
    (".hidden", "hidden"),
    ("data/", "file"),
    ('what?<>:"|*.csv', "what_______.csv"),
    ("CON.txt", "_CON.txt"),
    ("nul", "_nul"),
    ("x" * 300 + ".xlsx", "x" * 115 + ".xlsx"),
])
def test_safe_name(name: str, expected: str) -> None:
    assert safe_name(name) == expected


@given(st.text(max_size=300))
def test_safe_name_is_always_one_plain_component(name: str) -> None:
    result = safe_name(name)
    assert result and result not in (".", "..")
    assert "/" not in result and "\\" not in result and "\x00" not in result
    assert all(ord(ch) >= 32 and ch != "\x7f" for ch in result)
    assert len(result) <= 120
    assert not result.startswith(".")


@pytest.fixture
def kent(batch_ws: Workspace) -> dict:
    return get_request(batch_ws.db, "cautions", "kent")


@pytest.mark.parametrize("hostile", ["../../etc/passwd", "/etc/passwd", "..\\..\\passwd", "pass\x00wd\r\n"])
def test_hostile_names_are_stored_inside_responses(batch_ws: Workspace, kent: dict, hostile: str) -> None:
    stored = store_file(batch_ws, kent, b"root:x:0:0", hostile, source="mail")
    target = (batch_ws.root / stored.path).resolve()
    assert target.parent == (batch_ws.responses_dir / "cautions" / "kent").resolve()
    assert target.name == "passwd"
    assert target.read_bytes() == b"root:x:0:0"
    row = batch_ws.db.execute("SELECT original_name, status, source, size, path FROM documents WHERE id = ?",
                              [stored.document_id]).fetchone()
    assert row == (hostile, "queued", "mail", 10, stored.path.as_posix())


def test_identical_content_is_stored_once_and_nothing_is_overwritten(batch_ws: Workspace, kent: dict) -> None:
    first = store_file(batch_ws, kent, b"a,b\n1,2\n", "data.csv", source="mail", message_row=None)
    again = store_file(batch_ws, kent, b"a,b\n1,2\n", "copy of data.csv", source="attach")
    assert again.duplicate and again.document_id == first.document_id and again.path == first.path
    other = store_file(batch_ws, kent, b"a,b\n3,4\n", "data.csv", source="mail")
    assert not other.duplicate and other.path.name == "data-2.csv"
    assert (batch_ws.root / first.path).read_bytes() == b"a,b\n1,2\n"
    assert batch_ws.db.execute("SELECT COUNT(*) FROM documents").fetchone()[0] == 2
    # The same file for another request is that request's document.
    essex = get_request(batch_ws.db, "cautions", "essex")
    elsewhere = store_file(batch_ws, essex, b"a,b\n1,2\n", "data.csv", source="mail")
    assert not elsewhere.duplicate and elsewhere.path.as_posix() == "responses/cautions/essex/data.csv"


def test_a_file_left_by_a_crashed_run_is_reused(batch_ws: Workspace, kent: dict) -> None:
    folder = batch_ws.responses_dir / "cautions" / "kent"
    folder.mkdir(parents=True)
    (folder / "data.csv").write_bytes(b"same")
    stored = store_file(batch_ws, kent, b"same", "data.csv", source="mail")
    assert stored.path.name == "data.csv" and sorted(p.name for p in folder.iterdir()) == ["data.csv"]


def make_zip(files: dict[str, bytes], compression: int = zipfile.ZIP_DEFLATED) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression) as archive:
        for name, data in files.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def test_unpack_zip_keeps_paths_and_skips_folders() -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("2019/", b"")
        archive.writestr("2019/outcomes.csv", b"a,b\n1,2\n")
        archive.writestr("../../evil.csv", b"x")
    members, refusals = unpack_zip(buffer.getvalue())
    assert members == [("2019/outcomes.csv", b"a,b\n1,2\n"), ("../../evil.csv", b"x")]
    assert refusals == []


def test_zip_bomb_is_refused_with_a_reason() -> None:
    bomb = make_zip({"bomb.csv": b"0" * (20 * 1024 * 1024), "ok.csv": b"a,b\n"})
    members, refusals = unpack_zip(bomb)
    assert members == [("ok.csv", b"a,b\n")]
    assert len(refusals) == 1
    assert refusals[0].startswith("bomb.csv: refused, compression ratio ")
    assert refusals[0].endswith("is over 100:1 (a zip bomb?)")


def test_zip_limits_on_count_total_and_depth() -> None:
    many = make_zip({f"f{i}.csv": b"%d" % i for i in range(5)})
    members, refusals = unpack_zip(many, ZipLimits(max_members=3))
    assert [m[0] for m in members] == ["f0.csv", "f1.csv", "f2.csv"]
    assert refusals == [f"f{i}.csv: refused, more than 3 files in the archive" for i in (3, 4)]

    big = make_zip({"a.csv": b"x" * 600, "b.csv": b"y" * 600}, zipfile.ZIP_STORED)
    members, refusals = unpack_zip(big, ZipLimits(max_total=1000))
    assert [m[0] for m in members] == ["a.csv"]
    assert refusals == ["b.csv: refused, 600 bytes unpacked is over the limit of 400"]

    inner = make_zip({"deep.csv": b"1"})
    middle = make_zip({"inner.zip": inner, "mid.csv": b"2"})
    outer = make_zip({"middle.zip": middle, "top.csv": b"3"})
    members, refusals = unpack_zip(outer)
    assert members == [("middle.zip/mid.csv", b"2"), ("top.csv", b"3")]
    assert refusals == ["middle.zip/inner.zip: refused, archives nested deeper than 2"]
    members, refusals = unpack_zip(outer, ZipLimits(max_depth=3))
    assert ("middle.zip/inner.zip/deep.csv", b"1") in members and refusals == []


def test_a_broken_zip_is_reported() -> None:
    members, refusals = unpack_zip(b"PK\x03\x04 not really")
    assert members == [] and refusals[0].startswith("the zip: not a readable zip")


def test_office_files_are_not_unpacked() -> None:
    data = make_zip({"[Content_Types].xml": b"<x/>"})
    assert is_zip(data, "archive.zip") and is_zip(data, "noext")
    assert not is_zip(data, "figures.xlsx") and not is_zip(data, "letter.DOCX")
    assert not is_zip(b"%PDF-1.7", "letter.pdf")
