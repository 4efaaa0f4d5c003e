"""Finishing an order: documents, printing, tracking number, ``packing -> packed -> shipped``."""

from __future__ import annotations

import logging
from dataclasses import replace
from decimal import Decimal
from pathlib import Path

from packstation.config import Config
from packstation.domain import barcodes
from packstation.domain.clock import utcnow
from packstation.domain.errors import OrderNotFinishable
from packstation.domain.journal import ParcelRecord
from packstation.domain.orders import Order
from packstation.domain.records import Address, LabelLine, ShipmentDocuments
from packstation.domain.status import Actor, Status
from packstation.paths import safe_file_name
from packstation.services.bench.snapshots import pack_state
from packstation.services.claims import end_session, held
from packstation.services.ports import Documents, Printer, UnitOfWork, UowFactory
from packstation.services.status_ops import change_status

log = logging.getLogger(__name__)


def shipment_documents(uow: UnitOfWork, order: Order, config: Config, tracking: str) -> ShipmentDocuments:
    """Everything the label and slip print, taken from the stored order."""
    skus = {line.sku for line in order.lines}
    bins, weights = uow.products.bins(skus), uow.products.weights(skus)
    total = sum((weights[line.sku] * line.quantity for line in order.lines if weights.get(line.sku)), Decimal("0"))
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
                line.sku, line.name, line.quantity, bins.get(line.sku) or "", *tracked.get(line.line_id, ((), ()))
            )
            for line in order.lines
        ),
        cod_amount=order.cod_amount if order.payment == "cod" else None,
        currency=order.currency,
        weight_kg=total or None,
        notes=order.notes,
        slip_barcode=barcodes.slip_barcode(order.number),
        created=utcnow().date().isoformat(),
    )


def finish_order(
    uow_factory: UowFactory, order_id: int, config: Config, who: str, documents: Documents, printer: Printer
) -> dict[str, str | int]:
    """Finish the open order; returns the banner's parameters.

    The status only changes after the printer has accepted both documents, so a
    failed print leaves the order open for another try. The SSCC is derived from
    the order id, so a retry prints the same tracking number.
    """
    with uow_factory() as uow:
        order = held(uow, order_id, config.station)
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
        parcels = _parcel_documents(uow.journal.parcels(order.order_id), docs, order, config)
    labels = {kind: documents.shipping_label(parcel) for kind, parcel in parcels.items()}
    slip = documents.packing_slip(docs)
    archived = _archive(config.documents_dir, docs.order_number, {**labels, "slip": slip})
    for kind, data in (*labels.items(), ("slip", slip)):
        where = printer.print_document(docs.order_number, data, kind.split("-")[0])
        log.info("printed order=%s kind=%s printer=%s to=%s", docs.order_number, kind, printer.name, where)
    with uow_factory() as uow:
        order = held(uow, order_id, config.station)  # again: the shop may have cancelled while printing
        order = change_status(uow, order, Status.PACKED, actor=Actor.PACKER, who=who, station=config.station)
        uow.orders.set_tracking(order.order_id, tracking)
        _record_parcels(uow, order.order_id, parcels, archived)
        note = f"{order.carrier} {tracking}".strip()
        change_status(uow, order, Status.SHIPPED, actor=Actor.SYSTEM, who=who, station=config.station, note=note)
        end_session(uow, order.order_id, "shipped")
        uow.orders.release_claim(order.order_id, config.station)
        uow.commit()
    return {"number": docs.order_number, "tracking": tracking, "printer": printer.name, "parcels": len(parcels)}


def _parcel_documents(
    closed: tuple[ParcelRecord, ...], docs: ShipmentDocuments, order: Order, config: Config
) -> dict[str, ShipmentDocuments]:
    """One label per closed parcel ("x of n", its own tracking number and weight), keyed ``label`` for a
    single parcel (as before parcels existed) or ``label-1``, ``label-2``… An order finished without
    closed parcels ships as one parcel."""
    if len(closed) <= 1:
        weight = closed[0].weight_kg if closed and closed[0].weight_kg is not None else docs.weight_kg
        return {"label": replace(docs, weight_kg=weight)}
    return {
        f"label-{p.index}": replace(
            docs,
            tracking_number=barcodes.parcel_tracking_number(
                order.tracking_number, config.gs1_company_prefix, order.order_id, p.index
            ),
            parcel_index=p.index,
            parcel_count=len(closed),
            weight_kg=p.weight_kg,
        )
        for p in closed
    }


def _record_parcels(
    uow: UnitOfWork, order_id: int, parcels: dict[str, ShipmentDocuments], archived: dict[str, Path]
) -> None:
    """Each parcel's tracking number and printed documents (a parcel closed at the bench is updated)."""
    closed = {p.index for p in uow.journal.parcels(order_id)}
    for kind, doc in parcels.items():
        files = (str(archived[kind]), str(archived["slip"]))
        if doc.parcel_index in closed:
            uow.journal.ship_parcel(order_id, doc.parcel_index, doc.tracking_number, files)
        else:
            uow.journal.add_parcel(ParcelRecord(order_id, 1, doc.tracking_number, doc.weight_kg, files, utcnow()))


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


def _archive(folder: Path, number: str, documents: dict[str, bytes]) -> dict[str, Path]:
    """Keep a copy of every printed document, so a supervisor can reprint it later."""
    name = safe_file_name(number)
    target = folder / name
    target.mkdir(parents=True, exist_ok=True)
    paths = {}
    for kind, data in documents.items():
        path = target / f"{name}-{kind}.pdf"
        tmp = path.with_suffix(".tmp")
        tmp.write_bytes(data)
        tmp.replace(path)
        paths[kind] = path
    return paths


def hold(uow: UnitOfWork, order: Order, station: str, who: str, reason: str) -> Order:
    """``packing -> on_hold``: the order waits for a supervisor, counted units stay counted."""
    order = change_status(uow, order, Status.ON_HOLD, actor=Actor.PACKER, who=who, station=station, note=reason)
    end_session(uow, order.order_id, "held")
    uow.orders.release_claim(order.order_id, station)
    return order
