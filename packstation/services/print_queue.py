"""The durable print queue: deliver a job exactly once, retry with backoff, recover after a crash.

A job is committed as ``sending`` before a byte leaves, so a crash mid-send is found at the
next start (:func:`recover`) and resolved by asking the printer whether it took the job (the
folder printer's file named after the job, CUPS's job list); a printer that cannot tell (a raw
TCP port) makes the job ``uncertain`` and only the packer's answer (:func:`confirm`) resolves
it. When a parcel's label is printed, the same transaction marks the order shipped.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import timedelta

from packstation.domain.benches import BenchIdentity
from packstation.domain.clock import utcnow
from packstation.domain.errors import DomainError, PrinterUnavailable, PrintUncertain
from packstation.domain.printing import (
    MAX_ATTEMPTS,
    DocKind,
    JobState,
    NewPrintJob,
    PrintEvent,
    PrintJob,
    backoff_seconds,
    check_job_transition,
    job_title,
)
from packstation.domain.status import Actor, Status
from packstation.services.claims import end_session
from packstation.services.ports import Printer, UnitOfWork, UowFactory
from packstation.services.status_ops import change_status

log = logging.getLogger(__name__)
PrinterFor = Callable[[str, str], Printer]  # (target, kind) -> printer
SENT_AS = "title="  # the note of a ``sending`` event: the title the job went out under


@dataclass(frozen=True)
class Delivery:
    """What became of one job: its state afterwards, the reason if not printed, the order's status."""

    job_id: int
    kind: DocKind
    state: JobState
    attempts: int
    error: str = ""
    retry_in: float | None = None  # seconds until the next attempt, when queued again
    shipped: bool = False
    order_number: str = ""
    tracking: str = ""
    where: str = ""


def move(
    uow: UnitOfWork, job: PrintJob, target: JobState, by: str, at_station: str, note: str = "", **fields: object
) -> None:
    """Change a job's state, checked against the job's rules and recorded in its audit trail."""
    check_job_transition(job.state, target)
    uow.print_jobs.update(job.job_id, target, **fields)
    uow.print_jobs.add_event(
        PrintEvent(job.job_id, job.order_id, utcnow(), str(job.state), str(target), by, at_station, note[:500])
    )
    log.info(
        "print job job=%s order_id=%s kind=%s from=%s to=%s printer=%s who=%s station=%s note=%r",
        job.job_id, job.order_id, job.kind, job.state, target, job.printer, by, at_station, note,
    )  # fmt: skip


def enqueue(uow: UnitOfWork, job: NewPrintJob, note: str) -> int:
    """Store a new job (its document included) and the first line of its audit trail; its id."""
    job_id = uow.print_jobs.add(job)
    uow.print_jobs.add_event(
        PrintEvent(job_id, job.order_id, job.created_at, "", str(job.state), job.who, job.station, note)
    )
    log.info("print job job=%s order_id=%s kind=%s to=%s printer=%s note=%r", job_id, job.order_id, job.kind,
             job.state, job.printer, note)  # fmt: skip
    return job_id


def deliver(uow_factory: UowFactory, job_id: int, printers: PrinterFor, who: str, station: str) -> Delivery:
    """Send one queued job to its printer and record what happened; never raises for a printer fault."""
    with uow_factory() as uow:
        job = uow.print_jobs.get(job_id, lock=True)
        order = uow.orders.get(job.order_id)
        if job.state is not JobState.QUEUED:
            return Delivery(job.job_id, job.kind, job.state, job.attempts, order_number=order.number)
        if order.status is Status.CANCELLED and job.reprint_of is None:
            move(uow, job, JobState.CANCELLED, who, station, "order cancelled")
            uow.commit()
            return Delivery(job.job_id, job.kind, JobState.CANCELLED, job.attempts, order_number=order.number)
        title = job_title(order.number, job.kind, job.job_id)
        data = uow.print_jobs.document(job.job_id)
        attempts = job.attempts + 1
        move(uow, job, JobState.SENDING, who, station, f"{SENT_AS}{title}", attempts=attempts, station=station)
        uow.commit()  # durable before a byte leaves: a crash from here on is found by recover()
    sending = replace(job, state=JobState.SENDING, attempts=attempts)
    try:
        where = printers(job.printer, str(job.kind)).send(title, data)
    except PrintUncertain as error:
        return _after_failure(uow_factory, sending, error, JobState.UNCERTAIN, who, station, order.number)
    except PrinterUnavailable as error:
        return _after_failure(uow_factory, sending, error, None, who, station, order.number)
    return printed(uow_factory, sending, who, station, note=f"accepted by {job.printer} as {where}", where=where)


def printed(
    uow_factory: UowFactory, job: PrintJob, who: str, station: str, note: str = "", where: str = ""
) -> Delivery:
    """One transaction: the job is printed and, for a parcel's own label, the order is shipped."""
    with uow_factory() as uow:
        current = uow.print_jobs.get(job.job_id, lock=True)
        move(uow, current, JobState.PRINTED, who, station, note, printed_at=utcnow(), last_error="")
        shipped, number, tracking = _ship_if_label(uow, current, who, station)
        uow.commit()
    return Delivery(job.job_id, job.kind, JobState.PRINTED, job.attempts, "", None, shipped, number, tracking, where)


def _ship_if_label(uow: UnitOfWork, job: PrintJob, who: str, station: str) -> tuple[bool, str, str]:
    order = uow.orders.get(job.order_id, lock=True)
    if job.kind is not DocKind.LABEL or job.reprint_of is not None:
        return False, order.number, order.tracking_number
    if order.status not in (Status.PACKED, Status.AWAITING_LABEL):
        return order.status is Status.SHIPPED, order.number, order.tracking_number
    note = f"{order.carrier} {order.tracking_number}".strip()
    change_status(uow, order, Status.SHIPPED, actor=Actor.SYSTEM, who=who, station=station, note=note)
    end_session(uow, order.order_id, "shipped")
    if order.claim_station:
        # Released for whichever bench holds it: the label may print at another bench or in a batch.
        uow.orders.release_claim(order.order_id, BenchIdentity(order.claim_bench or "", order.claim_station or ""))
    return True, order.number, order.tracking_number


def _after_failure(
    uow_factory: UowFactory,
    job: PrintJob,
    error: DomainError,
    forced: JobState | None,
    who: str,
    station: str,
    number: str,
) -> Delivery:
    reason = str(error.params.get("reason") or error)[:500]
    retry_in: float | None = None
    with uow_factory() as uow:
        current = uow.print_jobs.get(job.job_id, lock=True)
        if forced is not None:
            target = forced
        elif current.attempts >= MAX_ATTEMPTS:
            target = JobState.FAILED
        else:
            target, retry_in = JobState.QUEUED, backoff_seconds(current.attempts)
        due = utcnow() + timedelta(seconds=retry_in) if retry_in is not None else None
        move(uow, current, target, who, station, reason, last_error=reason, next_attempt_at=due)
        uow.commit()
    log.warning("print failed job=%s order=%s state=%s reason=%s", job.job_id, number, target, reason)
    return Delivery(job.job_id, job.kind, target, job.attempts, reason, retry_in, order_number=number)


def run_due(uow_factory: UowFactory, printers: PrinterFor, who: str, station: str) -> list[Delivery]:
    """Send this station's jobs whose time has come, oldest first.

    A job that fails holds back the later jobs for the same printer, so documents come out
    in the order they were queued.
    """
    now = utcnow()
    with uow_factory() as uow:
        queued = uow.print_jobs.of_station(station, (JobState.QUEUED,))
    blocked: set[str] = set()
    done: list[Delivery] = []
    for job in queued:
        if job.printer in blocked:
            continue
        if job.next_attempt_at is not None and job.next_attempt_at > now:
            blocked.add(job.printer)  # an earlier job is waiting: keep the order
            continue
        delivery = deliver(uow_factory, job.job_id, printers, who, station)
        done.append(delivery)
        if delivery.state is not JobState.PRINTED:
            blocked.add(job.printer)
    return done


def recover(uow_factory: UowFactory, printers: PrinterFor, who: str, station: str) -> list[Delivery]:
    """Resolve this station's jobs left ``sending`` by a crash, without printing anything twice.

    The printer is asked whether it took the job under the title it was sent as: yes -> printed
    (and the order shipped); no -> queued again; cannot tell -> ``uncertain`` for the packer.
    """
    with uow_factory() as uow:
        stuck = uow.print_jobs.of_station(station, (JobState.SENDING,))
        titles = {job.job_id: _sent_title(uow, job) for job in stuck}
    done: list[Delivery] = []
    for job in stuck:
        try:
            took = printers(job.printer, str(job.kind)).accepted(titles[job.job_id])
        except PrinterUnavailable:
            took = None
        if took:
            done.append(printed(uow_factory, job, who, station, note="found at the printer after a restart"))
            continue
        target = JobState.QUEUED if took is False else JobState.UNCERTAIN
        with uow_factory() as uow:
            current = uow.print_jobs.get(job.job_id, lock=True)
            note = (
                "not at the printer after a restart" if took is False else "a send broke off; the printer cannot tell"
            )
            move(uow, current, target, who, station, note, next_attempt_at=None)
            number = uow.orders.get(job.order_id).number
            uow.commit()
        done.append(Delivery(job.job_id, job.kind, target, job.attempts, note, order_number=number))
    return done


def _sent_title(uow: UnitOfWork, job: PrintJob) -> str:
    for event in reversed(uow.print_jobs.events(job.order_id)):
        if event.job_id == job.job_id and event.to_state == JobState.SENDING and event.note.startswith(SENT_AS):
            return event.note[len(SENT_AS) :]
    return job_title(uow.orders.get(job.order_id).number, job.kind, job.job_id)


def confirm(uow_factory: UowFactory, job_id: int, came_out: bool, who: str, station: str) -> Delivery:
    """The packer's answer about an uncertain label: it came out (printed) or not (queued to send again)."""
    with uow_factory() as uow:
        job = uow.print_jobs.get(job_id, lock=True)
        if job.state is not JobState.UNCERTAIN:
            return Delivery(job.job_id, job.kind, job.state, job.attempts)
        if not came_out:
            move(uow, job, JobState.QUEUED, who, station, "the packer saw no label: send again", next_attempt_at=None)
            uow.commit()
            return Delivery(job.job_id, job.kind, JobState.QUEUED, job.attempts, retry_in=0.0)
    return printed(uow_factory, job, who, station, note="the packer saw the label come out")


def open_jobs(uow_factory: UowFactory, station: str, kinds: Sequence[DocKind] = (DocKind.LABEL,)) -> list[PrintJob]:
    """This station's unfinished jobs of ``kinds`` (not held), oldest first."""
    states = (JobState.QUEUED, JobState.SENDING, JobState.FAILED, JobState.UNCERTAIN)
    with uow_factory() as uow:
        return [job for job in uow.print_jobs.of_station(station, states) if job.kind in kinds]
