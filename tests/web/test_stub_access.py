"""Who may pick a person in the itsme stub or a card in the eID reader (issue 10 item 4,
RG-1; SECURITY.md). SIM_STUBS: unset, open to loopback clients and the console token
elsewhere; `open`, open to everybody; `token`, the console token even on loopback."""

from __future__ import annotations

import pytest

from portal.app import create_app
from tests.conftest import csrf_token
from tests.web.test_itsme import phone_of, query

REMOTE = {"REMOTE_ADDR": "192.0.2.10"}


@pytest.fixture
def remote(client):
    """The test client as a browser on another machine."""
    client.environ_base.update(REMOTE)
    return client


def html(response) -> str:
    return response.get_data(as_text=True)


def sign_in(app, client) -> None:
    client.get(f"/sim/?token={app.config['SIM_TOKEN']}")


def test_a_remote_tester_sees_no_people_on_the_phone_without_the_token(remote, submit, personas):
    phone = phone_of(remote, submit, "pv", "nl")
    page = html(remote.get(phone))
    assert 'data-testid="stub-locked"' in page and "/sim/signin?next=" in page
    assert "itsme-person-" not in page and 'data-testid="itsme-typed-number"' not in page
    assert "Peeters" not in page
    assert 'data-testid="itsme-cancel"' in page  # cancel and time-out still work


def test_a_remote_confirmation_without_the_token_is_refused(remote, submit, personas):
    phone = phone_of(remote, submit, "pv", "nl")
    page = html(remote.get(phone))
    data = {
        "csrf_token": csrf_token(page),
        "action": "confirm",
        "national_number": personas["louise"].national_number,
    }
    refused = remote.post(phone, data=data)
    assert refused.status_code == 403 and 'data-testid="stub-locked"' in html(refused)
    cancelled = remote.post(phone, data={**data, "action": "cancel"})
    assert query(cancelled.location)["error"] == "access_denied"


def test_with_the_console_token_a_remote_tester_picks_anyone(app, remote, submit, personas):
    sign_in(app, remote)
    phone = phone_of(remote, submit, "pv", "nl")
    page = html(remote.get(phone))
    assert "itsme-person-" in page and 'data-testid="stub-locked"' not in page
    data = {
        "csrf_token": csrf_token(page),
        "action": "confirm",
        "national_number": personas["louise"].national_number,
    }
    assert "code" in query(remote.post(phone, data=data).location)


def test_a_remote_tester_sees_no_cards_in_the_reader_without_the_token(remote, personas):
    page = html(remote.get("/pv/nl/login/eid"))
    assert 'data-testid="stub-locked"' in page and 'data-testid="eid-card"' not in page
    assert 'data-testid="eid-national-number"' not in page
    assert "/sim/signin?next=/pv/nl/login/eid" in page


def test_a_remote_pin_without_the_token_is_refused(remote, personas):
    number = personas["louise"].national_number
    shown = remote.get(f"/pv/nl/login/eid/pin?card={number}")
    assert shown.status_code == 403 and 'name="pin"' not in html(shown)
    page = html(remote.get("/pv/nl/register"))
    data = {"csrf_token": csrf_token(page), "card": number, "pin": "1234"}
    refused = remote.post("/pv/nl/login/eid/pin", data=data)
    assert refused.status_code == 403
    assert 'data-testid="welcome"' not in html(remote.get("/pv/nl/"))


def test_the_console_sign_in_also_opens_the_reader_of_both_portals(app, remote, personas):
    sign_in(app, remote)
    for base in ("/pv/nl", "/vivium/fr"):
        page = html(remote.get(f"{base}/login/eid"))
        assert 'data-testid="eid-card"' in page and 'data-testid="stub-locked"' not in page


def test_sim_stubs_open_lets_everybody_pick(app, remote, personas):
    app.config["SIM_STUBS"] = "open"
    assert 'data-testid="eid-card"' in html(remote.get("/pv/nl/login/eid"))


def test_sim_stubs_token_asks_for_it_even_on_loopback(app, client, personas):
    app.config["SIM_STUBS"] = "token"
    assert 'data-testid="stub-locked"' in html(client.get("/pv/nl/login/eid"))
    sign_in(app, client)
    assert 'data-testid="eid-card"' in html(client.get("/pv/nl/login/eid"))


def test_the_lock_notice_is_in_the_page_language(remote, personas):
    nl = html(remote.get("/pv/nl/login/eid"))
    fr = html(remote.get("/pv/fr/login/eid"))
    assert (
        nl.split('data-testid="stub-locked"')[1][:400]
        != fr.split('data-testid="stub-locked"')[1][:400]
    )


def test_a_wrong_sim_stubs_value_stops_the_start_with_its_name(tmp_path):
    with pytest.raises(ValueError, match="SIM_STUBS"):
        create_app(
            {
                "TESTING": True,
                "DATABASE_URL": f"sqlite:///{tmp_path / 'x.sqlite3'}",
                "SECRET_KEY": "x",
                "INSTANCE_PATH": str(tmp_path / "instance"),
                "SIM_STUBS": "sometimes",
            }
        )
