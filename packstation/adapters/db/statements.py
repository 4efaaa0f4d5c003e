"""Statements built once at import: on SQLite, building a statement costs more than running it."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Boolean, Connection, DateTime, Integer, String, Text, bindparam, func, insert, select, update
from sqlalchemy.orm import Session

from packstation.adapters.db.models import Mismatch, Order, OrderLine, Product, ProductBarcode, ScanEvent

OPENABLE_STATUSES = ("new", "packing")

# Queries of every scan, built once: constructing a statement costs more than running it on SQLite.
# They run on the session's connection after an explicit flush, which is what Session.execute would
# do (autoflush) minus the ORM execution layer they do not need (they return plain rows).
LOOKUP = (
    select(Product.sku, Product.name, ProductBarcode.quantity)
    .join(ProductBarcode, ProductBarcode.product_id == Product.id)
    .where(ProductBarcode.code == bindparam("code"))
)
BINS = select(Product.sku, Product.bin_location).where(Product.sku.in_(bindparam("skus", expanding=True)))
OPEN_MISMATCHES = select(func.count(Mismatch.id)).where(
    Mismatch.order_id == bindparam("order_id"), Mismatch.resolved_at.is_(None), Mismatch.voided.is_(False)
)
# The scan path's writes, as plain statements: no ORM objects are loaded or flushed for a scan.
ADD_SCANNED = (
    update(OrderLine)
    .where(OrderLine.id == bindparam("b_line"), OrderLine.scanned == bindparam("b_expected"))
    .values(scanned=OrderLine.scanned + bindparam("b_units"))
)
# A scan of the open order, stored only while the order is still `packing` at this station:
# the claim check and the insert are one statement (INSERT … SELECT … RETURNING, both databases).
SCAN_FIELDS = {
    "at": DateTime,
    "line_id": Integer,
    "raw": Text,
    "code": String,
    "verdict": String,
    "message_code": String,
    "quantity": Integer,
    "station": String,
    "packer": String,
}
GUARDED_SCAN = (
    insert(ScanEvent)
    .from_select(
        ["order_id", *SCAN_FIELDS, "voided"],
        select(
            Order.id,
            *(bindparam(name, type_=kind) for name, kind in SCAN_FIELDS.items()),
            bindparam("voided", False, type_=Boolean),
        ).where(
            Order.id == bindparam("b_order"), Order.status == "packing", Order.claim_station == bindparam("station")
        ),
    )
    .returning(ScanEvent.id)
)
INSERT_MISMATCH = insert(Mismatch)


def run(target: Session | Connection, statement: Any, params: dict[str, Any]) -> Any:
    """Run a prebuilt statement on a Session (after its autoflush) or on a bare Connection."""
    if isinstance(target, Session):
        target.flush()
        target = target.connection()
    return target.execute(statement, params)
