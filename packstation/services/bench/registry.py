"""The one table of bench commands and their handlers."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from types import MappingProxyType
from typing import TypeVar, cast

from packstation.services.bench import autofinish, order_actions, ordering, people, scanning, undo, upkeep
from packstation.services.bench.commands import (
    Acknowledge,
    AutoFinish,
    Command,
    ConfirmRemoved,
    Finish,
    Heartbeat,
    Hold,
    Login,
    Logout,
    NextOrder,
    OpenOrder,
    Refresh,
    Release,
    Resume,
    Scan,
    Undo,
)
from packstation.services.bench.outcome import Outcome
from packstation.services.bench.session import BenchContext

Handler = Callable[[BenchContext, Command], Outcome | None]
C = TypeVar("C", bound=Command)


def _entry(kind: type[C], handler: Callable[[BenchContext, C], Outcome | None]) -> tuple[type[Command], Handler]:
    """One table row; the type checker proves the handler takes that command."""
    return kind, cast(Handler, handler)


HANDLERS: Mapping[type[Command], Handler] = MappingProxyType(
    dict(
        [
            _entry(Scan, scanning.handle_scan),
            _entry(OpenOrder, ordering.handle_open),
            _entry(NextOrder, ordering.handle_next),
            _entry(Release, ordering.handle_release),
            _entry(Resume, ordering.handle_resume),
            _entry(ConfirmRemoved, order_actions.handle_removed),
            _entry(Hold, order_actions.handle_hold),
            _entry(Finish, order_actions.handle_finish),
            _entry(Login, people.handle_login),
            _entry(Logout, people.handle_logout),
            _entry(Acknowledge, upkeep.handle_acknowledge),
            _entry(Heartbeat, upkeep.handle_heartbeat),
            _entry(Refresh, upkeep.handle_refresh),
            _entry(Undo, undo.handle_undo),
            _entry(AutoFinish, autofinish.handle_auto_finish),
        ]
    )
)
