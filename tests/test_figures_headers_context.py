"""Column headers lose the footnote markers glued to them; a title line that only names a place is
that place (a body context), stored once."""

from __future__ import annotations

from foi.readers import Grid
from tests.helpers import read_grid


def _figure(res, cell: tuple[int, int]):  # type: ignore[no-untyped-def]
    return next(f for f in res.figures if (f.row, f.col) == cell)


def test_footnote_digits_glued_to_column_headers_become_notes() -> None:
    rows = [["Force", "Joiners2", "Left within 1 year3", "Left after 5 years4,5"],
            ["Kent", 210, 14, 30],
            ["Essex", 190, 11, 27]]
    res = read_grid(Grid("t", rows))
    headers = {label.text: label.note for label in _figure(res, (1, 2)).labels if label.source == "column"}
    assert headers == {"Left within 1 year": "3"}
    texts = {label.text: label.note for f in res.figures for label in f.labels if label.source == "column"}
    assert texts == {"Joiners": "2", "Left within 1 year": "3", "Left after 5 years": "4,5"}


def test_a_total_warning_names_the_column_as_the_figures_carry_it() -> None:
    rows = [["Force", "Joiners2", "Leavers3"], ["Kent", 20, 4], ["Essex", 19, 6], ["Total", 50, 10]]
    res = read_grid(Grid("t", rows))
    assert any("column 'Joiners'" in w and "stated 50" in w for w in res.warnings)
    assert not any("Joiners2" in w for w in res.warnings)


def test_a_title_that_only_names_a_place_is_that_place_once() -> None:
    rows = [["England and Wales", None, None],
            ["Year", "Joiners", "Leavers"],
            ["2019", 7100, 6200],
            ["2020", 7900, 6400]]
    res = read_grid(Grid("t", rows))
    figure = _figure(res, (2, 1))
    body = next(label for label in figure.labels if label.dimension == "body")
    assert (body.text, body.code, body.aggregate, body.source) == ("England and Wales", "england-and-wales", True,
                                                                    "title")
    # Not kept a second time as the table's caption.
    assert [label.text for label in figure.labels].count("England and Wales") == 1
    assert "table" not in figure.dims


def test_a_title_saying_more_than_the_place_stays_the_caption() -> None:
    rows = [["Police officer joiners, England and Wales", None],
            ["Year", "Joiners"],
            ["2019", 7100],
            ["2020", 7900]]
    dims = _figure(read_grid(Grid("t", rows)), (2, 1)).dims
    assert dims["table"] == "Police officer joiners, England and Wales"
    assert dims["body"] == "England and Wales"


def test_a_place_title_over_rows_of_forces_is_kept_as_the_caption() -> None:
    # The rows name their own forces: the title's place is no body of theirs, but stays as the caption.
    rows = [["England and Wales", None],
            ["Force", "Joiners"],
            ["Kent", 210],
            ["Essex", 190],
            ["Surrey", 120]]
    dims = _figure(read_grid(Grid("t", rows)), (2, 1)).dims
    assert dims["body"] == "Kent" and dims["table"] == "England and Wales"


def test_a_national_figure_beside_a_few_forces_is_no_mismatch() -> None:
    # England and Wales takes in every force, not only the two listed: less shown is no news ...
    rows = [["Year", "Kent", "Essex", "England and Wales"], ["2019", 10, 20, 300], ["2020", 11, 21, 310]]
    res = read_grid(Grid("t", rows))
    assert res.warnings == [] and res.doubts == []
    assert _figure(res, (1, 3)).total
    # ... but two forces adding up to more than the whole country is.
    rows[1][3] = 25
    res = read_grid(Grid("t", rows))
    assert [w for w in res.warnings if "already sum to 30" in w]
