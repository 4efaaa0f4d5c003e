"""Carrier labels on SQLite and PostgreSQL: one document per order, kept apart from the order's row."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Connection, delete, insert, select

from packstation.adapters.db.models import CarrierLabel as CarrierLabelRow
from packstation.domain.records import CarrierLabel


class SqlCarrierLabels:
    def __init__(self, conn: Connection) -> None:
        self._conn = conn

    def get(self, order_id: int) -> CarrierLabel | None:
        stmt = select(CarrierLabelRow.format, CarrierLabelRow.document, CarrierLabelRow.source).where(
            CarrierLabelRow.order_id == order_id
        )
        row = self._conn.execute(stmt).first()
        return None if row is None else CarrierLabel(row.format, bytes(row.document), row.source)

    def put(self, order_id: int, label: CarrierLabel, at: datetime) -> None:
        self.remove(order_id)
        values = {"order_id": order_id, "format": label.format, "document": label.document,
                  "source": label.source[:500], "imported_at": at}  # fmt: skip
        self._conn.execute(insert(CarrierLabelRow).values(values))

    def remove(self, order_id: int) -> None:
        self._conn.execute(delete(CarrierLabelRow).where(CarrierLabelRow.order_id == order_id))
