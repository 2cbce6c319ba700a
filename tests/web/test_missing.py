""" "Je ne trouve pas mon contrat / Ik kan mijn contract niet vinden" (CT-2, CT-4)."""

from __future__ import annotations

import re

from models import Brand


def _reason(html: str, number: str) -> str:
    match = re.search(rf'data-testid="hidden-{number}" data-reason="([a-z0-9_]+)"', html)
    assert match, number
    return match.group(1)


def test_ct4_hunting_liability_is_explained_as_a_niche_contract(
    client, personas, person_named, login
):
    login(person_named("Jean-Pierre"), Brand.PV)
    html = client.get("/pv/fr/contracts/missing").get_data(as_text=True)
    assert _reason(html, "111000171365") == "niche"
    assert "RC chasse" in html and "contrat de niche" in html
    assert _reason(html, "111000171366") == "bike"
    assert "111000171363" not in html.split('data-testid="catalogue-overview"')[0]


def test_ct4_professional_non_life_and_workers_compensation_explained_in_vivium(
    client, personas, person_named, login
):
    login(person_named("Marc"), Brand.VIVIUM)
    html = client.get("/vivium/nl/contracts/missing").get_data(as_text=True)
    assert _reason(html, "4021007788") == "professional_non_life"
    assert _reason(html, "4031004411") == "professional_non_life"
    assert _reason(html, "4091000123") == "workers_compensation"
    assert "Arbeidsongevallenverzekeringen staan nog niet in MyVivium" in html


def test_ct4_ended_and_legacy_contracts_are_explained(client, personas, person_named, login):
    login(person_named("Luc"), Brand.VIVIUM)
    html = client.get("/vivium/nl/contracts/missing").get_data(as_text=True)
    assert _reason(html, "1987654") == "legacy_car"
    assert _reason(html, "4031000999") == "ended"


def test_ct2_standalone_guaranteed_income_is_expected_in_2025(
    client, personas, person_named, login
):
    login(person_named("Sofie"), Brand.VIVIUM)
    html = client.get("/vivium/fr/contracts/missing").get_data(as_text=True)
    assert _reason(html, "4011009003") == "expected_2025"
    assert "2025" in html
    assert "2211004455" not in html  # her P&V contracts are not this portal's business (BR-1)


def test_ct4_the_general_list_shows_what_is_and_is_not_shown(client, personas, person_named, login):
    login(person_named("Emma"), Brand.PV)
    html = client.get("/pv/nl/contracts/missing").get_data(as_text=True)
    assert 'data-testid="no-hidden-contracts"' in html
    shown_life = html.split('data-testid="shown-life"')[1].split("</ul>")[0]
    assert "Pensioensparen" in shown_life and "Overlijdensverzekering" in shown_life
    shown_non_life = html.split('data-testid="shown-non-life"')[1].split("</ul>")[0]
    for name in (
        "Autoverzekering",
        "Motorverzekering",
        "Brandverzekering",
        "BA gezin",
        "Ongeval privéleven",
        "Rechtsbijstand",
    ):
        assert name in shown_non_life
    not_shown = html.split('data-testid="not-shown"')[1].split("</ul>")[0]
    for name in (
        "BA jacht",
        "Fietsverzekering",
        "Oud autocontract",
        "Afzonderlijke waarborg overlijden",
    ):
        assert name in not_shown
    assert "Arbeidsongevallen" not in not_shown  # a Vivium product


def test_trainers_change_what_is_shown_by_editing_the_catalogue_file(tmp_path, personas, db):
    """A catalogue copy where hunting liability is shown makes it appear on the home page."""
    from models.catalogue import DEFAULT_PATH
    from portal.app import create_app
    from tests.conftest import session_cookie

    text = DEFAULT_PATH.read_text(encoding="utf-8")
    block = text.split("[products.hunting_liability]")[1].split("[products.")[0]
    edited = block.replace(
        'shown = false\nhidden_reason = "niche"\n',
        'segments = ["private"]\nsegment_reason = "professional_non_life"\n',
    )
    custom = tmp_path / "catalogue.toml"
    custom.write_text(text.replace(block, edited), encoding="utf-8")

    from sqlalchemy import select

    from models import Person
    from seed.build import add_account

    jp = db.scalars(select(Person).where(Person.first_name == "Jean-Pierre")).one()
    account = add_account(db, jp, Brand.PV)
    db.commit()
    url = str(db.get_bind().url.render_as_string(hide_password=False))
    app = create_app(
        {
            "TESTING": True,
            "DATABASE_URL": url,
            "SECRET_KEY": "t",
            "INSTANCE_PATH": str(tmp_path / "i2"),
            "PORTAL_CATALOGUE": str(custom),
        }
    )
    client = app.test_client()
    name, value, path = session_cookie(app, Brand.PV, account.id)
    client.set_cookie(name, value, path=path)
    assert 'data-testid="contract-111000171365"' in client.get("/pv/fr/").get_data(as_text=True)
    app.extensions["db_engine"].dispose()
