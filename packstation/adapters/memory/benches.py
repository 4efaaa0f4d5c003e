"""The bench registry in memory: the same contract as ``adapters.db.bench_repository``."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime

from packstation.adapters.memory.tables import Tables
from packstation.domain.benches import BenchIdentity, BenchRecord

LONG_AGO = datetime(2000, 1, 1)


class MemoryBenches:
    def __init__(self, tables: Tables) -> None:
        self._t = tables

    def claim_name(
        self, bench: BenchIdentity, run_id: str, version: str, now: datetime, stale_before: datetime
    ) -> BenchRecord | None:
        holder = self._t.benches.get(bench.station)
        if holder is not None and holder.identity.bench_id != bench.bench_id and holder.heartbeat_at >= stale_before:
            return holder
        self._t.benches[bench.station] = BenchRecord(bench, run_id, now, now, version)
        return None

    def beat(self, bench: BenchIdentity, now: datetime) -> bool:
        holder = self._t.benches.get(bench.station)
        if holder is None or holder.identity.bench_id != bench.bench_id:
            return False
        self._t.benches[bench.station] = replace(holder, heartbeat_at=now)
        return True

    def release_name(self, bench: BenchIdentity) -> None:
        holder = self._t.benches.get(bench.station)
        if holder is not None and holder.identity.bench_id == bench.bench_id:
            self._t.benches[bench.station] = replace(holder, heartbeat_at=LONG_AGO)

    def live(self, stale_before: datetime) -> tuple[BenchRecord, ...]:
        return tuple(b for _, b in sorted(self._t.benches.items()) if b.heartbeat_at >= stale_before)
