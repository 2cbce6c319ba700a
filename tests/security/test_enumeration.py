"""No user enumeration (OWASP ASVS 5.0 V6.3.8, V6.1.1; rules RG-2, RG-6, RG-7).

- Login: an unknown email and a wrong password give the same status, the same page and
  about the same time (both pay for one scrypt check).
- "Send me a new code": the same page, status and about the same time whether or not
  the contract and birth date belong to someone (RG-6).
- Registration step 2 tells that an email is already used (RG-7) only once the
  activation code has proved who is registering; the identity completion page only
  after itsme or the eID card did.

Timing is compared on medians of interleaved tries, with a generous bound: the point is
to catch a path that skips the password hash (tens of milliseconds), not jitter.
"""

from __future__ import annotations

import re
import statistics
import time

import pytest
from sqlalchemy import select

from models import Brand, Channel, OutboxMessage
from tests.security.conftest import FormClient, refusal_code

PASSWORD = "correct horse battery"
TRIES = 7


def comparable(html: str, *typed: str) -> str:
    """The page without what differs by construction: the CSRF token, the typed values."""
    html = re.sub(r'name="csrf_token" type="hidden" value="[^"]+"', "", html)
    for value in typed:
        html = html.replace(value, "TYPED")
    return html


def timed(call) -> tuple[float, object]:
    start = time.perf_counter()
    result = call()
    return time.perf_counter() - start, result


def medians(first, second, tries: int = TRIES) -> tuple[float, float, list, list]:
    """Interleaved tries of two calls: their median durations and their answers."""
    times_a, times_b, answers_a, answers_b = [], [], [], []
    for _ in range(tries):  # bounded: 2 x TRIES requests
        t, r = timed(first)
        times_a.append(t)
        answers_a.append(r)
        t, r = timed(second)
        times_b.append(t)
        answers_b.append(r)
    return statistics.median(times_a), statistics.median(times_b), answers_a, answers_b


def close_enough(a: float, b: float) -> bool:
    """Generous: within 50 ms or within 60 % of the slower one."""
    return abs(a - b) <= max(0.05, 0.6 * max(a, b))


def newest_code(db, channel: Channel) -> str:
    if channel == Channel.LETTER:  # a code works once its letter arrived (RG-6)
        from portal.sim.control import deliver_all_letters

        deliver_all_letters(db)
        db.commit()
    db.expire_all()
    return (
        db.scalars(
            select(OutboxMessage)
            .where(OutboxMessage.channel == channel)
            .order_by(OutboxMessage.id.desc())
        )
        .first()
        .code
    )


@pytest.fixture
def louise_registered(client, db, personas, monday):
    """Louise has a MyP&V account (louise@example.be), registered through the flow."""
    FormClient(client, "/pv/nl/register").post(
        data={"contract_number": "5436548", "birth_date": "1985-03-12"}
    )
    data = {
        "contract_number": "5436548",
        "code": newest_code(db, Channel.LETTER),
        "email": "louise@example.be",
        "password": PASSWORD,
        "mobile": "0470123456",
    }
    assert FormClient(client, "/pv/nl/register/activate").post(data=data).status_code == 302
    confirm = FormClient(client, "/pv/nl/register/confirm")
    assert confirm.post(data={"code": newest_code(db, Channel.SMS)}).status_code == 302
    client.delete_cookie("mypv_session", path="/pv")


def test_v6_3_8_unknown_email_and_wrong_password_look_and_last_the_same(app, louise_registered):
    form = FormClient(app.test_client(), "/pv/nl/login/password")
    unknown = {"email": "nobody@example.be", "password": PASSWORD}
    wrong = {"email": "louise@example.be", "password": "wrong password, long enough"}
    form.post(data=unknown)  # warm-up: first request compiles templates

    t_unknown, t_wrong, a_unknown, a_wrong = medians(
        lambda: form.post(data=unknown), lambda: form.post(data=wrong)
    )

    codes = {refusal_code(r) for r in a_unknown + a_wrong}
    assert codes == {"invalid_credentials"}
    assert {r.status_code for r in a_unknown + a_wrong} == {422}  # the refused form
    page_unknown = comparable(a_unknown[0].get_data(as_text=True), "nobody@example.be")
    page_wrong = comparable(a_wrong[0].get_data(as_text=True), "louise@example.be")
    assert page_unknown == page_wrong
    assert close_enough(t_unknown, t_wrong), (t_unknown, t_wrong)


def test_v6_3_8_an_email_without_a_password_account_looks_unknown(
    app, db, personas, person_named, login
):
    """An itsme or eID account has no password: the same refusal as a stranger."""
    login(person_named("Marc"), Brand.VIVIUM, email="marc@example.be")
    form = FormClient(app.test_client(), "/vivium/fr/login/password")
    itsme_only = form.post(data={"email": "marc@example.be", "password": PASSWORD})
    stranger = form.post(data={"email": "nobody@example.be", "password": PASSWORD})
    assert refusal_code(itsme_only) == refusal_code(stranger) == "invalid_credentials"
    assert comparable(itsme_only.get_data(as_text=True), "marc@example.be") == comparable(
        stranger.get_data(as_text=True), "nobody@example.be"
    )


def test_v6_3_8_rg6_new_code_answers_the_same_for_a_real_and_an_invented_contract(
    app, personas, monday
):
    form = FormClient(app.test_client(), "/pv/fr/register/new-code")
    real = {"contract_number": "5436548", "birth_date": "1985-03-12"}
    invented = {"contract_number": "5436549", "birth_date": "1985-03-12"}
    form.post(data=invented)  # warm-up

    t_real, t_invented, a_real, a_invented = medians(
        lambda: form.post(data=real), lambda: form.post(data=invented), tries=5
    )

    assert {r.status_code for r in a_real + a_invented} == {200}
    assert comparable(a_real[0].get_data(as_text=True)) == comparable(
        a_invented[0].get_data(as_text=True)
    )
    assert abs(t_real - t_invented) < 0.25, (t_real, t_invented)


@pytest.fixture
def jean_pierre_letter(client, db, louise_registered):
    """Jean-Pierre (MyP&V) asked for his letter; Louise already uses louise@example.be."""
    form = FormClient(client, "/pv/nl/register")
    form.post(data={"contract_number": "111000171363", "birth_date": "1963-11-27"})
    return newest_code(db, Channel.LETTER)


@pytest.mark.parametrize(
    ("contract", "code", "expected"),
    [
        ("111000171363", "ZZZZ-ZZZZ", "activation_code_wrong"),
        ("999999999", "ZZZZ-ZZZZ", "activation_code_wrong"),
        ("111000171363", "LETTER", "email_already_used"),
    ],
    ids=["wrong-code", "unknown-contract", "proven-by-the-letter"],
)
def test_v6_3_8_rg7_a_used_email_is_told_only_after_the_letter_s_code(
    client, jean_pierre_letter, contract, code, expected
):
    form = FormClient(client, "/pv/nl/register/activate")
    data = {
        "contract_number": contract,
        "code": jean_pierre_letter if code == "LETTER" else code,
        "email": "louise@example.be",
        "password": PASSWORD,
        "mobile": "0470999999",
    }
    assert refusal_code(form.post(data=data)) == expected


def test_v6_3_8_rg7_identity_completion_tells_nothing_without_a_proven_identity(
    client, louise_registered
):
    """Without itsme or the eID card having proved an identity, the page is only the
    "attempt unknown" refusal, whatever email is typed."""
    form = FormClient(client, "/pv/nl/register")
    form.refresh()
    response = client.post(
        "/pv/nl/register/identity",
        data={"csrf_token": form.token, "email": "louise@example.be", "consent": "y"},
    )
    assert refusal_code(response) == "attempt_unknown"
    assert "email_already_used" not in response.get_data(as_text=True)


def test_v6_3_8_the_sms_page_of_someone_else_s_attempt_shows_nothing(app, louise_registered):
    """The SMS step is bound to the browser that typed the password (V6.6.2): another
    browser gets "attempt unknown" and no masked number."""
    stranger = app.test_client()
    response = stranger.get("/pv/nl/login/sms")
    assert refusal_code(response) == "attempt_unknown"
    assert "••" not in response.get_data(as_text=True)
