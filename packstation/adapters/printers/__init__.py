"""Printer back-ends: where rendered documents (PDF labels, slips) are sent.

Every back-end satisfies :class:`~packstation.adapters.printers.base.Printer`; a
back-end that cannot deliver raises
:class:`~packstation.adapters.printers.errors.PrinterError`.
"""

from .base import Printer
from .errors import PrinterError
from .folder import FolderPrinter

__all__ = ["FolderPrinter", "Printer", "PrinterError"]
