"""The mismatch report and the packer statistics on a big history: time and peak memory.

    python bench/reports.py [--orders 200000] [--scans 1000000] [--days 90] [--runs 5] [--pg] [--sqlite]
                            [--dir DIR] [--without-indexes]

Seeds 90 days of packing at 20 stations — 200,000 orders, 1,000,000 scan events of which 3 % are
mismatches, their status changes (3 % of orders held on the way), order lines, mismatch rows and the
packed orders' facts finishing stores — by bulk insert straight into the tables (not through the
services; COPY on PostgreSQL), on SQLite on disk and on a throwaway
PostgreSQL cluster. Then a fresh child process (so its peak memory is the reports' own) runs the
mismatch report and the packer statistics for the last 30 days grouped by day, ``--runs`` times each.
Baseline in the same run: counting the period's product scans (the least a per-scan figure must read).
``--without-indexes`` drops the report indexes of migration 0009 first, to show what they take.
Targets (issue #10): each report under 1 s, the process's peak memory under 500 MB. The last line is JSON.
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import shutil
import subprocess
import sys
import time
from datetime import datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from _common import disk_dir, emit_json  # noqa: E402

from packstation.domain.reports import packing_seconds  # noqa: E402

STATIONS = 20
PACKERS = 40
PRODUCTS = 2000
MISMATCH_SHARE = 0.03
HELD_SHARE = 0.03
MANUAL_SHARE = 0.005
REPORT_DAYS = 30
KINDS = ("wrong_item", "over_scan", "unknown_barcode", "expired", "duplicate_serial")
# The orders' other required columns (the tables' defaults are the application's, not the database's).
ORDER_BLANKS = ("", "", "ul. Długa 1", "90-001", "PL", "InPost", "Kurier", "prepaid", "PLN", "", "")
CHUNK = 5000  # orders generated and inserted at a time: the seeding never holds the whole history
REPORT_INDEXES = ("ix_scan_events_verdict_at", "ix_scan_events_manual", "ix_mismatches_created_at",
                  "ix_packed_orders_at")  # fmt: skip
TABLES = ("products", "orders", "order_lines", "status_changes", "scan_events", "mismatches", "packed_orders")


def units_of(n: int, orders: int, scans: int) -> int:
    """Units of order ``n``: 30 % single-item, the rest 2 … so that all accepted scans add up to ``scans`` × 97 %."""
    single = int(orders * 0.3)
    if n < single:
        return 1
    multi = orders - single
    accepted = round(scans * (1 - MISMATCH_SHARE)) - single
    base, extra = divmod(accepted, multi)  # every multi-item order gets ``base`` units, the first ``extra`` one more
    return base + (1 if n - single < extra else 0)


class Seeder:
    """Rows of ``CHUNK`` orders at a time, with explicit ids, written by the database's fastest bulk path."""

    def __init__(self, orders: int, scans: int, days: int, end: datetime) -> None:
        self.orders, self.scans, self.days, self.end = orders, scans, days, end
        self.rng = random.Random(10)
        self.ids = dict.fromkeys(TABLES, 0)
        mismatched = round(scans * MISMATCH_SHARE)
        self.mismatched_orders = set(self.rng.sample(range(orders), mismatched))

    def next_id(self, table: str) -> int:
        self.ids[table] += 1
        return self.ids[table]

    def products(self) -> list[tuple]:
        return [(i + 1, f"SKU-{i:05d}", f"Produkt {i} — żółć", "", "", "none") for i in range(PRODUCTS)]

    def chunk(self, first: int, last: int) -> dict[str, list[tuple]]:
        rows: dict[str, list[tuple]] = {t: [] for t in TABLES if t != "products"}
        start = self.end - timedelta(days=self.days)
        for n in range(first, last):
            self._order(n, start + timedelta(seconds=self.rng.uniform(0, self.days * 86400)), rows)
        return rows

    def _order(self, n: int, opened: datetime, rows: dict[str, list[tuple]]) -> None:
        rng = self.rng
        order_id = self.next_id("orders")
        station, packer = f"B{rng.randrange(STATIONS) + 1:02d}", f"Packer {rng.randrange(PACKERS) + 1:02d}"
        units = units_of(n, self.orders, self.scans)
        rows["orders"].append((order_id, f"B-{n:07d}", f"ext-{n}", "bench", "shipped", "Zofia Wójcik", "Łódź",
                               opened - timedelta(hours=2), opened, units, *ORDER_BLANKS))  # fmt: skip
        lines, left = [], units
        while left:
            quantity = left if len(lines) == 2 else rng.randint(1, left)
            line_id = self.next_id("order_lines")
            sku = f"SKU-{rng.randrange(PRODUCTS):05d}"
            rows["order_lines"].append((line_id, order_id, len(lines) + 1, sku, sku, quantity, quantity))
            lines.append((line_id, sku, quantity))
            left -= quantity
        at = opened
        changes = [("new", "packing", at)]
        if n in self.mismatched_orders:
            at += timedelta(seconds=rng.uniform(3, 20))
            event = self.next_id("scan_events")
            kind = KINDS[n % len(KINDS)]
            rows["scan_events"].append((event, at, order_id, None, "5900000000000", "5900000000000", kind,
                                        f"scan.{kind}", 0, station, packer, False, False))  # fmt: skip
            override = n % 20 == 0
            resolved = (at + timedelta(seconds=30), "Ewa Nadzorcza" if override else packer,
                        "override" if override else "removed", "ok" if override else "")  # fmt: skip
            rows["mismatches"].append((self.next_id("mismatches"), order_id, event, kind, "5900000000000",
                                       lines[0][1], station, packer, at, *resolved, False, lines[0][1]))  # fmt: skip
        for line_id, sku, quantity in lines:
            for _ in range(quantity):
                at += timedelta(seconds=rng.uniform(3, 20))
                manual = rng.random() < MANUAL_SHARE
                rows["scan_events"].append((self.next_id("scan_events"), at, order_id, line_id, sku, sku, "accepted",
                                            "scan.accepted", 1, station, packer, False, manual))  # fmt: skip
        if rng.random() < HELD_SHARE:
            changes += [("packing", "on_hold", at), ("on_hold", "packing", at + timedelta(minutes=rng.randint(5, 90)))]
            at = changes[-1][2]
        at += timedelta(seconds=rng.uniform(5, 30))
        # What finishing stores when the packer packs it (services.finishing.pack_and_queue).
        rows["packed_orders"].append((self.next_id("packed_orders"), order_id, at, packer, station, units,
                                      packing_seconds(changes, at)))  # fmt: skip
        changes += [("packing", "packed", at), ("packed", "shipped", at + timedelta(seconds=2))]
        for old, new, when in changes:
            rows["status_changes"].append((self.next_id("status_changes"), order_id, old, new, when, "packer", packer,
                                           station, ""))  # fmt: skip


COLUMNS = {
    "products": "id, sku, name, bin_location, image_path, tracking",
    "orders": "id, number, external_id, source, status, customer_name, city, created_at, updated_at, units, email, "
    "phone, street, postal_code, country, carrier, service, payment, currency, notes, tracking_number",
    "order_lines": "id, order_id, position, sku, name, quantity, scanned",
    "status_changes": "id, order_id, from_status, to_status, at, actor, who, station, note",
    "scan_events": "id, at, order_id, line_id, raw, code, verdict, message_code, quantity, station, packer, voided, "
    "manual",
    "mismatches": "id, order_id, scan_event_id, kind, code, sku, station, packer, created_at, resolved_at, "
    "resolved_by, resolution, resolution_note, voided, expected",
    "packed_orders": "id, order_id, at, packer, station, units, packing_seconds",
}


def write(raw, dialect: str, table: str, rows: list[tuple]) -> None:  # type: ignore[no-untyped-def]
    if not rows:
        return
    columns = COLUMNS[table]
    if dialect == "postgresql":
        with raw.cursor() as cursor, cursor.copy(f"COPY {table} ({columns}) FROM STDIN") as copy:
            for row in rows:
                copy.write_row(row)
        return
    marks = ", ".join("?" * len(rows[0]))
    raw.executemany(f"INSERT INTO {table} ({columns}) VALUES ({marks})", rows)


def seed(url: str, orders: int, scans: int, days: int, end: datetime) -> dict[str, int]:
    """Migrate an empty database and bulk-insert the history; row counts per table."""
    from packstation.adapters.db.engine import make_engine
    from packstation.adapters.db.migrate import upgrade

    engine = make_engine(url)
    upgrade(engine)
    seeder = Seeder(orders, scans, days, end)
    dialect = engine.dialect.name
    raw = engine.raw_connection()
    try:
        if dialect == "sqlite":
            raw.execute("PRAGMA synchronous=OFF")  # seeding only: the reports read a finished file
        write(raw, dialect, "products", seeder.products())
        for first in range(0, orders, CHUNK):
            rows = seeder.chunk(first, min(first + CHUNK, orders))
            for table in TABLES[1:]:
                write(raw, dialect, table, rows[table])
            raw.commit()
        cursor = raw.cursor()
        if dialect == "postgresql":
            for table in TABLES:
                cursor.execute(f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), {max(seeder.ids[table], 1)})")
            cursor.execute("ANALYZE")
        else:
            cursor.execute("PRAGMA synchronous=FULL")
            cursor.execute("ANALYZE")
        raw.commit()
    finally:
        raw.close()
        engine.dispose()
    return {table: seeder.ids[table] or PRODUCTS for table in TABLES}


def drop_report_indexes(url: str) -> None:
    from sqlalchemy import text

    from packstation.adapters.db.engine import make_engine

    engine = make_engine(url)
    with engine.begin() as conn:
        for name in REPORT_INDEXES:
            conn.execute(text(f"DROP INDEX IF EXISTS {name}"))
    engine.dispose()


def child(url: str, end: str, runs: int) -> None:
    """In a fresh process: time both reports and the baseline; print one JSON line with peak memory."""
    from zoneinfo import ZoneInfo

    from sqlalchemy import func, select

    from packstation.adapters.db.engine import make_engine
    from packstation.adapters.db.models import ScanEvent
    from packstation.adapters.db.unit_of_work import uow_factory
    from packstation.domain.reports import SCAN_VERDICTS, Period, ReportFilter
    from packstation.services.reports import mismatch_report, packer_statistics

    zone = ZoneInfo("Europe/Warsaw")
    until = datetime.fromisoformat(end)
    where = ReportFilter(until - timedelta(days=REPORT_DAYS), until)
    engine = make_engine(url)
    factory = uow_factory(engine)
    timings: dict[str, list[float]] = {"baseline": [], "mismatches": [], "packers": []}
    sizes: dict[str, int] = {}
    for _ in range(runs):
        started = time.perf_counter()
        with engine.connect() as conn:
            counted = select(func.count()).where(ScanEvent.verdict.in_(SCAN_VERDICTS), ScanEvent.at >= where.since,
                                                 ScanEvent.at < until)  # fmt: skip
            sizes["scans_in_period"] = int(conn.scalar(counted) or 0)
        timings["baseline"].append(time.perf_counter() - started)
        started = time.perf_counter()
        report = mismatch_report(factory, where, zone)
        timings["mismatches"].append(time.perf_counter() - started)
        started = time.perf_counter()
        stats = packer_statistics(factory, where, Period(zone))
        timings["packers"].append(time.perf_counter() - started)
    sizes |= {"mismatch_rows": len(report.rows), "stats_rows": len(stats.rows),
              "orders_in_period": sum(s.orders for s in stats.rows)}  # fmt: skip
    engine.dispose()
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"timings": timings, "sizes": sizes, "peak_mb": round(peak_mb, 1)}))


def run_reports(url: str, end: datetime, runs: int) -> dict:
    out = subprocess.run([sys.executable, __file__, "--child", url, "--end", end.isoformat(), "--runs", str(runs)],
                         capture_output=True, text=True, timeout=3600)  # fmt: skip
    if out.returncode != 0:
        raise SystemExit(f"report child failed:\n{out.stderr}")
    return json.loads(out.stdout.strip().splitlines()[-1])


def median(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[len(ordered) // 2]


def measure(name: str, url: str, args: argparse.Namespace, end: datetime) -> dict:
    started = time.perf_counter()
    counts = seed(url, args.orders, args.scans, args.days, end)
    seeded = time.perf_counter() - started
    print(f"{name}: seeded {counts} in {seeded:.0f} s", flush=True)
    figures: dict = {"seed_s": round(seeded, 1), "rows": counts}
    variants = [("with_indexes", False)] + ([("without_indexes", True)] if args.without_indexes else [])
    for label, drop in variants:
        if drop:
            drop_report_indexes(url)
        result = run_reports(url, end, args.runs)
        t = {key: round(median(values) * 1000, 1) for key, values in result["timings"].items()}
        figures[label] = {"baseline_ms": t["baseline"], "mismatches_ms": t["mismatches"], "packers_ms": t["packers"],
                          "peak_mb": result["peak_mb"], **result["sizes"]}  # fmt: skip
        print(f"{name} {label}: mismatch report {t['mismatches']:.0f} ms ({result['sizes']['mismatch_rows']} rows), "
              f"packer statistics {t['packers']:.0f} ms ({result['sizes']['orders_in_period']} orders), baseline "
              f"count of {result['sizes']['scans_in_period']} scans {t['baseline']:.0f} ms, peak "
              f"{result['peak_mb']:.0f} MB (median of {args.runs})", flush=True)  # fmt: skip
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--orders", type=int, default=200_000)
    parser.add_argument("--scans", type=int, default=1_000_000)
    parser.add_argument("--days", type=int, default=90)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--dir")
    parser.add_argument("--pg", action="store_true", help="PostgreSQL only")
    parser.add_argument("--sqlite", action="store_true", help="SQLite only")
    parser.add_argument("--without-indexes", action="store_true", help="time again without the report indexes")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    parser.add_argument("--end", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.child, args.end, args.runs)
        return
    end = datetime(2026, 6, 1)
    figures: dict = {"orders": args.orders, "scans": args.scans, "days": args.days, "report_days": REPORT_DAYS}
    if not args.pg:
        folder, made = disk_dir(args.dir, "packstation-reports-")
        try:
            figures["sqlite"] = measure("sqlite", f"sqlite:///{folder}/reports.db", args, end)
        finally:
            if made:
                shutil.rmtree(folder, ignore_errors=True)
    if not args.sqlite:
        from _pg import throwaway_cluster

        with throwaway_cluster() as cluster:
            figures["postgresql"] = measure("postgresql", cluster.new_database("reports"), args, end)
    emit_json(figures)


if __name__ == "__main__":
    main()
