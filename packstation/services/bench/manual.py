"""A unit whose barcode will not scan (torn, missing, unreadable), confirmed by hand.

The packer picks the line on screen or scans ``CMD-MANUAL-<SKU>`` from a sheet. It counts like a
scan of one unit and is stored as a scan event marked ``manual``, with who and when; with the
shared rule ``manual_confirm_needs_pin`` on, a supervisor must have given badge and PIN at the
bench first (recorded as the supervisor's action too). A unit tracked by lot or serial cannot be
confirmed by hand: its code carries what must be recorded.
"""

from __future__ import annotations

import logging
from dataclasses import replace

from packstation.domain.clock import iso
from packstation.domain.errors import ClaimLost, DomainError
from packstation.domain.supervision import Action, SupervisorAction
from packstation.domain.tracking import Tracking
from packstation.domain.verification import Param, ProductMatch, VerdictKind, apply, verify
from packstation.services.bench.commands import ManualConfirm
from packstation.services.bench.outcome import Outcome, OutcomeKind, ScanLine, outcome
from packstation.services.bench.people import supervisor_here
from packstation.services.bench.scanning import scan_record
from packstation.services.bench.session import BenchContext
from packstation.services.bench.snapshots import RECENT_SCANS, order_snapshot
from packstation.services.users import require_supervisor

log = logging.getLogger(__name__)
MANUAL = "scan.manual"


def handle_manual_confirm(ctx: BenchContext, command: ManualConfirm) -> Outcome:
    """Count one unit of ``command.sku`` on the open order, recorded as confirmed by hand."""
    snapshot = ctx.session.snapshot
    if ctx.session.order_id is None or snapshot is None:
        return outcome(OutcomeKind.REFUSED, "command.no_order", {"name": "MANUAL"}, stored=False)
    supervisor = supervisor_here(ctx) if ctx.shared().manual_confirm_needs_pin else None
    sku = command.sku.strip()
    line = snapshot.state.line_for(sku)
    if line is None:
        return outcome(OutcomeKind.REFUSED, "manual.not_on_order", {"sku": sku, "number": snapshot.number},
                       stored=False)  # fmt: skip
    verdict = verify(snapshot.state, sku, ProductMatch(line.sku, line.name))
    if verdict.kind is not VerdictKind.ACCEPTED:
        params: dict[str, Param] = {"sku": sku, "name": line.name, "required": line.required}
        return outcome(OutcomeKind.REFUSED, "manual.line_complete", params, stored=False)
    raw = f"MANUAL-{sku}"
    with ctx.uow() as uow:
        product = uow.products.by_skus({sku}).get(sku)
        if product is not None and product.tracking != Tracking.NONE:
            raise DomainError(f"{sku} is tracked by {product.tracking}", code="manual.tracked", sku=sku,
                              name=line.name, tracking=product.tracking)  # fmt: skip
        if supervisor is not None:
            require_supervisor(uow, supervisor)
        event = replace(scan_record(ctx, raw, sku, VerdictKind.ACCEPTED.value, MANUAL, line.line_id, 1), manual=True)
        event_id = uow.journal.record_claimed_scan(event, ctx.bench.bench_id)
        if event_id is None:
            raise ClaimLost(f"order {snapshot.number} no longer held here", number=snapshot.number)
        if not uow.orders.add_scanned(line.line_id, 1, line.scanned):
            ctx.session.snapshot = order_snapshot(uow, uow.orders.get(snapshot.order_id))  # counted elsewhere
            return outcome(OutcomeKind.REFUSED, "manual.try_again", {"sku": sku}, stored=False)
        if supervisor is not None:
            uow.journal.add_supervisor_action(
                SupervisorAction(
                    Action.MANUAL_CONFIRM,
                    event.at,
                    supervisor.name,
                    ctx.station,
                    snapshot.order_id,
                    f"{sku} confirmed by hand by {ctx.who}",
                )  # fmt: skip
            )
        uow.commit()
    state = apply(snapshot.state, verdict)
    shown = ScanLine(iso(event.at) or "", raw, VerdictKind.ACCEPTED.value, MANUAL)
    ctx.session.snapshot = replace(snapshot, state=state, recent=(shown, *snapshot.recent)[:RECENT_SCANS])
    log.info("manual confirmation order=%s sku=%s packer=%s supervisor=%s", snapshot.number, sku, ctx.who,
             supervisor.name if supervisor else None)  # fmt: skip
    params = {**verdict.params, "by": ctx.who, "open_mismatches": state.open_mismatches}
    return outcome(OutcomeKind.ACCEPTED, MANUAL, params, raw=raw)
