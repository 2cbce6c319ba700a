"""The itsme stub's answers: the phone's outcome, its single-use authorization codes, its
token endpoint and the signed ID token (RG-1).

Codes live CODE_SECONDS on the simulated clock, are bound to the client, the redirect_uri
and the PKCE challenge, and are burnt on their first presentation: a replay, like any
other mismatch, is refused with `invalid_grant`.
"""

from __future__ import annotations

import hmac
import re
import secrets
from datetime import datetime, timedelta
from urllib.parse import unquote

from authlib.oauth2.rfc7636 import create_s256_code_challenge
from joserfc import jwt
from joserfc.jwk import RSAKey
from sqlalchemy import update
from sqlalchemy.orm import Session

from auth.itsme_provider import (
    ACR_ADVANCED,
    ACR_BASIC,
    LOCALES,
    NATIONAL_NUMBER_CLAIM,
    TIMEOUT_ERROR,
    brand_of_client,
    client_secret,
    close_transaction,
    pairwise_subject,
    redirect_with,
    timed_out,
)
from models import ItsmeAuthCode, ItsmeTransaction
from models.sim import BRUSSELS

CODE_SECONDS = 120
ID_TOKEN_MINUTES = 5
VERIFIER = re.compile(r"[A-Za-z0-9._~-]{43,128}")
ACTIONS = ("confirm", "cancel", "timeout")


class TokenError(Exception):
    """An error of the token endpoint, answered as JSON with its HTTP status."""

    def __init__(self, error: str, status: int = 400) -> None:
        super().__init__(error)
        self.error, self.status = error, status


def epoch(moment: datetime) -> int:
    """Seconds since 1970 of a simulated Brussels wall-clock time."""
    return int(moment.replace(tzinfo=BRUSSELS).timestamp())


def answer(
    session: Session,
    transaction: ItsmeTransaction,
    action: str,
    national_number: str | None,
    now: datetime,
) -> str:
    """The redirect that tells the client what happened on the phone; the caller commits.

    A confirmation that comes after the request timed out is answered as a timeout.
    """
    if action not in ACTIONS or (action == "confirm" and not national_number):
        raise ValueError(action)
    params = transaction.params
    uri, state = params["redirect_uri"], params["state"]
    if not close_transaction(session, transaction.id):
        return redirect_with(uri, error="invalid_request", state=state)
    if action == "cancel":
        return redirect_with(uri, error="access_denied", error_description="cancelled", state=state)
    if action == "timeout" or timed_out(transaction, now):
        return redirect_with(uri, error=TIMEOUT_ERROR, error_description="timeout", state=state)
    return redirect_with(uri, code=issue_code(session, params, national_number, now), state=state)


def issue_code(session: Session, params: dict, national_number: str, now: datetime) -> str:
    code = secrets.token_urlsafe(32)
    session.add(
        ItsmeAuthCode(
            code=code,
            client_id=params["client_id"],
            redirect_uri=params["redirect_uri"],
            nonce=params["nonce"],
            code_challenge=params["code_challenge"],
            national_number=national_number,
            acr=params["acr"],
            created_at=now,
        )
    )
    return code


def authenticate_client(secret_key: str, basic: tuple[str, str] | None, form: dict) -> str:
    """The client id, proven by client_secret_basic or client_secret_post."""
    if basic is not None:
        client_id, secret = unquote(basic[0]), unquote(basic[1])
    else:
        client_id, secret = form.get("client_id") or "", form.get("client_secret") or ""
    expected = client_secret(secret_key, client_id) if brand_of_client(client_id) else ""
    if not expected or not hmac.compare_digest(secret.encode(), expected.encode()):
        raise TokenError("invalid_client", 401)
    return client_id


def redeem_code(session: Session, form: dict, client_id: str, now: datetime) -> ItsmeAuthCode:
    """The code's record, burnt; TokenError("invalid_grant") unless everything matches.
    The caller commits in every case, so a refused code stays burnt."""
    if form.get("grant_type") != "authorization_code":
        raise TokenError("unsupported_grant_type")
    code, verifier = form.get("code") or "", form.get("code_verifier") or ""
    record = session.get(ItsmeAuthCode, code) if code else None
    if record is None:
        raise TokenError("invalid_grant")
    burnt = session.execute(
        update(ItsmeAuthCode)
        .where(ItsmeAuthCode.code == code, ItsmeAuthCode.used.is_(False))
        .values(used=True)
    )
    if burnt.rowcount != 1:
        raise TokenError("invalid_grant")
    if not code_matches(record, client_id, form.get("redirect_uri") or "", verifier, now):
        raise TokenError("invalid_grant")
    return record


def code_matches(
    record: ItsmeAuthCode, client_id: str, redirect_uri: str, verifier: str, now: datetime
) -> bool:
    """Same client, same redirect_uri, still fresh, and the PKCE verifier of its challenge."""
    return (
        record.client_id == client_id
        and record.redirect_uri == redirect_uri
        and now <= record.created_at + timedelta(seconds=CODE_SECONDS)
        and VERIFIER.fullmatch(verifier) is not None
        and hmac.compare_digest(create_s256_code_challenge(verifier), record.code_challenge)
    )


def id_token(
    key: RSAKey, issuer: str, record: ItsmeAuthCode, secret_key: str, now: datetime
) -> str:
    """The RS256-signed ID token of a redeemed code."""
    issued = epoch(now)
    claims = {
        "iss": issuer,
        "aud": record.client_id,
        "sub": pairwise_subject(secret_key, record.client_id, record.national_number),
        "iat": issued,
        "exp": issued + ID_TOKEN_MINUTES * 60,
        "auth_time": epoch(record.created_at),
        "nonce": record.nonce,
        "acr": record.acr,
        NATIONAL_NUMBER_CLAIM: record.national_number,
    }
    header = {"alg": "RS256", "kid": key.kid, "typ": "JWT"}
    return jwt.encode(header, claims, key, algorithms=["RS256"])


def token_response(token: str) -> dict:
    return {
        "access_token": secrets.token_urlsafe(32),
        "token_type": "Bearer",
        "expires_in": ID_TOKEN_MINUTES * 60,
        "id_token": token,
    }


def discovery(issuer: str, authorize: str, token: str, jwks: str) -> dict:
    """The stub's OpenID Provider metadata."""
    return {
        "issuer": issuer,
        "authorization_endpoint": authorize,
        "token_endpoint": token,
        "jwks_uri": jwks,
        "response_types_supported": ["code"],
        "response_modes_supported": ["query"],
        "grant_types_supported": ["authorization_code"],
        "subject_types_supported": ["pairwise"],
        "id_token_signing_alg_values_supported": ["RS256"],
        "code_challenge_methods_supported": ["S256"],
        "token_endpoint_auth_methods_supported": ["client_secret_basic", "client_secret_post"],
        "scopes_supported": ["openid", "eid"],
        "acr_values_supported": [ACR_BASIC, ACR_ADVANCED],
        "claims_supported": [
            "iss",
            "sub",
            "aud",
            "exp",
            "iat",
            "nonce",
            "acr",
            NATIONAL_NUMBER_CLAIM,
        ],
        "ui_locales_supported": list(LOCALES),
    }
