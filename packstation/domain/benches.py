"""Who a bench is: an id made once per installation, and the station name people read.

Two machines may never pack under one station name at the same time, and an order's claim
belongs to one bench (id and name together), so a restarted bench resumes exactly its own
order and the audit trail can tell benches apart.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime


@dataclass(frozen=True, slots=True)
class BenchIdentity:
    """One bench: ``bench_id`` (made once per installation) plus its ``station`` name and host."""

    bench_id: str
    station: str
    host: str = ""


@dataclass(frozen=True, slots=True)
class BenchRecord:
    """A bench as registered in the database: who holds a station name, and since when it is silent."""

    identity: BenchIdentity
    run_id: str
    started_at: datetime
    heartbeat_at: datetime
    version: str = ""

    def silent_since(self, now: datetime) -> float:
        """Seconds since the bench last said it is alive."""
        return max((now - self.heartbeat_at).total_seconds(), 0.0)
