"""Read models: what the bench shows of an order, and the JSON ``orders show`` prints."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from packstation.domain.clock import iso
from packstation.domain.verification import PackLine, PackState


@dataclass(frozen=True)
class ScanLine:
    at: str
    raw: str
    verdict: str
    message_code: str


@dataclass
class OrderView:
    """A snapshot of the open order for the window; never a live ORM object."""

    number: str
    status: str
    customer_name: str
    city: str
    carrier: str
    service: str
    payment: str
    cod_amount: str | None
    currency: str
    notes: str
    state: PackState
    recent: list[ScanLine] = field(default_factory=list)
    changes: list[str] = field(default_factory=list)

    @property
    def lines(self) -> list[PackLine]:
        return self.state.lines


def pack_state(uow: Any, order: Any) -> PackState:
    """The verification engine's view of an order, counts as stored."""
    bins = uow.products.bins({line.sku for line in order.lines})
    lines = [
        PackLine(line.id, line.sku, line.name, line.quantity, line.scanned, bins.get(line.sku, "") or "")
        for line in order.lines
    ]
    return PackState(order.number, lines, uow.journal.count_open_mismatches(order.id))


def order_view(uow: Any, order: Any, recent: int = 8) -> OrderView:
    scans = [
        ScanLine(iso(s.at) or "", s.raw, s.verdict, s.message_code)
        for s in uow.journal.scans(order.id, limit=recent, include_voided=False)
    ]
    changes = [c.summary for c in uow.journal.order_changes(order.id, only_unacknowledged=True)]
    return OrderView(
        number=order.number,
        status=order.status,
        customer_name=order.customer_name,
        city=order.city,
        carrier=order.carrier,
        service=order.service,
        payment=order.payment,
        cod_amount=None if order.cod_amount is None else f"{order.cod_amount:.2f}",
        currency=order.currency,
        notes=order.notes,
        state=pack_state(uow, order),
        recent=scans,
        changes=changes,
    )


def order_document(uow: Any, order: Any) -> dict[str, Any]:
    """Everything about one order as a JSON-ready dict (the ``orders show --json`` contract)."""
    skus = {line.sku for line in order.lines}
    barcodes = uow.products.first_barcodes(skus)
    return {
        "number": order.number,
        "external_id": order.external_id,
        "source": order.source,
        "status": order.status,
        "customer": {"name": order.customer_name, "email": order.email, "phone": order.phone},
        "shipping_address": {
            "street": order.street,
            "postal_code": order.postal_code,
            "city": order.city,
            "country": order.country,
        },
        "carrier": order.carrier,
        "service": order.service,
        "payment": order.payment,
        "cod_amount": None if order.cod_amount is None else f"{order.cod_amount:.2f}",
        "currency": order.currency,
        "notes": order.notes,
        "tracking_number": order.tracking_number or None,
        "claimed_by": order.claim_station,
        "lines": [
            {
                "sku": line.sku,
                "name": line.name,
                "barcode": barcodes.get(line.sku),
                "quantity": line.quantity,
                "scanned": line.scanned,
            }
            for line in order.lines
        ],
        "mismatches": [
            {
                "kind": m.kind,
                "code": m.code,
                "sku": m.sku or None,
                "at": iso(m.created_at),
                "station": m.station,
                "packer": m.packer,
                "resolved": m.resolved_at is not None,
                "resolved_at": iso(m.resolved_at),
                "resolved_by": m.resolved_by,
                "resolution": m.resolution,
                "voided": m.voided,
            }
            for m in uow.journal.mismatches(order.id)
        ],
        "scans": [
            {
                "at": iso(s.at),
                "raw": s.raw,
                "code": s.code,
                "verdict": s.verdict,
                "quantity": s.quantity,
                "station": s.station,
                "packer": s.packer,
                "voided": s.voided,
            }
            for s in reversed(uow.journal.scans(order.id))
        ],
        "parcels": [
            {
                "index": p.index,
                "tracking_number": p.tracking_number,
                "weight_kg": None if p.weight_kg is None else str(p.weight_kg),
                "documents": json.loads(p.documents or "[]"),
            }
            for p in uow.journal.parcels(order.id)
        ],
        "history": [
            {
                "from": h.from_status,
                "to": h.to_status,
                "at": iso(h.at),
                "actor": h.actor,
                "who": h.who,
                "station": h.station,
                "note": h.note,
            }
            for h in uow.journal.history(order.id)
        ],
        "changes": [
            {"at": iso(c.at), "summary": c.summary, "acknowledged": c.acknowledged}
            for c in uow.journal.order_changes(order.id)
        ],
    }
