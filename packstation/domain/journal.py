"""What happened to an order, as frozen records: scans, mismatches, sessions, parcels, audit."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal


@dataclass(frozen=True, slots=True)
class ScanRecord:
    """One scan at a bench, whatever it was; ``event_id`` is 0 until stored."""

    at: datetime
    order_id: int | None
    line_id: int | None
    raw: str
    code: str
    verdict: str
    message_code: str
    quantity: int
    station: str
    packer: str
    voided: bool = False
    event_id: int = 0
    # The AIM symbology identifier the scanner sent and the GS1 fields of the scan, when it had them.
    symbology: str | None = None
    gtin: str | None = None
    lot: str | None = None
    serial: str | None = None
    expiry: date | None = None
    parcel: int | None = None  # the parcel the unit went into (1, 2, …)
    weight_kg: Decimal | None = None  # a weighing's result (verdict weight_mismatch / weighed)
    manual: bool = False  # confirmed by hand: the unit's barcode would not scan


@dataclass(frozen=True, slots=True)
class MismatchRecord:
    """A unit that must come out of the box before the order may finish; ``mismatch_id`` 0 until stored."""

    order_id: int
    scan_event_id: int
    kind: str
    code: str
    sku: str
    station: str
    packer: str
    created_at: datetime
    resolved_at: datetime | None = None
    resolved_by: str | None = None
    resolution: str | None = None
    voided: bool = False
    mismatch_id: int = 0
    expected: str = ""  # what the order still needed when it was scanned
    resolution_note: str = ""  # a supervisor's reason for an override

    @property
    def open(self) -> bool:
        return self.resolved_at is None and not self.voided


@dataclass(frozen=True, slots=True)
class PackSession:
    """One stretch of packing an order at one bench, from opening to shipped / released / held."""

    session_id: int
    order_id: int
    station: str
    packer: str
    started_at: datetime
    ended_at: datetime | None = None
    outcome: str = "open"
    bench_id: str = ""


@dataclass(frozen=True, slots=True)
class ParcelRecord:
    """A closed parcel; its tracking number and documents are filled in when the order is shipped."""

    order_id: int
    index: int
    tracking_number: str
    weight_kg: Decimal | None
    documents: tuple[str, ...]
    created_at: datetime
    box: str = ""  # the carton's name
    expected_kg: Decimal | None = None  # what its units and box should weigh (None: a weight unknown)


@dataclass(frozen=True, slots=True)
class StatusChange:
    """The audit record of one status change: from, to, when, who (as what), where, why."""

    order_id: int
    from_status: str
    to_status: str
    at: datetime
    actor: str
    who: str
    station: str
    note: str = ""
    bench_id: str = ""


@dataclass(frozen=True, slots=True)
class OrderChange:
    """A shop's change to an order already past ``new``, shown to the bench packing it."""

    order_id: int
    at: datetime
    source: str
    summary: str
    acknowledged: bool = False
