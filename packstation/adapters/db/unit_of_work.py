"""The unit of work: one transaction on one connection, its repositories, database errors made domain errors."""

from __future__ import annotations

from types import TracebackType
from typing import Self

from sqlalchemy import Connection, Engine
from sqlalchemy.exc import DBAPIError, OperationalError

from packstation.adapters.db.bench_repository import SqlBenches
from packstation.adapters.db.carrier_label_repository import SqlCarrierLabels
from packstation.adapters.db.engine import READONLY
from packstation.adapters.db.journal_repository import SqlJournal
from packstation.adapters.db.order_repository import SqlOrders
from packstation.adapters.db.print_job_repository import SqlPrintJobs
from packstation.adapters.db.product_repository import SqlPackers, SqlProducts
from packstation.domain.errors import StorageUnavailable


class SqlUnitOfWork:
    """``with uow: ...; uow.commit()`` — leaving the block without commit rolls back.

    Plain SQLAlchemy Core on one Connection: no ORM session, so nothing is loaded,
    tracked, refreshed or expired behind the services' back. A lost connection
    (server stopped, network gone) surfaces as :class:`StorageUnavailable`, so callers
    never see a driver exception and never believe something was stored when it was not.
    """

    orders: SqlOrders
    products: SqlProducts
    packers: SqlPackers
    journal: SqlJournal
    benches: SqlBenches
    print_jobs: SqlPrintJobs
    carrier_labels: SqlCarrierLabels

    def __init__(self, engine: Engine, readonly: bool = False) -> None:
        self._engine = engine
        self._readonly = readonly
        self.connection: Connection

    def __enter__(self) -> Self:
        try:
            self.connection = self._engine.connect()
        except DBAPIError as exc:  # connecting happens here, not inside the caller's block
            _translate(exc)
            raise
        if self._readonly:
            self.connection.execution_options(**{READONLY: True})
        self.orders = SqlOrders(self.connection)
        self.products = SqlProducts(self.connection)
        self.packers = SqlPackers(self.connection)
        self.journal = SqlJournal(self.connection)
        self.benches = SqlBenches(self.connection)
        self.print_jobs = SqlPrintJobs(self.connection)
        self.carrier_labels = SqlCarrierLabels(self.connection)
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        try:
            self.connection.rollback()
        except DBAPIError:
            pass  # the connection is already gone; nothing was committed
        finally:
            self.connection.close()
        _translate(exc)

    def commit(self) -> None:
        self.connection.commit()


def _translate(exc: BaseException | None) -> None:
    """Raise StorageUnavailable for a lost or unreachable database."""
    if isinstance(exc, OperationalError) or (isinstance(exc, DBAPIError) and exc.connection_invalidated):
        raise StorageUnavailable("database unavailable", detail=str(exc.orig)[:200]) from exc


class SqlUowFactory:
    """A factory the services call once per use case (``readonly=True`` for units that only read)."""

    def __init__(self, engine: Engine) -> None:
        self._engine = engine

    def __call__(self, *, readonly: bool = False) -> SqlUnitOfWork:
        return SqlUnitOfWork(self._engine, readonly)


def uow_factory(engine: Engine) -> SqlUowFactory:
    return SqlUowFactory(engine)
