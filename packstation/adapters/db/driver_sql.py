"""The scan's hot statements, run on the driver's cursor inside SQLAlchemy's transaction.

A product scan runs three short statements (product lookup, guarded scan INSERT, guarded
count UPDATE). On SQLite each takes 2–5 µs in the driver, while SQLAlchemy's per-statement
machinery around it (execution context, compiled-cache lookup, parameter processing, result
wrapping, events) costs 25–30 µs: the hot path spent more time there than in the database.

:class:`DriverStatement` keeps what SQLAlchemy does for correctness and drops the rest:

* the SQL is SQLAlchemy's own, compiled once per dialect (bind casts, quoting, RETURNING);
* parameters go through the column types' own bind processors (SQLite's DATETIME and
  Boolean), so the stored values are byte for byte what the Core statement stores;
* the statement runs on the DBAPI connection of the caller's :class:`~sqlalchemy.Connection`,
  inside *its* transaction: it begins one first if needed (through SQLAlchemy, so the
  engine's ``begin`` hook still runs ``BEGIN IMMEDIATE`` on SQLite) — with pysqlite in
  autocommit mode a raw statement outside an explicit BEGIN would commit by itself;
* driver errors come out as SQLAlchemy's exceptions (``OperationalError`` …), and a lost
  connection is invalidated, exactly what the unit of work translates into
  ``StorageUnavailable``.

Only the hot statements use this; everything else goes through SQLAlchemy Core as usual.
"""

from __future__ import annotations

import weakref
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, NoReturn

from sqlalchemy import Connection
from sqlalchemy.engine.interfaces import DBAPICursor, Dialect
from sqlalchemy.exc import DBAPIError
from sqlalchemy.sql.expression import Executable


@dataclass(frozen=True)
class _Compiled:
    """One statement compiled for one dialect, with what it takes to bind its parameters."""

    sql: str
    names: tuple[str, ...]  # the bound parameters, in the order of a positional paramstyle
    positional: bool
    defaults: Mapping[str, Any]  # values fixed in the statement (literals, bindparam defaults)
    processors: Mapping[str, Callable[[Any], Any]]  # the column types' bind processors

    def arguments(self, params: Mapping[str, Any]) -> Sequence[Any] | dict[str, Any]:
        values = {**self.defaults, **params}
        for name, process in self.processors.items():
            values[name] = process(values[name])
        if self.positional:
            return tuple(values[name] for name in self.names)
        return {name: values[name] for name in self.names}


def _compile(statement: Executable, dialect: Dialect) -> _Compiled:
    compiled = statement.compile(dialect=dialect)  # type: ignore[attr-defined]
    sql = str(compiled)
    if "POSTCOMPILE" in sql:
        raise ValueError("statements with expanding parameters cannot run on the driver directly")
    binds = {compiled.bind_names[bind]: bind for bind in compiled.bind_names}
    positional = bool(compiled.positional)
    names = tuple(compiled.positiontup) if positional else tuple(binds)
    defaults = {name: binds[name].effective_value for name in names if not binds[name].required}
    processors = {}
    for name in names:
        process = binds[name].type.dialect_impl(dialect).bind_processor(dialect)
        if process is not None:
            processors[name] = process
    return _Compiled(sql, names, positional, defaults, processors)


class DriverStatement:
    """A Core statement run on the DBAPI cursor of a Connection, inside its transaction."""

    def __init__(self, statement: Executable) -> None:
        self.statement = statement
        # Per dialect instance (an engine's): compile output may depend on the server's version.
        self._compiled: weakref.WeakKeyDictionary[Dialect, _Compiled] = weakref.WeakKeyDictionary()

    def compiled(self, dialect: Dialect) -> _Compiled:
        found = self._compiled.get(dialect)
        if found is None:  # two threads may both compile once; either result is the same
            found = self._compiled[dialect] = _compile(self.statement, dialect)
        return found

    def execute(self, conn: Connection, params: Mapping[str, Any]) -> DBAPICursor:
        """Run with ``params``; the driver's cursor (the caller fetches from it and closes it)."""
        compiled = self.compiled(conn.dialect)
        arguments = compiled.arguments(params)
        if not conn.in_transaction():
            conn.begin()  # never a statement of its own outside a transaction (see the module doc)
        return execute_on_driver(conn, compiled.sql, arguments)


def execute_on_driver(conn: Connection, sql: str, arguments: Sequence[Any] | Mapping[str, Any] = ()) -> DBAPICursor:
    """``sql`` on the DBAPI connection of ``conn`` (no transaction handling); driver errors as SQLAlchemy's."""
    dbapi_connection = conn.connection.dbapi_connection
    assert dbapi_connection is not None  # conn.connection reconnects an invalidated connection
    cursor = dbapi_connection.cursor()
    try:
        cursor.execute(sql, arguments)
    except conn.dialect.loaded_dbapi.Error as error:
        _raise_as_sqlalchemy(conn, error, sql, arguments, dbapi_connection, cursor)
    return cursor


def _raise_as_sqlalchemy(
    conn: Connection, error: Exception, sql: str, arguments: Any, dbapi_connection: Any, cursor: DBAPICursor
) -> NoReturn:
    """What SQLAlchemy does with a driver error: its exception class, and a lost connection invalidated."""
    dialect = conn.dialect
    lost = dialect.is_disconnect(error, dbapi_connection, cursor)  # type: ignore[arg-type]  # a DBAPI Error, typed loosely by SQLAlchemy
    wrapped = DBAPIError.instance(
        sql, arguments, error, dialect.loaded_dbapi.Error, connection_invalidated=lost, dialect=dialect
    )
    try:
        cursor.close()
    except dialect.loaded_dbapi.Error:
        pass  # the connection is gone with the cursor
    if lost:
        conn.invalidate(error)  # the next checkout connects afresh instead of reusing a dead connection
    raise wrapped from error
