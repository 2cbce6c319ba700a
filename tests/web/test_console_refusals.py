"""A refused console action reads in the trainer's language, its code in brackets
(issue 12 follow-up): Insurgate's decision (IG-2), the support desk (RG-5, DC-3), the
intermediary's request to support (DC-3) and the S² Pack's console (S2-5, S2-6). The
JSON API keeps the back office's English message for the QA scripts, and so does the
console in English (it names the status or action at stake)."""

from __future__ import annotations

import html
import re
from datetime import datetime

import pytest

from models import Brand, SupportRequest
from models.sim import clock_now, set_clock
from tests.conftest import csrf_token
from tests.web.test_insurgate_api import OFFICE

NOW = datetime(2026, 12, 1, 10, 0)
FLASH = re.compile(r'<p class="flash[^"]*" data-testid="flash">(.*?)</p>', re.S)


def in_language(client, lang: str) -> None:
    assert client.get(f"/sim/language/{lang}").status_code == 302


def flashes(client, page: str) -> list[str]:
    return [html.unescape(m) for m in FLASH.findall(client.get(page).get_data(as_text=True))]


def post(client, page: str, action: str, **fields):
    token = csrf_token(client.get(page).get_data(as_text=True))
    answer = client.post(action, data={"csrf_token": token, **fields})
    assert answer.status_code == 302, answer.status_code
    return answer


@pytest.fixture
def decided(client, db) -> int:
    """An Insurgate integration request the company refused already (IG-2)."""
    set_clock(db, NOW, frozen=True)
    db.commit()
    user_id = client.post("/sim/api/insurgate/offices", json=OFFICE).get_json()["user_id"]
    body = {"user_id": user_id, "producer_number": "12345"}
    integration = client.post("/sim/api/insurgate/integrations", json=body).get_json()["id"]
    refusal = client.post(f"/sim/api/insurgate/integrations/{integration}/refuse", json={})
    assert refusal.status_code == 200
    return integration


@pytest.fixture
def no_email_request(db, personas, person_named) -> int:
    """A registration problem reported with no email address (an empty one) (RG-5)."""
    set_clock(db, NOW, frozen=True)
    request = SupportRequest(
        brand=Brand.PV,
        kind="registration_problem",
        language="nl",
        email="",
        person_id=person_named("Louise").id,
        created_at=clock_now(db),
    )
    db.add(request)
    db.commit()
    return request.id


INSURGATE = {
    "en": "This request was decided already. (already_decided)",
    "fr": "Cette demande d'intégration a déjà reçu une décision. (already_decided)",
    "nl": "Over deze integratieaanvraag is al beslist. (already_decided)",
}


@pytest.mark.parametrize("lang", ["en", "fr", "nl"])
def test_ig2_a_second_decision_is_refused_in_the_trainers_language(client, decided, lang):
    in_language(client, lang)
    post(client, "/sim/", f"/sim/insurgate/integrations/{decided}/accept")  # no form left
    assert flashes(client, "/sim/insurgate") == [INSURGATE[lang]]


def test_ig2_the_api_keeps_the_english_message_of_the_refusal(client, decided):
    in_language(client, "fr")
    again = client.post(f"/sim/api/insurgate/integrations/{decided}/accept", json={})
    assert again.status_code == 409
    assert again.get_json() == {
        "error": "already_decided",
        "message": "This request was decided already.",
    }


DESK = {
    "en": "This request has no email address to answer to. (no_email)",
    "fr": "La demande n'a pas d'adresse e-mail : personne à qui répondre. (no_email)",
    "nl": "De aanvraag heeft geen e-mailadres: er is niemand om te antwoorden. (no_email)",
}


@pytest.mark.parametrize("lang", ["en", "fr", "nl"])
def test_an_answer_to_a_request_without_email_is_refused_in_the_trainers_language(
    client, no_email_request, lang
):
    in_language(client, lang)
    page = f"/sim/support/{no_email_request}"
    post(client, page, f"{page}/answer", text="Probeer opnieuw.")
    assert flashes(client, page) == [DESK[lang]]


def test_an_empty_answer_is_refused_in_dutch_with_its_code(client, no_email_request):
    in_language(client, "nl")
    page = f"/sim/support/{no_email_request}"
    post(client, page, f"{page}/answer", text="  ")
    assert flashes(client, page) == ["Schrijf het antwoord voor u het verstuurt. (text_required)"]


def test_the_support_api_keeps_the_english_message(client, no_email_request):
    in_language(client, "nl")
    answer = client.post(f"/sim/api/support/{no_email_request}/answer", json={"text": "Hallo"})
    assert answer.status_code == 409
    assert answer.get_json()["message"] == "This request has no email address to answer to."


BROKER = {
    "en": "Without an account the customer gets letters. (not_registered)",
    "fr": "Le client n'a pas de compte : le courrier lui arrive déjà par la poste. "
    "(not_registered)",
    "nl": "De klant heeft geen account: de post komt al per brief. (not_registered)",
}


@pytest.mark.parametrize("lang", ["en", "fr", "nl"])
def test_dc3_a_paper_exception_for_a_customer_without_account_is_refused_in_the_trainers_language(
    client, freeze, personas, person_named, lang
):
    freeze(NOW)
    in_language(client, lang)
    page = f"/sim/broker/pv/{person_named('Louise').id}"
    post(client, page, f"{page}/paper-exception", message="Slechtziend.")
    assert flashes(client, page) == [BROKER[lang]]


S2 = {
    "en": "this box is not waiting to be installed (s2_not_waiting)",
    "fr": "Le boîtier n'attend pas d'être installé (étape active). (s2_not_waiting)",
    "nl": "De box wacht niet op plaatsing (fase active). (s2_not_waiting)",
}


@pytest.fixture
def s2_demo(client, freeze, personas) -> None:
    """The S² demo customers, added by the console's button (S2-6)."""
    freeze(datetime(2026, 3, 10, 12, 0))
    post(client, "/sim/s2pack", "/sim/s2pack/demo")


@pytest.mark.parametrize("lang", ["en", "fr", "nl"])
def test_s2_installing_a_working_box_again_is_refused_with_its_stage_in_the_trainers_language(
    client, s2_demo, lang
):
    in_language(client, lang)
    post(client, "/sim/s2pack", "/sim/s2pack/4021009003/install")
    assert flashes(client, "/sim/s2pack") == [S2[lang]]


def test_s2_a_refusal_the_console_words_itself_keeps_its_words(client, s2_demo):
    """`invalid_field` has no text of its own: the S² console raises it in French."""
    in_language(client, "fr")
    post(client, "/sim/s2pack", "/sim/s2pack/4021009003/impact", g="fort")
    (shown,) = flashes(client, "/sim/s2pack")
    assert shown.endswith(" (invalid_field)") and "g is the impact" not in shown
