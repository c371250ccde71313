"""Reading a mail server's settings ([smtp] or [imap] in foi.toml), the same way for both."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from foi.errors import FoiError

SECURITY = ("starttls", "ssl", "none")


@dataclass(frozen=True)
class ServerSettings:
    host: str
    port: int
    security: str  # starttls | ssl | none
    username: str
    timeout: float
    where: str  # "[smtp] in /path/foi.toml", for messages


def server_settings(ws: Any, section: str, *, default_security: str, ports: dict[str, int],
                    missing_host: str) -> tuple[ServerSettings, dict[str, Any]]:
    """The validated settings of one server section, and the raw section for extra keys.

    `security` may also be given the older way, `ssl = true` or `starttls = true`; setting the
    default's own flag to false means no encryption.
    """
    raw = ws.section(section)
    where = f"[{section}] in {ws.root / 'foi.toml'}"
    host = str(raw.get("host") or "").strip()
    if not host:
        raise FoiError(f"No {section.upper()} server set: add host = \"{section}.example.org\" to {where}, "
                       f"or {missing_host}.")
    security = raw.get("security")
    if security is None:
        if raw.get("ssl") is True:
            security = "ssl"
        elif raw.get("starttls") is True:
            security = "starttls"
        else:
            security = "none" if raw.get(default_security) is False else default_security
    security = str(security).strip().lower()
    if security not in SECURITY:
        raise FoiError(f"Bad security {security!r} in {where}: use starttls, ssl or none.")
    port = raw.get("port") or ports[security]
    if not isinstance(port, int) or isinstance(port, bool) or not 0 < port < 65536:
        examples = " or ".join(f"{ports[s]} ({s})" for s in ("starttls", "ssl"))
        raise FoiError(f"Bad port {port!r} in {where}: a number such as {examples}.")
    timeout = raw.get("timeout", 30)
    if not isinstance(timeout, int | float) or isinstance(timeout, bool) or timeout <= 0:
        raise FoiError(f"Bad timeout {timeout!r} in {where}: seconds, e.g. 30.")
    settings = ServerSettings(host=host, port=port, security=security,
                              username=str(raw.get("username") or "").strip(), timeout=float(timeout), where=where)
    return settings, raw
