"""Insurgate's forms; every refusal is a message at its field (IG-1..IG-7)."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from wtforms import (
    BooleanField,
    EmailField,
    IntegerField,
    PasswordField,
    SelectField,
    SelectMultipleField,
    StringField,
    TelField,
)
from wtforms.fields.choices import SelectChoice
from wtforms.validators import DataRequired, InputRequired, Length, NumberRange, ValidationError

from portal.forms import PortalForm, plain_email
from portal.rules import insurgate as rules

REQUIRED = _l("This field is required.")
LANGUAGES = [SelectChoice("fr", "Français"), SelectChoice("nl", "Nederlands")]


def _required(length: int) -> list:
    return [DataRequired(message=REQUIRED), Length(max=length)]


def enterprise_number(_form, field) -> None:
    """IG-1: "BE" then ten digits (the structure only)."""
    problem = rules.enterprise_number_problem((field.data or "").strip())
    if problem == "form":
        raise ValidationError(_l("Type the enterprise number as BE0123456789."))


def belgian_phone(_form, field) -> None:
    if rules.phone_problem(field.data or ""):
        raise ValidationError(_l("Enter a Belgian phone number, for example 0412 34 56 78."))


def postcode(_form, field) -> None:
    if rules.postcode_problem((field.data or "").strip()):
        raise ValidationError(_l("A Belgian postcode has four digits, for example 1210."))


def new_password(_form, field) -> None:
    """IG-1, IG-7: at least 6 characters."""
    if rules.password_problem(field.data or "", field.data or "") == "too_short":
        raise ValidationError(_l("At least 6 characters."))


def repeats_password(form, field) -> None:
    """IG-1, IG-7: the confirmation repeats the password."""
    if len(form.password.data or "") >= rules.MIN_PASSWORD and rules.password_problem(
        form.password.data or "", field.data or ""
    ):
        raise ValidationError(_l("The two passwords differ."))


class LoginForm(PortalForm):
    email = EmailField(_l("Email"), validators=_required(254))
    password = PasswordField(_l("Password"), validators=_required(128))


class PersonalForm(PortalForm):
    first_name = StringField(_l("First name"), validators=_required(80))
    last_name = StringField(_l("Last name"), validators=_required(80))
    email = EmailField(_l("Email"), validators=[*_required(254), plain_email])
    password = PasswordField(_l("Password"), validators=[Length(max=128), new_password])
    confirm = PasswordField(
        _l("Confirm the password"), validators=[Length(max=128), repeats_password]
    )
    terms = BooleanField(
        _l("I accept the terms and conditions of use."),
        validators=[DataRequired(message=_l("Please accept the terms to continue."))],
    )


class CompanyForm(PortalForm):
    trade_name = StringField(_l("Trade name (of the company)"), validators=_required(120))
    enterprise = StringField(
        _l("Enterprise number"), validators=[*_required(20), enterprise_number]
    )
    street = StringField(_l("Street"), validators=_required(120))
    number = StringField(_l("Number"), validators=_required(20))
    postcode = StringField(_l("Postcode"), validators=[*_required(4), postcode])
    city = StringField(_l("Town"), validators=_required(80))
    website = StringField(_l("Website"), validators=_required(200))
    phone = TelField(_l("Phone number"), validators=[*_required(40), belgian_phone])


class ForgotForm(PortalForm):
    email = EmailField(_l("Email"), validators=_required(254))


class SetPasswordForm(PortalForm):
    password = PasswordField(_l("Password"), validators=[Length(max=128), new_password])
    confirm = PasswordField(
        _l("Confirm the password"), validators=[Length(max=128), repeats_password]
    )


class ChangePasswordForm(PortalForm):
    """IG-7: the profile's password change, labelled as the manual's screen."""

    old = PasswordField(_l("Old password"), validators=_required(128))
    password = PasswordField(_l("New password"), validators=[Length(max=128), new_password])
    confirm = PasswordField(
        _l("Confirm the new password"), validators=[Length(max=128), repeats_password]
    )


class ProfileForm(PortalForm):
    first_name = StringField(_l("First name"), validators=_required(80))
    last_name = StringField(_l("Last name"), validators=_required(80))
    email = EmailField(_l("Email"), validators=[*_required(254), plain_email])
    language = SelectField(_l("Language"), choices=LANGUAGES)


class IntegrationForm(PortalForm):
    producer = StringField(_l("Vivium producer number"), validators=_required(10))
    group = StringField(_l("New group (for a further producer number)"), [Length(max=80)])


class InviteForm(PortalForm):
    first_name = StringField(_l("First name"), validators=_required(80))
    last_name = StringField(_l("Last name"), validators=_required(80))
    email = EmailField(_l("Email"), validators=[*_required(254), plain_email])
    language = SelectField(_l("Language"), choices=LANGUAGES)
    is_admin = BooleanField(_l("Is administrator"))
    groups = SelectMultipleField(_l("Groups"), choices=[], coerce=int)


class GroupForm(PortalForm):
    name = StringField(_l("Name"), validators=_required(80))
    street = StringField(_l("Street"), validators=[Length(max=120)])
    number = StringField(_l("Number"), validators=[Length(max=20)])
    postcode = StringField(_l("Postcode"), validators=[Length(max=4)])
    city = StringField(_l("Town"), validators=[Length(max=80)])
    email = StringField(_l("Email"), validators=[Length(max=254)])
    contact = StringField(_l("Contact"), validators=[Length(max=120)])
    enterprise_number = StringField(_l("Enterprise number"), validators=[Length(max=12)])
    website = StringField(_l("Website"), validators=[Length(max=200)])
    phone = StringField(_l("Phone number"), validators=[Length(max=40)])


ACTIVITIES = [
    SelectChoice("office", _l("Office work")),
    SelectChoice("shop", _l("Shop")),
    SelectChoice("horeca", _l("Hotel, restaurant, café")),
    SelectChoice("craft", _l("Craft trade")),
    SelectChoice("building", _l("Building work")),
]
COVERS = [
    SelectChoice("workers_comp", _l("Workers' compensation")),
    SelectChoice("liability", _l("Civil liability")),
    SelectChoice("property", _l("Fire and property")),
]


def _count(maximum: int) -> list:
    return [
        InputRequired(message=REQUIRED),
        NumberRange(min=0, max=maximum, message=_l("A whole number from 0 to %(max)s.")),
    ]


class QuoteForm(PortalForm):
    """IG-6: 1 Context (activity, covers, claims history), 2 Workers' compensation."""

    company_name = StringField(_l("Name / company name"), validators=_required(120))
    activity = SelectField(_l("Activity carried out"), choices=ACTIVITIES)
    postcode = StringField(_l("Postcode"), validators=[*_required(4), postcode])
    covers = SelectMultipleField(_l("Choice of covers"), choices=COVERS)
    claims_count = IntegerField(_l("Claims in the last five years"), validators=_count(99))
    workers = IntegerField(_l("Number of workers"), validators=_count(50))
    payroll_euros = IntegerField(_l("Yearly gross payroll (euros)"), validators=_count(10_000_000))
    extra_legal = BooleanField(_l("Extra-legal guarantees"))
    round_the_clock = BooleanField(_l("24h/24 cover (private life too)"))
