"""Storing an import batch: all or nothing, idempotent by external id, changes after ``new`` recorded."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from packstation.domain import barcodes
from packstation.domain.clock import utcnow
from packstation.domain.errors import ImportRejected
from packstation.domain.records import ImportBatch, OrderRecord, ProductRecord
from packstation.domain.status import TRANSITIONS, Actor, Status
from packstation.services.context import UowFactory
from packstation.services.status_ops import change_status

_ORDER_FIELDS = (
    "customer_name",
    "email",
    "phone",
    "carrier",
    "service",
    "payment",
    "cod_amount",
    "currency",
    "notes",
    "tracking_number",
)
_ADDRESS_FIELDS = ("street", "postal_code", "city", "country")


@dataclass
class ImportReport:
    products_created: int = 0
    products_updated: int = 0
    orders_created: int = 0
    orders_updated: int = 0
    orders_unchanged: int = 0
    changes_recorded: list[str] = field(default_factory=list)

    def summary(self) -> str:
        return (
            f"products: {self.products_created} new, {self.products_updated} updated; "
            f"orders: {self.orders_created} new, {self.orders_updated} updated, "
            f"{self.orders_unchanged} unchanged; {len(self.changes_recorded)} change(s) for orders in progress"
        )


def import_batch(uow_factory: UowFactory, batch: ImportBatch, file_name: str, station: str = "import") -> ImportReport:
    """Store ``batch`` in one transaction, or raise ``ImportRejected`` listing every bad row."""
    report = ImportReport()
    with uow_factory() as uow:
        errors = _check_against_database(uow, batch)
        if errors:
            raise ImportRejected(f"{file_name}: {len(errors)} error(s), nothing imported", sorted(errors))
        for product in batch.products:
            _store_product(uow, product, report)
        uow.flush()
        for order in batch.orders:
            _store_order(uow, order, report, station)
        uow.commit()
    return report


def _check_against_database(uow: Any, batch: ImportBatch) -> list[tuple[int, str]]:
    errors: list[tuple[int, str]] = []
    line = batch.line_of
    codes = {barcodes.normalise(c): p.sku for p in batch.products for c in _all_codes(p)}
    owners = uow.products.barcode_owners(set(codes))
    for code, sku in codes.items():
        if owners.get(code, sku) != sku:
            errors.append((line.get(sku, 0), f"barcode {code} of {sku} already belongs to product {owners[code]}"))
    taken = uow.orders.numbers_among(set(codes) | {c for p in batch.products for c in _all_codes(p)})
    for product in batch.products:
        for raw in _all_codes(product):
            if raw in taken or barcodes.normalise(raw) in taken:
                errors.append((line.get(product.sku, 0), f"barcode {raw} of {product.sku} is an order number"))
    known_skus = set(uow.products.by_skus({ln.sku for o in batch.orders for ln in o.lines}))
    known_skus |= {p.sku for p in batch.products}
    stored_codes = uow.products.barcode_owners({barcodes.normalise(o.number) for o in batch.orders})
    for order in batch.orders:
        where = line.get(order.number, 0)
        if barcodes.normalise(order.number) in stored_codes or barcodes.normalise(order.number) in codes:
            errors.append((where, f"order number {order.number} is also a product barcode"))
        for missing in sorted({ln.sku for ln in order.lines} - known_skus):
            errors.append((where, f"order {order.number}: unknown SKU {missing}"))
        existing = uow.orders.by_number(order.number)
        if existing is not None and (existing.source, existing.external_id) != (order.source, order.external_id):
            errors.append(
                (
                    where,
                    f"order number {order.number} already exists for another order "
                    f"({existing.source} {existing.external_id})",
                )
            )
    return errors


def _all_codes(product: ProductRecord) -> list[str]:
    return [*product.barcodes, *(pack.barcode for pack in product.packs)]


def _store_product(uow: Any, record: ProductRecord, report: ImportReport) -> None:
    product = uow.products.by_sku(record.sku)
    wanted = {barcodes.normalise(c): (c, 1) for c in record.barcodes}
    wanted |= {barcodes.normalise(p.barcode): (p.barcode, p.quantity) for p in record.packs}
    if product is None:
        product = uow.products.add(
            sku=record.sku,
            name=record.name,
            weight_kg=record.weight_kg,
            bin_location=record.bin_location,
            image_path=record.image_path,
        )
        report.products_created += 1
    else:
        current = {(b.code, b.quantity) for b in product.barcodes}
        same = (product.name, product.weight_kg, product.bin_location, product.image_path) == (
            record.name,
            record.weight_kg,
            record.bin_location,
            record.image_path,
        )
        if same and current == {(code, qty) for code, (_, qty) in wanted.items()}:
            return
        product.name, product.weight_kg = record.name, record.weight_kg
        product.bin_location, product.image_path = record.bin_location, record.image_path
        report.products_updated += 1
    keep = [b for b in product.barcodes if b.code in wanted]
    for b in keep:
        b.quantity = wanted[b.code][1]
    have = {b.code for b in keep}
    product.barcodes = keep + [
        uow.products.new_barcode(code=code, raw=raw, quantity=qty)
        for code, (raw, qty) in wanted.items()
        if code not in have
    ]


def _order_values(record: OrderRecord) -> dict[str, Any]:
    values = {name: getattr(record, name) for name in _ORDER_FIELDS}
    values.update({name: getattr(record.address, name) for name in _ADDRESS_FIELDS})
    values["cod_amount"] = record.cod_amount if record.payment == "cod" else None
    values["customer_name"] = record.customer_name or record.address.name
    return values


def _differences(order: Any, record: OrderRecord) -> list[str]:
    diffs = [
        f"{name}: {getattr(order, name)!s} -> {value!s}"
        for name, value in _order_values(record).items()
        if _norm(getattr(order, name)) != _norm(value)
    ]
    old = [(ln.sku, ln.quantity) for ln in order.lines]
    new = [(ln.sku, ln.quantity) for ln in record.lines]
    if old != new:
        diffs.append("lines: " + ", ".join(f"{s}×{q}" for s, q in old) + " -> " + ", ".join(f"{s}×{q}" for s, q in new))
    return diffs


def _norm(value: Any) -> str:
    return "" if value is None else str(value)


def _store_order(uow: Any, record: OrderRecord, report: ImportReport, station: str) -> None:
    order = uow.orders.by_external(record.source, record.external_id)
    now = utcnow()
    if order is None:
        order = uow.orders.add(
            number=record.number,
            external_id=record.external_id,
            source=record.source,
            status=Status.NEW.value,
            created_at=now,
            updated_at=now,
            **_order_values(record),
        )
        order.lines = _lines(uow, record)
        report.orders_created += 1
        if record.status == Status.CANCELLED:
            uow.flush()
            change_status(
                uow,
                order,
                Status.CANCELLED,
                actor=Actor.SHOP,
                who=record.source,
                station=station,
                note="cancelled in the shop before packing",
            )
        return
    diffs = _differences(order, record)
    cancel = record.status == Status.CANCELLED and order.status != Status.CANCELLED
    if cancel and (Status(order.status), Status.CANCELLED) not in TRANSITIONS:
        diffs.append(f"cancelled by the shop while {order.status}: not cancelled here")
        cancel = False
    if not diffs and not cancel:
        report.orders_unchanged += 1
        return
    if order.status == Status.NEW and not order.claim_station:
        for name, value in _order_values(record).items():
            setattr(order, name, value)
        if any(d.startswith("lines:") for d in diffs):
            order.lines = _lines(uow, record)
        order.updated_at = now
        report.orders_updated += 1
    else:
        # Past `new` the shop may not rewrite what a packer is handling: record it and tell the bench.
        summary = "; ".join(diffs) if diffs else ""
        if summary and summary not in {c.summary for c in uow.journal.order_changes(order.id)}:
            uow.journal.add_order_change(order_id=order.id, at=now, source=record.source, summary=summary)
            report.changes_recorded.append(f"{order.number}: {summary}")
    if cancel:
        change_status(
            uow,
            order,
            Status.CANCELLED,
            actor=Actor.SHOP,
            who=record.source,
            station=station,
            note="cancelled by the shop",
        )
        uow.journal.add_order_change(order_id=order.id, at=now, source=record.source, summary="cancelled by the shop")
        report.changes_recorded.append(f"{order.number}: cancelled by the shop")


def _lines(uow: Any, record: OrderRecord) -> list[Any]:
    names = {sku: p.name for sku, p in uow.products.by_skus({ln.sku for ln in record.lines}).items()}
    return [
        uow.orders.new_line(
            position=i, sku=ln.sku, name=ln.name or names.get(ln.sku, ln.sku), quantity=ln.quantity, scanned=0
        )
        for i, ln in enumerate(record.lines, start=1)
    ]
