"""What the generated customers hold: the product mix per segment, premiums, the
guarantees and life compositions of each product, and risk notes, checked against the
catalogue (`models/catalogue.toml`) so that only its products and guarantees are used."""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache

from models.catalogue import default_catalogue
from seed.belgium import expand

# Relative shares of the products among the contracts of each segment. Professionals
# hold EIP and PLCI; their non-life contracts are hidden by the portal (CT-1).
PRIVATE_MIX = {
    "car": 22, "motorbike": 5, "fire": 16, "family_liability": 13, "private_accident": 4,
    "legal_protection": 6, "life_pension_savings": 9, "life_long_term_savings": 5,
    "life_savings": 5, "life_investment": 4, "life_death": 4,
    "life_death_standalone": 0.5, "life_income_standalone": 0.3, "car_legacy": 0.5,
    "bike": 0.6, "hunting_liability": 0.15, "pleasure_boat": 0.2, "niche_other": 0.25,
}  # fmt: skip
PROFESSIONAL_MIX = {
    "life_eip": 10, "life_plci": 14, "life_pension_savings": 6, "life_death": 5,
    "life_savings": 4, "life_investment": 4, "life_income_standalone": 1, "life_death_standalone": 0.5,
    "car": 7, "fire": 3, "workers_compensation": 3, "legal_protection": 1,
}  # fmt: skip
ONE_PER_CUSTOMER = frozenset(
    {"family_liability", "legal_protection", "private_accident", "life_pension_savings",
     "life_plci", "life_eip", "workers_compensation", "hunting_liability"}
)  # fmt: skip
# Annual premium range in euro cents.
PREMIUMS = {
    "car": (35_000, 150_000), "motorbike": (15_000, 70_000), "fire": (25_000, 120_000),
    "family_liability": (7_000, 15_000), "private_accident": (12_000, 40_000),
    "legal_protection": (10_000, 30_000), "life_pension_savings": (30_000, 105_000),
    "life_long_term_savings": (60_000, 250_000), "life_eip": (100_000, 1_000_000),
    "life_plci": (50_000, 400_000), "life_savings": (50_000, 300_000),
    "life_investment": (50_000, 500_000), "life_death": (15_000, 80_000),
    "life_death_standalone": (10_000, 50_000), "life_income_standalone": (20_000, 60_000),
    "workers_compensation": (50_000, 400_000), "car_legacy": (30_000, 80_000),
    "bike": (5_000, 15_000), "hunting_liability": (8_000, 20_000),
    "pleasure_boat": (20_000, 80_000), "niche_other": (8_000, 40_000),
}  # fmt: skip
# Life compositions: the main component, then optional ones with their probability.
LIFE = {
    "life_pension_savings": ("pension_savings", (("death_cover", 0.15),)),
    "life_long_term_savings": ("long_term_savings", (("death_cover", 0.2),)),
    "life_eip": ("eip", (("branch23", 0.2), ("death_cover", 0.6), ("guaranteed_income", 0.3))),
    "life_plci": ("plci", (("death_cover", 0.5), ("guaranteed_income", 0.2))),
    "life_savings": ("branch21", (("death_cover", 0.1),)),
    "life_investment": ("branch23", (("branch21", 0.3),)),
    "life_death": ("death_cover", (("guaranteed_income", 0.3),)),
}
# Guarantee packages of the non-vehicle products: (guarantees, weight).
PACKAGES = {
    "fire": (
        (("building", "contents", "fire", "natural_disasters", "civil_liability"), 25),
        (("building", "contents", "fire", "theft", "glass", "natural_disasters",
          "civil_liability", "home_assistance"), 35),
        (("building", "contents", "fire", "theft", "glass", "natural_disasters",
          "civil_liability", "legal_assistance", "home_assistance"), 20),
        (("contents", "fire", "theft", "civil_liability"), 20),
    ),
    "family_liability": (
        (("private_life_liability",), 50), (("private_life_liability", "pets"), 25),
        (("private_life_liability", "legal_assistance"), 15),
        (("private_life_liability", "pets", "legal_assistance"), 10),
    ),
    "private_accident": (
        (("accident_death", "permanent_disability"), 30),
        (("accident_death", "permanent_disability", "medical_costs"), 45),
        (("accident_death", "permanent_disability", "temporary_disability", "medical_costs"), 25),
    ),
    "legal_protection": (
        (("civil_recovery", "criminal_defence"), 35),
        (("civil_recovery", "criminal_defence", "contract_disputes"), 45),
        (("civil_recovery", "criminal_defence", "contract_disputes", "tax_disputes"), 20),
    ),
}  # fmt: skip
RISK_NOTES = {
    "workers_compensation": {
        "fr": ("Bureau d'architecture, 2 employés", "Boulangerie artisanale, 3 ouvriers",
               "Entreprise de toiture, 5 ouvriers", "Salon de coiffure, 2 employés"),
        "nl": ("Architectenbureau, 2 bedienden", "Ambachtelijke bakkerij, 3 arbeiders",
               "Dakwerken, 5 arbeiders", "Kapsalon, 2 bedienden"),
    },
    "bike": {
        "fr": ("Vélo électrique Gazelle", "Speed pedelec Stromer", "Vélo cargo Urban Arrow",
               "Vélo de course Ridley"),
        "nl": ("Elektrische fiets Gazelle", "Speedpedelec Stromer", "Bakfiets Urban Arrow",
               "Koersfiets Ridley"),
    },
    "hunting_liability": {"fr": ("Permis de chasse wallon",), "nl": ("Vlaams jachtverlof",)},
    "pleasure_boat": {
        "fr": ("Voilier Bavaria 34, port de Nieuport", "Bateau à moteur Linssen 30, Namur"),
        "nl": ("Zeilboot Bavaria 34, ligplaats Zeebrugge", "Motorboot Linssen 30, Nieuwpoort"),
    },
    "niche_other": {
        "fr": ("Collection de montres anciennes", "Instruments de musique", "Cheval de selle"),
        "nl": ("Verzameling oude uurwerken", "Muziekinstrumenten", "Rijpaard"),
    },
}  # fmt: skip
LEGAL_HEIRS = {"fr": "Les héritiers légaux", "nl": "De wettelijke erfgenamen"}


@dataclass(frozen=True)
class ProductFacts:
    """What the generator needs from the catalogue about one product."""

    line: str
    brands: frozenset[str]
    shown: bool
    segments: frozenset[str]


@cache
def facts() -> dict[str, ProductFacts]:
    """Facts of every product the generator may use; fails on a product, guarantee or
    component that the catalogue does not know."""
    cat = default_catalogue()
    result = {
        code: ProductFacts(
            p.line.value, frozenset(b.value for b in p.brands), p.shown,
            frozenset(s.value for s in p.segments),
        )
        for code, p in cat.products.items()
    }  # fmt: skip
    unknown = (set(PRIVATE_MIX) | set(PROFESSIONAL_MIX) | set(PREMIUMS)) - set(result)
    parts = {main for main, _ in LIFE.values()} | {c for _, o in LIFE.values() for c, _ in o}
    unknown |= parts - set(cat.components)
    for product, packs in PACKAGES.items():
        allowed = {i for group in cat.guarantee_sets[product] for i in group.items}
        unknown |= {g for items, _ in packs for g in items} - allowed
    if unknown:
        raise ValueError(f"not in the catalogue: {', '.join(sorted(unknown))}")
    return result


@cache
def product_pools() -> dict[str, list[str]]:
    """Weighted pools of product codes per segment."""
    return {
        segment: expand(list(mix), list(mix.values()), 2048)
        for segment, mix in (("private", PRIVATE_MIX), ("professional", PROFESSIONAL_MIX))
    }


@cache
def package_pools() -> dict[str, list[str]]:
    """JSON lists of covered guarantees per non-vehicle product, in catalogue order."""
    cat = default_catalogue()
    pools = {}
    for product, packs in PACKAGES.items():
        order = [i for group in cat.guarantee_sets[product] for i in group.items]
        items = [json.dumps(sorted(g, key=order.index)) for g, _ in packs]
        pools[product] = expand(items, [w for _, w in packs], 256)
    return pools
