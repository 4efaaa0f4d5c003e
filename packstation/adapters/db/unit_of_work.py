"""The unit of work: one transaction on one connection, its repositories, database errors made domain errors."""

from __future__ import annotations

import time
from types import TracebackType
from typing import Self

from sqlalchemy import Connection, Engine
from sqlalchemy.exc import DBAPIError

from packstation.adapters.db.bench_repository import SqlBenches
from packstation.adapters.db.carrier_label_repository import SqlCarrierLabels
from packstation.adapters.db.carton_repository import SqlCartons
from packstation.adapters.db.engine import BULK, READONLY, restore_durability
from packstation.adapters.db.faults import fault
from packstation.adapters.db.held_connections import HeldConnections
from packstation.adapters.db.journal_repository import SqlJournal
from packstation.adapters.db.order_repository import SqlOrders
from packstation.adapters.db.print_job_repository import SqlPrintJobs
from packstation.adapters.db.product_repository import SqlProducts
from packstation.adapters.db.report_repository import SqlReports
from packstation.adapters.db.user_repository import SqlSettings, SqlUsers

# How long a bulk writer (an import) pauses between its transactions for a waiting bench.
GIVE_WAY_S = 0.005


class SqlUnitOfWork:
    """``with uow: ...; uow.commit()`` — leaving the block without commit rolls back.

    Plain SQLAlchemy Core on one Connection: no ORM session, so nothing is loaded,
    tracked, refreshed or expired behind the services' back. A lost connection
    (server stopped, network gone) surfaces as :class:`StorageUnavailable`, so callers
    never see a driver exception and never believe something was stored when it was not.
    """

    orders: SqlOrders
    products: SqlProducts
    users: SqlUsers
    settings: SqlSettings
    reports: SqlReports
    journal: SqlJournal
    benches: SqlBenches
    print_jobs: SqlPrintJobs
    cartons: SqlCartons
    carrier_labels: SqlCarrierLabels

    def __init__(
        self, engine: Engine, readonly: bool = False, bulk: bool = False, held: HeldConnections | None = None
    ) -> None:
        self._engine = engine
        self._readonly = readonly
        self._bulk = bulk
        self._held = held  # SQLite: the thread's kept connection (see held_connections)
        self._borrowed = False
        self.connection: Connection

    def __enter__(self) -> Self:
        try:
            borrowed = self._held.borrow() if self._held is not None else None
            self._borrowed = borrowed is not None
            self.connection = borrowed if borrowed is not None else self._engine.connect()
        except DBAPIError as exc:  # connecting happens here, not inside the caller's block
            _translate(exc, str(self._engine.url))
            raise
        options = self.connection.get_execution_options()
        # Set in place on the Connection: a kept connection (SQLite) carries them from its last unit of work.
        if options.get(READONLY, False) != self._readonly or options.get(BULK, False) != self._bulk:
            self.connection.execution_options(**{READONLY: self._readonly, BULK: self._bulk})
        self.orders = SqlOrders(self.connection)
        self.products = SqlProducts(self.connection)
        self.users = SqlUsers(self.connection)
        self.settings = SqlSettings(self.connection)
        self.reports = SqlReports(self.connection)
        self.journal = SqlJournal(self.connection)
        self.benches = SqlBenches(self.connection)
        self.print_jobs = SqlPrintJobs(self.connection)
        self.cartons = SqlCartons(self.connection)
        self.carrier_labels = SqlCarrierLabels(self.connection)
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        broken = isinstance(exc, DBAPIError)
        try:
            self.connection.rollback()
            if self._bulk:
                restore_durability(self.connection)
        except DBAPIError:
            broken = True  # the connection is already gone; nothing was committed
        finally:
            if self._borrowed:
                assert self._held is not None
                self._held.give_back(self.connection, broken)
            else:
                self.connection.close()
        _translate(exc, str(self._engine.url))

    def commit(self) -> None:
        self.connection.commit()

    def tidy(self) -> None:
        """SQLite: checkpoint the WAL (PASSIVE: never waits for readers), then give way.

        Left to itself, SQLite checkpoints in whichever connection commits once the log passes
        1,000 pages: after an import's batches that is a bench's scan, which then waits ~1 s.
        And SQLite's write lock has no queue: a writer that commits and begins again at once
        can hold off a waiting bench batch after batch, so a bulk writer pauses a moment here
        for whoever waits (engine.begin_immediate polls every millisecond).
        """
        if self.connection.dialect.name != "sqlite":
            return
        raw = self.connection.connection.dbapi_connection
        if raw is not None and not self.connection.in_transaction():
            raw.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchall()
        time.sleep(GIVE_WAY_S)


def _translate(exc: BaseException | None, url: str = "") -> None:
    """Raise the named storage fault (StorageUnavailable) for a driver error; leave others alone."""
    if exc is None:
        return
    named = fault(exc, url)
    if named is not None:
        raise named from exc


class SqlUowFactory:
    """A factory the services call once per use case (``readonly=True`` for units that only read)."""

    def __init__(self, engine: Engine) -> None:
        self._engine = engine
        # SQLite: each thread keeps its connection between units of work (see held_connections).
        self._held = HeldConnections(engine) if engine.dialect.name == "sqlite" else None

    def __call__(self, *, readonly: bool = False, bulk: bool = False) -> SqlUnitOfWork:
        return SqlUnitOfWork(self._engine, readonly, bulk, self._held)


def uow_factory(engine: Engine) -> SqlUowFactory:
    return SqlUowFactory(engine)
