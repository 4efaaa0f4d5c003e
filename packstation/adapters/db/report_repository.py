"""The reports' reads on SQLite and PostgreSQL: a period's rows found by index, aggregated in SQL.

Scans are counted per stretch of the period (``Period.stretches``: local days or shifts, cut in UTC
by ``services.reports``) with a CASE that bisects the stretches' starts; packed orders are read from
the facts stored when they were packed (``packed_orders``). Indexes: migration 0009.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from datetime import datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Connection,
    and_,
    case,
    func,
    literal_column,
    select,
)

from packstation.adapters.db.models import Mismatch, Order, OrderLine, PackedOrder, Parcel, Product, ScanEvent
from packstation.adapters.db.rows import chunked
from packstation.domain.reports import (
    MISMATCH_VERDICTS,
    SCAN_VERDICTS,
    WEIGHT_MISMATCH,
    FinishedOrder,
    MismatchRow,
    ReportFilter,
    ScanTally,
)

WEIGHT_OVERRIDE, PARCEL_CLOSED = "weight_override", "parcel.closed"


def _in_period(column: Any, where: ReportFilter) -> list[ColumnElement[bool]]:
    conditions: list[ColumnElement[bool]] = []
    if where.since is not None:
        conditions.append(column >= where.since)
    if where.until is not None:
        conditions.append(column < where.until)
    return conditions


def _resolution(resolved_at: object, resolution: str | None, voided: bool) -> str:
    if voided:
        return "voided"  # the order was released: its scans and mismatches were voided
    return (resolution or "resolved") if resolved_at is not None else "open"


class SqlReports:
    def __init__(self, conn: Connection) -> None:
        self._conn = conn

    @staticmethod
    def _stretch(column: Any, starts: Sequence[datetime]) -> ColumnElement[Any]:
        """The index of the stretch a time falls in: nested CASEs halving the starts (log2 n comparisons a row)."""

        def pick(low: int, high: int) -> ColumnElement[Any]:
            if high - low == 1:
                return literal_column(str(low))
            middle = (low + high) // 2
            return case((column < starts[middle], pick(low, middle)), else_=pick(middle, high))

        return pick(0, len(starts))

    # -- the mismatch report --------------------------------------------------------------
    def mismatches(self, where: ReportFilter) -> tuple[MismatchRow, ...]:
        if where.kind == WEIGHT_MISMATCH:
            return ()
        conditions = _in_period(Mismatch.created_at, where)
        for column, value in ((Mismatch.station, where.station), (Mismatch.packer, where.packer),
                              (Mismatch.sku, where.sku), (Mismatch.kind, where.kind)):  # fmt: skip
            if value:
                conditions.append(column == value)
        stmt = (
            select(Mismatch.created_at, Mismatch.station, Mismatch.packer, Order.number, Mismatch.kind, Mismatch.code,
                   Mismatch.sku, func.coalesce(Product.name, ""), Mismatch.expected, Mismatch.resolution,
                   Mismatch.resolved_by, Mismatch.resolved_at, Mismatch.resolution_note, Mismatch.voided)
            .join(Order, Order.id == Mismatch.order_id)
            .outerjoin(Product, and_(Product.sku == Mismatch.sku, Mismatch.sku != ""))
            .where(*conditions)
            .order_by(Mismatch.created_at, Mismatch.id)
        )  # fmt: skip
        return tuple(
            MismatchRow(
                at,
                station,
                packer,
                number,
                kind,
                code,
                sku,
                name,
                expected,
                _resolution(resolved_at, resolution, voided),
                by or "",
                resolved_at,
                note or "",
            )  # fmt: skip
            for (
                at,
                station,
                packer,
                number,
                kind,
                code,
                sku,
                name,
                expected,
                resolution,
                by,
                resolved_at,
                note,
                voided,
            ) in self._conn.execute(stmt)  # fmt: skip
        )

    def weight_mismatches(self, where: ReportFilter) -> tuple[MismatchRow, ...]:
        """Weighings that did not match; resolved by the next weighing that closed the parcel, or an override."""
        if (where.kind and where.kind != WEIGHT_MISMATCH) or where.sku:
            return ()
        conditions = [ScanEvent.verdict == WEIGHT_MISMATCH, *_in_period(ScanEvent.at, where)]
        if where.station:
            conditions.append(ScanEvent.station == where.station)
        if where.packer:
            conditions.append(ScanEvent.packer == where.packer)
        stmt = (
            select(ScanEvent.id, ScanEvent.at, ScanEvent.station, ScanEvent.packer, Order.number, ScanEvent.order_id,
                   ScanEvent.parcel, ScanEvent.weight_kg, ScanEvent.voided, Parcel.expected_kg)
            .join(Order, Order.id == ScanEvent.order_id)
            .outerjoin(Parcel, and_(Parcel.order_id == ScanEvent.order_id,
                                    Parcel.index == func.coalesce(ScanEvent.parcel, 1)))
            .where(*conditions)
            .order_by(ScanEvent.at, ScanEvent.id)
        )  # fmt: skip
        found = list(self._conn.execute(stmt))
        endings = self._parcel_endings({row.order_id or 0 for row in found})
        rows = []
        for r in found:
            parcel = r.parcel or 1
            after = next((e for e in endings[(r.order_id or 0, parcel)] if e[0] > r.id), None)
            resolution, by, at, note = "open", "", None, ""
            if r.voided:
                resolution = "voided"
            elif after is not None:
                _, verdict, by, at, note = after
                resolution = "override" if verdict == WEIGHT_OVERRIDE else "reweighed"
                note = note if verdict == WEIGHT_OVERRIDE else ""
            expected = "" if r.expected_kg is None else f"{Decimal(r.expected_kg):.3f} kg"
            measured = "" if r.weight_kg is None else f"{Decimal(r.weight_kg):.3f} kg"
            rows.append(MismatchRow(r.at, r.station, r.packer, r.number, WEIGHT_MISMATCH, measured, "",
                                    f"parcel {parcel}", expected, resolution, by, at, note))  # fmt: skip
        return tuple(rows)

    def _parcel_endings(self, order_ids: Iterable[int]) -> dict[tuple[int, int], list[tuple[Any, ...]]]:
        """(order, parcel) -> the events that closed it after a wrong weight: (id, verdict, who, at, reason)."""
        endings: dict[tuple[int, int], list[tuple[Any, ...]]] = defaultdict(list)
        closing = (ScanEvent.verdict == WEIGHT_OVERRIDE) | (ScanEvent.message_code == PARCEL_CLOSED)
        for part in chunked(set(order_ids)):
            stmt = (
                select(ScanEvent.id, ScanEvent.order_id, ScanEvent.parcel, ScanEvent.verdict, ScanEvent.packer,
                       ScanEvent.at, ScanEvent.code)
                .where(ScanEvent.order_id.in_(part), closing)
                .order_by(ScanEvent.id)
            )  # fmt: skip
            for event_id, order_id, parcel, verdict, who, at, code in self._conn.execute(stmt):
                endings[(order_id or 0, parcel or 1)].append((event_id, verdict, who, at, code))
        return endings

    def manual_confirmations(self, where: ReportFilter) -> tuple[tuple[str, str, str, int], ...]:
        # ``manual`` as the partial index ix_scan_events_manual words it, so that index finds the few rows.
        conditions = [ScanEvent.manual == True, *_in_period(ScanEvent.at, where)]  # noqa: E712
        if where.station:
            conditions.append(ScanEvent.station == where.station)
        if where.packer:
            conditions.append(ScanEvent.packer == where.packer)
        if where.sku:
            conditions.append(OrderLine.sku == where.sku)
        stmt = (
            select(ScanEvent.packer, OrderLine.sku, func.coalesce(Product.name, OrderLine.name),
                   func.sum(ScanEvent.quantity))
            .join(OrderLine, OrderLine.id == ScanEvent.line_id)
            .outerjoin(Product, Product.sku == OrderLine.sku)
            .where(*conditions)
            .group_by(ScanEvent.packer, OrderLine.sku, func.coalesce(Product.name, OrderLine.name))
        )  # fmt: skip
        return tuple((packer, sku, name, int(units)) for packer, sku, name, units in self._conn.execute(stmt))

    # -- packer statistics ----------------------------------------------------------------
    def finished_orders(self, where: ReportFilter) -> tuple[FinishedOrder, ...]:
        """The packed orders' facts, stored when they were packed: one indexed range read."""
        conditions = _in_period(PackedOrder.at, where)
        if where.station:
            conditions.append(PackedOrder.station == where.station)
        if where.packer:
            conditions.append(PackedOrder.packer == where.packer)
        stmt = (
            select(PackedOrder.order_id, PackedOrder.at, PackedOrder.packer, PackedOrder.station, PackedOrder.units,
                   PackedOrder.packing_seconds)
            .where(*conditions)
            .order_by(PackedOrder.id)
        )  # fmt: skip
        last = {row[0]: row for row in self._conn.execute(stmt)}  # packed twice (reopened): the last time counts
        return tuple(FinishedOrder(oid, at, packer, station, units, float(seconds))
                     for oid, at, packer, station, units, seconds in last.values())  # fmt: skip

    def scan_tallies(self, where: ReportFilter, stretches: Sequence[datetime]) -> tuple[ScanTally, ...]:
        """One pass over the period's scans (the covering index on verdict and time), joined to their orders' sizes."""
        conditions = [ScanEvent.verdict.in_(SCAN_VERDICTS), *_in_period(ScanEvent.at, where)]
        if where.station:
            conditions.append(ScanEvent.station == where.station)
        if where.packer:
            conditions.append(ScanEvent.packer == where.packer)
        stretch = self._stretch(ScanEvent.at, stretches).label("stretch")
        multi = case((Order.units > 1, literal_column("1")), else_=literal_column("0")).label("multi")
        mismatched = func.sum(case((ScanEvent.verdict.in_(MISMATCH_VERDICTS), 1), else_=0))
        stmt = (
            select(ScanEvent.packer, stretch, multi, func.count(), mismatched)
            .join(Order, Order.id == ScanEvent.order_id)
            .where(*conditions)
            .group_by(ScanEvent.packer, stretch, multi)
        )
        return tuple(
            ScanTally(packer, int(s), bool(m), int(count), int(bad or 0))
            for packer, s, m, count, bad in self._conn.execute(stmt)
        )
