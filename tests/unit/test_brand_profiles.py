"""What a brand is lives in its profile (BR-1, BK-1, CT-5): the code asks the profile."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from auth.errors import ContractOtherBrand, OtherBrandOnly
from auth.identity import match_person
from models.brands import PROFILES, profile, profile_of_segment
from models.enums import Brand, ContractStatus


def test_br1_every_brand_has_a_profile_with_its_own_cookie_and_itsme_client():
    assert set(PROFILES) == {b.value for b in Brand}
    assert len({p.cookie_name for p in PROFILES.values()}) == len(PROFILES)
    assert len({p.itsme_client for p in PROFILES.values()}) == len(PROFILES)
    assert len({p.contract_prefix for p in PROFILES.values()}) == len(PROFILES)


def test_br1_a_brand_space_is_named_by_the_segment_of_its_profile():
    assert profile_of_segment("pv") is profile(Brand.PV)
    assert profile_of_segment("sim") is None
    assert profile("vivium") is PROFILES[Brand.VIVIUM]


def test_bk1_the_tools_of_the_intermediaries_are_in_the_profiles():
    pv, vivium = profile(Brand.PV).tool, profile(Brand.VIVIUM).tool
    assert (pv.name, pv.role, pv.shows_onboarding) == ("Connect 360", "agent", True)
    assert pv.landing_qr == "https://my.pv.be/"
    assert (vivium.name, vivium.role, vivium.shows_onboarding) == ("V-Connect", "broker", False)
    assert vivium.landing_qr is None
    assert (pv.segment, pv.cookie_name, pv.life_part) == ("connect360", "connect360_session", None)
    assert (vivium.segment, vivium.life_part) == ("vconnect", "Life Connect")


def test_ct5_only_the_pv_home_has_theme_pages_and_names_an_adviser():
    assert profile(Brand.PV).home.theme_pages and profile(Brand.PV).home.adviser.nl == "adviseur"
    assert not profile(Brand.VIVIUM).home.theme_pages and profile(Brand.VIVIUM).home.adviser is None


def test_br1_a_refusal_names_the_brand_where_the_active_contracts_are():
    person = SimpleNamespace(id=1)
    contracts = {1: [SimpleNamespace(brand=Brand.PV, status=ContractStatus.ACTIVE)]}
    with pytest.raises(OtherBrandOnly) as refused:
        match_person([person], contracts, Brand.VIVIUM)
    assert refused.value.brand == Brand.PV
    assert ContractOtherBrand(Brand.VIVIUM).brand == Brand.VIVIUM
