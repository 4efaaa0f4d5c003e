"""Every bench action as a small frozen command; each has exactly one handler (``registry``).

Adding an action: a dataclass here, a handler function, one entry in ``registry.HANDLERS``
(and in ``SCANNED`` if a ``CMD-<NAME>`` barcode triggers it), and a test.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal


class Command:
    """Base of every bench command (frozen dataclasses below)."""


MANUAL_COMMAND = "MANUAL-"  # CMD-MANUAL-<SKU>: a unit confirmed by hand from a sheet of SKU barcodes


@dataclass(frozen=True)
class Scan(Command):
    """Whatever a scanner sent: a product, a command barcode, an order, a badge, or garbage."""

    raw: str


@dataclass(frozen=True)
class OpenOrder(Command):
    """Open an order by its number (a slip scan, a double-click in the queue)."""

    number: str


@dataclass(frozen=True)
class NextOrder(Command):
    """Take the next order from the queue."""


@dataclass(frozen=True)
class Release(Command):
    """Give an untouched open order back to the queue."""


# Why an order goes on hold: the reasons a packer can scan (stored as the status change's note).
HOLD_REASONS = ("missing_unit", "damaged_unit", "wrong_address", "other")


@dataclass(frozen=True)
class Hold(Command):
    """Put the open order on hold for a supervisor, with the reason (empty: ask the packer for one)."""

    reason: str = ""


@dataclass(frozen=True)
class ConfirmRemoved(Command):
    """The packer took the oldest wrong unit out of the box."""


@dataclass(frozen=True)
class Finish(Command):
    """Print the label and slip, ship, and open the next order."""

    by_last_unit: bool = False  # finish_on_last_unit: the order's last unit finished it, nobody scanned FINISH


@dataclass(frozen=True)
class Undo(Command):
    """Keep a finishing order open; otherwise void the open order's last product scan."""


@dataclass(frozen=True)
class AutoFinish(Command):
    """Finish the order whose last unit was scanned ``token``'s moment ago, unless that was undone.

    The bench schedules it (``Bench.due``) and its worker runs it when due: the delay lives
    with the commands, not in a screen timer.
    """

    token: int


@dataclass(frozen=True)
class Login(Command):
    """A packer's badge was scanned."""

    badge: str


@dataclass(frozen=True)
class Logout(Command):
    """Nobody is packing at this bench any more."""


@dataclass(frozen=True)
class Acknowledge(Command):
    """The packer has seen the shop's change to the open order."""


@dataclass(frozen=True)
class Heartbeat(Command):
    """Keep the open order's claim alive; notice a shop change or cancellation."""


@dataclass(frozen=True)
class Register(Command):
    """At start-up: hold this bench's station name (refused while another live machine holds it)."""


@dataclass(frozen=True)
class Shutdown(Command):
    """A clean stop: give the station name back so a replacement machine may start at once."""


@dataclass(frozen=True)
class Resume(Command):
    """At start-up: reopen the order this bench was packing when it stopped."""


@dataclass(frozen=True)
class Refresh(Command):
    """Re-read the open order (after the database came back)."""


@dataclass(frozen=True)
class SetAside(Command):
    """The label printer is down: set the packed box aside (``awaiting_label``) and move on."""


@dataclass(frozen=True)
class ConfirmLabel(Command):
    """The packer's answer to "did the label come out?" after a send that broke off."""

    came_out: bool


@dataclass(frozen=True)
class PrintTick(Command):
    """Send this bench's print jobs whose retry time has come (the worker sends it every second)."""


@dataclass(frozen=True)
class Reprint(Command):
    """Print a document of an order again (audited as a reprint)."""

    number: str
    kind: str = "label"


@dataclass(frozen=True)
class ChooseBox(Command):
    """Pack the open parcel into this carton of the catalogue (``CMD-BOX-<name>`` or the carton's barcode)."""

    name: str


@dataclass(frozen=True)
class NextParcel(Command):
    """Close the open parcel (weighed, when the station has a scale) and start the next one."""


@dataclass(frozen=True)
class DeviceStatus(Command):
    """A scanner or scale connected, came back, went away or cannot be opened (sent by its device thread).

    ``state``: ``connected``, ``reconnected``, ``disconnected`` or ``unavailable``; ``discarded``
    is the unfinished scan dropped when the device went away.
    """

    device: str
    state: str
    port: str = ""
    reason: str = ""
    discarded: str = ""


@dataclass(frozen=True)
class EnterPin(Command):
    """The PIN typed after a supervisor's badge was scanned (never shown in a repr, so never logged)."""

    pin: str = field(repr=False)


@dataclass(frozen=True)
class CancelPin(Command):
    """The PIN was not typed after all: forget the scanned supervisor badge."""


@dataclass(frozen=True)
class EndSupervision(Command):
    """The supervisor is done at this bench; the packer stays logged in."""


@dataclass(frozen=True)
class OverrideMismatch(Command):
    """A supervisor accepts the oldest wrong unit of the open order, which the packer cannot take out."""

    reason: str


@dataclass(frozen=True)
class OverrideWeight(Command):
    """A supervisor accepts the weight the scale gave for the open parcel despite a wrong weight."""

    reason: str


@dataclass(frozen=True)
class ReleaseHeld(Command):
    """A supervisor sends a held order back to the queue, or (``to_packing``) opens it here."""

    number: str
    to_packing: bool = False
    reason: str = ""


@dataclass(frozen=True)
class ApprovePartial(Command):
    """A supervisor lets a held order ship without its missing units (recorded and printed on the slip)."""

    number: str
    reason: str


@dataclass(frozen=True)
class CancelOrder(Command):
    """A supervisor cancels an order: reason (``domain.supervision.CancelReason``), text, costs incurred."""

    number: str
    reason: str
    note: str = ""
    packaging: Decimal = Decimal("0")
    labour: Decimal = Decimal("0")
    postage: Decimal = Decimal("0")


@dataclass(frozen=True)
class Expedite(Command):
    """A supervisor pushes an order to the front of the queue (``on``), or takes that back."""

    number: str
    on: bool = True


@dataclass(frozen=True)
class Reopen(Command):
    """A supervisor reopens an order finished by mistake: its tracking number is voided, it opens here."""

    number: str
    reason: str


@dataclass(frozen=True)
class ManualConfirm(Command):
    """A unit whose barcode will not scan, confirmed by hand (a line picked on screen or ``CMD-MANUAL-<SKU>``)."""

    sku: str


# ``CMD-<NAME>`` barcodes and the command each one runs (hotkeys send the commands directly).
SCANNED: dict[str, Command] = {
    "FINISH": Finish(),
    "REMOVED": ConfirmRemoved(),
    "HOLD": Hold(),
    "HOLD-MISSING": Hold("missing_unit"),
    "HOLD-DAMAGED": Hold("damaged_unit"),
    "HOLD-ADDRESS": Hold("wrong_address"),
    "HOLD-OTHER": Hold("other"),
    "UNDO": Undo(),
    "RELEASE": Release(),
    "NEXT": NextOrder(),
    "LOGOUT": Logout(),
    "OK": Acknowledge(),
    "ASIDE": SetAside(),
    "LABEL-OK": ConfirmLabel(True),
    "LABEL-AGAIN": ConfirmLabel(False),
    "NEXT-PARCEL": NextParcel(),
}
