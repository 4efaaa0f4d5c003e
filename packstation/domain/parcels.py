"""Cartons and parcels: the boxes a bench packs into, and what a parcel should weigh.

A station keeps a catalogue of cartons (name, inner size, tare weight, and optionally a barcode
printed on the carton stock). ``CMD-BOX-<name>`` (or that barcode) picks the box for the parcel
being packed; ``CMD-NEXT-PARCEL`` closes it and opens the next. Each parcel gets its own label,
"x of n", with its own tracking number (``barcodes.parcel_tracking_number``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from decimal import Decimal

BOX_COMMAND = "BOX-"  # CMD-BOX-<name>
MAX_PARCELS = 10  # the SSCC's extension digit tells an order's parcels apart
CARTON_NAME = re.compile(r"[A-Z0-9][A-Z0-9_.-]{0,23}")


@dataclass(frozen=True)
class Carton:
    name: str  # upper case: it is scanned as CMD-BOX-<name>
    length_mm: int
    width_mm: int
    height_mm: int
    tare_kg: Decimal
    barcode: str = ""  # a barcode printed on the carton itself, if any

    @property
    def command(self) -> str:
        return f"CMD-{BOX_COMMAND}{self.name}"

    @property
    def size(self) -> str:
        return f"{self.length_mm}×{self.width_mm}×{self.height_mm} mm"


def carton_name_problem(name: str) -> str | None:
    """Why ``name`` cannot name a carton (it must fit a ``CMD-BOX-<name>`` barcode), or None."""
    if not CARTON_NAME.fullmatch(name):
        return f"carton name {name!r} must be 1 to 24 of A-Z, 0-9, '-', '_', '.', starting with a letter or digit"
    return None


def expected_weight(units: Iterable[tuple[str, int]], weights: Mapping[str, Decimal], tare: Decimal) -> Decimal | None:
    """What a parcel of ``units`` (SKU, count) in a box of ``tare`` kg weighs; None if a product's weight is unknown."""
    total = tare
    for sku, count in units:
        weight = weights.get(sku)
        if weight is None:
            return None
        total += weight * count
    return total
