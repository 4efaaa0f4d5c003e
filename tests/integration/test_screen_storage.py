"""What the bench screen needs from storage, on SQLite and PostgreSQL: the accent-blind queue
filter, orders found by their digits, UNDO voiding one scan, and the search key kept up to date
by re-imports and by the migration that introduced it."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from sqlalchemy import inspect, text

from packstation.adapters.db.engine import make_engine
from packstation.services.bench.commands import Scan, Undo
from packstation.services.importing import import_batch
from packstation.services.orders_admin import list_orders, show_order
from tests.integration.packing_support import MUG_EAN, SOAP_EAN, batch, make_app, open_order, order


def _numbers(page) -> list[str]:  # type: ignore[no-untyped-def]
    return [row.number for row in page.rows]


def test_queue_filter_ignores_case_and_accents(db_url: str) -> None:
    app = make_app(db_url)
    try:
        import_batch(
            app.uow,
            batch(
                order("PL-10010", ("SKU-MUG", 1)),
                order("PL-10011", ("SKU-MUG", 1), customer="Łukasz Żółkiewski"),
                order("UA-20001", ("SKU-MUG", 1), customer="Олена Шевченко"),
                order("PL-50%_", ("SKU-MUG", 1), customer="Procent Podkreślnik"),
            ),
            "t",
        )
        assert _numbers(list_orders(app.uow, (), "lodz")) == ["PL-10010", "PL-10011", "UA-20001", "PL-50%_"]
        assert _numbers(list_orders(app.uow, (), "ZOLK")) == ["PL-10011"]
        assert _numbers(list_orders(app.uow, (), "lukasz zolkiewski")) == ["PL-10011"]
        assert _numbers(list_orders(app.uow, (), "шевч")) == ["UA-20001"]
        assert _numbers(list_orders(app.uow, (), "10010")) == ["PL-10010"]
        assert _numbers(list_orders(app.uow, (), "50%_")) == ["PL-50%_"]  # LIKE wildcards taken literally
        assert _numbers(list_orders(app.uow, (), "0%")) == ["PL-50%_"]
        # A re-import that changes the customer moves the search key with it.
        renamed = replace(order("PL-10010", ("SKU-MUG", 1)), customer_name="Ścibor Gęślą")
        import_batch(app.uow, batch(renamed), "t")
        assert _numbers(list_orders(app.uow, (), "scibor gesla")) == ["PL-10010"]
    finally:
        app.dispose()


def test_orders_by_their_digits(db_url: str) -> None:
    app = make_app(db_url)
    try:
        import_batch(
            app.uow,
            batch(
                order("PL-10010", ("SKU-MUG", 1)),
                order("PL-100100", ("SKU-MUG", 1)),
                order("DE-77123", ("SKU-MUG", 1)),
                order("CZ-77123", ("SKU-MUG", 1)),
            ),
            "t",
        )
        with app.uow() as uow:
            assert uow.orders.numbers_with_digits("10010") == ("PL-10010",)
            assert uow.orders.numbers_with_digits("77123") == ("DE-77123", "CZ-77123")
            assert uow.orders.numbers_with_digits("1001") == ()
        assert app.bench().handle(Scan("77123")).code == "scan.unknown_no_order"  # type: ignore[union-attr]
        assert app.bench().handle(Scan("10010")).params["number"] == "PL-10010"  # type: ignore[union-attr]
    finally:
        app.dispose()


def test_undo_voids_one_scan_and_its_count_or_mismatch(db_url: str, tmp_path: Path) -> None:
    app = make_app(db_url, print_to=tmp_path / "printed")
    try:
        import_batch(app.uow, batch(order("PL-1", ("SKU-MUG", 3))), "t")
        bench = app.bench()
        open_order(bench, "PL-1")
        bench.scan(MUG_EAN)
        bench.scan(MUG_EAN)
        bench.scan(SOAP_EAN)
        wrong_undone = bench.handle(Undo())
        assert wrong_undone is not None and wrong_undone.params["verdict"] == "wrong_item"
        count_undone = bench.handle(Undo())
        assert count_undone is not None and count_undone.params["scanned"] == 1
        doc = show_order(app.uow, "PL-1")
        assert doc["lines"][0]["scanned"] == 1
        assert [(s["verdict"], s["voided"]) for s in doc["scans"]] == [
            ("accepted", False),
            ("accepted", True),
            ("wrong_item", True),
            ("command", False),
            ("command", False),
        ]
        assert [(m["kind"], m["voided"]) for m in doc["mismatches"]] == [("wrong_item", True)]
    finally:
        app.dispose()


def test_the_migration_fills_the_search_key_of_existing_orders(db_url: str) -> None:
    """Down to the revision before the search key, then up again: old orders are found accent-blind."""
    import importlib.util

    from alembic import command
    from alembic.config import Config

    from packstation.adapters.db import migrate

    path = next(migrate.VERSIONS_DIR.glob("*_order_search_key.py"))
    spec = importlib.util.spec_from_file_location("search_key_migration", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)

    app = make_app(db_url)
    try:
        import_batch(app.uow, batch(order("PL-10011", ("SKU-MUG", 1), customer="Łukasz Żółkiewski")), "t")
    finally:
        app.dispose()
    engine = make_engine(db_url)
    try:
        with engine.connect() as conn:
            cfg = Config(str(migrate.VERSIONS_DIR.parent.parent / "alembic.ini"))
            cfg.set_main_option("script_location", str(migrate.VERSIONS_DIR.parent))
            cfg.attributes["connection"] = conn
            command.downgrade(cfg, module.down_revision)
            conn.commit()
            assert "search_key" not in {c["name"] for c in inspect(conn).get_columns("orders")}
            command.upgrade(cfg, "head")
            conn.commit()
            key = conn.execute(text("SELECT search_key FROM orders WHERE number = 'PL-10011'")).scalar()
        assert key == "pl-10011 lukasz zolkiewski lodz"
    finally:
        engine.dispose()


def test_a_shop_cancellation_reaches_the_bench_and_cmd_ok_clears_it(db_url: str, tmp_path: Path) -> None:
    """The heartbeat notices the cancellation at once (on SQLite it used to wait out the write lock)."""
    import time

    from packstation.domain.records import ImportBatch
    from packstation.services.bench.commands import Heartbeat

    app = make_app(db_url, print_to=tmp_path / "printed")
    try:
        import_batch(app.uow, batch(order("PL-1", ("SKU-MUG", 3))), "t")
        bench = app.bench()
        open_order(bench, "PL-1")
        bench.scan(MUG_EAN)
        import_batch(app.uow, ImportBatch(orders=(order("PL-1", ("SKU-MUG", 3), status="cancelled"),)), "shop")
        started = time.monotonic()
        stop = bench.handle(Heartbeat())
        assert stop is not None and (stop.kind, stop.code) == ("order_cancelled", "order.cancelled_by_shop")
        assert time.monotonic() - started < 5  # not the 10 s busy timeout
        seen = bench.handle(Scan("CMD-OK"))
        assert seen is not None and seen.code == "order.cancellation_seen"
        assert show_order(app.uow, "PL-1")["status"] == "cancelled"
    finally:
        app.dispose()
