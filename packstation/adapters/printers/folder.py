"""A "printer" that files documents into a folder.

Used where a print server or another program watches a hot folder, for stations
without a printer, and in tests. A watcher must never see half a file, so each
document is written to a hidden temporary file in the same folder (same file
system, so the rename is atomic) and renamed to its final name only when complete.
"""

from __future__ import annotations

import os
import tempfile
import threading
from datetime import datetime
from pathlib import Path

from packstation.paths import safe_file_name

from .errors import PrinterError

# Two print jobs in this process must not pick the same free name at the same time.
_name_lock = threading.Lock()


def _extension(data: bytes) -> str:
    head = data[:16].lstrip()
    if head.startswith(b"%PDF"):
        return ".pdf"
    if head.startswith(b"^XA"):
        return ".zpl"
    return ".bin"


class FolderPrinter:
    """Writes each document as a new file in ``directory`` (created when missing)."""

    def __init__(self, directory: Path) -> None:
        self._directory = Path(directory)

    @property
    def name(self) -> str:
        """``folder:<directory>``: what settings and ``packstation doctor`` display."""
        return f"folder:{self._directory}"

    def print_document(self, title: str, data: bytes, kind: str) -> Path:
        """Write ``data`` to ``<title>-<kind>-<YYYYmmdd-HHMMSS-ffffff><ext>``; return its path.

        The extension follows the content (``.pdf``, ``.zpl``, else ``.bin``). A name
        already taken gets ``-2``, ``-3``… so no document overwrites another. Raises
        ``PrinterError`` naming the folder and the OS error when it cannot be written;
        no partial or temporary file is left behind then.
        """
        folder = self._directory
        tmp: str | None = None
        try:
            folder.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(prefix=".printing-", suffix=".tmp", dir=folder)
            with os.fdopen(fd, "wb") as handle:
                handle.write(data)
                handle.flush()
                # Durable before visible: a power cut must not leave an empty label file.
                os.fsync(handle.fileno())
            # mkstemp makes the file owner-only; a print daemon under another user must read it.
            os.chmod(tmp, 0o644)
            stem = "-".join(
                [
                    safe_file_name(title, "document"),
                    safe_file_name(kind, "doc"),
                    datetime.now().strftime("%Y%m%d-%H%M%S-%f"),
                ]
            )
            suffix = _extension(data)
            with _name_lock:
                target = folder / f"{stem}{suffix}"
                counter = 2
                while target.exists():
                    target = folder / f"{stem}-{counter}{suffix}"
                    counter += 1
                os.replace(tmp, target)
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
