"""The print queue in memory: the same contract as ``adapters.db.print_job_repository``."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import replace

from packstation.adapters.memory.tables import Tables
from packstation.domain.errors import NotFound
from packstation.domain.printing import JobState, NewPrintJob, PrintEvent, PrintJob

_UPDATABLE = frozenset({"attempts", "next_attempt_at", "last_error", "printed_at", "printer", "station", "who"})


class MemoryPrintJobs:
    def __init__(self, tables: Tables) -> None:
        self._t = tables

    def add(self, job: NewPrintJob) -> int:
        job_id = self._t.next_id()
        self._t.print_jobs[job_id] = PrintJob(
            job_id=job_id,
            order_id=job.order_id,
            parcel_index=job.parcel_index,
            kind=job.kind,
            format=job.format,
            printer=job.printer,
            state=job.state,
            attempts=0,
            next_attempt_at=None,
            last_error="",
            created_at=job.created_at,
            printed_at=None,
            who=job.who,
            station=job.station,
            reprint_of=job.reprint_of,
            archive_path=job.archive_path,
        )
        self._t.print_documents[job_id] = job.document
        return job_id

    def get(self, job_id: int, *, lock: bool = False) -> PrintJob:
        job = self._t.print_jobs.get(job_id)
        if job is None:
            raise NotFound(f"no print job {job_id}", code="print.job_not_found", job=job_id)
        return job

    def document(self, job_id: int) -> bytes:
        return self._t.print_documents[job_id]

    def update(self, job_id: int, state: JobState, **fields: object) -> None:
        unknown = set(fields) - _UPDATABLE
        if unknown:
            raise ValueError(f"print job fields cannot be set: {sorted(unknown)}")
        self._t.print_jobs[job_id] = replace(self.get(job_id), state=state, **fields)  # type: ignore[arg-type]  # checked above

    def for_order(self, order_id: int) -> tuple[PrintJob, ...]:
        return tuple(j for _, j in sorted(self._t.print_jobs.items()) if j.order_id == order_id)

    def of_station(self, station: str, states: Collection[JobState]) -> tuple[PrintJob, ...]:
        return tuple(j for _, j in sorted(self._t.print_jobs.items()) if j.station == station and j.state in states)

    def in_states(self, states: Collection[JobState], limit: int = 1000) -> tuple[PrintJob, ...]:
        return tuple(j for _, j in sorted(self._t.print_jobs.items()) if j.state in states)[:limit]

    def add_event(self, event: PrintEvent) -> None:
        self._t.print_events.append(event)

    def events(self, order_id: int) -> tuple[PrintEvent, ...]:
        return tuple(e for e in self._t.print_events if e.order_id == order_id)
