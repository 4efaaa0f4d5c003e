"""The print queue on SQLite and PostgreSQL: jobs with their documents, and the events of each job."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import asdict
from typing import Any

from sqlalchemy import Connection, Row, insert, select, update

from packstation.adapters.db.models import PrintEvent, PrintJob
from packstation.domain import printing
from packstation.domain.errors import NotFound

# Every column but the document: listing jobs must not drag their PDFs along.
_COLUMNS = [c for c in PrintJob.__table__.c if c.name != "document"]
_UPDATABLE = frozenset({"attempts", "next_attempt_at", "last_error", "printed_at", "printer", "station", "who"})


def _job(row: Row[Any]) -> printing.PrintJob:
    return printing.PrintJob(
        job_id=row.id,
        order_id=row.order_id,
        parcel_index=row.parcel_index,
        kind=printing.DocKind(row.kind),
        format=printing.DocFormat(row.format),
        printer=row.printer,
        state=printing.JobState(row.state),
        attempts=row.attempts,
        next_attempt_at=row.next_attempt_at,
        last_error=row.last_error,
        created_at=row.created_at,
        printed_at=row.printed_at,
        who=row.who,
        station=row.station,
        reprint_of=row.reprint_of,
        archive_path=row.archive_path,
    )


class SqlPrintJobs:
    def __init__(self, conn: Connection) -> None:
        self._conn = conn

    def add(self, job: printing.NewPrintJob) -> int:
        values = asdict(job)
        values["kind"], values["format"], values["state"] = str(job.kind), str(job.format), str(job.state)
        values.update(attempts=0, last_error="")
        return int(self._conn.execute(insert(PrintJob).values(values).returning(PrintJob.id)).scalar_one())

    def get(self, job_id: int, *, lock: bool = False) -> printing.PrintJob:
        stmt = select(*_COLUMNS).where(PrintJob.id == job_id)
        if lock and self._conn.dialect.name == "postgresql":
            stmt = stmt.with_for_update()
        row = self._conn.execute(stmt).first()
        if row is None:
            raise NotFound(f"no print job {job_id}", code="print.job_not_found", job=job_id)
        return _job(row)

    def document(self, job_id: int) -> bytes:
        data = self._conn.execute(select(PrintJob.document).where(PrintJob.id == job_id)).scalar_one()
        return bytes(data)

    def update(self, job_id: int, state: printing.JobState, **fields: object) -> None:
        unknown = set(fields) - _UPDATABLE
        if unknown:
            raise ValueError(f"print job fields cannot be set: {sorted(unknown)}")
        self._conn.execute(update(PrintJob).where(PrintJob.id == job_id).values(state=str(state), **fields))

    def for_order(self, order_id: int) -> tuple[printing.PrintJob, ...]:
        stmt = select(*_COLUMNS).where(PrintJob.order_id == order_id).order_by(PrintJob.id)
        return tuple(_job(row) for row in self._conn.execute(stmt))

    def of_station(self, station: str, states: Collection[printing.JobState]) -> tuple[printing.PrintJob, ...]:
        stmt = (
            select(*_COLUMNS)
            .where(PrintJob.station == station, PrintJob.state.in_([str(s) for s in states]))
            .order_by(PrintJob.id)
        )
        return tuple(_job(row) for row in self._conn.execute(stmt))

    def in_states(self, states: Collection[printing.JobState], limit: int = 1000) -> tuple[printing.PrintJob, ...]:
        stmt = select(*_COLUMNS).where(PrintJob.state.in_([str(s) for s in states])).order_by(PrintJob.id)
        return tuple(_job(row) for row in self._conn.execute(stmt.limit(limit)))

    def add_event(self, event: printing.PrintEvent) -> None:
        self._conn.execute(insert(PrintEvent).values(asdict(event)))

    def events(self, order_id: int) -> tuple[printing.PrintEvent, ...]:
        stmt = select(PrintEvent.__table__).where(PrintEvent.order_id == order_id).order_by(PrintEvent.id)
        return tuple(
            printing.PrintEvent(r.job_id, r.order_id, r.at, r.from_state, r.to_state, r.who, r.station, r.note)
            for r in self._conn.execute(stmt)
        )
