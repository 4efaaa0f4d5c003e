"""The real bench window: scans typed as key bursts whatever has focus, every verdict shown and stored."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from packstation.services.demo import demo_batch, ean13
from packstation.services.orders_admin import show_order
from tests.gui.keys import scan, type_keys

pytestmark = pytest.mark.timeout(90)


def _scan(qtbot, window, raw: str):
    """Scan ``raw`` as a burst and wait until the window has shown the verdict for it."""
    before = window.outcomes_shown
    scan(raw)
    qtbot.waitUntil(lambda: window.outcomes_shown > before, timeout=15000)
    outcome = window.last_outcome
    assert outcome.raw == raw, (outcome.raw, raw)
    return outcome


def _order_with_single_units():
    """A demo order whose lines need more than one unit and have no multi-unit pack."""
    batch = demo_batch()
    packs = {p.sku for p in batch.products if p.packs}
    barcode = {p.sku: p.barcodes[0] for p in batch.products}
    for order in batch.orders:
        if len(order.lines) >= 2 and not ({ln.sku for ln in order.lines} & packs):
            return order, barcode
    raise AssertionError("demo has no suitable order")


def _not_on(order, batch=None):
    batch = batch or demo_batch()
    skus = {ln.sku for ln in order.lines}
    return next(p for p in batch.products if p.sku not in skus)


def test_bursts_reach_the_bench_while_the_filter_has_focus(qtbot, bench):
    order, barcode = _order_with_single_units()
    bench.ui.queueFilter.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is bench.ui.queueFilter)

    opened = _scan(qtbot, bench, f"ORD-{order.number}")
    assert opened.kind == "order_opened"
    first = order.lines[0]
    accepted = _scan(qtbot, bench, barcode[first.sku])

    assert accepted.kind == "accepted" and accepted.tone == "good"
    # The burst never reached the focused line edit, and nothing of it is held back to be
    # replayed there later: flush() delivers at once whatever the capture still holds.
    bench.capture.flush()
    assert bench.ui.queueFilter.text() == ""
    assert bench.banner.tone == "good" and "1 / " in bench.banner.text()
    assert bench.parts.pick.shown_counts()[accepted.order.lines[0].line_id] == 1
    stored = show_order(bench.app.uow, order.number)
    assert stored["status"] == "packing"
    assert [ln["scanned"] for ln in stored["lines"]][0] == 1
    assert stored["scans"][-1]["verdict"] == "accepted"


def test_wrong_item_over_scan_and_unknown_barcode_are_shown_and_stored(qtbot, bench):
    order, barcode = _order_with_single_units()
    _scan(qtbot, bench, order.number)  # the bare order number opens it too

    wrong = _not_on(order)
    shown = _scan(qtbot, bench, wrong.barcodes[0])
    assert shown.kind == "wrong_item" and bench.banner.tone == "bad"
    assert "WRONG ITEM" in bench.banner.text() and wrong.name in bench.banner.text()

    line = order.lines[0]
    for _i in range(line.quantity):
        _scan(qtbot, bench, barcode[line.sku])
    over = _scan(qtbot, bench, barcode[line.sku])
    assert over.kind == "over_scan" and "TOO MANY" in bench.banner.text()

    unknown = ean13(999_999)  # valid EAN-13 nobody sells
    shown = _scan(qtbot, bench, unknown)
    assert shown.kind == "unknown_barcode" and "UNKNOWN BARCODE" in bench.banner.text()

    stored = show_order(bench.app.uow, order.number)
    kinds = [m["kind"] for m in stored["mismatches"]]
    assert kinds == ["wrong_item", "over_scan", "unknown_barcode"]
    assert not any(m["resolved"] for m in stored["mismatches"])
    verdicts = [s["verdict"] for s in stored["scans"]]
    assert verdicts.count("accepted") == line.quantity
    assert {"wrong_item", "over_scan", "unknown_barcode"} <= set(verdicts)
    assert stored["lines"][0]["scanned"] == line.quantity  # the over-scan was not counted


def test_finish_with_f12_prints_and_opens_the_next_order(qtbot, make_bench, tmp_path):
    bench = make_bench(finish_on_last_unit=False)
    order, barcode = _order_with_single_units()
    _scan(qtbot, bench, f"ORD-{order.number}")
    wrong = _not_on(order)
    _scan(qtbot, bench, wrong.barcodes[0])
    for line in order.lines:
        for _i in range(line.quantity):
            _scan(qtbot, bench, barcode[line.sku])

    qtbot.keyClick(bench, Qt.Key.Key_F12)  # refused: a wrong unit is still in the box
    qtbot.waitUntil(lambda: bench.last_outcome.code == "order.not_finishable", timeout=10000)
    assert bench.banner.text().startswith("NOT FINISHED\nA wrong unit is in the box: take out")
    assert bench.banner.tone == "bad"
    removed = _scan(qtbot, bench, "CMD-REMOVED")
    assert removed.kind == "removed"

    qtbot.keyClick(bench, Qt.Key.Key_F12)
    qtbot.waitUntil(lambda: bench.last_outcome.kind == "shipped", timeout=20000)
    shipped = bench.last_outcome
    assert bench.banner.tone == "good" and "LABEL PRINTED" in bench.banner.text()
    stored = show_order(bench.app.uow, order.number)
    assert stored["status"] == "shipped"
    assert stored["tracking_number"] == shipped.params["tracking"]
    assert [h["to"] for h in stored["history"]] == ["packing", "packed", "shipped"]
    assert all(Path(p).is_file() for p in stored["parcels"][0]["documents"])
    printed = sorted(p.name for p in (tmp_path / "printed").iterdir())
    assert len(printed) == 2 and all(name.endswith(".pdf") for name in printed)
    # The next order opened only after the printer had the label.
    assert shipped.params["next"] and shipped.order.number == shipped.params["next"]
    assert bench.parts.pick.rowCount() == len(shipped.order.lines)


def test_human_typing_reaches_the_filter_unchanged(qtbot, bench):
    bench.ui.queueFilter.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is bench.ui.queueFilter)
    shown_before = bench.outcomes_shown
    with qtbot.assertNotEmitted(bench.capture.scanned):
        type_keys("Lodz", 80, terminator=None)
        qtbot.waitUntil(lambda: bench.ui.queueFilter.text() == "Lodz", timeout=5000)
        # A person's Enter is theirs, not a scan: it reaches the line edit.  Once returnPressed
        # has fired, the capture has judged the Enter (a scan is emitted in place of passing it on).
        with qtbot.waitSignal(bench.ui.queueFilter.returnPressed, timeout=5000):
            type_keys("", 80, terminator="\r")
    assert bench.ui.queueFilter.text() == "Lodz"
    # No verdict either: the worker handles scans strictly in order, so once the verdict of a
    # later badge scan is on screen, one for the typing would have been shown before it.
    assert _scan(qtbot, bench, "PKR-0001").kind == "login"
    assert bench.outcomes_shown == shown_before + 1


def test_scanner_enter_never_presses_a_button(qtbot, bench):
    clicks = []
    bench.ui.finishButton.clicked.connect(lambda: clicks.append(1))
    bench.ui.finishButton.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # worst case: a button has focus
    bench.ui.finishButton.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is bench.ui.finishButton)
    login = _scan(qtbot, bench, "PKR-0001")
    assert login.kind == "login" and "Anna" in bench.parts.packer.text()
    bench.capture.flush()  # nor is the scanner's Enter still held, to press it later
    assert clicks == []
