"""Users (badges, roles, PIN hashes, locks) and the shared settings on SQLite and PostgreSQL."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, case, insert, select, update

from packstation.adapters.db.models import Setting
from packstation.adapters.db.models import User as UserRow
from packstation.domain.users import MAX_PIN_ATTEMPTS, Role, User

_COLUMNS = (UserRow.name, UserRow.badge, UserRow.role, UserRow.active, UserRow.pin_hash.is_not(None),
            UserRow.failed_pins, UserRow.locked_at)  # fmt: skip


def _user(row: Sequence[Any]) -> User:
    name, badge, role, active, has_pin, failed, locked_at = tuple(row)
    return User(name, badge, Role(role), bool(active), bool(has_pin), int(failed), locked_at)


class SqlUsers:
    def __init__(self, conn: Connection) -> None:
        self._conn = conn

    def by_badge(self, badge: str) -> User | None:
        row = self._conn.execute(select(*_COLUMNS).where(UserRow.badge == badge, UserRow.active.is_(True))).first()
        return None if row is None else _user(row)

    def get(self, badge: str) -> User | None:
        row = self._conn.execute(select(*_COLUMNS).where(UserRow.badge == badge)).first()
        return None if row is None else _user(row)

    def add(self, user: User, pin_hash: str | None = None) -> None:
        self._conn.execute(
            insert(UserRow).values(
                name=user.name,
                badge=user.badge,
                role=user.role.value,
                active=user.active,
                pin_hash=pin_hash,
                failed_pins=0,
            )  # fmt: skip
        )

    def all(self) -> tuple[User, ...]:
        return tuple(_user(row) for row in self._conn.execute(select(*_COLUMNS).order_by(UserRow.name, UserRow.id)))

    def pin_hash(self, badge: str) -> str | None:
        return self._conn.scalar(select(UserRow.pin_hash).where(UserRow.badge == badge))

    def set_pin(self, badge: str, pin_hash: str) -> bool:
        stmt = update(UserRow).where(UserRow.badge == badge).values(pin_hash=pin_hash, failed_pins=0, locked_at=None)
        return self._conn.execute(stmt).rowcount == 1

    def pin_failed(self, badge: str, at: datetime) -> int:
        """One UPDATE counts the wrong PIN and locks at the limit: two benches guessing at once both count."""
        failed = UserRow.failed_pins + 1
        stmt = (
            update(UserRow)
            .where(UserRow.badge == badge)
            .values(failed_pins=failed, locked_at=case((failed >= MAX_PIN_ATTEMPTS, at), else_=UserRow.locked_at))
            .returning(UserRow.failed_pins)
        )
        return int(self._conn.execute(stmt).scalar_one())

    def pin_ok(self, badge: str) -> None:
        self._conn.execute(
            update(UserRow).where(UserRow.badge == badge, UserRow.failed_pins != 0).values(failed_pins=0)
        )

    def unlock(self, badge: str) -> bool:
        stmt = update(UserRow).where(UserRow.badge == badge).values(failed_pins=0, locked_at=None)
        return self._conn.execute(stmt).rowcount == 1

    def set_active(self, badge: str, active: bool) -> bool:
        return self._conn.execute(update(UserRow).where(UserRow.badge == badge).values(active=active)).rowcount == 1


class SqlSettings:
    def __init__(self, conn: Connection) -> None:
        self._conn = conn

    def all(self) -> dict[str, str]:
        return {name: value for name, value in self._conn.execute(select(Setting.name, Setting.value))}

    def set(self, name: str, value: str) -> None:
        changed = self._conn.execute(update(Setting).where(Setting.name == name).values(value=value)).rowcount
        if not changed:
            self._conn.execute(insert(Setting).values(name=name, value=value))
