"""Repositories for orders and products: every query the services need, so services never touch SQL."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import func, or_, select, update
from sqlalchemy.orm import Session, selectinload

from packstation.adapters.db import statements
from packstation.adapters.db.journal_repository import JournalRepository
from packstation.adapters.db.models import Order, OrderLine, Packer, Product, ProductBarcode
from packstation.adapters.db.statements import OPENABLE_STATUSES

__all__ = ["JournalRepository", "OrderRepository", "ProductRepository", "OPENABLE_STATUSES"]


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

    def add_scanned(self, line_id: int, units: int, expected: int) -> bool:
        """Count ``units`` on a line whose stored count is still ``expected`` (else False, nothing written)."""
        result = statements.run(
            self.session, statements.ADD_SCANNED, {"b_line": line_id, "b_units": units, "b_expected": expected}
        )
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
        row = statements.run(self.session, statements.LOOKUP, {"code": code}).first()
        return (row[0], row[1], row[2]) if row else None

    def by_sku(self, sku: str) -> Product | None:
        return self.session.scalar(select(Product).where(Product.sku == sku).options(selectinload(Product.barcodes)))

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
        return {sku: b for sku, b in statements.run(self.session, statements.BINS, {"skus": list(skus)})}

    def weights(self, skus: set[str]) -> dict[str, Any]:
        return {
            sku: w
            for sku, w in self.session.execute(select(Product.sku, Product.weight_kg).where(Product.sku.in_(skus)))
        }

    def count(self) -> int:
        return self.session.scalar(select(func.count(Product.id))) or 0

    def packer_by_badge(self, badge: str) -> Packer | None:
        return self.session.scalar(select(Packer).where(Packer.badge == badge, Packer.active.is_(True)))

    def packer_badges(self) -> list[tuple[str, str]]:
        """(name, badge) of every active packer, by name."""
        rows = self.session.execute(
            select(Packer.name, Packer.badge).where(Packer.active.is_(True)).order_by(Packer.name)
        )
        return [(name, badge) for name, badge in rows]

    def add_packer(self, name: str, badge: str) -> Packer:
        packer = Packer(name=name, badge=badge, active=True)
        self.session.add(packer)
        return packer
