"""SQLite backups: online backup, a daily backup kept for a week, restore (refused under a running bench)."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from datetime import datetime, timedelta
from pathlib import Path

from packing_support import MUG_EAN, make_app, open_order, simple_orders

from packstation.adapters.db.maintenance import daily_backup
from packstation.services.bench.commands import Register
from packstation.services.importing import import_batch
from packstation.services.orders_admin import show_order


def cli(*args: str, home: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PACKSTATION_HOME": str(home)}
    return subprocess.run([sys.executable, "-m", "packstation", *args], capture_output=True, text=True, env=env,
                          timeout=120)  # fmt: skip


def test_backup_while_a_bench_scans_then_restore_it(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'bench.db'}"
    app = make_app(url, "bench-1")
    try:
        import_batch(app.uow, simple_orders(2, "B"), "b.json")
        bench = app.bench()
        open_order(bench, "B-0001")
        assert bench.scan(MUG_EAN).kind == "accepted"  # the bench keeps its connection open meanwhile
        done = cli("--db", url, "db", "backup", "-o", str(tmp_path / "copy.db"), home=tmp_path)
        assert done.returncode == 0, done.stderr
        assert "copy.db" in done.stdout
        with sqlite3.connect(tmp_path / "copy.db") as copy:
            assert copy.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
            assert copy.execute("SELECT scanned FROM order_lines").fetchall()[:1] == [(1,)]
        assert bench.scan("CMD-RELEASE").code == "order.finish_or_hold_first"  # still packing after the backup
    finally:
        app.dispose()

    check = cli("--db", url, "db", "check", home=tmp_path)
    assert check.returncode == 0 and "integrity: ok" in check.stdout and "database: OK" in check.stdout

    app = make_app(url, "bench-1")  # something happens after the backup...
    try:
        import_batch(app.uow, simple_orders(5, "LATER"), "later.json")
        assert app.bench().handle(Register()).code == "bench.registered"  # ...and a bench is running
    finally:
        app.dispose()
    refused = cli("--db", url, "db", "restore", str(tmp_path / "copy.db"), home=tmp_path)
    assert refused.returncode == 1 and "benches are running" in refused.stderr and "bench-1" in refused.stderr
    restored = cli("--db", url, "db", "restore", str(tmp_path / "copy.db"), "--force", home=tmp_path)
    assert restored.returncode == 0, restored.stderr
    app = make_app(url, "bench-1")
    try:
        assert show_order(app.uow, "B-0001")["lines"][0]["scanned"] == 1
        assert app.uow().__class__  # the restored database opens and migrates
        listed = cli("--db", url, "orders", "list", "--json", home=tmp_path)
        assert "LATER" not in listed.stdout  # what came after the backup is gone...
    finally:
        app.dispose()
    safety = [p for p in (tmp_path / "backups").iterdir() if "before-restore" in p.name]
    assert len(safety) == 1  # ...but kept aside, in case the restore was a mistake
    with sqlite3.connect(safety[0]) as kept:
        assert kept.execute("SELECT count(*) FROM orders WHERE number LIKE 'LATER-%'").fetchone()[0] == 5


def test_restore_refuses_a_damaged_file(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'bench.db'}"
    make_app(url, "bench-1").dispose()
    (tmp_path / "broken.db").write_bytes(b"garbage" * 1000)
    refused = cli("--db", url, "db", "restore", str(tmp_path / "broken.db"), home=tmp_path)
    assert refused.returncode == 1 and "not a Packstation database" in refused.stderr


def test_a_daily_backup_is_made_once_a_day_and_seven_are_kept(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'bench.db'}"
    make_app(url, "bench-1").dispose()
    folder = tmp_path / "backups"
    start = datetime(2026, 12, 1, 8, 0)
    made = []
    for day in range(10):
        now = start + timedelta(days=day)
        first = daily_backup(url, folder, now)
        assert first is not None
        os.utime(first, (now.timestamp(), now.timestamp()))  # as if written that day
        assert daily_backup(url, folder, now + timedelta(hours=3)) is None  # once a day, not at every start
        made.append(first.name)
    kept = sorted(p.name for p in folder.iterdir())
    assert kept == made[-7:]


def test_postgresql_backup_says_how(pg_url: str, tmp_path: Path) -> None:
    make_app(pg_url, "bench-1").dispose()
    done = cli("--db", pg_url, "db", "backup", home=tmp_path)
    assert done.returncode == 0 and "pg_dump" in done.stdout
