"""A deep link survives the login (issue 10 item 5; RG-1, RG-2, RG-3, BR-1; ASVS V3.7.2):
`/pv/nl/documents` sends a visitor to the landing page with `?next=`, and every way in
(password + SMS, itsme, eID, first or later login) lands on that page; a `next` that
leaves the brand space, or the site, is ignored."""

from __future__ import annotations

import pytest
from flask import g
from sqlalchemy import select

from models import Brand, Channel, OutboxMessage
from portal.sim.control import deliver_all_letters
from portal.views.space import safe_next
from seed import build
from tests.conftest import csrf_token
from tests.web.test_itsme import itsme

TARGET = "/pv/nl/documents"


def newest_code(db, channel: Channel) -> str:
    """The newest code of a channel; letters once the post delivered them (RG-6)."""
    if channel == Channel.LETTER:
        deliver_all_letters(db)
        db.commit()
    db.expire_all()
    return (
        db.scalars(
            select(OutboxMessage)
            .where(OutboxMessage.channel == channel)
            .order_by(OutboxMessage.id.desc())
        )
        .first()
        .code
    )


def follow_deep_link(client, target: str = TARGET) -> None:
    response = client.get(target)
    assert response.status_code == 302
    assert response.location == f"/pv/nl/?next={target}"
    assert 'data-testid="landing-title"' in client.get(response.location).get_data(as_text=True)


@pytest.fixture
def louise_account(db, personas, person_named):
    """Louise already has a MyP&V account: an itsme or eID login goes straight in."""
    account = build.add_account(db, person_named("Louise"), Brand.PV)
    db.commit()
    return account


def enter_pin(client, submit, number: str):
    page = f"/pv/nl/login/eid/pin?card={number}"
    return submit(page, {"card": number, "pin": "1234"}, action="/pv/nl/login/eid/pin")


def test_password_and_sms_land_on_the_deep_link(client, submit, db, personas):
    """RG-2: register, log out, follow the link, then email + password + SMS code."""
    submit("/pv/nl/register", {"contract_number": "5436548", "birth_date": "1985-03-12"})
    data = {
        "contract_number": "5436548",
        "code": newest_code(db, Channel.LETTER),
        "email": "louise@example.be",
        "password": "correct horse battery",
        "mobile": "0470123456",
    }
    submit("/pv/nl/register/activate", data)
    submit("/pv/nl/register/confirm", {"code": newest_code(db, Channel.SMS)})
    home = client.get("/pv/nl/").get_data(as_text=True)
    client.post("/pv/nl/logout", data={"csrf_token": csrf_token(home)})

    follow_deep_link(client)
    submit("/pv/nl/login/password", {"email": "louise@example.be", "password": data["password"]})
    done = submit("/pv/nl/login/sms", {"code": newest_code(db, Channel.SMS)})
    assert done.status_code == 302 and done.location == TARGET
    assert client.get(TARGET).status_code == 200


def test_a_first_itsme_login_lands_on_the_deep_link(client, submit, personas):
    """RG-1, RG-3: the link is kept through the stub and the account creation."""
    follow_deep_link(client)
    arrived = client.get(
        itsme(client, submit, "pv", "nl", number=personas["louise"].national_number)
    )
    assert arrived.location == "/pv/nl/register/identity"
    done = submit(arrived.location, {"email": "louise@example.be", "consent": "y"})
    assert done.status_code == 302 and done.location == TARGET


def test_a_later_itsme_login_lands_on_the_deep_link(client, submit, louise_account, personas):
    follow_deep_link(client, "/pv/nl/contracts/missing")
    arrived = client.get(
        itsme(client, submit, "pv", "nl", number=personas["louise"].national_number)
    )
    assert arrived.status_code == 302 and arrived.location == "/pv/nl/contracts/missing"


def test_an_eid_login_lands_on_the_deep_link(client, submit, louise_account, personas):
    follow_deep_link(client)
    done = enter_pin(client, submit, personas["louise"].national_number)
    assert done.status_code == 302 and done.location == TARGET


def test_a_first_eid_login_lands_on_the_deep_link(client, submit, personas):
    follow_deep_link(client)
    assert enter_pin(client, submit, personas["louise"].national_number).location.endswith(
        "/pv/nl/register/identity"
    )
    done = submit("/pv/nl/register/identity", {"email": "louise@example.be", "consent": "y"})
    assert done.status_code == 302 and done.location == TARGET


def test_a_deep_link_in_the_other_language_of_the_brand_is_kept(
    client, submit, louise_account, personas
):
    client.get("/pv/nl/?next=/pv/fr/help")
    done = enter_pin(client, submit, personas["louise"].national_number)
    assert done.location == "/pv/fr/help"


BAD_TARGETS = [
    "//evil.example/pv/nl/",
    "https://evil.example/pv/nl/",
    "http:/evil.example",
    "/\\evil.example",
    "/pv/nl/\\..\\..\\evil",
    "/pv/nl/\x00",
    "/pv/nl/\r\nSet-Cookie: x=1",
    "/pv/nl/\t/evil",
    "/vivium/fr/documents",
    "/sim/api/outbox",
    "/pv/../sim/",
    "/pv/nl/%2e%2e/%2e%2e/sim/",
    "/pv//evil.example",
    "javascript:alert(1)",
    "pv/nl/documents",
    "/pv/nl/" + "a" * 600,
]


@pytest.mark.parametrize("target", BAD_TARGETS)
def test_an_open_redirect_attempt_lands_on_the_home_page(
    client, submit, louise_account, personas, target
):
    assert client.get("/pv/nl/", query_string={"next": target}).status_code == 200
    done = enter_pin(client, submit, personas["louise"].national_number)
    assert done.status_code == 302 and done.location == "/pv/nl/"


@pytest.mark.parametrize("target", BAD_TARGETS)
def test_safe_next_refuses_what_leaves_the_brand_space(app, target):
    with app.test_request_context("/pv/nl/"):
        g.brand = Brand.PV
        assert safe_next(target) is None


@pytest.mark.parametrize("target", ["/pv/nl/documents", "/pv/fr/contracts/5436548", "/pv/nl/"])
def test_safe_next_keeps_paths_of_the_brand_space(app, target):
    with app.test_request_context("/pv/nl/"):
        g.brand = Brand.PV
        assert safe_next(target) == target


def test_a_logged_in_customer_with_a_next_is_not_redirected(client, personas, person_named, login):
    login(person_named("Louise"), Brand.PV)
    response = client.get("/pv/nl/?next=//evil.example/")
    assert response.status_code == 200
    assert 'data-testid="welcome"' in response.get_data(as_text=True)
