"""[smtp] and [imap] settings are read by one function; the IMAP side, its defaults and errors."""

from __future__ import annotations

from typing import Any

import pytest

from foi.errors import FoiError
from foi.mail.sources import ImapConfig, imap_config
from foi.workspace import Workspace


@pytest.mark.parametrize(("section", "expected"), [
    ({"host": "imap.x.org", "username": "jo"}, ImapConfig("imap.x.org", 993, "ssl", "jo")),
    ({"host": "imap.x.org", "username": "jo", "starttls": True}, ImapConfig("imap.x.org", 143, "starttls", "jo")),
    ({"host": "localhost", "username": "jo", "ssl": False}, ImapConfig("localhost", 143, "none", "jo")),
    ({"host": "imap.x.org", "username": "jo", "folder": "FOI", "timeout": 5},
     ImapConfig("imap.x.org", 993, "ssl", "jo", "FOI", 5.0)),
])
def test_imap_config(ws: Workspace, section: dict[str, Any], expected: ImapConfig) -> None:
    ws.config["imap"] = section
    assert imap_config(ws) == expected


@pytest.mark.parametrize(("section", "error"), [
    ({"host": ""}, "No IMAP server set: add host = \"imap.example.org\" to [imap] in"),
    ({"host": "h", "username": "jo", "security": "tls"}, "Bad security 'tls' in [imap] in"),
    ({"host": "h", "username": "jo", "port": 70000}, "Bad port 70000 in [imap] in"),
    ({"host": "h", "username": "jo", "timeout": "soon"}, "Bad timeout 'soon' in [imap] in"),
    ({"host": "h"}, "Set username in [imap] in"),
])
def test_imap_config_errors(ws: Workspace, section: dict[str, Any], error: str) -> None:
    ws.config["imap"] = section
    with pytest.raises(FoiError) as info:
        imap_config(ws)
    assert str(info.value).startswith(error)
