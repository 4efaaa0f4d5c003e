"""Repositories: every query the services need, so services never touch SQL or the ORM classes."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import Boolean, Connection, DateTime, Integer, String, Text, bindparam, func, insert, or_, select, update
from sqlalchemy.orm import Session, selectinload

from packstation.adapters.db.models import (
    Mismatch,
    Order,
    OrderChange,
    OrderLine,
    Packer,
    PackSession,
    Parcel,
    Product,
    ProductBarcode,
    ScanEvent,
    StatusChange,
)

OPENABLE_STATUSES = ("new", "packing")

# Queries of every scan, built once: constructing a statement costs more than running it on SQLite.
# They run on the session's connection after an explicit flush, which is what Session.execute would
# do (autoflush) minus the ORM execution layer they do not need (they return plain rows).
_LOOKUP = (
    select(Product.sku, Product.name, ProductBarcode.quantity)
    .join(ProductBarcode, ProductBarcode.product_id == Product.id)
    .where(ProductBarcode.code == bindparam("code"))
)
_BINS = select(Product.sku, Product.bin_location).where(Product.sku.in_(bindparam("skus", expanding=True)))
_OPEN_MISMATCHES = select(func.count(Mismatch.id)).where(
    Mismatch.order_id == bindparam("order_id"), Mismatch.resolved_at.is_(None), Mismatch.voided.is_(False)
)
# The scan path's writes, as plain statements: no ORM objects are loaded or flushed for a scan.
_TOUCH_CLAIM = (
    update(Order)
    .where(Order.id == bindparam("b_order"), Order.status == "packing", Order.claim_station == bindparam("b_station"))
    .values(claim_heartbeat=bindparam("b_now"))
)
_ADD_SCANNED = (
    update(OrderLine)
    .where(OrderLine.id == bindparam("b_line"), OrderLine.scanned == bindparam("b_expected"))
    .values(scanned=OrderLine.scanned + bindparam("b_units"))
)
_INSERT_SCAN = insert(ScanEvent).returning(ScanEvent.id)
# A scan of the open order, stored only while the order is still `packing` at this station:
# the claim check and the insert are one statement (INSERT … SELECT … RETURNING, both databases).
_SCAN_FIELDS = {"at": DateTime, "line_id": Integer, "raw": Text, "code": String, "verdict": String,
                "message_code": String, "quantity": Integer, "station": String, "packer": String}
_GUARDED_SCAN = (
    insert(ScanEvent)
    .from_select(
        ["order_id", *_SCAN_FIELDS, "voided"],
        select(Order.id, *(bindparam(name, type_=kind) for name, kind in _SCAN_FIELDS.items()),
               bindparam("voided", False, type_=Boolean))
        .where(Order.id == bindparam("b_order"), Order.status == "packing", Order.claim_station == bindparam("station")),
    )
    .returning(ScanEvent.id)
)
_INSERT_MISMATCH = insert(Mismatch)


def _rows(target: Session | Connection, statement: Any, params: dict[str, Any]) -> Any:
    """Run a prebuilt statement on a Session (after its autoflush) or on a bare Connection."""
    if isinstance(target, Session):
        target.flush()
        target = target.connection()
    return target.execute(statement, params)


class OrderRepository:
    def __init__(self, session: Session) -> None:
        self.session = session

    def get(self, order_id: int, lock: bool = False) -> Order | None:
        """The order; ``lock`` holds its row until commit (PostgreSQL; SQLite writers are serial anyway)."""
        return self.session.get(Order, order_id, with_for_update=lock or None)

    def by_number(self, number: str) -> Order | None:
        return self.session.scalar(select(Order).where(Order.number == number))

    def by_external(self, source: str, external_id: str) -> Order | None:
        """The order a shop knows by ``external_id``, row-locked: an import must not race a bench."""
        return self.session.scalar(
            select(Order)
            .where(Order.source == source, Order.external_id == external_id)
            .options(selectinload(Order.lines))
            .with_for_update(of=Order)
        )

    def add(self, **fields: Any) -> Order:
        order = Order(**fields)
        self.session.add(order)
        return order

    def new_line(self, **fields: Any) -> OrderLine:
        return OrderLine(**fields)

    def claim(self, order_id: int, station: str, packer: str, now: datetime, stale_before: datetime) -> bool:
        """Take the order for ``station`` by one conditional UPDATE; True if this station now holds it.

        Both databases evaluate the WHERE clause against the latest committed row
        under the write lock, so of two racing stations exactly one matches.
        """
        result = self.session.execute(
            update(Order)
            .where(
                Order.id == order_id,
                Order.status.in_(OPENABLE_STATUSES),
                or_(
                    Order.claim_station.is_(None),
                    Order.claim_station == station,
                    Order.claim_heartbeat < stale_before,
                ),
            )
            .values(claim_station=station, claim_packer=packer, claim_heartbeat=now)
            .execution_options(synchronize_session=False)
        )
        return result.rowcount == 1

    def touch_claim(self, order_id: int, station: str, now: datetime) -> bool:
        """Refresh the claim's heartbeat; False if the order is no longer ``packing`` at ``station``."""
        result = _rows(self.session, _TOUCH_CLAIM, {"b_order": order_id, "b_station": station, "b_now": now})
        return result.rowcount == 1

    def add_scanned(self, line_id: int, units: int, expected: int) -> bool:
        """Count ``units`` on a line whose stored count is still ``expected`` (else False, nothing written)."""
        result = _rows(self.session, _ADD_SCANNED, {"b_line": line_id, "b_units": units, "b_expected": expected})
        return result.rowcount == 1

    def release_claim(self, order_id: int, station: str) -> None:
        self.session.execute(
            update(Order)
            .where(Order.id == order_id, Order.claim_station == station)
            .values(claim_station=None, claim_packer=None, claim_heartbeat=None)
            .execution_options(synchronize_session=False)
        )

    def heartbeat(self, station: str, now: datetime) -> int:
        result = self.session.execute(
            update(Order)
            .where(Order.claim_station == station)
            .values(claim_heartbeat=now)
            .execution_options(synchronize_session=False)
        )
        return result.rowcount

    def claimed_by(self, station: str) -> list[Order]:
        return list(self.session.scalars(select(Order).where(Order.claim_station == station).order_by(Order.id)))

    def next_in_queue(self, now_stale_before: datetime) -> Order | None:
        """The oldest ``new`` order nobody holds (or whose holder went silent)."""
        return self.session.scalar(
            select(Order)
            .where(
                Order.status == "new",
                or_(Order.claim_station.is_(None), Order.claim_heartbeat < now_stale_before),
            )
            .order_by(Order.created_at, Order.id)
            .limit(1)
        )

    def queue(self, status: str | tuple[str, ...] | None = None, text: str = "", limit: int = 500) -> list[tuple]:
        """Rows for the order queue: (number, status, customer, city, units, claim_station, carrier)."""
        units = (
            select(func.coalesce(func.sum(OrderLine.quantity), 0))
            .where(OrderLine.order_id == Order.id)
            .scalar_subquery()
        )
        stmt = select(
            Order.number, Order.status, Order.customer_name, Order.city, units, Order.claim_station, Order.carrier
        )
        if isinstance(status, tuple):
            stmt = stmt.where(Order.status.in_(status))
        elif status:
            stmt = stmt.where(Order.status == status)
        if text:
            like = f"%{text}%"
            stmt = stmt.where(or_(Order.number.ilike(like), Order.customer_name.ilike(like), Order.city.ilike(like)))
        stmt = stmt.order_by(Order.created_at, Order.id).limit(limit)
        return [tuple(row) for row in self.session.execute(stmt)]

    def numbers_among(self, candidates: set[str]) -> set[str]:
        """Those of ``candidates`` that are order numbers."""
        if not candidates:
            return set()
        return set(self.session.scalars(select(Order.number).where(Order.number.in_(candidates))))


class ProductRepository:
    def __init__(self, session: Session) -> None:
        self.session = session

    def lookup(self, code: str) -> tuple[str, str, int] | None:
        """(sku, name, units per scan) for a normalised barcode, or None."""
        row = _rows(self.session, _LOOKUP, {"code": code}).first()
        return (row[0], row[1], row[2]) if row else None

    def by_sku(self, sku: str) -> Product | None:
        return self.session.scalar(
            select(Product).where(Product.sku == sku).options(selectinload(Product.barcodes))
        )

    def by_skus(self, skus: set[str]) -> dict[str, Product]:
        rows = self.session.scalars(
            select(Product).where(Product.sku.in_(skus)).options(selectinload(Product.barcodes))
        )
        return {p.sku: p for p in rows}

    def add(self, **fields: Any) -> Product:
        product = Product(**fields)
        self.session.add(product)
        return product

    def new_barcode(self, **fields: Any) -> ProductBarcode:
        return ProductBarcode(**fields)

    def barcode_owners(self, codes: set[str]) -> dict[str, str]:
        """Normalised barcode -> SKU for those of ``codes`` already stored."""
        rows = self.session.execute(
            select(ProductBarcode.code, Product.sku)
            .join(Product, Product.id == ProductBarcode.product_id)
            .where(ProductBarcode.code.in_(codes))
        )
        return {code: sku for code, sku in rows}

    def first_barcodes(self, skus: set[str]) -> dict[str, str]:
        """SKU -> its first unit barcode as printed (for order views)."""
        rows = self.session.execute(
            select(Product.sku, ProductBarcode.raw)
            .join(ProductBarcode, ProductBarcode.product_id == Product.id)
            .where(Product.sku.in_(skus), ProductBarcode.quantity == 1)
            .order_by(ProductBarcode.id)
        )
        out: dict[str, str] = {}
        for sku, raw in rows:
            out.setdefault(sku, raw)
        return out

    def bins(self, skus: set[str]) -> dict[str, str]:
        return {sku: b for sku, b in _rows(self.session, _BINS, {"skus": list(skus)})}

    def weights(self, skus: set[str]) -> dict[str, Any]:
        return {sku: w for sku, w in self.session.execute(select(Product.sku, Product.weight_kg).where(Product.sku.in_(skus)))}

    def count(self) -> int:
        return self.session.scalar(select(func.count(Product.id))) or 0

    def packer_by_badge(self, badge: str) -> Packer | None:
        return self.session.scalar(select(Packer).where(Packer.badge == badge, Packer.active.is_(True)))

    def packer_badges(self) -> list[tuple[str, str]]:
        """(name, badge) of every active packer, by name."""
        rows = self.session.execute(select(Packer.name, Packer.badge).where(Packer.active.is_(True)).order_by(Packer.name))
        return [(name, badge) for name, badge in rows]

    def add_packer(self, name: str, badge: str) -> Packer:
        packer = Packer(name=name, badge=badge, active=True)
        self.session.add(packer)
        return packer


class JournalRepository:
    """Scan events, mismatches, sessions, parcels, status changes and shop changes."""

    def __init__(self, session: Session) -> None:
        self.session = session

    def _add(self, obj: Any) -> Any:
        self.session.add(obj)
        return obj

    def add_scan(self, **fields: Any) -> ScanEvent:
        return self._add(ScanEvent(**fields))

    def record_scan(self, **fields: Any) -> int:
        """Insert a scan event without the ORM (the hot path); returns its id."""
        return _rows(self.session, _INSERT_SCAN, {"voided": False, **fields}).scalar_one()

    def record_claimed_scan(self, order_id: int, **fields: Any) -> int | None:
        """Store a scan of ``order_id`` if it is still ``packing`` at ``fields['station']``; its id, else None."""
        return _rows(self.session, _GUARDED_SCAN, {"b_order": order_id, "voided": False, **fields}).scalar_one_or_none()

    def record_mismatch(self, **fields: Any) -> None:
        _rows(self.session, _INSERT_MISMATCH, {"voided": False, "resolved_at": None, "resolved_by": None,
                                               "resolution": None, **fields})

    def add_mismatch(self, **fields: Any) -> Mismatch:
        return self._add(Mismatch(**fields))

    def add_status_change(self, **fields: Any) -> StatusChange:
        return self._add(StatusChange(**fields))

    def add_session(self, **fields: Any) -> PackSession:
        return self._add(PackSession(**fields))

    def add_parcel(self, **fields: Any) -> Parcel:
        return self._add(Parcel(**fields))

    def add_order_change(self, **fields: Any) -> OrderChange:
        return self._add(OrderChange(**fields))

    def open_session(self, order_id: int) -> PackSession | None:
        return self.session.scalar(
            select(PackSession)
            .where(PackSession.order_id == order_id, PackSession.ended_at.is_(None))
            .order_by(PackSession.id.desc())
            .limit(1)
        )

    def open_mismatches(self, order_id: int) -> list[Mismatch]:
        return list(
            self.session.scalars(
                select(Mismatch)
                .where(Mismatch.order_id == order_id, Mismatch.resolved_at.is_(None), Mismatch.voided.is_(False))
                .order_by(Mismatch.id)
            )
        )

    def count_open_mismatches(self, order_id: int) -> int:
        return _rows(self.session, _OPEN_MISMATCHES, {"order_id": order_id}).scalar() or 0

    def mismatches(self, order_id: int) -> list[Mismatch]:
        return list(self.session.scalars(select(Mismatch).where(Mismatch.order_id == order_id).order_by(Mismatch.id)))

    def scans(self, order_id: int, limit: int | None = None, include_voided: bool = True) -> list[ScanEvent]:
        stmt = select(ScanEvent).where(ScanEvent.order_id == order_id)
        if not include_voided:
            stmt = stmt.where(ScanEvent.voided.is_(False))
        stmt = stmt.order_by(ScanEvent.id.desc())
        if limit:
            stmt = stmt.limit(limit)
        return list(self.session.scalars(stmt))

    def void_order_activity(self, order_id: int) -> None:
        """Void (never delete) an order's scans and mismatches when it goes back to ``new``."""
        self.session.execute(
            update(ScanEvent).where(ScanEvent.order_id == order_id).values(voided=True)
            .execution_options(synchronize_session=False)
        )
        self.session.execute(
            update(Mismatch).where(Mismatch.order_id == order_id).values(voided=True)
            .execution_options(synchronize_session=False)
        )
        self.session.execute(
            update(OrderLine).where(OrderLine.order_id == order_id).values(scanned=0)
            .execution_options(synchronize_session=False)
        )

    def parcels(self, order_id: int) -> list[Parcel]:
        return list(self.session.scalars(select(Parcel).where(Parcel.order_id == order_id).order_by(Parcel.index)))

    def history(self, order_id: int) -> list[StatusChange]:
        return list(
            self.session.scalars(select(StatusChange).where(StatusChange.order_id == order_id).order_by(StatusChange.id))
        )

    def order_changes(self, order_id: int, only_unacknowledged: bool = False) -> list[OrderChange]:
        stmt = select(OrderChange).where(OrderChange.order_id == order_id)
        if only_unacknowledged:
            stmt = stmt.where(OrderChange.acknowledged.is_(False))
        return list(self.session.scalars(stmt.order_by(OrderChange.id)))
