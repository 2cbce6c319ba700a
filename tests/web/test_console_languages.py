"""The console in English, French and Dutch (issue 19): every older console page speaks
the trainer's language, and the codes a trainer reads get a label in it while staying in
the page's data-* attributes for tests and QA."""

from __future__ import annotations

from datetime import datetime

import pytest

from models import Brand, SupportRequest
from models.sim import FaultName, clock_now, set_clock
from portal.i18n import merged_catalog
from portal.sim.console_labels import LABELS
from tests.conftest import csrf_token

LANGS = ("en", "fr", "nl")
REMOTE = {"REMOTE_ADDR": "192.0.2.10"}
MONDAY = datetime(2026, 11, 23, 9, 0)

# Each console page and a few English words of it that French and Dutch never show.
PAGES = {
    "dashboard": ("/sim/", ["Limits on abuse", "Next scheduled events", "Blocked eID cards"]),
    "outbox": ("/sim/outbox", ["Every letter", "Recipient", "Posted", "in transit"]),
    "personas": ("/sim/personas", ["Birth date", "Register page", "not registered"]),
    "broker search": ("/sim/broker?q=Peeters", ["Broker and agent tools", "Open in"]),
    "broker view": ("/sim/broker/pv/{louise}", ["Contact details", "Policies shown", "years old"]),
    "broker missing": ("/sim/broker/pv/999999", ["Customer not found", "Back to the search"]),
    "no intermediary": ("/sim/intermediaries/open/pv/999999", ["No intermediary"]),
    "support list": ("/sim/support", ["Open this mailbox", "to handle", "Received"]),
    "support detail": ("/sim/support/{request}", ["Reply to", "Handle", "Answer by email"]),
    "support missing": ("/sim/support/999999", ["Support request not found"]),
}
NAV = ["Clock &amp; faults", "Support desk", "Brokers &amp; agents", "Skip to content"]


@pytest.fixture
def console_data(client, db, personas, person_named, submit):
    """A letter in transit (Louise registers) and a support request about her."""
    set_clock(db, MONDAY, frozen=True)
    db.commit()
    submit("/pv/nl/register", {"contract_number": "5436548", "birth_date": "1985-03-12"})
    louise = person_named("Louise")
    request = SupportRequest(
        brand=Brand.PV,
        kind="registration_problem",
        language="nl",
        email="louise@example.be",
        person_id=louise.id,
        created_at=clock_now(db),
    )
    db.add(request)
    db.commit()
    return {"louise": louise.id, "request": request.id}


def in_language(client, lang: str) -> None:
    assert client.get(f"/sim/language/{lang}").status_code == 302


@pytest.mark.parametrize("lang", LANGS)
def test_every_older_console_page_is_in_the_language_the_trainer_chose(client, console_data, lang):
    in_language(client, lang)
    for name, (path, words) in PAGES.items():
        response = client.get(path.format(**console_data))
        assert response.status_code in (200, 404), name
        html = response.get_data(as_text=True)
        assert f'<html lang="{lang}">' in html, name
        for word in [*words, *NAV]:
            assert (word in html) == (lang == "en"), (name, lang, word)


def test_a_french_console_reads_french_and_a_dutch_one_reads_flemish_dutch(client, console_data):
    in_language(client, "fr")
    page = client.get(f"/sim/broker/pv/{console_data['louise']}").get_data(as_text=True)
    assert "Coordonnées" in page and "Demander un document manquant (DC-2)" in page
    assert "numéro de registre national" in client.get("/sim/broker").get_data(as_text=True)
    in_language(client, "nl")
    page = client.get(f"/sim/broker/pv/{console_data['louise']}").get_data(as_text=True)
    assert "Een ontbrekend document aanvragen (DC-2)" in page and "Rijksregisternummer" in page
    assert "de brievenbus en de gsm van de klant" in client.get("/sim/outbox").get_data(
        as_text=True
    )
    assert "brief" in client.get("/sim/outbox").get_data(as_text=True)


def test_codes_get_a_label_in_the_language_and_keep_their_code_in_the_page(client, console_data):
    in_language(client, "fr")
    page = client.get(f"/sim/support/{console_data['request']}").get_data(as_text=True)
    assert 'data-code="registration_problem">problème d&#39;inscription<' in page
    assert 'data-code="open">ouverte<' in page and 'data-code="nl">Néerlandais<' in page
    outbox = client.get("/sim/outbox").get_data(as_text=True)
    assert 'data-channel="letter"' in outbox and '<span class="badge">lettre</span>' in outbox
    assert 'data-status="in_transit"' in outbox and "en route : attendu le" in outbox


def test_the_dates_of_a_dutch_console_name_the_day_in_dutch(client, console_data):
    in_language(client, "nl")
    page = client.get("/sim/").get_data(as_text=True)
    assert "maandag 23/11/2026 09:00" in page and "Monday" not in page
    in_language(client, "en")
    assert "Monday 23/11/2026 09:00" in client.get("/sim/").get_data(as_text=True)


def test_the_fault_descriptions_are_in_the_trainers_language(client, console_data):
    in_language(client, "nl")
    page = client.get("/sim/").get_data(as_text=True)
    for fault in FaultName:
        assert fault.description not in page, fault
        assert f'data-testid="fault-{fault.value}"' in page


@pytest.mark.parametrize(
    ("lang", "flash"),
    [
        ("en", "Clock moved to 24/11/2026 09:00."),
        ("fr", "Horloge avancée au 24/11/2026 09:00."),
        ("nl", "Klok verzet naar 24/11/2026 09:00."),
    ],
)
def test_the_consoles_flash_messages_speak_the_trainers_language(client, console_data, lang, flash):
    in_language(client, lang)
    token = csrf_token(client.get("/sim/").get_data(as_text=True))
    done = client.post("/sim/clock/advance", data={"csrf_token": token, "days": "1"})
    assert done.status_code == 302
    assert flash in client.get("/sim/").get_data(as_text=True)


@pytest.mark.parametrize("lang", LANGS)
def test_the_sign_in_page_of_a_remote_trainer_is_in_his_language(app, client, lang):
    app.config["SIM_TOKEN"] = "a-token-for-this-test"
    in_language(client, lang)  # from this machine, before going remote
    for response in (
        client.get("/sim/", environ_base=REMOTE),
        client.get("/sim/signin", environ_base=REMOTE),
    ):
        html = response.get_data(as_text=True)
        assert f'<html lang="{lang}">' in html
        assert ("The simulator needs its console token" in html) == (lang == "en")
        assert 'data-testid="sim-signin-form"' in html


@pytest.mark.parametrize("lang", LANGS)
def test_a_new_world_page_is_in_the_trainers_language(client, no_stale_world_schemas, lang):
    in_language(client, lang)
    token = csrf_token(client.get("/sim/").get_data(as_text=True))
    made = client.post("/sim/worlds", data={"csrf_token": token, "dataset": "empty"})
    try:
        html = made.get_data(as_text=True)
        assert made.status_code == 201 and f'<html lang="{lang}">' in html
        assert ("shown only now" in html) == (lang == "en")
        assert ("Back to the console" in html) == (lang == "en")
    finally:
        for world in client.get("/sim/api/worlds").get_json()["worlds"]:
            client.delete(f"/sim/api/worlds/{world['id']}")


@pytest.mark.parametrize("lang", ("fr", "nl"))
def test_every_label_and_fault_description_has_a_translation(lang):
    """The labels of codes and the fault descriptions are not literal `_()` calls of a
    template, so tests/unit/test_translations.py cannot see them: this test does."""
    catalog = merged_catalog(lang)
    texts = [*LABELS.values(), *(fault.description for fault in FaultName)]
    missing = [t for t in texts if not (catalog.get(t) and catalog.get(t).string)]
    assert missing == []


# The Insurgate and S² Pack console pages, with English words French and Dutch never show.
MORE_PAGES = {
    "insurgate": ("/sim/insurgate", ["Integration requests waiting", "No request is waiting."]),
    "s2pack": ("/sim/s2pack", ["Demo customers", "Add the S² Pack demo", "No S² Pack yet."]),
}


@pytest.mark.parametrize("lang", LANGS)
def test_the_insurgate_and_s2_pack_pages_are_in_the_trainers_language(client, lang):
    in_language(client, lang)
    for name, (path, words) in MORE_PAGES.items():
        html = client.get(path).get_data(as_text=True)
        assert f'<html lang="{lang}">' in html, name
        for word in words:
            assert (word in html) == (lang == "en"), (name, lang, word)
    if lang == "fr":
        assert "Aucune demande n&#39;attend." in client.get("/sim/insurgate").get_data(as_text=True)
    if lang == "nl":
        assert "Nog geen S² Pack." in client.get("/sim/s2pack").get_data(as_text=True)


def test_the_s2_pack_buttons_and_flashes_speak_the_trainers_language(client, submit):
    in_language(client, "nl")
    submit("/sim/s2pack", {}, action="/sim/s2pack/demo")
    html = client.get("/sim/s2pack").get_data(as_text=True)
    assert "S² Pack-klanten toegevoegd" in html and "Voertuigwissel" in html
    assert ">install<" not in html and ">installeren<" in html
    submit("/sim/s2pack", {}, action="/sim/s2pack/demo")
    assert "De S² Pack-demoklanten zijn er al." in client.get("/sim/s2pack").get_data(as_text=True)


@pytest.mark.parametrize(
    ("lang", "line", "delivered"),
    [
        ("en", "activation code of Louise Peeters expires", "is delivered"),
        ("fr", "le code d&#39;activation de Louise Peeters expire", "est remis"),
        ("nl", "de activeringscode van Louise Peeters vervalt", "wordt bezorgd"),
    ],
)
def test_the_dashboards_events_and_the_next_event_flash_are_in_the_trainers_language(
    client, console_data, lang, line, delivered
):
    in_language(client, lang)
    html = client.get("/sim/").get_data(as_text=True)
    rows = html.split('data-testid="events-table"')[1].split("</table>")[0]
    assert line in rows and ("is delivered" in rows) == (lang == "en")
    done = client.post("/sim/clock/next-event", data={"csrf_token": csrf_token(html)})
    assert done.status_code == 302
    flash = client.get("/sim/").get_data(as_text=True).split('class="flash')[1][:400]
    assert delivered in flash and ("is delivered" in flash) == (lang == "en"), flash
    assert all("is delivered" in e["what"] or "expires" in e["what"] for e in api_events(client))


def api_events(client) -> list[dict]:
    """The API keeps the English descriptions, whatever the console's language."""
    return client.get("/sim/api/events").get_json()["events"]


@pytest.mark.parametrize(
    ("lang", "words"), [("fr", ("Copier", "Copié")), ("nl", ("Kopiëren", "Gekopieerd"))]
)
def test_the_copy_button_takes_its_words_in_the_trainers_language(
    client, console_data, lang, words
):
    in_language(client, lang)
    html = client.get("/sim/outbox?reveal=undelivered").get_data(as_text=True)
    assert f'data-copy-label="{words[0]}" data-copied="{words[1]}"' in html


@pytest.mark.parametrize(
    ("lang", "words"),
    [
        ("fr", "client professionnel"),
        ("nl", "professionele klant"),
        ("en", "professional customer"),
    ],
)
def test_the_persona_cards_say_what_each_persona_shows_in_the_trainers_language(
    client, personas, lang, words
):
    in_language(client, lang)
    assert words in client.get("/sim/personas").get_data(as_text=True)
