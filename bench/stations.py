"""Many benches on one database, through the real services, until the queue is empty.

    python bench/stations.py --stations 16 --orders 2000 (--pg | --db URL) [--restart-db-at S]

Each bench is its own process (its own installation id and station name): NEXT, scan every unit
of the order, FINISH (documents to a folder printer), again, until NEXT says the queue is empty
and nothing waits. ``--pg`` starts a throwaway PostgreSQL cluster (and ``--restart-db-at S``
stops and starts it S seconds into the run); ``--db`` uses a given database (SQLite serves one
bench: use it with ``--stations 1``). Baseline in the same run: one bench alone on the same
database for the first 200 scans.

Figures: orders per second, scan latency (median, p99) beside the baseline's, and the four that
must be 0: ``queue_empty_while_waiting`` (NEXT said "empty" while orders waited),
``packed_twice`` (an order shipped or its label printed twice), ``acknowledged_lost`` (a scan a
bench saw accepted but the database does not hold), ``stuck`` (orders not shipped at the end).
The last line printed is JSON.
"""

from __future__ import annotations

import argparse
import multiprocessing
import os
import shutil
import sys
import threading
import time
import traceback
import uuid
from collections import Counter
from decimal import Decimal
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from _common import disk_dir, emit_json, line, ms, summary  # noqa: E402

from packstation.domain import barcodes  # noqa: E402
from packstation.domain.records import (  # noqa: E402
    Address,
    ImportBatch,
    OrderLineRecord,
    OrderRecord,
    ProductRecord,
)

SKUS = {f"ST-{i}": barcodes.with_check_digit(f"59077700{i:04d}") for i in range(1, 9)}


def demo_batch(orders: int) -> ImportBatch:
    """``orders`` small orders (1-3 lines, 1-2 units each) of eight products."""
    products = tuple(
        ProductRecord(sku, f"Produkt {sku}", (code,), (), Decimal("0.2"), "A-01") for sku, code in SKUS.items()
    )
    skus = list(SKUS)
    records = tuple(
        OrderRecord(
            external_id=f"st-{n}",
            number=f"ST-{n:06d}",
            source="bench",
            customer_name="Zofia Wójcik",
            address=Address("Zofia Wójcik", "ul. Długa 1", "00-001", "Łódź"),
            lines=tuple(OrderLineRecord(skus[(n + k) % len(skus)], 1 + (n + k) % 2) for k in range(1 + n % 3)),
            carrier="InPost",
        )  # fmt: skip
        for n in range(orders)
    )
    return ImportBatch(products=products, orders=records)


def station(db_url: str, name: str, home: str, start, results) -> None:  # type: ignore[no-untyped-def]
    """One bench's process: pack until the queue is empty; put its report on ``results``."""
    os.environ["PACKSTATION_BENCH_ID"] = str(uuid.uuid4())
    os.environ["PACKSTATION_HOME"] = home
    try:
        results.put(_Packer(db_url, name, home).run(start))
    except Exception:  # noqa: BLE001 - the parent reports it
        results.put({"name": name, "error": traceback.format_exc()})


class _Packer:
    """One bench driven as a packer drives it (imports inside: this runs in a spawned process)."""

    def __init__(self, db_url: str, name: str, home: str) -> None:
        from packstation import bootstrap, config

        self.cfg = config.load(db_url=db_url, station=name, print_to=str(Path(home) / "printed"))
        self.app = bootstrap.bootstrap(self.cfg, migrate=False)
        self.bench = self.app.bench()
        self.report = {"name": name, "scans_ns": [], "acknowledged": Counter(), "shipped": [], "lies": 0,
                       "outages": 0, "retries": 0}  # fmt: skip

    def ask(self, command):  # type: ignore[no-untyped-def]
        """Handle ``command``, asking again while the database is away (a packer scans again)."""
        while True:
            outcome = self.bench.handle(command)
            if outcome is None or outcome.kind != "db_unavailable":
                return outcome
            self.report["outages"] += 1
            time.sleep(0.2)

    def waiting(self) -> int:
        from packstation.domain.status import Status
        from packstation.services.orders_admin import list_orders, stuck_orders

        return list_orders(self.app.uow, (Status.NEW,), limit=1).total + len(
            stuck_orders(self.app.uow, self.cfg.claim_ttl_seconds)
        )

    def pack(self, order):  # type: ignore[no-untyped-def]
        """Count what is missing, take out what is wrong, finish; the next order FINISH opened, if any."""
        from packstation.services.bench.commands import ConfirmRemoved, Finish, Scan

        shipped = None
        for _attempt in range(5):
            for pack_line in order.lines:
                for _ in range(pack_line.required - pack_line.scanned):
                    t0 = time.perf_counter_ns()
                    outcome = self.ask(Scan(SKUS[pack_line.sku]))
                    self.report["scans_ns"].append(time.perf_counter_ns() - t0)
                    if outcome is not None and outcome.kind == "accepted":
                        self.report["acknowledged"][order.number] += 1
            for _ in range(order.state.open_mismatches + 1):
                self.ask(ConfirmRemoved())
            shipped = self.ask(Finish())
            if shipped is None or shipped.kind == "shipped" or shipped.order is None:
                break
            order = shipped.order  # not finishable: what it says is still missing or wrong
            self.report["retries"] += 1
        if shipped is None or shipped.kind != "shipped":
            return None
        self.report["shipped"].append(order.number)
        return shipped.order

    def run(self, start) -> dict:  # type: ignore[no-untyped-def, type-arg]
        from packstation.services.bench.commands import NextOrder, Register

        self.ask(Register())
        start.wait()
        empty_in_a_row, order = 0, None
        while empty_in_a_row < 3:
            if order is None:  # FINISH opens the next order by itself; NEXT only when it did not
                opened = self.ask(NextOrder())
                order = opened.order if opened is not None and opened.kind == "order_opened" else None
            if order is None:
                if self.waiting():
                    self.report["lies"] += 1
                else:
                    empty_in_a_row += 1
                time.sleep(0.05)
                continue
            empty_in_a_row = 0
            order = self.pack(order)
        self.app.dispose()
        return self.report


def restart_later(cluster, after_s: float, done: list[float]) -> None:  # type: ignore[no-untyped-def]
    time.sleep(after_s)
    t0 = time.monotonic()
    cluster.stop("fast")
    time.sleep(1.0)  # down for a moment, as a restart under load is
    cluster.start()
    done.append(time.monotonic() - t0)


def verify(db_url: str, reports: list[dict]) -> dict[str, int]:  # type: ignore[type-arg]
    """The four figures that must be 0, read back from the database."""
    from sqlalchemy import create_engine, text

    from packstation.adapters.db.engine import normalise_url

    engine = create_engine(normalise_url(db_url))
    with engine.connect() as conn:
        shipped_twice = conn.execute(text(
            "SELECT count(*) FROM (SELECT order_id FROM status_changes WHERE to_status = 'shipped' "
            "GROUP BY order_id HAVING count(*) > 1) t")).scalar() or 0  # fmt: skip
        printed_twice = conn.execute(text(
            "SELECT count(*) FROM (SELECT order_id FROM print_jobs WHERE kind = 'label' AND state = 'printed' "
            "AND reprint_of IS NULL GROUP BY order_id HAVING count(*) > 1) t")).scalar() or 0  # fmt: skip
        stored = dict(conn.execute(text(
            "SELECT o.number, count(s.id) FROM orders o JOIN scan_events s ON s.order_id = o.id "
            "WHERE s.verdict = 'accepted' AND NOT s.voided GROUP BY o.number")).all())  # fmt: skip
        unfinished = conn.execute(text("SELECT count(*) FROM orders WHERE status <> 'shipped'")).scalar() or 0
    engine.dispose()
    acknowledged: Counter[str] = Counter()
    for report in reports:
        acknowledged.update(report["acknowledged"])
    lost = sum(max(count - stored.get(number, 0), 0) for number, count in acknowledged.items())
    return {
        "packed_twice": int(shipped_twice) + int(printed_twice),
        "acknowledged_lost": lost,
        "stuck": int(unfinished),
    }


def run(db_url: str, args: argparse.Namespace, work: Path, cluster=None) -> dict:  # type: ignore[no-untyped-def, type-arg]
    from packstation import bootstrap, config
    from packstation.domain.settings import LOGIN_REQUIRED
    from packstation.services.importing import import_batch
    from packstation.services.settings import set_setting

    setup = bootstrap.bootstrap(config.load(db_url=db_url, station="setup"))
    import_batch(setup.uow, demo_batch(args.orders), "stations")
    # Packing is timed, not people: as in the demo, scans count without a login.
    set_setting(setup.uow, LOGIN_REQUIRED, "off")
    setup.dispose()
    ctx = multiprocessing.get_context("spawn")
    start, results = ctx.Event(), ctx.Queue()
    procs = [
        ctx.Process(target=station, args=(db_url, f"st-{i:02d}", str(work / f"home-{i}"), start, results))
        for i in range(args.stations)
    ]
    for proc in procs:
        proc.start()
    time.sleep(2)  # every bench started and registered
    restarts: list[float] = []
    if args.restart_db_at is not None and cluster is not None:
        threading.Thread(target=restart_later, args=(cluster, args.restart_db_at, restarts), daemon=True).start()
    t0 = time.monotonic()
    start.set()
    reports = [results.get(timeout=args.timeout) for _ in procs]
    elapsed = time.monotonic() - t0
    failed = [r for r in reports if "error" in r]
    if failed:
        raise SystemExit(f"{len(failed)} bench(es) failed:\n" + failed[0]["error"])
    for proc in procs:
        proc.join(timeout=30)
    checks = verify(db_url, reports)
    scans = [ns for r in reports for ns in r["scans_ns"]]
    shipped = sum(len(r["shipped"]) for r in reports)
    return {"reports": reports, "elapsed": elapsed, "scans": scans, "shipped": shipped, "checks": checks,
            "restarts": restarts}  # fmt: skip


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--stations", type=int, default=16)
    p.add_argument("--orders", type=int, default=2000)
    p.add_argument("--pg", action="store_true", help="a throwaway PostgreSQL cluster (default)")
    p.add_argument("--db", help="an existing database URL instead")
    p.add_argument("--restart-db-at", type=float, help="with --pg: stop and start the server this many s in")
    p.add_argument("--timeout", type=float, default=1800)
    args = p.parse_args()
    work, created = disk_dir(None, "packstation-stations-")
    try:
        if args.db:
            figures = run(args.db, args, work)
            backend = "sqlite" if args.db.startswith("sqlite") else "postgresql"
        else:
            from _pg import throwaway_cluster

            with throwaway_cluster() as cluster:
                figures = run(cluster.new_database("stations"), args, work, cluster)
            backend = "postgresql"
    finally:
        if created:
            shutil.rmtree(work, ignore_errors=True)
    s = summary(ms(figures["scans"]))
    print(line(f"scan at {args.stations} benches", s))
    lies = sum(r["lies"] for r in figures["reports"])
    outages = sum(r["outages"] for r in figures["reports"])
    print(f"{figures['shipped']} orders shipped in {figures['elapsed']:.1f} s; db restarts {figures['restarts']}")
    emit_json({
        "backend": backend,
        "stations": args.stations,
        "orders": args.orders,
        "orders_shipped": figures["shipped"],
        "orders_per_s": round(figures["shipped"] / figures["elapsed"], 2),
        "scan_p50_ms": round(s["median"], 3),
        "scan_p99_ms": round(s["p99"], 3),
        "queue_empty_while_waiting": lies,
        **figures["checks"],
        "db_restarts": len(figures["restarts"]),
        "answers_during_outage": outages,
    })  # fmt: skip
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
