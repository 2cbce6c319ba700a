"""Connect 360 (P&V agents) and V-Connect (Vivium brokers) as the intermediary uses them:
sign-in, his own portfolio only, a customer's account and policies, requests to support
(BK-1, BK-2, BK-3, PD-2, DC-2, DC-3, RG-5)."""

from __future__ import annotations

import re
from datetime import datetime, timedelta

import pytest
from sqlalchemy import select

from models import Brand, ContactChange, Intermediary, SupportRequest
from portal.backoffice import desk
from portal.rules.contacts import intermediary_sees_from
from tests.conftest import csrf_token

ANNELIES, BENOIT, CLAIRE, PIETER = "4000101", "4000102", "8000201", "8000202"
TOOL = {Brand.PV: "connect360", Brand.VIVIUM: "vconnect"}


@pytest.fixture
def sign_in(client, personas, db):
    """sign_in(producer_number) -> the intermediary; through the single sign-on picker."""

    def _sign_in(number: str) -> Intermediary:
        me = db.scalars(select(Intermediary).where(Intermediary.producer_number == number)).one()
        base = f"/{TOOL[me.brand]}/{me.language.value}"
        page = client.get(f"{base}/signin").get_data(as_text=True)
        response = client.post(
            f"{base}/signin/pick",
            data={"csrf_token": csrf_token(page), "intermediary_id": me.id},
        )
        assert response.status_code == 302, response.status_code
        return me

    return _sign_in


def text(response) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", response.get_data(as_text=True)))


def test_a_tool_without_sign_in_leads_to_its_sign_in_page(client, personas):
    response = client.get("/connect360/nl/")
    assert response.status_code == 302 and "/connect360/nl/signin" in response.location
    assert client.get("/vconnect/").location.endswith("/vconnect/fr/")


def test_a_seeded_agent_signs_in_with_producer_number_and_password(client, personas, submit):
    response = submit(
        "/connect360/nl/signin", {"producer_number": ANNELIES, "password": "demo-intermediary"}
    )
    assert response.status_code == 302 and response.location.endswith("/connect360/nl/")
    assert "Annelies Wouters" in text(client.get("/connect360/nl/"))


def test_a_wrong_password_is_refused_in_the_page_language(client, personas, submit):
    response = submit("/vconnect/fr/signin", {"producer_number": CLAIRE, "password": "nope"})
    assert response.status_code == 401
    assert "ne correspondent pas" in text(response)


def test_an_agent_cannot_sign_in_to_the_brokers_tool(client, personas, submit):
    response = submit(
        "/vconnect/nl/signin", {"producer_number": ANNELIES, "password": "demo-intermediary"}
    )
    assert response.status_code == 401


def test_the_picker_is_closed_to_visitors_when_sim_stubs_says_token(app, client, personas):
    app.config["SIM_STUBS"] = "token"
    page = client.get("/connect360/fr/signin")
    assert 'data-testid="sso-picker"' not in page.get_data(as_text=True)
    response = client.post(
        "/connect360/fr/signin/pick",
        data={"csrf_token": csrf_token(page.get_data(as_text=True)), "intermediary_id": "1"},
    )
    assert response.status_code == 403 and "réservée aux testeurs" in text(response)


def test_each_tool_has_its_own_session_cookie(client, sign_in):
    sign_in(ANNELIES)
    assert client.get_cookie("connect360_session", path="/connect360") is not None
    assert client.get("/vconnect/fr/").status_code == 302  # not signed in there
    assert client.get("/pv/nl/").status_code == 200  # the customer portal stays anonymous


def test_bk3_the_portfolio_lists_the_agents_own_customers_only(client, sign_in, person_named):
    sign_in(ANNELIES)
    page = client.get("/connect360/nl/").get_data(as_text=True)
    hits = set(re.findall(r'data-testid="hit-(\d+)"', page))
    assert str(person_named("Louise").id) in hits
    assert str(person_named("Jean-Pierre").id) not in hits  # Benoît Lejeune's customer


@pytest.mark.parametrize("query", ["Peeters", "louise peet", "3654654", "2-bhm-548", "2BHM548"])
def test_the_search_finds_a_customer_by_name_number_or_plate(client, sign_in, person_named, query):
    sign_in(ANNELIES)
    page = client.get("/connect360/nl/", query_string={"q": query}).get_data(as_text=True)
    assert f'data-testid="hit-{person_named("Louise").id}"' in page


def test_the_search_finds_by_national_number(client, sign_in, person_named):
    sign_in(ANNELIES)
    louise = person_named("Louise")
    page = client.get("/connect360/nl/", query_string={"q": louise.national_number})
    assert f'data-testid="hit-{louise.id}"' in page.get_data(as_text=True)


def test_bk2_another_agents_customer_is_not_found_even_by_search(client, sign_in, person_named):
    sign_in(ANNELIES)
    jp = person_named("Jean-Pierre")
    page = client.get("/connect360/nl/", query_string={"q": "Lambert"})
    assert 'data-testid="no-hits"' in page.get_data(as_text=True)
    response = client.get(f"/connect360/nl/customers/{jp.id}")
    assert response.status_code == 404 and "Niet in uw portefeuille" in text(response)


def test_bk2_another_agents_policy_answers_404(client, sign_in):
    sign_in(BENOIT)
    assert client.get("/connect360/fr/policies/3654654").status_code == 404  # Louise's car
    assert client.get("/connect360/fr/policies/nope").status_code == 404
    assert client.get("/connect360/fr/customers/99999").status_code == 404


def test_a_customer_of_the_other_brand_is_not_in_the_agents_tool(client, sign_in, person_named):
    sign_in(ANNELIES)
    marc = person_named("Marc")  # Vivium only
    assert client.get(f"/connect360/nl/customers/{marc.id}").status_code == 404


def test_bk1_connect_360_shows_counts_badges_and_the_qr_code(client, sign_in, person_named, login):
    louise = person_named("Louise")
    login(louise, Brand.PV, now=datetime(2026, 3, 4, 10, 30))
    sign_in(ANNELIES)
    response = client.get(f"/connect360/nl/customers/{louise.id}")
    page = response.get_data(as_text=True)
    assert 'data-testid="onboarding-pv" data-registered="yes"' in page
    assert 'data-testid="onboarding-vivium" data-registered="no"' in page
    assert "04/03/2026" in page and "<svg" in page
    assert 'data-testid="qr-code" data-url="https://my.pv.be/"' in page
    words = text(response)
    assert "Actieve polissen leven 2" in words and "Actieve polissen niet-leven 2" in words
    assert "Nederlands" in words and "Vrouwelijk" in words and "12/03/1985" in words
    assert "private" not in words and "premium_proof" not in words and "Segment" not in words


def test_bk1_v_connect_has_no_onboarding_flag_and_a_life_connect_part(
    client, sign_in, person_named, login
):
    marc = person_named("Marc")
    login(marc, Brand.VIVIUM)
    sign_in(CLAIRE)
    page = client.get(f"/vconnect/fr/customers/{marc.id}").get_data(as_text=True)
    assert 'data-testid="onboarding-' not in page and "<svg" not in page
    assert 'data-testid="life-connect"' in page and "Life Connect" in page
    life = re.search(r'href="(/vconnect/fr/life-connect/policies/\w+)"', page)
    assert life, "a life contract links into Life Connect"
    policy = client.get(life.group(1))
    assert policy.status_code == 200 and 'data-testid="composition"' in policy.get_data(
        as_text=True
    )


def test_bk2_the_policy_page_shows_what_the_customer_sees_in_belgian_formats(client, sign_in):
    sign_in(ANNELIES)
    response = client.get("/connect360/fr/policies/3654654")
    words = text(response)
    assert response.status_code == 200
    assert "504,92" in words and "€" in words and "2BHM548" in words and "135" in words
    assert "14/02/2027" in words or "/02/20" in words
    page = response.get_data(as_text=True)
    assert 'data-testid="guarantee-civil_liability"' in page and 'data-covered="yes"' in page
    assert 'data-testid="in-portal"' in page


def test_bk2_a_life_policy_shows_composition_savings_and_beneficiaries(client, sign_in):
    sign_in(ANNELIES)
    page = client.get("/connect360/nl/policies/8890079").get_data(as_text=True)
    for part in ("composition", "savings", "beneficiaries"):
        assert f'data-testid="{part}"' in page
    assert "9.114,36" in page or "9114,36" in page


def test_bk2_a_contract_the_customer_does_not_see_shows_the_reason_he_reads(
    client, sign_in, person_named
):
    sign_in(BENOIT)
    jp = person_named("Jean-Pierre")
    page = client.get(f"/connect360/fr/customers/{jp.id}").get_data(as_text=True)
    hidden = re.findall(r'data-testid="hidden-(\w+)"', page)
    assert hidden, "Jean-Pierre's hunting liability is not in MyP&V"
    policy = client.get(f"/connect360/fr/policies/{hidden[0]}")
    assert 'data-testid="not-in-portal"' in policy.get_data(as_text=True)
    assert "MyP&amp;V" in policy.get_data(as_text=True)


def test_pd2_connect_360_shows_a_contact_change_from_the_next_day(
    client, sign_in, person_named, db, freeze
):
    louise = person_named("Louise")
    monday = datetime(2026, 11, 23, 9, 0)
    freeze(monday)
    db.add(ContactChange(brand=Brand.PV, person_id=louise.id, email="nieuw@example.be",
                         changed_at=monday,
                         intermediary_sees_from=intermediary_sees_from(Brand.PV, monday)))  # fmt: skip
    db.commit()
    sign_in(ANNELIES)
    url = f"/connect360/nl/customers/{louise.id}"
    assert "nieuw@example.be" not in client.get(url).get_data(as_text=True)
    freeze(monday + timedelta(days=1))
    assert "nieuw@example.be" in client.get(url).get_data(as_text=True)


def test_pd2_v_connect_never_shows_a_contact_change(client, sign_in, person_named, db, freeze):
    marc = person_named("Marc")
    monday = datetime(2026, 11, 23, 9, 0)
    db.add(ContactChange(brand=Brand.VIVIUM, person_id=marc.id, email="neuf@example.be",
                         changed_at=monday,
                         intermediary_sees_from=intermediary_sees_from(Brand.VIVIUM, monday)))  # fmt: skip
    db.commit()
    freeze(monday + timedelta(days=30))
    sign_in(CLAIRE)
    page = client.get(f"/vconnect/fr/customers/{marc.id}").get_data(as_text=True)
    assert "neuf@example.be" not in page and "n'arrivent pas dans cet outil" in page


def test_the_language_switch_keeps_the_page(client, sign_in, person_named):
    sign_in(ANNELIES)
    louise = person_named("Louise")
    page = client.get(f"/connect360/nl/customers/{louise.id}").get_data(as_text=True)
    assert f'href="/connect360/fr/customers/{louise.id}"' in page
    assert "Polices vie en cours" in client.get(f"/connect360/fr/customers/{louise.id}").get_data(
        as_text=True
    )


def test_the_faq_is_in_the_tool_in_both_languages(client, personas):
    fr = text(client.get("/vconnect/fr/faq"))
    nl = text(client.get("/vconnect/nl/faq"))
    assert "myvivium@vivium.be" in fr and "02 406 87 08" in fr
    assert "makelaar" in nl and "V-Connect" in nl and "maandag tot donderdag" in nl


def test_bad_urls_in_the_tools_are_clear_pages_not_errors(client, sign_in):
    sign_in(ANNELIES)
    for url in ("/connect360/de/", "/connect360/nl/customers/abc", "/connect360/nl/policies/%00"):
        assert client.get(url).status_code == 404
    assert client.get("/connect360/nl/", query_string={"q": "\x00" * 200}).status_code == 200
    assert client.get("/connect360/nl/life-connect/policies/3654654").status_code == 404


def requests_of(db, person) -> list[SupportRequest]:
    db.expire_all()
    return list(db.scalars(select(SupportRequest).where(SupportRequest.person_id == person.id)))


def post_form(client, url: str, testid: str, data: dict, **kwargs):
    """Post the form `testid` of the page at `url` with the page's CSRF token."""
    page = client.get(url).get_data(as_text=True)
    action = re.search(rf'<form[^>]*action="([^"]+)"[^>]*data-testid="{testid}"', page).group(1)
    return client.post(action, data={"csrf_token": csrf_token(page), **data}, **kwargs)


def test_dc3_the_paper_form_says_the_exception_is_discouraged(
    client, sign_in, person_named, login, db
):
    louise = person_named("Louise")
    login(louise, Brand.PV)
    sign_in(ANNELIES)
    url = f"/connect360/fr/customers/{louise.id}"
    assert "ne la demandez que si le client insiste" in client.get(url).get_data(as_text=True)
    response = post_form(client, url, "form-paper-exception", {"message": "Pas d'ordinateur"})
    assert response.status_code == 302
    [req] = requests_of(db, louise)
    assert req.kind == "paper_exception" and req.email == "annelies.wouters@agent.pv.example.be"
    assert req.requested_by == "broker" and "Annelies Wouters" in req.message


def test_dc3_a_customer_without_an_account_needs_no_exception(client, sign_in, person_named, db):
    louise = person_named("Louise")
    sign_in(ANNELIES)
    url = f"/connect360/nl/customers/{louise.id}"
    response = post_form(client, url, "form-paper-exception", {"message": "Papier"})
    assert response.status_code == 422 and "krijgt de klant zijn documenten al per post" in text(
        response
    )
    assert requests_of(db, louise) == []


def test_dc2_a_missing_document_is_asked_and_supports_answer_reaches_the_broker(
    client, sign_in, person_named, db
):
    marc = person_named("Marc")
    me = sign_in(CLAIRE)
    url = f"/vconnect/fr/customers/{marc.id}"
    page = client.get(url).get_data(as_text=True)
    number = re.search(r'<option value="(\w+)"', page).group(1)
    response = post_form(client, url, "form-missing-document", {
        "contract_number": number, "document_kind": "tax_certificate", "year": "2025",
        "email": "marc@example.be"})  # fmt: skip
    assert response.status_code == 302
    [req] = requests_of(db, marc)
    assert req.kind == "missing_document" and req.email == me.email
    assert "marc@example.be" in req.message
    message = desk.answer(db, req, "Envoyé au client.", datetime(2026, 11, 24, 10, 0))
    assert message.recipient == me.email


def test_rg5_a_registration_problem_goes_to_support_with_the_screenshot(
    client, sign_in, person_named, db
):
    from io import BytesIO

    sofie = person_named("Sofie")
    sign_in(PIETER)
    url = f"/vconnect/nl/customers/{sofie.id}"
    png = b"\x89PNG\r\n\x1a\n" + b"0" * 50
    response = post_form(client, url, "form-support-report", {
        "email": "sofie@example.be", "message": "Foutmelding bij itsme",
        "screenshot": (BytesIO(png), "fout.png")}, content_type="multipart/form-data")  # fmt: skip
    assert response.status_code == 302
    [req] = requests_of(db, sofie)
    assert req.kind == "registration_problem" and req.brand == Brand.VIVIUM
    assert req.screenshot_type == "image/png" and "sofie@example.be" in req.message
    assert req.email == "pieter.claes@makelaar.example.be"


def test_rg5_a_bad_email_or_a_fake_image_is_refused_with_a_message(
    client, sign_in, person_named, db
):
    from io import BytesIO

    sofie = person_named("Sofie")
    sign_in(PIETER)
    url = f"/vconnect/nl/customers/{sofie.id}"
    bad = post_form(client, url, "form-support-report", {"email": "sofie @example"})
    assert bad.status_code == 422
    fake = post_form(client, url, "form-support-report", {
        "email": "sofie@example.be", "screenshot": (BytesIO(b"GIF89a"), "x.png")},
        content_type="multipart/form-data")  # fmt: skip
    assert fake.status_code == 422 and "PNG- of JPEG-afbeelding" in text(fake)
    assert requests_of(db, sofie) == []


def test_a_request_for_another_brokers_customer_answers_404(client, sign_in, person_named):
    luc = person_named("Luc")
    sign_in(CLAIRE)
    page = client.get("/vconnect/fr/faq").get_data(as_text=True)
    response = client.post(
        f"/vconnect/fr/customers/{luc.id}/requests/paper-exception",
        data={"csrf_token": csrf_token(page), "message": "x"},
    )
    assert response.status_code == 404


def test_the_console_links_a_persona_to_his_intermediarys_view(client, personas, person_named):
    page = client.get("/sim/personas").get_data(as_text=True)
    louise = person_named("Louise")
    assert 'data-testid="intermediary-louise-pv"' in page
    response = client.get(f"/sim/intermediaries/open/pv/{louise.id}")
    assert response.status_code == 302 and "/connect360/nl/signin?as=" in response.location
    signin = client.get(response.location).get_data(as_text=True)
    first = re.search(r'data-testid="pick-(\d+)"', signin).group(1)
    assert first == ANNELIES
    broker_view = client.get(f"/sim/broker/pv/{louise.id}").get_data(as_text=True)
    assert 'data-testid="open-in-tool"' in broker_view


def test_the_console_link_of_a_customer_without_intermediary_is_a_clear_404(client, personas):
    assert client.get("/sim/intermediaries/open/pv/99999").status_code == 404
    assert client.get("/sim/intermediaries/open/pv/abc").status_code == 404
