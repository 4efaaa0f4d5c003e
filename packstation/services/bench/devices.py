"""Devices on the bench's screen: a scanner that went away, could not be opened, or came back."""

from __future__ import annotations

import logging

from packstation.domain.verification import Param
from packstation.services.bench.commands import DeviceStatus
from packstation.services.bench.outcome import Outcome, OutcomeKind, outcome
from packstation.services.bench.session import BenchContext

log = logging.getLogger(__name__)


def handle_device_status(ctx: BenchContext, command: DeviceStatus) -> Outcome | None:
    """Show a lost or returned device; a first connection is only logged (nothing to tell the packer)."""
    params: dict[str, Param] = {"device": command.device, "port": command.port}
    if command.state == "connected":
        log.info("device connected station=%s device=%s port=%s", ctx.station, command.device, command.port)
        return None
    if command.state == "reconnected":
        return outcome(OutcomeKind.DEVICE_BACK, "device.reconnected", params, stored=False)
    params["reason"] = command.reason[:200]
    if command.state == "unavailable":
        return outcome(OutcomeKind.DEVICE_LOST, "device.unavailable", params, stored=False)
    if command.discarded:
        params["discarded"] = command.discarded[:60]
        return outcome(OutcomeKind.DEVICE_LOST, "device.disconnected_partial", params, stored=False)
    return outcome(OutcomeKind.DEVICE_LOST, "device.disconnected", params, stored=False)
