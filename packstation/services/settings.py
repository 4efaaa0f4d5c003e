"""The shared rules every bench on one database follows (``domain.settings``): read, list, change."""

from __future__ import annotations

import logging

from packstation.domain.settings import DEFAULTS, SharedSettings, parse_flag
from packstation.services.ports import UowFactory

log = logging.getLogger(__name__)


def shared_settings(uow_factory: UowFactory) -> SharedSettings:
    """The rules every bench on this database follows (``domain.settings``)."""
    with uow_factory(readonly=True) as uow:
        return SharedSettings.from_rows(uow.settings.all())


def set_setting(uow_factory: UowFactory, name: str, value: str) -> bool:
    """Store a shared rule (``on``/``off``…); ValueError for an unknown name or value."""
    flag = parse_flag(name, value)
    with uow_factory() as uow:
        uow.settings.set(name, "on" if flag else "off")
        uow.commit()
    log.info("setting changed name=%s value=%s", name, flag)
    return flag


def settings_table(uow_factory: UowFactory) -> list[tuple[str, bool, bool, str]]:
    """(name, value, default, what it decides) of every shared rule."""
    current = shared_settings(uow_factory)
    return [(name, getattr(current, name), default, what) for name, (default, what) in DEFAULTS.items()]
