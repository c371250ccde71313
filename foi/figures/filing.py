"""Documents in: files obtained by hand (`foi attach`) and files dropped into a request's folder.

A zip is never a document: its members are. The archive the inbox keeps beside its unpacked
members, or one a user drops into the folder, is unpacked (members already stored are found by
their hash) and never registered itself, so it is not reported as an unreadable file on every parse.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from foi.batches import batch_requests
from foi.errors import FoiError
from foi.workspace import Workspace

SIDECAR_SUFFIX = ".foi.toml"
# Files kept beside replies that are not replies: our sidecars and the saved messages themselves.
NOT_DOCUMENTS = (SIDECAR_SUFFIX, ".eml")


def request_of(ws: Workspace, batch: str, slug: str) -> dict[str, Any]:
    return batch_requests(ws.db, batch, [slug])[0]


def attach(ws: Workspace, batch: str, slug: str, files: list[Path]) -> list[dict[str, Any]]:
    """Store files obtained by hand (a portal download, say) exactly as mail attachments are."""
    from foi.storage import is_zip, store_file

    request = request_of(ws, batch, slug)
    missing = [str(f) for f in files if not Path(f).is_file()]
    if missing:
        raise FoiError(f"No such file: {', '.join(missing)}. Nothing attached.")
    results = []
    for file in files:
        data = Path(file).read_bytes()
        if is_zip(data, Path(file).name):
            results += [{"file": str(file), **item} for item in _unpack(ws, request, data)]
        else:
            stored = store_file(ws, request, data, Path(file).name, source="attach")
            results.append({"file": str(file), **_stored(stored)})
    return results


def _unpack(ws: Workspace, request: dict[str, Any], data: bytes, archive: str = "") -> list[dict[str, Any]]:
    from foi.storage import store_file, unpack_zip

    members, refusals = unpack_zip(data)
    out = []
    for name, content in members:
        stored = store_file(ws, request, content, f"{archive}/{name}" if archive else name, source="zip")
        out.append({"member": name, **_stored(stored)})
    return out + [{"refused": reason} for reason in refusals]


def _stored(stored: Any) -> dict[str, Any]:
    return {"document_id": stored.document_id, "path": stored.path.as_posix(), "sha256": stored.sha256,
            "duplicate": stored.duplicate}


def scan_responses(ws: Workspace, batch: str, body: str | None = None) -> list[int]:
    """Register files a user dropped into responses/BATCH/SLUG/ by hand; returns new document ids."""
    from foi.readers import sniff
    from foi.storage import request_dir, store_file

    added = []
    for request in batch_requests(ws.db, batch, [body] if body else None):
        folder = request_dir(ws, request)
        if not folder.is_dir():
            continue
        known = {r["path"]: r["id"] for r in ws.db.query("SELECT id, path FROM documents WHERE request_id = ?",
                                                            [request["id"]])}
        for path in sorted(folder.iterdir()):
            relative = path.relative_to(ws.root).as_posix()
            if not path.is_file() or path.name.startswith(".") or path.name.endswith(NOT_DOCUMENTS):
                continue
            archive = sniff(path) == "zip"
            if relative in known and not archive:
                continue
            if archive:
                if relative not in known and _unpacked_before(ws, request, path.name):
                    continue  # the inbox keeps a mail's archive beside the members it stored
                added += [item["document_id"] for item in _unpack(ws, request, path.read_bytes(), path.name)
                          if "document_id" in item and not item["duplicate"]]
                if relative in known:
                    _forget_archive(ws, known[relative])
                continue
            stored = store_file(ws, request, path.read_bytes(), path.name, source="folder")
            if not stored.duplicate:
                added.append(stored.document_id)
    return added


def _forget_archive(ws: Workspace, document_id: int) -> None:
    """An archive registered as a document by an older foi: its members are the documents (it never
    had figures of its own), so its row goes and it stops failing on every parse."""
    with ws.db.atomic():
        ws.db.conn.execute("DELETE FROM documents WHERE id = ? AND NOT EXISTS "
                           "(SELECT 1 FROM figure_cells WHERE document_id = ?)", (document_id, document_id))


def _unpacked_before(ws: Workspace, request: dict[str, Any], archive: str) -> bool:
    """Whether members of an archive of this name are documents of the request already."""
    pattern = archive.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "/%"
    return ws.db.execute("SELECT 1 FROM documents WHERE request_id = ? AND original_name LIKE ? ESCAPE '\\' "
                         "LIMIT 1", [request["id"], pattern]).fetchone() is not None
