"""Typed SQLAlchemy 2 models. Times are naive UTC on both databases."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import (
    Boolean,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    Numeric,
    String,
    Text,
    UniqueConstraint,
    false,
    text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship


class Base(DeclarativeBase):
    pass


class Product(Base):
    __tablename__ = "products"
    id: Mapped[int] = mapped_column(primary_key=True)
    sku: Mapped[str] = mapped_column(String(64), unique=True)
    name: Mapped[str] = mapped_column(String(300))
    weight_kg: Mapped[Decimal | None] = mapped_column(Numeric(10, 3))
    bin_location: Mapped[str] = mapped_column(String(64), default="")
    image_path: Mapped[str] = mapped_column(String(500), default="")
    tracking: Mapped[str] = mapped_column(String(8), default="none", server_default="none")  # none|lot|serial
    barcodes: Mapped[list[ProductBarcode]] = relationship(
        back_populates="product", cascade="all, delete-orphan", order_by="ProductBarcode.id"
    )


class ProductBarcode(Base):
    """A unit barcode (quantity 1) or a multi-unit packaging barcode (quantity N)."""

    __tablename__ = "product_barcodes"
    id: Mapped[int] = mapped_column(primary_key=True)
    product_id: Mapped[int] = mapped_column(ForeignKey("products.id", ondelete="CASCADE"), index=True)
    code: Mapped[str] = mapped_column(String(64), unique=True)  # normalised (GTIN-14 where possible)
    raw: Mapped[str] = mapped_column(String(64))
    quantity: Mapped[int] = mapped_column(Integer, default=1)
    product: Mapped[Product] = relationship(back_populates="barcodes")


class User(Base):
    """A person with a badge: packer, supervisor or admin (until 0009 the table ``packers``)."""

    __tablename__ = "users"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(120))
    badge: Mapped[str] = mapped_column(String(64), unique=True)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    role: Mapped[str] = mapped_column(String(16), default="packer", server_default="packer")
    # scrypt$n$r$p$salt$hash (domain.users.hash_pin); never the PIN itself.
    pin_hash: Mapped[str | None] = mapped_column(String(200))
    failed_pins: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    locked_at: Mapped[datetime | None] = mapped_column(DateTime)


class Setting(Base):
    """A rule every bench on this database follows (domain.settings): one row per setting."""

    __tablename__ = "settings"
    name: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(String(200))


class Bench(Base):
    """Which installation holds a station name, and when it last said it is alive."""

    __tablename__ = "benches"
    station: Mapped[str] = mapped_column(String(64), primary_key=True)
    bench_id: Mapped[str] = mapped_column(String(36))
    host: Mapped[str] = mapped_column(String(255), default="")
    run_id: Mapped[str] = mapped_column(String(36))
    version: Mapped[str] = mapped_column(String(32), default="")
    started_at: Mapped[datetime] = mapped_column(DateTime)
    heartbeat_at: Mapped[datetime] = mapped_column(DateTime)


class Order(Base):
    __tablename__ = "orders"
    __table_args__ = (
        UniqueConstraint("source", "external_id", name="uq_orders_source_external_id"),
        # The queue: taking the next order reads the oldest waiting one of a status.
        Index("ix_orders_queue", "status", "created_at", "id"),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    number: Mapped[str] = mapped_column(String(64), unique=True)
    external_id: Mapped[str] = mapped_column(String(128))
    source: Mapped[str] = mapped_column(String(32))
    status: Mapped[str] = mapped_column(String(16), index=True)
    customer_name: Mapped[str] = mapped_column(String(200), default="")
    email: Mapped[str] = mapped_column(String(200), default="")
    phone: Mapped[str] = mapped_column(String(64), default="")
    street: Mapped[str] = mapped_column(String(300), default="")
    postal_code: Mapped[str] = mapped_column(String(32), default="")
    city: Mapped[str] = mapped_column(String(120), default="")
    country: Mapped[str] = mapped_column(String(2), default="PL")
    carrier: Mapped[str] = mapped_column(String(64), default="")
    service: Mapped[str] = mapped_column(String(64), default="")
    payment: Mapped[str] = mapped_column(String(16), default="prepaid")
    cod_amount: Mapped[Decimal | None] = mapped_column(Numeric(12, 2))
    currency: Mapped[str] = mapped_column(String(3), default="PLN")
    notes: Mapped[str] = mapped_column(Text, default="")
    tracking_number: Mapped[str] = mapped_column(String(64), default="")
    gift_note: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(DateTime)
    updated_at: Mapped[datetime] = mapped_column(DateTime)
    # The claim: which bench holds the order open (installation id and station name),
    # and when it last said it is alive.
    claim_bench: Mapped[str | None] = mapped_column(String(36), index=True)
    claim_station: Mapped[str | None] = mapped_column(String(64), index=True)
    claim_packer: Mapped[str | None] = mapped_column(String(120))
    claim_heartbeat: Mapped[datetime | None] = mapped_column(DateTime)
    # Number, customer and city folded (domain.search.search_key): the queue filter matches accent-blind.
    search_key: Mapped[str] = mapped_column(String(600), default="")
    # The shop's ship-by time (the queue's order when given) and a supervisor's "to the front".
    ship_by: Mapped[datetime | None] = mapped_column(DateTime)
    expedited_at: Mapped[datetime | None] = mapped_column(DateTime)
    # The serial the order's SSCCs derive from; NULL: the order id. A reopened order gets a fresh one.
    tracking_serial: Mapped[int | None] = mapped_column(Integer)
    # Units ordered (the lines' quantities summed, kept with the lines): the reports tell single-item orders
    # from multi-item ones for a million scans without summing the lines again.
    units: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    lines: Mapped[list[OrderLine]] = relationship(
        back_populates="order", cascade="all, delete-orphan", order_by="OrderLine.position"
    )


class OrderLine(Base):
    __tablename__ = "order_lines"
    id: Mapped[int] = mapped_column(primary_key=True)
    order_id: Mapped[int] = mapped_column(ForeignKey("orders.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    sku: Mapped[str] = mapped_column(String(64))
    name: Mapped[str] = mapped_column(String(300), default="")
    quantity: Mapped[int] = mapped_column(Integer)
    # Accepted units, written in the same transaction as the scan event that counts them.
    scanned: Mapped[int] = mapped_column(Integer, default=0)
    # Units a supervisor let the order ship without (a partial shipment), printed on the slip.
    missing: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    unit_price: Mapped[Decimal | None] = mapped_column(Numeric(12, 2))
    currency: Mapped[str] = mapped_column(String(3), default="")  # of unit_price; empty: the order's
    order: Mapped[Order] = relationship(back_populates="lines")


class CarrierLabel(Base):
    """The label a carrier issued for an order, imported with it and printed as it is (one per order)."""

    __tablename__ = "carrier_labels"
    order_id: Mapped[int] = mapped_column(ForeignKey("orders.id", ondelete="CASCADE"), primary_key=True)
    format: Mapped[str] = mapped_column(String(8))  # pdf | zpl
    document: Mapped[bytes] = mapped_column(LargeBinary)
    source: Mapped[str] = mapped_column(String(500), default="")
    imported_at: Mapped[datetime] = mapped_column(DateTime)


class PackSession(Base):
    __tablename__ = "pack_sessions"
    id: Mapped[int] = mapped_column(primary_key=True)
    order_id: Mapped[int] = mapped_column(ForeignKey("orders.id", ondelete="CASCADE"), index=True)
    bench_id: Mapped[str] = mapped_column(String(36), default="")
    station: Mapped[str] = mapped_column(String(64))
    packer: Mapped[str] = mapped_column(String(120))
    started_at: Mapped[datetime] = mapped_column(DateTime)
    ended_at: Mapped[datetime | None] = mapped_column(DateTime)
    outcome: Mapped[str] = mapped_column(String(16), default="open")  # open|shipped|released|held|cancelled


class ScanEvent(Base):
    __tablename__ = "scan_events"
    __table_args__ = (
        Index("ix_scan_events_order_at", "order_id", "id"),
        # The reports read a period's scans by verdict and time, with what the statistics count (index-only).
        Index("ix_scan_events_verdict_at", "verdict", "at", "packer", "order_id"),
        # Units confirmed by hand: few, found at once by the mismatch report.
        Index("ix_scan_events_manual", "at", sqlite_where=text("manual = 1"), postgresql_where=text("manual")),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(DateTime)
    order_id: Mapped[int | None] = mapped_column(ForeignKey("orders.id", ondelete="CASCADE"))
    line_id: Mapped[int | None] = mapped_column(ForeignKey("order_lines.id", ondelete="SET NULL"))
    raw: Mapped[str] = mapped_column(Text)
    code: Mapped[str] = mapped_column(String(300))
    verdict: Mapped[str] = mapped_column(String(24))
    message_code: Mapped[str] = mapped_column(String(64))
    quantity: Mapped[int] = mapped_column(Integer, default=0)
    station: Mapped[str] = mapped_column(String(64))
    packer: Mapped[str] = mapped_column(String(120))
    voided: Mapped[bool] = mapped_column(Boolean, default=False)
    # What the scan said beyond the code: the AIM symbology identifier and the GS1 fields.
    symbology: Mapped[str | None] = mapped_column(String(3))
    gtin: Mapped[str | None] = mapped_column(String(64))
    lot: Mapped[str | None] = mapped_column(String(20))
    serial: Mapped[str | None] = mapped_column(String(20))
    expiry: Mapped[date | None] = mapped_column(Date)
    parcel: Mapped[int | None] = mapped_column(Integer)  # the parcel the unit went into
    weight_kg: Mapped[Decimal | None] = mapped_column(Numeric(10, 3))  # a weighing's result
    manual: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())  # confirmed by hand


class UnitSerial(Base):
    """A serialised unit packed into an order: the database itself refuses a GTIN + serial twice."""

    __tablename__ = "unit_serials"
    __table_args__ = (UniqueConstraint("gtin", "serial", name="uq_unit_serials_gtin_serial"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    gtin: Mapped[str] = mapped_column(String(64))
    serial: Mapped[str] = mapped_column(String(20))
    order_id: Mapped[int] = mapped_column(ForeignKey("orders.id", ondelete="CASCADE"), index=True)
    scan_event_id: Mapped[int] = mapped_column(ForeignKey("scan_events.id", ondelete="CASCADE"))
    at: Mapped[datetime] = mapped_column(DateTime)


class Mismatch(Base):
    """A unit that must come out of the box before the order may finish."""

    __tablename__ = "mismatches"
    __table_args__ = (Index("ix_mismatches_created_at", "created_at"),)  # the mismatch report's period
    id: Mapped[int] = mapped_column(primary_key=True)
    order_id: Mapped[int] = mapped_column(ForeignKey("orders.id", ondelete="CASCADE"), index=True)
    scan_event_id: Mapped[int] = mapped_column(ForeignKey("scan_events.id", ondelete="CASCADE"))
    kind: Mapped[str] = mapped_column(String(24))
    code: Mapped[str] = mapped_column(String(300))
    sku: Mapped[str] = mapped_column(String(64), default="")
    station: Mapped[str] = mapped_column(String(64))
    packer: Mapped[str] = mapped_column(String(120))
    created_at: Mapped[datetime] = mapped_column(DateTime)
    resolved_at: Mapped[datetime | None] = mapped_column(DateTime)
    resolved_by: Mapped[str | None] = mapped_column(String(120))
    resolution: Mapped[str | None] = mapped_column(String(32))
    voided: Mapped[bool] = mapped_column(Boolean, default=False)
    # What the order still needed when the wrong unit was scanned, and a supervisor's reason for an override.
    expected: Mapped[str] = mapped_column(Text, default="", server_default="")
    resolution_note: Mapped[str] = mapped_column(Text, default="", server_default="")


class Parcel(Base):
    __tablename__ = "parcels"
    id: Mapped[int] = mapped_column(primary_key=True)
    order_id: Mapped[int] = mapped_column(ForeignKey("orders.id", ondelete="CASCADE"), index=True)
    index: Mapped[int] = mapped_column(Integer, default=1)
    tracking_number: Mapped[str] = mapped_column(String(64))
    weight_kg: Mapped[Decimal | None] = mapped_column(Numeric(10, 3))
    documents: Mapped[str] = mapped_column(Text, default="[]")  # JSON list of file paths
    created_at: Mapped[datetime] = mapped_column(DateTime)
    box: Mapped[str] = mapped_column(String(24), default="", server_default="")  # the carton's name
    expected_kg: Mapped[Decimal | None] = mapped_column(Numeric(10, 3))


class Carton(Base):
    """The station's catalogue of boxes: ``CMD-BOX-<name>`` picks one."""

    __tablename__ = "cartons"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(24), unique=True)
    length_mm: Mapped[int] = mapped_column(Integer)
    width_mm: Mapped[int] = mapped_column(Integer)
    height_mm: Mapped[int] = mapped_column(Integer)
    tare_kg: Mapped[Decimal] = mapped_column(Numeric(10, 3))
    barcode: Mapped[str | None] = mapped_column(String(64), unique=True)  # printed on the carton stock, if any


class StatusChange(Base):
    __tablename__ = "status_changes"
    id: Mapped[int] = mapped_column(primary_key=True)
    order_id: Mapped[int] = mapped_column(ForeignKey("orders.id", ondelete="CASCADE"), index=True)
    from_status: Mapped[str] = mapped_column(String(16))
    to_status: Mapped[str] = mapped_column(String(16))
    at: Mapped[datetime] = mapped_column(DateTime)
    actor: Mapped[str] = mapped_column(String(16))
    who: Mapped[str] = mapped_column(String(120))
    station: Mapped[str] = mapped_column(String(64))
    bench_id: Mapped[str] = mapped_column(String(36), default="")
    note: Mapped[str] = mapped_column(Text, default="")


class OrderChange(Base):
    """A shop change to an order already past ``new``: shown to the station packing it."""

    __tablename__ = "order_changes"
    id: Mapped[int] = mapped_column(primary_key=True)
    order_id: Mapped[int] = mapped_column(ForeignKey("orders.id", ondelete="CASCADE"), index=True)
    at: Mapped[datetime] = mapped_column(DateTime)
    source: Mapped[str] = mapped_column(String(32))
    summary: Mapped[str] = mapped_column(Text)
    acknowledged: Mapped[bool] = mapped_column(Boolean, default=False)


class PrintJob(Base):
    """The durable print queue: one document for one printer, and where it stands."""

    __tablename__ = "print_jobs"
    __table_args__ = (Index("ix_print_jobs_station_state", "station", "state", "id"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    order_id: Mapped[int] = mapped_column(ForeignKey("orders.id", ondelete="CASCADE"), index=True)
    parcel_index: Mapped[int] = mapped_column(Integer, default=1)
    kind: Mapped[str] = mapped_column(String(8))  # label | slip | pick
    format: Mapped[str] = mapped_column(String(8))  # pdf | zpl
    printer: Mapped[str] = mapped_column(String(300))
    document: Mapped[bytes] = mapped_column(LargeBinary)
    archive_path: Mapped[str] = mapped_column(String(500), default="")
    state: Mapped[str] = mapped_column(String(12), index=True)
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    next_attempt_at: Mapped[datetime | None] = mapped_column(DateTime)
    last_error: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(DateTime)
    printed_at: Mapped[datetime | None] = mapped_column(DateTime)
    who: Mapped[str] = mapped_column(String(120))
    station: Mapped[str] = mapped_column(String(64))
    reprint_of: Mapped[int | None] = mapped_column(ForeignKey("print_jobs.id", ondelete="SET NULL"))


class PrintEvent(Base):
    """Every state change of a print job: the printing part of the order's audit trail."""

    __tablename__ = "print_events"
    id: Mapped[int] = mapped_column(primary_key=True)
    job_id: Mapped[int] = mapped_column(ForeignKey("print_jobs.id", ondelete="CASCADE"), index=True)
    order_id: Mapped[int] = mapped_column(ForeignKey("orders.id", ondelete="CASCADE"), index=True)
    at: Mapped[datetime] = mapped_column(DateTime)
    from_state: Mapped[str] = mapped_column(String(12))
    to_state: Mapped[str] = mapped_column(String(12))
    who: Mapped[str] = mapped_column(String(120))
    station: Mapped[str] = mapped_column(String(64))
    note: Mapped[str] = mapped_column(Text, default="")


class Cancellation(Base):
    """Why and at what cost a supervisor cancelled an order (one per order)."""

    __tablename__ = "cancellations"
    id: Mapped[int] = mapped_column(primary_key=True)
    order_id: Mapped[int] = mapped_column(ForeignKey("orders.id", ondelete="CASCADE"), unique=True)
    reason: Mapped[str] = mapped_column(String(24))
    note: Mapped[str] = mapped_column(Text, default="")
    packaging: Mapped[Decimal] = mapped_column(Numeric(10, 2))
    labour: Mapped[Decimal] = mapped_column(Numeric(10, 2))
    postage: Mapped[Decimal] = mapped_column(Numeric(10, 2))
    currency: Mapped[str] = mapped_column(String(3))
    at: Mapped[datetime] = mapped_column(DateTime)
    who: Mapped[str] = mapped_column(String(120))
    station: Mapped[str] = mapped_column(String(64))


class SupervisorAction(Base):
    """Every decision of a supervisor (release, override, cancel, expedite, reopen…): who, when, where, why."""

    __tablename__ = "supervisor_actions"
    id: Mapped[int] = mapped_column(primary_key=True)
    order_id: Mapped[int | None] = mapped_column(ForeignKey("orders.id", ondelete="CASCADE"), index=True)
    action: Mapped[str] = mapped_column(String(24))
    at: Mapped[datetime] = mapped_column(DateTime)
    who: Mapped[str] = mapped_column(String(120))
    station: Mapped[str] = mapped_column(String(64))
    reason: Mapped[str] = mapped_column(Text, default="")
    detail: Mapped[str] = mapped_column(Text, default="")


class PackedOrder(Base):
    """An order packed by a packer: when, by whom, its units and its time in packing (the statistics' facts).

    Written in the transaction that packs the order (``packing -> packed``), so the packer statistics read
    one row per order instead of working it out from its status changes again.
    """

    __tablename__ = "packed_orders"
    id: Mapped[int] = mapped_column(primary_key=True)
    order_id: Mapped[int] = mapped_column(ForeignKey("orders.id", ondelete="CASCADE"), index=True)
    at: Mapped[datetime] = mapped_column(DateTime, index=True)
    packer: Mapped[str] = mapped_column(String(120))
    station: Mapped[str] = mapped_column(String(64))
    units: Mapped[int] = mapped_column(Integer)
    packing_seconds: Mapped[float] = mapped_column(Float)
