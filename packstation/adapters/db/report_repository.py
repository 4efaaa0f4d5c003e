"""The reports' reads on SQLite and PostgreSQL: aggregated in SQL over the whole period, a few rows out.

Times are grouped in UTC quarter hours and differences taken in seconds here (each database has
its own date functions); ``services.reports`` places them in local days and shifts.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from decimal import Decimal
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Connection,
    Integer,
    Subquery,
    and_,
    case,
    cast,
    extract,
    func,
    literal,
    select,
)

from packstation.adapters.db.models import Mismatch, Order, OrderLine, Parcel, Product, ScanEvent, StatusChange
from packstation.adapters.db.rows import chunked
from packstation.domain.reports import (
    BUCKET_SECONDS,
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

    @property
    def _sqlite(self) -> bool:
        return self._conn.dialect.name == "sqlite"

    def _bucket(self, column: Any) -> ColumnElement[Any]:
        """The UTC quarter hour of a time: seconds since the epoch ÷ 900, rounded down."""
        if self._sqlite:
            return cast(extract("epoch", column), Integer) / BUCKET_SECONDS  # integer division in SQLite
        return cast(func.floor(extract("epoch", column) / BUCKET_SECONDS), Integer)

    def _seconds(self, start: Any, end: Any) -> ColumnElement[Any]:
        if self._sqlite:
            return (func.julianday(end) - func.julianday(start)) * 86400.0
        return extract("epoch", end - start)

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
        conditions = [ScanEvent.manual.is_(True), *_in_period(ScanEvent.at, where)]
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
    def _finishes(self, where: ReportFilter) -> Subquery:
        conditions = [StatusChange.from_status == "packing", StatusChange.to_status == "packed",
                      *_in_period(StatusChange.at, where)]  # fmt: skip
        if where.station:
            conditions.append(StatusChange.station == where.station)
        if where.packer:
            conditions.append(StatusChange.who == where.packer)
        return select(StatusChange.id, StatusChange.order_id, StatusChange.at, StatusChange.who,
                      StatusChange.station).where(*conditions).subquery()  # fmt: skip

    def finished_orders(self, where: ReportFilter) -> tuple[FinishedOrder, ...]:
        finishes = self._finishes(where)
        last: dict[int, Any] = {}
        for row in self._conn.execute(select(finishes).order_by(finishes.c.id)):
            last[row.order_id] = row  # finished twice (reopened): the last finish counts
        if not last:
            return ()
        ids = select(finishes.c.order_id)
        # Time in `packing`: from each change into it to the next change, summed per order.
        steps = (
            select(
                StatusChange.order_id,
                StatusChange.to_status,
                StatusChange.at,
                func.lead(StatusChange.at)
                .over(partition_by=StatusChange.order_id, order_by=StatusChange.id)
                .label("next"),
            )
            .where(StatusChange.order_id.in_(ids))
            .subquery()
        )
        packing = (
            select(steps.c.order_id, func.sum(self._seconds(steps.c.at, steps.c.next)))
            .where(steps.c.to_status == "packing", steps.c.next.is_not(None))
            .group_by(steps.c.order_id)
        )
        # Milliseconds: SQLite's julianday() carries some 20 µs of floating-point noise per difference.
        seconds = {order_id: round(float(total or 0), 3) for order_id, total in self._conn.execute(packing)}
        packed = case((OrderLine.scanned > OrderLine.quantity, OrderLine.quantity), else_=OrderLine.scanned)
        units_stmt = (
            select(OrderLine.order_id, func.sum(packed)).where(OrderLine.order_id.in_(ids)).group_by(OrderLine.order_id)
        )
        units = {order_id: int(total or 0) for order_id, total in self._conn.execute(units_stmt)}
        return tuple(
            FinishedOrder(order_id, row.at, row.who, row.station, units.get(order_id, 0), seconds.get(order_id, 0.0))
            for order_id, row in last.items()
        )

    def scan_tallies(self, where: ReportFilter) -> tuple[ScanTally, ...]:
        conditions = [ScanEvent.verdict.in_(SCAN_VERDICTS), ScanEvent.order_id.is_not(None),
                      *_in_period(ScanEvent.at, where)]  # fmt: skip
        if where.station:
            conditions.append(ScanEvent.station == where.station)
        if where.packer:
            conditions.append(ScanEvent.packer == where.packer)
        scanned = select(ScanEvent.order_id).where(*conditions)
        sizes = (
            select(OrderLine.order_id, func.sum(OrderLine.quantity).label("units"))
            .where(OrderLine.order_id.in_(scanned))
            .group_by(OrderLine.order_id)
            .subquery()
        )
        bucket = self._bucket(ScanEvent.at).label("bucket")
        multi = case((sizes.c.units > 1, literal(1)), else_=literal(0)).label("multi")
        mismatched = func.sum(case((ScanEvent.verdict.in_(MISMATCH_VERDICTS), 1), else_=0))
        stmt = (
            select(ScanEvent.packer, bucket, multi, func.count(), mismatched)
            .join(sizes, sizes.c.order_id == ScanEvent.order_id)
            .where(*conditions)
            .group_by(ScanEvent.packer, bucket, multi)
        )
        return tuple(
            ScanTally(packer, int(b), bool(m), int(count), int(bad or 0))
            for packer, b, m, count, bad in self._conn.execute(stmt)
        )
