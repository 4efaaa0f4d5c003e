"""The bench registry on SQLite and PostgreSQL: which installation holds which station name."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import Connection, Row, select, update
from sqlalchemy.dialects import postgresql, sqlite

from packstation.adapters.db.models import Bench
from packstation.domain.benches import BenchIdentity, BenchRecord

# A heartbeat this old means "gone": set by a clean shutdown so the name is free at once.
LONG_AGO = datetime(2000, 1, 1)


class SqlBenches:
    def __init__(self, conn: Connection) -> None:
        self._conn = conn

    def claim_name(
        self, bench: BenchIdentity, run_id: str, version: str, now: datetime, stale_before: datetime
    ) -> BenchRecord | None:
        """Take the station name if free, ours, or its holder went silent; else return the holder.

        A conditional UPDATE, then an INSERT that does nothing on conflict: of two machines
        starting under one name at the same moment, exactly one gets it.
        """
        values = {"bench_id": bench.bench_id, "host": bench.host, "run_id": run_id, "version": version,
                  "started_at": now, "heartbeat_at": now}  # fmt: skip
        taken = self._conn.execute(
            update(Bench)
            .where(Bench.station == bench.station)
            .where((Bench.bench_id == bench.bench_id) | (Bench.heartbeat_at < stale_before))
            .values(values)
        )
        if taken.rowcount == 1:
            return None
        dialect = postgresql if self._conn.dialect.name == "postgresql" else sqlite
        self._conn.execute(dialect.insert(Bench).values(station=bench.station, **values).on_conflict_do_nothing())
        # Whoever holds the name now: us (inserted) or the machine that got there first.
        holder = self._conn.execute(select(Bench.__table__).where(Bench.station == bench.station)).first()
        if holder is None or (holder.bench_id == bench.bench_id and holder.run_id == run_id):
            return None
        return _record(holder)

    def beat(self, bench: BenchIdentity, now: datetime) -> bool:
        stmt = (
            update(Bench)
            .where(Bench.station == bench.station, Bench.bench_id == bench.bench_id)
            .values(heartbeat_at=now)
        )
        return self._conn.execute(stmt).rowcount == 1

    def release_name(self, bench: BenchIdentity) -> None:
        stmt = (
            update(Bench)
            .where(Bench.station == bench.station, Bench.bench_id == bench.bench_id)
            .values(heartbeat_at=LONG_AGO)
        )
        self._conn.execute(stmt)

    def live(self, stale_before: datetime) -> tuple[BenchRecord, ...]:
        stmt = select(Bench.__table__).where(Bench.heartbeat_at >= stale_before).order_by(Bench.station)
        return tuple(_record(row) for row in self._conn.execute(stmt))


def _record(row: Row[Any]) -> BenchRecord:
    return BenchRecord(
        BenchIdentity(row.bench_id, row.station, row.host), row.run_id, row.started_at, row.heartbeat_at, row.version
    )
