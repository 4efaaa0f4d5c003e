"""Database maintenance: integrity check, online backup (SQLite), daily backups kept for a week, restore.

PostgreSQL is backed up with its own tools (``pg_dump``/``pg_restore``); the commands here say
how instead of doing it half.
"""

from __future__ import annotations

import logging
import sqlite3
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from sqlalchemy import Engine, text
from sqlalchemy.engine import make_url

from packstation.adapters.db.faults import sqlite_path
from packstation.adapters.db.migrate import check_revision, current_revision, head_revision, known_revisions
from packstation.domain.errors import DomainError

log = logging.getLogger(__name__)
BACKUP_PREFIX = "packstation-"
KEEP_DAILY = 7


@dataclass(frozen=True)
class CheckReport:
    ok: bool
    lines: tuple[str, ...]


def check(engine: Engine, url: str) -> CheckReport:
    """Integrity (SQLite: ``PRAGMA integrity_check``) and the schema's revision against this build's."""
    lines: list[str] = []
    ok = True
    with engine.connect() as conn:
        revision = current_revision(conn)
        current = revision == head_revision()
        hint = "" if current else " — run packstation db upgrade"
        lines.append(f"schema: {revision or 'empty'} (this build: {head_revision()}){hint}")
        ok &= current or revision in known_revisions()
        if conn.dialect.name == "sqlite":
            problems = [row[0] for row in conn.execute(text("PRAGMA integrity_check"))]
            ok &= problems == ["ok"]
            lines.append("integrity: ok" if problems == ["ok"] else "integrity: " + "; ".join(problems[:20]))
            mode = conn.execute(text("PRAGMA journal_mode")).scalar()
            lines.append(f"journal: {mode}")
        else:
            conn.execute(text("SELECT 1"))
            lines.append("integrity: server reachable (use the server's own tools for a full check)")
        orders = conn.execute(text("SELECT count(*) FROM orders")).scalar() if revision else 0
        lines.append(f"orders: {orders}")
    return CheckReport(ok, tuple(lines))


def backup(url: str, target: Path) -> Path:
    """Copy a live SQLite database to ``target`` with SQLite's online backup API (benches may keep working)."""
    source = _sqlite_file(url)
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(target.name + ".part")
    src, dst = sqlite3.connect(source), sqlite3.connect(partial)
    try:
        src.backup(dst)
        # One self-contained file: the copy inherits WAL mode, which would leave -wal/-shm beside it.
        dst.execute("PRAGMA journal_mode=DELETE")
        status = dst.execute("PRAGMA integrity_check").fetchone()[0]
    finally:
        dst.close()
        src.close()
    if status != "ok":
        partial.unlink(missing_ok=True)
        raise DomainError(f"the backup of {source} failed its integrity check: {status}", code="storage.corrupt")
    partial.replace(target)
    log.info("backup made source=%s target=%s bytes=%s", source, target, target.stat().st_size)
    return target


def default_backup_path(folder: Path, now: datetime) -> Path:
    return folder / f"{BACKUP_PREFIX}{now.strftime('%Y%m%d-%H%M%S')}.db"


def daily_backup(url: str, folder: Path, now: datetime, keep: int = KEEP_DAILY) -> Path | None:
    """Back up an SQLite database if the newest backup is a day old (or none exists); keep the last ``keep``."""
    if sqlite_path(url) is None:
        return None
    existing = sorted(folder.glob(f"{BACKUP_PREFIX}*.db")) if folder.is_dir() else []
    made = None
    if not existing or datetime.fromtimestamp(existing[-1].stat().st_mtime) <= now - timedelta(days=1):
        made = backup(url, default_backup_path(folder, now))
        existing.append(made)
    for old in existing[:-keep]:
        old.unlink(missing_ok=True)
        log.info("old backup removed path=%s", old)
    return made


def restore(url: str, source: Path, safety_folder: Path, now: datetime) -> Path:
    """Replace the SQLite database with ``source`` (checked first); the current one is kept as a backup.

    Returns the safety copy's path. The caller makes sure no bench is running.
    """
    target = _sqlite_file(url)
    if not source.is_file():
        raise DomainError(f"{source}: no such file", code="storage.restore_refused")
    conn = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
    try:
        status = conn.execute("PRAGMA integrity_check").fetchone()[0]
        row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
    except sqlite3.DatabaseError as exc:
        raise DomainError(f"{source} is not a Packstation database: {exc}", code="storage.restore_refused") from None
    finally:
        conn.close()
    if status != "ok":
        raise DomainError(f"{source} is damaged ({status}): not restored", code="storage.restore_refused")
    check_revision(row[0] if row else None)  # a newer schema than this build is refused here
    safety = backup(url, safety_folder / f"{BACKUP_PREFIX}before-restore-{now.strftime('%Y%m%d-%H%M%S')}.db")
    src, dst = sqlite3.connect(source), sqlite3.connect(target)
    try:
        src.backup(dst)
        dst.execute("PRAGMA journal_mode=WAL")  # the live database's mode, whatever the backup's
    finally:
        dst.close()
        src.close()
    log.warning("database restored target=%s source=%s safety=%s", target, source, safety)
    return safety


def pg_instructions(url: str, action: str) -> str:
    """How to back up or restore a PostgreSQL database with its own tools (password never shown)."""
    parsed = make_url(url)
    conn = f"-h {parsed.host or 'localhost'} -p {parsed.port or 5432} -U {parsed.username or 'postgres'}"
    if action == "backup":
        return f"PostgreSQL: pg_dump {conn} -Fc -f packstation.dump {parsed.database}"
    return f"PostgreSQL: stop every bench, then pg_restore {conn} --clean -d {parsed.database} packstation.dump"


def _sqlite_file(url: str) -> Path:
    path = sqlite_path(url)
    if path is None:
        raise DomainError("only an SQLite database is backed up here", code="storage.not_sqlite")
    if not path.is_file():
        raise DomainError(f"{path}: no such database file", code="storage.cannot_open")
    return path
