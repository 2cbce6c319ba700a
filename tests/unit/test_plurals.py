"""French and Dutch counts use the plural rule of their own `.po` headers.

Babel 2.19 gives French three CLDR plural forms; a merged catalogue that took that rule
instead of the files' `nplurals=2` header showed counts of 2 or more in English.
"""

from __future__ import annotations

import re

import pytest
from babel.messages.pofile import read_po
from flask import g
from flask_babel import ngettext, refresh

from portal.i18n import LANGUAGES, merged_catalog, po_files

SINGULAR, PLURAL = "%(num)d contract not shown", "%(num)d contracts not shown"
EXPECTED = {
    "fr": {
        0: "0 contrat non affiché",
        1: "1 contrat non affiché",
        2: "2 contrats non affichés",
        5: "5 contrats non affichés",
    },
    "nl": {
        0: "0 contracten niet getoond",
        1: "1 contract niet getoond",
        2: "2 contracten niet getoond",
        5: "5 contracten niet getoond",
    },
}


def _header_nplurals(lang: str) -> set[int]:
    found = set()
    for path in po_files(lang):
        match = re.search(r"nplurals=(\d+)", path.read_text(encoding="utf-8"))
        assert match, f"{path} has no Plural-Forms header"
        found.add(int(match.group(1)))
    return found


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_merged_catalogue_keeps_the_plural_count_of_its_headers(lang):
    headers = _header_nplurals(lang)
    assert len(headers) == 1, f"{lang} files disagree on nplurals: {headers}"
    catalog = merged_catalog(lang)
    assert {catalog.num_plurals} == headers
    for path in po_files(lang):
        with path.open("rb") as fh:
            assert read_po(fh, locale=lang).num_plurals == catalog.num_plurals, path.name
    for message in catalog:
        if message.pluralizable and message.string:
            assert len(message.string) == catalog.num_plurals, (lang, message.id)


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("count", [0, 1, 2, 5])
def test_counts_render_in_the_language_of_the_page(app, lang, count):
    with app.test_request_context(f"/pv/{lang}/"):
        g.lang = lang
        refresh()
        assert ngettext(SINGULAR, PLURAL, count) == EXPECTED[lang][count]


def _compile(target: str) -> None:
    from pathlib import Path

    from portal.i18n import compile_translations

    compile_translations(Path(target))


def test_workers_compiling_the_catalogues_at_once_all_start(tmp_path):
    """Several gunicorn workers on a fresh instance compile together: none may fail."""
    import multiprocessing

    context = multiprocessing.get_context("spawn")
    workers = [context.Process(target=_compile, args=(str(tmp_path),)) for _ in range(6)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join(60)
    assert [w.exitcode for w in workers] == [0] * 6
    assert (tmp_path / "fr" / "LC_MESSAGES" / "messages.mo").stat().st_size > 0
