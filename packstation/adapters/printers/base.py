"""The seam every printer back-end fits: a folder today, CUPS or raw TCP 9100 later."""

from __future__ import annotations

from pathlib import Path
from typing import Protocol, runtime_checkable


@runtime_checkable
class Printer(Protocol):
    """Something that takes a rendered document and prints (or files) it.

    Implementations raise :class:`~packstation.adapters.printers.errors.PrinterError`
    when the document cannot be delivered, and never block the GUI thread for
    long on purpose: callers run ``print_document`` in a worker thread anyway.
    """

    @property
    def name(self) -> str:
        """A human-readable name shown in settings, logs and ``packstation doctor``."""
        ...

    def print_document(self, title: str, data: bytes, kind: str) -> str | Path:
        """Deliver ``data`` (PDF or ZPL bytes) of document ``kind`` (``label``, ``slip``…).

        ``title`` names the job (usually the order number). Returns where the job
        went: a file path, or a spooler job id as text.
        """
        ...
