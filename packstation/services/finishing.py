"""Finishing an order: documents, printing, tracking number, ``packing -> packed -> shipped``."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path
from typing import Any

from packstation.domain import barcodes
from packstation.domain.clock import utcnow
from packstation.domain.errors import ClaimLost, OrderNotFinishable
from packstation.domain.records import Address, LabelLine, ShipmentDocuments
from packstation.domain.status import Actor, Status
from packstation.services.claims import end_session
from packstation.services.context import DocumentRenderers, Printer, StationConfig, UowFactory
from packstation.services.order_views import pack_state
from packstation.services.status_ops import change_status


def shipment_documents(uow: Any, order: Any, config: StationConfig, tracking: str) -> ShipmentDocuments:
    """Everything the label and slip print, taken from the stored order."""
    skus = {line.sku for line in order.lines}
    bins, weights = uow.products.bins(skus), uow.products.weights(skus)
    total = sum(
        (Decimal(weights[line.sku]) * line.quantity for line in order.lines if weights.get(line.sku)), Decimal("0")
    )
    return ShipmentDocuments(
        order_number=order.number,
        tracking_number=tracking,
        carrier=order.carrier,
        service=order.service,
        recipient=Address(
            order.customer_name, order.street, order.postal_code, order.city, order.country, order.phone, order.email
        ),
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
    config: StationConfig,
    who: str,
    renderers: DocumentRenderers,
    printer: Printer,
) -> dict[str, object]:
    """Finish the open order; returns the banner's parameters.

    The status only changes after the printer has accepted both documents, so a
    failed print leaves the order open for another try. The SSCC is derived from
    the order id, so a retry prints the same tracking number.
    """
    with uow_factory() as uow:
        order = _held(uow, order_id, config.station)
        state = pack_state(uow, order)
        if not state.finishable:
            missing = state.units_required - state.units_scanned
            raise OrderNotFinishable(
                f"order {order.number} is not complete",
                number=order.number,
                missing=missing,
                open_mismatches=state.open_mismatches,
            )
        tracking = order.tracking_number or barcodes.sscc18(config.gs1_company_prefix, order.id)
        docs = shipment_documents(uow, order, config, tracking)
    label = renderers.shipping_label(docs)
    slip = renderers.packing_slip(docs)
    archived = _archive(config.documents_dir, docs.order_number, {"label": label, "slip": slip})
    printer.print_document(docs.order_number, label, "label")
    printer.print_document(docs.order_number, slip, "slip")
    with uow_factory() as uow:
        order = _held(uow, order_id, config.station)  # again: the shop may have cancelled while printing
        change_status(uow, order, Status.PACKED, actor=Actor.PACKER, who=who, station=config.station)
        order.tracking_number = tracking
        uow.journal.add_parcel(
            order_id=order.id,
            index=1,
            tracking_number=tracking,
            weight_kg=docs.weight_kg,
            documents=json.dumps([str(p) for p in archived]),
            created_at=utcnow(),
        )
        change_status(
            uow,
            order,
            Status.SHIPPED,
            actor=Actor.SYSTEM,
            who=who,
            station=config.station,
            note=f"{order.carrier} {tracking}".strip(),
        )
        end_session(uow, order.id, "shipped")
        uow.orders.release_claim(order.id, config.station)
        uow.commit()
    return {"number": docs.order_number, "tracking": tracking, "printer": printer.name}


def _held(uow: Any, order_id: int, station: str) -> Any:
    """The order, row-locked, if ``station`` still holds it in ``packing``; else ClaimLost."""
    order = uow.orders.get(order_id, lock=True)
    if order.status != Status.PACKING or order.claim_station != station:
        raise ClaimLost(f"order {order.number} is {order.status}, no longer held by {station}")
    return order


def _archive(folder: Path, number: str, documents: dict[str, bytes]) -> list[Path]:
    """Keep a copy of every printed document, so a supervisor can reprint it later."""
    target = folder / _safe(number)
    target.mkdir(parents=True, exist_ok=True)
    paths = []
    for kind, data in documents.items():
        path = target / f"{_safe(number)}-{kind}.pdf"
        tmp = path.with_suffix(".tmp")
        tmp.write_bytes(data)
        tmp.replace(path)
        paths.append(path)
    return paths


def _safe(name: str) -> str:
    return "".join(ch if ch.isalnum() or ch in "-_." else "_" for ch in name)


def hold(uow: Any, order: Any, station: str, who: str, reason: str) -> None:
    """``packing -> on_hold``: the order waits for a supervisor, counted units stay counted."""
    change_status(uow, order, Status.ON_HOLD, actor=Actor.PACKER, who=who, station=station, note=reason)
    end_session(uow, order.id, "held")
    uow.orders.release_claim(order.id, station)


def queue_candidates(uow_factory: UowFactory, limit: int = 5) -> list[str]:
    """The oldest ``new`` orders. A ``new`` order holds no claim (claiming makes it ``packing``
    in the same transaction), and a station that loses a race is refused by the claim itself."""
    with uow_factory() as uow:
        return [row[0] for row in uow.orders.queue(status="new", limit=limit)]
