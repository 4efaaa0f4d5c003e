"""Boxes, parcels and weighing through the real bench, on SQLite and PostgreSQL, with a scale on a pty.

An order packed into two parcels: CMD-BOX-<name> and a carton's own barcode pick boxes, every scan
records its parcel, CMD-NEXT-PARCEL weighs and closes a parcel (expected = units + tare, within the
tolerance, else ``weight_mismatch`` until weighed again), FINISH weighs the last one, and each parcel
gets its own label "x of n" with its own tracking number and weight — read back from the PDFs with
pypdfium2 and zxing-cpp. A supervisor's override closes a parcel the scale disagrees with.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pypdfium2 as pdfium
import pytest
import zxingcpp
from packing_support import MUG_EAN, SPOON_UPC, batch, make_app, open_order, order

from packstation import bootstrap
from packstation.adapters.labels.shipping_label import format_weight
from packstation.config import ScaleSettings, SerialPortSettings
from packstation.domain import barcodes
from packstation.domain.parcels import Carton
from packstation.services import parcels
from packstation.services.bench.bench import Bench
from packstation.services.bench.commands import Finish, NextParcel, Resume
from packstation.services.importing import import_batch
from packstation.services.orders_admin import command_sheet_entries, save_carton, show_order
from tests.devices_support import ScaleSimulator, mt_sics_line

pytestmark = pytest.mark.timeout(120)
CARTONS = (Carton("S", 250, 180, 100, Decimal("0.150"), "5909990000012"), Carton("M", 350, 250, 150, Decimal("0.300")))


@pytest.fixture
def app(db_url, tmp_path):  # type: ignore[no-untyped-def]
    application = make_app(db_url, "bench-1", tmp_path / "printed", auto_next=False)
    import_batch(application.uow, batch(order("PAR-1", ("SKU-MUG", 3), ("SKU-SPOON", 2))), "orders.json")
    for carton in CARTONS:
        save_carton(application.uow, carton)
    yield application
    application.dispose()


@pytest.fixture
def scale(app):  # type: ignore[no-untyped-def]
    """A scale answering MT-SICS from the given answers, configured on the app (the last answer repeats)."""
    made: list[ScaleSimulator] = []

    def make(*answers: bytes, seconds: float = 1.0) -> Bench:
        simulator = ScaleSimulator("mt-sics", list(answers))
        made.append(simulator)
        app.config.scale = ScaleSettings(SerialPortSettings(simulator.path), "mt-sics", "bench scale", seconds)
        return Bench(app.config, app.uow, bootstrap.documents(), bootstrap.printers(), bootstrap.scale(app.config))

    yield make
    for simulator in made:
        simulator.stop()


def weigh(kg: str) -> bytes:
    return mt_sics_line("S", kg, "kg")


def labels_of(folder: Path) -> list[tuple[str, str]]:
    """Every label page of the label PDFs: its Code 128 contents (rasterised at 203 dpi) and its text."""
    found = []
    for path in sorted(folder.glob("*-label*.pdf")):
        for page in pdfium.PdfDocument(path.read_bytes()):
            image = page.render(scale=203 / 72).to_pil().convert("L").point(lambda v: 255 if v > 127 else 0)
            codes = [r.text for r in zxingcpp.read_barcodes(image) if r.format == zxingcpp.BarcodeFormat.Code128]
            found.append((" ".join(codes), page.get_textpage().get_text_range()))
    return found


def test_two_parcels_weighed_each_with_its_own_label(app, scale, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    # Parcel 1: 2 mugs in M = 2 × 0.350 + 0.300 = 1.000 kg; the scale first says 1.500, then 1.020.
    # Parcel 2: 1 mug + 2 spoons in S = 0.350 + 2 × 0.040 + 0.150 = 0.580 kg; the scale says 0.575.
    bench = scale(weigh("1.500"), weigh("1.020"), weigh("0.575"))
    open_order(bench, "PAR-1")
    assert bench.handle(NextParcel()).code == "parcel.empty"
    assert bench.scan("CMD-BOX-XL").params == {"box": "XL", "boxes": "M, S"}
    chosen = bench.scan("CMD-BOX-M")
    assert (chosen.kind, chosen.params["box"], chosen.params["parcel"]) == ("box_chosen", "M", 1)
    assert bench.scan(MUG_EAN).kind == bench.scan(MUG_EAN).kind == "accepted"

    heavy = bench.handle(NextParcel())
    assert heavy is not None and heavy.kind == "weight_mismatch" and heavy.tone == "bad"
    assert (heavy.params["weight"], heavy.params["expected"], heavy.params["allowed"]) == ("1.500", "1.000", "0.050")
    assert heavy.order is not None and (heavy.order.parcel, heavy.order.box) == (1, "M"), "the parcel stays open"

    closed = bench.handle(NextParcel())  # weighed again
    assert closed is not None and (closed.kind, closed.params["weight"], closed.params["units"]) == (
        "parcel_closed",
        "1.020",
        2,
    )
    assert closed.order is not None and (closed.order.parcel, closed.order.box) == (2, "")

    assert bench.scan("5909990000012").params["box"] == "S"  # the carton's own barcode
    for code in (MUG_EAN, SPOON_UPC, SPOON_UPC):
        assert bench.scan(code).kind == "accepted"
    shipped = bench.handle(Finish())
    assert shipped is not None and (shipped.kind, shipped.params["parcels"]) == ("shipped", 2), shipped

    doc = show_order(app.uow, "PAR-1")
    order_id = _order_id(app, "PAR-1")
    prefix = app.config.gs1_company_prefix
    first, second = barcodes.sscc18(prefix, order_id), barcodes.sscc18(prefix, order_id, extension=1)
    assert [(p["index"], p["box"], p["weight_kg"], p["expected_kg"], p["tracking_number"]) for p in doc["parcels"]] == [
        (1, "M", "1.020", "1.000", first),
        (2, "S", "0.575", "0.580", second),
    ]
    assert doc["tracking_number"] == first
    units = [(s["parcel"], s["raw"]) for s in doc["scans"] if s["verdict"] == "accepted"]
    assert units == [(1, MUG_EAN), (1, MUG_EAN), (2, MUG_EAN), (2, SPOON_UPC), (2, SPOON_UPC)]
    weighings = [(s["verdict"], s["weight_kg"]) for s in doc["scans"] if s["weight_kg"]]
    assert weighings == [("weight_mismatch", "1.500"), ("command", "1.020"), ("command", "0.575")]

    # One print job carries both parcels' labels (a page each), so they come out together, exactly once.
    sent = list((tmp_path / "printed").glob("*label*.pdf"))
    assert len(sent) == 1 and len(pdfium.PdfDocument(sent[0].read_bytes())) == 2
    assert len(list((tmp_path / "printed").glob("*slip*.pdf"))) == 1
    pages = labels_of(app.config.documents_dir / "PAR-1")  # the copies kept for reprints
    assert len(pages) == 2
    for (codes, text), tracking, x_of_n, weight in zip(
        pages, (first, second), ("1/2", "2/2"), ("1.020", "0.575"), strict=True
    ):
        assert tracking in codes, (x_of_n, codes)
        assert x_of_n in text.split() and format_weight(Decimal(weight)) in text, (x_of_n, text)


def test_finish_weighs_the_last_parcel_and_a_restart_keeps_parcel_and_box(app, scale) -> None:  # type: ignore[no-untyped-def]
    unstable = mt_sics_line("D", "0.9")
    bench = scale(unstable, seconds=0.5)
    open_order(bench, "PAR-1")
    bench.scan("CMD-BOX-S")
    for code in (MUG_EAN, MUG_EAN, MUG_EAN, SPOON_UPC):
        bench.scan(code)
    restarted = Bench(app.config, app.uow, bootstrap.documents(), bootstrap.printers())
    resumed = restarted.handle(Resume())
    assert resumed is not None and resumed.order is not None and (resumed.order.parcel, resumed.order.box) == (1, "S")
    bench.scan(SPOON_UPC)
    refused = bench.handle(Finish())
    assert refused is not None and (refused.code, refused.params["device"]) == ("scale.unstable", "bench scale")
    assert "did not settle" in str(refused.params["reason"])
    assert show_order(app.uow, "PAR-1")["status"] == "packing" and show_order(app.uow, "PAR-1")["parcels"] == []

    steady = scale(weigh("1.360"))  # 3 × 0.350 + 2 × 0.040 + 0.150 = 1.280; 5 % of it is 0.064, so 1.360 is out
    assert steady.handle(Resume()) is not None
    assert steady.handle(Finish()).code == "parcel.weight_mismatch"
    parcel = parcels.override_weight(
        app.uow, _order_id(app, "PAR-1"), app.config.identity, "Supervisor Ewa", "box is padded"
    )
    assert (parcel.index, parcel.weight_kg, parcel.expected_kg) == (1, Decimal("1.360"), Decimal("1.280"))
    shipped = steady.handle(Finish())
    assert shipped is not None and (shipped.kind, shipped.params["parcels"]) == ("shipped", 1)
    doc = show_order(app.uow, "PAR-1")
    assert [(p["weight_kg"], p["box"]) for p in doc["parcels"]] == [("1.360", "S")]
    override = next(s for s in doc["scans"] if s["verdict"] == "weight_override")
    assert (override["packer"], override["code"], override["weight_kg"]) == ("Supervisor Ewa", "box is padded", "1.360")


def test_without_a_scale_a_parcel_weighs_what_its_units_and_box_should(app, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    bench = app.bench()
    open_order(bench, "PAR-1")
    bench.scan("CMD-BOX-M")
    bench.scan(MUG_EAN)
    closed = bench.handle(NextParcel())
    assert closed is not None and (closed.kind, closed.params["weight"], closed.params["difference"]) == (
        "parcel_closed",
        "0.650",
        None,
    )
    for code in (MUG_EAN, MUG_EAN, SPOON_UPC, SPOON_UPC):
        bench.scan(code)
    assert bench.handle(Finish()).kind == "shipped"
    assert [p["weight_kg"] for p in show_order(app.uow, "PAR-1")["parcels"]] == ["0.650", "0.780"]


def test_the_command_sheet_has_next_parcel_and_every_box(app) -> None:  # type: ignore[no-untyped-def]
    entries = command_sheet_entries(app.uow, with_badges=False)
    assert ("NEXT-PARCEL", "CMD-NEXT-PARCEL") in entries
    assert ("box:M 350×250×150 mm", "CMD-BOX-M") in entries and ("box:S 250×180×100 mm", "CMD-BOX-S") in entries


def test_lots_and_serials_are_handed_to_the_slip(app) -> None:  # type: ignore[no-untyped-def]
    from packstation.services.finishing import shipment_documents

    bench = app.bench()
    open_order(bench, "PAR-1")
    gtin = barcodes.normalise(MUG_EAN)
    for serial in ("S1", "S2"):
        assert bench.scan(f"]d201{gtin}10LOT-A{barcodes.GS}21{serial}").kind == "accepted"
    with app.uow() as uow:
        stored = uow.orders.by_number("PAR-1")
        docs = shipment_documents(uow, stored, app.config, "X")
    mug = next(line for line in docs.lines if line.sku == "SKU-MUG")
    assert (mug.lots, mug.serials) == (("LOT-A",), ("S1", "S2"))


def _order_id(app, number: str) -> int:  # type: ignore[no-untyped-def]
    with app.uow() as uow:
        found = uow.orders.by_number(number)
        assert found is not None
        return found.order_id


def test_an_order_given_back_to_the_queue_starts_again_at_parcel_1(app) -> None:  # type: ignore[no-untyped-def]
    from packstation.domain.status import Actor
    from packstation.services.claims import release_order

    bench = app.bench()
    open_order(bench, "PAR-1")
    bench.scan("CMD-BOX-S")
    bench.scan(MUG_EAN)
    assert bench.handle(NextParcel()).kind == "parcel_closed"
    with app.uow() as uow:  # a supervisor gives it back to the queue: scans voided, parcels undone
        release_order(uow, uow.orders.by_number("PAR-1"), app.config.identity, "supervisor", Actor.SUPERVISOR)
        uow.commit()
    again = app.bench()
    reopened = open_order(again, "PAR-1")
    assert (reopened.parcel, reopened.box) == (1, "")
    assert show_order(app.uow, "PAR-1")["parcels"] == []
