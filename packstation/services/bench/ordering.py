"""Which order is open: open by number, next from the queue, release, resume after a restart."""

from __future__ import annotations

import logging
from datetime import timedelta

from packstation.domain.clock import utcnow
from packstation.domain.verification import Param
from packstation.services.bench.commands import NextOrder, OpenOrder, Release, Resume
from packstation.services.bench.outcome import OrderSnapshot, Outcome, OutcomeKind, Tone, outcome
from packstation.services.bench.session import BenchContext
from packstation.services.bench.snapshots import order_snapshot
from packstation.services.claims import claim_order, has_activity, release_order, start_packing

log = logging.getLogger(__name__)


def open_order(ctx: BenchContext, number: str) -> OrderSnapshot:
    """Claim and open order ``number``; raises a ``DomainError`` with the reason when refused.

    The claim and the snapshot are read in one transaction: either the bench has the order
    on screen and holds it, or neither.
    """
    with ctx.uow() as uow:
        order = claim_order(uow, number, ctx.bench, ctx.who, ctx.config.claim_ttl_seconds)
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
            if old.held_by(ctx.bench):
                release_order(uow, old, ctx.bench, ctx.who, note=f"swapped for {number}")
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
        release_order(uow, order, ctx.bench, ctx.who)
        uow.commit()
    ctx.session.closed()
    return outcome(OutcomeKind.RELEASED, "order.released", {"number": order.number})


def handle_next(ctx: BenchContext, _command: NextOrder) -> Outcome:
    """Take the head of the whole queue (after releasing an untouched open order).

    One atomic statement claims it; reading it and opening its session happen in the same
    transaction, so the bench either shows the order and holds it, or neither. The order just
    released is skipped: NEXT means "another one". "The queue is empty" is said only when no
    order waits (or every waiting one is being taken by another bench at this instant).
    """
    skip = None
    if ctx.session.order_id is not None:
        skip = ctx.session.order_id
        released = handle_release(ctx, Release())
        if released.tone is Tone.BAD:
            return released
    now = utcnow()
    stale_before = now - timedelta(seconds=ctx.config.claim_ttl_seconds)
    with ctx.uow() as uow:
        order_id = uow.orders.take_next(ctx.bench, ctx.who, now, stale_before, skip)
        if order_id is None and skip is not None:  # the one just given back is the only one left
            order_id = uow.orders.take_next(ctx.bench, ctx.who, now, stale_before)
        if order_id is None:
            return outcome(OutcomeKind.INFO, "queue.empty")
        order = start_packing(uow, order_id, ctx.bench, ctx.who)
        snapshot = order_snapshot(uow, order)
        uow.commit()
    ctx.session.opened(snapshot)
    state = snapshot.state
    if state.units_scanned or state.open_mismatches:
        params: dict[str, Param] = {
            "number": order.number,
            "scanned": state.units_scanned,
            "required": state.units_required,
        }
        return outcome(OutcomeKind.ORDER_OPENED, "order.resumed", params)
    return outcome(OutcomeKind.ORDER_OPENED, "order.opened", {"number": order.number})


def handle_resume(ctx: BenchContext, _command: Resume) -> Outcome | None:
    """At start-up, reopen the order this bench was packing (with every acknowledged scan).

    Only one order is on a bench's screen; any other claim this bench still holds (left by a
    failure) is let go, so that order waits at the head of the queue instead of being stuck.
    """
    with ctx.uow() as uow:
        mine = uow.orders.claimed_by(ctx.bench)
        for extra in mine[1:]:
            log.warning("stray claim let go order=%s bench=%s", extra.number, ctx.bench.bench_id)
            uow.orders.release_claim(extra.order_id, ctx.bench)
        uow.commit()
    if not mine:
        return None
    snapshot = open_order(ctx, mine[0].number)
    log.info("resumed order=%s station=%s", snapshot.number, ctx.station)
    state = snapshot.state
    params: dict[str, Param] = {
        "number": snapshot.number,
        "scanned": state.units_scanned,
        "required": state.units_required,
    }
    return outcome(OutcomeKind.ORDER_OPENED, "order.resumed", params)
