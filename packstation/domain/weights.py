"""Weights: scale units to kilograms, and whether a parcel weighs what its contents should.

Scales answer in g, kg, lb or oz; everything is kept in kg as ``Decimal`` (exact: 1 lb is
0.45359237 kg by definition, 1 oz is 1/16 lb). A parcel passes when the measured weight is
within ``max(tolerance_kg, expected * tolerance_percent / 100)`` of the expected weight: the
absolute tolerance covers light parcels (a scale's resolution, a label, some tape), the
relative one heavy parcels (packing material grows with the box).
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

KG_PER_UNIT = {
    "kg": Decimal(1),
    "g": Decimal("0.001"),
    "lb": Decimal("0.45359237"),
    "oz": Decimal("0.45359237") / 16,
}
GRAM = Decimal("0.001")


def to_kg(value: Decimal, unit: str) -> Decimal:
    """``value`` in ``unit`` (g, kg, lb, oz; any case, "lbs" too) as kilograms; ValueError for other units."""
    key = unit.strip().lower()
    factor = KG_PER_UNIT.get("lb" if key == "lbs" else key)
    if factor is None:
        raise ValueError(f"unknown weight unit {unit!r}")
    return value * factor


def grams(kg: Decimal) -> Decimal:
    """A weight rounded to the gram, as stored and printed."""
    return kg.quantize(GRAM)


@dataclass(frozen=True)
class WeightCheck:
    """The outcome of weighing a parcel against what it should weigh."""

    measured_kg: Decimal
    expected_kg: Decimal
    allowed_kg: Decimal  # the tolerance that applied

    @property
    def difference_kg(self) -> Decimal:
        return self.measured_kg - self.expected_kg

    @property
    def ok(self) -> bool:
        return abs(self.difference_kg) <= self.allowed_kg


def check_weight(
    measured: Decimal, expected: Decimal, tolerance_kg: Decimal, tolerance_percent: Decimal
) -> WeightCheck:
    """Compare a measured parcel weight with the expected one (both kg)."""
    allowed = max(tolerance_kg, abs(expected) * tolerance_percent / 100)
    return WeightCheck(grams(measured), grams(expected), grams(allowed))
