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

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

MISMATCH_VERDICTS = ("wrong_item", "over_scan", "unknown_barcode", "expired", "duplicate_serial")
SCAN_VERDICTS = ("accepted", *MISMATCH_VERDICTS, "already_counted", "tracking_missing")
WEIGHT_MISMATCH = "weight_mismatch"
REPORT_KINDS = (*MISMATCH_VERDICTS, WEIGHT_MISMATCH)
# A SKU confirmed by hand this often in the period is named as having a bad barcode.
BAD_BARCODE_AFTER = 3


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
    """Why these shifts cannot be used (seconds in a boundary, two of one name), or None."""
    names = [s.name for s in shifts]
    if len(set(names)) != len(names):
        return "two shifts have the same name"
    for s in shifts:
        if s.start.second or s.end.second or s.start.microsecond or s.end.microsecond:
            return f"shift {s.name}: start and end are whole minutes"
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

    def stretches(self, since: datetime, until: datetime) -> tuple[tuple[datetime, str | None], ...]:
        """The period ``since``..``until`` (naive UTC) cut where the label changes: (start, label) in order.

        The storage counts scans per stretch (a few dozen in a month) instead of returning them one by
        one; a stretch outside every shift has the label None.
        """
        moments = [time()] + ([t for s in self.shifts for t in (s.start, s.end)] if self.by_shift else [])
        cuts = {since}
        day = self.local(since).date() - timedelta(days=1)  # a night shift may have begun the day before
        while self._utc(day, time()) < until:
            cuts.update(cut for cut in (self._utc(day, moment) for moment in moments) if since < cut < until)
            day += timedelta(days=1)
        starts = sorted(cuts)
        ends = [*starts[1:], until]
        return tuple((start, self.label(start + (end - start) / 2)) for start, end in zip(starts, ends, strict=True))

    def _utc(self, day: date, moment: time) -> datetime:
        return datetime.combine(day, moment, self.zone).astimezone(UTC).replace(tzinfo=None)

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


def packing_seconds(history: Sequence[tuple[str, str, datetime]], until: datetime) -> float:
    """Time per order: from each change into ``packing`` (``(from, to, at)``, oldest first) to the next change
    out of it, summed — opening to finishing minus time on hold; a stretch still open ends at ``until``."""
    seconds, since = 0.0, None
    for old, new, at in history:
        if old == "packing" and since is not None:
            seconds += (at - since).total_seconds()
        since = at if new == "packing" else None
    if since is not None:
        seconds += (until - since).total_seconds()
    return seconds


@dataclass(frozen=True, slots=True)
class FinishedOrder:
    """An order a packer packed (``packing -> packed``): when, by whom, its units and its time in packing.

    Stored when it is packed (``packed_orders``), so the statistics read one row per order.
    """

    order_id: int
    finished_at: datetime
    packer: str
    station: str
    units: int
    packing_seconds: float


@dataclass(frozen=True, slots=True)
class ScanTally:
    """Product scans of one packer in one stretch of the period (``Period.stretches``), on orders of one size."""

    packer: str
    stretch: int
    multi: bool
    scans: int
    mismatched: int


def size_of(units: int) -> str:
    return "single" if units <= 1 else "multi"
