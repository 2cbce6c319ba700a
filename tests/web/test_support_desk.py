"""The support desk of myvivium@vivium.be and mypv@pv.be: requests, screenshots, answers
and the merge of a duplicated customer (RG-5, DC-2, DC-3), in the console and the API."""

from __future__ import annotations

import io
import re
from datetime import timedelta

import pytest
from sqlalchemy import func, select

from models import Account, ActivationCode, Brand, Contract, Person, SupportRequest
from models.sim import advance_clock
from tests.conftest import csrf_token
from tests.web.test_personal_data import MONDAY, last_message

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64
NATHALIE = {"contract_number": "4011005500", "birth_date": "1981-02-22"}


def refusal_code(html: str) -> str | None:
    match = re.search(r'data-testid="refusal" data-code="([a-z_]+)"', html)
    return match.group(1) if match else None


def report(client, submit, page_url=None, data=None, screenshot=PNG, email="nathalie@example.be"):
    """Fail a registration, then send the report form of the refusal page to support."""
    page = submit(page_url or "/vivium/fr/register", data or NATHALIE)
    html = page.get_data(as_text=True)
    payload = {
        "csrf_token": csrf_token(html),
        "error_code": refusal_code(html),
        "email": email,
        "message": "Je ne peux pas m'inscrire.",
    }
    if screenshot is not None:
        payload["screenshot"] = (io.BytesIO(screenshot), "erreur.png")
    space = "/".join((page_url or "/vivium/fr/register").split("/")[:3])
    done = client.post(f"{space}/support/report", data=payload, content_type="multipart/form-data")
    assert done.status_code == 200
    return html


@pytest.fixture
def nathalie_report(client, submit, freeze, personas):
    freeze(MONDAY)
    html = report(client, submit)
    assert refusal_code(html) == "person_duplicated"
    (req,) = client.get("/sim/api/support").get_json()["requests"]
    return req


def act(client, request_id, action, body=None):
    return client.post(f"/sim/api/support/{request_id}/{action}", json=body or {})


def test_rg5_a_registration_problem_reaches_the_vivium_mailbox_with_its_screenshot(
    client, nathalie_report
):
    assert nathalie_report["mailbox"] == "myvivium@vivium.be"
    assert nathalie_report["kind"] == "registration_problem" and nathalie_report["status"] == "open"
    detail = client.get(f"/sim/api/support/{nathalie_report['id']}").get_json()
    assert detail["error_code"] == "person_duplicated" and detail["email"] == "nathalie@example.be"
    assert detail["actions"] == ["answer", "merge"]
    for url in (detail["screenshot_url"], f"/sim/support/{detail['id']}/screenshot"):
        image = client.get(url)
        assert image.status_code == 200 and image.data == PNG
        assert image.headers["Content-Type"] == "image/png"
        assert image.headers["X-Content-Type-Options"] == "nosniff"
    html = client.get(f"/sim/support/{detail['id']}").get_data(as_text=True)
    assert 'data-testid="request-screenshot"' in html and "person_duplicated" in html


def test_rg5_support_merges_nathalies_two_records_and_she_can_register(
    client, db, submit, nathalie_report, person_named
):
    """RG-5: the refusal, the report, the merge in the console, then a successful step 1."""
    number = person_named("Nathalie").national_number
    page = f"/sim/support/{nathalie_report['id']}"
    html = client.get(page).get_data(as_text=True)
    assert f'data-testid="merge-{number}"' in html
    keep = person_named("Nathalie").id
    merged = submit(page, {"national_number": number, "keep_person_id": str(keep)}, f"{page}/merge")
    assert merged.status_code == 302
    db.expire_all()
    people = db.scalars(select(Person).where(Person.national_number == number)).all()
    assert [p.id for p in people] == [keep]
    numbers = db.scalars(select(Contract.number).where(Contract.holder_id == keep)).all()
    assert sorted(numbers) == ["4011005500", "4021005501"]  # contracts and their documents
    req = db.get(SupportRequest, nathalie_report["id"])
    assert req.status == "solved" and req.handled_at == MONDAY and req.person_id == keep
    email = last_message(db, "email", "registration_solved_email")
    assert email.recipient == "nathalie@example.be" and "créer votre compte" in email.body
    again = submit("/vivium/fr/register", NATHALIE)
    assert 'data-testid="letter-sent"' in again.get_data(as_text=True)
    code = db.scalars(select(ActivationCode)).one()
    assert code.person_id == keep


def test_rg5_merge_moves_the_accounts_and_codes_of_the_removed_record(
    client, db, personas, person_named, freeze
):
    freeze(MONDAY)
    first, second = db.scalars(
        select(Person).where(Person.first_name == "Nathalie").order_by(Person.id)
    ).all()
    from seed import build

    build.add_account(db, second, Brand.VIVIUM, email="nat@example.be")
    db.add(
        SupportRequest(
            brand=Brand.VIVIUM,
            kind="registration_problem",
            language="fr",
            email="nat@example.be",
            person_id=second.id,
            created_at=MONDAY,
        )
    )
    db.commit()
    kept, removed = first.id, second.id
    (req,) = client.get("/sim/api/support?kind=registration_problem").get_json()["requests"]
    done = act(client, req["id"], "merge")
    assert done.status_code == 200, done.get_json()
    assert done.get_json()["result"] == {"kept_person_id": kept, "removed_person_ids": [removed]}
    db.expire_all()
    account = db.scalars(select(Account)).one()
    assert account.person_id == kept and account.email == "nat@example.be"
    assert db.get(Person, removed) is None
    assert act(client, req["id"], "merge").status_code == 409  # solved already


def test_merge_without_duplicate_or_with_a_stranger_to_keep_is_refused(
    client, db, nathalie_report, person_named
):
    rid = nathalie_report["id"]
    lonely = person_named("Louise").national_number
    assert act(client, rid, "merge").get_json()["error"] == "national_number_required"
    response = act(client, rid, "merge", {"national_number": "abc"})
    assert response.status_code == 422 and response.get_json()["error"] == "invalid_national_number"
    response = act(client, rid, "merge", {"national_number": lonely})
    assert response.status_code == 409 and response.get_json()["error"] == "no_duplicate"
    number = person_named("Nathalie").national_number
    response = act(client, rid, "merge", {"national_number": number, "keep_person_id": 99999})
    assert response.status_code == 422 and response.get_json()["error"] == "invalid_keep"
    response = act(client, rid, "merge", {"national_number": number, "keep_person_id": "1"})
    assert response.status_code == 422
    assert db.scalar(select(func.count()).where(Person.national_number == number)) == 2


def test_support_answers_by_email_and_keeps_the_answer(client, db, nathalie_report):
    rid = nathalie_report["id"]
    done = act(client, rid, "answer", {"text": "Nous regardons votre dossier."})
    assert done.status_code == 200
    body = done.get_json()
    assert body["request"]["status"] == "answered" and body["request"]["handled_at"]
    assert body["request"]["answer"] == "Nous regardons votre dossier."
    email = last_message(db, "email", "support_answer")
    assert email.id == body["result"]["message_id"]
    assert email.recipient == "nathalie@example.be" and email.language.value == "fr"
    assert "Nous regardons votre dossier." in email.body and "myvivium@vivium.be" in email.body


def test_support_answers_from_the_console_with_a_csrf_token(client, db, submit, nathalie_report):
    page = f"/sim/support/{nathalie_report['id']}"
    assert client.post(f"{page}/answer", data={"text": "x"}).status_code == 400
    sent = submit(page, {"text": "Bonjour, c'est réglé."}, f"{page}/answer")
    assert sent.status_code == 302
    html = client.get(page).get_data(as_text=True)
    assert 'data-testid="request-answer">Bonjour, c&#39;est réglé.' in html
    assert last_message(db, "email", "support_answer").recipient == "nathalie@example.be"
    empty = submit(page, {"text": "  "}, f"{page}/answer", follow_redirects=True)
    assert "text_required" in empty.get_data(as_text=True)


def test_the_desk_lists_both_mailboxes_newest_first_and_filters(
    client, db, submit, freeze, personas
):
    freeze(MONDAY)
    report(client, submit)
    advance_clock(db, timedelta(hours=1))
    db.commit()
    report(client, submit, "/pv/nl/register", {"contract_number": "1", "birth_date": "1985-03-12"})
    listed = client.get("/sim/api/support").get_json()["requests"]
    assert [r["mailbox"] for r in listed] == ["mypv@pv.be", "myvivium@vivium.be"]
    assert listed[0]["created_at"] > listed[1]["created_at"]
    assert [r["brand"] for r in client.get("/sim/api/support?brand=pv").json["requests"]] == ["pv"]
    both = client.get("/sim/api/support?status=open&kind=registration_problem").json["requests"]
    assert len(both) == 2
    assert client.get("/sim/api/support?status=solved").json["requests"] == []
    html = client.get("/sim/support?brand=vivium").get_data(as_text=True)
    assert html.count('data-testid="support-row-') == 1
    assert 'data-testid="mailbox-pv"' in html and "mypv@pv.be" in html
    assert client.get("/sim/support?kind=complaint").status_code == 400


@pytest.mark.parametrize(
    ("url", "status", "error"),
    [
        ("/sim/api/support/999", 404, "request_not_found"),
        ("/sim/api/support/abc", 404, "request_not_found"),
        ("/sim/api/support/99999999999999999999", 404, "request_not_found"),
        ("/sim/api/support/999/screenshot", 404, "request_not_found"),
        ("/sim/api/support?brand=axa", 400, "invalid_filter"),
        ("/sim/api/support?limit=100000", 400, "invalid_filter"),
    ],
)
def test_api_reads_answer_json_errors(client, url, status, error):
    response = client.get(url)
    assert response.status_code == status
    assert response.get_json()["error"] == error and response.get_json()["message"]


def test_api_actions_refuse_bad_input_with_json_errors(client, nathalie_report):
    rid = nathalie_report["id"]
    cases = [
        (act(client, 999, "answer", {"text": "x"}), 404, "request_not_found"),
        (act(client, rid, "fly"), 404, "unknown_action"),
        (act(client, rid, "approve"), 422, "wrong_kind"),
        (act(client, rid, "sent"), 422, "wrong_kind"),
        (act(client, rid, "answer", {"text": ["x"]}), 422, "invalid_text"),
        (act(client, rid, "answer"), 422, "text_required"),
        (client.post(f"/sim/api/support/{rid}/answer", json=[1]), 400, "invalid_body"),
        (client.post(f"/sim/api/support/{rid}/answer", data="text=x"), 415, "json_required"),
    ]
    for response, status, error in cases:
        assert (response.status_code, response.get_json()["error"]) == (status, error)


def test_a_request_without_screenshot_has_no_image(client, submit, freeze, personas):
    freeze(MONDAY)
    report(client, submit, screenshot=None)
    (req,) = client.get("/sim/api/support").get_json()["requests"]
    assert client.get(f"/sim/api/support/{req['id']}").get_json()["screenshot_url"] is None
    assert client.get(f"/sim/support/{req['id']}/screenshot").status_code == 404
    missing = client.get("/sim/support/424242")
    assert missing.status_code == 404 and 'data-testid="support-not-found"' in missing.text


def test_every_desk_and_broker_endpoint_is_described_in_openapi(app, client):
    from portal.sim.openapi_desk import PATHS

    mine = {
        re.sub(r"<([^>]+)>", r"{\1}", rule.rule.removeprefix("/sim/api"))
        for rule in app.url_map.iter_rules()
        if rule.endpoint.startswith(("sim_api.support_", "sim_api.documents_", "sim_api.broker_"))
    }
    assert mine == set(PATHS)
    served = client.get("/sim/api/openapi.json").get_json()["paths"]
    assert set(PATHS) <= set(served)


WEIRD = [None, True, -1, 10**30, 2025.5, "", "\x00", "x" * 6000, [], [[1]], {"a": {}}, "٣"]


def test_no_body_of_any_shape_makes_an_endpoint_fail(client, db, nathalie_report, person_named):
    """Every state change answers a JSON 2xx or 4xx, never a 500, whatever the fields hold."""
    louise = person_named("Louise")
    rid = nathalie_report["id"]
    urls = [f"/sim/api/support/{rid}/{a}" for a in ("answer", "merge", "approve", "sent")]
    urls += [f"/sim/api/broker/pv/{louise.id}/{w}" for w in ("paper-exception", "missing-document")]
    urls.append("/sim/api/documents/publish")
    fields = ("text", "note", "national_number", "keep_person_id", "email", "message")
    fields += ("contract_number", "document_kind", "year", "kind", "kinds")
    for url in urls:
        for value in WEIRD:
            response = client.post(url, json={f: value for f in fields})
            assert response.status_code < 500, (url, value)
            if response.status_code >= 400:
                assert {"error", "message"} <= set(response.get_json()), (url, value)
    for q in ("\x00", "%_\\", "٣٣", "a" * 500):
        assert client.get("/sim/api/broker/search", query_string={"q": q}).status_code == 200
        assert client.get("/sim/broker", query_string={"q": q}).status_code == 200
    for raw in ("%00", "²", "-1", "1.5", "9" * 40):
        assert client.get(f"/sim/api/support/{raw}").status_code == 404
        assert client.get(f"/sim/support/{raw}").status_code == 404
        assert client.get(f"/sim/api/broker/pv/{raw}").status_code == 404
        assert client.get(f"/sim/broker/vivium/{raw}").status_code == 404
