"""The pure helpers of the itsme way in (RG-1): the stub's checks of requests, codes and
clients, and the relying party's checks of answers and ID tokens. No app, no database."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from authlib.oauth2.rfc7636 import create_s256_code_challenge
from joserfc import jwt
from joserfc.errors import BadSignatureError, ExpiredTokenError, InvalidClaimError, JoseError
from joserfc.jwk import KeySet, OctKey

from auth import itsme_client as rp
from auth import itsme_provider as idp
from auth import itsme_tokens as tokens
from auth.errors import ItsmeCancelled, ItsmeExpired, ItsmeFailed, ItsmeUnavailable
from auth.itsme_keys import new_key, public_jwks
from models import ItsmeAuthCode
from models.enums import Brand

NOW = datetime(2025, 3, 10, 10, 0)
ISSUER = "http://localhost/stub/itsme"
VERIFIER = "a" * 43
ARGS = {
    "response_type": "code",
    "scope": "openid eid",
    "state": "st",
    "nonce": "no",
    "code_challenge": create_s256_code_challenge(VERIFIER),
    "code_challenge_method": "S256",
}


@pytest.fixture(scope="module")
def key():
    return new_key()


def code_record(**fields) -> ItsmeAuthCode:
    values = {
        "code": "c",
        "client_id": "myvivium",
        "redirect_uri": "http://localhost/vivium/fr/itsme/callback",
        "nonce": "no",
        "code_challenge": create_s256_code_challenge(VERIFIER),
        "national_number": "85073003328",
        "acr": idp.ACR_BASIC,
        "created_at": NOW,
    }
    return ItsmeAuthCode(**{**values, **fields})


def test_rg1_br1_the_pairwise_sub_differs_per_client_and_is_stable():
    vivium = idp.pairwise_subject("k", "myvivium", "85073003328")
    assert vivium == idp.pairwise_subject("k", "myvivium", "85073003328")
    assert vivium != idp.pairwise_subject("k", "mypv", "85073003328")
    assert vivium != idp.pairwise_subject("other", "myvivium", "85073003328")
    assert "85073003328" not in vivium


def test_rg1_client_secrets_come_from_the_secret_key_and_differ_per_client():
    assert idp.client_secret("k", "myvivium") != idp.client_secret("k", "mypv")
    assert idp.client_secret("k", "mypv") != idp.client_secret("l", "mypv")
    assert [idp.brand_of_client(idp.client_id_for(b)) for b in Brand] == list(Brand)
    assert idp.brand_of_client("unknown") is None


def test_rg1_acr_and_language_follow_the_request():
    assert idp.acr_for(None) == idp.ACR_BASIC
    assert idp.acr_for(f"x {idp.ACR_ADVANCED}") == idp.ACR_ADVANCED
    assert idp.locale_for("de nl-BE fr") == "nl"
    assert idp.locale_for("en", fallback="nl") == "nl"


@pytest.mark.parametrize(
    ("change", "error"),
    [
        ({}, None),
        ({"code_challenge_method": "plain"}, "invalid_request"),
        ({"code_challenge_method": None}, "invalid_request"),
        ({"code_challenge": None}, "invalid_request"),
        ({"code_challenge": "short"}, "invalid_request"),
        ({"nonce": None}, "invalid_request"),
        ({"state": "x" * 129}, "invalid_request"),
        ({"scope": "eid"}, "invalid_scope"),
        ({"response_type": "token"}, "unsupported_response_type"),
    ],
)
def test_rg1_the_stub_accepts_only_code_flow_with_state_nonce_and_pkce_s256(change, error):
    args = {k: v for k, v in {**ARGS, **change}.items() if v is not None}
    assert idp.request_error(args) == error


def test_rg1_the_stub_never_redirects_to_an_unregistered_uri():
    registered = {"myvivium": {"http://h/vivium/fr/itsme/callback"}}.__getitem__
    good = {"client_id": "myvivium", "redirect_uri": "http://h/vivium/fr/itsme/callback"}
    assert idp.check_client(good, registered) == ("myvivium", good["redirect_uri"])
    for bad in (
        {**good, "client_id": "nobody"},
        {**good, "redirect_uri": good["redirect_uri"] + "/"},
    ):
        with pytest.raises(idp.StubError):
            idp.check_client(bad, registered)


def test_rg1_answers_go_back_in_the_query_string():
    assert idp.redirect_with("http://h/cb", error="access_denied", state="a b") == (
        "http://h/cb?error=access_denied&state=a+b"
    )


def test_rg1_typed_national_numbers_are_checked():
    assert idp.clean_national_number("85.07.30-033.28") == "85073003328"
    assert idp.clean_national_number("85073003327") is None
    assert idp.clean_national_number("") is None


def test_rg1_a_code_matches_only_its_client_uri_verifier_and_lifetime():
    record = code_record()
    uri = record.redirect_uri
    assert tokens.code_matches(record, "myvivium", uri, VERIFIER, NOW)
    assert not tokens.code_matches(record, "mypv", uri, VERIFIER, NOW)
    assert not tokens.code_matches(record, "myvivium", uri + "x", VERIFIER, NOW)
    assert not tokens.code_matches(record, "myvivium", uri, "b" * 43, NOW)
    late = NOW + timedelta(seconds=tokens.CODE_SECONDS + 1)
    assert not tokens.code_matches(record, "myvivium", uri, VERIFIER, late)


def test_rg1_clients_authenticate_with_their_secret():
    secret = idp.client_secret("k", "mypv")
    assert tokens.authenticate_client("k", ("mypv", secret), {}) == "mypv"
    assert tokens.authenticate_client("k", None, {"client_id": "mypv", "client_secret": secret})
    for basic in (("mypv", "wrong"), ("nobody", secret), ("myvivium", secret)):
        with pytest.raises(tokens.TokenError, match="invalid_client"):
            tokens.authenticate_client("k", basic, {})


def signed(key, **changes) -> str:
    record = code_record()
    token = tokens.id_token(key, ISSUER, record, "k", NOW)
    if not changes:
        return token
    claims = {**jwt.decode(token, key).claims, **changes}
    return jwt.encode({"alg": "RS256", "kid": key.kid}, claims, key)


def verify(key, token: str, nonce: str = "no") -> dict:
    keys = KeySet.import_key_set(public_jwks(key))
    return rp.verify_id_token(token, keys, ISSUER, "myvivium", nonce, tokens.epoch(NOW))


def test_rg1_a_genuine_id_token_is_accepted(key):
    claims = verify(key, signed(key))
    assert claims[idp.NATIONAL_NUMBER_CLAIM] == "85073003328"
    assert claims["acr"] == idp.ACR_BASIC
    assert claims["sub"] == idp.pairwise_subject("k", "myvivium", "85073003328")


@pytest.mark.parametrize(
    ("changes", "nonce", "error"),
    [
        ({}, "other", InvalidClaimError),
        ({"iss": "http://evil/stub/itsme"}, "no", InvalidClaimError),
        ({"aud": "mypv"}, "no", InvalidClaimError),
        ({"exp": tokens.epoch(NOW) - 120}, "no", ExpiredTokenError),
    ],
)
def test_rg1_id_tokens_with_wrong_claims_are_refused(key, changes, nonce, error):
    with pytest.raises(error):
        verify(key, signed(key, **changes), nonce)


def test_rg1_id_tokens_signed_by_another_key_or_alg_are_refused(key):
    rogue = type(key).import_key({**new_key().as_dict(private=True), "kid": key.kid})
    with pytest.raises(BadSignatureError):
        verify(key, signed(rogue))
    claims = jwt.decode(signed(key), key).claims
    hmac_token = jwt.encode({"alg": "HS256"}, claims, OctKey.generate_key(256))
    with pytest.raises(JoseError):
        verify(key, hmac_token)


@pytest.mark.parametrize(
    ("error", "refusal"),
    [
        ("access_denied", ItsmeCancelled),
        (idp.TIMEOUT_ERROR, ItsmeExpired),
        ("temporarily_unavailable", ItsmeUnavailable),
        ("server_error", ItsmeFailed),
        (None, ItsmeFailed),
    ],
)
def test_rg1_each_itsme_error_has_its_refusal(error, refusal):
    assert type(rp.refusal_for(error)) is refusal


def test_rg1_the_answer_needs_the_flow_and_its_state():
    flow = {"state": "st", "nonce": "no", "verifier": VERIFIER, "started": NOW.isoformat()}
    assert rp.check_answer(flow, {"state": "st", "code": "c"}, NOW) == "c"
    with pytest.raises(ItsmeFailed):
        rp.check_answer(flow, {"state": "forged", "code": "c"}, NOW)
    with pytest.raises(ItsmeFailed):
        rp.check_answer(None, {"state": "st", "code": "c"}, NOW)
    with pytest.raises(ItsmeFailed):
        rp.check_answer(flow, {"state": "st"}, NOW)
    with pytest.raises(ItsmeCancelled):
        rp.check_answer(flow, {"state": "st", "error": "access_denied"}, NOW)
    with pytest.raises(ItsmeExpired):
        late = NOW + timedelta(minutes=rp.FLOW_MINUTES + 1)
        rp.check_answer(flow, {"state": "st", "code": "c"}, late)


def test_rg1_the_id_token_must_carry_a_national_number():
    assert rp.national_number_of({idp.NATIONAL_NUMBER_CLAIM: "85073003328"}) == "85073003328"
    with pytest.raises(ItsmeFailed):
        rp.national_number_of({idp.NATIONAL_NUMBER_CLAIM: "8507"})
