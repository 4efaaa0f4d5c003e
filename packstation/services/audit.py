"""An order's audit trail: status changes, scans, mismatches, prints and supervisor actions, in time order.

Entries carry codes and parameters; the GUI words them (``gui/supervisor/audit_view.py``).
"""

from __future__ import annotations

from packstation.domain.clock import iso
from packstation.domain.errors import NotFound
from packstation.domain.supervision import AuditEntry
from packstation.domain.verification import Param, frozen_params
from packstation.services.ports import UowFactory

# Entries of one moment (one decision records several) keep this order: the decision, then what it changed.
_RANK = {"mismatch": 0, "supervisor": 1, "scan": 2, "status": 3, "print": 4}


def order_trail(uow_factory: UowFactory, number: str) -> tuple[AuditEntry, ...]:
    """Everything recorded about order ``number``, oldest first (voided scans included, marked)."""
    with uow_factory(readonly=True) as uow:
        order = uow.orders.by_number(number)
        if order is None:
            raise NotFound(f"no order {number}", code="order.not_found", number=number)
        oid = order.order_id
        entries: list[AuditEntry] = []
        for c in uow.journal.history(oid):
            params: dict[str, Param] = {"from": c.from_status, "to": c.to_status, "actor": c.actor, "note": c.note}
            entries.append(AuditEntry(c.at, "status", f"status.{c.to_status}", c.who, c.station, frozen_params(params)))
        for s in reversed(uow.journal.scans(oid)):  # oldest first
            params = {"raw": s.raw, "verdict": s.verdict, "quantity": s.quantity, "voided": int(s.voided),
                      "manual": int(s.manual), "parcel": s.parcel,
                      "weight": None if s.weight_kg is None else str(s.weight_kg)}  # fmt: skip
            entries.append(AuditEntry(s.at, "scan", s.message_code, s.packer, s.station, frozen_params(params)))
        for m in uow.journal.mismatches(oid):
            if m.resolved_at is not None:
                params = {"kind": m.kind, "code": m.code, "resolution": m.resolution, "note": m.resolution_note}
                entries.append(AuditEntry(m.resolved_at, "mismatch", f"mismatch.{m.resolution}", m.resolved_by or "",
                                          m.station, frozen_params(params)))  # fmt: skip
        for e in uow.print_jobs.events(oid):
            params = {"job": e.job_id, "from": e.from_state, "to": e.to_state, "note": e.note}
            entries.append(AuditEntry(e.at, "print", f"print.{e.to_state}", e.who, e.station, frozen_params(params)))
        for a in uow.journal.supervisor_actions(oid):
            params = {"reason": a.reason, "detail": a.detail}
            entries.append(AuditEntry(a.at, "supervisor", f"supervisor.{a.action}", a.who, a.station,
                                      frozen_params(params)))  # fmt: skip
    return tuple(sorted(entries, key=lambda e: (e.at, _RANK[e.kind])))


def trail_dicts(entries: tuple[AuditEntry, ...]) -> list[dict[str, object]]:
    """The trail as JSON-ready dictionaries (``packstation orders trail --json``)."""
    return [{"at": iso(e.at), "kind": e.kind, "code": e.code, "who": e.who, "station": e.station, **e.params}
            for e in entries]  # fmt: skip
