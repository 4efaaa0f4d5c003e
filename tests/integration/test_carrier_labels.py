"""Carriers' own labels, line prices and gift notes: through the real importers, storage and print queue.

An order imported with its carrier's label (a PDF or ZPL file named in the CSV, or base64 in the
JSON) prints that label byte for byte instead of Packstation's, at a folder printer and at a TCP
9100 printer, and its tracking number is the parcel's. Prices and the gift note come back out of
the packing slip's PDF text.
"""

from __future__ import annotations

import base64
import io
import json
from decimal import Decimal
from pathlib import Path

import pypdfium2 as pdfium
import pytest
from reportlab.graphics.barcode.code128 import Code128
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from packstation.adapters.importers import parse_import_file
from packstation.adapters.importers.carrier_labels import MAX_BYTES
from packstation.domain.errors import ImportRejected
from packstation.domain.records import ImportBatch
from packstation.services.bench.commands import Finish
from packstation.services.importing import import_batch
from packstation.services.orders_admin import show_order
from packstation.services.users import add_user
from tests.integration.packing_support import BADGE, MUG_EAN, PACKER, PRODUCTS, SPOON_UPC, make_app, open_order
from tests.printing_support import Listener

TRACKING = "JJD000390007771234"
ZPL = f"^XA^CI28^FO40,40^A0N,50,50^FDDPD CLASSIC^FS^FO40,160^BY3^BCN,200,Y,N,N^FD{TRACKING}^FS^XZ".encode()
CSV_HEADER = "order_number,customer_name,street,postal_code,city,carrier,tracking_number,carrier_label,gift_note," \
             "sku,quantity,unit_price,price_currency\n"  # fmt: skip


def carrier_pdf(pages: int = 1, text: str = "DPD CLASSIC — carrier's own label") -> bytes:
    """A label as a carrier's system makes it: not Packstation's layout, its own words and barcode."""
    buf = io.BytesIO()
    c = Canvas(buf, pagesize=(100 * mm, 150 * mm))
    for _ in range(pages):
        c.setFont("Helvetica-Bold", 14)
        c.drawString(8 * mm, 135 * mm, text)
        Code128(TRACKING, barWidth=0.4 * mm, barHeight=20 * mm).drawOn(c, 5 * mm, 20 * mm)
        c.showPage()
    c.save()
    return buf.getvalue()


def pdf_text(data: bytes) -> str:
    pdf = pdfium.PdfDocument(data)
    text = "\n".join(pdf[i].get_textpage().get_text_range() for i in range(len(pdf)))
    return text.replace("\xa0", " ")  # babel's no-break space in "49,90 zł"


def _app(db_url: str, tmp_path: Path, label_printer: str):  # type: ignore[no-untyped-def]
    app = make_app(db_url, "bench-1", tmp_path / "printed", label_printer=label_printer,
                   slip_printer=f"folder:{tmp_path / 'slips'}", auto_next=False)  # fmt: skip
    import_batch(app.uow, ImportBatch(products=PRODUCTS), "products")
    add_user(app.uow, PACKER, BADGE)
    return app


def _pack(app, number: str, *eans: str):  # type: ignore[no-untyped-def]
    bench = app.bench()
    bench.scan(BADGE)
    open_order(bench, number)
    for ean in eans:
        assert bench.scan(ean).kind == "accepted"
    return bench.handle(Finish())


def test_csv_carrier_pdf_prints_as_is_with_its_tracking_number_prices_and_gift_note_on_the_slip(
    db_url: str, tmp_path: Path
) -> None:
    label = carrier_pdf()
    (tmp_path / "import").mkdir()
    (tmp_path / "import" / "labels").mkdir()
    (tmp_path / "import" / "labels" / "C-1.pdf").write_bytes(label)
    (tmp_path / "import" / "orders.csv").write_text(
        CSV_HEADER + f'C-1,Zofia Wójcik,ul. Długa 1,90-001,Łódź,DPD,{TRACKING},labels/C-1.pdf,"Sto lat, Zosiu!\nMama",'
        "SKU-MUG,1,49.90,\n"
        "C-1,,,,,,,,,SKU-SPOON,1,12.5,EUR\n",
        encoding="utf-8",
    )
    batch = parse_import_file(tmp_path / "import" / "orders.csv")  # the path is the CSV's folder's
    assert batch.orders[0].carrier_label is not None and batch.orders[0].carrier_label.format == "pdf"
    app = _app(db_url, tmp_path, f"folder:{tmp_path / 'labels-out'}")
    import_batch(app.uow, batch, "orders.csv")
    done = _pack(app, "C-1", MUG_EAN, SPOON_UPC)
    assert done is not None and done.code == "order.shipped", done
    assert done.params["tracking"] == TRACKING
    printed = list((tmp_path / "labels-out").iterdir())
    assert len(printed) == 1 and printed[0].read_bytes() == label  # the carrier's label, byte for byte
    order = show_order(app.uow, "C-1")
    assert order["tracking_number"] == TRACKING and [p["tracking_number"] for p in order["parcels"]] == [TRACKING]
    (slip,) = (tmp_path / "slips").iterdir()
    text = pdf_text(slip.read_bytes())
    assert "49,90 zł" in text and "12,50 €" in text  # per unit, each in its own currency (Polish slip)
    assert "Cena" in text  # the price column's heading
    assert "Sto lat, Zosiu!" in text and "Mama" in text and "Dedykacja" in text
    # `packstation label` gives the carrier's label too, as it is (and refuses to redraw it as ZPL).
    from packstation.cli import main

    assert main(["--db", db_url, "label", "C-1", "--format", "pdf", "-o", str(tmp_path / "again.pdf")]) == 0
    assert (tmp_path / "again.pdf").read_bytes() == label
    assert main(["--db", db_url, "label", "C-1", "--format", "zpl", "-o", str(tmp_path / "again.zpl")]) == 1
    app.dispose()


def test_json_base64_zpl_reaches_the_9100_printer_byte_exact(sqlite_url: str, tmp_path: Path) -> None:
    listener = Listener().start()
    order = {
        "order_number": "J-1", "customer_name": "Jan Kowalski", "street": "ul. Krótka 2", "postal_code": "00-001",
        "city": "Warszawa", "carrier": "DPD", "tracking_number": TRACKING, "gift_note": "Wesołych Świąt",
        "carrier_label": {"base64": base64.b64encode(ZPL).decode(), "format": "zpl"},
        "lines": [{"sku": "SKU-MUG", "quantity": 1, "unit_price": "19.99"}],
    }  # fmt: skip
    (tmp_path / "orders.json").write_text(json.dumps({"orders": [order]}), encoding="utf-8")
    app = _app(sqlite_url, tmp_path, f"tcp:127.0.0.1:{listener.port}")
    import_batch(app.uow, parse_import_file(tmp_path / "orders.json"), "orders.json")
    done = _pack(app, "J-1", MUG_EAN)
    assert done is not None and done.code == "order.shipped", done
    assert listener.wait_for(1) == [ZPL]  # as the carrier made it: not one byte of Packstation's
    assert show_order(app.uow, "J-1")["tracking_number"] == TRACKING
    (slip,) = (tmp_path / "slips").iterdir()
    text = pdf_text(slip.read_bytes())
    assert "19,99 zł" in text and "Wesołych Świąt" in text
    listener.close()
    app.dispose()


def test_a_printer_that_cannot_take_the_carriers_format_refuses_before_packing(sqlite_url: str, tmp_path: Path) -> None:
    listener = Listener().start()
    (tmp_path / "l.pdf").write_bytes(carrier_pdf())
    row = f"P-1,Ewa,ul. A 1,00-001,Kraków,DPD,{TRACKING},l.pdf,,SKU-MUG,1,,\n"
    (tmp_path / "orders.csv").write_text(CSV_HEADER + row)
    app = _app(sqlite_url, tmp_path, f"tcp:127.0.0.1:{listener.port}")  # a ZPL printer
    import_batch(app.uow, parse_import_file(tmp_path / "orders.csv"), "orders.csv")
    refused = _pack(app, "P-1", MUG_EAN)
    assert refused is not None and refused.code == "print.carrier_label_format", refused
    assert refused.params["format"] == "PDF"
    order = show_order(app.uow, "P-1")
    assert order["status"] == "packing" and order["parcels"] == []  # nothing packed, nothing queued
    assert listener.jobs == []
    listener.close()
    app.dispose()


def test_the_importers_check_carrier_labels_prices_and_say_where(tmp_path: Path) -> None:
    (tmp_path / "two.pdf").write_bytes(carrier_pdf(pages=2))
    (tmp_path / "note.txt").write_text("not a label")
    (tmp_path / "ok.zpl").write_bytes(ZPL)
    (tmp_path / "orders.csv").write_text(
        CSV_HEADER
        + f"E-1,A,s,1,c,DPD,{TRACKING},missing.pdf,,SKU-MUG,1,,\n"  # line 2
        + f"E-2,A,s,1,c,DPD,{TRACKING},note.txt,,SKU-MUG,1,,\n"  # line 3
        + f"E-3,A,s,1,c,DPD,{TRACKING},two.pdf,,SKU-MUG,1,,\n"  # line 4
        + "E-4,A,s,1,c,DPD,,ok.zpl,,SKU-MUG,1,,\n"  # line 5: no tracking number
        + f"E-5,A,s,1,c,DPD,{TRACKING},ok.zpl,,SKU-MUG,1,-1,\n"  # line 6
        + "E-6,A,s,1,c,,,,,SKU-MUG,1,1.999,\n"  # line 7
        + "E-7,A,s,1,c,,,,,SKU-MUG,1,,EUR\n"  # line 8
        + "E-8,A,s,1,c,,,,,SKU-MUG,1,2,EURO\n"  # line 9
    )
    with pytest.raises(ImportRejected) as caught:
        parse_import_file(tmp_path / "orders.csv")
    errors = dict(caught.value.errors)
    assert "no such file" in errors[2]
    assert "neither a PDF nor a ZPL" in errors[3]
    assert "has 2 pages" in errors[4]
    assert "needs the tracking_number" in errors[5]
    assert "unit_price must be 0 or more" in errors[6]
    assert "more than 2 decimal places" in errors[7]
    assert "price_currency is given without a unit_price" in errors[8]
    assert "3-letter code" in errors[9]

    big = base64.b64encode(b"%PDF-1.4\n" + b"0" * MAX_BYTES).decode()
    bad = [
        {"base64": "not base64!"},
        {"base64": big},
        {"base64": base64.b64encode(ZPL).decode(), "format": "pdf"},
        {"base64": base64.b64encode(ZPL).decode(), "colour": "red"},
    ]
    orders = [{"order_number": f"B-{i}", "tracking_number": TRACKING, "carrier_label": label,
               "lines": [{"sku": "SKU-MUG", "quantity": 1}]} for i, label in enumerate(bad)]  # fmt: skip
    (tmp_path / "orders.json").write_text(json.dumps({"orders": orders}, indent=1))
    with pytest.raises(ImportRejected) as caught:
        parse_import_file(tmp_path / "orders.json")
    reasons = [reason for _, reason in caught.value.errors]
    assert len(reasons) == 4
    assert "does not decode" in reasons[0]
    assert "at most" in reasons[1] or "larger than" in reasons[1]
    assert "is ZPL, not PDF" in reasons[2]
    assert "unknown key(s) in carrier_label" in reasons[3]


def test_reimporting_is_idempotent_and_a_new_label_replaces_the_old_before_packing(
    sqlite_url: str, tmp_path: Path
) -> None:
    (tmp_path / "a.zpl").write_bytes(ZPL)
    row = f"R-1,Ewa,ul. A 1,00-001,Kraków,DPD,{TRACKING},a.zpl,,SKU-MUG,1,9.99,\n"
    (tmp_path / "orders.csv").write_text(CSV_HEADER + row)
    app = _app(sqlite_url, tmp_path, f"folder:{tmp_path / 'labels-out'}")
    first = import_batch(app.uow, parse_import_file(tmp_path / "orders.csv"), "orders.csv")
    again = import_batch(app.uow, parse_import_file(tmp_path / "orders.csv"), "orders.csv")
    assert (first.orders_created, again.orders_unchanged, again.orders_updated) == (1, 1, 0)
    newer = ZPL.replace(b"DPD CLASSIC", b"DPD EXPRESS")
    (tmp_path / "a.zpl").write_bytes(newer)
    (tmp_path / "orders.csv").write_text(CSV_HEADER + row.replace("9.99", "10.49"))
    changed = import_batch(app.uow, parse_import_file(tmp_path / "orders.csv"), "orders.csv")
    assert changed.orders_updated == 1
    with app.uow() as uow:
        order = uow.orders.by_number("R-1")
        assert order is not None
        stored = uow.carrier_labels.get(order.order_id)
        assert stored is not None and stored.document == newer
        assert order.lines[0].unit_price == Decimal("10.49")
    assert _pack(app, "R-1", MUG_EAN).code == "order.shipped"
    assert [p.read_bytes() for p in (tmp_path / "labels-out").iterdir()] == [newer]
    app.dispose()
