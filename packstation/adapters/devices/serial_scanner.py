"""A scanner on a serial port (RS-232, USB CDC-ACM, a USB-serial adapter), read on its own thread.

The thread opens the configured port (a ``/dev/serial/by-id/…`` link survives a replug into
another socket), hands every complete line to ``on_scan`` and reports its state to
``on_event``. When the device goes away (unplugged, powered off: pyserial raises), an
unfinished line is dropped and reported, never merged with what comes after the replug; the
thread then tries to open the port again every ``retry_seconds`` until it is back.

Callbacks run on the scanner's thread: the GUI glue forwards them to the bench's worker.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass

import serial

from packstation.adapters.devices.lines import LineFramer
from packstation.adapters.devices.serial_ports import PORT_ERRORS, open_port
from packstation.config import LINE_TERMINATORS, SerialScannerSettings
from packstation.domain.barcodes import printable
from packstation.domain.errors import DeviceUnavailable

log = logging.getLogger(__name__)

_CANCEL_ERRORS: tuple[type[Exception], ...] = (AttributeError, *PORT_ERRORS)  # cancel_read is POSIX-only
CONNECTED, RECONNECTED, DISCONNECTED, UNAVAILABLE = "connected", "reconnected", "disconnected", "unavailable"


@dataclass(frozen=True)
class DeviceEvent:
    """A scanner's state changed: ``connected`` (first time), ``reconnected``, ``disconnected`` or
    ``unavailable`` (could not be opened; ``code`` and ``reason`` say why). ``discarded`` is the
    unfinished line dropped at a disconnect, shown with control characters as ``<0x..>``."""

    device: str
    state: str
    port: str
    code: str = ""
    reason: str = ""
    discarded: str = ""


class SerialScanner:
    """Reads one serial scanner until :meth:`stop`; see the module docstring."""

    def __init__(
        self,
        settings: SerialScannerSettings,
        on_scan: Callable[[str], None],
        on_event: Callable[[DeviceEvent], None],
        retry_seconds: float = 0.25,
    ) -> None:
        self.settings = settings
        self._on_scan = on_scan
        self._on_event = on_event
        self._retry = retry_seconds
        self._stop = threading.Event()
        self._port: serial.Serial | None = None
        self._thread = threading.Thread(target=self._run, name=f"scanner-{settings.name}", daemon=True)
        self.state = ""
        self.lines_read = 0
        self.pending_bytes = 0  # of an unfinished line (for tests and ``doctor``)

    @property
    def name(self) -> str:
        return self.settings.name

    def start(self) -> None:
        self._thread.start()

    def stop(self, timeout: float = 5.0) -> bool:
        """Stop reading and close the port; False if the thread did not end within ``timeout``."""
        self._stop.set()
        port = self._port
        if port is not None:
            try:
                port.cancel_read()  # wakes a blocked read at once (POSIX); reads time out anyway
            except _CANCEL_ERRORS:
                pass
        if self._thread.is_alive():
            self._thread.join(timeout)
        return not self._thread.is_alive()

    # -- the scanner's thread -------------------------------------------------------------
    def _run(self) -> None:
        ever_connected = False
        last_problem = ""
        while not self._stop.is_set():
            try:
                port = open_port(self.settings.serial, timeout=0.2, name=self.name)
            except DeviceUnavailable as error:
                if error.code != last_problem:  # say it once, not every retry
                    last_problem = error.code
                    log.warning("scanner unavailable name=%s port=%s reason=%s", self.name, self.port, error)
                    self._report(UNAVAILABLE if not ever_connected else DISCONNECTED, error.code, str(error))
                self._stop.wait(self._retry)
                continue
            last_problem = ""
            self._port = port
            self._report(RECONNECTED if ever_connected else CONNECTED)
            log.info("scanner connected name=%s port=%s framing=%s", self.name, self.port, self.settings.serial.framing)
            ever_connected = True
            # After an unplug the port is expected to be missing for a while: said once, at the unplug.
            last_problem = "device.port_missing"
            try:
                self._read(port)
            finally:
                self._port = None
                try:
                    port.close()
                except PORT_ERRORS:
                    pass

    def _read(self, port: serial.Serial) -> None:
        framer = LineFramer(LINE_TERMINATORS[self.settings.terminator])
        try:
            while not self._stop.is_set():
                data = port.read(port.in_waiting or 1)
                if not data:
                    continue
                for line in framer.feed(data):
                    self.lines_read += 1
                    if line.cut:
                        log.warning("scanner line too long name=%s kept=%d", self.name, len(line.text))
                    self._deliver(line.text)
                self.pending_bytes = framer.pending
        except PORT_ERRORS as error:
            if self._stop.is_set():
                return
            dropped = framer.discard()
            self.pending_bytes = 0
            shown = printable(dropped.decode("utf-8", "replace"))
            log.warning(
                "scanner disconnected name=%s port=%s reason=%s discarded=%r", self.name, self.port, error, shown
            )
            self._report(DISCONNECTED, "device.disconnected", str(error), shown)

    @property
    def port(self) -> str:
        return self.settings.serial.port

    def _deliver(self, text: str) -> None:
        try:
            self._on_scan(text)
        except Exception:  # a broken receiver must not kill the scanner's thread
            log.exception("scan handler failed name=%s", self.name)

    def _report(self, state: str, code: str = "", reason: str = "", discarded: str = "") -> None:
        self.state = state
        try:
            self._on_event(DeviceEvent(self.name, state, self.port, code, reason, discarded))
        except Exception:  # a broken receiver must not kill the scanner's thread
            log.exception("scanner event handler failed name=%s state=%s", self.name, state)
