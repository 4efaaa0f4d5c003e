"""What a use case needs to know about the station it runs on, and the ports it talks through."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

from packstation.domain.records import Address, ShipmentDocuments


class UnitOfWork(Protocol):
    """Implemented by ``adapters.db.unit_of_work.SqlUnitOfWork``."""

    orders: Any
    products: Any
    journal: Any

    def __enter__(self) -> UnitOfWork: ...
    def __exit__(self, *exc: object) -> bool | None: ...
    def commit(self) -> None: ...
    def flush(self) -> None: ...
    def refresh(self, obj: object) -> None: ...


UowFactory = Callable[[], UnitOfWork]


class Printer(Protocol):
    """Implemented by the printer back-ends in ``adapters.printers``."""

    @property
    def name(self) -> str: ...
    def print_document(self, title: str, data: bytes, kind: str) -> str | Path: ...


@dataclass(frozen=True)
class DocumentRenderers:
    """The label and slip renderers (``adapters.labels``), injected so services stay pure of reportlab."""

    shipping_label: Callable[[ShipmentDocuments], bytes]
    packing_slip: Callable[[ShipmentDocuments], bytes]


@dataclass
class StationConfig:
    """Per-bench settings (see ``packstation.config``)."""

    station: str = "station-1"
    claim_ttl_seconds: int = 300
    gs1_company_prefix: str = "5901234"
    sender: Address = field(
        default_factory=lambda: Address(
            name="Packstation Demo Sp. z o.o.",
            street="ul. Magazynowa 1",
            postal_code="00-001",
            city="Warszawa",
            country="PL",
            phone="+48 22 000 00 00",
        )
    )
    documents_dir: Path = Path(".")
    auto_next: bool = True
