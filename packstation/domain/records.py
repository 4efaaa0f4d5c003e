"""Plain records exchanged between importers, services and label renderers."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal

from packstation.domain.parcels import Carton

# An address as stored on an order and as named in the import formats.
ADDRESS_FIELDS = ("street", "postal_code", "city", "country")
# What a shop may change on an order: compared field by field when the order is imported again.
ORDER_DETAIL_FIELDS = (
    "customer_name",
    "email",
    "phone",
    *ADDRESS_FIELDS,
    "carrier",
    "service",
    "payment",
    "cod_amount",
    "currency",
    "notes",
    "tracking_number",
    "ship_by",
    "gift_note",
)
OrderDetails = dict[str, "str | Decimal | datetime | None"]


@dataclass(frozen=True, slots=True)
class Address:
    name: str
    street: str
    postal_code: str
    city: str
    country: str = "PL"
    phone: str = ""
    email: str = ""

    def lines(self) -> list[str]:
        """The address as printed on a label, one element per line."""
        out = [self.name, self.street, f"{self.postal_code} {self.city}".strip()]
        if self.country and self.country.upper() not in ("PL", ""):
            out.append(self.country)
        return [line for line in out if line]


def order_details(source: object, address: Address) -> OrderDetails:
    """The :data:`ORDER_DETAIL_FIELDS` of an order (imported or stored) and its address."""
    values: OrderDetails = {name: getattr(source, name) for name in ORDER_DETAIL_FIELDS if hasattr(source, name)}
    values.update({name: getattr(address, name) for name in ADDRESS_FIELDS})
    return values


@dataclass(frozen=True, slots=True)
class PackRecord:
    """A multi-unit packaging barcode: scanning ``barcode`` counts ``quantity`` units."""

    barcode: str
    quantity: int


@dataclass(frozen=True, slots=True)
class ProductRecord:
    sku: str
    name: str
    barcodes: tuple[str, ...] = ()
    packs: tuple[PackRecord, ...] = ()
    weight_kg: Decimal | None = None
    bin_location: str = ""
    image_path: str = ""
    tracking: str = "none"  # none | lot | serial (domain.tracking.Tracking)


@dataclass(frozen=True, slots=True)
class OrderLineRecord:
    sku: str
    quantity: int
    name: str = ""
    unit_price: Decimal | None = None  # per unit, as the shop sold it; printed on the packing slip
    currency: str = ""  # of ``unit_price``; empty: the order's currency


@dataclass(frozen=True, slots=True)
class CarrierLabel:
    """The label a carrier issued for an order (PDF or ZPL), printed as it is instead of Packstation's own.

    ``format`` is ``pdf`` or ``zpl`` (``domain.printing.DocFormat``); ``source`` says where it came
    from (the file named in the import, or ``base64``), for people.
    """

    format: str
    document: bytes
    source: str = ""

    def __repr__(self) -> str:  # the document itself is no use in a log line or a test failure
        return f"CarrierLabel({self.format!r}, {len(self.document)} bytes, {self.source!r})"


@dataclass(frozen=True, slots=True)
class OrderRecord:
    """One order as a shop sent it. ``status`` is ``new`` or ``cancelled`` (shop cancellation)."""

    external_id: str
    number: str
    source: str
    customer_name: str
    address: Address
    lines: tuple[OrderLineRecord, ...]
    email: str = ""
    phone: str = ""
    carrier: str = ""
    service: str = ""
    payment: str = "prepaid"  # prepaid | cod
    cod_amount: Decimal | None = None
    currency: str = "PLN"
    notes: str = ""
    tracking_number: str = ""
    status: str = "new"
    ship_by: datetime | None = None  # naive UTC: the queue takes the earliest first
    gift_note: str = ""  # the customer's words for the recipient, printed on the packing slip
    carrier_label: CarrierLabel | None = None  # printed instead of Packstation's label; carries tracking_number

    def details(self) -> OrderDetails:
        """The fields of :data:`ORDER_DETAIL_FIELDS` as this record would store them."""
        values = order_details(self, self.address)
        values["cod_amount"] = self.cod_amount if self.payment == "cod" else None
        values["customer_name"] = self.customer_name or self.address.name
        return values


@dataclass(frozen=True, slots=True)
class ImportBatch:
    """Everything one file holds; ``line_of`` maps order numbers / SKUs / carton names to their line in the file."""

    products: tuple[ProductRecord, ...] = ()
    orders: tuple[OrderRecord, ...] = ()
    line_of: dict[str, int] = field(default_factory=dict)
    cartons: tuple[Carton, ...] = ()


@dataclass(frozen=True, slots=True)
class LabelLine:
    sku: str
    name: str
    quantity: int
    bin_location: str = ""
    unit_price: Decimal | None = None  # printed on the slip when the import carried prices
    lots: tuple[str, ...] = ()  # lots of the units packed (GS1 AI 10), for the slip
    serials: tuple[str, ...] = ()  # serials of the units packed (GS1 AI 21), for the slip
    missing: int = 0  # units of the line not in the box: a partial shipment a supervisor approved

    @property
    def lot_serial(self) -> str:
        """The line's lots and serials as the slip prints them ("" when none was captured)."""
        return ", ".join((*self.lots, *self.serials))

    currency: str = ""  # of ``unit_price``; empty: the order's currency


@dataclass(frozen=True, slots=True)
class ShipmentDocuments:
    """All a shipping label and packing slip print: the renderers take nothing else."""

    order_number: str
    tracking_number: str
    carrier: str
    service: str
    recipient: Address
    sender: Address
    lines: tuple[LabelLine, ...]
    cod_amount: Decimal | None = None
    currency: str = "PLN"
    weight_kg: Decimal | None = None
    parcel_index: int = 1
    parcel_count: int = 1
    notes: str = ""
    slip_barcode: str = ""
    created: str = ""  # ISO date printed on the documents
    language: str = ""  # the customer's language for the slip (pl, en, uk…); empty: from the country
    gift_note: str = ""  # printed on the customer's slip (``notes`` is the warehouse's, pick copy only)
    parcel_locker: str = ""  # the parcel locker / pick-up point id, when the order has one
    shop_contact: str = ""
    after_sales: tuple[tuple[str, str], ...] = ()  # (returns|complaints|warranty|service, text)
