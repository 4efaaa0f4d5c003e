"""Guard the PySide6 pin: the bindings must not drop references to None/True.

PySide6 6.12.0 on Python 3.11 loses a reference to None on every void call and to
True on every signal emit, until the interpreter aborts mid-shift. A bench makes
millions of such calls, so this runs a few thousand and checks nothing was lost.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QLabel


class _Emitter(QObject):
    fired = Signal(int)


def test_void_calls_and_emits_keep_singleton_refcounts(qapp):
    label, emitter = QLabel(), _Emitter()
    received = []
    emitter.fired.connect(received.append)
    before = {name: sys.getrefcount(obj) for name, obj in (("None", None), ("True", True))}
    for i in range(3000):
        label.setText("x")
        emitter.fired.emit(i)
        event = QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_A, Qt.KeyboardModifier.NoModifier, "a")
        event.setTimestamp(i)
        QApplication.focusWidget()
    after = {name: sys.getrefcount(obj) for name, obj in (("None", None), ("True", True))}
    assert len(received) == 3000
    for name in before:
        assert after[name] >= before[name] - 10, f"PySide6 leaks references to {name}: {before} -> {after}"
