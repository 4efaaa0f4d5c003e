"""Serial scanners over real pseudo-terminals: lines, terminators, junk, unplug and replug, several at once.

The scanner thread opens the pty by name as it would open /dev/ttyACM0; the test writes the bytes a
scanner sends. Every line the thread hands on is put through the one scan decoder, so the tests
also show what the bench would say: a code, or one clear rejection.
"""

from __future__ import annotations

import queue
import time
from pathlib import Path

import pytest

from packstation.adapters.devices.lines import Line, LineFramer
from packstation.adapters.devices.serial_scanner import DeviceEvent, SerialScanner
from packstation.config import SerialPortSettings, SerialScannerSettings
from packstation.domain.scan_decoding import decode_scan
from tests.devices_support import Pty, PtyLink, wait_for

pytestmark = pytest.mark.timeout(60)


class Reader:
    """A started SerialScanner and what it delivered."""

    def __init__(self, port: str, name: str = "fixed", terminator: str = "any") -> None:
        self.scans: queue.Queue[str] = queue.Queue()
        self.events: queue.Queue[DeviceEvent] = queue.Queue()
        settings = SerialScannerSettings(name, SerialPortSettings(port, 9600), terminator)
        self.scanner = SerialScanner(settings, self.scans.put, self.events.put, retry_seconds=0.05)
        self.scanner.start()

    def next_scan(self, timeout: float = 5.0) -> str:
        return self.scans.get(timeout=timeout)

    def next_event(self, timeout: float = 5.0) -> DeviceEvent:
        return self.events.get(timeout=timeout)

    def stop(self) -> None:
        assert self.scanner.stop()


@pytest.fixture
def readers():  # type: ignore[no-untyped-def]
    made: list[Reader] = []

    def make(*args, **kwargs) -> Reader:  # type: ignore[no-untyped-def]
        reader = Reader(*args, **kwargs)
        made.append(reader)
        return reader

    yield make
    for reader in made:
        reader.stop()


def test_lines_arrive_whole_in_any_pieces_and_terminators(readers) -> None:  # type: ignore[no-untyped-def]
    pty = Pty()
    reader = readers(pty.path)
    assert reader.next_event().state == "connected"
    for piece in (b"59012", b"34123457\r", b"\nCMD-FIN", b"ISH\n", b"ORD-PL-1\r\n\r\n", b"A\rB\n"):
        pty.write(piece)
    assert [reader.next_scan() for _ in range(5)] == ["5901234123457", "CMD-FINISH", "ORD-PL-1", "A", "B"]
    assert reader.scans.empty()
    pty.close()


def test_a_configured_terminator_is_the_only_end_of_a_line(readers) -> None:  # type: ignore[no-untyped-def]
    pty = Pty()
    reader = readers(pty.path, terminator="etx")
    assert reader.next_event().state == "connected"
    pty.write(b"\x0201ABC\x03\x02XYZ\x03")
    assert [reader.next_scan(), reader.next_scan()] == ["\x0201ABC", "\x02XYZ"]
    assert decode_scan("\x0201ABC").problem == "scan.control_chars", "an STX left in is refused, not guessed"
    pty.close()


@pytest.mark.parametrize(
    ("sent", "problem"),
    [
        (bytes(range(0x80, 0x90)) + b"\r\n", "scan.undecodable"),  # a wrong baud rate looks like this
        (b"59012\x0034123457\r\n", "scan.control_chars"),  # a NUL inside
        (b"\x00\x00\x00\r\n", "scan.control_chars"),
        (b"ABC\xff\xfeDEF\r\n", "scan.undecodable"),  # invalid UTF-8
        (b"7" * 10_000 + b"\r\n", "scan.too_long"),  # a 10 kB line
        (b"\xe2\x82\r\n", "scan.undecodable"),  # a UTF-8 sequence cut off
    ],
)
def test_junk_is_one_clear_rejection_and_the_next_scan_works(readers, sent: bytes, problem: str) -> None:  # type: ignore[no-untyped-def]
    pty = Pty()
    reader = readers(pty.path)
    assert reader.next_event().state == "connected"
    pty.write(sent + b"5901234123457\r\n")
    junk = reader.next_scan()
    assert decode_scan(junk).problem == problem
    assert reader.next_scan() == "5901234123457"
    assert reader.scans.empty() and reader.scanner.state == "connected"
    pty.close()


def test_unplug_mid_line_and_replug_through_the_stable_name(readers, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    link = PtyLink(tmp_path / "usb-Datalogic_Gryphon_GD4500-if00")
    reader = readers(link.path)
    assert reader.next_event().state == "connected"
    link.pty.write(b"SEQ-0001\r\nSEQ-0002\r\nSEQ-00")
    assert [reader.next_scan(), reader.next_scan()] == ["SEQ-0001", "SEQ-0002"]
    wait_for(lambda: reader.scanner.pending_bytes == 6, message="the partial line to be read")
    link.unplug()
    gone = reader.next_event()
    assert (gone.state, gone.code, gone.discarded) == ("disconnected", "device.disconnected", "SEQ-00")
    replugged_at = time.monotonic()
    new = link.replug()
    back = reader.next_event(timeout=2.0)
    assert back.state == "reconnected" and time.monotonic() - replugged_at < 2.0
    new.write(b"03\r\nSEQ-0004\r\n")
    assert [reader.next_scan(), reader.next_scan()] == ["03", "SEQ-0004"], "never merged with the dropped part"
    link.close()


def test_a_port_missing_at_start_is_reported_once_then_found(readers, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    name = tmp_path / "usb-scanner"
    reader = readers(str(name))
    missing = reader.next_event()
    assert (missing.state, missing.code) == ("unavailable", "device.port_missing")
    assert "is missing" in missing.reason
    time.sleep(0.3)  # several retries happen meanwhile (retry every 50 ms) …
    assert reader.events.empty(), "… and are not reported again"
    pty = Pty()
    name.symlink_to(pty.path)
    assert reader.next_event().state == "connected"
    pty.write(b"X1\r")
    assert reader.next_scan() == "X1"
    pty.close()


def test_two_scanners_at_once_keep_their_own_lines(readers) -> None:  # type: ignore[no-untyped-def]
    one, two = Pty(), Pty()
    first, second = readers(one.path, "left"), readers(two.path, "right")
    assert first.next_event().state == second.next_event().state == "connected"
    for i in range(50):
        one.write(f"L-{i:03d}\r".encode())
        two.write(f"R-{i:03d}\r\n".encode())
    left = [first.next_scan() for _ in range(50)]
    right = [second.next_scan() for _ in range(50)]
    assert left == [f"L-{i:03d}" for i in range(50)] and right == [f"R-{i:03d}" for i in range(50)]
    one.close()
    two.close()


def test_the_framer_cuts_an_overlong_line_once_and_skips_its_rest() -> None:
    framer = LineFramer(max_length=100)
    assert framer.feed(b"x" * 150) == [Line("x" * 100, cut=True)]
    assert framer.pending == 0
    assert framer.feed(b"y" * 500) == []
    assert framer.feed(b"zz\r\nOK\r\n") == [Line("OK")]
    assert framer.feed(b"half") == [] and framer.pending == 4 and framer.discard() == b"half"
    assert framer.feed(b"\r\nnext\n") == [Line("next")]
