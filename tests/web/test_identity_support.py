"""Refusals after itsme or the eID card proved who the visitor is: the "email already
used" refusal with the brand's support details (RG-7, FAQ 2.5), and problem reports that
carry the proven national number so support can merge the records (RG-5, FAQ 2.3)."""

from __future__ import annotations

import io
import re

import pytest
from sqlalchemy import func, select

from models import Brand, SupportRequest
from seed.build import add_account
from tests.conftest import csrf_token
from tests.web.test_itsme import itsme

HOURS = {"fr": "8 h 30 à 17 h", "nl": "8.30 tot 17 uur"}
SUPPORT = {"vivium": ("myvivium@vivium.be", "02 406 87 08"), "pv": ("mypv@pv.be", "02 250 87 09")}
SPACES = [("vivium", "fr"), ("vivium", "nl"), ("pv", "nl"), ("pv", "fr")]
WHO = {"vivium": "marc", "pv": "louise"}


def html(response) -> str:
    return response.get_data(as_text=True)


def refusal_code(page: str) -> str | None:
    found = re.search(r'data-testid="refusal" data-code="([a-z_]+)"', page)
    return found.group(1) if found else None


def proven_by(client, submit, way: str, brand: str, lang: str, number: str):
    """Let itsme or the eID card prove `number`; the page the portal answers with."""
    if way == "itsme":
        return client.get(itsme(client, submit, brand, lang, number=number))
    base = f"/{brand}/{lang}"
    page = f"{base}/login/eid/pin?card={number}"
    return submit(page, {"card": number, "pin": "1234"}, action=f"{base}/login/eid/pin")


# --- RG-7: "email already used" after itsme or eID, with the support details ----------


@pytest.mark.parametrize("way", ["itsme", "eid"])
@pytest.mark.parametrize(("brand", "lang"), SPACES)
def test_rg7_an_email_already_used_after_an_identity_shows_the_faq_contact_centre(
    client, db, submit, personas, person_named, way, brand, lang
):
    """FAQ 2.5: the refusal, then the mailbox, phone and hours, as on the personal-data
    path; the field says it too, and the report form is there (RG-5)."""
    add_account(db, person_named("Emma"), Brand(brand), email="shared@example.be")
    db.commit()
    arrived = proven_by(client, submit, way, brand, lang, personas[WHO[brand]].national_number)
    assert arrived.location.endswith(f"/{brand}/{lang}/register/identity")
    page = submit(arrived.location, {"email": "Shared@example.be", "consent": "y"})
    text = html(page)
    assert page.status_code == 200 and refusal_code(text) == "email_already_used"
    assert 'data-testid="account-email-error"' in text
    mailbox, phone = SUPPORT[brand]
    support = text.split('data-testid="support-box"', 1)[1]
    assert f'href="mailto:{mailbox}"' in support and phone in support
    assert HOURS[lang] in support
    assert 'data-testid="report-form"' in text
    assert 'data-testid="identity-form"' in text  # the customer can try another address


# --- RG-5: a report from a refusal after itsme or eID names the person ------------------


def send_report(client, refusal_page: str, brand: str, lang: str, **changes):
    payload = {
        "csrf_token": csrf_token(refusal_page),
        "error_code": refusal_code(refusal_page),
        "email": "nathalie@example.be",
        "message": "",
        "screenshot": (io.BytesIO(b"\x89PNG\r\n\x1a\n" + b"\0" * 16), "shot.png"),
        **changes,
    }
    return client.post(
        f"/{brand}/{lang}/support/report", data=payload, content_type="multipart/form-data"
    )


@pytest.mark.parametrize("way", ["itsme", "eid"])
@pytest.mark.parametrize("lang", ["fr", "nl"])
def test_rg5_a_report_of_a_duplicated_person_carries_the_proven_national_number(
    client, db, submit, personas, person_named, way, lang
):
    """Nathalie is recorded twice: her report reaches support with her national number,
    masked in the mailbox list, whole on the request's page, and the merge is offered."""
    number = person_named("Nathalie").national_number
    refused = proven_by(client, submit, way, "vivium", lang, number)
    assert refusal_code(html(refused)) == "person_duplicated"
    with client.session_transaction("/vivium/") as session:
        assert number not in str(dict(session))  # the cookie is signed, not secret
    done = send_report(client, html(refused), "vivium", lang)
    assert done.status_code == 200 and 'data-testid="report-done"' in html(done)
    req = db.scalars(select(SupportRequest)).one()
    assert req.national_number == number and req.error_code == "person_duplicated"

    listing = html(client.get("/sim/support"))
    assert number not in listing
    assert f'data-testid="request-national-number-{req.id}"' in listing
    masked = f"**.**.**-*{number[7:9]}.{number[9:]}"
    assert masked in listing.split(f'data-testid="request-national-number-{req.id}"')[1]
    detail = html(client.get(f"/sim/support/{req.id}"))
    assert f'data-testid="request-national-number">{number}<' in detail
    assert f'data-testid="merge-{number}"' in detail
    summary = client.get("/sim/api/support").get_json()["requests"][0]
    assert number not in str(summary) and summary["national_number_masked"] == masked
    assert client.get(f"/sim/api/support/{req.id}").get_json()["national_number"] == number


def test_rg5_the_merge_api_finds_the_number_of_the_report(
    client, db, submit, personas, person_named
):
    number = person_named("Nathalie").national_number
    refused = proven_by(client, submit, "itsme", "vivium", "fr", number)
    send_report(client, html(refused), "vivium", "fr")
    req = db.scalars(select(SupportRequest)).one()
    merged = client.post(f"/sim/api/support/{req.id}/merge", json={})
    assert merged.status_code == 200, merged.get_json()
    assert len(merged.get_json()["result"]["removed_person_ids"]) == 1


def test_rg5_a_report_after_a_personal_data_refusal_has_no_national_number(
    client, db, submit, personas
):
    page = submit(
        "/vivium/fr/register", {"contract_number": "4011005500", "birth_date": "1981-02-22"}
    )
    assert send_report(client, html(page), "vivium", "fr").status_code == 200
    assert db.scalars(select(SupportRequest)).one().national_number is None


def test_rg5_a_proven_number_is_attached_only_to_the_report_of_its_refusal(
    client, db, submit, personas, person_named
):
    """The number proven by itsme goes with the report of that refusal, not with a report
    of another error sent from the same browser."""
    refused = proven_by(
        client, submit, "itsme", "vivium", "fr", person_named("Nathalie").national_number
    )
    send_report(client, html(refused), "vivium", "fr", error_code="data_mismatch")
    assert db.scalars(select(SupportRequest)).one().national_number is None


@pytest.mark.parametrize(("lang", "message"), [("fr", "code d'erreur"), ("nl", "foutcode")])
@pytest.mark.parametrize("code", ["unknown_code", "PERSON_DUPLICATED", "x" * 40])
def test_rg5_a_report_with_an_unknown_error_code_is_refused_and_not_stored(
    client, db, submit, personas, lang, message, code
):
    page = submit(
        f"/vivium/{lang}/register", {"contract_number": "4011005500", "birth_date": "1981-02-22"}
    )
    response = send_report(client, html(page), "vivium", lang, error_code=code)
    assert response.status_code == 400
    assert message in html(response) and 'data-testid="report-error"' in html(response)
    assert db.scalar(select(func.count()).select_from(SupportRequest)) == 0
