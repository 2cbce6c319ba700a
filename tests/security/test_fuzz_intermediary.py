"""Property-based tests of every form of the intermediaries' tools, Connect 360 and
V-Connect (issue 15; OWASP ASVS 5.0 V1.2.1, V2.2.1, V5.2, V16.5.1; rules BK-2, BK-3,
RG-5, DC-2, DC-3).

Each example posts (or asks for) hostile or valid input and checks the same outcome as
tests/security/test_fuzz_forms.py: never a server error, the page in the language of the
URL, no HTML payload reflected unescaped, and nothing half written: a refused submit
leaves the watched rows as they were; an accepted one writes one support request.
"""

from __future__ import annotations

import re
from dataclasses import replace
from urllib.parse import urlencode

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from models import Brand, Intermediary
from tests.security.conftest import FormClient, assert_page_ok, row_counts
from tests.security.strategies import hostile_text, one_field_hostile, or_valid
from tests.security.test_fuzz_forms import (
    SCREENSHOTS,
    multipart,
    outcome,
    payloads,
)

EXAMPLES = 30
PASSWORD = "demo-intermediary"
ANNELIES, CLAIRE, PIETER = "4000101", "8000201", "8000202"
TOOLS = st.sampled_from(
    (("connect360", "fr"), ("connect360", "nl"), ("vconnect", "fr"), ("vconnect", "nl"))
)
LANGS = st.sampled_from(("fr", "nl"))
TOOL_OF = {"connect360": ANNELIES, "vconnect": CLAIRE}

pytestmark = pytest.mark.filterwarnings("ignore:Generating overly large repr")


@pytest.fixture
def tools(app, personas, monday):
    """The demo world at MONDAY, with limits that never stop an example before its check."""
    app.extensions["auth_settings"] = replace(
        app.extensions["auth_settings"],
        login_throttle_failures=10**6,
        login_lock_failures=10**6,
    )
    return app


def signed_in_as(client, db, number: str) -> tuple[str, Intermediary]:
    """Sign in through the single sign-on picker; the tool's segment and the intermediary."""
    me = db.scalars(select(Intermediary).where(Intermediary.producer_number == number)).one()
    segment = "connect360" if me.brand == Brand.PV else "vconnect"
    form = FormClient(client, f"/{segment}/fr/signin")
    response = form.post(f"/{segment}/fr/signin/pick", {"intermediary_id": str(me.id)})
    assert response.status_code == 302, response.status_code
    return segment, me


def assert_same_rows(app, before: dict[str, int], response) -> None:
    assert row_counts(app) == before, (response.status_code, row_counts(app), before)


# --- sign-in ------------------------------------------------------------------------------


@settings(max_examples=EXAMPLES)
@given(
    space=TOOLS,
    fields=one_field_hostile(
        {"producer_number": ANNELIES, "password": PASSWORD},
        {
            "producer_number": or_valid(
                ANNELIES, CLAIRE, " 4000101", "40 00 101", "４０００１０１"
            ),
            "password": or_valid(PASSWORD, PASSWORD.upper(), PASSWORD + " ", "x" * 201),
        },
    ),
)
def test_sign_in_with_producer_number_and_password(client, tools, space, fields):
    """Only the tool's own producer number with its exact password signs in; anything
    else is a refusal in the page language and writes no row."""
    segment, lang = space
    form = FormClient(client, f"/{segment}/{lang}/signin")
    before = row_counts(tools)
    response = form.post(data=fields)
    assert_page_ok(response, lang, payloads(*fields.values()))
    outcome(response)
    if response.status_code == 302:
        number = "".join(ch for ch in fields["producer_number"] if ch.isdigit())
        assert number == TOOL_OF[segment] and fields["password"] == PASSWORD
        client.delete_cookie(f"{segment}_session", path=f"/{segment}")
    else:
        assert response.status_code in (401, 422), response.status_code
    assert_same_rows(tools, before, response)


@settings(max_examples=EXAMPLES)
@given(
    space=TOOLS,
    picked=st.one_of(
        st.sampled_from(("1", "2", "3", "0", "-1", "99999", "1e3", "2147483648", "9" * 40)),
        hostile_text(30),
    ),
    target=st.one_of(
        st.just(""),
        st.sampled_from(("/connect360/nl/faq", "//evil.example/", "/vconnect/fr/../../sim/")),
        hostile_text(40),
    ),
)
def test_sign_in_by_the_picker(client, db, tools, space, picked, target):
    """The picker signs in one of the tool's intermediaries, and follows `next` only
    inside the tool; another brand's or an unknown id, or junk, is a refusal page."""
    segment, lang = space
    form = FormClient(client, f"/{segment}/{lang}/signin")
    before = row_counts(tools)
    response = form.post(
        f"/{segment}/{lang}/signin/pick?" + _query(next=target), {"intermediary_id": picked}
    )
    assert_page_ok(response, lang, payloads(picked, target))
    outcome(response)
    if response.status_code == 302:
        me = db.get(Intermediary, int(picked.strip()))
        assert me is not None and (me.brand == Brand.PV) == (segment == "connect360")
        location = re.sub(r"^https?://[^/]+", "", response.location)
        assert location.startswith(f"/{segment}/"), location
        client.delete_cookie(f"{segment}_session", path=f"/{segment}")
    else:
        assert response.status_code in (404, 422), response.status_code
    assert_same_rows(tools, before, response)


def _query(**values: str) -> str:
    return urlencode(values)


# --- portfolio search and the language switch ------------------------------------------------


@settings(max_examples=EXAMPLES)
@given(
    number=st.sampled_from((ANNELIES, CLAIRE)),
    lang=LANGS,
    query=or_valid("Peeters", "louise peet", "3654654", "2-BHM-548", "Dubois", "85.03.12-123.45"),
)
def test_the_portfolio_search(client, db, tools, number, lang, query):
    """BK-3: any text searches the intermediary's own customers (or none), in the page
    language, never failing, never writing; the language switch keeps the page."""
    segment, _me = signed_in_as(client, db, number)
    before = row_counts(tools)
    response = client.get(f"/{segment}/{lang}/", query_string={"q": query})
    text = assert_page_ok(response, lang, payloads(query))
    outcome(response)
    assert response.status_code == 200
    other = "nl" if lang == "fr" else "fr"
    assert f'href="/{segment}/{other}/" hreflang="{other}"' in text
    for person_id in re.findall(r'data-testid="hit-(\d+)"', text):
        assert client.get(f"/{segment}/{lang}/customers/{person_id}").status_code == 200
    assert_same_rows(tools, before, response)


PATHS = st.sampled_from(
    ("/", "/faq", "/signin", "/customers/{id}", "/policies/{policy}", "/life-connect/policies/x")
)


@settings(max_examples=EXAMPLES)
@given(
    number=st.sampled_from((ANNELIES, CLAIRE)),
    lang=st.one_of(LANGS, st.sampled_from(("FR", "de", "en", "nl-BE", "%00", ""))),
    path=PATHS,
    value=or_valid("1", "3654654", "8890079", "99999999999999999999", "abc"),
)
def test_any_tool_url_in_any_language(client, db, tools, number, lang, path, value):
    """A tool's page in French or Dutch, or a clear 404 for another language or an odd
    path part; the language switch links to the same page in the other language."""
    segment, _me = signed_in_as(client, db, number)
    url = f"/{segment}/{lang}" + path.format(id=value, policy=value)
    before = row_counts(tools)
    response = client.get(url)
    known = lang in ("fr", "nl")
    text = assert_page_ok(response, lang if known else None, payloads(value))
    outcome(response)
    if known and response.status_code == 200:
        other = "nl" if lang == "fr" else "fr"
        switch = re.search(
            r'href="([^"]*)" hreflang="(\w+)"[^>]*data-testid="language-switch"', text
        )
        assert switch and switch.group(2) == other
        assert switch.group(1).startswith(f"/{segment}/{other}/")
    elif not known:  # another language is not found; an empty one merges the slashes
        merged = lang == "" and response.status_code == 308
        assert response.status_code in (400, 404) or merged, (url, response.status_code)
    assert_same_rows(tools, before, response)


# --- the three requests (RG-5, DC-3, DC-2) -----------------------------------------------------


def customer_page(client, db, person_named, number: str, first_name: str, lang: str):
    segment, _me = signed_in_as(client, db, number)
    person = person_named(first_name)
    return f"/{segment}/{lang}/customers/{person.id}"


def accepted_or_unchanged(app, before: dict[str, int], response) -> None:
    """Accepted: one support request and nothing else; refused: nothing written."""
    delta = {k: v - before[k] for k, v in row_counts(app).items() if v != before[k]}
    if response.status_code == 302:
        assert delta == {"support_request": 1}, delta
    else:
        assert response.status_code in (400, 404, 413, 422), response.status_code
        assert delta == {}, delta


REPORT = {"email": "sofie@example.be", "message": "Foutmelding bij itsme"}


@settings(max_examples=EXAMPLES)
@given(
    lang=LANGS,
    fields=one_field_hostile(
        REPORT,
        {
            "email": or_valid("sofie@example.be", "Sofie@Example.be", "sofie @example", "x" * 255),
            "message": st.one_of(hostile_text(80), st.just("x" * 1001)),
        },
    ),
    screenshot=SCREENSHOTS,
    filename=or_valid("fout.png", "fout.jpg", "fout.JPEG", "fout.exe", "../../fout.png"),
)
def test_rg5_report_a_registration_problem(
    client, db, tools, person_named, lang, fields, screenshot, filename
):
    """RG-5: a valid email and, if any, a real PNG or JPEG of at most 2 MB is one request
    to support; anything else is refused on the account page and stores nothing."""
    url = customer_page(client, db, person_named, PIETER, "Sofie", lang)
    form = FormClient(client, url)
    form.refresh()
    body, content_type = multipart({**fields, "csrf_token": form.token}, screenshot, filename)
    before = row_counts(tools)
    response = client.post(f"{url}/requests/support-report", data=body, content_type=content_type)
    assert_page_ok(response, lang, payloads(*fields.values(), filename))
    outcome(response)
    accepted_or_unchanged(tools, before, response)


@pytest.fixture
def louise_registered(tools, login, person_named):
    """Louise has a MyP&V account: a paper-mail exception can be asked for her (DC-3)."""
    return login(person_named("Louise"), Brand.PV)


@settings(max_examples=EXAMPLES)
@given(
    lang=LANGS,
    message=or_valid("Pas d'ordinateur", "Geen computer", "x" * 1000, "x" * 1001),
)
def test_dc3_ask_for_a_paper_mail_exception(
    client, db, tools, louise_registered, person_named, lang, message
):
    """DC-3: one request for a registered customer with a reason, at most one waiting
    (the next ones are refused); a bad reason is refused; a refusal stores nothing."""
    url = customer_page(client, db, person_named, ANNELIES, "Louise", lang)
    form = FormClient(client, url)
    before = row_counts(tools)
    response = form.post(f"{url}/requests/paper-exception", {"message": message})
    assert_page_ok(response, lang, payloads(message))
    outcome(response)
    accepted_or_unchanged(tools, before, response)


DOCUMENT = {
    "contract_number": "MARC_LIFE",
    "document_kind": "tax_certificate",
    "year": "2025",
    "email": "marc@example.be",
    "message": "",
}


@settings(max_examples=EXAMPLES)
@given(
    lang=LANGS,
    fields=one_field_hostile(
        DOCUMENT,
        {
            "contract_number": or_valid("MARC_LIFE", "3654654", "0", "x" * 40),
            "document_kind": or_valid("tax_certificate", "premium_proof", "passport", "x" * 40),
            "year": or_valid("2025", "1989", "2101", "２０２５", "20 25", "-1", "1e3", "9" * 30),
            "email": or_valid("", "marc@example.be", "marc @example", "x" * 255),
            "message": st.one_of(hostile_text(80), st.just("x" * 1001)),
        },
    ),
)
def test_dc2_ask_for_a_missing_document(client, db, tools, person_named, lang, fields):
    """DC-2: one of the customer's contracts, a document kind and a year give one request;
    another customer's contract, a made-up kind or a bad year, a refusal, nothing stored."""
    url = customer_page(client, db, person_named, CLAIRE, "Marc", lang)
    page = client.get(url).get_data(as_text=True)
    own = re.search(r'name="contract_number"[^>]*>\s*<option[^>]*value="(\w+)"', page)
    own = own or re.search(r'<option value="(\w+)"', page)
    data = {k: v.replace("MARC_LIFE", own.group(1)) for k, v in fields.items()}
    form = FormClient(client, url)
    before = row_counts(tools)
    response = form.post(f"{url}/requests/missing-document", data)
    assert_page_ok(response, lang, payloads(*data.values()))
    outcome(response)
    accepted_or_unchanged(tools, before, response)


@settings(max_examples=EXAMPLES)
@given(
    lang=LANGS,
    person=or_valid("1", "0", "99999", "2147483648"),
    action=st.sampled_from(("support-report", "paper-exception", "missing-document")),
    extra=st.dictionaries(st.text(min_size=1, max_size=20), hostile_text(40), max_size=4),
)
def test_a_request_for_anyone_with_any_fields(
    client, db, tools, person_named, lang, person, action, extra
):
    """BK-2: a request for a customer outside the portfolio (or a junk id) is a 404 page,
    unexpected fields are ignored (V8.2.3); never a 5xx, never half written."""
    segment, _me = signed_in_as(client, db, CLAIRE)
    form = FormClient(client, f"/{segment}/{lang}/faq")
    data = {k: v for k, v in extra.items() if k != "csrf_token"}
    before = row_counts(tools)
    response = form.post(f"/{segment}/{lang}/customers/{person}/requests/{action}", data)
    assert_page_ok(response, lang, payloads(person, *data.values()))
    outcome(response)
    accepted_or_unchanged(tools, before, response)
