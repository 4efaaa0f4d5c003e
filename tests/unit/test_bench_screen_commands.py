"""The bench commands behind the screen: UNDO, finishing on the last unit, hold reasons, naming units.

On the in-memory store with the real handlers (``tests/bench_support.py``); the same rules run
on SQLite and PostgreSQL in ``tests/integration/test_screen_storage.py``.
"""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from packstation.domain import barcodes
from packstation.services.bench.commands import (
    SCANNED,
    Acknowledge,
    AutoFinish,
    ConfirmRemoved,
    Finish,
    Heartbeat,
    Login,
    Scan,
    Undo,
)
from packstation.services.bench.outcome import Outcome, Tone
from packstation.services.orders_admin import command_sheet_entries, show_order
from tests.bench_support import BADGE, MUG, MUG_BOX6, SOAP, SPOON, bench_on, opened, order, store_with


@pytest.fixture
def store():  # type: ignore[no-untyped-def]
    return store_with(
        order("PL-10010", ("SKU-MUG", 7), ("SKU-SPOON", 1)),
        order("PL-10020", ("SKU-SPOON", 1)),
        order("DE-77123", ("SKU-SPOON", 2)),
        order("CZ-77123", ("SKU-SPOON", 2)),
    )


@pytest.fixture
def bench(store, tmp_path: Path):  # type: ignore[no-untyped-def]
    return bench_on(store, tmp_path)


def run(bench, command) -> Outcome:  # type: ignore[no-untyped-def]
    result = bench.handle(command)
    assert result is not None, command
    return result


def run_due(bench) -> Outcome | None:  # type: ignore[no-untyped-def]
    """What the worker does when the scheduled moment has come."""
    due = bench.due()
    assert due is not None, "nothing scheduled"
    return bench.handle(due.command)


# --------------------------------------------------------------------------- UNDO


def test_undo_voids_the_last_counted_scan_and_keeps_it_in_the_audit_trail(bench, store) -> None:  # type: ignore[no-untyped-def]
    opened(bench, "PL-10010")
    bench.scan(MUG)
    bench.scan(MUG_BOX6)
    undone = run(bench, Scan("CMD-UNDO"))
    assert (undone.kind, undone.tone, undone.params["quantity"], undone.params["scanned"]) == (
        "undone",
        Tone.INFO,
        6,
        1,
    )
    assert undone.params["name"] == "Kubek „Żubr”" and undone.order.lines[0].scanned == 1
    doc = show_order(store.unit_of_work, "PL-10010")
    assert doc["lines"][0]["scanned"] == 1
    assert [(s["raw"], s["verdict"], s["voided"]) for s in doc["scans"]] == [
        (MUG, "accepted", False),
        (MUG_BOX6, "accepted", True),  # kept, marked voided
        ("CMD-UNDO", "command", False),
    ]
    again = run(bench, Undo())
    assert (again.params["scanned"], again.order.lines[0].scanned) == (0, 0)
    assert run(bench, Undo()).code == "undo.nothing"


def test_undo_of_a_wrong_unit_takes_its_mismatch_back(bench, store) -> None:  # type: ignore[no-untyped-def]
    opened(bench, "PL-10010")
    wrong = bench.scan(SOAP)
    assert wrong.order.state.open_mismatches == 1 and wrong.order.mismatches[0].name == "Mydło szare"
    undone = run(bench, Undo())
    assert (undone.params["verdict"], undone.params["name"], undone.params["open_mismatches"]) == (
        "wrong_item",
        "Mydło szare",
        0,
    )
    assert undone.order.mismatches == () and undone.order.state.open_mismatches == 0
    mismatch = show_order(store.unit_of_work, "PL-10010")["mismatches"][0]
    assert mismatch["voided"] and not mismatch["resolved"]


def test_undo_needs_an_open_order(bench) -> None:  # type: ignore[no-untyped-def]
    refused = run(bench, Undo())
    assert (refused.code, refused.params["name"], refused.stored) == ("command.no_order", "UNDO", False)


# --------------------------------------------------------------------------- finish on the last unit


def test_the_last_unit_finishes_the_order_after_the_moment(bench, store) -> None:  # type: ignore[no-untyped-def]
    opened(bench, "PL-10020")
    before = time.monotonic()
    last = bench.scan(SPOON)
    assert (last.kind, last.tone, last.code) == ("accepted", Tone.GOOD, "scan.complete")
    assert (last.params["units"], last.params["finish_in_ms"]) == (1, 1500)
    due = bench.due()
    assert due is not None and isinstance(due.command, AutoFinish)
    assert before + 1.5 <= due.at <= time.monotonic() + 1.5
    shipped = run_due(bench)
    assert shipped is not None and (shipped.kind, shipped.params["number"]) == ("shipped", "PL-10020")
    assert show_order(store.unit_of_work, "PL-10020")["status"] == "shipped"
    assert bench.due() is None


def test_undo_in_the_moment_keeps_the_order_open(bench, store) -> None:  # type: ignore[no-untyped-def]
    opened(bench, "PL-10020")
    bench.scan(SPOON)
    stale = bench.due()
    kept = run(bench, Scan("CMD-UNDO"))
    assert (kept.code, kept.params["number"], kept.order.lines[0].scanned) == ("finish.kept_open", "PL-10020", 1)
    assert bench.due() is None and bench.handle(stale.command) is None  # the moment passes: nothing happens
    assert show_order(store.unit_of_work, "PL-10020")["status"] == "packing"
    assert run(bench, Finish()).kind == "shipped"  # FINISH / F12 as ever


def test_a_scan_in_the_moment_replaces_the_finish(bench, store) -> None:  # type: ignore[no-untyped-def]
    opened(bench, "PL-10020")
    bench.scan(SPOON)
    stale = bench.due()
    assert bench.scan(SPOON).kind == "over_scan"  # one too many: the box is not right any more
    assert bench.due() is None and bench.handle(stale.command) is None
    # Taking the extra unit out makes the order right again: the moment starts anew.
    removed = run(bench, ConfirmRemoved())
    assert (removed.kind, removed.params["finish_in_ms"]) == ("removed", 1500)
    assert run_due(bench).kind == "shipped"  # type: ignore[union-attr]


def test_a_badge_scan_in_the_moment_does_not_stop_it(bench) -> None:  # type: ignore[no-untyped-def]
    opened(bench, "PL-10020")
    bench.scan(SPOON)
    assert run(bench, Login(BADGE)).kind == "login"
    assert run_due(bench).kind == "shipped"  # type: ignore[union-attr]


def test_with_the_setting_off_finish_stays_a_scan_or_key(store, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    bench = bench_on(store, tmp_path, finish_on_last_unit=False)
    opened(bench, "PL-10020")
    last = bench.scan(SPOON)
    assert (last.kind, last.code, last.params["finish_in_ms"]) == ("accepted", "scan.complete", 0)
    assert bench.due() is None
    assert run(bench, Finish()).kind == "shipped"


def test_complete_with_a_wrong_unit_in_the_box_is_not_finishable(bench) -> None:  # type: ignore[no-untyped-def]
    opened(bench, "PL-10020")
    bench.scan(SOAP)
    last = bench.scan(SPOON)
    assert last.code == "scan.accepted" and last.order.state.complete and bench.due() is None
    refused = run(bench, Finish())
    assert (refused.code, refused.params["remove_name"], refused.params["open_mismatches"]) == (
        "order.not_finishable",
        "Mydło szare",
        1,
    )


def test_finish_names_the_line_still_missing(bench) -> None:  # type: ignore[no-untyped-def]
    opened(bench, "PL-10010")
    bench.scan(MUG_BOX6)
    refused = run(bench, Finish())
    assert (refused.code, refused.params["missing"], refused.params["lines_missing"]) == ("order.not_finishable", 2, 2)
    assert (refused.params["name"], refused.params["remaining"]) == ("Kubek „Żubr”", 1)


# --------------------------------------------------------------------------- hold reasons


def test_hold_asks_for_a_reason_then_a_reason_barcode_holds(bench, store) -> None:  # type: ignore[no-untyped-def]
    opened(bench, "PL-10010")
    bench.scan(MUG)
    asked = run(bench, Scan("CMD-HOLD"))
    assert (asked.kind, asked.code, asked.stored, asked.order.number) == (
        "hold_asked",
        "hold.choose_reason",
        False,
        "PL-10010",
    )
    assert show_order(store.unit_of_work, "PL-10010")["status"] == "packing"
    held = run(bench, Scan("CMD-HOLD-DAMAGED"))
    assert (held.kind, held.params["reason"], held.order) == ("held", "damaged_unit", None)
    assert show_order(store.unit_of_work, "PL-10010")["history"][-1]["note"] == "damaged_unit"


@pytest.mark.parametrize(
    ("barcode", "reason"),
    [
        ("CMD-HOLD-MISSING", "missing_unit"),
        ("CMD-HOLD-DAMAGED", "damaged_unit"),
        ("CMD-HOLD-ADDRESS", "wrong_address"),
        ("CMD-HOLD-OTHER", "other"),
    ],
)
def test_every_reason_barcode(bench, barcode: str, reason: str) -> None:  # type: ignore[no-untyped-def]
    opened(bench, "PL-10020")
    assert run(bench, Scan(barcode)).params["reason"] == reason


def test_the_command_sheet_carries_undo_and_the_hold_reasons(store) -> None:  # type: ignore[no-untyped-def]
    codes = [code for _what, code in command_sheet_entries(store.unit_of_work, with_badges=False)]
    for name in ("UNDO", "HOLD", "HOLD-MISSING", "HOLD-DAMAGED", "HOLD-ADDRESS", "HOLD-OTHER"):
        assert f"CMD-{name}" in codes and name in SCANNED


# --------------------------------------------------------------------------- naming units


def test_an_unknown_barcode_is_named_as_scanned_not_as_its_gtin(bench) -> None:  # type: ignore[no-untyped-def]
    opened(bench, "PL-10010")
    unknown = bench.scan("4006381333931")
    assert (unknown.kind, unknown.params["barcode"]) == ("unknown_barcode", "4006381333931")
    assert unknown.order.mismatches[0].code == "4006381333931"


def test_recent_scans_and_the_snapshot_carry_product_names(bench) -> None:  # type: ignore[no-untyped-def]
    opened(bench, "PL-10010")
    bench.scan(MUG_BOX6)
    bench.scan(SOAP)
    shown = bench.scan(SPOON)
    assert [(s.name, s.quantity) for s in shown.order.recent[:3]] == [
        ("Łyżka drewniana", 1),
        ("Mydło szare", 0),
        ("Kubek „Żubr”", 6),
    ]
    # The same, read back from storage (a restarted bench).
    again = opened(bench_on_same(bench), "PL-10010")
    assert [s.name for s in again.recent[:3]] == ["Łyżka drewniana", "Mydło szare", "Kubek „Żubr”"]
    assert [(m.kind, m.name) for m in again.mismatches] == [("wrong_item", "Mydło szare")]


def bench_on_same(bench):  # type: ignore[no-untyped-def]
    from packstation.services.bench.bench import Bench

    ctx = bench._ctx
    return Bench(ctx.config, ctx.uow, ctx.documents, ctx.printers, ctx.scale)


# --------------------------------------------------------------------------- orders by their digits


def test_a_bare_number_opens_the_one_order_with_those_digits(bench) -> None:  # type: ignore[no-untyped-def]
    opened_by_digits = run(bench, Scan("10010"))
    assert (opened_by_digits.kind, opened_by_digits.params["number"]) == ("order_opened", "PL-10010")


def test_digits_of_two_orders_open_neither(bench) -> None:  # type: ignore[no-untyped-def]
    assert run(bench, Scan("77123")).code == "scan.unknown_no_order"
    assert run(bench, Scan("10")).code == "scan.unknown_no_order"  # too short to mean an order


def test_numbers_with_digits_on_the_memory_store(store) -> None:  # type: ignore[no-untyped-def]
    with store.unit_of_work() as uow:
        assert uow.orders.numbers_with_digits("10010") == ("PL-10010",)
        assert uow.orders.numbers_with_digits("77123") == ("DE-77123", "CZ-77123")
        assert uow.orders.numbers_with_digits("1001") == ()
        assert uow.orders.numbers_with_digits("PL") == ()


# --------------------------------------------------------------------------- shop cancellation


def test_a_cancellation_stays_announced_until_cmd_ok(bench, store) -> None:  # type: ignore[no-untyped-def]
    from packstation.domain.records import ImportBatch
    from packstation.services.importing import import_batch

    opened(bench, "PL-10010")
    cancelled = order("PL-10010", ("SKU-MUG", 7), ("SKU-SPOON", 1), status="cancelled")
    import_batch(store.unit_of_work, ImportBatch(orders=(cancelled,)), "t")
    assert run(bench, Heartbeat()).code == "order.cancelled_by_shop"
    seen = run(bench, Scan("CMD-OK"))
    assert (seen.code, seen.params["number"]) == ("order.cancellation_seen", "PL-10010")
    assert run(bench, Acknowledge()).code == "command.no_order"  # seen once is enough


def test_barcodes_module_knows_the_new_commands() -> None:
    assert barcodes.command_name("cmd-hold-missing") == "HOLD-MISSING"
