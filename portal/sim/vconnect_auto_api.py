"""The control API of V-Connect Auto (issue 16, VA-1..VA-10): browse Informex, create a
quote, set its vehicle, choose guarantees, ask analysis, decide as the company, make
the offer, send it for signature, sign as the customer, issue the policy, endorse and
cancel it; the broker's business overview.

Thin views over portal.backoffice.vconnect_auto; a named domain error becomes its JSON
error with a stable code (portal.errors) and the request's transaction rolls back."""

from __future__ import annotations

from flask import jsonify, request
from sqlalchemy import select

from models import AutoQuote, Contract, Intermediary
from models.brands import System, brand_of
from models.informex import makes, models_of, versions_of
from models.sim import FaultName, clock_now, fault_on
from models.tariff_auto import default_tariff
from portal.backoffice.errors import Malformed, NotFound, Unavailable
from portal.backoffice.vconnect_auto import customers, inputs, lifecycle, policy, quotes
from portal.backoffice.vconnect_auto.demo import seed_demo_quotes
from portal.db import get_session
from portal.rules.vconnect_auto import instalment_cents
from portal.sim.blueprints import api, json_body
from portal.sim.desk_views import parse_id

ROOT = "/vconnect-auto"
KINDS = quotes.KINDS


def body() -> dict:
    try:
        return json_body()
    except ValueError as exc:
        raise Malformed("invalid_body", str(exc)) from exc


def broker(raw: object) -> Intermediary:
    number = parse_id(str(raw)) if isinstance(raw, int | str) else None
    row = get_session().get(Intermediary, number) if number is not None else None
    if row is None or row.brand != brand_of(System.VCONNECT_AUTO):
        raise NotFound("intermediary_not_found", "No Vivium broker with this id.",
                       field="intermediary_id")  # fmt: skip
    return row


def owner(number: str) -> Intermediary:
    """The broker of a quote (the API acts as him)."""
    found = get_session().scalar(
        select(AutoQuote.intermediary_id).where(AutoQuote.number == number[:12])
    )
    if found is None:
        raise NotFound("quote_not_found", f"No quote '{number[:12]}'.")
    return get_session().get(Intermediary, found)


def sign_base() -> dict[str, str]:
    """The customer's signing page in V-Connect, in each language."""
    root = request.host_url.rstrip("/")
    return {lang: f"{root}/vconnect/{lang}/sign/" for lang in ("fr", "nl")}


def quote_json(q: AutoQuote, contract: Contract | None = None) -> dict:
    data = {
        "number": q.number, "status": q.status.value, "intermediary_id": q.intermediary_id,
        "person_id": q.person_id, "line": q.line, "use": q.use, "bonus_malus": q.bonus_malus,
        "vehicle": None if q.vehicle_kind is None else {
            "source": q.vehicle_source, "informex_code": q.informex_code, "kind": q.vehicle_kind,
            "make": q.vehicle_make, "model": q.vehicle_model, "year": q.vehicle_year,
            "power_kw": q.vehicle_power_kw, "value_euro": q.vehicle_value_euro,
            "mass_kg": q.vehicle_mass_kg, "plate": q.vehicle_plate, "vin": q.vehicle_vin,
        },
        "guarantees": q.guarantees, "english_excess": q.english_excess, "s2_pack": q.s2_pack,
        "premium_lines": [{"code": c, "cents": cents} for c, cents in q.lines],
        "premium_cents": q.premium_cents, "term_days": q.term_days, "analysed": q.analysed,
        "leaser": q.leaser, "payment_plan": q.payment_plan, "iban": q.iban,
        "instalment_cents": instalment_cents(q.premium_cents, q.payment_plan),
        "duplicated_from": q.duplicated_from, "policy": None,
    }  # fmt: skip
    if contract is not None:
        deadline = policy.return_slip_deadline(q, contract)
        data["policy"] = {
            "number": contract.number, "status": contract.status.value,
            "start_date": contract.start_date.isoformat(),
            "renewal_date": contract.renewal_date.isoformat() if contract.renewal_date else None,
            "end_date": contract.end_date.isoformat() if contract.end_date else None,
            "return_slip_deadline": deadline.isoformat() if deadline else None,
        }  # fmt: skip
    return data


def answer(q: AutoQuote, status: int = 200):
    contract = get_session().get(Contract, q.contract_id) if q.contract_id else None
    return jsonify(quote_json(q, contract)), status


@api.get(f"{ROOT}/informex")
def va_informex():
    """VA-4: browse Informex by `kind`, then `make`, then `model`; 503 when it is down."""
    db = get_session()
    if fault_on(db, FaultName.INFORMEX_UNAVAILABLE):
        raise Unavailable("informex_unavailable", "Informex does not answer: enter by hand.",
                          rule="VA-4")  # fmt: skip
    kind, make, model = (request.args.get(k, "")[:60] for k in ("kind", "make", "model"))
    if kind not in KINDS:
        raise Malformed("invalid_filter", f"kind is one of {', '.join(KINDS)}.", field="kind")
    if not make:
        return jsonify(kind=kind, makes=makes(kind))
    if not model:
        return jsonify(kind=kind, make=make, models=models_of(kind, make))
    rows = versions_of(kind, make, model)
    return jsonify(kind=kind, make=make, model=model, vehicles=[
        {"informex_code": v.code, "version": v.version, "year": v.year, "power_kw": v.power_kw,
         "value_euro": v.value_euro, "mass_kg": v.mass_kg} for v in rows])  # fmt: skip


@api.get(f"{ROOT}/quotes")
def va_overview():
    """VA-10: the broker's business overview ("overzicht zaken")."""
    me = broker(request.args.get("intermediary_id", ""))
    rows = lifecycle.overview(get_session(), me)
    return jsonify(quotes=[
        {"number": r.quote.number, "status": r.quote.status.value, "customer": r.customer,
         "premium_cents": r.quote.premium_cents, "policy_number": r.policy_number,
         "policy_active": r.policy_active} for r in rows])  # fmt: skip


@api.post(f"{ROOT}/quotes")
def va_create():
    """A quote for a customer of the broker's portfolio (`person_id`) or for a new one
    (`customer`, identity checked); VA-7 on the line and use; VA-5: `term_days`, the
    return slip's term (30, 45, 60 or 90; 30 when left out), else 400 term_days_invalid;
    VA-8: `payment_plan` (annual when left out), else 422 payment_plan_unknown."""
    data, db = body(), get_session()
    me = broker(data.get("intermediary_id"))
    if isinstance(data.get("customer"), dict):
        person = customers.new_customer(db, me, inputs.new_customer(data["customer"]))
    else:
        person = customers.existing(db, me, inputs.integer(data, "person_id", 1, 10**9))
    quote = quotes.create(
        db, me, person, clock_now(db), line=inputs.text(data, "line", 12),
        use=inputs.text(data, "use", 24), bonus_malus=inputs.integer(data, "bonus_malus", 0, 22),
        driver_birth_date=inputs.iso_day(data, "driver_birth_date", required=False),
        tariff=default_tariff(), term_days=inputs.term_days(data),
        payment_plan=inputs.payment_plan(data),
    )  # fmt: skip
    return answer(quote, 201)


@api.get(f"{ROOT}/quotes/<number>")
def va_quote(number: str):
    return answer(quotes.quote_of(get_session(), owner(number), number))


@api.put(f"{ROOT}/quotes/<number>/vehicle")
def va_vehicle(number: str):
    """VA-1, VA-2, VA-3, VA-4: the vehicle from Informex or by hand."""
    db, data = get_session(), body()
    up = not fault_on(db, FaultName.INFORMEX_UNAVAILABLE)
    quote = quotes.set_vehicle(db, owner(number), number, inputs.vehicle(data), clock_now(db),
                               informex_up=up, tariff=default_tariff())  # fmt: skip
    return answer(quote)


@api.put(f"{ROOT}/quotes/<number>/guarantees")
def va_guarantees(number: str):
    """VA-6, VA-9, VA-10: the guarantees and options; the premium follows."""
    db, data = get_session(), body()
    quote = quotes.choose(
        db, owner(number), number, inputs.names(data.get("guarantees", [])), clock_now(db),
        english_excess=inputs.flag(data, "english_excess"), s2_pack=inputs.flag(data, "s2_pack"),
        tariff=default_tariff(),
    )  # fmt: skip
    return answer(quote)


@api.post(f"{ROOT}/quotes/<number>/analysis")
def va_analysis(number: str):
    db = get_session()
    return answer(lifecycle.ask_analysis(db, owner(number), number, clock_now(db),
                                         default_tariff()))  # fmt: skip


@api.post(f"{ROOT}/quotes/<number>/decision")
def va_decision(number: str):
    """The company approves or refuses a quote in analysis."""
    db, data = get_session(), body()
    approve = data.get("approve")
    if not isinstance(approve, bool):
        raise inputs.bad("approve")
    note = inputs.text(data, "note", 200, required=False) or ""
    return answer(lifecycle.decide(db, number[:12], approve, clock_now(db), note))


@api.post(f"{ROOT}/quotes/<number>/offer")
def va_offer(number: str):
    db = get_session()
    return answer(lifecycle.make_offer(db, owner(number), number, clock_now(db),
                                       default_tariff()))  # fmt: skip


@api.post(f"{ROOT}/quotes/<number>/signature")
def va_signature(number: str):
    """Email the customer his signing page (in the outbox)."""
    db, me = get_session(), owner(number)
    quote = lifecycle.send_for_signature(db, me, number, clock_now(db), sign_base())
    return answer(quote)


@api.post(f"{ROOT}/quotes/<number>/sign")
def va_sign(number: str):
    """The customer signs, as on his signing page."""
    db = get_session()
    quote = quotes.quote_of(db, owner(number), number)
    return answer(lifecycle.sign(db, quote.sign_token or "", clock_now(db)))


@api.post(f"{ROOT}/quotes/<number>/issue")
def va_issue(number: str):
    db = get_session()
    return answer(policy.finalise(db, owner(number), number, clock_now(db)))


@api.post(f"{ROOT}/quotes/<number>/documents")
def va_upload(number: str):
    """VA-10: an uploaded document changes no status."""
    db, data = get_session(), body()
    name = inputs.text(data, "name", 120)
    return answer(lifecycle.upload(db, owner(number), number, name, clock_now(db)), 201)


@api.post(f"{ROOT}/quotes/<number>/duplicate")
def va_duplicate(number: str):
    db = get_session()
    return answer(lifecycle.duplicate(db, owner(number), number, clock_now(db)), 201)


@api.post(f"{ROOT}/quotes/<number>/endorsement")
def va_endorse(number: str):
    """VA-8: guarantees changed on any date, a removed one included."""
    db, data, me = get_session(), body(), owner(number)
    policy.endorse(
        db, me, number, inputs.names(data.get("guarantees", [])), clock_now(db),
        english_excess=inputs.flag(data, "english_excess"), s2_pack=inputs.flag(data, "s2_pack"),
        tariff=default_tariff(),
    )  # fmt: skip
    return answer(quotes.quote_of(db, me, number))


@api.post(f"{ROOT}/quotes/<number>/payment-plan")
def va_payment_plan(number: str):
    """VA-8: `plan` annual, half_yearly, quarterly or monthly, without the company's
    approval: a quote keeps its status, an active policy gets an endorsement; VA-10
    (defect 5): `iban`, the direct debit's account (left out: kept)."""
    db, data, me = get_session(), body(), owner(number)
    plan = inputs.text(data, "plan", 12)
    account = inputs.text(data, "iban", inputs.IBAN_MOST, required=False)
    return answer(policy.set_payment_plan(db, me, number, plan, clock_now(db), account))


@api.post(f"{ROOT}/quotes/<number>/cancellation")
def va_cancel(number: str):
    """VA-8 grounds without company approval; at the due date the claims certificate."""
    db, data, me = get_session(), body(), owner(number)
    ground = inputs.text(data, "ground", 40)
    effective = inputs.iso_day(data, "effective", required=False)
    policy.cancel(db, me, number, ground, effective, clock_now(db))
    return answer(quotes.quote_of(db, me, number))


@api.post(f"{ROOT}/demo")
def va_demo():
    """For trainers: one quote in every status for each Vivium broker with customers."""
    db = get_session()
    return jsonify(quotes=seed_demo_quotes(db, clock_now(db), default_tariff())), 201
