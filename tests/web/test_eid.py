"""The virtual eID card reader in both portals (RG-1, RG-3, RG-5, BR-1)."""

from __future__ import annotations

import re
from datetime import datetime

import pytest
from sqlalchemy import func, select

from models import Account, Brand, EidCard, IdentityLink, Person
from models.sim import set_fault
from seed import build
from seed.eid_cards import seed_eid_cards

UNKNOWN = "90010112395"  # valid, and nobody of the back office has it
FIRST_LOGINS = [
    ("vivium", "fr", "Marc"),
    ("vivium", "nl", "Sofie"),
    ("pv", "nl", "Louise"),
    ("pv", "fr", "Jean-Pierre"),
]
SPACES = [("vivium", "fr"), ("pv", "nl")]


@pytest.fixture
def enter_pin(submit):
    """enter_pin(base, national_number, pin): insert the card, type the PIN, press OK."""

    def _enter(base: str, number: str, pin: str):
        page = f"{base}/login/eid/pin?card={number}"
        return submit(page, {"card": number, "pin": pin}, action=f"{base}/login/eid/pin")

    return _enter


def html(response) -> str:
    return response.get_data(as_text=True)


def code(response) -> str | None:
    """The refusal code a page shows, in the reader window or as a refusal page."""
    found = re.search(r'data-testid="(?:refusal|eid-message)" data-code="([^"]+)"', html(response))
    return found.group(1) if found else None


def tries_left(response) -> int:
    return int(re.search(r'data-tries-left="(\d)"', html(response)).group(1))


def is_home(client, base: str) -> bool:
    return 'data-testid="welcome"' in html(client.get(f"{base}/"))


def card_row(db, number: str) -> EidCard | None:
    db.expire_all()
    return db.get(EidCard, number)


def accounts_of(db, person: Person) -> list[Account]:
    db.expire_all()
    return list(db.scalars(select(Account).where(Account.person_id == person.id)))


# --- first and later logins ---------------------------------------------------------


@pytest.mark.parametrize(("brand", "lang", "first_name"), FIRST_LOGINS)
def test_rg1_rg3_first_eid_login_chooses_email_accepts_documents_then_lands_home(
    client, db, personas, person_named, enter_pin, submit, brand, lang, first_name
):
    person = person_named(first_name)
    base = f"/{brand}/{lang}"
    response = enter_pin(base, person.national_number, "1234")
    assert response.status_code == 302
    assert response.headers["Location"].endswith(f"{base}/register/identity")
    assert accounts_of(db, person) == []  # nothing is created before RG-3's consent
    done = submit(
        f"{base}/register/identity", {"email": f"{first_name.lower()}@example.be", "consent": "y"}
    )
    assert done.status_code == 302 and done.headers["Location"].endswith(f"{base}/")
    assert is_home(client, base)
    (account,) = accounts_of(db, person)
    assert account.brand.value == brand and account.method == "eid"
    assert account.digital_consent_at is not None
    links = db.scalars(select(IdentityLink).where(IdentityLink.account_id == account.id)).all()
    assert [link.provider for link in links] == ["eid"]


@pytest.mark.parametrize(("brand", "lang", "first_name"), FIRST_LOGINS[::2])
def test_rg1_a_later_eid_login_goes_straight_in(
    app, client, db, personas, person_named, enter_pin, submit, brand, lang, first_name
):
    person = person_named(first_name)
    base = f"/{brand}/{lang}"
    enter_pin(base, person.national_number, "1234")
    submit(f"{base}/register/identity", {"email": "later@example.be", "consent": "y"})

    other = app.test_client()  # another browser, no session
    page = other.get(f"{base}/login/eid/pin?card={person.national_number}")
    token = re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', html(page)).group(1)
    response = other.post(
        f"{base}/login/eid/pin",
        data={"csrf_token": token, "card": person.national_number, "pin": "1234"},
    )
    assert response.status_code == 302 and response.headers["Location"].endswith(f"{base}/")
    assert is_home(other, base)
    assert len(accounts_of(db, person)) == 1


def test_rg1_an_existing_account_gets_the_card_linked_and_goes_in(
    client, db, personas, person_named, enter_pin
):
    marc = person_named("Marc")
    account = build.add_account(db, marc, Brand.VIVIUM, method="password")
    db.commit()
    response = enter_pin("/vivium/fr", marc.national_number, "1234")
    assert response.headers["Location"].endswith("/vivium/fr/")
    assert is_home(client, "/vivium/fr")
    links = db.scalars(select(IdentityLink).where(IdentityLink.account_id == account.id)).all()
    assert [link.provider for link in links] == ["eid"]


# --- PIN and card rules ---------------------------------------------------------------


@pytest.mark.parametrize(("brand", "lang"), SPACES)
def test_rg1_three_wrong_pins_block_the_card_for_good(
    client, db, personas, person_named, enter_pin, brand, lang
):
    number = person_named("Sofie").national_number
    base = f"/{brand}/{lang}"
    first = enter_pin(base, number, "0000")
    assert code(first) == "eid_wrong_pin" and tries_left(first) == 2
    second = enter_pin(base, number, "1111")
    assert code(second) == "eid_wrong_pin" and tries_left(second) == 1
    third = enter_pin(base, number, "2222")
    assert code(third) == "eid_card_blocked"
    assert card_row(db, number).blocked
    right = enter_pin(base, number, "1234")
    assert right.status_code == 200 and code(right) == "eid_card_blocked"
    assert not is_home(client, base)
    reader = html(client.get(f"{base}/login/eid?q={number}"))
    assert 'data-status="blocked"' in reader


def test_rg1_a_card_blocked_in_one_portal_is_blocked_in_the_other(
    client, personas, person_named, enter_pin
):
    """The card is one physical card: its state is the reader's, not a brand's."""
    number = person_named("Sofie").national_number
    for pin in ("0000", "0001", "0002"):
        enter_pin("/pv/nl", number, pin)
    assert code(enter_pin("/vivium/nl", number, "1234")) == "eid_card_blocked"


def test_rg1_a_correct_pin_resets_the_wrong_pin_count(
    client, db, personas, person_named, enter_pin
):
    number = person_named("Louise").national_number
    enter_pin("/pv/nl", number, "0000")
    enter_pin("/pv/nl", number, "0000")
    assert card_row(db, number).wrong_pins == 2
    assert enter_pin("/pv/nl", number, "1234").status_code == 302
    assert card_row(db, number).wrong_pins == 0
    assert tries_left(enter_pin("/pv/fr", number, "9999")) == 2


@pytest.mark.parametrize("pin", ["12", "abcd", "12 34", "1234567890123"])
def test_rg1_a_pin_refused_by_the_pin_pad_is_not_counted(
    db, personas, person_named, enter_pin, pin
):
    number = person_named("Louise").national_number
    response = enter_pin("/pv/nl", number, pin)
    assert response.status_code == 200 and 'data-testid="eid-pin-error"' in html(response)
    row = card_row(db, number)
    assert row is None or row.wrong_pins == 0


def test_rg1_an_expired_card_is_refused_after_its_date(
    client, db, personas, person_named, enter_pin, freeze
):
    """Demo data: Luc Martens's card (seed/eid_cards.toml) expired on 2025-10-31."""
    seed_eid_cards(db)
    db.commit()
    number = person_named("Luc").national_number
    freeze(datetime(2025, 11, 1, 9, 0))
    reader = html(client.get("/vivium/nl/login/eid?q=Martens"))
    assert 'data-status="expired"' in reader and "31/10/2025" in reader
    response = enter_pin("/vivium/nl", number, "1234")
    assert code(response) == "eid_card_expired"
    assert 'data-testid="eid-other-card"' in html(response)
    assert not is_home(client, "/vivium/nl")


def test_rg1_the_expiry_follows_the_simulated_date(db, personas, person_named, enter_pin, freeze):
    seed_eid_cards(db)
    db.commit()
    freeze(datetime(2025, 10, 31, 23, 0))  # its last valid day
    response = enter_pin("/vivium/nl", person_named("Luc").national_number, "1234")
    assert response.status_code == 302
    assert response.headers["Location"].endswith("/vivium/nl/register/identity")


def test_rg1_seeding_the_cards_twice_leaves_one_expired_card(db, personas, person_named):
    seed_eid_cards(db)
    seed_eid_cards(db)
    db.commit()
    assert db.scalar(select(func.count()).select_from(EidCard)) == 1
    card = db.get(EidCard, person_named("Luc").national_number)
    assert card.valid_until.isoformat() == "2025-10-31" and not card.blocked


def test_seeding_a_card_of_an_unknown_person_names_the_entry(db, personas, tmp_path):
    path = tmp_path / "cards.toml"
    path.write_text(
        '[[cards]]\nfirst_name = "Nobody"\nlast_name = "Here"\nvalid_until = 2020-01-01\n'
    )
    with pytest.raises(ValueError, match="Nobody Here"):
        seed_eid_cards(db, path)


# --- the fault --------------------------------------------------------------------------


@pytest.mark.parametrize(("brand", "lang"), SPACES)
def test_rg1_fault_eid_reader_missing_shows_no_reader_and_no_cards(
    client, db, personas, person_named, brand, lang, enter_pin
):
    number = person_named("Louise").national_number
    base = f"/{brand}/{lang}"
    set_fault(db, "eid_reader_missing", True)
    db.commit()
    page = client.get(f"{base}/login/eid")
    assert page.status_code == 200 and code(page) == "eid_reader_missing"
    assert 'data-testid="eid-cards"' not in html(page)
    assert 'data-testid="report-form"' in html(page) and 'data-testid="eid-retry"' in html(page)
    pin_page = client.get(f"{base}/login/eid/pin?card={number}")
    assert code(pin_page) == "eid_reader_missing" and 'name="pin"' not in html(pin_page)

    set_fault(db, "eid_reader_missing", False)
    db.commit()
    assert 'data-testid="eid-cards"' in html(client.get(f"{base}/login/eid"))


def test_rg1_fault_switched_on_between_card_and_pin_refuses_the_pin(
    client, db, personas, person_named
):
    number = person_named("Louise").national_number
    page = client.get(f"/pv/nl/login/eid/pin?card={number}")
    token = re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', html(page)).group(1)
    set_fault(db, "eid_reader_missing", True)
    db.commit()
    response = client.post(
        "/pv/nl/login/eid/pin", data={"csrf_token": token, "card": number, "pin": "1234"}
    )
    assert code(response) == "eid_reader_missing"
    assert not is_home(client, "/pv/nl")


# --- RG-5 and BR-1 refusals through eID ------------------------------------------------


@pytest.mark.parametrize(
    ("base", "first_name", "expected"),
    [
        ("/vivium/fr", "Nathalie", "person_duplicated"),
        ("/pv/nl", "Thomas", "no_active_contract"),
        ("/vivium/nl", "Louise", "other_brand_only"),
        ("/pv/fr", None, "person_not_found"),
    ],
)
def test_rg5_br1_eid_refusals_name_their_reason(
    client, db, personas, person_named, enter_pin, base, first_name, expected
):
    number = person_named(first_name).national_number if first_name else UNKNOWN
    if first_name is None:
        assert db.scalar(select(Person).where(Person.national_number == UNKNOWN)) is None
    response = enter_pin(base, number, "1234")
    assert response.status_code == 200 and code(response) == expected
    assert 'data-testid="report-form"' in html(response)  # RG-5: report it to support
    assert not is_home(client, base)
    db.expire_all()
    assert db.scalar(select(func.count()).select_from(Account)) == 0


def test_rg1_a_typed_number_unknown_to_the_back_office_gets_a_card(client, personas):
    page = client.get("/pv/fr/login/eid/pin?card=90.01.01-123.95")
    assert page.status_code == 200
    assert 'data-testid="eid-pin-form"' in html(page) and "90.01.01-123.95" in html(page)


# --- the reader page ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("base", "title"),
    [
        ("/vivium/fr", "Insérez votre carte d'identité"),
        ("/vivium/nl", "Steek uw identiteitskaart in de lezer"),
        ("/pv/nl", "Steek uw identiteitskaart in de lezer"),
        ("/pv/fr", "Insérez votre carte d'identité"),
    ],
)
def test_rg1_the_reader_lists_cards_and_documents_the_pin_in_the_page_language(
    client, personas, base, title
):
    page = html(client.get(f"{base}/login/eid"))
    assert title in page.replace("&#39;", "'")
    assert 'data-testid="eid-pin-hint"' in page and "1234" in page
    numbers = re.findall(r'data-testid="eid-card" data-national-number="(\d{11})"', page)
    assert {p.national_number for p in personas.values()} <= set(numbers)
    assert len(numbers) == len(set(numbers))  # Nathalie's two records: one card


def test_rg1_the_reader_searches_by_name_and_by_national_number(client, personas, person_named):
    luc = person_named("Luc").national_number
    by_name = html(client.get("/vivium/nl/login/eid?q=luc MARTENS"))
    assert re.findall(r'data-national-number="(\d{11})"', by_name) == [luc]
    by_number = html(client.get(f"/vivium/nl/login/eid?q={luc[:2]}.{luc[2:4]}.{luc[4:6]}"))
    assert luc in re.findall(r'data-national-number="(\d{11})"', by_number)
    assert person_named("Louise").national_number not in by_number
    nothing = html(client.get("/vivium/nl/login/eid?q=%25"))
    assert 'data-testid="eid-no-cards"' in nothing


def test_rg1_the_reader_lists_at_most_20_cards(client, db):
    for i in range(25):
        build.add_person(db, first_name=f"Test{i:02d}", last_name="Zimmer")
    db.commit()
    page = html(client.get("/pv/nl/login/eid?q=zimmer"))
    assert len(re.findall(r'data-testid="eid-card"', page)) == 20
    assert 'data-testid="eid-cards-limit"' in page


@pytest.mark.parametrize("path", ["/login/eid", "/login/eid/pin?card=90010112395"])
def test_rg1_every_interactive_element_of_the_reader_has_a_test_id(client, personas, path):
    page = html(client.get(f"/vivium/fr{path}"))
    window = re.search(r'data-testid="eid-window">(.*?)</section>', page, re.S).group(1)
    tags = re.findall(r"<(?:a|button|input|select|textarea)\b[^>]*>", window)
    assert tags
    for tag in tags:
        assert 'type="hidden"' in tag or "data-testid=" in tag, tag


# --- bad input ------------------------------------------------------------------------

LONG = "9" * 20_000
BAD_VALUES = [LONG, "\x00", "12\x0034", "abc", "12345678901", "<script>x</script>", "%_'\";--"]


@pytest.mark.parametrize("value", BAD_VALUES)
def test_rg1_bad_input_in_the_reader_never_fails(client, personas, value):
    for url in ("/vivium/fr/login/eid", "/pv/nl/login/eid/pin"):
        field = "q" if url.endswith("/eid") else "card"
        response = client.get(url, query_string={field: value})
        assert response.status_code == 200, (url, value)
        assert "<script>x" not in html(response)
    invalid = client.get("/pv/nl/login/eid/pin", query_string={"card": value})
    assert 'data-testid="eid-national-number-error"' in html(invalid)


@pytest.mark.parametrize("value", BAD_VALUES)
def test_rg1_bad_input_in_the_pin_form_never_fails(client, personas, person_named, value):
    number = person_named("Marc").national_number
    page = client.get(f"/vivium/fr/login/eid/pin?card={number}")
    token = re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', html(page)).group(1)
    for data in ({"card": number, "pin": value}, {"card": value, "pin": "1234"}, {"pin": value}):
        response = client.post("/vivium/fr/login/eid/pin", data={"csrf_token": token, **data})
        assert response.status_code == 200, data
        assert "Traceback" not in html(response)
    assert not is_home(client, "/vivium/fr")


def test_rg1_the_pin_needs_the_csrf_token(client, personas, person_named):
    number = person_named("Marc").national_number
    response = client.post("/vivium/fr/login/eid/pin", data={"card": number, "pin": "1234"})
    assert response.status_code == 400
    assert not is_home(client, "/vivium/fr")
