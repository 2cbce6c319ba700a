"""Texts without variables are translated and formatted once per language and kept
(issue 12, portal.i18n): each language still gets its own text, escaped and
`%`-formatted as Jinja's new-style gettext does."""

from __future__ import annotations

from flask import g, render_template_string

PAGE = '{{ _("My overview") }}|{{ _("Welcome, %(name)s", name="<b>Ann</b>") }}'


def _render(app, lang: str) -> str:
    with app.test_request_context(f"/pv/{lang}/"):
        g.lang = lang
        return render_template_string(PAGE)


def test_each_language_keeps_its_own_texts(app):
    assert _render(app, "fr").startswith("Mon aperçu|")
    assert _render(app, "nl").startswith("Mijn overzicht|")
    assert _render(app, "fr").startswith("Mon aperçu|")


def test_a_kept_text_is_the_same_as_a_fresh_one(app):
    first, again = _render(app, "nl"), _render(app, "nl")
    assert first == again


def test_variables_are_still_escaped(app):
    assert "&lt;b&gt;Ann&lt;/b&gt;" in _render(app, "fr")
