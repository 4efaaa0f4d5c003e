"""Time in one place: naive UTC, the way both databases store it."""

from __future__ import annotations

from datetime import UTC, datetime


def utcnow() -> datetime:
    """Now as naive UTC (SQLite keeps no zone; PostgreSQL ``timestamp`` neither)."""
    return datetime.now(UTC).replace(tzinfo=None)


def iso(moment: datetime | None) -> str | None:
    """A stored naive-UTC time as ISO 8601 with an explicit ``Z``."""
    return None if moment is None else moment.isoformat(timespec="seconds") + "Z"
