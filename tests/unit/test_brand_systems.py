"""Which brand owns each of the insurer's one-brand systems, and the other data the
seed reads from the brand profiles (BR-1, BK-3, S2-1, issue 11 item 5)."""

from __future__ import annotations

from dataclasses import replace

import pytest

from models import Brand
from models.brands import PROFILES, System, brand_of, profile, second_brands


def test_each_system_is_owned_by_exactly_one_brand_profile():
    for system in System:
        owners = [p.brand for p in PROFILES.values() if system in p.systems]
        assert owners == [brand_of(system)]


def test_vconnect_auto_the_s2_pack_and_insurgate_are_vivium_systems():
    assert {system: brand_of(system) for system in System} == {
        System.VCONNECT_AUTO: Brand.VIVIUM,
        System.S2PACK: Brand.VIVIUM,
        System.INSURGATE: Brand.VIVIUM,
    }


def test_a_system_no_profile_lists_has_no_owner(monkeypatch):
    vivium = profile(Brand.VIVIUM)
    monkeypatch.setitem(PROFILES, Brand.VIVIUM, replace(vivium, systems=frozenset()))
    with pytest.raises(LookupError, match="s2pack"):
        brand_of(System.S2PACK)


def test_the_second_brand_of_a_customer_of_two_brands_is_the_other_one():
    assert second_brands() == {"vivium": "pv", "pv": "vivium"}


def test_the_generated_intermediaries_keep_their_producer_prefixes_and_offices():
    vivium, pv = profile(Brand.VIVIUM).network, profile(Brand.PV).network
    assert (vivium.producer_prefix, pv.producer_prefix) == ("8", "4")
    assert pv.office.get("nl").format(name="Peeters") == "P&V Agentschap Peeters"
    assert vivium.office.get("fr").format(name="Dubois") == "Bureau de courtage Dubois"
    assert (vivium.email_domain, pv.email_domain) == ("broker.example.be", "agent.pv.example.be")
