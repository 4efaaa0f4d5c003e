"""Claims: an order open at one station cannot be opened at another at the same time.

On SQLite and PostgreSQL: the second station is told which station holds the order; a stale
claim (the holder went silent past the claim's lifetime) can be taken over; a crashed
station takes its own claim back. And the race: two separate processes (spawned, in step
through a barrier) try to open the same order 100 times; exactly one wins every round.
"""

from __future__ import annotations

import multiprocessing
import queue
from pathlib import Path

import pytest
from packing_support import MUG_EAN, age_claim, make_app, open_order, race_worker, simple_orders

from packstation.services import orders_admin
from packstation.services.bench.commands import Heartbeat, OpenOrder, Resume
from packstation.services.importing import import_batch
from packstation.services.order_document import order_document

ROUNDS = 100


@pytest.fixture
def two_benches(db_url: str, tmp_path: Path):  # type: ignore[no-untyped-def]
    first = make_app(db_url, "bench-A", tmp_path / "a")
    second = make_app(db_url, "bench-B", tmp_path / "b")
    import_batch(first.uow, simple_orders(3, "ORD"), "orders.json")
    yield first, second
    first.dispose()
    second.dispose()


def holder(app, number: str) -> str | None:  # type: ignore[no-untyped-def]
    return orders_admin.show_order(app.uow, number)["claimed_by"]


def test_second_station_is_told_which_station_holds_the_order(two_benches) -> None:  # type: ignore[no-untyped-def]
    app_a, app_b = two_benches
    a, b = app_a.bench(), app_b.bench()
    open_order(a, "ORD-0001")
    refused = b.handle(OpenOrder("ORD-0001"))
    assert refused is not None and (refused.kind, refused.code) == ("refused", "order.claimed_elsewhere")
    assert refused.params["station"] == "bench-A"
    assert refused.params["number"] == "ORD-0001"
    # Scanning the order's number at bench B says the same, and changes nothing.
    outcome = b.scan("ORD-0001")
    assert (outcome.kind, outcome.code, outcome.stored) == ("refused", "order.claimed_elsewhere", False)
    assert outcome.params["station"] == "bench-A"
    assert b.session.order_id is None and refused.order is None
    assert holder(app_a, "ORD-0001") == "bench-A"
    # Bench A goes on undisturbed; B may take another order.
    assert a.scan(MUG_EAN).kind == "accepted"
    open_order(b, "ORD-0002")
    assert holder(app_a, "ORD-0002") == "bench-B"


def test_heartbeat_keeps_a_claim_alive(two_benches) -> None:  # type: ignore[no-untyped-def]
    app_a, app_b = two_benches
    app_b.config.claim_ttl_seconds = 60
    a, b = app_a.bench(), app_b.bench()
    open_order(a, "ORD-0001")
    age_claim(app_a, "ORD-0001", 3600)  # A's last sign of life was long ago...
    assert a.handle(Heartbeat()) is None  # ...until its heartbeat runs
    assert b.handle(OpenOrder("ORD-0001")).code == "order.claimed_elsewhere"


@pytest.mark.parametrize("how", ["ttl_zero", "old_heartbeat"])
def test_a_stale_claim_can_be_taken_over(two_benches, how: str) -> None:  # type: ignore[no-untyped-def]
    app_a, app_b = two_benches
    app_b.config.claim_ttl_seconds = 0 if how == "ttl_zero" else 300
    a, b = app_a.bench(), app_b.bench()
    open_order(a, "ORD-0001")
    assert a.scan(MUG_EAN).kind == "accepted"
    if how == "old_heartbeat":
        age_claim(app_a, "ORD-0001", 301)
    view = open_order(b, "ORD-0001")
    assert view.number == "ORD-0001"
    assert [line.scanned for line in view.lines] == [1]  # A's counted unit is still counted
    assert holder(app_a, "ORD-0001") == "bench-B"
    with app_b.uow() as uow:
        order = uow.orders.by_number("ORD-0001")
        assert uow.journal.open_session(order.order_id).station == "bench-B"
        assert order.claim_packer == "bench-B"
    # A finds out at its next scan, and nothing is counted for it.
    lost = a.scan(MUG_EAN)
    assert (lost.kind, lost.code) == ("refused", "order.lost_claim")
    assert a.session.order_id is None and lost.order is None
    doc = orders_admin.show_order(app_a.uow, "ORD-0001")
    assert doc["lines"][0]["scanned"] == 1
    assert [(h["from"], h["to"]) for h in doc["history"]] == [("new", "packing")]


def test_a_crashed_station_takes_its_own_claim_back(db_url: str, tmp_path: Path) -> None:
    crashed = make_app(db_url, "bench-A", tmp_path)
    import_batch(crashed.uow, simple_orders(2, "ORD"), "orders.json")
    open_order(crashed.bench(), "ORD-0002")
    crashed.dispose()  # no release: the process died

    restarted = make_app(db_url, "bench-A", tmp_path)  # long claim lifetime: nothing is stale
    other = make_app(db_url, "bench-B", tmp_path)
    try:
        assert other.bench().handle(OpenOrder("ORD-0002")).code == "order.claimed_elsewhere"
        bench = restarted.bench()
        resumed = bench.handle(Resume())
        assert resumed is not None and resumed.code == "order.resumed" and resumed.order.number == "ORD-0002"
        assert bench.scan(MUG_EAN).kind == "accepted"
        # Opening it again by number at the same station works as well.
        assert open_order(restarted.bench(), "ORD-0002").number == "ORD-0002"
        with restarted.uow() as uow:
            order = uow.orders.by_number("ORD-0002")
            assert uow.journal.open_session(order.order_id).station == "bench-A"
    finally:
        restarted.dispose()
        other.dispose()


def test_a_released_order_is_free_for_another_station(two_benches) -> None:  # type: ignore[no-untyped-def]
    app_a, app_b = two_benches
    a, b = app_a.bench(), app_b.bench()
    open_order(a, "ORD-0003")
    assert a.scan("CMD-RELEASE").kind == "released"
    assert holder(app_a, "ORD-0003") is None
    assert open_order(b, "ORD-0003").number == "ORD-0003"


def test_two_processes_race_for_the_same_order_100_times(db_url: str) -> None:
    setup = make_app(db_url, "setup")
    try:
        import_batch(setup.uow, simple_orders(ROUNDS), "race.json")
    finally:
        setup.dispose()
    numbers = [f"RACE-{i:04d}" for i in range(1, ROUNDS + 1)]

    ctx = multiprocessing.get_context("spawn")
    barrier = ctx.Barrier(2)
    results = ctx.Queue()
    procs = [
        ctx.Process(target=race_worker, args=(db_url, name, numbers, barrier, results))
        for name in ("bench-A", "bench-B")
    ]
    for proc in procs:
        proc.start()
    collected: dict[str, list] = {}
    try:
        for _ in procs:
            station, rounds = results.get(timeout=90)
            collected[station] = rounds
    except queue.Empty:
        pytest.fail(f"racing processes did not report in time (got {sorted(collected)})")
    finally:
        for proc in procs:
            proc.join(timeout=30)
            if proc.is_alive():
                proc.kill()
                proc.join()

    a, b = collected["bench-A"], collected["bench-B"]
    errors = [r for r in a + b if r[1].startswith("error")]
    assert errors == []
    assert len(a) == len(b) == ROUNDS
    winners = []
    for (num_a, out_a, who_a), (num_b, out_b, who_b) in zip(a, b, strict=True):
        assert num_a == num_b
        outcomes = sorted([out_a, out_b])
        assert outcomes == ["claimed", "won"], (num_a, out_a, out_b)
        winner = who_a if out_a == "won" else who_b
        loser_named = who_b if out_a == "won" else who_a
        assert loser_named == winner  # the loser was told who holds it
        winners.append((num_a, winner))
    # Which bench wins depends on scheduling (often about 50/50, sometimes one side every
    # time on a busy machine); what matters is that each round had exactly one winner and
    # the loser was refused naming it, which the loop above checks.

    check = make_app(db_url, "check")
    try:
        with check.uow() as uow:
            for number, winner in winners:
                order = uow.orders.by_number(number)
                assert (order.status, order.claim_station) == ("packing", winner)
                history = order_document(uow, order)["history"]
                assert [(h["from"], h["to"], h["station"]) for h in history] == [("new", "packing", winner)]
                assert uow.journal.open_session(order.order_id).station == winner
    finally:
        check.dispose()
