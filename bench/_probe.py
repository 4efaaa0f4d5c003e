"""Where one scan's time goes, measured from outside the application.

:class:`ScanProbe` adds no code to the app: it listens to SQLAlchemy's pool and cursor
events, shadows the dialect's ``do_commit`` and the bench's ``handle`` with timing wrappers
(instance attributes, removed by :meth:`ScanProbe.remove`), and records garbage collections
through ``gc.callbacks``. For each Scan command it keeps the moments (``perf_counter_ns``):

    start      Bench.handle begins (on whichever thread calls it)
    checkout   the pool handed out a connection (after its pre-ping, where there is one); absent
               when the unit of work borrowed its thread's kept connection (SQLite)
    begun      the transaction began: the engine's ``begin`` hooks ran (BEGIN IMMEDIATE on SQLite;
               psycopg sends PostgreSQL's BEGIN with the first statement)
    commit0/1  the driver's commit (the fsync) starts / returns
    end        Bench.handle returns

and, for the statements SQLAlchemy's cursor events see (those it runs itself, not the hot
statements run on the driver's cursor), their number and the time inside the driver.
"""

from __future__ import annotations

import gc
import time
from typing import Any

from sqlalchemy import Engine, event

from packstation.services.bench.commands import Scan

# Parts of the service call, in order; each is (from mark, to mark). Together they cover start -> end.
SERVICE_PARTS = (
    # parse the scan, the unit of work's connection (pool checkout + pre-ping, or the thread's
    # kept connection on SQLite), repositories, BEGIN (IMMEDIATE on SQLite)
    ("setup", "start", "begun"),
    ("statements", "begun", "commit0"),  # lookup, guarded INSERT…SELECT, guarded UPDATE, Python between
    ("commit", "commit0", "commit1"),  # COMMIT: the WAL write and fsync
    ("teardown", "commit1", "end"),  # end the unit of work (connection back), build the outcome
)


class ScanProbe:
    """Timing marks of each Scan command handled by ``bench`` on ``engine``."""

    def __init__(self, engine: Engine, bench: Any) -> None:
        self.engine, self.bench = engine, bench
        self.jobs: list[dict[str, int]] = []  # one dict of marks per Scan, in order
        self.gcs: list[tuple[int, int, int]] = []  # (start, stop, generation) of every collection
        self._current: dict[str, int] | None = None
        self._stmt_at = 0
        self._gc_at = 0
        self._real_handle = bench.handle
        self._real_commit = engine.dialect.do_commit
        bench.handle = self._handle
        engine.dialect.do_commit = self._commit
        event.listen(engine, "checkout", self._on_checkout)
        event.listen(engine, "begin", self._on_begin)  # after the engine's own hook (BEGIN IMMEDIATE)
        event.listen(engine, "before_cursor_execute", self._before)
        event.listen(engine, "after_cursor_execute", self._after)
        gc.callbacks.append(self._on_gc)

    def remove(self) -> None:
        self.bench.handle = self._real_handle
        del self.engine.dialect.do_commit  # the class's method again
        event.remove(self.engine, "checkout", self._on_checkout)
        event.remove(self.engine, "begin", self._on_begin)
        event.remove(self.engine, "before_cursor_execute", self._before)
        event.remove(self.engine, "after_cursor_execute", self._after)
        gc.callbacks.remove(self._on_gc)

    # -- wrappers and listeners (run on the thread that handles the command) ------------------
    def _handle(self, command: Any) -> Any:
        if not isinstance(command, Scan):
            return self._real_handle(command)
        marks = {"start": time.perf_counter_ns(), "in_driver": 0, "statements_n": 0}
        self._current = marks
        try:
            return self._real_handle(command)
        finally:
            marks["end"] = time.perf_counter_ns()
            self._current = None
            self.jobs.append(marks)

    def _commit(self, dbapi_connection: Any) -> None:
        marks = self._current
        if marks is None:
            self._real_commit(dbapi_connection)
            return
        marks.setdefault("commit0", time.perf_counter_ns())
        self._real_commit(dbapi_connection)
        marks["commit1"] = time.perf_counter_ns()

    def _on_checkout(self, *_args: Any) -> None:
        if self._current is not None:
            self._current.setdefault("checkout", time.perf_counter_ns())

    def _on_begin(self, _conn: Any) -> None:
        if self._current is not None:
            self._current.setdefault("begun", time.perf_counter_ns())

    def _before(self, _conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        self._stmt_at = time.perf_counter_ns()

    def _after(self, _conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        marks = self._current
        if marks is None or statement.startswith("BEGIN"):
            return
        marks["in_driver"] += time.perf_counter_ns() - self._stmt_at
        marks["statements_n"] += 1

    def _on_gc(self, phase: str, info: dict[str, int]) -> None:
        if phase == "start":
            self._gc_at = time.perf_counter_ns()
        else:
            self.gcs.append((self._gc_at, time.perf_counter_ns(), info["generation"]))

    # -- results -------------------------------------------------------------------------------
    def take(self) -> dict[str, int] | None:
        """The marks of the last Scan handled (and forget them)."""
        return self.jobs.pop() if self.jobs else None

    def gc_within(self, start: int, stop: int) -> int:
        """Nanoseconds of garbage collection that ran between ``start`` and ``stop`` (any thread)."""
        return sum(min(b, stop) - max(a, start) for a, b, _gen in self.gcs if a < stop and b > start)


def service_parts(marks: dict[str, int]) -> dict[str, int] | None:
    """The service call split into SERVICE_PARTS (ns), and the sub-parts the marks allow."""
    if not all(k in marks for k in ("start", "begun", "commit0", "commit1", "end")):
        return None  # not a stored product scan (or a retry): no clean split
    parts = {name: marks[b] - marks[a] for name, a, b in SERVICE_PARTS}
    if "checkout" in marks:  # the part of the set-up up to the pool's checkout
        parts["setup_to_checkout"] = marks["checkout"] - marks["start"]
    if marks["statements_n"]:  # only statements SQLAlchemy ran itself are seen
        parts["statements_in_driver"] = marks["in_driver"]
    return parts
