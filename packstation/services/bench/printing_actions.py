"""The bench while a label prints: the order stays on screen until its label is out, or is set aside.

A late label must never land on the next box, so while the open order's label job is not
printed (``session.label_job``) the bench refuses to open another order or count units, and
offers: wait (retries with backoff), F12 (retry now), CMD-ASIDE (set the box aside), and, for a
send that broke off, CMD-LABEL-OK / CMD-LABEL-AGAIN ("did the label come out?").
"""

from __future__ import annotations

import logging
from dataclasses import replace

from packstation.domain import barcodes
from packstation.domain.clock import utcnow
from packstation.domain.errors import DomainError
from packstation.domain.printing import DocKind, JobState
from packstation.domain.status import Actor, Status
from packstation.domain.verification import Param
from packstation.services import print_admin, print_queue
from packstation.services.bench import ordering
from packstation.services.bench.commands import (
    Acknowledge,
    Command,
    ConfirmLabel,
    Finish,
    Heartbeat,
    Login,
    Logout,
    NextOrder,
    OpenOrder,
    PrintTick,
    Refresh,
    Reprint,
    Resume,
    Scan,
    SetAside,
)
from packstation.services.bench.outcome import Outcome, OutcomeKind, outcome
from packstation.services.bench.session import BenchContext
from packstation.services.bench.snapshots import order_snapshot
from packstation.services.claims import end_session
from packstation.services.print_queue import Delivery
from packstation.services.status_ops import change_status

log = logging.getLogger(__name__)
# What a bench still does while its box waits for a label.
_ALLOWED_WHILE_PENDING = (Finish, SetAside, ConfirmLabel, PrintTick, Heartbeat, Refresh, Login, Logout, Resume,
                          Acknowledge, Reprint)  # fmt: skip


def while_label_pending(ctx: BenchContext, command: Command) -> Outcome | None:
    """Refuse what would put another order's items in front of the packer before this label is out."""
    job = ctx.session.label_job
    if job is None or isinstance(command, _ALLOWED_WHILE_PENDING):
        return None
    if isinstance(command, Scan) and barcodes.is_command(barcodes.clean_scan(command.raw).text):
        return None  # CMD-ASIDE, CMD-LABEL-OK… arrive as scans and are checked once dispatched
    number = ctx.session.snapshot.number if ctx.session.snapshot else ""
    return outcome(OutcomeKind.REFUSED, "print.label_pending", {"number": number, "job": job}, stored=False)


def after_delivery(ctx: BenchContext, label: Delivery) -> Outcome:
    """The outcome of an attempt at the open order's label: shipped (and the next order), or why not."""
    if label.state is JobState.PRINTED:
        parcels = _parcel_count(ctx, label.job_id)
        ctx.session.closed()
        params: dict[str, Param] = {"number": label.order_number, "tracking": label.tracking,
                                    "printer": label.where, "next": None, "parcels": parcels}  # fmt: skip
        if ctx.config.auto_next:
            # Only now, with the label out: a late label can never land on the next order's box.
            following = ctx.dispatch(NextOrder())
            opened = following is not None and ctx.session.order_id is not None
            params["next"] = str(following.params.get("number")) if opened and following else None
        return outcome(OutcomeKind.SHIPPED, "order.shipped", params)
    ctx.session.label_job = label.job_id
    if ctx.session.snapshot is not None:
        ctx.session.snapshot = replace(ctx.session.snapshot, status=str(Status.PACKED))
    params = {"number": label.order_number, "job": label.job_id, "attempts": label.attempts, "reason": label.error}
    if label.state is JobState.UNCERTAIN:
        return outcome(OutcomeKind.REFUSED, "print.uncertain", params)
    if label.state is JobState.FAILED:
        return outcome(OutcomeKind.REFUSED, "print.failed", params)
    params["retry_in"] = int(label.retry_in or 0)
    return outcome(OutcomeKind.REFUSED, "print.retrying", params)


def _parcel_count(ctx: BenchContext, label_job: int) -> int:
    """How many parcels (so labels) the shipped order has: the screen says "stick 2 labels"."""
    with ctx.uow(readonly=True) as uow:
        return max(len(uow.journal.parcels(uow.print_jobs.get(label_job).order_id)), 1)


def print_documents(ctx: BenchContext, label_job: int, others: tuple[int, ...] = ()) -> Outcome:
    """Send the label, then the slip (which goes even if the label waits: its barcode finds the box)."""
    assert ctx.printers is not None
    label = print_queue.deliver(ctx.uow, label_job, ctx.printers, ctx.who, ctx.station)
    for job in others:
        other = print_queue.deliver(ctx.uow, job, ctx.printers, ctx.who, ctx.station)
        if other.state is not JobState.PRINTED:
            log.warning("document waits job=%s kind=%s state=%s", job, other.kind, other.state)
    return after_delivery(ctx, label)


def handle_print_tick(ctx: BenchContext, _command: PrintTick) -> Outcome | None:
    """Retry this bench's due jobs; speak only about the open order's label."""
    if ctx.printers is None:
        return None
    done = print_queue.run_due(ctx.uow, ctx.printers, ctx.who, ctx.station)
    mine = next((d for d in done if d.job_id == ctx.session.label_job), None)
    return after_delivery(ctx, mine) if mine is not None else None


def handle_confirm_label(ctx: BenchContext, command: ConfirmLabel) -> Outcome:
    """The packer says whether the label of a broken-off send came out."""
    job_id = ctx.session.label_job or _uncertain_job(ctx)
    if job_id is None or ctx.printers is None:
        return outcome(OutcomeKind.INFO, "print.nothing_uncertain", stored=False)
    answer = print_queue.confirm(ctx.uow, job_id, command.came_out, ctx.who, ctx.station)
    if answer.state is JobState.QUEUED:
        answer = print_queue.deliver(ctx.uow, job_id, ctx.printers, ctx.who, ctx.station)
    elif answer.state is JobState.PRINTED and ctx.session.label_job is None:
        return outcome(OutcomeKind.SHIPPED, "order.label_printed", {"number": answer.order_number,
                                                                    "tracking": answer.tracking})  # fmt: skip
    if ctx.session.label_job is None:
        return _label_here(answer)
    return after_delivery(ctx, answer)


def _uncertain_job(ctx: BenchContext) -> int | None:
    with ctx.uow() as uow:
        jobs = uow.print_jobs.of_station(ctx.station, (JobState.UNCERTAIN,))
    labels = [j.job_id for j in jobs if j.kind is DocKind.LABEL]
    return labels[-1] if labels else None


def handle_set_aside(ctx: BenchContext, _command: SetAside) -> Outcome:
    """``packed -> awaiting_label``: the box waits for its slip to be scanned at a working printer."""
    job_id = ctx.session.label_job
    if job_id is None:
        return outcome(OutcomeKind.REFUSED, "print.nothing_to_set_aside", stored=False)
    with ctx.uow() as uow:
        job = uow.print_jobs.get(job_id, lock=True)
        if job.state is JobState.UNCERTAIN:  # the label may be on the box: answer first
            return outcome(OutcomeKind.REFUSED, "print.uncertain", {"job": job_id, "number": ""}, stored=False)
        order = uow.orders.get(job.order_id, lock=True)
        if job.state is JobState.PRINTED or order.status is not Status.PACKED:
            ctx.session.closed()
            return outcome(OutcomeKind.INFO, "print.already_out", {"number": order.number})
        print_queue.move(uow, job, JobState.HELD, ctx.who, ctx.station, "box set aside")
        change_status(uow, order, Status.AWAITING_LABEL, actor=Actor.PACKER, who=ctx.who, station=ctx.station,
                      note="label printer down: box set aside", bench_id=ctx.bench.bench_id)  # fmt: skip
        end_session(uow, order.order_id, "set_aside")
        uow.orders.release_claim(order.order_id, ctx.bench)
        uow.commit()
    ctx.session.closed()
    params: dict[str, Param] = {"number": order.number, "next": None}
    if ctx.config.auto_next:
        following = ctx.dispatch(NextOrder())
        params["next"] = str(following.params.get("number")) if following and ctx.session.order_id else None
    return outcome(OutcomeKind.HELD, "order.set_aside", params)


def handle_open_or_label(ctx: BenchContext, command: OpenOrder) -> Outcome:
    """An order's slip: a box set aside gets its label here; any other order opens as usual."""
    with ctx.uow() as uow:
        order = uow.orders.by_number(command.number)
    if order is None or order.status is not Status.AWAITING_LABEL:
        return ordering.handle_open(ctx, command)
    if ctx.documents is None or ctx.printers is None:
        return outcome(OutcomeKind.REFUSED, "printer.not_configured", stored=False)
    result = print_admin.print_waiting_label(ctx.uow, order.number, ctx.config, ctx.documents, ctx.printers, ctx.who)
    return _label_here(result)


def _label_here(result: Delivery) -> Outcome:
    params: dict[str, Param] = {"number": result.order_number, "tracking": result.tracking, "reason": result.error,
                                "job": result.job_id}  # fmt: skip
    if result.state is JobState.PRINTED:
        return outcome(OutcomeKind.SHIPPED, "order.label_printed", params)
    if result.state is JobState.UNCERTAIN:
        return outcome(OutcomeKind.REFUSED, "print.uncertain", params)
    return outcome(OutcomeKind.REFUSED, "print.waiting_label_failed", params)


def handle_resume(ctx: BenchContext, command: Resume) -> Outcome | None:
    """At start-up: settle jobs a crash left mid-send, wait on a packed order's label, else resume packing."""
    if ctx.printers is not None:
        for found in print_queue.recover(ctx.uow, ctx.printers, ctx.who, ctx.station):
            log.warning("print job after restart job=%s state=%s order=%s", found.job_id, found.state,
                        found.order_number)  # fmt: skip
        with ctx.uow() as uow:
            pending = [j for j in print_queue.open_jobs(ctx.uow, ctx.station)
                       if j.reprint_of is None and uow.orders.get(j.order_id).status is Status.PACKED]  # fmt: skip
            if pending:
                job = pending[-1]
                ctx.session.opened(order_snapshot(uow, uow.orders.get(job.order_id)))
        if pending:
            ctx.session.label_job = job.job_id
            if job.state is JobState.QUEUED:
                return print_documents(ctx, job.job_id)
            number = ctx.session.snapshot.number if ctx.session.snapshot else ""
            return after_delivery(ctx, Delivery(job.job_id, job.kind, job.state, job.attempts, job.last_error,
                                                order_number=number))  # fmt: skip
    return ordering.handle_resume(ctx, command)


def handle_reprint(ctx: BenchContext, command: Reprint) -> Outcome:
    """Print a document of an order again (any order, from its history); recorded as a reprint."""
    if ctx.documents is None or ctx.printers is None:
        return outcome(OutcomeKind.REFUSED, "printer.not_configured", stored=False)
    try:
        result = print_admin.reprint(ctx.uow, command.number, command.kind, ctx.config, ctx.documents, ctx.printers,
                                     ctx.who)  # fmt: skip
    except ValueError:
        raise DomainError(f"no document kind {command.kind}", code="print.nothing_to_reprint",
                          number=command.number, kind=command.kind) from None  # fmt: skip
    params: dict[str, Param] = {"number": command.number, "kind": command.kind, "reason": result.error,
                                "at": utcnow().isoformat(timespec="seconds")}  # fmt: skip
    code = "print.reprinted" if result.state is JobState.PRINTED else "print.reprint_waits"
    return outcome(OutcomeKind.INFO if result.state is JobState.PRINTED else OutcomeKind.REFUSED, code, params)
