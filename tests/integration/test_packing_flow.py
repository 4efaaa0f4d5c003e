"""The packer's whole flow on SQLite and PostgreSQL, through the real services and database.

import -> open -> scans (good, multi-unit pack, wrong item, over-scan, unknown barcode) ->
finish refused until every wrong unit is confirmed removed -> finish -> shipped with its
tracking number, parcel documents and audit trail; the same seen through
``packstation orders show --json`` in a subprocess. Also: release voids (never deletes) scan
events, order-number scans switch orders, a restarted station resumes its order, re-imports
are idempotent / update ``new`` orders / are reported to the bench, a shop cancellation stops
packing, and ``orders mark`` follows the status machine.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pypdfium2 as pdfium
import pytest
from biip.sscc import Sscc
from packing_support import (
    BADGE,
    MUG_BOX6,
    MUG_EAN,
    PACKER,
    SOAP_EAN,
    SPOON_UPC,
    batch,
    make_app,
    open_order,
    order,
    with_lines,
)

from packstation.domain import barcodes
from packstation.domain.status import Actor
from packstation.services import orders_admin
from packstation.services.bench.commands import ConfirmRemoved, Finish, Heartbeat, Resume
from packstation.services.claims import release_order
from packstation.services.importing import import_batch
from packstation.services.users import add_user

STATION = "bench-1"
TRACKING = "PX123456789PL"
MM = 72 / 25.4

ORDERS = (
    order("PL-1", ("SKU-MUG", 7), ("SKU-SPOON", 2)),
    order("PL-2", ("SKU-SPOON", 1), tracking=TRACKING),
    order("PL-3", ("SKU-MUG", 2)),
    order("PL-4", ("SKU-SPOON", 1), ("SKU-MUG", 1), payment="cod"),
)


@pytest.fixture
def printed(tmp_path: Path) -> Path:
    return tmp_path / "printed"


@pytest.fixture
def app(db_url: str, printed: Path):  # type: ignore[no-untyped-def]
    application = make_app(db_url, STATION, printed)
    import_batch(application.uow, batch(*ORDERS), "orders.json")
    add_user(application.uow, PACKER, BADGE)
    yield application
    application.dispose()


def show(app, number: str) -> dict:  # type: ignore[no-untyped-def]
    return orders_admin.show_order(app.uow, number)


def cli(db_url: str, *args: str, print_to: Path | None = None) -> subprocess.CompletedProcess:
    options = ["--db", db_url, "--station", STATION]
    if print_to is not None:
        options += ["--print-to", str(print_to)]
    return subprocess.run(
        [sys.executable, "-m", "packstation", *options, *args],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "PYTHONIOENCODING": "utf-8"},
    )


def verdicts(doc: dict) -> list[str]:
    return [s["verdict"] for s in doc["scans"] if s["verdict"] != "command"]


# --------------------------------------------------------------------------- the whole flow


def test_import_open_scan_finish_shipped(app, db_url: str, printed: Path) -> None:  # type: ignore[no-untyped-def]
    station = app.bench()
    login = station.scan(BADGE + "\r")
    assert (login.kind, login.code, login.params) == ("login", "packer.logged_in", {"name": PACKER})

    view = open_order(station, "PL-1")
    assert view.number == "PL-1" and view.status == "packing"
    assert [(line.sku, line.required, line.scanned) for line in view.lines] == [("SKU-MUG", 7, 0), ("SKU-SPOON", 2, 0)]
    assert view.lines[0].bin_location == "A-01-1"

    steps = [
        (MUG_BOX6, "accepted", {"scanned": 6, "quantity": 6}),  # a box of six counts six
        (MUG_BOX6, "over_scan", {"quantity": 6, "remaining": 1}),  # six more than the one that remains
        (MUG_EAN, "accepted", {"scanned": 7}),
        (MUG_EAN + "\r\n", "over_scan", {"remaining": 0}),  # the line is complete
        (SOAP_EAN, "wrong_item", {"sku": "SKU-SOAP"}),  # known, not on the order
        ("XYZ-UNKNOWN-1", "unknown_barcode", {"barcode": "XYZ-UNKNOWN-1"}),
        (SPOON_UPC, "accepted", {"scanned": 1, "required": 2}),  # UPC-A
        ("]C101" + barcodes.normalise(SPOON_UPC) + "10LOT7", "accepted", {"scanned": 2}),  # GS1-128
    ]
    for raw, kind, params in steps:
        outcome = station.scan(raw)
        assert outcome.kind == kind, (raw, outcome)
        assert outcome.code == f"scan.{kind}"
        assert outcome.stored is True
        assert outcome.tone == ("good" if kind == "accepted" else "bad")
        for key, value in params.items():
            assert outcome.params[key] == value, (raw, key, outcome.params)
    assert outcome.params["open_mismatches"] == 4
    assert [line.scanned for line in outcome.order.lines] == [7, 2]

    doc = show(app, "PL-1")
    assert doc["status"] == "packing"
    assert [(ln["sku"], ln["quantity"], ln["scanned"]) for ln in doc["lines"]] == [
        ("SKU-MUG", 7, 7),
        ("SKU-SPOON", 2, 2),
    ]
    assert verdicts(doc) == [
        "accepted",
        "over_scan",
        "accepted",
        "over_scan",
        "wrong_item",
        "unknown_barcode",
        "accepted",
        "accepted",
    ]
    assert all((s["station"], s["packer"]) == (STATION, PACKER) for s in doc["scans"])
    assert sum(s["quantity"] for s in doc["scans"] if s["verdict"] == "accepted") == 9
    assert [(m["kind"], m["code"], m["resolved"]) for m in doc["mismatches"]] == [
        ("over_scan", MUG_BOX6, False),
        ("over_scan", MUG_EAN, False),
        ("wrong_item", SOAP_EAN, False),
        ("unknown_barcode", "XYZ-UNKNOWN-1", False),
    ]

    # Complete, but four wrong units are still in the box: finishing is refused.
    refused = station.scan("CMD-FINISH")
    assert (refused.kind, refused.code, refused.stored) == ("refused", "order.not_finishable", False)
    assert refused.params["open_mismatches"] == 4 and refused.params["missing"] == 0
    assert station.handle(Finish()).code == "order.not_finishable"  # the hotkey says the same
    for remaining in (3, 2, 1):
        removed = station.scan("CMD-REMOVED")
        assert (removed.kind, removed.code) == ("removed_more", "mismatch.removed")  # not green: more to take out
        assert removed.params["remaining"] == remaining
        assert station.scan("CMD-FINISH").code == "order.not_finishable"
    assert station.handle(ConfirmRemoved()).params["remaining"] == 0  # the hotkey does the same
    assert station.scan("CMD-REMOVED").code == "mismatch.none_open"
    doc = show(app, "PL-1")
    assert doc["status"] == "packing" and not list(printed.glob("*"))  # nothing printed while refused
    assert all(m["resolved"] and m["resolved_by"] == PACKER and m["resolution"] == "removed" for m in doc["mismatches"])

    shipped = station.scan("CMD-FINISH")
    assert (shipped.kind, shipped.tone, shipped.code) == ("shipped", "good", "order.shipped")
    tracking = shipped.params["tracking"]
    assert shipped.params["number"] == "PL-1"
    # The next order opens only once the documents are with the printer.
    assert shipped.params["next"] == "PL-2"
    assert shipped.order is not None and shipped.order.number == "PL-2"

    doc = show(app, "PL-1")
    assert doc["status"] == "shipped"
    assert doc["tracking_number"] == tracking
    assert len(tracking) == 18 and Sscc.parse(tracking).value == tracking  # valid GS1 check digit
    assert tracking.startswith("0" + app.config.gs1_company_prefix)
    assert doc["claimed_by"] is None
    [parcel] = doc["parcels"]
    assert parcel["tracking_number"] == tracking
    assert len(parcel["documents"]) == 2
    for path in parcel["documents"]:
        assert Path(path).is_file() and Path(path).read_bytes().startswith(b"%PDF")
    label_file = next(p for p in parcel["documents"] if "label" in Path(p).name)
    width, height = pdfium.PdfDocument(label_file)[0].get_size()
    assert (round(width / MM), round(height / MM)) == (100, 150)
    sent = sorted(p.name for p in printed.iterdir())
    assert len(sent) == 2 and all(name.endswith(".pdf") for name in sent)
    assert any("label" in name for name in sent) and any("slip" in name for name in sent)

    history = [(h["from"], h["to"], h["who"], h["station"]) for h in doc["history"]]
    assert history == [
        ("new", "packing", PACKER, STATION),
        ("packing", "packed", PACKER, STATION),
        ("packed", "shipped", PACKER, STATION),
    ]
    assert tracking in doc["history"][-1]["note"]
    with app.uow() as uow:
        assert uow.journal.open_session(uow.orders.by_number("PL-1").order_id) is None
        assert uow.orders.by_number("PL-2").claim_station == STATION

    # The same seen through the command line contract.
    proc = cli(db_url, "orders", "show", "PL-1", "--json", print_to=printed)
    assert proc.returncode == 0, proc.stderr
    seen = json.loads(proc.stdout)
    assert {"number", "status", "lines", "mismatches", "parcels", "history"} <= set(seen)
    assert (seen["number"], seen["status"]) == ("PL-1", "shipped")
    for line in seen["lines"]:
        assert {"sku", "name", "barcode", "quantity", "scanned"} <= set(line)
    assert [(ln["sku"], ln["barcode"], ln["quantity"], ln["scanned"]) for ln in seen["lines"]] == [
        ("SKU-MUG", MUG_EAN, 7, 7),
        ("SKU-SPOON", SPOON_UPC, 2, 2),
    ]
    assert seen["lines"][0]["name"] == "Kubek ceramiczny „Żubr”"  # UTF-8 intact through the CLI
    for mismatch in seen["mismatches"]:
        assert {"kind", "code", "resolved"} <= set(mismatch)
    assert [(m["kind"], m["code"], m["resolved"]) for m in seen["mismatches"]] == [
        ("over_scan", MUG_BOX6, True),
        ("over_scan", MUG_EAN, True),
        ("wrong_item", SOAP_EAN, True),
        ("unknown_barcode", "XYZ-UNKNOWN-1", True),
    ]
    assert [(p["tracking_number"], p["documents"]) for p in seen["parcels"]] == [(tracking, parcel["documents"])]
    assert [(h["from"], h["to"]) for h in seen["history"]] == [
        ("new", "packing"),
        ("packing", "packed"),
        ("packed", "shipped"),
    ]

    proc = cli(db_url, "orders", "list", "--json")
    assert proc.returncode == 0, proc.stderr
    listed = {row["number"]: row["status"] for row in json.loads(proc.stdout)}
    assert listed == {"PL-1": "shipped", "PL-2": "packing", "PL-3": "new", "PL-4": "new"}
    proc = cli(db_url, "orders", "list", "--status", "shipped", "--json")
    assert [row["number"] for row in json.loads(proc.stdout)] == ["PL-1"]


def test_imported_tracking_number_is_kept_and_nobody_logged_in_is_the_station(app) -> None:  # type: ignore[no-untyped-def]
    app.config.auto_next = False
    station = app.bench()
    open_order(station, "PL-2")
    assert station.scan(SPOON_UPC).kind == "accepted"
    shipped = station.scan("CMD-FINISH")
    assert shipped.kind == "shipped", shipped
    assert shipped.params["tracking"] == TRACKING
    assert shipped.order is None and shipped.params["next"] is None  # auto_next off: the bench waits
    doc = show(app, "PL-2")
    assert doc["status"] == "shipped"
    assert doc["tracking_number"] == TRACKING
    assert [p["tracking_number"] for p in doc["parcels"]] == [TRACKING]
    assert {s["packer"] for s in doc["scans"]} == {STATION}
    assert {h["who"] for h in doc["history"]} == {STATION}


def test_hold_keeps_counts_and_frees_the_bench(app) -> None:  # type: ignore[no-untyped-def]
    station = app.bench()
    open_order(station, "PL-4")
    assert station.scan(MUG_EAN).kind == "accepted"
    asked = station.scan("CMD-HOLD")  # F8 / CMD-HOLD asks why; a reason barcode holds
    assert (asked.kind, asked.code, station.session.order_id is not None) == ("hold_asked", "hold.choose_reason", True)
    held = station.scan("CMD-HOLD-MISSING")
    assert (held.kind, held.code) == ("held", "order.held")
    assert held.order is None and station.session.order_id is None
    doc = show(app, "PL-4")
    assert doc["status"] == "on_hold" and doc["claimed_by"] is None
    assert [ln["scanned"] for ln in doc["lines"]] == [0, 1]
    assert doc["history"][-1]["from"] == "packing" and doc["history"][-1]["to"] == "on_hold"
    assert doc["history"][-1]["note"] == "missing_unit"  # the reason for the supervisor


# --------------------------------------------------------------------------- release and switching


def test_release_of_an_untouched_order_keeps_its_scan_events_voided(app) -> None:  # type: ignore[no-untyped-def]
    station = app.bench()
    open_order(station, "PL-3")
    bad = station.scan("590\x07123")  # line noise: stored, refused, counts nothing
    assert (bad.kind, bad.code) == ("invalid_scan", "scan.control_chars")
    assert "\x07" not in bad.params["text"]
    assert station.scan("").code == "scan.empty"
    assert station.scan("9" * 10240).code == "scan.too_long"
    before = show(app, "PL-3")["scans"]
    assert [s["verdict"] for s in before] == ["invalid_scan"] * 3
    assert all(len(s["raw"]) <= barcodes.MAX_SCAN_LENGTH for s in before)

    released = station.scan("CMD-RELEASE")
    assert (released.kind, released.code) == ("released", "order.released")
    assert released.order is None
    doc = show(app, "PL-3")
    assert doc["status"] == "new" and doc["claimed_by"] is None
    assert len(doc["scans"]) == 3 and all(s["voided"] for s in doc["scans"])  # voided, never deleted
    assert [(h["from"], h["to"]) for h in doc["history"]] == [("new", "packing"), ("packing", "new")]


def test_release_after_scans_voids_everything_and_reopens_clean(app) -> None:  # type: ignore[no-untyped-def]
    station = app.bench()
    open_order(station, "PL-1")
    assert station.scan(MUG_EAN).kind == "accepted"
    assert station.scan(SOAP_EAN).kind == "wrong_item"
    refused = station.scan("CMD-RELEASE")
    assert (refused.kind, refused.code) == ("refused", "order.finish_or_hold_first")
    assert show(app, "PL-1")["status"] == "packing"

    # A supervisor sends it back to the queue: scans and mismatches are voided, counts reset.
    with app.uow() as uow:
        release_order(uow, uow.orders.by_number("PL-1"), app.config.identity, "supervisor", actor=Actor.SUPERVISOR)
        uow.commit()
    doc = show(app, "PL-1")
    assert doc["status"] == "new"
    assert [ln["scanned"] for ln in doc["lines"]] == [0, 0]
    assert [(s["verdict"], s["voided"]) for s in doc["scans"]] == [("accepted", True), ("wrong_item", True)]
    assert [(m["kind"], m["voided"], m["resolved"]) for m in doc["mismatches"]] == [("wrong_item", True, False)]

    again = app.bench()
    view = open_order(again, "PL-1")
    assert [line.scanned for line in view.lines] == [0, 0]
    assert view.state.open_mismatches == 0 and view.recent == ()
    assert again.scan(MUG_EAN).params["scanned"] == 1
    assert len(show(app, "PL-1")["scans"]) == 3


def test_order_number_scans_switch_orders(app) -> None:  # type: ignore[no-untyped-def]
    station = app.bench()
    opened = station.scan(barcodes.slip_barcode("PL-3"))  # the packing slip's barcode opens it
    assert (opened.kind, opened.params["number"]) == ("order_opened", "PL-3")

    switched = station.scan("PL-4")  # the bare number: PL-3 is untouched, so it goes back
    assert (switched.kind, switched.order.number) == ("order_opened", "PL-4")
    pl3 = show(app, "PL-3")
    assert pl3["status"] == "new" and pl3["claimed_by"] is None
    assert pl3["history"][-1]["note"] == "swapped for PL-4"
    assert show(app, "PL-4")["claimed_by"] == STATION

    assert station.scan(MUG_EAN).kind == "accepted"
    refused = station.scan(barcodes.slip_barcode("PL-3"))
    assert (refused.kind, refused.code) == ("refused", "order.finish_or_hold_first")
    assert refused.params == {"number": "PL-4", "requested": "PL-3"}
    assert refused.order.number == "PL-4"
    assert show(app, "PL-3")["status"] == "new"
    assert station.scan("PL-4").code == "order.already_open"
    assert station.scan("PL-99").kind == "unknown_barcode"  # fits nothing: a mismatch on PL-4


def test_restarted_station_resumes_its_order_with_counts_intact(db_url: str, printed: Path) -> None:
    first = make_app(db_url, STATION, printed)
    import_batch(first.uow, batch(*ORDERS), "orders.json")
    station = first.bench()
    open_order(station, "PL-1")
    for raw in (MUG_BOX6, SPOON_UPC, SOAP_EAN):
        assert station.scan(raw).stored
    first.dispose()  # the app dies without releasing anything

    second = make_app(db_url, STATION, printed)
    try:
        bench = second.bench()
        resumed = bench.handle(Resume())
        assert resumed is not None and (resumed.kind, resumed.code) == ("order_opened", "order.resumed")
        assert (resumed.params["scanned"], resumed.params["required"]) == (7, 9)
        view = resumed.order
        assert view is not None and view.number == "PL-1"
        assert [line.scanned for line in view.lines] == [6, 1]
        assert view.state.open_mismatches == 1
        assert [s.verdict for s in view.recent] == ["wrong_item", "accepted", "accepted"]
        assert bench.scan(MUG_EAN).params["scanned"] == 7
        doc = show(second, "PL-1")
        assert [(h["from"], h["to"]) for h in doc["history"]] == [("new", "packing")]  # not reopened twice
        assert sum(s["quantity"] for s in doc["scans"] if s["verdict"] == "accepted") == 8

        other = make_app(db_url, "bench-2", printed)
        assert other.bench().handle(Resume()) is None  # another bench has nothing of its own to resume
        other.dispose()
    finally:
        second.dispose()


# --------------------------------------------------------------------------- re-imports


def test_reimporting_the_same_batch_changes_nothing(app) -> None:  # type: ignore[no-untyped-def]
    before = {o.number: show(app, o.number) for o in ORDERS}
    report = import_batch(app.uow, batch(*ORDERS), "orders.json")
    assert (report.products_created, report.products_updated) == (0, 0)
    assert (report.orders_created, report.orders_updated, report.orders_unchanged) == (0, 0, len(ORDERS))
    assert report.changes_recorded == []
    assert {o.number: show(app, o.number) for o in ORDERS} == before
    with app.uow() as uow:
        assert uow.products.count() == 3
        assert uow.orders.queue(limit=1000).total == len(ORDERS)


def test_reimport_updates_an_order_still_new(app) -> None:  # type: ignore[no-untyped-def]
    changed = with_lines(order("PL-3", ("SKU-MUG", 2), customer="Paweł Szczęsny"), ("SKU-MUG", 3), ("SKU-SPOON", 1))
    report = import_batch(app.uow, batch(*ORDERS[:2], changed, ORDERS[3]), "orders.json")
    assert (report.orders_created, report.orders_updated, report.orders_unchanged) == (0, 1, 3)
    assert report.changes_recorded == []
    doc = show(app, "PL-3")
    assert doc["status"] == "new"
    assert doc["customer"]["name"] == "Paweł Szczęsny"
    assert [(ln["sku"], ln["quantity"]) for ln in doc["lines"]] == [("SKU-MUG", 3), ("SKU-SPOON", 1)]
    assert doc["changes"] == []


def test_reimport_of_an_order_being_packed_is_shown_to_its_station(app) -> None:  # type: ignore[no-untyped-def]
    station = app.bench()
    open_order(station, "PL-1")
    assert station.scan(MUG_EAN).kind == "accepted"
    assert station.handle(Heartbeat()) is None  # nothing new

    changed = with_lines(ORDERS[0], ("SKU-MUG", 5), ("SKU-SPOON", 2))
    report = import_batch(app.uow, batch(changed, *ORDERS[1:]), "orders.json")
    assert len(report.changes_recorded) == 1 and report.changes_recorded[0].startswith("PL-1:")
    doc = show(app, "PL-1")
    assert doc["status"] == "packing"
    assert [(ln["sku"], ln["quantity"], ln["scanned"]) for ln in doc["lines"]] == [
        ("SKU-MUG", 7, 1),
        ("SKU-SPOON", 2, 0),
    ]
    assert len(doc["changes"]) == 1 and "lines" in doc["changes"][0]["summary"]

    notice = station.handle(Heartbeat())
    assert notice is not None
    assert (notice.kind, notice.tone, notice.code) == ("order_changed", "bad", "order.changed_by_shop")
    assert notice.params["changes"] == doc["changes"][0]["summary"]
    assert notice.order.changes == (doc["changes"][0]["summary"],)
    assert station.handle(Heartbeat()) is None  # shown once
    assert station.scan(MUG_EAN).kind == "accepted"  # packing goes on
    seen = station.scan("CMD-OK")  # the packer has seen it: it stops being announced
    assert (seen.code, seen.params["count"], seen.order.changes) == ("order.changes_seen", 1, ())
    assert show(app, "PL-1")["changes"][0]["acknowledged"] is True

    import_batch(app.uow, batch(changed, *ORDERS[1:]), "orders.json")  # the same change again
    assert len(show(app, "PL-1")["changes"]) == 1


def test_shop_cancellation_stops_packing(app) -> None:  # type: ignore[no-untyped-def]
    station = app.bench()
    open_order(station, "PL-1")
    assert station.scan(MUG_EAN).kind == "accepted"

    cancelled = order("PL-1", ("SKU-MUG", 7), ("SKU-SPOON", 2), status="cancelled")
    report = import_batch(app.uow, batch(cancelled, *ORDERS[1:]), "orders.json")
    assert any("cancelled" in line for line in report.changes_recorded)
    doc = show(app, "PL-1")
    assert doc["status"] == "cancelled"
    assert (doc["history"][-1]["from"], doc["history"][-1]["actor"]) == ("packing", "shop")

    outcome = station.scan(MUG_EAN)
    assert (outcome.kind, outcome.tone, outcome.code) == ("order_cancelled", "bad", "order.cancelled_by_shop")
    assert outcome.params["number"] == "PL-1"
    assert station.session.order_id is None and outcome.order is None
    doc = show(app, "PL-1")
    assert doc["claimed_by"] is None
    assert [ln["scanned"] for ln in doc["lines"]] == [1, 0]  # the refused scan counted nothing
    assert station.scan(MUG_EAN).kind == "no_order"


def test_a_new_order_cancelled_in_the_shop_cannot_be_opened(app) -> None:  # type: ignore[no-untyped-def]
    import_batch(app.uow, batch(*ORDERS, order("PL-9", ("SKU-MUG", 1), status="cancelled")), "orders.json")
    assert show(app, "PL-9")["status"] == "cancelled"
    outcome = app.bench().scan("PL-9")
    assert (outcome.kind, outcome.code, outcome.stored) == ("refused", "order.not_openable", False)


# --------------------------------------------------------------------------- orders mark


def test_orders_mark_delivered_and_archived(app, db_url: str, printed: Path) -> None:  # type: ignore[no-untyped-def]
    app.config.auto_next = False
    station = app.bench()
    open_order(station, "PL-2")
    station.scan(SPOON_UPC)
    assert station.scan("CMD-FINISH").kind == "shipped"

    proc = cli(db_url, "orders", "mark", "PL-2", "delivered", "--note", "kurier: doręczono")
    assert proc.returncode == 0, proc.stderr
    assert "shipped -> delivered" in proc.stdout
    doc = show(app, "PL-2")
    assert doc["status"] == "delivered"
    assert (doc["history"][-1]["actor"], doc["history"][-1]["note"]) == ("admin", "kurier: doręczono")

    proc = cli(db_url, "orders", "mark", "PL-3", "delivered")
    assert proc.returncode == 1
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in proc.stderr
    assert "new" in lines[0] and "delivered" in lines[0]
    assert show(app, "PL-3")["status"] == "new"

    assert cli(db_url, "orders", "mark", "PL-2", "archived").returncode == 0
    assert show(app, "PL-2")["status"] == "archived"
    assert cli(db_url, "orders", "mark", "PL-2", "delivered").returncode == 1  # no way back
    missing = cli(db_url, "orders", "show", "PL-404", "--json")
    assert missing.returncode == 1 and len(missing.stderr.strip().splitlines()) == 1
    assert cli(db_url, "orders", "mark", "PL-2", "shipped").returncode == 2  # usage error


def test_an_order_number_that_looks_like_a_slip_barcode_still_opens(app) -> None:  # type: ignore[no-untyped-def]
    import_batch(app.uow, batch(*ORDERS, order("ORD-77", ("SKU-MUG", 1)), order("55", ("SKU-MUG", 1))), "o.json")
    station = app.bench()
    assert station.scan("ORD-77").order.number == "ORD-77"  # the bare number, not the slip of "77"
    assert station.scan(barcodes.slip_barcode("ORD-77")).code == "order.already_open"
    assert station.scan(barcodes.slip_barcode("55")).order.number == "55"  # ORD-77 untouched: swapped
    assert show(app, "ORD-77")["status"] == "new"
