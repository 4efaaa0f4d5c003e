"""Keeping the bench in step with the database: heartbeat, reload after an outage, a lost order."""

from __future__ import annotations

import logging
from dataclasses import replace

from packstation.domain.clock import utcnow
from packstation.domain.status import Status
from packstation.services.bench.commands import Acknowledge, Heartbeat, Refresh
from packstation.services.bench.outcome import Outcome, OutcomeKind, outcome
from packstation.services.bench.session import BenchContext
from packstation.services.bench.snapshots import order_snapshot
from packstation.services.claims import end_session

log = logging.getLogger(__name__)


def handle_heartbeat(ctx: BenchContext, _command: Heartbeat) -> Outcome | None:
    """Say this bench is alive and keep the claim of the order on its screen (only that one).

    Reports a shop cancellation or change of the open order, and a station name taken over
    by another machine while this bench was silent.
    """
    now = utcnow()
    snapshot = ctx.session.snapshot
    with ctx.uow() as uow:
        named = uow.benches.beat(ctx.bench, now)
        held = snapshot is not None and uow.orders.heartbeat(snapshot.order_id, ctx.bench, now)
        uow.commit()
        if snapshot is None:
            return None if named or not ctx.session.registered else _name_lost(ctx)
        if not held:
            return lost_order(ctx)
        order = uow.orders.get(snapshot.order_id)
        changes = tuple(c.summary for c in uow.journal.order_changes(order.order_id, only_unacknowledged=True))
    if changes == snapshot.changes:
        return None
    ctx.session.snapshot = replace(snapshot, changes=changes)
    log.warning("order changed by the shop order=%s changes=%r", snapshot.number, changes)
    return outcome(OutcomeKind.ORDER_CHANGED, "order.changed_by_shop", {"changes": "; ".join(changes)})


def _name_lost(ctx: BenchContext) -> Outcome:
    log.error("station name taken by another bench while this one was silent station=%s", ctx.station)
    return outcome(OutcomeKind.REFUSED, "bench.name_lost", {"station": ctx.station}, stored=False)


def handle_acknowledge(ctx: BenchContext, _command: Acknowledge) -> Outcome:
    """The packer saw the shop's change (or cancellation): it stops being announced (it stays in the history)."""
    cancelled = ctx.session.cancelled
    ctx.session.cancelled = None
    if cancelled is not None and ctx.session.order_id is None:
        log.info("shop cancellation acknowledged order=%s by=%s", cancelled, ctx.who)
        return outcome(OutcomeKind.INFO, "order.cancellation_seen", {"number": cancelled}, stored=False)
    with ctx.uow() as uow:
        order = ctx.held_order(uow)
        seen = uow.journal.acknowledge_changes(order.order_id)
        uow.commit()
    if ctx.session.snapshot is not None:
        ctx.session.snapshot = replace(ctx.session.snapshot, changes=())
    log.info("shop changes acknowledged order=%s count=%s by=%s", order.number, seen, ctx.who)
    return outcome(OutcomeKind.INFO, "order.changes_seen", {"number": order.number, "count": seen})


def handle_refresh(ctx: BenchContext, _command: Refresh) -> Outcome:
    """Reload the open order from the database (after it came back), so the screen shows what is stored."""
    if ctx.session.order_id is not None:
        with ctx.uow() as uow:
            ctx.session.snapshot = order_snapshot(uow, uow.orders.get(ctx.session.order_id))
    return outcome(OutcomeKind.RECONNECTED, "storage.back")


def lost_order(ctx: BenchContext) -> Outcome:
    """The open order was cancelled by the shop or taken over while this station held it."""
    order_id = ctx.session.order_id
    ctx.session.closed()
    if order_id is None:
        return outcome(OutcomeKind.REFUSED, "command.no_order", {"name": ""}, stored=False)
    with ctx.uow() as uow:
        order = uow.orders.get(order_id)
        if order.status is Status.CANCELLED:
            end_session(uow, order_id, "cancelled")
            uow.orders.release_claim(order_id, ctx.bench)
            uow.commit()
            log.warning("order cancelled by the shop while packing order=%s station=%s", order.number, ctx.station)
            ctx.session.cancelled = order.number  # announced until the packer scans CMD-OK
            return outcome(OutcomeKind.ORDER_CANCELLED, "order.cancelled_by_shop", {"number": order.number})
    log.warning("claim lost order=%s status=%s holder=%s", order.number, order.status, order.claim_station)
    params = {"number": order.number, "status": str(order.status)}
    return outcome(OutcomeKind.REFUSED, "order.lost_claim", params, stored=False)
