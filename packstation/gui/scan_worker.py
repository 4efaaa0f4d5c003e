"""The bench's worker thread: every command runs here, one at a time, in the order it was made.

Database commits and printing never block painting, and because one thread handles every
command strictly in order, scans cannot overtake each other or a finishing order. The
worker owns the bench (and its session); the window only receives frozen outcomes through
queued signals. The heartbeat is the worker's own: no flag is shared between threads.
"""

from __future__ import annotations

import logging
import queue
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QObject, Signal

from packstation.domain.errors import DomainError
from packstation.domain.orders import QueuePage
from packstation.domain.status import Status
from packstation.logs import report_exception
from packstation.services.bench.bench import Bench
from packstation.services.bench.commands import Command, Heartbeat, PrintTick, Refresh, Shutdown
from packstation.services.bench.outcome import OutcomeKind

log = logging.getLogger(__name__)
OUTAGE_RETRY_SECONDS = 2.0  # while the database is away, try this often so scanning resumes by itself
PRINT_TICK_SECONDS = 1.0  # how often queued print jobs whose retry time has come are sent


@dataclass(frozen=True)
class QueueQuery:
    """What the queue panel wants to see."""

    statuses: tuple[Status, ...]
    text: str = ""
    limit: int = 500


QueueReader = Callable[[QueueQuery], QueuePage]
_Job = tuple[int, Command | QueueQuery]


class ScanWorker(QObject):
    """Runs commands on a :class:`Bench` in a background thread and reports their outcomes."""

    outcome = Signal(object, int)  # Outcome, sequence number of the command
    database = Signal(bool)  # reachable?
    queue_loaded = Signal(object)  # QueuePage

    def __init__(self, bench: Bench, read_queue: QueueReader, heartbeat_seconds: float) -> None:
        super().__init__()
        self._bench = bench
        self._read_queue = read_queue
        self._beat_every = heartbeat_seconds
        self._jobs: queue.Queue[_Job | None] = queue.Queue()
        self._seq = 0
        self._seq_lock = threading.Lock()
        self._db_ok = True
        self._thread = threading.Thread(target=self._loop, name="bench-worker", daemon=True)

    def start(self) -> None:
        self._thread.start()

    def submit(self, job: Command | QueueQuery) -> int:
        """Queue a command (or a queue query); returns its sequence number."""
        seq = self._next_seq()
        self._jobs.put((seq, job))
        return seq

    def _next_seq(self) -> int:
        with self._seq_lock:
            self._seq += 1
            return self._seq

    def stop(self, timeout: float = 30.0) -> bool:
        """Finish the queued commands, then end the thread (cooperatively: a sentinel, never a kill).

        Returns False if the thread is still busy after ``timeout`` (a database that does not
        answer); it is a daemon thread, so it cannot keep the process alive.
        """
        self.submit(Shutdown())  # the station name is given back once the queued commands are done
        self._jobs.put(None)
        if not self._thread.is_alive():
            return True
        self._thread.join(timeout)
        if self._thread.is_alive():
            log.error("worker still busy after %.0f s at shutdown; leaving it", timeout)
            return False
        return True

    # -- the worker thread ------------------------------------------------------------------
    def _loop(self) -> None:
        next_beat = time.monotonic() + self._beat_every
        next_tick = time.monotonic() + PRINT_TICK_SECONDS
        while True:
            now = time.monotonic()
            if now >= next_beat:
                self._run(0, Heartbeat())
                next_beat = time.monotonic() + (self._beat_every if self._db_ok else OUTAGE_RETRY_SECONDS)
                continue
            if now >= next_tick:
                if self._db_ok:
                    self._run(0, PrintTick())
                next_tick = time.monotonic() + PRINT_TICK_SECONDS
                continue
            due = self._bench.due()  # an order finishing on its last unit: the bench's own command
            if due is not None and now >= due.at:
                self._run(self._next_seq(), due.command)
                continue
            wake = min(next_beat, next_tick) if due is None else min(next_beat, next_tick, due.at)
            try:
                item = self._jobs.get(timeout=wake - now)
            except queue.Empty:
                continue
            if item is None:
                log.info("worker stopped")
                return
            self._run(*item)

    def _run(self, seq: int, job: Command | QueueQuery) -> None:
        try:
            if isinstance(job, QueueQuery):
                self._load_queue(job)
                return
            result = self._bench.handle(job)
        except Exception as error:  # Bench.handle never raises; this guards the worker itself
            report_exception(error, f"bench worker job {seq}")
            return
        down = result is not None and result.kind is OutcomeKind.DB_UNAVAILABLE
        quiet_beat = isinstance(job, Heartbeat) and down and not self._db_ok
        if result is not None and not quiet_beat:
            self.outcome.emit(result, seq)
        self._track_db(not down)

    def _load_queue(self, query: QueueQuery) -> None:
        try:
            rows = self._read_queue(query)
        except DomainError as error:  # database away: the list stays, the status bar says why
            log.warning("queue not loaded code=%s", error.code)
            self._track_db(False)
            return
        self.queue_loaded.emit(rows)
        self._track_db(True)

    def _track_db(self, ok: bool) -> None:
        if ok == self._db_ok:
            return
        self._db_ok = ok
        log.warning("database %s", "back" if ok else "unavailable")
        self.database.emit(ok)
        if ok:  # re-read the open order, so the screen shows exactly what is stored
            self._run(0, Refresh())
