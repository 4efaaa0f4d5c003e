"""The mismatch report and the packer statistics as CSV and JSON.

CSV is one table (what a spreadsheet opens): the mismatches, or one row per packer, period and
order size. JSON carries everything: the rows, the groupings, the manual confirmations. Times
are written in the station's time zone with their UTC offset, so both read unambiguously.
"""

from __future__ import annotations

import csv
import io
import json
from datetime import UTC, datetime
from typing import Any
from zoneinfo import ZoneInfo

from packstation.domain.reports import Count, ManualCount, MismatchReport, PackerStatistics, PackerStats, ReportFilter

MISMATCH_COLUMNS = ("time", "station", "packer", "order", "kind", "expected", "scanned_code", "scanned_sku",
                    "scanned_name", "resolution", "resolved_by", "resolved_at", "note")  # fmt: skip
PACKER_COLUMNS = ("packer", "period", "size", "orders", "units", "packing_hours", "orders_per_hour", "units_per_hour",
                  "median_seconds", "scans", "mismatched_scans", "mismatch_rate")  # fmt: skip


def local_time(moment: datetime | None, zone: ZoneInfo) -> str:
    """A stored naive-UTC time as local ISO 8601 with its offset (``2026-05-04T10:15:00+02:00``)."""
    return "" if moment is None else moment.replace(tzinfo=UTC).astimezone(zone).isoformat(timespec="seconds")


def _number(value: float | None, places: int) -> str:
    return "" if value is None else f"{value:.{places}f}"


def mismatch_rows(report: MismatchReport, zone: ZoneInfo) -> list[dict[str, str]]:
    return [
        {"time": local_time(r.at, zone), "station": r.station, "packer": r.packer, "order": r.order, "kind": r.kind,
         "expected": r.expected, "scanned_code": r.scanned_code, "scanned_sku": r.scanned_sku,
         "scanned_name": r.scanned_name, "resolution": r.resolution, "resolved_by": r.resolved_by,
         "resolved_at": local_time(r.resolved_at, zone), "note": r.note}
        for r in report.rows
    ]  # fmt: skip


def stats_row(s: PackerStats) -> dict[str, str]:
    return {
        "packer": s.packer, "period": s.period, "size": s.size, "orders": str(s.orders), "units": str(s.units),
        "packing_hours": _number(s.packing_seconds / 3600, 3), "orders_per_hour": _number(s.orders_per_hour, 2),
        "units_per_hour": _number(s.units_per_hour, 2), "median_seconds": _number(s.median_seconds, 1),
        "scans": str(s.scans), "mismatched_scans": str(s.mismatched_scans),
        "mismatch_rate": _number(s.mismatch_rate, 4),
    }  # fmt: skip


def _stats_json(s: PackerStats) -> dict[str, Any]:
    def rounded(value: float | None, places: int) -> float | None:
        return None if value is None else round(value, places)

    return {
        "packer": s.packer, "period": s.period, "size": s.size, "orders": s.orders, "units": s.units,
        "packing_hours": round(s.packing_seconds / 3600, 3), "orders_per_hour": rounded(s.orders_per_hour, 2),
        "units_per_hour": rounded(s.units_per_hour, 2), "median_seconds": rounded(s.median_seconds, 1),
        "scans": s.scans, "mismatched_scans": s.mismatched_scans, "mismatch_rate": rounded(s.mismatch_rate, 4),
    }  # fmt: skip


def _csv(columns: tuple[str, ...], rows: list[dict[str, str]]) -> bytes:
    out = io.StringIO(newline="")
    writer = csv.DictWriter(out, fieldnames=columns, lineterminator="\r\n")
    writer.writeheader()
    writer.writerows(rows)
    return ("\ufeff" + out.getvalue()).encode("utf-8")  # a BOM: Excel then reads UTF-8 (Polish letters)


def mismatches_csv(report: MismatchReport, zone: ZoneInfo) -> bytes:
    return _csv(MISMATCH_COLUMNS, mismatch_rows(report, zone))


def packers_csv(stats: PackerStatistics) -> bytes:
    return _csv(PACKER_COLUMNS, [stats_row(s) for s in stats.rows])


def _filter(where: ReportFilter, zone: ZoneInfo) -> dict[str, str]:
    return {"since": local_time(where.since, zone), "until": local_time(where.until, zone), "station": where.station,
            "packer": where.packer, "sku": where.sku, "kind": where.kind, "time_zone": str(zone)}  # fmt: skip


def _counts(counts: tuple[Count, ...]) -> list[dict[str, Any]]:
    return [{"key": c.key, "count": c.count, **({"name": c.name} if c.name else {})} for c in counts]


def _manual(counts: tuple[ManualCount, ...]) -> list[dict[str, Any]]:
    return [{"key": c.key, "units": c.count, "name": c.name, "bad_barcode": c.bad_barcode} for c in counts]


def mismatches_json(report: MismatchReport, zone: ZoneInfo) -> bytes:
    document = {
        "report": "mismatches",
        "filter": _filter(report.filter, zone),
        "total": len(report.rows),
        "rows": mismatch_rows(report, zone),
        "groups": {name: _counts(counts) for name, counts in report.groups.items()},
        "per_day": _counts(report.per_day),
        "top_skus": _counts(report.top_skus),
        "manual_by_packer": _manual(report.manual_by_packer),
        "manual_by_sku": _manual(report.manual_by_sku),
        "bad_barcodes": [c.key for c in report.bad_barcodes],
    }
    return json.dumps(document, ensure_ascii=False, indent=1).encode("utf-8")


def packers_json(stats: PackerStatistics, zone: ZoneInfo) -> bytes:
    document = {
        "report": "packers",
        "filter": _filter(stats.filter, zone),
        "grouping": stats.grouping,
        "time_zone": stats.time_zone,
        "rows": [_stats_json(s) for s in stats.rows],
    }
    return json.dumps(document, ensure_ascii=False, indent=1).encode("utf-8")
