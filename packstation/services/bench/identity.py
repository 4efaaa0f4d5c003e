"""A bench's hold on its station name for as long as it runs (two machines never share one)."""

from __future__ import annotations

import logging
import uuid
from datetime import timedelta

from packstation import __version__
from packstation.domain.clock import iso, utcnow
from packstation.domain.verification import Param
from packstation.services.bench.commands import Register, Shutdown
from packstation.services.bench.outcome import Outcome, OutcomeKind, outcome
from packstation.services.bench.session import BenchContext

log = logging.getLogger(__name__)


def handle_register(ctx: BenchContext, _command: Register) -> Outcome:
    """Hold the station name, or say which machine holds it (and since when it is silent)."""
    now = utcnow()
    bench = ctx.bench
    with ctx.uow() as uow:
        holder = uow.benches.claim_name(
            bench, str(uuid.uuid4()), __version__, now, now - timedelta(seconds=ctx.config.claim_ttl_seconds)
        )
        uow.commit()
    if holder is not None:
        seen = round(holder.silent_since(now))
        log.error(
            "station name in use station=%s holder_host=%s holder_bench=%s silent_s=%s",
            bench.station, holder.identity.host, holder.identity.bench_id, seen,
        )  # fmt: skip
        params: dict[str, Param] = {
            "station": bench.station,
            "host": holder.identity.host or "?",
            "bench": holder.identity.bench_id[:8],
            "seconds": seen,
            "since": iso(holder.started_at),
            "ttl": ctx.config.claim_ttl_seconds,
        }
        return outcome(OutcomeKind.REFUSED, "bench.name_taken", params, stored=False)
    ctx.session.registered = True
    log.info("bench registered station=%s bench=%s host=%s", bench.station, bench.bench_id, bench.host)
    return outcome(OutcomeKind.INFO, "bench.registered", {"station": bench.station})


def handle_shutdown(ctx: BenchContext, _command: Shutdown) -> Outcome | None:
    """Give the name back (the open order keeps its claim: it resumes here at the next start)."""
    if not ctx.session.registered:
        return None
    with ctx.uow() as uow:
        uow.benches.release_name(ctx.bench)
        uow.commit()
    ctx.session.registered = False
    log.info("bench stopped station=%s bench=%s", ctx.station, ctx.bench.bench_id)
    return None
