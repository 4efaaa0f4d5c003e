"""The DeviceStatus command: what the bench says when a scanner goes away, cannot be opened or comes back."""

from __future__ import annotations

from pathlib import Path

from packstation.services.bench.commands import DeviceStatus
from packstation.services.bench.outcome import OutcomeKind, Tone
from tests.bench_support import bench_on, opened, order, store_with


def test_device_states_become_outcomes_and_the_order_stays_open(tmp_path: Path) -> None:
    bench = bench_on(store_with(order("PL-1", ("SKU-MUG", 1))), tmp_path)
    opened(bench, "PL-1")
    assert bench.handle(DeviceStatus("fixed", "connected", "/dev/ttyACM0")) is None, "a first connection is quiet"
    lost = bench.handle(DeviceStatus("fixed", "disconnected", "/dev/ttyACM0", "I/O error", "SEQ-00"))
    assert lost is not None and (lost.kind, lost.code, lost.tone, lost.stored) == (
        OutcomeKind.DEVICE_LOST,
        "device.disconnected_partial",
        Tone.BAD,
        False,
    )
    assert lost.params["discarded"] == "SEQ-00" and lost.order is not None and lost.order.number == "PL-1"
    plain = bench.handle(DeviceStatus("fixed", "disconnected", "/dev/ttyACM0", "I/O error"))
    assert plain is not None and plain.code == "device.disconnected"
    missing = bench.handle(DeviceStatus("fixed", "unavailable", "COM7", "fixed: port COM7 is missing"))
    assert missing is not None and (missing.code, missing.params["reason"]) == (
        "device.unavailable",
        "fixed: port COM7 is missing",
    )
    back = bench.handle(DeviceStatus("fixed", "reconnected", "/dev/ttyACM0"))
    assert back is not None and (back.kind, back.tone) == (OutcomeKind.DEVICE_BACK, Tone.INFO)
