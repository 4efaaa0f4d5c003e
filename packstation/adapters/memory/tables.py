"""The in-memory tables: frozen records in dicts, copied (shallowly) per transaction."""

from __future__ import annotations

from dataclasses import dataclass, field, fields, replace

from packstation.domain.benches import BenchRecord
from packstation.domain.journal import (
    MismatchRecord,
    OrderChange,
    PackSession,
    ParcelRecord,
    ScanRecord,
    StatusChange,
)
from packstation.domain.orders import Order, Product
from packstation.domain.parcels import Carton
from packstation.domain.printing import PrintEvent, PrintJob
from packstation.domain.records import CarrierLabel
from packstation.domain.reports import FinishedOrder
from packstation.domain.supervision import Cancellation, SupervisorAction
from packstation.domain.users import User


@dataclass
class Tables:
    """One database's worth of records. Records are frozen, so a transaction copies only the containers."""

    orders: dict[int, Order] = field(default_factory=dict)
    line_owner: dict[int, int] = field(default_factory=dict)  # line id -> order id
    products: dict[str, Product] = field(default_factory=dict)
    barcodes: dict[str, tuple[str, int]] = field(default_factory=dict)  # code -> (sku, units)
    users: dict[str, User] = field(default_factory=dict)  # badge -> user
    pin_hashes: dict[str, str] = field(default_factory=dict)  # badge -> scrypt hash
    settings: dict[str, str] = field(default_factory=dict)
    cancellations: dict[int, Cancellation] = field(default_factory=dict)  # order id -> cancellation
    supervisor_actions: dict[int, SupervisorAction] = field(default_factory=dict)
    packed: list[FinishedOrder] = field(default_factory=list)
    scans: dict[int, ScanRecord] = field(default_factory=dict)
    mismatches: dict[int, MismatchRecord] = field(default_factory=dict)
    sessions: dict[int, PackSession] = field(default_factory=dict)
    parcels: list[ParcelRecord] = field(default_factory=list)
    status_changes: list[StatusChange] = field(default_factory=list)
    order_changes: list[OrderChange] = field(default_factory=list)
    benches: dict[str, BenchRecord] = field(default_factory=dict)  # station name -> holder
    print_jobs: dict[int, PrintJob] = field(default_factory=dict)
    print_documents: dict[int, bytes] = field(default_factory=dict)
    print_events: list[PrintEvent] = field(default_factory=list)
    serials: dict[tuple[str, str], int] = field(default_factory=dict)  # (gtin, serial) -> order id
    cartons: dict[str, Carton] = field(default_factory=dict)  # name -> carton
    carrier_labels: dict[int, CarrierLabel] = field(default_factory=dict)  # order id -> its carrier's label
    last_id: int = 0

    def next_id(self) -> int:
        self.last_id += 1
        return self.last_id

    def copy(self) -> Tables:
        """A working copy for one transaction."""
        tables = replace(self)
        for f in fields(tables):
            value = getattr(tables, f.name)
            if isinstance(value, (dict, list)):
                setattr(tables, f.name, value.copy())
        return tables
