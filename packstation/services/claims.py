"""Opening, releasing and keeping orders: the claim a station holds on the order it packs."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from packstation.domain.clock import utcnow
from packstation.domain.errors import DomainError, NotFound, OrderClaimed
from packstation.domain.status import OPENABLE, Actor, Status
from packstation.services.status_ops import change_status


def claim_order(uow: Any, number: str, station: str, who: str, ttl_seconds: int) -> Any:
    """Claim order ``number`` for ``station`` inside ``uow`` (caller commits); return the order.

    Raises ``NotFound``, ``OrderClaimed`` (naming the holder) or a ``DomainError``
    when the order is in a status no bench may open.
    """
    now = utcnow()
    order = uow.orders.by_number(number)
    if order is None:
        raise NotFound(f"no order {number}", code="order.not_found", number=number)
    if Status(order.status) not in OPENABLE:
        raise DomainError(
            f"order {number} is {order.status} and cannot be packed",
            code="order.not_openable",
            number=number,
            status=order.status,
        )
    if not uow.orders.claim(order.id, station, who, now, now - timedelta(seconds=ttl_seconds)):
        uow.refresh(order)
        raise OrderClaimed(
            f"order {number} is open at station {order.claim_station}",
            number=number,
            station=order.claim_station or "?",
            packer=order.claim_packer or "",
        )
    uow.refresh(order)
    if order.status == Status.NEW:
        change_status(uow, order, Status.PACKING, actor=Actor.PACKER, who=who, station=station)
    current = uow.journal.open_session(order.id)
    if current is not None and current.station != station:
        # The previous holder went silent past the claim's lifetime.
        current.ended_at, current.outcome = now, "expired"
        current = None
    if current is None:
        uow.journal.add_session(order_id=order.id, station=station, packer=who, started_at=now, outcome="open")
    return order


def has_activity(uow: Any, order: Any) -> bool:
    """True once anything was counted or refused for the order since it was last released."""
    if any(line.scanned for line in order.lines):
        return True
    return any(not m.voided for m in uow.journal.mismatches(order.id))


def release_order(uow: Any, order: Any, station: str, who: str, actor: Actor = Actor.PACKER, note: str = "") -> None:
    """``packing -> new``: void (never delete) the order's scans and give up the claim."""
    uow.journal.void_order_activity(order.id)
    uow.refresh(order)
    change_status(uow, order, Status.NEW, actor=actor, who=who, station=station, note=note)
    end_session(uow, order.id, "released")
    uow.orders.release_claim(order.id, station)


def end_session(uow: Any, order_id: int, outcome: str) -> None:
    session = uow.journal.open_session(order_id)
    if session is not None:
        session.ended_at, session.outcome = utcnow(), outcome
