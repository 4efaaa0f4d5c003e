"""The in-memory store and its unit of work: one writer at a time, all or nothing on commit."""

from __future__ import annotations

import threading
from types import TracebackType
from typing import Self

from packstation.adapters.memory.benches import MemoryBenches
from packstation.adapters.memory.carrier_labels import MemoryCarrierLabels
from packstation.adapters.memory.cartons import MemoryCartons
from packstation.adapters.memory.journal import MemoryJournal
from packstation.adapters.memory.orders import MemoryOrders
from packstation.adapters.memory.print_jobs import MemoryPrintJobs
from packstation.adapters.memory.products import MemoryProducts
from packstation.adapters.memory.reports import MemoryReports
from packstation.adapters.memory.tables import Tables
from packstation.adapters.memory.users import MemorySettings, MemoryUsers


class MemoryStore:
    """A database in memory, shared by every unit of work made from it (thread-safe)."""

    def __init__(self) -> None:
        self.tables = Tables()
        # Serialises transactions, as SQLite's write lock does: simple and enough for one bench.
        self.lock = threading.RLock()

    def unit_of_work(self, *, readonly: bool = False, bulk: bool = False) -> MemoryUnitOfWork:
        """A ``UowFactory``; ``readonly`` and ``bulk`` change nothing here (one lock serialises all)."""
        return MemoryUnitOfWork(self)


class MemoryUnitOfWork:
    """``with uow: ...; uow.commit()``; leaving without commit discards every change."""

    orders: MemoryOrders
    products: MemoryProducts
    users: MemoryUsers
    settings: MemorySettings
    reports: MemoryReports
    journal: MemoryJournal
    benches: MemoryBenches
    print_jobs: MemoryPrintJobs
    cartons: MemoryCartons
    carrier_labels: MemoryCarrierLabels

    def __init__(self, store: MemoryStore) -> None:
        self._store = store
        self._work = Tables()

    def __enter__(self) -> Self:
        self._store.lock.acquire()
        self._begin()
        return self

    def _begin(self) -> None:
        self._work = self._store.tables.copy()
        self.orders = MemoryOrders(self._work)
        self.products = MemoryProducts(self._work)
        self.users = MemoryUsers(self._work)
        self.settings = MemorySettings(self._work)
        self.reports = MemoryReports(self._work)
        self.journal = MemoryJournal(self._work)
        self.benches = MemoryBenches(self._work)
        self.print_jobs = MemoryPrintJobs(self._work)
        self.cartons = MemoryCartons(self._work)
        self.carrier_labels = MemoryCarrierLabels(self._work)

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self._store.lock.release()

    def tidy(self) -> None:
        """Nothing to tidy in memory."""

    def commit(self) -> None:
        self._store.tables = self._work
        self._begin()  # like a database connection: the next statements run in a new transaction
