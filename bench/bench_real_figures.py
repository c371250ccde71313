"""Score the figures foi stores from real tables against values known independently.

    python bench/bench_real_figures.py [--json] [--hand FILE ...] [--only SUBSTRING] [--misses N]

Every file of the shared real corpus (`../shared/corpus/real` beside the project root; the bench
exits quietly when it is absent) is attached to a batch and parsed the way a user would, with no
mapping and the default schema. Its stored figures are then checked against:

- the expected values of the corpus (SOURCES.md): Cumbria's offence categories x years and outcomes
  x hospitals, the Home Office officer FTE and headcount by force, use of force and TASER tables,
  IOPC deaths by force x year, the NICS rows, camelot's and tabula-java's expected tables;
- hand-checked sets (`--hand`, default `../eval/handchecked.json` and `../eval/handchecked2.json`
  beside the project root, when present): figures read off real tables by a person, each with its
  file, cell, value and labels, split into `tuning` and `held-out` (reported apart, per set; the
  held-out ones were never looked at while changing foi). A set may also say which dimension some
  labels are (`"dims": {"period": "2021"}`): "by dimension" then counts the figures that also carry
  each such label under that dimension (`dims` of `foi figures --json`).

An expected figure counts as found when a figure of that file has its value AND carries each of its
labels: a label matches when the texts are equal once case, spacing, punctuation and footnote
markers are set aside, or when both are periods and the figure's lies within the expected one
("strict"); "loose" also accepts an expected label whose words all occur among the figure's labels
(transcriptions that flattened a two-row header, or renamed a force). Hand-checked figures must
also be at their cell. Per source: found / expected, strict and loose.
"""

from __future__ import annotations

import argparse
import csv
import json
import re
import sys
import tempfile
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
CORPUS = ROOT.parent / "shared" / "corpus" / "real"
HAND = [ROOT.parent / "eval" / "handchecked.json", ROOT.parent / "eval" / "handchecked2.json"]

MASS = "paulbradshaw-mass_foi_projects"
RL = "resistancelab-data"
RLX = f"{RL}/expected"
USE_OF_FORCE = f"{RL}/police-use-of-force-apr2017-mar2018-hosb3018-tables.ods"
IOPC = f"{RL}/Time_series_tables_2019-20.ods"
IOPC_SHEETS = {"custody_by_force": "Custody_By_Force", "other_contact_by_force": "Other_contact_by_force",
               "rti_by_force": "RTI_By_Force", "shootings_by_force": "Shootings_By_Force",
               "suicides_by_force": "Apparent_suicides_By_Force"}


@dataclass
class Expected:
    labels: list[str]
    value: float | str          # a number, or a suppression marker as written
    sheet: str | None = None
    location: str | None = None  # hand-checked figures: the cell ("Table_1!D13", "p2 ...")
    dims: dict[str, str] | None = None  # hand-checked figures: labels with the dimension they are


@dataclass
class Source:
    name: str                   # what is checked
    file: str                   # corpus path (or a path of its own for hand-checked files)
    expected: list[Expected]
    split: str = "corpus"       # corpus | tuning | held-out
    found_strict: int = 0
    found_loose: int = 0
    with_dims: int = 0           # expected figures that say which dimension their labels are
    found_dims: int = 0          # ... found strictly and with each such label under its dimension
    misses: list[str] = field(default_factory=list)


# --- normalising --------------------------------------------------------------------------------

_MARKS = re.compile(r"[~*^†‡#]+")


def norm(text: Any) -> str:
    s = _MARKS.sub(" ", str(text)).casefold().replace("&", " and ")
    return " ".join(re.sub(r"[^\w%]+", " ", s).replace("_", " ").split())


def number(text: str) -> float | None:
    t = text.strip().replace(",", "")
    try:
        return float(t)
    except ValueError:
        return None


# --- expectations from the corpus ---------------------------------------------------------------


def _csv(path: Path) -> list[list[str]]:
    with open(path, newline="", encoding="utf-8-sig") as fh:
        return [row for row in csv.reader(fh)]


def wide(path: Path, label_cols: int = 1, sheet: str | None = None, skip: set[str] = frozenset(),
         extra: list[str] | None = None, header_rows: int = 1) -> list[Expected]:
    """A transcribed wide table: row labels, then one column per header -> one figure per cell."""
    rows = _csv(path)
    head = rows[:header_rows]
    headers = [" ".join(h[c] for h in head if c < len(h) and h[c].strip()) for c in range(len(rows[0]))]
    out = []
    for row in rows[header_rows:]:
        labels = [row[c].strip() for c in range(label_cols) if row[c].strip()]
        labels = [_MARKS.sub("", lab).strip() for lab in labels]
        for c in range(label_cols, len(row)):
            cell = row[c].strip()
            if not cell or headers[c] in skip:
                continue
            value = number(cell)
            out.append(Expected([*labels, headers[c], *(extra or [])], value if value is not None else cell, sheet))
    return out


def cumbria() -> list[Source]:
    base = CORPUS / MASS / "expected-aresbr-Dataharvest"
    by_year = [Expected([r["offence_category"], r["financial_year"]], float(r["crime_count"]))
               for r in csv.DictReader(open(base / "cumbria_crimes_by_category_year.csv", newline="",
                                            encoding="utf-8"))]
    by_hospital = [Expected([r["hospital"], r["outcome"]], float(r["crime_count"]))
                   for r in csv.DictReader(open(base / "cumbria_crimes_by_outcome_hospital.csv", newline="",
                                                encoding="utf-8"))]
    return [Source("Cumbria offence category x year", f"{MASS}/Cumbria.pdf", by_year),
            Source("Cumbria outcome x hospital", f"{MASS}/Cumbria.pdf", by_hospital)]


def home_office() -> list[Source]:
    return [
        Source("Officer FTE by force (Table_1)", f"{RL}/police-workforce-sep19-tables.ods",
               wide(CORPUS / RLX / "police-population/officer-fte/2019.csv", sheet="Table_1")),
        Source("Officer headcount by force (Table_7)", f"{RL}/police-workforce-sep19-tables.ods",
               wide(CORPUS / RLX / "police-population/officer-headcount/2019.csv", sheet="Table_7")),
        Source("Use of force incidents by force (Table_12)", USE_OF_FORCE,
               [Expected([e.labels[1].removeprefix("Total ").strip() or e.labels[1], "Total"], e.value, "Table_12")
                for e in wide(CORPUS / RLX / "use-of-force/incidents/april2017-march2018.csv", label_cols=2)]),
        Source("TASER by type and force, 2016 (Table_2)", f"{RL}/police-use-of-conducted-energy-devices-2016.ods",
               wide(CORPUS / RLX / "taser-use/by-ced-type-force-region/2016.csv", sheet="Table_2")),
        Source("TASER by type and force, 2015 revised (Table_3)",
               f"{RL}/police-use-of-conducted-energy-devices-2016.ods",
               wide(CORPUS / RLX / "taser-use/by-ced-type-force-region/2015-revised.csv", sheet="Table_3")),
        Source("TASER use 2011-2016 (Table_1)", f"{RL}/police-use-of-conducted-energy-devices-2016.ods",
               wide(CORPUS / RLX / "taser-use/historic-ced-usage/2011-2016.csv", sheet="Table_1")),
        Source("TASER 2009/10 by quarter (PDF table 2)", f"{RL}/taser-figures-march-2010.pdf",
               wide(CORPUS / RLX / "taser-use/pre-2011/table2-2009-2010.csv")),
        Source("TASER 2004-10 by force (PDF table 1)", f"{RL}/taser-figures-march-2010.pdf",
               wide(CORPUS / RLX / "taser-use/pre-2011/table1-2004-2010-total.csv")),
    ] + [
        Source(f"Use of force TASER by force ({sheet})", USE_OF_FORCE,
               [Expected([_MARKS.sub("", e.labels[1]).removeprefix("Total ").strip(), *e.labels[2:]], e.value, sheet)
                for e in wide(CORPUS / RLX / f"use-of-force/by-ced-type-force-region/{name}.csv", label_cols=2)])
        for name, sheet in (("april2017-march2018", "Table_13"), ("january-march2017", "Table_14"),
                            ("january-december2016-revised", "Table_15"))
    ]


def iopc() -> list[Source]:
    out = []
    folder = CORPUS / RLX / "deaths-during-or-following-police-contact"
    for sub in sorted(folder.iterdir()):
        for path in sorted(sub.glob("*.csv")):
            measure = path.stem  # incidents | fatalities
            out.append(Source(f"IOPC {sub.name.replace('_', ' ')} {measure}", IOPC,
                              wide(path, sheet=IOPC_SHEETS[sub.name], extra=[measure])))
    return out


def nics() -> list[Source]:
    spec = json.loads((CORPUS / "pdfplumber/expected/nics-background-checks-2015-11_expected.json").read_text())
    cells = [Expected([spec["first_row"]["col0"], "Totals"], number(spec["first_row"]["col22"]) or 0),
             Expected([spec["last_data_row"]["col0"], "Totals"], number(spec["last_data_row"]["col22"]) or 0)]
    return [Source("NICS first and last rows, totals column", "pdfplumber/nics-background-checks-2015-11.pdf", cells)]


def _grid_expectations(rows: list[list[str]]) -> list[Expected]:
    """A full expected table (camelot, tabula): header rows above the first row of numbers; each
    number's labels are its row's first cell and its column's lowest header cell.

    Cells are read as the table writes its numbers: a space the extractor left before the
    decimals ("467 .9") is dropped, and a table whose numbers use decimal commas ("1.393,4",
    "886,7") is read that way."""
    commas = any(re.fullmatch(r"\(?\s*-?[\d.]*\d,\d{1,2}\)?", c.strip()) for row in rows for c in row[1:])

    def plain(cell: str) -> str:
        cell = re.sub(r"(?<=\d) (?=[.,]\d)", "", cell.strip()).replace("(", "-").replace(")", "").replace(" ", "")
        return cell.replace(".", "").replace(",", ".") if commas else cell

    def numeric(cell: str) -> bool:
        return number(plain(cell)) is not None and bool(cell.strip())

    first = next((i for i, row in enumerate(rows) if sum(map(numeric, row[1:])) * 2 >= max(1, len(row) - 1)),
                 None)
    if first is None:
        return []
    out = []
    for row in rows[first:]:
        label = " ".join(row[0].split())
        label = re.sub(r"[ .]{2,}$|(\s*\.)+$", "", label).strip()
        if not label:
            continue
        for c in range(1, len(row)):
            if not numeric(row[c]):
                continue
            header = next((" ".join(rows[h][c].split()) for h in range(first - 1, -1, -1)
                           if c < len(rows[h]) and rows[h][c].strip()), "")
            value = number(plain(row[c]))
            out.append(Expected([label, header] if header else [label], value if value is not None else row[c]))
    return out


def camelot_tabula() -> list[Source]:
    out = []
    spec = json.loads((CORPUS / "camelot/expected/camelot_expected_tables.json").read_text())
    for name, tests in spec.items():
        if name.startswith("_") or name == "column_span_2.pdf":
            continue  # column_span_2 expects cell text positions, not figures
        seen: set[str] = set()
        for test in tests:
            key = json.dumps(test["expected"])
            if key in seen:
                continue
            seen.add(key)
            expected = _grid_expectations(test["expected"])
            if expected:
                out.append(Source(f"camelot {name} {test['expected_var'].split(' ')[0]}", f"camelot/{name}",
                                  expected))
    for name in ("us-020", "spanning_cells", "spreadsheet_no_bounding_frame"):
        rows = _csv(CORPUS / "tabula-java/expected" / f"{name}.csv")
        out.append(Source(f"tabula-java {name}", f"tabula-java/{name}.pdf", _grid_expectations(rows)))
    return out


def hand_checked(path: Path) -> list[Source]:
    if not path.is_file():
        return []
    data = json.loads(path.read_text(encoding="utf-8"))
    # Each set's splits are reported apart: "held-out" of the first set, "held-out 2" of the second.
    suffix = re.sub(r"^handchecked", "", path.stem)
    out = []
    for item in data["files"]:
        expected = [Expected(f["labels"], f["value"], f.get("sheet"), f.get("location"), f.get("dims"))
                    for f in item["figures"]]
        split = f"{item['split']} {suffix}".strip()
        out.append(Source(f"hand-checked {Path(item['file']).name}", item["file"], expected, split))
    return out


# --- running foi --------------------------------------------------------------------------------


def corpus_files() -> list[str]:
    return sorted(p.relative_to(CORPUS).as_posix() for p in CORPUS.rglob("*")
                  if p.is_file() and not any(part.startswith("expected") for part in p.relative_to(CORPUS).parts[:-1])
                  and p.name != "SOURCES.md")


def parse_all(files: list[Path]) -> tuple[dict[str, list[dict[str, Any]]], dict[str, Any]]:
    """Attach every file to its own force of one batch and parse; figures and reports by file."""
    from foi.batches import create_batch
    from foi.figures.filing import attach
    from foi.figures.parsing import parse_batch
    from foi.figures.query import list_figures
    from foi.workspace import init_workspace

    tmp = Path(tempfile.mkdtemp(prefix="foi-bench-real-"))
    ws = init_workspace(tmp / "w", name="Bench", email="b@example.org", organisation="x", address="y")
    create_batch(ws, "real", template="request-outcomes", vars={"first_year": "2019/20", "last_year": "2023/24"},
                 today=date(2026, 11, 21))
    slugs = [r["body"] for r in ws.db.query("SELECT body FROM requests WHERE batch = 'real' ORDER BY seq")]
    batches = [files[i:i + len(slugs)] for i in range(0, len(files), len(slugs))]
    figures: dict[str, list[dict[str, Any]]] = defaultdict(list)
    reports: dict[str, Any] = {}
    for k, chunk in enumerate(batches):
        name = "real" if k == 0 else f"real{k}"
        if k:
            create_batch(ws, name, template="request-outcomes", vars={"first_year": "2019/20",
                                                                      "last_year": "2023/24"},
                         today=date(2026, 11, 21))
        by_body = {}
        for slug, path in zip(slugs, chunk, strict=False):
            attach(ws, name, slug, [path])
            by_body[slug] = str(path)
        for report in parse_batch(ws, name):
            reports[by_body[report.body]] = report
        sender = {d["id"]: by_body[d["body"]] for d in ws.db.query("SELECT id, body FROM documents WHERE batch = ?",
                                                                   [name])}
        for f in list_figures(ws, name):
            figures[sender[f["document_id"]]].append(f)
    return figures, reports


# --- matching -------------------------------------------------------------------------------------


def _period(text: str) -> tuple[date, date] | None:
    from foi.periods import parse_period

    found = parse_period(text)
    return (found.start, found.end) if found else None


def _label_ok(expected: str, figure: dict[str, Any], texts: set[str], words: set[str], loose: bool) -> bool:
    e = norm(expected)
    if not e or e in texts:
        return True
    span = _period(expected)
    if span and figure.get("period_start"):
        start, end = date.fromisoformat(figure["period_start"]), date.fromisoformat(figure["period_end"])
        if span[0] <= start and end <= span[1]:
            return True
    if loose and set(e.split()) <= words:
        return True
    return _joined_ok(expected, figure, texts, words, loose)


def _joined_ok(expected: str, figure: dict[str, Any], texts: set[str], words: set[str], loose: bool) -> bool:
    """A transcription that joined a header block into one label ("April-June 2009 Firings"): a period
    leading the label holds the figure's period, and the rest is one of its labels."""
    if not figure.get("period_start"):
        return False
    parts = expected.split()
    for k in range(len(parts) - 1, 0, -1):
        span = _period(" ".join(parts[:k]))
        if span is None:
            continue
        start, end = date.fromisoformat(figure["period_start"]), date.fromisoformat(figure["period_end"])
        rest = norm(" ".join(parts[k:]))
        return span[0] <= start and end <= span[1] and (rest in texts or loose and set(rest.split()) <= words)
    return False


def _value_ok(expected: float | str, figure: dict[str, Any]) -> bool:
    if isinstance(expected, str):
        return figure["suppressed"] is not None and norm(figure["suppressed"]) == norm(expected)
    value = figure["value"]
    if value is None:
        return False
    return abs(value - expected) <= 1e-6 * max(1.0, abs(expected)) or round(value, 2) == round(expected, 2)


def _dims_ok(expected: Expected, figure: dict[str, Any]) -> bool:
    """Each label the set gives a dimension for is the figure's label of that dimension."""
    for dimension, label in (expected.dims or {}).items():
        got = figure["dims"].get(dimension)
        if got is None:
            return False
        if norm(got) == norm(label):
            continue
        span = _period(label) if dimension == "period" else None
        if not (span and figure.get("period_start") and span[0] <= date.fromisoformat(figure["period_start"])
                and date.fromisoformat(figure["period_end"]) <= span[1]):
            return False
    return True


def score(source: Source, figures: list[dict[str, Any]], show: int) -> None:
    prepared = []
    for f in figures:
        texts = {norm(t) for t in [*f["labels"].values(), *f["dims"].values()] if t}
        words = {w for t in texts for w in t.split()}
        prepared.append((f, texts, words))
    for e in source.expected:
        pool = [p for p in prepared if (e.sheet is None or p[0]["sheet"] == e.sheet)
                and (e.location is None or p[0]["location"] == e.location) and _value_ok(e.value, p[0])]
        matched = [f for f, t, w in pool if all(_label_ok(lab, f, t, w, False) for lab in e.labels)]
        strict = bool(matched)
        loose = strict or any(all(_label_ok(lab, f, t, w, True) for lab in e.labels) for f, t, w in pool)
        source.found_strict += strict
        source.found_loose += loose
        if e.dims:
            source.with_dims += 1
            source.found_dims += any(_dims_ok(e, f) for f in matched)
        if not strict and len(source.misses) < show:
            why = "no figure with this value" + (f" at {e.location}" if e.location else "") if not pool else \
                "labels differ: " + "; ".join(sorted({", ".join(f"{k}={v}" for k, v in p[0]["labels"].items())
                                                      for p in pool[:2]}))
            source.misses.append(f"{e.labels} = {e.value}: {why}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--hand", type=Path, action="append", help="a hand-checked set (repeat for more)")
    parser.add_argument("--only", default="")
    parser.add_argument("--misses", type=int, default=3)
    args = parser.parse_args()
    if not CORPUS.is_dir():
        print(f"shared corpus not found at {CORPUS}: nothing to measure")
        return
    sources = [*cumbria(), *home_office(), *iopc(), *nics(), *camelot_tabula(),
               *(s for path in (args.hand or HAND) for s in hand_checked(path))]
    sources = [s for s in sources if args.only in s.name or args.only in s.file]
    paths = {}
    for s in sources:
        path = Path(s.file) if Path(s.file).is_absolute() else CORPUS / s.file
        paths[s.file] = path
    wanted = sorted(set(paths.values()) | ({CORPUS / f for f in corpus_files()} if not args.only else set()))
    figures, reports = parse_all(wanted)
    for s in sources:
        score(s, figures.get(str(paths[s.file]), []), args.misses)
    splits: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0, 0, 0])
    for s in sources:
        acc = splits[s.split]
        acc[0] += s.found_strict
        acc[1] += s.found_loose
        acc[2] += len(s.expected)
        acc[3] += s.found_dims
        acc[4] += s.with_dims
    files = {str(p): {"status": r.status, "figures": r.figures, "totals": r.totals, "warnings": len(r.warnings)}
             for p, r in reports.items()}
    if args.json:
        print(json.dumps({"sources": [{"name": s.name, "file": s.file, "split": s.split, "expected": len(s.expected),
                                       "strict": s.found_strict, "loose": s.found_loose,
                                       "by_dimension": s.found_dims, "with_dimensions": s.with_dims,
                                       "misses": s.misses}
                                      for s in sources],
                          "splits": {k: {"strict": v[0], "loose": v[1], "expected": v[2], "by_dimension": v[3],
                                         "with_dimensions": v[4]} for k, v in splits.items()},
                          "files": files}, indent=2))
        return
    width = max(len(s.name) for s in sources) if sources else 10
    print(f"{'source':{width}}  split       strict    loose  expected  by dimension")
    for s in sources:
        dims = f"{s.found_dims}/{s.with_dims}" if s.with_dims else ""
        print(f"{s.name:{width}}  {s.split:10} {s.found_strict:6} {s.found_loose:8} {len(s.expected):9}  {dims:>12}")
        for miss in s.misses:
            print(f"{'':{width}}    miss: {miss[:160]}")
    print()
    for split, (strict, loose, total, dims, with_dims) in splits.items():
        by_dim = f", by dimension {dims}/{with_dims}" if with_dims else ""
        print(f"{split:11} strict {strict}/{total} ({100 * strict / max(1, total):.0f}%), "
              f"loose {loose}/{total} ({100 * loose / max(1, total):.0f}%){by_dim}")
    print()
    for path, info in sorted(files.items()):
        print(f"{Path(path).name[:50]:50} {info['status']:13} {info['figures']:7} figures "
              f"({info['totals']} totals), {info['warnings']} warnings")


if __name__ == "__main__":
    main()
