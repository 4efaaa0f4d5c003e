"""The scan worker: every bench action runs here, one at a time, in the order it was made.

Database commits and printing never block painting, and because one thread handles
every job strictly in order, scans cannot overtake each other or a finishing order.
"""

from __future__ import annotations

import queue
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QThread, Signal

from packstation.domain.errors import DomainError
from packstation.services.outcomes import Outcome


class ScanWorker(QThread):
    """Runs jobs on a :class:`~packstation.services.station.Station` and reports outcomes."""

    outcome = Signal(object, int)  # Outcome, sequence number of the job
    database = Signal(bool)  # reachable?
    queue_loaded = Signal(object)  # rows for the order queue

    def __init__(self, station: Any) -> None:
        super().__init__()
        self.station = station
        self._jobs: queue.Queue[tuple[int, Callable[[], Outcome | None]] | None] = queue.Queue()
        self._seq = 0
        self._db_ok = True

    def submit(self, job: Callable[[], Outcome | None]) -> int:
        """Queue ``job`` (called on the worker thread); returns its sequence number."""
        self._seq += 1
        self._jobs.put((self._seq, job))
        return self._seq

    def scan(self, raw: str) -> int:
        return self.submit(lambda: self.station.scan(raw))

    def command(self, name: str) -> int:
        return self.submit(lambda: self.station.command(name))

    def load_queue(self, query: Callable[[], list[Any]]) -> int:
        """Run the queue query here; the rows come back through ``queue_loaded``."""

        def job() -> Outcome | None:
            try:
                self.queue_loaded.emit(query())
            except DomainError as error:  # database away: the list stays, the status bar says why
                return Outcome("queue_unavailable", "bad", error.code, dict(error.params), stored=False)
            return None

        return self.submit(job)

    def stop(self) -> None:
        """Finish the queued jobs, then end the thread."""
        self._jobs.put(None)
        if not self.wait(30000):
            # Still busy (a database that does not answer): never destroy a running thread.
            self.terminate()
            self.wait()

    def run(self) -> None:  # noqa: D102 - QThread entry point
        while True:
            item = self._jobs.get()
            if item is None:
                return
            seq, job = item
            try:
                result = job()
            except Exception as exc:  # a bug must not kill the bench: show it, keep scanning
                result = Outcome(
                    "error",
                    "bad",
                    "internal.error",
                    {"error": f"{type(exc).__name__}: {exc}"},
                    getattr(self.station, "view", None),
                    stored=False,
                )
            if result is not None:
                self._track_db(result.kind not in ("db_unavailable", "queue_unavailable"))
                self.outcome.emit(result, seq)
            elif not self._db_ok:
                self._track_db(True)

    def _track_db(self, ok: bool) -> None:
        if ok != self._db_ok:
            self._db_ok = ok
            self.database.emit(ok)
