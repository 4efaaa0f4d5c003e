"""Parcels of an order: which one is being packed, in which box, weighing and closing it.

The parcel being packed is the one after the last closed parcel; the scans record which parcel
each unit went into, and the box chosen for it (``parcel.box_chosen`` events), so a bench that
restarts finds the same parcel and box. Closing a parcel weighs it when the station has a
scale: expected = the units' weights + the box's tare, within the configured tolerance, or the
verdict is ``weight_mismatch`` and the parcel stays open until it is weighed again (or a
supervisor accepts the weight: :func:`override_weight`, the hook for the supervisors' issue).
"""

from __future__ import annotations

import logging
from collections import Counter
from dataclasses import dataclass, field
from decimal import Decimal

from packstation.config import Config
from packstation.domain.benches import BenchIdentity
from packstation.domain.clock import utcnow
from packstation.domain.errors import DomainError
from packstation.domain.journal import ParcelRecord, ScanRecord
from packstation.domain.orders import Order
from packstation.domain.parcels import MAX_PARCELS, expected_weight
from packstation.domain.weights import WeightCheck, check_weight, grams
from packstation.services.claims import held
from packstation.services.ports import Scale, UnitOfWork, UowFactory

log = logging.getLogger(__name__)
BOX_CHOSEN = "parcel.box_chosen"
WEIGHT_MISMATCH = "weight_mismatch"


@dataclass(frozen=True)
class ParcelState:
    """The parcel being packed: its index, box and units (SKU -> count), and the parcels closed before it."""

    index: int
    box: str = ""
    units: dict[str, int] = field(default_factory=dict)
    closed: tuple[ParcelRecord, ...] = ()

    @property
    def unit_count(self) -> int:
        return sum(self.units.values())


def parcel_state(uow: UnitOfWork, order: Order) -> ParcelState:
    """The order's open parcel, read from its closed parcels and its scans (a scan without parcel is parcel 1)."""
    closed = uow.journal.parcels(order.order_id)
    index = len(closed) + 1
    skus = {line.line_id: line.sku for line in order.lines}
    units: Counter[str] = Counter()
    box = ""
    for scan in reversed(uow.journal.scans(order.order_id, include_voided=False)):  # oldest first
        if (scan.parcel or 1) != index:
            continue
        if scan.verdict == "accepted" and scan.line_id in skus:
            units[skus[scan.line_id]] += scan.quantity
        elif scan.message_code == BOX_CHOSEN:
            box = scan.code
    return ParcelState(index, box, dict(units), closed)


@dataclass(frozen=True)
class Weighing:
    """A parcel about to be closed: what it should weigh and what the scale said (None: no scale)."""

    expected_kg: Decimal | None
    measured_kg: Decimal | None
    check: WeightCheck | None  # None when there is nothing to compare

    @property
    def ok(self) -> bool:
        return self.check is None or self.check.ok

    @property
    def weight_kg(self) -> Decimal | None:
        """The parcel's weight for its label: measured, else expected."""
        kg = self.measured_kg if self.measured_kg is not None else self.expected_kg
        return None if kg is None else grams(kg)


def expected_kg(uow: UnitOfWork, state: ParcelState) -> Decimal | None:
    """What the open parcel should weigh: its units and its box's tare (None if a product's weight is unknown)."""
    carton = uow.cartons.by_name(state.box) if state.box else None
    tare = carton.tare_kg if carton else Decimal(0)
    return expected_weight(state.units.items(), uow.products.weights(set(state.units)), tare)


def weigh(scale: Scale | None, config: Config, expected: Decimal | None) -> Weighing:
    """Weigh the parcel on the station's scale (raises ``DeviceUnavailable`` when no stable weight comes)."""
    if scale is None:
        return Weighing(expected, None, None)
    measured = scale.stable_weight()
    settings = config.scale
    if expected is None or settings is None:
        log.warning("parcel weighed without an expected weight measured=%s", measured)
        return Weighing(expected, measured, None)
    check = check_weight(measured, expected, settings.tolerance_kg, settings.tolerance_percent)
    return Weighing(expected, measured, check)


def close_parcel(uow: UnitOfWork, order: Order, state: ParcelState, weighing: Weighing) -> ParcelRecord:
    """Store the open parcel as closed (caller commits)."""
    if state.index > MAX_PARCELS:
        raise DomainError(f"order {order.number} has {MAX_PARCELS} parcels already", code="parcel.too_many",
                          number=order.number, limit=MAX_PARCELS)  # fmt: skip
    expected = None if weighing.expected_kg is None else grams(weighing.expected_kg)
    parcel = ParcelRecord(order.order_id, state.index, "", weighing.weight_kg, (), utcnow(), state.box, expected)
    uow.journal.add_parcel(parcel)
    log.info(
        "parcel closed order=%s parcel=%s box=%s units=%s weight=%s expected=%s",
        order.number, state.index, state.box, state.unit_count, weighing.weight_kg, expected,
    )  # fmt: skip
    return parcel


def override_weight(
    uow_factory: UowFactory, order_id: int, bench: BenchIdentity, supervisor: str, reason: str
) -> ParcelRecord:
    """A supervisor accepts the weight the scale gave for the open parcel despite a ``weight_mismatch``.

    The parcel is closed with the last measured weight of its latest ``weight_mismatch``, and the
    override is recorded as a scan event by ``supervisor`` with ``reason``. (The supervisors' issue
    adds the command and the check of the supervisor's role; this is the storage half.)
    """
    with uow_factory() as uow:
        order = held(uow, order_id, bench)
        state = parcel_state(uow, order)
        mismatch = _last_mismatch(uow, order, state.index)
        if mismatch is None or mismatch.weight_kg is None:
            raise DomainError(f"parcel {state.index} has no weight to accept", code="parcel.no_weight_mismatch",
                              number=order.number, parcel=state.index)  # fmt: skip
        weighing = Weighing(expected_kg(uow, state), mismatch.weight_kg, None)
        parcel = close_parcel(uow, order, state, weighing)
        uow.journal.add_scan(
            ScanRecord(
                at=utcnow(),
                order_id=order.order_id,
                line_id=None,
                raw="OVERRIDE-WEIGHT",
                code=reason[:300],
                verdict="weight_override",
                message_code="parcel.weight_overridden",
                quantity=0,
                station=bench.station,
                packer=supervisor,
                parcel=state.index,
                weight_kg=mismatch.weight_kg,
            )  # fmt: skip
        )
        uow.commit()
    log.warning("weight override order=%s parcel=%s by=%s reason=%r", order.number, state.index, supervisor, reason)
    return parcel


def _last_mismatch(uow: UnitOfWork, order: Order, index: int) -> ScanRecord | None:
    for scan in uow.journal.scans(order.order_id, include_voided=False):  # newest first
        if (scan.parcel or 1) == index and scan.verdict == WEIGHT_MISMATCH:
            return scan
    return None
