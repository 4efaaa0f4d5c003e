"""Start the bench window: Qt application, scan capture, worker thread, first paint."""

from __future__ import annotations

import os
import signal
import sys
from typing import Any

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication

from packstation.bootstrap import App
from packstation.domain.orders import QueueRow
from packstation.gui import i18n
from packstation.gui.crash import install_gui_crash_handling
from packstation.gui.main_window import MainWindow
from packstation.gui.pictures import PictureCache
from packstation.gui.scale import Scale, load_bundled_fonts
from packstation.gui.scan_capture import ScanCapture
from packstation.gui.scan_worker import QueueQuery, ScanWorker
from packstation.gui.sound import Sounds
from packstation.logs import install_excepthooks, setup_logging
from packstation.services.bench.commands import Resume
from packstation.services.orders_admin import list_orders


def create_window(app: App) -> MainWindow:
    """Build the window with its worker and application-wide scan capture (QApplication must exist)."""
    qapp = QApplication.instance()
    assert isinstance(qapp, QApplication)

    def read_queue(query: QueueQuery) -> tuple[QueueRow, ...]:
        return list_orders(app.uow, query.statuses, query.text, query.limit)

    config = app.config
    translations = i18n.install(config.language)
    load_bundled_fonts()
    worker = ScanWorker(app.bench(), read_queue, config.heartbeat_seconds)
    capture = ScanCapture(qapp, burst_gap_ms=config.scanner_burst_gap_ms)
    qapp.installEventFilter(capture)
    sounds = Sounds(config.sound, config.volume_percent)
    window = MainWindow(app, worker, capture, Scale.for_screen(), sounds, PictureCache(), translations)
    worker.start()
    # Resume first: an order this station was packing when it crashed comes back as it was.
    worker.submit(Resume())
    return window


def application(offscreen: bool = False) -> QApplication:
    """The process's QApplication, made on first call (``offscreen``: for drawing without a display)."""
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    qapp = QApplication(sys.argv[:1] + (["-platform", "offscreen"] if offscreen else []))
    qapp.setApplicationName("Packstation")
    return qapp


def run(app: App) -> int:
    """Run the GUI until the window closes; returns the process exit code."""
    # Idempotent: the CLI has done both already; this covers callers that start the GUI directly.
    setup_logging()
    install_excepthooks()
    shown: list[MainWindow] = []  # the crash dialog's parent, once the window exists
    # Before the QApplication, so Qt's own start-up warnings (platform plugin, fonts) are logged.
    crash_handling = install_gui_crash_handling(lambda: shown[0] if shown else None)
    try:
        qapp = application()
        window = create_window(app)
        shown.append(window)
        if os.environ.get("PACKSTATION_QUIT_AFTER_PAINT"):
            # Start-up benchmark: exit right after the first paint with the queue loaded.
            window.installEventFilter(_QuitAfterFirstPaint(window, qapp))
        if app.config.fullscreen:
            window.showFullScreen()
        else:
            window.showMaximized()
        _close_on_signals(window)
        return qapp.exec()
    finally:
        # Qt may still print while the interpreter tears down: not into a half-gone logging.
        crash_handling.uninstall()


def _close_on_signals(window: Any) -> None:
    """SIGTERM/SIGINT close the window properly, so queued scans are finished first."""
    for sig in (signal.SIGTERM, signal.SIGINT):
        signal.signal(sig, lambda *_: window.close())
    # Python runs signal handlers only between bytecodes: wake it up now and then.
    timer = QTimer(window, interval=250)
    timer.timeout.connect(lambda: None)
    timer.start()


class _QuitAfterFirstPaint(QObject):
    """Print ``PAINTED`` and quit once the window's first paint pass is over.

    A ``QTimer.singleShot(0)`` armed after ``show()`` fires *before* the first paint
    (the expose and update request come later), so wait for the first Paint event and
    act on a zero timer queued from it, which runs when the whole paint pass is done.
    """

    def __init__(self, window: Any, qapp: Any) -> None:
        super().__init__(window)
        self._qapp = qapp
        self._seen = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if not self._seen and event.type() == QEvent.Type.Paint:
            self._seen = True
            QTimer.singleShot(0, self._done)
        return False

    def _done(self) -> None:
        print("PAINTED", flush=True)
        self._qapp.quit()
