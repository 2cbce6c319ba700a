"""Flask-Login wiring: an account is loaded only inside its own brand space (BR-1)."""

from __future__ import annotations

from flask import Flask, g, redirect, request, url_for
from flask_login import LoginManager, UserMixin
from sqlalchemy import select
from sqlalchemy.orm import Session, joinedload

from models import Account


class CustomerUser(UserMixin):
    """The logged-in customer: an account and the back-office person behind it."""

    def __init__(self, account: Account) -> None:
        self.account = account
        self.brand = account.brand

    @property
    def person(self):
        """The back-office person (loaded with the account by the user loader)."""
        return self.account.person

    def get_id(self) -> str:
        return str(self.account.id)


def load_customer(session: Session, account_id: str, brand) -> CustomerUser | None:
    """The account with this id, only if it belongs to `brand`."""
    if brand is None or not account_id.isdigit():
        return None
    account = session.scalars(
        select(Account)
        .options(joinedload(Account.person))
        .where(Account.id == int(account_id), Account.brand == brand)
    ).one_or_none()
    return CustomerUser(account) if account else None


def init_app(app: Flask, get_session) -> None:
    manager = LoginManager()
    manager.init_app(app)
    manager.session_protection = None

    @manager.user_loader
    def _load(user_id: str):
        return load_customer(get_session(), user_id, g.get("brand"))

    @manager.unauthorized_handler
    def _unauthorized():
        return redirect(url_for("customer.index", next=request.path))
