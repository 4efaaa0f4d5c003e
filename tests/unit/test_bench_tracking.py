"""Lots, expiry dates, serials and counts through the real Scan handler, on the in-memory store.

The same rules run on SQLite and PostgreSQL in tests/integration/test_unit_serials.py, where the
database's unique constraint on (GTIN, serial) is proved too.
"""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

import pytest

from packstation.domain import barcodes
from packstation.domain.benches import BenchIdentity
from packstation.domain.records import ImportBatch, ProductRecord
from packstation.domain.status import Actor
from packstation.services.bench.commands import ConfirmRemoved, Release, Scan
from packstation.services.bench.outcome import OutcomeKind, Tone
from packstation.services.claims import release_order
from packstation.services.importing import import_batch
from packstation.services.orders_admin import show_order
from tests.bench_support import PRODUCTS, bench_on, opened, order, store_with

GS = barcodes.GS
SYRUP = barcodes.with_check_digit("590123400010")  # serial-tracked
HONEY = barcodes.with_check_digit("590123400011")  # lot-tracked
MUG = barcodes.with_check_digit("590123400001")  # not tracked (tests/bench_support.py)
TRACKED = (
    ProductRecord("SKU-SYRUP", "Syrop", (SYRUP,), (), Decimal("0.150"), "D-01", tracking="serial"),
    ProductRecord("SKU-HONEY", "Miód", (HONEY,), (), Decimal("0.400"), "D-02", tracking="lot"),
)


def gs1(ean: str, *, lot: str = "", serial: str = "", expiry: date | None = None, count: int = 0) -> str:
    """A GS1 DataMatrix scan with AIM identifier: (01) GTIN, then (17), (10), (21), (30) as given."""
    text = "]d2" + "01" + barcodes.normalise(ean)
    if expiry:
        text += "17" + expiry.strftime("%y%m%d")
    for ai, value in (("10", lot), ("21", serial), ("30", str(count) if count else "")):
        if value:
            text += ai + value + GS
    return text.rstrip(GS)


@pytest.fixture
def store():  # type: ignore[no-untyped-def]
    s = store_with()
    orders = (order("PL-1", ("SKU-SYRUP", 2), ("SKU-HONEY", 1), ("SKU-MUG", 12)), order("PL-2", ("SKU-SYRUP", 1)))
    import_batch(s.unit_of_work, ImportBatch(products=PRODUCTS + TRACKED, orders=orders), "test")
    return s


def test_serial_tracked_units_are_captured_one_per_scan(store, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    bench = bench_on(store, tmp_path)
    opened(bench, "PL-1")
    missing = bench.scan(SYRUP)
    assert (missing.kind, missing.code, missing.tone) == (OutcomeKind.TRACKING_MISSING, "scan.serial_missing", Tone.BAD)
    first = bench.scan(gs1(SYRUP, serial="S-001"))
    assert first.kind is OutcomeKind.ACCEPTED and first.params["serial"] == "S-001"
    again = bench.scan(gs1(SYRUP, serial="S-001"))
    assert (again.kind, again.params["order"]) == (OutcomeKind.ALREADY_COUNTED, "PL-1")
    many = bench.scan(gs1(SYRUP, serial="S-002", count=2))
    assert many.code == "scan.serial_per_unit"
    assert bench.scan(gs1(SYRUP, serial="S-002")).kind is OutcomeKind.ACCEPTED
    assert again.order is not None and again.order.state.open_mismatches == 0, "nothing to take out"
    doc = show_order(store.unit_of_work, "PL-1")
    assert [line["scanned"] for line in doc["lines"]] == [2, 0, 0]
    assert set(store.tables.serials) == {(barcodes.normalise(SYRUP), "S-001"), (barcodes.normalise(SYRUP), "S-002")}


def test_a_serial_packed_in_another_order_is_a_duplicate_until_that_order_is_released(store, tmp_path):  # type: ignore[no-untyped-def]
    one, two = bench_on(store, tmp_path / "a", "bench-1"), bench_on(store, tmp_path / "b", "bench-2")
    opened(one, "PL-1")
    assert one.scan(gs1(SYRUP, serial="S-9")).kind is OutcomeKind.ACCEPTED
    opened(two, "PL-2")
    duplicate = two.scan(gs1(SYRUP, serial="S-9"))
    assert (duplicate.kind, duplicate.params["order"], duplicate.params["serial"]) == (
        OutcomeKind.DUPLICATE_SERIAL,
        "PL-1",
        "S-9",
    )
    assert duplicate.order is not None and duplicate.order.state.open_mismatches == 1, "it must come out"
    assert two.handle(ConfirmRemoved()).kind is OutcomeKind.REMOVED
    with store.unit_of_work() as uow:  # PL-1 given back to the queue: scans voided, serials freed
        held = uow.orders.by_number("PL-1")
        assert held is not None and held.claim_bench is not None and held.claim_station is not None
        release_order(uow, held, BenchIdentity(held.claim_bench, held.claim_station), "supervisor", Actor.SUPERVISOR)
        uow.commit()
    assert two.scan(gs1(SYRUP, serial="S-9")).kind is OutcomeKind.ACCEPTED


def test_lot_tracking_and_expiry_margin(store, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    bench = bench_on(store, tmp_path, expiry_margin_days=30)
    opened(bench, "PL-1")
    today = date.today()
    assert bench.scan(HONEY).code == "scan.lot_missing"
    soon = bench.scan(gs1(HONEY, lot="L7", expiry=today + timedelta(days=29)))
    assert (soon.kind, soon.params["days_left"], soon.params["lot"]) == (OutcomeKind.EXPIRED, 29, "L7")
    assert soon.order is not None and soon.order.state.open_mismatches == 1
    bench.handle(ConfirmRemoved())
    fine = bench.scan(gs1(HONEY, lot="L8", expiry=today + timedelta(days=30)))
    assert fine.kind is OutcomeKind.ACCEPTED and fine.params["lot"] == "L8"
    expired = bench.scan(gs1(MUG, expiry=today - timedelta(days=1)))
    assert expired.kind is OutcomeKind.EXPIRED, "an untracked product's expiry date counts too"
    events = show_order(store.unit_of_work, "PL-1")["scans"]
    assert [(s["verdict"], s["lot"], s["expiry"]) for s in events if s["lot"] or s["expiry"]] == [
        ("expired", "L7", (today + timedelta(days=29)).isoformat()),
        ("accepted", "L8", (today + timedelta(days=30)).isoformat()),
        ("expired", None, (today - timedelta(days=1)).isoformat()),
    ]
    assert {s["symbology"] for s in events if s["lot"]} == {"]d2"}


def test_counts_of_30_and_37_count_that_many_units(store, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    bench = bench_on(store, tmp_path)
    opened(bench, "PL-1")
    six = bench.scan(gs1(MUG, count=6))
    assert (six.kind, six.params["quantity"]) == (OutcomeKind.ACCEPTED, 6)
    contained = "]C1" + "00" + barcodes.sscc18("5901234", 77) + "02" + barcodes.normalise(MUG) + "37" + "6"
    assert bench.scan(contained).params["scanned"] == 12
    assert bench.scan(gs1(MUG, count=1)).kind is OutcomeKind.OVER_SCAN


def test_an_sscc_is_recognised_and_counts_nothing(store, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    bench = bench_on(store, tmp_path)
    opened(bench, "PL-1")
    sscc = barcodes.sscc18("5901234", 4711)
    result = bench.handle(Scan("]C100" + sscc))
    assert result is not None and (result.kind, result.params["sscc"], result.tone) == (
        OutcomeKind.LOGISTIC_UNIT,
        sscc,
        Tone.INFO,
    )
    assert result.order is not None and result.order.state.open_mismatches == 0
    assert bench.handle(Release()).kind is OutcomeKind.RELEASED, "an SSCC is no activity on the order"


def test_a_damaged_gs1_code_is_rejected_and_stored(store, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    bench = bench_on(store, tmp_path)
    opened(bench, "PL-1")
    result = bench.scan("]d2" + "01" + barcodes.normalise(SYRUP)[:-1] + "0" + "21X")
    assert (result.kind, result.code) == (OutcomeKind.INVALID_SCAN, "scan.gs1_invalid")
    assert "check digit" in str(result.params["detail"])
    assert show_order(store.unit_of_work, "PL-1")["scans"][-1]["verdict"] == "invalid_scan"
