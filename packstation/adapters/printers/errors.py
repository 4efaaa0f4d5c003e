"""Errors a printer back-end raises when a document cannot be delivered."""

from __future__ import annotations

from packstation.domain.errors import DomainError


class PrinterError(DomainError):
    """The printer (or print folder) cannot take the document; nothing was printed.

    ``params`` carries ``printer`` (the back-end's name) and ``reason`` so the
    GUI can offer "retry / choose another printer" with the cause in words.
    """

    code = "printer.unavailable"
