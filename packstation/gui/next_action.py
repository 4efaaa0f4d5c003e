"""The one line that always says what to do now, from what the last outcome and its snapshot show.

Pure: a message key of ``messages.TEXTS`` and its parameters, from plain values, so every
state has its sentence and a test can walk them all. What happened last decides first (a
label to stick, a reason to choose, a notice to acknowledge); then the open order: a wrong
unit to take out, the line to scan next, or the order to finish.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from packstation.domain.verification import PackLine
from packstation.services.bench.outcome import OrderSnapshot, Outcome, OutcomeKind

Params = Mapping[str, object]
# After these outcomes the packer has a box to close first, whatever opened since (printing
# outcomes of their own slot in here with a row).
LABEL_OUTCOMES = frozenset({"order.shipped"})


@dataclass(frozen=True)
class ScreenState:
    """What the screen knows besides the snapshot."""

    db_ok: bool = True
    choosing_hold_reason: bool = False
    cancelled: str | None = None  # an order the shop cancelled, until CMD-OK
    finishing: bool = False  # the order finishes by itself in a moment (finish_on_last_unit)


def next_line(view: OrderSnapshot) -> PackLine | None:
    """The line to scan next: the first one still missing units, in the order's own order."""
    return next((line for line in view.lines if not line.complete), None)


def next_action(last: Outcome | None, view: OrderSnapshot | None, screen: ScreenState) -> tuple[str, Params]:
    """(message key, parameters) of what the packer should do now."""
    if not screen.db_ok:
        return "next.db_down", {}
    if screen.cancelled is not None:
        return "next.acknowledge_cancel", {"number": screen.cancelled}
    if view is not None and view.changes:
        return "next.acknowledge", {}
    if screen.choosing_hold_reason and view is not None:
        return "next.hold_reason", {"number": view.number}
    if last is not None and last.code in LABEL_OUTCOMES:
        shipped = last.params.get("number")
        if view is not None and view.number != shipped and view.state.units_scanned == 0 and not view.mismatches:
            return "next.stick_label_then", {"number": shipped, "next": view.number}
        if view is None:
            return "next.stick_label", {"number": shipped}
    if view is None:
        return "next.open", {}
    return _in_order(view, screen.finishing)


def finishing_after(outcome: Outcome, finishing: bool) -> bool:
    """Whether the order is finishing by itself after ``outcome`` (a badge switch leaves it so)."""
    if outcome.kind in (OutcomeKind.LOGIN, OutcomeKind.LOGOUT):
        return finishing
    return outcome.kind in (OutcomeKind.ACCEPTED, OutcomeKind.REMOVED) and bool(outcome.params.get("finish_in_ms"))


def _in_order(view: OrderSnapshot, finishing: bool) -> tuple[str, Params]:
    if view.mismatches:
        first = view.mismatches[0]
        return "next.take_out", {"name": first.name or first.code, "kind": first.kind, "code": first.code}
    line = next_line(view)
    if line is None:
        units = view.state.units_required
        return ("next.finishing" if finishing else "next.finish"), {"units": units}
    params = {"name": line.name, "bin": line.bin_location, "remaining": line.remaining, "sku": line.sku}
    return ("next.scan" if line.bin_location else "next.scan_nobin"), params
