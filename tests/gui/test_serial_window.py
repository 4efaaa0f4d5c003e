"""The bench window with a fixed serial scanner (a pty) beside the keyboard wedge.

Scans from both reach the same worker in the order they came; unplugging the serial scanner
turns the banner red with the dropped partial scan named and the status bar says DISCONNECTED;
replugging it (the stable name pointed at a new pty) brings it back by itself.
"""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from pathlib import Path

import pytest

from packstation.config import SerialPortSettings, SerialScannerSettings
from packstation.gui.serial_devices import SerialScanners
from packstation.services.bench.outcome import OutcomeKind, Tone
from tests.devices_support import PtyLink
from tests.gui.keys import scan as wedge_scan

pytestmark = pytest.mark.timeout(60)
WAIT_MS = 5000


@pytest.fixture
def link(tmp_path: Path):  # type: ignore[no-untyped-def]
    device = PtyLink(tmp_path / "usb-Zebra_DS9308-if00")
    yield device
    device.close()


@pytest.fixture
def window(qtbot, tmp_path: Path, link: PtyLink):  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QApplication

    from packstation import bootstrap, config
    from packstation.gui.app import create_window
    from packstation.services.demo import create_demo

    cfg = config.load(db_url=f"sqlite:///{tmp_path}/bench.db", station="gui-1", print_to=str(tmp_path / "printed"))
    cfg.serial_scanners = (SerialScannerSettings("fixed", SerialPortSettings(link.path, 9600)),)
    app = bootstrap.bootstrap(cfg)
    create_demo(app.uow)
    win = create_window(app)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    yield win
    win.close()
    QApplication.instance().removeEventFilter(win.capture)
    win.capture.deleteLater()
    app.dispose()


def test_serial_and_wedge_scans_unplug_and_replug(window, link: PtyLink, qtbot) -> None:  # type: ignore[no-untyped-def]
    scanners = window.findChild(SerialScanners)
    assert scanners is not None
    qtbot.waitUntil(lambda: scanners.states["fixed"] == "connected", timeout=WAIT_MS)
    assert "connected" in scanners.label.text()

    link.pty.write(b"PKR-0001\r\n")  # the serial scanner logs the packer in
    qtbot.waitUntil(lambda: window.last_outcome is not None and window.last_outcome.kind is OutcomeKind.LOGIN)
    wedge_scan("CMD-NEXT")  # the hand scanner on the keyboard opens the next order
    qtbot.waitUntil(lambda: window.last_outcome.kind is OutcomeKind.ORDER_OPENED, timeout=WAIT_MS)

    link.pty.write(b"590000")  # half a scan, then the cable is pulled
    qtbot.waitUntil(lambda: scanners.scanners[0].pending_bytes == 6, timeout=WAIT_MS)
    link.unplug()
    qtbot.waitUntil(lambda: window.last_outcome.kind is OutcomeKind.DEVICE_LOST, timeout=WAIT_MS)
    lost = window.last_outcome
    assert (lost.code, lost.params["device"], lost.params["discarded"], lost.tone) == (
        "device.disconnected_partial",
        "fixed",
        "590000",
        Tone.BAD,
    )
    assert "590000" in window.banner.text() and "DISCONNECTED" in window.banner.text()
    qtbot.waitUntil(lambda: "DISCONNECTED" in scanners.label.text(), timeout=WAIT_MS)
    assert window.last_outcome.order is not None, "the open order stays open"

    link.replug()
    qtbot.waitUntil(lambda: window.last_outcome.kind is OutcomeKind.DEVICE_BACK, timeout=2000)
    qtbot.waitUntil(lambda: "DISCONNECTED" not in scanners.label.text(), timeout=WAIT_MS)
    link.pty.write(b"CMD-RELEASE\r")
    qtbot.waitUntil(lambda: window.last_outcome.kind is OutcomeKind.RELEASED, timeout=WAIT_MS)
