"""Printer back-ends: where rendered documents (PDF or ZPL labels, slips) are sent.

Every back-end satisfies :class:`packstation.services.ports.Printer` (structurally: adapters
do not import services): ``send`` raises ``PrinterError`` when nothing was printed and
``PrintUncertain`` when a send broke off midway; ``accepted`` answers, after a crash,
whether the printer took a job. ``targets.make_printer`` builds one from its configured target.
"""

from .cups import CupsPrinter
from .errors import PrinterError, PrintUncertain
from .folder import FolderPrinter
from .targets import make_printer, parse_target
from .tcp import TcpPrinter

__all__ = [
    "CupsPrinter",
    "FolderPrinter",
    "PrintUncertain",
    "PrinterError",
    "TcpPrinter",
    "make_printer",
    "parse_target",
]
