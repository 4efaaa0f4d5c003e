"""End to end in Polish: the real app under Xvfb, its language taken from the system, an order packed
by xdotool key bursts at 5 ms per key, finished by its last unit, and the stored result read back.

The app runs with ``LANG=pl_PL.UTF-8`` and no language setting, so the Polish words come from
following the system. The packer logs in, opens the order by its slip, scans a unit that is
not on the order and takes it out (CMD-REMOVED), scans a unit and takes that scan back
(CMD-UNDO), then scans every unit: the last one finishes the order by itself after the
finishing moment (1.5 s) — no FINISH scan — and the next order opens.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.e2e.test_packing_e2e import (  # noqa: F401 - x_priority is a fixture
    STATION,
    Bench,
    _summary,
    accepted_scans,
    pick_order,
    units_of,
    wait_for,
    x_priority,
)

pytestmark = [pytest.mark.timeout(240), pytest.mark.xvfb]
POLISH_SYSTEM = {"LANG": "pl_PL.UTF-8", "LC_ALL": "", "LANGUAGE": "pl_PL:pl"}


@pytest.fixture
def polish_bench(tmp_path: Path, xvfb_display: str, x_priority: str) -> Iterator[Bench]:  # noqa: F811
    bench = Bench(tmp_path, xvfb_display, x_priority, env=POLISH_SYSTEM)
    out = bench.cli("demo", "--no-run")
    assert "demo database ready" in out and "60 product pictures drawn" in out, out
    try:
        yield bench
    finally:
        bench.terminate()


def test_pack_an_order_in_polish_finished_by_its_last_unit(polish_bench: Bench, _isolated_user_data: Path) -> None:
    bench = polish_bench
    order, wrong = pick_order(bench, 3, 6)
    number = order["number"]
    units = units_of(order)

    bench.start()
    bench.scan("PKR-0001", f"ORD-{number}", wrong, "CMD-REMOVED", units[0], "CMD-UNDO")
    doc = bench.wait_order(number, "the undone scan", lambda d: any(s["voided"] for s in d["scans"]))
    assert [(m["kind"], m["resolution"]) for m in doc["mismatches"]] == [("wrong_item", "removed")], _summary(doc)
    assert all(line["scanned"] == 0 for line in doc["lines"]), _summary(doc)

    bench.scan(*units)  # the last unit finishes the order: no CMD-FINISH
    doc = bench.wait_order(number, "shipped by its last unit", lambda d: d["status"] == "shipped", timeout=60)
    bench.wait_banner("good", "shipped-pl")

    assert all(line["scanned"] == line["quantity"] for line in doc["lines"]), _summary(doc)
    assert [s["raw"] for s in accepted_scans(doc)] == units
    voided = [s for s in doc["scans"] if s["voided"]]
    assert [(s["raw"], s["verdict"]) for s in voided] == [(units[0], "accepted")]  # kept, marked voided
    # The last parcel closed (and weighed) on the way out is recorded as the last unit's finish.
    commands = ["CMD-REMOVED", "CMD-UNDO", "FINISH-ON-LAST-UNIT"]
    assert [s["raw"] for s in doc["scans"] if s["verdict"] == "command"] == commands
    assert {s["packer"] for s in doc["scans"]} == {"Anna Kowalska"}
    assert [(h["from"], h["to"]) for h in doc["history"]][-3:] == [
        ("new", "packing"),
        ("packing", "packed"),
        ("packed", "shipped"),
    ]
    assert doc["parcels"] and doc["parcels"][0]["tracking_number"] == doc["tracking_number"]
    assert len(list(bench.printed.glob("*.pdf"))) == 2
    assert not [s for s in doc["scans"] if s["raw"] == "CMD-FINISH"]

    def next_open() -> list[dict]:
        return [r for r in bench.orders("packing") if r["station"] == STATION]

    assert wait_for("the next order open at this station", next_open)[0]["number"] != number
    # The words were Polish because the system's are: the app says so in its log.
    log = (_isolated_user_data / "logs" / "packstation.log").read_text(encoding="utf-8")
    assert "language=pl " in log
