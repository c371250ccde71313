"""Schema 5: figures keep every label; older files are upgraded in place, figure ids kept.

Each test writes a database as an older foi left it (version 2, 3 or 4), opens it with this foi
and checks that the `figures` view reads the same for what the old one had, with the old
dimensions now labels of the figure.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from foi.db import (
    _V3_CELL_COLUMNS,
    _V3_FIGURES_VIEW,
    _V4_FIGURES_VIEW,
    SCHEMA_V1,
    SCHEMA_VERSION,
    open_db,
    schema_version,
)
from foi.figures.filing import attach
from foi.workspace import Workspace

OLD = ("id", "batch", "body", "document_id", "period_start", "period_end", "period_label", "offence", "offence_code",
       "outcome", "outcome_code", "value", "suppressed", "source_file", "source_sha256", "sheet", "page",
       "table_index", "row_num", "col_num", "location", "raw")


def _document(ws: Workspace, tmp_path: Path) -> dict:
    reply = tmp_path / "reply.csv"
    reply.write_text("Year,Count\n2014/15,1\n", encoding="utf-8")
    [stored] = attach(ws, "cautions", "kent", [reply])
    return dict(next(iter(ws.db.query("SELECT * FROM documents WHERE id = ?", [stored["document_id"]]))))


def _figures(doc: dict) -> list[dict]:
    """What an older foi stored: ids with a gap, a suppressed cell, a custom dimension, a period with no dates."""
    base = {"batch": "cautions", "body": "kent", "document_id": doc["id"], "source_file": doc["path"],
            "source_sha256": doc["sha256"], "sheet": "Sheet1", "page": None, "table_index": 0, "col_num": 3}
    return [
        {**base, "id": 7, "period_start": "2014-04-01", "period_end": "2015-03-31", "period_label": "2014/15",
         "offence": "Burglary", "offence_code": "28E", "outcome": "Adult caution", "outcome_code": "3", "value": 12.0,
         "suppressed": None, "dims": {"ethnicity": "White"}, "row_num": 2, "location": "Sheet1!C2", "raw": "12"},
        {**base, "id": 9, "period_start": None, "period_end": None, "period_label": "Last year",
         "offence": "Burglary", "offence_code": "28E", "outcome": None, "outcome_code": None, "value": None,
         "suppressed": "*", "dims": {"ethnicity": "Black"}, "row_num": 3, "location": "Sheet1!C3", "raw": "*"},
        {**base, "id": 10, "period_start": "2014-04-01", "period_end": "2015-03-31", "period_label": "2014/15",
         "offence": None, "offence_code": None, "outcome": "Adult caution", "outcome_code": "3", "value": 4.5,
         "suppressed": None, "dims": {}, "row_num": 4, "location": "Sheet1!C4", "raw": "4.5"},
    ]


def _reopen_and_check(ws: Workspace, figures: list[dict]) -> None:
    ws.db.conn.close()
    db = open_db(ws.db_path)
    assert schema_version(db.conn) == SCHEMA_VERSION
    rows = [dict(r) for r in db.query("SELECT * FROM figures ORDER BY id")]
    assert [{k: r[k] for k in OLD} for r in rows] == [{k: f[k] for k in OLD} for f in figures]
    for row, old in zip(rows, figures, strict=True):
        named = {"period": old["period_label"], "offence": old["offence"], "outcome": old["outcome"]}
        assert json.loads(row["dims"]) == {**{k: v for k, v in named.items() if v is not None}, **old["dims"]}
        assert json.loads(row["labels"]) == json.loads(row["dims"])  # an older foi kept no header names
        assert (row["total"], row["unit"], row["sender"]) == (0, None, "kent")
    kinds = dict(db.conn.execute(
        "SELECT name, type FROM sqlite_master WHERE name IN ('figures', 'figure_cells', 'figure_labels')"))
    assert kinds == {"figures": "view", "figure_cells": "table", "figure_labels": "table"}


def _drop_v5(conn) -> None:  # type: ignore[no-untyped-def]
    conn.execute("DROP VIEW figures")
    conn.execute("DROP TABLE figure_cells")
    conn.execute("DROP TABLE figure_labels")


def test_schema_2_figures_upgrade_to_5_and_read_the_same(batch_ws: Workspace, tmp_path: Path) -> None:
    figures = _figures(_document(batch_ws, tmp_path))
    conn = batch_ws.db.conn
    with conn:
        _drop_v5(conn)
        conn.execute(re.search(r"CREATE TABLE IF NOT EXISTS figures \(.*?\);", SCHEMA_V1, re.S).group(0))
        for f in figures:
            row = {**{k: f[k] for k in OLD}, "dims": json.dumps(f["dims"])}
            conn.execute(f"INSERT INTO figures ({', '.join(row)}) VALUES ({', '.join('?' * len(row))})",
                         list(row.values()))
        conn.execute("UPDATE meta SET value = '2' WHERE key = 'schema_version'")
    _reopen_and_check(batch_ws, figures)


def test_schema_3_figures_upgrade_to_5_and_read_the_same(batch_ws: Workspace, tmp_path: Path) -> None:
    figures = _figures(_document(batch_ws, tmp_path))
    conn = batch_ws.db.conn
    with conn:
        _drop_v5(conn)
        conn.execute("CREATE TABLE figure_cells (id INTEGER PRIMARY KEY, " + ", ".join(_V3_CELL_COLUMNS) + ")")
        for f in figures:
            row = {"id": f["id"], **{k: f[k] for k in _V3_CELL_COLUMNS if k != "dims"}, "dims": json.dumps(f["dims"])}
            conn.execute(f"INSERT INTO figure_cells ({', '.join(row)}) VALUES ({', '.join('?' * len(row))})",
                         list(row.values()))
        conn.execute(_V3_FIGURES_VIEW)
        conn.execute("UPDATE meta SET value = '3' WHERE key = 'schema_version'")
    _reopen_and_check(batch_ws, figures)


def test_schema_4_figures_upgrade_to_5_keeping_ids_and_custom_dimensions(batch_ws: Workspace,
                                                                          tmp_path: Path) -> None:
    figures = _figures(_document(batch_ws, tmp_path))
    conn = batch_ws.db.conn
    with conn:
        _drop_v5(conn)
        conn.execute("CREATE TABLE figure_labels (document_id INTEGER NOT NULL REFERENCES documents(id), "
                     "n INTEGER NOT NULL, dimension TEXT NOT NULL, label TEXT, code TEXT, period_start TEXT, "
                     "period_end TEXT, PRIMARY KEY (document_id, n))")
        conn.execute("CREATE TABLE figure_cells (id INTEGER PRIMARY KEY, document_id INTEGER NOT NULL, period_n "
                     "INTEGER, offence_n INTEGER, outcome_n INTEGER, value REAL, suppressed TEXT, dims TEXT NOT NULL "
                     "DEFAULT '{}', sheet TEXT, page INTEGER, table_index INTEGER, row_num INTEGER, col_num INTEGER, "
                     "location TEXT, raw TEXT)")
        labels: dict[tuple, int] = {}

        def number(*key: object) -> int | None:
            if all(k is None for k in key[1:]):
                return None
            return labels.setdefault(key, len(labels))

        for f in figures:
            ns = (number("period", f["period_label"], None, f["period_start"], f["period_end"]),
                  number("offence", f["offence"], f["offence_code"], None, None),
                  number("outcome", f["outcome"], f["outcome_code"], None, None))
            conn.execute("INSERT INTO figure_cells (id, document_id, period_n, offence_n, outcome_n, value, "
                         "suppressed, dims, sheet, page, table_index, row_num, col_num, location, raw) "
                         "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                         (f["id"], f["document_id"], *ns, f["value"], f["suppressed"], json.dumps(f["dims"]),
                          f["sheet"], f["page"], f["table_index"], f["row_num"], f["col_num"], f["location"],
                          f["raw"]))
        conn.executemany("INSERT INTO figure_labels VALUES (?,?,?,?,?,?,?)",
                         [(figures[0]["document_id"], n, *key) for key, n in labels.items()])
        conn.execute(_V4_FIGURES_VIEW)
        conn.execute("UPDATE meta SET value = '4' WHERE key = 'schema_version'")
    _reopen_and_check(batch_ws, figures)
    db = open_db(batch_ws.db_path)
    ethnicity = db.conn.execute("SELECT header, label FROM figure_labels WHERE dimension = 'ethnicity' "
                                "ORDER BY label").fetchall()
    assert ethnicity == [("ethnicity", "Black"), ("ethnicity", "White")]
