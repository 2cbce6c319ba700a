"""The message template files (models/messages/*.toml): every shipped file loads, and a
file that could fail a customer later is refused when loaded, naming the file (RG-1,
RG-2, DC-1, DC-2)."""

from __future__ import annotations

from pathlib import Path

import pytest

from models.message_templates import (
    BRAND_FIELDS,
    FOLDER,
    TEMPLATES,
    TemplateError,
    load_templates,
    parse_template,
)
from models.outbox import Channel

GOOD = {
    "channel": "email",
    "fields": ["first_name"],
    "fr": {"subject": "Bienvenue dans {portal}", "body": "Bonjour {first_name}"},
    "nl": {"subject": "Welkom in {portal}", "body": "Beste {first_name}"},
}


def variant(**changes) -> dict:
    return {**GOOD, **changes}


def test_every_shipped_message_file_loads_with_both_languages_and_its_channel():
    names = {p.stem for p in FOLDER.glob("*.toml")}
    assert names == set(TEMPLATES)
    for kind in ("activation_letter", "login_sms", "welcome_email", "document_letter"):
        assert set(TEMPLATES[kind].texts) == {"fr", "nl"}
    assert TEMPLATES["activation_letter"].channel == Channel.LETTER
    assert TEMPLATES["login_sms"].channel == Channel.SMS
    assert TEMPLATES["support_answer"].channel == Channel.EMAIL


def test_a_well_formed_file_is_read_with_its_fields_and_what_each_part_needs():
    template = parse_template("welcome_email", GOOD)
    assert template.fields == {"first_name"}
    assert template.needs == {"subject": set(), "body": {"first_name"}}
    values = {"first_name": "Louise", "portal": "MyP&V"}
    assert template.render("body", "nl", values) == "Beste Louise"


def test_a_file_without_dutch_is_refused():
    raw = {k: v for k, v in GOOD.items() if k != "nl"}
    with pytest.raises(TemplateError, match=r"welcome: no \[nl\] texts"):
        parse_template("welcome", raw)


def test_a_language_without_a_body_is_refused():
    with pytest.raises(TemplateError, match=r"\[fr\] needs non-empty texts"):
        parse_template("welcome", variant(fr={"subject": "Bienvenue"}))


def test_a_placeholder_no_field_fills_is_refused():
    nl = {"subject": "Welkom in {portal}", "body": "Beste {firstname}"}
    with pytest.raises(TemplateError, match=r"unknown placeholders \['firstname'\]"):
        parse_template("welcome", variant(nl=nl))


def test_a_declared_field_no_text_uses_is_refused():
    with pytest.raises(TemplateError, match=r"fields no text uses \['code'\]"):
        parse_template("welcome", variant(fields=["first_name", "code"]))


def test_a_field_that_the_brand_fills_cannot_be_declared_again():
    with pytest.raises(TemplateError, match="come from the brand"):
        parse_template("welcome", variant(fields=["first_name", "portal"]))


def test_a_placeholder_with_a_format_or_an_attribute_is_refused():
    fr = {"subject": "Bienvenue", "body": "Bonjour {first_name.upper}"}
    with pytest.raises(TemplateError, match="not a plain"):
        parse_template("welcome", variant(fr=fr))


def test_an_unknown_channel_or_key_is_refused():
    with pytest.raises(TemplateError, match="channel is one of"):
        parse_template("welcome", variant(channel="pigeon"))
    with pytest.raises(TemplateError, match=r"unknown keys \['de'\]"):
        parse_template("welcome", variant(de=GOOD["nl"]))


def test_french_and_dutch_must_have_the_same_parts():
    nl = {**GOOD["nl"], "answer": "Beste {first_name}"}
    with pytest.raises(TemplateError, match="different parts"):
        parse_template("welcome", variant(nl=nl))


def test_a_folder_with_a_broken_file_fails_at_loading_naming_the_file(tmp_path: Path):
    (tmp_path / "fine_email.toml").write_text(
        'channel = "email"\n[fr]\nsubject = "a"\nbody = "b"\n[nl]\nsubject = "c"\nbody = "d"\n',
        encoding="utf-8",
    )
    assert set(load_templates(tmp_path)) == {"fine_email"}
    (tmp_path / "broken_email.toml").write_text('channel = "email"\n[fr\n', encoding="utf-8")
    with pytest.raises(TemplateError, match="broken_email: not TOML"):
        load_templates(tmp_path)


def test_the_values_given_must_be_the_files_fields_and_cover_the_parts_rendered():
    template = TEMPLATES["document_sent_email"]
    fill = {"document": "Fiscaal attest", "year": 2025, "contract": "1", "filename": "f.pdf"}
    template.check_values(fill, ("answer",))
    with pytest.raises(TemplateError, match=r"missing \['text'\]"):
        template.check_values(fill, ("subject", "body"))
    with pytest.raises(TemplateError, match=r"unexpected \['colour'\]"):
        template.check_values({**fill, "text": "t", "colour": "red"}, ("subject", "body"))
    with pytest.raises(TemplateError, match=r"no part \['footer'\]"):
        template.check_values(fill, ("footer",))


def test_the_brand_fields_are_the_ones_the_writer_fills():
    from models.enums import Brand, Language
    from models.outbox_writer import brand_values

    assert set(brand_values(Brand.PV, Language.NL)) == BRAND_FIELDS
