"""Start the bench window: Qt application, scan capture, worker thread, first paint."""

from __future__ import annotations

import os
import sys
from typing import Any

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from packstation.gui.main_window import MainWindow
from packstation.gui.scan_capture import ScanCapture
from packstation.gui.scan_worker import ScanWorker
from packstation.services.outcomes import INFO, Outcome


def create_window(app: Any) -> MainWindow:
    """Build the window with its worker and application-wide scan capture (QApplication must exist)."""
    qapp = QApplication.instance()
    station = app.station()
    worker = ScanWorker(station)
    capture = ScanCapture(qapp, burst_gap_ms=app.config.scanner_burst_gap_ms)
    qapp.installEventFilter(capture)
    window = MainWindow(app, worker, capture)
    worker.start()
    # Resume first: an order this station was packing when it crashed comes back as it was.
    worker.submit(lambda: _resumed(station))
    return window


def _resumed(station: Any) -> Outcome | None:
    view = station.resume()
    if view is None:
        return None
    return Outcome("order_opened", INFO, "order.opened", {"number": view.number}, view)


def run(app: Any) -> int:
    """Run the GUI until the window closes; returns the process exit code."""
    qapp = QApplication.instance() or QApplication(sys.argv[:1])
    qapp.setApplicationName("Packstation")
    window = create_window(app)
    window.show()
    if os.environ.get("PACKSTATION_QUIT_AFTER_PAINT"):
        # Start-up benchmark: exit right after the first paint with the queue loaded.
        QTimer.singleShot(0, lambda: (print("PAINTED", flush=True), qapp.quit()))
    return qapp.exec()
