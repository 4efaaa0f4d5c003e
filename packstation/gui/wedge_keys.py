"""Reading one key event the way a keyboard-wedge scanner meant it: its kind and its character.

:class:`KeyReader` is the part of :class:`~packstation.gui.scan_capture.ScanCapture` that knows
about keyboards: the station's layout setting (``us``: read characters from scan codes, see
``keymaps``; ``os``: trust the text the desktop made), which keys end a scan, and the three
ways FNC1 arrives from a wedge: a GS character, Ctrl+] and an Alt code (Alt + keypad 0 0 2 9).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QKeyEvent

from packstation.domain.barcodes import GS
from packstation.gui import keymaps

# Key kinds.
CHAR, TERM, FNC1_CHORD, MODIFIER, OTHER, ALT_DIGIT = range(6)

_ENTER_KEYS = frozenset(int(k) for k in (Qt.Key.Key_Return, Qt.Key.Key_Enter))
_TAB_KEYS = frozenset({int(Qt.Key.Key_Tab)})
TERMINATOR_KEYS = {"any": _ENTER_KEYS | _TAB_KEYS, "enter": _ENTER_KEYS, "tab": _TAB_KEYS, "none": frozenset()}
# Pure modifier keys: a scanner wraps uppercase letters in Shift press/release;
# they neither start nor break a burst and are harmless to pass at once.
MODIFIER_KEYS = frozenset(
    int(k)
    for k in (
        Qt.Key.Key_Shift,
        Qt.Key.Key_Control,
        Qt.Key.Key_Alt,
        Qt.Key.Key_AltGr,
        Qt.Key.Key_Meta,
        Qt.Key.Key_CapsLock,
        Qt.Key.Key_NumLock,
    )
)
_SHIFT = Qt.KeyboardModifier.ShiftModifier
_CTRL = Qt.KeyboardModifier.ControlModifier
_ALT = Qt.KeyboardModifier.AltModifier
_META = Qt.KeyboardModifier.MetaModifier
_KEYPAD = Qt.KeyboardModifier.KeypadModifier
_GROUP = Qt.KeyboardModifier.GroupSwitchModifier
_QT_DIGITS = {int(Qt.Key.Key_0) + i: str(i) for i in range(10)}


class KeyReader:
    """Classify key events; ``layout`` is ``us`` or ``os``, ``terminator`` ``any``/``enter``/``tab``/``none``."""

    def __init__(self, layout: str = "us", terminator: str = "any", platform: str | None = None) -> None:
        self.layout = layout
        self.terminators = TERMINATOR_KEYS[terminator]
        self._platform = platform

    @property
    def platform(self) -> str:
        """The Qt platform the scan codes come from (read once a QGuiApplication exists)."""
        if self._platform is None:
            self._platform = QGuiApplication.platformName() or "offscreen"
        return self._platform

    def read(self, ev: QKeyEvent) -> tuple[int, str]:
        """(kind, character): the character is what the scanner meant (empty for non-text keys)."""
        key, mods = ev.key(), ev.modifiers()
        if key in MODIFIER_KEYS:
            return MODIFIER, ""
        char = self.character(ev)
        if mods & _ALT and not mods & (_CTRL | _META):
            digit = self._keypad_digit(ev)
            if digit is not None:
                return ALT_DIGIT, digit
        chorded = bool(mods & (_CTRL | _ALT | _META))
        if ev.text() == GS or (mods & _CTRL and (char == "]" or key == Qt.Key.Key_BracketRight)):
            # Plain GS is an ordinary burst character; Ctrl+] is also a shortcut
            # a human may press, so it only counts inside a running burst.
            return (FNC1_CHORD if chorded else CHAR), GS
        # Windows reports AltGr as Ctrl+Alt; a printable character typed that way
        # (e.g. "@" on QWERTZ) is text, not a shortcut.
        altgr = bool(mods & _CTRL and mods & _ALT) and not mods & _META
        if chorded and not (altgr and ev.text() and ev.text().isprintable()):
            return OTHER, ""
        if key in self.terminators:
            return TERM, ""
        if key in _ENTER_KEYS | _TAB_KEYS:
            return OTHER, ""  # not this scanner's terminator: it ends a burst like any other key
        if char and char.isprintable():
            return CHAR, char
        return OTHER, ""  # F-keys, arrows, Escape, Backspace, ...

    def character(self, ev: QKeyEvent) -> str:
        """The character of a key: from its scan code through the US table (layout ``us``), else its text."""
        mods = ev.modifiers()
        altgr = bool(mods & _CTRL and mods & _ALT) or bool(mods & _GROUP)  # AltGr (Windows, X11): a person's letters
        if self.layout == "us" and not altgr:
            found = keymaps.us_character(ev.nativeScanCode(), bool(mods & _SHIFT), self.platform)
            if found is not None:
                return found
        return ev.text()

    def _keypad_digit(self, ev: QKeyEvent) -> str | None:
        found = keymaps.keypad_digit(ev.nativeScanCode(), self.platform)
        if found is None and ev.modifiers() & _KEYPAD:
            found = _QT_DIGITS.get(ev.key())
        return found
