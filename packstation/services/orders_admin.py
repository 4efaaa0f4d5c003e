"""Back-office use cases behind ``packstation orders …`` and ``packstation label``."""

from __future__ import annotations

from typing import Any

from packstation.domain import barcodes
from packstation.domain.errors import DomainError, NotFound
from packstation.domain.records import ShipmentDocuments
from packstation.domain.status import Actor, Status
from packstation.services.context import StationConfig, UowFactory
from packstation.services.finishing import shipment_documents
from packstation.services.order_views import order_document
from packstation.services.status_ops import change_status


def list_orders(
    uow_factory: UowFactory, status: str | tuple[str, ...] | None = None, text: str = "", limit: int = 10000
) -> list[dict[str, Any]]:
    """Orders as dicts (number, status, customer, city, units, station, carrier), oldest first.

    ``status`` is one status or a tuple of them (the bench's "open" view is new + packing).
    """
    for one in status if isinstance(status, tuple) else (status,) if status else ():
        Status(one)  # a typo is a clear ValueError, not an empty list
    with uow_factory() as uow:
        rows = uow.orders.queue(status=status, text=text, limit=limit)
    keys = ("number", "status", "customer", "city", "units", "station", "carrier")
    return [dict(zip(keys, row, strict=True)) for row in rows]


def _order(uow: Any, number: str) -> Any:
    order = uow.orders.by_number(number)
    if order is None:
        raise NotFound(f"no order {number}", code="order.not_found", number=number)
    return order


def show_order(uow_factory: UowFactory, number: str) -> dict[str, Any]:
    with uow_factory() as uow:
        return order_document(uow, _order(uow, number))


def mark_order(uow_factory: UowFactory, number: str, target: str, who: str, station: str, note: str = "") -> str:
    """Set ``delivered`` or ``archived`` from the command line (an admin acting for the carrier feed)."""
    if target not in (Status.DELIVERED, Status.ARCHIVED):
        raise ValueError(f"orders mark takes delivered or archived, not {target}")
    with uow_factory() as uow:
        order = _order(uow, number)
        previous = order.status
        change_status(uow, order, target, actor=Actor.ADMIN, who=who, station=station, note=note)
        uow.commit()
    return previous


def label_documents(uow_factory: UowFactory, number: str, config: StationConfig) -> ShipmentDocuments:
    """The documents of an order: its tracking number if it has one, else the SSCC it would get."""
    with uow_factory() as uow:
        order = _order(uow, number)
        tracking = order.tracking_number or barcodes.sscc18(config.gs1_company_prefix, order.id)
        return shipment_documents(uow, order, config, tracking)


def add_packer(uow_factory: UowFactory, name: str, badge: str) -> None:
    """Add a packer badge; a badge already in use is refused."""
    with uow_factory() as uow:
        if uow.products.packer_by_badge(badge) is not None or uow.orders.by_number(badge) is not None:
            raise DomainError(f"badge {badge} is already in use", code="packer.badge_taken", badge=badge)
        if barcodes.is_command(badge) or uow.products.lookup(barcodes.normalise(badge)) is not None:
            raise DomainError(f"badge {badge} is a command or product barcode", code="packer.badge_taken", badge=badge)
        uow.products.add_packer(name, badge)
        uow.commit()


# What each command barcode does, in the order printed on the bench sheet.
COMMAND_CAPTIONS = (
    ("FINISH", "Finish & print (F12)"),
    ("REMOVED", "Wrong unit removed (F9)"),
    ("HOLD", "Hold: unit missing (F8)"),
    ("RELEASE", "Release order (F7)"),
    ("NEXT", "Next order (F6)"),
    ("LOGOUT", "Log out"),
)


def command_sheet_entries(uow_factory: UowFactory, with_badges: bool) -> list[tuple[str, str]]:
    """(caption, barcode) for every command, then the active packers' badges if asked."""
    entries = [(caption, f"{barcodes.COMMAND_PREFIX}{name}") for name, caption in COMMAND_CAPTIONS]
    if with_badges:
        with uow_factory() as uow:
            entries += [(f"Badge: {name}", badge) for name, badge in uow.products.packer_badges()]
    return entries
