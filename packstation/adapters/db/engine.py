"""Engine set-up for SQLite (embedded) and PostgreSQL (shared), with the pragmas durability needs."""

from __future__ import annotations

import sqlite3
import time

from sqlalchemy import Connection, Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.pool import ConnectionPoolEntry

BUSY_TIMEOUT_MS = 100
SQLITE_PRAGMAS = (
    "PRAGMA journal_mode=WAL",
    # FULL: a committed scan survives a power cut, not only an application crash.
    "PRAGMA synchronous=FULL",
    "PRAGMA foreign_keys=ON",
    # Waiting for the write lock is done by begin_immediate() below, polling every millisecond;
    # SQLite's own busy handler only covers the rare short waits of other statements.
    f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}",
)
# Writers are short (imports write in batches): a write lock held longer than this is another
# program, and the bench says so (storage.locked) instead of freezing.
WRITE_LOCK_WAIT_S = 3.0
_POLL_S = 0.001


# Execution options a read-only or a bulk unit of work sets on its connection (see _on_begin).
READONLY = "packstation_readonly"
BULK = "packstation_bulk"


def is_sqlite(url: str) -> bool:
    return make_url(url).get_backend_name() == "sqlite"


def normalise_url(url: str) -> str:
    """Accept ``postgresql://`` and ``postgres://`` and use psycopg 3 for them."""
    parsed = make_url(url)
    if parsed.drivername in ("postgresql", "postgres"):
        parsed = parsed.set(drivername="postgresql+psycopg")
    return parsed.render_as_string(hide_password=False)


def make_engine(url: str) -> Engine:
    """Create the engine; nothing connects until first use."""
    url = normalise_url(url)
    if is_sqlite(url):
        engine = create_engine(url, connect_args={"timeout": 3, "check_same_thread": False})
        _configure_sqlite(engine)
        return engine
    # pre_ping: a server that went away and came back is reconnected on the next checkout.
    return create_engine(
        url,
        pool_pre_ping=True,
        pool_size=3,
        max_overflow=2,
        # A pulled cable sends no reset: keepalives and a TCP user timeout turn a hung
        # connection into an error within seconds, so the bench can say so.
        connect_args={
            "connect_timeout": 3,
            "keepalives": 1,
            "keepalives_idle": 5,
            "keepalives_interval": 2,
            "keepalives_count": 2,
            "tcp_user_timeout": 8000,
        },
    )


def _configure_sqlite(engine: Engine) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn: sqlite3.Connection, _record: ConnectionPoolEntry) -> None:
        # Let SQLAlchemy own transaction boundaries (see "begin" below).
        dbapi_conn.isolation_level = None
        cur = dbapi_conn.cursor()
        for pragma in SQLITE_PRAGMAS:
            cur.execute(pragma)
        cur.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Connection) -> None:
        # A unit of work that writes takes the write lock up front (IMMEDIATE), so a
        # read-then-write transaction (a claim, a scan) waits for busy_timeout instead of
        # failing with SQLITE_BUSY; one that only reads (READONLY option) takes no lock at
        # all, so it never waits behind an import's writes (WAL readers see the last commit).
        options = conn.get_execution_options()
        if options.get(READONLY, False):
            conn.exec_driver_sql("BEGIN")
            return
        if options.get(BULK, False):
            # An import's batch: no fsync while it holds the write lock (a re-run completes an
            # import a power cut interrupted); the WAL is flushed by its checkpoint between batches.
            conn.exec_driver_sql("PRAGMA synchronous=NORMAL")
        begin_immediate(conn)


def restore_durability(conn: Connection) -> None:
    """Back to FULL before a bulk unit of work's connection returns to the pool (SQLite only)."""
    raw = conn.connection.dbapi_connection
    if conn.dialect.name == "sqlite" and isinstance(raw, sqlite3.Connection):
        raw.execute("PRAGMA synchronous=FULL")  # on the driver: a SQLAlchemy statement would BEGIN again


def begin_immediate(conn: Connection) -> None:
    """BEGIN IMMEDIATE, retried every millisecond for up to WRITE_LOCK_WAIT_S.

    SQLite's busy handler sleeps longer and longer (up to 100 ms) between tries, so while an
    import commits batch after batch a waiting bench keeps missing the moment the lock is free
    and a scan can wait seconds. Polling every millisecond takes the lock in the first gap.
    """
    raw = conn.connection.dbapi_connection
    assert isinstance(raw, sqlite3.Connection)
    try:
        raw.execute("BEGIN IMMEDIATE")  # the usual case: nobody else is writing
        return
    except sqlite3.OperationalError as exc:
        if "locked" not in str(exc):
            raise
    # SQLite's own busy handler would sleep inside each try: poll with it off instead.
    raw.execute("PRAGMA busy_timeout=0")
    deadline = time.monotonic() + WRITE_LOCK_WAIT_S
    try:
        while True:
            time.sleep(_POLL_S)
            try:
                raw.execute("BEGIN IMMEDIATE")
                return
            except sqlite3.OperationalError as exc:
                if "locked" not in str(exc) or time.monotonic() >= deadline:
                    raise
    finally:
        raw.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
