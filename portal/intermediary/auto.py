"""V-Connect Auto inside V-Connect (issue 16, VA-1..VA-10): the business overview
("overzicht zaken"), a new quote, a quote's page with its vehicle, guarantees, premium,
documents and history, and the customer's signing page. Thin views over
portal.backoffice.vconnect_auto; the state-changing steps are in auto_actions."""

from __future__ import annotations

from flask import Blueprint, Response, g, render_template, request
from sqlalchemy import select

from models import AutoQuoteEvent, Contract, Person
from models.informex import makes, models_of, versions_of
from models.sim import FaultName, fault_on
from models.tariff_auto import default_tariff
from portal.backoffice import portfolio
from portal.backoffice.errors import NotFound
from portal.backoffice.vconnect_auto import lifecycle, policy, quotes
from portal.db import get_session
from portal.extensions import catalogue
from portal.forms import EmptyForm
from portal.intermediary import auto_texts as texts
from portal.intermediary.auto_pdf import offer_pdf
from portal.intermediary.tool import login_required, signed_in
from portal.rules.vconnect_auto import CANCELLATION_GROUNDS, PAYMENT_PLANS, instalment_cents

PREFIX = "/<any(fr,nl):lang>/auto"


def page(template: str, status: int = 200, **values):
    return render_template(
        f"intermediary/auto/{template}", t=texts, form=EmptyForm(), **values
    ), status


def not_found(error: NotFound):
    return render_template("intermediary/missing.html", code=error.code), 404


def informex_choice(informex_up: bool) -> dict:
    """VA-4: Informex browsed by kind, make and model (query string), unless it is down."""
    kind = request.args.get("kind", "car")[:12]
    kind = kind if kind in quotes.KINDS else "car"
    make, model = request.args.get("make", "")[:40], request.args.get("model", "")[:60]
    if not informex_up:
        return {"up": False, "kind": kind}
    return {
        "up": True, "kind": kind, "make": make, "model": model, "makes": makes(kind),
        "models": models_of(kind, make) if make else [],
        "versions": versions_of(kind, make, model) if make and model else [],
    }  # fmt: skip


def quote_page(number: str, status: int = 200, error: str | None = None):
    db, me = get_session(), signed_in()
    try:
        quote = quotes.quote_of(db, me, number)
    except NotFound as exc:
        return not_found(exc)
    contract = db.get(Contract, quote.contract_id) if quote.contract_id else None
    events = db.scalars(
        select(AutoQuoteEvent)
        .where(AutoQuoteEvent.quote_id == quote.id)
        .order_by(AutoQuoteEvent.id)
    ).all()
    tariff = default_tariff()
    return page(
        "quote.html", status, q=quote, person=db.get(Person, quote.person_id),
        contract=contract, events=events, documents=policy.quote_documents(db, quote),
        deadline=policy.return_slip_deadline(quote, contract) if contract else None,
        informex=informex_choice(not fault_on(db, FaultName.INFORMEX_UNAVAILABLE)),
        guarantees=[c for c in tariff.guarantees], labels=catalogue().guarantees,
        reasons=texts.criteria_texts(lifecycle.reasons(quote, tariff), tariff, g.lang)
        if quote.vehicle_kind else [],
        grounds=CANCELLATION_GROUNDS, plans=PAYMENT_PLANS, error=error, lang=g.lang,
        instalment=instalment_cents(quote.premium_cents, quote.payment_plan),
    )  # fmt: skip


def attach(bp: Blueprint) -> None:
    from portal.intermediary import auto_actions

    @bp.get(f"{PREFIX}/")
    @login_required
    def auto_overview():
        return page("overview.html", rows=lifecycle.overview(get_session(), signed_in()))

    @bp.get(f"{PREFIX}/new")
    @login_required
    def auto_new():
        return new_page()

    @bp.get(f"{PREFIX}/quotes/<number>")
    @login_required
    def auto_quote(number: str):
        return quote_page(number[:12])

    @bp.get(f"{PREFIX}/policy/<contract_number>")
    @login_required
    def auto_policy(contract_number: str):
        """VA-10: the old tool's PDF button opens the policy in V-Connect Auto."""
        return auto_actions.open_policy(contract_number[:16])

    bp.add_url_rule(f"{PREFIX}/quotes/<number>/offer.pdf", "auto_offer_pdf",
                    login_required(offer_file))  # fmt: skip

    @bp.route("/<any(fr,nl):lang>/sign/<token>", methods=["GET", "POST"])
    def auto_sign(token: str):
        """VA-10: the customer's page to sign the proposal electronically (no sign-in:
        the link of his email is the key)."""
        return auto_actions.sign_page(token[:64])

    auto_actions.attach(bp, PREFIX)


def new_page(status: int = 200, error: str | None = None):
    q = request.args.get("q", "")[:80]
    customers = portfolio.search(get_session(), signed_in(), q)
    chosen = request.values.get("person_id", "")[:12]
    return page("new.html", status, customers=customers, chosen=chosen, error=error,
                data=request.form, q=q, plans=PAYMENT_PLANS)  # fmt: skip


def offer_file(number: str):
    """The offer as a PDF file (VA-10)."""
    db = get_session()
    try:
        quote = quotes.quote_of(db, signed_in(), number[:12])
    except NotFound as exc:
        return not_found(exc)
    names = {code: text.get(g.lang) for code, text in catalogue().guarantees.items()}
    names |= {code: str(text) for code, text in texts.EXTRA_LINES.items()}
    data = offer_pdf(quote, db.get(Person, quote.person_id), names, g.lang)
    disposition = f'inline; filename="offer-{quote.number}.pdf"'
    return Response(data, mimetype="application/pdf",
                    headers={"Content-Disposition": disposition})  # fmt: skip
