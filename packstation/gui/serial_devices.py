"""Serial scanners in the bench window: their threads feed the worker, their state shows in the status bar.

Each configured ``[[serial_scanner]]`` gets a :class:`~packstation.adapters.devices.serial_scanner.SerialScanner`
thread. A line it reads goes straight to the worker (``worker.submit(Scan(text))``, thread-safe),
so it is judged in arrival order with the keyboard wedge's scans; a state change goes to the
worker as a ``DeviceStatus`` command (the banner says the scanner is gone or back) and to the
status bar through a queued signal. The threads stop before the window closes its worker.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QEvent, QObject, Signal
from PySide6.QtWidgets import QLabel, QMainWindow, QStatusBar

from packstation.adapters.devices.serial_scanner import CONNECTED, RECONNECTED, DeviceEvent, SerialScanner
from packstation.config import SerialScannerSettings
from packstation.gui.messages import TONE_COLOURS
from packstation.gui.scan_worker import ScanWorker
from packstation.services.bench.commands import DeviceStatus, Scan
from packstation.services.bench.outcome import Tone

log = logging.getLogger(__name__)


class SerialScanners(QObject):
    """The window's serial scanners; :meth:`stop` ends their threads (also on the window's Close)."""

    changed = Signal(object)  # DeviceEvent, delivered on the GUI thread

    def __init__(self, settings: tuple[SerialScannerSettings, ...], worker: ScanWorker, parent: QObject) -> None:
        super().__init__(parent)
        self._worker = worker
        self.states: dict[str, str] = {s.name: "connecting" for s in settings}
        self.scanners = [SerialScanner(s, self._scanned, self._event) for s in settings]
        self.label = QLabel()
        self.changed.connect(self._show)
        self._show(None)

    def start(self) -> None:
        for scanner in self.scanners:
            scanner.start()

    def stop(self) -> None:
        for scanner in self.scanners:
            if not scanner.stop():
                log.error("scanner thread still running at shutdown name=%s", scanner.name)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.Close:
            self.stop()  # before the window stops its worker: no scan may arrive after that
        return False

    # -- called on the scanners' threads ----------------------------------------------------
    def _scanned(self, text: str) -> None:
        self._worker.submit(Scan(text))

    def _event(self, event: DeviceEvent) -> None:
        self._worker.submit(DeviceStatus(event.device, event.state, event.port, event.reason, event.discarded))
        self.changed.emit(event)

    # -- GUI thread -------------------------------------------------------------------------
    def _show(self, event: DeviceEvent | None) -> None:
        if event is not None:
            self.states[event.device] = event.state
        parts = []
        for name, state in self.states.items():
            ok = state in (CONNECTED, RECONNECTED)
            colour = TONE_COLOURS[Tone.GOOD if ok else Tone.BAD][0]
            word = (
                self.tr("connected")
                if ok
                else self.tr("connecting…")
                if state == "connecting"
                else self.tr("DISCONNECTED")
            )
            parts.append(f"{name}: <span style='color:{colour}'><b>{word}</b></span>")
        self.label.setText(self.tr("Scanners: {states}").format(states=", ".join(parts)))


def install_serial_scanners(
    window: QMainWindow, statusbar: QStatusBar, worker: ScanWorker, settings: tuple[SerialScannerSettings, ...]
) -> SerialScanners | None:
    """Start the configured serial scanners for ``window`` (None when there are none)."""
    if not settings:
        return None
    scanners = SerialScanners(settings, worker, window)
    statusbar.addPermanentWidget(scanners.label)
    window.installEventFilter(scanners)
    scanners.start()
    return scanners
