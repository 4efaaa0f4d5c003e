"""Which benches are alive on a database (for maintenance that must not run under them)."""

from __future__ import annotations

from datetime import timedelta

from packstation.domain.benches import BenchRecord
from packstation.domain.clock import utcnow
from packstation.services.ports import UowFactory


def live_benches(uow_factory: UowFactory, claim_ttl_seconds: int) -> tuple[BenchRecord, ...]:
    """Benches that said they are alive within the claim's lifetime."""
    with uow_factory(readonly=True) as uow:
        return uow.benches.live(utcnow() - timedelta(seconds=claim_ttl_seconds))
