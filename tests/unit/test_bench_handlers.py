"""Every bench command through its handler, on the in-memory store: no database, real rules.

One test (or more) per command; the registry test proves no command is without a handler.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from packstation.domain.clock import utcnow
from packstation.domain.journal import OrderChange
from packstation.services.bench import commands
from packstation.services.bench.commands import (
    Acknowledge,
    ConfirmRemoved,
    Finish,
    Heartbeat,
    Hold,
    Login,
    Logout,
    NextOrder,
    OpenOrder,
    Refresh,
    Release,
    Resume,
    Scan,
)
from packstation.services.bench.outcome import Outcome, OutcomeKind, Tone
from packstation.services.bench.registry import HANDLERS
from packstation.services.orders_admin import show_order
from tests.bench_support import (
    BADGE,
    MUG,
    MUG_BOX6,
    PACKER,
    SOAP,
    SPOON,
    bench_on,
    opened,
    order,
    store_with,
)


@pytest.fixture
def store():  # type: ignore[no-untyped-def]
    return store_with(order("PL-1", ("SKU-MUG", 7), ("SKU-SPOON", 1)), order("PL-2", ("SKU-SPOON", 1)))


@pytest.fixture
def bench(store, tmp_path: Path):  # type: ignore[no-untyped-def]
    return bench_on(store, tmp_path)


def run(bench, command: commands.Command) -> Outcome:  # type: ignore[no-untyped-def]
    outcome = bench.handle(command)
    assert outcome is not None, command
    return outcome


def test_every_command_has_exactly_one_handler() -> None:
    defined = {c for c in vars(commands).values() if isinstance(c, type) and issubclass(c, commands.Command)}
    assert set(HANDLERS) == defined - {commands.Command}
    assert all(type(c) in HANDLERS for c in commands.SCANNED.values())
    for command in defined - {commands.Command}:
        assert dataclasses.is_dataclass(command) and command.__dataclass_params__.frozen  # type: ignore[attr-defined]


def test_outcomes_and_snapshots_are_immutable(bench) -> None:  # type: ignore[no-untyped-def]
    opened(bench, "PL-1")
    outcome = bench.scan(MUG)
    with pytest.raises(dataclasses.FrozenInstanceError):
        outcome.kind = OutcomeKind.REFUSED  # type: ignore[misc]
    with pytest.raises(TypeError):
        outcome.params["scanned"] = 99  # type: ignore[index]
    with pytest.raises(dataclasses.FrozenInstanceError):
        outcome.order.state.lines[0].scanned = 5  # type: ignore[misc, union-attr]
    assert isinstance(outcome.order.lines, tuple) and isinstance(outcome.order.recent, tuple)  # type: ignore[union-attr]
    later = bench.scan(MUG)
    # The earlier outcome still shows its own moment.
    assert outcome.order.lines[0].scanned == 1 and later.order.lines[0].scanned == 2  # type: ignore[union-attr]


# --------------------------------------------------------------------------- Scan: products


def test_scan_verdicts_are_stored_before_they_are_returned(bench, store) -> None:  # type: ignore[no-untyped-def]
    opened(bench, "PL-1")
    box = bench.scan(MUG_BOX6)
    assert (box.kind, box.tone, box.params["scanned"], box.params["quantity"]) == ("accepted", Tone.GOOD, 6, 6)
    over = bench.scan(MUG_BOX6)
    assert (over.kind, over.params["remaining"]) == ("over_scan", 1)
    wrong = bench.scan(SOAP)
    assert (wrong.kind, wrong.params["sku"], wrong.params["open_mismatches"]) == ("wrong_item", "SKU-SOAP", 2)
    unknown = bench.scan("XYZ-1")
    assert (unknown.kind, unknown.tone, unknown.stored) == ("unknown_barcode", Tone.BAD, True)
    doc = show_order(store.unit_of_work, "PL-1")
    assert [s["verdict"] for s in doc["scans"]] == ["accepted", "over_scan", "wrong_item", "unknown_barcode"]
    assert [m["kind"] for m in doc["mismatches"]] == ["over_scan", "wrong_item", "unknown_barcode"]
    assert doc["lines"][0]["scanned"] == 6 == unknown.order.lines[0].scanned


def test_a_product_scan_with_no_order_open_is_stored_and_refused(bench, store) -> None:  # type: ignore[no-untyped-def]
    outcome = bench.scan(MUG)
    assert (outcome.kind, outcome.code, outcome.params["name"]) == ("no_order", "scan.no_order_open", "Kubek „Żubr”")
    assert bench.scan("nothing-known").code == "scan.unknown_no_order"
    stored = sorted(store.tables.scans.values(), key=lambda s: s.event_id)
    assert [(s.order_id, s.verdict) for s in stored] == [(None, "no_order"), (None, "unknown_barcode")]


@pytest.mark.parametrize(
    ("raw", "code"),
    [
        ("", "scan.empty"),
        ("\u00a0\u3000\u0085", "scan.empty"),  # only non-ASCII blanks: nothing was scanned
        ("59\x0700", "scan.control_chars"),
        ("ab\udc80cd", "scan.undecodable"),  # a byte the line could not decode (surrogateescape)
        ("9" * 300, "scan.too_long"),
    ],
)
def test_unusable_scans_count_nothing_and_say_why(bench, store, raw: str, code: str) -> None:  # type: ignore[no-untyped-def]
    opened(bench, "PL-1")
    outcome = bench.scan(raw)
    assert (outcome.kind, outcome.code, outcome.stored) == ("invalid_scan", code, True)
    assert outcome.order.state.open_mismatches == 0  # not a mismatch to clear
    stored = show_order(store.unit_of_work, "PL-1")["scans"]
    assert [s["verdict"] for s in stored] == ["invalid_scan"]
    stored[0]["raw"].encode("utf-8")  # storable and printable, whatever came in


def test_blank_padding_around_a_real_barcode_is_ignored(bench) -> None:  # type: ignore[no-untyped-def]
    opened(bench, "PL-1")
    assert bench.scan(f"\u00a0{MUG}\u3000\r\n").kind == "accepted"


# --------------------------------------------------------------------------- Scan: routing


def test_command_barcodes_run_their_command(bench) -> None:  # type: ignore[no-untyped-def]
    opened(bench, "PL-1")
    released = bench.scan("cmd-release")
    assert (released.kind, released.raw, released.order) == ("released", "cmd-release", None)
    unknown = bench.scan("CMD-SELF-DESTRUCT")
    assert (unknown.kind, unknown.code, unknown.params["name"]) == ("refused", "command.unknown", "SELF-DESTRUCT")


def test_order_number_and_slip_barcode_open_the_order(bench) -> None:  # type: ignore[no-untyped-def]
    assert bench.scan("ORD-PL-2").order.number == "PL-2"
    switched = bench.scan("PL-1")  # PL-2 untouched: swapped back to the queue
    assert (switched.kind, switched.order.number) == ("order_opened", "PL-1")
    assert bench.scan("PL-1").code == "order.already_open"


def test_badge_scan_logs_in_without_closing_the_order(bench, store) -> None:  # type: ignore[no-untyped-def]
    opened(bench, "PL-1")
    login = bench.scan(BADGE)
    assert (login.kind, login.packer, login.order.number) == ("login", PACKER, "PL-1")
    bench.scan(MUG)
    assert show_order(store.unit_of_work, "PL-1")["scans"][-1]["packer"] == PACKER


# --------------------------------------------------------------------------- the other commands


def test_login_and_logout(bench) -> None:  # type: ignore[no-untyped-def]
    assert run(bench, Login(BADGE)).packer == PACKER
    assert run(bench, Login("PKR-NOBODY")).code == "packer.unknown_badge"
    out = run(bench, Logout())
    assert (out.kind, out.packer) == ("logout", None)


def test_open_order_refusals(bench, store, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    assert run(bench, OpenOrder("PL-404")).code == "order.not_found"
    other = bench_on(store, tmp_path, station="bench-2")
    opened(other, "PL-2")
    taken = run(bench, OpenOrder("PL-2"))
    assert (taken.kind, taken.code, taken.params["station"], taken.order) == (
        "refused",
        "order.claimed_elsewhere",
        "bench-2",
        None,
    )


def test_next_order_and_queue_empty(bench) -> None:  # type: ignore[no-untyped-def]
    first = run(bench, NextOrder())
    assert (first.kind, first.order.number) == ("order_opened", "PL-1")
    second = run(bench, NextOrder())  # PL-1 untouched: released, the next one opens
    assert second.order.number == "PL-2"
    bench.scan(SPOON)
    refused = run(bench, NextOrder())
    assert (refused.code, refused.order.number) == ("order.finish_or_hold_first", "PL-2")


def test_release_only_an_untouched_order(bench, store) -> None:  # type: ignore[no-untyped-def]
    assert run(bench, Release()).code == "command.no_order"
    opened(bench, "PL-2")
    released = run(bench, Release())
    assert (released.kind, released.params["number"], released.order) == ("released", "PL-2", None)
    assert show_order(store.unit_of_work, "PL-2")["status"] == "new"
    opened(bench, "PL-1")
    bench.scan(MUG)
    assert run(bench, Release()).code == "order.finish_or_hold_first"


def test_hold_keeps_counts_and_frees_the_bench(bench, store) -> None:  # type: ignore[no-untyped-def]
    opened(bench, "PL-1")
    bench.scan(MUG)
    held = run(bench, Hold("damaged_unit"))
    assert (held.kind, held.params["reason"], held.order) == ("held", "damaged_unit", None)
    doc = show_order(store.unit_of_work, "PL-1")
    assert (doc["status"], doc["history"][-1]["note"], doc["lines"][0]["scanned"]) == ("on_hold", "damaged_unit", 1)


def test_confirm_removed_clears_the_oldest_wrong_unit(bench, store) -> None:  # type: ignore[no-untyped-def]
    opened(bench, "PL-1")
    assert run(bench, ConfirmRemoved()).code == "mismatch.none_open"
    bench.scan(SOAP)
    bench.scan("XYZ")
    first = run(bench, ConfirmRemoved())
    assert (first.kind, first.params["code"], first.params["remaining"]) == ("removed_more", SOAP, 1)
    assert (first.params["name"], first.params["next_code"], first.params["next_name"]) == ("Mydło szare", "XYZ", "")
    assert first.order.state.open_mismatches == 1 and first.order.recent[0].message_code == "mismatch.removed"
    assert [m.code for m in first.order.mismatches] == ["XYZ"]
    last = run(bench, ConfirmRemoved())
    assert (last.kind, last.params["remaining"], last.params["code"], last.order.mismatches) == (
        "removed",
        0,
        "XYZ",
        (),
    )


def test_finish_prints_ships_and_opens_the_next(bench, store, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    assert run(bench, Finish()).code == "command.no_order"
    opened(bench, "PL-2")
    refused = run(bench, Finish())
    assert (refused.code, refused.params["missing"], refused.stored) == ("order.not_finishable", 1, False)
    bench.scan(SPOON)
    shipped = run(bench, Finish())
    assert (shipped.kind, shipped.tone, shipped.params["next"]) == ("shipped", Tone.GOOD, "PL-1")
    assert shipped.order.number == "PL-1"
    assert sorted(p.suffix for p in (tmp_path / "printed").iterdir()) == [".pdf", ".pdf"]
    doc = show_order(store.unit_of_work, "PL-2")
    assert doc["status"] == "shipped" and doc["tracking_number"] == shipped.params["tracking"]


def test_finish_without_printer_is_refused(store, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from packstation.config import Config
    from packstation.services.bench.bench import Bench

    bench = Bench(Config(db_url="memory:", station="bench-1"), store.unit_of_work)
    opened(bench, "PL-2")
    bench.scan(SPOON)
    assert run(bench, Finish()).code == "printer.not_configured"


def test_a_disk_problem_while_finishing_is_named_and_ships_nothing(store, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    home = tmp_path / "home"
    home.mkdir()
    (home / "documents").write_text("a file where the documents folder should be")
    monkeypatch.setenv("PACKSTATION_HOME", str(home))
    bench = bench_on(store, tmp_path)
    opened(bench, "PL-2")
    bench.scan(SPOON)
    failed = run(bench, Finish())
    assert (failed.kind, failed.code, failed.stored) == ("refused", "system.os_error", False)
    assert "/documents/" in failed.params["path"] and failed.params["error"] == "Not a directory"
    assert failed.order.number == "PL-2"  # still open: fix the disk, finish again
    assert show_order(store.unit_of_work, "PL-2")["status"] == "packing"


def test_a_printer_that_cannot_take_the_label_ships_nothing(store, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "printed").write_text("not a folder")
    bench = bench_on(store, tmp_path)
    opened(bench, "PL-2")
    bench.scan(SPOON)
    failed = run(bench, Finish())
    assert (failed.code, failed.tone, failed.params["attempts"]) == ("print.retrying", Tone.BAD, 1)
    assert failed.params["retry_in"] == 1 and "File exists" in failed.params["reason"]
    assert show_order(store.unit_of_work, "PL-2")["status"] == "packed"  # packed, not shipped: the label is not out
    # The next box must not come while this one has no label.
    refused = run(bench, NextOrder())
    assert (refused.code, refused.order.number) == ("print.label_pending", "PL-2")
    assert run(bench, Scan(MUG)).code == "print.label_pending"
    (tmp_path / "printed").unlink()  # the printer is back
    shipped = run(bench, Finish())  # F12 again: retry at once
    assert shipped.code == "order.shipped" and show_order(store.unit_of_work, "PL-2")["status"] == "shipped"
    labels = sorted(p.name for p in (tmp_path / "printed").iterdir())
    assert [name.split("-")[2] for name in labels] == ["label", "slip"]  # one of each: nothing printed twice


def test_resume_reopens_this_benchs_order_only(store, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    first = bench_on(store, tmp_path)
    opened(first, "PL-1")
    first.scan(MUG)
    restarted = bench_on(store, tmp_path)
    resumed = run(restarted, Resume())
    assert (resumed.code, resumed.params["scanned"], resumed.params["required"]) == ("order.resumed", 1, 8)
    assert bench_on(store, tmp_path, station="bench-2").handle(Resume()) is None


def test_heartbeat_reports_shop_changes_until_acknowledged(bench, store) -> None:  # type: ignore[no-untyped-def]
    snapshot = opened(bench, "PL-1")
    assert bench.handle(Heartbeat()) is None
    with store.unit_of_work() as uow:
        uow.journal.add_order_change(OrderChange(snapshot.order_id, utcnow(), "test", "lines: SKU-MUG×7 -> SKU-MUG×5"))
        uow.commit()
    notice = run(bench, Heartbeat())
    assert (notice.kind, notice.tone) == ("order_changed", Tone.BAD)
    assert bench.handle(Heartbeat()) is None  # shown once
    seen = run(bench, Acknowledge())
    assert (seen.code, seen.params["count"], seen.order.changes) == ("order.changes_seen", 1, ())


def test_heartbeat_notices_a_cancellation(bench, store) -> None:  # type: ignore[no-untyped-def]
    from packstation.domain.records import ImportBatch
    from packstation.services.importing import import_batch

    opened(bench, "PL-1")
    import_batch(store.unit_of_work, ImportBatch(orders=(order("PL-1", ("SKU-MUG", 7), status="cancelled"),)), "t")
    stop = run(bench, Heartbeat())
    assert (stop.kind, stop.code, stop.order) == ("order_cancelled", "order.cancelled_by_shop", None)


def test_refresh_rereads_the_open_order(bench, store) -> None:  # type: ignore[no-untyped-def]
    opened(bench, "PL-1")
    bench.scan(MUG)
    refreshed = run(bench, Refresh())
    assert (refreshed.kind, refreshed.order.lines[0].scanned) == ("reconnected", 1)


def test_an_unexpected_failure_becomes_an_outcome_not_a_crash(tmp_path: Path) -> None:
    from packstation.config import Config
    from packstation.services.bench.bench import Bench

    def broken_storage(**_options):  # type: ignore[no-untyped-def] # a UowFactory: readonly=, bulk=
        raise RuntimeError("the storage adapter has a bug")

    bench = Bench(Config(db_url="memory:", station="bench-1"), broken_storage)
    for command in (Scan("5901234000012"), NextOrder(), Heartbeat(), Resume()):
        outcome = run(bench, command)
        assert (outcome.kind, outcome.tone, outcome.stored) == ("error", Tone.BAD, False)
        assert "the storage adapter has a bug" in str(outcome.params["error"])
    assert run(bench, Logout()).kind == "logout"  # what needs no storage still works
