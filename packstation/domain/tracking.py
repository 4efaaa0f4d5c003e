"""Product tracking: lots, expiry dates and serials of the units a packer scans.

A product is tracked by ``none``, ``lot`` or ``serial``. A lot-tracked unit must be scanned
with its lot (AI 10), a serial-tracked one with its serial (AI 21), one unit per scan. Any
unit whose expiry date (AI 17) has passed, or is closer than the station's margin, is refused;
a serial is packed once only, in any order (the database enforces it too).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum


class Tracking(StrEnum):
    NONE = "none"
    LOT = "lot"
    SERIAL = "serial"


TRACKING_MODES = tuple(mode.value for mode in Tracking)


@dataclass(frozen=True)
class UnitFacts:
    """What one scan says about the unit(s) beyond the product: from a GS1 element string.

    ``serial_packed_in`` is the number of the order in which this GTIN + serial is already
    packed (looked up by the caller), or ``None``.
    """

    gtin: str | None = None
    lot: str | None = None
    expiry: date | None = None
    serial: str | None = None
    count: int = 1  # units of the matched barcode one scan counts: (30) / (37), else 1
    serial_packed_in: str | None = None


@dataclass(frozen=True)
class TrackingRules:
    """The station's rules: the day it is, and how many days of shelf life a unit must still have."""

    today: date
    expiry_margin_days: int = 0


@dataclass(frozen=True)
class TrackingProblem:
    """Why a unit of the right product is refused: a verdict kind, its message code and parameters."""

    kind: str  # a VerdictKind value
    code: str
    params: dict[str, str | int | None]


def check_unit(
    tracking: str, unit: UnitFacts, rules: TrackingRules | None, order_number: str
) -> TrackingProblem | None:
    """The reason a unit of the ordered product may not go into the box, or ``None``.

    Checked in this order: expiry (a unit that must come out), then the tracking the product
    needs (nothing is counted, nothing comes out: scan the unit's own code), then the serial
    (packed before elsewhere: it comes out; already counted here: scanned twice).
    """
    if unit.expiry is not None and rules is not None:
        days_left = (unit.expiry - rules.today).days
        if days_left < rules.expiry_margin_days:
            params: dict[str, str | int | None] = {
                "expiry": unit.expiry.isoformat(),
                "days_left": days_left,
                "margin_days": rules.expiry_margin_days,
                "lot": unit.lot,
            }
            return TrackingProblem("expired", "scan.expired", params)
    if tracking == Tracking.LOT and not unit.lot:
        return TrackingProblem("tracking_missing", "scan.lot_missing", {})
    if tracking == Tracking.SERIAL and not unit.serial:
        return TrackingProblem("tracking_missing", "scan.serial_missing", {})
    if tracking == Tracking.SERIAL and unit.count != 1:
        return TrackingProblem("tracking_missing", "scan.serial_per_unit", {"count": unit.count})
    if unit.serial and unit.serial_packed_in is not None:
        params = {"serial": unit.serial, "gtin": unit.gtin, "order": unit.serial_packed_in}
        if unit.serial_packed_in == order_number:
            return TrackingProblem("already_counted", "scan.already_counted", params)
        return TrackingProblem("duplicate_serial", "scan.duplicate_serial", params)
    return None
