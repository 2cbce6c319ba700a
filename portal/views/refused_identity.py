"""Who a problem report is about, when itsme or the eID card proved it (RG-5).

When an identity proven by itsme or eID cannot register (recorded several times, not
found, no active contract, ...), the refusal page offers the report form; support needs
the national number to find and merge the records. The number is kept in the brand's
session cookie, which is signed but readable, so it is sealed first (JWE, A256GCM, key
derived from SECRET_KEY) and kept for PENDING_IDENTITY_MINUTES only.
"""

from __future__ import annotations

import hashlib
import hmac
import json
from dataclasses import dataclass
from datetime import datetime, timedelta

from flask import current_app, g, session
from joserfc import jwe
from joserfc.errors import JoseError
from joserfc.jwk import OctKey

from models import Person
from portal.db import get_session

SESSION_KEY = "refused_identity"
LIFETIME = timedelta(minutes=15)
HEADER = {"alg": "dir", "enc": "A256GCM"}
# Refusals of the identity page: the pending identity tells who is reporting (RG-7).
IDENTITY_PAGE_CODES = ("email_already_used", "invalid_email")


@dataclass(frozen=True)
class ReportedIdentity:
    national_number: str | None = None
    person_id: int | None = None


def _key() -> OctKey:
    secret = current_app.config["SECRET_KEY"].encode()
    return OctKey.import_key(hmac.new(secret, b"refused identity", hashlib.sha256).digest())


def remember(code: str, national_number: str, now: datetime) -> None:
    """Keep, sealed, the national number whose registration was refused with `code`."""
    claims = {
        "b": g.brand.value,
        "c": code,
        "n": national_number,
        "u": (now + LIFETIME).isoformat(),
    }
    payload = json.dumps(claims).encode()
    session[SESSION_KEY] = jwe.encrypt_compact(HEADER, payload, _key())


def _sealed_number(code: str, now: datetime) -> str | None:
    token = session.get(SESSION_KEY)
    if not isinstance(token, str):
        return None
    try:
        claims = json.loads(jwe.decrypt_compact(token, _key()).plaintext)
        fresh = datetime.fromisoformat(claims["u"]) >= now
    except (JoseError, ValueError, KeyError, TypeError):
        return None
    if not fresh or claims.get("b") != g.brand.value or claims.get("c") != code:
        return None
    return claims.get("n")


def reported_identity(code: str, pending: dict | None, now: datetime) -> ReportedIdentity:
    """RG-5: the national number (and record, when known) a report of `code` is about:
    the identity refused with that very code, or the identity waiting on the identity
    page; nothing for a refusal of the personal-data path."""
    number = _sealed_number(code, now)
    if number:
        return ReportedIdentity(national_number=number)
    if pending and code in IDENTITY_PAGE_CODES:
        person = get_session().get(Person, pending["person_id"])
        if person is not None:
            return ReportedIdentity(person.national_number, person.id)
    return ReportedIdentity()


def forget() -> None:
    session.pop(SESSION_KEY, None)
