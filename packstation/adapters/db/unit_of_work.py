"""The unit of work: one transaction, its repositories, and database errors turned into domain errors."""

from __future__ import annotations

from collections.abc import Callable
from types import TracebackType

from sqlalchemy import Engine
from sqlalchemy.exc import DBAPIError, OperationalError
from sqlalchemy.orm import Session, sessionmaker

from packstation.adapters.db.repositories import JournalRepository, OrderRepository, ProductRepository
from packstation.domain.errors import StorageUnavailable


class SqlUnitOfWork:
    """``with uow: ...; uow.commit()`` — leaving the block without commit rolls back.

    A lost connection (server stopped, network gone) surfaces as
    :class:`StorageUnavailable`, so callers never see a driver exception and
    never believe something was stored when it was not.
    """

    def __init__(self, session_factory: sessionmaker[Session]) -> None:
        self._session_factory = session_factory
        self.session: Session

    def __enter__(self) -> SqlUnitOfWork:
        self.session = self._session_factory()
        self.orders = OrderRepository(self.session)
        self.products = ProductRepository(self.session)
        self.journal = JournalRepository(self.session)
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> bool:
        try:
            self.session.rollback()
        except DBAPIError:
            pass  # the connection is already gone; nothing was committed
        finally:
            self.session.close()
        if isinstance(exc, OperationalError) or (isinstance(exc, DBAPIError) and exc.connection_invalidated):
            raise StorageUnavailable("database unavailable", detail=str(exc.orig)[:200]) from exc
        return False

    def flush(self) -> None:
        self.session.flush()

    def refresh(self, obj: object) -> None:
        """Reload ``obj`` from the database (after a conditional UPDATE changed it)."""
        self.session.refresh(obj)

    def commit(self) -> None:
        self.session.commit()


def uow_factory(engine: Engine) -> Callable[[], SqlUnitOfWork]:
    """A factory the services call once per use case."""
    sessions = sessionmaker(bind=engine, expire_on_commit=False)
    return lambda: SqlUnitOfWork(sessions)
