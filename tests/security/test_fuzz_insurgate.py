"""Property-based tests of every Insurgate form (IG-1..IG-7; OWASP ASVS 5.0 V1.2.1,
V2.2.1, V16.5.1), in the style of test_fuzz_forms.py: the account's two steps, the
login, "forgot password" and its link, the integration request, the invitation, a new
group, the members and roles, the profile, the password change, the TPE tool, the
"Demandes" search and a quote's address. Each example checks:

- never a server error;
- the page answers in the language of the URL, and a redirect stays in it (the profile
  may move to the language just chosen);
- no HTML payload comes back unescaped;
- nothing half written: a refused submit leaves every Insurgate row and the outbox as
  they were; an accepted one writes what its rule says.

Wrong passwords count in the limits on abuse on purpose (RG-2); the counters are lifted
between examples so that every example reaches the form instead of the lock.
"""

from __future__ import annotations

import itertools
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sqlalchemy import delete, func, select

from models import LimitBucket, OutboxMessage
from models.insurgate import (
    IgGroup,
    IgIntegration,
    IgMembership,
    IgOffice,
    IgQuote,
    IgToken,
    IgUser,
)
from portal.db import new_session
from seed.insurgate import DEMO_PASSWORD, seed_insurgate
from tests.security.conftest import MONDAY, FormClient, assert_page_ok
from tests.security.strategies import (
    REFLECTION_PAYLOADS,
    hostile_text,
    one_field_hostile,
    or_valid,
)

EXAMPLES = 30
LANGS = st.sampled_from(("fr", "nl"))
ADMIN = "clementine.cazelles@pvgroup.be"
WATCHED = (IgOffice, IgUser, IgGroup, IgMembership, IgIntegration, IgToken, IgQuote,
           OutboxMessage)  # fmt: skip
USER_COLUMNS = ("first_name", "last_name", "email", "language", "password_hash", "is_admin",
                "session_epoch")  # fmt: skip
FRESH = itertools.count()

pytestmark = pytest.mark.filterwarnings("ignore:Generating overly large repr")


def state(app) -> tuple:
    """Row counts of the watched tables and what every user's row says."""
    session = new_session(app)
    try:
        counts = tuple(session.scalar(select(func.count()).select_from(m)) for m in WATCHED)
        users = session.execute(
            select(*(getattr(IgUser, c) for c in USER_COLUMNS)).order_by(IgUser.id)
        ).all()
        return counts, [tuple(u) for u in users]
    finally:
        session.close()


def added(app, before: tuple) -> dict[str, int]:
    """How many rows each watched table gained since `before`."""
    now = state(app)[0]
    return {
        m.__tablename__: b - a for m, a, b in zip(WATCHED, before[0], now, strict=True) if a != b
    }


def payloads(*values: object) -> tuple[str, ...]:
    flat = [v for value in values for v in (value if isinstance(value, list) else [value])]
    return tuple(p for p in REFLECTION_PAYLOADS if any(p in str(v) for v in flat))


def checked(app, response, lang: str, before: tuple, *values: object, langs=None) -> None:
    """The properties of every example (see the module's docstring)."""
    assert_page_ok(response, lang, payloads(*values))
    if 300 <= response.status_code < 400:
        allowed = "|".join(langs or [lang])
        assert re.match(rf"^(?:https?://[^/]+)?/insurgate/(?:{allowed})/", response.location)
    elif response.status_code >= 400:
        assert state(app) == before, response.status_code


def lift_limits(db) -> None:
    db.execute(delete(LimitBucket))
    db.commit()


@pytest.fixture
def office(db, freeze):
    freeze(MONDAY)
    seed_insurgate(db)
    db.commit()


def logged_in(client, email: str = ADMIN) -> None:
    form = FormClient(client, "/insurgate/fr/login")
    assert form.post(data={"email": email, "password": DEMO_PASSWORD}).status_code == 302


@pytest.fixture
def admin(client, office) -> None:
    logged_in(client)


# --- account creation, login, forgot password, link ----------------------------------

PERSONAL = {"first_name": "Jan", "last_name": "Peeters", "email": "jan@kantoor.be",
            "password": "secret", "confirm": "secret", "terms": "y"}  # fmt: skip
COMPANY = {"trade_name": "Kantoor Peeters", "enterprise": "BE0403170701", "street": "Meir",
           "number": "1", "postcode": "2000", "city": "Antwerpen",
           "website": "https://kantoor.be", "phone": "0412 34 56 78"}  # fmt: skip


@settings(max_examples=EXAMPLES)
@given(lang=LANGS, fields=one_field_hostile(PERSONAL, {
    "email": or_valid("jan@kantoor.be", "JAN@kantoor.be", ADMIN, "a@b"),
    "password": or_valid("secret", "12345", "x" * 128, "x" * 129),
    "confirm": or_valid("secret", "secreT"),
    "terms": or_valid("y", "", "n"),
}))  # fmt: skip
def test_signup_step_one_writes_nothing(app, client, office, lang, fields):
    """IG-1: the first step keeps the person in the session only."""
    before = state(app)
    response = FormClient(client, f"/insurgate/{lang}/signup").post(data=fields)
    checked(app, response, lang, before, *fields.values())
    assert state(app) == before


@settings(max_examples=EXAMPLES)
@given(lang=LANGS, fields=one_field_hostile(COMPANY, {
    "enterprise": or_valid("BE0403170701", "BE 0403.170.701", "BE040317070", "0403170701"),
    "postcode": or_valid("2000", "20000", "２０００"),
    "phone": or_valid("0412 34 56 78", "+32 2 250 91 11", "12"),
}))  # fmt: skip
def test_signup_step_two_creates_an_office_or_nothing(app, client, office, lang, fields):
    """IG-1: the office, its Default and its first user, or nothing at all."""
    email = f"new{next(FRESH)}@kantoor.be"
    first = FormClient(client, f"/insurgate/{lang}/signup")
    assert first.post(data={**PERSONAL, "email": email}).status_code == 302
    before = state(app)
    response = FormClient(client, f"/insurgate/{lang}/signup/company").post(data=fields)
    checked(app, response, lang, before, *fields.values())
    if response.status_code == 302:
        assert added(app, before) == {"insurgate_office": 1, "insurgate_user": 1,
                                      "insurgate_group": 1}  # fmt: skip


@settings(max_examples=EXAMPLES)
@given(lang=LANGS, email=or_valid(ADMIN, "nobody@pv.be"), password=or_valid(DEMO_PASSWORD))
def test_login_never_fails_and_writes_nothing(app, client, db, office, lang, email, password):
    """IG-1 (RG-2's limits lifted between examples)."""
    lift_limits(db)
    client.delete_cookie("insurgate_session", path="/insurgate")
    before = state(app)
    form = FormClient(client, f"/insurgate/{lang}/login")
    response = form.post(data={"email": email, "password": password})
    checked(app, response, lang, before, email, password)
    assert state(app) == before


@settings(max_examples=EXAMPLES)
@given(lang=LANGS, email=or_valid(ADMIN, "7964@pv.be", "delacroix@orangeclignotant.be"))
def test_forgot_password_sends_one_link_to_an_active_user_or_nothing(
    app, client, office, lang, email
):
    """IG-1: the same answer for every address; a link only for an active user."""
    before = state(app)
    response = FormClient(client, f"/insurgate/{lang}/forgot").post(data={"email": email})
    checked(app, response, lang, before, email)
    assert added(app, before) in ({}, {"insurgate_token": 1, "outbox_message": 1})


def newest_link(db) -> str:
    db.expire_all()
    body = db.scalars(select(OutboxMessage.body).order_by(OutboxMessage.id.desc())).first()
    return re.search(r"/insurgate/(?:fr|nl)/link/(\S+)", body).group(1)


def new_link(client, db) -> str:
    """A fresh reset link of Agent 7964, from the outbox."""
    FormClient(client, "/insurgate/fr/forgot").post(data={"email": "7964@pv.be"})
    return newest_link(db)


@settings(max_examples=EXAMPLES)
@given(lang=LANGS, token=hostile_text(80))
def test_an_unknown_link_is_a_404_page_in_the_language(app, client, office, lang, token):
    """IG-1: a link that is no token of ours is a page saying it cannot be used."""
    before = state(app)
    response = client.get(f"/insurgate/{lang}/link/{token}")
    checked(app, response, lang, before, token)
    assert response.status_code in (404, 308) or 300 <= response.status_code < 400


@settings(max_examples=EXAMPLES)
@given(lang=LANGS, password=or_valid("new-secret", "12345", "x" * 129),
       confirm=or_valid("new-secret"))  # fmt: skip
def test_the_link_sets_a_password_or_changes_nothing(
    app, client, db, office, lang, password, confirm
):
    """IG-1: a refused password leaves the user and the link as they were."""
    token = new_link(client, db)
    before = state(app)
    form = FormClient(client, f"/insurgate/{lang}/link/{token}")
    response = form.post(data={"password": password, "confirm": confirm})
    checked(app, response, lang, before, password, confirm)


# --- the office: integration, invitation, group, members, role -------------------------


@settings(max_examples=EXAMPLES)
@given(lang=LANGS, producer=or_valid("12345", "66799", "1234567890", "123", "１２３４５"),
       group=or_valid("Nouveau groupe", "", "DEMO VIVIUM", "Default"))  # fmt: skip
def test_an_integration_request_writes_one_integration_or_nothing(
    app, client, admin, lang, producer, group
):
    """IG-2: a further producer number needs a new group with a distinct name."""
    before = state(app)
    form = FormClient(client, f"/insurgate/{lang}/products")
    response = form.post(data={"producer": producer, "group": group})
    checked(app, response, lang, before, producer, group)
    if response.status_code == 302:
        assert added(app, before) == {"insurgate_integration": 1, "insurgate_group": 1,
                                      "insurgate_membership": 1}  # fmt: skip


def test_an_integration_request_without_the_group_field_is_no_server_error(app, client, admin):
    """Regression: a form posted without its optional group field (as a browser does
    when the page shows no such field) raised AttributeError, a 500."""
    response = FormClient(client, "/insurgate/fr/products").post(data={"producer": "12345"})
    assert response.status_code == 422


INVITE = {"first_name": "Jan", "last_name": "Peeters", "email": "jan@kantoor.be",
          "language": "nl", "is_admin": "", "groups": "2"}  # fmt: skip


@settings(max_examples=EXAMPLES)
@given(lang=LANGS, fields=one_field_hostile(INVITE, {
    "email": or_valid("jan@kantoor.be", ADMIN, "7964@PV.be"),
    "language": or_valid("fr", "nl", "en"),
    "is_admin": or_valid("y", ""),
    "groups": or_valid("2", "3", "999999", "-1", "0"),
}))  # fmt: skip
def test_an_invitation_writes_the_user_his_link_and_email_or_nothing(
    app, client, admin, lang, fields
):
    """IG-4: an email unique on the platform, groups of the office only."""
    fields = {**fields, "email": fields["email"].replace("jan@", f"jan{next(FRESH)}@")}
    before = state(app)
    response = FormClient(client, f"/insurgate/{lang}/account/invite").post(data=fields)
    checked(app, response, lang, before, *fields.values())
    if response.status_code == 302:
        gained = added(app, before)
        assert gained.pop("insurgate_membership") >= 1
        assert gained == {"insurgate_user": 1, "insurgate_token": 1, "outbox_message": 1}


GROUP = {"name": "Groupe Liège", "street": "Rue Royale", "number": "1", "postcode": "4000",
         "city": "Liège", "email": "liege@bureau.be", "contact": "Anne",
         "enterprise_number": "BE0403170701", "website": "https://b.be",
         "phone": "04 123 45 67"}  # fmt: skip


@settings(max_examples=EXAMPLES)
@given(lang=LANGS, fields=one_field_hostile(GROUP, {
    "name": or_valid("Groupe Liège", "Default", "DEMO VIVIUM", ""),
    "enterprise_number": or_valid("BE0403170701", "BE040317070", ""),
    "postcode": or_valid("4000", "", "40000"),
}))  # fmt: skip
def test_a_new_group_writes_the_group_and_its_creator_or_nothing(app, client, admin, lang, fields):
    """IG-5: only the name is required, distinct in the office."""
    if fields["name"] == GROUP["name"]:
        fields = {**fields, "name": f"Groupe {next(FRESH)}"}
    before = state(app)
    response = FormClient(client, f"/insurgate/{lang}/account/groups/new").post(data=fields)
    checked(app, response, lang, before, *fields.values())
    if response.status_code == 302:
        assert added(app, before) == {"insurgate_group": 1, "insurgate_membership": 1}


IDS = st.one_of(st.integers(min_value=0, max_value=12), st.integers(min_value=0, max_value=2**63))


@settings(max_examples=EXAMPLES)
@given(lang=LANGS, user_id=IDS, group_id=IDS, action=st.sampled_from(("add", "remove", "x")))
def test_members_change_only_inside_the_office(app, client, admin, lang, user_id, group_id,
                                               action):  # fmt: skip
    """IG-5: another office's user or group, or none, is a 404 and changes nothing."""
    before = state(app)
    form = FormClient(client, f"/insurgate/{lang}/account")
    response = form.post(f"/insurgate/{lang}/account/users/{user_id}/groups/{group_id}/{action}")
    checked(app, response, lang, before)


@settings(max_examples=EXAMPLES)
@given(lang=LANGS, user_id=IDS, role=st.sampled_from(("admin", "member", "root")))
def test_a_role_changes_only_for_a_colleague(app, client, admin, lang, user_id, role):
    """IG-3: never one's own role, never outside the office."""
    before = state(app)
    form = FormClient(client, f"/insurgate/{lang}/account")
    response = form.post(f"/insurgate/{lang}/account/users/{user_id}/{role}")
    checked(app, response, lang, before)
    if user_id == 1:  # Clémentine herself
        assert state(app) == before


# --- profile and password --------------------------------------------------------------

PROFILE = {"p-first_name": "Clémentine", "p-last_name": "Cazelles", "p-email": ADMIN,
           "p-language": "fr", "p-submit": "1"}  # fmt: skip
PASSWORDS = {"w-old": DEMO_PASSWORD, "w-password": "new-secret", "w-confirm": "new-secret",
             "w-submit": "1"}  # fmt: skip


@settings(max_examples=EXAMPLES)
@given(lang=LANGS, fields=one_field_hostile(PROFILE, {
    "p-email": or_valid(ADMIN, "7964@pv.be", "clem@new.be"),
    "p-language": or_valid("fr", "nl", "de"),
}))  # fmt: skip
def test_the_profile_changes_the_user_or_nothing(app, client, admin, lang, fields):
    """IG-7: the email stays unique on the platform; the page follows the language."""
    before = state(app)
    response = FormClient(client, f"/insurgate/{lang}/profile").post(data=fields)
    checked(app, response, lang, before, *fields.values(), langs=["fr", "nl"])
    assert state(app)[0] == before[0]


@settings(max_examples=EXAMPLES)
@given(lang=LANGS, fields=one_field_hostile(PASSWORDS, {
    "w-old": or_valid(DEMO_PASSWORD, "wrong"),
    "w-password": or_valid("new-secret", "12345"),
}))  # fmt: skip
def test_a_password_change_needs_the_old_one_or_changes_nothing(
    app, client, db, office, lang, fields
):
    """IG-7: the old password, a new one of 6 characters at least, its confirmation."""
    client.delete_cookie("insurgate_session", path="/insurgate")
    logged_in(client, "66802@vivium.be")
    before = state(app)
    response = FormClient(client, f"/insurgate/{lang}/profile").post(data=fields)
    checked(app, response, lang, before, *fields.values())
    if response.status_code == 302:  # the demo password changed: put it back
        seed_hash = db.scalar(select(IgUser.password_hash).where(IgUser.email == ADMIN))
        db.execute(
            IgUser.__table__.update()
            .where(IgUser.email == "66802@vivium.be")
            .values(password_hash=seed_hash)
        )
        db.commit()


# --- quotes ------------------------------------------------------------------------------

QUOTE = {"company_name": "Boulangerie Martin", "activity": "shop", "postcode": "1210",
         "covers": "workers_comp", "claims_count": "1", "workers": "3",
         "payroll_euros": "100000", "extra_legal": "y", "round_the_clock": ""}  # fmt: skip


@settings(max_examples=EXAMPLES)
@given(lang=LANGS, group=or_valid("2", "3", "999999", ""), fields=one_field_hostile(QUOTE, {
    "activity": or_valid("shop", "craft", "nuclear"),
    "covers": or_valid("workers_comp", "liability", "everything"),
    "claims_count": or_valid("0", "99", "100", "-1", "1.5", "１"),
    "workers": or_valid("3", "50", "51"),
    "payroll_euros": or_valid("100000", "10000000", "10000001", "1e9"),
}))  # fmt: skip
def test_the_tpe_tool_writes_one_quote_or_nothing(app, client, admin, lang, group, fields):
    """IG-6: a quote in a group the user sees, with a premium, or nothing at all."""
    before = state(app)
    page = f"/insurgate/{lang}/requests/new?group={group}"
    response = FormClient(client, page).post(data=fields)
    checked(app, response, lang, before, group, *fields.values())
    if response.status_code == 302:
        assert added(app, before) == {"insurgate_quote": 1}


@settings(max_examples=EXAMPLES)
@given(lang=LANGS, query=hostile_text(120), group=or_valid("1", "2", "99999999999"))
def test_the_requests_search_answers_a_page(app, client, admin, lang, query, group):
    """IG-6: any search and any sub-account in the query string is a page."""
    before = state(app)
    response = client.get(f"/insurgate/{lang}/requests", query_string={"q": query, "group": group})
    checked(app, response, lang, before, query, group)
    assert response.status_code in (200, 400)


@settings(max_examples=EXAMPLES)
@given(lang=LANGS, reference=or_valid("PV_TPE-KMO_TEST_0251", "PV_TPE-KMO_DUPUIS_0256"))
def test_a_quote_address_is_the_quote_or_a_404(app, client, office, lang, reference):
    """IG-5: Agent 7964 (Business Development) sees TEST_0251 only."""
    client.delete_cookie("insurgate_session", path="/insurgate")
    logged_in(client, "7964@pv.be")
    before = state(app)
    response = client.get(f"/insurgate/{lang}/requests/{reference}")
    checked(app, response, lang, before, reference)
    # A tab, CR or LF typed in a URL is dropped by URL parsing (WHATWG, as browsers do).
    if reference.translate(dict.fromkeys(map(ord, "\t\r\n"))) != "PV_TPE-KMO_TEST_0251":
        assert response.status_code in (404, 400, 308)
