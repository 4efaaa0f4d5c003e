"""The unit of work: one transaction, its repositories, and database errors turned into domain errors."""

from __future__ import annotations

from collections.abc import Callable
from types import TracebackType

from sqlalchemy import Connection, Engine
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
        _translate(exc)
        return False

    def flush(self) -> None:
        self.session.flush()

    def refresh(self, obj: object) -> None:
        """Reload ``obj`` from the database (after a conditional UPDATE changed it)."""
        self.session.refresh(obj)

    def commit(self) -> None:
        self.session.commit()


class CoreUnitOfWork:
    """The scan path's unit of work: the same repositories on a bare Connection, no ORM Session.

    A scan is a lookup, two or three plain statements and a commit; the Session's
    bookkeeping would cost more than all of them together. Only the repository
    methods that run plain statements may be used here (lookup, record_claimed_scan,
    add_scanned, record_mismatch).
    """

    def __init__(self, engine: Engine) -> None:
        self._engine = engine
        self.connection: Connection

    def __enter__(self) -> CoreUnitOfWork:
        try:
            self.connection = self._engine.connect()
        except DBAPIError as exc:  # connecting happens here, not inside the caller's block
            _translate(exc)
            raise
        self.orders = OrderRepository(self.connection)  # type: ignore[arg-type]
        self.products = ProductRepository(self.connection)  # type: ignore[arg-type]
        self.journal = JournalRepository(self.connection)  # type: ignore[arg-type]
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> bool:
        try:
            self.connection.rollback()
        except DBAPIError:
            pass
        finally:
            self.connection.close()
        _translate(exc)
        return False

    def commit(self) -> None:
        self.connection.commit()


def _translate(exc: BaseException | None) -> None:
    """Raise StorageUnavailable for a lost or unreachable database."""
    if isinstance(exc, OperationalError) or (isinstance(exc, DBAPIError) and exc.connection_invalidated):
        raise StorageUnavailable("database unavailable", detail=str(exc.orig)[:200]) from exc


def scan_uow_factory(engine: Engine) -> Callable[[], CoreUnitOfWork]:
    return lambda: CoreUnitOfWork(engine)


def uow_factory(engine: Engine) -> Callable[[], SqlUnitOfWork]:
    """A factory the services call once per use case."""
    sessions = sessionmaker(bind=engine, expire_on_commit=False)
    return lambda: SqlUnitOfWork(sessions)
