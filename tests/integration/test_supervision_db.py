"""A supervisor's decisions on SQLite and PostgreSQL: the queue by ship-by date and expedite (imported from a real
CSV file, taken by NEXT in one statement), a weight override with a scale on a pty, a partial shipment, a
cancellation's reason and cost, a reopen that prints a new tracking number, and the audit trail of it all.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from packstation import bootstrap
from packstation.adapters.importers import parse_import_file
from packstation.config import ScaleSettings, SerialPortSettings
from packstation.domain.users import Role
from packstation.services.audit import order_trail
from packstation.services.bench.bench import Bench
from packstation.services.bench.commands import (
    ApprovePartial,
    CancelOrder,
    EnterPin,
    Expedite,
    Finish,
    Hold,
    NextOrder,
    OverrideWeight,
    Reopen,
)
from packstation.services.importing import import_batch
from packstation.services.orders_admin import list_orders, show_order
from packstation.services.users import add_user
from tests.devices_support import ScaleSimulator, mt_sics_line
from tests.integration.packing_support import MUG_EAN, SPOON_UPC, batch, make_app, open_order, order

pytestmark = pytest.mark.timeout(120)
SUPERVISOR, SUP_BADGE, PIN = "Ewa Nadzorcza", "SUP-0001", "2468"


@pytest.fixture
def app(db_url: str, tmp_path: Path):  # type: ignore[no-untyped-def]
    application = make_app(db_url, "bench-1", tmp_path / "printed", auto_next=False)
    import_batch(application.uow, batch(order("S-1", ("SKU-MUG", 2), ("SKU-SPOON", 1)), order("S-2", ("SKU-MUG", 1))),
                 "orders.json")  # fmt: skip
    add_user(application.uow, SUPERVISOR, SUP_BADGE, Role.SUPERVISOR, PIN)
    yield application
    application.dispose()


def supervise(bench: Bench) -> None:
    assert bench.scan(SUP_BADGE).code == "auth.pin_required"
    answer = bench.handle(EnterPin(PIN))
    assert answer is not None and answer.code == "auth.supervisor_in"


def run(bench: Bench, command):  # type: ignore[no-untyped-def]
    outcome = bench.handle(command)
    assert outcome is not None, command
    return outcome


def test_the_queue_by_ship_by_date_and_expedited_first(app, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    orders = tmp_path / "later.csv"
    orders.write_text(
        "order_number,customer_name,city,ship_by,sku,quantity\n"
        "L-1,Jan,Łódź,,SKU-MUG,1\n"
        "L-2,Jan,Łódź,2031-01-01,SKU-MUG,1\n"
        "L-3,Jan,Łódź,2020-06-01T12:00+02:00,SKU-MUG,1\n",
        encoding="utf-8",
    )
    import_batch(app.uow, parse_import_file(orders), orders.name)
    rows = list_orders(app.uow, ()).rows
    assert [r.number for r in rows] == ["L-3", "S-1", "S-2", "L-1", "L-2"]
    assert rows[0].ship_by is not None and rows[0].ship_by.isoformat() == "2020-06-01T10:00:00"
    bench = app.bench()
    supervise(bench)
    assert run(bench, Expedite("L-2")).code == "supervisor.expedited"
    assert [(r.number, r.expedited) for r in list_orders(app.uow, ()).rows][:2] == [("L-2", True), ("L-3", False)]
    assert run(bench, NextOrder()).order.number == "L-2"  # one atomic statement takes the expedited order
    assert run(bench, NextOrder()).order.number == "L-3"
    assert run(bench, Expedite("S-2")).code == "supervisor.expedited"
    run(bench, Expedite("S-2", on=False))
    codes = [e.code for e in order_trail(app.uow, "S-2")]
    assert codes == ["supervisor.expedite", "supervisor.unexpedite"]


def test_a_supervisor_accepts_a_wrong_weight(app) -> None:  # type: ignore[no-untyped-def]
    scale = ScaleSimulator("mt-sics", [mt_sics_line("S", "2.000", "kg")])
    try:
        app.config.scale = ScaleSettings(SerialPortSettings(scale.path), "mt-sics", "bench scale", 1.0)
        bench = Bench(app.config, app.uow, bootstrap.documents(), bootstrap.printers(), bootstrap.scale(app.config))
        open_order(bench, "S-2")
        bench.scan(MUG_EAN)
        assert run(bench, Finish()).code == "parcel.weight_mismatch"  # 0.350 kg expected, 2.000 weighed
        assert run(bench, OverrideWeight("a padded box")).code == "auth.supervisor_required"
        supervise(bench)
        accepted = run(bench, OverrideWeight("a padded box"))
        expected = ("supervisor_action", "parcel.weight_overridden", "2.000")
        assert (accepted.kind, accepted.code, accepted.params["weight"]) == expected
        assert run(bench, Finish()).kind == "shipped"
    finally:
        scale.stop()
    trail = order_trail(app.uow, "S-2")
    override = next(e for e in trail if e.code == "supervisor.override_weight")
    assert (override.who, override.params["reason"]) == (SUPERVISOR, "a padded box")
    assert any(e.kind == "scan" and e.params["verdict"] == "weight_override" for e in trail)


def test_partial_shipment_cancellation_and_reopen(app, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    bench = app.bench()
    open_order(bench, "S-1")
    bench.scan(MUG_EAN)
    bench.scan(SPOON_UPC)
    run(bench, Hold("one mug short"))
    supervise(bench)
    partial = run(bench, ApprovePartial("S-1", "customer agreed"))
    assert partial.code == "supervisor.partial_approved" and partial.params["printed"] == 1
    lines = {ln["sku"]: (ln["quantity"], ln["scanned"]) for ln in show_order(app.uow, "S-1")["lines"]}
    assert lines == {"SKU-MUG": (2, 1), "SKU-SPOON": (1, 1)}
    with app.uow() as uow:
        missing = {ln.sku: ln.missing for ln in uow.orders.by_number("S-1").lines}
    assert missing == {"SKU-MUG": 1, "SKU-SPOON": 0}
    first = show_order(app.uow, "S-1")["tracking_number"]
    reopened = run(bench, Reopen("S-1", "the mug was found"))
    assert reopened.code == "supervisor.reopened" and show_order(app.uow, "S-1")["status"] == "packing"
    bench.scan(MUG_EAN)
    assert run(bench, Finish()).kind == "shipped"
    second = show_order(app.uow, "S-1")
    assert second["status"] == "shipped" and second["tracking_number"] not in (None, first)
    cancelled = run(bench, CancelOrder("S-2", "customer_request", "", Decimal("0.80"), Decimal("2.50"), Decimal("0")))
    assert cancelled.params["cost"] == "3.30 PLN"
    with app.uow() as uow:
        kept = uow.journal.cancellation(uow.orders.by_number("S-2").order_id)
    assert kept is not None and (kept.reason, kept.costs.packaging, kept.costs.labour, kept.who) == (
        "customer_request", Decimal("0.80"), Decimal("2.50"), SUPERVISOR)  # fmt: skip
    trail = [(e.kind, e.code) for e in order_trail(app.uow, "S-1")]
    assert ("supervisor", "supervisor.approve_partial") in trail and ("supervisor", "supervisor.reopen") in trail
    statuses = [code.removeprefix("status.") for kind, code in trail if kind == "status"]
    assert statuses == ["packing", "on_hold", "packed", "shipped", "packing", "packed", "shipped"]
