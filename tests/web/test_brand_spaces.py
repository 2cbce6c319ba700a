"""Two separate portals with their own session cookies (BR-1), help per brand (BR-2,
HP-1, HP-2) and the home-screen manifest (BR-3)."""

from __future__ import annotations

from pathlib import Path

import pytest

from models import Brand
from portal.app import ROOT


def test_br1_a_session_in_one_brand_is_anonymous_in_the_other(
    client, personas, person_named, login
):
    sofie = person_named("Sofie")
    login(sofie, Brand.PV)
    assert 'data-testid="welcome"' in client.get("/pv/nl/").get_data(as_text=True)
    vivium = client.get("/vivium/nl/").get_data(as_text=True)
    assert 'data-testid="landing-title"' in vivium
    assert client.get("/vivium/nl/documents").status_code == 302


def test_br1_an_account_of_one_brand_is_refused_in_the_other_even_with_its_id(
    app, client, personas, person_named, login
):
    """A P&V account id written into the Vivium cookie does not log anybody in."""
    from tests.conftest import session_cookie

    account = login(person_named("Louise"), Brand.PV)
    name, value, path = session_cookie(app, Brand.VIVIUM, account.id)
    client.set_cookie(name, value, path=path)
    assert 'data-testid="landing-title"' in client.get("/vivium/nl/").get_data(as_text=True)


def test_br1_each_brand_sets_its_own_cookie_name_and_path(client):
    client.get("/pv/nl/")
    with client.session_transaction("/pv/nl/") as session:
        session["probe"] = 1
    cookie = client.get_cookie("mypv_session", path="/pv")
    assert cookie is not None and cookie.path == "/pv" and cookie.http_only
    assert client.get_cookie("myvivium_session", path="/vivium") is None


@pytest.mark.parametrize(
    ("brand", "lang", "email", "phone", "hours"),
    [
        (
            "vivium",
            "fr",
            "myvivium@vivium.be",
            "02 406 87 08",
            "du lundi au jeudi de 8 h 30 à 17 h, le vendredi de 8 h 30 à 16 h",
        ),
        (
            "pv",
            "nl",
            "mypv@pv.be",
            "02 250 87 09",
            "maandag tot donderdag van 8.30 tot 17 uur, vrijdag van 8.30 tot 16 uur",
        ),
    ],
)
def test_br2_hp1_help_page_gives_the_brands_contact_centre(
    client, brand, lang, email, phone, hours
):
    html = client.get(f"/{brand}/{lang}/help").get_data(as_text=True)
    contact = html.split('data-testid="contact-centre"')[1].split("</section>")[0]
    assert email in contact and phone in contact and hours in contact
    assert 'data-testid="faq-three-ways"' in html
    assert 'data-testid="faq-who-to-contact"' in html


def test_hp1_faq_differs_where_the_brands_differ(client):
    pv = client.get("/pv/nl/help").get_data(as_text=True)
    vivium = client.get("/vivium/nl/help").get_data(as_text=True)
    assert (
        'data-testid="faq-agent-informed"' in pv and 'data-testid="faq-broker-informed"' not in pv
    )
    assert 'data-testid="faq-broker-informed"' in vivium and "makelaar" in vivium
    assert "{portal}" not in pv and "{intermediary}" not in vivium


def test_hp2_future_self_service_is_shown_as_not_available_yet(client):
    html = client.get("/vivium/fr/help").get_data(as_text=True)
    soon = html.split('data-testid="coming-soon"')[1].split("</section>")[0]
    for testid in ("soon-claim", "soon-medical", "soon-payment"):  # V 1.6
        assert f'data-testid="{testid}"' in soon
    assert soon.count("pas encore disponible") == 3
    assert "<form" not in soon and "<button" not in soon


@pytest.mark.parametrize(
    ("brand", "name", "colour"), [("vivium", "MyVivium", "#00594f"), ("pv", "MyP&V", "#c8102e")]
)
def test_br3_each_portal_has_a_web_app_manifest_with_its_icons(client, brand, name, colour):
    page = client.get(f"/{brand}/fr/").get_data(as_text=True)
    assert f'rel="manifest" href="/{brand}/manifest.webmanifest?lang=fr"' in page
    assert 'name="viewport" content="width=device-width, initial-scale=1"' in page
    response = client.get(f"/{brand}/manifest.webmanifest?lang=fr")
    assert response.mimetype == "application/manifest+json"
    body = response.get_json()
    assert body["name"] == name and body["display"] == "standalone"
    assert body["theme_color"] == colour and body["start_url"] == f"/{brand}/fr/"
    for icon in body["icons"]:
        path = Path(ROOT / "portal" / icon["src"].lstrip("/"))
        assert path.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
        served = client.get(icon["src"])
        assert served.status_code == 200
        served.close()
