"""Products and their barcodes on SQLite and PostgreSQL."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection
from decimal import Decimal

from sqlalchemy import Connection, delete, func, insert, select, update

from packstation.adapters.db import statements
from packstation.adapters.db.models import Product, ProductBarcode
from packstation.adapters.db.rows import chunked
from packstation.domain import barcodes, orders
from packstation.domain.records import ProductRecord
from packstation.domain.verification import ProductMatch


class SqlProducts:
    def __init__(self, conn: Connection) -> None:
        self._conn = conn

    def lookup(self, code: str) -> ProductMatch | None:
        cursor = statements.LOOKUP_ON_DRIVER.execute(self._conn, {"code": code})  # every scan: see driver_sql
        try:
            row = cursor.fetchone()
        finally:
            cursor.close()
        return None if row is None else ProductMatch(row[0], row[1], row[2], row[3])

    def known_skus(self, skus: Collection[str]) -> set[str]:
        found: set[str] = set()
        for part in chunked(skus):
            found.update(self._conn.scalars(select(Product.sku).where(Product.sku.in_(part))))
        return found

    def by_skus(self, skus: Collection[str]) -> dict[str, orders.Product]:
        out: dict[str, orders.Product] = {}
        for part in chunked(skus):
            out.update(self._by_skus(part))
        return out

    def _by_skus(self, skus: list[str]) -> dict[str, orders.Product]:
        found = list(self._conn.execute(select(Product.__table__).where(Product.sku.in_(skus))))
        codes: dict[int, list[orders.ProductBarcode]] = defaultdict(list)
        stmt = (
            select(ProductBarcode.product_id, ProductBarcode.code, ProductBarcode.raw, ProductBarcode.quantity)
            .where(ProductBarcode.product_id.in_([row.id for row in found]))
            .order_by(ProductBarcode.id)
        )
        for product_id, code, raw, quantity in self._conn.execute(stmt):
            codes[product_id].append(orders.ProductBarcode(code, raw, quantity))
        return {
            row.sku: orders.Product(
                row.sku, row.name, tuple(codes[row.id]), row.weight_kg, row.bin_location, row.image_path, row.tracking
            )
            for row in found
        }

    def bins(self, skus: Collection[str]) -> dict[str, str]:
        return {sku: where for sku, where in self._conn.execute(statements.BINS, {"skus": list(skus)})}

    def weights(self, skus: Collection[str]) -> dict[str, Decimal]:
        stmt = select(Product.sku, Product.weight_kg).where(Product.sku.in_(list(skus)), Product.weight_kg.is_not(None))
        return {sku: weight for sku, weight in self._conn.execute(stmt) if weight is not None}

    def first_barcodes(self, skus: Collection[str]) -> dict[str, str]:
        stmt = (
            select(Product.sku, ProductBarcode.raw)
            .join(ProductBarcode, ProductBarcode.product_id == Product.id)
            .where(Product.sku.in_(list(skus)), ProductBarcode.quantity == 1)
            .order_by(ProductBarcode.id)
        )
        out: dict[str, str] = {}
        for sku, raw in self._conn.execute(stmt):
            out.setdefault(sku, raw)
        return out

    def barcode_owners(self, codes: Collection[str]) -> dict[str, str]:
        owners: dict[str, str] = {}
        for part in chunked(codes):
            stmt = (
                select(ProductBarcode.code, Product.sku)
                .join(Product, Product.id == ProductBarcode.product_id)
                .where(ProductBarcode.code.in_(part))
            )
            owners.update({code: sku for code, sku in self._conn.execute(stmt)})
        return owners

    def save(self, record: ProductRecord) -> None:
        values = {
            "name": record.name,
            "weight_kg": record.weight_kg,
            "bin_location": record.bin_location,
            "image_path": record.image_path,
            "tracking": record.tracking,
        }
        product_id = self._conn.scalar(select(Product.id).where(Product.sku == record.sku))
        if product_id is None:
            stmt = insert(Product).values(sku=record.sku, **values).returning(Product.id)
            product_id = self._conn.execute(stmt).scalar_one()
        else:
            self._conn.execute(update(Product).where(Product.id == product_id).values(**values))
            self._conn.execute(delete(ProductBarcode).where(ProductBarcode.product_id == product_id))
        wanted = {barcodes.normalise(code): (code, 1) for code in record.barcodes}
        wanted |= {barcodes.normalise(pack.barcode): (pack.barcode, pack.quantity) for pack in record.packs}
        if wanted:
            rows = [
                {"product_id": product_id, "code": code, "raw": raw, "quantity": quantity}
                for code, (raw, quantity) in wanted.items()
            ]
            self._conn.execute(insert(ProductBarcode), rows)

    def count(self) -> int:
        return int(self._conn.scalar(select(func.count(Product.id))) or 0)
