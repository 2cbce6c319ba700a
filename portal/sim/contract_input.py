"""The contract fields `POST /sim/api/customers` accepts (one object of `contracts`):
every contract column but the ids and the line (it follows from the product), plus the
life composition (CT-3), beneficiaries and life documents' years (DC-1). Pure."""

from __future__ import annotations

from datetime import date
from typing import Any

from models import ContractStatus, VehicleKind
from models.brands import brand_values
from portal.sim.input_checks import (
    Checker,
    Refused,
    boolean,
    choice,
    clean_fields,
    integer,
    iso_date,
    items,
    record,
    text,
)
from seed.products import facts

FIRST_DAY, LAST_DAY = date(1900, 1, 1), date(2099, 12, 31)
MOST_CENTS = 2**31 - 1  # the columns are 32-bit integers
VEHICLE_PRODUCTS = {"car": {"car", "motorhome"}, "car_legacy": {"car", "motorhome"},
                    "motorbike": {"motorbike", "moped", "tricycle", "quad"}}  # fmt: skip
NULLABLE = frozenset({"renewal_date", "end_date", "savings_cents", "vehicle_kind",
                      "vehicle_make", "vehicle_model", "vehicle_plate", "vehicle_vin",
                      "vehicle_year", "vehicle_power_kw", "vehicle_mass_kg", "main_driver",
                      "risk_address", "risk_note"})  # fmt: skip

COMPONENT = record(
    {
        "kind": text(40, r"[a-z_]+", "must be a code in small letters and _"),
        "savings_cents": integer(0, MOST_CENTS),
        "insured_cents": integer(0, MOST_CENTS),
    },
    required=("kind",),
)
BENEFICIARY = record(
    {
        "event": choice({"life", "death"}),
        "name": text(160),
        "share_percent": integer(1, 100),
    },
    required=("event", "name"),
)


def contract(today: date) -> Checker:
    """The checker of one contract object, dates up to `today`."""
    checkers = {
        "number": text(16, r"[0-9A-Z]+", "must be digits and capital letters only"),
        "brand": choice(set(brand_values())),
        "product": choice(set(facts())),
        "status": choice({s.value for s in ContractStatus}),
        "start_date": iso_date(FIRST_DAY, today),
        "renewal_date": iso_date(FIRST_DAY, LAST_DAY),
        "end_date": iso_date(FIRST_DAY, LAST_DAY),
        "annual_premium_cents": integer(1, MOST_CENTS),
        "covered": items(text(40, r"[a-z0-9_]+", "must be a guarantee code"), 50),
        "savings_cents": integer(0, MOST_CENTS),
        "vehicle_kind": choice({k.value for k in VehicleKind}),
        "vehicle_make": text(40),
        "vehicle_model": text(60),
        "vehicle_plate": text(8, r"[0-9A-Z-]+", "must be capital letters, digits and -"),
        "vehicle_vin": text(17, r"[0-9A-HJ-NPR-Z]{17}", "must be 17 characters (no I, O, Q)"),
        "vehicle_year": integer(1900, today.year + 1),
        "vehicle_power_kw": integer(1, 2000),
        "vehicle_mass_kg": integer(1, 100_000),
        "main_driver": text(120),
        "risk_address": text(200),
        "risk_note": text(200),
        "components": items(COMPONENT, 20),
        "beneficiaries": items(BENEFICIARY, 20),
        "life_documents": items(integer(1900, today.year), 130),
        "s2_pack": boolean,  # S2-1: the VIVIUM S² Pack on a Vivium car contract
    }

    def check(value: Any) -> dict:
        if not isinstance(value, dict):
            raise Refused("must be an object")
        spec = clean_fields(value, checkers, NULLABLE)
        _consistent(spec)
        return spec

    return check


def _consistent(spec: dict) -> None:
    """Dates in order, a vehicle only on a vehicle contract."""
    start = spec.get("start_date")
    for name in ("renewal_date", "end_date"):
        if start and spec.get(name) and spec[name] < start:
            raise Refused("must not be before start_date", name)
    kind, product = spec.get("vehicle_kind"), spec.get("product")
    if kind and product and kind not in VEHICLE_PRODUCTS.get(product, ()):
        raise Refused(f"a {product} contract insures no {kind}", "vehicle_kind")
    if spec.get("s2_pack") and product != "car":
        raise Refused("the S² Pack is an option of car contracts", "s2_pack")
