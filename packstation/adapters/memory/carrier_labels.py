"""Carrier labels in memory: the same contract as ``adapters.db.carrier_label_repository``."""

from __future__ import annotations

from datetime import datetime

from packstation.adapters.memory.tables import Tables
from packstation.domain.records import CarrierLabel


class MemoryCarrierLabels:
    def __init__(self, tables: Tables) -> None:
        self._t = tables

    def get(self, order_id: int) -> CarrierLabel | None:
        return self._t.carrier_labels.get(order_id)

    def put(self, order_id: int, label: CarrierLabel, at: datetime) -> None:
        self._t.carrier_labels[order_id] = label

    def remove(self, order_id: int) -> None:
        self._t.carrier_labels.pop(order_id, None)
