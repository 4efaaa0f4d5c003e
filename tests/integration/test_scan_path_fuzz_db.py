"""The scan-path fuzz of tests/unit/test_scan_path_fuzz.py on SQLite and PostgreSQL: what the
bench shows is what the database stores, for any input.
"""

from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, given, settings

from packstation.services.orders_admin import show_order
from tests.bench_support import BADGE, PACKER, PRODUCTS
from tests.unit.test_scan_path_fuzz import ORDERS, SCANS, check_one


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(scans=SCANS)
def test_any_scan_sequence_on_a_database(db_url: str, tmp_path: Path, scans: list[str]) -> None:  # type: ignore[no-untyped-def]
    from sqlalchemy import func, select

    from packstation import bootstrap, config
    from packstation.adapters.db.models import ScanEvent
    from packstation.domain.records import ImportBatch
    from packstation.domain.settings import LOGIN_REQUIRED
    from packstation.services.importing import import_batch
    from packstation.services.settings import set_setting
    from packstation.services.users import add_user

    app = bootstrap.bootstrap(config.load(db_url=db_url, station="fuzz", print_to=str(tmp_path / "printed")))
    try:
        with app.uow() as uow:
            fresh = uow.products.count() == 0
        if fresh:
            import_batch(app.uow, ImportBatch(products=PRODUCTS, orders=ORDERS), "fuzz")
            add_user(app.uow, PACKER, BADGE)
            set_setting(app.uow, LOGIN_REQUIRED, "off")  # the scan path, as the in-memory fuzz test runs it
        bench = app.bench()

        def counts(number: str) -> list[tuple[str, int, int]]:
            return [(ln["sku"], ln["scanned"], ln["quantity"]) for ln in show_order(app.uow, number)["lines"]]

        def events() -> int:
            with app.engine.connect() as conn:
                return int(conn.scalar(select(func.count(ScanEvent.id))) or 0)

        for raw in scans:
            check_one(bench, counts, events, raw)
    finally:
        app.dispose()
