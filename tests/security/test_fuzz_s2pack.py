"""Property-based tests of the VIVIUM S² Pack's forms and operations (S2-1..S2-8; OWASP
ASVS 5.0 V1.2.1, V2.2.1, V16.5.1): the personal page's login and its "I have installed
it", every form of the console's S² page and every operation of its control API.

Each example posts hostile or valid input and checks the same outcome:

- never a server error (no 5xx, no stack trace);
- the personal page answers in the language of its URL;
- no HTML payload comes back unescaped;
- nothing half written: a refused submit leaves the boxes, their logs, the outbox and the
  contracts' premiums as they were; an accepted one changes them only through its action.

Wrong passwords count on purpose (auth.throttle); the counters are emptied between
examples so that every example reaches the password check instead of the pause.
"""

from __future__ import annotations

from datetime import timedelta
from urllib.parse import quote

import pytest
from hypothesis import currently_in_test_context, event, given, settings
from hypothesis import strategies as st
from sqlalchemy import delete, func, select

from models import Brand, Contract, Language, LimitBucket, OutboxMessage
from models.telematics import S2Box, S2Event
from portal.backoffice import s2pack
from portal.db import new_session
from seed import build
from seed.demo import load_demo
from seed.s2pack import seed_s2pack
from tests.conftest import csrf_token
from tests.security.conftest import MONDAY, FormClient, assert_page_ok
from tests.security.strategies import (
    REFLECTION_PAYLOADS,
    TYPABLE,
    hostile_text,
    one_field_hostile,
    or_valid,
)

PASSWORD = "pw-fuzz-s2"
NUMBER, LOGIN = "7700999", "s2-7700999"
DEMO_NUMBERS = tuple(f"402100900{i}" for i in range(1, 7))
EXAMPLES = 30
LANGS = st.sampled_from(("fr", "nl"))
ACTIONS = ("install", "impact", "battery", "anomaly", "regularise", "theft", "vehicle", "end")

pytestmark = pytest.mark.filterwarnings("ignore:Generating overly large repr")


def state(app) -> tuple:
    """What a refusal must leave alone: every box, the size of every log, the outbox and
    the premiums, read in a fresh session."""
    session = new_session(app)
    try:
        boxes = session.execute(
            select(S2Box.id, S2Box.stage, S2Box.installed_at, S2Box.ended_at).order_by(S2Box.id)
        ).all()
        return (
            tuple(boxes),
            session.scalar(select(func.count()).select_from(S2Event)),
            session.scalar(select(func.count()).select_from(OutboxMessage)),
            tuple(session.scalars(select(Contract.annual_premium_cents).order_by(Contract.id))),
        )
    finally:
        session.close()


def payloads(*values: object) -> tuple[str, ...]:
    texts = [v for v in values if isinstance(v, str)]
    return tuple(v for v in texts if any(p in v for p in REFLECTION_PAYLOADS))


def outcome(label: str) -> None:
    if currently_in_test_context():
        event(label)


def forget_limits(db) -> None:
    db.execute(delete(LimitBucket))
    db.commit()


@pytest.fixture
def box(db, freeze):
    """A Vivium car contract with the S² Pack, its box received (installation awaited)."""
    freeze(MONDAY)
    holder = build.add_person(db, first_name="Wim", language=Language.NL, mobile="+32470667788")
    contract = build.add_contract(
        db, holder, "car", number=NUMBER, brand=Brand.VIVIUM, covered=["civil_liability"]
    )
    db.flush()
    signed = MONDAY - timedelta(days=6)
    s2pack.add_s2_pack(db, contract, signed, password=PASSWORD, hash_method="pbkdf2:sha256:1")
    s2pack.play_due(db, MONDAY)
    db.commit()
    return NUMBER


@pytest.fixture
def demo(db, freeze):
    """The demo data on the suite's Monday, and the six S² Pack customers the console's
    button adds (seed.s2pack), anchored to that day."""
    freeze(MONDAY)
    load_demo(db)
    seed_s2pack(db, MONDAY.date())
    db.commit()


def flashes(client) -> list[tuple[str, str]]:
    with client.session_transaction() as session:
        return list(session.pop("_flashes", []))


# --- the personal page ------------------------------------------------------------------


@settings(max_examples=EXAMPLES)
@given(
    lang=LANGS,
    fields=one_field_hostile(
        {"login": LOGIN, "password": PASSWORD},
        {
            "login": or_valid(LOGIN, "S2-7700999", " s2-7700999 ", "s2-" + "9" * 40),
            "password": or_valid(PASSWORD, "x" * 128, "x" * 129, PASSWORD.upper()),
        },
    ),
)
def test_the_personal_page_login_form(app, client, db, box, lang, fields):
    """S2-6: only the welcome SMS's login and password sign in; anything else is a page
    in the URL's language that writes nothing but the wrong-password counter."""
    forget_limits(db)
    client.delete_cookie("s2_session", path="/s2")
    form = FormClient(client, f"/s2/{lang}/login")
    before = state(app)
    response = form.post(data=fields)
    assert_page_ok(response, lang, payloads(*fields.values()))
    outcome(str(response.status_code))
    right = fields["login"].strip().lower() == LOGIN and fields["password"] == PASSWORD
    assert (response.status_code == 302) == right, response.status_code
    assert state(app) == before


@settings(max_examples=EXAMPLES)
@given(
    lang=LANGS,
    token=st.one_of(st.none(), hostile_text(80)),
    extra=st.dictionaries(st.text(TYPABLE, min_size=1, max_size=12), hostile_text(40), max_size=3),
)
def test_the_i_have_installed_it_form(app, client, db, box, lang, token, extra):
    """S2-5, S2-6: "I have installed it" with a right or forged token and stray fields:
    installed once with its activation SMS, or nothing written."""
    forget_limits(db)
    page = FormClient(client, f"/s2/{lang}/login")
    assert page.post(data={"login": LOGIN, "password": PASSWORD}).status_code == 302
    mine = client.get(f"/s2/{lang}/").get_data(as_text=True)
    data = {**extra, "csrf_token": csrf_token(mine) if token is None else token}
    before = state(app)
    response = client.post(f"/s2/{lang}/installed", data=data)
    assert_page_ok(response, lang, payloads(*data.values()))
    outcome(str(response.status_code))
    after = state(app)
    if after != before:
        assert response.status_code == 302 and token is None
        assert after[0][0][1] == "active" and before[0][0][1] == "received"
        assert after[1] > before[1] and after[2] - before[2] == 1  # its log lines, one SMS


# --- the console's S² page ----------------------------------------------------------------

CONSOLE_FIELDS = {
    "g": or_valid("2.5", "4.01", "2.49", "0", "-1", "1e308", "nan", "inf", "50.1"),
    "in_belgium": or_valid("yes", "no"),
    "stopped": or_valid("yes", "no"),
    "answered": or_valid("yes", "no"),
    "place": or_valid("Liège", "x" * 200),
    "what": or_valid("low", "disconnected", "flat"),
    "plate": or_valid("1ABC123", "1-ABC-123", "ABCDEFGHIJ"),
}


@settings(max_examples=EXAMPLES * 2)
@given(
    action=st.sampled_from(ACTIONS),
    number=or_valid(*DEMO_NUMBERS, "4021009999", "9999999"),
    fields=one_field_hostile({k: "" for k in CONSOLE_FIELDS}, CONSOLE_FIELDS),
)
def test_every_console_action_form(app, client, demo, action, number, fields):
    """S2-2..S2-8: any box, action and field: a flash and the page, a refusal leaving
    everything as it was."""
    page = client.get("/sim/s2pack").get_data(as_text=True)
    flashes(client)
    before = state(app)
    path = f"/sim/s2pack/{quote(number, safe='')}/{action}"
    response = client.post(path, data={"csrf_token": csrf_token(page), **fields})
    assert_page_ok(response, None)
    said = flashes(client)
    refused = response.status_code >= 400 or any(kind == "error" for kind, _ in said)
    outcome(f"{response.status_code} {'refused' if refused else 'done'}")
    if refused:
        assert state(app) == before, said
    else:
        assert response.status_code == 302 and state(app)[1] > before[1]  # the box's log
    shown = client.get("/sim/s2pack")
    assert_page_ok(shown, None, payloads(number, *fields.values()))


@settings(max_examples=EXAMPLES)
@given(number=or_valid(*DEMO_NUMBERS, "5436548", "4021009999"), form=st.booleans())
def test_the_console_subscribe_and_demo_forms(app, client, demo, number, form):
    """S2-6: subscribing any typed contract, or the demo customers again: refused with a
    flash (the demo holds them already) or done with the welcome SMS."""
    page = client.get("/sim/s2pack").get_data(as_text=True)
    flashes(client)
    before = state(app)
    path = "/sim/s2pack/subscribe" if form else "/sim/s2pack/demo"
    response = client.post(path, data={"csrf_token": csrf_token(page), "number": number})
    assert_page_ok(response, None)
    said = flashes(client)
    done = response.status_code == 302 and not any(kind == "error" for kind, _ in said)
    outcome(f"{path} {'done' if done and state(app) != before else 'nothing'}")
    if state(app) != before:
        assert form and done and len(state(app)[0]) == len(before[0]) + 1
    assert_page_ok(client.get("/sim/s2pack"), None, payloads(number))


# --- the control API ----------------------------------------------------------------------

JSON_VALUE = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(2**70), max_value=2**70),
    st.floats(allow_nan=True, allow_infinity=True),
    hostile_text(40),
    st.lists(st.integers(), max_size=2),
    st.dictionaries(st.text(max_size=4), st.integers(), max_size=2),
)
API_FIELDS = ("g", "in_belgium", "stopped", "answered", "place", "what", "plate", "by")


@settings(max_examples=EXAMPLES * 2)
@given(
    operation=st.sampled_from(("", *(f"/{a}" for a in ACTIONS))),
    number=or_valid(*DEMO_NUMBERS, "5436548", "9999999"),
    body=st.one_of(
        st.dictionaries(st.sampled_from(API_FIELDS), JSON_VALUE, max_size=4),
        JSON_VALUE,
    ),
)
def test_every_s2_pack_api_operation(app, client, demo, operation, number, body):
    """S2-1..S2-8: any body to any S² operation: a JSON answer, an error with its code
    leaving everything as it was, or the box with its log."""
    before = state(app)
    path = f"/sim/api/s2pack/{quote(number, safe='')}{operation}"
    response = client.post(path, json=body)
    assert response.status_code < 500, (path, body)
    if 300 <= response.status_code < 400:  # an empty number: the router merges the slashes
        assert number.strip("/") == "" or "//" in path
        assert state(app) == before
        return
    answer = response.get_json()
    outcome(f"{operation or '/subscribe'} {response.status_code} {answer.get('error', '')}")
    if response.status_code >= 400:
        assert answer["error"] and state(app) == before
    else:
        assert answer["contract"] == number and answer["log"]
