"""The carton catalogue on SQLite and PostgreSQL."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Connection, Row, insert, select, update

from packstation.adapters.db.models import Carton as CartonRow
from packstation.domain.parcels import Carton


class SqlCartons:
    def __init__(self, conn: Connection) -> None:
        self._conn = conn

    def all(self) -> tuple[Carton, ...]:
        return tuple(_carton(r) for r in self._conn.execute(select(CartonRow.__table__).order_by(CartonRow.name)))

    def by_name(self, name: str) -> Carton | None:
        row = self._conn.execute(select(CartonRow.__table__).where(CartonRow.name == name.upper())).first()
        return None if row is None else _carton(row)

    def by_barcode(self, code: str) -> Carton | None:
        row = self._conn.execute(select(CartonRow.__table__).where(CartonRow.barcode == code)).first()
        return None if row is None else _carton(row)

    def save(self, carton: Carton) -> None:
        values = {
            "length_mm": carton.length_mm,
            "width_mm": carton.width_mm,
            "height_mm": carton.height_mm,
            "tare_kg": carton.tare_kg,
            "barcode": carton.barcode or None,
        }
        found = self._conn.scalar(select(CartonRow.id).where(CartonRow.name == carton.name))
        if found is None:
            self._conn.execute(insert(CartonRow).values(name=carton.name, **values))
        else:
            self._conn.execute(update(CartonRow).where(CartonRow.id == found).values(**values))


def _carton(row: Row[Any]) -> Carton:
    return Carton(row.name, row.length_mm, row.width_mm, row.height_mm, row.tare_kg, row.barcode or "")
