"""Pivots of a batch's figures: the sum of `value` grouped by any figure column or dimension.

Suppressed cells ("*", "<5", "redacted") are not numbers and are never summed: each group also
says how many of its cells were suppressed, so a total is never mistaken for a complete count.
Totals, subtotals and aggregates stated in the files ("Total", "All ages", "England and Wales")
are stored but never added to the figures they sum (`include_totals` shows them on their own),
and figures in different units (counts, %, rates, £) are never added together: when the figures
summed have more than one unit, `unit` becomes one of the groups.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from foi.batches import get_batch
from foi.errors import FoiError

if TYPE_CHECKING:
    import sqlite_utils

FIGURE_KEYS = ("body", "period_label", "period_start", "period_end", "offence", "offence_code", "outcome",
               "outcome_code", "unit", "sender", "sheet", "source_file")


@dataclass
class Summary:
    by: list[str]
    where: dict[str, list[str]]
    rows: list[dict[str, Any]]  # the `by` keys, then value, figures, suppressed
    total: dict[str, Any] = field(default_factory=dict)

    @property
    def columns(self) -> list[str]:
        return [*self.by, "value", "figures", "suppressed"]


def dims_keys(db: sqlite_utils.Database, batch: str) -> list[str]:
    """Every dimension name found in the batch's figures (e.g. "ethnicity", "age_group", "Hospital")."""
    rows = db.query("SELECT DISTINCT l.dimension FROM figure_labels l JOIN documents d ON d.id = l.document_id "
                    "WHERE d.batch = ? ORDER BY l.dimension", [batch])
    return [row["dimension"] for row in rows]


def parse_where(items: list[str] | None) -> dict[str, list[str]]:
    """KEY=VALUE or KEY=V1,V2 (repeatable; the same key twice widens the choice)."""
    where: dict[str, list[str]] = {}
    for item in items or []:
        key, sep, value = item.partition("=")
        key = key.strip()
        if not sep or not key:
            raise FoiError(f"Bad --where {item!r}: use KEY=VALUE or KEY=V1,V2, e.g. offence_code=19C.")
        values = [v.strip() for v in value.split(",")]
        where.setdefault(key, []).extend(values)
    return where


def _number(value: float | None) -> int | float | None:
    # None, not 0, when a group has no numbers at all (every cell suppressed): 0 would be a claim.
    if value is None:
        return None
    return int(value) if float(value).is_integer() else round(value, 6)


def summarise(db: sqlite_utils.Database, batch: str, by: list[str] | None = None,
              where: dict[str, list[str]] | None = None, *, include_totals: bool = False,
              counts_only: bool = False) -> Summary:
    """Sums of the batch's figures grouped by `by`; with `include_totals`, the stated totals and
    aggregates are summed instead (on their own, never with their parts)."""
    get_batch(db, batch)
    by = list(dict.fromkeys(by or ["body"]))
    where = where or {}
    dims = [k for k in dims_keys(db, batch) if k not in FIGURE_KEYS]
    valid = [*FIGURE_KEYS, *dims]
    bad = [k for k in [*by, *where] if k not in valid]
    if bad:
        raise FoiError(f"Unknown column {bad[0]!r}. Use one of: {', '.join(valid)}.")
    scope = f"batch = ? AND total = {1 if include_totals else 0}" + (" AND unit IS NULL" if counts_only else "")
    if "unit" not in by and not counts_only:
        units = db.execute(f"SELECT COUNT(DISTINCT coalesce(unit, '')) FROM figures WHERE {scope}", [batch]).fetchone()
        if units[0] > 1:
            by.append("unit")  # a count and a percentage are never added up

    params: list[Any] = []

    def expr(key: str) -> str:
        # Figure columns by name (validated above); dimensions from the JSON, path as a parameter.
        if key in FIGURE_KEYS:
            return key
        params.append(f'$."{key}"')
        return "json_extract(dims, ?)"

    select = [f"{expr(k)} AS k{i}" for i, k in enumerate(by)]
    conditions = [scope]
    select_params = list(params)
    params.clear()
    params.append(batch)
    for key, values in where.items():
        column = expr(key)
        conditions.append(f"coalesce(CAST({column} AS TEXT), '') IN ({','.join('?' * len(values))})")
        params.extend(values)
    group = ", ".join(f"k{i}" for i in range(len(by)))
    sql = (
        f"SELECT {', '.join(select)}, SUM(value) AS summed, COUNT(value) AS figures, "
        f"SUM(suppressed IS NOT NULL) AS suppressed FROM figures WHERE {' AND '.join(conditions)} "
        f"GROUP BY {group} ORDER BY {group}"
    )
    rows = []
    for row in db.query(sql, [*select_params, *params]):
        out = {key: row[f"k{i}"] for i, key in enumerate(by)}
        out.update(value=_number(row["summed"]), figures=row["figures"], suppressed=row["suppressed"] or 0)
        rows.append(out)
    total = {
        "value": _number(sum(float(r["value"]) for r in rows if r["value"] is not None)
                         if any(r["value"] is not None for r in rows) else None),
        "figures": sum(r["figures"] for r in rows),
        "suppressed": sum(r["suppressed"] for r in rows),
    }
    return Summary(by=by, where=where, rows=rows, total=total)
