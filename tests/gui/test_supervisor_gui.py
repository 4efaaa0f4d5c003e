"""The supervisors' screens, offscreen, on the real bench window and real databases.

A supervisor's badge scanned as a burst opens the PIN dialog; a person's digits reach it through the
application-wide scan capture while a scanner's burst goes to the bench instead; the panel releases a held
order; the cancel dialog carries reason and costs; a unit is confirmed by hand; the audit trail, the mismatch
report (its three charts hold the seeded series) and the packer statistics show the known history.
"""

from __future__ import annotations

import csv
import io
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, Qt, QTimer
from PySide6.QtWidgets import QApplication

from packstation import bootstrap, config
from packstation.gui.supervisor.audit_view import AuditTrailDialog
from packstation.gui.supervisor.charts import chart_data
from packstation.gui.supervisor.dialogs import CancelDialog, ReasonDialog
from packstation.gui.supervisor.install import SupervisorTools
from packstation.gui.supervisor.mismatch_window import MismatchReportWindow
from packstation.gui.supervisor.stats_window import PackerStatsWindow
from packstation.services.bench.commands import Hold, NextOrder
from packstation.services.demo import SUPERVISOR, SUPERVISOR_PIN, demo_batch
from packstation.services.orders_admin import show_order
from tests.gui.keys import scan, type_keys
from tests.reports_support import SHIFTS, ZONE, known_history, load_sql

pytestmark = pytest.mark.timeout(90)
SHOTS = Path("/tmp/packstation-supervisor-shots")


def shot(widget, name: str) -> None:  # type: ignore[no-untyped-def]
    """Keep a picture of the window for people to look at (not compared)."""
    SHOTS.mkdir(exist_ok=True)
    widget.grab().save(str(SHOTS / f"{name}.png"))


def tools_of(window) -> SupervisorTools:  # type: ignore[no-untyped-def]
    found = window.findChild(SupervisorTools)
    assert found is not None
    return found


def _wait_outcome(qtbot, window, condition) -> None:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: window.last_outcome is not None and condition(window.last_outcome), timeout=15000)


def log_in_supervisor(qtbot, window):  # type: ignore[no-untyped-def]
    tools = tools_of(window)
    scan(SUPERVISOR[1])
    qtbot.waitUntil(lambda: tools.pin_dialog is not None and tools.pin_dialog.isVisible(), timeout=15000)
    dialog = tools.pin_dialog
    dialog.field.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.field)
    type_keys(SUPERVISOR_PIN, 120, terminator=None)  # a person: 120 ms between keys
    qtbot.keyClick(dialog.field, Qt.Key.Key_Return)
    _wait_outcome(qtbot, window, lambda o: o.code == "auth.supervisor_in")
    qtbot.waitUntil(lambda: tools.panel is not None and tools.panel.isVisible(), timeout=10000)
    return tools


def test_a_persons_pin_reaches_the_dialog_and_a_scanners_burst_does_not(qtbot, bench) -> None:  # type: ignore[no-untyped-def]
    tools = tools_of(bench)
    scan(SUPERVISOR[1])
    qtbot.waitUntil(lambda: tools.pin_dialog is not None and tools.pin_dialog.isVisible(), timeout=15000)
    dialog = tools.pin_dialog
    assert bench.last_outcome.code == "auth.pin_required"
    dialog.field.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.field)
    order = demo_batch().orders[0]
    before = bench.outcomes_shown
    scan(f"ORD-{order.number}")  # a scanner's burst while the dialog is open: a scan for the bench
    qtbot.waitUntil(lambda: bench.outcomes_shown > before, timeout=15000)
    assert bench.last_outcome.kind == "order_opened" and dialog.field.text() == ""
    type_keys("12", 120, terminator=None)
    bench.capture.flush()  # (the capture hands held keys on after its short hold; flush does it now)
    assert dialog.field.text() == "12"
    shot(dialog, "pin-dialog")
    type_keys("34", 120, terminator=None)
    qtbot.keyClick(dialog.field, Qt.Key.Key_Return)  # a person's Enter: it passes the capture and accepts
    _wait_outcome(qtbot, bench, lambda o: o.code == "auth.supervisor_in")
    assert bench.last_outcome.supervisor == SUPERVISOR[0]
    qtbot.waitUntil(lambda: tools.panel is not None and tools.panel.isVisible(), timeout=10000)
    shot(tools.panel, "panel")


def test_a_wrong_pin_asks_again_and_says_how_many_tries_are_left(qtbot, bench) -> None:  # type: ignore[no-untyped-def]
    tools = tools_of(bench)
    scan(SUPERVISOR[1])
    qtbot.waitUntil(lambda: tools.pin_dialog is not None, timeout=15000)
    tools.pin_dialog.field.setText("9999")
    tools.pin_dialog.accept()
    _wait_outcome(qtbot, bench, lambda o: o.code == "auth.wrong_pin")
    qtbot.waitUntil(lambda: tools.pin_dialog is not None and tools.pin_dialog.problem.isVisible(), timeout=10000)
    assert "4 attempt(s) left" in tools.pin_dialog.problem.text()
    tools.pin_dialog.reject()
    _wait_outcome(qtbot, bench, lambda o: o.code == "auth.pin_cancelled")


def test_the_panel_sends_a_held_order_back_to_the_queue(qtbot, bench) -> None:  # type: ignore[no-untyped-def]
    bench.worker.submit(NextOrder())
    _wait_outcome(qtbot, bench, lambda o: o.kind == "order_opened")
    number = bench.last_outcome.order.number
    bench.worker.submit(Hold("the second unit is broken"))
    _wait_outcome(qtbot, bench, lambda o: o.kind == "held")
    tools = log_in_supervisor(qtbot, bench)
    panel = tools.panel
    qtbot.waitUntil(lambda: panel.held_table.rowCount() == 1, timeout=10000)
    assert panel.held_table.item(0, 0).text() == number
    assert panel.held_table.item(0, 4).text() == "the second unit is broken"
    shot(panel, "panel-held")
    panel.held_table.selectRow(0)
    panel.release(False)
    _wait_outcome(qtbot, bench, lambda o: o.code == "supervisor.released")
    qtbot.waitUntil(lambda: panel.held_table.rowCount() == 0, timeout=10000)
    assert show_order(bench.app.uow, number)["status"] == "new"
    assert "back in the queue" in panel.status.text()


def test_reason_and_cancel_dialogs(qtbot, bench) -> None:  # type: ignore[no-untyped-def]
    tools = log_in_supervisor(qtbot, bench)
    panel = tools.panel
    number = demo_batch().orders[3].number

    def fill_cancel() -> None:
        dialog = next(w for w in QApplication.topLevelWidgets() if isinstance(w, CancelDialog) and w.isVisible())
        dialog.reason.setCurrentIndex(dialog.reason.findData("out_of_stock"))
        dialog.note.setText("supplier late")
        dialog.costs["labour"].setValue(3.5)
        shot(dialog, "cancel-dialog")
        dialog.accept()

    QTimer.singleShot(200, fill_cancel)
    panel.cancel(number)
    _wait_outcome(qtbot, bench, lambda o: o.code == "supervisor.cancelled")
    with bench.app.uow() as uow:
        kept = uow.journal.cancellation(uow.orders.by_number(number).order_id)
    assert (kept.reason, kept.note, kept.costs.labour, kept.who) == ("out_of_stock", "supplier late", Decimal("3.50"),
                                                                    SUPERVISOR[0])  # fmt: skip
    panel.number.setText(number)
    QTimer.singleShot(200, lambda: next(w for w in QApplication.topLevelWidgets()
                                        if isinstance(w, ReasonDialog) and w.isVisible()).reject())  # fmt: skip
    panel.reopen()  # cancelled: nothing asked of the bench when the reason is not given
    assert bench.last_outcome.code == "supervisor.cancelled"


def test_a_unit_confirmed_by_hand_from_the_picking_list(qtbot, bench) -> None:  # type: ignore[no-untyped-def]
    bench.worker.submit(NextOrder())
    _wait_outcome(qtbot, bench, lambda o: o.kind == "order_opened")
    order = bench.last_outcome.order
    tools = tools_of(bench)
    # The worker hands each outcome to the window and then to the tools: wait until the tools have it too.
    qtbot.waitUntil(lambda: tools.last is not None and tools.last.order is not None, timeout=5000)
    qtbot.keyClick(bench, Qt.Key.Key_M, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: tools.manual_dialog is not None and tools.manual_dialog.isVisible(), timeout=5000)
    dialog = tools.manual_dialog
    assert dialog.lines.count() == len(order.lines)
    shot(dialog, "manual-dialog")
    dialog.accept()
    _wait_outcome(qtbot, bench, lambda o: o.code == "scan.manual")
    assert bench.last_outcome.params["sku"] == order.lines[0].sku
    assert "by hand" in bench.banner.text()
    dialog_trail = AuditTrailDialog(bench.app, order.number)
    qtbot.addWidget(dialog_trail)
    qtbot.waitUntil(lambda: dialog_trail.table.rowCount() >= 2, timeout=10000)
    whats = [dialog_trail.table.item(r, 1).text() for r in range(dialog_trail.table.rowCount())]
    assert whats[0] == "Status new → packing" and "by hand" in whats[1].lower()  # the verdict's short word: BY HAND
    dialog_trail.show()
    shot(dialog_trail, "audit-trail")


@pytest.fixture
def history_app(tmp_path: Path):  # type: ignore[no-untyped-def]
    cfg = config.load(db_url=f"sqlite:///{tmp_path}/history.db", station="B9", print_to=str(tmp_path / "printed"))
    cfg.time_zone, cfg.shifts = ZONE, SHIFTS
    app = bootstrap.bootstrap(cfg)
    load_sql(app.engine, known_history())
    yield app
    app.dispose()


def _period(window, since: date, until: date) -> None:  # type: ignore[no-untyped-def]
    window.since.setDate(QDate(since.year, since.month, since.day))
    window.until.setDate(QDate(until.year, until.month, until.day))


def test_the_mismatch_report_window_charts_the_seeded_history(qtbot, history_app, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    window = MismatchReportWindow(history_app)
    qtbot.addWidget(window)
    _period(window, date(2026, 5, 4), date(2026, 5, 6))
    window.refresh()
    qtbot.waitUntil(lambda: window.report is not None and len(window.report.rows) == 4, timeout=15000)
    window.show()
    qtbot.waitExposed(window)
    charts = {name: chart_data(view.chart()) for name, view in window.views.items()}
    assert charts["per_day"] == {"mismatches": [("05-04", 2.0), ("05-05", 2.0), ("05-06", 0.0)]}
    assert charts["per_packer"] == {"mismatches": [("Anna", 2.0), ("Jan", 2.0)]}
    assert charts["top_skus"] == {"mismatches": [("SKU-B Łyżka drewniana", 1.0), ("SKU-C Mydło szare", 1.0)]}
    assert window.table.rowCount() == 4 and "bad barcodes" in window.summary.text()
    assert [window.manual.item(0, c).text() for c in range(4)] == ["SKU-C", "Mydło szare", "3", "BAD BARCODE"]
    shot(window, "mismatch-report")
    window.group.setCurrentIndex(window.group.findData("resolution"))
    assert window.table.rowCount() == 3 and window.table.item(0, 0).text() in ("removed", "override", "reweighed")
    window.station.setText("B2")
    window.refresh()
    qtbot.waitUntil(lambda: window.report is not None and len(window.report.rows) == 2, timeout=15000)
    assert chart_data(window.views["per_packer"].chart()) == {"mismatches": [("Jan", 2.0)]}
    out = tmp_path / "b2.csv"
    window.export_to(out, "csv")
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8-sig"))))
    assert [(r["order"], r["kind"]) for r in rows] == [("O3", "over_scan"), ("O4", "unknown_barcode")]


def test_the_statistics_window_by_shift(qtbot, history_app) -> None:  # type: ignore[no-untyped-def]
    window = PackerStatsWindow(history_app)
    qtbot.addWidget(window)
    _period(window, date(2026, 5, 4), date(2026, 5, 6))
    window.by.setCurrentIndex(window.by.findData("shift"))
    window.refresh()
    qtbot.waitUntil(lambda: window.stats is not None and window.stats.grouping == "shift", timeout=15000)
    window.show()
    qtbot.waitExposed(window)
    assert window.table.rowCount() == 5
    night = next(r for r in range(5) if "night" in window.table.item(r, 1).text())
    cells = [window.table.item(night, c).text() for c in range(9)]
    assert cells == ["Jan", "2026-05-05 night · single-item", "2", "2", "20.0", "20.0", "3:00", "33.3%", "3"]
    # Orders per hour over the whole period: Anna single 1/120 s = 30, multi 2/660 s; Jan single 2/360 s, multi 1/300 s.
    assert chart_data(window.chart) == {"single-item": [("Anna", 30.0), ("Jan", 20.0)],
                                        "multi-item": [("Anna", 10.9), ("Jan", 12.0)]}  # fmt: skip
    shot(window, "packer-statistics")
