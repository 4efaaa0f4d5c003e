"""Serial devices for tests: pseudo-terminal pairs are real serial ports (not a test module).

The code under test opens the pty's slave side with pyserial exactly as it opens
/dev/ttyACM0; the test holds the master side and is the device: it writes what a scanner
sends, or answers a scale's commands. Closing the master is an unplug; pointing the
configured symlink at a fresh pty is a replug (as udev re-creates /dev/serial/by-id links).
"""

from __future__ import annotations

import os
import select
import termios
import threading
import time
import tty
from collections.abc import Callable
from pathlib import Path


class Pty:
    """One pty pair: ``path`` is the serial port, the test writes and reads the master side."""

    def __init__(self) -> None:
        self.master, slave = os.openpty()
        self.path = os.ttyname(slave)
        tty.setraw(slave)  # raw until the program under test configures it itself
        attrs = termios.tcgetattr(slave)
        attrs[3] &= ~termios.ECHO
        termios.tcsetattr(slave, termios.TCSANOW, attrs)
        os.close(slave)  # the program under test opens it by name, like a real port
        self.closed = False

    def write(self, data: bytes) -> None:
        view = memoryview(data)
        while view:
            written = os.write(self.master, view)
            view = view[written:]

    def read_available(self, timeout: float) -> bytes:
        """What the program wrote to the device within ``timeout`` seconds (b"" if nothing)."""
        ready, _, _ = select.select([self.master], [], [], timeout)
        if not ready:
            return b""
        try:
            return os.read(self.master, 4096)
        except OSError:  # EIO: nobody has the slave side open (yet, or any more)
            time.sleep(timeout)
            return b""

    def close(self) -> None:
        """Unplug: the program's port reports an error on its next read."""
        if not self.closed:
            self.closed = True
            os.close(self.master)


class PtyLink:
    """A stable port name (like /dev/serial/by-id/usb-…) for a device that can be unplugged and replugged."""

    def __init__(self, link: Path) -> None:
        self.link = link
        self.pty = Pty()
        link.symlink_to(self.pty.path)

    @property
    def path(self) -> str:
        return str(self.link)

    def unplug(self) -> None:
        self.pty.close()

    def replug(self) -> Pty:
        """A new pty behind the same name, swapped in atomically."""
        self.pty.close()
        self.pty = Pty()
        tmp = self.link.with_name(self.link.name + ".new")
        tmp.symlink_to(self.pty.path)
        tmp.replace(self.link)
        return self.pty

    def close(self) -> None:
        self.pty.close()


def wait_for(condition: Callable[[], object], timeout: float = 5.0, message: str = "") -> None:
    """Poll ``condition`` until it is true; fail after ``timeout`` seconds (a bound, not a sleep)."""
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out after {timeout} s waiting for {message or condition}")
        time.sleep(0.005)


class DeviceThread:
    """Runs ``serve(pty, stop)`` on a thread: a scale answering commands until stopped."""

    def __init__(self, pty: Pty, serve: Callable[[Pty, threading.Event], None]) -> None:
        self.pty = pty
        self.stop_event = threading.Event()
        self.thread = threading.Thread(target=serve, args=(pty, self.stop_event), daemon=True)
        self.thread.start()

    def stop(self) -> None:
        self.stop_event.set()
        self.thread.join(5)
        self.pty.close()


# -- scales -----------------------------------------------------------------------------------


def mt_sics_line(state: str, value: str = "", unit: str = "kg") -> bytes:
    """An MT-SICS answer: ``S S      1.234 kg`` (value right-aligned in 10), or ``S I`` / ``S +`` / ``S -``."""
    if state in ("I", "+", "-"):
        return f"S {state}\r\n".encode()
    return f"S {state} {value:>10} {unit}\r\n".encode()


def nci_frame(value: str | None, unit: str = "kg", status: str = "00") -> bytes:
    """An NCI answer to ``W``: weight and status, or the status alone (in motion)."""
    if value is None:
        return f"\n{status}\r\x03".encode()
    return f"\n{value}{unit}\r\n{status}\r\x03".encode()


class ScaleSimulator:
    """A scale on a pty: answers each request (``SI``/``S`` for MT-SICS, ``W`` for NCI) with the next
    of ``answers`` (the last one repeats); ``answers=None`` never answers; counts the requests."""

    def __init__(self, protocol: str, answers: list[bytes] | None) -> None:
        self.pty = Pty()
        self.path = self.pty.path
        self.requests: list[bytes] = []
        self._end = b"\r\n" if protocol == "mt-sics" else b"\r"
        self._answers = answers
        self._device = DeviceThread(self.pty, self._serve)

    def _serve(self, pty: Pty, stop: threading.Event) -> None:
        buffer = b""
        while not stop.is_set():
            buffer += pty.read_available(0.05)
            while self._end in buffer:
                request, buffer = buffer.split(self._end, 1)
                self.requests.append(request)
                if not self._answers:
                    continue
                answer = self._answers[0] if len(self._answers) == 1 else self._answers.pop(0)
                pty.write(answer)

    def stop(self) -> None:
        self._device.stop()
