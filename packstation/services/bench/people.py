"""Who works at this bench: badges, a supervisor's PIN, logging out, idle logout and the login rule.

A packer's badge logs the packer in (another badge at shift change logs the next one in, the
open order stays open). A supervisor's or admin's badge asks for the PIN (``auth.pin_required``);
:class:`EnterPin` checks it, and the supervisor then stands beside the packer (``session.supervisor``)
until :class:`EndSupervision`, CMD-LOGOUT or the idle time. With the shared rule ``login_required``
on, nothing but a badge is taken while nobody is logged in.
"""

from __future__ import annotations

import logging
import time

from packstation.domain.errors import DomainError
from packstation.domain.users import User
from packstation.services import users
from packstation.services.bench.commands import (
    CancelPin,
    Command,
    DeviceStatus,
    EndSupervision,
    EnterPin,
    Heartbeat,
    Login,
    Logout,
    PrintTick,
    Refresh,
    Register,
    Resume,
    Scan,
    Shutdown,
)
from packstation.services.bench.outcome import Outcome, OutcomeKind, outcome
from packstation.services.bench.session import BenchContext

log = logging.getLogger(__name__)
# Commands the bench gives itself: they are no sign of a person at the bench.
TICKS = (Heartbeat, PrintTick, DeviceStatus, Refresh, Register, Shutdown, Resume)
# What a bench takes while nobody is logged in and the login rule is on (a Scan is checked for a badge).
WITHOUT_LOGIN = (*TICKS, Login, EnterPin, CancelPin, Logout, EndSupervision, Scan)


def log_in(ctx: BenchContext, user: User) -> Outcome:
    """``user`` packs here from now on; the open order stays open."""
    ctx.session.logged_in(user)
    log.info("login station=%s packer=%s role=%s", ctx.station, user.name, user.role)
    return outcome(OutcomeKind.LOGIN, "packer.logged_in", {"name": user.name})


def badge_scanned(ctx: BenchContext, user: User) -> Outcome:
    """A packer's badge logs in; a supervisor's asks for the PIN."""
    if not user.role.supervises:
        return log_in(ctx, user)
    if user.locked:
        ctx.session.pending = None
        raise DomainError(f"badge of {user.name} is locked", code="auth.locked", name=user.name)
    ctx.session.pending = user
    log.info("supervisor badge scanned station=%s name=%s", ctx.station, user.name)
    return outcome(OutcomeKind.PIN_REQUIRED, "auth.pin_required", {"name": user.name, "role": str(user.role)},
                   stored=False)  # fmt: skip


def handle_login(ctx: BenchContext, command: Login) -> Outcome:
    """A badge given directly (not through a scan)."""
    with ctx.uow() as uow:
        user = uow.users.by_badge(command.badge)
    if user is None:
        return outcome(OutcomeKind.REFUSED, "packer.unknown_badge", {"badge": command.badge}, stored=False)
    return badge_scanned(ctx, user)


def handle_enter_pin(ctx: BenchContext, command: EnterPin) -> Outcome:
    """The PIN of the supervisor whose badge was scanned last; a wrong one may be typed again until the lock."""
    pending = ctx.session.pending
    if pending is None:
        return outcome(OutcomeKind.REFUSED, "auth.no_badge", stored=False)
    try:
        supervisor = users.authenticate(ctx.uow, pending.badge, command.pin, ctx.station)
    except users.AuthError as error:
        if error.code != "auth.wrong_pin":
            ctx.session.pending = None
        raise
    ctx.session.pending = None
    ctx.session.supervisor = supervisor
    if ctx.session.user is None:
        ctx.session.logged_in(supervisor)
    log.info("supervisor at bench station=%s name=%s packer=%s", ctx.station, supervisor.name, ctx.session.packer)
    return outcome(OutcomeKind.SUPERVISOR_IN, "auth.supervisor_in", {"name": supervisor.name})


def handle_cancel_pin(ctx: BenchContext, _command: CancelPin) -> Outcome:
    """The PIN dialog was closed without a PIN: the scanned badge is forgotten."""
    ctx.session.pending = None
    return outcome(OutcomeKind.INFO, "auth.pin_cancelled", stored=False)


def handle_end_supervision(ctx: BenchContext, _command: EndSupervision) -> Outcome:
    """The supervisor leaves; a packer logged in stays logged in (a supervisor alone logs out)."""
    supervisor = ctx.session.supervisor
    ctx.session.supervisor = ctx.session.pending = None
    if supervisor is None:
        return outcome(OutcomeKind.INFO, "auth.no_supervisor", stored=False)
    if ctx.session.user is not None and ctx.session.user.badge == supervisor.badge:
        ctx.session.logged_out()
    log.info("supervisor left station=%s name=%s", ctx.station, supervisor.name)
    return outcome(OutcomeKind.LOGOUT, "auth.supervisor_out", {"name": supervisor.name})


def handle_logout(ctx: BenchContext, _command: Logout) -> Outcome:
    log.info("logout station=%s packer=%s", ctx.station, ctx.session.packer)
    ctx.session.logged_out()
    return outcome(OutcomeKind.LOGOUT, "packer.logged_out")


def supervisor_here(ctx: BenchContext) -> User:
    """The supervisor who gave badge and PIN at this bench; refused (``auth.supervisor_required``) otherwise."""
    supervisor = ctx.session.supervisor
    if supervisor is None:
        who = ctx.session.packer or ctx.station
        raise DomainError(f"{who} is no supervisor here", code="auth.supervisor_required")
    return supervisor


def idle_logout(ctx: BenchContext, command: Command) -> Outcome | None:
    """Log everybody out after ``idle_logout_seconds`` without a command from a person; the outcome if so.

    Any command a person gives counts as activity (the bench's own ticks do not).
    """
    session = ctx.session
    now = time.monotonic()
    expired = _idle_for(ctx, now)
    if not isinstance(command, TICKS):
        session.active_at = now
    if expired is None:
        return None
    who = session.packer
    session.logged_out()
    log.info("idle logout station=%s packer=%s idle_s=%d", ctx.station, who, expired)
    return outcome(OutcomeKind.LOGOUT, "auth.idle_logout", {"name": who or "", "minutes": max(round(expired / 60), 1)})


def _idle_for(ctx: BenchContext, now: float) -> float | None:
    """Seconds idle, when past the limit with someone logged in; else None."""
    limit = ctx.config.idle_logout_seconds
    session = ctx.session
    if limit <= 0 or (session.user is None and session.supervisor is None and session.pending is None):
        return None
    idle = now - session.active_at
    return idle if idle >= limit else None


def login_refusal(ctx: BenchContext, command: Command) -> Outcome | None:
    """With the login rule on and nobody logged in: the refusal of anything but a badge; else None."""
    if isinstance(command, WITHOUT_LOGIN) or ctx.session.user is not None or not ctx.shared().login_required:
        return None
    return outcome(OutcomeKind.REFUSED, "auth.login_required", {"name": type(command).__name__}, stored=False)


def login_needed(ctx: BenchContext) -> bool:
    """True while a scan must be a badge: nobody is logged in and the login rule is on."""
    return ctx.session.user is None and ctx.shared().login_required


def badge_or_refusal(ctx: BenchContext, text: str) -> Outcome:
    """A scan while nobody is logged in: a badge logs in; anything else is refused, and nothing is stored."""
    with ctx.uow(readonly=True) as uow:
        user = uow.users.by_badge(text)
    if user is not None:
        return badge_scanned(ctx, user)
    return outcome(OutcomeKind.REFUSED, "auth.login_required", {"name": "scan"}, raw=text, stored=False)
