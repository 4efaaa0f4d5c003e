"""SQLite: each thread keeps one connection between its units of work.

Taking a connection out of SQLAlchemy's pool and putting it back (a Connection object, the
pool's queue and lock, the reset-on-return rollback, the pool's events) cost about 35 µs of a
240 µs scan on SQLite: more than any of the scan's statements. On SQLite nothing is gained by
giving the connection back after every transaction: there is no server that could drop it and
no pre-ping, and an idle connection outside a transaction holds no lock and no WAL snapshot.
So each thread keeps one, and each unit of work borrows its thread's:

* a unit of work is still exactly one transaction: it begins on first use and ends with the
  commit, or with the rollback on leaving; only the open file carries over;
* a unit of work opened inside another on the same thread gets a pooled connection of its own,
  as every unit of work did before;
* after a database error, or if the driver still reports a transaction when the unit of work
  ends (the check the pool's reset-on-return made), the connection is closed, and the thread's
  next unit of work opens a new one;
* ``engine.dispose()`` closes the kept connections that are idle and marks the busy ones to be
  closed when their unit of work ends, so the database file is let go as before; a finished
  thread's connection is closed when its Thread object goes away.

PostgreSQL keeps checking a connection out per unit of work: there the checkout's pre-ping is
what reconnects a bench by itself after the server restarted.
"""

from __future__ import annotations

import threading
import weakref
from dataclasses import dataclass

from sqlalchemy import Connection, Engine, event
from sqlalchemy.exc import DBAPIError


@dataclass(eq=False)
class _Kept:
    connection: Connection
    busy: bool = False  # lent to a unit of work right now
    closed: bool = False  # closed, or to be closed when given back
    finalizer: weakref.finalize | None = None  # closes it when its thread is gone


class HeldConnections:
    """The connections the threads keep on one SQLite engine."""

    def __init__(self, engine: Engine) -> None:
        self._engine = engine
        self._local = threading.local()
        self._lock = threading.Lock()  # guards the flags of every _Kept and the set below
        self._kept: set[_Kept] = set()
        event.listen(engine, "engine_disposed", self._on_dispose)

    def borrow(self) -> Connection | None:
        """This thread's connection (opened on first use), or None while it is lent already."""
        kept: _Kept | None = getattr(self._local, "kept", None)
        with self._lock:
            if kept is not None and not kept.closed:
                if kept.busy:
                    return None  # a unit of work inside another: it takes one from the pool
                kept.busy = True
                return kept.connection
        kept = _Kept(self._engine.connect(), busy=True)  # may raise: the unit of work translates it
        self._local.kept = kept
        with self._lock:
            self._kept.add(kept)
        kept.finalizer = weakref.finalize(threading.current_thread(), self._close, kept)
        kept.finalizer.atexit = False  # at exit the process lets go of its files anyway
        return kept.connection

    def give_back(self, connection: Connection, broken: bool) -> None:
        """End of the unit of work that borrowed ``connection`` (its transaction already ended)."""
        kept: _Kept = self._local.kept
        assert kept.connection is connection
        if not broken:
            broken = _still_in_transaction(connection)
        with self._lock:
            kept.busy = False
            close = broken or kept.closed
        if close:
            self._close(kept)

    def _close(self, kept: _Kept) -> None:
        with self._lock:
            kept.closed = True
            if kept.busy or kept not in self._kept:
                return  # busy: closed when given back; not kept: closed already
            self._kept.discard(kept)
        if kept.finalizer is not None:
            kept.finalizer.detach()  # lets go of this object (and the engine) now
        try:
            # invalidate() closes the driver's connection now; a plain close() would return it to
            # the pool, which after engine.dispose() keeps it open until garbage collection.
            kept.connection.invalidate()
            kept.connection.close()
        except DBAPIError:
            pass  # closing what is already broken

    def _on_dispose(self, _engine: Engine) -> None:
        with self._lock:
            every = list(self._kept)
        for kept in every:
            self._close(kept)


def _still_in_transaction(connection: Connection) -> bool:
    """What the pool's reset-on-return guarded against: a transaction SQLAlchemy does not know of."""
    if connection.closed or connection.invalidated:
        return True
    if connection.in_transaction():
        return True
    dbapi_connection = connection.connection.dbapi_connection
    return bool(getattr(dbapi_connection, "in_transaction", False))
