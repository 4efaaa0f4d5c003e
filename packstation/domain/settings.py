"""Settings kept in the database, so every bench on it follows the same rules.

A station's own things (its name, printers, scanners) live in its configuration file; rules the
whole warehouse shares live here, one row each (``packstation settings list|set``). A setting
with no row has its default.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

LOGIN_REQUIRED = "login_required"
MANUAL_CONFIRM_NEEDS_PIN = "manual_confirm_needs_pin"
# name -> (default, what it decides): every setting is a yes/no rule for now.
DEFAULTS: dict[str, tuple[bool, str]] = {
    LOGIN_REQUIRED: (True, "a scan with nobody logged in is refused (scan your badge)"),
    MANUAL_CONFIRM_NEEDS_PIN: (False, "confirming a unit by hand needs a supervisor's badge and PIN"),
}
_TRUE, _FALSE = ("true", "yes", "on", "1"), ("false", "no", "off", "0")


def parse_flag(name: str, text: str) -> bool:
    """``on``/``off``, ``yes``/``no``, ``true``/``false``, ``1``/``0`` -> bool; ValueError otherwise."""
    if name not in DEFAULTS:
        raise ValueError(f"no setting {name!r}: known are {', '.join(DEFAULTS)}")
    value = text.strip().lower()
    if value in _TRUE:
        return True
    if value in _FALSE:
        return False
    raise ValueError(f"{name} must be on or off, got {text!r}")


@dataclass(frozen=True, slots=True)
class SharedSettings:
    """The shared rules as one bench applies them."""

    login_required: bool = DEFAULTS[LOGIN_REQUIRED][0]
    manual_confirm_needs_pin: bool = DEFAULTS[MANUAL_CONFIRM_NEEDS_PIN][0]

    @classmethod
    def from_rows(cls, rows: Mapping[str, str]) -> SharedSettings:
        """From stored rows (name -> text); a missing or unreadable row keeps its default."""
        values: dict[str, bool] = {}
        for name, (default, _what) in DEFAULTS.items():
            try:
                values[name] = parse_flag(name, rows[name]) if name in rows else default
            except ValueError:
                values[name] = default
        return cls(**values)
