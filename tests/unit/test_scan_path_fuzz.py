"""Hypothesis over the whole scan path: any input gets exactly one outcome, and what the bench
shows is what is stored.

Inputs mix arbitrary Unicode (surrogates, control and blank characters included) with the
things a bench really sees: product barcodes, six-packs, order numbers, slip barcodes, badges,
known and unknown command barcodes, GS1 strings with FNC1, and overlong scans. After every
scan: one outcome, never a software error, storable text, no line counted past what was
ordered, at most one scan event stored, and the snapshot's counts equal the stored ones.
"""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from packstation.domain import barcodes
from packstation.services.bench.commands import Scan
from packstation.services.bench.outcome import Outcome, OutcomeKind
from packstation.services.orders_admin import show_order
from tests.bench_support import BADGE, MUG, MUG_BOX6, SOAP, SPOON, bench_on, order, store_with

MEANINGFUL = st.sampled_from(
    [
        MUG,
        MUG_BOX6,
        SPOON,
        SOAP,
        "PL-1",
        "PL-2",
        "PL-3",
        "ORD-PL-1",
        BADGE,
        "CMD-FINISH",
        "CMD-REMOVED",
        "CMD-RELEASE",
        "CMD-NEXT",
        "CMD-HOLD",
        "CMD-LOGOUT",
        "CMD-OK",
        "CMD-",
        "CMD-UNDO",
        "]C101" + barcodes.normalise(SPOON) + "10LOT7",
        barcodes.GS + "01" + barcodes.normalise(MUG) + barcodes.GS + "21SER",
        "9" * 400,
    ]
)
ANY_TEXT = st.text(st.characters(codec=None, exclude_categories=()), max_size=40)
PADDED = st.tuples(st.sampled_from(["", " ", "\u00a0", "\u3000", "\r\n", "\t"]), MEANINGFUL).map("".join)
SCANS = st.lists(st.one_of(MEANINGFUL, PADDED, ANY_TEXT), min_size=1, max_size=30)
ORDERS = (
    order("PL-1", ("SKU-MUG", 7), ("SKU-SPOON", 2)),
    order("PL-2", ("SKU-SPOON", 1)),
    order("PL-3", ("SKU-MUG", 1)),
)


def check_one(bench, store_counts, scan_events, raw: str) -> Outcome:  # type: ignore[no-untyped-def]
    before = scan_events()
    outcome = bench.handle(Scan(raw))
    assert isinstance(outcome, Outcome), raw
    assert outcome.kind in OutcomeKind and outcome.kind is not OutcomeKind.ERROR, (raw, outcome)
    outcome.raw.encode("utf-8")  # storable and printable whatever came in
    assert scan_events() - before <= 1, raw
    if outcome.order is not None:
        stored = store_counts(outcome.order.number)
        shown = [(line.sku, line.scanned, line.required) for line in outcome.order.lines]
        assert shown == stored, (raw, shown, stored)
        assert all(scanned <= required for _, scanned, required in shown)
    return outcome


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(scans=SCANS)
def test_any_scan_sequence_in_memory(tmp_path_factory, scans: list[str]) -> None:  # type: ignore[no-untyped-def]
    store = store_with(*ORDERS)
    bench = bench_on(store, tmp_path_factory.mktemp("fuzz"))

    def counts(number: str) -> list[tuple[str, int, int]]:
        return [(ln["sku"], ln["scanned"], ln["quantity"]) for ln in show_order(store.unit_of_work, number)["lines"]]

    for raw in scans:
        check_one(bench, counts, lambda: len(store.tables.scans), raw)
