"""Property-based tests of every form of both portals, the eID reader and the itsme stub
(OWASP ASVS 5.0 V1.2.1, V2.2.1, V2.2.2, V2.3.3, V16.5.1; rules RG-1, RG-2, RG-5, RG-6,
RG-7, PD-1).

Each example posts hostile or valid input to one form and checks the same outcome:

- never a server error (no 5xx, no stack trace);
- the page answers in the language of the URL (`<html lang>` and the header's word);
- no HTML payload comes back unescaped;
- nothing half written: a refused submit leaves the rows of accounts, pending
  registrations, activation codes, SMS challenges, outbox, support requests, contact
  changes, identity links and sessions as they were, and consumes no activation code;
  an accepted submit writes exactly what its rule says.

Attempt counters (wrong activation codes, wrong SMS codes, wrong PINs) are the only
writes a refusal makes on purpose; they are reset between examples so that every
example reaches the parsers instead of the "blocked" refusal.
"""

from __future__ import annotations

import io
import logging
import unicodedata
from dataclasses import replace
from datetime import timedelta

import pytest
from hypothesis import assume, currently_in_test_context, event, given, settings
from hypothesis import strategies as st
from sqlalchemy import delete, select, update
from werkzeug.datastructures import FileStorage
from werkzeug.test import encode_multipart

from models import Brand, Channel, EidCard, OutboxMessage, Person, SmsChallenge
from models.codes import ActivationCode
from tests.security.conftest import (
    MONDAY,
    FormClient,
    activation_state,
    assert_page_ok,
    refusal_code,
    row_counts,
)
from tests.security.strategies import (
    DATES,
    REFLECTION_PAYLOADS,
    SPACES,
    TYPABLE,
    hostile_text,
    one_field_hostile,
    or_valid,
)

PASSWORD = "correct horse battery"
LOUISE_CONTRACT, LOUISE_BIRTH = "5436548", "1985-03-12"
EXAMPLES = 40

pytestmark = pytest.mark.filterwarnings("ignore:Generating overly large repr")


class Snapshot:
    """Row counts and activation-code states before a submit, to compare after it."""

    def __init__(self, app) -> None:
        self.app = app
        self.counts = row_counts(app)
        self.codes = activation_state(app)

    def delta(self) -> dict[str, int]:
        now = row_counts(self.app)
        return {k: now[k] - self.counts[k] for k in now if now[k] != self.counts[k]}

    def assert_unchanged(self, response) -> None:
        assert self.delta() == {}, (refusal_code(response), self.delta())
        assert activation_state(self.app) == self.codes, "an activation code was consumed"

    def assert_delta(self, expected: dict[str, int]) -> None:
        assert self.delta() == expected


def outcome(response) -> None:
    """Label the example in Hypothesis' statistics (--hypothesis-show-statistics)."""
    if currently_in_test_context():
        event(f"{response.status_code} {refusal_code(response) or ''}".strip())


def same_sms_code(typed: str, right: str | None) -> bool:
    """Whether the portal would read `typed` as the code `right` (it keeps the digits,
    and the HOTP check compares in NFKC, so "12 34 56" and full-width digits count)."""
    digits = "".join(ch for ch in unicodedata.normalize("NFKC", typed[:20]) if ch.isdigit())
    return right is not None and digits == right


def newest_code(db, channel: Channel) -> str:
    if channel == Channel.LETTER:  # a code works once its letter arrived (RG-6)
        from portal.sim.control import deliver_all_letters

        deliver_all_letters(db)
        db.commit()
    db.expire_all()
    message = db.scalars(
        select(OutboxMessage)
        .where(OutboxMessage.channel == channel)
        .order_by(OutboxMessage.id.desc())
    ).first()
    return message.code


def payloads(*values: str) -> tuple[str, ...]:
    """The values that would break the page if they came back unescaped."""
    return tuple(v for v in values if any(p in v for p in REFLECTION_PAYLOADS))


@pytest.fixture
def letter(client, db, personas, monday):
    """Louise asks for her letter in MyP&V (step 1); returns its activation code."""
    form = FormClient(client, "/pv/nl/register")
    response = form.post(data={"contract_number": LOUISE_CONTRACT, "birth_date": LOUISE_BIRTH})
    assert 'data-testid="letter-sent"' in response.get_data(as_text=True)
    return newest_code(db, Channel.LETTER)


@pytest.fixture
def registered(client, db, letter):
    """Louise registered in MyP&V through the real flow, then logged out (cookie gone)."""
    form = FormClient(client, "/pv/nl/register/activate")
    data = {
        "contract_number": LOUISE_CONTRACT,
        "code": letter,
        "email": "louise@example.be",
        "password": PASSWORD,
        "mobile": "0470 12 34 56",
    }
    assert form.post(data=data).status_code == 302
    confirm = FormClient(client, "/pv/nl/register/confirm")
    assert confirm.post(data={"code": newest_code(db, Channel.SMS)}).status_code == 302
    client.delete_cookie("mypv_session", path="/pv")
    return "louise@example.be"


def reset_counters(db) -> None:
    """Between examples: attempt counters back to zero (each example reaches the parser)."""
    db.execute(update(ActivationCode).values(failed_attempts=0))
    db.execute(update(SmsChallenge).values(failed_attempts=0))
    db.execute(delete(EidCard))
    db.commit()


# --- registration with personal data ---------------------------------------------------


@settings(max_examples=EXAMPLES)
@given(
    space=SPACES,
    number=or_valid(LOUISE_CONTRACT, "4011002345", "54 36 548", "5436548/01"),
    birth=st.one_of(st.just(LOUISE_BIRTH), st.just("1972-09-10"), DATES),
)
def test_step1_contract_and_birth_date(app, client, personas, monday, space, number, birth):
    """RG-1, RG-5: a letter on success (one code, one letter), else nothing written."""
    brand, lang = space
    form = FormClient(client, f"/{brand}/{lang}/register")
    before = Snapshot(app)
    response = form.post(data={"contract_number": number, "birth_date": birth})
    text = assert_page_ok(response, lang, payloads(number, birth))
    outcome(response)
    if 'data-testid="letter-sent"' in text:
        assert before.delta() == {"activation_code": 1, "outbox_message": 1}
    else:
        before.assert_unchanged(response)


@settings(max_examples=EXAMPLES)
@given(
    space=SPACES,
    number=or_valid(LOUISE_CONTRACT, "999"),
    birth=st.one_of(st.just(LOUISE_BIRTH), DATES),
)
def test_new_code_answers_the_same_and_writes_a_letter_only_for_real_data(
    app, client, personas, monday, space, number, birth
):
    """RG-6: "send me a new code" never tells whether the data matched; it writes a
    letter and a code only when they did."""
    brand, lang = space
    form = FormClient(client, f"/{brand}/{lang}/register/new-code")
    before = Snapshot(app)
    response = form.post(data={"contract_number": number, "birth_date": birth})
    assert_page_ok(response, lang, payloads(number, birth))
    outcome(response)
    assert refusal_code(response) is None, "the new-code page never shows a refusal"
    assert before.delta() in ({}, {"activation_code": 1, "outbox_message": 1})


@settings(max_examples=EXAMPLES)
@given(
    lang=st.sampled_from(("nl", "fr")),
    number=or_valid(LOUISE_CONTRACT),
    code=hostile_text(40),
)
def test_step2_activation_code_field(app, client, db, letter, lang, number, code):
    """RG-6: a wrong code counts one try and writes nothing else; no code is consumed."""
    reset_counters(db)
    form = FormClient(client, f"/pv/{lang}/register/activate")
    before = Snapshot(app)
    data = {
        "contract_number": number,
        "code": code,
        "email": "louise@example.be",
        "password": PASSWORD,
        "mobile": "0470123456",
    }
    response = form.post(data=data)
    assert_page_ok(response, lang, payloads(number, code))
    outcome(response)
    if response.status_code == 302:  # hypothesis typed the letter's code (or a variant)
        before.assert_delta({"pending_registration": 1, "sms_challenge": 1, "outbox_message": 1})
    else:
        before.assert_unchanged(response)


STEP2 = {
    "contract_number": LOUISE_CONTRACT,
    "email": "louise@example.be",
    "password": PASSWORD,
    "mobile": "0470 12 34 56",
}


@settings(max_examples=EXAMPLES)
@given(
    lang=st.sampled_from(("nl", "fr")),
    fields=one_field_hostile(
        STEP2,
        {
            "contract_number": or_valid(LOUISE_CONTRACT, "54.36.548", "54 36 548"),
            "email": or_valid("louise@example.be", "Louise@Example.be", "a@b.co"),
            "password": or_valid(PASSWORD, "x" * 128, "é" * 12, "x" * 11, "x" * 129),
            "mobile": or_valid("+32470123456", "0032 470 12 34 56", "02 123 45 67"),
        },
    ),
)
def test_step2_email_password_mobile(app, client, db, letter, lang, fields):
    """RG-1, RG-2, RG-7: with the right code, bad details are refused without using
    the code; good ones give a pending registration and one SMS, never an account."""
    reset_counters(db)
    form = FormClient(client, f"/pv/{lang}/register/activate")
    before = Snapshot(app)
    response = form.post(data={**fields, "code": letter})
    assert_page_ok(response, lang, payloads(*fields.values()))
    outcome(response)
    if response.status_code == 302:
        before.assert_delta({"pending_registration": 1, "sms_challenge": 1, "outbox_message": 1})
    else:
        before.assert_unchanged(response)


@pytest.fixture
def pending_mobile(client, db, letter):
    """Step 2 done for Louise: the browser's session holds the SMS attempt."""
    form = FormClient(client, "/pv/nl/register/activate")
    data = {
        "contract_number": LOUISE_CONTRACT,
        "code": letter,
        "email": "louise@example.be",
        "password": PASSWORD,
        "mobile": "0470 12 34 56",
    }
    assert form.post(data=data).status_code == 302
    return newest_code(db, Channel.SMS)


SMS_CODES = st.one_of(
    st.text(st.sampled_from("0123456789"), min_size=0, max_size=8),
    st.text(st.sampled_from("0123456789 -."), min_size=6, max_size=12),
    st.sampled_from(("１２３４５６", "٠١٢٣٤٥", "12345６", "000000\x00", "999999999999999999999")),
    hostile_text(30),
)


@settings(max_examples=EXAMPLES)
@given(lang=st.sampled_from(("nl", "fr")), code=SMS_CODES)
def test_registration_sms_code(app, client, db, pending_mobile, lang, code):
    """RG-2: a wrong SMS code creates no account and consumes no activation code."""
    assume(not same_sms_code(code, pending_mobile))
    reset_counters(db)
    form = FormClient(client, f"/pv/{lang}/register/confirm")
    before = Snapshot(app)
    response = form.post(data={"code": code})
    assert_page_ok(response, lang, payloads(code))
    outcome(response)
    before.assert_unchanged(response)


# --- login with email, password and SMS code ----------------------------------------------


@settings(max_examples=30)
@given(
    lang=st.sampled_from(("nl", "fr")),
    fields=one_field_hostile(
        {"email": "louise@example.be", "password": PASSWORD},
        {
            "email": or_valid("LOUISE@example.be", " louise@example.be", "nobody@example.be"),
            "password": or_valid(PASSWORD.upper(), PASSWORD + " ", PASSWORD[:-1]),
        },
    ),
)
def test_login_email_and_password(app, client, registered, lang, fields):
    """RG-2: only the exact email (any case) and the password exactly as typed (V6.2.8)
    start an SMS attempt; anything else writes nothing."""
    form = FormClient(client, f"/pv/{lang}/login/password")
    before = Snapshot(app)
    response = form.post(data=fields)
    assert_page_ok(response, lang, payloads(*fields.values()))
    outcome(response)
    if response.status_code == 302:
        assert fields["password"] == PASSWORD
        before.assert_delta({"sms_challenge": 1, "outbox_message": 1})
    else:
        before.assert_unchanged(response)


@settings(max_examples=EXAMPLES)
@given(lang=st.sampled_from(("nl", "fr")), code=SMS_CODES)
def test_login_sms_code(app, client, db, registered, lang, code):
    """RG-2: a wrong SMS code at login opens no session."""
    form = FormClient(client, "/pv/nl/login/password")
    with client.session_transaction("/pv/") as session:
        attempt = session.get("sms_attempt")
    if not attempt or attempt.get("purpose") != "login":
        assert form.post(data={"email": registered, "password": PASSWORD}).status_code == 302
    right = newest_code(db, Channel.SMS)
    assume(not same_sms_code(code, right))
    reset_counters(db)
    sms = FormClient(client, f"/pv/{lang}/login/sms")
    before = Snapshot(app)
    response = sms.post(data={"code": code})
    assert_page_ok(response, lang, payloads(code))
    outcome(response)
    before.assert_unchanged(response)


# --- identity completion after itsme or eID ------------------------------------------------


@settings(max_examples=EXAMPLES)
@given(
    lang=st.sampled_from(("nl", "fr")),
    email=or_valid("louise@example.be", "louise.itsme@example.be"),
    consent=st.one_of(st.just("y"), st.just(""), hostile_text(20)),
)
def test_identity_completion(app, client, db, personas, monday, lang, email, consent):
    """RG-3, RG-7: the account exists only with a valid email and the consent; then
    exactly one account, one identity link, one welcome email and one session."""
    louise = db.scalars(select(Person).where(Person.first_name == "Louise")).first()
    with client.session_transaction("/pv/") as session:
        session["pending_identity"] = {
            "provider": "eid",
            "subject": "subject-of-louise",
            "person_id": louise.id,
            "until": (MONDAY + timedelta(minutes=15)).isoformat(),
        }
    form = FormClient(client, f"/pv/{lang}/register/identity")
    form.refresh()
    before = Snapshot(app)
    data = {"email": email}
    if consent:
        data["consent"] = consent
    response = form.post(data=data)
    assert_page_ok(response, lang, payloads(email, consent))
    outcome(response)
    if response.status_code == 302:
        before.assert_delta(
            {"account": 1, "identity_link": 1, "outbox_message": 1, "portal_session": 1}
        )
        client.delete_cookie("mypv_session", path="/pv")
    else:
        before.assert_unchanged(response)


# --- my details (logged in) ------------------------------------------------------------------


@pytest.fixture
def sofie(client, db, personas, monday, login, person_named):
    """Sofie logged into MyP&V (test cookie, live server-side session)."""
    return login(person_named("Sofie"), Brand.PV, email="sofie@example.be")


ADDRESS = {"street": "Bondgenotenlaan", "house_number": "5", "postcode": "3000", "city": "Leuven"}


@settings(max_examples=EXAMPLES)
@given(
    lang=st.sampled_from(("nl", "fr")),
    fields=one_field_hostile(
        ADDRESS,
        {
            "street": or_valid("Rue de l'Étuve", "x" * 120, "x" * 121),
            "house_number": or_valid("12B", "1/3", " "),
            "postcode": or_valid("1000", "0999", "99999", "１０００", "٣٠٠٠"),
            "city": or_valid("Bruxelles", "x" * 80, "x" * 81),
        },
    ),
)
def test_profile_address(app, client, sofie, lang, fields):
    """PD-1: a valid address is one contact change; anything else writes nothing."""
    form = FormClient(client, f"/pv/{lang}/profile")
    before = Snapshot(app)
    response = form.post(
        f"/pv/{lang}/profile/address", {f"address-{k}": v for k, v in fields.items()}
    )
    assert_page_ok(response, lang, payloads(*fields.values()))
    outcome(response)
    if response.status_code == 302:
        before.assert_delta({"contact_change": 1})
    else:
        before.assert_unchanged(response)


@settings(max_examples=EXAMPLES)
@given(
    lang=st.sampled_from(("nl", "fr")),
    email=or_valid("sofie.new@example.be", "SOFIE@example.be", "louise@example.be"),
)
def test_profile_email(app, client, sofie, lang, email):
    """RG-7: a new, free, valid address is one contact change; else nothing."""
    form = FormClient(client, f"/pv/{lang}/profile")
    before = Snapshot(app)
    response = form.post(f"/pv/{lang}/profile/email", {"email-email": email})
    assert_page_ok(response, lang, payloads(email))
    outcome(response)
    if response.status_code == 302:
        assert before.delta() in ({}, {"contact_change": 1})
    else:
        before.assert_unchanged(response)


@settings(max_examples=EXAMPLES)
@given(
    lang=st.sampled_from(("nl", "fr")),
    mobile=or_valid("0470 12 34 56", "+32 499 99 99 99", "02 123 45 67"),
    code=SMS_CODES,
)
def test_profile_mobile_and_its_code(app, client, db, sofie, lang, mobile, code):
    """A new mobile number is only a challenge and an SMS until its code comes back; a
    wrong code changes nothing."""
    form = FormClient(client, f"/pv/{lang}/profile")
    before = Snapshot(app)
    response = form.post(f"/pv/{lang}/profile/mobile", {"mobile-mobile": mobile})
    assert_page_ok(response, lang, payloads(mobile))
    outcome(response)
    if response.status_code == 302:
        before.assert_delta({"sms_challenge": 1, "outbox_message": 1})
    else:
        before.assert_unchanged(response)
    right = newest_code(db, Channel.SMS) if response.status_code == 302 else None
    assume(not same_sms_code(code, right))
    reset_counters(db)
    before = Snapshot(app)
    response = form.post(f"/pv/{lang}/profile/mobile/confirm", {"code-code": code})
    assert_page_ok(response, lang, payloads(code))
    outcome(response)
    before.assert_unchanged(response)


# --- report a problem to support (RG-5) ---------------------------------------------------------

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 16
BIG = "a PNG just over 2 MB"
SCREENSHOTS = st.one_of(
    st.none(),
    st.just(PNG),
    st.just(b"\xff\xd8\xff\xe0" + b"\x00" * 16),
    st.binary(max_size=200),
    st.just(b"<script>alert(1)</script>"),
    st.just(BIG),
)


def multipart(fields: dict, screenshot: bytes | str | None, filename: str) -> tuple[bytes, str]:
    """The encoded body and its content type, built in memory (the test client's own
    encoder spools big files to a temporary file it never closes)."""
    values: dict = dict(fields)
    if screenshot is not None:
        blob = PNG + b"\x00" * (2 * 1024 * 1024) if screenshot == BIG else screenshot
        values["screenshot"] = FileStorage(io.BytesIO(blob), filename=filename)
    boundary, body = encode_multipart(values)
    return body, f"multipart/form-data; boundary={boundary}"


REPORT = {"error_code": "person_duplicated", "email": "louise@example.be", "message": ""}


@settings(max_examples=EXAMPLES)
@given(
    space=SPACES,
    fields=one_field_hostile(
        REPORT,
        {
            "error_code": or_valid("data_mismatch", "unknown_code", "x" * 41),
            "email": or_valid("not an address", "x" * 255),
            "message": st.one_of(hostile_text(80), st.just("x" * 1001)),
        },
    ),
    screenshot=SCREENSHOTS,
    filename=or_valid("shot.png", "shot.jpg", "shot.JPEG", "shot.exe", "../../shot.png"),
)
def test_report_problem(app, client, personas, monday, space, fields, screenshot, filename):
    """RG-5: one support request when the form is valid and the file a PNG or JPEG
    image of at most 2 MB; otherwise a 400 page and nothing stored (V5.2.1, V5.2.2)."""
    app.extensions["auth_settings"] = replace(  # every example reaches the form's checks
        app.extensions["auth_settings"], report_per_address_hour=10**6, report_total_day=10**6
    )
    brand, lang = space
    form = FormClient(client, f"/{brand}/{lang}/register")
    form.refresh()
    body, content_type = multipart({**fields, "csrf_token": form.token}, screenshot, filename)
    before = Snapshot(app)
    response = client.post(f"/{brand}/{lang}/support/report", data=body, content_type=content_type)
    text = assert_page_ok(response, lang, payloads(*fields.values()))
    outcome(response)
    if 'data-testid="report-done"' in text:
        before.assert_delta({"support_request": 1})
    else:
        assert response.status_code in (400, 413)
        before.assert_unchanged(response)


# --- eID card reader ----------------------------------------------------------------------------


@settings(max_examples=EXAMPLES)
@given(space=SPACES, query=hostile_text(100))
def test_eid_reader_search(app, client, personas, space, query):
    """RG-1: any search text lists cards or none, never fails, writes nothing."""
    brand, lang = space
    before = Snapshot(app)
    response = client.get(f"/{brand}/{lang}/login/eid", query_string={"q": query})
    assert response.status_code == 200 or ("\x00" in query and response.status_code == 400)
    assert_page_ok(response, lang, payloads(query))
    outcome(response)
    before.assert_unchanged(response)


@settings(max_examples=EXAMPLES)
@given(
    space=SPACES,
    fields=one_field_hostile(
        {"card": "LOUISE", "pin": "1234"},
        {
            "card": or_valid("85.03.12-123.45", "90010112395", "00000000000", "LOUISE "),
            "pin": or_valid("0000", "12345678901234", "１２３４", "123", "999999999999"),
        },
    ),
)
def test_eid_card_and_pin(app, client, db, personas, space, fields):
    """RG-1: a wrong PIN or an unknown card never creates an account, a link or a
    session; the right PIN only sends the visitor on to RG-3's completion page."""
    louise = db.scalars(select(Person).where(Person.first_name == "Louise")).first()
    data = {k: v.replace("LOUISE", louise.national_number) for k, v in fields.items()}
    reset_counters(db)
    brand, lang = space
    form = FormClient(client, f"/{brand}/{lang}/login/eid/pin?card={louise.national_number}")
    before = Snapshot(app)
    response = form.post(f"/{brand}/{lang}/login/eid/pin", data)
    assert_page_ok(response, lang, payloads(*data.values()))
    outcome(response)
    if response.status_code == 302:
        assert response.headers["Location"].endswith("/register/identity")
    before.assert_unchanged(response)
    client.delete_cookie(f"{'myvivium' if brand == 'vivium' else 'mypv'}_session", path=f"/{brand}")


# --- itsme: the stub's phone and the portal's callback -----------------------------------------------


def stub_language(response, lang: str) -> str | None:
    """The stub's own pages speak the request's ui_locales; a 400 refused before the stub
    read its transaction cannot know it (the error page then uses the default)."""
    return None if response.status_code == 400 else lang


def open_phone(client, brand: str, lang: str) -> str:
    form = FormClient(client, f"/{brand}/{lang}/itsme")
    started = form.post(f"/{brand}/{lang}/itsme/start")
    assert started.status_code == 302, started.status_code
    authorized = client.get(started.location)
    assert authorized.status_code == 302 and "/stub/itsme/phone/" in authorized.location
    return authorized.location


PHONE = {"action": "confirm", "national_number": "LOUISE", "typed": "", "q": ""}


@settings(max_examples=30)
@given(
    space=SPACES,
    fields=one_field_hostile(
        PHONE,
        {
            "action": or_valid("cancel", "timeout", "Confirm"),
            "national_number": or_valid("85.03.12-123.45", "90010112395"),
            "typed": or_valid("LOUISE", "85.03.12-123.45", "１２３４５６７８９０１"),
            "q": hostile_text(40),
        },
    ),
)
def test_itsme_stub_phone(app, client, db, personas, space, fields):
    """RG-1: any answer on the stub's phone is a redirect back, a 400 or the phone
    again, in the language of the request; nothing of an account is written."""
    louise = db.scalars(select(Person).where(Person.first_name == "Louise")).first()
    data = {k: v.replace("LOUISE", louise.national_number) for k, v in fields.items()}
    brand, lang = space
    phone = open_phone(client, brand, lang)
    page = client.get(phone, query_string={"q": data["q"]})
    assert_page_ok(page, stub_language(page, lang), payloads(data["q"]))
    form = FormClient(client, phone)
    before = Snapshot(app)
    response = form.post(data=data)
    assert_page_ok(response, stub_language(response, lang), payloads(*data.values()))
    outcome(response)
    if response.status_code == 302:
        assert "/itsme/callback?" in response.location
    before.assert_unchanged(response)


@settings(max_examples=EXAMPLES)
@given(
    space=SPACES,
    args=st.dictionaries(
        st.sampled_from(("state", "code", "error", "error_description", "iss")),
        hostile_text(60),
        max_size=4,
    ),
)
def test_itsme_callback_with_forged_answers(app, client, personas, space, args):
    """RG-1 (ASVS V10.5, V6.8.2): a forged or replayed answer is refused, never a crash,
    never an account or a session."""
    brand, lang = space
    before = Snapshot(app)
    response = client.get(f"/{brand}/{lang}/itsme/callback", query_string=args)
    assert_page_ok(response, lang, payloads(*args.values()))
    outcome(response)
    if any("\x00" in value for value in args.values()) and response.status_code == 400:
        return  # refused outright (a NUL byte): fine, nothing was tried
    assert response.status_code == 200 and refusal_code(response)
    before.assert_unchanged(response)


# --- any text in any field of the portal's forms ----------------------------------------------------


FIELDS = {
    "/register": ("contract_number", "birth_date"),
    "/register/new-code": ("contract_number", "birth_date"),
    "/register/activate": ("contract_number", "code", "email", "password", "mobile"),
    "/login/password": ("email", "password"),
}


@settings(max_examples=EXAMPLES)
@given(
    space=SPACES,
    path=st.sampled_from(sorted(FIELDS)),
    values=st.lists(st.text(TYPABLE, max_size=300), min_size=5, max_size=5),
    extra=st.dictionaries(st.text(TYPABLE, min_size=1, max_size=20), st.text(max_size=20)),
)
def test_any_text_in_any_field_and_unexpected_fields(
    app, client, personas, monday, space, path, values, extra
):
    """Random Unicode in every field, plus fields the form does not know (mass
    assignment, V8.2.3): never a 5xx, never an account."""
    brand, lang = space
    form = FormClient(client, f"/{brand}/{lang}{path}")
    data = {k: v for k, v in extra.items() if k != "csrf_token"}
    data.update(dict(zip(FIELDS[path], values, strict=False)))
    before = Snapshot(app)
    response = form.post(data=data)
    assert_page_ok(response, lang, payloads(*values))
    outcome(response)
    assert "account" not in before.delta()
    assert activation_state(app) == before.codes


@pytest.mark.parametrize("path", ["/vivium/nl/register", "/pv/fr/support/report", "/sim/reset"])
def test_a_huge_body_is_a_413_page_in_the_page_language(client, personas, path):
    """V5.2.1, V16.5.1: MAX_CONTENT_LENGTH (5 MB) stops a huge post before any parsing,
    with the portal's own error page in the language of the URL (BUG-2: the page used to
    fail while rendering, because the logout form read the oversized body again)."""
    response = client.post(path, data={"contract_number": "1" * (6 * 1024 * 1024)})
    assert response.status_code == 413
    lang = path.split("/")[2] if path.startswith(("/vivium/", "/pv/")) else None
    assert_page_ok(response, lang)
    outcome(response)


def test_nul_bytes_and_look_alikes_in_the_path_never_fail(client, personas):
    """Routing: odd paths are 404 pages, never 5xx."""
    for path in (
        "/pv/nl/contracts/%00",
        "/pv/nl/contracts/５４３６５４８",
        "/pv/nl/documents/1%00.pdf",
        "/pv/xx/",
        "/pv/nl/" + "a" * 5000,
        "/pv/nl/contracts/' OR 1=1 --",
    ):
        response = client.get(path)
        refused = "%00" in path and response.status_code == 400  # a NUL byte may be refused
        assert response.status_code in (302, 404) or refused, (path, response.status_code)
        if response.status_code == 404 and path.startswith("/pv/nl/"):
            assert_page_ok(response, "nl")


def test_unicode_digits_of_a_real_contract_are_not_that_contract(client, personas, monday):
    """Look-alike digits never reach Louise's contract (normalised identifiers, V1.1.1)."""
    for number in ("５４３６５４８", "٥٤٣٦٥٤٨", "𝟓𝟒𝟑𝟔𝟓𝟒𝟖"):
        form = FormClient(client, "/pv/nl/register")
        response = form.post(data={"contract_number": number, "birth_date": LOUISE_BIRTH})
        assert refusal_code(response) == "contract_not_found", number


# --- NUL bytes: PostgreSQL refuses them in text, so the code must stop them first ----------------

NUL = "a\x00b"


def _login_email(client, _db):
    return FormClient(client, "/pv/nl/login/password").post(
        data={"email": f"{NUL}@example.be", "password": PASSWORD}
    )


def _report(field):
    def post(client, _db):
        form = FormClient(client, "/pv/nl/register")
        data = {"error_code": "data_mismatch", "email": "a@example.be", "message": "hi"}
        return form.post("/pv/nl/support/report", {**data, field: data[field] + "\x00"})

    return post


def _itsme_search(client, _db):
    return client.get(open_phone(client, "pv", "nl"), query_string={"q": NUL})


def _contract_path(client, db):
    from tests.conftest import session_cookie

    louise = db.scalars(select(Person).where(Person.first_name == "Louise")).first()
    from seed.build import add_account

    account = add_account(db, louise, Brand.PV)
    db.commit()
    name, value, path = session_cookie(client.application, Brand.PV, account.id)
    client.set_cookie(name, value, path=path)
    return client.get("/pv/nl/contracts/5436548%00")


def _get(url):
    return lambda client, _db: client.get(url)


def _post(page, action, data):
    return lambda client, _db: FormClient(client, page).post(action, data)


NUL_SITES = [
    pytest.param(_login_email, "nl", id="login-email"),
    pytest.param(_report("error_code"), "nl", id="report-error-code"),
    pytest.param(_report("email"), "nl", id="report-email"),
    pytest.param(_report("message"), "nl", id="report-message"),
    pytest.param(_get(f"/sim/outbox?kind={NUL}"), None, id="console-outbox-kind"),
    pytest.param(_get(f"/sim/api/outbox?recipient={NUL}"), None, id="api-outbox-recipient"),
    pytest.param(_itsme_search, "nl", id="itsme-phone-search"),
    pytest.param(_contract_path, "nl", id="contract-number-in-path"),
    pytest.param(
        _post("/pv/nl/register", None, {"contract_number": NUL, "birth_date": "1985-03-12"}),
        "nl",
        id="step1-contract",
    ),
    pytest.param(
        _post("/pv/fr/register/activate", None, {**STEP2, "code": NUL, "email": NUL}),
        "fr",
        id="step2-code-email",
    ),
    pytest.param(_get(f"/pv/nl/login/eid?q={NUL}"), "nl", id="eid-search"),
    pytest.param(_get(f"/sim/api/broker/search?q={NUL}"), None, id="api-broker-search"),
    pytest.param(_get(f"/pv/nl/itsme/callback?state={NUL}&code={NUL}"), "nl", id="itsme-callback"),
]


@pytest.mark.parametrize(("send", "lang"), NUL_SITES)
def test_nul_bytes_are_stopped_before_the_database(
    client, db, personas, monday, caplog, send, lang
):
    """V2.2.1, V16.5.1: a NUL byte anywhere is refused or ignored by the code itself;
    the database never sees it (PostgreSQL would refuse it)."""
    with caplog.at_level(logging.WARNING, logger="portal.security"):
        response = send(client, db)
    if response.request.path.startswith("/stub/"):
        lang = stub_language(response, lang)
    assert_page_ok(response, lang)
    assert not [r for r in caplog.records if "database refused" in r.getMessage()]
