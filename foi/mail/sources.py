"""Where replies come from: .eml files, .mbox files, Maildir folders, Outlook .msg files and plain
folders of any of these. Each message comes out as RFC 5322 bytes, so the importer has one path.
"""

from __future__ import annotations

import mailbox
from collections.abc import Iterator
from dataclasses import dataclass
from email.message import EmailMessage
from email.policy import SMTP
from email.utils import format_datetime
from pathlib import Path
from typing import Any

from foi.mail.reading.dates import MONTH_ABBRS

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
MAIL_SUFFIXES = (".eml", ".msg", ".mbox", ".mbx")


@dataclass
class RawMessage:
    data: bytes | None  # None when the item could not be read; `error` says why
    origin: str  # "path", "path#3" for the third message of an mbox
    error: str | None = None


def is_maildir(path: Path) -> bool:
    return path.is_dir() and all((path / sub).is_dir() for sub in ("cur", "new"))


def iter_sources(paths: list[Path]) -> Iterator[RawMessage]:
    """Every message under `paths`; an unreadable file is yielded with its error, never skipped."""
    for path in paths:
        if not path.exists():
            yield RawMessage(None, str(path), "no such file or folder")
        elif is_maildir(path):
            yield from _maildir(path)
        elif path.is_dir():
            files = sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in MAIL_SUFFIXES)
            subdirs = sorted(p for p in path.rglob("*") if is_maildir(p))
            if not files and not subdirs:
                yield RawMessage(None, str(path), "no .eml, .mbox or .msg files and not a Maildir folder")
            for sub in subdirs:
                yield from _maildir(sub)
            for file in files:
                if not any(sub in file.parents for sub in subdirs):
                    yield from _file(file)
        else:
            yield from _file(path)


def _maildir(path: Path) -> Iterator[RawMessage]:
    box = mailbox.Maildir(str(path), factory=None, create=False)
    for key in sorted(box.iterkeys()):
        try:
            yield RawMessage(box.get_bytes(key), f"{path}#{key}")
        except OSError as exc:
            yield RawMessage(None, f"{path}#{key}", str(exc))


def _file(path: Path) -> Iterator[RawMessage]:
    try:
        with path.open("rb") as fh:
            head = fh.read(8)
    except OSError as exc:
        yield RawMessage(None, str(path), str(exc))
        return
    if head == OLE_MAGIC:
        yield _msg_file(path)
    elif path.suffix.lower() == ".msg":
        yield RawMessage(None, str(path), "not an Outlook .msg file")
    elif head.startswith(b"From ") or path.suffix.lower() in (".mbox", ".mbx"):
        box = mailbox.mbox(str(path), create=False)
        try:
            for index, key in enumerate(box.iterkeys(), start=1):
                yield RawMessage(box.get_bytes(key), f"{path}#{index}")
        finally:
            box.close()
    else:
        data = path.read_bytes()
        if not _looks_like_mail(data):
            yield RawMessage(None, str(path), "does not look like an e-mail message (no headers)")
        else:
            yield RawMessage(data, str(path))


def _looks_like_mail(data: bytes) -> bool:
    head = data[:4096].split(b"\n\n", 1)[0].split(b"\r\n\r\n", 1)[0].lower()
    return any(f"\n{h}:".encode() in b"\n" + head for h in ("from", "subject", "message-id", "date", "received"))


def _msg_file(path: Path) -> RawMessage:
    try:
        import extract_msg

        msg = extract_msg.openMsg(str(path))
    except Exception as exc:  # noqa: BLE001 - extract-msg raises many types for a broken file
        return RawMessage(None, str(path), f"unreadable Outlook .msg ({exc})")
    try:
        return RawMessage(msg_to_bytes(msg), str(path))
    except Exception as exc:  # noqa: BLE001
        return RawMessage(None, str(path), f"unreadable Outlook .msg ({exc})")
    finally:
        try:
            msg.close()
        except Exception:  # noqa: BLE001
            pass


def msg_to_bytes(msg: Any) -> bytes:
    """An Outlook message (extract-msg's object) as an RFC 5322 message with its attachments.

    The transport headers are kept when Outlook saved them, since threading (In-Reply-To) and
    the Message-ID live there."""
    out = EmailMessage(policy=SMTP)
    header = getattr(msg, "header", None)
    kept = ("Message-ID", "In-Reply-To", "References", "Auto-Submitted", "Precedence", "X-Autoreply",
            "Reply-To", "Sender")
    if header is not None:
        for name in kept:
            value = header.get(name)
            if value:
                out[name] = " ".join(str(value).split())
    for name, value in (("From", getattr(msg, "sender", None)), ("To", getattr(msg, "to", None)),
                        ("Subject", getattr(msg, "subject", None))):
        if value:
            out[name] = " ".join(str(value).split())
    when = getattr(msg, "date", None)
    if when is not None and hasattr(when, "tzinfo"):
        out["Date"] = format_datetime(when if when.tzinfo else when.astimezone())
    if "Message-ID" not in out and getattr(msg, "messageId", None):
        out["Message-ID"] = str(msg.messageId).strip()
    text = getattr(msg, "body", None) or ""
    html = getattr(msg, "htmlBody", None)
    out.set_content(str(text))
    if html:
        html_text = html.decode("utf-8", "replace") if isinstance(html, bytes) else str(html)
        out.add_alternative(html_text, subtype="html")
    for index, attachment in enumerate(getattr(msg, "attachments", []) or [], start=1):
        data = getattr(attachment, "data", None)
        if not isinstance(data, bytes):
            continue  # an embedded Outlook item: its text is not a file we can store
        name = (getattr(attachment, "longFilename", None) or getattr(attachment, "shortFilename", None)
                or f"attachment-{index}")
        out.add_attachment(data, maintype="application", subtype="octet-stream", filename=str(name))
    return bytes(out)


# ---------------------------------------------------------------------------------------------
# IMAP

IMAP_PASSWORD_ENV = "FOI_IMAP_PASSWORD"


@dataclass(frozen=True)
class ImapConfig:
    host: str
    port: int
    security: str  # ssl | starttls | none
    username: str
    folder: str = "INBOX"
    timeout: float = 30.0


def imap_config(ws: Any) -> ImapConfig:
    from foi.errors import FoiError
    from foi.mail.servers import server_settings

    settings, raw = server_settings(
        ws, "imap", default_security="ssl", ports={"ssl": 993, "starttls": 143, "none": 143},
        missing_host="save the replies as files and use `foi inbox import PATH`")
    if not settings.username:
        raise FoiError(f"Set username in {settings.where} (and the password in {IMAP_PASSWORD_ENV}).")
    return ImapConfig(host=settings.host, port=settings.port, security=settings.security,
                      username=settings.username, folder=str(raw.get("folder") or "INBOX"),
                      timeout=settings.timeout)


def imap_connect(config: ImapConfig, password: str) -> Any:
    """A logged-in IMAP connection; FoiError (without the password) when that fails."""
    import imaplib
    import ssl

    from foi.errors import FoiError
    from foi.mail.send import redact

    where = f"{config.host}:{config.port}"
    try:
        if config.security == "ssl":
            conn = imaplib.IMAP4_SSL(config.host, config.port, ssl_context=ssl.create_default_context(),
                                     timeout=config.timeout)
        else:
            conn = imaplib.IMAP4(config.host, config.port, timeout=config.timeout)
            if config.security == "starttls":
                conn.starttls(ssl_context=ssl.create_default_context())
        conn.login(config.username, password)
        return conn
    except imaplib.IMAP4.error as exc:
        raise FoiError(f"IMAP login as {config.username} to {where} failed: {redact(str(exc), password)}. "
                       f"Check [imap] username and {IMAP_PASSWORD_ENV}.") from None
    except ssl.SSLError as exc:
        raise FoiError(f"TLS with {where} failed ({exc.reason or exc}). Check [imap] port and security.") from None
    except OSError as exc:
        raise FoiError(f"Can't connect to IMAP server {where}: {exc}. Check [imap] host and port.") from None


def imap_messages(config: ImapConfig, *, folder: str, since: Any = None,
                  opener: Any = None) -> Iterator[RawMessage]:
    """Every message of `folder` (since a date), fetched read-only with BODY.PEEK so nothing is
    marked as read on the server."""
    import imaplib

    from foi.errors import FoiError
    from foi.mail.send import secret

    password = secret(IMAP_PASSWORD_ENV, "foi-imap", config.username)
    if not password:
        raise FoiError(f"No IMAP password: set the {IMAP_PASSWORD_ENV} environment variable.")
    conn = (opener or imap_connect)(config, password)
    try:
        mailbox_name = '"' + folder.replace("\\", "\\\\").replace('"', '\\"') + '"'
        typ, data = conn.select(mailbox_name, readonly=True)
        if typ != "OK":
            raise FoiError(f"No folder {folder!r} on {config.host}: {_imap_text(data)}.")
        criteria = ["SINCE", f"{since.day}-{MONTH_ABBRS[since.month - 1]}-{since.year}"] if since else ["ALL"]
        typ, data = conn.uid("SEARCH", None, *criteria)
        if typ != "OK":
            raise FoiError(f"IMAP search failed on {config.host}: {_imap_text(data)}.")
        for uid in (data[0] or b"").split():
            origin = f"imap://{config.host}/{folder};UID={uid.decode()}"
            typ, parts = conn.uid("FETCH", uid, "(BODY.PEEK[])")
            payload = next((p[1] for p in parts or [] if isinstance(p, tuple) and len(p) > 1), None)
            if typ != "OK" or not isinstance(payload, bytes):
                yield RawMessage(None, origin, f"fetch failed: {_imap_text(parts)}")
            else:
                yield RawMessage(payload, origin)
    except (imaplib.IMAP4.abort, OSError) as exc:
        raise FoiError(f"Lost the IMAP connection to {config.host} ({exc}). Run `foi inbox fetch` again: "
                       "messages already imported are skipped.") from None
    finally:
        try:
            conn.logout()
        except Exception:  # noqa: BLE001 - already closed
            pass


def _imap_text(data: Any) -> str:
    if isinstance(data, list | tuple):
        return " ".join(_imap_text(d) for d in data if d is not None)
    return data.decode("utf-8", "replace") if isinstance(data, bytes) else str(data)
