"""Boxes and parcels at the bench: CMD-BOX-<name>, CMD-NEXT-PARCEL, and the last parcel at FINISH."""

from __future__ import annotations

import logging
from dataclasses import replace
from datetime import datetime

from packstation.domain.clock import iso
from packstation.domain.verification import Param
from packstation.services import parcels
from packstation.services.bench.commands import ChooseBox, NextParcel
from packstation.services.bench.outcome import Outcome, OutcomeKind, ScanLine, outcome
from packstation.services.bench.scanning import scan_record
from packstation.services.bench.session import BenchContext
from packstation.services.bench.snapshots import RECENT_SCANS, finishable_state

log = logging.getLogger(__name__)


def handle_choose_box(ctx: BenchContext, command: ChooseBox) -> Outcome:
    """The open parcel goes into this carton; its tare counts in the parcel's expected weight."""
    if ctx.session.order_id is None:
        return outcome(OutcomeKind.REFUSED, "command.no_order", {"name": f"BOX-{command.name}"}, stored=False)
    with ctx.uow() as uow:
        order = ctx.held_order(uow)
        carton = uow.cartons.by_name(command.name)
        if carton is None:
            names = ", ".join(c.name for c in uow.cartons.all()) or "none"
            params: dict[str, Param] = {"box": command.name, "boxes": names}
            return outcome(OutcomeKind.REFUSED, "parcel.unknown_box", params, stored=False)
        state = parcels.parcel_state(uow, order)
        event = scan_record(ctx, carton.command, carton.name, "command", parcels.BOX_CHOSEN)
        uow.journal.add_scan(event)
        uow.commit()
    _remember(ctx, event.at, carton.command, "command", parcels.BOX_CHOSEN, box=carton.name)
    log.info("box chosen order=%s parcel=%s box=%s", order.number, state.index, carton.name)
    chosen: dict[str, Param] = {
        "box": carton.name,
        "size": carton.size,
        "tare": str(carton.tare_kg),
        "parcel": state.index,
    }
    return outcome(OutcomeKind.BOX_CHOSEN, "parcel.box_chosen", chosen)


def handle_next_parcel(ctx: BenchContext, _command: NextParcel) -> Outcome:
    """Close the open parcel (weighed on the scale, if there is one) and start the next."""
    if ctx.session.order_id is None:
        return outcome(OutcomeKind.REFUSED, "command.no_order", {"name": "NEXT-PARCEL"}, stored=False)
    with ctx.uow() as uow:
        state = parcels.parcel_state(uow, ctx.held_order(uow))
    if not state.units:
        return outcome(OutcomeKind.REFUSED, "parcel.empty", {"parcel": state.index}, stored=False)
    result = _weigh_and_close(ctx, "CMD-NEXT-PARCEL")
    snapshot = ctx.session.snapshot
    if result.kind is OutcomeKind.PARCEL_CLOSED and snapshot is not None:
        ctx.session.snapshot = replace(snapshot, parcel=state.index + 1, box="")
    return result


def close_for_finish(ctx: BenchContext) -> Outcome | None:
    """Before FINISH: close the last parcel (weighed). None when done; else the outcome that stops finishing.

    The order must be complete first: a parcel is never closed for an order that cannot ship.
    """
    assert ctx.session.order_id is not None
    with ctx.uow() as uow:
        order = ctx.held_order(uow)
        finishable_state(uow, order)
        open_parcel = parcels.parcel_state(uow, order)
    if open_parcel.closed and not open_parcel.units:
        return None  # closed already (a FINISH whose printing failed is tried again)
    result = _weigh_and_close(ctx, "CMD-FINISH")
    return None if result.kind is OutcomeKind.PARCEL_CLOSED else result


def _weigh_and_close(ctx: BenchContext, raw: str) -> Outcome:
    """Weigh the open parcel outside any transaction (a scale takes seconds), then store the result."""
    with ctx.uow() as uow:
        state = parcels.parcel_state(uow, ctx.held_order(uow))
        expected = parcels.expected_kg(uow, state)
    weighing = parcels.weigh(ctx.scale, ctx.config, expected)
    with ctx.uow() as uow:
        order = ctx.held_order(uow)
        params = _weighing_params(state, weighing)
        if not weighing.ok:
            event = scan_record(ctx, raw, "", parcels.WEIGHT_MISMATCH, "parcel.weight_mismatch",
                                weight_kg=weighing.measured_kg)  # fmt: skip
            uow.journal.add_scan(event)
            uow.commit()
            _remember(ctx, event.at, raw, parcels.WEIGHT_MISMATCH, "parcel.weight_mismatch")
            log.warning("weight mismatch order=%s %s", order.number, params)
            return outcome(OutcomeKind.WEIGHT_MISMATCH, "parcel.weight_mismatch", params)
        parcel = parcels.close_parcel(uow, order, state, weighing)
        # Recorded like every command scan (verdict "command"), with the parcel's weight.
        event = scan_record(ctx, raw, state.box, "command", "parcel.closed", weight_kg=parcel.weight_kg)
        uow.journal.add_scan(event)
        uow.commit()
    _remember(ctx, event.at, raw, "command", "parcel.closed")
    return outcome(OutcomeKind.PARCEL_CLOSED, "parcel.closed", params)


def _weighing_params(state: parcels.ParcelState, weighing: parcels.Weighing) -> dict[str, Param]:
    def kg(value: object) -> str | None:
        return None if value is None else str(value)

    check = weighing.check
    return {
        "parcel": state.index,
        "box": state.box,
        "units": state.unit_count,
        "weight": kg(weighing.weight_kg),
        "expected": kg(check.expected_kg if check else weighing.expected_kg),
        "difference": kg(check.difference_kg if check else None),
        "allowed": kg(check.allowed_kg if check else None),
    }


def _remember(ctx: BenchContext, at: datetime, raw: str, verdict: str, message: str, box: str | None = None) -> None:
    """Show the event in the open order's recent scans (and its box) without reading the order again."""
    snapshot = ctx.session.snapshot
    if snapshot is None:
        return
    recent = (ScanLine(iso(at) or "", raw, verdict, message), *snapshot.recent)[:RECENT_SCANS]
    ctx.session.snapshot = replace(snapshot, recent=recent, box=snapshot.box if box is None else box)
