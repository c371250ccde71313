"""`foi attach`, `foi parse`, `foi figures`, `foi explain`."""

from __future__ import annotations

from foi.cli import app  # noqa: F401
