"""Bring a database to the schema this build expects, safely with many stations at once."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import Connection, Engine, inspect, text

from packstation.domain.errors import SchemaTooNew

_HERE = Path(__file__).resolve().parent
VERSIONS_DIR = _HERE / "migrations" / "versions"
# Any constant will do; every Packstation uses the same one so upgrades serialise.
PG_ADVISORY_LOCK_KEY = 0x50414B53  # "PAKS"


def known_revisions() -> list[str]:
    """Revision ids this build ships, oldest first (files are named ``NNNN_<slug>.py``)."""
    return sorted(p.name.split("_", 1)[0] for p in VERSIONS_DIR.glob("[0-9][0-9][0-9][0-9]_*.py"))


def head_revision() -> str:
    return known_revisions()[-1]


def current_revision(conn: Connection) -> str | None:
    """The database's revision, or ``None`` for an empty database."""
    if not inspect(conn).has_table("alembic_version"):
        return None
    return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()


def check_revision(revision: str | None) -> bool:
    """True when the schema is current; raise :class:`SchemaTooNew` for a newer schema."""
    if revision == head_revision():
        return True
    if revision is not None and revision not in known_revisions():
        raise SchemaTooNew(
            f"the database schema ({revision}) is newer than this Packstation "
            f"(knows up to {head_revision()}): install the newer version on this station",
            revision=revision,
            head=head_revision(),
        )
    return False


def upgrade(engine: Engine) -> bool:
    """Migrate to head if needed; return True if a migration ran.

    The quick check imports no Alembic, so an up-to-date station starts fast.
    On PostgreSQL an advisory lock makes stations that upgrade together take turns.
    """
    with engine.connect() as conn:
        if check_revision(current_revision(conn)):
            return False
    with engine.connect() as conn:
        if conn.dialect.name == "postgresql":
            conn.execute(text("SELECT pg_advisory_lock(:k)"), {"k": PG_ADVISORY_LOCK_KEY})
            conn.commit()
        try:
            # Another station may have finished the upgrade while we waited.
            if check_revision(current_revision(conn)):
                conn.rollback()
                return False
            conn.rollback()
            _run_alembic(conn)
            conn.commit()
        finally:
            if conn.dialect.name == "postgresql":
                conn.execute(text("SELECT pg_advisory_unlock(:k)"), {"k": PG_ADVISORY_LOCK_KEY})
                conn.commit()
    return True


def _run_alembic(conn: Connection) -> None:
    from alembic import command
    from alembic.config import Config

    cfg = Config(str(_HERE / "alembic.ini"))
    cfg.set_main_option("script_location", str(_HERE / "migrations"))
    cfg.attributes["connection"] = conn
    command.upgrade(cfg, "head")
