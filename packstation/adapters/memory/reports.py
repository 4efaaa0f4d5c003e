"""The reports' reads in memory: the same contract as ``adapters.db.report_repository``."""

from __future__ import annotations

from bisect import bisect_right
from collections import defaultdict
from collections.abc import Sequence
from datetime import datetime

from packstation.adapters.memory.tables import Tables
from packstation.domain.journal import ScanRecord
from packstation.domain.reports import (
    MISMATCH_VERDICTS,
    SCAN_VERDICTS,
    WEIGHT_MISMATCH,
    FinishedOrder,
    MismatchRow,
    ReportFilter,
    ScanTally,
)


def _in_period(at: datetime, where: ReportFilter) -> bool:
    return (where.since is None or at >= where.since) and (where.until is None or at < where.until)


def _matches(station: str, packer: str, where: ReportFilter) -> bool:
    return (not where.station or station == where.station) and (not where.packer or packer == where.packer)


class MemoryReports:
    def __init__(self, tables: Tables) -> None:
        self._t = tables

    def _name(self, sku: str) -> str:
        product = self._t.products.get(sku)
        return product.name if product else ""

    def mismatches(self, where: ReportFilter) -> tuple[MismatchRow, ...]:
        if where.kind == WEIGHT_MISMATCH:
            return ()
        rows = []
        for _, m in sorted(self._t.mismatches.items(), key=lambda item: (item[1].created_at, item[0])):
            if not (_in_period(m.created_at, where) and _matches(m.station, m.packer, where)):
                continue
            if (where.sku and m.sku != where.sku) or (where.kind and m.kind != where.kind):
                continue
            resolution = "voided" if m.voided else (m.resolution or "resolved") if m.resolved_at else "open"
            rows.append(
                MismatchRow(
                    m.created_at,
                    m.station,
                    m.packer,
                    self._t.orders[m.order_id].number,
                    m.kind,
                    m.code,
                    m.sku,
                    self._name(m.sku) if m.sku else "",
                    m.expected,
                    resolution,
                    m.resolved_by or "",
                    m.resolved_at,
                    m.resolution_note,
                )  # fmt: skip
            )
        return tuple(rows)

    def weight_mismatches(self, where: ReportFilter) -> tuple[MismatchRow, ...]:
        if (where.kind and where.kind != WEIGHT_MISMATCH) or where.sku:
            return ()
        rows = []
        scans = sorted(self._t.scans.items())
        for event_id, s in scans:
            if s.verdict != WEIGHT_MISMATCH or not _in_period(s.at, where) or not _matches(s.station, s.packer, where):
                continue
            parcel = s.parcel or 1
            after = next((e for i, e in scans if i > event_id and e.order_id == s.order_id
                          and (e.parcel or 1) == parcel and _closes(e)), None)  # fmt: skip
            resolution, by, at, note = "open", "", None, ""
            if s.voided:
                resolution = "voided"
            elif after is not None:
                override = after.verdict == "weight_override"
                resolution, by, at, note = ("override" if override else "reweighed"), after.packer, after.at, (
                    after.code if override else "")  # fmt: skip
            expected = next((p.expected_kg for p in self._t.parcels if p.order_id == s.order_id and p.index == parcel),
                            None)  # fmt: skip
            order = self._t.orders[s.order_id or 0]
            rows.append(
                MismatchRow(
                    s.at,
                    s.station,
                    s.packer,
                    order.number,
                    WEIGHT_MISMATCH,
                    "" if s.weight_kg is None else f"{s.weight_kg:.3f} kg",
                    "",
                    f"parcel {parcel}",
                    "" if expected is None else f"{expected:.3f} kg",
                    resolution,
                    by,
                    at,
                    note,
                )  # fmt: skip
            )
        return tuple(sorted(rows, key=lambda r: r.at))

    def manual_confirmations(self, where: ReportFilter) -> tuple[tuple[str, str, str, int], ...]:
        counts: dict[tuple[str, str], int] = defaultdict(int)
        lines = {ln.line_id: ln for o in self._t.orders.values() for ln in o.lines}
        for s in self._t.scans.values():
            line = lines.get(s.line_id or 0)
            if not s.manual or line is None or not _in_period(s.at, where) or not _matches(s.station, s.packer, where):
                continue
            if where.sku and line.sku != where.sku:
                continue
            counts[(s.packer, line.sku)] += s.quantity
        return tuple((packer, sku, self._name(sku), n) for (packer, sku), n in counts.items())

    def finished_orders(self, where: ReportFilter) -> tuple[FinishedOrder, ...]:
        last = {}
        for packed in self._t.packed:
            if _in_period(packed.finished_at, where) and _matches(packed.station, packed.packer, where):
                last[packed.order_id] = packed
        return tuple(last.values())

    def scan_tallies(self, where: ReportFilter, stretches: Sequence[datetime]) -> tuple[ScanTally, ...]:
        tallies: dict[tuple[str, int, bool], list[int]] = defaultdict(lambda: [0, 0])
        for s in self._t.scans.values():
            if s.verdict not in SCAN_VERDICTS or s.order_id is None or not _in_period(s.at, where):
                continue
            if not _matches(s.station, s.packer, where):
                continue
            key = (s.packer, bisect_right(stretches, s.at) - 1, self._t.orders[s.order_id].units_required > 1)
            tallies[key][0] += 1
            tallies[key][1] += s.verdict in MISMATCH_VERDICTS
        return tuple(ScanTally(packer, i, multi, n, bad) for (packer, i, multi), (n, bad) in tallies.items())


def _closes(event: ScanRecord) -> bool:
    return event.verdict == "weight_override" or event.message_code == "parcel.closed"
