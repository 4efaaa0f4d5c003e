"""Document rendering and F12 -> label at a TCP 9100 printer, timed; the last line is one JSON object.

Over ``--renders`` renders each (order loaded, fonts registered beforehand, output to memory): the
PDF label, the ZPL label, packing slips of 10 and 60 lines, beside a minimal reportlab page rendered
in the same run (100×150 mm, one line of embedded-TTF text, one Code 128): the baseline. The labels
keep what every order shares (font subsets, the frame, the sender's block); ``*_fresh_orders``
renders each label for another order (number, recipient, street, weight), so nothing of an order's
own is ever reused: those figures show the caches hold no order's data. Then
``--orders`` F12s on an in-memory bench whose label printer is a TCP listener on 127.0.0.1: from the
Finish command to the label's last byte at the listener.

    python bench/documents.py [--renders 500] [--orders 200]
"""

from __future__ import annotations

import argparse
import io
import json
import statistics
import sys
import time
from dataclasses import replace
from decimal import Decimal
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from packstation import bootstrap  # noqa: E402
from packstation.adapters.labels.fonts import REGULAR, register_fonts  # noqa: E402
from packstation.adapters.labels.packing_slip import render_packing_slip  # noqa: E402
from packstation.adapters.labels.shipping_label import render_shipping_label  # noqa: E402
from packstation.adapters.labels.zpl_label import render_zpl_label  # noqa: E402
from packstation.domain.records import Address, LabelLine, ShipmentDocuments  # noqa: E402

DOC = ShipmentDocuments(
    order_number="PL-10001", tracking_number="059012340000000017", carrier="InPost", service="Kurier Standard",
    recipient=Address("Zofia Wójcik", "ul. Żeromskiego 12/4", "90-710", "Łódź", "PL", "+48 600 000 000"),
    sender=Address("Sklep Przykładowy Sp. z o.o.", "ul. Magazynowa 1", "00-001", "Warszawa"),
    lines=tuple(LabelLine(f"SKU-{i:04d}", f"Produkt żółty {i}", i % 4 + 1, f"A-{i:02d}") for i in range(10)),
    cod_amount=Decimal("123.45"), weight_kg=Decimal("2.35"), created="2026-12-01", language="pl",
)  # fmt: skip


def minimal_page() -> bytes:
    from reportlab.graphics.barcode.code128 import Code128
    from reportlab.lib.units import mm
    from reportlab.pdfgen.canvas import Canvas

    buf = io.BytesIO()
    c = Canvas(buf, pagesize=(100 * mm, 150 * mm), initialFontName=REGULAR)
    c.setFont(REGULAR, 12)
    c.drawString(10 * mm, 130 * mm, "Zażółć gęślą jaźń")
    Code128(DOC.tracking_number, barWidth=0.5 * mm, barHeight=25 * mm).drawOn(c, 5 * mm, 10 * mm)
    c.showPage()
    c.save()
    return buf.getvalue()


def fresh_orders(n: int) -> list[ShipmentDocuments]:
    """``n`` different orders: Polish names and streets, numbers and weights of their own."""
    first = ("Zofia", "Łukasz", "Grzegorz", "Anna", "Jan", "Małgorzata", "Piotr", "Ewa")
    last = ("Wójcik", "Żółkiewski", "Brzęczyszczykiewicz", "Nowak", "Kowalski", "Dąbrowska", "Lewandowski")
    return [
        replace(DOC, order_number=f"PL-{20000 + i}", weight_kg=Decimal(i % 97 + 1) / 10,
                recipient=replace(DOC.recipient, name=f"{first[i % 8]} {last[i % 7]} {i}",
                                  street=f"ul. Długa {i % 300 + 1}/{i % 17 + 1}", postal_code=f"{i % 90 + 10}-{i:03d}"))
        for i in range(n)
    ]  # fmt: skip


def timed(fn, n: int) -> dict:  # type: ignore[no-untyped-def]
    fn()  # warm: fonts, caches
    samples = []
    for _ in range(n):
        t = time.perf_counter()
        fn()
        samples.append((time.perf_counter() - t) * 1000)
    samples.sort()
    return {
        "median_ms": round(statistics.median(samples), 4),
        "p99_ms": round(samples[int(len(samples) * 0.99) - 1], 4),
    }


def f12_to_label(orders: int) -> dict:
    from packstation.adapters.memory import MemoryStore
    from packstation.config import Config
    from packstation.domain.records import ImportBatch, OrderLineRecord, OrderRecord, ProductRecord
    from packstation.domain.settings import LOGIN_REQUIRED
    from packstation.services.bench.bench import Bench
    from packstation.services.bench.commands import Finish, OpenOrder, Scan
    from packstation.services.importing import import_batch
    from packstation.services.settings import set_setting
    from tests.printing_support import Listener

    listener = Listener().start()
    store = MemoryStore()
    product = ProductRecord("SKU-1", "Kubek", ("5901234000014",), (), Decimal("0.3"), "A-1")
    records = [OrderRecord(f"e{i}", f"B-{i:05d}", "bench", "Zofia Wójcik", DOC.recipient,
                           (OrderLineRecord("SKU-1", 1),)) for i in range(orders)]  # fmt: skip
    import_batch(store.unit_of_work, ImportBatch(products=(product,), orders=tuple(records)), "bench")
    # Packing is timed, not people: as in the demo, scans count without a login.
    set_setting(store.unit_of_work, LOGIN_REQUIRED, "off")
    home = Path(__import__("tempfile").mkdtemp())
    config = Config(db_url="memory:", station="b", print_to=home, auto_next=False,
                    label_printer=f"tcp:127.0.0.1:{listener.port}", slip_printer=f"folder:{home}")  # fmt: skip
    bench = Bench(config, store.unit_of_work, bootstrap.documents(), bootstrap.printers())
    samples = []
    for i in range(orders):
        bench.handle(OpenOrder(f"B-{i:05d}"))
        bench.scan("5901234000014")
        before = len(listener.arrived)
        t = time.perf_counter()
        result = bench.handle(Finish())
        assert result is not None and result.code == "order.shipped", result
        listener.wait_for(before + 1)
        samples.append((listener.arrived[before] - t) * 1000)
    listener.close()
    _ = Scan
    samples.sort()
    return {
        "median_ms": round(statistics.median(samples), 3),
        "p99_ms": round(samples[int(len(samples) * 0.99) - 1], 3),
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--renders", type=int, default=500)
    parser.add_argument("--orders", type=int, default=200)
    args = parser.parse_args()
    register_fonts()
    slip60 = replace(DOC, lines=tuple(LabelLine(f"SKU-{i:04d}", f"Produkt {i}", 1) for i in range(60)))
    n = args.renders
    fresh = fresh_orders(n + 1)
    pdf_fresh, zpl_fresh = iter(fresh), iter(fresh)
    figures = {
        "baseline_minimal_page": timed(minimal_page, n),
        "pdf_label": timed(lambda: render_shipping_label(DOC), n),
        "zpl_label": timed(lambda: render_zpl_label(DOC, 203), n),
        "pdf_label_fresh_orders": timed(lambda: render_shipping_label(next(pdf_fresh)), n),
        "zpl_label_fresh_orders": timed(lambda: render_zpl_label(next(zpl_fresh), 203), n),
        "slip_10_lines": timed(lambda: render_packing_slip(DOC), n),
        "slip_60_lines": timed(lambda: render_packing_slip(slip60), n),
        "f12_to_label_at_9100": f12_to_label(args.orders),
    }
    base = figures["baseline_minimal_page"]["median_ms"]
    figures["pdf_label_vs_minimal"] = round(figures["pdf_label"]["median_ms"] / base, 2)
    figures["pdf_label_fresh_orders_vs_minimal"] = round(figures["pdf_label_fresh_orders"]["median_ms"] / base, 2)
    for name, value in figures.items():
        print(f"{name:28} {value}")
    print(json.dumps(figures))


if __name__ == "__main__":
    main()
