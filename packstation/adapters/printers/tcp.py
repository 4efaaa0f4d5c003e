"""A network label printer on a raw TCP port (9100, "JetDirect"): ZPL goes straight to the head.

Acceptance is the printer reading every byte and the connection closing cleanly. A
connection refused or timed out before any byte went out printed nothing (retry); a
connection that broke after some bytes went out may have printed a label, so it is
reported as ``PrintUncertain`` and never resent without the packer's word.
"""

from __future__ import annotations

import logging
import socket

from .errors import PrinterError, PrintUncertain

log = logging.getLogger(__name__)
CONNECT_TIMEOUT = 3.0
IO_TIMEOUT = 10.0
CHUNK = 16384


class TcpPrinter:
    """Sends documents to ``host:port`` over a plain TCP connection."""

    def __init__(self, host: str, port: int = 9100, timeout: float = IO_TIMEOUT) -> None:
        self.host, self.port, self.timeout = host, port, timeout

    @property
    def name(self) -> str:
        return f"tcp:{self.host}:{self.port}"

    def send(self, title: str, data: bytes) -> str:
        """Deliver ``data``; return ``host:port``. Raises PrinterError or PrintUncertain."""
        try:
            sock = socket.create_connection((self.host, self.port), timeout=CONNECT_TIMEOUT)
        except OSError as exc:
            raise self._error(PrinterError, exc, 0, len(data)) from exc
        sent = 0
        try:
            with sock:
                sock.settimeout(self.timeout)
                view = memoryview(data)
                while sent < len(data):
                    sent += sock.send(view[sent : sent + CHUNK])
                # Half-close, then wait for the printer to close: it has read every byte by then.
                sock.shutdown(socket.SHUT_WR)
                while sock.recv(4096):
                    pass  # some printers answer (status); the answer is not needed
        except OSError as exc:
            kind = PrintUncertain if sent else PrinterError
            raise self._error(kind, exc, sent, len(data)) from exc
        log.debug("tcp print title=%s printer=%s bytes=%d", title, self.name, len(data))
        return self.name

    def accepted(self, title: str) -> None:
        """A raw port keeps no job list: after a crash mid-send only the packer can tell."""
        return None

    def _error(self, kind: type[PrinterError], exc: OSError, sent: int, total: int) -> PrinterError:
        reason = exc.strerror or type(exc).__name__
        if isinstance(exc, TimeoutError | socket.timeout):
            reason = "timed out"
        return kind(
            f"printer {self.name}: {reason} after {sent} of {total} bytes",
            printer=self.name,
            reason=reason,
            sent=sent,
        )
