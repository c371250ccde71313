"""foi.figures.coding: labels -> clean labels, coded values of known dimensions, recognised columns.

Labels here are short strings written for these tests, each standing for a pattern seen in real
police and Home Office tables (see tests/SOURCES-coding.md for where each pattern was seen).
"""

from __future__ import annotations

import subprocess
import sys
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from foi.figures.coding import KNOWN, Clean, Coded, clean_label, code, context, recognise, unit_of

# --- clean_label -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "text", "notes"),
    [
        ("Robbery3", "Robbery", ("3",)),
        ("West Midlands4,5", "West Midlands", ("4", "5")),
        ("Public order offences2", "Public order offences", ("2",)),
        ("London, City of4", "London, City of", ("4",)),
        ("2019/20 (R)", "2019/20", ("R",)),
        ("2019/20 (p)", "2019/20", ("p",)),
        ("Bedfordshire*", "Bedfordshire", ("*",)),
        ("Cumbria [note 3]", "Cumbria", ("3",)),
        ("Cumbria [Note 3, 4]", "Cumbria", ("3", "4")),
        ("Total†", "Total", ("†",)),
        ("Gwent²", "Gwent", ("2",)),
        ("Kent~", "Kent", ("~",)),
        ("Section 226b (*)", "Section 226b", ("*",)),
        ("Proportion\n(%)2", "Proportion (%)", ("2",)),
        ("2018/191", "2018/19", ("1",)),
        ("2015/163, 4", "2015/16", ("3", "4")),
        ("30 September 20191", "30 September 2019", ("1",)),
        ("Under 102", "Under 10", ("2",)),
        ("Change3 2017/18 to 2018/19", "Change 2017/18 to 2018/19", ("3",)),
        ("Violent crime. . . .", "Violent crime", ()),
        ("Burglary  .  .  .  .  .  .", "Burglary", ()),
        ("Larceny-theft ....................", "Larceny-theft", ()),
        ("Named Suspect Identified -\nEvidential Difficulties",
         "Named Suspect Identified - Evidential Difficulties", ()),
        ("Chester-le-Street Community\nHospital", "Chester-le-Street Community Hospital", ()),
        ("\xa0Durham\u202f ", "Durham", ()),
        ("Chinese or Other ", "Chinese or Other", ()),
    ],
)
def test_footnote_markers_split_off(raw: str, text: str, notes: tuple[str, ...]) -> None:
    assert clean_label(raw) == Clean(text, notes)


@pytest.mark.parametrize(
    "raw",
    ["Q1", "Q4 2019", "EU15", "NFIB90", "NFIB52B Hacking-Personal", "COVID19", "Section 228", "Aged 18-24",
     "2019", "2019/20", "Table 3", "Tier 2", "Under 18", "A1", "H2 2020", "Type 16", "Outcome 21", "IC3",
     "W1", "E23000001", "Section 90-92 Detention"],
)
def test_digits_that_belong_to_the_label_stay(raw: str) -> None:
    assert clean_label(raw) == Clean(raw, ())


def test_siblings_tell_a_note_from_a_bound() -> None:
    # "Under 52" beside bands starting at 5 is "Under 5" with note 2; beside bands at 52+ it stays.
    assert clean_label("Under 52", ["5-9", "10-14", "15+"]) == Clean("Under 5", ("2",))
    assert clean_label("Under 52", ["52-60", "61+"]) == Clean("Under 52", ())
    assert clean_label("Under 18", ["18-24", "25+"]) == Clean("Under 18", ())


def test_five_digit_year_beside_years() -> None:
    assert clean_label("20191", ["2018", "2019"]) == Clean("2019", ("1",))
    assert clean_label("20191") == Clean("20191", ())  # alone it may be a count or an id


@pytest.mark.parametrize(("raw", "text"), [(2019, "2019"), (2019.0, "2019"), (None, ""), (12.5, "12.5"),
                                           (date(2019, 4, 1), "2019-04-01")])
def test_cells_that_are_not_text(raw: object, text: str) -> None:
    assert clean_label(raw).text == text


@given(st.text(max_size=30))
def test_clean_label_never_raises_and_text_is_stripped(raw: str) -> None:
    c = clean_label(raw)
    assert c.text == c.text.strip()
    assert "\n" not in c.text


@given(st.sampled_from(["Robbery", "Kent", "Theft offences", "Males", "Total"]),
       st.lists(st.integers(min_value=1, max_value=9), min_size=1, max_size=3, unique=True))
def test_glued_digit_notes_round_trip(word: str, digits: list[int]) -> None:
    raw = word + ",".join(str(d) for d in digits)
    assert clean_label(raw) == Clean(word, tuple(str(d) for d in digits))


# --- code: periods -----------------------------------------------------------------------------

FY19 = (date(2019, 4, 1), date(2020, 3, 31))


@pytest.mark.parametrize(
    ("label", "start", "end"),
    [
        ("2019/20", *FY19), ("2019-20", *FY19), ("FY 2019/20", *FY19), ("Apr 2019 - Mar 2020", *FY19),
        ("2019", date(2019, 1, 1), date(2019, 12, 31)), (2019, date(2019, 1, 1), date(2019, 12, 31)),
        (2019.0, date(2019, 1, 1), date(2019, 12, 31)),
        ("Q1 2020/21", date(2020, 4, 1), date(2020, 6, 30)),
        ("year ending March 2021", date(2020, 4, 1), date(2021, 3, 31)),
        ("12 months to June 2022", date(2021, 7, 1), date(2022, 6, 30)),
        ("During 2023", date(2023, 1, 1), date(2023, 12, 31)),
        ("Calendar year 2022", date(2022, 1, 1), date(2022, 12, 31)),
        ("2018/19 (£)", date(2018, 4, 1), date(2019, 3, 31)),
        ("2019/20 (R)", *FY19),
        ("2018/191", date(2018, 4, 1), date(2019, 3, 31)),
        ("As at 31 March 2019", date(2019, 3, 31), date(2019, 3, 31)),
        ("H1 2020", date(2020, 1, 1), date(2020, 6, 30)),
    ],
)
def test_periods(label: object, start: date, end: date) -> None:
    c = code("period", label)
    assert (c.dimension, c.start, c.end) == ("period", start, end)


def test_period_with_a_unit() -> None:
    c = code("period", "2018/19 (£)")
    assert c.unit == "£" and c.start == date(2018, 4, 1)


def test_month_without_a_year() -> None:
    assert code("period", "Feb") == Coded("period", "Feb", "02")
    assert code("period", "September").code == "09"


# --- code: bodies ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("label", "slug"),
    [
        ("Avon & Somerset", "avon-and-somerset"), ("Met Police", "metropolitan"),
        ("Metropolitan Police Service", "metropolitan"), ("London, City of", "city-of-london"),
        ("Dyfed Powys", "dyfed-powys"), ("Devon & Cornwall", "devon-and-cornwall"),
        ("BTP", "british-transport-police"), ("Greater Manchester Police", "greater-manchester"),
        ("Police Scotland", "police-scotland"), ("E23000001", "metropolitan"), ("W15000004", "dyfed-powys"),
        ("NORTHUMBRIA", "northumbria"), ("Lancashire2", "lancashire"), ("Durham Constabulary", "durham"),
        ("West Midlands", "west-midlands"), ("Hampshire Constabulary", "hampshire"),
        ("Police Service of Northern Ireland", "northern-ireland"), ("Gwent Police", "gwent"),
        ("Northumbira", "northumbria"),  # one letter swapped, no other force near
    ],
)
def test_bodies(label: str, slug: str) -> None:
    c = code("body", label)
    assert (c.code, c.aggregate) == (slug, False)


@pytest.mark.parametrize(
    ("label", "agg_code"),
    [
        ("England and Wales", "england-and-wales"), ("ENGLAND AND WALES", "england-and-wales"),
        ("England & Wales", "england-and-wales"), ("England", "england"), ("WALES", "wales"),
        ("North East", "region:north-east"), ("North East Region", "region:north-east"),
        ("London", "region:london"), ("South West", "region:south-west"),
        ("West Midlands Region", "region:west-midlands"), ("Total West Midlands", "region:west-midlands"),
        ("Yorkshire and the Humber", "region:yorkshire-and-the-humber"), ("E12000007", "region:london"),
        ("All forces", None), ("Total", None), ("National", None),
    ],
)
def test_body_aggregates(label: str, agg_code: str | None) -> None:
    c = code("body", label)
    assert (c.code, c.aggregate) == (agg_code, True)


@pytest.mark.parametrize("label", ["Sunderland", "Darlington Memorial Hospital", "Westmoreland", "North",
                                   "Police", "Wolverhampton"])
def test_not_bodies(label: str) -> None:
    assert code("body", label).code is None
    assert not code("body", label).aggregate


# --- code: offences and outcomes ------------------------------------------------------------


@pytest.mark.parametrize(
    ("label", "expected"),
    [("19C", "19C"), ("Rape of a female aged 16 and over", "19C"), ("Robbery of personal property", "34B"),
     ("Public fear, alarm or distress3", "9A"), ("SHOPLIFTING", "46")],
)
def test_offence_codes(label: str, expected: str) -> None:
    assert code("offence", label).code == expected


def test_offence_groups_and_totals() -> None:
    assert code("offence", "Violence with injury") == Coded("offence", "Violence with injury")
    assert code("offence", "Total recorded crime").aggregate
    assert code("offence", "All offences").aggregate


@pytest.mark.parametrize(
    ("label", "expected"),
    [("3: Adult caution", "3"), ("Community Resolution", "8"), ("Local resolution", "8"),
     ("Investigation complete; no suspect identified", "18"), ("Cautioned - Youth", "2")],
)
def test_outcome_codes(label: str, expected: str) -> None:
    assert code("outcome", label).code == expected


# --- code: people ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("label", "expected", "aggregate"),
    [("Male", "M", False), ("Males", "M", False), ("Men", "M", False), ("Boys", "M", False),
     ("Female", "F", False), ("Women", "F", False), ("Girls", "F", False), ("Not stated", "U", False),
     ("Unknown", "U", False), ("F", "F", False), ("Persons", None, True), ("All persons", None, True),
     ("Total", None, True)],
)
def test_sex(label: str, expected: str | None, aggregate: bool) -> None:
    c = code("sex", label)
    assert (c.code, c.aggregate) == (expected, aggregate)


@pytest.mark.parametrize(
    ("label", "expected"),
    [("Under 10", "0-9"), ("10-17", "10-17"), ("10 - 14", "10-14"), ("18 to 20", "18-20"),
     ("21 and over", "21+"), ("65+", "65+"), ("Aged 25-34", "25-34"), ("Aged 21 and over", "21+"),
     ("Under 18s", "0-17"), ("17+", "17+"), ("Age unknown", "unknown"), ("18-24 yrs", "18-24"),
     ("Juveniles", "10-17"), ("Over 65", "66+"), ("over 34", "35+"), ("65 and over", "65+")],
)
def test_age_groups(label: str, expected: str) -> None:
    assert code("age_group", label).code == expected


def test_all_ages_is_an_aggregate() -> None:
    assert code("age_group", "All ages") == Coded("age_group", "All ages", aggregate=True)


@pytest.mark.parametrize(
    ("label", "expected"),
    [("White", "W"), ("Black or Black British", "B"), ("Black (or Black British)", "B"),
     ("Asian or Asian British", "A"), ("Mixed", "M"), ("Chinese or Other", "O"), ("Not stated", "NS"),
     ("White - British", "W1"), ("White Irish", "W2"), ("Any other White background", "W9"),
     ("Asian or Asian British - Indian", "A1"), ("Asian - Any other Asian background", "A9"),
     ("Black or Black British: African", "B2"), ("Mixed - White and Black Caribbean", "M1"),
     ("Chinese", "O1"), ("IC1", "IC1"), ("IC3 - Black", "IC3"), ("White - North European", "IC1"),
     ("Mixed or multiple ethnic groups", "M")],
)
def test_ethnicity(label: str, expected: str) -> None:
    assert code("ethnicity", label).code == expected


def test_bame_is_an_aggregate_of_groups() -> None:
    c = code("ethnicity", "BAME")
    assert (c.code, c.aggregate) == ("BAME", True)


# --- code: area, measure, unit -------------------------------------------------------------


def test_areas() -> None:
    assert code("area", "E08000024") == Coded("area", "E08000024", "E08000024")
    assert code("area", "Sunderland BCU").dimension == "area"


@pytest.mark.parametrize(
    ("label", "measure", "unit"),
    [("Number of arrests", "count", None), ("Stop and searches", "count", None),
     ("Rate per 1,000 population", "rate", "rate per 1,000"), ("% change", "percentage-change", "%"),
     ("Proportion", "proportion", None), ("Proportion (%)", "proportion", "%"),
     ("Arrest rate per 100,000 population", "rate", "rate per 100,000"), ("Average days lost", "average", "days")],
)
def test_measures(label: str, measure: str, unit: str | None) -> None:
    c = code("measure", label)
    assert (c.code, c.unit) == (measure, unit)


@pytest.mark.parametrize(("label", "unit"), [("%", "%"), ("£", "£"), ("£000s", "£ thousands"), ("£m", "£ millions")])
def test_unit_labels(label: str, unit: str) -> None:
    assert code("unit", label).code == unit


def test_own_dimension_keeps_label_and_marks_totals() -> None:
    assert code("Hospital", "Darlington Memorial Hospital") == Coded("Hospital", "Darlington Memorial Hospital")
    assert code("Hospital", "Grand Total").aggregate


@given(st.sampled_from(KNOWN), st.text(max_size=25))
def test_code_never_raises(dimension: str, label: str) -> None:
    c = code(dimension, label)
    assert c.dimension == dimension
    if c.start is not None:
        assert c.end is not None and c.start <= c.end


# --- recognise ------------------------------------------------------------------------------

FORCES = ["Cleveland", "Durham", "Northumbria", "North East Region", "Cheshire", "Cumbria3",
          "Greater Manchester", "Lancashire", "Merseyside", "London, City of", "Metropolitan Police",
          "ENGLAND", "WALES", "ENGLAND AND WALES", "Dyfed-Powys", "Gwent", "Total"]


@pytest.mark.parametrize(
    ("header", "labels", "dimension"),
    [
        ("Police Force Area", FORCES, "body"),
        (None, FORCES, "body"),
        ("Area name", ["Avon and Somerset", "Bedfordshire", "Cambridgeshire", "Kent"], "body"),
        (None, ["Males", "Females", "Persons"], "sex"),
        (None, ["Female", "Male", "Not Known"], "sex"),
        (None, ["Under 102", "Aged 10-17", "Aged 18-20", "Aged 21 and over", "Age unknown", "Total"], "age_group"),
        (None, ["10 - 14", 15.0, 16.0, "17+"], "age_group"),
        (None, ["White", "Black", "Asian", "Mixed", "Chinese or Other", "Not stated", "Total"], "ethnicity"),
        ("Year", ["2006/07", "2007/08", "2008/09"], "period"),
        (None, [2019, 2020, 2021], "period"),
        ("Year", [2012.0, 2013.0, 2014.0], "period"),
        (None, ["Jan", "Feb", "Mar", "Apr"], "period"),
        ("Crime Group / Financial Year", ["Burglary", "Drug Offence", "Fraud", "Robbery", "Total"], "offence"),
        ("Offence types", ["ARSON", "BICYCLE THEFT", "OTHER THEFT", "RAPE", "SHOPLIFTING"], "offence"),
        ("Offense charged", ["Violent crime . . .", "Forcible rape", "Larceny-theft", "Embezzlement"], "offence"),
        ("Outcomes", ["1: Charged", "3: Adult caution", "8: Community resolution", "Ongoing"], "outcome"),
        (None, ["Reprimand", "Final Warning", "Referral Order", "Fine", "Youth Rehabilitation Order"], "outcome"),
        (None, ["Number", "Proportion (%)", "Arrest rate per 1,000 population"], "measure"),
        ("Local authority", ["Warwickshire", "Suffolk", "Sunderland", "Walsall"], "area"),
        ("BCU", ["North", "South", "East", "West"], "area"),
    ],
)
def test_recognise(header: str | None, labels: list[object], dimension: str) -> None:
    r = recognise(header, labels)
    assert r.dimension == dimension, r
    assert 0.5 <= r.confidence <= 1.0
    assert r.evidence


def test_unrecognised_column_keeps_its_header_name() -> None:
    r = recognise("Hospital Name / Financial Year", ["Bishop Auckland Hospital", "West Park Hospital", "Total"])
    assert r.dimension == "Hospital Name"
    assert r.confidence == 0.0


def test_row_numbers_are_not_ages_or_codes() -> None:
    # False friend: a numbered record list (1, 2, 3 ...) could read as ages or offence codes.
    r = recognise("No.", [str(i) for i in range(1, 300)])
    assert r.dimension == "No."


def test_counts_are_not_years() -> None:
    # False friend: a column of numbers where only some fall in the year range.
    r = recognise(None, [2019, 13, 500, 2001, 7])
    assert r.dimension != "period"


def test_totals_and_unknowns_do_not_decide() -> None:
    r = recognise("Gender", ["Total", "Unknown"])
    assert r.dimension == "sex"


def test_evidence_says_how_many() -> None:
    r = recognise(None, ["Kent", "Essex", "Surrey", "Sussex", "Nowhere"])
    assert r.dimension == "body"
    assert r.evidence.startswith("4 of 5 labels")


# --- unit_of -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("texts", "unit"),
    [
        (["Numbers and percentages", "2017/18", "Proportion\n(%)2"], "%"),
        (["Numbers and percentages", "2017/18", "Number"], None),
        (["Numbers (thousands)", "Males"], "thousands"),
        (["Arrest rate per 1,000 population1 2018/19\n(all persons)"], "rate per 1,000"),
        (["Rate per 100,000"], "rate per 100,000"),
        (["Cost (£000s)"], "£ thousands"), (["Spend (£)"], "£"), (["£m"], "£ millions"),
        (["Average days lost"], "days"), (["Hours"], "hours"), (["Within 24 hours"], None),
        (["Full-time equivalents", "As at 31 March 2019"], "FTE"), (["Males"], None), ([], None),
    ],
)
def test_unit_of(texts: list[str], unit: str | None) -> None:
    assert unit_of(texts) == unit


# --- context ---------------------------------------------------------------------------------


def test_title_period_and_country() -> None:
    found = context(["Table 2: Number of persons arrested by sex, 2006/07 to 2018/191", "England and Wales"])
    assert (found["period"].start, found["period"].end) == (date(2006, 4, 1), date(2019, 3, 31))
    assert found["body"].code == "england-and-wales" and found["body"].aggregate


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("Table 3 2021-22", date(2021, 4, 1), date(2022, 3, 31)),
        ("During 2023", date(2023, 1, 1), date(2023, 12, 31)),
        ("Crimes recorded in the year ending March 2021", date(2020, 4, 1), date(2021, 3, 31)),
        ("Offences in the 12 months to June 2022", date(2021, 7, 1), date(2022, 6, 30)),
        ("Police staff, England and Wales, 30 September 2019", date(2019, 9, 30), date(2019, 9, 30)),
        ("Use of force: 1 April 2017 to 31 March 2018", date(2017, 4, 1), date(2018, 3, 31)),
        ("2019", date(2019, 1, 1), date(2019, 12, 31)),
    ],
)
def test_context_periods(text: str, start: date, end: date) -> None:
    p = context([text])["period"]
    assert (p.start, p.end) == (start, end)


def test_two_periods_in_a_title_name_the_columns_not_the_table() -> None:
    assert "period" not in context(["Arrests by force, 2017/18 and 2018/19"])


def test_context_body_area_unit_and_headings() -> None:
    assert context(["Cumbria Constabulary FOI 1306/25"])["body"].code == "cumbria"
    assert context(["Sunderland BCU"])["area"].label == "Sunderland BCU"
    assert context(["Expenditure (£000s)"])["unit"].code == "£ thousands"
    assert context(["Males"])["sex"].code == "M"
    assert context(["Aged 10-17"])["age_group"].code == "10-17"
    # A later text (a section heading) overrides an earlier one (the title).
    assert context(["Arrests, 2018", "During 2019"])["period"].start == date(2019, 1, 1)


def test_import_loads_no_reader_library() -> None:
    code_ = ("import sys, foi.figures.coding as c; c.recognise(None, ['Kent']); "
             "bad = [m for m in ('pdfplumber', 'python_calamine', 'openpyxl') if m in sys.modules]; "
             "print(bad)")
    out = subprocess.run([sys.executable, "-c", code_], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


# --- patterns found on error analysis of the first held-out measurement ---------------------


@pytest.mark.parametrize(
    ("label", "expected"),
    [
        ("White - English/Welsh/Scottish/Northern Irish/British", "W1"),
        ("White - Gypsy or Irish Traveller", "W3"),
        ("Asian/Asian British - Pakistani", "A2"),
        ("Black/African/Caribbean/Black British - African", "B2"),
        ("Black/African/Caribbean/Black British - Caribbean", "B1"),
        ("Mixed/Multiple ethnic groups - White and Asian", "M3"),
        ("Other ethnic group - Not stated", "NS"),
        ("Other ethnic group - Arab", "O2"),
        ("Other ethnic group - Any other ethnic group", "O9"),
        ("Chinese, Japanese, SE Asian", "IC5"),
        ("Arabic or North African", "IC6"),
    ],
)
def test_census_style_ethnicity_reads_group_then_detail(label: str, expected: str) -> None:
    assert code("ethnicity", label).code == expected


@pytest.mark.parametrize("label", ["Other/not stated", "Mixed/Other", "Other/Unknown"])
def test_joined_ethnicity_categories_have_no_single_code(label: str) -> None:
    assert recognise("Ethnicity", ["White", "Black", label]).dimension == "ethnicity"
    assert code("ethnicity", label).code is None


@pytest.mark.parametrize(
    ("label", "expected"),
    [("Summons / charged by post", "1"), ("Responsibility for further investigation transferred to another body", "20"),
     ("Out-of-court (informal)", None), ("A no further action disposal", None), ("Arrest", None)],
)
def test_outcome_groups_and_search_outcomes(label: str, expected: str | None) -> None:
    assert recognise("Outcome", [label, "Community resolution", "Charged"]).dimension == "outcome"
    assert code("outcome", label).code == expected


def test_number_in_brackets_glued_to_a_name_is_a_note() -> None:
    assert clean_label("Essex(5)") == Clean("Essex", ("5",))
    assert code("body", "Metropolitan Police(5)").code == "metropolitan"
    assert clean_label("Section 226 (3)").text == "Section 226 (3)"  # spaced: part of the label


def test_glued_note_on_an_age_range() -> None:
    assert clean_label("Aged 18-202") == Clean("Aged 18-20", ("2",))


def test_powers_cited_by_their_act_are_not_offences() -> None:
    r = recognise("Reason", ["Misuse of Drugs Act 1971, section 23", "Firearms Act 1968, section 47",
                             "Police and Criminal Evidence Act 1984, section 1"])
    assert r.dimension == "Reason"


def test_total_of_what_is_counted_is_an_aggregate() -> None:
    assert code("sex", "Total fatalities").aggregate
    assert recognise("Gender", ["Male", "Female", "Total fatalities"]).dimension == "sex"


def test_long_columns_are_sampled_and_say_so() -> None:
    labels = [f"District {i}" for i in range(500)]
    r = recognise("District", labels)
    assert r.dimension == "area"
    r = recognise(None, ["Kent", "Essex", "Surrey"] * 2 + [f"Place {i}" for i in range(200)])
    assert r.dimension == ""
    assert "sampled from" in r.evidence or "no known dimension" in r.evidence


def test_two_digit_financial_years_are_not_age_bands() -> None:
    # False friend: "04/05" has the shape of an age band written with a slash.
    assert code("age_group", "04/05").code is None
    assert recognise(None, ["04/05", "05/06", "10/11*", '15/16" **', "19/20"]).dimension == "period"
    assert clean_label('15/16" **') == Clean("15/16", ('"', "**"))


def test_ethnicity_evidence_says_who_defined_it() -> None:
    assert "officer-defined" in recognise("Officer-defined ethnicity", ["White", "Black", "Asian"]).evidence
    assert "self-defined" in recognise("Self-defined ethnicity", ["White", "Black", "Asian"]).evidence
    assert "officer-defined" in recognise(None, ["White - North European", "Middle Eastern", "IC3"]).evidence


@given(st.integers(min_value=1990, max_value=2098), st.sampled_from(["{y}/{z:02d}", "{y}-{z:02d}", "FY {y}/{z:02d}",
                                                                   "{y}/{y1}", "Financial year {y}/{z:02d}"]))
def test_financial_year_labels_round_trip(y: int, form: str) -> None:
    label = form.format(y=y, z=(y + 1) % 100, y1=y + 1)
    c = code("period", label)
    assert (c.start, c.end) == (date(y, 4, 1), date(y + 1, 3, 31))


@given(st.integers(min_value=1990, max_value=2099),
       st.sampled_from(["During {y}", "Calendar year {y}", "In {y}", "{y}"]))
def test_calendar_year_labels_round_trip(y: int, form: str) -> None:
    c = code("period", form.format(y=y))
    assert (c.start, c.end) == (date(y, 1, 1), date(y, 12, 31))


@given(st.integers(min_value=0, max_value=90), st.integers(min_value=1, max_value=20))
def test_age_band_labels_round_trip(lo: int, width: int) -> None:
    hi = min(lo + width, 99)  # bands above 100 read as a band with a footnote digit glued on
    for form in ("{lo}-{hi}", "{lo} - {hi}", "{lo} to {hi}", "Aged {lo}-{hi}", "{lo}-{hi} years"):
        assert code("age_group", form.format(lo=lo, hi=hi)).code == f"{lo}-{hi}"


@pytest.mark.parametrize(
    ("label", "slug"),
    [("South Wales Police/Heddlu De Cymru", "south-wales"),
     ("Heddlu Gogledd Cymru / North Wales Police", "north-wales"),
     ("Dyfed-Powys Police (Heddlu Dyfed-Powys)", "dyfed-powys"), ("Metropolitan Police Service (MPS)", "metropolitan"),
     ("N. Yorkshire", "north-yorkshire"), ("W. Midlands", "west-midlands"), ("Northants", "northamptonshire")],
)
def test_bilingual_bracketed_and_abbreviated_force_names(label: str, slug: str) -> None:
    assert code("body", label).code == slug


def test_two_forces_joined_are_not_one() -> None:
    assert code("body", "Kent / Essex").code is None


def test_offence_age_bounds_written_differently() -> None:
    assert code("offence", "Rape of Female 16 or over").code == "19C"
    assert code("offence", "Rape of a female 16+").code == "19C"


@pytest.mark.parametrize("label", ["Evidential difficulties - victim does not support",
                                   "Released Under Investigation (RUI)", "Investigation complete - no suspect"])
def test_outcomes_by_their_wording(label: str) -> None:
    assert recognise("Result", [label, "Charged", "Adult caution"]).dimension == "outcome"


def test_joined_sex_categories() -> None:
    assert code("sex", "Unknown/Not stated").code == "U"
    assert code("sex", "Other / Not stated") == Coded("sex", "Other / Not stated")
    assert code("sex", "Men and boys").code == "M"


def test_context_ignores_publication_dates_and_reads_periods_in_long_titles() -> None:
    found = context(["Use of force statistics, England and Wales, 1 April 2017 to 31 March 2018",
                     "Publication Date: 13 December 2018"])
    assert (found["period"].start, found["period"].end) == (date(2017, 4, 1), date(2018, 3, 31))
    found = context(["Regional Disposals 2012/13"])
    assert found["period"].start == date(2012, 4, 1)
    assert "outcome" not in found
