"""The database fixtures work: a private PostgreSQL cluster that can be stopped and started,
and SQLite files in the test's tmp dir."""

from __future__ import annotations

import pytest
import sqlalchemy
from sqlalchemy.exc import OperationalError


def _select_one(url: str) -> int:
    engine = sqlalchemy.create_engine(url, poolclass=sqlalchemy.pool.NullPool)
    try:
        with engine.connect() as conn:
            return conn.execute(sqlalchemy.text("SELECT 1")).scalar_one()
    finally:
        engine.dispose()


@pytest.mark.postgres
def test_new_database_is_usable(pg_url: str) -> None:
    assert pg_url.startswith("postgresql+psycopg://")
    engine = sqlalchemy.create_engine(pg_url)
    try:
        with engine.begin() as conn:
            conn.execute(sqlalchemy.text("CREATE TABLE t (name text)"))
            conn.execute(sqlalchemy.text("INSERT INTO t VALUES ('Zażółć gęślą jaźń Щ')"))
        with engine.connect() as conn:
            assert conn.execute(sqlalchemy.text("SELECT name FROM t")).scalar_one() == "Zażółć gęślą jaźń Щ"
            assert conn.execute(sqlalchemy.text("SHOW server_encoding")).scalar_one() == "UTF8"
    finally:
        engine.dispose()


@pytest.mark.postgres
def test_databases_are_distinct(pg_cluster) -> None:
    first, second = pg_cluster.new_database("a"), pg_cluster.new_database("b")
    assert first != second
    assert _select_one(first) == 1 and _select_one(second) == 1


@pytest.mark.postgres
def test_stop_and_start(pg_cluster, pg_url: str) -> None:
    assert pg_cluster.is_running()
    assert _select_one(pg_url) == 1
    pg_cluster.stop()
    try:
        assert not pg_cluster.is_running()
        with pytest.raises(OperationalError):
            _select_one(pg_url)
    finally:
        pg_cluster.start()
    assert pg_cluster.is_running()
    assert _select_one(pg_url) == 1


def test_sqlite_url(sqlite_url: str, tmp_path) -> None:
    assert sqlite_url.startswith("sqlite:///")
    assert _select_one(sqlite_url) == 1
    assert (tmp_path / "test.db").exists()


def test_db_url_each_backend(db_url: str) -> None:
    assert _select_one(db_url) == 1


def test_user_data_is_isolated(tmp_path_factory) -> None:
    import os

    from packstation.paths import data_dir

    home = os.environ["PACKSTATION_HOME"]
    assert str(tmp_path_factory.getbasetemp()) in home
    assert str(data_dir()) == home
