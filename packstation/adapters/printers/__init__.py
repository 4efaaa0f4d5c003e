"""Printer back-ends: where rendered documents (PDF labels, slips) are sent.

Every back-end satisfies :class:`packstation.services.ports.Printer` (structurally: adapters
do not import services); a back-end that cannot deliver raises
:class:`~packstation.adapters.printers.errors.PrinterError`.
"""

from .errors import PrinterError
from .folder import FolderPrinter

__all__ = ["FolderPrinter", "PrinterError"]
