"""A supervisor's commands through the real handlers on the in-memory store: held orders, partial shipments,
cancellations with cost, expedite, reopen with a new tracking number, manual confirmations, the audit trail.

Documents are the real PDFs (read back with pypdfium2 and zxing-cpp).
"""

from __future__ import annotations

import io
from dataclasses import replace
from datetime import datetime
from decimal import Decimal
from pathlib import Path

import pypdfium2 as pdfium
import pytest
import zxingcpp
from reportlab.graphics.barcode.code128 import Code128
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from packstation.domain.records import CarrierLabel, ImportBatch
from packstation.domain.settings import LOGIN_REQUIRED, MANUAL_CONFIRM_NEEDS_PIN
from packstation.domain.users import Role
from packstation.services import supervision
from packstation.services.audit import order_trail
from packstation.services.bench.commands import (
    ApprovePartial,
    CancelOrder,
    EnterPin,
    Expedite,
    Finish,
    Hold,
    ManualConfirm,
    NextOrder,
    OverrideMismatch,
    ReleaseHeld,
    Reopen,
)
from packstation.services.importing import import_batch
from packstation.services.orders_admin import list_orders, show_order
from packstation.services.settings import set_setting
from packstation.services.users import add_user
from tests.bench_support import BADGE, MUG, PACKER, SOAP, SPOON, bench_on, opened, order, store_with

SUPERVISOR, SUP_BADGE, PIN = "Ewa Nadzorcza", "SUP-0001", "2468"


@pytest.fixture
def store():  # type: ignore[no-untyped-def]
    made = store_with(order("PL-1", ("SKU-MUG", 2), ("SKU-SPOON", 1)), order("PL-2", ("SKU-SPOON", 1)))
    add_user(made.unit_of_work, SUPERVISOR, SUP_BADGE, Role.SUPERVISOR, PIN)
    set_setting(made.unit_of_work, LOGIN_REQUIRED, "on")
    return made


@pytest.fixture
def bench(store, tmp_path: Path):  # type: ignore[no-untyped-def]
    made = bench_on(store, tmp_path, auto_next=False)
    made.scan(BADGE)
    return made


def run(bench, command):  # type: ignore[no-untyped-def]
    outcome = bench.handle(command)
    assert outcome is not None, command
    return outcome


def supervise(bench) -> None:  # type: ignore[no-untyped-def]
    assert bench.scan(SUP_BADGE).code == "auth.pin_required"
    assert run(bench, EnterPin(PIN)).code == "auth.supervisor_in"


def pdf_text(path: Path) -> str:
    return "\n".join(page.get_textpage().get_text_range() for page in pdfium.PdfDocument(path.read_bytes()))


def label_codes(path: Path) -> list[str]:
    page = pdfium.PdfDocument(path.read_bytes())[0]
    image = page.render(scale=203 / 72).to_pil().convert("L").point(lambda v: 255 if v > 127 else 0)
    return [r.text for r in zxingcpp.read_barcodes(image) if r.format == zxingcpp.BarcodeFormat.Code128]


def test_a_partial_shipment_records_and_prints_what_is_missing(bench, store, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    opened(bench, "PL-1")
    bench.scan(MUG)
    bench.scan(SPOON)
    assert run(bench, Hold("second mug broken")).kind == "held"
    held = supervision.held_orders(store.unit_of_work)
    assert [(h.number, h.reason, h.held_by, h.scanned, h.units) for h in held] == [
        ("PL-1", "second mug broken", PACKER, 2, 3)
    ]
    supervise(bench)
    approved = run(bench, ApprovePartial("PL-1", "customer agreed by phone"))
    assert (approved.kind, approved.code, approved.params["printed"]) == ("supervisor_action",
                                                                          "supervisor.partial_approved", 1)  # fmt: skip
    doc = show_order(store.unit_of_work, "PL-1")
    assert doc["status"] == "shipped"
    assert [h["to"] for h in doc["history"]] == ["packing", "on_hold", "packed", "shipped"]
    assert doc["history"][2]["actor"] == "supervisor" and "SKU-MUG×1" in doc["history"][2]["note"]
    slip = next((tmp_path / "printed").glob("PL-1-slip*.pdf"))
    text = pdf_text(slip)
    assert "Brak w tej paczce: 1" in text  # the customer's language (PL): one mug is not in the box
    assert supervision.held_orders(store.unit_of_work) == ()


def test_nothing_packed_cannot_ship_partially(bench, store) -> None:  # type: ignore[no-untyped-def]
    opened(bench, "PL-2")
    run(bench, Hold("out of stock"))
    supervise(bench)
    assert run(bench, ApprovePartial("PL-2", "ship it")).code == "supervisor.nothing_packed"
    assert run(bench, ApprovePartial("PL-2", "")).code == "supervisor.reason_required"
    assert show_order(store.unit_of_work, "PL-2")["status"] == "on_hold"


def test_a_held_order_straight_to_packing_opens_here(bench, store) -> None:  # type: ignore[no-untyped-def]
    opened(bench, "PL-1")
    bench.scan(MUG)
    run(bench, Hold("label torn"))
    supervise(bench)
    resumed = run(bench, ReleaseHeld("PL-1", to_packing=True, reason="have a spare"))
    assert (resumed.kind, resumed.code, resumed.order.number, resumed.order.state.units_scanned) == (
        "order_opened", "supervisor.resumed", "PL-1", 1)  # fmt: skip
    bench.scan(MUG)
    bench.scan(SPOON)
    assert run(bench, Finish()).kind == "shipped"
    history = show_order(store.unit_of_work, "PL-1")["history"]
    assert [(h["from"], h["to"], h["actor"]) for h in history][1:3] == [
        ("packing", "on_hold", "packer"), ("on_hold", "packing", "supervisor")]  # fmt: skip


def test_cancel_with_reason_and_cost_which_the_order_keeps(bench, store) -> None:  # type: ignore[no-untyped-def]
    opened(bench, "PL-1")
    bench.scan(MUG)
    supervise(bench)
    refused = run(bench, CancelOrder("PL-1", "other"))
    assert (refused.code, refused.params["detail"]) == ("supervisor.bad_cancellation",
                                                        "reason other needs a text saying what")  # fmt: skip
    assert run(bench, CancelOrder("PL-1", "shop_error", packaging=Decimal("-1"))).code == "supervisor.bad_cancellation"
    done = run(bench, CancelOrder("PL-1", "address_problem", "street does not exist", Decimal("1.50"),
                                  Decimal("4.00"), Decimal("0")))  # fmt: skip
    assert (done.code, done.params["cost"], done.order) == ("supervisor.cancelled", "5.50 PLN", None)
    with store.unit_of_work() as uow:
        order_id = uow.orders.by_number("PL-1").order_id
        kept = uow.journal.cancellation(order_id)
    assert (kept.reason, kept.note, kept.costs.total, kept.who, kept.currency) == (
        "address_problem", "street does not exist", Decimal("5.50"), SUPERVISOR, "PLN")  # fmt: skip
    assert show_order(store.unit_of_work, "PL-1")["status"] == "cancelled"


def test_the_queue_takes_expedited_first_then_by_ship_by_then_by_age(store, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    later = [order(f"Q-{n}", ("SKU-SPOON", 1)) for n in range(1, 5)]
    later[1] = replace(later[1], ship_by=datetime(2030, 1, 2))
    later[2] = replace(later[2], ship_by=datetime(2020, 1, 1))  # due long ago: before every order by age
    import_batch(store.unit_of_work, ImportBatch(orders=tuple(later)), "later.json")
    numbers = [r.number for r in list_orders(store.unit_of_work, ()).rows]
    assert numbers == ["Q-3", "PL-1", "PL-2", "Q-1", "Q-4", "Q-2"]
    bench = bench_on(store, tmp_path)
    bench.scan(BADGE)
    supervise(bench)
    assert run(bench, Expedite("Q-4")).code == "supervisor.expedited"
    rows = list_orders(store.unit_of_work, ()).rows
    assert [(r.number, r.expedited) for r in rows][:2] == [("Q-4", True), ("Q-3", False)]
    assert run(bench, NextOrder()).order.number == "Q-4"  # NEXT takes the expedited order first
    assert run(bench, Expedite("Q-3", on=False)).code == "supervisor.unexpedited"
    assert run(bench, Expedite("PL-1")).code == "supervisor.expedited"
    run(bench, Expedite("PL-1", on=False))
    assert [r.number for r in list_orders(store.unit_of_work, ()).rows][:2] == ["Q-4", "Q-3"]


def test_reopen_voids_the_tracking_number_and_prints_a_new_label(bench, store, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    opened(bench, "PL-2")
    bench.scan(SPOON)
    first = run(bench, Finish())
    assert first.kind == "shipped"
    old = first.params["tracking"]
    supervise(bench)
    assert run(bench, Reopen("PL-2", "")).code == "supervisor.reason_required"
    reopened = run(bench, Reopen("PL-2", "closed before the gift card went in"))
    assert (reopened.kind, reopened.code, reopened.order.number, reopened.order.status) == (
        "order_opened", "supervisor.reopened", "PL-2", "packing")  # fmt: skip
    doc = show_order(store.unit_of_work, "PL-2")
    assert doc["status"] == "packing" and doc["tracking_number"] is None
    again = run(bench, Finish())
    assert again.kind == "shipped"
    # Packed twice: the packer statistics' facts were stored each time, the second with all the time in packing.
    packed = [p for p in store.tables.packed if p.order_id == reopened.order.order_id]
    assert [(p.packer, p.units) for p in packed] == [(PACKER, 1), (PACKER, 1)]
    assert 0 < packed[0].packing_seconds <= packed[1].packing_seconds
    new = again.params["tracking"]
    assert new != old and len(new) == 18
    labels = (tmp_path / "printed").glob("PL-2-label*.pdf")
    assert sorted(label_codes(p)[0].removeprefix("(00)") for p in labels) == sorted(
        [old, new]
    )  # two labels: the voided one and the new
    trail = order_trail(store.unit_of_work, "PL-2")
    reopen = next(e for e in trail if e.code == "supervisor.reopen")
    assert old in str(reopen.params["detail"]) and reopen.who == SUPERVISOR
    statuses = [e.code.removeprefix("status.") for e in trail if e.kind == "status"]
    assert statuses == ["packing", "packed", "shipped", "packing", "packed", "shipped"]


def test_reopen_keeps_the_tracking_number_of_a_carrier_label(bench, store, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """The carrier's own label is printed again as it is, so its tracking number is not voided."""
    tracking = "JJD000390007771234"
    buf = io.BytesIO()
    canvas = Canvas(buf, pagesize=(100 * mm, 150 * mm))
    canvas.drawString(8 * mm, 135 * mm, "DPD CLASSIC")
    Code128(tracking, barWidth=0.4 * mm, barHeight=20 * mm).drawOn(canvas, 5 * mm, 20 * mm)
    canvas.save()
    label = CarrierLabel("pdf", buf.getvalue(), "test")
    record = replace(order("PL-9", ("SKU-SPOON", 1)), tracking_number=tracking, carrier_label=label)
    import_batch(store.unit_of_work, ImportBatch(orders=(record,)), "test")
    opened(bench, "PL-9")
    bench.scan(SPOON)
    assert run(bench, Finish()).params["tracking"] == tracking
    supervise(bench)
    assert run(bench, Reopen("PL-9", "the box was crushed")).code == "supervisor.reopened"
    assert show_order(store.unit_of_work, "PL-9")["tracking_number"] == tracking
    again = run(bench, Finish())
    assert (again.kind, again.params["tracking"]) == ("shipped", tracking)
    printed = sorted((tmp_path / "printed").glob("PL-9-label*.pdf"))
    assert len(printed) == 2 and all(p.read_bytes() == label.document for p in printed)
    reopen = next(e for e in order_trail(store.unit_of_work, "PL-9") if e.code == "supervisor.reopen")
    assert f"kept the carrier label's tracking {tracking}" in str(reopen.params["detail"])


def test_manual_confirmation_counts_like_a_scan_and_is_recorded(bench, store) -> None:  # type: ignore[no-untyped-def]
    opened(bench, "PL-1")
    confirmed = run(bench, ManualConfirm("SKU-MUG"))
    assert (confirmed.kind, confirmed.code, confirmed.params["scanned"]) == ("accepted", "scan.manual", 1)
    from_sheet = bench.scan("CMD-MANUAL-SKU-MUG")
    assert (from_sheet.kind, from_sheet.params["scanned"]) == ("accepted", 2)
    assert run(bench, ManualConfirm("SKU-MUG")).code == "manual.line_complete"
    assert run(bench, ManualConfirm("SKU-SOAP")).code == "manual.not_on_order"
    scans = show_order(store.unit_of_work, "PL-1")["scans"]
    assert [(s["verdict"], s["packer"]) for s in scans] == [("accepted", PACKER)] * 2
    with store.unit_of_work() as uow:
        stored = uow.journal.scans(uow.orders.by_number("PL-1").order_id)
    assert all(s.manual for s in stored) and {s.code for s in stored} == {"SKU-MUG"}


def test_manual_confirmation_may_need_a_supervisors_pin(store, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    set_setting(store.unit_of_work, MANUAL_CONFIRM_NEEDS_PIN, "on")
    bench = bench_on(store, tmp_path)
    bench.scan(BADGE)
    opened(bench, "PL-2")
    assert run(bench, ManualConfirm("SKU-SPOON")).code == "auth.supervisor_required"
    supervise(bench)
    assert run(bench, ManualConfirm("SKU-SPOON")).kind == "accepted"
    actions = [e for e in order_trail(store.unit_of_work, "PL-2") if e.code == "supervisor.manual_confirm"]
    assert [(a.who, a.params["reason"]) for a in actions] == [(SUPERVISOR, f"SKU-SPOON confirmed by hand by {PACKER}")]


def test_the_audit_trail_holds_everything_in_time_order(bench, store) -> None:  # type: ignore[no-untyped-def]
    opened(bench, "PL-1")
    bench.scan(SOAP)
    supervise(bench)
    run(bench, OverrideMismatch("the customer wants it"))
    bench.scan(MUG)
    run(bench, ManualConfirm("SKU-MUG"))
    bench.scan(SPOON)
    assert run(bench, Finish()).kind == "shipped"
    trail = order_trail(store.unit_of_work, "PL-1")
    assert [e.at for e in trail] == sorted(e.at for e in trail)
    kinds = [(e.kind, e.code) for e in trail]
    assert kinds[:5] == [("status", "status.packing"), ("scan", "scan.wrong_item"),
                         ("mismatch", "mismatch.override"), ("supervisor", "supervisor.override_mismatch"),
                         ("scan", "mismatch.overridden")]  # fmt: skip
    assert ("scan", "scan.manual") in kinds and ("status", "status.shipped") in kinds
    assert {code for kind, code in kinds if kind == "print"} >= {"print.queued", "print.sending", "print.printed"}
    override = next(e for e in trail if e.code == "mismatch.override")
    assert (override.who, override.params["note"]) == (SUPERVISOR, "the customer wants it")
