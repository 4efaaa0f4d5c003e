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
        except OSError:  # EIO: nobody has the slave side open
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
