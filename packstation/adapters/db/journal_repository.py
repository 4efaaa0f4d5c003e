"""The journal on SQLite and PostgreSQL: scans, mismatches, sessions, parcels, status changes, shop changes."""

from __future__ import annotations

import json
from collections.abc import Collection
from dataclasses import asdict
from datetime import datetime

from sqlalchemy import Connection, delete, insert, select, update

from packstation.adapters.db import rows, statements
from packstation.adapters.db.models import (
    Cancellation,
    Mismatch,
    OrderChange,
    OrderLine,
    PackedOrder,
    PackSession,
    Parcel,
    ScanEvent,
    StatusChange,
    SupervisorAction,
    UnitSerial,
)
from packstation.domain import journal, reports, supervision
from packstation.domain.benches import BenchIdentity


class SqlJournal:
    def __init__(self, conn: Connection) -> None:
        self._conn = conn

    # -- scans and mismatches ------------------------------------------------------------
    def add_scan(self, scan: journal.ScanRecord) -> int:
        values = asdict(scan)
        del values["event_id"]
        return int(self._conn.execute(insert(ScanEvent).values(values).returning(ScanEvent.id)).scalar_one())

    def record_claimed_scan(self, scan: journal.ScanRecord, bench_id: str) -> int | None:
        params = {name: getattr(scan, name) for name in statements.SCAN_FIELDS}
        params.update(b_order=scan.order_id, b_station=scan.station, b_bench=bench_id, voided=False)
        cursor = statements.GUARDED_SCAN_ON_DRIVER.execute(self._conn, params)  # every scan: see driver_sql
        try:
            rows = cursor.fetchall()  # to the end: SQLite finishes an INSERT … RETURNING only then
        finally:
            cursor.close()
        return None if not rows else int(rows[0][0])

    def add_mismatch(self, mismatch: journal.MismatchRecord) -> int:
        values = asdict(mismatch)
        del values["mismatch_id"]
        return int(self._conn.execute(statements.INSERT_MISMATCH, values).scalar_one())

    def open_mismatches(self, order_id: int) -> tuple[journal.MismatchRecord, ...]:
        stmt = (
            select(rows.MISMATCH_TABLE)
            .where(Mismatch.order_id == order_id, Mismatch.resolved_at.is_(None), Mismatch.voided.is_(False))
            .order_by(Mismatch.id)
        )
        return tuple(rows.mismatch(row) for row in self._conn.execute(stmt))

    def count_open_mismatches(self, order_id: int) -> int:
        return int(self._conn.execute(statements.OPEN_MISMATCHES, {"order_id": order_id}).scalar() or 0)

    def resolve_mismatch(self, mismatch_id: int, at: datetime, by: str, resolution: str, note: str = "") -> None:
        self._conn.execute(
            update(Mismatch)
            .where(Mismatch.id == mismatch_id)
            .values(resolved_at=at, resolved_by=by, resolution=resolution, resolution_note=note)
        )

    def mismatches(self, order_id: int) -> tuple[journal.MismatchRecord, ...]:
        stmt = select(rows.MISMATCH_TABLE).where(Mismatch.order_id == order_id).order_by(Mismatch.id)
        return tuple(rows.mismatch(row) for row in self._conn.execute(stmt))

    def scans(
        self, order_id: int, limit: int | None = None, include_voided: bool = True
    ) -> tuple[journal.ScanRecord, ...]:
        stmt = select(rows.SCAN_TABLE).where(ScanEvent.order_id == order_id)
        if not include_voided:
            stmt = stmt.where(ScanEvent.voided.is_(False))
        stmt = stmt.order_by(ScanEvent.id.desc())
        if limit:
            stmt = stmt.limit(limit)
        return tuple(rows.scan(row) for row in self._conn.execute(stmt))

    def serial_owner(self, gtin: str, serial: str) -> str | None:
        return self._conn.execute(statements.SERIAL_OWNER, {"gtin": gtin, "serial": serial}).scalar_one_or_none()

    def reserve_serial(self, gtin: str, serial: str, order_id: int, scan_event_id: int, at: datetime) -> bool:
        stmt = statements.RESERVE_SERIAL[self._conn.dialect.name]
        values = {"gtin": gtin, "serial": serial, "order_id": order_id, "scan_event_id": scan_event_id, "at": at}
        return self._conn.execute(stmt, values).first() is not None

    def void_order_activity(self, order_id: int) -> None:
        # Scans stay (voided, with their weighings), but the order no longer holds its units' serials,
        # and the parcels closed for it (never shipped: a shipped order cannot be released) are undone.
        self._conn.execute(delete(UnitSerial).where(UnitSerial.order_id == order_id))
        self._conn.execute(delete(Parcel).where(Parcel.order_id == order_id))
        self._conn.execute(update(ScanEvent).where(ScanEvent.order_id == order_id).values(voided=True))
        self._conn.execute(update(Mismatch).where(Mismatch.order_id == order_id).values(voided=True))
        self._conn.execute(update(OrderLine).where(OrderLine.order_id == order_id).values(scanned=0))

    def last_scan(self, order_id: int, verdicts: Collection[str]) -> journal.ScanRecord | None:
        stmt = (
            select(rows.SCAN_TABLE)
            .where(ScanEvent.order_id == order_id, ScanEvent.voided.is_(False), ScanEvent.verdict.in_(list(verdicts)))
            .order_by(ScanEvent.id.desc())
            .limit(1)
        )
        row = self._conn.execute(stmt).first()
        return None if row is None else rows.scan(row)

    def void_scan(self, event_id: int) -> None:
        self._conn.execute(update(ScanEvent).where(ScanEvent.id == event_id).values(voided=True))
        self._conn.execute(update(Mismatch).where(Mismatch.scan_event_id == event_id).values(voided=True))

    # -- audit, sessions, parcels, shop changes ----------------------------------------
    def add_status_change(self, change: journal.StatusChange) -> None:
        self._conn.execute(insert(StatusChange).values(asdict(change)))

    def history(self, order_id: int) -> tuple[journal.StatusChange, ...]:
        stmt = select(StatusChange.__table__).where(StatusChange.order_id == order_id).order_by(StatusChange.id)
        return tuple(
            journal.StatusChange(
                r.order_id, r.from_status, r.to_status, r.at, r.actor, r.who, r.station, r.note, r.bench_id
            )
            for r in self._conn.execute(stmt)
        )

    def open_session(self, order_id: int) -> journal.PackSession | None:
        stmt = (
            select(PackSession.__table__)
            .where(PackSession.order_id == order_id, PackSession.ended_at.is_(None))
            .order_by(PackSession.id.desc())
            .limit(1)
        )
        r = self._conn.execute(stmt).first()
        if r is None:
            return None
        return journal.PackSession(
            r.id, r.order_id, r.station, r.packer, r.started_at, r.ended_at, r.outcome, r.bench_id
        )

    def start_session(self, order_id: int, bench: BenchIdentity, packer: str, at: datetime) -> int:
        stmt = insert(PackSession).values(
            order_id=order_id, bench_id=bench.bench_id, station=bench.station, packer=packer, started_at=at,
            outcome="open",
        )  # fmt: skip
        return int(self._conn.execute(stmt.returning(PackSession.id)).scalar_one())

    def end_session(self, session_id: int, at: datetime, outcome: str) -> None:
        stmt = update(PackSession).where(PackSession.id == session_id).values(ended_at=at, outcome=outcome)
        self._conn.execute(stmt)

    def add_parcel(self, parcel: journal.ParcelRecord) -> None:
        values = asdict(parcel)
        values["documents"] = json.dumps(list(parcel.documents))
        self._conn.execute(insert(Parcel).values(values))

    def parcels(self, order_id: int) -> tuple[journal.ParcelRecord, ...]:
        stmt = select(Parcel.__table__).where(Parcel.order_id == order_id).order_by(Parcel.index)
        return tuple(
            journal.ParcelRecord(
                r.order_id,
                r._mapping["index"],  # to a type checker, ``r.index`` is ``Sequence.index``
                r.tracking_number,
                r.weight_kg,
                tuple(json.loads(r.documents or "[]")),
                r.created_at,
                r.box,
                r.expected_kg,
            )
            for r in self._conn.execute(stmt)
        )

    def ship_parcel(self, order_id: int, index: int, tracking_number: str, documents: tuple[str, ...]) -> None:
        stmt = (
            update(Parcel)
            .where(Parcel.order_id == order_id, Parcel.index == index)
            .values(tracking_number=tracking_number, documents=json.dumps(list(documents)))
        )
        self._conn.execute(stmt)

    def add_order_change(self, change: journal.OrderChange) -> None:
        self._conn.execute(insert(OrderChange).values(asdict(change)))

    def order_changes(self, order_id: int, only_unacknowledged: bool = False) -> tuple[journal.OrderChange, ...]:
        stmt = select(OrderChange.__table__).where(OrderChange.order_id == order_id)
        if only_unacknowledged:
            stmt = stmt.where(OrderChange.acknowledged.is_(False))
        return tuple(
            journal.OrderChange(r.order_id, r.at, r.source, r.summary, r.acknowledged)
            for r in self._conn.execute(stmt.order_by(OrderChange.id))
        )

    def acknowledge_changes(self, order_id: int) -> int:
        """Mark the order's shop changes as seen at the bench; how many."""
        stmt = (
            update(OrderChange)
            .where(OrderChange.order_id == order_id, OrderChange.acknowledged.is_(False))
            .values(acknowledged=True)
        )
        return self._conn.execute(stmt).rowcount

    def add_packed(self, packed: reports.FinishedOrder) -> None:
        self._conn.execute(
            insert(PackedOrder).values(
                order_id=packed.order_id,
                at=packed.finished_at,
                packer=packed.packer,
                station=packed.station,
                units=packed.units,
                packing_seconds=packed.packing_seconds,
            )  # fmt: skip
        )

    # -- supervisors ----------------------------------------------------------------------
    def add_cancellation(self, cancellation: supervision.Cancellation) -> None:
        c = cancellation
        self._conn.execute(
            insert(Cancellation).values(
                order_id=c.order_id, reason=c.reason.value, note=c.note, packaging=c.costs.packaging,
                labour=c.costs.labour, postage=c.costs.postage, currency=c.currency, at=c.at, who=c.who,
                station=c.station,
            )
        )  # fmt: skip

    def cancellation(self, order_id: int) -> supervision.Cancellation | None:
        r = self._conn.execute(select(Cancellation.__table__).where(Cancellation.order_id == order_id)).first()
        if r is None:
            return None
        costs = supervision.CancelCosts(r.packaging, r.labour, r.postage)
        return supervision.Cancellation(r.order_id, supervision.CancelReason(r.reason), r.note, costs, r.currency,
                                        r.at, r.who, r.station)  # fmt: skip

    def add_supervisor_action(self, action: supervision.SupervisorAction) -> int:
        values = asdict(action)
        del values["action_id"]
        values["action"] = action.action.value
        stmt = insert(SupervisorAction).values(values).returning(SupervisorAction.id)
        return int(self._conn.execute(stmt).scalar_one())

    def supervisor_actions(self, order_id: int) -> tuple[supervision.SupervisorAction, ...]:
        stmt = (
            select(SupervisorAction.__table__)
            .where(SupervisorAction.order_id == order_id)
            .order_by(SupervisorAction.id)
        )
        return tuple(
            supervision.SupervisorAction(
                supervision.Action(r.action), r.at, r.who, r.station, r.order_id, r.reason, r.detail, r.id
            )  # fmt: skip
            for r in self._conn.execute(stmt)
        )
