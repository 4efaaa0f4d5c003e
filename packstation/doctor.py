"""``packstation doctor``: every configured device, the printer and the database, checked and explained.

Wiring like ``bootstrap``: it may use every adapter. Each check gives one
:class:`~packstation.adapters.devices.diagnosis.Finding`; the command prints them and fails
(exit 1) when any check failed. Database passwords never appear (URLs are printed masked).
"""

from __future__ import annotations

import logging
import os
import tempfile
from pathlib import Path

from packstation.adapters.devices.diagnosis import FAIL, OK, WARN, Finding, check_scale, check_scanner
from packstation.config import Config

log = logging.getLogger(__name__)


def run_doctor(config: Config, listen_seconds: float = 0.0) -> list[Finding]:
    """All checks, in the order a bench needs them: database, printer, scanners, scale."""
    findings = [check_database(config), check_printer(config), wedge_note(config)]
    findings += [check_scanner(scanner, listen_seconds) for scanner in config.serial_scanners]
    if config.scale is not None:
        findings.append(check_scale(config.scale))
    for finding in findings:
        log.info("doctor status=%s what=%s message=%s", finding.status, finding.what, finding.message)
    return findings


def check_database(config: Config) -> Finding:
    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import SQLAlchemyError

    from packstation.adapters.db.engine import make_engine
    from packstation.adapters.db.migrate import current_revision, head_revision, known_revisions

    try:
        where = make_url(config.db_url).render_as_string(hide_password=True)
    except Exception as error:  # noqa: BLE001 - any unreadable URL is one finding
        return Finding(FAIL, "database", f"the database URL cannot be read: {error}")
    what = f"database {where}"
    try:
        engine = make_engine(config.db_url)
    except Exception as error:  # noqa: BLE001 - a missing driver, a bad option
        return Finding(FAIL, what, f"cannot use this database: {error}")
    try:
        with engine.connect() as conn:
            revision = current_revision(conn)
    except SQLAlchemyError as error:
        reason = " ".join(str(getattr(error, "orig", error)).split())
        return Finding(FAIL, what, f"cannot connect: {reason}")
    finally:
        engine.dispose()
    if revision == head_revision():
        return Finding(OK, what, f"connected, schema {revision} (current)")
    if revision is None:
        return Finding(WARN, what, "connected, empty: the schema is created at the first start")
    if revision not in known_revisions():
        return Finding(FAIL, what, f"schema {revision} is newer than this Packstation ({head_revision()}): upgrade it")
    return Finding(WARN, what, f"schema {revision}, this build {head_revision()}: migrated at the next start")


def check_printer(config: Config) -> Finding:
    """The folder printer: the folder exists (or can be made) and a file can be written into it."""
    folder = Path(config.printer_dir)
    what = f"printer folder:{folder}"
    try:
        folder.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=folder, prefix=".doctor-", delete=True):
            pass
    except OSError as error:
        return Finding(FAIL, what, f"cannot write there: {error.strerror or error}")
    stats = os.statvfs(folder) if hasattr(os, "statvfs") else None
    free = stats.f_bavail * stats.f_frsize if stats else None
    if free is not None and free < 50 * 2**20:
        return Finding(WARN, what, f"writable, but only {free // 2**20} MB free")
    return Finding(OK, what, "writable")


def wedge_note(config: Config) -> Finding:
    """Keyboard-wedge scanners need nothing to be checked here: their settings, for the record."""
    settings = (
        f"layout {config.scanner_layout}, terminator {config.scanner_terminator}, "
        f"bursts of ≥{config.scanner_min_length} keys ≤{config.scanner_burst_gap_ms} ms apart"
    )
    return Finding(OK, "keyboard-wedge scanners", f"{settings} (scan into the bench window to test one)")


def report(findings: list[Finding]) -> tuple[str, bool]:
    """The printed report and whether everything works."""
    width = max(len(f.what) for f in findings)
    label = {OK: "OK  ", WARN: "WARN", FAIL: "FAIL"}
    lines = [f"{label[f.status]}  {f.what:<{width}}  {f.message}" for f in findings]
    failed = sum(1 for f in findings if f.status == FAIL)
    lines.append("all checks passed" if not failed else f"{failed} check(s) failed")
    return "\n".join(lines), not failed
