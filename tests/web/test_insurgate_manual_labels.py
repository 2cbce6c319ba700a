"""Insurgate reads as its manual's screens (seed 002): the labels a tester looks for, the
manual's own example enterprise number, and what a collaborator who is no administrator
reads where only an administrator may go (IG-1, IG-3, IG-4, IG-6, IG-7)."""

from __future__ import annotations

import re
from datetime import datetime

import pytest
from sqlalchemy import func, select

from models import OutboxMessage
from models.insurgate import IgGroup
from seed.insurgate import DEMO_PASSWORD
from tests.web import test_insurgate

NOW = datetime(2026, 12, 1, 10, 0)
office = test_insurgate.office  # the demo office, its clock at the same NOW
ADMIN, COLLABORATOR = "clementine.cazelles@pvgroup.be", "7964@pv.be"
PERSONAL = {"first_name": "Jean", "last_name": "Test", "email": "jean@bureau.be",
            "password": "secret", "confirm": "secret", "terms": "y"}  # fmt: skip
COMPANY = {"trade_name": "Ma société", "enterprise": "BE0123456789", "street": "Rue",
           "number": "1", "postcode": "1000", "city": "Bruxelles",
           "website": "https://mondomaine.com", "phone": "0412 34 56 78"}  # fmt: skip


@pytest.fixture
def logged_in(client, submit, office):
    def _login(email: str) -> None:
        response = submit("/insurgate/fr/login", {"email": email, "password": DEMO_PASSWORD})
        assert response.status_code == 302, response.status_code

    return _login


def page(client, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    return response.get_data(as_text=True)


def labels(html: str) -> list[str]:
    return re.findall(r"<label for=\"[^\"]+\">([^<]+)</label>", html)


def test_ig1_the_manuals_own_example_enterprise_number_opens_an_account(submit, freeze):
    freeze(NOW)
    assert submit("/insurgate/fr/signup", PERSONAL).status_code == 302
    created = submit("/insurgate/fr/signup/company", COMPANY)
    assert created.status_code == 302 and created.location.endswith("/insurgate/fr/products")


@pytest.mark.parametrize(
    ("lang", "number", "words"),
    [
        ("fr", "BE012345678", "sous la forme BE0123456789"),
        ("fr", "BE01234567890", "sous la forme BE0123456789"),
        ("nl", "BE01234567A9", "als BE0123456789"),
    ],
)
def test_ig1_an_enterprise_number_not_be_then_ten_digits_is_refused_with_the_form(
    submit, freeze, lang, number, words
):
    freeze(NOW)
    assert submit(f"/insurgate/{lang}/signup", PERSONAL).status_code == 302
    refused = submit(f"/insurgate/{lang}/signup/company", {**COMPANY, "enterprise": number})
    assert refused.status_code == 422
    assert words in refused.get_data(as_text=True)


@pytest.mark.parametrize(
    ("lang", "title"), [("fr", "Connexion"), ("nl", "Aanmelden")]
)  # fmt: skip
def test_ig1_the_login_box_and_its_button_read_as_the_manual(client, lang, title):
    html = page(client, f"/insurgate/{lang}/login")
    assert f"<h1>{title}</h1>" in html
    assert re.search(rf'data-testid="login-submit">{title}</button>', html)


@pytest.mark.parametrize(
    ("lang", "tabs", "city"),
    [("fr", ["Personnel", "Compte"], "Ville"), ("nl", ["Persoonlijk", "Account"], "Gemeente")],
)
def test_ig1_the_signup_steps_are_personal_then_account_and_the_city_reads_as_the_manual(
    client, submit, freeze, lang, tabs, city
):
    freeze(NOW)
    steps = re.search(
        r'data-testid="signup-steps">(.*?)</ol>', page(client, f"/insurgate/{lang}/signup"), re.S
    )
    assert re.findall(r"<li[^>]*>([^<]+)</li>", steps.group(1)) == tabs
    submit(f"/insurgate/{lang}/signup", PERSONAL)
    assert city in labels(page(client, f"/insurgate/{lang}/signup/company"))


@pytest.mark.parametrize(("lang", "city"), [("fr", "Ville"), ("nl", "Gemeente")])
def test_ig5_the_group_form_names_the_city_as_the_manual(client, logged_in, lang, city):
    logged_in(ADMIN)
    assert city in labels(page(client, f"/insurgate/{lang}/account/groups/new"))


@pytest.mark.parametrize(
    ("lang", "new", "confirm"),
    [
        ("fr", "Nouveau mot de passe", "Confirmer le nouveau mot de passe"),
        ("nl", "Nieuw wachtwoord", "Bevestig het nieuwe wachtwoord"),
    ],
)
def test_ig7_the_profile_asks_for_the_new_password_and_its_confirmation(
    client, logged_in, lang, new, confirm
):
    logged_in(ADMIN)
    html = page(client, f"/insurgate/{lang}/profile")
    form = html.split('data-testid="password-form"')[1]
    assert labels(form)[1:] == [new, confirm]


@pytest.mark.parametrize(
    ("lang", "menu"),
    [
        ("fr", ["Demandes", "Produits", "Utilisateurs", "Compte"]),
        ("nl", ["Aanvragen", "Producten", "Gebruikers", "Account"]),
    ],
)
def test_ig4_the_menu_has_requests_products_users_and_account(client, logged_in, lang, menu):
    logged_in(COLLABORATOR)
    html = page(client, f"/insurgate/{lang}/requests")
    found = re.findall(r'data-testid="nav-(?:quotes|products|users|account)">([^<]+)<', html)
    assert found == menu
    users = re.search(r'href="([^"]+)" data-testid="nav-users"', html).group(1)
    assert users == f"/insurgate/{lang}/account#users"
    account = page(client, f"/insurgate/{lang}/account")
    assert 'id="users"' in account and 'data-testid="users"' in account


@pytest.mark.parametrize(("lang", "active"), [("fr", "Actif"), ("nl", "Actief")])
def test_ig4_ig6_an_active_user_and_a_request_read_active_not_in_progress(
    client, logged_in, lang, active
):
    logged_in(ADMIN)
    account = page(client, f"/insurgate/{lang}/account")
    assert f'data-status="active">{active}</span>' in account
    requests = page(client, f"/insurgate/{lang}/requests")
    row = requests.split('data-testid="quote-')[1].split("</tr>")[0]
    assert f"<td>{active}</td>" in row
    assert "En cours" not in account + requests and "Lopend" not in account + requests


READS_ADMIN_ONLY = {
    "fr": ("Seul un administrateur du bureau", "Retour au compte"),
    "nl": ("Alleen een beheerder van het kantoor", "Terug naar de account"),
}


@pytest.mark.parametrize("lang", ["fr", "nl"])
@pytest.mark.parametrize("where", ["account/invite", "account/groups/new"])
def test_ig3_a_collaborator_reads_that_only_an_administrator_invites_or_makes_groups(
    client, logged_in, lang, where
):
    logged_in(COLLABORATOR)
    response = client.get(f"/insurgate/{lang}/{where}")
    html = response.get_data(as_text=True)
    says, back = READS_ADMIN_ONLY[lang]
    assert response.status_code == 403
    assert 'data-testid="admin-only"' in html and says in html
    assert re.search(rf'href="/insurgate/{lang}/account"[^>]*>{back}</a>', html)
    assert 'data-testid="ig-header"' in html and "réessayez plus tard" not in html


@pytest.mark.parametrize("lang", ["fr", "nl"])
def test_ig3_a_collaborators_invitation_and_group_posts_are_refused_and_write_nothing(
    client, db, logged_in, lang
):
    logged_in(COLLABORATOR)
    token = re.search(
        r'name="csrf_token" value="([^"]+)"', page(client, f"/insurgate/{lang}/account")
    )
    invite = {"csrf_token": token.group(1), "first_name": "N", "last_name": "O",
              "email": "new.one@bureau.be", "language": "fr"}  # fmt: skip
    group = {"csrf_token": token.group(1), "name": "Antenne Gand"}
    for url, data in ((f"/insurgate/{lang}/account/invite", invite),
                      (f"/insurgate/{lang}/account/groups/new", group)):  # fmt: skip
        response = client.post(url, data=data)
        assert response.status_code == 403
        assert READS_ADMIN_ONLY[lang][0] in response.get_data(as_text=True)
    db.expire_all()
    assert (
        db.scalar(select(func.count()).select_from(IgGroup).where(IgGroup.name == "Antenne Gand"))
        == 0
    )
    sent = select(func.count()).select_from(OutboxMessage)
    assert db.scalar(sent.where(OutboxMessage.recipient == "new.one@bureau.be")) == 0
