"""The portal's forms write their CSRF token input and their plain inputs themselves (issue
12): byte for byte what Flask-WTF's `hidden_tag()` and WTForms' widgets write."""

from __future__ import annotations

import pytest
from flask_wtf import FlaskForm

from portal.forms import AddressForm, EmptyForm, HiddenTag, ReportForm


def flask_wtf_hidden_tag(form, *fields) -> str:
    return str(FlaskForm.hidden_tag(form, *fields))


@pytest.mark.parametrize(
    ("form_class", "prefix"),
    [(EmptyForm, ""), (AddressForm, "address"), (ReportForm, ""), (ReportForm, 'r<&"')],
)
def test_the_hidden_inputs_are_those_flask_wtf_writes(app, form_class, prefix):
    with app.test_request_context("/pv/nl/profile"):
        form = form_class(prefix=prefix)
        if isinstance(form, ReportForm):
            form.error_code.data = 'E"<42>&'
        ours = str(form.hidden_tag())
        assert ours == flask_wtf_hidden_tag(form)
        assert 'type="hidden"' in ours and "csrf_token" in ours
        assert ours.count("<input") == (2 if isinstance(form, ReportForm) else 1)


def test_named_fields_and_a_field_not_hidden_are_chosen_as_flask_wtf_chooses(app):
    with app.test_request_context("/pv/nl/profile"):
        form = ReportForm()
        for fields in [("csrf_token",), ("email", "error_code"), ("missing",), (form.email,)]:
            assert str(form.hidden_tag(*fields)) == flask_wtf_hidden_tag(form, *fields)


def test_the_token_input_is_written_without_wtforms_widget(app, monkeypatch):
    """The point of HiddenTag: WTForms' widget does not render the CSRF token."""
    from wtforms.widgets import HiddenInput

    calls = []
    original = HiddenInput.__call__
    monkeypatch.setattr(
        HiddenInput, "__call__", lambda *a, **k: calls.append(1) or original(*a, **k)
    )
    with app.test_request_context("/pv/nl/profile"):
        html = str(EmptyForm().hidden_tag())
    assert calls == [] and "csrf_token" in html
    assert issubclass(EmptyForm, HiddenTag)


def every_portal_form():
    import inspect

    from portal import forms

    return [
        cls
        for _, cls in inspect.getmembers(forms, inspect.isclass)
        if issubclass(cls, FlaskForm) and cls.__module__ == forms.__name__
    ]


@pytest.mark.parametrize("form_class", every_portal_form(), ids=lambda c: c.__name__)
def test_every_field_input_is_the_one_wtforms_writes(app, form_class):
    """portal/views/form_html.py `field_input`, for every field of every portal form,
    with and without a typed value holding HTML: the input WTForms writes."""
    from portal.views.form_html import field_input

    with app.test_request_context("/pv/nl/profile"):
        form = form_class(prefix="p")
        for typed in (None, "1\"<b>&'"):
            for field in form:
                if typed is not None and isinstance(field.data, str | type(None)):
                    field.data = typed
                    field.raw_data = [typed]
                attrs = {"data-testid": "t", "aria-describedby": "p-hint"}
                assert str(field_input(field, dict(attrs))) == str(field(**attrs)), field.name
