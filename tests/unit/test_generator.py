"""The customer generator, on its rows in memory: deterministic, valid Belgian data
(checked with python-stdnum and phonenumbers, not with the generator's own code), the
V-Connect vehicle rules, the catalogue's guarantees, a realistic mix, flat memory."""

from __future__ import annotations

import csv
import hashlib
import json
import re
import tracemalloc
from collections import Counter, defaultdict
from datetime import date
from pathlib import Path

import phonenumbers
import pytest
from stdnum.be import nn, vat

from auth.validation import parse_email
from models import Beneficiary, Contract, Document, LifeComponent, Person
from models.catalogue import load_catalogue
from models.enums import LIFE_DOCUMENT_KINDS, ContractStatus, Segment
from portal.rules.visibility import hidden_reason
from seed.columns import TABLES, missing_columns
from seed.generator import Generator, Options, parse_mix

DATA = Path(__file__).resolve().parents[2] / "seed" / "data"
COUNT = 2000
PLATE = re.compile(r"^[A-Z0-9]{1,8}$")
VIN = re.compile(r"^[A-HJ-NPR-Z0-9]{17}$")
REFERENCE = date(2026, 3, 1)
# Belgian postcode ranges of the provinces (bpost), independent of the data file.
PROVINCE_RANGES = {
    "BRU": [(1000, 1299)], "BRW": [(1300, 1499)], "VBR": [(1500, 1999), (3000, 3499)],
    "ANT": [(2000, 2999)], "LIM": [(3500, 3999)], "LIE": [(4000, 4999)], "NAM": [(5000, 5999)],
    "HAI": [(6000, 6599), (7000, 7999)], "LUX": [(6600, 6999)], "WVL": [(8000, 8999)],
    "OVL": [(9000, 9999)],
}  # fmt: skip
REGION_OF = {"BRU": "brussels", "BRW": "wallonia", "HAI": "wallonia", "LIE": "wallonia",
             "LUX": "wallonia", "NAM": "wallonia"}  # fmt: skip


def rows_of(batch) -> dict[str, list[dict]]:
    return {
        attr: [dict(zip(columns, row, strict=True)) for row in getattr(batch, attr)]
        for _, columns, attr in TABLES
    }


@pytest.fixture(scope="module")
def batch():
    return Generator(20260301).batch(COUNT)


@pytest.fixture(scope="module")
def rows(batch):
    return rows_of(batch)


def digest(batch) -> str:
    text = repr([getattr(batch, attr) for _, _, attr in TABLES])
    return hashlib.sha256(text.encode()).hexdigest()


def postcodes() -> dict[str, dict[str, str]]:
    with (DATA / "postcodes.csv").open(encoding="utf-8") as f:
        return {r["postcode"]: r for r in csv.DictReader(x for x in f if not x.startswith("#"))}


def test_same_seed_same_rows_whatever_the_batch_size_other_seed_other_rows(batch):
    again = Generator(20260301)
    halves = [again.batch(COUNT // 2), again.batch(COUNT // 2)]
    for _, _, attr in TABLES:
        assert getattr(batch, attr) == getattr(halves[0], attr) + getattr(halves[1], attr)
    assert digest(Generator(20260301).batch(300)) == digest(Generator(20260301).batch(300))
    assert digest(Generator(20260302).batch(300)) != digest(Generator(20260301).batch(300))


def test_rows_fill_every_required_column_within_its_length(rows):
    for model, columns, attr in TABLES:
        table = model.__table__
        assert missing_columns(table, columns) == []
        for row in rows[attr]:
            for name, value in row.items():
                length = getattr(table.c[name].type, "length", None)
                if isinstance(value, str) and length:
                    assert len(value) <= length, (table.name, name, value)


def test_ids_are_contiguous_and_children_point_to_their_parents(rows):
    for _, _, attr in TABLES:
        ids = [r["id"] for r in rows[attr]]
        assert ids == list(range(1, len(ids) + 1)), attr
    people = {r["id"] for r in rows["people"]}
    contracts = {r["id"] for r in rows["contracts"]}
    assert {r["holder_id"] for r in rows["contracts"]} <= people
    for attr in ("components", "beneficiaries", "documents"):
        assert {r["contract_id"] for r in rows[attr]} <= contracts


def test_national_numbers_are_valid_match_birth_and_sex_and_repeat_only_for_duplicates(batch, rows):
    births = Counter()
    for p in rows["people"]:
        assert nn.is_valid(p["national_number"]), p
        assert nn.get_birth_date(p["national_number"]) == date.fromisoformat(p["birth_date"])
        assert nn.get_gender(p["national_number"]) == p["sex"]
        births[date.fromisoformat(p["birth_date"]).year >= 2000] += 1
    assert births[True] and births[False]  # both check-digit rules are exercised
    repeats = Counter(p["national_number"] for p in rows["people"])
    assert sorted(set(repeats.values())) == [1, 2]
    assert sum(1 for n in repeats.values() if n == 2) == batch.duplicates


def test_adults_only_at_the_reference_date(rows):
    for p in rows["people"]:
        born = date.fromisoformat(p["birth_date"])
        age = (
            REFERENCE.year - born.year - ((REFERENCE.month, REFERENCE.day) < (born.month, born.day))
        )
        assert 18 <= age <= 91, p


def test_company_numbers_valid_for_professionals_only(rows):
    companies = [p for p in rows["people"] if p["company_number"]]
    assert companies
    for p in companies:
        assert p["segment"] == "professional"
        assert vat.is_valid(p["company_number"]) and vat.is_valid("BE" + p["company_number"])
        assert len(p["company_number"]) == 10 and p["company_number"][0] == "0"


def test_mobiles_are_belgian_mobile_numbers_in_e164(rows):
    mobiles = [p["mobile"] for p in rows["people"] if p["mobile"]]
    assert len(mobiles) > COUNT * 0.7
    for mobile in mobiles:
        parsed = phonenumbers.parse(mobile)
        assert parsed.country_code == 32 and phonenumbers.is_valid_number(parsed), mobile
        assert phonenumbers.number_type(parsed) == phonenumbers.PhoneNumberType.MOBILE
        assert phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.E164) == mobile


def test_emails_are_valid_unique_and_on_example_domains(rows):
    emails = [p["email"] for p in rows["people"] if p["email"]]
    assert len(emails) > COUNT * 0.7
    assert len(set(emails)) == len(emails)
    for email in emails:
        assert parse_email(email) == email
        assert email.rsplit("@", 1)[1] in ("example.be", "example.com")
        assert email == email.lower() and email.isascii()


def test_data_file_has_real_postcodes_in_their_province_and_region():
    places = postcodes()
    assert len(places) >= 120
    assert {p["province"] for p in places.values()} == set(PROVINCE_RANGES)
    for code, p in places.items():
        assert any(lo <= int(code) <= hi for lo, hi in PROVINCE_RANGES[p["province"]]), code
        assert p["region"] == REGION_OF.get(p["province"], "flanders"), code
        assert bool(p["locality_fr"]) == (p["region"] != "flanders"), code
        assert bool(p["locality_nl"]) == (p["region"] != "wallonia"), code


def test_address_postcode_city_and_language_agree(rows):
    places = postcodes()
    names = {lang: _names(lang) for lang in ("fr", "nl")}
    regions = Counter()
    for p in rows["people"]:
        place = places[p["postcode"]]
        assert p["city"] == place[f"locality_{p['language']}"], p
        regions[place["region"], p["language"]] += 1
        assert p["last_name"] in names[p["language"]]["last"], p
        assert p["first_name"] in names[p["language"]]["male" if p["sex"] == "M" else "female"]
        assert p["street"] and p["house_number"][0].isdigit()
    assert set(regions) == {("flanders", "nl"), ("brussels", "nl"), ("wallonia", "fr"),
                            ("brussels", "fr")}  # fmt: skip


def _names(language: str) -> dict[str, set[str]]:
    found = defaultdict(set)
    with (DATA / f"names_{language}.csv").open(encoding="utf-8") as f:
        for r in csv.DictReader(x for x in f if not x.startswith("#")):
            found[r["kind"]].add(r["name"])
    return found


def test_vehicles_obey_the_v_connect_rules(rows):
    vehicles = [c for c in rows["contracts"] if c["vehicle_kind"]]
    kinds = Counter(c["vehicle_kind"] for c in vehicles)
    assert set(kinds) == {"car", "motorhome", "motorbike", "moped", "tricycle", "quad"}
    old_motorbikes = 0
    for c in vehicles:
        assert PLATE.match(c["vehicle_plate"]), c
        assert c["vehicle_vin"] is None or (
            VIN.match(c["vehicle_vin"]) and _vin_check_ok(c["vehicle_vin"])
        )
        covered = json.loads(c["covered"])
        if c["vehicle_kind"] in ("moped", "tricycle", "quad"):
            assert "accident_assistance" not in covered, c
        if c["vehicle_kind"] == "motorbike" and REFERENCE.year - c["vehicle_year"] > 8:
            old_motorbikes += 1
            assert "accident_assistance" not in covered, c
        if c["vehicle_kind"] == "motorhome":
            assert 3500 <= c["vehicle_mass_kg"] <= 5000, c
        assert c["product"] in (("car", "car_legacy") if c["vehicle_kind"] in ("car", "motorhome")
                                else ("motorbike",))  # fmt: skip
    assert old_motorbikes
    assert any("accident_assistance" in json.loads(c["covered"]) for c in vehicles
               if c["vehicle_kind"] == "motorbike")  # fmt: skip


def _vin_check_ok(vin: str) -> bool:
    """ISO 3779 check digit (North American rule), written here from its definition."""
    values = {**{str(d): d for d in range(10)}, **dict(zip("ABCDEFGH", range(1, 9), strict=True)),
              **dict(zip("JKLMN", range(1, 6), strict=True)), "P": 7, "R": 9,
              **dict(zip("STUVWXYZ", range(2, 10), strict=True))}  # fmt: skip
    weights = (8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2)
    check = sum(values[ch] * w for ch, w in zip(vin, weights, strict=True)) % 11
    return vin[8] == ("X" if check == 10 else str(check))


def test_covered_guarantees_and_components_come_from_the_catalogue(rows):
    cat = load_catalogue()
    for c in rows["contracts"]:
        product = cat.products[c["product"]]
        assert c["brand"] in {b.value for b in product.brands}, c
        assert c["line"] == product.line.value
        offered = {i for g in cat.guarantee_sets.get(product.guarantees, ()) for i in g.items}
        assert set(json.loads(c["covered"])) <= offered, c
    assert {r["kind"] for r in rows["components"]} <= set(cat.components)
    assert {c["product"] for c in rows["contracts"]} == set(cat.products)


def test_life_contracts_have_components_beneficiaries_and_three_documents_a_year(rows):
    cat = load_catalogue()
    parts = Counter(r["contract_id"] for r in rows["components"])
    shares = defaultdict(int)
    for b in rows["beneficiaries"]:
        shares[b["contract_id"], b["event"]] += b["share_percent"]
    assert set(shares.values()) == {100}
    docs = defaultdict(list)
    for d in rows["documents"]:
        docs[d["contract_id"]].append(d)
        assert date.fromisoformat(d["issued_on"]) <= REFERENCE and d["year"] <= 2025
    for c in rows["contracts"]:
        shown_life = c["line"] == "life" and cat.products[c["product"]].shown
        assert bool(parts[c["id"]]) == shown_life, c
        if not shown_life:
            assert c["id"] not in docs
            continue
        years = Counter(d["year"] for d in docs[c["id"]])
        assert set(years.values()) <= {3}  # the three kinds every year
        started = int(c["start_date"][:4])
        if started <= 2025:  # the last few years, up to the last complete one
            assert set(years) == set(range(max(started, min(years)), 2026)) and len(years) <= 4, c
        assert {d["kind"] for d in docs[c["id"]]} <= {k.value for k in LIFE_DOCUMENT_KINDS}
    assert len(docs) > 0.8 * sum(1 for c in rows["contracts"] if c["line"] == "life")


def test_dates_are_consistent(rows):
    for c in rows["contracts"]:
        start = date.fromisoformat(c["start_date"])
        assert start <= REFERENCE
        if c["status"] == "active":
            assert c["end_date"] is None and date.fromisoformat(c["renewal_date"]) > REFERENCE
        else:
            assert (
                c["renewal_date"] is None and start < date.fromisoformat(c["end_date"]) < REFERENCE
            )


def test_the_mix_is_realistic(batch, rows):
    cat = load_catalogue()
    segments = {p["id"]: Segment(p["segment"]) for p in rows["people"]}
    hidden = [c for c in rows["contracts"] if hidden_reason(_Row(c), segments[c["holder_id"]], cat)]
    reasons = {hidden_reason(_Row(c), segments[c["holder_id"]], cat) for c in hidden}
    assert 0.05 <= len(hidden) / len(rows["contracts"]) <= 0.10
    assert {"ended", "professional_non_life", "expected_2025", "niche"} <= reasons
    assert batch.hidden == len(hidden)
    assert 0.10 <= batch.professionals / COUNT <= 0.15
    assert 0.01 <= batch.duplicates / COUNT <= 0.02
    brands = defaultdict(set)
    holders = {p["id"]: p["national_number"] for p in rows["people"]}
    for c in rows["contracts"]:
        brands[holders[c["holder_id"]]].add(c["brand"])
    assert sum(len(b) == 2 for b in brands.values()) == batch.both_brands >= COUNT * 0.05
    life = sum(c["line"] == "life" for c in rows["contracts"]) / len(rows["contracts"])
    assert 0.25 <= life <= 0.5
    languages = Counter(p["language"] for p in rows["people"])
    assert 0.55 <= languages["nl"] / len(rows["people"]) <= 0.65


class _Row:
    def __init__(self, c: dict) -> None:
        self.brand, self.product, self.status = (
            c["brand"],
            c["product"],
            ContractStatus(c["status"]),
        )


def test_options_set_the_brand_and_language_mix():
    options = Options(brand_mix=parse_mix("pv=1", ("vivium", "pv")),
                      language_mix=parse_mix("fr=1,nl=0", ("fr", "nl")))  # fmt: skip
    batch = Generator(1, options).batch(300)
    assert {c[2] for c in batch.contracts} == {"pv"} and batch.both_brands == 0
    assert {p[6] for p in batch.people} == {"fr"}
    with pytest.raises(ValueError):
        parse_mix("vivium=1,axa=1", ("vivium", "pv"))
    with pytest.raises(ValueError):
        parse_mix("vivium=0", ("vivium", "pv"))


def test_contract_numbers_are_unique_and_unlike_the_personas(rows):
    numbers = [c["number"] for c in rows["contracts"]]
    assert len(set(numbers)) == len(numbers)
    personas = (Path(__file__).resolve().parents[2] / "seed" / "personas.toml").read_text()
    assert not set(numbers) & set(re.findall(r'number = "(\d+)"', personas))
    assert all(re.fullmatch(r"[78]\d{9}", n) for n in numbers)


def _peak(count: int) -> int:
    tracemalloc.start()
    generator, done = Generator(9), 0
    while done < count:
        generator.batch(100)
        done += 100
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return peak


def test_memory_stays_flat_as_the_count_grows():
    Generator(0)  # pools are read once, outside the measure
    assert _peak(1600) < 1.5 * _peak(400)


def test_models_match_the_row_columns():
    for model, columns, _ in TABLES:
        assert model in (Person, Contract, LifeComponent, Beneficiary, Document)
        assert set(columns) <= set(model.__table__.c.keys())
