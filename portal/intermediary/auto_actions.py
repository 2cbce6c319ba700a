"""V-Connect Auto's steps (VA-1..VA-10): each POST checks the CSRF token, calls one
service and redirects to the quote (303); a refusal shows the page again with its
message naming the rule (422) and rolls the transaction back (portal.transaction)."""

from __future__ import annotations

from collections.abc import Callable

from flask import Blueprint, abort, flash, g, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from sqlalchemy import select

from models import AutoQuote, Contract, Person
from models.sim import FaultName, fault_on
from models.tariff_auto import default_tariff
from portal.backoffice.errors import DomainError
from portal.backoffice.vconnect_auto import customers, inputs, lifecycle, policy, quotes
from portal.db import get_session
from portal.extensions import catalogue
from portal.forms import EmptyForm
from portal.intermediary import auto_texts as texts
from portal.intermediary.tool import login_required, now, signed_in


def _csrf() -> None:
    if not EmptyForm().validate_on_submit():
        abort(400)


def step(number: str, work: Callable[[], object], done: str):
    """Run one step on a quote: its page again with the refusal, or back to it."""
    from portal.intermediary.auto import quote_page

    _csrf()
    try:
        result = work()
    except DomainError as exc:
        g.transaction_failed = True
        return quote_page(number, 422, texts.refusal(exc.code, exc.details.get("field")))
    flash(done, "success")
    target = result.number if isinstance(result, AutoQuote) else number
    return redirect(url_for(".auto_quote", number=target), 303)


def open_policy(contract_number: str):
    db, me = get_session(), signed_in()
    number = db.scalar(
        select(AutoQuote.number)
        .join(Contract, Contract.id == AutoQuote.contract_id)
        .where(Contract.number == contract_number, AutoQuote.intermediary_id == me.id)
    )
    if number is None:
        abort(404)
    return redirect(url_for(".auto_quote", number=number), 303)


def sign_page(token: str):
    """GET: the proposal to sign; POST (CSRF token): signed."""
    db = get_session()
    try:
        quote = lifecycle.to_sign(db, token)
    except DomainError:
        return render_template("intermediary/auto/sign.html", q=None), 404
    if request.method == "POST":
        _csrf()
        try:
            lifecycle.sign(db, token, now())
        except DomainError:
            g.transaction_failed = True
    person = db.get(Person, quote.person_id)
    return render_template("intermediary/auto/sign.html", q=quote, person=person,
                           labels=catalogue().guarantees, form=EmptyForm(), t=texts)  # fmt: skip


def _guarantees() -> dict:
    form = request.form
    return {"guarantees": form.getlist("guarantees")[: inputs.MOST_GUARANTEES],
            "english_excess": inputs.flag(form, "english_excess"),
            "s2_pack": inputs.flag(form, "s2_pack"), "tariff": default_tariff()}  # fmt: skip


def create():
    from portal.intermediary.auto import new_page

    _csrf()
    db, me, form = get_session(), signed_in(), request.form
    try:
        if form.get("who") == "new":
            person = customers.new_customer(db, me, inputs.new_customer(form))
        else:
            person = customers.existing(db, me, inputs.integer(form, "person_id", 1, 10**9))
        quote = quotes.create(
            db, me, person, now(), line=inputs.text(form, "line", 12),
            use=inputs.text(form, "use", 24),
            bonus_malus=inputs.integer(form, "bonus_malus", 0, 22), tariff=default_tariff(),
            term_days=inputs.term_days(form), payment_plan=inputs.payment_plan(form),
        )  # fmt: skip
    except DomainError as exc:
        g.transaction_failed = True
        return new_page(422, texts.refusal(exc.code, exc.details.get("field")))
    flash(_("Quote %(number)s created.", number=quote.number), "success")
    return redirect(url_for(".auto_quote", number=quote.number), 303)


def _vehicle(number: str) -> object:
    up = not fault_on(get_session(), FaultName.INFORMEX_UNAVAILABLE)
    return quotes.set_vehicle(get_session(), signed_in(), number, inputs.vehicle(request.form),
                              now(), informex_up=up, tariff=default_tariff())  # fmt: skip


def _signature(number: str) -> object:
    # the signing page in each language; the email gives the customer's
    base = {lang: url_for(".auto_sign", lang=lang, token="T", _external=True)[:-1]
            for lang in ("fr", "nl")}  # fmt: skip
    return lifecycle.send_for_signature(get_session(), signed_in(), number, now(), base)


def _term(number: str) -> object:
    """VA-5: another return-slip term for the quote."""
    term = inputs.term_days(request.form)
    return quotes.set_term(get_session(), signed_in(), number, term, now(), tariff=default_tariff())


def _cancel(number: str) -> object:
    form = request.form
    effective = inputs.iso_day(form, "effective", required=False)
    return policy.cancel(get_session(), signed_in(), number, form.get("ground", "")[:40],
                         effective, now())  # fmt: skip


# Each step: what it does to the quote `number`, and what the broker reads after it.
STEPS: dict[str, tuple[Callable[[str], object], str]] = {
    "vehicle": (_vehicle, _l("Vehicle saved; the premium is recalculated.")),
    "guarantees": (
        lambda n: quotes.choose(get_session(), signed_in(), n, now=now(), **_guarantees()),
        _l("Guarantees saved; the premium is recalculated."),
    ),
    "term": (_term, _l("Return-slip term saved.")),
    "analysis": (
        lambda n: lifecycle.ask_analysis(get_session(), signed_in(), n, now(), default_tariff()),
        _l("The quote is sent to the company for analysis."),
    ),
    "offer": (
        lambda n: lifecycle.make_offer(get_session(), signed_in(), n, now(), default_tariff()),
        _l("The offer is ready."),
    ),
    "signature": (_signature, _l("The customer received an email to sign the proposal.")),
    "finalise": (
        lambda n: policy.finalise(get_session(), signed_in(), n, now()),
        _l("The policy is issued; its documents are in the bloc retour."),
    ),
    "documents": (
        lambda n: lifecycle.upload(
            get_session(), signed_in(), n, request.form.get("name", ""), now()
        ),
        _l("Document added; the quote's status has not changed."),
    ),
    "duplicate": (
        lambda n: lifecycle.duplicate(get_session(), signed_in(), n, now()),
        _l("Quote duplicated: this is the copy."),
    ),
    "endorsement": (
        lambda n: policy.endorse(get_session(), signed_in(), n, now=now(), **_guarantees()),
        _l("Endorsement saved."),
    ),
    "payment-plan": (
        lambda n: policy.set_payment_plan(
            get_session(),
            signed_in(),
            n,
            request.form.get("plan", "")[:12],
            now(),
            inputs.text(request.form, "iban", inputs.IBAN_MOST, required=False),
        ),
        _l("Payment plan saved."),
    ),
    "cancellation": (_cancel, _l("The policy is cancelled.")),
}


def attach(bp: Blueprint, prefix: str) -> None:
    bp.add_url_rule(f"{prefix}/new", "auto_create", login_required(create), methods=["POST"])
    for name, (work, done) in STEPS.items():
        bp.add_url_rule(f"{prefix}/quotes/<number>/{name}", f"auto_{name.replace('-', '_')}",
                        login_required(_view(work, done)), methods=["POST"])  # fmt: skip


def _view(work: Callable[[str], object], done: str) -> Callable:
    def view(number: str):
        number = number[:12]
        return step(number, lambda: work(number), str(done))

    return view
