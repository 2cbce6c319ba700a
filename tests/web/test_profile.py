"""My details: contact changes in the portal (PD-1, PD-2, RG-7)."""

from __future__ import annotations

import re
from datetime import datetime

from sqlalchemy import select

from models import Account, Brand, Channel, ContactChange, Contract, OutboxMessage

NOW = datetime(2026, 11, 23, 15, 0)


def refusal(response):
    match = re.search(
        r'data-testid="refusal" data-code="([a-z_]+)"', response.get_data(as_text=True)
    )
    return match.group(1) if match else None


def test_pd1_an_address_change_shows_at_once_but_leaves_contract_addresses_alone(
    client, submit, db, freeze, personas, person_named, login
):
    freeze(NOW)
    sofie = person_named("Sofie")
    login(sofie, Brand.PV, email="sofie@example.be")
    data = {
        "address-street": "Bondgenotenlaan",
        "address-house_number": "5",
        "address-postcode": "3000",
        "address-city": "Leuven",
    }
    response = submit("/pv/nl/profile", data, action="/pv/nl/profile/address")
    assert response.status_code == 302
    page = client.get("/pv/nl/profile").get_data(as_text=True)
    assert "Bondgenotenlaan 5, 3000 Leuven" in page
    assert 'data-testid="contract-address-notice"' in page and "agent" in page
    fire = db.scalars(select(Contract).where(Contract.number == "2211004455")).one()
    assert fire.risk_address == "Naamsestraat 41, 3000 Leuven"
    change = db.scalars(select(ContactChange)).one()
    assert change.intermediary_sees_from == datetime(2026, 11, 24, 0, 0)


def test_pd2_vivium_says_the_broker_is_not_informed(
    client, submit, db, freeze, personas, person_named, login
):
    freeze(NOW)
    login(person_named("Marc"), Brand.VIVIUM)
    page = client.get("/vivium/fr/profile").get_data(as_text=True)
    assert "courtier" in page.split('data-testid="intermediary-update"')[1][:300]
    submit(
        "/vivium/fr/profile",
        {"email-email": "marc.new@example.be"},
        action="/vivium/fr/profile/email",
    )
    change = db.scalars(select(ContactChange)).one()
    assert change.intermediary_sees_from is None


def test_rg7_a_new_email_already_used_in_the_brand_is_refused(
    client, submit, db, freeze, personas, person_named, login
):
    freeze(NOW)
    login(person_named("Emma"), Brand.PV, email="taken@example.be")
    login(person_named("Louise"), Brand.PV, email="louise@example.be")
    response = submit(
        "/pv/nl/profile", {"email-email": "TAKEN@example.be"}, action="/pv/nl/profile/email"
    )
    assert refusal(response) == "email_already_used"
    assert db.scalars(select(Account.email).where(Account.email == "louise@example.be")).one()


def test_a_new_mobile_number_is_used_only_after_its_sms_code(
    client, submit, db, freeze, personas, person_named, login
):
    freeze(NOW)
    account = login(
        person_named("Louise"), Brand.PV, email="louise@example.be", mobile="+32470123456"
    )
    submit("/pv/nl/profile", {"mobile-mobile": "0499 11 22 33"}, action="/pv/nl/profile/mobile")
    db.expire_all()
    assert db.get(Account, account.id).mobile == "+32470123456"
    sms = db.scalars(select(OutboxMessage).where(OutboxMessage.channel == Channel.SMS)).one()
    assert sms.recipient == "+32499112233"
    response = submit(
        "/pv/nl/profile", {"code-code": sms.code}, action="/pv/nl/profile/mobile/confirm"
    )
    assert response.status_code == 302
    db.expire_all()
    assert db.get(Account, account.id).mobile == "+32499112233"


def test_bad_address_is_refused_with_a_message_in_the_page_language(
    client, submit, freeze, personas, person_named, login
):
    freeze(NOW)
    login(person_named("Louise"), Brand.PV)
    data = {
        "address-street": "Meir",
        "address-house_number": "1",
        "address-postcode": "ABCD",
        "address-city": "Antwerpen",
    }
    response = submit("/pv/nl/profile", data, action="/pv/nl/profile/address")
    assert refusal(response) == "invalid_address"
    assert "Controleer uw adres" in response.get_data(as_text=True)
