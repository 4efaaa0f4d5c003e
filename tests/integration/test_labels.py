"""Real PDF rendering: page sizes, barcodes decoded from rasterised pages, embedded text."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

import pypdfium2 as pdfium
import pytest
import zxingcpp
from PIL import Image

from packstation.adapters.labels.packing_slip import render_packing_slip
from packstation.adapters.labels.shipping_label import format_amount, format_weight, render_shipping_label
from packstation.domain.errors import InvalidBarcode
from packstation.domain.records import Address, LabelLine, ShipmentDocuments

MM = 72 / 25.4
SSCC = "340123450000000017"  # SSCC-18 with a valid GS1 check digit
ALNUM = "PX123456789PL"


@pytest.fixture
def doc() -> ShipmentDocuments:
    return ShipmentDocuments(
        order_number="ZAM/2024/000123",
        tracking_number=ALNUM,
        carrier="InPost Kurier",
        service="Standard 24h",
        recipient=Address("Zażółć gęślą jaźń", "ul. Świętokrzyska 15/3", "90-001", "Łódź", phone="+48 600 100 200"),
        sender=Address("Иван Петров", "ul. Magazynowa 12", "00-950", "Warszawa"),
        lines=(
            LabelLine("SKU-ŻÓŁW-1", "Żółw pluszowy „Ćma” & <friends>", 2, "A-01-03"),
            LabelLine("SKU-2", "Книга Иван Петров", 1, "B-12"),
        ),
        weight_kg=Decimal("1.25"),
        notes="Proszę dzwonić przed doręczeniem.",
        slip_barcode="ORD-ZAM/2024/000123",
        created="2024-05-17",
    )


def pages(data: bytes) -> pdfium.PdfDocument:
    assert data.startswith(b"%PDF")
    return pdfium.PdfDocument(data)


def text_of(data: bytes) -> str:
    pdf = pages(data)
    return "\n".join(pdf[i].get_textpage().get_text_range() for i in range(len(pdf)))


def decode(data: bytes, dpi: int, page: int = 0) -> list[str]:
    """Rasterise a page as a printer would (binary pixels at ``dpi``) and read its Code 128s."""
    image = pages(data)[page].render(scale=dpi / 72).to_pil().convert("L")
    # A thermal head has no grey: every pixel is either burnt or not.
    binary = image.point(lambda v: 255 if v > 127 else 0, mode="L")
    assert isinstance(binary, Image.Image)
    return [r.text for r in zxingcpp.read_barcodes(binary) if r.format == zxingcpp.BarcodeFormat.Code128]


def test_label_page_is_exactly_100_by_150_mm(doc):
    pdf = pages(render_shipping_label(doc))
    assert len(pdf) == 1
    width, height = pdf[0].get_size()
    assert width == pytest.approx(100 * MM, abs=0.01)
    assert height == pytest.approx(150 * MM, abs=0.01)


@pytest.mark.parametrize("tracking", [SSCC, ALNUM])
@pytest.mark.parametrize("dpi", [203, 300])
def test_label_barcode_decodes_to_tracking_number(doc, tracking, dpi):
    data = render_shipping_label(replace(doc, tracking_number=tracking), dpi)
    if tracking == SSCC:  # GS1-128: FNC1, AI (00), and the human-readable "(00) …"
        assert decode(data, dpi) == [f"(00){tracking}"]
        assert "(00) 3 4012345 000000001 7" in text_of(data)
    else:
        assert decode(data, dpi) == [tracking]
        assert tracking in text_of(data)


def test_label_text_is_embedded_polish_and_cyrillic(doc):
    text = text_of(render_shipping_label(doc))
    for expected in ("Zażółć gęślą jaźń", "Łódź", "Иван Петров", "90-001", "ZAM/2024/000123", "1/1", "1,25 kg"):
        assert expected in text


def test_label_shows_country_only_outside_poland(doc):
    assert "DE" not in text_of(render_shipping_label(doc)).split()
    abroad = replace(doc, recipient=replace(doc.recipient, country="DE"))
    assert "DE" in text_of(render_shipping_label(abroad)).split()


def test_cod_block_only_when_cash_is_due(doc):
    assert "POBRANIE" not in text_of(render_shipping_label(doc))
    assert "POBRANIE" not in text_of(render_packing_slip(doc))
    assert "POBRANIE" not in text_of(render_shipping_label(replace(doc, cod_amount=Decimal("0"))))
    cod = replace(doc, cod_amount=Decimal("123.45"))
    assert "POBRANIE / COD: 123,45 PLN" in text_of(render_shipping_label(cod))
    assert "POBRANIE / COD: 123,45 PLN" in text_of(render_packing_slip(cod))


def test_polish_number_formats():
    assert format_amount(Decimal("1234.5"), "PLN") == "1 234,50 PLN"
    assert format_amount(Decimal("0.005"), "EUR") == "0,01 EUR"
    assert format_weight(Decimal("2")) == "2,0 kg"
    assert format_weight(Decimal("0.125")) == "0,125 kg"


def test_very_long_recipient_still_renders_one_readable_page(doc):
    long_name = "Przedsiębiorstwo Produkcyjno-Handlowo-Usługowe Zażółć " * 12 + "X" * 300
    long_doc = replace(
        doc,
        recipient=replace(doc.recipient, name=long_name, street="ul. " + "Długa" * 80),
        carrier="Carrier " * 20,
        order_number="N" * 120,
    )
    data = render_shipping_label(long_doc)
    pdf = pages(data)
    assert len(pdf) == 1
    assert decode(data, 203) == [ALNUM]
    # Nothing drawn outside the page: every character box lies within the media box.
    textpage = pdf[0].get_textpage()
    width, height = pdf[0].get_size()
    for i in range(textpage.count_chars()):
        left, bottom, right, top = textpage.get_charbox(i)
        assert -0.5 <= left and right <= width + 0.5 and -0.5 <= bottom and top <= height + 0.5
    assert "Łódź" in textpage.get_text_range()
    assert render_packing_slip(long_doc).startswith(b"%PDF")


@pytest.mark.parametrize("bad", ["", "PX12ł456", "X" * 60])
def test_unprintable_tracking_number_is_refused(doc, bad):
    with pytest.raises(InvalidBarcode):
        render_shipping_label(replace(doc, tracking_number=bad))


def test_slip_is_a4_with_decodable_barcode_and_text(doc):
    data = render_packing_slip(doc)
    pdf = pages(data)
    width, height = pdf[0].get_size()
    assert width == pytest.approx(210 * MM, abs=0.01)
    assert height == pytest.approx(297 * MM, abs=0.01)
    assert decode(data, 203) == ["ORD-ZAM/2024/000123"]
    assert decode(data, 300) == ["ORD-ZAM/2024/000123"]
    text = text_of(data)
    for expected in (
        "Packing slip",
        "ZAM/2024/000123",
        "Zażółć gęślą jaźń",
        "Łódź",
        "Иван Петров",
        "2024-05-17",
        "InPost Kurier",
        ALNUM,
        "SKU-ŻÓŁW-1",
        "& <friends>",
        "2 lines",
    ):
        assert expected in text
    # Internal data is for the warehouse's pick copy only.
    assert "A-01-03" not in text and "Proszę dzwonić" not in text


def test_slip_barcode_falls_back_to_order_number(doc):
    assert decode(render_packing_slip(replace(doc, slip_barcode="")), 300) == ["ZAM/2024/000123"]


def test_slip_with_120_lines_paginates_with_every_sku(doc):
    lines = tuple(LabelLine(f"SKU-{i:04d}", f"Produkt {i} żółty", i % 4 + 1, f"R{i % 9}-{i:03d}") for i in range(120))
    data = render_packing_slip(replace(doc, lines=lines))
    pdf = pages(data)
    total = len(pdf)
    assert total >= 3
    texts = [pdf[i].get_textpage().get_text_range() for i in range(total)]
    for number, text in enumerate(texts, start=1):
        assert f"Page {number}/{total}" in text
        assert "SKU" in text and "Qty" in text  # table header repeated
        assert "ZAM/2024/000123" in text  # every page names its order
        width, height = pdf[number - 1].get_size()
        assert (round(width), round(height)) == (595, 842)
    joined = "\n".join(texts)
    for line in lines:
        assert line.sku in joined
    assert f"{sum(line.quantity for line in lines)}" in texts[-1]


def test_concurrent_renders_do_not_corrupt_each_other(doc):
    """Printing runs in worker threads; reportlab's font subsetting state is shared."""
    from concurrent.futures import ThreadPoolExecutor

    # Different letters per document give each PDF a different font subset.
    alphabet = "ąćęłńóśźżĄĆĘŁŃÓŚŹŻабвгдежзийклмнопрстуфхцчшщыэюя"
    lines = tuple(LabelLine(f"SKU-{i}", f"Produkt {alphabet[i:] + alphabet[:i]}", 1) for i in range(30))
    docs = [
        replace(
            doc,
            tracking_number=f"PX{i:09d}PL",
            lines=lines[i % 7 :],
            recipient=replace(doc.recipient, name=f"Иван Петров {i} {alphabet[i]}"),
        )
        for i in range(32)
    ]
    with ThreadPoolExecutor(8) as pool:
        outputs = list(pool.map(lambda d: (render_shipping_label(d), render_packing_slip(d)), docs))
    for d, (label, slip) in zip(docs, outputs, strict=True):
        assert d.recipient.name in text_of(label) and d.tracking_number in text_of(label)
        assert d.recipient.name in text_of(slip)
