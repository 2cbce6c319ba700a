"""itsme: the portal as an OpenID Connect relying party, and the simulator's stub
identity provider (RG-1).

Brand space (`bp`, /<brand>/<lang>/itsme...): `itsme.login` shows the way in,
`itsme.start` (POST) sends the visitor to itsme, `itsme.callback` receives the answer and
hands the proven national number to `identity_verified` (RG-3, RG-5, BR-1).

Stub (`stub`, /stub/itsme/...): discovery document, JWKS, authorization endpoint, the
phone screen where the tester answers, and the token endpoint. How the stub answers
(timeout is `error=login_required`) is described in `auth.itsme_provider`.
"""

from __future__ import annotations

from flask import (
    Blueprint,
    abort,
    current_app,
    g,
    jsonify,
    redirect,
    render_template,
    request,
    session,
    url_for,
)

from auth import itsme_client
from auth import itsme_provider as provider
from auth import itsme_tokens as tokens
from auth.errors import AuthRefusal, ItsmeUnavailable
from auth.itsme_keys import public_jwks, signing_key
from models.brands import PROFILES
from models.sim import FaultName, fault_on
from portal.db import get_session
from portal.forms import EmptyForm
from portal.sim import access
from portal.transaction import record_refusal
from portal.views.auth_common import identity_verified, now, render_refusal
from portal.views.space import brand_space_blueprint

bp = brand_space_blueprint("itsme", __name__)
stub = Blueprint("itsme_stub", __name__, url_prefix="/stub/itsme")

FLOW_KEY = "itsme_flow"
DISCOVERY = "/.well-known/openid-configuration"
NO_STORE = {"Cache-Control": "no-store", "Pragma": "no-cache"}


def secret_key() -> str:
    return current_app.config["SECRET_KEY"]


def stub_issuer() -> str:
    """The in-process stub's issuer URL, as seen from the current request's host."""
    return url_for("itsme_stub.discovery", _external=True).removesuffix(DISCOVERY)


def relying_party() -> itsme_client.RelyingParty:
    client_id = provider.client_id_for(g.brand)
    local = stub_issuer()
    return itsme_client.RelyingParty(
        client_id=client_id,
        client_secret=provider.client_secret(secret_key(), client_id),
        redirect_uri=url_for("itsme.callback", _external=True),
        issuer=current_app.config.get("ITSME_ISSUER") or local,
        local_base=local,
        app=current_app._get_current_object(),
    )


def itsme_unavailable() -> bool:
    """RG-1 fault `itsme_unavailable`, read in one place and once per request: the
    portal then refuses to start, the stub's authorize and token endpoints answer
    `temporarily_unavailable`."""
    if "itsme_unavailable" not in g:
        g.itsme_unavailable = fault_on(get_session(), FaultName.ITSME_UNAVAILABLE)
    return g.itsme_unavailable


# The portal: relying party --------------------------------------------------------------


@bp.get("/itsme")
def login():
    return render_template("itsme/login.html")


@bp.post("/itsme/start")
def start():
    """RG-1: keep state, nonce and PKCE verifier in the brand's session, go to itsme."""
    if not EmptyForm().validate_on_submit():
        abort(400)
    if itsme_unavailable():
        return render_refusal(ItsmeUnavailable())
    try:
        url, flow = itsme_client.begin(relying_party(), g.lang, now())
    except AuthRefusal as exc:
        return render_refusal(exc)
    session[FLOW_KEY] = flow
    return redirect(url)


@bp.get("/itsme/callback")
def callback():
    """RG-1: the answer from itsme; the flow is used once, whatever the answer."""
    flow = session.pop(FLOW_KEY, None)
    try:
        number = itsme_client.finish(relying_party(), flow, request.args.to_dict(), now())
    except AuthRefusal as exc:
        return render_refusal(exc)
    return identity_verified("itsme", number)


# The stub: identity provider -----------------------------------------------------------


def registered_uris(client_id: str) -> set[str]:
    """A client's redirect URIs: its brand space's callback, in each of its languages."""
    brand = provider.brand_of_client(client_id)
    return {
        url_for("itsme.callback", brand=brand.value, lang=lang, _external=True)
        for lang in PROFILES[brand].languages
    }


def browser_locale() -> str:
    return request.accept_languages.best_match(provider.LOCALES) or "fr"


def stub_error(reason: str, status: int = 400):
    return render_template("itsme/stub_error.html", reason=reason), status


@stub.get(DISCOVERY)
def discovery():
    document = tokens.discovery(
        stub_issuer(),
        url_for(".authorize", _external=True),
        url_for(".token", _external=True),
        url_for(".jwks", _external=True),
    )
    return jsonify(document)


@stub.get("/jwks")
def jwks():
    return jsonify(public_jwks(signing_key(get_session(), now())))


@stub.get("/authorize")
def authorize():
    args = request.args.to_dict()
    g.lang = provider.locale_for(args.get("ui_locales"), browser_locale())
    try:
        client_id, redirect_uri = provider.check_client(args, registered_uris)
    except provider.StubError as exc:
        return stub_error(exc.reason)
    state = args.get("state") or ""
    db = get_session()
    error = provider.request_error(args)
    if itsme_unavailable():
        error = "temporarily_unavailable"
    if error:
        return redirect(provider.redirect_with(redirect_uri, error=error, state=state))
    params = provider.transaction_params(args, client_id, redirect_uri, g.lang)
    transaction_id = provider.open_transaction(db, params, now())
    return redirect(url_for(".phone", transaction_id=transaction_id))


def render_phone(transaction, query: str, identity_error: bool = False):
    """The phone screen; without access to the picker (SIM_STUBS), only Cancel and time-out."""
    client_id = transaction.params["client_id"]
    locked = not access.stubs_open()
    status = 403 if locked and request.method == "POST" else (422 if identity_error else 200)
    return render_template(
        "itsme/phone.html",
        transaction=transaction,
        portal_name=PROFILES[provider.brand_of_client(client_id)].portal_name,
        advanced=transaction.params["acr"] == provider.ACR_ADVANCED,
        people=[] if locked else provider.search_people(get_session(), query),
        query=query,
        identity_error=identity_error,
        format_number=provider.format_national_number,
        stub_locked=locked,
        signin_url=access.signin_url() if locked else None,
    ), status


@stub.get("/phone/<transaction_id>")
def phone(transaction_id: str):
    transaction = provider.pending_transaction(get_session(), transaction_id)
    if transaction is None:
        g.lang = browser_locale()
        return stub_error("finished", 404)
    g.lang = transaction.params["lang"]
    return render_phone(transaction, request.args.get("q", ""))


@stub.post("/phone/<transaction_id>")
def phone_answer(transaction_id: str):
    """The tester's answer on the phone: confirm as someone, cancel, or let it time out."""
    db = get_session()
    transaction = provider.pending_transaction(db, transaction_id)
    if transaction is None:
        g.lang = browser_locale()
        return stub_error("finished", 404)
    g.lang = transaction.params["lang"]
    action = request.form.get("action", "")
    if action not in tokens.ACTIONS:
        abort(400)
    number = None
    if action == "confirm":
        if not access.stubs_open():
            return render_phone(transaction, "")
        chosen = request.form.get("typed") or request.form.get("national_number")
        number = provider.clean_national_number(chosen)
        if number is None:
            return render_phone(transaction, request.form.get("q", ""), identity_error=True)
    target = tokens.answer(db, transaction, action, number, now())
    return redirect(target)


def token_error(exc: tokens.TokenError):
    headers = dict(NO_STORE)
    if exc.status == 401:
        headers["WWW-Authenticate"] = 'Basic realm="itsme stub"'
    return jsonify(error=exc.error), exc.status, headers


def basic_credentials() -> tuple[str, str] | None:
    auth = request.authorization
    if auth is None or auth.type != "basic":
        return None
    return auth.username or "", auth.password or ""


@stub.post("/token")
def token():
    """Exchange a code for an ID token: client authentication, then a single-use code."""
    db = get_session()
    if itsme_unavailable():
        return token_error(tokens.TokenError("temporarily_unavailable", 503))
    form = request.form.to_dict()
    try:
        client_id = tokens.authenticate_client(secret_key(), basic_credentials(), form)
        key = signing_key(db, now())
        record = tokens.redeem_code(db, form, client_id, now())
    except tokens.TokenError as exc:
        record_refusal()  # a code presented twice stays burnt (RG-1)
        return token_error(exc)
    id_token = tokens.id_token(key, stub_issuer(), record, secret_key(), now())
    return jsonify(tokens.token_response(id_token)), 200, NO_STORE


@stub.record_once
def _exempt_token_endpoint(state) -> None:
    """The token endpoint is called by clients, not browsers: client authentication
    protects it, not a CSRF token."""
    state.app.extensions["csrf"].exempt(token)
