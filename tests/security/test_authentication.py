"""Authentication requirements not covered by the fuzzing, races and enumeration tests
(OWASP ASVS 5.0 V6.2.6, V6.3.2, V6.3.4, V6.5.1, V6.6.2, V6.8.1, V7.2.4, V7.4.2, V7.4.4;
RG-1, RG-2).
"""

from __future__ import annotations

import re

import pytest
from sqlalchemy import func, select

from auth.accounts import subject_for
from models import Account, Brand, Channel, OutboxMessage
from portal.sim.control import deliver_all_letters
from tests.security.conftest import FormClient, refusal_code

PASSWORD = "correct horse battery"


def newest_sms(db) -> str:
    db.expire_all()
    return (
        db.scalars(
            select(OutboxMessage)
            .where(OutboxMessage.channel == Channel.SMS)
            .order_by(OutboxMessage.id.desc())
        )
        .first()
        .code
    )


def test_v6_3_2_seeding_the_demo_creates_no_account(app, db, personas):
    """No default or demo account exists: every account is made by a registration."""
    assert db.scalar(select(func.count()).select_from(Account)) == 0


def register_louise(app, db) -> None:
    browser = app.test_client()
    FormClient(browser, "/pv/nl/register").post(
        data={"contract_number": "5436548", "birth_date": "1985-03-12"}
    )
    deliver_all_letters(db)  # a code works once its letter arrived (RG-6)
    db.commit()
    letter = db.scalars(
        select(OutboxMessage)
        .where(OutboxMessage.channel == Channel.LETTER)
        .order_by(OutboxMessage.id.desc())
    ).first()
    data = {
        "contract_number": "5436548",
        "code": letter.code,
        "email": "louise@example.be",
        "password": PASSWORD,
        "mobile": "0470123456",
    }
    assert FormClient(browser, "/pv/nl/register/activate").post(data=data).status_code == 302
    confirm = FormClient(browser, "/pv/nl/register/confirm")
    assert confirm.post(data={"code": newest_sms(db)}).status_code == 302


def start_login(app) -> FormClient:
    browser = app.test_client()
    form = FormClient(browser, "/pv/nl/login/password")
    assert form.post(data={"email": "louise@example.be", "password": PASSWORD}).status_code == 302
    sms = FormClient(browser, "/pv/nl/login/sms")
    sms.refresh()
    return sms


def test_v6_6_2_an_sms_code_works_only_for_its_own_login_attempt(app, db, personas, monday):
    register_louise(app, db)
    first = start_login(app)
    code_of_first = newest_sms(db)
    second = start_login(app)
    code_of_second = newest_sms(db)
    if code_of_first != code_of_second:
        assert refusal_code(second.post(data={"code": code_of_first})) == "sms_code_wrong"
    assert second.post(data={"code": code_of_second}).status_code == 302
    assert first.post(data={"code": code_of_first}).status_code == 302


def test_v6_5_1_v7_2_4_an_sms_code_is_used_once_and_the_login_renews_the_session(
    app, db, personas, monday
):
    register_louise(app, db)
    sms = start_login(app)
    code = newest_sms(db)
    before = sms.client.get_cookie("mypv_session", path="/pv").value
    assert sms.post(data={"code": code}).status_code == 302
    after = sms.client.get_cookie("mypv_session", path="/pv").value
    assert after != before
    again = sms.post(data={"code": code})
    assert again.status_code in (302, 422)  # 422: the refused code form, shown again
    assert refusal_code(again) in (None, "attempt_unknown")
    assert refusal_code(sms.client.get("/pv/nl/login/sms")) == "attempt_unknown"


def test_v6_8_1_identities_are_namespaced_by_provider_and_brand():
    """An eID card and an itsme identity of the same person never share a subject, nor
    do the two brands (RG-1, BR-1)."""
    number = "90010112395"
    subjects = {
        subject_for("k", brand, provider, number)
        for brand in (Brand.PV, Brand.VIVIUM)
        for provider in ("eid", "itsme")
    }
    assert len(subjects) == 4


def test_v6_2_6_passwords_are_typed_in_password_fields(client):
    for path in ("/pv/nl/register/activate", "/vivium/fr/login/password"):
        html = client.get(path).get_data(as_text=True)
        assert re.search(r'<input[^>]*type="password"[^>]*name="password"', html) or re.search(
            r'<input[^>]*name="password"[^>]*type="password"', html
        ), path


#: The ways in (V6.1.3, V6.3.4): every route of the authentication blueprints. A new one
#: fails this test until SECURITY.md ("Ways in") and this list are updated together.
WAYS_IN = {
    "auth.complete_identity",
    "auth.logout",
    "auth.report_problem",
    "eid.pin",
    "eid.reader",
    "itsme.callback",
    "itsme.login",
    "itsme.start",
    "password.activate",
    "password.confirm_mobile",
    "password.login",
    "password.login_sms",
    "password.new_code",
    "password.register",
    "password.resend",
}


def test_v6_3_4_there_is_no_undocumented_way_in(app):
    endpoints = {
        rule.endpoint
        for rule in app.url_map.iter_rules()
        if rule.endpoint.split(".")[0] in ("auth", "password", "itsme", "eid")
    }
    assert endpoints == WAYS_IN


def test_v7_4_2_deleting_an_account_ends_its_sessions(client, db, personas, person_named, login):
    account = login(person_named("Louise"), Brand.PV)
    assert 'data-testid="welcome"' in client.get("/pv/nl/").get_data(as_text=True)
    db.delete(account)
    db.commit()
    assert 'data-testid="landing-title"' in client.get("/pv/nl/").get_data(as_text=True)


@pytest.mark.parametrize(
    "path",
    ["/pv/nl/", "/pv/nl/documents", "/pv/nl/profile", "/pv/nl/help", "/pv/nl/contracts/missing"],
)
def test_v7_4_4_every_page_of_a_logged_in_customer_has_the_logout_button(
    client, personas, person_named, login, path
):
    login(person_named("Louise"), Brand.PV)
    assert 'data-testid="logout"' in client.get(path).get_data(as_text=True)
