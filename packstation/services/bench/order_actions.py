"""What a packer does to the open order: confirm a wrong unit removed, hold it, finish it."""

from __future__ import annotations

import logging
from dataclasses import replace

from packstation.domain.clock import iso, utcnow
from packstation.domain.verification import Param
from packstation.services import finishing
from packstation.services.bench import boxes
from packstation.services.bench.commands import ConfirmRemoved, Finish, Hold, NextOrder
from packstation.services.bench.outcome import Outcome, OutcomeKind, ScanLine, outcome
from packstation.services.bench.scanning import scan_record
from packstation.services.bench.session import BenchContext
from packstation.services.bench.snapshots import RECENT_SCANS, pack_state

log = logging.getLogger(__name__)


def handle_removed(ctx: BenchContext, _command: ConfirmRemoved) -> Outcome:
    """The packer took the oldest wrong unit out: record it on that mismatch."""
    raw = "CMD-REMOVED"
    with ctx.uow() as uow:
        order = ctx.held_order(uow)
        pending = uow.journal.open_mismatches(order.order_id)
        if not pending:
            return outcome(OutcomeKind.INFO, "mismatch.none_open")
        mismatch = pending[0]
        now = utcnow()
        uow.journal.resolve_mismatch(mismatch.mismatch_id, now, ctx.who, "removed")
        uow.journal.add_scan(scan_record(ctx, raw, raw, "command", "mismatch.removed"))
        state = pack_state(uow, order)
        uow.commit()
    snapshot = ctx.session.snapshot
    if snapshot is not None:
        recent = (ScanLine(iso(now) or "", raw, "command", "mismatch.removed"), *snapshot.recent)
        ctx.session.snapshot = replace(snapshot, state=state, recent=recent[:RECENT_SCANS])
    log.info("removed order=%s kind=%s code=%r by=%s", order.number, mismatch.kind, mismatch.code, ctx.who)
    params: dict[str, Param] = {"kind": mismatch.kind, "code": mismatch.code, "remaining": state.open_mismatches}
    return outcome(OutcomeKind.REMOVED, "mismatch.removed", params)


def handle_hold(ctx: BenchContext, command: Hold) -> Outcome:
    """``packing -> on_hold`` with a reason for the supervisor; the bench moves on."""
    with ctx.uow() as uow:
        order = finishing.hold(uow, ctx.held_order(uow), ctx.station, ctx.who, command.reason)
        uow.commit()
    ctx.session.closed()
    return outcome(OutcomeKind.HELD, "order.held", {"number": order.number, "reason": command.reason})


def handle_finish(ctx: BenchContext, _command: Finish) -> Outcome:
    """Print the label and slip, ship the order, and open the next one once the printer has them."""
    order_id = ctx.session.order_id
    if order_id is None:
        return outcome(OutcomeKind.REFUSED, "command.no_order", {"name": "FINISH"}, stored=False)
    if ctx.documents is None or ctx.printer is None:
        return outcome(OutcomeKind.REFUSED, "printer.not_configured", stored=False)
    refused = boxes.close_for_finish(ctx)  # the last parcel, weighed: a weight mismatch stops here
    if refused is not None:
        return refused
    shipped = finishing.finish_order(ctx.uow, order_id, ctx.config, ctx.who, ctx.documents, ctx.printer)
    ctx.session.closed()
    params: dict[str, str | int | None] = {**shipped, "next": None}
    if ctx.config.auto_next:
        # Only now, with the label out: a late label can never land on the next order's box.
        # Shipped is shipped even if no next order opens (queue empty, database away).
        following = ctx.dispatch(NextOrder())
        opened = following is not None and ctx.session.order_id is not None
        params["next"] = following.params.get("number") if opened and following else None
    return outcome(OutcomeKind.SHIPPED, "order.shipped", params)
