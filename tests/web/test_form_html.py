"""The forms' HTML, byte for byte (issue 12): templates/_forms.html may render fields
more cheaply, never differently. The golden files hold the profile page's forms as
WTForms rendered them, the CSRF token masked."""

from __future__ import annotations

import os
import re
from datetime import datetime
from pathlib import Path

from models import Brand

GOLDEN = Path(__file__).parent / "golden"
NOW = datetime(2026, 11, 23, 15, 0)


def forms_of(html: str) -> str:
    """The page's <form> elements, each on its own lines, with the CSRF token masked."""
    forms = re.findall(r"<form\b.*?</form>", html, re.S)
    return re.sub(r'(csrf_token" type="hidden" value=")[^"]*', r"\1TOKEN", "\n".join(forms))


def matches_golden(name: str, html: str) -> bool:
    path = GOLDEN / name
    if os.environ.get("WRITE_GOLDEN"):
        path.write_text(forms_of(html) + "\n", encoding="utf-8")
    return forms_of(html) + "\n" == path.read_text(encoding="utf-8")


def test_the_profile_forms_render_exactly_as_before(client, freeze, personas, person_named, login):
    freeze(NOW)
    login(person_named("Sofie"), Brand.PV, email="sofie@example.be")
    html = client.get("/pv/nl/profile").get_data(as_text=True)
    assert "<form" in html
    assert matches_golden("profile_forms.html", html)


def test_the_profile_forms_with_errors_and_typed_values_render_exactly_as_before(
    client, submit, freeze, personas, person_named, login
):
    freeze(NOW)
    login(person_named("Louise"), Brand.PV)
    data = {
        "address-street": "",
        "address-house_number": '1"<b>',
        "address-postcode": "12345",
        "address-city": "Antwerpen & co",
    }
    response = submit("/pv/nl/profile", data, action="/pv/nl/profile/address")
    html = response.get_data(as_text=True)
    assert "has-error" in html
    assert matches_golden("profile_forms_errors.html", html)
