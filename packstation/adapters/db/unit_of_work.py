"""The unit of work: one transaction on one connection, its repositories, database errors made domain errors."""

from __future__ import annotations

from collections.abc import Callable
from types import TracebackType
from typing import Self

from sqlalchemy import Connection, Engine
from sqlalchemy.exc import DBAPIError, OperationalError

from packstation.adapters.db.held_connections import HeldConnections
from packstation.adapters.db.journal_repository import SqlJournal
from packstation.adapters.db.order_repository import SqlOrders
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

    def __init__(self, engine: Engine, held: HeldConnections | None = None) -> None:
        self._engine = engine
        self._held = held  # SQLite: the thread's kept connection (see held_connections)
        self._borrowed = False
        self.connection: Connection

    def __enter__(self) -> Self:
        try:
            borrowed = self._held.borrow() if self._held is not None else None
            self._borrowed = borrowed is not None
            self.connection = borrowed if borrowed is not None else self._engine.connect()
        except DBAPIError as exc:  # connecting happens here, not inside the caller's block
            _translate(exc)
            raise
        self.orders = SqlOrders(self.connection)
        self.products = SqlProducts(self.connection)
        self.packers = SqlPackers(self.connection)
        self.journal = SqlJournal(self.connection)
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        broken = isinstance(exc, DBAPIError)
        try:
            self.connection.rollback()
        except DBAPIError:
            broken = True  # the connection is already gone; nothing was committed
        finally:
            if self._borrowed:
                assert self._held is not None
                self._held.give_back(self.connection, broken)
            else:
                self.connection.close()
        _translate(exc)

    def commit(self) -> None:
        self.connection.commit()


def _translate(exc: BaseException | None) -> None:
    """Raise StorageUnavailable for a lost or unreachable database."""
    if isinstance(exc, OperationalError) or (isinstance(exc, DBAPIError) and exc.connection_invalidated):
        raise StorageUnavailable("database unavailable", detail=str(exc.orig)[:200]) from exc


def uow_factory(engine: Engine) -> Callable[[], SqlUnitOfWork]:
    """A factory the services call once per use case; on SQLite each thread keeps its connection."""
    held = HeldConnections(engine) if engine.dialect.name == "sqlite" else None
    return lambda: SqlUnitOfWork(engine, held)
