"""A large import on SQLite while a bench scans and another bench starts: nobody is refused or frozen.

The import is validated whole (reading, no lock) and written in short batches, so the bench's
scans wait at most one batch. The bound asserted here (1 s) is a correctness bound against
the old behaviour (10 s waits and refusals); the figure itself is measured by bench/importing.py.
"""

from __future__ import annotations

import threading
import time
from pathlib import Path

from packing_support import MUG_EAN, batch, make_app, open_order, order

from packstation.services.bench.commands import Register, Resume
from packstation.services.importing import import_batch
from packstation.services.orders_admin import list_orders, show_order

BOUND_S = 1.0


def test_scans_are_answered_during_a_large_import(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'bench.db'}"
    app = make_app(url, "bench-1")
    importer = make_app(url, "import")
    try:
        import_batch(app.uow, batch(order("SCAN-1", ("SKU-MUG", 100_000))), "one.json")
        bench = app.bench()
        open_order(bench, "SCAN-1")
        big = batch(*(order(f"BIG-{i:05d}", ("SKU-MUG", 1), ("SKU-SPOON", 2)) for i in range(12_000)))
        errors: list[BaseException] = []

        def run_import() -> None:
            try:
                import_batch(importer.uow, big, "big.json")
            except BaseException as exc:  # noqa: BLE001 - reported below
                errors.append(exc)

        worker = threading.Thread(target=run_import)
        worker.start()
        waits: list[float] = []
        kinds: set[str] = set()
        started_during = None
        while worker.is_alive():
            t0 = time.monotonic()
            outcome = bench.scan(MUG_EAN)
            waits.append(time.monotonic() - t0)
            kinds.add(str(outcome.kind))
            if started_during is None and len(waits) == 5:  # a bench starting in the middle of it
                late = make_app(url, "bench-2")
                try:
                    fresh = late.bench()
                    started_during = (fresh.handle(Register()), fresh.handle(Resume()))
                finally:
                    late.dispose()
        worker.join()
        assert errors == []
        assert kinds == {"accepted"}, kinds  # never "database unavailable"
        slow = sorted(((w, i) for i, w in enumerate(waits)), reverse=True)[:5]
        assert len(waits) > 5 and max(waits) < BOUND_S, (len(waits), slow)
        assert started_during is not None and started_during[0].code == "bench.registered"
        assert list_orders(app.uow, limit=1).total == 12_001
        assert show_order(app.uow, "SCAN-1")["lines"][0]["scanned"] == len(waits)
    finally:
        importer.dispose()
        app.dispose()
