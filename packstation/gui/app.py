"""Start the bench window: Qt application, scan capture, worker thread, first paint."""

from __future__ import annotations

import logging
import os
import signal
import sqlite3
import sys
import threading
import time
from datetime import datetime
from typing import Any

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication

from packstation import paths
from packstation.adapters.db.faults import sqlite_path
from packstation.adapters.db.maintenance import daily_backup
from packstation.bootstrap import App
from packstation.domain.errors import DomainError
from packstation.domain.orders import QueuePage
from packstation.gui import i18n
from packstation.gui.crash import install_gui_crash_handling
from packstation.gui.main_window import MainWindow
from packstation.gui.messages import describe
from packstation.gui.parcel_keys import install_parcel_hotkeys
from packstation.gui.pictures import PictureCache
from packstation.gui.scale import Scale, load_bundled_fonts
from packstation.gui.scan_capture import ScanCapture
from packstation.gui.scan_worker import QueueQuery, ScanWorker
from packstation.gui.serial_devices import install_serial_scanners
from packstation.gui.sound import Sounds
from packstation.gui.supervisor.install import install_supervisor_tools
from packstation.logs import install_excepthooks, setup_logging
from packstation.services.bench.bench import Bench
from packstation.services.bench.commands import Register, Resume
from packstation.services.bench.outcome import OutcomeKind
from packstation.services.orders_admin import cartons, list_orders

log = logging.getLogger(__name__)
BACKUP_CHECK_SECONDS = 3600  # a bench that runs for days still makes its daily backup


def create_window(app: App, bench: Bench | None = None) -> MainWindow:
    """Build the window with its worker and application-wide scan capture (QApplication must exist).

    ``bench`` is a registered bench (see :func:`register`); tests may leave it out.
    """
    qapp = QApplication.instance()
    assert isinstance(qapp, QApplication)

    def read_queue(query: QueueQuery) -> QueuePage:
        return list_orders(app.uow, query.statuses, query.text, query.limit, 0, app.config.claim_ttl_seconds)

    config = app.config
    translations = i18n.install(config.language)
    load_bundled_fonts()
    worker = ScanWorker(bench or app.bench(), read_queue, config.heartbeat_seconds)
    capture = ScanCapture.from_config(config, qapp)
    qapp.installEventFilter(capture)
    sounds = Sounds(config.sound, config.volume_percent)
    window = MainWindow(app, worker, capture, Scale.for_screen(), sounds, PictureCache(), translations)
    worker.start()
    install_serial_scanners(window, window.statusBar(), worker, app.config.serial_scanners)
    install_parcel_hotkeys(window, worker, cartons(app.uow))
    install_supervisor_tools(window, worker, app)  # F11: the supervisor panel (a child of the window)
    # Resume first: an order this station was packing when it crashed comes back as it was.
    worker.submit(Resume())
    return window


def register(app: App) -> Bench:
    """A bench holding its station name; ``DomainError`` naming the machine that holds it if refused."""
    bench = app.bench()
    answer = bench.handle(Register())
    if answer is not None and answer.kind is OutcomeKind.REFUSED:
        headline, detail = describe(answer.code, answer.params)
        raise DomainError(f"{headline} — {detail}", code=answer.code, **dict(answer.params))
    return bench


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
        window = create_window(app, register(app))
        shown.append(window)
        _start_daily_backups(app)
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


def _start_daily_backups(app: App) -> None:
    """An SQLite bench keeps a backup a day (the last seven) beside its data, made off the GUI thread."""
    if sqlite_path(app.config.db_url) is None:
        return

    def keep_backing_up() -> None:
        while True:
            try:
                daily_backup(app.config.db_url, paths.data_dir() / "backups", datetime.now())
            except (DomainError, OSError, sqlite3.Error) as exc:  # a failed backup must never stop packing
                log.error("daily backup failed error=%s", exc)
            time.sleep(BACKUP_CHECK_SECONDS)

    threading.Thread(target=keep_backing_up, name="daily-backup", daemon=True).start()


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
        log.info("first paint done; quitting (PACKSTATION_QUIT_AFTER_PAINT)")
        # The start-up benchmark's handshake, not a message: bench/startup.py times the spawn to this
        # line on the child's stdout (a log file is flushed too late to time it).
        sys.stdout.write("PAINTED\n")
        sys.stdout.flush()
        self._qapp.quit()
