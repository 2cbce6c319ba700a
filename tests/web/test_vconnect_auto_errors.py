"""A V-Connect URL the router itself refuses (a NUL in a quote number, a method the
route does not take) still answers in the language of the URL (issue 16; the
property-based tests of tests/security/test_fuzz_vconnect_auto.py found it)."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(("lang", "word"), [("nl", "Terug"), ("fr", "Retour")])
@pytest.mark.parametrize(("method", "path"), [("post", "quotes/a\x00b/analysis"),
                                              ("post", "quotes/a?b/analysis")])  # fmt: skip
def test_a_url_the_router_refuses_answers_in_the_language_of_the_url(client, lang, word,
                                                                     method, path):  # fmt: skip
    response = getattr(client, method)(f"/vconnect/{lang}/auto/{path}")
    html = response.get_data(as_text=True)
    assert response.status_code in (404, 405)
    assert f'<html lang="{lang}">' in html and word in html
