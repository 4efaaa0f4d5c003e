"""The bench's worker thread: commands in order, its own heartbeat, a cooperative stop."""

from __future__ import annotations

import threading
import time

import pytest

from packstation.gui.scan_worker import QueueQuery, ScanWorker
from packstation.services.bench.bench import Bench
from packstation.services.bench.commands import Command, Heartbeat, OpenOrder, Scan
from packstation.services.bench.outcome import Outcome
from packstation.services.orders_admin import list_orders
from tests.bench_support import MUG, bench_on, order, store_with

pytestmark = pytest.mark.timeout(60)


class RecordingBench(Bench):
    """A real bench that also notes which commands it ran, on which thread."""

    def __init__(self, *args, **kwargs) -> None:  # type: ignore[no-untyped-def]
        super().__init__(*args, **kwargs)
        self.ran: list[tuple[str, str]] = []
        self.beats: list[float] = []

    def handle(self, command: Command) -> Outcome | None:
        self.ran.append((type(command).__name__, threading.current_thread().name))
        if isinstance(command, Heartbeat):
            self.beats.append(time.monotonic())
        return super().handle(command)


@pytest.fixture
def store():  # type: ignore[no-untyped-def]
    return store_with(order("PL-1", ("SKU-MUG", 50)))


def make_worker(store, tmp_path, heartbeat_seconds: float = 3600.0) -> tuple[ScanWorker, RecordingBench]:  # type: ignore[no-untyped-def]
    template = bench_on(store, tmp_path)
    bench = RecordingBench(template._ctx.config, store.unit_of_work)

    def read_queue(query: QueueQuery):  # type: ignore[no-untyped-def]
        return list_orders(store.unit_of_work, query.statuses, query.text, query.limit)

    return ScanWorker(bench, read_queue, heartbeat_seconds), bench


def test_commands_run_in_order_on_the_worker_and_stop_drains_the_queue(qtbot, store, tmp_path) -> None:  # type: ignore[no-untyped-def]
    worker, bench = make_worker(store, tmp_path)
    shown: list[tuple[str, int]] = []
    worker.outcome.connect(lambda outcome, seq: shown.append((outcome.kind, seq)))
    worker.start()
    seqs = [worker.submit(OpenOrder("PL-1"))] + [worker.submit(Scan(MUG)) for _ in range(20)]
    assert worker.stop(timeout=30) is True  # every queued command ran first
    assert [name for name, _ in bench.ran] == ["OpenOrder"] + ["Scan"] * 20 + ["Shutdown"]
    assert {thread for _, thread in bench.ran} == {"bench-worker"}
    qtbot.waitUntil(lambda: len(shown) == 21, timeout=10000)  # delivered to the GUI thread
    assert [seq for _, seq in shown] == seqs
    assert shown[-1][0] == "accepted"
    assert bench.snapshot is not None and bench.snapshot.lines[0].scanned == 20


def test_the_worker_beats_by_itself_at_its_interval(qtbot, store, tmp_path) -> None:  # type: ignore[no-untyped-def]
    worker, bench = make_worker(store, tmp_path, heartbeat_seconds=0.05)
    worker.start()
    worker.submit(OpenOrder("PL-1"))
    qtbot.waitUntil(lambda: len(bench.beats) >= 5, timeout=10000)
    assert worker.stop() is True
    gaps = [b - a for a, b in zip(bench.beats, bench.beats[1:], strict=False)]
    assert min(gaps) >= 0.05  # never bunched up: the next beat is timed from the end of the last


def test_a_stream_of_scans_does_not_starve_the_heartbeat(qtbot, store, tmp_path) -> None:  # type: ignore[no-untyped-def]
    worker, bench = make_worker(store, tmp_path, heartbeat_seconds=0.02)
    worker.start()
    worker.submit(OpenOrder("PL-1"))
    started = time.monotonic()
    while time.monotonic() - started < 0.3:  # scans keep coming faster than the beat interval
        worker.submit(Scan(MUG))
        time.sleep(0.002)
    assert worker.stop() is True
    names = [n for n, _ in bench.ran]
    first, last = names.index("Scan"), len(names) - 1 - names[::-1].index("Scan")
    assert names[first:last].count("Heartbeat") >= 3


def test_queue_queries_come_back_as_rows(qtbot, store, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from packstation.domain.status import Status

    worker, _bench = make_worker(store, tmp_path)
    loaded: list[object] = []
    worker.queue_loaded.connect(loaded.append)
    worker.start()
    worker.submit(QueueQuery((Status.NEW,)))
    qtbot.waitUntil(lambda: bool(loaded), timeout=10000)
    worker.stop()
    (page,) = loaded
    assert [r.number for r in page.rows] == ["PL-1"] and page.total == 1  # type: ignore[attr-defined]
