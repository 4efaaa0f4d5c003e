"""The bench's state and what its handlers work with.

:class:`BenchSession` (who is logged in, which order is open) belongs to the bench's worker
thread: handlers change it, nothing else reads it; the screen sees only the frozen
snapshots that outcomes carry.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from packstation.config import Config
from packstation.domain.benches import BenchIdentity
from packstation.domain.errors import DomainError
from packstation.domain.orders import Order
from packstation.services.bench.commands import Command
from packstation.services.bench.outcome import OrderSnapshot, Outcome
from packstation.services.claims import held
from packstation.services.ports import Documents, PrinterFactory, Scale, UnitOfWork, UowFactory


@dataclass(frozen=True)
class Scheduled:
    """A command the bench wants run at ``at`` (``time.monotonic()``), unless it is cancelled first."""

    at: float
    command: Command


@dataclass
class BenchSession:
    """Who is logged in, which order is open (with its latest snapshot), and what is due."""

    packer: str | None = None
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

    def held_order(self, uow: UnitOfWork) -> Order:
        """The open order, row-locked, if this station still holds it; else ``ClaimLost``."""
        if self.session.order_id is None:
            raise DomainError("no order open", code="command.no_order", name="")
        return held(uow, self.session.order_id, self.bench)
