"""Authorization (OWASP ASVS 5.0 V8.2.1, V8.2.2, V8.3.1, V8.4.1, V7.2.1; BR-1, CT-3,
DC-1) and the simulator's console and API guard.

- Another customer's contract number or document id is a 404, like a number that does
  not exist (no IDOR, no hint that it exists).
- A brand space is a tenant: a session of one brand is anonymous in the other, even
  when the cookie is copied across (V8.4.1, BR-1).
- Pages of a customer need a login; the check is on the server (V8.3.1).
- The console and the control API refuse a client that is not on the loopback address
  and presents no console token; forwarded-for headers do not help. The address
  192.0.2.10 is a documentation address: the test client sends no traffic.
"""

from __future__ import annotations

import re

import pytest
from sqlalchemy import select

from models import Brand, Contract, Document, Person
from tests.conftest import session_cookie

REMOTE = {"REMOTE_ADDR": "192.0.2.10"}


def person_named(db, first_name: str) -> Person:
    return db.scalars(
        select(Person).where(Person.first_name == first_name).order_by(Person.id)
    ).first()


def documents_of(db, person: Person, brand: Brand) -> list[int]:
    return list(
        db.scalars(
            select(Document.id)
            .join(Contract, Contract.id == Document.contract_id)
            .where(Contract.holder_id == person.id, Contract.brand == brand)
        )
    )


@pytest.fixture
def louise_in(client, db, personas, login):
    """Louise logged into MyP&V."""
    return login(person_named(db, "Louise"), Brand.PV)


def test_v8_2_2_another_customer_s_contract_is_a_404_like_a_missing_one(client, db, louise_in):
    assert client.get("/pv/nl/contracts/5436548").status_code == 200  # her own
    others = db.scalars(
        select(Contract.number)
        .join(Person, Person.id == Contract.holder_id)
        .where(Person.first_name != "Louise")
    ).all()
    assert others
    for number in others:
        response = client.get(f"/pv/nl/contracts/{number}")
        assert response.status_code == 404, number
    missing = client.get("/pv/nl/contracts/0000000").get_data(as_text=True)
    assert re.sub(r"0000000", "", missing) == re.sub(
        others[0], "", client.get(f"/pv/nl/contracts/{others[0]}").get_data(as_text=True)
    )


def test_v8_2_2_only_her_own_documents_download_whatever_the_id(client, db, louise_in):
    louise = person_named(db, "Louise")
    own = set(documents_of(db, louise, Brand.PV))
    every = db.scalars(select(Document.id)).all()
    assert own and set(every) - own
    answered = {doc_id: client.get(f"/pv/nl/documents/{doc_id}.pdf") for doc_id in every}
    for response in answered.values():
        response.close()
    allowed = {doc_id for doc_id, r in answered.items() if r.status_code == 200}
    assert allowed and allowed <= own
    assert {r.status_code for d, r in answered.items() if d not in own} == {404}
    assert client.get("/pv/nl/documents/999999.pdf").status_code == 404


def test_v8_4_1_br1_her_own_contract_of_the_other_brand_is_a_404_here(client, db, personas, login):
    """Sofie has contracts in both brands: each portal shows only its own (BR-1)."""
    login(person_named(db, "Sofie"), Brand.PV)
    assert client.get("/pv/nl/contracts/2211004455").status_code == 200
    assert client.get("/pv/nl/contracts/4011009001").status_code == 404


def test_v8_4_1_br1_a_session_of_one_brand_is_anonymous_in_the_other(client, db, louise_in):
    assert 'data-testid="welcome"' in client.get("/pv/nl/").get_data(as_text=True)
    assert 'data-testid="landing-title"' in client.get("/vivium/nl/").get_data(as_text=True)
    response = client.get("/vivium/nl/documents")
    assert response.status_code == 302 and response.location.startswith("/vivium/nl/")


def test_v8_4_1_br1_a_cookie_copied_to_the_other_brand_logs_nobody_in(app, client, db, personas):
    """Sofie has an account in each brand; her MyP&V cookie, copied under the MyVivium
    name and path, is signed by the same key but names a MyP&V account and session."""
    from seed.build import add_account

    sofie = person_named(db, "Sofie")
    pv = add_account(db, sofie, Brand.PV, email="sofie@example.be")
    add_account(db, sofie, Brand.VIVIUM, email="sofie@example.be")
    db.commit()
    _name, value, _path = session_cookie(app, Brand.PV, pv.id)
    client.set_cookie("myvivium_session", value, path="/vivium")
    assert 'data-testid="landing-title"' in client.get("/vivium/nl/").get_data(as_text=True)


def test_v7_2_1_a_tampered_session_cookie_is_anonymous(app, client, db, louise_in):
    cookie = client.get_cookie("mypv_session", path="/pv").value
    forged = cookie[:-2] + ("AA" if not cookie.endswith("AA") else "BB")
    client.set_cookie("mypv_session", forged, path="/pv")
    assert 'data-testid="landing-title"' in client.get("/pv/nl/").get_data(as_text=True)


@pytest.mark.parametrize(
    ("method", "path"),
    [
        ("get", "/pv/nl/documents"),
        ("get", "/pv/nl/profile"),
        ("get", "/pv/nl/contracts/5436548"),
        ("get", "/pv/nl/contracts/missing"),
        ("post", "/pv/nl/profile/email"),
        ("post", "/pv/nl/profile/address"),
        ("post", "/pv/nl/profile/mobile"),
    ],
)
def test_v8_2_1_customer_pages_need_a_login(client, personas, method, path):
    response = getattr(client, method)(path)
    assert response.status_code in (302, 400)  # login first, or the CSRF check refuses
    if response.status_code == 302:
        assert response.location.startswith("/pv/nl/")


# --- the console and the control API -------------------------------------------------------------


@pytest.mark.parametrize("path", ["/sim/", "/sim/outbox", "/sim/personas", "/sim/support"])
def test_console_refuses_a_remote_client_without_the_token(client, path):
    response = client.get(path, environ_base=REMOTE)
    assert response.status_code == 403
    assert 'data-testid="sim-signin-form"' in response.get_data(as_text=True)


@pytest.mark.parametrize("path", ["/sim/api/clock", "/sim/api/outbox", "/sim/api/openapi.json"])
def test_api_refuses_a_remote_client_without_the_token(client, path):
    response = client.get(path, environ_base=REMOTE)
    assert response.status_code == 403 and response.get_json()["error"] == "forbidden"


def test_api_state_changes_from_a_remote_client_change_nothing(client, db, personas):
    before = client.get("/sim/api/personas").get_json()
    response = client.post("/sim/api/reset", json={"mode": "empty"}, environ_base=REMOTE)
    assert response.status_code == 403
    assert client.get("/sim/api/personas").get_json() == before


@pytest.mark.parametrize(
    "headers",
    [
        {"Authorization": "Bearer wrong-token"},
        {"X-Sim-Token": "wrong-token"},
        {"X-Forwarded-For": "127.0.0.1"},
        {"X-Real-IP": "127.0.0.1", "Forwarded": "for=127.0.0.1"},
        {"Authorization": "Basic dXNlcjpwYXNz"},
    ],
)
def test_a_wrong_token_or_a_forwarded_for_header_is_not_enough(client, headers):
    response = client.get("/sim/api/clock", headers=headers, environ_base=REMOTE)
    assert response.status_code == 403


def test_the_console_token_opens_the_api_and_the_console(app, client):
    token = app.config["SIM_TOKEN"]
    bearer = client.get(
        "/sim/api/clock", headers={"Authorization": f"Bearer {token}"}, environ_base=REMOTE
    )
    assert bearer.status_code == 200
    header = client.get("/sim/api/clock", headers={"X-Sim-Token": token}, environ_base=REMOTE)
    assert header.status_code == 200
    signed_in = client.get(f"/sim/?token={token}", environ_base=REMOTE)
    assert signed_in.status_code == 302 and signed_in.location == "/sim/"  # token dropped
    assert client.get("/sim/outbox", environ_base=REMOTE).status_code == 200  # kept


def test_the_portals_themselves_are_open_to_remote_visitors(client):
    assert client.get("/pv/nl/", environ_base=REMOTE).status_code == 200
    assert client.get("/", environ_base=REMOTE).status_code == 200


def test_loopback_in_ipv6_is_loopback(client):
    assert client.get("/sim/api/clock", environ_base={"REMOTE_ADDR": "::1"}).status_code == 200


@pytest.mark.parametrize(
    ("content_type", "body"),
    [
        ("text/plain", '{"mode": "empty"}'),
        ("application/x-www-form-urlencoded", "mode=empty"),
        ("multipart/form-data; boundary=x", "--x--"),
    ],
)
def test_v3_5_2_api_state_changes_need_json_which_a_foreign_page_cannot_send(
    client, personas, content_type, body
):
    """A page of another site can POST these CORS-safelisted types without a preflight;
    the API refuses them (415), so only same-machine scripts change the simulator."""
    before = client.get("/sim/api/personas").get_json()
    response = client.post("/sim/api/reset", data=body, content_type=content_type)
    assert response.status_code == 415
    assert client.get("/sim/api/personas").get_json() == before
