"""Random figures laid out the ways forces lay them out must all come back, exactly once."""

from typing import Any

from hypothesis import assume, given, settings
from hypothesis import strategies as st

from foi.readers import Grid
from tests.helpers import read_grid

PERIODS = ["2019/20", "2020/21", "2021/22", "2022/23"]
YEARS = [2019, 2020, 2021, 2022]
OUTCOMES = ["Charged/Summonsed", "Adult caution", "Community resolution", "Cannabis warning",
            "Penalty Notice for Disorder"]
OFFENCES = ["Burglary", "Robbery", "Shoplifting", "Other Theft", "Criminal Damage"]
MARKERS = ["*", "<5", "x", "redacted", "[c]"]
TITLES = ["Freedom of Information Request 1306/25", "Table 3: Outcomes by year",
          "Source: Niche RMS", None]

Key = tuple[Any, str, str]   # (period, offence, outcome)


@st.composite
def tables(draw: Any) -> dict[str, Any]:
    # Financial years as text, or calendar years typed as numbers (a spreadsheet's 2019).
    pool = draw(st.sampled_from([PERIODS, YEARS]))
    # In the order tables put them (a header of years typed as numbers reads as one by its run).
    periods = sorted(draw(st.lists(st.sampled_from(pool), min_size=1, max_size=3, unique=True)))
    outcomes = draw(st.lists(st.sampled_from(OUTCOMES), min_size=1, max_size=3, unique=True))
    offences = draw(st.lists(st.sampled_from(OFFENCES), min_size=1, max_size=3, unique=True))
    # Small counts (0, 1: "1 = 0 + 1" is no total), equal ones (a row equal to its neighbour is
    # not its total) and counts that look like years (1900, 2019) as well as large ones.
    cell = st.one_of(st.integers(0, 9000), st.integers(0, 30).map(str), st.integers(1800, 2100),
                     st.sampled_from(MARKERS), st.sampled_from([None, ""]))
    figs = {(p, f, o): draw(cell) for p in periods for f in offences for o in outcomes}
    return {
        "periods": periods, "outcomes": outcomes, "offences": offences, "figs": figs,
        "layout": draw(st.sampled_from(["wide_period", "wide_outcome", "long", "two_row"])),
        "titles": draw(st.lists(st.sampled_from(TITLES), max_size=3)),
        "merged": draw(st.booleans()),
        "total_row": draw(st.booleans()),
        "total_col": draw(st.booleans()),
    }


def _num(v: Any) -> int:
    if v is None:
        return 0
    return int(v) if not isinstance(v, str) or v.isdigit() else 0


def lay_out(t: dict[str, Any]) -> Grid:
    periods, outcomes, offences, figs = t["periods"], t["outcomes"], t["offences"], t["figs"]
    head: list[list[Any]] = []
    body: list[list[Any]] = []
    merged: list[tuple[int, int, int, int]] = []
    total_col = t["total_col"] and t["layout"] != "long"
    layout = t["layout"]
    if layout == "wide_period":
        head = [["Offence", "Outcome", *periods]]
        body = [[f, o, *(figs[(p, f, o)] for p in periods)] for f in offences for o in outcomes]
    elif layout == "wide_outcome":
        head = [["Year", "Crime type", *outcomes]]
        body = [[p, f, *(figs[(p, f, o)] for o in outcomes)] for p in periods for f in offences]
    elif layout == "long":
        head = [["Financial year", "Offence", "Outcome", "Number"]]
        body = [[p, f, o, figs[(p, f, o)]] for p in periods for f in offences for o in outcomes]
    else:
        top: list[Any] = ["Offence"]
        sub: list[Any] = [None]
        for p in periods:
            top += [p] + [None] * (len(outcomes) - 1)
            sub += outcomes
        head = [top, sub]
        body = [[f, *(figs[(p, f, o)] for p in periods for o in outcomes)] for f in offences]
    n_labels = {"two_row": 1, "long": 3}.get(layout, 2)
    if total_col:
        head[0].append("Total")
        for extra in head[1:]:
            extra.append(None)
        for row in body:
            row.append(sum(_num(v) for v in row[n_labels:]))
    if t["total_row"]:
        width = len(body[0])
        sums = [sum(_num(row[c]) for row in body) for c in range(n_labels, width)]
        body.append(["Total"] + [None] * (n_labels - 1) + sums)
    titles = [[x] + [None] * (len(head[0]) - 1) for x in t["titles"]]
    offset = len(titles)
    if layout == "two_row" and t["merged"]:
        merged.append((offset, 0, offset + 1, 0))
        c = 1
        for _ in periods:
            if len(outcomes) > 1:
                merged.append((offset, c, offset, c + len(outcomes) - 1))
            c += len(outcomes)
        if total_col:
            merged.append((offset, c, offset + 1, c))
    return Grid("generated", titles + head + body, merged=merged)


@settings(max_examples=200, deadline=None)
@given(tables())
def test_every_figure_comes_back_once(t: dict[str, Any]) -> None:
    # A table whose only figures are its totals has nothing to read (and no header to find).
    assume(any(v not in (None, "") for v in t["figs"].values()))
    grid = lay_out(t)
    res = read_grid(grid)
    got: dict[Key, Any] = {}
    last_row, last_col = len(grid.rows) - 1, len(grid.rows[-1]) - 1
    for figure in res.figures:
        assert figure.raw == str(grid.rows[figure.row][figure.col]).strip()
    if res.doubts:
        return  # not sure, and said so: the file is flagged for review (its figures still stored)
    for figure in res.figures:
        if (t["total_row"] and figure.row == last_row) or (t["total_col"] and t["layout"] != "long"
                                                             and figure.col == last_col):
            assert figure.total  # the generated totals: stored, marked, and checked below
            continue
        dims = figure.dims
        key = (dims["period"], dims["offence"], dims["outcome"])
        assert isinstance(key[0], str)
        assert key not in got, f"{key} emitted twice"
        got[key] = figure.suppressed if figure.suppressed is not None else figure.value
    # Blank cells give no figure (never a zero).
    expected = {(str(k[0]), k[1], k[2]): (int(v) if not isinstance(v, str) or v.isdigit() else v)
                for k, v in t["figs"].items() if v not in (None, "")}
    assert got == expected
    assert not res.not_understood, res.not_understood
    assert [w for w in res.warnings if "stated" in w] == []
