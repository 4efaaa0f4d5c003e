"""What ``packstation doctor`` finds on a serial scanner or a scale, in plain words.

A scanner's port is opened as the bench opens it (missing, permission denied and the group to
join, in use by another program); with ``listen_seconds`` the doctor then reads what arrives
while the installer scans something: text is fine, bytes that are not text mean a wrong baud
rate or framing. A scale is asked for one stable weight (never stable, no answer, garbled
answers = wrong baud or protocol, over/under its range).
"""

from __future__ import annotations

import time
from dataclasses import dataclass

from packstation.adapters.devices.lines import LineFramer
from packstation.adapters.devices.scale import SerialScale
from packstation.adapters.devices.serial_ports import PORT_ERRORS, open_port
from packstation.config import LINE_TERMINATORS, ScaleSettings, SerialScannerSettings
from packstation.domain.barcodes import printable
from packstation.domain.errors import DeviceUnavailable
from packstation.domain.weights import grams

OK, WARN, FAIL = "ok", "warn", "fail"
_TEXT_BYTES = frozenset(range(0x20, 0x7F)) | {0x09, 0x0A, 0x0D, 0x1D}


@dataclass(frozen=True)
class Finding:
    """One line of the doctor's report: ok, warn (works, but look) or fail (does not work)."""

    status: str
    what: str
    message: str


def looks_like_wrong_baud(data: bytes) -> bool:
    """True when most bytes are no text a scanner sends: what a mismatched baud rate or framing produces."""
    if not data:
        return False
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        return True
    plain = sum(1 for ch in text if ord(ch) in _TEXT_BYTES or (ord(ch) > 0x9F and ch.isprintable()))
    return plain < 0.9 * len(text)


def check_scanner(settings: SerialScannerSettings, listen_seconds: float = 0.0) -> Finding:
    what = f"scanner {settings.name} ({settings.serial.port}, {settings.serial.framing})"
    try:
        port = open_port(settings.serial, timeout=0.1, name=settings.name)
    except DeviceUnavailable as error:
        return Finding(FAIL, what, str(error))
    received = b""
    try:
        deadline = time.monotonic() + listen_seconds
        while time.monotonic() < deadline:
            received += port.read(port.in_waiting or 1)
    except PORT_ERRORS as error:
        return Finding(FAIL, what, f"the port failed while listening: {error}")
    finally:
        port.close()
    if not listen_seconds:
        return Finding(OK, what, "the port opens (run with --listen 10 and scan a barcode to test the scanner)")
    if not received:
        return Finding(WARN, what, f"the port opens, but nothing arrived in {listen_seconds:g} s: scan a barcode")
    if looks_like_wrong_baud(received):
        return Finding(
            FAIL,
            what,
            f"{len(received)} bytes arrived but they are not text: the baud rate or framing is probably wrong "
            f"(configured {settings.serial.framing}; set the scanner and the configuration to the same)",
        )
    lines = [line.text for line in LineFramer(LINE_TERMINATORS[settings.terminator]).feed(received)]
    if not lines:
        return Finding(
            WARN, what, f"text arrived but no terminator ({settings.terminator}): check the scanner's suffix"
        )
    shown = ", ".join(printable(line)[:40] for line in lines[:3])
    return Finding(OK, what, f"read {len(lines)} scan(s): {shown}")


def check_scale(settings: ScaleSettings, timeout: float | None = None) -> Finding:
    what = f"scale {settings.name} ({settings.serial.port}, {settings.protocol}, {settings.serial.framing})"
    scale = SerialScale(settings)
    try:
        kg = scale.stable_weight(timeout)
    except DeviceUnavailable as error:
        return Finding(FAIL, what, str(error))
    finally:
        scale.close()
    return Finding(OK, what, f"stable weight {grams(kg)} kg")
