"""Storing an import batch: all or nothing, idempotent by external id, changes after ``new`` recorded."""

from __future__ import annotations

import logging
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import TypeVar

from packstation.domain import barcodes
from packstation.domain.clock import utcnow
from packstation.domain.errors import ImportRejected
from packstation.domain.journal import OrderChange
from packstation.domain.orders import Order, Product
from packstation.domain.records import CarrierLabel, ImportBatch, OrderRecord, ProductRecord
from packstation.domain.status import TRANSITIONS, Actor, Status
from packstation.services.ports import UnitOfWork, UowFactory
from packstation.services.status_ops import change_status

log = logging.getLogger(__name__)
T = TypeVar("T")


@dataclass
class ImportReport:
    products_created: int = 0
    products_updated: int = 0
    orders_created: int = 0
    orders_updated: int = 0
    orders_unchanged: int = 0
    changes_recorded: list[str] = field(default_factory=list)
    cartons_saved: int = 0

    def summary(self) -> str:
        text = (
            f"products: {self.products_created} new, {self.products_updated} updated; "
            f"orders: {self.orders_created} new, {self.orders_updated} updated, "
            f"{self.orders_unchanged} unchanged; {len(self.changes_recorded)} change(s) for orders in progress"
        )
        return text + (f"; cartons: {self.cartons_saved} saved" if self.cartons_saved else "")


# Orders or products written per transaction: short enough that a bench's scan never waits
# long behind an import for SQLite's write lock (one writer at a time).
WRITE_BATCH = 100


def import_batch(
    uow_factory: UowFactory, batch: ImportBatch, file_name: str, station: str = "import", batch_size: int = WRITE_BATCH
) -> ImportReport:
    """Store ``batch``, or raise ``ImportRejected`` listing every bad row (then nothing is written).

    The whole file is checked against the database first, reading only; then it is written
    in short transactions of ``batch_size`` orders, so benches keep scanning meanwhile. An
    import that dies half-way is completed by running it again (idempotent by external id).
    """
    report = ImportReport()
    with uow_factory(readonly=True) as uow:
        errors = _check_against_database(uow, batch)
        order_skus = {ln.sku for o in batch.orders for ln in o.lines} - {p.sku for p in batch.products}
        names = {sku: p.name for sku, p in uow.products.by_skus(order_skus).items()}
    if errors:
        raise ImportRejected(f"{file_name}: {len(errors)} error(s), nothing imported", sorted(errors))
    names |= {p.sku: p.name for p in batch.products}
    for part in _parts(batch.products, batch_size):
        with uow_factory(bulk=True) as uow:
            stored = uow.products.by_skus({p.sku for p in part})
            for product in part:
                _store_product(uow, product, stored.get(product.sku), report)
            uow.commit()
            uow.tidy()
    for orders in _parts(batch.orders, batch_size):
        with uow_factory(bulk=True) as uow:
            existing = uow.orders.by_external({(o.source, o.external_id) for o in orders})
            fresh = [o for o in orders if (o.source, o.external_id) not in existing]
            _add_orders(uow, fresh, names, report, station)
            for order in orders:
                if (order.source, order.external_id) in existing:
                    _update_order(uow, order, existing[(order.source, order.external_id)], names, report, station)
            uow.commit()
            uow.tidy()
        log.debug("import progress file=%s orders=%s", file_name, report.orders_created + report.orders_updated)
    if batch.cartons:
        with uow_factory(bulk=True) as uow:
            for carton in batch.cartons:  # the catalogue of boxes: a carton of the same name is replaced
                uow.cartons.save(carton)
                report.cartons_saved += 1
            uow.commit()
    log.info("import file=%s %s", file_name, report.summary())
    return report


def _parts(items: Sequence[T], size: int) -> Iterator[Sequence[T]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def _check_against_database(uow: UnitOfWork, batch: ImportBatch) -> list[tuple[int, str]]:
    """Every problem of the file that only the database can tell, found with a few bulk look-ups."""
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
    known_skus = uow.products.known_skus({ln.sku for o in batch.orders for ln in o.lines}) | {
        p.sku for p in batch.products
    }
    stored_codes = uow.products.barcode_owners({barcodes.normalise(o.number) for o in batch.orders})
    owners_of_numbers = uow.orders.keys_by_number({o.number for o in batch.orders})
    for order in batch.orders:
        where = line.get(order.number, 0)
        if barcodes.normalise(order.number) in stored_codes or barcodes.normalise(order.number) in codes:
            errors.append((where, f"order number {order.number} is also a product barcode"))
        for missing in sorted({ln.sku for ln in order.lines} - known_skus):
            errors.append((where, f"order {order.number}: unknown SKU {missing}"))
        holder = owners_of_numbers.get(order.number)
        if holder is not None and holder != (order.source, order.external_id):
            errors.append(
                (where, f"order number {order.number} already exists for another order ({holder[0]} {holder[1]})")
            )
    return errors


def _all_codes(product: ProductRecord) -> list[str]:
    return [*product.barcodes, *(pack.barcode for pack in product.packs)]


def _store_product(uow: UnitOfWork, record: ProductRecord, stored: Product | None, report: ImportReport) -> None:
    if stored is not None:
        wanted = {(barcodes.normalise(c), 1) for c in record.barcodes}
        wanted |= {(barcodes.normalise(p.barcode), p.quantity) for p in record.packs}
        current = {(b.code, b.quantity) for b in stored.barcodes}
        same = (stored.name, stored.weight_kg, stored.bin_location, stored.image_path) == (
            record.name, record.weight_kg, record.bin_location, record.image_path,
        )  # fmt: skip
        if same and current == wanted:
            return
        report.products_updated += 1
    else:
        report.products_created += 1
    uow.products.save(record)


def _differences(order: Order, record: OrderRecord, label: CarrierLabel | None) -> list[str]:
    """What the shop changed: fields, lines (with their prices) and the carrier label (``label``: the stored one)."""
    stored, incoming = order.details(), record.details()
    diffs = [
        f"{name}: {stored[name]!s} -> {value!s}"
        for name, value in incoming.items()
        if _norm(stored[name]) != _norm(value)
    ]
    old = [(ln.sku, ln.quantity, _norm(ln.unit_price), ln.currency) for ln in order.lines]
    new = [(ln.sku, ln.quantity, _norm(ln.unit_price), ln.currency) for ln in record.lines]
    if old != new:
        diffs.append("lines: " + ", ".join(_line_text(*line) for line in old) + " -> "
                     + ", ".join(_line_text(*line) for line in new))  # fmt: skip
    if _label_key(label) != _label_key(record.carrier_label):
        new_label = record.carrier_label
        diffs.append(f"carrier label: {_label_text(label)} -> {_label_text(new_label)}")
    return diffs


def _line_text(sku: str, quantity: int, price: str, currency: str) -> str:
    return f"{sku}×{quantity}" + (f" à {price} {currency}".rstrip() if price else "")


def _label_key(label: CarrierLabel | None) -> tuple[str, bytes] | None:
    return None if label is None else (label.format, label.document)


def _label_text(label: CarrierLabel | None) -> str:
    if label is None:
        return "none"
    return f"{label.format.upper()} {label.source or 'document'} ({len(label.document)} bytes)"


def _norm(value: object) -> str:
    return "" if value is None else str(value)


def _add_orders(
    uow: UnitOfWork, records: Sequence[OrderRecord], names: dict[str, str], report: ImportReport, station: str
) -> None:
    """New orders in one bulk insert; those the shop sent already cancelled are cancelled at once."""
    if not records:
        return
    now = utcnow()
    ids = uow.orders.add_many(records, now, names)
    report.orders_created += len(records)
    for record, order_id in zip(records, ids, strict=True):
        if record.carrier_label is not None:
            uow.carrier_labels.put(order_id, record.carrier_label, now)
        if record.status == Status.CANCELLED:
            change_status(uow, uow.orders.get(order_id), Status.CANCELLED, actor=Actor.SHOP, who=record.source,
                          station=station, note="cancelled in the shop before packing")  # fmt: skip


def _update_order(
    uow: UnitOfWork, record: OrderRecord, order: Order, names: dict[str, str], report: ImportReport, station: str
) -> None:
    now = utcnow()
    diffs = _differences(order, record, uow.carrier_labels.get(order.order_id))
    cancel = record.status == Status.CANCELLED and order.status is not Status.CANCELLED
    if cancel and (order.status, Status.CANCELLED) not in TRANSITIONS:
        diffs.append(f"cancelled by the shop while {order.status}: not cancelled here")
        cancel = False
    if not diffs and not cancel:
        report.orders_unchanged += 1
        return
    if order.status is Status.NEW and not order.claim_station:
        uow.orders.update_details(order.order_id, record.details(), now)
        if any(d.startswith("lines:") for d in diffs):
            uow.orders.replace_lines(order.order_id, record.lines, names)
        if any(d.startswith("carrier label:") for d in diffs):
            if record.carrier_label is None:
                uow.carrier_labels.remove(order.order_id)
            else:
                uow.carrier_labels.put(order.order_id, record.carrier_label, now)
        report.orders_updated += 1
    else:
        # Past `new` the shop may not rewrite what a packer is handling: record it and tell the bench.
        summary = "; ".join(diffs)
        if summary and summary not in {c.summary for c in uow.journal.order_changes(order.order_id)}:
            uow.journal.add_order_change(OrderChange(order.order_id, now, record.source, summary))
            report.changes_recorded.append(f"{order.number}: {summary}")
    if cancel:
        change_status(uow, order, Status.CANCELLED, actor=Actor.SHOP, who=record.source, station=station,
                      note="cancelled by the shop")  # fmt: skip
        uow.journal.add_order_change(OrderChange(order.order_id, now, record.source, "cancelled by the shop"))
        report.changes_recorded.append(f"{order.number}: cancelled by the shop")
