"""The real portals' addresses as the seeds give them (BR-2): MyVivium's ends with the
reader's language, MyP&V's is one address for both languages."""

from __future__ import annotations

import pytest

from models.brands import profile
from models.enums import Brand


@pytest.mark.parametrize(
    ("brand", "lang", "address"),
    [
        (Brand.VIVIUM, "fr", "https://my.vivium.be/fr"),
        (Brand.VIVIUM, "nl", "https://my.vivium.be/nl"),
        (Brand.PV, "fr", "https://my.pv.be/"),
        (Brand.PV, "nl", "https://my.pv.be/"),
    ],
)
def test_br2_the_real_address_of_each_brand_in_each_language(brand, lang, address):
    assert profile(brand).real_address(lang) == address


def test_br2_a_language_the_brand_does_not_speak_gets_its_default_language():
    assert profile(Brand.VIVIUM).real_address("de") == "https://my.vivium.be/fr"
    assert profile(Brand.PV).real_address("de") == "https://my.pv.be/"


def test_hp2_each_brand_lists_the_self_service_to_come_of_its_own_faq():
    """V 1.6 names three services; P 1.5 five, the last one checking the insurances."""
    assert profile(Brand.VIVIUM).coming_soon == ("claim", "medical", "payment")
    assert profile(Brand.PV).coming_soon == (
        "claim",
        "appointment",
        "payment",
        "medical",
        "insurances",
    )
