"""Which order is open: open by number, next from the queue, release, resume after a restart."""

from __future__ import annotations

import logging

from packstation.domain.errors import DomainError, StorageUnavailable
from packstation.domain.status import Status
from packstation.domain.verification import Param
from packstation.services.bench.commands import NextOrder, OpenOrder, Release, Resume
from packstation.services.bench.outcome import OrderSnapshot, Outcome, OutcomeKind, Tone, outcome
from packstation.services.bench.session import BenchContext
from packstation.services.bench.snapshots import order_snapshot
from packstation.services.claims import claim_order, has_activity, release_order

log = logging.getLogger(__name__)
QUEUE_CANDIDATES = 5  # oldest new orders tried by NEXT, each refused one by a race is skipped


def open_order(ctx: BenchContext, number: str) -> OrderSnapshot:
    """Claim and open order ``number``; raises a ``DomainError`` with the reason when refused.

    The claim and the snapshot are read in one transaction: either the bench has the order
    on screen and holds it, or neither.
    """
    with ctx.uow() as uow:
        order = claim_order(uow, number, ctx.station, ctx.who, ctx.config.claim_ttl_seconds)
        snapshot = order_snapshot(uow, order)
        uow.commit()
    ctx.session.opened(snapshot)
    return snapshot


def handle_open(ctx: BenchContext, command: OpenOrder) -> Outcome:
    """An order barcode: open it, swapping out an untouched open order."""
    number = command.number
    previous = ctx.session.order_id
    if previous is not None:
        with ctx.uow() as uow:
            current = ctx.held_order(uow)
            if current.number == number:
                return outcome(OutcomeKind.INFO, "order.already_open", {"number": number}, stored=False)
            if has_activity(uow, current):
                params = {"number": current.number, "requested": number}
                return outcome(OutcomeKind.REFUSED, "order.finish_or_hold_first", params, stored=False)
    # Claim the new order first: if another station holds it, the current one stays open here.
    open_order(ctx, number)
    if previous is not None:
        with ctx.uow() as uow:
            old = uow.orders.get(previous, lock=True)
            if old.held_by(ctx.station):
                release_order(uow, old, ctx.station, ctx.who, note=f"swapped for {number}")
                uow.commit()
    return outcome(OutcomeKind.ORDER_OPENED, "order.opened", {"number": number})


def handle_release(ctx: BenchContext, _command: Release) -> Outcome:
    """Give the open order back to the queue (``packing -> new``) if nothing was scanned yet."""
    if ctx.session.order_id is None:
        return outcome(OutcomeKind.REFUSED, "command.no_order", {"name": "RELEASE"}, stored=False)
    with ctx.uow() as uow:
        order = ctx.held_order(uow)
        if has_activity(uow, order):
            return outcome(OutcomeKind.REFUSED, "order.finish_or_hold_first", {"number": order.number}, stored=False)
        release_order(uow, order, ctx.station, ctx.who)
        uow.commit()
    ctx.session.closed()
    return outcome(OutcomeKind.RELEASED, "order.released", {"number": order.number})


def handle_next(ctx: BenchContext, _command: NextOrder) -> Outcome:
    """Take the oldest free order from the queue (after releasing an untouched open one).

    The order just released is skipped: NEXT means "another one", not the same again.
    """
    skip = ""
    if ctx.session.order_id is not None:
        released = handle_release(ctx, Release())
        if released.tone is Tone.BAD:
            return released
        skip = str(released.params["number"])
    with ctx.uow() as uow:
        rows = uow.orders.queue((Status.NEW,), limit=QUEUE_CANDIDATES + 1)
    candidates = [row.number for row in rows if row.number != skip][:QUEUE_CANDIDATES]
    for number in candidates:
        try:
            open_order(ctx, number)
        except StorageUnavailable:
            raise
        except DomainError as error:
            log.info("next order skipped order=%s reason=%s", number, error.code)
            continue  # another station took it a moment ago
        return outcome(OutcomeKind.ORDER_OPENED, "order.opened", {"number": number})
    return outcome(OutcomeKind.INFO, "queue.empty")


def handle_resume(ctx: BenchContext, _command: Resume) -> Outcome | None:
    """At start-up, reopen the order this station was packing (with every acknowledged scan)."""
    with ctx.uow() as uow:
        packing = [o.number for o in uow.orders.claimed_by(ctx.station) if o.status is Status.PACKING]
    if not packing:
        return None
    snapshot = open_order(ctx, packing[-1])
    log.info("resumed order=%s station=%s", snapshot.number, ctx.station)
    state = snapshot.state
    params: dict[str, Param] = {
        "number": snapshot.number,
        "scanned": state.units_scanned,
        "required": state.units_required,
    }
    return outcome(OutcomeKind.ORDER_OPENED, "order.resumed", params)
