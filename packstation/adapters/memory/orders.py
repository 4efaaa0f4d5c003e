"""Orders in memory: the same contract as ``adapters.db.order_repository``."""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from dataclasses import replace
from datetime import datetime
from decimal import Decimal

from packstation.adapters.memory.tables import Tables
from packstation.domain import search
from packstation.domain.benches import BenchIdentity
from packstation.domain.errors import NotFound
from packstation.domain.orders import Order, OrderLine, QueuePage, QueueRow
from packstation.domain.records import Address, OrderDetails, OrderLineRecord, OrderRecord
from packstation.domain.status import OPENABLE, Status


class MemoryOrders:
    def __init__(self, tables: Tables) -> None:
        self._t = tables

    def get(self, order_id: int, *, lock: bool = False) -> Order:
        order = self._t.orders.get(order_id)
        if order is None:
            raise NotFound(f"no order with id {order_id}", code="order.not_found", number=str(order_id))
        return order

    def by_number(self, number: str) -> Order | None:
        return next((o for o in self._t.orders.values() if o.number == number), None)

    def by_external(self, keys: Collection[tuple[str, str]]) -> dict[tuple[str, str], Order]:
        wanted = set(keys)
        return {(o.source, o.external_id): o for o in self._t.orders.values() if (o.source, o.external_id) in wanted}

    def numbers_among(self, candidates: Collection[str]) -> set[str]:
        wanted = set(candidates)
        return {o.number for o in self._t.orders.values() if o.number in wanted}

    def numbers_with_digits(self, digits: str, limit: int = 2) -> tuple[str, ...]:
        if not digits.isdigit():
            return ()
        found = [o.number for o in sorted(self._t.orders.values(), key=_id) if search.digits(o.number) == digits]
        return tuple(found[:limit])

    def claim(self, order_id: int, bench: BenchIdentity, packer: str, now: datetime, stale_before: datetime) -> bool:
        order = self.get(order_id)
        if order.status not in OPENABLE or not _free_for(order, bench, stale_before):
            return False
        self._put(_claimed(order, bench, packer, now))
        return True

    def take_next(
        self, bench: BenchIdentity, packer: str, now: datetime, stale_before: datetime, skip: int | None = None
    ) -> int | None:
        waiting = [
            o
            for o in self._t.orders.values()
            if o.order_id != skip
            and (o.status is Status.NEW or (o.status is Status.PACKING and _free_for(o, bench, stale_before)))
        ]
        if not waiting:
            return None
        head = min(waiting, key=lambda o: (o.claim_bench != bench.bench_id, o.status is not Status.PACKING,
                                            *_queue_key(o)))  # fmt: skip
        self._put(_claimed(head, bench, packer, now))
        return head.order_id

    def release_claim(self, order_id: int, bench: BenchIdentity) -> None:
        order = self.get(order_id)
        if order.claim_bench == bench.bench_id:
            self._put(replace(order, claim_bench=None, claim_station=None, claim_packer=None, claim_heartbeat=None))

    def heartbeat(self, order_id: int, bench: BenchIdentity, now: datetime) -> bool:
        order = self._t.orders.get(order_id)
        mine = order is not None and (order.claim_bench, order.claim_station) == (bench.bench_id, bench.station)
        if order is None or not mine or order.status not in (Status.PACKING, Status.PACKED):
            return False
        self._put(replace(order, claim_heartbeat=now))
        return True

    def claimed_by(self, bench: BenchIdentity) -> tuple[Order, ...]:
        mine = [o for o in self._t.orders.values() if o.held_by(bench)]
        return tuple(sorted(mine, key=lambda o: (-(o.claim_heartbeat or datetime.min).timestamp(), o.order_id)))

    def stuck(self, stale_before: datetime) -> tuple[QueueRow, ...]:
        silent = [o for o in self._t.orders.values() if o.status is Status.PACKING and _silent(o, stale_before)]
        return tuple(_row(o, stale_before) for o in sorted(silent, key=lambda o: (_age(o), o.order_id)))

    def set_status(self, order_id: int, status: Status, at: datetime) -> None:
        self._put(replace(self.get(order_id), status=status))

    def set_tracking(self, order_id: int, tracking_number: str) -> None:
        self._put(replace(self.get(order_id), tracking_number=tracking_number))

    def set_tracking_serial(self, order_id: int, serial: int) -> None:
        self._put(replace(self.get(order_id), tracking_serial=serial))

    def set_expedited(self, order_id: int, at: datetime | None) -> None:
        self._put(replace(self.get(order_id), expedited_at=at))

    def set_missing(self, order_id: int, missing: Mapping[int, int]) -> None:
        order = self.get(order_id)
        lines = tuple(replace(ln, missing=missing[ln.line_id]) if ln.line_id in missing else ln for ln in order.lines)
        self._put(replace(order, lines=lines))

    def add_scanned(self, line_id: int, units: int, expected: int) -> bool:
        order = self.get(self._t.line_owner[line_id])
        line = next(ln for ln in order.lines if ln.line_id == line_id)
        if line.scanned != expected:
            return False
        lines = tuple(replace(ln, scanned=ln.scanned + units) if ln is line else ln for ln in order.lines)
        self._put(replace(order, lines=lines))
        return True

    def zero_scanned(self, order_id: int) -> None:
        order = self.get(order_id)
        self._put(replace(order, lines=tuple(replace(ln, scanned=0) for ln in order.lines)))

    def queue(
        self,
        statuses: Collection[Status] = (),
        text: str = "",
        limit: int = 500,
        offset: int = 0,
        stale_before: datetime | None = None,
    ) -> QueuePage:
        found = [o for o in self._t.orders.values() if not statuses or o.status in statuses]
        needle = search.fold(text.strip())
        if needle:
            found = [o for o in found if needle in search.search_key(o.number, o.customer_name, o.address.city)]
        found.sort(key=_queue_key)
        rows = tuple(_row(o, stale_before) for o in found[offset : offset + limit])
        return QueuePage(rows, len(found), offset)

    def keys_by_number(self, numbers: Collection[str]) -> dict[str, tuple[str, str]]:
        wanted = set(numbers)
        return {o.number: (o.source, o.external_id) for o in self._t.orders.values() if o.number in wanted}

    def add_many(self, records: Sequence[OrderRecord], at: datetime, names: Mapping[str, str]) -> list[int]:
        return [self._add(record, at, names) for record in records]

    def _add(self, record: OrderRecord, at: datetime, names: Mapping[str, str]) -> int:
        order_id = self._t.next_id()
        blank = Order(
            order_id=order_id,
            number=record.number,
            external_id=record.external_id,
            source=record.source,
            status=Status.NEW,
            customer_name="",
            address=Address("", "", "", ""),
            lines=self._lines(order_id, record.lines, names),
            created_at=at,
        )
        self._put(_with_details(blank, record.details()))
        return order_id

    def update_details(self, order_id: int, details: OrderDetails, at: datetime) -> None:
        self._put(_with_details(self.get(order_id), details))

    def replace_lines(self, order_id: int, lines: tuple[OrderLineRecord, ...], names: Mapping[str, str]) -> None:
        order = self.get(order_id)
        for line in order.lines:
            del self._t.line_owner[line.line_id]
        self._put(replace(order, lines=self._lines(order_id, lines, names)))

    def _lines(
        self, order_id: int, lines: tuple[OrderLineRecord, ...], names: Mapping[str, str]
    ) -> tuple[OrderLine, ...]:
        out = []
        for position, line in enumerate(lines, start=1):
            line_id = self._t.next_id()
            self._t.line_owner[line_id] = order_id
            out.append(
                OrderLine(
                    line_id,
                    position,
                    line.sku,
                    line.name or names.get(line.sku, line.sku),
                    line.quantity,
                    unit_price=line.unit_price,
                    currency=line.currency,
                )  # fmt: skip
            )
        return tuple(out)

    def _put(self, order: Order) -> None:
        self._t.orders[order.order_id] = order


def _with_details(order: Order, details: OrderDetails) -> Order:
    """``order`` with the given :data:`ORDER_DETAIL_FIELDS` replaced."""
    d = {**order.details(), **details}

    def text(name: str) -> str:
        return "" if d[name] is None else str(d[name])

    address = Address(text("customer_name"), text("street"), text("postal_code"), text("city"), text("country"),
                      text("phone"), text("email"))  # fmt: skip
    cod = d["cod_amount"]
    return replace(
        order,
        customer_name=text("customer_name"),
        address=address,
        carrier=text("carrier"),
        service=text("service"),
        payment=text("payment"),
        cod_amount=cod if isinstance(cod, Decimal) else None,
        currency=text("currency"),
        notes=text("notes"),
        tracking_number=text("tracking_number"),
        ship_by=d["ship_by"] if isinstance(d["ship_by"], datetime) else None,
        gift_note=text("gift_note"),
    )


def _age(order: Order) -> datetime:
    return order.created_at or datetime.min


def _queue_key(order: Order) -> tuple[bool, datetime, int]:
    """The queue's order: expedited first, then by ship-by time where the shop gave one, else by age."""
    return order.expedited_at is None, order.ship_by or _age(order), order.order_id


def _silent(order: Order, stale_before: datetime | None) -> bool:
    if order.claim_bench is None:
        return True
    return stale_before is not None and order.claim_heartbeat is not None and order.claim_heartbeat < stale_before


def _free_for(order: Order, bench: BenchIdentity, stale_before: datetime) -> bool:
    mine = order.claim_bench == bench.bench_id and order.claim_station == bench.station
    return mine or _silent(order, stale_before)


def _claimed(order: Order, bench: BenchIdentity, packer: str, now: datetime) -> Order:
    return replace(order, claim_bench=bench.bench_id, claim_station=bench.station, claim_packer=packer,
                   claim_heartbeat=now)  # fmt: skip


def _row(order: Order, stale_before: datetime | None) -> QueueRow:
    expired = order.status is Status.PACKING and stale_before is not None and _silent(order, stale_before)
    return QueueRow(order.number, order.status, order.customer_name, order.address.city, order.units_required,
                    order.claim_station, order.carrier, order.units_scanned, expired, order.expedited_at is not None,
                    order.ship_by)  # fmt: skip


def _id(order: Order) -> int:
    return order.order_id
