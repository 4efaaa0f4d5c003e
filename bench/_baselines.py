"""The baselines (c) of bench/scan_latency.py, and the loop that alternates them with (a).

(c) is the cheapest durable write a program can make on the same database: one row, one
transaction, committed. On SQLite that is stdlib sqlite3 with the application's pragmas and
BEGIN IMMEDIATE, in its own file beside the application's; on PostgreSQL it is psycopg 3 on
its own connection to the same server, into an ordinary (WAL-logged) table: a TEMP or
UNLOGGED table would skip the WAL flush that the application's commit pays for.
"""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Callable
from pathlib import Path

from packstation.adapters.db.engine import SQLITE_PRAGMAS

ROW = ("2026-01-01T00:00:00", "5909990000013", "accepted", "bench")


class BareSqlite:
    """One row per transaction, the application's pragmas, BEGIN IMMEDIATE like the app's engine."""

    backend = "sqlite"

    def __init__(self, path: Path) -> None:
        self.conn = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
        for pragma in SQLITE_PRAGMAS:
            self.conn.execute(pragma)
        mode = self.conn.execute("PRAGMA journal_mode").fetchone()[0]
        sync = self.conn.execute("PRAGMA synchronous").fetchone()[0]
        fk = self.conn.execute("PRAGMA foreign_keys").fetchone()[0]
        self.settings = f"journal_mode={mode} synchronous={sync} foreign_keys={fk}"
        self.conn.execute(
            "CREATE TABLE IF NOT EXISTS scan (id INTEGER PRIMARY KEY, at TEXT NOT NULL, raw TEXT NOT NULL, "
            "verdict TEXT NOT NULL, station TEXT NOT NULL)"
        )

    def once(self) -> int:
        t0 = time.perf_counter_ns()
        self.conn.execute("BEGIN IMMEDIATE")
        self.conn.execute("INSERT INTO scan (at, raw, verdict, station) VALUES (?, ?, ?, ?)", ROW)
        self.conn.execute("COMMIT")
        return time.perf_counter_ns() - t0

    def close(self) -> None:
        self.conn.close()


class BarePsycopg:
    """psycopg 3, its own connection, default (transactional) mode: INSERT opens the transaction, COMMIT ends it."""

    backend = "postgresql"
    TABLE = "bench_bare_scan"

    def __init__(self, url: str) -> None:
        import psycopg

        self.conn = psycopg.connect(url)
        with self.conn.cursor() as cur:
            cur.execute(
                f"CREATE TABLE IF NOT EXISTS {self.TABLE} (id bigserial PRIMARY KEY, at text NOT NULL, "
                "raw text NOT NULL, verdict text NOT NULL, station text NOT NULL)"
            )
            names = ("server_version", "fsync", "synchronous_commit", "wal_sync_method")
            shown = []
            for name in names:
                cur.execute(f"SHOW {name}")
                row = cur.fetchone()
                shown.append(f"{name}={row[0] if row else '?'}")
        self.conn.commit()
        self.settings = " ".join(shown)
        self.cur = self.conn.cursor()

    def once(self) -> int:
        t0 = time.perf_counter_ns()
        self.cur.execute(f"INSERT INTO {self.TABLE} (at, raw, verdict, station) VALUES (%s, %s, %s, %s)", ROW)
        self.conn.commit()
        return time.perf_counter_ns() - t0

    def close(self) -> None:
        self.cur.close()
        with self.conn.cursor() as cur:
            cur.execute(f"DROP TABLE IF EXISTS {self.TABLE}")
        self.conn.commit()
        self.conn.close()


def alternate(
    a_once: Callable[[], int], c_once: Callable[[], int], scans: int, block: int, warmup: int
) -> tuple[list[int], list[int]]:
    """Run (a) and (c) ``scans`` times each in alternating blocks, starting with the other one every round.

    Alternating puts both under the same background load; the ratio of medians then
    compares like with like even on a noisy machine.
    """
    for _ in range(warmup):
        a_once()
        c_once()
    a_times: list[int] = []
    c_times: list[int] = []
    flip = False
    while len(a_times) < scans or len(c_times) < scans:
        n_a = min(block, scans - len(a_times))
        n_c = min(block, scans - len(c_times))
        rounds = [(a_once, a_times, n_a), (c_once, c_times, n_c)]
        for fn, out, n in reversed(rounds) if flip else rounds:
            out.extend(fn() for _ in range(n))
        flip = not flip
    return a_times, c_times
