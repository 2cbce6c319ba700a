"""The tools' forms (CSRF token in every POST)."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_wtf.file import FileAllowed, FileField, FileSize
from wtforms import EmailField, IntegerField, PasswordField, SelectField, StringField, TextAreaField
from wtforms.validators import DataRequired, Length, NumberRange, Optional

from portal.forms import PortalForm, plain_email

SCREENSHOT_BYTES = 2 * 1024 * 1024


class SignInForm(PortalForm):
    producer_number = StringField(
        _l("Producer number"), validators=[DataRequired(), Length(max=20)]
    )
    password = PasswordField(_l("Password"), validators=[DataRequired(), Length(max=200)])


class PickForm(PortalForm):
    #: an id the database can hold (a bigger one is refused, not an overflow)
    intermediary_id = IntegerField(validators=[DataRequired(), NumberRange(1, 2**31 - 1)])


class SupportReportForm(PortalForm):
    """RG-5: a customer who cannot register, reported by his intermediary."""

    email = EmailField(
        _l("Email address the customer wants to use"),
        validators=[DataRequired(), Length(max=254), plain_email],
    )
    message = TextAreaField(
        _l("What happened? (error message, step)"), validators=[Length(max=1000)]
    )
    screenshot = FileField(
        _l("Screenshot of the error message (PNG or JPEG, optional)"),
        validators=[
            FileAllowed(["png", "jpg", "jpeg"], _l("PNG or JPEG only.")),
            FileSize(max_size=SCREENSHOT_BYTES, message=_l("At most 2 MB.")),
        ],
    )


class PaperForm(PortalForm):
    """DC-3: a paper-mail exception, discouraged."""

    message = TextAreaField(
        _l("Why does the customer insist on paper?"),
        validators=[DataRequired(), Length(max=1000)],
    )


class DocumentForm(PortalForm):
    """DC-2: a document the customer does not find in the portal. The back office checks
    the contract is the customer's and the kind exists (the choices are for the page)."""

    contract_number = SelectField(
        _l("Contract"), validators=[DataRequired()], validate_choice=False
    )
    document_kind = SelectField(_l("Document"), validators=[DataRequired()], validate_choice=False)
    year = IntegerField(_l("Year"), validators=[DataRequired(), NumberRange(1990, 2100)])
    email = EmailField(
        _l("Email address the document goes to"),
        validators=[Optional(), Length(max=254), plain_email],
    )
    message = TextAreaField(_l("Anything to add? (optional)"), validators=[Length(max=1000)])
