"""The console in English, French and Dutch (issue 19).

The language is the trainer's choice (the switch in the console bar, kept in the console
session), not the page's: the console's templates get `_` and `gettext` bound to that
language, so a French trainer reads French on every console page. English is the text of
the messages themselves; French and Dutch come from portal/translations/*/console.po.

The trainer's catalogue is looked up once per request and language (issue 12), not once
per text: a page of many rows has hundreds of texts. The results are flask_babel's
`gettext`/`ngettext` in that locale (values put in with `%`).
"""

from __future__ import annotations

from collections.abc import Callable

from babel.support import NullTranslations
from flask import g, redirect, request, session, url_for
from flask_babel import force_locale, get_translations

from portal.sim.access import local_path
from portal.sim.blueprints import console

LANGUAGES = ("en", "fr", "nl")
KEY = "console_lang"


def console_lang() -> str:
    lang = session.get(KEY)
    return lang if lang in LANGUAGES else "en"


def _catalogue() -> NullTranslations:
    """The trainer's catalogue, kept on `g` for the request (looked up again when the
    language changes within it)."""
    lang = console_lang()
    kept = g.get("console_catalogue")
    if kept is None or kept[0] != lang:
        with force_locale(lang):
            kept = g.console_catalogue = (lang, get_translations())
    return kept[1]


def console_gettext(message: str, **values) -> str:
    text = _catalogue().ugettext(message)
    return text % values if values else text


def console_ngettext(singular: str, plural: str, num: int, **values) -> str:
    values.setdefault("num", num)
    return _catalogue().ungettext(singular, plural, num) % values


def bound_texts() -> tuple[Callable[..., str], Callable[..., str]]:
    """`gettext` and `ngettext` bound to the trainer's catalogue of this request: a
    template's hundreds of texts then look up neither the session nor `g` (issue 12)."""
    catalogue = _catalogue()
    ugettext, ungettext = catalogue.ugettext, catalogue.ungettext

    def gettext(message: str, **values) -> str:
        text = ugettext(message)
        return text % values if values else text

    def ngettext(singular: str, plural: str, num: int, **values) -> str:
        values.setdefault("num", num)
        return ungettext(singular, plural, num) % values

    return gettext, ngettext


@console.context_processor
def _console_texts() -> dict:
    gettext, ngettext = bound_texts()
    return {
        "_": gettext,
        "gettext": gettext,
        "ngettext": ngettext,
        "console_lang": console_lang(),
        "console_languages": LANGUAGES,
    }


@console.get("/language/<any(en, fr, nl):lang>")
def console_language(lang: str):
    """The language switch: kept in the console session, back to the page it was on."""
    session[KEY] = lang
    return redirect(local_path(request.args.get("next")) or url_for("sim.dashboard"))
