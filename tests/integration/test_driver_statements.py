"""The scan's hot statements on the driver's cursor behave as the SQLAlchemy Core statements did.

Same rows stored (byte for byte, dates and booleans included), same answers, inside the unit
of work's transaction (never committing by themselves, BEGIN IMMEDIATE first on SQLite), and
driver errors surfacing as SQLAlchemy's exceptions, so the unit of work still turns a lost
database into ``StorageUnavailable``. Both databases.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import datetime

import pytest
from packing_support import MUG_EAN, SOAP_EAN, batch, make_app, open_order, order
from sqlalchemy import Connection, Engine, select, text
from sqlalchemy.exc import OperationalError

from packstation.adapters.db import statements
from packstation.adapters.db.engine import make_engine
from packstation.adapters.db.models import OrderLine, ScanEvent
from packstation.adapters.db.unit_of_work import SqlUnitOfWork
from packstation.domain.errors import StorageUnavailable
from packstation.domain.journal import ScanRecord
from packstation.services.importing import import_batch

AT = datetime(2026, 3, 9, 7, 15, 42, 123456)


@dataclass
class Packing:
    """An app whose bench-1 holds order D-1 (status packing), one line of 5 mugs, none scanned."""

    engine: Engine
    order_id: int
    line_id: int
    bench_id: str  # the claim's bench id (bench-1 is this bench)


@pytest.fixture
def app(db_url, tmp_path):
    application = make_app(db_url, "bench-1", tmp_path / "printed")
    import_batch(application.uow, batch(order("D-1", ("SKU-MUG", 5))), "orders.json")
    snapshot = open_order(application.bench(), "D-1")
    with application.engine.connect() as conn:
        claim_bench = conn.scalar(text("SELECT claim_bench FROM orders WHERE id = :id"), {"id": snapshot.order_id})
    yield Packing(application.engine, snapshot.order_id, snapshot.lines[0].line_id, claim_bench)
    application.dispose()


def scan_params(app: Packing, station: str = "bench-1") -> dict:
    record = ScanRecord(
        at=AT,
        order_id=app.order_id,
        line_id=app.line_id,
        raw=MUG_EAN,
        code=MUG_EAN,
        verdict="accepted",
        message_code="scan.accepted",
        quantity=1,
        station=station,
        packer="Anna Kowalska",
    )
    params = {name: getattr(record, name) for name in statements.SCAN_FIELDS}
    params.update(b_order=app.order_id, b_station=station, b_bench=app.bench_id, voided=False)
    return params


def stored_scan(conn: Connection, event_id: int) -> dict:
    # Raw column values, as the driver returns them: what is on disk, not what the types make of it.
    row = conn.exec_driver_sql(f"SELECT * FROM scan_events WHERE id = {int(event_id)}").mappings().one()
    return {k: v for k, v in row.items() if k != "id"}


def test_the_guarded_scan_stores_the_same_row_as_the_core_statement(app: Packing) -> None:
    with app.engine.connect() as conn:
        by_core = conn.execute(statements.GUARDED_SCAN, scan_params(app)).scalar_one()
        cursor = statements.GUARDED_SCAN_ON_DRIVER.execute(conn, scan_params(app))
        (by_driver,) = cursor.fetchall()[0]
        cursor.close()
        assert by_driver == by_core + 1
        assert stored_scan(conn, by_driver) == stored_scan(conn, by_core)
        conn.rollback()


def test_the_guards_refuse_the_same_way(app: Packing) -> None:
    with app.engine.connect() as conn:
        elsewhere = scan_params(app, station="bench-2")  # the claim is bench-1's
        assert conn.execute(statements.GUARDED_SCAN, elsewhere).first() is None
        assert statements.GUARDED_SCAN_ON_DRIVER.execute(conn, elsewhere).fetchall() == []
        for expected, matches in ((0, True), (7, False)):
            params = {"b_line": app.line_id, "b_units": 1, "b_expected": expected}
            core = conn.execute(statements.ADD_SCANNED, params).rowcount
            conn.rollback()
            driver = statements.ADD_SCANNED_ON_DRIVER.execute(conn, params).rowcount
            assert core == driver == (1 if matches else 0)
            conn.rollback()


def test_the_lookup_answers_the_same(app: Packing) -> None:
    with app.engine.connect() as conn:
        for code in (MUG_EAN, SOAP_EAN, "0000000000000"):
            core = conn.execute(statements.LOOKUP, {"code": code}).first()
            driver = statements.LOOKUP_ON_DRIVER.execute(conn, {"code": code}).fetchone()
            assert (None if core is None else tuple(core)) == driver


def test_nothing_is_stored_without_the_commit(app: Packing) -> None:
    """A driver statement runs inside the unit of work's transaction, never committing by itself."""
    with SqlUnitOfWork(app.engine) as uow:
        assert uow.connection.in_transaction() is False
        assert uow.journal.record_claimed_scan(_record(app), app.bench_id) is not None
        assert uow.orders.add_scanned(app.line_id, 1, 0) is True
        assert uow.connection.in_transaction() is True
        # no commit: leaving the block rolls back
    with app.engine.connect() as conn:
        assert conn.scalar(select(ScanEvent.id).where(ScanEvent.code == "NOT-COMMITTED")) is None
        assert conn.scalar(select(OrderLine.scanned).where(OrderLine.id == app.line_id)) == 0


def test_on_sqlite_the_lookup_already_holds_the_write_lock(sqlite_url, tmp_path) -> None:
    """BEGIN IMMEDIATE still comes first: a scan's read-then-write cannot be overtaken."""
    app = make_app(sqlite_url, "bench-1", tmp_path / "printed")
    try:
        with SqlUnitOfWork(app.engine) as uow:
            assert uow.products.lookup(MUG_EAN) is None  # an empty catalogue: a read …
            other = sqlite3.connect(sqlite_url.removeprefix("sqlite:///"), timeout=0, isolation_level=None)
            try:
                with pytest.raises(sqlite3.OperationalError, match="locked"):
                    other.execute("BEGIN IMMEDIATE")  # … that already took the write lock
            finally:
                other.close()
    finally:
        app.dispose()


def test_driver_errors_are_sqlalchemy_errors_and_storage_unavailable(tmp_path) -> None:
    engine = make_engine(f"sqlite:///{tmp_path}/empty.db")  # not migrated: no tables
    try:
        with engine.connect() as conn:
            with pytest.raises(OperationalError) as core:
                conn.execute(statements.LOOKUP, {"code": MUG_EAN})
            conn.rollback()
            with pytest.raises(OperationalError) as driver:
                statements.LOOKUP_ON_DRIVER.execute(conn, {"code": MUG_EAN})
            assert type(driver.value) is type(core.value)
            assert type(driver.value.orig) is type(core.value.orig)
        with pytest.raises(StorageUnavailable):
            with SqlUnitOfWork(engine) as uow:
                uow.products.lookup(MUG_EAN)
    finally:
        engine.dispose()


@pytest.mark.postgres
def test_a_connection_lost_mid_scan_is_invalidated_and_the_next_scan_reconnects(pg_url, tmp_path) -> None:
    app = make_app(pg_url, "bench-1", tmp_path / "printed")
    try:
        with pytest.raises(StorageUnavailable):
            with SqlUnitOfWork(app.engine) as uow:
                pid = uow.connection.scalar(text("SELECT pg_backend_pid()"))
                with app.engine.connect() as admin:
                    admin.execute(text("SELECT pg_terminate_backend(:pid)"), {"pid": pid})
                    admin.commit()
                uow.products.lookup(MUG_EAN)
        with SqlUnitOfWork(app.engine) as uow:  # a fresh connection, not the dead one
            assert uow.connection.scalar(text("SELECT pg_backend_pid()")) != pid
            assert uow.products.lookup(MUG_EAN) is None
    finally:
        app.dispose()


def _record(app: Packing) -> ScanRecord:
    return ScanRecord(
        at=AT,
        order_id=app.order_id,
        line_id=app.line_id,
        raw="NOT-COMMITTED",
        code="NOT-COMMITTED",
        verdict="accepted",
        message_code="scan.accepted",
        quantity=1,
        station="bench-1",
        packer="Anna Kowalska",
    )
