"""Set-up and diagnostics of bench/scan_latency.py: the bench's data, an opened bench, phase (d)."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from typing import Any

from _probe import ScanProbe, service_parts

from packstation import bootstrap, config
from packstation.domain import barcodes
from packstation.domain.records import Address, ImportBatch, OrderLineRecord, OrderRecord, ProductRecord
from packstation.services.bench.commands import OpenOrder, Scan

BENCH_BARCODE = barcodes.with_check_digit("590999000001")  # outside the demo's 590000100000.. range
DIAG_IDLE_MS = 75  # about the gap a 13-character burst at 5 ms/key leaves between two scans


def bench_batch(stamp: str, units: int) -> tuple[ImportBatch, str, str, str]:
    """One bench product and two orders (phases a and b), each a single line of ``units`` units."""
    product = ProductRecord(
        sku="BENCH-0001",
        name="Bench unit — żółć",
        barcodes=(BENCH_BARCODE,),
        weight_kg=Decimal("0.100"),
        bin_location="Z-99-1",
    )
    numbers = (f"BENCH-A-{stamp}", f"BENCH-B-{stamp}")
    orders = tuple(
        OrderRecord(
            external_id=f"bench-{number}",
            number=number,
            source="bench",
            customer_name="Łucja Benchmarkowa",
            address=Address("Łucja Benchmarkowa", "ul. Pomiarowa 1", "00-950", "Warszawa", "PL"),
            lines=(OrderLineRecord("BENCH-0001", units),),
            carrier="InPost",
            service="Kurier Standard",
        )
        for number in numbers
    )
    return ImportBatch(products=(product,), orders=orders), numbers[0], numbers[1], BENCH_BARCODE


def make_app(db_url: str, station: str, print_dir: Path) -> bootstrap.App:
    return bootstrap.bootstrap(config.load(db_url=db_url, station=station, print_to=str(print_dir)))


def open_bench(app: bootstrap.App, order: str) -> Any:
    """A bench of ``app`` with ``order`` open (claimed by its station)."""
    bench = app.bench()
    opened = bench.handle(OpenOrder(order))
    if opened is None or opened.kind != "order_opened":
        raise SystemExit(f"cannot open {order}: {opened and (opened.kind, opened.code, opened.params)}")
    return bench


def _cpu_workload() -> int:
    """A fixed pure-Python job of about the service call's size (no I/O, no allocation to speak of)."""
    t0 = time.perf_counter_ns()
    total = 0
    for i in range(4000):
        total += i * i % 7
    return time.perf_counter_ns() - t0


def _spin(seconds: float) -> None:
    """Busy-wait: the CPU never idles, and nothing but this tiny loop runs on it."""
    end = time.perf_counter() + seconds
    while time.perf_counter() < end:
        pass


def _split(
    bench: Any, probe: ScanProbe, bare: Any, barcode: str, scans: int, pause: Callable[[], None]
) -> dict[str, float]:
    """Median parts (ms) of ``scans`` service calls, each after ``pause()``; of (c) and the CPU workload too."""
    parts: dict[str, list[int]] = {}
    cpu: list[int] = []
    c_times: list[int] = []
    for _ in range(scans):
        pause()
        outcome = bench.handle(Scan(barcode))
        if outcome is None or outcome.kind != "accepted":
            raise SystemExit(f"phase (d): scan not accepted: {outcome and (outcome.kind, outcome.code)}")
        marks = probe.take() or {}
        split = service_parts(marks)
        if split is None:
            continue
        split["total"] = marks["end"] - marks["start"]
        for name, value in split.items():
            parts.setdefault(name, []).append(value)
    for _ in range(scans):
        pause()
        c_times.append(bare.once())
        pause()
        cpu.append(_cpu_workload())
    parts["c_bare_insert_commit"] = c_times
    parts["cpu_workload"] = cpu
    return {name: round(statistics.median(values) / 1e6, 4) for name, values in parts.items()}


def diagnostics(app: bootstrap.App, bench: Any, bare: Any, barcode: str, scans: int) -> dict[str, dict[str, float]]:
    """Phase (d): the service call split into parts on this thread, back to back and after a pause.

    Paused by sleeping (the CPU may idle, other work runs) and by busy-waiting (the CPU stays
    busy with a loop that touches almost nothing): if only sleeping slows the call, the cost is
    the CPU's or the scheduler's wake-up; if both do, it is the call's own code and data
    falling out of the caches. The bare INSERT+COMMIT (c) and a small CPU-bound workload are
    timed the same ways: (c) shows what a pause does to the storage stack's commit alone.
    """
    idle = DIAG_IDLE_MS / 1000
    print(f"phase (d): {scans} probed service calls each back to back, after {DIAG_IDLE_MS} ms sleep, busy", flush=True)
    probe = ScanProbe(app.engine, bench)
    try:
        return {
            "warm": _split(bench, probe, bare, barcode, scans, lambda: None),
            "sleep": _split(bench, probe, bare, barcode, scans, lambda: time.sleep(idle)),
            "busy": _split(bench, probe, bare, barcode, scans, lambda: _spin(idle)),
        }
    finally:
        probe.remove()
