"""The one table of bench commands and their handlers."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from types import MappingProxyType
from typing import TypeVar, cast

from packstation.services.bench import (
    autofinish,
    boxes,
    devices,
    identity,
    manual,
    order_actions,
    ordering,
    people,
    printing_actions,
    scanning,
    supervising,
    undo,
    upkeep,
)
from packstation.services.bench.commands import (
    Acknowledge,
    ApprovePartial,
    AutoFinish,
    CancelOrder,
    CancelPin,
    ChooseBox,
    Command,
    ConfirmLabel,
    ConfirmRemoved,
    DeviceStatus,
    EndSupervision,
    EnterPin,
    Expedite,
    Finish,
    Heartbeat,
    Hold,
    Login,
    Logout,
    ManualConfirm,
    NextOrder,
    NextParcel,
    OpenOrder,
    OverrideMismatch,
    OverrideWeight,
    PrintTick,
    Refresh,
    Register,
    Release,
    ReleaseHeld,
    Reopen,
    Reprint,
    Resume,
    Scan,
    SetAside,
    Shutdown,
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
            _entry(OpenOrder, printing_actions.handle_open_or_label),  # a box set aside gets its label
            _entry(NextOrder, ordering.handle_next),
            _entry(Release, ordering.handle_release),
            _entry(Resume, printing_actions.handle_resume),  # settles print jobs, then ordering.handle_resume
            _entry(ConfirmRemoved, order_actions.handle_removed),
            _entry(Hold, order_actions.handle_hold),
            _entry(Finish, order_actions.handle_finish),
            _entry(Login, people.handle_login),
            _entry(Logout, people.handle_logout),
            _entry(Acknowledge, upkeep.handle_acknowledge),
            _entry(Heartbeat, upkeep.handle_heartbeat),
            _entry(Refresh, upkeep.handle_refresh),
            _entry(Register, identity.handle_register),
            _entry(Shutdown, identity.handle_shutdown),
            _entry(SetAside, printing_actions.handle_set_aside),
            _entry(ConfirmLabel, printing_actions.handle_confirm_label),
            _entry(PrintTick, printing_actions.handle_print_tick),
            _entry(Reprint, printing_actions.handle_reprint),
            _entry(DeviceStatus, devices.handle_device_status),
            _entry(ChooseBox, boxes.handle_choose_box),
            _entry(NextParcel, boxes.handle_next_parcel),
            _entry(Undo, undo.handle_undo),
            _entry(AutoFinish, autofinish.handle_auto_finish),
            _entry(EnterPin, people.handle_enter_pin),
            _entry(CancelPin, people.handle_cancel_pin),
            _entry(EndSupervision, people.handle_end_supervision),
            _entry(ManualConfirm, manual.handle_manual_confirm),
            _entry(OverrideMismatch, supervising.handle_override_mismatch),
            _entry(OverrideWeight, supervising.handle_override_weight),
            _entry(ReleaseHeld, supervising.handle_release_held),
            _entry(ApprovePartial, supervising.handle_approve_partial),
            _entry(CancelOrder, supervising.handle_cancel),
            _entry(Expedite, supervising.handle_expedite),
            _entry(Reopen, supervising.handle_reopen),
        ]
    )
)
