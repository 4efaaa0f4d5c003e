"""Importing 50,000 orders while a bench scans: time, peak memory, and the longest scan wait.

    python bench/importing.py [--orders 50000] [--pg] [--dir DIR]

Writes a products file (500 SKUs) and an orders file (``--orders`` orders of 3 lines each,
150,000 rows) as CSV, then runs ``packstation import`` in a child process on SQLite on disk
(or, with ``--pg``, on a throwaway PostgreSQL cluster) while this process keeps one bench
scanning units of an open order on the same database. Baseline in the same run: the same
bench's scans with no import running. Reports the import's wall time and peak RSS (the
child's ru_maxrss) and the scan waits during the import (median, p99, max) beside the
baseline's. Targets (issue #7): import ≤ 30 s and ≤ 250 MB; no scan waits > 100 ms.
The last line printed is JSON.
"""

from __future__ import annotations

import argparse
import csv
import os
import random
import resource
import shutil
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from _common import disk_dir, emit_json, line, ms, summary  # noqa: E402

from packstation import bootstrap, config  # noqa: E402
from packstation.domain import barcodes  # noqa: E402
from packstation.domain.settings import LOGIN_REQUIRED  # noqa: E402
from packstation.services.bench.commands import OpenOrder  # noqa: E402
from packstation.services.settings import set_setting  # noqa: E402

PRODUCTS = 500
ORDER_HEADER = (
    "order_number,external_id,customer_name,email,phone,street,postal_code,city,country,carrier,service,"
    "payment,cod_amount,currency,notes,sku,quantity,line_name"
).split(",")


def write_files(folder: Path, orders: int) -> tuple[Path, Path]:
    """A products file and an orders file; one extra order (BENCH-SCAN) for the bench to scan into."""
    rng = random.Random(7)
    products, order_file = folder / "products.csv", folder / "orders.csv"
    with products.open("w", newline="", encoding="utf-8") as out:
        writer = csv.writer(out)
        writer.writerow(["sku", "name", "barcodes", "packs", "weight_kg", "bin_location", "image_path"])
        for i in range(PRODUCTS):
            code = barcodes.with_check_digit(f"590777{i:06d}")
            writer.writerow([f"P-{i:04d}", f"Produkt {i} — żółć", code, "", "0.25", f"A-{i % 50:02d}", ""])
    with order_file.open("w", newline="", encoding="utf-8") as out:
        writer = csv.writer(out)
        writer.writerow(ORDER_HEADER)
        for n in range(orders):
            for k, sku in enumerate(rng.sample(range(PRODUCTS), 3)):
                head = [f"B-{n:06d}", f"ext-{n}", "Zofia Wójcik", "z@example.pl", "+48 600 000 000", "ul. Długa 1",
                        "00-001", "Łódź", "PL", "InPost", "Kurier", "prepaid", "", "PLN", ""]  # fmt: skip
                writer.writerow((head if k == 0 else [f"B-{n:06d}"] + [""] * 14) + [f"P-{sku:04d}", 1, ""])
    return products, order_file


def scan_code() -> str:
    return barcodes.with_check_digit(f"590777{0:06d}")


def prepare(db_url: str, folder: Path, env: dict[str, str]) -> None:
    """Products, then one order of 100,000 units of P-0000 for the bench to scan into."""
    run_cli(db_url, env, "import", str(folder / "products.csv"))
    scan_file = folder / "scan.csv"
    with scan_file.open("w", newline="", encoding="utf-8") as out:
        writer = csv.writer(out)
        writer.writerow(ORDER_HEADER)
        writer.writerow(["BENCH-SCAN", "bench-scan", "Bench", "", "", "ul. 1", "00-001", "Łódź", "PL", "InPost",
                         "Kurier", "prepaid", "", "PLN", "", "P-0000", 100_000, ""])  # fmt: skip
    run_cli(db_url, env, "import", str(scan_file))


def run_cli(db_url: str, env: dict[str, str], *args: str) -> None:
    done = subprocess.run([sys.executable, "-m", "packstation", "--db", db_url, *args], env=env,
                          capture_output=True, text=True)  # fmt: skip
    if done.returncode != 0:
        raise SystemExit(f"packstation {' '.join(args)} failed: {done.stderr}")


def scan_while(bench, still_running) -> list[int]:  # type: ignore[no-untyped-def]
    """Scan one unit after another until ``still_running()`` is false; each call's duration in ns."""
    code, waits = scan_code(), []
    while still_running():
        t0 = time.perf_counter_ns()
        outcome = bench.scan(code)
        waits.append(time.perf_counter_ns() - t0)
        if outcome.kind != "accepted":
            raise SystemExit(f"scan refused during the import: {outcome.kind} {outcome.code} {dict(outcome.params)}")
        time.sleep(0.02)  # a packer scans about every second; 20 ms keeps the probe dense but not a load
    return waits


def measure(db_url: str, folder: Path, env: dict[str, str]) -> dict:  # type: ignore[type-arg]
    app = bootstrap.bootstrap(config.load(db_url=db_url, station="bench-probe", print_to=str(folder / "printed")))
    # Packing is timed, not people: as in the demo, scans count without a login.
    set_setting(app.uow, LOGIN_REQUIRED, "off")
    bench = app.bench()
    opened = bench.handle(OpenOrder("BENCH-SCAN"))
    if opened is None or opened.kind != "order_opened":
        raise SystemExit(f"cannot open the probe order: {opened}")
    deadline = time.monotonic() + 5
    baseline = scan_while(bench, lambda: time.monotonic() < deadline)
    command = [sys.executable, "-m", "packstation", "--db", db_url, "import", str(folder / "orders.csv")]
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    t0 = time.monotonic()
    child = subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    during = scan_while(bench, lambda: child.poll() is None)
    took = time.monotonic() - t0
    out, err = child.communicate()
    if child.returncode != 0:
        raise SystemExit(f"import failed: {err}")
    peak_kb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    app.dispose()
    print(out.strip(), flush=True)
    return {"baseline": baseline, "during": during, "import_s": took, "peak_mb": max(peak_kb, before) / 1024}


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--orders", type=int, default=50_000)
    p.add_argument("--pg", action="store_true", help="on a throwaway PostgreSQL cluster instead of SQLite")
    p.add_argument("--dir", help="work directory (default: a new one on disk, removed after)")
    args = p.parse_args()
    folder, created = disk_dir(args.dir, "packstation-import-")
    env = {**os.environ, "PACKSTATION_HOME": str(folder / "home")}
    try:
        write_files(folder, args.orders)
        if args.pg:
            from _pg import throwaway_cluster

            with throwaway_cluster() as cluster:
                db_url = cluster.new_database("import")
                prepare(db_url, folder, env)
                figures = measure(db_url, folder, env)
        else:
            db_url = f"sqlite:///{folder / 'bench.db'}"
            prepare(db_url, folder, env)
            figures = measure(db_url, folder, env)
    finally:
        if created:
            shutil.rmtree(folder, ignore_errors=True)
    base, during = summary(ms(figures["baseline"])), summary(ms(figures["during"]))
    print(line("scan, no import (baseline)", base))
    print(line("scan, during the import", during))
    print(f"import of {args.orders} orders: {figures['import_s']:.1f} s, peak {figures['peak_mb']:.0f} MB")
    emit_json({
        "backend": "postgresql" if args.pg else "sqlite",
        "orders": args.orders,
        "import_s": round(figures["import_s"], 2),
        "import_peak_mb": round(figures["peak_mb"], 1),
        "scan_baseline_median_ms": round(base["median"], 3),
        "scan_during_median_ms": round(during["median"], 3),
        "scan_during_p99_ms": round(during["p99"], 3),
        "scan_during_max_ms": round(during["max"], 3),
        "scans_during": int(during["n"]),
        "target_import_30s": figures["import_s"] <= 30,
        "target_peak_250mb": figures["peak_mb"] <= 250,
        "target_max_wait_100ms": during["max"] <= 100,
    })  # fmt: skip
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
