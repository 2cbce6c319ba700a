"""The tool's pages: the portfolio search, a customer's account, a policy, the FAQ
(BK-1, BK-2, BK-3, PD-2). Another intermediary's customer or policy answers 404."""

from __future__ import annotations

from dataclasses import asdict

from flask import Blueprint, g, make_response, redirect, render_template, request, url_for

from models.brands import PROFILES, System, brand_of
from models.enums import Line
from portal.backoffice import portfolio
from portal.backoffice.errors import NotFound
from portal.backoffice.publishing import DOC_TITLES
from portal.db import get_session
from portal.extensions import catalogue
from portal.intermediary.faq import faq_of
from portal.intermediary.forms import DocumentForm, PaperForm, SupportReportForm
from portal.intermediary.tool import LANGS, ToolFrontEnd, login_required, now, signed_in
from portal.pdf import document_pdf
from portal.rules.dates import renewal_date

PREFIX = f"/<any({','.join(LANGS)}):lang>"


def missing(error: NotFound):
    return render_template("intermediary/missing.html", code=error.code), 404


def document_form(account: portfolio.Account360) -> DocumentForm:
    form = DocumentForm(year=now().year - 1)
    form.contract_number.choices = [(c.number, c.number) for c in account.view.contracts]
    form.document_kind.choices = [(k.value, t.get(g.lang)) for k, t in DOC_TITLES.items()]
    return form


def customer_page(account: portfolio.Account360, status: int = 200, **forms):
    view = account.view
    forms.setdefault("report", SupportReportForm())
    forms.setdefault("paper", PaperForm())
    forms.setdefault("document", document_form(account))
    return render_template(
        "intermediary/customer.html",
        a=account,
        v=view,
        contact=asdict(view.contact),
        portal=PROFILES[view.brand].portal_name,
        reasons={h.contract.id: h.reason for h in view.hidden},
        titles=DOC_TITLES,
        contracts={c.id: c for c in view.contracts},
        **forms,
    ), status


def pdf_response(data: bytes, filename: str):
    response = make_response(data)
    response.headers["Content-Type"] = "application/pdf"
    response.headers["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def customers_url() -> str:
    """The link of a customer's account without his number, which ends it (`.../customers/7`):
    the portfolio list writes each row's link as this and the number, built once (issue 12)."""
    url = url_for(".customer", person_id=0)
    return url.removesuffix("0")


def load_customer(person_id: int) -> portfolio.Account360:
    return portfolio.customer(get_session(), signed_in(), person_id, now(), catalogue())


def attach(bp: Blueprint, tool: ToolFrontEnd) -> None:
    @bp.get(f"{PREFIX}/", endpoint="portfolio")
    @login_required
    def portfolio_page():
        q = request.args.get("q", "")[:80]
        db, me = get_session(), signed_in()
        hits, size = portfolio.page(db, me, q)  # one statement (issue 12)
        return render_template(
            "intermediary/portfolio.html",
            q=q,
            hits=hits,
            size=size,
            customers_url=customers_url(),
        )

    @bp.get(f"{PREFIX}/customers/<int:person_id>")
    @login_required
    def customer(person_id: int):
        try:
            return customer_page(load_customer(person_id))
        except NotFound as exc:
            return missing(exc)

    def policy(number: str, life_part: bool):
        try:
            account, contract, in_auto = portfolio.policy(
                get_session(), signed_in(), number, now(), catalogue()
            )
        except NotFound as exc:
            return missing(exc)
        in_life_part = tool.life_part is not None and contract.line == Line.LIFE
        if in_life_part != life_part:
            return redirect(url_for(".life_policy" if in_life_part else ".policy", number=number))
        view = account.view
        reason = next((h.reason for h in view.hidden if h.contract.id == contract.id), None)
        return render_template(
            "intermediary/policy.html",
            a=account,
            v=view,
            contract=contract,
            guarantees=view.guarantees[contract.id],
            renews=renewal_date(contract, now().date()),  # CT-3, on this request's clock
            moment=now(),
            reason=catalogue().reasons.get(reason) if reason else None,
            portal=PROFILES[view.brand].portal_name,
            in_vconnect_auto=in_auto and tool.brand == brand_of(System.VCONNECT_AUTO),  # VA-10
        )

    @bp.get(f"{PREFIX}/policies/<number>", endpoint="policy")
    @login_required
    def policy_page(number: str):
        return policy(number, False)

    if tool.life_part:

        @bp.get(f"{PREFIX}/life-connect/policies/<number>")
        @login_required
        def life_policy(number: str):
            return policy(number, True)

    @bp.get(f"{PREFIX}/customers/<int:person_id>/documents/<int:document_id>.pdf")
    @login_required
    def customer_document(person_id: int, document_id: int):
        """BK-2: the PDF the customer downloads from his Documents page, for his
        intermediary only (BK-3: anybody else's customer or document is a 404 page)."""
        try:
            person, doc = portfolio.document(
                get_session(), signed_in(), person_id, document_id, now().date(), catalogue()
            )
        except NotFound as exc:
            return missing(exc)
        data = document_pdf(doc, person, PROFILES[tool.brand], catalogue(), g.lang)
        return pdf_response(data, f"{doc.kind.value}-{doc.contract.number}-{doc.year}.pdf")

    @bp.get(f"{PREFIX}/faq")
    def faq():
        return render_template("intermediary/faq.html", faq=faq_of(tool.brand, g.lang))
