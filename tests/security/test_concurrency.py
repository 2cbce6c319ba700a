"""Races on the registration and login flows, on SQLite and (with TEST_DATABASE_URL) on
PostgreSQL (OWASP ASVS 5.0 V2.3.3, V2.3.2, V6.3.1, V6.5.1, V6.6.3, V15.4.2; rules RG-2,
RG-6, RG-7, RG-1).

Each simulated browser is its own Flask test client in its own thread; a barrier lets
them all go at once. Every loop is bounded in count (at most twenty threads) and time
(barrier and joins time out).

- Twenty people confirm their mobile at the same time with one email: one account
  (RG-7, settled by the unique constraint).
- Twenty browsers finish registrations of one person with one activation code: one
  account, the code consumed once (RG-6, V6.5.1).
- Twenty wrong SMS codes at once never count more than five tries, and the right code
  is then refused (RG-2, V6.6.3); likewise wrong activation codes and eID PINs.
- A database that refuses a write in the middle of a registration leaves no account,
  no consumed code, no consumed SMS code (V2.3.3), and the customer can finish later.
"""

from __future__ import annotations

import threading
from collections import Counter
from collections.abc import Callable
from dataclasses import replace
from datetime import date

import pytest
from sqlalchemy import event, select
from sqlalchemy.exc import OperationalError

from auth.sms import code_at
from models import (
    Account,
    ActivationCode,
    Brand,
    Channel,
    EidCard,
    OutboxMessage,
    PendingRegistration,
    Person,
    SmsChallenge,
)
from portal.sim.control import deliver_all_letters
from seed import build
from tests.security.conftest import FormClient, refusal_code, row_counts

THREADS = 20
TIMEOUT = 60
PASSWORD = "correct horse battery"


def in_parallel(calls: list[Callable[[], object]], timeout: float = TIMEOUT) -> list[object]:
    """Run the calls in as many threads, released together; results or exceptions."""
    barrier = threading.Barrier(len(calls), timeout=timeout)
    results: list[object] = [None] * len(calls)

    def run(index: int, call: Callable[[], object]) -> None:
        try:
            barrier.wait()
            results[index] = call()
        except BaseException as exc:  # reported by the test, never lost in a thread
            results[index] = exc

    threads = [
        threading.Thread(target=run, args=(i, call), daemon=True) for i, call in enumerate(calls)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout)
    assert not any(thread.is_alive() for thread in threads), "a request never finished"
    for result in results:
        if isinstance(result, BaseException):
            raise result
    return results


def outcomes(responses) -> Counter:
    """How many of each answer: 302, or the refusal code shown."""
    return Counter(
        "302" if r.status_code == 302 else (refusal_code(r) or str(r.status_code))
        for r in responses
    )


def sms_code_to(db, mobile_e164: str) -> str:
    db.expire_all()
    return (
        db.scalars(
            select(OutboxMessage)
            .where(OutboxMessage.channel == Channel.SMS, OutboxMessage.recipient == mobile_e164)
            .order_by(OutboxMessage.id.desc())
        )
        .first()
        .code
    )


def letter_code(db, contract_number: str) -> str:
    """The code of the newest letter about that contract, once the post delivered it."""
    deliver_all_letters(db)  # a code works once its letter arrived (RG-6)
    db.commit()
    db.expire_all()
    letters = db.scalars(
        select(OutboxMessage)
        .where(OutboxMessage.channel == Channel.LETTER)
        .order_by(OutboxMessage.id.desc())
    )
    return next(m.code for m in letters if contract_number in m.body)


class Browser:
    """One customer's browser going through the personal-data registration."""

    def __init__(self, app, base: str = "/pv/nl") -> None:
        self.client = app.test_client()
        self.base = base

    def letter(self, number: str, birth: str):
        form = FormClient(self.client, f"{self.base}/register")
        return form.post(data={"contract_number": number, "birth_date": birth})

    def activate(self, number: str, code: str, email: str, mobile: str):
        form = FormClient(self.client, f"{self.base}/register/activate")
        data = {
            "contract_number": number,
            "code": code,
            "email": email,
            "password": PASSWORD,
            "mobile": mobile,
        }
        return form.post(data=data)

    def sms_form(self, step: str = "register/confirm") -> FormClient:
        form = FormClient(self.client, f"{self.base}/{step}")
        form.refresh()
        return form


@pytest.fixture
def people(db, monday) -> list[tuple[str, str]]:
    """Twenty P&V customers, each with an active contract: (contract number, birth date)."""
    made = []
    for i in range(THREADS):
        birth = date(1970 + i, 1 + i % 12, 1 + i)
        person = build.add_person(db, birth_date=birth, first_name=f"Racer{i}")
        contract = build.add_contract(db, person, "car", brand=Brand.PV)
        made.append((contract, birth))
    db.commit()
    return [(c.number, b.isoformat()) for c, b in made]


def accounts(db) -> list[Account]:
    db.expire_all()
    return list(db.scalars(select(Account)))


# --- RG-7: one email, one account ---------------------------------------------------------------


def test_rg7_twenty_people_confirming_one_email_at_once_give_one_account(app, db, people):
    browsers, forms, codes = [], [], []
    for i, (number, birth) in enumerate(people):
        browser = Browser(app)
        assert 'data-testid="letter-sent"' in browser.letter(number, birth).get_data(as_text=True)
        mobile = f"0470 00 00 {i:02d}"
        response = browser.activate(number, letter_code(db, number), "shared@example.be", mobile)
        assert response.status_code == 302, refusal_code(response)
        browsers.append(browser)
        forms.append(browser.sms_form())
        codes.append(sms_code_to(db, f"+324700000{i:02d}"))

    responses = in_parallel(
        [lambda f=f, c=c: f.post(data={"code": c}) for f, c in zip(forms, codes, strict=True)]
    )

    assert all(r.status_code < 500 for r in responses)
    assert outcomes(responses) == Counter({"302": 1, "email_already_used": THREADS - 1})
    made = accounts(db)
    assert len(made) == 1 and made[0].email == "shared@example.be"
    used = db.scalars(select(ActivationCode).where(ActivationCode.used_at.is_not(None))).all()
    assert [c.person_id for c in used] == [made[0].person_id], "only the winner's code is used"
    assert len(db.scalars(select(PendingRegistration)).all()) == THREADS - 1


def test_rg6_twenty_registrations_of_one_person_with_one_code_give_one_account(
    app, db, personas, monday
):
    """Step 2 twenty times at once with the same letter's code (it is only checked
    there), then step 3 twenty times at once: one account, the code used once."""
    app.extensions["auth_settings"] = replace(  # twenty SMS to one person, on purpose
        app.extensions["auth_settings"], sms_per_account_day=THREADS, sms_per_mobile_day=THREADS
    )
    first = Browser(app)
    first.letter("5436548", "1985-03-12")
    code = letter_code(db, "5436548")
    browsers = [Browser(app) for _ in range(THREADS)]
    started = in_parallel(
        [
            lambda b=b, i=i: b.activate("5436548", code, f"louise{i}@example.be", "0470123456")
            for i, b in enumerate(browsers)
        ]
    )
    assert all(r.status_code == 302 for r in started), outcomes(started)
    db.expire_all()
    challenges = db.scalars(select(SmsChallenge).order_by(SmsChallenge.id)).all()
    assert len(challenges) == THREADS
    forms = [b.sms_form() for b in browsers]
    secrets = {p.id: p.otp_secret for p in db.scalars(select(PendingRegistration))}
    code_of = {c.attempt_token: code_at(secrets[c.pending_id], c.counter) for c in challenges}
    tokens = []
    for browser in browsers:
        with browser.client.session_transaction("/pv/") as session:
            tokens.append(session["sms_attempt"]["token"])

    responses = in_parallel(
        [
            lambda f=f, t=t: f.post(data={"code": code_of[t]})
            for f, t in zip(forms, tokens, strict=True)
        ]
    )

    assert all(r.status_code < 500 for r in responses)
    assert outcomes(responses) == Counter({"302": 1, "activation_code_used": THREADS - 1})
    assert len(accounts(db)) == 1
    activation = db.scalars(select(ActivationCode)).one()
    assert activation.used_at is not None


# --- RG-2: attempt limits under fire ---------------------------------------------------------------


@pytest.fixture
def registered_louise(app, db, personas, monday) -> Browser:
    browser = Browser(app)
    browser.letter("5436548", "1985-03-12")
    assert (
        browser.activate(
            "5436548", letter_code(db, "5436548"), "louise@example.be", "0470123456"
        ).status_code
        == 302
    )
    confirm = browser.sms_form()
    assert confirm.post(data={"code": sms_code_to(db, "+32470123456")}).status_code == 302
    return browser


def test_rg2_twenty_wrong_sms_codes_at_once_count_five_tries_at_most(app, db, registered_louise):
    login = Browser(app)
    form = FormClient(login.client, "/pv/nl/login/password")
    assert form.post(data={"email": "louise@example.be", "password": PASSWORD}).status_code == 302
    right = sms_code_to(db, "+32470123456")
    wrong = "000000" if right != "000000" else "111111"
    cookie = login.client.get_cookie("mypv_session", path="/pv").value
    forms = []
    for _ in range(THREADS):
        browser = Browser(app)
        browser.client.set_cookie("mypv_session", cookie, path="/pv")  # the same attempt
        forms.append(browser.sms_form("login/sms"))

    responses = in_parallel([lambda f=f: f.post(data={"code": wrong}) for f in forms])

    assert all(r.status_code < 500 for r in responses)
    seen = outcomes(responses)
    assert set(seen) <= {"sms_code_wrong", "sms_code_blocked"} and seen["sms_code_wrong"] <= 4
    db.expire_all()
    challenge = db.scalars(select(SmsChallenge).where(SmsChallenge.purpose == "login")).one()
    assert challenge.failed_attempts == 5 and challenge.used_at is None
    assert refusal_code(forms[0].post(data={"code": right})) == "sms_code_blocked"
    assert db.scalar(select(Account.id)) is not None and row_counts(app)["portal_session"] == 1


def test_rg6_twenty_wrong_activation_codes_at_once_block_the_code(app, db, personas, monday):
    first = Browser(app)
    first.letter("5436548", "1985-03-12")
    right = letter_code(db, "5436548")
    browsers = [Browser(app) for _ in range(THREADS)]
    forms = [FormClient(b.client, "/pv/nl/register/activate") for b in browsers]
    for form in forms:
        form.refresh()
    data = {
        "contract_number": "5436548",
        "code": "ZZZZ-ZZZZ",
        "email": "l@example.be",
        "password": PASSWORD,
        "mobile": "0470123456",
    }

    responses = in_parallel([lambda f=f: f.post(data=data) for f in forms])

    assert all(r.status_code < 500 for r in responses)
    assert set(outcomes(responses)) <= {"activation_code_wrong", "activation_code_blocked"}
    response = forms[0].post(data={**data, "code": right})
    assert refusal_code(response) == "activation_code_blocked"
    assert row_counts(app)["pending_registration"] == 0


def test_rg6_a_right_code_read_before_parallel_wrong_tries_is_refused_once_blocked(
    app, db, personas, monday, monkeypatch
):
    """The five-try limit holds even for a request that read the code before the fifth
    wrong try was counted (V6.3.1, V15.4.2: check and use in one atomic step; BUG-5)."""
    import sys

    from auth import registration

    checks = sys.modules[registration.matching_code.__module__]  # auth.activation today
    first = Browser(app)
    first.letter("5436548", "1985-03-12")
    right = letter_code(db, "5436548")
    original = checks.activation_code_state
    reached, release = threading.Event(), threading.Event()

    def paused(code, now, max_attempts):
        reached.set()
        release.wait(TIMEOUT)
        return original(code, now, max_attempts)

    monkeypatch.setattr(checks, "activation_code_state", paused)
    holder = Browser(app)
    holder_form = FormClient(holder.client, "/pv/nl/register/activate")
    holder_form.refresh()
    data = {
        "contract_number": "5436548",
        "email": "l@example.be",
        "password": PASSWORD,
        "mobile": "0470123456",
    }
    result: dict = {}
    thread = threading.Thread(
        target=lambda: result.setdefault("r", holder_form.post(data={**data, "code": right})),
        daemon=True,
    )
    thread.start()
    assert reached.wait(TIMEOUT), "the right code never reached its check"
    attacker = FormClient(Browser(app).client, "/pv/nl/register/activate")
    wrong = [refusal_code(attacker.post(data={**data, "code": "ZZZZ-ZZZZ"})) for _ in range(5)]
    assert wrong[-1] == "activation_code_blocked"
    release.set()
    thread.join(TIMEOUT)
    assert not thread.is_alive()
    assert refusal_code(result["r"]) == "activation_code_blocked"
    assert row_counts(app)["pending_registration"] == 0


def test_rg1_parallel_wrong_pins_block_the_card_after_three(app, db, personas):
    louise = db.scalars(select(Person).where(Person.first_name == "Louise")).first()
    number = louise.national_number
    forms = []
    for _ in range(10):
        form = FormClient(Browser(app).client, f"/pv/nl/login/eid/pin?card={number}")
        form.refresh()
        forms.append(form)

    responses = in_parallel(
        [lambda f=f: f.post("/pv/nl/login/eid/pin", {"card": number, "pin": "0000"}) for f in forms]
    )

    assert all(r.status_code < 500 for r in responses)
    assert outcomes(responses)["eid_wrong_pin"] == 2
    db.expire_all()
    card = db.get(EidCard, number)
    assert card.blocked and card.wrong_pins == 3
    right = forms[0].post("/pv/nl/login/eid/pin", {"card": number, "pin": "1234"})
    assert right.status_code == 200 and refusal_code(right) == "eid_card_blocked"


# --- V2.3.3: a write refused in the middle of a registration -------------------------------------------


class RefusedInserts:
    """The database refuses INSERTs of chosen models (a listener raising the way a full
    disk would) until `allow()`."""

    def __init__(self) -> None:
        self.installed: list = []

    def refuse(self, model) -> None:
        def fail(_mapper, _connection, _target) -> None:
            raise OperationalError("INSERT", {}, Exception("disk full (simulated)"))

        event.listen(model, "before_insert", fail)
        self.installed.append((model, fail))

    def allow(self) -> None:
        while self.installed:
            model, fail = self.installed.pop()
            event.remove(model, "before_insert", fail)


@pytest.fixture
def database_refuses():
    refusals = RefusedInserts()
    yield refusals
    refusals.allow()


@pytest.mark.parametrize("refused", [Account, OutboxMessage], ids=["account", "welcome_email"])
def test_a_refused_write_at_the_last_step_leaves_nothing_half_done(
    app, db, personas, monday, database_refuses, refused
):
    """V2.3.3: the SMS step either creates the account, consumes the activation code
    and the SMS code and sends the welcome email, or does none of it."""
    browser = Browser(app)
    browser.letter("5436548", "1985-03-12")
    code = letter_code(db, "5436548")
    assert browser.activate("5436548", code, "louise@example.be", "0470123456").status_code == 302
    sms = sms_code_to(db, "+32470123456")
    form = browser.sms_form()
    before = row_counts(app)

    database_refuses.refuse(refused)
    response = form.post(data={"code": sms})

    page = response.get_data(as_text=True)
    assert response.status_code == 500 and 'data-testid="error-page"' in page
    assert '<html lang="nl">' in page and "Traceback" not in page
    assert row_counts(app) == before, "the failed step wrote something"
    db.expire_all()
    assert db.scalars(select(ActivationCode)).one().used_at is None
    assert db.scalars(select(SmsChallenge)).one().used_at is None
    database_refuses.allow()
    assert form.post(data={"code": sms}).status_code == 302, "the customer can finish later"
    assert len(accounts(db)) == 1


def test_a_refused_letter_keeps_the_previous_code_valid(
    app, db, personas, monday, database_refuses
):
    """V2.3.3, RG-6: a new letter voids the previous code only if it is itself stored."""
    browser = Browser(app)
    browser.letter("5436548", "1985-03-12")
    first = letter_code(db, "5436548")
    before = row_counts(app)

    database_refuses.refuse(ActivationCode)
    response = browser.letter("5436548", "1985-03-12")

    assert response.status_code == 500
    assert row_counts(app) == before
    db.expire_all()
    code = db.scalars(select(ActivationCode)).one()
    assert code.voided_at is None and code.used_at is None
    database_refuses.allow()
    response = browser.activate("5436548", first, "louise@example.be", "0470123456")
    assert response.status_code == 302, "the first letter's code still works"
