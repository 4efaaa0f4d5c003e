"""A "printer" that files documents into a folder.

Used where a print server or another program watches a hot folder, for stations
without a printer, and in tests. A watcher must never see half a file, so each
document is written to a hidden temporary file in the same folder (same file
system, so the rename is atomic) and renamed to its final name only when complete.
A queued job's file is named after the job (``send``), so after a crash the file's
presence proves the job printed (``accepted``); a process killed mid-write leaves a
``.printing-*.tmp`` that the next printer on that folder removes (``sweep``, at a bench's start).

A writer holds an exclusive lock (``flock``) on its temporary file until it is renamed, and the
kernel drops the lock when the writer dies: a leftover whose lock can be taken belongs to nobody
any more. Where locks do not exist (Windows), a leftover is removed once it is an hour old.
"""

from __future__ import annotations

import logging
import os
import tempfile
import threading
import time
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

try:
    import fcntl
except ImportError:  # Windows: leftovers are told by their age alone
    fcntl = None  # type: ignore[assignment]  # reason: the module does not exist on this platform

from packstation.paths import safe_file_name

from .errors import PrinterError

log = logging.getLogger(__name__)
TMP_PREFIX, TMP_SUFFIX = ".printing-", ".tmp"
# Without locks: a leftover older than this cannot belong to a write in progress.
STALE_TMP_SECONDS = 3600.0
# With locks: a free lock on a file untouched this long (a writer on another machine, whose lock
# a network folder may not show here, writes a label in milliseconds).
ABANDONED_TMP_SECONDS = 2.0

# Two print jobs in this process must not pick the same free name at the same time.
_name_lock = threading.Lock()


def _extension(data: bytes) -> str:
    head = data[:16].lstrip()
    if head.startswith(b"%PDF"):
        return ".pdf"
    if head.startswith((b"^XA", b"~", b"^")):
        return ".zpl"
    return ".bin"


class FolderPrinter:
    """Writes each document as a new file in ``directory`` (created when missing)."""

    def __init__(self, directory: Path) -> None:
        self._directory = Path(directory)
        self._swept = False

    @property
    def name(self) -> str:
        """``folder:<directory>``: the target as configured."""
        return f"folder:{self._directory}"

    def send(self, title: str, data: bytes) -> str:
        """Write ``data`` as ``<title><ext>`` (a job's title is unique); return the path.

        Raises ``PrinterError`` naming the folder and the OS error when it cannot be written.
        """
        self.sweep()
        target = self._directory / f"{safe_file_name(title)}{_extension(data)}"
        self._write(data, lambda: target)
        return str(target)

    def accepted(self, title: str) -> bool:
        """The job's file is there: it was written completely (files appear only by rename)."""
        name = safe_file_name(title)
        return any((self._directory / f"{name}{ext}").exists() for ext in (".pdf", ".zpl", ".bin"))

    def sweep(self) -> int:
        """Remove ``.printing-*.tmp`` files that killed writers left (once per printer); how many."""
        if self._swept:
            return 0
        self._swept = True
        removed = 0
        try:
            leftovers = list(self._directory.glob(f"{TMP_PREFIX}*{TMP_SUFFIX}"))
        except OSError:
            return 0
        for path in leftovers:
            try:
                removed += _remove_if_abandoned(path)
            except OSError:
                continue  # another bench removed it first
        if removed:
            log.warning("print folder cleaned folder=%s leftovers=%d", self._directory, removed)
        return removed

    def print_document(self, title: str, data: bytes, kind: str) -> Path:
        """Write ``data`` to ``<title>-<kind>-<YYYYmmdd-HHMMSS-ffffff><ext>``; return its path.

        For documents outside the queue (a sheet, an export): a name already taken gets
        ``-2``, ``-3``… so no document overwrites another.
        """
        folder = self._directory
        stem = "-".join(
            [
                safe_file_name(title, "document"),
                safe_file_name(kind, "doc"),
                datetime.now().strftime("%Y%m%d-%H%M%S-%f"),
            ]
        )
        suffix = _extension(data)

        def free_name() -> Path:
            target = folder / f"{stem}{suffix}"
            counter = 2
            while target.exists():
                target = folder / f"{stem}-{counter}{suffix}"
                counter += 1
            return target

        return self._write(data, free_name)

    def _write(self, data: bytes, name: Callable[[], Path]) -> Path:
        folder = self._directory
        tmp: str | None = None
        try:
            folder.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(prefix=TMP_PREFIX, suffix=TMP_SUFFIX, dir=folder)
            if fcntl is not None:
                fcntl.flock(fd, fcntl.LOCK_EX)  # held until the file is closed, or its writer dies
            with os.fdopen(fd, "wb") as handle:
                handle.write(data)
                handle.flush()
                # Durable before visible: a power cut must not leave an empty label file.
                os.fsync(handle.fileno())
                # mkstemp makes the file owner-only; a print daemon under another user must read it.
                os.chmod(tmp, 0o644)
                with _name_lock:
                    target = name()
                    os.replace(tmp, target)  # still locked: a sweep never takes a file being renamed
            tmp = None
            return target
        except OSError as exc:
            reason = exc.strerror or str(exc)
            raise PrinterError(
                f"cannot write to print folder {folder}: {reason} ({exc.__class__.__name__})",
                printer=self.name,
                folder=str(folder),
                reason=reason,
            ) from exc
        finally:
            if tmp is not None:
                try:
                    os.unlink(tmp)
                except OSError:
                    pass  # the original error is the one worth reporting


def _remove_if_abandoned(path: Path) -> int:
    """Remove ``path`` when no writer holds it (1), else leave it (0)."""
    age = time.time() - path.stat().st_mtime
    if fcntl is None:
        if age < STALE_TMP_SECONDS:
            return 0
        path.unlink()
        return 1
    if age < ABANDONED_TMP_SECONDS:
        return 0
    with open(path, "rb") as handle:
        try:
            fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return 0  # its writer is alive, writing a large document
        path.unlink()
    return 1
