"""The console's texts for a page that shows many rows (the outbox, the broker search):
the trainer's catalogue looked up once per page instead of once per text (issue 12).

`page_texts()` gives the templates `_`, `gettext` and `ngettext` with the same results as
portal.sim.console_i18n's (the trainer's language, values put in with `%`), without
entering a forced locale for each of the hundreds of texts of a page of 50 messages.
"""

from __future__ import annotations

from collections.abc import Callable

from flask_babel import force_locale, get_translations

from portal.sim.console_i18n import console_lang


def page_texts() -> dict[str, Callable[..., str]]:
    with force_locale(console_lang()):
        translations = get_translations()

    def gettext(message: str, **values) -> str:
        text = translations.ugettext(message)
        return text % values if values else text

    def ngettext(singular: str, plural: str, num: int, **values) -> str:
        values.setdefault("num", num)
        return translations.ungettext(singular, plural, num) % values

    return {"_": gettext, "gettext": gettext, "ngettext": ngettext}
