"""Rows to frozen domain records: the one place that knows both the tables and the records."""

from __future__ import annotations

from collections.abc import Collection, Iterable, Iterator, Sequence
from typing import Any, TypeVar

from sqlalchemy import Connection, Row, select

from packstation.adapters.db.models import Mismatch, Order, OrderLine, ScanEvent
from packstation.domain import journal, orders
from packstation.domain.records import Address
from packstation.domain.status import Status

ORDER_TABLE = Order.__table__
# Values per IN (...) list: far below SQLite's limit on bound parameters, and quick to plan.
CHUNK = 500
T = TypeVar("T")


def chunked(values: Collection[T], size: int = CHUNK) -> Iterator[list[T]]:
    """``values`` in lists of at most ``size``, so a bulk look-up of 50,000 keys stays legal SQL."""
    items = list(values)
    for start in range(0, len(items), size):
        yield items[start : start + size]


LINE_TABLE = OrderLine.__table__


def mismatch(row: Row[Any]) -> journal.MismatchRecord:
    return journal.MismatchRecord(
        order_id=row.order_id,
        scan_event_id=row.scan_event_id,
        kind=row.kind,
        code=row.code,
        sku=row.sku,
        station=row.station,
        packer=row.packer,
        created_at=row.created_at,
        resolved_at=row.resolved_at,
        resolved_by=row.resolved_by,
        resolution=row.resolution,
        voided=row.voided,
        mismatch_id=row.id,
        expected=row.expected,
        resolution_note=row.resolution_note,
    )


def scan(row: Row[Any]) -> journal.ScanRecord:
    return journal.ScanRecord(
        at=row.at,
        order_id=row.order_id,
        line_id=row.line_id,
        raw=row.raw,
        code=row.code,
        verdict=row.verdict,
        message_code=row.message_code,
        quantity=row.quantity,
        station=row.station,
        packer=row.packer,
        voided=row.voided,
        event_id=row.id,
        symbology=row.symbology,
        gtin=row.gtin,
        lot=row.lot,
        serial=row.serial,
        expiry=row.expiry,
        parcel=row.parcel,
        weight_kg=row.weight_kg,
        manual=row.manual,
    )


def load_orders(conn: Connection, rows: Sequence[Row[Any]]) -> list[orders.Order]:
    """Orders with their lines (one query for all the lines)."""
    if not rows:
        return []
    lines: dict[int, list[orders.OrderLine]] = {row.id: [] for row in rows}
    stmt = select(LINE_TABLE).where(OrderLine.order_id.in_(list(lines))).order_by(OrderLine.position, OrderLine.id)
    for line in conn.execute(stmt):
        lines[line.order_id].append(order_line(line))
    return [order(row, lines[row.id]) for row in rows]


def order_line(row: Row[Any]) -> orders.OrderLine:
    return orders.OrderLine(
        line_id=row.id,
        position=row.position,
        sku=row.sku,
        name=row.name,
        quantity=row.quantity,
        scanned=row.scanned,
        missing=row.missing,
        unit_price=row.unit_price,
        currency=row.currency,
    )


def order(row: Row[Any], lines: Iterable[orders.OrderLine]) -> orders.Order:
    return orders.Order(
        order_id=row.id,
        number=row.number,
        external_id=row.external_id,
        source=row.source,
        status=Status(row.status),
        customer_name=row.customer_name,
        address=Address(row.customer_name, row.street, row.postal_code, row.city, row.country, row.phone, row.email),
        lines=tuple(lines),
        carrier=row.carrier,
        service=row.service,
        payment=row.payment,
        cod_amount=row.cod_amount,
        currency=row.currency,
        notes=row.notes,
        tracking_number=row.tracking_number,
        gift_note=row.gift_note,
        claim_bench=row.claim_bench,
        claim_station=row.claim_station,
        claim_packer=row.claim_packer,
        claim_heartbeat=row.claim_heartbeat,
        created_at=row.created_at,
        ship_by=row.ship_by,
        expedited_at=row.expedited_at,
        tracking_serial=row.tracking_serial,
    )


SCAN_TABLE = ScanEvent.__table__
MISMATCH_TABLE = Mismatch.__table__
