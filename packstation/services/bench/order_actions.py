"""What a packer does to the open order: confirm a wrong unit removed, hold it, finish it."""

from __future__ import annotations

import logging
from dataclasses import replace

from packstation.domain.clock import iso, utcnow
from packstation.domain.printing import JobState
from packstation.domain.verification import Param
from packstation.services import finishing, print_queue
from packstation.services.bench import boxes, printing_actions
from packstation.services.bench.commands import ConfirmRemoved, Finish, Hold
from packstation.services.bench.outcome import Outcome, OutcomeKind, ScanLine, outcome
from packstation.services.bench.scanning import scan_record
from packstation.services.bench.session import BenchContext
from packstation.services.bench.snapshots import RECENT_SCANS, pack_state

log = logging.getLogger(__name__)


def handle_removed(ctx: BenchContext, _command: ConfirmRemoved) -> Outcome:
    """The packer took the oldest wrong unit out: record it on that mismatch."""
    raw = "CMD-REMOVED"
    with ctx.uow() as uow:
        order = ctx.held_order(uow)
        pending = uow.journal.open_mismatches(order.order_id)
        if not pending:
            return outcome(OutcomeKind.INFO, "mismatch.none_open")
        mismatch = pending[0]
        now = utcnow()
        uow.journal.resolve_mismatch(mismatch.mismatch_id, now, ctx.who, "removed")
        uow.journal.add_scan(scan_record(ctx, raw, raw, "command", "mismatch.removed"))
        state = pack_state(uow, order)
        uow.commit()
    snapshot = ctx.session.snapshot
    if snapshot is not None:
        recent = (ScanLine(iso(now) or "", raw, "command", "mismatch.removed"), *snapshot.recent)
        ctx.session.snapshot = replace(snapshot, state=state, recent=recent[:RECENT_SCANS])
    log.info("removed order=%s kind=%s code=%r by=%s", order.number, mismatch.kind, mismatch.code, ctx.who)
    params: dict[str, Param] = {"kind": mismatch.kind, "code": mismatch.code, "remaining": state.open_mismatches}
    return outcome(OutcomeKind.REMOVED, "mismatch.removed", params)


def handle_hold(ctx: BenchContext, command: Hold) -> Outcome:
    """``packing -> on_hold`` with a reason for the supervisor; the bench moves on."""
    with ctx.uow() as uow:
        order = finishing.hold(uow, ctx.held_order(uow), ctx.bench, ctx.who, command.reason)
        uow.commit()
    ctx.session.closed()
    return outcome(OutcomeKind.HELD, "order.held", {"number": order.number, "reason": command.reason})


def handle_finish(ctx: BenchContext, _command: Finish) -> Outcome:
    """Pack the order and queue its label and slip (one transaction), then print them.

    The order ships, and the next one opens, only once the printer has taken the label;
    until then the bench keeps the order on screen (F12 again retries at once).
    """
    if ctx.session.label_job is not None:
        label = ctx.session.label_job
        return printing_actions.print_documents(ctx, label, _requeued(ctx, label))
    order_id = ctx.session.order_id
    if order_id is None:
        return outcome(OutcomeKind.REFUSED, "command.no_order", {"name": "FINISH"}, stored=False)
    if ctx.documents is None or ctx.printers is None:
        return outcome(OutcomeKind.REFUSED, "printer.not_configured", stored=False)
    finishing.preflight(ctx.uow, order_id, ctx.config)  # a label the printer cannot take stops it here
    refused = boxes.close_for_finish(ctx)  # the last parcel, weighed: a weight mismatch stops here
    if refused is not None:
        return refused
    finished = finishing.finish_order(ctx.uow, order_id, ctx.config, ctx.bench, ctx.who, ctx.documents)
    ctx.session.label_job = finished.label_job
    return printing_actions.print_documents(ctx, finished.label_job, (finished.slip_job,))


def _requeued(ctx: BenchContext, job_id: int) -> tuple[int, ...]:
    """The packer pressed F12 again: the waiting label and the order's waiting documents are due now."""
    with ctx.uow() as uow:
        label = uow.print_jobs.get(job_id, lock=True)
        others = []
        for job in uow.print_jobs.for_order(label.order_id):
            if job.state is JobState.FAILED:
                print_queue.move(uow, job, JobState.QUEUED, ctx.who, ctx.station, "retry now (F12)")
            elif job.state is JobState.QUEUED:
                uow.print_jobs.update(job.job_id, JobState.QUEUED, next_attempt_at=None)  # due now; same state
            else:
                continue
            if job.job_id != job_id:
                others.append(job.job_id)
        uow.commit()
    return tuple(others)
