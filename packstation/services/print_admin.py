"""Printing beyond F12: a waiting box's label, reprints, and a supervisor's batch of waiting labels."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass

from packstation.config import Config
from packstation.domain.clock import utcnow
from packstation.domain.errors import DomainError, NotFound
from packstation.domain.orders import Order
from packstation.domain.printing import (
    DocFormat,
    DocKind,
    JobState,
    NewPrintJob,
    PrintJob,
    target_accepts,
    target_format,
)
from packstation.domain.records import ShipmentDocuments
from packstation.domain.status import Status
from packstation.services.finishing import label_document, render_labels, shipment_documents
from packstation.services.ports import Documents, UnitOfWork, UowFactory
from packstation.services.print_queue import SENT_AS, Delivery, PrinterFor, deliver, enqueue, move, printed

log = logging.getLogger(__name__)
BATCH_REASON = "printed in a supervisor's batch"


def _order(uow: UnitOfWork, number: str) -> Order:
    order = uow.orders.by_number(number)
    if order is None:
        raise NotFound(f"no order {number}", code="order.not_found", number=number)
    return order


def _documents(uow: UnitOfWork, order: Order, config: Config) -> ShipmentDocuments:
    if not order.tracking_number:
        raise DomainError(f"order {order.number} has no tracking number yet", code="print.not_packed",
                          number=order.number)  # fmt: skip
    return shipment_documents(uow, order, config, order.tracking_number)


def _reissue_label(uow: UnitOfWork, order: Order, config: Config, documents: Documents, who: str) -> int:
    """Cancel the order's held label jobs and queue a fresh label for this station's label printer."""
    for job in uow.print_jobs.for_order(order.order_id):
        if job.kind is DocKind.LABEL and job.state is JobState.HELD and job.reprint_of is None:
            move(uow, job, JobState.CANCELLED, who, config.station, f"reissued at {config.station}")
    target = config.printer_target("label")
    fmt, data = label_document(uow, order, documents, _documents(uow, order, config), target, config.label_dpi)
    new = NewPrintJob(order.order_id, 1, DocKind.LABEL, fmt, target, data, who, config.station, utcnow())
    return enqueue(uow, new, "label of a box set aside")


def print_waiting_label(
    uow_factory: UowFactory, number: str, config: Config, documents: Documents, printers: PrinterFor, who: str
) -> Delivery:
    """The slip of a box set aside was scanned here: print its label now, or hold it again.

    A label that does not print goes back to ``held`` (never retried in the background), so it
    can only come out while the box is at a bench.
    """
    with uow_factory() as uow:
        order = _order(uow, number)
        if order.status is not Status.AWAITING_LABEL:
            raise DomainError(f"order {number} is {order.status}", code="order.not_openable", number=number,
                              status=str(order.status))  # fmt: skip
        job_id = _reissue_label(uow, order, config, documents, who)
        uow.commit()
    result = deliver(uow_factory, job_id, printers, who, config.station)
    if result.state in (JobState.QUEUED, JobState.FAILED):
        with uow_factory() as uow:
            move(uow, uow.print_jobs.get(job_id, lock=True), JobState.HELD, who, config.station, "printer down here")
            uow.commit()
    return result


def reprint(
    uow_factory: UowFactory,
    number: str,
    kind: str,
    config: Config,
    documents: Documents,
    printers: PrinterFor,
    who: str,
) -> Delivery:
    """Print an order's document again on this station's printer, recorded as a reprint of the original."""
    doc_kind = DocKind(kind)
    target = config.printer_target(kind)
    with uow_factory() as uow:
        order = _order(uow, number)
        originals = [j for j in uow.print_jobs.for_order(order.order_id) if j.kind is doc_kind and j.reprint_of is None]
        if not originals:
            raise DomainError(f"order {number} has no {kind} to reprint", code="print.nothing_to_reprint",
                              number=number, kind=kind)  # fmt: skip
        original = originals[-1]
        fmt, data = _reprint_data(uow, order, original, config, documents, target)
        new = NewPrintJob(order.order_id, original.parcel_index, doc_kind, fmt, target, data, who, config.station,
                          utcnow(), reprint_of=original.job_id)  # fmt: skip
        job_id = enqueue(uow, new, f"reprint of job {original.job_id}")
        uow.commit()
    log.info("reprint order=%s kind=%s of_job=%s job=%s who=%s", number, kind, original.job_id, job_id, who)
    return deliver(uow_factory, job_id, printers, who, config.station)


def _reprint_data(
    uow: UnitOfWork, order: Order, original: PrintJob, config: Config, documents: Documents, target: str
) -> tuple[DocFormat, bytes]:
    """The original's format and bytes, unless this station's printer takes the label in another format
    (then Packstation's label is rendered for it; a carrier's label is never converted)."""
    if original.kind is DocKind.LABEL and original.format is not target_format(target):
        if uow.carrier_labels.get(order.order_id) is None or not target_accepts(target, original.format):
            return label_document(uow, order, documents, _documents(uow, order, config), target, config.label_dpi)
    return original.format, uow.print_jobs.document(original.job_id)


@dataclass(frozen=True)
class Batch:
    numbers: tuple[str, ...]
    state: JobState
    error: str = ""


def print_waiting_labels(
    uow_factory: UowFactory,
    config: Config,
    documents: Documents,
    printers: PrinterFor,
    who: str,
    numbers: Sequence[str] = (),
) -> Batch:
    """A supervisor prints the labels of boxes set aside (``numbers``, or all, oldest first) as one job, in order.

    Each order gets its own job row (its audit trail, its shipment) but all go to the printer
    as one document; they are marked printed, and their orders shipped, together.
    """
    target = config.printer_target("label")
    with uow_factory() as uow:
        if numbers:
            orders = [_order(uow, n) for n in numbers]
        else:
            rows = uow.orders.queue((Status.AWAITING_LABEL,), limit=10000)
            orders = [_order(uow, row.number) for row in rows.rows]
        waiting = [o for o in orders if o.status is Status.AWAITING_LABEL]
        if not waiting:
            return Batch((), JobState.PRINTED)
        docs = [_documents(uow, o, config) for o in waiting]
        carriers = [uow.carrier_labels.get(o.order_id) for o in waiting]
        items = [c or d for d, c in zip(docs, carriers, strict=True)]
        data = render_labels(documents, items, target, config.label_dpi)
        title = f"batch-{waiting[0].number}-{len(waiting)}"
        jobs = []
        for order in waiting:
            job_id = _reissue_label(uow, order, config, documents, who)
            job = uow.print_jobs.get(job_id)
            move(uow, job, JobState.SENDING, who, config.station, f"{SENT_AS}{title}", attempts=1)
            jobs.append(uow.print_jobs.get(job_id))
        uow.commit()  # every job is `sending` before the batch leaves: recover() finds it by its title
    numbers_out = tuple(o.number for o in waiting)
    try:
        where = printers(target, "label").send(title, data)
    except DomainError as error:
        reason = str(error.params.get("reason") or error)
        with uow_factory() as uow:
            for job in jobs:
                move(uow, uow.print_jobs.get(job.job_id, lock=True), _after_batch(error), who, config.station, reason)
            uow.commit()
        return Batch(numbers_out, _after_batch(error), reason)
    for job in jobs:
        printed(uow_factory, job, who, config.station, note=f"{BATCH_REASON} as {where}")
    return Batch(numbers_out, JobState.PRINTED)


def _after_batch(error: DomainError) -> JobState:
    return JobState.UNCERTAIN if error.code == "print.uncertain" else JobState.FAILED
