"""What supervisors decide: cancellations with reason and cost, overrides, and the record each leaves.

Every supervisor action is stored as a :class:`SupervisorAction` (who, when, where, why), and
together with status changes, scans, mismatches and print events it makes an order's audit
trail (:class:`AuditEntry`, in time order).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal
from enum import StrEnum

from packstation.domain.verification import Params, frozen_params


class CancelReason(StrEnum):
    CUSTOMER_REQUEST = "customer_request"
    OUT_OF_STOCK = "out_of_stock"
    ADDRESS_PROBLEM = "address_problem"
    PAYMENT = "payment"
    SHOP_ERROR = "shop_error"
    OTHER = "other"  # needs a text saying what


class Action(StrEnum):
    """The kinds of supervisor action the audit trail shows."""

    RELEASE = "release"  # a held order back to the queue
    RESUME = "resume"  # a held order straight to packing at the supervisor's bench
    APPROVE_PARTIAL = "approve_partial"
    CANCEL = "cancel"
    OVERRIDE_MISMATCH = "override_mismatch"
    OVERRIDE_WEIGHT = "override_weight"
    MANUAL_CONFIRM = "manual_confirm"  # a supervisor's PIN allowed a unit confirmed by hand
    EXPEDITE = "expedite"
    UNEXPEDITE = "unexpedite"
    REOPEN = "reopen"


MAX_NOTE = 500
MAX_COST = Decimal("100000")


@dataclass(frozen=True, slots=True)
class CancelCosts:
    """What a cancelled order had already cost, in the order's currency."""

    packaging: Decimal = Decimal("0")
    labour: Decimal = Decimal("0")
    postage: Decimal = Decimal("0")

    @property
    def total(self) -> Decimal:
        return self.packaging + self.labour + self.postage

    def problem(self) -> str | None:
        """Why these costs cannot be stored (negative, absurd, or more than 2 decimal places), or None."""
        for name in ("packaging", "labour", "postage"):
            value: Decimal = getattr(self, name)
            if not value.is_finite() or value < 0 or value >= MAX_COST:
                return f"{name} must be 0 to {MAX_COST}, got {value}"
            if value != value.quantize(Decimal("0.01")):
                return f"{name} has more than 2 decimal places: {value}"
        return None


@dataclass(frozen=True, slots=True)
class Cancellation:
    """Why and at what cost an order was cancelled, and by whom."""

    order_id: int
    reason: CancelReason
    note: str
    costs: CancelCosts
    currency: str
    at: datetime
    who: str
    station: str


def cancel_problem(reason: str, note: str) -> str | None:
    """Why a cancellation's reason and note are not acceptable, or None."""
    try:
        chosen = CancelReason(reason)
    except ValueError:
        return f"reason must be one of {', '.join(CancelReason)}, got {reason!r}"
    if chosen is CancelReason.OTHER and not note.strip():
        return "reason other needs a text saying what"
    if len(note) > MAX_NOTE:
        return f"the note is too long: {len(note)} characters, at most {MAX_NOTE}"
    return None


@dataclass(frozen=True, slots=True)
class SupervisorAction:
    """One recorded decision of a supervisor: who, when, at which station, about what, why."""

    action: Action
    at: datetime
    who: str
    station: str
    order_id: int | None = None
    reason: str = ""
    detail: str = ""  # what changed, for people (e.g. the tracking number voided)
    action_id: int = 0


@dataclass(frozen=True, slots=True)
class AuditEntry:
    """One line of an order's audit trail. ``code`` and ``params`` are worded by the GUI."""

    at: datetime
    kind: str  # status | scan | mismatch | print | supervisor
    code: str
    who: str
    station: str
    params: Params = field(default_factory=frozen_params)


@dataclass(frozen=True, slots=True)
class HeldOrder:
    """An order on hold as the supervisor panel lists it: why, by whom, since when."""

    number: str
    customer: str
    city: str
    units: int
    scanned: int
    reason: str
    held_by: str
    station: str
    held_at: datetime | None
    expedited: bool = False
