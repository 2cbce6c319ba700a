"""The portal's forms (Flask-WTF: every POST carries a CSRF token). A form shown again
because it was refused answers 422 (`REFUSED`, `shown_status`), with its message."""

from __future__ import annotations

from flask import request
from flask_wtf import FlaskForm
from flask_wtf.csrf import _FlaskFormCSRF
from flask_wtf.file import FileAllowed, FileField, FileSize
from markupsafe import Markup, escape
from wtforms import (
    BooleanField,
    DateField,
    EmailField,
    HiddenField,
    PasswordField,
    StringField,
    TelField,
)
from wtforms.csrf.core import CSRFTokenField
from wtforms.validators import DataRequired, InputRequired, Length, ValidationError
from wtforms.widgets import HiddenInput

from auth.errors import InvalidEmail
from auth.validation import has_control_characters, parse_email
from portal.i18n import lazy_page_text as _l
from portal.security import DEFAULT_CSRF_FIELD, page_csrf_token

REFUSED = 422


def shown_status() -> int:
    """The status of a form page: 200 when asked for, 422 when shown again after a
    POST (the form, or what it said, was refused)."""
    return REFUSED if request.method == "POST" else 200


def plain_email(_form, field) -> None:
    """An address as typed, spaces inside refused (never dropped), RG-7."""
    try:
        field.data = parse_email(field.data or "")
    except InvalidEmail:
        raise ValidationError(
            _l("Enter your email address without spaces, for example name@example.be.")
        ) from None


class PageCSRF(_FlaskFormCSRF):
    """Flask-WTF's CSRF of a form, its token the page's (`page_csrf_token`: Flask-WTF's
    signed token, signed once per session token and minute). Flask-WTF's own signs a
    fresh one when a view builds a form before the page asks for the token, on every
    page with a form (issue 12); checking a token is Flask-WTF's, unchanged."""

    def generate_csrf_token(self, csrf_token_field):
        if self.meta.csrf_field_name == DEFAULT_CSRF_FIELD:
            return page_csrf_token()
        return super().generate_csrf_token(csrf_token_field)


class HiddenTag:
    """`hidden_tag()` as Flask-WTF writes it, the CSRF token's input written here: WTForms'
    widget formatter costs about a tenth of a page with three forms (issue 12;
    tests/web/test_form_inputs.py keeps the two identical). Other hidden fields are left
    to WTForms. Its token is the page's (`PageCSRF`)."""

    class Meta:
        csrf_class = PageCSRF

    def hidden_tag(self, *fields):
        parts = []
        for f in fields or self:
            if isinstance(f, str):
                f = getattr(self, f, None)
            if f is None or not isinstance(f.widget, HiddenInput):
                continue
            if type(f) is CSRFTokenField and not f.render_kw:
                value = escape(f._value())
                parts.append(
                    f'<input id="{escape(f.id)}" name="{escape(f.name)}" type="hidden"'
                    f' value="{value}">'
                )
            else:
                parts.append(str(f))
        return Markup("\n".join(parts))


class PortalForm(HiddenTag, FlaskForm):
    """A form whose typed text never holds a control character (a NUL byte would reach
    the database, which PostgreSQL refuses): such a field is refused with its message."""

    def validate(self, extra_validators=None) -> bool:
        valid = super().validate(extra_validators)
        for field in self:
            if isinstance(field.data, str) and has_control_characters(field.data, "\t\n\r"):
                field.errors = [
                    *field.errors,
                    _l("This field holds characters that cannot be kept: please type it again."),
                ]
                valid = False
        return valid


class EmptyForm(HiddenTag, FlaskForm):
    """A button that changes state: only the CSRF token."""


class IdentityAccountForm(PortalForm):
    email = EmailField(_l("Email address"), validators=[DataRequired(), Length(max=254)])
    consent = BooleanField(
        _l("I agree to receive my documents digitally in my customer space."),
        validators=[DataRequired(message=_l("Please accept to continue."))],
    )


class ReportForm(PortalForm):
    error_code = HiddenField(validators=[DataRequired(), Length(max=40)])
    email = EmailField(
        _l("Email address you want to use"),
        validators=[DataRequired(), Length(max=254), plain_email],
    )
    message = StringField(_l("Anything to add? (optional)"), validators=[Length(max=1000)])
    screenshot = FileField(
        _l("Screenshot of the error message (PNG or JPEG, optional)"),
        validators=[
            FileAllowed(["png", "jpg", "jpeg"], _l("PNG or JPEG only.")),
            FileSize(max_size=2 * 1024 * 1024, message=_l("At most 2 MB.")),
        ],
    )


class LetterRequestForm(PortalForm):
    contract_number = StringField(
        _l("Contract number"), validators=[DataRequired(), Length(max=40)]
    )
    birth_date = DateField(
        _l("Date of birth"), validators=[InputRequired(message=_l("Enter a valid date."))]
    )


class ActivationForm(PortalForm):
    contract_number = StringField(
        _l("Contract number"), validators=[DataRequired(), Length(max=40)]
    )
    code = StringField(_l("Activation code"), validators=[DataRequired(), Length(max=40)])
    email = EmailField(_l("Email address"), validators=[DataRequired(), Length(max=254)])
    password = PasswordField(_l("Password"), validators=[DataRequired(), Length(max=128)])
    mobile = TelField(_l("Mobile number"), validators=[DataRequired(), Length(max=40)])


class SmsCodeForm(PortalForm):
    code = StringField(_l("Code received by SMS"), validators=[DataRequired(), Length(max=20)])


class LoginForm(PortalForm):
    email = EmailField(_l("Email address"), validators=[DataRequired(), Length(max=254)])
    password = PasswordField(_l("Password"), validators=[DataRequired(), Length(max=128)])


class AddressForm(PortalForm):
    street = StringField(_l("Street"), validators=[DataRequired(), Length(max=120)])
    house_number = StringField(_l("Number"), validators=[DataRequired(), Length(max=12)])
    postcode = StringField(_l("Postcode"), validators=[DataRequired(), Length(max=4)])
    city = StringField(_l("Municipality"), validators=[DataRequired(), Length(max=80)])


class EmailChangeForm(PortalForm):
    email = EmailField(_l("New email address"), validators=[DataRequired(), Length(max=254)])


class MobileChangeForm(PortalForm):
    mobile = TelField(_l("New mobile number"), validators=[DataRequired(), Length(max=40)])
