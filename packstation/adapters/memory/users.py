"""Users and shared settings in memory: the same contract as ``adapters.db.user_repository``."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime

from packstation.adapters.memory.tables import Tables
from packstation.domain.users import MAX_PIN_ATTEMPTS, User


class MemoryUsers:
    def __init__(self, tables: Tables) -> None:
        self._t = tables

    def by_badge(self, badge: str) -> User | None:
        user = self._t.users.get(badge)
        return user if user is not None and user.active else None

    def get(self, badge: str) -> User | None:
        return self._t.users.get(badge)

    def add(self, user: User, pin_hash: str | None = None) -> None:
        self._t.users[user.badge] = replace(user, has_pin=pin_hash is not None, failed_pins=0, locked_at=None)
        if pin_hash is not None:
            self._t.pin_hashes[user.badge] = pin_hash

    def all(self) -> tuple[User, ...]:
        return tuple(sorted(self._t.users.values(), key=lambda u: u.name))

    def pin_hash(self, badge: str) -> str | None:
        return self._t.pin_hashes.get(badge)

    def set_pin(self, badge: str, pin_hash: str) -> bool:
        user = self._t.users.get(badge)
        if user is None:
            return False
        self._t.pin_hashes[badge] = pin_hash
        self._t.users[badge] = replace(user, has_pin=True, failed_pins=0, locked_at=None)
        return True

    def pin_failed(self, badge: str, at: datetime) -> int:
        user = self._t.users[badge]
        failed = user.failed_pins + 1
        locked = at if failed >= MAX_PIN_ATTEMPTS and user.locked_at is None else user.locked_at
        self._t.users[badge] = replace(user, failed_pins=failed, locked_at=locked)
        return failed

    def pin_ok(self, badge: str) -> None:
        self._t.users[badge] = replace(self._t.users[badge], failed_pins=0)

    def unlock(self, badge: str) -> bool:
        user = self._t.users.get(badge)
        if user is None:
            return False
        self._t.users[badge] = replace(user, failed_pins=0, locked_at=None)
        return True

    def set_active(self, badge: str, active: bool) -> bool:
        user = self._t.users.get(badge)
        if user is None:
            return False
        self._t.users[badge] = replace(user, active=active)
        return True


class MemorySettings:
    def __init__(self, tables: Tables) -> None:
        self._t = tables

    def all(self) -> dict[str, str]:
        return dict(self._t.settings)

    def set(self, name: str, value: str) -> None:
        self._t.settings[name] = value
