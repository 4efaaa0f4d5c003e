"""The one place where an order changes status: checked against the table, always audited."""

from __future__ import annotations

import logging
from dataclasses import replace

from packstation.domain.clock import utcnow
from packstation.domain.journal import StatusChange
from packstation.domain.orders import Order
from packstation.domain.status import Actor, Status, check_transition
from packstation.services.ports import UnitOfWork

log = logging.getLogger(__name__)


def change_status(
    uow: UnitOfWork,
    order: Order,
    target: Status,
    *,
    actor: Actor,
    who: str,
    station: str,
    note: str = "",
    bench_id: str = "",
) -> Order:
    """Move ``order`` to ``target`` or raise ``IllegalTransition``; record who, where and why.

    Returns the order as it now stands (the caller commits).
    """
    check_transition(order.status, target, actor)
    now = utcnow()
    uow.journal.add_status_change(
        StatusChange(
            order_id=order.order_id,
            from_status=str(order.status),
            to_status=str(target),
            at=now,
            actor=str(actor),
            who=who,
            station=station,
            note=note,
            bench_id=bench_id,
        )
    )
    uow.orders.set_status(order.order_id, target, now)
    log.info(
        "status order=%s from=%s to=%s actor=%s who=%s station=%s note=%r",
        order.number, order.status, target, actor, who, station, note,
    )  # fmt: skip
    return replace(order, status=target)
