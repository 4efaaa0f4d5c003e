"""The bench: runs one command at a time through its handler and always answers with one outcome."""

from __future__ import annotations

import logging
from dataclasses import replace

from packstation.config import Config
from packstation.domain import barcodes
from packstation.domain.errors import ClaimLost, DomainError
from packstation.logs import report_exception
from packstation.services.bench import people
from packstation.services.bench.commands import Command, Scan
from packstation.services.bench.outcome import OrderSnapshot, Outcome, OutcomeKind, outcome, refusal
from packstation.services.bench.printing_actions import while_label_pending
from packstation.services.bench.registry import HANDLERS
from packstation.services.bench.session import BenchContext, BenchSession, Scheduled
from packstation.services.bench.upkeep import lost_order
from packstation.services.ports import Documents, PrinterFactory, Scale, UowFactory

log = logging.getLogger(__name__)


class Bench:
    """One packing bench. Call :meth:`handle` from one thread only (the bench's worker).

    Every command gets exactly one outcome, or ``None`` when there is nothing to show
    (a quiet heartbeat); :meth:`handle` never raises. The outcome carries the open
    order's snapshot and the packer as they are after the command.
    """

    def __init__(
        self,
        config: Config,
        uow: UowFactory,
        documents: Documents | None = None,
        printers: PrinterFactory | None = None,
        scale: Scale | None = None,
    ) -> None:
        self._ctx = BenchContext(config, uow, documents, printers, scale)
        self._ctx.dispatch = self._run

    @property
    def session(self) -> BenchSession:
        """The bench's state: for the worker thread and tests, never for the screen."""
        return self._ctx.session

    @property
    def snapshot(self) -> OrderSnapshot | None:
        return self._ctx.session.snapshot

    def due(self) -> Scheduled | None:
        """The command the bench wants run later (an order finishing by itself), and when; its worker runs it."""
        return self._ctx.session.scheduled

    def handle(self, command: Command) -> Outcome | None:
        """Run ``command``; the outcome to show, with the open order and packer filled in."""
        result = self._run(command)
        if result is None:
            return None
        raw = result.raw or (barcodes.clean_scan(command.raw).text if isinstance(command, Scan) else "")
        session = self._ctx.session
        log.info(
            "outcome command=%s kind=%s code=%s stored=%s order=%s packer=%s raw=%r",
            type(command).__name__, result.kind, result.code, result.stored,
            session.snapshot.number if session.snapshot else None, session.packer, raw[:80],
        )  # fmt: skip
        supervisor = session.supervisor.name if session.supervisor else None
        return replace(result, raw=raw, order=session.snapshot, packer=session.packer, supervisor=supervisor)

    def scan(self, raw: str) -> Outcome:
        """Handle one scan (a convenience for tests and benchmarks); a scan always has an outcome."""
        result = self.handle(Scan(raw))
        assert result is not None
        return result

    def _run(self, command: Command) -> Outcome | None:
        handler = HANDLERS[type(command)]
        log.debug("command %r", command)
        try:
            try:
                idle = people.idle_logout(self._ctx, command)
                if idle is not None and isinstance(command, people.TICKS):
                    return idle  # shown at once: the bench ticks every second
                refused = people.login_refusal(self._ctx, command)
                if refused is not None:
                    return refused
                pending = while_label_pending(self._ctx, command)
                if pending is not None:
                    return pending
                return handler(self._ctx, command)
            except ClaimLost:
                return lost_order(self._ctx)
        except DomainError as error:
            log.info("refused command=%s code=%s params=%s", type(command).__name__, error.code, error.params)
            return refusal(error)
        except OSError as error:  # disk full while archiving, a folder that went away…
            log.exception("system error command=%s", type(command).__name__)
            params = {"error": error.strerror or str(error), "path": str(error.filename or "")}
            return outcome(OutcomeKind.REFUSED, "system.os_error", params, stored=False)
        except Exception as error:  # a bug must not kill the bench: log it, show it, keep scanning
            report_exception(error, f"bench command {type(command).__name__}")
            params = {"error": f"{type(error).__name__}: {error}"}
            return outcome(OutcomeKind.ERROR, "internal.error", params, stored=False)
