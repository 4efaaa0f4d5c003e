"""The ports the services talk through: typed Protocols, implemented by the adapters.

``adapters.db`` implements them on SQLite and PostgreSQL, ``adapters.memory`` in memory
(for tests of the services without a database). Repositories hand out frozen domain
records (``domain.orders``, ``domain.journal``), never ORM objects, and change stored
state only through the methods below.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from types import TracebackType
from typing import Protocol, Self

from packstation.domain.benches import BenchIdentity, BenchRecord
from packstation.domain.journal import (
    MismatchRecord,
    OrderChange,
    PackSession,
    ParcelRecord,
    ScanRecord,
    StatusChange,
)
from packstation.domain.orders import Order, Product, QueuePage, QueueRow
from packstation.domain.parcels import Carton
from packstation.domain.printing import JobState, NewPrintJob, PrintEvent, PrintJob
from packstation.domain.records import (
    CarrierLabel,
    OrderDetails,
    OrderLineRecord,
    OrderRecord,
    ProductRecord,
    ShipmentDocuments,
)
from packstation.domain.reports import FinishedOrder, MismatchRow, ReportFilter, ScanTally
from packstation.domain.status import Status
from packstation.domain.supervision import Cancellation, SupervisorAction
from packstation.domain.users import User
from packstation.domain.verification import ProductMatch


class OrderRepository(Protocol):
    def get(self, order_id: int, *, lock: bool = False) -> Order:
        """The order (``lock``: held until commit, where the database can); NotFound if absent."""
        ...

    def by_number(self, number: str) -> Order | None: ...

    def by_external(self, keys: Collection[tuple[str, str]]) -> dict[tuple[str, str], Order]:
        """Orders by (source, external id), row-locked: an import must not race a bench."""
        ...

    def numbers_among(self, candidates: Collection[str]) -> set[str]:
        """Those of ``candidates`` that are order numbers."""
        ...

    def keys_by_number(self, numbers: Collection[str]) -> dict[str, tuple[str, str]]:
        """Order number -> (source, external id), for those of ``numbers`` that exist."""
        ...

    def numbers_with_digits(self, digits: str, limit: int = 2) -> tuple[str, ...]:
        """Up to ``limit`` order numbers whose digits are exactly ``digits`` (``10010``: ``PL-10010``)."""
        ...

    def claim(self, order_id: int, bench: BenchIdentity, packer: str, now: datetime, stale_before: datetime) -> bool:
        """Take the order for ``bench`` if free, its own, or silent since ``stale_before``; True if taken.

        One conditional statement: of two racing benches exactly one wins.
        """
        ...

    def take_next(
        self, bench: BenchIdentity, packer: str, now: datetime, stale_before: datetime, skip: int | None = None
    ) -> int | None:
        """Claim the head of the whole queue in one atomic statement; its id, or None when nothing waits.

        The head: orders this bench still holds, then ``packing`` orders whose bench went silent
        (they resume with their scans), then ``new`` orders oldest first; ``skip`` is left out.
        """
        ...

    def release_claim(self, order_id: int, bench: BenchIdentity) -> None: ...

    def heartbeat(self, order_id: int, bench: BenchIdentity, now: datetime) -> bool:
        """Renew ``bench``'s claim of the one order it has open (packing, or packed with its label still
        to print); False if it no longer holds it."""
        ...

    def claimed_by(self, bench: BenchIdentity) -> tuple[Order, ...]: ...

    def stuck(self, stale_before: datetime) -> tuple[QueueRow, ...]:
        """Orders ``packing`` whose bench went silent before ``stale_before`` (or that no bench holds)."""
        ...

    def set_status(self, order_id: int, status: Status, at: datetime) -> None: ...

    def set_tracking(self, order_id: int, tracking_number: str) -> None: ...

    def set_tracking_serial(self, order_id: int, serial: int) -> None:
        """The serial the order's SSCCs derive from from now on (a reopened order's fresh numbers)."""
        ...

    def set_expedited(self, order_id: int, at: datetime | None) -> None:
        """Push the order to the front of the queue (``at``), or take that back (None)."""
        ...

    def set_missing(self, order_id: int, missing: Mapping[int, int]) -> None:
        """Line id -> units a partial shipment goes without."""
        ...

    def add_scanned(self, line_id: int, units: int, expected: int) -> bool:
        """Count ``units`` on a line whose stored count is still ``expected``; False (nothing written) if not."""
        ...

    def queue(
        self,
        statuses: Collection[Status] = (),
        text: str = "",
        limit: int = 500,
        offset: int = 0,
        stale_before: datetime | None = None,
    ) -> QueuePage:
        """Queue rows oldest first (all statuses when empty) and how many match in all.

        With ``stale_before``, rows of ``packing`` orders whose bench went silent say so.
        """
        ...

    def add_many(self, records: Sequence[OrderRecord], at: datetime, names: Mapping[str, str]) -> list[int]:
        """Store new orders (status ``new``) with their lines in bulk; their ids, in order."""
        ...

    def update_details(self, order_id: int, details: OrderDetails, at: datetime) -> None: ...

    def replace_lines(self, order_id: int, lines: tuple[OrderLineRecord, ...], names: Mapping[str, str]) -> None:
        """Replace the lines of a ``new`` order (``names``: product names for lines that carry none)."""
        ...


class ProductRepository(Protocol):
    def lookup(self, code: str) -> ProductMatch | None:
        """The product a normalised barcode identifies and the units one scan counts."""
        ...

    def by_skus(self, skus: Collection[str]) -> dict[str, Product]: ...

    def known_skus(self, skus: Collection[str]) -> set[str]:
        """Those of ``skus`` that are stored products."""
        ...

    def bins(self, skus: Collection[str]) -> dict[str, str]: ...

    def weights(self, skus: Collection[str]) -> dict[str, Decimal]: ...

    def first_barcodes(self, skus: Collection[str]) -> dict[str, str]:
        """SKU -> its first unit barcode as printed."""
        ...

    def barcode_owners(self, codes: Collection[str]) -> dict[str, str]:
        """Normalised barcode -> SKU, for those of ``codes`` already stored."""
        ...

    def save(self, record: ProductRecord) -> None:
        """Insert or replace a product and its barcodes (normalised codes from ``domain.barcodes``)."""
        ...

    def count(self) -> int: ...


class CartonRepository(Protocol):
    def all(self) -> tuple[Carton, ...]:
        """The catalogue, by name."""
        ...

    def by_name(self, name: str) -> Carton | None: ...

    def by_barcode(self, code: str) -> Carton | None:
        """The carton whose own barcode this is."""
        ...

    def save(self, carton: Carton) -> None:
        """Insert or replace the carton of that name."""
        ...


class UserRepository(Protocol):
    """People and their badges. PIN hashes are read only by the check of a PIN (``services.users``)."""

    def by_badge(self, badge: str) -> User | None:
        """The active user with this badge."""
        ...

    def get(self, badge: str) -> User | None:
        """The user with this badge, active or not."""
        ...

    def add(self, user: User, pin_hash: str | None = None) -> None: ...

    def all(self) -> tuple[User, ...]:
        """Every user, by name."""
        ...

    def pin_hash(self, badge: str) -> str | None: ...

    def set_pin(self, badge: str, pin_hash: str) -> bool:
        """Store a new PIN's hash (and unlock); False if there is no such badge."""
        ...

    def pin_failed(self, badge: str, at: datetime) -> int:
        """Count one wrong PIN (atomically) and lock the badge at the limit; the count now."""
        ...

    def pin_ok(self, badge: str) -> None:
        """A right PIN: the count of wrong ones starts again."""
        ...

    def unlock(self, badge: str) -> bool: ...

    def set_active(self, badge: str, active: bool) -> bool: ...


class SettingsRepository(Protocol):
    """The rules every bench on this database shares (``domain.settings``), as stored text."""

    def all(self) -> dict[str, str]: ...

    def set(self, name: str, value: str) -> None: ...


class JournalRepository(Protocol):
    def add_scan(self, scan: ScanRecord) -> int: ...

    def record_claimed_scan(self, scan: ScanRecord, bench_id: str) -> int | None:
        """Store a scan of ``scan.order_id`` only while bench ``bench_id`` (at ``scan.station``) holds it; its id."""
        ...

    def add_mismatch(self, mismatch: MismatchRecord) -> int: ...

    def open_mismatches(self, order_id: int) -> tuple[MismatchRecord, ...]:
        """Mismatches still waiting for removal, oldest first."""
        ...

    def count_open_mismatches(self, order_id: int) -> int: ...

    def resolve_mismatch(self, mismatch_id: int, at: datetime, by: str, resolution: str, note: str = "") -> None: ...

    def mismatches(self, order_id: int) -> tuple[MismatchRecord, ...]: ...

    def scans(self, order_id: int, limit: int | None = None, include_voided: bool = True) -> tuple[ScanRecord, ...]:
        """Newest first."""
        ...

    def void_order_activity(self, order_id: int) -> None:
        """Void (never delete) the order's scans and mismatches, zero its counts, free its units' serials and
        undo its closed (unshipped) parcels."""
        ...

    def serial_owner(self, gtin: str, serial: str) -> str | None:
        """The number of the order this GTIN + serial is packed in, or None."""
        ...

    def reserve_serial(self, gtin: str, serial: str, order_id: int, scan_event_id: int, at: datetime) -> bool:
        """Record the serialised unit as packed in the order; False (nothing written) if it already is somewhere.

        The database's UNIQUE (gtin, serial) constraint decides, so two benches cannot both pack it.
        """
        ...

    def last_scan(self, order_id: int, verdicts: Collection[str]) -> ScanRecord | None:
        """The order's newest scan not voided whose verdict is one of ``verdicts``."""
        ...

    def void_scan(self, event_id: int) -> None:
        """Void (never delete) one scan and the mismatch it raised; the caller undoes its count."""
        ...

    def add_status_change(self, change: StatusChange) -> None: ...

    def history(self, order_id: int) -> tuple[StatusChange, ...]: ...

    def open_session(self, order_id: int) -> PackSession | None: ...

    def start_session(self, order_id: int, bench: BenchIdentity, packer: str, at: datetime) -> int: ...

    def end_session(self, session_id: int, at: datetime, outcome: str) -> None: ...

    def add_parcel(self, parcel: ParcelRecord) -> None:
        """Store a closed parcel (its tracking number and documents may follow with :meth:`ship_parcel`)."""
        ...

    def parcels(self, order_id: int) -> tuple[ParcelRecord, ...]:
        """Closed parcels, by index."""
        ...

    def ship_parcel(self, order_id: int, index: int, tracking_number: str, documents: tuple[str, ...]) -> None:
        """Record the tracking number and printed documents of a closed parcel."""
        ...

    def add_order_change(self, change: OrderChange) -> None: ...

    def order_changes(self, order_id: int, only_unacknowledged: bool = False) -> tuple[OrderChange, ...]: ...

    def acknowledge_changes(self, order_id: int) -> int:
        """Mark the order's shop changes as seen at the bench; how many."""
        ...

    def add_packed(self, packed: FinishedOrder) -> None:
        """Record an order a packer has packed (the packer statistics' facts)."""
        ...

    def add_cancellation(self, cancellation: Cancellation) -> None: ...

    def cancellation(self, order_id: int) -> Cancellation | None: ...

    def add_supervisor_action(self, action: SupervisorAction) -> int:
        """Record a supervisor's decision; its id (unique: a reopened order's fresh SSCC serial derives from it)."""
        ...

    def supervisor_actions(self, order_id: int) -> tuple[SupervisorAction, ...]:
        """The order's supervisor actions, oldest first."""
        ...


class BenchRepository(Protocol):
    def claim_name(
        self, bench: BenchIdentity, run_id: str, version: str, now: datetime, stale_before: datetime
    ) -> BenchRecord | None:
        """Register ``bench`` under its station name unless another live bench holds it (that one is returned)."""
        ...

    def beat(self, bench: BenchIdentity, now: datetime) -> bool:
        """Say ``bench`` is alive; False if its station name is no longer its own."""
        ...

    def release_name(self, bench: BenchIdentity) -> None:
        """A clean shutdown: another machine may use the name at once."""
        ...

    def live(self, stale_before: datetime) -> tuple[BenchRecord, ...]: ...


class PrintJobRepository(Protocol):
    """The durable print queue (``print_jobs``) and its audit trail (``print_events``)."""

    def add(self, job: NewPrintJob) -> int:
        """Store a job with its document; its id."""
        ...

    def get(self, job_id: int, *, lock: bool = False) -> PrintJob:
        """The job (``lock``: held until commit, where the database can); NotFound if absent."""
        ...

    def document(self, job_id: int) -> bytes: ...

    def update(self, job_id: int, state: JobState, **fields: object) -> None:
        """Set the job's state and any of ``attempts``, ``next_attempt_at``, ``last_error``, ``printed_at``,
        ``printer``, ``station``, ``who``."""
        ...

    def for_order(self, order_id: int) -> tuple[PrintJob, ...]:
        """The order's jobs, oldest first."""
        ...

    def of_station(self, station: str, states: Collection[JobState]) -> tuple[PrintJob, ...]:
        """This station's jobs in ``states``, oldest first."""
        ...

    def in_states(self, states: Collection[JobState], limit: int = 1000) -> tuple[PrintJob, ...]:
        """Every station's jobs in ``states``, oldest first."""
        ...

    def add_event(self, event: PrintEvent) -> None: ...

    def events(self, order_id: int) -> tuple[PrintEvent, ...]:
        """The order's print events, oldest first."""
        ...


class ReportRepository(Protocol):
    """The reports' reads, done by the storage over the whole period (``domain.reports`` defines them)."""

    def mismatches(self, where: ReportFilter) -> tuple[MismatchRow, ...]:
        """Every mismatch (wrong unit) in the period, oldest first, with its order and product names."""
        ...

    def weight_mismatches(self, where: ReportFilter) -> tuple[MismatchRow, ...]:
        """Every weighing that did not match, oldest first, with how its parcel was closed after it."""
        ...

    def manual_confirmations(self, where: ReportFilter) -> tuple[tuple[str, str, str, int], ...]:
        """(packer, SKU, product name, units confirmed by hand) in the period."""
        ...

    def finished_orders(self, where: ReportFilter) -> tuple[FinishedOrder, ...]:
        """Orders packed in the period (the last time, for one packed twice), with their units and time in
        ``packing``."""
        ...

    def scan_tallies(self, where: ReportFilter, stretches: Sequence[datetime]) -> tuple[ScanTally, ...]:
        """Product scans and mismatched scans per packer, stretch of the period (``stretches``: their starts,
        the first is ``where.since``, the last ends at ``where.until``) and order size."""
        ...


class CarrierLabelRepository(Protocol):
    """The labels carriers issued for orders (``carrier_labels``), one per order, printed as they are."""

    def get(self, order_id: int) -> CarrierLabel | None: ...

    def put(self, order_id: int, label: CarrierLabel, at: datetime) -> None:
        """Store (or replace) the order's carrier label."""
        ...

    def remove(self, order_id: int) -> None: ...


class UnitOfWork(Protocol):
    """One transaction: ``with uow_factory() as uow: ...; uow.commit()``; leaving without commit rolls back.

    A database that cannot be reached raises ``StorageUnavailable``, never a driver error.
    """

    # Read-only to the services, so an implementation may declare its own repository types.
    @property
    def orders(self) -> OrderRepository: ...

    @property
    def products(self) -> ProductRepository: ...

    @property
    def users(self) -> UserRepository: ...

    @property
    def settings(self) -> SettingsRepository: ...

    @property
    def reports(self) -> ReportRepository: ...

    @property
    def journal(self) -> JournalRepository: ...

    @property
    def benches(self) -> BenchRepository: ...

    @property
    def print_jobs(self) -> PrintJobRepository: ...

    @property
    def cartons(self) -> CartonRepository: ...

    @property
    def carrier_labels(self) -> CarrierLabelRepository: ...

    def __enter__(self) -> Self: ...

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None, /
    ) -> None: ...

    def commit(self) -> None: ...

    def tidy(self) -> None:
        """After a committed bulk write: do the storage's housekeeping now (SQLite: checkpoint its
        write-ahead log), so that a bench's next small commit does not pay for it."""
        ...


class UowFactory(Protocol):
    """Makes one unit of work per use case.

    ``readonly=True`` promises that the unit of work only reads: on SQLite it then takes no
    write lock, so a bench's reads never wait behind an import's writes. ``bulk=True`` is a
    bulk writer that is safe to run again (an import): it may give up its last commit's
    durability against a power cut so that it holds the write lock only briefly (SQLite:
    no flush to disk inside the lock; the checkpoint in ``tidy`` flushes it).
    """

    def __call__(self, *, readonly: bool = False, bulk: bool = False) -> UnitOfWork: ...


class Printer(Protocol):
    """Something that takes a rendered document and prints (or files) it.

    Raises ``PrinterUnavailable`` (a ``DomainError``) when nothing was printed and
    ``PrintUncertain`` when a send broke off midway; callers run it on the bench's worker
    thread, never on the GUI thread.
    """

    @property
    def name(self) -> str:
        """The target as configured (``cups:Zebra``, ``tcp:10.0.0.5:9100``…): settings, logs, jobs."""
        ...

    def send(self, title: str, data: bytes) -> str:
        """Deliver ``data`` (PDF or ZPL) as a job called ``title``; where it went (a path, a CUPS job id…)."""
        ...

    def accepted(self, title: str) -> bool | None:
        """After a crash mid-send: did the printer take job ``title``? None when it cannot tell."""
        ...


class PrinterFactory(Protocol):
    def __call__(self, target: str, kind: str, /) -> Printer:
        """The printer behind a configured target (``folder:/path``, ``cups:QUEUE``…) for documents of ``kind``."""
        ...


class Scale(Protocol):
    """A scale at the bench (``adapters.devices.scale``); used from the bench's worker thread only."""

    @property
    def name(self) -> str: ...

    def stable_weight(self, timeout: float | None = None) -> Decimal:
        """A stable weight in kg; ``DeviceUnavailable`` (``scale.unstable``, ``scale.no_answer``…) when none comes."""
        ...


class DocumentRenderer(Protocol):
    def __call__(self, documents: ShipmentDocuments, /) -> bytes: ...


class BatchRenderer(Protocol):
    """Labels as one PDF, one page each in the order given: Packstation's rendered from their
    ``ShipmentDocuments``, a carrier's (one-page PDF ``bytes``) taken as it is."""

    def __call__(self, documents: Sequence[ShipmentDocuments | bytes], dpi: int, /) -> bytes: ...


class LabelRenderer(Protocol):
    """A label for a printer of ``dpi`` (203 or 300): bars a whole number of its dots wide."""

    def __call__(self, documents: ShipmentDocuments, dpi: int, /) -> bytes: ...


@dataclass(frozen=True)
class Documents:
    """The label and slip renderers (``adapters.labels``), injected so services stay free of reportlab."""

    shipping_label: LabelRenderer
    packing_slip: DocumentRenderer
    zpl_label: LabelRenderer | None = None  # the label in ZPL II for a raw or TCP 9100 printer
    pick_copy: DocumentRenderer | None = None  # the warehouse's copy: bins and the internal note
    label_batch: BatchRenderer | None = None  # several PDF labels as one document, one page each
