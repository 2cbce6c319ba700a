"""A world under its URL prefix /w/<id>/ (issue 14): every redirect, form, PDF link,
cookie path and stub (itsme, eID) of the portals stays inside the world, so a browser
test simply starts at the world's URL."""

from __future__ import annotations

import re
from urllib.parse import parse_qs, urlsplit

from tests.conftest import csrf_token
from tests.worlds_support import (
    eid_login,
    persona_number,
)


def html(response) -> str:
    return response.get_data(as_text=True)


def test_a_page_that_needs_a_login_redirects_to_the_landing_page_of_the_world(client, worlds):
    prefix = f"/w/{worlds()['id']}"
    response = client.get(f"{prefix}/vivium/fr/documents")
    assert response.status_code == 302
    assert response.location.startswith(f"{prefix}/vivium/fr/?next=")


def test_forms_links_and_static_files_of_a_world_carry_its_prefix(client, worlds):
    prefix = f"/w/{worlds()['id']}"
    itsme = html(client.get(f"{prefix}/vivium/fr/itsme"))
    actions = re.findall(r'<form[^>]* action="([^"]+)"', itsme)
    assert actions and all(a.startswith(f"{prefix}/") for a in actions), actions
    page = html(client.get(f"{prefix}/vivium/fr/login/password"))
    links = re.findall(r'(?:href|src)="(/[^"]*)"', page)
    assert links and all(link.startswith(f"{prefix}/") for link in links), links


def test_a_login_in_a_world_sets_its_cookie_on_the_world_path_and_lands_in_the_world(
    client, worlds
):
    prefix = f"/w/{worlds()['id']}"
    eid_login(client, prefix, persona_number(client, prefix, "marc"))
    cookie = client.get_cookie("myvivium_session", path=f"{prefix}/vivium")
    assert cookie is not None and cookie.path == f"{prefix}/vivium"
    assert client.get_cookie("myvivium_session", path="/vivium") is None
    assert 'data-testid="welcome"' in html(client.get(f"{prefix}/vivium/fr/"))


def test_the_page_asked_for_before_the_login_opens_in_the_world_after_it(client, worlds):
    prefix = f"/w/{worlds()['id']}"
    landing = client.get(f"{prefix}/pv/nl/documents")
    client.get(landing.location)  # the landing page keeps the `next` target
    number = persona_number(client, prefix, "louise")
    page = client.get(f"{prefix}/pv/nl/login/eid/pin?card={number}")
    data = {"csrf_token": csrf_token(html(page)), "card": number, "pin": "1234"}
    done = client.post(f"{prefix}/pv/nl/login/eid/pin", data=data)
    if done.location.endswith("/register/identity"):
        page = client.get(done.location)
        form = {"csrf_token": csrf_token(html(page)), "email": "l@example.be", "consent": "y"}
        done = client.post(done.location, data=form)
    assert done.location == f"{prefix}/pv/nl/documents"


def test_the_pdf_links_of_a_world_download_its_documents(client, worlds):
    prefix = f"/w/{worlds()['id']}"
    eid_login(client, prefix, persona_number(client, prefix, "louise"), base="/pv/nl")
    page = html(client.get(f"{prefix}/pv/nl/documents"))
    links = re.findall(r'href="([^"]+\.pdf)"', page)
    assert links and all(link.startswith(f"{prefix}/pv/nl/documents/") for link in links)
    pdf = client.get(links[0])
    assert pdf.status_code == 200 and pdf.data.startswith(b"%PDF")


def test_the_itsme_stub_of_a_world_runs_the_whole_flow_under_its_prefix(client, worlds):
    prefix = f"/w/{worlds()['id']}"
    discovery = client.get(f"{prefix}/stub/itsme/.well-known/openid-configuration").get_json()
    assert discovery["issuer"] == f"http://localhost{prefix}/stub/itsme"
    assert discovery["authorization_endpoint"].startswith(f"http://localhost{prefix}/stub/")
    page = client.get(f"{prefix}/vivium/fr/itsme")
    data = {"csrf_token": csrf_token(html(page))}
    started = client.post(f"{prefix}/vivium/fr/itsme/start", data=data)
    assert started.status_code == 302
    assert urlsplit(started.location).path == f"{prefix}/stub/itsme/authorize"
    redirect_uri = parse_qs(urlsplit(started.location).query)["redirect_uri"][0]
    assert redirect_uri == f"http://localhost{prefix}/vivium/fr/itsme/callback"
    phone = client.get(started.location)
    assert phone.status_code == 302 and phone.location.startswith(f"{prefix}/stub/itsme/phone/")
    screen = client.get(phone.location)
    number = persona_number(client, prefix, "marc")
    form = {"csrf_token": csrf_token(html(screen)), "action": "confirm", "national_number": number}
    back = client.post(phone.location, data=form)
    assert back.status_code == 302 and back.location.startswith(redirect_uri)
    arrived = client.get(back.location)
    assert arrived.status_code == 302
    assert arrived.location == f"{prefix}/vivium/fr/register/identity"


def test_the_eid_reader_of_a_world_lists_the_cards_of_that_world(client, worlds):
    demo, empty = worlds(), worlds(dataset="empty")
    number = persona_number(client, f"/w/{demo['id']}", "marc")
    reader = html(client.get(f"/w/{demo['id']}/vivium/fr/login/eid"))
    assert number in reader and f'action="/w/{demo["id"]}/' in reader
    assert number not in html(client.get(f"/w/{empty['id']}/vivium/fr/login/eid"))
