"""A bench acts only on orders it still holds: cancellations, take-overs and swaps (both databases)."""

from __future__ import annotations

from dataclasses import replace

import pytest
from packing_support import MUG_EAN, PRODUCTS, age_claim, batch, make_app, open_order, order, simple_orders

from packstation.domain.errors import ImportRejected
from packstation.domain.records import ImportBatch, ProductRecord
from packstation.domain.status import Status
from packstation.services.bench.commands import Finish
from packstation.services.importing import import_batch
from packstation.services.orders_admin import list_orders, show_order


@pytest.fixture
def app(db_url, tmp_path):
    application = make_app(db_url, "bench-1", tmp_path / "printed", auto_next=False)
    yield application
    application.dispose()


def test_finish_after_a_shop_cancellation_prints_nothing(app, tmp_path):
    import_batch(app.uow, batch(order("G-1", ("SKU-MUG", 1))), "orders.json")
    bench = app.bench()
    open_order(bench, "G-1")
    assert bench.scan(MUG_EAN).kind == "accepted"
    import_batch(app.uow, batch(order("G-1", ("SKU-MUG", 1), status="cancelled")), "orders.json")

    finished = bench.handle(Finish())

    assert finished is not None and (finished.kind, finished.code) == ("order_cancelled", "order.cancelled_by_shop")
    assert bench.session.order_id is None and finished.order is None
    assert not (tmp_path / "printed").exists() or list((tmp_path / "printed").iterdir()) == []
    stored = show_order(app.uow, "G-1")
    assert stored["status"] == "cancelled" and stored["parcels"] == []


def test_a_bench_whose_claim_was_taken_over_cannot_finish_or_count(app, db_url, tmp_path):
    import_batch(app.uow, batch(order("G-2", ("SKU-MUG", 2))), "orders.json")
    first = app.bench()
    open_order(first, "G-2")
    assert first.scan(MUG_EAN).kind == "accepted"
    age_claim(app, "G-2", 3600)  # the first bench went silent long ago
    other = make_app(db_url, "bench-2", tmp_path / "printed2")
    try:
        open_order(other.bench(), "G-2")
        refused = first.scan(MUG_EAN)
        assert (refused.kind, refused.code) == ("refused", "order.lost_claim")
        assert first.session.order_id is None
        stored = show_order(app.uow, "G-2")
        assert stored["claimed_by"] == "bench-2" and stored["lines"][0]["scanned"] == 1
    finally:
        other.dispose()


def test_scanning_an_order_held_elsewhere_keeps_the_current_one_open(app, db_url, tmp_path):
    import_batch(app.uow, simple_orders(2, "SW"), "orders.json")
    other = make_app(db_url, "bench-2", tmp_path / "printed2")
    try:
        open_order(other.bench(), "SW-0002")
        bench = app.bench()
        open_order(bench, "SW-0001")
        refused = bench.scan("SW-0002")
        assert (refused.kind, refused.code) == ("refused", "order.claimed_elsewhere")
        assert refused.order is not None and refused.order.number == "SW-0001"
        assert show_order(app.uow, "SW-0001")["claimed_by"] == "bench-1"
    finally:
        other.dispose()


def test_a_product_barcode_may_not_be_an_order_number(app):
    import_batch(app.uow, batch(order("1002", ("SKU-MUG", 1))), "orders.json")
    clash = ImportBatch(products=(*PRODUCTS, ProductRecord("SKU-NEW", "Nowy", ("1002",))))
    with pytest.raises(ImportRejected) as refused:
        import_batch(app.uow, clash, "products.csv")
    assert any("order number" in reason for _, reason in refused.value.errors)


def test_the_open_queue_is_filtered_in_the_database(sqlite_url, tmp_path):
    application = make_app(sqlite_url, "bench-1", tmp_path / "printed")
    try:
        old = [replace(o, status="cancelled") for o in simple_orders(520, "OLD").orders]
        import_batch(application.uow, batch(*old), "old.json")
        import_batch(application.uow, batch(order("NEW-1", ("SKU-MUG", 1))), "new.json")
        page = list_orders(application.uow, (Status.NEW, Status.PACKING), limit=500)
        assert [r.number for r in page.rows] == ["NEW-1"] and page.total == 1
    finally:
        application.dispose()
