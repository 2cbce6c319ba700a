"""The console's texts look the trainer's catalogue up once per request (issue 12), not
once per text, with the same French and Dutch as before (issue 19)."""

from __future__ import annotations

import pytest
from flask import session

from portal.sim import console_i18n
from portal.sim.console_i18n import KEY, console_gettext, console_ngettext


@pytest.fixture
def lookups(monkeypatch) -> list[object]:
    found: list[object] = []
    real = console_i18n.get_translations

    def counted():
        found.append(real())
        return found[-1]

    monkeypatch.setattr(console_i18n, "get_translations", counted)
    return found


@pytest.mark.parametrize(("lang", "word"), [("fr", "Date de naissance"), ("nl", "Helpdesk")])
def test_a_console_page_of_many_texts_looks_its_catalogue_up_once(
    client, personas, lookups, lang, word
):
    assert client.get(f"/sim/language/{lang}").status_code == 302
    lookups.clear()
    response = client.get("/sim/personas")
    assert response.status_code == 200
    assert word in response.get_data(as_text=True)
    assert len(lookups) == 1


def test_a_language_changed_within_the_request_reads_the_other_catalogue(app, lookups):
    with app.test_request_context("/sim/"):
        session[KEY] = "fr"
        assert console_gettext("Support desk") == "Service d'assistance"
        session[KEY] = "nl"
        assert console_gettext("Support desk") == "Helpdesk"
        assert console_gettext("Support desk") == "Helpdesk"
        session[KEY] = "en"
        assert console_ngettext("%(num)s day", "%(num)s days", 2) == "2 days"
    assert len(lookups) == 3
