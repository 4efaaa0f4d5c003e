"""The ports the services talk through: typed Protocols, implemented by the adapters.

``adapters.db`` implements them on SQLite and PostgreSQL, ``adapters.memory`` in memory
(for tests of the services without a database). Repositories hand out frozen domain
records (``domain.orders``, ``domain.journal``), never ORM objects, and change stored
state only through the methods below.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Mapping
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from pathlib import Path
from types import TracebackType
from typing import Protocol, Self

from packstation.domain.journal import (
    MismatchRecord,
    OrderChange,
    PackSession,
    ParcelRecord,
    ScanRecord,
    StatusChange,
)
from packstation.domain.orders import Order, Packer, Product, QueueRow
from packstation.domain.records import OrderDetails, OrderLineRecord, OrderRecord, ProductRecord, ShipmentDocuments
from packstation.domain.status import Status
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

    def numbers_with_digits(self, digits: str, limit: int = 2) -> tuple[str, ...]:
        """Up to ``limit`` order numbers whose digits are exactly ``digits`` (``10010``: ``PL-10010``)."""
        ...

    def claim(self, order_id: int, station: str, packer: str, now: datetime, stale_before: datetime) -> bool:
        """Take the order for ``station`` if free, its own, or silent since ``stale_before``; True if taken."""
        ...

    def release_claim(self, order_id: int, station: str) -> None: ...

    def heartbeat(self, station: str, now: datetime) -> int:
        """Renew the claims ``station`` holds; how many."""
        ...

    def claimed_by(self, station: str) -> tuple[Order, ...]: ...

    def set_status(self, order_id: int, status: Status, at: datetime) -> None: ...

    def set_tracking(self, order_id: int, tracking_number: str) -> None: ...

    def add_scanned(self, line_id: int, units: int, expected: int) -> bool:
        """Count ``units`` on a line whose stored count is still ``expected``; False (nothing written) if not."""
        ...

    def queue(self, statuses: Collection[Status] = (), text: str = "", limit: int = 500) -> tuple[QueueRow, ...]:
        """Queue rows, oldest first; all statuses when ``statuses`` is empty; ``text`` matched as ``domain.search``."""
        ...

    def add(self, record: OrderRecord, at: datetime, names: Mapping[str, str]) -> int:
        """Store a new order (status ``new``) with its lines (``names``: product names for lines without); its id."""
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


class PackerRepository(Protocol):
    def by_badge(self, badge: str) -> Packer | None:
        """The active packer with this badge."""
        ...

    def add(self, name: str, badge: str) -> None: ...

    def badges(self) -> tuple[Packer, ...]:
        """Every active packer, by name."""
        ...


class JournalRepository(Protocol):
    def add_scan(self, scan: ScanRecord) -> int: ...

    def record_claimed_scan(self, scan: ScanRecord) -> int | None:
        """Store a scan of ``scan.order_id`` only while it is ``packing`` at ``scan.station``; its id, else None."""
        ...

    def add_mismatch(self, mismatch: MismatchRecord) -> int: ...

    def open_mismatches(self, order_id: int) -> tuple[MismatchRecord, ...]:
        """Mismatches still waiting for removal, oldest first."""
        ...

    def count_open_mismatches(self, order_id: int) -> int: ...

    def resolve_mismatch(self, mismatch_id: int, at: datetime, by: str, resolution: str) -> None: ...

    def mismatches(self, order_id: int) -> tuple[MismatchRecord, ...]: ...

    def scans(self, order_id: int, limit: int | None = None, include_voided: bool = True) -> tuple[ScanRecord, ...]:
        """Newest first."""
        ...

    def void_order_activity(self, order_id: int) -> None:
        """Void (never delete) the order's scans and mismatches and zero its counts."""
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

    def start_session(self, order_id: int, station: str, packer: str, at: datetime) -> int: ...

    def end_session(self, session_id: int, at: datetime, outcome: str) -> None: ...

    def add_parcel(self, parcel: ParcelRecord) -> None: ...

    def parcels(self, order_id: int) -> tuple[ParcelRecord, ...]: ...

    def add_order_change(self, change: OrderChange) -> None: ...

    def order_changes(self, order_id: int, only_unacknowledged: bool = False) -> tuple[OrderChange, ...]: ...

    def acknowledge_changes(self, order_id: int) -> int:
        """Mark the order's shop changes as seen at the bench; how many."""
        ...


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
    def packers(self) -> PackerRepository: ...

    @property
    def journal(self) -> JournalRepository: ...

    def __enter__(self) -> Self: ...

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None, /
    ) -> None: ...

    def commit(self) -> None: ...


UowFactory = Callable[[], UnitOfWork]


class Printer(Protocol):
    """Something that takes a rendered document and prints (or files) it.

    Raises ``PrinterError`` (a ``DomainError``) when the document cannot be delivered;
    callers run it on the bench's worker thread, never on the GUI thread.
    """

    @property
    def name(self) -> str:
        """A human-readable name shown in settings, logs and ``packstation doctor``."""
        ...

    def print_document(self, title: str, data: bytes, kind: str) -> str | Path:
        """Deliver ``data`` (PDF or ZPL) of document ``kind`` (``label``, ``slip``); where it went."""
        ...


class DocumentRenderer(Protocol):
    def __call__(self, documents: ShipmentDocuments, /) -> bytes: ...


@dataclass(frozen=True)
class Documents:
    """The label and slip renderers (``adapters.labels``), injected so services stay free of reportlab."""

    shipping_label: DocumentRenderer
    packing_slip: DocumentRenderer
