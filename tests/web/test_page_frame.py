"""Issue 12: the kept page frame, the CSRF token signed once a minute and the security
headers added in one pass change nothing a customer sees (BR-1, V3.5.1, V3.4)."""

from __future__ import annotations

import re

import itsdangerous
from flask import Flask, render_template_string

from models import Brand
from portal import security
from seed.build import add_contract, add_person
from tests.conftest import csrf_token, session_cookie


def _logged_in_client(app, db, first_name: str):
    from seed.build import add_account

    person = add_person(db, first_name=first_name)
    contract = add_contract(db, person, "hunting_liability", brand=Brand.PV)
    account = add_account(db, person, Brand.PV, email=f"{first_name.lower()}@example.be")
    db.commit()
    client = app.test_client()
    name, value, path = session_cookie(app, Brand.PV, account.id)
    client.set_cookie(name, value, path=path)
    return client, contract.number


def test_two_customers_each_see_their_own_name_and_token_in_the_kept_frame(app, db):
    anna, _ = _logged_in_client(app, db, "Anna")
    bert, _ = _logged_in_client(app, db, "Bert")
    pages = {
        who: c.get("/pv/nl/help").get_data(as_text=True)
        for who, c in (("Anna", anna), ("Bert", bert))
    }
    assert 'data-testid="user-name">Anna<' in pages["Anna"]
    assert 'data-testid="user-name">Bert<' in pages["Bert"]
    assert "Bert" not in pages["Anna"] and "Anna" not in pages["Bert"]
    assert csrf_token(pages["Anna"]) != csrf_token(pages["Bert"])


def test_the_language_switch_of_a_kept_frame_links_to_the_same_page(app, db):
    client, number = _logged_in_client(app, db, "Carla")
    for path in (f"/pv/nl/contracts/{number}", "/pv/nl/documents", f"/pv/nl/contracts/{number}"):
        html = client.get(path).get_data(as_text=True)
        assert f'href="{path.replace("/nl/", "/fr/")}" hreflang="fr"' in html


def test_the_kept_menu_marks_the_tab_of_each_page(app, db):
    client, _ = _logged_in_client(app, db, "Dirk")
    for path, tab in (
        ("/pv/fr/", "overview"),
        ("/pv/fr/documents", "documents"),
        ("/pv/fr/help", "help"),
        ("/pv/fr/", "overview"),
    ):
        html = client.get(path).get_data(as_text=True)
        current = re.findall(r'data-testid="tab-(\w+)" aria-current="page"', html)
        assert current == [tab], (path, current)


def test_a_visitor_gets_no_menu_from_a_customers_kept_frame(app, db, client):
    customer, _ = _logged_in_client(app, db, "Els")
    assert 'data-testid="tab-help"' in customer.get("/pv/nl/help").get_data(as_text=True)
    html = client.get("/pv/nl/help").get_data(as_text=True)
    assert 'data-testid="tab-help"' not in html and 'data-testid="logout"' not in html


def test_the_signed_csrf_token_is_reused_within_a_minute_and_still_logs_out(app, db, monkeypatch):
    """Every signature gets a later timestamp, as when the pages fall in different
    seconds: the session's first token is the one handed out again."""
    ticks = iter(range(1_800_000_000, 1_900_000_000))
    monkeypatch.setattr(itsdangerous.TimestampSigner, "get_timestamp", lambda _: next(ticks))
    client, _ = _logged_in_client(app, db, "Frank")
    first = csrf_token(client.get("/pv/nl/").get_data(as_text=True))
    assert csrf_token(client.get("/pv/nl/help").get_data(as_text=True)) == first
    answer = client.post("/pv/nl/logout", data={"csrf_token": first})
    assert answer.status_code == 302
    assert 'data-testid="logout"' not in client.get("/pv/nl/").get_data(as_text=True)


def test_the_signed_csrf_token_is_signed_again_after_its_reuse_time(app, db, monkeypatch):
    signed = []
    sign = security.generate_csrf
    monkeypatch.setattr(security, "generate_csrf", lambda: signed.append(1) or sign())
    client, _ = _logged_in_client(app, db, "Greta")
    client.get("/pv/nl/")  # the session's first token, signed once and kept
    signed.clear()
    client.get("/pv/nl/")
    client.get("/pv/nl/help")
    assert len(signed) == 0
    monkeypatch.setattr(security, "CSRF_REUSE_SECONDS", 0)
    token = csrf_token(client.get("/pv/nl/").get_data(as_text=True))
    assert len(signed) == 1
    assert client.post("/pv/nl/logout", data={"csrf_token": token}).status_code == 302


def test_a_page_whose_view_builds_forms_reuses_the_signed_token_and_its_forms_post(
    app, db, monkeypatch
):
    """The profile builds its three forms before the page asks for the token: their
    token is still the page's, signed once a minute (portal.forms.PageCSRF)."""
    ticks = iter(range(1_800_000_000, 1_900_000_000))
    monkeypatch.setattr(itsdangerous.TimestampSigner, "get_timestamp", lambda _: next(ticks))
    client, _ = _logged_in_client(app, db, "Hanne")
    first = csrf_token(client.get("/pv/nl/").get_data(as_text=True))
    signatures = []
    dumps = itsdangerous.URLSafeTimedSerializer.dumps
    monkeypatch.setattr(
        itsdangerous.URLSafeTimedSerializer,
        "dumps",
        lambda self, *a, **k: signatures.append(1) or dumps(self, *a, **k),
    )
    page = client.get("/pv/nl/profile").get_data(as_text=True)
    tokens = set(
        re.findall(
            r'name="(?:address|email|mobile)-csrf_token" type="hidden" value="([^"]+)"', page
        )
    )
    assert tokens == {first} and signatures == []
    answer = client.post(
        "/pv/nl/profile/address",
        data={
            "address-csrf_token": first,
            "address-street": "Veldstraat",
            "address-house_number": "12",
            "address-postcode": "9000",
            "address-city": "Gent",
        },
    )
    assert answer.status_code == 302
    assert "Veldstraat 12, 9000 Gent" in client.get("/pv/nl/profile").get_data(as_text=True)


def test_a_header_a_view_set_itself_stays_and_the_others_are_added_once():
    app = Flask(__name__)
    app.secret_key = "x"
    security.init_app(app)

    @app.get("/own")
    def own():
        return "ok", 200, {"X-Frame-Options": "SAMEORIGIN", "Cache-Control": "max-age=5"}

    headers = app.test_client().get("/own").headers
    assert headers.get_all("X-Frame-Options") == ["SAMEORIGIN"]
    assert headers.get_all("Cache-Control") == ["max-age=5"]
    assert headers.get_all("X-Content-Type-Options") == ["nosniff"]
    assert headers.get_all("Referrer-Policy") == ["same-origin"]
    assert len(headers.get_all("Content-Security-Policy")) == 1


def test_texts_in_templates_are_translated_escaped_and_formatted_as_before(app):
    with app.test_request_context("/pv/fr/help"):
        from flask import g

        g.lang = "fr"
        html = render_template_string(
            "{{ _('Contact & Help') }}|{{ _('Welcome, %(name)s', name='<b>') }}|"
            "{{ ngettext('%(num)d contract not shown', '%(num)d contracts not shown', 2) }}"
        )
    help_text, welcome, count = html.split("|")
    assert help_text == "Contact & aide"  # a translation is trusted text, as in Jinja
    assert welcome.endswith("&lt;b&gt;") and "<b>" not in welcome
    assert count.startswith("2 ")
