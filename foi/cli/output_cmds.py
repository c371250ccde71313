"""`foi export`, `foi summary`, `foi report`, `foi browse`, `foi demo`."""

from __future__ import annotations

from foi.cli import app  # noqa: F401
