"""Orders on SQLite and PostgreSQL: claims, statuses, counts, the queue and imports."""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Connection,
    Row,
    Select,
    and_,
    case,
    delete,
    false,
    func,
    insert,
    or_,
    select,
    tuple_,
    update,
)

from packstation.adapters.db import rows, statements
from packstation.adapters.db.models import Order, OrderLine
from packstation.adapters.db.rows import chunked
from packstation.domain import orders, search
from packstation.domain.benches import BenchIdentity
from packstation.domain.errors import NotFound
from packstation.domain.records import OrderDetails, OrderLineRecord, OrderRecord
from packstation.domain.status import Status

DIGIT_CANDIDATES = 1000  # numbers holding the digits, checked in Python for exactly those digits


def _held_by(bench: BenchIdentity) -> ColumnElement[bool]:
    return and_(
        Order.status == Status.PACKING.value,
        Order.claim_bench == bench.bench_id,
        Order.claim_station == bench.station,
    )


def _free_for(bench: BenchIdentity, stale_before: datetime) -> ColumnElement[bool]:
    """Nobody holds it, ``bench`` does (same id and name), or its holder went silent."""
    return or_(
        Order.claim_bench.is_(None),
        and_(Order.claim_bench == bench.bench_id, Order.claim_station == bench.station),
        Order.claim_heartbeat < stale_before,
    )


def _queue_row(row: Row[Any]) -> orders.QueueRow:
    number, status, customer, city, units, station, carrier, scanned, expired, expedited, ship_by = tuple(row)
    return orders.QueueRow(number, Status(status), customer, city, int(units), station, carrier, int(scanned),
                           bool(expired), expedited is not None, ship_by)  # fmt: skip


def _queue_order() -> tuple[Any, ...]:
    """The queue's order: expedited first, then by ship-by time where the shop gave one, else by age."""
    return (case((Order.expedited_at.is_(None), 1), else_=0), func.coalesce(Order.ship_by, Order.created_at), Order.id)


def _line_rows(order_id: int, lines: tuple[OrderLineRecord, ...], names: Mapping[str, str]) -> list[dict[str, Any]]:
    return [
        {"order_id": order_id, "position": i, "sku": line.sku, "name": line.name or names.get(line.sku, line.sku),
         "quantity": line.quantity, "scanned": 0, "unit_price": line.unit_price, "currency": line.currency}
        for i, line in enumerate(lines, start=1)
    ]  # fmt: skip


class SqlOrders:
    def __init__(self, conn: Connection) -> None:
        self._conn = conn

    def _one(self, *conditions: Any, lock: bool = False) -> orders.Order | None:
        stmt = select(rows.ORDER_TABLE).where(*conditions)
        if lock and self._conn.dialect.name == "postgresql":  # SQLite writers are serial anyway
            stmt = stmt.with_for_update()
        row = self._conn.execute(stmt).first()
        return None if row is None else rows.load_orders(self._conn, [row])[0]

    def get(self, order_id: int, *, lock: bool = False) -> orders.Order:
        found = self._one(Order.id == order_id, lock=lock)
        if found is None:
            raise NotFound(f"no order with id {order_id}", code="order.not_found", number=str(order_id))
        return found

    def by_number(self, number: str) -> orders.Order | None:
        return self._one(Order.number == number)

    def by_external(self, keys: Collection[tuple[str, str]]) -> dict[tuple[str, str], orders.Order]:
        found: dict[tuple[str, str], orders.Order] = {}
        for part in chunked(keys):
            stmt = select(rows.ORDER_TABLE).where(tuple_(Order.source, Order.external_id).in_(part))
            if self._conn.dialect.name == "postgresql":
                stmt = stmt.with_for_update()
            for order in rows.load_orders(self._conn, list(self._conn.execute(stmt))):
                found[(order.source, order.external_id)] = order
        return found

    def numbers_among(self, candidates: Collection[str]) -> set[str]:
        return set(self.keys_by_number(candidates))

    def keys_by_number(self, numbers: Collection[str]) -> dict[str, tuple[str, str]]:
        found: dict[str, tuple[str, str]] = {}
        for part in chunked(numbers):
            stmt = select(Order.number, Order.source, Order.external_id).where(Order.number.in_(part))
            found.update({number: (source, ext) for number, source, ext in self._conn.execute(stmt)})
        return found

    def numbers_with_digits(self, digits: str, limit: int = 2) -> tuple[str, ...]:
        if not digits.isdigit():
            return ()
        stmt = select(Order.number).where(Order.number.like(f"%{digits}%")).order_by(Order.id)
        found = self._conn.scalars(stmt.limit(DIGIT_CANDIDATES))
        return tuple(number for number in found if search.digits(number) == digits)[:limit]

    def claim(self, order_id: int, bench: BenchIdentity, packer: str, now: datetime, stale_before: datetime) -> bool:
        """One conditional UPDATE: of two racing benches exactly one matches.

        Both databases evaluate the WHERE clause against the latest committed row under
        the write lock.
        """
        stmt = (
            update(Order)
            .where(Order.id == order_id, Order.status.in_(statements.OPENABLE_VALUES), _free_for(bench, stale_before))
            .values(claim_bench=bench.bench_id, claim_station=bench.station, claim_packer=packer, claim_heartbeat=now)
        )
        return self._conn.execute(stmt).rowcount == 1

    def take_next(
        self, bench: BenchIdentity, packer: str, now: datetime, stale_before: datetime, skip: int | None = None
    ) -> int | None:
        """Claim the head of the whole queue in one statement (``FOR UPDATE SKIP LOCKED`` on PostgreSQL).

        On SQLite the writer holds the database's write lock (BEGIN IMMEDIATE), so the
        sub-select and the update cannot interleave with another bench's.
        """
        waiting = or_(
            Order.status == Status.NEW.value,
            and_(Order.status == Status.PACKING.value, _free_for(bench, stale_before)),
        )
        head = select(Order.id).where(waiting)
        if skip is not None:
            head = head.where(Order.id != skip)
        # Mine first, then orphaned `packing` orders (they resume), then `new` ones: expedited, ship-by, age.
        mine = case((Order.claim_bench == bench.bench_id, 0), else_=1)
        resuming = case((Order.status == Status.PACKING.value, 0), else_=1)
        head = head.order_by(mine, resuming, *_queue_order()).limit(1)
        if self._conn.dialect.name == "postgresql":
            head = head.with_for_update(skip_locked=True)
        stmt = (
            update(Order)
            .where(Order.id == head.scalar_subquery(), waiting)
            .values(claim_bench=bench.bench_id, claim_station=bench.station, claim_packer=packer, claim_heartbeat=now)
            .returning(Order.id)
        )
        found = self._conn.execute(stmt).scalar_one_or_none()
        return None if found is None else int(found)

    def release_claim(self, order_id: int, bench: BenchIdentity) -> None:
        self._conn.execute(
            update(Order)
            .where(Order.id == order_id, Order.claim_bench == bench.bench_id)
            .values(claim_bench=None, claim_station=None, claim_packer=None, claim_heartbeat=None)
        )

    def heartbeat(self, order_id: int, bench: BenchIdentity, now: datetime) -> bool:
        # Packing, or packed with its label still to print at this bench: either way still ours.
        on_screen = Order.status.in_((Status.PACKING.value, Status.PACKED.value))
        mine = and_(Order.claim_bench == bench.bench_id, Order.claim_station == bench.station)
        stmt = update(Order).where(Order.id == order_id, on_screen, mine).values(claim_heartbeat=now)
        return self._conn.execute(stmt).rowcount == 1

    def claimed_by(self, bench: BenchIdentity) -> tuple[orders.Order, ...]:
        stmt = select(rows.ORDER_TABLE).where(_held_by(bench)).order_by(Order.claim_heartbeat.desc(), Order.id)
        return tuple(rows.load_orders(self._conn, list(self._conn.execute(stmt))))

    def stuck(self, stale_before: datetime) -> tuple[orders.QueueRow, ...]:
        silent = or_(Order.claim_bench.is_(None), Order.claim_heartbeat < stale_before)
        stmt = self._rows(stale_before).where(Order.status == Status.PACKING.value, silent)
        return tuple(_queue_row(row) for row in self._conn.execute(stmt.order_by(Order.created_at, Order.id)))

    def set_status(self, order_id: int, status: Status, at: datetime) -> None:
        self._conn.execute(update(Order).where(Order.id == order_id).values(status=status.value, updated_at=at))

    def set_tracking(self, order_id: int, tracking_number: str) -> None:
        self._conn.execute(update(Order).where(Order.id == order_id).values(tracking_number=tracking_number))

    def set_tracking_serial(self, order_id: int, serial: int) -> None:
        self._conn.execute(update(Order).where(Order.id == order_id).values(tracking_serial=serial))

    def set_expedited(self, order_id: int, at: datetime | None) -> None:
        self._conn.execute(update(Order).where(Order.id == order_id).values(expedited_at=at))

    def set_missing(self, order_id: int, missing: Mapping[int, int]) -> None:
        for line_id, units in missing.items():
            stmt = update(OrderLine).where(OrderLine.id == line_id, OrderLine.order_id == order_id)
            self._conn.execute(stmt.values(missing=units))

    def add_scanned(self, line_id: int, units: int, expected: int) -> bool:
        params = {"b_line": line_id, "b_units": units, "b_expected": expected}
        cursor = statements.ADD_SCANNED_ON_DRIVER.execute(self._conn, params)  # every scan: see driver_sql
        try:
            return cursor.rowcount == 1
        finally:
            cursor.close()

    def queue(
        self,
        statuses: Collection[Status] = (),
        text: str = "",
        limit: int = 500,
        offset: int = 0,
        stale_before: datetime | None = None,
    ) -> orders.QueuePage:
        conditions: list[ColumnElement[bool]] = []
        if statuses:
            conditions.append(Order.status.in_([s.value for s in statuses]))
        needle = search.fold(text.strip())
        if needle:  # accent- and case-blind ("lodz" finds "Łódź"): the folded key stored with the order
            escaped = needle.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
            conditions.append(Order.search_key.like(f"%{escaped}%", escape="\\"))
        stmt = self._rows(stale_before).where(*conditions).order_by(*_queue_order())
        found = tuple(_queue_row(row) for row in self._conn.execute(stmt.limit(limit).offset(offset)))
        total = self._conn.scalar(select(func.count(Order.id)).where(*conditions)) or 0
        return orders.QueuePage(found, int(total), offset)

    def _rows(self, stale_before: datetime | None) -> Select[Any]:
        """The queue's columns, with units, counted units and whether the holder went silent."""
        # Correlated sub-selects: evaluated only for the rows of the page, not the whole table.
        units = select(func.coalesce(func.sum(OrderLine.quantity), 0)).where(OrderLine.order_id == Order.id)
        counted = select(
            func.coalesce(
                func.sum(case((OrderLine.scanned > OrderLine.quantity, OrderLine.quantity), else_=OrderLine.scanned)), 0
            )  # fmt: skip
        ).where(OrderLine.order_id == Order.id)
        expired = (
            and_(
                Order.status == Status.PACKING.value,
                or_(Order.claim_bench.is_(None), Order.claim_heartbeat < stale_before),
            )
            if stale_before is not None
            else false()
        )
        return select(
            Order.number,
            Order.status,
            Order.customer_name,
            Order.city,
            units.scalar_subquery(),
            Order.claim_station,
            Order.carrier,
            counted.scalar_subquery(),
            case((expired, True), else_=False),
            Order.expedited_at,
            Order.ship_by,
        )

    def add_many(self, records: Sequence[OrderRecord], at: datetime, names: Mapping[str, str]) -> list[int]:
        """Bulk insert; SQLAlchemy batches the rows and returns their ids in order (insertmanyvalues)."""
        if not records:
            return []
        values = [
            {"number": r.number, "external_id": r.external_id, "source": r.source, "status": Status.NEW.value,
             "created_at": at, "updated_at": at, "units": sum(ln.quantity for ln in r.lines),
             **r.details(),
             "search_key": search.search_key(r.number, r.customer_name or r.address.name, r.address.city)}
            for r in records
        ]  # fmt: skip
        stmt = insert(Order).returning(Order.id, sort_by_parameter_order=True)
        ids = [int(row[0]) for row in self._conn.execute(stmt, values)]
        lines = [
            line for order_id, r in zip(ids, records, strict=True) for line in _line_rows(order_id, r.lines, names)
        ]
        if lines:
            self._conn.execute(insert(OrderLine), lines)
        return ids

    def update_details(self, order_id: int, details: OrderDetails, at: datetime) -> None:
        self._conn.execute(update(Order).where(Order.id == order_id).values(**details, updated_at=at))
        number, customer, city = self._conn.execute(
            select(Order.number, Order.customer_name, Order.city).where(Order.id == order_id)
        ).one()
        key = search.search_key(number, customer, city)
        self._conn.execute(update(Order).where(Order.id == order_id).values(search_key=key))

    def replace_lines(self, order_id: int, lines: tuple[OrderLineRecord, ...], names: Mapping[str, str]) -> None:
        self._conn.execute(delete(OrderLine).where(OrderLine.order_id == order_id))
        self._insert_lines(order_id, lines, names)
        self._conn.execute(update(Order).where(Order.id == order_id).values(units=sum(ln.quantity for ln in lines)))

    def _insert_lines(self, order_id: int, lines: tuple[OrderLineRecord, ...], names: Mapping[str, str]) -> None:
        values = _line_rows(order_id, lines, names)
        if values:
            self._conn.execute(insert(OrderLine), values)
