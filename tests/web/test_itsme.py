"""The itsme way in (RG-1) through the simulator's stub identity provider, in both brand
spaces: first login and account creation (RG-3), later logins, cancel, timeout, the
unavailable fault, forged answers, and the registration refusals of RG-5 and BR-1."""

from __future__ import annotations

import base64
from datetime import datetime, timedelta
from urllib.parse import parse_qs, urlencode, urlsplit

import pytest
import requests
from authlib.oauth2.rfc7636 import create_s256_code_challenge
from joserfc import jwt
from joserfc.jwk import KeySet
from sqlalchemy import select

from auth import itsme_tokens
from auth.itsme_keys import new_key
from auth.itsme_provider import ACR_ADVANCED, NATIONAL_NUMBER_CLAIM, client_secret
from models import Account, Brand, IdentityLink
from models.sim import set_fault
from seed.build import add_person
from seed.identifiers import national_number
from tests.conftest import csrf_token

VERIFIER = "v" * 50
MOMENT = datetime(2025, 3, 10, 10, 0)


def start(submit, brand: str, lang: str):
    """Press "Log in with itsme": the portal's answer to itsme.start."""
    return submit(f"/{brand}/{lang}/itsme", {}, action=f"/{brand}/{lang}/itsme/start")


def phone_of(client, submit, brand: str, lang: str) -> str:
    """Start the flow and follow it to the stub's phone screen."""
    started = start(submit, brand, lang)
    assert started.status_code == 302 and "/stub/itsme/authorize?" in started.location
    authorized = client.get(started.location)
    assert authorized.status_code == 302 and "/stub/itsme/phone/" in authorized.location
    return authorized.location


def answer(client, phone: str, action: str, **data) -> str:
    page = client.get(phone)
    form = {"csrf_token": csrf_token(page.get_data(as_text=True)), "action": action, **data}
    answered = client.post(phone, data=form)
    assert answered.status_code == 302, answered.status_code
    return answered.location


def itsme(client, submit, brand: str, lang: str, action="confirm", number=None) -> str:
    """The callback URL the stub sends the browser back to."""
    data = {"national_number": number} if number else {}
    return answer(client, phone_of(client, submit, brand, lang), action, **data)


def refusal_code(response) -> str | None:
    html = response.get_data(as_text=True)
    marker = 'data-testid="refusal" data-code="'
    return html.split(marker, 1)[1].split('"', 1)[0] if marker in html else None


def query(url: str) -> dict:
    return {k: v[0] for k, v in parse_qs(urlsplit(url).query).items()}


def flow_of(client, brand: str) -> dict:
    with client.session_transaction(f"/{brand}/") as session:
        return dict(session["itsme_flow"])


def set_flow(client, brand: str, **changes) -> None:
    with client.session_transaction(f"/{brand}/") as session:
        session["itsme_flow"] = {**session["itsme_flow"], **changes}


@pytest.mark.parametrize(
    ("brand", "lang", "who"), [("vivium", "fr", "marc"), ("pv", "nl", "louise")]
)
def test_rg1_rg3_first_login_creates_the_account_then_later_logins_go_straight_in(
    client, submit, db, personas, brand, lang, who
):
    number = personas[who].national_number
    arrived = client.get(itsme(client, submit, brand, lang, number=number))
    assert arrived.location == f"/{brand}/{lang}/register/identity"
    done = submit(arrived.location, {"email": f"{who}@example.be", "consent": "y"})
    assert done.status_code == 302 and done.location == f"/{brand}/{lang}/"
    assert 'data-testid="welcome"' in client.get(done.location).get_data(as_text=True)
    account = db.scalars(select(Account).where(Account.email == f"{who}@example.be")).one()
    assert account.brand == Brand(brand) and account.method == "itsme"
    assert account.digital_consent_at is not None

    client.delete_cookie(f"my{'vivium' if brand == 'vivium' else 'pv'}_session", path=f"/{brand}")
    again = client.get(itsme(client, submit, brand, lang, number=number))
    assert again.status_code == 302 and again.location == f"/{brand}/{lang}/"
    assert db.scalars(select(IdentityLink).where(IdentityLink.account_id == account.id)).all()
    assert len(db.scalars(select(Account).where(Account.person_id == account.person_id)).all()) == 1


def test_rg1_the_token_request_never_uses_the_network(client, submit, personas, monkeypatch):
    """The stub answers in-process: a single worker cannot deadlock calling itself."""

    def no_network(*_args, **_kwargs):
        raise AssertionError("the token request went over the network")

    monkeypatch.setattr(requests.adapters.HTTPAdapter, "send", no_network)
    number = personas["marc"].national_number
    arrived = client.get(itsme(client, submit, "vivium", "nl", number=number))
    assert arrived.location == "/vivium/nl/register/identity"


@pytest.mark.parametrize(
    ("action", "code"), [("cancel", "itsme_cancelled"), ("timeout", "itsme_expired")]
)
def test_rg1_cancel_and_timeout_on_the_phone_are_told_apart(client, submit, action, code):
    back = itsme(client, submit, "pv", "fr", action=action)
    assert query(back)["error"] == ("access_denied" if action == "cancel" else "login_required")
    assert refusal_code(client.get(back)) == code


def test_rg1_a_confirmation_after_the_phone_timed_out_is_a_timeout(
    client, submit, freeze, personas
):
    freeze(MOMENT)
    phone = phone_of(client, submit, "vivium", "fr")
    freeze(MOMENT + timedelta(minutes=6))
    back = answer(client, phone, "confirm", national_number=personas["marc"].national_number)
    assert "code" not in query(back)
    assert refusal_code(client.get(back)) == "itsme_expired"


def test_rg1_itsme_unavailable_shows_the_refusal_without_redirecting(client, submit, db):
    set_fault(db, "itsme_unavailable", True)
    db.commit()
    page = start(submit, "vivium", "fr")
    assert page.status_code == 200 and refusal_code(page) == "itsme_unavailable"
    text = page.get_data(as_text=True).split('data-testid="refusal-text">', 1)[1].split("<")[0]
    assert "eID" in text and "données personnelles" in text


def test_rg1_an_unreachable_configured_issuer_is_unavailable_not_a_crash(app, submit):
    app.config["ITSME_ISSUER"] = "http://127.0.0.1:9/itsme"
    page = start(submit, "pv", "fr")
    assert page.status_code == 200 and refusal_code(page) == "itsme_unavailable"


def test_rg1_the_stub_itself_answers_temporarily_unavailable(client, submit, db):
    phone = phone_of(client, submit, "pv", "nl")
    set_fault(db, "itsme_unavailable", True)
    db.commit()
    back = answer(client, phone, "confirm", national_number=national_number(MOMENT.date(), 3))
    assert refusal_code(client.get(back)) == "itsme_unavailable"
    started = client.get("/stub/itsme/authorize?" + urlencode(authorize_args("mypv", "pv", "nl")))
    assert query(started.location)["error"] == "temporarily_unavailable"


def test_rg1_a_tampered_or_missing_state_is_refused(client, submit, db, personas):
    back = itsme(client, submit, "vivium", "fr", number=personas["marc"].national_number)
    params = query(back)
    forged = f"/vivium/fr/itsme/callback?code={params['code']}&state=forged"
    assert refusal_code(client.get(forged)) == "itsme_failed"
    assert refusal_code(client.get(f"/vivium/fr/itsme/callback?code={params['code']}")) == (
        "itsme_failed"
    )
    assert db.scalars(select(IdentityLink)).all() == []


def test_rg1_a_replayed_authorization_code_is_refused(client, submit, personas):
    back = itsme(client, submit, "vivium", "fr", number=personas["marc"].national_number)
    flow = flow_of(client, "vivium")
    assert client.get(back).location == "/vivium/fr/register/identity"
    with client.session_transaction("/vivium/") as session:
        session["itsme_flow"] = flow
    assert refusal_code(client.get(back)) == "itsme_failed"


def test_rg1_a_wrong_nonce_in_the_id_token_is_refused(client, submit, personas):
    back = itsme(client, submit, "pv", "nl", number=personas["louise"].national_number)
    set_flow(client, "pv", nonce="another-nonce")
    assert refusal_code(client.get(back)) == "itsme_failed"


def test_rg1_an_id_token_with_a_wrong_signature_is_refused(client, submit, personas, monkeypatch):
    genuine = itsme_tokens.id_token

    def forged(key, *args):
        rogue = new_key()
        rogue = type(key).import_key({**rogue.as_dict(private=True), "kid": key.kid})
        return genuine(rogue, *args)

    monkeypatch.setattr(itsme_tokens, "id_token", forged)
    back = itsme(client, submit, "pv", "nl", number=personas["louise"].national_number)
    assert refusal_code(client.get(back)) == "itsme_failed"


def test_rg1_a_pkce_verifier_that_does_not_match_is_refused(client, submit, personas):
    back = itsme(client, submit, "vivium", "nl", number=personas["marc"].national_number)
    set_flow(client, "vivium", verifier="w" * 64)
    assert refusal_code(client.get(back)) == "itsme_failed"


@pytest.mark.parametrize(
    ("brand", "who", "code"),
    [
        ("vivium", "nathalie", "person_duplicated"),
        ("pv", "thomas", "no_active_contract"),
        ("vivium", "louise", "other_brand_only"),
        ("pv", None, "person_not_found"),
    ],
)
def test_rg5_br1_itsme_identities_that_cannot_register(client, submit, personas, brand, who, code):
    number = personas[who].national_number if who else national_number(datetime(1961, 2, 3), 7)
    back = itsme(client, submit, brand, "fr", number=number)
    assert refusal_code(client.get(back)) == code


# The stub as an OpenID Connect provider, without the portal ------------------------------


def authorize_args(client_id: str, brand: str, lang: str, **extra) -> dict:
    args = {
        "response_type": "code",
        "client_id": client_id,
        "redirect_uri": f"http://localhost/{brand}/{lang}/itsme/callback",
        "scope": "openid eid",
        "state": "s1",
        "nonce": "n1",
        "code_challenge": create_s256_code_challenge(VERIFIER),
        "code_challenge_method": "S256",
    }
    return {**args, **extra}


def basic(client_id: str, secret: str = "") -> dict:
    raw = f"{client_id}:{secret or client_secret('test-secret', client_id)}".encode()
    return {"Authorization": "Basic " + base64.b64encode(raw).decode()}


def stub_code(client, number: str, client_id: str, brand: str, **extra) -> str:
    args = authorize_args(client_id, brand, "fr", **extra)
    phone = client.get("/stub/itsme/authorize?" + urlencode(args)).location
    return query(answer(client, phone, "confirm", typed=number))["code"]


def redeem(client, code: str, client_id: str, brand: str, verifier: str = VERIFIER):
    form = {
        "grant_type": "authorization_code",
        "code": code,
        "redirect_uri": f"http://localhost/{brand}/fr/itsme/callback",
        "code_verifier": verifier,
    }
    return client.post("/stub/itsme/token", data=form, headers=basic(client_id))


def claims_of(client, id_token: str) -> dict:
    keys = KeySet.import_key_set(client.get("/stub/itsme/jwks").get_json())
    return jwt.decode(id_token, keys, algorithms=["RS256"]).claims


def test_rg1_br1_the_stub_signs_id_tokens_with_a_pairwise_sub_per_brand(client, personas):
    number = personas["sofie"].national_number
    tokens = {}
    for client_id, brand in (("myvivium", "vivium"), ("mypv", "pv")):
        answered = redeem(client, stub_code(client, number, client_id, brand), client_id, brand)
        assert answered.status_code == 200 and answered.headers["Cache-Control"] == "no-store"
        tokens[client_id] = claims_of(client, answered.get_json()["id_token"])
    vivium, pv = tokens["myvivium"], tokens["mypv"]
    assert vivium["sub"] != pv["sub"]
    assert vivium[NATIONAL_NUMBER_CLAIM] == pv[NATIONAL_NUMBER_CLAIM] == number
    assert (vivium["aud"], pv["aud"]) == ("myvivium", "mypv")
    assert vivium["iss"] == "http://localhost/stub/itsme" and vivium["nonce"] == "n1"
    assert vivium["acr"].endswith("acr_basic") and 0 < vivium["exp"] - vivium["iat"] <= 600


def test_rg1_the_stub_gives_the_acr_asked_for(client, personas):
    code = stub_code(
        client, personas["marc"].national_number, "myvivium", "vivium", acr_values=ACR_ADVANCED
    )
    claims = claims_of(client, redeem(client, code, "myvivium", "vivium").get_json()["id_token"])
    assert claims["acr"] == ACR_ADVANCED


def test_rg1_the_stub_burns_codes_and_checks_pkce_and_the_client(client, personas, freeze):
    number = personas["marc"].national_number
    code = stub_code(client, number, "myvivium", "vivium")
    assert redeem(client, code, "myvivium", "vivium", verifier="x" * 50).get_json() == {
        "error": "invalid_grant"
    }
    assert redeem(client, code, "myvivium", "vivium").get_json()["error"] == "invalid_grant"
    code = stub_code(client, number, "myvivium", "vivium")
    assert redeem(client, code, "myvivium", "vivium").status_code == 200
    assert redeem(client, code, "myvivium", "vivium").get_json()["error"] == "invalid_grant"
    code = stub_code(client, number, "myvivium", "vivium")
    refused = client.post(
        "/stub/itsme/token",
        data={"grant_type": "authorization_code", "code": code},
        headers=basic("myvivium", "wrong"),
    )
    assert refused.status_code == 401 and refused.get_json()["error"] == "invalid_client"
    freeze(MOMENT)
    code = stub_code(client, number, "myvivium", "vivium")
    freeze(MOMENT + timedelta(seconds=itsme_tokens.CODE_SECONDS + 1))
    assert redeem(client, code, "myvivium", "vivium").get_json()["error"] == "invalid_grant"


@pytest.mark.parametrize(
    "change",
    [{"code_challenge_method": "plain"}, {"code_challenge_method": ""}, {"code_challenge": ""}],
)
def test_rg1_the_stub_refuses_requests_without_pkce_s256(client, change):
    answered = client.get(
        "/stub/itsme/authorize?" + urlencode(authorize_args("mypv", "pv", "nl", **change))
    )
    assert answered.status_code == 302
    assert query(answered.location) == {"error": "invalid_request", "state": "s1"}


@pytest.mark.parametrize(
    "change",
    [
        {"client_id": "stranger"},
        {"redirect_uri": "http://evil.example/vivium/fr/itsme/callback"},
        {"redirect_uri": "http://localhost/pv/fr/itsme/callback"},
    ],
)
def test_rg1_an_unknown_client_or_redirect_uri_gets_an_error_page_never_a_redirect(client, change):
    args = {**authorize_args("myvivium", "vivium", "fr"), **change}
    answered = client.get("/stub/itsme/authorize?" + urlencode(args))
    assert answered.status_code == 400 and answered.location is None
    assert 'data-testid="itsme-stub-error"' in answered.get_data(as_text=True)


def test_rg1_the_phone_speaks_the_portal_language_and_finds_people(client, submit, personas):
    phone = phone_of(client, submit, "pv", "nl")
    page = client.get(phone + "?q=louise").get_data(as_text=True)
    assert 'lang="nl"' in page and "Aanmelden bij MyP&amp;V?" in page and "Peeters" in page
    number = personas["louise"].national_number
    assert "Peeters" in client.get(phone + f"?q={number[:6]}").get_data(as_text=True)
    assert page.count('data-testid="itsme-person-') == 1
    french = client.get(phone_of(client, submit, "vivium", "fr")).get_data(as_text=True)
    assert 'lang="fr"' in french and "Se connecter à MyVivium ?" in french


def test_rg1_the_phone_lists_at_most_20_people(client, submit, db):
    for n in range(25):
        add_person(db, first_name=f"Anne{n}", last_name="Lemaire")
    db.commit()
    page = client.get(phone_of(client, submit, "vivium", "fr") + "?q=lemaire")
    assert page.get_data(as_text=True).count('data-testid="itsme-person-') == 20


def test_rg1_the_phone_wants_an_identity_and_answers_once(client, submit):
    phone = phone_of(client, submit, "vivium", "fr")
    page = client.get(phone).get_data(as_text=True)
    missing = client.post(
        phone, data={"csrf_token": csrf_token(page), "action": "confirm", "typed": "12345"}
    )
    assert missing.status_code == 422 and 'data-testid="itsme-identity-error"' in missing.get_data(
        as_text=True
    )
    assert client.post(phone, data={"action": "cancel"}).status_code == 400  # no CSRF token
    answer(client, phone, "cancel")
    assert client.get(phone).status_code == 404


def test_rg1_starting_itsme_needs_a_csrf_token(client):
    assert client.post("/vivium/fr/itsme/start").status_code == 400


def test_rg1_the_stub_publishes_its_discovery_document(client):
    document = client.get("/stub/itsme/.well-known/openid-configuration").get_json()
    assert document["issuer"] == "http://localhost/stub/itsme"
    assert document["code_challenge_methods_supported"] == ["S256"]
    assert client.get(document["jwks_uri"]).get_json()["keys"][0]["kty"] == "RSA"
    assert "d" not in client.get(document["jwks_uri"]).get_json()["keys"][0]
