"""Shared by the integration tests: a small, known catalogue and helpers to start an app.

Not a test module (no ``test_`` prefix). It imports nothing from pytest, so processes
started with the multiprocessing "spawn" context can import it too.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta
from decimal import Decimal
from pathlib import Path

from packstation import bootstrap, config
from packstation.domain import barcodes
from packstation.domain.clock import utcnow
from packstation.domain.records import Address, ImportBatch, OrderLineRecord, OrderRecord, PackRecord, ProductRecord
from packstation.domain.settings import LOGIN_REQUIRED
from packstation.services.bench.bench import Bench
from packstation.services.bench.commands import OpenOrder
from packstation.services.bench.outcome import OrderSnapshot
from packstation.services.settings import set_setting, shared_settings

MUG_EAN = barcodes.with_check_digit("590123400001")  # EAN-13
MUG_BOX6 = barcodes.with_check_digit("1590123400001")  # GTIN-14 of an inner box of 6 mugs
SPOON_UPC = barcodes.with_check_digit("03600029145")  # UPC-A
SOAP_EAN = barcodes.with_check_digit("590123400003")  # a product that is on no order
BADGE = "PKR-0001"
PACKER = "Anna Kowalska"

PRODUCTS = (
    ProductRecord(
        "SKU-MUG", "Kubek ceramiczny „Żubr”", (MUG_EAN,), (PackRecord(MUG_BOX6, 6),), Decimal("0.350"), "A-01-1"
    ),
    ProductRecord("SKU-SPOON", "Łyżka drewniana", (SPOON_UPC,), (), Decimal("0.040"), "B-02-3"),
    ProductRecord("SKU-SOAP", "Mydło szare", (SOAP_EAN,), (), Decimal("0.100"), "C-03-2"),
)


def order(
    number: str,
    *lines: tuple[str, int],
    tracking: str = "",
    status: str = "new",
    customer: str = "Zofia Wójcik",
    payment: str = "prepaid",
) -> OrderRecord:
    return OrderRecord(
        external_id=f"ext-{number}",
        number=number,
        source="test",
        customer_name=customer,
        address=Address(customer, "ul. Żeromskiego 12/4", "90-710", "Łódź", "PL"),
        lines=tuple(OrderLineRecord(sku, qty) for sku, qty in lines),
        email="zofia@example.pl",
        phone="+48 600 100 200",
        carrier="InPost",
        service="Kurier",
        payment=payment,
        cod_amount=Decimal("123.45") if payment == "cod" else None,
        tracking_number=tracking,
        status=status,
    )


def batch(*orders: OrderRecord) -> ImportBatch:
    return ImportBatch(products=PRODUCTS, orders=tuple(orders))


def simple_orders(count: int, prefix: str = "RACE") -> ImportBatch:
    """``count`` one-line orders numbered ``<prefix>-0001``…"""
    return batch(*(order(f"{prefix}-{i:04d}", ("SKU-MUG", 1)) for i in range(1, count + 1)))


def make_app(
    db_url: str, station: str = "bench-1", print_to: Path | None = None, migrate: bool = True, **overrides: object
) -> bootstrap.App:
    """Bootstrap the real app (migrating the database unless told not to) for one station.

    These benches test packing, not people: like a demo database, a scan counts without a login
    (tests/integration/test_people.py tests the login rule).
    """
    cfg = config.load(db_url=db_url, station=station, print_to=str(print_to) if print_to else None)
    for key, value in overrides.items():
        setattr(cfg, key, value)
    app = bootstrap.bootstrap(cfg, migrate=migrate)
    if migrate and shared_settings(app.uow).login_required:  # (read first: the database may be read-only)
        set_setting(app.uow, LOGIN_REQUIRED, "off")
    return app


def open_order(bench: Bench, number: str) -> OrderSnapshot:
    """Open ``number`` at ``bench`` through its command; fails the test if refused."""
    outcome = bench.handle(OpenOrder(number))
    assert outcome is not None and outcome.kind == "order_opened" and outcome.order is not None, outcome
    return outcome.order


def age_claim(app: bootstrap.App, number: str, seconds: float) -> None:
    """Make the claim on ``number`` look ``seconds`` old, as if its bench had gone silent."""
    from sqlalchemy import update

    from packstation.adapters.db.models import Order

    with app.engine.begin() as conn:
        stmt = update(Order).where(Order.number == number)
        conn.execute(stmt.values(claim_heartbeat=utcnow() - timedelta(seconds=seconds)))


def with_lines(record: OrderRecord, *lines: tuple[str, int]) -> OrderRecord:
    return replace(record, lines=tuple(OrderLineRecord(sku, qty) for sku, qty in lines))


def race_worker(db_url: str, station: str, numbers: list[str], barrier, results) -> None:  # type: ignore[no-untyped-def]
    """One of two benches racing to open the same orders (run in a spawned process).

    Before each round both wait on ``barrier`` so their claims hit the database together.
    Puts ``(station, [(number, outcome, holder), ...])`` on ``results``; ``outcome`` is
    ``won``, ``claimed`` (``holder`` is the station the error named) or ``error: …``.
    """
    rounds: list[tuple[str, str, str]] = []
    app = None
    try:
        app = make_app(db_url, station)
        for number in numbers:
            barrier.wait(timeout=60)
            # A fresh bench each round: one with an order open would swap it out first.
            outcome = app.bench().handle(OpenOrder(number))
            assert outcome is not None
            if outcome.kind == "order_opened":
                rounds.append((number, "won", station))
            elif outcome.code == "order.claimed_elsewhere":
                rounds.append((number, "claimed", str(outcome.params.get("station"))))
            else:
                rounds.append((number, f"error: {outcome.kind} {outcome.code} {dict(outcome.params)}", ""))
    except Exception as error:  # noqa: BLE001
        rounds.append(("", f"error: {type(error).__name__}: {error}", ""))
        barrier.abort()
    finally:
        if app is not None:
            app.dispose()
        results.put((station, rounds))


def next_worker(db_url: str, bench_id: str, station: str, barrier, results) -> None:  # type: ignore[no-untyped-def]
    """One bench pressing NEXT at the same moment as the others (run in a spawned process).

    Puts ``(station, kind, number)`` on ``results``.
    """
    import os

    from packstation.services.bench.commands import NextOrder

    os.environ["PACKSTATION_BENCH_ID"] = bench_id
    app = None
    try:
        app = make_app(db_url, station)
        bench = app.bench()
        barrier.wait(timeout=120)
        outcome = bench.handle(NextOrder())
        assert outcome is not None
        results.put((station, str(outcome.kind), outcome.params.get("number")))
    except Exception as error:  # noqa: BLE001 - reported to the test
        results.put((station, f"error: {type(error).__name__}: {error}", None))
        barrier.abort()
    finally:
        if app is not None:
            app.dispose()


def bench_process(db_url: str, bench_id: str, station: str, number: str, units: int) -> None:
    """A bench in its own process: open ``number``, scan ``units`` mugs, say READY, then wait to be killed."""
    import os
    import sys
    import time

    os.environ["PACKSTATION_BENCH_ID"] = bench_id
    app = make_app(db_url, station)
    bench = app.bench()
    open_order(bench, number)
    for _ in range(units):
        assert bench.scan(MUG_EAN).kind == "accepted"
    print("READY", flush=True)
    sys.stdout.flush()
    time.sleep(3600)
