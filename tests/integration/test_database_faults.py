"""Each database fault named in one line, on the command line and at the bench; never a traceback.

Real faults, not simulated ones: a garbage or truncated SQLite file, a read-only and an
immutable database, a full disk (a tiny tmpfs), a lock held by another process, an empty
file, a PostgreSQL server that is not there, a wrong password and a missing database.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from packing_support import MUG_EAN, batch, make_app, open_order, order, simple_orders

from packstation.services.importing import import_batch
from tests.conftest import require_service


def cli(*args: str, home: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PACKSTATION_HOME": str(home), "PYTHONIOENCODING": "utf-8"}
    return subprocess.run([sys.executable, "-m", "packstation", *args], capture_output=True, text=True, env=env,
                          timeout=120)  # fmt: skip


def one_line(proc: subprocess.CompletedProcess[str]) -> str:
    """The single stderr line a failed command prints (and no traceback)."""
    assert proc.returncode == 1, (proc.returncode, proc.stdout, proc.stderr)
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in proc.stderr, proc.stderr
    return lines[0]


@pytest.fixture
def made_db(tmp_path: Path) -> Path:
    """A real database file with a few orders (then closed)."""
    path = tmp_path / "bench.db"
    app = make_app(f"sqlite:///{path}", "bench-1")
    import_batch(app.uow, simple_orders(3, "F"), "f.json")
    app.dispose()
    return path


def test_a_garbage_file_is_named_damaged(tmp_path: Path) -> None:
    path = tmp_path / "garbage.db"
    path.write_bytes(b"this is not a database at all" * 200)
    line = one_line(cli("--db", f"sqlite:///{path}", "orders", "list", home=tmp_path))
    assert str(path) in line and "damaged" in line and "restore" in line
    assert "damaged" in one_line(cli("--db", f"sqlite:///{path}", "db", "check", home=tmp_path))


def test_a_truncated_file_is_named_damaged(made_db: Path, tmp_path: Path) -> None:
    data = made_db.read_bytes()
    made_db.write_bytes(data[: len(data) // 3])
    for suffix in ("-wal", "-shm"):
        Path(f"{made_db}{suffix}").unlink(missing_ok=True)
    check = cli("--db", f"sqlite:///{made_db}", "db", "check", home=tmp_path)
    text = check.stdout + check.stderr
    assert check.returncode == 1 and "Traceback" not in text
    assert "damaged" in text or "integrity:" in text and "ok" not in text.split("integrity:")[1].split()[0]


def test_an_empty_file_is_not_silently_made_a_new_database(tmp_path: Path) -> None:
    path = tmp_path / "empty.db"
    path.touch()
    line = one_line(cli("--db", f"sqlite:///{path}", "orders", "list", home=tmp_path))
    assert "empty (0 bytes)" in line and "restore" in line
    assert path.stat().st_size == 0  # still the same empty file


@pytest.mark.parametrize("option", ["mode=ro", "immutable=1"])
def test_a_read_only_database_says_so_at_the_bench_and_on_the_command_line(made_db: Path, tmp_path: Path,
                                                                           option: str) -> None:  # fmt: skip
    url = f"sqlite:///file:{made_db}?{option}&uri=true"
    app = make_app(url, "bench-1")
    try:
        bench = app.bench()
        refused = bench.scan("F-0001")
        assert (refused.kind, refused.code, refused.stored) == ("db_unavailable", "storage.read_only", False)
    finally:
        app.dispose()
    sample = Path(__file__).resolve().parents[2] / "resources" / "sample" / "products.csv"
    assert "read-only" in one_line(cli("--db", url, "import", str(sample), home=tmp_path))


def test_a_full_disk_is_named_and_scanning_resumes_once_there_is_room(tmp_path: Path) -> None:
    if not hasattr(os, "geteuid") or os.geteuid() != 0:
        require_service("a full disk is made with a tiny tmpfs, which needs root")
    mount = tmp_path / "small"
    mount.mkdir()
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=2m", "tmpfs", str(mount)], capture_output=True)
    if done.returncode != 0:
        require_service(f"cannot mount a tmpfs here: {done.stderr.decode(errors='replace')}")
    try:
        app = make_app(f"sqlite:///{mount / 'bench.db'}", "bench-1")
        try:
            import_batch(app.uow, batch(order("D-1", ("SKU-MUG", 100_000))), "d.json")
            bench = app.bench()
            open_order(bench, "D-1")
            filler = mount / "filler"
            with open(filler, "wb") as out:  # take every byte left
                try:
                    while True:
                        out.write(b"\0" * 65536)
                        out.flush()
                except OSError:
                    pass
            # The write-ahead log reuses its pages at first: scan until the file really has to grow.
            for _ in range(20_000):
                full = bench.scan(MUG_EAN)
                if full.kind != "accepted":
                    break
            assert (full.kind, full.code, full.stored) == ("db_unavailable", "storage.disk_full", False)
            counted = full.order.lines[0].scanned
            filler.unlink()
            again = bench.scan(MUG_EAN)
            assert again.kind == "accepted" and again.order.lines[0].scanned == counted + 1
        finally:
            app.dispose()
    finally:
        subprocess.run(["umount", "-l", str(mount)], check=False)


def test_a_lock_held_by_another_program_is_named_with_that_program(made_db: Path) -> None:
    holder = subprocess.Popen(
        [sys.executable, "-c",
         "import sqlite3, sys, time; c = sqlite3.connect(sys.argv[1], isolation_level=None);"
         "c.execute('BEGIN EXCLUSIVE'); print('held', flush=True); time.sleep(60)", str(made_db)],
        stdout=subprocess.PIPE, text=True,
    )  # fmt: skip
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
        app = make_app(f"sqlite:///{made_db}", "bench-1", migrate=False)
        try:
            locked = app.bench().scan("F-0001")
            assert (locked.kind, locked.code) == ("db_unavailable", "storage.locked")
            assert f"pid {holder.pid}" in str(locked.params["holders"])  # who holds it, by name and pid
        finally:
            app.dispose()
    finally:
        holder.kill()
        holder.wait()


@pytest.mark.postgres
def test_postgresql_faults_are_named(pg_cluster, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from sqlalchemy.engine import make_url

    admin = make_url(pg_cluster.admin_url)
    closed = admin.set(port=1, database="x").render_as_string(hide_password=False)  # nothing listens on port 1
    assert "cannot be reached" in one_line(cli("--db", closed, "orders", "list", home=tmp_path))
    missing = admin.set(database="no_such_database").render_as_string(hide_password=False)
    assert "does not exist" in one_line(cli("--db", missing, "orders", "list", home=tmp_path))


@pytest.mark.postgres
def test_a_wrong_postgresql_password_is_named_and_never_shown(pg_cluster, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    import psycopg
    from sqlalchemy.engine import make_url

    hba = pg_cluster.data / "pg_hba.conf"
    original = hba.read_text()
    admin = pg_cluster._admin_conninfo()
    with psycopg.connect(**admin, autocommit=True) as conn:
        conn.execute("CREATE ROLE pwtest LOGIN PASSWORD 'right-one'")
    try:
        hba.write_text("host all pwtest 127.0.0.1/32 scram-sha-256\n" + original)
        with psycopg.connect(**admin, autocommit=True) as conn:
            conn.execute("SELECT pg_reload_conf()")
        wrong = (
            make_url(pg_cluster.admin_url)
            .set(username="pwtest", password="s3cret-wrong")
            .render_as_string(hide_password=False)
        )
        line = one_line(cli("--db", wrong, "orders", "list", home=tmp_path))
        assert "user name or password" in line and "s3cret-wrong" not in line
    finally:
        hba.write_text(original)
        with psycopg.connect(**admin, autocommit=True) as conn:
            conn.execute("SELECT pg_reload_conf()")
            conn.execute("DROP ROLE IF EXISTS pwtest")
