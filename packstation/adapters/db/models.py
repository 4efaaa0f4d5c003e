"""Typed SQLAlchemy 2 models. Times are naive UTC on both databases."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal

from sqlalchemy import Boolean, DateTime, ForeignKey, Index, Integer, Numeric, String, Text, UniqueConstraint
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


class Packer(Base):
    __tablename__ = "packers"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(120))
    badge: Mapped[str] = mapped_column(String(64), unique=True)
    active: Mapped[bool] = mapped_column(Boolean, default=True)


class Order(Base):
    __tablename__ = "orders"
    __table_args__ = (UniqueConstraint("source", "external_id", name="uq_orders_source_external_id"),)
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
    created_at: Mapped[datetime] = mapped_column(DateTime)
    updated_at: Mapped[datetime] = mapped_column(DateTime)
    # The claim: which station holds the order open, and when it last said it is alive.
    claim_station: Mapped[str | None] = mapped_column(String(64), index=True)
    claim_packer: Mapped[str | None] = mapped_column(String(120))
    claim_heartbeat: Mapped[datetime | None] = mapped_column(DateTime)
    # Number, customer and city folded (domain.search.search_key): the queue filter matches accent-blind.
    search_key: Mapped[str] = mapped_column(String(600), default="")
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
    order: Mapped[Order] = relationship(back_populates="lines")


class PackSession(Base):
    __tablename__ = "pack_sessions"
    id: Mapped[int] = mapped_column(primary_key=True)
    order_id: Mapped[int] = mapped_column(ForeignKey("orders.id", ondelete="CASCADE"), index=True)
    station: Mapped[str] = mapped_column(String(64))
    packer: Mapped[str] = mapped_column(String(120))
    started_at: Mapped[datetime] = mapped_column(DateTime)
    ended_at: Mapped[datetime | None] = mapped_column(DateTime)
    outcome: Mapped[str] = mapped_column(String(16), default="open")  # open|shipped|released|held|cancelled


class ScanEvent(Base):
    __tablename__ = "scan_events"
    __table_args__ = (Index("ix_scan_events_order_at", "order_id", "id"),)
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


class Mismatch(Base):
    """A unit that must come out of the box before the order may finish."""

    __tablename__ = "mismatches"
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


class Parcel(Base):
    __tablename__ = "parcels"
    id: Mapped[int] = mapped_column(primary_key=True)
    order_id: Mapped[int] = mapped_column(ForeignKey("orders.id", ondelete="CASCADE"), index=True)
    index: Mapped[int] = mapped_column(Integer, default=1)
    tracking_number: Mapped[str] = mapped_column(String(64))
    weight_kg: Mapped[Decimal | None] = mapped_column(Numeric(10, 3))
    documents: Mapped[str] = mapped_column(Text, default="[]")  # JSON list of file paths
    created_at: Mapped[datetime] = mapped_column(DateTime)


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
