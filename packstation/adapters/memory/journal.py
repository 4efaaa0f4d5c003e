"""The journal in memory: the same contract as ``adapters.db.journal_repository``."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import replace
from datetime import datetime

from packstation.adapters.memory.orders import MemoryOrders
from packstation.adapters.memory.tables import Tables
from packstation.domain.benches import BenchIdentity
from packstation.domain.journal import (
    MismatchRecord,
    OrderChange,
    PackSession,
    ParcelRecord,
    ScanRecord,
    StatusChange,
)
from packstation.domain.reports import FinishedOrder
from packstation.domain.supervision import Cancellation, SupervisorAction


class MemoryJournal:
    def __init__(self, tables: Tables) -> None:
        self._t = tables

    def add_scan(self, scan: ScanRecord) -> int:
        event_id = self._t.next_id()
        self._t.scans[event_id] = replace(scan, event_id=event_id)
        return event_id

    def record_claimed_scan(self, scan: ScanRecord, bench_id: str) -> int | None:
        order = self._t.orders.get(scan.order_id or 0)
        if order is None or not order.held_by(BenchIdentity(bench_id, scan.station)):
            return None
        return self.add_scan(scan)

    def add_mismatch(self, mismatch: MismatchRecord) -> int:
        mismatch_id = self._t.next_id()
        self._t.mismatches[mismatch_id] = replace(mismatch, mismatch_id=mismatch_id)
        return mismatch_id

    def open_mismatches(self, order_id: int) -> tuple[MismatchRecord, ...]:
        return tuple(m for m in self.mismatches(order_id) if m.open)

    def count_open_mismatches(self, order_id: int) -> int:
        return len(self.open_mismatches(order_id))

    def resolve_mismatch(self, mismatch_id: int, at: datetime, by: str, resolution: str, note: str = "") -> None:
        found = self._t.mismatches[mismatch_id]
        self._t.mismatches[mismatch_id] = replace(
            found, resolved_at=at, resolved_by=by, resolution=resolution, resolution_note=note
        )

    def mismatches(self, order_id: int) -> tuple[MismatchRecord, ...]:
        return tuple(m for _, m in sorted(self._t.mismatches.items()) if m.order_id == order_id)

    def scans(self, order_id: int, limit: int | None = None, include_voided: bool = True) -> tuple[ScanRecord, ...]:
        found = [s for _, s in sorted(self._t.scans.items(), reverse=True) if s.order_id == order_id]
        found = [s for s in found if include_voided or not s.voided]
        return tuple(found[:limit] if limit else found)

    def serial_owner(self, gtin: str, serial: str) -> str | None:
        order_id = self._t.serials.get((gtin, serial))
        return None if order_id is None else self._t.orders[order_id].number

    def reserve_serial(self, gtin: str, serial: str, order_id: int, scan_event_id: int, at: datetime) -> bool:
        if (gtin, serial) in self._t.serials:
            return False
        self._t.serials[(gtin, serial)] = order_id
        return True

    def void_order_activity(self, order_id: int) -> None:
        self._t.serials = {key: owner for key, owner in self._t.serials.items() if owner != order_id}
        self._t.parcels = [p for p in self._t.parcels if p.order_id != order_id]
        for event_id, scan in list(self._t.scans.items()):
            if scan.order_id == order_id:
                self._t.scans[event_id] = replace(scan, voided=True)
        for mismatch_id, mismatch in list(self._t.mismatches.items()):
            if mismatch.order_id == order_id:
                self._t.mismatches[mismatch_id] = replace(mismatch, voided=True)
        MemoryOrders(self._t).zero_scanned(order_id)

    def last_scan(self, order_id: int, verdicts: Collection[str]) -> ScanRecord | None:
        return next((s for s in self.scans(order_id, include_voided=False) if s.verdict in verdicts), None)

    def void_scan(self, event_id: int) -> None:
        self._t.scans[event_id] = replace(self._t.scans[event_id], voided=True)
        for mismatch_id, mismatch in list(self._t.mismatches.items()):
            if mismatch.scan_event_id == event_id:
                self._t.mismatches[mismatch_id] = replace(mismatch, voided=True)

    def add_status_change(self, change: StatusChange) -> None:
        self._t.status_changes.append(change)

    def history(self, order_id: int) -> tuple[StatusChange, ...]:
        return tuple(c for c in self._t.status_changes if c.order_id == order_id)

    def open_session(self, order_id: int) -> PackSession | None:
        found = [s for _, s in sorted(self._t.sessions.items()) if s.order_id == order_id and s.ended_at is None]
        return found[-1] if found else None

    def start_session(self, order_id: int, bench: BenchIdentity, packer: str, at: datetime) -> int:
        session_id = self._t.next_id()
        self._t.sessions[session_id] = PackSession(session_id, order_id, bench.station, packer, at,
                                                   bench_id=bench.bench_id)  # fmt: skip
        return session_id

    def end_session(self, session_id: int, at: datetime, outcome: str) -> None:
        self._t.sessions[session_id] = replace(self._t.sessions[session_id], ended_at=at, outcome=outcome)

    def add_parcel(self, parcel: ParcelRecord) -> None:
        self._t.parcels.append(parcel)

    def parcels(self, order_id: int) -> tuple[ParcelRecord, ...]:
        return tuple(sorted((p for p in self._t.parcels if p.order_id == order_id), key=lambda p: p.index))

    def ship_parcel(self, order_id: int, index: int, tracking_number: str, documents: tuple[str, ...]) -> None:
        self._t.parcels = [
            replace(p, tracking_number=tracking_number, documents=documents)
            if (p.order_id, p.index) == (order_id, index)
            else p
            for p in self._t.parcels
        ]

    def add_order_change(self, change: OrderChange) -> None:
        self._t.order_changes.append(change)

    def order_changes(self, order_id: int, only_unacknowledged: bool = False) -> tuple[OrderChange, ...]:
        return tuple(
            c for c in self._t.order_changes if c.order_id == order_id and not (only_unacknowledged and c.acknowledged)
        )

    def acknowledge_changes(self, order_id: int) -> int:
        seen = 0
        for i, change in enumerate(self._t.order_changes):
            if change.order_id == order_id and not change.acknowledged:
                self._t.order_changes[i] = replace(change, acknowledged=True)
                seen += 1
        return seen

    def add_packed(self, packed: FinishedOrder) -> None:
        self._t.packed.append(packed)

    def add_cancellation(self, cancellation: Cancellation) -> None:
        self._t.cancellations[cancellation.order_id] = cancellation

    def cancellation(self, order_id: int) -> Cancellation | None:
        return self._t.cancellations.get(order_id)

    def add_supervisor_action(self, action: SupervisorAction) -> int:
        action_id = self._t.next_id()
        self._t.supervisor_actions[action_id] = replace(action, action_id=action_id)
        return action_id

    def supervisor_actions(self, order_id: int) -> tuple[SupervisorAction, ...]:
        return tuple(a for _, a in sorted(self._t.supervisor_actions.items()) if a.order_id == order_id)
