"""Serial scales: Mettler Toledo MT-SICS and NCI / Avery Weigh-Tronix, one stable weight in kg.

MT-SICS (level 0): the bench sends ``SI`` (weight now) and the scale answers ``S S <value> <unit>``
when stable, ``S D <value> <unit>`` while the load moves, ``S I`` when it cannot weigh now,
``S +`` / ``S -`` over or under its range. ``S`` (stable weight) has the same answers.

NCI (also Avery Weigh-Tronix, Brecknell): ``W<CR>`` is answered with
``<LF><value><unit><CR><LF><status><CR><ETX>``, and with the status alone while the scale is in
motion. The two status bytes have 0x30 as their high bits; byte 1: bit 0 in motion, bit 1 at
zero, bit 2 RAM error, bit 3 EEPROM error; byte 2: bit 0 under capacity, bit 1 over capacity,
bit 2 ROM error, bit 3 faulty calibration.

:meth:`SerialScale.stable_weight` asks again and again until a stable answer or the configured
time is up, and then says in plain words why there is no weight: no answer, answers that look
like a wrong baud rate, never stable, over or under its range.
"""

from __future__ import annotations

import logging
import re
import time
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

import serial

from packstation.adapters.devices.serial_ports import PORT_ERRORS, open_port, port_error
from packstation.config import ScaleSettings
from packstation.domain.errors import DeviceUnavailable
from packstation.domain.weights import to_kg

log = logging.getLogger(__name__)

STABLE, MOVING, BUSY, OVERLOAD, UNDERLOAD = "stable", "moving", "busy", "overload", "underload"
POLL_SECONDS = 0.1  # between two requests while the load settles
REPLY_SECONDS = 0.5  # a scale that has not answered by then missed the request


@dataclass(frozen=True)
class Reading:
    """One answer of a scale: its state and, when it sent one, the weight in kg."""

    state: str
    kg: Decimal | None = None


class GarbledReply(ValueError):
    """The bytes are no answer of this protocol (a wrong baud rate or protocol looks like this)."""


_MT_WEIGHT = re.compile(r"S\s+([SD])\s+(-?\s*\d+(?:\.\d+)?)\s+([A-Za-z]+)")
_MT_STATUS = {"S I": BUSY, "S +": OVERLOAD, "S -": UNDERLOAD}


def parse_mt_sics(reply: bytes) -> Reading:
    """One MT-SICS answer line (without or with CR LF)."""
    text = _ascii(reply).strip()
    if text in _MT_STATUS:
        return Reading(_MT_STATUS[text])
    match = _MT_WEIGHT.fullmatch(text)
    if match is None:
        raise GarbledReply(f"not an MT-SICS weight answer: {text!r}")
    return Reading(STABLE if match[1] == "S" else MOVING, _kg(match[2], match[3]))


_NCI_WEIGHT = re.compile(r"(-?\s*\d+(?:\.\d+)?)\s*([A-Za-z]+)")
_NCI_STATUS = re.compile(r"S?([0-?])([0-?])[0-?]?")  # high nibble 0x3: "0".."?"


def parse_nci(reply: bytes) -> Reading:
    """One NCI answer, up to and including its ETX."""
    text = _ascii(reply)
    if not text.endswith("\x03"):
        raise GarbledReply("an NCI answer ends with ETX")
    parts = [p.strip() for p in re.split(r"[\r\n]+", text.rstrip("\x03")) if p.strip()]
    if not parts or (len(parts) == 1 and parts[0] == "?"):
        raise GarbledReply(f"NCI scale refused the command: {text!r}")
    status = _NCI_STATUS.fullmatch(parts[-1])
    if status is None:
        raise GarbledReply(f"no NCI status bytes in {text!r}")
    first, second = ord(status[1]) & 0x0F, ord(status[2]) & 0x0F
    if second & 0b10:
        return Reading(OVERLOAD)
    if second & 0b01:
        return Reading(UNDERLOAD)
    if first & 0b1100 or second & 0b1100:
        raise GarbledReply(f"NCI scale reports a hardware or calibration error (status {parts[-1]!r})")
    if first & 0b01 or len(parts) == 1:
        return Reading(MOVING)
    weight = _NCI_WEIGHT.fullmatch(parts[0])
    if weight is None:
        raise GarbledReply(f"not an NCI weight: {parts[0]!r}")
    return Reading(STABLE, _kg(weight[1], weight[2]))


def _ascii(reply: bytes) -> str:
    try:
        return reply.decode("ascii")
    except UnicodeDecodeError:
        raise GarbledReply(f"not ASCII: {reply[:20]!r}") from None


def _kg(value: str, unit: str) -> Decimal:
    try:
        return to_kg(Decimal(value.replace(" ", "")), unit)
    except (InvalidOperation, ValueError) as error:
        raise GarbledReply(str(error)) from None


PROTOCOLS = {
    "mt-sics": (b"SI\r\n", b"\r\n", parse_mt_sics),
    "nci": (b"W\r", b"\x03", parse_nci),
}


class SerialScale:
    """A scale on a serial port (implements ``services.ports.Scale``). Use from one thread at a time."""

    def __init__(self, settings: ScaleSettings) -> None:
        self.settings = settings
        self._command, self._end, self._parse = PROTOCOLS[settings.protocol]
        self._port: serial.Serial | None = None

    @property
    def name(self) -> str:
        return f"{self.settings.name} ({self.settings.protocol} on {self.settings.serial.port})"

    def stable_weight(self, timeout: float | None = None) -> Decimal:
        """A stable weight in kg, asked for until one comes or ``timeout`` (default: the configured) is up."""
        deadline = time.monotonic() + (timeout if timeout is not None else self.settings.stable_timeout_seconds)
        seen: dict[str, int] = {}
        while True:
            reading = self._ask(seen)
            if reading is not None:
                if reading.state == STABLE and reading.kg is not None:
                    log.info("weighed scale=%s kg=%s", self.settings.name, reading.kg)
                    return reading.kg
                if reading.state in (OVERLOAD, UNDERLOAD):
                    raise self._refusal(reading.state)
                seen[reading.state] = seen.get(reading.state, 0) + 1
            if time.monotonic() >= deadline:
                raise self._no_weight(seen)
            time.sleep(POLL_SECONDS)

    def close(self) -> None:
        if self._port is not None:
            try:
                self._port.close()
            finally:
                self._port = None

    def _ask(self, seen: dict[str, int]) -> Reading | None:
        """One request and its answer; None when there was none or it was garbled (counted in ``seen``)."""
        port = self._open()
        try:
            port.reset_input_buffer()
            port.write(self._command)
            reply = port.read_until(self._end, 256)
        except PORT_ERRORS as error:
            self.close()  # unplugged: the next weighing opens it again
            raise port_error(self.settings.serial.port, error, self.settings.name) from None
        if not reply.endswith(self._end):
            seen["silent" if not reply else "garbled"] = seen.get("silent" if not reply else "garbled", 0) + 1
            return None
        try:
            return self._parse(reply)
        except GarbledReply as error:
            log.warning("scale reply unreadable scale=%s reply=%r reason=%s", self.settings.name, reply[:40], error)
            seen["garbled"] = seen.get("garbled", 0) + 1
            return None

    def _open(self) -> serial.Serial:
        if self._port is None:
            self._port = open_port(self.settings.serial, timeout=REPLY_SECONDS, name=self.settings.name)
        return self._port

    def _refusal(self, state: str) -> DeviceUnavailable:
        if state == OVERLOAD:
            message = f"{self.settings.name}: the load is over the scale's range: weigh the parcel on a bigger scale"
            return DeviceUnavailable(message, code="scale.overload", device=self.settings.name, reason=message)
        message = f"{self.settings.name}: the scale shows less than zero: empty it and zero it"
        return DeviceUnavailable(message, code="scale.underload", device=self.settings.name, reason=message)

    def _no_weight(self, seen: dict[str, int]) -> DeviceUnavailable:
        """Why no stable weight came: judged from every answer of this weighing."""
        s = self.settings
        seconds = f"{s.stable_timeout_seconds:g} s"
        if seen.get(MOVING) or seen.get(BUSY):
            message = (
                f"{s.name}: the weight did not settle within {seconds}: keep the parcel still, nothing touching it"
            )
            return DeviceUnavailable(message, code="scale.unstable", device=s.name, reason=message)
        if seen.get("garbled"):
            message = (
                f"{s.name}: the scale's answers are unreadable: check its baud rate and framing "
                f"(configured {s.serial.framing}) and its protocol (configured {s.protocol})"
            )
            return DeviceUnavailable(message, code="scale.garbled", device=s.name, reason=message)
        message = (
            f"{s.name}: no answer from the scale on {s.serial.port}: is it switched on, "
            f"its cable in and its protocol set to {s.protocol}?"
        )
        return DeviceUnavailable(message, code="scale.no_answer", device=s.name, reason=message)
