"""Every text a customer reads exists in French and in Dutch."""

from __future__ import annotations

import re
from pathlib import Path

from babel.messages.extract import DEFAULT_KEYWORDS, extract_from_dir

from portal.i18n import merged_catalog

ROOT = Path(__file__).resolve().parents[2]
METHODS = [("templates/**.html", "jinja2"), ("portal/**.py", "python"), ("auth/**.py", "python")]
KEYWORDS = {**DEFAULT_KEYWORDS, "_l": None, "lazy_gettext": None}


def _msgids() -> set[str]:
    found = set()
    for _path, _line, message, _comments, _context in extract_from_dir(
        str(ROOT), METHODS, keywords=KEYWORDS
    ):
        found.add(message[0] if isinstance(message, tuple) else message)
    return found


def test_the_extraction_finds_the_portal_texts():
    ids = _msgids()
    assert "My overview" in ids and "I can't find my contract" in ids
    assert "Email address" in ids  # lazy_gettext in forms


def test_every_message_has_a_french_and_a_dutch_translation():
    ids = _msgids()
    for lang in ("fr", "nl"):
        catalog = merged_catalog(lang)
        missing = sorted(i for i in ids if not (catalog.get(i) and catalog.get(i).string))
        assert missing == [], f"{lang}: {missing}"


def test_translations_keep_the_placeholders_of_their_message():
    for lang in ("fr", "nl"):
        for message in merged_catalog(lang):
            if not message.id:
                continue
            ids = message.id if isinstance(message.id, tuple) else (message.id,)
            strings = message.string if isinstance(message.string, tuple) else (message.string,)
            wanted = set(re.findall(r"%\(\w+\)s|%\(\w+\)d|%%", ids[0]))
            for text in strings:
                assert set(re.findall(r"%\(\w+\)s|%\(\w+\)d|%%", text)) == wanted, (lang, ids[0])


#: A colon, semicolon, question or exclamation mark ending a word, with no space (plain,
#: no-break or narrow no-break) before it; a time such as 17:00 is not punctuation.
GLUED = re.compile(r"(?<![\s\d\u00a0\u202f])[:;?!](?=\s|$)")


def test_french_texts_put_a_space_before_a_colon_and_the_high_punctuation():
    """French typography: "Statut :", "Pourquoi ?"; Dutch and English glue them."""
    glued = []
    for message in merged_catalog("fr"):
        if not message.id:
            continue
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        glued += [text for text in strings if GLUED.search(text)]
    assert glued == []


def test_no_template_glues_a_colon_to_a_translated_text():
    """`{{ _("Status") }}:` would print "Statut:" in French: the colon belongs to the
    message ("Status:" -> "Statut :"), where each language places it."""
    glued = [
        f"{path.relative_to(ROOT)}:{number}"
        for path in sorted((ROOT / "templates").rglob("*.html"))
        for number, line in enumerate(path.read_text().splitlines(), 1)
        if re.search(r"\)\s*\}\}\s*[:;?!]", line)
    ]
    assert glued == []
