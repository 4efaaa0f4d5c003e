"""The mismatch report and the packer statistics as frozen records, with the definitions they follow.

Definitions (the issue's, exactly):

* **time per order** = opening to finishing minus time on hold: the time the order spent in
  ``packing`` (from each change into ``packing`` to the next change out of it), so holds, and a
  wait back in the queue after a release, do not count;
* **orders per hour / units per hour** = orders (units) finished ÷ the hours their packing took
  (time per order summed): breaks and waiting for work do not count against a packer;
* **mismatch rate** = mismatched scans ÷ all scans, where a scan is a product scan judged against
  an open order (a manual confirmation counts as one) and a mismatched scan is one whose unit must
  come out of the box (wrong item, too many, unknown barcode, expired, duplicate serial);
* orders are **single-item** (one unit in all) or **multi-item**, shown apart, so a packer with
  harder orders is not ranked below the rest;
* a **day** or a **shift** is read in the station's time zone; a shift is a configured time range
  (it may cross midnight) and belongs to the date it starts on.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

MISMATCH_VERDICTS = ("wrong_item", "over_scan", "unknown_barcode", "expired", "duplicate_serial")
SCAN_VERDICTS = ("accepted", *MISMATCH_VERDICTS, "already_counted", "tracking_missing")
WEIGHT_MISMATCH = "weight_mismatch"
REPORT_KINDS = (*MISMATCH_VERDICTS, WEIGHT_MISMATCH)
# A SKU confirmed by hand this often in the period is named as having a bad barcode.
BAD_BARCODE_AFTER = 3
# Times are grouped in UTC quarter hours before they are placed in local days and shifts: every
# time zone's offset is a whole number of quarter hours, so no bucket straddles a local boundary.
BUCKET_SECONDS = 900


@dataclass(frozen=True, slots=True)
class Shift:
    """A named shift, ``start`` to ``end`` local time; ``end <= start`` means it ends the next day."""

    name: str
    start: time
    end: time

    @property
    def crosses_midnight(self) -> bool:
        return self.end <= self.start

    def holds(self, moment: time) -> bool:
        if self.crosses_midnight:
            return moment >= self.start or moment < self.end
        return self.start <= moment < self.end


def shift_problem(shifts: tuple[Shift, ...]) -> str | None:
    """Why these shifts cannot be used (a boundary off the quarter hour, two of one name), or None."""
    names = [s.name for s in shifts]
    if len(set(names)) != len(names):
        return "two shifts have the same name"
    for s in shifts:
        if s.start.minute % 15 or s.end.minute % 15 or s.start.second or s.end.second:
            return f"shift {s.name}: start and end must be whole quarter hours"
        if s.start == s.end:
            return f"shift {s.name}: start and end are the same"
    return None


@dataclass(frozen=True, slots=True)
class Period:
    """How moments are placed: by local day, or by shift, in one time zone."""

    zone: ZoneInfo
    shifts: tuple[Shift, ...] = ()
    by_shift: bool = False

    def local(self, moment: datetime) -> datetime:
        """A stored naive-UTC moment in the station's time zone."""
        return moment.replace(tzinfo=UTC).astimezone(self.zone)

    def day(self, moment: datetime) -> date:
        return self.local(moment).date()

    def label(self, moment: datetime) -> str | None:
        """``2026-05-04`` (by day) or ``2026-05-04 night`` (by shift; the date it started); None outside shifts."""
        local = self.local(moment)
        if not self.by_shift:
            return local.date().isoformat()
        for shift in self.shifts:
            if shift.holds(local.time()):
                started = local.date()
                if shift.crosses_midnight and local.time() < shift.end:
                    started -= timedelta(days=1)
                return f"{started.isoformat()} {shift.name}"
        return None


def bucket_start(bucket: int) -> datetime:
    """The naive-UTC start of quarter-hour ``bucket`` (seconds since the epoch ÷ 900)."""
    return datetime(1970, 1, 1) + timedelta(seconds=bucket * BUCKET_SECONDS)


@dataclass(frozen=True, slots=True)
class ReportFilter:
    """Which mismatches (or which packing) a report covers; times naive UTC, ``until`` exclusive."""

    since: datetime | None = None
    until: datetime | None = None
    station: str = ""
    packer: str = ""
    sku: str = ""
    kind: str = ""


@dataclass(frozen=True, slots=True)
class MismatchRow:
    """One mismatch as the report shows it: what was expected, what was scanned, how it ended."""

    at: datetime
    station: str
    packer: str
    order: str
    kind: str
    scanned_code: str
    scanned_sku: str
    scanned_name: str
    expected: str
    resolution: str  # removed | override | reweighed | voided | open
    resolved_by: str
    resolved_at: datetime | None
    note: str = ""


@dataclass(frozen=True, slots=True)
class Count:
    key: str
    count: int
    name: str = ""  # a SKU's product name


@dataclass(frozen=True, slots=True)
class ManualCount:
    """Units confirmed by hand, per packer or per SKU; ``bad_barcode``: the SKU's barcode needs fixing."""

    key: str
    count: int
    name: str = ""
    bad_barcode: bool = False


GROUPS = ("day", "station", "packer", "sku", "kind", "resolution")


@dataclass(frozen=True, slots=True)
class MismatchReport:
    """Every mismatch the filter lets through, with its groupings and the manual confirmations."""

    filter: ReportFilter
    rows: tuple[MismatchRow, ...]
    groups: dict[str, tuple[Count, ...]] = field(default_factory=dict)  # GROUPS -> counts, largest first
    per_day: tuple[Count, ...] = ()  # every local day of the period, in date order (0 included)
    top_skus: tuple[Count, ...] = ()
    manual_by_packer: tuple[ManualCount, ...] = ()
    manual_by_sku: tuple[ManualCount, ...] = ()

    @property
    def bad_barcodes(self) -> tuple[ManualCount, ...]:
        return tuple(m for m in self.manual_by_sku if m.bad_barcode)


@dataclass(frozen=True, slots=True)
class PackerStats:
    """One packer's figures for one day or shift and one order size (single- or multi-item)."""

    packer: str
    period: str
    size: str  # single | multi
    orders: int
    units: int
    packing_seconds: float
    median_seconds: float | None
    scans: int
    mismatched_scans: int

    @property
    def orders_per_hour(self) -> float | None:
        return None if self.packing_seconds <= 0 else self.orders * 3600 / self.packing_seconds

    @property
    def units_per_hour(self) -> float | None:
        return None if self.packing_seconds <= 0 else self.units * 3600 / self.packing_seconds

    @property
    def mismatch_rate(self) -> float | None:
        return None if self.scans == 0 else self.mismatched_scans / self.scans


@dataclass(frozen=True, slots=True)
class PackerStatistics:
    filter: ReportFilter
    grouping: str  # day | shift
    time_zone: str
    rows: tuple[PackerStats, ...]


# What the storage adapters return for the statistics: done in SQL, placed in periods here.
@dataclass(frozen=True, slots=True)
class FinishedOrder:
    """An order finished (``packing -> packed``) in the period, by whom, and its packing time."""

    order_id: int
    finished_at: datetime
    packer: str
    station: str
    units: int
    packing_seconds: float


@dataclass(frozen=True, slots=True)
class ScanTally:
    """Product scans of one packer in one UTC quarter hour, on orders of one size."""

    packer: str
    bucket: int
    multi: bool
    scans: int
    mismatched: int


def size_of(units: int) -> str:
    return "single" if units <= 1 else "multi"
