"""Finishing an order: documents, printing, tracking number, ``packing -> packed -> shipped``."""

from __future__ import annotations

import logging
from decimal import Decimal
from pathlib import Path

from packstation.config import Config
from packstation.domain import barcodes
from packstation.domain.benches import BenchIdentity
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
    a = order.address
    return ShipmentDocuments(
        order_number=order.number,
        tracking_number=tracking,
        carrier=order.carrier,
        service=order.service,
        recipient=Address(order.customer_name, a.street, a.postal_code, a.city, a.country, a.phone, a.email),
        sender=config.sender,
        lines=tuple(LabelLine(line.sku, line.name, line.quantity, bins.get(line.sku) or "") for line in order.lines),
        cod_amount=order.cod_amount if order.payment == "cod" else None,
        currency=order.currency,
        weight_kg=total or None,
        notes=order.notes,
        slip_barcode=barcodes.slip_barcode(order.number),
        created=utcnow().date().isoformat(),
    )


def finish_order(
    uow_factory: UowFactory,
    order_id: int,
    config: Config,
    bench: BenchIdentity,
    who: str,
    documents: Documents,
    printer: Printer,
) -> dict[str, str]:
    """Finish the open order; returns the banner's parameters.

    The status only changes after the printer has accepted both documents, so a
    failed print leaves the order open for another try. The SSCC is derived from
    the order id, so a retry prints the same tracking number.
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
    label = documents.shipping_label(docs)
    slip = documents.packing_slip(docs)
    archived = _archive(config.documents_dir, docs.order_number, {"label": label, "slip": slip})
    for kind, data in (("label", label), ("slip", slip)):
        where = printer.print_document(docs.order_number, data, kind)
        log.info("printed order=%s kind=%s printer=%s to=%s", docs.order_number, kind, printer.name, where)
    with uow_factory() as uow:
        order = held(uow, order_id, bench)  # again: the shop may have cancelled while printing
        audit = {"who": who, "station": bench.station, "bench_id": bench.bench_id}
        order = change_status(uow, order, Status.PACKED, actor=Actor.PACKER, **audit)
        uow.orders.set_tracking(order.order_id, tracking)
        uow.journal.add_parcel(
            ParcelRecord(order.order_id, 1, tracking, docs.weight_kg, tuple(str(p) for p in archived), utcnow())
        )
        note = f"{order.carrier} {tracking}".strip()
        change_status(uow, order, Status.SHIPPED, actor=Actor.SYSTEM, note=note, **audit)
        end_session(uow, order.order_id, "shipped")
        uow.orders.release_claim(order.order_id, bench)
        uow.commit()
    return {"number": docs.order_number, "tracking": tracking, "printer": printer.name}


def _archive(folder: Path, number: str, documents: dict[str, bytes]) -> list[Path]:
    """Keep a copy of every printed document, so a supervisor can reprint it later."""
    name = safe_file_name(number)
    target = folder / name
    target.mkdir(parents=True, exist_ok=True)
    paths = []
    for kind, data in documents.items():
        path = target / f"{name}-{kind}.pdf"
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
