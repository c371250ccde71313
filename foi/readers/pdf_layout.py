"""Page geometry for the PDF reader: cell text of ruled tables, text lines in a band of the
page, and tables without ruling lines.

Cell text is what pdfplumber's `Table.extract()` gives, char for char: a char belongs to
the cell its midpoint falls in and the cell's chars go through `utils.extract_text` in page
order. pdfplumber tests every char of the page against every row and then every cell;
here the chars are sorted by vertical midpoint once per page and each row takes its slice
by bisection, which is most of pdfplumber's table time on a dense page.

Tables without ruling lines: lines of words with wide gaps and numbers in them, several in a row, are a table; columns
are taken from where the words of those lines sit (as camelot's stream mode and tabula do).
Prose never has numbers in gap-separated columns over several lines, which is what keeps
letters out.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from typing import Any

_NUMERIC = re.compile(r"^[(£$€-]*\d[\d,.\s]*%?\)?[*~^†]*$|^[-–*]$|^<\s?\d+$")


class CharIndex:
    """A page's chars by midpoint, for pulling out the chars of many boxes cheaply."""

    def __init__(self, chars: list[dict[str, Any]]) -> None:
        self.chars = chars
        # Same arithmetic as pdfplumber's char_in_bbox, so boundary cases fall the same way.
        self.h = [(c["x0"] + c["x1"]) / 2 for c in chars]
        self.v = [(c["top"] + c["bottom"]) / 2 for c in chars]
        self.by_v = sorted(range(len(chars)), key=self.v.__getitem__)
        self.v_sorted = [self.v[i] for i in self.by_v]

    def in_band(self, top: float, bottom: float) -> list[int]:
        """Indices of chars whose midpoint lies in [top, bottom), in page order."""
        lo, hi = bisect_left(self.v_sorted, top), bisect_left(self.v_sorted, bottom)
        return sorted(self.by_v[lo:hi])

    def cell_text(
        self, table: Any, text_settings: dict[str, Any], rotated: bool = False
    ) -> list[list[str | None]]:
        """`table.extract(**text_settings)`, without testing every char against every cell.

        rotated: read a cell whose chars are all turned a quarter (column headers set
        vertically to keep a wide table narrow) along its own direction; pdfplumber reads such
        a cell backwards ("segrahcsiD") or splits its words into lines."""
        from pdfplumber.utils import extract_text

        chars, h, v = self.chars, self.h, self.v
        out: list[list[str | None]] = []
        for row in table.rows:
            r_x0, r_top, r_x1, r_bottom = row.bbox
            row_idx = [i for i in self.in_band(r_top, r_bottom) if r_x0 <= h[i] < r_x1]
            texts: list[str | None] = []
            for cell in row.cells:
                if cell is None:
                    texts.append(None)
                    continue
                x0, top, x1, bottom = cell
                cell_chars = [chars[i] for i in row_idx if x0 <= h[i] < x1 and top <= v[i] < bottom]
                if rotated and cell_chars and not any(c["upright"] for c in cell_chars):
                    texts.append(rotated_text(cell_chars))
                else:
                    texts.append(extract_text(cell_chars, **text_settings) if cell_chars else "")
            out.append(texts)
        return out


def rotated_text(chars: list[dict[str, Any]]) -> str:
    """Text of chars set a quarter turn from upright, in reading order.

    Turned anticlockwise (the text matrix's b > 0) a line reads bottom to top and the next
    line sits to its right; turned clockwise it reads top to bottom and the next line sits
    to its left. Lines are the chars sharing a horizontal position; a gap wider than a third
    of the font size between two chars of a line is a space (some PDFs draw no space)."""
    up = sum(1 for c in chars if (c.get("matrix") or (0, 1))[1] > 0) * 2 >= len(chars)
    lines: list[list[dict[str, Any]]] = []
    for c in sorted(chars, key=lambda c: c["x0"]):
        if lines and abs(c["x0"] - lines[-1][0]["x0"]) <= 0.3 * (c["x1"] - c["x0"] or 1):
            lines[-1].append(c)
        else:
            lines.append([c])
    if not up:
        lines.reverse()
    out = []
    for line in lines:
        line.sort(key=(lambda c: -c["bottom"]) if up else (lambda c: c["top"]))
        text = ""
        prev = None
        for c in line:
            if prev is not None and not text.endswith(" ") and not c["text"].isspace():
                gap = (prev["top"] - c["bottom"]) if up else (c["top"] - prev["bottom"])
                if gap > 0.3 * (c["x1"] - c["x0"]):
                    text += " "
            text += c["text"]
            prev = c
        out.append(" ".join(text.split()))
    return "\n".join(t for t in out if t)


def lines_within(page: Any, top: float, bottom: float) -> list[str]:
    """Text lines of the chars wholly inside a full-width band of the page: what
    `page.within_bbox(band).extract_text()` gives, without cropping every rect and curve."""
    from pdfplumber import utils

    top, bottom = max(top, 0.0), min(bottom, float(page.height))
    if bottom - top < 1:
        return []
    bbox = (0.0, top, float(page.width), bottom)
    chars = utils.within_bbox(page.chars, bbox)
    if not chars:
        return []
    text = utils.chars_to_textmap(
        chars, layout_bbox=bbox, layout_width=bbox[2], layout_height=bottom - top
    ).as_string
    return [ln.strip() for ln in text.splitlines() if ln.strip()]


_DIGIT_END = re.compile(r"(?:^|[\s(£$€-])[\d,]*\d$")
_DECIMALS = re.compile(r"^[.,]\d+%?$")
# The same with the gap drawn as a space glyph inside one word ("11,062 .6").
_SPACED_DECIMAL = re.compile(r"^([(£$€-]*[\d,]*\d) ([.,]\d+%?\)?)$")


def _phrases(words: list[dict[str, Any]]) -> list[list[dict[str, Any]]]:
    """Words -> lines -> phrases (words closer than ~0.75 em belong together)."""
    lines: list[list[dict[str, Any]]] = []
    for w in sorted(words, key=lambda w: (round(w["top"]), w["x0"])):
        if " " in w["text"]:
            w["text"] = _SPACED_DECIMAL.sub(r"\1\2", w["text"])
        if lines and abs(w["top"] - lines[-1][0]["top"]) <= 2.5:
            lines[-1].append(w)
        else:
            lines.append([w])
    out: list[list[dict[str, Any]]] = []
    for line in lines:
        line.sort(key=lambda w: w["x0"])
        phrases: list[dict[str, Any]] = []
        for w in line:
            size = w["bottom"] - w["top"]
            if phrases and w["x0"] - phrases[-1]["x1"] <= 0.75 * size:
                p = phrases[-1]
                # A figure drawn in two runs ("11,062" ".6"): one number, not two words.
                glue = "" if _DIGIT_END.search(p["text"]) and _DECIMALS.match(w["text"]) else " "
                p["text"] += glue + w["text"]
                p["x1"] = max(p["x1"], w["x1"])
                p["bottom"] = max(p["bottom"], w["bottom"])
                p["words"].append(w)
            else:
                phrases.append({"text": w["text"], "x0": w["x0"], "x1": w["x1"],
                                "top": w["top"], "bottom": w["bottom"], "words": [w]})
        out.append(phrases)
    return out


def is_numeric(text: str) -> bool:
    return bool(_NUMERIC.match(text.strip()))


def _tabular(line: list[dict[str, Any]]) -> bool:
    return len(line) >= 2 and any(is_numeric(p["text"]) for p in line)


def whitespace_tables(page: Any) -> list[dict[str, Any]]:
    lines = _phrases(page.extract_words(x_tolerance=1.5, y_tolerance=2.5))
    tables: list[dict[str, Any]] = []
    floor = 0  # lines before this belong to a table already found
    i = 0
    while i < len(lines):
        if not _tabular(lines[i]):
            i += 1
            continue
        # Grow a block of tabular lines; a short label line may sit between two of them.
        block = [i]
        j = i + 1
        while j < len(lines):
            height = lines[j - 1][0]["bottom"] - lines[j - 1][0]["top"]
            if lines[j][0]["top"] - lines[j - 1][0]["bottom"] > 2.0 * height:
                break
            if _tabular(lines[j]):
                block.append(j)
            elif (
                j + 1 < len(lines) and _tabular(lines[j + 1]) and len(lines[j]) <= 2
                and sum(len(p["text"]) for p in lines[j]) < 40
            ):
                block.append(j)
            elif j - 1 in block and (
                _wraps_on(lines[j - 1], lines[j])
                or (j - 2 in block and _wraps_on(lines[j - 2], lines[j], lines[j - 1]))
            ):
                # A row's label, wrapped onto a line (or more) of its own; or the second line of
                # a label centred on two lines with its figures between them.
                block.append(j)
            elif _leads_into_figures(lines, j):
                block.append(j)  # a long label's first line, above the line with its figures
            else:
                break
            j += 1
        data_lines = [k for k in block if _tabular(lines[k])]
        # One or two lines of figures make a table only as the first thing on a page: the rows
        # a table spilled from the page before (joined to it, or dropped, by the reader).
        fragment = len(data_lines) < 3 and all(t.get("fragment") for t in tables)
        if len(data_lines) >= 3 or fragment:
            # Header lines: up to three lines right above the block, each with several phrases
            # or with one over the figures' columns (the rest of a header cell that wrapped).
            labels_end = max((lines[k][0]["x1"] for k in data_lines if not is_numeric(lines[k][0]["text"])),
                             default=min(lines[k][0]["x0"] for k in data_lines))
            head = block[0]
            while head > 0 and block[0] - head < 3 and (
                len(lines[head - 1]) >= 2 or lines[head - 1][0]["x0"] > labels_end
            ):
                gap = lines[head][0]["top"] - lines[head - 1][0]["bottom"]
                if gap > 2.0 * (lines[head - 1][0]["bottom"] - lines[head - 1][0]["top"]):
                    break
                head -= 1
            table = _grid_from_lines([lines[k] for k in range(head, block[-1] + 1)],
                                     [lines[k] for k in data_lines], least=1 if fragment else 2)
            if (
                table is not None and not fragment and head > floor and _caption(lines[head - 1], lines[head])
                and not (head - 1 > floor and _caption(lines[head - 2], lines[head - 1], 0.8))
            ):
                # (Not the last line of a paragraph set close above it: that is the letter's text.)
                # The table's caption, right above its header: it often states the period or
                # the force the figures are of, so it goes with the table as a title row.
                caption = lines[head - 1][0]
                table["rows"].insert(0, [caption["text"]] + [None] * (len(table["rows"][0]) - 1))
                table["numbers"] = list(range(1, len(table["rows"]) + 1))
                table["bbox"] = (table["bbox"][0], caption["top"], *table["bbox"][2:])
            if table is not None:
                if fragment:
                    table["fragment"] = True
                tables.append(table)
            floor = block[-1] + 1
        i = j if j > i + 1 else i + 1
    return tables


def _caption(line: list[dict[str, Any]], below: list[dict[str, Any]], gap: float = 2.5) -> bool:
    """A caption: one short phrase, not a sentence of the letter around it (no full stop at its
    end), set close above the table."""
    if len(line) != 1:
        return False
    text = line[0]["text"].strip()
    height = line[0]["bottom"] - line[0]["top"]
    return (
        0 < len(text) <= 120 and not text.endswith(".") and not is_numeric(text)
        and below[0]["top"] - line[0]["bottom"] <= gap * height
    )


def _grid_from_lines(
    lines: list[list[dict[str, Any]]], data: list[list[dict[str, Any]]], least: int = 2
) -> dict[str, Any] | None:
    # Columns: union of the data phrases' x-extents, overlapping extents merged.
    spans = sorted((p["x0"], p["x1"]) for line in data for p in line)
    cols: list[list[float]] = []
    for x0, x1 in spans:
        if cols and x0 <= cols[-1][1] + 1.0:
            cols[-1][1] = max(cols[-1][1], x1)
        else:
            cols.append([x0, x1])
    if len(cols) < 2:
        return None
    rows: list[list[Any]] = []
    data_ids = {id(line) for line in data}
    for line in lines:
        row: list[Any] = [None] * len(cols)
        for p in (line if id(line) in data_ids else _split_over_columns(line, cols)):
            overlaps = [min(p["x1"], c1) - max(p["x0"], c0) for c0, c1 in cols]
            best = max(range(len(cols)), key=lambda k: overlaps[k])
            if overlaps[best] <= 0:
                centre = (p["x0"] + p["x1"]) / 2
                best = min(range(len(cols)), key=lambda k: abs((cols[k][0] + cols[k][1]) / 2 - centre))
            row[best] = p["text"] if row[best] is None else f"{row[best]} {p['text']}"
        rows.append(row)
    first_data = next(n for n, line in enumerate(lines) if any(line is d for d in data))
    head_rows, head_lines = _fold_wrapped_headers(rows[:first_data], lines[:first_data])
    rows, lines = head_rows + rows[first_data:], head_lines + lines[first_data:]
    rows, _ = _join_wrapped_labels(rows, lines)
    numeric_rows = sum(1 for row in rows if any(v is not None and is_numeric(v) for v in row[1:]))
    if numeric_rows < least:
        return None
    top = min(p["top"] for p in lines[0])
    bottom = max(p["bottom"] for p in lines[-1])
    bbox = (min(c[0] for c in cols), top, max(c[1] for c in cols), bottom)
    return {"rows": rows, "numbers": list(range(1, len(rows) + 1)), "bbox": bbox, "strategy": "text",
            "cols": [tuple(c) for c in cols]}


def _split_over_columns(line: list[dict[str, Any]], cols: list[list[float]]) -> list[dict[str, Any]]:
    """Header phrases that are really the headers of neighbouring columns set close together
    ("Under 18  18 years" over two columns): split where a wider gap than a space between two
    words is also where the words fall into different columns. A header centred over several
    columns has ordinary spaces between its words and stays whole."""
    def column(x0: float, x1: float) -> int:
        overlaps = [min(x1, c1) - max(x0, c0) for c0, c1 in cols]
        best = max(range(len(cols)), key=lambda k: overlaps[k])
        if overlaps[best] > 0:
            return best
        centre = (x0 + x1) / 2
        return min(range(len(cols)), key=lambda k: abs((cols[k][0] + cols[k][1]) / 2 - centre))

    out: list[dict[str, Any]] = []
    for p in line:
        words = p.get("words") or []
        parts: list[list[dict[str, Any]]] = []
        for w in words:
            size = w["bottom"] - w["top"]
            if parts and w["x0"] - parts[-1][-1]["x1"] <= 0.5 * size:
                parts[-1].append(w)
            else:
                parts.append([w])
        if len(parts) < 2:
            out.append(p)
            continue
        places = [column(part[0]["x0"], part[-1]["x1"]) for part in parts]
        if len(set(places)) < 2:
            out.append(p)
            continue
        for part in parts:
            out.append({"text": " ".join(w["text"] for w in part), "x0": part[0]["x0"], "x1": part[-1]["x1"],
                        "top": p["top"], "bottom": p["bottom"], "words": part})
    return out


# A label cut by the width of its column: the next line goes on with a lower-case word or a
# bracket, or this one stops on a word or sign that cannot end a label.
_CONTINUES = re.compile(r"^[a-z(&/–-]")
_DANGLES = re.compile(r"(?:\b(?:and|or|of|the|a|an|for|with|without|to|in|on|by|from|at|"
                      r"including|excluding|incl\.?|excl\.?|not|no)|[-–/,&(:])$", re.IGNORECASE)


def _wraps_on(
    first: list[dict[str, Any]], second: list[dict[str, Any]], between: list[dict[str, Any]] | None = None
) -> bool:
    """True when `second` (one phrase, no figures) carries on the first phrase of `first`:
    no blank line between (`between`: the line of figures set between the two), its text
    starts where that phrase starts, and the words say the label goes on."""
    if len(second) != 1 or is_numeric(second[0]["text"]):
        return False
    a, b = first[0], second[0]
    height = a["bottom"] - a["top"]
    above = max(p["bottom"] for p in between) if between else a["bottom"]
    if b["top"] - above > 1.0 * height or abs(b["x0"] - a["x0"]) > 1.5 * height:
        return False
    return bool(_CONTINUES.match(b["text"]) or _DANGLES.search(a["text"].rstrip(" .")))


def _fold_wrapped_headers(
    rows: list[list[Any]], lines: list[list[dict[str, Any]]]
) -> tuple[list[list[Any]], list[list[dict[str, Any]]]]:
    """Header cells that wrapped ("Number of" over "arrests") made one: a header line whose
    every cell goes on, in the same column, from the line above (a lower-case start or a
    dangling word, see _wraps_on) is folded into that line. A line of sub-headers under a
    spanning header ("Male": "Under 18", "18 and over") does not read on, and stays a row."""
    out_rows: list[list[Any]] = []
    out_lines: list[list[dict[str, Any]]] = []
    for row, line in zip(rows, lines, strict=True):
        if out_rows:
            above = out_rows[-1]
            height = line[0]["bottom"] - line[0]["top"]
            gap = line[0]["top"] - max(p["bottom"] for p in out_lines[-1])
            filled = [c for c, v in enumerate(row) if v is not None]
            if filled and gap <= 1.0 * height and all(
                above[c] is not None and (_CONTINUES.match(str(row[c])) or _DANGLES.search(str(above[c]).rstrip(" .")))
                for c in filled
            ):
                for c in filled:
                    above[c] = f"{above[c]} {row[c]}"
                continue
        out_rows.append(row)
        out_lines.append(line)
    return out_rows, out_lines


def _leads_into_figures(lines: list[list[dict[str, Any]]], j: int) -> bool:
    """True when line j starts a label that runs on, over at most three more lines, into
    the first phrase of a line with figures (cells aligned to the bottom)."""
    m = j
    while m + 1 < len(lines) and m - j < 3:
        if _tabular(lines[m + 1]):
            return _wraps_on(lines[m], lines[m + 1][:1])
        if not _wraps_on(lines[m], lines[m + 1]):
            return False
        m += 1
    return False


def _join_wrapped_labels(
    rows: list[list[Any]], lines: list[list[dict[str, Any]]]
) -> tuple[list[list[Any]], list[int]]:
    """Put a row label that wrapped onto lines of its own back into the row of its figures.

    A line holding only a label (first column) belongs to the row of figures next to it when
    the label runs on across the two lines (see _wraps_on): after a row whose figures sit on
    its first line (cells aligned to the top, a word processor's default), or before a row
    whose figures sit on its last line. A row of figures with no label at all between two
    label-only lines is a label centred on two lines around its figures. Returns the rows and,
    per row kept, the index of its line."""
    def label_only(i: int) -> bool:
        row = rows[i]
        return row[0] is not None and all(v is None for v in row[1:]) and not is_numeric(str(row[0]))

    def figures(i: int) -> bool:
        return any(v is not None and is_numeric(str(v)) for v in rows[i][1:])

    def close(i: int, j: int) -> bool:
        a, b = lines[i][0], lines[j][0]
        height = a["bottom"] - a["top"]
        return b["top"] - max(p["bottom"] for p in lines[i]) <= 1.0 * height

    n = len(rows)
    gone: set[int] = set()
    for i in range(n):  # centred: label above and below a row of figures with no label
        if (
            figures(i) and rows[i][0] is None and 0 < i < n - 1 and label_only(i - 1) and label_only(i + 1)
            and close(i - 1, i) and close(i, i + 1) and {i - 1, i + 1}.isdisjoint(gone)
        ):
            rows[i][0] = f"{rows[i - 1][0]} {rows[i + 1][0]}"
            gone |= {i - 1, i + 1}
    for i in range(1, n):  # top-aligned: the label's rest follows the row (on one line or more)
        j = i - 1
        while j in gone and j > 0:
            j -= 1
        if (
            i not in gone and j not in gone and label_only(i) and figures(j) and rows[j][0] is not None
            and close(i - 1, i) and _wraps_on(lines[i - 1], lines[i])
        ):
            rows[j][0] = f"{rows[j][0]} {rows[i][0]}"
            gone.add(i)
    # bottom-aligned: the label's start comes before the row (on one line or more)
    owner: dict[int, int] = {i: i for i in range(n) if i not in gone and figures(i) and rows[i][0] is not None}
    for i in range(n - 2, -1, -1):
        target = owner.get(i + 1)
        if (
            target is not None and i not in gone and label_only(i) and close(i, i + 1)
            and _wraps_on(lines[i], lines[i + 1][:1])
        ):
            rows[target][0] = f"{rows[i][0]} {rows[target][0]}"
            gone.add(i)
            owner[i] = target
    kept = [i for i in range(n) if i not in gone]
    return [rows[i] for i in kept], kept


# --- char objects --------------------------------------------------------------------------

_PLAIN = frozenset({float, int, str, bool, type(None)})


def fast_chars(page: Any) -> None:
    """Make `page` turn pdfminer's chars into dicts faster than pdfplumber does.

    Turning layout objects into dicts is a third of a page's time, and nearly all of them
    are chars whose attributes are plain numbers and strings, which pdfplumber still sends
    one by one through `resolve_all`. This does the same steps for chars with that call
    skipped for plain values, giving equal dicts (tests/test_readers.py checks); every
    other object, and any pdfplumber other than the 0.11 series this mirrors, goes through
    pdfplumber's own `process_object`."""
    import pdfplumber
    from pdfminer.layout import LTChar
    from pdfplumber.page import ALL_ATTRS
    from pdfplumber.utils import resolve_all, resolve_and_decode

    if not pdfplumber.__version__.startswith("0.11.") or page.pdf.unicode_norm is not None:
        return
    slow = page.process_object
    page_number, height, doctop = page.page_number, page.height, page.initial_doctop
    mb_x0, mb_top = page.mediabox[:2]
    decoded: dict[str, Any] = {}

    def process_object(obj: Any) -> dict[str, Any]:
        if type(obj) is not LTChar or isinstance(obj.fontname, bytes):
            return slow(obj)
        attr: dict[str, Any] = {}
        for k, v in obj.__dict__.items():
            if k in ALL_ATTRS:
                t = type(v)
                if t in _PLAIN or (t is tuple and all(type(x) in _PLAIN for x in v)):
                    attr[k] = v
                else:
                    attr[k] = resolve_all(v)
        attr["object_type"] = "char"
        attr["page_number"] = page_number
        for cs in ("ncs", "scs"):
            if hasattr(obj, cs):
                name = getattr(obj, cs).name
                if type(name) is not str:
                    attr[cs] = resolve_and_decode(name)
                    continue
                # Decoded char by char each time in pdfplumber; a page has a handful of names.
                if name not in decoded:
                    decoded[name] = resolve_and_decode(name)
                attr[cs] = decoded[name]
        attr["text"] = obj.get_text()
        gs = obj.graphicstate
        attr["stroking_color"] = gs.scolor if isinstance(gs.scolor, tuple) else (gs.scolor,)
        attr["non_stroking_color"] = gs.ncolor if isinstance(gs.ncolor, tuple) else (gs.ncolor,)
        attr["top"] = (height - attr["y1"]) + mb_top
        attr["bottom"] = (height - attr["y0"]) + mb_top
        attr["doctop"] = doctop + attr["top"]
        if mb_x0 != 0:
            attr["x0"] = attr["x0"] + mb_x0
            attr["x1"] = attr["x1"] + mb_x0
        return attr

    # An instance attribute: only this page object is affected, not pdfplumber.
    page.process_object = process_object
