"""Everything about one order as JSON-ready data: the ``orders show --json`` contract."""

from __future__ import annotations

from typing import Any

from packstation.domain.clock import iso
from packstation.domain.orders import Order
from packstation.services.ports import UnitOfWork


def order_document(uow: UnitOfWork, order: Order) -> dict[str, Any]:
    """The order, its lines, mismatches, scans, parcels, history, print history and shop changes."""
    oid = order.order_id
    jobs = {job.job_id: job for job in uow.print_jobs.for_order(oid)}
    barcodes = uow.products.first_barcodes({line.sku for line in order.lines})
    address = order.address
    return {
        "number": order.number,
        "external_id": order.external_id,
        "source": order.source,
        "status": str(order.status),
        "customer": {"name": order.customer_name, "email": address.email, "phone": address.phone},
        "shipping_address": {
            "street": address.street,
            "postal_code": address.postal_code,
            "city": address.city,
            "country": address.country,
        },
        "carrier": order.carrier,
        "service": order.service,
        "payment": order.payment,
        "cod_amount": None if order.cod_amount is None else f"{order.cod_amount:.2f}",
        "currency": order.currency,
        "notes": order.notes,
        "gift_note": order.gift_note,
        "tracking_number": order.tracking_number or None,
        "claimed_by": order.claim_station,
        "lines": [
            {
                "sku": line.sku,
                "name": line.name,
                "barcode": barcodes.get(line.sku),
                "quantity": line.quantity,
                "scanned": line.scanned,
                "unit_price": None if line.unit_price is None else f"{line.unit_price:.2f}",
                "price_currency": line.currency or None,
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
            for m in uow.journal.mismatches(oid)
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
                "symbology": s.symbology,
                "lot": s.lot,
                "serial": s.serial,
                "expiry": s.expiry.isoformat() if s.expiry else None,
                "parcel": s.parcel,
                "weight_kg": None if s.weight_kg is None else str(s.weight_kg),
            }
            for s in reversed(uow.journal.scans(oid))
        ],
        "parcels": [
            {
                "index": p.index,
                "tracking_number": p.tracking_number,
                "weight_kg": None if p.weight_kg is None else str(p.weight_kg),
                "box": p.box or None,
                "expected_kg": None if p.expected_kg is None else str(p.expected_kg),
                "documents": list(p.documents),
            }
            for p in uow.journal.parcels(oid)
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
            for h in uow.journal.history(oid)
        ],
        "prints": [  # every print job's every state change: finishing, retries, reprints, batches
            {
                "job": e.job_id,
                "kind": str(jobs[e.job_id].kind),
                "reprint_of": jobs[e.job_id].reprint_of,
                "from": e.from_state or None,
                "to": e.to_state,
                "at": iso(e.at),
                "who": e.who,
                "station": e.station,
                "note": e.note,
            }
            for e in uow.print_jobs.events(oid)
        ],
        "changes": [
            {"at": iso(c.at), "summary": c.summary, "acknowledged": c.acknowledged}
            for c in uow.journal.order_changes(oid)
        ],
    }
