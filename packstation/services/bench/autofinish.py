"""The order that finishes by itself on its last unit (``finish_on_last_unit``).

The scan (or the CMD-REMOVED) that leaves the open order complete with nothing wrong in the
box schedules an :class:`AutoFinish` ``finish_delay_ms`` later: ``Bench.due`` names it and
the bench's worker runs it when it is due, so the delay lives with the commands, not in a
screen timer. Until then ``CMD-UNDO`` (Esc) keeps the order open (``undo.handle_undo``);
a later scan, FINISH, HOLD or RELEASE replaces or drops the schedule.
"""

from __future__ import annotations

import logging
import time
from itertools import count

from packstation.services.bench.commands import AutoFinish, Finish
from packstation.services.bench.outcome import Outcome
from packstation.services.bench.session import BenchContext, Scheduled

log = logging.getLogger(__name__)
_tokens = count(1)


def arm_auto_finish(ctx: BenchContext) -> int:
    """Schedule the open order's finish if this station finishes on the last unit.

    Returns the delay in ms, at least 1 when armed, 0 when not. Call once the order is
    finishable (complete, nothing wrong in the box).
    """
    if not ctx.config.finish_on_last_unit or ctx.session.snapshot is None:
        return 0
    delay = ctx.config.finish_delay_ms
    ctx.session.scheduled = Scheduled(time.monotonic() + delay / 1000, AutoFinish(next(_tokens)))
    log.info("finishing by itself order=%s in_ms=%s", ctx.session.snapshot.number, delay)
    return max(delay, 1)


def handle_auto_finish(ctx: BenchContext, command: AutoFinish) -> Outcome | None:
    """The moment passed without UNDO: finish, if the order is still as it was (else nothing to show)."""
    scheduled = ctx.session.scheduled
    if scheduled is None or scheduled.command != command:
        return None  # undone, finished by hand, or replaced by a later moment
    ctx.session.scheduled = None
    snapshot = ctx.session.snapshot
    if snapshot is None or not snapshot.state.finishable:
        return None
    log.info("finishing on the last unit order=%s", snapshot.number)
    return ctx.dispatch(Finish(by_last_unit=True))
