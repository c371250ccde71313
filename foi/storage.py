"""Files received for a request, stored under `responses/BATCH/SLUG/`.

A name comes from whoever sent the file, so it is untrusted: `safe_name` keeps only a plain
file name, and nothing ever overwrites an existing file.

A file reaches its final name only when it is complete: it is written to a hidden temporary
name in the same folder (`.NAME.PID.TOKEN.foi-part`), flushed to disk, then renamed (and the
folder flushed). A run killed or a disk filled half-way leaves at most such a hidden part file,
which nothing adopts (names starting with "." are never documents) and which the next write to
that folder removes. Identical content for the same request
is stored once (documents are unique by request and sha256). Zip archives are unpacked with
limits, because a small attachment can expand to fill the disk.
"""

from __future__ import annotations

import errno
import hashlib
import io
import os
import re
import secrets
import unicodedata
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from foi.db import now_iso
from foi.errors import FoiError
from foi.workspace import Workspace

MAX_NAME = 120
# Windows can't open these whatever the extension; responses folders get synced to laptops.
_RESERVED = {"con", "prn", "aux", "nul", *(f"com{i}" for i in range(1, 10)), *(f"lpt{i}" for i in range(1, 10))}
_UNSAFE_CHARS = re.compile(r'[<>:"|?*\\/]')


@dataclass
class StoredFile:
    document_id: int
    path: Path  # relative to the workspace root
    sha256: str
    original_name: str
    duplicate: bool  # the same content was already stored for this request


@dataclass(frozen=True)
class ZipLimits:
    max_total: int = 200 * 1024 * 1024  # bytes once unpacked, all members together
    max_members: int = 500
    max_depth: int = 2  # a zip inside a zip is depth 2
    max_ratio: float = 100.0  # unpacked size / packed size, per member
    max_member: int = 100 * 1024 * 1024


def safe_name(name: str) -> str:
    """A plain file name from an untrusted one: no folders, no `..`, no control characters,
    nothing a file system treats specially. Never empty."""
    name = unicodedata.normalize("NFC", name or "")
    name = "".join(ch for ch in name if unicodedata.category(ch) not in ("Cc", "Cf"))
    # Only the last component of either kind of path: "../../etc/passwd" -> "passwd".
    name = re.split(r"[\\/]", name)[-1]
    name = _UNSAFE_CHARS.sub("_", name)
    name = re.sub(r"\s+", " ", name).strip(" .")
    if not name or set(name) <= {"."}:
        name = "file"
    stem, dot, ext = name.rpartition(".")
    if not dot:
        stem, ext = name, ""
    if stem.lower() in _RESERVED or (not stem and ext.lower() in _RESERVED):
        name = f"_{name}"
    if len(name) > MAX_NAME:
        ext = ext[:16]
        name = (stem[: MAX_NAME - len(ext) - 1].rstrip(" .") or "file") + (f".{ext}" if ext else "")
    return name


def request_dir(ws: Workspace, request: dict[str, Any]) -> Path:
    # Batch names and slugs are validated when created; safe_name again costs nothing.
    return ws.responses_dir / safe_name(request["batch"]) / safe_name(request["body"])


PART_SUFFIX = ".foi-part"
# Failures of the storage itself rather than of one file: reported as one line, never a traceback.
_STORAGE_ERRNOS = {errno.ENOSPC, errno.EDQUOT, errno.EROFS, errno.EACCES, errno.EPERM, errno.EIO}


def storage_problem(exc: OSError, path: Path) -> FoiError:
    """A FoiError that says what went wrong writing `path` and what to do."""
    if exc.errno in (errno.ENOSPC, errno.EDQUOT):
        why = "the disk is full"
        todo = "Free some space and run the command again: it carries on where it stopped"
    elif exc.errno == errno.EROFS:
        why = "the folder is on read-only storage"
        todo = "Make the workspace writable (or copy it somewhere writable) and run the command again"
    elif exc.errno in (errno.EACCES, errno.EPERM):
        why = "permission denied"
        todo = "Make the workspace folder writable for you and run the command again"
    else:
        why = exc.strerror or str(exc)
        todo = "Check the disk and run the command again"
    return FoiError(f"Can't write {path}: {why}. Nothing half-written was kept. {todo}.")


def _fsync_dir(folder: Path) -> None:
    # The rename is durable only once the folder itself is on disk (POSIX; Windows has no such call).
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _write_part(folder: Path, name: str, data: bytes) -> Path:
    """`data` in a hidden part file of `folder`, flushed to disk; the caller renames it."""
    part = folder / f".{name[:80]}.{os.getpid()}.{secrets.token_hex(4)}{PART_SUFFIX}"
    fd = os.open(part, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o644)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
    except BaseException:
        part.unlink(missing_ok=True)
        raise
    return part


_cleaned: set[Path] = set()


def clean_parts(folder: Path) -> list[Path]:
    """Remove part files left in `folder` by runs that died (their process is gone)."""
    removed: list[Path] = []
    try:
        entries = [p for p in folder.iterdir() if p.name.startswith(".") and p.name.endswith(PART_SUFFIX)]
    except OSError:
        return removed
    for part in entries:
        pid_text = part.name[: -len(PART_SUFFIX)].rsplit(".", 2)[-2] if part.name.count(".") >= 3 else ""
        if pid_text.isdigit() and _alive(int(pid_text)):
            continue  # another command is writing it right now
        try:
            part.unlink()
            removed.append(part)
        except OSError:
            pass
    return removed


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OSError):
        return True
    return True


def _prepare(folder: Path) -> None:
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise storage_problem(exc, folder) from None
    if folder not in _cleaned:
        _cleaned.add(folder)
        clean_parts(folder)


def write_atomic(path: Path, data: bytes) -> Path:
    """Write `data` as `path` (replacing it), so that `path` only ever holds complete content."""
    folder = path.parent
    _prepare(folder)
    try:
        part = _write_part(folder, path.name, data)
        try:
            os.replace(part, path)
        except BaseException:
            part.unlink(missing_ok=True)
            raise
        _fsync_dir(folder)
    except OSError as exc:
        if exc.errno in _STORAGE_ERRNOS:
            raise storage_problem(exc, path) from None
        raise
    return path


def _publish(part: Path, target: Path) -> bool:
    """Give the complete part file the name `target` unless that name is taken; True if done."""
    try:
        os.link(part, target)  # fails if target exists, even if another process just made it
    except FileExistsError:
        return False
    except OSError as exc:
        if exc.errno not in (errno.EPERM, errno.ENOTSUP, errno.EOPNOTSUPP, errno.EXDEV, errno.EMLINK):
            raise
        # A file system without hard links: a rename, after checking the name is free.
        if target.exists():
            return False
        os.replace(part, target)
        return True
    part.unlink(missing_ok=True)
    return True


def write_unique(folder: Path, name: str, data: bytes) -> Path:
    """Write `data` as `name` in `folder`, or as `name-2`, `name-3`... if taken by other content.
    A file already holding exactly these bytes is reused (a re-run after a crash). The name
    appears only once the whole content is on disk."""
    _prepare(folder)
    name = safe_name(name)
    stem, dot, ext = name.rpartition(".")
    if not dot or not stem:
        stem, dot, ext = name, "", ""
    part: Path | None = None
    try:
        for n in range(1, 10_000):
            candidate = folder / (name if n == 1 else f"{stem}-{n}{dot}{ext}")
            if candidate.is_file() and candidate.stat().st_size == len(data) and candidate.read_bytes() == data:
                return candidate
            if candidate.exists():
                continue
            if part is None:
                part = _write_part(folder, name, data)
            if _publish(part, candidate):
                part = None
                _fsync_dir(folder)
                return candidate
    except OSError as exc:
        if exc.errno in _STORAGE_ERRNOS:
            raise storage_problem(exc, folder / name) from None
        raise
    finally:
        if part is not None:
            part.unlink(missing_ok=True)
    raise OSError(f"too many files named {name} in {folder}")


def store_file(ws: Workspace, request: dict[str, Any], data: bytes, original_name: str, *, source: str,
               message_row: int | None = None) -> StoredFile:
    """Save a file received for `request` and add it to the documents table, queued for parsing."""
    db = ws.db
    digest = hashlib.sha256(data).hexdigest()
    existing = db.execute(
        "SELECT id, path, original_name FROM documents WHERE request_id = ? AND sha256 = ?",
        [request["id"], digest],
    ).fetchone()
    if existing:
        return StoredFile(existing[0], Path(existing[1]), digest, existing[2] or original_name, True)
    path = write_unique(request_dir(ws, request), original_name, data)
    relative = path.relative_to(ws.root)
    with db.atomic():
        # Another command may have stored the same content meanwhile: then the document is theirs.
        row = db.conn.execute(
            "INSERT INTO documents (request_id, batch, body, path, sha256, original_name, size, source, "
            "message_row, status, added_at) VALUES (?,?,?,?,?,?,?,?,?, 'queued', ?) "
            "ON CONFLICT(request_id, sha256) DO NOTHING RETURNING id",
            (request["id"], request["batch"], request["body"], relative.as_posix(), digest, original_name,
             len(data), source, message_row, now_iso()),
        ).fetchone()
    if row is None:
        existing = db.execute("SELECT id, path, original_name FROM documents WHERE request_id = ? AND sha256 = ?",
                              [request["id"], digest]).fetchone()
        return StoredFile(existing[0], Path(existing[1]), digest, existing[2] or original_name, True)
    return StoredFile(int(row[0]), relative, digest, original_name, False)


def is_zip(data: bytes, name: str = "") -> bool:
    # .xlsx/.docx/.ods are zips too, and must stay whole.
    if os.path.splitext(name.lower())[1] in (".xlsx", ".xlsm", ".docx", ".ods", ".odt", ".pptx"):
        return False
    return data[:4] == b"PK\x03\x04" or name.lower().endswith(".zip")


def unpack_zip(data: bytes, limits: ZipLimits | None = None, *, _depth: int = 1,
               _prefix: str = "", _budget: list[int] | None = None) -> tuple[list[tuple[str, bytes]], list[str]]:
    """The members of a zip as (path inside the archive, bytes), and a reason for everything refused.

    Sizes are checked twice: against what the archive declares, then while reading, because a
    hostile archive can declare small sizes and expand to gigabytes."""
    limits = limits or ZipLimits()
    budget = _budget if _budget is not None else [limits.max_total, limits.max_members]
    members: list[tuple[str, bytes]] = []
    refusals: list[str] = []
    label = _prefix.rstrip("/") or "the zip"
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        infos = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError, NotImplementedError) as exc:
        return [], [f"{label}: not a readable zip ({exc})"]
    for info in infos:
        if info.is_dir():
            continue
        where = f"{_prefix}{info.filename}"
        if budget[1] <= 0:
            refusals.append(f"{where}: refused, more than {limits.max_members} files in the archive")
            continue
        budget[1] -= 1
        if info.flag_bits & 0x1:
            refusals.append(f"{where}: refused, encrypted")
            continue
        ratio = info.file_size / max(info.compress_size, 1)
        if info.file_size > 1024 * 1024 and ratio > limits.max_ratio:
            refusals.append(f"{where}: refused, compression ratio {ratio:.0f}:1 is over {limits.max_ratio:.0f}:1 "
                            "(a zip bomb?)")
            continue
        cap = min(limits.max_member, budget[0])
        if info.file_size > cap:
            refusals.append(f"{where}: refused, {info.file_size} bytes unpacked is over the limit of {cap}")
            continue
        try:
            with archive.open(info) as fh:
                content = fh.read(cap + 1)
        except (zipfile.BadZipFile, OSError, ValueError, NotImplementedError, RuntimeError) as exc:
            refusals.append(f"{where}: refused, unreadable ({exc})")
            continue
        actual_ratio = len(content) / max(info.compress_size, 1)
        if len(content) > cap or (len(content) > 1024 * 1024 and actual_ratio > limits.max_ratio):
            refusals.append(f"{where}: refused, expands beyond what the archive declares (a zip bomb?)")
            continue
        budget[0] -= len(content)
        if is_zip(content, info.filename):
            if _depth >= limits.max_depth:
                refusals.append(f"{where}: refused, archives nested deeper than {limits.max_depth}")
                continue
            inner, inner_refusals = unpack_zip(content, limits, _depth=_depth + 1, _prefix=f"{where}/",
                                               _budget=budget)
            members.extend(inner)
            refusals.extend(inner_refusals)
            continue
        members.append((where, content))
    return members, refusals
