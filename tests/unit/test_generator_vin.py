"""The generator's VIN check digit (computed from tables of the serial's digits) follows
ISO 3779 for serials at every digit boundary, every plant letter and model year."""

from __future__ import annotations

from seed.vehicles import LETTERS, models_by_kind, vin
from tests.unit.test_generator import VIN, _vin_check_ok

SERIALS = (0, 1, 9, 10, 99, 100, 999, 1000, 1001, 9999, 10000, 99999, 100000, 123456, 999999)


class Draws:
    """A random source returning the given draws in turn."""

    def __init__(self, values: list[float]) -> None:
        self.values = iter(values)

    def random(self) -> float:
        return next(self.values)


def test_the_vin_check_digit_follows_iso_3779_for_every_serial_plant_and_year():
    models = {m.prefix: m for pool in models_by_kind().values() for m in pool}
    checked = set()
    for model in models.values():
        for i in range(len(LETTERS)):
            for serial in SERIALS:
                year = 1980 + (i * 7 + serial) % 50
                made = vin(model, year, Draws([(i + 0.5) / 23, (serial + 0.5) / 1e6]))
                assert made[10] == LETTERS[i] and int(made[11:]) == serial, made
                assert VIN.match(made) and _vin_check_ok(made), made
                checked.add(made[8])
    assert "X" in checked and len(checked) == 11
