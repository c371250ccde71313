"""find_tables on arbitrary grids: every row in exactly one table, lists that line up."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from foi.figures.layout import COLUMN_ROLES, ROW_ROLES, find_tables
from foi.readers import Grid

cells = st.one_of(
    st.none(),
    st.integers(-5, 3000),
    st.floats(allow_nan=True, allow_infinity=False, width=32),
    st.sampled_from(["", " ", "Total", "Kent", "2019", "2019/20", "*", "..", "(X)", "\\1", "Source: x", "12.5%",
                     "1,234", "  Males", "Table 1. Arrests", "NA = not available", "(35,8)", "F"]),
    st.text(max_size=12),
)
grids = st.lists(st.lists(cells, min_size=0, max_size=7), min_size=0, max_size=30)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(grids)
def test_every_row_belongs_to_exactly_one_table(rows):
    tables = find_tables(Grid(name="prop", rows=rows))
    if not rows:
        assert tables == []
        return
    assert tables[0].start == 0 and tables[-1].stop == len(rows)
    width = max((len(r) for r in rows), default=0)
    for prev, nxt in zip(tables, tables[1:], strict=False):
        assert prev.stop == nxt.start
    for t in tables:
        n = t.stop - t.start
        assert n > 0
        assert len(t.roles) == len(t.levels) == len(t.parents) == n
        assert all(r in ROW_ROLES for r in t.roles)
        assert all(level >= 0 for level in t.levels)
        assert all(p is None or t.start <= p < t.stop for p in t.parents)
        assert len(t.columns) == width
        assert [c.col for c in t.columns] == list(range(width))
        for c in t.columns:
            assert c.role in COLUMN_ROLES
            assert all(t.start <= h < t.stop and t.roles[h - t.start] == "header" for h in c.header_rows)
        for total, parts in t.sums.items():
            assert t.roles[total - t.start] == "total" and all(t.start <= p < t.stop for p in parts)
        assert t.kind in ("table", "record-list", "text")


@settings(max_examples=50, deadline=None)
@given(grids)
def test_layout_is_deterministic(rows):
    first = find_tables(Grid(name="prop", rows=[list(r) for r in rows]))
    again = find_tables(Grid(name="prop", rows=[list(r) for r in rows]))
    assert first == again
