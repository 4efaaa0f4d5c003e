"""The verification engine: one verdict for each product scan of the open order.

Everything here is immutable: :func:`apply` returns a new :class:`PackState`, so a
snapshot handed to the screen can never change under it.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from enum import StrEnum
from types import MappingProxyType

from packstation.domain.tracking import Tracking, TrackingRules, UnitFacts, check_unit

Param = str | int | None
Params = Mapping[str, Param]


def frozen_params(values: Mapping[str, Param] | None = None) -> Params:
    """A read-only copy of message parameters (safe to hand to another thread)."""
    return MappingProxyType(dict(values or {}))


class VerdictKind(StrEnum):
    ACCEPTED = "accepted"
    WRONG_ITEM = "wrong_item"
    OVER_SCAN = "over_scan"
    UNKNOWN_BARCODE = "unknown_barcode"
    EXPIRED = "expired"  # past its expiry date, or within the station's margin
    DUPLICATE_SERIAL = "duplicate_serial"  # this GTIN + serial is already packed in another order
    ALREADY_COUNTED = "already_counted"  # this unit's serial is already counted on this order
    TRACKING_MISSING = "tracking_missing"  # a lot- or serial-tracked product scanned without its lot/serial


# A mismatch is a unit that must come out of the box. A unit scanned twice (``already_counted``) or
# without its lot/serial (``tracking_missing``) is refused but stays: nothing was counted for it.
MISMATCH_KINDS = frozenset(
    {
        VerdictKind.WRONG_ITEM,
        VerdictKind.OVER_SCAN,
        VerdictKind.UNKNOWN_BARCODE,
        VerdictKind.EXPIRED,
        VerdictKind.DUPLICATE_SERIAL,
    }
)


@dataclass(frozen=True, slots=True)
class PackLine:
    """One order line as the bench sees it."""

    line_id: int
    sku: str
    name: str
    required: int
    scanned: int = 0
    bin_location: str = ""

    @property
    def remaining(self) -> int:
        return max(self.required - self.scanned, 0)

    @property
    def complete(self) -> bool:
        return self.scanned >= self.required


@dataclass(frozen=True, slots=True)
class PackState:
    """The open order: its lines and how many mismatches still wait for removal."""

    order_number: str
    lines: tuple[PackLine, ...]
    open_mismatches: int = 0

    def line_for(self, sku: str) -> PackLine | None:
        """The first line of ``sku`` that still needs units, else the first line of it."""
        matches = [line for line in self.lines if line.sku == sku]
        for line in matches:
            if not line.complete:
                return line
        return matches[0] if matches else None

    @property
    def complete(self) -> bool:
        return all(line.complete for line in self.lines)

    @property
    def finishable(self) -> bool:
        return self.complete and self.open_mismatches == 0

    @property
    def units_required(self) -> int:
        return sum(line.required for line in self.lines)

    @property
    def units_scanned(self) -> int:
        return sum(min(line.scanned, line.required) for line in self.lines)


@dataclass(frozen=True, slots=True)
class ProductMatch:
    """What a barcode identifies: a product and how many units one scan of it is."""

    sku: str
    name: str
    quantity: int = 1
    tracking: str = Tracking.NONE


@dataclass(frozen=True, slots=True)
class Verdict:
    """The engine's answer. ``code`` and ``params`` are turned into words by the UI."""

    kind: VerdictKind
    code: str
    params: Params = field(default_factory=frozen_params)
    line_id: int | None = None
    quantity: int = 0

    @property
    def is_mismatch(self) -> bool:
        return self.kind in MISMATCH_KINDS


def verify(
    state: PackState,
    code: str,
    match: ProductMatch | None,
    unit: UnitFacts | None = None,
    rules: TrackingRules | None = None,
) -> Verdict:
    """Judge one product scan against the open order (pure: the caller applies the result).

    ``unit`` carries what a GS1 scan says (lot, expiry, serial, count); ``rules`` the station's
    expiry margin and today's date. Wrong and unknown products are judged first, then the
    unit's own facts (:func:`~packstation.domain.tracking.check_unit`), then the count.
    """
    if match is None:
        return Verdict(VerdictKind.UNKNOWN_BARCODE, "scan.unknown_barcode", frozen_params({"barcode": code}))
    line = state.line_for(match.sku)
    if line is None:
        params: dict[str, Param] = {"sku": match.sku, "name": match.name, "barcode": code}
        return Verdict(VerdictKind.WRONG_ITEM, "scan.wrong_item", frozen_params(params))
    unit = unit or UnitFacts()
    quantity = match.quantity * unit.count
    tracked: dict[str, Param] = {
        key: value
        for key, value in (
            ("lot", unit.lot),
            ("serial", unit.serial),
            ("expiry", unit.expiry.isoformat() if unit.expiry else None),
        )
        if value
    }
    problem = check_unit(match.tracking, unit, rules, state.order_number)
    if problem is not None:
        params = {"sku": line.sku, "name": line.name, **tracked, **problem.params}
        return Verdict(VerdictKind(problem.kind), problem.code, frozen_params(params), line_id=line.line_id)
    if quantity > line.remaining:
        params = {
            "sku": line.sku,
            "name": line.name,
            "quantity": quantity,
            "remaining": line.remaining,
            "required": line.required,
        }
        return Verdict(VerdictKind.OVER_SCAN, "scan.over_scan", frozen_params(params), line_id=line.line_id)
    params = {
        "sku": line.sku,
        "name": line.name,
        "scanned": line.scanned + quantity,
        "required": line.required,
        "quantity": quantity,
        **tracked,
    }
    return Verdict(
        VerdictKind.ACCEPTED, "scan.accepted", frozen_params(params), line_id=line.line_id, quantity=quantity
    )


def apply(state: PackState, verdict: Verdict) -> PackState:
    """The state after a stored verdict, exactly as the stored scan event changes it."""
    if verdict.kind is VerdictKind.ACCEPTED:
        lines = tuple(
            replace(line, scanned=line.scanned + verdict.quantity) if line.line_id == verdict.line_id else line
            for line in state.lines
        )
        return replace(state, lines=lines)
    if verdict.is_mismatch:
        return replace(state, open_mismatches=state.open_mismatches + 1)
    return state
