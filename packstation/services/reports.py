"""The mismatch report and the packer statistics (definitions: ``domain.reports``).

The storage aggregates over the whole period (``ReportRepository``); this module places the
results in the station's local days or shifts and builds the groupings the screens and the
exports show. Both run in one read-only transaction, so they never wait for a bench.
"""

from __future__ import annotations

import statistics
from collections import Counter, defaultdict
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from packstation.domain.errors import DomainError
from packstation.domain.reports import (
    BAD_BARCODE_AFTER,
    GROUPS,
    Count,
    ManualCount,
    MismatchReport,
    MismatchRow,
    PackerStatistics,
    PackerStats,
    Period,
    ReportFilter,
    size_of,
)
from packstation.services.ports import UowFactory

TOP_SKUS = 10


def local_day_bounds(zone: ZoneInfo, since: date | None, until: date | None) -> tuple[datetime | None, datetime | None]:
    """Local dates (``until`` included) as naive-UTC bounds: ``since`` 00:00 to the day after ``until`` 00:00."""

    def utc(day: date) -> datetime:
        return datetime.combine(day, time(), zone).astimezone(ZoneInfo("UTC")).replace(tzinfo=None)

    return (None if since is None else utc(since)), (None if until is None else utc(until + timedelta(days=1)))


def mismatch_report(uow_factory: UowFactory, where: ReportFilter, zone: ZoneInfo) -> MismatchReport:
    """Every mismatch (wrong units and wrong weights) the filter lets through, grouped and counted."""
    with uow_factory(readonly=True) as uow:
        rows = uow.reports.mismatches(where) + uow.reports.weight_mismatches(where)
        manual = uow.reports.manual_confirmations(where)
    rows = tuple(sorted(rows, key=lambda r: r.at))
    period = Period(zone)
    groups = {name: _counts(Counter(_group_key(name, r, period) for r in rows)) for name in GROUPS}
    names = {r.scanned_sku: r.scanned_name for r in rows if r.scanned_sku}
    skus = Counter(r.scanned_sku for r in rows if r.scanned_sku)
    top = tuple(Count(sku, n, names.get(sku, "")) for sku, n in sorted(skus.items(), key=lambda i: (-i[1], i[0])))
    return MismatchReport(
        filter=where,
        rows=rows,
        groups=groups,
        per_day=_per_day(rows, period, where),
        top_skus=top[:TOP_SKUS],
        manual_by_packer=_manual_by_packer(manual),
        manual_by_sku=_manual_by_sku(manual),
    )


def _group_key(name: str, row: MismatchRow, period: Period) -> str:
    """The value a mismatch is grouped under (``GROUPS``): its local day, station, packer, SKU, kind or ending."""
    if name == "day":
        return period.day(row.at).isoformat()
    if name == "sku":
        return row.scanned_sku or "—"
    return str(getattr(row, name))


def _counts(counter: Counter[str]) -> tuple[Count, ...]:
    return tuple(Count(key, n) for key, n in sorted(counter.items(), key=lambda item: (-item[1], item[0])))


def _per_day(rows: tuple[MismatchRow, ...], period: Period, where: ReportFilter) -> tuple[Count, ...]:
    """Mismatches on every local day of the period, days without any included (a chart's x axis)."""
    per_day = Counter(period.day(r.at) for r in rows)
    first = period.day(where.since) if where.since else min(per_day, default=None)
    last = period.day(where.until - timedelta(microseconds=1)) if where.until else max(per_day, default=None)
    if first is None or last is None:
        return ()
    days = [first + timedelta(days=n) for n in range((last - first).days + 1)]
    return tuple(Count(day.isoformat(), per_day.get(day, 0)) for day in days)


def _manual_by_packer(manual: tuple[tuple[str, str, str, int], ...]) -> tuple[ManualCount, ...]:
    totals: Counter[str] = Counter()
    for packer, _sku, _name, units in manual:
        totals[packer] += units
    return tuple(ManualCount(p, n) for p, n in sorted(totals.items(), key=lambda i: (-i[1], i[0])))


def _manual_by_sku(manual: tuple[tuple[str, str, str, int], ...]) -> tuple[ManualCount, ...]:
    """Units confirmed by hand per SKU; a SKU confirmed this way again and again has a bad barcode."""
    totals: Counter[str] = Counter()
    names: dict[str, str] = {}
    for _packer, sku, name, units in manual:
        totals[sku] += units
        names[sku] = name
    return tuple(
        ManualCount(sku, n, names[sku], n >= BAD_BARCODE_AFTER)
        for sku, n in sorted(totals.items(), key=lambda i: (-i[1], i[0]))
    )


def packer_statistics(uow_factory: UowFactory, where: ReportFilter, period: Period) -> PackerStatistics:
    """Orders and units per hour, median time per order and mismatch rate, per packer, per day or shift,
    single-item and multi-item orders apart."""
    if where.since is None or where.until is None:
        raise DomainError("statistics need a period: since and until", code="report.no_period")
    stretches = period.stretches(where.since, where.until)
    with uow_factory(readonly=True) as uow:
        finished = uow.reports.finished_orders(where)
        tallies = uow.reports.scan_tallies(where, [start for start, _label in stretches])
    orders: dict[tuple[str, str, str], list[float]] = defaultdict(list)
    units: Counter[tuple[str, str, str]] = Counter()
    for order in finished:
        label = period.label(order.finished_at)
        if label is not None:
            key = (order.packer, label, size_of(order.units))
            orders[key].append(order.packing_seconds)
            units[key] += order.units
    scans: Counter[tuple[str, str, str]] = Counter()
    bad: Counter[tuple[str, str, str]] = Counter()
    for tally in tallies:
        label = stretches[tally.stretch][1] if 0 <= tally.stretch < len(stretches) else None
        if label is not None:
            key = (tally.packer, label, "multi" if tally.multi else "single")
            scans[key] += tally.scans
            bad[key] += tally.mismatched
    rows = []
    for key in sorted(set(orders) | set(scans), key=lambda k: (k[1], k[0], k[2])):
        times = orders.get(key, [])
        rows.append(PackerStats(key[0], key[1], key[2], len(times), units[key], sum(times),
                                statistics.median(times) if times else None, scans[key], bad[key]))  # fmt: skip
    zone_name = getattr(period.zone, "key", str(period.zone))
    return PackerStatistics(where, "shift" if period.by_shift else "day", zone_name, tuple(rows))
