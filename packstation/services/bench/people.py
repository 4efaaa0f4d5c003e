"""Who packs at this bench: a badge scan logs a packer in, CMD-LOGOUT logs them out."""

from __future__ import annotations

import logging

from packstation.domain.orders import Packer
from packstation.services.bench.commands import Login, Logout
from packstation.services.bench.outcome import Outcome, OutcomeKind, outcome
from packstation.services.bench.session import BenchContext

log = logging.getLogger(__name__)


def log_in(ctx: BenchContext, packer: Packer) -> Outcome:
    """``packer`` packs here from now on; the open order stays open."""
    ctx.session.packer = packer.name
    log.info("login station=%s packer=%s", ctx.station, packer.name)
    return outcome(OutcomeKind.LOGIN, "packer.logged_in", {"name": packer.name})


def handle_login(ctx: BenchContext, command: Login) -> Outcome:
    """A badge given directly (not through a scan)."""
    with ctx.uow() as uow:
        packer = uow.packers.by_badge(command.badge)
    if packer is None:
        return outcome(OutcomeKind.REFUSED, "packer.unknown_badge", {"badge": command.badge}, stored=False)
    return log_in(ctx, packer)


def handle_logout(ctx: BenchContext, _command: Logout) -> Outcome:
    log.info("logout station=%s packer=%s", ctx.station, ctx.session.packer)
    ctx.session.packer = None
    return outcome(OutcomeKind.LOGOUT, "packer.logged_out")
