"""Scan latency: service call, key-to-paint in the real window, bare INSERT+COMMIT; SQLite or PostgreSQL.

    python bench/scan_latency.py [--scans 2000] [--dir DIR] [--db URL] [--block 100] [--max-b-seconds 300]

(a) ``bench.handle(Scan(barcode))`` alone: verdict + durable commit (one accepted unit per call).
(c) In the same run, alternating with (a) in blocks: the bare baseline (``_baselines``), one row
    per transaction. SQLite (default, on disk): stdlib sqlite3 ``INSERT`` + ``COMMIT`` with the
    application's pragmas, in its own file beside the application's. PostgreSQL (``--db URL``,
    e.g. ``postgresql://postgres@127.0.0.1:5432/packstation``): psycopg 3 ``INSERT`` + ``COMMIT``
    on its own connection to the same server.
(b) The real window offscreen (``_window``): a key burst at 5 ms/key through the app-wide
    ScanCapture, Enter -> the Banner paint that shows that scan's verdict; split into capture,
    worker wake-up, the service call (checkout, BEGIN, statements, commit, teardown), delivery
    to the GUI thread and rendering. The probes are SQLAlchemy events and instance attributes
    (``_probe``); the app's code is not changed for them.
(d) Diagnostics (``--diag-scans``, 0 to skip): the service call split the same way, on this thread,
    without Qt: back to back, after 75 ms of sleep (the gap a burst leaves in (b)) and after 75 ms
    of busy-waiting; and a fixed pure-Python workload timed the same three ways, to tell a CPU
    that wakes up slowly from application code and data that fell out of the caches.

Targets (issue #6): SQLite median(a) <= 3 x median(c), p99(b) <= 8 ms (aim 5 ms);
PostgreSQL (next issue): median(a) <= 2 x median(c). The last line printed is JSON.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import sys
import time
from pathlib import Path
from typing import Any

# This checkout's packstation (not whichever one an editable install points at), then bench/ helpers.
BENCH = Path(__file__).resolve().parent
sys.path[:0] = [str(BENCH), str(BENCH.parent)]
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from _baselines import BarePsycopg, BareSqlite, alternate  # noqa: E402
from _common import disk_dir, emit_json, filesystem_type, line, ms, summary  # noqa: E402
from _latency_setup import DIAG_IDLE_MS, bench_batch, diagnostics, make_app, open_bench  # noqa: E402

from packstation.adapters.db.engine import normalise_url  # noqa: E402
from packstation.services.bench.commands import Scan  # noqa: E402
from packstation.services.demo import create_demo  # noqa: E402
from packstation.services.importing import import_batch  # noqa: E402

WARMUP = 20
TARGETS = {"sqlite": {"a_c": 3.0, "b_p99_ms": 8.0}, "postgresql": {"a_c": 2.0, "b_p99_ms": 8.0}}


def parse_args() -> argparse.Namespace:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--scans", type=int, default=2000, help="measured scans per phase (default 2000)")
    p.add_argument("--db", help="PostgreSQL URL (default: SQLite in --dir)")
    p.add_argument("--dir", help="directory for the database files (default: a new one on disk, removed after)")
    p.add_argument("--block", type=int, default=100, help="alternate (a) and (c) in blocks of this many")
    p.add_argument("--max-b-seconds", type=float, default=300.0, help="stop phase (b) early after this long")
    p.add_argument("--diag-scans", type=int, default=200, help="scans per diagnostic loop (d); 0 skips them")
    p.add_argument("--keep", action="store_true", help="keep the database directory")
    p.add_argument("--no-window", action="store_true", help="phases (a) and (c) only (quick check)")
    return p.parse_args()


# -- (a) + (c) ---------------------------------------------------------------------------------
def phase_a_c(bench: Any, barcode: str, bare: Any, scans: int, block: int) -> tuple[list[int], list[int]]:
    """(a) and (c), alternating in blocks; (a) on ``bench``, which has an order open."""

    def a_once() -> int:
        t0 = time.perf_counter_ns()
        outcome = bench.handle(Scan(barcode))
        took = time.perf_counter_ns() - t0
        if outcome is None or outcome.kind != "accepted":
            raise SystemExit(f"phase (a): scan not accepted: {outcome and (outcome.kind, outcome.code)}")
        return took

    return alternate(a_once, bare.once, scans, block, WARMUP)


# -- report ------------------------------------------------------------------------------------
def r(value: float | None, n: int = 4) -> float | None:
    return None if value is None else round(value, n)


def report_b(b: dict[str, Any]) -> dict[str, Any]:
    """Print phase (b) and its breakdown; its figures for the JSON."""
    sb = summary(ms(b["totals"]))
    print(line("(b) Enter -> verdict painted (window)", sb))
    medians, p99s = {}, {}
    for name, values in b["parts"].items():
        if values:
            s = summary(ms(values))
            medians[name], p99s[name] = r(s["median"]), r(s["p99"])
            print(line(f"    (b) {name}", s))
    gc_hit = [ns for ns in b["gc_ns"] if ns]
    slow = sorted(range(len(b["totals"])), key=b["totals"].__getitem__)[-max(1, len(b["totals"]) // 100) :]
    slow_gc = sum(1 for i in slow if b["gc_ns"][i])
    print(
        f"    (b) garbage collections inside a scan: {len(gc_hit)} of {len(b['totals'])} scans, "
        f"median {statistics.median(ms(gc_hit)) if gc_hit else 0:.3f} ms; in the slowest 1 %: {slow_gc} of {len(slow)}"
    )
    return {
        "scans_b": sb["n"],
        "b_median_ms": r(sb["median"]),
        "b_p99_ms": r(sb["p99"]),
        "b_breakdown_median_ms": medians,
        "b_breakdown_p99_ms": p99s,
        "b_scans_with_gc": len(gc_hit),
        "b_slowest_1pct_with_gc": slow_gc,
        "b_split_bursts": b["split_bursts"],
    }


def report(backend: str, a_ns: list[int], c_ns: list[int], b: dict | None, diag: dict | None) -> dict[str, Any]:
    sa, sc = summary(ms(a_ns)), summary(ms(c_ns))
    target = TARGETS[backend]
    print()
    print(line(f"(a) bench.handle(Scan) on {backend}", sa))
    print(line(f"(c) bare INSERT+COMMIT on {backend}", sc))
    figures: dict[str, Any] = {"backend": backend, "scans_a": sa["n"], "scans_c": sc["n"]}
    figures |= {"a_median_ms": r(sa["median"]), "a_p99_ms": r(sa["p99"])}
    figures |= {"c_median_ms": r(sc["median"]), "c_p99_ms": r(sc["p99"])}
    ratio = sa["median"] / sc["median"]
    figures["ratio_a_c"] = r(ratio, 3)
    figures["target_a_c"] = ratio <= target["a_c"]
    print(f"ratio a/c (medians) {ratio:.2f}  target <= {target['a_c']}: {'MET' if figures['target_a_c'] else 'MISSED'}")
    if b:
        figures |= report_b(b)
        figures["ratio_b_c"] = r(figures["b_median_ms"] / sc["median"], 3)
        figures["target_b_p99"] = figures["b_p99_ms"] <= target["b_p99_ms"]
        print(f"ratio b/c (medians) {figures['ratio_b_c']:.2f}")
        met = "MET" if figures["target_b_p99"] else "MISSED"
        print(f"(b) p99 {figures['b_p99_ms']:.3f} ms  target <= {target['b_p99_ms']} ms: {met} (aim 5 ms)")
    if diag:
        print(f"(d) service call split, medians in ms: back to back / after {DIAG_IDLE_MS} ms sleep / busy-wait")
        for name in diag["warm"]:
            values = "".join(f" {diag[how].get(name, 0.0):8.3f}" for how in ("warm", "sleep", "busy"))
            print(f"    {name:<22}{values}")
        figures["diagnostics_median_ms"] = diag
    return figures


def main() -> int:
    args = parse_args()
    load_before = os.getloadavg()[0]
    import packstation

    print(f"packstation from {Path(packstation.__file__).parent}", flush=True)
    db_dir, created = disk_dir(args.dir, "packstation-bench-")
    fs = filesystem_type(db_dir)
    if args.db:
        db_url, backend = normalise_url(args.db), "postgresql"
        print(f"database: {args.db} (PostgreSQL); bare baseline psycopg 3 on its own connection", flush=True)
    else:
        db_url, backend = f"sqlite:///{db_dir / 'bench.db'}", "sqlite"
        print(f"database directory: {db_dir} (file system {fs})", flush=True)
        if fs in ("tmpfs", "ramfs"):
            print("WARNING: the directory is in memory; commits are not durable and figures are meaningless")
    try:
        app = make_app(db_url, "bench-a", db_dir / "printed")
        create_demo(app.uow)
        units = args.scans + WARMUP + 3 * args.diag_scans + 50  # (d) scans back to back, after sleep, after busy-wait
        batch, order_a, order_b, barcode = bench_batch(time.strftime("%H%M%S"), units)
        report_ = import_batch(app.uow, batch, "bench").summary()
        print(f"import: {report_}; orders {order_a} and {order_b}, {units} units each of {barcode}", flush=True)

        bare = BarePsycopg(args.db.replace("+psycopg", "")) if args.db else BareSqlite(db_dir / "bare.db")
        print(f"phases (a)+(c): {args.scans} each, alternating in blocks of {args.block}; {bare.settings}", flush=True)
        t = time.monotonic()
        bench = open_bench(app, order_a)
        a_ns, c_ns = phase_a_c(bench, barcode, bare, args.scans, args.block)
        print(f"  done in {time.monotonic() - t:.1f} s", flush=True)
        diag = diagnostics(app, bench, bare, barcode, args.diag_scans) if args.diag_scans else None
        bare.close()
        app.dispose()

        b = None
        if not args.no_window:
            from _window import run_phase_b

            print(f"phase (b): real window offscreen, up to {args.scans} scans ...", flush=True)
            app_b = make_app(db_url, "bench-b", db_dir / "printed")
            b = run_phase_b(app_b, order_b, barcode, args.scans, WARMUP, args.max_b_seconds)
            app_b.dispose()
            early = " (stopped early: time limit)" if b["stopped_early"] else ""
            split = f"; {b['split_bursts']} burst(s) split by a stall of this process, not counted"
            print(f"  {len(b['totals'])} scans in {b['elapsed_s']:.1f} s{early}{split}", flush=True)
    finally:
        if created and not args.keep:
            shutil.rmtree(db_dir, ignore_errors=True)

    figures = report(backend, a_ns, c_ns, b, diag)
    load_after = os.getloadavg()[0]
    print(
        f"load average (1 min) before {load_before:.2f}, after {load_after:.2f} on {os.cpu_count()} CPUs"
        " - other work on the machine inflates (a), (b) and (c), the commit (fsync) most"
    )
    figures |= {"filesystem": fs if backend == "sqlite" else None, "baseline": bare.settings}
    figures["loadavg_1min_before_after"] = [round(load_before, 2), round(load_after, 2)]
    emit_json(figures)
    return 0


if __name__ == "__main__":
    sys.exit(main())
