"""What supervisors do to orders: release held ones, approve partial shipments, cancel, expedite, reopen.

Each use case checks the supervisor inside its own transaction (``users.require_supervisor``: still
an active supervisor or admin, badge not locked), changes the order through the status table and
records a :class:`~packstation.domain.supervision.SupervisorAction` (who, when, where, why).
"""

from __future__ import annotations

import logging
from dataclasses import replace
from datetime import timedelta

from packstation.config import Config
from packstation.domain import barcodes
from packstation.domain.benches import BenchIdentity
from packstation.domain.clock import utcnow
from packstation.domain.errors import DomainError, NotFound, OrderNotFinishable
from packstation.domain.orders import Order
from packstation.domain.printing import JobState
from packstation.domain.status import REOPENABLE, Actor, Status
from packstation.domain.supervision import (
    Action,
    CancelCosts,
    Cancellation,
    CancelReason,
    HeldOrder,
    SupervisorAction,
    cancel_problem,
)
from packstation.domain.users import User
from packstation.services.bench.snapshots import pack_state
from packstation.services.claims import end_session, start_packing
from packstation.services.finishing import Finished, pack_and_queue
from packstation.services.ports import Documents, UnitOfWork, UowFactory
from packstation.services.print_queue import move
from packstation.services.status_ops import change_status
from packstation.services.users import require_supervisor

log = logging.getLogger(__name__)
# Statuses an order can still be pushed to the front in (it still waits for a bench).
EXPEDITABLE = frozenset({Status.NEW, Status.PACKING, Status.ON_HOLD})
# Jobs of an order that would still print its old documents: cancelled when it is cancelled or reopened.
_CANCELLABLE_JOBS = (JobState.QUEUED, JobState.FAILED, JobState.HELD)


def _order(uow: UnitOfWork, number: str) -> Order:
    order = uow.orders.by_number(number)
    if order is None:
        raise NotFound(f"no order {number}", code="order.not_found", number=number)
    return uow.orders.get(order.order_id, lock=True)


def _record(uow: UnitOfWork, action: Action, who: User, station: str, order: Order, reason: str = "",
            detail: str = "") -> int:  # fmt: skip
    action_id = uow.journal.add_supervisor_action(
        SupervisorAction(action, utcnow(), who.name, station, order.order_id, reason[:500], detail[:1000])
    )
    log.info("supervisor action=%s order=%s who=%s station=%s reason=%r detail=%r", action, order.number, who.name,
             station, reason, detail)  # fmt: skip
    return action_id


def _in_status(order: Order, allowed: frozenset[Status] | tuple[Status, ...], code: str) -> None:
    if order.status not in allowed:
        raise DomainError(f"order {order.number} is {order.status}", code=code, number=order.number,
                          status=str(order.status))  # fmt: skip


def held_orders(uow_factory: UowFactory) -> tuple[HeldOrder, ...]:
    """Every order on hold, oldest first, with the reason the packer gave, who held it and when."""
    with uow_factory(readonly=True) as uow:
        page = uow.orders.queue((Status.ON_HOLD,), limit=10_000)
        held = []
        for row in page.rows:
            order = uow.orders.by_number(row.number)
            assert order is not None
            hold = next((c for c in reversed(uow.journal.history(order.order_id)) if c.to_status == Status.ON_HOLD),
                        None)  # fmt: skip
            held.append(HeldOrder(row.number, row.customer, row.city, row.units, row.scanned,
                                  hold.note if hold else "", hold.who if hold else "", hold.station if hold else "",
                                  hold.at if hold else None, row.expedited))  # fmt: skip
    return tuple(held)


def release_held(uow_factory: UowFactory, number: str, supervisor: User, station: str, reason: str = "") -> Order:
    """``on_hold -> new``: the order goes back to the queue with what was counted for it (it resumes there)."""
    with uow_factory() as uow:
        who = require_supervisor(uow, supervisor)
        order = _order(uow, number)
        _in_status(order, (Status.ON_HOLD,), "supervisor.not_held")
        order = change_status(uow, order, Status.NEW, actor=Actor.SUPERVISOR, who=who.name, station=station,
                              note=reason or "released by a supervisor")  # fmt: skip
        _record(uow, Action.RELEASE, who, station, order, reason)
        uow.commit()
    return order


def resume_held(uow_factory: UowFactory, number: str, supervisor: User, bench: BenchIdentity, reason: str = "",
                ttl_seconds: int = 300) -> Order:  # fmt: skip
    """``on_hold -> packing`` claimed by ``bench`` in one transaction: it opens there with its counts."""
    with uow_factory() as uow:
        who = require_supervisor(uow, supervisor)
        order = _order(uow, number)
        _in_status(order, (Status.ON_HOLD,), "supervisor.not_held")
        order = change_status(uow, order, Status.PACKING, actor=Actor.SUPERVISOR, who=who.name, station=bench.station,
                              note=reason or "resumed by a supervisor", bench_id=bench.bench_id)  # fmt: skip
        _claim(uow, order, bench, who.name, ttl_seconds)
        _record(uow, Action.RESUME, who, bench.station, order, reason)
        uow.commit()
    return order


def _claim(uow: UnitOfWork, order: Order, bench: BenchIdentity, who: str, ttl_seconds: int) -> None:
    now = utcnow()
    if not uow.orders.claim(order.order_id, bench, who, now, now - timedelta(seconds=ttl_seconds)):
        raise DomainError(f"order {order.number} is held by another bench", code="order.claimed_elsewhere",
                          number=order.number, station=order.claim_station or "?", packer="")  # fmt: skip
    start_packing(uow, order.order_id, bench, who)


def approve_partial(
    uow_factory: UowFactory,
    number: str,
    supervisor: User,
    bench: BenchIdentity,
    config: Config,
    documents: Documents,
    reason: str,
) -> Finished:
    """``on_hold -> packed`` without the missing units: recorded per line, printed on the slip, label queued.

    Refused while a wrong unit is still in the box, and for an order with nothing packed (cancel it instead).
    """
    if not reason.strip():
        raise DomainError("a partial shipment needs a reason", code="supervisor.reason_required")
    with uow_factory() as uow:
        who = require_supervisor(uow, supervisor)
        order = _order(uow, number)
        _in_status(order, (Status.ON_HOLD,), "supervisor.not_held")
        state = pack_state(uow, order)
        if state.open_mismatches:
            raise OrderNotFinishable(f"order {number} has a wrong unit in the box", number=number,
                                     missing=state.units_required - state.units_scanned,
                                     open_mismatches=state.open_mismatches)  # fmt: skip
        if state.units_scanned == 0:
            raise DomainError(f"nothing of order {number} is packed", code="supervisor.nothing_packed", number=number)
        missing = {ln.line_id: ln.quantity - min(ln.scanned, ln.quantity) for ln in order.lines}
        uow.orders.set_missing(order.order_id, missing)
        order = uow.orders.get(order.order_id)
        short = "missing " + (", ".join(f"{ln.sku}×{ln.missing}" for ln in order.lines if ln.missing) or "nothing")
        finished = pack_and_queue(uow, order, config, bench, who.name, documents, actor=Actor.SUPERVISOR,
                                  note=f"partial shipment approved: {reason}; {short}")  # fmt: skip
        _record(uow, Action.APPROVE_PARTIAL, who, bench.station, order, reason, short)
        uow.commit()
    return finished


def cancel_order(
    uow_factory: UowFactory,
    number: str,
    supervisor: User,
    station: str,
    reason: str,
    note: str = "",
    costs: CancelCosts = CancelCosts(),  # noqa: B008 - frozen, never changed
) -> Cancellation:
    """Cancel with a reason (and a text for "other") and the cost already incurred, which the order keeps.

    Its documents still waiting to print are cancelled; a bench packing it is told at its next scan.
    """
    problem = cancel_problem(reason, note) or costs.problem()
    if problem:
        raise DomainError(problem, code="supervisor.bad_cancellation", detail=problem)
    with uow_factory() as uow:
        who = require_supervisor(uow, supervisor)
        order = _order(uow, number)
        order = change_status(uow, order, Status.CANCELLED, actor=Actor.SUPERVISOR, who=who.name, station=station,
                              note=f"{reason}: {note}".rstrip(": "))  # fmt: skip
        cancellation = Cancellation(order.order_id, CancelReason(reason), note.strip(), costs, order.currency,
                                    utcnow(), who.name, station)  # fmt: skip
        uow.journal.add_cancellation(cancellation)
        _cancel_jobs(uow, order, who.name, station, "order cancelled by a supervisor")
        end_session(uow, order.order_id, "cancelled")
        _record(uow, Action.CANCEL, who, station, order, f"{reason}: {note}".rstrip(": "),
                f"costs {costs.total} {order.currency}")  # fmt: skip
        uow.commit()
    return cancellation


def _cancel_jobs(uow: UnitOfWork, order: Order, who: str, station: str, note: str) -> list[str]:
    """Cancel the order's own documents that have not printed yet; their kinds."""
    cancelled = []
    for job in uow.print_jobs.for_order(order.order_id):
        if job.state in _CANCELLABLE_JOBS and job.reprint_of is None:
            move(uow, job, JobState.CANCELLED, who, station, note)
            cancelled.append(str(job.kind))
    return cancelled


def expedite(uow_factory: UowFactory, number: str, supervisor: User, station: str, on: bool = True) -> Order:
    """Push a waiting order to the front of the queue (``on``), or put it back in its place."""
    with uow_factory() as uow:
        who = require_supervisor(uow, supervisor)
        order = _order(uow, number)
        if on:
            _in_status(order, EXPEDITABLE, "supervisor.not_waiting")
        now = utcnow() if on else None
        uow.orders.set_expedited(order.order_id, now)
        _record(uow, Action.EXPEDITE if on else Action.UNEXPEDITE, who, station, order)
        uow.commit()
    return replace(order, expedited_at=now)


def reopen(
    uow_factory: UowFactory, number: str, supervisor: User, bench: BenchIdentity, config: Config, reason: str
) -> Order:
    """An order finished by mistake goes back to ``packing`` at ``bench`` with its counts and parcels.

    Its tracking numbers are voided: the order gets a fresh SSCC serial, so the label printed when
    it is finished again carries new numbers; its documents still waiting to print are cancelled.
    An order that came with its carrier's own label keeps that label's tracking number: the label is
    printed again as it is when the order is finished again.
    """
    if not reason.strip():
        raise DomainError("reopening needs a reason", code="supervisor.reason_required")
    with uow_factory() as uow:
        who = require_supervisor(uow, supervisor)
        order = _order(uow, number)
        _in_status(order, REOPENABLE, "supervisor.not_reopenable")
        carrier_label = uow.carrier_labels.get(order.order_id) is not None
        voided = [] if carrier_label else [order.tracking_number]
        voided += [p.tracking_number for p in uow.journal.parcels(order.order_id)[1:]]
        voided = [t for t in voided if t]
        jobs = _cancel_jobs(uow, order, who.name, bench.station, "order reopened by a supervisor")
        detail = f"voided tracking {', '.join(voided) or 'none'}; cancelled jobs {', '.join(jobs) or 'none'}"
        if carrier_label:
            detail += f"; kept the carrier label's tracking {order.tracking_number}"
        action_id = _record(uow, Action.REOPEN, who, bench.station, order, reason, detail)
        if not carrier_label:
            uow.orders.set_tracking(order.order_id, "")
        uow.orders.set_tracking_serial(order.order_id, barcodes.reissued_serial(config.gs1_company_prefix, action_id))
        end_session(uow, order.order_id, "reopened")
        order = change_status(uow, order, Status.PACKING, actor=Actor.SUPERVISOR, who=who.name, station=bench.station,
                              note=f"reopened: {reason}", bench_id=bench.bench_id)  # fmt: skip
        _claim(uow, order, bench, who.name, config.claim_ttl_seconds)
        uow.commit()
    log.warning("order reopened order=%s by=%s voided=%s", number, who.name, voided)
    return order
