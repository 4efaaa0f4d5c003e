"""Products and barcodes in memory: the same contract as ``adapters.db.product_repository``."""

from __future__ import annotations

from collections.abc import Collection
from decimal import Decimal

from packstation.adapters.memory.tables import Tables
from packstation.domain import barcodes
from packstation.domain.orders import Product, ProductBarcode
from packstation.domain.records import ProductRecord
from packstation.domain.verification import ProductMatch


class MemoryProducts:
    def __init__(self, tables: Tables) -> None:
        self._t = tables

    def lookup(self, code: str) -> ProductMatch | None:
        found = self._t.barcodes.get(code)
        if found is None:
            return None
        sku, units = found
        product = self._t.products[sku]
        return ProductMatch(sku, product.name, units, product.tracking)

    def by_skus(self, skus: Collection[str]) -> dict[str, Product]:
        return {sku: self._t.products[sku] for sku in skus if sku in self._t.products}

    def known_skus(self, skus: Collection[str]) -> set[str]:
        return {sku for sku in skus if sku in self._t.products}

    def bins(self, skus: Collection[str]) -> dict[str, str]:
        return {sku: p.bin_location for sku, p in self.by_skus(skus).items()}

    def weights(self, skus: Collection[str]) -> dict[str, Decimal]:
        return {sku: p.weight_kg for sku, p in self.by_skus(skus).items() if p.weight_kg is not None}

    def first_barcodes(self, skus: Collection[str]) -> dict[str, str]:
        out: dict[str, str] = {}
        for sku, product in self.by_skus(skus).items():
            unit = next((b.raw for b in product.barcodes if b.quantity == 1), None)
            if unit is not None:
                out[sku] = unit
        return out

    def barcode_owners(self, codes: Collection[str]) -> dict[str, str]:
        return {code: self._t.barcodes[code][0] for code in codes if code in self._t.barcodes}

    def save(self, record: ProductRecord) -> None:
        old = self._t.products.get(record.sku)
        for stale in old.barcodes if old else ():
            del self._t.barcodes[stale.code]
        wanted = {
            barcodes.normalise(code): ProductBarcode(barcodes.normalise(code), code, 1) for code in record.barcodes
        }
        for pack in record.packs:
            code = barcodes.normalise(pack.barcode)
            wanted[code] = ProductBarcode(code, pack.barcode, pack.quantity)
        for code, barcode in wanted.items():
            self._t.barcodes[code] = (record.sku, barcode.quantity)
        self._t.products[record.sku] = Product(
            record.sku,
            record.name,
            tuple(wanted.values()),
            record.weight_kg,
            record.bin_location,
            record.image_path,
            record.tracking,
        )

    def count(self) -> int:
        return len(self._t.products)
