"""Keyboard layouts from the real XKB data, through libxkbcommon (ctypes): what a key types under a layout.

Xvfb on these machines ignores keymap changes (setxkbmap, xmodmap and xkbcomp uploads all
leave US), so layout tests build the key events themselves. They take every value from the
layouts' own tables — the symbol files in /usr/share/X11/xkb/symbols (Debian package
``xkb-data``) compiled by libxkbcommon, the library Qt itself reads keyboards with — never from
characters typed into a test. Not a test module.
"""

from __future__ import annotations

import ctypes
import ctypes.util
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent

SYMBOLS = Path("/usr/share/X11/xkb/symbols")
SHIFT_L_KEYCODE, CONTROL_L_KEYCODE = 50, 37  # <LFSH>, <LCTL> in evdev keycodes
XK_SHIFT_L, XK_CONTROL_L = 0xFFE1, 0xFFE3
X_SHIFT_MASK, X_CONTROL_MASK = 1, 4


class _RuleNames(ctypes.Structure):
    _fields_ = [(name, ctypes.c_char_p) for name in ("rules", "model", "layout", "variant", "options")]


@cache
def _lib() -> ctypes.CDLL:
    name = ctypes.util.find_library("xkbcommon") or "libxkbcommon.so.0"
    lib = ctypes.CDLL(name)
    lib.xkb_context_new.restype = ctypes.c_void_p
    lib.xkb_context_new.argtypes = [ctypes.c_int]
    lib.xkb_keymap_new_from_names.restype = ctypes.c_void_p
    lib.xkb_keymap_new_from_names.argtypes = [ctypes.c_void_p, ctypes.POINTER(_RuleNames), ctypes.c_int]
    lib.xkb_state_new.restype = ctypes.c_void_p
    lib.xkb_state_new.argtypes = [ctypes.c_void_p]
    lib.xkb_keymap_mod_get_index.restype = ctypes.c_uint32
    lib.xkb_keymap_mod_get_index.argtypes = [ctypes.c_void_p, ctypes.c_char_p]
    lib.xkb_state_update_mask.argtypes = [ctypes.c_void_p] + [ctypes.c_uint32] * 6
    for fn in ("xkb_state_key_get_one_sym", "xkb_state_key_get_utf32"):
        getattr(lib, fn).restype = ctypes.c_uint32
        getattr(lib, fn).argtypes = [ctypes.c_void_p, ctypes.c_uint32]
    for fn in ("xkb_keymap_min_keycode", "xkb_keymap_max_keycode"):
        getattr(lib, fn).restype = ctypes.c_uint32
        getattr(lib, fn).argtypes = [ctypes.c_void_p]
    return lib


@dataclass(frozen=True)
class Key:
    """What pressing X keycode ``keycode`` gives under a layout: the keysym and the text (may be empty)."""

    keycode: int
    keysym: int
    text: str


class Layout:
    """One XKB layout (``us``, ``pl``, ``de``, ``fr``…) compiled from the system's XKB data."""

    def __init__(self, name: str) -> None:
        if not (SYMBOLS / name).is_file():
            raise FileNotFoundError(f"{SYMBOLS / name}: install the xkb-data package")
        lib = _lib()
        self.name = name
        self._ctx = lib.xkb_context_new(0)
        names = _RuleNames(b"evdev", b"pc105", name.encode(), b"", b"")
        self._keymap = lib.xkb_keymap_new_from_names(self._ctx, ctypes.byref(names), 0)
        if not self._keymap:
            raise RuntimeError(f"libxkbcommon could not compile layout {name}")
        self._state = lib.xkb_state_new(self._keymap)
        self._shift = 1 << lib.xkb_keymap_mod_get_index(self._keymap, b"Shift")
        self._control = 1 << lib.xkb_keymap_mod_get_index(self._keymap, b"Control")
        self.keycodes = range(lib.xkb_keymap_min_keycode(self._keymap), lib.xkb_keymap_max_keycode(self._keymap) + 1)

    def press(self, keycode: int, shift: bool = False, control: bool = False) -> Key:
        lib = _lib()
        mods = (self._shift if shift else 0) | (self._control if control else 0)
        lib.xkb_state_update_mask(self._state, mods, 0, 0, 0, 0, 0)
        keysym = lib.xkb_state_key_get_one_sym(self._state, keycode)
        code = lib.xkb_state_key_get_utf32(self._state, keycode)
        lib.xkb_state_update_mask(self._state, 0, 0, 0, 0, 0, 0)
        return Key(keycode, keysym, chr(code) if code else "")

    def position_of(self, char: str) -> tuple[int, bool]:
        """(keycode, shift) that types ``char`` on this layout without other modifiers."""
        for shift in (False, True):
            for keycode in self.keycodes:
                if self.press(keycode, shift).text == char:
                    return keycode, shift
        raise KeyError(f"{char!r} cannot be typed on layout {self.name} with at most Shift")


# Keysyms of keys that type no character, and their Qt::Key (Qt's own X11 table).
_FUNCTION_KEYS = {0xFF0D: Qt.Key.Key_Return, XK_SHIFT_L: Qt.Key.Key_Shift, XK_CONTROL_L: Qt.Key.Key_Control}


def qt_key(keysym: int, text: str) -> int:
    """The Qt::Key Qt's X11 keyboard gives a keysym: dead keys, Latin-1/Unicode (upper case), or unknown."""
    if keysym in _FUNCTION_KEYS:
        return int(_FUNCTION_KEYS[keysym])
    if 0xFE50 <= keysym <= 0xFE6F:  # dead_grave … : Qt::Key_Dead_Grave = 0x01001250 in the same order
        return 0x01001250 + keysym - 0xFE50
    if 0x20 <= keysym <= 0xFF:
        return ord(chr(keysym).upper()) if len(chr(keysym).upper()) == 1 else keysym
    if 0x01000100 <= keysym <= 0x0110FFFF:
        upper = chr(keysym - 0x01000000).upper()
        return ord(upper) if len(upper) == 1 else keysym - 0x01000000
    return int(Qt.Key.Key_unknown) if not text else ord(text.upper()[0])


def _event(kind: QEvent.Type, key: Key, mods: Qt.KeyboardModifier, native_mods: int, ts: int) -> QKeyEvent:
    ev = QKeyEvent(kind, qt_key(key.keysym, key.text), mods, key.keycode, key.keysym, native_mods, key.text, False, 1)
    ev.setTimestamp(ts)
    return ev


def us_scanner_events(text: str, desktop: Layout, us: Layout, start: int, step_ms: int = 5) -> list[QKeyEvent]:
    """The key events Qt delivers on a ``desktop``-layout machine when a US-layout scanner types ``text``.

    The scanner presses, for each character, the key (and Shift) the US layout needs; GS (FNC1)
    as Ctrl + the US "]" key. Each event carries what ``desktop`` makes of that key: keysym
    (native virtual key), text, Qt key, native scan code (X keycode) and the X modifier state.
    """
    events: list[QKeyEvent] = []
    ts = start
    none = Qt.KeyboardModifier.NoModifier
    for char in text:
        control = char == "\x1d"
        keycode, shift = us.position_of("]" if control else char)
        modifier = (CONTROL_L_KEYCODE, XK_CONTROL_L) if control else (SHIFT_L_KEYCODE, XK_SHIFT_L) if shift else None
        mods = Qt.KeyboardModifier.ControlModifier if control else Qt.KeyboardModifier.ShiftModifier if shift else none
        native = X_CONTROL_MASK if control else X_SHIFT_MASK if shift else 0
        key = desktop.press(keycode, shift=shift, control=control)
        if modifier:
            mod_key = Key(modifier[0], modifier[1], "")
            events.append(_event(QEvent.Type.KeyPress, mod_key, mods, 0, ts - 1))
        events.append(_event(QEvent.Type.KeyPress, key, mods, native, ts))
        events.append(_event(QEvent.Type.KeyRelease, key, mods, native, ts + 2))
        if modifier:
            events.append(_event(QEvent.Type.KeyRelease, Key(modifier[0], modifier[1], ""), none, native, ts + 3))
        ts += step_ms
    enter = desktop.press(36)  # <RTRN>
    events.append(_event(QEvent.Type.KeyPress, enter, none, 0, ts))
    events.append(_event(QEvent.Type.KeyRelease, enter, none, 0, ts + 2))
    return events
