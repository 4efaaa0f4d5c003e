"""Serial ports: opening one as configured, with failures a warehouse installer can act on, and listing them."""

from __future__ import annotations

import errno
import logging
import os
import stat
import sys
from dataclasses import dataclass
from pathlib import Path

import serial
from serial.tools import list_ports

from packstation.config import SerialPortSettings
from packstation.domain.errors import DeviceUnavailable

log = logging.getLogger(__name__)
BY_ID = Path("/dev/serial/by-id")  # udev's stable names: they survive a replug into another USB socket
# What a port raises when its device went away: pyserial's own error, the OS's, and (POSIX) termios's,
# which pyserial lets through from tcflush/tcsetattr.
PORT_ERRORS: tuple[type[Exception], ...] = (serial.SerialException, OSError)
if os.name == "posix":
    import termios

    PORT_ERRORS += (termios.error,)


def open_port(settings: SerialPortSettings, timeout: float | None = 0.1, name: str = "") -> serial.Serial:
    """The port opened with its framing (exclusively, so two programs never split one scanner's bytes).

    Raises ``DeviceUnavailable`` with code ``device.port_missing``, ``device.permission_denied``
    (naming the group to join), ``device.busy`` or ``device.io_error``.
    """
    try:
        return serial.Serial(
            settings.port,
            settings.baudrate,
            bytesize=settings.bytesize,
            parity=settings.parity,
            stopbits=settings.stopbits,
            timeout=timeout,
            write_timeout=1.0,
            exclusive=True if os.name == "posix" else None,
        )
    except (serial.SerialException, OSError, ValueError) as error:
        raise port_error(settings.port, error, name) from None


def port_error(port: str, error: BaseException, name: str = "") -> DeviceUnavailable:
    """The plain-words error for a port that would not open (or broke while open)."""
    number = getattr(error, "errno", None)
    text = str(error)
    device = name or port
    if number == errno.ENOENT or "FileNotFoundError" in text or (not _exists(port) and _looks_like_path(port)):
        target = f" (a link to {os.path.realpath(port)}, which is gone)" if os.path.islink(port) else ""
        message = f"{device}: port {port} is missing{target}: is the device plugged in and switched on?"
        return DeviceUnavailable(message, code="device.port_missing", device=device, port=port, reason=message)
    # Windows answers "Access is denied" for a COM port another program holds open.
    windows_busy = sys.platform == "win32" and ("PermissionError" in text or number == errno.EACCES)
    if number == errno.EBUSY or "exclusively lock" in text or windows_busy:
        message = f"{device}: port {port} is in use by another program (another Packstation, a terminal?)"
        return DeviceUnavailable(message, code="device.busy", device=device, port=port, reason=message)
    if number in (errno.EACCES, errno.EPERM) or "PermissionError" in text:
        group = owning_group(port)
        join = f"; add the user to the group {group}: sudo usermod -aG {group} $USER, then log in again"
        message = f"{device}: permission denied on {port}{join if group else ''}"
        return DeviceUnavailable(
            message, code="device.permission_denied", device=device, port=port, group=group or "", reason=message
        )
    message = f"{device}: port {port}: {text}"
    return DeviceUnavailable(message, code="device.io_error", device=device, port=port, reason=message)


def owning_group(port: str) -> str | None:
    """The group a device node belongs to (``dialout`` on Debian, ``uucp`` on Arch), or None."""
    try:
        import grp  # POSIX only

        return grp.getgrgid(os.stat(port).st_gid).gr_name
    except (ImportError, OSError, KeyError):
        return None


def _exists(port: str) -> bool:
    try:
        return stat.S_ISCHR(os.stat(port).st_mode) or os.path.exists(port)
    except OSError:
        return False


def _looks_like_path(port: str) -> bool:
    return port.startswith("/")


@dataclass(frozen=True)
class PortInfo:
    """One serial port of this machine, as ``packstation devices list`` shows it."""

    device: str  # /dev/ttyACM0, COM3
    stable_name: str  # its /dev/serial/by-id link, when udev made one (use it in the configuration)
    description: str
    hardware_id: str

    def as_dict(self) -> dict[str, str]:
        return {
            "device": self.device,
            "stable_name": self.stable_name,
            "description": self.description,
            "hardware_id": self.hardware_id,
        }


def list_serial_ports(extra: tuple[str, ...] = ()) -> list[PortInfo]:
    """The machine's serial ports (USB CDC, USB-serial adapters, built-in), plus ``extra`` paths that exist."""
    stable = _by_id_links()
    found: dict[str, PortInfo] = {}
    for port in list_ports.comports():
        device = port.device
        found[device] = PortInfo(device, stable.get(os.path.realpath(device), ""), port.description, port.hwid)
    for path in extra:
        real = os.path.realpath(path)
        if real not in found and _exists(path):
            found[real] = PortInfo(real, path if path != real else stable.get(real, ""), "configured", "")
    return sorted(found.values(), key=lambda info: info.device)


def _by_id_links() -> dict[str, str]:
    try:
        return {os.path.realpath(link): str(link) for link in BY_ID.iterdir()}
    except OSError:
        return {}
