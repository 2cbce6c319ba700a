"""The requests an intermediary sends from a customer's account (RG-5, DC-2, DC-3).
A refused form shows the account again with its message (422); a refusal of the back
office (not registered, already asked) too, in the intermediary's language."""

from __future__ import annotations

from flask import Blueprint, flash, redirect, url_for
from flask_babel import gettext as _

from portal.backoffice import intermediary_requests as service
from portal.backoffice.errors import DomainError, Invalid, NotFound
from portal.db import get_session
from portal.intermediary.forms import DocumentForm, PaperForm, SupportReportForm
from portal.intermediary.pages import PREFIX, customer_page, document_form, load_customer, missing
from portal.intermediary.tool import login_required, now, signed_in
from portal.transaction import abandon

PNG = b"\x89PNG\r\n\x1a\n"
JPEG = b"\xff\xd8\xff"


def refusal_text(code: str) -> str:
    texts = {
        "not_registered": _(
            "Without a portal account the customer already gets his documents by post."
        ),
        "already_paper": _(
            "An approved paper-mail exception is already in force for this customer."
        ),
        "already_requested": _("A paper-mail exception is already waiting for support."),
        "invalid_email": _("Enter the email address without spaces, for example name@example.be."),
        "invalid_contract": _("Choose one of this customer's contracts."),
        "invalid_kind": _("Choose a document."),
        "invalid_year": _("Enter a year for which the document exists."),
        "bad_screenshot": _("The screenshot must be a PNG or JPEG image."),
    }
    return texts.get(code, _("Support could not take this request: please check the form."))


def _image(upload) -> tuple[bytes, str] | None:
    if not upload:
        return None
    data = upload.read(2 * 1024 * 1024 + 1)
    if data.startswith(PNG):
        return data, "image/png"
    if data.startswith(JPEG):
        return data, "image/jpeg"
    raise Invalid("bad_screenshot", "The screenshot is not a PNG or JPEG image.")


def _send(person_id: int, name: str, form, work):
    """Validate, call the service, answer; one transaction (portal.transaction). The
    service checks the customer is in the portfolio (BK-3) and the form's values; the
    customer's account is read only to show a refused form again (fixed query count)."""
    if form.validate_on_submit():
        try:
            req = work()
        except NotFound as exc:
            abandon()
            return missing(exc)
        except DomainError as exc:
            abandon()
            form.form_errors.append(refusal_text(exc.code))
        else:
            flash(
                _(
                    "Sent to support (request %(id)s). The answer will reach %(email)s.",
                    id=req.id,
                    email=signed_in().email,
                )
            )
            return redirect(url_for(".customer", person_id=person_id))
    try:
        account = load_customer(person_id)
    except NotFound as exc:
        return missing(exc)
    if name == "document":
        choices = document_form(account)
        form.contract_number.choices = choices.contract_number.choices
        form.document_kind.choices = choices.document_kind.choices
    return customer_page(account, 422, **{name: form})


def attach(bp: Blueprint) -> None:
    base = f"{PREFIX}/customers/<int:person_id>/requests"

    @bp.post(f"{base}/support-report")
    @login_required
    def support_report(person_id: int):
        form = SupportReportForm()
        return _send(
            person_id,
            "report",
            form,
            lambda: service.report_registration(
                get_session(),
                signed_in(),
                person_id,
                form.email.data,
                form.message.data,
                _image(form.screenshot.data),
                now(),
            ),
        )

    @bp.post(f"{base}/paper-exception")
    @login_required
    def paper_exception(person_id: int):
        form = PaperForm()
        return _send(
            person_id,
            "paper",
            form,
            lambda: service.ask_paper(
                get_session(), signed_in(), person_id, form.message.data, now()
            ),
        )

    @bp.post(f"{base}/missing-document")
    @login_required
    def missing_document(person_id: int):
        form = DocumentForm()
        body = {f: getattr(form, f).data for f in ("contract_number", "document_kind", "year")}
        body.update(email=form.email.data, message=form.message.data)
        return _send(
            person_id,
            "document",
            form,
            lambda: service.ask_document(get_session(), signed_in(), person_id, body, now()),
        )
