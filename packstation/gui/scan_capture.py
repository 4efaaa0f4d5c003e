"""Application-wide capture of keyboard-wedge barcode scans.

A keyboard-wedge scanner "types" a whole barcode in a burst (~5-15 ms per key)
and ends it with Enter or Tab; a human types at 80 ms or more per key.
:class:`ScanCapture` is installed as an *application* event filter so scans are
caught whatever widget has focus::

    capture = ScanCapture()
    QApplication.instance().installEventFilter(capture)
    capture.scanned.connect(on_scan)

How it decides:

* Every text key is held back as the possible start of a burst.  Keys whose
  ``QKeyEvent.timestamp()`` lies within ``burst_gap_ms`` of the previous held
  key join the burst.  Timestamps, not processing time, are compared because
  Qt may deliver a queued burst all at once after the GUI thread was busy.
* A burst of at least ``min_length`` characters that ends in the scanner's
  terminator (``terminator``: ``any`` = Enter/Return, keypad Enter or Tab;
  ``enter``; ``tab``) is a scan: ``scanned`` is emitted and every key of it,
  the terminator included, is swallowed, so the scanner's Enter never presses
  a focused or default button. With ``terminator="none"`` a burst of at least
  ``min_length`` characters followed by ``hold_ms`` of quiet is the scan.
* Anything else (a human gap, a non-text key, a short real-time ``hold_ms``
  timer expiring, :meth:`flush`) ends the candidate burst and the held keys
  are replayed, in order, to the widget they were meant for.
* While a burst runs, the filter also claims its keys' ShortcutOverride, so a
  QAction bound to Return cannot fire from the scanner either.
* Characters are read by :class:`~packstation.gui.wedge_keys.KeyReader`: with
  ``layout="us"`` from the keys' scan codes as a US keyboard types them, so a
  US-layout scanner works on an AZERTY, QWERTZ or Polish desktop. FNC1 arrives
  as GS, as Ctrl+] or as a Windows Alt code (Alt + keypad 0029); all become GS.
  A ``prefix``/``suffix`` the scanner is set to add is stripped from the scan.

The filter acts only on deliveries to a QWidget (Qt hands each key to the
QWindow first, then to the focus widget) and flushes on ``aboutToQuit``.
"""

from __future__ import annotations

import math
import time
from collections import Counter

import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QWidget

from packstation.config import Config
from packstation.domain.barcodes import GS
from packstation.gui.keymaps import alt_code_character
from packstation.gui.wedge_keys import ALT_DIGIT, CHAR, FNC1_CHORD, MODIFIER, TERM, KeyReader

_KEY_EVENTS = frozenset({QEvent.Type.KeyPress, QEvent.Type.KeyRelease})
_FILTERED_EVENTS = _KEY_EVENTS | {QEvent.Type.ShortcutOverride}
_ALT_KEY = int(Qt.Key.Key_Alt)


def _copy(ev: QKeyEvent) -> QKeyEvent:
    """A fresh copy: the original dies when its delivery returns.

    The copy constructor carries type, key, modifiers, text, autorepeat,
    count, native scan code / virtual key / modifiers, timestamp and device;
    sendEvent() clears the spontaneous flag on replay.
    """
    return QKeyEvent(ev)


def _addr(obj: QEvent) -> int:
    return shiboken6.getCppPointer(obj)[0]


class ScanCapture(QObject):
    """Event filter that turns keyboard-wedge bursts into :attr:`scanned`."""

    scanned = Signal(str)

    def __init__(
        self,
        parent: QObject | None = None,
        burst_gap_ms: int = 35,
        min_length: int = 3,
        hold_ms: int = 50,
        *,
        prefix: str = "",
        suffix: str = "",
        terminator: str = "any",
        layout: str = "us",
        platform: str | None = None,
    ) -> None:
        super().__init__(parent)
        self._gap = burst_gap_ms
        self._min_length = min_length
        self._hold_ms = hold_ms
        self._prefix, self._suffix = prefix, suffix
        self._by_timeout = terminator == "none"
        self._reader = KeyReader(layout, terminator, platform)
        self._enabled = True
        # Candidate burst: (receiver, event copy) in arrival order, presses and
        # the releases of held presses, so a replay keeps the original order.
        self._pending: list[tuple[QWidget, QKeyEvent]] = []
        self._chars: list[str] = []
        self._alt_digits = ""  # keypad digits typed with Alt held: an Alt code in the making
        self._alt_echo = ""  # the character of the last Alt code, in case the system types it again
        self._last_ts = 0
        self._held_down: Counter[int] = Counter()  # held presses not yet released
        self._swallowed: Counter[int] = Counter()  # scan presses whose release is due
        # Addresses of events being replayed: they must pass untouched.  An
        # identity set rather than a bool, so real keys arriving in a nested
        # event loop (a dialog opened by a replayed key) are still filtered.
        self._replaying: set[int] = set()
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._on_hold_timeout)
        self._last_key_at = 0.0  # time.monotonic() of the last held key
        self._due = 0.0  # when the running hold timer should fire
        self._rearmed = False
        self._draining = False
        app = QCoreApplication.instance()
        if app is not None:
            # Keys held back at shutdown must still reach their widgets.
            app.aboutToQuit.connect(self.flush)

    @classmethod
    def from_config(cls, config: Config, parent: QObject | None = None) -> ScanCapture:
        """A capture set up as the station's configuration says (README, "Devices")."""
        return cls(
            parent,
            burst_gap_ms=config.scanner_burst_gap_ms,
            min_length=config.scanner_min_length,
            hold_ms=config.scanner_timeout_ms,
            prefix=config.scanner_prefix,
            suffix=config.scanner_suffix,
            terminator=config.scanner_terminator,
            layout=config.scanner_layout,
        )

    # -- public API ---------------------------------------------------------

    @property
    def enabled(self) -> bool:
        return self._enabled

    @enabled.setter
    def enabled(self, value: bool) -> None:
        value = bool(value)
        if not value:
            self.flush()  # never strand held keys behind a disabled filter
            self._swallowed.clear()
        self._enabled = value

    def flush(self) -> None:
        """Deliver whatever is held now (a burst without terminator is no scan)."""
        if self._timer.isActive():
            self._timer.stop()
        pending = self._pending
        self._pending, self._chars, self._alt_digits = [], [], ""
        self._held_down.clear()  # their presses are delivered: releases pass
        for receiver, ev in pending:
            target = receiver if shiboken6.isValid(receiver) else QApplication.focusWidget()
            if target is None:
                continue  # no widget left to type into (window closed)
            key = _addr(ev)
            self._replaying.add(key)
            try:
                QCoreApplication.sendEvent(target, ev)
            finally:
                self._replaying.discard(key)

    # -- filter -------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt name)
        # Fast path: this runs for every event of the application.
        if event.type() not in _FILTERED_EVENTS or not self._enabled:
            return False
        # A key event reaches the QWindow first and then the focus widget; act
        # on the widget delivery only so each physical key is handled once.
        if not isinstance(watched, QWidget) or not isinstance(event, QKeyEvent) or _addr(event) in self._replaying:
            return False
        if event.type() == QEvent.Type.ShortcutOverride:
            return self._shortcut_override(event)
        if event.type() == QEvent.Type.KeyRelease:
            return self._release(watched, event)
        return self._press(watched, event)

    def _continues(self, ev: QKeyEvent) -> bool:
        # abs(): equal timestamps (tools that leave them 0) are a burst, and a
        # clock that steps back a little must not split one.
        return bool(self._pending) and abs(ev.timestamp() - self._last_ts) <= self._gap

    def _shortcut_override(self, ev: QKeyEvent) -> bool:
        # Qt offers a key to the shortcut map *before* the filter sees the
        # press; claim keys that belong to a running burst so a QAction bound
        # to Return (or a letter) cannot fire from the scanner.
        if ev.isAutoRepeat() or not self._continues(ev):
            return False
        kind, _ = self._reader.read(ev)
        if kind in (CHAR, FNC1_CHORD, ALT_DIGIT) or (kind == TERM and len(self._chars) >= self._min_length):
            ev.accept()
            return True
        return False

    def _release(self, receiver: QWidget, ev: QKeyEvent) -> bool:
        key = ev.key()
        if key == _ALT_KEY and self._alt_digits:
            self._end_alt_code(ev)
            return False  # the Alt release itself passes, like every modifier
        if self._held_down[key] > 0:
            self._held_down[key] -= 1
            self._pending.append((receiver, _copy(ev)))  # keep press/release order
            return True
        if self._swallowed[key] > 0:
            self._swallowed[key] -= 1
            return True
        return False

    def _press(self, receiver: QWidget, ev: QKeyEvent) -> bool:
        kind, char = self._reader.read(ev)
        if kind == MODIFIER:
            return False
        if ev.isAutoRepeat():  # a key held down is a human, never a scanner
            self.flush()
            return False
        # A fresh press proves any earlier press of this key was released, so
        # a release lost elsewhere cannot make us swallow a later human one.
        self._swallowed.pop(ev.key(), None)
        continues = self._continues(ev)
        echo, self._alt_echo = self._alt_echo, ""
        if echo and continues and ev.text() == echo and kind != ALT_DIGIT:
            # Windows may type an Alt code's character itself after the Alt release: counted once.
            self._swallowed[ev.key()] += 1
            self._last_ts = ev.timestamp()
            return True
        if kind == TERM and continues and len(self._chars) >= self._min_length:
            self._swallowed[ev.key()] += 1
            self._emit()
            return True
        if kind == FNC1_CHORD and continues:
            self._hold(receiver, ev, GS)
            return True
        if kind in (CHAR, ALT_DIGIT):
            if not continues:
                self.flush()  # human gap: earlier keys were typing
            if kind == ALT_DIGIT:
                self._alt_digits += char
                char = ""  # the character comes with the Alt release
            self._hold(receiver, ev, char)
            return True
        # Not part of a burst: deliver what is held first so nothing is reordered.
        self.flush()
        return False

    def _end_alt_code(self, ev: QKeyEvent) -> None:
        char = alt_code_character(self._alt_digits)
        self._alt_digits = ""
        if char:
            self._chars.append(char)
            self._alt_echo = char
            self._last_ts = ev.timestamp()

    def _emit(self) -> None:
        """The held burst is a scan: forget its keys (their releases are swallowed) and emit its text."""
        text = "".join(self._chars)
        self._swallowed.update(self._held_down)  # their releases are still due
        self._held_down.clear()
        self._pending, self._chars, self._alt_digits = [], [], ""
        if self._timer.isActive():
            self._timer.stop()
        if self._prefix and text.startswith(self._prefix):
            text = text[len(self._prefix) :]
        if self._suffix and text.endswith(self._suffix):
            text = text[: -len(self._suffix)]
        self.scanned.emit(text)  # state is clean: slots may do anything

    def _hold(self, receiver: QWidget, ev: QKeyEvent, char: str) -> None:
        self._pending.append((receiver, _copy(ev)))
        if char:
            self._chars.append(char)
        self._held_down[ev.key()] += 1
        self._last_ts = ev.timestamp()
        self._last_key_at = time.monotonic()
        self._rearmed = False
        # Armed once per burst, not restarted per key: this is the hot path
        # of every scan, and the timeout handler measures the quiet time.
        if not self._timer.isActive():
            self._arm(self._hold_ms)

    def _arm(self, ms: int) -> None:
        self._due = time.monotonic() + ms / 1000
        self._timer.start(ms)

    def _on_hold_timeout(self) -> None:
        if not self._pending or self._draining:
            return
        # Let key events already queued behind a stall arrive before judging the
        # pause: otherwise a burst whose tail waits in the queue is split in two.
        self._draining = True
        try:
            QCoreApplication.processEvents()
        finally:
            self._draining = False
        if not self._pending or self._timer.isActive():
            return  # the burst completed, or new keys re-armed the timer
        now = time.monotonic()
        quiet_ms = (now - self._last_key_at) * 1000
        if quiet_ms < self._hold_ms:  # keys kept coming: wait for a real pause
            self._arm(max(1, math.ceil(self._hold_ms - quiet_ms)))
            return
        if (now - self._due) * 1000 > self._hold_ms and not self._rearmed:
            # The timer is this late only if the GUI thread was blocked; the
            # rest of the burst may be queued behind us.  Give it one more
            # hold period to arrive before calling the burst human typing.
            self._rearmed = True
            self._arm(self._hold_ms)
            return
        if self._by_timeout and len(self._chars) >= max(self._min_length, 2):
            self._emit()  # a scanner without terminator: the quiet after a fast burst ends the scan
            return
        self.flush()
