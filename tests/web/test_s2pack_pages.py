"""What the customer and the broker see of the S² Pack: the personal page signed into
with the welcome SMS's login (S2-1, S2-6), the customer's own "I have installed it"
(S2-5), the state and next deadline on the MyVivium contract page and in V-Connect."""

from __future__ import annotations

import html
import re
from datetime import datetime, timedelta

import pytest
from sqlalchemy import select

from models import Brand, Contract, Intermediary, Language, OutboxMessage, Person
from models.sim import advance_clock
from portal.backoffice import s2pack
from seed import build
from tests.conftest import csrf_token
from tests.web.test_query_counts import counted

SIGNED = datetime(2026, 3, 10, 10, 0)
PASSWORD = "pw2s2pack9"


@pytest.fixture
def pack(db, freeze):
    freeze(SIGNED)
    holder = build.add_person(
        db, first_name="Jef", last_name="Maes", language=Language.NL, mobile="+32470998877"
    )
    contract = build.add_contract(
        db,
        holder,
        "car",
        number="7700123",
        brand=Brand.VIVIUM,
        covered=["civil_liability"],
        vehicle_make="Skoda",
        vehicle_plate="1SKO123",
    )
    db.flush()
    box = s2pack.add_s2_pack(db, contract, SIGNED, password=PASSWORD, hash_method="pbkdf2:sha256:1")
    db.commit()
    return box


def sign_in(client, lang: str = "nl", password: str = PASSWORD):
    page = client.get(f"/s2/{lang}/login").get_data(as_text=True)
    return client.post(
        f"/s2/{lang}/login",
        data={"csrf_token": csrf_token(page), "login": "S2-7700123", "password": password},
    )


def _without_csrf(page: str) -> str:
    """The page without its form tokens, which carry the second they were made in."""
    return re.sub(r'(name="csrf_token"[^>]*value=")[^"]*', r"\1", page)


def later(db, days: float) -> None:
    advance_clock(db, timedelta(days=days))
    s2pack.play_due(db, SIGNED + timedelta(days=days))
    db.commit()


def test_the_welcome_sms_login_opens_the_personal_page_in_dutch_s2_6(client, db, pack):
    welcome = db.scalars(select(OutboxMessage).where(OutboxMessage.kind == "s2_welcome_sms")).one()
    assert "s2-7700123" in welcome.body and PASSWORD in welcome.body
    answer = sign_in(client)
    assert answer.status_code == 302 and answer.location.endswith("/s2/nl/")
    page = client.get("/s2/nl/").get_data(as_text=True)
    assert "Mijn rijpagina" in page and "Box besteld" in page
    assert 'data-testid="s2-no-data"' in page


def test_a_wrong_password_is_refused_in_french(client, pack):
    answer = sign_in(client, "fr", "wrong-one")
    assert answer.status_code == 422
    assert "ne correspondent à aucun VIVIUM S² Pack" in answer.get_data(as_text=True)
    assert client.get("/s2/fr/").status_code == 302


def test_the_customer_says_he_installed_the_box_and_gets_the_activation_sms_s2_5(client, db, pack):
    later(db, 5)
    sign_in(client)
    page = client.get("/s2/nl/").get_data(as_text=True)
    assert "Box ontvangen, te plaatsen" in page and "05/04/2026" in page
    answer = client.post("/s2/nl/installed", data={"csrf_token": csrf_token(page)})
    assert answer.status_code == 302
    kinds = db.scalars(select(OutboxMessage.kind).order_by(OutboxMessage.id)).all()
    assert kinds[-1] == "s2_activation_sms"


def test_installing_before_the_box_is_sent_is_refused_on_the_page_s2_5(client, pack):
    sign_in(client)
    page = client.get("/s2/nl/").get_data(as_text=True)
    assert 'data-testid="s2-install"' not in page
    answer = client.post("/s2/nl/installed", data={"csrf_token": csrf_token(page)})
    assert answer.status_code == 409 and 'data-code="s2_not_sent"' in answer.get_data(as_text=True)


def test_the_page_charts_the_trips_and_lists_the_recorded_accident_s2_1(client, db, pack):
    later(db, 5)
    box, _, holder = s2pack.box_of(db, "7700123")
    s2pack.install(db, box, holder, SIGNED + timedelta(days=5))
    later(db, 40)
    s2pack.impact(
        db,
        box,
        holder,
        SIGNED + timedelta(days=40),
        g=3.2,
        in_belgium=True,
        stopped=True,
        answered=True,
        place="Mechelen",
    )
    db.commit()
    sign_in(client)
    page = client.get("/s2/nl/").get_data(as_text=True)
    for chart in ("s2-chart-weeks", "s2-chart-times", "s2-chart-roads"):
        assert f'data-testid="{chart}"' in page
    assert page.count("<rect") > 10 and "In de stad" in page and "Snelweg" in page
    assert re.search(r'data-testid="s2-km">\d+,\d km', page)
    assert "19/04/2026" in page and "Mechelen" in page and "3,20 g" in page
    assert "cdn" not in page.lower() and "<script" not in page
    again = client.get("/s2/nl/").get_data(as_text=True)
    assert _without_csrf(again) == _without_csrf(page)  # deterministic trips


def test_the_myvivium_contract_page_shows_the_state_and_the_deadline_s2_5(client, db, pack, login):
    later(db, 5)
    holder = db.get(Person, db.get(Contract, pack.contract_id).holder_id)
    login(holder, Brand.VIVIUM)
    page = client.get("/vivium/nl/contracts/7700123").get_data(as_text=True)
    assert 'data-testid="s2-pack" data-stage="received"' in page
    assert 'data-testid="s2-deadline">05/04/2026' in page


def test_v_connect_shows_the_state_and_the_timeline_of_messages_s2_5(client, db, pack, personas):
    broker = db.scalars(select(Intermediary).where(Intermediary.brand == Brand.VIVIUM)).first()
    contract = db.get(Contract, pack.contract_id)
    contract.intermediary_id = broker.id
    db.commit()
    later(db, 5)
    base = f"/vconnect/{broker.language.value}"
    signin = client.get(f"{base}/signin").get_data(as_text=True)
    client.post(
        f"{base}/signin/pick", data={"csrf_token": csrf_token(signin), "intermediary_id": broker.id}
    )
    page = client.get(f"{base}/policies/7700123").get_data(as_text=True)
    assert 'data-stage="received"' in page and 'data-testid="s2-timeline"' in page
    welcome, delivery = {
        "fr": ("SMS de bienvenue avec l'identifiant", "SMS : la box est en route"),
        "nl": ("Welkomst-sms met de login", "Sms: de box is onderweg"),
    }[broker.language.value]
    shown = html.unescape(page)
    assert welcome in shown and delivery in shown


def test_the_personal_page_runs_the_same_statements_with_one_or_many_events(app, client, db, pack):
    later(db, 5)
    box, _, holder = s2pack.box_of(db, "7700123")
    s2pack.install(db, box, holder, SIGNED + timedelta(days=5))
    db.commit()
    sign_in(client)
    client.get("/s2/nl/")  # issue 19: moving to a page writes it once; its reloads do not
    counts = []
    for more in (0, 20):
        for n in range(more):
            s2pack.battery(db, box, holder, SIGNED + timedelta(days=6, minutes=n), "low")
        db.commit()
        with counted(app.extensions["db_engine"]) as statements:
            assert client.get("/s2/nl/").status_code == 200
        counts.append(len(statements))
    assert counts[0] == counts[1], counts


@pytest.mark.parametrize("lang", ["fr", "nl"])
def test_the_chart_tooltips_write_kilometres_with_a_decimal_comma_s2_1(client, db, pack, lang):
    """S2-1: a bar's tooltip reads like the figures above it (« 304,1 km »), never 304.1."""
    later(db, 5)
    box, _, holder = s2pack.box_of(db, "7700123")
    s2pack.install(db, box, holder, SIGNED + timedelta(days=5))
    later(db, 40)
    sign_in(client, lang)
    page = client.get(f"/s2/{lang}/").get_data(as_text=True)
    tooltips = re.findall(r"<rect [^>]*><title>([^<]*)</title>", page)
    assert len(tooltips) > 10
    for tooltip in tooltips:
        assert re.fullmatch(r".+: \d+,\d km", html.unescape(tooltip)), tooltip
