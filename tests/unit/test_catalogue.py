"""The catalogue data file (CT-1, CT-2): complete, bilingual, and checked on load."""

from __future__ import annotations

import tomllib

import pytest

from models.catalogue import DEFAULT_PATH, CatalogueError, load_catalogue, parse_catalogue
from models.enums import Brand, Line, Segment

CT1_LIFE = {
    "life_pension_savings",
    "life_long_term_savings",
    "life_eip",
    "life_plci",
    "life_savings",
    "life_investment",
    "life_death",
}
CT1_NON_LIFE = {
    "car",
    "motorbike",
    "fire",
    "family_liability",
    "private_accident",
    "legal_protection",
}
CT2_HIDDEN = {
    "life_death_standalone",
    "life_income_standalone",
    "workers_compensation",
    "car_legacy",
    "bike",
    "hunting_liability",
    "niche_other",
}


@pytest.fixture
def raw():
    return tomllib.loads(DEFAULT_PATH.read_text(encoding="utf-8"))


def test_ct1_life_products_are_shown_to_private_and_professional_customers():
    cat = load_catalogue()
    for code in CT1_LIFE:
        product = cat.products[code]
        assert product.shown and product.line == Line.LIFE
        assert product.segments == {Segment.PRIVATE, Segment.PROFESSIONAL}


def test_ct1_non_life_products_are_shown_to_private_customers_only():
    cat = load_catalogue()
    for code in CT1_NON_LIFE:
        product = cat.products[code]
        assert product.shown and product.line == Line.NON_LIFE
        assert product.segments == {Segment.PRIVATE}
        assert product.segment_reason in cat.reasons


def test_ct2_hidden_products_each_carry_a_reason_in_french_and_dutch():
    cat = load_catalogue()
    for code in CT2_HIDDEN:
        product = cat.products[code]
        assert not product.shown
        reason = cat.reasons[product.hidden_reason]
        assert reason.fr and reason.nl
    assert cat.products["life_death_standalone"].hidden_reason == "expected_2025"
    assert cat.products["hunting_liability"].hidden_reason == "niche"


def test_ct2_workers_compensation_is_a_vivium_product():
    assert load_catalogue().products["workers_compensation"].brands == {Brand.VIVIUM}


def test_every_product_has_a_known_theme_and_names_in_both_languages():
    cat = load_catalogue()
    for product in cat.products.values():
        assert product.theme in cat.themes
        assert product.name.fr and product.name.nl


def test_a_missing_dutch_text_stops_the_load_and_names_the_entry(raw):
    del raw["reasons"]["niche"]["nl"]
    with pytest.raises(CatalogueError, match=r"reasons\.niche"):
        parse_catalogue(raw)


def test_an_unknown_theme_is_refused(raw):
    raw["products"]["car"]["theme"] = "spaceships"
    with pytest.raises(CatalogueError, match=r"products\.car\.theme"):
        parse_catalogue(raw)


def test_a_hidden_product_without_a_known_reason_is_refused(raw):
    raw["products"]["bike"]["hidden_reason"] = "because"
    with pytest.raises(CatalogueError, match=r"products\.bike"):
        parse_catalogue(raw)


def test_a_product_shown_to_some_segments_must_explain_the_others(raw):
    del raw["products"]["fire"]["segment_reason"]
    with pytest.raises(CatalogueError, match=r"products\.fire.*segment_reason"):
        parse_catalogue(raw)


def test_an_unknown_guarantee_in_a_set_is_refused(raw):
    raw["guarantee_sets"]["fire"][0]["items"].append("meteorites")
    with pytest.raises(CatalogueError, match="meteorites"):
        parse_catalogue(raw)


def test_an_unreadable_or_invalid_file_gives_a_catalogue_error(tmp_path):
    with pytest.raises(CatalogueError, match="cannot read"):
        load_catalogue(tmp_path / "absent.toml")
    bad = tmp_path / "bad.toml"
    bad.write_text("[products\n", encoding="utf-8")
    with pytest.raises(CatalogueError, match="not valid TOML"):
        load_catalogue(bad)
