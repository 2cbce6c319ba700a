"""BK-3 in bulk seeding (issue 12): the intermediary of each generated contract is
chosen while the contract is drawn (holder id modulo the brand's generated
intermediaries), so that no UPDATE of every contract follows the inserts."""

from __future__ import annotations

from pytest import approx

from seed.columns import CONTRACT_INDEX
from seed.generator import Generator
from seed.intermediaries import holder_shares

INTERMEDIARY, HOLDER, BRAND = (CONTRACT_INDEX[c] for c in ("intermediary_id", "holder_id", "brand"))


def test_each_generated_contract_goes_to_its_holders_intermediary_of_the_brand():
    generator = Generator(5)
    generator.portfolios = {"pv": [41, 42, 43], "vivium": [7, 8]}
    rows = generator.batch(300).contracts
    assert {row[BRAND] for row in rows} == {"pv", "vivium"}
    for row in rows:
        ids = generator.portfolios[row[BRAND]]
        assert row[INTERMEDIARY] == ids[row[HOLDER] % len(ids)]


def test_without_portfolios_the_contracts_wait_for_assign_portfolios():
    rows = Generator(5).batch(50).contracts
    assert {row[INTERMEDIARY] for row in rows} == {None}


def test_the_same_seed_draws_the_same_rows_with_or_without_portfolios():
    plain, placed = Generator(9), Generator(9)
    placed.portfolios = {"pv": [1], "vivium": [2]}
    a, b = plain.batch(200), placed.batch(200)
    assert a.people == b.people
    assert [row[:INTERMEDIARY] for row in a.contracts] == [
        row[:INTERMEDIARY] for row in b.contracts
    ]


def test_holder_shares_count_the_second_brand_and_the_twins():
    shares = holder_shares((("vivium", 0.5), ("pv", 0.5)), both=0.08, twins=0.015)
    assert shares == {"vivium": approx(0.54 * 1.015), "pv": approx(0.54 * 1.015)}
    assert holder_shares((("vivium", 3.0), ("pv", 1.0)), both=0.0, twins=0.0) == {
        "vivium": 0.75,
        "pv": 0.25,
    }


def test_a_single_brand_mix_has_no_second_brand():
    assert holder_shares((("pv", 1.0), ("vivium", 0.0)), both=0.08, twins=0.0) == {"pv": 1.0}
