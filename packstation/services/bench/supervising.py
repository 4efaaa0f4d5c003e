"""A supervisor's commands at a bench: overrides, held orders, partial shipments, cancel, expedite, reopen.

Every handler needs a supervisor who gave badge and PIN at this bench (``people.supervisor_here``);
a packer's session is refused with ``auth.supervisor_required``. The use cases themselves
(``services.supervision``) check the supervisor again inside their transaction.
"""

from __future__ import annotations

import logging
from dataclasses import replace

from packstation.domain.clock import iso, utcnow
from packstation.domain.errors import DomainError
from packstation.domain.journal import ScanRecord
from packstation.domain.supervision import Action, CancelCosts, SupervisorAction
from packstation.domain.verification import PackState, Param
from packstation.services import parcels, print_queue, supervision
from packstation.services.bench.commands import (
    ApprovePartial,
    CancelOrder,
    Expedite,
    OverrideMismatch,
    OverrideWeight,
    Release,
    ReleaseHeld,
    Reopen,
)
from packstation.services.bench.ordering import handle_release, open_order
from packstation.services.bench.outcome import Outcome, OutcomeKind, ScanLine, outcome
from packstation.services.bench.people import supervisor_here
from packstation.services.bench.session import BenchContext
from packstation.services.bench.snapshots import RECENT_SCANS, pack_state
from packstation.services.claims import has_activity
from packstation.services.users import require_supervisor

log = logging.getLogger(__name__)
OVERRIDDEN = "mismatch.overridden"


def _reason(text: str) -> str:
    reason = text.strip()
    if not reason:
        raise DomainError("an override needs a reason", code="supervisor.reason_required")
    return reason[:300]


def handle_override_mismatch(ctx: BenchContext, command: OverrideMismatch) -> Outcome:
    """Accept the open order's oldest wrong unit as it is (it stays in the box): who, when and why recorded."""
    supervisor = supervisor_here(ctx)
    reason = _reason(command.reason)
    if ctx.session.order_id is None:
        return outcome(OutcomeKind.REFUSED, "command.no_order", {"name": "OVERRIDE"}, stored=False)
    with ctx.uow() as uow:
        who = require_supervisor(uow, supervisor)
        order = ctx.held_order(uow)
        pending = uow.journal.open_mismatches(order.order_id)
        if not pending:
            return outcome(OutcomeKind.INFO, "mismatch.none_open", stored=False)
        mismatch = pending[0]
        now = utcnow()
        uow.journal.resolve_mismatch(mismatch.mismatch_id, now, who.name, "override", reason)
        event = ScanRecord(now, order.order_id, None, "OVERRIDE", mismatch.code, "command", OVERRIDDEN, 0,
                           ctx.station, who.name)  # fmt: skip
        uow.journal.add_scan(event)
        uow.journal.add_supervisor_action(
            SupervisorAction(
                Action.OVERRIDE_MISMATCH,
                now,
                who.name,
                ctx.station,
                order.order_id,
                reason,
                f"{mismatch.kind} {mismatch.code} ({mismatch.sku or 'no product'})",
            )  # fmt: skip
        )
        state = pack_state(uow, order)
        uow.commit()
    _remember(ctx, ScanLine(iso(now) or "", "OVERRIDE", "command", OVERRIDDEN), state)
    log.warning("mismatch overridden order=%s kind=%s code=%r by=%s reason=%r", order.number, mismatch.kind,
                mismatch.code, who.name, reason)  # fmt: skip
    params: dict[str, Param] = {"kind": mismatch.kind, "code": mismatch.code, "name": who.name,
                                "remaining": state.open_mismatches}  # fmt: skip
    return outcome(OutcomeKind.SUPERVISOR_ACTION, OVERRIDDEN, params)


def handle_override_weight(ctx: BenchContext, command: OverrideWeight) -> Outcome:
    """Accept the weight the scale gave for the open parcel (its wrong weight): the parcel closes."""
    supervisor = supervisor_here(ctx)
    reason = _reason(command.reason)
    order_id = ctx.session.order_id
    if order_id is None:
        return outcome(OutcomeKind.REFUSED, "command.no_order", {"name": "OVERRIDE-WEIGHT"}, stored=False)
    with ctx.uow(readonly=True) as uow:
        require_supervisor(uow, supervisor)
    parcel = parcels.override_weight(ctx.uow, order_id, ctx.bench, supervisor.name, reason)
    with ctx.uow() as uow:
        uow.journal.add_supervisor_action(
            SupervisorAction(Action.OVERRIDE_WEIGHT, utcnow(), supervisor.name, ctx.station, order_id, reason,
                             f"parcel {parcel.index}: {parcel.weight_kg} kg (expected {parcel.expected_kg} kg)")
        )  # fmt: skip
        uow.commit()
    snapshot = ctx.session.snapshot
    if snapshot is not None:
        line = ScanLine(iso(utcnow()) or "", "OVERRIDE-WEIGHT", "weight_override", "parcel.weight_overridden")
        recent = (line, *snapshot.recent)[:RECENT_SCANS]
        ctx.session.snapshot = replace(snapshot, parcel=parcel.index + 1, box="", recent=recent)
    params: dict[str, Param] = {"parcel": parcel.index, "weight": str(parcel.weight_kg), "name": supervisor.name}
    return outcome(OutcomeKind.SUPERVISOR_ACTION, "parcel.weight_overridden", params)


def handle_release_held(ctx: BenchContext, command: ReleaseHeld) -> Outcome:
    """A held order back to the queue, or straight to packing here (after this bench's untouched order)."""
    supervisor = supervisor_here(ctx)
    if not command.to_packing:
        order = supervision.release_held(ctx.uow, command.number, supervisor, ctx.station, command.reason)
        return outcome(OutcomeKind.SUPERVISOR_ACTION, "supervisor.released", {"number": order.number})
    _room_for(ctx, command.number)
    supervision.resume_held(ctx.uow, command.number, supervisor, ctx.bench, command.reason,
                            ctx.config.claim_ttl_seconds)  # fmt: skip
    snapshot = open_order(ctx, command.number)
    params: dict[str, Param] = {"number": snapshot.number, "scanned": snapshot.state.units_scanned,
                                "required": snapshot.state.units_required}  # fmt: skip
    return outcome(OutcomeKind.ORDER_OPENED, "supervisor.resumed", params)


def _room_for(ctx: BenchContext, number: str) -> None:
    """Refuse to open another order here while this bench has one with scans; an untouched one is released."""
    if ctx.session.order_id is None:
        return
    with ctx.uow() as uow:
        current = ctx.held_order(uow)
        if has_activity(uow, current):
            raise DomainError(f"finish or hold {current.number} first", code="order.finish_or_hold_first",
                              number=current.number, requested=number)  # fmt: skip
    handle_release(ctx, Release())  # the packer's own release of an untouched order


def handle_approve_partial(ctx: BenchContext, command: ApprovePartial) -> Outcome:
    """Ship a held order without its missing units; its label and slip print here (retried like any job)."""
    supervisor = supervisor_here(ctx)
    if ctx.documents is None or ctx.printers is None:
        return outcome(OutcomeKind.REFUSED, "printer.not_configured", stored=False)
    finished = supervision.approve_partial(ctx.uow, command.number, supervisor, ctx.bench, ctx.config,
                                           ctx.documents, command.reason)  # fmt: skip
    label = print_queue.deliver(ctx.uow, finished.label_job, ctx.printers, supervisor.name, ctx.station)
    print_queue.deliver(ctx.uow, finished.slip_job, ctx.printers, supervisor.name, ctx.station)
    params: dict[str, Param] = {"number": finished.number, "tracking": finished.tracking,
                                "printed": int(label.state == "printed"), "reason": label.error}  # fmt: skip
    return outcome(OutcomeKind.SUPERVISOR_ACTION, "supervisor.partial_approved", params)


def handle_cancel(ctx: BenchContext, command: CancelOrder) -> Outcome:
    """Cancel an order with reason and cost; if it is the one open here, the bench lets it go."""
    supervisor = supervisor_here(ctx)
    costs = CancelCosts(command.packaging, command.labour, command.postage)
    cancelled = supervision.cancel_order(ctx.uow, command.number, supervisor, ctx.station, command.reason,
                                         command.note, costs)  # fmt: skip
    if ctx.session.snapshot is not None and ctx.session.snapshot.number == command.number:
        with ctx.uow() as uow:
            uow.orders.release_claim(cancelled.order_id, ctx.bench)
            uow.commit()
        ctx.session.closed()
    params: dict[str, Param] = {"number": command.number, "reason": command.reason,
                                "cost": f"{costs.total} {cancelled.currency}"}  # fmt: skip
    return outcome(OutcomeKind.SUPERVISOR_ACTION, "supervisor.cancelled", params)


def handle_expedite(ctx: BenchContext, command: Expedite) -> Outcome:
    supervisor = supervisor_here(ctx)
    supervision.expedite(ctx.uow, command.number, supervisor, ctx.station, command.on)
    code = "supervisor.expedited" if command.on else "supervisor.unexpedited"
    return outcome(OutcomeKind.SUPERVISOR_ACTION, code, {"number": command.number})


def handle_reopen(ctx: BenchContext, command: Reopen) -> Outcome:
    """Reopen an order finished by mistake and open it here; a new label prints when it is finished again."""
    supervisor = supervisor_here(ctx)
    _room_for(ctx, command.number)
    if ctx.session.label_job is not None:
        raise DomainError("a label is still printing here", code="print.label_pending", number=command.number,
                          job=ctx.session.label_job)  # fmt: skip
    supervision.reopen(ctx.uow, command.number, supervisor, ctx.bench, ctx.config, command.reason)
    snapshot = open_order(ctx, command.number)
    params: dict[str, Param] = {"number": snapshot.number, "scanned": snapshot.state.units_scanned,
                                "required": snapshot.state.units_required}  # fmt: skip
    return outcome(OutcomeKind.ORDER_OPENED, "supervisor.reopened", params)


def _remember(ctx: BenchContext, line: ScanLine, state: PackState) -> None:
    snapshot = ctx.session.snapshot
    if snapshot is not None:
        ctx.session.snapshot = replace(snapshot, state=state, recent=(line, *snapshot.recent)[:RECENT_SCANS])
