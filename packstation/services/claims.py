"""Opening, releasing and keeping orders: the claim a station holds on the order it packs."""

from __future__ import annotations

import logging
from datetime import timedelta

from packstation.domain.benches import BenchIdentity
from packstation.domain.clock import utcnow
from packstation.domain.errors import ClaimLost, DomainError, NotFound, OrderClaimed
from packstation.domain.orders import Order
from packstation.domain.status import OPENABLE, Actor, Status
from packstation.services.ports import UnitOfWork
from packstation.services.status_ops import change_status

log = logging.getLogger(__name__)


def claim_order(uow: UnitOfWork, number: str, bench: BenchIdentity, who: str, ttl_seconds: int) -> Order:
    """Claim order ``number`` for ``bench`` inside ``uow`` (caller commits); return the order.

    Raises ``NotFound``, ``OrderClaimed`` (naming the holder) or a ``DomainError``
    when the order is in a status no bench may open.
    """
    now = utcnow()
    order = uow.orders.by_number(number)
    if order is None:
        raise NotFound(f"no order {number}", code="order.not_found", number=number)
    if order.status not in OPENABLE:
        raise DomainError(
            f"order {number} is {order.status} and cannot be packed",
            code="order.not_openable",
            number=number,
            status=str(order.status),
        )
    if not uow.orders.claim(order.order_id, bench, who, now, now - timedelta(seconds=ttl_seconds)):
        holder = uow.orders.get(order.order_id)
        log.info("claim refused order=%s station=%s holder=%s", number, bench.station, holder.claim_station)
        raise OrderClaimed(
            f"order {number} is open at station {holder.claim_station}",
            number=number,
            station=holder.claim_station or "?",
            packer=holder.claim_packer or "",
        )
    return start_packing(uow, order.order_id, bench, who)


def start_packing(uow: UnitOfWork, order_id: int, bench: BenchIdentity, who: str) -> Order:
    """After ``bench`` claimed the order: ``new -> packing`` if needed, and a pack session of this bench.

    A session of another bench still open means that bench went silent past the claim's
    lifetime: it is ended as ``expired``, its scans stay.
    """
    now = utcnow()
    order = uow.orders.get(order_id)
    if order.status is Status.NEW:
        order = change_status(
            uow, order, Status.PACKING, actor=Actor.PACKER, who=who, station=bench.station, bench_id=bench.bench_id
        )
    current = uow.journal.open_session(order.order_id)
    if current is not None and (current.bench_id, current.station) != (bench.bench_id, bench.station):
        log.warning("claim taken over order=%s from=%s to=%s", order.number, current.station, bench.station)
        uow.journal.end_session(current.session_id, now, "expired")
        current = None
    if current is None:
        uow.journal.start_session(order.order_id, bench, who, now)
    log.info("claim taken order=%s station=%s bench=%s packer=%s", order.number, bench.station, bench.bench_id, who)
    return order


def has_activity(uow: UnitOfWork, order: Order) -> bool:
    """True once anything was counted or refused for the order since it was last released."""
    if any(line.scanned for line in order.lines):
        return True
    return any(not m.voided for m in uow.journal.mismatches(order.order_id))


def release_order(
    uow: UnitOfWork, order: Order, bench: BenchIdentity, who: str, actor: Actor = Actor.PACKER, note: str = ""
) -> Order:
    """``packing -> new``: void (never delete) the order's scans and give up the claim."""
    uow.journal.void_order_activity(order.order_id)
    order = change_status(
        uow, order, Status.NEW, actor=actor, who=who, station=bench.station, note=note, bench_id=bench.bench_id
    )
    end_session(uow, order.order_id, "released")
    uow.orders.release_claim(order.order_id, bench)
    log.info("claim released order=%s station=%s", order.number, bench.station)
    return order


def end_session(uow: UnitOfWork, order_id: int, outcome: str) -> None:
    """End the order's open pack session (if any) with ``outcome`` (shipped, released, held…)."""
    session = uow.journal.open_session(order_id)
    if session is not None:
        uow.journal.end_session(session.session_id, utcnow(), outcome)


def held(uow: UnitOfWork, order_id: int, bench: BenchIdentity) -> Order:
    """The order, row-locked, if ``bench`` still holds it in ``packing``; else ``ClaimLost``."""
    order = uow.orders.get(order_id, lock=True)
    if not order.held_by(bench):
        raise ClaimLost(
            f"order {order.number} is {order.status}, no longer held by {bench.station}", number=order.number
        )
    return order
