"""Brands are data (BR-1): a third, fictitious brand registered here, in the test only,
gets a portal of its own (landing page, home page, session cookie) without a line of
code knowing it."""

from __future__ import annotations

from dataclasses import replace

import pytest

from models import Brand
from models.brands import (
    PROFILES,
    IntermediaryTool,
    Network,
    System,
    Text,
    brand_of,
    profile_of_itsme_client,
    second_brands,
)
from seed.intermediaries import generated

SEGMENT = "zenith"


def _add_member(value: str) -> Brand:
    """A member of the Brand enumeration made at run time: what one more line in
    models/enums.py would give a real brand."""
    member = str.__new__(Brand, value)
    member._name_, member._value_ = value.upper(), value
    Brand._member_map_[member._name_] = member
    Brand._value2member_map_[value] = member
    Brand._member_names_.append(member._name_)
    return member


def _remove_member(member: Brand) -> None:
    Brand._member_names_.remove(member._name_)
    del Brand._member_map_[member._name_]
    del Brand._value2member_map_[member._value_]


@pytest.fixture
def zenith(monkeypatch):
    """The brand and its profile, registered before the application starts."""
    member = _add_member(SEGMENT)
    monkeypatch.setitem(
        PROFILES,
        SEGMENT,
        replace(
            PROFILES[Brand.VIVIUM],
            brand=member,
            portal_name="MyZenith",
            company="Zenith",
            real_url="https://my.zenith.example/",
            languages=("fr", "nl"),
            support_email="my@zenith.example",
            tool=IntermediaryTool(
                "Z-Desk", "broker", False, None, "zdesk", "zdesk_session", life_part=None
            ),
            cookie_name="myzenith_session",
            itsme_client="myzenith",
            contract_prefix="9",
            network=Network(
                "9",
                Text(fr="Bureau Zénith {name}", nl="Zenithkantoor {name}"),
                "broker.zenith.example",
            ),
            systems=frozenset(),
        ),
    )
    yield member
    _remove_member(member)


@pytest.fixture
def app(zenith, app):
    """The conftest application, started once the third brand has its profile."""
    return app


def test_br1_a_third_brand_has_its_landing_page_in_its_default_language(client, zenith):
    response = client.get(f"/{SEGMENT}/", headers={"Accept-Language": "de"})
    assert response.status_code == 302 and response.location.endswith(f"/{SEGMENT}/fr/")
    page = client.get(f"/{SEGMENT}/fr/").get_data(as_text=True)
    assert 'data-testid="landing-title"' in page
    assert "MyZenith" in page and "my@zenith.example" in page


def test_br1_a_third_brand_has_its_home_page_for_its_own_customer(
    client, db, zenith, personas, person_named, login
):
    login(person_named("Sofie"), zenith)
    home = client.get(f"/{SEGMENT}/nl/").get_data(as_text=True)
    assert 'data-testid="welcome"' in home and "MyZenith" in home
    assert 'data-testid="landing-title"' in client.get("/pv/nl/").get_data(as_text=True)


def test_br1_a_third_brand_has_a_session_cookie_of_its_own(client, zenith):
    client.get(f"/{SEGMENT}/fr/")
    with client.session_transaction(f"/{SEGMENT}/fr/") as session:
        session["probe"] = 1
    cookie = client.get_cookie("myzenith_session", path=f"/{SEGMENT}")
    assert cookie is not None and cookie.path == f"/{SEGMENT}" and cookie.http_only
    assert client.get_cookie("myvivium_session", path="/vivium") is None
    assert client.get_cookie("mypv_session", path="/pv") is None


def test_br1_a_segment_without_a_profile_is_no_brand_space(client, zenith):
    assert client.get("/nowhere/fr/").status_code == 404
    assert client.get("/nowhere/").status_code == 404


def test_the_third_brands_itsme_client_is_read_from_its_profile(zenith):
    assert profile_of_itsme_client("myzenith").brand is zenith
    assert profile_of_itsme_client("myvivium").brand is Brand.VIVIUM
    assert profile_of_itsme_client("nobody") is None


def test_the_third_brands_intermediaries_are_made_from_its_network(zenith):
    broker = generated(zenith, 0)
    assert broker.producer_number == "9001000" and broker.brand is zenith
    assert broker.email.endswith("@broker.zenith.example")
    assert broker.office.startswith(("Bureau Zénith ", "Zenithkantoor "))


def test_a_third_brand_without_systems_leaves_their_owners_as_they_are(zenith):
    assert {brand_of(system) for system in System} == {Brand.VIVIUM}
    assert second_brands() == {"vivium": "pv", "pv": SEGMENT, SEGMENT: "vivium"}
