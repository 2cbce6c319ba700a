"""Registration with personal data and login with an SMS code (RG-1, RG-2, RG-5, RG-6,
RG-7, BR-1), read through the outbox as a tester would."""

from __future__ import annotations

import re
from datetime import datetime, timedelta

import pytest
from sqlalchemy import select

from models import Account, ActivationCode, Channel, OutboxMessage
from models.sim import advance_clock
from portal.sim.control import deliver_all_letters

MONDAY = datetime(2026, 11, 23, 9, 0)
PASSWORD = "correct horse battery"


def refusal(response) -> str | None:
    match = re.search(
        r'data-testid="refusal" data-code="([a-z_]+)"', response.get_data(as_text=True)
    )
    return match.group(1) if match else None


def last_message(db, channel: Channel, kind: str | None = None) -> OutboxMessage:
    db.expire_all()
    query = select(OutboxMessage).where(OutboxMessage.channel == channel)
    if kind:
        query = query.where(OutboxMessage.kind == kind)
    return db.scalars(query.order_by(OutboxMessage.id.desc())).first()


def received_code(db) -> str:
    """The code of the newest letter, once the post has delivered every letter in transit
    (the console's "deliver all letters now"): a code works only once its letter has
    arrived (RG-6)."""
    deliver_all_letters(db)
    db.commit()
    return last_message(db, Channel.LETTER).code


@pytest.fixture
def flow(submit, db, freeze, personas):
    """Helpers that walk the personal-data registration of one brand space."""
    freeze(MONDAY)

    class Flow:
        def letter(self, base, number, birth):
            return submit(f"{base}/register", {"contract_number": number, "birth_date": birth})

        def activate(
            self,
            base,
            number,
            code,
            email="louise@example.be",
            mobile="0470 12 34 56",
            password=PASSWORD,
        ):
            data = {
                "contract_number": number,
                "code": code,
                "email": email,
                "password": password,
                "mobile": mobile,
            }
            return submit(f"{base}/register/activate", data)

        def sms(self, base, code, step="register/confirm"):
            return submit(f"{base}/{step}", {"code": code})

        def register(self, base, number, birth, email="louise@example.be"):
            assert refusal(self.letter(base, number, birth)) is None
            code = received_code(db)
            response = self.activate(base, number, code, email=email)
            assert response.status_code == 302, refusal(response)
            return self.sms(base, last_message(db, Channel.SMS).code)

    return Flow()


def test_rg1_a_letter_with_the_activation_code_is_posted_and_delivered_two_business_days_later(
    flow, db
):
    response = flow.letter("/pv/nl", "5436548", "1985-03-12")
    assert 'data-testid="letter-sent"' in response.get_data(as_text=True)
    letter = last_message(db, Channel.LETTER, "activation_letter")
    assert letter.recipient == "Louise Peeters, Kerkstraat 12, 2000 Antwerpen"
    assert re.fullmatch(r"[A-HJ-NP-Z2-9]{4}-[A-HJ-NP-Z2-9]{4}", letter.code)
    assert letter.code in letter.body and "5436548" in letter.body
    assert letter.language.value == "nl" and "activeringscode" in letter.body
    assert letter.deliver_at == datetime(2026, 11, 25, 8, 0)
    assert not letter.delivered(MONDAY)
    stored = db.scalars(select(ActivationCode)).one()
    assert letter.code.replace("-", "") not in stored.code_hash


@pytest.mark.parametrize(
    ("number", "birth", "code"),
    [
        ("0000000", "1985-03-12", "contract_not_found"),
        ("4011009001", "1990-06-15", "contract_other_brand"),
        ("5436548", "1985-03-13", "data_mismatch"),
        ("111000200001", "1995-12-18", "contract_ended"),
    ],
)
def test_rg5_step1_refusals_each_have_their_message_and_send_no_letter(
    flow, db, number, birth, code
):
    response = flow.letter("/pv/nl", number, birth)
    assert refusal(response) == code
    assert 'data-testid="support-box"' in response.get_data(as_text=True)
    assert last_message(db, Channel.LETTER) is None


def test_rg5_a_policyholder_recorded_twice_is_refused_with_the_report_form(flow, db):
    response = flow.letter("/vivium/fr", "4011005500", "1981-02-22")
    html = response.get_data(as_text=True)
    assert refusal(response) == "person_duplicated"
    assert "myvivium@vivium.be" in html and "02 406 87 08" in html
    assert 'data-testid="report-form"' in html
    assert last_message(db, Channel.LETTER) is None


def test_br1_a_contract_of_the_other_brand_points_to_the_other_portal(flow):
    response = flow.letter("/vivium/nl", "5436548", "1985-03-12")
    assert refusal(response) == "contract_other_brand"
    assert 'href="/pv/nl/"' in response.get_data(as_text=True)


def test_rg1_rg2_full_registration_then_logout_and_login_with_an_sms_code(flow, client, db):
    response = flow.register("/pv/nl", "5436548", "1985-03-12")
    assert response.status_code == 302 and response.headers["Location"] == "/pv/nl/"
    assert "Welkom, Louise" in client.get("/pv/nl/").get_data(as_text=True)
    account = db.scalars(select(Account)).one()
    assert account.email == "louise@example.be" and account.mobile == "+32470123456"
    assert account.digital_consent_at == MONDAY and account.password_hash.startswith("scrypt")
    welcome = last_message(db, Channel.EMAIL, "welcome_email")
    assert welcome.recipient == "louise@example.be"
    home = client.get("/pv/nl/").get_data(as_text=True)
    token = re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', home).group(1)
    assert client.post("/pv/nl/logout", data={"csrf_token": token}).status_code == 302
    assert 'data-testid="landing-title"' in client.get("/pv/nl/").get_data(as_text=True)
    assert refusal(client.get("/pv/nl/login/sms")) == "attempt_unknown"


def test_rg2_login_needs_the_password_then_the_sms_code_of_that_attempt(flow, submit, client, db):
    flow.register("/vivium/fr", "4011002345", "1972-09-10", email="marc@example.be")
    client.delete_cookie("myvivium_session", path="/vivium")
    response = submit(
        "/vivium/fr/login/password", {"email": " Marc@Example.be ", "password": PASSWORD}
    )
    assert response.headers["Location"] == "/vivium/fr/login/sms"
    sms = last_message(db, Channel.SMS, "login_sms")
    assert re.fullmatch(r"\d{6}", sms.code) and sms.recipient == "+32470123456"
    assert "Bienvenue, Marc" in client.get(
        flow.sms("/vivium/fr", sms.code, "login/sms").headers["Location"]
    ).get_data(as_text=True)


def test_rg2_unknown_email_and_wrong_password_get_the_same_refusal(flow, submit, client):
    flow.register("/pv/nl", "5436548", "1985-03-12")
    client.delete_cookie("mypv_session", path="/pv")
    unknown = submit("/pv/nl/login/password", {"email": "nobody@example.be", "password": PASSWORD})
    wrong = submit(
        "/pv/nl/login/password", {"email": "louise@example.be", "password": "wrong password!"}
    )
    assert refusal(unknown) == refusal(wrong) == "invalid_credentials"
    assert unknown.status_code == wrong.status_code

    def text(response):
        html = response.get_data(as_text=True)
        return re.search(r'data-testid="refusal-text">([^<]+)<', html).group(1)

    assert text(unknown) == text(wrong)


def test_rg2_an_sms_code_expires_after_ten_minutes(flow, submit, client, db):
    flow.register("/pv/nl", "5436548", "1985-03-12")
    client.delete_cookie("mypv_session", path="/pv")
    submit("/pv/nl/login/password", {"email": "louise@example.be", "password": PASSWORD})
    code = last_message(db, Channel.SMS, "login_sms").code
    advance_clock(db, timedelta(minutes=10))
    db.commit()
    assert refusal(flow.sms("/pv/nl", code, "login/sms")) == "sms_code_expired"


def test_rg2_five_wrong_sms_codes_block_the_attempt_even_for_the_right_code(
    flow, submit, client, db
):
    flow.register("/pv/nl", "5436548", "1985-03-12")
    client.delete_cookie("mypv_session", path="/pv")
    submit("/pv/nl/login/password", {"email": "louise@example.be", "password": PASSWORD})
    code = last_message(db, Channel.SMS, "login_sms").code
    wrong = "111111" if code != "111111" else "222222"
    outcomes = [refusal(flow.sms("/pv/nl", wrong, "login/sms")) for _ in range(5)]
    assert outcomes == ["sms_code_wrong"] * 4 + ["sms_code_blocked"]
    assert refusal(flow.sms("/pv/nl", code, "login/sms")) == "sms_code_blocked"


def test_rg2_a_resent_code_replaces_the_previous_one_after_the_cooldown(flow, submit, client, db):
    flow.register("/pv/nl", "5436548", "1985-03-12")
    client.delete_cookie("mypv_session", path="/pv")
    submit("/pv/nl/login/password", {"email": "louise@example.be", "password": PASSWORD})
    first = last_message(db, Channel.SMS, "login_sms").code
    too_soon = submit("/pv/nl/login/sms", {}, action="/pv/nl/sms/resend/login")
    assert refusal(too_soon) == "sms_resend_too_soon"
    advance_clock(db, timedelta(seconds=61))
    db.commit()
    resent = submit("/pv/nl/login/sms", {}, action="/pv/nl/sms/resend/login")
    assert 'data-testid="sms-resent"' in resent.get_data(as_text=True)
    second = last_message(db, Channel.SMS, "login_sms").code
    if first != second:
        assert refusal(flow.sms("/pv/nl", first, "login/sms")) == "sms_code_wrong"
    assert flow.sms("/pv/nl", second, "login/sms").status_code == 302


def test_rg6_a_new_code_voids_the_previous_one(flow, submit, db):
    flow.letter("/pv/nl", "5436548", "1985-03-12")
    old = received_code(db)
    response = submit(
        "/pv/nl/register/new-code", {"contract_number": "5436548", "birth_date": "1985-03-12"}
    )
    assert 'data-testid="new-code-sent"' in response.get_data(as_text=True)
    new = received_code(db)
    assert refusal(flow.activate("/pv/nl", "5436548", old)) == "activation_code_replaced"
    assert flow.activate("/pv/nl", "5436548", new).status_code == 302


def test_rg6_asking_a_new_code_says_the_same_whether_or_not_the_contract_exists(
    submit, db, personas
):
    known = submit(
        "/pv/fr/register/new-code", {"contract_number": "5436548", "birth_date": "1985-03-12"}
    )
    unknown = submit(
        "/pv/fr/register/new-code", {"contract_number": "999", "birth_date": "1985-03-12"}
    )

    def body(response):
        html = response.get_data(as_text=True)
        return re.search(r'data-testid="new-code-sent">(.*?)</section>', html, re.S).group(1)

    assert known.status_code == unknown.status_code == 200
    assert body(known) == body(unknown)


def test_rg6_the_activation_code_expires_after_30_days(flow, db):
    flow.letter("/pv/nl", "5436548", "1985-03-12")
    code = received_code(db)
    advance_clock(db, timedelta(days=30))
    db.commit()
    response = flow.activate("/pv/nl", "5436548", code)
    assert refusal(response) == "activation_code_expired"
    assert 'data-testid="refusal-new-code"' in response.get_data(as_text=True)


def test_rg6_five_wrong_activation_codes_block_the_code(flow, db):
    flow.letter("/pv/nl", "5436548", "1985-03-12")
    code = received_code(db)
    outcomes = [refusal(flow.activate("/pv/nl", "5436548", "ZZZZ-ZZZZ")) for _ in range(5)]
    assert outcomes == ["activation_code_wrong"] * 4 + ["activation_code_blocked"]
    assert refusal(flow.activate("/pv/nl", "5436548", code)) == "activation_code_blocked"


def test_rg7_an_email_already_used_in_this_brand_is_refused_with_the_faq_message(flow, client, db):
    flow.register("/pv/nl", "5436548", "1985-03-12", email="family@example.be")
    client.delete_cookie("mypv_session", path="/pv")
    flow.letter("/pv/nl", "111000171363", "1963-11-27")
    code = received_code(db)
    response = flow.activate("/pv/nl", "111000171363", code, email="FAMILY@example.be ")
    assert refusal(response) == "email_already_used"
    html = response.get_data(as_text=True)
    assert "mypv@pv.be" in html and "02 250 87 09" in html


def test_rg7_the_same_email_may_open_an_account_in_the_other_brand(flow, client, db):
    flow.register("/pv/nl", "2211004455", "1990-06-15", email="sofie@example.be")
    response = flow.register("/vivium/nl", "4011009001", "1990-06-15", email="sofie@example.be")
    assert response.status_code == 302
    assert len(db.scalars(select(Account)).all()) == 2


def test_rg1_a_customer_already_registered_is_told_to_log_in(flow, client):
    flow.register("/pv/nl", "5436548", "1985-03-12")
    assert refusal(flow.letter("/pv/nl", "3654654", "1985-03-12")) == "already_registered"


@pytest.mark.parametrize(
    ("field", "value", "code"),
    [
        ("email", "not-an-address", "invalid_email"),
        ("mobile", "02 123 45 67", "invalid_mobile"),
        ("password", "short", "weak_password"),
    ],
)
def test_step2_bad_details_are_refused_without_using_the_code(flow, db, field, value, code):
    flow.letter("/pv/nl", "5436548", "1985-03-12")
    letter_code = received_code(db)
    response = flow.activate("/pv/nl", "5436548", letter_code, **{field: value})
    assert refusal(response) == code
    assert flow.activate("/pv/nl", "5436548", letter_code).status_code == 302


def test_rg2_the_mobile_is_confirmed_before_the_account_exists(flow, db):
    flow.letter("/pv/nl", "5436548", "1985-03-12")
    flow.activate("/pv/nl", "5436548", received_code(db))
    assert db.scalars(select(Account)).all() == []
    sms = last_message(db, Channel.SMS, "mobile_sms")
    assert sms.recipient == "+32470123456"
    assert (
        refusal(flow.sms("/pv/nl", "000000" if sms.code != "000000" else "111111"))
        == "sms_code_wrong"
    )
    assert db.scalars(select(Account)).all() == []


def test_rg2_after_a_resend_the_code_form_still_posts_to_the_login_step(flow, submit, client, db):
    flow.register("/pv/nl", "5436548", "1985-03-12")
    client.delete_cookie("mypv_session", path="/pv")
    submit("/pv/nl/login/password", {"email": "louise@example.be", "password": PASSWORD})
    advance_clock(db, timedelta(seconds=61))
    db.commit()
    page = submit("/pv/nl/login/sms", {}, action="/pv/nl/sms/resend/login").get_data(as_text=True)
    form = re.search(r'<form method="post" action="([^"]+)"[^>]*data-testid="sms-form"', page)
    assert form and form.group(1) == "/pv/nl/login/sms"
