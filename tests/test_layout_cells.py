"""Cell kinds the layout stage relies on (its own small classifier, cached per string)."""

from __future__ import annotations

import pytest

from foi.figures._layout_cells import BLANK, DATE, FOOT, MARK, NUM, TEXT, YEAR, indent_of, kind, number


@pytest.mark.parametrize("cell, expected", [
    (None, BLANK), ("  ", BLANK), (float("nan"), BLANK),
    (12, NUM), (3.5, NUM), ("1,234", NUM), ("12.5%", NUM), ("£1,000", NUM), ("17~", NUM), ("2*", NUM),
    ("1.393,4", NUM), ("886,7", NUM), ("(35,8)", NUM), ("(1,234)", NUM), ("239.857", NUM),
    (2019, YEAR), (2019.0, YEAR), ("2019", YEAR), ("2019.0", YEAR), ("FY2019", YEAR),
    ("2019/20", TEXT), ("2023-01", TEXT), ("(1,000)", TEXT), ("(000)", TEXT),
    ("..", MARK), ("*", MARK), ("(NA)", MARK), ("(X)", MARK), ("[c]", MARK), ("<5", MARK), ("-", MARK), ("Z", MARK),
    ("\\1", FOOT), ("1/", FOOT), ("(r)", FOOT), ("p", FOOT), ("[note 3]", FOOT),
    ("Burglary", TEXT), ("51 000-100 000", TEXT),
])
def test_kinds(cell, expected):
    assert kind(cell) == expected


def test_dates_are_their_own_kind():
    from datetime import date, datetime

    assert kind(date(2020, 1, 1)) == DATE and kind(datetime(2020, 1, 1, 10, 0)) == DATE


@pytest.mark.parametrize("cell, value", [
    ("1,234", 1234.0), ("1.393,4", 1393.4), ("1.234.567", 1234567.0), ("(35,8)", -35.8), ("12.5%", 12.5),
    ("17~", 17.0), ("3r", 3.0), (7, 7.0), ("n/a", None), ("Burglary", None),
])
def test_numbers_for_adding_up(cell, value):
    assert number(cell) == value


def test_indentation_counts_leading_spaces_and_no_break_spaces():
    assert indent_of("\u00a0\u00a0Males") == 2 and indent_of("   Coal") == 3 and indent_of("Total") == 0
    assert indent_of(12) == 0
