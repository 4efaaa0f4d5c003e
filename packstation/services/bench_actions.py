"""The bench's actions besides scanning: removal confirmed, hold, next order, finish, heartbeat.

A mixin of :class:`packstation.services.station.Station`; split out to keep each module readable.
"""

from __future__ import annotations

from typing import Any

from packstation.domain.clock import iso, utcnow
from packstation.domain.errors import DomainError, StorageUnavailable
from packstation.domain.status import Status
from packstation.services import finishing
from packstation.services.order_views import OrderView, ScanLine, order_view, pack_state
from packstation.services.outcomes import BAD, GOOD, INFO, Outcome


class BenchActions:
    """Needs the Station's state (``order_id``, ``view``, ``config``, ``who``) and helpers."""

    order_id: int | None
    view: OrderView | None
    config: Any
    renderers: Any
    printer: Any
    _uow: Any

    def confirm_removed(self, raw: str = "CMD-REMOVED") -> Outcome:
        """The packer took the oldest wrong unit out: record it on that mismatch."""
        with self._uow() as uow:
            self._mine(uow)
            pending = uow.journal.open_mismatches(self.order_id)
            if not pending:
                return Outcome("info", INFO, "mismatch.none_open", {}, self.view, raw=raw)
            mismatch = pending[0]
            mismatch.resolved_at, mismatch.resolved_by, mismatch.resolution = utcnow(), self.who, "removed"
            self._store_in(uow, raw, raw, "command", "mismatch.removed")
            uow.commit()
            state = pack_state(uow, uow.orders.get(self.order_id))
            # Read while the session is open: leaving the unit of work expires ORM objects.
            params = {"kind": mismatch.kind, "code": mismatch.code, "remaining": state.open_mismatches}
        self._remember(state, ScanLine(iso(utcnow()) or "", raw, "command", "mismatch.removed"))
        return Outcome("removed", GOOD, "mismatch.removed", params, self.view, raw=raw)

    def hold(self, reason: str) -> Outcome:
        """``packing -> on_hold`` with a reason for the supervisor; the bench moves on."""
        with self._uow() as uow:
            order = self._mine(uow)
            finishing.hold(uow, order, self.config.station, self.who, reason)
            uow.commit()
            number = order.number
        self._close()
        return Outcome("held", INFO, "order.held", {"number": number, "reason": reason})

    def open_next(self) -> Outcome:
        """Take the oldest free order from the queue (after releasing an untouched open one)."""
        if self.order_id is not None:
            released = self.release()
            if released.tone == BAD:
                return released
        for number in finishing.queue_candidates(self._uow):
            try:
                view = self.open(number)
            except StorageUnavailable:
                raise
            except DomainError:
                continue  # another station took it a moment ago
            return Outcome("order_opened", INFO, "order.opened", {"number": number}, view)
        return Outcome("info", INFO, "queue.empty", {})

    def finish(self) -> Outcome:
        """Print the label and slip, ship the order, and open the next one once the printer has them."""
        if self.order_id is None:
            return Outcome("refused", BAD, "command.no_order", {"name": "FINISH"})
        if self.renderers is None or self.printer is None:
            return Outcome("refused", BAD, "printer.not_configured", {}, self.view)
        shipped = finishing.finish_order(self._uow, self.order_id, self.config, self.who, self.renderers, self.printer)
        self._close()
        outcome = Outcome("shipped", GOOD, "order.shipped", shipped, None)
        if self.config.auto_next:
            try:
                following = self.open_next()
            except DomainError:  # shipped is shipped: the next order can be opened by hand
                following = None
            outcome.order = self.view
            outcome.params["next"] = following.params.get("number") if following else None
        return outcome

    def heartbeat(self) -> Outcome | None:
        """Keep this station's claims alive; report a shop cancellation or change of the open order."""
        try:
            with self._uow() as uow:
                uow.orders.heartbeat(self.config.station, utcnow())
                uow.commit()
                if self.order_id is None:
                    return None
                order = uow.orders.get(self.order_id)
                if order.status != Status.PACKING or order.claim_station != self.config.station:
                    return self._lost(uow, order)
                changes = [c.summary for c in uow.journal.order_changes(order.id, only_unacknowledged=True)]
        except DomainError as error:
            return Outcome.from_error(error, self.view)
        if self.view is not None and changes != self.view.changes:
            self.view.changes = changes
            return Outcome("order_changed", BAD, "order.changed_by_shop", {"changes": changes}, self.view)
        return None

    def refresh(self) -> OrderView | None:
        """Reload the open order from the database (after a reconnect, for instance)."""
        if self.order_id is None:
            return None
        with self._uow() as uow:
            self.view = order_view(uow, uow.orders.get(self.order_id))
        return self.view
