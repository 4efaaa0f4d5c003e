"""The database going away mid-shift (PostgreSQL stopped and started again).

While the server is down a scan of a valid unit turns red with ``db_unavailable`` within a
few seconds and counts nothing; once the server is back the next scan is accepted without
restarting anything, and the stored count equals exactly the scans that were accepted.

The PostgreSQL cluster is shared by the whole session: the test always starts it again,
even when it fails, and works in a database of its own.
"""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from packing_support import MUG_EAN, SPOON_UPC, batch, make_app, open_order, order

from packstation.services import orders_admin
from packstation.services.bench.commands import Heartbeat, Refresh
from packstation.services.importing import import_batch

pytestmark = pytest.mark.postgres

ANSWER_WITHIN_S = 5.0


def timed_scan(station, raw: str):  # type: ignore[no-untyped-def]
    started = time.monotonic()
    outcome = station.scan(raw)
    return outcome, time.monotonic() - started


def test_scans_while_the_server_is_down_count_nothing_and_it_recovers(pg_cluster, tmp_path: Path) -> None:
    url = pg_cluster.new_database("outage")
    app = make_app(url, "bench-1", tmp_path / "printed")
    try:
        import_batch(app.uow, batch(order("PL-1", ("SKU-MUG", 5), ("SKU-SPOON", 1))), "orders.json")
        station = app.bench()
        open_order(station, "PL-1")
        assert station.scan(MUG_EAN).params["scanned"] == 1

        pg_cluster.stop()
        try:
            assert not pg_cluster.is_running()
            for raw in (MUG_EAN, SPOON_UPC, MUG_EAN):
                outcome, took = timed_scan(station, raw)
                assert outcome.kind == "db_unavailable", outcome
                assert (outcome.tone, outcome.code, outcome.stored) == ("bad", "storage.unreachable", False)
                assert took < ANSWER_WITHIN_S, f"the red banner took {took:.1f} s"
                # Nothing that was not stored is counted, not even on screen.
                assert [line.scanned for line in outcome.order.lines] == [1, 0]
            beat = station.handle(Heartbeat())
            assert beat is not None and beat.kind == "db_unavailable"
            removed = station.scan("CMD-REMOVED")
            assert removed.kind == "db_unavailable" and removed.stored is False
        finally:
            pg_cluster.start()
        assert pg_cluster.is_running()

        # Same station object, same engine: it reconnects by itself.
        outcome, took = timed_scan(station, MUG_EAN)
        assert outcome.kind == "accepted", outcome
        assert outcome.params["scanned"] == 2
        assert outcome.stored is True
        assert station.scan(SPOON_UPC).kind == "accepted"
        assert station.handle(Heartbeat()) is None
        refreshed = station.handle(Refresh())
        assert refreshed is not None and [line.scanned for line in refreshed.order.lines] == [2, 1]

        doc = orders_admin.show_order(app.uow, "PL-1")
        assert [ln["scanned"] for ln in doc["lines"]] == [2, 1]
        accepted = [s for s in doc["scans"] if s["verdict"] == "accepted"]
        assert len(accepted) == 3  # exactly the acknowledged scans, none of the refused ones
        assert sum(s["quantity"] for s in accepted) == 3
        assert doc["mismatches"] == []
        assert doc["claimed_by"] == "bench-1" and doc["status"] == "packing"
    finally:
        if not pg_cluster.is_running():
            pg_cluster.start()
        app.dispose()


def test_opening_an_order_while_the_server_is_down(pg_cluster, tmp_path: Path) -> None:
    url = pg_cluster.new_database("outage")
    app = make_app(url, "bench-1", tmp_path / "printed")
    try:
        import_batch(app.uow, batch(order("PL-1", ("SKU-MUG", 1))), "orders.json")
        station = app.bench()
        pg_cluster.stop()
        try:
            outcome, took = timed_scan(station, "PL-1")
            assert (outcome.kind, outcome.stored) == ("db_unavailable", False)
            assert took < ANSWER_WITHIN_S
            assert station.session.order_id is None and outcome.order is None
        finally:
            pg_cluster.start()
        opened = station.scan("PL-1")
        assert (opened.kind, opened.order.number) == ("order_opened", "PL-1")
        assert station.scan(MUG_EAN).kind == "accepted"
        assert orders_admin.show_order(app.uow, "PL-1")["lines"][0]["scanned"] == 1
    finally:
        if not pg_cluster.is_running():
            pg_cluster.start()
        app.dispose()
