"""An xlsx archive's XML parts read in chunks that end between tags (memory stays flat whatever a
part's size), and the hidden rows and columns calamine does not report, found by a byte search."""

from __future__ import annotations

import posixpath
import re
import zipfile
from collections.abc import Iterator
from pathlib import Path
from xml.etree import ElementTree

_NS_MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_NS_REL = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
_NS_PKG_REL = "{http://schemas.openxmlformats.org/package/2006/relationships}"

# Sheet name -> (hidden 1-based row numbers, hidden 1-based column ranges).
Hidden = dict[str, tuple[list[int], list[tuple[int, int]]]]

# --- hidden rows and columns ---------------------------------------------------------------

_HIDDEN_ATTR = re.compile(rb'\shidden="(?:1|true)"')
_HIDDEN_VALUE = re.compile(rb'hidden="(?:1|true)"')
_TAG_NAME = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?(row|col)\b")
_ATTR = re.compile(rb'([\w:]+)="([^"]*)"')
_FIRST_ROW = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?row[\s>][^>]*>")
# Bytes read at a time; an unfinished tag longer than _MAX_TAG kept for the next chunk is squeezed of
# its spaces (a "whitespace bomb"), and one longer than MAX_TAG even then is refused (`chunks`).
_CHUNK = 1 << 22
_MAX_TAG = 1 << 16
MAX_TAG = 1 << 20  # a tag longer than this, spaces aside, is no real writer's


def xlsx_hidden(path: Path) -> dict[str, tuple[list[int], list[tuple[int, int]]]]:
    """Sheet name -> (hidden 1-based row numbers, hidden 1-based column ranges)."""
    out: dict[str, tuple[list[int], list[tuple[int, int]]]] = {}
    with zipfile.ZipFile(path) as zf:
        for name, member in sheet_members(zf).items():
            if member not in zf.namelist():
                continue
            rows, cols = scan_hidden(zf, member)
            if rows or cols:
                out[name] = (rows, cols)
    return out


def sheet_members(zf: zipfile.ZipFile) -> dict[str, str]:
    """Sheet name -> zip member of its XML, via workbook.xml and its relationships."""
    wb = ElementTree.fromstring(zf.read("xl/workbook.xml"))
    rels = ElementTree.fromstring(zf.read("xl/_rels/workbook.xml.rels"))
    targets = {r.get("Id"): r.get("Target", "") for r in rels.iter(f"{_NS_PKG_REL}Relationship")}
    out: dict[str, str] = {}
    for sheet in wb.iter(f"{_NS_MAIN}sheet"):
        target = targets.get(sheet.get(f"{_NS_REL}id"))
        if not target:
            continue
        if target.startswith("/"):
            member = target.lstrip("/")
        else:
            member = posixpath.normpath(posixpath.join("xl", target))
        out[sheet.get("name", "")] = member
    return out


def scan_hidden(zf: zipfile.ZipFile, member: str) -> tuple[list[int], list[tuple[int, int]]]:
    """Find <row hidden="1"> and <col hidden="1"> by searching the bytes in chunks (where the
    pre-check could not do it on its way through the sheet)."""
    scan = HiddenScan()
    carry = b""
    with zf.open(member) as fh:
        while True:
            block = fh.read(_CHUNK)
            data = carry + block
            if block:
                # Keep an unfinished tag for the next round; text between tags needs no keeping.
                cut = data.rfind(b"<")
                if cut == -1 or data.find(b">", cut) != -1:
                    carry = b""
                else:
                    data, carry = data[:cut], data[cut:]
                    if len(carry) > _MAX_TAG:
                        # A tag padded with whitespace (a "whitespace bomb"): keep its words only.
                        carry = b" ".join(carry.split())
                        if len(carry) > _MAX_TAG:
                            carry = b""  # no real row or col tag is this long
            else:
                carry = b""
            scan.feed(data)
            if not block:
                break
    return scan.rows, scan.cols


class HiddenScan:
    """One sheet's hidden rows and columns, fed its XML in chunks that end between tags.

    Only `hidden="..."` hits are examined, so a sheet with no hidden rows costs a fast regex
    search. Rows written without an `r` attribute are numbered by counting the row tags before them.
    """

    def __init__(self) -> None:
        self.rows: list[int] = []
        self.cols: list[tuple[int, int]] = []
        self.rows_before = 0  # row tags in text already consumed (for rows without r=)
        self.numbered: bool | None = None

    def feed(self, data: bytes) -> None:
        if self.numbered is None:
            first = _FIRST_ROW.search(data)
            if first:
                # Writers either number every row (r="5") or none; check once.
                self.numbered = b' r="' in first.group(0)
        if _HIDDEN_VALUE.search(data) is None:  # a literal start: a fast scan, unlike _HIDDEN_ATTR's \s
            if not self.numbered:
                self.rows_before += _count_rows(data)
            return
        rows, cols = self.rows, self.cols
        last = 0
        for hit in _HIDDEN_ATTR.finditer(data):
            start = data.rfind(b"<", 0, hit.start())
            m = _TAG_NAME.match(data, start)
            if not m:
                continue
            end = data.find(b">", hit.end())
            attrs = dict(_ATTR.findall(data, start, end))
            if m.group(1) == b"row":
                if b"r" in attrs:
                    if attrs[b"r"].isdigit():
                        rows.append(int(attrs[b"r"]))
                else:
                    self.rows_before += _count_rows(data[last:start])
                    last = start
                    rows.append(self.rows_before + 1)
            elif attrs.get(b"min", b"").isdigit() and attrs.get(b"max", attrs[b"min"]).isdigit():
                cols.append((int(attrs[b"min"]), int(attrs.get(b"max", attrs[b"min"]))))
        if not self.numbered:
            self.rows_before += _count_rows(data[last:])


def _count_rows(data: bytes) -> int:
    # bytes.count is far cheaper than a regex over millions of cell tags.
    return data.count(b"<row ") + data.count(b"<row>") + data.count(b":row ") + data.count(b":row>")


# --- any part, in chunks ---------------------------------------------------------------------


def chunks(zf: zipfile.ZipFile, member: str) -> Iterator[tuple[bytes, bool]]:
    """A part's bytes in chunks that end between tags, each with whether more follows; a monstrous
    tag raises HugeTag."""
    carry = b""
    with zf.open(member) as fh:
        block = fh.read(_CHUNK)
        while True:
            following = fh.read(_CHUNK) if block else b""
            data = carry + block
            carry = b""
            if following:
                cut = data.rfind(b"<")
                if cut != -1 and data.find(b">", cut) == -1:
                    data, carry = data[:cut], data[cut:]
                    if len(carry) > _MAX_TAG:
                        # Spaces padding a tag: its words are what calamine reads.
                        carry = b" ".join(carry.split())
                        if len(carry) > MAX_TAG:
                            raise HugeTag(f"a tag of more than {MAX_TAG:,} bytes")
            yield data, bool(following)
            if not following:
                return
            block = following


class HugeTag(Exception):
    pass


def shared_member(zf: zipfile.ZipFile) -> str | None:
    rels = ElementTree.fromstring(zf.read("xl/_rels/workbook.xml.rels"))
    for rel in rels.iter(f"{_NS_PKG_REL}Relationship"):
        if rel.get("Type", "").endswith("/sharedStrings"):
            target = rel.get("Target", "")
            return target.lstrip("/") if target.startswith("/") else posixpath.normpath(posixpath.join("xl", target))
    return None
