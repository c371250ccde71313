"""CSV / TSV / semicolon- or pipe-separated text.

Values stay strings (foi.values parses numbers); empty cells become None and short rows are
padded with None so the grid is rectangular. Grid name is "csv"; `location` gives an
A1-style reference, column letter + the physical line number where the record starts
("B5"), which is what a spreadsheet program shows when the journalist opens the file.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import Any

from foi.readers import Grid, ReadResult

_DELIMITERS = ",;\t|"
# Bytes cp1252 leaves undefined: their presence means the file is not Windows-1252.
_CP1252_HOLES = frozenset(b"\x81\x8d\x8f\x90\x9d")


def decode_bytes(raw: bytes) -> tuple[str, str]:
    """Bytes -> (text, encoding name). BOMs first, then strict UTF-8, then Windows-1252.

    UK public bodies that don't write UTF-8 write Windows-1252 (Excel's "CSV" on Windows):
    "£" is 0xA3 and smart quotes 0x91-0x94. charset-normalizer is asked only when cp1252
    cannot be right, because on short files it readily guesses a wrong single-byte code page
    for exactly those characters.
    """
    if raw.startswith(b"\xef\xbb\xbf"):
        return raw[3:].decode("utf-8", errors="replace"), "utf-8-sig"
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return raw.decode("utf-16", errors="replace"), "utf-16"
    head = raw[:4096]
    if head.count(0) > len(head) // 4:
        # UTF-16 without BOM: NULs sit in the high byte of Latin characters.
        enc = "utf-16-le" if head[1::2].count(0) > head[0::2].count(0) else "utf-16-be"
        return raw.decode(enc, errors="replace"), enc
    try:
        return raw.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    if not _CP1252_HOLES.intersection(raw):
        return raw.decode("cp1252"), "cp1252"
    from charset_normalizer import from_bytes

    best = from_bytes(raw).best()
    if best is not None:
        return str(best), best.encoding
    return raw.decode("latin-1"), "latin-1"


def _split_count(line: str, delim: str) -> int:
    return len(next(csv.reader([line], delimiter=delim), []))


def detect_delimiter(sample: str) -> str:
    """csv.Sniffer restricted to , ; tab |, checked against a field-count vote.

    The Sniffer is fooled by title rows and quoted thousands ("2,666"); the fallback picks
    the delimiter that gives the same number (>1) of fields on the most lines.
    """
    lines = [ln for ln in sample.splitlines()[:50] if ln.strip()]
    if not lines:
        return ","
    scores: dict[str, tuple[int, int]] = {}
    for d in _DELIMITERS:
        counts = [_split_count(ln, d) for ln in lines]
        common = max(set(counts), key=counts.count)
        scores[d] = (counts.count(common) if common > 1 else 0, common)
    try:
        # The Sniffer's regexes get slow on big samples; 8 KB is plenty.
        sniffed = csv.Sniffer().sniff(sample[:8192], delimiters=_DELIMITERS).delimiter
    except csv.Error:
        sniffed = None
    best = max(_DELIMITERS, key=lambda d: scores[d])
    if sniffed in scores and scores[sniffed][0] * 2 >= scores[best][0] and scores[sniffed][0] > 0:
        return sniffed
    return best if scores[best][0] > 0 else ","


def read_delimited(path: Path) -> ReadResult:
    raw = path.read_bytes()
    text, encoding = decode_bytes(raw)
    warnings: list[str] = []
    if "\x00" in text:
        # Stray NUL bytes from a database export: dropped, said.
        warnings.append(f"{text.count(chr(0))} NUL byte(s) removed")
        text = text.replace("\x00", "")
    if "\ufffd" in text:
        warnings.append(f"some characters could not be decoded as {encoding}; shown as \ufffd")
    delim = detect_delimiter(text[:65536])
    # newline="" lets csv see \r\n, \n and lone \r (old Mac files) as line ends, and keeps
    # newlines inside quoted fields.
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delim)
    rows: list[list[Any]] = []
    row_numbers: list[int] = []
    prev = 0
    try:
        for record in reader:
            rows.append([v if v != "" else None for v in record])
            row_numbers.append(prev + 1)
            prev = reader.line_num
    except csv.Error as exc:
        warnings.append(f"stopped at line {reader.line_num + 1}: {exc}")
    width = max((len(r) for r in rows), default=0)
    for r in rows:
        if len(r) < width:
            r.extend([None] * (width - len(r)))
    grid = Grid(
        name="csv",
        rows=rows,
        row_numbers=row_numbers,
        col_numbers=list(range(1, width + 1)),
    )
    return ReadResult(
        path=path, reader="csv", status="ok", tables=[grid] if rows else [], warnings=warnings, error=None
    )
