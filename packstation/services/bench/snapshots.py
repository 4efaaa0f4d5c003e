"""Read models of the bench: the verification engine's state and the snapshot the screen draws."""

from __future__ import annotations

from packstation.domain.clock import iso
from packstation.domain.errors import OrderNotFinishable
from packstation.domain.orders import Order
from packstation.domain.verification import PackLine, PackState
from packstation.services.bench.outcome import OrderSnapshot, ScanLine
from packstation.services.parcels import parcel_state
from packstation.services.ports import UnitOfWork

RECENT_SCANS = 8  # lines in the bench's recent-scans list


def pack_state(uow: UnitOfWork, order: Order) -> PackState:
    """The verification engine's view of an order, counts as stored."""
    bins = uow.products.bins({line.sku for line in order.lines})
    lines = tuple(
        PackLine(line.line_id, line.sku, line.name, line.quantity, line.scanned, bins.get(line.sku, "") or "")
        for line in order.lines
    )
    return PackState(order.number, lines, uow.journal.count_open_mismatches(order.order_id))


def finishable_state(uow: UnitOfWork, order: Order) -> PackState:
    """The order's pack state if it may finish (every unit in, no wrong unit left); else ``OrderNotFinishable``."""
    state = pack_state(uow, order)
    if not state.finishable:
        raise OrderNotFinishable(
            f"order {order.number} is not complete",
            number=order.number,
            missing=state.units_required - state.units_scanned,
            open_mismatches=state.open_mismatches,
        )
    return state


def order_snapshot(uow: UnitOfWork, order: Order) -> OrderSnapshot:
    """The open order as the screen shows it, read from storage."""
    recent = tuple(
        ScanLine(iso(s.at) or "", s.raw, s.verdict, s.message_code, s.lot or "", s.serial or "")
        for s in uow.journal.scans(order.order_id, limit=RECENT_SCANS, include_voided=False)
    )
    changes = tuple(c.summary for c in uow.journal.order_changes(order.order_id, only_unacknowledged=True))
    parcel = parcel_state(uow, order)
    return OrderSnapshot(
        order_id=order.order_id,
        number=order.number,
        status=str(order.status),
        customer_name=order.customer_name,
        city=order.address.city,
        carrier=order.carrier,
        service=order.service,
        payment=order.payment,
        cod_amount=None if order.cod_amount is None else f"{order.cod_amount:.2f}",
        currency=order.currency,
        notes=order.notes,
        state=pack_state(uow, order),
        recent=recent,
        changes=changes,
        parcel=parcel.index,
        box=parcel.box,
    )
