"""A bench on the in-memory store: the real handlers, no database (not a test module)."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from packstation import bootstrap
from packstation.adapters.memory import MemoryStore
from packstation.config import Config
from packstation.domain import barcodes
from packstation.domain.records import Address, ImportBatch, OrderLineRecord, OrderRecord, PackRecord, ProductRecord
from packstation.domain.settings import LOGIN_REQUIRED
from packstation.services.bench.bench import Bench
from packstation.services.bench.commands import OpenOrder
from packstation.services.bench.outcome import OrderSnapshot
from packstation.services.importing import import_batch
from packstation.services.settings import set_setting
from packstation.services.users import add_user

MUG = barcodes.with_check_digit("590123400001")
MUG_BOX6 = barcodes.with_check_digit("1590123400001")
SPOON = barcodes.with_check_digit("590123400002")
SOAP = barcodes.with_check_digit("590123400003")  # on no order
BADGE, PACKER = "PKR-0001", "Anna Kowalska"
PRODUCTS = (
    ProductRecord("SKU-MUG", "Kubek „Żubr”", (MUG,), (PackRecord(MUG_BOX6, 6),), Decimal("0.350"), "A-01-1"),
    ProductRecord("SKU-SPOON", "Łyżka drewniana", (SPOON,), (), Decimal("0.040"), "B-02-3"),
    ProductRecord("SKU-SOAP", "Mydło szare", (SOAP,), (), Decimal("0.100"), "C-03-2"),
)


def order(number: str, *lines: tuple[str, int], status: str = "new") -> OrderRecord:
    return OrderRecord(
        external_id=f"ext-{number}",
        number=number,
        source="test",
        customer_name="Zofia Wójcik",
        address=Address("Zofia Wójcik", "ul. Żeromskiego 12/4", "90-710", "Łódź"),
        lines=tuple(OrderLineRecord(sku, qty) for sku, qty in lines),
        carrier="InPost",
        status=status,
    )


def store_with(*orders: OrderRecord) -> MemoryStore:
    store = MemoryStore()
    import_batch(store.unit_of_work, ImportBatch(products=PRODUCTS, orders=orders), "test")
    add_user(store.unit_of_work, PACKER, BADGE)
    # These benches test packing, not people: like a demo database, a scan counts without a login.
    set_setting(store.unit_of_work, LOGIN_REQUIRED, "off")
    return store


def bench_on(store: MemoryStore, home: Path, station: str = "bench-1", **settings: object) -> Bench:
    """A bench with the real renderers and a folder printer under ``home``."""
    config = Config(db_url="memory:", station=station, print_to=home / "printed")
    for key, value in settings.items():
        setattr(config, key, value)
    return Bench(config, store.unit_of_work, bootstrap.documents(), bootstrap.printers())


def opened(bench: Bench, number: str) -> OrderSnapshot:
    outcome = bench.handle(OpenOrder(number))
    assert outcome is not None and outcome.kind == "order_opened" and outcome.order is not None, outcome
    return outcome.order
