"""The bodies registry and the free-text resolver."""

from __future__ import annotations

from pathlib import Path

import pytest

from foi.bodies import get_body, import_bodies, list_bodies, resolve_body, select_bodies, set_body
from foi.errors import FoiError
from foi.workspace import Workspace


def test_registry_holds_the_43_forces_by_default(ws: Workspace) -> None:
    forces = list_bodies(ws.db)
    assert len(forces) == 43
    assert {"metropolitan", "thames-valley", "dyfed-powys", "city-of-london"} <= {b["slug"] for b in forces}
    assert all(b["act"] == "FOIA" and b["ons_code"][:3] in ("E23", "W15") for b in forces)


def test_other_uk_bodies_are_present_but_outside_all(ws: Workspace) -> None:
    other = list_bodies(ws.db, "other-uk")
    assert {b["slug"] for b in other} == {"british-transport-police", "northern-ireland", "police-scotland",
                                          "ministry-of-defence-police", "civil-nuclear-constabulary"}
    assert get_body(ws.db, "police-scotland")["act"] == "FOISA"
    assert len(select_bodies(ws.db, "all")) == 43
    assert len(list_bodies(ws.db, "any")) == 48


def test_emails_record_where_they_came_from(ws: Workspace) -> None:
    body = get_body(ws.db, "northumbria")
    assert body["foi_email"] == "freedom.info@northumbria.pnn.police.uk"
    assert "WhatDoTheyKnow" in body["email_source"] and "unverified" in body["email_source"]


@pytest.mark.parametrize(
    ("text", "slug"),
    [
        ("Northumbria Police", "northumbria"),
        ("MPS", "metropolitan"),
        ("the Met", "metropolitan"),
        ("The Met", "metropolitan"),
        ("Metropolitan Police Service", "metropolitan"),
        ("GMP", "greater-manchester"),
        ("Greater Manchester Police", "greater-manchester"),
        ("TVP", "thames-valley"),
        ("Thames Valley Police", "thames-valley"),
        ("Hampshire Constabulary", "hampshire"),
        ("Hampshire and Isle of Wight Constabulary", "hampshire"),
        ("Avon & Somerset", "avon-and-somerset"),
        ("Avon and Somerset Police", "avon-and-somerset"),
        ("Durham Police", "durham"),
        ("Durham Constabulary", "durham"),
        ("Devon & Cornwall Police", "devon-and-cornwall"),
        ("Dyfed Powys Police", "dyfed-powys"),
        ("dyfed-powys", "dyfed-powys"),
        ("North Wales Police", "north-wales"),
        ("South Wales Police", "south-wales"),
        ("West Midlands Police", "west-midlands"),
        ("City of London Police", "city-of-london"),
        ("PSNI", "northern-ireland"),
        ("Police Scotland", "police-scotland"),
        ("BTP", "british-transport-police"),
        ("foi@northumbria.pnn.police.uk", "northumbria"),
        ("Freedom.Info@Northumbria.pnn.police.uk", "northumbria"),
        ("northumbria.pnn.police.uk", "northumbria"),
        ("northumbria.police.uk", "northumbria"),
        ("FOI Team <foi@met.police.uk>", "metropolitan"),
        ("foi@gmp.police.uk", "greater-manchester"),
        ("https://www.thamesvalley.police.uk/foi", "thames-valley"),
        ("informationcomplianceunit@humberside.pnn.police.uk", "humberside"),
        ("someone@cumbria.police.uk", "cumbria"),
        ("foi@devonandcornwall.police.uk", "devon-and-cornwall"),
        ("Freedom of Information Unit, Cleveland Police", "cleveland"),
        ("Disclosure team - Lancashire Constabulary", "lancashire"),
    ],
)
def test_resolver_real_spellings(ws: Workspace, text: str, slug: str) -> None:
    assert resolve_body(ws.db, text) == slug


@pytest.mark.parametrize(
    "text",
    ["", "   ", "Police", "Constabulary", "Wales", "Yorkshire Police", "Manchester City Council",
     "we met the deadline", "foi@example.org", "gmail.com", "North Yorkshire and West Yorkshire Police",
     "Sussex Police and Surrey Police"],
)
def test_resolver_never_guesses(ws: Workspace, text: str) -> None:
    assert resolve_body(ws.db, text) is None


def test_set_body_updates_email_and_source(ws: Workspace) -> None:
    body = set_body(ws.db, "kent", email="foi@kent.police.uk", portal="https://www.kent.police.uk/foi",
                    note="prefers the portal")
    assert body["foi_email"] == "foi@kent.police.uk" and body["email_source"] == "set by hand"
    assert resolve_body(ws.db, "someone@kent.police.uk") == "kent"


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [({"email": "not an email"}, "is not an e-mail address"), ({"portal": "kent.police.uk"}, "start it with https://"),
     ({}, "Nothing to change")],
)
def test_set_body_rejects_bad_values(ws: Workspace, kwargs: dict, message: str) -> None:
    with pytest.raises(FoiError, match=message):
        set_body(ws.db, "kent", **kwargs)


def test_unknown_slug_suggests_the_right_one(ws: Workspace) -> None:
    with pytest.raises(FoiError, match="Did you mean 'metropolitan'"):
        get_body(ws.db, "the Met")


def test_import_adds_and_updates(ws: Workspace, tmp_path: Path) -> None:
    csv_path = tmp_path / "bodies.csv"
    csv_path.write_text(
        "slug,name,act,group,website,foi_email,aliases\n"
        "durham-council,Durham County Council,FOIA,councils,https://www.durham.gov.uk,foi@durham.gov.uk,DCC;Durham CC\n"
        "kent,,,,,foi2@kent.police.uk,\n",
        encoding="utf-8",
    )
    assert import_bodies(ws.db, csv_path) == {"added": 1, "updated": 1}
    assert get_body(ws.db, "kent")["foi_email"] == "foi2@kent.police.uk"
    assert get_body(ws.db, "kent")["name"] == "Kent Police"
    assert resolve_body(ws.db, "DCC") == "durham-council"
    assert [b["slug"] for b in list_bodies(ws.db, "councils")] == ["durham-council"]
    assert len(list_bodies(ws.db)) == 43


def test_import_with_bad_rows_imports_nothing_and_names_each_line(ws: Workspace, tmp_path: Path) -> None:
    csv_path = tmp_path / "bodies.csv"
    csv_path.write_text(
        "slug,name,act,foi_email\n"
        "good-body,Good Body,FOIA,foi@good.example\n"
        "Bad Slug,Bad,FOIA,\n"
        "other,Other,FOIX,not-an-email\n",
        encoding="utf-8",
    )
    with pytest.raises(FoiError) as info:
        import_bodies(ws.db, csv_path)
    message = str(info.value)
    assert message.startswith("2 bad row(s)") and "nothing imported" in message
    assert "line 3: slug 'Bad Slug'" in message
    assert "line 4: act 'FOIX' must be FOIA or FOISA; foi_email 'not-an-email' is not an e-mail address" in message
    assert not list(ws.db.query("SELECT 1 FROM bodies WHERE slug = 'good-body'"))


def test_import_new_body_needs_a_name(ws: Workspace, tmp_path: Path) -> None:
    csv_path = tmp_path / "bodies.csv"
    csv_path.write_text("slug,name\nnew-body,\n", encoding="utf-8")
    with pytest.raises(FoiError, match="New bodies need a name, nothing imported: new-body"):
        import_bodies(ws.db, csv_path)


def test_import_without_slug_column(ws: Workspace, tmp_path: Path) -> None:
    csv_path = tmp_path / "bodies.csv"
    csv_path.write_text("name,email\nX,y\n", encoding="utf-8")
    with pytest.raises(FoiError, match="has no `slug` column"):
        import_bodies(ws.db, csv_path)


def test_import_windows_1252_csv(ws: Workspace, tmp_path: Path) -> None:
    csv_path = tmp_path / "bodies.csv"
    csv_path.write_bytes("slug,name,note\nkent,,Costs \u00a3450 \u2013 18 hours\n".encode("cp1252"))
    import_bodies(ws.db, csv_path)
    assert get_body(ws.db, "kent")["note"] == "Costs \u00a3450 \u2013 18 hours"
