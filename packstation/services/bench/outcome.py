"""What the bench shows after every command: frozen outcomes and order snapshots, in codes, never words.

The worker thread hands these to the screen; nothing in them can change afterwards, so the
banner and the picking list drawn from one outcome always show the same moment.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

from packstation.domain.errors import DomainError
from packstation.domain.verification import PackLine, PackState, Params, frozen_params


class Tone(StrEnum):
    """How the verdict looks and sounds: good (green), bad (red), info (neutral)."""

    GOOD = "good"
    BAD = "bad"
    INFO = "info"


class OutcomeKind(StrEnum):
    """What happened. The product verdicts share their values with ``VerdictKind``."""

    ACCEPTED = "accepted"
    WRONG_ITEM = "wrong_item"
    OVER_SCAN = "over_scan"
    UNKNOWN_BARCODE = "unknown_barcode"
    EXPIRED = "expired"
    DUPLICATE_SERIAL = "duplicate_serial"
    ALREADY_COUNTED = "already_counted"
    TRACKING_MISSING = "tracking_missing"
    INVALID_SCAN = "invalid_scan"
    LOGISTIC_UNIT = "logistic_unit"  # an SSCC: recognised, counts nothing
    NO_ORDER = "no_order"
    LOGIN = "login"
    LOGOUT = "logout"
    PIN_REQUIRED = "pin_required"  # a supervisor's badge: the PIN dialog opens
    SUPERVISOR_IN = "supervisor_in"  # badge and PIN accepted: a supervisor stands at the bench
    SUPERVISOR_ACTION = "supervisor_action"  # released, approved, cancelled, expedited, reopened, overridden
    ORDER_OPENED = "order_opened"
    RELEASED = "released"
    HELD = "held"
    REMOVED = "removed"
    BOX_CHOSEN = "box_chosen"
    PARCEL_CLOSED = "parcel_closed"
    WEIGHT_MISMATCH = "weight_mismatch"  # the parcel weighs more or less than its units and box should
    REMOVED_MORE = "removed_more"  # a wrong unit confirmed out, and others are still in the box
    UNDONE = "undone"
    HOLD_ASKED = "hold_asked"
    SHIPPED = "shipped"
    ORDER_CANCELLED = "order_cancelled"
    ORDER_CHANGED = "order_changed"
    RECONNECTED = "reconnected"
    INFO = "info"
    REFUSED = "refused"
    DB_UNAVAILABLE = "db_unavailable"
    DEVICE_LOST = "device_lost"  # a scanner or scale disconnected or cannot be opened
    DEVICE_BACK = "device_back"
    ERROR = "error"


_GOOD = {OutcomeKind.ACCEPTED, OutcomeKind.REMOVED, OutcomeKind.SHIPPED, OutcomeKind.PARCEL_CLOSED}
_BAD = {
    OutcomeKind.WRONG_ITEM,
    OutcomeKind.OVER_SCAN,
    OutcomeKind.UNKNOWN_BARCODE,
    OutcomeKind.EXPIRED,
    OutcomeKind.DUPLICATE_SERIAL,
    OutcomeKind.ALREADY_COUNTED,
    OutcomeKind.TRACKING_MISSING,
    OutcomeKind.WEIGHT_MISMATCH,
    OutcomeKind.INVALID_SCAN,
    OutcomeKind.NO_ORDER,
    OutcomeKind.ORDER_CANCELLED,
    OutcomeKind.ORDER_CHANGED,
    OutcomeKind.REFUSED,
    OutcomeKind.DB_UNAVAILABLE,
    OutcomeKind.DEVICE_LOST,
    OutcomeKind.ERROR,
}


def tone_of(kind: OutcomeKind) -> Tone:
    """The one table from what happened to how it looks."""
    return Tone.GOOD if kind in _GOOD else Tone.BAD if kind in _BAD else Tone.INFO


@dataclass(frozen=True)
class ScanLine:
    """One line of the recent-scans list."""

    at: str  # ISO 8601 UTC
    raw: str
    verdict: str
    message_code: str
    lot: str = ""
    serial: str = ""
    name: str = ""  # the product's name, when the barcode is a product's
    quantity: int = 0  # units counted (6 for a six-pack)


@dataclass(frozen=True)
class OpenMismatch:
    """A unit that must come out of the box: what was wrong with it and what it is."""

    kind: str  # a mismatch verdict: wrong_item, over_scan, unknown_barcode, ...
    code: str  # the barcode as scanned
    sku: str = ""
    name: str = ""  # the product's name; empty for an unknown barcode


@dataclass(frozen=True)
class OrderSnapshot:
    """The open order at one moment: never a live object, safe to draw from any thread."""

    order_id: int
    number: str
    status: str
    customer_name: str
    city: str
    carrier: str
    service: str
    payment: str
    cod_amount: str | None
    currency: str
    notes: str
    state: PackState
    recent: tuple[ScanLine, ...] = ()
    changes: tuple[str, ...] = ()
    parcel: int = 1  # the parcel being packed
    box: str = ""  # its carton ("" until one is chosen)
    mismatches: tuple[OpenMismatch, ...] = ()  # oldest first: the order CMD-REMOVED clears them in
    images: tuple[tuple[str, str], ...] = ()  # (sku, image path as stored) for the lines that have one

    @property
    def lines(self) -> tuple[PackLine, ...]:
        return self.state.lines

    def image_of(self, sku: str) -> str:
        """The stored image path of ``sku`` ("" if none)."""
        return next((path for key, path in self.images if key == sku), "")


@dataclass(frozen=True)
class Outcome:
    """The answer to one command.

    ``kind`` is what happened, ``tone`` how it looks, ``code`` + ``params`` what it says
    (words are chosen by the GUI). ``order`` is the open order after the command and
    ``packer`` who is logged in (both filled by the bench). ``stored`` is True only when
    the event behind it is durably committed. ``supervisor`` names a supervisor at the bench.
    """

    kind: OutcomeKind
    code: str
    params: Params = field(default_factory=frozen_params)
    raw: str = ""
    stored: bool = True
    order: OrderSnapshot | None = None
    packer: str | None = None
    supervisor: str | None = None  # a supervisor who gave badge and PIN at this bench

    @property
    def tone(self) -> Tone:
        return tone_of(self.kind)


def outcome(
    kind: OutcomeKind, code: str, params: Params | None = None, *, raw: str = "", stored: bool = True
) -> Outcome:
    """An outcome with read-only parameters (the bench adds the order snapshot and packer)."""
    return Outcome(kind, code, frozen_params(params), raw=raw, stored=stored)


def refusal(error: DomainError, raw: str = "") -> Outcome:
    """The outcome of an expected refusal: nothing was stored."""
    kind = OutcomeKind.DB_UNAVAILABLE if error.code.startswith("storage.") else OutcomeKind.REFUSED
    return outcome(kind, error.code, _params(error), raw=raw, stored=False)


def _params(error: DomainError) -> Params:
    return frozen_params({k: v if isinstance(v, (str, int)) or v is None else str(v) for k, v in error.params.items()})
