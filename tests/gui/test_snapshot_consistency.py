"""The banner and the picking list are drawn from one frozen outcome: they never disagree.

Many scans are fired back to back (the worker answers while the window keeps repainting);
at every paint of the banner or of the picking list, both must show the same outcome, and
the counts in the list must be that outcome's counts.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication

from packstation.services.demo import demo_batch
from tests.gui.keys import scan

pytestmark = pytest.mark.timeout(90)


class PaintWatch(QObject):
    """Records, at every paint of the watched widgets, what the window holds at that moment."""

    def __init__(self, window) -> None:  # type: ignore[no-untyped-def]
        super().__init__()
        self.window = window
        self.checked = 0
        self.problems: list[str] = []

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.Paint:
            self.check()
        return False

    def check(self) -> None:
        window, outcome = self.window, self.window.last_outcome
        self.checked += 1
        if window.banner_seq != window.order_seq:
            self.problems.append(f"banner seq {window.banner_seq} vs list seq {window.order_seq}")
        if outcome is None or outcome.order is None:
            return
        shown = window.parts.pick.shown_counts()
        expected = {line.line_id: line.scanned for line in outcome.order.lines}
        if shown != expected:
            self.problems.append(f"list shows {shown}, the outcome on the banner has {expected}")
        if outcome.code == "scan.accepted" and f"{outcome.params['scanned']} / " not in window.banner.text():
            self.problems.append(f"banner text {window.banner.text()!r} is not outcome {dict(outcome.params)}")


def test_many_scans_never_show_two_moments_at_once(qtbot, bench) -> None:  # type: ignore[no-untyped-def]
    batch = demo_batch()
    barcode = {p.sku: p.barcodes[0] for p in batch.products}
    order = max(batch.orders, key=lambda o: sum(ln.quantity for ln in o.lines if ln.quantity < 6))
    units = [barcode[ln.sku] for ln in order.lines for _ in range(ln.quantity)]
    bench.activateWindow()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None)
    watch = PaintWatch(bench)
    bench.banner.installEventFilter(watch)
    bench.parts.pick.viewport().installEventFilter(watch)

    before = bench.outcomes_shown
    scan(order.number)
    qtbot.waitUntil(lambda: bench.outcomes_shown > before, timeout=15000)
    sent = 0
    for raw in units + units[:3]:  # every unit, then three over-scans
        scan(raw)  # back to back: outcomes arrive while earlier ones are being painted
        sent += 1
        QApplication.processEvents()
    qtbot.waitUntil(lambda: bench.outcomes_shown >= before + 1 + sent, timeout=30000)
    bench.repaint()

    assert watch.problems == []
    assert watch.checked > sent  # it really looked, many times
    final = bench.last_outcome
    assert final.kind == "over_scan" and final.order.state.complete
