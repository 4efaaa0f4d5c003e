"""Finishing an order: one transaction checks it, assigns the tracking number, packs it and queues its documents.

F12 commits ``packing -> packed`` with the tracking number, the parcel and the print jobs
(label and slip, documents included) in one transaction; the print queue then sends them,
and the order becomes ``shipped`` in the transaction that records its label printed
(``print_queue.printed``). So a crash anywhere leaves either an order still packing with
nothing printed, or a packed order whose queued label is sent exactly once.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from packstation.config import Config
from packstation.domain import barcodes
from packstation.domain.benches import BenchIdentity
from packstation.domain.clock import utcnow
from packstation.domain.errors import DomainError, OrderNotFinishable
from packstation.domain.journal import ParcelRecord
from packstation.domain.orders import Order
from packstation.domain.printing import DocFormat, DocKind, NewPrintJob, target_accepts, target_format
from packstation.domain.records import Address, LabelLine, ShipmentDocuments
from packstation.domain.status import Actor, Status
from packstation.paths import safe_file_name
from packstation.services.bench.snapshots import pack_state
from packstation.services.claims import end_session, held
from packstation.services.ports import Documents, UnitOfWork, UowFactory
from packstation.services.print_queue import enqueue
from packstation.services.status_ops import change_status

log = logging.getLogger(__name__)
# The slip's language from the delivery country when the order names none.
LANGUAGE_OF_COUNTRY = {"PL": "pl", "UA": "uk", "DE": "de", "AT": "de", "CZ": "cs", "SK": "sk", "LT": "lt"}


def shipment_documents(uow: UnitOfWork, order: Order, config: Config, tracking: str) -> ShipmentDocuments:
    """Everything the label and slip print, taken from the stored order."""
    skus = {line.sku for line in order.lines}
    bins, weights = uow.products.bins(skus), uow.products.weights(skus)
    total = sum((weights[line.sku] * line.quantity for line in order.lines if weights.get(line.sku)), Decimal("0"))
    a = order.address
    return ShipmentDocuments(
        order_number=order.number,
        tracking_number=tracking,
        carrier=order.carrier,
        service=order.service,
        recipient=Address(order.customer_name, a.street, a.postal_code, a.city, a.country, a.phone, a.email),
        sender=config.sender,
        lines=tuple(
            LabelLine(
                line.sku, line.name, line.quantity, bins.get(line.sku) or "", line.unit_price, currency=line.currency
            )  # fmt: skip
            for line in order.lines
        ),
        cod_amount=order.cod_amount if order.payment == "cod" else None,
        currency=order.currency,
        weight_kg=total or None,
        notes=order.notes,
        slip_barcode=barcodes.slip_barcode(order.number),
        created=utcnow().date().isoformat(),
        language=LANGUAGE_OF_COUNTRY.get((a.country or "PL").upper(), "en"),
        gift_note=order.gift_note,
        shop_contact=config.shop_contact,
        after_sales=tuple((key, text) for key, text in config.after_sales.items() if text),
    )


def render_label(documents: Documents, docs: ShipmentDocuments, target: str, dpi: int) -> tuple[DocFormat, bytes]:
    """The label as the ``target`` printer takes it: ZPL for a raw / TCP printer, else PDF."""
    fmt = target_format(target)
    if fmt is DocFormat.ZPL:
        if documents.zpl_label is None:
            raise DomainError("no ZPL renderer", code="printer.not_configured")
        return fmt, documents.zpl_label(docs, dpi)
    return fmt, documents.shipping_label(docs, dpi)


def label_document(
    uow: UnitOfWork, order: Order, documents: Documents, docs: ShipmentDocuments, target: str, dpi: int
) -> tuple[DocFormat, bytes]:
    """The parcel's label for the ``target`` printer: the carrier's own, as it is, when the order came with one;
    else Packstation's, rendered for that printer.

    A carrier label is never converted: a printer that cannot take its format refuses the order
    (``print.carrier_label_format``) before anything is packed or printed.
    """
    carrier = uow.carrier_labels.get(order.order_id)
    if carrier is None:
        return render_label(documents, docs, target, dpi)
    fmt = DocFormat(carrier.format)
    if not target_accepts(target, fmt):
        raise DomainError(
            f"the carrier label of {order.number} is {fmt}; printer {target} takes {target_format(target)}",
            code="print.carrier_label_format", number=order.number, format=str(fmt).upper(), printer=target,
        )  # fmt: skip
    return fmt, carrier.document


@dataclass(frozen=True)
class Finished:
    """A packed order and the jobs that will print its documents."""

    number: str
    tracking: str
    label_job: int
    slip_job: int


def finish_order(
    uow_factory: UowFactory, order_id: int, config: Config, bench: BenchIdentity, who: str, documents: Documents
) -> Finished:
    """Check the open order is complete, pack it and queue its label and slip (one transaction).

    The SSCC is derived from the order id, so a retry or a reprint carries the same number.
    """
    with uow_factory() as uow:
        order = held(uow, order_id, bench)
        state = pack_state(uow, order)
        if not state.finishable:
            raise OrderNotFinishable(
                f"order {order.number} is not complete",
                number=order.number,
                missing=state.units_required - state.units_scanned,
                open_mismatches=state.open_mismatches,
            )
        tracking = barcodes.tracking_number(order.tracking_number, config.gs1_company_prefix, order.order_id)
        docs = shipment_documents(uow, order, config, tracking)
        label_target, slip_target = config.printer_target("label"), config.printer_target("slip")
        label_format, label = label_document(uow, order, documents, docs, label_target, config.label_dpi)
        slip = documents.packing_slip(docs)
        archived = archive(config.documents_dir, order.number, {f"label.{label_format}": label, "slip.pdf": slip})
        order = change_status(
            uow, order, Status.PACKED, actor=Actor.PACKER, who=who, station=bench.station, bench_id=bench.bench_id
        )
        uow.orders.set_tracking(order.order_id, tracking)
        uow.journal.add_parcel(
            ParcelRecord(order.order_id, 1, tracking, docs.weight_kg, tuple(str(p) for p in archived), utcnow())
        )
        now = utcnow()
        jobs = [
            NewPrintJob(order.order_id, 1, DocKind.LABEL, label_format, label_target, label, who, bench.station, now,
                        archive_path=str(archived[0])),
            NewPrintJob(order.order_id, 1, DocKind.SLIP, DocFormat.PDF, slip_target, slip, who, bench.station, now,
                        archive_path=str(archived[1])),
        ]  # fmt: skip
        label_job, slip_job = (enqueue(uow, job, "finished") for job in jobs)
        uow.commit()
    log.info("packed order=%s tracking=%s label_job=%s slip_job=%s", order.number, tracking, label_job, slip_job)
    return Finished(order.number, tracking, label_job, slip_job)


def archive(folder: Path, number: str, documents: dict[str, bytes]) -> list[Path]:
    """Keep a copy of every queued document (``<kind>.<format>`` -> bytes) beside the database's own."""
    name = safe_file_name(number)
    target = folder / name
    target.mkdir(parents=True, exist_ok=True)
    paths = []
    for kind, data in documents.items():
        path = target / f"{name}-{kind}"
        tmp = path.with_suffix(".tmp")
        tmp.write_bytes(data)
        tmp.replace(path)
        paths.append(path)
    return paths


def hold(uow: UnitOfWork, order: Order, bench: BenchIdentity, who: str, reason: str) -> Order:
    """``packing -> on_hold``: the order waits for a supervisor, counted units stay counted."""
    order = change_status(
        uow, order, Status.ON_HOLD, actor=Actor.PACKER, who=who, station=bench.station, note=reason,
        bench_id=bench.bench_id,
    )  # fmt: skip
    end_session(uow, order.order_id, "held")
    uow.orders.release_claim(order.order_id, bench)
    return order
