"""Insurgate's screens and refusals (IG-1..IG-7), through the test client."""

from __future__ import annotations

import re
from datetime import datetime, timedelta

import pytest
from babel.numbers import format_currency
from sqlalchemy import select

from models import IgUser, OutboxMessage
from models.insurgate import IgIntegration
from seed.insurgate import DEMO_PASSWORD, seed_insurgate

NOW = datetime(2026, 12, 1, 10, 0)
FR = "/insurgate/fr"
PERSONAL = {
    "first_name": "Clémentine",
    "last_name": "Cazelles",
    "email": "clem@bureau.be",
    "password": "secret",
    "confirm": "secret",
    "terms": "y",
}
COMPANY = {
    "trade_name": "Bureau Cazelles",
    "enterprise": "BE0403170701",
    "street": "Rue Royale",
    "number": "151",
    "postcode": "1210",
    "city": "Bruxelles",
    "website": "https://bureau.be",
    "phone": "0412 34 56 78",
}


@pytest.fixture
def office(db, freeze):
    freeze(NOW)
    seed_insurgate(db)
    db.commit()


@pytest.fixture
def ig_login(client, submit):
    def _login(email: str, password: str = DEMO_PASSWORD):
        response = submit(f"{FR}/login", {"email": email, "password": password})
        assert response.status_code == 302, response.status_code
        return response

    return _login


def error_at(response, field: str) -> str:
    match = re.search(rf'data-testid="{field}-error">([^<]+)<', response.get_data(as_text=True))
    return match.group(1) if match else ""


def sign_up(submit, personal=None, company=None):
    first = submit(f"{FR}/signup", {**PERSONAL, **(personal or {})})
    if first.status_code != 302:
        return first
    return submit(f"{FR}/signup/company", {**COMPANY, **(company or {})})


def last_link(db, recipient: str) -> str:
    message = db.scalars(
        select(OutboxMessage)
        .where(OutboxMessage.recipient == recipient)
        .order_by(OutboxMessage.id.desc())
    ).first()
    return re.search(r"https?://[^/]+(/insurgate/\S+)", message.body).group(1)


def test_ig1_an_account_is_created_in_two_steps_and_its_user_is_logged_in(client, submit, freeze):
    freeze(NOW)
    response = sign_up(submit)
    assert response.status_code == 302 and response.location.endswith("/insurgate/fr/products")
    page = client.get(f"{FR}/products").get_data(as_text=True)
    assert 'data-testid="no-integration"' in page and "Clémentine CAZELLES" in page


@pytest.mark.parametrize(
    ("change", "field", "words"),
    [
        ({"password": "abcde", "confirm": "abcde"}, "password", "6 caractères"),
        ({"confirm": "other1"}, "confirm", "différents"),
        ({"terms": ""}, "terms", "Acceptez"),
        ({"email": "not an email"}, "email", "sans espaces"),
        ({"first_name": ""}, "first_name", "obligatoire"),
    ],
)
def test_ig1_each_refusal_of_the_personal_step_is_shown_at_its_field(
    submit, freeze, change, field, words
):
    freeze(NOW)
    response = submit(f"{FR}/signup", {**PERSONAL, **change})
    assert response.status_code == 422
    assert words in error_at(response, field)


@pytest.mark.parametrize(
    ("change", "field", "words"),
    [
        ({"enterprise": "0403170701"}, "enterprise", "BE0123456789"),
        ({"enterprise": "BE040317070"}, "enterprise", "BE0123456789"),
        ({"phone": "12"}, "phone", "belge"),
        ({"postcode": "999"}, "postcode", "quatre chiffres"),
        ({"website": ""}, "website", "obligatoire"),
    ],
)
def test_ig1_each_refusal_of_the_company_step_is_shown_at_its_field(
    submit, freeze, change, field, words
):
    freeze(NOW)
    response = sign_up(submit, company=change)
    assert response.status_code == 422
    assert words in error_at(response, field)


def test_ig1_an_email_used_anywhere_on_the_platform_is_refused_at_signup(submit, office):
    response = submit(f"{FR}/signup", {**PERSONAL, "email": "Delacroix@OrangeClignotant.be"})
    assert response.status_code == 422
    assert "a déjà un accès Insurgate" in error_at(response, "email")


def test_ig1_the_refusals_are_in_dutch_on_the_dutch_pages(submit, freeze):
    freeze(NOW)
    response = submit("/insurgate/nl/signup", {**PERSONAL, "password": "abc", "confirm": "abc"})
    assert "Minstens 6 tekens" in error_at(response, "password")


def test_ig1_a_wrong_password_is_refused_and_the_right_one_logs_in(client, submit, office):
    wrong = submit(f"{FR}/login", {"email": "7964@pv.be", "password": "nope-nope"})
    assert wrong.status_code == 422 and "ne correspondent" in error_at(wrong, "password")
    right = submit(f"{FR}/login", {"email": "7964@pv.be", "password": DEMO_PASSWORD})
    assert right.status_code == 302
    assert client.get(f"{FR}/requests").status_code == 200


def test_ig1_an_invited_user_cannot_log_in_before_setting_a_password(submit, office):
    response = submit(f"{FR}/login", {"email": "delacroix@orangeclignotant.be", "password": "x"})
    assert response.status_code == 422


def test_ig1_logout_ends_the_insurgate_session(client, submit, office, ig_login):
    ig_login("7964@pv.be")
    assert submit(f"{FR}/requests", {}, action=f"{FR}/logout").status_code == 302
    assert client.get(f"{FR}/requests").status_code == 302


def test_ig1_an_insurgate_session_is_no_customer_session(client, office, ig_login):
    ig_login("7964@pv.be")
    cookies = {c.key: c.path for c in client._cookies.values()}
    assert cookies.get("insurgate_session") == "/insurgate"
    assert client.get("/vivium/fr/").status_code == 200  # the landing page, not logged in
    assert "7964" not in client.get("/vivium/fr/").get_data(as_text=True)


def test_ig1_forgot_password_emails_a_single_use_link(client, submit, db, office, freeze):
    response = submit(f"{FR}/forgot", {"email": "7964@pv.be"})
    assert response.status_code == 200 and 'data-testid="forgot-sent"' in response.get_data(
        as_text=True
    )
    link = last_link(db, "7964@pv.be")
    assert submit(link, {"password": "nouveau1", "confirm": "nouveau1"}).status_code == 302
    assert client.get(link).status_code == 404
    client.post(f"{FR}/logout")
    assert submit(f"{FR}/login", {"email": "7964@pv.be", "password": "nouveau1"}).status_code == 302


def test_ig1_forgot_password_says_the_same_for_an_unknown_email_and_sends_nothing(
    submit, db, office
):
    response = submit(f"{FR}/forgot", {"email": "nobody@nowhere.be"})
    assert 'data-testid="forgot-sent"' in response.get_data(as_text=True)
    assert db.scalars(select(OutboxMessage)).all() == []


def test_ig1_a_reset_link_expires_after_two_hours(client, submit, db, office, freeze):
    submit(f"{FR}/forgot", {"email": "7964@pv.be"})
    link = last_link(db, "7964@pv.be")
    freeze(NOW + timedelta(hours=2))
    response = client.get(link)
    assert response.status_code == 404 and 'data-testid="link-unusable"' in response.get_data(
        as_text=True
    )


def _requests_integration(submit, db):
    sign_up(submit)
    response = submit(f"{FR}/products", {"producer": "123456", "group": ""})
    assert response.status_code == 302
    return db.scalars(select(IgIntegration)).one()


def test_ig2_no_quote_before_the_company_accepts_the_integration(client, submit, db, freeze):
    freeze(NOW)
    _requests_integration(submit, db)
    response = client.get(f"{FR}/requests/new")
    assert response.status_code == 409
    assert 'data-testid="no-integration"' in response.get_data(as_text=True)


QUOTE = {
    "company_name": "Boulangerie Dupuis",
    "activity": "shop",
    "postcode": "1210",
    "covers": ["workers_comp"],
    "claims_count": "1",
    "workers": "3",
    "payroll_euros": "100000",
    "extra_legal": "y",
}


def test_ig2_on_acceptance_the_broker_is_emailed_and_can_quote(client, submit, db, freeze):
    freeze(NOW)
    integration = _requests_integration(submit, db)
    api = client.post(f"/sim/api/insurgate/integrations/{integration.id}/accept", json={})
    assert api.status_code == 200 and api.get_json()["status"] == "accepted"
    mail = db.scalars(
        select(OutboxMessage).where(OutboxMessage.recipient == "clem@bureau.be")
    ).one()
    assert "123456" in mail.body and "acceptée" in mail.body
    response = submit(f"{FR}/requests/new", QUOTE)
    assert response.status_code == 302
    page = client.get(response.location).get_data(as_text=True)
    # IG-6: a shop pays 9 per mille of 100 000 € = 900 €, +15 % (1 claim) +20 % (extra-legal)
    assert format_currency(1215, "EUR", locale="fr_BE") in page


def test_ig2_a_request_is_decided_once(client, submit, db, freeze):
    freeze(NOW)
    integration = _requests_integration(submit, db)
    client.post(f"/sim/api/insurgate/integrations/{integration.id}/refuse", json={})
    again = client.post(f"/sim/api/insurgate/integrations/{integration.id}/accept", json={})
    assert again.status_code == 409 and again.get_json()["error"] == "already_decided"


def test_ig2_a_second_producer_number_needs_its_own_group_with_a_distinct_name(submit, db, freeze):
    freeze(NOW)
    _requests_integration(submit, db)
    no_name = submit(f"{FR}/products", {"producer": "654321", "group": ""})
    assert no_name.status_code == 422 and "donnez un nom au groupe" in error_at(no_name, "group")
    same = submit(f"{FR}/products", {"producer": "654321", "group": "default"})
    assert "Un autre groupe" in error_at(same, "group")
    taken = submit(f"{FR}/products", {"producer": "123456", "group": "Liège"})
    assert "a déjà une intégration" in error_at(taken, "producer")
    assert submit(f"{FR}/products", {"producer": "654321", "group": "Liège"}).status_code == 302


def test_ig3_the_requester_becomes_administrator_and_only_administrators_invite(
    client, submit, db, freeze, office, ig_login
):
    ig_login("7964@pv.be")
    assert client.get(f"{FR}/account/invite").status_code == 403
    assert client.get(f"{FR}/account/groups/new").status_code == 403


def test_ig4_an_invitee_is_emailed_sets_his_password_and_becomes_active(
    client, submit, db, office, ig_login
):
    ig_login("clementine.cazelles@pvgroup.be")
    page = client.get(f"{FR}/account/invite").get_data(as_text=True)
    demo_id = re.search(r'<option value="(\d+)">DEMO VIVIUM', page).group(1)
    data = {"first_name": "Jan", "last_name": "Peeters", "email": "jan@bureau.be",
            "language": "nl", "groups": [demo_id]}  # fmt: skip
    assert submit(f"{FR}/account/invite", data).status_code == 302
    account = client.get(f"{FR}/account").get_data(as_text=True)
    row = account.split('data-testid="user-jan@bureau.be"')[1].split("</tr>")[0]
    assert "DEMO VIVIUM" in row and 'data-status="invited"' in row
    link = last_link(db, "jan@bureau.be")
    client.post(f"{FR}/logout")
    assert submit(link, {"password": "wachtwoord", "confirm": "wachtwoord"}).status_code == 302
    assert db.scalars(select(IgUser).where(IgUser.email == "jan@bureau.be")).one().password_hash


def test_ig4_an_invitation_to_an_email_already_on_the_platform_is_refused(
    client, submit, office, ig_login
):
    ig_login("clementine.cazelles@pvgroup.be")
    data = {"first_name": "A", "last_name": "B", "email": "66799@vivium.be", "language": "fr"}
    response = submit(f"{FR}/account/invite", data)
    assert response.status_code == 422 and "déjà" in error_at(response, "email")


def test_ig4_the_users_list_shows_role_groups_products_date_and_status(client, office, ig_login):
    ig_login("clementine.cazelles@pvgroup.be")
    page = client.get(f"{FR}/account").get_data(as_text=True)
    row = page.split('data-testid="user-66803@vivium.be"')[1].split("</tr>")[0]
    assert "Default" in row and "TPE Tool - MVP" in row and "17/05/2026" in row
    assert 'data-status="active"' in row and "Intermédiaire" in row


def test_ig5_only_the_name_of_a_group_is_required(client, submit, office, ig_login):
    ig_login("clementine.cazelles@pvgroup.be")
    assert submit(f"{FR}/account/groups/new", {"name": "Antenne Namur"}).status_code == 302
    assert "Antenne Namur" in client.get(f"{FR}/account").get_data(as_text=True)
    again = submit(f"{FR}/account/groups/new", {"name": "antenne namur"})
    assert again.status_code == 422 and "Un autre groupe" in error_at(again, "name")


def test_ig5_a_member_sees_the_quotes_of_his_group_and_a_404_for_another_group(
    client, office, ig_login
):
    ig_login("7964@pv.be")
    page = client.get(f"{FR}/requests").get_data(as_text=True)
    assert "PV_TPE-KMO_TEST_0251" in page and "PV_TPE-KMO_DUPUIS_0256" not in page
    assert client.get(f"{FR}/requests/PV_TPE-KMO_TEST_0251").status_code == 200
    assert client.get(f"{FR}/requests/PV_TPE-KMO_DUPUIS_0256").status_code == 404


def test_ig5_the_switcher_lists_only_the_users_groups_and_a_foreign_group_falls_back(
    client, db, office, ig_login
):
    from models.insurgate import IgGroup

    school = db.scalars(select(IgGroup).where(IgGroup.name == "Business School")).one()
    ig_login("7964@pv.be")
    page = client.get(f"{FR}/requests?group={school.id}").get_data(as_text=True)
    assert "Business School" not in page and "PV_TPE-KMO_DUPUIS_0256" not in page


def test_ig5_a_user_without_group_sees_the_default_sub_account(client, office, ig_login):
    ig_login("66803@vivium.be")
    page = client.get(f"{FR}/requests").get_data(as_text=True)
    assert re.search(r'<option value="\d+" selected>Default</option>', page)
    assert 'data-testid="no-quotes"' in page


def test_ig5_an_administrator_adds_and_removes_a_member(client, submit, db, office, ig_login):
    from models.insurgate import IgGroup

    agent = db.scalars(select(IgUser).where(IgUser.email == "7964@pv.be")).one()
    school = db.scalars(select(IgGroup).where(IgGroup.name == "Business School")).one()
    ig_login("clementine.cazelles@pvgroup.be")
    user_page = f"{FR}/account/users/{agent.id}"
    add = f"{user_page}/groups/{school.id}/add"
    assert submit(user_page, {}, action=add).status_code == 302
    client.post(f"{FR}/logout")
    ig_login("7964@pv.be")
    assert client.get(f"{FR}/requests/PV_TPE-KMO_DUPUIS_0256").status_code == 200


def test_ig6_the_search_finds_a_quote_by_any_field_entered(client, office, ig_login):
    ig_login("clementine.cazelles@pvgroup.be")
    page = client.get(f"{FR}/requests").get_data(as_text=True)
    group = re.search(r'<option value="(\d+)"[^>]*>Business School', page).group(1)
    found = client.get(f"{FR}/requests?group={group}&q=dupuis+5000").get_data(as_text=True)
    assert "PV_TPE-KMO_DUPUIS_0256" in found
    none = client.get(f"{FR}/requests?group={group}&q=dupuis+4000").get_data(as_text=True)
    assert 'data-testid="no-quotes"' in none


def test_ig6_a_bad_tpe_field_is_refused_at_its_field(submit, office, ig_login):
    ig_login("7964@pv.be")
    response = submit(f"{FR}/requests/new", {**QUOTE, "workers": "-1", "postcode": "12"})
    assert response.status_code == 422
    assert "0 à 50" in error_at(response, "workers") and error_at(response, "postcode")


def test_ig7_the_profile_is_changed_and_the_email_stays_unique(client, office, ig_login):
    ig_login("7964@pv.be")
    page = client.get(f"{FR}/profile").get_data(as_text=True)
    token = re.search(r'name="p-csrf_token" type="hidden" value="([^"]+)"', page).group(1)
    data = {"p-csrf_token": token, "p-first_name": "Agent", "p-last_name": "Sept",
            "p-email": "66799@vivium.be", "p-language": "nl", "p-submit": "1"}  # fmt: skip
    taken = client.post(f"{FR}/profile", data=data)
    assert taken.status_code == 422 and "déjà" in error_at(taken, "p-email")
    ok = client.post(f"{FR}/profile", data={**data, "p-email": "sept@pv.be"})
    assert ok.status_code == 302 and ok.location.endswith("/insurgate/nl/profile")


def test_ig7_the_password_changes_only_with_the_old_one(client, submit, office, ig_login):
    ig_login("7964@pv.be")
    page = client.get(f"{FR}/profile").get_data(as_text=True)
    token = re.search(r'name="w-csrf_token" type="hidden" value="([^"]+)"', page).group(1)
    data = {"w-csrf_token": token, "w-old": "wrong-one", "w-password": "nouveau1",
            "w-confirm": "nouveau1", "w-submit": "1"}  # fmt: skip
    wrong = client.post(f"{FR}/profile", data=data)
    assert wrong.status_code == 422 and "pas correct" in error_at(wrong, "w-old")
    assert client.post(f"{FR}/profile", data={**data, "w-old": DEMO_PASSWORD}).status_code == 302


def test_ig7_questions_give_the_chat_then_the_product_owners_email(client):
    page = client.get("/insurgate/nl/questions").get_data(as_text=True)
    assert "clementine.cazelles@pvgroup.be" in page and "chat" in page


def test_a_page_needing_login_sends_to_the_login(client):
    assert client.get(f"{FR}/requests").location.endswith("/insurgate/fr/login")
