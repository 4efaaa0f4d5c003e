"""The carton catalogue in memory: the same contract as ``adapters.db.carton_repository``."""

from __future__ import annotations

from packstation.adapters.memory.tables import Tables
from packstation.domain.parcels import Carton


class MemoryCartons:
    def __init__(self, tables: Tables) -> None:
        self._t = tables

    def all(self) -> tuple[Carton, ...]:
        return tuple(self._t.cartons[name] for name in sorted(self._t.cartons))

    def by_name(self, name: str) -> Carton | None:
        return self._t.cartons.get(name.upper())

    def by_barcode(self, code: str) -> Carton | None:
        return next((c for c in self._t.cartons.values() if c.barcode and c.barcode == code), None)

    def save(self, carton: Carton) -> None:
        self._t.cartons[carton.name] = carton
