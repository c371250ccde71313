"""Fixtures shared by the tests: a fresh workspace, a batch, and a CLI runner."""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

import pytest
from hypothesis import settings
from typer.testing import CliRunner

from foi.batches import create_batch
from foi.cli import app
from foi.workspace import Workspace, init_workspace

# The suite must give the same verdict on every run (CI refuses a change on one unlucky draw), so
# property tests draw from a fixed seed by default; HYPOTHESIS_PROFILE=explore draws afresh each
# run, for hunting new counter-examples (each one found becomes a named regression test).
settings.register_profile("repeatable", derandomize=True, database=None)
settings.register_profile("explore", derandomize=False)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "repeatable"))

FIXTURES = Path(__file__).parent / "fixtures"
# Third-party files stay in the shared corpus beside the project root, never in the repository.
SHARED = Path(__file__).resolve().parents[1].parent / "shared"
CORPUS = SHARED / "corpus" / "real"


def corpus_at(relative: str) -> Path:
    """A file of the shared real corpus (`../shared/corpus/real/RELATIVE`); the test is skipped
    with the reason when the corpus is not beside the project, as on a user's fresh clone."""
    path = CORPUS / relative
    if not path.is_file():
        pytest.skip(f"shared corpus file not found: {path} (the corpus lives in ../shared beside the project)")
    return path


def corpus_file(name: str) -> Path:
    """The shared corpus file called NAME, wherever it sits under ../shared/corpus/real."""
    found = sorted(CORPUS.rglob(name)) if CORPUS.is_dir() else []
    if not found:
        pytest.skip(f"shared corpus file {name!r} not found under {CORPUS}")
    return found[0]
TODAY = date(2026, 11, 21)
VARS = {"first_year": "2019/20", "last_year": "2023/24"}


@pytest.fixture
def ws(tmp_path: Path) -> Workspace:
    return init_workspace(tmp_path / "w", name="Jo Bloggs", email="jo@example.org",
                          organisation="The Northern Echo", address="1 High St\nDarlington")


@pytest.fixture
def batch_ws(ws: Workspace) -> Workspace:
    """A workspace with batch `cautions`: 43 draft requests, FOI-CAUTIONS-0001..0043 in slug order."""
    create_batch(ws, "cautions", template="request-outcomes", vars=VARS, today=TODAY)
    return ws


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture
def cli(runner: CliRunner, ws: Workspace):
    """Run `foi -w <workspace> ARGS...`."""

    def invoke(*args: str, input: str | None = None):
        return runner.invoke(app, ["-w", str(ws.root), *args], input=input)

    return invoke
