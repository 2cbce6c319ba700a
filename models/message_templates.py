"""The texts of every letter, SMS and email, one TOML file per message in
`models/messages/` (RG-1, RG-2, RG-6, DC-1, DC-2, DC-3, RG-5).

A file is named after the message kind it writes (`activation_letter.toml` writes
messages of kind `activation_letter`) and reads:

    channel = "email"                 # letter, sms or email
    fields = ["first_name"]           # what the caller fills in

    [fr]
    subject = "Bienvenue dans {portal}"
    body = "Bonjour {first_name}, ..."

    [nl]
    subject = "Welkom in {portal}"
    body = "Beste {first_name}, ..."

Besides `subject` and `body` a language may carry more named parts (the same ones in
both languages), texts a caller needs on their own, e.g. the text kept on a support
request. Placeholders are `{name}`: a field of the file or one of BRAND_FIELDS, which
the writer fills from the brand profile. Every file is loaded and checked once, at
import: a missing language or part, a placeholder nobody fills, a declared field no text
uses or an unknown channel raises TemplateError naming the file, before any customer
clicks anything.
"""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from string import Formatter

from models.outbox import Channel

FOLDER = Path(__file__).resolve().parent / "messages"
LANGUAGES = ("fr", "nl")
REQUIRED_PARTS = ("subject", "body")
KEYS = {"channel", "fields", *LANGUAGES}
# Filled by the writer from the brand profile and the message's language.
BRAND_FIELDS = frozenset(
    {"portal", "company", "url", "support_email", "support_phone", "intermediary"}
)


class TemplateError(ValueError):
    """A message template file that cannot be used, or values that do not fit it."""


@dataclass(frozen=True)
class MessageTemplate:
    kind: str
    channel: Channel
    fields: frozenset[str]
    texts: Mapping[str, Mapping[str, str]]  # language -> part -> text
    needs: Mapping[str, frozenset[str]]  # part -> the fields its texts use

    def render(self, part: str, language: str, values: Mapping[str, object]) -> str:
        """One part in one language; `values` holds the brand fields and this file's."""
        return self.texts[language][part].format_map(values)

    def check_values(self, values: Mapping[str, object], parts: tuple[str, ...]) -> None:
        """The caller gives only this file's fields, and every one `parts` use."""
        unknown_parts = [p for p in parts if p not in self.needs]
        if unknown_parts:
            raise TemplateError(f"{self.kind}: no part {unknown_parts}")
        wanted = set().union(*(self.needs[p] for p in parts))
        missing, extra = sorted(wanted - set(values)), sorted(set(values) - self.fields)
        if missing or extra:
            raise TemplateError(f"{self.kind}: missing {missing}, unexpected {extra}")


def placeholders(text: str) -> set[str]:
    """The `{name}` placeholders of a text; anything but a plain name is refused."""
    names = set()
    for _, name, spec, conversion in Formatter().parse(text):
        if name is None:
            continue
        if not name.isidentifier() or spec or conversion:
            raise TemplateError(f"placeholder '{{{name}}}' is not a plain {{name}}")
        names.add(name)
    return names


def parse_template(kind: str, raw: Mapping[str, object]) -> MessageTemplate:
    """Check one file's content; TemplateError says what is wrong."""
    unknown = set(raw) - KEYS
    if unknown:
        raise TemplateError(f"{kind}: unknown keys {sorted(unknown)}")
    try:
        channel = Channel(raw.get("channel"))
    except ValueError:
        raise TemplateError(f"{kind}: channel is one of {[c.value for c in Channel]}") from None
    fields = raw.get("fields", [])
    if not isinstance(fields, list) or not all(isinstance(f, str) for f in fields):
        raise TemplateError(f"{kind}: fields is a list of names")
    if set(fields) & BRAND_FIELDS:
        raise TemplateError(f"{kind}: {sorted(set(fields) & BRAND_FIELDS)} come from the brand")
    texts = {lang: _language(kind, raw, lang) for lang in LANGUAGES}
    if set(texts["fr"]) != set(texts["nl"]):
        raise TemplateError(f"{kind}: fr and nl have different parts")
    used = set().union(*(placeholders(t) for parts in texts.values() for t in parts.values()))
    allowed = BRAND_FIELDS | set(fields)
    if used - allowed:
        raise TemplateError(f"{kind}: unknown placeholders {sorted(used - allowed)}")
    if set(fields) - used:
        raise TemplateError(f"{kind}: fields no text uses {sorted(set(fields) - used)}")
    needs = {
        part: frozenset(set().union(*(placeholders(texts[lang][part]) for lang in LANGUAGES)))
        - BRAND_FIELDS
        for part in texts["fr"]
    }
    return MessageTemplate(kind, channel, frozenset(fields), texts, needs)


def _language(kind: str, raw: Mapping[str, object], lang: str) -> dict[str, str]:
    parts = raw.get(lang)
    if not isinstance(parts, dict):
        raise TemplateError(f"{kind}: no [{lang}] texts")
    missing = [p for p in REQUIRED_PARTS if p not in parts]
    if missing or not all(isinstance(t, str) and t for t in parts.values()):
        raise TemplateError(f"{kind}: [{lang}] needs non-empty texts {list(REQUIRED_PARTS)}")
    return dict(parts)


def load_templates(folder: Path = FOLDER) -> dict[str, MessageTemplate]:
    """Every `*.toml` of `folder`, by kind (the file name without `.toml`)."""
    templates = {}
    for path in sorted(folder.glob("*.toml")):
        try:
            raw = tomllib.loads(path.read_text(encoding="utf-8"))
        except tomllib.TOMLDecodeError as exc:
            raise TemplateError(f"{path.stem}: not TOML ({exc})") from None
        templates[path.stem] = parse_template(path.stem, raw)
    if not templates:
        raise TemplateError(f"no message templates in {folder}")
    return templates


TEMPLATES: dict[str, MessageTemplate] = load_templates()
