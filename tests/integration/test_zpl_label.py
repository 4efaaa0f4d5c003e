"""The ZPL label parsed, and rendered by an independent renderer (zpl-renderer-js) at 203 and 300 dpi."""

from __future__ import annotations

import re
from dataclasses import replace
from decimal import Decimal

import pytest
import zxingcpp
from PIL import Image

from packstation import bootstrap
from packstation.adapters.labels.shipping_label import render_shipping_label
from packstation.adapters.labels.zpl_label import render_zpl_label
from packstation.adapters.memory import MemoryStore
from packstation.config import Config
from packstation.domain import barcodes
from packstation.domain.records import Address, LabelLine, ShipmentDocuments
from packstation.services.demo import create_demo
from packstation.services.orders_admin import label_documents, list_orders
from tests.conftest import require_service
from tests.printing_support import render_zpl, zpl_renderer_missing

SSCC = "340123450000000017"
DOC = ShipmentDocuments(
    order_number="ZAM/2024/1", tracking_number="PX123456789PL", carrier="InPost", service="Kurier 24h",
    recipient=Address("Олександр Шевченко", "вул. Хрещатик 22, кв. 15", "01-001", "Київ", "UA", "+380 44 000"),
    sender=Address("Sklep ^Żubr~ _1", "ul. Magazynowa 1", "00-001", "Warszawa"),
    lines=(LabelLine("SKU-1", "Kubek", 1),), cod_amount=Decimal("99.90"), weight_kg=Decimal("120.5"),
    created="2026-12-01",
)  # fmt: skip


@pytest.fixture(scope="module")
def renderer() -> None:
    missing = zpl_renderer_missing()
    if missing:
        require_service(missing)


def decoded(png) -> list[tuple[str, str]]:  # type: ignore[no-untyped-def]
    return [(r.text, r.symbology_identifier) for r in zxingcpp.read_barcodes(Image.open(png))]


@pytest.mark.parametrize("dpi,dots", [(203, 8), (300, 12)])
def test_zpl_structure(dpi: int, dots: int) -> None:
    zpl = render_zpl_label(replace(DOC, tracking_number=SSCC), dpi).decode()
    assert zpl.startswith("^XA^CI28")  # UTF-8 before any text
    assert f"^PW{100 * dots}" in zpl and f"^LL{150 * dots}" in zpl
    for x, y in re.findall(r"\^FO(\d+),(\d+)", zpl):
        assert 3 * dots - 1 <= int(x) < 97 * dots and 3 * dots - 1 <= int(y) < 147 * dots
    assert re.findall(r"\^BC[^\^]*\^FD([^\^]*)\^FS", zpl) == [f">;>800{SSCC}"]  # GS1-128: FNC1, AI 00
    plain = render_zpl_label(DOC, dpi).decode()
    assert re.findall(r"\^BC[^\^]*\^FD([^\^]*)\^FS", plain) == ["PX123456789PL"]
    # Shop data cannot end a field or start a command: ^ ~ _ are hex-escaped under ^FH.
    assert "Sklep _5E" in plain and "_7E" in plain and "_5F1" in plain
    fields = re.findall(r"\^FD(.*?)\^FS", plain)
    assert not any(re.search("[А-яІіЇїЄє]", f) for f in fields)  # Cyrillic never in a resident font…
    assert "^GFA" in plain  # …but drawn as a graphic from DejaVu


@pytest.mark.parametrize("dpi", [203, 300])
@pytest.mark.parametrize("tracking", [SSCC, "PX123456789PL"])
def test_rendered_zpl_decodes(renderer, tmp_path, dpi: int, tracking: str) -> None:  # type: ignore[no-untyped-def]
    png = render_zpl(render_zpl_label(replace(DOC, tracking_number=tracking), dpi), dpi, tmp_path / "l.png")
    found = decoded(png)
    if tracking == SSCC:
        assert found == [(f"(00){SSCC}", "]C1")]
        payload = SSCC[:-1]
        assert barcodes.gs1_check_digit(payload) == int(SSCC[-1])
    else:
        assert found == [(tracking, "]C0")]
    image = Image.open(png).convert("L")
    assert image.size == ({203: 800, 300: 1200}[dpi], {203: 1200, 300: 1800}[dpi])
    # The Cyrillic name is on the label: ink in the recipient area, drawn from the ^GF graphic.
    area = image.crop((image.width // 30, image.height // 5, image.width // 2, image.height // 4))
    assert area.getextrema()[0] < 128


def test_every_demo_orders_label_decodes_as_pdf_and_zpl(renderer, tmp_path) -> None:  # type: ignore[no-untyped-def]
    import pypdfium2 as pdfium

    store = MemoryStore()
    create_demo(store.unit_of_work)
    config = Config(db_url="memory:", station="t")
    rows = list_orders(store.unit_of_work).rows
    assert len(rows) >= 40
    zpl = b""
    for row in rows:
        docs = label_documents(store.unit_of_work, row.number, config)
        expected = f"(00){docs.tracking_number}" if len(docs.tracking_number) == 18 else docs.tracking_number
        page = pdfium.PdfDocument(render_shipping_label(docs, 203))[0]
        image = page.render(scale=203 / 72).to_pil().convert("L").point(lambda v: 255 if v > 127 else 0)
        assert [r.text for r in zxingcpp.read_barcodes(image)] == [expected], row.number
        zpl = render_zpl_label(docs, 203)
        png = render_zpl(zpl, 203, tmp_path / f"{barcodes.slip_barcode(row.number).replace('/', '_')}.png")
        assert [t for t, _ in decoded(png)] == [expected], row.number
    assert bootstrap.documents().zpl_label is not None


def test_a_120_character_street_stays_inside_3_mm_margins() -> None:
    import pypdfium2 as pdfium

    street = ("ul. Księcia Józefa Poniatowskiego Marszałka Francji i Naczelnego Wodza " * 3)[:120]
    doc = replace(DOC, recipient=replace(DOC.recipient, street=street, name="Zofia " * 20))
    page = pdfium.PdfDocument(render_shipping_label(doc))[0]
    width, height = page.get_size()
    margin = 3 * 72 / 25.4 - 0.3
    text = page.get_textpage()
    for i in range(text.count_chars()):
        left, bottom, right, top = text.get_charbox(i)
        if right > left:  # spaces have empty boxes
            assert margin <= left and right <= width - margin and margin <= bottom and top <= height - margin
    pdf = render_shipping_label(doc)
    assert b"Helvetica" not in pdf  # only the embedded DejaVu faces
