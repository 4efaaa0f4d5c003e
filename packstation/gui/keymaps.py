"""What a US-layout keyboard-wedge scanner meant, read from the key's position, not the desktop's layout.

A scanner set to the US layout (their factory default) "presses" the keys a US keyboard
needs for each character. On a desktop whose layout is French AZERTY, German QWERTZ or
Polish, the operating system turns those positions into its own characters (AZERTY makes
``0013748911`` into ``àà&è'!ç&&``). The position survives as the key's native scan code:

- X11 and Wayland (Qt platforms ``xcb``, ``wayland``; ``offscreen`` in tests):
  ``QKeyEvent.nativeScanCode()`` is the XKB keycode, the Linux evdev code + 8;
- Windows (``windows``): ``nativeScanCode()`` is the PC/AT "set 1" scan code, which for
  these keys equals the evdev code. Not ``nativeVirtualKey()``: Windows maps virtual keys
  through the layout (QWERTZ swaps VK_Y and VK_Z, AZERTY VK_A/VK_Q and VK_Z/VK_W).

:func:`us_character` reads a key through the US table below; anything else (macOS, other
platforms, keys outside the table, synthetic events without a scan code) falls back to the
text Qt made of the key. Caps Lock is ignored on purpose: the scanner's own Shift decides.
"""

from __future__ import annotations

# Linux evdev key codes (= PC/AT set-1 scan codes for these keys) -> (unshifted, shifted) on a US keyboard.
_ROWS = (
    (2, "1234567890-=", "!@#$%^&*()_+"),
    (16, "qwertyuiop[]", "QWERTYUIOP{}"),
    (30, "asdfghjkl;'`", 'ASDFGHJKL:"~'),
    (43, "\\zxcvbnm,./", "|ZXCVBNM<>?"),
)
US_KEYS: dict[int, tuple[str, str]] = {
    first + i: (plain[i], shifted[i]) for first, plain, shifted in _ROWS for i in range(len(plain))
}
US_KEYS[57] = (" ", " ")
# The numeric keypad's digits, by evdev code: Windows Alt codes (Alt + 0 0 2 9 = GS) are typed on them.
KEYPAD_DIGITS: dict[int, str] = {
    71: "7", 72: "8", 73: "9", 75: "4", 76: "5", 77: "6", 79: "1", 80: "2", 81: "3", 82: "0"
}  # fmt: skip

# Qt platform name -> what to add to an evdev code to get that platform's native scan code.
SCAN_CODE_OFFSET = {"xcb": 8, "wayland": 8, "offscreen": 8, "minimal": 8, "windows": 0}


def evdev_code(native_scan_code: int, platform: str) -> int | None:
    """The evdev code of a key on ``platform``, or None where scan codes cannot be read that way."""
    offset = SCAN_CODE_OFFSET.get(platform)
    if offset is None or native_scan_code <= offset:
        return None
    return native_scan_code - offset


def us_character(native_scan_code: int, shift: bool, platform: str) -> str | None:
    """The character a US keyboard types at this key (with or without Shift), or None if unknown."""
    code = evdev_code(native_scan_code, platform)
    pair = US_KEYS.get(code) if code is not None else None
    if pair is None:
        return None
    return pair[1] if shift else pair[0]


def keypad_digit(native_scan_code: int, platform: str) -> str | None:
    """The digit of a numeric keypad key, or None."""
    code = evdev_code(native_scan_code, platform)
    return KEYPAD_DIGITS.get(code) if code is not None else None


def alt_code_character(digits: str) -> str | None:
    """The character Windows types for Alt + keypad ``digits``: with a leading 0 from the ANSI code
    page (cp1252), without from the OEM one (cp437); ``029`` and ``0029`` are both GS (FNC1)."""
    if not digits or not digits.isdigit():
        return None
    value = int(digits)
    if value > 255:
        value %= 256  # Windows wraps larger numbers the same way
    try:
        return bytes([value]).decode("cp1252" if digits.startswith("0") else "cp437")
    except UnicodeDecodeError:
        return None  # a hole in cp1252 (0x81, 0x8D, ...): no character
