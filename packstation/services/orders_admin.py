"""Back-office use cases behind ``packstation orders …``, ``label``, ``cartons`` and ``commands``."""

from __future__ import annotations

import logging
from collections.abc import Collection
from datetime import timedelta
from typing import Any

from packstation.config import Config
from packstation.domain import barcodes
from packstation.domain.clock import utcnow
from packstation.domain.errors import DomainError, NotFound
from packstation.domain.orders import Order, QueuePage, QueueRow
from packstation.domain.parcels import Carton, carton_name_problem
from packstation.domain.records import CarrierLabel, ShipmentDocuments
from packstation.domain.status import Actor, Status
from packstation.domain.users import Role
from packstation.services.bench.commands import SCANNED
from packstation.services.finishing import shipment_documents
from packstation.services.order_document import order_document
from packstation.services.ports import UnitOfWork, UowFactory
from packstation.services.status_ops import change_status
from packstation.services.users import badge_entries

log = logging.getLogger(__name__)


def list_orders(
    uow_factory: UowFactory,
    statuses: Collection[Status] = (),
    text: str = "",
    limit: int = 1000,
    offset: int = 0,
    claim_ttl_seconds: int | None = None,
) -> QueuePage:
    """A page of orders oldest first, of the given statuses (all when empty), matching ``text``,
    with the total that match (so no list is cut without saying so).

    With ``claim_ttl_seconds``, ``packing`` orders whose bench has been silent that long are marked.
    """
    stale_before = None if claim_ttl_seconds is None else utcnow() - timedelta(seconds=claim_ttl_seconds)
    with uow_factory(readonly=True) as uow:
        return uow.orders.queue(statuses, text, limit, offset, stale_before)


def stuck_orders(uow_factory: UowFactory, claim_ttl_seconds: int) -> tuple[QueueRow, ...]:
    """Orders ``packing`` at a bench silent for longer than the claim's lifetime (or held by none)."""
    with uow_factory(readonly=True) as uow:
        return uow.orders.stuck(utcnow() - timedelta(seconds=claim_ttl_seconds))


def _order(uow: UnitOfWork, number: str) -> Order:
    order = uow.orders.by_number(number)
    if order is None:
        raise NotFound(f"no order {number}", code="order.not_found", number=number)
    return order


def show_order(uow_factory: UowFactory, number: str) -> dict[str, Any]:
    """Everything about one order (the ``orders show --json`` contract)."""
    with uow_factory(readonly=True) as uow:
        return order_document(uow, _order(uow, number))


def mark_order(uow_factory: UowFactory, number: str, target: Status, who: str, station: str, note: str = "") -> Status:
    """Set ``delivered`` or ``archived`` from the command line (an admin acting for the carrier feed)."""
    if target not in (Status.DELIVERED, Status.ARCHIVED):
        raise ValueError(f"orders mark takes delivered or archived, not {target}")
    with uow_factory() as uow:
        order = _order(uow, number)
        change_status(uow, order, target, actor=Actor.ADMIN, who=who, station=station, note=note)
        uow.commit()
    return order.status


def carrier_label(uow_factory: UowFactory, number: str) -> CarrierLabel | None:
    """The carrier's own label the order was imported with, if any."""
    with uow_factory(readonly=True) as uow:
        return uow.carrier_labels.get(_order(uow, number).order_id)


def label_documents(uow_factory: UowFactory, number: str, config: Config) -> ShipmentDocuments:
    """The documents of an order: its tracking number if it has one, else the SSCC it would get."""
    with uow_factory() as uow:
        order = _order(uow, number)
        tracking = barcodes.tracking_number(order.tracking_number, config.gs1_company_prefix, order.sscc_serial)
        return shipment_documents(uow, order, config, tracking)


def command_sheet_entries(uow_factory: UowFactory, with_badges: bool) -> list[tuple[str, str]]:
    """(what, barcode) for every command a packer can scan, the catalogue's boxes, then the active packers'
    badges if asked.

    ``what`` is the command's name (``FINISH``), ``box:<name> <size>`` or ``badge:<name>``; the sheet's
    renderer words it.
    """
    entries = [(name, f"{barcodes.COMMAND_PREFIX}{name}") for name in SCANNED]
    with uow_factory() as uow:
        entries += [(f"box:{c.name} {c.size}", c.command) for c in uow.cartons.all()]
    if with_badges:
        entries += badge_entries(uow_factory, (Role.PACKER,))
    return entries


def save_carton(uow_factory: UowFactory, carton: Carton) -> None:
    """Add a carton to the catalogue, or replace the one of that name."""
    problem = carton_name_problem(carton.name)
    if problem:
        raise DomainError(problem, code="parcel.bad_carton_name", box=carton.name)
    if min(carton.length_mm, carton.width_mm, carton.height_mm) < 1 or carton.tare_kg < 0:
        raise DomainError(f"carton {carton.name}: sizes must be at least 1 mm and the tare 0 kg or more",
                          code="parcel.bad_carton", box=carton.name)  # fmt: skip
    with uow_factory() as uow:
        owner = uow.cartons.by_barcode(carton.barcode) if carton.barcode else None
        if owner is not None and owner.name != carton.name:
            raise DomainError(f"barcode {carton.barcode} is carton {owner.name}'s", code="parcel.barcode_taken")
        if carton.barcode and (
            barcodes.is_command(carton.barcode) or uow.products.lookup(barcodes.normalise(carton.barcode))
        ):
            raise DomainError(f"barcode {carton.barcode} is a command or product barcode", code="parcel.barcode_taken")
        uow.cartons.save(carton)
        uow.commit()
    log.info("carton saved name=%s size=%s tare=%s", carton.name, carton.size, carton.tare_kg)


def cartons(uow_factory: UowFactory) -> tuple[Carton, ...]:
    with uow_factory() as uow:
        return uow.cartons.all()
