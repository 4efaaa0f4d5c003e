"""Orders on SQLite and PostgreSQL: claims, statuses, counts, the queue and imports."""

from __future__ import annotations

from collections.abc import Collection, Mapping
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, delete, func, insert, or_, select, tuple_, update

from packstation.adapters.db import rows, statements
from packstation.adapters.db.models import Order, OrderLine
from packstation.domain import orders, search
from packstation.domain.errors import NotFound
from packstation.domain.records import OrderDetails, OrderLineRecord, OrderRecord
from packstation.domain.status import Status

DIGIT_CANDIDATES = 1000  # numbers holding the digits, checked in Python for exactly those digits


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
        if not keys:
            return {}
        stmt = select(rows.ORDER_TABLE).where(tuple_(Order.source, Order.external_id).in_(list(keys)))
        if self._conn.dialect.name == "postgresql":
            stmt = stmt.with_for_update()
        found = rows.load_orders(self._conn, list(self._conn.execute(stmt)))
        return {(o.source, o.external_id): o for o in found}

    def numbers_among(self, candidates: Collection[str]) -> set[str]:
        if not candidates:
            return set()
        return set(self._conn.scalars(select(Order.number).where(Order.number.in_(list(candidates)))))

    def numbers_with_digits(self, digits: str, limit: int = 2) -> tuple[str, ...]:
        if not digits.isdigit():
            return ()
        stmt = select(Order.number).where(Order.number.like(f"%{digits}%")).order_by(Order.id)
        found = self._conn.scalars(stmt.limit(DIGIT_CANDIDATES))
        return tuple(number for number in found if search.digits(number) == digits)[:limit]

    def claim(self, order_id: int, station: str, packer: str, now: datetime, stale_before: datetime) -> bool:
        """One conditional UPDATE: of two racing stations exactly one matches.

        Both databases evaluate the WHERE clause against the latest committed row under
        the write lock.
        """
        result = self._conn.execute(
            update(Order)
            .where(
                Order.id == order_id,
                Order.status.in_(statements.OPENABLE_VALUES),
                or_(
                    Order.claim_station.is_(None),
                    Order.claim_station == station,
                    Order.claim_heartbeat < stale_before,
                ),
            )
            .values(claim_station=station, claim_packer=packer, claim_heartbeat=now)
        )
        return result.rowcount == 1

    def release_claim(self, order_id: int, station: str) -> None:
        self._conn.execute(
            update(Order)
            .where(Order.id == order_id, Order.claim_station == station)
            .values(claim_station=None, claim_packer=None, claim_heartbeat=None)
        )

    def heartbeat(self, station: str, now: datetime) -> int:
        result = self._conn.execute(update(Order).where(Order.claim_station == station).values(claim_heartbeat=now))
        return result.rowcount

    def claimed_by(self, station: str) -> tuple[orders.Order, ...]:
        found = self._conn.execute(select(rows.ORDER_TABLE).where(Order.claim_station == station).order_by(Order.id))
        return tuple(rows.load_orders(self._conn, list(found)))

    def set_status(self, order_id: int, status: Status, at: datetime) -> None:
        self._conn.execute(update(Order).where(Order.id == order_id).values(status=status.value, updated_at=at))

    def set_tracking(self, order_id: int, tracking_number: str) -> None:
        self._conn.execute(update(Order).where(Order.id == order_id).values(tracking_number=tracking_number))

    def add_scanned(self, line_id: int, units: int, expected: int) -> bool:
        params = {"b_line": line_id, "b_units": units, "b_expected": expected}
        return self._conn.execute(statements.ADD_SCANNED, params).rowcount == 1

    def queue(self, statuses: Collection[Status] = (), text: str = "", limit: int = 500) -> tuple[orders.QueueRow, ...]:
        units = (
            select(func.coalesce(func.sum(OrderLine.quantity), 0))
            .where(OrderLine.order_id == Order.id)
            .scalar_subquery()
        )
        stmt = select(
            Order.number, Order.status, Order.customer_name, Order.city, units, Order.claim_station, Order.carrier
        )
        if statuses:
            stmt = stmt.where(Order.status.in_([s.value for s in statuses]))
        needle = search.fold(text.strip())
        if needle:
            escaped = needle.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
            stmt = stmt.where(Order.search_key.like(f"%{escaped}%", escape="\\"))
        stmt = stmt.order_by(Order.created_at, Order.id).limit(limit)
        return tuple(
            orders.QueueRow(number, Status(status), customer, city, int(units), station, carrier)
            for number, status, customer, city, units, station, carrier in self._conn.execute(stmt)
        )

    def add(self, record: OrderRecord, at: datetime, names: Mapping[str, str]) -> int:
        details = record.details()
        values = {
            "number": record.number,
            "external_id": record.external_id,
            "source": record.source,
            "status": Status.NEW.value,
            "created_at": at,
            "updated_at": at,
            **details,
            "search_key": search.search_key(record.number, str(details["customer_name"] or ""), record.address.city),
        }
        order_id = int(self._conn.execute(insert(Order).values(values).returning(Order.id)).scalar_one())
        self._insert_lines(order_id, record.lines, names)
        return order_id

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

    def _insert_lines(self, order_id: int, lines: tuple[OrderLineRecord, ...], names: Mapping[str, str]) -> None:
        values = [
            {
                "order_id": order_id,
                "position": i,
                "sku": line.sku,
                "name": line.name or names.get(line.sku, line.sku),
                "quantity": line.quantity,
                "scanned": 0,
            }
            for i, line in enumerate(lines, start=1)
        ]
        if values:
            self._conn.execute(insert(OrderLine), values)
