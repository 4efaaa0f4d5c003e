"""People and their badges: add, list, disable, PINs, unlock; and the check of a supervisor's badge + PIN.

A PIN is hashed (``domain.users.hash_pin``) before it reaches storage and is never logged; a log
line names the person, never the badge (a badge logs someone in) or anything of the PIN.
"""

from __future__ import annotations

import logging

from packstation.domain import barcodes
from packstation.domain.clock import utcnow
from packstation.domain.errors import DomainError, NotFound
from packstation.domain.users import MAX_PIN_ATTEMPTS, Role, User, hash_pin, pin_problem, verify_pin
from packstation.services.ports import UnitOfWork, UowFactory

log = logging.getLogger(__name__)


class AuthError(DomainError):
    """A badge or PIN was refused (``auth.*``): unknown, not a supervisor, wrong PIN, locked."""

    code = "auth.refused"


def _user(uow: UnitOfWork, badge: str) -> User:
    user = uow.users.get(badge)
    if user is None:
        raise NotFound(f"no user with badge {badge}", code="user.not_found")
    return user


def add_user(uow_factory: UowFactory, name: str, badge: str, role: Role = Role.PACKER, pin: str | None = None) -> User:
    """Add a person; a badge already in use (a badge, order, command or product barcode) is refused.

    Supervisors and admins need a PIN (they prove who they are with badge and PIN); packers have none.
    """
    name, badge = name.strip(), badge.strip()
    if not name or not badge:
        raise DomainError("a user needs a name and a badge", code="user.incomplete")
    if role.supervises and pin is None:
        raise DomainError(f"a {role} needs a PIN", code="user.pin_required", role=str(role))
    if pin is not None:
        _check_pin(pin)
    with uow_factory() as uow:
        if uow.users.get(badge) is not None or uow.orders.by_number(badge) is not None:
            raise DomainError(f"badge {badge} is already in use", code="packer.badge_taken", badge=badge)
        if barcodes.is_command(badge) or uow.products.lookup(barcodes.normalise(badge)) is not None:
            raise DomainError(f"badge {badge} is a command or product barcode", code="packer.badge_taken", badge=badge)
        user = User(name, badge, role, has_pin=pin is not None)
        uow.users.add(user, None if pin is None else hash_pin(pin))
        uow.commit()
    log.info("user added name=%s role=%s", name, role)  # never the badge: it logs a person in
    return user


def _check_pin(pin: str) -> None:
    problem = pin_problem(pin)
    if problem:
        raise DomainError(problem, code="user.bad_pin")


def list_users(uow_factory: UowFactory) -> tuple[User, ...]:
    with uow_factory(readonly=True) as uow:
        return uow.users.all()


def set_active(uow_factory: UowFactory, badge: str, active: bool) -> User:
    """Disable (or enable again) a badge: a disabled badge logs nobody in; its history stays."""
    with uow_factory() as uow:
        user = _user(uow, badge)
        uow.users.set_active(badge, active)
        uow.commit()
    log.info("user %s name=%s", "enabled" if active else "disabled", user.name)
    return user


def set_pin(uow_factory: UowFactory, badge: str, pin: str) -> User:
    """Give a user a new PIN (stored hashed); it unlocks the badge too."""
    _check_pin(pin)
    with uow_factory() as uow:
        user = _user(uow, badge)
        uow.users.set_pin(badge, hash_pin(pin))
        uow.commit()
    log.info("pin set name=%s", user.name)
    return user


def unlock(uow_factory: UowFactory, badge: str) -> User:
    """An admin unlocks a badge locked after too many wrong PINs."""
    with uow_factory() as uow:
        user = _user(uow, badge)
        uow.users.unlock(badge)
        uow.commit()
    log.warning("badge unlocked name=%s was_locked=%s", user.name, user.locked)
    return user


def authenticate(uow_factory: UowFactory, badge: str, pin: str, station: str) -> User:
    """The supervisor (or admin) whose badge and PIN these are; ``AuthError`` when refused.

    A wrong PIN is counted in its own committed transaction, and the badge locks at the
    :data:`~packstation.domain.users.MAX_PIN_ATTEMPTS`-th, until an admin unlocks it.
    """
    with uow_factory() as uow:
        user = uow.users.by_badge(badge)
        if user is None:
            raise AuthError("unknown badge", code="auth.unknown_badge")
        if not user.role.supervises:
            raise AuthError(f"{user.name} is not a supervisor", code="auth.not_supervisor", name=user.name)
        if user.locked:
            raise AuthError(f"badge of {user.name} is locked", code="auth.locked", name=user.name)
        if verify_pin(pin, uow.users.pin_hash(badge)):
            uow.users.pin_ok(badge)
            uow.commit()
            log.info("pin accepted name=%s station=%s", user.name, station)
            return user
        failed = uow.users.pin_failed(badge, utcnow())
        uow.commit()
    left = max(MAX_PIN_ATTEMPTS - failed, 0)
    log.warning("wrong pin name=%s station=%s failed=%s", user.name, station, failed)
    if left == 0:
        log.error("badge locked after %s wrong pins name=%s station=%s", MAX_PIN_ATTEMPTS, user.name, station)
        raise AuthError(f"badge of {user.name} is locked", code="auth.locked", name=user.name)
    raise AuthError("wrong PIN", code="auth.wrong_pin", name=user.name, attempts_left=left)


def require_supervisor(uow: UnitOfWork, supervisor: User) -> User:
    """``supervisor`` as stored now, if still an active supervisor or admin whose badge is not locked.

    Every supervisor action checks this inside its own transaction: a badge disabled or locked
    since the PIN was typed stops working at once.
    """
    current = uow.users.by_badge(supervisor.badge)
    if current is None or not current.role.supervises or current.locked:
        raise AuthError(f"{supervisor.name} may not do this", code="auth.supervisor_required")
    return current


def badge_entries(uow_factory: UowFactory, roles: tuple[Role, ...] = ()) -> list[tuple[str, str]]:
    """(``badge:<name>``, badge) of every active user (of ``roles``), for a printed sheet."""
    with uow_factory(readonly=True) as uow:
        users = uow.users.all()
    return [(f"badge:{u.name}", u.badge) for u in users if u.active and (not roles or u.role in roles)]
