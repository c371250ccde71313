"""Workspace discovery, foi.toml and the database's schema version."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from foi.db import SCHEMA_VERSION, open_db
from foi.errors import FoiError
from foi.workspace import find_workspace, init_workspace


def test_init_creates_the_layout(tmp_path: Path) -> None:
    ws = init_workspace(tmp_path / "w", name="Jo", email="jo@example.org")
    for part in ("foi.toml", "db/foi.db", "templates/request-outcomes.txt.j2", "templates/chaser.txt.j2",
                 "templates/internal-review.txt.j2", "responses"):
        assert (ws.root / part).exists(), part
    assert ws.requester["email"] == "jo@example.org"
    assert ws.requester["signature"] == "Jo"


def test_init_twice_keeps_edited_config_and_templates(tmp_path: Path) -> None:
    ws = init_workspace(tmp_path / "w", name="Jo", email="jo@example.org")
    (ws.root / "templates" / "chaser.txt.j2").write_text("mine")
    init_workspace(tmp_path / "w", name="Other", email="other@example.org")
    assert find_workspace(tmp_path / "w").requester["name"] == "Jo"
    assert (ws.root / "templates" / "chaser.txt.j2").read_text() == "mine"


def test_multiline_address_round_trips_through_toml(tmp_path: Path) -> None:
    ws = init_workspace(tmp_path / "w", name='Jo "JB" Bloggs', address='1 High St\nDarlington "DL1"')
    again = find_workspace(ws.root)
    assert again.requester["name"] == 'Jo "JB" Bloggs'
    assert again.requester["address"].strip() == '1 High St\nDarlington "DL1"'


def test_workspace_from_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    ws = init_workspace(tmp_path / "w")
    monkeypatch.setenv("FOI_WORKSPACE", str(ws.root))
    assert find_workspace().root == ws.root


def test_no_workspace_suggests_init(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("FOI_WORKSPACE", raising=False)
    monkeypatch.chdir(tmp_path)
    with pytest.raises(FoiError, match="Run `foi init PATH`"):
        find_workspace()


def test_bad_toml_is_a_clear_error(tmp_path: Path) -> None:
    (tmp_path / "foi.toml").write_text("[requester\nname = 1")
    with pytest.raises(FoiError, match="not valid TOML"):
        find_workspace(tmp_path)


def test_bad_extra_holiday_is_a_clear_error(tmp_path: Path) -> None:
    ws = init_workspace(tmp_path / "w")
    config = (ws.root / "foi.toml").read_text().replace("extra_holidays = {}", 'extra_holidays = { "soon" = "x" }')
    (ws.root / "foi.toml").write_text(config)
    with pytest.raises(FoiError, match="Bad date 'soon'"):
        _ = find_workspace(ws.root).extra_holidays


def test_extra_holidays_read_as_dates(tmp_path: Path) -> None:
    ws = init_workspace(tmp_path / "w")
    config = (ws.root / "foi.toml").read_text().replace(
        "extra_holidays = {}", 'extra_holidays = { "2027-06-07" = "proclaimed" }')
    (ws.root / "foi.toml").write_text(config)
    from datetime import date
    assert find_workspace(ws.root).extra_holidays == {date(2027, 6, 7): "proclaimed"}


def test_database_records_schema_version(tmp_path: Path) -> None:
    ws = init_workspace(tmp_path / "w")
    row = ws.db.execute("SELECT value FROM meta WHERE key='schema_version'").fetchone()
    assert int(row[0]) == SCHEMA_VERSION


def test_older_database_is_upgraded_in_place(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    sqlite3.connect(path).execute("CREATE TABLE unrelated (x)").connection.commit()  # a version-0 file
    db = open_db(path)
    assert db.execute("SELECT value FROM meta WHERE key='schema_version'").fetchone()[0] == str(SCHEMA_VERSION)
    assert "bodies" in db.table_names() and "unrelated" in db.table_names()


def test_newer_database_is_refused(tmp_path: Path) -> None:
    ws = init_workspace(tmp_path / "w")
    ws.db.execute("UPDATE meta SET value = ? WHERE key = 'schema_version'", [str(SCHEMA_VERSION + 1)])
    ws.db.conn.commit()
    with pytest.raises(FoiError, match="written by a newer foi"):
        open_db(ws.db_path)


def test_not_a_database_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "foi.db"
    path.write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(FoiError, match="is not a foi database"):
        open_db(path)

