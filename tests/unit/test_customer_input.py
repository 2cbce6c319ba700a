"""The checks of `POST /sim/api/customers` (portal.sim.customer_input): every person
and contract field refused in plain words naming the field, never Python's own text."""

from __future__ import annotations

from datetime import date

import pytest

from portal.sim.customer_input import clean_customer
from portal.sim.input_checks import Refused

TODAY = date(2026, 3, 2)
VALID_NN = "85073003328"  # born 1985-07-30, a man


def refusal(body: dict) -> Refused:
    with pytest.raises(Refused) as caught:
        clean_customer(body, TODAY)
    return caught.value


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"national_number": "85073003329"}, "national_number"),  # wrong check digits
        ({"national_number": "８５０７３００３３２８"}, "national_number"),  # full-width digits
        ({"national_number": "9" * 10_000}, "national_number"),
        ({"national_number": "'; DROP TABLE person; --"}, "national_number"),
        ({"national_number": 85073003328}, "national_number"),
        ({"first_name": "x" * 10_000}, "first_name"),
        ({"last_name": "Ma\x00rtens"}, "last_name"),
        ({"first_name": "   "}, "first_name"),
        ({"birth_date": "2030-01-01"}, "birth_date"),
        ({"birth_date": "1899-12-31"}, "birth_date"),
        ({"birth_date": "yesterday"}, "birth_date"),
        ({"birth_date": "2001-02-30"}, "birth_date"),
        ({"sex": "X"}, "sex"),
        ({"language": "de"}, "language"),
        ({"segment": "vip"}, "segment"),
        ({"brand": "axa"}, "brand"),
        ({"postcode": "99999"}, "postcode"),
        ({"postcode": "0000"}, "postcode"),
        ({"street": "R" * 121}, "street"),
        ({"house_number": "1" * 13}, "house_number"),
        ({"city": "B" * 81}, "city"),
        ({"email": "' OR '1'='1' --@example.be"}, "email"),
        ({"email": "no-at-sign"}, "email"),
        ({"mobile": "0212345678"}, "mobile"),
        ({"company_number": "0123456789"}, "company_number"),
        ({"duplicate": "yes"}, "duplicate"),
        ({"both_brands": 1}, "both_brands"),
        ({"seed": -1}, "seed"),
        ({"seed": True}, "seed"),
        ({"planet": "Mars"}, "planet"),
        ({"contracts": "car"}, "contracts"),
        ({"contracts": [{}] * 51}, "contracts"),
        ({"contracts": ["car"]}, "contracts[0]"),
        ({"contracts": [{"product": "zeppelin"}]}, "contracts[0].product"),
        ({"contracts": [{"holder_id": 1}]}, "contracts[0].holder_id"),
        ({"contracts": [{"number": "12 34"}]}, "contracts[0].number"),
        ({"contracts": [{"status": "lost"}]}, "contracts[0].status"),
        ({"contracts": [{"start_date": "2030-01-01"}]}, "contracts[0].start_date"),
        (
            {"contracts": [{"start_date": "2020-01-01", "end_date": "2019-01-01"}]},
            "contracts[0].end_date",
        ),
        ({"contracts": [{"annual_premium_cents": "two"}]}, "contracts[0].annual_premium_cents"),
        ({"contracts": [{"annual_premium_cents": 10**12}]}, "contracts[0].annual_premium_cents"),
        ({"contracts": [{"savings_cents": 1.5}]}, "contracts[0].savings_cents"),
        ({"contracts": [{"covered": "theft"}]}, "contracts[0].covered"),
        ({"contracts": [{"vehicle_kind": "zeppelin"}]}, "contracts[0].vehicle_kind"),
        ({"contracts": [{"product": "fire", "vehicle_kind": "car"}]}, "contracts[0].vehicle_kind"),
        ({"contracts": [{"vehicle_plate": "1-ABC-1234"}]}, "contracts[0].vehicle_plate"),
        ({"contracts": [{"vehicle_vin": "short"}]}, "contracts[0].vehicle_vin"),
        ({"contracts": [{"vehicle_year": 3000}]}, "contracts[0].vehicle_year"),
        ({"contracts": [{"main_driver": "x" * 121}]}, "contracts[0].main_driver"),
        ({"contracts": [{"risk_note": "a\u200bb"}]}, "contracts[0].risk_note"),
        ({"contracts": [{"life_documents": [1800]}]}, "contracts[0].life_documents[0]"),
        (
            {"contracts": [{"components": [{"savings_cents": 1}]}]},
            "contracts[0].components[0].kind",
        ),
        (
            {"contracts": [{"beneficiaries": [{"event": "birth", "name": "A"}]}]},
            "contracts[0].beneficiaries[0].event",
        ),
        (
            {
                "contracts": [
                    {"beneficiaries": [{"event": "death", "name": "A", "share_percent": 101}]}
                ]
            },
            "contracts[0].beneficiaries[0].share_percent",
        ),
    ],
)
def test_each_bad_field_is_refused_by_name_in_plain_words(body, field):
    refused = refusal(body)
    assert refused.field == field, str(refused)
    assert str(refused).startswith(f"{field}: ")
    for python_text in ("could not convert", "isoformat", "invalid literal", "Traceback", "'"):
        assert python_text not in refused.message


def test_a_national_number_must_agree_with_the_birth_date_and_sex_it_encodes():
    assert refusal({"national_number": VALID_NN, "birth_date": "1985-07-31"}).field == (
        "national_number"
    )
    assert refusal({"national_number": VALID_NN, "sex": "F"}).field == "national_number"
    _seed, values = clean_customer({"national_number": "85.07.30-033.28"}, TODAY)
    assert values["national_number"] == VALID_NN
    assert values["birth_date"] == date(1985, 7, 30) and values["sex"] == "M"


def test_a_valid_body_comes_back_clean():
    seed, values = clean_customer(
        {
            "seed": 3,
            "first_name": "  Zoë ",
            "mobile": "0470 12 34 56",
            "email": None,
            "postcode": "1000",
            "contracts": [{"product": "car", "brand": "pv", "start_date": "2020-05-01"}],
        },
        TODAY,
    )
    assert seed == 3 and values["first_name"] == "Zoë" and values["mobile"] == "+32470123456"
    assert values["email"] is None and values["postcode"] == "1000"
    assert values["contracts"] == [{"product": "car", "brand": "pv",
                                    "start_date": date(2020, 5, 1)}]  # fmt: skip


def test_a_product_must_be_sold_by_the_contract_brand():
    from seed.products import facts

    product, known = next((p, f) for p, f in facts().items() if len(f.brands) == 1)
    other = "vivium" if "pv" in known.brands else "pv"
    assert refusal({"contracts": [{"product": product, "brand": other}]}).field == (
        "contracts[0].product"
    )


@pytest.mark.parametrize(
    ("today", "born", "adult"),
    [
        (date(2026, 12, 31), date(2008, 12, 31), True),  # 18 today
        (date(2026, 12, 31), date(2008, 12, 30), True),
        (date(2026, 12, 30), date(2008, 12, 31), False),  # 18 tomorrow
        (date(2028, 2, 29), date(2010, 2, 28), True),  # no 29 February in 2010
        (date(2028, 2, 29), date(2010, 3, 1), False),
    ],
)
def test_an_adult_is_accepted_from_the_very_day_of_the_18th_birthday(today, born, adult):
    body = {"birth_date": born.isoformat()}
    if adult:
        assert clean_customer(body, today)[1]["birth_date"] == born
    else:
        with pytest.raises(Refused):
            clean_customer(body, today)
