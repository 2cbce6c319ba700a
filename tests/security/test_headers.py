"""Browser security headers and session cookies (OWASP ASVS 5.0 V3.3.1, V3.3.2, V3.3.4,
V3.4.1, V3.4.3, V3.4.4, V3.4.5, V3.4.6, V3.4.8, V14.3.1, V14.3.2; BR-1, RG-1).

`portal.security` is installed on the test app by tests/security/conftest.py.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from models import Brand
from portal import security
from tests.conftest import csrf_token
from tests.security.conftest import FormClient

TEMPLATES = Path(__file__).resolve().parents[2] / "templates"

#: Every kind of page: portal pages in both brands and languages, the chooser, the itsme
#: stub, the console, the API, a static file, an error page.
PAGES = [
    "/",
    "/vivium/fr/",
    "/vivium/nl/register",
    "/pv/nl/login/password",
    "/pv/fr/login/eid",
    "/pv/nl/itsme",
    "/pv/nl/help",
    "/pv/nl/no-such-page",
    "/sim/",
    "/sim/api/clock",
    "/static/portal.css",
    "/pv/manifest.webmanifest",
    "/stub/itsme/.well-known/openid-configuration",
]


def directives(policy: str) -> dict[str, list[str]]:
    parsed = {}
    for part in policy.split(";"):
        name, *values = part.split()
        parsed[name] = values
    return parsed


@pytest.mark.parametrize("path", PAGES)
def test_v3_4_every_response_carries_the_browser_security_headers(client, personas, path):
    response = client.get(path)
    response.close()  # static files are streamed from disk
    assert response.status_code < 500
    headers = response.headers
    policy = directives(headers["Content-Security-Policy"])
    assert policy["default-src"] == ["'self'"]
    assert policy["script-src"] == ["'self'"]  # no inline script, no eval
    assert policy["object-src"] == ["'none'"] and policy["base-uri"] == ["'none'"]
    assert policy["frame-ancestors"] == ["'none'"]
    assert policy["form-action"][0] == "'self'"
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["Referrer-Policy"] == "same-origin"
    assert headers["X-Frame-Options"] == "DENY"
    assert "camera=()" in headers["Permissions-Policy"]
    assert headers["Cross-Origin-Opener-Policy"] == "same-origin"
    assert "Strict-Transport-Security" not in headers  # plain HTTP: no HSTS


@pytest.mark.parametrize(
    "path", ["/", "/pv/nl/register", "/pv/nl/login/sms", "/sim/outbox", "/sim/api/outbox"]
)
def test_v14_3_2_dynamic_pages_are_never_stored(client, personas, path):
    assert client.get(path).headers["Cache-Control"] == "no-store"


@pytest.mark.parametrize("path", ["/static/portal.css", "/pv/manifest.webmanifest"])
def test_public_assets_stay_cacheable(client, path):
    response = client.get(path)
    response.close()
    assert "no-store" not in response.headers.get("Cache-Control", "")


def test_v14_3_2_a_customer_s_pages_and_pdf_are_never_stored(
    client, db, personas, person_named, login
):
    login(person_named("Louise"), Brand.PV)
    home = client.get("/pv/nl/")
    assert 'data-testid="welcome"' in home.get_data(as_text=True)
    assert home.headers["Cache-Control"] == "no-store"
    docs = client.get("/pv/nl/documents").get_data(as_text=True)
    pdf_path = re.search(r'href="(/pv/nl/documents/\d+\.pdf)"', docs).group(1)
    pdf = client.get(pdf_path)
    assert pdf.mimetype == "application/pdf" and pdf.headers["Cache-Control"] == "no-store"
    assert pdf.headers["Content-Disposition"].startswith("attachment")  # V3.2.1


def test_v14_3_1_logout_clears_the_browser_cache_and_storage_not_the_other_brand(
    client, personas, person_named, login
):
    login(person_named("Sofie"), Brand.PV)
    login(person_named("Sofie"), Brand.VIVIUM)
    page = client.get("/pv/nl/").get_data(as_text=True)
    response = client.post("/pv/nl/logout", data={"csrf_token": csrf_token(page)})
    assert response.headers["Clear-Site-Data"] == '"cache", "storage"'
    assert 'data-testid="welcome"' in client.get("/vivium/nl/").get_data(as_text=True)  # BR-1


def test_v3_4_1_hsts_only_over_https(app, client):
    app.config["SIM_ALLOWED_HOSTS"] = "portal.example"  # a name of this simulator (hosts.py)
    response = client.get("/pv/nl/", base_url="https://portal.example")
    assert response.status_code == 200
    assert response.headers["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains"


def session_cookie_attributes(response, name: str) -> str:
    cookies = [c for c in response.headers.getlist("Set-Cookie") if c.startswith(f"{name}=")]
    assert cookies, f"no {name} cookie set"
    return cookies[-1]


@pytest.mark.parametrize(
    ("base_url", "secure"), [("http://localhost", False), ("https://portal.example", True)]
)
def test_v3_3_session_cookies_are_httponly_lax_per_brand_and_secure_on_https(
    app, client, base_url, secure
):
    """V3.3.1 (Secure on HTTPS), V3.3.2 (SameSite=Lax: the itsme callback is a top-level
    GET), V3.3.4 (HttpOnly), BR-1 (path of the brand space)."""
    app.config["SIM_ALLOWED_HOSTS"] = "portal.example"  # a name of this simulator (hosts.py)
    response = client.get("/pv/nl/register", base_url=base_url)
    assert response.status_code == 200
    cookie = session_cookie_attributes(response, "mypv_session")
    assert "HttpOnly" in cookie and "SameSite=Lax" in cookie and "Path=/pv" in cookie
    assert ("Secure" in cookie.split("; ")) is secure


def test_v3_3_1_preferred_scheme_https_always_marks_cookies_secure(app, client):
    app.config["PREFERRED_URL_SCHEME"] = "https"
    app.config["SESSION_COOKIE_SECURE"] = True  # what init_app sets for such a config
    cookie = session_cookie_attributes(client.get("/vivium/fr/register"), "myvivium_session")
    assert "Secure" in cookie.split("; ")


def test_init_app_is_idempotent_and_keeps_the_brand_cookies(app):
    interface = app.session_interface
    security.init_app(app)
    assert app.session_interface is interface
    assert isinstance(interface, security.SecureWhenHttps)
    with app.test_request_context("/vivium/fr/"):
        assert interface.get_cookie_name(app) == "myvivium_session"
        assert interface.get_cookie_path(app) == "/vivium"


def test_a_fresh_app_with_preferred_https_gets_secure_cookies(tmp_path):
    from portal.app import create_app

    app = create_app(
        {
            "TESTING": True,
            "DATABASE_URL": f"sqlite:///{tmp_path / 'x.sqlite3'}",
            "CREATE_SCHEMA": True,
            "SECRET_KEY": "k",
            "INSTANCE_PATH": str(tmp_path / "instance"),
            "PREFERRED_URL_SCHEME": "https",
        }
    )
    security.init_app(app)
    try:
        assert app.config["SESSION_COOKIE_SECURE"] is True
    finally:
        app.extensions["db_engine"].dispose()


# --- CSP and the itsme flow (RG-1) ----------------------------------------------------------------


def test_rg1_form_action_allows_the_external_itsme_issuer_and_nothing_else(app, client):
    app.config["ITSME_ISSUER"] = "https://idp.example:8443/itsme"
    policy = directives(client.get("/pv/nl/itsme").headers["Content-Security-Policy"])
    assert policy["form-action"] == ["'self'", "https://idp.example:8443"]
    app.config["ITSME_ISSUER"] = None
    policy = directives(client.get("/pv/nl/itsme").headers["Content-Security-Policy"])
    assert policy["form-action"] == ["'self'"]


def test_rg1_the_itsme_flow_still_works_under_the_headers(client, personas, person_named):
    """The POST to itsme.start is answered by redirects inside this origin (authorize,
    phone, callback), which form-action 'self' allows; a first login ends on the
    account completion page with every header still present."""
    form = FormClient(client, "/pv/nl/itsme")
    started = form.post("/pv/nl/itsme/start")
    assert started.status_code == 302 and started.location.startswith("http://localhost/")
    phone = client.get(started.location)
    assert phone.status_code == 302 and phone.location.startswith("/stub/itsme/phone/")
    answer = FormClient(client, phone.location)
    louise = person_named("Louise")
    callback = answer.post(data={"action": "confirm", "national_number": louise.national_number})
    assert callback.status_code == 302 and "/pv/nl/itsme/callback?" in callback.location
    done = client.get(callback.location)
    assert done.status_code == 302 and done.location.endswith("/pv/nl/register/identity")
    page = client.get(done.location)
    assert 'data-testid="identity-complete"' in page.get_data(as_text=True)
    assert "frame-ancestors 'none'" in page.headers["Content-Security-Policy"]


INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)[^>]*>", re.I)
EVENT_HANDLER = re.compile(r"\son[a-z]+\s*=", re.I)
JS_URL = re.compile(r"""(?:href|src|action)\s*=\s*["']\s*javascript:""", re.I)


def template_files() -> list[Path]:
    return sorted(TEMPLATES.rglob("*.html"))


def test_v3_4_3_templates_have_no_inline_script_handler_or_javascript_url():
    """script-src 'self' holds only if no template relies on inline script."""
    offenders = []
    for path in template_files():
        text = path.read_text(encoding="utf-8")
        for pattern in (INLINE_SCRIPT, EVENT_HANDLER, JS_URL):
            offenders += [
                f"{path.relative_to(TEMPLATES)}: {m.group(0)}" for m in pattern.finditer(text)
            ]
    assert offenders == []


#: Inline styles that still need `style-src 'unsafe-inline'` (SECURITY.md, "CSP and
#: inline styles"). The list may only shrink: a new inline style fails this test.
KNOWN_INLINE_STYLES = {
    "base.html": 1,
    "chooser.html": 3,
    "customer/landing.html": 1,
    "customer/help.html": 1,
    "auth/refusal.html": 1,
    "itsme/login.html": 1,
    "eid/reader.html": 1,
    "eid/base.html": 1,  # a <style> block
    "password/sms.html": 1,
    "sim/broker_requests.html": 1,
    "sim/support_detail.html": 1,
}
INLINE_STYLE = re.compile(r"""(?<![\w-])style\s*=\s*["']|<style[\s>]""", re.I)


def test_v3_4_3_inline_styles_only_shrink_and_then_style_src_gets_strict(app):
    found = {}
    for path in template_files():
        count = len(INLINE_STYLE.findall(path.read_text(encoding="utf-8")))
        if count:
            found[str(path.relative_to(TEMPLATES))] = count
    for name, count in found.items():
        assert count <= KNOWN_INLINE_STYLES.get(name, 0), f"new inline style in {name}"
    assert INLINE_STYLE.search('<body {% if profile %}style="--brand: red">')  # the pattern
    inline_allowed = "'unsafe-inline'" in security.current_policy(app)
    if found:
        assert inline_allowed, "templates still have inline styles: keep 'unsafe-inline'"
    else:
        assert not inline_allowed, "no inline style left: set SECURITY_INLINE_STYLES to False"


def test_v3_4_3_the_strict_style_policy_is_ready(app, client):
    app.config["SECURITY_INLINE_STYLES"] = False
    policy = directives(client.get("/pv/nl/").headers["Content-Security-Policy"])
    assert policy["style-src"] == ["'self'"]


def test_v3_4_2_no_cors_headers_are_ever_sent(client):
    """The API is for scripts on the same machine: no Access-Control-Allow-Origin."""
    response = client.get("/sim/api/clock", headers={"Origin": "https://evil.example"})
    assert "Access-Control-Allow-Origin" not in response.headers
    preflight = client.options(
        "/sim/api/reset",
        headers={"Origin": "https://evil.example", "Access-Control-Request-Method": "POST"},
    )
    assert "Access-Control-Allow-Origin" not in preflight.headers
