from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from foi.values import Value, excel_serial_to_date, is_suppression_marker, parse_value

SUPPRESSION_MARKERS = [
    "*", "**", "***", "<5", "< 5", "<3", "<10", "≤5", "<=5", "1-4", "0-5", "1 - 4", "1–4",
    "-", "–", "—", "..", "...", "x", "X", ":", "n/a", "N/A", "na", "NA", "redacted", "REDACTED",
    "[redacted]", "Redacted", "withheld", "Withheld", "suppressed", "s.40", "s40", "S40(2)",
    "S.40(2)", "section 40", "Section 40(2)", "*s40", "[c]", "[x]", "exempt",
]


@pytest.mark.parametrize("marker", SUPPRESSION_MARKERS)
def test_suppression_markers(marker: str) -> None:
    v = parse_value(marker)
    assert v.kind == "suppressed"
    assert v.number is None
    assert v.suppressed == marker.strip()
    assert is_suppression_marker(marker)


@pytest.mark.parametrize("marker", ["  *  ", "\xa0<5\xa0", " redacted\n"])
def test_marker_is_kept_stripped(marker: str) -> None:
    v = parse_value(marker)
    assert (v.number, v.suppressed, v.kind) == (None, marker.replace("\xa0", " ").strip(), "suppressed")
    assert v.meaning == "withheld"


@pytest.mark.parametrize(
    ("cell", "number"),
    [
        ("1,234", 1234),
        (" 12 ", 12),
        ("1 234", 1234),
        ("1\xa0234", 1234),
        ("12.5", 12.5),
        ("(35)", -35),
        ("£1,234", 1234),
        ("£1,234.50", 1234.5),
        ("-5", -5),
        ("−5", -5),
        ("+7", 7),
        ("0", 0),
        ("007", 7),
        ("12.0", 12),
        (".5", 0.5),
        ("1,234,567", 1234567),
        ("17~", 17),
        ("2*", 2),
        ("3^", 3),
        ("2**", 2),
        ("5 *", 5),
        ("12 [note 3]", 12),
    ],
)
def test_numbers_written_as_text(cell: str, number: float) -> None:
    v = parse_value(cell)
    assert v.kind == "number"
    assert v.number == number
    assert type(v.number) is type(number)
    assert v.suppressed is None


def test_footnoted_number_is_not_suppression() -> None:
    assert parse_value("17~").kind == "number"
    assert parse_value("*").kind == "suppressed"


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        (12, Value(12, None, "number")),
        (12.0, Value(12, None, "number")),
        (12.5, Value(12.5, None, "number")),
        (-3, Value(-3, None, "number")),
        (0, Value(0, None, "number")),
        (Decimal("4"), Value(4, None, "number")),
        (None, Value(None, None, "blank")),
        ("", Value(None, None, "blank")),
        ("   ", Value(None, None, "blank")),
        ("\xa0", Value(None, None, "blank")),
        (float("nan"), Value(None, None, "blank")),
        (True, Value(None, None, "text")),
        (False, Value(None, None, "text")),
        ("Total", Value(None, None, "text")),
        ("Adult caution", Value(None, None, "text")),
        ("1,23", Value(1.23, None, "number")),  # cannot be a thousands group: a decimal comma
        ("12%", Value(12, None, "number", unit="%")),
        ("(35", Value(None, None, "text")),
        ("2014/15", Value(None, None, "text")),
        ("10-12a", Value(None, None, "text")),
    ],
)
def test_exact_values(cell: object, expected: Value) -> None:
    assert parse_value(cell) == expected


def test_integral_float_becomes_int() -> None:
    v = parse_value(41.0)
    assert v.number == 41 and type(v.number) is int


def test_dates() -> None:
    assert parse_value(date(2019, 4, 1)) == Value(None, None, "date", date(2019, 4, 1))
    assert parse_value(datetime(2019, 4, 1, 13, 5)) == Value(None, None, "date", date(2019, 4, 1))


def test_wide_ranges_are_not_suppression() -> None:
    # "5-3" is not a band and "20-40" is too wide to be a small-number band.
    assert parse_value("5-3").kind == "text"
    assert parse_value("20-40").kind == "text"


@pytest.mark.parametrize(
    ("serial", "expected"),
    [
        (1, date(1900, 1, 1)),
        (59, date(1900, 2, 28)),
        (61, date(1900, 3, 1)),
        (43556, date(2019, 4, 1)),
        (43556.75, date(2019, 4, 1)),
        (45292, date(2024, 1, 1)),
    ],
)
def test_excel_serial_to_date(serial: float, expected: date) -> None:
    assert excel_serial_to_date(serial) == expected


@pytest.mark.parametrize("serial", [0, -1, 60, float("nan"), float("inf")])
def test_excel_serial_rejects(serial: float) -> None:
    with pytest.raises(ValueError):
        excel_serial_to_date(serial)


# --- properties ---------------------------------------------------------------------------

_marker = st.sampled_from(SUPPRESSION_MARKERS)
_pad = st.text(alphabet=" \t\xa0", max_size=3)


@given(_pad, _marker, _pad)
def test_suppression_is_never_a_number(left: str, marker: str, right: str) -> None:
    v = parse_value(left + marker + right)
    assert v.kind == "suppressed"
    assert v.number is None
    assert v.suppressed


@given(st.integers(min_value=-(10**12), max_value=10**12))
def test_ints_round_trip_as_text(n: int) -> None:
    assert parse_value(str(n)) == Value(n, None, "number")
    assert parse_value(f"{n:,}") == Value(n, None, "number")
    assert parse_value(n) == Value(n, None, "number")


@given(st.floats(allow_nan=False, allow_infinity=False, min_value=-1e9, max_value=1e9))
def test_floats_keep_their_value(x: float) -> None:
    v = parse_value(x)
    assert v.kind == "number"
    assert v.number == x


@given(st.text(max_size=20))
def test_never_raises_and_kind_is_consistent(text: str) -> None:
    v = parse_value(text)
    assert v.kind in {"number", "suppressed", "blank", "text"}
    assert (v.number is not None) == (v.kind == "number")
    assert (v.suppressed is not None) == (v.kind == "suppressed")
    if v.kind == "suppressed":
        assert v.number is None


def test_iopc_double_quote_footnote_marker_glued_to_a_number() -> None:
    # IOPC "Other contact by force": City of London 16/17 is written '1"' (footnote marker).
    assert parse_value('1"') == Value(number=1, suppressed=None, kind="number", note='"')
    assert parse_value('"').kind == "text"


# --- units, notes, marker meanings, comma decimals, legends ------------------------------------


@pytest.mark.parametrize(
    ("cell", "number", "unit", "note"),
    [
        ("12.5%", 12.5, "%", None), ("-3%", -3, "%", None), ("(3.5%)", -3.5, "%", None), ("12 %", 12, "%", None),
        ("£1,234", 1234, "£", None), ("£1.2m", 1.2, "£ millions", None), ("£3k", 3, "£ thousands", None),
        ("17~", 17, None, "~"), ("2**", 2, None, "**"), ("12 [note 3]", 12, None, "3"), ("5 [r]", 5, None, "r"),
        ("5¹", 5, None, "1"), ("11,062 .6", 11062.6, None, None),
    ],
)
def test_numbers_keep_unit_and_note(cell: str, number: float, unit: str | None, note: str | None) -> None:
    v = parse_value(cell)
    assert (v.kind, v.number, v.unit, v.note) == ("number", number, unit, note)


@pytest.mark.parametrize(
    ("cell", "meaning"),
    [
        ("*", "withheld"), ("<5", "withheld"), ("[c]", "withheld"), ("~", "withheld"), ("s.40", "withheld"),
        ("..", "not-available"), ("[x]", "not-available"), ("x", "not-available"), ("n/a", "not-available"),
        ("NA", "not-available"), ("[z]", "not-applicable"), ("Z", "not-applicable"), ("(X)", "not-applicable"),
        ("(Z)", "rounds-to-zero"), ("[low]", "rounds-to-zero"), ("-", "nil"), ("–", "nil"),
    ],
)
def test_markers_say_what_they_stand_for(cell: str, meaning: str) -> None:
    v = parse_value(cell)
    assert (v.kind, v.number, v.suppressed, v.meaning) == ("suppressed", None, cell, meaning)


@pytest.mark.parametrize(("cell", "number"), [("35,8", 35.8), ("(35,8)", -35.8), ("-0,5", -0.5), ("1.234,5", 1234.5),
                                              ("1 234,5", 1234.5)])
def test_comma_decimals_where_unambiguous(cell: str, number: float) -> None:
    assert parse_value(cell).number == number


def test_comma_decimal_hint_for_a_column() -> None:
    column = ["35,8", "1,234", "(2,5)", "..", 7]
    from foi.values import decimal_separator

    assert decimal_separator(column) == ","
    assert parse_value("1,234", decimal=",").number == 1.234
    assert parse_value("1,234").number == 1234
    assert decimal_separator(["1,234", "12.5", "3"]) == "."


@given(st.floats(min_value=-1e6, max_value=1e6, allow_nan=False).map(lambda x: round(x, 2)))
def test_comma_decimals_round_trip(x: float) -> None:
    text = f"{x:.2f}".replace(".", ",")
    assert parse_value(text, decimal=",").number == pytest.approx(x)


@given(st.floats(min_value=-1e6, max_value=1e6, allow_nan=False).map(lambda x: round(x, 1)))
def test_percentages_round_trip(x: float) -> None:
    v = parse_value(f"{x:,.1f}%")
    assert v.unit == "%" and v.number == pytest.approx(x)


def test_legend_overrides_what_markers_mean() -> None:
    from foi.values import legend

    found = legend(["' .. ' = Data not available", "' - ' = Nil", "NA = not available", "(Z) rounds to zero",
                    "[c] confidential", "Source: Home Office", "1. All tables exclude Lancashire."])
    assert found == {"..": "not-available", "-": "nil", "NA": "not-available", "(Z)": "rounds-to-zero",
                     "[c]": "withheld"}


@given(st.integers(min_value=0, max_value=10**9))
def test_money_and_spaced_thousands_round_trip(n: int) -> None:
    v = parse_value(f"£{n:,}")
    assert (v.number, v.unit) == (n, "£")
    assert parse_value(f"{n:,}".replace(",", " ")).number == n


def test_numbers_in_brackets_in_a_column_of_counts_are_footnotes() -> None:
    from foi.values import bracket_convention

    counts = ["3", "(2)", "18", "(2)", 41]
    assert bracket_convention(counts) == "note"
    v = parse_value("(2)", brackets="note")
    assert (v.kind, v.number, v.suppressed, v.note, v.meaning) == ("suppressed", None, "(2)", "2", "not-available")
    assert parse_value("(2)").number == -2  # the default stays the accounting convention
    assert bracket_convention(["12.5", "(3)", "4"]) == "negative"
    assert bracket_convention(["-4", "(3)", "4"]) == "negative"
    assert bracket_convention(["(350)", "4"]) == "negative"
    assert bracket_convention(["1", "2"]) == "negative"


def test_dash_and_space_before_a_number_is_a_list_item_not_a_minus() -> None:
    # "- 41" answering a question in a dashed list; "-41" is the negative number.
    assert parse_value("- 41").kind == "text"
    assert parse_value("- 2,310").kind == "text"
    assert parse_value("-41").number == -41
    assert parse_value("-£41").number == -41
    assert parse_value("(41)").number == -41
