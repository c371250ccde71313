from __future__ import annotations

import csv
from pathlib import Path

import pytest

from foi.codes import (
    OUTCOME_TYPES,
    is_pending,
    offence_code,
    offence_name,
    outcome_code,
    outcome_name,
)

FIXTURES = Path(__file__).parent / "fixtures"
DATA = Path(__file__).parent.parent / "foi" / "data"


# --- offences -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("label", "code"),
    [
        ("19C", "19C"),
        ("019C", "19C"),
        ("19c", "19C"),
        ("HO 19C", "19C"),
        ("HO code 19C", "19C"),
        ("019/08", "19C"),  # detailed code -> its category
        ("019/12", "19C"),
        ("092/61", "92E"),
        ("005/01", "5D"),  # also listed under 8S/8T; its own number decides
        ("046/00", "46"),
        ("46", "46"),
        (46, "46"),
        ("4/1", "4/1"),
        ("004/01", "4/1"),
        ("37/2", "37/2"),
        ("NFIB 90", "NFIB90"),
        ("NFIB90", "NFIB90"),
        ("8N", "8N"),
        ("105A", "105A"),
        ("Rape of a female aged 16 and over", "19C"),
        ("RAPE OF A FEMALE AGED 16 AND OVER", "19C"),
        ("Rape of a Female  aged 16 and over.", "19C"),
        ("19C Rape of a Female aged 16 and over", "19C"),
        ("19C - Rape of a female aged 16 and over", "19C"),
        ("Rape of a female aged 16 and over (19C)", "19C"),
        ("Rape of female 16+", "19C"),
        ("Rape of a female aged under 16", "19D"),
        ("Rape of a Female Child under 16", "19D"),
        ("Rape of a Female Child under 13", "19E"),
        ("Attempted rape of a female aged 16 or over", "19C"),  # an "Offence" label
        ("Having possession of a controlled drug - cannabis", "92E"),
        ("Possession of cannabis", "92E"),
        ("Possession of controlled drugs (excluding cannabis)", "92D"),
        ("Sexual assault on a female aged 13 and over", "20A"),
        ("Sexual Assault on a Female aged 13 or over", "20A"),
        ("Shoplifting", "46"),
        ("SHOPLIFTING", "46"),
        ("Murder", "1"),
        ("Common assault", "105A"),
        ("Assault without Injury", "105A"),
        ("Burglary business and community", "30C"),
        ("Making off without payment", "49A"),
        # Labels from the Cumbria and Humberside replies (paulbradshaw mass FOI corpus).
        ("Bicycle Theft", "44"),
        ("Theft from the person", "39"),
        ("Theft From Vehicle", "45"),
        ("THEFT FROM A VEHICLE", "45"),
        ("THEFT OR UNAUTH TAKING OF A MOTOR VEH", "48"),
        ("AGGRAVATED VEHICLE TAKING", "37/2"),
        ("INTERFERING WITH A MOTOR VEHICLE", "126"),
        ("Possession Of Article With Blade Or Point", "10D"),
        ("POSSESSION OF OTHER WEAPONS".title(), "10C"),
        ("Public Fear, Alarm Or Distress", "9A"),
        ("Racially Or Religiously Aggravated Public Fear, Alarm\nOr Distress", "9B"),
        ("RACE OR RELIGIOUS AGG PUBLIC FEAR", "9B"),
        ("Threat Or Possession With Intent To Commit\nCriminal Damage", "59"),
        ("Disclosure, Obstruction, False Or Misleading\nStatements Etc", "95"),
        ("Other Offences Against The State Or Public Order", "66"),
        ("Perverting The Course Of Justice", "79"),
        ("Absconding From Lawful Custody", "80"),
        ("Trafficking In Controlled Drugs", "92A"),
        ("TRAFFICKING OF DRUGS", "92A"),
        ("Dangerous Driving", "802"),
        ("Other Notifiable Offences", "99"),
        ("NFIB90 Other Fraud Not Covered Elsewhere", "NFIB90"),
        ("Shopliftng", "46"),  # one letter dropped: fuzzy, unambiguous
    ],
)
def test_offence_code(label: str, code: str) -> None:
    assert offence_code(label) == code


@pytest.mark.parametrize(
    "label",
    [
        # Groups that span several Home Office categories: no single code is right.
        "Violence with Injury", "Violence without Injury", "VIOLENCE AGAINST THE PERSON", "Rape",
        "Other Sexual Offences", "Criminal Damage", "Arson", "Burglary Residential",
        "BURGLARY RESIDENTIAL (UNCONNECTED BLDG)", "Possession of Drugs", "Stalking and Harassment",
        "Possession of controlled drugs",  # 92D and 92E share this name in the list
        "028/03",  # one detailed code split over 28I..28P
        "Total", "Grand Total", "", "   ", "2019/20", "19/20", "14/15", "12", "999", "19Z", "HO 19Z",
        "Adult caution", "Hospital", "NFIB52B Hacking-Personal",
        "19C Shoplifting",  # the code and the words disagree
        "Rape of a female child under 15",  # near two categories at once, and a number differs
    ],
)
def test_offence_code_unknown(label: str) -> None:
    assert offence_code(label) is None


def test_offence_name() -> None:
    assert offence_name("19C") == "Rape of a Female aged 16 and over"
    assert offence_name("019c") == "Rape of a Female aged 16 and over"
    assert offence_name("019/08") == "Rape of a Female aged 16 and over"
    assert offence_name("46") == "Shoplifting"
    assert offence_name("92E") == "Possession of controlled drugs (cannabis)"
    assert offence_name("4/1") == "Manslaughter"
    assert offence_name("19Z") is None
    assert offence_name("Shoplifting") is None  # a name is not a code


def test_every_category_maps_back_to_itself() -> None:
    seen = 0
    with (DATA / "home-office-notifiable-offences.csv").open(encoding="utf-8-sig") as f:
        for row in csv.DictReader(f):
            cat = row["Offence category"].strip()
            if not cat or cat.startswith("Various"):
                continue
            code = cat.split()[0] if not cat.upper().startswith("NFIB") else None
            got = offence_code(cat)
            assert got is not None, cat
            if code is not None:
                assert got == code.upper(), cat
            assert offence_name(got) is not None
            seen += 1
    assert seen > 1500


def test_synonym_table_is_consistent() -> None:
    with (DATA / "offence-synonyms.csv").open(encoding="utf-8-sig") as f:
        rows = list(csv.DictReader(f))
    assert len(rows) > 100
    for row in rows:
        assert offence_name(row["code"]) is not None, row
        assert offence_code(row["label"]) == row["code"], row


# --- outcomes -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("label", "code"),
    [
        ("Adult caution", "3"),
        ("Caution - adult", "3"),
        ("Caution - adults", "3"),  # Cumbria
        ("Cautioned - Adult", "3"),  # Durham
        ("Simple caution", "3"),
        ("Conditional caution", "3"),
        ("Youth caution", "2"),
        ("Caution - youths", "2"),
        ("Cautioned - Youth", "2"),
        ("Community resolution", "8"),
        ("Community Resolution", "8"),
        ("CR", "8"),
        ("Charged", "1"),
        ("Charged/Summonsed", "1"),
        ("Charge/Summons", "1"),
        ("Summonsed", "1"),
        ("Charged or Summonsed", "1"),
        ("Type 1 - Charged/Summonsed", "1"),  # Hertfordshire
        ("Type 16 - Named Suspect - Victim Unsupportive", "16"),
        ("Type 1a - Charged/Summonsed (Alternate offence)", "1A"),
        ("3: Adult caution", "3"),  # Humberside
        ("3A: Alternate offence adult caution", "3A"),
        ("8: Community resolution", "8"),
        ("8: Youth restorative disposal", "8"),
        ("2: Youth conditional caution", "2"),
        ("Outcome 8", "8"),
        ("Outcome 15", "15"),
        ("OUTCOME TYPE 21", "21"),
        ("3", "3"),
        ("3A", "3A"),
        ("3a", "3A"),
        (8, "8"),
        ("1 Charged", "1"),
        ("PND", "6"),
        ("Penalty notice for disorder", "6"),
        ("Cannabis warning", "7"),
        ("Khat warning", "7"),
        ("Cannabis or Khat Warning", "7"),
        ("TIC", "4"),
        ("Taken into consideration", "4"),
        ("Offender has Died", "5"),
        ("Not in the Public Interest - CPS", "9"),
        ("Not in the Public Interest - Police", "10"),
        ("Further Investigation is Not in the Public Interest - Police", "21"),
        ("Investigation Complete - No Suspect Identified", "18"),
        ("Other Agency Delegations", "20"),
        ("Diversionary, Educational or Intervention Activity", "22"),
        ("Adult Caution with Alternate\nOffence", "3A"),
        ("Adult caution with alternative offence", "3A"),
        ("Named Suspect Identified - Evidential Difficulties: Victim NOT Supportive", "16"),
        ("Named Suspect Identified - Evidential Difficulties: Victim Supportive", "15"),
        ("Community resolutions", "8"),
        ("Investigation complete, no suspect identified", "18"),
        ("Investigaton complete - no suspect identified", "18"),  # typo: fuzzy
    ],
)
def test_outcome_code(label: str, code: str) -> None:
    assert outcome_code(label) == code


@pytest.mark.parametrize(
    "label",
    [
        "Ongoing", "Under investigation", "Pending", "No Outcome - Unfinalised Investigation",
        "Total", "", "Caution", "Not charged", "12 months", "1 Murder", "Type 19 - Other",
        "Outcome 23", "Hospital", "2019/20", "14/15", "1-4", "3.5", "<5",
        "Named Suspect\nidentified: victim\nsupports police",
        "Rape of a female aged 16 and over", "Youth", "Adult",
    ],
)
def test_outcome_code_unknown(label: str) -> None:
    assert outcome_code(label) is None


@pytest.mark.parametrize(
    ("label", "pending"),
    [
        ("Ongoing", True),
        ("Under investigation", True),
        ("Pending", True),
        ("No Outcome - Unfinalised Investigation", True),
        ("Investigation ongoing", True),
        ("Charged", False),
        # Cumbria's long outcome 18 text mentions "pending" but is an outcome.
        ("Investigation Complete: No suspect identified. Crime investigated as far as reasonably "
         "possible –Case closed pending further investigative opportunities becoming available",
         False),
    ],
)
def test_is_pending(label: str, pending: bool) -> None:
    assert is_pending(label) is pending


def test_outcome_names() -> None:
    assert outcome_name("3") == "Adult caution"
    assert outcome_name("3a") == "Adult caution (alternate offence)"
    assert outcome_name("08") == "Community resolution"
    assert outcome_name("19") is None
    assert outcome_name("Adult caution") is None
    assert set(OUTCOME_TYPES) == {
        "1", "1A", "2", "2A", "3", "3A", "4", "5", "6", "7", "8", "9", "10", "11", "12", "13",
        "14", "15", "16", "17", "18", "20", "21", "22",
    }
    for code, name in OUTCOME_TYPES.items():
        assert outcome_code(name) == code, name


def _real_labels() -> list[tuple[str, str, str]]:
    with (FIXTURES / "real-outcome-labels.csv").open(encoding="utf-8", newline="") as f:
        return [(r["force"], r["label"], r["code"]) for r in csv.DictReader(f)]


@pytest.mark.parametrize(("force", "label", "code"), _real_labels())
def test_real_outcome_labels(force: str, label: str, code: str) -> None:
    """First-column labels as pdfplumber extracts them from the Cumbria, Durham, Humberside and
    Hertfordshire replies (line breaks kept), checked by hand against the outcome framework.
    An empty code is a fragment or a hospital name that must not get an outcome."""
    if code == "PENDING":
        assert outcome_code(label) is None
        assert is_pending(label)
    else:
        assert outcome_code(label) == (code or None)
