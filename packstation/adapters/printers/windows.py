"""The Windows print spooler through pywin32 (``win32print``), where it is installed.

``win-raw:PRINTER`` writes the bytes as a RAW job (ZPL to a Zebra driver queue); ``win:PRINTER``
hands a PDF to the spooler the same way, which only suits drivers that take PDF directly
(the README's manual checklist says how to verify a bench). Nothing here runs on Linux CI:
without ``win32print`` constructing the printer raises ``PrinterError`` with the reason.
"""

from __future__ import annotations

import importlib
import logging
from typing import Any

from .errors import PrinterError

log = logging.getLogger(__name__)
# JOB_STATUS_* bits of a job that will not print.
_JOB_STATUS_DELETED = 0x00000100 | 0x00000004  # deleted | deleting
_JOB_STATUS_ERROR = 0x00000002


class WindowsPrinter:
    """A Windows printer queue, fed through ``StartDocPrinter`` with the RAW (or given) data type."""

    def __init__(self, queue: str, *, raw: bool = True) -> None:
        try:
            self._win32print: Any = importlib.import_module("win32print")
        except ImportError as exc:
            raise PrinterError(
                "the Windows spooler needs pywin32 (pip install pywin32)", printer=f"win:{queue}", reason=str(exc)
            ) from exc
        self.queue, self.raw = queue, raw

    @property
    def name(self) -> str:
        return f"{'win-raw' if self.raw else 'win'}:{self.queue}"

    def send(self, title: str, data: bytes) -> str:
        """Spool ``data`` as document ``title``; return the spooler's job id."""
        w = self._win32print
        try:
            handle = w.OpenPrinter(self.queue)
            try:
                job = w.StartDocPrinter(handle, 1, (title, None, "RAW"))
                try:
                    w.StartPagePrinter(handle)
                    w.WritePrinter(handle, data)
                    w.EndPagePrinter(handle)
                finally:
                    w.EndDocPrinter(handle)
            finally:
                w.ClosePrinter(handle)
        except Exception as exc:  # pywintypes.error is not importable without pywin32
            raise PrinterError(f"{self.name}: {exc}", printer=self.name, reason=str(exc)) from exc
        return str(job)

    def accepted(self, title: str) -> bool | None:
        """Whether the spooler still lists a job of this name (printed jobs leave the list)."""
        w = self._win32print
        try:
            handle = w.OpenPrinter(self.queue)
            try:
                jobs = w.EnumJobs(handle, 0, 999, 1)
            finally:
                w.ClosePrinter(handle)
        except Exception as exc:  # noqa: BLE001 - see send()
            log.warning("windows spooler query failed queue=%s error=%s", self.queue, exc)
            return None
        for job in jobs:
            if job.get("pDocument") == title:
                return not job.get("Status", 0) & (_JOB_STATUS_DELETED | _JOB_STATUS_ERROR)
        return None  # gone from the list: printed, or never spooled — the spooler cannot say which
