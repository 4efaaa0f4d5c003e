"""The packing bench: one object per station that turns every scan into a stored verdict.

All calls come from one thread (the GUI's scan worker), so scans are handled strictly
in the order they were made. Every verdict is committed before it is returned.
"""

from __future__ import annotations

from typing import Any

from packstation.domain import barcodes
from packstation.domain.clock import iso, utcnow
from packstation.domain.errors import ClaimLost, DomainError
from packstation.domain.status import Actor, Status
from packstation.domain.verification import ProductMatch, VerdictKind, apply, verify
from packstation.services.bench_actions import BenchActions
from packstation.services.claims import claim_order, end_session, has_activity, release_order
from packstation.services.context import DocumentRenderers, Printer, StationConfig, UowFactory
from packstation.services.order_views import OrderView, ScanLine, order_view
from packstation.services.outcomes import BAD, GOOD, INFO, Outcome


class _StaleCounts(Exception):
    """The stored count of a line differs from the one a verdict was based on."""


class Station(BenchActions):
    def __init__(
        self,
        uow: UowFactory,
        config: StationConfig,
        renderers: DocumentRenderers | None = None,
        printer: Printer | None = None,
        scan_uow: UowFactory | None = None,
    ) -> None:
        self._uow = uow
        # The product-scan path may use a lighter unit of work (no ORM session).
        self._scan_uow = scan_uow or uow
        self.config = config
        self.renderers = renderers
        self.printer = printer
        self.packer: str | None = None
        self.order_id: int | None = None
        self.view: OrderView | None = None

    @property
    def who(self) -> str:
        """Scans are recorded under the packer, or the station's name while nobody is logged in."""
        return self.packer or self.config.station

    # -- opening and closing ------------------------------------------------------------
    def open(self, number: str) -> OrderView:
        """Claim and open order ``number`` (raises DomainError with the reason when refused)."""
        with self._uow() as uow:
            order = claim_order(uow, number, self.config.station, self.who, self.config.claim_ttl_seconds)
            uow.commit()
            view = order_view(uow, order)
            order_id = order.id
        self.order_id, self.view = order_id, view  # only once both are known
        return view

    def resume(self) -> OrderView | None:
        """At start-up, take back this station's own claims and reopen the order it was packing."""
        with self._uow() as uow:
            # Read inside the block: leaving the unit of work expires the loaded orders.
            packing = [o.number for o in uow.orders.claimed_by(self.config.station) if o.status == Status.PACKING]
        if packing:
            self.open(packing[-1])
        return self.view

    def release(self) -> Outcome:
        """Give the open order back to the queue (``packing -> new``) if nothing was scanned yet."""
        if self.order_id is None:
            return Outcome("refused", BAD, "command.no_order")
        with self._uow() as uow:
            order = self._mine(uow)
            if has_activity(uow, order):
                return Outcome("refused", BAD, "order.finish_or_hold_first", {"number": order.number}, self.view)
            number = order.number
            release_order(uow, order, self.config.station, self.who)
            uow.commit()
        self._close()
        return Outcome("released", INFO, "order.released", {"number": number})

    def _close(self) -> None:
        self.order_id, self.view = None, None

    def _mine(self, uow: Any) -> Any:
        """The open order, row-locked, if this station still holds it; else ClaimLost."""
        order = uow.orders.get(self.order_id, lock=True)
        if order.status != Status.PACKING or order.claim_station != self.config.station:
            raise ClaimLost(f"order {order.number} is no longer held by {self.config.station}")
        return order

    def _guarded(self, action: Any, raw: str) -> Outcome:
        """Run a bench action; every expected failure becomes an outcome (never raises)."""
        try:
            try:
                return action()
            except _StaleCounts:
                self.refresh()  # the stored counts moved under us: judge again on what is stored
                return action()
            except ClaimLost:
                with self._uow() as uow:
                    return self._lost(uow, uow.orders.get(self.order_id))
        except (DomainError, _StaleCounts) as error:
            if isinstance(error, _StaleCounts):
                error = DomainError("counts changed elsewhere", code="order.lost_claim", number="?", status="?")
            return Outcome.from_error(error, self.view, raw)

    # -- scanning ----------------------------------------------------------------------
    def scan(self, raw: str) -> Outcome:
        """Handle one scan: product, command, order number or badge. Never raises."""
        return self._guarded(lambda: self._scan(raw), raw)

    def _scan(self, raw: str) -> Outcome:
        clean = barcodes.clean_scan(raw)
        if not clean.ok:
            self._store_plain(clean.text, "invalid_scan", clean.problem or "scan.invalid")
            params = {"length": len(raw), "text": barcodes.printable(clean.text[:40])}
            return Outcome("invalid_scan", BAD, clean.problem or "scan.invalid", params, self.view, raw=raw)
        text = clean.text
        command = barcodes.command_name(text)
        if command is not None:
            return self.command(command, raw=text)
        code = barcodes.normalise(text)
        if self.order_id is not None:
            with self._scan_uow() as fast:  # the common case: a unit of the open order
                found = fast.products.lookup(code)
                if found is not None:
                    return self._verify(fast, text, code, found)
        with self._uow() as uow:
            match = uow.products.lookup(code)
            # The bare number first: a shop's own numbers may start like a slip barcode ("ORD-1").
            candidates = (text, barcodes.order_number_from_slip(text)) if match is None else ()
            number = next((n for n in candidates if n and uow.orders.by_number(n) is not None), "")
            is_order = bool(number)
            if match is None and not is_order:
                packer = uow.products.packer_by_badge(text)
                if packer is not None:
                    self.packer = packer.name
                    return Outcome("login", INFO, "packer.logged_in", {"name": packer.name}, self.view, raw=text)
            if is_order:
                pass  # handled below, outside this transaction
            elif self.order_id is None:
                kind = "scan.no_order_open" if match else "scan.unknown_no_order"
                params = {"barcode": text, **({"name": match[1]} if match else {})}
                self._store_in(uow, text, code, "no_order" if match else "unknown_barcode", kind)
                uow.commit()
                return Outcome("no_order" if match else "unknown_barcode", BAD, kind, params, None, raw=text)
            else:
                return self._verify(uow, text, code, match)
        return self._switch_to(number, text)

    def _verify(self, uow: Any, text: str, code: str, match: tuple[str, str, int] | None) -> Outcome:
        """Judge a product scan against the open order and store it, in one short transaction.

        The counts come from memory: while this station holds the claim nobody else
        may count on the order. The scan is stored only if the claim still holds, and
        the guarded UPDATE proves the stored count is the one judged (if not, the
        order is re-read and the scan judged again).
        """
        now = utcnow()
        state = self.view.state
        product = ProductMatch(match[0], match[1], match[2]) if match else None
        verdict = verify(state, code, product)
        event_id = uow.journal.record_claimed_scan(
            self.order_id,
            at=now,
            line_id=verdict.line_id,
            raw=text,
            code=code[:300],
            verdict=verdict.kind.value,
            message_code=verdict.code,
            quantity=verdict.quantity,
            station=self.config.station,
            packer=self.who,
        )
        if event_id is None:  # cancelled by the shop or taken over since the last scan
            raise ClaimLost("order no longer held here")
        if verdict.kind is VerdictKind.ACCEPTED:
            line = next(line for line in state.lines if line.line_id == verdict.line_id)
            if not uow.orders.add_scanned(line.line_id, verdict.quantity, line.scanned):
                raise _StaleCounts()
        elif verdict.is_mismatch:
            uow.journal.record_mismatch(
                order_id=self.order_id,
                scan_event_id=event_id,
                kind=verdict.kind.value,
                code=text,
                sku=product.sku if product else "",
                station=self.config.station,
                packer=self.who,
                created_at=now,
            )
        uow.commit()  # durable before anyone sees green
        apply(state, verdict)
        self._remember(state, ScanLine(iso(now) or "", text, verdict.kind.value, verdict.code))
        tone = GOOD if verdict.kind is VerdictKind.ACCEPTED else BAD
        params = dict(verdict.params)
        params["open_mismatches"] = state.open_mismatches
        return Outcome(verdict.kind.value, tone, verdict.code, params, self.view, raw=text)

    def _remember(self, state: Any, line: ScanLine) -> None:
        if self.view is not None:
            self.view.state = state
            self.view.recent = [line, *self.view.recent][:8]

    def _switch_to(self, number: str, raw: str) -> Outcome:
        """An order barcode: open it, swapping out an untouched open order."""
        previous = self.order_id
        if previous is not None:
            with self._uow() as uow:
                current = self._mine(uow)
                if current.number == number:
                    return Outcome("info", INFO, "order.already_open", {"number": number}, self.view, raw=raw)
                if has_activity(uow, current):
                    return Outcome(
                        "refused",
                        BAD,
                        "order.finish_or_hold_first",
                        {"number": current.number, "requested": number},
                        self.view,
                        raw=raw,
                    )
        # Claim the new order first: if another station holds it, the current one stays open here.
        view = self.open(number)
        if previous is not None:
            with self._uow() as uow:
                old = uow.orders.get(previous, lock=True)
                if old.status == Status.PACKING and old.claim_station == self.config.station:
                    release_order(uow, old, self.config.station, self.who, note=f"swapped for {number}")
                    uow.commit()
        return Outcome("order_opened", INFO, "order.opened", {"number": number}, view, raw=raw)

    def _lost(self, uow: Any, order: Any) -> Outcome:
        """The order was cancelled by the shop or taken over while this station held it."""
        number, status = order.number, order.status
        self._close()
        if status == Status.CANCELLED:
            end_session(uow, order.id, "cancelled")
            uow.orders.release_claim(order.id, self.config.station)
            uow.commit()
            return Outcome("order_cancelled", BAD, "order.cancelled_by_shop", {"number": number})
        return Outcome("refused", BAD, "order.lost_claim", {"number": number, "status": status})

    def _store_in(
        self,
        uow: Any,
        raw: str,
        code: str,
        verdict: str,
        message: str,
        line_id: int | None = None,
        quantity: int = 0,
        order_id: int | None = None,
    ) -> Any:
        return uow.journal.add_scan(
            at=utcnow(),
            order_id=order_id if order_id is not None else self.order_id,
            line_id=line_id,
            raw=raw[: barcodes.MAX_SCAN_LENGTH],
            code=code[:300],
            verdict=verdict,
            message_code=message,
            quantity=quantity,
            station=self.config.station,
            packer=self.who,
        )

    def _store_plain(self, raw: str, verdict: str, message: str) -> None:
        with self._uow() as uow:
            self._store_in(uow, raw, "", verdict, message)
            uow.commit()

    # -- commands ----------------------------------------------------------------------
    def command(self, name: str, raw: str = "") -> Outcome:
        """A command barcode (``CMD-<NAME>``) or its hotkey."""
        raw = raw or f"{barcodes.COMMAND_PREFIX}{name}"
        return self._guarded(lambda: self._command(name, raw), raw)

    def _command(self, name: str, raw: str) -> Outcome:
        if name == "LOGOUT":
            self.packer = None
            return Outcome("logout", INFO, "packer.logged_out", {}, self.view, raw=raw)
        if name == "NEXT":
            return self.open_next()
        if self.order_id is None:
            known = name in barcodes.COMMANDS
            return Outcome("refused", BAD, "command.no_order" if known else "command.unknown", {"name": name}, raw=raw)
        if name == "FINISH":
            return self.finish()
        if name == "REMOVED":
            return self.confirm_removed(raw)
        if name == "RELEASE":
            return self.release()
        if name == "HOLD":
            return self.hold("missing unit")
        return Outcome("refused", BAD, "command.unknown", {"name": name}, self.view, raw=raw)


__all__ = ["Station", "Outcome", "Actor"]
