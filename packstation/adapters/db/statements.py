"""Statements of the hot paths, built once at import: on SQLite, building one costs more than running it.

The three statements of a product scan (LOOKUP, GUARDED_SCAN, ADD_SCANNED) also come as
DriverStatement objects (the ``*_ON_DRIVER`` names): the same SQL, run on the driver's cursor
inside the unit of work's transaction, without SQLAlchemy's per-statement overhead.
"""

from __future__ import annotations

from sqlalchemy import Boolean, Date, DateTime, Integer, Numeric, String, Text, bindparam, func, insert, select, update
from sqlalchemy.dialects import postgresql, sqlite

from packstation.adapters.db.driver_sql import DriverStatement
from packstation.adapters.db.models import Mismatch, Order, OrderLine, Product, ProductBarcode, ScanEvent, UnitSerial
from packstation.domain.status import OPENABLE, Status

LOOKUP = (
    select(Product.sku, Product.name, ProductBarcode.quantity, Product.tracking)
    .join(ProductBarcode, ProductBarcode.product_id == Product.id)
    .where(ProductBarcode.code == bindparam("code"))
)
BINS = select(Product.sku, Product.bin_location).where(Product.sku.in_(bindparam("skus", expanding=True)))
OPEN_MISMATCHES = select(func.count(Mismatch.id)).where(
    Mismatch.order_id == bindparam("order_id"), Mismatch.resolved_at.is_(None), Mismatch.voided.is_(False)
)
ADD_SCANNED = (
    update(OrderLine)
    .where(OrderLine.id == bindparam("b_line"), OrderLine.scanned == bindparam("b_expected"))
    .values(scanned=OrderLine.scanned + bindparam("b_units"))
)
# A scan of the open order, stored only while the order is still `packing` at this station:
# the claim check (this bench's id and name) and the insert are one statement
# (INSERT … SELECT … RETURNING, both databases).
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
    "symbology": String,
    "gtin": String,
    "lot": String,
    "serial": String,
    "expiry": Date,
    "parcel": Integer,
    "weight_kg": Numeric,
    "manual": Boolean,
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
            Order.id == bindparam("b_order"),
            Order.status == Status.PACKING.value,
            Order.claim_bench == bindparam("b_bench"),
            Order.claim_station == bindparam("b_station"),
        ),
    )
    .returning(ScanEvent.id)
)
INSERT_MISMATCH = insert(Mismatch).returning(Mismatch.id)

LOOKUP_ON_DRIVER = DriverStatement(LOOKUP)
GUARDED_SCAN_ON_DRIVER = DriverStatement(GUARDED_SCAN)
ADD_SCANNED_ON_DRIVER = DriverStatement(ADD_SCANNED)
OPENABLE_VALUES = tuple(status.value for status in OPENABLE)
# Serialised units: who holds a GTIN + serial, and taking one (the UNIQUE constraint decides; ON CONFLICT
# keeps a PostgreSQL transaction usable where a failed INSERT would abort it).
SERIAL_OWNER = (
    select(Order.number)
    .join(UnitSerial, UnitSerial.order_id == Order.id)
    .where(UnitSerial.gtin == bindparam("gtin"), UnitSerial.serial == bindparam("serial"))
)
RESERVE_SERIAL = {
    name: dialect.insert(UnitSerial).on_conflict_do_nothing(index_elements=["gtin", "serial"]).returning(UnitSerial.id)
    for name, dialect in (("sqlite", sqlite), ("postgresql", postgresql))
}
