"""Database faults named: what went wrong and what to do, in one line, never a traceback.

Every driver error that reaches a unit of work, the migration or a CLI command is turned into
a :class:`StorageUnavailable` whose ``code`` says which fault it is (the screen chooses its
words from the code; the message is the command line's one line) and whose ``detail`` keeps
the driver's own text for the log.
"""

from __future__ import annotations

import os
import re
import sqlite3
from pathlib import Path

from sqlalchemy.engine import make_url
from sqlalchemy.exc import DatabaseError, DBAPIError, InterfaceError, OperationalError

from packstation.domain.errors import StorageUnavailable

# (code, driver-text pattern, what to do), first match wins.
_FAULTS: tuple[tuple[str, re.Pattern[str], str], ...] = tuple(
    (code, re.compile(pattern, re.IGNORECASE), advice)
    for code, pattern, advice in (
        ("storage.corrupt", r"file is not a database|disk image is malformed|database corrupt",
         "the database file is damaged: restore the last backup (packstation db restore FILE)"),
        ("storage.read_only", r"readonly database|read-only|read only",
         "the database file or its folder is read-only: give this user write access"),
        ("storage.disk_full", r"database or disk is full|no space left on device|could not extend file|disk full",
         "the disk is full: free space on it (old backups, logs) and scan again"),
        ("storage.locked", r"database is locked|lock timeout|could not obtain lock",
         "another program holds the database: close it, or wait for it to finish"),
        ("storage.auth_failed", r"password authentication failed|no password supplied|authentication failed",
         "the database refused the user name or password: check db_url"),
        ("storage.no_database", r'database "[^"]*" does not exist|role "[^"]*" does not exist',
         "the database or its user does not exist on the server: check db_url or create it"),
        ("storage.cannot_open", r"unable to open database file",
         "the database file cannot be opened: check that its folder exists and this user may write there"),
        ("storage.unreachable",
         r"connection refused|could not connect|timeout expired|timed out|name or service not known|"
         r"could not translate host|server closed the connection|terminating connection|connection .* lost|"
         r"no route to host|network is unreachable|the database system is (starting|shutting) down",
         "the database server cannot be reached: is it running, and is the network up?"),
    )
)  # fmt: skip


def fault(exc: BaseException, url: str = "") -> StorageUnavailable | None:
    """The named fault for a driver error, or None when it is not a storage fault (a bug, a constraint)."""
    if not _is_storage_error(exc):
        return None
    detail = " ".join(str(getattr(exc, "orig", exc)).split())[:300]
    code, advice = "storage.unavailable", "the database is unavailable: it is retried by itself"
    for candidate, pattern, what in _FAULTS:
        if pattern.search(detail):
            code, advice = candidate, what
            break
    where = _where(url)
    extra = ""
    if code == "storage.locked" and url:
        holders = lock_holders(url)
        if holders:
            extra = " (held by " + ", ".join(f"{name} pid {pid}" for pid, name in holders) + ")"
    message = f"{where}: {advice}{extra} [{detail}]" if where else f"{advice}{extra} [{detail}]"
    return StorageUnavailable(message, code=code, detail=detail, where=where, holders=extra.strip(" ()"))


def _is_storage_error(exc: BaseException) -> bool:
    """Driver errors about the storage itself; not integrity or programming errors (those are bugs)."""
    if isinstance(exc, (OperationalError, InterfaceError, sqlite3.OperationalError)):
        return True
    if type(exc) in (DatabaseError, sqlite3.DatabaseError):  # the base class: "file is not a database"
        return True
    return isinstance(exc, DBAPIError) and exc.connection_invalidated


def empty_file_fault(url: str) -> StorageUnavailable | None:
    """An existing zero-byte SQLite file is refused: made into a new database it would hide lost data."""
    path = sqlite_path(url)
    if path is None or not path.exists() or path.stat().st_size:
        return None
    return StorageUnavailable(
        f"{path}: the database file is empty (0 bytes): restore the last backup (packstation db restore FILE), "
        "or delete the file to start a new, empty database",
        code="storage.empty_file",
        where=str(path),
        detail="0 bytes",
    )


def sqlite_path(url: str) -> Path | None:
    """The file of an SQLite URL (None for PostgreSQL or an in-memory database)."""
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite" or not parsed.database or parsed.database == ":memory:":
        return None
    database = parsed.database
    if database.startswith("file:"):  # URI form (sqlite:///file:path?mode=ro&uri=true)
        database = database[5:].split("?", 1)[0]
    return Path(database)


def lock_holders(url: str) -> list[tuple[int, str]]:
    """(pid, program) of other processes with the SQLite file open, where this system says (Linux /proc)."""
    path = sqlite_path(url)
    proc = Path("/proc")
    if path is None or not proc.is_dir():
        return []
    wanted = {str(path.resolve()) + suffix for suffix in ("", "-wal", "-shm", "-journal")}
    found: list[tuple[int, str]] = []
    for entry in proc.iterdir():
        if not entry.name.isdigit() or int(entry.name) == os.getpid():
            continue
        try:
            targets = {os.readlink(fd) for fd in (entry / "fd").iterdir()}
            if targets & wanted:
                found.append((int(entry.name), (entry / "comm").read_text().strip()))
        except OSError:
            continue  # gone, or not ours to look at
    return sorted(found)


def _where(url: str) -> str:
    if not url:
        return ""
    path = sqlite_path(url)
    if path is not None:
        return str(path)
    parsed = make_url(url)
    return f"{parsed.get_backend_name()} {parsed.host or 'localhost'}:{parsed.port or 5432}/{parsed.database}"
