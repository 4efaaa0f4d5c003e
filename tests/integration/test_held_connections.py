"""SQLite units of work borrow their thread's kept connection: one transaction each, nothing else shared."""

from __future__ import annotations

import gc
import sqlite3
import threading
from pathlib import Path

import pytest
from sqlalchemy import text

from packstation.adapters.db.engine import make_engine
from packstation.adapters.db.migrate import upgrade
from packstation.adapters.db.unit_of_work import SqlUnitOfWork, uow_factory
from packstation.domain.errors import StorageUnavailable
from packstation.domain.users import User


@pytest.fixture
def engine(tmp_path: Path):  # type: ignore[no-untyped-def]
    eng = make_engine(f"sqlite:///{tmp_path}/held.db")
    upgrade(eng)
    yield eng
    eng.dispose()


def driver_connection(uow: SqlUnitOfWork) -> sqlite3.Connection:
    raw = uow.connection.connection.dbapi_connection
    assert isinstance(raw, sqlite3.Connection)
    return raw


def test_a_thread_reuses_its_connection_and_each_unit_of_work_is_its_own_transaction(engine) -> None:
    factory = uow_factory(engine)
    with factory() as uow:
        first = driver_connection(uow)
        uow.users.add(User("Anna", "PKR-1"))  # not committed: rolled back on leaving
    with factory() as uow:
        assert driver_connection(uow) is first
        assert uow.users.by_badge("PKR-1") is None
        uow.users.add(User("Anna", "PKR-1"))
        uow.commit()
    with factory() as uow:
        assert uow.users.by_badge("PKR-1") is not None
        assert uow.connection.in_transaction()  # the read above began a transaction …
    assert not first.in_transaction  # … which ended with the unit of work


def test_a_unit_of_work_inside_another_gets_a_connection_of_its_own(engine) -> None:
    factory = uow_factory(engine)
    with factory() as outer, factory() as inner:
        assert driver_connection(inner) is not driver_connection(outer)
        assert inner.products.count() == 0


def test_threads_do_not_share_connections(engine) -> None:
    factory = uow_factory(engine)
    seen: list[int] = []

    def work() -> None:
        with factory() as uow:
            seen.append(id(driver_connection(uow)))

    with factory() as uow:
        mine = id(driver_connection(uow))
    thread = threading.Thread(target=work)
    thread.start()
    thread.join()
    assert seen and seen[0] != mine


def test_dispose_and_the_end_of_a_thread_close_the_kept_connections(engine) -> None:
    factory = uow_factory(engine)
    kept: list[sqlite3.Connection] = []

    def work() -> None:
        with factory() as uow:
            kept.append(driver_connection(uow))

    thread = threading.Thread(target=work)
    thread.start()
    thread.join()
    del thread
    gc.collect()
    with pytest.raises(sqlite3.ProgrammingError):
        kept[0].execute("SELECT 1")  # closed when its thread went away

    with factory() as uow:
        mine = driver_connection(uow)
    engine.dispose()
    with pytest.raises(sqlite3.ProgrammingError):
        mine.execute("SELECT 1")
    with factory() as uow:  # the engine still works after dispose(), on a new connection
        assert driver_connection(uow) is not mine
        assert uow.products.count() == 0


def test_after_a_database_error_the_next_unit_of_work_gets_a_new_connection(engine) -> None:
    factory = uow_factory(engine)
    with pytest.raises(StorageUnavailable):
        with factory() as uow:
            broken = driver_connection(uow)
            uow.connection.execute(text("SELECT * FROM no_such_table"))
    with factory() as uow:
        assert driver_connection(uow) is not broken
        assert uow.products.count() == 0
