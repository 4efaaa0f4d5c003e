"""CMD-UNDO: keep a finishing order open, or take the open order's last product scan back.

While the order is finishing by itself (``autofinish``), UNDO (Esc) keeps it open. Otherwise it
voids the open order's last product scan, which stays in the audit trail marked voided, and
takes back its count or its mismatch in the same transaction.
"""

from __future__ import annotations

import logging

from packstation.domain.errors import ClaimLost
from packstation.domain.verification import Param, VerdictKind
from packstation.services.bench.commands import Undo
from packstation.services.bench.outcome import Outcome, OutcomeKind, outcome
from packstation.services.bench.scanning import scan_record
from packstation.services.bench.session import BenchContext
from packstation.services.bench.snapshots import order_snapshot

log = logging.getLogger(__name__)
PRODUCT_VERDICTS = frozenset(kind.value for kind in VerdictKind)  # what UNDO can take back


def handle_undo(ctx: BenchContext, _command: Undo) -> Outcome:
    """Keep a finishing order open, or void the open order's last product scan."""
    session = ctx.session
    if session.scheduled is not None and session.snapshot is not None:
        session.scheduled = None
        log.info("finish on the last unit undone order=%s by=%s", session.snapshot.number, ctx.who)
        return outcome(OutcomeKind.INFO, "finish.kept_open", {"number": session.snapshot.number}, stored=False)
    if session.order_id is None:
        return outcome(OutcomeKind.REFUSED, "command.no_order", {"name": "UNDO"}, stored=False)
    with ctx.uow() as uow:
        order = ctx.held_order(uow)
        last = uow.journal.last_scan(order.order_id, PRODUCT_VERDICTS)
        if last is None:
            return outcome(OutcomeKind.INFO, "undo.nothing", {"number": order.number}, stored=False)
        uow.journal.void_scan(last.event_id)
        line = next((ln for ln in order.lines if ln.line_id == last.line_id), None)
        if last.verdict == VerdictKind.ACCEPTED and line is not None:
            if not uow.orders.add_scanned(line.line_id, -last.quantity, line.scanned):
                raise ClaimLost(f"counts of {order.number} changed elsewhere")
        uow.journal.add_scan(scan_record(ctx, "CMD-UNDO", "CMD-UNDO", "command", "scan.undone"))
        snapshot = order_snapshot(uow, uow.orders.get(order.order_id))
        match = uow.products.lookup(last.code) if line is None else None
        uow.commit()
    session.snapshot = snapshot
    name = line.name if line is not None else match.name if match is not None else ""
    after = next((ln for ln in snapshot.lines if line is not None and ln.line_id == line.line_id), None)
    params: dict[str, Param] = {
        "verdict": last.verdict,
        "barcode": last.raw,
        "name": name,
        "quantity": last.quantity,
        "scanned": after.scanned if after else None,
        "required": after.required if after else None,
        "open_mismatches": snapshot.state.open_mismatches,
    }
    log.info("scan undone order=%s event=%s verdict=%s by=%s", order.number, last.event_id, last.verdict, ctx.who)
    return outcome(OutcomeKind.UNDONE, "scan.undone", params)
