"""The simulator's stub itsme identity provider: its clients, the authorization requests
it accepts and the confirmations pending on its phone screen (RG-1).

OpenID Connect authorization-code flow with `state`, `nonce` and PKCE (S256 only; `plain`
or no challenge is refused). One client per brand (named in its profile), each with a
secret derived from the application's SECRET_KEY; their registered redirect URIs are
their brand space's callback URLs, compared exactly.

What the stub sends back to the client's redirect_uri, as itsme would:

- confirmed on the phone: `code` and `state`;
- cancelled on the phone: `error=access_denied`;
- not confirmed in time ("Let it time out", or a confirmation more than
  TRANSACTION_MINUTES after the request on the simulated clock): `error=login_required`,
  the OpenID Connect error for "the end-user was not authenticated", which the portal
  tells apart from a cancel and shows as an expired request;
- fault `itsme_unavailable` switched on: `error=temporarily_unavailable`;
- a malformed request: `invalid_request`, `invalid_scope` or `unsupported_response_type`.

An unknown client or a redirect_uri that is not registered gets an error page at the
stub, never a redirect (`StubError`).
"""

from __future__ import annotations

import hashlib
import hmac
import re
import secrets
from collections.abc import Callable
from datetime import datetime, timedelta
from urllib.parse import urlencode

from sqlalchemy import func, or_, select, update
from sqlalchemy.orm import Session
from stdnum.be import nn
from stdnum.exceptions import ValidationError

from auth.validation import without_controls
from models import ItsmeTransaction, Person
from models.brands import PROFILES, profile_of_itsme_client
from models.enums import Brand

ACR_BASIC = "http://itsme.services/v2/claim/acr_basic"
ACR_ADVANCED = "http://itsme.services/v2/claim/acr_advanced"
NATIONAL_NUMBER_CLAIM = "http://itsme.services/v2/claim/BENationalNumber"
LOCALES = ("fr", "nl")
TRANSACTION_MINUTES = 5
SEARCH_LIMIT = 20
TIMEOUT_ERROR = "login_required"
CHALLENGE = re.compile(r"[A-Za-z0-9_-]{43}")


class StubError(Exception):
    """A request the stub cannot answer with a redirect: it shows an error page."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def client_id_for(brand: Brand) -> str:
    return PROFILES[brand].itsme_client


def brand_of_client(client_id: str) -> Brand | None:
    """The brand whose portal is this itsme client (its profile says), if any."""
    found = profile_of_itsme_client(client_id)
    return found.brand if found else None


def client_secret(secret_key: str, client_id: str) -> str:
    """The client's secret, derived from SECRET_KEY: every worker knows it, no one types it."""
    message = f"itsme-client-secret:{client_id}".encode()
    return hmac.new(secret_key.encode(), message, hashlib.sha256).hexdigest()


def pairwise_subject(secret_key: str, client_id: str, national_number: str) -> str:
    """The `sub` of one person for one client: an HMAC of the national number and the
    client id, so the two brands receive different subjects for the same person."""
    key = hmac.new(secret_key.encode(), b"itsme-pairwise-sub", hashlib.sha256).digest()
    message = f"{client_id}:{national_number}".encode()
    return hmac.new(key, message, hashlib.sha256).hexdigest()


def acr_for(acr_values: str | None) -> str:
    """The level of assurance asked for: advanced when requested, basic otherwise."""
    return ACR_ADVANCED if ACR_ADVANCED in (acr_values or "").split() else ACR_BASIC


def locale_for(ui_locales: str | None, fallback: str = "fr") -> str:
    """The first of the requested ui_locales the stub speaks ("nl-BE" counts as "nl")."""
    for tag in (ui_locales or "").split():
        primary = tag.split("-")[0].lower()
        if primary in LOCALES:
            return primary
    return fallback


def check_client(args: dict, registered: Callable[[str], set[str]]) -> tuple[str, str]:
    """The client and its redirect_uri, or a StubError: never redirect to an unknown URI."""
    client_id = args.get("client_id") or ""
    if brand_of_client(client_id) is None:
        raise StubError("unknown_client")
    redirect_uri = args.get("redirect_uri") or ""
    if redirect_uri not in registered(client_id):
        raise StubError("unknown_redirect_uri")
    return client_id, redirect_uri


def request_error(args: dict) -> str | None:
    """The OAuth error of a malformed authorization request, None when it is acceptable."""
    if args.get("response_type") != "code":
        return "unsupported_response_type"
    if "openid" not in (args.get("scope") or "").split():
        return "invalid_scope"
    if args.get("code_challenge_method") != "S256":
        return "invalid_request"
    if not CHALLENGE.fullmatch(args.get("code_challenge") or ""):
        return "invalid_request"
    for name in ("state", "nonce"):
        if not 0 < len(args.get(name) or "") <= 128:
            return "invalid_request"
    return None


def transaction_params(args: dict, client_id: str, redirect_uri: str, fallback: str) -> dict:
    """What a pending confirmation remembers of its authorization request."""
    return {
        "client_id": client_id,
        "redirect_uri": redirect_uri,
        "state": args["state"],
        "nonce": args["nonce"],
        "code_challenge": args["code_challenge"],
        "acr": acr_for(args.get("acr_values")),
        "lang": locale_for(args.get("ui_locales"), fallback),
    }


def redirect_with(redirect_uri: str, **params: str) -> str:
    """The client's redirect_uri with the answer in its query string."""
    joiner = "&" if "?" in redirect_uri else "?"
    return f"{redirect_uri}{joiner}{urlencode(params)}"


def open_transaction(session: Session, params: dict, now: datetime) -> str:
    """Put a request on the phone screen; the caller commits."""
    transaction_id = secrets.token_urlsafe(24)
    session.add(ItsmeTransaction(id=transaction_id, params=params, created_at=now))
    return transaction_id


def pending_transaction(session: Session, transaction_id: str) -> ItsmeTransaction | None:
    transaction = session.get(ItsmeTransaction, transaction_id)
    if transaction is None or transaction.finished:
        return None
    return transaction


def timed_out(transaction: ItsmeTransaction, now: datetime) -> bool:
    return now > transaction.created_at + timedelta(minutes=TRANSACTION_MINUTES)


def close_transaction(session: Session, transaction_id: str) -> bool:
    """Finish a pending confirmation once: False when another answer already did."""
    result = session.execute(
        update(ItsmeTransaction)
        .where(ItsmeTransaction.id == transaction_id, ItsmeTransaction.finished.is_(False))
        .values(finished=True)
    )
    return result.rowcount == 1


def clean_national_number(text: str | None) -> str | None:
    """An 11-digit Belgian national register number with a valid check number, or None."""
    try:
        return nn.validate(text or "")
    except ValidationError:
        return None


def format_national_number(number: str) -> str:
    return nn.format(number)


def search_people(session: Session, query: str, limit: int = SEARCH_LIMIT) -> list[Person]:
    """Back-office people whose name or national number matches, at most `limit`."""
    statement = select(Person).order_by(Person.last_name, Person.first_name, Person.id)
    text = without_controls(query, 80)  # a NUL byte never reaches the database
    digits = re.sub(r"[\s.\-]", "", text)
    if digits.isdigit():
        statement = statement.where(Person.national_number.startswith(digits, autoescape=True))
    else:
        for word in text.lower().split():
            statement = statement.where(
                or_(
                    func.lower(Person.first_name).contains(word, autoescape=True),
                    func.lower(Person.last_name).contains(word, autoescape=True),
                )
            )
    return list(session.scalars(statement.limit(limit)))
