"""A small packing history whose report figures are known in advance, loadable into SQL or memory.

Not a test module. The history is written straight into the tables (not through the services),
as bench/reports.py seeds its 200,000 orders, so the reports are checked against figures worked
out by hand below, in the station's time zone Europe/Warsaw (UTC+2 in May).

Orders (times UTC; local = +2 h), stations B1 and B2, packers Anna and Jan, supervisor Ewa:

====  =====  ======  ================  ======================================  ===============
 no.  units  packer  packed (UTC)      scans                                   in packing
====  =====  ======  ================  ======================================  ===============
 O1   1      Anna    05-04 06:02 (B1)  1 ok                                    120 s
 O2   3      Anna    05-04 07:05 (B1)  wrong item (SKU-C, removed), 3 ok       300 s
 O3   2      Jan     05-04 08:33 (B2)  too many (SKU-B, Ewa overrides), 2 ok   120 + 180 s (28 min on hold)
 O4   1      Jan     05-05 21:34 (B2)  unknown barcode (removed), 1 by hand    240 s
 O5   1      Jan     05-05 22:12 (B2)  1 by hand                               120 s (00:12 local, May 6)
 O6   2      Anna    05-05 10:06 (B1)  1 ok, 1 by hand; wrong weight, reweighed  360 s
====  =====  ======  ================  ======================================  ===============
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import datetime, time, timedelta
from decimal import Decimal
from typing import Any

from packstation.domain.reports import FinishedOrder, Shift, packing_seconds

ZONE = "Europe/Warsaw"
SHIFTS = (Shift("early", time(6), time(14)), Shift("late", time(14), time(22)), Shift("night", time(22), time(6)))
PRODUCTS = {"SKU-A": "Kubek „Żubr”", "SKU-B": "Łyżka drewniana", "SKU-C": "Mydło szare"}
SUPERVISOR = "Ewa Nadzorcza"


def t(day: int, hh: int, mm: int, ss: int = 0) -> datetime:
    """A naive-UTC time on 2026-05-``day``."""
    return datetime(2026, 5, day, hh, mm, ss)


@dataclass
class Seed:
    """Rows per table with explicit ids, in the order they happened."""

    rows: dict[str, list[dict[str, Any]]] = field(default_factory=lambda: defaultdict(list))
    ids: dict[str, int] = field(default_factory=lambda: defaultdict(int))

    def add(self, table: str, **values: Any) -> int:
        self.ids[table] += 1
        self.rows[table].append({"id": self.ids[table], **values})
        return self.ids[table]

    def order(self, number: str, lines: list[tuple[str, int]], created: datetime) -> tuple[int, list[int]]:
        order_id = self.add("orders", number=number, external_id=number, source="seed", status="new",
                            customer_name="Zofia Wójcik", city="Łódź", created_at=created, updated_at=created,
                            units=sum(qty for _sku, qty in lines))  # fmt: skip
        line_ids = [
            self.add(
                "order_lines", order_id=order_id, position=i, sku=sku, name=PRODUCTS[sku], quantity=qty, scanned=qty
            )  # fmt: skip
            for i, (sku, qty) in enumerate(lines, start=1)
        ]
        return order_id, line_ids

    def status(self, order_id: int, old: str, new: str, at: datetime, who: str, station: str) -> None:
        actor = "supervisor" if who == SUPERVISOR else "packer"
        self.add("status_changes", order_id=order_id, from_status=old, to_status=new, at=at, actor=actor, who=who,
                 station=station, note="")  # fmt: skip

    def scan(self, order_id: int, line_id: int | None, verdict: str, at: datetime, packer: str, station: str,
             code: str = "", quantity: int = 0, manual: bool = False, message: str = "", parcel: int | None = None,
             weight: Decimal | None = None) -> int:  # fmt: skip
        return self.add("scan_events", at=at, order_id=order_id, line_id=line_id, raw=code, code=code, verdict=verdict,
                        message_code=message or f"scan.{verdict}", quantity=quantity, station=station, packer=packer,
                        voided=False, manual=manual, parcel=parcel, weight_kg=weight)  # fmt: skip

    def mismatch(self, order_id: int, event_id: int, kind: str, code: str, sku: str, at: datetime, packer: str,
                 station: str, expected: str, resolved: tuple[datetime, str, str, str] | None) -> None:  # fmt: skip
        when, by, how, note = resolved or (None, None, None, "")
        self.add("mismatches", order_id=order_id, scan_event_id=event_id, kind=kind, code=code, sku=sku,
                 station=station, packer=packer, created_at=at, resolved_at=when, resolved_by=by, resolution=how,
                 voided=False, expected=expected, resolution_note=note)  # fmt: skip


def _packed(seed: Seed, order_id: int, opened: datetime, packed: datetime, who: str, station: str) -> None:
    """``packing -> packed -> shipped``, and the packed order's facts as finishing stores them."""
    history = [(c["from_status"], c["to_status"], c["at"]) for c in seed.rows["status_changes"]
               if c["order_id"] == order_id]  # fmt: skip
    units = sum(ln["scanned"] for ln in seed.rows["order_lines"] if ln["order_id"] == order_id)
    seed.add("packed_orders", order_id=order_id, at=packed, packer=who, station=station, units=units,
             packing_seconds=packing_seconds(history, packed))  # fmt: skip
    seed.status(order_id, "packing", "packed", packed, who, station)
    seed.status(order_id, "packed", "shipped", packed + timedelta(seconds=10), who, station)


def known_history() -> Seed:
    seed = Seed()
    for sku, name in PRODUCTS.items():
        seed.add("products", sku=sku, name=name, bin_location="", image_path="", tracking="none")
    # O1 — Anna, B1, one mug.
    o1, (l1,) = seed.order("O1", [("SKU-A", 1)], t(4, 5, 0))
    seed.status(o1, "new", "packing", t(4, 6, 0), "Anna", "B1")
    seed.scan(o1, l1, "accepted", t(4, 6, 1), "Anna", "B1", "A", 1)
    _packed(seed, o1, t(4, 6, 0), t(4, 6, 2), "Anna", "B1")
    # O2 — Anna, B1: a soap that is not on the order, taken out; then 2 mugs and a spoon.
    o2, (l2a, l2b) = seed.order("O2", [("SKU-A", 2), ("SKU-B", 1)], t(4, 5, 0))
    seed.status(o2, "new", "packing", t(4, 7, 0), "Anna", "B1")
    wrong = seed.scan(o2, None, "wrong_item", t(4, 7, 1), "Anna", "B1", "C")
    seed.mismatch(o2, wrong, "wrong_item", "C", "SKU-C", t(4, 7, 1), "Anna", "B1", "SKU-A ×2; SKU-B ×1",
                  (t(4, 7, 1, 30), "Anna", "removed", ""))  # fmt: skip
    for n, line in enumerate((l2a, l2a, l2b)):
        seed.scan(o2, line, "accepted", t(4, 7, 2 + n), "Anna", "B1", "A", 1)
    _packed(seed, o2, t(4, 7, 0), t(4, 7, 5), "Anna", "B1")
    # O3 — Jan, B2: held for 28 minutes, resumed by Ewa; one spoon too many, overridden by Ewa.
    o3, (l3,) = seed.order("O3", [("SKU-B", 2)], t(4, 5, 0))
    seed.status(o3, "new", "packing", t(4, 8, 0), "Jan", "B2")
    over = seed.scan(o3, l3, "over_scan", t(4, 8, 1), "Jan", "B2", "B")
    seed.mismatch(o3, over, "over_scan", "B", "SKU-B", t(4, 8, 1), "Jan", "B2", "SKU-B Łyżka drewniana: 2/2",
                  (t(4, 8, 31), SUPERVISOR, "override", "extra spoon is a gift"))  # fmt: skip
    seed.status(o3, "packing", "on_hold", t(4, 8, 2), "Jan", "B2")
    seed.status(o3, "on_hold", "packing", t(4, 8, 30), SUPERVISOR, "B2")
    seed.scan(o3, l3, "accepted", t(4, 8, 31), "Jan", "B2", "B", 1)
    seed.scan(o3, l3, "accepted", t(4, 8, 32), "Jan", "B2", "B", 1)
    _packed(seed, o3, t(4, 8, 0), t(4, 8, 33), "Jan", "B2")
    # O4 — Jan, B2, late on May 5 (23:30 local): an unknown barcode, removed; the soap confirmed by hand.
    o4, (l4,) = seed.order("O4", [("SKU-C", 1)], t(5, 5, 0))
    seed.status(o4, "new", "packing", t(5, 21, 30), "Jan", "B2")
    unknown = seed.scan(o4, None, "unknown_barcode", t(5, 21, 31), "Jan", "B2", "9999")
    seed.mismatch(o4, unknown, "unknown_barcode", "9999", "", t(5, 21, 31), "Jan", "B2", "SKU-C Mydło szare ×1",
                  (t(5, 21, 32), "Jan", "removed", ""))  # fmt: skip
    seed.scan(o4, l4, "accepted", t(5, 21, 33), "Jan", "B2", "SKU-C", 1, manual=True)
    _packed(seed, o4, t(5, 21, 30), t(5, 21, 34), "Jan", "B2")
    # O5 — Jan, B2, after local midnight (May 6, 00:10): the night shift that started on May 5.
    o5, (l5,) = seed.order("O5", [("SKU-C", 1)], t(5, 5, 0))
    seed.status(o5, "new", "packing", t(5, 22, 10), "Jan", "B2")
    seed.scan(o5, l5, "accepted", t(5, 22, 11), "Jan", "B2", "SKU-C", 1, manual=True)
    _packed(seed, o5, t(5, 22, 10), t(5, 22, 12), "Jan", "B2")
    # O6 — Anna, B1: a mug scanned, the soap by hand; the parcel weighed wrong, then right.
    o6, (l6a, l6c) = seed.order("O6", [("SKU-A", 1), ("SKU-C", 1)], t(5, 5, 0))
    seed.status(o6, "new", "packing", t(5, 10, 0), "Anna", "B1")
    seed.scan(o6, l6a, "accepted", t(5, 10, 1), "Anna", "B1", "A", 1)
    seed.scan(o6, l6c, "accepted", t(5, 10, 2), "Anna", "B1", "SKU-C", 1, manual=True)
    seed.scan(o6, None, "weight_mismatch", t(5, 10, 5), "Anna", "B1", "", message="parcel.weight_mismatch", parcel=1,
              weight=Decimal("0.900"))  # fmt: skip
    seed.scan(o6, None, "command", t(5, 10, 5, 30), "Anna", "B1", "", message="parcel.closed", parcel=1,
              weight=Decimal("0.455"))  # fmt: skip
    _packed(seed, o6, t(5, 10, 0), t(5, 10, 6), "Anna", "B1")
    for order in seed.rows["orders"]:
        order["status"] = "shipped"
    return seed


# The figures, worked out by hand from the table in the module's docstring.
MISMATCHES = [  # (local time, station, packer, order, kind, scanned SKU, resolution, by)
    ("2026-05-04T09:01:00+02:00", "B1", "Anna", "O2", "wrong_item", "SKU-C", "removed", "Anna"),
    ("2026-05-04T10:01:00+02:00", "B2", "Jan", "O3", "over_scan", "SKU-B", "override", SUPERVISOR),
    ("2026-05-05T12:05:00+02:00", "B1", "Anna", "O6", "weight_mismatch", "", "reweighed", "Anna"),
    ("2026-05-05T23:31:00+02:00", "B2", "Jan", "O4", "unknown_barcode", "", "removed", "Jan"),
]
PER_DAY = [("2026-05-04", 2), ("2026-05-05", 2)]
# (packer, period, size) -> (orders, units, packing seconds, median seconds, scans, mismatched scans)
BY_DAY = {
    ("Anna", "2026-05-04", "single"): (1, 1, 120.0, 120.0, 1, 0),
    ("Anna", "2026-05-04", "multi"): (1, 3, 300.0, 300.0, 4, 1),
    ("Jan", "2026-05-04", "multi"): (1, 2, 300.0, 300.0, 3, 1),
    ("Anna", "2026-05-05", "multi"): (1, 2, 360.0, 360.0, 2, 0),
    ("Jan", "2026-05-05", "single"): (1, 1, 240.0, 240.0, 2, 1),
    ("Jan", "2026-05-06", "single"): (1, 1, 120.0, 120.0, 1, 0),
}
BY_SHIFT = {
    ("Anna", "2026-05-04 early", "single"): (1, 1, 120.0, 120.0, 1, 0),
    ("Anna", "2026-05-04 early", "multi"): (1, 3, 300.0, 300.0, 4, 1),
    ("Jan", "2026-05-04 early", "multi"): (1, 2, 300.0, 300.0, 3, 1),
    ("Anna", "2026-05-05 early", "multi"): (1, 2, 360.0, 360.0, 2, 0),
    ("Jan", "2026-05-05 night", "single"): (2, 2, 360.0, 180.0, 3, 1),
}


def load_sql(engine: Any, seed: Seed) -> None:
    """Bulk-insert the rows (explicit ids); on PostgreSQL move the id sequences past them."""
    from sqlalchemy import insert, text

    from packstation.adapters.db.models import Base

    with engine.begin() as conn:
        for table in ("products", "orders", "order_lines", "status_changes", "scan_events", "mismatches",
                      "packed_orders"):  # fmt: skip
            rows = seed.rows.get(table)
            if rows:
                conn.execute(insert(Base.metadata.tables[table]), rows)
                if conn.dialect.name == "postgresql":
                    conn.execute(text(f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), {seed.ids[table]})"))


def load_memory(store: Any, seed: Seed) -> None:
    """The same rows as the in-memory store's frozen records."""
    from packstation.domain.journal import MismatchRecord, ScanRecord, StatusChange
    from packstation.domain.orders import Order, OrderLine, Product
    from packstation.domain.records import Address
    from packstation.domain.status import Status

    tables = store.tables
    for p in seed.rows["products"]:
        tables.products[p["sku"]] = Product(p["sku"], p["name"])
    lines: dict[int, list[OrderLine]] = defaultdict(list)
    for ln in seed.rows["order_lines"]:
        lines[ln["order_id"]].append(OrderLine(ln["id"] + 10_000, ln["position"], ln["sku"], ln["name"],
                                               ln["quantity"], ln["scanned"]))  # fmt: skip
    for o in seed.rows["orders"]:
        tables.orders[o["id"]] = Order(o["id"], o["number"], o["external_id"], o["source"], Status(o["status"]),
                                       o["customer_name"], Address(o["customer_name"], "", "", o["city"]),
                                       tuple(lines[o["id"]]), created_at=o["created_at"])  # fmt: skip
    for c in seed.rows["status_changes"]:
        tables.status_changes.append(StatusChange(c["order_id"], c["from_status"], c["to_status"], c["at"],
                                                  c["actor"], c["who"], c["station"]))  # fmt: skip
    for s in seed.rows["scan_events"]:
        line_id = None if s["line_id"] is None else s["line_id"] + 10_000
        tables.scans[s["id"] + 20_000] = ScanRecord(s["at"], s["order_id"], line_id, s["raw"], s["code"],
                                                    s["verdict"], s["message_code"], s["quantity"], s["station"],
                                                    s["packer"], event_id=s["id"] + 20_000, parcel=s["parcel"],
                                                    weight_kg=s["weight_kg"], manual=s["manual"])  # fmt: skip
    for p in seed.rows["packed_orders"]:
        tables.packed.append(FinishedOrder(p["order_id"], p["at"], p["packer"], p["station"], p["units"],
                                           p["packing_seconds"]))  # fmt: skip
    for m in seed.rows["mismatches"]:
        tables.mismatches[m["id"] + 30_000] = MismatchRecord(
            m["order_id"], m["scan_event_id"] + 20_000, m["kind"], m["code"], m["sku"], m["station"], m["packer"],
            m["created_at"], m["resolved_at"], m["resolved_by"], m["resolution"], False, m["id"] + 30_000,
            m["expected"], m["resolution_note"],
        )  # fmt: skip
