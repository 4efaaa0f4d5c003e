"""Scale units to kilograms, exactly, and the parcel weight check's absolute and relative tolerance."""

from __future__ import annotations

from decimal import Decimal

import pytest

from packstation.domain.weights import check_weight, grams, to_kg


@pytest.mark.parametrize(
    ("value", "unit", "kg"),
    [("1500", "g", "1.5"), ("1.5", "KG", "1.5"), ("1", "lb", "0.45359237"), ("2", "lbs", "0.90718474"),
     ("16", "oz", "0.45359237"), ("1", "oz", "0.028349523125")],
)  # fmt: skip
def test_units_become_kg_exactly(value: str, unit: str, kg: str) -> None:
    assert to_kg(Decimal(value), unit) == Decimal(kg)


def test_an_unknown_unit_is_refused() -> None:
    with pytest.raises(ValueError, match="stone"):
        to_kg(Decimal(1), "stone")


def test_absolute_tolerance_for_light_and_relative_for_heavy_parcels() -> None:
    light = check_weight(Decimal("0.540"), Decimal("0.500"), Decimal("0.050"), Decimal("5"))
    assert light.ok and light.allowed_kg == Decimal("0.050") and light.difference_kg == Decimal("0.040")
    assert not check_weight(Decimal("0.560"), Decimal("0.500"), Decimal("0.050"), Decimal("5")).ok
    heavy = check_weight(Decimal("20.900"), Decimal("20.000"), Decimal("0.050"), Decimal("5"))
    assert heavy.ok and heavy.allowed_kg == Decimal("1.000")
    short = check_weight(Decimal("18.9"), Decimal("20"), Decimal("0.050"), Decimal("5"))
    assert not short.ok and short.difference_kg == Decimal("-1.100")
    assert grams(Decimal("0.45359237")) == Decimal("0.454")
