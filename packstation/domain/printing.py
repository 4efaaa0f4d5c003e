"""Print jobs as the durable queue stores them: states, the rules between them, and the retry backoff.

A job is ``queued`` until a bench sends it; it is marked ``sending`` (and committed) before a
single byte leaves, so a crash mid-send is noticed at the next start; ``printed`` once the
printer accepted it. A printer that cannot take it sends the job back to ``queued`` with the
next attempt pushed out (``backoff_seconds``), or to ``failed`` after ``MAX_ATTEMPTS``. A send
that broke off after part of the bytes went out is ``uncertain``: only the packer can say
whether a label came out, so it is never resent without that answer. ``held`` is the label of
a box set aside: it prints only when that box's slip is scanned again (or a supervisor prints
the waiting labels as a batch).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum


class JobState(StrEnum):
    QUEUED = "queued"
    SENDING = "sending"
    PRINTED = "printed"
    FAILED = "failed"
    UNCERTAIN = "uncertain"
    HELD = "held"
    CANCELLED = "cancelled"


class DocKind(StrEnum):
    LABEL = "label"
    SLIP = "slip"
    PICK = "pick"


class DocFormat(StrEnum):
    PDF = "pdf"
    ZPL = "zpl"


J = JobState
# (from, to) pairs a job may take; everything else is a bug and refused.
JOB_TRANSITIONS = frozenset(
    {
        (J.QUEUED, J.SENDING),
        (J.QUEUED, J.HELD),
        (J.QUEUED, J.CANCELLED),
        (J.SENDING, J.PRINTED),
        (J.SENDING, J.QUEUED),
        (J.SENDING, J.FAILED),
        (J.SENDING, J.UNCERTAIN),
        (J.FAILED, J.QUEUED),
        (J.FAILED, J.HELD),
        (J.FAILED, J.CANCELLED),
        (J.UNCERTAIN, J.PRINTED),  # the packer saw it come out
        (J.UNCERTAIN, J.QUEUED),  # the packer says it did not: send again
        (J.UNCERTAIN, J.HELD),
        (J.HELD, J.QUEUED),
        (J.HELD, J.CANCELLED),
    }
)
# Jobs a bench still has to do something about.
OPEN_STATES = frozenset({J.QUEUED, J.SENDING, J.FAILED, J.UNCERTAIN, J.HELD})

MAX_ATTEMPTS = 8
BACKOFF_FIRST_SECONDS = 1.0
BACKOFF_MAX_SECONDS = 30.0


def backoff_seconds(attempts: int) -> float:
    """Seconds to wait after the ``attempts``-th failed attempt: 1, 2, 4, 8, 16, 30, 30…"""
    return float(min(BACKOFF_FIRST_SECONDS * 2 ** max(attempts - 1, 0), BACKOFF_MAX_SECONDS))


# Target schemes whose printers take raw ZPL; every other target takes PDF.
RAW_SCHEMES = frozenset({"cups-raw", "tcp", "win-raw"})


def target_format(target: str) -> DocFormat:
    """What a label for the configured ``target`` (``tcp:host:9100``, ``cups:Q``…) is rendered as."""
    return DocFormat.ZPL if target.partition(":")[0] in RAW_SCHEMES else DocFormat.PDF


def target_accepts(target: str, fmt: DocFormat) -> bool:
    """Whether the ``target`` printer takes a document of ``fmt`` as it is (a hot folder takes any)."""
    return target.partition(":")[0] == "folder" or target_format(target) is fmt


def job_title(order_number: str, kind: DocKind | str, job_id: int) -> str:
    """The name a job carries at the printer: the job id in it finds the job again after a crash."""
    safe = "".join(ch if ch.isalnum() or ch in "-_" else "_" for ch in order_number)[:40]
    return f"{safe}-{kind}-job{job_id}"


def check_job_transition(current: JobState | str, target: JobState | str) -> None:
    """Raise ``ValueError`` unless a job may go from ``current`` to ``target``."""
    if (JobState(current), JobState(target)) not in JOB_TRANSITIONS:
        raise ValueError(f"a print job cannot go from {current} to {target}")


@dataclass(frozen=True)
class NewPrintJob:
    """A document to print, as finishing or a reprint enqueues it."""

    order_id: int
    parcel_index: int
    kind: DocKind
    format: DocFormat
    printer: str  # the target as configured, e.g. ``tcp:10.0.0.5:9100``
    document: bytes
    who: str
    station: str
    created_at: datetime
    state: JobState = JobState.QUEUED
    reprint_of: int | None = None
    archive_path: str = ""


@dataclass(frozen=True)
class PrintJob:
    """A stored print job."""

    job_id: int
    order_id: int
    parcel_index: int
    kind: DocKind
    format: DocFormat
    printer: str
    state: JobState
    attempts: int
    next_attempt_at: datetime | None
    last_error: str
    created_at: datetime
    printed_at: datetime | None
    who: str
    station: str
    reprint_of: int | None
    archive_path: str


@dataclass(frozen=True)
class PrintEvent:
    """One state change of a print job: the printing part of an order's audit trail."""

    job_id: int
    order_id: int
    at: datetime
    from_state: str
    to_state: str
    who: str
    station: str
    note: str = ""
