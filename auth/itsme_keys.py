"""The itsme stub's RSA signing key, shared by every worker through the database (RG-1).

The first request that needs the key generates it and inserts it; a worker that loses
that race reads the winner's key instead. The key is read in a session of its own so
that its commit never carries the request's unfinished changes.
"""

from __future__ import annotations

import secrets
from datetime import datetime

from joserfc.jwk import KeySet, RSAKey
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from models.stub_keys import StubSigningKey

KEY_NAME = "itsme"
ALGORITHM = "RS256"


def new_key() -> RSAKey:
    """A fresh 2048-bit RSA key for RS256 signatures."""
    parameters = {"kid": secrets.token_urlsafe(12), "use": "sig", "alg": ALGORITHM}
    return RSAKey.generate_key(2048, parameters=parameters, private=True)


def signing_key(session: Session, now: datetime) -> RSAKey:
    """The stub's private key, made and stored on first use. The insert is a transaction
    of its own (``begin()`` commits it on success), never the request's."""
    bind = session.get_bind()
    with Session(bind=bind) as own:
        row = own.get(StubSigningKey, KEY_NAME)
    if row is not None:
        return RSAKey.import_key(row.private_jwk)
    key = new_key()
    stored = StubSigningKey(name=KEY_NAME, private_jwk=key.as_dict(private=True), created_at=now)
    try:
        with Session(bind=bind) as own, own.begin():
            own.add(stored)
        return key
    except IntegrityError:  # another worker stored its key first: use that one
        with Session(bind=bind) as own:
            row = own.get(StubSigningKey, KEY_NAME)
        return RSAKey.import_key(row.private_jwk)


def public_jwks(key: RSAKey) -> dict:
    """The JSON Web Key Set the stub publishes: the public half only."""
    return KeySet([key]).as_dict(private=False)
