"""The crash dialog and Qt's messages in the log, with real slots, threads and the real bench window.

pytest-qt's own exception capture is off here (``qt_no_exception_capture``): these tests raise
in slots on purpose, and it is *our* ``sys.excepthook`` that must see them.
"""

from __future__ import annotations

import logging
import sys
import threading
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, Qt, QTimer, qWarning
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton, QVBoxLayout, QWidget

from packstation import logs
from packstation.gui.crash import install_gui_crash_handling
from tests.gui.keys import scan

pytestmark = [pytest.mark.qt_no_exception_capture, pytest.mark.timeout(90)]


def _dialogs() -> list[QMessageBox]:
    return [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()]


def _read(path: Path) -> str:
    for handler in logging.getLogger("packstation").handlers:
        handler.flush()
    return path.read_text(encoding="utf-8")


def _boom() -> None:
    raise ValueError("scale said no")


@pytest.fixture
def hooks(monkeypatch: pytest.MonkeyPatch) -> Path:
    """Logging to the test's PACKSTATION_HOME and our excepthooks; returns the log file.

    The hooks found in place are replaced by quiet stand-ins first: pytest's thread hook would
    turn the crashes these tests cause on purpose into warnings.
    """
    monkeypatch.setattr(sys, "excepthook", lambda *exc: None)
    monkeypatch.setattr(threading, "excepthook", lambda args: None)
    path = logs.setup_logging()
    logs.install_excepthooks()
    return path


@pytest.fixture
def window(qtbot, hooks: Path):
    """A plain window with a button, crash handling installed over it; dialogs closed afterwards."""
    widget = QWidget()
    button = QPushButton("Finish", widget)
    QVBoxLayout(widget).addWidget(button)
    widget.button = button  # type: ignore[attr-defined]
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitExposed(widget)
    handling = install_gui_crash_handling(widget)
    yield widget
    handling.uninstall()
    for dialog in _dialogs():
        dialog.close()


def _one_dialog(qtbot) -> QMessageBox:
    qtbot.waitUntil(lambda: len(_dialogs()) == 1, timeout=5000)
    (dialog,) = _dialogs()
    return dialog


def test_exception_in_a_timer_slot_is_logged_and_shown(qtbot, window, hooks: Path) -> None:
    QTimer.singleShot(0, _boom)

    dialog = _one_dialog(qtbot)
    assert dialog.icon() == QMessageBox.Icon.Critical
    assert dialog.parent() is window and not dialog.isModal()
    details = dialog.informativeText()
    assert str(hooks) in details  # the full path of the log file
    assert "ValueError: scale said no" in details and "MainThread" in details
    assert "open order and every scan already confirmed are safe" in details
    text = _read(hooks)
    assert "unhandled exception where=MainThread type=ValueError" in text
    assert "Traceback (most recent call last)" in text and "in _boom" in text

    # The event loop went on: later slots still run.
    ran: list[bool] = []
    QTimer.singleShot(0, lambda: ran.append(True))
    qtbot.waitUntil(lambda: ran == [True], timeout=5000)


def test_exception_in_a_button_slot_is_logged_and_shown(qtbot, window, hooks: Path) -> None:
    window.button.clicked.connect(_boom)
    qtbot.mouseClick(window.button, Qt.MouseButton.LeftButton)

    dialog = _one_dialog(qtbot)
    assert "ValueError: scale said no" in dialog.informativeText()
    assert "in _boom" in _read(hooks)
    assert window.isVisible()


def test_exception_in_a_background_thread_shows_the_dialog_on_the_gui_thread(qtbot, window, hooks: Path) -> None:
    def fail() -> None:
        raise OSError("label printer unplugged")

    worker = threading.Thread(target=fail, name="printing")
    worker.start()
    worker.join()

    dialog = _one_dialog(qtbot)
    assert dialog.thread() is QCoreApplication.instance().thread()
    assert "OSError: label printer unplugged [printing]" in dialog.informativeText()
    assert "CRITICAL [printing] packstation.crash: unhandled exception where=printing" in _read(hooks)


def test_quick_crashes_share_one_dialog(qtbot, window) -> None:
    QTimer.singleShot(0, _boom)
    QTimer.singleShot(0, _boom)
    threading.Thread(target=_boom).start()

    qtbot.waitUntil(lambda: len(_dialogs()) == 1 and "3 time(s)" in _dialogs()[0].informativeText(), timeout=5000)
    assert len(_dialogs()) == 1

    # Once read and closed, the next crash opens a fresh dialog counting from one.
    _dialogs()[0].close()
    qtbot.waitUntil(lambda: _dialogs() == [], timeout=5000)
    QTimer.singleShot(0, _boom)
    dialog = _one_dialog(qtbot)
    assert "time(s)" not in dialog.informativeText()


def test_a_password_in_the_exception_stays_out_of_the_dialog(qtbot, window, hooks: Path) -> None:
    def fail() -> None:
        raise ConnectionError("cannot reach postgresql://packer:hunter2@db/pack")

    QTimer.singleShot(0, fail)

    dialog = _one_dialog(qtbot)
    assert "postgresql://packer:***@db/pack" in dialog.informativeText()
    assert "hunter2" not in dialog.informativeText() and "hunter2" not in _read(hooks)


def test_qt_warnings_land_in_the_log(window, hooks: Path) -> None:
    qWarning("scale port /dev/ttyUSB0 went away")

    assert "WARNING [MainThread] packstation.qt: category=default message=scale port /dev/ttyUSB0 went away" in (
        _read(hooks)
    )


def test_a_qt_warning_said_in_a_loop_does_not_flood_the_log(window, hooks: Path) -> None:
    """Qt can repeat one warning endlessly (seen: QtMultimedia's "QSocketNotifier: Invalid socket"):
    the log keeps the first three and then one line at 10, 100, 1000… with the count."""
    for _ in range(1000):
        qWarning("QSocketNotifier: Invalid socket 7 and type 'Read', disabling...")
    qWarning("something else")
    lines = [line for line in _read(hooks).splitlines() if "Invalid socket 7" in line]
    assert len(lines) == 6 and lines[-1].endswith("repeated=1000")
    assert "message=something else" in _read(hooks)


def test_the_bench_keeps_scanning_behind_the_dialog(qtbot, bench, hooks: Path) -> None:
    handling = install_gui_crash_handling(lambda: bench)
    try:
        QTimer.singleShot(0, _boom)
        dialog = _one_dialog(qtbot)
        assert dialog.parent() is bench
        dialog.activateWindow()
        qtbot.waitUntil(lambda: QApplication.focusWidget() is not None, timeout=5000)

        before = bench.outcomes_shown
        scan("ORD-DOES-NOT-EXIST")  # the burst is captured even with the dialog focused
        qtbot.waitUntil(lambda: bench.outcomes_shown > before, timeout=15000)
        assert bench.last_outcome.raw == "ORD-DOES-NOT-EXIST"
        assert _dialogs() == [dialog]
    finally:
        handling.uninstall()


def test_a_bug_in_the_bench_shows_the_dialog_and_keeps_the_order(qtbot, bench, hooks: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """A failure the bench did not expect: red banner, the dialog naming the log, nothing lost."""
    from packstation.services.demo import demo_batch
    from packstation.services.orders_admin import show_order

    batch = demo_batch()
    order = batch.orders[0]
    unit = next(p.barcodes[0] for p in batch.products if p.sku == order.lines[0].sku)
    handling = install_gui_crash_handling(lambda: bench)
    try:
        bench.activateWindow()
        qtbot.waitUntil(lambda: QApplication.focusWidget() is not None, timeout=5000)
        for count, raw in enumerate((order.number, unit), start=bench.outcomes_shown + 1):
            scan(raw)
            qtbot.waitUntil(lambda n=count: bench.outcomes_shown >= n, timeout=15000)
        assert bench.last_outcome.kind == "accepted"

        def broken_bins(self, skus):  # type: ignore[no-untyped-def]
            raise ZeroDivisionError("a bug in the storage adapter")

        from packstation.adapters.db.product_repository import SqlProducts

        monkeypatch.setattr(SqlProducts, "bins", broken_bins)
        before = bench.outcomes_shown
        scan("CMD-UNDO")  # taking the scan back re-reads the order's pack state: it hits the bug
        qtbot.waitUntil(lambda: bench.outcomes_shown > before, timeout=15000)
        monkeypatch.undo()
        failed = bench.last_outcome
        assert (failed.kind, failed.code) == ("error", "internal.error")
        assert "SOFTWARE ERROR" in bench.banner.text()
        dialog = _one_dialog(qtbot)
        assert str(hooks) in dialog.text() + dialog.informativeText() + dialog.detailedText()
        assert "ZeroDivisionError" in _read(hooks) and "Traceback" in _read(hooks)
        assert failed.order is not None and failed.order.number == order.number  # still open
        assert show_order(bench.app.uow, order.number)["lines"][0]["scanned"] == 1  # the scan is kept, not undone
    finally:
        handling.uninstall()
