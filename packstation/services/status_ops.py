"""The one place where an order changes status: checked against the table, always audited."""

from __future__ import annotations

from typing import Any

from packstation.domain.clock import utcnow
from packstation.domain.status import Actor, Status, check_transition


def change_status(
    uow: Any, order: Any, target: Status | str, *, actor: Actor | str, who: str, station: str, note: str = ""
) -> None:
    """Move ``order`` to ``target`` or raise ``IllegalTransition``; record who, where and why."""
    check_transition(order.status, target, actor)
    now = utcnow()
    uow.journal.add_status_change(
        order_id=order.id,
        from_status=str(order.status),
        to_status=str(Status(target)),
        at=now,
        actor=str(Actor(actor)),
        who=who,
        station=station,
        note=note,
    )
    order.status = str(Status(target))
    order.updated_at = now
