"""The portal as an OpenID Connect relying party of itsme (RG-1).

`begin` reads the provider's discovery document and builds the authorization URL
(Authlib's OAuth2Session: `state`, `nonce`, PKCE S256, `acr_values`, `ui_locales`); the
flow's secrets go into the brand's session. `finish` checks the answer: the `state`,
the provider's error, the code exchanged at the token endpoint (client_secret_basic,
PKCE verifier) and the ID token, verified with joserfc against the provider's JWKS
(RS256 signature, iss, aud, exp, iat, nonce). It returns the national register number,
or raises the refusal to show:

- `error=access_denied`: ItsmeCancelled;
- `error=login_required` (the stub's timeout) or a flow older than FLOW_MINUTES:
  ItsmeExpired;
- `error=temporarily_unavailable`, an unreachable provider or a 5xx answer:
  ItsmeUnavailable;
- anything else (missing or tampered state, replayed or invalid code, bad token): ItsmeFailed.

The stub lives in this very server; requests for its base URL are mounted on an
in-process transport (`auth.itsme_transport`), so a single worker never waits on itself.
"""

from __future__ import annotations

import hmac
import logging
import re
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta

import requests
from authlib.common.security import generate_token
from authlib.integrations.requests_client import OAuth2Session, OAuthError
from flask import Flask
from joserfc import jwt
from joserfc.errors import JoseError
from joserfc.jwk import KeySet

from auth.errors import (
    AuthRefusal,
    ItsmeCancelled,
    ItsmeExpired,
    ItsmeFailed,
    ItsmeUnavailable,
)
from auth.itsme_provider import ACR_BASIC, NATIONAL_NUMBER_CLAIM, TIMEOUT_ERROR
from auth.itsme_tokens import epoch
from auth.itsme_transport import InProcessAdapter

log = logging.getLogger(__name__)

FLOW_MINUTES = 10
SCOPE = "openid eid"
TIMEOUT_SECONDS = 10
ERRORS: dict[str, type[AuthRefusal]] = {
    "access_denied": ItsmeCancelled,
    TIMEOUT_ERROR: ItsmeExpired,
    "temporarily_unavailable": ItsmeUnavailable,
}


@dataclass(frozen=True)
class RelyingParty:
    """One brand's registration at itsme, and where the in-process stub lives."""

    client_id: str
    client_secret: str
    redirect_uri: str
    issuer: str
    local_base: str
    app: Flask


def refusal_for(error: str | None) -> AuthRefusal:
    """The refusal the portal shows for an error sent back by itsme."""
    return ERRORS.get(error or "", ItsmeFailed)(f"itsme error {error!r}")


def oauth_session(rp: RelyingParty) -> OAuth2Session:
    """Authlib's client, with the stub's base URL answered in-process."""
    client = OAuth2Session(
        rp.client_id,
        rp.client_secret,
        scope=SCOPE,
        redirect_uri=rp.redirect_uri,
        code_challenge_method="S256",
        token_endpoint_auth_method="client_secret_basic",
        default_timeout=TIMEOUT_SECONDS,
    )
    client.mount(rp.local_base.rstrip("/") + "/", InProcessAdapter(rp.app))
    return client


def get_json(client: OAuth2Session, url: str) -> dict:
    response = client.get(url, withhold_token=True)
    response.raise_for_status()
    return response.json()


def provider_metadata(client: OAuth2Session, issuer: str) -> dict:
    """The discovery document, which must name the issuer we asked."""
    metadata = get_json(client, issuer.rstrip("/") + "/.well-known/openid-configuration")
    if metadata.get("issuer") != issuer:
        raise ItsmeFailed("discovery document of another issuer")
    return metadata


def begin(rp: RelyingParty, lang: str, now: datetime, acr: str = ACR_BASIC) -> tuple[str, dict]:
    """The authorization URL, and the flow to keep in the brand's session until the answer."""
    client = oauth_session(rp)
    verifier, nonce = generate_token(64), secrets.token_urlsafe(32)
    try:
        endpoint = provider_metadata(client, rp.issuer)["authorization_endpoint"]
    except requests.RequestException as exc:
        raise transport_refusal(exc) from exc
    except (ValueError, KeyError, AttributeError) as exc:
        raise ItsmeFailed(repr(exc)) from exc
    url, state = client.create_authorization_url(
        endpoint, code_verifier=verifier, nonce=nonce, acr_values=acr, ui_locales=lang
    )
    flow = {"state": state, "nonce": nonce, "verifier": verifier, "started": now.isoformat()}
    return url, flow


def check_answer(flow: dict | None, args: dict, now: datetime) -> str:
    """The authorization code, once the state matches and no error came back."""
    if not isinstance(flow, dict) or not isinstance(flow.get("state"), str):
        raise ItsmeFailed("no itsme flow in this session")
    if not hmac.compare_digest((args.get("state") or "").encode(), flow["state"].encode()):
        raise ItsmeFailed("state does not match")
    try:
        started = datetime.fromisoformat(str(flow.get("started")))
    except ValueError as exc:
        raise ItsmeFailed("flow without a start time") from exc
    if now > started + timedelta(minutes=FLOW_MINUTES):
        raise ItsmeExpired("flow too old")
    if args.get("error"):
        raise refusal_for(args.get("error"))
    if not args.get("code"):
        raise ItsmeFailed("no code")
    return args["code"]


def finish(rp: RelyingParty, flow: dict | None, args: dict, now: datetime) -> str:
    """The national register number proven by itsme, or the refusal to show."""
    code = check_answer(flow, args, now)
    client = oauth_session(rp)
    try:
        metadata = provider_metadata(client, rp.issuer)
        token = client.fetch_token(
            metadata["token_endpoint"], code=code, code_verifier=flow["verifier"]
        )
        keys = KeySet.import_key_set(get_json(client, metadata["jwks_uri"]))
        claims = verify_id_token(
            token.get("id_token"), keys, rp.issuer, rp.client_id, flow["nonce"], epoch(now)
        )
    except OAuthError as exc:
        log.info("itsme token request refused: %s", exc.error)
        if exc.error == "temporarily_unavailable":
            raise ItsmeUnavailable(exc.error) from exc
        raise ItsmeFailed(str(exc.error)) from exc
    except requests.RequestException as exc:
        log.info("itsme could not be reached: %r", exc)
        raise transport_refusal(exc) from exc
    except (ValueError, KeyError, TypeError, AttributeError, JoseError) as exc:
        log.info("itsme answer could not be verified: %r", exc)
        raise ItsmeFailed(repr(exc)) from exc
    return national_number_of(claims)


def transport_refusal(exc: requests.RequestException) -> AuthRefusal:
    """An unreachable or failing server is unavailable; any other HTTP error is a failure."""
    response = getattr(exc, "response", None)
    if response is not None and response.status_code < 500:
        return ItsmeFailed(f"HTTP {response.status_code}")
    return ItsmeUnavailable(repr(exc))


def verify_id_token(
    token: object, keys: KeySet, issuer: str, client_id: str, nonce: str, now: int
) -> dict:
    """The ID token's claims, once its RS256 signature and its claims are checked."""
    if not isinstance(token, str):
        raise ValueError("no ID token")
    decoded = jwt.decode(token, keys, algorithms=["RS256"])
    registry = jwt.JWTClaimsRegistry(
        now=now,
        leeway=30,
        iss={"essential": True, "value": issuer},
        aud={"essential": True, "value": client_id},
        sub={"essential": True},
        exp={"essential": True},
        iat={"essential": True},
        nonce={"essential": True, "value": nonce},
    )
    registry.validate(decoded.claims)
    if decoded.claims["aud"] not in (client_id, [client_id]):
        raise ValueError("ID token for several audiences")
    return decoded.claims


def national_number_of(claims: dict) -> str:
    number = claims.get(NATIONAL_NUMBER_CLAIM)
    if not isinstance(number, str) or not re.fullmatch(r"\d{11}", number):
        raise ItsmeFailed("no national register number in the ID token")
    return number
