"""`foi mark`, `foi history`, `foi status`, `foi stats`, `foi due`, `foi due-date`, `foi calendar`."""

from __future__ import annotations

from foi.cli import app  # noqa: F401
