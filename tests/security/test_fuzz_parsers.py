"""Property-based tests of the parsers behind the forms: email, Belgian mobile number,
password, contract number, activation and SMS codes, national register number (eID and
itsme), PINs, dates, the outbox filter and the itsme answer (OWASP ASVS 5.0 V1.1.1,
V2.2.1, V6.2.5, V6.2.8, V6.2.9, V6.5.3, V6.5.4; rules RG-1, RG-2, RG-6, PD-1).

Each parser either returns a clean value of a documented shape or raises its named
refusal; none raises anything else, whatever it is given.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date, datetime, timedelta

import pytest
from hypothesis import assume, example, given, settings
from hypothesis import strategies as st
from werkzeug.datastructures import MultiDict

from auth import codes, eid_stub, itsme_client, itsme_provider, validation
from auth.errors import (
    AuthRefusal,
    InvalidEmail,
    InvalidMobile,
    ItsmeFailed,
    WeakPassword,
)
from models import Brand, calendar
from portal.sim.outbox import OutboxFilter
from seed.identifiers import national_number
from tests.security.strategies import STRANGE, TYPABLE, hostile_text

EXAMPLES = 60
ANY_TEXT = st.one_of(st.text(TYPABLE, max_size=300), st.sampled_from(STRANGE), hostile_text())


# --- email ---------------------------------------------------------------------------------


@settings(max_examples=EXAMPLES)
@given(ANY_TEXT)
def test_parse_email_refuses_or_returns_a_clean_ascii_address(raw):
    """V2.2.1: a plausible ASCII address without spaces, at most 254 characters, that
    parses to itself again."""
    try:
        address = validation.parse_email(raw)
    except InvalidEmail:
        return
    assert address.isascii() and len(address) <= 254
    assert not any(ch.isspace() for ch in address)
    assert validation.EMAIL.match(address)
    assert validation.parse_email(address) == address


@settings(max_examples=EXAMPLES)
@given(st.emails())
def test_parse_email_accepts_real_addresses(address):
    """Any RFC 5321 dot-atom address with a dotted domain is accepted as typed."""
    assume(len(address) <= 254 and "." in address.split("@")[1])
    assert validation.parse_email(address) == address
    assert validation.parse_email(f"  {address}\t") == address


# --- mobile number -------------------------------------------------------------------------


@settings(max_examples=EXAMPLES)
@given(ANY_TEXT)
@example("+32 470 12 34 56\x00")
@example("０４７０ １２ ３４ ５６")
@example("+33 6 12 34 56 78")
def test_parse_mobile_refuses_or_returns_a_belgian_e164_mobile(raw):
    """RG-2: only a Belgian mobile number, always in E.164 form (+324 and 8 digits)."""
    try:
        mobile = validation.parse_mobile(raw)
    except InvalidMobile:
        return
    assert re.fullmatch(r"\+324[0-9]{8}", mobile), mobile
    assert validation.parse_mobile(mobile) == mobile


@settings(max_examples=EXAMPLES)
@given(
    digits=st.text(st.sampled_from("0123456789"), min_size=7, max_size=7),
    prefix=st.sampled_from(("047", "049")),
    style=st.sampled_from(("{p}{d}", "{p} {a} {b} {c}", "+32 {q}{d}", "0032{q}{d}", "{p}/{d}")),
)
def test_parse_mobile_accepts_the_usual_ways_of_writing_a_mobile(digits, prefix, style):
    typed = style.format(
        p=prefix, q=prefix[1:], d=digits, a=digits[:2], b=digits[2:4], c=digits[4:]
    )
    assert validation.parse_mobile(typed) == f"+32{prefix[1:]}{digits}"


# --- password --------------------------------------------------------------------------------


@settings(max_examples=EXAMPLES)
@given(st.one_of(st.text(TYPABLE, max_size=200), st.sampled_from(STRANGE)))
def test_password_of_any_characters_is_checked_only_on_its_length(password):
    """V6.2.1, V6.2.5, V6.2.8, V6.2.9: 12 to 128 characters of any kind, kept exactly
    as typed (no trimming, no case change, no truncation)."""
    try:
        kept = validation.check_password(password, 12)
    except WeakPassword:
        assert not 12 <= len(password) <= 128
        return
    assert kept == password and 12 <= len(password) <= 128


def test_password_policy_allows_64_characters_and_refuses_11():
    assert validation.check_password("x" * 64, 12) == "x" * 64
    with pytest.raises(WeakPassword):
        validation.check_password("x" * 11, 12)


# --- contract numbers and codes ----------------------------------------------------------------


@settings(max_examples=EXAMPLES)
@given(ANY_TEXT)
def test_contract_number_normalisation_keeps_letters_and_digits_only(raw):
    """Identifiers are compared in one canonical form (V1.1.1): for ASCII input,
    idempotent, upper case, only letters and digits; for any input, exactly the ASCII
    digits typed (Unicode digits never become ASCII ones)."""
    number = validation.normalise_contract_number(raw)
    if raw.isascii():
        assert number.isalnum() or number == ""
        assert number == number.upper() and number.isascii()
        assert validation.normalise_contract_number(number) == number
    ascii_digits = "".join(ch for ch in raw[:40] if ch in "0123456789")
    assert "".join(ch for ch in number if ch in "0123456789") == ascii_digits


@settings(max_examples=EXAMPLES)
@given(st.text(st.sampled_from("0123456789"), min_size=1, max_size=12), st.data())
def test_contract_numbers_typed_with_separators_are_the_same_contract(digits, data):
    separators = data.draw(st.lists(st.sampled_from(" ./-"), max_size=len(digits)))
    typed = "".join(
        d + (separators[i] if i < len(separators) else "") for i, d in enumerate(digits)
    )
    assert validation.normalise_contract_number(typed) == digits


@settings(max_examples=EXAMPLES)
@given(st.data())
def test_activation_codes_are_random_and_read_back_however_typed(data):
    """V6.4.1, V6.5.3, V6.5.4: 8 characters of a 32-letter alphabet (40 bits) from the
    system's CSPRNG; typed with a dash, spaces or in lower case it is the same code."""
    code = codes.new_activation_code()
    assert len(code) == codes.ACTIVATION_LENGTH and set(code) <= set(codes.ALPHABET)
    typed = data.draw(
        st.sampled_from(
            (codes.display_code(code), code.lower(), " ".join(code), f" {code[:4]} {code[4:]} ")
        )
    )
    assert codes.normalise_code(typed) == code
    stored = codes.hash_code(code)
    assert code not in stored and codes.code_matches(codes.normalise_code(typed), stored)


@settings(max_examples=EXAMPLES)
@given(ANY_TEXT, st.text(st.sampled_from(codes.ALPHABET), min_size=8, max_size=8))
def test_a_code_matches_only_itself_and_a_broken_hash_matches_nothing(typed, code):
    stored = codes.hash_code(code)
    assert codes.code_matches(codes.normalise_code(typed), stored) == (
        codes.normalise_code(typed) == code
    )
    for broken in ("", "$", "no-dollar", stored[:-1], "$" + stored):
        assert codes.code_matches(code, broken) is False


# --- national register number: eID reader and itsme stub ------------------------------------------


def valid_national_numbers() -> st.SearchStrategy[str]:
    births = st.dates(min_value=date(1920, 1, 1), max_value=date(2024, 12, 31))
    return st.builds(national_number, births, st.integers(min_value=1, max_value=998))


FORMATS = (
    "{n}",
    "{n[0]}{n[1]}.{n[2]}{n[3]}.{n[4]}{n[5]}-{n[6]}{n[7]}{n[8]}.{n[9]}{n[10]}",
    " {n} ",
    "{n[0]}{n[1]}{n[2]}{n[3]}{n[4]}{n[5]} {n[6]}{n[7]}{n[8]} {n[9]}{n[10]}",
)


@settings(max_examples=EXAMPLES)
@given(valid_national_numbers(), st.sampled_from(FORMATS))
def test_both_national_number_parsers_read_every_usual_format(number, style):
    """RG-1: 90.01.01-123.95, 90010112395 and spaced forms are the same person."""
    typed = style.format(n=number)
    assert eid_stub.parse_national_number(typed) == number
    assert itsme_provider.clean_national_number(typed) == number


NN_LIKE = st.one_of(
    st.text(st.sampled_from("0123456789 .-"), max_size=24),
    st.text(st.sampled_from("0123456789０１２٣𝟓"), min_size=11, max_size=11),
    ANY_TEXT,
)


@settings(max_examples=EXAMPLES)
@given(NN_LIKE)
@example("90010112395\x00")
@example("９００１０１１２３９５")
@example("0" * 11)
def test_national_number_parsers_refuse_or_return_eleven_valid_ascii_digits(raw):
    """Look-alike digits, NUL bytes and bad check numbers never pass; both parsers
    agree on what they accept."""
    results = [eid_stub.parse_national_number(raw), itsme_provider.clean_national_number(raw)]
    for number in results:
        if number is not None:
            assert re.fullmatch(r"[0-9]{11}", number) and eid_stub.nn.is_valid(number)
    if results[0] is not None:
        assert results[1] == results[0]


@settings(max_examples=EXAMPLES)
@given(ANY_TEXT)
def test_eid_text_cleaning_drops_control_characters_and_caps_length(raw):
    text = eid_stub.clean_text(raw)
    assert len(text) <= eid_stub.MAX_INPUT and text == text.lstrip()
    assert not any(ord(ch) < 32 or ch == "\x7f" for ch in text)


@settings(max_examples=EXAMPLES)
@given(st.one_of(st.text(st.sampled_from("0123456789"), max_size=14), ANY_TEXT))
def test_pin_pad_takes_4_to_12_ascii_digits_only(pin):
    """RG-1: the PIN pad sends only 4 to 12 ASCII digits to the card."""
    assert eid_stub.pin_format_ok(pin) == bool(re.fullmatch(r"[0-9]{4,12}", pin))


@settings(max_examples=EXAMPLES)
@given(st.text(st.sampled_from("0123456789"), min_size=4, max_size=12), st.integers(0, 5))
def test_the_card_blocks_after_three_wrong_pins_whatever_they_are(pin, earlier_wrong):
    """RG-1: a wrong PIN counts, the third blocks the card for good; the right PIN
    resets the count only while the card is not blocked."""
    card = eid_stub.new_card("90010112395")
    for _ in range(earlier_wrong):
        eid_stub.check_pin(card, "0000", date(2026, 1, 1))
    check = eid_stub.check_pin(card, pin, date(2026, 1, 1))
    if earlier_wrong >= 3:
        assert check.outcome is eid_stub.Outcome.BLOCKED
    elif pin == eid_stub.PIN:
        assert check.accepted and card.wrong_pins == 0
    else:
        assert card.wrong_pins == earlier_wrong + 1 <= eid_stub.MAX_WRONG_PINS
        assert (check.outcome is eid_stub.Outcome.BLOCKED) == (card.wrong_pins == 3)


# --- itsme: requests to the stub and answers to the portal -------------------------------------------

QUERY_ARGS = st.dictionaries(
    st.sampled_from(
        (
            "response_type",
            "scope",
            "client_id",
            "redirect_uri",
            "state",
            "nonce",
            "code_challenge",
            "code_challenge_method",
            "acr_values",
            "ui_locales",
        )
    ),
    st.one_of(ANY_TEXT, st.sampled_from(("code", "openid", "S256", "mypv", "a" * 43))),
)


@settings(max_examples=EXAMPLES)
@given(QUERY_ARGS)
def test_the_stub_judges_any_authorization_request_without_failing(args):
    """RG-1: an unknown client or redirect_uri is a StubError (never a redirect); any
    other malformed request is one of the OAuth errors; the locale is fr or nl."""
    try:
        client_id, _uri = itsme_provider.check_client(args, lambda _c: {"https://rp/cb"})
    except itsme_provider.StubError as exc:
        assert exc.reason in ("unknown_client", "unknown_redirect_uri")
    else:
        assert itsme_provider.brand_of_client(client_id) is not None
    assert itsme_provider.request_error(args) in (
        None,
        "unsupported_response_type",
        "invalid_scope",
        "invalid_request",
    )
    assert itsme_provider.locale_for(args.get("ui_locales")) in itsme_provider.LOCALES
    assert itsme_provider.acr_for(args.get("acr_values")) in (
        itsme_provider.ACR_BASIC,
        itsme_provider.ACR_ADVANCED,
    )


NOW = datetime(2026, 11, 23, 9, 0)


@settings(max_examples=EXAMPLES)
@given(
    args=st.dictionaries(st.sampled_from(("state", "code", "error")), ANY_TEXT, max_size=3),
    flow=st.one_of(
        st.none(),
        st.just({"state": "s" * 43, "nonce": "n", "verifier": "v", "started": NOW.isoformat()}),
        st.fixed_dictionaries({"state": ANY_TEXT, "started": ANY_TEXT}),
    ),
)
def test_the_portal_judges_any_itsme_answer_with_a_named_refusal(args, flow):
    """RG-1 (V10.5): a missing or tampered state, an error or no code is a refusal."""
    try:
        code = itsme_client.check_answer(flow, args, NOW)
    except AuthRefusal:
        return
    assert flow and args["state"] == flow["state"] and code == args["code"]


@settings(max_examples=EXAMPLES)
@given(st.dictionaries(st.sampled_from((itsme_provider.NATIONAL_NUMBER_CLAIM, "sub")), ANY_TEXT))
@example({itsme_provider.NATIONAL_NUMBER_CLAIM: "90010112395"})
def test_the_national_number_claim_is_eleven_digits_or_refused(claims):
    try:
        number = itsme_client.national_number_of(claims)
    except ItsmeFailed:
        return
    assert len(number) == 11 and number.isdigit()


# --- dates, outbox filters, addresses -------------------------------------------------------------------


@settings(max_examples=EXAMPLES)
@given(ANY_TEXT)
@example("1985-02-30")
@example("0000-00-00")
@example("9999-12-31")
def test_the_birth_date_field_reads_iso_dates_only(app, raw):
    """The DateField of step 1 turns text into a date or an error, never a crash."""
    from portal.forms import LetterRequestForm

    with app.test_request_context("/pv/nl/register", method="POST"):
        form = LetterRequestForm(
            formdata=MultiDict({"contract_number": "5436548", "birth_date": raw}),
            meta={"csrf": False},
        )
        if form.validate():
            assert isinstance(form.birth_date.data, date)
        else:
            assert form.errors


@settings(max_examples=EXAMPLES)
@given(
    st.dictionaries(
        st.sampled_from(("brand", "channel", "recipient", "kind", "limit", "reveal")),
        st.one_of(
            ANY_TEXT,
            st.integers().map(str),
            st.sampled_from(("pv", "sms", "٣", "1_000", "undelivered", "a\x00b")),
        ),
    )
)
def test_outbox_filters_are_parsed_or_named_as_invalid(args):
    """The console's and the API's outbox filter: a filter, or ValueError naming the field
    (text filters only for control characters, BUG-6)."""
    try:
        parsed = OutboxFilter.parse(MultiDict(args))
    except ValueError as exc:
        field = str(exc)
        assert field in ("brand", "channel", "limit", "reveal", "recipient", "kind")
        if field in ("recipient", "kind"):
            assert any(unicodedata.category(ch) in ("Cc", "Cs") for ch in args[field])
        return
    assert 1 <= parsed.limit <= 1000
    assert parsed.kind is None or len(parsed.kind) <= 40
    assert parsed.reveal is (args.get("reveal", "").strip() == "undelivered")


@settings(max_examples=EXAMPLES)
@given(
    st.dates(min_value=date(1900, 1, 1), max_value=date(2199, 12, 31)),
    st.integers(min_value=0, max_value=30),
)
def test_letter_delivery_falls_on_a_business_day_later(start, days):
    """RG-6: a letter posted on any date of the simulator's range arrives on a Belgian
    business day (no weekend, no public holiday), `days` business days later."""
    arrives = calendar.add_business_days(start, days)
    assert arrives >= start and (days == 0 or calendar.is_business_day(arrives))
    assert arrives - start <= timedelta(days=days * 2 + 5)


@dataclass
class _Account:
    brand: Brand = Brand.PV
    person_id: int = 1


class _Recorder:
    def __init__(self) -> None:
        self.added: list = []

    def add(self, row) -> None:
        self.added.append(row)


POSTCODES = st.one_of(
    st.text(st.sampled_from("0123456789"), min_size=3, max_size=5),
    st.sampled_from(("1٠٠٠", "１０００", "1000\n", "10 00", "٣٠٠٠", "1𝟎𝟎𝟎")),
    ANY_TEXT,
)


@settings(max_examples=EXAMPLES)
@given(street=ANY_TEXT, number=ANY_TEXT, postcode=POSTCODES, city=ANY_TEXT)
@example(street="Rue", number="1", postcode="1٠٠٠", city="Bruxelles")
def test_an_address_is_stored_only_with_a_belgian_postcode(street, number, postcode, city):
    """PD-1, V2.2.1: positive validation of the address; a postcode is 4 ASCII digits
    from 1000 to 9999 (BUG-3: Unicode digits used to pass), and no field carries a NUL."""
    from portal import profile

    recorder = _Recorder()
    try:
        change = profile.change_address(recorder, _Account(), street, number, postcode, city, NOW)
    except profile.InvalidAddress:
        return
    assert re.fullmatch(r"[1-9][0-9]{3}", change.postcode), change.postcode
    assert all("\x00" not in v for v in (change.street, change.house_number, change.city))
