"""Errors a printer back-end raises when a document cannot be delivered.

They are the domain's own (``domain.errors``), so the services can tell "nothing printed"
from "maybe printed" without importing the adapters.
"""

from __future__ import annotations

from packstation.domain.errors import PrinterUnavailable, PrintUncertain

# The name the back-ends have always raised: nothing was printed.
PrinterError = PrinterUnavailable

__all__ = ["PrintUncertain", "PrinterError"]
