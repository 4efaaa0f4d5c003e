"""Schema migrations on SQLite and PostgreSQL.

Empty database -> head creates every table; a second upgrade is a no-op; the revision list
the quick start-up check uses matches Alembic's own; a database migrated by a newer
Packstation is refused (bootstrap and the command line say so in one line); and on
PostgreSQL several stations upgrading one empty database at once all succeed, serialised by
the advisory lock.
"""

from __future__ import annotations

import os
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from sqlalchemy import inspect, text

from packstation import bootstrap, config
from packstation.adapters.db.engine import make_engine
from packstation.adapters.db.migrate import current_revision, head_revision, known_revisions, upgrade
from packstation.adapters.db.models import Base
from packstation.domain.errors import DomainError, SchemaTooNew

MIGRATIONS = Path(__file__).resolve().parents[2] / "packstation" / "adapters" / "db" / "migrations"


def _tables(engine) -> set[str]:  # type: ignore[no-untyped-def]
    with engine.connect() as conn:
        return set(inspect(conn).get_table_names())


def _version_rows(engine) -> list[str]:  # type: ignore[no-untyped-def]
    with engine.connect() as conn:
        return list(conn.execute(text("SELECT version_num FROM alembic_version")).scalars())


def _cli(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "packstation", *args],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=cwd,
        # This checkout's package, not whichever one the virtualenv was installed from.
        env={**os.environ, "PYTHONIOENCODING": "utf-8", "PYTHONPATH": str(MIGRATIONS.parents[3])},
    )


def test_empty_to_head_creates_every_table_and_second_upgrade_is_a_noop(db_url: str) -> None:
    engine = make_engine(db_url)
    try:
        assert _tables(engine) == set()
        with engine.connect() as conn:
            assert current_revision(conn) is None
        assert upgrade(engine) is True
        tables = _tables(engine)
        assert tables == set(Base.metadata.tables) | {"alembic_version"}
        for expected in (
            "products",
            "product_barcodes",
            "users",
            "settings",
            "cancellations",
            "supervisor_actions",
            "orders",
            "order_lines",
            "pack_sessions",
            "scan_events",
            "mismatches",
            "parcels",
            "status_changes",
            "order_changes",
        ):
            assert expected in tables
        assert _version_rows(engine) == [head_revision()]
        # Columns of every table are the models' columns.
        with engine.connect() as conn:
            inspector = inspect(conn)
            for name, table in Base.metadata.tables.items():
                assert {c["name"] for c in inspector.get_columns(name)} == set(table.columns.keys()), name

        assert upgrade(engine) is False
        assert _version_rows(engine) == [head_revision()]
        assert _tables(engine) == tables
    finally:
        engine.dispose()


def test_migrations_match_the_models(db_url: str) -> None:
    """Autogenerate finds nothing to add: no model change was left without a migration."""
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    engine = make_engine(db_url)
    try:
        upgrade(engine)
        with engine.connect() as conn:
            diffs = compare_metadata(MigrationContext.configure(conn), Base.metadata)
        assert diffs == []
    finally:
        engine.dispose()


def test_known_revisions_equal_alembics() -> None:
    from alembic.config import Config
    from alembic.script import ScriptDirectory

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    script = ScriptDirectory.from_config(cfg)
    alembic_revisions = [rev.revision for rev in reversed(list(script.walk_revisions()))]  # oldest first
    assert known_revisions() == alembic_revisions
    assert head_revision() == script.get_current_head()
    assert len(script.get_heads()) == 1, "migrations must not branch"


def _stamp_newer(url: str) -> None:
    engine = make_engine(url)
    try:
        upgrade(engine)
        with engine.begin() as conn:
            conn.execute(text("UPDATE alembic_version SET version_num = '9999'"))
    finally:
        engine.dispose()


def test_a_newer_schema_is_refused(db_url: str, tmp_path: Path) -> None:
    _stamp_newer(db_url)
    with pytest.raises(SchemaTooNew) as caught:
        bootstrap.bootstrap(config.load(db_url=db_url))
    error = caught.value
    assert isinstance(error, DomainError)
    assert error.code == "storage.schema_too_new"
    assert error.params["revision"] == "9999"
    assert error.params["head"] == head_revision()
    message = str(error)
    assert "9999" in message and "newer" in message
    assert "\n" not in message

    # The database is left exactly as it was: no downgrade, no second row.
    engine = make_engine(db_url)
    try:
        assert _version_rows(engine) == ["9999"]
    finally:
        engine.dispose()

    proc = _cli("--db", db_url, "orders", "list", cwd=tmp_path)
    assert proc.returncode == 1, proc.stdout + proc.stderr
    err_lines = proc.stderr.strip().splitlines()
    assert len(err_lines) == 1, proc.stderr
    assert "newer" in err_lines[0] and "9999" in err_lines[0]
    assert "Traceback" not in proc.stderr
    assert proc.stdout == ""

    # `db upgrade` refuses it as well, rather than "upgrading" to an older schema.
    proc = _cli("--db", db_url, "db", "upgrade", cwd=tmp_path)
    assert proc.returncode == 1
    assert "newer" in proc.stderr and "Traceback" not in proc.stderr


def test_cli_db_upgrade_and_current(db_url: str, tmp_path: Path) -> None:
    proc = _cli("--db", db_url, "db", "upgrade", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    proc = _cli("--db", db_url, "db", "current", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert head_revision() in proc.stdout


@pytest.mark.postgres
def test_concurrent_upgrades_threads_on_postgresql(pg_url: str) -> None:
    stations = 8
    barrier = threading.Barrier(stations)
    results: list[bool] = []
    errors: list[BaseException] = []
    lock = threading.Lock()

    def station() -> None:
        engine = make_engine(pg_url)  # each station its own engine and connections
        try:
            barrier.wait(timeout=30)
            ran = upgrade(engine)
            with lock:
                results.append(ran)
        except BaseException as exc:  # noqa: BLE001 - reported below
            with lock:
                errors.append(exc)
        finally:
            engine.dispose()

    threads = [threading.Thread(target=station) for _ in range(stations)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=120)
    assert not any(t.is_alive() for t in threads)
    assert errors == []
    assert len(results) == stations
    assert results.count(True) == 1  # exactly one migrated; the others found it done
    engine = make_engine(pg_url)
    try:
        assert _version_rows(engine) == [head_revision()]
        assert _tables(engine) == set(Base.metadata.tables) | {"alembic_version"}
    finally:
        engine.dispose()


@pytest.mark.postgres
def test_concurrent_upgrades_processes_on_postgresql(pg_url: str, tmp_path: Path) -> None:
    """Several stations started at once, each a real process running `packstation db upgrade`."""
    env = {**os.environ, "PYTHONIOENCODING": "utf-8", "PYTHONPATH": str(MIGRATIONS.parents[3])}
    procs = [
        subprocess.Popen(
            [sys.executable, "-m", "packstation", "--db", pg_url, "db", "upgrade"],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            cwd=tmp_path,
            env=env,
        )
        for _ in range(5)
    ]
    outputs = [proc.communicate(timeout=120) for proc in procs]
    for proc, (out, err) in zip(procs, outputs, strict=True):
        assert proc.returncode == 0, err
        assert head_revision() in out
    engine = make_engine(pg_url)
    try:
        assert _version_rows(engine) == [head_revision()]
    finally:
        engine.dispose()
