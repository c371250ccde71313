"""`foi send` and `foi inbox ...`."""

from __future__ import annotations

from foi.cli import app  # noqa: F401
