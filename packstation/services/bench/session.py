"""The bench's state and what its handlers work with.

:class:`BenchSession` (who is logged in, which order is open) belongs to the bench's worker
thread: handlers change it, nothing else reads it; the screen sees only the frozen
snapshots that outcomes carry.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field

from packstation.config import Config
from packstation.domain.benches import BenchIdentity
from packstation.domain.errors import DomainError
from packstation.domain.orders import Order
from packstation.domain.settings import SharedSettings
from packstation.domain.users import User
from packstation.services.bench.commands import Command
from packstation.services.bench.outcome import OrderSnapshot, Outcome
from packstation.services.claims import held
from packstation.services.ports import Documents, PrinterFactory, Scale, UnitOfWork, UowFactory

# How long a bench trusts the shared rules it read (``domain.settings``) before reading them again.
SETTINGS_TTL_SECONDS = 10.0


@dataclass(frozen=True)
class Scheduled:
    """A command the bench wants run at ``at`` (``time.monotonic()``), unless it is cancelled first."""

    at: float
    command: Command


@dataclass
class BenchSession:
    """Who is logged in, which order is open (with its latest snapshot), and what is due."""

    packer: str | None = None  # the name of who is logged in (``user``), as outcomes and scans carry it
    user: User | None = None
    # A supervisor who gave badge and PIN at this bench (the packer, if any, stays logged in).
    supervisor: User | None = None
    pending: User | None = None  # a supervisor's badge was scanned: the PIN is awaited
    active_at: float = field(default_factory=time.monotonic)  # the last command a person gave
    order_id: int | None = None
    snapshot: OrderSnapshot | None = None
    registered: bool = False  # this run holds the station name (Register succeeded)
    # The label job of the open (packed) order: until it is out, no other order opens here.
    label_job: int | None = None
    scheduled: Scheduled | None = None  # the order finishing by itself (finish_on_last_unit)
    cancelled: str | None = None  # an order the shop cancelled under the packer, until CMD-OK

    def opened(self, snapshot: OrderSnapshot) -> None:
        self.order_id, self.snapshot, self.scheduled = snapshot.order_id, snapshot, None

    def closed(self) -> None:
        self.order_id, self.snapshot, self.label_job, self.scheduled = None, None, None, None

    def logged_in(self, user: User) -> None:
        self.user, self.packer = user, user.name

    def logged_out(self) -> None:
        self.user = self.packer = self.supervisor = self.pending = None


@dataclass
class BenchContext:
    """Everything a handler needs: the station's settings, its ports and the session."""

    config: Config
    uow: UowFactory
    documents: Documents | None = None
    printers: PrinterFactory | None = None
    scale: Scale | None = None
    session: BenchSession = field(default_factory=BenchSession)
    # Who this bench is (installation id + station name): read once, at start.
    bench: BenchIdentity = field(default=BenchIdentity("", ""))
    # Runs another command through the registry (a scanned CMD-FINISH, NEXT after a release).
    dispatch: Callable[[Command], Outcome | None] = field(default=lambda _command: None)
    _shared: SharedSettings | None = None
    _shared_at: float = 0.0

    def __post_init__(self) -> None:
        if not self.bench.bench_id:
            self.bench = self.config.identity

    @property
    def station(self) -> str:
        return self.bench.station

    @property
    def who(self) -> str:
        """Scans are recorded under the packer, or the station's name while nobody is logged in."""
        return self.session.packer or self.config.station

    def shared(self, fresh: bool = False) -> SharedSettings:
        """The rules every bench on the database follows, read again every few seconds (or now: ``fresh``)."""
        now = time.monotonic()
        if fresh or self._shared is None or now - self._shared_at > SETTINGS_TTL_SECONDS:
            with self.uow(readonly=True) as uow:
                self._shared = SharedSettings.from_rows(uow.settings.all())
            self._shared_at = now
        return self._shared

    def held_order(self, uow: UnitOfWork) -> Order:
        """The open order, row-locked, if this station still holds it; else ``ClaimLost``."""
        if self.session.order_id is None:
            raise DomainError("no order open", code="command.no_order", name="")
        return held(uow, self.session.order_id, self.bench)
