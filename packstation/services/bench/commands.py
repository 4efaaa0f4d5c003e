"""Every bench action as a small frozen command; each has exactly one handler (``registry``).

Adding an action: a dataclass here, a handler function, one entry in ``registry.HANDLERS``
(and in ``SCANNED`` if a ``CMD-<NAME>`` barcode triggers it), and a test.
"""

from __future__ import annotations

from dataclasses import dataclass


class Command:
    """Base of every bench command (frozen dataclasses below)."""


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
class Resume(Command):
    """At start-up: reopen the order this bench was packing when it stopped."""


@dataclass(frozen=True)
class Refresh(Command):
    """Re-read the open order (after the database came back)."""


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
}
