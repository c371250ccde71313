"""The SQLite database of a workspace: its schema, its version and its upgrades.

One file, `db/foi.db`, opened with sqlite-utils so that it is also a Datasette database.
Every change goes through `transaction(db)` (what `db.atomic()` also is on a database opened
here), so nothing is ever written half-way.

Two foi commands may run at once (an import while a parse runs, say). In WAL mode a deferred
transaction that reads and then writes fails at once with "database is locked" when another
writer got in between, so a write transaction takes the write lock up front (`BEGIN IMMEDIATE`)
and waits for it up to BUSY_TIMEOUT seconds; only then does it say the database is busy.
"""

from __future__ import annotations

import json
import os
import secrets
import sqlite3
import sys
import weakref
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from foi.errors import FoiError

if TYPE_CHECKING:
    import sqlite_utils

SCHEMA_VERSION = 6
# How long a writer waits for another command's write transaction to end (seconds).
BUSY_TIMEOUT = float(os.environ.get("FOI_BUSY_TIMEOUT", "120"))

# Version 1: the whole schema. Later versions append a function to MIGRATIONS that takes the
# database from version N to N+1; `open_db` runs the missing ones in order in one transaction.
SCHEMA_V1 = """
CREATE TABLE IF NOT EXISTS meta (
    key TEXT PRIMARY KEY,
    value TEXT
);
CREATE TABLE IF NOT EXISTS bodies (
    slug TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    ons_code TEXT,
    region TEXT,
    act TEXT NOT NULL DEFAULT 'FOIA',
    grp TEXT NOT NULL DEFAULT 'custom',
    website TEXT,
    foi_email TEXT,
    email_source TEXT,
    portal TEXT,
    note TEXT,
    aliases TEXT NOT NULL DEFAULT '[]',
    updated_at TEXT
);
CREATE TABLE IF NOT EXISTS batches (
    name TEXT PRIMARY KEY,
    template TEXT NOT NULL,
    subject TEXT NOT NULL,
    vars TEXT NOT NULL DEFAULT '{}',
    schema TEXT,
    ref_prefix TEXT NOT NULL UNIQUE,
    next_seq INTEGER NOT NULL DEFAULT 1,
    created_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS requests (
    id INTEGER PRIMARY KEY,
    batch TEXT NOT NULL REFERENCES batches(name),
    body TEXT NOT NULL REFERENCES bodies(slug),
    reference TEXT NOT NULL UNIQUE,
    seq INTEGER NOT NULL,
    status TEXT NOT NULL DEFAULT 'draft',
    sent_on TEXT,
    received_on TEXT,
    due_on TEXT,
    force_reference TEXT,
    sections TEXT NOT NULL DEFAULT '[]',
    ncnd INTEGER NOT NULL DEFAULT 0,
    message_id TEXT,
    last_event_on TEXT,
    created_at TEXT NOT NULL,
    UNIQUE (batch, body)
);
CREATE TABLE IF NOT EXISTS events (
    id INTEGER PRIMARY KEY,
    request_id INTEGER NOT NULL REFERENCES requests(id),
    on_date TEXT NOT NULL,
    kind TEXT NOT NULL,
    note TEXT,
    sections TEXT NOT NULL DEFAULT '[]',
    ncnd INTEGER NOT NULL DEFAULT 0,
    question INTEGER,
    until TEXT,
    received TEXT,
    force_reference TEXT,
    source TEXT NOT NULL DEFAULT 'hand',
    evidence TEXT,
    message_row INTEGER REFERENCES messages(id),
    recorded_at TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS events_request ON events(request_id, id);
CREATE TABLE IF NOT EXISTS messages (
    id INTEGER PRIMARY KEY,
    message_id TEXT NOT NULL UNIQUE,
    request_id INTEGER REFERENCES requests(id),
    direction TEXT NOT NULL DEFAULT 'in',
    from_addr TEXT,
    to_addr TEXT,
    subject TEXT,
    date TEXT,
    kind TEXT,
    matched_by TEXT,
    path TEXT,
    sha256 TEXT,
    body_text TEXT,
    imported_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS documents (
    id INTEGER PRIMARY KEY,
    request_id INTEGER NOT NULL REFERENCES requests(id),
    batch TEXT NOT NULL,
    body TEXT NOT NULL,
    path TEXT NOT NULL,
    sha256 TEXT NOT NULL,
    original_name TEXT,
    size INTEGER,
    source TEXT NOT NULL,
    message_row INTEGER REFERENCES messages(id),
    status TEXT NOT NULL DEFAULT 'queued',
    reader TEXT,
    parsed_at TEXT,
    warnings TEXT NOT NULL DEFAULT '[]',
    added_at TEXT NOT NULL,
    UNIQUE (request_id, sha256)
);
CREATE TABLE IF NOT EXISTS figures (
    id INTEGER PRIMARY KEY,
    batch TEXT NOT NULL,
    body TEXT NOT NULL,
    document_id INTEGER NOT NULL REFERENCES documents(id),
    period_start TEXT,
    period_end TEXT,
    period_label TEXT,
    offence TEXT,
    offence_code TEXT,
    outcome TEXT,
    outcome_code TEXT,
    value REAL,
    suppressed TEXT,
    dims TEXT NOT NULL DEFAULT '{}',
    source_file TEXT NOT NULL,
    source_sha256 TEXT NOT NULL,
    sheet TEXT,
    page INTEGER,
    table_index INTEGER,
    row_num INTEGER,
    col_num INTEGER,
    location TEXT,
    raw TEXT
);
CREATE INDEX IF NOT EXISTS figures_batch_body ON figures(batch, body);
CREATE INDEX IF NOT EXISTS figures_document ON figures(document_id);
"""



def _v2_event_voids(conn: sqlite3.Connection) -> None:
    # A correction names the events it voids; they stay in the log, ignored when deriving state.
    conn.execute("ALTER TABLE events ADD COLUMN voids TEXT NOT NULL DEFAULT '[]'")
    rows = conn.execute("SELECT id, evidence FROM events WHERE kind = 'correction' AND evidence LIKE 'voids %'")
    for event_id, evidence in rows.fetchall():
        ids = [int(x) for x in evidence.removeprefix("voids ").split(",") if x.strip().isdigit()]
        # v1 kept the list in `evidence`; it moves, so reports and exports don't show "voids 12".
        conn.execute("UPDATE events SET voids = ?, evidence = NULL WHERE id = ?", (json.dumps(ids), event_id))


# What a figure holds itself; batch, the sender and the source file's path and hash are its document's,
# and its labels (with their dates and codes) are its document's numbered labels: the period,
# offence, outcome and body ones in columns of their own, the others as a JSON array of numbers.
# `raw` is NULL where the cell held a whole number written plainly: the view writes it from `value`.
FIGURE_CELL_COLUMNS = ("document_id", "period_n", "offence_n", "outcome_n", "body_n", "labels", "value",
                       "suppressed", "unit", "total", "note", "sheet", "page", "table_index", "row_num", "col_num",
                       "location", "raw")
FIGURE_LABEL_COLUMNS = ("document_id", "n", "header", "dimension", "label", "code", "period_start", "period_end",
                        "aggregate", "source", "position", "note")

# A figure's labels as (label number) rows: its four labels with columns of their own, then the rest.
_FIGURE_LABEL_NUMBERS = """(SELECT f.period_n AS n UNION ALL SELECT f.offence_n UNION ALL SELECT f.outcome_n
      UNION ALL SELECT f.body_n UNION ALL SELECT value FROM json_each(coalesce(f.labels, '[]')))"""

FIGURES_VIEW = f"""
CREATE VIEW figures AS
SELECT f.id, d.batch, coalesce(b.code, d.body) AS body, f.document_id, p.period_start, p.period_end,
       p.label AS period_label, o.label AS offence, o.code AS offence_code, u.label AS outcome,
       u.code AS outcome_code, f.value, f.suppressed, f.unit, f.total,
       (SELECT json_group_object(l.dimension, l.label) FROM {_FIGURE_LABEL_NUMBERS} k
        JOIN figure_labels l ON l.document_id = f.document_id AND l.n = k.n) AS dims,
       (SELECT json_group_object(l.header, l.label) FROM {_FIGURE_LABEL_NUMBERS} k
        JOIN figure_labels l ON l.document_id = f.document_id AND l.n = k.n) AS labels,
       f.note, d.body AS sender, d.path AS source_file, d.sha256 AS source_sha256, f.sheet, f.page,
       f.table_index, f.row_num, f.col_num, f.location,
       coalesce(f.raw, CAST(CAST(f.value AS INTEGER) AS TEXT)) AS raw
FROM figure_cells f JOIN documents d ON d.id = f.document_id
LEFT JOIN figure_labels p ON p.document_id = f.document_id AND p.n = f.period_n
LEFT JOIN figure_labels o ON o.document_id = f.document_id AND o.n = f.offence_n
LEFT JOIN figure_labels u ON u.document_id = f.document_id AND u.n = f.outcome_n
LEFT JOIN figure_labels b ON b.document_id = f.document_id AND b.n = f.body_n
"""

# Schema 4's figures view, as its upgrade from 3 made it (MIGRATIONS must not change with the schema).
_V4_FIGURES_VIEW = """
CREATE VIEW figures AS
SELECT f.id, d.batch, d.body, f.document_id, p.period_start, p.period_end, p.label AS period_label,
       o.label AS offence, o.code AS offence_code, u.label AS outcome, u.code AS outcome_code,
       f.value, f.suppressed, f.dims, d.path AS source_file, d.sha256 AS source_sha256, f.sheet, f.page,
       f.table_index, f.row_num, f.col_num, f.location, f.raw
FROM figure_cells f JOIN documents d ON d.id = f.document_id
LEFT JOIN figure_labels p ON p.document_id = f.document_id AND p.n = f.period_n
LEFT JOIN figure_labels o ON o.document_id = f.document_id AND o.n = f.offence_n
LEFT JOIN figure_labels u ON u.document_id = f.document_id AND u.n = f.outcome_n
"""

# Schema 3's figure_cells, as its upgrade from 2 made it (MIGRATIONS must not change with the schema).
_V3_CELL_COLUMNS = ("document_id", "period_start", "period_end", "period_label", "offence", "offence_code",
                    "outcome", "outcome_code", "value", "suppressed", "dims", "sheet", "page", "table_index",
                    "row_num", "col_num", "location", "raw")
_V3_FIGURES_VIEW = """
CREATE VIEW figures AS
SELECT f.id, d.batch, d.body, f.document_id, f.period_start, f.period_end, f.period_label, f.offence,
       f.offence_code, f.outcome, f.outcome_code, f.value, f.suppressed, f.dims,
       d.path AS source_file, d.sha256 AS source_sha256, f.sheet, f.page, f.table_index, f.row_num,
       f.col_num, f.location, f.raw
FROM figure_cells f JOIN documents d ON d.id = f.document_id
"""


def _v3_figure_cells(conn: sqlite3.Connection) -> None:
    # A 200,000-row reply wrote its batch, body, file path and 64-character hash 200,000 times;
    # they are the document's, so figures become a view over narrower rows (half the bytes, one
    # index fewer) and a figure can no longer disagree with the document it came from.
    conn.execute(
        "CREATE TABLE figure_cells (id INTEGER PRIMARY KEY, "
        "document_id INTEGER NOT NULL REFERENCES documents(id), period_start TEXT, period_end TEXT, "
        "period_label TEXT, offence TEXT, offence_code TEXT, outcome TEXT, outcome_code TEXT, value REAL, "
        "suppressed TEXT, dims TEXT NOT NULL DEFAULT '{}', sheet TEXT, page INTEGER, table_index INTEGER, "
        "row_num INTEGER, col_num INTEGER, location TEXT, raw TEXT)")
    columns = ", ".join(_V3_CELL_COLUMNS)
    conn.execute(f"INSERT INTO figure_cells (id, {columns}) SELECT id, {columns} FROM figures ORDER BY id")
    conn.execute("DROP TABLE figures")
    conn.execute("CREATE INDEX figure_cells_document ON figure_cells(document_id)")
    conn.execute("CREATE INDEX IF NOT EXISTS documents_batch_body ON documents(batch, body)")
    conn.execute(_V3_FIGURES_VIEW)


def _v4_figure_labels(conn: sqlite3.Connection) -> None:
    # A reply has thousands of figures but dozens of periods, offences and outcomes: each figure
    # wrote its period's label and two dates, and its offence's and outcome's labels and codes.
    # They become its document's numbered labels (a 200,000-figure reply stores in half the time
    # and half the bytes); the `figures` view reads exactly as before.
    conn.execute("DROP VIEW figures")
    conn.execute(
        "CREATE TABLE figure_labels (document_id INTEGER NOT NULL REFERENCES documents(id), n INTEGER NOT NULL, "
        "dimension TEXT NOT NULL, label TEXT, code TEXT, period_start TEXT, period_end TEXT, "
        "PRIMARY KEY (document_id, n))")
    conn.execute("""
        INSERT INTO figure_labels (document_id, n, dimension, label, code, period_start, period_end)
        SELECT document_id, row_number() OVER (PARTITION BY document_id ORDER BY dimension, label, code, s, e) - 1,
               dimension, label, code, s, e
        FROM (SELECT DISTINCT document_id, 'period' AS dimension, period_label AS label, NULL AS code,
                     period_start AS s, period_end AS e
              FROM figure_cells WHERE coalesce(period_label, period_start, period_end) IS NOT NULL
              UNION
              SELECT DISTINCT document_id, 'offence', offence, offence_code, NULL, NULL
              FROM figure_cells WHERE coalesce(offence, offence_code) IS NOT NULL
              UNION
              SELECT DISTINCT document_id, 'outcome', outcome, outcome_code, NULL, NULL
              FROM figure_cells WHERE coalesce(outcome, outcome_code) IS NOT NULL)""")
    # For the join below only: without it, each figure would scan its document's labels.
    conn.execute("CREATE INDEX figure_labels_text ON figure_labels(document_id, dimension, label)")
    conn.execute("ALTER TABLE figure_cells RENAME TO figure_cells_v3")
    conn.execute(
        "CREATE TABLE figure_cells (id INTEGER PRIMARY KEY, document_id INTEGER NOT NULL REFERENCES documents(id), "
        "period_n INTEGER, offence_n INTEGER, outcome_n INTEGER, value REAL, suppressed TEXT, "
        "dims TEXT NOT NULL DEFAULT '{}', sheet TEXT, page INTEGER, table_index INTEGER, row_num INTEGER, "
        "col_num INTEGER, location TEXT, raw TEXT)")
    conn.execute("""
        INSERT INTO figure_cells (id, document_id, period_n, offence_n, outcome_n, value, suppressed, dims, sheet,
                                  page, table_index, row_num, col_num, location, raw)
        SELECT c.id, c.document_id, p.n, o.n, u.n, c.value, c.suppressed, c.dims, c.sheet, c.page, c.table_index,
               c.row_num, c.col_num, c.location, c.raw
        FROM figure_cells_v3 c
        LEFT JOIN figure_labels p ON p.document_id = c.document_id AND p.dimension = 'period'
             AND p.label IS c.period_label AND p.period_start IS c.period_start AND p.period_end IS c.period_end
        LEFT JOIN figure_labels o ON o.document_id = c.document_id AND o.dimension = 'offence'
             AND o.label IS c.offence AND o.code IS c.offence_code
        LEFT JOIN figure_labels u ON u.document_id = c.document_id AND u.dimension = 'outcome'
             AND u.label IS c.outcome AND u.code IS c.outcome_code
        ORDER BY c.id""")
    conn.execute("DROP TABLE figure_cells_v3")
    conn.execute("DROP INDEX figure_labels_text")
    conn.execute("CREATE INDEX figure_cells_document ON figure_cells(document_id)")
    conn.execute(_V4_FIGURES_VIEW)


def _v5_every_label(conn: sqlite3.Connection) -> None:
    # Every label of a figure is kept (its header, dimension, code, dates, whether it is an aggregate,
    # where it came from); a figure may have its own body (a table with a row per force), a unit and
    # a total mark. Schema 4's `dims` (custom dimensions, JSON per figure) become numbered labels too.
    conn.execute("DROP VIEW figures")
    for column in ("header TEXT", "aggregate INTEGER NOT NULL DEFAULT 0", "source TEXT", "position INTEGER",
                   "note TEXT"):
        conn.execute(f"ALTER TABLE figure_labels ADD COLUMN {column}")
    conn.execute("UPDATE figure_labels SET header = dimension")
    conn.execute("""
        INSERT INTO figure_labels (document_id, n, header, dimension, label)
        SELECT document_id, base + row_number() OVER (PARTITION BY document_id ORDER BY key, value), key, key, value
        FROM (SELECT DISTINCT c.document_id, j.key, CAST(j.value AS TEXT) AS value,
                     coalesce((SELECT max(n) FROM figure_labels l WHERE l.document_id = c.document_id), -1) AS base
              FROM figure_cells c, json_each(c.dims) j WHERE c.dims NOT IN ('', '{}'))""")
    conn.execute("CREATE INDEX figure_labels_text ON figure_labels(document_id, dimension, label)")
    conn.execute("ALTER TABLE figure_cells RENAME TO figure_cells_v4")
    conn.execute(
        "CREATE TABLE figure_cells (id INTEGER PRIMARY KEY, document_id INTEGER NOT NULL REFERENCES documents(id), "
        "period_n INTEGER, offence_n INTEGER, outcome_n INTEGER, body_n INTEGER, labels TEXT, value REAL, "
        "suppressed TEXT, unit TEXT, total INTEGER NOT NULL DEFAULT 0, note TEXT, sheet TEXT, page INTEGER, "
        "table_index INTEGER, row_num INTEGER, col_num INTEGER, location TEXT, raw TEXT)")
    conn.execute("""
        INSERT INTO figure_cells (id, document_id, period_n, offence_n, outcome_n, labels, value, suppressed, sheet,
                                  page, table_index, row_num, col_num, location, raw)
        SELECT c.id, c.document_id, c.period_n, c.offence_n, c.outcome_n,
               CASE WHEN c.dims IN ('', '{}') THEN NULL ELSE
                 (SELECT json_group_array(l.n) FROM json_each(c.dims) j JOIN figure_labels l
                  ON l.document_id = c.document_id AND l.dimension = j.key AND l.label = CAST(j.value AS TEXT)
                  AND l.source IS NULL AND l.header = j.key AND l.code IS NULL) END,
               c.value, c.suppressed, c.sheet, c.page, c.table_index, c.row_num, c.col_num, c.location, c.raw
        FROM figure_cells_v4 c ORDER BY c.id""")
    conn.execute("DROP TABLE figure_cells_v4")
    conn.execute("DROP INDEX figure_labels_text")
    conn.execute("CREATE INDEX figure_cells_document ON figure_cells(document_id)")
    conn.execute(FIGURES_VIEW)


# Schema 6: messages.error (why a message could not be read), messages.reading (JSON: how foi read an
# incoming reply, its best guess and confidence, for `foi inbox review`), requests.review_by /
# complain_by (the last day to ask for an internal review, to complain to the Commissioner; kept by
# foi.tracking.write_state for the board and `foi escalate`).
V6_COLUMNS = {"messages": ("error", "reading"), "requests": ("review_by", "complain_by")}


def _v6_replies_and_escalation(conn: sqlite3.Connection) -> None:
    for table, columns in V6_COLUMNS.items():
        # A development build added some of these on open, without a version: skip those.
        have = {row[1] for row in conn.execute(f"PRAGMA table_info({table})")}
        for column in columns:
            if column not in have:
                conn.execute(f"ALTER TABLE {table} ADD COLUMN {column} TEXT")


# MIGRATIONS[n] takes a database at version n+1 to n+2 (index 0 = from 1 to 2).
MIGRATIONS: list[Callable[[sqlite3.Connection], None]] = [_v2_event_voids, _v3_figure_cells, _v4_figure_labels,
                                                            _v5_every_label, _v6_replies_and_escalation]


def now_iso() -> str:
    return datetime.now(UTC).replace(microsecond=0).isoformat()


def _import_sqlite_utils() -> Any:
    # sqlite-utils imports pandas and numpy when they are installed, only for optional helpers we
    # never use; that would add half a second to every command. Hide them while it loads.
    hidden = [name for name in ("pandas", "numpy") if name not in sys.modules]
    for name in hidden:
        sys.modules[name] = None  # type: ignore[assignment]
    try:
        import sqlite_utils
    finally:
        for name in hidden:
            del sys.modules[name]
    return sqlite_utils


def _database_class() -> Any:
    """sqlite-utils' Database whose `atomic()` is `transaction()` (BEGIN IMMEDIATE, waits)."""
    global _DATABASE_CLASS
    if _DATABASE_CLASS is None:
        sqlite_utils = _import_sqlite_utils()

        class FoiDatabase(sqlite_utils.Database):  # type: ignore[misc,name-defined]
            def atomic(self) -> Any:  # type: ignore[override]
                return transaction(self)

        _DATABASE_CLASS = FoiDatabase
    return _DATABASE_CLASS


_DATABASE_CLASS: Any = None
# Every database open_db opened and not yet collected: the command line closes them before it ends
# the process without the interpreter's teardown (foi.cli.main).
_OPENED: weakref.WeakSet[Any] = weakref.WeakSet()


def close_databases() -> None:
    """Close every database open_db opened (SQLite folds the WAL back in, as when it is collected)."""
    for db in list(_OPENED):
        try:
            db.conn.close()
        except sqlite3.Error:
            pass


def _connect(path: Path, read_only: bool) -> sqlite3.Connection:
    if read_only:
        # A workspace on read-only storage. Read-only mode works when SQLite finds the WAL files
        # it needs; when it can't create them, open the file as immutable (nothing can be
        # writing to a read-only folder, and a cleanly closed database has no WAL left).
        base = path.resolve().as_uri()
        try:
            conn = sqlite3.connect(base + "?mode=ro", uri=True, timeout=BUSY_TIMEOUT, check_same_thread=False)
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        except sqlite3.OperationalError:
            conn = sqlite3.connect(base + "?mode=ro&immutable=1", uri=True, timeout=BUSY_TIMEOUT,
                                   check_same_thread=False)
    else:
        conn = sqlite3.connect(str(path), timeout=BUSY_TIMEOUT, check_same_thread=False)
    # Python's implicit transactions (sqlite-utils' own inserts) take the write lock up front too.
    conn.isolation_level = "IMMEDIATE"
    conn.execute(f"PRAGMA busy_timeout = {int(BUSY_TIMEOUT * 1000)}")
    conn.execute("PRAGMA foreign_keys = ON")
    return conn


def is_read_only(path: Path) -> bool:
    """True when the database (or the folder that must hold its journal) can't be written."""
    folder = path.parent
    if not os.access(folder, os.W_OK) or (path.exists() and not os.access(path, os.W_OK)):
        return True
    try:
        return os.statvfs(folder).f_flag & os.ST_RDONLY != 0
    except (OSError, AttributeError):
        return False


def open_db(path: Path, create: bool = False) -> sqlite_utils.Database:
    """Open (and create or upgrade) a workspace database.

    On read-only storage the database opens read-only: commands that only read work, and the
    first write raises FoiError saying the folder is read-only (see `transaction`)."""
    if not path.exists() and not create:
        raise FoiError(f"No database at {path}. Run `foi init` to create the workspace.")
    read_only = path.exists() and is_read_only(path)
    if not path.exists():
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise FoiError(f"Can't create {path.parent}: {exc.strerror or exc}.") from None
    try:
        conn = _connect(path, read_only)
        if not read_only:
            # WAL: readers (Datasette, a second command) don't block a writer, and a commit costs
            # one sync instead of two; sending records two events per message.
            conn.execute("PRAGMA journal_mode = WAL")
            conn.execute("PRAGMA synchronous = NORMAL")
        # sqlite-utils plugins (SQL functions a user installed for the sqlite-utils tool) are not
        # foi's: not looked for (a scan of every installed package, a tenth of a small command).
        db = _database_class()(conn, execute_plugins=False)
        db.foi_read_only = read_only
        db.foi_path = path
        version = schema_version(conn)
    except sqlite3.OperationalError as exc:
        raise FoiError(database_problem(path, exc)) from None
    except sqlite3.DatabaseError as exc:
        raise FoiError(f"{path} is not a foi database ({exc}). Move it aside and run `foi init`.") from exc
    if version > SCHEMA_VERSION:
        conn.close()
        raise FoiError(
            f"{path} was written by a newer foi (schema {version}, this foi knows {SCHEMA_VERSION}). "
            "Upgrade foi with `pip install -U foi`."
        )
    if version < SCHEMA_VERSION:
        if read_only:
            raise FoiError(f"{path} needs upgrading (schema {version} to {SCHEMA_VERSION}) but its folder is "
                           "read-only. Make the workspace writable and run the command again.")
        _upgrade(db, version)
    _OPENED.add(db)
    return db


def database_problem(path: Path | None, exc: BaseException) -> str:
    """One line for an OperationalError from SQLite: what happened and what to do."""
    text = str(exc)
    where = f"{path}" if path else "the database"
    lowered = text.lower()
    if "readonly" in lowered or "read-only" in lowered:
        return (f"The workspace database {where} is read-only: this command needs to write. Make the workspace "
                "folder writable (or copy it somewhere writable) and run it again; read-only commands still work.")
    if "disk is full" in lowered or "disk i/o" in lowered:
        return (f"The disk holding {where} is full (or failing): nothing was written. Free some space and run "
                "the command again; it carries on where it stopped.")
    if "locked" in lowered or "busy" in lowered:
        return (f"The database {where} is busy: another foi command has been writing to it for over "
                f"{BUSY_TIMEOUT:.0f} s. Let it finish, then run this command again.")
    if "unable to open" in lowered:
        return f"Can't open the database {where} ({text}). Check that the workspace folder exists and is readable."
    return f"Database error on {where}: {text}."


@contextmanager
def transaction(db: Any) -> Iterator[Any]:
    """A write transaction: everything in the block is committed together or not at all.

    The write lock is taken up front (BEGIN IMMEDIATE), waiting for another command's write to
    end, so the block never fails half-way with "database is locked". Nested blocks are
    savepoints. SQLite's own failures (read-only, disk full, busy too long) become FoiError."""
    conn: sqlite3.Connection = db.conn
    if getattr(db, "foi_read_only", False):
        raise FoiError(database_problem(getattr(db, "foi_path", None), sqlite3.OperationalError("readonly")))
    if conn.in_transaction:
        savepoint = f"foi_{secrets.token_hex(8)}"
        conn.execute(f"SAVEPOINT {savepoint}")
        try:
            yield db
        except BaseException:
            if conn.in_transaction:
                conn.execute(f"ROLLBACK TO SAVEPOINT {savepoint}")
                conn.execute(f"RELEASE SAVEPOINT {savepoint}")
            raise
        else:
            conn.execute(f"RELEASE SAVEPOINT {savepoint}")
        return
    try:
        conn.execute("BEGIN IMMEDIATE")
    except sqlite3.OperationalError as exc:
        raise FoiError(database_problem(getattr(db, "foi_path", None), exc)) from None
    try:
        yield db
        conn.execute("COMMIT")
    except sqlite3.OperationalError as exc:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        if _is_environment(exc):
            raise FoiError(database_problem(getattr(db, "foi_path", None), exc)) from None
        raise
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise


def _is_environment(exc: sqlite3.OperationalError) -> bool:
    text = str(exc).lower()
    return any(word in text for word in ("readonly", "read-only", "disk is full", "disk i/o", "locked", "busy"))


def schema_version(conn: sqlite3.Connection) -> int:
    has_meta = conn.execute("SELECT 1 FROM sqlite_master WHERE type='table' AND name='meta'").fetchone()
    if not has_meta:
        return 0
    row = conn.execute("SELECT value FROM meta WHERE key='schema_version'").fetchone()
    return int(row[0]) if row else 0


def _upgrade(db: sqlite_utils.Database, version: int) -> None:
    with transaction(db):
        # Again under the write lock: another command may have upgraded it meanwhile.
        version = schema_version(db.conn)
        if version >= SCHEMA_VERSION:
            return
        if version == 0:
            for statement in SCHEMA_V1.split(";"):
                if statement.strip():
                    db.conn.execute(statement)
            version = 1
        started = version
        while version < SCHEMA_VERSION:
            MIGRATIONS[version - 1](db.conn)
            version += 1
        if 1 < started < 6:
            # Requests refused or under review before schema 6 get their review and complaint dates.
            ids = [r[0] for r in db.conn.execute(
                "SELECT id FROM requests WHERE status IN ('refused', 'partial', 'not-held', 'internal-review', "
                "'review-upheld')").fetchall()]
            if ids:
                from foi.tracking import rederive

                rederive(db, ids)
        db.conn.execute(
            "INSERT INTO meta(key, value) VALUES ('schema_version', ?) "
            "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
            (str(version),),
        )


# The sqlite3 module's adapter registry key for None (see `nulls_bound_directly`).
_NONE_KEY = (type(None), sqlite3.PrepareProtocol)


@contextmanager
def nulls_bound_directly() -> Iterator[None]:
    """Make binding None cheap for a bulk insert; the rows stored are exactly the same.

    CPython's sqlite3 binds int, float, str and bytes straight away, but sends every other value,
    None included, through its adapter registry first (a key tuple built, then `__adapt__` and
    `__conform__` looked up) before binding NULL. A 200,000-row reply has about 400,000 Nones
    (no page, no suppression marker), and that lookup was a fifth of the insert. An adapter for
    NoneType that returns None makes it one dict hit. Scoped, so the module's registry is left
    as it was found (an adapter someone else registered is put back).
    """
    adapters = getattr(sqlite3, "adapters", None)  # the registry is not documented API: don't rely on it
    if adapters is None:
        yield
        return
    saved = adapters.get(_NONE_KEY)
    adapters[_NONE_KEY] = {}.get  # a C-level callable: {}.get(None) is None
    try:
        yield
    finally:
        if saved is None:
            adapters.pop(_NONE_KEY, None)
        else:
            adapters[_NONE_KEY] = saved


def dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=isinstance(value, dict))


def loads_list(text: str | None) -> list[Any]:
    return json.loads(text) if text else []
