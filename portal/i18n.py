"""French and Dutch for every text a customer reads.

Messages live in `.po` files under `portal/translations/<lang>/` (one file per area of
the portal, so that areas do not collide). They are compiled into the instance folder at
start-up when a `.po` file is newer than its compiled catalogue; no build step is needed.
"""

from __future__ import annotations

import os
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.support import NullTranslations
from flask import Flask, current_app, g, request
from flask.globals import _cv_app
from flask_babel import Babel, get_translations
from flask_babel.speaklater import LazyString
from jinja2 import pass_context, pass_eval_context
from jinja2.nodes import EvalContext
from jinja2.runtime import Context
from markupsafe import Markup

SOURCE = Path(__file__).with_name("translations")
LANGUAGES = ("fr", "nl")
TRANSLATIONS_KEY = "page_translations"


def po_files(lang: str) -> list[Path]:
    return sorted((SOURCE / lang).glob("*.po"))


def merged_catalog(lang: str) -> Catalog:
    """All the `.po` files of one language as one catalogue.

    The catalogue keeps the `Plural-Forms` header of the source files: Babel would
    otherwise take the locale's CLDR rule (three French forms since Babel 2.19), which
    does not match the two forms the `.po` files hold.
    """
    merged: Catalog | None = None
    for path in po_files(lang):
        with path.open("rb") as fh:
            catalog = read_po(fh, locale=lang)
        if merged is None:
            merged = Catalog(locale=lang)
            merged.mime_headers = catalog.mime_headers
        elif catalog.plural_forms != merged.plural_forms:
            raise ValueError(
                f"{path.name}: Plural-Forms {catalog.plural_forms!r} differs from "
                f"{merged.plural_forms!r} in the other {lang} files"
            )
        for message in catalog:
            if message.id and message.string:
                merged[message.id] = message
    return merged if merged is not None else Catalog(locale=lang)


def compile_translations(target: Path) -> None:
    """Write `<target>/<lang>/LC_MESSAGES/messages.mo` when a source is newer."""
    for lang in LANGUAGES:
        sources = po_files(lang)
        mo = target / lang / "LC_MESSAGES" / "messages.mo"
        # this module's own date too: a change to how catalogues merge recompiles them
        newest = max((p.stat().st_mtime for p in [*sources, Path(__file__)]), default=0)
        if mo.exists() and mo.stat().st_mtime >= newest:
            continue
        mo.parent.mkdir(parents=True, exist_ok=True)
        tmp = mo.with_suffix(f".{os.getpid()}.tmp")  # workers starting together never share it
        with tmp.open("wb") as fh:
            write_mo(fh, merged_catalog(lang))
        tmp.replace(mo)


def select_locale() -> str:
    lang = g.get("lang")
    if lang in LANGUAGES:
        return lang
    return request.accept_languages.best_match(LANGUAGES) or "fr"


def init_app(app: Flask) -> None:
    target = Path(app.instance_path) / "translations"
    compile_translations(target)
    app.config["BABEL_TRANSLATION_DIRECTORIES"] = str(target)
    app.config.setdefault("BABEL_DEFAULT_LOCALE", "fr")
    Babel(app, locale_selector=select_locale)
    app.extensions[TRANSLATIONS_KEY] = {}
    env = app.jinja_env
    env.install_gettext_callables(gettext=_gettext, ngettext=_ngettext, newstyle=True)
    # Jinja's `_` and its new-style wrappers call three functions deep per text; these
    # do the same in one (issue 12).
    env.globals.update(_=page_gettext, gettext=page_gettext, ngettext=page_ngettext)


def page_translations(_context: Context | None = None) -> NullTranslations:
    """The request's translations, looked up once per request and kept on the
    application context's `g` (the one templates see): Flask-Babel's own lookup walks
    several context proxies on every one of a page's few dozen texts.

    The template helpers take the evaluation context, not the template context: Jinja
    copies the whole template context for a `pass_context` call made inside a loop or a
    block that sets a variable, five times a home page (issue 12). The application
    context is read from Flask's context variable, without a proxy."""
    app_context = _cv_app.get(None)
    if app_context is None:
        return get_translations()
    state = app_context.g.__dict__
    found = state.get("_page_translations")
    if found is None:
        found = state["_page_translations"] = translations_of(state.get("lang"))
    return found


def page_text(message: str, /, **variables: object) -> str:
    """Flask-Babel's `gettext` (the text, `%`-formatted when given values) through the
    request's kept catalogue (`page_translations`)."""
    text = page_translations().ugettext(message)
    return text % variables if variables else text


def lazy_page_text(message: str, /, **variables: object) -> LazyString:
    """Flask-Babel's `lazy_gettext` through `page_text`: a form's label or message,
    translated when shown. Flask-Babel's own looks the catalogue up again each time,
    about thirty Python calls, six times on the profile page (issue 12)."""
    return LazyString(page_text, message, **variables)


def translations_of(lang: str | None) -> NullTranslations:
    """The translations of a page language, kept per application once looked up: the
    same as Flask-Babel's for that locale, without its hundred calls on the first text
    of every page (issue 12). Without a page language, Flask-Babel's choice."""
    if lang not in LANGUAGES:
        return get_translations()
    kept = current_app.extensions[TRANSLATIONS_KEY]
    found = kept.get(lang)
    if found is None:
        found = kept[lang] = get_translations()
    return found


@pass_context
def _gettext(context: Context, message: str) -> str:
    return page_translations(context).ugettext(message)


@pass_context
def _ngettext(context: Context, singular: str, plural: str, num: int) -> str:
    return page_translations(context).ungettext(singular, plural, num)


_FORMATTED = "_page_texts_formatted"
_FORMATTED_MOST = 10_000


@pass_eval_context
def page_gettext(eval_ctx: EvalContext, message: str, /, **variables: object) -> str:
    """`_()` and `gettext()` in the templates, as Jinja's new-style gettext: the text in
    the page language, escaped when the template autoescapes, always `%`-formatted."""
    translations = page_translations()
    if not variables and eval_ctx.autoescape:
        return _without_variables(translations, message)
    text = translations.ugettext(message)
    if eval_ctx.autoescape:
        text = Markup(text)
    return text % variables


def _without_variables(translations: NullTranslations, message: str) -> Markup:
    """A text with no variable, translated, escaped and `%`-formatted once per
    language: most texts of a page are (issue 12). Kept on the translations object, so
    a language's catalogue and its formatted texts live and go together."""
    kept = translations.__dict__.get(_FORMATTED)
    if kept is None:
        kept = translations.__dict__[_FORMATTED] = {}
    found = kept.get(message)
    if found is None:
        found = Markup(translations.ugettext(message)) % {}
        if len(kept) < _FORMATTED_MOST:  # msgids are the templates' literals: a bound anyway
            kept[message] = found
    return found


@pass_eval_context
def page_ngettext(
    eval_ctx: EvalContext, singular: str, plural: str, num: int, /, **variables: object
) -> str:
    """`ngettext()` in the templates, as Jinja's new-style ngettext (`num` filled in)."""
    variables.setdefault("num", num)
    text = page_translations().ungettext(singular, plural, num)
    if eval_ctx.autoescape:
        text = Markup(text)
    return text % variables
