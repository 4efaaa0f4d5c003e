"""The journal: scan events, mismatches, pack sessions, parcels, status changes and shop changes."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from packstation.adapters.db import statements
from packstation.adapters.db.models import (
    Mismatch,
    OrderChange,
    OrderLine,
    PackSession,
    Parcel,
    ScanEvent,
    StatusChange,
)


class JournalRepository:
    """Scan events, mismatches, sessions, parcels, status changes and shop changes."""

    def __init__(self, session: Session) -> None:
        self.session = session

    def _add(self, obj: Any) -> Any:
        self.session.add(obj)
        return obj

    def add_scan(self, **fields: Any) -> ScanEvent:
        return self._add(ScanEvent(**fields))

    def record_claimed_scan(self, order_id: int, **fields: Any) -> int | None:
        """Store a scan of ``order_id`` if it is still ``packing`` at ``fields['station']``; its id, else None."""
        return statements.run(
            self.session, statements.GUARDED_SCAN, {"b_order": order_id, "voided": False, **fields}
        ).scalar_one_or_none()

    def record_mismatch(self, **fields: Any) -> None:
        statements.run(
            self.session,
            statements.INSERT_MISMATCH,
            {"voided": False, "resolved_at": None, "resolved_by": None, "resolution": None, **fields},
        )

    def add_mismatch(self, **fields: Any) -> Mismatch:
        return self._add(Mismatch(**fields))

    def add_status_change(self, **fields: Any) -> StatusChange:
        return self._add(StatusChange(**fields))

    def add_session(self, **fields: Any) -> PackSession:
        return self._add(PackSession(**fields))

    def add_parcel(self, **fields: Any) -> Parcel:
        return self._add(Parcel(**fields))

    def add_order_change(self, **fields: Any) -> OrderChange:
        return self._add(OrderChange(**fields))

    def open_session(self, order_id: int) -> PackSession | None:
        return self.session.scalar(
            select(PackSession)
            .where(PackSession.order_id == order_id, PackSession.ended_at.is_(None))
            .order_by(PackSession.id.desc())
            .limit(1)
        )

    def open_mismatches(self, order_id: int) -> list[Mismatch]:
        return list(
            self.session.scalars(
                select(Mismatch)
                .where(Mismatch.order_id == order_id, Mismatch.resolved_at.is_(None), Mismatch.voided.is_(False))
                .order_by(Mismatch.id)
            )
        )

    def count_open_mismatches(self, order_id: int) -> int:
        return statements.run(self.session, statements.OPEN_MISMATCHES, {"order_id": order_id}).scalar() or 0

    def mismatches(self, order_id: int) -> list[Mismatch]:
        return list(self.session.scalars(select(Mismatch).where(Mismatch.order_id == order_id).order_by(Mismatch.id)))

    def scans(self, order_id: int, limit: int | None = None, include_voided: bool = True) -> list[ScanEvent]:
        stmt = select(ScanEvent).where(ScanEvent.order_id == order_id)
        if not include_voided:
            stmt = stmt.where(ScanEvent.voided.is_(False))
        stmt = stmt.order_by(ScanEvent.id.desc())
        if limit:
            stmt = stmt.limit(limit)
        return list(self.session.scalars(stmt))

    def void_order_activity(self, order_id: int) -> None:
        """Void (never delete) an order's scans and mismatches when it goes back to ``new``."""
        self.session.execute(
            update(ScanEvent)
            .where(ScanEvent.order_id == order_id)
            .values(voided=True)
            .execution_options(synchronize_session=False)
        )
        self.session.execute(
            update(Mismatch)
            .where(Mismatch.order_id == order_id)
            .values(voided=True)
            .execution_options(synchronize_session=False)
        )
        self.session.execute(
            update(OrderLine)
            .where(OrderLine.order_id == order_id)
            .values(scanned=0)
            .execution_options(synchronize_session=False)
        )

    def parcels(self, order_id: int) -> list[Parcel]:
        return list(self.session.scalars(select(Parcel).where(Parcel.order_id == order_id).order_by(Parcel.index)))

    def history(self, order_id: int) -> list[StatusChange]:
        return list(
            self.session.scalars(
                select(StatusChange).where(StatusChange.order_id == order_id).order_by(StatusChange.id)
            )
        )

    def order_changes(self, order_id: int, only_unacknowledged: bool = False) -> list[OrderChange]:
        stmt = select(OrderChange).where(OrderChange.order_id == order_id)
        if only_unacknowledged:
            stmt = stmt.where(OrderChange.acknowledged.is_(False))
        return list(self.session.scalars(stmt.order_by(OrderChange.id)))
