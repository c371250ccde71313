"""Datasette metadata and `foi browse`."""

from __future__ import annotations

import asyncio
import json
import subprocess
import sys
from typing import Any

import pytest

import foi.datasette as ds_mod
from foi.datasette import metadata, write_metadata
from foi.workspace import Workspace
from tests.test_export import seed


def test_metadata_describes_every_table_and_view(batch_ws: Workspace) -> None:
    meta = metadata(batch_ws)
    tables = meta["databases"]["foi"]["tables"]
    real = {r[0] for r in batch_ws.db.conn.execute("SELECT name FROM sqlite_master WHERE type IN ('table', 'view')")}
    assert set(tables) == real
    assert tables["requests"]["facets"] == ["status", "batch", "body", {"array": "sections"}, "ncnd"]
    assert tables["meta"] == {"hidden": True}
    for name, table in tables.items():
        for column in table.get("columns", {}):
            assert column in {c.name for c in batch_ws.db[name].columns}, (name, column)
        for facet in table.get("facets", []):
            column = facet["array"] if isinstance(facet, dict) else facet
            assert column in {c.name for c in batch_ws.db[name].columns}, (name, column)


def test_write_metadata_is_json_next_to_the_db(batch_ws: Workspace) -> None:
    path = write_metadata(batch_ws)
    assert path == batch_ws.root / "db" / "metadata.json"
    assert json.loads(path.read_text(encoding="utf-8")) == metadata(batch_ws)
    assert [p.name for p in path.parent.iterdir() if p.name.startswith(".")] == []


def test_datasette_loads_the_database_and_metadata(batch_ws: Workspace) -> None:
    app = pytest.importorskip("datasette.app")
    seed(batch_ws)
    meta = json.loads(write_metadata(batch_ws).read_text(encoding="utf-8"))
    datasette = app.Datasette([str(batch_ws.db_path)], metadata=meta)

    async def fetch(path: str) -> Any:
        response = await datasette.client.get(path)
        assert response.status_code == 200, (path, response.text[:500])
        return response.json()

    async def run() -> tuple[Any, Any, Any, Any]:
        return (await fetch("/foi/requests.json?_size=0&_facet_size=50"),
                await fetch("/foi/figures.json?_size=0"),
                await fetch("/-/metadata.json"),
                await fetch("/foi/requests.json?status=refused&_shape=array"))

    requests, figures, served, refused = asyncio.run(run())
    facets = requests["facet_results"]
    facets = facets.get("results", facets)  # Datasette 1.0 nests them under "results"
    status = {f["value"]: f["count"] for f in facets["status"]["results"]}
    assert status == {"sent": 33, "responded": 6, "refused": 4}
    sections = {f["value"]: f["count"] for f in facets["sections"]["results"]}
    assert sections == {"30(3)": 3, "31(3)": 3, "12": 1}
    assert len(facets["body"]["results"]) == 43
    assert requests["human_description_en"] == "sorted by seq"
    figure_facets = figures["facet_results"]
    figure_facets = figure_facets.get("results", figure_facets)
    assert {f["value"] for f in figure_facets["body"]["results"]} >= {"cleveland", "cumbria"}
    assert served["title"] == f"foi: {batch_ws.root.name}"
    assert {r["body"] for r in refused} == {"derbyshire", "dorset", "durham", "essex"}


def test_browse_runs_datasette_on_localhost(batch_ws: Workspace, cli, monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[list[str]] = []

    def fake_run(command: list[str], check: bool) -> subprocess.CompletedProcess[str]:
        calls.append(command)
        assert (batch_ws.root / "db" / "metadata.json").is_file()  # written before Datasette starts
        return subprocess.CompletedProcess(command, 0)

    monkeypatch.setattr(ds_mod, "datasette_program", lambda: ["/opt/bin/datasette"])
    monkeypatch.setattr(ds_mod.subprocess, "run", fake_run)
    result = cli("browse", "--port", "8123")
    assert result.exit_code == 0, result.output
    assert result.stdout == "Datasette on http://127.0.0.1:8123/ (Ctrl+C to stop)\n"
    assert calls == [["/opt/bin/datasette", str(batch_ws.db_path), "-m", str(batch_ws.root / "db" / "metadata.json"),
                      "-h", "127.0.0.1", "-p", "8123"]]
    result = cli("browse", "--json")
    assert json.loads(result.stdout)["url"] == "http://127.0.0.1:8001/"


def test_browse_passes_on_datasette_failure(batch_ws: Workspace, cli, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ds_mod, "datasette_program", lambda: ["datasette"])
    monkeypatch.setattr(ds_mod.subprocess, "run", lambda command, check: subprocess.CompletedProcess(command, 2))
    assert cli("browse").exit_code == 2


def test_browse_without_datasette_says_how_to_install(batch_ws: Workspace, cli,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ds_mod.shutil, "which", lambda name: None)
    monkeypatch.setitem(sys.modules, "datasette", None)
    monkeypatch.setattr(ds_mod.importlib_util, "find_spec", lambda name: None)
    result = cli("browse")
    assert result.exit_code == 1
    assert result.stderr == "Error: Datasette is not installed. Install it with: pip install 'foi[datasette]'\n"


def test_browse_rejects_a_bad_port(batch_ws: Workspace, cli, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ds_mod, "datasette_program", lambda: ["datasette"])
    result = cli("browse", "--port", "70000")
    assert result.exit_code == 1
    assert result.stderr == "Error: Bad --port 70000: use a number between 1 and 65535, e.g. 8001.\n"


def test_datasette_program_prefers_the_script(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ds_mod.shutil, "which", lambda name: "/usr/local/bin/datasette")
    assert ds_mod.datasette_program() == ["/usr/local/bin/datasette"]
    monkeypatch.setattr(ds_mod.shutil, "which", lambda name: None)
    monkeypatch.setattr(ds_mod.importlib_util, "find_spec", lambda name: object())
    assert ds_mod.datasette_program() == [sys.executable, "-m", "datasette"]
