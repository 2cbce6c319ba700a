"""The customer pages of one brand space: /<brand>/<lang>/... (BR-1, CT-*, DC-*, HP-*)."""

from __future__ import annotations

from flask import abort, g, make_response, render_template, session
from flask_login import current_user, login_required

from portal import queries
from portal.backoffice.delivery import delivery_with_account
from portal.db import get_session
from portal.faq import faq_for
from portal.pdf import document_pdf
from portal.rules.documents import is_available, portal_documents
from portal.rules.guarantees import guarantee_table
from portal.rules.themes import group_by_theme, theme_group
from portal.rules.visibility import catalogue_overview, visible_contracts
from portal.views.context import catalogue, sim_today
from portal.views.space import brand_space_blueprint

bp = brand_space_blueprint("customer", __name__)


def _visibility():
    """The logged-in customer's contracts of this brand, shown and hidden (one query)."""
    user = current_user
    contracts = queries.brand_contracts(get_session(), user.person_id, g.brand)
    return visible_contracts(contracts, g.brand, user.segment, catalogue())


@bp.get("/")
def index():
    if not current_user.is_authenticated:
        note = "expired" if session.pop("expired", None) else None
        note = "logged_out" if session.pop("logged_out", None) else note
        return render_template("customer/landing.html", session_note=note)
    visibility = _visibility()
    groups = group_by_theme(visibility.shown, catalogue())
    return render_template(
        "customer/home.html",
        groups=groups,
        hidden_count=len(visibility.hidden),
        layout=g.profile.home,
    )


@bp.get("/themes/<theme>")
@login_required
def theme_page(theme: str):
    """CT-5: the page behind a theme's "Details" link on the MyP&V home: that theme's
    shown contracts with their key facts, and the total saved for pension (anchored
    `#savings`, where the home's total-saved link leads)."""
    if not g.profile.home.theme_pages:
        abort(404)
    group = theme_group(_visibility().shown, catalogue(), theme)
    if group is None:
        abort(404)
    return render_template("customer/theme.html", group=group)


@bp.get("/contracts/<number>")
@login_required
def contract(number: str):
    found = queries.contract_with_details(get_session(), current_user.person_id, g.brand, number)
    if found is None:
        abort(404)
    visibility = visible_contracts([found], g.brand, current_user.segment, catalogue())
    if not visibility.shown:
        abort(404)
    table = guarantee_table(found.product, found.covered, catalogue())
    return render_template("customer/contract.html", contract=found, guarantees=table)


@bp.get("/contracts/missing")
@login_required
def missing():
    visibility = _visibility()
    overview = catalogue_overview(catalogue(), g.brand)
    return render_template("customer/missing.html", hidden=visibility.hidden, overview=overview)


@bp.get("/documents")
@login_required
def documents():
    """DC-1, DC-2 (issued by the simulated today); DC-3: whether documents come digitally (consent at registration) or
    by post (an approved paper-mail exception)."""
    user = current_user._get_current_object()
    shown = _visibility().shown
    by_id = {c.id: c for c in shown}
    docs = portal_documents(queries.life_documents(get_session(), by_id), set(by_id), sim_today())
    delivery = delivery_with_account(get_session(), g.brand, user.person_id, user)
    return render_template(
        "customer/documents.html", documents=docs, contracts=by_id, delivery=delivery
    )


@bp.get("/documents/<int:document_id>.pdf")
@login_required
def document_download(document_id: int):
    session = get_session()
    doc = queries.document_of(session, current_user.person_id, g.brand, document_id)
    if doc is None:
        abort(404)
    shown = visible_contracts([doc.contract], g.brand, current_user.segment, catalogue())
    if not is_available(doc, {c.id for c in shown.shown}, sim_today()):
        abort(404)
    pdf = document_pdf(doc, current_user.person, g.profile, catalogue(), g.lang)
    response = make_response(pdf)
    response.headers["Content-Type"] = "application/pdf"
    filename = f"{doc.kind.value}-{doc.contract.number}-{doc.year}.pdf"
    response.headers["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@bp.get("/help")
def help_page():
    """HP-1, HP-2; BR-2: the contact centre's hours, and whether it is open now on the
    simulated clock (`contact_centre_now` in the template)."""
    return render_template("customer/help.html", sections=faq_for(g.brand))
