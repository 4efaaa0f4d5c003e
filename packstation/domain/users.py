"""People at the benches: packers, supervisors and admins, their badges and PINs.

A packer logs in by scanning a badge. A supervisor (or an admin) proves it with badge and
PIN; the PIN is kept only as a slow salted hash (:func:`hash_pin`, hashlib's scrypt), never
in plain text, and a badge locks after :data:`MAX_PIN_ATTEMPTS` wrong PINs in a row until
an admin unlocks it.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import os
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

MAX_PIN_ATTEMPTS = 5
PIN_LENGTHS = range(4, 9)  # 4 to 8 digits: typed on a bench keyboard's number pad
# scrypt's cost: about 50 ms and 16 MB per check on a bench PC, so guessing 10,000 PINs
# offline from a stolen database takes minutes, not microseconds; the lock stops guessing online.
SCRYPT_N, SCRYPT_R, SCRYPT_P = 2**14, 8, 1
SALT_BYTES = 16
_SCHEME = "scrypt"


class Role(StrEnum):
    PACKER = "packer"
    SUPERVISOR = "supervisor"
    ADMIN = "admin"

    @property
    def supervises(self) -> bool:
        """Supervisors and admins release, override and cancel; they log in with badge and PIN."""
        return self is not Role.PACKER


@dataclass(frozen=True, slots=True)
class User:
    """A person with a badge. The PIN's hash is never part of the record (it stays in storage)."""

    name: str
    badge: str
    role: Role = Role.PACKER
    active: bool = True
    has_pin: bool = False
    failed_pins: int = 0
    locked_at: datetime | None = None

    @property
    def locked(self) -> bool:
        return self.locked_at is not None

    @property
    def attempts_left(self) -> int:
        return max(MAX_PIN_ATTEMPTS - self.failed_pins, 0)


def pin_problem(pin: str) -> str | None:
    """Why ``pin`` cannot be a PIN (digits only, 4 to 8 of them), or None."""
    if not pin.isascii() or not pin.isdigit():
        return "a PIN is digits only"
    if len(pin) not in PIN_LENGTHS:
        return f"a PIN has {PIN_LENGTHS.start} to {PIN_LENGTHS.stop - 1} digits"
    return None


def _scrypt(pin: str, salt: bytes, n: int, r: int, p: int) -> bytes:
    return hashlib.scrypt(pin.encode("ascii"), salt=salt, n=n, r=r, p=p, maxmem=64 * 1024 * 1024, dklen=32)


def hash_pin(pin: str, salt: bytes | None = None) -> str:
    """``scrypt$n$r$p$salt$hash`` (base64): what is stored for a PIN, with a fresh random salt."""
    salt = os.urandom(SALT_BYTES) if salt is None else salt
    digest = _scrypt(pin, salt, SCRYPT_N, SCRYPT_R, SCRYPT_P)
    encode = base64.b64encode
    return f"{_SCHEME}${SCRYPT_N}${SCRYPT_R}${SCRYPT_P}${encode(salt).decode()}${encode(digest).decode()}"


def verify_pin(pin: str, stored: str | None) -> bool:
    """True when ``pin`` is the PIN whose hash is ``stored`` (constant-time comparison)."""
    if not stored or not pin.isascii():
        return False
    try:
        scheme, n, r, p, salt, digest = stored.split("$")
        if scheme != _SCHEME:
            return False
        expected = base64.b64decode(digest)
        actual = _scrypt(pin, base64.b64decode(salt), int(n), int(r), int(p))
    except ValueError:
        return False
    return hmac.compare_digest(actual, expected)
