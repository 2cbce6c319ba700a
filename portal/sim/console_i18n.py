"""The console in English, French and Dutch (issue 19).

The language is the trainer's choice (the switch in the console bar, kept in the console
session), not the page's: the console's templates get `_` and `gettext` bound to that
language, so a French trainer reads French on every console page. English is the text of
the messages themselves; French and Dutch come from portal/translations/*/console.po.
"""

from __future__ import annotations

from flask import redirect, request, session, url_for
from flask_babel import force_locale, gettext, ngettext

from portal.sim.access import local_path
from portal.sim.blueprints import console

LANGUAGES = ("en", "fr", "nl")
KEY = "console_lang"


def console_lang() -> str:
    lang = session.get(KEY)
    return lang if lang in LANGUAGES else "en"


def console_gettext(message: str, **values) -> str:
    with force_locale(console_lang()):
        return gettext(message, **values)


def console_ngettext(singular: str, plural: str, num: int, **values) -> str:
    with force_locale(console_lang()):
        return ngettext(singular, plural, num, **values)


@console.context_processor
def _console_texts() -> dict:
    return {
        "_": console_gettext,
        "gettext": console_gettext,
        "ngettext": console_ngettext,
        "console_lang": console_lang(),
        "console_languages": LANGUAGES,
    }


@console.get("/language/<any(en, fr, nl):lang>")
def console_language(lang: str):
    """The language switch: kept in the console session, back to the page it was on."""
    session[KEY] = lang
    return redirect(local_path(request.args.get("next")) or url_for("sim.dashboard"))
