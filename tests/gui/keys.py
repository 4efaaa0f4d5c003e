"""Build key events the way a keyboard-wedge scanner or a person produces them."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication

_clock = [1_000_000]


def _key_for(ch: str) -> Qt.Key:
    if ch.isalpha():
        return Qt.Key(ord(ch.upper()))
    return Qt.Key(ord(ch))


def _send(kind: QEvent.Type, key: Qt.Key, text: str, ts: int, modifiers=Qt.KeyboardModifier.NoModifier) -> None:
    event = QKeyEvent(kind, key, modifiers, text)
    event.setTimestamp(ts)
    target = QApplication.focusWidget() or QApplication.activeWindow()
    # Sending to None crashes Qt: fail the test clearly instead.
    assert target is not None, "no widget has focus: show and activate the window first"
    QApplication.sendEvent(target, event)


def type_keys(text: str, per_key_ms: int, terminator: str | None = "\r") -> None:
    """Send ``text`` (and a terminator) to the focused widget with timestamps ``per_key_ms`` apart."""
    for ch in text:
        _clock[0] += per_key_ms
        mods = Qt.KeyboardModifier.ShiftModifier if ch.isupper() else Qt.KeyboardModifier.NoModifier
        _send(QEvent.Type.KeyPress, _key_for(ch), ch, _clock[0], mods)
        _send(QEvent.Type.KeyRelease, _key_for(ch), ch, _clock[0] + 1, mods)
    if terminator is not None:
        _clock[0] += per_key_ms
        key = Qt.Key.Key_Tab if terminator == "\t" else Qt.Key.Key_Return
        _send(QEvent.Type.KeyPress, key, terminator, _clock[0])
        _send(QEvent.Type.KeyRelease, key, terminator, _clock[0] + 1)
    _clock[0] += 1000  # the next burst starts well after this one


def scan(text: str, terminator: str = "\r") -> None:
    """A scanner burst: 5 ms per key, then Enter (or Tab)."""
    type_keys(text, 5, terminator)
