"""A serial is packed once, in any order: the database's UNIQUE (gtin, serial) decides (both databases).

Proved three ways: a raw INSERT of the same GTIN + serial fails on the constraint itself; two
transactions reserving one serial at once (the second waits on the first's lock) end with one
winner; and two benches scanning one serialised unit into two orders give the second
``duplicate_serial``. Lots, serials, expiry and symbology are stored on the scan events.
"""

from __future__ import annotations

import threading
from datetime import date
from decimal import Decimal

import pytest
from packing_support import PRODUCTS, make_app, open_order, order
from sqlalchemy import insert, text
from sqlalchemy.exc import IntegrityError

from packstation.adapters.db.models import UnitSerial
from packstation.domain import barcodes
from packstation.domain.clock import utcnow
from packstation.domain.records import ImportBatch, ProductRecord
from packstation.services.importing import import_batch
from packstation.services.orders_admin import show_order

SYRUP = barcodes.with_check_digit("590123400010")
GTIN = barcodes.normalise(SYRUP)
TRACKED = ProductRecord("SKU-SYRUP", "Syrop", (SYRUP,), (), Decimal("0.150"), "D-01", tracking="serial")


def unit(serial: str, lot: str = "L1", expiry: str = "301231") -> str:
    return "]d2" + "01" + GTIN + "17" + expiry + "10" + lot + barcodes.GS + "21" + serial


@pytest.fixture
def app(db_url, tmp_path):  # type: ignore[no-untyped-def]
    application = make_app(db_url, "bench-1", tmp_path / "printed", auto_next=False)
    orders = (order("SN-1", ("SKU-SYRUP", 2)), order("SN-2", ("SKU-SYRUP", 1)))
    import_batch(application.uow, ImportBatch(products=(*PRODUCTS, TRACKED), orders=orders), "test")
    yield application
    application.dispose()


def _event_ids(app) -> tuple[int, int]:  # type: ignore[no-untyped-def]
    with app.engine.connect() as conn:
        order_id = conn.execute(text("SELECT id FROM orders WHERE number = 'SN-1'")).scalar_one()
        stmt = text(
            "INSERT INTO scan_events (at, order_id, raw, code, verdict, message_code, quantity, station, packer,"
            " voided)"
            " VALUES (:at, :o, 'x', 'x', 'accepted', 'scan.accepted', 1, 'b', 'p', :f)"
        )
        conn.execute(stmt, {"at": utcnow(), "o": order_id, "f": False})
        event_id = conn.execute(text("SELECT max(id) FROM scan_events")).scalar_one()
        conn.commit()
    return order_id, event_id


def test_the_unique_constraint_is_in_the_database(app) -> None:  # type: ignore[no-untyped-def]
    order_id, event_id = _event_ids(app)
    row = {"gtin": GTIN, "serial": "S-1", "order_id": order_id, "scan_event_id": event_id, "at": utcnow()}
    with app.engine.begin() as conn:
        conn.execute(insert(UnitSerial).values(row))
    with pytest.raises(IntegrityError, match="(?i)unique"), app.engine.begin() as conn:
        conn.execute(insert(UnitSerial).values(row))


def test_two_transactions_reserving_one_serial_have_one_winner(app) -> None:  # type: ignore[no-untyped-def]
    order_id, event_id = _event_ids(app)
    first = app.uow()
    first.__enter__()
    results: list[bool] = []
    try:
        assert first.journal.reserve_serial(GTIN, "S-7", order_id, event_id, utcnow()) is True

        def second() -> None:
            with app.uow() as uow:  # waits for the first transaction's lock on both databases
                results.append(uow.journal.reserve_serial(GTIN, "S-7", order_id, event_id, utcnow()))
                uow.commit()

        thread = threading.Thread(target=second)
        thread.start()
        thread.join(0.5)
        first.commit()
    finally:
        first.__exit__(None, None, None)
    thread.join(30)
    assert results == [False]


def test_a_unit_scanned_into_two_orders_is_a_duplicate(app, tmp_path) -> None:  # type: ignore[no-untyped-def]
    other = make_app(app.config.db_url, "bench-2", tmp_path / "printed2", auto_next=False)
    try:
        one, two = app.bench(), other.bench()
        open_order(one, "SN-1")
        open_order(two, "SN-2")
        assert one.scan(unit("S-100")).kind == "accepted"
        duplicate = two.scan(unit("S-100", lot="L2"))
        assert (duplicate.kind, duplicate.params["order"]) == ("duplicate_serial", "SN-1")
        assert one.scan(unit("S-100")).kind == "already_counted"
        assert two.scan(unit("S-101")).kind == "accepted"
    finally:
        other.dispose()
    scans = show_order(app.uow, "SN-1")["scans"]
    assert [(s["verdict"], s["symbology"], s["lot"], s["serial"], s["expiry"]) for s in scans] == [
        ("accepted", "]d2", "L1", "S-100", date(2030, 12, 31).isoformat()),
        ("already_counted", "]d2", "L1", "S-100", date(2030, 12, 31).isoformat()),
    ]
    assert show_order(app.uow, "SN-2")["mismatches"][0]["kind"] == "duplicate_serial"
