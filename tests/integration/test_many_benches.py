"""Many benches on one database: NEXT never lies, claims are never orphaned, names are never shared.

On SQLite and PostgreSQL: 16 (PostgreSQL) or 4 (SQLite) processes press NEXT at the same
moment and get distinct orders; a bench killed with SIGKILL leaves its order to come back at
the head of the queue with its scans once the claim lapses; the database going away right
after a claim commits leaves nothing stuck; a second machine under a station name in use is
refused, naming the machine.
"""

from __future__ import annotations

import multiprocessing
import os
import queue
import signal
import subprocess
import sys
import uuid
from pathlib import Path

import pytest
from packing_support import (
    MUG_EAN,
    age_claim,
    make_app,
    next_worker,
    simple_orders,
)

from packstation.services.bench.commands import NextOrder, Register, Shutdown
from packstation.services.importing import import_batch
from packstation.services.orders_admin import show_order, stuck_orders

HERE = Path(__file__).resolve().parent


def _benches_press_next_together(db_url: str, benches: int, orders: int) -> list[tuple[str, str, str | None]]:
    setup = make_app(db_url, "setup")
    try:
        import_batch(setup.uow, simple_orders(orders, "NX"), "next.json")
    finally:
        setup.dispose()
    ctx = multiprocessing.get_context("spawn")
    barrier = ctx.Barrier(benches)
    results = ctx.Queue()
    procs = [
        ctx.Process(target=next_worker, args=(db_url, str(uuid.uuid4()), f"bench-{i:02d}", barrier, results))
        for i in range(benches)
    ]
    for proc in procs:
        proc.start()
    collected = []
    try:
        for _ in procs:
            collected.append(results.get(timeout=120))
    except queue.Empty:
        pytest.fail(f"only {len(collected)} of {benches} benches reported")
    finally:
        for proc in procs:
            proc.join(timeout=30)
            if proc.is_alive():
                proc.kill()
    return collected


@pytest.mark.postgres
def test_sixteen_benches_pressing_next_at_once_get_sixteen_orders(pg_url: str) -> None:
    got = _benches_press_next_together(pg_url, 16, 40)
    assert [kind for _, kind, _ in got] == ["order_opened"] * 16, got
    numbers = [number for _, _, number in got]
    assert len(set(numbers)) == 16 and None not in numbers
    # The sixteen oldest: nobody was sent further down the queue than needed.
    assert set(numbers) == {f"NX-{i:04d}" for i in range(1, 17)}


def test_four_benches_pressing_next_at_once_on_sqlite(sqlite_url: str) -> None:
    got = _benches_press_next_together(sqlite_url, 4, 10)
    assert [kind for _, kind, _ in got] == ["order_opened"] * 4, got
    assert {number for _, _, number in got} == {f"NX-{i:04d}" for i in range(1, 5)}


def test_next_says_the_queue_is_empty_only_when_it_is(db_url: str, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    app = make_app(db_url, "bench-1")
    try:
        import_batch(app.uow, simple_orders(7, "Q"), "q.json")
        opened = []
        for i in range(7):
            monkeypatch.setenv("PACKSTATION_BENCH_ID", f"machine-{i}")
            outcome = app.bench().handle(NextOrder())
            assert outcome is not None and outcome.kind == "order_opened", outcome
            opened.append(outcome.params["number"])
        assert sorted(opened) == [f"Q-{i:04d}" for i in range(1, 8)]  # more than five benches: still true
        monkeypatch.setenv("PACKSTATION_BENCH_ID", "machine-late")
        empty = app.bench().handle(NextOrder())
        assert empty is not None and empty.code == "queue.empty"
    finally:
        app.dispose()


def test_a_killed_bench_leaves_its_order_at_the_head_of_the_queue_with_its_scans(db_url: str, tmp_path: Path) -> None:
    app = make_app(db_url, "survivor")
    import_batch(app.uow, simple_orders(3, "K"), "k.json")
    code = (
        f"import sys; sys.path.insert(0, {str(HERE)!r});"
        "from packing_support import bench_process;"
        f"bench_process({db_url!r}, 'machine-dead', 'bench-dead', 'K-0002', 1)"
    )
    env = {**os.environ, "PACKSTATION_HOME": str(tmp_path / "dead-home")}
    dead = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            env=env)  # fmt: skip
    try:
        assert dead.stdout is not None and dead.stderr is not None
        ready = dead.stdout.readline().strip()
        assert ready == "READY", dead.stderr.read() if dead.poll() is not None else ready
        dead.send_signal(signal.SIGKILL)
        dead.wait(timeout=30)
        assert show_order(app.uow, "K-0002")["claimed_by"] == "bench-dead"
        assert stuck_orders(app.uow, 300) == ()  # within its lifetime the claim is not yet stuck

        age_claim(app, "K-0002", 301)  # the claim's lifetime passes with no heartbeat
        stuck = stuck_orders(app.uow, 300)
        assert [(r.number, r.station, r.scanned, r.units, r.claim_expired) for r in stuck] == [
            ("K-0002", "bench-dead", 1, 1, True)
        ]
        taken = app.bench().handle(NextOrder())  # at the head of the queue, before the older new K-0001
        assert taken is not None and (taken.kind, taken.code) == ("order_opened", "order.resumed")
        assert taken.params["number"] == "K-0002" and taken.order.lines[0].scanned == 1
        doc = show_order(app.uow, "K-0002")
        assert doc["claimed_by"] == "survivor"
        assert [s["station"] for s in doc["scans"]] == ["bench-dead"]  # its scans kept, never voided
        assert not any(s["voided"] for s in doc["scans"])
    finally:
        if dead.poll() is None:
            dead.kill()
        app.dispose()


def test_a_second_machine_under_a_name_in_use_is_refused(db_url: str, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    app = make_app(db_url, "bench-7")
    try:
        monkeypatch.setenv("PACKSTATION_BENCH_ID", "machine-one")
        first = app.bench()
        assert first.handle(Register()).code == "bench.registered"
        monkeypatch.setenv("PACKSTATION_BENCH_ID", "machine-two")
        second = app.bench()
        refused = second.handle(Register())
        assert refused is not None and (refused.kind, refused.code) == ("refused", "bench.name_taken")
        assert refused.params["bench"] == "machine-"[:8] and refused.params["host"]
        # The same machine restarting is not refused.
        monkeypatch.setenv("PACKSTATION_BENCH_ID", "machine-one")
        assert app.bench().handle(Register()).code == "bench.registered"
        # A clean stop gives the name back at once.
        first.handle(Shutdown())
        monkeypatch.setenv("PACKSTATION_BENCH_ID", "machine-two")
        assert app.bench().handle(Register()).code == "bench.registered"
    finally:
        app.dispose()


def test_packstation_run_under_a_taken_name_exits_naming_the_machine(db_url: str, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    app = make_app(db_url, "bench-9")
    try:
        monkeypatch.setenv("PACKSTATION_BENCH_ID", "machine-one")
        assert app.bench().handle(Register()).code == "bench.registered"
        env = {**os.environ, "PACKSTATION_BENCH_ID": "machine-two", "QT_QPA_PLATFORM": "offscreen"}
        proc = subprocess.run(
            [sys.executable, "-m", "packstation", "--db", db_url, "--station", "bench-9", "run"],
            capture_output=True, text=True, timeout=120, env=env,
        )  # fmt: skip
        assert proc.returncode == 1
        lines = proc.stderr.strip().splitlines()
        assert len(lines) == 1 and "bench-9" in lines[0] and "in use by" in lines[0], proc.stderr
    finally:
        app.dispose()


def test_a_claim_orphaned_by_a_lost_commit_acknowledgement_is_not_stuck(db_url: str, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """The database commits the claim but the bench never hears back (the server went away)."""
    from packstation.adapters.db.unit_of_work import SqlUnitOfWork
    from packstation.domain.errors import StorageUnavailable

    app = make_app(db_url, "bench-1")
    try:
        import_batch(app.uow, simple_orders(2, "L"), "l.json")
        bench = app.bench()
        real_commit = SqlUnitOfWork.commit

        def commit_then_lose_the_answer(self: SqlUnitOfWork) -> None:
            real_commit(self)
            raise StorageUnavailable("connection lost while committing")

        monkeypatch.setattr(SqlUnitOfWork, "commit", commit_then_lose_the_answer)
        lost = bench.handle(NextOrder())
        monkeypatch.undo()
        assert lost is not None and lost.kind == "db_unavailable" and lost.order is None
        assert show_order(app.uow, "L-0001")["claimed_by"] == "bench-1"  # stored, but the bench does not know
        again = bench.handle(NextOrder())  # its own claim comes first: the same order, not a second one
        assert again is not None and again.params["number"] == "L-0001"
        assert show_order(app.uow, "L-0002")["status"] == "new"
        bench.scan(MUG_EAN)
        assert show_order(app.uow, "L-0001")["lines"][0]["scanned"] == 1
    finally:
        app.dispose()


@pytest.mark.postgres
def test_the_server_stopped_right_after_a_claim_commits(pg_cluster, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from packstation.adapters.db.unit_of_work import SqlUnitOfWork

    url = pg_cluster.new_database("orphan")
    app = make_app(url, "bench-1")
    try:
        import_batch(app.uow, simple_orders(2, "S"), "s.json")
        bench = app.bench()
        real_commit = SqlUnitOfWork.commit

        def commit_then_stop(self: SqlUnitOfWork) -> None:
            real_commit(self)
            pg_cluster.stop("immediate")

        monkeypatch.setattr(SqlUnitOfWork, "commit", commit_then_stop)
        opened = bench.handle(NextOrder())
        monkeypatch.undo()
        assert opened is not None and opened.kind == "order_opened"  # claim and snapshot came together
        down = bench.scan(MUG_EAN)
        assert down.kind == "db_unavailable"
        pg_cluster.start()
        assert bench.scan(MUG_EAN).kind == "accepted"  # the same bench goes on with it
        other = make_app(url, "bench-2")
        try:
            age_claim(app, "S-0001", 3600)  # and were this bench gone, another would take it
            taken = other.bench().handle(NextOrder())
            assert taken is not None and taken.params["number"] == "S-0001" and taken.code == "order.resumed"
        finally:
            other.dispose()
    finally:
        if not pg_cluster.is_running():
            pg_cluster.start()
        app.dispose()
