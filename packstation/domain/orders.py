"""Stored orders, products and people as the services see them: frozen records, never ORM rows.

Repositories hand these out; a service that wants something changed asks the repository
to change it, so no service depends on a database session's refresh or expiry rules.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal

from packstation.domain.benches import BenchIdentity
from packstation.domain.records import Address, OrderDetails, order_details
from packstation.domain.status import Status


@dataclass(frozen=True, slots=True)
class OrderLine:
    line_id: int
    position: int
    sku: str
    name: str
    quantity: int
    scanned: int = 0
    missing: int = 0  # units a supervisor let the order ship without (partial shipment)
    unit_price: Decimal | None = None
    currency: str = ""  # of ``unit_price``; empty: the order's currency


@dataclass(frozen=True, slots=True)
class Order:
    """An order as stored, with its lines and the claim of the bench packing it."""

    order_id: int
    number: str
    external_id: str
    source: str
    status: Status
    customer_name: str
    address: Address
    lines: tuple[OrderLine, ...]
    carrier: str = ""
    service: str = ""
    payment: str = "prepaid"
    cod_amount: Decimal | None = None
    currency: str = "PLN"
    notes: str = ""
    tracking_number: str = ""
    gift_note: str = ""
    claim_bench: str | None = None  # the installation id of the bench holding the order
    claim_station: str | None = None  # its station name, for people
    claim_packer: str | None = None
    claim_heartbeat: datetime | None = None
    created_at: datetime | None = None
    ship_by: datetime | None = None  # the shop's ship-by time: the queue's order when given
    expedited_at: datetime | None = None  # a supervisor pushed it to the front of the queue
    tracking_serial: int | None = None  # the SSCCs derive from it (None: the order id); fresh after a reopen

    @property
    def sscc_serial(self) -> int:
        """What the order's SSCC-18 tracking numbers are derived from (``barcodes.tracking_number``)."""
        return self.order_id if self.tracking_serial is None else self.tracking_serial

    @property
    def email(self) -> str:
        return self.address.email

    @property
    def phone(self) -> str:
        return self.address.phone

    def details(self) -> OrderDetails:
        """The fields of :data:`ORDER_DETAIL_FIELDS` as stored, to compare with a re-imported record."""
        return order_details(self, self.address)

    def held_by(self, bench: BenchIdentity) -> bool:
        """True while ``bench`` holds this order open for packing."""
        return (
            self.status is Status.PACKING and self.claim_bench == bench.bench_id and self.claim_station == bench.station
        )

    @property
    def units_required(self) -> int:
        return sum(line.quantity for line in self.lines)

    @property
    def units_scanned(self) -> int:
        return sum(min(line.scanned, line.quantity) for line in self.lines)


@dataclass(frozen=True, slots=True)
class ProductBarcode:
    code: str  # normalised (GTIN-14 where possible)
    raw: str  # as printed on the product
    quantity: int = 1  # units one scan counts (a six-pack counts 6)


@dataclass(frozen=True, slots=True)
class Product:
    sku: str
    name: str
    barcodes: tuple[ProductBarcode, ...] = ()
    weight_kg: Decimal | None = None
    bin_location: str = ""
    image_path: str = ""
    tracking: str = "none"  # none | lot | serial (domain.tracking.Tracking)


@dataclass(frozen=True, slots=True)
class QueueRow:
    """One row of the order queue as the bench and ``orders list`` show it."""

    number: str
    status: Status
    customer: str
    city: str
    units: int
    station: str | None
    carrier: str
    scanned: int = 0  # units already counted: an order that resumes does so at scanned of units
    claim_expired: bool = False  # packing, but its bench went silent: waiting at the head of the queue
    expedited: bool = False  # pushed to the front by a supervisor
    ship_by: datetime | None = None

    def as_dict(self) -> dict[str, str | int | None]:
        """The ``orders list --json`` contract."""
        return {
            "number": self.number,
            "status": str(self.status),
            "customer": self.customer,
            "city": self.city,
            "units": self.units,
            "station": self.station,
            "carrier": self.carrier,
            "scanned": self.scanned,
            "claim_expired": self.claim_expired,
            "expedited": self.expedited,
            "ship_by": None if self.ship_by is None else self.ship_by.isoformat(timespec="minutes") + "Z",
        }


@dataclass(frozen=True, slots=True)
class QueuePage:
    """Some rows of the queue and how many orders match in all, so no list is cut silently."""

    rows: tuple[QueueRow, ...]
    total: int
    offset: int = 0

    @property
    def complete(self) -> bool:
        return self.offset == 0 and len(self.rows) >= self.total
