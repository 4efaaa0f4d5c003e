"""Finishing an order: one transaction checks it, assigns the tracking number, packs it and queues its documents.

F12 commits ``packing -> packed`` with the tracking number, the parcel and the print jobs
(label and slip, documents included) in one transaction; the print queue then sends them,
and the order becomes ``shipped`` in the transaction that records its label printed
(``print_queue.printed``). So a crash anywhere leaves either an order still packing with
nothing printed, or a packed order whose queued label is sent exactly once.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass, replace
from decimal import Decimal
from pathlib import Path

from packstation.config import Config
from packstation.domain import barcodes
from packstation.domain.benches import BenchIdentity
from packstation.domain.clock import utcnow
from packstation.domain.errors import DomainError
from packstation.domain.journal import ParcelRecord
from packstation.domain.orders import Order
from packstation.domain.printing import DocFormat, DocKind, NewPrintJob, target_accepts, target_format
from packstation.domain.records import Address, CarrierLabel, LabelLine, ShipmentDocuments
from packstation.domain.reports import FinishedOrder, packing_seconds
from packstation.domain.status import Actor, Status
from packstation.paths import safe_file_name
from packstation.services.bench.snapshots import finishable_state
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
    # A partial shipment a supervisor approved ships without its missing units: the slip says so.
    total = sum(
        (weights[line.sku] * (line.quantity - line.missing) for line in order.lines if weights.get(line.sku)),
        Decimal("0"),
    )
    tracked = _lots_and_serials(uow, order)
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
                line.sku,
                line.name,
                line.quantity - line.missing,
                bins.get(line.sku) or "",
                line.unit_price,
                lots=tracked.get(line.line_id, ((), ()))[0],
                serials=tracked.get(line.line_id, ((), ()))[1],
                missing=line.missing,
                currency=line.currency,
            )
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
    """One order's label for the ``target`` printer: the carrier's own, as it is, when the order came with
    one; else Packstation's, rendered for that printer."""
    carrier = uow.carrier_labels.get(order.order_id)
    data = render_labels(documents, [carrier or docs], target, dpi)
    return (DocFormat(carrier.format) if carrier else target_format(target)), data


@dataclass(frozen=True)
class Finished:
    """A packed order and the jobs that will print its documents."""

    number: str
    tracking: str
    label_job: int
    slip_job: int
    parcels: int = 1


def check_carrier_label(label: CarrierLabel | None, target: str, number: str = "") -> None:
    """Refuse (``print.carrier_label_format``) a carrier's label the ``target`` printer cannot take as it is."""
    if label is not None and not target_accepts(target, DocFormat(label.format)):
        raise DomainError(
            f"the carrier label of {number or 'the order'} is {label.format}; printer {target} takes "
            f"{target_format(target)}",
            code="print.carrier_label_format", number=number, format=label.format.upper(), printer=target,
        )  # fmt: skip


def preflight(uow_factory: UowFactory, order_id: int, config: Config) -> None:
    """What would stop finishing at the printer, checked before anything is closed or packed."""
    with uow_factory(readonly=True) as uow:
        label = uow.carrier_labels.get(order_id)
        if label is not None:
            check_carrier_label(label, config.printer_target("label"), uow.orders.get(order_id).number)


def render_labels(
    documents: Documents, items: Sequence[ShipmentDocuments | CarrierLabel], target: str, dpi: int
) -> bytes:
    """Labels as one print job, in order: ZPL formats one after another, or a PDF with a page each.

    Packstation's labels are rendered for the printer; a carrier's own goes in as it is, never
    converted, so a printer that cannot take its format refuses (``print.carrier_label_format``)
    before anything is packed or printed.
    """
    fmt = target_format(target)
    for item in items:
        if isinstance(item, CarrierLabel):
            check_carrier_label(item, target)
    if len(items) == 1:
        only = items[0]
        return only.document if isinstance(only, CarrierLabel) else render_label(documents, only, target, dpi)[1]
    if fmt is DocFormat.ZPL:
        return b"".join(i.document if isinstance(i, CarrierLabel) else render_label(documents, i, target, dpi)[1]
                        for i in items)  # fmt: skip
    if documents.label_batch is None:
        raise DomainError("no batch renderer", code="printer.not_configured")
    return documents.label_batch([i.document if isinstance(i, CarrierLabel) else i for i in items], dpi)


def finish_order(
    uow_factory: UowFactory, order_id: int, config: Config, bench: BenchIdentity, who: str, documents: Documents
) -> Finished:
    """Check the open order is complete, pack it and queue its labels and slip (one transaction).

    Every parcel gets its own label ("x of n", its own tracking number and weight); the labels of
    one order are one print job, so they come out together and exactly once. The SSCCs are
    derived from the order id, so a retry or a reprint carries the same numbers.
    """
    with uow_factory() as uow:
        order = held(uow, order_id, bench)
        finishable_state(uow, order)
        finished = pack_and_queue(uow, order, config, bench, who, documents)
        uow.commit()
    return finished


def pack_and_queue(
    uow: UnitOfWork,
    order: Order,
    config: Config,
    bench: BenchIdentity,
    who: str,
    documents: Documents,
    *,
    actor: Actor = Actor.PACKER,
    note: str = "",
) -> Finished:
    """Inside ``uow`` (the caller commits): the tracking number, ``-> packed``, the parcels and the queued
    label and slip. A supervisor's partial shipment packs a held order the same way (``actor``, ``note``)."""
    tracking = barcodes.tracking_number(order.tracking_number, config.gs1_company_prefix, order.sscc_serial)
    docs = shipment_documents(uow, order, config, tracking)
    parcels = _parcel_documents(uow.journal.parcels(order.order_id), docs, order, config)
    label_target, slip_target = config.printer_target("label"), config.printer_target("slip")
    carrier = uow.carrier_labels.get(order.order_id)
    items: list[ShipmentDocuments | CarrierLabel] = [carrier] if carrier else list(parcels.values())
    label = render_labels(documents, items, label_target, config.label_dpi)
    label_format = DocFormat(carrier.format) if carrier else target_format(label_target)
    slip = documents.packing_slip(docs)
    archived = archive(config.documents_dir, order.number, {f"label.{label_format}": label, "slip.pdf": slip})
    if order.status is Status.PACKING:  # a packer's finish: the packer statistics' facts (domain.reports)
        now = utcnow()
        history = [(c.from_status, c.to_status, c.at) for c in uow.journal.history(order.order_id)]
        units = sum(min(line.scanned, line.quantity) for line in order.lines)
        packed = FinishedOrder(order.order_id, now, who, bench.station, units, packing_seconds(history, now))
        uow.journal.add_packed(packed)
    order = change_status(
        uow, order, Status.PACKED, actor=actor, who=who, station=bench.station, note=note, bench_id=bench.bench_id
    )
    uow.orders.set_tracking(order.order_id, tracking)
    _record_parcels(uow, order.order_id, parcels, tuple(str(p) for p in archived))
    now = utcnow()
    jobs = [
        NewPrintJob(order.order_id, 1, DocKind.LABEL, label_format, label_target, label, who, bench.station, now,
                    archive_path=str(archived[0])),
        NewPrintJob(order.order_id, 1, DocKind.SLIP, DocFormat.PDF, slip_target, slip, who, bench.station, now,
                    archive_path=str(archived[1])),
    ]  # fmt: skip
    label_job, slip_job = (enqueue(uow, job, "finished") for job in jobs)
    log.info("packed order=%s tracking=%s parcels=%s label_job=%s slip_job=%s", order.number, tracking, len(parcels),
             label_job, slip_job)  # fmt: skip
    return Finished(order.number, tracking, label_job, slip_job, len(parcels))


def _parcel_documents(
    closed: tuple[ParcelRecord, ...], docs: ShipmentDocuments, order: Order, config: Config
) -> dict[int, ShipmentDocuments]:
    """Parcel index -> its label's documents ("x of n", its own tracking number and weight).

    An order finished without closed parcels ships as one parcel under the order's tracking number.
    """
    if len(closed) <= 1:
        weight = closed[0].weight_kg if closed and closed[0].weight_kg is not None else docs.weight_kg
        return {1: replace(docs, weight_kg=weight)}
    return {
        p.index: replace(
            docs,
            tracking_number=barcodes.parcel_tracking_number(
                order.tracking_number, config.gs1_company_prefix, order.sscc_serial, p.index
            ),
            parcel_index=p.index,
            parcel_count=len(closed),
            weight_kg=p.weight_kg,
        )
        for p in closed
    }


def _record_parcels(
    uow: UnitOfWork, order_id: int, parcels: dict[int, ShipmentDocuments], files: tuple[str, ...]
) -> None:
    """Each parcel's tracking number and documents (a parcel closed at the bench is updated)."""
    closed = {p.index for p in uow.journal.parcels(order_id)}
    for index, doc in parcels.items():
        if index in closed:
            uow.journal.ship_parcel(order_id, index, doc.tracking_number, files)
        else:
            uow.journal.add_parcel(ParcelRecord(order_id, index, doc.tracking_number, doc.weight_kg, files, utcnow()))


def _lots_and_serials(uow: UnitOfWork, order: Order) -> dict[int, tuple[tuple[str, ...], tuple[str, ...]]]:
    """Line id -> (lots, serials) of the units packed on it, for the packing slip."""
    found: dict[int, tuple[list[str], list[str]]] = {}
    for scan in reversed(uow.journal.scans(order.order_id, include_voided=False)):
        if scan.verdict != "accepted" or scan.line_id is None or not (scan.lot or scan.serial):
            continue
        lots, serials = found.setdefault(scan.line_id, ([], []))
        if scan.lot and scan.lot not in lots:
            lots.append(scan.lot)
        if scan.serial:
            serials.append(scan.serial)
    return {line_id: (tuple(lots), tuple(serials)) for line_id, (lots, serials) in found.items()}


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
