"""Domain errors carry a message code and parameters; the GUI and CLI turn them into words."""

from __future__ import annotations


class DomainError(Exception):
    """An expected, explainable refusal (never a bug).

    ``code`` is a stable message key such as ``order.illegal_transition``;
    ``params`` fills the sentence the user interface builds from it.
    """

    code = "error"

    def __init__(self, message: str, *, code: str | None = None, **params: object) -> None:
        super().__init__(message)
        if code is not None:
            self.code = code
        self.params = params


class IllegalTransition(DomainError):
    code = "order.illegal_transition"


class OrderNotFinishable(DomainError):
    code = "order.not_finishable"


class OrderClaimed(DomainError):
    """The order is open at another station."""

    code = "order.claimed_elsewhere"


class ClaimLost(DomainError):
    """The open order is no longer ``packing`` at this station (cancelled, taken over)."""

    code = "order.lost_claim"


class NotFound(DomainError):
    code = "not_found"


class InvalidBarcode(DomainError):
    code = "barcode.invalid"


class PrinterUnavailable(DomainError):
    """The printer (or print folder) did not take the document; nothing was printed.

    ``params`` carries ``printer`` (the back-end's name) and ``reason``.
    """

    code = "printer.unavailable"


class PrintUncertain(PrinterUnavailable):
    """A send broke off after part of the document went out: a label may or may not have printed.

    Never resent without the packer's word that nothing came out.
    """

    code = "print.uncertain"


class StorageUnavailable(DomainError):
    """The database cannot be reached; nothing was stored."""

    code = "storage.unavailable"


class DeviceUnavailable(DomainError):
    """A scanner's or scale's port cannot be used, or the device does not answer as it should.

    ``code`` names the reason (``device.port_missing``, ``device.permission_denied``, ``device.busy``,
    ``device.io_error``, ``scale.no_answer``, ``scale.unstable``, ``scale.overload``, ``scale.underload``,
    ``scale.garbled``); ``params`` carry the device, the port and what to do.
    """

    code = "device.unavailable"


class SchemaTooNew(DomainError):
    """The database was migrated by a newer Packstation than this one."""

    code = "storage.schema_too_new"


class ImportRejected(DomainError):
    """A whole import file was refused; ``errors`` lists (line, reason) pairs."""

    code = "import.rejected"

    def __init__(self, message: str, errors: list[tuple[int, str]]) -> None:
        super().__init__(message, count=len(errors))
        self.errors = errors

    def __str__(self) -> str:
        rows = "\n".join(f"  line {line}: {reason}" for line, reason in self.errors)
        return f"{self.args[0]}\n{rows}" if rows else str(self.args[0])
